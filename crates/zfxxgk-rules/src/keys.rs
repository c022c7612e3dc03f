//! The cells the rules name, resolved to `CellKey`s once per process (in `LazyLock`
//! statics beside each rule), never per report, and without formatting key names.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use zfxxgk_model::{CellKey, Edition, TableId};

/// The keys of each table and row, in key order, sorted by table and row.
static BY_ROW: LazyLock<Vec<(TableId, &'static str, Vec<CellKey>)>> = LazyLock::new(|| {
    let mut by_row: BTreeMap<(TableId, &'static str), Vec<CellKey>> = BTreeMap::new();
    for k in CellKey::all() {
        by_row.entry((k.table(), k.row())).or_default().push(k);
    }
    by_row
        .into_iter()
        .map(|((table, row), keys)| (table, row, keys))
        .collect()
});

/// The keys of `cells`, each a row and a column of `table`, in order; `None` when one is
/// in no edition, so that a sum of them is never computed (as a sum of a cell the
/// report lacks is not).
pub(crate) fn keys(
    table: TableId,
    cells: impl IntoIterator<Item = (&'static str, &'static str)>,
) -> Option<Vec<CellKey>> {
    cells
        .into_iter()
        .map(|(row, column)| CellKey::from_parts(table, row, column))
        .collect()
}

/// The keys of `row` of `table`, whatever their column, in key order.
pub(crate) fn row_keys(table: TableId, row: &'static str) -> &'static [CellKey] {
    BY_ROW
        .binary_search_by(|(t, r, _)| (*t, *r).cmp(&(table, row)))
        .ok()
        .and_then(|i| BY_ROW.get(i))
        .map_or(&[], |(_, _, keys)| keys.as_slice())
}

/// One value for each edition of the template.
pub(crate) struct PerEdition<T> {
    v2019: T,
    v2021: T,
}

impl<T> PerEdition<T> {
    /// Builds the value of each edition.
    pub(crate) fn new(mut build: impl FnMut(Edition) -> T) -> PerEdition<T> {
        PerEdition {
            v2019: build(Edition::V2019),
            v2021: build(Edition::V2021),
        }
    }

    /// The value of `edition`.
    pub(crate) fn get(&self, edition: Edition) -> &T {
        match edition {
            Edition::V2019 => &self.v2019,
            Edition::V2021 => &self.v2021,
        }
    }
}
