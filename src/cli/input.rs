//! Reading inputs: rule files, and documents from files, folders (walked in parallel, honouring
//! `.gitignore`) and stdin — found first ([`collect_sources`]), read one by one
//! ([`Source::load`]) — and the cross-document analysis. The run itself is in `pipeline`.

use crate::config::Settings;
use crate::rules::{RuleSet, RuleText};
use crate::text::{DocKind, Document, TextError};
use crate::{Analysis, CompareOptions, analyze, compare};
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
/// whatever the thread count. This holds every document at once; `check` streams them instead
/// ([`collect_sources`], [`Source::load`]).
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions<'_>) -> Inputs {
    let Sources { sources, errors } = collect_sources(paths, opts);
    let mut inputs = Inputs {
        errors,
        ..Inputs::default()
    };
    let loaded: Vec<Loaded> = sources
        .into_par_iter()
        .map(|s| s.load(opts.skip_invalid))
        .collect();
    for l in loaded {
        match l {
            Loaded::Doc(d) => inputs.docs.push(d),
            Loaded::Skipped(n) => inputs.notices.push(n),
            Loaded::Failed(e) => inputs.errors.push(e),
        }
    }
    inputs
}

/// An input to read: a file named or found by walking a folder, or stdin (read at once).
#[derive(Debug)]
pub struct Source {
    /// The path reported for it.
    pub path: String,
    /// Its file type.
    pub kind: DocKind,
    /// Its size in bytes when it was found (for batching; 0 if unknown).
    pub size: u64,
    origin: Origin,
}

#[derive(Debug)]
enum Origin {
    /// A file to read.
    File(PathBuf),
    /// Bytes already read (stdin).
    Read(Vec<u8>),
}

/// What reading a [`Source`] gave.
#[derive(Debug)]
pub enum Loaded {
    /// A document.
    Doc(Document),
    /// A binary or non-UTF-8 input skipped on purpose (`--skip-invalid`): a notice.
    Skipped(String),
    /// An unreadable, binary or non-UTF-8 input: an error (exit code 2).
    Failed(String),
}

impl Source {
    /// Reads and decodes the input. `skip_invalid` turns binary and non-UTF-8 inputs into
    /// notices instead of errors.
    pub fn load(self, skip_invalid: bool) -> Loaded {
        let bytes = match self.origin {
            Origin::Read(bytes) => bytes,
            Origin::File(f) => match std::fs::read(&f) {
                Ok(bytes) => bytes,
                Err(e) => return Loaded::Failed(format!("{}: cannot read: {e}", self.path)),
            },
        };
        match Document::from_bytes(self.path, bytes, self.kind) {
            Ok(doc) => Loaded::Doc(doc),
            Err(e @ (TextError::Binary { .. } | TextError::InvalidUtf8 { .. })) if skip_invalid => {
                Loaded::Skipped(format!("skipped {e}"))
            }
            Err(e) => Loaded::Failed(e.to_string()),
        }
    }

    /// Whether this input is the file at `path` (the same file when both exist, else the same
    /// path).
    pub fn is(&self, path: &Path, canonical: Option<&Path>) -> bool {
        match (&self.origin, canonical) {
            (Origin::File(f), Some(target)) => match f.canonicalize() {
                Ok(c) => c == target,
                Err(_) => f == path,
            },
            (Origin::File(f), None) => f == path,
            (Origin::Read(_), _) => Path::new(&self.path) == path,
        }
    }
}

/// The inputs of a run, before any is read.
#[derive(Debug, Default)]
pub struct Sources {
    /// Inputs sorted by path, each path once.
    pub sources: Vec<Source>,
    /// Missing inputs and folder walk errors: each makes the exit code 2.
    pub errors: Vec<String>,
}

/// Finds the inputs: files, folders (walked in parallel, honouring `.gitignore`, `.ignore` and
/// hidden files, keeping files whose extension has a file type) and `-` for stdin, which is
/// read now. Explicitly named files are kept whatever their extension. The order is by path,
/// whatever the thread count.
pub fn collect_sources(paths: &[PathBuf], opts: &ReadOptions<'_>) -> Sources {
    let mut out = Sources::default();
    let mut files: Vec<(PathBuf, DocKind, u64)> = Vec::new();
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
                Ok(_) => out.sources.push(Source {
                    path: name.to_owned(),
                    kind: kind_of(Path::new(name)),
                    size: bytes.len() as u64,
                    origin: Origin::Read(bytes),
                }),
                Err(e) => out.errors.push(format!("{name}: cannot read stdin: {e}")),
            }
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => out
                .errors
                .push(format!("{}: cannot read: {e}", p.display())),
            Ok(m) if m.is_dir() => {
                for found in walk(p, opts) {
                    match found {
                        Ok((f, size)) => {
                            let kind = kind_of(&f);
                            files.push((f, kind, size));
                        }
                        Err(e) => out.errors.push(e),
                    }
                }
            }
            Ok(m) => files.push((p.clone(), kind_of(p), m.len())),
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    out.sources
        .extend(files.into_iter().map(|(f, kind, size)| Source {
            path: f.display().to_string(),
            kind,
            size,
            origin: Origin::File(f),
        }));
    // Stable: stdin comes before a file reported under the same name, which is then dropped.
    out.sources.sort_by(|a, b| a.path.cmp(&b.path));
    out.sources.dedup_by(|a, b| a.path == b.path);
    out
}

/// Walks a folder in parallel; returns the files to read with their sizes (and walk errors),
/// sorted.
fn walk(dir: &Path, opts: &ReadOptions<'_>) -> Vec<Result<(PathBuf, u64), String>> {
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
                    wanted.then(|| Ok((p.to_path_buf(), e.metadata().map_or(0, |m| m.len()))))
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
