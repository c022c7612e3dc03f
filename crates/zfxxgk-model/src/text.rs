//! Text for a person, in both languages a finding or a note is shown in.

use serde::{Deserialize, Serialize};

/// The language a message is shown in: every message carries both.
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

/// A message in Chinese and in English (`{"zh": "空白按0计", "en": "blank counted as 0"}`).
///
/// ```
/// use zfxxgk_model::{Lang, Text};
///
/// let t = Text::new("空白按0计", "blank counted as 0");
/// assert_eq!(t.get(Lang::En), "blank counted as 0");
/// assert_eq!(
///     serde_json::to_string(&t).unwrap(),
///     r#"{"zh":"空白按0计","en":"blank counted as 0"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Text {
    /// In Chinese.
    pub zh: String,
    /// In English.
    pub en: String,
}

impl Text {
    /// A text from its Chinese and English.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}
