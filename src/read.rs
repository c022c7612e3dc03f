//! Bytes to a read report: detect the kind of file, decode, lex, parse.

use std::path::Path;

use thiserror::Error;
use zfxxgk_model::{Note, NoteKind, Report};

use zfxxgk_input::{read_input, InputError, InputKind, InputOptions};

/// A report read from a file: the text it was read from and what was read.
///
/// Spans in the report are byte ranges into `text`, which is the decoded UTF-8 text
/// (for PDF, HTML and DOCX input, the text they were converted to).
#[derive(Debug, Clone)]
pub struct Document {
    /// The decoded text the report was read from.
    pub text: String,
    /// What kind of file it was.
    pub kind: InputKind,
    /// What was read.
    pub report: Report,
}

/// A file that could not be read at all.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The path given.
        path: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not a report we can read (wrong kind of file, too large…).
    #[error("{path}: {source}")]
    Input {
        /// The path given.
        path: String,
        /// Why.
        #[source]
        source: InputError,
    },
}

/// Reads a report from its bytes: detects the kind of file from its content, decodes
/// (UTF-8, UTF-16, GB18030/GBK), converts PDF, HTML and DOCX to text, and parses.
///
/// A decode that had to replace malformed bytes leaves a [`NoteKind::DecodeReplaced`]
/// note in the report.
///
/// # Errors
/// [`InputError`] when the bytes are not a report that can be read: an image, an
/// archive, a PDF with no `pdftotext` installed, a file over the size limit.
///
/// ```
/// let doc = zfxxgk::read(zfxxgk::SAMPLE_REPORT.as_bytes(), &zfxxgk::InputOptions::default())?;
/// assert_eq!(doc.report.meta.encoding.as_deref(), Some("UTF-8"));
/// assert!(doc.report.table(zfxxgk::TableId::T3).is_some());
/// # Ok::<(), zfxxgk::InputError>(())
/// ```
pub fn read(bytes: &[u8], opts: &InputOptions) -> Result<Document, InputError> {
    let input = read_input(bytes, opts)?;
    let mut report = zfxxgk_parse::parse(&input.text);
    report.meta.encoding = Some(input.encoding.to_string());
    if input.replaced {
        report.notes.insert(
            0,
            Note {
                kind: NoteKind::DecodeReplaced,
                message: format!(
                    "decoding as {} had to replace malformed bytes with U+FFFD",
                    input.encoding
                ),
                location: None,
            },
        );
    }
    Ok(Document {
        text: input.text,
        kind: input.kind,
        report,
    })
}

/// Reads a report from a file; see [`read`].
///
/// # Errors
/// [`ReadError::Io`] when the file cannot be read, [`ReadError::Input`] as for [`read`].
pub fn read_file(path: &Path, opts: &InputOptions) -> Result<Document, ReadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: name.clone(),
        source,
    })?;
    let mut opts = opts.clone();
    if opts.name_hint.is_none() {
        opts.name_hint = Some(name.clone());
    }
    read(&bytes, &opts).map_err(|source| ReadError::Input { path: name, source })
}
