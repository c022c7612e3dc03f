//! Rows of table 三 that reading-order text wrapped onto several lines, as `pdftotext`
//! without `-layout` writes a printed page's table: the label, then the row's values
//! over two or three lines, bits of the label between or after them.
//!
//! ```text
//! 一、本年新收政府信息公开申请数量
//! 190 1 1 1
//! 0 6 199
//! （二）部分公开（区分处理的，只 23 0 0 0
//! 0 0 23
//! 计这一情形，不计其他情形）
//! ```
//!
//! Such a row is put back together only where its values say so for certain:
//!
//! ```text
//! row  = label values? ( rest* values )+   ; the values of all lines, in order
//! label = a line whose text names a row of table 三 (either edition)
//! values = a line of values alone (numbers or written blanks), two at least
//! rest = a line of text alone that is no row's label and is not numbered
//! ```
//!
//! The right part of a row may come first, on a line of its own before its label's
//! (`0 0 1` / `（五）不 3.要求提供公开出版物 1 0 0 0`): it is joined only after a
//! whole row, before a label's line that no line of values follows, and where the two
//! make seven values that add up.
//!
//! Lines of values are taken while the row has fewer than seven; the row is joined
//! only when it then holds seven values whose last is the sum of the six before, or
//! six whose last is the sum of the five before (a blank cell left nothing, which
//! [`crate::vanished`] places by the sums, or leaves). Anything else is left as it
//! was, to be left unplaced: a wrong number is worse than a missing one.
//!
//! A block of rows' right-hand parts that a printed page set apart from their labels
//! is paired with the rows after it where every pair adds up ([`paired_blocks`]).

use zfxxgk_lex::{Cell, Span};
use zfxxgk_model::{Edition, T3_COLUMNS, T4_COLUMNS, T4_GROUPS};

use crate::labels::{best_t3_row, Folded};
use crate::ledger::parts;
use crate::rows::{Row, TableRow};
use crate::vanished::Token;

/// Fewest values a line must show to be read as a row's wrapped values.
const MIN_LINE_VALUES: usize = 2;

/// What a line of running text in the zone is, for joining.
enum Line<'r, 'i> {
    /// Values alone.
    Values(&'r [Cell<'i>]),
    /// Text alone that names no row and is not numbered: a bit of a wrapped label.
    Rest,
    /// Anything else: a row's label, a row of a table, a header.
    Other,
}

/// Whether labels name a row of table 三 in either edition.
fn names_row(labels: &[Folded<'_>]) -> bool {
    Edition::ALL
        .iter()
        .any(|&e| best_t3_row(labels, e).is_some())
}

fn line<'r, 'i>(tr: &'r TableRow<'i>) -> Line<'r, 'i> {
    if !tr.from_text {
        return Line::Other;
    }
    let p = parts(&tr.row);
    let labels: Vec<Folded<'_>> = p.labels().map(Folded::new).collect();
    match (labels.is_empty(), p.values.is_empty()) {
        (true, false) => Line::Values(p.values),
        (false, true) if !labels.iter().any(Folded::numbered) && !names_row(&labels) => Line::Rest,
        _ => Line::Other,
    }
}

/// Whether `values` are a whole row of table 三: seven whose last is the sum of the
/// six before, or six whose last is the sum of the five before; the total a count, or
/// a blank written where the others add up to 0.
pub(crate) fn whole(values: &[Cell<'_>]) -> bool {
    let n = values.len();
    n + 1 >= T3_COLUMNS.len() && n <= T3_COLUMNS.len() && group_adds_up(values)
}

/// Joins the rows of table 三's zone that reading-order text wrapped onto several
/// lines, as the module says.
pub(crate) fn rejoin(text: &str, rows: &mut Vec<TableRow<'_>>) {
    // Debian html2text's padded tables are pipes, never wrapped text: their rows keep
    // what ran on into their cells (`TableRow::overflow`), which a joined row drops.
    if rows.iter().any(|r| r.padded) {
        return;
    }
    unstack(text, rows);
    cut_aligned(text, rows);
    if !rows.iter().any(|r| r.from_text) {
        return;
    }
    let old = column_blocks(text, paired_blocks(std::mem::take(rows)));
    let mut i = 0;
    while let Some(tr) = old.get(i) {
        match joined(&old, i) {
            Some((row, end, before)) => {
                if before {
                    // The line before, its label's beginning, is the row's now.
                    rows.pop();
                }
                rows.push(row);
                // The bits of label passed over stay, as lines of text.
                rows.extend(
                    old.get(i + 1..end)
                        .unwrap_or_default()
                        .iter()
                        .filter(|r| matches!(line(r), Line::Rest))
                        .cloned(),
                );
                i = end;
            }
            None => match before_its_label(&old, i, rows) {
                Some(row) => {
                    rows.push(row);
                    i += 2;
                }
                None => {
                    rows.push(tr.clone());
                    i += 1;
                }
            },
        }
    }
}

/// Most rows one stack of a space-aligned table holds.
const MAX_STACKED: usize = 4;

/// Rows of a space-aligned table (`pdftotext -layout`) that a narrow page wrote as a
/// stack, column by column, each column's cells one above another, one a line:
///
/// ```text
///       3.补正后申请内容仍不明确
///                    0           ; natural person of the first row, then the second
///                    6
///                               0
///                               0
///                                   …
///                                                  0    ; total
///                                                  6
/// ```
///
/// A run of lines of one value alone (and nothing else, spaces before it), each sharing
/// characters with the column of the line before (`3` over `10`, flush right) or
/// wholly right of it, is read as `k` rows where it makes table 三's seven
/// columns, each `k` lines tall (2 to [`MAX_STACKED`]) and right of the one before;
/// row `j` takes the `j`th value of each column, and is read only where every row
/// made adds up ([`whole`]). A staircase that is not whole (a column short of a value:
/// a blank cell left no text) is kept as lines of values where they stand, for table
/// 三's stacks to read a column at a time, where the line beside it makes the seven
/// columns (`0    0` before it or after it), or where the staircase goes on after that
/// line (`0   0`, then the total column's values a line each). Anything else is left
/// as it was.
fn unstack<'i>(text: &str, rows: &mut Vec<TableRow<'i>>) {
    let n = T3_COLUMNS.len();
    // The value of a line of one value alone, and where it stands on its line (in
    // characters, as `pdftotext` sets them; only spaces before it).
    let lone = |tr: &TableRow<'i>| -> Option<(u32, u32, Cell<'i>)> {
        let [c] = tr.row.cells.as_slice() else {
            return None;
        };
        let p = parts(&tr.row);
        (p.values.len() == 1 && p.labels().next().is_none()).then_some(())?;
        let line = crate::columns::line_before(text, c.span.start)?;
        if line.is_empty() || !line.chars().all(|ch| ch == ' ') {
            return None;
        }
        let start = u32::try_from(line.chars().count()).ok()?;
        let width = u32::try_from(c.text.chars().count()).ok()?;
        let end = start.saturating_add(width);
        Some((
            start,
            end,
            Cell {
                x: Some((start, end)),
                ..*c
            },
        ))
    };
    let mut i = 0;
    while i < rows.len() {
        let run = rows
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|tr| lone(tr).is_some())
            .count();
        if run < 2 {
            i += run.max(1);
            continue;
        }
        let at: Vec<(u32, u32, Cell<'i>)> = rows
            .get(i..i + run)
            .unwrap_or_default()
            .iter()
            .filter_map(lone)
            .collect();
        let (columns, extents, in_order) = stacked_columns(&at);
        let k = columns.first().map_or(0, Vec::len);
        // Rows are made only of a stack of the table's shape, and taken where each
        // adds up.
        let shaped = in_order
            && run >= 2 * n
            && columns.len() == n
            && (2..=MAX_STACKED).contains(&k)
            && columns.iter().all(|c| c.len() == k);
        let made = shaped
            .then(|| {
                (0..k)
                    .map(|j| {
                        let cells: Vec<Cell<'i>> =
                            columns.iter().filter_map(|c| c.get(j).copied()).collect();
                        let span = Span::new(
                            cells.first().map_or(0, |c| c.span.start),
                            cells.last().map_or(0, |c| c.span.end),
                        );
                        TableRow {
                            row: Row { cells, span },
                            from_text: false,
                            overflow: Box::default(),
                            padded: false,
                        }
                    })
                    .collect::<Vec<TableRow<'i>>>()
            })
            .filter(|made| made.iter().all(|r| whole(&r.row.cells)));
        if let Some(made) = made {
            rows.splice(i..i + run, made);
            i += k;
            continue;
        }
        // A staircase that is not whole: a column holds fewer values than the others
        // (a blank cell left no text), and values of the columns at its ends stand
        // on the line just before or after it, values alone (`0    0`), which makes
        // the table's seven columns. Its lines are kept as lines of values where they
        // stand, for table 三 to read a column at a time where the sums say
        // ([`crate::table3`]'s stacks).
        let with_line = |tr: &TableRow<'i>| {
            let Some(xs) = values_at(tr).filter(|xs| !xs.is_empty()) else {
                return false;
            };
            let mut all = with_extents(&extents, xs);
            all.sort_unstable();
            all.len() == n && apart(&all)
        };
        // The line beside, and the one beyond it, which must be no value alone (the
        // staircase would go on there, and it is not whole).
        let beside = [
            (i.checked_sub(1), i.checked_sub(2)),
            (Some(i + run), Some(i + run + 1)),
        ];
        let stackable = in_order && columns.iter().all(|c| c.len() <= MAX_STACKED);
        let staircase = stackable
            && beside.into_iter().any(|(next, beyond)| {
                let at = |k: Option<usize>| k.and_then(|k| rows.get(k));
                at(next).is_some_and(with_line) && at(beyond).is_none_or(|tr| lone(tr).is_none())
            });
        // Or the staircase goes on after that line (`0   0`: one column's second
        // value beside a column short of one), a value a line again (the total
        // column's), the three making the seven columns left to right.
        let after: Vec<(u32, u32, Cell<'i>)> = rows
            .get(i + run + 1..)
            .unwrap_or_default()
            .iter()
            .map_while(lone)
            .collect();
        let bridged = !staircase
            && stackable
            && !after.is_empty()
            && rows.get(i + run).is_some_and(|tr| {
                let Some(xs) = values_at(tr).filter(|xs| xs.len() >= 2) else {
                    return false;
                };
                let (more, more_extents, more_in_order) = stacked_columns(&after);
                let mut all = with_extents(&extents, xs);
                let before = all.len();
                all.extend(more_extents);
                more_in_order
                    && more.iter().all(|c| c.len() <= MAX_STACKED)
                    && all.len() == n
                    && before < n
                    && apart(&all)
            });
        let mut kept = |from: usize, values: &[(u32, u32, Cell<'i>)]| {
            for (tr, &(_, _, c)) in rows
                .get_mut(from..)
                .unwrap_or_default()
                .iter_mut()
                .zip(values)
            {
                tr.row.cells = vec![c];
                tr.from_text = false;
            }
        };
        if staircase || bridged {
            kept(i, &at);
        }
        if bridged {
            kept(i + run + 1, &after);
            i += after.len() + 1;
        }
        i += run;
    }
}

/// Where each value of a line of values alone (no label) stands, where every one's
/// place is told.
fn values_at(tr: &TableRow<'_>) -> Option<Vec<(u32, u32)>> {
    let p = parts(&tr.row);
    if p.labels().next().is_some() {
        return None;
    }
    p.values.iter().map(|c| c.x).collect()
}

/// `extents` and, after them, each of `xs` that shares no character with one of them.
fn with_extents(extents: &[(u32, u32)], xs: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    let mut all = extents.to_vec();
    for x in xs {
        if !all.iter().any(|&a| crate::columns::overlaps(x, a)) {
            all.push(x);
        }
    }
    all
}

/// Whether each of `extents` stands wholly left of the next.
fn apart(extents: &[(u32, u32)]) -> bool {
    extents
        .windows(2)
        .all(|w| matches!(w, [a, b] if a.1 <= b.0))
}

/// A staircase's columns of values, their extents, and whether they stand in order
/// ([`stacked_columns`]).
type Stacked<'i> = (Vec<Vec<Cell<'i>>>, Vec<(u32, u32)>, bool);

/// The columns of a staircase's lines of one value each (`at`: where each value
/// stands, and the value): runs of lines whose values share characters with the
/// column's (numbers set flush right, `3` over `10`, or flush left), left to right,
/// a value wholly right of its column's beginning the next; each column's extent;
/// and whether every value stands in or right of the column before (in order).
fn stacked_columns<'i>(at: &[(u32, u32, Cell<'i>)]) -> Stacked<'i> {
    let mut columns: Vec<Vec<Cell<'i>>> = Vec::new();
    let mut extents: Vec<(u32, u32)> = Vec::new();
    let mut in_order = true;
    for &(start, end, c) in at {
        match extents.last_mut() {
            Some((s, e)) if crate::columns::overlaps((start, end), (*s, *e)) => {
                if let Some(col) = columns.last_mut() {
                    col.push(c);
                }
                (*s, *e) = ((*s).min(start), (*e).max(end));
            }
            Some((_, e)) if start < *e => in_order = false,
            _ => {
                columns.push(vec![c]);
                extents.push((start, end));
            }
        }
    }
    (columns, extents, in_order)
}

/// Joins the rows of a space-aligned table (`pdftotext -layout`) that a label cut over
/// two lines cut in two, the first values on the first line and the others on the
/// next (`理结果 （二）部分公开（区分处理的，只计这一情形， 23` / `不计其他情形） 0 0 0
/// 0 0 23`): only where the two lines are next to each other, one of their labels
/// names no row of table 三, every value of the first stands left of every value of
/// the second (counted in characters, as `pdftotext` sets them), and together they
/// are seven values that add up ([`whole`]). The first line may be one of running
/// text (its value one space after the label).
fn cut_aligned<'i>(text: &str, rows: &mut Vec<TableRow<'i>>) {
    let n = T3_COLUMNS.len();
    let mut i = 0;
    while i + 1 < rows.len() {
        let (a, b) = (&rows[i], &rows[i + 1]);
        let (pa, pb) = (parts(&a.row), parts(&b.row));
        let between = text
            .get(a.row.span.end..b.row.span.start)
            .unwrap_or_default();
        let positioned = |v: &[Cell<'_>]| !v.is_empty() && v.iter().all(|c| c.x.is_some());
        let named = |p: &crate::ledger::Parts<'_, '_>| {
            let labels: Vec<Folded<'_>> = p.labels().map(Folded::new).collect();
            names_row(&labels)
        };
        // The first part may be a line of running text (its value one space after
        // the label, so no column of the table): it is read where it stands.
        let fits = pa.values.len() + pb.values.len() == n
            && (positioned(pa.values) || (a.from_text && !pa.values.is_empty()))
            && positioned(pb.values)
            && between.chars().filter(|&c| c == '\n').count() == 1
            && between.trim().is_empty()
            && !(named(&pa) && named(&pb));
        // Characters from the start of its line to `at`.
        let column = |at: usize| {
            crate::columns::line_before(text, at)
                .unwrap_or_default()
                .chars()
                .count()
        };
        let left_of = || match (pa.values.last(), pb.values.first()) {
            (Some(l), Some(f)) => {
                column(l.span.start) + l.text.chars().count() < column(f.span.start)
            }
            _ => false,
        };
        let values: Vec<Cell<'i>> = pa.values.iter().chain(pb.values).copied().collect();
        if !(fits && left_of() && whole(&values)) {
            i += 1;
            continue;
        }
        let label = |r: &TableRow<'i>, k: usize| -> Vec<Cell<'i>> {
            r.row
                .cells
                .get(..r.row.cells.len().saturating_sub(k))
                .unwrap_or_default()
                .to_vec()
        };
        let mut cells = label(a, pa.values.len());
        cells.extend(label(b, pb.values.len()));
        cells.extend(values);
        let row = TableRow {
            row: Row {
                cells,
                span: Span::new(a.row.span.start, b.row.span.end),
            },
            from_text: false,
            overflow: Box::default(),
            padded: false,
        };
        rows.splice(i..i + 2, [row]);
        i += 1;
    }
}

/// Joins table 四's row of values that reading-order text wrapped onto two lines or
/// more (`1 2 3 2 8 1 3 1` / `5 3 1 3 2 9`, `pdftotext` of a printed page): lines of
/// values alone, two at least each, next to each other, that make fifteen values, or
/// fourteen (a blank cell left nothing, which the groups' sums place or leave), and
/// only where the lines before and after them hold no value. Fifteen on two lines
/// that do not add up as written are joined in the one merge of the two lines,
/// each kept in its order, whose groups add up ([`only_merge`]), if only one does.
pub(crate) fn rejoin_t4(rows: &mut Vec<TableRow<'_>>) {
    if rows.iter().any(|r| r.padded) {
        return;
    }
    let n = T4_COLUMNS.len() * T4_GROUPS.len();
    let values_line = |r: &TableRow<'_>| match line(r) {
        Line::Values(v) => v.len() >= MIN_LINE_VALUES && v.len() < n - 1,
        _ => false,
    };
    let mut i = 0;
    while i < rows.len() {
        let mut e = i;
        while rows.get(e).is_some_and(values_line) {
            e += 1;
        }
        let count: usize = rows
            .get(i..e)
            .unwrap_or_default()
            .iter()
            .map(|r| parts(&r.row).values.len())
            .sum();
        let before = i.checked_sub(1).and_then(|k| rows.get(k));
        let clear = |r: Option<&TableRow<'_>>| r.is_none_or(|r| parts(&r.row).values.is_empty());
        let cells: Vec<Cell<'_>> = rows
            .get(i..e)
            .unwrap_or_default()
            .iter()
            .flat_map(|r| r.row.cells.iter().copied())
            .collect();
        // Fifteen values must add up group by group (the lines may stand in another
        // order than their columns); fourteen are left to the sums of the groups.
        let adds_up = count + 1 == n || cells.chunks(T4_COLUMNS.len()).all(|g| group_adds_up(g));
        // Two lines whose fifteen values add up in no group order as written: the
        // one way of merging them, each line's values kept in their order, that
        // adds up, if only one does.
        let merged = match rows.get(i..e) {
            Some([a, b]) if count == n && !adds_up => {
                let (pa, pb) = (parts(&a.row), parts(&b.row));
                only_merge(pa.values, pb.values)
            }
            _ => None,
        };
        let (cells, adds_up) = match merged {
            Some(m) => (m, true),
            None => (cells, adds_up),
        };
        if e - i >= 2
            && (count == n || count + 1 == n)
            && adds_up
            && clear(before)
            && clear(rows.get(e))
        {
            let start = cells.iter().map(|c| c.span.start).min();
            let end = cells.iter().map(|c| c.span.end).max();
            let span = match start.zip(end) {
                Some((s, e)) => Span::new(s, e),
                _ => continue,
            };
            let row = TableRow {
                row: Row { cells, span },
                from_text: true,
                overflow: Box::default(),
                padded: false,
            };
            rows.splice(i..e, [row]);
        }
        i = e.max(i + 1);
    }
}

/// The one merge of two lines of table 四's values (`5 2 0 0 1 3 3 0 2 0 5` and
/// `0 3 1 1`: a printed page set the first group's first four cells after the rest),
/// each line's values kept in their order, whose three groups add up
/// ([`group_adds_up`]); `None` where none does or more than one merge, by their
/// values, does.
fn only_merge<'i>(a: &[Cell<'i>], b: &[Cell<'i>]) -> Option<Vec<Cell<'i>>> {
    let n = a.len() + b.len();
    let mut found: Option<Vec<Cell<'i>>> = None;
    // Each merge is the set of places the second line's values take, in order.
    let mut places: Vec<usize> = (0..b.len()).collect();
    loop {
        let mut merged = Vec::with_capacity(n);
        let (mut ia, mut ib) = (a.iter(), b.iter());
        for k in 0..n {
            let next = if places.contains(&k) {
                ib.next()
            } else {
                ia.next()
            };
            merged.extend(next.copied());
        }
        if merged.len() == n && merged.chunks(T4_COLUMNS.len()).all(group_adds_up) {
            let texts = |m: &[Cell<'_>]| {
                m.iter()
                    .map(|c| c.text.trim())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            match &found {
                Some(f) if texts(f) != texts(&merged) => return None,
                Some(_) => {}
                None => found = Some(merged),
            }
        }
        // The next set of places, in lexicographic order; done after the last.
        let mut k = b.len();
        loop {
            let Some(j) = k.checked_sub(1) else {
                return found;
            };
            k = j;
            let limit = n - (b.len() - k);
            if places.get(k).is_some_and(|&p| p < limit) {
                break;
            }
        }
        let Some(&p) = places.get(k) else {
            return found;
        };
        for (off, slot) in places.iter_mut().skip(k).enumerate() {
            *slot = p + 1 + off;
        }
    }
}

/// Whether a group's values add up: its last the sum of the others, a blank written
/// counted as 0.
pub(crate) fn group_adds_up(values: &[Cell<'_>]) -> bool {
    let tokens: Vec<Token> = values.iter().map(|c| Token::of(c.text)).collect();
    crate::vanished::adds_up(&tokens) == Some(true)
}

/// A row of table 三 that [`column_blocks`] fills: its label's line, its own values
/// (on that line and the lines up to the next label), and the lines they stand on.
struct Open<'i> {
    label: usize,
    values: Vec<Cell<'i>>,
    lines: Vec<usize>,
}

/// Whether a blank line stands between rows `a` and `b` of the zone.
fn blank_between(text: &str, a: &TableRow<'_>, b: &TableRow<'_>) -> bool {
    text.get(a.row.span.end..b.row.span.start)
        .is_some_and(|t| t.chars().filter(|&c| c == '\n').count() >= 2)
}

/// Rows of table 三 whose values `pdftotext` wrote column by column after their labels
/// (a printed page read down each column): the labels, each with the same number of
/// its own values (none, or its first), then blocks of values one line a row, a blank
/// line between blocks:
///
/// ```text
/// 4.保护第三方合      ; the rows' labels, no value of their own
/// 5.属于三类内部
/// …
/// 四、结转下年度继续办理
///
/// 4                   ; a block: the first column of the first rows
/// 10
/// …
/// ```
///
/// The blocks are read in order: blocks of as many lines as each other, whose values
/// a line make up the columns the rows lack, give those columns to as many rows, the
/// first not yet given; then the next blocks to the next rows. Read only when this
/// gives every row its columns and takes every block, and every row then adds up
/// ([`whole`]); otherwise nothing is read.
fn column_blocks<'i>(text: &str, rows: Vec<TableRow<'i>>) -> Vec<TableRow<'i>> {
    let n = T3_COLUMNS.len();
    let named = |tr: &TableRow<'_>| {
        tr.from_text && {
            let labels: Vec<Folded<'_>> = parts(&tr.row).labels().map(Folded::new).collect();
            names_row(&labels)
        }
    };
    let Some(last) = rows.iter().rposition(named) else {
        return rows;
    };
    // After the last label: its own values up to a blank line, then blocks of lines of
    // values alone, nothing else.
    let tail = rows.get(last + 1..).unwrap_or_default();
    if tail.is_empty() || !tail.iter().all(|r| matches!(line(r), Line::Values(_))) {
        return rows;
    }
    let mut own_end = last + 1;
    while own_end < rows.len()
        && rows
            .get(own_end - 1)
            .zip(rows.get(own_end))
            .is_some_and(|(a, b)| !blank_between(text, a, b))
    {
        own_end += 1;
    }
    // The blocks: runs of lines, a blank line between runs.
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    for j in own_end..rows.len() {
        let apart = j == own_end
            || rows
                .get(j - 1)
                .zip(rows.get(j))
                .is_some_and(|(a, b)| blank_between(text, a, b));
        match blocks.last_mut() {
            Some(b) if !apart => b.push(j),
            _ => blocks.push(vec![j]),
        }
    }
    // The labels before, back to one whose values differ in number from the last's.
    let open_at = |at: usize, end: usize| -> Option<Open<'i>> {
        let tr = rows.get(at)?;
        let mut o = Open {
            label: at,
            values: parts_of(tr).to_vec(),
            lines: Vec::new(),
        };
        for j in at + 1..end {
            let r = rows.get(j)?;
            match line(r) {
                Line::Values(v) => {
                    o.values.extend_from_slice(v);
                    o.lines.push(j);
                }
                Line::Rest => {}
                Line::Other => {
                    // A bit of label with a value after it (`逾期不补正、行政机 1`).
                    let p = parts(&r.row);
                    let labels: Vec<Folded<'_>> = p.labels().map(Folded::new).collect();
                    if !r.from_text || labels.iter().any(Folded::numbered) || names_row(&labels) {
                        if !p.values.is_empty() {
                            return None;
                        }
                        continue;
                    }
                    o.values.extend_from_slice(p.values);
                    o.lines.push(j);
                }
            }
        }
        Some(o)
    };
    let Some(tail_open) = open_at(last, own_end) else {
        return rows;
    };
    let k = tail_open.values.len();
    if k >= n - 1 {
        return rows;
    }
    let mut open = vec![tail_open];
    let mut end = last;
    for at in (0..last).rev() {
        let Some(tr) = rows.get(at) else { break };
        if !named(tr) {
            continue;
        }
        match open_at(at, end) {
            Some(o) if o.values.len() == k => {
                open.push(o);
                end = at;
            }
            _ => break,
        }
    }
    open.reverse();
    // Blocks to rows, in order.
    let mut given: Vec<Vec<Cell<'i>>> = open.iter().map(|o| o.values.clone()).collect();
    let mut row = 0;
    let mut b = 0;
    while let Some(first) = blocks.get(b) {
        let height = first.len();
        let mut width = 0;
        while width < n - k {
            let Some(block) = blocks.get(b).filter(|bl| bl.len() == height) else {
                return rows;
            };
            let w = block
                .first()
                .and_then(|&j| rows.get(j))
                .map_or(0, |r| parts_of(r).len());
            if block
                .iter()
                .any(|&j| rows.get(j).is_none_or(|r| parts_of(r).len() != w))
            {
                return rows;
            }
            for (r, &j) in block.iter().enumerate() {
                let (Some(g), Some(line)) = (given.get_mut(row + r), rows.get(j)) else {
                    return rows;
                };
                g.extend_from_slice(parts_of(line));
            }
            width += w;
            b += 1;
        }
        if width != n - k {
            return rows;
        }
        row += height;
    }
    if row != open.len() || !given.iter().all(|g| g.len() == n && whole(g)) {
        return rows;
    }
    // Each label's row takes its values; the lines of values are gone.
    let mut made: Vec<Option<TableRow<'i>>> = vec![None; rows.len()];
    let mut taken = vec![false; rows.len()];
    for (o, values) in open.iter().zip(given) {
        let Some(tr) = rows.get(o.label) else {
            return rows;
        };
        let p = parts(&tr.row);
        let mut cells: Vec<Cell<'i>> = tr
            .row
            .cells
            .get(..tr.row.cells.len() - p.values.len())
            .unwrap_or_default()
            .to_vec();
        cells.extend(values);
        if let Some(slot) = made.get_mut(o.label) {
            *slot = Some(TableRow {
                row: Row {
                    cells,
                    span: tr.row.span,
                },
                from_text: true,
                overflow: Box::default(),
                padded: false,
            });
        }
        for &j in &o.lines {
            if let Some(t) = taken.get_mut(j) {
                *t = true;
            }
        }
    }
    for block in &blocks {
        for &j in block {
            if let Some(t) = taken.get_mut(j) {
                *t = true;
            }
        }
    }
    rows.into_iter()
        .zip(made)
        .zip(taken)
        .filter_map(|((r, m), t)| match m {
            Some(m) => Some(m),
            None => (!t).then_some(r),
        })
        .collect()
}

/// Fewest lines a block of rows' right-hand parts must have to be paired.
const MIN_BLOCK: usize = 3;

/// Most ways of cutting a block into rows that are tried; a block cut more ways is
/// left as it is.
const MAX_WAYS: usize = 16;

/// Most rows of a paired block that may show five values, a blank cell gone from
/// each part, and so be paired without adding up; the others must.
const MAX_UNCHECKED: usize = 1;

/// A row's left-hand part: the index of its label's line, and its values (those on
/// that line and on the lines of values alone after it).
type LeftPart<'i> = (usize, Vec<Cell<'i>>, Vec<usize>);

/// Rows whose right-hand columns `pdftotext` wrote as a block of their own, one line
/// a row, away from their labels and left-hand values (a printed page cut a wide
/// table in two):
///
/// ```text
/// 0 1 6 2 130        ; research … total of each row, one line a row
/// 0 0 0 0 6
/// 1 0                ; a row cut in two where a blank cell left a gap
/// 1 2
/// …
/// 一、本年新收政府信息公开申请数量
/// 120 1              ; natural person, commercial
/// 二、上年结转政府信息公开申请数量
/// 6 —
/// 6 0                ; the values of the label after, which ran over two lines
/// （三）不 4.保护第三方合法权益
/// ```
///
/// A run of lines of values alone (the longest `k` of them, at least
/// [`MIN_LINE_VALUES`] and at most five) is cut into rows of `k` values, or one less
/// where a blank cell left nothing, each row one line or two ([`block_ways`]); the
/// rows (at least [`MIN_BLOCK`]) are paired, in order, with the rows after the run
/// that a label names, each showing seven less `k` values (one less where a blank
/// cell left nothing). A way is taken only where every pair adds up ([`whole`]), but
/// for at most [`MAX_UNCHECKED`] that lost a cell on each side, and only where it is
/// the one way of cutting the run that does: then each row is its label, its values
/// and its part of the block. Otherwise nothing is paired.
fn paired_blocks(rows: Vec<TableRow<'_>>) -> Vec<TableRow<'_>> {
    let n = T3_COLUMNS.len();
    let mut out = rows;
    let mut i = 0;
    while i < out.len() {
        let mut counts = Vec::new();
        while let Some(Line::Values(v)) = out.get(i + counts.len()).map(line) {
            if v.len() + 1 >= n {
                break;
            }
            counts.push(v.len());
        }
        let e = i + counts.len();
        let k = counts.iter().copied().max().unwrap_or(0);
        if k < MIN_LINE_VALUES {
            i = e.max(i + 1);
            continue;
        }
        let values = |lines: &[usize]| -> Vec<Cell<'_>> {
            lines
                .iter()
                .filter_map(|&l| out.get(l))
                .flat_map(|r| parts_of(r).iter().copied())
                .collect()
        };
        let mut found = block_ways(&counts, k)
            .unwrap_or_default()
            .into_iter()
            .filter(|way| way.len() >= MIN_BLOCK)
            .filter_map(|way| {
                let way: Vec<Vec<usize>> = way
                    .into_iter()
                    .map(|r| r.into_iter().map(|l| i + l).collect())
                    .collect();
                let parts = left_parts(&out, e, way.len(), n - k)?;
                // Each pair adds up, but for at most one that lost a cell on each
                // side (five values: nothing to add up).
                let mut unchecked = 0;
                let fits = parts.iter().zip(&way).all(|((_, left, _), lines)| {
                    let mut all = left.clone();
                    all.extend(values(lines));
                    if all.len() + 2 == n {
                        unchecked += 1;
                        return unchecked <= MAX_UNCHECKED;
                    }
                    whole(&all)
                });
                fits.then_some((way, parts))
            });
        let (Some((way, parts)), None) = (found.next(), found.next()) else {
            i = e;
            continue;
        };
        // The rows put together, by their label's index; the lines they take.
        let mut made: Vec<(usize, TableRow<'_>)> = Vec::new();
        let mut taken: Vec<usize> = (i..e).collect();
        for ((at, left, lines), block) in parts.iter().zip(&way) {
            let Some(tr) = out.get(*at) else { continue };
            let mut cells = tr.row.cells.clone();
            let own = parts_of(tr).len();
            cells.extend(left.iter().skip(own).copied());
            cells.extend(values(block));
            let spans = lines.iter().filter_map(|&l| out.get(l)).map(|r| r.row.span);
            let start = spans
                .clone()
                .map(|s| s.start)
                .fold(tr.row.span.start, usize::min);
            let end = spans.map(|s| s.end).fold(tr.row.span.end, usize::max);
            made.push((
                *at,
                TableRow {
                    row: Row {
                        cells,
                        span: Span::new(start, end),
                    },
                    from_text: true,
                    overflow: Box::default(),
                    padded: false,
                },
            ));
            taken.extend_from_slice(lines);
        }
        let mut next = Vec::with_capacity(out.len());
        let mut made = made.into_iter().peekable();
        for (j, r) in out.into_iter().enumerate() {
            if let Some((_, row)) = made.next_if(|(at, _)| *at == j) {
                next.push(row);
            } else if !taken.contains(&j) {
                next.push(r);
            }
        }
        out = next;
        // The block's lines are gone: go on from where it stood.
    }
    out
}

/// The ways lines of `counts` values each fall into rows of `k` values or `k - 1`,
/// a row on one line or on two (`pdftotext` cuts a row where a blank cell leaves a
/// wide gap): each way is its rows, each row the indices of its lines. `None` where
/// there are more than [`MAX_WAYS`].
fn block_ways(counts: &[usize], k: usize) -> Option<Vec<Vec<Vec<usize>>>> {
    fn go(
        counts: &[usize],
        k: usize,
        from: usize,
        rows: &mut Vec<Vec<usize>>,
        ways: &mut Vec<Vec<Vec<usize>>>,
    ) -> Option<()> {
        if from == counts.len() {
            if ways.len() == MAX_WAYS {
                return None;
            }
            ways.push(rows.clone());
            return Some(());
        }
        let fits = |c: usize| c + 1 == k || c == k;
        let one = counts.get(from).copied().unwrap_or(0);
        let two = counts.get(from + 1).map(|c| one + c);
        for (lines, sum) in [(1, Some(one)), (2, two)] {
            if sum.is_some_and(fits) {
                rows.push((from..from + lines).collect());
                go(counts, k, from + lines, rows, ways)?;
                rows.pop();
            }
        }
        Some(())
    }
    let mut ways = Vec::new();
    go(counts, k, 0, &mut Vec::new(), &mut ways)?;
    Some(ways)
}

/// The values of a row, as [`parts`] tells them.
fn parts_of<'r, 'i>(tr: &'r TableRow<'i>) -> &'r [Cell<'i>] {
    parts(&tr.row).values
}

/// The left-hand parts of the `m` rows a label names from `old[from]` on, each of
/// `want` values or one less; `None` when the lines there are not so. A line of
/// values after a row that has its values, right before a label's line that has
/// none, is that label's (its cell ran over two lines, the values standing at its
/// middle).
fn left_parts<'i>(
    old: &[TableRow<'i>],
    from: usize,
    m: usize,
    want: usize,
) -> Option<Vec<LeftPart<'i>>> {
    let mut parts: Vec<LeftPart<'i>> = Vec::new();
    let done = |p: &LeftPart<'_>| p.1.len() + 1 >= want;
    // Values that stand before their label's line, and that line.
    let mut early: Option<(&[Cell<'i>], usize)> = None;
    let mut j = from;
    while let Some(tr) = old.get(j) {
        match line(tr) {
            Line::Values(v) => {
                let p = parts.last_mut()?;
                if early.is_some() {
                    return None;
                } else if p.1.len() + v.len() <= want {
                    p.1.extend_from_slice(v);
                    p.2.push(j);
                } else if done(p) && bare_label_next(old, j + 1) {
                    early = Some((v, j));
                } else {
                    return None;
                }
            }
            Line::Rest => {}
            Line::Other => {
                // A line of text that names no row (a header's word, a group's
                // name) is passed over.
                if let Some(values) = parts_view(tr)? {
                    if parts.last().is_some_and(|p| !done(p)) || values.len() > want {
                        return None;
                    }
                    if parts.len() == m {
                        break;
                    }
                    let (values, lines) = match early.take() {
                        Some((v, l)) => (v.to_vec(), vec![l]),
                        None => (values.to_vec(), Vec::new()),
                    };
                    parts.push((j, values, lines));
                }
            }
        }
        j += 1;
    }
    (parts.len() == m && parts.iter().all(done)).then_some(parts)
}

/// Whether the first line from `old[j]` on that is not a bit of label is a label's
/// line naming a row, with no value.
fn bare_label_next(old: &[TableRow<'_>], j: usize) -> bool {
    old.get(j..)
        .unwrap_or_default()
        .iter()
        .find(|tr| !matches!(line(tr), Line::Rest))
        .and_then(parts_view)
        .is_some_and(|v| v.is_some_and(<[Cell<'_>]>::is_empty))
}

/// A line of running text that no value line or bit of label is: `Some(Some(values))`
/// for a row its label names, `Some(None)` for text that names none and holds no
/// value, `None` for anything else (a row of a table, values after text that names
/// no row).
fn parts_view<'r, 'i>(tr: &'r TableRow<'i>) -> Option<Option<&'r [Cell<'i>]>> {
    if !tr.from_text {
        return None;
    }
    let p = parts(&tr.row);
    let labels: Vec<Folded<'_>> = p.labels().map(Folded::new).collect();
    if names_row(&labels) {
        Some(Some(p.values))
    } else if p.values.is_empty() {
        Some(None)
    } else {
        None
    }
}

/// The row whose last values `old[i]`, a line of values alone, are, written before
/// the line of its label and first values (`0 0 1` / `（五）不 3.要求提供公开出版物 1 0
/// 0 0`: the label's cell ran over two lines, and the row's right part was read
/// first). Joined only where the row before (`done`'s last with values) is whole, so
/// the line cannot be its end; where the label's line is followed by no line of
/// values, which could be its end instead; and where the two make seven values that
/// add up, the label's first.
fn before_its_label<'i>(
    old: &[TableRow<'i>],
    i: usize,
    done: &[TableRow<'i>],
) -> Option<TableRow<'i>> {
    let Line::Values(last) = line(old.get(i)?) else {
        return None;
    };
    let previous = done
        .iter()
        .rev()
        .map(|r| parts(&r.row).values.len())
        .find(|&n| n > 0)?;
    if last.len() < MIN_LINE_VALUES || previous + 1 < T3_COLUMNS.len() {
        return None;
    }
    let tr = old.get(i + 1)?;
    if !tr.from_text || matches!(old.get(i + 2).map(line), Some(Line::Values(_))) {
        return None;
    }
    let p = parts(&tr.row);
    let labels: Vec<Folded<'_>> = p.labels().map(Folded::new).collect();
    if labels.is_empty() || p.values.len() + last.len() != T3_COLUMNS.len() || !names_row(&labels) {
        return None;
    }
    let values: Vec<Cell<'i>> = p.values.iter().chain(last).copied().collect();
    if !whole(&values) {
        return None;
    }
    let mut cells = tr.row.cells.clone();
    cells.extend_from_slice(last);
    let start = last.first().map_or(tr.row.span.start, |c| c.span.start);
    Some(TableRow {
        row: Row {
            cells,
            span: Span::new(start, tr.row.span.end),
        },
        from_text: true,
        overflow: Box::default(),
        padded: false,
    })
}

/// The row that starts at `old[i]` joined with the lines its values wrapped onto, and
/// where the rows after it begin; `None` when it is no such row.
fn joined<'i>(old: &[TableRow<'i>], i: usize) -> Option<(TableRow<'i>, usize, bool)> {
    let tr = old.get(i)?;
    if !tr.from_text {
        return None;
    }
    let p = parts(&tr.row);
    let labels: Vec<Folded<'_>> = p.labels().map(Folded::new).collect();
    if labels.is_empty() || p.values.len() >= T3_COLUMNS.len() {
        return None;
    }
    let before = if names_row(&labels) {
        None
    } else {
        Some(label_before(old, i, &p)?)
    };
    let mut cells: Vec<Cell<'i>> = before.map(|b| b.row.cells.clone()).unwrap_or_default();
    cells.extend_from_slice(&tr.row.cells);
    let mut values: Vec<Cell<'i>> = p.values.to_vec();
    let mut end = i + 1;
    // Where the last line of values ends: bits of label after it are not taken.
    let mut last = None;
    while values.len() < T3_COLUMNS.len() {
        let Some(next) = old.get(end) else { break };
        match line(next) {
            Line::Values(v)
                if v.len() >= MIN_LINE_VALUES && values.len() + v.len() <= T3_COLUMNS.len() =>
            {
                values.extend_from_slice(v);
                cells.extend_from_slice(v);
                end += 1;
                last = Some(end);
            }
            Line::Rest => end += 1,
            _ => break,
        }
    }
    let end = last?;
    if !whole(&values) {
        return None;
    }
    let span = match (cells.first(), cells.last()) {
        (Some(f), Some(l)) => Span::new(f.span.start, l.span.end),
        _ => tr.row.span,
    };
    Some((
        TableRow {
            row: Row { cells, span },
            from_text: true,
            overflow: Box::default(),
            padded: false,
        },
        end,
        before.is_some(),
    ))
}

/// The line before `old[i]` (whose labels, `p`'s, name no row) when it holds the
/// beginning of the row's label and no value: its last label and `old[i]`'s last,
/// written together, begin a row's wording (`（二）部分公开（区分处理` / `的，只计这一情形，不计其
/// 23 0 0 0`), and no label of `old[i]` is numbered.
fn label_before<'r, 'i>(
    old: &'r [TableRow<'i>],
    i: usize,
    p: &crate::ledger::Parts<'_, 'i>,
) -> Option<&'r TableRow<'i>> {
    let prev = old.get(i.checked_sub(1)?)?;
    let q = parts(&prev.row);
    if !prev.from_text || !q.values.is_empty() {
        return None;
    }
    if p.labels().any(|l| Folded::new(l).numbered()) {
        return None;
    }
    let together = format!("{}{}", q.labels().last()?, p.labels().last()?);
    crate::labels::begins_t3_row(&together).then_some(prev)
}

#[cfg(test)]
mod tests;
