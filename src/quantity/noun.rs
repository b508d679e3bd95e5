//! What follows a number besides a known unit: the counted noun ("143 people", "unicorn
//! startups"), ages ("29-year-old", "aged 87") and rates ("$3,500 a month").

use super::atom::{Atom, set_unit};
use super::token::{Kind, Tok};
use super::units::{self, UnitKind, is_stop, lemma, unit_after};
use super::words::{is_number_word, scale_word};

/// "aged 87", "a man of age 87", "under the age of 5 years".
pub(crate) fn age_before(toks: &[Tok<'_>], a: &mut Atom) {
    let w = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("", |t| t.lower.as_str());
    let p1 = w(a.first.checked_sub(1));
    let p2 = w(a.first.checked_sub(2));
    let aged = p1 == "aged" || p1 == "age" || (p1 == "of" && p2 == "age");
    if !aged || a.known_unit() && a.unit.as_deref() != Some("year") {
        return;
    }
    let text = match &a.unit_text {
        Some(t) => format!("{t} of age"),
        None => "age".to_string(),
    };
    a.unit = Some("year".to_string());
    a.unit_text = Some(text);
    a.unit_kind = Some(UnitKind::Measure);
}

/// "29-year-old", "15 year-old", "30 years old", "3-month-old".
pub(crate) fn age(toks: &[Tok<'_>], a: &mut Atom) -> bool {
    let j = a.end;
    let mut k = j;
    if toks.get(k).is_some_and(|t| t.is_dash() && t.glued()) {
        k += 1;
    }
    let Some(span) = toks.get(k).filter(|t| t.kind == Kind::Word) else {
        return false;
    };
    // "a 87 yo man".
    if k == j
        && matches!(span.lower.as_str(), "yo" | "yrs" | "yr")
        && toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
    {
        set_unit(a, "year", span.text, Some(UnitKind::Measure), k + 1);
        a.unit_text = Some(format!("{} old", span.text));
        return true;
    }
    let unit = match span.lower.as_str() {
        "year" | "years" => "year",
        "month" | "months" => "month",
        "week" | "weeks" => "week",
        "day" | "days" => "day",
        _ => return false,
    };
    let mut m = k + 1;
    if toks.get(m).is_some_and(|t| t.is_dash() && t.glued()) {
        m += 1;
    }
    if !toks.get(m).is_some_and(|t| t.is_word("old")) {
        return false;
    }
    let text = units::joined(toks, j, m + 1);
    let text = text.trim_start_matches(['-', '–']).to_string();
    set_unit(a, unit, &text, Some(UnitKind::Measure), m + 1);
    true
}

/// Verbs that follow a bare count ("60 remain in hospital"); they never name what is counted.
const VERBS: &[&str] = &[
    "remain", "stay", "live", "work", "die", "say", "claim", "face", "need", "want", "come", "go",
    "make", "take", "get", "see", "show", "report", "flee", "fled", "include", "hold", "wait",
    "return", "lose", "win", "join", "leave", "left", "died", "were", "are", "have", "had", "did",
    "do", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "got",
    "went", "came", "took", "made", "saw", "fell", "rose", "became", "become", "seem",
];

/// The noun a count refers to: "143 people", "4,000 fighters", "unicorn startups", "30-page".
pub(crate) fn counted_noun(
    toks: &[Tok<'_>],
    j: usize,
    hyphen: bool,
) -> Option<(String, String, usize)> {
    let t = toks.get(j)?;
    if t.glued() && !hyphen {
        return None;
    }
    // Up to three words: "people", "unicorn startups", "public housing properties", "NBA teams".
    let mut words: Vec<(usize, bool)> = Vec::new();
    let mut k = j;
    while words.len() < 3 {
        let Some(w) = noun_word(toks, k) else { break };
        words.push(w);
        k = w.0;
        if hyphen || !toks.get(k).is_some_and(|n| n.space_before) {
            break;
        }
    }
    let plural = |w: &str| lemma(w) != w.to_lowercase();
    let lower = |k: usize| toks[k].text.starts_with(char::is_lowercase);
    let mut from = j;
    for &(e, modifier_only) in &words {
        let last = units::joined(toks, from, e);
        // The last word is a lowercase plural noun; capitalised words may only modify it.
        if plural(&last) && !modifier_only && lower(from) {
            let head = units::joined(toks, j, from).to_lowercase();
            let last = lemma(&last);
            let norm = if head.is_empty() {
                last
            } else {
                format!("{head} {last}")
            };
            return Some((norm, units::joined(toks, j, e), e));
        }
        from = e;
    }
    let &(e, modifier_only) = words.first()?;
    let word = units::joined(toks, j, e);
    let verb = VERBS.contains(&word.to_lowercase().as_str());
    (lower(j) && !modifier_only && !verb && !word.ends_with('s'))
        .then(|| (word.to_lowercase(), word, e))
}

/// One word of a counted noun at token `k` (hyphenated compounds such as "first-team" count as
/// one word): the token after it, and whether it may only modify a noun ("charging stations").
fn noun_word(toks: &[Tok<'_>], k: usize) -> Option<(usize, bool)> {
    let t = toks.get(k)?;
    let w = t.lower.as_str();
    let n = w.chars().count();
    let compound = toks.get(k + 1).is_some_and(|d| d.is_dash() && d.glued())
        && toks
            .get(k + 2)
            .is_some_and(|w2| w2.glued() && w2.kind == Kind::Word);
    let verbish =
        (n >= 5 && w.ends_with("ed") && !w.ends_with("eed")) || (n >= 6 && w.ends_with("ing"));
    let usable = t.kind == Kind::Word
        && n > 1
        && !is_stop(w)
        && !is_number_word(w)
        && scale_word(w).is_none()
        && !w.ends_with("ly")
        && (compound || !is_comparative(w))
        && super::cue::change_verb(w).is_none();
    if !usable {
        return None;
    }
    let modifier_only = verbish
        || t.text.chars().all(char::is_uppercase)
        || !t.text.starts_with(char::is_lowercase);
    Some((if compound { k + 3 } else { k + 1 }, modifier_only))
}

/// Comparatives and other words that follow numbers without naming what is counted.
fn is_comparative(w: &str) -> bool {
    matches!(
        w,
        "cheaper"
            | "higher"
            | "lower"
            | "bigger"
            | "smaller"
            | "larger"
            | "greater"
            | "better"
            | "worse"
            | "older"
            | "younger"
            | "longer"
            | "shorter"
            | "faster"
            | "slower"
            | "fewer"
            | "last"
            | "next"
            | "first"
            | "second"
            | "third"
    )
}

/// "of" + noun after a vague plural: "dozens of people", "tens of millions of dollars".
pub(crate) fn attach_of_noun(toks: &[Tok<'_>], a: &mut Atom) {
    let j = a.end;
    if !toks.get(j).is_some_and(|t| t.is_word("of")) {
        return;
    }
    if let Some(u) = unit_after(toks, j + 1) {
        let text = units::joined(toks, j + 1, u.end);
        set_unit(a, &u.norm, &text, Some(u.kind), u.end);
        return;
    }
    let Some(t) = toks
        .get(j + 1)
        .filter(|t| t.kind == Kind::Word && !is_stop(&t.lower))
    else {
        return;
    };
    let next = toks
        .get(j + 2)
        .filter(|n| n.kind == Kind::Word && !is_stop(&n.lower) && n.space_before);
    match next {
        Some(n) if lemma(&n.lower) != n.lower && lemma(&t.lower) == t.lower => {
            let norm = format!("{} {}", t.lower, lemma(&n.lower));
            set_unit(a, &norm, &units::joined(toks, j + 1, j + 3), None, j + 3);
        }
        _ => set_unit(a, &lemma(&t.lower), t.text, None, j + 2),
    }
}

/// "$3,500 a month", "325,000 barrels per day", "78,000 times a minute".
pub(crate) fn rate(toks: &[Tok<'_>], a: &mut Atom) {
    let Some(unit) = a.unit.clone() else { return };
    if a.unit_kind == Some(UnitKind::Percent) || unit.contains(" per ") {
        return;
    }
    let j = a.end;
    let Some(per_tok) = toks
        .get(j)
        .filter(|t| matches!(t.lower.as_str(), "a" | "an" | "per"))
    else {
        return;
    };
    let Some(noun) = toks
        .get(j + 1)
        .filter(|n| n.kind == Kind::Word && !is_stop(&n.lower))
    else {
        return;
    };
    // "a year earlier" dates the number; it is not a rate.
    if toks.get(j + 2).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "earlier" | "ago" | "later" | "before" | "after" | "prior"
        )
    }) {
        return;
    }
    let known = unit_after(toks, j + 1).filter(|u| u.end == j + 2);
    let per = match known {
        Some(u) => u.norm,
        None if per_tok.lower == "per"
            || matches!(
                noun.lower.as_str(),
                "share" | "head" | "person" | "piece" | "night" | "game" | "unit"
            ) =>
        {
            lemma(&noun.lower)
        }
        None => return,
    };
    let written = units::joined(toks, j, j + 2);
    a.unit = Some(format!("{unit} per {per}"));
    a.unit_text = Some(format!(
        "{} {written}",
        a.unit_text.clone().unwrap_or_default()
    ));
    a.end = j + 2;
}
