//! The configuration file as written: plain serde structs (unknown keys are errors), values
//! checked as they are read so errors carry line and column, and the located error types.

use super::filter::glob;
use super::issue;
use crate::error::RuleError;
use crate::model::Severity;
use crate::text::DocKind;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The configuration file as written; every key is optional.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct RawConfig {
    /// Extra rule files or folders, relative to the configuration file.
    pub rules: Option<Vec<PathBuf>>,
    /// Whether to load the built-in rules (default `true`).
    pub builtin: Option<bool>,
    /// Globs a walked file must match to be read (default: every file of a known type).
    pub include: Option<Vec<Pattern>>,
    /// Globs of walked files and folders to skip.
    pub exclude: Option<Vec<Pattern>>,
    /// File types by extension (`rst: text`), added to the defaults `txt`, `md`, `markdown`.
    pub extensions: Option<BTreeMap<String, FileType>>,
    /// If set, only these contradiction rules report findings.
    pub enable: Option<Vec<String>>,
    /// Contradiction rules whose findings are dropped.
    pub disable: Option<Vec<String>>,
    /// Severity overrides by contradiction rule id.
    pub severity: Option<BTreeMap<String, Severity>>,
    /// Similarity threshold for subjects that set no `fuzzy` of their own (0 < x ≤ 1).
    pub fuzzy: Option<Threshold>,
    /// Pair claims from different files too.
    pub across_documents: Option<bool>,
}

/// A glob, checked when the file is read so that a bad one is reported at its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern(pub String);

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Pattern, D::Error> {
        let s = String::deserialize(d)?;
        glob(&s).map_err(serde::de::Error::custom)?;
        Ok(Pattern(s))
    }
}

/// A fuzzy-match threshold in (0, 1], checked when the file is read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold(pub f64);

impl<'de> Deserialize<'de> for Threshold {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Threshold, D::Error> {
        let x = f64::deserialize(d)?;
        if x > 0.0 && x <= 1.0 {
            Ok(Threshold(x))
        } else {
            Err(serde::de::Error::custom(format!(
                "fuzzy threshold {x} is out of range; expected a number above 0 and at most 1"
            )))
        }
    }
}

/// How a file type is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    /// Every byte is prose.
    Text,
    /// Code, front matter and markup are masked.
    Markdown,
}

impl From<FileType> for DocKind {
    fn from(t: FileType) -> DocKind {
        match t {
            FileType::Text => DocKind::Text,
            FileType::Markdown => DocKind::Markdown,
        }
    }
}

/// A configuration file that was found and parsed.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// Its path as shown in messages.
    pub path: PathBuf,
    /// Its text, to locate values in error messages.
    pub text: String,
    /// The parsed content.
    pub raw: RawConfig,
}

/// A located problem in a configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigIssue {
    /// File path as shown.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, lower-case, naming the value.
    pub message: String,
    /// How to fix it, if known.
    pub help: Option<String>,
}

impl fmt::Display for ConfigIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl From<RuleError> for ConfigIssue {
    fn from(e: RuleError) -> ConfigIssue {
        ConfigIssue {
            file: e.file,
            line: e.line,
            column: e.column,
            message: e.message,
            help: e.help,
        }
    }
}

/// Why a configuration cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// One or more values are invalid (all are listed).
    #[error("{}", join(.0))]
    Invalid(Vec<ConfigIssue>),
    /// Both spellings of the file exist in one folder.
    #[error("both {} and {} exist; keep one", .0.display(), .1.display())]
    Ambiguous(PathBuf, PathBuf),
}

fn join(issues: &[ConfigIssue]) -> String {
    issues
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parses a configuration file; an empty file is an empty configuration.
///
/// Unknown keys, wrong types, bad globs and out-of-range thresholds are errors with line, column
/// and, for misspelt keys, a "did you mean".
pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    let shown = path.display().to_string();
    let limit = crate::rules::load::MAX_RULE_FILE_BYTES;
    if text.len() > limit {
        return Err(ConfigError::Invalid(vec![ConfigIssue {
            file: shown,
            line: 1,
            column: 1,
            message: format!(
                "configuration file is {} bytes; the limit is {limit}",
                text.len()
            ),
            help: None,
        }]));
    }
    // serde_yaml takes time quadratic in the depth of flow collections (`[[[[…`); a real
    // configuration nests two levels, so deeper text is refused before it is parsed.
    if let Some((line, column)) = too_deep(text, MAX_FLOW_DEPTH) {
        return Err(ConfigError::Invalid(vec![ConfigIssue {
            file: shown,
            line,
            column,
            message: format!("collections nest deeper than {MAX_FLOW_DEPTH} levels"),
            help: None,
        }]));
    }
    let raw: Option<RawConfig> = crate::rules::load::parse_yaml(&shown, text)
        .map_err(|e| ConfigError::Invalid(vec![e.into()]))?;
    let raw = raw.unwrap_or_default();
    let mut issues = Vec::new();
    for ext in raw.extensions.iter().flat_map(BTreeMap::keys) {
        let bare = ext.trim_start_matches('.');
        if bare.is_empty() || bare.contains(['/', '\\', '*']) {
            issues.push(issue(
                &shown,
                text,
                ext,
                format!("invalid extension `{ext}`; write it without a dot or glob, as in `md`"),
                None,
            ));
        }
    }
    if !issues.is_empty() {
        return Err(ConfigError::Invalid(issues));
    }
    Ok(ConfigFile {
        path: path.to_path_buf(),
        text: text.to_owned(),
        raw,
    })
}

/// Deepest `[`/`{` nesting accepted in a configuration file.
const MAX_FLOW_DEPTH: usize = 32;

/// Position of the first `[` or `{` nested deeper than `limit`, outside quotes and comments.
fn too_deep(text: &str, limit: usize) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut col) = (0usize, 1, 0);
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = ' ';
    for c in text.chars() {
        col += 1;
        match (c, quote) {
            ('\n', _) => {
                (line, col, comment) = (line + 1, 0, false);
                quote = quote.filter(|_| depth > 0);
            }
            (q, Some(open)) if !comment && q == open => quote = None,
            _ if comment || quote.is_some() => {}
            ('#', None) if prev.is_whitespace() => comment = true,
            ('"' | '\'', None) if depth > 0 || prev.is_whitespace() => quote = Some(c),
            ('[' | '{', None) => {
                depth += 1;
                if depth > limit {
                    return Some((line, col));
                }
            }
            (']' | '}', None) => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<ConfigFile, ConfigError> {
        parse(Path::new("crosscheck.yaml"), text)
    }

    #[track_caller]
    fn only_issue(r: Result<ConfigFile, ConfigError>) -> ConfigIssue {
        match r {
            Err(ConfigError::Invalid(mut v)) if v.len() == 1 => v.remove(0),
            other => panic!("expected one issue, got {other:?}"),
        }
    }

    #[test]
    fn empty_and_comment_only_files_are_empty_configs() {
        assert!(parse_str("").unwrap().raw.rules.is_none());
        assert!(parse_str("# nothing\n").unwrap().raw.builtin.is_none());
    }

    #[test]
    fn unknown_key_is_located_with_a_suggestion() {
        let e = only_issue(parse_str("builtin: true\nexlude: [x]\n"));
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.message.contains("unknown field `exlude`"), "{e}");
        assert_eq!(e.help.as_deref(), Some("did you mean `exclude`?"));
    }

    #[test]
    fn bad_values_are_located() {
        let e = only_issue(parse_str("fuzzy: 1.5\n"));
        assert_eq!(e.line, 1, "{e}");
        assert!(e.message.contains("out of range"), "{e}");
        let e = only_issue(parse_str("exclude:\n  - 'a[b'\n"));
        assert_eq!(e.line, 2, "{e}");
        assert!(e.message.contains("invalid glob"), "{e}");
        let e = only_issue(parse_str("severity:\n  toll-mismatch: eror\n"));
        assert_eq!(e.line, 2, "{e}");
        assert_eq!(e.help.as_deref(), Some("did you mean `error`?"));
        let e = only_issue(parse_str("extensions:\n  '*.md': markdown\n"));
        assert_eq!(e.line, 2, "{e}");
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let e = only_issue(parse_str(&format!("include: {}\n", "[".repeat(1_000_000))));
        assert_eq!((e.line, e.column), (1, 10 + MAX_FLOW_DEPTH), "{e}");
        assert!(parse_str("disable: ['[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', \"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\"]\n").is_ok());
        assert!(
            parse_str("# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nbuiltin: true\n")
                .is_ok()
        );
    }
}
