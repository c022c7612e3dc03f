#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod block;
mod layout;
mod line;
mod prose;
mod span;
mod tag;

pub use block::{Block, BlockKind, Cell, Cells, Layout, Row, Rows, Table};
pub use layout::lex;
pub use line::display_width;
pub use prose::{clause_end, passages, sentence_end, Prose, BREAK};
pub use span::Span;
pub use tag::{HtmlTag, TagKind, TEXT_TAG_MAX_CHARS};
pub use zfxxgk_text::LineIndex;
