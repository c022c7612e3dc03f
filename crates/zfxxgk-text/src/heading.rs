//! Heading lines: `一、总体情况`, `（三）不予公开`, `## 表三`.

use nom::bytes::complete::{tag, take_while, take_while1, take_while_m_n};
use nom::error::Error;
use nom::Parser;

use crate::numeral::is_numeral;
use crate::space::is_space;

/// The longest heading, in characters.
pub const MAX_HEADING_CHARS: usize = 40;

/// Which mark a heading line begins with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingMark {
    /// `一、总体情况`, `十一．其他`: one to three numerals, then `、`, `．` or `.`.
    Numbered,
    /// `（三）不予公开`, `(一)予以公开`: one to three numerals in brackets.
    Bracketed,
    /// `## 表三`: one to six `#` and a space (markdown).
    Markdown,
}

/// The mark that the line `t` (trimmed, without its line end) begins as a heading
/// with: a mark and then a title of one or more characters. A numbered or bracketed
/// heading is short (at most [`MAX_HEADING_CHARS`] characters) and holds no `。`.
#[inline]
pub fn heading(t: &str) -> Option<HeadingMark> {
    // Each shape is a mark and then a title of one or more characters, whatever they
    // are: the mark is parsed and the title only told apart from nothing.
    let numerals = || take_while_m_n(1, 3, is_numeral);
    let numbered = (
        numerals(),
        take_while(is_space),
        nom::branch::alt((tag("、"), tag("．"), tag("."))),
    );
    let bracketed = || (numerals(), nom::branch::alt((tag("）"), tag(")"))));
    let markdown = (
        take_while_m_n(1, 6, |c| c == '#'),
        take_while1(|c| c == ' '),
    );
    let short = || t.chars().nth(MAX_HEADING_CHARS).is_none() && !t.contains('。');
    // Only one mark can begin a line.
    let (mark, found) = match t.chars().next()? {
        '#' => (HeadingMark::Markdown, titled(markdown, t)),
        '（' => (
            HeadingMark::Bracketed,
            t.strip_prefix('（').is_some_and(|r| titled(bracketed(), r)) && short(),
        ),
        '(' => (
            HeadingMark::Bracketed,
            t.strip_prefix('(').is_some_and(|r| titled(bracketed(), r)) && short(),
        ),
        c if is_numeral(c) => (HeadingMark::Numbered, titled(numbered, t) && short()),
        _ => return None,
    };
    found.then_some(mark)
}

/// True when `mark` accepts the start of `t` and leaves a title of one or more
/// characters after it.
#[inline]
fn titled<'a, O>(
    mut mark: impl Parser<&'a str, Output = O, Error = Error<&'a str>>,
    t: &'a str,
) -> bool {
    mark.parse(t).is_ok_and(|(title, _)| !title.is_empty())
}

#[cfg(test)]
mod tests {
    use nom::sequence::preceded;

    use super::*;
    use crate::parse::full;

    /// The definition that [`heading`] is held to: each shape parsed to the end.
    fn reference(t: &str) -> Option<HeadingMark> {
        let rest = || take_while1(|_| true);
        let numbered = preceded(
            (
                take_while_m_n(1, 3, is_numeral),
                take_while(is_space),
                nom::branch::alt((tag("、"), tag("．"), tag("."))),
            ),
            rest(),
        );
        let bracketed = preceded(
            (
                nom::branch::alt((tag("（"), tag("("))),
                take_while_m_n(1, 3, is_numeral),
                nom::branch::alt((tag("）"), tag(")"))),
            ),
            rest(),
        );
        let markdown = preceded(
            (
                take_while_m_n(1, 6, |c| c == '#'),
                take_while1(|c| c == ' '),
            ),
            rest(),
        );
        let short = t.chars().count() <= MAX_HEADING_CHARS && !t.contains('。');
        if full(numbered, t) && short {
            Some(HeadingMark::Numbered)
        } else if full(bracketed, t) && short {
            Some(HeadingMark::Bracketed)
        } else if full(markdown, t) {
            Some(HeadingMark::Markdown)
        } else {
            None
        }
    }

    #[test]
    fn headings_of_every_shape() {
        use HeadingMark::*;
        for (t, want) in [
            ("一、总体情况", Some(Numbered)),
            ("十一．其他", Some(Numbered)),
            ("三 、收到和处理政府信息公开申请情况", Some(Numbered)),
            ("（三）不予公开", Some(Bracketed)),
            ("(一)予以公开", Some(Bracketed)),
            ("## 表三", Some(Markdown)),
            ("一、", None),
            ("（三）", None),
            ("一二三四、总体情况", None),
            ("一、总体情况。", None),
            ("####### 表三", None),
            ("#表三", None),
            ("第一、二", None),
            ("", None),
        ] {
            assert_eq!(heading(t), want, "{t:?}");
            assert_eq!(reference(t), want, "{t:?}");
        }
        let title = "收到和处理政府信息公开申请情况".repeat(3);
        for n in 36..40 {
            let t: String = format!("三、{title}").chars().take(n).collect();
            assert_eq!(heading(&t), reference(&t), "{t:?}");
        }
    }

    proptest::proptest! {
        /// The parse of the mark alone decides as the whole line's parse does.
        #[test]
        fn marks_decide_as_the_definition(
            t in "([一二十(（)）、．.# 。\u{3000}a总体]|[0-9]){0,12}"
        ) {
            proptest::prop_assert_eq!(heading(&t), reference(&t));
        }
    }
}
