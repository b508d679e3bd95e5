//! Baselines: a JSON file of known findings, keyed by a fingerprint that ignores offsets and line
//! numbers (rule id, the normalised text of both claims and their source keys), so edits
//! elsewhere in a file do not make old findings look new. Reading and writing files is the CLI's.

use crate::model::{Claim, Finding};
use crate::text::Document;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the baseline file format.
pub const VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Format version; must be [`VERSION`].
    pub version: u32,
    /// Known findings, sorted by path, rule and fingerprint.
    pub findings: Vec<Entry>,
}

/// One known finding (or several identical ones).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// Path of the document of the finding's first claim, `/`-separated, without `./`.
    pub path: String,
    /// Contradiction rule id.
    pub rule: String,
    /// Stable hash of the rule id, both claims' normalised texts and their source keys.
    pub fingerprint: String,
    /// How many findings share this path and fingerprint.
    #[serde(default = "one")]
    pub count: usize,
    /// The finding's message when it was recorded, for people reading the file.
    #[serde(default)]
    pub message: String,
}

fn one() -> usize {
    1
}

/// Why a baseline file cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BaselineError {
    /// The file is not a baseline.
    #[error("not a crosscheck baseline: {0}")]
    Json(#[from] serde_json::Error),
    /// The file was written by a different format version.
    #[error(
        "baseline version {0} is not supported (expected {VERSION}); write it again with `crosscheck baseline write`"
    )]
    Version(u32),
}

/// Lower-cases, straightens quotes and collapses white space, so reflowing a paragraph or
/// retyping a quote does not change a fingerprint.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '“' | '”' | '„' | '«' | '»' => out.push('"'),
                '‘' | '’' | '‚' => out.push('\''),
                '–' | '—' => out.push('-'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// A path as recorded in a baseline: `/`-separated, without a leading `./`.
pub fn path_key(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut p = p.as_str();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    p.to_owned()
}

/// 64-bit FNV-1a: stable across platforms, runs and Rust versions, unlike `std`'s hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The fingerprint of a finding: independent of offsets, line numbers and claim order.
pub fn fingerprint(finding: &Finding, claims: &[Claim], docs: &[Document]) -> String {
    let mut parts: Vec<String> = finding
        .claims
        .iter()
        .filter_map(|&i| claims.get(i))
        .map(|c| {
            let text = docs
                .get(c.doc)
                .and_then(|d| d.text.get(c.span.range()))
                .unwrap_or_default();
            format!("{}\u{1f}{}", normalise(text), c.source.key())
        })
        .collect();
    parts.sort();
    let key = format!("{}\u{1e}{}", finding.rule, parts.join("\u{1e}"));
    format!("{:016x}", fnv1a(key.as_bytes()))
}

/// The path a finding is recorded under: its first claim's document.
fn finding_path(finding: &Finding, claims: &[Claim], docs: &[Document]) -> String {
    claims
        .get(finding.claims[0])
        .and_then(|c| docs.get(c.doc))
        .map_or_else(String::new, |d| path_key(&d.path))
}

impl Baseline {
    /// Records findings.
    pub fn from_findings(findings: &[Finding], claims: &[Claim], docs: &[Document]) -> Baseline {
        let mut recorder = Recorder::default();
        recorder.record(findings, claims, docs);
        recorder.finish()
    }

    /// Parses a baseline file's JSON text.
    pub fn parse(text: &str) -> Result<Baseline, BaselineError> {
        #[derive(Deserialize)]
        struct Probe {
            version: u32,
        }
        let probe: Probe = serde_json::from_str(text)?;
        if probe.version != VERSION {
            return Err(BaselineError::Version(probe.version));
        }
        Ok(serde_json::from_str(text)?)
    }

    /// The file text: pretty JSON with a final newline, stable for version control.
    ///
    /// # Panics
    ///
    /// Never: a baseline holds only strings and integers, which always serialize.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self)
            .expect("a baseline is plain strings and numbers, which always serialize");
        s.push('\n');
        s
    }

    /// Keeps the findings that the baseline does not account for; returns them and how many
    /// were matched. Each entry matches at most `count` findings.
    pub fn filter(
        &self,
        findings: Vec<Finding>,
        claims: &[Claim],
        docs: &[Document],
    ) -> (Vec<Finding>, usize) {
        let mut matcher = self.matcher();
        let kept = matcher.filter(findings, claims, docs);
        (kept, matcher.matched())
    }

    /// A [`Matcher`] to filter the findings of a run part by part (a document at a time).
    pub fn matcher(&self) -> Matcher {
        let mut budget: BTreeMap<(String, String), usize> = BTreeMap::new();
        for e in &self.findings {
            *budget
                .entry((e.path.clone(), e.fingerprint.clone()))
                .or_default() += e.count;
        }
        Matcher { budget, matched: 0 }
    }
}

/// Matches findings against a baseline across several calls: each entry's `count` is spent over
/// the whole run, so filtering document by document keeps what [`Baseline::filter`] keeps on
/// all of them at once.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// (path, fingerprint) → how many more findings it may match.
    budget: BTreeMap<(String, String), usize>,
    matched: usize,
}

impl Matcher {
    /// Keeps the findings that the rest of the baseline does not account for, in order.
    /// `claims` and `docs` are those the findings point into.
    pub fn filter(
        &mut self,
        findings: Vec<Finding>,
        claims: &[Claim],
        docs: &[Document],
    ) -> Vec<Finding> {
        let mut kept = Vec::new();
        for f in findings {
            let path = finding_path(&f, claims, docs);
            let fp = fingerprint(&f, claims, docs);
            match self.budget.get_mut(&(path, fp)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    self.matched += 1;
                }
                _ => kept.push(f),
            }
        }
        kept
    }

    /// How many findings matched so far.
    pub fn matched(&self) -> usize {
        self.matched
    }
}

/// Builds a baseline from findings recorded part by part (a document at a time).
#[derive(Debug, Clone, Default)]
pub struct Recorder {
    entries: BTreeMap<(String, String, String), Entry>,
    findings: usize,
}

impl Recorder {
    /// Records findings; `claims` and `docs` are those the findings point into.
    pub fn record(&mut self, findings: &[Finding], claims: &[Claim], docs: &[Document]) {
        for f in findings {
            let path = finding_path(f, claims, docs);
            let fp = fingerprint(f, claims, docs);
            self.findings += 1;
            self.entries
                .entry((path.clone(), f.rule.clone(), fp.clone()))
                .and_modify(|e| e.count += 1)
                .or_insert_with(|| Entry {
                    path,
                    rule: f.rule.clone(),
                    fingerprint: fp,
                    count: 1,
                    message: f.message.clone(),
                });
        }
    }

    /// How many findings were recorded.
    pub fn findings(&self) -> usize {
        self.findings
    }

    /// The baseline of everything recorded.
    pub fn finish(self) -> Baseline {
        Baseline {
            version: VERSION,
            findings: self.entries.into_values().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_ignores_case_quotes_and_wrapping() {
        assert_eq!(
            normalise("  “Twelve”\n  Died —  it’s "),
            "\"twelve\" died - it's"
        );
    }

    #[test]
    fn path_key_drops_dot_slash() {
        assert_eq!(path_key("./././a/b.md"), "a/b.md");
        assert_eq!(path_key("a\\b.md"), "a/b.md");
    }

    #[test]
    fn fnv_is_the_reference_function() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn version_is_checked() {
        let e = Baseline::parse(r#"{"version": 2, "findings": []}"#).unwrap_err();
        assert!(e.to_string().contains("version 2"), "{e}");
        assert!(Baseline::parse("[]").is_err());
        let b = Baseline::parse(r#"{"version": 1, "findings": []}"#).unwrap();
        assert!(b.findings.is_empty());
    }
}
