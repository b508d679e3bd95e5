//! The JSON contract (`version: 1`, see the README): wire structs kept apart from domain types.

use super::Input;
use crate::model::{Claim, Severity};
use crate::text::Document;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// Version of the JSON contract.
pub const VERSION: u32 = 1;

/// The whole report.
#[derive(Debug, Serialize, Deserialize)]
pub struct Report {
    /// Contract version.
    pub version: u32,
    /// Documents read.
    pub documents: Vec<JsonDocument>,
    /// Claims.
    pub claims: Vec<JsonClaim>,
    /// Findings (absent for `crosscheck claims`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub findings: Option<Vec<JsonFinding>>,
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
        },
        rule: c.rule.clone(),
    }
}

/// Builds the wire report.
pub fn report(input: Input<'_>) -> Report {
    let a = input.analysis;
    let findings = &a.findings;
    Report {
        version: VERSION,
        documents: a
            .documents
            .iter()
            .map(|d| JsonDocument {
                path: d.path.clone(),
                sentences: d.sentences,
                claims: d.claims,
            })
            .collect(),
        claims: a
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| claim(i, c, input.docs))
            .collect(),
        findings: input.findings.then(|| {
            findings
                .iter()
                .enumerate()
                .map(|(i, f)| JsonFinding {
                    id: format!("f{}", i + 1),
                    rule: f.rule.clone(),
                    kind: f.kind.as_str().to_owned(),
                    severity: f.severity.as_str().to_owned(),
                    confidence: f.confidence,
                    subject: f.subject.clone(),
                    aspect: f.aspect.clone(),
                    claims: [
                        format!("c{}", f.claims[0] + 1),
                        format!("c{}", f.claims[1] + 1),
                    ],
                    message: f.message.clone(),
                })
                .collect()
        }),
        summary: Summary {
            documents: a.documents.len(),
            claims: a.claims.len(),
            findings: if input.findings { findings.len() } else { 0 },
            errors: if input.findings {
                findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count()
            } else {
                0
            },
            warnings: if input.findings {
                findings
                    .iter()
                    .filter(|f| f.severity == Severity::Warning)
                    .count()
            } else {
                0
            },
        },
    }
}

/// Writes the JSON report, pretty-printed, with a trailing newline.
pub fn write(input: Input<'_>, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report(input))?;
    writeln!(out)
}
