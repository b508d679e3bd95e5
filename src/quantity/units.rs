//! Unit and currency lexicons: which words after (or symbols before) a number name its unit,
//! and their normalized names. Also the small lemmatiser used for counted nouns.

use super::token::{Kind, Tok};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The family a known unit belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// Percent and percentage points.
    Percent,
    /// Money.
    Currency,
    /// Physical measures and durations.
    Measure,
}

/// A unit recognized after a number.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitMatch {
    /// Normalized name ("percent", "dollar", "kilometre per hour").
    pub(crate) norm: String,
    /// Token index after the unit.
    pub(crate) end: usize,
    /// The unit's family.
    pub(crate) kind: UnitKind,
    /// Multiplier carried by the unit ("MUSD" is a million dollars).
    pub(crate) mult: f64,
}

use UnitKind::{Currency as C, Measure as M, Percent as P};

/// Units matched case-insensitively after a number: (surface, normalized, kind).
const UNITS: &[(&str, &str, UnitKind)] = &[
    ("%", "percent", P),
    ("percent", "percent", P),
    ("percents", "percent", P),
    ("per cent", "percent", P),
    ("pc", "percent", P),
    ("pct", "percent", P),
    ("percentage", "percent", P),
    ("percentage point", "percentage point", P),
    ("percentage points", "percentage point", P),
    ("basis points", "basis point", P),
    ("basis point", "basis point", P),
    ("bps", "basis point", P),
    ("$", "dollar", C),
    ("dollar", "dollar", C),
    ("dollars", "dollar", C),
    ("usd", "dollar", C),
    ("us dollar", "dollar", C),
    ("us dollars", "dollar", C),
    ("u.s. dollars", "dollar", C),
    ("american dollars", "dollar", C),
    ("australian dollars", "australian dollar", C),
    ("australian dollar", "australian dollar", C),
    ("aud", "australian dollar", C),
    ("canadian dollars", "canadian dollar", C),
    ("canadian dollar", "canadian dollar", C),
    ("cad", "canadian dollar", C),
    ("hong kong dollars", "hong kong dollar", C),
    ("hkd", "hong kong dollar", C),
    ("new zealand dollars", "new zealand dollar", C),
    ("nzd", "new zealand dollar", C),
    ("singapore dollars", "singapore dollar", C),
    ("taiwan dollars", "new taiwan dollar", C),
    ("€", "euro", C),
    ("euro", "euro", C),
    ("euros", "euro", C),
    ("eur", "euro", C),
    ("£", "pound", C),
    ("gbp", "pound", C),
    ("pounds sterling", "pound", C),
    ("sterling", "pound", C),
    ("pence", "pence", C),
    ("penny", "pence", C),
    ("p", "pence", C),
    ("cents", "cent", C),
    ("cent", "cent", C),
    ("yen", "japanese yen", C),
    ("jpy", "japanese yen", C),
    ("yuan", "chinese yuan", C),
    ("chinese yuan", "chinese yuan", C),
    ("renminbi", "chinese yuan", C),
    ("rmb", "chinese yuan", C),
    ("cny", "chinese yuan", C),
    ("元", "chinese yuan", C),
    ("rupees", "indian rupee", C),
    ("rupee", "indian rupee", C),
    ("inr", "indian rupee", C),
    ("shekels", "shekel", C),
    ("shekel", "shekel", C),
    ("nis", "shekel", C),
    ("ringgit", "malaysian ringgit", C),
    ("sen", "sen", C),
    ("pesos", "peso", C),
    ("peso", "peso", C),
    ("francs", "swiss franc", C),
    ("swiss francs", "swiss franc", C),
    ("chf", "swiss franc", C),
    ("rand", "south african rand", C),
    ("lira", "turkish lira", C),
    ("turkish lira", "turkish lira", C),
    ("roubles", "russian rouble", C),
    ("rubles", "russian rouble", C),
    ("kronor", "swedish krona", C),
    ("sek", "swedish krona", C),
    ("finnish markka", "finnish markka", C),
    ("pesetas", "spanish peseta", C),
    ("guilders", "dutch guilder", C),
    ("dutch guilders", "dutch guilder", C),
    ("₡", "costa rican colón", C),
    ("₾", "georgian lari", C),
    ("₭", "lao kip", C),
    ("ரூ", "sri lankan rupee", C),
    ("bitcoins", "bitcoin", C),
    ("bitcoin", "bitcoin", C),
    ("btc", "bitcoin", C),
    ("satoshis", "satoshi", C),
    ("km", "kilometre", M),
    ("kms", "kilometre", M),
    ("kilometre", "kilometre", M),
    ("kilometres", "kilometre", M),
    ("kilometer", "kilometre", M),
    ("kilometers", "kilometre", M),
    ("metre", "metre", M),
    ("metres", "metre", M),
    ("meter", "metre", M),
    ("meters", "metre", M),
    ("cm", "centimetre", M),
    ("centimetres", "centimetre", M),
    ("centimeters", "centimetre", M),
    ("mm", "millimetre", M),
    ("millimetres", "millimetre", M),
    ("millimeters", "millimetre", M),
    ("μm", "micrometre", M),
    ("µm", "micrometre", M),
    ("microns", "micrometre", M),
    ("nanometres", "nanometre", M),
    ("nanometers", "nanometre", M),
    ("mile", "mile", M),
    ("miles", "mile", M),
    ("mi", "mile", M),
    ("nautical miles", "nautical mile", M),
    ("yard", "yard", M),
    ("yards", "yard", M),
    ("yd", "yard", M),
    ("yds", "yard", M),
    ("foot", "foot", M),
    ("feet", "foot", M),
    ("ft", "foot", M),
    ("'", "foot", M),
    ("inch", "inch", M),
    ("inches", "inch", M),
    ("″", "inch", M),
    ("light years", "light year", M),
    ("light-years", "light year", M),
    ("sq m", "square metre", M),
    ("sqm", "square metre", M),
    ("m2", "square metre", M),
    ("m²", "square metre", M),
    ("square metres", "square metre", M),
    ("square meters", "square metre", M),
    ("km2", "square kilometre", M),
    ("km²", "square kilometre", M),
    ("sq km", "square kilometre", M),
    ("square kilometres", "square kilometre", M),
    ("square kilometers", "square kilometre", M),
    ("square miles", "square mile", M),
    ("square mile", "square mile", M),
    ("sq ft", "square foot", M),
    ("square feet", "square foot", M),
    ("square foot", "square foot", M),
    ("acres", "acre", M),
    ("acre", "acre", M),
    ("hectares", "hectare", M),
    ("hectare", "hectare", M),
    ("kg", "kilogram", M),
    ("kgs", "kilogram", M),
    ("kilograms", "kilogram", M),
    ("kilogram", "kilogram", M),
    ("kilos", "kilogram", M),
    ("g", "gram", M),
    ("grams", "gram", M),
    ("gram", "gram", M),
    ("mg", "milligram", M),
    ("milligrams", "milligram", M),
    ("milligram", "milligram", M),
    ("lb", "pound-mass", M),
    ("lbs", "pound-mass", M),
    ("pound", "pound-mass", M),
    ("pounds", "pound-mass", M),
    ("oz", "ounce", M),
    ("ounces", "ounce", M),
    ("ounce", "ounce", M),
    ("t", "tonne", M),
    ("metric tons", "tonne", M),
    ("tonnes", "tonne", M),
    ("tonne", "tonne", M),
    ("tons", "ton", M),
    ("ton", "ton", M),
    ("drams", "dram", M),
    ("litre", "litre", M),
    ("litres", "litre", M),
    ("liter", "litre", M),
    ("liters", "litre", M),
    ("l", "litre", M),
    ("ml", "millilitre", M),
    ("millilitres", "millilitre", M),
    ("gallons", "gallon", M),
    ("gallon", "gallon", M),
    ("barrels of oil", "barrel of oil", M),
    ("barrels", "barrel", M),
    ("barrel", "barrel", M),
    ("bbl", "barrel", M),
    ("cubic metres", "cubic metre", M),
    ("cubic meters", "cubic metre", M),
    ("mph", "mile per hour", M),
    ("miles per hour", "mile per hour", M),
    ("km/h", "kilometre per hour", M),
    ("km/hr", "kilometre per hour", M),
    ("kph", "kilometre per hour", M),
    ("kmph", "kilometre per hour", M),
    ("miles an hour", "mile per hour", M),
    ("kilometres an hour", "kilometre per hour", M),
    ("kilometers an hour", "kilometre per hour", M),
    ("kmh", "kilometre per hour", M),
    ("kilometres per hour", "kilometre per hour", M),
    ("kilometers per hour", "kilometre per hour", M),
    ("m/s", "metre per second", M),
    ("knots", "knot", M),
    ("watts", "watt", M),
    ("watt", "watt", M),
    ("kw", "kilowatt", M),
    ("kilowatts", "kilowatt", M),
    ("kilowatt", "kilowatt", M),
    ("mw", "megawatt", M),
    ("megawatts", "megawatt", M),
    ("megawatt", "megawatt", M),
    ("gw", "gigawatt", M),
    ("gigawatts", "gigawatt", M),
    ("gigawatt", "gigawatt", M),
    ("kwh", "kilowatt hour", M),
    ("kilowatt hours", "kilowatt hour", M),
    ("kilowatt-hours", "kilowatt hour", M),
    ("mwh", "megawatt hour", M),
    ("gwh", "gigawatt hour", M),
    ("gigawatt hours", "gigawatt hour", M),
    ("twh", "terawatt hour", M),
    ("hp", "horsepower", M),
    ("horsepower", "horsepower", M),
    ("bhp", "brake horsepower", M),
    ("nm", "newton metre", M),
    ("lb-ft", "foot pound-force", M),
    ("pound-feet", "pound-foot", M),
    ("mah", "milliampere hour", M),
    ("volts", "volt", M),
    ("volt", "volt", M),
    ("amps", "ampere", M),
    ("a/cm2", "ampere per square centimetre", M),
    ("hz", "hertz", M),
    ("khz", "kilohertz", M),
    ("mhz", "megahertz", M),
    ("ghz", "gigahertz", M),
    ("gb", "gigabyte", M),
    ("gigabytes", "gigabyte", M),
    ("tb", "terabyte", M),
    ("terabytes", "terabyte", M),
    ("mb", "megabyte", M),
    ("megabytes", "megabyte", M),
    ("kb", "kilobyte", M),
    ("mbps", "megabit per second", M),
    ("gbps", "gigabit per second", M),
    ("kbps", "kilobit per second", M),
    ("degrees celsius", "celsius", M),
    ("degree celsius", "celsius", M),
    ("degrees fahrenheit", "fahrenheit", M),
    ("degree fahrenheit", "fahrenheit", M),
    ("degrees c", "celsius", M),
    ("degrees f", "fahrenheit", M),
    ("°c", "celsius", M),
    ("° c", "celsius", M),
    ("°f", "fahrenheit", M),
    ("° f", "fahrenheit", M),
    ("degc", "celsius", M),
    ("deg c", "celsius", M),
    ("degf", "fahrenheit", M),
    ("deg f", "fahrenheit", M),
    ("celsius", "celsius", M),
    ("centigrade", "celsius", M),
    ("fahrenheit", "fahrenheit", M),
    ("kelvin", "kelvin", M),
    ("degrees", "degree", M),
    ("degree", "degree", M),
    ("°", "degree", M),
    ("rpm", "revolution per minute", M),
    ("ppm", "parts per million", M),
    ("ppb", "parts per billion", M),
    ("mpa", "megapascal", M),
    ("ksi", "kilopound per square inch", M),
    ("psi", "pound per square inch", M),
    ("calories", "calorie", M),
    ("kcal", "kilocalorie", M),
    ("seconds", "second", M),
    ("second", "second", M),
    ("secs", "second", M),
    ("sec", "second", M),
    ("minutes", "minute", M),
    ("minute", "minute", M),
    ("mins", "minute", M),
    ("min", "minute", M),
    ("hours", "hour", M),
    ("hour", "hour", M),
    ("hrs", "hour", M),
    ("hr", "hour", M),
    ("days", "day", M),
    ("day", "day", M),
    ("weeks", "week", M),
    ("week", "week", M),
    ("months", "month", M),
    ("month", "month", M),
    ("years", "year", M),
    ("year", "year", M),
    ("yrs", "year", M),
    ("decades", "decade", M),
    ("decade", "decade", M),
    ("centuries", "century", M),
    ("milliseconds", "millisecond", M),
    ("ms", "millisecond", M),
];

/// Units matched with their exact case: (surface, normalized, kind).
const CASED_UNITS: &[(&str, &str, UnitKind)] = &[
    ("m", "metre", M),
    ("W", "watt", M),
    ("V", "volt", M),
    ("F", "farad", M),
    ("R", "south african rand", C),
    ("PS", "horsepower", M),
    ("YEN", "japanese yen", C),
    ("Nm", "newton metre", M),
];

/// Currency-with-multiplier codes: "MUSD" is a million US dollars.
const MEGA_CODES: &[(&str, &str)] = &[
    ("musd", "dollar"),
    ("meur", "euro"),
    ("mgbp", "pound"),
    ("maud", "australian dollar"),
];

static TABLE: LazyLock<HashMap<&'static str, (&'static str, UnitKind)>> =
    LazyLock::new(|| UNITS.iter().map(|&(s, n, k)| (s, (n, k))).collect());

/// Joins tokens `j..k` as written, with one space where the text has whitespace.
pub(crate) fn joined(toks: &[Tok<'_>], j: usize, k: usize) -> String {
    let mut s = String::new();
    for (n, t) in toks.get(j..k).unwrap_or(&[]).iter().enumerate() {
        if n > 0 && t.space_before {
            s.push(' ');
        }
        s.push_str(t.text);
    }
    s
}

/// Longest known unit starting at token `j`.
pub(crate) fn unit_after(toks: &[Tok<'_>], j: usize) -> Option<UnitMatch> {
    let first = toks.get(j)?;
    for len in (1..=4).rev() {
        let k = j + len;
        if k > toks.len() {
            continue;
        }
        // Units of several tokens must not swallow a following glued word ("m" of "mph").
        if toks
            .get(k)
            .is_some_and(|n| n.glued() && n.kind == Kind::Word && toks[k - 1].kind == Kind::Word)
        {
            continue;
        }
        let surface = joined(toks, j, k);
        let lower = surface.to_lowercase();
        let cased = CASED_UNITS
            .iter()
            .find(|(s, _, _)| *s == surface)
            .map(|&(_, n, k)| (n, k));
        let hit = cased.or_else(|| TABLE.get(lower.as_str()).copied());
        if let Some((norm, kind)) = hit {
            if cased.is_none() && !unit_allowed(&lower, first, toks.get(k)) {
                continue;
            }
            return Some(UnitMatch {
                norm: norm.to_string(),
                end: k,
                kind,
                mult: 1.0,
            });
        }
        if len == 1
            && let Some(&(_, norm)) = MEGA_CODES.iter().find(|(s, _)| *s == lower)
        {
            return Some(UnitMatch {
                norm: norm.to_string(),
                end: k,
                kind: C,
                mult: 1e6,
            });
        }
    }
    None
}

/// Vetoes readings that are too ambiguous in running text.
fn unit_allowed(lower: &str, first: &Tok<'_>, after: Option<&Tok<'_>>) -> bool {
    match lower {
        // Short symbols must be glued ("45g", "1.0l") or are too common as words.
        "g" | "l" | "p" | "t" | "mi" | "ms" | "nm" | "sec" | "hr" | "'" => {
            first.glued() && !after.is_some_and(|a| a.glued() && a.kind == Kind::Word)
        }
        "m" => !after.is_some_and(super::token::Tok::glued),
        _ => true,
    }
}

/// A currency written before a number: its normalized name and the token where it starts.
pub(crate) fn currency_before(toks: &[Tok<'_>], i: usize) -> Option<(&'static str, usize)> {
    if i == 0 {
        return None;
    }
    // Longest first: "US $", "HK$", "u.s $", "$US" ...
    for len in (1..=4).rev() {
        if len > i {
            continue;
        }
        let j = i - len;
        if toks[j + 1..i]
            .iter()
            .any(|t| t.space_before && t.kind == Kind::Word)
        {
            continue;
        }
        let surface = joined(toks, j, i);
        let glued_to_word = j > 0 && toks[j].glued() && toks[j - 1].kind == Kind::Word;
        if glued_to_word {
            continue;
        }
        if let Some(n) = prefix_currency(&surface) {
            return Some((n, j));
        }
    }
    None
}

/// Normalized currency of a prefix symbol or code.
fn prefix_currency(surface: &str) -> Option<&'static str> {
    let cased = match surface {
        "PS" => Some("pound"),
        "RM" => Some("malaysian ringgit"),
        "Rs" | "Rs." => Some("indian rupee"),
        "Y=" => Some("japanese yen"),
        "R$" => Some("brazilian real"),
        "S$" | "S $" => Some("singapore dollar"),
        "A$" | "A $" | "$A" => Some("australian dollar"),
        _ => None,
    };
    if cased.is_some() {
        return cased;
    }
    let lower = surface.to_lowercase().replace(' ', "");
    Some(match lower.as_str() {
        "$" | "us$" | "u.s.$" | "u.s$" | "$us" | "usd" | "usd$" | "dollar" => "dollar",
        "au$" | "aud$" | "aud" => "australian dollar",
        "c$" | "ca$" | "cad$" | "cad" => "canadian dollar",
        "hk$" | "hkd" | "hkd$" => "hong kong dollar",
        "nz$" | "nzd$" | "nzd" => "new zealand dollar",
        "sgd" => "singapore dollar",
        "mex$" | "mxn$" | "mxn" => "mexican peso",
        "€" | "eur" => "euro",
        "£" | "gbp" => "pound",
        "¥" | "jpy" => "japanese yen",
        "₹" | "inr" => "indian rupee",
        "cny" | "rmb" => "chinese yuan",
        "myr" => "malaysian ringgit",
        "chf" => "swiss franc",
        "₿" | "btc" => "bitcoin",
        "₩" | "krw" => "south korean won",
        "₽" => "russian rouble",
        _ => return None,
    })
}

/// Whether a word is a month name or abbreviation.
pub(crate) fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Function words that never name what a number counts.
const STOP: &[&str] = &[
    "of",
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "nor",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "without",
    "as",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "do",
    "does",
    "did",
    "than",
    "that",
    "this",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "while",
    "why",
    "how",
    "per",
    "each",
    "every",
    "more",
    "less",
    "fewer",
    "most",
    "least",
    "up",
    "down",
    "over",
    "under",
    "above",
    "below",
    "after",
    "before",
    "since",
    "until",
    "till",
    "about",
    "into",
    "onto",
    "out",
    "off",
    "its",
    "it",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "him",
    "them",
    "us",
    "me",
    "not",
    "no",
    "so",
    "also",
    "only",
    "just",
    "even",
    "still",
    "then",
    "there",
    "here",
    "now",
    "ago",
    "later",
    "earlier",
    "said",
    "says",
    "say",
    "if",
    "because",
    "against",
    "between",
    "among",
    "through",
    "during",
    "all",
    "both",
    "either",
    "neither",
    "another",
    "such",
    "own",
    "same",
    "very",
    "too",
    "again",
    "once",
    "ever",
    "never",
    "yet",
    "via",
    "vs",
    "versus",
    "plus",
    "minus",
    "apiece",
    "each other",
    "respectively",
    "higher",
    "lower",
    "instead",
    "against the",
    "including",
    "like",
    "across",
    "around",
    "toward",
    "towards",
    "within",
    "beyond",
    "upon",
    "along",
    "am",
    "pm",
    "th",
    "st",
    "nd",
    "rd",
    "s",
    "percent",
    "cent",
];

/// Whether `w` is a function word that never names what a number counts.
pub(crate) fn is_stop(w: &str) -> bool {
    STOP.contains(&w) || is_month(w)
}

/// Singular form of an English noun, lowercased ("people" → "person", "cities" → "city").
pub(crate) fn lemma(w: &str) -> String {
    let w = w.to_lowercase();
    let irregular = match w.as_str() {
        "people" => Some("person"),
        "children" => Some("child"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "feet" => Some("foot"),
        "teeth" => Some("tooth"),
        "mice" => Some("mouse"),
        "geese" => Some("goose"),
        "lives" => Some("life"),
        "wives" => Some("wife"),
        "knives" => Some("knife"),
        "halves" => Some("half"),
        "wolves" => Some("wolf"),
        "thieves" => Some("thief"),
        "indices" => Some("index"),
        "analyses" => Some("analysis"),
        "crises" => Some("crisis"),
        "criteria" => Some("criterion"),
        "phenomena" => Some("phenomenon"),
        "heroes" => Some("hero"),
        "potatoes" => Some("potato"),
        "tomatoes" => Some("tomato"),
        "buses" => Some("bus"),
        "viruses" => Some("virus"),
        "statuses" => Some("status"),
        "bonuses" => Some("bonus"),
        "campuses" => Some("campus"),
        _ => None,
    };
    if let Some(s) = irregular {
        return s.to_string();
    }
    let n = w.len();
    let keep = [
        "ss",
        "us",
        "is",
        "news",
        "series",
        "species",
        "sales tax",
        "staff",
    ];
    if n <= 3 || keep.iter().any(|k| w.ends_with(k)) {
        return w;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suf in ["sses", "shes", "ches", "xes", "zes"] {
        if w.ends_with(suf) {
            return w[..n - 2].to_string();
        }
    }
    match w.strip_suffix('s') {
        Some(stem) if !stem.ends_with('\'') && !stem.ends_with('’') => stem.to_string(),
        _ => w,
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    #[test]
    fn lemmas() {
        assert_eq!(lemma("people"), "person");
        assert_eq!(lemma("Fighters"), "fighter");
        assert_eq!(lemma("casualties"), "casualty");
        assert_eq!(lemma("boxes"), "box");
        assert_eq!(lemma("attack"), "attack");
        assert_eq!(lemma("bus"), "bus");
    }

    #[test]
    fn units_after_numbers() {
        let t = tokenize("5 km/h");
        assert_eq!(
            unit_after(&t, 1).map(|u| u.norm),
            Some("kilometre per hour".into())
        );
        let t = tokenize("90 per cent");
        assert_eq!(unit_after(&t, 1).map(|u| u.end), Some(3));
        let t = tokenize("40 l");
        assert_eq!(unit_after(&t, 1), None);
    }

    #[test]
    fn currency_prefixes() {
        let t = tokenize("HK $3.7 billion");
        assert_eq!(currency_before(&t, 2), Some(("hong kong dollar", 0)));
        let t = tokenize("$US160 million");
        assert_eq!(currency_before(&t, 2), Some(("dollar", 0)));
    }
}
