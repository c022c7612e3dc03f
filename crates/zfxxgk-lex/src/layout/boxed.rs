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
//! A cell's text is its piece on the line it begins on (which may be empty), and its
//! further pieces are kept beside it. The grid is given as rows of equal columns: a row for each line where a cell
//! begins, with a cell for every column up to the line's end. A cell stands in the
//! row and column it begins in; the other rows and columns it spans hold empty cells
//! (at the end of its piece on that row's line). A bar that stands on no boundary
//! is text of its cell.

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
    let table = table.finish(lines.next(j - 1));
    if table.is_empty() {
        // Box characters that draw no cell (`├─ 一、总体情况` as a tree's bullet)
        // are running text.
        return (BlockKind::Paragraph, j);
    }
    (BlockKind::Table(Box::new(table)), j)
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
    /// The row it begins in.
    row: usize,
    /// Its piece on that row's line, trimmed: empty when the text begins lower down.
    first: Span,
    /// Its further non-empty pieces, trimmed, top to bottom.
    pieces: Vec<Span>,
}

/// A line where a cell begins: where it stands among the grid's lines, and for each
/// column the line reaches, the cell over it and where the line's piece there ends.
struct BoxRow {
    line: usize,
    over: Vec<(Option<usize>, usize)>,
}

/// Reads the lines of `grid` (each line and its characters) into `table`.
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
    let mut rows: Vec<BoxRow> = Vec::new();
    // Where each column's piece of the line being read ends, trimmed: an empty cell
    // there stands after the cells to its left.
    let mut at: Vec<usize> = vec![0; columns];
    for (n, (l, cs)) in grid.iter().enumerate() {
        let mut began = false;
        // The bars on boundaries, as (index in cs, boundary index).
        let bars: Vec<(usize, usize)> = cs
            .iter()
            .enumerate()
            .filter(|(_, c)| bar(c.2))
            .filter_map(|(k, c)| bounds.binary_search(&c.1).ok().map(|b| (k, b)))
            .collect();
        // Columns left of the line's first bar stand at its start (each has a
        // character of indentation there, so this costs no more than the line).
        let first_bar = bars.first().map_or(0, |b| b.1);
        for a in at.get_mut(..first_bar).unwrap_or_default() {
            *a = l.start;
        }
        for w in bars.windows(2) {
            let [(k0, b0), (k1, b1)] = [w[0], w[1]];
            if b1 <= b0 {
                continue;
            }
            let from = cs.get(k0).map_or(0, |c| c.0 + c.2.len_utf8());
            let to = cs.get(k1).map_or(from, |c| c.0);
            let piece = l.text.get(from..to).unwrap_or_default();
            let (lead, trail) = line::trim_bounds(piece);
            for a in at.get_mut(b0..b1).unwrap_or_default() {
                *a = l.start + from + trail;
            }
            if !piece.is_empty() && piece.chars().all(rule_char) {
                for o in open.get_mut(b0..b1).unwrap_or_default() {
                    *o = None;
                }
                continue;
            }
            let span = Span::new(l.start + from + lead, l.start + from + trail);
            let cols = (b0, b1);
            let same = open
                .get(b0)
                .copied()
                .flatten()
                .filter(|&id| cells.get(id).is_some_and(|c| c.cols == cols));
            let id = same.unwrap_or_else(|| {
                cells.push(BoxCell {
                    cols,
                    row: rows.len(),
                    first: span,
                    pieces: Vec::new(),
                });
                for o in open.get_mut(b0..b1).unwrap_or_default() {
                    *o = Some(cells.len() - 1);
                }
                began = true;
                cells.len() - 1
            });
            if let (Some(c), true) = (cells.get_mut(id), same.is_some() && !span.is_empty()) {
                c.pieces.push(span);
            }
        }
        if began {
            // A row has a cell for each column the line reaches.
            let reach = bars.last().map_or(0, |b| b.1);
            let over = open.iter().zip(&at).take(reach);
            rows.push(BoxRow {
                line: n,
                over: over.map(|(o, a)| (*o, *a)).collect(),
            });
        }
    }
    for (r, row) in rows.iter().enumerate() {
        for (s, &(id, pos)) in row.over.iter().enumerate() {
            match id.and_then(|id| cells.get(id)) {
                // A cell stands in the row and column it begins in; the others it
                // covers are empty.
                Some(c) if c.row == r && c.cols.0 == s => {
                    table.cell(c.first);
                    for p in &c.pieces {
                        table.piece(*p);
                    }
                }
                _ => table.cell(Span::new(pos, pos)),
            }
        }
        // The row runs from its line to the line before the next row's.
        let last = rows.get(r + 1).map_or(grid.len(), |next| next.line);
        let start = grid.get(row.line).map_or(0, |g| g.0.start);
        let end = grid
            .get(last.saturating_sub(1).max(row.line))
            .map_or(start, |g| g.0.start + g.0.text.len());
        table.end_row(Span::new(start, end));
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
        // Text that begins below the cell's first line.
        let text2 = "+----+--+\n|    |a |\n|结果|  |\n|维持|  |\n+----+--+\n";
        let blocks2 = lex(text2);
        let t2 = blocks2[0].table().expect("a table");
        assert_eq!(joined(t2), [vec!["结果\n维持", "a"]]);
        assert_eq!(t2.row(0).and_then(|r| r.cell(0)).map(|c| c.text), Some(""));
        let value = row.cell(1).expect("a cell");
        assert_eq!(&text[value.span.range()], "80");
        // A cell spanning rows stands in the first of them.
        let again = t.row(1).and_then(|r| r.cell(0)).expect("a cell");
        assert!(again.span.is_empty());
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
    fn box_characters_drawing_no_cell_are_text() {
        let blocks = lex("├─ 一、总体情况\n└─ 二、主动公开政府信息情况\n");
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].kind, crate::BlockKind::Paragraph);
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
