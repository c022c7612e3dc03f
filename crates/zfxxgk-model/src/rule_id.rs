//! `RuleId`: the stable ID of a validation rule (`T302`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, Result};

/// The stable ID of a validation rule: a capital letter and three digits (`T302`).
///
/// The built-in rules of RULES.md are constants (`RuleId::T302`); a downstream rule
/// makes its own with [`RuleId::new`] or by parsing. It is serialized as its string.
///
/// ```
/// use zfxxgk_model::RuleId;
///
/// let id: RuleId = "T302".parse()?;
/// assert_eq!(id, RuleId::T302);
/// assert_eq!(id.to_string(), "T302");
/// assert!(id.starts_with("T3"));
/// assert!("T3".parse::<RuleId>().is_err());
/// assert_eq!(RuleId::new('X', 1).map(|id| id.to_string()), Some("X001".to_string()));
/// # Ok::<(), zfxxgk_model::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId([u8; 4]);

macro_rules! builtin {
    ($($(#[$doc:meta])* $name:ident = $letter:literal $number:literal;)*) => {
        impl RuleId {
            $(
                $(#[$doc])*
                pub const $name: RuleId = RuleId::builtin($letter, $number);
            )*
        }
    };
}

builtin! {
    /// The six sections are present, each once, in order.
    S001 = b'S' 1;
    /// A section the template gives a table has its table.
    S002 = b'S' 2;
    /// The tables' rows and columns match the template of one edition.
    S003 = b'S' 3;
    /// The edition of the tables matches the report year.
    S004 = b'S' 4;
    /// The report year is stated consistently.
    S005 = b'S' 5;
    /// A cell that should hold a number holds a number.
    S006 = b'S' 6;
    /// Table 二: counts are integers, non-negative except 本年增/减.
    T201 = b'T' 201;
    /// Table 二: totals are at least the year's new items.
    T202 = b'T' 202;
    /// Table 二: an amount carries its unit.
    T203 = b'T' 203;
    /// Table 三: each row's total is the sum of its columns.
    T301 = b'T' 301;
    /// Table 三: each column's total is the sum of its results.
    T302 = b'T' 302;
    /// Table 三: received plus carried over is results plus carried forward.
    T303 = b'T' 303;
    /// Table 三: every count is a non-negative integer.
    T304 = b'T' 304;
    /// Table 三: carried over equals last year's carried forward.
    T305 = b'T' 305;
    /// Table 四: 行政复议 total is the sum of its results.
    T401 = b'T' 401;
    /// Table 四: 未经复议直接起诉 total is the sum of its results.
    T402 = b'T' 402;
    /// Table 四: 复议后起诉 total is the sum of its results.
    T403 = b'T' 403;
    /// Table 四: every count is a non-negative integer.
    T404 = b'T' 404;
    /// A number of applications stated in the text equals the table's.
    N001 = b'N' 1;
    /// A number of reviews or lawsuits stated in the text equals the table's.
    N002 = b'N' 2;
    /// The text saying no applications came agrees with table 三.
    N003 = b'N' 3;
    /// 信息处理费 charged, as the text states it.
    N004 = b'N' 4;
}

impl RuleId {
    /// The ID of `family` (a capital letter) and `number` (below 1000), or `None`
    /// when either is out of range.
    pub const fn new(family: char, number: u16) -> Option<RuleId> {
        if family.is_ascii_uppercase() && number < 1000 {
            Some(RuleId::builtin(family as u8, number))
        } else {
            None
        }
    }

    /// Only called with a capital letter and a number below 1000.
    const fn builtin(family: u8, number: u16) -> RuleId {
        RuleId([
            family,
            b'0' + (number / 100 % 10) as u8,
            b'0' + (number / 10 % 10) as u8,
            b'0' + (number % 10) as u8,
        ])
    }

    /// `"T302"`.
    pub fn as_str(&self) -> &str {
        // Always ASCII: built only by `new` and `from_str`.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// Whether the ID starts with `prefix` (`T3` for every table 三 rule).
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.as_str().starts_with(prefix)
    }
}

impl FromStr for RuleId {
    type Err = Error;

    fn from_str(s: &str) -> Result<RuleId> {
        let bad = || Error::BadRuleId { id: s.to_owned() };
        let mut chars = s.chars();
        let family = chars.next().ok_or_else(bad)?;
        let digits = chars.as_str();
        if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let number = digits.parse().map_err(|_| bad())?;
        RuleId::new(family, number).ok_or_else(bad)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for RuleId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RuleId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A rule ID: RULES.md's (T302) or a downstream rule's, a capital letter and three digits",
            "pattern": "^[A-Z][0-9]{3}$",
        })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn builtin_ids_read_as_written() {
        assert_eq!(RuleId::S001.as_str(), "S001");
        assert_eq!(RuleId::T203.as_str(), "T203");
        assert_eq!(RuleId::N004.as_str(), "N004");
        assert_eq!("T404".parse(), Ok(RuleId::T404));
    }

    #[test]
    fn what_is_not_an_id_is_an_error() {
        for s in [
            "", "T", "T3", "T30", "T3020", "t302", "3020", "T30a", "中302", "T３02",
        ] {
            assert_eq!(
                s.parse::<RuleId>(),
                Err(Error::BadRuleId { id: s.to_owned() }),
                "{s:?}"
            );
        }
        assert_eq!(RuleId::new('X', 1000), None);
        assert_eq!(RuleId::new('x', 1), None);
    }

    #[test]
    fn serializes_as_its_string() -> std::result::Result<(), serde_json::Error> {
        assert_eq!(serde_json::to_string(&RuleId::T302)?, r#""T302""#);
        assert_eq!(serde_json::from_str::<RuleId>(r#""N001""#)?, RuleId::N001);
        assert!(serde_json::from_str::<RuleId>(r#""T3""#).is_err());
        Ok(())
    }

    proptest! {
        #[test]
        fn display_parses_back(family in proptest::char::range('A', 'Z'), number in 0u16..1000) {
            let id = RuleId::new(family, number);
            prop_assert!(id.is_some());
            if let Some(id) = id {
                prop_assert_eq!(id.to_string(), format!("{family}{number:03}"));
                prop_assert_eq!(id.to_string().parse::<RuleId>(), Ok(id));
            }
        }

        #[test]
        fn parsing_any_string_never_panics(s in "\\PC{0,6}") {
            if let Ok(id) = s.parse::<RuleId>() {
                prop_assert_eq!(id.as_str(), s.as_str());
            }
        }
    }
}
