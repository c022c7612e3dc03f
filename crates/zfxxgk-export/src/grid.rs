//! Tables 二, 三 and 四 laid out as the template lays them out, as JSON: the layout
//! that Markdown and HTML render, for a page that builds its own tables (the review
//! page of `zfxxgk serve`).

use serde::Serialize;
use zfxxgk_model::{CellKey, Edition, Report, TableId};

use crate::layout::{grids, report_title, Block, Grid, Head, Label, Row, Shown};

/// The three tables of a report laid out in the template of their edition, with
/// every cell as read: what [`layout_json`] writes.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// The report's title as written, or one made from its body and year.
    pub title: String,
    /// Tables 二, 三 and 四, in that order (a table the report lacks has `present`
    /// false and its cells `absent`).
    pub tables: Vec<LayoutTable>,
}

/// One of tables 二, 三, 四.
#[derive(Debug, Clone, Serialize)]
pub struct LayoutTable {
    /// `t2`, `t3` or `t4`.
    pub id: TableId,
    /// `三、收到和处理政府信息公开申请情况`.
    pub title: String,
    /// The template edition it is laid out in.
    pub edition: Edition,
    /// Whether the report has this table at all.
    pub present: bool,
    /// The blocks: one per sub-table of table 二, one for tables 三 and 四.
    pub blocks: Vec<LayoutBlock>,
    /// Cells the report has that this edition's template has not.
    pub extra: Vec<LayoutCell>,
}

/// One grid: header rows with spans, then body rows of labels and cells.
#[derive(Debug, Clone, Serialize)]
pub struct LayoutBlock {
    /// `第二十条第（一）项` for the sub-tables of table 二.
    pub caption: Option<String>,
    /// How many columns the row labels take.
    pub label_columns: usize,
    /// Header rows, each a list of header cells with their spans.
    pub header: Vec<Vec<LayoutHead>>,
    /// Body rows.
    pub rows: Vec<LayoutRow>,
}

/// A header cell.
#[derive(Debug, Clone, Serialize)]
pub struct LayoutHead {
    /// Its text (may be empty: the corner over the row labels).
    pub text: String,
    /// Columns it spans.
    pub colspan: usize,
    /// Rows it spans.
    pub rowspan: usize,
}

/// A body row: the row labels that start in it, then its cells.
#[derive(Debug, Clone, Serialize)]
pub struct LayoutRow {
    /// Labels starting in this row, outermost first.
    pub labels: Vec<LayoutLabel>,
    /// The row's cells, in column order.
    pub cells: Vec<LayoutCell>,
}

/// A row label.
#[derive(Debug, Clone, Serialize)]
pub struct LayoutLabel {
    /// Its text with the template's numbering (`（七）总计`).
    pub text: String,
    /// Which label column it starts in (0-based).
    pub level: usize,
    /// Columns it spans.
    pub colspan: usize,
    /// Rows it spans.
    pub rowspan: usize,
}

/// A cell as read.
#[derive(Debug, Clone, Serialize)]
pub struct LayoutCell {
    /// Its canonical key.
    pub key: CellKey,
    /// Its text as read (a number as written, empty for a blank).
    pub text: String,
    /// `number`, `blank`, `text`, or `absent` (the report does not contain the cell).
    pub shape: &'static str,
}

/// The layout of the tables 二, 三 and 四 of `report`: the same layout
/// [`render_html`](crate::render_html) renders, as data.
///
/// ```
/// let doc = zfxxgk_model::Report::default();
/// let layout = zfxxgk_export::layout_json(&doc);
/// assert_eq!(layout.tables.len(), 3);
/// assert!(layout.tables.iter().all(|t| !t.present));
/// ```
pub fn layout_json(report: &Report) -> Layout {
    Layout {
        title: report_title(report),
        tables: grids(report).into_iter().map(table).collect(),
    }
}

fn table(g: Grid) -> LayoutTable {
    LayoutTable {
        id: g.id,
        title: g.title,
        edition: g.edition,
        present: g.present,
        blocks: g.blocks.into_iter().map(block).collect(),
        extra: g.extra.into_iter().map(cell).collect(),
    }
}

fn block(b: Block) -> LayoutBlock {
    LayoutBlock {
        caption: b.caption,
        label_columns: b.label_columns,
        header: b
            .header
            .into_iter()
            .map(|r| r.into_iter().map(head).collect())
            .collect(),
        rows: b.rows.into_iter().map(row).collect(),
    }
}

fn head(h: Head) -> LayoutHead {
    LayoutHead {
        text: h.text,
        colspan: h.colspan,
        rowspan: h.rowspan,
    }
}

fn row(r: Row) -> LayoutRow {
    LayoutRow {
        labels: r.labels.into_iter().map(label).collect(),
        cells: r.cells.into_iter().map(cell).collect(),
    }
}

fn label(l: Label) -> LayoutLabel {
    LayoutLabel {
        text: l.text,
        level: l.level,
        colspan: l.colspan,
        rowspan: l.rowspan,
    }
}

fn cell(s: Shown) -> LayoutCell {
    LayoutCell {
        key: s.key,
        text: s.text,
        shape: s.shape.as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key of table 三's template edition is in its layout once; a report without
    /// the table has every cell `absent`.
    #[test]
    fn every_key_of_table_three_once() {
        let layout = layout_json(&zfxxgk_model::Report::default());
        let t3 = layout
            .tables
            .iter()
            .find(|t| t.id == TableId::T3)
            .expect("table 三");
        let keys: Vec<CellKey> = t3
            .blocks
            .iter()
            .flat_map(|b| b.rows.iter().flat_map(|r| r.cells.iter().map(|c| c.key)))
            .collect();
        let expected: Vec<CellKey> = CellKey::of_edition(t3.edition)
            .filter(|k| k.table() == TableId::T3)
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len(), "a key twice");
        let mut expected_sorted = expected;
        expected_sorted.sort();
        assert_eq!(sorted, expected_sorted);
        assert!(t3
            .blocks
            .iter()
            .flat_map(|b| b.rows.iter().flat_map(|r| r.cells.iter()))
            .all(|c| c.shape == "absent"));
    }

    #[test]
    fn serialises_keys_as_strings() {
        let layout = layout_json(&zfxxgk_model::Report::default());
        let json = serde_json::to_value(&layout).expect("serialises");
        let first = &json["tables"][1]["blocks"][0]["rows"][0]["cells"][0];
        assert_eq!(first["key"], "t3.new_received.natural_person");
        assert_eq!(first["shape"], "absent");
        assert_eq!(json["tables"][1]["id"], "t3");
    }
}
