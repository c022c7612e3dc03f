//! PDFs, through poppler's `pdftotext -layout`.
//!
//! Reading PDF text well is a large job that poppler does; its `-layout` mode keeps
//! table columns aligned with spaces, which the lexer reads. We write the bytes to a
//! temporary file, run `pdftotext -layout -enc UTF-8 FILE -`, and turn the form feed
//! between pages into a line end.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::decode::decode_text;
use super::error::{InputError, Result, PDF_TOOL_HINT};
use super::InputKind;

/// The text of a PDF, and whether `pdftotext` output had malformed UTF-8.
///
/// `tool` is the `pdftotext` to run; `None` looks it up on `PATH`.
///
/// # Errors
///
/// [`InputError::PdfToolMissing`] when the tool cannot be started,
/// [`InputError::PdfToolFailed`] when it exits with an error,
/// [`InputError::UnsupportedKind`] when the PDF has no text layer (scanned pages),
/// [`InputError::Expanded`] when its output exceeds `max` bytes,
/// [`InputError::Io`] when the temporary file cannot be written.
pub(crate) fn pdf_to_text(bytes: &[u8], tool: Option<&Path>, max: usize) -> Result<(String, bool)> {
    let tool: PathBuf = tool.map_or_else(|| PathBuf::from("pdftotext"), Path::to_path_buf);
    let mut file = tempfile::Builder::new()
        .prefix("zfxxgk-")
        .suffix(".pdf")
        .tempfile()?;
    file.write_all(bytes)?;
    file.flush()?;
    let output = Command::new(&tool)
        .args(["-layout", "-enc", "UTF-8"])
        .arg(file.path())
        .arg("-")
        .stdin(Stdio::null())
        .output();
    let output = match output {
        Ok(output) => output,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(InputError::PdfToolMissing {
                tool,
                hint: PDF_TOOL_HINT,
            })
        }
        Err(e) => return Err(e.into()),
    };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(InputError::PdfToolFailed {
            status: output.status.code(),
            stderr,
        });
    }
    if output.stdout.len() > max {
        return Err(InputError::Expanded {
            kind: InputKind::Pdf,
            what: "pdftotext output",
            max,
        });
    }
    let decoded = decode_text(&output.stdout);
    let text = decoded.text.replace('\u{c}', "\n");
    if text.trim().is_empty() {
        return Err(InputError::UnsupportedKind {
            kind: "PDF without a text layer (scanned pages)",
            hint: "run OCR on it (e.g. ocrmypdf -l chi_sim in.pdf out.pdf) and pass the result, \
                   or pass the report's web page or .docx",
        });
    }
    Ok((text, decoded.replaced))
}
