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
/// Built once per text in one pass over its newlines, and small: a mark every
/// 512 bytes (the lines before it, and the line it falls on) and nothing per
/// line, so that a text of a million blank lines costs no more than one of a million
/// characters. A lookup finds its line from the mark at or before the offset, counting
/// at most 512 bytes, and its column by counting the line's characters; on a line
/// longer than a few kilobytes (a web page flattened into one) that count starts from
/// character counts taken at the marks, so that many lookups on one line stay linear.
#[derive(Debug, Clone)]
pub struct LineIndex<'i> {
    text: &'i str,
    /// `marks[k]` describes byte `k * MARK`; one more mark stands for the text's end.
    marks: Vec<Mark>,
    /// `chars[k]`: the characters before byte `k * MARK`; counted on the first lookup
    /// on a line longer than `SHORT_LINE`.
    chars: OnceLock<Vec<usize>>,
}

/// What a [`LineIndex`] keeps about byte `k * MARK` of its text.
#[derive(Debug, Clone, Copy)]
struct Mark {
    /// Newlines before it: its 0-based line.
    newlines: usize,
    /// Where its line starts.
    line_start: usize,
    /// Where its line ends: its newline, or the end of the text.
    line_end: usize,
}

/// Bytes between two marks of a [`LineIndex`].
const MARK: usize = 512;

/// A column is counted from its line's start when the line so far is at most this
/// long, and from the character-count marks otherwise.
const SHORT_LINE: usize = 4096;

/// Characters that start in `bytes` (every byte but UTF-8 continuation bytes,
/// `10xxxxxx`), counted eight bytes at a time.
fn char_starts(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    let continuations: usize = words
        .map(|w| {
            let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            // Bit 7 set and bit 6 clear: `w << 1` brings each byte's bit 6 to bit 7.
            (w & !(w << 1) & HIGH).count_ones() as usize
        })
        .sum::<usize>()
        + tail.iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuations
}

impl<'i> LineIndex<'i> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'i str) -> LineIndex<'i> {
        let bytes = text.as_bytes();
        let mut marks = Vec::with_capacity(bytes.len() / MARK + 2);
        let (mut newlines, mut line_start) = (0, 0);
        // Marks whose line has not ended yet: they get its end when it comes.
        let mut open = 0;
        for (k, chunk) in bytes.chunks(MARK).enumerate() {
            marks.push(Mark {
                newlines,
                line_start,
                line_end: bytes.len(),
            });
            let at = k * MARK;
            if let Some(first) = memchr::memchr(b'\n', chunk) {
                for m in &mut marks[open..] {
                    m.line_end = at + first;
                }
                open = marks.len();
                newlines += memchr::memchr_iter(b'\n', chunk).count();
                line_start = at + memchr::memrchr(b'\n', chunk).map_or(0, |i| i + 1);
            }
        }
        marks.push(Mark {
            newlines,
            line_start,
            line_end: bytes.len(),
        });
        LineIndex {
            text,
            marks,
            chars: OnceLock::new(),
        }
    }

    /// The mark at or before byte `offset` (at most the text's length), and its byte.
    fn mark(&self, offset: usize) -> (Mark, usize) {
        let k = (offset / MARK).min(self.marks.len() - 1);
        (self.marks[k], k * MARK)
    }

    /// The characters before byte `offset` (on a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let chars = self.chars.get_or_init(|| {
            let mut chars = Vec::with_capacity(self.marks.len());
            let mut seen = 0;
            chars.push(0);
            for chunk in bytes.chunks(MARK) {
                seen += char_starts(chunk);
                chars.push(seen);
            }
            chars
        });
        let k = offset / MARK;
        chars.get(k).copied().unwrap_or(0) + char_starts(bytes.get(k * MARK..offset).unwrap_or(&[]))
    }

    /// The 0-based line of byte `offset` (at most the text's length), and where that
    /// line starts.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let (mark, at) = self.mark(offset);
        let before = self.text.as_bytes().get(at..offset).unwrap_or(&[]);
        match memchr::memrchr(b'\n', before) {
            Some(last) => (
                mark.newlines + memchr::memchr_iter(b'\n', before).count(),
                at + last + 1,
            ),
            None => (mark.newlines, mark.line_start),
        }
    }

    /// 1-based `(line, column)` of byte `offset` (clamped to the text, and to a
    /// character boundary at or before it).
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (line, start) = self.line_of(offset);
        let column = if offset - start <= SHORT_LINE {
            self.text
                .get(start..offset)
                .map_or(0, |s| s.chars().count())
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (saturating_u32(line + 1), saturating_u32(column + 1))
    }

    /// The whole line (without its newline) that holds byte `offset`, and where it starts.
    pub fn line_at(&self, offset: usize) -> (usize, &'i str) {
        let offset = offset.min(self.text.len());
        let (_, start) = self.line_of(offset);
        let (_, at) = self.mark(offset);
        let bytes = self.text.as_bytes();
        // The line ends at the next newline before the next mark, or, when there is
        // none, where the next mark's line ends: the line goes on through that mark.
        let stretch = bytes
            .get(offset..(at + MARK).min(bytes.len()))
            .unwrap_or(&[]);
        let end = match memchr::memchr(b'\n', stretch) {
            Some(i) => offset + i,
            None => self.next_line_end(offset),
        };
        let end = end.max(start);
        let line = self.text.get(start..end).unwrap_or_default();
        (start, line.trim_end_matches('\r'))
    }

    /// The end of the line holding `offset`, when no newline follows it before the next
    /// mark: the line's end as the next mark knows it.
    fn next_line_end(&self, offset: usize) -> usize {
        let k = offset / MARK + 1;
        self.marks.get(k).map_or(self.text.len(), |m| m.line_end)
    }

    /// Number of lines.
    pub fn lines(&self) -> usize {
        self.marks.last().map_or(0, |m| m.newlines) + 1
    }
}

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_by_their_first_bytes() {
        for text in [
            "",
            "a",
            "规章 12|\t",
            "ab规章cdefgh规",
            "\u{10348}x\u{7f}\u{80}",
        ] {
            for cut in 0..=text.len() {
                let bytes = &text.as_bytes()[cut..];
                let slow = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
                assert_eq!(char_starts(bytes), slow, "{text:?} from {cut}");
            }
        }
    }

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

    /// Line and column as counted from scratch, for comparison.
    fn naive(text: &str, offset: usize) -> ((u32, u32), (usize, String)) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line = text[..offset].matches('\n').count() + 1;
        let column = text[start..offset].chars().count() + 1;
        let shown = text[start..end].trim_end_matches('\r').to_string();
        ((line as u32, column as u32), (start, shown))
    }

    proptest::proptest! {
        #[test]
        fn lookups_agree_with_counting_from_scratch(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("\n".to_string()),
                    proptest::strategy::Just("\r\n".to_string()),
                    "[a-z规章0-9 ]{0,40}",
                    "[规章]{200,700}",
                    "x{500,1100}",
                ],
                0..40,
            ),
            probes in proptest::collection::vec(0usize..40_000, 1..40),
        ) {
            let text: String = parts.concat();
            let idx = LineIndex::new(&text);
            proptest::prop_assert_eq!(idx.lines(), text.matches('\n').count() + 1);
            let ends = [0, text.len(), text.len() + 3];
            for offset in probes.into_iter().map(|p| p % (text.len() + 2)).chain(ends) {
                let (at, (start, line)) = naive(&text, offset);
                proptest::prop_assert_eq!(idx.line_col(offset), at, "offset {}", offset);
                proptest::prop_assert_eq!(idx.line_at(offset), (start, line.as_str()));
            }
        }
    }
}
