//! Tables whose cells are split by tabs: one row per line (`规章\t0\t0`), or one cell
//! per line behind a tab with rows split by blank lines, as Word tables come out of
//! text converters. In both, a cell's text may wrap onto a line with no tab: such a
//! continuation line belongs to the cell above when a tabbed line follows it directly.

use super::cell;
use crate::line::{Line, LineKind};
use crate::{BlockKind, Cell, Layout, Row, Span, Table};

/// A wrapped cell's tail that a blank line follows is taken only when this short
/// (display columns): longer text there is a paragraph between two tables.
const MAX_WRAP_WIDTH: usize = 24;

fn tabbed(k: LineKind) -> bool {
    matches!(k, LineKind::TabCell | LineKind::TabRow)
}

/// Lines that may continue a wrapped cell.
fn continuation(k: LineKind) -> bool {
    matches!(k, LineKind::Text | LineKind::Aligned)
}

pub(super) fn table<'i>(text: &'i str, lines: &[Line<'i>], i: usize) -> (BlockKind<'i>, usize) {
    // The region: tabbed lines, blank lines between them, and continuation lines that
    // sit between a tabbed line and the next one with no blank line around them.
    let mut end = i + 1; // one past the last tabbed line taken
    let mut j = i + 1;
    while j < lines.len() {
        let k = lines[j].kind;
        if tabbed(k) {
            end = j + 1;
            j += 1;
        } else if k == LineKind::Blank {
            j += 1;
        } else if continuation(k) && j == end {
            let mut m = j;
            while m < lines.len() && continuation(lines[m].kind) {
                m += 1;
            }
            let short = lines[j..m]
                .iter()
                .all(|l| crate::line::width(crate::line::trim(l.text)) <= MAX_WRAP_WIDTH);
            let mut after = m;
            while after < lines.len() && lines[after].kind == LineKind::Blank {
                after += 1;
            }
            let tab_next = m < lines.len() && tabbed(lines[m].kind);
            let tab_after_blank = short && after < lines.len() && tabbed(lines[after].kind);
            if tab_next || tab_after_blank {
                j = m;
                end = m;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let region = &lines[i..end];
    let cell_lines = region
        .iter()
        .filter(|l| l.kind == LineKind::TabCell)
        .count();
    let row_lines = region.iter().filter(|l| l.kind == LineKind::TabRow).count();
    let table = if cell_lines >= row_lines {
        cell_per_line(text, region)
    } else {
        tab_rows(text, region)
    };
    (BlockKind::Table(table), end)
}

/// The cells of a tabbed line: the text between tabs. With `opener`, a leading tab
/// opens the first cell (one cell per line behind a tab); without, it closes an empty
/// first cell (one row per line).
fn split<'i>(line: &Line<'i>, opener: bool) -> Vec<Cell<'i>> {
    let mut bounds: Vec<usize> = line.text.match_indices('\t').map(|(k, _)| k).collect();
    let skip_first = opener && bounds.first() == Some(&0);
    let mut cells = Vec::new();
    if !skip_first {
        bounds.insert(0, usize::MAX); // a virtual tab before the line
    }
    for (n, &b) in bounds.iter().enumerate() {
        let from = if b == usize::MAX { 0 } else { b + 1 };
        let to = bounds.get(n + 1).copied().unwrap_or(line.text.len());
        cells.push(cell(line, from, to));
    }
    cells
}

/// Grows `cell` to take in a continuation line.
fn extend<'i>(text: &'i str, cell: &mut Cell<'i>, line: &Line<'i>) {
    let c = cell_of_line(line);
    if c.text.is_empty() {
        return;
    }
    let start = if cell.text.is_empty() {
        c.span.start
    } else {
        cell.span.start
    };
    cell.span = Span::new(start, c.span.end);
    cell.text = &text[cell.span.range()];
}

fn cell_of_line<'i>(line: &Line<'i>) -> Cell<'i> {
    cell(line, 0, line.text.len())
}

fn finish<'i>(rows: &mut Vec<Row<'i>>, cells: &mut Vec<Cell<'i>>, start: usize, end: usize) {
    if !cells.is_empty() {
        rows.push(Row {
            cells: std::mem::take(cells),
            span: Span::new(start, end),
        });
    }
}

fn cell_per_line<'i>(text: &'i str, region: &[Line<'i>]) -> Table<'i> {
    let mut rows = Vec::new();
    let mut cells: Vec<Cell<'i>> = Vec::new();
    let mut row_start = region.first().map_or(0, |l| l.start);
    let mut row_end = row_start;
    for line in region {
        match line.kind {
            LineKind::Blank => {
                finish(&mut rows, &mut cells, row_start, row_end);
            }
            LineKind::TabCell | LineKind::TabRow => {
                if cells.is_empty() {
                    row_start = line.start;
                }
                cells.extend(split(line, true));
                row_end = line.start + line.text.len();
            }
            _ => {
                if let Some(last) = cells.last_mut() {
                    extend(text, last, line);
                    row_end = line.start + line.text.len();
                }
            }
        }
    }
    finish(&mut rows, &mut cells, row_start, row_end);
    Table {
        layout: Layout::CellPerLine,
        rows,
    }
}

fn tab_rows<'i>(text: &'i str, region: &[Line<'i>]) -> Table<'i> {
    let mut rows: Vec<Row<'i>> = Vec::new();
    for line in region {
        match line.kind {
            LineKind::Blank => {}
            LineKind::TabCell | LineKind::TabRow => {
                let end = line.start + line.text.len();
                rows.push(Row {
                    cells: split(line, false),
                    span: Span::new(line.start, end),
                });
            }
            _ => {
                if let Some(row) = rows.last_mut() {
                    if let Some(last) = row.cells.last_mut() {
                        extend(text, last, line);
                        row.span.end = line.start + line.text.len();
                    }
                }
            }
        }
    }
    Table {
        layout: Layout::TabRows,
        rows,
    }
}
