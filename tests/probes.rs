//! Invented probe articles, one per common kind of disagreement in news (`tests/probes/`): each
//! must yield the finding a reader expects, with both sources. They were written in the sixth
//! session to test the rules on wordings no fixture article has; the three probes that still
//! give nothing are listed below with why, so a fix shows up as a failing
//! `known_gaps` test to update.

use crosscheck::rules::RuleSet;
use crosscheck::text::{DocKind, Document};
use crosscheck::{CompareOptions, analyze_document};
use std::path::Path;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::builtin().unwrap_or_else(|e| panic!("built-in rules:\n{e}")));

/// (rule id, source of one claim, source of the other) of every finding of a probe.
fn findings(name: &str) -> Vec<(String, String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/probes")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let doc = Document::new(name, text, DocKind::Text);
    let a = analyze_document(&RULES, &doc, CompareOptions::default());
    a.findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                a.claims[f.claims[0]].source.name.clone(),
                a.claims[f.claims[1]].source.name.clone(),
            )
        })
        .collect()
}

#[test]
fn each_probe_yields_the_expected_pair() {
    let expected = [
        (
            "p1.txt",
            "denial",
            "Zabihullah Mujahid",
            "Abdul Khalil Asir",
        ),
        (
            "p1.txt",
            "toll-mismatch",
            "Zabihullah Mujahid",
            "Abdul Khalil Asir",
        ),
        ("p2.txt", "denial", "electoral commission", "Paul Dossou"),
        (
            "p3.txt",
            "toll-mismatch",
            "human rights group",
            "government",
        ),
        ("p3.txt", "denial", "human rights group", "Ali Saad"),
        (
            "p6.txt",
            "denial",
            "national statistics office",
            "Maria Lopez",
        ),
        ("p7.txt", "turnout-mismatch", "Organizers", "Police"),
        (
            "p8.txt",
            "opposite-evaluation",
            "Regional officials",
            "analysts",
        ),
        ("q1.txt", "denial", "Police", "Idris Bako"),
        (
            "q3.txt",
            "opposite-evaluation",
            "army",
            "human rights groups",
        ),
        (
            "q4.txt",
            "economic-figure-mismatch",
            "labor ministry",
            "Trade unions",
        ),
        ("q5.txt", "control-conflict", "Rebels", "military"),
        (
            "r1.txt",
            "toll-mismatch",
            "health ministry",
            "World Health Organization",
        ),
        (
            "r2.txt",
            "turnout-mismatch",
            "election commission",
            "opposition",
        ),
        ("r3.txt", "toll-mismatch", "Ahmed Sule", "Residents"),
        ("r4.txt", "responsibility-denial", "governor", "PKK"),
        (
            "r5.txt",
            "economic-figure-mismatch",
            "Official data",
            "economists",
        ),
        ("s2.txt", "toll-mismatch", "State media", "Relatives"),
        ("s5.txt", "toll-mismatch", "labor rights group", "company"),
        ("s8.txt", "denial", "refugee agency", "Paul Mensah"),
    ];
    let mut missing = Vec::new();
    for (file, rule, x, y) in expected {
        let found = findings(file);
        let hit = found.iter().any(|(r, a, b)| {
            r == rule && (a.contains(x) && b.contains(y) || a.contains(y) && b.contains(x))
        });
        if !hit {
            missing.push(format!(
                "{file}: no {rule} between {x} and {y}; found {found:?}"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The second set (`s*.txt`), written after the first set's fixes and run once before any
/// change: 1 of 8 gave its pair (s5). Three wordings were then added (miners and other kinds of
/// people, "feared dead", "inflating the numbers"); the other five need more than a wording.
#[test]
fn second_set_gaps() {
    for (file, why) in [
        (
            "s1.txt",
            "\"shot down\" against \"crashed because of a technical fault\"",
        ),
        (
            "s3.txt",
            "3,000 supporters against 400 people: a part larger than the whole",
        ),
        (
            "s4.txt",
            "\"the ceasefire was holding\" against shells falling",
        ),
        (
            "s6.txt",
            "growth of 6 percent against \"likely to contract\"",
        ),
        (
            "s7.txt",
            "\"no live ammunition was used\" against \"opened fire with live rounds\"",
        ),
    ] {
        let found = findings(file);
        assert!(
            found
                .iter()
                .all(|(rule, _, _)| rule != "denial" && !rule.ends_with("mismatch")),
            "{file} ({why}) now gives {found:?}: move it to the expected pairs"
        );
    }
}

#[test]
fn known_gaps() {
    // "the town remained contested" is no claim of who holds it, so the ministry's "retaken"
    // meets nothing (its own spokesman's "our forces are in full control" is its side).
    assert!(findings("p4.txt").is_empty());
    // "blamed a rival faction" names no event, so it is no responsibility claim (the article
    // only sets the two accounts against each other, an `info` contrast).
    assert!(
        findings("p5.txt")
            .iter()
            .all(|(rule, _, _)| !rule.starts_with("responsibility"))
    );
    // "swept through several villages" makes the first toll a total over several events.
    assert!(findings("q2.txt").is_empty());
}
