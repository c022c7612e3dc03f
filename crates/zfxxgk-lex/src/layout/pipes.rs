//! Pipe rows from web pages (`| a | b |`) and markdown tables (with a `|---|` rule);
//! cells padded with `_`, as Debian's html2text writes them, are read without it, and
//! the text after the last pipe of its rows (the rest of a label too long for its
//! column) is no cell.

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
    while j < lines.len()
        && (matches!(lines.kind(j), LineKind::PipeRow | LineKind::PipeRule)
            || (j > i && blank_row(lines, j)))
        && fits(i, j)
    {
        j += 1;
    }
    let mut table = TableBuilder::new(Layout::Pipes, text, lines.start(i));
    // A row has a cell fewer than its pipes, or as many with text after the last one.
    let bytes = text
        .as_bytes()
        .get(lines.start(i)..lines.next(j.max(i + 1) - 1));
    let pipes = memchr::memchr_iter(b'|', bytes.unwrap_or_default()).count();
    table.reserve(pipes, j - i);
    let rule = (i..j).any(|k| lines.kind(k) == LineKind::PipeRule);
    let padded = !rule && memchr::memmem::find(bytes.unwrap_or_default(), b"_|").is_some();
    for line in (i..j).map(|k| lines.at(k)) {
        if line.kind != LineKind::PipeRule {
            row(&mut table, &line, padded);
        }
    }
    let end = j.max(i + 1);
    let mut table = table.finish(lines.next(end - 1));
    if rule {
        table.layout = Layout::Markdown;
    } else if padded {
        table.layout = Layout::PaddedPipes;
    }
    (BlockKind::Table(Box::new(table)), end)
}

/// Whether line `j`, nothing but pipes and spaces, is a row of blank cells of the
/// table above it: it has as many pipes as the line above (a row of the grid that a
/// DOCX or HTML table leaves empty), where web-page residue (`|||||`) has not.
fn blank_row(lines: &Lines<'_>, j: usize) -> bool {
    let pipes = |k: usize| memchr::memchr_iter(b'|', lines.at(k).text.as_bytes()).count();
    lines.kind(j) == LineKind::PipeNoise && pipes(j) > 2 && pipes(j) == pipes(j - 1)
}

/// A cell's span without the `_` that pad it: Debian's html2text fills cells out
/// with underscores (`|80_|0_____|`), and a cell of nothing else is empty.
fn unpadded(line: &Line<'_>, span: Span) -> Span {
    let text = line
        .text
        .get(span.start - line.start..span.end - line.start)
        .unwrap_or_default();
    let inner = text.trim_matches('_');
    if inner.len() == text.len() {
        return span;
    }
    let lead = text.len() - text.trim_start_matches('_').len();
    let (l, t) = crate::line::trim_bounds(inner);
    let start = span.start + lead;
    if inner.is_empty() {
        return Span::new(start, start);
    }
    Span::new(start + l, start + t)
}

/// The cells between the pipes of one line; the empty text before the first pipe and
/// after the last one is not a cell, nor any text after the last one in a table
/// `padded` with `_` (the rest of a label).
fn row(table: &mut TableBuilder<'_>, line: &Line<'_>, padded: bool) {
    let mut prev: Option<usize> = None;
    for p in memchr::memchr_iter(b'|', line.text.as_bytes()) {
        if let Some(q) = prev {
            table.cell(unpadded(line, cell(line, q + 1, p)));
        }
        prev = Some(p);
    }
    if let Some(last) = prev.filter(|_| !padded) {
        let tail = &line.text[last + 1..];
        if !crate::line::trim(tail).is_empty() {
            table.cell(unpadded(line, cell(line, last + 1, line.text.len())));
        }
    }
    let end = line.start + line.text.trim_end_matches(crate::line::is_space).len();
    table.end_row(Span::new(line.start, end));
}
