#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod heading;
mod line_index;
mod numeral;
mod page;
mod parse;
mod space;

pub use heading::{heading, HeadingMark, MAX_HEADING_CHARS};
pub use line_index::{LineCursor, LineIndex};
pub use numeral::{is_numeral, numeral, numeral_value};
pub use page::{is_page_dash, is_page_number, may_bound_a_page_number};
pub use space::is_space;
