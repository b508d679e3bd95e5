//! Markdown masking: blanks code, front matter, HTML, link targets and markup to ASCII spaces so
//! later stages read only prose, while every byte offset and every newline stays where it was.
//! It also reports the line starts that open a block, for the sentence segmenter. A line-based
//! approximation of `CommonMark` (blocks in `block`, inline markup in `inline`), not a full
//! parser: it never fails and never moves a byte.

mod block;
mod inline;

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
    let block_starts = block::block_pass(text.as_bytes(), &mut buf);
    inline::inline_pass(&mut buf);
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

fn run_len(bytes: &[u8], i: usize, ch: u8) -> usize {
    bytes[i..].iter().take_while(|&&b| b == ch).count()
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

#[cfg(test)]
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn blank_keeps_whole_characters_and_newlines() {
        let mut buf = "aé\r\nb".as_bytes().to_vec();
        blank(&mut buf, 2, 5); // starts inside `é`
        assert_eq!(buf, b"a  \r\nb");
    }
}
