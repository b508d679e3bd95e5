//! Numbers that are not quantities: years, dates, clock times, ordinals, codes ("COVID-19",
//! "S23") and numbers that belong to names ("Stoxx 600", "iPhone 11"). Parsing is left to `atom`.

use super::atom::{Atom, Skip};
use super::token::{Kind, Tok};
use super::units::{UnitKind, is_month, is_stop};

/// Words that may stand before a capitalised name without making the number part of it.
fn is_function_word(w: &str) -> bool {
    is_stop(w)
        || super::cue::is_lead_word(w)
        || matches!(
            w,
            "some"
                | "nearly"
                | "almost"
                | "around"
                | "roughly"
                | "approximately"
                | "just"
                | "only"
                | "last"
                | "next"
                | "first"
                | "top"
                | "another"
                | "there"
                | "we"
                | "they"
                | "he"
                | "she"
                | "it"
                | "i"
                | "you"
                | "his"
                | "her"
                | "their"
                | "our"
        )
}

/// Words after which a number is part of a name ("S&P 500", "Nasdaq 100", "Category 4").
fn is_name_word(w: &str) -> bool {
    matches!(
        w,
        "sp" | "nasdaq"
            | "stoxx"
            | "ftse"
            | "dax"
            | "cac"
            | "nikkei"
            | "fortune"
            | "russell"
            | "msci"
            | "iphone"
            | "galaxy"
            | "pixel"
            | "windows"
            | "android"
            | "ios"
            | "playstation"
            | "xbox"
            | "covid"
            | "version"
            | "chapter"
            | "section"
            | "article"
            | "route"
            | "interstate"
            | "highway"
            | "category"
            | "level"
            | "phase"
            | "stage"
            | "grade"
            | "episode"
            | "season"
            | "number"
            | "model"
            | "series"
            | "gen"
            | "generation"
            | "mark"
            | "mk"
            | "type"
            | "class"
            | "part"
            | "act"
            | "rule"
            | "apollo"
            | "boeing"
            | "airbus"
            | "euro"
            | "lane"
            | "gate"
            | "platform"
            | "terminal"
            | "room"
            | "ward"
            | "district"
            | "pier"
            | "track"
            | "row"
    )
}

/// Years, dates, times, ordinals, model names and other numbers that are not quantities.
pub(crate) fn not_a_quantity(toks: &[Tok<'_>], a: &Atom) -> Skip {
    if year(toks, a, a.first.checked_sub(1).and_then(|k| toks.get(k))) {
        return Skip::Year;
    }
    if other_non_quantity(toks, a) {
        Skip::Other
    } else {
        Skip::No
    }
}

/// Dates, times, ordinals, names and codes.
fn other_non_quantity(toks: &[Tok<'_>], a: &Atom) -> bool {
    let prev = a.first.checked_sub(1).and_then(|k| toks.get(k));
    let next = toks.get(a.num_end);
    let first_num = &toks[a.num];
    let before_num = a.num.checked_sub(1).and_then(|k| toks.get(k));
    // Glued to letters before ("S23", "mk5") or after ("3D", "9AB8", "2018s", "22nd").
    if !a.currency_prefix && first_num.kind == Kind::Num && first_num.glued() {
        if before_num.is_some_and(|p| p.kind == Kind::Word) {
            return true;
        }
        if before_num
            .is_some_and(|p| matches!(p.text, "%" | "=" | "/" | "?" | "&" | "_" | "#" | "@" | ":"))
        {
            return true;
        }
    }
    // Joined by a hyphen to a word: "COVID-19", "TA-25", "V-6", "last-32", "mid-1972".
    if a.sign == 0 && first_num.glued() && before_num.is_some_and(Tok::is_dash) {
        let word = a.num.checked_sub(2).and_then(|k| toks.get(k));
        // "5k-20k": the word before the hyphen is a multiplier of another number.
        let of_number = word.is_some_and(Tok::glued)
            && a.num
                .checked_sub(3)
                .and_then(|k| toks.get(k))
                .is_some_and(|n| n.kind == Kind::Num);
        if before_num.is_some_and(Tok::glued)
            && word.is_some_and(|w| w.kind == Kind::Word && !is_stop(&w.lower))
            && !of_number
        {
            return true;
        }
    }
    if next.is_some_and(|n| n.glued() && n.kind == Kind::Word) && a.end == a.num_end {
        return true;
    }
    if a.words_only && !a.known_unit() && words_not_quantity(toks, a, prev) {
        return true;
    }
    if a.known_unit() && a.unit_kind != Some(UnitKind::Measure) {
        return false;
    }
    time_or_date(toks, a, prev, next) || name_number(a, prev)
}

/// "one" used as a pronoun and hyphenated word compounds such as "one-time".
fn words_not_quantity(toks: &[Tok<'_>], a: &Atom, prev: Option<&Tok<'_>>) -> bool {
    let single_one = a.num_end == a.num + 1 && toks[a.num].lower == "one";
    if !single_one {
        return false;
    }
    let pronoun_before = prev.is_some_and(|p| {
        p.lower == "on"
            || p.lower == "bottom"
            || matches!(
                p.lower.as_str(),
                "the"
                    | "this"
                    | "that"
                    | "which"
                    | "each"
                    | "every"
                    | "no"
                    | "any"
                    | "same"
                    | "another"
                    | "little"
                    | "only"
                    | "such"
                    | "big"
                    | "new"
                    | "last"
                    | "right"
                    | "wrong"
            )
    });
    let after = toks.get(a.num_end);
    let compound = after.is_some_and(|n| n.is_dash() && n.glued());
    let pronoun_after = after.is_some_and(|n| {
        matches!(
            n.lower.as_str(),
            "another"
                | "way"
                | "day"
                | "is"
                | "was"
                | "do"
                | "does"
                | "you"
                | "can"
                | "could"
                | "would"
                | "will"
        )
    });
    pronoun_before || compound || (pronoun_after && a.unit.is_none())
}

/// Clock times ("9:30", "11 a.m."), day numbers next to month names, ordinals.
fn time_or_date(
    toks: &[Tok<'_>],
    a: &Atom,
    prev: Option<&Tok<'_>>,
    next: Option<&Tok<'_>>,
) -> bool {
    if let Some(n) = next {
        if n.glued() && matches!(n.lower.as_str(), "st" | "nd" | "rd" | "th" | "s") {
            return true;
        }
        if n.is_punct(":")
            && n.glued()
            && toks
                .get(a.num_end + 1)
                .is_some_and(|d| d.kind == Kind::Num && d.glued())
        {
            return true;
        }
        if matches!(n.lower.as_str(), "am" | "pm" | "a" | "p")
            && (n.lower.len() == 2 || toks.get(a.num_end + 1).is_some_and(|d| d.is_punct(".")))
        {
            return true;
        }
    }
    if prev.is_some_and(|p| p.is_punct(":") && p.glued()) && toks[a.num].glued() {
        return true;
    }
    let day = a.plain_int && a.low >= 1.0 && a.low <= 31.0 && !a.known_unit();
    if !day {
        return false;
    }
    let month = |t: &Tok<'_>| {
        is_month(&t.lower)
            && (t.text.starts_with(char::is_uppercase)
                || !matches!(t.lower.as_str(), "may" | "march" | "mar"))
    };
    let before = match prev {
        Some(p) if p.is_punct(".") => a.first.checked_sub(2).and_then(|k| toks.get(k)),
        other => other,
    };
    before.is_some_and(month) || next.is_some_and(month)
}

/// Four-digit years: "in 1999", "2023", "since 1991".
fn year(toks: &[Tok<'_>], a: &Atom, prev: Option<&Tok<'_>>) -> bool {
    const LEAD: &[&str] = &[
        "in", "since", "by", "until", "till", "through", "after", "before", "during", "mid",
        "circa", "early", "late", "year", "season", "spring", "summer", "autumn", "fall", "winter",
        "between",
    ];
    let t = &toks[a.num];
    if !(a.plain_int && t.text.len() == 4 && a.sign == 0) || a.known_unit() {
        return false;
    }
    let v = a.low;
    let lead = prev.is_some_and(|p| is_month(&p.lower) || LEAD.contains(&p.lower.as_str()));
    (1900.0..=2100.0).contains(&v) || (lead && (1000.0..=2100.0).contains(&v))
}

/// A number that is part of a name: "Stoxx 600", "iPhone 11", "Big 12", "Planet 9".
fn name_number(a: &Atom, prev: Option<&Tok<'_>>) -> bool {
    let Some(p) = prev else { return false };
    if a.known_unit() || a.words_only || a.currency_prefix {
        return false;
    }
    if p.is_word("no") || p.is_word("nos") || p.is_punct("#") || is_name_word(&p.lower) {
        return true;
    }
    if p.kind != Kind::Word || !p.text.chars().any(char::is_uppercase) {
        return false;
    }
    !(is_function_word(&p.lower) || is_month(&p.lower))
}
