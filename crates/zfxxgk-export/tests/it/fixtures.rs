//! Hand-built reports: one of the 2019 edition, one of the 2021 edition, with blank,
//! text and decimal cells with units.

use std::str::FromStr;

use zfxxgk_model::{
    Block, BlockKind, Cell, CellKey, Decimal, Edition, Finding, Location, Meta, Number, Place,
    Placement, Report, RuleId, Section, SectionKey, Severity, Table, TableId, Text, Value,
};

/// What a cell holds, in a short form for the fixtures.
pub enum V {
    /// A number: value, unit, and the text as written.
    N(&'static str, Option<&'static str>, &'static str),
    /// Blank, as written.
    B(&'static str),
    /// Text.
    T(&'static str),
}

fn location(line: u32, column: u32) -> Location {
    let start = (line as usize) * 100 + column as usize;
    Location {
        start,
        end: start + 2,
        line,
        column,
    }
}

fn cell(key: &str, v: V, line: u32, column: u32) -> Cell {
    let key = CellKey::from_str(key).unwrap_or_else(|e| panic!("fixture key: {e}"));
    let (value, raw) = match v {
        V::N(n, unit, raw) => (
            Value::Number(Number {
                value: Decimal::from_str(n).unwrap_or_else(|e| panic!("fixture {n}: {e}")),
                unit: unit.map(str::to_owned),
            }),
            raw.to_owned(),
        ),
        V::B(raw) => (Value::Blank, raw.to_owned()),
        V::T(text) => (
            Value::Text {
                text: text.to_owned(),
            },
            text.to_owned(),
        ),
    };
    Cell {
        key,
        value,
        raw,
        location: location(line, column),
        placement: Placement::Label,
    }
}

fn table(id: TableId, edition: Edition, first_line: u32, cells: Vec<(&str, V)>) -> Table {
    let mut cells: Vec<Cell> = cells
        .into_iter()
        .enumerate()
        .map(|(i, (k, v))| {
            let i = u32::try_from(i).unwrap_or(0);
            cell(k, v, first_line + i / 4, 1 + (i % 4) * 6)
        })
        .collect();
    cells.sort_by_key(|c| c.key);
    let last = cells.last().map(|c| c.location.line).unwrap_or(first_line);
    Table {
        id,
        edition: Some(edition),
        location: Location {
            start: first_line as usize * 100,
            end: last as usize * 100 + 50,
            line: first_line,
            column: 1,
        },
        items: if id == TableId::T2 {
            vec![1, 5, 6, 8]
        } else {
            vec![]
        },
        cells,
    }
}

fn section(key: SectionKey, line: u32, text: &str) -> Section {
    Section {
        key,
        heading: format!("{}、{}", key.numeral(), key.title()),
        location: location(line, 1),
        body: Location {
            start: line as usize * 100 + 40,
            end: line as usize * 100 + 40 + text.len(),
            line: line + 1,
            column: 1,
        },
        text: text.to_owned(),
    }
}

/// A 2019-edition report with a full-width digit, a thousands separator, a negative
/// change, an amount in 元, blanks, and a text cell with a comma and quotes. It has no
/// table 四.
pub fn report_2019() -> Report {
    use V::*;
    Report {
        meta: Meta {
            title: Some("某某市民政局2019年政府信息公开工作年度报告".to_owned()),
            title_location: Some(location(1, 1)),
            body: Some("某某市民政局".to_owned()),
            year: Some(2019),
            years: vec![],
            edition: Some(Edition::V2019),
            encoding: Some("GBK".to_owned()),
        },
        sections: vec![
            section(SectionKey::S1, 3, "本机关认真贯彻落实《条例》。"),
            section(SectionKey::S2, 10, ""),
        ],
        tables: vec![
            table(
                TableId::T2,
                Edition::V2019,
                12,
                vec![
                    ("t2.regulations.made", N("1", None, "1")),
                    ("t2.regulations.published", N("1", None, "1")),
                    ("t2.regulations.published_total", N("12", None, "12")),
                    ("t2.normative_documents.made", B("-")),
                    ("t2.normative_documents.published", B("")),
                    ("t2.fees.items_last_year", N("3", None, "3")),
                    ("t2.fees.items_change", N("-1", None, "-1")),
                    ("t2.procurement.items", N("5", None, "5")),
                    (
                        "t2.procurement.amount",
                        N("81284.86", Some("元"), "81284.86元"),
                    ),
                ],
            ),
            table(
                TableId::T3,
                Edition::V2019,
                30,
                vec![
                    ("t3.new_received.natural_person", N("10", None, "10")),
                    ("t3.new_received.commercial", N("2", None, "2")),
                    ("t3.new_received.research", B("—")),
                    ("t3.new_received.total", N("12", None, "12")),
                    ("t3.carried_over.total", N("0", None, "0")),
                    ("t3.granted.natural_person", N("7", None, "７")),
                    ("t3.granted.total", N("7", None, "７")),
                    ("t3.withheld.third_party.total", N("1", None, "1")),
                    ("t3.other.total", T("见说明, \"附件\"")),
                    ("t3.results_total.total", N("1234", None, "1,234")),
                ],
            ),
        ],
        facts: vec![],
        unplaced: vec![],
        notes: vec![],
        blocks: vec![
            Block {
                kind: BlockKind::Heading,
                location: location(1, 1),
            },
            Block {
                kind: BlockKind::Table,
                location: location(12, 1),
            },
        ],
    }
}

/// A 2021-edition report (for 2022) with an amount in 万元, text in the split
/// （六）其他处理 rows and in table 四, and a blank carried-forward cell.
pub fn report_2021() -> Report {
    use V::*;
    Report {
        meta: Meta {
            title: None,
            title_location: None,
            body: Some("某某区人民政府办公室".to_owned()),
            year: Some(2022),
            years: vec![],
            edition: Some(Edition::V2021),
            encoding: Some("UTF-8".to_owned()),
        },
        sections: vec![section(SectionKey::S1, 2, "<b>总体</b> & 情况")],
        tables: vec![
            table(
                TableId::T2,
                Edition::V2021,
                8,
                vec![
                    ("t2.regulations.issued", N("2", None, "2")),
                    ("t2.regulations.repealed", N("0", None, "0")),
                    ("t2.regulations.in_force", N("15", None, "15")),
                    ("t2.licensing.decisions", N("130", None, "130")),
                    ("t2.fees.amount_10k_yuan", N("3.2", Some("万元"), "3.2万元")),
                ],
            ),
            table(
                TableId::T3,
                Edition::V2021,
                20,
                vec![
                    ("t3.new_received.natural_person", N("5", None, "5")),
                    ("t3.new_received.total", N("5", None, "5")),
                    ("t3.other.no_correction.total", N("1", None, "1")),
                    ("t3.other.other.total", T("另行答复")),
                    ("t3.results_total.total", N("6", None, "6")),
                    ("t3.carried_forward.total", B("/")),
                ],
            ),
            table(
                TableId::T4,
                Edition::V2021,
                40,
                vec![
                    ("t4.review.upheld", N("1", None, "1")),
                    ("t4.review.corrected", N("0", None, "0")),
                    ("t4.review.other", B("")),
                    ("t4.review.pending", N("0", None, "0")),
                    ("t4.review.total", N("1", None, "1")),
                    ("t4.litigation_direct.total", T("详见<附表>")),
                ],
            ),
        ],
        facts: vec![],
        unplaced: vec![],
        notes: vec![],
        blocks: vec![],
    }
}

/// Both fixtures with their source names.
pub fn reports() -> Vec<(&'static str, Report)> {
    vec![("2019.txt", report_2019()), ("2021.txt", report_2021())]
}

/// [`findings`] as `write_findings_json` writes them, each of report `r.txt`, read back.
pub fn findings_json() -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let findings = findings();
    let mut out = Vec::new();
    zfxxgk_export::write_findings_json(
        &mut out,
        findings.iter().map(|f| ("r.txt", f)),
        zfxxgk_export::JsonStyle::Compact,
    )?;
    Ok(serde_json::from_slice(&out)?)
}

/// Two findings: one with expected/actual and places, one with neither.
pub fn findings() -> Vec<Finding> {
    let key = |k: &str| CellKey::from_str(k).unwrap_or_else(|e| panic!("fixture key: {e}"));
    vec![
        Finding {
            rule: RuleId::T301,
            severity: Severity::Error,
            message: Text::new(
                "总计 ≠ 自然人 + 法人或其他组织（应为 12，实为 13）",
                "total ≠ natural persons + organisations (expected 12, found 13)",
            ),
            places: vec![
                Place::cell(
                    key("t3.new_received.natural_person"),
                    "9",
                    Some(location(48, 32)),
                ),
                Place::cell(key("t3.new_received.total"), "13", Some(location(48, 40))),
                Place::at(location(50, 1)),
            ],
            expected: Some("12".to_owned()),
            actual: Some("13".to_owned()),
            culprit: Some(key("t3.new_received.total")),
            notes: vec![Text::new("空白按0计", "blank counted as 0")],
        },
        Finding {
            rule: RuleId::S004,
            severity: Severity::Warning,
            message: Text::new(
                "2021年及以后的报告使用了2019年版表格",
                "a report for 2021 or later uses the 2019 tables, \"old\" style",
            ),
            places: vec![],
            expected: None,
            actual: None,
            culprit: None,
            notes: vec![],
        },
    ]
}
