//! Table 三: rows placed on the template by label where the label says, and by the
//! template's row order where a converter moved or lost the label (kewei, pdftotext).
//!
//! Placement is one alignment of the value rows found against the template rows of
//! each edition, solved by dynamic programming: a row whose label names a template
//! row scores for being put there and costs a lot for being put elsewhere; a row with
//! no label scores a little wherever the order allows; leaving a row out costs. The
//! edition whose template the rows fit better is the table's edition.

use std::sync::LazyLock;

use zfxxgk_lex::Cell as LexCell;
use zfxxgk_model::{
    CellKey, Edition, NoteKind, PerEdition, Placement, RowDef, Table, TableId, Template, Text,
    T3_COLUMNS,
};

use crate::columns;
use crate::cuts::{at_cuts, page_cuts_by_row};
use crate::labels::{best_t3_row, in_t3_row, t3_column_match, t3_row_runs_on, Folded, Match};
use crate::ledger::{fitted, parts, Ledger, Parts};
use crate::normalize::has;
use crate::overflow;
use crate::ran_together::{equations, failing_columns, resolve, Readings, Verdict};
use crate::rows::{Row, TableRow};
use crate::split::T3_ROW;
use crate::vanished::{agreed, placements, written, Placements, Token};

const EXACT: i64 = 10;
const PARTIAL: i64 = 6;
const UNLABELLED: i64 = 1;
const CONTRADICTED: i64 = -20;
const LEFT_OUT: i64 = -3;
/// A line of running text in the zone counts as a row only with this many values.
const MIN_TEXT_VALUES: usize = 5;

struct ValueRow<'r, 'i> {
    parts: Parts<'r, 'i>,
    /// The template row the row's labels name best, in each edition.
    cand: PerEdition<Option<(usize, Match)>>,
    /// The rest of a label that ran on into the row's value cells, after their
    /// numbers ([`crate::overflow`]), each after the number written before it: empty
    /// for most rows.
    tails: Vec<(&'i str, &'i str)>,
    /// Where the value cells stand that hold nothing but a label's rest: their value
    /// is not told, and they are read as no value.
    untold: Vec<usize>,
    /// Whether the row's table is padded with `_` (Debian html2text), where every
    /// row shows every column.
    padded: bool,
}

fn is_header(p: &Parts<'_, '_>, labels: &[Folded<'_>]) -> bool {
    if p.numbers > 0 {
        return false;
    }
    let marker = labels.iter().any(|l| {
        let f = l.text();
        has!(f, "法人或其他组织") || has!(f, "申请人情况") || has!(f, "勾稽关系")
    });
    // A numbered label (`（六）其他处理`, `3.其他`) names a row, never a column, though
    // it may contain a column's word (其他): a row of blanks under it is not a header.
    let mut cols = labels
        .iter()
        .filter(|l| !l.numbered() && (0..T3_COLUMNS.len()).any(|k| t3_column_match(l, k)));
    marker || cols.nth(1).is_some()
}

/// The columns of a grid (a web page's table, its spans expanded so that every row is
/// as wide: `zfxxgk_input`'s pipe rows) that a cell spanning two columns left behind:
/// after the first value, each holds nothing in every row with a number, and no
/// header cell over it names a column of table 三 (it is empty, or a group's name:
/// `法人或其他组织` starts over the second column of `自然人`'s span, as
/// `商业企业 colspan=2` does in every value row). Only where the columns left after
/// the first value are the template's seven: a column of the template blank in
/// every row is not taken for one. Empty where the rows are no such grid.
fn span_columns(rows: &[TableRow<'_>]) -> Vec<usize> {
    let grid: Vec<&TableRow<'_>> = rows
        .iter()
        .filter(|tr| !tr.from_text && tr.row.cells.iter().all(|c| c.x.is_none()))
        .collect();
    let Some(width) = grid.first().map(|tr| tr.row.cells.len()) else {
        return Vec::new();
    };
    if grid.iter().any(|tr| tr.row.cells.len() != width) {
        return Vec::new();
    }
    let empty =
        |tr: &TableRow<'_>, c: usize| tr.row.cells.get(c).is_none_or(|x| x.text.trim().is_empty());
    // The rows with a number, each with where its values begin.
    let valued: Vec<(&TableRow<'_>, usize)> = grid
        .iter()
        .filter_map(|&tr| {
            let p = parts(&tr.row);
            (p.numbers > 0).then(|| (tr, tr.row.cells.len() - p.values.len()))
        })
        .collect();
    let first = valued
        .iter()
        .filter_map(|&(tr, values_at)| (values_at..width).find(|&c| !empty(tr, c)))
        .min();
    let Some(first) = first else {
        return Vec::new();
    };
    if valued.len() < 2 {
        return Vec::new();
    }
    let names_column = |text: &str| {
        let f = Folded::new(text);
        !has!(f.text(), "法人或其他组织")
            && !has!(f.text(), "申请人情况")
            && (0..T3_COLUMNS.len()).any(|k| t3_column_match(&f, k))
    };
    let dead: Vec<usize> = (first..width)
        .filter(|&c| {
            valued.iter().all(|&(tr, _)| empty(tr, c))
                && grid
                    .iter()
                    .all(|tr| tr.row.cells.get(c).is_none_or(|x| !names_column(x.text)))
        })
        .collect();
    if dead.is_empty() || width - first - dead.len() != T3_COLUMNS.len() {
        return Vec::new();
    }
    dead
}

pub(crate) fn build(
    ctx: &mut Ledger<'_>,
    rows: &[TableRow<'_>],
    hint: Option<Edition>,
) -> Option<Table> {
    let dead = span_columns(rows);
    let kept: Vec<TableRow<'_>>;
    let rows = if dead.is_empty() {
        rows
    } else {
        kept = rows
            .iter()
            .map(|tr| {
                let mut tr = tr.clone();
                if tr.from_text || tr.row.cells.iter().any(|c| c.x.is_some()) {
                    return tr;
                }
                tr.row.cells = (tr.row.cells.iter().enumerate())
                    .filter(|(c, _)| !dead.contains(c))
                    .map(|(_, cell)| *cell)
                    .collect();
                tr
            })
            .collect();
        &kept[..]
    };
    let mut value_rows: Vec<ValueRow<'_, '_>> = Vec::new();
    // Values of reading-order text standing alone, fewer than a row's, without a
    // label, that no row takes: one of them may be the cell a row short of a value
    // lost, set elsewhere (LibreOffice's order sets a row's `0` among the labels
    // after the table), so that a cell the sums take for a blank that left no text
    // may hold it ([`blanks_told`]).
    let mut loose = false;
    // The cells of the rows above the first value row: the header, for its columns.
    let mut header: Vec<Vec<LexCell<'_>>> = Vec::new();
    // The labels of the row at hand, folded; the buffer serves every row.
    let mut labels: Vec<Folded<'_>> = Vec::new();
    // A row whose label ran on into its value cells is read with those cells cut to
    // their numbers; whether the rest is its label's is asked once it is placed.
    let narrowed: Vec<Option<Row<'_>>> = rows
        .iter()
        .map(|tr| (!tr.overflow.is_empty()).then(|| overflow::narrowed(&tr.row, &tr.overflow)))
        .collect();
    for (tr, narrow) in rows.iter().zip(&narrowed) {
        let p = parts(narrow.as_ref().unwrap_or(&tr.row));
        // Rows without values, and lines of text with too few, are passed over before
        // their labels are folded.
        if p.values.is_empty() || (tr.from_text && p.values.len() < MIN_TEXT_VALUES) {
            loose |= !p.values.is_empty()
                && p.labels().next().is_none()
                && p.values.iter().all(|c| c.x.is_none());
            if value_rows.is_empty() && !tr.from_text {
                header.push(tr.row.cells.clone());
            }
            continue;
        }
        labels.clear();
        labels.extend(p.labels().map(Folded::new));
        if is_header(&p, &labels) {
            if value_rows.is_empty() {
                header.push(tr.row.cells.clone());
            }
            continue;
        }
        let cand = PerEdition::from_fn(|e| best_t3_row(&labels, e));
        if p.numbers > 0 || cand.iter().any(|(_, c)| c.is_some()) {
            let tails = overflow::tails(&tr.row, &tr.overflow);
            let untold = overflow::untold(&tr.row, &tr.overflow);
            value_rows.push(ValueRow {
                parts: p,
                cand,
                tails,
                untold,
                padded: tr.padded,
            });
        }
    }
    if value_rows.is_empty() {
        return None;
    }
    let (edition, plan, untold_by_edition) = choose_edition(&value_rows, hint);
    let template = Template::of(edition).t3_rows;
    let mut columns = Columns::new(ctx.text, &value_rows, &header);
    let mut cells = Vec::with_capacity(value_rows.len() * T3_COLUMNS.len());
    let mut inferred = Vec::new();
    let guesses: Vec<bool> = guessed(&plan, template.len())
        .into_iter()
        .zip(&untold_by_edition)
        .map(|(g, u)| g || *u)
        .collect();
    // The positioned rows that show fewer values than columns and whose positions
    // tell no column (`pdftotext -layout` packing a row's values after its label):
    // placed by the sums, as rows whose blanks vanished, where the gaps between their
    // values allow.
    let untold: Vec<bool> = value_rows
        .iter()
        .enumerate()
        .map(|(i, vr)| {
            let values = fitted(vr.parts.values, N_COLUMNS).0;
            !values.is_empty()
                && values.len() < N_COLUMNS
                && values.iter().all(|c| c.x.is_some())
                && columns.place(i, values).is_none()
        })
        .collect();
    let (mut vanished, doubted) = Vanished::of(ctx.text, &value_rows, &plan, template, &untold);
    let stacks = stack::stacks(&value_rows, &plan, template.len(), &mut columns);
    let in_stack = |i: usize| stacks.iter().any(|s| s.lines.contains(&i));
    for s in &stacks {
        place_stack(ctx, &mut cells, &mut inferred, &value_rows, edition, s);
    }
    for (i, vr) in value_rows.iter().enumerate() {
        if in_stack(i) {
            continue;
        }
        // A row of values alone, or one whose label names a row of the template or is
        // a piece of one (a label cut over lines), that no placement took (or only a
        // guess) is a row of the template left unread; a label naming none is a row
        // the template lacks.
        let keep = |ctx: &mut Ledger<'_>| {
            let labels: Vec<Folded<'_>> = vr.parts.labels().map(Folded::new).collect();
            if best_t3_row(&labels, edition).is_some() || vr.parts.labels().all(in_t3_row) {
                ctx.unread_row(TableId::T3, vr.parts.row);
            } else {
                ctx.unplaced_row(TableId::T3, vr.parts.row);
            }
        };
        let Some((j, placement)) = plan[i] else {
            keep(ctx);
            continue;
        };
        if guesses.get(i).copied().unwrap_or(false) {
            keep(ctx);
            continue;
        }
        let row = &template[j];
        if !vr.tails.is_empty() {
            // The numbers before a label's rest are read only where the rest is the
            // rest of the label of the row the label names.
            let labels: Vec<Folded<'_>> = vr.parts.labels().map(Folded::new).collect();
            if placement != Placement::Label
                || !t3_row_runs_on(edition, j, &labels, vr.tails.iter().map(|t| t.1))
            {
                ctx.unread_row(TableId::T3, vr.parts.row);
                overflow_note(ctx, row.key, vr, false);
                continue;
            }
        }
        if placement == Placement::Position {
            inferred.push(row.key);
        }
        let (values, extra) = fitted(vr.parts.values, T3_COLUMNS.len());
        let keys = T3_KEYS[edition].get(j).map_or(&[][..], Vec::as_slice);
        let vanished = vanished
            .get_mut(i)
            .and_then(Option::take)
            .map(|agreed| blanks_told(agreed, loose));
        let short = vr.parts.values.len() < N_COLUMNS;
        if (vr.padded && short)
            || (!vr.untold.is_empty() && (vanished.is_some() || vr.parts.values.len() != N_COLUMNS))
        {
            // A padded row shows every column: one that shows fewer values has a cell
            // of text among them (a blank mark with a label's rest, say), and its
            // values' columns are not told. A value cell not told stands where only a
            // row of every column shows.
            ctx.unread_row(TableId::T3, vr.parts.row);
            continue;
        }
        let positioned = untold.get(i).copied().unwrap_or(false);
        if let Some(agreed) = vanished.as_ref().filter(|_| !positioned) {
            if !vr.tails.is_empty() {
                overflow_note(ctx, row.key, vr, true);
            }
            place_vanished(ctx, &mut cells, keys, row.key, vr, values, agreed);
            continue;
        }
        if values.len() < N_COLUMNS
            && cut_beside(ctx.text, vr.parts.row.span, values, columns.chars.is_some())
        {
            ctx.unread_row(TableId::T3, vr.parts.row);
            ctx.note(
                NoteKind::AmbiguousPlacement,
                Text::new(
                    format!(
                        "表三 {} 行：{} 个数值对应 {N_COLUMNS} 列，而相邻一行以数值结尾，可能是该行被分成了两行：未放入模板",
                        row.key,
                        values.len()
                    ),
                    format!(
                        "table 三, row {}: {} values for {N_COLUMNS} columns, and the line next to it ends with values: the row may have been cut in two, left unplaced",
                        row.key,
                        values.len()
                    ),
                ),
                Some(vr.parts.row.span),
            );
            continue;
        }
        if values.len() < N_COLUMNS
            && values.iter().all(|c| c.x.is_some())
            && stacked_beside(ctx.text, values, columns.chars.is_some())
        {
            ctx.unread_row(TableId::T3, vr.parts.row);
            ctx.note(
                NoteKind::AmbiguousPlacement,
                Text::new(
                    format!(
                        "表三 {} 行：{} 个数值对应 {N_COLUMNS} 列，而相邻一行只有数值，且有数值落在该行空着的列下，可能是各列数值分行排列：未放入模板",
                        row.key,
                        values.len()
                    ),
                    format!(
                        "table 三, row {}: {} values for {N_COLUMNS} columns, and the line next to it holds values only, one of them under a column the row leaves empty: each column's values may stand on lines of their own, left unplaced",
                        row.key,
                        values.len()
                    ),
                ),
                Some(vr.parts.row.span),
            );
            continue;
        }
        if let Some(agreed) = vanished.as_ref().filter(|_| positioned) {
            if !vr.tails.is_empty() {
                overflow_note(ctx, row.key, vr, true);
            }
            place_vanished(ctx, &mut cells, keys, row.key, vr, values, agreed);
            continue;
        }
        let Some(mut placed) = columns.place(i, values) else {
            ctx.unplaced_columns(TableId::T3, vr.parts.row);
            continue;
        };
        if let Some(doubted) = doubted.get(i).filter(|d| !d.is_empty()) {
            doubt(ctx, &mut placed, doubted, row.key, vr);
        }
        if !vr.tails.is_empty() {
            overflow_note(ctx, row.key, vr, true);
        }
        ctx.stray(TableId::T3, extra);
        let placed = placed.map(|column| {
            let c = column?;
            if vr.untold.contains(&c.span.start) {
                // Kept as written, unplaced; the note says so.
                ctx.stray(TableId::T3, &[c]);
                return None;
            }
            Some(c)
        });
        // Columns the row does not show are blank when the row's cells are placed by
        // their position under the columns.
        let invisible = values.len() < N_COLUMNS;
        for (key, column) in keys.iter().zip(placed) {
            let Some(key) = *key else {
                continue;
            };
            match column {
                Some(c) => cells.push(ctx.cell(key, &c, placement)),
                None if invisible => {
                    cells.push(ctx.invisible_blank(key, vr.parts.row.span.end, placement));
                }
                None => {}
            }
        }
    }
    if !inferred.is_empty() {
        ctx.note(
            NoteKind::InferredPlacement,
            Text::new(
                format!(
                    "表三：以下各行按位置而非行名放入模板：{}",
                    inferred.join("、")
                ),
                format!(
                    "table 三: rows placed by their position, not their label: {}",
                    inferred.join(", ")
                ),
            ),
            None,
        );
    }
    let stacked: Vec<usize> = stacks.iter().map(|s| s.lines.start).collect();
    ambiguity_notes(ctx, &value_rows, &plan, template, &stacked);
    cells.sort_by_key(|c| c.key);
    let first = value_rows
        .first()
        .map(|v| v.parts.row.span.start)
        .unwrap_or(0);
    let last = value_rows
        .last()
        .map(|v| v.parts.row.span.end)
        .unwrap_or(first);
    Some(Table {
        id: TableId::T3,
        edition: Some(edition),
        location: ctx.locate(zfxxgk_lex::Span::new(first, last)),
        items: Vec::new(),
        cells,
    })
}

/// Puts the cells of a run read a column at a time ([`stack`]) among `cells`, by
/// position; its lines with a value not read are kept unplaced, with a note naming
/// the columns not read.
fn place_stack<'i>(
    ctx: &mut Ledger<'_>,
    cells: &mut Vec<zfxxgk_model::Cell>,
    inferred: &mut Vec<&'static str>,
    rows: &[ValueRow<'_, 'i>],
    edition: Edition,
    s: &stack::Stack<'i>,
) {
    let template = Template::of(edition).t3_rows;
    let mut read = Vec::new();
    for (k, row) in s.cells.iter().enumerate() {
        let j = s.first_row + k;
        let (Some(def), Some(keys)) = (template.get(j), T3_KEYS[edition].get(j)) else {
            continue;
        };
        inferred.push(def.key);
        for (key, c) in keys.iter().zip(row) {
            if let (Some(key), Some(c)) = (key, c) {
                cells.push(ctx.cell(*key, c, Placement::Position));
                read.push(c.span.start);
            }
        }
    }
    for vr in rows.get(s.lines.clone()).unwrap_or_default() {
        if vr
            .parts
            .values
            .iter()
            .any(|c| !read.contains(&c.span.start))
        {
            ctx.unread_row(TableId::T3, vr.parts.row);
        }
    }
    let keys: Vec<&str> = (0..s.cells.len())
        .filter_map(|k| template.get(s.first_row + k).map(|r| r.key))
        .collect();
    let open: Vec<&str> = s
        .open
        .iter()
        .filter_map(|&c| T3_COLUMNS.get(c).map(|d| d.key))
        .collect();
    ctx.note(
        NoteKind::InferredPlacement,
        Text::new(
            format!(
                "表三：{} 行的数值逐列分行排列（每列数值上下相叠），按各列自上而下的次序放入{}",
                keys.join("、"),
                if open.is_empty() {
                    String::new()
                } else {
                    format!("；{} 列的数值少于行数，看不出属于哪一行：未读", open.join("、"))
                }
            ),
            format!(
                "table 三: rows {} written a column at a time (each column's values one under the other), placed by each column's order top to bottom{}",
                keys.join(", "),
                if open.is_empty() {
                    String::new()
                } else {
                    format!("; columns {} hold fewer values than rows, and whose each is cannot be told: not read", open.join(", "))
                }
            ),
        ),
        rows.get(s.lines.start)
            .zip(rows.get(s.lines.end.saturating_sub(1)))
            .map(|(a, b)| zfxxgk_lex::Span::new(a.parts.row.span.start, b.parts.row.span.end)),
    );
}

type Plan = Vec<Option<(usize, Placement)>>;

/// Table 三's cell keys of each edition, by template row and column, looked up once
/// per process.
static T3_KEYS: LazyLock<PerEdition<Vec<Vec<Option<CellKey>>>>> = LazyLock::new(|| {
    PerEdition::from_fn(|e| {
        Template::of(e)
            .t3_rows
            .iter()
            .map(|r| {
                T3_COLUMNS
                    .iter()
                    .map(|c| CellKey::from_parts(TableId::T3, r.key, c.key))
                    .collect()
            })
            .collect()
    })
});

fn choose_edition(rows: &[ValueRow<'_, '_>], hint: Option<Edition>) -> (Edition, Plan, Vec<bool>) {
    let plans = PerEdition::from_fn(|e| {
        let cand: Vec<Option<(usize, Match)>> = rows.iter().map(|r| r.cand[e]).collect();
        align(&cand, Template::of(e).t3_rows.len())
    });
    // Ties: the hint (the report's year), then the edition whose row count the rows
    // fill.
    let rank = |e: Edition| {
        let fills = rows.len() == Template::of(e).t3_rows.len();
        (plans[e].0, Some(e) == hint, fills)
    };
    let Some(e) = Edition::ALL.into_iter().rev().max_by_key(|&e| rank(e)) else {
        return (
            Edition::V2021,
            vec![None; rows.len()],
            vec![false; rows.len()],
        );
    };
    // Where the editions score alike, the rows their labels do not name stand where
    // each edition's rows put them: a row put by position on a row of one edition's
    // own (the 2021 edition's three rows of （六）其他处理 against the 2019 edition's
    // one), or put by a guess in the other edition ([`guessed`]), is not told.
    let other = Edition::ALL.into_iter().find(|&o| o != e);
    let key = |e: Edition, p: &Option<(usize, Placement)>| {
        p.and_then(|(j, _)| Template::of(e).t3_rows.get(j))
            .map(|r| r.key)
    };
    let untold: Vec<bool> = match other.filter(|&o| plans[o].0 == plans[e].0) {
        Some(o) => {
            let (mine, theirs) = (&plans[e].1, &plans[o].1);
            let guesses = guessed(theirs, Template::of(o).t3_rows.len());
            mine.iter()
                .zip(theirs)
                .zip(guesses)
                .map(|((p, q), guess)| {
                    matches!(p, Some((_, Placement::Position))) && (guess || key(e, p) != key(o, q))
                })
                .collect()
        }
        None => vec![false; rows.len()],
    };
    let plan = plans[e].1.clone();
    (e, plan, untold)
}

/// What placing a row whose labels name `cand` on template row `j` scores.
fn gain(cand: Option<(usize, Match)>, j: usize) -> i64 {
    match cand {
        Some((k, Match::Exact)) if k == j => EXACT,
        Some((k, Match::Partial)) if k == j => PARTIAL,
        Some(_) => CONTRADICTED,
        None => UNLABELLED,
    }
}

/// Aligns value rows, by the template row each names (`cand`, in order), with `n`
/// template rows, keeping both orders.
fn align(cand: &[Option<(usize, Match)>], n: usize) -> (i64, Plan) {
    let m = cand.len();
    // f[i][j]: best score with the first i rows placed within the first j template rows,
    // kept at f[i * w + j]; from[i * w + j]: the step that got there (1 skip template
    // row, 2 leave row out, 3 place). Of steps that score the same, placing wins, then
    // leaving out.
    let w = n + 1;
    let mut f = vec![0i64; (m + 1) * w];
    let mut from = vec![0u8; (m + 1) * w];
    // No row placed yet: template rows skipped.
    from[1..w].fill(1);
    for (i, &c) in cand.iter().enumerate() {
        let (above, below) = f.split_at_mut((i + 1) * w);
        let (prev, cur) = (&above[i * w..], &mut below[..w]);
        let steps = &mut from[(i + 1) * w..(i + 2) * w];
        cur[0] = prev[0] + LEFT_OUT;
        steps[0] = 2;
        for j in 1..w {
            let (mut best, mut step) = (prev[j - 1] + gain(c, j - 1), 3);
            if prev[j] + LEFT_OUT > best {
                (best, step) = (prev[j] + LEFT_OUT, 2);
            }
            if cur[j - 1] > best {
                (best, step) = (cur[j - 1], 1);
            }
            cur[j] = best;
            steps[j] = step;
        }
    }
    let mut plan = vec![None; m];
    let (mut i, mut j) = (m, n);
    while i > 0 || j > 0 {
        match from[i * w + j] {
            1 => j -= 1,
            2 => i -= 1,
            3 => {
                let placement = match cand[i - 1] {
                    Some((k, _)) if k == j - 1 => Placement::Label,
                    _ => Placement::Position,
                };
                plan[i - 1] = Some((j - 1, placement));
                i -= 1;
                j -= 1;
            }
            _ => break,
        }
    }
    (f[m * w + n], plan)
}

/// What the placements of a row whose blank cells vanished agree on, column by column
/// (see [`crate::vanished`]), and the placements as a note writes them.
type Agreed = (Vec<Option<Option<usize>>>, Text);

/// The rows written without positions that show fewer values than the seven columns
/// (reading-order text: blank cells left nothing), each with what its placements agree
/// on: those its own sum keeps, narrowed by the sums down the columns (（七）总计 is the
/// sum of the result rows, 一 + 二 = （七） + 四) where those leave one reading, tried
/// with every other row's readings. So too the positioned rows of `untold` (short rows
/// whose positions tell no column), whose placements must also put no blank column
/// between two values packed one space apart ([`columns::tight`]). `None` for the
/// other rows, read as before.
struct Vanished;

impl Vanished {
    fn of(
        text: &str,
        rows: &[ValueRow<'_, '_>],
        plan: &Plan,
        template: &[RowDef],
        untold: &[bool],
    ) -> (Vec<Option<Agreed>>, Vec<Vec<usize>>) {
        let shape = T3_ROW;
        let short = |i: usize, vr: &ValueRow<'_, '_>| {
            let values = fitted(vr.parts.values, N_COLUMNS).0;
            plan.get(i).copied().flatten().is_some()
                && !values.is_empty()
                && values.len() < N_COLUMNS
                && (values.iter().any(|c| c.x.is_none()) || untold.get(i).copied().unwrap_or(false))
        };
        // Most tables have no such row: nothing more is done.
        if !rows.iter().enumerate().any(|(i, vr)| short(i, vr)) {
            return (vec![None; rows.len()], vec![Vec::new(); rows.len()]);
        }
        let mut found: Vec<Option<Vec<crate::vanished::Placement>>> = Vec::new();
        let mut readings: Vec<Option<Readings>> = Vec::new();
        let mut cuts: Vec<bool> = Vec::new();
        // Each row's values, fitted to the columns.
        let all: Vec<&[_]> = rows
            .iter()
            .map(|vr| fitted(vr.parts.values, N_COLUMNS).0)
            .collect();
        let pages = page_cuts_by_row(text, &all, N_COLUMNS);
        for (i, (vr, &values)) in rows.iter().zip(&all).enumerate() {
            let tokens: Vec<Token> = values.iter().map(|c| Token::of(c.text)).collect();
            let short = short(i, vr);
            // A row whose values may go on (or begin) on a line of values next to it
            // was cut, not short of blanks: none of it is read.
            // (Not where each value stands alone on its line: such a run was cut into
            // rows by the sums, one way only; see `crate::paragraphs`. Nor where the
            // row was put together from parts the text wrote apart: see
            // `crate::wrapped` and `crate::spilled`.)
            let cut = short
                && !one_a_line(text, values)
                && !put_together(values, vr.parts.row.span)
                && values_beside(text, vr.parts.row.span, whole_row);
            let p = match placements(&tokens, &shape) {
                Placements::Found(p) if plan[i].is_some() && !cut => Some(p),
                _ => None,
            };
            // Reading-order text over lines: an empty cell stands at a cut.
            let p = match p {
                Some(p) if short && values.iter().all(|c| c.x.is_none()) => {
                    let page = pages.get(i).and_then(Option::as_deref);
                    Some(at_cuts(text, values, p, page))
                }
                p => p,
            };
            // A positioned row: no blank column between two values packed one space apart.
            let p = match (p, untold.get(i).copied().unwrap_or(false)) {
                (Some(p), true) => columns::tight(values).map(|tight| {
                    p.into_iter()
                        .filter(|p| columns::packed_columns(p, &tight).is_some())
                        .collect()
                }),
                (p, _) => p,
            };
            // A positioned row: a value that begins a run where a full row's value
            // begins one stands in that value's column.
            let p = match (p, untold.get(i).copied().unwrap_or(false)) {
                (Some(p), true) => {
                    let fixed = run_columns(text, &all, i);
                    Some(
                        p.into_iter()
                            .filter(|p| {
                                fixed.iter().enumerate().all(|(m, k)| {
                                    k.is_none_or(|k| p.get(k).copied().flatten() == Some(m))
                                })
                            })
                            .collect(),
                    )
                }
                (p, _) => p,
            };
            // A row's readings: the values of each placement (a blank counted as 0),
            // each once; none where a value is no count.
            let r = p
                .as_ref()
                .filter(|_| !tokens.contains(&Token::Other))
                .and_then(|p| {
                    let mut r = Readings {
                        values: Vec::new(),
                        split: Vec::new(),
                    };
                    for v in p.iter().map(|p| counts(p, &tokens)) {
                        if !r.values.contains(&v) {
                            r.split.push(Some(r.values.len()));
                            r.values.push(v);
                        }
                    }
                    (!r.values.is_empty()).then_some(r)
                });
            readings.push(r);
            found.push(p.filter(|_| short));
            cuts.push(cut);
        }
        let named: Vec<Option<usize>> = plan.iter().map(|p| p.map(|(j, _)| j)).collect();
        let sums = equations(&named, template);
        let verdicts = resolve(&readings, &sums);
        // A whole row of reading-order text just after a row that lost a cell without
        // a trace: chromium's reading order of the editor page can set one of its
        // values out of its place (`0 0 0 0 0 5 5` for `5 0 0 0 0 0 5`, after a row
        // whose first cell was empty), which its own sum does not see. Where no reading
        // of the rows makes the sums down the columns hold in a column, its value
        // there is not read.
        let failing = failing_columns(&readings, &sums);
        let doubted: Vec<Vec<usize>> = rows
            .iter()
            .enumerate()
            .map(|(i, vr)| {
                let values = fitted(vr.parts.values, N_COLUMNS).0;
                let after_short = i
                    .checked_sub(1)
                    .and_then(|b| rows.get(b).map(|r| (b, r)))
                    .is_some_and(|(b, r)| short(b, r) && !untold.get(b).copied().unwrap_or(false));
                let whole = values.len() == N_COLUMNS && values.iter().all(|c| c.x.is_none());
                if whole && after_short && plan.get(i).copied().flatten().is_some() {
                    failing.clone()
                } else {
                    Vec::new()
                }
            })
            .collect();
        let agreed = found
            .iter()
            .zip(rows)
            .zip(readings.iter().zip(verdicts))
            .zip(cuts)
            .map(|(((p, vr), (r, verdict)), cut)| {
                if cut {
                    let why = Text::new(
                        "无从判断：旁边一行只有数值，这一行可能被截成两段",
                        "in no way told: a line of values stands next to it, so the row may have been cut in two",
                    );
                    return Some((vec![None; N_COLUMNS], why));
                }
                let p = p.as_ref()?;
                let values = fitted(vr.parts.values, N_COLUMNS).0;
                let tokens: Vec<Token> = values.iter().map(|c| Token::of(c.text)).collect();
                let kept: Vec<&crate::vanished::Placement> = match (r, verdict) {
                    (Some(r), Verdict::Read(k)) => {
                        let v = r.values.get(k);
                        p.iter()
                            .filter(|p| Some(&counts(p, &tokens)) == v)
                            .collect()
                    }
                    _ => p.iter().collect(),
                };
                Some((agreed(text, &kept, values, N_COLUMNS), written(&kept, values, 4)))
            })
            .collect();
        (agreed, doubted)
    }
}

/// For each value of row `i` (`all[i]`, positioned by `pdftotext -layout`), the
/// column it stands in where its run of words tells: it begins a run on the very
/// column of characters where a value of the nearest row above or below that shows
/// all seven, on the same page, begins one ([`columns::RunPlace`]: the two overlap
/// on the page); that value's column, all such agreeing.
fn run_columns(text: &str, all: &[&[LexCell<'_>]], i: usize) -> Vec<Option<usize>> {
    let Some(values) = all.get(i) else {
        return Vec::new();
    };
    let one_page = |a: &[LexCell<'_>], b: &[LexCell<'_>]| {
        let (Some(a), Some(b)) = (a.first(), b.first()) else {
            return false;
        };
        let (from, to) = (
            a.span.start.min(b.span.start),
            a.span.start.max(b.span.start),
        );
        text.get(from..to)
            .is_some_and(|between| !between.contains('\u{c}'))
    };
    let full = |k: &usize| {
        all.get(*k).copied().filter(|f| {
            f.len() == N_COLUMNS && f.iter().all(|c| c.x.is_some()) && one_page(f, values)
        })
    };
    let above = (0..i)
        .rev()
        .find(|k| all.get(*k).is_some_and(|f| f.len() == N_COLUMNS));
    let below = (i + 1..all.len()).find(|k| all.get(*k).is_some_and(|f| f.len() == N_COLUMNS));
    let references: Vec<(columns::RunPlace, usize)> = [above, below]
        .iter()
        .flatten()
        .filter_map(full)
        .flat_map(|f| {
            let places = columns::run_places(text, f).into_iter();
            places.zip(0..)
        })
        .collect();
    columns::by_runs(text, values, &references)
}

/// Whether a row was put together from parts the text wrote apart: some of its
/// `values` stands before the value ahead of it in the text, or outside the row's
/// `span` (the lines of its label and values).
fn put_together(values: &[LexCell<'_>], span: zfxxgk_lex::Span) -> bool {
    values
        .windows(2)
        .any(|w| matches!(w, [a, b] if b.span.start < a.span.end))
        || values
            .iter()
            .any(|v| v.span.start < span.start || v.span.end > span.end)
}

/// Whether each of `values` (two or more) stands alone on its line: a table written
/// one cell a paragraph (`pdftotext` of a LibreOffice page), whose runs of values
/// were cut into rows where they split one way only into rows that add up.
fn one_a_line(text: &str, values: &[LexCell<'_>]) -> bool {
    values.len() >= 2
        && values.iter().all(|c| {
            let after = text.get(c.span.end..).unwrap_or_default();
            let head = columns::line_before(text, c.span.start);
            let tail = after.get(..after.find('\n').unwrap_or(after.len()));
            head.is_some_and(|h| h.trim().is_empty()) && tail.is_some_and(|t| t.trim().is_empty())
        })
}

/// Whether a line's words are a whole row of table 三: seven counts (a blank as 0),
/// the last the sum of the six before (`0 0 0 0 0 0 0` after its label, in the
/// reading order of a page whose rows stand each on one line).
fn whole_row(words: &[&str]) -> bool {
    let tokens: Vec<Token> = words.iter().map(|w| Token::of(w)).collect();
    tokens.len() == N_COLUMNS && crate::vanished::adds_up(&tokens) == Some(true)
}

/// Whether the line just before `span`'s line, or just after it (blank lines passed
/// over), holds values only: the row at `span` may be one part of a row cut in two.
/// A line whose values `whole` takes for a row of their own is no part of it.
pub(crate) fn values_beside(
    text: &str,
    span: zfxxgk_lex::Span,
    whole: impl Fn(&[&str]) -> bool,
) -> bool {
    // A line's words, a bar between cells (html2text's `| /| 0| 0`) set apart as
    // whitespace is: a line of nothing but bars is passed over as blank.
    fn words(line: &str) -> Vec<&str> {
        line.split(|c: char| c.is_whitespace() || c == '|')
            .filter(|w| !w.is_empty())
            .collect()
    }
    let values_only = |line: &str| {
        let cells = words(line);
        !cells.is_empty()
            && cells
                .iter()
                .all(|c| !rule_word(c) && crate::number::kind(c) != crate::number::Kind::Text)
            && !whole(&cells)
    };
    let (before, after) = columns::lines_around(text, span.start, span.end);
    let last = before.lines().rev().find(|l| !words(l).is_empty());
    let next = after.lines().find(|l| !words(l).is_empty());
    last.is_some_and(values_only) || next.is_some_and(values_only)
}

/// Whether the line just before `span`'s line, or just after it (blank lines passed
/// over), ends with values no more than the row's `values` leave columns for, each
/// standing clear of the row's own values (counted in characters where `chars`, as
/// the table's columns are, else in display columns): the row at `span` may be one part of a row cut in two
/// (`（二）部分公开（区分处理的，只计这一情形，不计其他 2` / `情形） 0 0 0 1 0 3`),
/// and the columns it leaves may hold the other part's values, not blank cells.
fn cut_beside(text: &str, span: zfxxgk_lex::Span, values: &[LexCell<'_>], chars: bool) -> bool {
    let open = N_COLUMNS.saturating_sub(values.len());
    let place = |at: usize, word: &str| on_line(text, at, word, chars);
    let own: Vec<_> = values.iter().map(|v| place(v.span.start, v.text)).collect();
    let cut = |line: &str| {
        let base = line.as_ptr() as usize - text.as_ptr() as usize;
        let tail: Vec<(usize, &str)> = line
            .split_whitespace()
            .rev()
            .map(|w| (base + (w.as_ptr() as usize - line.as_ptr() as usize), w))
            .take_while(|(_, w)| crate::number::kind(w) != crate::number::Kind::Text)
            .collect();
        let numbers = tail
            .iter()
            .filter(|(_, w)| crate::number::kind(w) == crate::number::Kind::Number)
            .count();
        numbers > 0
            && numbers <= open
            && tail.iter().all(|&(at, w)| {
                let x = place(at, w);
                own.iter().all(|&o| !columns::overlaps(x, o))
            })
    };
    let (before, after) = columns::lines_around(text, span.start, span.end);
    let last = before.lines().rev().find(|l| !l.trim().is_empty());
    let next = after.lines().find(|l| !l.trim().is_empty());
    // A row cut in two has its label on one line: the other's names no row (two rows
    // whose blank cells fall where the other shows values are no cut row).
    let own_line = text.get(span.range()).unwrap_or_default();
    let named = names_row(own_line);
    [last, next]
        .into_iter()
        .flatten()
        .any(|l| cut(l) && !(named && names_row(l)))
}

/// Whether the line just before the line of the first of a short row's `values`, or
/// just after the line of its last (blank lines passed over), holds values only,
/// fewer than a row's, one of them standing clear of the row's own values (counted in
/// characters where `chars`, else in display columns): a table whose narrow cells
/// stack each column's values on lines of their own (`   0   0` / `       0`, the
/// last two lines of two rows' values set one under the other) shows such lines, and
/// a short line among them is no row whose other columns are blank.
fn stacked_beside(text: &str, values: &[LexCell<'_>], chars: bool) -> bool {
    let (Some(first), Some(last)) = (values.first(), values.last()) else {
        return false;
    };
    let place = |at: usize, word: &str| on_line(text, at, word, chars);
    let own: Vec<_> = values.iter().map(|v| place(v.span.start, v.text)).collect();
    let stacked = |line: &str| {
        let base = line.as_ptr() as usize - text.as_ptr() as usize;
        let words: Vec<(usize, &str)> = line
            .split_whitespace()
            .map(|w| (base + (w.as_ptr() as usize - line.as_ptr() as usize), w))
            .collect();
        !words.is_empty()
            && words.len() < N_COLUMNS
            && words
                .iter()
                .all(|(_, w)| !rule_word(w) && crate::number::kind(w) != crate::number::Kind::Text)
            && words.iter().any(|&(at, w)| {
                let x = place(at, w);
                own.iter().all(|&o| !columns::overlaps(x, o))
            })
    };
    let (before, after) = columns::lines_around(text, first.span.start, last.span.end);
    let above = before.lines().rev().find(|l| !l.trim().is_empty());
    let below = after.lines().find(|l| !l.trim().is_empty());
    [above, below].into_iter().flatten().any(stacked)
}

/// Where `word`, at byte `at` of `text`, stands on its line: the columns it covers
/// from the line's start, counted in characters where `chars`, else in display
/// columns (as [`LexCell::x`] counts them).
fn on_line(text: &str, at: usize, word: &str, chars: bool) -> columns::Range {
    let line = columns::line_before(text, at).unwrap_or_default();
    let count = |s: &str| {
        if chars {
            u32::try_from(s.chars().count()).unwrap_or(u32::MAX)
        } else {
            zfxxgk_lex::display_width(s)
        }
    };
    let start = count(line);
    (start, start.saturating_add(count(word)))
}

/// Whether `w` is a piece of a table's rule (`----------`, pandoc's borders), no
/// blank mark however many dashes it has.
fn rule_word(w: &str) -> bool {
    w.chars().count() >= 3 && w.chars().all(|c| matches!(c, '-' | '=' | '_' | '+' | ':'))
}

/// Whether the text before a line's trailing values names a row of table 三.
fn names_row(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let text = words
        .iter()
        .rposition(|w| crate::number::kind(w) == crate::number::Kind::Text)
        .map_or(&[][..], |k| &words[..=k]);
    let labels: Vec<Folded<'_>> = text.iter().map(|w| Folded::new(w)).collect();
    !labels.is_empty()
        && Edition::ALL
            .iter()
            .any(|&e| best_t3_row(&labels, e).is_some())
}

/// A placement's values, column by column: a blank (vanished or written) as 0.
fn counts(p: &crate::vanished::Placement, tokens: &[Token]) -> Vec<u64> {
    p.iter()
        .map(|c| match c.and_then(|i| tokens.get(i)) {
            Some(Token::Count(n)) => *n,
            _ => 0,
        })
        .collect()
}

/// `agreed` with its cells agreed blank (a blank that left no text) not told where
/// `loose`: a value of the table standing alone, that no row took, may be theirs.
fn blanks_told(mut agreed: Agreed, loose: bool) -> Agreed {
    if loose {
        for cell in &mut agreed.0 {
            *cell = cell.filter(Option::is_some);
        }
    }
    agreed
}

/// Places the columns of a row whose blank cells vanished that its placements agree
/// on (by position: a note says so); the row is kept in `unplaced`, with a note naming
/// the columns not told and its placements, when any is left.
fn place_vanished(
    ctx: &mut Ledger<'_>,
    cells: &mut Vec<zfxxgk_model::Cell>,
    keys: &[Option<CellKey>],
    row: &str,
    vr: &ValueRow<'_, '_>,
    values: &[LexCell<'_>],
    agreed: &Agreed,
) {
    let end = vr.parts.row.span.end;
    let mut read = Vec::new();
    let mut open = Vec::new();
    let (agreed, candidates) = agreed;
    for ((key, column), def) in keys.iter().zip(agreed).zip(T3_COLUMNS) {
        let Some(key) = *key else { continue };
        match column {
            Some(Some(i)) => match values.get(*i) {
                Some(c) => cells.push(ctx.cell(key, c, Placement::Position)),
                None => open.push(def.key),
            },
            Some(None) => cells.push(ctx.invisible_blank(key, end, Placement::Position)),
            None => open.push(def.key),
        }
        if column.is_some() {
            read.push(def.key);
        }
    }
    let shown = values.len();
    if !read.is_empty() {
        ctx.note(
            NoteKind::InferredPlacement,
            Text::new(
                format!(
                    "表三 {row} 行：{shown} 个数值对应 {N_COLUMNS} 列（空白单元格没有留下文字）；按模板的合计关系放入：{}",
                    read.join("、")
                ),
                format!(
                    "table 三, row {row}: {shown} values for {N_COLUMNS} columns (blank cells left no text); placed by the template's sums: {}",
                    read.join(", ")
                ),
            ),
            Some(vr.parts.row.span),
        );
    }
    if !open.is_empty() {
        ctx.unread_row(TableId::T3, vr.parts.row);
        ctx.note(
            NoteKind::AmbiguousPlacement,
            Text::new(
                format!(
                    "表三 {row} 行：{shown} 个数值对应 {N_COLUMNS} 列（空白单元格没有留下文字），合计关系看不出空白在哪里：{} 未读；可读作 {}（`_` 为空白）",
                    open.join("、"),
                    candidates.zh
                ),
                format!(
                    "table 三, row {row}: {shown} values for {N_COLUMNS} columns (blank cells left no text), and the sums do not tell where the blanks stood: {} not read; it may be read {} (`_` a blank)",
                    open.join(", "),
                    candidates.en
                ),
            ),
            Some(vr.parts.row.span),
        );
    }
}

/// Takes out of `placed` (a whole row's cells) those of the columns `doubted`, which the
/// sums down the columns do not hold in after a row that lost a cell without a trace
/// ([`Vanished::of`]); the row is kept unplaced, with a note naming them.
fn doubt(
    ctx: &mut Ledger<'_>,
    placed: &mut [Option<LexCell<'_>>; N_COLUMNS],
    doubted: &[usize],
    row: &str,
    vr: &ValueRow<'_, '_>,
) {
    for &col in doubted {
        if let Some(slot) = placed.get_mut(col) {
            *slot = None;
        }
    }
    let names: Vec<&str> = doubted
        .iter()
        .filter_map(|&c| T3_COLUMNS.get(c).map(|d| d.key))
        .collect();
    ctx.unread_row(TableId::T3, vr.parts.row);
    ctx.note(
        NoteKind::AmbiguousPlacement,
        Text::new(
            format!(
                "表三 {row} 行：上一行的空白单元格没有留下文字，而按文字顺序读这一行，各列合计关系在 {} 列不成立（阅读顺序的文字可能把这一行的数值放错位置）：这些列未读",
                names.join("、")
            ),
            format!(
                "table 三, row {row}: the row before it lost a blank cell without a trace, and read in the text's order this row leaves the sums down the columns failing in {} (reading-order text may set a value of such a row out of its place): not read there",
                names.join(", ")
            ),
        ),
        Some(vr.parts.row.span),
    );
}

/// [`overflow::note`] for a row of table 三.
fn overflow_note(ctx: &mut Ledger<'_>, row: &str, vr: &ValueRow<'_, '_>, read: bool) {
    let ran = overflow::Ran {
        tails: &vr.tails,
        untold: !vr.untold.is_empty(),
        read,
    };
    overflow::note(ctx, TableId::T3, row, &ran, vr.parts.row.span);
}

/// Says where rows placed by position had more than one place they could go.
/// The runs of rows placed by position (or not at all) between two rows placed by
/// label, or the ends: `(first, past the last, the template rows between the labels
/// from, to)`.
fn position_runs(plan: &Plan, n_template: usize) -> Vec<(usize, usize, usize, usize)> {
    let by_position = |k: usize| matches!(plan.get(k), Some(Some((_, Placement::Position)) | None));
    let mut runs = Vec::new();
    let mut i = 0;
    while i < plan.len() {
        if !by_position(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < plan.len() && by_position(i) {
            i += 1;
        }
        let lo = (0..start)
            .rev()
            .find_map(|k| plan.get(k).copied().flatten().map(|(j, _)| j + 1))
            .unwrap_or(0);
        let hi = (i..plan.len())
            .find_map(|k| plan.get(k).copied().flatten().map(|(j, _)| j))
            .unwrap_or(n_template);
        runs.push((start, i, lo, hi.max(lo)));
    }
    runs
}

/// Whether each row's placement by position is a guess: its run between two labelled
/// rows has more or fewer rows than the template has there. Such a row is left
/// unplaced (a wrong number is worse than a missing one).
fn guessed(plan: &Plan, n_template: usize) -> Vec<bool> {
    let mut out = vec![false; plan.len()];
    for (start, end, lo, hi) in position_runs(plan, n_template) {
        if hi - lo != end - start {
            for g in out.get_mut(start..end).into_iter().flatten() {
                *g = true;
            }
        }
    }
    out
}

fn ambiguity_notes(
    ctx: &mut Ledger<'_>,
    rows: &[ValueRow<'_, '_>],
    plan: &Plan,
    template: &[RowDef],
    stacked: &[usize],
) {
    for (start, end, lo, hi) in position_runs(plan, template.len()) {
        let slots = hi - lo;
        if slots == end - start || stacked.contains(&start) {
            continue;
        }
        let (Some(first), Some(last)) = (rows.get(start), rows.get(end - 1)) else {
            continue;
        };
        let span = zfxxgk_lex::Span::new(first.parts.row.span.start, last.parts.row.span.end);
        ctx.note(
            NoteKind::AmbiguousPlacement,
            Text::new(
                format!(
                    "表三：有行名的行之间有 {} 行没有行名，对应模板的 {} 行；按位置放入只是推测，未放入模板",
                    end - start,
                    slots
                ),
                format!(
                    "table 三: {} unlabelled row(s) for {} template row(s) between labelled rows; placement by position is a guess, left unplaced",
                    end - start,
                    slots
                ),
            ),
            Some(span),
        );
    }
}

/// Table 三's number of columns.
const N_COLUMNS: usize = T3_COLUMNS.len();

/// Most display columns (or characters) a value of a short row may stand off the
/// column it is placed under by the rows that show every column.
const MAX_OFF_COLUMN: u32 = 2;

/// Where each value row's values stand among the seven columns.
struct Columns<'t, 'i> {
    /// The indices (in the value rows) of the rows that show a positioned value in every
    /// column.
    full: Vec<usize>,
    /// The positions of each full row's values, in the order of `full`.
    ranges: Vec<Vec<columns::Range>>,
    /// Whether each full row's values begin a run of words ([`columns::begins_run`]),
    /// in the order of `ranges`.
    begins: Vec<Vec<bool>>,
    /// The text the cells' spans index.
    text: &'t str,
    /// The header's lines of cells, and the columns they show once asked for.
    header: Vec<Vec<LexCell<'i>>>,
    from_header: Option<Option<Vec<columns::Range>>>,
    /// The text, when positions are counted in characters ([`columns::in_chars`]):
    /// where the rows that show every column line up so better than by display
    /// columns.
    chars: Option<&'t str>,
}

impl<'t, 'i> Columns<'t, 'i> {
    fn new(
        text: &'t str,
        rows: &[ValueRow<'_, 'i>],
        header: &[Vec<LexCell<'i>>],
    ) -> Columns<'t, 'i> {
        let mut full = Vec::new();
        let mut shown: Vec<Vec<LexCell<'i>>> = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let values = fitted(r.parts.values, N_COLUMNS).0;
            if values.len() == N_COLUMNS && values.iter().all(|c| c.x.is_some()) {
                full.push(i);
                shown.push(values.to_vec());
            }
        }
        let counted: Vec<Vec<LexCell<'i>>> =
            shown.iter().map(|v| columns::in_chars(text, v)).collect();
        let chars = columns::lined_up(&counted) > columns::lined_up(&shown);
        let (shown, header) = if chars {
            let header = header.iter().map(|l| columns::in_chars(text, l)).collect();
            (counted, header)
        } else {
            (shown, header.to_vec())
        };
        let (ranges, begins) = shown
            .iter()
            .filter_map(|v| {
                let begins = v.iter().map(|c| columns::begins_run(text, c)).collect();
                Some((columns::ranges(v)?, begins))
            })
            .unzip();
        Columns {
            full,
            ranges,
            begins,
            text,
            header,
            from_header: None,
            chars: chars.then_some(text),
        }
    }

    /// Puts the values of value row `i` under their columns: in order when the row
    /// shows all seven or has no positions; otherwise under the column each stands
    /// under in the nearest rows above and below that show all seven (which must agree),
    /// or else in the header. `None` when no column can be told for a value.
    fn place(
        &mut self,
        i: usize,
        values: &[LexCell<'i>],
    ) -> Option<[Option<LexCell<'i>>; N_COLUMNS]> {
        let mut out = [None; N_COLUMNS];
        // A short row with no positions (a tab row, a pipe row, a line of lynx) does
        // not say which columns its values stand under: taking them left to right and
        // the rest as blank would write a wrong value wherever a cell before the last
        // was the one left out.
        if values.len() < N_COLUMNS && values.iter().any(|c| c.x.is_none()) {
            return None;
        }
        if values.len() >= N_COLUMNS {
            for (slot, c) in out.iter_mut().zip(values) {
                *slot = Some(*c);
            }
            return Some(out);
        }
        let counted;
        let at_x = match self.chars {
            Some(text) => {
                counted = columns::in_chars(text, values);
                &counted[..]
            }
            None => values,
        };
        let at = self.full.partition_point(|&f| f < i);
        let mut found: Option<Vec<usize>> = None;
        for k in [at.checked_sub(1), Some(at)].into_iter().flatten() {
            let Some(reference) = self.ranges.get(k) else {
                continue;
            };
            let ks = columns::under(at_x, reference)?;
            // A value in a wide gap, nearer no column than a few characters: the row
            // is set off its neighbours (`pdftotext -layout` of CJK lines shifts a
            // row's first values), and its position tells no column.
            if found.as_ref().is_some_and(|f| *f != ks)
                || !columns::near(at_x, reference, &ks, MAX_OFF_COLUMN)
            {
                return None;
            }
            // A value that begins a run of words under a value of the full row that
            // does not tells its column only where it begins or ends on that value's
            // very edge: `pdftotext -layout` sets a run's first word at a column found
            // from its place on the page, and the words after it one space apart
            // after the run's first (a label, in a row whose values follow it one
            // space apart), so the two stand on one scale no more
            // ([`columns::RunPlace`]). A row that lost two blank cells between packed
            // columns shows its value a column or two off (`4      0        0 0 4`
            // under `3 0 0 0         0 0 3`: the `0` is the research column's, set a
            // character right of the public-interest one). Columns laid out on one
            // scale (every row's values at their columns' places) line up exactly.
            let starts = self.begins.get(k).map_or(&[][..], Vec::as_slice);
            let off_scale = at_x.iter().zip(values).zip(&ks).any(|((a, c), &col)| {
                let (Some((x0, x1)), Some(&(r0, r1))) = (a.x, reference.get(col)) else {
                    return true;
                };
                starts.get(col) == Some(&false)
                    && columns::begins_run(self.text, c)
                    && x0 != r0
                    && x1 != r1
            });
            if off_scale {
                return None;
            }
            found = Some(ks);
        }
        let ks = match found {
            Some(ks) => ks,
            None => {
                let header = &self.header;
                let from_header = self
                    .from_header
                    .get_or_insert_with(|| columns::from_header(header, N_COLUMNS));
                columns::under(at_x, from_header.as_deref()?)?
            }
        };
        for (c, k) in values.iter().zip(ks) {
            *out.get_mut(k)? = Some(*c);
        }
        Some(out)
    }
}

mod stack;

#[cfg(test)]
mod tests;
