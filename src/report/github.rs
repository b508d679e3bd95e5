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

use super::Input;
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
    if !input.findings {
        return Ok(());
    }
    let findings = &input.analysis.findings;
    for i in super::by_priority(findings) {
        let f = &findings[i];
        let Some((a, b)) = input.claims_of(f) else {
            continue;
        };
        let (Some(da), Some(db)) = (input.doc_of(a), input.doc_of(b)) else {
            continue;
        };
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
        writeln!(
            out,
            "::{} {props}::{}",
            command(f.severity),
            escape_data(&message)
        )?;
    }
    Ok(())
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
