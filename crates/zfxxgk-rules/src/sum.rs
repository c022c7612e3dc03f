//! Sums of cells where a blank counts as 0, remembering which blanks mattered.

use zfxxgk_model::{Cell, CellKey, Decimal, Report, Value};

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
pub(crate) struct Sum<'r> {
    /// The sum, blank counted as 0.
    pub(crate) value: Decimal,
    /// The cells summed, in order.
    pub(crate) cells: Vec<&'r Cell>,
}

impl<'r> Sum<'r> {
    /// How many of the summed cells are blank.
    pub(crate) fn blanks(&self) -> usize {
        self.cells.iter().filter(|c| c.value.is_blank()).count()
    }
}

/// Sums the cells named `names`. `None` when the report lacks one of them or one holds
/// text (those are other rules' business: S003, S006), so a rule never judges a sum it
/// cannot compute.
pub(crate) fn sum<'r, S: AsRef<str>>(
    report: &'r Report,
    names: impl IntoIterator<Item = S>,
) -> Option<Sum<'r>> {
    let mut total = Decimal::ZERO;
    let mut cells = Vec::new();
    for name in names {
        let key: CellKey = name.as_ref().parse().ok()?;
        let cell = report.cell(key)?;
        total += value(cell)?;
        cells.push(cell);
    }
    Some(Sum {
        value: total,
        cells,
    })
}

/// One cell, as a sum of one.
pub(crate) fn one<'r>(report: &'r Report, name: &str) -> Option<Sum<'r>> {
    sum(report, [name])
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
    if total.cells.len() == 1 && total.blanks() == 1 && parts.blanks() < parts.cells.len() {
        if let Some(cell) = total.cells.first() {
            draft = draft.note(
                &format!("{} 为空白，按其各项之和应为 {}", cell.key, parts.value),
                &format!(
                    "{} is blank; from its parts it should be {}",
                    cell.key, parts.value
                ),
            );
        }
    }
    draft
}
