//! Rows of table 三 that `pdftotext -layout` sets a column at a time: chromium's PDF
//! of an online editor's page, where rows are tall and cells short, writes the
//! values of a few rows in a staircase, each column's values on lines of their own,
//! one under the other, the next column's a line or two lower:
//!
//! ```text
//!             8.属于行政查询事项      4      0      0      0      0      0   4
//!       （四）无法 1.2.本机关不掌握相关政府信息
//!                 没有现成信息需要另行制作
//!                                     2      0      0      0      0      0   2
//!       提供    3.补正后申请内容仍不明确
//!                                     3
//!                                     2
//!                                            0
//!                                            0
//!                                                          …
//!                                                                   0      0
//!                                                                          —
//!                                                                              3
//!                                                                              2
//!             1.信访举报投诉类申请     1      0      /      0      0      0   1
//! ```
//!
//! Between two rows placed by their labels stand more lines of values than the
//! template has rows there. Each value stands under its column (by the positions of
//! the rows that show every column); where each column holds as many values as there
//! are rows, or none more, a column's values top to bottom are those rows' in order.
//! A column that holds fewer (a blank cell that left no text) does not say whose its
//! values are: every way of putting them among the rows in order is tried, and a
//! cell is read where every way whose rows all add up (each total the sum of the six
//! before, a blank as 0) puts the same value there. Where no way adds up, nothing of
//! the run is read.

use super::*;

/// Most ways of placing the open columns' values that are tried.
const MAX_WAYS: usize = 4096;

/// Unlabelled lines of values read as template rows, a column at a time.
pub(super) struct Stack<'i> {
    /// The value rows (the text's lines) the run holds.
    pub(super) lines: std::ops::Range<usize>,
    /// The template row of its first row.
    pub(super) first_row: usize,
    /// Each row's cells, by column; `None` in the columns not read.
    pub(super) cells: Vec<[Option<LexCell<'i>>; N_COLUMNS]>,
    /// The columns not read: fewer values than rows.
    pub(super) open: Vec<usize>,
}

/// The runs of unlabelled lines of `rows` that read as the template rows between
/// the labelled rows around them, a column at a time (see the module's text).
pub(super) fn stacks<'i>(
    rows: &[ValueRow<'_, 'i>],
    plan: &Plan,
    n_template: usize,
    columns: &mut Columns<'_, 'i>,
) -> Vec<Stack<'i>> {
    position_runs(plan, n_template)
        .into_iter()
        .filter_map(|(start, end, lo, hi)| stack(rows, start..end, lo, hi - lo, columns))
        .collect()
}

/// The run `lines` read as the `slots` template rows from `lo`, if it reads so.
fn stack<'i>(
    rows: &[ValueRow<'_, 'i>],
    lines: std::ops::Range<usize>,
    lo: usize,
    slots: usize,
    columns: &mut Columns<'_, 'i>,
) -> Option<Stack<'i>> {
    if slots == 0 || lines.len() <= slots {
        return None;
    }
    let mut by_column: [Vec<LexCell<'i>>; N_COLUMNS] = Default::default();
    for i in lines.clone() {
        let vr = rows.get(i)?;
        let (values, extra) = fitted(vr.parts.values, N_COLUMNS);
        let unlabelled = vr.parts.labels().all(|l| l.trim().is_empty());
        if !unlabelled
            || !extra.is_empty()
            || values.is_empty()
            || values.iter().any(|c| c.x.is_none())
        {
            return None;
        }
        let placed = columns.place(i, values)?;
        for (column, c) in by_column.iter_mut().zip(placed) {
            column.extend(c);
        }
    }
    if by_column.iter().any(|c| c.len() > slots) {
        return None;
    }
    let mut cells = vec![[None; N_COLUMNS]; slots];
    let mut open = Vec::new();
    for (col, values) in by_column.iter().enumerate() {
        if values.len() < slots {
            open.push(col);
            continue;
        }
        for (row, c) in cells.iter_mut().zip(values) {
            if let Some(slot) = row.get_mut(col) {
                *slot = Some(*c);
            }
        }
    }
    // Every way the open columns' values may fall among the rows, in order (the rows
    // left blank): those whose every row adds up.
    let mut ways: Vec<Vec<[Option<LexCell<'i>>; N_COLUMNS]>> = vec![cells.clone()];
    for &col in &open {
        let values = by_column.get(col)?;
        let mut next = Vec::new();
        for way in &ways {
            for rows in combinations(slots, values.len()) {
                let mut w = way.clone();
                for (&r, c) in rows.iter().zip(values) {
                    if let Some(slot) = w.get_mut(r).and_then(|row| row.get_mut(col)) {
                        *slot = Some(*c);
                    }
                }
                next.push(w);
            }
            if next.len() > MAX_WAYS {
                return None;
            }
        }
        ways = next;
    }
    ways.retain(|w| w.iter().all(adds_up));
    let first = ways.first()?;
    // An open column's cell is read where every way that adds up puts the same value
    // there; a blank it may be is left open.
    let mut still_open = Vec::new();
    for &col in &open {
        let mut all = true;
        for (k, row) in cells.iter_mut().enumerate() {
            let here = first.get(k).and_then(|r| r.get(col)).copied().flatten();
            let same = here.is_some_and(|h| {
                ways.iter().all(|w| {
                    w.get(k)
                        .and_then(|r| r.get(col))
                        .copied()
                        .flatten()
                        .is_some_and(|c| c.span == h.span)
                })
            });
            match (row.get_mut(col), same) {
                (Some(slot), true) => *slot = here,
                _ => all = false,
            }
        }
        if !all {
            still_open.push(col);
        }
    }
    if still_open.len() == N_COLUMNS {
        return None;
    }
    let open = still_open;
    Some(Stack {
        lines,
        first_row: lo,
        cells,
        open,
    })
}

/// Whether a row adds up: its total the sum of the six cells before, a cell left
/// without a value (a blank) counted as 0; a value that is no count tells nothing.
fn adds_up(row: &[Option<LexCell<'_>>; N_COLUMNS]) -> bool {
    let tokens = row.map(|c| c.map_or(Token::Blank, |c| Token::of(c.text)));
    crate::vanished::adds_up(&tokens).unwrap_or(true)
}

/// Every way of choosing `k` of `n` rows, in order.
fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut pick = Vec::with_capacity(k);
    fn go(n: usize, k: usize, from: usize, pick: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if pick.len() == k {
            out.push(pick.clone());
            return;
        }
        for r in from..n {
            if n - r < k - pick.len() {
                break;
            }
            pick.push(r);
            go(n, k, r + 1, pick, out);
            pick.pop();
        }
    }
    go(n, k, 0, &mut pick, &mut out);
    out
}
