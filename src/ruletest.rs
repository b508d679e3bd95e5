//! Inline rule tests: run the `examples` and `counterexamples` of every rule.
//!
//! Each example text is run on its own, as a one-document input named `<example>`:
//!
//! * a claim rule's example must yield at least one claim from that rule whose fields match every
//!   field given under `expect`; a counterexample must yield no claim from that rule;
//! * a contradiction rule's example must yield at least one finding from that rule; a
//!   counterexample must yield none.
//!
//! [`run`] collects every failure instead of stopping at the first, so a rule author sees them all.

use crate::model::{Claim, source_key};
use crate::rules::raw::RawExpect;
use crate::rules::{ClaimRule, ContradictionRule, RuleSet};
use crate::text::{DocKind, Document};
use crate::{CompareOptions, analyze, extract};

/// Relative tolerance when comparing expected and extracted numbers.
const VALUE_TOLERANCE: f64 = 1e-9;

/// One failed inline example.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExampleFailure {
    /// Id of the rule whose example failed.
    pub rule: String,
    /// Rule file the rule came from.
    pub file: String,
    /// The example (or counterexample) text.
    pub text: String,
    /// What the example required.
    pub expected: String,
    /// What the engine produced instead.
    pub actual: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: rule `{}`\n  text:     {:?}\n  expected: {}\n  actual:   {}",
            self.file, self.rule, self.text, self.expected, self.actual
        )
    }
}

/// Runs every claim rule's `examples` and `counterexamples` and every contradiction rule's
/// `examples` and `counterexamples`, and returns all failures (empty when every example passes).
///
/// Claim examples must yield at least one claim from that rule whose fields match every field
/// given in `expect`: `value` (the low bound) and `high` within a 1e-9 relative tolerance, `unit`,
/// `direction` and `polarity` exactly, and `subject`, `source` and `agent` by name (equal
/// [`source_key`]s, or one key containing the other). Claim counterexamples must yield no claim from that rule. Contradiction
/// examples, run through [`crate::analyze`] as one document, must yield at least one finding
/// from that rule; counterexamples must yield none.
pub fn run(rules: &RuleSet) -> Vec<ExampleFailure> {
    let mut failures = Vec::new();
    for rule in &rules.claims {
        check_claim_rule(rules, rule, &mut failures);
    }
    for rule in &rules.contradictions {
        check_contradiction_rule(rules, rule, &mut failures);
    }
    failures
}

/// Whether two names denote the same speaker, subject or agent: their [`source_key`]s are equal
/// or one contains the other (case-insensitive). Names whose key is empty ("the report") are
/// compared as written, ignoring case.
fn names_match(expected: &str, actual: &str) -> bool {
    let (e, a) = (source_key(expected), source_key(actual));
    if e.is_empty() || a.is_empty() {
        return expected.trim().to_lowercase() == actual.trim().to_lowercase();
    }
    e == a || e.contains(&a) || a.contains(&e)
}

fn example_doc(text: &str) -> Document {
    Document::new("<example>", text.to_owned(), DocKind::Text)
}

fn failure(file: &str, rule: &str, text: &str, expected: String, actual: String) -> ExampleFailure {
    ExampleFailure {
        rule: rule.to_owned(),
        file: file.to_owned(),
        text: text.to_owned(),
        expected,
        actual,
    }
}

fn check_claim_rule(rules: &RuleSet, rule: &ClaimRule, failures: &mut Vec<ExampleFailure>) {
    for example in &rule.examples {
        let claims = extract::extract(rules, &example_doc(&example.text), 0).claims;
        let own: Vec<&Claim> = claims.iter().filter(|c| c.rule == rule.id).collect();
        if own
            .iter()
            .any(|c| mismatches(&example.expect, c).is_empty())
        {
            continue;
        }
        let actual = if own.is_empty() {
            format!(
                "no claim from this rule; claims: {}",
                list_claims(claims.iter())
            )
        } else {
            own.iter()
                .map(|c| {
                    format!(
                        "{} (mismatch: {})",
                        describe_claim(c),
                        mismatches(&example.expect, c).join(", ")
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        failures.push(failure(
            &rule.file,
            &rule.id,
            &example.text,
            describe_expect(&rule.id, &example.expect),
            actual,
        ));
    }
    for text in &rule.counterexamples {
        let claims = extract::extract(rules, &example_doc(text), 0).claims;
        let own: Vec<&Claim> = claims.iter().filter(|c| c.rule == rule.id).collect();
        if !own.is_empty() {
            let expected = format!("no claim from `{}` (counterexample)", rule.id);
            failures.push(failure(
                &rule.file,
                &rule.id,
                text,
                expected,
                list_claims(own.into_iter()),
            ));
        }
    }
}

fn check_contradiction_rule(
    rules: &RuleSet,
    rule: &ContradictionRule,
    failures: &mut Vec<ExampleFailure>,
) {
    let cases = rule
        .examples
        .iter()
        .map(|t| (t, true))
        .chain(rule.counterexamples.iter().map(|t| (t, false)));
    for (text, must_flag) in cases {
        let analysis = analyze(rules, &[example_doc(text)], CompareOptions::default());
        let flagged = analysis.findings.iter().any(|f| f.rule == rule.id);
        if flagged == must_flag {
            continue;
        }
        let expected = if must_flag {
            format!("a finding from `{}`", rule.id)
        } else {
            format!("no finding from `{}` (counterexample)", rule.id)
        };
        let findings = analysis
            .findings
            .iter()
            .map(|f| format!("{} [c{} × c{}]", f.rule, f.claims[0] + 1, f.claims[1] + 1))
            .collect::<Vec<_>>();
        let actual = format!(
            "findings: [{}]; claims: {}",
            findings.join(", "),
            list_claims(analysis.claims.iter())
        );
        failures.push(failure(&rule.file, &rule.id, text, expected, actual));
    }
}

/// The fields of `expect` that `claim` does not match, as `field expected X, got Y`.
fn mismatches(expect: &RawExpect, claim: &Claim) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |field: &str, ok: bool, want: String, got: String| {
        if !ok {
            out.push(format!("{field} expected {want}, got {got}"));
        }
    };
    let value = claim.value.as_ref();
    if let Some(want) = expect.value {
        let got = value.and_then(|v| v.low);
        check(
            "value",
            got.is_some_and(|g| close(want, g)),
            want.to_string(),
            opt(got),
        );
    }
    if let Some(want) = expect.high {
        let got = value.and_then(|v| v.high);
        check(
            "high",
            got.is_some_and(|g| close(want, g)),
            want.to_string(),
            opt(got),
        );
    }
    if let Some(want) = &expect.unit {
        let got = value.and_then(|v| v.unit.clone());
        check(
            "unit",
            got.as_deref().is_some_and(|g| g.eq_ignore_ascii_case(want)),
            want.clone(),
            opt(got),
        );
    }
    if let Some(want) = expect.direction {
        check(
            "direction",
            claim.direction == Some(want),
            format!("{want:?}"),
            opt(claim.direction.map(|d| format!("{d:?}"))),
        );
    }
    if let Some(want) = expect.polarity {
        check(
            "polarity",
            claim.polarity == Some(want),
            format!("{want:?}"),
            opt(claim.polarity.map(|p| format!("{p:?}"))),
        );
    }
    if let Some(want) = &expect.subject {
        check(
            "subject",
            names_match(want, &claim.subject),
            want.clone(),
            claim.subject.clone(),
        );
    }
    if let Some(want) = &expect.source {
        check(
            "source",
            names_match(want, &claim.source.name),
            want.clone(),
            claim.source.name.clone(),
        );
    }
    if let Some(want) = &expect.agent {
        let got = claim.agent.as_deref();
        check(
            "agent",
            got.is_some_and(|g| names_match(want, g)),
            want.clone(),
            opt(got),
        );
    }
    out
}

fn close(want: f64, got: f64) -> bool {
    (want - got).abs() <= VALUE_TOLERANCE * want.abs().max(got.abs())
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "nothing".to_owned(), |v| v.to_string())
}

fn describe_expect(rule: &str, e: &RawExpect) -> String {
    let mut fields = Vec::new();
    let mut add = |name: &str, v: Option<String>| {
        if let Some(v) = v {
            fields.push(format!("{name}={v}"));
        }
    };
    add("value", e.value.map(|v| v.to_string()));
    add("high", e.high.map(|v| v.to_string()));
    add("unit", e.unit.clone());
    add("direction", e.direction.map(|d| format!("{d:?}")));
    add("polarity", e.polarity.map(|p| format!("{p:?}")));
    add("subject", e.subject.clone());
    add("source", e.source.clone());
    add("agent", e.agent.clone());
    if fields.is_empty() {
        format!("a claim from `{rule}`")
    } else {
        format!("a claim from `{rule}` with {}", fields.join(", "))
    }
}

fn describe_claim(c: &Claim) -> String {
    format!(
        "{} {} {:?} ({}; subject {}; source {})",
        c.rule,
        c.aspect,
        crate::compare::describe_value(c),
        match c.polarity {
            Some(p) => format!("{p:?}").to_lowercase(),
            None => "no polarity".to_owned(),
        },
        c.subject,
        c.source.name
    )
}

fn list_claims<'a>(claims: impl Iterator<Item = &'a Claim>) -> String {
    let all: Vec<String> = claims.map(describe_claim).collect();
    if all.is_empty() {
        "none".to_owned()
    } else {
        format!("[{}]", all.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_by_key_or_containment() {
        assert!(names_match("Valle", "Riccardo Valle"));
        assert!(names_match("a U.N. report", "the United Nations"));
        assert!(names_match("document", "document"));
        assert!(names_match("u.s. officials", "U.S. officials"));
        assert!(!names_match("Pakistan", "India"));
    }

    #[test]
    fn numbers_compare_with_a_relative_tolerance() {
        assert!(close(143.0, 143.0));
        assert!(close(0.0, 0.0));
        assert!(close(1e12, 1e12 + 1.0));
        assert!(!close(4.0, 5.0));
    }
}
