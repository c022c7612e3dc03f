use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Error;

/// The edition of the State Council template a report's tables follow.
///
/// 国办公开办函〔2019〕60号 fixed the tables for the reports of 2019 and 2020;
/// 国办公开办函〔2021〕30号 revised them for 2021 onwards. The edition of a report is
/// decided from its tables, not its year: a report that uses the old tables for a
/// new year is a finding (S004), not a different edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Edition {
    /// The 2019 template (reports for 2019 and 2020).
    #[serde(rename = "2019")]
    V2019,
    /// The 2021 template (reports for 2021 onward).
    #[serde(rename = "2021")]
    V2021,
}

impl Edition {
    /// Both editions, oldest first.
    pub const ALL: [Edition; 2] = [Edition::V2019, Edition::V2021];

    /// The edition the template prescribes for a report year.
    pub fn for_year(year: u16) -> Edition {
        if year >= 2021 {
            Edition::V2021
        } else {
            Edition::V2019
        }
    }

    /// `"2019"` or `"2021"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Edition::V2019 => "2019",
            Edition::V2021 => "2021",
        }
    }

    pub(crate) fn bit(self) -> u8 {
        match self {
            Edition::V2019 => 1,
            Edition::V2021 => 2,
        }
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Edition {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "2019" => Ok(Edition::V2019),
            "2021" => Ok(Edition::V2021),
            _ => Err(Error::UnknownEdition {
                edition: s.to_owned(),
            }),
        }
    }
}
