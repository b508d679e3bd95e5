//! Inline Markdown, on the block-masked buffer: code spans, HTML tags and comments, autolinks,
//! link targets, images and emphasis delimiters. Link text stays; everything else is blanked.

use super::{blank, find, find_ignore_case, is_blank, line_at, run_len};

/// Farthest a code span or tag may reach before it is taken as literal text.
const INLINE_REACH: usize = 16 * 1024;

/// Farthest a link target `(url "title")` may reach.
const LINK_REACH: usize = 2 * 1024;

/// Whether the line after the `\n` at `i` is blank (a paragraph break).
fn blank_line_follows(buf: &[u8], i: usize) -> bool {
    let (start, end, _) = line_at(buf, (i + 1).min(buf.len()));
    is_blank(&buf[start..end])
}

/// Inline constructs, on the block-masked buffer: code spans, HTML, links, images, emphasis.
pub(super) fn inline_pass(buf: &mut [u8]) {
    let mut brackets: Vec<(usize, bool)> = Vec::new();
    // Turn false once a search for `-->`, `</script` or `</style` fails, so that text full of
    // unclosed openers stays linear.
    let mut comments_closed = true;
    let mut raw_closed = [true; 2];
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
            b'<' => match html_end(buf, i, &mut raw_closed) {
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
fn html_end(buf: &[u8], i: usize, raw_closed: &mut [bool; 2]) -> Option<usize> {
    let next = *buf.get(i + 1)?;
    let name_at = if next == b'/' { i + 2 } else { i + 1 };
    let name_len = buf[name_at.min(buf.len())..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    let limit = buf.len().min(i.saturating_add(INLINE_REACH));
    // Stopping at the next `<` keeps the scan linear over text full of stray `<`.
    let gt = i
        + 1
        + buf[i + 1..limit]
            .iter()
            .position(|&b| b == b'>' || b == b'<')?;
    let inner = &buf[i + 1..gt];
    if buf[gt] == b'<' || find(inner, 0, b"\n\n").is_some() {
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
    let raw = [b"script".as_slice(), b"style"]
        .iter()
        .position(|raw| name.eq_ignore_ascii_case(raw));
    if let Some(kind) = raw.filter(|&k| next != b'/' && raw_closed[k]) {
        let closing: &[u8] = [b"</script".as_slice(), b"</style"][kind];
        match find_ignore_case(buf, gt, closing) {
            Some(close) => {
                let end = buf[close..].iter().position(|&b| b == b'>');
                return Some(end.map_or(buf.len(), |p| close + p + 1));
            }
            None => raw_closed[kind] = false,
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

/// End (exclusive) of the link target `(dest "title")` opening at `open`.
fn matching_paren(buf: &[u8], open: usize) -> Option<usize> {
    let limit = buf.len().min(open.saturating_add(LINK_REACH));
    let skip_ws = |mut k: usize| {
        while k < limit && buf[k].is_ascii_whitespace() {
            k += 1;
        }
        k
    };
    let mut k = skip_ws(open + 1);
    if buf.get(k) == Some(&b'<') {
        k += 2 + buf.get(k + 1..limit)?.iter().position(|&b| b == b'>')?;
    } else {
        let mut depth = 0usize;
        while k < limit {
            match buf[k] {
                b'(' => depth += 1,
                b')' if depth == 0 => break,
                b')' => depth -= 1,
                // Whitespace ends a destination; brackets in one are rare enough to reject,
                // which keeps text full of `](` linear.
                b if b.is_ascii_whitespace() || matches!(b, b'[' | b']' | b'<' | b'>') => break,
                _ => {}
            }
            k += 1;
        }
    }
    k = skip_ws(k);
    if let Some(&quote @ (b'"' | b'\'' | b'(')) = buf.get(k) {
        let close = if quote == b'(' { b')' } else { quote };
        k = skip_ws(k + 2 + buf.get(k + 1..limit)?.iter().position(|&b| b == close)?);
    }
    (k < limit && buf[k] == b')').then_some(k + 1)
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
    use crate::text::markdown::kept;

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
        assert_eq!(kept("[^1]: The note."), ["The", "note."]);
        assert_eq!(kept("[a](<x y.z> 'T. t') [b](u (t)) c."), ["a", "b", "c."]);
        assert_eq!(kept("[a](b c) d."), ["[a](b", "c)", "d."]);
        assert_eq!(kept("[![i](a.png)](b.html)"), Vec::<String>::new());
    }

    #[test]
    fn emphasis_delimiters() {
        assert_eq!(
            kept("A **bold** and _it_ word, snake_case 2*3."),
            ["A", "bold", "and", "it", "word,", "snake_case", "2", "3."]
        );
        assert_eq!(
            kept("~~gone~~ 3 * 4 __init__"),
            ["gone", "3", "*", "4", "init"]
        );
    }

    #[test]
    fn pathological_inputs_stay_fast() {
        // Each of these was quadratic once; at this size a regression takes minutes, not ms.
        for unit in [
            "<a ", "[a](", "<script>", "<!-- ", "` `` ", "| ", "[", "**_",
        ] {
            let text = unit.repeat(100_000 / unit.len());
            assert_eq!(super::super::mask(&text).len(), text.len());
        }
    }
}
