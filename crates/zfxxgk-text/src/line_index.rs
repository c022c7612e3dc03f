//! Line and column of a byte offset.

use std::cell::Cell;
use std::sync::OnceLock;

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

    /// The whole line (without its newline or the carriage returns before it) that
    /// holds byte `offset`, and where it starts.
    pub fn line_at(&self, offset: usize) -> (usize, &'i str) {
        let (start, end) = self.line_bounds(offset);
        let line = self.text.get(start..end).unwrap_or_default();
        (start, line.trim_end_matches('\r'))
    }

    /// The bytes `start..end` of the line that holds byte `offset` (at most the text's
    /// length): `end` is its newline, or the end of the text.
    pub fn line_bounds(&self, offset: usize) -> (usize, usize) {
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
        (start, end.max(start))
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

/// A [`LineIndex`] that remembers the last place it looked up, for lookups that mostly
/// come in text order a little way apart (the cells of a table, one after another):
/// such a place is counted on from the last one instead of looked up. It gives what
/// [`LineIndex::line_col`] gives.
#[derive(Debug, Clone)]
pub struct LineCursor<'i> {
    index: LineIndex<'i>,
    /// The last place located.
    last: Cell<Place>,
}

/// A byte offset of the text with its 0-based line and column (in characters).
#[derive(Debug, Clone, Copy, Default)]
struct Place {
    offset: usize,
    line: usize,
    column: usize,
}

/// Farthest (in bytes) that [`LineCursor::line_col`] counts on from the last place;
/// farther places are looked up in the [`LineIndex`].
const CURSOR_REACH: usize = 512;

/// Gaps shorter than this (in bytes) are counted a byte at a time by [`Place::advance`].
const SHORT_GAP: usize = 16;

impl Place {
    /// The place moved on over `gap`, the text that follows it.
    fn advance(self, gap: &str) -> Place {
        let bytes = gap.as_bytes();
        let offset = self.offset + gap.len();
        // Most gaps are short (the rest of a cell, the blanks before the next), shorter
        // than one vector of a vectorised search, which looks at such bytes one at a
        // time after a setup that costs more than the looking: counted here instead.
        if bytes.len() < SHORT_GAP {
            let mut next = Place { offset, ..self };
            for &b in bytes {
                if b == b'\n' {
                    next.line += 1;
                    next.column = 0;
                } else if (b as i8) >= -0x40 {
                    // Not a UTF-8 continuation byte (0x80..=0xbf): a character starts.
                    next.column += 1;
                }
            }
            return next;
        }
        match memchr::memrchr(b'\n', bytes) {
            None => Place {
                offset,
                column: self.column + gap.chars().count(),
                ..self
            },
            Some(last) => Place {
                offset,
                line: self.line + memchr::memchr_iter(b'\n', bytes).count(),
                column: gap.get(last + 1..).map_or(0, |s| s.chars().count()),
            },
        }
    }
}

impl<'i> LineCursor<'i> {
    /// Indexes the line starts of `text`, with the cursor at its start.
    pub fn new(text: &'i str) -> LineCursor<'i> {
        LineCursor {
            index: LineIndex::new(text),
            last: Cell::new(Place::default()),
        }
    }

    /// The index the cursor looks places up in when they are far from the last.
    pub fn index(&self) -> &LineIndex<'i> {
        &self.index
    }

    /// 1-based `(line, column)` of byte `offset`, as [`LineIndex::line_col`] gives
    /// them: counted on from the last place located when `offset` is a little way
    /// after it.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let text = self.index.text;
        let at = self.last.get();
        let next = match text.get(at.offset..offset) {
            Some(gap) if gap.len() <= CURSOR_REACH => at.advance(gap),
            _ => {
                let (line, column) = self.index.line_col(offset);
                // A place past the text or inside a character is clamped: not a cursor.
                if text.is_char_boundary(offset) && line < u32::MAX && column < u32::MAX {
                    self.last.set(Place {
                        offset,
                        line: line as usize - 1,
                        column: column as usize - 1,
                    });
                }
                return (line, column);
            }
        };
        self.last.set(next);
        (
            saturating_u32(next.line + 1),
            saturating_u32(next.column + 1),
        )
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

    #[test]
    fn the_cursor_locates_as_the_index_does() {
        let long = "规章 12|".repeat(700);
        let text = format!("ab\n规章\t0\r\n\n{long}\nx\u{10348}y\n{long}");
        let cursor = LineCursor::new(&text);
        let index = LineIndex::new(&text);
        // Forwards in small and large steps, backwards, inside a character, past the end.
        let mut offsets: Vec<usize> = (0..=text.len() + 2).step_by(3).collect();
        offsets.extend((0..text.len()).step_by(41));
        offsets.extend((0..text.len()).step_by(700));
        offsets.extend((0..text.len()).rev().step_by(997));
        offsets.extend([4, 5, 0, text.len(), text.len() + 9, 1, 2, 3, 3]);
        for offset in offsets {
            assert_eq!(
                cursor.line_col(offset),
                index.line_col(offset),
                "offset {offset}"
            );
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
                let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                proptest::prop_assert_eq!(idx.line_bounds(offset), (start, end));
            }
        }
    }
}
