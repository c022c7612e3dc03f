//! What a file is, from its first bytes (and its name only where content is silent).

use super::decode::utf16_by_nuls;

/// What the bytes look like, before any decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// Text (plain or markdown; decoded later).
    Text,
    /// An HTML page.
    Html,
    /// A PDF.
    Pdf,
    /// A ZIP archive: a .docx or some other archive, decided by its entries.
    Zip,
    /// Something we do not read.
    Unsupported {
        /// What it is.
        kind: &'static str,
        /// What to do.
        hint: &'static str,
    },
}

const IMAGE_HINT: &str = "the report is a picture; use the published PDF, Word or web page \
     version, or run OCR on it and pass the text";
const OLE2_HINT: &str = "this is an old Word (.doc), Excel (.xls) or WPS file: open it and save \
     it as .docx, or convert it (libreoffice --headless --convert-to docx FILE.doc)";
const ARCHIVE_HINT: &str = "unpack it and pass the report inside";
const PROGRAM_HINT: &str = "pass the report file itself (.txt, .html, .docx or .pdf)";
const EMPTY_HINT: &str = "the download or the conversion may have failed: fetch or convert the \
     report again";
const RTF_HINT: &str = "open it and save it as .docx, or copy its text into a .txt file";

/// Leading bytes the binary-or-text guess looks at.
const SAMPLE: usize = 8 * 1024;

/// Decides what `bytes` are. `name` is the file name, if known; it only breaks ties
/// (an `.html` name makes tag-bearing text HTML).
pub(crate) fn sniff(bytes: &[u8], name: Option<&str>) -> Sniffed {
    if strip_bom(bytes).is_empty() {
        return Sniffed::Unsupported {
            kind: "file with no text in it",
            hint: EMPTY_HINT,
        };
    }
    if let Some(found) = magic(bytes) {
        return found;
    }
    let after_bom = strip_bom(bytes);
    if bytes.len() != after_bom.len() || utf16_by_nuls(bytes).is_some() {
        // A BOM or UTF-16 NULs: text, possibly HTML; decide after decoding.
        return Sniffed::Text;
    }
    if looks_binary(bytes) {
        return Sniffed::Unsupported {
            kind: "binary file (not text)",
            hint: PROGRAM_HINT,
        };
    }
    if looks_like_html(after_bom, name) {
        Sniffed::Html
    } else {
        Sniffed::Text
    }
}

/// Magic numbers of the kinds we recognise.
fn magic(bytes: &[u8]) -> Option<Sniffed> {
    let unsupported = |kind, hint| Some(Sniffed::Unsupported { kind, hint });
    let head = bytes.get(..1024).unwrap_or(bytes);
    if contains(head, b"%PDF-") {
        return Some(Sniffed::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(Sniffed::Zip);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return unsupported(
            "Word 97-2003 document or other OLE2 file (.doc, .xls, .wps)",
            OLE2_HINT,
        );
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return unsupported("PNG image", IMAGE_HINT);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return unsupported("JPEG image", IMAGE_HINT);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return unsupported("GIF image", IMAGE_HINT);
    }
    // "BM" alone could start a text file; a BMP also has four reserved zero bytes.
    if bytes.starts_with(b"BM") && bytes.get(6..10) == Some(&[0, 0, 0, 0]) {
        return unsupported("BMP image", IMAGE_HINT);
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return unsupported("TIFF image", IMAGE_HINT);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return unsupported("WebP image", IMAGE_HINT);
    }
    if bytes.starts_with(b"\x7fELF") {
        return unsupported("executable (ELF)", PROGRAM_HINT);
    }
    // "MZ" alone could start a text file; a PE/DOS header has NULs right after it.
    if bytes.starts_with(b"MZ") && bytes.get(2..64).is_some_and(|h| h.contains(&0)) {
        return unsupported("executable (Windows PE)", PROGRAM_HINT);
    }
    if [
        [0xCF, 0xFA, 0xED, 0xFE],
        [0xCE, 0xFA, 0xED, 0xFE],
        [0xCA, 0xFE, 0xBA, 0xBE],
    ]
    .iter()
    .any(|m| bytes.starts_with(m))
    {
        return unsupported("executable (Mach-O)", PROGRAM_HINT);
    }
    if bytes.starts_with(&[0x1F, 0x8B]) {
        return unsupported("gzip archive", ARCHIVE_HINT);
    }
    if bytes.starts_with(b"7z\xBC\xAF\x27\x1C") {
        return unsupported("7-Zip archive", ARCHIVE_HINT);
    }
    if bytes.starts_with(b"Rar!\x1A\x07") {
        return unsupported("RAR archive", ARCHIVE_HINT);
    }
    if bytes.starts_with(b"{\\rtf") {
        return unsupported("RTF document", RTF_HINT);
    }
    None
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((_, len)) => bytes.get(len..).unwrap_or_default(),
        None => bytes,
    }
}

/// Many NULs or control characters in the first bytes: not a text file.
///
/// Tab, LF, CR, form feed and ESC are text; a stray NUL or two is tolerated.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
    // Branch-free counts in byte-wide lanes (255 bytes at most per chunk, so a lane
    // cannot overflow), which the compiler vectorises.
    let (mut nul, mut low, mut allowed) = (0usize, 0usize, 0usize);
    for chunk in sample.chunks(255) {
        let (mut n, mut l, mut a) = (0u8, 0u8, 0u8);
        for &b in chunk {
            n += u8::from(b == 0);
            l += u8::from(b < 0x20 || b == 0x7F);
            a += u8::from(matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B));
        }
        nul += usize::from(n);
        low += usize::from(l);
        allowed += usize::from(a);
    }
    let control = low - nul - allowed;
    nul * 100 > sample.len() || (nul + control) * 10 > sample.len()
}

/// An HTML document, or a fragment starting with a tag and holding block tags.
pub(crate) fn looks_like_html(bytes: &[u8], name: Option<&str>) -> bool {
    let head = bytes.get(..SAMPLE).unwrap_or(bytes);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| head.get(i..).unwrap_or_default());
    if starts_with_ignore_case(start, b"<!doctype html") || starts_with_ignore_case(start, b"<html")
    {
        return true;
    }
    if has_pipe_table_rule(bytes) {
        // Markdown with raw HTML in it (pandoc's gfm keeps the tables it cannot write
        // as pipes, and `<span>`s, as HTML): read as text, its HTML tables rewritten.
        return false;
    }
    // Each tag, ASCII case ignored, wherever a `<` stands (found with memchr).
    const TAGS: [&[u8]; 8] = [
        b"<body", b"<table", b"<p>", b"<p ", b"<div", b"<br", b"<tr", b"<td",
    ];
    let mut found = [false; TAGS.len()];
    for at in memchr::memchr_iter(b'<', start) {
        let rest = start.get(at..).unwrap_or_default();
        for (seen, tag) in found.iter_mut().zip(TAGS) {
            *seen = *seen || starts_with_ignore_case(rest, tag);
        }
        if found.iter().all(|&f| f) {
            break;
        }
    }
    let tags = found.iter().filter(|&&f| f).count();
    let html_name = name.is_some_and(|n| {
        let n = n.to_ascii_lowercase();
        [".html", ".htm", ".shtml", ".xhtml"]
            .iter()
            .any(|e| n.ends_with(e))
    });
    (start.starts_with(b"<") && tags >= 2) || (html_name && tags >= 1)
}

/// Whether a line of `bytes` is the rule under a markdown pipe table's header
/// (`|:---:|---|`): bars, dashes, colons and spaces only, starting with a bar, with
/// two bars or more and a run of three dashes.
fn has_pipe_table_rule(bytes: &[u8]) -> bool {
    let rule = |line: &[u8]| {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        line.first() == Some(&b'|')
            && line.iter().all(|b| matches!(b, b'|' | b'-' | b':' | b' '))
            && line.iter().filter(|&&b| b == b'|').count() >= 2
            && contains(line, b"---")
    };
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        if bytes.get(start) == Some(&b'|') && rule(bytes.get(start..end).unwrap_or_default()) {
            return true;
        }
        start = end + 1;
    }
    false
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(bytes: &[u8]) -> Option<&'static str> {
        match sniff(bytes, None) {
            Sniffed::Unsupported { kind, .. } => Some(kind),
            _ => None,
        }
    }

    #[test]
    fn recognises_magic_numbers() {
        let mut bmp = b"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00".to_vec();
        bmp.extend_from_slice(&[0; 40]);
        let mut pe = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
        pe.extend_from_slice(&[0; 60]);
        let cases: &[(&[u8], &str)] = &[
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
            (b"\xff\xd8\xff\xe0\0\x10JFIF", "JPEG image"),
            (b"GIF89a\x01\0\x01\0", "GIF image"),
            (&bmp, "BMP image"),
            (b"II*\0\x08\0\0\0", "TIFF image"),
            (b"MM\0*\0\0\0\x08", "TIFF image"),
            (b"RIFF\x24\0\0\0WEBPVP8 ", "WebP image"),
            (b"\x7fELF\x02\x01\x01\0", "executable (ELF)"),
            (&pe, "executable (Windows PE)"),
            (b"\x1f\x8b\x08\0", "gzip archive"),
            (b"{\\rtf1\\ansi", "RTF document"),
            (b"", "file with no text in it"),
            (b"\xef\xbb\xbf", "file with no text in it"),
        ];
        for (bytes, expected) in cases {
            assert_eq!(kind(bytes), Some(*expected));
        }
        assert_eq!(
            kind(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0"),
            Some("Word 97-2003 document or other OLE2 file (.doc, .xls, .wps)")
        );
    }

    #[test]
    fn text_that_starts_like_magic_stays_text() {
        assert_eq!(sniff(b"BMW annual report\n", None), Sniffed::Text);
        assert_eq!(
            sniff(b"MZ report line one\nline two\n", None),
            Sniffed::Text
        );
    }

    #[test]
    fn pdf_zip_html_text() {
        assert_eq!(sniff(b"%PDF-1.7\n", None), Sniffed::Pdf);
        assert_eq!(sniff(b"\n\n%PDF-1.4\n", None), Sniffed::Pdf);
        assert_eq!(sniff(b"PK\x03\x04\x14\0", None), Sniffed::Zip);
        assert_eq!(sniff(b"  <!DOCTYPE HTML><p>x", None), Sniffed::Html);
        assert_eq!(sniff(b"<html><body>x", None), Sniffed::Html);
        assert_eq!(
            sniff(b"<table><tr><td>1</td></tr></table>", None),
            Sniffed::Html
        );
        assert_eq!(sniff(b"see <br> here", Some("a.HTM")), Sniffed::Html);
        assert_eq!(sniff(b"see <br> here", Some("a.txt")), Sniffed::Text);
        assert_eq!(sniff("一、总体情况\n".as_bytes(), None), Sniffed::Text);
    }

    /// pandoc's gfm of an online editor's page: a `<div>` around it, `<span>`s and
    /// HTML tables, and pipe tables too: markdown, not a page.
    #[test]
    fn markdown_with_raw_html_and_pipe_tables_is_text() {
        let md = "<div class=\"ueditor-content\">\n\n<span\nstyle=\"font-size:16px;\">**二、主动公开政府信息情况**</span>\n\n| | |\n|:---:|:---:|\n| <span>规章</span> | <span>89</span> |\n\n<table><tr><td>1</td></tr></table>\n</div>\n";
        assert_eq!(sniff(md.as_bytes(), None), Sniffed::Text);
        // Without a pipe table's rule, the same page is HTML.
        let html = md.replace("|:---:|:---:|", "");
        assert_eq!(sniff(html.as_bytes(), None), Sniffed::Html);
        // Dashes inside a line of text make no rule.
        assert_eq!(
            sniff(b"<div><p>x</p>\n| a --- b |\n<br></div>", None),
            Sniffed::Html
        );
    }

    #[test]
    fn control_bytes_are_binary() {
        let mut bytes = b"header".to_vec();
        bytes.extend((0u8..32).cycle().take(500));
        assert_eq!(kind(&bytes), Some("binary file (not text)"));
        // A stray NUL in a long text file is tolerated.
        let mut text = "年度报告\n".repeat(100).into_bytes();
        text.insert(10, 0);
        assert_eq!(sniff(&text, None), Sniffed::Text);
    }
}
