//! What `crosscheck test DIR` runs: the folder's rule files and article fixtures, the inline
//! examples of every loaded rule (with known gaps set apart), and each fixture's current snapshot.
//!
//! A folder is walked recursively, honouring `.gitignore` and `.ignore` files and skipping hidden
//! entries and folders named `bad-rules` (deliberately broken rule files). In it:
//!
//! * rule files are `*.yml` and `*.yaml`, except `*.gold.yaml` (gold annotations), `*.snap.yaml`
//!   (snapshots) and `crosscheck.yaml` / `.crosscheck.yaml` (the configuration);
//! * fixtures are `*.txt` and `*.md` files, except `README*`; each has its snapshot beside it,
//!   named after its stem: `article.txt` → `article.snap.yaml` (pending: `article.snap.yaml.new`);
//! * a `crosscheck.yaml` at the top of the folder, if present, is honoured for `builtin`,
//!   `enable`, `disable`, `severity` and `fuzzy` (its `rules` entries are not needed: every rule
//!   file in the folder is loaded).

use super::snapshot::{self, PENDING_SUFFIX, SNAPSHOT_SUFFIX};
use crate::config::{self, CONFIG_NAMES, ConfigError, Flags, Settings};
use crate::error::RuleErrors;
use crate::rules::{RuleSet, RuleText};
use crate::ruletest::{self, ExampleFailure};
use crate::text::{DocKind, Document, TextError};
use crate::{CompareOptions, analyze, suppress};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Folders never searched for rules or fixtures.
pub const SKIPPED_FOLDERS: &[&str] = &["bad-rules"];

/// Why a test folder cannot be run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SuiteError {
    /// A file or folder could not be read or written.
    #[error("{path}: {message}")]
    Io {
        /// The path.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The folder's rules (with the built-ins, if loaded) are invalid.
    #[error("invalid rules:\n{0}")]
    Rules(RuleErrors),
    /// The folder's configuration file is invalid.
    #[error("invalid configuration:\n{0}")]
    Config(ConfigError),
    /// A fixture is not UTF-8 text.
    #[error(transparent)]
    Text(#[from] TextError),
    /// Two fixtures would share one snapshot file.
    #[error("{a} and {b} would share the snapshot {snapshot}; rename one of them")]
    Collision {
        /// First fixture.
        a: String,
        /// Second fixture.
        b: String,
        /// The snapshot path.
        snapshot: String,
    },
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> SuiteError {
    SuiteError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// An article fixture and where its snapshots live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixture {
    /// Path on disk (the folder joined with `name`).
    pub path: PathBuf,
    /// Path relative to the test folder, `/`-separated: the document's name in its snapshot.
    pub name: String,
    /// The accepted snapshot, `<stem>.snap.yaml` beside the fixture.
    pub snapshot: PathBuf,
    /// The pending snapshot, `<stem>.snap.yaml.new`.
    pub pending: PathBuf,
}

/// A test folder: its rule files, configuration and fixtures.
#[derive(Debug, Clone)]
pub struct Suite {
    /// The folder as given.
    pub dir: PathBuf,
    /// Rule files, sorted.
    pub rule_files: Vec<PathBuf>,
    /// `crosscheck.yaml` (or `.crosscheck.yaml`) at the top of the folder, if any.
    pub config: Option<PathBuf>,
    /// Fixtures, sorted by name.
    pub fixtures: Vec<Fixture>,
}

/// `dir` joined with `rel`, without a leading `./` when `dir` is `.`.
#[must_use]
pub fn shown(dir: &Path, rel: &Path) -> PathBuf {
    if dir.as_os_str().is_empty() || dir == Path::new(".") {
        rel.to_path_buf()
    } else {
        dir.join(rel)
    }
}

/// Finds the rule files, configuration and fixtures of a test folder.
///
/// # Errors
///
/// The folder is missing or unreadable, or two fixtures would share a snapshot file.
pub fn discover(dir: &Path) -> Result<Suite, SuiteError> {
    if !dir.is_dir() {
        return Err(io_error(
            dir,
            "not a folder (crosscheck test takes folders)",
        ));
    }
    let mut walker = ignore::WalkBuilder::new(dir);
    walker
        .require_git(false)
        .follow_links(false)
        .filter_entry(|e| e.depth() == 0 || !SKIPPED_FOLDERS.iter().any(|s| e.file_name() == *s));
    let mut files = Vec::new();
    for entry in walker.build() {
        let entry = entry.map_err(|e| io_error(dir, e))?;
        if entry.file_type().is_some_and(|t| t.is_file()) {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            files.push(rel.to_path_buf());
        }
    }
    files.sort();
    let mut rule_files = Vec::new();
    let mut fixtures = Vec::new();
    let mut config = None;
    for rel in files {
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lower = name.to_lowercase();
        let top = rel.parent().is_none_or(|p| p.as_os_str().is_empty());
        if CONFIG_NAMES.contains(&name.as_str()) {
            if top {
                config = Some(shown(dir, &rel));
            }
            continue;
        }
        let yaml = lower.ends_with(".yml") || lower.ends_with(".yaml");
        if yaml && !lower.ends_with(".gold.yaml") && !lower.ends_with(SNAPSHOT_SUFFIX) {
            rule_files.push(shown(dir, &rel));
        } else if (lower.ends_with(".txt") || lower.ends_with(".md"))
            && !lower.starts_with("readme")
        {
            fixtures.push(fixture(dir, &rel));
        }
    }
    let mut by_snapshot: BTreeMap<&Path, &Fixture> = BTreeMap::new();
    for f in &fixtures {
        if let Some(other) = by_snapshot.insert(&f.snapshot, f) {
            return Err(SuiteError::Collision {
                a: other.path.display().to_string(),
                b: f.path.display().to_string(),
                snapshot: f.snapshot.display().to_string(),
            });
        }
    }
    Ok(Suite {
        dir: dir.to_path_buf(),
        rule_files,
        config,
        fixtures,
    })
}

/// The fixture at `rel` (relative to `dir`), with its snapshot paths.
#[must_use]
pub fn fixture(dir: &Path, rel: &Path) -> Fixture {
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let path = shown(dir, rel);
    let parent = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Fixture {
        name: rel.to_string_lossy().replace('\\', "/"),
        snapshot: parent.join(format!("{stem}{SNAPSHOT_SUFFIX}")),
        pending: parent.join(format!("{stem}{PENDING_SUFFIX}")),
        path,
    }
}

/// A test folder's compiled rules and effective settings.
#[derive(Debug)]
pub struct Loaded {
    /// The rules: the built-ins (unless switched off) followed by the folder's files.
    pub rules: RuleSet,
    /// Settings from the folder's configuration file, if any.
    pub settings: Settings,
}

impl Suite {
    /// Reads the rule files as rule texts, named by their path as shown.
    ///
    /// # Errors
    ///
    /// A rule file cannot be read.
    pub fn rule_texts(&self) -> Result<Vec<RuleText>, SuiteError> {
        self.rule_files
            .iter()
            .map(|p| {
                std::fs::read_to_string(p)
                    .map(|text| RuleText {
                        path: p.display().to_string(),
                        text,
                    })
                    .map_err(|e| io_error(p, e))
            })
            .collect()
    }

    /// Loads the configuration and compiles the rules. `no_builtin` switches the built-in rules
    /// off whatever the configuration says.
    ///
    /// # Errors
    ///
    /// Unreadable files, an invalid configuration or invalid rules (every error listed).
    pub fn load(&self, no_builtin: bool) -> Result<Loaded, SuiteError> {
        let file = match &self.config {
            None => None,
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|e| io_error(p, e))?;
                Some(config::parse(p, &text).map_err(SuiteError::Config)?)
            }
        };
        let flags = Flags {
            no_builtin,
            ..Flags::default()
        };
        let settings = Settings::resolve(file, &flags, &self.dir);
        let texts = self.rule_texts()?;
        let mut rules = if settings.builtin.value {
            RuleSet::with_builtin(&texts)
        } else {
            RuleSet::compile(&texts)
        }
        .map_err(SuiteError::Rules)?;
        settings.validate(&rules).map_err(SuiteError::Config)?;
        settings.apply_to_rules(&mut rules);
        Ok(Loaded { rules, settings })
    }
}

impl Loaded {
    /// The current snapshot of a fixture: its claims and the findings left after the
    /// configuration's rule filters and the fixture's own suppression comments.
    ///
    /// # Errors
    ///
    /// The fixture cannot be read or is not UTF-8 text.
    pub fn snapshot(&self, fixture: &Fixture) -> Result<String, SuiteError> {
        let bytes = std::fs::read(&fixture.path).map_err(|e| io_error(&fixture.path, e))?;
        let kind = DocKind::from_path(&fixture.name);
        let doc = Document::from_bytes(fixture.name.clone(), bytes, kind)?;
        let docs = std::slice::from_ref(&doc);
        let mut analysis = analyze(&self.rules, docs, CompareOptions::default());
        self.settings.apply_to_findings(&mut analysis.findings);
        let known: Vec<&str> = self
            .rules
            .contradictions
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        let findings = std::mem::take(&mut analysis.findings);
        analysis.findings = suppress::apply(docs, &analysis.claims, findings, &known).kept;
        Ok(snapshot::render(&doc, &analysis))
    }
}

/// A known gap that no longer fails.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FixedGap {
    /// Claim rule id.
    pub rule: String,
    /// Its file.
    pub file: String,
    /// The example text.
    pub text: String,
}

/// The outcome of a rule set's inline examples.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ExampleReport {
    /// Examples and counterexamples run.
    pub run: usize,
    /// Failures that fail the run.
    pub failures: Vec<ExampleFailure>,
    /// Failures of examples marked `known_gap: true`: reported, not failing.
    pub known_gaps: Vec<ExampleFailure>,
    /// Examples marked `known_gap: true` that pass now: the mark can go.
    pub fixed_gaps: Vec<FixedGap>,
}

/// Runs the inline examples of `rules` ([`ruletest::run`]) and sets known gaps apart.
///
/// With `files`, only the examples of rules defined in those rule files (named as in
/// [`crate::rules::ClaimRule::file`]) are reported: `crosscheck test DIR` answers for the
/// folder's rules, while the built-in rules, loaded beside them, are tested by the project.
/// Every example still runs against the whole rule set.
#[must_use]
pub fn run_examples(rules: &RuleSet, files: Option<&[String]>) -> ExampleReport {
    let wanted = |file: &str| files.is_none_or(|fs| fs.iter().any(|f| f == file));
    let run = rules
        .claims
        .iter()
        .filter(|r| wanted(&r.file))
        .map(|r| r.examples.len() + r.counterexamples.len())
        .chain(
            rules
                .contradictions
                .iter()
                .filter(|r| wanted(&r.file))
                .map(|r| r.examples.len() + r.counterexamples.len()),
        )
        .sum();
    let gaps: BTreeMap<(&str, &str), &str> = rules
        .claims
        .iter()
        .filter(|r| wanted(&r.file))
        .flat_map(|r| {
            r.examples
                .iter()
                .filter(|e| e.known_gap)
                .map(move |e| ((r.id.as_str(), e.text.as_str()), r.file.as_str()))
        })
        .collect();
    let mut report = ExampleReport {
        run,
        ..ExampleReport::default()
    };
    let mut failing_gaps = BTreeSet::new();
    for f in ruletest::run(rules).into_iter().filter(|f| wanted(&f.file)) {
        let key = (f.rule.as_str(), f.text.as_str());
        if gaps.contains_key(&key) && !f.expected.contains("(counterexample)") {
            failing_gaps.insert((f.rule.clone(), f.text.clone()));
            report.known_gaps.push(f);
        } else {
            report.failures.push(f);
        }
    }
    for ((rule, text), file) in gaps {
        if !failing_gaps.contains(&(rule.to_owned(), text.to_owned())) {
            report.fixed_gaps.push(FixedGap {
                rule: rule.to_owned(),
                file: file.to_owned(),
                text: text.to_owned(),
            });
        }
    }
    report
}
