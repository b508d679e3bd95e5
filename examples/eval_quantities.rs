//! Scores `crosscheck::quantity::find_quantities` on a NewsQuant-format file with the published
//! CQE matching rules (see `shared/data/newsquant/README.md`): numeric closeness, ranges as ordered
//! pairs, normalized-unit equality after mapping our units into the gold vocabulary, greedy pairing.
//!
//! `cargo run --release --example eval_quantities -- FILE.json [--details]`
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crosscheck::quantity::{Bound, Change, Quantity, find_quantities};
use serde::Deserialize;
use std::process::ExitCode;

/// One annotated sentence.
#[derive(Deserialize)]
struct Record {
    text: String,
    quantities: Vec<GoldQuantity>,
}

/// One annotated quantity (all fields are strings in the file).
#[derive(Deserialize)]
struct GoldQuantity {
    change: String,
    value: String,
    normalized_unit: String,
}

/// A value: one number or an ordered pair.
#[derive(Debug, Clone, Copy)]
enum Value {
    One(f64),
    Pair(f64, f64),
}

/// A quantity in the shape the scorer compares.
#[derive(Debug, Clone)]
struct Item {
    value: Value,
    unit: String,
    change: String,
}

/// Hit counters for one kind of match.
#[derive(Default)]
struct Counts {
    value: usize,
    unit: usize,
    change: usize,
    predicted: usize,
    gold: usize,
}

/// Parses a gold value: "12-120" and "3.0 - 4.0" are ranges, "-1.3" and "1E-5" are not.
fn gold_value(s: &str) -> Option<Value> {
    let s = s.trim();
    let is_range = !s.contains(['E', 'e']) && s.char_indices().skip(1).any(|(_, c)| c == '-');
    if is_range {
        let cut = s
            .char_indices()
            .skip(1)
            .find(|&(_, c)| c == '-')
            .map(|(i, _)| i)?;
        let lo = s[..cut].trim().parse().ok()?;
        let hi = s[cut + 1..].trim().parse().ok()?;
        return Some(Value::Pair(lo, hi));
    }
    s.parse().ok().map(Value::One)
}

/// Numerically close, as `numpy.isclose(predicted, gold)` with default tolerances.
fn close(gold: f64, pred: f64) -> bool {
    (gold - pred).abs() <= 1e-8 + 1e-5 * pred.abs()
}

fn value_match(gold: Value, pred: Value) -> bool {
    match (gold, pred) {
        (Value::One(g), Value::One(p)) => close(g, p),
        (Value::Pair(g1, g2), Value::Pair(p1, p2)) => close(g1, p1) && close(g2, p2),
        _ => false,
    }
}

/// Maps one of our normalized units into the `NewsQuant` vocabulary.
fn gold_unit_name(unit: &str, unit_text: &str) -> String {
    let one = |u: &str| -> String {
        match u {
            "percent" => "percentage".into(),
            "person" => "people".into(),
            "pound" => "pound sterling".into(),
            "generation" => "generation wireless".into(),
            "parts per billion" => "parts-per-billion".into(),
            "parts per million" => "parts-per-million".into(),
            "milliampere hour" => "milliampere-hour".into(),
            "revolution per minute" => "revolutions per minute".into(),
            "tonne" => "metric ton".into(),
            "singapore dollar" => "singaporean dollar".into(),
            "year" | "month" | "week" | "day"
                if unit_text.contains("old") || unit_text.contains("age") =>
            {
                format!("{u} of age")
            }
            "time" => "count".into(),
            other => other.into(),
        }
    };
    match unit.split_once(" per ") {
        Some((a, b)) if !unit.starts_with("parts") && !unit.starts_with("revolution") => {
            format!("{} per {}", one(a), one(b))
        }
        _ => one(unit),
    }
}

/// Converts our quantity into the scorer's shape.
fn predicted(q: &Quantity) -> Option<Item> {
    let value = match q.bound {
        Bound::Range => Value::Pair(q.low?, q.high?),
        Bound::AtMost => Value::One(q.high?),
        _ => Value::One(q.low?),
    };
    let change = match (q.change, q.bound) {
        (Some(Change::Up), _) => "up",
        (Some(Change::Down), _) => "down",
        (None, Bound::Approximate) => "~",
        (None, Bound::AtLeast) => ">",
        (None, Bound::AtMost) => "<",
        (None, Bound::Exact | Bound::Range) => "=",
    };
    let unit = q.unit.as_deref().map_or_else(
        || "-".to_string(),
        |u| gold_unit_name(u, q.unit_text.as_deref().unwrap_or("")),
    );
    Some(Item {
        value,
        unit,
        change: change.to_string(),
    })
}

/// Greedy pairing of one sentence, as described in the README.
fn score_sentence(gold: &mut [Item], preds: &mut Vec<Item>, c: &mut Counts) {
    gold.sort_by(|a, b| a.unit.cmp(&b.unit));
    preds.sort_by(|a, b| a.unit.cmp(&b.unit));
    let mut value_hits = 0;
    for g in gold.iter() {
        let mut k = 0;
        while k < preds.len() {
            let p = &preds[k];
            if value_match(g.value, p.value) {
                if value_hits < gold.len() {
                    value_hits += 1;
                    c.value += 1;
                }
                if g.change == p.change {
                    c.change += 1;
                }
                if g.unit.to_lowercase() == p.unit.to_lowercase() {
                    c.unit += 1;
                    preds.remove(k);
                    break;
                }
            }
            k += 1;
        }
    }
}

fn prf(hits: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            f64::from(u32::try_from(a).unwrap_or(u32::MAX))
                / f64::from(u32::try_from(b).unwrap_or(u32::MAX))
        }
    };
    let p = ratio(hits, predicted);
    let r = ratio(hits, gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn fmt_value(v: Value) -> String {
    match v {
        Value::One(x) => format!("{x}"),
        Value::Pair(a, b) => format!("{a}-{b}"),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let details = args.iter().any(|a| a == "--details");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: eval_quantities FILE.json [--details]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: reading {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let records: Vec<Record> = match serde_json::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: parsing {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut c = Counts::default();
    for r in &records {
        let mut gold: Vec<Item> = r
            .quantities
            .iter()
            .filter_map(|q| {
                Some(Item {
                    value: gold_value(&q.value)?,
                    unit: q.normalized_unit.clone(),
                    change: q.change.trim().to_string(),
                })
            })
            .collect();
        let mut preds: Vec<Item> = find_quantities(&r.text)
            .iter()
            .filter_map(predicted)
            .collect();
        c.gold += gold.len();
        c.predicted += preds.len();
        if details {
            let show = |items: &[Item]| {
                items
                    .iter()
                    .map(|i| format!("({} {} {})", i.change, fmt_value(i.value), i.unit))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            println!(
                "## {}\n   gold: {}\n   ours: {}",
                r.text,
                show(&gold),
                show(&preds)
            );
        }
        score_sentence(&mut gold, &mut preds, &mut c);
    }
    println!("{:<14} {:>6} {:>6} {:>6}", "kind", "P", "R", "F1");
    let mut f1 = [0.0; 3];
    for (n, (name, hits)) in [
        ("value", c.value),
        ("value+unit", c.unit),
        ("value+change", c.change),
    ]
    .into_iter()
    .enumerate()
    {
        let (p, r, f) = prf(hits, c.predicted, c.gold);
        f1[n] = f;
        println!("{name:<14} {p:>6.3} {r:>6.3} {f:>6.3}");
    }
    println!("gold={} predicted={}", c.gold, c.predicted);
    println!(
        "quantities: value_f1={:.3} value_unit_f1={:.3} value_change_f1={:.3} sentences={}",
        f1[0],
        f1[1],
        f1[2],
        records.len()
    );
    ExitCode::SUCCESS
}
