//! Project configuration (`crosscheck.yaml`): merging the file ([`raw`]) with command-line flags
//! into effective [`Settings`] that remember where each value came from, and applying them to a
//! rule set and to findings. Finding and reading the file is the CLI's job.

mod filter;
pub mod raw;

pub use filter::{FileFilter, clean_path};
pub use raw::{
    ConfigError, ConfigFile, ConfigIssue, FileType, Pattern, RawConfig, Threshold, parse,
};

use crate::model::{Finding, Severity};
use crate::rules::RuleSet;
use crate::text::DocKind;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// File names looked for in each folder, in order, from the working directory upward.
pub const CONFIG_NAMES: [&str; 2] = ["crosscheck.yaml", ".crosscheck.yaml"];

/// Where an effective value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The built-in default.
    Default,
    /// A configuration file (its path).
    File(String),
    /// A command-line flag (its name).
    Flag(&'static str),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File(p) => f.write_str(p),
            Origin::Flag(name) => write!(f, "flag {name}"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    /// The effective value.
    pub value: T,
    /// Its origin.
    pub origin: Origin,
}

impl<T> Setting<T> {
    fn default(value: T) -> Setting<T> {
        Setting {
            value,
            origin: Origin::Default,
        }
    }

    /// Replaces the value when `v` is set.
    fn pick(v: Option<T>, slot: &mut Setting<T>, origin: &Origin) {
        if let Some(value) = v {
            *slot = Setting {
                value,
                origin: origin.clone(),
            };
        }
    }
}

/// Command-line flags that override or extend the configuration file.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    /// `--rules`: added after the file's rule folders.
    pub rules: Vec<PathBuf>,
    /// `--no-builtin`.
    pub no_builtin: bool,
    /// `--across-documents`.
    pub across_documents: bool,
}

/// The effective configuration: defaults, then the file, then flags.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The configuration file, if one was used.
    pub file: Option<ConfigFile>,
    /// Folder that relative globs are matched from: the file's folder, else the working one.
    pub root: PathBuf,
    /// Extra rule files or folders, each with its origin.
    pub rules: Vec<Setting<PathBuf>>,
    /// Whether the built-in rules are loaded.
    pub builtin: Setting<bool>,
    /// Include globs (empty: every file of a known type).
    pub include: Setting<Vec<String>>,
    /// Exclude globs.
    pub exclude: Setting<Vec<String>>,
    /// File types by lower-case extension.
    pub extensions: Setting<BTreeMap<String, FileType>>,
    /// Allow-list of contradiction rules (empty: all).
    pub enable: Setting<Vec<String>>,
    /// Contradiction rules switched off.
    pub disable: Setting<Vec<String>>,
    /// Severity overrides.
    pub severity: Setting<BTreeMap<String, Severity>>,
    /// Default fuzzy threshold, if overridden.
    pub fuzzy: Setting<Option<f64>>,
    /// Pair claims across documents.
    pub across_documents: Setting<bool>,
}

/// The default file types.
pub fn default_extensions() -> BTreeMap<String, FileType> {
    [
        ("txt", FileType::Text),
        ("md", FileType::Markdown),
        ("markdown", FileType::Markdown),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

impl Settings {
    /// Merges defaults, an optional configuration file and flags. `cwd` anchors globs when there
    /// is no file; rule folders of the file are taken relative to the file's folder.
    pub fn resolve(file: Option<ConfigFile>, flags: &Flags, cwd: &Path) -> Settings {
        let mut s = Settings {
            root: clean_path(cwd),
            rules: Vec::new(),
            builtin: Setting::default(true),
            include: Setting::default(Vec::new()),
            exclude: Setting::default(Vec::new()),
            extensions: Setting::default(default_extensions()),
            enable: Setting::default(Vec::new()),
            disable: Setting::default(Vec::new()),
            severity: Setting::default(BTreeMap::new()),
            fuzzy: Setting::default(None),
            across_documents: Setting::default(false),
            file: None,
        };
        if let Some(f) = &file {
            let dir = f
                .path
                .parent()
                .map_or_else(|| cwd.to_path_buf(), |d| cwd.join(d));
            let origin = Origin::File(f.path.display().to_string());
            let raw = &f.raw;
            for r in raw.rules.iter().flatten() {
                s.rules.push(Setting {
                    value: dir.join(r),
                    origin: origin.clone(),
                });
            }
            Setting::pick(raw.builtin, &mut s.builtin, &origin);
            let pats = |v: &Option<Vec<Pattern>>| {
                v.as_ref()
                    .map(|v| v.iter().map(|p| p.0.clone()).collect::<Vec<_>>())
            };
            Setting::pick(pats(&raw.include), &mut s.include, &origin);
            Setting::pick(pats(&raw.exclude), &mut s.exclude, &origin);
            if let Some(ext) = &raw.extensions {
                let mut all = default_extensions();
                for (k, v) in ext {
                    all.insert(k.trim_start_matches('.').to_lowercase(), *v);
                }
                Setting::pick(Some(all), &mut s.extensions, &origin);
            }
            Setting::pick(raw.enable.clone(), &mut s.enable, &origin);
            Setting::pick(raw.disable.clone(), &mut s.disable, &origin);
            Setting::pick(raw.severity.clone(), &mut s.severity, &origin);
            Setting::pick(raw.fuzzy.map(|t| Some(t.0)), &mut s.fuzzy, &origin);
            Setting::pick(raw.across_documents, &mut s.across_documents, &origin);
            s.root = clean_path(&dir);
        }
        for r in &flags.rules {
            s.rules.push(Setting {
                value: r.clone(),
                origin: Origin::Flag("--rules"),
            });
        }
        if flags.no_builtin {
            s.builtin = Setting {
                value: false,
                origin: Origin::Flag("--no-builtin"),
            };
        }
        if flags.across_documents {
            s.across_documents = Setting {
                value: true,
                origin: Origin::Flag("--across-documents"),
            };
        }
        s.file = file;
        s
    }

    /// Checks rule ids named by `enable`, `disable` and `severity` against the rule set.
    pub fn validate(&self, rules: &RuleSet) -> Result<(), ConfigError> {
        let known: Vec<&str> = rules.contradictions.iter().map(|r| r.id.as_str()).collect();
        let (file, text) = self.file.as_ref().map_or((String::new(), ""), |f| {
            (f.path.display().to_string(), f.text.as_str())
        });
        let named = self
            .enable
            .value
            .iter()
            .map(|id| ("enable", id))
            .chain(self.disable.value.iter().map(|id| ("disable", id)))
            .chain(self.severity.value.keys().map(|id| ("severity", id)));
        let mut issues = Vec::new();
        for (key, id) in named {
            if !known.contains(&id.as_str()) {
                issues.push(issue(
                    &file,
                    text,
                    id,
                    format!("unknown rule `{id}` in `{key}`; it names no contradiction rule"),
                    did_you_mean(id, &known),
                ));
            }
        }
        if issues.is_empty() {
            Ok(())
        } else {
            Err(ConfigError::Invalid(issues))
        }
    }

    /// Applies severity overrides to the contradiction rules (so findings and rule listings
    /// carry them) and the default fuzzy threshold to subjects that use the rule set's default.
    pub fn apply_to_rules(&self, rules: &mut RuleSet) {
        for r in &mut rules.contradictions {
            if let Some(s) = self.severity.value.get(&r.id) {
                r.severity = *s;
            }
        }
        if let Some(t) = self.fuzzy.value {
            let old = rules.fuzzy_default;
            for s in &mut rules.subjects {
                // Compiled subjects keep no record of whether `fuzzy` was written; one equal to
                // the default is taken as unset.
                if (s.fuzzy - old).abs() < f64::EPSILON {
                    s.fuzzy = t;
                }
            }
            rules.fuzzy_default = t;
        }
    }

    /// Whether findings of a contradiction rule are reported.
    pub fn rule_enabled(&self, id: &str) -> bool {
        (self.enable.value.is_empty() || self.enable.value.iter().any(|e| e == id))
            && !self.disable.value.iter().any(|d| d == id)
    }

    /// Drops findings of disabled rules and applies severity overrides.
    pub fn apply_to_findings(&self, findings: &mut Vec<Finding>) {
        findings.retain(|f| self.rule_enabled(&f.rule));
        for f in findings {
            if let Some(s) = self.severity.value.get(&f.rule) {
                f.severity = *s;
            }
        }
    }

    /// The document kind for a file name by its extension, if it is a known file type.
    pub fn file_type(&self, path: &Path) -> Option<DocKind> {
        let ext = path.extension()?.to_str()?.to_lowercase();
        self.extensions.value.get(&ext).map(|t| (*t).into())
    }

    /// Compiles the include and exclude globs.
    pub fn filter(&self) -> FileFilter {
        FileFilter::new(&self.root, &self.include.value, &self.exclude.value)
    }
}

/// The closest known id, if it is close enough to be a likely typo.
pub fn did_you_mean(bad: &str, known: &[&str]) -> Option<String> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(bad, k), *k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.8)
        .map(|(_, k)| format!("did you mean `{k}`?"))
}

/// A located issue for a value, found by searching the file text for it.
pub(crate) fn issue(
    file: &str,
    text: &str,
    value: &str,
    message: String,
    help: Option<String>,
) -> ConfigIssue {
    let (line, column) = locate(text, value);
    ConfigIssue {
        file: file.to_owned(),
        line,
        column,
        message,
        help,
    }
}

/// 1-based line and column of the first whole-word occurrence of `needle` (1:1 if absent).
pub(crate) fn locate(text: &str, needle: &str) -> (usize, usize) {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
    let found = text.match_indices(needle).map(|(i, _)| i).find(|&i| {
        !word(text[..i].chars().next_back()) && !word(text[i + needle.len()..].chars().next())
    });
    found.map_or((1, 1), |i| {
        let before = &text[..i];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |n| n + 1);
        (line, before[start..].chars().count() + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<ConfigFile, ConfigError> {
        parse(Path::new("crosscheck.yaml"), text)
    }

    #[test]
    fn flags_override_the_file_and_record_their_origin() {
        let f = parse_str("builtin: true\nrules: [extra]\nacross_documents: false\n").unwrap();
        let flags = Flags {
            rules: vec![PathBuf::from("more")],
            no_builtin: true,
            across_documents: true,
        };
        let s = Settings::resolve(Some(f), &flags, Path::new("/w"));
        assert!(!s.builtin.value);
        assert_eq!(s.builtin.origin, Origin::Flag("--no-builtin"));
        assert_eq!(s.rules[0].value, PathBuf::from("/w/extra"));
        assert_eq!(s.rules[0].origin, Origin::File("crosscheck.yaml".into()));
        assert_eq!(s.rules[1].origin, Origin::Flag("--rules"));
        assert!(s.across_documents.value);
        assert_eq!(s.include.origin, Origin::Default);
    }

    #[test]
    fn extensions_extend_the_defaults() {
        let f = parse_str("extensions: { .RST: text, md: text }\n").unwrap();
        let s = Settings::resolve(Some(f), &Flags::default(), Path::new("/w"));
        assert_eq!(s.file_type(Path::new("a.rst")), Some(DocKind::Text));
        assert_eq!(s.file_type(Path::new("a.md")), Some(DocKind::Text));
        assert_eq!(
            s.file_type(Path::new("a.markdown")),
            Some(DocKind::Markdown)
        );
        assert_eq!(s.file_type(Path::new("a.html")), None);
    }

    #[test]
    fn unknown_rule_ids_are_located_with_a_suggestion() {
        let rules = RuleSet::builtin().unwrap();
        let id = rules.contradictions[0].id.clone();
        let typo = format!("{id}x");
        let text = format!("disable:\n  - {typo}\nseverity:\n  {id}: error\n");
        let f = parse_str(&text).unwrap();
        let s = Settings::resolve(Some(f), &Flags::default(), Path::new("/w"));
        let Err(ConfigError::Invalid(issues)) = s.validate(&rules) else {
            panic!("expected an error")
        };
        assert_eq!(issues.len(), 1);
        assert_eq!((issues[0].line, issues[0].column), (2, 5));
        assert!(issues[0].message.contains(&format!("`{typo}`")));
        assert_eq!(issues[0].help, Some(format!("did you mean `{id}`?")));
    }

    #[test]
    fn locate_finds_whole_words_only() {
        assert_eq!(locate("a-b: 1\nb: 2\n", "b"), (2, 1));
        assert_eq!(locate("x", "y"), (1, 1));
    }
}
