//! Atoms: one number with what is glued to it — sign, currency, multiplier, unit, counted noun.
//! Also decides which numbers are not quantities (years, dates, times, ordinals, model names).
//! Ranges, bounds and directions of change are built from atoms in `scan`.

use super::token::{Kind, Tok};
use super::units::{self, UnitKind, currency_before, is_month, is_stop, lemma, unit_after};
use super::words::{self, is_number_word, scale_word};

/// Why a number is not a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Skip {
    /// It is a quantity.
    No,
    /// It reads as a year.
    Year,
    /// A date, time, ordinal, name or fragment of a code.
    Other,
}

/// One number and what is glued to it.
#[derive(Debug, Clone)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts about one number"
)]
pub(crate) struct Atom {
    /// First token (sign and currency included).
    pub(crate) first: usize,
    /// First token of the number itself.
    pub(crate) num: usize,
    /// Token after the number (multipliers included).
    pub(crate) num_end: usize,
    /// Token after the atom (unit included).
    pub(crate) end: usize,
    /// Lower value (equal to `high` unless vague).
    pub(crate) low: f64,
    /// Upper value.
    pub(crate) high: f64,
    /// A vague plural such as "dozens".
    pub(crate) vague: bool,
    /// Normalized unit.
    pub(crate) unit: Option<String>,
    /// Unit as written.
    pub(crate) unit_text: Option<String>,
    /// Family of a known unit; None for counted nouns.
    pub(crate) unit_kind: Option<UnitKind>,
    /// The currency was written before the number.
    pub(crate) currency_prefix: bool,
    /// Explicit sign: -1, 0 or 1.
    pub(crate) sign: i8,
    /// A single integer literal with no separators.
    pub(crate) plain_int: bool,
    /// A multiplier was applied.
    pub(crate) scaled: bool,
    /// The largest multiplier in the number (1 if none).
    pub(crate) mult: f64,
    /// The number is written only in words.
    pub(crate) words_only: bool,
    /// Why the atom is not a quantity, if it is not.
    pub(crate) skip: Skip,
}

impl Atom {
    /// The atom carries a unit from the known lexicon.
    pub(crate) fn known_unit(&self) -> bool {
        self.unit_kind.is_some()
    }
}

/// Words that may stand before a capitalised name without making the number part of it.
fn is_function_word(w: &str) -> bool {
    is_stop(w)
        || super::scan::is_lead_word(w)
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

/// Value of a vulgar fraction character.
fn vulgar(c: &str) -> Option<f64> {
    Some(match c {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅙" => 1.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// A vague plural at token `i`: "dozens", "hundreds", "tens of thousands" → (low, high, end).
pub(crate) fn vague_at(toks: &[Tok<'_>], i: usize) -> Option<(f64, f64, usize)> {
    let w = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str())
    };
    let of_big = |k: usize| -> Option<f64> {
        if w(k)? != "of" {
            return None;
        }
        match w(k + 1)? {
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            _ => None,
        }
    };
    let (lo, hi, end) = match w(i)? {
        "dozens" => (12.0, 120.0, i + 1),
        "tens" => {
            let m = of_big(i + 1)?;
            (10.0 * m, 100.0 * m, i + 3)
        }
        "hundreds" => match of_big(i + 1) {
            Some(m) => (100.0 * m, 1000.0 * m, i + 3),
            None => (100.0, 1000.0, i + 1),
        },
        "thousands" => (1e3, 1e4, i + 1),
        "millions" => (1e6, 1e7, i + 1),
        "billions" => (1e9, 1e10, i + 1),
        _ => return None,
    };
    Some((lo, hi, end))
}

/// Parses the atom whose number starts at token `i`; `floor` is the first token it may claim.
pub(crate) fn atom_at(toks: &[Tok<'_>], i: usize, floor: usize) -> Option<Atom> {
    if let Some((low, high, end)) = vague_at(toks, i) {
        if i > 0 && toks[i - 1].kind == Kind::Num {
            return None;
        }
        let mut a = blank(i, end, low, high);
        a.vague = true;
        a.words_only = true;
        attach_of_noun(toks, &mut a);
        return Some(a);
    }
    let t = toks.get(i)?;
    // "more than half", "nearly half": a bare "half" after a bound word.
    let bound_before = i > 0
        && matches!(
            toks[i - 1].lower.as_str(),
            "than"
                | "nearly"
                | "almost"
                | "about"
                | "around"
                | "roughly"
                | "over"
                | "under"
                | "approximately"
        );
    let mut a = if let Some(v) = vulgar(t.text) {
        blank(i, i + 1, v, v)
    } else if t.is_word("half") && bound_before && words::phrase(toks, i).is_none() {
        let mut a = blank(i, i + 1, 0.5, 0.5);
        a.words_only = true;
        a
    } else {
        let p = words::phrase(toks, i)?;
        let mut a = blank(i, p.end, p.value, p.value);
        a.plain_int = p.plain_int;
        a.scaled = p.scaled;
        a.words_only = !p.digits;
        a.mult = multiplier(toks, i, p.end);
        a
    };
    if !a.words_only {
        digit_fraction(toks, &mut a);
    }
    prefix(toks, &mut a, floor);
    suffix(toks, &mut a);
    age_before(toks, &mut a);
    if a.skip == Skip::No {
        a.skip = not_a_quantity(toks, &a);
    }
    if a.sign < 0 {
        a.low = -a.low;
        a.high = -a.high;
    }
    Some(a)
}

fn blank(i: usize, end: usize, low: f64, high: f64) -> Atom {
    Atom {
        first: i,
        num: i,
        num_end: end,
        end,
        low,
        high,
        vague: false,
        unit: None,
        unit_text: None,
        unit_kind: None,
        currency_prefix: false,
        sign: 0,
        plain_int: false,
        scaled: false,
        mult: 1.0,
        words_only: false,
        skip: Skip::No,
    }
}

/// The largest multiplier among the tokens of a number phrase.
fn multiplier(toks: &[Tok<'_>], i: usize, end: usize) -> f64 {
    toks.get(i..end)
        .unwrap_or(&[])
        .iter()
        .filter_map(|t| {
            scale_word(&t.lower)
                .or_else(|| words::scale_abbrev(t.text, t.glued()))
                .or_else(|| (t.lower == "hundred").then_some(100.0))
        })
        .fold(1.0, f64::max)
}

/// "1/2", "3/4", "2 1/4" and a glued vulgar fraction ("2½").
fn digit_fraction(toks: &[Tok<'_>], a: &mut Atom) {
    let j = a.num_end;
    if let Some(v) = toks
        .get(j)
        .filter(|t| t.glued())
        .and_then(|t| vulgar(t.text))
    {
        a.low += v;
        a.high += v;
        a.num_end += 1;
        a.end = a.num_end;
        return;
    }
    // "2 1/4": a whole number, a space, then a fraction.
    let mixed = a.plain_int
        && toks
            .get(j)
            .is_some_and(|t| t.kind == Kind::Num && t.plain_int && t.space_before)
        && toks
            .get(j + 1)
            .is_some_and(|t| t.is_punct("/") && t.glued());
    let (num_at, whole) = if mixed { (j, a.low) } else { (j - 1, 0.0) };
    let numer = &toks[num_at];
    let (Some(slash), Some(den)) = (toks.get(num_at + 1), toks.get(num_at + 2)) else {
        return;
    };
    if !(slash.is_punct("/") && slash.glued() && den.glued() && den.kind == Kind::Num) {
        return;
    }
    let chained = toks
        .get(num_at + 3)
        .is_some_and(|t| t.glued() && (t.is_punct("/") || t.is_dash()));
    let den_v = den.value;
    let ok_den = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 100.0].contains(&den_v);
    let (nv, whole_ok) = (numer.value, !mixed || (numer.plain_int && a.num_end == j));
    if numer.plain_int && den.plain_int && !chained && ok_den && nv < den_v && nv > 0.0 && whole_ok
    {
        let sign = if a.sign < 0 { -1.0 } else { 1.0 };
        a.low = whole + sign * nv / den_v;
        a.high = a.low;
        a.num_end = num_at + 3;
        a.end = a.num_end;
        a.plain_int = false;
    } else if !mixed && den.plain_int && !toks.get(num_at + 2).is_some_and(|t| t.is_punct("$")) {
        // Dates and scores written with a slash ("9/11", "24/7").
        a.skip = Skip::Other;
    }
}

/// Sign and currency written before the number.
fn prefix(toks: &[Tok<'_>], a: &mut Atom, floor: usize) {
    let mut k = a.num;
    let sign_at = |k: usize| -> i8 {
        let Some(t) = k.checked_sub(1).and_then(|p| toks.get(p)) else {
            return 0;
        };
        if k - 1 < floor {
            return 0;
        }
        let before = k.checked_sub(2).and_then(|p| toks.get(p));
        let free = t.space_before || before.is_some_and(|b| b.kind == Kind::Punct && !b.is_dash());
        let minus_word = before.is_some_and(|b| b.is_word("minus") || b.is_word("negative"));
        if t.is_dash() && toks[k].glued() && (free || minus_word) {
            -1
        } else if t.is_punct("+") && toks[k].glued() && free {
            1
        } else if t.is_word("minus") || t.is_word("negative") {
            -1
        } else {
            0
        }
    };
    let mut s = sign_at(k);
    if s != 0 {
        k -= 1;
        // "minus-5": a hyphen after "minus".
        if toks[k].is_dash()
            && k > 0
            && (toks[k - 1].is_word("minus") || toks[k - 1].is_word("negative"))
        {
            k -= 1;
        }
    }
    if let Some((cur, start)) = currency_before(toks, k).filter(|&(_, st)| st >= floor) {
        a.unit = Some(cur.to_string());
        a.unit_text = Some(units::joined(toks, start, k));
        a.unit_kind = Some(UnitKind::Currency);
        a.currency_prefix = true;
        k = start;
        if s == 0 {
            s = sign_at(k);
            if s != 0 {
                k -= 1;
            }
        }
    }
    a.sign = s;
    a.first = k;
}

/// Unit, age, counted noun and rate written after the number.
fn suffix(toks: &[Tok<'_>], a: &mut Atom) {
    let j = a.end;
    if a.vague {
        return;
    }
    let Some(t) = toks.get(j) else { return };
    // "5G", "4G": network generations.
    if t.glued() && t.text == "G" && a.plain_int && (2.0..=6.0).contains(&a.low) {
        set_unit(a, "generation", "G", None, j + 1);
        return;
    }
    if age(toks, a) {
        return;
    }
    // "one of the students": the noun after "of the" is what is counted.
    if a.words_only && t.is_word("of") {
        let det = toks.get(j + 1).map_or("", |d| d.lower.as_str());
        if matches!(
            det,
            "the" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "those" | "these"
        ) {
            let mut k = j + 2;
            // Skip one adjective in the superlative ("the oldest ballparks").
            if toks
                .get(k)
                .is_some_and(|w| w.lower.ends_with("est") && w.kind == Kind::Word)
            {
                k += 1;
            }
            if let Some((norm, text, _)) = counted_noun(toks, k, false) {
                a.unit = Some(norm);
                a.unit_text = Some(text);
            }
        }
        return;
    }
    // "3.5-liter", "30-page": a hyphen joins number and unit.
    let hyphen = t.is_dash()
        && t.glued()
        && toks
            .get(j + 1)
            .is_some_and(|n| n.glued() && n.kind == Kind::Word);
    let at = if hyphen { j + 1 } else { j };
    if let Some(mut u) = unit_after(toks, at) {
        let next = toks.get(u.end);
        // A unit glued to digits ("24703m212") is part of a code; a currency followed by a
        // number ("$ 20,000.00 $ 37,305.97", "3 USD50") belongs to that number.
        if next.is_some_and(|n| n.kind == Kind::Num && (n.glued() || currency_of_next(toks, &u))) {
            if next.is_some_and(Tok::glued) && u.kind != UnitKind::Currency {
                a.skip = Skip::Other;
            }
            rate(toks, a);
            return;
        }
        // "75 USD million": a multiplier after the currency code.
        if u.kind == UnitKind::Currency
            && let Some(m) = next.and_then(|n| scale_word(&n.lower))
        {
            u.mult *= m;
            u.end += 1;
            a.scaled = true;
        }
        // "361 million pounds" is money; "25 pounds" is a weight.
        if u.norm == "pound-mass" && a.mult >= 1e6 {
            "pound".clone_into(&mut u.norm);
            u.kind = UnitKind::Currency;
        }
        let same_currency = a.unit.as_deref() == Some(u.norm.as_str());
        if a.currency_prefix && !same_currency {
            // "$149.99 price", "rmb 10 usd 20": the prefix already is the unit.
        } else if a.currency_prefix {
            a.end = u.end;
            a.low *= u.mult;
            a.high *= u.mult;
        } else {
            let text = units::joined(toks, at, u.end);
            a.low *= u.mult;
            a.high *= u.mult;
            set_unit(a, &u.norm, &text, Some(u.kind), u.end);
        }
    } else if !a.currency_prefix
        && let Some((norm, text, end)) = counted_noun(toks, at, hyphen)
    {
        set_unit(a, &norm, &text, None, end);
    }
    rate(toks, a);
}

/// Whether a currency between two numbers belongs to the second: a symbol before a number that
/// has no currency of its own ("$ 20,000.00 $ 37,305.97") or a code glued to it ("3 USD50").
fn currency_of_next(toks: &[Tok<'_>], u: &units::UnitMatch) -> bool {
    if u.kind != UnitKind::Currency || u.end == 0 {
        return false;
    }
    let Some(n) = toks.get(u.end) else {
        return false;
    };
    if n.glued() {
        return true;
    }
    let symbol = toks[u.end - 1].kind == Kind::Punct;
    let next_end = words::phrase(toks, u.end).map_or(u.end + 1, |p| p.end);
    let own = unit_after(toks, next_end).is_some_and(|v| v.kind == UnitKind::Currency);
    symbol && !own
}

fn set_unit(a: &mut Atom, norm: &str, text: &str, kind: Option<UnitKind>, end: usize) {
    a.unit = Some(norm.to_string());
    a.unit_text = Some(text.to_string());
    a.unit_kind = kind;
    a.end = end;
}

/// "aged 87", "a man of age 87", "under the age of 5 years".
fn age_before(toks: &[Tok<'_>], a: &mut Atom) {
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
fn age(toks: &[Tok<'_>], a: &mut Atom) -> bool {
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

/// The noun a count refers to: "143 people", "4,000 fighters", "unicorn startups", "30-page".
fn counted_noun(toks: &[Tok<'_>], j: usize, hyphen: bool) -> Option<(String, String, usize)> {
    let t = toks.get(j)?;
    if t.glued() && !hyphen {
        return None;
    }
    // Up to three words: "people", "unicorn startups", "public housing properties".
    let mut ends = Vec::new();
    let mut k = j;
    while ends.len() < 3 {
        let Some(e) = noun_word(toks, k) else { break };
        if !ends.is_empty() && !toks[k].text.starts_with(char::is_lowercase) {
            break;
        }
        ends.push(e);
        k = e;
        if hyphen || !toks.get(k).is_some_and(|n| n.space_before) {
            break;
        }
    }
    let plural = |w: &str| lemma(w) != w.to_lowercase();
    let lower_start = t.text.starts_with(char::is_lowercase);
    let mut from = j;
    for (n, &e) in ends.iter().enumerate() {
        let last = units::joined(toks, from, e).to_lowercase();
        if plural(&last) && (lower_start || n > 0) {
            let head = units::joined(toks, j, from).to_lowercase();
            let norm = if head.is_empty() {
                lemma(&last)
            } else {
                format!("{head} {}", lemma(&last))
            };
            return Some((norm, units::joined(toks, j, e), e));
        }
        from = e;
    }
    let e = *ends.first()?;
    let word = units::joined(toks, j, e);
    (lower_start && !word.ends_with('s')).then(|| (word.to_lowercase(), word, e))
}

/// One word of a counted noun at token `k` (hyphenated compounds such as "first-team" count as
/// one word); returns the token after it.
fn noun_word(toks: &[Tok<'_>], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    let w = t.lower.as_str();
    let n = w.chars().count();
    let verbish =
        (n >= 5 && w.ends_with("ed") && !w.ends_with("eed")) || (n >= 6 && w.ends_with("ing"));
    let usable = t.kind == Kind::Word
        && n > 1
        && !is_stop(w)
        && !is_number_word(w)
        && scale_word(w).is_none()
        && !w.ends_with("ly")
        && !verbish
        && !is_comparative(w)
        && super::scan::change_verb(w).is_none()
        && !t.text.chars().all(char::is_uppercase);
    if !usable {
        return None;
    }
    let compound = toks.get(k + 1).is_some_and(|d| d.is_dash() && d.glued())
        && toks
            .get(k + 2)
            .is_some_and(|w2| w2.glued() && w2.kind == Kind::Word);
    Some(if compound { k + 3 } else { k + 1 })
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
fn attach_of_noun(toks: &[Tok<'_>], a: &mut Atom) {
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
fn rate(toks: &[Tok<'_>], a: &mut Atom) {
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

/// Years, dates, times, ordinals, model names and other numbers that are not quantities.
fn not_a_quantity(toks: &[Tok<'_>], a: &Atom) -> Skip {
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
            && word.is_some_and(|w| w.kind == Kind::Word)
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
