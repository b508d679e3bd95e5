//! The JSON contract (`version: 1`, see the README): wire structs kept apart from domain types.
//!
//! The report is one object written as it goes: `version`, then every claim as its document is
//! analysed, then `findings` and `documents` (spooled during the run: they are small, and a
//! temporary file holds them past a megabyte), then `summary`. The bytes are those of
//! `serde_json::to_writer_pretty` on [`report`].

use super::spool::Spool;
use super::stream::write_nested_json;
use super::{Chunk, Counts, Input, ReportWriter, WriterOptions};
use crate::DocumentSummary;
use crate::model::{Claim, Finding};
use crate::text::Document;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// Version of the JSON contract.
pub const VERSION: u32 = 1;

/// The whole report. Fields serialize in the order the streaming writer writes them: claims
/// first, so that they can be written while later documents are still being read.
#[derive(Debug, Serialize, Deserialize)]
pub struct Report {
    /// Contract version.
    pub version: u32,
    /// Claims.
    pub claims: Vec<JsonClaim>,
    /// Findings (absent for `crosscheck claims`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub findings: Option<Vec<JsonFinding>>,
    /// Documents read.
    pub documents: Vec<JsonDocument>,
    /// Counts.
    pub summary: Summary,
}

/// A document entry.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonDocument {
    /// Path.
    pub path: String,
    /// Sentence count.
    pub sentences: usize,
    /// Claim count.
    pub claims: usize,
}

/// A located span.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct JsonSpan {
    /// UTF-8 byte offset, inclusive.
    pub start: usize,
    /// UTF-8 byte offset, exclusive.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in Unicode scalar values.
    pub column: usize,
    /// 1-based line of `end`.
    pub end_line: usize,
    /// 1-based column of `end`.
    pub end_column: usize,
}

/// A sentence's byte range.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonRange {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// A numeric value.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonValue {
    /// Lower bound, or null if unbounded.
    pub low: Option<f64>,
    /// Upper bound, or null if unbounded.
    pub high: Option<f64>,
    /// Unit, if any.
    pub unit: Option<String>,
    /// `exact`, `approximate`, `at_least`, `at_most` or `range`.
    pub bound: String,
}

/// A claim's source.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonSource {
    /// Speaker name.
    pub name: String,
    /// Role, if any.
    pub role: Option<String>,
    /// Cue word, if any.
    pub cue: Option<String>,
    /// `explicit`, `quote_carry`, `pronoun` or `document`.
    pub via: String,
    /// `assert`, `deny` or `hedge`.
    pub stance: String,
    /// The fullest mention of the same speaker in the document, when it names the speaker
    /// differently ("Alberio Oromo" for "the governor"); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
}

/// A claim.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonClaim {
    /// Stable id (`c1`, `c2`, … in output order).
    pub id: String,
    /// Document path.
    pub path: String,
    /// Where the claim is.
    pub span: JsonSpan,
    /// The sentence's range.
    pub sentence: JsonRange,
    /// The claim's text.
    pub text: String,
    /// Subject.
    pub subject: String,
    /// Aspect.
    pub aspect: String,
    /// `numeric`, `evaluative` or `attribution`.
    pub kind: String,
    /// Numeric value.
    pub value: Option<JsonValue>,
    /// `up` or `down`.
    pub direction: Option<String>,
    /// `positive` or `negative`.
    pub polarity: Option<String>,
    /// Responsible agent, for attribution claims.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub agent: Option<String>,
    /// Who says it.
    pub source: JsonSource,
    /// Rule id.
    pub rule: String,
}

/// A finding.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonFinding {
    /// Stable id (`f1`, …).
    pub id: String,
    /// Contradiction rule id.
    pub rule: String,
    /// Kind of disagreement.
    pub kind: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// 0–1.
    pub confidence: f64,
    /// Subject.
    pub subject: String,
    /// Aspect of the first claim.
    pub aspect: String,
    /// The two claim ids.
    pub claims: [String; 2],
    /// Explanation.
    pub message: String,
}

/// Counts.
#[derive(Debug, Serialize, Deserialize)]
pub struct Summary {
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
}

fn to_value<T: Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Locates a byte span in a document.
pub fn span(doc: &Document, start: usize, end: usize) -> JsonSpan {
    let (line, column) = doc.line_col(start);
    let (end_line, end_column) = doc.line_col(end);
    JsonSpan {
        start,
        end,
        line,
        column,
        end_line,
        end_column,
    }
}

/// Converts a claim to its wire form.
pub fn claim(id: usize, c: &Claim, docs: &[Document]) -> JsonClaim {
    let doc = &docs[c.doc];
    JsonClaim {
        id: format!("c{}", id + 1),
        path: doc.path.clone(),
        span: span(doc, c.span.start, c.span.end),
        sentence: JsonRange {
            start: c.sentence.start,
            end: c.sentence.end,
        },
        text: doc.slice(c.span).to_owned(),
        subject: c.subject.clone(),
        aspect: c.aspect.clone(),
        kind: to_value(&c.kind),
        value: c.value.as_ref().map(|v| JsonValue {
            low: v.low,
            high: v.high,
            unit: v.unit.clone(),
            bound: to_value(&v.bound),
        }),
        direction: c.direction.map(|d| to_value(&d)),
        polarity: c.polarity.map(|p| to_value(&p)),
        agent: c.agent.clone(),
        source: JsonSource {
            name: c.source.name.clone(),
            role: c.source.role.clone(),
            cue: c.source.cue.clone(),
            via: to_value(&c.source.via),
            stance: to_value(&c.source.stance),
            resolved: c.source.resolved.clone(),
        },
        rule: c.rule.clone(),
    }
}

/// Converts a finding of a chunk to its wire form; `local` is its index in the chunk.
pub fn finding(chunk: &Chunk<'_>, local: usize, f: &Finding) -> JsonFinding {
    let claim_id = |k: usize| format!("c{}", chunk.claim_index(f.claims[k]) + 1);
    JsonFinding {
        id: format!("f{}", chunk.finding_index(local) + 1),
        rule: f.rule.clone(),
        kind: f.kind.as_str().to_owned(),
        severity: f.severity.as_str().to_owned(),
        confidence: f.confidence,
        subject: f.subject.clone(),
        aspect: f.aspect.clone(),
        claims: [claim_id(0), claim_id(1)],
        message: f.message.clone(),
    }
}

/// Converts a document's counts to their wire form.
pub fn document(d: &DocumentSummary) -> JsonDocument {
    JsonDocument {
        path: d.path.clone(),
        sentences: d.sentences,
        claims: d.claims,
    }
}

/// The summary of a report with these totals; finding counts are 0 without findings.
pub fn summary(n: &Counts, findings: bool) -> Summary {
    let only = |x: usize| if findings { x } else { 0 };
    Summary {
        documents: n.documents,
        claims: n.claims,
        findings: only(n.findings),
        errors: only(n.errors),
        warnings: only(n.warnings),
    }
}

/// Builds the wire report of a whole analysis (what [`write()`] prints, as one value).
pub fn report(input: Input<'_>) -> Report {
    let chunk = Chunk::whole(&input);
    let mut counts = Counts::default();
    counts.add(&chunk);
    Report {
        version: VERSION,
        claims: chunk
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| claim(chunk.claim_index(i), c, chunk.docs))
            .collect(),
        findings: input.findings.then(|| {
            chunk
                .findings
                .iter()
                .enumerate()
                .map(|(i, f)| finding(&chunk, i, f))
                .collect()
        }),
        documents: chunk.documents.iter().map(document).collect(),
        summary: summary(&counts, input.findings),
    }
}

/// Writes the JSON report, pretty-printed, with a trailing newline.
pub fn write(input: Input<'_>, out: &mut dyn Write) -> io::Result<()> {
    super::render(super::Format::Json, input, out)
}

/// The JSON report, written as it goes (see the module documentation).
pub struct JsonWriter {
    findings: bool,
    counts: Counts,
    /// Rendered findings, each preceded by its separator and indentation.
    finding_spool: Spool,
    /// Rendered document entries, likewise.
    document_spool: Spool,
    /// Scratch space for one rendered value.
    buf: Vec<u8>,
}

/// Indentation of an array element inside the top-level object.
const ELEMENT: usize = 4;

impl JsonWriter {
    /// A writer for `opts`.
    pub fn new(opts: WriterOptions<'_>) -> JsonWriter {
        JsonWriter {
            findings: opts.findings,
            counts: Counts::default(),
            finding_spool: Spool::new(),
            document_spool: Spool::new(),
            buf: Vec::new(),
        }
    }
}

/// Writes one element of a top-level array: `,` unless it is the first, a line break, the
/// indentation and the value.
fn element<T: Serialize>(
    out: &mut dyn Write,
    first: bool,
    value: &T,
    buf: &mut Vec<u8>,
) -> io::Result<()> {
    out.write_all(if first { b"\n    " } else { b",\n    " })?;
    write_nested_json(out, value, ELEMENT, buf)
}

/// Closes a top-level array of `n` elements (`[]` when empty).
fn close(out: &mut dyn Write, n: usize) -> io::Result<()> {
    out.write_all(if n == 0 { b"]" } else { b"\n  ]" })
}

impl ReportWriter for JsonWriter {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "{{\n  \"version\": {VERSION},\n  \"claims\": [")
    }

    fn chunk(&mut self, chunk: &Chunk<'_>, out: &mut dyn Write) -> io::Result<()> {
        let before = self.counts;
        self.counts.add(chunk);
        for (i, c) in chunk.claims.iter().enumerate() {
            let wire = claim(chunk.claim_index(i), c, chunk.docs);
            element(out, before.claims + i == 0, &wire, &mut self.buf)?;
        }
        if self.findings {
            for (i, f) in chunk.findings.iter().enumerate() {
                let first = before.findings + i == 0;
                element(
                    &mut self.finding_spool,
                    first,
                    &finding(chunk, i, f),
                    &mut self.buf,
                )?;
            }
        }
        for (i, d) in chunk.documents.iter().enumerate() {
            let first = before.documents + i == 0;
            element(&mut self.document_spool, first, &document(d), &mut self.buf)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let n = self.counts;
        close(out, n.claims)?;
        if self.findings {
            out.write_all(b",\n  \"findings\": [")?;
            self.finding_spool.copy_to(out)?;
            close(out, n.findings)?;
        }
        out.write_all(b",\n  \"documents\": [")?;
        self.document_spool.copy_to(out)?;
        close(out, n.documents)?;
        out.write_all(b",\n  \"summary\": ")?;
        write_nested_json(out, &summary(&n, self.findings), 2, &mut self.buf)?;
        out.write_all(b"\n}\n")
    }
}
