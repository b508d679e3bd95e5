//! `crosscheck baseline write FILE [PATH…]` and reading the file that `check --baseline FILE`
//! uses. The format and matching are in [`crate::baseline`].

use super::RuleArgs;
use super::config_cmd::ConfigArgs;
use super::input::{InputArgs, say};
use super::pipeline::{Pipeline, Request};
use crate::baseline::{Baseline, Recorder};
use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The `--baseline` option of `check`.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct BaselineArg {
    /// Report only findings that are not in this baseline file (see `crosscheck baseline write`).
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
}

/// `crosscheck baseline …`.
#[derive(Debug, Subcommand)]
pub(crate) enum BaselineCommand {
    /// Record the current findings so that `check --baseline FILE` reports only new ones.
    Write(WriteArgs),
}

#[derive(Debug, Args)]
pub(crate) struct WriteArgs {
    /// The baseline file to write (JSON).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Files or folders to check (default: the working directory); `-` reads stdin.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    config: ConfigArgs,
    #[command(flatten)]
    input: InputArgs,
}

/// Reads and checks a baseline file.
pub(crate) fn read(path: &Path) -> Result<Baseline> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading baseline {}", path.display()))?;
    Baseline::parse(&text).with_context(|| format!("{}: invalid baseline", path.display()))
}

/// Runs `crosscheck baseline …`; the exit code is 2 if an input could not be read.
pub(crate) fn run(cmd: &BaselineCommand, out: &mut dyn Write) -> Result<u8> {
    match cmd {
        BaselineCommand::Write(args) => {
            let (pipeline, sources) = Pipeline::open(Request {
                paths: &args.paths,
                rules: &args.rules,
                config: &args.config,
                input: &args.input,
                findings: true,
                baseline: None,
            })?;
            if let Ok(target) = args.file.canonicalize()
                && let Some(s) = sources.iter().find(|s| s.is(&args.file, Some(&target)))
            {
                bail!("{}: is an input; inputs are never written", s.path);
            }
            let mut recorder = Recorder::default();
            let outcome = pipeline.run(sources, &mut |chunk| {
                recorder.record(chunk.findings, chunk.claims, chunk.docs);
                Ok(())
            })?;
            let n = recorder.findings();
            std::fs::write(&args.file, recorder.finish().to_json())
                .with_context(|| format!("writing baseline {}", args.file.display()))?;
            writeln!(
                out,
                "wrote {} finding{} to {}",
                n,
                if n == 1 { "" } else { "s" },
                args.file.display()
            )?;
            out.flush()?;
            if outcome.failed {
                say(
                    "error",
                    "some inputs could not be read; the baseline lacks their findings",
                );
                return Ok(2);
            }
            Ok(0)
        }
    }
}
