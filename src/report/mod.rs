//! Reports: render an [`Analysis`] for people or machines. Renderers read claims and findings;
//! they know nothing of extraction.
//!
//! Formats: `human` (an editor's report), `json` (the versioned contract), `jsonl` (one finding
//! per line with both claims), `sarif` (SARIF 2.1.0 for code-scanning tools), `github` (GitHub
//! Actions workflow commands) and `markdown` (a table for a pull-request comment or an email).
//!
//! Every format is a [`ReportWriter`] that takes the analysis in [`Chunk`]s, so the CLI can
//! write a report document by document ([`stream`]); [`render`] feeds the whole analysis as one
//! chunk.

pub mod github;
mod human;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod sarif;
pub mod spool;
pub mod stream;

pub use stream::{Chunk, Counts, ReportWriter, WriterOptions, writer};

use crate::Analysis;
use crate::model::{Claim, Finding, source_key};
use crate::rules::RuleSet;
use crate::text::Document;
use std::io::{self, Write};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable report for an editor.
    Human,
    /// The JSON contract (version 1).
    Json,
    /// One JSON object per line: each finding with both of its claims in full.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (`::warning file=…::…`).
    Github,
    /// A Markdown summary table for a pull-request comment or an email.
    Markdown,
}

impl Format {
    /// The name used on the command line (`human`, `json`, …).
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Markdown => "markdown",
        }
    }
}

/// What to render.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The analysis.
    pub analysis: &'a Analysis,
    /// The documents it came from, in the same order.
    pub docs: &'a [Document],
    /// The rules the analysis ran with (SARIF lists the contradiction rules).
    pub rules: &'a RuleSet,
    /// Include findings (false for `crosscheck claims`).
    pub findings: bool,
    /// Use ANSI colours.
    pub color: bool,
}

impl<'a> Input<'a> {
    /// The two claims of a finding, or `None` if an index is out of range.
    pub fn claims_of(&self, f: &Finding) -> Option<(&'a Claim, &'a Claim)> {
        let claims = &self.analysis.claims;
        Some((claims.get(f.claims[0])?, claims.get(f.claims[1])?))
    }

    /// The document a claim came from, if it is in range.
    pub fn doc_of(&self, c: &Claim) -> Option<&'a Document> {
        self.docs.get(c.doc)
    }
}

/// Writes the report in a format: the format's [`ReportWriter`] fed the whole analysis as one
/// [`Chunk`].
pub fn render(format: Format, input: Input<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut w = writer(
        format,
        WriterOptions {
            rules: input.rules,
            findings: input.findings,
            color: input.color,
        },
    );
    w.begin(out)?;
    w.chunk(&Chunk::whole(&input), out)?;
    w.finish(out)
}

/// Indices of the findings, most useful first: severity descending, then confidence
/// descending, then report order (so the order is total and deterministic).
///
/// GitHub shows at most ten annotations of each type per step, and a reader of a table stops
/// early: both get the findings in this order.
pub fn by_priority(findings: &[Finding]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..findings.len()).collect();
    let key = |i: usize| (findings[i].severity, findings[i].confidence, i);
    order.sort_by(|&i, &j| stream::priority_cmp(key(i), key(j)));
    order
}

/// A claim's text with runs of whitespace collapsed to one space and letters lower-cased, so
/// that re-wrapping a paragraph does not change a fingerprint.
pub fn normalise_text(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// FNV-1a, 64 bits: a small, stable, dependency-free hash for fingerprints (not for security).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// A finding's fingerprint (`crosscheck/v1`): 16 hex digits of FNV-1a 64 over the rule id and,
/// for each claim, its normalised text and its source's key, the two claims in a canonical
/// order.
///
/// Line numbers, offsets and paths are left out, so the fingerprint survives edits elsewhere in
/// the file, a moved paragraph and a renamed file; it changes when either claim's wording, either
/// source or the rule changes.
pub fn fingerprint(rule: &str, a: (&str, &str), b: (&str, &str)) -> String {
    let part = |(text, source): (&str, &str)| {
        format!("{}\u{1f}{}", normalise_text(text), source_key(source))
    };
    let (mut x, mut y) = (part(a), part(b));
    if y < x {
        std::mem::swap(&mut x, &mut y);
    }
    let key = format!("crosscheck/v1\u{1e}{rule}\u{1e}{x}\u{1e}{y}");
    format!("{:016x}", fnv1a64(key.as_bytes()))
}

/// The fingerprint of a finding of `input` (see [`fingerprint`]); `None` if its claims are out
/// of range.
pub fn finding_fingerprint(input: &Input<'_>, f: &Finding) -> Option<String> {
    chunk_fingerprint(&Chunk::whole(input), f)
}

/// The fingerprint of a finding of a [`Chunk`] (see [`fingerprint`]); `None` if its claims are
/// out of range.
pub fn chunk_fingerprint(chunk: &Chunk<'_>, f: &Finding) -> Option<String> {
    let (a, b) = chunk.claims_of(f)?;
    let text = |c: &Claim| chunk.doc_of(c).map_or("", |d| d.slice(c.span));
    Some(fingerprint(
        &f.rule,
        (text(a), &a.source.name),
        (text(b), &b.source.name),
    ))
}

/// `path:line:column` of a claim's start.
pub fn location(doc: &Document, c: &Claim) -> String {
    let (line, col) = doc.line_col(c.span.start);
    format!("{}:{line}:{col}", doc.path)
}

/// A claim's source for one-line output: the name, with the role in brackets when known and the
/// speaker it resolves to after "=", or "the document" for the outlet's own voice.
pub fn source_label(c: &Claim) -> String {
    let named = match (&c.source.via, &c.source.role) {
        (crate::model::Via::Document, _) => {
            return format!("{} (the document's own voice)", c.source.name);
        }
        (_, Some(role)) if !role.is_empty() => format!("{} ({role})", c.source.name),
        _ => c.source.name.clone(),
    };
    match &c.source.resolved {
        Some(full) => format!("{named} = {full}"),
        None => named,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_known_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fingerprint_ignores_order_case_and_wrapping() {
        let a = ("attacks  decreased\nby 90%", "Mohammad Yaqoob Mujahid");
        let b = ("continued to pose a major threat", "a U.N. report");
        let f = fingerprint("trend-vs-level", a, b);
        assert_eq!(f.len(), 16);
        assert_eq!(f, fingerprint("trend-vs-level", b, a));
        assert_eq!(
            f,
            fingerprint(
                "trend-vs-level",
                ("Attacks decreased by 90%", "Mujahid"),
                ("continued to pose a major threat", "the U.N.")
            )
        );
        assert_ne!(f, fingerprint("other-rule", a, b));
        assert_ne!(
            f,
            fingerprint("trend-vs-level", ("attacks decreased by 80%", a.1), b)
        );
    }
}
