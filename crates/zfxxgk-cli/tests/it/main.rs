//! Integration tests of the `zfxxgk` binary.

mod check;
mod formats;
mod parse;
mod support;
