#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod archive;
mod charset;
mod decode;
mod docx;
mod embedded;
mod error;
mod files;
mod grid;
mod html;
mod nesting;
mod pdf;
mod read;
mod sniff;
mod text;
mod words;

pub use decode::{decode_text, Decoded};
pub use error::{InputError, Result, PDF_TOOL_HINT};
pub use files::{report_files, REPORT_ENDINGS};
pub use read::{read_input, Input, InputKind, InputOptions};
