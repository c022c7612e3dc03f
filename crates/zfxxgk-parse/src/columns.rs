//! Columns by position, for space-aligned tables (`pdftotext -layout` text, and PDFs
//! read from where each word stands): a value belongs to the column under which it
//! stands, so a blank cell that the layout shows as nothing stays blank instead of
//! shifting the values after it to the left.
//!
//! The columns come from what the table itself shows: a row that has a value in every
//! column, or else the header, its words wrapped over several lines. A value that stands
//! under no column, or under two, places nothing: the caller leaves the row unplaced
//! and says so.

use zfxxgk_lex::Cell;

/// Display columns `[start, end)` of a cell.
pub(crate) type Range = (u32, u32);

/// The column each of `values` stands under, given the ranges of `columns` (left to
/// right, not overlapping): for each value, the index of the one column it overlaps
/// once every column is widened to the middle of the gaps beside it (the first and
/// last outwards by a column's pitch). `None` when a
/// value has no position, stands under no column or under two, or when two values
/// stand under one column or out of order.
pub(crate) fn under(values: &[Cell<'_>], columns: &[Range]) -> Option<Vec<usize>> {
    if columns.is_empty() || columns.windows(2).any(|w| w[0].1 > w[1].0) {
        return None;
    }
    // Bounds in half columns: column k owns [lo[k], hi[k]).
    let n = columns.len();
    let mid = |k: usize| columns[k].1 + columns[k + 1].0;
    // The first and last columns reach out by no more than a column's pitch (from
    // one column's start to the next's) beyond their edge: a value further out
    // stands under no column the rows show (a row of values packed one space apart
    // after a label of its own width, say). A lone column reaches without end.
    let lo = |k: usize| match k {
        0 if n > 1 => {
            let pitch = columns[1].0.saturating_sub(columns[0].0);
            columns[0]
                .0
                .saturating_mul(2)
                .saturating_sub(pitch.saturating_mul(2).saturating_add(1))
        }
        0 => 0,
        _ => mid(k - 1),
    };
    let hi = |k: usize| {
        if k + 1 < n {
            mid(k)
        } else if n > 1 {
            let pitch = columns[k].1.saturating_sub(columns[k - 1].1);
            columns[k]
                .1
                .saturating_mul(2)
                .saturating_add(pitch.saturating_mul(2).saturating_add(1))
        } else {
            u32::MAX
        }
    };
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        let (a, b) = v.x?;
        let (a, b) = (a.saturating_mul(2), b.saturating_mul(2));
        let hits = (0..n).filter(|&k| a.max(lo(k)) < b.min(hi(k)));
        // Across a column's edge: the column whose left or right edge it shares (a
        // value wider than the others of its column, set flush with them).
        let flush = |&k: &usize| {
            let (x0, x1) = columns[k];
            x0.saturating_mul(2) == a || x1.saturating_mul(2) == b
        };
        let k = match one(hits.clone()) {
            Some(k) => k,
            None => one(hits.filter(flush))?,
        };
        if out.last().is_some_and(|&last| last >= k) {
            return None;
        }
        out.push(k);
    }
    Some(out)
}

/// Whether each of `values` stands within `max` columns of the column `ks` puts it
/// under (its range in `columns`): [`under`] widens each column to the middle of the
/// gaps beside it, which places a value anywhere in a wide gap; a row that lost a
/// cell is placed by position only where its values stand by their columns.
pub(crate) fn near(values: &[Cell<'_>], columns: &[Range], ks: &[usize], max: u32) -> bool {
    values
        .iter()
        .zip(ks)
        .all(|(v, &k)| match (v.x, columns.get(k)) {
            (Some((a, b)), Some(&(x0, x1))) => {
                x0.saturating_sub(b).max(a.saturating_sub(x1)) <= max
            }
            _ => false,
        })
}

/// The column of `columns` each of `values` lines up with exactly: it begins or ends
/// on the very column where that column's range does (values set flush left or flush
/// right), or its middle is that range's, give or take half a column (values centred,
/// their middles rounded to whole columns), one column each, in order. Stricter than
/// [`under`], which places a value anywhere in the gaps beside a column. `None` where
/// a value has no position or lines up with no column or with two, or where two
/// values line up with one column or out of order.
pub(crate) fn flush_with(values: &[Cell<'_>], columns: &[Range]) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::with_capacity(values.len());
    for v in values {
        let (a, b) = v.x?;
        let lines_up = |c: &Range| {
            c.0 == a || c.1 == b || c.0.saturating_add(c.1).abs_diff(a.saturating_add(b)) <= 1
        };
        let k = one(columns
            .iter()
            .enumerate()
            .filter(|(_, c)| lines_up(c))
            .map(|(k, _)| k))?;
        if out.last().is_some_and(|&last| last >= k) {
            return None;
        }
        out.push(k);
    }
    Some(out)
}

/// The only item of `it`, if it has exactly one.
fn one(mut it: impl Iterator<Item = usize>) -> Option<usize> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// Most header cells looked at: a header has a few dozen words.
const MAX_HEADER_CELLS: usize = 256;

/// Whether two ranges of display columns (or characters) share a column.
pub(crate) fn overlaps(p: Range, q: Range) -> bool {
    p.0 < q.1 && q.0 < p.1
}

/// The ranges of the last `n` columns that a header's positioned cells show, left to
/// right. The header's lines (`lines`, top to bottom) are read from the bottom up: a
/// cell that overlaps no column found yet starts one; a cell that overlaps one column
/// and stands out of it by no more than a column on either side is a word of its
/// header wrapped over lines, and widens it; any other cell (a group's name over its
/// columns) says nothing of where one column stands, and is passed over. `None` when
/// fewer than `n` columns show, or the header has no positions.
pub(crate) fn from_header(lines: &[Vec<Cell<'_>>], n: usize) -> Option<Vec<Range>> {
    let count: usize = lines.iter().map(Vec::len).sum();
    if count > MAX_HEADER_CELLS || n == 0 {
        return None;
    }
    let mut found: Vec<Range> = Vec::new();
    for line in lines.iter().rev() {
        let ranges = line
            .iter()
            .filter(|c| !c.text.trim().is_empty())
            .filter_map(|c| c.x)
            .filter(|(a, b)| a < b);
        // Each line is set against the columns found below it.
        let below = found.len();
        for r in ranges {
            let mut hits = (0..below).filter(|&k| overlaps(found[k], r));
            match (hits.next(), hits.next()) {
                (None, _) => found.push(r),
                (Some(k), None) => {
                    let c = found[k];
                    if r.0.saturating_add(1) >= c.0 && r.1 <= c.1.saturating_add(1) {
                        found[k] = (c.0.min(r.0), c.1.max(r.1));
                    }
                }
                _ => {}
            }
        }
    }
    found.sort_unstable();
    if found.windows(2).any(|w| w[0].1 > w[1].0) {
        return None;
    }
    let skip = found.len().checked_sub(n)?;
    Some(found.split_off(skip))
}

/// Where the line holding `at` begins: just after the last line break before it (0
/// where `at` is no place in `text`).
pub(crate) fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// The lines about the span `start..end`: the text before `start`'s line (up to the
/// line break that ends the line above) and the text after `end`'s line (from just
/// after the line break that ends it); empty where there is none.
pub(crate) fn lines_around(text: &str, start: usize, end: usize) -> (&str, &str) {
    let before = text
        .get(..line_start(text, start).saturating_sub(1))
        .unwrap_or_default();
    let after = text.get(end..).unwrap_or_default();
    let after = after
        .get(after.find('\n').map_or(after.len(), |i| i + 1)..)
        .unwrap_or_default();
    (before, after)
}

/// The text of `at`'s line before it (from just after the last line break); `None`
/// where `at` is no place in `text`.
pub(crate) fn line_before(text: &str, at: usize) -> Option<&str> {
    text.get(..at)?.get(line_start(text, at)..)
}

/// Whether `c` begins a run of words on its line, as `pdftotext -layout` sets them:
/// two spaces or more before it, or nothing but spaces from the line's start (the
/// words of one run stand a single space apart).
pub(crate) fn begins_run(text: &str, c: &Cell<'_>) -> bool {
    let Some(line) = line_before(text, c.span.start) else {
        return false;
    };
    let left = line.trim_end_matches(' ');
    left.is_empty() || line.len() - left.len() >= 2
}

/// Whether `c` ends a run of words on its line (see [`begins_run`]): two spaces or
/// more after it, or nothing but spaces to the line's end.
pub(crate) fn ends_run(text: &str, c: &Cell<'_>) -> bool {
    let after = text.get(c.span.end..).unwrap_or_default();
    let after = after.split('\n').next().unwrap_or_default();
    let right = after.trim_start_matches(' ');
    right.is_empty() || after.len() - right.len() >= 2
}

/// Where a word stands among the runs of words of `pdftotext -layout`: the column of
/// characters it begins on (from its line's start), and whether it begins a run
/// ([`begins_run`]).
///
/// poppler's physical layout sets each run of words at a column of characters found
/// by going over the page's runs left to right: a run that stands wholly right of
/// another, on any line, is set after that one's last character, and a run that
/// begins within another's width is set at that one's character there. So two runs
/// that begin on one column of characters overlap on the page, each beginning where
/// the other does, give or take a character's share of its width: their first words
/// stand in one column of a table. A word inside a run is set by the run's first,
/// and tells nothing so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RunPlace {
    /// The column of characters the word begins on.
    pub start: u32,
    /// Whether the word begins a run.
    pub begins: bool,
}

impl RunPlace {
    /// Whether the words of `self` and `other` stand in one column of a table by
    /// their runs: both begin runs on one column of characters.
    pub(crate) fn with(self, other: RunPlace) -> bool {
        self.begins && other.begins && self.start == other.start
    }
}

/// The [`RunPlace`] of each of `cells`, words of space-aligned lines of `text`.
pub(crate) fn run_places(text: &str, cells: &[Cell<'_>]) -> Vec<RunPlace> {
    cells
        .iter()
        .map(|c| {
            let line = line_before(text, c.span.start).unwrap_or_default();
            RunPlace {
                start: u32::try_from(line.chars().count()).unwrap_or(u32::MAX),
                begins: begins_run(text, c),
            }
        })
        .collect()
}

/// For each of `values`, the column its run of words tells: `references` are words
/// with the table column each stands in; a value that stands with one or more of
/// them ([`RunPlace::with`]) stands in theirs, where all agree. `None` for a value
/// inside a run, with no reference, or with references of different columns.
pub(crate) fn by_runs(
    text: &str,
    values: &[Cell<'_>],
    references: &[(RunPlace, usize)],
) -> Vec<Option<usize>> {
    run_places(text, values)
        .into_iter()
        .map(|place| {
            let mut found = references
                .iter()
                .filter(|(r, _)| place.with(*r))
                .map(|r| r.1);
            let k = found.next()?;
            found.all(|j| j == k).then_some(k)
        })
        .collect()
}

/// `cells` with their positions counted in characters from their line's start
/// instead of display columns: `pdftotext -layout` sets its text on a grid of one
/// character a column, a CJK character as wide as a digit, so a row whose label holds
/// more CJK characters than another's shows its values further right in display
/// columns, under the wrong column. Cells without a position keep none.
pub(crate) fn in_chars<'i>(text: &str, cells: &[Cell<'i>]) -> Vec<Cell<'i>> {
    cells
        .iter()
        .map(|c| {
            let x = c.x.and_then(|_| {
                let line = line_before(text, c.span.start)?;
                let start = u32::try_from(line.chars().count()).ok()?;
                let len = u32::try_from(c.text.chars().count()).ok()?;
                Some((start, start.saturating_add(len)))
            });
            Cell { x, ..*c }
        })
        .collect()
}

/// How many rows of `full` (each a row's values, one per column, positioned) stand
/// one value under each column of the row before: how well a way of counting
/// positions lines the table's columns up.
pub(crate) fn lined_up<'c, R: AsRef<[Cell<'c>]>>(full: &[R]) -> usize {
    full.windows(2)
        .filter(|w| {
            let (Some(above), Some(row)) = (ranges(w[0].as_ref()), w.get(1)) else {
                return false;
            };
            under(row.as_ref(), &above)
                .is_some_and(|ks| ks.iter().enumerate().all(|(i, &k)| i == k))
        })
        .count()
}

/// Widest gap (in characters) between two values packed next to each other.
const PACKED_GAP: u32 = 1;

/// For each two values next to each other in `values` (a row's, left to right), whether
/// they stand packed, one space apart (from one's end to the next's start):
/// `pdftotext -layout` packs the values of neighbouring columns so and leaves a wider
/// gap where a blank cell stands between two values, so no column lies between two
/// values packed. (A row whose values all stand wider apart tells nothing so: the
/// least gap of LibreOffice's centred cells may span a blank column.) `None` when a
/// value has no position, values overlap or stand out of order, or the row has fewer
/// than two values.
pub(crate) fn tight(values: &[Cell<'_>]) -> Option<Vec<bool>> {
    let at = ranges(values).filter(|at| at.len() >= 2)?;
    let gaps: Vec<u32> = at
        .windows(2)
        .map(|w| w[1].0.checked_sub(w[0].1).filter(|&g| g > 0))
        .collect::<Option<_>>()?;
    Some(gaps.iter().map(|&g| g <= PACKED_GAP).collect())
}

/// The columns that `placement` (column by column, each `Some` a value, in order, or
/// `None` a blank) puts a row's values in, where it sets no blank column between two
/// values that `tight` ([`tight`]'s answer for the row) calls packed; `None` where it
/// does.
pub(crate) fn packed_columns<T>(placement: &[Option<T>], tight: &[bool]) -> Option<Vec<usize>> {
    let at: Vec<usize> = placement
        .iter()
        .enumerate()
        .filter_map(|(k, v)| v.as_ref().map(|_| k))
        .collect();
    let kept = at
        .windows(2)
        .zip(tight)
        .all(|(w, &packed)| !packed || w[0] + 1 == w[1]);
    kept.then_some(at)
}

/// The ranges of a row's values, when every one has a position.
pub(crate) fn ranges(values: &[Cell<'_>]) -> Option<Vec<Range>> {
    values.iter().map(|c| c.x).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use zfxxgk_lex::Span;

    /// Cells of the given texts at the given display columns.
    fn cells(at: &[(&'static str, u32)]) -> Vec<Cell<'static>> {
        at.iter()
            .map(|&(t, x)| Cell {
                text: t,
                span: Span::new(0, 0),
                x: Some((x, x + width(t))),
            })
            .collect()
    }

    /// `pdftotext -layout` of chromium's CJK lines: a row's first value set off its
    /// neighbours' columns into the wide gap after them, `under` the nearer column
    /// by the middle of the gap, but near none.
    #[test]
    fn a_value_in_a_wide_gap_is_near_no_column() {
        let reference = [(49, 50), (51, 52), (83, 84), (85, 86)];
        let shifted = cells(&[("3", 57), ("0", 83)]);
        let ks = under(&shifted, &reference).expect("placed by the gap's middle");
        assert_eq!(ks, vec![1, 2]);
        assert!(!near(&shifted, &reference, &ks, 2));
        let by = cells(&[("3", 52), ("0", 83)]);
        assert!(near(&by, &reference, &[1, 2], 2));
    }

    /// The words of `line` (the whole text) as cells with their spans and display
    /// columns.
    fn words(line: &'static str) -> Vec<Cell<'static>> {
        let mut out = Vec::new();
        let mut at = 0;
        for w in line.split(' ') {
            if !w.is_empty() {
                let x = width(line.get(..at).unwrap_or_default());
                out.push(Cell {
                    text: w,
                    span: Span::new(at, at + w.len()),
                    x: Some((x, x + width(w))),
                });
            }
            at += w.len() + 1;
        }
        out
    }

    /// A run begins after two spaces or at the line's start, ends before two spaces
    /// or at the line's end; its place is counted in characters (a CJK label one
    /// character a column), and a value tells a column only by beginning a run where
    /// references of that column, all agreeing, begin one.
    #[test]
    fn a_value_tells_its_column_only_by_beginning_a_run_where_references_begin() {
        let line = "3.危及 7 0     0  0 0 7";
        let cells = words(line);
        let begins: Vec<bool> = cells.iter().map(|c| begins_run(line, c)).collect();
        let ends: Vec<bool> = cells.iter().map(|c| ends_run(line, c)).collect();
        assert_eq!(begins, [true, false, false, true, true, false, false]);
        assert_eq!(ends, [false, false, true, true, false, false, true]);
        let places = run_places(line, &cells);
        let starts: Vec<Option<u32>> = places.iter().map(|p| p.begins.then_some(p.start)).collect();
        assert_eq!(
            starts,
            [Some(0), None, None, Some(13), Some(16), None, None]
        );
        let run = |start: u32| RunPlace {
            start,
            begins: true,
        };
        let values = &cells[1..];
        let refs = [(run(13), 2), (run(16), 4), (run(5), 0)];
        assert_eq!(
            by_runs(line, values, &refs),
            [None, None, Some(2), Some(4), None, None]
        );
        // References that disagree tell nothing.
        let refs = [(run(13), 2), (run(13), 3)];
        assert_eq!(by_runs(line, values, &refs)[2], None);
    }

    /// A value lines up with a column where it begins or ends on its range's edge, or
    /// centres on its middle give or take half a column; a value merely nearer one
    /// column than another lines up with none.
    #[test]
    fn a_value_lines_up_by_an_edge_or_its_middle_only() {
        let full = [(13, 17), (24, 28), (34, 38)];
        assert_eq!(
            flush_with(&cells(&[("1015", 13), ("2454", 24)]), &full),
            Some(vec![0, 1])
        );
        // Flush right, flush left; centred, two columns narrower.
        assert_eq!(
            flush_with(&cells(&[("15", 15), ("2", 34)]), &full),
            Some(vec![0, 2])
        );
        assert_eq!(flush_with(&cells(&[("24", 25)]), &full), Some(vec![1]));
        // One column off every edge and middle.
        assert_eq!(flush_with(&cells(&[("2454", 25)]), &full), None);
        // Two values on one column.
        assert_eq!(flush_with(&cells(&[("1", 13), ("17", 15)]), &full), None);
    }

    fn width(t: &str) -> u32 {
        t.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
    }

    #[test]
    fn a_blank_cell_stays_blank() {
        // `3            2         2     2    1    10` under a row that shows all seven.
        let full = cells(&[
            ("1288", 0),
            ("21", 8),
            ("0", 15),
            ("0", 21),
            ("50", 25),
            ("3", 31),
            ("1362", 34),
        ]);
        let columns = ranges(&full).expect("positions");
        let row = cells(&[
            ("3", 3),
            ("2", 16),
            ("2", 22),
            ("2", 26),
            ("1", 31),
            ("10", 36),
        ]);
        assert_eq!(under(&row, &columns), Some(vec![0, 2, 3, 4, 5, 6]));
    }

    #[test]
    fn a_value_between_two_columns_places_nothing() {
        let columns = [(0, 4), (6, 8)];
        // Across the middle of the gap (5): under both.
        assert_eq!(under(&cells(&[("12", 4)]), &columns), None);
        assert_eq!(under(&cells(&[("1", 4)]), &columns), Some(vec![0]));
        assert_eq!(under(&cells(&[("1", 5)]), &columns), Some(vec![1]));
        // Across the middle but flush with one column's edge: that column's.
        assert_eq!(under(&cells(&[("4999", 4)]), &columns), Some(vec![1]));
        assert_eq!(under(&cells(&[("12345", 0)]), &columns), Some(vec![0]));
        assert_eq!(under(&cells(&[("123", 3)]), &columns), None);
        // Two values under one column, or out of order.
        assert_eq!(under(&cells(&[("1", 0), ("2", 2)]), &columns), None);
        // No position.
        let mut unpositioned = cells(&[("1", 0)]);
        unpositioned[0].x = None;
        assert_eq!(under(&unpositioned, &columns), None);
        assert_eq!(under(&cells(&[("1", 0)]), &[]), None);
    }

    #[test]
    fn a_value_far_out_of_the_first_or_last_column_places_nothing() {
        // `pdftotext -layout` of a Chromium PDF whose narrow cells pack a row's values
        // one space apart after its label (`3.补正后申请内容仍不明确 1          0 0 0
        // 1`, the row with every column `0 0 0 0 0 0 2` further right): its first
        // value stands five characters left of the first column, its last four right
        // of the last: more than a column's pitch (two) out.
        let full = cells(&[
            ("0", 42),
            ("0", 44),
            ("0", 46),
            ("0", 48),
            ("0", 50),
            ("0", 52),
            ("2", 54),
        ]);
        let columns = ranges(&full).expect("positions");
        let row = cells(&[("1", 37), ("0", 48), ("0", 50), ("0", 52), ("1", 59)]);
        assert_eq!(under(&row, &columns), None);
        // Within a column's pitch beyond them, theirs; further out, none.
        assert_eq!(under(&cells(&[("1", 40)]), &columns), Some(vec![0]));
        assert_eq!(under(&cells(&[("1", 38)]), &columns), None);
        assert_eq!(under(&cells(&[("10", 57)]), &columns), Some(vec![6]));
        assert_eq!(under(&cells(&[("1", 58)]), &columns), None);
        // A lone column reaches without end.
        assert_eq!(under(&cells(&[("1", 90)]), &[(0, 2)]), Some(vec![0]));
    }

    #[test]
    fn header_columns_leave_out_group_names_and_join_wrapped_words() {
        // 行政复议 over 结果/维持 and 结果/纠正; 总计 alone.
        let header = [
            cells(&[("行政复议", 0)]),
            cells(&[("结果", 0), ("结果", 6), ("总计", 12)]),
            cells(&[("维持", 0), ("纠正", 6)]),
        ];
        assert_eq!(
            from_header(&header, 3),
            Some(vec![(0, 4), (6, 10), (12, 16)])
        );
        assert_eq!(from_header(&header, 2), Some(vec![(6, 10), (12, 16)]));
        assert_eq!(from_header(&header, 4), None);
        // A group's name over one column's narrow words, standing out of it.
        let header = [
            cells(&[("行政复议", 10)]),
            cells(&[("结", 7), ("其", 13), ("尚", 19)]),
        ];
        assert_eq!(
            from_header(&header, 3),
            Some(vec![(7, 9), (13, 15), (19, 21)])
        );
        // A wrapped word one column wider than the piece below it.
        let header = [cells(&[("商业企", 40)]), cells(&[("业", 40)])];
        assert_eq!(from_header(&header, 1), Some(vec![(40, 42)]));
    }

    /// The positioned cells of a line of `text` split at runs of two spaces or more,
    /// at their display columns.
    fn line_cells(text: &'static str, line: usize) -> Vec<Cell<'static>> {
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let body = text[start..].lines().next().unwrap_or_default();
        let mut out = Vec::new();
        let mut at = 0;
        for word in body.split("  ").filter(|w| !w.trim().is_empty()) {
            let i = body[at..].find(word).map_or(at, |i| at + i);
            let x = width(&body[..i]);
            out.push(Cell {
                text: &text[start + i..start + i + word.len()],
                span: Span::new(start + i, start + i + word.len()),
                x: Some((x, x + width(word))),
            });
            at = i + word.len();
        }
        out
    }

    #[test]
    fn positions_in_characters_line_up_layout_text() {
        // `pdftotext -layout`: one character a column, CJK or not.
        let text = "一二三四  1  22  3\n五六    4  55  6\n七八九十  7  88  9\n";
        let rows: Vec<Vec<Cell<'_>>> = (0..3).map(|l| line_cells(text, l)[1..].to_vec()).collect();
        let counted: Vec<Vec<Cell<'_>>> = rows.iter().map(|r| in_chars(text, r)).collect();
        assert_eq!(counted[1][0].x, Some((6, 7)));
        assert_eq!(counted[1][1].x, Some((9, 11)));
        assert_eq!(lined_up(&counted), 2);
        assert_eq!(lined_up(&rows), 0);
        // Cells without a position keep none.
        let unplaced = [Cell {
            x: None,
            ..rows[0][0]
        }];
        assert_eq!(in_chars(text, &unplaced)[0].x, None);
    }

    #[test]
    fn values_one_space_apart_are_tight() {
        let row = cells(&[("1", 1), ("2", 3), ("190", 5), ("5", 20), ("3", 22)]);
        assert_eq!(tight(&row), Some(vec![true, true, false, true]));
        // Values all wider apart than one space: none packed (the least gap may
        // span a blank column).
        let row = cells(&[("3", 38), ("0", 47), ("1", 55), ("0", 67), ("4", 71)]);
        assert_eq!(tight(&row), Some(vec![false; 4]));
        // Out of order, or touching: nothing is told.
        assert_eq!(tight(&cells(&[("1", 3), ("2", 1)])), None);
        assert_eq!(tight(&cells(&[("12", 1), ("2", 3)])), None);
        assert_eq!(tight(&cells(&[("1", 1)])), None);
    }
}
