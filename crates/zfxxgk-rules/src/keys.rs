//! The cells the rules name, resolved to `CellKey`s once per process (in `LazyLock`
//! statics beside each rule), never per report, and without formatting key names.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use zfxxgk_model::{CellKey, TableId};

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

#[cfg(test)]
mod tests {
    //! Every static table of keys the rules hold resolves in full: a row or column
    //! misspelt in one would leave its cell out, and a rule silently checks less.

    use zfxxgk_model::{Edition, T3Column, T3_COLUMNS, T4_GROUPS};

    use super::*;

    #[test]
    fn every_static_key_table_resolves() {
        let t3_rows = CellKey::all()
            .filter(|k| k.table() == TableId::T3 && k.column() == T3Column::TOTAL.as_str())
            .count();
        assert_eq!(crate::table3::ROW_EQUATIONS.len(), t3_rows, "T301");
        for e in Edition::ALL {
            let columns = crate::table3::COLUMN_EQUATIONS.get(e).len();
            assert_eq!(columns, T3_COLUMNS.len(), "T302, {e}");
        }
        assert_eq!(crate::table3::BALANCES.len(), T3_COLUMNS.len(), "T303");
        assert_eq!(crate::series::CARRIES.len(), T3_COLUMNS.len(), "T305");
        assert_eq!(crate::table4::GROUPS.len(), T4_GROUPS.len(), "T401-T403");
        for cells in crate::table2::T202_CELLS.iter() {
            assert!(cells.iter().all(Option::is_some), "T202: {cells:?}");
        }
        for (i, keys) in crate::narrative::RESTATED_KEYS.iter().enumerate() {
            assert!(keys.is_some(), "N003, restated fact {i}");
        }
        assert!(crate::narrative::NEW_RECEIVED_TOTAL.is_some(), "N003");
    }

    #[test]
    fn row_keys_are_the_catalogs() {
        for k in CellKey::all() {
            assert!(row_keys(k.table(), k.row()).contains(&k), "{k}");
        }
        assert!(row_keys(TableId::T3, "nobody").is_empty());
        assert_eq!(keys(TableId::T3, [("granted", "nobody")]), None);
    }
}
