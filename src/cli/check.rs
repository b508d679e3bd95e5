//! `crosscheck check` and `crosscheck claims`: the report is written as the documents are
//! analysed (see `pipeline`).

use super::pipeline::{Pipeline, Request};
use super::{CheckArgs, output, use_color};
use crate::report::WriterOptions;
use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// Runs the analysis and writes the reports; returns the exit code.
pub(super) fn run(args: &CheckArgs, with_findings: bool, out: &mut dyn Write) -> Result<u8> {
    let (pipeline, sources) = Pipeline::open(Request {
        paths: &args.paths,
        rules: &args.rules,
        config: &args.config,
        input: &args.input,
        findings: with_findings,
        baseline: args.baseline.baseline.as_deref(),
    })?;
    let opts = WriterOptions {
        rules: pipeline.rules(),
        findings: with_findings,
        color: use_color(args.color),
    };
    let is_input = |p: &Path| {
        let canonical = p.canonicalize().ok();
        sources.iter().any(|s| s.is(p, canonical.as_deref()))
    };
    let mut sinks = output::Sinks::open(args.format, &args.output_files, &is_input, opts, out)?;
    let threshold = output::threshold(args.fail_on);
    let mut fails = false;
    let outcome = pipeline.run(sources, &mut |chunk| {
        fails |= output::exit_code(chunk.findings, threshold) == 1;
        sinks.chunk(chunk)
    })?;
    sinks.finish()?;
    // An unreadable input was reported on stderr; the report covers the others.
    if outcome.failed {
        return Ok(2);
    }
    Ok(u8::from(with_findings && fails))
}
