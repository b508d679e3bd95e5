//! Reading inputs and running the pipeline around [`crate::analyze`]: rule files, documents from
//! files, folders (walked in parallel, honouring `.gitignore`) and stdin, then the configuration's
//! rule filters, inline suppressions and the baseline. Rendering is left to `check`.

use super::RuleArgs;
use super::baseline_cmd;
use super::config_cmd::{self, ConfigArgs};
use crate::config::Settings;
use crate::rules::{RuleSet, RuleText};
use crate::text::{DocKind, Document, TextError};
use crate::{Analysis, CompareOptions, analyze, compare, suppress};
use anyhow::{Context, Result, bail};
use clap::Args;
use ignore::{WalkBuilder, WalkState};
use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Options about how inputs are read.
#[derive(Debug, Clone, Default, Args)]
pub(crate) struct InputArgs {
    /// Name to report for stdin (`-`); its extension picks the file type.
    #[arg(long, value_name = "NAME")]
    pub(crate) stdin_filename: Option<String>,
    /// Skip binary and non-UTF-8 files with a notice on stderr instead of failing (exit 2).
    #[arg(long)]
    pub(crate) skip_invalid: bool,
}

/// Loads the rule set: built-ins (unless disabled) plus user files and folders.
pub fn load_rules(paths: &[PathBuf], builtin: bool) -> Result<RuleSet> {
    let mut texts = Vec::new();
    for p in paths {
        for file in rule_files(p)? {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading rules from {}", file.display()))?;
            texts.push(RuleText {
                path: file.display().to_string(),
                text,
            });
        }
    }
    let set = if builtin {
        RuleSet::with_builtin(&texts)
    } else {
        RuleSet::compile(&texts)
    };
    set.map_err(|e| anyhow::anyhow!("invalid rules:\n{e}"))
}

fn rule_files(p: &Path) -> Result<Vec<PathBuf>> {
    if p.is_dir() {
        let mut out = Vec::new();
        for entry in
            std::fs::read_dir(p).with_context(|| format!("reading rule folder {}", p.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                out.extend(rule_files(&path)?);
            } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml")
                && !path.to_string_lossy().ends_with(".gold.yaml")
            {
                out.push(path);
            }
        }
        out.sort();
        Ok(out)
    } else if p.exists() {
        Ok(vec![p.to_path_buf()])
    } else {
        bail!("{}: no such rule file or folder", p.display())
    }
}

/// Documents read, and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Documents, sorted by path, each path once.
    pub docs: Vec<Document>,
    /// Unreadable, missing, binary or non-UTF-8 inputs: each makes the exit code 2.
    pub errors: Vec<String>,
    /// Inputs skipped on purpose (`--skip-invalid`).
    pub notices: Vec<String>,
}

/// How [`read_inputs`] reads.
#[derive(Debug, Clone)]
pub struct ReadOptions<'a> {
    /// File types, include/exclude globs and their root.
    pub settings: &'a Settings,
    /// The working directory, to match globs against absolute paths.
    pub cwd: PathBuf,
    /// Name reported for stdin.
    pub stdin_filename: Option<String>,
    /// Turn binary and non-UTF-8 files into notices instead of errors.
    pub skip_invalid: bool,
}

/// Reads documents with the default file types and no configuration, failing on the first
/// unreadable, binary or non-UTF-8 input.
pub fn read_documents(paths: &[PathBuf]) -> Result<Vec<Document>> {
    let cwd = std::env::current_dir().context("finding the working directory")?;
    let settings = Settings::resolve(None, &crate::config::Flags::default(), &cwd);
    let inputs = read_inputs(
        paths,
        &ReadOptions {
            settings: &settings,
            cwd,
            stdin_filename: None,
            skip_invalid: false,
        },
    );
    if let Some(e) = inputs.errors.first() {
        bail!("{e}");
    }
    Ok(inputs.docs)
}

/// Reads documents from files, folders (walked in parallel, honouring `.gitignore`, `.ignore`
/// and hidden files, keeping files whose extension has a file type) and `-` for stdin.
/// Explicitly named files are read whatever their extension. Output order is by path,
/// whatever the thread count.
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions<'_>) -> Inputs {
    let mut inputs = Inputs::default();
    let mut files: Vec<(PathBuf, DocKind)> = Vec::new();
    let kind_of = |p: &Path| {
        opts.settings
            .file_type(p)
            .unwrap_or_else(|| DocKind::from_path(&p.to_string_lossy()))
    };
    for p in paths {
        if p.as_os_str() == "-" {
            let name = opts.stdin_filename.as_deref().unwrap_or("<stdin>");
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => {
                    let kind = kind_of(Path::new(name));
                    decode(name.to_owned(), bytes, kind, opts.skip_invalid, &mut inputs);
                }
                Err(e) => inputs
                    .errors
                    .push(format!("{name}: cannot read stdin: {e}")),
            }
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => inputs
                .errors
                .push(format!("{}: cannot read: {e}", p.display())),
            Ok(m) if m.is_dir() => {
                for found in walk(p, opts) {
                    match found {
                        Ok(f) => {
                            let kind = kind_of(&f);
                            files.push((f, kind));
                        }
                        Err(e) => inputs.errors.push(e),
                    }
                }
            }
            Ok(_) => files.push((p.clone(), kind_of(p))),
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    let read: Vec<(String, std::io::Result<Vec<u8>>, DocKind)> = files
        .par_iter()
        .map(|(f, kind)| (f.display().to_string(), std::fs::read(f), *kind))
        .collect();
    for (path, bytes, kind) in read {
        match bytes {
            Ok(bytes) => decode(path, bytes, kind, opts.skip_invalid, &mut inputs),
            Err(e) => inputs.errors.push(format!("{path}: cannot read: {e}")),
        }
    }
    inputs.docs.sort_by(|a, b| a.path.cmp(&b.path));
    inputs.docs.dedup_by(|a, b| a.path == b.path);
    inputs
}

fn decode(path: String, bytes: Vec<u8>, kind: DocKind, skip: bool, inputs: &mut Inputs) {
    match Document::from_bytes(path, bytes, kind) {
        Ok(doc) => inputs.docs.push(doc),
        Err(e @ (TextError::Binary { .. } | TextError::InvalidUtf8 { .. })) if skip => {
            inputs.notices.push(format!("skipped {e}"));
        }
        Err(e) => inputs.errors.push(e.to_string()),
    }
}

/// Walks a folder in parallel; returns the files to read (and walk errors), sorted.
fn walk(dir: &Path, opts: &ReadOptions<'_>) -> Vec<Result<PathBuf, String>> {
    let filter = opts.settings.filter();
    let abs = |p: &Path| opts.cwd.join(p);
    let mut builder = WalkBuilder::new(dir);
    // Honour .gitignore outside git repositories too: a docs folder is often not one.
    builder.require_git(false).follow_links(false);
    let prune = filter.clone();
    let cwd = opts.cwd.clone();
    builder.filter_entry(move |e| e.depth() == 0 || !prune.excluded(&cwd.join(e.path())));
    let found = Mutex::new(Vec::new());
    builder.build_parallel().run(|| {
        let (found, filter, abs) = (&found, &filter, &abs);
        Box::new(move |entry| {
            let item = match entry {
                Ok(e) => {
                    let p = e.path();
                    let wanted = e.file_type().is_some_and(|t| t.is_file())
                        && opts.settings.file_type(p).is_some()
                        && filter.included(&abs(p));
                    wanted.then(|| Ok(p.to_path_buf()))
                }
                Err(err) => Some(Err(err.to_string())),
            };
            if let Some(item) = item {
                found
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push(item);
            }
            WalkState::Continue
        })
    });
    let mut found = found
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    found.sort();
    found
}

/// The source of a document's own voice when documents are compared with each other: an
/// `Outlet:` or `Source:` line in its leading header (or YAML front matter) — a URL gives its
/// host — else its path.
pub fn document_voice(doc: &Document) -> String {
    let mut lines = doc.text.lines().map(str::trim);
    let front = doc.text.starts_with("---");
    if front {
        lines.next();
    }
    let (mut outlet, mut source) = (None, None);
    for t in lines {
        if (front && (t == "---" || t == "...")) || (!front && t.is_empty()) {
            break;
        }
        let Some((key, value)) = t.split_once(':') else {
            if front {
                continue;
            }
            break;
        };
        let value = value.trim().trim_matches(['"', '\'']);
        if value.is_empty() {
            continue;
        }
        match key.trim().to_lowercase().as_str() {
            "outlet" => outlet = outlet.or(Some(value)),
            "source" => source = source.or(Some(value)),
            _ => {}
        }
    }
    match outlet.or(source) {
        Some(v) => {
            let host = v
                .strip_prefix("https://")
                .or_else(|| v.strip_prefix("http://"))
                .and_then(|rest| rest.split(['/', '?', '#']).next());
            match host {
                Some(h) => h.strip_prefix("www.").unwrap_or(h).to_owned(),
                None => v.to_owned(),
            }
        }
        None => doc.path.clone(),
    }
}

/// [`analyze`], where with `across_documents` each document's own voice becomes a distinct
/// source ([`document_voice`]), so the outlets of several reports can disagree.
pub fn analyze_documents(rules: &RuleSet, docs: &[Document], opts: CompareOptions) -> Analysis {
    if !opts.across_documents {
        return analyze(rules, docs, opts);
    }
    let mut within = opts;
    within.across_documents = false;
    let mut analysis = analyze(rules, docs, within);
    let voices: Vec<String> = docs.iter().map(document_voice).collect();
    for c in &mut analysis.claims {
        if c.source.via == crate::model::Via::Document
            && let Some(v) = voices.get(c.doc)
        {
            c.source.name.clone_from(v);
        }
    }
    analysis.findings = compare::pair(rules, &analysis.claims, opts);
    analysis
}

/// Everything `check`, `claims` and `baseline write` need to report.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// The rule set used.
    pub(crate) rules: RuleSet,
    /// The documents read.
    pub(crate) docs: Vec<Document>,
    /// Claims and the findings left after configuration, suppressions and baseline.
    pub(crate) analysis: Analysis,
    /// An input error was reported: the exit code is 2 whatever the findings.
    pub(crate) failed: bool,
}

/// What [`prepare`] reads from the command line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Request<'a> {
    /// Files, folders or `-`.
    pub(crate) paths: &'a [PathBuf],
    /// `--rules`, `--no-builtin`.
    pub(crate) rules: &'a RuleArgs,
    /// `--config`, `--no-config`, `--across-documents`.
    pub(crate) config: &'a ConfigArgs,
    /// `--stdin-filename`, `--skip-invalid`.
    pub(crate) input: &'a InputArgs,
    /// Apply suppressions and warn about unused ones (false for `claims`).
    pub(crate) findings: bool,
    /// `--baseline FILE`: drop the findings it records.
    pub(crate) baseline: Option<&'a Path>,
}

/// Loads configuration and rules, reads inputs, analyses them and filters the findings,
/// printing input problems and suppression warnings to stderr.
pub(crate) fn prepare(req: Request<'_>) -> Result<Prepared> {
    let cwd = std::env::current_dir().context("finding the working directory")?;
    let settings = config_cmd::settings(req.config, req.rules, &cwd)?;
    let rules = rules_for(&settings)?;
    let inputs = read_inputs(
        req.paths,
        &ReadOptions {
            settings: &settings,
            cwd,
            stdin_filename: req.input.stdin_filename.clone(),
            skip_invalid: req.input.skip_invalid,
        },
    );
    for n in &inputs.notices {
        say("notice", n);
    }
    for e in &inputs.errors {
        say("error", e);
    }
    let docs = inputs.docs;
    let opts = CompareOptions {
        across_documents: settings.across_documents.value,
    };
    let mut analysis = analyze_documents(&rules, &docs, opts);
    settings.apply_to_findings(&mut analysis.findings);
    if req.findings {
        let known: Vec<&str> = rules.contradictions.iter().map(|r| r.id.as_str()).collect();
        let findings = std::mem::take(&mut analysis.findings);
        let outcome = suppress::apply(&docs, &analysis.claims, findings, &known);
        for w in &outcome.warnings {
            say("warning", &format!("{}:{}: {}", w.path, w.line, w.message));
        }
        analysis.findings = outcome.kept;
        if let Some(path) = req.baseline {
            let baseline = baseline_cmd::read(path)?;
            let findings = std::mem::take(&mut analysis.findings);
            analysis.findings = baseline.filter(findings, &analysis.claims, &docs).0;
        }
    }
    Ok(Prepared {
        rules,
        docs,
        analysis,
        failed: !inputs.errors.is_empty(),
    })
}

/// The rule set the settings ask for, validated against them.
pub(crate) fn rules_for(settings: &Settings) -> Result<RuleSet> {
    let paths: Vec<PathBuf> = settings.rules.iter().map(|s| s.value.clone()).collect();
    let mut rules = load_rules(&paths, settings.builtin.value)?;
    settings
        .validate(&rules)
        .map_err(|e| anyhow::anyhow!("invalid configuration:\n{e}"))?;
    settings.apply_to_rules(&mut rules);
    Ok(rules)
}

/// Prints `crosscheck: LEVEL: message` to stderr.
pub(crate) fn say(level: &str, message: &str) {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("crosscheck: {level}: {message}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(path: &str, text: &str) -> String {
        document_voice(&Document::new(path, text.to_owned(), DocKind::Text))
    }

    #[test]
    fn document_voice_prefers_outlet_then_source_host_then_path() {
        assert_eq!(
            voice(
                "a.txt",
                "Source: https://www.voanews.com/a/x.html\nLicence: PD\n\nBody."
            ),
            "voanews.com"
        );
        assert_eq!(voice("a.txt", "Source: Reuters\nOutlet: AP\n\nBody."), "AP");
        assert_eq!(
            voice("a.md", "---\ntitle: x\nsource: BBC\n---\nBody."),
            "BBC"
        );
        assert_eq!(voice("a.txt", "Body.\nSource: BBC\n"), "a.txt");
        assert_eq!(voice("a.txt", ""), "a.txt");
    }
}
