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
            Value::Number(n) => {
                let mut s = String::new();
                push_decimal(&n.value, &mut s);
                s
            }
            Value::Blank => String::new(),
            Value::Text { text } => text.clone(),
        }
    }

    /// Appends [`normalized`](Value::normalized) to `out`, building no `String` of its
    /// own: for writers that put many values into one buffer.
    ///
    /// ```
    /// use zfxxgk_model::{Decimal, Number, Value};
    /// let mut line = String::from("t3.granted.total,");
    /// Value::Number(Number::new(Decimal::new(-1250, 2))).push_normalized(&mut line);
    /// assert_eq!(line, "t3.granted.total,-12.50");
    /// ```
    pub fn push_normalized(&self, out: &mut String) {
        match self {
            Value::Number(n) => push_decimal(&n.value, out),
            Value::Blank => {}
            Value::Text { text } => out.push_str(text),
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

/// Appends `value` to `out` as `Decimal`'s `Display` writes it: a `-` for a negative
/// sign (`-0` too), the digits of the mantissa, and, when the scale is not 0, a point
/// before the last `scale` digits, with a `0` before it and zeros after it as needed
/// (`0.05`, `1.50`, `0.00`). The digits come from `itoa`, with no `String` of their own.
fn push_decimal(value: &Decimal, out: &mut String) {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(value.mantissa().unsigned_abs());
    let scale = value.scale() as usize;
    out.reserve(digits.len().max(scale) + 3);
    if value.is_sign_negative() {
        out.push('-');
    }
    match digits.len().checked_sub(scale) {
        Some(point) if point > 0 => {
            let (whole, fraction) = digits.split_at(point);
            out.push_str(whole);
            if scale > 0 {
                out.push('.');
                out.push_str(fraction);
            }
        }
        // No digit before the point (the scale is at least 1 here).
        _ => {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', scale - digits.len()));
            out.push_str(digits);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn number(value: Decimal) -> Value {
        Value::Number(Number::new(value))
    }

    /// `normalized` and `push_normalized` both write what `Decimal`'s `Display` writes.
    fn assert_as_display(value: Decimal) {
        let v = number(value);
        let mut pushed = String::from("x,");
        v.push_normalized(&mut pushed);
        assert_eq!(v.normalized(), value.to_string(), "{value:?}");
        assert_eq!(pushed, format!("x,{value}"), "{value:?}");
    }

    #[test]
    fn numbers_as_decimal_displays_them() {
        let mut cases = vec![
            Decimal::ZERO,
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(5, 2),
            Decimal::new(150, 2),
            Decimal::new(0, 2),
            Decimal::new(-1250, 2),
            Decimal::new(8128486, 2),
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
            Decimal::from_i128_with_scale(i128::from(u64::MAX) + 1, 0),
            Decimal::from_i128_with_scale(i128::from(u64::MAX), 19),
        ];
        // Negative zero, with and without a scale.
        cases.push(Decimal::from_parts(0, 0, 0, true, 0));
        cases.push(Decimal::from_parts(0, 0, 0, true, 3));
        for value in cases {
            assert_as_display(value);
        }
    }

    #[test]
    fn blank_and_text() {
        let mut out = String::from("a");
        Value::Blank.push_normalized(&mut out);
        Value::Text {
            text: "见说明, \"附件\"".to_owned(),
        }
        .push_normalized(&mut out);
        assert_eq!(out, "a见说明, \"附件\"");
        assert_eq!(Value::Blank.normalized(), "");
    }

    proptest! {
        #[test]
        fn any_decimal_as_display(
            lo: u32,
            mid: u32,
            hi: u32,
            negative: bool,
            scale in 0u32..=28,
            small in any::<bool>(),
        ) {
            // Half the cases small, as the counts of a report are.
            let (mid, hi) = if small { (0, 0) } else { (mid, hi) };
            assert_as_display(Decimal::from_parts(lo, mid, hi, negative, scale));
        }
    }
}
