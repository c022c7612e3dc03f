//! Why a file could not be turned into text.

use crate::InputKind;

/// What `pdftotext` is and how to get it, repeated in [`InputError::PdfToolMissing`].
pub const PDF_TOOL_HINT: &str = "install poppler-utils (apt-get install poppler-utils), \
     or run `pdftotext -layout FILE.pdf` and pass the .txt";

/// A file that [`read_input`](crate::read_input) could not turn into text.
///
/// Problems *inside* readable text (a malformed byte, an odd table) are not errors:
/// they travel in [`Input`](crate::Input) (`replaced`) and in later diagnostics. An
/// `InputError` means there is no text to read at all, and its message says what the
/// file is and what to do about it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file is larger than [`InputOptions::max_bytes`](crate::InputOptions::max_bytes).
    #[error(
        "the file is {size} bytes, more than the limit of {max} bytes; \
         split it or raise InputOptions::max_bytes"
    )]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in force.
        max: usize,
    },
    /// Reading the file would produce more than `max_bytes` of text: a zip bomb, a
    /// huge row or column span, or a PDF whose text is far larger than the file.
    #[error(
        "the {kind} expands to more than {max} bytes of text ({what}); \
         the file is probably damaged or hostile"
    )]
    Expanded {
        /// What kind of file was being read.
        kind: InputKind,
        /// What grew: "word/document.xml", "table rows", "pdftotext output".
        what: &'static str,
        /// The limit in force.
        max: usize,
    },
    /// The bytes are a kind of file this library does not read.
    #[error("this is a {kind}, not a report we can read: {hint}")]
    UnsupportedKind {
        /// What the file is: "PNG image", "ZIP archive (not a .docx)", "executable".
        kind: &'static str,
        /// What to do instead.
        hint: &'static str,
    },
    /// The file is a PDF and the `pdftotext` tool could not be found.
    #[error("this is a PDF, and reading it needs `{}`, which was not found: {hint}", tool.display())]
    PdfToolMissing {
        /// The program that was tried.
        tool: std::path::PathBuf,
        /// How to install it or work around it.
        hint: &'static str,
    },
    /// `pdftotext` ran and failed.
    #[error(
        "pdftotext failed on this PDF ({}): {stderr}; the PDF may be damaged or encrypted: \
         open it and save or print it as a new PDF, or copy its text into a .txt file",
        status.map_or_else(|| "killed by a signal".to_owned(), |code| format!("exit status {code}"))
    )]
    PdfToolFailed {
        /// Its exit code, `None` when it was killed by a signal.
        status: Option<i32>,
        /// What it printed on standard error (trimmed).
        stderr: String,
    },
    /// The file is a ZIP archive that looks like a .docx but cannot be read as one.
    #[error("cannot read this .docx: {message}; open it in Word or WPS and save it again")]
    Docx {
        /// What went wrong, in words.
        message: String,
    },
    /// An operating-system error (temporary file, running `pdftotext`).
    #[error("I/O error while reading the file: {0}")]
    Io(#[from] std::io::Error),
}

/// `Result` with [`InputError`] as its default error.
pub type Result<T, E = InputError> = std::result::Result<T, E>;
