//! Line-level Markdown: front matter, fenced and indented code, block comments, reference and
//! footnote definitions, and the markers of headings, lists, quotes, tables and thematic breaks.

use super::{blank, find, is_blank, line_at, run_len};

/// End of YAML (`---`) or TOML (`+++`) front matter at the very start, or 0 if there is none.
fn front_matter_end(bytes: &[u8]) -> usize {
    let (_, end, mut pos) = line_at(bytes, 0);
    let fence = &bytes[..end];
    let fence = &fence[..fence.len() - run_len_rev_spaces(fence)];
    if fence != b"---" && fence != b"+++" {
        return 0;
    }
    while pos < bytes.len() {
        let (start, end, next) = line_at(bytes, pos);
        let line = &bytes[start..end];
        let line = &line[..line.len() - run_len_rev_spaces(line)];
        if line == fence || (fence == b"---" && line == b"...") {
            return next;
        }
        pos = next;
    }
    0
}

fn run_len_rev_spaces(line: &[u8]) -> usize {
    line.iter()
        .rev()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count()
}

/// Leading indentation in columns (a tab counts as reaching the next multiple of 4).
fn indent_width(line: &[u8]) -> usize {
    let mut width = 0;
    for &b in line {
        match b {
            b' ' => width += 1,
            b'\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

fn skip_spaces(line: &[u8], mut i: usize) -> usize {
    while i < line.len() && (line[i] == b' ' || line[i] == b'\t') {
        i += 1;
    }
    i
}

/// Line-level constructs: front matter, fences, indented code, block comments, reference
/// definitions, and the markers of headings, lists, quotes, tables and thematic breaks.
pub(super) fn block_pass(bytes: &[u8], buf: &mut [u8]) -> Vec<usize> {
    let mut pos = front_matter_end(bytes);
    blank(buf, 0, pos);
    let mut blocks = Blocks {
        bytes,
        buf,
        starts: Vec::new(),
        code: Code::None,
        after_break: true,
        in_list: false,
        prev_quote: false,
    };
    while pos < bytes.len() {
        pos = blocks.line(pos);
    }
    blocks.starts
}

/// Which kind of code block the previous line was in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    None,
    /// A fence of this character, at least this long.
    Fence(u8, usize),
    Indented,
}

/// State of the line-level pass.
struct Blocks<'a> {
    bytes: &'a [u8],
    buf: &'a mut [u8],
    starts: Vec<usize>,
    code: Code,
    /// After a blank line or a block that a paragraph cannot continue.
    after_break: bool,
    in_list: bool,
    prev_quote: bool,
}

impl Blocks<'_> {
    fn push(&mut self, at: usize) {
        if at < self.bytes.len() && self.starts.last() != Some(&at) {
            self.starts.push(at);
        }
    }

    /// Handles the line at `pos`; returns where the next unhandled line starts.
    fn line(&mut self, pos: usize) -> usize {
        let bytes = self.bytes;
        let (start, end, next) = line_at(bytes, pos);
        let line = &bytes[start..end];
        if let Code::Fence(ch, n) = self.code {
            blank(self.buf, start, end);
            let body = skip_spaces(line, skip_quote_markers(line, &mut []));
            let run = run_len(line, body, ch);
            if run >= n && is_blank(&line[body + run..]) {
                self.code = Code::None;
                self.after_break = true;
            }
            return next;
        }
        if is_blank(line) {
            self.after_break = true;
            self.prev_quote = false;
            return next;
        }
        let indented = indent_width(line) >= 4;
        if indented && (self.code == Code::Indented || (self.after_break && !self.in_list)) {
            self.code = Code::Indented;
            blank(self.buf, start, end);
            return next;
        }
        self.code = Code::None;
        let rest = skip_quote_markers(line, &mut self.buf[start..end]);
        let is_quote = rest > 0;
        if is_quote && !self.prev_quote {
            self.push(start);
        }
        self.prev_quote = is_quote;
        let body = skip_spaces(line, rest);
        if body == line.len() {
            self.after_break = true;
            return next;
        }
        self.leaf(start, start + body, end, next)
    }

    /// Handles the content of a non-blank line from `at` (after indentation and quote markers).
    fn leaf(&mut self, start: usize, at: usize, end: usize, next: usize) -> usize {
        let bytes = self.bytes;
        let text = &bytes[at..end];
        if text.starts_with(b"<!--") {
            let close = find(bytes, at + 4, b"-->").map_or(bytes.len(), |i| i + 3);
            blank(self.buf, at, close);
            self.after_break = true;
            return if close >= bytes.len() {
                bytes.len()
            } else {
                line_at(bytes, close).2
            };
        }
        let footnote = text.starts_with(b"[^").then(|| find(text, 2, b"]:"));
        if let Some(close) = footnote.flatten() {
            blank(self.buf, at, at + close + 2);
            self.push(start);
            self.after_break = false;
            return next;
        }
        let run = run_len(text, 0, text[0]);
        if run >= 3 && (text[0] == b'~' || (text[0] == b'`' && !text[run..].contains(&b'`'))) {
            self.code = Code::Fence(text[0], run);
            blank(self.buf, start, end);
            return next;
        }
        if is_reference_definition(text) || is_rule_or_underline(text, self.after_break) {
            blank(self.buf, start, end);
            self.after_break = true;
            return next;
        }
        if text[0] == b'#' && run <= 6 && text.get(run).is_none_or(|b| *b == b' ' || *b == b'\t') {
            blank(self.buf, at, at + run);
            let trimmed = text.len() - run_len_rev_spaces(text);
            let closing = text[..trimmed]
                .iter()
                .rev()
                .take_while(|b| **b == b'#')
                .count();
            if closing > 0 && trimmed > run + closing && text[trimmed - closing - 1] == b' ' {
                blank(self.buf, at + trimmed - closing, end);
            }
            self.push(start);
            self.push(next);
            self.after_break = true;
            self.in_list = false;
            return next;
        }
        let delimiter_row = is_table_delimiter(text);
        if text[0] == b'|' || (delimiter_row && text.contains(&b'|')) {
            self.push(start);
            if delimiter_row {
                blank(self.buf, start, end);
            }
            for (i, &b) in text.iter().enumerate() {
                if b == b'|' {
                    blank(self.buf, at + i, at + i + 1);
                }
            }
            self.after_break = false;
            return next;
        }
        if let Some(marker) = list_marker(text, self.after_break || self.in_list) {
            let after = skip_spaces(text, marker);
            let task = text.len() > after + 3
                && text[after] == b'['
                && matches!(text[after + 1], b' ' | b'x' | b'X')
                && text[after + 2] == b']';
            blank(self.buf, at, at + if task { after + 3 } else { marker });
            self.push(start);
            self.in_list = true;
            self.after_break = false;
            return next;
        }
        if self.after_break && indent_width(&bytes[start..end]) < 2 {
            self.in_list = false;
        }
        self.after_break = false;
        next
    }
}

/// Skips (and, into a non-empty `buf`, blanks) leading `>` markers; returns the offset after them.
fn skip_quote_markers(line: &[u8], buf: &mut [u8]) -> usize {
    let mut i = 0;
    loop {
        let j = skip_spaces(line, i);
        if j - i > 3 || line.get(j) != Some(&b'>') {
            return i;
        }
        if let Some(b) = buf.get_mut(j) {
            *b = b' ';
        }
        i = j + 1;
    }
}

/// Byte length of a list marker at the start of `text`, if there is one. Ordered items other than
/// `1.` only start a list where a paragraph cannot continue, as in `CommonMark`.
fn list_marker(text: &[u8], may_interrupt: bool) -> Option<usize> {
    let len = match text.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = text.iter().take_while(|b| b.is_ascii_digit()).count();
            let number = &text[..digits];
            if digits > 9 || !matches!(text.get(digits), Some(b'.' | b')')) {
                return None;
            }
            if !may_interrupt && number != b"1" {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    text.get(len)
        .is_none_or(|b| *b == b' ' || *b == b'\t')
        .then_some(len)
}

fn is_reference_definition(text: &[u8]) -> bool {
    if text.first() != Some(&b'[') || text.get(1) == Some(&b'^') {
        return false;
    }
    match text.iter().position(|&b| b == b']') {
        Some(close) if close > 1 => {
            text.get(close + 1) == Some(&b':') && !is_blank(&text[close + 2..])
        }
        _ => false,
    }
}

/// A thematic break (`***`, `- - -`, `___`) or a setext underline (`===`, `---` under a paragraph).
fn is_rule_or_underline(text: &[u8], after_break: bool) -> bool {
    let ch = text[0];
    if !matches!(ch, b'-' | b'*' | b'_' | b'=') {
        return false;
    }
    let count: usize = text.iter().map(|&b| usize::from(b == ch)).sum();
    let only = text.iter().all(|&b| b == ch || b == b' ' || b == b'\t');
    if !only {
        return false;
    }
    let underline = matches!(ch, b'=' | b'-') && !after_break && !text[..count].contains(&b' ');
    underline || (ch != b'=' && count >= 3)
}

fn is_table_delimiter(text: &[u8]) -> bool {
    text.contains(&b'-')
        && text
            .iter()
            .all(|&b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

#[cfg(test)]
mod tests {
    use crate::text::markdown::{analyze, kept};

    #[test]
    fn front_matter_yaml_and_toml() {
        assert_eq!(kept("---\ntitle: A.\n---\nBody."), ["Body."]);
        assert_eq!(kept("+++\nx = 1\n+++\nBody."), ["Body."]);
        assert_eq!(kept("---\nx: 1\n...\nBody."), ["Body."]);
        assert_eq!(kept("Intro.\n\n---\nx: 1\n---\n"), ["Intro.", "x:", "1"]);
    }

    #[test]
    fn fenced_code_with_info_string_and_unclosed_fence() {
        let text = "Before.\n```rust title=\"a\"\nlet x = 1.5;\n```\nAfter.\n~~~\nnever closed\n";
        assert_eq!(kept(text), ["Before.", "After."]);
        assert_eq!(kept("````\n```\nstill code\n````\nOut."), ["Out."]);
        assert_eq!(kept("> ```\n> code\n> ```\n> Quote."), ["Quote."]);
        assert_eq!(kept("Inline ```a``` ok."), ["Inline", "ok."]);
    }

    #[test]
    fn indented_code_only_after_a_blank_line_and_outside_lists() {
        assert_eq!(
            kept("Para.\n\n    code.x()\n\n    more()\nNext."),
            ["Para.", "Next."]
        );
        assert_eq!(kept("Para\n    continued."), ["Para", "continued."]);
        assert_eq!(kept("- item\n\n    more item."), ["item", "more", "item."]);
    }

    #[test]
    fn block_markers_are_masked_and_reported() {
        let text = "# Title #\nLine.\n\n> Quote.\n> More.\n\n- one\n2. two\n- [x] done\n\n| a | b |\n|---|---|\n";
        let m = analyze(text);
        let words: Vec<&str> = m.prose.split_whitespace().collect();
        assert_eq!(
            words,
            [
                "Title", "Line.", "Quote.", "More.", "one", "two", "done", "a", "b"
            ]
        );
        let firsts: Vec<&str> = m
            .block_starts
            .iter()
            .map(|&i| text[i..].lines().next().unwrap_or(""))
            .collect();
        let expected = [
            "# Title #",
            "Line.",
            "> Quote.",
            "- one",
            "2. two",
            "- [x] done",
            "| a | b |",
            "|---|---|",
        ];
        assert_eq!(firsts, expected);
    }

    #[test]
    fn ordered_items_need_a_break_to_interrupt() {
        assert_eq!(
            kept("It began in\n2019. The end."),
            ["It", "began", "in", "2019.", "The", "end."]
        );
        assert_eq!(kept("Steps:\n1. Go."), ["Steps:", "Go."]);
    }

    #[test]
    fn thematic_breaks_and_setext_underlines() {
        assert_eq!(
            kept("Title\n=====\nText.\n\n***\n- - -\n"),
            ["Title", "Text."]
        );
        assert_eq!(kept("Sub\n---\nText."), ["Sub", "Text."]);
        assert_eq!(kept("===\nText."), ["===", "Text."]);
    }
}
