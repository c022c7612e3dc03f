//! Splitting a run of digits whose cells ran together (`801000081`, a crawler's text of
//! a table row with the tags stripped and nothing put between the cells) into the
//! cells of a row of the template, by the template's sums.
//!
//! # Grammar
//!
//! ```text
//! row   = group+                       ; the groups of the row's shape, in order
//! group = cell{n}                      ; free: any n cells
//!       | cell{n-1} sum                ; summed: the last is the sum of the others
//! cell  = "0" | [1-9] [0-9]{0,8}       ; no leading zero, at most MAX_CELL_DIGITS digits
//! sum   = the decimal digits of the group's other cells added up (a cell too)
//! ```
//!
//! A row of table 三 is one summed group of seven (six columns and 总计); table 四's
//! fifteen values are three summed groups of five; a row of table 二 is one free group.
//!
//! # Algorithm
//!
//! A depth-first search from the left: each cell that is not a sum tries every length
//! the grammar allows; a sum cell is not searched but computed, and must stand next in
//! the digits. A branch is cut when the digits left cannot hold the cells left (one
//! digit each at least, [`MAX_CELL_DIGITS`] at most), counting for a summed group the
//! digits of what its cells add up to so far, which its sum cell will need at least.
//! The search counts its steps and gives up past [`MAX_STEPS`], and stops collecting
//! past [`MAX_CANDIDATES`] splits: a row of sixty digits is answered at once.
//!
//! Every split that fits is found, never one picked among several: the caller places a
//! row only when exactly one fits (or when other sums, across rows, leave one).
//!
//! # Blank cells
//!
//! A blank cell leaves no digit, so a row with one can still split one way, a wrong
//! one: `10`, `12`, blank, `0`, `0`, `0`, `22` runs together as `101200022`, whose only
//! split into seven cells is `1|0|1|20|0|0|22`. [`blank_splits`] runs the same search
//! with each cell allowed to be blank (no digits, counted as 0 in its group's sum) and
//! keeps the splits with at least one blank: a row that has any is not decided by its
//! own digits, whatever [`splits`] finds. A blank cell costs the search one more length
//! to try per cell, and the same bounds hold.

/// Most digits a cell may hold: a count of a billion or more is no count of these
/// tables, and a longer run is no row of cells.
pub(crate) const MAX_CELL_DIGITS: usize = 9;

/// Most splits collected: past this many the row is [`Splits::TooMany`].
pub(crate) const MAX_CANDIDATES: usize = 16;

/// Most search steps (cells tried) for one row before the search gives up.
pub(crate) const MAX_STEPS: usize = 200_000;

/// A row of table 三: one summed group of seven (six columns and 总计).
pub(crate) const T3_ROW: [Group; 1] = [Group {
    cells: 7,
    summed: true,
}];

/// Table 四's fifteen values: three summed groups of five.
pub(crate) const T4_ROW: [Group; 3] = [Group {
    cells: 5,
    summed: true,
}; 3];

/// A group of a row's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Group {
    /// How many cells.
    pub cells: usize,
    /// Whether the last cell is the sum of the others.
    pub summed: bool,
}

/// What the search found for a run of digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Splits {
    /// Every split that fits (none, one or several, at most [`MAX_CANDIDATES`]), each as
    /// the number of digits of each cell, left to right.
    Found(Vec<Vec<usize>>),
    /// More than [`MAX_CANDIDATES`] splits fit: the first [`MAX_CANDIDATES`].
    TooMany(Vec<Vec<usize>>),
    /// The search took more than [`MAX_STEPS`] steps and was given up.
    GaveUp,
}

/// Every split of `digits` (one value 0–9 per digit) into cells of the row `shape`,
/// a cell ending at each of `cuts` (digit indices: a cell boundary stands before digit
/// `c`; no cell runs across one). A space the crawler kept between two cells' digits
/// (`230 000023`) is such a cut: a number holds no space.
pub(crate) fn splits(digits: &[u8], shape: &[Group], cuts: &[usize]) -> Splits {
    splits_within(digits, shape, false, MAX_STEPS, cuts).0
}

/// Every split of `digits` into cells of the row `shape` in which one cell or more is
/// blank (a length of 0, counted as 0 in its group's sum): the readings a row has if
/// blank cells vanished from it. None of them is among what [`splits`] finds. A cell
/// ends at each of `cuts`, as there.
pub(crate) fn blank_splits(digits: &[u8], shape: &[Group], cuts: &[usize]) -> Splits {
    splits_within(digits, shape, true, MAX_STEPS, cuts).0
}

/// [`splits`] (or with `blanks`, [`blank_splits`]) with a step budget of its own; and
/// the steps the search took.
fn splits_within(
    digits: &[u8],
    shape: &[Group],
    blanks: bool,
    max_steps: usize,
    cuts: &[usize],
) -> (Splits, usize) {
    let cells: usize = shape.iter().map(|g| g.cells).sum();
    if cells == 0 || digits.iter().any(|&d| d > 9) || shape.iter().any(|g| g.cells == 0) {
        return (Splits::Found(Vec::new()), 0);
    }
    // Blank cells hold no digit, but one cell at least is not blank: else no run.
    let fewest = if blanks { 1 } else { cells };
    if digits.len() < fewest || digits.len() > cells * MAX_CELL_DIGITS {
        return (Splits::Found(Vec::new()), 0);
    }
    let mut search = Search {
        digits,
        shape,
        blanks,
        steps: 0,
        max_steps,
        lengths: Vec::with_capacity(cells),
        found: Vec::new(),
        stop: None,
        cuts,
    };
    search.group(0, 0);
    let steps = search.steps;
    match search.stop {
        Some(stop) => (stop, steps),
        None => (Splits::Found(search.found), steps),
    }
}

/// The state of one search.
struct Search<'a> {
    digits: &'a [u8],
    shape: &'a [Group],
    /// Whether a cell may be blank (and a split is kept only if one is).
    blanks: bool,
    steps: usize,
    max_steps: usize,
    /// The lengths of the cells chosen so far.
    lengths: Vec<usize>,
    found: Vec<Vec<usize>>,
    /// Why the search stopped early, if it did.
    stop: Option<Splits>,
    /// Digit indices a cell boundary stands before: no cell runs across one.
    cuts: &'a [usize],
}

impl Search<'_> {
    /// Whether a cell of `len` digits at `pos` would run across a cut.
    fn crosses(&self, pos: usize, len: usize) -> bool {
        self.cuts.iter().any(|&c| pos < c && c < pos + len)
    }

    /// Cells left from group `g` on (that group whole).
    fn cells_from(&self, g: usize) -> usize {
        self.shape.iter().skip(g).map(|g| g.cells).sum()
    }

    /// Splits the digits from `pos` into the groups from `g` on.
    fn group(&mut self, g: usize, pos: usize) {
        if self.stop.is_some() {
            return;
        }
        let Some(&group) = self.shape.get(g) else {
            let has_blank = self.lengths.contains(&0);
            if pos == self.digits.len() && has_blank == self.blanks {
                if self.found.len() == MAX_CANDIDATES {
                    self.stop = Some(Splits::TooMany(std::mem::take(&mut self.found)));
                } else {
                    self.found.push(self.lengths.clone());
                }
            }
            return;
        };
        self.cell(g, group, 0, 0, pos);
    }

    /// Chooses cell `k` of group `g` at `pos`, the group's cells before it adding up
    /// to `sum`.
    fn cell(&mut self, g: usize, group: Group, k: usize, sum: u64, pos: usize) {
        if self.stop.is_some() {
            return;
        }
        self.steps += 1;
        if self.steps > self.max_steps {
            self.stop = Some(Splits::GaveUp);
            return;
        }
        let rest = self.digits.len() - pos;
        let after = self.cells_from(g + 1);
        if k == group.cells {
            self.group(g + 1, pos);
            return;
        }
        if group.summed && k + 1 == group.cells {
            if self.blanks && sum == 0 {
                // A blank total of cells that are all 0 or blank.
                self.lengths.push(0);
                self.group(g + 1, pos);
                self.lengths.pop();
                if self.stop.is_some() {
                    return;
                }
            }
            let len = decimal_len(sum);
            if len <= MAX_CELL_DIGITS
                && !self.crosses(pos, len)
                && self
                    .digits
                    .get(pos..pos + len)
                    .is_some_and(|part| value_of(part) == sum)
            {
                self.lengths.push(len);
                self.group(g + 1, pos + len);
                self.lengths.pop();
            }
            return;
        }
        // Cells still to place after this one, in this group and the groups after.
        let left_here = group.cells - k - 1;
        // A cell holds one digit at least, or with `blanks` none.
        let least = usize::from(!self.blanks);
        for len in least..=MAX_CELL_DIGITS.min(rest) {
            let Some(part) = self.digits.get(pos..pos + len) else {
                break;
            };
            // A leading zero, or a cut inside: no longer cell can be one either.
            if len > 1 && part.first() == Some(&0) || self.crosses(pos, len) {
                break;
            }
            let value = value_of(part);
            let next = pos + len;
            let remaining = self.digits.len() - next;
            let total = sum + value;
            // The digits left must hold the cells left: at least one each (none with
            // `blanks`), and a sum cell at least as long as what its group adds up to
            // so far (a blank one only while that is 0).
            let min_sum = match (group.summed, self.blanks) {
                (true, true) if total == 0 => 0,
                (true, _) => decimal_len(total),
                (false, _) => least,
            };
            let min_left = if group.summed {
                (left_here - 1) * least + min_sum + after * least
            } else {
                (left_here + after) * least
            };
            let max_left = (left_here + after) * MAX_CELL_DIGITS;
            if remaining < min_left || min_sum > MAX_CELL_DIGITS {
                break;
            }
            if remaining > max_left {
                continue;
            }
            self.lengths.push(len);
            self.cell(g, group, k + 1, total, next);
            self.lengths.pop();
            if self.stop.is_some() {
                return;
            }
        }
    }
}

/// How many decimal digits `n` is written with (1 for 0). The search runs this at
/// every step, so it allocates nothing.
fn decimal_len(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |l| l as usize + 1)
}

/// The number the digits of `part` (one value 0–9 each) write. At most
/// [`MAX_CELL_DIGITS`] digits reach it, so it cannot overflow.
fn value_of(part: &[u8]) -> u64 {
    part.iter().fold(0u64, |v, &d| v * 10 + u64::from(d))
}

/// The cells of `digits` cut at `lengths`, as numbers.
pub(crate) fn values(digits: &[u8], lengths: &[usize]) -> Vec<u64> {
    let mut pos = 0;
    lengths
        .iter()
        .map(|&len| {
            let part = digits.get(pos..pos + len).unwrap_or_default();
            pos += len;
            value_of(part)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<u8> {
        s.bytes().map(|b| b - b'0').collect()
    }

    fn cut(s: &str, lengths: &[usize]) -> Vec<String> {
        let mut pos = 0;
        lengths
            .iter()
            .map(|&l| {
                let part = s[pos..pos + l].to_string();
                pos += l;
                part
            })
            .collect()
    }

    const ROW3: [Group; 1] = T3_ROW;
    const T4: [Group; 3] = T4_ROW;

    fn found(s: &str, shape: &[Group]) -> Vec<Vec<String>> {
        match splits(&digits(s), shape, &[]) {
            Splits::Found(f) => f.iter().map(|l| cut(s, l)).collect(),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn rows_of_table_three_split_by_their_total() {
        // pingtan-2023-crawler: 一、本年新收政府信息公开申请数量801000081
        assert_eq!(
            found("801000081", &ROW3),
            [["80", "1", "0", "0", "0", "0", "81"]]
        );
        assert_eq!(found("0000000", &ROW3), [["0"; 7]]);
        assert_eq!(
            found("15130000154", &ROW3),
            [["151", "3", "0", "0", "0", "0", "154"]]
        );
        // Two splits fit: both are given, none picked.
        assert_eq!(
            found("220000022", &ROW3),
            [
                ["2", "20", "0", "0", "0", "0", "22"],
                ["22", "0", "0", "0", "0", "0", "22"]
            ]
        );
        // The total is not the sum: nothing fits.
        assert!(found("3000004", &ROW3).is_empty());
    }

    #[test]
    fn table_four_splits_as_three_groups() {
        assert_eq!(
            found("25380363300630003", &T4),
            [["25", "3", "8", "0", "36", "3", "3", "0", "0", "6", "3", "0", "0", "0", "3"]]
        );
    }

    #[test]
    fn free_rows_split_only_by_the_number_grammar() {
        let free3 = [Group {
            cells: 3,
            summed: false,
        }];
        assert_eq!(found("000", &free3), [["0", "0", "0"]]);
        assert_eq!(found("1000", &free3), [["10", "0", "0"]]);
        // pingtan-2025-crawler: 行政规范性文件5845546
        assert_eq!(found("5845546", &free3).len(), 15);
        assert!(found("00", &free3).is_empty());
    }

    #[test]
    fn too_many_splits_are_not_listed() {
        let free3 = [Group {
            cells: 3,
            summed: false,
        }];
        // pingtan-2023-crawler: 行政规范性文件77132470 (21 splits)
        match splits(&digits("77132470"), &free3, &[]) {
            Splits::TooMany(first) => {
                assert_eq!(first.len(), MAX_CANDIDATES);
                assert_eq!(cut("77132470", &first[0]), ["7", "7", "132470"]);
            }
            other => panic!("{other:?}"),
        }
    }

    /// See issue 17: a row of sixty digits is answered without exploring every split,
    /// and no row costs more than the budget, blank cells tried or not (with blank
    /// cells a long row may be given up: it is then left unplaced).
    #[test]
    fn long_rows_are_bounded() {
        let ones = "1".repeat(64);
        let twelves = "12".repeat(32);
        let mixed: String = (0..64)
            .map(|i| char::from(b'1' + (i * 7 % 9) as u8))
            .collect();
        for s in [&ones, &twelves, &mixed, &"9".repeat(60), &"10".repeat(30)] {
            for shape in [&ROW3[..], &T4[..]] {
                // Sixty digits: the lengths alone leave few splits to try.
                let (got, _) = splits_within(&digits(&s[..60]), shape, false, MAX_STEPS / 10, &[]);
                assert_ne!(got, Splits::GaveUp, "{s} {shape:?}");
                for blanks in [false, true] {
                    // Any length: the search stops within its budget, answered or not.
                    for n in (5..=s.len()).step_by(9) {
                        let (_, steps) =
                            splits_within(&digits(&s[..n]), shape, blanks, MAX_STEPS, &[]);
                        assert!(steps <= MAX_STEPS + 1, "{n} digits of {s}: {steps} steps");
                    }
                }
            }
        }
        // Past its budget a search says it gave up.
        let (got, steps) = splits_within(&digits(&ones[..30]), &ROW3, false, 10, &[]);
        assert_eq!((got, steps), (Splits::GaveUp, 11));
        // Longer than the cells can hold: no search at all.
        for blanks in [false, true] {
            assert_eq!(
                splits_within(&digits(&ones), &ROW3, blanks, MAX_STEPS, &[]),
                (Splits::Found(Vec::new()), 0)
            );
        }
    }

    #[test]
    fn a_vanished_blank_is_among_the_blank_splits() {
        // 10, 12, blank, 0, 0, 0, 22: its only split without a blank is wrong.
        assert_eq!(
            found("101200022", &ROW3),
            [["1", "0", "1", "20", "0", "0", "22"]]
        );
        let blank = |s: &str, shape: &[Group]| match blank_splits(&digits(s), shape, &[]) {
            Splits::Found(f) => f.iter().map(|l| cut(s, l)).collect::<Vec<_>>(),
            other => panic!("{s}: {other:?}"),
        };
        // The blank may be any of the six cells before the total.
        let mut want: Vec<Vec<&str>> = (0..6)
            .map(|b| {
                let mut row = vec!["10", "12", "0", "0", "0", "22"];
                row.insert(b, "");
                row
            })
            .collect();
        want.sort();
        let mut got = blank("101200022", &ROW3);
        got.sort();
        assert_eq!(got, want);
        // A row of zeros has no other reading: `00` is no cell.
        assert!(blank("0000000", &ROW3).is_empty());
        // Table 四: 行政复议 10, 2, 10, blank, 22 splits one way only without a blank,
        // wrongly (1|0|21|0|22); the blank readings hold the right one.
        let t4 = "10210221012022412020537";
        let rest = ["10", "12", "0", "2", "24", "12", "0", "20", "5", "37"];
        let with = |first: &[&'static str]| -> Vec<&'static str> {
            first.iter().chain(&rest).copied().collect()
        };
        assert_eq!(found(t4, &T4), [with(&["1", "0", "21", "0", "22"])]);
        let mut got = blank(t4, &T4);
        got.sort();
        let mut want: Vec<Vec<&str>> = (0..4)
            .map(|b| {
                let mut first = vec!["10", "2", "10", "22"];
                first.insert(b, "");
                with(&first)
            })
            .collect();
        want.sort();
        assert_eq!(got, want);
    }

    /// Every split of `s` into the shape, by trying every way to cut it.
    /// With `blanks`, every split with a blank cell (a length of 0) or more.
    fn by_brute_force(s: &[u8], shape: &[Group], blanks: bool) -> Vec<Vec<usize>> {
        let n: usize = shape.iter().map(|g| g.cells).sum();
        let least = usize::from(!blanks);
        let mut out = Vec::new();
        let mut lengths = vec![least; n];
        loop {
            if lengths.iter().sum::<usize>() == s.len()
                && lengths.contains(&0) == blanks
                && fits(s, shape, &lengths)
            {
                out.push(lengths.clone());
            }
            // Next lengths, as an odometer over 1..=MAX_CELL_DIGITS.
            let mut i = 0;
            loop {
                if i == n {
                    return out;
                }
                lengths[i] += 1;
                if lengths[i] <= MAX_CELL_DIGITS.min(s.len()) {
                    break;
                }
                lengths[i] = least;
                i += 1;
            }
        }
    }

    fn fits(s: &[u8], shape: &[Group], lengths: &[usize]) -> bool {
        let mut pos = 0;
        for &l in lengths {
            if l > 1 && s[pos] == 0 {
                return false;
            }
            pos += l;
        }
        let v = values(s, lengths);
        let mut at = 0;
        for g in shape {
            let cells = &v[at..at + g.cells];
            if g.summed && cells[..g.cells - 1].iter().sum::<u64>() != cells[g.cells - 1] {
                return false;
            }
            at += g.cells;
        }
        true
    }

    proptest::proptest! {
        /// The search finds what cutting the digits every way finds, in the same order
        /// when the splits are sorted.
        #[test]
        fn as_by_brute_force(
            s in proptest::collection::vec(0u8..10, 1..9),
            summed in proptest::bool::ANY,
            blanks in proptest::bool::ANY,
            cells in 2usize..4,
        ) {
            let shape = [Group { cells, summed }];
            let mut want = by_brute_force(&s, &shape, blanks);
            want.sort();
            let got = match splits_within(&s, &shape, blanks, MAX_STEPS, &[]).0 {
                Splits::Found(mut f) => { f.sort(); f }
                Splits::TooMany(first) => {
                    proptest::prop_assert!(want.len() > MAX_CANDIDATES);
                    proptest::prop_assert!(first.iter().all(|f| want.contains(f)));
                    return Ok(());
                }
                Splits::GaveUp => { proptest::prop_assert!(false, "gave up"); return Ok(()); }
            };
            proptest::prop_assert_eq!(got, want);
        }
    }
}
