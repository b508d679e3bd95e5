//! Every fixture article run through the built-in rules: a snapshot of its claims and findings,
//! and a hard check that the `clean-*` articles (no real disagreement) yield no finding.

use crosscheck::compare::describe_value;
use crosscheck::model::{Claim, Stance};
use crosscheck::rules::RuleSet;
use crosscheck::text::{DocKind, Document};
use crosscheck::{Analysis, CompareOptions, analyze};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::builtin().unwrap_or_else(|e| panic!("built-in rules:\n{e}")));

/// Loads a fixture under its repo-relative path (`fixtures/x.txt`), so output is stable.
fn load(path: &Path) -> Document {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rel = path.strip_prefix(root).unwrap_or(path);
    let shown = rel.to_string_lossy().replace('\\', "/");
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{shown}: {e}"));
    let kind = DocKind::from_path(&shown);
    Document::from_bytes(shown.clone(), bytes, kind).unwrap_or_else(|e| panic!("{e}"))
}

/// Text on one line, quoted.
fn quoted(s: &str) -> String {
    format!("{:?}", s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// An enum's wire name (`quote_carry`, `negative`).
fn snake<T: serde::Serialize>(t: T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn claim_line(out: &mut String, doc: &Document, i: usize, c: &Claim) {
    let (line, col) = doc.line_col(c.span.start);
    let mut fields = vec![
        format!("subject={}", quoted(&c.subject)),
        format!("aspect={}", c.aspect),
        format!("kind={}", snake(c.kind)),
    ];
    let value = describe_value(c);
    if !value.is_empty() {
        fields.push(format!("value={}", quoted(&value)));
    }
    if let Some(p) = c.polarity {
        fields.push(format!("polarity={}", snake(p)));
    }
    if let Some(d) = c.direction {
        fields.push(format!("direction={}", snake(d)));
    }
    if let Some(a) = &c.agent {
        fields.push(format!("agent={}", quoted(a)));
    }
    if c.hedged {
        fields.push("hedged".to_owned());
    }
    if let Some(q) = &c.qualifier {
        fields.push(format!("qualifier={}", quoted(q)));
    }
    if c.event > 0 {
        fields.push(format!("event={}", c.event));
    }
    let s = &c.source;
    let mut source = format!("source={} via={}", quoted(&s.name), snake(s.via));
    if let Some(full) = &s.resolved {
        let _ = write!(source, " resolved={}", quoted(full));
    }
    if let Some(cue) = &s.cue {
        let _ = write!(source, " cue={}", quoted(cue));
    }
    if s.stance != Stance::Assert {
        let _ = write!(source, " stance={}", snake(s.stance));
    }
    fields.push(source);
    fields.push(format!("rule={}", c.rule));
    let _ = writeln!(out, "c{} {line}:{col} {}", i + 1, fields.join(" "));
    let _ = writeln!(out, "    text: {}", quoted(doc.slice(c.span)));
}

/// A readable, stable rendering of an analysis of one document.
fn render(doc: &Document, a: &Analysis) -> String {
    let mut out = String::new();
    let sentences = a.documents.first().map_or(0, |d| d.sentences);
    let _ = writeln!(
        out,
        "{}: {sentences} sentences, {} claims, {} findings",
        doc.path,
        a.claims.len(),
        a.findings.len()
    );
    let _ = writeln!(out, "\nclaims:");
    for (i, c) in a.claims.iter().enumerate() {
        claim_line(&mut out, doc, i, c);
    }
    let _ = writeln!(out, "\nfindings:");
    for (i, f) in a.findings.iter().enumerate() {
        let [x, y] = f.claims;
        let _ = writeln!(
            out,
            "f{} rule={} kind={} severity={} claims=c{}×c{} subject={}",
            i + 1,
            f.rule,
            f.kind.as_str(),
            f.severity.as_str(),
            x + 1,
            y + 1,
            quoted(&f.subject)
        );
        let _ = writeln!(out, "    a: {}", quoted(doc.slice(a.claims[x].span)));
        let _ = writeln!(out, "    b: {}", quoted(doc.slice(a.claims[y].span)));
        let _ = writeln!(out, "    message: {}", f.message);
    }
    out
}

#[test]
fn fixture_claims_and_findings() {
    insta::glob!("../fixtures", "*.{txt,md}", |path| {
        // The folder's README documents the fixtures; it is not an article.
        if path.file_name().is_some_and(|n| n == "README.md") {
            return;
        }
        let doc = load(path);
        let analysis = analyze(
            &RULES,
            std::slice::from_ref(&doc),
            CompareOptions::default(),
        );
        insta::assert_snapshot!(render(&doc, &analysis));
    });
}

#[test]
fn clean_tune_fixtures_have_no_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/ is readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            // Held-out clean articles are measured by `tests/accuracy.rs`, not required to be
            // clean here: the rules are never fitted to them.
            name.starts_with("clean-") && name.ends_with(".txt") && {
                let gold = p.with_extension("gold.yaml");
                std::fs::read_to_string(&gold)
                    .unwrap_or_else(|e| panic!("{}: {e}", gold.display()))
                    .lines()
                    .any(|l| l.trim() == "split: tune")
            }
        })
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 2,
        "expected clean-*.txt fixtures in {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for path in &paths {
        let doc = load(path);
        let analysis = analyze(
            &RULES,
            std::slice::from_ref(&doc),
            CompareOptions::default(),
        );
        for f in &analysis.findings {
            let [x, y] = f.claims.map(|i| &analysis.claims[i]);
            failures.push(format!(
                "{}: {} ({}): {} × {}",
                doc.path,
                f.rule,
                f.message,
                quoted(doc.slice(x.span)),
                quoted(doc.slice(y.span))
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "clean fixtures (no real disagreement between sources) must yield no finding, \
         but {} false positive(s) were reported:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}
