//! Pipe rows from web pages (`| a | b |`) and markdown tables (with a `|---|` rule).

use super::cell;
use crate::line::{Line, LineKind};
use crate::{BlockKind, Layout, Row, Span, Table};

/// `| cell | cell | … |` lines, with or without `|---|` rules, from line `i` on.
pub(super) fn table<'i>(lines: &[Line<'i>], i: usize) -> (BlockKind<'i>, usize) {
    let mut j = i;
    let mut rows = Vec::new();
    let mut rule = false;
    while j < lines.len() && matches!(lines[j].kind, LineKind::PipeRow | LineKind::PipeRule) {
        let line = &lines[j];
        if line.kind == LineKind::PipeRule {
            rule = true;
        } else {
            rows.push(row(line));
        }
        j += 1;
    }
    let layout = if rule {
        Layout::Markdown
    } else {
        Layout::Pipes
    };
    (BlockKind::Table(Table { layout, rows }), j)
}

/// The cells between the pipes of one line; the empty text before the first pipe and
/// after the last one is not a cell.
fn row<'i>(line: &Line<'i>) -> Row<'i> {
    let bounds: Vec<usize> = line.text.match_indices('|').map(|(k, _)| k).collect();
    let mut cells = Vec::new();
    for w in bounds.windows(2) {
        cells.push(cell(line, w[0] + 1, w[1]));
    }
    if let Some(&last) = bounds.last() {
        let tail = &line.text[last + 1..];
        if !crate::line::trim(tail).is_empty() {
            cells.push(cell(line, last + 1, line.text.len()));
        }
    }
    let end = line.start + line.text.trim_end_matches(crate::line::is_space).len();
    Row {
        cells,
        span: Span::new(line.start, end),
    }
}
