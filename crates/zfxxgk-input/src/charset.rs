//! The encoding of an HTML page: BOM, then `<meta charset>`, then the bytes.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use super::decode::{decode_text, decode_with, encoding_name, normalize_newlines, Decoded};

/// Decodes an HTML page: a BOM, then a charset declared in any `<meta>` tag (also
/// inside `name=viewport` or `http-equiv` tags), then [`decode_text`]'s guess.
pub(crate) fn decode_html(bytes: &[u8]) -> Decoded {
    if Encoding::for_bom(bytes).is_some() {
        return decode_text(bytes);
    }
    let Some(declared) = meta_charset(bytes) else {
        return decode_text(bytes);
    };
    let (text, bad) = decode_with(declared, bytes);
    let declared_reading = Decoded {
        text: normalize_newlines(text),
        encoding: encoding_name(declared, bytes),
        replaced: bad,
    };
    if !bad {
        return declared_reading;
    }
    // The declaration lies (a GBK page declaring UTF-8, say): trust the bytes.
    let guess = decode_text(bytes);
    let count = |d: &Decoded| d.text.chars().filter(|&c| c == '\u{FFFD}').count();
    if count(&guess) < count(&declared_reading) {
        guess
    } else {
        declared_reading
    }
}

/// The encoding named by `charset` in the first `<meta>` tag that has one.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..16 * 1024).unwrap_or(bytes).to_ascii_lowercase();
    let mut rest = &head[..];
    while let Some(at) = find(rest, b"<meta") {
        let tag = rest.get(at..).unwrap_or_default();
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        let (inside, after) = tag.split_at(end);
        if let Some(c) = find(inside, b"charset") {
            let value = inside.get(c + "charset".len()..).unwrap_or_default();
            let value = value.trim_ascii_start();
            if let Some(value) = value.strip_prefix(b"=") {
                let value = value.trim_ascii_start();
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let len = value
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(b)))
                    .unwrap_or(value.len());
                let encoding = Encoding::for_label(value.get(..len).unwrap_or_default())?;
                // A page that reached us as ASCII-compatible bytes is not UTF-16.
                return Some(if encoding == UTF_16LE || encoding == UTF_16BE {
                    UTF_8
                } else {
                    encoding
                });
            }
        }
        rest = after;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_charset_in_any_meta() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"<meta charset=\"utf-8\" name=\"viewport\">", Some("UTF-8")),
            (
                b"<META http-equiv=Content-Type content='text/html; charset=gb2312'>",
                Some("GBK"),
            ),
            (
                b"<meta name=viewport content=x><meta charset=GB18030>",
                Some("gb18030"),
            ),
            (b"<meta charset=utf-16>", Some("UTF-8")),
            (b"<meta name=\"x\">", None),
            (b"<meta charset=nonsense>", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(meta_charset(bytes).map(Encoding::name), *expected);
        }
    }

    #[test]
    fn decodes_a_gbk_page_by_its_meta() {
        let page = "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gbk\">\
                    </head><body><p>年度报告</p></body></html>";
        let bytes = encoding_rs::GBK.encode(page).0;
        let d = decode_html(&bytes);
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains("年度报告"));
        assert!(!d.replaced);
    }

    #[test]
    fn a_lying_meta_loses_to_the_bytes() {
        let page = "<meta charset=utf-8><p>政府信息公开工作年度报告</p>";
        let bytes = encoding_rs::GBK.encode(page).0;
        let d = decode_html(&bytes);
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains("政府信息公开"));
    }
}
