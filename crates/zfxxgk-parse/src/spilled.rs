//! Table 三's last rows cut in two by a page: reading-order `pdftotext` of chromium's
//! print of a CMS page writes the left-hand columns of the table's last rows (the
//! values beside their labels, `3.其他` / `4 1 0`) at the end of section 三, and their
//! right-hand columns after section 四's heading and table 四's header words, in an
//! order of its own (`0` / `0` / `0 1` / `0` / `0` / `0 1` / `1` / `1` / `0` /
//! `2 2 10` / `6 2 126` / `— 0 10`: the first two rows, then the third column of the
//! rest, then the rest row by row).
//!
//! # Grammar
//!
//! ```text
//! zone 三 = … whole short{m}    ; m ≥ 2 rows of c values each (1 ≤ c ≤ 5), the
//!                              ; last rows with values; the row before them whole
//!                              ; (seven values that add up) and named the
//!                              ; template's row m before its last, the last short
//!                              ; row's label (or the line before it) its last row
//! zone 四 = text* spill rest    ; lines with no value (the heading, header words)
//! spill   = value-line+         ; lines of values alone, m × (7 − c) values in all
//! rest    = text* values …      ; table 四's own values after it
//! ```
//!
//! # Reading
//!
//! A short row may show one value less where a blank cell left nothing (at most
//! [`MAX_SHORT_BY_ONE`] of them, fewer than half), on its line or cut in two lines
//! at the blank's gap (`21` / `0`); where no short row showing all its values was
//! cut in two, the blank stands at that cut.
//!
//! A page is read top to bottom, and each of its blocks left to right, so a cell
//! of the spill is written after the cell to its left and after the cell above it,
//! and values on one line are one row's cells side by side (`2 12`: a row's last
//! two): the spill is an order of the `m × (7 − c)` cells that keeps all three. Every such
//! order is tried (at most [`MAX_STEPS`] steps) under T301, each row's total the sum
//! of the six before (a blank as 0, a blank total where the rest add up to 0). The
//! spill is joined to the rows only where every order that adds up puts the same
//! value (a count, or a blank written) in every cell; the cells (which of equal
//! words) are then those of the first such order, the rightmost column tried first
//! (a row's cells kept together as far as they can), and [`join`] says so for the
//! pipeline's note; the pipeline places them by position. Anything
//! else is left as it was, to be left unplaced: a wrong number is worse than a
//! missing one.

use zfxxgk_lex::{Cell, Span};
use zfxxgk_model::{Edition, Template, T3_COLUMNS};

use crate::labels::{best_t3_row, Folded};
use crate::ledger::parts;
use crate::rows::{TableRow, Zones};
use crate::vanished::Token;
use crate::wrapped::whole;

/// Most placements of one spill's cells tried: past it, nothing is joined.
const MAX_STEPS: usize = 200_000;

/// Fewest short rows read so.
const MIN_ROWS: usize = 2;

/// The values of a row of the zone.
fn values_of<'r, 'i>(tr: &'r TableRow<'i>) -> &'r [Cell<'i>] {
    parts(&tr.row).values
}

/// The folded labels of a row of the zone.
fn labels_of<'i>(tr: &TableRow<'i>) -> Vec<Folded<'i>> {
    parts(&tr.row).labels().map(Folded::new).collect()
}

/// Whether a row's labels name the template's row `j` from its end (0: its last) in
/// `edition`.
fn names_from_end(tr: &TableRow<'_>, edition: Edition, j: usize) -> bool {
    let rows = Template::of(edition).t3_rows.len();
    let labels = labels_of(tr);
    !labels.is_empty()
        && rows
            .checked_sub(1 + j)
            .is_some_and(|want| best_t3_row(&labels, edition).map(|(i, _)| i) == Some(want))
}

/// Whether every cell of a row is a value (a count or a written blank).
fn all_values(tr: &TableRow<'_>) -> bool {
    tr.from_text
        && !tr.row.cells.is_empty()
        && tr
            .row
            .cells
            .iter()
            .all(|c| matches!(Token::of(c.text), Token::Count(_) | Token::Blank))
}

/// A short row of zone 三: the row its values begin on, and the line of values alone
/// right after it where a blank cell's gap cut the row in two (`21` / `0`).
type Short = (usize, Option<usize>);

/// Most short rows that may show one value less than the others (a blank cell left
/// nothing).
const MAX_SHORT_BY_ONE: usize = 2;

/// The short rows at the end of zone 三, and how many values the most of them show
/// (`c`; a row may show one less where a blank cell left nothing, on one line or cut
/// in two at its gap).
fn short_rows(t3: &[TableRow<'_>]) -> Option<(Vec<Short>, usize)> {
    let valued: Vec<usize> = (0..t3.len())
        .filter(|&k| t3.get(k).is_some_and(|r| !values_of(r).is_empty()))
        .collect();
    let count = |k: usize| t3.get(k).map_or(0, |r| values_of(r).len());
    (1..T3_COLUMNS.len() - 1)
        .rev()
        .find_map(|c| short_rows_of(t3, &valued, &count, c))
}

/// [`short_rows`] for `c` values a row.
fn short_rows_of(
    t3: &[TableRow<'_>],
    valued: &[usize],
    count: &dyn Fn(usize) -> usize,
    c: usize,
) -> Option<(Vec<Short>, usize)> {
    let mut short: Vec<Short> = Vec::new();
    let mut by_one = 0;
    let mut i = valued.len();
    while i > 0 {
        let k = *valued.get(i - 1)?;
        let n = count(k);
        // A line of values alone right after the row's first line: one row cut in two.
        let pair = i
            .checked_sub(2)
            .and_then(|j| valued.get(j))
            .copied()
            .filter(|&p| {
                p + 1 == k
                    && t3.get(k).is_some_and(|r| labels_of(r).is_empty())
                    && n < c
                    && count(p) + n + 1 >= c
                    && count(p) + n <= c
            });
        let (unit, shown, took) = match pair {
            Some(p) => ((p, Some(k)), count(p) + n, 2),
            None if n + 1 >= c && n <= c => ((k, None), n, 1),
            None => break,
        };
        if shown < c {
            by_one += 1;
        }
        short.push(unit);
        i -= took;
    }
    if i == valued.len() || by_one > MAX_SHORT_BY_ONE || by_one * 2 >= short.len() {
        return None;
    }
    // The row before the short ones.
    let before = valued.get(i.checked_sub(1)?).copied()?;
    short.reverse();
    let m = short.len();
    let whole_before = t3.get(before).is_some_and(|r| whole(values_of(r)));
    // The label of the last row: on its first line, or on the line before.
    let (first_of_last, _) = *short.last()?;
    let last_row = t3.get(first_of_last)?;
    let last_label = if labels_of(last_row).is_empty() {
        t3.get(first_of_last.checked_sub(1)?)?
    } else {
        last_row
    };
    let named = Edition::ALL.iter().any(|&e| {
        names_from_end(last_label, e, 0) && t3.get(before).is_some_and(|r| names_from_end(r, e, m))
    });
    (m >= MIN_ROWS && whole_before && named).then_some((short, c))
}

/// The values a short row shows, on its first line and on the line of its cut.
fn short_values<'r, 'i>(
    t3: &'r [TableRow<'i>],
    (k, cut): Short,
) -> impl Iterator<Item = &'r Cell<'i>> {
    [Some(k), cut]
        .into_iter()
        .flatten()
        .filter_map(|k| t3.get(k))
        .flat_map(values_of)
}

/// The spill in zone 四: the first run of lines of values alone, after lines with no
/// value (indices).
fn spill(t4: &[TableRow<'_>]) -> Option<Vec<usize>> {
    let start = t4.iter().position(|r| !values_of(r).is_empty())?;
    let run: Vec<usize> = (start..t4.len())
        .take_while(|&k| t4.get(k).is_some_and(all_values))
        .collect();
    // Table 四's own values stand after the spill: a zone whose first values are
    // its last is no spill.
    let after = run.last().map_or(start, |&k| k + 1);
    let more = t4
        .get(after..)
        .is_some_and(|rest| rest.iter().any(|r| !values_of(r).is_empty()));
    (!run.is_empty() && more).then_some(run)
}

/// The search of the orders that keep rows and columns.
struct Search<'a> {
    /// The spill's tokens, in the text's order.
    tokens: &'a [Token],
    /// For each token, whether it stands on the line of the one before.
    beside: &'a [bool],
    /// Where each token placed so far stands: (row, column).
    at: Vec<(usize, usize)>,
    /// The sum of each row's left-hand values.
    left: &'a [u64],
    /// Columns of the spill.
    width: usize,
    /// Where each cell's token is, row by row (`None`: not yet placed).
    grid: Vec<Vec<Option<usize>>>,
    /// How many cells of each column are placed.
    filled: Vec<usize>,
    /// The first grid found, as token indices.
    first: Option<Vec<Vec<usize>>>,
    /// Whether a grid found put another value in some cell than the first.
    differ: bool,
    steps: usize,
}

impl Search<'_> {
    /// Whether row `r`, all placed, adds up.
    fn adds_up(&self, r: usize) -> bool {
        let Some(row) = self.grid.get(r) else {
            return false;
        };
        let cells: Option<Vec<Token>> = row
            .iter()
            .map(|c| c.and_then(|i| self.tokens.get(i).copied()))
            .collect();
        let Some((total, rest)) = cells.as_ref().and_then(|c| c.split_last()) else {
            return false;
        };
        let sum: Option<u64> = rest.iter().map(|&t| t.count()).sum();
        let (Some(sum), Some(left)) = (sum, self.left.get(r)) else {
            return false;
        };
        match total {
            Token::Count(n) => sum + left == *n,
            Token::Blank => sum + left == 0,
            Token::Other => false,
        }
    }

    /// Places token `k` and those after it; false when the search is cut off.
    fn go(&mut self, k: usize) -> bool {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return false;
        }
        if k == self.tokens.len() {
            let grid: Vec<Vec<usize>> = self
                .grid
                .iter()
                .map(|r| r.iter().map(|c| c.unwrap_or(usize::MAX)).collect())
                .collect();
            match &self.first {
                None => self.first = Some(grid),
                Some(f) => {
                    let same = f
                        .iter()
                        .flatten()
                        .zip(grid.iter().flatten())
                        .all(|(a, b)| self.tokens.get(*a) == self.tokens.get(*b));
                    self.differ |= !same;
                }
            }
            return true;
        }
        // A value on the line of the one before is the next cell of its row.
        let next = self
            .beside
            .get(k)
            .copied()
            .unwrap_or(false)
            .then(|| self.at.last().map(|&(_, c)| c + 1))
            .flatten();
        // The rightmost column first: of orders that agree, the first found keeps
        // a row's cells together as far as it can, as a line of the text does.
        for c in (0..self.width).rev() {
            if next.is_some_and(|n| n != c) {
                continue;
            }
            let r = self.filled.get(c).copied().unwrap_or(usize::MAX);
            if next.is_some() && self.at.last().map(|&(r0, _)| r0) != Some(r) {
                continue;
            }
            let left_done = c == 0
                || self
                    .grid
                    .get(r)
                    .and_then(|row| row.get(c - 1))
                    .is_some_and(Option::is_some);
            let Some(slot) = self.grid.get_mut(r).and_then(|row| row.get_mut(c)) else {
                continue;
            };
            if !left_done {
                continue;
            }
            *slot = Some(k);
            if let Some(f) = self.filled.get_mut(c) {
                *f += 1;
            }
            let fits = c + 1 < self.width || self.adds_up(r);
            self.at.push((r, c));
            let went = !fits || self.go(k + 1);
            self.at.pop();
            if let Some(f) = self.filled.get_mut(c) {
                *f -= 1;
            }
            if let Some(slot) = self.grid.get_mut(r).and_then(|row| row.get_mut(c)) {
                *slot = None;
            }
            if !went {
                return false;
            }
        }
        true
    }
}

/// The one grid of values the spill's orders that add up agree on, as token indices
/// row by row; `None` where none adds up, two disagree, or the search is cut off.
fn solve(tokens: &[Token], beside: &[bool], left: &[u64], width: usize) -> Option<Vec<Vec<usize>>> {
    if width == 0 || tokens.len() != left.len() * width {
        return None;
    }
    let mut s = Search {
        tokens,
        beside,
        at: Vec::with_capacity(tokens.len()),
        left,
        width,
        grid: vec![vec![None; width]; left.len()],
        filled: vec![0; width],
        first: None,
        differ: false,
        steps: 0,
    };
    if !s.go(0) || s.differ {
        return None;
    }
    s.first
}

/// Joins the spill of zone 四 to the short rows of zone 三, as the module says; the
/// span of the spill where it did.
pub(crate) fn join(zones: &mut Zones<'_>) -> Option<Span> {
    if zones.t3.iter().chain(&zones.t4).any(|r| r.padded) {
        return None;
    }
    let (short, c) = short_rows(&zones.t3)?;
    let run = spill(&zones.t4)?;
    let width = T3_COLUMNS.len() - c;
    let cells: Vec<Cell<'_>> = run
        .iter()
        .filter_map(|&k| zones.t4.get(k))
        .flat_map(|r| r.row.cells.iter().copied())
        .collect();
    let beside: Vec<bool> = run
        .iter()
        .filter_map(|&k| zones.t4.get(k))
        .flat_map(|r| (0..r.row.cells.len()).map(|i| i > 0))
        .collect();
    let tokens: Vec<Token> = cells.iter().map(|c| Token::of(c.text)).collect();
    let left: Option<Vec<u64>> = short
        .iter()
        .map(|&u| {
            short_values(&zones.t3, u)
                .map(|v| Token::of(v.text).count())
                .sum()
        })
        .collect();
    let grid = solve(&tokens, &beside, &left?, width)?;
    let start = cells.iter().map(|c| c.span.start).min()?;
    let end = cells.iter().map(|c| c.span.end).max()?;
    let shown: Vec<usize> = short
        .iter()
        .map(|&u| short_values(&zones.t3, u).count())
        .collect();
    // Where no short row showing its `c` values was cut in two, a row cut in two
    // was cut at its empty cell's gap: the cell stands there.
    let uncut = !short
        .iter()
        .zip(&shown)
        .any(|(u, &n)| u.1.is_some() && n == c);
    for ((&(k, cut), row), &n) in short.iter().zip(&grid).zip(&shown) {
        let mut add: Vec<Cell<'_>> = Vec::new();
        let mut end = None;
        if let Some(rest) = cut.and_then(|c| zones.t3.get(c)) {
            if uncut && n + 1 == c {
                let at = rest.row.span.start;
                add.push(Cell {
                    text: "",
                    span: Span::new(at, at),
                    x: None,
                });
            }
            add.extend_from_slice(&rest.row.cells);
            end = Some(rest.row.span.end);
        }
        add.extend(row.iter().filter_map(|&i| cells.get(i).copied()));
        let label_before = zones
            .t3
            .get(k)
            .is_some_and(|r| labels_of(r).is_empty())
            .then(|| k.checked_sub(1))
            .flatten()
            .filter(|&b| {
                zones
                    .t3
                    .get(b)
                    .is_some_and(|r| r.from_text && values_of(r).is_empty())
            });
        let label = label_before
            .and_then(|b| zones.t3.get(b))
            .map(|r| r.row.clone());
        let Some(tr) = zones.t3.get_mut(k) else {
            continue;
        };
        if let Some(label) = label {
            let mut cells = label.cells;
            cells.append(&mut tr.row.cells);
            tr.row.cells = cells;
            tr.row.span = Span::new(label.span.start, tr.row.span.end);
        }
        tr.row.cells.extend(add);
        if let Some(end) = end {
            tr.row.span = Span::new(tr.row.span.start, end);
        }
    }
    // The label lines joined to their values' lines are gone, as the spill's lines.
    // So are the second lines of the rows cut in two.
    let joined: Vec<usize> = short
        .iter()
        .filter_map(|&(k, _)| {
            let first = zones.t3.get(k)?.row.cells.first()?.span;
            let b = k.checked_sub(1)?;
            let before = zones.t3.get(b)?;
            (before.row.cells.first()?.span == first).then_some(b)
        })
        .chain(short.iter().filter_map(|&(_, cut)| cut))
        .collect();
    let mut k = 0;
    zones.t3.retain(|_| {
        k += 1;
        !joined.contains(&(k - 1))
    });
    let mut k = 0;
    zones.t4.retain(|_| {
        k += 1;
        !run.contains(&(k - 1))
    });
    Some(Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{get, tidy};

    fn tokens(s: &str) -> Vec<Token> {
        s.split_whitespace().map(Token::of).collect()
    }

    /// Each value on a line of its own.
    fn apart(s: &str) -> Vec<bool> {
        vec![false; s.split_whitespace().count()]
    }

    /// The values of lines cut by `|`, and for each whether it is on the line of
    /// the one before.
    fn lines(s: &str) -> (Vec<Token>, Vec<bool>) {
        s.split('|')
            .flat_map(|l| {
                l.split_whitespace()
                    .enumerate()
                    .map(|(i, w)| (Token::of(w), i > 0))
            })
            .unzip()
    }

    fn values(t: &[Token], grid: Option<Vec<Vec<usize>>>) -> Vec<Vec<Token>> {
        grid.unwrap_or_default()
            .iter()
            .map(|r| r.iter().filter_map(|&i| t.get(i).copied()).collect())
            .collect()
    }

    #[test]
    fn the_one_grid_that_adds_up_is_read() {
        // The 2021 CMS page: rows' left-hand sums 1, 1, 5, 117, 10; four columns.
        let spill = "0 0 0 1 0 0 0 1 1 1 0 2 2 10 6 2 126 — 0 10";
        let t = tokens(spill);
        let grid = solve(&t, &apart(spill), &[1, 1, 5, 117, 10], 4);
        let want: Vec<Vec<Token>> = ["0 0 0 1", "0 0 0 1", "1 2 2 10", "1 6 2 126", "0 — 0 10"]
            .iter()
            .map(|r| tokens(r))
            .collect();
        assert_eq!(values(&t, grid), want);
    }

    #[test]
    fn values_on_one_line_are_one_rows_cells_side_by_side() {
        // Rows' left-hand sums 2, 2, 8, 143, 28: with each value on a line of its
        // own, the third row could read `2 0 2 12` as well as `0 2 2 12`; `2 12`
        // on one line, and `0 28`, leave only one.
        let spill = "0|0|0 2|0|0|0 2|0|0|0|2|7|0|2 12|5 155|0 28";
        let (t, beside) = lines(spill);
        let left = [2, 2, 8, 143, 28];
        assert_eq!(solve(&t, &vec![false; t.len()], &left, 4), None);
        let want: Vec<Vec<Token>> = ["0 0 0 2", "0 0 0 2", "0 2 2 12", "0 7 5 155", "0 0 0 28"]
            .iter()
            .map(|r| tokens(r))
            .collect();
        assert_eq!(values(&t, solve(&t, &beside, &left, 4)), want);
    }

    #[test]
    fn the_order_down_the_columns_is_tried() {
        // Row by row, 1 + 2 is no 2; down the columns, 1 | 3 and 2 | 3 add up.
        assert_eq!(
            solve(&tokens("1 2 3 3"), &apart("1 2 3 3"), &[2, 1], 2),
            Some(vec![vec![0, 2], vec![1, 3]])
        );
        assert_eq!(
            solve(&tokens("1 2 3 5"), &apart("1 2 3 5"), &[2, 3], 2),
            Some(vec![vec![0, 2], vec![1, 3]])
        );
    }

    /// Reading-order `pdftotext` of chromium's print of the 2021 CMS page.
    const PAGE: &str =
        include_str!("../../../tests/corpus/converted/forms/gen2021-cms-chromium-plain.txt");

    #[test]
    fn the_spill_of_the_cms_page_is_read() {
        let got = tidy(PAGE);
        for (key, want) in [
            ("t3.other.no_correction.public_interest", "0"),
            ("t3.other.no_correction.total", "1"),
            ("t3.other.other.legal_services", "2"),
            ("t3.other.other.total", "10"),
            ("t3.results_total.legal_services", "6"),
            ("t3.results_total.total", "126"),
            ("t3.carried_forward.legal_services", ""),
            ("t3.carried_forward.total", "10"),
        ] {
            assert_eq!(get(&got, key), Some(want), "{key}: {got:?}");
        }
        // Table 四 as before.
        assert_eq!(get(&got, "t4.review.total"), Some("5"));
    }

    #[test]
    fn a_short_row_cut_in_two_at_its_blank_is_joined() {
        // The last row's commercial cell left nothing, and its gap cut the line:
        // `10` / `0`. Its left-hand values still add up to 10, the spill is read,
        // and the other short rows' values stand on one line each: the empty cell
        // stood at the cut.
        let page = PAGE.replace("\n10 0 0\n", "\n10\n0\n");
        assert_ne!(page, PAGE);
        let got = tidy(&page);
        for (key, want) in [
            ("t3.other.no_correction.total", "1"),
            ("t3.results_total.total", "126"),
            ("t3.carried_forward.natural_person", "10"),
            ("t3.carried_forward.commercial", ""),
            ("t3.carried_forward.research", "0"),
            ("t3.carried_forward.public_interest", "0"),
            ("t3.carried_forward.legal_services", ""),
            ("t3.carried_forward.total", "10"),
        ] {
            assert_eq!(get(&got, key), Some(want), "{key}: {got:?}");
        }
        // Three rows of five short by one (of three values): not rows of three.
        let page = page
            .replace("\n116 1 0\n", "\n116 1\n")
            .replace("\n4 1 0\n", "\n4 1\n");
        let got = tidy(&page);
        assert_eq!(get(&got, "t3.carried_forward.total"), None, "{got:?}");
    }

    #[test]
    fn a_spill_that_does_not_add_up_or_is_short_is_left() {
        for page in [
            PAGE.replace("6 2 126", "6 2 127"),
            PAGE.replace("— 0 10", "0 10"),
        ] {
            let got = tidy(&page);
            for key in [
                "t3.other.no_correction.total",
                "t3.results_total.total",
                "t3.carried_forward.total",
            ] {
                assert_eq!(get(&got, key), None, "{key}: {got:?}");
            }
        }
    }

    #[test]
    fn two_grids_that_add_up_read_nothing() {
        // The second row reads `1 0 1` (its cells in the text's order) or `0 1 1`
        // (the third token set above the second row's first): both add up.
        assert!(solve(&tokens("0 0 0 1 0 1"), &apart("0 0 0 1 0 1"), &[0, 0], 3).is_none());
    }

    #[test]
    fn a_spill_that_adds_up_no_way_reads_nothing() {
        assert!(solve(&tokens("1 2 5 5"), &apart("1 2 5 5"), &[0, 0], 2).is_none());
        assert!(solve(&tokens("1 1 5"), &apart("1 1 5"), &[0, 0], 2).is_none());
    }
}
