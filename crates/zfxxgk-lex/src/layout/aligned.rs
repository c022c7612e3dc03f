//! Space-aligned columns, as `pdftotext -layout` writes them: cells split by runs of
//! two or more spaces, each cell with the display columns it covers so that a parser
//! can line values up under their headers. Labels that wrapped onto lines of their own,
//! and labels written vertically one character a line, stay inside the table as rows
//! of one cell.

use crate::line::{self, Line, LineKind};
use crate::{BlockKind, Cell, Layout, Row, Span, Table};

/// How many lines of one cell may stand between two aligned lines of one table.
const MAX_GAP_LINES: usize = 8;
/// A line of one cell longer than this (display columns) is running text, not a label.
const MAX_LABEL_WIDTH: usize = 60;

pub(super) fn table<'i>(lines: &[Line<'i>], i: usize) -> (BlockKind<'i>, usize) {
    let mut last_aligned = i;
    let mut gap = 0;
    let mut j = i + 1;
    while j < lines.len() {
        match lines[j].kind {
            LineKind::Aligned => {
                last_aligned = j;
                gap = 0;
            }
            LineKind::Blank => {}
            LineKind::Text if line::width(line::trim(lines[j].text)) <= MAX_LABEL_WIDTH => {
                gap += 1;
                if gap > MAX_GAP_LINES {
                    break;
                }
            }
            _ => break,
        }
        j += 1;
    }
    let end = last_aligned + 1;
    let rows = lines[i..end]
        .iter()
        .filter(|l| l.kind != LineKind::Blank)
        .map(row)
        .collect();
    (
        BlockKind::Table(Table {
            layout: Layout::Aligned,
            rows,
        }),
        end,
    )
}

fn row<'i>(l: &Line<'i>) -> Row<'i> {
    let cells: Vec<Cell<'i>> = line::aligned_segments(l.text)
        .into_iter()
        .map(|s| Cell {
            text: &l.text[s.start..s.end],
            span: Span::new(l.start + s.start, l.start + s.end),
            x: Some((s.x0, s.x1)),
        })
        .collect();
    let start = cells.first().map_or(l.start, |c| c.span.start);
    let end = cells.last().map_or(l.start, |c| c.span.end);
    Row {
        cells,
        span: Span::new(start, end),
    }
}
