//! Table 四: three groups of five columns, in one row of fifteen numbers (sometimes cut
//! into several rows); the header words stand in rows above it.

use std::sync::LazyLock;

use zfxxgk_model::{CellKey, Placement, Table, TableId, T4_COLUMNS, T4_GROUPS};

use crate::context::{fitted, parts, Ctx};
use crate::normalize::{fold_cow, has};
use crate::rows::TableRow;

pub(crate) fn build(ctx: &mut Ctx<'_>, rows: &[TableRow<'_>]) -> Option<Table> {
    let want = T4_GROUPS.len() * T4_COLUMNS.len();
    let mut header = false;
    let mut values = Vec::new();
    let mut spans = Vec::new();
    // The rows whose values are read, with how many values each has.
    let mut taken = Vec::new();
    for tr in rows {
        let s = parts(&tr.row);
        if s.labels().next().is_some() {
            // Folding leaves 维 as it is and turns nothing else into it: a label
            // without 维 cannot fold to one holding 维持, and is not folded.
            if s.labels()
                .any(|l| l.contains('维') && has!(fold_cow(l), "维持"))
            {
                header = true;
            }
            if taken.is_empty() {
                continue;
            }
            break;
        }
        if s.values.is_empty() || (tr.from_text && s.values.len() < T4_COLUMNS.len()) {
            continue;
        }
        taken.push((tr, s.values.len(), s.numbers));
    }
    // A row of blanks only (a grid's empty row) gives way when the rows hold more
    // values than the table has cells; alone, it is the table's row (a blank form).
    if taken.iter().map(|t| t.1).sum::<usize>() > want {
        taken.retain(|t| t.2 > 0);
    }
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
    let (values, extra) = fitted(&values, want);
    ctx.stray(TableId::T4, extra);
    let placement = if header {
        Placement::Label
    } else {
        Placement::Position
    };
    let mut cells = Vec::with_capacity(values.len());
    for (c, key) in values.iter().zip(T4_KEYS.iter()) {
        if let Some(key) = *key {
            cells.push(ctx.cell(key, c, placement));
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
