//! Inputs at scale, end to end: folder walking (`.gitignore`, hidden files, file types),
//! deterministic order whatever the thread count, stdin with `--stdin-filename`, binary and
//! non-UTF-8 files (error or `--skip-invalid`), inputs left untouched, and `--across-documents`.

use assert_cmd::Command;
use std::path::Path;

/// One sentence pair that gives exactly one `toll-mismatch` finding.
const TOLL: &str = "The ministry said 12 people were killed in the attack in Kabul on Monday. \
                    Police said 30 people were killed in the attack.\n";
/// No claim at all.
const QUIET: &str = "The weather was mild and the market opened late.\n";

fn crosscheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").expect("the crosscheck binary is built");
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

fn output(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("the binary runs");
    (
        out.status.code().expect("exited normally"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    output(crosscheck(dir).args(args))
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().expect("a parent")).expect("mkdir");
    std::fs::write(p, bytes).expect("write");
}

fn json(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn doc_paths(report: &serde_json::Value) -> Vec<String> {
    report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["path"].as_str().expect("path").to_owned())
        .collect()
}

#[test]
fn folders_honour_gitignore_hidden_files_and_file_types() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(d, "news/.gitignore", b"ignored.txt\nbuild/\n");
    for f in [
        "news/ignored.txt",
        "news/build/x.md",
        "news/.hidden.txt",
        "news/.drafts/y.txt",
        "news/page.html",
        "news/b.txt",
        "news/sub/a.md",
        "news/c.markdown",
    ] {
        write(d, f, TOLL.as_bytes());
    }
    let (code, out, err) = run_in(d, &["check", "--no-config", "--format", "json", "news"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        doc_paths(&json(&out)),
        ["news/b.txt", "news/c.markdown", "news/sub/a.md"]
    );
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for i in 0..24 {
        let text = if i % 3 == 0 { QUIET } else { TOLL };
        write(
            tmp.path(),
            &format!("d{}/f{i:02}.txt", i % 4),
            text.as_bytes(),
        );
    }
    let mut outputs = Vec::new();
    for threads in ["1", "2", "8"] {
        let mut cmd = crosscheck(tmp.path());
        cmd.env("RAYON_NUM_THREADS", threads).args([
            "check",
            "--no-config",
            "--format",
            "json",
            ".",
        ]);
        let (code, out, err) = output(&mut cmd);
        assert_eq!(code, 1, "{err}");
        outputs.push(out);
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
    let paths = doc_paths(&json(&outputs[0]));
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "documents are in path order");
    assert_eq!(paths.len(), 24);
}

#[test]
fn stdin_filename_names_the_document_and_picks_its_type() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // In Markdown the fenced block is code, so only one claim remains and nothing conflicts.
    let text = format!("```\n{TOLL}```\n\nThe weather was mild.\n");
    let mut cmd = crosscheck(tmp.path());
    cmd.args([
        "check",
        "--no-config",
        "--format",
        "json",
        "--stdin-filename",
        "news/today.md",
        "-",
    ])
    .write_stdin(text.clone());
    let (code, out, err) = output(&mut cmd);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc_paths(&json(&out)), ["news/today.md"]);
    let mut cmd = crosscheck(tmp.path());
    cmd.args([
        "check",
        "--no-config",
        "--format",
        "json",
        "--stdin-filename",
        "today.txt",
        "-",
    ])
    .write_stdin(text);
    let (code, out, _) = output(&mut cmd);
    assert_eq!(code, 1, "as plain text the code block is prose");
    assert_eq!(doc_paths(&json(&out)), ["today.txt"]);
}

#[test]
fn invalid_files_are_errors_but_the_others_are_still_checked() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(d, "in/a.txt", TOLL.as_bytes());
    write(d, "in/image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(d, "in/latin1.md", b"Caf\xe9 news.\n");
    let (code, out, err) = run_in(d, &["check", "--no-config", "--format", "json", "in"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("in/image.txt: looks binary"), "{err}");
    assert!(err.contains("in/latin1.md:1:4: invalid UTF-8"), "{err}");
    assert_eq!(doc_paths(&json(&out)), ["in/a.txt"]);
    // A missing path is reported the same way.
    let (code, _, err) = run_in(d, &["check", "--no-config", "in/a.txt", "nope.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.txt"), "{err}");
}

#[test]
fn skip_invalid_turns_invalid_files_into_notices() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(d, "in/a.txt", QUIET.as_bytes());
    write(d, "in/image.txt", b"GIF89a\0\0\x01");
    write(d, "in/latin1.txt", b"Caf\xe9 news.\n");
    let (code, out, err) = run_in(
        d,
        &[
            "check",
            "--no-config",
            "--skip-invalid",
            "--format",
            "json",
            "in",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("notice: skipped in/image.txt: looks binary"),
        "{err}"
    );
    assert!(err.contains("notice: skipped in/latin1.txt:1:4"), "{err}");
    assert_eq!(doc_paths(&json(&out)), ["in/a.txt"]);
}

#[test]
fn inputs_are_never_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let files: [(&str, &[u8]); 3] = [
        ("in/a.txt", TOLL.as_bytes()),
        ("in/b.md", b"<!-- crosscheck-disable -->\nText.\n"),
        ("in/c.txt", b"\xff\xfe"),
    ];
    for (f, b) in files {
        write(d, f, b);
    }
    run_in(d, &["check", "--no-config", "in"]);
    run_in(
        d,
        &[
            "check",
            "--no-config",
            "--skip-invalid",
            "--format",
            "json",
            "in",
        ],
    );
    run_in(
        d,
        &[
            "baseline",
            "write",
            "--no-config",
            "--skip-invalid",
            "base.json",
            "in",
        ],
    );
    for (f, b) in files {
        assert_eq!(std::fs::read(d.join(f)).expect("read"), b, "{f} changed");
    }
    let (code, _, err) = run_in(
        d,
        &["baseline", "write", "--no-config", "in/a.txt", "in/a.txt"],
    );
    assert_eq!(code, 2, "writing the baseline over an input is refused");
    assert!(err.contains("inputs are never written"), "{err}");
    assert_eq!(
        std::fs::read(d.join("in/a.txt")).expect("read"),
        TOLL.as_bytes()
    );
}

#[test]
fn across_documents_pairs_the_outlets_of_several_reports() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(
        d,
        "a.txt",
        b"Source: https://www.example.com/news/1\n\nA bomb killed 12 people in Kabul on Monday.\n",
    );
    write(
        d,
        "b.txt",
        b"Source: Reuters\n\nA bomb killed 40 people in Kabul on Monday.\n",
    );
    write(d, "c.txt", b"A bomb killed 41 people in Kabul on Monday.\n");
    let (code, out, _) = run_in(
        d,
        &["check", "--no-config", "--format", "json", "a.txt", "b.txt"],
    );
    assert_eq!(code, 0, "each document alone is consistent");
    assert!(
        json(&out)["findings"]
            .as_array()
            .expect("findings")
            .is_empty()
    );
    let args = [
        "check",
        "--no-config",
        "--across-documents",
        "--format",
        "json",
        "a.txt",
        "b.txt",
        "c.txt",
    ];
    let (code, out, err) = run_in(d, &args);
    assert_eq!(code, 1, "{err}");
    let report = json(&out);
    let findings = report["findings"].as_array().expect("findings");
    let mut messages: Vec<&str> = findings
        .iter()
        .map(|f| f["message"].as_str().expect("message"))
        .collect();
    messages.sort_unstable();
    // 40 and 41 are within the rule's tolerance; 12 conflicts with both.
    assert_eq!(
        messages,
        [
            "example.com gives 12 person; Reuters gives 40 person (death toll)",
            "example.com gives 12 person; c.txt gives 41 person (death toll)",
        ]
    );
    // The same setting from the configuration file.
    write(d, "crosscheck.yaml", b"across_documents: true\n");
    let (code, _, _) = run_in(d, &["check", "a.txt", "b.txt"]);
    assert_eq!(code, 1);
}
