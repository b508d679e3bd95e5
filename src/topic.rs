//! What a sentence is about, as a set of word stems: a denial and the claim it denies share
//! their event's words ("no evidence that coalition forces killed any non-combatants" and "a
//! coalition air strike had claimed the lives of 11 civilians").
//!
//! Stems are crude and language-bound (English): lower case, a plural or past ending dropped,
//! the first five letters kept, so "killed", "killing" and "kills" agree, as do "unemployed" and
//! "unemployment". Counted nouns go through the rules' `units` first ("non-combatant" →
//! "civilian", "troop" → "soldier"), and stems through the rules' `event_words` after ("raid" →
//! "attack").

use std::collections::{BTreeMap, BTreeSet};

/// The rules' word lists that topic stems go through.
#[derive(Debug, Clone, Copy, Default)]
pub struct Words<'a> {
    /// Counted nouns (singular, lower case) → their unit ("troop" → "soldier").
    pub units: Option<&'a BTreeMap<String, String>>,
    /// Stems of words for one event → the stem of the group's head ("assau" → "attac").
    pub events: Option<&'a BTreeMap<String, String>>,
}

impl Words<'_> {
    fn unit(&self, word: &str) -> Option<String> {
        self.units.and_then(|u| u.get(word)).cloned()
    }
}

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
fn stem(word: &str, words: &Words<'_>) -> Option<String> {
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
    let w = words.unit(singular).unwrap_or_else(|| w.clone());
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
    // "seize" and "seized", "force" and "forcing" agree.
    let base = match base.strip_suffix('e') {
        Some(b) if b.len() >= 3 => b,
        _ => &base,
    };
    // "rigged" and "rig", "planned" and "plan": an ending doubles a final consonant ("killed"
    // keeps its "ll": "kill" has it too).
    let base = undouble(base);
    let stem: String = base.chars().take(5).collect();
    // "assault" and "raid" name what "attack" does (the rules' `event_words`).
    (base.len() >= 3).then(|| {
        words
            .events
            .and_then(|e| e.get(&stem))
            .cloned()
            .unwrap_or(stem)
    })
}

/// A word without the consonant an ending doubled ("rigg" of "rigged" → "rig"); "l", "s", "z"
/// and "f" stay doubled, as in "kill", "press", "buzz", "staff".
fn undouble(base: &str) -> &str {
    let mut end = base.chars().rev();
    match (end.next(), end.next()) {
        (Some(a), Some(b))
            if a == b
                && base.len() >= 4
                && a.is_ascii_alphabetic()
                && !matches!(a, 'a' | 'e' | 'i' | 'o' | 'u' | 'l' | 's' | 'z' | 'f') =>
        {
            &base[..base.len() - 1]
        }
        _ => base,
    }
}

/// The stem of one word with no word lists: how the rules' `event_words` are keyed.
pub fn plain_stem(word: &str) -> Option<String> {
    stem(word, &Words::default())
}

/// Phrases that name a capture in several words: "took control of the town", "pushed them out
/// of the town", "drove out government forces".
static CAPTURE_PHRASES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:(?:take|takes|took|taken|taking|gain|gains|gained|gaining|seize|seized|seizing)\s+(?:full\s+|effective\s+)?control|(?:push|pushes|pushed|pushing|drive|drives|drove|driven|driving)\s+(?:[\p{L}'’-]+\s+){0,3}?out)\b",
    )
    .expect("the capture-phrase pattern compiles")
});

/// The stems of a text's event words. A capture told in several words counts as "captured".
pub fn stems(text: &str, words: &Words<'_>) -> BTreeSet<String> {
    let text = CAPTURE_PHRASES.replace_all(text, " captured ");
    text.split(is_break)
        .filter_map(|w| stem(w, words))
        .collect()
}

/// Words between a negation and what it negates that name no event: light verbs and frames
/// ("not in a position to carry out such an attack" negates the attack, "never really wanted" the
/// wanting).
const LIGHT: &[&str] = &[
    "being",
    "yet",
    "really",
    "even",
    "ever",
    "actually",
    "necessarily",
    "longer",
    "position",
    "able",
    "going",
    "carry",
    "carried",
    "carrying",
    "out",
    "take",
    "taken",
    "took",
    "part",
    "make",
    "made",
    "get",
    "got",
    "gotten",
    "single",
    "way",
    "sign",
    "signs",
    "proof",
    "indication",
    "indications",
    "reason",
    "enough",
    "much",
    "many",
    "immediately",
    "known",
];

/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "because", "which", "who", "whom", "whose", "where", "when", "if", "unless", "since",
    "although", "though", "whereas", "while", "after", "before",
];

/// Verbs of a failed attempt: "tried to seize the town but were repulsed" says the town was not
/// seized.
const ATTEMPTS: &[&str] = &["tried to ", "attempted to ", "sought to "];

/// What a negated clause says did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Negated {
    /// Stem of the first event word after the negation: the negated predicate ("pushed" in
    /// "have not been pushed out of the capital").
    pub head: String,
    /// Stems of the negated clause from the head to its end.
    pub scope: BTreeSet<String>,
}

/// The negated predicate of a text, if the text says something did not happen: a negation word
/// (from the rules' `negations`, or a contraction such as "don't") or a failed attempt ("tried to
/// X but …"), followed within its clause by an event word. Only the first negation counts.
pub fn negated(text: &str, negation: Option<&regex::Regex>, words: &Words<'_>) -> Option<Negated> {
    let lower = text.to_lowercase();
    let word_neg = negation
        .and_then(|re| re.captures(&lower))
        .and_then(|c| c.get(1))
        .map(|m| m.end());
    let contraction = lower
        .split_whitespace()
        .find(|w| w.ends_with("n't") || w.ends_with("n’t"))
        .and_then(|w| lower.find(w).map(|i| i + w.len()));
    let attempt = ATTEMPTS
        .iter()
        .filter_map(|a| lower.find(a).map(|i| i + a.len()))
        .filter(|&i| lower[i..].contains(" but "))
        .min();
    let from = [word_neg, contraction, attempt]
        .into_iter()
        .flatten()
        .min()?;
    // A negation inside a subordinate clause ("false, because they are based on prices at which
    // one cannot obtain goods") does not negate what the statement asserts.
    if lower[..from]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| SUBORDINATORS.contains(&w))
    {
        return None;
    }
    let rest = &lower[from..];
    let end = [",", ";", " but ", " because ", " although ", " while "]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .unwrap_or(rest.len());
    // The words as written, to tell names from predicates (lower-casing rarely changes a text's
    // length; if it did, case is not consulted).
    let written = (lower.len() == text.len())
        .then(|| text.get(from..from + end))
        .flatten()
        .unwrap_or(&rest[..end]);
    let is_light = |w: &str| {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        LIGHT.contains(&bare.as_str())
    };
    let mut events = written
        .split(is_break)
        .filter(|w| !is_light(w))
        .filter_map(|w| Some((stem(w, words)?, w.starts_with(char::is_uppercase))));
    // The first event word; a name there ("no more Fulani men left") is an argument, not a
    // predicate: the clause negates no action.
    let (head, capital) = events.next()?;
    if capital {
        return None;
    }
    let mut scope: BTreeSet<String> = events.map(|(s, _)| s).collect();
    scope.insert(head.clone());
    Some(Negated { head, scope })
}

/// Word breaks for topic words.
fn is_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, '—' | '–' | '/')
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

    const NONE: Words<'static> = Words {
        units: None,
        events: None,
    };

    #[test]
    fn inflections_share_a_stem() {
        let a = stems("soldiers were killed in the attacks", &NONE);
        let b = stems("killing a soldier in an attack", &NONE);
        assert_eq!(a, b);
        let a = stems("the unemployment rate", &NONE);
        assert!(a.contains("unemp"));
        assert!(stems("carried out", &NONE).is_subset(&stems("carry out", &NONE)));
        assert_eq!(stems("seized", &NONE), stems("seize", &NONE));
        assert_eq!(stems("rigged", &NONE), stems("rig", &NONE));
        assert_eq!(stems("planned", &NONE), stems("plan", &NONE));
        assert_eq!(stems("killed", &NONE), stems("kill", &NONE));
        assert_eq!(stems("pressed", &NONE), stems("press", &NONE));
    }

    #[test]
    fn a_capture_in_several_words_is_a_capture() {
        let captured = stems("captured", &NONE);
        for text in [
            "have taken control of a remote town",
            "pushed them out of the town",
            "drove out government forces",
            "the rebels took full control",
        ] {
            assert!(
                stems(text, &NONE).is_superset(&captured),
                "{text}: {:?}",
                stems(text, &NONE)
            );
        }
        assert!(stems("took part in the talks", &NONE).is_disjoint(&captured));
    }

    #[test]
    fn reporting_and_denial_words_are_not_topics() {
        assert!(stems("officials denied the reports, saying it was false", &NONE).is_empty());
    }

    #[test]
    fn synonyms_from_the_rules_join() {
        let units = BTreeMap::from([("non-combatant".to_owned(), "civilian".to_owned())]);
        let civilians = Words {
            units: Some(&units),
            events: None,
        };
        let a = stems("killed any non-combatants", &civilians);
        let b = stems("claimed the lives of 11 civilians", &civilians);
        assert!(a.intersection(&b).any(|s| s == "civil"));
        // Without the synonym they share nothing.
        let c = stems("killed any non-combatants", &NONE);
        assert!(c.is_disjoint(&b));
    }

    #[test]
    fn event_words_from_the_rules_join_in_any_inflection() {
        let head = plain_stem("attack").unwrap();
        let events: BTreeMap<String, String> = ["assault", "raid"]
            .iter()
            .map(|w| (plain_stem(w).unwrap(), head.clone()))
            .collect();
        let words = Words {
            units: None,
            events: Some(&events),
        };
        let a = stems("gunmen raided the village", &words);
        let b = stems("the attack took place at night", &words);
        assert!(a.contains("attac") && b.contains("attac"));
        // Without the list they share nothing.
        assert!(stems("gunmen raided the village", &NONE).is_disjoint(&b));
    }

    #[test]
    fn anaphoric_denials_are_recognised() {
        assert!(is_anaphoric("reports suggesting otherwise are baseless"));
        assert!(!is_anaphoric("the new figures are unrealistic"));
    }

    #[test]
    fn negated_predicates_are_found() {
        let neg =
            regex::Regex::new(r"(?i)(?:^|[^\p{L}])(not|never|no|no longer)(?:$|[^\p{L}])").unwrap();
        let n = |t: &str| negated(t, Some(&neg), &NONE).map(|n| n.head);
        assert_eq!(
            n("his fighters have not been pushed out of the city").as_deref(),
            Some("push")
        );
        assert_eq!(
            n("the two groups are not working together").as_deref(),
            Some("work")
        );
        assert_eq!(
            n("the group is not in a position to carry out such an attack").as_deref(),
            Some("attac")
        );
        assert_eq!(
            n("they don't want to implement this accord").as_deref(),
            Some("want")
        );
        assert_eq!(
            n("they tried to seize the town but were repulsed").as_deref(),
            Some("seiz")
        );
        assert_eq!(
            n("there is no division within the movement").as_deref(),
            Some("divis")
        );
        // A clause with no event word after its negation, and an affirmative one.
        assert_eq!(n("that is not true"), None);
        assert_eq!(n("there are no more Fulani men left in the villages"), None);
        assert_eq!(
            n("the data are false because nobody can buy goods at prices which are not real"),
            None
        );
        assert_eq!(n("the rebels pushed the army out of the town"), None);
        // An attempt that succeeded is no negation.
        assert_eq!(n("they tried to seize the town"), None);
    }
}
