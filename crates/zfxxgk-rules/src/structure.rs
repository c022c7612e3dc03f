//! Structure: S001–S006 (sections, tables against the template, year and edition,
//! cells that hold text).

use std::cell::LazyCell;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use zfxxgk_model::{
    CellKey, Edition, Finding, PerEdition, RowDef, RuleId, SectionKey, Severity, Table, TableId,
    Template, UnplacedKind, Value, YearSource, T3_COLUMNS, T4_COLUMNS, T4_GROUPS,
};

use zfxxgk_text::numeral;

use crate::context::{Context, KeySet};
use crate::finding::Draft;
use crate::keys::row_keys;
use crate::rule::Builtin;

pub(crate) const S001: Builtin = Builtin {
    id: RuleId::S001,
    severity: Severity::Error,
    zh: "一至六六个部分齐全，各出现一次，顺序正确",
    en: "the six sections 一 to 六 are present, each once, in order",
    check: check_s001,
};
pub(crate) const S002: Builtin = Builtin {
    id: RuleId::S002,
    severity: Severity::Error,
    zh: "模板规定有表格的部分（二、三、四）有其表格",
    en: "a section that the template gives a table (二, 三, 四) has its table",
    check: check_s002,
};
pub(crate) const S003: Builtin = Builtin {
    id: RuleId::S003,
    severity: Severity::Error,
    zh: "表格的行和列与其版本的模板一致（指出未知行、缺少的行和列）",
    en: "the table's rows and columns match the template of one edition (unknown rows, missing rows, missing columns)",
    check: check_s003,
};
pub(crate) const S004: Builtin = Builtin {
    id: RuleId::S004,
    severity: Severity::Warning,
    zh: "表格版本与报告年度相符（2019–2020年用2019版，2021年起用2021版）",
    en: "the edition of the tables matches the report year (2019 edition for 2019–2020, 2021 edition for 2021 onward)",
    check: check_s004,
};
pub(crate) const S005: Builtin = Builtin {
    id: RuleId::S005,
    severity: Severity::Warning,
    zh: "报告年度前后一致（标题、统计期限、正文）",
    en: "the report year is stated consistently (title, statistics period, text)",
    check: check_s005,
};
pub(crate) const S006: Builtin = Builtin {
    id: RuleId::S006,
    severity: Severity::Error,
    zh: "应填数字的单元格填了非数字文字",
    en: "a cell that should hold a number holds text that is not a number",
    check: check_s006,
};

pub(crate) const RULES: &[Builtin] = &[S001, S002, S003, S004, S005, S006];

fn heading(key: SectionKey) -> String {
    format!("{}、{}", key.numeral(), key.title())
}

fn check_s001(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    for key in SectionKey::ALL {
        let found = || report.sections.iter().filter(|s| s.key == key);
        match found().count() {
            0 => {
                // Point at the section that follows, where the missing one belongs.
                let next = report.sections.iter().find(|s| s.key > key);
                let mut draft = Draft::new(
                    &S001,
                    format!("缺少第{}部分“{}”", key.numeral(), heading(key)),
                    format!("section {} ({}) is missing", key.numeral(), heading(key)),
                );
                if let Some(next) = next {
                    draft = draft.span(next.location).note(
                        "缺少的部分应在此之前",
                        "the missing section belongs before this",
                    );
                }
                out.push(draft.finish());
            }
            1 => {}
            n => {
                let mut draft = Draft::new(
                    &S001,
                    format!("第{}部分“{}”出现{n}次", key.numeral(), heading(key)),
                    format!(
                        "section {} ({}) appears {n} times",
                        key.numeral(),
                        heading(key)
                    ),
                )
                .actual(n);
                for s in found() {
                    draft = draft.span(s.location);
                }
                out.push(draft.finish());
            }
        }
    }
    // Order: each section (first occurrence) after every section before it in the template.
    let mut seen: Vec<&zfxxgk_model::Section> = Vec::new();
    for s in &report.sections {
        if seen.iter().any(|x| x.key == s.key) {
            continue;
        }
        if let Some(later) = seen.iter().filter(|x| x.key > s.key).min_by_key(|x| x.key) {
            out.push(
                Draft::new(
                    &S001,
                    format!(
                        "第{}部分出现在第{}部分之后，顺序不对",
                        s.key.numeral(),
                        later.key.numeral()
                    ),
                    format!(
                        "section {} stands after section {}: out of order",
                        s.key.numeral(),
                        later.key.numeral()
                    ),
                )
                .span(s.location)
                .span(later.location)
                .finish(),
            );
        }
        seen.push(s);
    }
}

fn check_s002(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    for key in SectionKey::ALL {
        let (Some(section), Some(table)) = (report.section(key), key.table()) else {
            continue;
        };
        if report.table(table).is_some() {
            continue;
        }
        // The table is there, but could not be read: say so, not that there is none.
        if let Some(unread) = report.unplaced.iter().find(|u| u.table == Some(table)) {
            out.push(
                Draft::new(
                    &S002,
                    format!(
                        "第{}部分“{}”有表{}，但未能读出（其文字保留在未放置内容中）",
                        key.numeral(),
                        heading(key),
                        key.numeral()
                    ),
                    format!(
                        "section {} ({}): its table {} is there but could not be read; its text is kept in unplaced",
                        key.numeral(),
                        heading(key),
                        key.numeral()
                    ),
                )
                .span(section.location)
                .span(unread.location)
                .finish(),
            );
            continue;
        }
        out.push(
            Draft::new(
                &S002,
                format!("第{}部分“{}”没有表格", key.numeral(), heading(key)),
                format!(
                    "section {} ({}) has no table, though the template gives it one",
                    key.numeral(),
                    heading(key)
                ),
            )
            .span(section.location)
            .finish(),
        );
    }
}

/// A table, or a sub-table of table 二, of one edition's template, its keys resolved
/// once per process: what S003 holds a table against.
struct Shape {
    /// Table 二's sub-tables: the item of 第二十条 (0 for tables 三 and 四).
    item: u8,
    /// What to call it in messages.
    name_zh: String,
    name_en: String,
    rows: Vec<ShapeRow>,
    columns: Vec<&'static str>,
    /// The keys, of any table, whose row is one of `rows`: a table 二 whose sub-table
    /// headers were not recorded has this sub-table when it holds one of them.
    rows_anywhere: Vec<CellKey>,
}

/// A row of a [`Shape`].
struct ShapeRow {
    key: &'static str,
    /// The catalog's keys of this table and row, whatever their column.
    keys: &'static [CellKey],
    /// The key of each of the shape's columns in this row, where the catalog has one.
    cells: Vec<Option<CellKey>>,
    /// The row's wordings (the template's label and aliases three characters or
    /// more, and its label after its numbering): a row the parser kept unplaced
    /// whose text holds one was seen, not lost.
    wordings: Vec<String>,
}

/// The shapes of one edition's template.
struct Shapes {
    /// Table 二's sub-tables, by item.
    t2: Vec<Shape>,
    t3: Shape,
    t4: Shape,
}

static SHAPES: LazyLock<PerEdition<Shapes>> = LazyLock::new(|| PerEdition::from_fn(shapes_of));

fn shapes_of(edition: Edition) -> Shapes {
    let template = Template::of(edition);
    let mut items: Vec<u8> = template.t2.iter().map(|s| s.item).collect();
    items.sort_unstable();
    items.dedup();
    Shapes {
        t2: items
            .into_iter()
            .filter_map(|item| template.t2_subtable(item))
            .map(|sub| {
                shape(
                    TableId::T2,
                    sub.item,
                    format!("表二第二十条第（{}）项", numeral(sub.item).unwrap_or("?")),
                    format!("table 二, 第二十条 item ({})", sub.item),
                    sub.rows.iter().map(|r| (r.key, wordings(r))).collect(),
                    sub.columns.iter().map(|c| c.key).collect(),
                )
            })
            .collect(),
        t3: shape(
            TableId::T3,
            0,
            "表三".into(),
            "table 三".into(),
            template
                .t3_rows
                .iter()
                .map(|r| (r.key, wordings(r)))
                .collect(),
            T3_COLUMNS.iter().map(|c| c.key).collect(),
        ),
        t4: shape(
            TableId::T4,
            0,
            "表四".into(),
            "table 四".into(),
            T4_GROUPS.iter().map(|g| (g.key, Vec::new())).collect(),
            T4_COLUMNS.iter().map(|c| c.key).collect(),
        ),
    }
}

/// A template row's wordings: its label and aliases three characters long or more
/// (shorter ones, `其他`, stand inside too many other rows' text), and its label after
/// its numbering (`（七）总计`).
fn wordings(row: &RowDef) -> Vec<String> {
    std::iter::once(row.label)
        .chain(row.aliases.iter().copied())
        .filter(|w| w.chars().nth(2).is_some())
        .map(str::to_string)
        .chain((!row.number.is_empty()).then(|| format!("{}{}", row.number, row.label)))
        .collect()
}

fn shape(
    table: TableId,
    item: u8,
    name_zh: String,
    name_en: String,
    rows: Vec<(&'static str, Vec<String>)>,
    columns: Vec<&'static str>,
) -> Shape {
    let rows_anywhere = rows
        .iter()
        .flat_map(|&(row, _)| TableId::ALL.into_iter().flat_map(move |t| row_keys(t, row)))
        .copied()
        .collect();
    let rows = rows
        .into_iter()
        .map(|(row, wordings)| ShapeRow {
            key: row,
            keys: row_keys(table, row),
            cells: columns
                .iter()
                .map(|&column| CellKey::from_parts(table, row, column))
                .collect(),
            wordings,
        })
        .collect();
    Shape {
        item,
        name_zh,
        name_en,
        rows,
        columns,
        rows_anywhere,
    }
}

/// The shapes a table is judged by: tables 三 and 四 by their own, table 二 by the
/// sub-tables whose headers were found (or, when none was recorded, that hold cells).
fn shapes<'s>(table: &Table, present: &KeySet, shapes: &'s Shapes) -> Vec<&'s Shape> {
    match table.id {
        TableId::T2 => shapes
            .t2
            .iter()
            .filter(|s| {
                if table.items.is_empty() {
                    s.rows_anywhere.iter().any(|&k| present.contains(k))
                } else {
                    table.items.contains(&s.item)
                }
            })
            .collect(),
        TableId::T3 => vec![&shapes.t3],
        TableId::T4 => vec![&shapes.t4],
    }
}

fn check_s003(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    for table in &report.tables {
        let edition = report.edition_of(table.id);
        let present = KeySet::of_table(table);
        // Whether the table has a cell of the row, in the shape's column `column` or in
        // any column.
        let has = |row: &ShapeRow, column: Option<usize>| match column {
            None => row.keys.iter().any(|&k| present.contains(k)),
            Some(i) => row
                .cells
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|k| present.contains(k)),
        };
        // The text the parser kept unplaced in this table, its whitespace taken out:
        // asked only of a table that lacks a row.
        let kept: LazyCell<Vec<String>, _> = LazyCell::new(|| {
            report
                .unplaced
                .iter()
                .filter(|u| u.table == Some(table.id))
                .map(|u| u.text.chars().filter(|c| !c.is_whitespace()).collect())
                .collect()
        });
        for shape in shapes(table, &present, SHAPES.get(edition)) {
            let present_rows: Vec<&ShapeRow> = shape.rows.iter().filter(|r| has(r, None)).collect();
            if present_rows.is_empty() {
                // Nothing of this (sub-)table was placed; S002 or the parser's notes
                // speak for it, unless the header was found (table 二).
                if table.id != TableId::T2 {
                    continue;
                }
            }
            if present_rows.len() < shape.rows.len() {
                // A row whose text the parser kept unplaced (its cells ran together,
                // or stood where their columns could not be told) was seen, not lost.
                let seen = |r: &ShapeRow| {
                    kept.iter()
                        .any(|text| r.wordings.iter().any(|w| text.contains(w.as_str())))
                };
                let (unread, lost): (Vec<&ShapeRow>, Vec<&ShapeRow>) = shape
                    .rows
                    .iter()
                    .filter(|r| !has(r, None))
                    .partition(|r| seen(r));
                let list =
                    |rows: &[&ShapeRow]| rows.iter().map(|r| r.key).collect::<Vec<_>>().join(", ");
                if !lost.is_empty() {
                    let list = list(&lost);
                    out.push(
                        Draft::new(
                            &S003,
                            format!("{}（{}版）缺少行：{list}", shape.name_zh, edition),
                            format!("{} ({} edition) lacks rows: {list}", shape.name_en, edition),
                        )
                        .span(table.location)
                        .finish(),
                    );
                }
                if !unread.is_empty() {
                    let list = list(&unread);
                    out.push(
                        Draft::new(
                            &S003,
                            format!(
                                "{}（{}版）有未能读出的行：{list}（其文字保留在未放置内容中，说明见解析备注）",
                                shape.name_zh, edition
                            ),
                            format!(
                                "{} ({} edition) has rows that could not be read: {list} (their text is kept in unplaced; the parser's notes say why)",
                                shape.name_en, edition
                            ),
                        )
                        .span(table.location)
                        .finish(),
                    );
                }
            }
            let missing_columns: Vec<&str> = shape
                .columns
                .iter()
                .enumerate()
                .filter(|&(i, _)| !present_rows.iter().any(|r| has(r, Some(i))))
                .map(|(_, &c)| c)
                .collect();
            if !missing_columns.is_empty() && !present_rows.is_empty() {
                let list = missing_columns.join(", ");
                out.push(
                    Draft::new(
                        &S003,
                        format!("{}（{}版）缺少列：{list}", shape.name_zh, edition),
                        format!(
                            "{} ({} edition) lacks columns: {list}",
                            shape.name_en, edition
                        ),
                    )
                    .span(table.location)
                    .finish(),
                );
            }
            // Rows that are there but lack some of the columns the others have.
            for row in &present_rows {
                let lacking: Vec<&str> = shape
                    .columns
                    .iter()
                    .enumerate()
                    .filter(|&(i, c)| !missing_columns.contains(c) && !has(row, Some(i)))
                    .map(|(_, &c)| c)
                    .collect();
                if lacking.is_empty() {
                    continue;
                }
                let list = lacking.join(", ");
                let row = row.key;
                let mut draft = Draft::new(
                    &S003,
                    format!(
                        "{}（{}版）的行 {row} 缺少单元格：{list}",
                        shape.name_zh, edition
                    ),
                    format!(
                        "{} ({} edition), row {row} lacks cells: {list}",
                        shape.name_en, edition
                    ),
                );
                if let Some(first) = table.cells.iter().find(|c| c.key.row() == row) {
                    draft = draft.span(first.location);
                }
                out.push(draft.finish());
            }
        }
        // Cells of rows the edition does not have.
        let foreign: BTreeSet<&str> = table
            .cells
            .iter()
            .filter(|c| !c.key.in_edition(edition))
            .map(|c| c.key.row())
            .collect();
        for row in foreign {
            let cells: Vec<_> = table.cells.iter().filter(|c| c.key.row() == row).collect();
            out.push(
                Draft::new(
                    &S003,
                    format!("{}版模板没有行 {row}", edition),
                    format!("row {row} is not in the {} edition's template", edition),
                )
                .cells(cells)
                .finish(),
            );
        }
        for unknown in report
            .unplaced
            .iter()
            .filter(|u| u.kind == UnplacedKind::UnknownRow && u.table == Some(table.id))
        {
            let text: String = unknown.text.chars().take(40).collect();
            out.push(
                Draft::new(
                    &S003,
                    format!("{}中有模板没有的行：“{text}”", table.id.title()),
                    format!(
                        "table {} has a row the template does not: “{text}”",
                        table.id
                    ),
                )
                .span(unknown.location)
                .finish(),
            );
        }
    }
}

fn check_s004(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    let Some(year) = report.meta.year else {
        return;
    };
    let edition = report
        .meta
        .edition
        .or_else(|| report.tables.iter().find_map(|t| t.edition));
    let Some(edition) = edition else {
        return;
    };
    let expected = Edition::for_year(year);
    if edition == expected {
        return;
    }
    let mut draft = Draft::new(
        &S004,
        format!("{year}年度报告应使用{expected}版表格，实为{edition}版"),
        format!("a report for {year} should use the {expected} edition of the tables, but uses the {edition} edition"),
    )
    .values(expected, edition);
    if let Some(title) = report.meta.title_location {
        draft = draft.span(title);
    }
    for t in report.tables.iter().filter(|t| t.edition == Some(edition)) {
        draft = draft.span(t.location);
    }
    out.push(draft.finish());
}

fn check_s005(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    let years: BTreeSet<u16> = report.meta.years.iter().map(|y| y.year).collect();
    if years.len() < 2 {
        return;
    }
    let said: Vec<String> = report
        .meta
        .years
        .iter()
        .map(|y| {
            let source = match y.source {
                YearSource::Title => "title",
                YearSource::Period => "period",
                YearSource::Text => "text",
            };
            format!("{source} {}", y.year)
        })
        .collect();
    let list: Vec<String> = years.iter().map(u16::to_string).collect();
    let mut draft = Draft::new(
        &S005,
        format!("报告年度前后不一：{}", list.join("、")),
        format!(
            "the report year is stated inconsistently: {}",
            said.join(", ")
        ),
    );
    if let Some(year) = report.meta.year {
        draft = draft.actual(year);
    }
    for y in &report.meta.years {
        draft = draft.span(y.location);
    }
    out.push(draft.finish());
}

fn check_s006(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    // Sorting is stable, so picking the text cells first keeps their order.
    let mut cells: Vec<_> = report
        .cells()
        .filter(|c| matches!(c.value, Value::Text { .. }))
        .collect();
    cells.sort_by_key(|c| c.key);
    for cell in cells {
        let Value::Text { text } = &cell.value else {
            continue;
        };
        let key: CellKey = cell.key;
        out.push(
            Draft::new(
                &S006,
                format!("{key}：应为数字，实为文字“{text}”"),
                format!("{key}: should hold a number, holds the text “{text}”"),
            )
            .cell(cell)
            .actual(text)
            .finish(),
        );
    }
}
