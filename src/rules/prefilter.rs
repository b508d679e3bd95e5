//! The claim prefilter: which claim rules may match a sentence, from the literals they require.
//!
//! Every claim rule comes with a set of literals one of which each of its matches contains (see
//! `required_literals` in `compile.rs`), or none (the rule is then always a candidate). One
//! Aho-Corasick automaton holds the literals of all rules, each mapped to the rules that require
//! it, so a sentence costs one pass over its bytes plus the rules whose literals it contains,
//! however many rules there are.
//!
//! The claim patterns are Unicode case-insensitive; the automaton is ASCII case-insensitive.
//! They agree on a literal made of ASCII characters and of non-ASCII characters without case
//! variants (under Unicode simple case folding, which `regex` uses), *except* where the text has
//! one of the few non-ASCII characters that fold to an ASCII letter (U+212A KELVIN SIGN to `k`,
//! U+017F LONG S to `s`). So:
//!
//! * a rule whose literals contain a non-ASCII character with case variants is always a
//!   candidate;
//! * a sentence that contains a character folding to an ASCII letter makes every rule a
//!   candidate.
//!
//! Otherwise a Unicode case-insensitive match of a literal is an ASCII case-insensitive one, and
//! the automaton finds it. The prefilter only narrows which rules run; the rule's own regex
//! decides, so results are those of running every rule on every sentence.

use aho_corasick::{AhoCorasick, MatchKind};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Which claim rules may match a text.
#[derive(Debug, Clone)]
pub struct ClaimPrefilter {
    /// All literals of all rules (ASCII case-insensitive), or `None` when no rule has any.
    automaton: Option<AhoCorasick>,
    /// Rules (ascending) requiring each automaton pattern.
    rules_of: Vec<Vec<u32>>,
    /// Rules that are candidates for every text (ascending).
    always: Vec<u32>,
    /// Per rule, its required literals (`None`: always a candidate), as the rules gave them.
    literals: Vec<Option<Vec<String>>>,
}

impl ClaimPrefilter {
    /// A prefilter for rules `0..literals.len()`, rule `i` requiring one of `literals[i]` (or
    /// nothing, for `None`). `None` if the automaton cannot be built (every rule then runs).
    pub(crate) fn new(literals: Vec<Option<Vec<String>>>) -> Option<ClaimPrefilter> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut rules_of: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        for (i, lits) in literals.iter().enumerate() {
            let rule = u32::try_from(i).ok()?;
            let usable = lits
                .as_ref()
                .filter(|l| !l.is_empty() && l.iter().all(|x| usable_literal(x)));
            let Some(lits) = usable else {
                always.push(rule);
                continue;
            };
            for l in lits {
                let key = l.to_ascii_lowercase();
                let p = *index.entry(key.clone()).or_insert_with(|| {
                    patterns.push(key);
                    rules_of.push(Vec::new());
                    patterns.len() - 1
                });
                if rules_of[p].last() != Some(&rule) {
                    rules_of[p].push(rule);
                }
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .ok()?,
            )
        };
        Some(ClaimPrefilter {
            automaton,
            rules_of,
            always,
            literals,
        })
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.literals.len()
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.literals.is_empty()
    }

    /// The rules that may match `text`, ascending.
    pub fn matches(&self, text: &str) -> Vec<usize> {
        if folds_to_ascii(text) {
            return (0..self.len()).collect();
        }
        let mut out: Vec<usize> = self.always.iter().map(|&r| r as usize).collect();
        if let Some(ac) = &self.automaton {
            let mut seen: Vec<usize> = ac
                .find_overlapping_iter(text)
                .map(|m| m.pattern().as_usize())
                .collect();
            if !seen.is_empty() {
                seen.sort_unstable();
                seen.dedup();
                for p in seen {
                    out.extend(self.rules_of[p].iter().map(|&r| r as usize));
                }
                out.sort_unstable();
                out.dedup();
            }
        }
        out
    }

    /// Per rule, the prefilter as a regex: `(?i)(?:lit|…)`, or `(?:)` for a rule that is always
    /// a candidate (what `examples/dump_patterns.rs` prints for the benchmark's regex scan).
    pub fn patterns(&self) -> Vec<String> {
        self.literals
            .iter()
            .map(|l| match l {
                Some(lits) if !lits.is_empty() => literal_alternation(lits),
                _ => "(?:)".to_owned(),
            })
            .collect()
    }
}

/// `(?i)(?:a|b|…)`, literals escaped.
fn literal_alternation(lits: &[String]) -> String {
    let body = lits
        .iter()
        .map(|l| regex::escape(l))
        .collect::<Vec<_>>()
        .join("|");
    format!("(?i)(?:{body})")
}

/// Whether the prefilter keeps `text` for a rule requiring one of `lits`: exactly what
/// [`ClaimPrefilter::matches`] decides for that rule.
pub(crate) fn keeps(lits: &[String], text: &str) -> bool {
    if lits.is_empty() || !lits.iter().all(|l| usable_literal(l)) || folds_to_ascii(text) {
        return true;
    }
    let t = text.as_bytes();
    lits.iter().any(|l| {
        let l = l.as_bytes();
        t.windows(l.len()).any(|w| w.eq_ignore_ascii_case(l))
    })
}

/// Whether a literal can go into the automaton: not empty, and [`ascii_foldable`].
fn usable_literal(lit: &str) -> bool {
    !lit.is_empty() && ascii_foldable(lit)
}

/// Whether every character of a literal either is ASCII or has no case variants under Unicode
/// simple case folding (so that ASCII case-insensitive search finds it as `(?i)` would).
fn ascii_foldable(lit: &str) -> bool {
    lit.chars().all(|c| {
        if c.is_ascii() {
            return true;
        }
        let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
        class.case_fold_simple();
        class.ranges() == [ClassUnicodeRange::new(c, c)]
    })
}

/// Whether `text` has a non-ASCII character that folds to an ASCII letter (KELVIN SIGN, LONG S;
/// computed from the folding tables `regex` uses).
fn folds_to_ascii(text: &str) -> bool {
    static FOLDERS: OnceLock<Vec<ClassUnicodeRange>> = OnceLock::new();
    if text.is_ascii() {
        return false;
    }
    let folders = FOLDERS.get_or_init(|| {
        let mut letters = ClassUnicode::new([
            ClassUnicodeRange::new('A', 'Z'),
            ClassUnicodeRange::new('a', 'z'),
        ]);
        letters.case_fold_simple();
        let ascii = ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]);
        letters.difference(&ascii);
        letters.ranges().to_vec()
    });
    text.chars()
        .any(|c| !c.is_ascii() && folders.iter().any(|r| r.start() <= c && c <= r.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(xs: &[&str]) -> Option<Vec<String>> {
        Some(xs.iter().map(|x| (*x).to_owned()).collect())
    }

    #[test]
    fn rules_run_only_on_texts_with_their_literals() {
        let p = ClaimPrefilter::new(vec![
            lits(&["killed", "dead"]),
            None,
            lits(&["attack"]),
            lits(&["Erdoğan"]),
            lits(&["“said"]),
            lits(&["dead"]),
        ])
        .unwrap();
        assert_eq!(p.matches("Ten were KILLED."), [0, 1, 3]);
        assert_eq!(p.matches("the dead and the attacks"), [0, 1, 2, 3, 5]);
        assert_eq!(p.matches("nothing here"), [1, 3]);
        assert_eq!(p.matches("he “SAID"), [1, 3, 4]);
        // U+212A KELVIN SIGN folds to `k`: every rule is a candidate.
        assert_eq!(p.matches("\u{212a}illed"), [0, 1, 2, 3, 4, 5]);
        assert_eq!(p.patterns()[1], "(?:)");
        assert_eq!(p.patterns()[0], "(?i)(?:killed|dead)");
    }

    #[test]
    fn folding_characters_are_the_known_ones() {
        assert!(folds_to_ascii("\u{17f}"));
        assert!(folds_to_ascii("x\u{212a}"));
        assert!(!folds_to_ascii("Erdoğan Ünal “é”"));
        assert!(ascii_foldable("“x’ 12%"));
        assert!(!ascii_foldable("é"));
        assert!(!ascii_foldable("ǅ"));
    }

    /// `keeps` is what the automaton decides, and never drops a `(?i)` match of a literal.
    #[test]
    fn keeps_agrees_with_the_automaton_and_unicode_case_folding() {
        let words = [
            "killed", "KILLED", "ſaid", "said", "Ünal", "ünal", "“", "k", "\u{212a}", "é", "É",
            "x", " ", "’s", "İ", "i", "ß", "SS",
        ];
        let mut state = 3u64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize
        };
        for _ in 0..2000 {
            let mut make =
                |n: usize| -> String { (0..n).map(|_| words[next() % words.len()]).collect() };
            let l1 = make(2);
            let l2 = make(1);
            let text = make(4);
            let ls = vec![l1.clone(), l2.clone()];
            let p = ClaimPrefilter::new(vec![Some(ls.clone())]).unwrap();
            let kept = keeps(&ls, &text);
            assert_eq!(kept, p.matches(&text) == [0], "{ls:?} {text:?}");
            let re = regex::Regex::new(&literal_alternation(&ls)).unwrap();
            assert!(kept || !re.is_match(&text), "{ls:?} {text:?}");
        }
    }
}
