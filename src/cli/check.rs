//! `crosscheck check` and `crosscheck claims`.

use super::{CheckArgs, FailOn, load_rules, read_documents, use_color};
use crate::model::Severity;
use crate::report;
use crate::{CompareOptions, analyze};
use anyhow::Result;
use std::io::Write;

/// Runs the analysis and writes the report; returns the exit code.
pub(super) fn run(args: &CheckArgs, with_findings: bool, out: &mut dyn Write) -> Result<u8> {
    let rules = load_rules(&args.rules.rules, !args.rules.no_builtin)?;
    let docs = read_documents(&args.paths)?;
    let analysis = analyze(&rules, &docs, CompareOptions::default());
    let input = report::Input {
        analysis: &analysis,
        docs: &docs,
        findings: with_findings,
        color: use_color(args.color),
    };
    report::render(args.format, input, out)?;
    out.flush()?;
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = with_findings
        && threshold.is_some_and(|t| analysis.findings.iter().any(|f| f.severity >= t));
    Ok(u8::from(failing))
}
