use std::ops::Range;

use crate::Span;

/// How a table was laid out in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// One cell per line behind a tab, rows split by blank lines (Word tables through a
    /// text converter). A cell's text may wrap onto untabbed lines. Also a browser's
    /// `innerText` of cells holding paragraphs: each cell but a row's first behind a
    /// line holding a lone tab, rows split by longer runs of blank lines.
    CellPerLine,
    /// One row per line, cells split by tabs.
    TabRows,
    /// `| a | b |` rows from a web page.
    Pipes,
    /// `|___a___|___b___|` rows padded with `_`, as Debian's `html2text` writes a web
    /// page's tables. It counts bytes, not characters: a label too long for its column
    /// is cut (a CJK character cut in half reads U+FFFD) and its rest runs on into the
    /// cells to its right, after their values (`|_____23��计�|`), and past the last
    /// pipe, where it is no cell.
    PaddedPipes,
    /// Pipe rows with a `|---|` rule: a markdown table.
    Markdown,
    /// Columns aligned with runs of spaces, as `pdftotext -layout` writes them.
    Aligned,
    /// A grid drawn with box characters (`┌─┬─┐ │ ├─┼─┤`, as `w3m -dump` writes it)
    /// or ASCII (`+---+` and `|`, from pandoc, psql, tabulate). A cell that wrapped
    /// onto several lines between two rules is one cell: see [`Row::joined`].
    BoxDrawn,
    /// Pipe rows with no pipe before the first cell nor after the last, of uneven
    /// length (`规章| 89| 11`, as Python's html2text writes them; psql's ` a | b `).
    OpenPipes,
}

/// One cell of a table row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell<'i> {
    /// The cell's text, trimmed of surrounding whitespace. A cell that wrapped over
    /// lines keeps its inner line breaks.
    pub text: &'i str,
    /// Where `text` stands; an empty cell has an empty span at its place.
    pub span: Span,
    /// Aligned layout only: the display columns (CJK characters are 2 wide) the cell
    /// covers on its line, start inclusive, end exclusive.
    pub x: Option<(u32, u32)>,
}

/// Largest table the lexer builds, in bytes: cells are kept as 32-bit offsets from the
/// table's start, so a longer run of table lines goes on in a new table block.
pub(crate) const MAX_TABLE_BYTES: usize = 1 << 30;

/// A cell as stored: its trimmed text's byte range, counted from the table's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stored {
    start: u32,
    end: u32,
}

/// A row as stored: one past its last cell, and its byte range from the table's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StoredRow {
    cells_end: u32,
    start: u32,
    end: u32,
}

/// A table: rows of cells, as laid out.
///
/// Kept compact, since a text of tiny rows makes many: all cells of the table sit in
/// one array of 32-bit offsets (8 bytes a cell, 12 a row, no allocation per row), and
/// [`Row`]s and [`Cell`]s are views made on demand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<'i> {
    /// How it was laid out.
    pub layout: Layout,
    /// The text of the table's block.
    text: &'i str,
    /// Where `text` starts in the input.
    base: usize,
    cells: Vec<Stored>,
    /// Aligned layout: each cell's display columns, beside `cells`; empty otherwise.
    columns: Vec<(u32, u32)>,
    rows: Vec<StoredRow>,
    /// The further pieces of cells that wrapped onto more lines (box-drawn tables),
    /// each with the index of its cell, in the order of their cells.
    pieces: Vec<(u32, Stored)>,
}

impl<'i> Table<'i> {
    /// Its rows, top to bottom (a markdown rule row is not a row).
    pub fn rows(&self) -> Rows<'_, 'i> {
        Rows {
            table: self,
            range: 0..self.rows.len(),
        }
    }

    /// Row `i`, counted from 0 at the top.
    pub fn row(&self, i: usize) -> Option<Row<'_, 'i>> {
        let stored = self.rows.get(i)?;
        let first = match i.checked_sub(1) {
            Some(p) => self.rows[p].cells_end as usize,
            None => 0,
        };
        Some(Row {
            table: self,
            cells: first..stored.cells_end as usize,
            span: self.span_of(stored.start, stored.end),
        })
    }

    /// The input's span of the offsets `start..end` from the table's start.
    fn span_of(&self, start: u32, end: u32) -> Span {
        Span::new(self.base + start as usize, self.base + end as usize)
    }

    /// How many rows it has.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when it has no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// How many cells its rows have in all.
    pub fn cell_count(&self) -> usize {
        self.cells.len()
    }

    fn cell(&self, k: usize) -> Cell<'i> {
        let s = self.cells[k];
        Cell {
            text: self
                .text
                .get(s.start as usize..s.end as usize)
                .unwrap_or_default(),
            span: self.span_of(s.start, s.end),
            x: self.columns.get(k).copied(),
        }
    }

    /// The further pieces of cell `k`, below its first line.
    fn more(&self, k: usize) -> impl Iterator<Item = Cell<'i>> + '_ {
        let first = self.pieces.partition_point(|p| (p.0 as usize) < k);
        self.pieces
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(move |p| p.0 as usize == k)
            .map(|p| Cell {
                text: self
                    .text
                    .get(p.1.start as usize..p.1.end as usize)
                    .unwrap_or_default(),
                span: self.span_of(p.1.start, p.1.end),
                x: None,
            })
    }
}

/// The rows of a [`Table`], top to bottom.
#[derive(Clone)]
pub struct Rows<'t, 'i> {
    table: &'t Table<'i>,
    range: Range<usize>,
}

impl<'t, 'i> Iterator for Rows<'t, 'i> {
    type Item = Row<'t, 'i>;

    fn next(&mut self) -> Option<Row<'t, 'i>> {
        let i = self.range.next()?;
        self.table.row(i)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Rows<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let i = self.range.next_back()?;
        self.table.row(i)
    }
}

impl ExactSizeIterator for Rows<'_, '_> {}

/// One row of a table: a view into the [`Table`].
#[derive(Clone)]
pub struct Row<'t, 'i> {
    table: &'t Table<'i>,
    cells: Range<usize>,
    span: Span,
}

impl<'t, 'i> Row<'t, 'i> {
    /// From the row's first byte to its last.
    pub fn span(&self) -> Span {
        self.span
    }

    /// How many cells it has.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// True when it has no cell.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// Cell `k`, counted from 0 at the left.
    pub fn cell(&self, k: usize) -> Option<Cell<'i>> {
        (k < self.cells.len()).then(|| self.table.cell(self.cells.start + k))
    }

    /// The whole text of cell `k`. In a [`Layout::BoxDrawn`] table a cell's text may
    /// wrap onto several lines with other cells' text between; [`Cell::text`] is then
    /// its first line's piece, and this joins every piece with `\n`, as a wrapped cell
    /// of the other layouts reads (an empty first piece left out). Borrowed when the
    /// cell did not wrap.
    ///
    /// ```
    /// use zfxxgk_lex::{lex, Layout};
    ///
    /// let text = "┌────┬──┐\n│信息│规│\n│内容│章│\n└────┴──┘\n";
    /// let blocks = lex(text);
    /// let table = blocks[0].table().expect("a table");
    /// assert_eq!(table.layout, Layout::BoxDrawn);
    /// let row = table.row(0).expect("a row");
    /// assert_eq!(row.cell(0).map(|c| c.text), Some("信息"));
    /// assert_eq!(row.joined(0).as_deref(), Some("信息\n内容"));
    /// ```
    pub fn joined(&self, k: usize) -> Option<std::borrow::Cow<'i, str>> {
        let first = self.cell(k)?;
        let index = self.cells.start + k;
        let mut more = self.table.more(index).peekable();
        if more.peek().is_none() {
            return Some(std::borrow::Cow::Borrowed(first.text));
        }
        let mut text = first.text.to_string();
        for piece in more {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(piece.text);
        }
        Some(std::borrow::Cow::Owned(text))
    }

    /// Whether cell `k` wrapped onto more lines, so that [`Row::joined`] differs from
    /// its [`Cell::text`].
    pub fn wrapped(&self, k: usize) -> bool {
        k < self.cells.len() && self.table.more(self.cells.start + k).next().is_some()
    }

    /// The cells, left to right.
    pub fn cells(&self) -> Cells<'t, 'i> {
        Cells {
            table: self.table,
            range: self.cells.clone(),
        }
    }
}

/// The cells of a [`Row`], left to right.
#[derive(Clone)]
pub struct Cells<'t, 'i> {
    table: &'t Table<'i>,
    range: Range<usize>,
}

impl<'i> Iterator for Cells<'_, 'i> {
    type Item = Cell<'i>;

    fn next(&mut self) -> Option<Cell<'i>> {
        self.range.next().map(|k| self.table.cell(k))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Cells<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.range.next_back().map(|k| self.table.cell(k))
    }
}

impl ExactSizeIterator for Cells<'_, '_> {}

// The views show what they stand for, not the whole table they borrow.
impl std::fmt::Debug for Rows<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

impl std::fmt::Debug for Row<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Row")
            .field("cells", &self.cells())
            .field("span", &self.span)
            .finish()
    }
}

impl std::fmt::Debug for Cells<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// Builds a [`Table`] row by row; offsets are absolute until stored.
#[derive(Debug)]
pub(crate) struct TableBuilder<'i> {
    table: Table<'i>,
    /// First cell of the row being built.
    open: usize,
}

impl<'i> TableBuilder<'i> {
    /// A builder for a table of `layout` starting at byte `base` of `input`.
    pub fn new(layout: Layout, input: &'i str, base: usize) -> TableBuilder<'i> {
        TableBuilder {
            table: Table {
                layout,
                text: input.get(base..).unwrap_or_default(),
                base,
                cells: Vec::new(),
                columns: Vec::new(),
                rows: Vec::new(),
                pieces: Vec::new(),
            },
            open: 0,
        }
    }

    /// Makes room for `cells` more cells and `rows` more rows: a layout that knows its
    /// table's lines before reading them reserves what they hold, so that a table of a
    /// million rows is not copied as its arrays double, nor left with half of them
    /// unused.
    pub fn reserve(&mut self, cells: usize, rows: usize) {
        self.table.cells.reserve_exact(cells);
        self.table.rows.reserve_exact(rows);
    }

    fn offset(&self, at: usize) -> u32 {
        // The layouts end a table before MAX_TABLE_BYTES, which fits in a u32.
        u32::try_from(at.saturating_sub(self.table.base)).unwrap_or(u32::MAX)
    }

    /// A cell at `span` as stored.
    fn stored(&self, span: Span) -> Stored {
        Stored {
            start: self.offset(span.start),
            end: self.offset(span.end),
        }
    }

    /// Adds a cell at `span` (its trimmed text) to the open row.
    pub fn cell(&mut self, span: Span) {
        let stored = self.stored(span);
        self.table.cells.push(stored);
    }

    /// Adds a further piece, below its first line, to the last cell added.
    pub fn piece(&mut self, span: Span) {
        let stored = self.stored(span);
        let k = self.table.cells.len().saturating_sub(1);
        self.table
            .pieces
            .push((u32::try_from(k).unwrap_or(u32::MAX), stored));
    }

    /// Adds a cell of an aligned table, with the display columns it covers.
    pub fn aligned_cell(&mut self, span: Span, x: (u32, u32)) {
        self.cell(span);
        self.table.columns.push(x);
    }

    /// The span of the open row's last cell, if it has one.
    pub fn last_cell(&self) -> Option<Span> {
        let s = self.table.cells.last().filter(|_| !self.row_is_empty())?;
        Some(self.table.span_of(s.start, s.end))
    }

    /// Moves the open row's last cell to `span` (a cell that wrapped onto more lines).
    pub fn set_last_cell(&mut self, span: Span) {
        let stored = self.stored(span);
        if !self.row_is_empty() {
            if let Some(last) = self.table.cells.last_mut() {
                *last = stored;
            }
        }
    }

    /// Whether the open row has no cell yet.
    pub fn row_is_empty(&self) -> bool {
        self.table.cells.len() == self.open
    }

    /// Closes the open row, spanning `span`; a row with no cell is not kept.
    pub fn end_row(&mut self, span: Span) {
        if self.row_is_empty() {
            return;
        }
        let row = StoredRow {
            cells_end: u32::try_from(self.table.cells.len()).unwrap_or(u32::MAX),
            start: self.offset(span.start),
            end: self.offset(span.end),
        };
        self.table.rows.push(row);
        self.open = self.table.cells.len();
    }

    /// The text of the last cell of the last row closed, if there is one.
    pub fn last_row_last_cell(&self) -> Option<&'i str> {
        let row = self.table.rows.last()?;
        let k = (row.cells_end as usize).checked_sub(1)?;
        let s = self.table.cells.get(k)?;
        self.table.text.get(s.start as usize..s.end as usize)
    }

    /// Reopens the last row to add cells or grow its last cell; `None` when there is
    /// none. Returns the row's span.
    pub fn reopen_last_row(&mut self) -> Option<Span> {
        let row = self.table.rows.pop()?;
        self.open = match self.table.rows.last() {
            Some(prev) => prev.cells_end as usize,
            None => 0,
        };
        Some(self.table.span_of(row.start, row.end))
    }

    /// The table, its text cut to the block's `end`.
    pub fn finish(mut self, end: usize) -> Table<'i> {
        let len = end.saturating_sub(self.table.base);
        self.table.text = self.table.text.get(..len).unwrap_or(self.table.text);
        self.table
    }
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind<'i> {
    /// A short line that reads as a heading (`一、总体情况`, `## 表三`).
    Heading,
    /// Consecutive lines of running text.
    Paragraph,
    /// A table grid, boxed so that the many small blocks of a text stay small: a
    /// [`Block`] takes 48 bytes, not the 136 a table inline would make it.
    Table(Box<Table<'i>>),
    /// Blank lines.
    Blank,
    /// Lines of nothing but `|` (web-page residue).
    Noise,
    /// A page number on a line of its own (`-4-`, `— 5 —`).
    PageNumber,
    /// Lines that are mostly control characters: not text that can be read.
    Unrecognized,
}

/// A block of the text. The blocks [`lex`](crate::lex) returns tile the input: each
/// starts where the previous ended, the first at 0 and the last at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'i> {
    /// What it is.
    pub kind: BlockKind<'i>,
    /// Its bytes, line ends included.
    pub span: Span,
    /// The text of `span`.
    pub text: &'i str,
}

impl<'i> Block<'i> {
    /// The table, if this block is one.
    pub fn table(&self) -> Option<&Table<'i>> {
        match &self.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of tiny lines makes a block per line or two: a block stays a few words.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_block_is_small() {
        assert!(std::mem::size_of::<Block<'_>>() <= 48);
    }
}
