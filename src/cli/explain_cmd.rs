//! `crosscheck explain FILE --line N`: why each sentence did or did not give a claim, and why
//! each candidate pair was or was not flagged.

use super::{ExplainArgs, load_rules, read_documents};
use crate::explain;
use crate::report::Format;
use anyhow::{Result, bail};
use std::io::Write;

/// Runs `explain`; returns the exit code.
pub(super) fn run(args: &ExplainArgs, out: &mut dyn Write) -> Result<u8> {
    let rules = load_rules(&args.rules.rules, !args.rules.no_builtin)?;
    let docs = read_documents(std::slice::from_ref(&args.path))?;
    let Some(doc) = docs.first() else {
        bail!("{}: no document to explain", args.path.display())
    };
    let last = args.to.unwrap_or(args.line).max(args.line);
    let trace = explain::explain(&rules, doc, args.line, last);
    if trace.sentences.is_empty() {
        bail!(
            "{}:{}: no sentence on line {}–{} (the file has {} lines)",
            doc.path,
            args.line,
            args.line,
            last,
            doc.lines().line_count()
        );
    }
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &trace)?;
            writeln!(out)?;
        }
        _ => explain::write_human(&trace, out)?,
    }
    out.flush()?;
    Ok(0)
}
