//! The rule files: the built-in rules compile, pass their inline examples and fire somewhere;
//! deliberately broken files in `fixtures/bad-rules/` fail with located, helpful errors.

use crosscheck::rules::{RuleSet, RuleText};
use crosscheck::text::{DocKind, Document};
use crosscheck::{CompareOptions, analyze, extract, ruletest};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Broken rule files, relative to the repository root.
const BAD_RULES: &str = "fixtures/bad-rules";

/// Each kind of error the bad-rule files must cover (file names in `fixtures/bad-rules/`).
const BAD_RULE_CASES: &[&str] = &[
    "bad-regex.yml",
    "duplicate-id.yml",
    "missing-group.yml",
    "no-examples.yml",
    "unknown-aspect.yml",
    "unknown-key.yml",
    "unknown-macro.yml",
    "wrong-enum.yml",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn builtin() -> RuleSet {
    RuleSet::builtin().unwrap_or_else(|e| panic!("the built-in rules do not compile:\n{e}"))
}

/// Every `.txt` and `.md` file directly under `fixtures/`, as (repo-relative path, text).
fn fixture_texts() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures"))
        .expect("fixtures/ is readable")
        .map(|e| e.expect("fixture entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().expect("file name").to_string_lossy();
            let text = std::fs::read_to_string(&p).expect("fixture is UTF-8");
            (format!("fixtures/{name}"), text)
        })
        .collect()
}

/// A bad-rule file as a rule text named by its repo-relative path.
fn bad_rule(name: &str) -> RuleText {
    let path = format!("{BAD_RULES}/{name}");
    let text =
        std::fs::read_to_string(root().join(&path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    RuleText { path, text }
}

#[test]
fn builtin_rules_compile() {
    let rules = builtin();
    assert!(!rules.claims.is_empty(), "no built-in claim rules");
    assert!(
        !rules.contradictions.is_empty(),
        "no built-in contradiction rules"
    );
    assert!(!rules.aspects.is_empty(), "no built-in aspects");
}

#[test]
fn builtin_inline_examples_pass() {
    let failures = ruletest::run(&builtin());
    let report: Vec<String> = failures.iter().map(ToString::to_string).collect();
    assert!(
        failures.is_empty(),
        "{} inline example(s) of the built-in rules failed:\n\n{}",
        failures.len(),
        report.join("\n\n")
    );
}

#[test]
fn every_builtin_claim_rule_fires_somewhere() {
    let rules = builtin();
    let mut fired: BTreeSet<String> = BTreeSet::new();
    for rule in &rules.claims {
        for example in &rule.examples {
            let doc = Document::new("<example>", example.text.clone(), DocKind::Text);
            fired.extend(
                extract::extract(&rules, &doc, 0)
                    .claims
                    .into_iter()
                    .map(|c| c.rule),
            );
        }
    }
    let docs: Vec<Document> = fixture_texts()
        .into_iter()
        .map(|(path, text)| {
            let kind = DocKind::from_path(&path);
            Document::new(path, text, kind)
        })
        .collect();
    let analysis = analyze(&rules, &docs, CompareOptions::default());
    fired.extend(analysis.claims.into_iter().map(|c| c.rule));
    let silent: Vec<String> = rules
        .claims
        .iter()
        .filter(|r| !fired.contains(&r.id))
        .map(|r| format!("{} ({})", r.id, r.file))
        .collect();
    assert!(
        silent.is_empty(),
        "claim rules that fire on none of their examples and no fixture:\n  {}",
        silent.join("\n  ")
    );
}

/// The errors of one bad-rule file compiled after the built-ins, rendered as the CLI shows them.
fn bad_rule_errors(name: &str) -> crosscheck::error::RuleErrors {
    match RuleSet::with_builtin(&[bad_rule(name)]) {
        Ok(_) => panic!("{BAD_RULES}/{name} compiled, but it is meant to be invalid"),
        Err(e) => e,
    }
}

#[test]
fn bad_rule_files_cover_every_case() {
    let mut present: Vec<String> = std::fs::read_dir(root().join(BAD_RULES))
        .expect("fixtures/bad-rules/ is readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yml"))
        .collect();
    present.sort();
    for case in BAD_RULE_CASES {
        assert!(
            present.iter().any(|p| p == case),
            "missing {BAD_RULES}/{case}"
        );
    }
}

#[test]
fn bad_rule_errors_snapshot() {
    insta::glob!("../fixtures/bad-rules", "*.yml", |path| {
        let name = path.file_name().expect("file name").to_string_lossy();
        insta::assert_snapshot!(bad_rule_errors(&name).to_string());
    });
}

/// One `# expect-error: LINE:COL message fragment | help fragment` line of a bad-rule file.
#[derive(Debug)]
struct Expected {
    line: usize,
    column: usize,
    message: String,
    help: Option<String>,
}

fn expectations(text: &str) -> Vec<Expected> {
    text.lines()
        .filter_map(|l| l.strip_prefix("# expect-error: "))
        .map(|rest| {
            let (at, what) = rest.split_once(' ').expect("`LINE:COL message`");
            let (line, column) = at.split_once(':').expect("`LINE:COL`");
            let (message, help) = match what.split_once(" | ") {
                Some((m, h)) => (m.to_owned(), Some(h.to_owned())),
                None => (what.to_owned(), None),
            };
            Expected {
                line: line.parse().expect("line number"),
                column: column.parse().expect("column number"),
                message,
                help,
            }
        })
        .collect()
}

#[test]
fn bad_rule_errors_point_at_the_offending_line() {
    let mut problems = Vec::new();
    for case in BAD_RULE_CASES {
        let file = bad_rule(case);
        let expected = expectations(&file.text);
        assert!(
            !expected.is_empty(),
            "{}: no `# expect-error:` line",
            file.path
        );
        let errors = bad_rule_errors(case).0;
        for e in &errors {
            if e.file != file.path {
                problems.push(format!(
                    "{}: unexpected error in another file: {e}",
                    file.path
                ));
            }
        }
        if errors.len() != expected.len() {
            let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
            problems.push(format!(
                "{}: expected {} error(s), got {}:\n    {}",
                file.path,
                expected.len(),
                errors.len(),
                all.join("\n    ")
            ));
        }
        for x in &expected {
            let found = errors.iter().find(|e| e.message.contains(&x.message));
            let Some(e) = found else {
                problems.push(format!("{}: no error mentions {:?}", file.path, x.message));
                continue;
            };
            if (e.line, e.column) != (x.line, x.column) {
                problems.push(format!(
                    "{}: error {:?} is at {}:{}, expected {}:{} (line {:?})",
                    file.path,
                    e.message,
                    e.line,
                    e.column,
                    x.line,
                    x.column,
                    file.text.lines().nth(x.line - 1).unwrap_or("")
                ));
            }
            let help_ok = x
                .help
                .as_deref()
                .is_none_or(|h| e.help.as_deref().is_some_and(|got| got.contains(h)));
            if !help_ok {
                problems.push(format!(
                    "{}: error {:?} has help {:?}, expected it to mention {:?}",
                    file.path, e.message, e.help, x.help
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "bad-rule errors are wrong:\n  {}",
        problems.join("\n  ")
    );
}
