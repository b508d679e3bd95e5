//! Fuzz target: arbitrary UTF-8 through the whole pipeline, as plain text and as Markdown.
//! Checks that claim spans stay in bounds and on character boundaries, and that suppressions and
//! fingerprints accept whatever the pipeline produces.
#![no_main]

use crosscheck::rules::RuleSet;
use crosscheck::text::{DocKind, Document};
use crosscheck::{CompareOptions, analyze, baseline, suppress};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::builtin().expect("the built-in rules compile"));

fuzz_target!(|text: &str| {
    for kind in [DocKind::Text, DocKind::Markdown] {
        let docs = vec![
            Document::new("a.md", text.to_owned(), kind),
            Document::new("b.txt", text.chars().rev().collect(), DocKind::Text),
        ];
        let opts = CompareOptions {
            across_documents: true,
        };
        let a = analyze(&RULES, &docs, opts);
        for c in &a.claims {
            let t = &docs[c.doc].text;
            assert!(c.span.start <= c.span.end && c.span.end <= t.len());
            assert!(t.is_char_boundary(c.span.start) && t.is_char_boundary(c.span.end));
        }
        for f in &a.findings {
            let _ = baseline::fingerprint(f, &a.claims, &docs);
        }
        let _ = suppress::apply(&docs, &a.claims, a.findings, &["toll-mismatch"]);
    }
});
