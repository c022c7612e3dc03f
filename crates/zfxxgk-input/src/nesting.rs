//! A bound on HTML nesting depth, applied before html5ever sees the page.
//!
//! html5ever checks "is there a `p` in button scope" by walking the stack of open
//! elements, so N nested `<div>`s cost N² (40,000 take seconds). Real pages nest a
//! few dozen deep. When a cheap scan estimates more than [`MAX_NESTING`], start tags
//! past that depth (and as many matching end tags) are dropped; their text stays.

use std::borrow::Cow;

use zfxxgk_lex::{HtmlTag, TagKind};

/// Deepest nesting passed to the HTML parser.
pub(crate) const MAX_NESTING: usize = 512;

/// Elements without end tags, or whose end tags the parser infers: they do not
/// deepen the tree in the way the scan counts.
const NOT_COUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "td", "th", "tr", "tbody", "thead", "tfoot", "option", "optgroup",
    "dt", "dd", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// Elements whose content is raw text (no tags inside).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// `html` with start tags deeper than `limit` removed, or `html` itself (borrowed)
/// when it never nests that deep.
pub(crate) fn limit_nesting(html: &str, limit: usize) -> Cow<'_, str> {
    if scan(html, limit, None) <= limit {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    scan(html, limit, Some(&mut out));
    Cow::Owned(out)
}

/// Scans tags, returning the deepest nesting seen (counting tags past `limit`).
/// With `out`, copies `html` there without the start tags past `limit` and as many
/// end tags as they would have had.
fn scan(html: &str, limit: usize, mut out: Option<&mut String>) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut dropped = 0usize;
    let mut copied = 0usize; // bytes of `html` before this offset are handled
    let mut i = 0usize;
    while let Some(at) = memchr::memchr(b'<', bytes.get(i..).unwrap_or_default()) {
        let start = i + at;
        // What a tag is, is the lexer's to say (the parser leaves the same tags out).
        let Some(tag) = html
            .get(start..)
            .and_then(|rest| HtmlTag::at(rest, usize::MAX))
        else {
            i = start + 1;
            continue;
        };
        let tag_end = start + tag.len;
        if tag.kind == TagKind::Markup {
            // Comment or doctype: skip past it.
            i = tag_end;
            continue;
        }
        let is_end = tag.kind == TagKind::End;
        let name = tag.name.to_ascii_lowercase();
        let self_closing = tag.self_closing;
        let counted = !name.is_empty() && !NOT_COUNTED.contains(&name.as_str());
        let mut drop = false;
        if counted && is_end {
            if dropped > 0 {
                dropped -= 1;
                drop = true;
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if counted && !self_closing {
            if depth >= limit {
                dropped += 1;
                drop = true;
            } else {
                depth += 1;
            }
            deepest = deepest.max(depth + dropped);
        }
        if let Some(out) = out.as_deref_mut() {
            out.push_str(html.get(copied..start).unwrap_or_default());
            if !drop {
                out.push_str(html.get(start..tag_end).unwrap_or_default());
            }
            copied = tag_end;
        }
        i = tag_end;
        if !is_end && RAW_TEXT.contains(&name.as_str()) {
            // Skip to the end tag: "<div>" inside a script is not a tag.
            let close = format!("</{name}");
            let lower_find = find_ascii_ci(bytes, i, close.as_bytes());
            i = lower_find.unwrap_or(bytes.len());
        }
        if i < start + 1 {
            i = start + 1;
        }
    }
    if let Some(out) = out {
        out.push_str(html.get(copied..).unwrap_or_default());
    }
    deepest
}

/// Where `needle` (lower case) first stands in `bytes` from `from` on, ASCII case
/// ignored.
fn find_ascii_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut k = from;
    while let Some(at) = memchr::memchr(first, bytes.get(k..)?) {
        let pos = k + at;
        if bytes
            .get(pos..pos + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(pos);
        }
        k = pos + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div><p>a<div>b</div></div><script>'<div><div>'</script></body>";
        assert!(matches!(limit_nesting(page, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_and_text_kept() {
        let page = format!("{}x{}<p>y</p>", "<div>".repeat(10), "</div>".repeat(10));
        let cut = limit_nesting(&page, 3);
        assert_eq!(
            cut,
            format!("{}x{}<p>y</p>", "<div>".repeat(3), "</div>".repeat(3))
        );
    }

    #[test]
    fn comments_quotes_and_raw_text_do_not_count() {
        let page = "<!-- <div><div><div> --><a title='>'><SCRIPT><div><div></script></a>";
        assert_eq!(scan(page, 100, None), 2);
    }
}
