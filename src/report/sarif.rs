//! SARIF 2.1.0 (the OASIS standard read by GitHub code scanning and other viewers), with minimal
//! serde structs.
//!
//! One run; `tool.driver.rules` lists the contradiction rules of the [`RuleSet`] (id, short
//! description, default level, help). Each finding is one result: `locations[0]` is its first
//! claim, `relatedLocations[0]` (id 1) the second, and the message links to it. Columns are
//! counted in Unicode code points (`columnKind: unicodeCodePoints`, like the JSON contract);
//! `byteOffset`/`byteLength` give the exact UTF-8 byte range. `partialFingerprints` holds
//! `crosscheck/v1`, a hash over the rule and both claims' texts and sources (no line numbers), so
//! a result keeps its identity when text elsewhere in the file moves.

use super::stream::write_nested_json;
use super::{Chunk, Input, ReportWriter, WriterOptions};
use crate::model::{Claim, FindingKind, Severity};
use crate::rules::{ContradictionRule, RuleSet};
use crate::text::Document;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The `$schema` written into every log: the OASIS 2.1.0 schema (errata 01).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of our entry in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "crosscheck/v1";

/// A SARIF log.
#[derive(Debug, Serialize)]
pub struct Log {
    /// Schema URI.
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    /// Always the string `"2.1.0"`.
    pub version: &'static str,
    /// One run.
    pub runs: Vec<Run>,
}

/// One run of the tool.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    /// The tool.
    pub tool: Tool,
    /// Unit of columns: `unicodeCodePoints`.
    pub column_kind: &'static str,
    /// One result per finding.
    pub results: Vec<SarifResult>,
}

/// The tool.
#[derive(Debug, Serialize)]
pub struct Tool {
    /// The driver.
    pub driver: Driver,
}

/// The tool's driver component.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    /// `crosscheck`.
    pub name: &'static str,
    /// The crate version.
    pub version: &'static str,
    /// The crate's repository or homepage, when `Cargo.toml` names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub information_uri: Option<&'static str>,
    /// Contradiction rules.
    pub rules: Vec<RuleDescriptor>,
}

/// A text message (SARIF `message` / `multiformatMessageString`).
#[derive(Debug, Serialize)]
pub struct Message {
    /// Plain text.
    pub text: String,
}

/// A contradiction rule as a SARIF `reportingDescriptor`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleDescriptor {
    /// Rule id.
    pub id: String,
    /// One line.
    pub short_description: Message,
    /// Level unless a configuration overrides it.
    pub default_configuration: Configuration,
    /// What the rule detects and how its message reads.
    pub help: Message,
    /// `kind` (the finding kind) and `tags`.
    pub properties: RuleProperties,
}

/// A rule's default configuration.
#[derive(Debug, Serialize)]
pub struct Configuration {
    /// `error`, `warning` or `note`.
    pub level: &'static str,
}

/// Extra rule properties.
#[derive(Debug, Serialize)]
pub struct RuleProperties {
    /// Finding kind (`numeric_mismatch`, …).
    pub kind: &'static str,
    /// Tags shown by some viewers.
    pub tags: Vec<String>,
}

/// One finding.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    /// Contradiction rule id.
    pub rule_id: String,
    /// Index of the rule in `tool.driver.rules`, when it is listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_index: Option<usize>,
    /// `error`, `warning` or `note`.
    pub level: &'static str,
    /// The finding's message, linking to the other claim.
    pub message: Message,
    /// The first claim.
    pub locations: Vec<Location>,
    /// The second claim.
    pub related_locations: Vec<Location>,
    /// `crosscheck/v1` → stable hash.
    pub partial_fingerprints: BTreeMap<&'static str, String>,
    /// Kind, confidence, subject, aspect and both sources.
    pub properties: ResultProperties,
}

/// Extra result properties.
#[derive(Debug, Serialize)]
pub struct ResultProperties {
    /// Finding kind.
    pub kind: &'static str,
    /// 0–1.
    pub confidence: f64,
    /// Subject.
    pub subject: String,
    /// Aspect of the first claim.
    pub aspect: String,
    /// Sources of the first and second claim.
    pub sources: [String; 2],
}

/// A location with an optional id and message.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// Id, unique within the result (the related location is 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<u32>,
    /// File and region.
    pub physical_location: PhysicalLocation,
    /// Whose claim this is.
    pub message: Message,
}

/// File and region.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    /// The file.
    pub artifact_location: ArtifactLocation,
    /// The claim's span.
    pub region: Region,
}

/// A file by URI (a relative reference for relative paths).
#[derive(Debug, Serialize)]
pub struct ArtifactLocation {
    /// Percent-encoded URI reference.
    pub uri: String,
}

/// A text region: 1-based lines, code-point columns (end exclusive), UTF-8 byte range.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    /// First line.
    pub start_line: usize,
    /// Column of the first character.
    pub start_column: usize,
    /// Line of the last character.
    pub end_line: usize,
    /// Column after the last character.
    pub end_column: usize,
    /// Byte offset of the start.
    pub byte_offset: usize,
    /// Length in bytes.
    pub byte_length: usize,
    /// The claim's text.
    pub snippet: Message,
}

/// SARIF level of a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Percent-encodes a path as a URI reference: `\` becomes `/`, unreserved characters and `/`
/// stay, every other byte is `%XX`. An absolute path becomes a `file://` URI.
pub fn path_to_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    let windows_drive = path.as_bytes().get(1) == Some(&b':')
        && path.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
    if path.starts_with('/') {
        out.push_str("file://");
    } else if windows_drive {
        out.push_str("file:///");
    }
    for (i, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (windows_drive && i == 1);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Escapes `[` and `]` in a message that will also hold an embedded link (SARIF §3.11.6).
fn escape_brackets(s: &str) -> String {
    s.replace('[', "\\[").replace(']', "\\]")
}

/// What a rule of each kind flags, for the rule's help text.
fn flags(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::NumericMismatch => {
            "Flags two figures for the same measure, from different sources, that cannot both be \
             true."
        }
        FindingKind::OppositeEvaluation => {
            "Flags two judgements of the same subject, from different sources, that point opposite \
             ways."
        }
        FindingKind::TrendVsLevel => {
            "Flags a trend given by one source against a level given by another that it \
             contradicts."
        }
        FindingKind::AttributionConflict => {
            "Flags two sources that name different parties for the same role (responsible, \
             holder of a place, winner)."
        }
        FindingKind::Negation => "Flags a denial with the claim of another source it disputes.",
        FindingKind::NegatedRestatement => {
            "Flags a statement that something did not happen against another source's account \
             that it did."
        }
        FindingKind::Contrast => {
            "Flags a statement the article sets against another source's account of the same \
             event."
        }
    }
}

fn descriptor(rule: &ContradictionRule) -> RuleDescriptor {
    let short = if rule.description.trim().is_empty() {
        format!("{} ({})", rule.id, rule.kind.as_str().replace('_', " "))
    } else {
        rule.description.trim().to_owned()
    };
    let help = format!(
        "{short}\n\nKind: {}. {} Message template: {}",
        rule.kind.as_str(),
        flags(rule.kind),
        rule.message.trim()
    );
    RuleDescriptor {
        id: rule.id.clone(),
        short_description: Message { text: short },
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        help: Message { text: help },
        properties: RuleProperties {
            kind: rule.kind.as_str(),
            tags: vec!["crosscheck".to_owned(), rule.kind.as_str().to_owned()],
        },
    }
}

fn location(doc: &Document, c: &Claim, id: Option<u32>, message: String) -> Location {
    let (start_line, start_column) = doc.line_col(c.span.start);
    let (end_line, end_column) = doc.line_col(c.span.end);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: path_to_uri(&doc.path),
            },
            region: Region {
                start_line,
                start_column,
                end_line,
                end_column,
                byte_offset: c.span.start,
                byte_length: c.span.end.saturating_sub(c.span.start),
                snippet: Message {
                    text: doc.slice(c.span).to_owned(),
                },
            },
        },
        message: Message { text: message },
    }
}

/// Index of each contradiction rule in `tool.driver.rules`.
fn rule_index(rules: &RuleSet) -> BTreeMap<String, usize> {
    rules
        .contradictions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect()
}

/// The result of one finding of a chunk, or `None` if its claims or documents are out of range.
fn result(
    chunk: &Chunk<'_>,
    f: &crate::model::Finding,
    index: &BTreeMap<String, usize>,
) -> Option<SarifResult> {
    let (a, b) = chunk.claims_of(f)?;
    let (da, db) = (chunk.doc_of(a)?, chunk.doc_of(b)?);
    let other = super::location(db, b);
    let text = format!(
        "{} (other claim: [{}](1), {})",
        escape_brackets(&f.message),
        escape_brackets(&other),
        escape_brackets(&super::source_label(b))
    );
    let claim_message = |c: &Claim, doc: &Document| {
        format!(
            "{}: “{}”",
            super::source_label(c),
            doc.slice(c.span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        )
    };
    Some(SarifResult {
        rule_id: f.rule.clone(),
        rule_index: index.get(f.rule.as_str()).copied(),
        level: level(f.severity),
        message: Message { text },
        locations: vec![location(da, a, None, claim_message(a, da))],
        related_locations: vec![location(db, b, Some(1), claim_message(b, db))],
        partial_fingerprints: BTreeMap::from([(
            FINGERPRINT_KEY,
            super::chunk_fingerprint(chunk, f).unwrap_or_default(),
        )]),
        properties: ResultProperties {
            kind: f.kind.as_str(),
            confidence: f.confidence,
            subject: f.subject.clone(),
            aspect: f.aspect.clone(),
            sources: [a.source.name.clone(), b.source.name.clone()],
        },
    })
}

/// The log of a run with these results.
fn log_with(rules: &RuleSet, results: Vec<SarifResult>) -> Log {
    let repository = env!("CARGO_PKG_REPOSITORY");
    let homepage = env!("CARGO_PKG_HOMEPAGE");
    let information_uri = [repository, homepage].into_iter().find(|u| !u.is_empty());
    Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "crosscheck",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri,
                    rules: rules.contradictions.iter().map(descriptor).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

/// Builds the SARIF log of a whole analysis (what [`write()`] prints, as one value).
pub fn log(input: Input<'_>) -> Log {
    let index = rule_index(input.rules);
    let chunk = Chunk::whole(&input);
    let results = if input.findings {
        chunk
            .findings
            .iter()
            .filter_map(|f| result(&chunk, f, &index))
            .collect()
    } else {
        Vec::new()
    };
    log_with(input.rules, results)
}

/// Writes the SARIF log, pretty-printed, with a trailing newline.
pub fn write(input: Input<'_>, out: &mut dyn Write) -> io::Result<()> {
    super::render(super::Format::Sarif, input, out)
}

/// The SARIF log, written as it goes: everything up to `"results": [` at the start, each result
/// as its document is analysed, the closing brackets at the end.
pub struct SarifWriter {
    findings: bool,
    index: BTreeMap<String, usize>,
    /// The log without results, split where the results go.
    head: String,
    tail: String,
    /// Indentation of the `"results"` key.
    indent: usize,
    results: usize,
    buf: Vec<u8>,
}

/// The key the results follow, as pretty-printed.
const RESULTS_KEY: &str = "\"results\": [";

impl SarifWriter {
    /// A writer for `opts`.
    pub fn new(opts: WriterOptions<'_>) -> SarifWriter {
        let empty =
            serde_json::to_string_pretty(&log_with(opts.rules, Vec::new())).unwrap_or_default();
        // `results` is the last field of the run: everything after it is closing brackets.
        let (head, tail, indent) = match empty.rfind(RESULTS_KEY) {
            Some(at) => {
                let split = at + RESULTS_KEY.len();
                let line_start = empty[..at].rfind('\n').map_or(0, |i| i + 1);
                let tail = empty[split..].strip_prefix(']').unwrap_or(&empty[split..]);
                (empty[..split].to_owned(), tail.to_owned(), at - line_start)
            }
            None => (empty, String::new(), 0),
        };
        SarifWriter {
            findings: opts.findings,
            index: rule_index(opts.rules),
            head,
            tail,
            indent,
            results: 0,
            buf: Vec::new(),
        }
    }
}

impl ReportWriter for SarifWriter {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.head.as_bytes())
    }

    fn chunk(&mut self, chunk: &Chunk<'_>, out: &mut dyn Write) -> io::Result<()> {
        if !self.findings {
            return Ok(());
        }
        let pad = " ".repeat(self.indent + 2);
        for f in chunk.findings {
            let Some(r) = result(chunk, f, &self.index) else {
                continue;
            };
            if self.results > 0 {
                out.write_all(b",")?;
            }
            write!(out, "\n{pad}")?;
            write_nested_json(out, &r, self.indent + 2, &mut self.buf)?;
            self.results += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.results > 0 {
            write!(out, "\n{}", " ".repeat(self.indent))?;
        }
        out.write_all(b"]")?;
        out.write_all(self.tail.as_bytes())?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(path_to_uri("fixtures/a b.txt"), "fixtures/a%20b.txt");
        assert_eq!(path_to_uri("./docs/ü.md"), "docs/%C3%BC.md");
        assert_eq!(path_to_uri("/tmp/x.md"), "file:///tmp/x.md");
        assert_eq!(path_to_uri("C:\\news\\a.txt"), "file:///C:/news/a.txt");
        assert_eq!(path_to_uri("<stdin>"), "%3Cstdin%3E");
    }

    #[test]
    fn brackets_are_escaped() {
        assert_eq!(escape_brackets("a [b] c"), "a \\[b\\] c");
    }
}
