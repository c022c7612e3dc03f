//! Sums of cells where a blank counts as 0, remembering which blanks mattered.

use zfxxgk_model::{Cell, CellKey, Decimal, Value};

use crate::context::Cells;
use crate::finding::Draft;

/// The value of a cell for arithmetic: a number, blank as 0, text as `None`.
pub(crate) fn value(cell: &Cell) -> Option<Decimal> {
    match &cell.value {
        Value::Number(n) => Some(n.value),
        Value::Blank => Some(Decimal::ZERO),
        Value::Text { .. } => None,
    }
}

/// A sum of cells that the report has.
pub(crate) struct Sum<'a> {
    /// The sum, blank counted as 0.
    pub(crate) value: Decimal,
    keys: &'a [CellKey],
    cells: &'a Cells<'a>,
}

impl<'a> Sum<'a> {
    /// The keys of the cells summed, in order.
    pub(crate) fn keys(&self) -> &'a [CellKey] {
        self.keys
    }

    /// The cells summed, in order.
    pub(crate) fn cells(&self) -> impl Iterator<Item = &'a Cell> + Clone {
        let cells = self.cells;
        self.keys.iter().filter_map(move |&k| cells.get(k))
    }

    /// How many of the summed cells are blank.
    pub(crate) fn blanks(&self) -> usize {
        self.cells().filter(|c| c.value.is_blank()).count()
    }
}

/// Sums the cells `keys`. `None` when the report lacks one of them or one holds text
/// (those are other rules' business: S003, S006), so a rule never judges a sum it
/// cannot compute.
pub(crate) fn sum<'a>(cells: &'a Cells<'a>, keys: &'a [CellKey]) -> Option<Sum<'a>> {
    let mut total = Decimal::ZERO;
    for &key in keys {
        total += value(cells.get(key)?)?;
    }
    Some(Sum {
        value: total,
        keys,
        cells,
    })
}

/// Adds the note that `blanks` blank cells were counted as 0, if any were.
pub(crate) fn blanks_counted(draft: Draft, blanks: usize) -> Draft {
    if blanks == 0 {
        return draft;
    }
    draft.note(
        &format!("空白按0计（{blanks}个空白单元格）"),
        &format!(
            "blank counted as 0 ({blanks} blank cell{})",
            if blanks == 1 { "" } else { "s" }
        ),
    )
}

/// Adds the notes a failed equation `total = parts` deserves: blanks counted as 0, and
/// what a blank total should be.
pub(crate) fn blank_notes(mut draft: Draft, total: &Sum<'_>, parts: &Sum<'_>) -> Draft {
    draft = blanks_counted(draft, total.blanks() + parts.blanks());
    if let [key] = total.keys() {
        if total.blanks() == 1 && parts.blanks() < parts.keys().len() {
            draft = draft.note(
                &format!("{key} 为空白，按其各项之和应为 {}", parts.value),
                &format!(
                    "{key} is blank; from its parts it should be {}",
                    parts.value
                ),
            );
        }
    }
    draft
}
