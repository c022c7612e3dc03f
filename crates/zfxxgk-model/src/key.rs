use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::template::{Template, T3_COLUMNS, T4_COLUMNS, T4_GROUPS};
use crate::{Edition, Error, T2Column, T3Row};

/// The three tables of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum TableId {
    /// 主动公开政府信息情况 (table 二), key prefix `t2`.
    #[serde(rename = "t2")]
    T2,
    /// 收到和处理政府信息公开申请情况 (table 三), key prefix `t3`.
    #[serde(rename = "t3")]
    T3,
    /// 政府信息公开行政复议、行政诉讼情况 (table 四), key prefix `t4`.
    #[serde(rename = "t4")]
    T4,
}

impl TableId {
    /// All three, in report order.
    pub const ALL: [TableId; 3] = [TableId::T2, TableId::T3, TableId::T4];

    /// `"t2"`, `"t3"` or `"t4"`.
    pub fn as_str(self) -> &'static str {
        match self {
            TableId::T2 => "t2",
            TableId::T3 => "t3",
            TableId::T4 => "t4",
        }
    }

    /// The section the template puts this table in.
    pub fn section(self) -> SectionKey {
        match self {
            TableId::T2 => SectionKey::S2,
            TableId::T3 => SectionKey::S3,
            TableId::T4 => SectionKey::S4,
        }
    }

    /// The table's name in the template (`主动公开政府信息情况`).
    pub fn title(self) -> &'static str {
        self.section().title()
    }
}

impl fmt::Display for TableId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The six sections of a report, `s1` to `s6`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum SectionKey {
    /// 一、总体情况
    #[serde(rename = "s1")]
    S1,
    /// 二、主动公开政府信息情况
    #[serde(rename = "s2")]
    S2,
    /// 三、收到和处理政府信息公开申请情况
    #[serde(rename = "s3")]
    S3,
    /// 四、政府信息公开行政复议、行政诉讼情况
    #[serde(rename = "s4")]
    S4,
    /// 五、存在的主要问题及改进情况
    #[serde(rename = "s5")]
    S5,
    /// 六、其他需要报告的事项
    #[serde(rename = "s6")]
    S6,
}

impl SectionKey {
    /// All six, in template order.
    pub const ALL: [SectionKey; 6] = [
        SectionKey::S1,
        SectionKey::S2,
        SectionKey::S3,
        SectionKey::S4,
        SectionKey::S5,
        SectionKey::S6,
    ];

    /// `"s1"` to `"s6"`.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKey::S1 => "s1",
            SectionKey::S2 => "s2",
            SectionKey::S3 => "s3",
            SectionKey::S4 => "s4",
            SectionKey::S5 => "s5",
            SectionKey::S6 => "s6",
        }
    }

    /// The heading's numeral in the template (`一` to `六`).
    pub fn numeral(self) -> &'static str {
        u8::try_from(self.index() + 1)
            .ok()
            .and_then(zfxxgk_text::numeral)
            .unwrap_or_default()
    }

    /// 0-based position in the template.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The template's wording of the heading, without its numeral.
    pub fn title(self) -> &'static str {
        match self {
            SectionKey::S1 => "总体情况",
            SectionKey::S2 => "主动公开政府信息情况",
            SectionKey::S3 => "收到和处理政府信息公开申请情况",
            SectionKey::S4 => "政府信息公开行政复议、行政诉讼情况",
            SectionKey::S5 => "存在的主要问题及改进情况",
            SectionKey::S6 => "其他需要报告的事项",
        }
    }

    /// The table the template puts in this section, if any.
    pub fn table(self) -> Option<TableId> {
        match self {
            SectionKey::S2 => Some(TableId::T2),
            SectionKey::S3 => Some(TableId::T3),
            SectionKey::S4 => Some(TableId::T4),
            _ => None,
        }
    }
}

impl fmt::Display for SectionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

struct KeyInfo {
    key: String,
    table: TableId,
    row: &'static str,
    column: &'static str,
    editions: u8,
}

struct Catalog {
    keys: Vec<KeyInfo>,
    by_name: HashMap<String, u16>,
    /// `(table, row, column)` of every key, sorted, for lookups that build no string.
    by_parts: Vec<(TableId, &'static str, &'static str, u16)>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(build_catalog);

fn build_catalog() -> Catalog {
    // Room for every key of both editions (226), so that neither grows as it fills.
    let mut keys: Vec<KeyInfo> = Vec::with_capacity(256);
    let mut by_name: HashMap<String, u16> = HashMap::with_capacity(256);
    let mut push = |table: TableId, row: &'static str, column: &'static str, edition: Edition| {
        let table_str = table.as_str();
        let mut key = String::with_capacity(table_str.len() + row.len() + column.len() + 2);
        for part in [table_str, ".", row, ".", column] {
            key.push_str(part);
        }
        match by_name.entry(key) {
            Entry::Occupied(seen) => {
                if let Some(k) = keys.get_mut(usize::from(*seen.get())) {
                    k.editions |= edition.bit();
                }
            }
            Entry::Vacant(new) => {
                keys.push(KeyInfo {
                    key: new.key().clone(),
                    table,
                    row,
                    column,
                    editions: edition.bit(),
                });
                new.insert((keys.len() - 1) as u16);
            }
        }
    };
    // Table 二: sub-table by sub-table; within one, rows of both editions, and for each
    // row the 2019 columns then the 2021 ones, so each edition's order is kept.
    for item in [1u8, 5, 6, 8, 9] {
        let mut rows: Vec<&'static str> = Vec::new();
        for e in Edition::ALL {
            if let Some(sub) = Template::of(e).t2_subtable(item) {
                for r in sub.rows {
                    if !rows.contains(&r.key) {
                        rows.push(r.key);
                    }
                }
            }
        }
        for r in rows {
            for e in Edition::ALL {
                if let Some(sub) = Template::of(e).t2_subtable(item) {
                    if sub.rows.iter().any(|x| x.key == r) {
                        for c in sub.columns {
                            push(TableId::T2, r, c.key, e);
                        }
                    }
                }
            }
        }
    }
    // Table 三: the 2019 rows, with the 2021 rows of （六） right after `other`.
    let t19 = Template::of(Edition::V2019).t3_rows;
    let t21 = Template::of(Edition::V2021).t3_rows;
    let mut rows: Vec<&'static str> = Vec::new();
    for r in t19 {
        rows.push(r.key);
        // The 2021 rows of （六） are `other.no_correction` and its siblings.
        if r.key == T3Row::OTHER.as_str() {
            rows.extend(
                t21.iter()
                    .filter(|x| {
                        x.key
                            .strip_prefix(r.key)
                            .is_some_and(|rest| rest.starts_with('.'))
                    })
                    .map(|x| x.key),
            );
        }
    }
    for r in rows {
        for e in Edition::ALL {
            if Template::of(e).t3_rows.iter().any(|x| x.key == r) {
                for c in T3_COLUMNS {
                    push(TableId::T3, r, c.key, e);
                }
            }
        }
    }
    for g in T4_GROUPS {
        for c in T4_COLUMNS {
            for e in Edition::ALL {
                push(TableId::T4, g.key, c.key, e);
            }
        }
    }
    let mut by_parts: Vec<_> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.table, k.row, k.column, i as u16))
        .collect();
    by_parts.sort_unstable();
    Catalog {
        keys,
        by_name,
        by_parts,
    }
}

/// The canonical key of a table cell, such as `t3.granted.natural_person`.
///
/// Keys are public API (REPORT_FORMAT.md). A `CellKey` is a small copyable handle; it
/// orders keys in the order of REPORT_FORMAT.md (table 二, 三, 四; rows and columns in
/// template order, with both editions merged so that each edition's own order is kept),
/// and (de)serializes as the key string.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellKey(u16);

impl CellKey {
    /// Every key of both editions, in REPORT_FORMAT.md order.
    pub fn all() -> impl ExactSizeIterator<Item = CellKey> {
        (0..CATALOG.keys.len() as u16).map(CellKey)
    }

    /// Every key of one edition, in template order.
    pub fn of_edition(edition: Edition) -> impl Iterator<Item = CellKey> {
        CellKey::all().filter(move |k| k.in_edition(edition))
    }

    /// Looks a key up by its table, row and column parts.
    pub fn from_parts(table: TableId, row: &str, column: &str) -> Option<CellKey> {
        let parts = &CATALOG.by_parts;
        parts
            .binary_search_by(|&(t, r, c, _)| (t, r, c).cmp(&(table, row, column)))
            .ok()
            .and_then(|i| parts.get(i))
            .map(|&(.., k)| CellKey(k))
    }

    fn info(self) -> &'static KeyInfo {
        &CATALOG.keys[usize::from(self.0)]
    }

    /// The key as written in REPORT_FORMAT.md.
    pub fn as_str(self) -> &'static str {
        &self.info().key
    }

    /// The table this cell belongs to.
    pub fn table(self) -> TableId {
        self.info().table
    }

    /// The row part (`granted`, `withheld.third_party`, `licensing`).
    pub fn row(self) -> &'static str {
        self.info().row
    }

    /// The column part (`natural_person`, `decisions`, `review.total` → `total`).
    pub fn column(self) -> &'static str {
        self.info().column
    }

    /// Whether the template of `edition` has this cell.
    pub fn in_edition(self, edition: Edition) -> bool {
        self.info().editions & edition.bit() != 0
    }

    /// Position in REPORT_FORMAT.md order (0-based).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Whether the cell holds an amount of money (采购总金额 `amount`, 本年收费金额
    /// `amount_10k_yuan`), a decimal; every other cell holds a count.
    ///
    /// ```
    /// use zfxxgk_model::CellKey;
    /// let amount: CellKey = "t2.procurement.amount".parse()?;
    /// let count: CellKey = "t3.granted.total".parse()?;
    /// assert!(amount.is_amount() && !count.is_amount());
    /// # Ok::<(), zfxxgk_model::Error>(())
    /// ```
    pub fn is_amount(self) -> bool {
        let column = self.column();
        column == T2Column::AMOUNT.as_str() || column == T2Column::AMOUNT_10K_YUAN.as_str()
    }
}

impl fmt::Debug for CellKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for CellKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CellKey {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CATALOG
            .by_name
            .get(s)
            .copied()
            .map(CellKey)
            .ok_or_else(|| Error::UnknownKey { key: s.to_owned() })
    }
}

impl Serialize for CellKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CellKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for CellKey {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CellKey".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let keys: Vec<&str> = CellKey::all().map(|k| k.as_str()).collect();
        schemars::json_schema!({
            "type": "string",
            "description": "A canonical cell key of REPORT_FORMAT.md",
            "enum": keys,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_has_every_key_of_both_editions_once() {
        assert_eq!(CellKey::all().len(), 29 + 26 * 7 + 15);
        for e in Edition::ALL {
            let t = Template::of(e);
            let mut from_template = Vec::new();
            for table in TableId::ALL {
                from_template.extend(t.keys(table));
            }
            let from_catalog: Vec<String> = CellKey::of_edition(e)
                .map(|k| k.as_str().to_owned())
                .collect();
            assert_eq!(from_template, from_catalog, "edition {e}");
        }
    }

    #[test]
    fn keys_round_trip_through_strings_and_serde() {
        for k in CellKey::all() {
            assert_eq!(k.as_str().parse::<CellKey>(), Ok(k));
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(serde_json::from_str::<CellKey>(&json).unwrap(), k);
        }
        assert!("t3.granted.nobody".parse::<CellKey>().is_err());
    }

    #[test]
    fn parts() {
        let k: CellKey = "t3.withheld.third_party.total".parse().unwrap();
        assert_eq!(k.table(), TableId::T3);
        assert_eq!(k.row(), "withheld.third_party");
        assert_eq!(k.column(), "total");
        assert!(k.in_edition(Edition::V2019) && k.in_edition(Edition::V2021));
        let other: CellKey = "t3.other.total".parse().unwrap();
        assert!(!other.in_edition(Edition::V2021));
        assert_eq!(
            CellKey::from_parts(TableId::T4, "review", "corrected").map(|k| k.as_str()),
            Some("t4.review.corrected")
        );
        for k in CellKey::all() {
            assert_eq!(CellKey::from_parts(k.table(), k.row(), k.column()), Some(k));
        }
        assert_eq!(CellKey::from_parts(TableId::T3, "granted", "nobody"), None);
        assert_eq!(CellKey::from_parts(TableId::T2, "granted", "total"), None);
    }
}
