//! Files that cannot be read, as Python exceptions: `ReadError` and one subclass per
//! kind of trouble, each carrying the command line's message.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::PyErr;
use zfxxgk::InputError;

create_exception!(
    zfxxgk,
    ReadError,
    PyException,
    "A file or bytes that could not be read as a report at all; the message is the command line's."
);
create_exception!(
    zfxxgk,
    FileAccessError,
    ReadError,
    "The file could not be opened or read (missing, a folder, no permission)."
);
create_exception!(
    zfxxgk,
    UnsupportedFileError,
    ReadError,
    "The bytes are not a report that can be read: an image, an archive, an old .doc, a damaged .docx."
);
create_exception!(
    zfxxgk,
    PdfToolError,
    ReadError,
    "A PDF could not be read: pdftotext (poppler-utils) is missing or failed on it."
);
create_exception!(
    zfxxgk,
    TooLargeError,
    ReadError,
    "The file, or the text it expands to, is larger than the limit."
);

/// The exception for an input error, with `message` (the command line's, which names
/// the file).
pub(crate) fn input_error(error: &InputError, message: String) -> PyErr {
    match error {
        InputError::TooLarge { .. } | InputError::Expanded { .. } => {
            TooLargeError::new_err(message)
        }
        InputError::UnsupportedKind { .. } | InputError::Docx { .. } => {
            UnsupportedFileError::new_err(message)
        }
        InputError::PdfToolMissing { .. } | InputError::PdfToolFailed { .. } => {
            PdfToolError::new_err(message)
        }
        InputError::Io(_) => FileAccessError::new_err(message),
        _ => ReadError::new_err(message),
    }
}

/// The exception for a file that could not be read, with the command line's message
/// (`PATH: why`).
pub(crate) fn read_error(error: &zfxxgk::ReadError) -> PyErr {
    let message = error.to_string();
    match error {
        zfxxgk::ReadError::Io { .. } => FileAccessError::new_err(message),
        zfxxgk::ReadError::Input { source, .. } => input_error(source, message),
        _ => ReadError::new_err(message),
    }
}
