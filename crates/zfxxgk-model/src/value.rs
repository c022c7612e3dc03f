use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A number read from a cell or a sentence: an exact decimal and the unit written with
/// it, if any (`81284.86元` → 81284.86 and `元`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Number {
    /// The value, exact; ASCII when printed.
    pub value: Decimal,
    /// The unit as written (`元`, `万元`, `件`), if the cell carried one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Number {
    /// A number with no unit.
    pub fn new(value: Decimal) -> Number {
        Number { value, unit: None }
    }

    /// The value as an integer, if it is one that fits `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        if self.value.fract().is_zero() {
            i64::try_from(self.value.trunc()).ok()
        } else {
            None
        }
    }

    /// True when the value has no fractional part.
    pub fn is_integer(&self) -> bool {
        self.value.fract().is_zero()
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)
    }
}

/// What a table cell holds.
///
/// Blank is not zero: a cell left empty or written `-`, `—`, `/` or `无` is
/// [`Value::Blank`], and validation decides where blank may count as 0.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    /// A number, possibly negative, possibly with a unit.
    Number(Number),
    /// Nothing but whitespace, or a dash, slash or 无.
    Blank,
    /// Text that is not a number, kept verbatim.
    Text {
        /// The text as written (trimmed).
        text: String,
    },
}

impl Value {
    /// The value as the tidy export writes it: the normalized number, the empty string
    /// for blank, or the verbatim text.
    pub fn normalized(&self) -> String {
        match self {
            Value::Number(n) => n.value.to_string(),
            Value::Blank => String::new(),
            Value::Text { text } => text.clone(),
        }
    }

    /// The number, if the cell holds one.
    pub fn number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// True for [`Value::Blank`].
    pub fn is_blank(&self) -> bool {
        matches!(self, Value::Blank)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.normalized())
    }
}
