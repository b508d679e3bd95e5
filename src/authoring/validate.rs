//! `crosscheck rules validate`: every problem of a set of rule files in one run, each located by
//! file, line and column, with a "did you mean" where one helps.
//!
//! Loading a rule set ([`RuleSet::compile`]) already collects every cross-field error, but serde
//! stops a file at its first unknown key or bad value. Validation goes further: after a parse
//! error it blanks the offending line (and the lines nested under it) and parses the file again,
//! so that one run lists every bad key of every file, and the rest of the file is still checked
//! across fields (aspects, capture groups, placeholders, regexes, duplicates, examples). Blanking
//! keeps line numbers, so later errors point into the original text. Items removed that way are
//! remembered, so that a rule naming a removed aspect does not also report it as unknown.
//!
//! On top of the loader's errors, validation warns (without failing) about references that
//! resolve to nothing: reference kinds that are neither known nor any subject's, unusual subject
//! kinds, expected subjects of examples that no subject or `subject` group can give, aspects no
//! claim rule uses, and ids defined in two of the given files (the later file wins).

use crate::error::RuleError;
use crate::model::source_key;
use crate::rules::load::{self, RuleText};
use crate::rules::raw::RawRuleFile;
use crate::rules::{BUILTIN, RuleSet};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Subject kinds the engine's generic references know about.
pub const SUBJECT_KINDS: &[&str] = &["group", "country", "organization", "person", "event"];

/// Most parse errors recovered from in one document before giving up on it.
const MAX_RECOVERIES: usize = 200;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The rules cannot be loaded (exit code 2).
    Error,
    /// Suspicious but loadable.
    Warning,
}

impl Level {
    /// `error` or `warning`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// One problem in a rule file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Rule file path as given (or `<built-in>/name.yml`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Error or warning.
    pub level: Level,
    /// What is wrong.
    pub message: String,
    /// How to fix it, if known.
    pub help: Option<String>,
}

impl Diagnostic {
    fn from_error(e: RuleError) -> Diagnostic {
        Diagnostic {
            file: e.file,
            line: e.line,
            column: e.column,
            level: Level::Error,
            message: e.message,
            help: e.help,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file,
            self.line,
            self.column,
            self.level.as_str(),
            self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// The outcome of validating some rule files.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Validation {
    /// The files checked, as given.
    pub files: Vec<String>,
    /// Every problem, ordered by file (in the order given), line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// Claim rules defined in the files checked.
    pub claim_rules: usize,
    /// Contradiction rules defined in the files checked.
    pub contradiction_rules: usize,
}

impl Validation {
    /// Number of errors.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.count(Level::Error)
    }

    /// Number of warnings.
    #[must_use]
    pub fn warnings(&self) -> usize {
        self.count(Level::Warning)
    }

    fn count(&self, level: Level) -> usize {
        self.diagnostics.iter().filter(|d| d.level == level).count()
    }

    /// The one-line summary printed after the diagnostics.
    #[must_use]
    pub fn summary(&self) -> String {
        let files = plural(self.files.len(), "rule file");
        let rules = format!(
            "{}, {}",
            plural(self.claim_rules, "claim rule"),
            plural(self.contradiction_rules, "contradiction rule")
        );
        match (self.errors(), self.warnings()) {
            (0, 0) => format!("{files} valid ({rules})"),
            (0, w) => format!("{files} valid with {} ({rules})", plural(w, "warning")),
            (e, 0) => format!("{} in {files}", plural(e, "error")),
            (e, w) => format!(
                "{} and {} in {files}",
                plural(e, "error"),
                plural(w, "warning")
            ),
        }
    }
}

/// `1 file`, `2 files`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Validates rule files, with the built-in rules loaded first when `builtin` is true (so that
/// the files may use their macros and aspects). Diagnostics of the built-in files themselves are
/// reported too, should there be any.
#[must_use]
pub fn validate(files: &[RuleText], builtin: bool) -> Validation {
    let mut diagnostics = Vec::new();
    let mut repaired = Vec::with_capacity(files.len());
    let mut removed_ids = BTreeSet::new();
    let mut removed_refs = BTreeSet::new();
    let mut removed_examples = BTreeSet::new();
    for f in files {
        let r = recover(f);
        diagnostics.extend(r.errors.into_iter().map(Diagnostic::from_error));
        removed_ids.extend(r.removed.ids);
        removed_refs.extend(r.removed.aspect_refs);
        removed_examples.extend(r.removed.examples_of);
        repaired.push(RuleText {
            path: f.path.clone(),
            text: r.text,
        });
    }
    let compiled = if builtin {
        RuleSet::with_builtin(&repaired)
    } else {
        RuleSet::compile(&repaired)
    };
    if let Err(errors) = compiled {
        for e in errors.0 {
            let cascade = removed_ids
                .iter()
                .any(|id| e.message.starts_with(&format!("unknown aspect `{id}`")))
                || removed_examples.iter().any(|id| {
                    e.message
                        .ends_with(&format!(" rule `{id}` has no examples"))
                });
            if !cascade {
                diagnostics.push(Diagnostic::from_error(e));
            }
        }
    }
    let checked = Checked::parse(&repaired, builtin);
    diagnostics.extend(checked.warnings(&removed_refs));
    let order: BTreeMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.as_str(), i))
        .collect();
    diagnostics.sort_by_key(|d| {
        (
            order.get(d.file.as_str()).copied().unwrap_or(usize::MAX),
            d.file.clone(),
            d.line,
            d.column,
            d.level,
        )
    });
    diagnostics.dedup();
    Validation {
        files: files.iter().map(|f| f.path.clone()).collect(),
        diagnostics,
        claim_rules: checked.user_claims(),
        contradiction_rules: checked.user_contradictions(),
    }
}

/// A rule file after recovery from its parse errors.
struct Recovered {
    /// The text with offending lines blanked (same number of lines).
    text: String,
    /// The parse errors, located in the original text.
    errors: Vec<RuleError>,
    /// What the removed lines held.
    removed: Removed,
}

/// Ids and aspect references found in lines removed during recovery.
#[derive(Default)]
struct Removed {
    /// Ids of items removed (`- id: x` lines).
    ids: Vec<String>,
    /// Aspects named by removed `aspect:` and `aspects:` lines.
    aspect_refs: Vec<String>,
    /// Rules whose `examples:` line was removed.
    examples_of: Vec<String>,
}

impl Removed {
    fn record(&mut self, lines: &[String]) {
        for l in lines {
            if let Some(id) = id_of(l) {
                self.ids.push(id);
            }
            let t = l.trim_start().trim_start_matches("- ").trim_start();
            for key in ["aspect:", "aspects:"] {
                if let Some(v) = t.strip_prefix(key) {
                    let v = v.split(" #").next().unwrap_or(v);
                    self.aspect_refs.extend(
                        v.split([',', '[', ']'])
                            .map(|a| a.trim().trim_matches(['"', '\'']))
                            .filter(|a| !a.is_empty())
                            .map(str::to_owned),
                    );
                }
            }
        }
    }
}

/// Parses a file; on error, blanks each offending line and parses again, collecting every error.
fn recover(file: &RuleText) -> Recovered {
    let first = match load::parse(file) {
        Ok(_) => {
            return Recovered {
                text: file.text.clone(),
                errors: Vec::new(),
                removed: Removed::default(),
            };
        }
        Err(e) => e,
    };
    let give_up = |e: RuleError| Recovered {
        text: String::new(),
        errors: vec![e],
        removed: Removed::default(),
    };
    if file.text.len() > load::MAX_RULE_FILE_BYTES {
        return give_up(first);
    }
    let mut lines: Vec<String> = file.text.split('\n').map(str::to_owned).collect();
    let mut errors = Vec::new();
    let mut removed = Removed::default();
    for (start, end) in documents(&lines) {
        recover_document(
            &file.path,
            &mut lines[start..end],
            start,
            &mut errors,
            &mut removed,
        );
    }
    let text = lines.join("\n");
    let check = RuleText {
        path: file.path.clone(),
        text,
    };
    if errors.is_empty() || load::parse(&check).is_err() {
        // The recovery did not lead to a loadable file: report what serde said, as loading does.
        return give_up(first);
    }
    Recovered {
        text: check.text,
        errors,
        removed,
    }
}

/// Line ranges `[start, end)` of the `---`-separated documents of a file.
fn documents(lines: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, l) in lines.iter().enumerate() {
        let separator = l
            .strip_prefix("---")
            .is_some_and(|rest| rest.trim().is_empty() || rest.trim_start().starts_with('#'));
        if separator {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, lines.len()));
    out
}

/// Recovers one document: `lines` is the document, `offset` its first line's index in the file.
fn recover_document(
    path: &str,
    lines: &mut [String],
    offset: usize,
    errors: &mut Vec<RuleError>,
    removed: &mut Removed,
) {
    let mut removed_keys: BTreeSet<String> = BTreeSet::new();
    for _ in 0..MAX_RECOVERIES {
        let text = lines.join("\n");
        if let Err(mut e) = load::parse_yaml::<serde::de::IgnoredAny>(path, &text) {
            // Not YAML at all: nothing to recover from.
            e.line += offset;
            errors.push(e);
            blank(lines, 0, lines.len());
            return;
        }
        let Err(mut e) = load::parse_yaml::<Option<RawRuleFile>>(path, &text) else {
            return;
        };
        let Some(at) = e.line.checked_sub(1).filter(|&l| l < lines.len()) else {
            errors.push(relocated(e, offset));
            blank(lines, 0, lines.len());
            return;
        };
        let missing = e
            .message
            .split_once("missing field `")
            .and_then(|(_, m)| m.split('`').next())
            .map(str::to_owned);
        // "missing field `kind`" after we removed a bad `kind:` (or a misspelt `knd:`) line is
        // not news.
        let explained = missing.as_ref().is_some_and(|k| removed_keys.contains(k));
        if let Some(meant) = e
            .help
            .as_deref()
            .and_then(|h| h.strip_prefix("did you mean `"))
            .and_then(|h| h.split('`').next())
        {
            removed_keys.insert(meant.to_owned());
        }
        if !explained {
            e.line += offset;
            errors.push(e);
        }
        let end = block_end(lines, at);
        if let Some(key) = key_of(&lines[at]) {
            if key == "examples" {
                // The rule that owns these examples: the nearest `id:` line less indented.
                let owner = lines[..at]
                    .iter()
                    .rev()
                    .filter(|l| indent(l) < indent(&lines[at]))
                    .find_map(|l| id_of(l));
                removed.examples_of.extend(owner);
            }
            removed_keys.insert(key);
        }
        removed.record(&lines[at..end]);
        if lines[at..end].iter().all(|l| l.trim().is_empty()) {
            // Nothing left to remove: stop rather than loop.
            blank(lines, 0, lines.len());
            return;
        }
        blank(lines, at, end);
    }
}

fn relocated(mut e: RuleError, offset: usize) -> RuleError {
    e.line += offset;
    e
}

fn blank(lines: &mut [String], start: usize, end: usize) {
    for l in &mut lines[start..end] {
        l.clear();
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The end (exclusive) of the block that starts at line `at`: the lines nested under it, and for
/// a `key:` line also the `- item` lines at its own indentation (YAML's compact sequences).
fn block_end(lines: &[String], at: usize) -> usize {
    let base = indent(&lines[at]);
    let is_item = lines[at].trim_start().starts_with('-');
    let mut end = at + 1;
    for (i, l) in lines.iter().enumerate().skip(at + 1) {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = indent(l);
        let nested = ind > base || (ind == base && !is_item && t.starts_with('-'));
        if !nested {
            break;
        }
        end = i + 1;
    }
    end
}

/// The key of a `key: value` or `- key: value` line.
fn key_of(line: &str) -> Option<String> {
    let t = line.trim_start().trim_start_matches("- ").trim_start();
    let (key, _) = t.split_once(':')?;
    let key = key.trim().trim_matches(['"', '\'']);
    (!key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .then(|| key.to_owned())
}

/// The value of an `id: value` or `- id: value` line.
fn id_of(line: &str) -> Option<String> {
    let t = line.trim_start().trim_start_matches("- ").trim_start();
    let v = t.strip_prefix("id:")?;
    let v = v
        .split(" #")
        .next()
        .unwrap_or(v)
        .trim()
        .trim_matches(['"', '\'']);
    (!v.is_empty()).then(|| v.to_owned())
}

/// The closest of `candidates` to `bad`, as a help line.
fn did_you_mean<'a>(bad: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    candidates
        .into_iter()
        .filter(|c| *c != bad)
        .map(|c| (strsim::jaro_winkler(bad, c), c))
        .filter(|(s, _)| *s > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

/// Line and column (1-based) of the first line after the item whose `id:` is `id` (up to the
/// next item) that contains `needle`; the item's `id:` line if none does.
fn locate(text: &str, id: &str, needle: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines.iter().position(|l| id_of(l).as_deref() == Some(id)) else {
        return (1, 1);
    };
    let col = |l: &str, s: &str| l.find(s).map_or(1, |c| l[..c].chars().count() + 1);
    for (i, l) in lines.iter().enumerate().skip(start) {
        if i > start && l.trim_start().starts_with("- id:") {
            break;
        }
        if l.contains(needle) {
            return (i + 1, col(l, needle));
        }
    }
    (start + 1, col(lines[start], "id:"))
}

/// Line and column of the first line containing `needle` after a line starting `section:`.
fn locate_in_section(text: &str, section: &str, needle: &str) -> (usize, usize) {
    let header = format!("{section}:");
    let mut inside = false;
    for (i, l) in text.lines().enumerate() {
        if !l.starts_with(' ') && !l.starts_with('-') && !l.trim().is_empty() {
            inside = l.starts_with(&header);
        }
        if inside && let Some(c) = l.find(needle) {
            return (i + 1, l[..c].chars().count() + 1);
        }
    }
    (1, 1)
}

/// The parsed raw files, for checks across files that the loader does not make.
struct Checked<'a> {
    /// (file, parsed documents) for the files given.
    user: Vec<(&'a RuleText, Vec<RawRuleFile>)>,
    /// The built-in files' documents (empty without built-ins).
    builtin: Vec<RawRuleFile>,
}

impl<'a> Checked<'a> {
    fn parse(files: &'a [RuleText], builtin: bool) -> Checked<'a> {
        let user = files
            .iter()
            .filter_map(|f| load::parse(f).ok().map(|d| (f, d)))
            .collect();
        let builtin = if builtin {
            BUILTIN
                .iter()
                .filter_map(|(name, text)| {
                    load::parse(&RuleText {
                        path: (*name).to_owned(),
                        text: (*text).to_owned(),
                    })
                    .ok()
                })
                .flatten()
                .collect()
        } else {
            Vec::new()
        };
        Checked { user, builtin }
    }

    fn all(&self) -> impl Iterator<Item = &RawRuleFile> {
        self.builtin
            .iter()
            .chain(self.user.iter().flat_map(|(_, d)| d.iter()))
    }

    fn user_claims(&self) -> usize {
        self.user
            .iter()
            .flat_map(|(_, d)| d)
            .map(|d| d.claims.len())
            .sum()
    }

    fn user_contradictions(&self) -> usize {
        self.user
            .iter()
            .flat_map(|(_, d)| d)
            .map(|d| d.contradictions.len())
            .sum()
    }

    /// Warnings about the given files; `removed_refs` are aspects named by lines removed while
    /// recovering from parse errors (they count as used).
    fn warnings(&self, removed_refs: &BTreeSet<String>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let subject_kinds: BTreeSet<&str> = self
            .all()
            .flat_map(|d| &d.subjects)
            .map(|s| s.kind.as_str())
            .collect();
        let reference_kinds: BTreeSet<&str> = self
            .all()
            .flat_map(|d| &d.references)
            .map(|r| r.kind.as_str())
            .collect();
        let names: Vec<String> = self
            .all()
            .flat_map(|d| &d.subjects)
            .flat_map(|s| std::iter::once(&s.name).chain(&s.aliases))
            .map(|n| n.to_owned())
            .collect();
        let used_aspects: BTreeSet<&str> = self
            .all()
            .flat_map(|d| &d.claims)
            .map(|c| c.aspect.as_str())
            .chain(removed_refs.iter().map(String::as_str))
            .collect();
        let mut seen: BTreeMap<(&str, &str), (&str, usize)> = BTreeMap::new();
        for (file, docs) in &self.user {
            let warn =
                |line_col: (usize, usize), message: String, help: Option<String>| Diagnostic {
                    file: file.path.clone(),
                    line: line_col.0,
                    column: line_col.1,
                    level: Level::Warning,
                    message,
                    help,
                };
            for d in docs {
                for r in &d.references {
                    let kind = r.kind.as_str();
                    if !subject_kinds.contains(kind) && !SUBJECT_KINDS.contains(&kind) {
                        let kinds = subject_kinds
                            .iter()
                            .copied()
                            .chain(SUBJECT_KINDS.iter().copied());
                        out.push(warn(
                            locate_in_section(&file.text, "references", &format!("kind: {}", r.kind)),
                            format!("reference kind `{}` is not a known subject kind, so these phrases never resolve", r.kind),
                            did_you_mean(&r.kind, kinds)
                                .or_else(|| Some(format!("give a subject `kind: {}`, or use an existing kind", r.kind))),
                        ));
                    }
                }
                for s in &d.subjects {
                    let kind = s.kind.as_str();
                    if !SUBJECT_KINDS.contains(&kind) && !reference_kinds.contains(kind) {
                        out.push(warn(
                            locate(&file.text, &s.id, "kind:"),
                            format!(
                                "subject `{}` has kind `{kind}`, which no generic reference uses",
                                s.id
                            ),
                            did_you_mean(kind, SUBJECT_KINDS.iter().copied()).or_else(|| {
                                Some(format!("use one of: {}", SUBJECT_KINDS.join(", ")))
                            }),
                        ));
                    }
                }
                for a in &d.aspects {
                    // A misspelt reference to the aspect is already an error; say it once.
                    let misspelt = used_aspects
                        .iter()
                        .any(|u| strsim::jaro_winkler(u, &a.id) > 0.75);
                    if !used_aspects.contains(a.id.as_str()) && !misspelt {
                        out.push(warn(
                            locate(&file.text, &a.id, "id:"),
                            format!("aspect `{}` is used by no claim rule", a.id),
                            Some("add a claim rule with this aspect, or remove it".into()),
                        ));
                    }
                }
                for c in &d.claims {
                    let has_group =
                        c.pattern.contains("?P<subject") || c.pattern.contains("?<subject");
                    for e in &c.examples {
                        let Some(want) = &e.expect.subject else {
                            continue;
                        };
                        if has_group || names.iter().any(|n| same_name(want, n)) {
                            continue;
                        }
                        out.push(warn(
                            locate(&file.text, &c.id, want),
                            format!("example of `{}` expects subject `{want}`, which is no subject's name or alias, and the pattern has no `subject` group", c.id),
                            did_you_mean(want, names.iter().map(String::as_str)).or_else(|| {
                                Some("declare it under `subjects:`, or capture it with `(?P<subject>…)`".into())
                            }),
                        ));
                    }
                }
                let ids = d
                    .subjects
                    .iter()
                    .map(|s| ("subject", s.id.as_str()))
                    .chain(d.aspects.iter().map(|a| ("aspect", a.id.as_str())))
                    .chain(d.claims.iter().map(|c| ("claim rule", c.id.as_str())))
                    .chain(
                        d.contradictions
                            .iter()
                            .map(|c| ("contradiction rule", c.id.as_str())),
                    );
                for (what, id) in ids {
                    let at = locate(&file.text, id, "id:");
                    match seen.get(&(what, id)) {
                        Some((other, line)) if *other != file.path => out.push(warn(
                            at,
                            format!("{what} `{id}` is also defined in {other}:{line}; this later definition wins"),
                            Some("rename one of them if both are meant to exist".into()),
                        )),
                        Some(_) => {}
                        None => {
                            seen.insert((what, id), (file.path.as_str(), at.0));
                        }
                    }
                }
            }
        }
        out
    }
}

/// Whether an expected name denotes a subject name or alias (ignoring case, or by speaker key).
fn same_name(want: &str, name: &str) -> bool {
    if want.eq_ignore_ascii_case(name) {
        return true;
    }
    let (a, b) = (source_key(want), source_key(name));
    !a.is_empty() && !b.is_empty() && (a == b || a.contains(&b) || b.contains(&a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> RuleText {
        RuleText {
            path: "t.yml".into(),
            text: text.into(),
        }
    }

    #[test]
    fn several_bad_keys_in_one_file_are_all_reported() {
        let t = "aspects:\n  - id: a\n    axsi: y\n  - id: b\n    descripton: z\n";
        let v = validate(&[file(t)], false);
        let errors: Vec<&Diagnostic> = v
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .collect();
        let at: Vec<(usize, usize)> = errors.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, vec![(3, 5), (5, 5)], "{:#?}", v.diagnostics);
        assert_eq!(errors[0].help.as_deref(), Some("did you mean `axis`?"));
    }

    #[test]
    fn a_removed_item_does_not_cascade() {
        let t = "aspects:\n  - id: a\n    sign: wrong\nclaims:\n  - id: c\n    aspect: a\n    kind: evaluative\n    polarity: positive\n    pattern: 'x'\n    examples: [{text: x}]\n";
        let v = validate(&[file(t)], false);
        assert_eq!(v.errors(), 1, "{:#?}", v.diagnostics);
        assert_eq!(v.diagnostics[0].line, 3);
    }

    #[test]
    fn a_wrong_enum_and_a_bad_regex_elsewhere_are_both_reported() {
        let t = "aspects:\n  - id: a\nclaims:\n  - id: c\n    aspect: a\n    kind: numerc\n    pattern: 'x'\n  - id: d\n    aspect: a\n    kind: evaluative\n    polarity: positive\n    pattern: '('\n    examples: [{text: x}]\n";
        let v = validate(&[file(t)], false);
        let lines: Vec<usize> = v
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .map(|d| d.line)
            .collect();
        assert_eq!(lines, vec![6, 12], "{:#?}", v.diagnostics);
    }

    #[test]
    fn a_misspelt_required_key_is_one_error_and_no_warning() {
        let t = "aspects:\n  - id: a\nclaims:\n  - id: c\n    aspect: a\n    knd: numeric\n    pattern: '(?P<value>1)'\n    examples: [{text: x}]\n";
        let v = validate(&[file(t)], false);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert_eq!((v.diagnostics[0].line, v.diagnostics[0].column), (6, 5));
        assert_eq!(
            v.diagnostics[0].help.as_deref(),
            Some("did you mean `kind`?")
        );
    }

    #[test]
    fn bad_examples_are_not_also_missing_examples() {
        let t = "aspects:\n  - id: a\nclaims:\n  - id: c\n    aspect: a\n    kind: evaluative\n    polarity: positive\n    pattern: x\n    examples: [{text: x, expct: {value: 1}}]\n";
        let v = validate(&[file(t)], false);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert!(v.diagnostics[0].message.contains("unknown field `expct`"));
    }

    #[test]
    fn syntax_errors_are_reported_once() {
        let v = validate(&[file("claims: [\n")], false);
        assert_eq!(v.errors(), 1, "{:#?}", v.diagnostics);
    }

    #[test]
    fn unknown_reference_kind_is_a_warning() {
        let t = "subjects:\n  - id: s\n    name: S\n    kind: grop\nreferences:\n  - kind: grop\n    phrases: [the outfit]\n  - kind: nation\n    phrases: [the country]\n";
        let v = validate(&[file(t)], false);
        assert_eq!(v.errors(), 0, "{:#?}", v.diagnostics);
        assert!(
            v.diagnostics
                .iter()
                .any(|d| d.message.contains("reference kind `nation`") && d.line == 8),
            "{:#?}",
            v.diagnostics
        );
    }

    #[test]
    fn documents_split_on_separators() {
        let lines: Vec<String> = "a: 1\n---\nb: 2\n--- # two\nc: 3"
            .split('\n')
            .map(str::to_owned)
            .collect();
        assert_eq!(documents(&lines), vec![(0, 1), (2, 3), (4, 5)]);
    }
}
