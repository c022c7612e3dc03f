//! Table 四: three groups of five columns, in one row of fifteen numbers (sometimes cut
//! into several rows); the header words stand in rows above it.

use zfxxgk_model::{CellKey, Placement, Table, TableId, T4_COLUMNS, T4_GROUPS};

use crate::context::{split, Ctx};
use crate::normalize::{fold_cow, has};
use crate::rows::TableRow;

pub(crate) fn build(ctx: &mut Ctx<'_>, rows: &[TableRow<'_>]) -> Option<Table> {
    let want = T4_GROUPS.len() * T4_COLUMNS.len();
    let mut header = false;
    let mut values = Vec::new();
    let mut spans = Vec::new();
    for tr in rows {
        let s = split(&tr.row);
        if !s.labels.is_empty() {
            if s.labels.iter().any(|l| has!(fold_cow(l), "维持")) {
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
        values.extend(s.values);
    }
    if values.is_empty() {
        return None;
    }
    let extra = crate::context::fit(&mut values, want);
    ctx.stray(TableId::T4, &extra);
    let placement = if header {
        Placement::Label
    } else {
        Placement::Position
    };
    let mut cells = Vec::new();
    for (i, c) in values.iter().enumerate() {
        let g = &T4_GROUPS[i / T4_COLUMNS.len()];
        let col = &T4_COLUMNS[i % T4_COLUMNS.len()];
        if let Some(key) = CellKey::from_parts(TableId::T4, g.key, col.key) {
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
