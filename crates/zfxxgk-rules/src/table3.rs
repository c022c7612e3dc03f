//! Table 三 (依申请公开): T301–T305. T305 needs last year's report; see `series.rs`.

use zfxxgk_model::{
    Cell, CellKey, Decimal, Edition, Finding, Report, Severity, Table, TableId, Template, Value,
    T3_COLUMNS,
};

use crate::finding::{key, Draft};
use crate::rule::Builtin;
use crate::sum::{blank_notes, blanks_counted, one, sum, Sum};

pub(crate) const T301: Builtin = Builtin {
    id: "T301",
    severity: Severity::Error,
    zh: "表三每行：总计 = 自然人 + 法人或其他组织五列之和",
    en: "table 三, each row: 总计 = 自然人 + the five 法人或其他组织 columns",
    check: check_t301,
};
pub(crate) const T302: Builtin = Builtin {
    id: "T302",
    severity: Severity::Error,
    zh: "表三每列：（七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）",
    en: "table 三, each column: （七）总计 = （一） + （二） + Σ（三）1–8 + Σ（四）1–3 + Σ（五）1–5 + （六）",
    check: check_t302,
};
pub(crate) const T303: Builtin = Builtin {
    id: "T303",
    severity: Severity::Error,
    zh: "表三每列勾稽关系：一 + 二 = 三（七）总计 + 四",
    en: "table 三, each column (the template's 勾稽关系): 一 + 二 = 三（七）总计 + 四",
    check: check_t303,
};
pub(crate) const T304: Builtin = Builtin {
    id: "T304",
    severity: Severity::Error,
    zh: "表三每个数都是非负整数",
    en: "table 三: every count is a non-negative integer",
    check: check_t304,
};
pub(crate) const T305: Builtin = Builtin {
    id: "T305",
    severity: Severity::Warning,
    zh: "二、上年结转 = 同一机关上一年报告的 四、结转下年度（需两年报告，批量模式）",
    en: "二、上年结转 equals last year's 四、结转下年度 for the same body (needs both years' reports; batch mode)",
    check: check_t305,
};

pub(crate) const RULES: &[Builtin] = &[T301, T302, T303, T304, T305];

/// The columns that add up to 总计.
fn part_columns() -> impl Iterator<Item = &'static str> {
    T3_COLUMNS.iter().map(|c| c.key).filter(|&c| c != "total")
}

/// The rows of 三、本年度办理结果 that add up to （七）总计, as the table has them:
/// （六）其他处理 is one row in the 2019 edition and three in the 2021 edition.
fn result_rows(table: &Table) -> Vec<&'static str> {
    let has_single_other = table.cells.iter().any(|c| c.key.row() == "other");
    let edition = if has_single_other {
        Edition::V2019
    } else {
        Edition::V2021
    };
    Template::of(edition)
        .t3_rows
        .iter()
        .map(|r| r.key)
        .filter(|&r| {
            !matches!(
                r,
                "new_received" | "carried_over" | "results_total" | "carried_forward"
            )
        })
        .collect()
}

/// The rows the table has, in key order.
fn rows_present(table: &Table) -> Vec<&'static str> {
    let mut keys: Vec<CellKey> = table.cells.iter().map(|c| c.key).collect();
    keys.sort();
    let mut rows: Vec<&'static str> = Vec::new();
    for k in keys {
        if k.table() == TableId::T3 && !rows.contains(&k.row()) {
            rows.push(k.row());
        }
    }
    rows
}

/// The template's label of a table 三 row (`（一）予以公开`, `（三）不予公开 1.属于国家秘密`).
pub(crate) fn row_label(row: &str) -> String {
    for e in [Edition::V2021, Edition::V2019] {
        if let Some(def) = Template::of(e).t3_rows.iter().find(|r| r.key == row) {
            let label = def.label.split('（').next().unwrap_or(def.label);
            return match def.group {
                Some(group) if def.number.ends_with('.') => {
                    format!("{group} {}{label}", def.number)
                }
                _ => format!("{}{label}", def.number),
            };
        }
    }
    row.to_owned()
}

/// The template's label of a table 三 column (`自然人`, `商业企业`, `总计`).
pub(crate) fn column_label(column: &str) -> &'static str {
    T3_COLUMNS
        .iter()
        .find(|c| c.key == column)
        .map_or("", |c| c.label)
}

fn t3(row: &str, column: &str) -> String {
    format!("t3.{row}.{column}")
}

/// One equation `total = Σ parts` that could be computed.
struct Equation<'r> {
    /// The row (T301) or column (T302) it is about.
    line: &'static str,
    total: Sum<'r>,
    parts: Sum<'r>,
}

impl Equation<'_> {
    /// `total − Σ parts`.
    fn diff(&self) -> Decimal {
        self.total.value - self.parts.value
    }

    fn fails(&self) -> bool {
        !self.diff().is_zero()
    }
}

/// T301's equations: one per row the table has.
fn row_equations(report: &Report) -> Vec<Equation<'_>> {
    let Some(table) = report.table(TableId::T3) else {
        return Vec::new();
    };
    rows_present(table)
        .into_iter()
        .filter_map(|row| {
            Some(Equation {
                line: row,
                total: one(report, &t3(row, "total"))?,
                parts: sum(report, part_columns().map(|c| t3(row, c)))?,
            })
        })
        .collect()
}

/// T302's equations: one per column.
fn column_equations(report: &Report) -> Vec<Equation<'_>> {
    let Some(table) = report.table(TableId::T3) else {
        return Vec::new();
    };
    let rows = result_rows(table);
    T3_COLUMNS
        .iter()
        .filter_map(|c| {
            Some(Equation {
                line: c.key,
                total: one(report, &t3("results_total", c.key))?,
                parts: sum(report, rows.iter().map(|r| t3(r, c.key)))?,
            })
        })
        .collect()
}

/// The cell where a failing row and a failing column cross, when exactly one failing
/// equation of the other direction fails by the same amount.
fn crossing(
    report: &Report,
    failing: &Equation<'_>,
    others: &[Equation<'_>],
    row_of: impl Fn(&str, &str) -> (String, String),
) -> Option<CellKey> {
    let amount = failing.diff().abs();
    let mut matches = others
        .iter()
        .filter(|o| o.fails() && o.diff().abs() == amount);
    let other = matches.next()?;
    if matches.next().is_some() {
        return None;
    }
    let (row, column) = row_of(failing.line, other.line);
    let k = key(&t3(&row, &column))?;
    // The cell must be part of both equations.
    let in_row = failing.total.cells.iter().chain(&failing.parts.cells);
    let in_both = in_row.clone().any(|c| c.key == k)
        && other
            .total
            .cells
            .iter()
            .chain(&other.parts.cells)
            .any(|c| c.key == k);
    (in_both && report.cell(k).is_some()).then_some(k)
}

fn culprit_notes(draft: Draft, culprit: Option<CellKey>) -> (Draft, String, String) {
    match culprit {
        Some(k) => (
            draft.culprit(k),
            format!("；所在行与所在列相差同一数额，疑为笔误：{k}"),
            format!("; its row and column are off by the same amount: likely typo in {k}"),
        ),
        None => (draft, String::new(), String::new()),
    }
}

fn first_cells(culprit: Option<CellKey>, report: &Report) -> Vec<&Cell> {
    culprit.and_then(|k| report.cell(k)).into_iter().collect()
}

/// The finding of a failed row or column equation of table 三, naming the culprit where
/// a row and a column fail by the same amount.
fn equation_finding(
    report: &Report,
    rule: &'static Builtin,
    eq: &Equation<'_>,
    culprit: Option<CellKey>,
) -> (Finding, String, String) {
    let draft = Draft::new(rule, String::new(), String::new());
    let (draft, zh_tail, en_tail) = culprit_notes(draft, culprit);
    let draft = draft
        .cells(first_cells(culprit, report))
        .cells(eq.total.cells.iter().copied())
        .cells(eq.parts.cells.iter().copied())
        .values(eq.parts.value, eq.total.value);
    (
        blank_notes(draft, &eq.total, &eq.parts).finish(),
        zh_tail,
        en_tail,
    )
}

fn check_t301(report: &Report, out: &mut Vec<Finding>) {
    let rows = row_equations(report);
    let columns = column_equations(report);
    for eq in rows.iter().filter(|e| e.fails()) {
        let culprit = crossing(report, eq, &columns, |row, column| {
            (row.to_owned(), column.to_owned())
        });
        let label = row_label(eq.line);
        let (mut f, zh_tail, en_tail) = equation_finding(report, &T301, eq, culprit);
        f.message_zh = format!("{label}：总计 ≠ 自然人 + 法人或其他组织{zh_tail}");
        f.message_en = format!(
            "row {label} ({}): 总计 (total) ≠ 自然人 + 法人或其他组织 (the six applicant columns){en_tail}",
            eq.line
        );
        out.push(f);
    }
}

fn check_t302(report: &Report, out: &mut Vec<Finding>) {
    let rows = row_equations(report);
    let columns = column_equations(report);
    for eq in columns.iter().filter(|e| e.fails()) {
        let culprit = crossing(report, eq, &rows, |column, row| {
            (row.to_owned(), column.to_owned())
        });
        let label = column_label(eq.line);
        let (mut f, zh_tail, en_tail) = equation_finding(report, &T302, eq, culprit);
        f.message_zh = format!("“{label}”列：（七）总计 ≠ （一）至（六）各项之和{zh_tail}");
        f.message_en = format!(
            "column {label} ({}): （七）总计 (results total) ≠ the sum of （一） to （六）{en_tail}",
            eq.line
        );
        out.push(f);
    }
}

fn check_t303(report: &Report, out: &mut Vec<Finding>) {
    if report.table(TableId::T3).is_none() {
        return;
    }
    let columns = column_equations(report);
    for c in T3_COLUMNS {
        let (Some(received), Some(answered)) = (
            sum(
                report,
                [t3("new_received", c.key), t3("carried_over", c.key)],
            ),
            sum(
                report,
                [t3("results_total", c.key), t3("carried_forward", c.key)],
            ),
        ) else {
            continue;
        };
        if received.value == answered.value {
            continue;
        }
        let label = c.label;
        let mut draft = Draft::new(
            &T303,
            format!("“{label}”列：一 + 二 ≠ 三（七）总计 + 四（本列勾稽关系：第一项加第二项之和，等于第三项加第四项之和）"),
            format!(
                "column {label} ({}): 一 + 二 (received) ≠ 三（七）总计 + 四 (answered + carried forward), the template's 勾稽关系",
                c.key
            ),
        )
        .cells(received.cells.iter().copied())
        .cells(answered.cells.iter().copied())
        .values(received.value, answered.value);
        draft = blanks_counted(draft, received.blanks() + answered.blanks());
        if let Some(eq) = columns.iter().find(|e| e.line == c.key) {
            let total_blank = eq.total.blanks() == 1;
            if total_blank && eq.parts.blanks() < eq.parts.cells.len() && !eq.parts.value.is_zero()
            {
                let k = t3("results_total", c.key);
                draft = draft.note(
                    &format!("{k} 为空白，按其各项之和应为 {}", eq.parts.value),
                    &format!(
                        "{k} is blank; from its parts it should be {}",
                        eq.parts.value
                    ),
                );
            }
        }
        out.push(draft.finish());
    }
}

/// Counts must be non-negative integers (T304 for table 三, T404 for table 四).
pub(crate) fn non_negative_integers(
    rule: &Builtin,
    report: &Report,
    table: TableId,
    out: &mut Vec<Finding>,
) {
    let Some(t) = report.table(table) else {
        return;
    };
    for cell in &t.cells {
        let Value::Number(n) = &cell.value else {
            continue;
        };
        let (zh, en) = if !n.is_integer() {
            ("不是整数", "is not an integer")
        } else if n.value.is_sign_negative() && !n.value.is_zero() {
            ("是负数", "is negative")
        } else {
            continue;
        };
        out.push(
            Draft::new(
                rule,
                format!("{}：件数{zh}（应为非负整数）", cell.key),
                format!(
                    "{}: a count {en} (must be a non-negative integer)",
                    cell.key
                ),
            )
            .cell(cell)
            .actual(n.value)
            .finish(),
        );
    }
}

fn check_t304(report: &Report, out: &mut Vec<Finding>) {
    non_negative_integers(&T304, report, TableId::T3, out);
}

/// T305 compares two reports; on one report alone there is nothing to check.
fn check_t305(_report: &Report, _out: &mut Vec<Finding>) {}
