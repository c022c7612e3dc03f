#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod columns;
mod columnwise;
mod cuts;
mod labels;
mod ledger;
mod narrative;
mod normalize;
mod number;
mod overflow;
mod paragraphs;
mod pipeline;
mod plausible;
mod ran_together;
mod rows;
mod sections;
mod spilled;
mod split;
mod table2;
mod table3;
mod table4;
#[cfg(test)]
mod test_support;
mod unread;
mod vanished;
mod wrapped;

use zfxxgk_model::Report;

pub use narrative::extract_facts;

/// Reads a report's decoded text into the model.
///
/// Never fails: whatever the text holds is read as far as it goes, and what could not
/// be placed is kept in [`Report::unplaced`] and explained in [`Report::notes`]. The
/// encoding in [`Meta::encoding`](zfxxgk_model::Meta::encoding) is left for the caller, who decoded the bytes.
///
/// ```
/// let text = "二、主动公开政府信息情况\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t11\n";
/// let report = zfxxgk_parse::parse(text);
/// let key = "t2.regulations.in_force".parse()?;
/// let cell = report.cell(key).expect("read");
/// assert_eq!(cell.value.normalized(), "11");
/// assert_eq!((cell.location.line, cell.location.column), (4, 8));
/// # Ok::<(), zfxxgk_model::Error>(())
/// ```
pub fn parse(text: &str) -> Report {
    pipeline::run(text)
}
