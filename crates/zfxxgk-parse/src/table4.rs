//! Table 四: three groups of five columns, in one row of fifteen numbers (sometimes cut
//! into several rows); the header words stand in rows above it.

use std::sync::LazyLock;

use zfxxgk_model::{CellKey, Placement, Table, TableId, T4_COLUMNS, T4_GROUPS};

use crate::columns;
use crate::context::{fitted, parts, Ctx};
use crate::normalize::{fold_cow, has};
use crate::rows::TableRow;

pub(crate) fn build(ctx: &mut Ctx<'_>, rows: &[TableRow<'_>]) -> Option<Table> {
    let want = T4_GROUPS.len() * T4_COLUMNS.len();
    let mut header = false;
    let mut values = Vec::new();
    let mut spans = Vec::new();
    // The rows of cells above the values: the header, for its columns.
    let mut header_cells = Vec::new();
    for tr in rows {
        let s = parts(&tr.row);
        if s.labels().next().is_some() {
            if values.is_empty() {
                header_cells.push(tr.row.cells.clone());
            }
            // Folding leaves 维 as it is and turns nothing else into it: a label
            // without 维 cannot fold to one holding 维持, and is not folded.
            if s.labels()
                .any(|l| l.contains('维') && has!(fold_cow(l), "维持"))
            {
                header = true;
            }
            if values.is_empty() {
                continue;
            }
            break;
        }
        if s.values.is_empty() || (tr.from_text && s.values.len() < T4_COLUMNS.len()) {
            continue;
        }
        if values.len() >= want {
            ctx.unplaced_row(TableId::T4, &tr.row);
            continue;
        }
        spans.push(tr.row.span);
        values.extend_from_slice(s.values);
    }
    if values.is_empty() {
        return None;
    }
    let (values, extra) = fitted(&values, want);
    let placement = if header {
        Placement::Label
    } else {
        Placement::Position
    };
    // Where each value stands among the fifteen columns: in order, unless a
    // space-aligned row shows fewer values than columns, when each goes under the
    // header column it stands under.
    let positioned = values.len() < want && values.iter().all(|c| c.x.is_some());
    let at: Vec<usize> = if positioned {
        let columns = columns::from_header(&header_cells, want);
        let found = columns.and_then(|c| columns::under(values, &c).filter(|_| spans.len() == 1));
        let Some(found) = found else {
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
            return None;
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
    let start = spans.first().map_or(0, |s| s.start);
    let end = spans.last().map_or(start, |s| s.end);
    Some(Table {
        id: TableId::T4,
        edition: None,
        location: ctx.locate(zfxxgk_lex::Span::new(start, end)),
        items: Vec::new(),
        cells,
    })
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
