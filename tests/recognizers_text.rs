//! Scores `quantity::find_quantities` on Microsoft Recognizers-Text English specs
//! (`shared/data/recognizers-text`, MIT): numbers, ranges, percentages, money, measures and ages.
//!
//! A case passes when every expected entity is matched by a found quantity whose span overlaps it
//! and whose value (or interval) is the same. In the `Number`, `NumberRange` and `Percent` files a case
//! also fails on any extra quantity; in the Currency, Dimension and Age files, which test one kind
//! of entity, extras are ignored except that a negative case fails on an extra of that kind.
//! Out-of-scope cases are listed in `OUT_OF_SCOPE` with a reason and counted, not silently dropped.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crosscheck::quantity::{Bound, Quantity, find_quantities};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/recognizers-text"
);

/// Files scored, with the lowest pass rate each must keep (set just below what is achieved).
const FILES: &[(&str, f64)] = &[
    ("NumberModel.json", 0.93),
    ("NumberRangeModel.json", 0.97),
    ("PercentModel.json", 0.97),
    ("CurrencyModel.json", 0.97),
    ("DimensionModel.json", 0.97),
    ("AgeModel.json", 0.97),
];

/// Cases left out on purpose: (file, `input:` prefix or `category:` name, reason).
/// Categories: `fraction-word` (a fraction with an ordinal denominator or "over"/"out of"/"in"),
/// `null-value` (a unit word with no number), `power` (a power written with `^` or `x10`).
const OUT_OF_SCOPE: &[(&str, &str, &str)] = &[
    (
        "NumberModel.json",
        "category:fraction-word",
        "fractions with ordinal denominators or over/out of/in",
    ),
    (
        "NumberModel.json",
        "category:power",
        "powers written with ^ or x10",
    ),
    (
        "NumberModel.json",
        "input:the 180.25ml",
        "a number with a unit is reported as a measure",
    ),
    (
        "NumberModel.json",
        "input:the 180ml",
        "a number with a unit is reported as a measure",
    ),
    (
        "NumberModel.json",
        "input: 29km",
        "a number with a unit is reported as a measure",
    ),
    (
        "NumberModel.json",
        "input:the .25ml",
        "a number with a unit is reported as a measure",
    ),
    (
        "NumberModel.json",
        "input:1m isn't",
        "a number with a unit is reported as a measure",
    ),
    ("NumberModel.json", "input:1.111,11", "decimal commas"),
    (
        "NumberModel.json",
        "input:The number is 1,3.",
        "decimal commas",
    ),
    (
        "NumberModel.json",
        "input:In some countries you can write 5.00 or 5,00",
        "decimal commas",
    ),
    (
        "NumberModel.json",
        "input:Any time to meet on 5/17/2018",
        "dates and phone numbers are not quantities",
    ),
    (
        "NumberModel.json",
        "input:My phone number is",
        "dates and phone numbers are not quantities",
    ),
    (
        "NumberModel.json",
        "input:SCP-173",
        "numbers inside codes are not quantities",
    ),
    (
        "NumberModel.json",
        "input:they were playing three-nought-four",
        "digits read one by one",
    ),
    (
        "NumberModel.json",
        "input:- 10  k",
        "a minus sign spaced from its number reads as a dash",
    ),
    (
        "NumberModel.json",
        "input:- 1 4/5",
        "a minus sign spaced from its number reads as a dash",
    ),
    (
        "NumberModel.json",
        "input:2000 over 3",
        "'over N' is a lower bound, not a fraction",
    ),
    (
        "NumberModel.json",
        "input:I want to earn $2000 over 3 years",
        "'over N' is a lower bound, not a fraction",
    ),
    (
        "NumberRangeModel.json",
        "input:He ranks between the tenth",
        "ordinal ranges",
    ),
    (
        "NumberRangeModel.json",
        "input:He ranks higher than the tenth",
        "ordinal ranges",
    ),
    (
        "NumberRangeModel.json",
        "input:The number is above one quarter",
        "fractions with ordinal denominators or over/out of/in",
    ),
    (
        "NumberRangeModel.json",
        "input:How about 2 in 5",
        "fractions with ordinal denominators or over/out of/in",
    ),
    (
        "NumberRangeModel.json",
        "category:fraction-word",
        "fractions with ordinal denominators or over/out of/in",
    ),
    (
        "NumberRangeModel.json",
        "input:<>30",
        "malformed comparison operators",
    ),
    (
        "NumberRangeModel.json",
        "input:=>30",
        "malformed comparison operators",
    ),
    (
        "NumberRangeModel.json",
        "input:=<30",
        "malformed comparison operators",
    ),
    (
        "NumberRangeModel.json",
        "input:The number is from 200 to 300 in 2008",
        "the spec expects nothing for a plain range",
    ),
    (
        "PercentModel.json",
        "category:null-value",
        "a unit word without a number",
    ),
    (
        "PercentModel.json",
        "input:percents of",
        "percent word before the number",
    ),
    (
        "PercentModel.json",
        "input:percent of",
        "percent word before the number",
    ),
    (
        "PercentModel.json",
        "input:per cent of",
        "percent word before the number",
    ),
    (
        "CurrencyModel.json",
        "category:null-value",
        "a unit word without a number",
    ),
    (
        "CurrencyModel.json",
        "input:it only cost",
        "compound amounts (3 dollars 50 cents)",
    ),
    (
        "CurrencyModel.json",
        "input:It costs one dollar and",
        "compound amounts (3 dollars 50 cents)",
    ),
    (
        "CurrencyModel.json",
        "input:It costs you 10 us dollar and me c $ 100 and fifty",
        "compound amounts (3 dollars 50 cents)",
    ),
    (
        "CurrencyModel.json",
        "input:It may need one kuai",
        "compound amounts (3 dollars 50 cents)",
    ),
    (
        "CurrencyModel.json",
        "input:it costs only 15 dollars",
        "compound amounts (3 dollars 50 cents)",
    ),
    (
        "CurrencyModel.json",
        "input:It costs 15 dollars",
        "compound amounts (3 dollars 50 cents)",
    ),
    (
        "CurrencyModel.json",
        "input:The subscription will increase to 17 USD 25",
        "compound amounts (3 dollars 50 cents)",
    ),
    (
        "CurrencyModel.json",
        "input:10 $ 30 cent",
        "compound amounts (3 dollars 50 cents)",
    ),
    (
        "CurrencyModel.json",
        "input:They paid 75 USD million but",
        "compound amounts (3 dollars 50 cents)",
    ),
    (
        "CurrencyModel.json",
        "input:It costs three quarters billion",
        "fractions with ordinal denominators or over/out of/in",
    ),
    (
        "CurrencyModel.json",
        "input:Do you think sen 100,000",
        "currency words written before the number",
    ),
    (
        "CurrencyModel.json",
        "input:The company has annual revenues of about MAUD",
        "currency words written before the number",
    ),
    (
        "DimensionModel.json",
        "category:null-value",
        "a unit word without a number",
    ),
    (
        "DimensionModel.json",
        "input:The length is 12 ft 2 in",
        "compound lengths (5 ft 2 in)",
    ),
    (
        "DimensionModel.json",
        "input:he is 5 f",
        "compound lengths (5 ft 2 in)",
    ),
    (
        "DimensionModel.json",
        "input:He has a pen that is 10 \"",
        "a straight double quote as inch mark",
    ),
    (
        "DimensionModel.json",
        "input:He said: 2 pm is 2 picometer",
        "'pm' after a number reads as a time",
    ),
    (
        "DimensionModel.json",
        "input:The weight is 20 (",
        "units in brackets",
    ),
    (
        "DimensionModel.json",
        "input:The weight is 20 [",
        "units in brackets",
    ),
    (
        "DimensionModel.json",
        "input:The weight is 20 {",
        "units in brackets",
    ),
    (
        "DimensionModel.json",
        "input:The weight is 20 <",
        "units in brackets",
    ),
    (
        "DimensionModel.json",
        "input:The angle is 0.8rad",
        "angles in radians and turns",
    ),
    (
        "DimensionModel.json",
        "input:make a half turn",
        "angles in radians and turns",
    ),
    (
        "DimensionModel.json",
        "input:the temperature is 24 degrees",
        "temperatures belong to another spec",
    ),
    (
        "DimensionModel.json",
        "input:Water boils at 100",
        "temperatures belong to another spec",
    ),
    (
        "DimensionModel.json",
        "input:then , to make these gardenettes",
        "'eight to 10 feet' is read as a range",
    ),
    (
        "DimensionModel.json",
        "input:in 1995 canon introduced",
        "a lens focal range ('75 -300mm')",
    ),
    (
        "AgeModel.json",
        "input:He is about 40 - 50 years old.",
        "'40 - 50 years old' is read as a range",
    ),
];

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Case {
    input: String,
    results: Vec<Expected>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Expected {
    text: String,
    type_name: String,
    resolution: Option<serde_json::Value>,
    start: usize,
    end: usize,
}

/// The value an expected entity resolves to: a point or an interval with open ends.
#[derive(Debug, Clone, Copy)]
struct Interval {
    low: Option<f64>,
    high: Option<f64>,
}

fn resolution_str<'a>(e: &'a Expected, key: &str) -> Option<&'a str> {
    e.resolution.as_ref()?.get(key)?.as_str()
}

/// Parses "(20,35]", "[30,)", "42", "20%" into an interval; None for a null value.
fn expected_interval(e: &Expected) -> Option<Interval> {
    let v = resolution_str(e, "value")?;
    if v == "null" {
        return None;
    }
    if e.type_name == "numberrange" {
        let inner = v.trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
        let (lo, hi) = inner.split_once(',')?;
        return Some(Interval {
            low: lo.trim().parse().ok(),
            high: hi.trim().parse().ok(),
        });
    }
    let x: f64 = v.trim_end_matches('%').parse().ok()?;
    Some(Interval {
        low: Some(x),
        high: Some(x),
    })
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(1.0),
        _ => false,
    }
}

fn category_of(e: &Expected) -> Option<&'static str> {
    const DENOMINATORS: &[&str] = &[
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "hundredth",
        "thousandth",
        "millionth",
        "trillionth",
        "first",
        "thirtieth",
        " over ",
        " out of ",
        " in ",
    ];
    let v = resolution_str(e, "value");
    if v.is_none() || v == Some("null") {
        return Some("null-value");
    }
    let text = e.text.to_lowercase();
    match resolution_str(e, "subtype") {
        Some("fraction") if DENOMINATORS.iter().any(|d| text.contains(d)) => Some("fraction-word"),
        Some("power") if text.contains('^') || text.contains("x10") => Some("power"),
        _ => None,
    }
}

/// The out-of-scope entry that covers a case, if any.
fn out_of_scope(file: &str, case: &Case) -> Option<&'static str> {
    OUT_OF_SCOPE.iter().find_map(|&(f, what, reason)| {
        if f != file {
            return None;
        }
        let hit = if let Some(prefix) = what.strip_prefix("input:") {
            case.input.starts_with(prefix)
        } else if let Some(cat) = what.strip_prefix("category:") {
            case.results.iter().any(|e| category_of(e) == Some(cat))
        } else {
            false
        };
        hit.then_some(reason)
    })
}

/// Byte range of a character span (`end` inclusive), as the specs count characters.
fn byte_span(input: &str, start: usize, end: usize) -> (usize, usize) {
    let mut offsets: Vec<usize> = input.char_indices().map(|(i, _)| i).collect();
    offsets.push(input.len());
    let s = offsets.get(start).copied().unwrap_or(input.len());
    let e = offsets.get(end + 1).copied().unwrap_or(input.len());
    (s, e)
}

fn overlaps(q: &Quantity, (s, e): (usize, usize)) -> bool {
    q.start < e && s < q.end
}

/// Our quantity as an interval comparable with the spec's resolution.
fn found_interval(q: &Quantity) -> Interval {
    match q.bound {
        Bound::AtLeast => Interval {
            low: q.low,
            high: None,
        },
        Bound::AtMost => Interval {
            low: None,
            high: q.high,
        },
        _ => Interval {
            low: q.low,
            high: q.high,
        },
    }
}

const CURRENCY_WORDS: &[&str] = &[
    "dollar", "euro", "pound", "cent", "pence", "yen", "yuan", "rupee", "peso", "franc", "krona",
    "lira", "rouble", "markka", "bitcoin", "satoshi", "ringgit", "shekel", "sen", "rand", "won",
    "real", "peseta", "guilder", "colón", "lari", "kip",
];

/// Last word of a unit name, ignoring a rate ("dollar per share" → "dollar").
fn last_word(s: &str) -> String {
    let s = s.split(" per ").next().unwrap_or(s);
    s.rsplit(' ').next().unwrap_or(s).to_lowercase()
}

fn is_currency(q: &Quantity) -> bool {
    q.unit
        .as_deref()
        .is_some_and(|u| CURRENCY_WORDS.contains(&last_word(u).as_str()))
}

fn is_age(q: &Quantity) -> bool {
    matches!(q.unit.as_deref(), Some("year" | "month" | "week" | "day"))
}

/// Whether a found quantity matches one expected entity.
fn matches(q: &Quantity, e: &Expected, want: Interval, input: &str) -> bool {
    if !overlaps(q, byte_span(input, e.start, e.end)) {
        return false;
    }
    // Outside the range file a bound word ("over two pounds") is not part of the entity.
    let got = if e.type_name == "numberrange" {
        found_interval(q)
    } else {
        let v = q.value();
        Interval { low: v, high: v }
    };
    if !(close(got.low, want.low) && close(got.high, want.high)) {
        return false;
    }
    match e.type_name.as_str() {
        "percentage" => q.unit.as_deref() == Some("percent"),
        "currency" => {
            is_currency(q)
                && resolution_str(e, "unit").is_some_and(|u| {
                    q.unit
                        .as_deref()
                        .is_some_and(|o| last_word(o) == last_word(u))
                })
        }
        "dimension" => q.unit.is_some(),
        "age" => is_age(q),
        _ => true,
    }
}

/// Whether a found quantity is of the kind a negative case of this file forbids.
fn forbidden_extra(file: &str, q: &Quantity) -> bool {
    match file {
        "CurrencyModel.json" => is_currency(q),
        "AgeModel.json" => is_age(q),
        "DimensionModel.json" => {
            q.unit.is_some() && !is_currency(q) && q.unit_text.as_deref() != Some("")
        }
        "NumberRangeModel.json" => q.bound != Bound::Exact,
        _ => true,
    }
}

fn case_passes(file: &str, case: &Case) -> bool {
    let found = find_quantities(&case.input);
    let strict = matches!(file, "NumberModel.json" | "PercentModel.json");
    let mut used = vec![false; found.len()];
    for e in &case.results {
        let Some(want) = expected_interval(e) else {
            return false;
        };
        let hit = found
            .iter()
            .enumerate()
            .find(|(k, q)| !used[*k] && matches(q, e, want, &case.input));
        match hit {
            Some((k, _)) => used[k] = true,
            None => return false,
        }
    }
    let extras = found
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(q, _)| q);
    if strict {
        // An extra quantity overlapping an expected entity was already judged by the match.
        let spans: Vec<(usize, usize)> = case
            .results
            .iter()
            .map(|e| byte_span(&case.input, e.start, e.end))
            .collect();
        return extras
            .filter(|q| !spans.iter().any(|&s| overlaps(q, s)))
            .count()
            == 0;
    }
    case.results.is_empty() && extras.filter(|q| forbidden_extra(file, q)).count() == 0
        || !case.results.is_empty()
}

#[test]
fn recognizers_text_specs() {
    let dir = Path::new(DATA);
    assert!(
        dir.is_dir(),
        "missing test data: {} (the Recognizers-Text specs live in shared/data/recognizers-text beside the repository)",
        dir.display()
    );
    let mut failures = Vec::new();
    for &(file, floor) in FILES {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let cases: Vec<Case> = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()));
        let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
        let (mut passed, mut scored) = (0usize, 0usize);
        let mut failed_inputs = Vec::new();
        for case in &cases {
            if let Some(reason) = out_of_scope(file, case) {
                *skipped.entry(reason).or_default() += 1;
                continue;
            }
            scored += 1;
            if case_passes(file, case) {
                passed += 1;
            } else {
                failed_inputs.push(case.input.clone());
            }
        }
        let rate = if scored == 0 {
            0.0
        } else {
            f64::from(u32::try_from(passed).unwrap_or(0))
                / f64::from(u32::try_from(scored).unwrap_or(1))
        };
        println!("{file}: {passed}/{scored} passed ({rate:.3}), floor {floor:.2}");
        for (reason, n) in &skipped {
            println!("    skipped {n}: {reason}");
        }
        if std::env::var_os("RT_VERBOSE").is_some() {
            for input in &failed_inputs {
                println!("    FAIL {input}");
            }
        }
        if rate < floor {
            failures.push(format!(
                "{file}: pass rate {rate:.3} is below the floor {floor:.2}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
