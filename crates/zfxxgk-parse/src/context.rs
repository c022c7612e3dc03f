//! What every table builder needs: the text, positions, and where to put notes and
//! whatever could not be placed.

use std::cell::Cell as Shared;

use zfxxgk_lex::{Cell as LexCell, LineIndex, Span};
use zfxxgk_model::{
    Cell, CellKey, Location, Note, NoteKind, Placement, TableId, Text, Unplaced, UnplacedKind,
    Value,
};

use crate::number::{self, Kind};
use crate::rows::Row;

pub(crate) struct Ctx<'i> {
    pub text: &'i str,
    pub index: LineIndex<'i>,
    pub notes: Vec<Note>,
    pub unplaced: Vec<Unplaced>,
    /// The last place located: most lookups (the next cell of a row, the next row)
    /// are a little way on from it.
    cursor: Shared<Cursor>,
}

/// A byte offset of the text with its 0-based line and column (in characters).
#[derive(Debug, Clone, Copy, Default)]
struct Cursor {
    offset: usize,
    line: usize,
    column: usize,
}

/// Farthest (in bytes) that [`Ctx::locate`] counts on from its cursor; farther places
/// are looked up in the [`LineIndex`].
const CURSOR_REACH: usize = 512;

/// Gaps shorter than this (in bytes) are counted a byte at a time by [`Cursor::advance`].
const SHORT_GAP: usize = 16;

impl Cursor {
    /// The cursor moved on over `gap`, the text that follows it.
    fn advance(self, gap: &str) -> Cursor {
        let bytes = gap.as_bytes();
        let offset = self.offset + gap.len();
        // Most gaps are short (the rest of a cell, the blanks before the next), shorter
        // than one vector of a vectorised search, which looks at such bytes one at a
        // time after a setup that costs more than the looking: counted here instead.
        if bytes.len() < SHORT_GAP {
            let mut next = Cursor { offset, ..self };
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
            None => Cursor {
                offset,
                column: self.column + gap.chars().count(),
                ..self
            },
            Some(last) => Cursor {
                offset,
                line: self.line + memchr::memchr_iter(b'\n', bytes).count(),
                column: gap.get(last + 1..).map_or(0, |s| s.chars().count()),
            },
        }
    }
}

impl<'i> Ctx<'i> {
    pub fn new(text: &'i str) -> Ctx<'i> {
        Ctx {
            text,
            index: LineIndex::new(text),
            notes: Vec::new(),
            unplaced: Vec::new(),
            cursor: Shared::new(Cursor::default()),
        }
    }

    /// 1-based line and column of byte `offset`, as [`LineIndex::line_col`] gives them:
    /// counted on from the last place located when `offset` is a little way after it.
    fn line_col(&self, offset: usize) -> (u32, u32) {
        let at = self.cursor.get();
        let next = match self.text.get(at.offset..offset) {
            Some(gap) if gap.len() <= CURSOR_REACH => at.advance(gap),
            _ => {
                let (line, column) = self.index.line_col(offset);
                // A place past the text or inside a character is clamped: not a cursor.
                if self.text.is_char_boundary(offset) && line < u32::MAX && column < u32::MAX {
                    self.cursor.set(Cursor {
                        offset,
                        line: line as usize - 1,
                        column: column as usize - 1,
                    });
                }
                return (line, column);
            }
        };
        self.cursor.set(next);
        (
            saturating_u32(next.line + 1),
            saturating_u32(next.column + 1),
        )
    }

    pub fn locate(&self, span: Span) -> Location {
        let (line, column) = self.line_col(span.start);
        Location {
            start: span.start,
            end: span.end,
            line,
            column,
        }
    }

    pub fn cell(&self, key: CellKey, c: &LexCell<'_>, placement: Placement) -> Cell {
        Cell {
            key,
            value: number::value(c.text),
            raw: c.text.trim().to_string(),
            location: self.locate(c.span),
            placement,
        }
    }

    /// A blank cell that the layout did not show (a space-aligned table leaves blank
    /// cells invisible), placed at `at`.
    pub fn invisible_blank(&self, key: CellKey, at: usize, placement: Placement) -> Cell {
        Cell {
            key,
            value: Value::Blank,
            raw: String::new(),
            location: self.locate(Span::new(at, at)),
            placement,
        }
    }

    pub fn note(&mut self, kind: NoteKind, message: Text, span: Option<Span>) {
        let location = span.map(|s| self.locate(s));
        self.notes.push(Note {
            kind,
            message,
            location,
        });
    }

    pub fn unplaced_row(&mut self, table: TableId, row: &Row<'_>) {
        self.unplaced.push(Unplaced {
            kind: UnplacedKind::UnknownRow,
            table: Some(table),
            text: self.text[row.span.range()].to_string(),
            location: self.locate(row.span),
        });
    }

    /// Leaves a space-aligned row unplaced whose values are fewer than the columns when
    /// neither a row that shows every column nor the header shows which column each
    /// value stands under, and says so.
    pub fn unplaced_columns(&mut self, table: TableId, row: &Row<'_>) {
        self.unplaced_row(table, row);
        let name = match table {
            TableId::T2 => "二",
            TableId::T3 => "三",
            TableId::T4 => "四",
        };
        self.note(
            NoteKind::AmbiguousPlacement,
            Text::new(
                format!(
                    "表{name}：有一行的数值少于列数，而没有列数齐全的行，表头也看不出各数值\
                     属于哪一列：未放入模板"
                ),
                format!(
                    "table {name}: a row shows fewer values than columns, and neither a row \
                     with every column nor the header shows which column each stands under: \
                     left unplaced"
                ),
            ),
            Some(row.span),
        );
    }

    pub fn stray(&mut self, table: TableId, cells: &[LexCell<'_>]) {
        if let (Some(first), Some(last)) = (cells.first(), cells.last()) {
            let span = Span::new(first.span.start, last.span.end);
            self.unplaced.push(Unplaced {
                kind: UnplacedKind::StrayCells,
                table: Some(table),
                text: self.text[span.range()].to_string(),
                location: self.locate(span),
            });
        }
    }
}

/// `n`, or `u32::MAX` when it is larger, as [`LineIndex`] gives lines and columns.
fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A table row split into its label cells and its value cells: the values are the
/// cells after the last cell of text.
pub(crate) struct Split<'i> {
    pub labels: Vec<&'i str>,
    pub values: Vec<LexCell<'i>>,
    pub numbers: usize,
}

/// [`Split`] borrowed from the row: nothing copied.
pub(crate) struct Parts<'r, 'i> {
    /// The cells before the values, blank ones included.
    label_cells: &'r [LexCell<'i>],
    pub values: &'r [LexCell<'i>],
    /// How many of the values are numbers.
    pub numbers: usize,
    pub row: &'r Row<'i>,
}

impl<'r, 'i> Parts<'r, 'i> {
    /// The labels: the text of the cells before the values that are not blank.
    pub fn labels(&self) -> impl Iterator<Item = &'i str> + 'r {
        self.label_cells
            .iter()
            .map(|c| c.text)
            .filter(|t| !t.trim().is_empty())
    }
}

/// A row's values (the cells after its last cell of text), last first, each with its
/// kind: read from the row's end, each cell's kind told once.
pub(crate) fn values_from_end<'i, I>(cells: I) -> impl Iterator<Item = (Kind, LexCell<'i>)>
where
    I: DoubleEndedIterator<Item = LexCell<'i>>,
{
    cells
        .rev()
        .map(|c| (number::kind(c.text), c))
        .take_while(|(kind, _)| *kind != Kind::Text)
}

/// Parts a row into labels and values, telling each value cell's kind once.
pub(crate) fn parts<'r, 'i>(row: &'r Row<'i>) -> Parts<'r, 'i> {
    let (mut count, mut numbers) = (0, 0);
    for (kind, _) in values_from_end(row.cells.iter().copied()) {
        count += 1;
        numbers += usize::from(kind == Kind::Number);
    }
    let (label_cells, values) = row.cells.split_at(row.cells.len() - count);
    Parts {
        label_cells,
        values,
        numbers,
        row,
    }
}

/// [`parts`], copied out of the row.
pub(crate) fn split<'i>(row: &Row<'i>) -> Split<'i> {
    let p = parts(row);
    Split {
        labels: p.labels().collect(),
        values: p.values.to_vec(),
        numbers: p.numbers,
    }
}

/// Where the values that [`fit`] keeps stand in `values`: blank cells trimmed off the
/// front, then the back, until at most `want` remain. The kept range may still hold
/// more than `want`.
fn fit_range(values: &[LexCell<'_>], want: usize) -> std::ops::Range<usize> {
    let (mut start, mut end) = (0, values.len());
    let blank = |i: usize| values.get(i).is_some_and(|c| number::is_blank(c.text));
    while end - start > want && blank(start) {
        start += 1;
    }
    while end - start > want && blank(end - 1) {
        end -= 1;
    }
    start..end
}

/// Trims blank cells off the front, then the back, until at most `want` remain; returns
/// the extra cells that still do not fit.
pub(crate) fn fit<'i>(values: &mut Vec<LexCell<'i>>, want: usize) -> Vec<LexCell<'i>> {
    let kept = fit_range(values, want);
    values.truncate(kept.end);
    values.drain(..kept.start);
    if values.len() > want {
        values.split_off(want)
    } else {
        Vec::new()
    }
}

/// [`fit`] on a borrowed row: the values that fit, and the extra ones.
pub(crate) fn fitted<'v, 'i>(
    values: &'v [LexCell<'i>],
    want: usize,
) -> (&'v [LexCell<'i>], &'v [LexCell<'i>]) {
    let kept = values.get(fit_range(values, want)).unwrap_or_default();
    kept.split_at(want.min(kept.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_as_the_line_index_locates() {
        let long = "规章 12|".repeat(700);
        let text = format!("ab\n规章\t0\r\n\n{long}\nx\u{10348}y\n{long}");
        let ctx = Ctx::new(&text);
        let index = LineIndex::new(&text);
        // Forwards in small and large steps, backwards, inside a character, past the end.
        let mut offsets: Vec<usize> = (0..=text.len() + 2).step_by(3).collect();
        offsets.extend((0..text.len()).step_by(41));
        offsets.extend((0..text.len()).step_by(700));
        offsets.extend((0..text.len()).rev().step_by(997));
        offsets.extend([4, 5, 0, text.len(), text.len() + 9, 1, 2, 3, 3]);
        for offset in offsets {
            assert_eq!(
                ctx.line_col(offset),
                index.line_col(offset),
                "offset {offset}"
            );
        }
    }

    /// Cells of the given texts, one byte apart.
    fn cells(texts: &[&'static str]) -> Vec<LexCell<'static>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| LexCell {
                text: t,
                span: Span::new(i, i + 1),
                x: None,
            })
            .collect()
    }

    #[test]
    fn parts_tell_labels_values_and_numbers() {
        for (texts, labels, values, numbers) in [
            (
                &["（一）予以公开", " ", "3", "-", "12"][..],
                &["（一）予以公开"][..],
                4,
                2,
            ),
            (&["", "3", "x", "", "4", "5"][..], &["3", "x"][..], 3, 2),
            (&["1", "", "2"][..], &[][..], 3, 2),
            (&["标签", "另一个"][..], &["标签", "另一个"][..], 0, 0),
            (&[][..], &[][..], 0, 0),
        ] {
            let row = Row {
                cells: cells(texts),
                span: Span::new(0, texts.len()),
            };
            let p = parts(&row);
            assert_eq!(p.labels().collect::<Vec<_>>(), labels, "{texts:?}");
            assert_eq!(p.values.len(), values, "{texts:?}");
            assert_eq!(p.numbers, numbers, "{texts:?}");
            let s = split(&row);
            assert_eq!(s.labels, labels, "{texts:?}");
            assert_eq!(s.values, p.values, "{texts:?}");
            assert_eq!(s.numbers, numbers, "{texts:?}");
            assert_eq!(values_from_end(row.cells.iter().copied()).count(), values);
        }
    }

    #[test]
    fn fitted_as_fit() {
        let texts = ["", "1", "-", "2", "", "", "3", ""];
        for from in 0..texts.len() {
            for to in from..=texts.len() {
                for want in 0..=texts.len() + 1 {
                    let all = cells(&texts[from..to]);
                    let (kept, extra) = fitted(&all, want);
                    let mut values = all.clone();
                    let extra_vec = fit(&mut values, want);
                    assert_eq!((kept, extra), (&values[..], &extra_vec[..]));
                    assert!(kept.len() <= want);
                }
            }
        }
        // Blanks go from the front first, then the back; what still does not fit is extra.
        let all = cells(&["", "1", "", "2", "3", ""]);
        let (kept, extra) = fitted(&all, 2);
        let texts = |cs: &[LexCell<'static>]| cs.iter().map(|c| c.text).collect::<Vec<_>>();
        assert_eq!((texts(kept), texts(extra)), (vec!["1", ""], vec!["2", "3"]));
    }
}
