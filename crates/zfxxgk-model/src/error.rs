use thiserror::Error;

/// What can go wrong when text is turned into model values.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// The string is not a canonical key of REPORT_FORMAT.md.
    #[error("unknown cell key `{key}`")]
    UnknownKey {
        /// The string that was given.
        key: String,
    },
    /// The string is not an edition (`2019` or `2021`).
    #[error("unknown template edition `{edition}` (expected 2019 or 2021)")]
    UnknownEdition {
        /// The string that was given.
        edition: String,
    },
}

/// `Result` with this crate's [`Error`](enum@Error).
pub type Result<T, E = Error> = std::result::Result<T, E>;
