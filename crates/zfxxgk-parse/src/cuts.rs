//! Where an empty cell stood in a row of reading-order text cut over lines:
//! `pdftotext` without `-layout` cuts a row's line at the wide gap an empty cell
//! leaves between two values, so a row that lost one cell without a trace and
//! stands on two lines or more shows where the cell may have been.
//!
//! ```text
//! 1 2 3 2 8 1 3 1        ; table 四, the second group's fourth cell empty:
//! 5 3 1 3 2 9            ; it stood at the cut
//! 1.属于国家秘密 38       ; table 三: after 38 or after `0 0`, not elsewhere
//! 0 0
//! 0 1 39
//! ```
//!
//! The sums ([`crate::vanished`]) keep the placements first; of those, only the
//! ones that put the vanished cell at the row's start, its end, or a cut are kept.
//! A row cut where no cell is missing (a row wrapped for its width) keeps the
//! placements with the cell at that cut as well as at either end, so the rule only
//! ever drops a placement that puts an empty cell between two values written on
//! one line: the text would have been cut there. It is not applied where a value
//! stands alone on its line (a table written one cell a line is cut everywhere,
//! and tells nothing), nor where more than one cell vanished.
//!
//! Where the table's whole rows (every cell written) are all cut at the same columns
//! (the page's column gap: `190 1 1 1` / `0 6 199`, each after its fourth), a cut
//! there is the page's, and tells nothing of the empty cell; every other cut of a
//! short row is the empty cell's, and must stand where it does
//! ([`page_cuts`]): `38` / `0 0` / `0 1 39` under rows cut after their fourth cell
//! has its empty cell second. Where a page break moves the gap (the rows on the next
//! page cut after another cell), a row takes the gap of the nearest whole rows above
//! and below it, where both are cut alike ([`page_cuts_by_row`]).

use zfxxgk_lex::Cell as LexCell;

use crate::vanished::Placement;

/// Whether `c` stands alone on its line of `text`: nothing else on the line, a
/// label's text included.
pub(crate) fn alone_on_line(text: &str, c: &LexCell<'_>) -> bool {
    let start = crate::columns::line_start(text, c.span.start);
    let end = text
        .get(c.span.end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |n| c.span.end + n);
    text.get(start..end)
        .is_some_and(|line| line.trim() == c.text.trim())
}

/// Of `found` (placements of `values` into a row that lost one cell without a
/// trace), those that leave no vanished cell between two values the text writes on
/// one line: reading-order `pdftotext` cuts a row's line at the wide gap an empty
/// cell leaves between two values (`1 2 3 2 8 1 3 1` / `5 3 1 3 2 9`, `38` / `0 0` /
/// `0 1 39`), so an empty cell stands at the row's start, its end, or a cut. Only
/// where the values stand on two lines or more, no line holding one value alone (a
/// table written one cell a line cuts everywhere) unless `page` is told, and one
/// cell vanished; `found` as it is otherwise, and where no placement is left.
///
/// `page`: the columns before which the table's whole rows are all cut
/// ([`page_cuts`]); a placement must then also explain each cut of the row, by
/// one of those columns or by its empty cell standing there, where any does.
pub(crate) fn at_cuts(
    text: &str,
    values: &[LexCell<'_>],
    found: Vec<Placement>,
    page: Option<&[usize]>,
) -> Vec<Placement> {
    let columns = found.first().map_or(0, Vec::len);
    // For each value after the first: whether a line break stands before it.
    let breaks = line_breaks(text, values);
    let lines = breaks.iter().filter(|b| **b).count() + 1;
    // A value alone on its line: nothing else on the line, a label's text included.
    let alone = values.iter().any(|c| alone_on_line(text, c));
    // Where the page cuts the table's whole rows, it is not written one cell a line.
    if values.len() + 1 != columns || lines < 2 || (alone && page.is_none()) {
        return found;
    }
    let fits = |p: &Placement| {
        p.iter().enumerate().all(|(col, c)| {
            if c.is_some() {
                return true;
            }
            let before = p.get(..col).and_then(|s| s.iter().rev().find_map(|c| *c));
            let after = p.get(col + 1..).and_then(|s| s.iter().find_map(|c| *c));
            match (before, after) {
                (Some(_), Some(b)) => b
                    .checked_sub(1)
                    .and_then(|k| breaks.get(k))
                    .copied()
                    .unwrap_or(false),
                _ => true,
            }
        })
    };
    // Each cut between two values the placement puts in columns `a` and `b` stands at
    // a column where the page cuts its whole rows, or at the empty cell between them.
    let explained = |p: &Placement| {
        let Some(page) = page else {
            return true;
        };
        let column = |v: usize| p.iter().position(|c| *c == Some(v));
        breaks.iter().enumerate().all(|(k, cut)| {
            let (Some(a), Some(b)) = (column(k), column(k + 1)) else {
                return false;
            };
            !cut || page.iter().any(|&c| a < c && c <= b)
                || p.get(a + 1..b)
                    .is_some_and(|s| s.iter().any(Option::is_none))
        })
    };
    if found.iter().any(|p| fits(p) && explained(p)) {
        found
            .into_iter()
            .filter(|p| fits(p) && explained(p))
            .collect()
    } else if found.iter().any(fits) {
        found.into_iter().filter(fits).collect()
    } else {
        found
    }
}

/// For each value after the first of `values`: whether a line break stands before it,
/// or the value stands before it in the text (a row put together from parts the text
/// wrote apart, [`crate::wrapped`]).
fn line_breaks(text: &str, values: &[LexCell<'_>]) -> Vec<bool> {
    values
        .windows(2)
        .map(|w| match w {
            [a, b] => text
                .get(a.span.end..b.span.start)
                .is_none_or(|t| t.contains('\n')),
            _ => false,
        })
        .collect()
}

/// The columns before which the whole rows of a table (`rows`, each as its values;
/// those with `columns` values, none positioned, are whole) are all cut: at least two
/// whole rows, every one of them cut at the same columns and nowhere else, none with
/// a value alone on its line (a table written one cell a line is cut everywhere).
/// That is the page's column gap: a row put together from its left-hand values and a
/// block of right-hand ones written before them is cut there too. `None` otherwise.
pub(crate) fn page_cuts<'a, 'i: 'a>(
    text: &str,
    rows: impl IntoIterator<Item = &'a [LexCell<'i>]>,
    columns: usize,
) -> Option<Vec<usize>> {
    let mut seen: Option<Vec<usize>> = None;
    let mut whole = 0;
    for values in rows {
        match whole_cuts(text, values, columns) {
            None => continue,
            Some(None) => return None,
            Some(Some(cuts)) => {
                if seen.as_ref().is_some_and(|s| *s != cuts) {
                    return None;
                }
                seen = Some(cuts);
                whole += 1;
            }
        }
    }
    seen.filter(|_| whole >= 2)
}

/// For each of `rows`, the page's column gap its line is cut at: the table's
/// ([`page_cuts`]) where every whole row is cut alike; else, where they are not (a
/// page break moves the gap: chromium cut table 三's first rows after their second
/// cell, the rows on the next page after their third), the columns before which the
/// nearest whole rows above and below the row are both cut, where they are cut alike
/// and tell something (no value alone on its line). `None` for a row without both.
pub(crate) fn page_cuts_by_row(
    text: &str,
    rows: &[&[LexCell<'_>]],
    columns: usize,
) -> Vec<Option<Vec<usize>>> {
    if let Some(all) = page_cuts(text, rows.iter().copied(), columns) {
        return vec![Some(all); rows.len()];
    }
    let each: Vec<Option<Option<Vec<usize>>>> = rows
        .iter()
        .map(|values| whole_cuts(text, values, columns))
        .collect();
    (0..rows.len())
        .map(|i| {
            let above = each.get(..i)?.iter().rev().find_map(Option::as_ref)?;
            let below = each.get(i + 1..)?.iter().find_map(Option::as_ref)?;
            match (above, below) {
                (Some(a), Some(b)) if a == b => Some(a.clone()),
                _ => None,
            }
        })
        .collect()
}

/// A whole row's cuts (`values`, with `columns` values, none positioned): the
/// columns before which its line is cut, `Some(None)` where they tell nothing (not
/// cut, or a value alone on its line), and `None` for a row that is not whole.
fn whole_cuts(text: &str, values: &[LexCell<'_>], columns: usize) -> Option<Option<Vec<usize>>> {
    if values.len() != columns || values.iter().any(|c| c.x.is_some()) {
        return None;
    }
    let cuts: Vec<usize> = line_breaks(text, values)
        .iter()
        .enumerate()
        .filter_map(|(k, cut)| cut.then_some(k + 1))
        .collect();
    let bounds: Vec<usize> = [0]
        .into_iter()
        .chain(cuts.iter().copied())
        .chain([columns])
        .collect();
    let lone = bounds.windows(2).any(|w| matches!(w, [a, b] if b - a == 1));
    Some((!cuts.is_empty() && !lone).then_some(cuts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split::{T3_ROW, T4_ROW};
    use crate::vanished::{placements, Placements, Token};

    /// The words of `text` as cells.
    fn cells(text: &str) -> Vec<LexCell<'_>> {
        let mut out = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let mut col = 0;
            for w in line.split(' ') {
                let w = w.trim_end_matches('\n');
                if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
                    out.push(LexCell {
                        text: w,
                        span: zfxxgk_lex::Span::new(at + col, at + col + w.len()),
                        x: None,
                    });
                }
                col += w.len() + 1;
            }
            at += line.len();
        }
        out
    }

    /// The placements the sums keep, and those the cuts keep of them.
    fn both(text: &str, shape: &[crate::split::Group]) -> (usize, Vec<Placement>) {
        let values = cells(text);
        let tokens: Vec<Token> = values.iter().map(|c| Token::of(c.text)).collect();
        let Placements::Found(found) = placements(&tokens, shape) else {
            panic!("too many");
        };
        (found.len(), at_cuts(text, &values, found, None))
    }

    fn kept(text: &str, shape: &[crate::split::Group]) -> Vec<Placement> {
        both(text, shape).1
    }

    #[test]
    fn the_empty_cell_of_table_four_stood_at_the_cut() {
        // The sums leave the second group's four cells; the cut leaves one.
        let p = kept("1 2 3 2 8 1 3 1\n5 3 1 3 2 9\n", &T4_ROW);
        assert_eq!(p.len(), 1);
        assert_eq!(p.first().and_then(|p| p.get(8)), Some(&None));
        // On one line nothing is told: the four placements stay.
        assert_eq!(kept("1 2 3 2 8 1 3 1 5 3 1 3 2 9\n", &T4_ROW).len(), 4);
    }

    #[test]
    fn a_row_of_table_three_keeps_its_cuts_and_its_ends() {
        // `38` / `0 0` / `0 1 39`: after 38 or after `0 0`, or first (38 the
        // commercial column's: the row's own sum allows it, the sums down the
        // columns decide); the label's line holds 38, which is not alone.
        let p = kept("1.属于国家秘密 38\n0 0\n0 1 39\n", &T3_ROW);
        let mut blanks: Vec<Option<usize>> = p
            .iter()
            .map(|p| p.iter().position(Option::is_none))
            .collect();
        blanks.sort_unstable();
        assert_eq!(blanks, [Some(0), Some(1), Some(3)]);
        // A value alone on its line: one cell a line, nothing is told.
        let (found, kept) = both("38\n0 0\n0 1 39\n", &T3_ROW);
        assert_eq!(kept.len(), found);
        // Two cells vanished: not narrowed.
        let (found, kept) = both("名 38 0\n0 1 39\n", &T3_ROW);
        assert!(found > 1);
        assert_eq!(kept.len(), found);
    }

    #[test]
    fn cuts_where_the_page_cuts_its_whole_rows_tell_nothing_of_the_empty_cell() {
        // Whole rows cut after their fourth cell: the page's column gap.
        let text = "一、本年新收 190 1 1 1\n0 6 199\n（一）予以公开 23 0 0 0\n0 1 24\n\
                    1.属于国家秘密 38\n0 0\n0 1 39\n";
        let all = cells(text);
        let (whole, short) = all.split_at(14);
        let page = page_cuts(text, whole.chunks(7), 7);
        assert_eq!(page, Some(vec![4]));
        // `38` / `0 0` / `0 1 39`: the cut after `0 0` is the page's, the one after
        // 38 the empty cell's.
        let tokens: Vec<Token> = short.iter().map(|c| Token::of(c.text)).collect();
        let Placements::Found(found) = placements(&tokens, &T3_ROW) else {
            panic!("too many");
        };
        let kept = at_cuts(text, short, found, page.as_deref());
        let blanks: Vec<Option<usize>> = kept
            .iter()
            .map(|p| p.iter().position(Option::is_none))
            .collect();
        assert_eq!(blanks, [Some(1)]);
        // `38` alone on its line (after its label's): the page's cuts tell the
        // table is not written one cell a line, so the cuts still place the cell;
        // without them, nothing is dropped.
        let lone = text.replace("秘密 38\n", "秘密\n38\n");
        let short = cells(&lone).split_off(14);
        let Placements::Found(found) = placements(&tokens, &T3_ROW) else {
            panic!("too many");
        };
        let all = found.len();
        let blank = |kept: Vec<Placement>| -> Vec<Option<usize>> {
            kept.iter()
                .map(|p| p.iter().position(Option::is_none))
                .collect()
        };
        assert_eq!(
            blank(at_cuts(&lone, &short, found.clone(), page.as_deref())),
            [Some(1)]
        );
        assert_eq!(at_cuts(&lone, &short, found, None).len(), all);
        // Whole rows cut at other columns, or one whole row, or a value alone on its
        // line: no page cut.
        let other = "名 190 1 1 1\n0 6 199\n名 23 0 0\n0 0 1 24\n";
        assert_eq!(page_cuts(other, cells(other).chunks(7), 7), None);
        assert_eq!(page_cuts(text, whole.chunks(7).take(1), 7), None);
        let alone = "名 190 1 1 1 0 6\n199\n名 23 0 0 0 0 1\n24\n";
        assert_eq!(page_cuts(alone, cells(alone).chunks(7), 7), None);
    }

    #[test]
    fn where_a_page_break_moves_the_gap_a_row_takes_its_neighbours_cuts() {
        // Two whole rows cut after their fourth cell, a short row, a whole row cut
        // so, a short row, two whole rows cut after their third (the next page's
        // gap), and a short row after the last.
        let text = "名 190 1 1 1\n0 6 199\n名 23 0 0 0\n0 1 24\n名 38\n0 0\n0 1 39\n\
                    名 5 0 0 0\n0 0 5\n名 1 0\n0\n0 0 1\n名 7 0 0\n0 0 0 7\n\
                    名 9 0 0\n0 0 0 9\n名 2 0 0\n0 0 2\n";
        let all = cells(text);
        let sizes = [7, 7, 6, 7, 6, 7, 7, 6];
        let mut rows: Vec<&[LexCell<'_>]> = Vec::new();
        let mut at = 0;
        for n in sizes {
            rows.push(&all[at..at + n]);
            at += n;
        }
        // Not every whole row is cut alike: no cut for the whole table.
        assert_eq!(page_cuts(text, rows.iter().copied(), 7), None);
        let by_row = page_cuts_by_row(text, &rows, 7);
        // Whole rows above and below cut after the fourth: so is the short row.
        assert_eq!(by_row[2], Some(vec![4]));
        // Between a row cut after its fourth and one cut after its third: untold.
        assert_eq!(by_row[4], None);
        // No whole row below: untold.
        assert_eq!(by_row[7], None);
        // Where every whole row is cut alike, every row takes the table's cut.
        let whole: Vec<&[LexCell<'_>]> = vec![rows[0], rows[1], rows[2], rows[3]];
        assert_eq!(page_cuts_by_row(text, &whole, 7), vec![Some(vec![4]); 4]);
    }
}
