//! Chinese numerals as reports number their sections, rows and items: `一` to `十九`.

/// The numerals `一` to `十九`, by value (`NUMERALS[0]` is `一`).
const NUMERALS: [&str; 19] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七", "十八", "十九",
];

/// Whether `c` is one of the numeral characters `一` to `十` that numbering is
/// written in.
#[inline]
pub fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The value of a numeral digit `一` to `九`.
fn digit(c: char) -> Option<u8> {
    let at = "一二三四五六七八九".find(c)?;
    // Each of the nine takes three bytes.
    u8::try_from(at / 3 + 1).ok()
}

/// The value of the numeral `s`, the whole of it: `一` to `十九` (1 to 19), as section,
/// row and item numbers are written; `None` for anything else.
pub fn numeral_value(s: &str) -> Option<u8> {
    let mut chars = s.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('十'), None, None) => Some(10),
        (Some(c), None, None) => digit(c),
        (Some('十'), Some(c), None) => digit(c).map(|n| 10 + n),
        _ => None,
    }
}

/// The numeral of `n` (1 to 19): `一`, `五`, `十二`; `None` for any other number.
pub fn numeral(n: u8) -> Option<&'static str> {
    NUMERALS.get(usize::from(n).checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_read_and_write() {
        assert_eq!(numeral_value("五"), Some(5));
        assert_eq!(numeral_value("十"), Some(10));
        assert_eq!(numeral_value("十一"), Some(11));
        assert_eq!(numeral_value("二十"), None);
        assert_eq!(numeral_value("十十"), None);
        assert_eq!(numeral_value(""), None);
        assert_eq!(numeral_value("5"), None);
        assert_eq!(numeral(0), None);
        assert_eq!(numeral(1), Some("一"));
        assert_eq!(numeral(19), Some("十九"));
        assert_eq!(numeral(20), None);
        for n in 1..=19 {
            assert_eq!(numeral(n).and_then(numeral_value), Some(n), "{n}");
        }
        for c in "一二三四五六七八九十".chars() {
            assert!(is_numeral(c));
        }
        assert!(!is_numeral('〇') && !is_numeral('百') && !is_numeral('1'));
    }

    proptest::proptest! {
        /// Every numeral that reads is written back as itself, and only numeral
        /// characters make one.
        #[test]
        fn what_reads_writes_back(s in "[一二三四五六七八九十百〇1]{0,3}") {
            if let Some(n) = numeral_value(&s) {
                proptest::prop_assert_eq!(numeral(n), Some(s.as_str()));
                proptest::prop_assert!(s.chars().all(is_numeral));
            }
        }
    }
}
