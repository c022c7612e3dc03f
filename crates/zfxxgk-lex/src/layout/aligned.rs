//! Space-aligned columns, as `pdftotext -layout` writes them: cells split by runs of
//! two or more spaces, each cell with the display columns it covers so that a parser
//! can line values up under their headers. Labels that wrapped onto lines of their own,
//! and labels written vertically one character a line, stay inside the table as rows
//! of one cell (at most 8 such lines between two aligned lines). A line of numbers one
//! space apart (columns set close together) is a row of the table too, and so is a line
//! of one number alone, as a table whose narrow cells stack writes rows a column at a
//! time (at most 21 such lines between two aligned lines: three rows of seven columns).

use super::Fits;
use crate::block::TableBuilder;
use crate::line::{self, Line, LineKind, Lines};
use crate::{BlockKind, Layout, Span};

/// How many lines of one cell may stand between two aligned lines of one table.
const MAX_GAP_LINES: usize = 8;
/// How many lines of one number alone may stand between two aligned lines of one
/// table: a table whose narrow cells `pdftotext -layout` stacks writes a few rows a
/// column at a time, each value on a line of its own (three rows of seven columns).
const MAX_STACKED_LINES: usize = 21;
/// A line of one cell longer than this (display columns) is running text, not a label.
const MAX_LABEL_WIDTH: usize = 60;

pub(super) fn table<'i>(
    text: &'i str,
    lines: &Lines<'i>,
    i: usize,
    fits: Fits<'_>,
) -> (BlockKind<'i>, usize) {
    let mut last_aligned = i;
    let mut gap = 0;
    let mut stacked = 0;
    let mut j = i + 1;
    while j < lines.len() && fits(i, j) {
        match lines.kind(j) {
            LineKind::Aligned => {
                last_aligned = j;
                gap = 0;
                stacked = 0;
            }
            // A row of numbers one space apart (narrow columns) is a row of the table.
            LineKind::Text if numbers_row(lines.at(j).text) => {
                last_aligned = j;
                gap = 0;
                stacked = 0;
            }
            LineKind::Blank => {}
            // A number alone: a cell of rows written a column at a time.
            LineKind::Text if line::number_token(line::trim(lines.at(j).text)) => {
                stacked += 1;
                if stacked > MAX_STACKED_LINES {
                    break;
                }
            }
            LineKind::Text if line::width(line::trim(lines.at(j).text)) <= MAX_LABEL_WIDTH => {
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
    let mut table = TableBuilder::new(Layout::Aligned, text, lines.start(i));
    for l in (i..end)
        .map(|k| lines.at(k))
        .filter(|l| l.kind != LineKind::Blank)
    {
        row(&mut table, &l);
    }
    (
        BlockKind::Table(Box::new(table.finish(lines.next(end - 1)))),
        end,
    )
}

/// Whether `text` is two or more numbers and nothing else, as a row of narrow columns
/// that `pdftotext -layout` set one space apart is.
fn numbers_row(text: &str) -> bool {
    let mut words = text.split(line::is_space).filter(|w| !w.is_empty());
    let mut count = 0;
    words.all(|w| {
        count += 1;
        line::number_token(w)
    }) && count >= 2
}

fn row(table: &mut TableBuilder<'_>, l: &Line<'_>) {
    let (mut start, mut end) = (None, l.start);
    for s in line::aligned_segments(l.text) {
        let span = Span::new(l.start + s.start, l.start + s.end);
        start.get_or_insert(span.start);
        end = span.end;
        table.aligned_cell(span, (s.x0, s.x1));
    }
    let start = start.unwrap_or(l.start);
    table.end_row(Span::new(start, end.max(start)));
}
