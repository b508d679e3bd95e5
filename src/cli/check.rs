//! `crosscheck check` and `crosscheck claims`.

use super::input::{Request, prepare};
use super::{CheckArgs, output, use_color};
use crate::report;
use anyhow::Result;
use std::io::Write;

/// Runs the analysis and writes the report; returns the exit code.
pub(super) fn run(args: &CheckArgs, with_findings: bool, out: &mut dyn Write) -> Result<u8> {
    let prepared = prepare(Request {
        paths: &args.paths,
        rules: &args.rules,
        config: &args.config,
        input: &args.input,
        findings: with_findings,
        baseline: args.baseline.baseline.as_deref(),
    })?;
    let (rules, docs, analysis) = (&prepared.rules, &prepared.docs, &prepared.analysis);
    let input = report::Input {
        analysis,
        docs,
        rules,
        findings: with_findings,
        color: use_color(args.color),
    };
    output::write_reports(input, args.format, &args.output_files, out)?;
    // An unreadable input was reported on stderr; the report covers the others.
    if prepared.failed {
        return Ok(2);
    }
    if !with_findings {
        return Ok(0);
    }
    Ok(output::exit_code(
        &analysis.findings,
        output::threshold(args.fail_on),
    ))
}
