//! Rule authoring end to end, on the real binary and on fresh folders under the system temp dir:
//! `rules validate`, `rules list`, `init`, `test` (inline examples, known gaps, snapshots,
//! `--update`, `--review` under a pseudo-terminal) and `explain`; and the project's own rules
//! held to the same discipline.

use assert_cmd::Command;
use crosscheck::authoring::suite;
use crosscheck::rules::{RuleSet, RuleText};
use crosscheck::text::{DocKind, Document};
use crosscheck::{CompareOptions, analyze};
use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from `dir`, with no CI and no NO_COLOR from the environment.
fn crosscheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").expect("the crosscheck binary is built");
    cmd.current_dir(dir).env_remove("CI").env_remove("NO_COLOR");
    cmd
}

/// Runs a command; returns (exit code, stdout, stderr).
fn output(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("the binary runs");
    (
        out.status.code().expect("exited normally"),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// A fresh, uniquely named folder under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "crosscheck-authoring-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("parent folder");
        }
        std::fs::write(&p, text).expect("write temp file");
        p
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// `crosscheck init proj` inside this folder; returns the project folder.
    fn scaffold(&self) -> PathBuf {
        let (code, out, err) = output(crosscheck(&self.0).args(["init", "proj"]));
        assert_eq!(code, 0, "init failed:\n{out}\n{err}");
        self.path("proj")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A rule file with several independent mistakes.
const BROKEN: &str = "\
aspects:
  - id: budget_amount
    axsi: money
  - id: spending
claims:
  - id: budget-a
    aspect: budget_amonut
    kind: numeric
    pattern: '(?i)budget of (?P<value>{num})'
    examples: [{text: 'a budget of 4'}]
  - id: budget-b
    aspect: spending
    kind: numeric
    pattern: '(?i)spent (?P<value>{num}'
    examples: [{text: 'spent 4'}]
  - id: budget-c
    aspect: spending
    kind: numerc
    pattern: 'x'
";

#[test]
fn validate_reports_every_error_at_once() {
    let t = TempDir::new("validate");
    t.write("rules/a.yml", BROKEN);
    t.write(
        "rules/b.yml",
        "contradictions:\n  - id: c\n    kind: numeric_mismatch\n    severty: error\n    message: x\n    examples: [{text: x}]\n",
    );
    let (code, out, _) = output(crosscheck(&t.0).args(["rules", "validate", "rules"]));
    assert_eq!(code, 2, "{out}");
    for expected in [
        "rules/a.yml:3:5: error: aspects[0]: unknown field `axsi`",
        "help: did you mean `axis`?",
        "rules/a.yml:7:13: error: unknown aspect `budget_amonut` in claim rule `budget-a`",
        "help: did you mean `budget_amount`?",
        "rules/a.yml:14:14: error: invalid pattern in claim rule `budget-b`",
        "rules/a.yml:18:11: error: claims[2].kind: unknown variant `numerc`",
        "help: did you mean `numeric`?",
        "rules/b.yml:4:5: error: contradictions[0]: unknown field `severty`",
        "help: did you mean `severity`?",
        "in 2 rule files",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    // The last line is the one-line summary.
    assert!(
        !out.contains("missing field"),
        "no cascade from a removed key:\n{out}"
    );
    assert!(
        !out.contains("warning"),
        "no cascade from a misspelt aspect:\n{out}"
    );
    assert_eq!(
        out.lines().last(),
        Some("5 errors in 2 rule files"),
        "{out}"
    );
}

#[test]
fn validate_json_lists_the_same_diagnostics() {
    let t = TempDir::new("validate-json");
    t.write("a.yml", BROKEN);
    let (code, out, _) =
        output(crosscheck(&t.0).args(["rules", "validate", "a.yml", "--format", "json"]));
    assert_eq!(code, 2, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON output");
    let diags = json["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 4, "{out}");
    assert_eq!(json["summary"]["errors"], 4);
    for d in diags {
        assert_eq!(d["file"], "a.yml");
        assert_eq!(d["level"], "error");
        assert!(d["line"].as_u64().is_some() && d["column"].as_u64().is_some());
    }
}

#[test]
fn validate_passes_good_rules_and_warns_about_dangling_references() {
    let t = TempDir::new("validate-ok");
    let proj = t.scaffold();
    let (code, out, _) = output(crosscheck(&proj).args(["rules", "validate", "rules"]));
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.trim(),
        "1 rule file valid (1 claim rule, 1 contradiction rule)"
    );
    t.write(
        "refs.yml",
        "subjects:\n  - id: council\n    name: Riverside council\n    kind: organisation\nreferences:\n  - kind: organisaton\n    phrases: [the body]\n",
    );
    let (code, out, _) = output(crosscheck(&t.0).args(["rules", "validate", "refs.yml"]));
    assert_eq!(code, 0, "warnings must not fail:\n{out}");
    assert!(
        out.contains("refs.yml:4:5: warning: subject `council` has kind `organisation`"),
        "{out}"
    );
    assert!(out.contains("help: did you mean `organization`?"), "{out}");
    assert!(
        out.contains("refs.yml:6:5: warning: reference kind `organisaton`"),
        "{out}"
    );
    assert!(out.contains("valid with 2 warnings"), "{out}");
}

#[test]
fn validate_reports_every_bad_rule_fixture_in_one_run() {
    let (code, out, _) =
        output(crosscheck(root()).args(["rules", "validate", "fixtures/bad-rules"]));
    assert_eq!(code, 2, "{out}");
    for entry in std::fs::read_dir(root().join("fixtures/bad-rules")).expect("bad-rules") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".yml") {
            assert!(
                out.contains(&format!("fixtures/bad-rules/{name}:")),
                "no error for {name}:\n{out}"
            );
        }
    }
}

#[test]
fn list_shows_every_rule_in_a_table_and_as_json() {
    let t = TempDir::new("list");
    t.scaffold();
    // From the parent folder, so that the scaffold's crosscheck.yaml is not picked up.
    let (code, out, _) = output(crosscheck(&t.0).args(["rules", "list", "--rules", "proj/rules"]));
    assert_eq!(code, 0, "{out}");
    let header = out.lines().next().unwrap_or_default();
    for column in ["ID", "KIND", "ASPECT", "SEVERITY", "FILE", "DESCRIPTION"] {
        assert!(header.contains(column), "{header}");
    }
    let row = out
        .lines()
        .find(|l| l.starts_with("budget-mismatch "))
        .unwrap_or_else(|| panic!("no budget-mismatch row:\n{out}"));
    for cell in [
        "numeric_mismatch",
        "budget_amount",
        "warning",
        "rules/example.yml",
        "two sources",
    ] {
        assert!(row.contains(cell), "{row}");
    }
    assert!(
        out.lines().any(|l| l.starts_with("toll-mismatch ")),
        "built-ins are listed"
    );
    let (code, out, _) = output(crosscheck(&t.0).args([
        "rules",
        "list",
        "--rules",
        "proj/rules",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let rules: Vec<&serde_json::Value> = json["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter(|r| r["file"] == "proj/rules/example.yml")
        .collect();
    assert_eq!(rules.len(), 2, "{out}");
    assert_eq!(rules[0]["id"], "budget-figure");
    assert_eq!(rules[0]["type"], "claim");
    assert_eq!(rules[0]["severity"], serde_json::Value::Null);
    assert_eq!(rules[1]["type"], "contradiction");
    assert_eq!(rules[1]["severity"], "warning");
}

#[test]
fn init_scaffolds_a_folder_that_passes_its_tests() {
    let t = TempDir::new("init");
    let proj = t.scaffold();
    for f in [
        "crosscheck.yaml",
        "rules/example.yml",
        "fixtures/example.txt",
        "fixtures/example.snap.yaml",
    ] {
        assert!(proj.join(f).is_file(), "{f} missing");
    }
    let config = t.read("proj/crosscheck.yaml");
    crosscheck::config::parse(Path::new("crosscheck.yaml"), &config)
        .unwrap_or_else(|e| panic!("the scaffolded configuration is invalid:\n{e}"));
    let snap = t.read("proj/fixtures/example.snap.yaml");
    assert!(snap.contains("fixture: \"fixtures/example.txt\""), "{snap}");
    assert!(snap.contains("rule: \"budget-mismatch\""), "{snap}");
    assert!(
        !snap.contains(&*t.0.to_string_lossy()),
        "absolute path in:\n{snap}"
    );
    assert!(!snap.contains('\x1b'), "colour in the snapshot");
    let (code, out, err) = output(crosscheck(&t.0).args(["test", "proj"]));
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(
        out.contains("ok: 5 inline examples; 1 fixture: 1 unchanged"),
        "{out}"
    );
    // Running from inside the folder, with the default `.`, works the same way.
    let (code, out, _) = output(crosscheck(&proj).arg("test"));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn init_never_overwrites() {
    let t = TempDir::new("init-twice");
    t.write("proj/rules/example.yml", "# mine\n");
    let (code, _, err) = output(crosscheck(&t.0).args(["init", "proj"]));
    assert_eq!(code, 2);
    assert!(err.contains("proj/rules/example.yml"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(t.read("proj/rules/example.yml"), "# mine\n");
    assert!(!t.path("proj/crosscheck.yaml").exists());
}

/// Appends a sentence that gives a third budget figure (and two more findings).
fn change_fixture(proj: &Path) {
    let path = proj.join("fixtures/example.txt");
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .expect("fixture");
    writeln!(f, "\nOfficials said the budget of $9 million was approved.").expect("append");
}

#[test]
fn a_changed_fixture_fails_with_a_diff_until_updated() {
    let t = TempDir::new("changed");
    let proj = t.scaffold();
    change_fixture(&proj);
    let before = t.read("proj/fixtures/example.snap.yaml");
    let (code, out, _) = output(crosscheck(&t.0).args(["test", "proj"]));
    assert_eq!(code, 1, "{out}");
    for expected in [
        "CHANGED proj/fixtures/example.txt",
        "--- proj/fixtures/example.snap.yaml",
        "+++ proj/fixtures/example.txt (current output)",
        "@@ -",
        "+    text: \"budget of $9 million\"",
        "+    source: \"Officials\"",
        "FAILED: 5 inline examples; 1 fixture: 0 unchanged, 1 changed",
        "--review",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    assert!(
        !out.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    assert_eq!(
        t.read("proj/fixtures/example.snap.yaml"),
        before,
        "check mode must not accept"
    );
    assert!(
        t.read("proj/fixtures/example.snap.yaml.new")
            .contains("$9 million")
    );

    let (code, out, _) = output(crosscheck(&t.0).args(["test", "proj", "--update"]));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("updated proj/fixtures/example.snap.yaml"),
        "{out}"
    );
    assert!(
        t.read("proj/fixtures/example.snap.yaml")
            .contains("$9 million")
    );
    assert!(!t.path("proj/fixtures/example.snap.yaml.new").exists());
    let (code, out, _) = output(crosscheck(&t.0).args(["test", "proj"]));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_missing_snapshot_is_pending_locally_and_fails_in_ci() {
    let t = TempDir::new("missing");
    let proj = t.scaffold();
    std::fs::write(
        proj.join("fixtures/second.md"),
        "The budget of $3 million was cut.\n",
    )
    .expect("write");
    let mut ci = crosscheck(&t.0);
    ci.args(["test", "proj"]).env("CI", "true");
    let (code, out, _) = output(&mut ci);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("MISSING proj/fixtures/second.md"), "{out}");
    assert!(
        !t.path("proj/fixtures/second.snap.yaml.new").exists(),
        "nothing written in CI"
    );

    let (code, out, _) = output(crosscheck(&t.0).args(["test", "proj"]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("NEW proj/fixtures/second.md"), "{out}");
    assert!(out.contains("1 new"), "{out}");
    let pending = t.read("proj/fixtures/second.snap.yaml.new");
    assert!(
        pending.contains("fixture: \"fixtures/second.md\""),
        "{pending}"
    );
    assert!(!t.path("proj/fixtures/second.snap.yaml").exists());
}

#[test]
fn failing_examples_and_known_gaps_are_reported() {
    let t = TempDir::new("examples");
    t.scaffold();
    let rule = |gap: &str, value: u32| {
        format!(
            "claims:\n  - id: spending-figure\n    aspect: budget_amount\n    kind: numeric\n    unit: dollar\n    pattern: '(?i)\\bspent\\s+(?P<value>\\$?{{num}}(?:\\s+million)?)'\n    examples:\n      - text: \"The council spent $3 million.\"\n        expect: {{ value: {value} }}\n{gap}"
        )
    };
    t.write("proj/rules/extra.yml", &rule("", 5_000_000));
    let (code, out, _) = output(crosscheck(&t.0).args(["test", "proj"]));
    assert_eq!(code, 1, "{out}");
    for expected in [
        "FAILED proj/rules/extra.yml: rule `spending-figure`",
        "text:     \"The council spent $3 million.\"",
        "expected: a claim from `spending-figure` with value=5000000",
        "actual:",
        "value expected 5000000, got 3000000",
        "(1 failed)",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }

    t.write(
        "proj/rules/extra.yml",
        &rule("        known_gap: true\n", 5_000_000),
    );
    let (code, out, _) = output(crosscheck(&t.0).args(["test", "proj"]));
    assert_eq!(code, 0, "a known gap must not fail the run:\n{out}");
    assert!(
        out.contains("known gap proj/rules/extra.yml: rule `spending-figure`"),
        "{out}"
    );
    assert!(out.contains("(1 known gap)"), "{out}");

    t.write(
        "proj/rules/extra.yml",
        &rule("        known_gap: true\n", 3_000_000),
    );
    let (code, out, _) = output(crosscheck(&t.0).args(["test", "proj"]));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("known gap fixed proj/rules/extra.yml: rule `spending-figure`"),
        "{out}"
    );
    assert!(out.contains("remove its `known_gap: true`"), "{out}");
}

#[test]
fn invalid_rules_in_a_test_folder_exit_2() {
    let t = TempDir::new("invalid");
    t.write("rules/a.yml", BROKEN);
    let (code, _, err) = output(crosscheck(&t.0).args(["test", "."]));
    assert_eq!(code, 2);
    assert!(err.contains("invalid rules"), "{err}");
}

#[test]
fn review_without_a_terminal_refuses_unless_yes() {
    let t = TempDir::new("review-pipe");
    let proj = t.scaffold();
    change_fixture(&proj);
    let (code, _, err) = output(
        crosscheck(&t.0)
            .args(["test", "proj", "--review"])
            .write_stdin("a\n"),
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("stdin is not a terminal") && err.contains("--yes"),
        "{err}"
    );
    assert!(
        !t.read("proj/fixtures/example.snap.yaml")
            .contains("$9 million")
    );

    let (code, out, _) = output(crosscheck(&t.0).args(["test", "proj", "--review", "--yes"]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("accepted (--yes)"), "{out}");
    assert!(
        t.read("proj/fixtures/example.snap.yaml")
            .contains("$9 million")
    );
}

/// Runs `crosscheck test proj --review` under a pseudo-terminal (util-linux `script`), typing
/// `keys`; returns (exit code, everything the terminal showed). `None` without `script`.
fn review_in_pty(dir: &Path, keys: &str) -> Option<(i32, String)> {
    let found = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        return None;
    }
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    let cmd = format!("'{}' test proj --review", bin.display());
    let mut child = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(dir)
        .env_remove("CI")
        .env_remove("NO_COLOR")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("script runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(keys.as_bytes())
        .expect("type the keys");
    let out = child.wait_with_output().expect("script finishes");
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    Some((out.status.code().unwrap_or(-1), shown))
}

#[test]
fn review_under_a_pseudo_terminal_accepts_rejects_and_skips() {
    let t = TempDir::new("review-pty");
    let proj = t.scaffold();
    change_fixture(&proj);
    let snap = "proj/fixtures/example.snap.yaml";
    let pending = "proj/fixtures/example.snap.yaml.new";
    let before = t.read(snap);

    // An invalid answer is asked again; `s` leaves the change pending.
    let Some((code, shown)) = review_in_pty(&t.0, "maybe\ns\n") else {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipped: util-linux `script` is not installed");
        }
        return;
    };
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains("accept / reject / skip [a/r/s]"), "{shown}");
    assert!(shown.contains("please answer"), "{shown}");
    assert!(
        shown.contains("\x1b[32m+"),
        "the diff is coloured on a terminal:\n{shown}"
    );
    assert!(shown.contains("skipped: pending in"), "{shown}");
    assert_eq!(t.read(snap), before);
    assert!(t.path(pending).exists());

    // `r` keeps the old snapshot, removes the pending one, and the fixture still fails.
    let (code, shown) = review_in_pty(&t.0, "r\n").expect("script");
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains("rejected"), "{shown}");
    assert_eq!(t.read(snap), before);
    assert!(!t.path(pending).exists());

    // `a` accepts.
    let (code, shown) = review_in_pty(&t.0, "a\n").expect("script");
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("accepted: wrote"), "{shown}");
    assert!(t.read(snap).contains("$9 million"));
    assert!(!t.path(pending).exists());
}

#[test]
fn explain_traces_the_scaffold_fixture() {
    let t = TempDir::new("explain");
    let proj = t.scaffold();
    let args = [
        "explain",
        "fixtures/example.txt",
        "--line",
        "5",
        "--rules",
        "rules",
    ];
    let (code, out, err) = output(crosscheck(&proj).args(args));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("rule     budget-figure matched “budget of $4 million”"),
        "{out}"
    );
    assert!(out.contains("candidate pairs"), "{out}");
    assert!(out.contains("[budget-mismatch]: flagged"), "{out}");
    let (code, out, _) = output(crosscheck(&proj).args(args).args(["--format", "json"]));
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["sentences"][0]["line"], 5, "{out}");
    assert_eq!(
        json["sentences"][0]["claims"][0]["rule"], "budget-figure",
        "{out}"
    );
}

/// The project's rule files, read from `rules/` (not the copies compiled into the binary).
fn project_rules() -> RuleSet {
    let s = suite::discover(&root().join("rules")).expect("rules/ is a folder");
    let texts: Vec<RuleText> = s.rule_texts().expect("rule files are readable");
    RuleSet::compile(&texts).unwrap_or_else(|e| panic!("rules/ does not compile:\n{e}"))
}

#[test]
fn project_rules_pass_crosscheck_test() {
    // What a contributor runs: `crosscheck test rules --no-builtin` (rules/ holds no fixture).
    let (code, out, err) = output(crosscheck(root()).args(["test", "rules", "--no-builtin"]));
    assert_eq!(
        code, 0,
        "the project's rules fail `crosscheck test`:\n{out}\n{err}"
    );
    let rules = project_rules();
    let examples: usize = rules
        .claims
        .iter()
        .map(|r| r.examples.len() + r.counterexamples.len())
        .chain(
            rules
                .contradictions
                .iter()
                .map(|r| r.examples.len() + r.counterexamples.len()),
        )
        .sum();
    assert!(
        out.contains(&format!("{examples} inline examples")),
        "{out}"
    );
}

/// Claim rules are checked to fire in `tests/rules.rs`; this covers contradiction rules.
#[test]
fn every_project_contradiction_rule_fires_on_its_examples_or_a_fixture() {
    let rules = project_rules();
    let mut texts: Vec<(String, String)> = rules
        .contradictions
        .iter()
        .flat_map(|r| {
            r.examples
                .iter()
                .map(|t| ("<example>".to_owned(), t.clone()))
        })
        .collect();
    let fixtures = suite::discover(&root().join("fixtures")).expect("fixtures/");
    for f in &fixtures.fixtures {
        let text = std::fs::read_to_string(&f.path).expect("fixture is UTF-8");
        texts.push((f.name.clone(), text));
    }
    let mut fired = BTreeSet::new();
    for (name, text) in texts {
        let kind = DocKind::from_path(&name);
        let doc = Document::new(name, text, kind);
        let analysis = analyze(&rules, &[doc], CompareOptions::default());
        fired.extend(analysis.findings.into_iter().map(|f| f.rule));
    }
    let silent: Vec<String> = rules
        .contradictions
        .iter()
        .filter(|r| !fired.contains(&r.id))
        .map(|r| format!("{} ({})", r.id, r.file))
        .collect();
    assert!(
        silent.is_empty(),
        "contradiction rules that flag none of their examples and no fixture:\n  {}",
        silent.join("\n  ")
    );
}

#[test]
fn fixture_snapshots_are_stable_and_machine_independent() {
    let s = suite::discover(&root().join("fixtures")).expect("fixtures/");
    assert!(
        s.rule_files.is_empty(),
        "gold files and bad rules are not rule files: {:?}",
        s.rule_files
    );
    assert!(
        s.fixtures.iter().all(|f| !f.name.contains("README")),
        "README is no fixture"
    );
    assert!(s.fixtures.len() >= 20, "{} fixtures", s.fixtures.len());
    let loaded = s.load(false).expect("built-in rules load");
    let abs = root().to_string_lossy().into_owned();
    for f in s.fixtures.iter().take(5) {
        let a = loaded.snapshot(f).expect("snapshot");
        let b = loaded.snapshot(f).expect("snapshot");
        assert_eq!(a, b, "{} renders differently twice", f.name);
        assert!(
            !a.contains(&abs),
            "absolute path in the snapshot of {}",
            f.name
        );
        assert!(a.contains(&format!("fixture: \"{}\"", f.name)), "{a}");
    }
}
