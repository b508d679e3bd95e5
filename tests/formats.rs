//! The report formats on the seed article: the human report (no colour) and the JSON contract,
//! snapshotted; the JSON also parses back into the wire structs. The streaming path (documents
//! analysed one by one with `analyze_each`, each written as a chunk) gives the report of the
//! whole analysis, byte for byte.

use crosscheck::report::json::{self, Report};
use crosscheck::report::{Chunk, Format, Input, WriterOptions, render, writer};
use crosscheck::rules::RuleSet;
use crosscheck::text::{DocKind, Document};
use crosscheck::{Analysis, Batching, CompareOptions, analyze, analyze_each};
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

/// Articles for the streaming tests: findings in several documents, and a clean one.
const STREAMED: [&str; 4] = [
    "fixtures/voa-iskp-2024-03.txt",
    "fixtures/clean-bls-cpi-june-2011.txt",
    "fixtures/voa-belarus-turnout-2012-09.txt",
    "fixtures/voa-somalia-ambush-toll-2015-11.txt",
];

fn load_all(paths: &[&str]) -> Vec<Document> {
    paths
        .iter()
        .map(|rel| {
            let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
                .unwrap_or_else(|e| panic!("{rel}: {e}"));
            Document::from_bytes(*rel, bytes, DocKind::from_path(rel))
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

/// The report written document by document, as `crosscheck check` writes it: `analyze_each`
/// in small batches, one chunk per document, ids counted across chunks.
fn streamed(rules: &RuleSet, docs: Vec<Document>, format: Format, findings: bool) -> String {
    let mut w = writer(
        format,
        WriterOptions {
            rules,
            findings,
            color: false,
        },
    );
    let mut out = Vec::new();
    w.begin(&mut out).expect("in memory");
    let (mut claim_base, mut finding_base) = (0, 0);
    let batching = Batching { items: 2, bytes: 1 };
    analyze_each(
        rules,
        docs,
        CompareOptions::default(),
        batching,
        |doc, a| {
            let chunk = Chunk {
                docs: std::slice::from_ref(&doc),
                documents: &a.documents,
                claims: &a.claims,
                findings: &a.findings,
                claim_base,
                finding_base,
            };
            claim_base += a.claims.len();
            finding_base += a.findings.len();
            w.chunk(&chunk, &mut out)
        },
    )
    .expect("in memory");
    w.finish(&mut out).expect("in memory");
    String::from_utf8(out).expect("reports are UTF-8")
}

#[test]
fn streaming_json_is_the_whole_report() {
    let rules = RuleSet::builtin().unwrap_or_else(|e| panic!("built-in rules:\n{e}"));
    for n in 1..=STREAMED.len() {
        let docs = load_all(&STREAMED[..n]);
        let analysis = analyze(&rules, &docs, CompareOptions::default());
        assert!(
            n < 3 || analysis.findings.len() > 9,
            "findings in several documents"
        );
        for findings in [true, false] {
            let input = Input {
                analysis: &analysis,
                docs: &docs,
                rules: &rules,
                findings,
                color: false,
            };
            // The old path: every claim and finding built as wire structs, then serialised.
            let whole = serde_json::to_string_pretty(&json::report(input)).expect("serialises");
            let text = streamed(&rules, docs.clone(), Format::Json, findings);
            assert_eq!(text, whole + "\n", "{n} documents, findings: {findings}");
        }
    }
}

#[test]
fn streaming_matches_the_whole_report_in_every_format() {
    let rules = RuleSet::builtin().unwrap_or_else(|e| panic!("built-in rules:\n{e}"));
    let docs = load_all(&STREAMED);
    let analysis = analyze(&rules, &docs, CompareOptions::default());
    for format in [
        Format::Human,
        Format::Json,
        Format::Jsonl,
        Format::Sarif,
        Format::Github,
        Format::Markdown,
    ] {
        for findings in [true, false] {
            let input = Input {
                analysis: &analysis,
                docs: &docs,
                rules: &rules,
                findings,
                color: false,
            };
            let mut whole = Vec::new();
            render(format, input, &mut whole).expect("in memory");
            let text = streamed(&rules, docs.clone(), format, findings);
            assert_eq!(
                text,
                String::from_utf8(whole).expect("UTF-8"),
                "--format {} (findings: {findings})",
                format.name()
            );
        }
    }
}
