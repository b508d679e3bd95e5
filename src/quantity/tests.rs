//! Unit tests for the quantity parser: one group per behaviour in the module's contract.

use super::*;

#[track_caller]
fn num(s: &str, want: f64) {
    let got = parse_number(s);
    let ok = got.is_some_and(|g| (g - want).abs() <= 1e-9 * want.abs().max(1.0));
    assert!(ok, "parse_number({s:?}) = {got:?}, want {want}");
}

#[track_caller]
fn same(got: Option<f64>, want: Option<f64>) -> bool {
    match (got, want) {
        (Some(g), Some(w)) => (g - w).abs() <= 1e-9 * w.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// The single quantity of `text`, checked for bound and interval.
#[track_caller]
fn quantity(text: &str, bound: Bound, low: Option<f64>, high: Option<f64>) -> Quantity {
    let found = find_quantities(text);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    let q = found.into_iter().next().expect("one quantity");
    assert_eq!(q.bound, bound, "{text:?}: {q:?}");
    assert!(same(q.low, low) && same(q.high, high), "{text:?}: {q:?}");
    q
}

#[track_caller]
fn exact(text: &str, v: f64) -> Quantity {
    quantity(text, Bound::Exact, Some(v), Some(v))
}

#[track_caller]
fn unit_of(text: &str) -> (Option<String>, Option<String>) {
    let found = find_quantities(text);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    (found[0].unit.clone(), found[0].unit_text.clone())
}

#[test]
fn integers_with_separators() {
    num("4,000", 4000.0);
    num("1,234,567", 1_234_567.0);
    num("40\u{202F}000", 40_000.0);
    num("40\u{A0}000", 40_000.0);
    num("12,34,567.89", 1_234_567.89);
    exact("The bill cut 4,000 jobs.", 4000.0);
}

#[test]
fn decimals_and_negatives() {
    num("3.5", 3.5);
    num(".5", 0.5);
    num("-1.3", -1.3);
    num("minus five", -5.0);
    exact("The Hornets total offense was minus-5 yards.", -5.0);
    exact("rates are at .25 today", 0.25);
}

#[test]
fn percentages() {
    for text in [
        "Turnout was 90%.",
        "Turnout was 90 percent.",
        "Turnout was 90 per cent.",
    ] {
        let q = exact(text, 90.0);
        assert_eq!(q.unit.as_deref(), Some("percent"));
    }
    let q = exact("Turnout was 90 per cent.", 90.0);
    assert_eq!(q.unit_text.as_deref(), Some("per cent"));
}

#[test]
fn number_words() {
    num("ninety", 90.0);
    num("ninety-five", 95.0);
    num("forty-three", 43.0);
    num("three hundred and thirty one", 331.0);
    num("a hundred", 100.0);
    num("one and a half", 1.5);
    num("two million", 2e6);
    num("half a million", 5e5);
    num("a dozen", 12.0);
    exact("Twenty-six people died in the accident.", 26.0);
}

#[test]
fn multipliers() {
    num("1.2 billion", 1.2e9);
    num("1.2bn", 1.2e9);
    num("$13.6M", 13.6e6);
    num("5k", 5000.0);
    num("3 trillion", 3e12);
    num("13 lakh", 1.3e6);
    exact("The fund holds 2.7m shares.", 2.7e6);
}

#[test]
fn currencies_with_multipliers() {
    let cases = [
        ("It paid $13.6M for the site.", 13.6e6, "dollar", "$"),
        ("Sales hit US$4.5 billion.", 4.5e9, "dollar", "US$"),
        ("A fine of €20 million was set.", 20e6, "euro", "€"),
        ("He earned £1.2bn last year.", 1.2e9, "pound", "£"),
        ("It costs 5 dollars.", 5.0, "dollar", "dollars"),
        ("A grant of 300 million euros.", 3e8, "euro", "euros"),
    ];
    for (text, v, unit, written) in cases {
        let q = exact(text, v);
        assert_eq!(q.unit.as_deref(), Some(unit), "{text}");
        assert_eq!(q.unit_text.as_deref(), Some(written), "{text}");
    }
}

#[test]
fn vague_plurals_are_ranges() {
    quantity(
        "Dozens of people were hurt.",
        Bound::Range,
        Some(12.0),
        Some(120.0),
    );
    quantity("Hundreds fled.", Bound::Range, Some(100.0), Some(1000.0));
    quantity("Thousands marched.", Bound::Range, Some(1e3), Some(1e4));
    quantity(
        "Tens of thousands marched.",
        Bound::Range,
        Some(1e4),
        Some(1e5),
    );
    quantity("Millions watched.", Bound::Range, Some(1e6), Some(1e7));
    let (unit, _) = unit_of("Dozens of people were hurt.");
    assert_eq!(unit.as_deref(), Some("person"));
    exact("They seized a dozen rifles.", 12.0);
}

#[test]
fn ranges() {
    let r = |t: &str, lo: f64, hi: f64| quantity(t, Bound::Range, Some(lo), Some(hi));
    let q = r("Between 4,000 and 6,000 fighters remain.", 4000.0, 6000.0);
    assert_eq!(q.unit.as_deref(), Some("fighter"));
    r("It lasted from 20 to 30 minutes.", 20.0, 30.0);
    r("An estimated 4,000-6,000 people.", 4000.0, 6000.0);
    r("It has 4,000 to 6,000 members.", 4000.0, 6000.0);
    r("The number range is 5k-20k", 5000.0, 20_000.0);
    r("a fine of $3 billion to $5 billion", 3e9, 5e9);
    r("prices between 5% and 6%", 5.0, 6.0);
    r("a 5-10W laser", 5.0, 10.0);
}

#[test]
fn range_spans_cover_the_whole_expression() {
    let text = "They said between 4,000 and 6,000 fighters were there.";
    let q = &find_quantities(text)[0];
    assert_eq!(&text[q.start..q.end], "between 4,000 and 6,000 fighters");
}

#[test]
fn lower_bounds() {
    for phrase in [
        "at least",
        "no fewer than",
        "more than",
        "over",
        "above",
        "exceeding",
        "upwards of",
    ] {
        let text = format!("The attack killed {phrase} 95 people.");
        let q = quantity(&text, Bound::AtLeast, Some(95.0), None);
        assert!(text[q.start..q.end].starts_with(phrase), "{text}: {q:?}");
    }
    quantity(
        "It killed 95 or more people.",
        Bound::AtLeast,
        Some(95.0),
        None,
    );
    quantity("a 50-plus crowd", Bound::AtLeast, Some(50.0), None);
}

#[test]
fn upper_bounds() {
    for phrase in [
        "at most",
        "up to",
        "less than",
        "fewer than",
        "under",
        "below",
        "no more than",
    ] {
        let text = format!("The plan will cut {phrase} 700 jobs.");
        quantity(&text, Bound::AtMost, None, Some(700.0));
    }
}

#[test]
fn approximations() {
    for phrase in [
        "nearly",
        "almost",
        "around",
        "about",
        "approximately",
        "roughly",
        "some",
        "an estimated",
        "close to",
        "~",
    ] {
        let text = format!("They found {phrase} 100 bodies.");
        quantity(&text, Bound::Approximate, Some(100.0), Some(100.0));
    }
}

#[test]
fn directions_of_change() {
    let up = [
        "Shares rose 5%.",
        "Sales increased by 5%.",
        "Output grew 5%.",
        "It jumped 5%.",
        "Index up 5%.",
    ];
    for text in up {
        let q = exact(text, 5.0);
        assert_eq!(q.change, Some(Change::Up), "{text}");
    }
    let down = [
        "Attacks fell by 90%.",
        "Exports decreased 90%.",
        "Stocks dropped 90%.",
        "It slid 90%.",
        "Index down 90%.",
    ];
    for text in down {
        let q = exact(text, 90.0);
        assert_eq!(q.change, Some(Change::Down), "{text}");
    }
    assert_eq!(
        exact("a 3% increase in prices", 3.0).change,
        Some(Change::Up)
    );
    assert_eq!(exact("a 3% drop in prices", 3.0).change, Some(Change::Down));
    // "rose to" states a level, not a change.
    assert_eq!(exact("Revenue rose to $7 billion.", 7e9).change, None);
    // A phrasal verb is not a change.
    assert_eq!(
        find_quantities("It racked up more than $247 million.")[0].change,
        None
    );
}

#[test]
fn counted_nouns_and_ages() {
    assert_eq!(
        unit_of("At least 143 people died."),
        (Some("person".into()), Some("people".into()))
    );
    assert_eq!(
        unit_of("Some 4,000 fighters joined."),
        (Some("fighter".into()), Some("fighters".into()))
    );
    assert_eq!(
        unit_of("It issued a 30-page statement."),
        (Some("page".into()), Some("page".into()))
    );
    assert_eq!(
        unit_of("A 29-year-old man was held.").0.as_deref(),
        Some("year")
    );
    assert_eq!(
        unit_of("They staged 12 attacks.").0.as_deref(),
        Some("attack")
    );
    assert_eq!(
        unit_of("a speed of 15 mph").0.as_deref(),
        Some("mile per hour")
    );
}

#[test]
fn years_dates_times_and_ordinals_are_not_quantities() {
    for text in [
        "In 2023 the group regrouped.",
        "It has operated since 1999.",
        "The 2019 review was published.",
        "She died on September 8 in Dar es Salaam.",
        "We did that on Aug. 14, Ford said.",
        "The meeting starts at 9:30.",
        "It happened at 11 a.m. on Monday.",
        "This is the 22nd amendment.",
        "The third attack came later.",
        "Callum 1 September 2019 11:30",
        "Bristol City beat Charlton 2-1 at home.",
        "iPhone 11 Pro cameras",
        "a COVID-19 test",
    ] {
        assert!(
            find_quantities(text).is_empty(),
            "{text}: {:?}",
            find_quantities(text)
        );
    }
    // A year-like number with a unit is a quantity.
    exact("It weighs 2000 kg.", 2000.0);
    exact("It cost $2,019.", 2019.0);
}

#[test]
fn quantities_come_in_order_without_overlaps() {
    let text = "Attacks rose 40% to 1,200 in 2023, while 3 of 5 provinces saw fewer than 10.";
    let found = find_quantities(text);
    assert!(found.len() >= 4, "{found:?}");
    for pair in found.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
}

#[test]
fn parse_quantity_reads_fragments() {
    let q = parse_quantity("between 4,000 and 6,000").expect("a range");
    assert_eq!(
        (q.bound, q.low, q.high),
        (Bound::Range, Some(4000.0), Some(6000.0))
    );
    let q = parse_quantity("at least 95 people").expect("a bound");
    assert_eq!((q.bound, q.low, q.high), (Bound::AtLeast, Some(95.0), None));
    let q = parse_quantity("up to 700").expect("a bound");
    assert_eq!((q.bound, q.high), (Bound::AtMost, Some(700.0)));
    let q = parse_quantity("dozens").expect("vague");
    assert_eq!((q.low, q.high), (Some(12.0), Some(120.0)));
    let q = parse_quantity("90%").expect("percent");
    assert_eq!(q.unit.as_deref(), Some("percent"));
    assert_eq!(parse_quantity("2023").and_then(|q| q.low), Some(2023.0));
    assert_eq!(parse_quantity("no number here"), None);
    assert_eq!(parse_number("hello"), None);
}

/// A small deterministic generator, so the no-panic test needs no extra crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn arbitrary_unicode_never_panics_and_offsets_are_char_boundaries() {
    const PIECES: &[&str] = &[
        "1",
        "0",
        "9",
        ",",
        ".",
        "-",
        "–",
        "$",
        "€",
        "£",
        "%",
        " ",
        "\u{202F}",
        "\u{A0}",
        "½",
        "/",
        ":",
        "'",
        "’",
        "a",
        "m",
        "k",
        "bn",
        "G",
        "minus",
        "between",
        "and",
        "to",
        "more than",
        "up to",
        "dozens",
        "of",
        "people",
        "year-old",
        "é",
        "日本",
        "🙂",
        "\u{301}",
        "ß",
        "İ",
        "(",
        ")",
        "+",
        "~",
        "per cent",
        "half",
        "one",
        "hundred",
    ];
    let mut rng = Lcg(7);
    for _ in 0..3000 {
        let len = 1 + rng.next() % 25;
        let mut text = String::new();
        for _ in 0..len {
            let k = usize::try_from(rng.next()).unwrap_or(0) % PIECES.len();
            text.push_str(PIECES[k]);
        }
        let _ = parse_number(&text);
        let _ = parse_quantity(&text);
        for q in find_quantities(&text) {
            assert!(q.start < q.end && q.end <= text.len(), "{text:?}: {q:?}");
            assert!(
                text.is_char_boundary(q.start) && text.is_char_boundary(q.end),
                "{text:?}: {q:?}"
            );
        }
    }
    assert!(find_quantities("Ünïcödé 日本 £ 🙂 ½ 4,000 €").len() >= 2);
}
