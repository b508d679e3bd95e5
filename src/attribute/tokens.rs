//! Tokens: a sentence split into words and punctuation marks, with quotation depth.

use super::*;

/// A word or punctuation mark of a sentence; offsets are bytes into the sentence text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Tok<'_> {
    /// Whether the token is a word (starts with a letter, digit or `$`).
    pub(super) fn is_word(&self) -> bool {
        self.text.starts_with(is_word_char)
    }

    /// Whether the token starts with an upper-case letter.
    pub(super) fn is_cap(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }

    /// Lower-case text, with curly apostrophes made straight.
    pub(super) fn lower(&self) -> String {
        self.text.to_lowercase().replace('’', "'")
    }

    /// The punctuation mark the token stands for: a single mark, with `''` read as `"` and
    /// `--` as `—`.
    pub(super) fn punct(&self) -> Option<char> {
        match self.text {
            "''" | "``" => Some('"'),
            "--" | "-" => Some('—'),
            _ => {
                let mut it = self.text.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) if !is_word_char(c) => Some(c),
                    _ => None,
                }
            }
        }
    }

    /// Whether the token is one of `chars` (a punctuation mark).
    pub(super) fn is_punct(&self, chars: &[char]) -> bool {
        self.punct().is_some_and(|c| chars.contains(&c))
    }

    /// Whether the token closes a quotation (a closing curly quote or a straight one).
    pub(super) fn closes_quote(&self) -> bool {
        self.is_punct(CLOSE_QUOTES) || self.is_punct(&['"'])
    }

    /// Whether the lower-cased token is one of the words of `list`.
    pub(super) fn in_list(&self, list: &'static str) -> bool {
        // Most tokens are already lower-case ASCII: no need to build the lower-case form.
        if self
            .text
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            has(list, self.text)
        } else {
            has(list, &self.lower())
        }
    }
}

/// Opening quotation marks.
pub(super) const OPEN_QUOTES: &[char] = &['“', '‘', '«'];
/// Closing quotation marks.
pub(super) const CLOSE_QUOTES: &[char] = &['”', '’', '»'];
/// Any quotation mark, straight or curly.
pub(super) const QUOTES: &[char] = &['“', '”', '"', '‘', '«', '»'];
/// Marks that end a speaker phrase or a clause.
pub(super) const HARD: &[char] = &[
    ';', ':', '“', '”', '"', '(', ')', '—', '–', '[', ']', '«', '»',
];

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '$' | '#' | '@' | '%' | '_')
}

/// Whether the full stop after `word` belongs to it: titles, initials, states, "U.S".
pub(super) fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    let last = lower.rsplit('-').next().unwrap_or(&lower);
    has(ABBREVIATIONS, last)
        || word.contains('.')
        || (word.chars().count() == 1 && word.starts_with(char::is_uppercase))
}

/// Where a pronoun's contracted auxiliary starts ("he's" → 2), if `word` is one.
pub(super) fn contraction(word: &str) -> Option<usize> {
    let (at, _) = word.char_indices().find(|&(_, c)| c == '\'' || c == '’')?;
    let (head, tail) = (word.get(..at)?, word.get(at..)?);
    let tail = tail.get(tail.chars().next()?.len_utf8()..)?;
    let pronoun = [
        "i", "you", "he", "she", "it", "we", "they", "who", "that", "there",
    ]
    .contains(&head.to_lowercase().as_str());
    let aux = ["s", "ve", "re", "ll", "d", "m"].contains(&tail.to_lowercase().as_str());
    (pronoun && aux).then_some(at)
}

/// Splits a sentence into word and punctuation tokens. Apostrophes, hyphens, inner full stops,
/// slashes and ampersands join words ("Clinton’s", "R-S.C", "AT&T"); commas and colons join
/// digits ("100,000"); an abbreviation keeps its full stop.
pub(super) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let end = if is_word_char(c) {
            word_end(text, i)
        } else {
            mark_end(text, i, c)
        };
        push_word(&mut out, text, i, end);
        i = end;
    }
    out
}

/// The end of the punctuation mark `c` at byte `i`: `''`, ```` `` ```` and `--` are one mark.
pub(super) fn mark_end(text: &str, i: usize, c: char) -> usize {
    let one = i + c.len_utf8();
    let doubled =
        matches!(c, '\'' | '`' | '-') && text.get(one..).is_some_and(|r| r.starts_with(c));
    if doubled { one + c.len_utf8() } else { one }
}

/// The end of the word that starts at byte `i`: joined by apostrophes, hyphens, inner stops,
/// slashes, ampersands and digit separators; with a possessive apostrophe ("Sanders’") or an
/// abbreviation's full stop ("Sen.").
pub(super) fn word_end(text: &str, i: usize) -> usize {
    let rest = text.get(i..).unwrap_or("");
    let mut end = i;
    let mut prev = ' ';
    let mut chars = rest.char_indices().peekable();
    while let Some((j, d)) = chars.next() {
        let after = chars.peek().map(|&(_, a)| a);
        let joins = is_word_char(d)
            || j > 0
                && matches!(d, '\'' | '’' | '-' | '.' | '/' | '&')
                && after.is_some_and(is_word_char)
            || matches!(d, ',' | ':')
                && prev.is_ascii_digit()
                && after.is_some_and(|a| a.is_ascii_digit());
        if !joins {
            // "Sanders’ aides": a trailing apostrophe after a name's "s" is a possessive.
            let possessive = matches!(d, '\'' | '’')
                && prev == 's'
                && after.is_none_or(char::is_whitespace)
                && rest.starts_with(char::is_uppercase);
            if possessive {
                end = i + j + d.len_utf8();
            } else if d == '.' && is_abbreviation(text.get(i..end).unwrap_or("")) {
                end += 1;
            }
            return end;
        }
        end = i + j + d.len_utf8();
        prev = d;
    }
    end
}

/// Pushes the word at bytes `i..end`, as two tokens if it is a pronoun with a contracted
/// auxiliary ("he's", "they’ve").
pub(super) fn push_word<'a>(out: &mut Vec<Tok<'a>>, text: &'a str, i: usize, end: usize) {
    let tok = |a: usize, b: usize| Tok {
        text: text.get(a..b).unwrap_or(""),
        start: a,
        end: b,
    };
    match text.get(i..end).and_then(contraction) {
        Some(cut) => {
            out.push(tok(i, i + cut));
            out.push(tok(i + cut, end));
        }
        None => out.push(tok(i, end)),
    }
}

/// For every token, whether it lies inside a quotation, given whether the sentence starts
/// inside one. Straight double quotes toggle; curly ones open and close.
pub(super) fn quote_depths(toks: &[Tok<'_>], starts_inside: bool) -> Vec<bool> {
    // A sentence whose first quotation mark opens a quotation did not start inside one.
    let first_mark = toks.iter().find(|t| t.is_punct(&['“', '”', '«', '»']));
    let mut inside = starts_inside && !first_mark.is_some_and(|t| t.is_punct(&['“', '«']))
        || first_mark.is_none() && straight_quote_closes_first(toks);
    toks.iter()
        .map(|t| {
            if t.is_punct(&['“', '«']) {
                inside = true;
            } else if t.is_punct(&['”', '»']) {
                inside = false;
                return true;
            } else if t.is_punct(&['"']) {
                inside = !inside;
                return true;
            }
            inside
        })
        .collect()
}

/// Whether a sentence with straight quotes only began inside a quotation that the sentence
/// splitter cut ("''Did I enjoy it? No, not at all,'' she said."): its straight quotes are odd
/// in number and the first follows a comma or an end mark, as a closing quote does.
pub(super) fn straight_quote_closes_first(toks: &[Tok<'_>]) -> bool {
    let straight = || toks.iter().enumerate().filter(|(_, t)| t.is_punct(&['"']));
    let odd = straight().count() % 2 == 1;
    odd && straight()
        .next()
        .is_some_and(|(k, _)| k > 0 && toks[k - 1].is_punct(&[',', '.', '?', '!']))
}
