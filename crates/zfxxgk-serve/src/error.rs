//! Errors: the server's own (it could not start), and a request's (a 4xx or 5xx with a
//! JSON message).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// The server could not start or stopped on an error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The address could not be listened on (in use, not allowed).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: std::net::SocketAddr,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// Any other input/output error (the temporary folder, the runtime, the socket).
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: &'static str,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a request was not answered with a result: each becomes a status and a JSON
/// body `{"error": {"status": 400, "message": "…"}}`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// The request is malformed (no body, a missing part, a bad parameter): 400.
    #[error("{0}")]
    BadRequest(String),
    /// The body is larger than the limit: 413.
    #[error("the upload is larger than the limit of {max} bytes")]
    TooLarge {
        /// The limit in force.
        max: usize,
    },
    /// The bytes are not a report that can be read (an image, a PDF without text…): 422.
    #[error("{name}: {message}")]
    Unreadable {
        /// The file's name.
        name: String,
        /// Why, as the command line says it.
        message: String,
    },
    /// No such route: 404.
    #[error("no such page or API: {0}")]
    NotFound(String),
    /// The route does not take this method: 405.
    #[error("this method is not allowed here")]
    MethodNotAllowed,
    /// Something failed on the server's side: 500.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unreadable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = json!({"error": {"status": status.as_u16(), "message": self.to_string()}});
        (status, Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_client_errors_but_internal() {
        let cases = [
            (ApiError::BadRequest("x".into()), 400),
            (ApiError::TooLarge { max: 1 }, 413),
            (
                ApiError::Unreadable {
                    name: "a.png".into(),
                    message: "an image".into(),
                },
                422,
            ),
            (ApiError::NotFound("/x".into()), 404),
            (ApiError::MethodNotAllowed, 405),
            (ApiError::Internal("x".into()), 500),
        ];
        for (e, status) in cases {
            assert_eq!(e.status().as_u16(), status, "{e}");
        }
    }

    #[test]
    fn message_names_the_file() {
        let e = ApiError::Unreadable {
            name: "a.png".into(),
            message: "an image".into(),
        };
        assert_eq!(e.to_string(), "a.png: an image");
    }
}
