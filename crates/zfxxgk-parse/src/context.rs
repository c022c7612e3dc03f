//! What every table builder needs: the text, positions, and where to put notes and
//! whatever could not be placed.

use zfxxgk_lex::{Cell as LexCell, LineIndex, Span};
use zfxxgk_model::{
    Cell, CellKey, Location, Note, NoteKind, Placement, TableId, Unplaced, UnplacedKind, Value,
};

use crate::number::{self, Kind};
use crate::rows::Row;

pub(crate) struct Ctx<'i> {
    pub text: &'i str,
    pub index: LineIndex<'i>,
    pub notes: Vec<Note>,
    pub unplaced: Vec<Unplaced>,
}

impl<'i> Ctx<'i> {
    pub fn new(text: &'i str) -> Ctx<'i> {
        Ctx {
            text,
            index: LineIndex::new(text),
            notes: Vec::new(),
            unplaced: Vec::new(),
        }
    }

    pub fn locate(&self, span: Span) -> Location {
        let (line, column) = self.index.line_col(span.start);
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

    pub fn note(&mut self, kind: NoteKind, message: String, span: Option<Span>) {
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
pub(crate) struct Split<'r, 'i> {
    pub labels: Vec<&'i str>,
    pub values: Vec<LexCell<'i>>,
    pub numbers: usize,
    pub row: &'r Row<'i>,
}

/// Where a row's values start: after its last cell of text (0 when it has none).
pub(crate) fn values_start<'i, I>(mut cells: I) -> usize
where
    I: DoubleEndedIterator<Item = LexCell<'i>> + ExactSizeIterator,
{
    cells
        .rposition(|c| number::kind(c.text) == Kind::Text)
        .map_or(0, |i| i + 1)
}

pub(crate) fn split<'r, 'i>(row: &'r Row<'i>) -> Split<'r, 'i> {
    let (label_cells, value_cells) = row.cells.split_at(values_start(row.cells.iter().copied()));
    let labels = label_cells
        .iter()
        .map(|c| c.text)
        .filter(|t| !t.trim().is_empty())
        .collect();
    let numbers = value_cells
        .iter()
        .filter(|c| number::kind(c.text) == Kind::Number)
        .count();
    Split {
        labels,
        values: value_cells.to_vec(),
        numbers,
        row,
    }
}

/// Trims blank cells off the front, then the back, until at most `want` remain; returns
/// the extra cells that still do not fit.
pub(crate) fn fit<'i>(values: &mut Vec<LexCell<'i>>, want: usize) -> Vec<LexCell<'i>> {
    while values.len() > want && values.first().is_some_and(|c| number::is_blank(c.text)) {
        values.remove(0);
    }
    while values.len() > want && values.last().is_some_and(|c| number::is_blank(c.text)) {
        values.pop();
    }
    if values.len() > want {
        values.split_off(want)
    } else {
        Vec::new()
    }
}
