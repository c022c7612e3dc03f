#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod edition;
mod error;
mod fact;
mod finding;
mod key;
mod key_part;
mod location;
mod per_edition;
mod report;
mod template;
mod value;

pub use edition::Edition;
pub use error::{Error, Result};
pub use fact::{Fact, FactKind};
pub use finding::{Finding, Lang, Severity};
pub use key::{CellKey, SectionKey, TableId};
pub use key_part::{T2Column, T2Row, T3Column, T3Row, T4Column, T4Group};
pub use location::Location;
pub use per_edition::PerEdition;
pub use report::{
    Block, BlockKind, Cell, Meta, Note, NoteKind, Placement, Report, Section, Table, Unplaced,
    UnplacedKind, YearSource, YearStatement,
};
pub use rust_decimal::Decimal;
pub use template::{
    ColumnDef, RowDef, RowGroupDef, SubTableDef, Template, T3_COLUMNS, T3_GROUPS, T4_COLUMNS,
    T4_GROUPS,
};
pub use value::{Number, Value};
