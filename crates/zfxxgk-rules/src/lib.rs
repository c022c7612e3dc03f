#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod context;
mod diff;
mod error;
mod finding;
mod keys;
mod narrative;
mod pairing;
mod render;
mod rule;
mod series;
mod structure;
mod sum;
mod table2;
mod table3;
mod table4;

pub use diff::{
    diff, series_rows, Change, ChangeKind, Comparisons, Diff, Figures, MissingTable, NoCounterpart,
    SeriesRow, Side, Which,
};
#[cfg(feature = "schema")]
pub use diff::{diff_schema, diff_schema_json};
pub use error::{Error, Result};
pub use pairing::{
    normalize_body, BodySeries, Matching, Pairing, Unpaired, YearReport, BODY_ABBREVIATIONS,
};
pub use render::{render, render_all, summary};
pub use rule::{check, Rule, RuleSet};
pub use series::{check_series, SeriesCheck, SeriesSummary};
pub use zfxxgk_model::Lang;
