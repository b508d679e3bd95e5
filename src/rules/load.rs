//! Reading rule files: the only module that touches the YAML crate, so it can be swapped.
//!
//! A file may hold several documents separated by `---`. Parse errors carry the YAML line and
//! column; a "did you mean" is added for unknown keys.

use super::raw::RawRuleFile;
use crate::error::RuleError;
use serde::Deserialize;

/// Largest rule file accepted, in bytes: a guard against hostile input.
pub const MAX_RULE_FILE_BYTES: usize = 4 << 20;

/// A rule file's name and text.
#[derive(Debug, Clone)]
pub struct RuleText {
    /// Path as shown in messages.
    pub path: String,
    /// The YAML text.
    pub text: String,
}

/// Parses every `---`-separated document of a rule file into the raw model.
pub fn parse(file: &RuleText) -> Result<Vec<RawRuleFile>, RuleError> {
    if file.text.len() > MAX_RULE_FILE_BYTES {
        return Err(RuleError {
            file: file.path.clone(),
            line: 1,
            column: 1,
            message: format!(
                "rule file is {} bytes; the limit is {MAX_RULE_FILE_BYTES}",
                file.text.len()
            ),
            help: Some("split it into several files".to_owned()),
        });
    }
    if let Some((line, column)) = too_deep(&file.text) {
        return Err(RuleError {
            file: file.path.clone(),
            line,
            column,
            message: format!("YAML nested more than {MAX_DEPTH} levels deep"),
            help: Some("rule files are shallow; flatten the structure".to_owned()),
        });
    }
    let mut out = Vec::new();
    for doc in serde_yaml::Deserializer::from_str(&file.text) {
        match RawRuleFile::deserialize(doc) {
            Ok(raw) => out.push(raw),
            Err(e) => return Err(yaml_error(&file.path, &e)),
        }
    }
    Ok(out)
}

/// Deepest nesting accepted: the YAML parser's time grows with the square of the depth, so a
/// hostile file of 40,000 `[` would otherwise take minutes.
pub const MAX_DEPTH: usize = 64;

/// The position where flow brackets or indentation first nest deeper than [`MAX_DEPTH`].
/// Outside a flow collection, a bracket opens one only where a value starts (after the indent,
/// a `- ` or a `key: `); elsewhere it belongs to a plain scalar (`pattern: (?:a|b){gap}[0-9]`).
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        if indent / 2 > MAX_DEPTH {
            return Some((i + 1, 1));
        }
        let start = if depth == 0 {
            match flow_start(line) {
                Some(col) => col,
                None => continue,
            }
        } else {
            0
        };
        let mut quote: Option<char> = None;
        for (col, c) in line.chars().enumerate().skip(start) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '#') => break,
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some((i + 1, col + 1));
                    }
                }
                (None, ']' | '}') => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        // Back in block context: the rest of the line is not nesting.
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// The column (in chars) where a flow collection opens on a block-context line, if one does:
/// the line's value starts with `[` or `{` after its indent and `- ` markers, or after `key: `.
fn flow_start(line: &str) -> Option<usize> {
    let chars: Vec<char> = line.chars().collect();
    let mut col = 0;
    // Indent and sequence markers: "  - - [".
    while col < chars.len() {
        match chars[col] {
            ' ' => col += 1,
            '-' if chars.get(col + 1).is_none_or(|c| *c == ' ') => col += 1,
            _ => break,
        }
    }
    if matches!(chars.get(col), Some('[' | '{')) {
        return Some(col);
    }
    // A plain or quoted key, then `: ` and the value.
    let mut quote: Option<char> = None;
    let mut k = col;
    while k < chars.len() {
        let c = chars[k];
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') if k == col => quote = Some(c),
            (None, '#') if k > 0 && chars[k - 1] == ' ' => return None,
            (None, ':') if chars.get(k + 1).is_none_or(|c| *c == ' ') => {
                let mut v = k + 1;
                while chars.get(v) == Some(&' ') {
                    v += 1;
                }
                return matches!(chars.get(v), Some('[' | '{')).then_some(v);
            }
            _ => {}
        }
        k += 1;
    }
    None
}

/// Parses a gold annotation or config file (any deserializable type) with located errors.
pub fn parse_yaml<T: for<'de> Deserialize<'de>>(path: &str, text: &str) -> Result<T, RuleError> {
    serde_yaml::from_str(text).map_err(|e| yaml_error(path, &e))
}

fn yaml_error(path: &str, e: &serde_yaml::Error) -> RuleError {
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    let raw = e.to_string();
    // serde_yaml appends " at line L column C"; the location is ours to print.
    let message = raw
        .split(" at line ")
        .next()
        .unwrap_or(&raw)
        .trim()
        .to_owned();
    let help = unknown_field_help(&message);
    RuleError {
        file: path.to_owned(),
        line,
        column,
        message,
        help,
    }
}

/// For "unknown field `x`, expected one of `a`, `b`" suggests the closest expected name.
fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.split(": unknown field `").nth(1))
        .or_else(|| message.split("unknown variant `").nth(1))?;
    let (bad, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s)
        .collect();
    let best = candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(bad, c), *c))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    (best.0 > 0.7).then(|| format!("did you mean `{}`?", best.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RuleText {
        RuleText {
            path: "t.yml".into(),
            text: s.into(),
        }
    }

    #[test]
    fn unknown_key_is_located_with_a_suggestion() {
        let e = parse(&text("aspects:\n  - id: x\n    axsi: y\n")).unwrap_err();
        assert_eq!((e.line, e.column), (3, 5), "{e}");
        assert!(e.message.contains("unknown field `axsi`"), "{e}");
        assert_eq!(e.help.as_deref(), Some("did you mean `axis`?"));
    }

    #[test]
    fn wrong_enum_value_is_located() {
        let e = parse(&text(
            "claims:\n  - id: a\n    aspect: b\n    kind: numerc\n    pattern: x\n",
        ))
        .unwrap_err();
        assert_eq!(e.line, 4, "{e}");
        assert_eq!(e.help.as_deref(), Some("did you mean `numeric`?"));
    }

    #[test]
    fn several_documents_in_one_file() {
        let docs = parse(&text("aspects: []\n---\nclaims: []\n")).unwrap();
        assert_eq!(docs.len(), 2);
    }

    #[test]
    fn deep_nesting_is_rejected_before_parsing() {
        let e = parse(&text(&"[".repeat(100_000))).unwrap_err();
        assert!(e.message.contains("nested"), "{e}");
        assert_eq!((e.line, e.column), (1, MAX_DEPTH + 1));
        // Deep flow nesting after a key or a sequence marker is nesting.
        let deep = format!("claims:\n  - examples: {}", "[".repeat(MAX_DEPTH + 1));
        assert_eq!(too_deep(&deep), Some((2, 14 + MAX_DEPTH + 1)));
        // Brackets in an unquoted pattern are a plain scalar, not nesting.
        let plain = format!("  pattern: {}\n", "(?:[a-z]{1,3}|x)".repeat(MAX_DEPTH + 1));
        assert!(too_deep(&plain).is_none());
        let flow = format!("x: [{}]\ny: {}\n", "[a, ".repeat(10), "[b".repeat(10));
        assert!(too_deep(&flow).is_none());
        // A pattern with brackets inside quotes is not nesting.
        assert!(
            too_deep(
                "pattern: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['"
            )
            .is_none()
        );
    }

    #[test]
    fn alias_bomb_is_rejected_quickly() {
        let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            s.push_str(&format!(
                "b{i}: &b{i} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n",
                p = if i == 0 {
                    "a".to_owned()
                } else {
                    format!("b{}", i - 1)
                }
            ));
        }
        assert!(parse(&text(&s)).is_err());
    }
}
