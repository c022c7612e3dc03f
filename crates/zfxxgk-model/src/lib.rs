#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod edition;
mod error;
mod fact;
mod finding;
mod key;
mod location;
mod report;
mod rule_id;
mod template;
mod text;
mod value;

pub use edition::Edition;
pub use error::{Error, Result};
pub use fact::{Fact, FactKind};
pub use finding::{Finding, Place, Severity};
pub use key::{CellKey, SectionKey, TableId};
pub use location::Location;
pub use report::{
    Block, BlockKind, Cell, Meta, Note, NoteKind, Placement, Report, Section, Table, Unplaced,
    UnplacedKind, YearSource, YearStatement,
};
pub use rule_id::RuleId;
pub use rust_decimal::Decimal;
pub use template::{ColumnDef, RowDef, SubTableDef, Template, T3_COLUMNS, T4_COLUMNS, T4_GROUPS};
pub use text::{Lang, Text};
pub use value::{Number, Value};
