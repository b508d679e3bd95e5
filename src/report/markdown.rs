//! Markdown: a heading with the counts and one table row per finding (severity, rule, subject,
//! both claims with their sources, locations), most useful first — for a pull-request comment or
//! an editor's email. Every cell is escaped: pipes, line breaks, and the characters that would
//! turn news text into emphasis, links, HTML or (on GitHub) maths, such as `$4 billion … $2`.

use super::spool::Spool;
use super::{Chunk, Counts, Input, ReportWriter, WriterOptions};
use crate::compare::describe_value;
use crate::model::{Claim, Severity};
use crate::text::Document;
use std::io::{self, Write};

/// Longest claim excerpt in a cell, in characters.
const MAX_CLAIM_CHARS: usize = 160;

/// Escapes text for one GitHub-flavoured Markdown table cell: line breaks become spaces;
/// `\ | * _ ` [ ] < > & ~ $` are backslash-escaped.
pub fn escape_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for ch in word.chars() {
            if matches!(
                ch,
                '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '~' | '$'
            ) {
                out.push('\\');
            }
            out.push(ch);
        }
    }
    out
}

/// Shortens text to `max` characters, ending with `…` when cut.
fn shorten(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn severity_cell(s: Severity) -> &'static str {
    match s {
        Severity::Error => "🛑 error",
        Severity::Warning => "⚠️ warning",
        Severity::Info => "ℹ️ info",
    }
}

fn claim_cell(doc: &Document, c: &Claim) -> String {
    format!(
        "“{}” — {}",
        escape_cell(&shorten(doc.slice(c.span), MAX_CLAIM_CHARS)),
        escape_cell(&super::source_label(c))
    )
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Writes the Markdown report.
pub fn write(input: Input<'_>, out: &mut dyn Write) -> io::Result<()> {
    super::render(super::Format::Markdown, input, out)
}

/// The table row of one finding of a chunk, or `None` if its claims are out of range.
fn finding_row(chunk: &Chunk<'_>, f: &crate::model::Finding) -> Option<String> {
    let (x, y) = chunk.claims_of(f)?;
    let (dx, dy) = (chunk.doc_of(x)?, chunk.doc_of(y)?);
    let (ly, cy) = dy.line_col(y.span.start);
    let second = if dx.path == dy.path {
        format!("{ly}:{cy}")
    } else {
        super::location(dy, y)
    };
    Some(format!(
        "| {} | {} | {} | {} | {} | {} |",
        severity_cell(f.severity),
        escape_cell(&f.rule),
        escape_cell(&f.subject),
        claim_cell(dx, x),
        claim_cell(dy, y),
        escape_cell(&format!("{} ↔ {second}", super::location(dx, x)))
    ))
}

/// The Markdown report. Its heading gives the totals and its rows come most useful first, so
/// the rendered rows are kept until the end: finding rows in memory (one short line per
/// finding), claim rows (`crosscheck claims`) in a [`Spool`].
pub struct MarkdownWriter {
    findings: bool,
    counts: Counts,
    /// (severity, confidence, report index, row) of each finding.
    rows: Vec<(Severity, f64, usize, String)>,
    /// Claim rows, in report order.
    claim_rows: Spool,
}

impl MarkdownWriter {
    /// A writer for `opts`.
    pub fn new(opts: WriterOptions<'_>) -> MarkdownWriter {
        MarkdownWriter {
            findings: opts.findings,
            counts: Counts::default(),
            rows: Vec::new(),
            claim_rows: Spool::new(),
        }
    }

    /// `crosscheck claims --format markdown`: one row per claim.
    fn claims(&mut self, chunk: &Chunk<'_>) -> io::Result<()> {
        for (i, c) in chunk.claims.iter().enumerate() {
            let Some(doc) = chunk.doc_of(c) else {
                continue;
            };
            writeln!(
                self.claim_rows,
                "| c{} | {} | {} | {} | {} | {} |",
                chunk.claim_index(i) + 1,
                escape_cell(&super::location(doc, c)),
                escape_cell(&c.subject),
                escape_cell(&c.aspect),
                escape_cell(&describe_value(c)),
                claim_cell(doc, c)
            )?;
        }
        Ok(())
    }

    fn finish_claims(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let n = self.counts;
        writeln!(
            out,
            "### crosscheck: {} in {}\n",
            plural(n.claims, "claim"),
            plural(n.documents, "document")
        )?;
        if n.claims == 0 {
            return Ok(());
        }
        writeln!(
            out,
            "| Id | Location | Subject | Aspect | Value | Claim (source) |"
        )?;
        writeln!(out, "| --- | --- | --- | --- | --- | --- |")?;
        self.claim_rows.copy_to(out)
    }
}

impl ReportWriter for MarkdownWriter {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn chunk(&mut self, chunk: &Chunk<'_>, _out: &mut dyn Write) -> io::Result<()> {
        self.counts.add(chunk);
        if !self.findings {
            return self.claims(chunk);
        }
        for (i, f) in chunk.findings.iter().enumerate() {
            if let Some(row) = finding_row(chunk, f) {
                self.rows
                    .push((f.severity, f.confidence, chunk.finding_index(i), row));
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.findings {
            return self.finish_claims(out);
        }
        let n = self.counts;
        let docs = plural(n.documents, "document");
        if n.findings == 0 {
            return writeln!(
                out,
                "**crosscheck**: no disagreement between sources in {docs} ({}).",
                plural(n.claims, "claim")
            );
        }
        writeln!(
            out,
            "### crosscheck: {} ({} error, {} warning, {} info) in {docs}\n",
            plural(n.findings, "finding"),
            n.errors,
            n.warnings,
            n.infos,
        )?;
        writeln!(
            out,
            "| Severity | Rule | Subject | Claim A (source) | Claim B (source) | Location |"
        )?;
        writeln!(out, "| --- | --- | --- | --- | --- | --- |")?;
        let mut rows = std::mem::take(&mut self.rows);
        rows.sort_by(|a, b| super::stream::priority_cmp((a.0, a.1, a.2), (b.0, b.1, b.2)));
        for (.., row) in rows {
            writeln!(out, "{row}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_escaped() {
        assert_eq!(
            escape_cell("a | b\nc $4 *x* <b>"),
            "a \\| b c \\$4 \\*x\\* \\<b\\>"
        );
    }

    #[test]
    fn long_text_is_shortened() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("a  b", 4), "a b");
    }
}
