//! Streaming reports: a [`ReportWriter`] receives the report in [`Chunk`]s — one document at a
//! time in per-document mode, or the whole analysis at once — and writes as it goes, so memory
//! does not grow with the number of documents. [`super::render`] is the same writers fed one
//! chunk.

use super::{Format, Input};
use crate::DocumentSummary;
use crate::model::{Claim, Finding, Severity};
use crate::rules::RuleSet;
use crate::text::Document;
use std::io::{self, Write};

/// A part of a report: some documents, their claims and the findings among those claims.
///
/// Indices are local to the chunk: a claim's `doc` indexes `docs`, a finding's `claims` index
/// `claims`. Ids are global: the first claim of the chunk is `c{claim_base + 1}`, the first
/// finding `f{finding_base + 1}`, so a report written chunk by chunk has the ids of one written
/// from the whole analysis.
#[derive(Debug, Clone, Copy)]
pub struct Chunk<'a> {
    /// The documents of the chunk.
    pub docs: &'a [Document],
    /// Their counts, in the same order.
    pub documents: &'a [DocumentSummary],
    /// Their claims, ordered by document then offset.
    pub claims: &'a [Claim],
    /// Findings among those claims, in report order.
    pub findings: &'a [Finding],
    /// How many claims came before this chunk in the report.
    pub claim_base: usize,
    /// How many findings came before this chunk in the report.
    pub finding_base: usize,
}

impl<'a> Chunk<'a> {
    /// The whole analysis of `input` as one chunk.
    pub fn whole(input: &Input<'a>) -> Chunk<'a> {
        Chunk {
            docs: input.docs,
            documents: &input.analysis.documents,
            claims: &input.analysis.claims,
            findings: &input.analysis.findings,
            claim_base: 0,
            finding_base: 0,
        }
    }

    /// The two claims of a finding, or `None` if an index is out of range.
    pub fn claims_of(&self, f: &Finding) -> Option<(&'a Claim, &'a Claim)> {
        Some((self.claims.get(f.claims[0])?, self.claims.get(f.claims[1])?))
    }

    /// The document a claim came from, if it is in range.
    pub fn doc_of(&self, c: &Claim) -> Option<&'a Document> {
        self.docs.get(c.doc)
    }

    /// The report-wide index of the chunk's claim `local` (`c{index + 1}` is its id).
    pub fn claim_index(&self, local: usize) -> usize {
        self.claim_base + local
    }

    /// The report-wide index of the chunk's finding `local` (`f{index + 1}` is its id).
    pub fn finding_index(&self, local: usize) -> usize {
        self.finding_base + local
    }
}

/// What every writer is told once.
#[derive(Debug, Clone, Copy)]
pub struct WriterOptions<'a> {
    /// The rules of the run (SARIF lists the contradiction rules).
    pub rules: &'a RuleSet,
    /// Include findings (false for `crosscheck claims`).
    pub findings: bool,
    /// Use ANSI colours (human format only).
    pub color: bool,
}

/// A report written incrementally: [`begin`](ReportWriter::begin) once, then
/// [`chunk`](ReportWriter::chunk) for each part of the analysis in report order, then
/// [`finish`](ReportWriter::finish) once.
pub trait ReportWriter {
    /// Writes what comes before the first chunk.
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()>;
    /// Writes (or, where the format needs the whole run first, keeps a small rendering of) one
    /// chunk.
    fn chunk(&mut self, chunk: &Chunk<'_>, out: &mut dyn Write) -> io::Result<()>;
    /// Writes the rest: totals, and anything kept back.
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()>;
}

/// The writer of a format.
pub fn writer<'a>(format: Format, opts: WriterOptions<'a>) -> Box<dyn ReportWriter + 'a> {
    match format {
        Format::Human => Box::new(super::human::Human::new(opts)),
        Format::Json => Box::new(super::json::JsonWriter::new(opts)),
        Format::Jsonl => Box::new(super::jsonl::JsonlWriter::new(opts)),
        Format::Sarif => Box::new(super::sarif::SarifWriter::new(opts)),
        Format::Github => Box::new(super::github::GithubWriter::new(opts)),
        Format::Markdown => Box::new(super::markdown::MarkdownWriter::new(opts)),
    }
}

/// Running totals of a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents.
    pub documents: usize,
    /// Claims.
    pub claims: usize,
    /// Findings.
    pub findings: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

impl Counts {
    /// Adds a chunk's documents, claims and findings.
    pub fn add(&mut self, chunk: &Chunk<'_>) {
        self.documents += chunk.documents.len();
        self.claims += chunk.claims.len();
        self.findings += chunk.findings.len();
        for f in chunk.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// Writes `value` as pretty JSON, as `serde_json::to_writer_pretty` would inside a value nested
/// `indent` spaces deep: every line after the first is indented. JSON strings escape line
/// breaks, so every raw `\n` is layout. `buf` is scratch space, reused between calls.
pub(crate) fn write_nested_json<T: serde::Serialize>(
    out: &mut dyn Write,
    value: &T,
    indent: usize,
    buf: &mut Vec<u8>,
) -> io::Result<()> {
    buf.clear();
    serde_json::to_writer_pretty(&mut *buf, value)?;
    let pad = " ".repeat(indent);
    let mut lines = buf.split(|&b| b == b'\n');
    if let Some(first) = lines.next() {
        out.write_all(first)?;
    }
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(pad.as_bytes())?;
        out.write_all(line)?;
    }
    Ok(())
}

/// Ordering of findings for GitHub and Markdown: severity descending, then confidence
/// descending, then report order — the order of [`super::by_priority`].
pub(crate) fn priority_cmp(
    a: (Severity, f64, usize),
    b: (Severity, f64, usize),
) -> std::cmp::Ordering {
    b.0.cmp(&a.0)
        .then_with(|| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal))
        .then(a.2.cmp(&b.2))
}
