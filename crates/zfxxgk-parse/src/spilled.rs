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
//! spill   = value-line+         ; lines of values alone, m × (7 − c) values in all,
//!                              ; or one less (a blank cell that left nothing)
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
//! of the six before (a blank as 0, a blank total where the rest add up to 0), and,
//! where the rows above the short ones are the template's first rows, each whole,
//! under T302 and T303 down the spill's columns ([`Down`]: the third column of
//! `0 2 2 13` and `2 0 2 13` adds up across, and only one of them down).
//!
//! Where the spill holds one value less than its cells and no short row shows one
//! value less, a blank cell of it left nothing ([`MAX_SPILL_GAPS`]): it stands where
//! a cell written would (after the cell to its left and the one above it), on no
//! line, and every place of it is tried too.
//!
//! Where every order that adds up gives a short row's part of the spill the same
//! values in the same order (a count, or a blank written; where a blank that left
//! nothing stands among them is the rows' reader's to tell, by the sums), the row
//! is joined to it; the cells (which of equal words) are then those
//! of the first such order, the rightmost column tried first (a row's cells kept
//! together as far as they can), and [`join`] says so for the pipeline's note; the
//! pipeline places them by position. Where the orders give a row other values in
//! some of its cells (a blank that left nothing in one of two rows of zeros, or in
//! one of two cells), the row is joined with the first order's values all the same,
//! and the words that order sets in those cells are taken back out of the table
//! once its rows are read, kept unplaced with a note: each cell read is one every
//! order gives the same value (a blank that left nothing in the first order's row is
//! the rows' reader's to place by the sums, as above). A row the orders disagree on
//! in every cell keeps its left-hand values where they stand, and its part of the
//! spill is kept as values no reader read: a wrong number is worse than a missing
//! one.

use zfxxgk_lex::{Cell, Span};
use zfxxgk_model::{Edition, Template, T3_COLUMNS};

use crate::labels::{best_t3_row, Folded};
use crate::ledger::parts;
use crate::rows::{TableRow, Zones};
use crate::split::T3_ROW;
use crate::vanished::{placements, Placement, Placements, Token};
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
    /// For each row, whether a grid found gave it other values than the first.
    differ: Vec<bool>,
    /// For each cell, whether a grid found gave it another value than the first (a
    /// blank that left nothing being no value of the text).
    cell_differ: Vec<Vec<bool>>,
    steps: usize,
    /// The sums down the spill's columns, where the rows above tell them.
    down: Option<&'a Down>,
    /// Cells still to be left empty: a blank cell that left nothing.
    gaps: usize,
    /// The cell just left empty: the next token goes below it or to its right (an
    /// empty cell is left as late as it can be, so each grid is found once).
    must: Option<(usize, usize)>,
}

/// A cell of the grid that holds no token of the spill: a blank cell that left
/// nothing, on no line of the text.
const VANISHED: usize = usize::MAX;

/// Most cells of a spill that may have left nothing.
const MAX_SPILL_GAPS: usize = 1;

/// The sums down the spill's columns that the rows above the short ones tell, where
/// they are the template's first rows, each whole (seven values that add up, or six
/// where a blank cell left nothing): for each column of the spill, the sums the rows
/// of results above may make (T302: with the short rows of results, the row
/// （七）总计) and those rows 一 and 二 may make (T303: （七）总计 and 四、结转
/// together). A row that lost a cell may hold another count in a column by each
/// placement its sum keeps: each is a possible sum, column by column (more than the
/// rows' placements together allow, so a grid is never dropped that some choice of
/// them keeps); `None` past [`MAX_SUMS`] of them. The short rows are the template's
/// last, so their last two are （七）总计 and 四、结转.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Down {
    results_above: Vec<Option<Vec<u64>>>,
    received: Vec<Option<Vec<u64>>>,
}

/// Most sums a column of [`Down`] may make before it is not asked.
const MAX_SUMS: usize = 64;

/// The [`Down`] of the rows of zone 三 before the short ones (`before`: the zone's
/// rows with values, in order), for a spill of `width` columns after `c` shown:
/// only where each is a whole row, and they are as many as the template's rows
/// before the `m` short ones in exactly one edition.
fn down_of(
    t3: &[TableRow<'_>],
    before: &[usize],
    m: usize,
    c: usize,
    width: usize,
) -> Option<Down> {
    let editions = Edition::ALL
        .iter()
        .filter(|&&e| Template::of(e).t3_rows.len() == before.len() + m)
        .count();
    if editions != 1 || before.len() < 2 {
        return None;
    }
    // For each row, for each column of the spill, the counts its placements give.
    let mut rows: Vec<Vec<Vec<u64>>> = Vec::with_capacity(before.len());
    for &k in before {
        let values = values_of(t3.get(k)?);
        if !whole(values) {
            return None;
        }
        let tokens: Vec<Token> = values.iter().map(|v| Token::of(v.text)).collect();
        let Placements::Found(found) = placements(&tokens, &T3_ROW) else {
            return None;
        };
        let at = |p: &Placement, col: usize| match p.get(col) {
            Some(Some(i)) => tokens.get(*i).and_then(|t| t.count()),
            Some(None) => Some(0),
            None => None,
        };
        let mut row = Vec::with_capacity(width);
        for j in 0..width {
            let mut counts: Vec<u64> = found.iter().map(|p| at(p, c + j)).collect::<Option<_>>()?;
            counts.sort_unstable();
            counts.dedup();
            row.push(counts);
        }
        rows.push(row);
    }
    let column = |rows: &[Vec<Vec<u64>>], j: usize| -> Option<Vec<u64>> {
        let mut sums = vec![0u64];
        for r in rows {
            let counts = r.get(j)?;
            let mut next: Vec<u64> = sums
                .iter()
                .flat_map(|s| counts.iter().map(move |n| s.saturating_add(*n)))
                .collect();
            next.sort_unstable();
            next.dedup();
            if next.len() > MAX_SUMS {
                return None;
            }
            sums = next;
        }
        Some(sums)
    };
    let (received, results) = rows.split_at(2);
    Some(Down {
        results_above: (0..width).map(|j| column(results, j)).collect(),
        received: (0..width).map(|j| column(received, j)).collect(),
    })
}

impl Search<'_> {
    /// The token a cell holds: a token of the spill, or a blank for [`VANISHED`].
    fn token(&self, i: usize) -> Option<Token> {
        if i == VANISHED {
            return Some(Token::Blank);
        }
        self.tokens.get(i).copied()
    }

    /// Whether row `r`, all placed, adds up.
    fn adds_up(&self, r: usize) -> bool {
        let Some(row) = self.grid.get(r) else {
            return false;
        };
        let cells: Option<Vec<Token>> = row.iter().map(|c| c.and_then(|i| self.token(i))).collect();
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

    /// Whether the grid, all placed, keeps the sums down its columns ([`Down`]): the
    /// short rows of results and those above add up to （七）总计, and rows 一 and 二 to
    /// （七）总计 and 四、结转 (a blank as 0). A sum holding a value that is no count is
    /// not asked; with no [`Down`], nothing is.
    fn down_holds(&self) -> bool {
        let Some(down) = self.down else { return true };
        let rows = self.grid.len();
        let (Some(results), Some(forward)) = (rows.checked_sub(2), rows.checked_sub(1)) else {
            return true;
        };
        let count = |r: usize, j: usize| -> Option<u64> {
            let i = (*self.grid.get(r)?.get(j)?)?;
            self.token(i)?.count()
        };
        (0..self.width).all(|j| {
            let shown: Option<u64> = (0..results).map(|r| count(r, j)).sum();
            let t302 = match (shown, down.results_above.get(j), count(results, j)) {
                (Some(s), Some(Some(a)), Some(t)) => a.iter().any(|a| s + a == t),
                _ => true,
            };
            let t303 = match (down.received.get(j), count(results, j), count(forward, j)) {
                (Some(Some(r)), Some(t), Some(f)) => r.contains(&(t + f)),
                _ => true,
            };
            t302 && t303
        })
    }

    /// Whether the cell left of row `r`'s cell in column `c` is placed (or there is
    /// none): a cell is written after the one to its left.
    fn left_placed(&self, r: usize, c: usize) -> bool {
        c == 0
            || self
                .grid
                .get(r)
                .and_then(|row| row.get(c - 1))
                .is_some_and(Option::is_some)
    }

    /// Whether row `r` has a cell in column `c`, not yet placed.
    fn free(&self, r: usize, c: usize) -> bool {
        self.grid
            .get(r)
            .and_then(|row| row.get(c))
            .is_some_and(Option::is_none)
    }

    /// Puts `what` (a token, or [`VANISHED`]) in row `r`'s cell of column `c`, or
    /// takes the cell's back out (`None`), keeping the count of the column's cells
    /// placed.
    fn put(&mut self, r: usize, c: usize, what: Option<usize>) {
        if let Some(slot) = self.grid.get_mut(r).and_then(|row| row.get_mut(c)) {
            *slot = what;
        }
        if let Some(f) = self.filled.get_mut(c) {
            *f = if what.is_some() { *f + 1 } else { *f - 1 };
        }
    }

    /// Leaves the next cell of column `c` empty (a blank that left nothing) and
    /// places token `k` and those after it; false when the search is cut off.
    fn vanish(&mut self, k: usize, c: usize) -> bool {
        let r = self.filled.get(c).copied().unwrap_or(usize::MAX);
        if !self.left_placed(r, c) || !self.free(r, c) {
            return true;
        }
        self.put(r, c, Some(VANISHED));
        self.gaps -= 1;
        self.must = Some((r, c));
        let fits = c + 1 < self.width || self.adds_up(r);
        let went = !fits || self.go(k);
        self.must = None;
        self.gaps += 1;
        self.put(r, c, None);
        went
    }

    /// Places token `k` and those after it; false when the search is cut off.
    fn go(&mut self, k: usize) -> bool {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return false;
        }
        // A blank cell that left nothing stands where the next cell of a column
        // would, as a cell written would: after the cell to its left.
        if self.gaps > 0 {
            for c in 0..self.width {
                if !self.vanish(k, c) {
                    return false;
                }
            }
        }
        if k == self.tokens.len() {
            let full = self.grid.iter().flatten().all(Option::is_some);
            if !full || !self.down_holds() {
                return true;
            }
            let grid: Vec<Vec<usize>> = self
                .grid
                .iter()
                .map(|r| r.iter().map(|c| c.unwrap_or(VANISHED)).collect())
                .collect();
            match &self.first {
                None => self.first = Some(grid),
                Some(f) => {
                    // Grids agree where each row shows the same values in the same
                    // order; where a blank that left nothing stands in it is the
                    // rows' reader's to tell, by the sums down the columns.
                    let shown = |row: &Vec<usize>| -> Vec<Option<Token>> {
                        row.iter()
                            .filter(|&&i| i != VANISHED)
                            .map(|&i| self.token(i))
                            .collect()
                    };
                    let other: Vec<bool> = f
                        .iter()
                        .zip(&grid)
                        .map(|(a, b)| shown(a) != shown(b))
                        .collect();
                    for (d, o) in self.differ.iter_mut().zip(other) {
                        *d |= o;
                    }
                    let tokens = self.tokens;
                    let value = |i: usize| (i != VANISHED).then(|| tokens.get(i).copied());
                    for ((d, a), b) in self.cell_differ.iter_mut().zip(f).zip(&grid) {
                        for ((d, &x), &y) in d.iter_mut().zip(a).zip(b) {
                            *d |= value(x) != value(y);
                        }
                    }
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
            if self
                .must
                .is_some_and(|(mr, mc)| (r, c) != (mr + 1, mc) && (r, c) != (mr, mc + 1))
            {
                continue;
            }
            if !self.left_placed(r, c) || !self.free(r, c) {
                continue;
            }
            self.put(r, c, Some(k));
            let fits = c + 1 < self.width || self.adds_up(r);
            self.at.push((r, c));
            let must = self.must.take();
            let went = !fits || self.go(k + 1);
            self.must = must;
            self.at.pop();
            self.put(r, c, None);
            if !went {
                return false;
            }
        }
        true
    }
}

/// A short row's part of the spill as the orders that add up read it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SpillRow {
    /// The cells of the first order found, as token indices ([`VANISHED`] for a blank
    /// that left nothing).
    cells: Vec<usize>,
    /// The columns the orders give other values (none where they give the row the
    /// same values in the same order).
    open: Vec<usize>,
}

/// The rows of values the spill's orders that add up give, row by row: each where
/// the orders give it the same values in the same order, else with the columns they
/// disagree on open (`None` where they disagree on every column); `None` where none
/// adds up or the search is cut off.
fn solve(
    tokens: &[Token],
    beside: &[bool],
    left: &[u64],
    width: usize,
    down: Option<&Down>,
    gaps: usize,
) -> Option<Vec<Option<SpillRow>>> {
    let cells = left.len() * width;
    if width == 0 || tokens.len() > cells || tokens.len() + gaps < cells {
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
        differ: vec![false; left.len()],
        cell_differ: vec![vec![false; width]; left.len()],
        steps: 0,
        down,
        gaps: cells - tokens.len(),
        must: None,
    };
    if !s.go(0) {
        return None;
    }
    let first = s.first?;
    Some(
        first
            .into_iter()
            .zip(&s.differ)
            .zip(&s.cell_differ)
            .map(|((cells, &d), cell_differ)| {
                let open: Vec<usize> = if d {
                    (0..width)
                        .filter(|&c| cell_differ.get(c).copied().unwrap_or(true))
                        .collect()
                } else {
                    Vec::new()
                };
                (open.len() < width).then_some(SpillRow { cells, open })
            })
            .collect(),
    )
}

/// A spill joined to its short rows: where it stands, and the cells of it the orders
/// that add up disagree on, which the rows read with them must not keep.
#[derive(Debug)]
pub(crate) struct Joined<'i> {
    /// The spill's span.
    pub span: Span,
    /// The spill's words that stand in a row's cell the orders give other values.
    pub open: Vec<Cell<'i>>,
}

/// Joins the spill of zone 四 to the short rows of zone 三, as the module says; the
/// span of the spill where it did, and its cells left open.
pub(crate) fn join<'i>(zones: &mut Zones<'i>) -> Option<Joined<'i>> {
    if zones.t3.iter().chain(&zones.t4).any(|r| r.padded) {
        return None;
    }
    let (short, c) = short_rows(&zones.t3)?;
    let run = spill(&zones.t4)?;
    let width = T3_COLUMNS.len() - c;
    let cells: Vec<Cell<'i>> = run
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
    let down = short.first().and_then(|&(first, _)| {
        let before: Vec<usize> = (0..first)
            .filter(|&k| zones.t3.get(k).is_some_and(|r| !values_of(r).is_empty()))
            .collect();
        down_of(&zones.t3, &before, short.len(), c, width)
    });
    // A blank cell of the spill that left nothing, where no short row shows one
    // value less: a row may not lose two cells so.
    let shown: Vec<usize> = short
        .iter()
        .map(|&u| short_values(&zones.t3, u).count())
        .collect();
    let gaps = if shown.iter().all(|&n| n == c) {
        MAX_SPILL_GAPS
    } else {
        0
    };
    let grid = solve(&tokens, &beside, &left?, width, down.as_ref(), gaps)?;
    if grid.iter().all(Option::is_none) {
        return None;
    }
    let start = cells.iter().map(|c| c.span.start).min()?;
    let end = cells.iter().map(|c| c.span.end).max()?;
    // Where no short row showing its `c` values was cut in two, a row cut in two
    // was cut at its empty cell's gap: the cell stands there.
    let uncut = !short
        .iter()
        .zip(&shown)
        .any(|(u, &n)| u.1.is_some() && n == c);
    let mut open = Vec::new();
    for ((&(k, cut), row), &n) in short.iter().zip(&grid).zip(&shown) {
        // A row the orders leave open keeps its values where they stand, unread.
        let Some(SpillRow {
            cells: row,
            open: columns,
        }) = row
        else {
            continue;
        };
        open.extend(
            columns
                .iter()
                .filter_map(|&c| row.get(c))
                .filter_map(|&i| cells.get(i).copied()),
        );
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
        .chain(
            short
                .iter()
                .zip(&grid)
                .filter(|(_, row)| row.is_some())
                .filter_map(|(&(_, cut), _)| cut),
        )
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
    Some(Joined {
        span: Span::new(start, end),
        open,
    })
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

    /// The values of the rows of a grid that every order agrees on; nothing where a
    /// row is left open.
    /// The values of each row the orders agree on whole; none where a row is not so.
    fn values(t: &[Token], grid: Option<Vec<Option<SpillRow>>>) -> Vec<Vec<Token>> {
        let rows: Option<Vec<Vec<usize>>> = grid
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.filter(|r| r.open.is_empty()).map(|r| r.cells))
            .collect();
        rows.unwrap_or_default()
            .iter()
            .map(|r| r.iter().filter_map(|&i| t.get(i).copied()).collect())
            .collect()
    }

    /// Whether the orders agree on each row whole.
    fn whole(rows: &[Option<SpillRow>]) -> Vec<bool> {
        rows.iter()
            .map(|r| r.as_ref().is_some_and(|r| r.open.is_empty()))
            .collect()
    }

    /// Each row as given, its cells the first order's.
    fn given(cells: Vec<usize>, open: Vec<usize>) -> Option<SpillRow> {
        Some(SpillRow { cells, open })
    }

    #[test]
    fn the_one_grid_that_adds_up_is_read() {
        // The 2021 CMS page: rows' left-hand sums 1, 1, 5, 117, 10; four columns.
        let spill = "0 0 0 1 0 0 0 1 1 1 0 2 2 10 6 2 126 — 0 10";
        let t = tokens(spill);
        let grid = solve(&t, &apart(spill), &[1, 1, 5, 117, 10], 4, None, 0);
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
        let open = solve(&t, &vec![false; t.len()], &left, 4, None, 0).unwrap_or_default();
        let read = whole(&open);
        assert_eq!(read, [true, true, false, true, true]);
        let want: Vec<Vec<Token>> = ["0 0 0 2", "0 0 0 2", "0 2 2 12", "0 7 5 155", "0 0 0 28"]
            .iter()
            .map(|r| tokens(r))
            .collect();
        assert_eq!(values(&t, solve(&t, &beside, &left, 4, None, 0)), want);
    }

    #[test]
    fn the_sums_down_the_columns_tell_two_grids_apart() {
        // chromium's 2023 cms page: the third row reads `2 0 2 13` or, its first
        // value set above the second row's second, `0 2 2 13`; both add up across.
        // Down the columns, the rows of results above hold 3 in the first column and
        // 0 in the second, and （七）总计 holds 5 and 0: only the first is left.
        let spill = "0|0|0 0|0|0|0 0|2|5|0|0|0|0|2 13|2 186|/ 10";
        let (t, beside) = lines(spill);
        let left = [0, 0, 9, 179, 10];
        let open = solve(&t, &beside, &left, 4, None, 0).unwrap_or_default();
        let read = whole(&open);
        assert_eq!(read, [true, true, false, false, true]);
        let sums = |v: [u64; 4]| v.iter().map(|&n| Some(vec![n])).collect::<Vec<_>>();
        let down = Down {
            results_above: sums([3, 0, 0, 173]),
            received: sums([5, 0, 2, 196]),
        };
        let want: Vec<Vec<Token>> = ["0 0 0 0", "0 0 0 0", "2 0 2 13", "5 0 2 186", "0 0 / 10"]
            .iter()
            .map(|r| tokens(r))
            .collect();
        assert_eq!(
            values(&t, solve(&t, &beside, &left, 4, Some(&down), 0)),
            want
        );
        // A row above that lost a cell may hold 3 or 5 in the first column: the
        // second column still tells; where it is not known either, both grids stay.
        let mut open = down.clone();
        open.results_above[0] = Some(vec![3, 5]);
        assert_eq!(
            values(&t, solve(&t, &beside, &left, 4, Some(&open), 0)),
            want
        );
        open.results_above[1] = None;
        let got = solve(&t, &beside, &left, 4, Some(&open), 0).unwrap_or_default();
        assert_eq!(whole(&got).get(2), Some(&false), "{got:?}");
    }

    #[test]
    fn a_blank_of_the_spill_that_left_nothing_leaves_open_only_the_cells_it_may_be_in() {
        // chromium's 2022 cms page: nineteen values for five rows of four; the
        // second row's second cell left nothing. Which of the first two rows (both
        // `0 0 0 1`) lost it, and in which of its first two cells, cannot be told:
        // those cells stay open (a 0 or a blank), the others are read.
        let spill = "0|0|0 1|0|0 1|2|5|0|2 2 13|5 4 191|0 — 31";
        let (t, beside) = lines(spill);
        let left = [1, 1, 7, 177, 31];
        assert_eq!(solve(&t, &beside, &left, 4, None, 0), None);
        let sums = |v: [&[u64]; 4]| v.iter().map(|n| Some(n.to_vec())).collect::<Vec<_>>();
        let down = Down {
            results_above: sums([&[2, 3], &[2, 3], &[2], &[176]]),
            received: sums([&[5], &[5], &[4], &[222]]),
        };
        let got = solve(&t, &beside, &left, 4, Some(&down), 1).unwrap_or_default();
        let open: Vec<Option<Vec<usize>>> = got
            .iter()
            .map(|r| r.as_ref().map(|r| r.open.clone()))
            .collect();
        assert_eq!(
            open,
            [
                Some(vec![0, 1]),
                Some(vec![0, 1]),
                Some(vec![]),
                Some(vec![]),
                Some(vec![])
            ]
        );
        // The cells read: each row's, its open ones left out.
        let rows: Vec<Vec<Token>> = got
            .iter()
            .flatten()
            .map(|r| {
                r.cells
                    .iter()
                    .enumerate()
                    .filter(|(c, _)| !r.open.contains(c))
                    .filter_map(|(_, &i)| t.get(i).copied())
                    .collect()
            })
            .collect();
        let want: Vec<Vec<Token>> = ["0 1", "0 1", "2 2 2 13", "5 5 4 191", "0 0 — 31"]
            .iter()
            .map(|r| tokens(r))
            .collect();
        assert_eq!(rows, want);
    }

    #[test]
    fn the_order_down_the_columns_is_tried() {
        // Row by row, 1 + 2 is no 2; down the columns, 1 | 3 and 2 | 3 add up.
        assert_eq!(
            solve(&tokens("1 2 3 3"), &apart("1 2 3 3"), &[2, 1], 2, None, 0),
            Some(vec![given(vec![0, 2], vec![]), given(vec![1, 3], vec![])])
        );
        assert_eq!(
            solve(&tokens("1 2 3 5"), &apart("1 2 3 5"), &[2, 3], 2, None, 0),
            Some(vec![given(vec![0, 2], vec![]), given(vec![1, 3], vec![])])
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
    fn a_spill_short_of_one_value_is_read_where_the_orders_agree() {
        // The last row's `—` left nothing: the rows read as before, and of the last
        // its first and last cells; where among its zeros the blank stood is not
        // told.
        let got = tidy(&PAGE.replace("— 0 10", "0 10"));
        for (key, want) in [
            ("t3.other.no_correction.total", Some("1")),
            ("t3.results_total.legal_services", Some("6")),
            ("t3.results_total.total", Some("126")),
            ("t3.carried_forward.natural_person", Some("10")),
            ("t3.carried_forward.legal_services", None),
            ("t3.carried_forward.total", Some("10")),
        ] {
            assert_eq!(get(&got, key), want, "{key}: {got:?}");
        }
    }

    #[test]
    fn a_blank_of_the_spill_in_one_of_two_rows_of_zeros_leaves_open_only_its_cells() {
        // The second short row's second cell left nothing (`0` / `0 1` for `0` / `0` /
        // `0 1`): whether it was that row's or the first's (both `0 0 0 1`), and
        // which of their first two cells, is not told. Those cells are left unread
        // with a note, the rest of the two rows and the other rows are read.
        let page = PAGE.replacen("0 1\n\n0\n\n0\n\n0 1\n\n1\n1", "0 1\n\n0\n\n0 1\n\n1\n1", 1);
        assert_ne!(page, PAGE);
        let report = crate::parse(&page);
        let got = report
            .tidy()
            .map(|(k, v)| (k.as_str().to_string(), v))
            .collect::<Vec<_>>();
        for (key, want) in [
            ("t3.other.no_correction.natural_person", Some("1")),
            ("t3.other.no_correction.public_interest", None),
            ("t3.other.no_correction.legal_services", None),
            ("t3.other.no_correction.total", Some("1")),
            ("t3.other.no_fee.natural_person", Some("1")),
            ("t3.other.no_fee.public_interest", None),
            ("t3.other.no_fee.legal_services", None),
            ("t3.other.no_fee.other_org", Some("0")),
            ("t3.other.no_fee.total", Some("1")),
            ("t3.other.other.total", Some("10")),
            ("t3.results_total.total", Some("126")),
            ("t3.carried_forward.total", Some("10")),
        ] {
            assert_eq!(get(&got, key), want, "{key}: {got:?}");
        }
        assert!(report
            .notes
            .iter()
            .any(|n| n.message.en.contains("more than one order adds up")));
    }

    #[test]
    fn a_spill_that_does_not_add_up_or_is_short_is_left() {
        for page in [
            PAGE.replace("6 2 126", "6 2 127"),
            PAGE.replace("— 0 10", "10"),
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
    fn two_grids_that_add_up_leave_open_the_cells_they_differ_in() {
        // The second row reads `1 0 1` (its cells in the text's order) or `0 1 1`
        // (the third token set above the second row's first): both add up; the
        // first row is `0 0 0` either way, and so is the second row's last cell.
        let t = tokens("0 0 0 1 0 1");
        let got = solve(&t, &apart("0 0 0 1 0 1"), &[0, 0], 3, None, 0).unwrap_or_default();
        assert_eq!(whole(&got), [true, false], "{got:?}");
        let second = got.get(1).cloned().flatten();
        assert_eq!(second.map(|r| r.open), Some(vec![0, 1]), "{got:?}");
        // Orders that disagree on every cell of a row leave it whole open.
        let t = tokens("0 1 1 0");
        let got = solve(&t, &apart("0 1 1 0"), &[0, 0], 2, None, 0).unwrap_or_default();
        assert!(got.iter().all(Option::is_none), "{got:?}");
    }

    #[test]
    fn a_spill_that_adds_up_no_way_reads_nothing() {
        assert!(solve(&tokens("1 2 5 5"), &apart("1 2 5 5"), &[0, 0], 2, None, 0).is_none());
        assert!(solve(&tokens("1 1 5"), &apart("1 1 5"), &[0, 0], 2, None, 0).is_none());
    }
}
