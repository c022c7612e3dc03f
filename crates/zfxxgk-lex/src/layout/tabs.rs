//! Tables whose cells are split by tabs: one row per line (`规章\t0\t0`), or one cell
//! per line behind a tab with rows split by blank lines, as Word tables come out of
//! text converters. In both, a cell's text may wrap onto a line with no tab: such a
//! continuation line belongs to the cell above when a tabbed line follows it directly.

use super::{cell, Fits};
use crate::block::TableBuilder;
use crate::line::{Line, LineKind, Lines};
use crate::{BlockKind, Layout, Span};

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

pub(super) fn table<'i>(
    text: &'i str,
    lines: &Lines<'i>,
    i: usize,
    fits: Fits<'_>,
) -> (BlockKind<'i>, usize) {
    // The region: tabbed lines, blank lines between them, and continuation lines that
    // sit between a tabbed line and the next one with no blank line around them.
    let mut end = i + 1; // one past the last tabbed line taken
    let mut j = i + 1;
    while j < lines.len() && fits(i, j) {
        let k = lines.kind(j);
        if tabbed(k) {
            end = j + 1;
            j += 1;
        } else if k == LineKind::Blank {
            j += 1;
        } else if continuation(k) && j == end {
            let mut m = j;
            while m < lines.len() && continuation(lines.kind(m)) && fits(i, m) {
                m += 1;
            }
            let short = (j..m)
                .map(|k| lines.at(k))
                .all(|l| crate::line::width(crate::line::trim(l.text)) <= MAX_WRAP_WIDTH);
            let mut after = m;
            while after < lines.len() && lines.kind(after) == LineKind::Blank {
                after += 1;
            }
            let tab_next = m < lines.len() && tabbed(lines.kind(m));
            let tab_after_blank = short && after < lines.len() && tabbed(lines.kind(after));
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
    let region = (i..end).map(|k| lines.at(k));
    let cell_lines = (i..end)
        .filter(|&k| lines.kind(k) == LineKind::TabCell)
        .count();
    let row_lines = (i..end)
        .filter(|&k| lines.kind(k) == LineKind::TabRow)
        .count();
    let layout = if cell_lines >= row_lines {
        Layout::CellPerLine
    } else {
        Layout::TabRows
    };
    let mut table = TableBuilder::new(layout, text, lines.start(i));
    // A tabbed line makes a cell more than it has tabs; a row takes a line, or in one
    // cell per line, the lines up to a blank one.
    let bytes = text.as_bytes().get(lines.start(i)..lines.next(end - 1));
    let tabs = memchr::memchr_iter(b'\t', bytes.unwrap_or_default()).count();
    let tabbed = cell_lines + row_lines;
    let rows = match layout {
        Layout::CellPerLine => tabbed.min(end - i - tabbed + 1),
        _ => tabbed,
    };
    table.reserve(tabs + tabbed, rows);
    match layout {
        Layout::CellPerLine => cell_per_line(&mut table, region),
        _ => tab_rows(&mut table, region),
    }
    (
        BlockKind::Table(Box::new(table.finish(lines.next(end - 1)))),
        end,
    )
}

/// Adds the cells of a tabbed line, the text between tabs, to the open row. With
/// `opener`, a leading tab opens the first cell (one cell per line behind a tab);
/// without, it closes an empty first cell (one row per line).
fn split(table: &mut TableBuilder<'_>, line: &Line<'_>, opener: bool) {
    let mut tabs = memchr::memchr_iter(b'\t', line.text.as_bytes()).peekable();
    let mut from = 0;
    if opener && tabs.peek() == Some(&0) {
        tabs.next();
        from = 1;
    }
    for t in tabs {
        table.cell(cell(line, from, t));
        from = t + 1;
    }
    table.cell(cell(line, from, line.text.len()));
}

/// Grows the open row's last cell to take in a continuation line; false when the row
/// has no cell.
fn extend(table: &mut TableBuilder<'_>, line: &Line<'_>) -> bool {
    let Some(last) = table.last_cell() else {
        return false;
    };
    let c = cell(line, 0, line.text.len());
    if !c.is_empty() {
        let start = if last.is_empty() { c.start } else { last.start };
        table.set_last_cell(Span::new(start, c.end));
    }
    true
}

fn cell_per_line<'i>(table: &mut TableBuilder<'i>, region: impl Iterator<Item = Line<'i>>) {
    let mut region = region.peekable();
    let mut row_start = region.peek().map_or(0, |l| l.start);
    let mut row_end = row_start;
    for line in region {
        let line = &line;
        match line.kind {
            LineKind::Blank => table.end_row(Span::new(row_start, row_end)),
            LineKind::TabCell | LineKind::TabRow => {
                if table.row_is_empty() {
                    row_start = line.start;
                }
                split(table, line, true);
                row_end = line.start + line.text.len();
            }
            _ => {
                if extend(table, line) {
                    row_end = line.start + line.text.len();
                }
            }
        }
    }
    table.end_row(Span::new(row_start, row_end));
}

fn tab_rows<'i>(table: &mut TableBuilder<'i>, region: impl Iterator<Item = Line<'i>>) {
    for line in region {
        let line = &line;
        match line.kind {
            LineKind::Blank => {}
            LineKind::TabCell | LineKind::TabRow => {
                split(table, line, false);
                table.end_row(Span::new(line.start, line.start + line.text.len()));
            }
            _ => {
                if let Some(span) = table.reopen_last_row() {
                    let end = if extend(table, line) {
                        line.start + line.text.len()
                    } else {
                        span.end
                    };
                    table.end_row(Span::new(span.start, end));
                }
            }
        }
    }
}
