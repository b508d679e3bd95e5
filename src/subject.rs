//! Subject mentions in a sentence: exact aliases, near-miss spellings (strsim) and generic
//! references ("the group") that point back to an earlier subject.
//!
//! Resolution is conservative: when two subjects fit a near-miss equally well, there is no match.

use crate::rules::RuleSet;
use crate::text::Span;

/// How a mention was recognised.
#[derive(Debug, Clone, PartialEq)]
pub enum MatchHow {
    /// An alias or the canonical name, verbatim.
    Alias(String),
    /// A near-miss spelling, with its similarity score.
    Fuzzy(String, f64),
    /// A generic phrase of a subject kind, still to be resolved against earlier mentions.
    Reference(String),
}

/// A subject mention in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Where the mention is (document byte offsets).
    pub span: Span,
    /// Index into `RuleSet::subjects`, or `None` for an unresolved generic reference.
    pub subject: Option<usize>,
    /// Subject kind (of the subject, or the kind a reference asks for).
    pub kind: String,
    /// How it was recognised.
    pub how: MatchHow,
}

/// Finds the subject mentions in `text`, whose first byte is at document offset `base`.
pub fn mentions(rules: &RuleSet, text: &str, base: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    if let Some(re) = &rules.matchers.aliases {
        for caps in re.captures_iter(text) {
            let Some(m) = caps.get(1) else { continue };
            if let Some(i) = rules
                .subjects
                .iter()
                .position(|s| s.aliases.iter().any(|a| a == m.as_str()))
            {
                out.push(Mention {
                    span: Span::new(base + m.start(), base + m.end()),
                    subject: Some(i),
                    kind: rules.subjects[i].kind.clone(),
                    how: MatchHow::Alias(m.as_str().to_owned()),
                });
            }
        }
    }
    fuzzy_mentions(rules, text, base, &mut out);
    if let Some(re) = &rules.matchers.references {
        for caps in re.captures_iter(text) {
            let Some(m) = caps.get(1) else { continue };
            let span = Span::new(base + m.start(), base + m.end());
            if out.iter().any(|o| o.span.overlaps(span)) {
                continue;
            }
            let phrase = m.as_str().to_lowercase();
            let kind = rules
                .references
                .iter()
                .find(|r| r.phrase == phrase)
                .map_or_else(String::new, |r| r.kind.clone());
            out.push(Mention {
                span,
                subject: None,
                kind,
                how: MatchHow::Reference(phrase),
            });
        }
    }
    out.sort_by_key(|m| m.span);
    out
}

/// A word of the text with its byte range.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '.' && start.is_some();
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out.into_iter()
        .map(|(s, e)| (s, s + text[s..e].trim_end_matches(['.', '-']).len()))
        .filter(|(s, e)| e > s)
        .collect()
}

/// Near-miss spellings of aliases ("IS-Khorisan" for "IS-Khorasan"), by normalised
/// Damerau-Levenshtein similarity over windows of as many words as the alias has.
fn fuzzy_mentions(rules: &RuleSet, text: &str, base: usize, out: &mut Vec<Mention>) {
    let ws = words(text);
    for n in 1..=4usize {
        for win in ws.windows(n) {
            let (s, e) = (win[0].0, win[n - 1].1);
            let cand = &text[s..e];
            if cand.len() < 6 || !cand.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let span = Span::new(base + s, base + e);
            if out.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            let mut best: Option<(f64, usize, &str)> = None;
            let mut tie = false;
            for (i, subj) in rules.subjects.iter().enumerate() {
                for alias in &subj.aliases {
                    if alias.split_whitespace().count() != n
                        || alias.len().abs_diff(cand.len()) > 2
                        || alias == cand
                    {
                        continue;
                    }
                    let score = strsim::normalized_damerau_levenshtein(
                        &alias.to_lowercase(),
                        &cand.to_lowercase(),
                    );
                    if score < subj.fuzzy {
                        continue;
                    }
                    match best {
                        Some((b, j, _)) if (score - b).abs() < f64::EPSILON && j != i => tie = true,
                        Some((b, _, _)) if score <= b => {}
                        _ => {
                            best = Some((score, i, alias));
                            tie = false;
                        }
                    }
                }
            }
            if let (Some((score, i, alias)), false) = (best, tie) {
                out.push(Mention {
                    span,
                    subject: Some(i),
                    kind: rules.subjects[i].kind.clone(),
                    how: MatchHow::Fuzzy(alias.to_owned(), score),
                });
            }
        }
    }
}

/// Strips determiners and a possessive from a detected name: "the Taliban’s" → "Taliban".
pub fn clean_name(name: &str) -> String {
    let mut s = name
        .trim()
        .trim_matches(|c: char| c == ',' || c == '“' || c == '”' || c == '"');
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(t) = s.strip_suffix(suffix) {
            s = t;
        }
    }
    for prefix in ["The ", "the ", "A ", "a ", "An ", "an "] {
        if let Some(t) = s.strip_prefix(prefix) {
            s = t;
        }
    }
    s.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{RuleSet, RuleText};

    fn rules() -> RuleSet {
        RuleSet::compile(&[RuleText {
            path: "t.yml".into(),
            text: "subjects:\n  - id: iskp\n    name: IS-Khorasan\n    aliases: [ISKP, Islamic State-Khorasan]\n  - id: taliban\n    name: Taliban\n\nreferences:\n  - kind: group\n    phrases: [the group]\n".into(),
        }])
        .unwrap()
    }

    #[test]
    fn misspelled_alias_resolves_fuzzily() {
        let r = rules();
        let m = mentions(&r, "containing IS-Khorisan today", 0);
        assert_eq!(m.len(), 1);
        assert_eq!(r.subjects[m[0].subject.unwrap()].name, "IS-Khorasan");
        assert!(matches!(m[0].how, MatchHow::Fuzzy(_, s) if s > 0.85));
    }

    #[test]
    fn exact_aliases_and_references() {
        let r = rules();
        let m = mentions(&r, "The Taliban fought the group, ISKP.", 10);
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].span, Span::new(14, 21));
        assert_eq!(m[1].how, MatchHow::Reference("the group".into()));
        assert_eq!(m[2].subject, Some(0));
    }

    #[test]
    fn dissimilar_words_do_not_match() {
        let r = rules();
        assert!(mentions(&r, "Khartoum and Kharkiv were quiet", 0).is_empty());
    }

    #[test]
    fn clean_name_strips_determiner_and_possessive() {
        assert_eq!(clean_name("the Taliban’s"), "Taliban");
        assert_eq!(clean_name("A U.N. report"), "U.N. report");
    }
}
