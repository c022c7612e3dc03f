//! The [`Ledger`]: what every table builder needs: the text, positions, and where to
//! put notes and whatever could not be placed.

use zfxxgk_lex::{Cell as LexCell, Span};
use zfxxgk_model::{
    Cell, CellKey, Location, Note, NoteKind, Placement, TableId, Text, Unplaced, UnplacedKind,
    Value,
};
use zfxxgk_text::LineCursor;

use crate::number::{self, Kind};
use crate::rows::Row;

/// What the phases of a parse share as they go: the text, where each of its bytes
/// stands (line and column), and the notes and unplaced text they record.
pub(crate) struct Ledger<'i> {
    pub text: &'i str,
    /// Most lookups (the next cell of a row, the next row) are a little way on from
    /// the last: a cursor counts them on from it.
    pub index: LineCursor<'i>,
    pub notes: Vec<Note>,
    pub unplaced: Vec<Unplaced>,
}

impl<'i> Ledger<'i> {
    pub fn new(text: &'i str) -> Ledger<'i> {
        Ledger {
            text,
            index: LineCursor::new(text),
            notes: Vec::new(),
            unplaced: Vec::new(),
        }
    }

    /// 1-based line and column of byte `offset`.
    fn line_col(&self, offset: usize) -> (u32, u32) {
        self.index.line_col(offset)
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

    /// Keeps a table's row as written that names no row of the template, or that no
    /// reader could give one ([`UnplacedKind::UnknownRow`]).
    pub fn unplaced_row(&mut self, table: TableId, row: &Row<'_>) {
        self.keep_row(UnplacedKind::UnknownRow, table, row);
    }

    /// Keeps a table's row as written that names a row of the template (by its label,
    /// or by its place) whose values could not all be placed
    /// ([`UnplacedKind::UnreadRow`]): not a row the template lacks, and no rule may
    /// say it is.
    pub fn unread_row(&mut self, table: TableId, row: &Row<'_>) {
        self.keep_row(UnplacedKind::UnreadRow, table, row);
    }

    fn keep_row(&mut self, kind: UnplacedKind, table: TableId, row: &Row<'_>) {
        self.unplaced.push(Unplaced {
            kind,
            table: Some(table),
            text: self.text[row.span.range()].to_string(),
            location: self.locate(row.span),
        });
    }

    /// Leaves a space-aligned row unplaced whose values are fewer than the columns when
    /// neither a row that shows every column nor the header shows which column each
    /// value stands under, and says so.
    pub fn unplaced_columns(&mut self, table: TableId, row: &Row<'_>) {
        self.unread_row(table, row);
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
