//! Folding the variants real reports write into one form for comparison: full-width
//! ASCII to half-width, no whitespace, one kind of quote, numbering stripped.

use std::borrow::Cow;

use zfxxgk_text::{is_numeral, numeral_value};

/// Full-width ASCII (`１２（）`) to half-width; the ideographic space to a space.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '−' | '–' => '-',
        _ => c,
    }
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' | '『' | '』'
    )
}

/// A label folded for comparison: half-width, no whitespace, no quotes, `、` and `.`
/// alike.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_onto(s, &mut out);
    out
}

/// Appends `s` folded as [`fold`] does, so that one buffer serves many labels.
pub(crate) fn fold_onto(s: &str, out: &mut String) {
    let mut rest = s;
    loop {
        // Runs of characters that fold to themselves are copied whole.
        let (kept, tail) = rest
            .split_at_checked(kept_prefix(rest))
            .unwrap_or(("", rest));
        out.push_str(kept);
        let mut chars = tail.chars();
        let Some(c) = chars.next() else { return };
        let c = fold_char(c);
        if !c.is_whitespace() && !is_quote(c) && c != '\u{feff}' {
            out.push(if c == '．' { '.' } else { c });
        }
        rest = chars.as_str();
    }
}

/// Whether the text `$hay` contains the literal `$phrase`; the phrase's searcher is
/// built once per process, where `str::contains` prepares one on every call (which
/// costs more than searching the short text of a table cell).
macro_rules! has {
    ($hay:expr, $phrase:literal) => {{
        static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new($phrase));
        FINDER
            .find(AsRef::<str>::as_ref(&$hay).as_bytes())
            .is_some()
    }};
}
pub(crate) use has;

/// One bit for each of the characters `cs`, by its code modulo 64: a text's bits hold
/// those of every word in it.
pub(crate) fn char_bits(cs: impl IntoIterator<Item = char>) -> u64 {
    cs.into_iter()
        .fold(0, |bits, c| bits | 1 << (c as u32 % 64))
}

/// Whether [`fold`] keeps `c` as it is.
fn folds_to_itself(c: char) -> bool {
    // Fast paths for what labels are made of: CJK ideographs and visible ASCII.
    if ('\u{4e00}'..='\u{9fff}').contains(&c) {
        return true;
    }
    if c.is_ascii() {
        return c.is_ascii_graphic() && c != '"' && c != '\'';
    }
    fold_char(c) == c && !c.is_whitespace() && !is_quote(c) && c != '\u{feff}' && c != '．'
}

/// How many bytes at the start of `s` hold characters that [`fold`] keeps as they are.
///
/// Reads bytes, not characters: visible ASCII and the CJK ideographs U+4E00..=U+9FFF
/// (which are most of a label) are told by their first byte or two without being
/// decoded; any other character is decoded and asked [`folds_to_itself`].
fn kept_prefix(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += match b {
            b'"' | b'\'' => break,
            b'!'..=b'~' => 1,
            // Three-byte sequences E5 80 80 (U+5000) to E9 BF BF (U+9FFF), and from
            // E4 B8 80 (U+4E00) on.
            0xE5..=0xE9 => 3,
            0xE4 if bytes.get(i + 1).is_some_and(|&b1| b1 >= 0xB8) => 3,
            _ => match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) if folds_to_itself(c) => c.len_utf8(),
                _ => break,
            },
        };
    }
    i
}

/// [`fold`], borrowing `s` when folding would not change it (most labels and the
/// template's wordings): comparing labels then allocates nothing.
pub(crate) fn fold_cow(s: &str) -> Cow<'_, str> {
    match s.split_at_checked(kept_prefix(s)) {
        Some((_, "")) => Cow::Borrowed(s),
        Some((kept, tail)) => {
            let mut out = String::with_capacity(s.len());
            out.push_str(kept);
            fold_onto(tail, &mut out);
            Cow::Owned(out)
        }
        None => Cow::Owned(fold(s)),
    }
}

/// Where the folded `phrase` starts in `s`, whitespace in `s` skipped.
pub(crate) fn find_folded(s: &str, phrase: &str) -> Option<usize> {
    let first = phrase.chars().next()?;
    s.char_indices()
        .filter(|&(_, c)| fold_char(c) == first)
        .find(|&(i, _)| {
            let mut have = s[i..].chars().filter(|c| !c.is_whitespace()).map(fold_char);
            phrase.chars().all(|p| have.next() == Some(p))
        })
        .map(|(i, _)| i)
}

/// Strips the numbering before a folded label: `一、`, `(一)`, `1.`, `1、`, `(1)`, `1)`.
pub(crate) fn strip_numbering(s: &str) -> &str {
    let mut rest = s;
    loop {
        let before = rest;
        // (一) (1)
        if let Some(r) = rest.strip_prefix('(') {
            let inner = r.trim_start_matches(|c: char| is_numeral(c) || c.is_ascii_digit());
            if inner.len() < r.len() {
                if let Some(after) = inner.strip_prefix(')') {
                    rest = after;
                }
            }
        }
        // 一、 1. 1、 1)
        let digits = rest.trim_start_matches(|c: char| is_numeral(c) || c.is_ascii_digit());
        if digits.len() < rest.len() {
            for sep in ["、", ".", ")", ",", "，"] {
                if let Some(after) = digits.strip_prefix(sep) {
                    rest = after;
                    break;
                }
            }
        }
        if rest == before {
            return rest;
        }
    }
}

/// The Chinese numeral or digits of `第（五）项` style item numbers (1 to 19).
pub(crate) fn item_number(s: &str) -> Option<u8> {
    let s = s.trim();
    s.parse::<u8>().ok().or_else(|| numeral_value(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_folded_through_spaces_and_widths() {
        assert_eq!(find_folded("a结 果维持", "结果维持"), Some(1));
        assert_eq!(find_folded("第二十条第（五）项", "第(五)项"), Some(12));
        assert_eq!(find_folded("结果", "结果维持"), None);
    }

    #[test]
    fn folds_widths_spaces_and_quotes() {
        assert_eq!(fold("（二）部分 公开"), "(二)部分公开");
        assert_eq!(fold("3.危及“三安全一稳定”"), "3.危及三安全一稳定");
        assert_eq!(fold("１２３"), "123");
        for label in [
            "（二）部分 公开",
            "规章",
            "3.危及“三安全一稳定”",
            "１．",
            "a\u{feff}b",
            "",
        ] {
            assert_eq!(fold_cow(label), fold(label), "{label:?}");
        }
        assert!(matches!(fold_cow("属于国家秘密"), Cow::Borrowed(_)));
    }

    proptest::proptest! {
        /// The fast paths fold as the plain definition does: every character through
        /// `fold_char`, whitespace, quotes and BOMs dropped, `．` as `.`.
        #[test]
        fn fast_paths_fold_as_defined(s in "(\\PC|[ 　\t“”'\"．\u{feff}１（）a-z一-龥])*") {
            let plain: String = s
                .chars()
                .map(fold_char)
                .filter(|c| !c.is_whitespace() && !is_quote(*c) && *c != '\u{feff}')
                .map(|c| if c == '．' { '.' } else { c })
                .collect();
            proptest::prop_assert_eq!(&fold(&s), &plain);
            proptest::prop_assert_eq!(fold_cow(&s), plain);
        }

        /// The byte scan of `kept_prefix` stops where the first character that
        /// `folds_to_itself` refuses stands, CJK and ASCII edges included.
        #[test]
        fn kept_prefix_stops_at_the_first_folded_character(
            s in "(\\PC|[ 　\t“”'\"．\u{feff}１（）a-z~!一-龥\u{3400}-\u{4dff}\u{9fff}\u{a000}])*"
        ) {
            let want = s
                .char_indices()
                .find(|&(_, c)| !folds_to_itself(c))
                .map_or(s.len(), |(i, _)| i);
            proptest::prop_assert_eq!(kept_prefix(&s), want);
        }
    }

    #[test]
    fn has_finds_phrases() {
        assert!(has!("（一）第二十条第", "第二十条"));
        assert!(has!(String::from("第二十条"), "第二十条"));
        assert!(!has!("第二十", "第二十条"));
    }

    #[test]
    fn strips_numbering() {
        assert_eq!(strip_numbering(&fold("（一）予以公开")), "予以公开");
        assert_eq!(strip_numbering(&fold("一、本年新收")), "本年新收");
        assert_eq!(strip_numbering(&fold("1.属于国家秘密")), "属于国家秘密");
        assert_eq!(strip_numbering(&fold("3、其他")), "其他");
        assert_eq!(strip_numbering(&fold("三、（一）予以公开")), "予以公开");
        assert_eq!(strip_numbering("规章"), "规章");
    }

    #[test]
    fn item_numbers() {
        assert_eq!(item_number("五"), Some(5));
        assert_eq!(item_number("9"), Some(9));
        assert_eq!(item_number("十一"), Some(11));
        assert_eq!(item_number("x"), None);
    }
}
