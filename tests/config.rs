//! Project configuration end to end: discovery, `--config`, `--no-config`, every key, errors with
//! line and column, `config show` with origins; and the CI integration examples
//! (`.github/workflows/crosscheck.yml`, `.pre-commit-hooks.yaml`) run with their exact command line.

use assert_cmd::Command;
use crosscheck::rules::load::parse_yaml;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One sentence pair that gives exactly one `toll-mismatch` finding.
const TOLL: &str = "The ministry said 12 people were killed in the attack in Kabul on Monday. \
                    Police said 30 people were killed in the attack.\n";
const RULE: &str = "toll-mismatch";

/// Runs the binary in `dir`; returns (exit code, stdout, stderr).
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("crosscheck")
        .expect("the crosscheck binary is built")
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().expect("exited normally"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().expect("a parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

/// Rule ids and severities of the findings of a JSON report.
fn findings(stdout: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(stdout).expect("JSON report");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().expect("rule").to_owned(),
                f["severity"].as_str().expect("severity").to_owned(),
            )
        })
        .collect()
}

#[test]
fn config_is_discovered_from_a_parent_folder_and_can_be_bypassed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        tmp.path(),
        "crosscheck.yaml",
        &format!("disable: [{RULE}]\n"),
    );
    write(tmp.path(), "sub/a.txt", TOLL);
    let sub = tmp.path().join("sub");
    let (code, out, err) = run_in(&sub, &["check", "--format", "json", "a.txt"]);
    assert_eq!((code, findings(&out)), (0, vec![]), "{err}");
    let (code, out, err) = run_in(&sub, &["check", "--no-config", "--format", "json", "a.txt"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        findings(&out),
        vec![(RULE.to_owned(), "warning".to_owned())]
    );
    let (_, show, _) = run_in(&sub, &["config", "show"]);
    assert!(
        show.contains("# configuration file: ../crosscheck.yaml"),
        "{show}"
    );
}

#[test]
fn dot_crosscheck_yaml_and_explicit_config() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        tmp.path(),
        ".crosscheck.yaml",
        &format!("severity: {{ {RULE}: error }}\n"),
    );
    write(
        tmp.path(),
        "strict/other.yaml",
        &format!("severity: {{ {RULE}: info }}\n"),
    );
    write(tmp.path(), "a.txt", TOLL);
    let (_, out, _) = run_in(tmp.path(), &["check", "--format", "json", "a.txt"]);
    assert_eq!(findings(&out)[0].1, "error");
    let args = [
        "check",
        "--config",
        "strict/other.yaml",
        "--fail-on",
        "warning",
    ];
    let (code, out, err) = run_in(
        tmp.path(),
        &[&args[..], &["--format", "json", "a.txt"]].concat(),
    );
    assert_eq!(code, 0, "an info finding is below --fail-on warning: {err}");
    assert_eq!(findings(&out)[0].1, "info");
    let (code, _, err) = run_in(tmp.path(), &["check", "--config", "missing.yaml", "a.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.yaml"), "{err}");
}

#[test]
fn both_file_names_in_one_folder_is_an_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(tmp.path(), "crosscheck.yaml", "");
    write(tmp.path(), ".crosscheck.yaml", "");
    write(tmp.path(), "a.txt", TOLL);
    let (code, _, err) = run_in(tmp.path(), &["check", "a.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("keep one"), "{err}");
}

#[test]
fn unknown_key_exits_2_with_line_column_and_suggestion() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        tmp.path(),
        "crosscheck.yaml",
        "builtin: true\nacross_document: true\n",
    );
    write(tmp.path(), "a.txt", TOLL);
    let (code, out, err) = run_in(tmp.path(), &["check", "a.txt"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("crosscheck.yaml:2:1: unknown field `across_document`"),
        "{err}"
    );
    assert!(err.contains("did you mean `across_documents`?"), "{err}");
}

#[test]
fn unknown_rule_id_exits_2_naming_it_with_suggestion() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        tmp.path(),
        "crosscheck.yaml",
        "enable:\n  - toll-mismatsh\n",
    );
    write(tmp.path(), "a.txt", TOLL);
    let (code, _, err) = run_in(tmp.path(), &["check", "a.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("crosscheck.yaml:2:5: unknown rule `toll-mismatsh`"),
        "{err}"
    );
    assert!(err.contains("did you mean `toll-mismatch`?"), "{err}");
}

#[test]
fn enable_is_an_allow_list() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(tmp.path(), "crosscheck.yaml", "enable: [trend-vs-level]\n");
    write(tmp.path(), "a.txt", TOLL);
    let (code, out, _) = run_in(tmp.path(), &["check", "--format", "json", "a.txt"]);
    assert_eq!((code, findings(&out)), (0, vec![]));
}

#[test]
fn rule_folders_are_relative_to_the_config_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        tmp.path(),
        "crosscheck.yaml",
        "rules: [house-rules]\nbuiltin: false\n",
    );
    write(
        tmp.path(),
        "house-rules/bad.yml",
        "aspects:\n  - id: x\n    axsi: y\n",
    );
    write(tmp.path(), "sub/a.txt", TOLL);
    let (code, _, err) = run_in(&tmp.path().join("sub"), &["check", "a.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("house-rules/bad.yml:3:5"), "{err}");
}

#[test]
fn extensions_include_and_exclude_pick_walked_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let config =
        "extensions: { news: text }\nexclude: [drafts, '*.skip.txt']\ninclude: ['docs/**']\n";
    write(tmp.path(), "crosscheck.yaml", config);
    for f in [
        "docs/a.news",
        "docs/b.txt",
        "docs/c.skip.txt",
        "docs/drafts/d.txt",
        "e.txt",
    ] {
        write(tmp.path(), f, TOLL);
    }
    let (_, out, err) = run_in(tmp.path(), &["check", "--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["path"].as_str().expect("path"))
        .collect();
    assert_eq!(paths, ["./docs/a.news", "./docs/b.txt"], "{err}");
    // An explicitly named file is read whatever the globs say.
    let (_, out, _) = run_in(tmp.path(), &["check", "--format", "json", "e.txt"]);
    assert_eq!(findings(&out).len(), 1);
}

/// Part of `config show` output, read back as YAML.
#[derive(Deserialize)]
struct Shown {
    fuzzy: f64,
    extensions: BTreeMap<String, String>,
}

#[test]
fn config_show_prints_each_value_with_its_origin() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        tmp.path(),
        "crosscheck.yaml",
        "fuzzy: 0.9\nexclude: [drafts]\n",
    );
    let (code, out, err) = run_in(
        tmp.path(),
        &[
            "config",
            "show",
            "--across-documents",
            "--no-builtin",
            "--rules",
            "extra.yml",
        ],
    );
    // extra.yml does not exist: the rules cannot load.
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("extra.yml"), "{err}");
    let (code, out, err) = run_in(tmp.path(), &["config", "show", "--across-documents"]);
    assert_eq!(code, 0, "{err}");
    let line = |key: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{key}:")))
            .unwrap_or_else(|| panic!("no `{key}` in:\n{out}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(line("fuzzy"), "fuzzy: 0.9 # crosscheck.yaml");
    assert_eq!(line("exclude"), "exclude: [\"drafts\"] # crosscheck.yaml");
    assert_eq!(line("builtin"), "builtin: true # default");
    assert_eq!(
        line("across_documents"),
        "across_documents: true # flag --across-documents"
    );
    // The output is YAML itself, comments aside.
    let shown: Shown = parse_yaml("show", &out).expect("config show prints YAML");
    assert!((shown.fuzzy - 0.9).abs() < 1e-9);
    assert_eq!(shown.extensions["md"], "markdown");
}

#[test]
fn bad_values_in_the_config_are_located() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(tmp.path(), "a.txt", TOLL);
    for (text, expect) in [
        ("fuzzy: 2\n", "crosscheck.yaml:1:"),
        ("exclude:\n  - '[x'\n", "crosscheck.yaml:2:"),
        (
            "severity: { toll-mismatch: loud }\n",
            "unknown variant `loud`",
        ),
        ("extensions: { md: html }\n", "unknown variant `html`"),
        ("- a\n- b\n", "crosscheck.yaml:1:1"),
    ] {
        write(tmp.path(), "crosscheck.yaml", text);
        let (code, _, err) = run_in(tmp.path(), &["check", "a.txt"]);
        assert_eq!(code, 2, "{text}");
        assert!(err.contains(expect), "{text}: {err}");
    }
}

// ---- CI integration examples -------------------------------------------------------------

#[derive(Debug, Deserialize)]
struct Workflow {
    jobs: BTreeMap<String, Job>,
}

#[derive(Debug, Deserialize)]
struct Job {
    steps: Vec<Step>,
}

#[derive(Debug, Deserialize)]
struct Step {
    uses: Option<String>,
    run: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Hook {
    id: String,
    entry: String,
    language: String,
    types: Vec<String>,
    files: String,
}

fn repo_file(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Top-level fixture articles, relative to the repository: `(path, is a clean tune article)`.
/// Held-out clean articles are measured (`tests/accuracy.rs`), not required to be clean: the
/// rules are never fitted to them.
fn fixture_articles() -> Vec<(String, bool)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out: Vec<(String, bool)> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
        })
        .map(|n| {
            let clean = n.starts_with("clean-") && is_tune(&n);
            (format!("fixtures/{n}"), clean)
        })
        .collect();
    out.sort();
    out
}

/// Whether the gold file beside fixture `name` puts it in the `tune` split.
fn is_tune(name: &str) -> bool {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    repo_file(&format!("fixtures/{stem}.gold.yaml"))
        .lines()
        .any(|l| l.trim() == "split: tune")
}

#[test]
fn github_workflow_command_runs_with_github_annotations_and_exit_codes() {
    let wf: Workflow = parse_yaml(
        "crosscheck.yml",
        &repo_file(".github/workflows/crosscheck.yml"),
    )
    .expect("the workflow parses");
    let steps: Vec<&Step> = wf.jobs.values().flat_map(|j| &j.steps).collect();
    assert!(steps.iter().any(|s| {
        s.uses
            .as_deref()
            .is_some_and(|u| u.starts_with("actions/checkout@"))
    }));
    let runs: Vec<&str> = steps.iter().filter_map(|s| s.run.as_deref()).collect();
    assert!(
        runs.iter()
            .any(|r| r.starts_with("cargo install") && r.contains("--path .")),
        "{runs:?}"
    );
    let command = runs
        .iter()
        .find(|r| r.starts_with("crosscheck check"))
        .expect("a step runs crosscheck check");
    let argv: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(argv[argv.len() - 1], "docs/", "the workflow checks docs/");
    assert!(command.contains("--format github"));
    // Run the exact command line in a checkout whose docs/ holds the fixture articles.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let docs = tmp.path().join("docs");
    let run_with = |files: &[&(String, bool)]| {
        let _ = std::fs::remove_dir_all(&docs);
        std::fs::create_dir_all(&docs).expect("docs/");
        for (f, _) in files {
            let name = Path::new(f).file_name().expect("name");
            std::fs::copy(root.join(f), docs.join(name)).expect("copy");
        }
        run_in(tmp.path(), &argv[1..])
    };
    let all = fixture_articles();
    let (code, out, err) = run_with(&all.iter().collect::<Vec<_>>());
    assert_eq!(code, 1, "fixtures have findings: {err}");
    assert!(!out.is_empty());
    for line in out.lines() {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "not a workflow command: {line}"
        );
        assert!(line.contains("file=docs/"), "{line}");
    }
    let clean: Vec<_> = all.iter().filter(|(_, c)| *c).collect();
    let (code, out, err) = run_with(&clean);
    assert_eq!((code, out.as_str()), (0, ""), "clean fixtures: {err}");
    std::fs::write(docs.join("latin1.txt"), b"caf\xe9\n").expect("write");
    let (code, _, err) = run_in(tmp.path(), &argv[1..]);
    assert_eq!(code, 2, "a non-UTF-8 file is an error: {err}");
}

#[test]
fn pre_commit_hook_runs_on_matching_files_with_exit_codes() {
    let hooks: Vec<Hook> = parse_yaml(
        ".pre-commit-hooks.yaml",
        &repo_file(".pre-commit-hooks.yaml"),
    )
    .expect("the hook file parses");
    let hook = hooks
        .iter()
        .find(|h| h.id == "crosscheck")
        .expect("hook `crosscheck`");
    assert_eq!(hook.entry, "crosscheck check");
    assert_eq!(hook.language, "rust");
    assert_eq!(hook.types, ["text"]);
    let files = regex::Regex::new(&hook.files).expect("`files` is a regex");
    let entry: Vec<&str> = hook.entry.split_whitespace().collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // pre-commit appends the staged files that match `files` to `entry`.
    let staged: Vec<(String, bool)> = fixture_articles()
        .into_iter()
        .chain([("fixtures/bad-rules/bad-regex.yml".to_owned(), false)])
        .filter(|(f, _)| files.is_match(f))
        .collect();
    assert!(
        staged
            .iter()
            .all(|(f, _)| Path::new(f).extension().is_none_or(|e| e != "yml"))
    );
    let args = |pick: &dyn Fn(bool) -> bool| -> Vec<String> {
        entry[1..]
            .iter()
            .map(|s| (*s).to_owned())
            .chain(
                staged
                    .iter()
                    .filter(|(_, c)| pick(*c))
                    .map(|(f, _)| f.clone()),
            )
            .collect()
    };
    let all = args(&|_| true);
    let (code, _, err) = run_in(root, &all.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 1, "fixtures have findings: {err}");
    let clean = args(&|c| c);
    let (code, out, err) = run_in(root, &clean.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{out}\n{err}");
}
