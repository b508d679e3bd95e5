//! The report formats on the seed article: the human report (no colour) and the JSON contract,
//! snapshotted; the JSON also parses back into the wire structs.

use crosscheck::report::json::Report;
use crosscheck::report::{Format, Input, render};
use crosscheck::rules::RuleSet;
use crosscheck::text::{DocKind, Document};
use crosscheck::{Analysis, CompareOptions, analyze};
use std::path::Path;

/// The bundled seed article.
const SEED: &str = "fixtures/voa-iskp-2024-03.txt";

fn seed() -> (RuleSet, Vec<Document>, Analysis) {
    let rules = RuleSet::builtin().unwrap_or_else(|e| panic!("built-in rules:\n{e}"));
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).expect("seed readable");
    let docs = vec![Document::from_bytes(SEED, bytes, DocKind::Text).expect("seed decodes")];
    let analysis = analyze(&rules, &docs, CompareOptions::default());
    (rules, docs, analysis)
}

fn rendered(format: Format, findings: bool) -> String {
    let (rules, docs, analysis) = seed();
    let input = Input {
        analysis: &analysis,
        docs: &docs,
        rules: &rules,
        findings,
        color: false,
    };
    let mut out = Vec::new();
    render(format, input, &mut out).expect("rendering to memory cannot fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

#[test]
fn human_findings_report() {
    let text = rendered(Format::Human, true);
    assert!(!text.contains('\x1b'), "colour codes with color: false");
    insta::assert_snapshot!(text);
}

#[test]
fn human_claims_report() {
    let text = rendered(Format::Human, false);
    assert!(!text.contains('\x1b'), "colour codes with color: false");
    insta::assert_snapshot!(text);
}

#[test]
fn json_report() {
    let text = rendered(Format::Json, true);
    let report: Report =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("JSON does not parse back: {e}"));
    assert_eq!(report.version, crosscheck::report::json::VERSION);
    assert_eq!(report.summary.claims, report.claims.len());
    assert_eq!(
        report.findings.as_ref().map(Vec::len),
        Some(report.summary.findings)
    );
    // Re-serialising the parsed report gives the same document: no field is lost on the way.
    let again = serde_json::to_string_pretty(&report).expect("serialises") + "\n";
    assert_eq!(
        again, text,
        "JSON does not round-trip through the wire structs"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn json_claims_report_has_no_findings() {
    let text = rendered(Format::Json, false);
    let report: Report =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("JSON does not parse back: {e}"));
    assert!(report.findings.is_none());
    assert_eq!(report.summary.findings, 0);
}
