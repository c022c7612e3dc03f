use thiserror::Error;

/// What can go wrong when rules are selected.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// An ID or prefix given to select rules names no rule of the set.
    #[error("unknown rule `{id}`: no rule's ID starts with it")]
    UnknownRule {
        /// The ID or prefix that was given.
        id: String,
    },
}

/// `Result` with this crate's [`Error`](enum@Error).
pub type Result<T, E = Error> = std::result::Result<T, E>;
