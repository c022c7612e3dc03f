//! Integration tests of the `zfxxgk` binary.

mod check;
mod diff;
mod formats;
mod parse;
mod serve;
mod support;

#[path = "../../../../tests/support/render.rs"]
#[allow(dead_code)]
mod render;
