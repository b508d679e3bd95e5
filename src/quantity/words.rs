//! Number phrases: digits, number words and multipliers ("4 hundred million", "twenty-one",
//! "1.2bn", "half a million", "three hundred and thirty one"). Bounds and units are left to the scanner.

use super::token::{Kind, Tok};

/// The part of speech of a number word.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    /// 0-9.
    Unit(f64),
    /// 10-19.
    Teen(f64),
    /// 20, 30, ... 90.
    Tens(f64),
    /// "hundred".
    Hundred,
    /// "thousand", "million", ...
    Scale(f64),
}

/// Value of a cardinal number word ("seven", "forty", "hundred", "million").
fn part(w: &str) -> Option<Part> {
    let unit = |v: f64| Some(Part::Unit(v));
    match w {
        "zero" | "nought" | "naught" | "nil" => unit(0.0),
        "one" => unit(1.0),
        "two" => unit(2.0),
        "three" => unit(3.0),
        "four" => unit(4.0),
        "five" => unit(5.0),
        "six" => unit(6.0),
        "seven" => unit(7.0),
        "eight" => unit(8.0),
        "nine" => unit(9.0),
        "ten" => Some(Part::Teen(10.0)),
        "eleven" => Some(Part::Teen(11.0)),
        "twelve" => Some(Part::Teen(12.0)),
        "thirteen" => Some(Part::Teen(13.0)),
        "fourteen" => Some(Part::Teen(14.0)),
        "fifteen" => Some(Part::Teen(15.0)),
        "sixteen" => Some(Part::Teen(16.0)),
        "seventeen" => Some(Part::Teen(17.0)),
        "eighteen" => Some(Part::Teen(18.0)),
        "nineteen" => Some(Part::Teen(19.0)),
        "twenty" => Some(Part::Tens(20.0)),
        "thirty" => Some(Part::Tens(30.0)),
        "forty" | "fourty" => Some(Part::Tens(40.0)),
        "fifty" => Some(Part::Tens(50.0)),
        "sixty" => Some(Part::Tens(60.0)),
        "seventy" => Some(Part::Tens(70.0)),
        "eighty" => Some(Part::Tens(80.0)),
        "ninety" => Some(Part::Tens(90.0)),
        "hundred" => Some(Part::Hundred),
        _ => scale_word(w).map(Part::Scale),
    }
}

/// Multiplier of a spelled-out scale word.
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    match w {
        "thousand" => Some(1e3),
        "lakh" | "lakhs" => Some(1e5),
        "million" => Some(1e6),
        "crore" | "crores" => Some(1e7),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Multiplier of an abbreviation written after digits ("bn", "M", "k"); `glued` when no space.
pub(crate) fn scale_abbrev(text: &str, glued: bool) -> Option<f64> {
    match text {
        "k" | "K" | "thou" => Some(1e3),
        "M" | "MM" | "mn" | "mln" | "mil" | "mill" | "Mn" | "Mil" => Some(1e6),
        "m" if glued => Some(1e6),
        "bn" | "bln" | "Bn" | "BN" | "billion" | "G" => Some(1e9),
        "b" | "B" if glued => Some(1e9),
        "tn" | "tln" | "trn" | "Tn" => Some(1e12),
        _ => None,
    }
}

/// Whether `w` can start or continue a spelled-out number.
pub(crate) fn is_number_word(w: &str) -> bool {
    part(w).is_some()
}

/// Value of a single-digit or teen/tens word, for decimals after "point".
fn small_value(w: &str) -> Option<f64> {
    match part(w)? {
        Part::Unit(v) | Part::Teen(v) | Part::Tens(v) => Some(v),
        _ => None,
    }
}

/// A number phrase found at a token position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Phrase {
    /// The value with all multipliers applied.
    pub(crate) value: f64,
    /// Index of the token after the phrase.
    pub(crate) end: usize,
    /// The phrase has a digit literal.
    pub(crate) digits: bool,
    /// The phrase is one plain integer literal and nothing else.
    pub(crate) plain_int: bool,
    /// A multiplier (word or abbreviation) was applied.
    pub(crate) scaled: bool,
    /// Number of tokens that are number words.
    pub(crate) words: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    Digit,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
}

struct State {
    total: f64,
    current: f64,
    last: Last,
    scale: f64,
    digits: bool,
    scaled: bool,
    words: usize,
}

impl State {
    fn value(&self) -> f64 {
        self.total + self.current
    }

    /// Whether a small number (word or literal) may follow here.
    fn takes_small(&self, part: Part) -> bool {
        match part {
            Part::Unit(_) => matches!(
                self.last,
                Last::Start | Last::Tens | Last::Hundred | Last::Scale
            ),
            Part::Teen(_) | Part::Tens(_) => {
                matches!(self.last, Last::Start | Last::Hundred | Last::Scale)
            }
            _ => false,
        }
    }
}

/// Fraction words that may follow "and a"/"and": ("half", 0.5), ("quarter", 0.25), ...
fn fraction_after_and(toks: &[Tok<'_>], j: usize) -> Option<(f64, usize)> {
    let w = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str())
    };
    let lead = w(j)?;
    let (count, k) = match lead {
        "a" | "one" => (1.0, j + 1),
        "three" => (3.0, j + 1),
        _ => return None,
    };
    let frac = match (w(k)?, count > 1.0) {
        ("half", false) => 0.5,
        ("quarter" | "fourth", false) => 0.25,
        ("quarters" | "fourths", true) => 0.75,
        _ => return None,
    };
    Some((frac, k + 1))
}

/// Parses the number phrase that starts at token `i`, if any.
pub(crate) fn phrase(toks: &[Tok<'_>], i: usize) -> Option<Phrase> {
    let mut st = State {
        total: 0.0,
        current: 0.0,
        last: Last::Start,
        scale: f64::INFINITY,
        digits: false,
        scaled: false,
        words: 0,
    };
    let mut j = lead_in(toks, i, &mut st)?;
    let start_j = j;
    while let Some(t) = toks.get(j) {
        let next = step(toks, j, &mut st);
        match next {
            Some(n) if n > j => j = n,
            _ => break,
        }
        let _ = t;
    }
    if st.last == Last::Start || (j == start_j && st.words == 0 && !st.digits) {
        return None;
    }
    let plain_int = j == i + 1 && toks[i].kind == Kind::Num && toks[i].plain_int;
    Some(Phrase {
        value: st.value(),
        end: j,
        digits: st.digits,
        plain_int,
        scaled: st.scaled,
        words: st.words,
    })
}

/// Handles phrase openers that are not plain numbers: "a hundred", "half a million", "a dozen".
fn lead_in(toks: &[Tok<'_>], i: usize, st: &mut State) -> Option<usize> {
    let t = toks.get(i)?;
    let next = toks.get(i + 1).map_or("", |t| t.lower.as_str());
    let is_mult = |w: &str| w == "hundred" || w == "dozen" || scale_word(w).is_some();
    match t.lower.as_str() {
        "a" | "an" if is_mult(next) => {
            st.current = 1.0;
            st.last = Last::Unit;
            st.words += 1;
            Some(i + 1)
        }
        "a" if matches!(next, "half" | "quarter")
            && toks
                .get(i + 2)
                .is_some_and(|n| scale_word(&n.lower).is_some()) =>
        {
            st.current = if next == "half" { 0.5 } else { 0.25 };
            st.last = Last::Unit;
            st.words += 2;
            Some(i + 2)
        }
        "half" | "quarter" => {
            let v = if t.lower == "half" { 0.5 } else { 0.25 };
            let k = if next == "a" { i + 2 } else { i + 1 };
            let after = toks.get(k).map_or("", |t| t.lower.as_str());
            if after == "dozen" || scale_word(after).is_some() {
                st.current = v;
                st.last = Last::Unit;
                st.words += 1;
                Some(k)
            } else {
                None
            }
        }
        "hundred" if t.kind == Kind::Word && (i == 0 || toks[i - 1].kind != Kind::Word) => {
            st.current = 1.0;
            st.last = Last::Unit;
            Some(i)
        }
        _ => Some(i),
    }
}

/// Consumes one step of a number phrase at token `j`; returns the next index or None to stop.
fn step(toks: &[Tok<'_>], j: usize, st: &mut State) -> Option<usize> {
    let t = &toks[j];
    match t.kind {
        Kind::Num => step_digits(toks, j, st),
        Kind::Word => step_word(toks, j, st),
        Kind::Punct => {
            // "forty-three", "fifty - two"
            if t.is_dash() && st.last == Last::Tens {
                let n = toks.get(j + 1)?;
                if n.kind == Kind::Word && matches!(part(&n.lower), Some(Part::Unit(v)) if v > 0.0)
                {
                    return Some(j + 1);
                }
            }
            None
        }
    }
}

fn step_digits(toks: &[Tok<'_>], j: usize, st: &mut State) -> Option<usize> {
    let t = &toks[j];
    let v = t.value;
    match st.last {
        Last::Start => {
            st.current = v;
            st.last = Last::Digit;
            st.digits = true;
        }
        Last::Hundred if t.plain_int && v < 100.0 && v > 0.0 && toks[j - 1].is_word("and") => {
            st.current += v;
            st.last = Last::Digit;
        }
        // "4 thousand 3 hundred", "2 million and 5", but not "2.9 million 9 liter cases".
        Last::Scale
            if t.plain_int
                && v < st.scale.min(1000.0)
                && v > 0.0
                && (toks[j - 1].is_word("and")
                    || toks.get(j + 1).is_some_and(|n| {
                        n.is_word("hundred") || scale_word(&n.lower).is_some_and(|m| m < st.scale)
                    })) =>
        {
            st.current = v;
            st.last = Last::Digit;
        }
        _ => return None,
    }
    // Glued or spaced multiplier abbreviation: "1.2bn", "10 M", "2.33 k".
    if let Some(n) = toks.get(j + 1)
        && n.kind == Kind::Word
        && let Some(m) = scale_abbrev(n.text, n.glued())
        && (n.text != "m" || million_m(toks, j))
        && !(n.text == "G" && n.glued() && t.plain_int && (2.0..=6.0).contains(&v))
    {
        let after = toks.get(j + 2);
        let glued_letters = after.is_some_and(|a| a.glued() && a.kind != Kind::Punct);
        if !glued_letters {
            apply_scale(st, m);
            return Some(j + 2);
        }
    }
    Some(j + 1)
}

/// Whether a glued "m" after the number at `j` means million (`PS6m`, `12.3m tonnes`) rather
/// than metres (`1.8m tall`, `the 100m sprint`, `48m.`).
fn million_m(toks: &[Tok<'_>], j: usize) -> bool {
    const METRE: &[&str] = &[
        "tall",
        "long",
        "high",
        "deep",
        "wide",
        "away",
        "sprint",
        "race",
        "dash",
        "hurdles",
        "freestyle",
        "above",
        "below",
        "under",
        "across",
        "in",
        "of",
        "is",
        "was",
        "are",
        "were",
        "x",
        "by",
        "from",
        "to",
        "and",
        "or",
    ];
    let money_before = j.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|p| {
        (p.kind == Kind::Punct && !matches!(p.text, "(" | "," | "." | ";" | ":" | "-" | "–" | "~"))
            || (p.kind == Kind::Word && toks[j].glued())
    });
    let next_word = toks
        .get(j + 2)
        .filter(|n| n.kind == Kind::Word && n.space_before);
    money_before || next_word.is_some_and(|n| !METRE.contains(&n.lower.as_str()))
}

fn apply_scale(st: &mut State, m: f64) {
    let base = if st.current == 0.0 && st.last == Last::Start {
        1.0
    } else {
        st.current
    };
    st.total += base * m;
    st.current = 0.0;
    st.scale = m;
    st.last = Last::Scale;
    st.scaled = true;
}

fn step_word(toks: &[Tok<'_>], j: usize, st: &mut State) -> Option<usize> {
    let word = toks[j].lower.as_str();
    if word == "and" {
        return step_and(toks, j, st);
    }
    if word == "point" {
        return step_point(toks, j, st);
    }
    if matches!(word, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
        && st.last != Last::Start
        && st.last != Last::Scale
    {
        st.current *= 12.0;
        st.last = Last::Scale;
        st.scale = 12.0;
        st.words += 1;
        return Some(j + 1);
    }
    if let Some(m) = scale_word(word) {
        if st.last == Last::Start || m >= st.scale || (st.current == 0.0 && st.last != Last::Unit) {
            return None;
        }
        st.words += 1;
        st.total += st.current * m;
        st.current = 0.0;
        st.scale = m;
        st.last = Last::Scale;
        st.scaled = true;
        return Some(j + 1);
    }
    let wp = part(word)?;
    match wp {
        Part::Hundred => {
            let ok = match st.last {
                Last::Unit | Last::Teen | Last::Tens => st.current < 100.0 && st.current > 0.0,
                Last::Digit => {
                    st.current > 0.0
                        && st.current < 1000.0
                        && (st.scale.is_infinite() || st.current < 100.0)
                }
                _ => false,
            };
            if !ok {
                return None;
            }
            st.current *= 100.0;
            st.last = Last::Hundred;
            st.scaled = true;
        }
        Part::Unit(v) | Part::Teen(v) | Part::Tens(v) => {
            if !st.takes_small(wp) {
                return None;
            }
            st.current += v;
            st.last = match wp {
                Part::Unit(_) => Last::Unit,
                Part::Teen(_) => Last::Teen,
                _ => Last::Tens,
            };
        }
        Part::Scale(_) => return None,
    }
    st.words += 1;
    Some(j + 1)
}

/// "and" continues a number after "hundred" or a scale ("three hundred and two"), or adds a
/// fraction ("one and a half", "3 million and a half").
fn step_and(toks: &[Tok<'_>], j: usize, st: &mut State) -> Option<usize> {
    if let Some((frac, k)) = fraction_after_and(toks, j + 1) {
        match st.last {
            Last::Unit | Last::Teen | Last::Tens | Last::Digit | Last::Hundred => {
                st.current += frac;
            }
            Last::Scale => st.total += frac * st.scale,
            Last::Start => return None,
        }
        st.words += 1;
        return Some(k);
    }
    if !matches!(st.last, Last::Hundred | Last::Scale) {
        return None;
    }
    let n = toks.get(j + 1)?;
    let ok = match n.kind {
        Kind::Num => n.plain_int && n.value > 0.0 && n.value < 100.0,
        Kind::Word => part(&n.lower).is_some_and(|p| {
            matches!(p, Part::Unit(v) if v > 0.0) || matches!(p, Part::Teen(_) | Part::Tens(_))
        }),
        Kind::Punct => false,
    };
    // "3 hundred and 2 hundred" are two numbers.
    let then_hundred = toks.get(j + 2).is_some_and(|t| t.is_word("hundred"));
    if !ok || (then_hundred && st.current >= 100.0) {
        return None;
    }
    Some(j + 1)
}

/// "point" introduces spelled decimals: "five point five", "two hundred point zero three".
fn step_point(toks: &[Tok<'_>], j: usize, st: &mut State) -> Option<usize> {
    if matches!(st.last, Last::Start | Last::Scale) || st.current.fract() != 0.0 {
        return None;
    }
    let mut digits = String::new();
    let mut k = j + 1;
    while let Some(t) = toks.get(k) {
        if t.kind != Kind::Word {
            break;
        }
        let Some(v) = small_value(&t.lower) else {
            break;
        };
        // "seventy-one" after "point" reads as 71.
        if v >= 20.0 && v % 10.0 == 0.0 {
            let unit = toks
                .get(k + 2)
                .filter(|_| toks.get(k + 1).is_some_and(Tok::is_dash))
                .and_then(|u| small_value(&u.lower))
                .filter(|u| *u < 10.0);
            if let Some(u) = unit {
                digits.push_str(&(v + u).to_string());
                k += 3;
                continue;
            }
        }
        digits.push_str(&v.to_string());
        k += 1;
        if v >= 10.0 {
            break;
        }
    }
    if digits.is_empty() {
        return None;
    }
    let frac: f64 = format!("0.{digits}").parse().ok()?;
    st.current += frac;
    st.words += k - j;
    st.last = Last::Digit;
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn val(s: &str) -> Option<f64> {
        let t = tokenize(s);
        phrase(&t, 0).filter(|p| p.end == t.len()).map(|p| p.value)
    }

    #[track_caller]
    fn check(s: &str, want: f64) {
        let got = val(s);
        assert!(
            got.is_some_and(|g| (g - want).abs() < 1e-6 * want.abs().max(1.0)),
            "{s}: {got:?}"
        );
    }

    #[test]
    fn spelled_numbers() {
        check("ninety", 90.0);
        check("forty-three", 43.0);
        check("fifty - two", 52.0);
        check("three hundred and thirty one", 331.0);
        check("a hundred", 100.0);
        check("two hundred and two thousand", 202_000.0);
        check("twenty-one trillion and three hundred", 21e12 + 300.0);
        check("twenty-eight thousand six hundred forty-two", 28_642.0);
    }

    #[test]
    fn fractions_and_decimals_in_words() {
        check("one and a half", 1.5);
        check("five and a half million", 5.5e6);
        check("3 million and a half", 3.5e6);
        check("half a million", 5e5);
        check("half a dozen", 6.0);
        check("two hundred point zero three", 200.03);
        check("two hundred point seventy-one", 200.71);
        check("nought point eleven", 0.11);
    }

    #[test]
    fn digits_with_multipliers() {
        check("1.2 billion", 1.2e9);
        check("1.2bn", 1.2e9);
        check("4 hundred million", 4e8);
        check("3 dozens", 36.0);
        check("a dozen", 12.0);
        check("10M", 1e7);
        check("322 hundred", 32_200.0);
        check("4 thousand 3 hundred and 21", 4321.0);
    }

    #[test]
    fn two_numbers_are_not_merged() {
        let t = tokenize("3 hundred and 2 hundred");
        assert_eq!(phrase(&t, 0).map(|p| p.end), Some(2));
        assert_eq!(val("twenty twenty"), None);
    }
}
