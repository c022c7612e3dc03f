//! ZIP archives: a .docx gives its `word/document.xml`; other archives are named.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::error::{InputError, Result};
use super::InputKind;

/// The main part of a WordprocessingML package.
const DOCUMENT: &str = "word/document.xml";

/// What a ZIP archive holds.
pub(crate) enum Archive {
    /// A .docx: the bytes of its `word/document.xml`.
    Docx(Vec<u8>),
    /// Something else.
    Other {
        /// What it is.
        kind: &'static str,
        /// What to do.
        hint: &'static str,
    },
}

/// Opens a ZIP archive and reads `word/document.xml`, at most `max` bytes of it.
///
/// # Errors
///
/// [`InputError::Docx`] when the archive is damaged and `docx_named` (the file is
/// called .docx) or when the document part cannot be unpacked;
/// [`InputError::UnsupportedKind`] for a damaged archive with another name;
/// [`InputError::Expanded`] when the document part unpacks to more than `max`.
pub(crate) fn open(bytes: &[u8], max: usize, docx_named: bool) -> Result<Archive> {
    let mut archive = match ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(e) if docx_named => {
            return Err(InputError::Docx {
                message: format!("the ZIP container is damaged ({e})"),
            })
        }
        Err(_) => {
            return Ok(Archive::Other {
                kind: "damaged ZIP archive",
                hint: "the file is truncated or corrupt; download or copy it again",
            })
        }
    };
    let has = |archive: &ZipArchive<_>, name: &str| archive.file_names().any(|n| n == name);
    if !has(&archive, DOCUMENT) {
        let (kind, hint) = if has(&archive, "xl/workbook.xml") {
            ("Excel workbook (.xlsx)", "copy the report text into a .txt file, or pass the report's .docx, PDF or web page")
        } else if has(&archive, "ppt/presentation.xml") {
            (
                "PowerPoint presentation (.pptx)",
                "pass the report's .docx, PDF or web page",
            )
        } else if has(&archive, "OFD.xml") {
            (
                "OFD document",
                "export it as PDF (or text) from an OFD reader and pass that",
            )
        } else if has(&archive, "content.xml") {
            ("OpenDocument file (.odt)", "open it and save it as .docx")
        } else {
            (
                "ZIP archive (not a .docx)",
                "unpack it and pass the report inside",
            )
        };
        return Ok(Archive::Other { kind, hint });
    }
    let damaged = |e: &dyn std::fmt::Display| InputError::Docx {
        message: format!("{DOCUMENT} cannot be unpacked ({e})"),
    };
    let file = archive.by_name(DOCUMENT).map_err(|e| damaged(&e))?;
    let too_big = InputError::Expanded {
        kind: InputKind::Docx,
        what: DOCUMENT,
        max,
    };
    if file.size() > max as u64 {
        return Err(too_big);
    }
    let mut xml = Vec::new();
    file.take(max as u64 + 1)
        .read_to_end(&mut xml)
        .map_err(|e| damaged(&e))?;
    if xml.len() > max {
        return Err(too_big);
    }
    Ok(Archive::Docx(xml))
}
