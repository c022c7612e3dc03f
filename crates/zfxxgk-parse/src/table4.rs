//! Table 四: three groups of five columns, in one row of fifteen numbers (sometimes cut
//! into several rows); the header words stand in rows above it.

use std::sync::LazyLock;

use zfxxgk_model::{CellKey, NoteKind, Placement, Table, TableId, Text, T4_COLUMNS, T4_GROUPS};

use crate::columns;
use crate::cuts::at_cuts;
use crate::ledger::{fitted, parts, Ledger};
use crate::normalize::{fold_cow, has};
use crate::rows::TableRow;
use crate::split::T4_ROW;
use crate::vanished::{
    agreed, decide, placements, written, Placement as Placed, Placements, Token,
};

pub(crate) fn build(ctx: &mut Ledger<'_>, rows: &[TableRow<'_>]) -> Option<Table> {
    let want = T4_GROUPS.len() * T4_COLUMNS.len();
    let mut header = false;
    let mut values = Vec::new();
    let mut spans = Vec::new();
    // The rows whose values are read, with how many values each has.
    let mut taken = Vec::new();
    // Table 四 written as three small tables: the group whose heading was just read
    // after the groups before it, whose five values come next.
    let mut named: Option<usize> = None;
    // The rows of cells above the values: the header, for its columns.
    let mut header_cells = Vec::new();
    let mut passed_over = false;
    for tr in rows {
        let s = parts(&tr.row);
        let read: usize = taken
            .iter()
            .map(|t: &(&TableRow<'_>, usize, usize)| t.1)
            .sum();
        if s.labels().next().is_some() {
            if taken.is_empty() {
                header_cells.push(tr.row.cells.clone());
            }
            // Folding leaves 维 as it is and turns nothing else into it: a label
            // without 维 cannot fold to one holding 维持, and is not folded.
            let columns = s
                .labels()
                .any(|l| l.contains('维') && has!(fold_cow(l), "维持"));
            header |= columns;
            if taken.is_empty() {
                continue;
            }
            let next = read / T4_COLUMNS.len();
            if named.is_none() && read % T4_COLUMNS.len() == 0 && names(&s, next) {
                named = Some(next);
                continue;
            }
            if named.is_some() && columns {
                continue;
            }
            break;
        }
        if s.values.is_empty() || (tr.from_text && s.values.len() < T4_COLUMNS.len()) {
            // A line of a few values alone (reading-order text scatters a table's
            // values among its header's words): some of the table's values are passed
            // over, so those taken cannot be told where they stand.
            passed_over |= !s.values.is_empty() && s.numbers > 0 && named.is_none();
            continue;
        }
        // A lone blank (the tab between two header words of a browser's copied text)
        // is no row of the table: only a whole row of blanks is (a blank form).
        if s.numbers == 0 && s.values.len() < T4_COLUMNS.len() {
            continue;
        }
        if let Some(g) = named.take() {
            // A small table's row holds its group's five values, or it is not read.
            if s.values.len() != T4_COLUMNS.len() || read != g * T4_COLUMNS.len() {
                ctx.unread_row(TableId::T4, &tr.row);
                break;
            }
        }
        taken.push((tr, s.values.len(), s.numbers));
    }
    // A row of blanks only (a grid's empty row) gives way when the rows hold more
    // values than the table has cells; alone, it is the table's row (a blank form).
    if taken.iter().map(|t| t.1).sum::<usize>() > want {
        taken.retain(|t| t.2 > 0);
    }
    // Lines of running text (reading-order text) leave no trace of a blank cell; nor
    // does a grid row short of cells (`| 2| 3| 2| 7| …`, fourteen cells for fifteen
    // columns: whether its leading pipe is a border or an empty cell, and which cell
    // is missing, the grid does not say), unless each row holds a whole group (table
    // 四 as small tables, five columns each).
    let from_text = taken.iter().all(|t| t.0.from_text);
    let whole_groups = taken.iter().all(|t| t.1 == T4_COLUMNS.len());
    for (tr, _, _) in taken {
        if values.len() >= want {
            ctx.unplaced_row(TableId::T4, &tr.row);
            continue;
        }
        spans.push(tr.row.span);
        values.extend_from_slice(parts(&tr.row).values);
    }
    if values.is_empty() {
        return None;
    }
    // More values than cells with blanks at both ends (a browser's copied text keeps
    // a blank paragraph after the table): which blanks are the table's own is told
    // by the groups' sums, or not at all.
    let values = match window(&values, want) {
        Window::Only(w) => w,
        Window::Ambiguous => {
            unplace(ctx, &values, &spans);
            return None;
        }
    };
    let (values, extra) = fitted(values, want);
    let placement = if header {
        Placement::Label
    } else {
        Placement::Position
    };
    // Values that stand in another order than the text writes them: two lines that
    // only one merge makes add up ([`crate::wrapped::rejoin_t4`]), placed so.
    let reordered = values.windows(2).any(|w| match w {
        [a, b] => b.span.start < a.span.end,
        _ => false,
    });
    let placement = if reordered {
        let start = values.iter().map(|c| c.span.start).min().unwrap_or(0);
        let end = values.iter().map(|c| c.span.end).max().unwrap_or(start);
        ctx.note(
            NoteKind::InferredPlacement,
            Text::new(
                "表四：数值分两行写出，按文字顺序各组合计不符；两行各自保持顺序、只有一种合并方式使三组合计都相符，按此放入".to_string(),
                "table 四: the values stand on two lines whose groups do not add up in the text's order; the one merge of the two lines, each kept in its order, whose three groups add up is placed".to_string(),
            ),
            Some(zfxxgk_lex::Span::new(start, end)),
        );
        Placement::Position
    } else {
        placement
    };
    // Where each value stands among the fifteen columns: in order, unless a
    // space-aligned row shows fewer values than columns, when each goes under the
    // header column it stands under.
    let positioned = values.len() < want && values.iter().all(|c| c.x.is_some());
    if passed_over && !positioned && values.len() < want {
        let start = spans.first().map_or(0, |s| s.start);
        let end = spans.last().map_or(start, |s| s.end);
        let row = crate::rows::Row {
            cells: values.to_vec(),
            span: zfxxgk_lex::Span::new(start, end),
        };
        ctx.unplaced_columns(TableId::T4, &row);
        return None;
    }
    if (from_text || !whole_groups) && !positioned && values.len() < want {
        ctx.stray(TableId::T4, extra);
        // Over several lines, a line too short to be read (a group whose blanks
        // vanished) may have been passed over: which group each line holds is not
        // known, and no value is read.
        let cells = if spans.len() == 1 {
            let told = decided(ctx.text, values);
            vanished(ctx, values, &spans, told)
        } else {
            let span = spans
                .first()
                .zip(spans.last())
                .map(|(f, l)| zfxxgk_lex::Span::new(f.start, l.end))
                .unwrap_or_default();
            let row = crate::rows::Row {
                cells: values.to_vec(),
                span,
            };
            ctx.unplaced_columns(TableId::T4, &row);
            Vec::new()
        };
        return Some(table(ctx, &spans, cells));
    }
    let at: Vec<usize> = if positioned {
        let columns = columns::from_header(&header_cells, want);
        let found = columns.and_then(|c| columns::under(values, &c).filter(|_| spans.len() == 1));
        let found = found.or_else(|| {
            let columns = from_last_words(ctx.text, &header_cells, true)?;
            columns::under(values, &columns).filter(|at| spans.len() == 1 && sums_hold(values, at))
        });
        // Counted in display columns (a PDF's words set by where they stand, a CJK
        // character two columns wide), each value must stand on its column's last
        // word, give or take a column: the header words' places counted so are not
        // those of `pdftotext -layout`, which counts characters.
        let found = found.or_else(|| {
            let columns = from_last_words(ctx.text, &header_cells, false)?;
            columns::under(values, &columns).filter(|at| {
                spans.len() == 1
                    && sums_hold(values, at)
                    && values.iter().zip(at).all(|(v, &k)| {
                        let (Some(x), Some(&(c, d))) = (v.x, columns.get(k)) else {
                            return false;
                        };
                        columns::overlaps(x, (c.saturating_sub(1), d.saturating_add(1)))
                    })
            })
        });
        let found = found.or_else(|| {
            let runs = header_runs(ctx.text, &header_cells, values);
            let (at, by_runs) = by_sums_and_gaps(values, &runs).filter(|_| spans.len() == 1)?;
            let span = zfxxgk_lex::Span::new(
                spans.first().map_or(0, |s| s.start),
                spans.last().map_or(0, |s| s.end),
            );
            let (runs_zh, runs_en) = if by_runs {
                (
                    "；一串数值起于表头一串文字所起的字符列的，在该文字的列下",
                    "; a run of values that begins on the very character column where a run of the header's words does, under that word's column",
                )
            } else {
                ("", "")
            };
            ctx.note(
                NoteKind::InferredPlacement,
                Text::new(
                    format!(
                        "表四：{} 个数值对应 {} 列，表头看不出各列位置；按各组合计与数值间的空隙放入（只隔一个空格的两个数值之间没有空白列{runs_zh}）",
                        values.len(),
                        want
                    ),
                    format!(
                        "table 四: {} values for {} columns, and the header does not show where each column stands; placed by the groups' sums and the gaps between the values (no blank column between two values one space apart{runs_en})",
                        values.len(),
                        want
                    ),
                ),
                Some(span),
            );
            Some(at)
        });
        let Some(found) = found else {
            // Where no column is told, the row is read as reading-order text is: a
            // blank cell left no text, the values stand in their columns' order, and
            // a cell is read where every placement the groups' sums keep agrees.
            let told = (spans.len() == 1)
                .then(|| decided(ctx.text, values))
                .filter(|(agreed, _)| agreed.iter().any(Option::is_some));
            let Some(told) = told else {
                unplace(ctx, values, &spans);
                return None;
            };
            ctx.stray(TableId::T4, extra);
            let cells = vanished(ctx, values, &spans, told);
            return Some(table(ctx, &spans, cells));
        };
        found
    } else {
        (0..values.len()).collect()
    };
    ctx.stray(TableId::T4, extra);
    let mut cells = Vec::with_capacity(want);
    let mut shown = at.iter().zip(values).peekable();
    for (k, key) in T4_KEYS.iter().enumerate() {
        let here = shown.next_if(|&(&j, _)| j == k);
        let Some(key) = *key else { continue };
        match here {
            Some((_, c)) => cells.push(ctx.cell(key, c, placement)),
            // A column the row does not show is blank when the row's values are placed
            // by their position under the columns.
            _ if positioned => {
                let end = spans.last().map_or(0, |s| s.end);
                cells.push(ctx.invisible_blank(key, end, placement));
            }
            _ => {}
        }
    }
    cells.sort_by_key(|c| c.key);
    Some(table(ctx, &spans, cells))
}

/// Table 四 of `cells`, read from the rows of `spans`.
fn table(ctx: &Ledger<'_>, spans: &[zfxxgk_lex::Span], cells: Vec<zfxxgk_model::Cell>) -> Table {
    let start = spans.first().map_or(0, |s| s.start);
    let end = spans.last().map_or(start, |s| s.end);
    Table {
        id: TableId::T4,
        edition: None,
        location: ctx.locate(zfxxgk_lex::Span::new(start, end)),
        items: Vec::new(),
        cells,
    }
}

/// What the placements of a row of table 四 that lost cells without a trace agree on
/// ([`decide`]), narrowed to those whose vanished cell stands at the row's start, its
/// end or where its line is cut ([`at_cuts`]), and the placements kept as a note
/// writes them.
fn decided(text: &str, values: &[zfxxgk_lex::Cell<'_>]) -> (Vec<Option<Option<usize>>>, Text) {
    let tokens: Vec<Token> = values.iter().map(|c| Token::of(c.text)).collect();
    match placements(&tokens, &T4_ROW) {
        Placements::Found(found) if values.iter().all(|c| c.x.is_none()) => {
            let found = at_cuts(text, values, found, None);
            let kept: Vec<&Placed> = found.iter().collect();
            (
                agreed(text, &kept, values, T4_KEYS.len()),
                written(&kept, values, 4),
            )
        }
        _ => decide(text, values, &T4_ROW),
    }
}

/// The cells of table 四 written as lines of running text with fewer values than its
/// fifteen columns (blank cells left nothing): those the placements the groups' sums
/// keep agree on (`told`, what [`decided`] makes of `values`), by position with a
/// note; the values are kept in `unplaced` with a note naming the placements when any
/// column is left.
fn vanished(
    ctx: &mut Ledger<'_>,
    values: &[zfxxgk_lex::Cell<'_>],
    spans: &[zfxxgk_lex::Span],
    told: (Vec<Option<Option<usize>>>, Text),
) -> Vec<zfxxgk_model::Cell> {
    let (agreed, candidates) = told;
    let start = spans.first().map_or(0, |s| s.start);
    let end = spans.last().map_or(start, |s| s.end);
    let mut cells = Vec::new();
    let mut open = Vec::new();
    for (k, (key, column)) in T4_KEYS.iter().zip(&agreed).enumerate() {
        let Some(key) = *key else { continue };
        match column.map(|c| c.map(|i| values.get(i))) {
            Some(Some(Some(c))) => cells.push(ctx.cell(key, c, Placement::Position)),
            Some(None) => cells.push(ctx.invisible_blank(key, end, Placement::Position)),
            _ => open.push(k),
        }
    }
    cells.sort_by_key(|c| c.key);
    let name = |k: &usize| {
        T4_KEYS
            .get(*k)
            .copied()
            .flatten()
            .map_or(String::new(), |key| key.as_str().to_string())
    };
    let span = zfxxgk_lex::Span::new(start, end);
    if !cells.is_empty() {
        ctx.note(
            NoteKind::InferredPlacement,
            Text::new(
                format!(
                    "表四：{} 个数值对应 {} 列（空白单元格没有留下文字）；按各组合计放入 {} 个",
                    values.len(),
                    T4_KEYS.len(),
                    cells.len()
                ),
                format!(
                    "table 四: {} values for {} columns (blank cells left no text); {} placed by the groups' sums",
                    values.len(),
                    T4_KEYS.len(),
                    cells.len()
                ),
            ),
            Some(span),
        );
    }
    if !open.is_empty() {
        let row = crate::rows::Row {
            cells: values.to_vec(),
            span,
        };
        ctx.unread_row(TableId::T4, &row);
        ctx.note(
            NoteKind::AmbiguousPlacement,
            {
                let open: Vec<_> = open.iter().map(name).collect();
                Text::new(
                    format!(
                        "表四：{} 个数值对应 {} 列（空白单元格没有留下文字），各组合计看不出空白在哪里：{} 未读；可读作 {}（`_` 为空白）",
                        values.len(),
                        T4_KEYS.len(),
                        open.join("、"),
                        candidates.zh
                    ),
                    format!(
                        "table 四: {} values for {} columns (blank cells left no text), and the groups' sums do not tell where the blanks stood: {} not read; it may be read {} (`_` a blank)",
                        values.len(),
                        T4_KEYS.len(),
                        open.join(", "),
                        candidates.en
                    ),
                )
            },
            Some(span),
        );
    }
    cells
}

/// Whether a header word `t` names column `k` of a group of table 四 (0 to 4): it is
/// the column's name, or the last character of a name of two or more (`持` of 结果维持).
fn names_column(k: usize, t: &str) -> bool {
    T4_COLUMNS.get(k).is_some_and(|c| {
        t == c.label
            || (c.label.chars().count() >= 2
                && c.label.chars().last().is_some_and(|l| t.chars().eq([l])))
    })
}

/// For each of `values` (table 四's row, positioned by `pdftotext -layout`), the
/// column it stands in where its run of words tells ([`columns::by_runs`]: it begins a
/// run on the very column of characters where a word of a header line begins one,
/// and the two overlap on the page), a line whose words name, left to right, the
/// four columns before 总计 of each group (`持 正 果 结` three times, 总计 set on a line
/// above) or all fifteen, so that their order tells which column each names; that
/// word's column.
fn header_runs(
    text: &str,
    header: &[Vec<zfxxgk_lex::Cell<'_>>],
    values: &[zfxxgk_lex::Cell<'_>],
) -> Vec<Option<usize>> {
    let want = T4_GROUPS.len() * T4_COLUMNS.len();
    let all: Vec<usize> = (0..want).collect();
    let before_totals: Vec<usize> = all
        .iter()
        .copied()
        .filter(|k| k % T4_COLUMNS.len() != T4_COLUMNS.len() - 1)
        .collect();
    // Each word naming a column, where it stands among the line's runs, and the
    // column it names.
    let mut named: Vec<(columns::RunPlace, usize)> = Vec::new();
    for line in header {
        let Some(first) = line.first() else { continue };
        let Some(before) = columns::line_before(text, first.span.start) else {
            continue;
        };
        let words = words_at(text, first.span.start - before.len());
        let mut k = 0;
        let mut at = Vec::with_capacity(words.len());
        for w in &words {
            while k < want && !names_column(k % T4_COLUMNS.len(), w.text) {
                k += 1;
            }
            at.push(k);
            k += 1;
        }
        if at != all && at != before_totals {
            continue;
        }
        named.extend(columns::run_places(text, &words).into_iter().zip(at));
    }
    columns::by_runs(text, values, &named)
}

/// The words of the line of `text` that begins at `begin`, as cells (no position).
fn words_at(text: &str, begin: usize) -> Vec<zfxxgk_lex::Cell<'_>> {
    let line = text.get(begin..).unwrap_or_default();
    let line = line.split('\n').next().unwrap_or_default();
    let mut out = Vec::new();
    let mut at = begin;
    for w in line.split(' ') {
        if !w.is_empty() {
            out.push(zfxxgk_lex::Cell {
                text: w,
                span: zfxxgk_lex::Span::new(at, at + w.len()),
                x: None,
            });
        }
        at += w.len() + 1;
    }
    out
}

/// The fifteen columns of table 四 as its header's last words show them, counted in
/// characters where `chars` (`pdftotext -layout` of a page printed by LibreOffice:
/// `结果维` over `持`, `总计` a line above the group's other last words), else in
/// display columns (a PDF's words by where they stand: chromium's print of an online
/// editor's page, `总` over `计`): the header's cells that are a column name's last
/// character (`持`, `正`, `果`, `结`, `计`) or a whole short name (`总计`), read left
/// to right, must name the five columns in order three times. `None` otherwise.
fn from_last_words(
    text: &str,
    header: &[Vec<zfxxgk_lex::Cell<'_>>],
    chars: bool,
) -> Option<Vec<columns::Range>> {
    let ends = names_column;
    let mut found: Vec<(columns::Range, &str)> = Vec::new();
    for line in header {
        let cells = if chars {
            columns::in_chars(text, line)
        } else {
            line.clone()
        };
        for c in cells {
            let t = c.text.trim();
            if (0..T4_COLUMNS.len()).any(|k| ends(k, t)) {
                found.push((c.x?, t));
                continue;
            }
            // A whole short name run together with the names after it (LibreOffice's
            // PDF: `总计结果维结果纠其他结尚未审`, the first group's 总计 and the next
            // group's first lines): the name, where the cell begins.
            let glued = T4_COLUMNS
                .iter()
                .map(|col| col.label)
                .find(|l| l.chars().count() <= 2 && t.len() > l.len() && t.starts_with(l));
            if let (Some(label), Some((start, _))) = (glued, c.x) {
                let width = if chars {
                    u32::try_from(label.chars().count()).unwrap_or(u32::MAX)
                } else {
                    zfxxgk_lex::display_width(label)
                };
                found.push(((start, start + width), label));
            }
        }
    }
    found.sort_unstable_by_key(|f| f.0);
    let want = T4_GROUPS.len() * T4_COLUMNS.len();
    let named = found.len() == want
        && found
            .iter()
            .enumerate()
            .all(|(i, (_, t))| ends(i % T4_COLUMNS.len(), t));
    named.then(|| found.into_iter().map(|f| f.0).collect())
}

/// Whether each group's total is the sum of its other four cells with `values` placed
/// in the columns `at` (the others blank, counted 0).
fn sums_hold(values: &[zfxxgk_lex::Cell<'_>], at: &[usize]) -> bool {
    use crate::vanished::Token;
    let mut cells = vec![Some(0u64); T4_GROUPS.len() * T4_COLUMNS.len()];
    for (c, &k) in values.iter().zip(at) {
        let v = Token::of(c.text).count();
        match cells.get_mut(k) {
            Some(slot) => *slot = v,
            None => return false,
        }
    }
    cells.chunks(T4_COLUMNS.len()).all(|g| match g {
        [parts @ .., Some(total)] => {
            parts.iter().try_fold(0u64, |s, v| s.checked_add((*v)?)) == Some(*total)
        }
        _ => false,
    })
}

/// The column of each of `values` (a space-aligned row with fewer values than table
/// 四's fifteen columns, whose header shows no column's place), when one placement
/// alone both keeps the groups' sums ([`crate::vanished`]) and puts no blank column
/// between two values packed one space apart (`1 2 3 2 8 1 3 1           5`:
/// the blank stands in the wide gap, not between two values one space apart), and
/// puts each value in the column `runs` gives it, if any ([`header_runs`]).
/// `None` when no placement or several are left, or a value has no position.
fn by_sums_and_gaps(
    values: &[zfxxgk_lex::Cell<'_>],
    runs: &[Option<usize>],
) -> Option<(Vec<usize>, bool)> {
    use crate::vanished::{placements, Placements, Token};
    let tight = columns::tight(values)?;
    let tokens: Vec<Token> = values.iter().map(|c| Token::of(c.text)).collect();
    let Placements::Found(found) = placements(&tokens, &T4_ROW) else {
        return None;
    };
    // The column of each value, in order.
    let kept: Vec<Vec<usize>> = found
        .iter()
        .filter_map(|p| columns::packed_columns(p, &tight).filter(|at| at.len() == values.len()))
        .collect();
    let only = |mut kept: Vec<Vec<usize>>| match kept.len() {
        1 => kept.pop(),
        _ => None,
    };
    if kept.len() == 1 {
        return only(kept).map(|at| (at, false));
    }
    let under_runs = |at: &Vec<usize>| {
        at.iter()
            .zip(runs)
            .all(|(k, run)| run.is_none_or(|r| r == *k))
    };
    only(kept.into_iter().filter(under_runs).collect()).map(|at| (at, true))
}

/// Whether a row of labels names group `g` of table 四 (after the first): the heading
/// of its own small table (`行政诉讼（未经复议直接起诉）`).
fn names(s: &crate::ledger::Parts<'_, '_>, g: usize) -> bool {
    let Some(group) = T4_GROUPS.get(g).filter(|_| g > 0) else {
        return false;
    };
    s.labels().any(|l| fold_cow(l).contains(group.label))
}

/// Table 四's cell keys in the order its fifteen values stand (group by group, column
/// by column), looked up once per process.
static T4_KEYS: LazyLock<Vec<Option<CellKey>>> = LazyLock::new(|| {
    T4_GROUPS
        .iter()
        .flat_map(|g| {
            T4_COLUMNS
                .iter()
                .map(|c| CellKey::from_parts(TableId::T4, g.key, c.key))
        })
        .collect()
});

/// Leaves `values`, read from the rows of `spans`, unplaced: their columns are not told.
fn unplace(ctx: &mut Ledger<'_>, values: &[zfxxgk_lex::Cell<'_>], spans: &[zfxxgk_lex::Span]) {
    let span = spans
        .first()
        .map(|s| s.start)
        .zip(spans.last().map(|s| s.end));
    if let Some((start, end)) = span {
        let row = crate::rows::Row {
            cells: values.to_vec(),
            span: zfxxgk_lex::Span::new(start, end),
        };
        ctx.unplaced_columns(TableId::T4, &row);
    }
}

/// Which `want` values of a run with blanks to spare are the table's.
enum Window<'v, 'i> {
    /// The values to read (all of them, when nothing is to spare or only one end has
    /// blanks to give).
    Only(&'v [zfxxgk_lex::Cell<'i>]),
    /// Blanks at both ends could be left out, and the groups' sums do not pick one
    /// way alone.
    Ambiguous,
}

/// The windows of `want` values that leave out only blank cells at the ends of
/// `values`; when there are several that read differently, the one whose groups each
/// sum to their total (blank counted as 0), if it is the only one.
fn window<'v, 'i>(values: &'v [zfxxgk_lex::Cell<'i>], want: usize) -> Window<'v, 'i> {
    let blank = |c: &zfxxgk_lex::Cell<'_>| crate::number::is_blank(c.text);
    if values.len() <= want {
        return Window::Only(values);
    }
    let spare = values.len() - want;
    let fits: Vec<&[zfxxgk_lex::Cell<'i>]> = (0..=spare)
        .filter(|&s| {
            values.get(..s).is_some_and(|h| h.iter().all(blank))
                && values.get(s + want..).is_some_and(|t| t.iter().all(blank))
        })
        .filter_map(|s| values.get(s..s + want))
        .collect();
    if fits.len() <= 1 {
        return Window::Only(values);
    }
    let sums_hold = |w: &[zfxxgk_lex::Cell<'_>]| {
        w.chunks(T4_COLUMNS.len()).all(|g| {
            let n = |c: &zfxxgk_lex::Cell<'_>| {
                if blank(c) {
                    Some(Default::default())
                } else {
                    crate::number::number(c.text).map(|n| n.value)
                }
            };
            let parts: Option<Vec<_>> = g.iter().map(n).collect();
            match parts.as_deref() {
                Some([a, b, c, d, total]) => a + b + c + d == *total,
                _ => false,
            }
        })
    };
    let mut good = fits.iter().filter(|w| sums_hold(w));
    match (good.next(), good.next()) {
        (Some(w), None) => Window::Only(w),
        _ => Window::Ambiguous,
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::get;

    /// Table 四 as three small tables, each under its group's heading (issue 17), as
    /// Python html2text writes them.
    fn three_tables(second: &str, third: &str) -> String {
        let table = |values: &str| {
            format!(
                "结果维持| 结果纠正| 其他结果| 尚未审结| 总计\n---|---|---|---|---\n{values}\n\n"
            )
        };
        format!(
            "四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\n\n{}{second}\n\n{}{third}\n\n{}",
            table("1| 1| 0| 0| 2"),
            table("4| 0| 0| 1| 5"),
            table("1| 0| 1| 0| 2"),
        )
    }

    fn t4(text: &str) -> Vec<(String, String)> {
        crate::parse(text)
            .tidy()
            .map(|(k, v)| (k.as_str().to_string(), v))
            .filter(|(k, _)| k.starts_with("t4."))
            .collect()
    }

    #[test]
    fn a_lone_tab_between_header_words_is_no_row() {
        // A browser's copied text: one cell a paragraph, a lone tab between cells.
        let cells = |c: &[&str]| c.join("\n\n\t\n\n");
        let values = [
            "1", "2", "3", "2", "8", "1", "3", "1", "0", "5", "3", "1", "3", "2", "9",
        ];
        let text = format!(
            "四、政府信息公开行政复议、行政诉讼情况\n\n{}\n\n\n\n\n{}\n\n\n\n\n{}\n",
            cells(&["行政复议", "行政诉讼"]),
            cells(&["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]),
            cells(&values),
        );
        let got = t4(&text);
        let want: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(want, values, "{got:?}");
    }

    #[test]
    fn blanks_at_both_ends_are_told_by_the_sums_or_not_at_all() {
        let row = |v: &[&str]| {
            format!(
                "四、政府信息公开行政复议、行政诉讼情况\n\t{}\n",
                v.join("\t")
            )
        };
        // Sixteen cells, blank at each end: the sums hold only with the first
        // blank in the table (upheld blank, the row's total 5 = 3 + 1 + 1).
        let one = [
            "", "3", "1", "1", "5", "2", "0", "0", "1", "3", "3", "0", "2", "0", "5", "",
        ];
        let got = t4(&row(&one));
        let get = |k: &str| got.iter().find(|g| g.0 == k).map(|g| g.1.clone());
        assert_eq!(get("t4.review.upheld"), Some(String::new()), "{got:?}");
        assert_eq!(get("t4.review.total"), Some("5".into()));
        // Both ways hold (all zero but for blanks): nothing placed.
        let mut zeros = vec![""; 16];
        zeros[1..15].fill("0");
        assert!(t4(&row(&zeros)).is_empty(), "{:?}", t4(&row(&zeros)));
    }

    /// A markdown row of table 四 alone after a blank line, one cell short
    /// (`| 2| 3| …`: its leading pipe a border, or an empty first cell?): what the
    /// groups' sums tell, and nothing else.
    #[test]
    fn a_grid_row_short_of_a_cell_is_read_where_the_sums_say() {
        let text = |row: &str| {
            format!(
                "四、政府信息公开行政复议、行政诉讼情况\n\n行政复议| 行政诉讼  \n---|---  \n\
                 结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 未经复议直接起诉| 复议后起诉  \n\
                 结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计  \n\
                 \n{row}  \n\n五、存在的主要问题及改进情况\n"
            )
        };
        // Fourteen values: the blank is in the first group, where its sum cannot
        // say; the other two groups are whole.
        let got = t4(&text("| 2| 3| 2| 7| 1| 3| 1| /| 5| 3| 1| 3| 2| 9"));
        assert_eq!(got.len(), 11, "{got:?}");
        assert_eq!(get(&got, "t4.review.total"), Some("7"));
        assert_eq!(get(&got, "t4.review.upheld"), None);
        assert_eq!(get(&got, "t4.litigation_direct.upheld"), Some("1"));
        assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("9"));
        // Thirteen: no placement is told, none is made.
        assert!(t4(&text("| 3| 2| 7| 1| 3| 1| /| 5| 3| 1| 3| 2| 9")).is_empty());
    }

    #[test]
    fn three_small_tables_one_per_group() {
        let got = t4(&three_tables(
            "行政诉讼（未经复议直接起诉）",
            "行政诉讼（复议后起诉）",
        ));
        assert_eq!(got.len(), 15, "{got:?}");
        assert_eq!(get(&got, "t4.review.total"), Some("2"));
        assert_eq!(get(&got, "t4.litigation_direct.pending"), Some("1"));
        assert_eq!(get(&got, "t4.litigation_after_review.other"), Some("1"));
    }

    /// Plain `pdftotext` of a PDF's table 四 (huaian-2024): values scattered among
    /// the header's words, a run of five of them the second group's, not the first's.
    #[test]
    fn five_values_after_values_passed_over_are_not_placed() {
        let mut text =
            String::from("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n\n行政诉讼\n\n");
        for w in [
            "结果", "维持", "72", "64", "178", "37", "其他", "12", "1", "总计",
        ] {
            text.push_str(w);
            text.push_str("\n\n");
        }
        for w in ["审结", "13", "4", "8", "1", "26", "总计", "20"] {
            text.push_str(w);
            text.push_str("\n\n");
        }
        let report = crate::parse(&text);
        let got = t4(&text);
        assert!(got.is_empty(), "{got:?}");
        assert!(report.unplaced.iter().any(|u| u.text.contains("13")));
    }

    /// `pdftotext -layout` of a Word page printed by a browser: the header's words
    /// one character a line, scrambled, and the values packed one space apart but
    /// where a blank cell stands.
    fn packed(values: &str) -> String {
        format!(
            "四、政府信息公开行政复议、行政诉讼情况\n      行政复议                行政诉讼\n \
             结 结 其 尚         未经复议直接起诉       复议后起诉\n \
             果 果 他 未 总 结      结 其 尚      结 结 其 尚\n \
             持 正 果 结       持 正 果 结       持 正 果 结\n{values}\n"
        )
    }

    #[test]
    fn a_blank_in_the_wide_gap_is_told_by_the_sums_and_the_gaps() {
        let got = t4(&packed(" 1 2 3 2 8 1 3 1           5 3 1 3 2 9"));
        assert_eq!(got.len(), 15, "{got:?}");
        assert_eq!(get(&got, "t4.litigation_direct.other"), Some("1"));
        assert_eq!(get(&got, "t4.litigation_direct.pending"), Some(""));
        assert_eq!(get(&got, "t4.litigation_direct.total"), Some("5"));
        // The blank first: the only place one space apart from nothing.
        let got = t4(&packed("     3 1 1 5 2 0 0 1 3 3 0 2 0 5"));
        assert_eq!(got.len(), 15, "{got:?}");
        assert_eq!(
            got.iter()
                .find(|g| g.0 == "t4.review.upheld")
                .map(|g| g.1.as_str()),
            Some("")
        );
    }

    /// The wider check's seed 16: `2 3`, a wide gap, then the other twelve packed.
    /// The sums and the gaps leave the blank first or in the gap; the run `2 3`
    /// begins on the very character where the header's run `持 正 果 结` does, so
    /// `2` is the first group's 结果维持 and the blank its 其他结果. A run beginning
    /// under a word inside the header's run (`正`) tells nothing.
    #[test]
    fn a_run_beginning_where_a_run_of_the_headers_words_begins_stands_under_its_first() {
        let got = t4(&packed(" 2 3       3 8 0 0 3 3 6 3 1 2 3 9"));
        assert_eq!(got.len(), 15, "{got:?}");
        assert_eq!(get(&got, "t4.review.upheld"), Some("2"));
        assert_eq!(get(&got, "t4.review.corrected"), Some("3"));
        assert_eq!(get(&got, "t4.review.other"), Some(""));
        assert_eq!(get(&got, "t4.review.pending"), Some("3"));
        assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("9"));
        let report = crate::parse(&packed(" 2 3       3 8 0 0 3 3 6 3 1 2 3 9"));
        assert!(report
            .notes
            .iter()
            .any(|n| n.message.en.contains("a run of values")));
        // There the sums tell the groups but not where the first group's blank
        // stood: only its total is read of it.
        let got = t4(&packed("   2 3     3 8 0 0 3 3 6 3 1 2 3 9"));
        assert_eq!(got.len(), 11, "{got:?}");
        assert_eq!(get(&got, "t4.review.upheld"), None);
        assert_eq!(get(&got, "t4.review.pending"), None);
        assert_eq!(get(&got, "t4.review.total"), Some("8"));
        assert_eq!(get(&got, "t4.litigation_direct.total"), Some("6"));
    }

    #[test]
    fn a_blank_the_gaps_do_not_tell_leaves_its_group_to_the_sums() {
        // Every value one space apart: the blank may be any of the second group's
        // first four (the sums hold with each). Two gaps as wide, the sums holding
        // with the blank in either: the same. The sums tell the groups, so the
        // other groups and the second's total are read, as in reading-order text.
        for values in [
            " 1 2 3 2 8 1 3 1 5 3 1 3 2 9",
            " 1 2 3 2 8   1 3 1   5 3 1 3 2 9",
        ] {
            let got = t4(&packed(values));
            assert_eq!(got.len(), 11, "{got:?}");
            for column in ["upheld", "corrected", "other", "pending"] {
                let key = format!("t4.litigation_direct.{column}");
                assert_eq!(get(&got, &key), None, "{got:?}");
            }
            assert_eq!(get(&got, "t4.litigation_direct.total"), Some("5"));
            assert_eq!(get(&got, "t4.review.pending"), Some("2"));
            assert_eq!(get(&got, "t4.litigation_after_review.upheld"), Some("3"));
        }
        // Where the sums do not tell the groups either, nothing is read.
        assert!(t4(&packed(" 1 2 3 2 7 1 3 1 5 3 1 3 2 9")).is_empty());
    }

    /// `pdftotext -layout` of a Word page printed by LibreOffice: each column's
    /// header ends in a word of its own (`持`, `正`, `果`, `结`, `总计` a line above).
    fn last_words(values: &str) -> String {
        [
            "四、政府信息公开行政复议、行政诉讼情况",
            "         行政复议                              行政诉讼",
            "                              未经复议直接起诉                   复议后起诉",
            "结果维 结果纠 其他结 尚未审",
            "                    总计",
            " 持   正     果    结        结果维 结果纠 其他结 尚未审        结果维 结果纠 其他结 尚未审",
            "                                           总计                         总计",
            "                          持   正   果   结          持   正     果     结",
            "",
            values,
            "",
        ]
        .join("\n")
    }

    #[test]
    fn columns_are_told_by_the_headers_last_words() {
        let got = t4(&last_words(
            " 1   2     3    2   8     1   3   1        5     3   1     3     2   9",
        ));
        assert_eq!(got.len(), 15, "{got:?}");
        assert_eq!(get(&got, "t4.litigation_direct.pending"), Some(""));
        assert_eq!(get(&got, "t4.litigation_direct.total"), Some("5"));
        assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("9"));
        // The groups' sums do not hold with the blank where it stands: not read.
        let got = t4(&last_words(
            " 1   2     3    2   8     1   3   1        6     3   1     3     2   9",
        ));
        assert!(got.is_empty(), "{got:?}");
    }

    /// A PDF of chromium's print of an online editor's page, read by where its words
    /// stand (display columns, a CJK character two wide): `总` over `计`, the first
    /// group's last words a line above the others'.
    fn editor_pdf(values: &str) -> String {
        [
            "           四、政府信息公开行政复议、行政诉讼情况",
            "                    行政复议                                            行政诉讼",
            "       结果维  结果纠  其他结  尚未审  总         未经复议直接起诉                      复议后起诉",
            "         持      正     果      结    计  结果维  结果纠  其他结  尚未审  总  结果维  结果纠  其他结  尚未审  总",
            "                                            持     正      果      结   计    持      正      果     结    计",
            values,
            "           五、存在的主要问题及改进情况",
        ]
        .join("\n")
    }

    #[test]
    fn columns_are_told_by_the_headers_last_words_where_words_stand() {
        // The third group's first cell empty: it stands under its own last word.
        let got = t4(&editor_pdf(
            "          3      2       1       2    8     1       0      0       1     2            3       0       1    4",
        ));
        assert_eq!(got.len(), 15, "{got:?}");
        assert_eq!(get(&got, "t4.litigation_after_review.upheld"), Some(""));
        assert_eq!(get(&got, "t4.litigation_after_review.corrected"), Some("3"));
        assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("4"));
        // A value off its column's word by more than a column tells no column:
        // what the groups' sums tell is read, the blank's group's total alone of it.
        let got = t4(&editor_pdf(
            "          3      2       1       2    8     1       0      0       1     2               3    0       1    4",
        ));
        assert_eq!(got.len(), 11, "{got:?}");
        assert_eq!(get(&got, "t4.litigation_after_review.upheld"), None);
        assert_eq!(get(&got, "t4.litigation_after_review.corrected"), None);
        assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("4"));
        assert_eq!(get(&got, "t4.litigation_direct.total"), Some("2"));
    }

    #[test]
    fn a_short_name_run_together_with_the_next_names_stands_where_its_cell_begins() {
        // LibreOffice's PDF of the editor's page: the first group's 总计 runs on into
        // the second group's first lines; the first group's third cell is empty.
        let text = [
            "           四、政府信息公开行政复议、行政诉讼情况",
            "                       行政复议                                         行政诉讼",
            "                                                   未经复议直接起诉                    复议后起诉",
            "           结果维结果纠其他结尚未审",
            "                                       总计结果维结果纠其他结尚未审         结果维结果纠其他结尚未审",
            "             持     正     果     结                                   总计                            总计",
            "                                              持    正     果     结          持     正    果     结",
            "              1      0            0     1     1      0      3     3     7     1      3      2      3     9",
            "           五、存在的主要问题及改进情况",
        ]
        .join("\n");
        let got = t4(&text);
        assert_eq!(got.len(), 15, "{got:?}");
        assert_eq!(get(&got, "t4.review.other"), Some(""));
        assert_eq!(get(&got, "t4.review.pending"), Some("0"));
        assert_eq!(get(&got, "t4.review.total"), Some("1"));
        assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("9"));
    }

    #[test]
    fn small_tables_out_of_order_are_not_placed() {
        let got = t4(&three_tables("复议后起诉", "未经复议直接起诉"));
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got.iter().all(|(k, _)| k.starts_with("t4.review.")));
    }
}
