//! Fixture snapshots for `crosscheck test`: the claims and findings of one article as readable
//! YAML, and unified line diffs between an accepted snapshot and the current output.
//!
//! A snapshot is written by hand rather than by a YAML serialiser so that its layout is fixed:
//! one field per line, claims in document order, findings in report order, every free-text value
//! double-quoted (JSON string syntax, which YAML reads as a double-quoted scalar). It holds no
//! absolute path, no colour and nothing that depends on the machine, so it can be committed and
//! compared byte for byte (line endings aside).

use crate::Analysis;
use crate::compare::describe_value;
use crate::model::Claim;
use crate::text::Document;
use similar::{ChangeTag, TextDiff};
use std::fmt::Write as _;

/// Suffix of an accepted snapshot, written beside the fixture: `article.snap.yaml`.
pub const SNAPSHOT_SUFFIX: &str = ".snap.yaml";
/// Suffix of a pending snapshot, awaiting review: `article.snap.yaml.new`.
pub const PENDING_SUFFIX: &str = ".snap.yaml.new";

/// Lines of context around each change in a diff.
const CONTEXT_LINES: usize = 3;

/// A string as a YAML double-quoted scalar, whitespace runs collapsed to one space.
fn quoted(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    serde_json::to_string(&flat).unwrap_or_else(|_| format!("{flat:?}"))
}

/// Renders the snapshot of one document analysed on its own. `doc.path` is written as given,
/// so pass a path relative to the test folder.
#[must_use]
pub fn render(doc: &Document, analysis: &Analysis) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(
        out,
        "# crosscheck test snapshot: claims and findings of the fixture below."
    );
    let _ = writeln!(
        out,
        "# Review changes with `crosscheck test --review`; accept them all with `--update`."
    );
    let _ = writeln!(out, "fixture: {}", quoted(&doc.path));
    if analysis.claims.is_empty() {
        let _ = writeln!(out, "claims: []");
    } else {
        let _ = writeln!(out, "claims:");
    }
    for c in &analysis.claims {
        claim(&mut out, doc, c);
    }
    if analysis.findings.is_empty() {
        let _ = writeln!(out, "findings: []");
    } else {
        let _ = writeln!(out, "findings:");
    }
    for f in &analysis.findings {
        let _ = writeln!(out, "  - rule: {}", quoted(&f.rule));
        let _ = writeln!(out, "    kind: {}", quoted(f.kind.as_str()));
        for (side, i) in ["a", "b"].iter().zip(f.claims) {
            if let Some(c) = analysis.claims.get(i) {
                let (line, col) = doc.line_col(c.span.start);
                let _ = writeln!(
                    out,
                    "    {side}: {{ at: \"{line}:{col}\", text: {}, source: {} }}",
                    quoted(&c.text),
                    quoted(&c.source.name)
                );
            }
        }
        let _ = writeln!(out, "    message: {}", quoted(&f.message));
    }
    out
}

fn claim(out: &mut String, doc: &Document, c: &Claim) {
    let (line, col) = doc.line_col(c.span.start);
    let _ = writeln!(out, "  - at: \"{line}:{col}\"");
    let _ = writeln!(out, "    text: {}", quoted(&c.text));
    let _ = writeln!(out, "    subject: {}", quoted(&c.subject));
    let _ = writeln!(out, "    aspect: {}", quoted(&c.aspect));
    let value = describe_value(c);
    if !value.is_empty() {
        let _ = writeln!(out, "    value: {}", quoted(&value));
    }
    let _ = writeln!(out, "    source: {}", quoted(&c.source.name));
    let _ = writeln!(out, "    rule: {}", quoted(&c.rule));
}

/// Whether two snapshots are the same, ignoring `\r` before line ends and a missing final
/// newline (so a checkout with CRLF line endings still matches).
#[must_use]
pub fn same(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

fn normalise(s: &str) -> String {
    let mut t = s.replace("\r\n", "\n");
    if !t.is_empty() && !t.ends_with('\n') {
        t.push('\n');
    }
    t
}

/// A unified diff (`---`/`+++` headers, `@@` hunks, three lines of context) from `old` to
/// `new`, with ANSI colours (red removals, green additions, cyan hunk headers) if `color`.
#[must_use]
pub fn diff(old: &str, new: &str, old_name: &str, new_name: &str, color: bool) -> String {
    let (old, new) = (normalise(old), normalise(new));
    let text_diff = TextDiff::from_lines(&old, &new);
    let mut out = String::new();
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let _ = writeln!(out, "{}", paint("1;31", &format!("--- {old_name}")));
    let _ = writeln!(out, "{}", paint("1;32", &format!("+++ {new_name}")));
    for group in text_diff.grouped_ops(CONTEXT_LINES) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let (o0, o1) = (first.old_range().start, last.old_range().end);
        let (n0, n1) = (first.new_range().start, last.new_range().end);
        let header = format!(
            "@@ -{} +{} @@",
            hunk_range(o0, o1 - o0),
            hunk_range(n0, n1 - n0)
        );
        let _ = writeln!(out, "{}", paint("36", &header));
        for op in &group {
            for change in text_diff.iter_changes(op) {
                let line = change.value().trim_end_matches('\n');
                let _ = match change.tag() {
                    ChangeTag::Equal => writeln!(out, " {line}"),
                    ChangeTag::Delete => writeln!(out, "{}", paint("31", &format!("-{line}"))),
                    ChangeTag::Insert => writeln!(out, "{}", paint("32", &format!("+{line}"))),
                };
            }
        }
    }
    out
}

/// `start,len` in unified-diff notation (1-based start; `start-1,0` for an empty range).
fn hunk_range(start: usize, len: usize) -> String {
    match len {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{len}", start + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_has_headers_hunks_and_signs() {
        let d = diff("a\nb\nc\n", "a\nB\nc\n", "old", "new", false);
        assert_eq!(d, "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    }

    #[test]
    fn diff_colours_only_when_asked() {
        assert!(diff("a\n", "b\n", "o", "n", true).contains("\x1b[31m-a"));
        assert!(!diff("a\n", "b\n", "o", "n", false).contains('\x1b'));
    }

    #[test]
    fn diff_from_nothing_only_adds() {
        let d = diff("", "a\nb\n", "old", "new", false);
        assert_eq!(d, "--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    }

    #[test]
    fn same_ignores_crlf_and_final_newline() {
        assert!(same("a\r\nb\r\n", "a\nb"));
        assert!(!same("a\n", "b\n"));
    }

    #[test]
    fn quoted_values_are_json_strings_on_one_line() {
        assert_eq!(quoted("say \"hi\"\n  now"), "\"say \\\"hi\\\" now\"");
    }
}
