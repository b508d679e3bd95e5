//! Line index: byte offset to 1-based line and column, for reports and error messages.

use super::Span;

/// Start offsets of every line, for byte offset → line/column lookup in O(log n).
///
/// Lines end at `\n`; in `\r\n` the `\r` belongs to the end of its line.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset where each line starts; `starts[0] == 0`.
    starts: Vec<usize>,
    /// Whether each line is pure ASCII, so its column is a byte difference.
    ascii: Vec<bool>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    #[must_use]
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let mut ascii = Vec::new();
        let mut line_ascii = true;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            line_ascii &= b.is_ascii();
            if b == b'\n' {
                starts.push(i + 1);
                ascii.push(line_ascii);
                line_ascii = true;
            }
        }
        ascii.push(line_ascii);
        LineIndex { starts, ascii }
    }

    /// Number of lines (a text ending in `\n` has an empty last line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based index of the line holding `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// 1-based line and column of `offset` in `text` (the text this index was built from).
    ///
    /// The column counts Unicode scalar values from the line start. An offset past the end is
    /// clamped to the end; one inside a multi-byte character points at that character.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        let column = if self.ascii.get(line).copied().unwrap_or(false) {
            offset - start
        } else {
            text.get(start..offset).map_or(0, |s| s.chars().count())
        };
        (line + 1, column + 1)
    }

    /// Byte span of 1-based `line`, without its `\n` or `\r\n`; `None` past the last line.
    #[must_use]
    pub fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let mut end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(Span::new(start, end))
    }
}

#[cfg(test)]
mod tests {
    use crate::text::{DocKind, Document};

    #[test]
    fn line_col_counts_chars_and_handles_crlf() {
        let doc = Document::new("t", "ab\r\n“é” x\nlast".to_owned(), DocKind::Text);
        assert_eq!(doc.line_col(0), (1, 1));
        assert_eq!(doc.line_col(2), (1, 3)); // the \r ends line 1
        assert_eq!(doc.line_col(4), (2, 1));
        let x = doc.text.find('x').unwrap();
        assert_eq!(doc.line_col(x), (2, 5));
        assert_eq!(doc.line_col(x + 1), (2, 6));
        assert_eq!(doc.line_col(doc.text.len()), (3, 5));
        assert_eq!(doc.line_col(usize::MAX), (3, 5));
        assert_eq!(doc.line_col(5), (2, 1)); // inside “
        assert_eq!(doc.lines().line_count(), 3);
        let l1 = doc.lines().line_span(&doc.text, 1).unwrap();
        assert_eq!(doc.slice(l1), "ab");
        let l3 = doc.lines().line_span(&doc.text, 3).unwrap();
        assert_eq!(doc.slice(l3), "last");
        assert!(doc.lines().line_span(&doc.text, 4).is_none());
        assert!(doc.lines().line_span(&doc.text, 0).is_none());
    }
}
