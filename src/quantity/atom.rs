//! Atoms: one number with what is glued to it — sign, currency, multiplier, unit, counted noun.
//! Counted nouns, ages and rates come from `noun`; `filter` marks numbers that are not
//! quantities. Ranges, bounds and directions of change are built from atoms in `scan`.

use super::filter::not_a_quantity;
use super::noun::{age, age_before, attach_of_noun, counted_noun, rate};
use super::token::{Kind, Tok};
use super::units::{self, UnitKind, currency_before, unit_after};
use super::words::{self, scale_word};

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

pub(crate) fn set_unit(a: &mut Atom, norm: &str, text: &str, kind: Option<UnitKind>, end: usize) {
    a.unit = Some(norm.to_string());
    a.unit_text = Some(text.to_string());
    a.unit_kind = kind;
    a.end = end;
}
