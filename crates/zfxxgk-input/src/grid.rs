//! Tables with row and column spans expanded into a full grid, written as pipe rows.
//!
//! A rowspan'd cell's text is repeated in every row it spans; a colspan'd cell's text
//! stands in its first column and the others are empty. So table 三's label column
//! `三、本年度办理结果` (rowspan 22) appears on each of its 22 rows, and every row has
//! as many cells as the widest one.

/// One source cell: its flattened text and its spans (at least 1 each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SpanCell {
    pub(crate) text: String,
    pub(crate) colspan: usize,
    pub(crate) rowspan: usize,
}

/// Largest colspan honoured (the HTML standard's limit).
pub(crate) const MAX_COLSPAN: usize = 1000;

/// Expands HTML-style rows of spanning cells into a grid of equal-length rows.
///
/// Rowspans are clipped at the last row. Returns `None` when the grid (cells × 3
/// bytes, or repeated text) would exceed `budget` bytes.
pub(crate) fn expand(rows: &[Vec<SpanCell>], budget: usize) -> Option<Vec<Vec<String>>> {
    let height = rows.len();
    // Every slot a cell covers costs at least 3 bytes of output (" x |"): refuse
    // before allocating when the spans alone exceed the budget.
    let mut area = 0usize;
    for (r, row) in rows.iter().enumerate() {
        for cell in row {
            let rows_covered = cell.rowspan.max(1).min(height - r);
            let cols = cell.colspan.clamp(1, MAX_COLSPAN);
            area = area.saturating_add(rows_covered.saturating_mul(cols));
        }
    }
    if area.saturating_mul(3) > budget {
        return None;
    }
    let mut grid: Vec<Vec<Option<String>>> = vec![Vec::new(); height];
    let mut bytes = 0usize;
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        for cell in row {
            while grid
                .get(r)
                .and_then(|g| g.get(col))
                .is_some_and(Option::is_some)
            {
                col += 1;
            }
            let colspan = cell.colspan.clamp(1, MAX_COLSPAN);
            let last_row = r.saturating_add(cell.rowspan.max(1)).min(height);
            for (k, grid_row) in grid.iter_mut().enumerate().take(last_row).skip(r) {
                if grid_row.len() < col + colspan {
                    grid_row.resize(col + colspan, None);
                }
                for (j, slot) in grid_row.iter_mut().skip(col).take(colspan).enumerate() {
                    // A later cell overlapping an earlier span keeps the earlier one.
                    if slot.is_none() || k == r {
                        let text = if j == 0 {
                            cell.text.clone()
                        } else {
                            String::new()
                        };
                        bytes = bytes.saturating_add(text.len() + 3);
                        *slot = Some(text);
                    }
                }
                if bytes > budget {
                    return None;
                }
            }
            col += colspan;
        }
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    if width.saturating_mul(height).saturating_mul(3) > budget {
        return None;
    }
    Some(
        grid.into_iter()
            .map(|row| {
                let mut row: Vec<String> = row.into_iter().map(Option::unwrap_or_default).collect();
                row.resize(width, String::new());
                row
            })
            .collect(),
    )
}

/// Pads every row to the widest one.
pub(crate) fn pad(rows: &mut [Vec<String>]) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in rows {
        row.resize(width, String::new());
    }
}

/// Writes one `| c1 | c2 | ... |` line per row from the first that has any text on:
/// a row of empty cells below it is a row all blank (the value row of the blank
/// template's table 四), not nothing. `|` inside a cell becomes `｜`. Returns `false`
/// (writing nothing more) once `budget` bytes are spent.
pub(crate) fn write_pipe_rows(rows: &[Vec<String>], out: &mut String, budget: usize) -> bool {
    let start = out.len();
    let first = rows
        .iter()
        .position(|row| row.iter().any(|c| !c.trim().is_empty()));
    for row in rows.iter().skip(first.unwrap_or(rows.len())) {
        out.push('|');
        for cell in row {
            out.push(' ');
            out.push_str(&cell.trim().replace('|', "｜"));
            out.push_str(" |");
        }
        out.push('\n');
        if out.len() - start > budget {
            out.truncate(start);
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, colspan: usize, rowspan: usize) -> SpanCell {
        SpanCell {
            text: text.to_owned(),
            colspan,
            rowspan,
        }
    }

    fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect()
    }

    #[test]
    fn rowspan_repeats_and_colspan_pads() {
        let rows = vec![
            vec![
                cell("三、结果", 1, 2),
                cell("（一）予以公开", 2, 1),
                cell("9", 1, 1),
            ],
            vec![
                cell("（三）不予公开", 1, 1),
                cell("1.国家秘密", 1, 1),
                cell("0", 1, 1),
            ],
            vec![cell("四、结转", 3, 1), cell("1", 1, 1)],
        ];
        assert_eq!(
            expand(&rows, 1 << 20),
            Some(strings(&[
                &["三、结果", "（一）予以公开", "", "9"],
                &["三、结果", "（三）不予公开", "1.国家秘密", "0"],
                &["四、结转", "", "", "1"],
            ]))
        );
    }

    #[test]
    fn spans_are_clipped_and_bounded() {
        let rows = vec![vec![cell("a", 1, 1000)], vec![cell("b", 1, 1)]];
        assert_eq!(
            expand(&rows, 1 << 20),
            Some(strings(&[&["a", ""], &["a", "b"]]))
        );
        let huge = vec![vec![cell("x", 100_000, 1)]; 100];
        assert_eq!(expand(&huge, 1 << 16), None);
    }

    #[test]
    fn pipe_rows_escape_and_skip_empty_leading_rows() {
        let mut out = String::new();
        let rows = vec![
            vec![String::new(), String::new()],
            vec!["a|b".to_owned(), String::new()],
            vec![String::new(), " ".to_owned()],
        ];
        assert!(write_pipe_rows(&rows, &mut out, 100));
        assert_eq!(out, "| a｜b |  |\n|  |  |\n");
        assert!(!write_pipe_rows(&rows, &mut out, 3));
        out.clear();
        assert!(write_pipe_rows(&rows[..1], &mut out, 100));
        assert_eq!(out, "");
    }
}
