//! The text layer: a loaded [`Document`], byte [`Span`]s into it and 1-based line/column lookup.
//! Markdown masking lives in [`markdown`], sentence splitting in [`segment`](mod@segment). This module decodes
//! bytes the caller has already read; it opens no files and depends on nothing else in the crate.

mod lines;
pub mod markdown;
pub mod segment;

pub use lines::LineIndex;
pub use segment::{Sentence, segment, segment_str};

/// How many leading bytes [`Document::from_bytes`] inspects for a NUL byte.
const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// Byte span into a document's original text, end-exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start after end");
        Span { start, end }
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Whether `other` lies entirely inside this span.
    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte (empty spans overlap nothing).
    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        !self.is_empty() && !other.is_empty() && self.start < other.end && other.start < self.end
    }

    /// The span as a range, for slicing.
    #[must_use]
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

/// What syntax a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Plain text: every byte is prose.
    Text,
    /// Markdown: code, front matter and markup are masked out of [`Document::prose`].
    Markdown,
}

impl DocKind {
    /// Guesses the kind from a file name: `.md`, `.markdown` and `.mdx` (any case) are Markdown.
    #[must_use]
    pub fn from_path(path: &str) -> DocKind {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        match name.rsplit_once('.') {
            Some((stem, ext))
                if !stem.is_empty()
                    && ["md", "markdown", "mdx"]
                        .iter()
                        .any(|e| ext.eq_ignore_ascii_case(e)) =>
            {
                DocKind::Markdown
            }
            _ => DocKind::Text,
        }
    }
}

/// Why bytes could not become a [`Document`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The bytes are not valid UTF-8.
    #[error(
        "{path}:{line}:{column}: invalid UTF-8 (byte offset {offset}); crosscheck reads UTF-8 text only"
    )]
    InvalidUtf8 {
        /// The document's path as given.
        path: String,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in characters) of the first invalid byte.
        column: usize,
        /// Byte offset of the first invalid byte in the input as given (a BOM counts).
        offset: usize,
    },
    /// A NUL byte appeared in the first 8 KiB.
    #[error("{path}: looks binary (it has a NUL byte); crosscheck reads UTF-8 text only")]
    Binary {
        /// The document's path as given.
        path: String,
    },
}

/// A loaded input document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given by the user, or `<stdin>`.
    pub path: String,
    /// The original text, unchanged (less a UTF-8 BOM, see [`Document::from_bytes`]).
    pub text: String,
    /// What syntax the text is in.
    pub kind: DocKind,
    /// The text with everything that is not prose blanked to ASCII spaces, byte for byte and
    /// keeping newlines, so every offset into `prose` is an offset into `text`. For
    /// [`DocKind::Text`] it equals `text`.
    pub prose: String,
    /// Line starts of `text`.
    lines: LineIndex,
    /// Offsets of line starts that open a Markdown block (heading, list item, quote, table row).
    blocks: Vec<usize>,
}

impl Document {
    /// Builds a document from text already decoded.
    #[must_use]
    pub fn new(path: impl Into<String>, text: String, kind: DocKind) -> Document {
        let (prose, blocks) = match kind {
            DocKind::Text => (text.clone(), Vec::new()),
            DocKind::Markdown => {
                let masked = markdown::analyze(&text);
                (masked.prose, masked.block_starts)
            }
        };
        Document {
            path: path.into(),
            lines: LineIndex::new(&text),
            text,
            kind,
            prose,
            blocks,
        }
    }

    /// Decodes bytes read from `path`.
    ///
    /// A leading UTF-8 byte order mark is dropped, so offsets count from the byte after it.
    ///
    /// # Errors
    ///
    /// [`TextError::Binary`] if the first 8 KiB hold a NUL byte; [`TextError::InvalidUtf8`],
    /// naming the first bad byte, if the bytes are not UTF-8.
    pub fn from_bytes(
        path: impl Into<String>,
        mut bytes: Vec<u8>,
        kind: DocKind,
    ) -> Result<Document, TextError> {
        let path = path.into();
        let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
            3
        } else {
            0
        };
        if bytes[..bytes.len().min(BINARY_SNIFF_LEN)].contains(&0) {
            return Err(TextError::Binary { path });
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document::new(path, text, kind)),
            Err(err) => {
                let bytes = err.as_bytes();
                let valid = err.utf8_error().valid_up_to();
                let prefix = &bytes[..valid];
                let line_start = prefix
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let line = 1 + prefix
                    .iter()
                    .map(|&b| usize::from(b == b'\n'))
                    .sum::<usize>();
                // `prefix` is valid UTF-8, so counting non-continuation bytes counts characters.
                let column = 1 + prefix[line_start..]
                    .iter()
                    .filter(|&&b| b & 0xC0 != 0x80)
                    .count();
                Err(TextError::InvalidUtf8 {
                    path,
                    line,
                    column,
                    offset: valid + bom,
                })
            }
        }
    }

    /// 1-based line and 1-based column (in Unicode scalar values) of a byte offset into `text`.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// The line index of `text`.
    #[must_use]
    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// Offsets where a Markdown block (heading, list item, block quote, table row) starts a line.
    #[must_use]
    pub fn block_starts(&self) -> &[usize] {
        &self.blocks
    }

    /// The original text under `span`; empty if the span is out of range or splits a character.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        let s = self.text.get(span.range());
        debug_assert!(
            s.is_some(),
            "span {span:?} is not a valid slice of {}",
            self.path
        );
        s.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_helpers() {
        let a = Span::new(2, 5);
        assert_eq!(a.len(), 3);
        assert!(!a.is_empty() && Span::new(4, 4).is_empty());
        assert!(a.contains(Span::new(3, 5)) && !a.contains(Span::new(1, 3)));
        assert!(a.overlaps(Span::new(4, 9)) && !a.overlaps(Span::new(5, 9)));
        assert!(!a.overlaps(Span::new(3, 3)));
        assert_eq!(Span::from(1..4), Span::new(1, 4));
    }

    #[test]
    fn kind_from_path() {
        assert_eq!(DocKind::from_path("a/b/news.md"), DocKind::Markdown);
        assert_eq!(DocKind::from_path("NEWS.Markdown"), DocKind::Markdown);
        assert_eq!(DocKind::from_path("x.mdx"), DocKind::Markdown);
        assert_eq!(DocKind::from_path("x.txt"), DocKind::Text);
        assert_eq!(DocKind::from_path("<stdin>"), DocKind::Text);
        assert_eq!(DocKind::from_path("dir.md/file"), DocKind::Text);
        assert_eq!(DocKind::from_path(".md"), DocKind::Text);
    }

    #[test]
    fn empty_document() {
        let doc = Document::new("e", String::new(), DocKind::Markdown);
        assert_eq!(doc.line_col(0), (1, 1));
        assert!(doc.prose.is_empty());
        assert!(segment(&doc).is_empty());
    }

    #[test]
    fn from_bytes_strips_bom() {
        let doc =
            Document::from_bytes("b.txt", b"\xEF\xBB\xBFHi.".to_vec(), DocKind::Text).unwrap();
        assert_eq!(doc.text, "Hi.");
        assert_eq!(doc.prose, doc.text);
    }

    #[test]
    fn from_bytes_reports_invalid_utf8_position() {
        let bytes = b"ok\n\xC3\xA9a\xFFb".to_vec();
        let err = Document::from_bytes("bad.txt", bytes, DocKind::Text).unwrap_err();
        assert!(matches!(
            err,
            TextError::InvalidUtf8 {
                line: 2,
                column: 3,
                offset: 6,
                ..
            }
        ));
        assert_eq!(
            err.to_string(),
            "bad.txt:2:3: invalid UTF-8 (byte offset 6); crosscheck reads UTF-8 text only"
        );
        let err = Document::from_bytes("b", b"\xEF\xBB\xBF\xFF".to_vec(), DocKind::Text);
        assert!(matches!(err, Err(TextError::InvalidUtf8 { offset: 3, .. })));
    }

    #[test]
    fn from_bytes_rejects_binary() {
        let err = Document::from_bytes("img.png", b"\x89PNG\0\0".to_vec(), DocKind::Text);
        let err = err.unwrap_err();
        assert!(matches!(err, TextError::Binary { .. }));
        assert!(err.to_string().starts_with("img.png: looks binary"));
        let mut late = vec![b'a'; BINARY_SNIFF_LEN];
        late.push(0);
        assert!(Document::from_bytes("late", late, DocKind::Text).is_ok());
    }

    #[test]
    fn markdown_document_masks_prose_only() {
        let text = "# Title\n\n```\nx.y()\n```\nBody.\n".to_owned();
        let doc = Document::new("a.md", text, DocKind::Markdown);
        assert_eq!(doc.prose.len(), doc.text.len());
        assert_eq!(doc.prose, "  Title\n\n   \n     \n   \nBody.\n");
        assert_eq!(doc.block_starts(), &[0, 8]);
    }

    /// Checks the span invariants of `sentences` over `text`.
    #[track_caller]
    fn check_spans(text: &str, sentences: &[Sentence]) {
        let mut last_end = 0;
        for s in sentences {
            let Span { start, end } = s.span;
            assert!(
                last_end <= start && start < end && end <= text.len(),
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
    }

    #[test]
    fn generated_strings_keep_span_invariants() {
        const ALPHABET: &[&str] = &[
            "a", "b", "Z", "The", " ", " ", " ", "\n", "\n\n", "\r\n", ".", ".", "!", "?", "…",
            "...", "\"", "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "—", "-", ",", "3",
            "4.5", "U.S.", "Dr.", "é", "日本", "🙂", "\t", "\u{a0}", "\u{2029}", "- ", "• ",
            "a.m.", "e.g.", "# ", "> ", "`", "```", "<", ">", "*", "_", "](", "<!--", "-->",
            "    ", "|",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(state >> 33).unwrap()
        };
        for _ in 0..4000 {
            let len = next() % 60;
            let text: String = (0..len)
                .map(|_| ALPHABET[next() % ALPHABET.len()])
                .collect();
            check_spans(&text, &segment_str(&text));
            let doc = Document::new("g.md", text.clone(), DocKind::Markdown);
            assert_eq!(doc.prose.len(), text.len());
            check_spans(&doc.text, &segment(&doc));
        }
    }

    const SEED: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/voa-iskp-2024-03.txt"
    );

    #[test]
    fn seed_article_sentences() {
        let bytes = std::fs::read(SEED).expect("the seed article is in shared/seed");
        let doc = Document::from_bytes(SEED, bytes, DocKind::Text).unwrap();
        let got = segment(&doc);
        check_spans(&doc.text, &got);
        let all: Vec<&str> = got.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(got.len(), 47);
        assert_eq!(got.last().map(|s| s.paragraph), Some(33));
        assert!(all[2].starts_with("Although it was") && all[2].contains("U.S. officials"));
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
        let quotes: Vec<_> = got[17..22]
            .iter()
            .map(|s| (s.in_quote, s.quote_open_at_end))
            .collect();
        let expected = [
            (false, false),
            (false, true),
            (true, true),
            (true, true),
            (true, false),
        ];
        assert_eq!(quotes, expected);
        assert_eq!(all[26], "Attacks will help recruitment");
        assert!(all[28].starts_with("“Those spectacular") && all[28].ends_with("Roggio said."));
        assert!(all[33].ends_with("in several instances.") && all[34].ends_with("said Valle."));
        assert!(got[34].in_quote && !got[34].quote_open_at_end);
        assert!(all[44].ends_with("a ‘lawful’ government."));
        assert!(!got[44].in_quote && !got[44].quote_open_at_end);
        assert_eq!(
            all[45],
            "“And unless there is [political] stability, this will continue.”"
        );
        assert_eq!(all[46], "This story originated in VOA’s Afghan Service.");
        assert_eq!(doc.line_col(got[26].span.start), (39, 1));
        let at = doc.text.find("Bokhari said. “Yes").unwrap();
        assert_eq!((at, doc.line_col(at)), (3017, (31, 40))); // “ is 3 bytes, 1 column
    }
}
