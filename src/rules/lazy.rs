//! Claim regexes checked when the rules load and compiled when first used.
//!
//! Compiling a claim pattern (Thompson NFA construction over big Unicode classes) costs far more
//! than parsing it, and most rules never match a given corpus. Loading therefore only parses each
//! pattern with `regex-syntax` — the parser `regex` itself uses, with the same configuration, so
//! every syntax error, nesting error and capture group is seen with the same message — and
//! estimates the compiled size from the parsed form. The estimate is an upper bound on what the
//! NFA compiler counts against its size limit (see [`estimate`]); a pattern whose estimate
//! exceeds the limit is compiled at once, so a hostile pattern is still rejected at load time
//! with the message `regex` gives. Every other pattern compiles on first use, and by the bound it
//! cannot then fail.

use super::factors::rules_out;
use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Class, ClassUnicode, Hir, HirKind};
use std::sync::OnceLock;

/// Compiled-regex size limit per pattern: hostile rules fail fast instead of eating memory.
pub(crate) const REGEX_SIZE_LIMIT: usize = 8 << 20;
/// Nesting limit of the regex parser.
pub(crate) const NEST_LIMIT: u32 = 128;

/// A claim pattern (macros expanded), validated at load time and compiled on first use.
///
/// Dereferences to the compiled [`Regex`], compiling it the first time (thread-safe, once);
/// [`LazyRegex::as_str`] gives the pattern without compiling it.
#[derive(Debug, Clone)]
pub struct LazyRegex {
    pattern: String,
    compiled: OnceLock<Regex>,
}

/// A pattern that parsed: the lazy regex and its capture group names.
pub(crate) struct Checked {
    /// The regex, compiled already if its size estimate was large.
    pub regex: LazyRegex,
    /// Names of the capture groups, in group order.
    pub names: Vec<String>,
    /// Whether the regex matches one of the texts given to [`LazyRegex::check`].
    pub matches_any: bool,
}

/// Parses `pattern` as `regex` would (same parser, same nesting limit).
fn parse(pattern: &str) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .nest_limit(NEST_LIMIT)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())
}

/// Builds a regex with the engine's limits.
pub(crate) fn build_regex(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .nest_limit(NEST_LIMIT)
        .build()
        .map_err(|e| e.to_string())
}

impl LazyRegex {
    /// Validates `pattern` without compiling it, unless its size estimate is over the limit:
    /// the errors are those (and the messages those) of compiling it with [`build_regex`].
    ///
    /// Also tells whether the regex matches one of `texts`, compiling it only if the factors
    /// every match contains (see `factors.rs`, an analysis of the parsed regex independent of
    /// the claim prefilter's) do not rule all of them out.
    pub(crate) fn check(pattern: String, texts: &[&str]) -> Result<Checked, String> {
        let hir = parse(&pattern)?;
        let mut names = Vec::new();
        capture_names(&hir, &mut names);
        let lazy = LazyRegex {
            pattern,
            compiled: OnceLock::new(),
        };
        if estimate(&hir).saturating_add(ESTIMATE_BASE) > REGEX_SIZE_LIMIT {
            let re = build_regex(&lazy.pattern)?;
            let _ = lazy.compiled.set(re);
        }
        let matches_any = !texts.is_empty()
            && (lazy.is_compiled() || !rules_out(&hir, texts))
            && texts.iter().any(|t| lazy.get().is_match(t));
        Ok(Checked {
            regex: lazy,
            names,
            matches_any,
        })
    }

    /// The pattern, macros expanded (does not compile it).
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// Whether the regex has been compiled.
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    /// The compiled regex, compiled now if it was not yet.
    pub fn get(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            // Validation parsed the pattern and bounded its size, so this cannot fail; should it
            // all the same, the rule matches nothing rather than bringing the run down.
            build_regex(&self.pattern).unwrap_or_else(|_| never())
        })
    }
}

impl std::ops::Deref for LazyRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.get()
    }
}

/// A regex that matches nothing (an empty class compiles to a state that always fails).
fn never() -> Regex {
    static NEVER: OnceLock<Regex> = OnceLock::new();
    NEVER
        .get_or_init(|| Regex::new(r"[^\s\S]").expect("a constant, valid pattern"))
        .clone()
}

/// The names of the capture groups of `hir`, in group order (pre-order is group order).
fn capture_names(hir: &Hir, out: &mut Vec<String>) {
    match hir.kind() {
        HirKind::Capture(c) => {
            if let Some(n) = &c.name {
                out.push(n.to_string());
            }
            capture_names(&c.sub, out);
        }
        HirKind::Repetition(r) => capture_names(&r.sub, out),
        HirKind::Concat(v) | HirKind::Alternation(v) => {
            for h in v {
                capture_names(h, out);
            }
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
    }
}

/// Bytes of an NFA builder state (`regex-automata` asserts 32 on 64-bit targets).
const STATE: usize = 32;
/// Heap bytes per sparse transition (8) or union alternate (4), rounded up.
const EDGE: usize = 16;
/// What every regex adds around its pattern: the unanchored prefix `(?s-u:.)*?`, the implicit
/// capture group 0, the match state.
const ESTIMATE_BASE: usize = 4096;

/// An upper bound on the bytes the Thompson NFA builder of `regex-automata` counts against the
/// size limit (`states × 32 + heap of sparse transitions and union alternates`) when it compiles
/// `hir`, forward or in reverse.
///
/// Each HIR node is charged more than the compiler spends on it: a literal one state and one
/// transition per byte; a Unicode class one state and one transition per byte of each of its
/// UTF-8 sequences plus a union alternate per sequence (the forward compiler shares states
/// between sequences, the reverse one shares suffixes: both use fewer); a repetition `{m,n}` `n`
/// copies of its item (`m + 1` when unbounded) and a union per copy; assertions, captures,
/// concatenations and alternations a few states each. The test `estimate_bounds_compiled_size`
/// checks the bound against the compiler itself (a regex built with the estimate as its size
/// limit must build).
fn estimate(hir: &Hir) -> usize {
    let node = 2 * STATE + EDGE;
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => node,
        HirKind::Literal(l) => node.saturating_add(l.0.len().saturating_mul(STATE + EDGE)),
        HirKind::Class(Class::Bytes(c)) => node.saturating_add(c.ranges().len() * EDGE),
        HirKind::Class(Class::Unicode(c)) => node.saturating_add(unicode_class_cost(c)),
        HirKind::Repetition(r) => {
            let copies = r.max.unwrap_or(r.min.saturating_add(1)).max(1) as usize;
            copies.saturating_mul(estimate(&r.sub).saturating_add(node))
        }
        HirKind::Capture(c) => estimate(&c.sub).saturating_add(2 * node),
        HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().fold(node, |acc, h| {
            acc.saturating_add(estimate(h)).saturating_add(EDGE)
        }),
    }
}

/// Cost of a Unicode class in [`estimate`]: per UTF-8 sequence byte a state and an edge, per
/// sequence an edge.
fn unicode_class_cost(c: &ClassUnicode) -> usize {
    let mut cost = 0usize;
    for r in c.iter() {
        for seq in regex_syntax::utf8::Utf8Sequences::new(r.start(), r.end()) {
            cost = cost.saturating_add(seq.len() * (STATE + EDGE) + EDGE);
        }
    }
    cost
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    /// Patterns of many shapes: the built-in claim patterns, the rules' own building blocks
    /// repeated, big classes, literal alternations, case-insensitive text.
    fn patterns() -> Vec<String> {
        let rules = RuleSet::builtin().unwrap();
        let mut out: Vec<String> = rules
            .claims
            .iter()
            .map(|c| c.regex.as_str().to_owned())
            .collect();
        for p in [
            r"\w",
            r"\w{50}",
            r"(?i)\p{L}{20}",
            r"\p{L}+\s+\p{Lu}\p{Ll}*",
            r"(?:\w+\W+){0,12}",
            r"(?i)killed|wounded|injured|dead|died|slain",
            r"(?i)the quick brown fox jumps over the lazy dog",
            r"[a-z]{100}",
            r"(?:a|b|c){200}",
            r"(?s).{30}",
            r"\b\B^$\A\z",
            r"(?-u:\w)+(?-u:\b)",
            r"(?P<value>\d+(?:[.,]\d+)*)\s+(?P<unit>people|soldiers)",
            r"(?i)[\p{Greek}\p{Cyrillic}]{3,9}",
            r"x*y?z+",
            r"(?:)",
        ] {
            out.push(p.to_owned());
        }
        let mut longer = Vec::new();
        for p in &out {
            longer.push(format!("(?:{p}){{3}}"));
            longer.push(format!("(?i)(?:{p})+"));
        }
        out.extend(longer);
        out
    }

    #[test]
    fn estimate_bounds_compiled_size() {
        for p in patterns() {
            let hir = parse(&p).unwrap();
            let limit = estimate(&hir).saturating_add(ESTIMATE_BASE);
            let built = RegexBuilder::new(&p)
                .size_limit(limit)
                .nest_limit(NEST_LIMIT)
                .build();
            assert!(built.is_ok(), "estimate {limit} is too low for {p}");
        }
    }

    /// `check` says whether the regex matches one of the texts, whether or not it had to
    /// compile the regex to know.
    #[test]
    fn check_tells_whether_examples_match() {
        let rules = RuleSet::builtin().unwrap();
        for c in &rules.claims {
            let texts: Vec<&str> = c
                .examples
                .iter()
                .map(|e| e.text.as_str())
                .chain(c.counterexamples.iter().map(String::as_str))
                .collect();
            for t in texts {
                let checked = LazyRegex::check(c.regex.as_str().to_owned(), &[t]).unwrap();
                assert_eq!(checked.matches_any, c.regex.is_match(t), "{}: {t}", c.id);
            }
        }
        let c = LazyRegex::check(
            r"(?i)\bsubattacks?\b\s+(?P<value>\d+)".into(),
            &["attacks 12"],
        );
        let c = c.unwrap();
        assert!(!c.matches_any);
        assert!(!c.regex.is_compiled(), "the literals rule the text out");
    }

    #[test]
    fn errors_are_those_of_the_regex_crate() {
        for p in [
            "(",
            "(?P<value>a",
            r"\p{Nope}",
            "a{2,1}",
            "(?P<x>a)(?P<x>b)",
            &format!("{}x{}", "(".repeat(200), ")".repeat(200)),
            "(?:a{1000}){1000}",
            r"(?:\w{100}){100}",
        ] {
            let lazy = LazyRegex::check(p.to_owned(), &[]).err();
            let eager = build_regex(p).err();
            assert_eq!(lazy, eager, "{p}");
            assert!(lazy.is_some(), "{p}");
        }
        let ok = LazyRegex::check(r"(?i)\b(?P<value>\d+)\s+(?P<unit>\w+)".into(), &[]).unwrap();
        assert_eq!(ok.names, ["value", "unit"]);
        assert!(!ok.regex.is_compiled());
        assert!(ok.regex.is_match("12 people"));
        assert!(ok.regex.is_compiled());
    }
}
