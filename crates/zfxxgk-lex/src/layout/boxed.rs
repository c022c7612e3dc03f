//! Grids drawn with box characters, as `w3m -dump` draws a page's bordered tables,
//! and ASCII grids (`+---+` rules, `|` walls) from pandoc, psql and tabulate.
//!
//! ```text
//! grid    = line+                  ; lines that begin with a box character with a
//!                                  ; vertical stroke, `+---+` rules, `| … |` rows
//! line    = indent (bar piece)* bar
//! bar     = a wall or junction at a column boundary: │ ┃ ║ ├ ┼ ┬ ┌ ╬ … | +
//! piece   = rule | content         ; what stands between two bars of one line
//! rule    = (─ | ━ | ═ | - | = | : …)+   ; closes the cells above it
//! content = any text               ; a line of the cell below the last rule
//! ```
//!
//! Column boundaries are the display columns (CJK characters 2 wide) where the rule
//! lines have their bars: a junction (`┼`, `+`) stands on every boundary of the cells
//! it closes or opens. On every line, the pieces between two bars cover one or more
//! columns; a cell is the content of its columns from one rule to the next, so a cell
//! that wrapped onto several lines is one cell whose further pieces are kept (see
//! `Row::joined`), and a cell spanning several columns or rows is one cell.
//!
//! The grid is given as a web page's table would be: a row for each line where a cell
//! begins, with a cell for every column up to the line's end; a cell that spans rows
//! stands in each of them, and one that spans columns stands in its first column with
//! empty cells after it. A bar that stands on no boundary is text of its cell.

use super::Fits;
use crate::block::TableBuilder;
use crate::line::{self, box_bar, box_horizontal, box_wall, Line, LineKind, Lines};
use crate::{BlockKind, Layout, Span};
use unicode_width::UnicodeWidthChar;

/// Whether `c` is a bar: a box character with a vertical stroke, or an ASCII wall or
/// junction.
fn bar(c: char) -> bool {
    c == '|' || c == '+' || box_bar(c)
}

/// Whether `c` draws a rule between rows.
fn rule_char(c: char) -> bool {
    box_horizontal(c) || matches!(c, '-' | '=' | ':')
}

/// A junction: a bar with a horizontal stroke, which only rule lines have.
fn junction(c: char) -> bool {
    c == '+' || (box_bar(c) && !box_wall(c))
}

/// One character of a line: byte offset in the line, display column, and itself.
type Char = (usize, u32, char);

pub(super) fn table<'i>(
    text: &'i str,
    lines: &Lines<'i>,
    i: usize,
    fits: Fits<'_>,
) -> (BlockKind<'i>, usize) {
    let mut j = i + 1;
    while j < lines.len()
        && matches!(
            lines.kind(j),
            LineKind::Box | LineKind::GridRule | LineKind::PipeRow
        )
        && fits(i, j)
    {
        j += 1;
    }
    let grid: Vec<(Line<'i>, Vec<Char>)> = (i..j)
        .map(|k| {
            let l = lines.at(k);
            (l, chars(l.text))
        })
        .collect();
    let mut table = TableBuilder::new(Layout::BoxDrawn, text, lines.start(i));
    build(&mut table, &grid);
    (
        BlockKind::Table(Box::new(table.finish(lines.next(j - 1)))),
        j,
    )
}

/// The characters of `line` with their display columns.
fn chars(line: &str) -> Vec<Char> {
    let mut x = 0u32;
    line.char_indices()
        .map(|(at, c)| {
            let here = (at, x, c);
            let w = if c == '\t' { 1 } else { c.width().unwrap_or(0) };
            x = x.saturating_add(u32::try_from(w).unwrap_or(0));
            here
        })
        .collect()
}

/// A cell of the grid as it is read.
struct BoxCell {
    /// The columns it covers.
    cols: (usize, usize),
    /// Where its first line's piece starts: an empty cell stands there.
    at: usize,
    /// Its non-empty pieces, trimmed, top to bottom.
    pieces: Vec<Span>,
}

/// Reads the lines of `grid` (each line's start and characters) into `table`.
fn build(table: &mut TableBuilder<'_>, grid: &[(Line<'_>, Vec<Char>)]) {
    // Column boundaries: where the rule lines have their bars.
    let mut bounds: Vec<u32> = grid
        .iter()
        .filter(|(_, cs)| is_rule_line(cs))
        .flat_map(|(_, cs)| cs.iter().filter(|c| bar(c.2)).map(|c| c.1))
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let columns = bounds.len().saturating_sub(1);
    let mut cells: Vec<BoxCell> = Vec::new();
    // The cell open over each column.
    let mut open: Vec<Option<usize>> = vec![None; columns];
    // Each line where a cell begins: the line and the cells over its columns.
    let mut rows: Vec<(usize, Vec<Option<usize>>)> = Vec::new();
    for (l, cs) in grid {
        let (start, line_text) = (&l.start, l.text);
        let mut began = false;
        // The bars on boundaries, as (index in cs, boundary index).
        let bars: Vec<(usize, usize)> = cs
            .iter()
            .enumerate()
            .filter(|(_, c)| bar(c.2))
            .filter_map(|(n, c)| bounds.binary_search(&c.1).ok().map(|b| (n, b)))
            .collect();
        for w in bars.windows(2) {
            let [(n0, b0), (n1, b1)] = [w[0], w[1]];
            if b1 <= b0 {
                continue;
            }
            let from = cs.get(n0).map_or(0, |c| c.0 + c.2.len_utf8());
            let to = cs.get(n1).map_or(from, |c| c.0);
            let piece = line_text.get(from..to).unwrap_or_default();
            let cols = (b0, b1);
            if !piece.is_empty() && piece.chars().all(rule_char) {
                for o in open.get_mut(b0..b1).unwrap_or_default() {
                    *o = None;
                }
                continue;
            }
            let (lead, trail) = line::trim_bounds(piece);
            let span = Span::new(start + from + lead, start + from + trail);
            let same = open
                .get(b0)
                .copied()
                .flatten()
                .filter(|&id| cells.get(id).is_some_and(|c| c.cols == cols));
            let id = match same {
                Some(id) => id,
                None => {
                    cells.push(BoxCell {
                        cols,
                        at: start + from,
                        pieces: Vec::new(),
                    });
                    for o in open.get_mut(b0..b1).unwrap_or_default() {
                        *o = Some(cells.len() - 1);
                    }
                    began = true;
                    cells.len() - 1
                }
            };
            if !span.is_empty() {
                if let Some(c) = cells.get_mut(id) {
                    c.pieces.push(span);
                }
            }
        }
        if began {
            // A row has a cell for each column the line reaches.
            let reach = bars.last().map_or(0, |b| b.1);
            rows.push((
                *start + line_text.len(),
                open.get(..reach).unwrap_or_default().to_vec(),
            ));
        }
    }
    let mut row_start = grid.first().map_or(0, |g| g.0.start);
    for (end, over) in rows {
        let mut prev = None;
        for id in over {
            let cell = id.and_then(|id| cells.get(id));
            match cell {
                Some(c) if prev != id => {
                    let mut pieces = c.pieces.iter();
                    table.cell(pieces.next().copied().unwrap_or(Span::new(c.at, c.at)));
                    for p in pieces {
                        table.piece(*p);
                    }
                }
                Some(c) => table.cell(Span::new(c.at, c.at)),
                None => table.cell(Span::new(row_start, row_start)),
            }
            prev = id;
        }
        table.end_row(Span::new(row_start, end));
        row_start = end;
    }
}

/// Whether a line draws a rule: it has a junction next to a rule character.
fn is_rule_line(cs: &[Char]) -> bool {
    cs.windows(2)
        .any(|w| (junction(w[0].2) && rule_char(w[1].2)) || (rule_char(w[0].2) && junction(w[1].2)))
}

#[cfg(test)]
mod tests {
    use crate::{lex, Layout, Table};

    fn joined(t: &Table<'_>) -> Vec<Vec<String>> {
        t.rows()
            .map(|r| {
                (0..r.len())
                    .map(|k| r.joined(k).unwrap_or_default().into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn w3m_grid_with_wrapped_and_merged_cells() {
        let text = "\
┌──────────┬─────────────┐
│          │ 申请人情况  │
│          ├──────┬──────┤
│          │自然人│法人或│
│          │      │其他组│
│          │      │织    │
├──────────┼──────┼──────┤
│一、本年新│80    │1     │
│收申请数量│      │      │
├──────────┼──────┼──────┤
│二、上年结│0     │      │
└──────────┴──────┴──────┘
";
        let blocks = lex(text);
        assert_eq!(blocks.len(), 1);
        let t = blocks[0].table().expect("a table");
        assert_eq!(t.layout, Layout::BoxDrawn);
        assert_eq!(
            joined(t),
            [
                vec!["", "申请人情况", ""],
                vec!["", "自然人", "法人或\n其他组\n织"],
                vec!["一、本年新\n收申请数量", "80", "1"],
                vec!["二、上年结", "0", ""],
            ]
        );
        let row = t.row(2).expect("a row");
        assert!(row.wrapped(0) && !row.wrapped(1));
        let value = row.cell(1).expect("a cell");
        assert_eq!(&text[value.span.range()], "80");
        // A cell spanning rows stands in each of them.
        let first = t.row(0).and_then(|r| r.cell(0)).expect("a cell");
        let again = t.row(1).and_then(|r| r.cell(0)).expect("a cell");
        assert_eq!(first.span, again.span);
    }

    #[test]
    fn heavy_and_double_lines() {
        let text = "╔════╦══╗\n║规章║ 3║\n╠════╬══╣\n║许可║ 7║\n╚════╩══╝\n";
        let t = lex(text);
        let t = t[0].table().expect("a table");
        assert_eq!(joined(t), [vec!["规章", "3"], vec!["许可", "7"]]);
        let text = "┏━━━━┳━━┓\n┃规章┃ 3┃\n┗━━━━┻━━┛\n";
        let t = lex(text);
        assert_eq!(joined(t[0].table().expect("a table")), [vec!["规章", "3"]]);
    }

    #[test]
    fn ascii_grid_with_header_rule() {
        let text = "\
+----------+------+
| 信息内容 | 本年 |
|          | 制发 |
+==========+======+
| 规章     | 3    |
+----------+------+
| 规范性   | 10   |
| 文件     |      |
+----------+------+
";
        let blocks = lex(text);
        assert_eq!(blocks.len(), 1);
        let t = blocks[0].table().expect("a table");
        assert_eq!(t.layout, Layout::BoxDrawn);
        assert_eq!(
            joined(t),
            [
                vec!["信息内容", "本年\n制发"],
                vec!["规章", "3"],
                vec!["规范性\n文件", "10"],
            ]
        );
    }

    #[test]
    fn a_bar_off_the_boundaries_is_text() {
        let text = "+----+----+\n| a|b| 1  |\n+----+----+\n";
        let t = lex(text);
        assert_eq!(joined(t[0].table().expect("a table")), [vec!["a|b", "1"]]);
    }

    #[test]
    fn broken_grids_are_read_without_panic() {
        for text in [
            "│\n",
            "├──\n│ a │\n",
            "┌┐\n││\n└┘\n",
            "+-+\n|\n",
            "│ a │ b │\n│ c │\n",
            "┌──┬──┐\n│1│2│3│\n",
        ] {
            let blocks = lex(text);
            assert_eq!(
                blocks.last().map(|b| b.span.end),
                Some(text.len()),
                "{text:?}"
            );
        }
    }
}
