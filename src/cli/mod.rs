//! The command line: the only module that reads argv, the environment, files and stdin, writes
//! to stdout/stderr and picks exit codes (0 clean, 1 findings at or above `--fail-on`, 2 errors).

mod baseline_cmd;
mod check;
mod config_cmd;
mod explain_cmd;
mod init_cmd;
mod input;
pub mod output;
mod pipeline;
mod rules_cmd;
mod test_cmd;

pub use input::{
    Inputs, Loaded, ReadOptions, Source, Sources, analyze_documents, collect_sources,
    document_voice, load_rules, read_documents, read_inputs,
};

use crate::eval;
use crate::report::Format;
use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Find where the sources quoted in a text disagree with each other.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Report pairs of claims whose sources disagree.
    Check(CheckArgs),
    /// List every extracted claim with its source.
    Claims(CheckArgs),
    /// Score findings and claims against gold annotation files.
    Eval(EvalArgs),
    /// Trace the pipeline for some lines: segmentation, rules, subjects, sources, pairs.
    Explain(ExplainArgs),
    /// Show the effective configuration (`crosscheck.yaml`) and where each value came from.
    #[command(subcommand)]
    Config(config_cmd::ConfigCommand),
    /// Record current findings so that `check --baseline FILE` reports only new ones.
    #[command(subcommand)]
    Baseline(baseline_cmd::BaselineCommand),
    /// Validate rule files (every error at once) or list the loaded rules.
    #[command(subcommand)]
    Rules(rules_cmd::RulesCommand),
    /// Run the inline examples of a folder's rules and compare its fixtures with their snapshots.
    Test(test_cmd::TestArgs),
    /// Scaffold a configuration, an example rule file, a sample fixture and its snapshot.
    Init(init_cmd::InitArgs),
}

#[derive(Debug, Args)]
pub(crate) struct RuleArgs {
    /// Extra rule files or folders (YAML); repeatable. They add to or override the built-in rules.
    #[arg(long = "rules", value_name = "PATH")]
    pub(crate) rules: Vec<PathBuf>,
    /// Do not load the built-in rules.
    #[arg(long)]
    pub(crate) no_builtin: bool,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Files or folders to read (`.txt`, `.md`); `-` reads stdin.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) rules: RuleArgs,
    /// Output format on stdout.
    #[arg(long, value_enum, default_value = "human")]
    pub(crate) format: Format,
    /// Also write the report in FORMAT to PATH (`sarif=crosscheck.sarif`); repeatable, so one run
    /// writes several files. Formats: human, json, jsonl, sarif, github, markdown.
    #[arg(long = "output-file", value_name = "FORMAT=PATH")]
    pub(crate) output_files: Vec<output::OutputFile>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value = "info")]
    pub(crate) fail_on: FailOn,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub(crate) color: ColorChoice,
    #[command(flatten)]
    pub(crate) config: config_cmd::ConfigArgs,
    #[command(flatten)]
    pub(crate) input: input::InputArgs,
    #[command(flatten)]
    pub(crate) baseline: baseline_cmd::BaselineArg,
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// Gold annotation files (`*.gold.yaml`); the article is the file named beside it.
    #[arg(required = true, value_name = "GOLD")]
    gold: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The document.
    #[arg(value_name = "FILE")]
    pub(crate) path: PathBuf,
    /// First line to trace (1-based).
    #[arg(long, default_value_t = 1)]
    pub(crate) line: usize,
    /// Last line to trace (default: the first).
    #[arg(long)]
    pub(crate) to: Option<usize>,
    #[command(flatten)]
    pub(crate) rules: RuleArgs,
    /// Output format (human or json).
    #[arg(long, value_enum, default_value = "human")]
    pub(crate) format: Format,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            #[allow(clippy::print_stderr)]
            {
                eprintln!("crosscheck: error: {e:#}");
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

pub(crate) fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Check(args) => check::run(&args, true, &mut out),
        Command::Claims(args) => check::run(&args, false, &mut out),
        Command::Explain(args) => explain_cmd::run(&args, &mut out),
        Command::Config(cmd) => config_cmd::run(&cmd, &mut out),
        Command::Baseline(cmd) => baseline_cmd::run(&cmd, &mut out),
        Command::Rules(cmd) => rules_cmd::run(&cmd, &mut out),
        Command::Test(args) => test_cmd::run(&args, &mut out),
        Command::Init(args) => init_cmd::run(&args, &mut out),
        Command::Eval(args) => {
            let rules = load_rules(&args.rules.rules, !args.rules.no_builtin)?;
            let result = eval::evaluate_files(&rules, &args.gold)?;
            match args.format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &result)?;
                    writeln!(out)?;
                }
                Format::Human => eval::write_human(&result, &mut out)?,
                other => anyhow::bail!(
                    "crosscheck eval writes --format human or json, not {}",
                    other.name()
                ),
            }
            out.flush()?;
            Ok(0)
        }
    }
}
