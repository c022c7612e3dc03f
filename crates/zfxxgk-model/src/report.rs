use serde::{Deserialize, Serialize};

use crate::{CellKey, Edition, Fact, Location, SectionKey, TableId, Text, Value};

/// One report, read: its metadata, six sections, tables, the facts its narrative states,
/// and everything that could not be placed.
///
/// Nothing read is dropped: text the parser did not understand is in
/// [`Report::unplaced`], and what the parser had to infer or guess is in
/// [`Report::notes`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// Issuing body, year, edition, encoding.
    pub meta: Meta,
    /// The sections found, in the order they stand in the text.
    pub sections: Vec<Section>,
    /// The tables found (二, 三, 四), in the order they stand in the text.
    pub tables: Vec<Table>,
    /// Numbers the narrative states (applications received, reviews, fees…).
    pub facts: Vec<Fact>,
    /// Table rows and cells that could not be placed on the template.
    pub unplaced: Vec<Unplaced>,
    /// What the parser inferred, guessed or had to repair, for a reviewer to know.
    pub notes: Vec<Note>,
    /// The outline of the text: the blocks the lexer cut it into, in order. They tile
    /// the text (each starts where the previous ended, the first at 0, the last at the
    /// end), so every byte read belongs to a heading, a paragraph, a table, a blank,
    /// noise, a page number or an unrecognized block.
    #[serde(default)]
    pub blocks: Vec<Block>,
}

impl Report {
    /// The table `id`, if the report has it.
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }

    /// The edition to read table `id` by, for rules and layouts alike: the table's
    /// own, else the report's, else the edition whose template alone holds more of the
    /// table's keys, else the one the report's year prescribes, else the 2021 edition.
    ///
    /// ```
    /// use zfxxgk_model::{Edition, Report, TableId};
    /// let mut report = Report::default();
    /// assert_eq!(report.edition_of(TableId::T3), Edition::V2021);
    /// report.meta.year = Some(2020);
    /// assert_eq!(report.edition_of(TableId::T3), Edition::V2019);
    /// ```
    pub fn edition_of(&self, id: TableId) -> Edition {
        let table = self.table(id);
        if let Some(e) = table.and_then(|t| t.edition).or(self.meta.edition) {
            return e;
        }
        let cells = table.map(|t| t.cells.as_slice()).unwrap_or_default();
        let only = |e: Edition, not: Edition| {
            let only_in = |c: &&Cell| c.key.in_edition(e) && !c.key.in_edition(not);
            cells.iter().filter(only_in).count()
        };
        let (v2019, v2021) = (Edition::V2019, Edition::V2021);
        match only(v2019, v2021).cmp(&only(v2021, v2019)) {
            std::cmp::Ordering::Greater => v2019,
            std::cmp::Ordering::Less => v2021,
            std::cmp::Ordering::Equal => self.meta.year.map_or(v2021, Edition::for_year),
        }
    }

    /// The cell `key`, if the report has it.
    pub fn cell(&self, key: CellKey) -> Option<&Cell> {
        self.table(key.table())?.cell(key)
    }

    /// Every cell of every table, in REPORT_FORMAT.md order.
    pub fn cells(&self) -> impl Iterator<Item = &Cell> {
        let mut tables: Vec<&Table> = self.tables.iter().collect();
        tables.sort_by_key(|t| t.id);
        tables.into_iter().flat_map(|t| t.cells.iter())
    }

    /// The section `key`, if the report has it (the first, if written twice).
    pub fn section(&self, key: SectionKey) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The tidy facts of REPORT_FORMAT.md: `(key, normalized value)` for every cell the
    /// report contains, in key order.
    pub fn tidy(&self) -> impl Iterator<Item = (CellKey, String)> + '_ {
        self.cells().map(|c| (c.key, c.value.normalized()))
    }
}

/// What the report says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Meta {
    /// The title line, as written (`温州市民政局2020年政府信息公开工作年度报告`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the title stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_location: Option<Location>,
    /// The issuing body (`温州市民政局`), from the title or the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The report year: the year the report covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// Every statement of the report year that was found (title, statistics period).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<YearStatement>,
    /// The template edition of the tables, decided from the tables themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<Edition>,
    /// The encoding the bytes were decoded from (`UTF-8`, `GBK`, `UTF-16LE`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// Where a statement of the report year was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// The title (`2020年政府信息公开工作年度报告`).
    Title,
    /// The statistics period (`统计期限自2019年1月1日起至2019年12月31日止`).
    Period,
    /// The first sentence of the narrative (`2020年，我局…`), read only when neither the
    /// title nor the period states the year.
    Text,
}

/// One statement of the report year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearStatement {
    /// The year stated.
    pub year: u16,
    /// Where it was stated.
    pub source: YearSource,
    /// Where the year stands.
    pub location: Location,
}

/// One of the six sections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// Which of the six.
    pub key: SectionKey,
    /// The heading as written (`四、政府信息公开行政复议和行政诉讼情况`).
    pub heading: String,
    /// Where the heading stands.
    pub location: Location,
    /// The section's content: from after the heading to the next section (or the end).
    pub body: Location,
    /// The content's text, as written.
    pub text: String,
}

/// One of the template's tables, as found in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Table {
    /// Which table.
    pub id: TableId,
    /// The edition its rows and columns follow, when they tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<Edition>,
    /// From the table's first row to its last.
    pub location: Location,
    /// Table 二 only: the items of 第二十条 whose sub-table header was found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<u8>,
    /// The cells placed on the template, in key order.
    pub cells: Vec<Cell>,
}

impl Table {
    /// The cell `key`, if the table has it.
    pub fn cell(&self, key: CellKey) -> Option<&Cell> {
        match self.cells.binary_search_by_key(&key, |c| c.key) {
            Ok(i) => self.cells.get(i),
            Err(_) => self.cells.iter().find(|c| c.key == key),
        }
    }
}

/// One table cell placed on the template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cell {
    /// Its canonical key.
    pub key: CellKey,
    /// What it holds.
    pub value: Value,
    /// The cell's text as written (trimmed).
    pub raw: String,
    /// Where the cell stands (an empty range where a blank cell had no text).
    pub location: Location,
    /// How its row was placed on the template.
    pub placement: Placement,
}

/// How a cell's row was matched to a template row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// The row's own label names the template row.
    Label,
    /// The row had no usable label; it was placed by its position among labelled rows,
    /// the template's row order and the number of its cells.
    Position,
}

/// What kind of thing could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnplacedKind {
    /// A row with numbers whose label matches no template row, or that no reader could
    /// give a row of the template (one row too many for the table).
    UnknownRow,
    /// Cells beyond the template's columns in a placed row.
    StrayCells,
    /// A block the lexer could not read as text, heading or table.
    Unrecognized,
    /// A table row with numbers that no table of the template took: a table other than
    /// 二, 三 and 四, rows their readers passed over, values standing on lines of their
    /// own in a table's section (reading-order text) that no reader placed, or a row
    /// of the template (named by its label, or standing among the template's rows
    /// where only a guess would say which) whose values could not all be placed
    /// (notes say why).
    UnreadRow,
    /// A row whose cells ran together with nothing between them (`规章77132470`), which
    /// the template's sums do not split one way only; a note names the splits that fit.
    RanTogether,
    /// A table that stands in its section but could not be read: its text.
    UnreadTable,
}

/// Text from a table that is kept because it could not be placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Unplaced {
    /// What it is.
    pub kind: UnplacedKind,
    /// The table it stood in, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableId>,
    /// The text as written.
    pub text: String,
    /// Where it stands.
    pub location: Location,
}

/// What kind of note the parser left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoteKind {
    /// Decoding had to replace malformed bytes with U+FFFD.
    DecodeReplaced,
    /// Rows were placed by position, not by label.
    InferredPlacement,
    /// More or fewer rows than the template has, so placement by position is a guess.
    AmbiguousPlacement,
    /// The table's edition could not be told from its rows and columns.
    EditionUndecided,
    /// A row's cells ran together and more than one split (or none) fits the
    /// template's sums: the row was not placed, and the note names the splits.
    AmbiguousSplit,
    /// A cell holds a value no report of this kind holds (a million applications in one
    /// cell): it is kept, but two cells may have run together.
    ImplausibleValue,
    /// A row's label, too long for its column, ran on into the value cells after it
    /// (Debian html2text counts bytes, not characters): the number at the start of
    /// each such cell was read, the rest being the label's.
    LabelOverflow,
}

/// Something the parser inferred, guessed or repaired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Note {
    /// What kind.
    pub kind: NoteKind,
    /// A sentence for a person, in Chinese and English.
    pub message: Text,
    /// Where it applies, if somewhere in particular.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// What kind of text a [`Block`] of the outline holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A short line that reads as a heading (`一、总体情况`, `## 表三`).
    Heading,
    /// Lines of running text.
    Paragraph,
    /// A table grid, in any layout.
    Table,
    /// Blank lines.
    Blank,
    /// Lines of nothing but `|` (web-page residue).
    Noise,
    /// A page number on a line of its own (`-4-`, `— 5 —`).
    PageNumber,
    /// Lines that cannot be read as text (mostly control characters); their text is
    /// also kept in [`Report::unplaced`].
    Unrecognized,
}

/// One block of the text's outline: what it is and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its bytes, line ends included.
    pub location: Location,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table with no edition of its own holding these cells, all blank.
    fn report_with(keys: &[&str]) -> Report {
        let cell = |k: &&str| Cell {
            key: k.parse().expect("a key"),
            value: Value::Blank,
            raw: String::new(),
            location: Location::default(),
            placement: Placement::Label,
        };
        let table = Table {
            id: TableId::T3,
            edition: None,
            location: Location::default(),
            items: Vec::new(),
            cells: keys.iter().map(cell).collect(),
        };
        let mut report = Report::default();
        report.tables.push(table);
        report
    }

    #[test]
    fn a_table_without_edition_is_read_by_the_keys_only_one_template_has() {
        // `t3.other.*` is one row in 2019, three rows in 2021.
        let v2019 = "t3.other.total";
        let v2021 = "t3.other.no_fee.total";
        let both = "t3.granted.total";
        assert_eq!(
            report_with(&[v2019, both]).edition_of(TableId::T3),
            Edition::V2019
        );
        assert_eq!(
            report_with(&[v2021, both]).edition_of(TableId::T3),
            Edition::V2021
        );
        let mut mixed = report_with(&[v2019, v2021, both]);
        assert_eq!(
            mixed.edition_of(TableId::T3),
            Edition::V2021,
            "a tie: the current edition"
        );
        mixed.meta.year = Some(2020);
        assert_eq!(
            mixed.edition_of(TableId::T3),
            Edition::V2019,
            "a tie: the year's edition"
        );
        mixed.tables[0].edition = Some(Edition::V2021);
        assert_eq!(
            mixed.edition_of(TableId::T3),
            Edition::V2021,
            "the table's own first"
        );
    }
}
