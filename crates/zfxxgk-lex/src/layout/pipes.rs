//! Pipe rows from web pages (`| a | b |`) and markdown tables (with a `|---|` rule).

use super::{cell, Fits};
use crate::block::TableBuilder;
use crate::line::{Line, LineKind, Lines};
use crate::{BlockKind, Layout, Span};

/// `| cell | cell | … |` lines, with or without `|---|` rules, from line `i` on.
pub(super) fn table<'i>(
    text: &'i str,
    lines: &Lines<'i>,
    i: usize,
    fits: Fits<'_>,
) -> (BlockKind<'i>, usize) {
    let mut j = i;
    let mut rule = false;
    let mut table = TableBuilder::new(Layout::Pipes, text, lines.start(i));
    while j < lines.len()
        && matches!(lines.kind(j), LineKind::PipeRow | LineKind::PipeRule)
        && fits(i, j)
    {
        let line = &lines.at(j);
        if line.kind == LineKind::PipeRule {
            rule = true;
        } else {
            row(&mut table, line);
        }
        j += 1;
    }
    let end = j.max(i + 1);
    let mut table = table.finish(lines.next(end - 1));
    if rule {
        table.layout = Layout::Markdown;
    }
    (BlockKind::Table(Box::new(table)), end)
}

/// The cells between the pipes of one line; the empty text before the first pipe and
/// after the last one is not a cell.
fn row(table: &mut TableBuilder<'_>, line: &Line<'_>) {
    let mut prev: Option<usize> = None;
    for p in memchr::memchr_iter(b'|', line.text.as_bytes()) {
        if let Some(q) = prev {
            table.cell(cell(line, q + 1, p));
        }
        prev = Some(p);
    }
    if let Some(last) = prev {
        let tail = &line.text[last + 1..];
        if !crate::line::trim(tail).is_empty() {
            table.cell(cell(line, last + 1, line.text.len()));
        }
    }
    let end = line.start + line.text.trim_end_matches(crate::line::is_space).len();
    table.end_row(Span::new(line.start, end));
}
