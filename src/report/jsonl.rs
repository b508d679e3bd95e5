//! JSON Lines: one finding per line, each carrying the finding's fields and both of its claims in
//! full (the wire form of [`super::json`]), so a line can be read without the rest of the report.
//! For `crosscheck claims`, one claim per line.

use super::Input;
use super::json::{JsonClaim, claim};
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
    let a = input.analysis;
    if !input.findings {
        for (i, c) in a.claims.iter().enumerate() {
            serde_json::to_writer(&mut *out, &claim(i, c, input.docs))?;
            writeln!(out)?;
        }
        return Ok(());
    }
    for (i, f) in a.findings.iter().enumerate() {
        let (Some(x), Some(y)) = (a.claims.get(f.claims[0]), a.claims.get(f.claims[1])) else {
            continue;
        };
        let line = JsonlFinding {
            id: format!("f{}", i + 1),
            rule: f.rule.clone(),
            kind: f.kind.as_str().to_owned(),
            severity: f.severity.as_str().to_owned(),
            confidence: f.confidence,
            subject: f.subject.clone(),
            aspect: f.aspect.clone(),
            message: f.message.clone(),
            fingerprint: super::finding_fingerprint(&input, f).unwrap_or_default(),
            claims: [
                claim(f.claims[0], x, input.docs),
                claim(f.claims[1], y, input.docs),
            ],
        };
        serde_json::to_writer(&mut *out, &line)?;
        writeln!(out)?;
    }
    Ok(())
}
