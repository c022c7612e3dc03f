//! Integration tests of zfxxgk-export, one module per format, all on the hand-built
//! reports of `fixtures`.

type TestResult = Result<(), Box<dyn std::error::Error>>;

mod examples;
mod findings;
mod fixtures;
mod html;
mod json;
mod markdown;
#[cfg(feature = "parquet")]
mod parquet;
#[cfg(feature = "schema")]
mod schema;
mod tidy;
mod wide;
