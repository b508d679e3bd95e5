//! Cue words around numbers: bound phrases ("at least", "up to", "nearly", "or more") and words
//! of change ("rose", "fell by", "a 5% drop"). The scanner decides where they apply.

use super::{Bound, Change};

use Bound::{Approximate as Ap, AtLeast as Ge, AtMost as Le, Exact as Ex};

/// Phrases written before a number, as lowercase token sequences.
pub(crate) const LEADS: &[(&[&str], Bound)] = &[
    (&["at", "least", "or", "equal", "to"], Ge),
    (&["equal", "to", "or", "more", "than"], Ge),
    (&["equal", "to", "or", "greater", "than"], Ge),
    (&["greater", "than", "or", "equal", "to"], Ge),
    (&["more", "than", "or", "equal", "to"], Ge),
    (&["higher", "or", "equal", "than"], Ge),
    (&["bigger", "or", "equal", "than"], Ge),
    (&["larger", "or", "equal", "than"], Ge),
    (&["greater", "or", "equal", "than"], Ge),
    (&["less", "than", "or", "equal", "to"], Le),
    (&["equal", "to", "or", "less", "than"], Le),
    (&["equal", "to", "or", "fewer", "than"], Le),
    (&["smaller", "or", "equal", "than"], Le),
    (&["lower", "or", "equal", "than"], Le),
    (&["less", "or", "equal", "than"], Le),
    (&["in", "the", "region", "of"], Ap),
    (&["under", "the", "age", "of"], Le),
    (&["over", "the", "age", "of"], Ge),
    (&["on", "the", "order", "of"], Ap),
    (&["in", "excess", "of"], Ge),
    (&["no", "fewer", "than"], Ge),
    (&["no", "less", "than"], Ge),
    (&["not", "less", "than"], Ge),
    (&["no", "more", "than"], Le),
    (&["not", "more", "than"], Le),
    (&["no", "higher", "than"], Le),
    (&["a", "maximum", "of"], Le),
    (&["a", "minimum", "of"], Ge),
    (&["more", "or", "less"], Ap),
    (&["at", "the", "most"], Le),
    (&["at", "least"], Ge),
    (&["at", "most"], Le),
    (&["more", "than"], Ge),
    (&["greater", "than"], Ge),
    (&["larger", "than"], Ge),
    (&["bigger", "than"], Ge),
    (&["higher", "than"], Ge),
    (&["over", "than"], Ge),
    (&["upwards", "of"], Ge),
    (&["upward", "of"], Ge),
    (&["north", "of"], Ge),
    (&["minimum", "of"], Ge),
    (&["up", "to"], Le),
    (&["less", "than"], Le),
    (&["fewer", "than"], Le),
    (&["lower", "than"], Le),
    (&["smaller", "than"], Le),
    (&["maximum", "of"], Le),
    (&["close", "to"], Ap),
    (&["an", "estimated"], Ap),
    (&["around", "about"], Ap),
    (&["just", "about"], Ap),
    (&["equal", "to"], Ex),
    (&["equals", "to"], Ex),
    (&["equaling", "to"], Ex),
    (&[">", "="], Ge),
    (&["<", "="], Le),
    (&["over"], Ge),
    (&["above"], Ge),
    (&["exceeding"], Ge),
    (&["exceed"], Ge),
    (&["exceeds"], Ge),
    (&["exceeded"], Ge),
    (&["surpass"], Ge),
    (&["surpassing"], Ge),
    (&[">"], Ge),
    (&["≥"], Ge),
    (&["under"], Le),
    (&["below"], Le),
    (&["<"], Le),
    (&["≤"], Le),
    (&["nearly"], Ap),
    (&["averaging"], Ap),
    (&["averaged"], Ap),
    (&["almost"], Ap),
    (&["around"], Ap),
    (&["about"], Ap),
    (&["approximately"], Ap),
    (&["approx"], Ap),
    (&["roughly"], Ap),
    (&["some"], Ap),
    (&["estimated"], Ap),
    (&["circa"], Ap),
    (&["~"], Ap),
    (&["≈"], Ap),
    (&["equals"], Ex),
    (&["exactly"], Ex),
    (&["precisely"], Ex),
];

/// Phrases written after a number.
pub(crate) const TAILS: &[(&[&str], Bound)] = &[
    (&["or", "more"], Ge),
    (&["and", "more"], Ge),
    (&["or", "greater"], Ge),
    (&["or", "above"], Ge),
    (&["and", "above"], Ge),
    (&["or", "over"], Ge),
    (&["and", "over"], Ge),
    (&["or", "higher"], Ge),
    (&["-", "plus"], Ge),
    (&["plus"], Ge),
    (&["+"], Ge),
    (&["or", "less"], Le),
    (&["or", "fewer"], Le),
    (&["or", "below"], Le),
    (&["and", "below"], Le),
    (&["or", "under"], Le),
    (&["or", "lower"], Le),
    (&["or", "so"], Ap),
];

/// Whether `w` is the first word of a bound phrase or a word of change.
pub(crate) fn is_lead_word(w: &str) -> bool {
    LEADS.iter().any(|(p, _)| p[0] == w) || change_word(w).is_some()
}

/// Direction of a verb or adverb of change.
pub(crate) fn change_verb(w: &str) -> Option<Change> {
    change_word(w).map(|(c, _)| c)
}

/// Direction of a verb or adverb of change, and whether it needs "by" before the number.
pub(crate) fn change_word(w: &str) -> Option<(Change, bool)> {
    use Change::{Down, Up};
    Some(match w {
        "rose" | "rise" | "rises" | "rising" | "risen" | "increased" | "increase" | "increases"
        | "increasing" | "grew" | "grow" | "grows" | "growing" | "grown" | "jumped" | "jump"
        | "jumps" | "jumping" | "climbed" | "climb" | "climbs" | "climbing" | "gained" | "gain"
        | "gains" | "gaining" | "advanced" | "advance" | "advances" | "advancing" | "soared"
        | "soar" | "soars" | "soaring" | "surged" | "surge" | "surges" | "surging" | "rallied"
        | "rally" | "rallies" | "added" | "adding" | "adds" | "up" | "rebounded" | "spiked"
        | "leapt" | "leaped" | "edged" => (Up, false),
        "raised" | "raise" | "raises" | "boosted" | "boost" | "hiked" | "lifted" => (Up, true),
        "fell" | "fall" | "falls" | "falling" | "fallen" | "decreased" | "decrease"
        | "decreases" | "decreasing" | "dropped" | "drop" | "drops" | "dropping" | "declined"
        | "decline" | "declines" | "declining" | "slid" | "slide" | "slides" | "sliding"
        | "slipped" | "slip" | "slips" | "lost" | "lose" | "loses" | "losing" | "shed"
        | "sheds" | "shedding" | "sank" | "sink" | "sinks" | "sinking" | "tumbled" | "tumble"
        | "tumbles" | "plunged" | "plunge" | "plunges" | "plummeted" | "plummet" | "plummets"
        | "slumped" | "slump" | "slumps" | "eased" | "ease" | "eases" | "down" | "dipped"
        | "dip" | "dips" | "retreated" | "shrank" | "shrunk" | "contracted" | "tanked"
        | "sagged" => (Down, false),
        "cut" | "cuts" | "reduced" | "reduce" | "lowered" | "lower" | "trimmed" | "slashed" => {
            (Down, true)
        }
        _ => return None,
    })
}

/// Verbs that take "up" or "down" as a particle without stating a change of value.
pub(crate) fn phrasal(w: &str) -> bool {
    const KEEP: &[&str] = &[
        "ended", "closed", "finished", "traded", "trended", "moved", "edged", "ticked", "inched",
        "opened",
    ];
    const PARTICLE: &[&str] = &[
        "set", "sets", "pick", "picks", "rack", "racks", "ran", "run", "runs", "broke", "break",
        "breaks", "shut", "made", "make", "makes", "sum", "sums", "pay", "pays", "paid", "held",
        "hold", "holds", "built", "build", "turn", "turns", "cut", "cuts", "show", "shows", "sign",
        "signs", "step", "steps", "end", "ends", "add", "adds",
    ];
    (w.len() > 4 && w.ends_with("ed") && !KEEP.contains(&w)) || PARTICLE.contains(&w)
}

/// Direction of a noun of change written after a number ("a 5% drop").
pub(crate) fn change_noun(w: &str) -> Option<Change> {
    match w {
        "increase" | "rise" | "gain" | "jump" | "hike" | "surge" | "growth" | "climb" | "boost"
        | "uptick" | "higher" => Some(Change::Up),
        "decrease" | "drop" | "fall" | "decline" | "cut" | "reduction" | "loss" | "slump"
        | "plunge" | "dip" | "slide" | "contraction" | "lower" => Some(Change::Down),
        _ => None,
    }
}
