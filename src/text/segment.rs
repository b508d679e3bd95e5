//! Sentence segmentation: a rule-based splitter that makes one pass over a document's prose.
//! It knows abbreviations, initials, numbers, URLs, quotations and ellipses; claims and
//! attribution are left to later stages. Quote state resets at every paragraph boundary, because
//! news style leaves a quote unclosed at the end of a paragraph and reopens it with `“` in the next.
//! Plain text written one paragraph per line (no blank lines) breaks paragraphs at line breaks.

mod lexicon;
mod quotes;

use super::{DocKind, Document, Span};
use lexicon::{Abbrev, attribution_follows, classify, is_sentence_opener};
use quotes::{Quotes, is_quote_char};

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Sentence {
    /// Byte span, trimmed of surrounding whitespace; never empty.
    pub span: Span,
    /// 0-based paragraph index. A blank line or a Markdown block boundary starts a new one, and so
    /// does any line break in plain text written one paragraph per line.
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
    let per_line = doc.kind == DocKind::Text && one_paragraph_per_line(&doc.prose);
    Segmenter::new(&doc.prose, doc.block_starts(), per_line).run()
}

/// Splits an arbitrary string into sentences; spans are offsets into `text`.
#[must_use]
pub fn segment_str(text: &str) -> Vec<Sentence> {
    Segmenter::new(text, &[], one_paragraph_per_line(text)).run()
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
    /// Every line break ends a paragraph (see [`one_paragraph_per_line`]).
    per_line: bool,
    out: Vec<Sentence>,
    start: usize,
    start_in_quote: bool,
    paragraph: usize,
    paragraph_used: bool,
    quotes: Quotes,
}

impl<'a> Segmenter<'a> {
    fn new(text: &'a str, blocks: &'a [usize], per_line: bool) -> Self {
        Segmenter {
            text,
            blocks,
            next_block: 0,
            per_line,
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
    /// start, a bullet (`•`, `- `, `* `), or in one-paragraph-per-line text any line not starting
    /// in lowercase.
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
            '-' | '*' | '+' => rest[at + 1..].starts_with([' ', '\t']) || self.per_line,
            // A stray break inside a one-line paragraph is followed by lowercase.
            _ => self.per_line && !first.is_lowercase(),
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
        let next = self.char_at(i + c.len_utf8());
        self.quotes.update(self.char_before(i), c, next);
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
        let enumerator = (word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
            || word.chars().count() == 1;
        // "1. The first point", "A. Introduction": an enumerator that opens the sentence.
        if enumerator && !word.is_empty() && self.opens_sentence(dot - word.len()) {
            return false;
        }
        let class = classify(word);
        if next.is_numeric() {
            return class == Abbrev::None;
        }
        match class {
            Abbrev::Title => false,
            Abbrev::Ender => {
                // `U.S. The` splits; `U.S. Army` and `the U.S. “does not …”` do not.
                let rest = self.text.get(next_at..).unwrap_or_default();
                let rest = rest.trim_start_matches(is_opening);
                let end = rest
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(rest.len());
                let (word, after) = rest.split_at(end);
                match word.chars().next() {
                    Some(c) if c.is_lowercase() => false,
                    Some(c) if c.is_uppercase() => {
                        is_sentence_opener(word) || (word.ends_with("ly") && after.starts_with(','))
                    }
                    _ => true,
                }
            }
            Abbrev::None | Abbrev::Weak => true,
        }
    }

    /// Whether only punctuation and whitespace precede `at` in the current sentence.
    fn opens_sentence(&self, at: usize) -> bool {
        self.text
            .get(self.start..at)
            .is_some_and(|s| !s.chars().any(char::is_alphanumeric))
    }
}

/// Whether plain `text` is written one paragraph per line (as web-scraped news often is) rather
/// than hard-wrapped: at least a quarter of its non-blank lines are longer than 120 bytes. Then a
/// single line break ends a paragraph, so a heading line is a sentence of its own.
fn one_paragraph_per_line(text: &str) -> bool {
    let (mut lines, mut long) = (0usize, 0usize);
    for line in text.split('\n') {
        let len = line.trim_end().len();
        lines += usize::from(len > 0);
        long += usize::from(len > 120);
    }
    long > 0 && long * 4 >= lines
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '\'' | '«' | '„' | '(' | '[')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DocKind;

    /// Segments each case with its marks removed and expects a split at each mark: ` | ` stands
    /// for a space, `|\n` for a newline.
    #[track_caller]
    fn assert_splits(cases: &[&str]) {
        for case in cases {
            let text = case.replace(" | ", " ").replace("|\n", "\n");
            let got: Vec<&str> = segment_str(&text)
                .iter()
                .map(|s| &text[s.span.range()])
                .collect();
            let pieces = case.split(" | ").flat_map(|p| p.split("|\n"));
            let expected: Vec<&str> = pieces.map(str::trim).collect();
            assert_eq!(got, expected, "segmenting {text:?}");
        }
    }

    /// `(paragraph, in_quote, quote_open_at_end)` of each sentence.
    fn flags(text: &str) -> Vec<(usize, bool, bool)> {
        let got = segment_str(text);
        got.iter()
            .map(|s| (s.paragraph, s.in_quote, s.quote_open_at_end))
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_splits(&[
            "One two. | Three four! | Five six? | Seven",
            "Ends with a dot.",
        ]);
    }

    #[test]
    fn us_splits_only_before_a_sentence_opener() {
        assert_splits(&[
            "U.S. officials said it.",
            "The U.S. Army left.",
            "He was in the U.S. | The next day he left.",
            "It flew to the U.K. | Officials said so.",
            "He flew to the U.S. | Initially, it was fine.",
            "His office said the U.S. “does not have the capacity.”",
        ]);
    }

    #[test]
    fn un_and_eu() {
        assert_splits(&[
            "But a U.N. report said so. | An E.U. envoy agreed.",
            "The U.N. | It met.",
        ]);
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_splits(&[
            "Dr. Smith met Gen. Jones.",
            "Mrs. Lee and Prof. A. Chan spoke with Sen. Warren and Lt. Col. Vindman.",
            "Clinton and then-Sen. Obama met.",
        ]);
    }

    #[test]
    fn months_times_and_numbered_abbreviations() {
        assert_splits(&[
            "On Jan. 5 it rained. | Then it stopped.",
            "It began at 9:30 a.m. and ended at 5 p.m. | The rest followed.",
            "He arrived at 10 a.m. Friday.",
            "Talks end Sept. 30, he said.",
            "Guns, drones, etc. were seized. | Room No. 5 vs. No. 6 was chosen, e.g. by him.",
            "They took guns etc. | Police said so.",
            "Acme Inc. Chief Executive Bo spoke.",
            "Smith et al. found it. | Jones et al. | The study was flawed.",
        ]);
    }

    #[test]
    fn initials_stay_together() {
        assert_splits(&[
            "John F. Kennedy spoke. | J. K. Rowling wrote.",
            "He chose plan B. | The plan failed.",
            "1. The first point.",
        ]);
    }

    #[test]
    fn decimals_thousands_versions_urls_and_emails() {
        assert_splits(&[
            "Prices rose 3.5% and 0.5 points. | It had 4,000 to 1,234,567 users.",
            "Version 2.0 is at voanews.com. | Mail x.y@z.org now.",
            "See https://a.b/c?d=e!f now. | Ok.",
            "Shares fell 3% to $4.50. | Analysts were unsure.",
        ]);
    }

    #[test]
    fn closing_quote_belongs_to_the_sentence() {
        assert_splits(&[
            "It “continued to pose a major threat in the region.” | The U.N. said so.",
            "He said \"go.\" | Then he left.",
            "A ‘lawful’ government. | “And unless there is [political] stability.”",
        ]);
    }

    #[test]
    fn quote_with_attribution_is_one_sentence() {
        assert_splits(&[
            "“We are there,” Bokhari said. | Next.",
            "\"Why?\" he asked. | \"Now!\" she said.",
            "“Why?” Bokhari asked. | Fine.",
            "“They are missing.” Trump said.|\n\nNext.",
            "'Why?' he asked.",
        ]);
    }

    #[test]
    fn multi_sentence_curly_quotation() {
        let text = "“Afghanistan is the strategic vacuum,” Bokhari said. “Yes, the Taliban are there, but it’s not a robust state. The Taliban regime is still trying.”";
        assert_splits(&[&text.replacen("said. ", "said. | ", 1).replacen(
            "state. ",
            "state. | ",
            1,
        )]);
        assert_eq!(
            flags(text),
            [(0, false, false), (0, false, true), (0, true, false)]
        );
    }

    #[test]
    fn multi_sentence_straight_quotation() {
        assert_eq!(
            flags("\"One. Two.\" Three."),
            [(0, false, true), (0, true, false), (0, false, false)]
        );
    }

    #[test]
    fn quote_state_resets_at_paragraphs() {
        let text = "“First part of a quote. It goes on\n\n“Second paragraph,” he said.";
        assert_eq!(
            flags(text),
            [(0, false, true), (0, true, true), (1, false, false)]
        );
    }

    #[test]
    fn ellipses() {
        assert_splits(&[
            "“It helps recruiting. … So, they might poach fighters,” he said. | Wait... and then.",
            "He paused… | Then left. | He waited... | “Go,” she said.",
            "“I waited... Then he came,” she said.",
        ]);
    }

    #[test]
    fn parentheses_dashes_and_brackets() {
        assert_splits(&[
            "Levels — political, social — fell. | (The AP contributed.) | Done.",
            "Poach [other extremist] groups. | Done.",
        ]);
    }

    #[test]
    fn paragraph_breaks_and_headings() {
        let text =
            "Attacks will help recruitment\n\nBill Roggio said so.\r\n\r\nLast one\nwraps here.";
        let got: Vec<_> = segment_str(text)
            .iter()
            .map(|s| (&text[s.span.range()], s.paragraph))
            .collect();
        let expected = [
            ("Attacks will help recruitment", 0),
            ("Bill Roggio said so.", 1),
            ("Last one\nwraps here.", 2),
        ];
        assert_eq!(got, expected);
        assert_splits(&["Items|\n- first item|\n- second item|\n• third"]);
    }

    #[test]
    fn long_line_text_breaks_paragraphs_at_each_line() {
        let long = "This paragraph is one long line, as scraped news often is; it runs well past any wrap \
                    width that a hard-wrapped text would use";
        let text = format!("Declared Candidates\n{long}.\n“It is,” he\nsaid.\n“{long}\nNext line");
        let got: Vec<(usize, bool, bool)> = flags(&text);
        let expected = [
            (0, false, false),
            (1, false, false),
            (2, false, false),
            (3, false, true),
            (4, false, false),
        ];
        assert_eq!(got, expected);
        assert_splits(&["Short lines wrap\nhere. | Fine."]);
    }

    #[test]
    fn markdown_blocks_split_and_skip_markers() {
        let text = "# Heading one\nBody text. More.\n\n> Quoted line\n> wraps.\n* item a\n* item b";
        let doc = Document::new("a.md", text.to_owned(), DocKind::Markdown);
        let got: Vec<_> = segment(&doc)
            .iter()
            .map(|s| (doc.slice(s.span), s.paragraph))
            .collect();
        let expected = [
            ("Heading one", 0),
            ("Body text.", 1),
            ("More.", 1),
            ("Quoted line\n> wraps.", 2),
            ("item a", 3),
            ("item b", 4),
        ];
        assert_eq!(got, expected);
    }

    #[test]
    fn degenerate_inputs() {
        for text in ["", "  \n\n ", "...!?”“\"'", "“", "\u{2029}"] {
            assert!(segment_str(text).is_empty(), "{text:?}");
        }
        assert_splits(&["a.", "Ünïcödé? | 日本語。"]);
    }
}
