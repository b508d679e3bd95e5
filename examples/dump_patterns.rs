//! Prints, one regex a line, patterns made from the built-in rules, for `rg -f` in
//! `bench/run.sh`.
//!
//! ```text
//! dump_patterns                  # the scan limit: cues, claim literals, numbers
//! dump_patterns --full           # every claim pattern in full, as the engine confirms it
//! dump_patterns --full --ascii   # the same with ASCII word boundaries `(?-u:\b)`
//! ```
//!
//! The default set is what a regex scan has to look for at the very least to find what the
//! engine finds: the attribution cues (reporting verbs and prefixes such as "according to",
//! exactly as the engine compiles them), the literals one of which each claim pattern needs
//! (the engine's own claim prefilter, see `claim_prefilter` in `src/rules/compile.rs`), and the
//! number patterns of `rules/core.yml` (`{num}` and `{pct}`). `--full` adds nothing the engine
//! does not run either: the complete claim patterns, macros expanded, with capture names
//! dropped (`(?P<value>` → `(?:`) so that the lines can be joined into one alternation.

use std::collections::BTreeSet;

fn main() {
    let full = std::env::args().any(|a| a == "--full");
    let ascii = std::env::args().any(|a| a == "--ascii");
    let rules = crosscheck::rules::RuleSet::builtin().expect("built-in rules");
    let m = &rules.matchers;
    let mut out: Vec<String> = Vec::new();
    for cue in [&m.verbs, &m.prefixes].into_iter().flatten() {
        out.push(cue.as_str().to_owned());
    }
    if full {
        out.extend(rules.claims.iter().map(|c| strip_names(c.regex.as_str())));
    } else {
        let mut seen = BTreeSet::new();
        if let Some(set) = &m.claim_set {
            for p in set.patterns() {
                if p != "(?:)" && seen.insert(p.clone()) {
                    out.push(p.clone());
                }
            }
        }
        out.extend(number_patterns());
    }
    for p in out {
        println!("{}", if ascii { ascii_boundaries(&p) } else { p });
    }
}

/// `{num}` and `{pct}` from the built-in `core.yml`, expanded.
fn number_patterns() -> Vec<String> {
    let core = crosscheck::rules::BUILTIN
        .iter()
        .find(|(name, _)| *name == "core.yml")
        .map(|(_, text)| *text)
        .expect("core.yml");
    let doc: serde_yaml::Value = serde_yaml::from_str(core).expect("core.yml");
    let macros = doc
        .get("macros")
        .and_then(|m| m.as_mapping())
        .cloned()
        .unwrap_or_default();
    let get = |k: &str| {
        macros
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned()
    };
    let num = get("num");
    let pct = get("pct").replace("{num}", &format!("(?:{num})"));
    [num, pct].into_iter().filter(|p| !p.is_empty()).collect()
}

/// `(?P<name>` and `(?<name>` → `(?:`.
fn strip_names(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(k) = rest.find("(?") {
        out.push_str(&rest[..k]);
        let after = &rest[k + 2..];
        let escaped = out.ends_with('\\') && !out.ends_with("\\\\");
        let named = after.starts_with("P<")
            || after.starts_with('<') && !after.starts_with("<=") && !after.starts_with("<!");
        match after.find('>') {
            Some(close) if named && !escaped => {
                out.push_str("(?:");
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str("(?");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Unicode `\b` → `(?-u:\b)` (escapes and classes respected).
fn ascii_boundaries(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 32);
    let mut chars = p.chars();
    let mut in_class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if in_class == 0 => out.push_str("(?-u:\\b)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class += 1;
                out.push(c);
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}
