//! Numbers and quantities in English news text: parse "4,000", "3.5", "ninety", "1.2 billion", ranges, bounds, units.
//!
//! `token` splits text, `words` reads number phrases, `units` knows units and currencies, `atom`
//! glues a number to its sign, currency and unit (`noun` adds counted nouns, ages and rates),
//! `filter` rejects years, dates, times and names, `cue` lists bound and change words, and `scan`
//! builds ranges, bounds and directions of change. Attribution and comparison are left to callers.

mod atom;
mod cue;
mod filter;
mod noun;
mod scan;
mod token;
mod units;
mod words;

/// How a stated number relates to the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The value as stated ("143 people").
    Exact,
    /// A hedged value ("nearly 100", "about 20", "an estimated 5 million").
    Approximate,
    /// A lower bound ("at least 95", "more than 180", "50 or more").
    AtLeast,
    /// An upper bound ("up to 700", "fewer than 10", "under 5").
    AtMost,
    /// An interval ("between 4,000 and 6,000", "5k-20k", "dozens").
    Range,
}

/// A direction of change stated with the number ("rose 5%", "fell by 90%").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// An increase ("rose", "jumped", "up", "a 5% rise").
    Up,
    /// A decrease ("fell", "dropped", "down", "a 3% drop").
    Down,
}

/// A number found in text, as an interval.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quantity {
    /// Byte offset of the whole quantity expression (bound words, currency and unit included).
    pub start: usize,
    /// Byte offset where the expression ends (exclusive).
    pub end: usize,
    /// Lower end; None when unbounded below.
    pub low: Option<f64>,
    /// Upper end; None when unbounded above.
    pub high: Option<f64>,
    /// How the stated number relates to the true value.
    pub bound: Bound,
    /// Normalized unit: "percent", "dollar", "euro", "pound", "year", a singular counted noun ("person").
    pub unit: Option<String>,
    /// The unit as written ("%", "per cent", "people", "$").
    pub unit_text: Option<String>,
    /// Direction of change stated with the number.
    pub change: Option<Change>,
}

impl Quantity {
    /// The single value of an exact or approximate quantity, or the known end of a bound.
    #[must_use]
    pub fn value(&self) -> Option<f64> {
        match self.bound {
            Bound::AtMost => self.high,
            Bound::Range => None,
            _ => self.low,
        }
    }
}

/// Parses one number expression: "4,000" → 4000, "3.5", "ninety-five", "two million", "1.2bn", "$13.6M", "half a million", "a dozen". None if it is not a number.
#[must_use]
pub fn parse_number(s: &str) -> Option<f64> {
    let toks = token::tokenize(s.trim());
    let n = toks.len();
    (0..n.min(4)).find_map(|i| {
        let a = atom::atom_at(&toks, i, 0)?;
        let covers = a.first == 0 && (a.end == n || a.num_end == n);
        (covers && !a.vague).then_some(a.low)
    })
}

/// Parses a whole quantity fragment such as "between 4,000 and 6,000", "at least 95 people", "more than 180", "nearly 100", "around 20", "up to 700", "dozens", "hundreds", "90%", "4,000-6,000". Returns None if the fragment holds no quantity.
#[must_use]
pub fn parse_quantity(s: &str) -> Option<Quantity> {
    if let Some(q) = scan::scan(s).into_iter().next() {
        return Some(q);
    }
    // Fragments such as "2023" are numbers even where a sentence would read them as years.
    let v = parse_number(s)?;
    let start = s.len() - s.trim_start().len();
    Some(Quantity {
        start,
        end: s.trim_end().len(),
        low: Some(v),
        high: Some(v),
        bound: Bound::Exact,
        unit: None,
        unit_text: None,
        change: None,
    })
}

/// Finds every quantity in a sentence, in order, non-overlapping.
#[must_use]
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    scan::scan(text)
}

#[cfg(test)]
mod tests;
