//! Table 三's first rows with one cell set far from its row, as `pdftotext` reads the
//! 2021 editor page's LibreOffice PDF: the first rows' first column apart after each
//! label ([`super::first_columns_apart`]), the rest of those rows after the header's
//! words, and new_received's commercial `1` alone far below, between
//! `6.属于四类过程性信息` and the header's `总计`:
//!
//! ```text
//! 一、本年新收… / 120 / 二、上年结转… / 6 / 三、本年度 （一）予以公开 /
//! 办理结果 （二）部分公开… / 19 / 商业企业 / 0 1 6 2 130 / 0 0 0 0 6 / 0 0 / 2 0 21 /
//! 2 0 0 0 1 0 3 / 1.属于国家秘密 …  6.属于四类过程性信息 / 1 / 总计 …
//! ```
//!
//! Every reading of the first rows is tried: the first values alone taken in turn by
//! some of the labels' rows, the run cut in turn into the rest of each row, each row
//! short of at most two cells, one of which may be the lone value (never before a
//! first value set apart, which is its row's first column); a cell short is
//! otherwise a blank that left no trace (left to [`crate::vanished`] and the sums
//! down the table). A reading is kept where every row adds up (T301: its total the
//! sum of the six before, a blank 0) and, where （七）总计 has been read whole, the
//! first two rows cover it column by column (T302: 一 + 二 = （七）总计 + 四, and 四
//! is no less than 0). The rows are put together only where exactly one reading is
//! kept and it takes the lone value: the value must make its row add up, and the
//! totals must leave it one column.

use zfxxgk_model::{Edition, Template, T3_COLUMNS};

use super::{
    empty, header_line, holds_value, lone, made, names_t3_row, names_t3_row_at, text_line, value,
    value_run,
};
use crate::labels;
use crate::number::{self, Kind};
use crate::rows::TableRow;
use crate::vanished::Token;
use zfxxgk_model::TableId;

/// Most labels of first rows tried: the readings grow with them.
const MAX_LABELS: usize = 6;

/// Most cells a first row may be short of.
const MAX_SHORT: usize = 2;

/// One reading: for each first row, the zone's rows its cells come from (a first
/// value, values of the run, the lone value), in order.
type Reading = Vec<Vec<usize>>;

/// The count a lone value's row holds (a blank written is 0); `None` else.
fn count_of(r: &TableRow<'_>) -> Option<u64> {
    Token::of(lone(r)?.text).count()
}

/// The zone's first rows as written (row indices).
struct FirstRows {
    /// The labels naming the template's first rows one after another.
    labels_at: Vec<usize>,
    /// The values alone after those labels: some rows' first columns.
    firsts: Vec<usize>,
    /// The values after the header's words: the rest of those rows.
    run: Vec<usize>,
    /// Just past the run.
    end: usize,
}

/// The zone's first rows as written; `None` where the zone does not begin so.
fn first_rows(rows: &[TableRow<'_>]) -> Option<FirstRows> {
    let is_label = |r: &TableRow<'_>| {
        text_line(r, TableId::T3).is_some() && names_t3_row(r) && !header_line(r)
    };
    let skip = |mut k: usize| {
        while rows.get(k).is_some_and(empty) {
            k += 1;
        }
        k
    };
    let mut k = rows.iter().position(is_label)?;
    let (mut labels_at, mut firsts) = (Vec::new(), Vec::new());
    while let Some(r) = rows.get(k).filter(|r| is_label(r)) {
        if !names_t3_row_at(r, labels_at.len()) {
            break;
        }
        labels_at.push(k);
        k = skip(k + 1);
        if rows.get(k).is_some_and(value) {
            firsts.push(k);
            k = skip(k + 1);
            if rows.get(k).is_some_and(value) {
                return None;
            }
        }
    }
    if labels_at.len() < 2 || labels_at.len() > MAX_LABELS || firsts.is_empty() {
        return None;
    }
    while let Some(r) = rows.get(k).filter(|r| !value(r) && !empty(r)) {
        if holds_value(r) || names_t3_row(r) && !header_line(r) {
            return None;
        }
        k += 1;
    }
    let (run, end) = value_run(rows, k);
    (!run.is_empty()).then_some(FirstRows {
        labels_at,
        firsts,
        run,
        end,
    })
}

/// The zone's one value after `from` standing alone between lines of text (empty
/// lines passed over); `None` where there is none or more than one.
fn lone_value(rows: &[TableRow<'_>], from: usize) -> Option<usize> {
    let texty = |r: Option<&TableRow<'_>>| r.is_some_and(|r| text_line(r, TableId::T3).is_some());
    let mut found = None;
    for k in from..rows.len() {
        if !rows.get(k).is_some_and(value) {
            continue;
        }
        let before = (from..k)
            .rev()
            .map(|j| rows.get(j))
            .find(|r| !r.is_some_and(empty));
        let after = (k + 1..rows.len())
            .map(|j| rows.get(j))
            .find(|r| !r.is_some_and(empty));
        if texty(before.flatten()) && texty(after.flatten()) {
            if found.is_some() {
                return None;
            }
            found = Some(k);
        }
    }
    found
}

/// （七）总计's seven values, where the zone holds one row labelled so in every edition
/// with seven counts that add up.
fn results_total(rows: &[TableRow<'_>]) -> Option<Vec<u64>> {
    let mut found = None;
    for r in rows {
        let (text, values): (Vec<&zfxxgk_lex::Cell<'_>>, Vec<_>) = r
            .row
            .cells
            .iter()
            .partition(|c| number::kind(c.text) == Kind::Text);
        let folded: Vec<labels::Folded<'_>> = text
            .iter()
            .filter(|c| !c.text.trim().is_empty())
            .map(|c| labels::Folded::new(c.text))
            .collect();
        if folded.is_empty() || header_line(r) {
            continue;
        }
        let names = Edition::ALL.iter().all(|&e| {
            let at = Template::of(e)
                .t3_rows
                .iter()
                .position(|row| row.key == "results_total");
            at.is_some() && labels::best_t3_row(&folded, e).map(|(j, _)| j) == at
        });
        if !names {
            continue;
        }
        if found.is_some() || values.len() != T3_COLUMNS.len() {
            return None;
        }
        let counts: Option<Vec<u64>> = values
            .iter()
            .map(|c| match Token::of(c.text) {
                Token::Count(v) => Some(v),
                _ => None,
            })
            .collect();
        let counts = counts?;
        let (last, six) = counts.split_last()?;
        if six.iter().sum::<u64>() != *last {
            return None;
        }
        found = Some(counts);
    }
    found
}

/// Whether a row of `counts` short of `blanks` cells adds up: its last the sum of
/// the rest (a blank counts 0, and a total is never the blank: a row adding to
/// nothing is all zeros anyway).
fn adds_up(counts: &[u64], blanks: usize) -> bool {
    counts.len() + blanks == T3_COLUMNS.len()
        && counts
            .split_last()
            .is_some_and(|(last, rest)| rest.iter().sum::<u64>() == *last)
}

/// The most column `c` of a row of `counts` short of `blanks` cells may hold; `apart`
/// where the row's first value is its first column's, set apart (no blank before it).
fn most(counts: &[u64], blanks: usize, c: usize, apart: bool) -> u64 {
    let from = c.saturating_sub(blanks);
    let from = if apart && c > 0 { from.max(1) } else { from };
    (from..=c)
        .filter_map(|j| counts.get(j).copied())
        .max()
        .unwrap_or(0)
}

/// Every reading of the first rows that the sums keep (see the module's doc).
fn readings(
    rows: &[TableRow<'_>],
    rows_n: usize,
    firsts: &[usize],
    run: &[usize],
    stray: usize,
    total: Option<&[u64]>,
) -> Vec<(Reading, Vec<usize>)> {
    let n = T3_COLUMNS.len();
    let mut kept: Vec<(Reading, Vec<usize>)> = Vec::new();
    // Which rows take the first values: every increasing choice of as many rows.
    let choices: Vec<Vec<usize>> = (0u32..1 << rows_n)
        .filter(|m| m.count_ones() as usize == firsts.len())
        .map(|m| (0..rows_n).filter(|i| m & (1 << i) != 0).collect())
        .collect();
    let shorts_all: Vec<Vec<usize>> = (0..(MAX_SHORT + 1).pow(rows_n as u32))
        .map(|mut code| {
            (0..rows_n)
                .map(|_| {
                    let s = code % (MAX_SHORT + 1);
                    code /= MAX_SHORT + 1;
                    s
                })
                .collect()
        })
        .collect();
    for chosen in &choices {
        for shorts in &shorts_all {
            let need: usize = (0..rows_n)
                .map(|i| {
                    let from_run = if chosen.contains(&i) { n - 1 } else { n };
                    from_run.saturating_sub(shorts.get(i).copied().unwrap_or(0))
                })
                .sum();
            if need != run.len() {
                continue;
            }
            // The rows as read without the lone value.
            let mut made: Vec<Vec<usize>> = Vec::new();
            let mut at = 0;
            let mut first = firsts.iter();
            for i in 0..rows_n {
                let mut cells = Vec::new();
                if chosen.contains(&i) {
                    cells.extend(first.next().copied());
                }
                let take = n - cells.len() - shorts.get(i).copied().unwrap_or(0);
                cells.extend(run.get(at..at + take).unwrap_or_default());
                at += take;
                made.push(cells);
            }
            // The lone value in no row, or in one row short, at any place of it.
            // A first value set apart is its row's first column: nothing before it.
            let mut options: Vec<Option<(usize, usize)>> = vec![None];
            for (i, cells) in made.iter().enumerate() {
                if shorts.get(i).is_some_and(|&s| s > 0) {
                    let from = usize::from(chosen.contains(&i));
                    options.extend((from..=cells.len()).map(|p| Some((i, p))));
                }
            }
            for option in options {
                let mut reading = made.clone();
                let mut short = shorts.clone();
                if let Some((i, p)) = option {
                    if let (Some(cells), Some(s)) = (reading.get_mut(i), short.get_mut(i)) {
                        cells.insert(p, stray);
                        *s -= 1;
                    }
                }
                let counts: Option<Vec<Vec<u64>>> = reading
                    .iter()
                    .map(|cells| {
                        cells
                            .iter()
                            .map(|&k| rows.get(k).and_then(count_of))
                            .collect()
                    })
                    .collect();
                let Some(counts) = counts else {
                    continue;
                };
                let whole = counts.iter().zip(&short).all(|(c, &s)| adds_up(c, s));
                let covers = match (total, counts.first(), counts.get(1)) {
                    (Some(t), Some(a), Some(b)) => (0..n).all(|c| {
                        let (sa, sb) = (short.first().copied(), short.get(1).copied());
                        most(a, sa.unwrap_or(0), c, chosen.contains(&0))
                            + most(b, sb.unwrap_or(0), c, chosen.contains(&1))
                            >= t.get(c).copied().unwrap_or(0)
                    }),
                    _ => true,
                };
                if whole && covers {
                    kept.push((reading, short));
                }
            }
        }
    }
    kept
}

/// Puts table 三's first rows together where one cell of theirs stands alone far
/// from them and exactly one reading is kept (see the module's doc); leaves the zone
/// as it was else.
pub(super) fn first_rows_stray(rows: &mut Vec<TableRow<'_>>) {
    let Some(FirstRows {
        labels_at,
        firsts,
        run,
        end,
    }) = first_rows(rows)
    else {
        return;
    };
    let Some(stray) = lone_value(rows, end) else {
        return;
    };
    let total = results_total(rows);
    let kept = readings(
        rows,
        labels_at.len(),
        &firsts,
        &run,
        stray,
        total.as_deref(),
    );
    // Readings that put the same words in each row are one reading.
    let text = |r: &Reading| -> Vec<Vec<&str>> {
        r.iter()
            .map(|cells| {
                cells
                    .iter()
                    .map(|&k| rows.get(k).and_then(lone).map_or("", |c| c.text))
                    .collect()
            })
            .collect()
    };
    let Some((reading, short)) = kept.first() else {
        return;
    };
    let words = text(reading);
    if kept.iter().any(|(r, s)| text(r) != words || s != short) {
        return;
    }
    if !reading.iter().flatten().any(|&k| k == stray) {
        return;
    }
    let mut made_rows = Vec::new();
    for (&label, cells) in labels_at.iter().zip(reading) {
        let Some(tr) = rows.get(label) else {
            return;
        };
        let mut all = tr.row.cells.clone();
        all.extend(
            cells
                .iter()
                .filter_map(|&k| rows.get(k).and_then(lone).copied()),
        );
        made_rows.push((label, made(all, tr)));
    }
    let taken: Vec<usize> = reading.iter().flatten().copied().collect();
    let old = std::mem::take(rows);
    for (k, r) in old.into_iter().enumerate() {
        if taken.contains(&k) {
            continue;
        }
        match made_rows.iter().position(|m| m.0 == k) {
            Some(at) => rows.push(made_rows.swap_remove(at).1),
            None => rows.push(r),
        }
    }
}
