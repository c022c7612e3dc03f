//! What the built-in rules share about the report they check: its cells by key, in one
//! slot per key of the catalog, built once per report instead of searched for per sum;
//! and sets of keys, one bit per key, for S003 to ask what a table holds.

use std::cell::OnceCell;

use zfxxgk_model::{Cell, CellKey, Report, Table, TableId};

/// Cells by key: one slot per key of the catalog, at the key's `CellKey::index`.
pub(crate) struct Cells<'r> {
    slots: Vec<Option<&'r Cell>>,
}

impl<'r> Cells<'r> {
    fn empty() -> Cells<'r> {
        Cells {
            slots: vec![None; CellKey::all().len()],
        }
    }

    /// The cells `Report::cell` finds: each key's cell in the first table of the key's
    /// table.
    pub(crate) fn of_report(report: &'r Report) -> Cells<'r> {
        let mut cells = Cells::empty();
        for id in TableId::ALL {
            let Some(table) = report.table(id) else {
                continue;
            };
            // Where keys strictly increase, as the parser leaves them, each cell is the
            // one `Table::cell` finds for its key; otherwise ask `Table::cell`, so that a
            // key held twice resolves to the cell it resolves to there.
            let increasing = table
                .cells
                .windows(2)
                .all(|w| matches!(w, [a, b] if a.key < b.key));
            for c in table.cells.iter().filter(|c| c.key.table() == id) {
                if let Some(slot) = cells.slots.get_mut(c.key.index()) {
                    if slot.is_none() {
                        *slot = if increasing {
                            Some(c)
                        } else {
                            table.cell(c.key)
                        };
                    }
                }
            }
        }
        cells
    }

    /// The cell `key`, if there is one.
    pub(crate) fn get(&self, key: CellKey) -> Option<&'r Cell> {
        self.slots.get(key.index()).copied().flatten()
    }
}

/// A set of keys: one bit per key of the catalog, at the key's `CellKey::index`.
pub(crate) struct KeySet {
    words: Vec<u64>,
}

impl KeySet {
    /// The keys of the cells one table holds, whatever table they name.
    pub(crate) fn of_table(table: &Table) -> KeySet {
        let mut set = KeySet {
            words: vec![0; CellKey::all().len().div_ceil(64)],
        };
        for c in &table.cells {
            let i = c.key.index();
            if let Some(word) = set.words.get_mut(i / 64) {
                *word |= 1 << (i % 64);
            }
        }
        set
    }

    /// True when `key` is in the set.
    pub(crate) fn contains(&self, key: CellKey) -> bool {
        let i = key.index();
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// The report a built-in rule checks, with what the rules share about it, each part
/// built on first use and kept for the rules that follow.
pub(crate) struct Context<'r> {
    /// The report.
    pub(crate) report: &'r Report,
    cells: OnceCell<Cells<'r>>,
}

impl<'r> Context<'r> {
    /// The context of `report`; nothing is built yet.
    pub(crate) fn new(report: &'r Report) -> Context<'r> {
        Context {
            report,
            cells: OnceCell::new(),
        }
    }

    /// The report's cells by key: what `Report::cell` finds, without the search.
    pub(crate) fn cells(&self) -> &Cells<'r> {
        self.cells.get_or_init(|| Cells::of_report(self.report))
    }
}
