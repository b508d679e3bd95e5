//! The command line: the only module that reads argv, the environment, files and stdin, writes
//! to stdout/stderr and picks exit codes (0 clean, 1 findings at or above `--fail-on`, 2 errors).

use crate::model::Severity;
use crate::report::{self, Format};
use crate::rules::{RuleSet, RuleText};
use crate::text::{DocKind, Document};
use crate::{CompareOptions, analyze, eval};
use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
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
struct RuleArgs {
    /// Extra rule files or folders (YAML); repeatable. They add to or override the built-in rules.
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Do not load the built-in rules.
    #[arg(long)]
    no_builtin: bool,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Files or folders to read (`.txt`, `.md`); `-` reads stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value = "info")]
    fail_on: FailOn,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
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
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
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
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

/// Loads the rule set: built-ins (unless disabled) plus user files and folders.
pub fn load_rules(paths: &[PathBuf], builtin: bool) -> Result<RuleSet> {
    let mut texts = Vec::new();
    for p in paths {
        for file in rule_files(p)? {
            let text = std::fs::read_to_string(&file).with_context(|| format!("reading rules from {}", file.display()))?;
            texts.push(RuleText { path: file.display().to_string(), text });
        }
    }
    let set = if builtin { RuleSet::with_builtin(&texts) } else { RuleSet::compile(&texts) };
    set.map_err(|e| anyhow::anyhow!("invalid rules:\n{e}"))
}

fn rule_files(p: &Path) -> Result<Vec<PathBuf>> {
    if p.is_dir() {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(p).with_context(|| format!("reading rule folder {}", p.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                out.extend(rule_files(&path)?);
            } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") && !path.to_string_lossy().ends_with(".gold.yaml") {
                out.push(path);
            }
        }
        out.sort();
        Ok(out)
    } else if p.exists() {
        Ok(vec![p.to_path_buf()])
    } else {
        bail!("{}: no such rule file or folder", p.display())
    }
}

/// Reads documents from paths (files, folders of `.txt`/`.md`, or `-` for stdin).
pub fn read_documents(paths: &[PathBuf]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).context("reading stdin")?;
            docs.push(Document::from_bytes("<stdin>", bytes, DocKind::Text)?);
            continue;
        }
        let mut files = Vec::new();
        collect(p, &mut files)?;
        for f in files {
            let bytes = std::fs::read(&f).with_context(|| format!("{}: cannot read", f.display()))?;
            let path = f.display().to_string();
            let kind = DocKind::from_path(&path);
            docs.push(Document::from_bytes(path, bytes, kind)?);
        }
    }
    Ok(docs)
}

fn collect(p: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(p).with_context(|| format!("{}: cannot read", p.display()))?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .with_context(|| format!("{}: cannot read folder", p.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            let name = e.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if name.starts_with('.') {
                continue;
            }
            if e.is_dir() {
                collect(&e, out)?;
            } else if e.extension().is_some_and(|x| matches!(x.to_str(), Some("txt" | "md" | "markdown"))) {
                out.push(e);
            }
        }
    } else {
        out.push(p.to_path_buf());
    }
    Ok(())
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal(),
    }
}

fn run(cli: Cli) -> Result<u8> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Check(args) => check(&args, true, &mut out),
        Command::Claims(args) => check(&args, false, &mut out),
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

fn check(args: &CheckArgs, with_findings: bool, out: &mut dyn Write) -> Result<u8> {
    let rules = load_rules(&args.rules.rules, !args.rules.no_builtin)?;
    let docs = read_documents(&args.paths)?;
    let analysis = analyze(&rules, &docs, CompareOptions::default());
    let input = report::Input { analysis: &analysis, docs: &docs, findings: with_findings, color: use_color(args.color) };
    report::render(args.format, input, out)?;
    out.flush()?;
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = with_findings && threshold.is_some_and(|t| analysis.findings.iter().any(|f| f.severity >= t));
    Ok(u8::from(failing))
}
