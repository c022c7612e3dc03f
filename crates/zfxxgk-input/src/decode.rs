//! Bytes to text: BOM, UTF-16 without BOM, UTF-8, GBK/GB18030; line ends to LF.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Text decoded from bytes by [`decode_text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without BOM, with every CRLF and lone CR turned into LF.
    pub text: String,
    /// The encoding the bytes were read as: "UTF-8", "UTF-16LE", "UTF-16BE", "GBK"
    /// or "GB18030".
    pub encoding: &'static str,
    /// `true` when some bytes were malformed in that encoding and became U+FFFD.
    pub replaced: bool,
}

/// How many leading bytes the UTF-16 and GBK guesses look at.
const SAMPLE: usize = 64 * 1024;

/// Decodes the bytes of a text file, guessing its encoding.
///
/// In order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides; UTF-16 without a
/// BOM is recognised by its NUL bytes (ASCII characters have a NUL high byte); valid
/// UTF-8 stays UTF-8; otherwise the bytes are read as GB18030, a superset of GBK
/// (reported as "GBK" when no four-byte sequence occurs). When no encoding decodes
/// cleanly, the one with the fewest replacement characters wins and `replaced` is set.
/// Line ends are normalised to LF, so byte offsets into [`Decoded::text`] are the
/// positions every later stage reports.
///
/// Never panics, whatever the bytes.
///
/// ```
/// let d = zfxxgk_input::decode_text(b"\xc4\xea\xb6\xc8\xb1\xa8\xb8\xe6\r\n");
/// assert_eq!(d.text, "年度报告\n");
/// assert_eq!(d.encoding, "GBK");
/// assert!(!d.replaced);
/// ```
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, replaced) = decode_with(encoding, rest);
        return finish(text, encoding_name(encoding, rest), replaced);
    }
    if let Some(encoding) = utf16_by_nuls(bytes) {
        let (text, replaced) = decode_with(encoding, bytes);
        return finish(text, encoding_name(encoding, bytes), replaced);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_owned(), "UTF-8", false);
    }
    // Chinese UTF-16 with no ASCII at all has no NULs to find it by; GB18030 would
    // read its bytes as ASCII and mojibake without complaint, so look at it first.
    if bytes.len() % 2 == 0 {
        for (encoding, big_endian) in [(UTF_16LE, false), (UTF_16BE, true)] {
            // GBK bytes read as UTF-16 almost always pair surrogates badly: tell that
            // by looking at the code units before decoding them.
            if !utf16_well_formed(bytes, big_endian) {
                continue;
            }
            let (text, bad) = decode_with(encoding, bytes);
            if !bad && reads_as_chinese(&text) {
                return finish(text, encoding_name(encoding, bytes), false);
            }
        }
    }
    // UTF-8 with a few bad bytes (a truncated file, one stray byte) stays UTF-8:
    // GBK text almost never forms valid multi-byte UTF-8 sequences.
    let (utf8_bad, utf8_good) = utf8_counts_of(bytes);
    if utf8_good >= 10 * utf8_bad {
        return finish(decode_with(UTF_8, bytes).0, "UTF-8", true);
    }
    let (gb, gb_bad) = decode_with(GB18030, bytes);
    if !gb_bad {
        return finish(gb, encoding_name(GB18030, bytes), false);
    }
    if replacements(&gb) <= utf8_bad {
        finish(gb, encoding_name(GB18030, bytes), true)
    } else {
        finish(decode_with(UTF_8, bytes).0, "UTF-8", true)
    }
}

/// [`utf8_counts`] of the lossy UTF-8 decoding of `bytes`, counted without decoding:
/// each invalid sequence that [`Utf8Chunks`](std::str::Utf8Chunks) reports is one
/// U+FFFD in encoding_rs's decoder too (both replace maximal subparts, as the Unicode
/// standard and WHATWG say).
fn utf8_counts_of(bytes: &[u8]) -> (usize, usize) {
    let (mut bad, mut good) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        let (b, g) = utf8_counts(chunk.valid());
        bad += b + usize::from(!chunk.invalid().is_empty());
        good += g;
    }
    (bad, good)
}

/// Whether `bytes` (of even length) are UTF-16 that decodes without replacement: every
/// surrogate in a high-low pair.
fn utf16_well_formed(bytes: &[u8], big_endian: bool) -> bool {
    let mut high = false;
    for pair in bytes.chunks_exact(2) {
        let &[a, b] = pair else { return false };
        let unit = if big_endian {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        };
        match unit {
            0xD800..=0xDBFF if !high => high = true,
            0xDC00..=0xDFFF if high => high = false,
            0xD800..=0xDFFF => return false,
            _ if high => return false,
            _ => {}
        }
    }
    !high && bytes.len() % 2 == 0
}

/// Replacement characters and other non-ASCII characters in lossily decoded UTF-8.
fn utf8_counts(text: &str) -> (usize, usize) {
    let mut bad = 0;
    let mut good = 0;
    for c in text.chars() {
        if c == char::REPLACEMENT_CHARACTER {
            bad += 1;
        } else if !c.is_ascii() {
            good += 1;
        }
    }
    (bad, good)
}

/// Decodes `bytes` (no BOM) with `encoding`: the text and whether anything was replaced.
pub(crate) fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> (String, bool) {
    let (text, bad) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), bad)
}

/// The name we report for `encoding`; GB18030 is called "GBK" when `bytes` use no
/// four-byte GB18030 sequence.
pub(crate) fn encoding_name(encoding: &'static Encoding, bytes: &[u8]) -> &'static str {
    if encoding == UTF_8 {
        "UTF-8"
    } else if encoding == UTF_16LE {
        "UTF-16LE"
    } else if encoding == UTF_16BE {
        "UTF-16BE"
    } else if encoding == GB18030 || encoding == encoding_rs::GBK {
        if has_four_byte_gb18030(bytes) {
            "GB18030"
        } else {
            "GBK"
        }
    } else {
        encoding.name()
    }
}

/// Whether the bytes contain a GB18030 four-byte sequence (lead byte, then a digit).
fn has_four_byte_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if (0x81..=0xFE).contains(&b) {
            match bytes.get(i + 1) {
                Some(0x30..=0x39) => return true,
                Some(_) => i += 2,
                None => return false,
            }
        } else {
            i += 1;
        }
    }
    false
}

/// UTF-16 without a BOM, recognised by NULs on one side of the code-unit pairs.
///
/// ASCII characters (digits, spaces, line ends: every report has many) have a zero
/// high byte, so UTF-16LE text has NULs at odd offsets and almost none at even ones.
/// The reading must also look like text (binary data can have the same NUL pattern).
pub(crate) fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
    // Most files have no NUL at all: one memchr pass says so.
    if sample.len() < 2 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let units = sample.len() / 2;
    let enough = |n: usize| n >= 2 && n * 20 >= units;
    // CJK characters with a zero low byte (一 U+4E00, 开 U+5F00) put a few NULs on
    // the other side.
    let candidate = if enough(odd) && even * 3 <= odd {
        UTF_16LE
    } else if enough(even) && odd * 3 <= even {
        UTF_16BE
    } else {
        return None;
    };
    let even_sample = sample.get(..units * 2).unwrap_or_default();
    let (text, _) = candidate.decode_without_bom_handling(even_sample);
    reads_as_text(&text).then_some(candidate)
}

/// Whether nine in ten characters belong to the scripts of a Chinese report: ASCII
/// text and whitespace, Latin-1, general punctuation, number forms (①, Ⅳ), box
/// drawing, CJK. Binary data read as UTF-16 scatters over the whole plane instead.
fn reads_as_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut good = 0usize;
    for c in text.chars() {
        total += 1;
        let ok = matches!(c, '\t' | '\n' | '\r' | '\u{c}' | ' '..='~' | '\u{a0}'..='\u{ff}')
            || matches!(c, '\u{2000}'..='\u{206F}' | '\u{2100}'..='\u{24FF}' | '\u{2500}'..='\u{257F}')
            || is_cjk(c);
        if ok {
            good += 1;
        }
    }
    total > 0 && good * 10 >= total * 9
}

/// Whether decoded text reads like Chinese: at least half its characters are CJK, and
/// nine in ten are CJK, printable ASCII or whitespace.
fn reads_as_chinese(text: &str) -> bool {
    let mut total = 0usize;
    let mut good = 0usize;
    let mut cjk = 0usize;
    for c in text.chars().take(SAMPLE / 2) {
        total += 1;
        if is_cjk(c) {
            cjk += 1;
            good += 1;
        } else if c.is_ascii_graphic() || c.is_whitespace() {
            good += 1;
        }
    }
    total > 0 && cjk * 2 >= total && good * 10 >= total * 9
}

/// Whether `c` is a CJK ideograph, CJK punctuation or a full-width form: the
/// characters between which Chinese text puts no space.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'   // radicals
        | '\u{3000}'..='\u{303F}' // CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}' // kana
        | '\u{3100}'..='\u{312F}' // bopomofo
        | '\u{31C0}'..='\u{31EF}' // strokes
        | '\u{3200}'..='\u{33FF}' // enclosed, compatibility
        | '\u{3400}'..='\u{4DBF}' // extension A
        | '\u{4E00}'..='\u{9FFF}' // unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}' // compatibility forms
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
        | '\u{20000}'..='\u{3FFFF}' // extensions B and later
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

fn replacements(text: &str) -> usize {
    text.chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count()
}

fn finish(text: String, encoding: &'static str, replaced: bool) -> Decoded {
    Decoded {
        text: normalize_newlines(text),
        encoding,
        replaced,
    }
}

/// Turns CRLF and lone CR into LF (no copy when there is no CR).
pub(crate) fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian {
                &[0xFE, 0xFF]
            } else {
                &[0xFF, 0xFE]
            });
        }
        for unit in text.encode_utf16() {
            let bytes = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&bytes);
        }
        out
    }

    const SAMPLE_TEXT: &str = "一、总体情况\n本年新收申请 81 件，予以公开 42 件。\n";

    /// One table of cases, each through `decode_text`: bytes, text, encoding, replaced.
    #[test]
    fn decodes_every_encoding() {
        let gbk = encoding_rs::GBK.encode(SAMPLE_TEXT).0.into_owned();
        let gb18030 = GB18030.encode("𠀀年报\n").0.into_owned();
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend_from_slice(SAMPLE_TEXT.as_bytes());
        let cases: Vec<(&str, Vec<u8>, &str, &str, bool)> = vec![
            (
                "utf-8",
                SAMPLE_TEXT.as_bytes().to_vec(),
                SAMPLE_TEXT,
                "UTF-8",
                false,
            ),
            ("utf-8 bom", bom8, SAMPLE_TEXT, "UTF-8", false),
            (
                "utf-16le bom",
                utf16(SAMPLE_TEXT, false, true),
                SAMPLE_TEXT,
                "UTF-16LE",
                false,
            ),
            (
                "utf-16be bom",
                utf16(SAMPLE_TEXT, true, true),
                SAMPLE_TEXT,
                "UTF-16BE",
                false,
            ),
            (
                "utf-16le",
                utf16(SAMPLE_TEXT, false, false),
                SAMPLE_TEXT,
                "UTF-16LE",
                false,
            ),
            (
                "utf-16be",
                utf16(SAMPLE_TEXT, true, false),
                SAMPLE_TEXT,
                "UTF-16BE",
                false,
            ),
            ("gbk", gbk, SAMPLE_TEXT, "GBK", false),
            ("gb18030", gb18030, "𠀀年报\n", "GB18030", false),
            (
                "crlf",
                b"a\r\nb\rc\n\r\n".to_vec(),
                "a\nb\nc\n\n",
                "UTF-8",
                false,
            ),
            ("empty", Vec::new(), "", "UTF-8", false),
        ];
        for (name, bytes, text, encoding, replaced) in cases {
            let d = decode_text(&bytes);
            assert_eq!(d.text, text, "{name}");
            assert_eq!(d.encoding, encoding, "{name}");
            assert_eq!(d.replaced, replaced, "{name}");
        }
    }

    #[test]
    fn utf16_without_ascii_is_found_by_its_look() {
        let d = decode_text(&utf16("政府信息公开工作年度报告", false, false));
        assert_eq!(d.text, "政府信息公开工作年度报告");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn gbk_with_a_bad_byte_is_replaced() {
        let mut bytes = encoding_rs::GBK.encode(SAMPLE_TEXT).0.into_owned();
        bytes.push(0xFF);
        let d = decode_text(&bytes);
        assert_eq!(d.encoding, "GBK");
        assert!(d.replaced);
        assert!(d.text.starts_with("一、总体情况\n"));
    }

    #[test]
    fn mostly_utf8_with_a_bad_byte_stays_utf8() {
        let mut bytes = SAMPLE_TEXT.repeat(3).into_bytes();
        bytes.insert(0, 0xC0);
        let d = decode_text(&bytes);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.replaced);
        assert!(d.text.ends_with("予以公开 42 件。\n"));
    }

    #[test]
    fn odd_length_utf16_replaces_the_last_byte() {
        let mut bytes = utf16(SAMPLE_TEXT, false, true);
        bytes.push(b'x');
        let d = decode_text(&bytes);
        assert_eq!(d.encoding, "UTF-16LE");
        assert!(d.replaced);
    }

    /// The shortcuts agree with decoding: counts of lossy UTF-8, UTF-16 well-formedness.
    #[test]
    fn shortcuts_agree_with_decoding() {
        let gbk = encoding_rs::GBK.encode(SAMPLE_TEXT).0.into_owned();
        let cases: Vec<Vec<u8>> = vec![
            gbk.clone(),
            b"abc\xff\xfe\xc0\x80\xe4\xb8\xef\xbf\xbd\xf0\x9f\x98".to_vec(),
            b"\xed\xa0\x80\xf4\x90\x80\x80\xe0\x80\xaf\xc3".to_vec(),
            SAMPLE_TEXT.as_bytes().to_vec(),
            utf16(SAMPLE_TEXT, false, false),
            utf16(SAMPLE_TEXT, true, false),
            utf16("𠀀\u{d7ff}\u{e000}", false, false),
            vec![0x00, 0xD8, 0x41, 0x00],
            vec![0x00, 0xDC],
            vec![0x3D, 0xD8, 0x00, 0xDE],
            Vec::new(),
        ];
        for bytes in cases {
            let (utf8, _) = decode_with(UTF_8, &bytes);
            assert_eq!(utf8_counts_of(&bytes), utf8_counts(&utf8), "{bytes:x?}");
            if bytes.len() % 2 == 0 {
                for (encoding, big_endian) in [(UTF_16LE, false), (UTF_16BE, true)] {
                    let (_, bad) = decode_with(encoding, &bytes);
                    assert_eq!(utf16_well_formed(&bytes, big_endian), !bad, "{bytes:x?}");
                }
            }
        }
    }

    #[test]
    fn cjk_classes() {
        assert!(is_cjk('商'));
        assert!(is_cjk('，'));
        assert!(!is_cjk('a'));
        assert!(!is_cjk('1'));
    }
}
