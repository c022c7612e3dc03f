//! HTML tags: the one definition of what a tag looks like, shared by the input layer
//! (which bounds how deep a page nests before the HTML parser sees it) and the parser
//! (which leaves tags that survived conversion out of what it reads).

/// Longest tag, in characters, taken for a tag in running text (`<`, the character
/// after it and 400 more): there a `<` may be a less-than sign, so a "tag" that goes
/// on and on is not one.
pub const TEXT_TAG_MAX_CHARS: usize = 402;

/// What an [`HtmlTag`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    /// `<p class="x">`, `<br/>`.
    Start,
    /// `</p>`.
    End,
    /// A comment (`<!-- … -->`) or declaration (`<!DOCTYPE html>`).
    Markup,
}

/// An HTML tag at the start of a text, as [`HtmlTag::at`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HtmlTag<'a> {
    /// Its length in bytes, from `<` to the closing `>` (of `-->` for a comment).
    pub len: usize,
    /// Start tag, end tag, or comment and declaration.
    pub kind: TagKind,
    /// The element's name as written (ASCII letters and digits); empty for markup.
    pub name: &'a str,
    /// Whether it ends in `/>`.
    pub self_closing: bool,
}

impl HtmlTag<'_> {
    /// The HTML tag at the start of `rest`, if one starts there and closes within
    /// `max_chars` characters.
    ///
    /// A tag is `<` followed by an ASCII letter (a start tag), `/` (an end tag) or `!` (a
    /// comment or declaration), and runs to the first `>` that is not inside a quoted
    /// attribute value (`title='a>b'`); a comment `<!--` runs to the first `-->`, or to the
    /// end of `rest` if none comes, as in a browser. A `<` before the end, outside quotes
    /// and comments, means that this was no tag: in text a `<` may stand for "less than".
    ///
    /// The work is bounded by `max_chars` (or by where the tag ends), so that scanning a
    /// text for tags stays linear in its length however many `<` it holds.
    ///
    /// ```
    /// use zfxxgk_lex::{HtmlTag, TagKind, TEXT_TAG_MAX_CHARS};
    /// let tag = HtmlTag::at("<td colspan='2>'>9</td>", usize::MAX).unwrap();
    /// assert_eq!((tag.len, tag.kind, tag.name), (17, TagKind::Start, "td"));
    /// assert_eq!(HtmlTag::at("</TD>", usize::MAX).unwrap().name, "TD");
    /// assert_eq!(HtmlTag::at("<!-- <p> -->x", usize::MAX).unwrap().len, 12);
    /// assert!(HtmlTag::at("< 3", usize::MAX).is_none());
    /// assert!(HtmlTag::at("<a <b>", usize::MAX).is_none());
    /// assert!(HtmlTag::at(&format!("<p{}>", " ".repeat(500)), TEXT_TAG_MAX_CHARS).is_none());
    /// ```
    pub fn at(rest: &str, max_chars: usize) -> Option<HtmlTag<'_>> {
        let after = rest.strip_prefix('<')?;
        let (kind, name_from) = match after.as_bytes().first()? {
            b'/' => (TagKind::End, 2),
            b'!' => (TagKind::Markup, 2),
            b if b.is_ascii_alphabetic() => (TagKind::Start, 1),
            _ => return None,
        };
        if kind == TagKind::Markup && after.starts_with("!--") {
            let comment = |len| HtmlTag {
                len,
                kind,
                name: "",
                self_closing: false,
            };
            for (n, (i, c)) in rest.char_indices().enumerate() {
                if n >= max_chars {
                    return None;
                }
                // `<!-->` closes at once; the `--` of `-->` may be the opening's.
                if c == '>' && i >= 4 && rest.get(..i).is_some_and(|r| r.ends_with("--")) {
                    return Some(comment(i + 1));
                }
            }
            return (rest.chars().count() <= max_chars).then(|| comment(rest.len()));
        }
        let name_len = rest
            .get(name_from..)?
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        let name = match kind {
            TagKind::Markup => "",
            _ => rest.get(name_from..name_from + name_len)?,
        };
        let mut quote: Option<char> = None;
        // The last character outside quotes that was not blank: a quote after `=` opens
        // a value.
        let mut last = '<';
        for (n, (i, c)) in rest.char_indices().enumerate().skip(1) {
            if n >= max_chars {
                return None;
            }
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if last == '=' => quote = Some(c),
                (None, '>') => {
                    return Some(HtmlTag {
                        len: i + 1,
                        kind,
                        name,
                        self_closing: last == '/',
                    })
                }
                (None, '<') => return None,
                (None, c) if c.is_whitespace() => continue,
                (None, _) => {}
            }
            if quote.is_none() {
                last = c;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tag(s: &str) -> Option<(usize, TagKind, &str, bool)> {
        HtmlTag::at(s, usize::MAX).map(|t| (t.len, t.kind, t.name, t.self_closing))
    }

    #[test]
    fn start_end_and_markup() {
        assert_eq!(tag("<p>x"), Some((3, TagKind::Start, "p", false)));
        assert_eq!(tag("<br/>"), Some((5, TagKind::Start, "br", true)));
        assert_eq!(tag("<br />"), Some((6, TagKind::Start, "br", true)));
        assert_eq!(tag("</h1 >"), Some((6, TagKind::End, "h1", false)));
        assert_eq!(
            tag("<!DOCTYPE html>"),
            Some((15, TagKind::Markup, "", false))
        );
        assert_eq!(tag("<!-->-->"), Some((5, TagKind::Markup, "", false)));
        assert_eq!(tag("<!---->x"), Some((7, TagKind::Markup, "", false)));
        assert_eq!(tag("<!-- <p> -->x"), Some((12, TagKind::Markup, "", false)));
        // A comment that never closes runs to the end.
        assert_eq!(tag("<!-- <p>"), Some((8, TagKind::Markup, "", false)));
        assert_eq!(
            tag(r#"<p style="a>b" class='c'>"#),
            Some((25, TagKind::Start, "p", false))
        );
    }

    #[test]
    fn quotes_open_only_after_equals() {
        // An apostrophe in an attribute name is a character like another.
        assert_eq!(tag("<p it's>x"), Some((8, TagKind::Start, "p", false)));
        assert_eq!(tag("<p a = 'x>y'>"), Some((13, TagKind::Start, "p", false)));
    }

    #[test]
    fn what_is_no_tag() {
        for s in [
            "", "<", "< p>", "<3>", "<。>", "<p", "<p <b>", "<!x", "x<p>",
        ] {
            assert_eq!(tag(s), None, "{s:?}");
        }
    }

    #[test]
    fn the_bound_counts_characters() {
        let s = format!("<p title=\"{}\">", "字".repeat(10));
        let chars = s.chars().count();
        assert_eq!(HtmlTag::at(&s, chars).map(|t| t.len), Some(s.len()));
        assert_eq!(HtmlTag::at(&s, chars - 1), None);
        for comment in ["<!-- 字 -->", "<!-- 字"] {
            let chars = comment.chars().count();
            assert!(HtmlTag::at(comment, chars).is_some(), "{comment}");
            assert!(HtmlTag::at(comment, chars - 1).is_none(), "{comment}");
        }
    }

    proptest! {
        #[test]
        fn a_tag_ends_in_a_closing_bracket(s in "<[a-z/!][ -~字]{0,40}") {
            if let Some(t) = HtmlTag::at(&s, usize::MAX) {
                // A comment that never closes runs to the end, as in a browser.
                let unclosed = s.starts_with("<!--") && t.len == s.len();
                prop_assert!(unclosed || s.get(..t.len).is_some_and(|m| m.ends_with('>')));
                prop_assert!(s.is_char_boundary(t.len));
            }
        }
    }
}
