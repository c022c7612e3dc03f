use std::ops::Range;
use std::sync::OnceLock;

/// A byte range `start..end` into the text given to [`lex`](crate::lex).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when it covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// Turns byte offsets into 1-based line and column (columns counted in characters).
///
/// Built once per text in one pass over its newlines; each lookup is a binary search
/// plus a count of the characters before the offset on its line. On a long line (a web
/// page flattened into one) that count starts from the nearest of checkpoints taken
/// every few kilobytes, so that many lookups on one line stay linear in all.
#[derive(Debug, Clone)]
pub struct LineIndex<'i> {
    text: &'i str,
    starts: Vec<usize>,
    /// `marks[k]`: the characters in the first `k * MARK` bytes; made on the first
    /// lookup on a line longer than `MARK`.
    marks: OnceLock<Vec<usize>>,
}

/// Bytes between two character-count checkpoints of a [`LineIndex`].
const MARK: usize = 4096;

/// Characters that start in `bytes` (every byte but UTF-8 continuation bytes).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<'i> LineIndex<'i> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'i str) -> LineIndex<'i> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            text,
            starts,
            marks: OnceLock::new(),
        }
    }

    /// The characters before byte `offset` (on a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let marks = self.marks.get_or_init(|| {
            let mut marks = Vec::with_capacity(bytes.len() / MARK + 2);
            let mut seen = 0;
            marks.push(0);
            for chunk in bytes.chunks(MARK) {
                seen += char_starts(chunk);
                marks.push(seen);
            }
            marks
        });
        let k = offset / MARK;
        marks.get(k).copied().unwrap_or(0) + char_starts(bytes.get(k * MARK..offset).unwrap_or(&[]))
    }

    /// 1-based `(line, column)` of byte `offset` (clamped to the text, and to a
    /// character boundary at or before it).
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let column = if offset - start <= MARK {
            self.text[start..offset].chars().count()
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (saturating_u32(line + 1), saturating_u32(column + 1))
    }

    /// The whole line (without its newline) that holds byte `offset`, and where it starts.
    pub fn line_at(&self, offset: usize) -> (usize, &'i str) {
        let offset = offset.min(self.text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let end = self.starts.get(line + 1).map_or(self.text.len(), |e| e - 1);
        let end = end.max(start);
        (start, self.text[start..end].trim_end_matches('\r'))
    }

    /// Number of lines.
    pub fn lines(&self) -> usize {
        self.starts.len()
    }
}

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\n规章\t0\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(9), (2, 3)); // the tab after 规章
        assert_eq!(idx.line_col(4), (2, 1)); // inside 规: clamped to its start
        assert_eq!(idx.line_col(100), (3, 1));
        assert_eq!(idx.line_at(5), (3, "规章\t0"));
    }

    #[test]
    fn columns_on_a_long_line_count_characters() {
        let text = format!("x\n{}", "规章 12|".repeat(3000));
        let idx = LineIndex::new(&text);
        for offset in [2, 4000, 4097, 8195, 8196, 20_000, text.len()] {
            let mut at = offset;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let column = text[2..at].chars().count() + 1;
            assert_eq!(idx.line_col(offset), (2, column as u32), "offset {offset}");
        }
    }
}
