//! Small helpers for the nom parsers of line shapes.

use nom::combinator::all_consuming;
use nom::error::Error;
use nom::Parser;

/// True when `p` accepts the whole of `t`.
pub(crate) fn full<'a, O>(
    p: impl Parser<&'a str, Output = O, Error = Error<&'a str>>,
    t: &'a str,
) -> bool {
    all_consuming(p).parse(t).is_ok()
}
