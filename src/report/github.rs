//! GitHub Actions workflow commands: one annotation per finding, on its first claim, with a
//! message that names the other claim's location and source.
//!
//! ```text
//! ::warning file=PATH,line=L,endLine=L2,col=C,endColumn=C2,title=RULE-ID::MESSAGE (other claim: PATH:L:C, SOURCE)
//! ```
//!
//! Severity maps to `error`, `warning` or `notice`. `col`/`endColumn` are given only for spans on
//! one line (GitHub ignores them otherwise). GitHub shows at most ten annotations of each type per
//! step, so findings come most useful first ([`super::by_priority`]). Escaping follows
//! `@actions/core`: `%`, `\r`, `\n` in the message; also `:` and `,` in properties.

use super::{Chunk, Input, ReportWriter, WriterOptions};
use crate::model::Severity;
use std::io::{self, Write};

/// The workflow command for a severity.
pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a command's message (`%`, `\r`, `\n`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value (`%`, `\r`, `\n`, `:`, `,`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Writes one annotation line per finding, most useful first. `crosscheck claims` writes
/// nothing: claims are not problems.
pub fn write(input: Input<'_>, out: &mut dyn Write) -> io::Result<()> {
    super::render(super::Format::Github, input, out)
}

/// The annotation of one finding of a chunk, or `None` if its claims are out of range.
fn annotation(chunk: &Chunk<'_>, f: &crate::model::Finding) -> Option<String> {
    let (a, b) = chunk.claims_of(f)?;
    let (da, db) = (chunk.doc_of(a)?, chunk.doc_of(b)?);
    let (line, col) = da.line_col(a.span.start);
    let (end_line, end_col) = da.line_col(a.span.end);
    let mut props = format!(
        "file={},line={line},endLine={end_line}",
        escape_property(&da.path)
    );
    if line == end_line {
        props.push_str(&format!(",col={col},endColumn={end_col}"));
    }
    props.push_str(&format!(",title={}", escape_property(&f.rule)));
    let message = format!(
        "{} (other claim: {}, {})",
        f.message,
        super::location(db, b),
        super::source_label(b)
    );
    Some(format!(
        "::{} {props}::{}",
        command(f.severity),
        escape_data(&message)
    ))
}

/// The GitHub report. Annotations are ordered most useful first across the whole run, so each
/// finding's annotation line (not its document) is kept until the end.
pub struct GithubWriter {
    findings: bool,
    /// (severity, confidence, report index, annotation line).
    lines: Vec<(Severity, f64, usize, String)>,
}

impl GithubWriter {
    /// A writer for `opts`.
    pub fn new(opts: WriterOptions<'_>) -> GithubWriter {
        GithubWriter {
            findings: opts.findings,
            lines: Vec::new(),
        }
    }
}

impl ReportWriter for GithubWriter {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn chunk(&mut self, chunk: &Chunk<'_>, _out: &mut dyn Write) -> io::Result<()> {
        if !self.findings {
            return Ok(());
        }
        for (i, f) in chunk.findings.iter().enumerate() {
            if let Some(line) = annotation(chunk, f) {
                self.lines
                    .push((f.severity, f.confidence, chunk.finding_index(i), line));
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let mut lines = std::mem::take(&mut self.lines);
        lines.sort_by(|a, b| super::stream::priority_cmp((a.0, a.1, a.2), (b.0, b.1, b.2)));
        for (.., line) in lines {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("100% a\r\nb"), "100%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
