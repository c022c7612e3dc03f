//! Tables 二, 三 and 四 laid out as the template lays them out: header rows with their
//! spans, row labels at up to three levels, and the cells' values as read. Markdown
//! and HTML both render this one layout.

use zfxxgk_model::{
    CellKey, Edition, Report, SubTableDef, T3Column, T4Group, TableId, Template, Value, T3_COLUMNS,
    T3_GROUPS, T4_COLUMNS, T4_GROUPS,
};
use zfxxgk_text::numeral;

/// The header of the label column of table 二's sub-tables.
const T2_LABEL_HEADER: &str = "信息内容";
/// The header over all columns of table 三.
const T3_APPLICANTS: &str = "申请人情况";
/// The header over the organisation columns of table 三.
const T3_ORGANISATIONS: &str = "法人或其他组织";
/// The header over both litigation groups of table 四.
const T4_LITIGATION: &str = "行政诉讼";

/// A header cell, with the rows and columns it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
}

impl Head {
    fn new(text: impl Into<String>, colspan: usize, rowspan: usize) -> Head {
        Head {
            text: text.into(),
            colspan,
            rowspan,
        }
    }
}

/// A row label starting in this row: its level (0-based label column), and spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    pub text: String,
    pub level: usize,
    pub colspan: usize,
    pub rowspan: usize,
}

/// What a shown cell held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Number,
    Blank,
    Text,
    /// The report does not contain the cell.
    Absent,
}

impl Shape {
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Number => "number",
            Shape::Blank => "blank",
            Shape::Text => "text",
            Shape::Absent => "absent",
        }
    }
}

/// A cell as shown: the value as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shown {
    pub key: CellKey,
    pub text: String,
    pub shape: Shape,
}

/// One body row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub labels: Vec<Label>,
    pub cells: Vec<Shown>,
}

/// One table of the template (table 二 has one per sub-table).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// `第二十条第（一）项` for the sub-tables of table 二.
    pub caption: Option<String>,
    /// How many columns the row labels take.
    pub label_columns: usize,
    /// Header rows with spans, as the template has them.
    pub header: Vec<Vec<Head>>,
    /// One header per column, the levels joined with ` / `.
    pub flat_header: Vec<String>,
    pub rows: Vec<Row>,
}

/// One of tables 二, 三, 四 of a report, laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Grid {
    pub id: TableId,
    /// `二、主动公开政府信息情况`.
    pub title: String,
    pub edition: Edition,
    /// Whether the report has this table at all.
    pub present: bool,
    pub blocks: Vec<Block>,
    /// Cells the report has that the edition's template has not: key and value.
    pub extra: Vec<Shown>,
}

/// The report's title as written, or one made from its body and year.
pub(crate) fn report_title(report: &Report) -> String {
    let m = &report.meta;
    m.title.clone().unwrap_or_else(|| {
        format!(
            "{}{}政府信息公开工作年度报告",
            m.body.as_deref().unwrap_or(""),
            m.year.map(|y| format!("{y}年")).unwrap_or_default()
        )
    })
}

/// The three tables of `report`, laid out in the template of their edition.
pub(crate) fn grids(report: &Report) -> Vec<Grid> {
    TableId::ALL.iter().map(|&id| grid(report, id)).collect()
}

fn shown(report: &Report, key: CellKey) -> Shown {
    let (text, shape) = match report.cell(key) {
        None => (String::new(), Shape::Absent),
        Some(cell) => match &cell.value {
            Value::Blank => (String::new(), Shape::Blank),
            Value::Text { text } => (text.clone(), Shape::Text),
            Value::Number(n) => {
                let raw = cell.raw.trim();
                if raw.is_empty() {
                    (
                        format!("{}{}", n.value, n.unit.as_deref().unwrap_or("")),
                        Shape::Number,
                    )
                } else {
                    (raw.to_owned(), Shape::Number)
                }
            }
        },
    };
    Shown { key, text, shape }
}

fn cells_of(report: &Report, table: TableId, row: &str, columns: &[&str]) -> Vec<Shown> {
    columns
        .iter()
        .filter_map(|c| CellKey::from_parts(table, row, c))
        .map(|k| shown(report, k))
        .collect()
}

fn grid(report: &Report, id: TableId) -> Grid {
    let edition = report.edition_of(id);
    let template = Template::of(edition);
    let blocks = match id {
        TableId::T2 => template.t2.iter().map(|s| t2_block(report, s)).collect(),
        TableId::T3 => vec![t3_block(report, template)],
        TableId::T4 => vec![t4_block(report)],
    };
    let extra = report
        .table(id)
        .map(|t| {
            t.cells
                .iter()
                .filter(|c| !c.key.in_edition(edition))
                .map(|c| shown(report, c.key))
                .collect()
        })
        .unwrap_or_default();
    let section = id.section();
    Grid {
        id,
        title: format!("{}、{}", section.numeral(), section.title()),
        edition,
        present: report.table(id).is_some(),
        blocks,
        extra,
    }
}

fn t2_block(report: &Report, sub: &SubTableDef) -> Block {
    let mut header = vec![Head::new(T2_LABEL_HEADER, 1, 1)];
    header.extend(sub.columns.iter().map(|c| Head::new(c.label, 1, 1)));
    let flat_header = header.iter().map(|h| h.text.clone()).collect();
    let columns: Vec<&str> = sub.columns.iter().map(|c| c.key).collect();
    let rows = sub
        .rows
        .iter()
        .map(|r| Row {
            labels: vec![Label {
                text: format!("{}{}", r.number, r.label),
                level: 0,
                colspan: 1,
                rowspan: 1,
            }],
            cells: cells_of(report, TableId::T2, r.key, &columns),
        })
        .collect();
    Block {
        caption: Some(format!(
            "第二十条第（{}）项",
            numeral(sub.item).unwrap_or("?")
        )),
        label_columns: 1,
        header: vec![header],
        flat_header,
        rows,
    }
}

/// The numbering and parent of a row group of table 三.
fn t3_group(group: &str) -> (&'static str, Option<&'static str>) {
    T3_GROUPS
        .iter()
        .find(|g| g.label == group)
        .map(|g| (g.number, g.parent))
        .unwrap_or(("", None))
}

fn t3_block(report: &Report, template: &Template) -> Block {
    let organisations: Vec<&str> = T3_COLUMNS
        .iter()
        .filter(|c| c.key != T3Column::NATURAL_PERSON.as_str() && c.key != T3Column::TOTAL.as_str())
        .map(|c| c.label)
        .collect();
    let mut top = Vec::new();
    let mut middle = Vec::new();
    let mut bottom = Vec::new();
    let mut flat_header = vec![String::new(); 3];
    top.push(Head::new("", 3, 3));
    top.push(Head::new(T3_APPLICANTS, T3_COLUMNS.len(), 1));
    let mut in_organisations = false;
    for c in T3_COLUMNS {
        if organisations.contains(&c.label) {
            if !in_organisations {
                middle.push(Head::new(T3_ORGANISATIONS, organisations.len(), 1));
                in_organisations = true;
            }
            bottom.push(Head::new(c.label, 1, 1));
            flat_header.push(format!("{T3_ORGANISATIONS} / {}", c.label));
        } else {
            middle.push(Head::new(c.label, 1, 2));
            flat_header.push(c.label.to_owned());
        }
    }
    let columns: Vec<&str> = T3_COLUMNS.iter().map(|c| c.key).collect();
    let rows_def = template.t3_rows;
    // The top-level group of a row: its group's parent, or its group.
    let top_group = |g: Option<&'static str>| g.map(|g| t3_group(g).1.unwrap_or(g));
    let mut rows = Vec::new();
    for (i, r) in rows_def.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| rows_def.get(p));
        let mut labels = Vec::new();
        let own = format!("{}{}", r.number, r.label);
        match r.group {
            None => labels.push(Label {
                text: own,
                level: 0,
                colspan: 3,
                rowspan: 1,
            }),
            Some(group) => {
                let (number, parent) = t3_group(group);
                let outer = top_group(Some(group));
                if top_group(previous.and_then(|p| p.group)) != outer {
                    let span = rows_def[i..]
                        .iter()
                        .take_while(|x| top_group(x.group) == outer)
                        .count();
                    let (outer_number, _) = outer.map(t3_group).unwrap_or(("", None));
                    labels.push(Label {
                        text: format!("{outer_number}{}", outer.unwrap_or("")),
                        level: 0,
                        colspan: 1,
                        rowspan: span,
                    });
                }
                if parent.is_none() {
                    labels.push(Label {
                        text: own,
                        level: 1,
                        colspan: 2,
                        rowspan: 1,
                    });
                } else {
                    if previous.and_then(|p| p.group) != Some(group) {
                        let span = rows_def[i..]
                            .iter()
                            .take_while(|x| x.group == Some(group))
                            .count();
                        labels.push(Label {
                            text: format!("{number}{group}"),
                            level: 1,
                            colspan: 1,
                            rowspan: span,
                        });
                    }
                    labels.push(Label {
                        text: own,
                        level: 2,
                        colspan: 1,
                        rowspan: 1,
                    });
                }
            }
        }
        rows.push(Row {
            labels,
            cells: cells_of(report, TableId::T3, r.key, &columns),
        });
    }
    Block {
        caption: None,
        label_columns: 3,
        header: vec![top, middle, bottom],
        flat_header,
        rows,
    }
}

fn t4_block(report: &Report) -> Block {
    let litigation: Vec<_> = T4_GROUPS
        .iter()
        .filter(|g| g.key != T4Group::REVIEW.as_str())
        .collect();
    let mut top = Vec::new();
    let mut middle = Vec::new();
    let mut bottom = Vec::new();
    let mut flat_header = Vec::new();
    let mut cells = Vec::new();
    let mut in_litigation = false;
    for g in T4_GROUPS {
        if litigation.iter().any(|l| l.key == g.key) {
            if !in_litigation {
                top.push(Head::new(
                    T4_LITIGATION,
                    litigation.len() * T4_COLUMNS.len(),
                    1,
                ));
                in_litigation = true;
            }
            middle.push(Head::new(g.label, T4_COLUMNS.len(), 1));
            for c in T4_COLUMNS {
                bottom.push(Head::new(c.label, 1, 1));
                flat_header.push(format!("{T4_LITIGATION} / {} / {}", g.label, c.label));
            }
        } else {
            top.push(Head::new(g.label, T4_COLUMNS.len(), 1));
            for c in T4_COLUMNS {
                middle.push(Head::new(c.label, 1, 2));
                flat_header.push(format!("{} / {}", g.label, c.label));
            }
        }
        let columns: Vec<&str> = T4_COLUMNS.iter().map(|c| c.key).collect();
        cells.extend(cells_of(report, TableId::T4, g.key, &columns));
    }
    Block {
        caption: None,
        label_columns: 0,
        header: vec![top, middle, bottom],
        flat_header,
        rows: vec![Row {
            labels: Vec::new(),
            cells,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cell of every edition's layout has its key: no row or column of the layout
    /// names a key the catalog lacks, so none is left out of the tables drawn.
    #[test]
    fn every_laid_out_cell_resolves() {
        for e in Edition::ALL {
            let mut report = Report::default();
            report.meta.edition = Some(e);
            for grid in grids(&report) {
                let mut shown = 0;
                for block in &grid.blocks {
                    let width = block.flat_header.len() - block.label_columns;
                    for row in &block.rows {
                        assert_eq!(row.cells.len(), width, "{e} {:?}", grid.id);
                        shown += row.cells.len();
                    }
                }
                let keys = CellKey::of_edition(e).filter(|k| k.table() == grid.id);
                assert_eq!(shown, keys.count(), "{e} {:?}", grid.id);
            }
        }
    }
}
