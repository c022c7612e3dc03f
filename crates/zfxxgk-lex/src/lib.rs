#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod block;
mod layout;
mod line;
mod span;
mod tag;

pub use block::{Block, BlockKind, Cell, Cells, Layout, Row, Rows, Table};
pub use layout::lex;
pub use span::{LineIndex, Span};
pub use tag::{html_tag, HtmlTag, TagKind, TEXT_TAG_MAX_CHARS};
