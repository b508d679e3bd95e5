//! Inline suppressions and baselines, end to end and through the library: every directive form,
//! warnings for directives that suppress nothing, and baseline fingerprints that survive line
//! shifts while new findings still show.

use assert_cmd::Command;
use crosscheck::baseline::Baseline;
use crosscheck::rules::RuleSet;
use crosscheck::text::{DocKind, Document};
use crosscheck::{CompareOptions, analyze, suppress};
use std::path::Path;
use std::sync::LazyLock;

const RULE: &str = "toll-mismatch";
const FIRST: &str = "The ministry said 12 people were killed in the attack in Kabul on Monday.";
const SECOND: &str = "Police said 30 people were killed in the attack.";

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().expect("built-in rules"));

/// Findings left after suppressions, and the warnings, for one document.
fn suppressed(text: &str, kind: DocKind) -> (usize, usize, Vec<String>) {
    let docs = vec![Document::new("t", text.to_owned(), kind)];
    let a = analyze(&RULES, &docs, CompareOptions::default());
    let known: Vec<&str> = RULES.contradictions.iter().map(|r| r.id.as_str()).collect();
    let before = a.findings.len();
    let out = suppress::apply(&docs, &a.claims, a.findings, &known);
    let warnings = out
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.line, w.message))
        .collect();
    (before, out.kept.len(), warnings)
}

#[track_caller]
fn assert_suppressed(text: &str, kind: DocKind) {
    let (before, after, warnings) = suppressed(text, kind);
    assert_eq!((before, after), (1, 0), "{text}");
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn unsuppressed_pair_is_a_finding() {
    let (before, after, warnings) = suppressed(&format!("{FIRST}\n{SECOND}\n"), DocKind::Text);
    assert_eq!((before, after), (1, 1));
    assert!(warnings.is_empty());
}

#[test]
fn html_disable_next_line_on_either_claim() {
    for text in [
        format!("<!-- crosscheck-disable-next-line {RULE} -->\n{FIRST}\n{SECOND}\n"),
        format!("{FIRST}\n<!-- crosscheck-disable-next-line -->\n{SECOND}\n"),
        format!("{FIRST}\n<!-- crosscheck-disable-next-line other-rule, {RULE} -->\n{SECOND}\n"),
    ] {
        let (before, after, warnings) = suppressed(&text, DocKind::Markdown);
        assert_eq!((before, after), (1, 0), "{text}");
        // `other-rule` does not exist: that alone is warned about.
        assert!(
            warnings
                .iter()
                .all(|w| w.contains("unknown rule `other-rule`")),
            "{warnings:?}"
        );
    }
}

#[test]
fn disable_enable_region() {
    assert_suppressed(
        &format!(
            "<!-- crosscheck-disable {RULE} -->\n{FIRST}\n{SECOND}\n<!-- crosscheck-enable -->\n"
        ),
        DocKind::Markdown,
    );
    // A region that ends before both claims suppresses nothing.
    let text =
        format!("<!-- crosscheck-disable -->\n<!-- crosscheck-enable -->\n{FIRST}\n{SECOND}\n");
    let (_, after, warnings) = suppressed(&text, DocKind::Markdown);
    assert_eq!(after, 1);
    assert_eq!(
        warnings,
        ["1: `crosscheck-disable` suppresses nothing; remove it"]
    );
}

#[test]
fn plain_text_forms() {
    assert_suppressed(
        &format!("{FIRST}\n# crosscheck-disable-next-line {RULE}\n{SECOND}\n"),
        DocKind::Text,
    );
    assert_suppressed(
        &format!(
            "// crosscheck-disable-next-line {RULE} -- figures differ on purpose\n{FIRST}\n{SECOND}\n"
        ),
        DocKind::Text,
    );
    assert_suppressed(
        &format!("crosscheck-disable\n{FIRST}\n{SECOND}\n"),
        DocKind::Text,
    );
}

#[test]
fn unused_and_unknown_directives_are_warned_about() {
    let text = format!(
        "{FIRST}\n{SECOND}\n<!-- crosscheck-disable-next-line {RULE} -->\nNothing here.\n<!-- crosscheck-disable-next-line toll-mismach -->\n\n"
    );
    let (_, after, warnings) = suppressed(&text, DocKind::Markdown);
    assert_eq!(after, 1);
    assert_eq!(
        warnings,
        [
            format!(
                "3: `crosscheck-disable-next-line {RULE}` suppresses nothing for rule `{RULE}`; remove it"
            ),
            format!(
                "5: unknown rule `toll-mismach` in `crosscheck-disable-next-line toll-mismach`; did you mean `{RULE}`?"
            ),
        ]
    );
}

#[test]
fn directives_in_code_are_ignored() {
    let text = format!("```\n<!-- crosscheck-disable -->\n```\n{FIRST}\n{SECOND}\n");
    let (_, after, warnings) = suppressed(&text, DocKind::Markdown);
    assert_eq!(after, 1);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn baseline_survives_line_shifts_and_reflow() {
    let docs = |text: &str| vec![Document::new("a.md", text.to_owned(), DocKind::Markdown)];
    let original = docs(&format!("{FIRST}\n{SECOND}\n"));
    let a = analyze(&RULES, &original, CompareOptions::default());
    let base = Baseline::from_findings(&a.findings, &a.claims, &original);
    assert_eq!(base.findings.len(), 1);
    let round = Baseline::parse(&base.to_json()).expect("round trip");
    assert_eq!(round, base);
    let shifted = docs(&format!(
        "# Heading\n\nA new first paragraph.\n\n{FIRST}\n\n{}\n",
        SECOND.replace(' ', "\n")
    ));
    let b = analyze(&RULES, &shifted, CompareOptions::default());
    assert_eq!(b.findings.len(), 1);
    let (kept, matched) = round.filter(b.findings, &b.claims, &shifted);
    assert_eq!((kept.len(), matched), (0, 1));
    // A different figure is a new finding.
    let changed = docs(&format!("{FIRST}\n{}\n", SECOND.replace("30", "31")));
    let c = analyze(&RULES, &changed, CompareOptions::default());
    let (kept, matched) = round.filter(c.findings, &c.claims, &changed);
    assert_eq!((kept.len(), matched), (1, 0));
}

// ---- end to end ------------------------------------------------------------------------

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("crosscheck")
        .expect("the crosscheck binary is built")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().expect("exited normally"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

#[test]
fn cli_warns_about_unused_suppressions_with_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let text =
        format!("{FIRST}\n\n<!-- crosscheck-disable-next-line {RULE} -->\nCalm.\n\n{SECOND}\n");
    std::fs::write(tmp.path().join("a.md"), text).expect("write");
    let (code, _, err) = run_in(tmp.path(), &["check", "--no-config", "a.md"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "warning: a.md:3: `crosscheck-disable-next-line {RULE}` suppresses nothing"
        )),
        "{err}"
    );
}

#[test]
fn cli_baseline_reports_only_new_findings() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    std::fs::create_dir(d.join("docs")).expect("mkdir");
    std::fs::write(d.join("docs/a.txt"), format!("{FIRST} {SECOND}\n")).expect("write");
    let (code, out, err) = run_in(
        d,
        &["baseline", "write", "--no-config", "base.json", "docs"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "wrote 1 finding to base.json\n");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("base.json")).expect("read"))
            .expect("JSON");
    assert_eq!(written["version"], 1);
    assert_eq!(written["findings"][0]["path"], "docs/a.txt");
    assert_eq!(written["findings"][0]["rule"], RULE);
    // Lines added above: still known.
    std::fs::write(
        d.join("docs/a.txt"),
        format!("Update.\n\nMore context.\n\n{FIRST} {SECOND}\n"),
    )
    .expect("write");
    let (code, out, err) = run_in(
        d,
        &[
            "check",
            "--no-config",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "docs",
        ],
    );
    assert_eq!(code, 0, "{out}\n{err}");
    // A new disagreement in another file is reported.
    std::fs::write(d.join("docs/b.txt"), format!("{FIRST} {SECOND}\n")).expect("write");
    let (code, out, _) = run_in(
        d,
        &[
            "check",
            "--no-config",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "docs",
        ],
    );
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(report["findings"].as_array().expect("findings").len(), 1);
    // A baseline of another version is refused.
    std::fs::write(d.join("old.json"), r#"{"version": 9, "findings": []}"#).expect("write");
    let (code, _, err) = run_in(
        d,
        &["check", "--no-config", "--baseline", "old.json", "docs"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("baseline version 9 is not supported"), "{err}");
}
