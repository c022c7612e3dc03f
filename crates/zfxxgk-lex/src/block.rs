use crate::Span;

/// How a table was laid out in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// One cell per line behind a tab, rows split by blank lines (Word tables through a
    /// text converter). A cell's text may wrap onto untabbed lines.
    CellPerLine,
    /// One row per line, cells split by tabs.
    TabRows,
    /// `| a | b |` rows from a web page.
    Pipes,
    /// Pipe rows with a `|---|` rule: a markdown table.
    Markdown,
    /// Columns aligned with runs of spaces, as `pdftotext -layout` writes them.
    Aligned,
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

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'i> {
    /// The cells, left to right.
    pub cells: Vec<Cell<'i>>,
    /// From the row's first byte to its last.
    pub span: Span,
}

/// A table: rows of cells, as laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<'i> {
    /// How it was laid out.
    pub layout: Layout,
    /// Its rows, top to bottom (a markdown rule row is not a row).
    pub rows: Vec<Row<'i>>,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind<'i> {
    /// A short line that reads as a heading (`一、总体情况`, `## 表三`).
    Heading,
    /// Consecutive lines of running text.
    Paragraph,
    /// A table grid.
    Table(Table<'i>),
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

impl Block<'_> {
    /// The table, if this block is one.
    pub fn table(&self) -> Option<&Table<'_>> {
        match &self.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        }
    }
}
