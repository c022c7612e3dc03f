//! Page-number lines that converters leave between the lines of a page and the next.

use nom::bytes::complete::{tag, take_while, take_while1, take_while_m_n};
use nom::character::complete::char as ch;
use nom::combinator::{opt, recognize};
use nom::error::Error;
use nom::{IResult, Parser};

use crate::parse::full;
use crate::space::is_space;

/// A dash that page numbers stand between: `-`, `—`, `–`, `－`, `─`.
#[inline]
pub fn is_page_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '－' | '─')
}

#[inline]
fn spaces(i: &str) -> IResult<&str, &str> {
    take_while(is_space)(i)
}

/// A parser of one shape of page number, which gives the text it accepts.
trait Shape<'a>: Parser<&'a str, Output = &'a str, Error = Error<&'a str>> {}

impl<'a, P: Parser<&'a str, Output = &'a str, Error = Error<&'a str>>> Shape<'a> for P {}

/// The three shapes of a page number, each parsing the whole of it: dashed (`-4-`,
/// `— 5 —`), `第 3 页` (`第3页共12页`) and `3/12`. Numbers have one to four digits.
fn shapes<'a>() -> (impl Shape<'a>, impl Shape<'a>, impl Shape<'a>) {
    let digits = || take_while_m_n(1, 4, |c: char| c.is_ascii_digit());
    let dashed = (
        take_while1(is_page_dash),
        spaces,
        digits(),
        spaces,
        take_while1(is_page_dash),
    );
    let di = (
        tag("第"),
        spaces,
        digits(),
        spaces,
        tag("页"),
        opt((spaces, tag("共"), spaces, digits(), spaces, tag("页"))),
    );
    let of = (digits(), spaces, ch('/'), spaces, digits());
    (recognize(dashed), recognize(di), recognize(of))
}

/// Whether the line `t` (trimmed, without its line end) is a page number and nothing
/// else: `-4-`, `- 12 -`, `— 5 —`, `第 3 页`, `第3页共12页`, `3/12` (a page from 1 to
/// the pages: `0 / 0` is no page number).
#[inline]
pub fn is_page_number(t: &str) -> bool {
    let (dashed, di, of) = shapes();
    // Each shape begins and ends with its own kinds of character, so at most one can
    // match, and its ends (and the `/` of `3/12`) are checked before it is parsed.
    let last = t.chars().next_back();
    match t.chars().next() {
        Some(c) if is_page_dash(c) => last.is_some_and(is_page_dash) && full(dashed, t),
        Some('第') => last == Some('页') && full(di, t),
        Some(c) if c.is_ascii_digit() => {
            last.is_some_and(|c| c.is_ascii_digit())
                && t.as_bytes().contains(&b'/')
                && full(of, t)
                && page_of_pages(t)
        }
        _ => false,
    }
}

/// Whether `3/12` (a text [`shapes`]' third shape accepts) counts a page of the pages:
/// the page at least 1 and at most the pages. `0 / 0` is a row of table 三 that
/// `pdftotext` wrapped (`0`, a blank written `/`, `0`), no page.
fn page_of_pages(t: &str) -> bool {
    let mut numbers = t
        .split('/')
        .map(|n| n.trim_matches(is_space).parse::<u16>().ok());
    match (numbers.next().flatten(), numbers.next().flatten()) {
        (Some(page), Some(pages)) => (1..=pages).contains(&page),
        _ => false,
    }
}

/// Whether `c` may begin or end a page-number line.
pub fn may_bound_a_page_number(c: char) -> bool {
    is_page_dash(c) || matches!(c, '第' | '页') || c.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition that [`is_page_number`] is held to: every shape tried in full.
    fn reference(t: &str) -> bool {
        let (dashed, di, of) = shapes();
        full(dashed, t) || full(di, t) || (full(of, t) && page_of_pages(t))
    }

    #[test]
    fn page_numbers_of_every_shape() {
        for t in [
            "-4-",
            "- 12 -",
            "— 5 —",
            "－3－",
            "第 3 页",
            "第3页共12页",
            "3/12",
            "3 / 12",
        ] {
            assert!(is_page_number(t), "{t:?}");
            assert!(
                t.chars().next().is_some_and(may_bound_a_page_number),
                "{t:?}"
            );
            assert!(
                t.chars().last().is_some_and(may_bound_a_page_number),
                "{t:?}"
            );
        }
        for t in [
            "",
            "-",
            "--",
            "-12345-",
            "第页",
            "3/",
            "/12",
            "4",
            "0 / 0",
            "0/3",
            "4/3",
            "第 3 页。",
            "a-4-",
        ] {
            assert!(!is_page_number(t), "{t:?}");
        }
    }

    proptest::proptest! {
        /// The shortcuts by first and last character decide as the full parse does,
        /// and every page number begins and ends as `may_bound_a_page_number` says.
        #[test]
        fn shortcuts_agree_with_the_definition(
            t in "([-—–－─第页共/ \u{3000}\u{feff}。a]|[0-9]{1,5}){0,8}"
        ) {
            proptest::prop_assert_eq!(is_page_number(&t), reference(&t));
            if is_page_number(&t) {
                proptest::prop_assert!(t.chars().next().is_some_and(may_bound_a_page_number));
                proptest::prop_assert!(t.chars().last().is_some_and(may_bound_a_page_number));
            }
        }
    }
}
