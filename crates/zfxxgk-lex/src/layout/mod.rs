//! The driver: classify every line once, then let each layout take the run of lines
//! that belongs to it. Every loop consumes at least one line, so the lexer is linear.

mod aligned;
mod boxed;
mod open_pipes;
mod pipes;
mod tab_paragraphs;
mod tabs;

use crate::line::{self, Line, LineKind, Lines};
use crate::{Block, BlockKind, Span};

/// Lexes `text` into blocks that tile it.
///
/// Total: any string is accepted, every byte lands in exactly one block, and the
/// blocks come in order. Tables are found in any of the [`Layout`](crate::Layout)s;
/// what is neither a table, a heading, a page number, blank nor junk is a paragraph.
///
/// ```
/// use zfxxgk_lex::{lex, BlockKind, Layout};
///
/// let text = "二、主动公开政府信息情况\n信息内容\t本年新制作数量\n规章\t0\n";
/// let blocks = lex(text);
/// assert_eq!(blocks[0].kind, BlockKind::Heading);
/// let table = blocks[1].table().expect("a table");
/// assert_eq!(table.layout, Layout::TabRows);
/// let row = table.row(1).expect("a second row");
/// assert_eq!(row.cell(0).map(|c| c.text), Some("规章"));
/// let value = row.cell(1).expect("a value");
/// assert_eq!(&text[value.span.range()], "0");
/// ```
pub fn lex(text: &str) -> Vec<Block<'_>> {
    lex_tables_up_to(text, crate::block::MAX_TABLE_BYTES)
}

/// [`lex`], with tables of fewer than `max` bytes.
fn lex_tables_up_to(text: &str, max: usize) -> Vec<Block<'_>> {
    let lines = Lines::new(text);
    let fits = |i: usize, j: usize| lines.next(j) - lines.start(i) < max;
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (kind, next) = match lines.kind(i) {
            LineKind::Blank => (BlockKind::Blank, run(&lines, i, |k| k == LineKind::Blank)),
            LineKind::PipeNoise => (
                BlockKind::Noise,
                run(&lines, i, |k| k == LineKind::PipeNoise),
            ),
            LineKind::Junk => (
                BlockKind::Unrecognized,
                run(&lines, i, |k| k == LineKind::Junk),
            ),
            LineKind::PageNumber => (BlockKind::PageNumber, i + 1),
            LineKind::Heading => (BlockKind::Heading, i + 1),
            LineKind::PipeRow | LineKind::PipeRule => pipes::table(text, &lines, i, &fits),
            LineKind::TabCell if tab_paragraphs::starts(&lines, i) => {
                tab_paragraphs::table(text, &lines, i, &fits)
            }
            LineKind::TabCell | LineKind::TabRow => tabs::table(text, &lines, i, &fits),
            LineKind::Aligned => aligned::table(text, &lines, i, &fits),
            LineKind::Box | LineKind::GridRule => boxed::table(text, &lines, i, &fits),
            LineKind::OpenPipeRow | LineKind::OpenPipeRule => {
                open_pipes::table(text, &lines, i, &fits)
            }
            LineKind::Text if tab_paragraphs::starts(&lines, i) => {
                tab_paragraphs::table(text, &lines, i, &fits)
            }
            LineKind::Text => (
                BlockKind::Paragraph,
                run(&lines, i, |k| k == LineKind::Text),
            ),
        };
        let next = next.max(i + 1).min(lines.len());
        let span = Span::new(lines.start(i), lines.next(next - 1));
        blocks.push(Block {
            kind,
            span,
            text: &text[span.range()],
        });
        i = next;
    }
    blocks
}

/// The index after the run of lines from `i` whose kind passes `keep`.
fn run(lines: &Lines<'_>, i: usize, keep: impl Fn(LineKind) -> bool) -> usize {
    let mut j = i + 1;
    while j < lines.len() && keep(lines.kind(j)) {
        j += 1;
    }
    j
}

/// Whether line `j` may still join a table that starts at line `i`: tables stay below
/// [`MAX_TABLE_BYTES`](crate::block::MAX_TABLE_BYTES), and a longer run of table lines
/// goes on in the next block.
type Fits<'a> = &'a dyn Fn(usize, usize) -> bool;

/// The span of the byte range `start..end` of `line`, trimmed.
fn cell(line: &Line<'_>, start: usize, end: usize) -> Span {
    let (lead, trail) = line::trim_bounds(&line.text[start..end]);
    let s = line.start + start;
    Span::new(s + lead, s + trail)
}

#[cfg(test)]
mod tests;
