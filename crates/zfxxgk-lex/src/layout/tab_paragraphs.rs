//! Tables whose cells are paragraphs, each cell after the first of a row behind a
//! line holding a lone tab, as a browser's `innerText` writes a table whose cells
//! hold `<p>`s: a cell's paragraph stands between blank lines, the tab between two
//! cells on a line of its own, and a row's end is a longer run of blank lines.
//!
//! ```text
//! table = row (gap row)*
//! row   = [cell] (sep [cell])+  ; a row without its first cell starts with a sep;
//!                               ; a sep with no cell after it is an empty cell
//! sep   = blank tab             ; one blank line, then a line holding a tab and
//!                               ; nothing else
//! cell  = blank? text+          ; lines of text (a `<br>` inside the cell) right
//!                               ; after the sep or one blank line below it
//! gap   = blank{n}              ; n >= 2, no fewer than the table's first gap
//! ```
//!
//! An empty cell is two seps with nothing between (`38` / tab / tab / `0`), or with
//! blank lines only (`&nbsp;`): its place in the row is known, and it is read as an
//! empty cell there. A row must hold a sep, and its first cell may be a heading
//! (`一、本年新收政府信息公开申请数量`); a run of blank lines shorter than the table's
//! gaps ends the table, so that a section heading after it is not a row. Blank lines
//! may be `&nbsp;` cells: a sep after more than one blank line starts a row whose
//! first cell is empty.

use super::Fits;
use crate::block::TableBuilder;
use crate::line::{self, LineKind, Lines};
use crate::{BlockKind, Layout, Span};

/// A table's first cell is taken only when this short (display columns): longer text
/// before a lone tab is a paragraph, not a cell.
const MAX_FIRST_WIDTH: usize = 80;

/// Lines a cell's text may take.
const MAX_CELL_LINES: usize = 4;

/// Whether line `j` holds a tab and nothing else.
fn lone_tab(lines: &Lines<'_>, j: usize) -> bool {
    j < lines.len() && lines.kind(j) == LineKind::TabCell && line::trim(lines.at(j).text).is_empty()
}

/// Whether line `j` may be (part of) a cell's text.
fn text_line(lines: &Lines<'_>, j: usize) -> bool {
    j < lines.len()
        && matches!(
            lines.kind(j),
            LineKind::Text | LineKind::Heading | LineKind::Aligned
        )
}

/// One past the last line of the cell text starting at `j` (at most
/// [`MAX_CELL_LINES`] lines).
fn text_end(lines: &Lines<'_>, j: usize) -> usize {
    let mut m = j;
    while m < j + MAX_CELL_LINES && text_line(lines, m) {
        m += 1;
    }
    m
}

/// The first line from `j` that is not blank, and how many blank lines stand before it.
fn skip_blanks(lines: &Lines<'_>, j: usize) -> (usize, usize) {
    let mut k = j;
    while k < lines.len() && lines.kind(k) == LineKind::Blank {
        k += 1;
    }
    (k, k - j)
}

/// Whether a table of this layout starts at line `i`: a short cell text followed,
/// after blank lines, by a lone tab; or a lone tab followed by a cell text that a
/// further lone tab follows, or a gap and a row that starts so.
pub(super) fn starts(lines: &Lines<'_>, i: usize) -> bool {
    if lone_tab(lines, i) {
        let (k, blanks) = skip_blanks(lines, i + 1);
        if blanks > 1 || !text_line(lines, k) {
            return false;
        }
        let m = text_end(lines, k);
        let (t, blanks) = skip_blanks(lines, m);
        return (blanks == 1 && lone_tab(lines, t))
            || (blanks >= 2 && text_line(lines, t) && starts_with_text(lines, t));
    }
    lines.kind(i) == LineKind::Text && starts_with_text(lines, i)
}

/// Whether a row of this layout starts at line `i` with a cell text.
fn starts_with_text(lines: &Lines<'_>, i: usize) -> bool {
    let m = text_end(lines, i);
    let width: usize = (i..m)
        .map(|k| line::width(line::trim(lines.at(k).text)))
        .sum();
    let (t, blanks) = skip_blanks(lines, m);
    width <= MAX_FIRST_WIDTH && blanks == 1 && lone_tab(lines, t)
}

/// The span of the cell text on lines `k..m`, trimmed.
fn text_span(lines: &Lines<'_>, k: usize, m: usize) -> Span {
    let first = super::cell(&lines.at(k), 0, lines.at(k).text.len());
    let last_line = lines.at(m.saturating_sub(1).max(k));
    let last = super::cell(&last_line, 0, last_line.text.len());
    Span::new(first.start, last.end.max(first.start))
}

/// An empty cell just after the tab of line `j`.
fn empty_after(lines: &Lines<'_>, j: usize) -> Span {
    let l = lines.at(j);
    let at = l.start + l.text.find('\t').map_or(0, |t| t + 1);
    Span::new(at, at)
}

pub(super) fn table<'i>(
    text: &'i str,
    lines: &Lines<'i>,
    i: usize,
    fits: Fits<'_>,
) -> (BlockKind<'i>, usize) {
    let mut table = TableBuilder::new(Layout::CellPerLine, text, lines.start(i));
    // One past the last line taken; the length of the table's row gaps, once seen.
    let mut end = i;
    let mut gap: Option<usize> = None;
    let mut j = i;
    'rows: while j < lines.len() && fits(i, j) {
        // The row's first cell, or none before its first sep; `j` goes to that sep.
        let row_start = lines.start(j);
        let first = if lone_tab(lines, j) {
            None
        } else {
            let m = text_end(lines, j);
            let (t, blanks) = skip_blanks(lines, m);
            if m == j || blanks != 1 || !lone_tab(lines, t) || !fits(i, t) {
                break;
            }
            let span = text_span(lines, j, m);
            j = t;
            Some(span)
        };
        match first {
            Some(span) => table.cell(span),
            None => table.cell(empty_after(lines, j)),
        }
        // `j` is a sep: the cell after it, if any, then the next sep or the row's end.
        let next_row = loop {
            let (k, blanks) = skip_blanks(lines, j + 1);
            if lone_tab(lines, k) && fits(i, k) {
                // Nothing but blank lines between two seps: an empty cell.
                table.cell(empty_after(lines, j));
                j = k;
                continue;
            }
            if blanks <= 1 && text_line(lines, k) {
                let m = text_end(lines, k);
                if !fits(i, m - 1) {
                    table.cell(empty_after(lines, j));
                    end = j + 1;
                    break None;
                }
                table.cell(text_span(lines, k, m));
                end = m;
                let (t, blanks) = skip_blanks(lines, m);
                if blanks == 1 && lone_tab(lines, t) && fits(i, t) {
                    j = t;
                    continue;
                }
                break Some((t, blanks));
            }
            // A sep with no cell after it: the row's last cell is empty.
            table.cell(empty_after(lines, j));
            end = j + 1;
            break Some((k, blanks));
        };
        let last = lines.at(end - 1);
        table.end_row(Span::new(row_start, last.start + last.text.len()));
        let Some((k, blanks)) = next_row else {
            break 'rows;
        };
        if blanks < 2 || gap.is_some_and(|g| blanks < g) || k >= lines.len() {
            break;
        }
        gap = Some(gap.map_or(blanks, |g| g.min(blanks)));
        j = k;
    }
    let end = end.max(i + 1);
    (
        BlockKind::Table(Box::new(table.finish(lines.next(end - 1)))),
        end,
    )
}

#[cfg(test)]
mod tests {
    use crate::{lex, BlockKind, Layout};

    fn rows(text: &str) -> Vec<Vec<Vec<String>>> {
        lex(text)
            .iter()
            .filter_map(|b| b.table())
            .map(|t| {
                assert_eq!(t.layout, Layout::CellPerLine);
                t.rows()
                    .map(|r| r.cells().map(|c| c.text.to_string()).collect())
                    .collect()
            })
            .collect()
    }

    /// `innerText` of a table of `<p>` cells: a lone tab before each cell but the
    /// first, rows four blank lines apart; an empty cell is two tabs with nothing
    /// between, or an `&nbsp;` line.
    #[test]
    fn lone_tab_lines_split_cells_and_mark_empty_ones() {
        let text = "二、主动公开政府信息情况\n\n第二十条第（一）项\n\n\n\n\n信息内容\n\n\t\n\n本年新制作数量\n\n\t\n\n对外公开总数量\n\n\n\n\n规章\n\n\t\n\n4481\n\n\t\n\n\t\n\n7150\n\n\n\n\n规范性文件\n\n\t\n\n766\n\n\t\n\n\u{a0}\n\n\t\n\n7598\n\n三、收到和处理政府信息公开申请情况\n\n\t\n\n申请人情况\n\n\n\n\n一、本年新收政府信息公开申请数量\n\n\t\n\n190\n\n\t\n\n\n\n\n二、上年结转政府信息公开申请数量\n\n\t\n\n\u{a0}\n\n\t\n\n3\n\n五、存在的主要问题\n";
        let got = rows(text);
        assert_eq!(
            got,
            [
                vec![
                    vec!["信息内容", "本年新制作数量", "对外公开总数量"],
                    vec!["规章", "4481", "", "7150"],
                    vec!["规范性文件", "766", "", "7598"],
                ],
                vec![
                    vec!["", "申请人情况"],
                    vec!["一、本年新收政府信息公开申请数量", "190", ""],
                    vec!["二、上年结转政府信息公开申请数量", "", "3"],
                ],
            ]
        );
        let blocks = lex(text);
        let headings: Vec<&str> = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.trim())
            .collect();
        assert_eq!(
            headings,
            [
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "五、存在的主要问题"
            ]
        );
        // An empty cell stands, empty, just after its tab.
        let table = blocks.iter().find_map(|b| b.table()).expect("a table");
        let empty = table
            .row(1)
            .and_then(|r| r.cell(2))
            .expect("the empty cell");
        assert!(empty.span.is_empty());
        assert_eq!(&text[empty.span.start - 1..empty.span.start], "\t");
    }

    /// A long paragraph before a lone tab is no cell, and a short line with no lone
    /// tab after one blank line is no table.
    #[test]
    fn paragraphs_without_lone_tabs_stay_paragraphs() {
        let long = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续深化政务公开。";
        let text = format!("{long}\n\n\t\n\n3\n\n规章\n\n4481\n");
        let blocks = lex(&text);
        assert_eq!(blocks[0].kind, BlockKind::Paragraph);
        assert!(rows("规章\n\n4481\n\n\t3\n").iter().all(|t| t.len() <= 1));
    }
}
