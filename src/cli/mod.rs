//! The command line: the only module that reads argv, the environment, files and stdin, writes
//! to stdout/stderr and picks exit codes (0 clean, 1 findings at or above `--fail-on`, 2 errors).

mod check;
mod input;

pub use input::{load_rules, read_documents};

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
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub(crate) format: Format,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value = "info")]
    pub(crate) fail_on: FailOn,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub(crate) color: ColorChoice,
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
        Command::Eval(args) => {
            let rules = load_rules(&args.rules.rules, !args.rules.no_builtin)?;
            let result = eval::evaluate_files(&rules, &args.gold)?;
            match args.format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &result)?;
                    writeln!(out)?;
                }
                Format::Human => eval::write_human(&result, &mut out)?,
            }
            out.flush()?;
            Ok(0)
        }
    }
}
