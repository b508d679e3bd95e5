//! Quotation state: which of a double or a single quotation is open, telling quotes from
//! apostrophes (`Taliban’s`, `don't`, `'90s`) and inch marks by the characters around them.

/// Which quotations are open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Quotes {
    pub(super) double: bool,
    pub(super) single: bool,
}

/// Whether `c` is a typographic quotation mark (ASCII `"` and `'` are handled separately).
pub(super) fn is_quote_char(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

impl Quotes {
    /// Whether any quotation is open.
    pub(super) fn open(self) -> bool {
        self.double || self.single
    }

    /// Updates the state for the quote character `c` between `prev` and `next`.
    pub(super) fn update(&mut self, prev: Option<char>, c: char, next: Option<char>) {
        let opens = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/')
        }) && next.is_some_and(|n| !n.is_whitespace());
        let closes = prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| {
                n.is_whitespace()
                    || matches!(
                        n,
                        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
                    )
            });
        match c {
            '“' | '„' | '«' => self.double = true,
            '”' | '»' => self.double = false,
            '"' if opens && !closes => self.double = true,
            '"' if closes && !opens => self.double = false,
            '"' => self.double = !self.double,
            '‘' if next.is_some_and(char::is_alphabetic) => self.single = true,
            '\'' if opens && next.is_some_and(char::is_alphabetic) => self.single = true,
            '’' | '\'' if self.single && closes && !next.is_some_and(char::is_alphanumeric) => {
                self.single = false;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The state after feeding every quote character of `text`, starting from `start`.
    fn run(start: Quotes, text: &str) -> Quotes {
        let chars: Vec<char> = text.chars().collect();
        let mut quotes = start;
        for (i, &c) in chars.iter().enumerate() {
            if is_quote_char(c) || c == '"' || c == '\'' {
                let prev = i.checked_sub(1).map(|p| chars[p]);
                quotes.update(prev, c, chars.get(i + 1).copied());
            }
        }
        quotes
    }

    const CLOSED: Quotes = Quotes {
        double: false,
        single: false,
    };
    const DOUBLE: Quotes = Quotes {
        double: true,
        single: false,
    };
    const SINGLE: Quotes = Quotes {
        double: false,
        single: true,
    };

    #[test]
    fn apostrophes_are_not_quotes() {
        for text in [
            "The Taliban’s men",
            "don't",
            "the '90s",
            "the ‘90s",
            "students’ union",
            "rock’n’roll",
        ] {
            assert_eq!(run(CLOSED, text), CLOSED, "{text}");
        }
        assert_eq!(run(SINGLE, "the students’ union"), CLOSED); // a known ambiguity
    }

    #[test]
    fn curly_and_guillemet_quotes() {
        assert_eq!(run(CLOSED, "“Yes, it’s here."), DOUBLE);
        assert_eq!(run(DOUBLE, "here.” Then"), CLOSED);
        assert_eq!(run(CLOSED, "« Oui » and „Ja“"), DOUBLE);
        assert_eq!(run(CLOSED, "a ‘lawful’ state"), CLOSED);
        assert_eq!(run(CLOSED, "He said, ‘Who’s there"), SINGLE);
    }

    #[test]
    fn straight_quotes_by_flanking() {
        assert_eq!(run(CLOSED, "He said \"no\" today"), CLOSED);
        assert_eq!(run(CLOSED, "(\"Hello"), DOUBLE);
        assert_eq!(run(CLOSED, "He is 5'10\" tall"), CLOSED);
        assert_eq!(run(CLOSED, "say 'hi' now"), CLOSED);
        assert_eq!(run(CLOSED, "say 'hi now"), SINGLE);
        assert_eq!(run(DOUBLE, "x \" y"), CLOSED); // isolated: toggles
    }
}
