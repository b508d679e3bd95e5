//! Markdown masking: blanks code, front matter, HTML, link targets and markup to ASCII spaces so
//! later stages read only prose, while every byte offset and every newline stays where it was.
//! It also reports the line starts that open a block, for the sentence segmenter. A line-based
//! approximation of `CommonMark`, not a full parser: it never fails and never moves a byte.

/// Farthest a code span, link target or tag may reach before it is taken as literal text.
const INLINE_REACH: usize = 16 * 1024;

/// The outcome of [`analyze`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masked {
    /// The text with non-prose bytes replaced by spaces; same byte length as the input.
    pub prose: String,
    /// Sorted offsets of line starts that open a block: headings, the line after a heading,
    /// list items, the first line of a block quote, table rows.
    pub block_starts: Vec<usize>,
}

/// Returns `text` with everything that is not prose blanked, byte for byte.
#[must_use]
pub fn mask(text: &str) -> String {
    analyze(text).prose
}

/// Masks `text` and finds where its blocks start.
#[must_use]
pub fn analyze(text: &str) -> Masked {
    let mut buf = text.as_bytes().to_vec();
    let block_starts = block_pass(text.as_bytes(), &mut buf);
    inline_pass(&mut buf);
    // blank() replaces whole characters only, so the buffer is still UTF-8; the fallback keeps
    // the length invariant should that ever break.
    let prose = String::from_utf8(buf).unwrap_or_else(|_| text.to_owned());
    Masked {
        prose,
        block_starts,
    }
}

/// Replaces `buf[start..end]` with spaces, widened to whole characters, keeping `\n` and `\r`.
fn blank(buf: &mut [u8], start: usize, end: usize) {
    let mut start = start.min(buf.len());
    let mut end = end.min(buf.len());
    while start > 0 && is_continuation(buf[start]) {
        start -= 1;
    }
    while end < buf.len() && is_continuation(buf[end]) {
        end += 1;
    }
    for b in &mut buf[start..end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The line at `pos`: (start, end without `\n`/`\r\n`, start of the next line).
fn line_at(bytes: &[u8], pos: usize) -> (usize, usize, usize) {
    let next = bytes[pos..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| pos + i + 1);
    let mut end = if next > pos && bytes[next - 1] == b'\n' {
        next - 1
    } else {
        next
    };
    if end > pos && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    (pos, end, next)
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
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

fn run_len(bytes: &[u8], i: usize, ch: u8) -> usize {
    bytes[i..].iter().take_while(|&&b| b == ch).count()
}

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

/// Line-level constructs: front matter, fences, indented code, block comments, reference
/// definitions, and the markers of headings, lists, quotes, tables and thematic breaks.
fn block_pass(bytes: &[u8], buf: &mut [u8]) -> Vec<usize> {
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
        if text[0] == b'|' || (text.contains(&b'|') && is_table_delimiter(text)) {
            self.push(start);
            for (i, &b) in text.iter().enumerate() {
                if b == b'|' || is_table_delimiter(text) {
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

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| from + i)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

/// Whether the line after the `\n` at `i` is blank (a paragraph break).
fn blank_line_follows(buf: &[u8], i: usize) -> bool {
    let (start, end, _) = line_at(buf, (i + 1).min(buf.len()));
    is_blank(&buf[start..end])
}

/// Inline constructs, on the block-masked buffer: code spans, HTML, links, images, emphasis.
fn inline_pass(buf: &mut [u8]) {
    let mut brackets: Vec<(usize, bool)> = Vec::new();
    let mut comments_closed = true; // false once a `<!--` had no `-->` after it
    let mut i = 0;
    while i < buf.len() {
        i = match buf[i] {
            b'\\' if buf.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i + 2,
            b'`' => {
                let n = run_len(buf, i, b'`');
                match code_span_close(buf, i + n, n) {
                    Some(close) => {
                        blank(buf, i, close + n);
                        close + n
                    }
                    None => i + n,
                }
            }
            b'<' if buf[i..].starts_with(b"<!--") => {
                if let Some(close) = comments_closed.then(|| find(buf, i + 4, b"-->")).flatten() {
                    blank(buf, i, close + 3);
                    close + 3
                } else {
                    comments_closed = false;
                    i + 4
                }
            }
            b'<' => match html_end(buf, i) {
                Some(end) => {
                    blank(buf, i, end);
                    end
                }
                None => i + 1,
            },
            b'!' if buf.get(i + 1) == Some(&b'[') => {
                if brackets.len() < 64 {
                    brackets.push((i, true));
                }
                i + 2
            }
            b'[' => {
                if brackets.len() < 64 {
                    brackets.push((i, false));
                }
                i + 1
            }
            b']' => close_bracket(buf, i, brackets.pop()),
            b'*' | b'_' | b'~' => emphasis(buf, i),
            b'\n' => {
                if blank_line_follows(buf, i) {
                    brackets.clear();
                }
                i + 1
            }
            _ => i + 1,
        };
    }
}

/// Start of the backtick run of exactly `n` that closes a code span opened before `from`.
fn code_span_close(buf: &[u8], from: usize, n: usize) -> Option<usize> {
    let limit = buf.len().min(from.saturating_add(INLINE_REACH));
    let mut k = from;
    while k < limit {
        match buf[k] {
            b'`' => {
                let m = run_len(buf, k, b'`');
                if m == n {
                    return Some(k);
                }
                k += m;
            }
            b'\n' if blank_line_follows(buf, k) => return None,
            _ => k += 1,
        }
    }
    None
}

/// End (exclusive) of an HTML tag, autolink, declaration or `<script>`/`<style>` element at `i`.
fn html_end(buf: &[u8], i: usize) -> Option<usize> {
    let next = *buf.get(i + 1)?;
    let name_at = if next == b'/' { i + 2 } else { i + 1 };
    let name_len = buf[name_at.min(buf.len())..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    let limit = buf.len().min(i.saturating_add(INLINE_REACH));
    let gt = i + buf[i..limit].iter().position(|&b| b == b'>')?;
    let inner = &buf[i + 1..gt];
    if inner.contains(&b'<') || find(inner, 0, b"\n\n").is_some() {
        return None;
    }
    let after_name = buf.get(name_at + name_len).copied().unwrap_or(b'>');
    let is_tag = name_len > 0
        && buf[name_at].is_ascii_alphabetic()
        && (after_name.is_ascii_whitespace() || after_name == b'/' || after_name == b'>');
    let is_autolink = !inner.is_empty()
        && !inner.iter().any(u8::is_ascii_whitespace)
        && (inner.contains(&b':') || inner.contains(&b'@'));
    let is_declaration = matches!(next, b'!' | b'?');
    if !(is_tag || is_autolink || is_declaration) {
        return None;
    }
    let name = &buf[name_at..name_at + name_len];
    let raw = name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style");
    if next != b'/' && raw {
        let closing: &[u8] = if name.len() == 6 {
            b"</script"
        } else {
            b"</style"
        };
        if let Some(close) = find_ignore_case(buf, gt, closing) {
            let end = buf[close..].iter().position(|&b| b == b'>');
            return Some(end.map_or(buf.len(), |p| close + p + 1));
        }
    }
    Some(gt + 1)
}

/// Handles the `]` at `i`: masks a link's target and brackets or a whole image. Returns where to
/// resume scanning.
fn close_bracket(buf: &mut [u8], i: usize, open: Option<(usize, bool)>) -> usize {
    let Some((open, image)) = open else {
        return i + 1;
    };
    let target_end = match buf.get(i + 1) {
        Some(b'(') => matching_paren(buf, i + 1),
        Some(b'[') => {
            let limit = buf.len().min(i + 2 + INLINE_REACH);
            buf[i + 2..limit]
                .iter()
                .position(|&b| b == b']' || b == b'\n')
                .filter(|&p| buf[i + 2 + p] == b']')
                .map(|p| i + 2 + p + 1)
        }
        _ => None,
    };
    match target_end {
        Some(end) if image => {
            blank(buf, open, end);
            end
        }
        Some(end) => {
            blank(buf, open, open + 1);
            blank(buf, i, end);
            end
        }
        None if image || buf.get(open + 1) == Some(&b'^') => {
            blank(buf, open, i + 1);
            i + 1
        }
        None => i + 1,
    }
}

/// End (exclusive) of the parenthesised link target opening at `open`.
fn matching_paren(buf: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let limit = buf.len().min(open.saturating_add(INLINE_REACH));
    for k in open..limit {
        match buf[k] {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k + 1);
                }
            }
            b'\n' if blank_line_follows(buf, k) => return None,
            _ => {}
        }
    }
    None
}

/// Masks a run of `*`, `_` or `~~` at `i` if it can open or close emphasis; returns its end.
fn emphasis(buf: &mut [u8], i: usize) -> usize {
    let ch = buf[i];
    let end = i + run_len(buf, i, ch);
    let prev = i.checked_sub(1).map(|p| buf[p]);
    let next = buf.get(end).copied();
    let space = |b: Option<u8>| b.is_none_or(|b| b.is_ascii_whitespace());
    let punct = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_punctuation());
    let left = !space(next) && (!punct(next) || space(prev) || punct(prev));
    let right = !space(prev) && (!punct(prev) || space(next) || punct(next));
    let delimiter = match ch {
        b'_' => (left && (!right || punct(prev))) || (right && (!left || punct(next))),
        b'~' => end - i == 2 && (left || right),
        _ => left || right,
    };
    if delimiter {
        blank(buf, i, end);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Masks `text`, checks that bytes only turned into spaces (so offsets and newlines hold), and
    /// returns the words left.
    #[track_caller]
    fn kept(text: &str) -> Vec<String> {
        let prose = mask(text);
        assert_eq!(prose.len(), text.len(), "length changed for {text:?}");
        for (p, t) in prose.bytes().zip(text.bytes()) {
            assert!(
                p == t || (p == b' ' && t != b'\n' && t != b'\r'),
                "{text:?} -> {prose:?}"
            );
        }
        prose.split_whitespace().map(str::to_owned).collect()
    }

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
    fn html_comments_and_tags() {
        assert_eq!(kept("A <!-- x.\ny --> B."), ["A", "B."]);
        assert_eq!(kept("<!--\nhidden\n-->\nShown."), ["Shown."]);
        assert_eq!(kept("<!-- never closed\nhidden"), Vec::<String>::new());
        assert_eq!(
            kept("A <b>bold</b> <br/> x < y."),
            ["A", "bold", "x", "<", "y."]
        );
        assert_eq!(kept("<div class=\"a\">\nText.\n</div>"), ["Text."]);
        assert_eq!(kept("Go <https://x.org/a.b> now."), ["Go", "now."]);
        assert_eq!(kept("<script>a.b();</script>Hi."), ["Hi."]);
    }

    #[test]
    fn inline_code_spans() {
        assert_eq!(kept("Run `x.y()` now."), ["Run", "now."]);
        assert_eq!(kept("A ``a ` b`` c."), ["A", "c."]);
        assert_eq!(kept("Lone ` tick."), ["Lone", "`", "tick."]);
    }

    #[test]
    fn links_images_and_reference_definitions() {
        assert_eq!(
            kept("See [the report](http://a.b/(c).d) now."),
            ["See", "the", "report", "now."]
        );
        assert_eq!(kept("An ![alt. text](i.png) image."), ["An", "image."]);
        assert_eq!(
            kept("A [ref link][r1] here."),
            ["A", "ref", "link", "here."]
        );
        assert_eq!(kept("[r1]: http://a.b/c \"T\"\nText."), ["Text."]);
        assert_eq!(
            kept("Poach [other extremist] groups."),
            ["Poach", "[other", "extremist]", "groups."]
        );
        assert_eq!(kept("Note[^1] here."), ["Note", "here."]);
        assert_eq!(kept("[![i](a.png)](b.html)"), Vec::<String>::new());
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
    fn rules_setext_and_emphasis() {
        assert_eq!(kept("Title\n=====\nText.\n\n***\n"), ["Title", "Text."]);
        assert_eq!(
            kept("A **bold** and _it_ word, snake_case 2*3."),
            ["A", "bold", "and", "it", "word,", "snake_case", "2", "3."]
        );
        assert_eq!(kept("~~gone~~ 3 * 4"), ["gone", "3", "*", "4"]);
    }

    #[test]
    fn escapes_and_multibyte_text_survive() {
        assert_eq!(
            kept("\\*not\\* “é” [`日本`](u) ünï"),
            ["\\*not\\*", "“é”", "ünï"]
        );
    }

    #[test]
    fn crlf_lines() {
        assert_eq!(kept("# H\r\n\r\n```\r\nx\r\n```\r\nT."), ["H", "T."]);
    }
}
