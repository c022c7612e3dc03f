#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod api;
mod assets;
mod config;
mod error;
mod findings;
mod server;

pub use config::Config;
pub use error::{ApiError, Error, Result};
pub use findings::finding_json;
pub use server::{bind, router, serve, Server};
