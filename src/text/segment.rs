//! Sentence segmentation: a rule-based splitter that makes one pass over a document's prose.
//! It knows abbreviations, initials, numbers, URLs, quotations and ellipses; claims and
//! attribution are left to later stages. Quote state resets at every paragraph boundary, because
//! news style leaves a quote unclosed at the end of a paragraph and reopens it with `“` in the next.

use super::{Document, Span};

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Sentence {
    /// Byte span, trimmed of surrounding whitespace; never empty.
    pub span: Span,
    /// 0-based paragraph index; a blank line or a Markdown block boundary starts a new one.
    pub paragraph: usize,
    /// The sentence starts inside a quotation opened in an earlier sentence.
    pub in_quote: bool,
    /// A quotation is still open where the sentence ends. At the end of a paragraph this is the
    /// news convention of a quote that continues, reopened by `“`, in the next paragraph.
    pub quote_open_at_end: bool,
}

/// Splits a document's prose into sentences, honouring its Markdown block starts.
#[must_use]
pub fn segment(doc: &Document) -> Vec<Sentence> {
    Segmenter::new(&doc.prose, doc.block_starts()).run()
}

/// Splits an arbitrary string into sentences; spans are offsets into `text`.
#[must_use]
pub fn segment_str(text: &str) -> Vec<Sentence> {
    Segmenter::new(text, &[]).run()
}

/// How a word before a full stop behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    /// An ordinary word: the stop ends the sentence.
    None,
    /// A title or connective (`Dr.`, `Gen.`, `e.g.`): never ends a sentence.
    Title,
    /// May end a sentence (`U.S.`, `Inc.`, `p.m.`, `Jan.`): splits before a common sentence opener.
    Ender,
    /// `etc.`, `No.`: an abbreviation only before lowercase or a digit.
    Weak,
}

/// A run of sentence-final punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Period,
    Strong,
    Ellipsis,
}

struct Segmenter<'a> {
    text: &'a str,
    blocks: &'a [usize],
    next_block: usize,
    out: Vec<Sentence>,
    start: usize,
    start_in_quote: bool,
    paragraph: usize,
    paragraph_used: bool,
    quotes: Quotes,
}

/// Which quotations are open.
#[derive(Debug, Clone, Copy, Default)]
struct Quotes {
    double: bool,
    single: bool,
}

impl Quotes {
    fn open(self) -> bool {
        self.double || self.single
    }
}

impl<'a> Segmenter<'a> {
    fn new(text: &'a str, blocks: &'a [usize]) -> Self {
        Segmenter {
            text,
            blocks,
            next_block: 0,
            out: Vec::with_capacity(text.len() / 120),
            start: 0,
            start_in_quote: false,
            paragraph: 0,
            paragraph_used: false,
            quotes: Quotes::default(),
        }
    }

    fn run(mut self) -> Vec<Sentence> {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                i = match b {
                    b'\n' => {
                        if self.breaks_before(i + 1) {
                            self.new_paragraph(i, i + 1);
                        }
                        i + 1
                    }
                    b'.' | b'!' | b'?' => self.stop(i),
                    b'"' | b'\'' => {
                        self.quote(i, char::from(b));
                        i + 1
                    }
                    _ => i + 1,
                };
                continue;
            }
            let Some(c) = self.char_at(i) else { break };
            match c {
                '…' => i = self.stop(i),
                '\u{2029}' => {
                    i += c.len_utf8();
                    self.new_paragraph(i - c.len_utf8(), i);
                }
                _ => {
                    if is_quote_char(c) {
                        self.quote(i, c);
                    }
                    i += c.len_utf8();
                }
            }
        }
        self.emit(self.text.len());
        self.out
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i)?.chars().next_back()
    }

    /// Whether a new block starts at the line beginning at `line`: a blank line, a Markdown block
    /// start, or a bullet (`•`, `- `, `* `).
    fn breaks_before(&mut self, line: usize) -> bool {
        while self.blocks.get(self.next_block).is_some_and(|&b| b < line) {
            self.next_block += 1;
        }
        if self.blocks.get(self.next_block) == Some(&line) {
            return true;
        }
        let rest = self.text.get(line..).unwrap_or_default();
        let Some((at, first)) = rest
            .char_indices()
            .find(|&(_, c)| c == '\n' || !c.is_whitespace())
        else {
            return true;
        };
        match first {
            '\n' | '•' | '◦' | '▪' | '‣' | '●' => true,
            '-' | '*' | '+' => rest[at + 1..].starts_with([' ', '\t']),
            _ => false,
        }
    }

    /// Ends the sentence at `end` and starts a new paragraph at `next`.
    fn new_paragraph(&mut self, end: usize, next: usize) {
        self.emit(end);
        self.quotes = Quotes::default();
        if self.paragraph_used {
            self.paragraph += 1;
            self.paragraph_used = false;
        }
        self.start = next;
        self.start_in_quote = false;
    }

    /// Emits the sentence from `self.start` to `end` (trimmed) and starts the next one at `end`.
    fn emit(&mut self, end: usize) {
        if let Some(raw) = self.text.get(self.start..end) {
            let lead = raw.len() - raw.trim_start().len();
            let body = raw.trim();
            if body.chars().any(char::is_alphanumeric) {
                let start = self.start + lead;
                self.out.push(Sentence {
                    span: Span::new(start, start + body.len()),
                    paragraph: self.paragraph,
                    in_quote: self.start_in_quote,
                    quote_open_at_end: self.quotes.open(),
                });
                self.paragraph_used = true;
            }
        }
        self.start = end.max(self.start);
        self.start_in_quote = self.quotes.open();
    }

    /// Updates the quotation state for the quote character `c` at `i`.
    fn quote(&mut self, i: usize, c: char) {
        let prev = self.char_before(i);
        let next = self.char_at(i + c.len_utf8());
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let closes = prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–-…".contains(n));
        match c {
            '“' | '„' | '«' => self.quotes.double = true,
            '”' | '»' => self.quotes.double = false,
            '"' if opens && !closes => self.quotes.double = true,
            '"' if closes && !opens => self.quotes.double = false,
            '"' => self.quotes.double = !self.quotes.double,
            '‘' if next.is_some_and(char::is_alphabetic) => self.quotes.single = true,
            '\'' if opens && next.is_some_and(char::is_alphabetic) => self.quotes.single = true,
            '’' | '\''
                if self.quotes.single && closes && !next.is_some_and(char::is_alphanumeric) =>
            {
                self.quotes.single = false;
            }
            _ => {}
        }
    }

    /// Handles the stop punctuation starting at `i`; returns where scanning resumes.
    fn stop(&mut self, i: usize) -> usize {
        let (mut j, mut dots, mut strong, mut ellipsis) = (i, 0, false, false);
        while let Some(c) = self.char_at(j) {
            match c {
                '.' => dots += 1,
                '!' | '?' => strong = true,
                '…' => ellipsis = true,
                _ => break,
            }
            j += c.len_utf8();
        }
        let kind = match (strong, ellipsis || dots > 1) {
            (true, _) => Stop::Strong,
            (false, true) => Stop::Ellipsis,
            (false, false) => Stop::Period,
        };
        // Closing quotes and brackets after the stop belong to the sentence.
        let mut k = j;
        let mut closed_quote = false;
        while let Some(c) = self.char_at(k) {
            if !matches!(c, '”' | '"' | '’' | '\'' | '»' | ')' | ']' | '}') {
                break;
            }
            let was_open = self.quotes.double;
            self.quote(k, c);
            closed_quote |= was_open && !self.quotes.double;
            k += c.len_utf8();
        }
        // Only a stop followed by whitespace (or the end) can end a sentence: 3.5, voanews.com.
        let after = self.text.get(k..).unwrap_or_default();
        let Some(gap) = after.find(|c: char| !c.is_whitespace()) else {
            self.emit(k);
            return k;
        };
        if gap == 0 {
            return k;
        }
        let next_at = k + gap;
        let next = self.char_at(next_at).unwrap_or(' ');
        if closed_quote && attribution_follows(&after[gap..]) {
            return k;
        }
        let split = match kind {
            Stop::Strong => !next.is_lowercase(),
            Stop::Ellipsis => !self.quotes.open() && (next.is_uppercase() || is_opening(next)),
            Stop::Period => self.period_splits(i, next_at, next),
        };
        if split {
            self.emit(k);
        }
        k
    }

    /// Whether a single full stop at `dot`, followed by `next` at `next_at`, ends a sentence.
    fn period_splits(&self, dot: usize, next_at: usize, next: char) -> bool {
        if next.is_lowercase() || matches!(next, '.' | '…' | ',' | ';' | ':') {
            return false;
        }
        let before = self.text.get(..dot).unwrap_or_default();
        let mut word_start = dot;
        for (p, c) in before.char_indices().rev().take(64) {
            if c.is_whitespace() {
                break;
            }
            word_start = p;
        }
        let word = before[word_start..].trim_start_matches(|c: char| !c.is_alphanumeric());
        let starts_sentence = self
            .text
            .get(self.start..dot - word.len())
            .is_some_and(|s| s.chars().all(|c| c.is_whitespace() || !c.is_alphanumeric()));
        let enumerator = (word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
            || word.chars().count() == 1;
        if starts_sentence && enumerator && !word.is_empty() {
            return false; // "1. The first point", "A. Introduction"
        }
        let class = classify(word);
        if next.is_numeric() {
            return class == Abbrev::None;
        }
        match class {
            Abbrev::Title => false,
            Abbrev::Ender if next.is_uppercase() => {
                let rest = self.text.get(next_at..).unwrap_or_default();
                let end = rest
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(rest.len());
                is_sentence_opener(&rest[..end])
            }
            Abbrev::None | Abbrev::Weak | Abbrev::Ender => true,
        }
    }
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '\'' | '«' | '„' | '(' | '[')
}

/// Whether `rest` starts with a speaker and a speech verb (`Bokhari asked`), so that a quote
/// ending in `?` or `.` before it is one sentence with its attribution.
fn attribution_follows(rest: &str) -> bool {
    let mut words = rest.split([' ', '\t']).take(5);
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
fn classify(word: &str) -> Abbrev {
    if listed(TITLES, word) {
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

fn is_sentence_opener(word: &str) -> bool {
    listed(OPENERS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        segment_str(text)
            .iter()
            .map(|s| &text[s.span.range()])
            .collect()
    }

    #[track_caller]
    fn assert_sentences(text: &str, expected: &[&str]) {
        assert_eq!(texts(text), expected, "segmenting {text:?}");
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [TITLES, ENDERS, WEAK, OPENERS, SPEECH_VERBS] {
            assert!(list.is_sorted(), "{list:?}");
        }
    }

    #[test]
    fn splits_plain_sentences() {
        assert_sentences(
            "One two. Three four! Five six? Seven",
            &["One two.", "Three four!", "Five six?", "Seven"],
        );
    }

    #[test]
    fn us_mid_sentence_and_at_sentence_end() {
        assert_sentences("U.S. officials said it.", &["U.S. officials said it."]);
        assert_sentences("The U.S. Army left.", &["The U.S. Army left."]);
        assert_sentences(
            "He was in the U.S. The next day he left.",
            &["He was in the U.S.", "The next day he left."],
        );
        assert_sentences(
            "It flew to the U.K. Officials said so.",
            &["It flew to the U.K.", "Officials said so."],
        );
    }

    #[test]
    fn un_and_eu() {
        assert_sentences(
            "But a U.N. report released in January said so. An E.U. envoy agreed.",
            &[
                "But a U.N. report released in January said so.",
                "An E.U. envoy agreed.",
            ],
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_sentences("Dr. Smith met Gen. Jones.", &["Dr. Smith met Gen. Jones."]);
        assert_sentences(
            "Mrs. Lee and Prof. A. Chan spoke.",
            &["Mrs. Lee and Prof. A. Chan spoke."],
        );
        assert_sentences(
            "Sen. Warren and Lt. Col. Vindman met.",
            &["Sen. Warren and Lt. Col. Vindman met."],
        );
    }

    #[test]
    fn months_and_times() {
        assert_sentences(
            "On Jan. 5 it rained. Then it stopped.",
            &["On Jan. 5 it rained.", "Then it stopped."],
        );
        assert_sentences(
            "It began at 9:30 a.m. and ended at 5 p.m. The rest followed.",
            &[
                "It began at 9:30 a.m. and ended at 5 p.m.",
                "The rest followed.",
            ],
        );
        assert_sentences(
            "Talks end Sept. 30, he said.",
            &["Talks end Sept. 30, he said."],
        );
    }

    #[test]
    fn initials_stay_together() {
        assert_sentences(
            "John F. Kennedy spoke. J. K. Rowling wrote.",
            &["John F. Kennedy spoke.", "J. K. Rowling wrote."],
        );
        assert_sentences(
            "He chose plan B. The plan failed.",
            &["He chose plan B.", "The plan failed."],
        );
    }

    #[test]
    fn abbreviations_before_lowercase_and_digits() {
        assert_sentences(
            "Guns, drones, etc. were seized. Room No. 5 vs. room No. 6 was chosen, e.g. by him.",
            &[
                "Guns, drones, etc. were seized.",
                "Room No. 5 vs. room No. 6 was chosen, e.g. by him.",
            ],
        );
        assert_sentences(
            "They took guns etc. Police said so.",
            &["They took guns etc.", "Police said so."],
        );
        assert_sentences(
            "Acme Inc. Chief Executive Bo spoke.",
            &["Acme Inc. Chief Executive Bo spoke."],
        );
    }

    #[test]
    fn numbers_urls_and_emails_do_not_split() {
        assert_sentences(
            "Prices rose 3.5% and 0.5 points. It had 4,000 to 1,234,567 users on v2.0 at voanews.com. Mail x.y@z.org now.",
            &[
                "Prices rose 3.5% and 0.5 points.",
                "It had 4,000 to 1,234,567 users on v2.0 at voanews.com.",
                "Mail x.y@z.org now.",
            ],
        );
        assert_sentences(
            "See https://a.b/c?d=e!f now. Ok.",
            &["See https://a.b/c?d=e!f now.", "Ok."],
        );
    }

    #[test]
    fn closing_quote_belongs_to_the_sentence() {
        assert_sentences(
            "It “continued to pose a major threat in the region.” The U.N. said so.",
            &[
                "It “continued to pose a major threat in the region.”",
                "The U.N. said so.",
            ],
        );
        assert_sentences(
            "He said \"go.\" Then he left.",
            &["He said \"go.\"", "Then he left."],
        );
    }

    #[test]
    fn quote_with_attribution_is_one_sentence() {
        assert_sentences(
            "“We are there,” Bokhari said. Next.",
            &["“We are there,” Bokhari said.", "Next."],
        );
        assert_sentences(
            "\"Why?\" he asked. \"Now!\" she said.",
            &["\"Why?\" he asked.", "\"Now!\" she said."],
        );
        assert_sentences(
            "“Why?” Bokhari asked. Fine.",
            &["“Why?” Bokhari asked.", "Fine."],
        );
        assert_sentences("'Why?' he asked.", &["'Why?' he asked."]);
    }

    #[test]
    fn multi_sentence_quotation_tracks_state() {
        let text = "“Afghanistan is the strategic vacuum,” Bokhari said. “Yes, the Taliban are there, but it’s not a robust state. The Taliban regime is still trying.”";
        let got = segment_str(text);
        assert_eq!(got.len(), 3);
        assert_eq!(
            &text[got[2].span.range()],
            "The Taliban regime is still trying.”"
        );
        let flags: Vec<_> = got
            .iter()
            .map(|s| (s.in_quote, s.quote_open_at_end))
            .collect();
        assert_eq!(flags, [(false, false), (false, true), (true, false)]);
    }

    #[test]
    fn straight_quotes_track_state() {
        let got = segment_str("\"One. Two.\" Three.");
        let flags: Vec<_> = got
            .iter()
            .map(|s| (s.in_quote, s.quote_open_at_end))
            .collect();
        assert_eq!(flags, [(false, true), (true, false), (false, false)]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let got = segment_str(
            "The Taliban’s men don't rest. In the '90s it was the students’ turn. Done.",
        );
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|s| !s.in_quote && !s.quote_open_at_end));
        let got = segment_str("A ‘lawful’ state. Next one.");
        assert!(got.iter().all(|s| !s.in_quote && !s.quote_open_at_end));
    }

    #[test]
    fn quote_state_resets_at_paragraphs() {
        let text = "“First part of a quote. It goes on\n\n“Second paragraph,” he said.";
        let got = segment_str(text);
        let flags: Vec<_> = got
            .iter()
            .map(|s| (s.paragraph, s.in_quote, s.quote_open_at_end))
            .collect();
        assert_eq!(
            flags,
            [(0, false, true), (0, true, true), (1, false, false)]
        );
    }

    #[test]
    fn ellipses() {
        assert_sentences(
            "“It helps recruiting. … So, they might poach fighters,” he said. Wait... and then. He paused… Then left.",
            &[
                "“It helps recruiting. … So, they might poach fighters,” he said.",
                "Wait... and then.",
                "He paused…",
                "Then left.",
            ],
        );
    }

    #[test]
    fn parentheses_dashes_and_brackets() {
        assert_sentences(
            "Levels — political, social — fell. (The AP contributed.) Poach [other extremist] groups. Done.",
            &[
                "Levels — political, social — fell.",
                "(The AP contributed.)",
                "Poach [other extremist] groups.",
                "Done.",
            ],
        );
    }

    #[test]
    fn paragraph_breaks_and_headings() {
        let text =
            "Attacks will help recruitment\n\nBill Roggio said so.\r\n\r\nLast one\nwraps here.";
        let got = segment_str(text);
        let pairs: Vec<_> = got
            .iter()
            .map(|s| (&text[s.span.range()], s.paragraph))
            .collect();
        assert_eq!(
            pairs,
            [
                ("Attacks will help recruitment", 0),
                ("Bill Roggio said so.", 1),
                ("Last one\nwraps here.", 2)
            ]
        );
    }

    #[test]
    fn bullets_start_blocks() {
        assert_sentences(
            "Items\n- first item\n- second item\n• third",
            &["Items", "- first item", "- second item", "• third"],
        );
    }

    #[test]
    fn markdown_blocks_split_and_skip_markers() {
        let doc = Document::new(
            "a.md",
            "# Heading one\nBody text. More.\n\n> Quoted line\n> wraps.\n* item a\n* item b"
                .to_owned(),
            crate::text::DocKind::Markdown,
        );
        let got: Vec<_> = segment(&doc)
            .iter()
            .map(|s| (doc.slice(s.span), s.paragraph))
            .collect();
        assert_eq!(
            got,
            [
                ("Heading one", 0),
                ("Body text.", 1),
                ("More.", 1),
                ("Quoted line\n> wraps.", 2),
                ("item a", 3),
                ("item b", 4)
            ]
        );
    }

    #[test]
    fn degenerate_inputs() {
        assert!(segment_str("").is_empty());
        assert!(segment_str("  \n\n ").is_empty());
        assert!(segment_str("...!?”“\"'").is_empty());
        assert_sentences("“", &[]);
        assert_sentences("a.", &["a."]);
        assert_sentences("1. The first point.", &["1. The first point."]);
    }

    /// Checks the span invariants on `text` and returns the sentences.
    #[track_caller]
    fn check_invariants(text: &str) -> Vec<Sentence> {
        let got = segment_str(text);
        let mut last_end = 0;
        for s in &got {
            let Span { start, end } = s.span;
            assert!(
                start >= last_end && start < end && end <= text.len(),
                "{s:?} in {text:?}"
            );
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{s:?} in {text:?}"
            );
            let body = &text[start..end];
            assert_eq!(body.trim(), body, "untrimmed {s:?} in {text:?}");
            last_end = end;
        }
        got
    }

    #[test]
    fn generated_strings_keep_span_invariants() {
        const ALPHABET: &[&str] = &[
            "a", "b", "Z", "The", " ", " ", " ", "\n", "\n\n", "\r\n", ".", ".", "!", "?", "…",
            "...", "\"", "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "—", "-", ",", "3",
            "4.5", "U.S.", "Dr.", "é", "日本", "🙂", "\t", "\u{a0}", "\u{2029}", "- ", "• ",
            "a.m.", "e.g.",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut text = String::new();
        for _ in 0..3000 {
            text.clear();
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = (state >> 58) as usize;
            for _ in 0..len {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let pick = usize::try_from(state >> 33).unwrap() % ALPHABET.len();
                text.push_str(ALPHABET[pick]);
            }
            check_invariants(&text);
            let masked = crate::text::markdown::analyze(&text);
            assert_eq!(masked.prose.len(), text.len());
            let doc = Document::new("g.md", text.clone(), crate::text::DocKind::Markdown);
            let _ = segment(&doc);
        }
    }

    const SEED: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/voa-iskp-2024-03.txt"
    );

    #[test]
    fn seed_article() {
        let text = std::fs::read_to_string(SEED).expect("seed article");
        let got = check_invariants(&text);
        let all: Vec<&str> = got.iter().map(|s| &text[s.span.range()]).collect();
        assert_eq!(got.len(), 47);
        assert_eq!(got.last().map(|s| s.paragraph), Some(33));
        assert!(
            all[2].starts_with("Although it was the Islamic State")
                && all[2].contains("U.S. officials")
        );
        assert!(all[14].starts_with("But a U.N. report") && all[14].ends_with("the region.”"));
        assert!(all[15].contains("4,000 and 6,000"));
        assert_eq!(
            all[17],
            "“Afghanistan is the strategic vacuum,” Bokhari said."
        );
        assert_eq!(
            all[18],
            "“Yes, the Taliban are there, but it’s not a robust state."
        );
        assert_eq!(all[21], "And Iran has its challenges internally.”");
        let flags: Vec<_> = got[17..22]
            .iter()
            .map(|s| (s.in_quote, s.quote_open_at_end))
            .collect();
        assert_eq!(
            flags,
            [
                (false, false),
                (false, true),
                (true, true),
                (true, true),
                (true, false)
            ]
        );
        assert_eq!(all[26], "Attacks will help recruitment");
        assert!(all[28].starts_with("“Those spectacular") && all[28].ends_with("Roggio said."));
        assert!(all[33].ends_with("in several instances.") && all[34].ends_with("said Valle."));
        assert!(got[34].in_quote && !got[34].quote_open_at_end);
        assert!(all[44].ends_with("a ‘lawful’ government."));
        assert_eq!(
            all[45],
            "“And unless there is [political] stability, this will continue.”"
        );
        assert_eq!(all[46], "This story originated in VOA’s Afghan Service.");
        assert!(!got[44].in_quote && !got[44].quote_open_at_end);
    }
}
