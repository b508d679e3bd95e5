//! JSON Lines: one finding per line, each carrying the finding's fields and both of its claims in
//! full (the wire form of [`super::json`]), so a line can be read without the rest of the report.
//! For `crosscheck claims`, one claim per line.

use super::json::{JsonClaim, claim};
use super::{Chunk, Input, ReportWriter, WriterOptions};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// One line of `--format jsonl` for `crosscheck check`.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonlFinding {
    /// Stable id (`f1`, …), as in the JSON report.
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
    /// Explanation.
    pub message: String,
    /// Stable fingerprint over the rule and both claims (see [`super::fingerprint`]).
    pub fingerprint: String,
    /// Both claims in full, the earlier first.
    pub claims: [JsonClaim; 2],
}

/// Writes one compact JSON object per line, with a trailing newline after each.
pub fn write(input: Input<'_>, out: &mut dyn Write) -> io::Result<()> {
    super::render(super::Format::Jsonl, input, out)
}

/// The JSON Lines report: each line as soon as its document is analysed.
pub struct JsonlWriter {
    findings: bool,
}

impl JsonlWriter {
    /// A writer for `opts`.
    pub fn new(opts: WriterOptions<'_>) -> JsonlWriter {
        JsonlWriter {
            findings: opts.findings,
        }
    }
}

impl ReportWriter for JsonlWriter {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn chunk(&mut self, chunk: &Chunk<'_>, out: &mut dyn Write) -> io::Result<()> {
        if !self.findings {
            for (i, c) in chunk.claims.iter().enumerate() {
                serde_json::to_writer(&mut *out, &claim(chunk.claim_index(i), c, chunk.docs))?;
                writeln!(out)?;
            }
            return Ok(());
        }
        for (i, f) in chunk.findings.iter().enumerate() {
            let Some((x, y)) = chunk.claims_of(f) else {
                continue;
            };
            let line = JsonlFinding {
                id: format!("f{}", chunk.finding_index(i) + 1),
                rule: f.rule.clone(),
                kind: f.kind.as_str().to_owned(),
                severity: f.severity.as_str().to_owned(),
                confidence: f.confidence,
                subject: f.subject.clone(),
                aspect: f.aspect.clone(),
                message: f.message.clone(),
                fingerprint: super::chunk_fingerprint(chunk, f).unwrap_or_default(),
                claims: [
                    claim(chunk.claim_index(f.claims[0]), x, chunk.docs),
                    claim(chunk.claim_index(f.claims[1]), y, chunk.docs),
                ],
            };
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
