//! Splits text into number, word and punctuation tokens with byte offsets.
//! Only the shape of the text is decided here; meaning is left to the scanner.

use regex::Regex;
use std::sync::LazyLock;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Digits, with optional group separators, decimal part and exponent.
    Num,
    /// Letters, with inner apostrophes.
    Word,
    /// Any other single non-space character.
    Punct,
}

/// One token; offsets are bytes into the tokenized text.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    pub(crate) text: &'a str,
    /// Lowercased text.
    pub(crate) lower: String,
    /// Whitespace (or the start of the text) comes right before the token.
    pub(crate) space_before: bool,
    /// Parsed value of a `Num` token (0 for others).
    pub(crate) value: f64,
    /// A `Num` made only of digits: no separator, decimal point or exponent.
    pub(crate) plain_int: bool,
}

impl Tok<'_> {
    /// The token is glued to the one before it.
    pub(crate) fn glued(&self) -> bool {
        !self.space_before
    }

    /// The token is this punctuation character.
    pub(crate) fn is_punct(&self, c: &str) -> bool {
        self.kind == Kind::Punct && self.text == c
    }

    /// The token is a word equal (case-insensitively) to `w`.
    pub(crate) fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.lower == w
    }

    /// The token is a hyphen or a dash.
    pub(crate) fn is_dash(&self) -> bool {
        self.kind == Kind::Punct && matches!(self.text, "-" | "–" | "—" | "‑" | "−")
    }
}

static NUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:[\x{202F}\x{A0}\x{2009} ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?",
    )
    .expect("number pattern is valid")
});

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut space = true;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        let prev_alnum = text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let num_start = c.is_ascii_digit()
            || (c == '.' && !prev_alnum && rest[1..].starts_with(|d: char| d.is_ascii_digit()));
        let (len, kind) = if num_start {
            let after_dot = toks
                .last()
                .is_some_and(|t: &Tok<'_>| t.is_punct(".") && !space)
                && toks.len() >= 2
                && toks[toks.len() - 2].kind == Kind::Num
                && !toks[toks.len() - 1].space_before;
            (num_len(rest, after_dot), Kind::Num)
        } else if c.is_alphabetic() {
            (word_len(rest), Kind::Word)
        } else {
            (c.len_utf8(), Kind::Punct)
        };
        let piece = &text[i..i + len];
        let (value, plain_int) = if kind == Kind::Num {
            num_value(piece)
        } else {
            (0.0, false)
        };
        toks.push(Tok {
            start: i,
            end: i + len,
            kind,
            text: piece,
            lower: piece.to_lowercase(),
            space_before: space,
            value,
            plain_int,
        });
        space = false;
        i += len;
    }
    toks
}

/// Byte length of the number literal at the start of `s` (which starts with a digit or '.').
fn num_len(s: &str, after_dot: bool) -> usize {
    let Some(m) = NUM.find(s) else {
        return 1;
    };
    let mut len = m.end();
    let lit = m.as_str();
    // A space-grouped number must not run into another digit ("423 0000").
    if lit.contains(' ') && s[len..].starts_with(|c: char| c.is_ascii_digit()) {
        len = lit.find(' ').unwrap_or(len);
    }
    // An exponent only counts when it is not the start of a word ("5e" in "5ers").
    let body = &s[..len];
    if let Some(e) = body.find(['e', 'E'])
        && s[len..].starts_with(char::is_alphabetic)
    {
        len = e;
    }
    // Dotted sequences (IP addresses, versions): keep only the integer part.
    let body = &s[..len];
    if body.contains('.')
        && !body.contains([',', ' ', '\u{202F}', '\u{A0}'])
        && (after_dot
            || (s[len..].starts_with('.')
                && s[len + 1..].starts_with(|c: char| c.is_ascii_digit())))
    {
        len = body.find('.').unwrap_or(len).max(1);
    }
    len.max(1)
}

/// Value of a number literal and whether it is a plain integer.
fn num_value(lit: &str) -> (f64, bool) {
    let clean: String = lit
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        .collect();
    let plain = lit.chars().all(|c| c.is_ascii_digit());
    (clean.parse::<f64>().unwrap_or(0.0), plain)
}

/// Byte length of the word at the start of `s` (letters and inner apostrophes).
fn word_len(s: &str) -> usize {
    let mut len = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = matches!(c, '\'' | '’')
            && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic())
            && len == i;
        if c.is_alphabetic() {
            len = i + c.len_utf8();
        } else if !inner_apostrophe {
            break;
        }
    }
    len.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_glued_units_and_keeps_offsets() {
        let t = tokenize("$13.6M and 40\u{202F}000");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["$", "13.6", "M", "and", "40\u{202F}000"]);
        assert!(t[2].glued());
        assert!((t[4].value - 40_000.0).abs() < 1e-9);
    }

    #[test]
    fn dotted_sequences_split() {
        let t = tokenize("192.168.1.2");
        let nums: Vec<&str> = t
            .iter()
            .filter(|t| t.kind == Kind::Num)
            .map(|t| t.text)
            .collect();
        assert_eq!(nums, ["192", "168", "1", "2"]);
    }
}
