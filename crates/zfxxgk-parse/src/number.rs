//! Cell values: numbers as written (full-width digits, thousands separators, signs,
//! units), blanks (whitespace, dashes, slashes, 无), or text.

use std::borrow::Cow;
use std::str::FromStr;

use zfxxgk_model::{Decimal, Number, Value};

use crate::normalize::fold_char;

/// Units a number may carry in a cell.
const UNITS: &[&str] = &["万元", "元", "件", "个", "项", "次", "条", "人"];

/// What a cell's text holds.
pub(crate) fn value(raw: &str) -> Value {
    let t = trim(raw);
    if is_blank(t) {
        return Value::Blank;
    }
    match number(t) {
        Some(n) => Value::Number(n),
        None => Value::Text {
            text: t.to_string(),
        },
    }
}

/// The kind of [`Value`] a cell's text holds, without building it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Blank,
    Number,
    Text,
}

/// What [`value`] would give, told without allocating.
pub(crate) fn kind(raw: &str) -> Kind {
    let t = trim(raw);
    if is_blank(t) {
        Kind::Blank
    } else if plain_integer(t).is_some() || number(t).is_some() {
        Kind::Number
    } else {
        Kind::Text
    }
}

fn trim(raw: &str) -> &str {
    // Most cells start and end with a visible ASCII character: nothing to trim.
    let bytes = raw.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_graphic)
        && bytes.last().is_some_and(u8::is_ascii_graphic)
    {
        return raw;
    }
    raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// Nothing, or a dash, slash or 无 standing for nothing.
pub(crate) fn is_blank(t: &str) -> bool {
    // Most cells start with a digit or a letter, which stand for something.
    !t.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) && blank_as_written(t)
}

/// [`is_blank`], its fast path aside.
fn blank_as_written(t: &str) -> bool {
    t.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '—' | '–' | '－' | '─' | '/' | '／' | '\\' | '无' | '\u{feff}'
            )
    }) && t.chars().filter(|c| *c == '无').count() <= 1
}

/// A number as written: optional sign, digits (full-width allowed) with optional
/// thousands separators and one decimal point, an optional unit.
pub(crate) fn number(t: &str) -> Option<Number> {
    if let Some(value) = plain_integer(t) {
        return Some(Number::new(value));
    }
    if !starts_like_number(t) {
        return None;
    }
    as_written(t)
}

/// Whether `t` folded starts with a sign or a digit, as every number does: text is
/// told at its first character.
fn starts_like_number(t: &str) -> bool {
    let first = t.chars().map(fold_char).find(|c| !c.is_whitespace());
    first.is_some_and(|c| c.is_ascii_digit() || c == '-' || c == '+')
}

/// The value [`as_written`] reads from plain ASCII digits (at most 18, which fit an
/// `i64`) after an optional `+` or `-`, as most cells are, without folding or
/// `Decimal::from_str`; `None` for anything else.
fn plain_integer(t: &str) -> Option<Decimal> {
    let (neg, digits) = match t.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        all => (false, all),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(b - b'0');
    }
    // `-0` as well: `Decimal::from_str` reads it as 0.
    Some(Decimal::from(if neg { -n } else { n }))
}

/// [`number`] for any text, the fast paths aside: folded, then read by
/// `Decimal::from_str`.
fn as_written(t: &str) -> Option<Number> {
    // Most cells are plain ASCII digits: fold (and allocate) only when needed.
    let folded: Cow<'_, str> = if t.chars().all(|c| fold_char(c) == c && !c.is_whitespace()) {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(
            t.chars()
                .map(fold_char)
                .filter(|c| !c.is_whitespace())
                .collect(),
        )
    };
    if !folded.bytes().any(|b| b.is_ascii_digit()) || digits_apart(t) {
        return None;
    }
    let mut body = &*folded;
    let mut unit = None;
    for u in UNITS {
        if let Some(b) = body.strip_suffix(u) {
            body = b;
            unit = Some(*u);
            break;
        }
    }
    let (neg, digits) = match body.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, body.strip_prefix('+').unwrap_or(body)),
    };
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut seen_point = false;
    let mut separators = false;
    let bytes = digits.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => {}
            b'.' if !seen_point && i + 1 < bytes.len() => seen_point = true,
            // A thousands separator: digits on both sides, three after.
            b',' if !seen_point
                && i > 0
                && bytes.len() >= i + 4
                && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                && bytes.get(i + 4).is_none_or(|c| !c.is_ascii_digit()) =>
            {
                separators = true;
            }
            _ => return None,
        }
    }
    let value = if neg || separators {
        let mut plain = String::with_capacity(digits.len() + 1);
        if neg {
            plain.push('-');
        }
        plain.extend(digits.chars().filter(|&c| c != ','));
        Decimal::from_str(&plain).ok()?
    } else {
        Decimal::from_str(digits).ok()?
    };
    Some(Number {
        value,
        unit: unit.map(str::to_string),
    })
}

/// Whether whitespace stands between two digits of `t` (a separator or point beside a
/// digit counts as one): `236 54 50` is three numbers that a layout put in one cell,
/// never the number 2365450.
fn digits_apart(t: &str) -> bool {
    let numeric = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.');
    let mut last = None;
    let mut space = false;
    for c in t.chars().map(fold_char) {
        if c.is_whitespace() || c == '\u{feff}' {
            space = true;
            continue;
        }
        if space && last.is_some_and(numeric) && numeric(c) {
            return true;
        }
        space = false;
        last = Some(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        value(s).normalized()
    }

    #[test]
    fn numbers_as_written() {
        assert_eq!(norm("0 "), "0");
        assert_eq!(norm("１２"), "12");
        assert_eq!(norm("1,234"), "1234");
        assert_eq!(norm("81284.86元"), "81284.86");
        assert_eq!(
            value("3.2万元").number().and_then(|n| n.unit.clone()),
            Some("万元".into())
        );
        assert_eq!(norm("96171.6"), "96171.6");
        assert_eq!(norm("-3"), "-3");
        assert_eq!(norm("－３"), "-3");
        assert_eq!(norm("- 3"), "-3");
        assert_eq!(norm("12 万元"), "12");
        for glued in [
            "236 54 50",
            "48 502",
            "1 234",
            "１ ２",
            "3.5 1",
            "1,234 5",
            "12\u{3000}3",
        ] {
            assert_eq!(number(glued), None, "{glued:?}");
            assert_eq!(kind(glued), Kind::Text, "{glued:?}");
        }
        for raw in [
            "0 ",
            "１２",
            "1,234",
            "-1,234.5",
            "3.2万元",
            "无",
            "1.属于",
            "",
            "x1",
        ] {
            let want = match value(raw) {
                Value::Blank => Kind::Blank,
                Value::Number(_) => Kind::Number,
                Value::Text { .. } => Kind::Text,
            };
            assert_eq!(kind(raw), want, "{raw:?}");
        }
    }

    /// A number exactly, unit and all: `Decimal`'s `==` ignores the scale.
    fn exact(n: Option<Number>) -> Option<([u8; 16], String, Option<String>)> {
        n.map(|n| (n.value.serialize(), n.value.to_string(), n.unit))
    }

    /// Each fast path agrees with the general one, [`as_written`], on `t`.
    fn agrees(t: &str) {
        let general = as_written(t);
        assert_eq!(exact(number(t)), exact(general.clone()), "{t:?}");
        if let Some(v) = plain_integer(t) {
            assert_eq!(exact(Some(Number::new(v))), exact(general.clone()), "{t:?}");
        }
        if !starts_like_number(t) {
            assert_eq!(general, None, "{t:?}");
        }
        assert_eq!(
            trim(t),
            t.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        );
        assert_eq!(is_blank(t), blank_as_written(t), "{t:?}");
    }

    #[test]
    fn fast_paths_agree_with_the_general_path() {
        for t in [
            "0",
            "00",
            "007",
            "-0",
            "-00",
            "+0",
            "-7",
            "+7",
            "-007",
            "123456789012345678",
            "999999999999999999",
            "-999999999999999999",
            "+999999999999999999",
            "1234567890123456789",
            "-9223372036854775808",
            "99999999999999999999999999999",
            "",
            "-",
            "+",
            "--1",
            "+-1",
            "-+1",
            "1-",
            "1 2",
            " 12",
            "12 ",
            "\u{b}12",
            "12\u{feff}",
            "1,234",
            "1.5",
            "1.",
            "１２",
            "－３",
            "12件",
            "a1",
            "无",
            "无无",
            "-/",
            "　1",
            "\u{3000}－1",
        ] {
            agrees(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_agree_on_any_cell(
            t in "[-+]?[0-9]{0,20}|[-+ ,.0-9０-９－件元万无/—\u{3000}\u{feff}\u{b}a]{0,8}|\\PC{0,6}"
        ) {
            agrees(&t);
        }
    }

    #[test]
    fn blanks_and_text() {
        for b in ["", "  ", "-", "—", "／", "无", "——"] {
            assert_eq!(value(b), Value::Blank, "{b:?}");
        }
        assert!(matches!(value("1.属于国家秘密"), Value::Text { .. }));
        assert!(matches!(value("三、"), Value::Text { .. }));
        assert!(matches!(value("不适用"), Value::Text { .. }));
        assert!(matches!(value("1.2.3"), Value::Text { .. }));
        assert!(matches!(value("12,34"), Value::Text { .. }));
    }
}
