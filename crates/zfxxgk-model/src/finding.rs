use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{CellKey, Location};

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
/// them with the source lines. `keys` and `spans` name the cells (and other places) the
/// finding is about, so that a person can jump to the mistake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// The rule's ID (`T301`).
    pub rule: String,
    /// How serious.
    pub severity: Severity,
    /// The message in Chinese.
    pub message_zh: String,
    /// The message in English.
    pub message_en: String,
    /// The cells involved, by canonical key.
    #[serde(default)]
    pub keys: Vec<CellKey>,
    /// The value the rule expected, if it computes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// The value the report has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// Where the finding points: each involved cell that has a place, and any heading
    /// or sentence involved.
    #[serde(default)]
    pub spans: Vec<Location>,
    /// The cell most likely to hold the typo, when the rule can tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub culprit: Option<CellKey>,
    /// Further remarks (`blank counted as 0`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Finding {
    /// The message in the language asked for.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message_en,
        }
    }
}

/// The language messages are shown in: every finding carries both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// 中文, the language of the reports and of the people who review them.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// `"zh"` or `"en"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}
