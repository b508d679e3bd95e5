//! Output formats for CI and editorial pipelines: the seed article rendered in every format
//! (snapshots), SARIF validated against the vendored official SARIF 2.1.0 schema, JSON and JSONL
//! read back, GitHub workflow-command escaping, Markdown tables, `--output-file` writing several
//! files in one run, and `--fail-on` giving the same exit code whatever the format.

use assert_cmd::Command;
use crosscheck::report::json::Report;
use crosscheck::report::jsonl::JsonlFinding;
use crosscheck::report::{self, Format, Input};
use crosscheck::rules::RuleSet;
use crosscheck::text::{DocKind, Document, Span};
use crosscheck::{Analysis, CompareOptions, analyze};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The bundled seed article: it has findings.
const SEED: &str = "fixtures/voa-iskp-2024-03.txt";
/// An article with no disagreement.
const CLEAN: &str = "fixtures/clean-voa-pakistan-quake-toll-2013-09.txt";
/// The official SARIF 2.1.0 schema (OASIS, errata 01), vendored.
const SARIF_SCHEMA: &str = include_str!("data/sarif-schema-2.1.0.json");

static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::builtin().unwrap_or_else(|e| panic!("built-in rules:\n{e}")));

const ALL: [Format; 6] = [
    Format::Human,
    Format::Json,
    Format::Jsonl,
    Format::Sarif,
    Format::Github,
    Format::Markdown,
];

/// Loads a fixture under its repo-relative path, so output is stable.
fn load(rel: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    Document::from_bytes(rel, bytes, DocKind::from_path(rel)).unwrap_or_else(|e| panic!("{e}"))
}

fn run(docs: &[Document]) -> Analysis {
    analyze(&RULES, docs, CompareOptions::default())
}

fn render_with(format: Format, docs: &[Document], analysis: &Analysis, findings: bool) -> String {
    let input = Input {
        analysis,
        docs,
        rules: &RULES,
        findings,
        color: false,
    };
    let mut out = Vec::new();
    report::render(format, input, &mut out).unwrap_or_else(|e| panic!("render: {e}"));
    String::from_utf8(out).unwrap_or_else(|e| panic!("output is UTF-8: {e}"))
}

fn render(format: Format, docs: &[Document]) -> String {
    render_with(format, docs, &run(docs), true)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("invalid JSON ({e}):\n{text}"))
}

/// Errors of `instance` against the vendored SARIF schema (formats checked too).
fn sarif_errors(instance: &Value) -> Vec<String> {
    let schema = json(SARIF_SCHEMA);
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the vendored schema compiles: {e}"));
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn seed_in_every_format() {
    let docs = [load(SEED)];
    for format in ALL {
        let mut out = render(format, &docs);
        if format == Format::Sarif {
            // The crate version changes on every release; the rest must not.
            out = out.replace(
                &format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")),
                "\"version\": \"[crate version]\"",
            );
        }
        insta::assert_snapshot!(format!("seed-{}", format.name()), out);
    }
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let seed = [load(SEED)];
    let clean = [load(CLEAN)];
    let analysis = run(&seed);
    let cases = [
        ("seed check", render(Format::Sarif, &seed)),
        ("clean check", render(Format::Sarif, &clean)),
        (
            "seed claims",
            render_with(Format::Sarif, &seed, &analysis, false),
        ),
    ];
    for (name, text) in cases {
        let log = json(&text);
        let errors = sarif_errors(&log);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert_eq!(
            log["version"], "2.1.0",
            "{name}: version is the string 2.1.0"
        );
        assert!(
            log["$schema"]
                .as_str()
                .is_some_and(|s| s.ends_with("sarif-schema-2.1.0.json"))
        );
        assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
    }
    // The schema is strict enough to catch a wrong log.
    let mut bad = json(&render(Format::Sarif, &seed));
    bad["version"] = Value::from(2.1);
    assert!(
        !sarif_errors(&bad).is_empty(),
        "a numeric version is rejected"
    );
}

#[test]
fn sarif_results_match_findings_and_rules() {
    let docs = [load(SEED)];
    let analysis = run(&docs);
    let log = json(&render_with(Format::Sarif, &docs, &analysis, true));
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap_or_else(|| panic!("rules array"));
    assert_eq!(rules.len(), RULES.contradictions.len());
    for (r, rule) in rules.iter().zip(&RULES.contradictions) {
        assert_eq!(r["id"], rule.id.as_str());
        let level = match rule.severity.as_str() {
            "info" => "note",
            other => other,
        };
        assert_eq!(r["defaultConfiguration"]["level"], level);
        assert!(
            r["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        assert!(r["help"]["text"].as_str().is_some_and(|t| !t.is_empty()));
    }
    assert_eq!(run["tool"]["driver"]["name"], "crosscheck");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let results = run["results"]
        .as_array()
        .unwrap_or_else(|| panic!("results array"));
    assert_eq!(results.len(), analysis.findings.len());
    assert!(!results.is_empty(), "the seed article has findings");
    let mut fingerprints = BTreeSet::new();
    for (res, f) in results.iter().zip(&analysis.findings) {
        assert_eq!(res["ruleId"], f.rule.as_str());
        let index = res["ruleIndex"]
            .as_u64()
            .unwrap_or_else(|| panic!("ruleIndex"));
        assert_eq!(rules[index as usize]["id"], f.rule.as_str());
        let [a, b] = f.claims.map(|i| &analysis.claims[i]);
        for (loc, c) in [(&res["locations"][0], a), (&res["relatedLocations"][0], b)] {
            let region = &loc["physicalLocation"]["region"];
            let (line, col) = docs[0].line_col(c.span.start);
            let (end_line, end_col) = docs[0].line_col(c.span.end);
            assert_eq!(region["startLine"], line);
            assert_eq!(region["startColumn"], col);
            assert_eq!(region["endLine"], end_line);
            assert_eq!(region["endColumn"], end_col);
            assert_eq!(region["byteOffset"], c.span.start);
            assert_eq!(region["byteLength"], c.span.end - c.span.start);
            assert_eq!(region["snippet"]["text"], docs[0].slice(c.span));
            assert_eq!(
                loc["physicalLocation"]["artifactLocation"]["uri"],
                "fixtures/voa-iskp-2024-03.txt"
            );
        }
        assert_eq!(res["relatedLocations"][0]["id"], 1);
        let message = res["message"]["text"].as_str().unwrap_or_default();
        assert!(
            message.contains("](1)"),
            "the message links the other claim: {message}"
        );
        let fp = res["partialFingerprints"]["crosscheck/v1"]
            .as_str()
            .unwrap_or_else(|| panic!("fingerprint"))
            .to_owned();
        assert_eq!(fp.len(), 16);
        fingerprints.insert(fp);
    }
    assert_eq!(
        fingerprints.len(),
        results.len(),
        "fingerprints are distinct"
    );
}

/// `crosscheck/v1` fingerprints of a SARIF log, in result order.
fn fingerprints(sarif: &str) -> Vec<String> {
    json(sarif)["runs"][0]["results"]
        .as_array()
        .map(|rs| {
            rs.iter()
                .map(|r| r["partialFingerprints"]["crosscheck/v1"].to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn fingerprints_survive_line_shifts_elsewhere() {
    let doc = load(SEED);
    let before = fingerprints(&render(Format::Sarif, std::slice::from_ref(&doc)));
    // Two new paragraphs after the metadata header move every claim down four lines.
    let shifted_text = doc.text.replacen(
        "\n\n",
        "\n\nAn editor's note added later.\n\nAnother unrelated paragraph.\n\n",
        1,
    );
    let shifted = Document::from_bytes(
        doc.path.clone(),
        shifted_text.into_bytes(),
        DocKind::from_path(&doc.path),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let log = json(&render(Format::Sarif, std::slice::from_ref(&shifted)));
    let after = fingerprints(&log.to_string());
    assert!(!before.is_empty());
    assert_eq!(before, after, "same claims and sources, same fingerprints");
    let first_line = |v: &Value| {
        v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
    };
    let original = json(&render(Format::Sarif, std::slice::from_ref(&doc)));
    assert_ne!(first_line(&original), first_line(&log), "lines did move");
}

#[test]
fn json_and_jsonl_read_back() {
    let docs = [load(SEED)];
    let analysis = run(&docs);
    let report: Report = serde_json::from_str(&render_with(Format::Json, &docs, &analysis, true))
        .unwrap_or_else(|e| panic!("the JSON report parses: {e}"));
    let findings = report.findings.unwrap_or_default();
    assert_eq!(findings.len(), analysis.findings.len());
    let text = render_with(Format::Jsonl, &docs, &analysis, true);
    assert!(text.ends_with('\n'));
    let lines: Vec<JsonlFinding> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("line parses ({e}): {l}")))
        .collect();
    assert_eq!(lines.len(), findings.len(), "one line per finding");
    for (line, f) in lines.iter().zip(&findings) {
        assert_eq!(line.id, f.id);
        assert_eq!(line.rule, f.rule);
        assert_eq!(line.severity, f.severity);
        assert_eq!(line.message, f.message);
        assert_eq!(line.fingerprint.len(), 16);
        for (c, id) in line.claims.iter().zip(&f.claims) {
            assert_eq!(&c.id, id, "both claims in full, in finding order");
            let full = report
                .claims
                .iter()
                .find(|x| &x.id == id)
                .unwrap_or_else(|| panic!("claim {id} in the report"));
            assert_eq!(c.text, full.text);
            assert_eq!(c.span, full.span);
            assert_eq!(c.source.name, full.source.name);
        }
    }
    // `claims --format jsonl`: one claim per line.
    let claims = render_with(Format::Jsonl, &docs, &analysis, false);
    assert_eq!(claims.lines().count(), analysis.claims.len());
    for l in claims.lines() {
        let v = json(l);
        assert!(v["id"].as_str().is_some_and(|s| s.starts_with('c')));
    }
}

#[test]
fn github_annotations_escape_and_sort() {
    // A path with `,` and `:` and a message with `%`, a newline and `,`.
    let seed = load(SEED);
    let doc = Document::new("news,1/a:b.txt", seed.text.clone(), DocKind::Text);
    let docs = [doc];
    let mut analysis = run(&docs);
    assert!(analysis.findings.len() >= 2);
    analysis.findings[0].message = "100% sure,\r\nor not".to_owned();
    analysis.findings[1].severity = crosscheck::model::Severity::Error;
    analysis.findings[1].confidence = 0.1;
    let out = render_with(Format::Github, &docs, &analysis, true);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        analysis.findings.len(),
        "one line per finding:\n{out}"
    );
    assert!(
        lines[0].starts_with("::error "),
        "errors first: {}",
        lines[0]
    );
    let escaped = lines
        .iter()
        .find(|l| l.contains("::100%25 sure,%0D%0Aor not (other claim: "))
        .unwrap_or_else(|| panic!("escaped message:\n{out}"));
    assert!(escaped.starts_with("::warning file=news%2C1/a%3Ab.txt,line="));
    for l in &lines {
        assert!(!l.contains('\r'));
        let (props, message) = l
            .split_once("::")
            .and_then(|(_, rest)| rest.split_once("::"))
            .unwrap_or_else(|| panic!("two `::` separators: {l}"));
        assert!(props.contains(",title="), "{props}");
        assert!(
            message.contains("(other claim: news,1/a:b.txt:"),
            "{message}"
        );
    }
    // Confidence orders findings of one severity.
    let warnings: Vec<f64> = crosscheck::report::by_priority(&analysis.findings)
        .into_iter()
        .map(|i| &analysis.findings[i])
        .filter(|f| f.severity == crosscheck::model::Severity::Warning)
        .map(|f| f.confidence)
        .collect();
    assert!(warnings.windows(2).all(|w| w[0] >= w[1]), "{warnings:?}");
}

#[test]
fn github_columns_only_for_one_line_spans() {
    let docs = [load(SEED)];
    let mut analysis = run(&docs);
    let i = analysis.findings[0].claims[0];
    let start = analysis.claims[i].span.start;
    // Stretch the first claim to the end of the next line.
    let text = &docs[0].text;
    let after_two_lines = text[start..]
        .match_indices('\n')
        .nth(1)
        .map_or(text.len(), |(k, _)| start + k);
    analysis.claims[i].span = Span::new(start, after_two_lines);
    analysis.claims[i].sentence = Span::new(start, after_two_lines);
    let out = render_with(Format::Github, &docs, &analysis, true);
    let (line, _) = docs[0].line_col(start);
    let (end_line, _) = docs[0].line_col(after_two_lines);
    assert!(end_line > line);
    let multi = out
        .lines()
        .find(|l| l.contains(&format!(",line={line},endLine={end_line},")))
        .unwrap_or_else(|| panic!("a multi-line annotation:\n{out}"));
    assert!(!multi.contains(",col="), "{multi}");
    assert!(!multi.contains("endColumn="), "{multi}");
    assert!(
        out.lines()
            .any(|l| l.contains(",col=") && l.contains(",endColumn=")),
        "one-line spans keep their columns"
    );
}

#[test]
fn markdown_table_rows_have_six_cells() {
    let seed = load(SEED);
    let docs = [Document::new(
        "a|b.txt",
        seed.text
            .replace("attacks decreased by 90%", "attacks|decreased by 90%"),
        DocKind::Text,
    )];
    let out = render(Format::Markdown, &docs);
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("| ")).collect();
    assert!(rows.len() >= 3, "header, separator and findings:\n{out}");
    for row in rows {
        let unescaped = row
            .char_indices()
            .filter(|&(i, c)| c == '|' && !row[..i].ends_with('\\'))
            .count();
        assert_eq!(unescaped, 7, "six cells: {row}");
    }
    assert!(out.contains("a\\|b.txt"), "{out}");
    let clean = render(Format::Markdown, &[load(CLEAN)]);
    assert!(clean.contains("no disagreement"), "{clean}");
}

// --- the binary -----------------------------------------------------------------------------

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").expect("the crosscheck binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// A fresh folder under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("crosscheck-formats-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn output_files_are_written_in_one_run() {
    let tmp = TempDir::new("outputs");
    let json_path = tmp.0.join("report.json");
    let sarif_path = tmp.0.join("report.sarif");
    let out = crosscheck()
        .args(["check", SEED, "--color", "never", "--output-file"])
        .arg(format!("json={}", json_path.display()))
        .arg("--output-file")
        .arg(format!("SARIF={}", sarif_path.display()))
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1), "findings fail the run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("warning["),
        "stdout keeps --format human:\n{stdout}"
    );
    let report: Report = serde_json::from_slice(&std::fs::read(&json_path).expect("json file"))
        .unwrap_or_else(|e| panic!("json file parses: {e}"));
    assert!(report.findings.is_some_and(|f| !f.is_empty()));
    let sarif = json(&std::fs::read_to_string(&sarif_path).expect("sarif file"));
    assert!(sarif_errors(&sarif).is_empty());
}

#[test]
fn every_output_file_is_its_format_on_stdout() {
    // Several documents with findings, so ids run across documents and the GitHub and Markdown
    // orders mix them; every report of one streamed run is the report of its own run.
    let inputs = [SEED, "fixtures/voa-belarus-turnout-2012-09.txt", CLEAN];
    let tmp = TempDir::new("every-format");
    let mut cmd = crosscheck();
    cmd.args(["check", "--color", "never", "--no-config"])
        .args(inputs);
    for format in ALL {
        cmd.arg("--output-file").arg(format!(
            "{}={}",
            format.name(),
            tmp.0.join(format.name()).display()
        ));
    }
    let out = cmd.output().expect("the binary runs");
    assert_eq!(out.status.code(), Some(1), "findings fail the run");
    for format in ALL {
        let alone = crosscheck()
            .args([
                "check",
                "--color",
                "never",
                "--no-config",
                "--format",
                format.name(),
            ])
            .args(inputs)
            .output()
            .expect("the binary runs");
        let file = std::fs::read(tmp.0.join(format.name())).expect("report file");
        assert_eq!(
            String::from_utf8_lossy(&file),
            String::from_utf8_lossy(&alone.stdout),
            "--output-file {}",
            format.name()
        );
        if format == Format::Human {
            assert_eq!(out.stdout, alone.stdout, "stdout keeps --format human");
        }
    }
}

#[test]
fn bad_output_file_arguments_are_usage_errors() {
    for arg in ["xml=out.xml", "sarif", "json="] {
        let out = crosscheck()
            .args(["check", SEED, "--output-file", arg])
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(2), "{arg}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("FORMAT=PATH") || stderr.contains("format"),
            "{stderr}"
        );
    }
    // Never over an input.
    let out = crosscheck()
        .args(["check", SEED, "--output-file"])
        .arg(format!("json={SEED}"))
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("input document"));
}

#[test]
fn fail_on_works_with_every_format() {
    // The seed article's findings are all warnings. Each format is paired with one `--fail-on`
    // level (the policy itself is unit-tested in `cli::output`), keeping the number of runs low.
    let cases = [
        (Format::Human, "info", 1),
        (Format::Json, "warning", 1),
        (Format::Jsonl, "error", 0),
        (Format::Sarif, "never", 0),
        (Format::Github, "warning", 1),
        (Format::Markdown, "error", 0),
    ];
    for (format, fail_on, code) in cases {
        let out = crosscheck()
            .args([
                "check",
                SEED,
                "--format",
                format.name(),
                "--fail-on",
                fail_on,
            ])
            .output()
            .expect("the binary runs");
        assert_eq!(
            out.status.code(),
            Some(code),
            "--format {} --fail-on {fail_on}",
            format.name()
        );
        assert!(
            !out.stdout.is_empty(),
            "--format {} writes a report",
            format.name()
        );
    }
    let clean = crosscheck()
        .args(["check", CLEAN, "--format", "sarif"])
        .output()
        .expect("the binary runs");
    assert_eq!(clean.status.code(), Some(0), "no finding, exit 0");
}
