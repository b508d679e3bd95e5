//! The `crosscheck` binary end to end: exit codes, the JSON contract, error messages for bad
//! input, stdin, colour, and that inputs are left untouched.

use assert_cmd::Command;
use crosscheck::report::json::{JsonSpan, Report};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The bundled seed article: it has findings.
const SEED: &str = "fixtures/voa-iskp-2024-03.txt";
/// An article with no disagreement.
const CLEAN: &str = "fixtures/clean-voa-pakistan-quake-toll-2013-09.txt";

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").expect("the crosscheck binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}

/// Runs the binary and returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    output(crosscheck().args(args))
}

fn output(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("the binary runs");
    let code = out
        .status
        .code()
        .expect("exited normally (not by a signal)");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    (code, stdout, stderr)
}

/// A fresh folder under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("crosscheck-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    /// Writes a file and returns its path as a string.
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("write temp file");
        p.to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn parse_report(stdout: &str) -> Report {
    serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("JSON report does not parse: {e}\n{stdout}"))
}

/// 1-based line and column (in chars) of a byte offset, computed independently of the crate.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn check_span(text: &str, span: &JsonSpan, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside the file ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} splits a character"
    );
    assert_eq!(
        line_col(text, span.start),
        (span.line, span.column),
        "{what}: start line/column"
    );
    assert_eq!(
        line_col(text, span.end),
        (span.end_line, span.end_column),
        "{what}: end line/column"
    );
}

#[test]
fn check_seed_reports_findings_and_exits_1() {
    let (code, stdout, stderr) = run(&["check", SEED]);
    assert_eq!(code, 1, "stderr: {stderr}");
    assert!(
        stdout.contains("warning[") || stdout.contains("error["),
        "no finding printed:\n{stdout}"
    );
    assert!(
        stdout.contains(SEED),
        "findings should name the file:\n{stdout}"
    );
    assert!(stderr.is_empty(), "unexpected stderr: {stderr}");
}

#[test]
fn check_json_is_a_consistent_version_1_report() {
    let (code, stdout, stderr) = run(&["check", "--format", "json", SEED]);
    assert_eq!(code, 1, "stderr: {stderr}");
    let report = parse_report(&stdout);
    assert_eq!(report.version, 1);
    let text = std::fs::read_to_string(SEED).expect("seed readable");
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.documents[0].path, SEED);
    assert_eq!(report.summary.claims, report.claims.len());
    let ids: BTreeSet<&str> = report.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), report.claims.len(), "claim ids are not unique");
    for c in &report.claims {
        assert_eq!(c.path, SEED);
        check_span(&text, &c.span, &c.id);
        assert_eq!(
            &text[c.span.start..c.span.end],
            c.text,
            "{}: text differs from the file at its span",
            c.id
        );
        assert!(
            c.sentence.start <= c.span.start
                && c.span.end <= c.sentence.end
                && c.sentence.end <= text.len(),
            "{}: claim span {:?} is not inside its sentence {:?}",
            c.id,
            c.span,
            c.sentence
        );
    }
    let findings = report.findings.as_ref().expect("`check` reports findings");
    assert!(!findings.is_empty(), "the seed article has findings");
    assert_eq!(report.summary.findings, findings.len());
    for f in findings {
        for id in &f.claims {
            assert!(
                ids.contains(id.as_str()),
                "{}: claim {id} is not among the claims",
                f.id
            );
        }
        assert_ne!(
            f.claims[0], f.claims[1],
            "{}: a claim paired with itself",
            f.id
        );
        assert!(
            (0.0..=1.0).contains(&f.confidence),
            "{}: confidence {}",
            f.id,
            f.confidence
        );
    }
}

#[test]
fn claims_json_has_no_findings_key() {
    let (code, stdout, stderr) = run(&["claims", "--format", "json", SEED]);
    assert_eq!(code, 0, "stderr: {stderr}");
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert!(
        value.get("findings").is_none(),
        "`claims` output has a findings key"
    );
    let report = parse_report(&stdout);
    assert!(!report.claims.is_empty());
}

#[test]
fn fail_on_never_exits_0() {
    let (code, stdout, stderr) = run(&["check", "--fail-on", "never", SEED]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.contains("finding"), "{stdout}");
}

#[test]
fn clean_fixture_exits_0() {
    let (code, stdout, stderr) = run(&["check", CLEAN]);
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr: {stderr}");
    assert!(stdout.contains("0 findings"), "{stdout}");
}

#[test]
fn missing_file_exits_2_naming_it() {
    let missing = "fixtures/no-such-article.txt";
    let (code, _, stderr) = run(&["check", missing]);
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(
        stderr.contains(missing),
        "stderr does not name the path: {stderr}"
    );
}

#[test]
fn binary_file_exits_2() {
    let dir = TempDir::new("binary");
    let path = dir.file("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let (code, _, stderr) = run(&["check", &path]);
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(stderr.contains("binary"), "stderr: {stderr}");
    assert!(
        stderr.contains(&path),
        "stderr does not name the path: {stderr}"
    );
}

#[test]
fn invalid_utf8_exits_2_with_line_and_column() {
    let dir = TempDir::new("utf8");
    let path = dir.file(
        "latin1.txt",
        b"First line.\nThe caf\xe9 said 12 people died.\n",
    );
    let (code, _, stderr) = run(&["check", &path]);
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(
        stderr.contains(&format!("{path}:2:8")),
        "stderr lacks path:line:col: {stderr}"
    );
    assert!(stderr.contains("UTF-8"), "stderr: {stderr}");
}

#[test]
fn bad_rules_file_exits_2_with_location() {
    let rules = "fixtures/bad-rules/unknown-key.yml";
    let (code, _, stderr) = run(&["check", "--rules", rules, SEED]);
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(
        stderr.contains(&format!("{rules}:10:5")),
        "stderr lacks file:line:col: {stderr}"
    );
    assert!(
        stderr.contains("did you mean `pattern`?"),
        "stderr lacks the hint: {stderr}"
    );
}

#[test]
fn stdin_is_read_with_dash() {
    let text = std::fs::read(SEED).expect("seed readable");
    let (code, stdout, stderr) = output(crosscheck().args(["check", "-"]).write_stdin(text));
    assert_eq!(code, 1, "stderr: {stderr}");
    assert!(stdout.contains("<stdin>"), "{stdout}");
    let (_, file_out, _) = run(&["check", SEED]);
    assert_eq!(
        stdout.replace("<stdin>", SEED),
        file_out,
        "stdin and file output differ beyond the path"
    );
}

#[test]
fn no_escape_codes_without_a_terminal() {
    // Output is captured, so stdout is never a terminal: no colour with or without NO_COLOR.
    for (no_color, args) in [(true, ["check", SEED]), (false, ["claims", SEED])] {
        let mut cmd = crosscheck();
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let (_, stdout, stderr) = output(cmd.args(args));
        assert!(!stdout.is_empty(), "no output from {args:?}");
        assert!(
            !stdout.contains('\x1b'),
            "ESC in stdout of {args:?} (NO_COLOR={no_color})"
        );
        assert!(
            !stderr.contains('\x1b'),
            "ESC in stderr of {args:?} (NO_COLOR={no_color})"
        );
    }
}

#[test]
fn inputs_are_unchanged_after_a_run() {
    let inputs = [SEED, CLEAN, "fixtures/bad-rules/unknown-aspect.yml"];
    let before: Vec<Vec<u8>> = inputs.iter().map(|p| read(p)).collect();
    let (code, _, stderr) = run(&["check", "--format", "json", SEED, CLEAN]);
    assert_eq!(code, 1, "stderr: {stderr}");
    let (code, _, stderr) = run(&["check", "--rules", inputs[2], SEED]);
    assert_eq!(code, 2, "stderr: {stderr}");
    let after: Vec<Vec<u8>> = inputs.iter().map(|p| read(p)).collect();
    for ((p, b), a) in inputs.iter().zip(&before).zip(&after) {
        assert!(b == a, "{p} changed during a run");
    }
}

fn read(p: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(p))
        .unwrap_or_else(|e| panic!("{p}: {e}"))
}
