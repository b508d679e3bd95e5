//! Turns atoms into quantities: ranges ("between 4,000 and 6,000", "5k-20k"), bounds ("at least",
//! "up to", "nearly", "or more") and directions of change ("rose 5%", "a 3% drop").

use super::atom::{Atom, Skip, atom_at};
use super::cue::{LEADS, TAILS, change_noun, change_word, phrasal};
use super::token::{Kind, Tok, tokenize};
use super::units::UnitKind;
use super::words::is_number_word;
use super::{Bound, Change, Quantity};
use regex::Regex;
use std::sync::LazyLock;

use Bound::{AtLeast as Ge, AtMost as Le, Exact as Ex};

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)\S+").expect("url pattern is valid"));

/// A quantity with the token range it covers.
struct Found {
    first: usize,
    end: usize,
    q: Quantity,
}

/// Finds every quantity in `text`, in order and without overlaps.
pub(crate) fn scan(text: &str) -> Vec<Quantity> {
    let toks = tokenize(text);
    let urls: Vec<(usize, usize)> = URL.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let atoms = collect(&toks);
    let mut found: Vec<Found> = Vec::new();
    let mut floor = 0;
    let mut i = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        if let Some((f, used)) = atoms.get(i + 1).and_then(|b| range(&toks, a, b, floor)) {
            floor = f.end;
            i += 2;
            if used {
                // "rises from $160 to $180 to $200": each step is a range.
                if let Some(c) = atoms.get(i).filter(|c| chained(&toks, &f, c)) {
                    let (start, end) = span(&toks, f.end, c.end);
                    let q = Quantity {
                        start,
                        end,
                        low: f.q.high,
                        high: Some(c.high),
                        ..f.q.clone()
                    };
                    found.push(f);
                    found.push(Found {
                        first: floor,
                        end: c.end,
                        q,
                    });
                    floor = c.end;
                    i += 1;
                    continue;
                }
                found.push(f);
            }
            continue;
        }
        i += 1;
        if a.skip != Skip::No {
            continue;
        }
        let f = single(
            &toks,
            a,
            floor,
            atoms.get(i).map_or(toks.len(), |n| n.first),
        );
        floor = f.end;
        found.push(f);
    }
    let mut found = merge_bounds(&toks, found);
    inherit_in_parentheses(&toks, &mut found);
    found
        .into_iter()
        .map(|f| f.q)
        .filter(|q| !urls.iter().any(|&(s, e)| q.start < e && s < q.end))
        .collect()
}

/// All atoms, left to right, each claiming tokens after the previous one.
fn collect(toks: &[Tok<'_>]) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut i = 0;
    let mut floor = 0;
    while i < toks.len() {
        match atom_at(toks, i, floor) {
            Some(a) => {
                i = a.end.max(i + 1);
                floor = i;
                atoms.push(a);
            }
            None => i += 1,
        }
    }
    atoms
}

/// Lowercase texts of tokens `from..to` (empty when the range is empty or reversed).
fn texts<'a>(toks: &'a [Tok<'_>], from: usize, to: usize) -> Vec<&'a str> {
    toks.get(from..to)
        .unwrap_or(&[])
        .iter()
        .map(|t| t.lower.as_str())
        .collect()
}

fn lower_at<'a>(toks: &'a [Tok<'_>], k: usize) -> &'a str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

/// The longest bound phrase ending right before token `k`, not reaching below `floor`.
fn lead_before(toks: &[Tok<'_>], k: usize, floor: usize) -> Option<(usize, Bound)> {
    let mut best: Option<(usize, Bound)> = None;
    for (phrase, bound) in LEADS {
        let n = phrase.len();
        if n > k || k - n < floor {
            continue;
        }
        let s = k - n;
        if phrase
            .iter()
            .enumerate()
            .all(|(o, w)| lower_at(toks, s + o) == *w)
            && best.is_none_or(|(b, _)| s < b)
        {
            best = Some((s, *bound));
        }
    }
    best
}

/// A bound phrase right after token `end`: (token after it, bound).
fn tail_after(toks: &[Tok<'_>], end: usize) -> Option<(usize, Bound)> {
    TAILS.iter().find_map(|(phrase, bound)| {
        let ok = phrase
            .iter()
            .enumerate()
            .all(|(o, w)| lower_at(toks, end + o) == *w);
        let glued = phrase[0] != "+" || toks.get(end).is_some_and(Tok::glued);
        // "more than 40 and less than 10", "200 or greater than 190": the words open a new bound.
        let after = end + phrase.len();
        let number_at = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.kind == Kind::Num
                    || is_number_word(&t.lower)
                    || matches!(t.lower.as_str(), "a" | "$")
            })
        };
        let linking = matches!(lower_at(toks, after), "than" | "to" | "equal");
        if !ok || !glued || number_at(after) || (linking && number_at(after + 1)) {
            return None;
        }
        // "200 or greater than", "5000 or equal to": a dangling comparison word.
        let mut end_at = after;
        while matches!(lower_at(toks, end_at), "than" | "to" | "equal") {
            end_at += 1;
        }
        Some((end_at, *bound))
    })
}

/// A verb or adverb of change before token `k`: "rose 5%", "fell by 90%", "up about 3%".
fn change_before(toks: &[Tok<'_>], k: usize, floor: usize) -> Option<Change> {
    let mut j = k;
    let mut by = false;
    loop {
        if j > floor && toks[j - 1].is_word("by") {
            j -= 1;
            by = true;
        } else if j >= floor + 3
            && lower_at(toks, j - 3) == "an"
            && lower_at(toks, j - 2) == "average"
            && lower_at(toks, j - 1) == "of"
        {
            j -= 3;
        } else if j > floor
            && toks[j - 1].kind == Kind::Word
            && toks[j - 1].lower.len() > 4
            && toks[j - 1].lower.ends_with("ly")
        {
            j -= 1;
        } else {
            break;
        }
    }
    if j == floor || j == 0 {
        return None;
    }
    let t = &toks[j - 1];
    if t.kind != Kind::Word {
        return None;
    }
    let (c, needs_by) = change_word(&t.lower)?;
    // "racked up more than $247m", "set up 5 stations": a phrasal verb, not a change.
    if matches!(t.lower.as_str(), "up" | "down") && j >= 2 && phrasal(&toks[j - 2].lower) {
        return None;
    }
    // "edged up", "went down": the particle carries the direction.
    (by || !needs_by).then_some(c)
}

fn unit_label(a: &Atom, b: Option<&Atom>) -> (Option<String>, Option<String>) {
    match b {
        Some(b) if b.unit.is_some() => (b.unit.clone(), b.unit_text.clone()),
        _ => (a.unit.clone(), a.unit_text.clone()),
    }
}

fn span(toks: &[Tok<'_>], first: usize, end: usize) -> (usize, usize) {
    (toks[first].start, toks[end.max(first + 1) - 1].end)
}

/// A single atom with its bound and change.
fn single(toks: &[Tok<'_>], a: &Atom, floor: usize, next_first: usize) -> Found {
    let mut first = a.first;
    let mut end = a.end;
    let mut bound = if a.vague { Bound::Range } else { Ex };
    if let Some((s, b)) = lead_before(toks, a.first, floor) {
        if !a.vague {
            bound = b;
        }
        first = s;
    }
    if let Some((e, b)) = tail_after(toks, a.end).filter(|(e, _)| *e <= next_first) {
        if !a.vague {
            bound = b;
        }
        end = e;
    }
    let mut change = change_before(toks, first, 0);
    if change.is_none() {
        change = toks
            .get(end)
            .filter(|t| t.kind == Kind::Word && a.unit_kind.is_some())
            .and_then(|t| change_noun(&t.lower));
    }
    if change.is_none() && matches!(a.unit_kind, Some(UnitKind::Percent | UnitKind::Currency)) {
        change = match a.sign {
            -1 => Some(Change::Down),
            1 => Some(Change::Up),
            _ => None,
        };
    }
    let (low, high) = match bound {
        Ge => (Some(a.low), None),
        Le => (None, Some(a.high)),
        _ => (Some(a.low), Some(a.high)),
    };
    let (start, stop) = span(toks, first, end);
    let (unit, unit_text) = unit_label(a, None);
    Found {
        first,
        end,
        q: Quantity {
            start,
            end: stop,
            low,
            high,
            bound,
            unit,
            unit_text,
            change,
        },
    }
}

/// Two atoms joined into a range: "between A and B", "from A to B", "A-B", "A to B".
/// Returns the range and whether it is a quantity (false for skipped pairs such as dates).
fn range(toks: &[Tok<'_>], a: &Atom, b: &Atom, floor: usize) -> Option<(Found, bool)> {
    if a.vague || b.vague {
        return None;
    }
    let conn = texts(toks, a.end, b.first);
    let before = a
        .first
        .checked_sub(1)
        .filter(|&k| k >= floor)
        .map(|k| toks[k].lower.as_str());
    let dash = matches!(conn.as_slice(), ["-" | "–" | "—" | "~" | "‑" | "−"]);
    let small = |x: &Atom| x.words_only || (x.plain_int && x.low < 100.0);
    let ok_conn = match conn.as_slice() {
        _ if dash => true,
        // After a verb of change, "to" gives the new level ("rose 5% to $84") unless the first
        // number has no unit of its own ("dropped by 1 to 1.5 degrees").
        ["to" | "through" | "thru"] | ["to", "-"] => {
            a.unit.is_none() || change_before(toks, a.first, 0).is_none()
        }
        ["and"] => before == Some("between"),
        ["/"] => a.currency_prefix && b.currency_prefix,
        // "three or four years", but not "8 or $9".
        ["or"] => {
            small(a)
                && small(b)
                && (b.low - a.low - 1.0).abs() < 1e-9
                && a.unit.is_none()
                && !b.currency_prefix
        }
        _ => false,
    };
    if !ok_conn {
        return None;
    }
    let skipped = Some((
        Found {
            first: a.first,
            end: b.end,
            q: empty(),
        },
        false,
    ));
    match (a.skip, b.skip) {
        (Skip::No, Skip::No) => {}
        (Skip::Other, _) | (_, Skip::Other) => {
            return if dash || a.skip == b.skip {
                skipped
            } else {
                None
            };
        }
        (Skip::Year, Skip::Year) => return skipped,
        // "from 1000 to 2000 hires": one end alone would read as a year; "in 2018 to 3.9
        // million" is a year next to a number.
        _ if years(a) && years(b) => {}
        _ => return None,
    }
    let base = |u: &String| u.split(" per ").next().unwrap_or_default().to_string();
    if let (Some(ua), Some(ub)) = (&a.unit, &b.unit)
        && base(ua) != base(ub)
    {
        return None;
    }
    let mut low = a.low;
    if b.scaled && !a.scaled && a.low * b.mult <= b.low && a.mult <= 1.0 {
        low *= b.mult;
    }
    let high = b.high;
    let glued_dash = dash && toks[a.end].glued() && toks[b.first].glued();
    // "2-1" is a score, "2019-09-01" a date: neither is a quantity.
    if low >= high || (glued_dash && toks.get(b.end).is_some_and(|t| t.is_dash() && t.glued())) {
        return if glued_dash { skipped } else { None };
    }
    let mut first = a.first;
    if matches!(before, Some("between" | "from")) {
        first -= 1;
    }
    let change = change_before(toks, first, 0);
    let (start, stop) = span(toks, first, b.end);
    let (unit, unit_text) = unit_label(a, Some(b));
    let q = Quantity {
        start,
        end: stop,
        low: Some(low),
        high: Some(high),
        bound: Bound::Range,
        unit,
        unit_text,
        change,
    };
    Some((
        Found {
            first,
            end: b.end,
            q,
        },
        true,
    ))
}

/// Whether atom `c` continues the range `f` with "to": "from $160 to $180 to $200".
fn chained(toks: &[Tok<'_>], f: &Found, c: &Atom) -> bool {
    texts(toks, f.end, c.first) == ["to"]
        && c.skip == Skip::No
        && !c.vague
        && f.q.high.is_some_and(|h| c.low > h)
        && (c.unit.is_none() || c.unit == f.q.unit)
}

/// A four-digit number that reads as a year when it stands in a range ("1600 and 1900").
fn years(a: &Atom) -> bool {
    a.plain_int
        && !a.known_unit()
        && (1000.0..=2100.0).contains(&a.low)
        && a.low.fract() == 0.0
        && a.mult <= 1.0
}

fn empty() -> Quantity {
    Quantity {
        start: 0,
        end: 0,
        low: None,
        high: None,
        bound: Ex,
        unit: None,
        unit_text: None,
        change: None,
    }
}

/// A conversion in parentheses shares the bound and change of the quantity before it:
/// "under 296 hp (224 kW / 300 PS)", "dropped by 1 to 1.5 °C (1.8 to 2.7 °F)".
fn inherit_in_parentheses(toks: &[Tok<'_>], found: &mut [Found]) {
    let mut parent: Option<usize> = None;
    for n in 1..found.len() {
        let (head, tail) = found.split_at_mut(n);
        let prev = &head[n - 1];
        let f = &mut tail[0];
        let between = texts(toks, prev.end, f.first);
        parent = match between.as_slice() {
            ["("] => Some(n - 1),
            ["/" | "," | ";"] => parent,
            _ => None,
        };
        let Some(p) = parent.map(|p| &head[p]) else {
            continue;
        };
        if f.q.change.is_some() {
            continue;
        }
        if f.q.bound == Bound::Range {
            f.q.change = p.q.change;
            continue;
        }
        if f.q.bound != Ex {
            continue;
        }
        f.q.change = p.q.change;
        match p.q.bound {
            Ge => f.q.high = None,
            Le => f.q.low = None,
            _ => continue,
        }
        f.q.bound = p.q.bound;
    }
}

/// "more than 10 and less than 20" → one range.
fn merge_bounds(toks: &[Tok<'_>], found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(prev) = out.last_mut() {
            let conn = texts(toks, prev.end, f.first);
            let joined = matches!(conn.as_slice(), ["and" | "but" | ","] | [",", "and"]);
            let lo_hi = match (prev.q.bound, f.q.bound) {
                (Ge, Le) => prev.q.low.zip(f.q.high),
                (Le, Ge) => f.q.low.zip(prev.q.high),
                _ => None,
            };
            if let Some((lo, hi)) = lo_hi.filter(|(lo, hi)| joined && lo < hi) {
                prev.q.low = Some(lo);
                prev.q.high = Some(hi);
                prev.q.bound = Bound::Range;
                prev.q.end = f.q.end;
                prev.end = f.end;
                if prev.q.unit.is_none() {
                    prev.q.unit = f.q.unit;
                    prev.q.unit_text = f.q.unit_text;
                }
                continue;
            }
        }
        out.push(f);
    }
    out
}
