//! The segmenter's word knowledge: abbreviations and how each behaves before a full stop, the
//! capitalised words that commonly open a sentence, and the reporting verbs of an attribution.

/// How a word before a full stop behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// An ordinary word: the stop ends the sentence.
    None,
    /// A title or connective (`Dr.`, `Gen.`, `e.g.`): never ends a sentence.
    Title,
    /// May end a sentence (`U.S.`, `Inc.`, `p.m.`, `Jan.`): splits before a common sentence opener.
    Ender,
    /// `etc.`, `No.`: an abbreviation only before lowercase or a digit.
    Weak,
}

/// Titles and connectives that never end a sentence (sorted for binary search).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "Adm", "Amb", "Art", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Cpt", "Dept", "Dr",
    "Fig", "Fr", "Ft", "Gen", "Gens", "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mmes", "Mr",
    "Mrs", "Ms", "Msgr", "Mt", "Mx", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sec", "Sen",
    "Sens", "Sgt", "St", "Supt", "Vol", "approx", "ca", "cf", "e.g", "i.e", "v", "viz", "vs",
];

/// Abbreviations that may end a sentence: months, company suffixes, US states, `U.S.`, `p.m.`.
#[rustfmt::skip]
const ENDERS: &[&str] = &[
    "A.M", "Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Blvd", "Bros", "Calif", "Co",
    "Colo", "Conn", "Corp", "Dec", "Del", "E.U", "Feb", "Fla", "Ga", "Ill", "Inc", "Ind", "Intl",
    "Jan", "Jr", "Jul", "Jun", "Kan", "Ky", "La", "Ltd", "Mar", "Mass", "Md", "Mich", "Minn",
    "Miss", "Mo", "Mont", "Neb", "Nev", "Nov", "Oct", "Okla", "Ore", "P.M", "Pa", "Rd", "Sep",
    "Sept", "Sr", "Tenn", "Tex", "U.K", "U.N", "U.S", "Univ", "Va", "Vt", "Wash", "Wis", "Wyo",
    "a.m", "al", "p.m",
];

/// Abbreviations only before lowercase or a digit.
#[rustfmt::skip]
const WEAK: &[&str] = &[
    "No", "Nos", "etc", "no",
];

/// Capitalised words that commonly open a sentence, so `U.S. The` splits but `U.S. Army` does not.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "A", "According", "After", "All", "Also", "Although", "Amid", "Among", "An", "Analysts", "And",
    "Another", "As", "At", "Authorities", "Because", "Before", "Both", "But", "By", "Despite",
    "During", "Each", "Earlier", "Even", "Every", "Experts", "Following", "For", "From", "He",
    "Her", "Here", "His", "How", "I", "If", "In", "Instead", "It", "Its", "Last", "Later", "Many",
    "Meanwhile", "More", "Moreover", "Most", "My", "Nevertheless", "No", "None", "Nor", "Not",
    "Now", "Officials", "On", "Once", "One", "Only", "Or", "Other", "Others", "Our", "Over",
    "Police", "Several", "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their",
    "Then", "There", "These", "They", "This", "Those", "Though", "Three", "Thus", "Today", "Two",
    "Under", "Unlike", "Until", "We", "What", "When", "Where", "Which", "While", "Who", "Why",
    "With", "Without", "Yes", "Yesterday", "Yet", "You", "Your",
];

/// Reporting verbs that tie a speaker to the quotation before them.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "added", "adds", "argued", "asked", "asks", "claimed", "continued", "declared", "explained",
    "insisted", "noted", "replied", "said", "says", "stated", "told", "tweeted", "warned",
    "writes", "wrote",
];

fn listed(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Classifies the word before a full stop (leading punctuation already stripped).
pub(super) fn classify(word: &str) -> Abbrev {
    // `then-Sen.`, `ex-Gov.`
    let last_part = word.rsplit('-').next().unwrap_or(word);
    if listed(TITLES, word) || listed(TITLES, last_part) {
        return Abbrev::Title;
    }
    if listed(WEAK, word) {
        return Abbrev::Weak;
    }
    let mut chars = word.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    // Dotted acronyms: N.Y, D.C, a.k.a, Ph.D.
    let dotted = word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphabetic())
        });
    if initial || dotted || listed(ENDERS, word) {
        Abbrev::Ender
    } else {
        Abbrev::None
    }
}

pub(super) fn is_sentence_opener(word: &str) -> bool {
    listed(OPENERS, word)
}

/// Whether `rest` starts with a speaker and a speech verb (`Bokhari asked`), so that a quote
/// ending in `?` or `.` before it is one sentence with its attribution.
pub(super) fn attribution_follows(rest: &str) -> bool {
    let mut words = rest.split_whitespace().take(5);
    let mut names = 0;
    for word in words.by_ref() {
        if names == 0 && is_sentence_opener(word) {
            return false;
        }
        let word = word.trim_end_matches([',', '.']);
        if word.chars().next().is_some_and(char::is_uppercase) {
            names += 1;
            continue;
        }
        return names > 0 && listed(SPEECH_VERBS, word);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [TITLES, ENDERS, WEAK, OPENERS, SPEECH_VERBS] {
            assert!(list.is_sorted(), "{list:?}");
        }
    }

    #[test]
    fn classifies_abbreviations() {
        let cases = [
            ("Dr", Abbrev::Title),
            ("then-Sen", Abbrev::Title),
            ("e.g", Abbrev::Title),
            ("U.S", Abbrev::Ender),
            ("Ph.D", Abbrev::Ender),
            ("F", Abbrev::Ender),
            ("Jan", Abbrev::Ender),
            ("etc", Abbrev::Weak),
            ("people", Abbrev::None),
            ("US", Abbrev::None),
            ("voanews.com", Abbrev::None),
        ];
        for (word, class) in cases {
            assert_eq!(classify(word), class, "{word}");
        }
    }

    #[test]
    fn attribution_needs_a_name_then_a_speech_verb() {
        assert!(attribution_follows("Bokhari said."));
        assert!(attribution_follows("Abdul Qahar Balkhi asked, then"));
        assert!(!attribution_follows("The U.N. said so."));
        assert!(!attribution_follows("he said."));
        assert!(!attribution_follows("Bokhari left."));
    }
}
