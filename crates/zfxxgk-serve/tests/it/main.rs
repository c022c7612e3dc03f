//! Tests of `zfxxgk serve` against a running server: the API (tests/it/api.rs) and the
//! page in a browser (tests/it/browser.rs, which runs tests/browser/review.mjs).

mod api;
mod browser;
mod support;
