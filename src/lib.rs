#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod read;

pub use read::{read, read_file, Document, ReadError};
pub use zfxxgk_input as input;
pub use zfxxgk_input::{
    read_input, report_files, Input, InputError, InputKind, InputOptions, REPORT_ENDINGS,
};
pub use zfxxgk_lex as lex;
pub use zfxxgk_model as model;
pub use zfxxgk_model::{Cell, CellKey, Edition, Finding, Report, Severity, TableId, Value};
pub use zfxxgk_parse::parse as parse_text;
pub use zfxxgk_rules::{check, RuleSet};

/// A real report built in as a sample: 定海区民政局's 2020 report, a Word document run
/// through a text converter (one cell per line behind a tab, rows split by blank lines).
/// Its （七）总计 row was left blank, which `check` reports.
pub const SAMPLE_REPORT: &str = include_str!("sample.txt");

/// The name the sample report goes by in output.
pub const SAMPLE_NAME: &str = "sample:dinghai-2020.txt";
