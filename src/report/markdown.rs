//! Markdown: a heading with the counts and one table row per finding (severity, rule, subject,
//! both claims with their sources, locations), most useful first — for a pull-request comment or
//! an editor's email. Every cell is escaped: pipes, line breaks, and the characters that would
//! turn news text into emphasis, links, HTML or (on GitHub) maths, such as `$4 billion … $2`.

use super::Input;
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
    if !input.findings {
        return claims(input, out);
    }
    let a = input.analysis;
    let count = |s: Severity| a.findings.iter().filter(|f| f.severity == s).count();
    let docs = plural(a.documents.len(), "document");
    if a.findings.is_empty() {
        return writeln!(
            out,
            "**crosscheck**: no disagreement between sources in {docs} ({}).",
            plural(a.claims.len(), "claim")
        );
    }
    writeln!(
        out,
        "### crosscheck: {} ({} error, {} warning, {} info) in {docs}\n",
        plural(a.findings.len(), "finding"),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    )?;
    writeln!(
        out,
        "| Severity | Rule | Subject | Claim A (source) | Claim B (source) | Location |"
    )?;
    writeln!(out, "| --- | --- | --- | --- | --- | --- |")?;
    for i in super::by_priority(&a.findings) {
        let f = &a.findings[i];
        let Some((x, y)) = input.claims_of(f) else {
            continue;
        };
        let (Some(dx), Some(dy)) = (input.doc_of(x), input.doc_of(y)) else {
            continue;
        };
        let (ly, cy) = dy.line_col(y.span.start);
        let second = if dx.path == dy.path {
            format!("{ly}:{cy}")
        } else {
            super::location(dy, y)
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            severity_cell(f.severity),
            escape_cell(&f.rule),
            escape_cell(&f.subject),
            claim_cell(dx, x),
            claim_cell(dy, y),
            escape_cell(&format!("{} ↔ {second}", super::location(dx, x)))
        )?;
    }
    Ok(())
}

/// `crosscheck claims --format markdown`: one row per claim.
fn claims(input: Input<'_>, out: &mut dyn Write) -> io::Result<()> {
    let a = input.analysis;
    writeln!(
        out,
        "### crosscheck: {} in {}\n",
        plural(a.claims.len(), "claim"),
        plural(a.documents.len(), "document")
    )?;
    if a.claims.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "| Id | Location | Subject | Aspect | Value | Claim (source) |"
    )?;
    writeln!(out, "| --- | --- | --- | --- | --- | --- |")?;
    for (i, c) in a.claims.iter().enumerate() {
        let Some(doc) = input.doc_of(c) else {
            continue;
        };
        writeln!(
            out,
            "| c{} | {} | {} | {} | {} | {} |",
            i + 1,
            escape_cell(&super::location(doc, c)),
            escape_cell(&c.subject),
            escape_cell(&c.aspect),
            escape_cell(&describe_value(c)),
            claim_cell(doc, c)
        )?;
    }
    Ok(())
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
