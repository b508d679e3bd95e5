//! What a sentence is about, as a set of word stems: a denial and the claim it denies share
//! their event's words ("no evidence that coalition forces killed any non-combatants" and "a
//! coalition air strike had claimed the lives of 11 civilians").
//!
//! Stems are crude and language-bound (English): lower case, a plural or past ending dropped,
//! the first five letters kept, so "killed", "killing" and "kills" agree, as do "unemployed" and
//! "unemployment". Counted nouns go through the rules' `units` first ("non-combatant" →
//! "civilian", "troop" → "soldier").

use std::collections::BTreeSet;

/// Words that say nothing about an event: function words, reporting and denial vocabulary,
/// days, and numbers in words.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "for",
    "in",
    "on",
    "at",
    "to",
    "and",
    "or",
    "but",
    "with",
    "by",
    "from",
    "that",
    "this",
    "these",
    "those",
    "such",
    "it",
    "its",
    "they",
    "their",
    "them",
    "he",
    "his",
    "she",
    "her",
    "we",
    "our",
    "i",
    "you",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "not",
    "no",
    "any",
    "all",
    "as",
    "after",
    "before",
    "there",
    "here",
    "also",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "about",
    "than",
    "more",
    "over",
    "some",
    "who",
    "which",
    "what",
    "when",
    "where",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tell",
    "added",
    "according",
    "reported",
    "report",
    "reports",
    "reporting",
    "claim",
    "claims",
    "claimed",
    "deny",
    "denies",
    "denied",
    "denying",
    "denial",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "dispute",
    "disputes",
    "disputed",
    "disputing",
    "dismissed",
    "evidence",
    "false",
    "untrue",
    "baseless",
    "true",
    "information",
    "otherwise",
    "suggesting",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "statement",
    "statements",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "did",
    "does",
    "do",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "last",
    "late",
    "earlier",
    "later",
    "people",
    "percent",
    "news",
    "conference",
    "during",
];

/// The stem of a word, or `None` for a word that says nothing about an event.
fn stem(word: &str, synonym: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let w = word
        .to_lowercase()
        .replace('’', "'")
        .trim_end_matches("'s")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned();
    if w.len() < 3 || STOP.contains(&w.as_str()) || w.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let singular = w
        .strip_suffix('s')
        .filter(|s| !s.ends_with('s'))
        .unwrap_or(&w);
    let w = synonym(singular).unwrap_or_else(|| w.clone());
    let base = if let Some(b) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")) {
        format!("{b}y")
    } else if let Some(b) = w.strip_suffix("ing").or_else(|| w.strip_suffix("ed")) {
        b.to_owned()
    } else {
        w.strip_suffix('s')
            .filter(|s| !s.ends_with('s'))
            .unwrap_or(&w)
            .to_owned()
    };
    (base.len() >= 3).then(|| base.chars().take(5).collect())
}

/// The stems of a text's event words.
pub fn stems(text: &str, synonym: &dyn Fn(&str) -> Option<String>) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .filter_map(|w| stem(w, synonym))
        .collect()
}

/// Whether a denial's own words point back at something said before ("reports suggesting
/// otherwise are baseless", "such information is propaganda").
pub fn is_anaphoric(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "otherwise" | "such" | "this" | "these" | "those"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    fn civilians(w: &str) -> Option<String> {
        (w == "non-combatant").then(|| "civilian".to_owned())
    }

    #[test]
    fn inflections_share_a_stem() {
        let a = stems("soldiers were killed in the attacks", &none);
        let b = stems("killing a soldier in an attack", &none);
        assert_eq!(a, b);
        let a = stems("the unemployment rate", &none);
        assert!(a.contains("unemp"));
        assert!(stems("carried out", &none).is_subset(&stems("carry out", &none)));
    }

    #[test]
    fn reporting_and_denial_words_are_not_topics() {
        assert!(stems("officials denied the reports, saying it was false", &none).is_empty());
    }

    #[test]
    fn synonyms_from_the_rules_join() {
        let a = stems("killed any non-combatants", &civilians);
        let b = stems("claimed the lives of 11 civilians", &civilians);
        assert!(a.intersection(&b).any(|s| s == "civil"));
        // Without the synonym they share nothing.
        let c = stems("killed any non-combatants", &none);
        assert!(c.is_disjoint(&b));
    }

    #[test]
    fn anaphoric_denials_are_recognised() {
        assert!(is_anaphoric("reports suggesting otherwise are baseless"));
        assert!(!is_anaphoric("the new figures are unrealistic"));
    }
}
