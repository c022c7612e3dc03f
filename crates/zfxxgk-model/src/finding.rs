use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{CellKey, Lang, Location, RuleId, Text};

/// How serious a finding is (RULES.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Suspicious but possible.
    Warning,
    /// The report contradicts itself or the template.
    Error,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a validation rule found in a report.
///
/// Findings are data: the rule crate makes them, exporters write them, renderers show
/// them with the source lines. `places` name the cells (and other places: a heading,
/// a sentence) the finding is about, so that a person can jump to the mistake.
///
/// Serialized, every field is present (`null` or `[]` when empty):
///
/// ```
/// use zfxxgk_model::{Finding, Place, RuleId, Severity, Text};
///
/// let f = Finding {
///     rule: RuleId::T301,
///     severity: Severity::Error,
///     message: Text::new("总计不等于各项之和", "total is not the sum of its parts"),
///     places: vec![Place::cell("t3.granted.total".parse()?, "13", None)],
///     expected: Some("12".into()),
///     actual: Some("13".into()),
///     culprit: None,
///     notes: vec![],
/// };
/// let json = serde_json::to_value(&f).unwrap();
/// assert_eq!(json["rule"], "T301");
/// assert_eq!(json["message"]["en"], "total is not the sum of its parts");
/// assert_eq!(json["places"][0]["key"], "t3.granted.total");
/// assert_eq!(json["places"][0]["value"], "13");
/// assert!(json["culprit"].is_null());
/// # Ok::<(), zfxxgk_model::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = require_every_field))]
pub struct Finding {
    /// The rule's ID (`T301`).
    pub rule: RuleId,
    /// How serious.
    pub severity: Severity,
    /// What the rule found, in Chinese and English.
    pub message: Text,
    /// Where the finding points: the cells involved, each with its key, its value as
    /// read and its location, then any heading or sentence involved.
    pub places: Vec<Place>,
    /// The value the rule expected, if it computes one.
    pub expected: Option<String>,
    /// The value the report has.
    pub actual: Option<String>,
    /// The cell most likely to hold the typo, when the rule can tell.
    pub culprit: Option<CellKey>,
    /// Further remarks (`空白按0计` / `blank counted as 0`).
    pub notes: Vec<Text>,
}

impl Finding {
    /// The message in the language asked for.
    pub fn message(&self, lang: Lang) -> &str {
        self.message.get(lang)
    }

    /// The keys of the cells the finding names, in order.
    pub fn keys(&self) -> impl Iterator<Item = CellKey> + '_ {
        self.places.iter().filter_map(|p| p.key)
    }

    /// The location of its first place that has one: where a reader jumps to.
    pub fn first_location(&self) -> Option<Location> {
        self.places.iter().find_map(|p| p.location)
    }
}

/// A place a finding names: a cell (its key, its value as read and where it stands), or
/// a heading or a sentence (a location and no key).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = require_every_field))]
pub struct Place {
    /// The cell's canonical key; `null` for a place that is not a cell.
    pub key: Option<CellKey>,
    /// The cell's text as read (trimmed; `""` for a blank cell); `null` for a place
    /// that is not a cell, or a cell whose text the rule did not keep.
    pub value: Option<String>,
    /// Where it stands in the decoded text, when known.
    pub location: Option<Location>,
}

impl Place {
    /// A cell: its key, its text as read, and where it stands.
    pub fn cell(key: CellKey, value: impl Into<String>, location: Option<Location>) -> Place {
        Place {
            key: Some(key),
            value: Some(value.into()),
            location,
        }
    }

    /// A place that is not a cell (a heading, a sentence).
    pub fn at(location: Location) -> Place {
        Place {
            key: None,
            value: None,
            location: Some(location),
        }
    }
}

/// Marks every property of an object schema required: a finding is written with every
/// field, `null` where it has no value, though reading one back accepts a field left out.
#[cfg(feature = "schema")]
fn require_every_field(schema: &mut schemars::Schema) {
    let names: Vec<serde_json::Value> = schema
        .get("properties")
        .and_then(|p| p.as_object())
        .map(|p| p.keys().cloned().map(serde_json::Value::String).collect())
        .unwrap_or_default();
    schema.insert("required".to_owned(), names.into());
}
