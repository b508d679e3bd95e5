//! Properties over random and adversarial text (proptest): the pipeline never panics, every span
//! is in bounds and on character boundaries, line/column agree with a naive recount, output is
//! the same on 1 and 2 threads, and suppressions and fingerprints behave. Also hostile rule and
//! configuration files, which must be rejected with an error. The cargo-fuzz targets in `fuzz/`
//! explore the same ground without a case limit; these run under plain `cargo test`.

use crosscheck::baseline::fingerprint;
use crosscheck::model::Claim;
use crosscheck::rules::{RuleSet, RuleText};
use crosscheck::text::{DocKind, Document};
use crosscheck::{Analysis, CompareOptions, analyze, suppress};
use proptest::prelude::*;
use std::fmt::Write as _;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().expect("built-in rules"));

/// Pieces that exercise the segmenter, quantity parser and attribution: cue words, subjects,
/// numbers in several shapes, quotes, abbreviations, multi-byte text and line breaks.
const PIECES: &[&str] = &[
    "said",
    " said ",
    "according to ",
    "denied",
    "claimed that",
    "told VOA that",
    "he said",
    "The ministry",
    "Police",
    "the U.N.",
    "U.S. officials",
    "IS-Khorasan",
    "the Taliban",
    "the group",
    "Reuters",
    "Dr. Smith",
    "at least ",
    "about ",
    "12",
    "1,200",
    "3.5%",
    "90 percent",
    "thirty",
    "people were killed",
    "killed 40 people",
    "died",
    "wounded",
    "rose to",
    "decreased by",
    "a success",
    "a failure",
    "a major threat",
    "not",
    "never",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    ".",
    "...",
    "…",
    ",",
    ";",
    ":",
    "—",
    "–",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "  ",
    "é",
    "中文",
    "🙂",
    "Ä",
    "\u{200b}",
    "\u{301}",
    "# ",
    "- ",
    "> ",
    "```",
    "`",
    "<!-- ",
    " -->",
    "crosscheck-disable",
    "crosscheck-enable",
    "crosscheck-disable-next-line toll-mismatch",
    "Source: ",
    "https://www.example.com/x",
    "Separately, ",
    "Meanwhile, ",
    "in another attack",
    "\t",
    "0",
    "-5",
    "1e9",
    "999999999999999999999",
    ".5",
    "5.",
    "%",
    "$4 billion",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        2 => "[a-zA-Z]{1,8}",
        1 => any::<char>().prop_map(String::from),
        1 => "[0-9]{1,4}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..48).prop_map(|v| v.concat())
}

fn kind() -> impl Strategy<Value = DocKind> {
    prop_oneof![Just(DocKind::Text), Just(DocKind::Markdown)]
}

/// 1-based line and column (in chars) of a byte offset, counted naively.
fn naive_line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[track_caller]
fn check_claim(doc: &Document, c: &Claim) {
    let t = &doc.text;
    for (what, s) in [("span", c.span), ("sentence", c.sentence)] {
        assert!(
            s.start <= s.end && s.end <= t.len(),
            "{what} {s:?} out of bounds"
        );
        assert!(
            t.is_char_boundary(s.start) && t.is_char_boundary(s.end),
            "{what} {s:?} splits a character"
        );
    }
    for s in [c.source.span, c.source.cue_span].into_iter().flatten() {
        assert!(s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
    }
    for off in [c.span.start, c.span.end] {
        assert_eq!(doc.line_col(off), naive_line_col(t, off), "offset {off}");
    }
}

/// Everything observable about an analysis, as text.
fn render(a: &Analysis) -> String {
    format!("{:?}\n{:?}\n{:?}", a.documents, a.claims, a.findings)
}

fn pool(n: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .expect("a thread pool")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn analyze_never_panics_and_spans_are_valid(t in text(), k in kind()) {
        let docs = vec![Document::new("p", t, k)];
        let a = analyze(&RULES, &docs, CompareOptions::default());
        for c in &a.claims {
            check_claim(&docs[0], c);
        }
        for f in &a.findings {
            prop_assert!(f.claims[0] < a.claims.len() && f.claims[1] < a.claims.len());
        }
    }

    #[test]
    fn line_col_agrees_with_a_naive_recount(t in text(), k in kind(), at in any::<proptest::sample::Index>()) {
        let doc = Document::new("p", t, k);
        let mut off = at.index(doc.text.len() + 1);
        while !doc.text.is_char_boundary(off) {
            off -= 1;
        }
        prop_assert_eq!(doc.line_col(off), naive_line_col(&doc.text, off));
        prop_assert_eq!(doc.prose.len(), doc.text.len());
    }

    #[test]
    fn output_is_the_same_on_one_and_two_threads(
        texts in proptest::collection::vec(text(), 1..5),
        across in any::<bool>(),
    ) {
        let docs: Vec<Document> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}.txt"), t, DocKind::Text))
            .collect();
        let opts = CompareOptions { across_documents: across };
        let one = pool(1).install(|| render(&analyze(&RULES, &docs, opts)));
        let two = pool(2).install(|| render(&analyze(&RULES, &docs, opts)));
        prop_assert_eq!(one, two);
    }

    #[test]
    fn suppressions_never_panic_and_only_remove_findings(t in text(), k in kind()) {
        let docs = vec![Document::new("p", t, k)];
        let a = analyze(&RULES, &docs, CompareOptions::default());
        let before = a.findings.len();
        let out = suppress::apply(&docs, &a.claims, a.findings, &["toll-mismatch"]);
        prop_assert_eq!(out.kept.len() + out.suppressed, before);
    }

    #[test]
    fn fingerprints_survive_lines_added_above(t in text(), extra in "[A-Za-z .]{0,40}\n{1,3}") {
        let base = vec![Document::new("p", t.clone(), DocKind::Text)];
        let shifted = vec![Document::new("p", format!("{extra}\n{t}"), DocKind::Text)];
        let a = analyze(&RULES, &base, CompareOptions::default());
        let b = analyze(&RULES, &shifted, CompareOptions::default());
        // Only comparable when the added text changed nothing else (the usual case).
        if a.findings.len() == b.findings.len() {
            let fa: Vec<String> = a.findings.iter().map(|f| fingerprint(f, &a.claims, &base)).collect();
            let fb: Vec<String> = b.findings.iter().map(|f| fingerprint(f, &b.claims, &shifted)).collect();
            if a.claims.len() == b.claims.len() {
                prop_assert_eq!(fa, fb);
            }
        }
    }

    #[test]
    fn rule_loader_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = RuleSet::compile(&[RuleText { path: "fuzz.yml".into(), text }]);
    }

    #[test]
    fn rule_loader_never_panics_on_yaml_shaped_text(
        parts in proptest::collection::vec(prop_oneof![
            Just("claims:\n"), Just("  - id: x\n"), Just("    aspect: death_toll\n"),
            Just("    kind: numeric\n"), Just("    pattern: '(?P<value>\\d+)'\n"),
            Just("    pattern: '('\n"), Just("contradictions:\n"), Just("aspects:\n"),
            Just("    examples: []\n"), Just("---\n"), Just("&a [*a]\n"), Just("macros: {x: '{x}'}\n"),
            Just("  - "), Just(": "), Just("\n"), Just("{"), Just("["), Just("'"),
        ], 0..24),
    ) {
        let text = parts.concat();
        let _ = RuleSet::compile(&[RuleText { path: "fuzz.yml".into(), text }]);
    }
}

// ---- hostile rule and configuration files ------------------------------------------------

#[track_caller]
fn assert_rules_rejected(text: &str, expect: &str) {
    let err = RuleSet::compile(&[RuleText {
        path: "hostile.yml".into(),
        text: text.to_owned(),
    }])
    .expect_err("a hostile rule file is rejected");
    let msg = err.to_string();
    assert!(
        msg.contains("hostile.yml:"),
        "the error names the file: {msg}"
    );
    assert!(
        msg.to_lowercase().contains(expect),
        "expected `{expect}` in: {msg}"
    );
}

fn claim_rule(pattern: &str) -> String {
    format!(
        "aspects:\n  - id: huge\n    description: x\nclaims:\n  - id: huge\n    aspect: huge\n    kind: numeric\n    description: x\n    pattern: '{pattern}'\n    examples:\n      - text: '1'\n        expect: {{ value: 1 }}\n"
    )
}

#[test]
fn huge_regex_is_rejected() {
    assert_rules_rejected(&claim_rule("(?P<value>a{1000}{1000})"), "pattern");
    assert_rules_rejected(&claim_rule("(?P<value>(?:\\w{100}){100}{100})"), "pattern");
}

#[test]
fn deeply_nested_regex_is_rejected() {
    let deep = format!("{}(?P<value>x){}", "(".repeat(5000), ")".repeat(5000));
    assert_rules_rejected(&claim_rule(&deep), "pattern");
}

#[test]
fn yaml_alias_bomb_is_rejected() {
    let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for i in 0..10 {
        let prev = if i == 0 {
            "a".to_owned()
        } else {
            format!("b{}", i - 1)
        };
        let refs = vec![format!("*{prev}"); 9].join(", ");
        writeln!(s, "b{i}: &b{i} [{refs}]").expect("writing to a String");
    }
    assert_rules_rejected(&s, "hostile.yml");
    let config = crosscheck::config::parse(
        std::path::Path::new("crosscheck.yaml"),
        &s.replace("a:", "include:"),
    );
    assert!(
        config.is_err(),
        "an alias bomb in a configuration file is rejected"
    );
}

#[test]
fn deep_yaml_nesting_is_rejected() {
    // Far beyond serde_yaml's recursion limit (128); the error names the file and position.
    let open = "[".repeat(10_000);
    let close = "]".repeat(10_000);
    assert_rules_rejected(&format!("claims: {open}{close}\n"), "hostile.yml:1:");
    assert_rules_rejected(&format!("macros: {{a: {open}{close}}}\n"), "hostile.yml:1:");
    let nested_maps = format!("{}x{}", "{a: ".repeat(10_000), "}".repeat(10_000));
    assert_rules_rejected(&nested_maps, "hostile.yml:1:");
    let config = crosscheck::config::parse(
        std::path::Path::new("crosscheck.yaml"),
        &format!("include: {open}{close}\n"),
    );
    assert!(config.is_err());
}

#[test]
fn oversized_rule_file_is_rejected() {
    let big = format!(
        "# {}\n",
        "x".repeat(crosscheck::rules::load::MAX_RULE_FILE_BYTES)
    );
    assert_rules_rejected(&big, "limit");
}
