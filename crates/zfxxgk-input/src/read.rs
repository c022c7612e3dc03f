//! What a file is and the text in it: [`read_input`] and what it takes and gives.

use std::fmt;
use std::path::PathBuf;

use crate::decode::{decode_text, Decoded};
use crate::error::{InputError, Result};
use crate::sniff::{self, Sniffed};
use crate::{archive, charset, docx, embedded, html, pdf};

/// How [`read_input`] reads a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputOptions {
    /// Largest file accepted, and largest text produced, in bytes (default 64 MiB).
    pub max_bytes: usize,
    /// The `pdftotext` program to run for PDFs; `None` looks it up on `PATH`.
    pub pdftotext: Option<PathBuf>,
    /// The file's name, if known. Content decides the kind; the name only breaks
    /// ties (a fragment of tags in `x.html` is HTML, in `x.txt` it is text).
    pub name_hint: Option<String>,
    /// The folder for temporary files (a PDF is written to one for `pdftotext`);
    /// `None` uses the system's. A server passes a folder of its own that it removes.
    pub temp_dir: Option<PathBuf>,
}

impl Default for InputOptions {
    fn default() -> Self {
        Self {
            max_bytes: 64 * 1024 * 1024,
            pdftotext: None,
            name_hint: None,
            temp_dir: None,
        }
    }
}

/// What kind of file the text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputKind {
    /// Plain text or markdown.
    Text,
    /// An HTML page.
    Html,
    /// A Word .docx document.
    Docx,
    /// A PDF, read with `pdftotext -bbox-layout`.
    Pdf,
}

impl InputKind {
    /// A short English name: "text", "HTML page", ".docx document", "PDF".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Html => "HTML page",
            Self::Docx => ".docx document",
            Self::Pdf => "PDF",
        }
    }
}

impl fmt::Display for InputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text of a file, ready for the lexer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The text, with LF line ends; tables from HTML and .docx as pipe rows.
    pub text: String,
    /// What the file was.
    pub kind: InputKind,
    /// The encoding its text was read in: "UTF-8", "UTF-16LE", "UTF-16BE", "GBK",
    /// "GB18030" (PDFs: the UTF-8 that `pdftotext` was asked for).
    pub encoding: &'static str,
    /// `true` when decoding had to replace malformed bytes with U+FFFD.
    pub replaced: bool,
}

/// Turns the bytes of a report file into text.
///
/// ```
/// use zfxxgk_input::{read_input, InputKind, InputOptions};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let page = "<html><body><p>一、总体情况</p><table><tr><td rowspan=2>结果</td>\
///             <td>予以公开</td><td>9</td></tr><tr><td>不予公开</td><td>1</td></tr></table>";
/// let input = read_input(page.as_bytes(), &InputOptions::default())?;
/// assert_eq!(input.kind, InputKind::Html);
/// assert_eq!(input.text, "一、总体情况\n\n| 结果 | 予以公开 | 9 |\n| 结果 | 不予公开 | 1 |\n");
/// # Ok(())
/// # }
/// ```
///
/// # Errors
///
/// [`InputError::TooLarge`] past [`InputOptions::max_bytes`];
/// [`InputError::UnsupportedKind`] for images, `.doc`, archives, programs and other
/// binary files, and for PDFs without text; [`InputError::PdfToolMissing`] and
/// [`InputError::PdfToolFailed`] for PDFs when `pdftotext` is absent or fails;
/// [`InputError::Docx`] for a damaged .docx; [`InputError::Expanded`] when the text
/// would exceed `max_bytes`; [`InputError::Io`] when a temporary file cannot be
/// written. Malformed bytes in text are not an error: see [`Input::replaced`].
pub fn read_input(bytes: &[u8], opts: &InputOptions) -> Result<Input, InputError> {
    let max = opts.max_bytes;
    if bytes.len() > max {
        return Err(InputError::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    let name = opts.name_hint.as_deref();
    match sniff::sniff(bytes, name) {
        Sniffed::Unsupported { kind, hint } => Err(InputError::UnsupportedKind { kind, hint }),
        Sniffed::Pdf => {
            let (text, replaced) = pdf::pdf_to_text(
                bytes,
                opts.pdftotext.as_deref(),
                opts.temp_dir.as_deref(),
                max,
            )?;
            Ok(Input {
                text,
                kind: InputKind::Pdf,
                encoding: "UTF-8",
                replaced,
            })
        }
        Sniffed::Zip => {
            let docx_named = name.is_some_and(|n| n.to_ascii_lowercase().ends_with(".docx"));
            match archive::open(bytes, max, docx_named)? {
                archive::Archive::Docx(xml) => {
                    let decoded = docx::document_text(&xml, max)?;
                    Ok(Input {
                        text: decoded.text,
                        kind: InputKind::Docx,
                        encoding: decoded.encoding,
                        replaced: decoded.replaced,
                    })
                }
                archive::Archive::Other { kind, hint } => {
                    Err(InputError::UnsupportedKind { kind, hint })
                }
            }
        }
        Sniffed::Html => from_html(charset::decode_html(bytes), max),
        Sniffed::Text => {
            let decoded = decode_text(bytes);
            if sniff::looks_like_html(decoded.text.as_bytes(), name) {
                return from_html(decoded, max);
            }
            let text = if embedded::has_tables(&decoded.text) {
                embedded::embedded_tables(&decoded.text, max).ok_or(InputError::Expanded {
                    kind: InputKind::Text,
                    what: "tables",
                    max,
                })?
            } else {
                decoded.text
            };
            Ok(Input {
                text,
                kind: InputKind::Text,
                encoding: decoded.encoding,
                replaced: decoded.replaced,
            })
        }
    }
}

fn from_html(decoded: Decoded, max: usize) -> Result<Input> {
    let text = html::html_to_text(&decoded.text, max).ok_or(InputError::Expanded {
        kind: InputKind::Html,
        what: "text",
        max,
    })?;
    Ok(Input {
        text,
        kind: InputKind::Html,
        encoding: decoded.encoding,
        replaced: decoded.replaced,
    })
}
