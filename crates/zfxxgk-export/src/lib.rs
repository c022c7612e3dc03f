#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod array;
#[cfg(feature = "arrow")]
mod arrow;
mod error;
mod findings;
mod grid;
mod html;
mod json;
mod layout;
mod markdown;
#[cfg(feature = "parquet")]
mod parquet;
#[cfg(feature = "schema")]
mod schema;
mod tidy;
mod wide;

#[cfg(feature = "arrow")]
pub use arrow::{
    tidy_schema, wide_schema, wide_schema_of, TidyBatchBuilder, WideBatchBuilder, WideColumns,
    DECIMAL_PRECISION, DECIMAL_SCALE,
};
pub use error::{Error, Result};
pub use findings::{
    encode_findings_json, write_findings_json, FindingsCsvWriter, FindingsJsonWriter,
    FINDINGS_CSV_HEADER,
};
pub use grid::{
    layout_json, Layout, LayoutBlock, LayoutCell, LayoutHead, LayoutLabel, LayoutRow, LayoutTable,
};
pub use html::{render_html, render_html_page};
pub use json::{
    encode_sourced_json, read_json, read_json_lines, write_json, JsonArrayWriter, JsonLinesReader,
    JsonLinesWriter, JsonStyle, SourcedReport,
};
pub use markdown::render_markdown;
#[cfg(feature = "parquet")]
pub use parquet::{ParquetDataset, TidyParquetWriter, WideParquetWriter};
#[cfg(feature = "schema")]
pub use schema::{report_schema, report_schema_json};
pub use tidy::TidyCsvWriter;
pub use wide::{wide_header, WideCsvWriter, META_COLUMNS};
pub use zfxxgk_model::Lang;
