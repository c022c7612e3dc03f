//! Table 三 (依申请公开): T301–T305. T305 needs last year's report; see `series.rs`.

use std::sync::LazyLock;

use zfxxgk_model::{
    CellKey, ColumnDef, Decimal, Edition, Finding, PerEdition, Report, RuleId, Severity, T3Column,
    T3Row, TableId, Template, Value, T3_COLUMNS,
};

use crate::context::{Cells, Context};
use crate::finding::Draft;
use crate::keys::keys;
use crate::rule::Builtin;
use crate::sum::{blank_notes, blanks_counted, sum, Sum};

pub(crate) const T301: Builtin = Builtin {
    id: RuleId::T301,
    severity: Severity::Error,
    zh: "表三每行：总计 = 自然人 + 法人或其他组织五列之和",
    en: "table 三, each row: 总计 = 自然人 + the five 法人或其他组织 columns",
    check: check_t301,
};
pub(crate) const T302: Builtin = Builtin {
    id: RuleId::T302,
    severity: Severity::Error,
    zh: "表三每列：（七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）",
    en: "table 三, each column: （七）总计 = （一） + （二） + Σ（三）1–8 + Σ（四）1–3 + Σ（五）1–5 + （六）",
    check: check_t302,
};
pub(crate) const T303: Builtin = Builtin {
    id: RuleId::T303,
    severity: Severity::Error,
    zh: "表三每列勾稽关系：一 + 二 = 三（七）总计 + 四",
    en: "table 三, each column (the template's 勾稽关系): 一 + 二 = 三（七）总计 + 四",
    check: check_t303,
};
pub(crate) const T304: Builtin = Builtin {
    id: RuleId::T304,
    severity: Severity::Error,
    zh: "表三每个数都是非负整数",
    en: "table 三: every count is a non-negative integer",
    check: check_t304,
};
pub(crate) const T305: Builtin = Builtin {
    id: RuleId::T305,
    severity: Severity::Warning,
    zh: "二、上年结转 = 同一机关上一年报告的 四、结转下年度（需两年报告，批量模式）",
    en: "二、上年结转 equals last year's 四、结转下年度 for the same body (needs both years' reports; batch mode)",
    check: check_t305,
};

pub(crate) const RULES: &[Builtin] = &[T301, T302, T303, T304, T305];

/// The columns that add up to 总计.
fn part_columns() -> impl Iterator<Item = &'static str> {
    T3_COLUMNS
        .iter()
        .map(|c| c.key)
        .filter(|&c| c != T3Column::TOTAL.as_str())
}

/// The rows of 三、本年度办理结果 that add up to （七）总计 in an edition's template:
/// （六）其他处理 is one row in the 2019 edition and three in the 2021 edition.
fn result_rows(edition: Edition) -> impl Iterator<Item = &'static str> {
    Template::of(edition)
        .t3_rows
        .iter()
        .map(|r| r.key)
        .filter(|&r| T3Row::adds_to_results_total(r))
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

/// An equation `total = Σ parts` of table 三, its keys resolved once per process.
pub(crate) struct EquationDef {
    /// The row (T301) or column (T302) it is about.
    line: &'static str,
    total: Vec<CellKey>,
    parts: Vec<CellKey>,
}

impl EquationDef {
    /// The equation of `line`, its cells given as rows and columns; `None` if one is
    /// in no edition.
    fn new(
        line: &'static str,
        total: (&'static str, &'static str),
        parts: impl IntoIterator<Item = (&'static str, &'static str)>,
    ) -> Option<EquationDef> {
        Some(EquationDef {
            line,
            total: keys(TableId::T3, [total])?,
            parts: keys(TableId::T3, parts)?,
        })
    }

    /// The equation over a report's cells, if the report has them all, as numbers or
    /// blanks.
    fn eval<'a>(&'a self, cells: &'a Cells<'a>) -> Option<Equation<'a>> {
        Some(Equation {
            line: self.line,
            total: sum(cells, &self.total)?,
            parts: sum(cells, &self.parts)?,
        })
    }
}

/// T301's equations: one per row of either edition, in key order.
pub(crate) static ROW_EQUATIONS: LazyLock<Vec<EquationDef>> = LazyLock::new(|| {
    let mut rows: Vec<&'static str> = Vec::new();
    for k in CellKey::all().filter(|k| k.table() == TableId::T3) {
        if !rows.contains(&k.row()) {
            rows.push(k.row());
        }
    }
    rows.into_iter()
        .filter_map(|row| {
            EquationDef::new(
                row,
                (row, T3Column::TOTAL.as_str()),
                part_columns().map(|c| (row, c)),
            )
        })
        .collect()
});

/// T302's equations: one per column, over each edition's result rows.
pub(crate) static COLUMN_EQUATIONS: LazyLock<PerEdition<Vec<EquationDef>>> = LazyLock::new(|| {
    PerEdition::from_fn(|edition| {
        T3_COLUMNS
            .iter()
            .filter_map(|c| {
                EquationDef::new(
                    c.key,
                    (T3Row::RESULTS_TOTAL.as_str(), c.key),
                    result_rows(edition).map(|r| (r, c.key)),
                )
            })
            .collect()
    })
});

/// One equation `total = Σ parts` that could be computed.
struct Equation<'a> {
    /// The row (T301) or column (T302) it is about.
    line: &'static str,
    total: Sum<'a>,
    parts: Sum<'a>,
}

impl<'a> Equation<'a> {
    /// `total − Σ parts`.
    fn diff(&self) -> Decimal {
        self.total.value - self.parts.value
    }

    fn fails(&self) -> bool {
        !self.diff().is_zero()
    }

    /// The keys of its cells: the total's, then the parts'.
    fn keys(&self) -> impl Iterator<Item = &'a CellKey> {
        self.total.keys().iter().chain(self.parts.keys())
    }
}

/// T301's equations: one per row the table has (a row's equation needs its cells).
fn row_equations<'a>(cx: &'a Context<'_>) -> Vec<Equation<'a>> {
    if cx.report.table(TableId::T3).is_none() {
        return Vec::new();
    }
    let cells = cx.cells();
    ROW_EQUATIONS.iter().filter_map(|e| e.eval(cells)).collect()
}

/// T302's equations: one per column, over the result rows of the table's edition (one
/// row （六）其他处理 or three).
fn column_equations<'a>(cx: &'a Context<'_>) -> Vec<Equation<'a>> {
    if cx.report.table(TableId::T3).is_none() {
        return Vec::new();
    }
    let cells = cx.cells();
    COLUMN_EQUATIONS
        .get(cx.report.edition_of(TableId::T3))
        .iter()
        .filter_map(|e| e.eval(cells))
        .collect()
}

/// The cell where a failing row and a failing column cross, when exactly one failing
/// equation of the other direction fails by the same amount.
fn crossing(failing: &Equation<'_>, others: &[Equation<'_>]) -> Option<CellKey> {
    let amount = failing.diff().abs();
    let mut matches = others
        .iter()
        .filter(|o| o.fails() && o.diff().abs() == amount);
    let other = matches.next()?;
    if matches.next().is_some() {
        return None;
    }
    // A row's cells and a column's share at most one: where they cross, if both
    // equations count it. Both were computed, so the report has it.
    failing
        .keys()
        .find(|&k| other.keys().any(|o| o == k))
        .copied()
}

/// The column's （七）总计 when its T302 sum and its T303 balance both fail and one
/// change to that cell would mend both, as a （七）总计 off by `d` makes them: T302's
/// total − parts is `d`, T303's received − answered is −`d`.
fn results_total_culprit(cells: &Cells<'_>, t302: &Equation<'_>) -> Option<CellKey> {
    let b = BALANCES.iter().find(|b| b.column.key == t302.line)?;
    let balance = sum(cells, &b.received)?.value - sum(cells, &b.answered)?.value;
    let [total] = t302.total.keys() else {
        return None;
    };
    (t302.fails() && balance == -t302.diff()).then_some(*total)
}

/// Why a cell is named a finding's culprit: a row and a column fail by the same
/// amount where they cross, or a column's sum and its balance fail as its
/// （七）总计 would make them.
#[derive(Clone, Copy)]
enum Culprit {
    Crossing(CellKey),
    ResultsTotal(CellKey),
}

/// The culprit's key, and what the message says of it (Chinese, English).
fn culprit_tails(culprit: Option<Culprit>) -> (Option<CellKey>, String, String) {
    match culprit {
        Some(Culprit::Crossing(k)) => (
            Some(k),
            format!("；所在行与所在列相差同一数额，疑为笔误：{k}"),
            format!("; its row and column are off by the same amount: likely typo in {k}"),
        ),
        Some(Culprit::ResultsTotal(k)) => (
            Some(k),
            format!("；本列各项之和与勾稽关系相差同一数额，疑为（七）总计有误：{k}"),
            format!("; its column's sum and its balance (一 + 二 = 三 + 四) are off by the same amount: likely a wrong results total in {k}"),
        ),
        None => (None, String::new(), String::new()),
    }
}

/// Names `culprit` first among a finding's cells and as its culprit.
fn with_culprit(draft: Draft, cells: &Cells<'_>, culprit: Option<CellKey>) -> Draft {
    match culprit {
        Some(k) => draft.culprit(k).cells(cells.get(k)),
        None => draft,
    }
}

/// The finding of a failed row or column equation of table 三, naming the culprit where
/// a row and a column fail by the same amount.
fn equation_finding(
    cx: &Context<'_>,
    rule: &'static Builtin,
    eq: &Equation<'_>,
    culprit: Option<Culprit>,
) -> (Finding, String, String) {
    let (key, zh_tail, en_tail) = culprit_tails(culprit);
    let draft = Draft::new(rule, String::new(), String::new());
    let draft = with_culprit(draft, cx.cells(), key)
        .cells(eq.total.cells())
        .cells(eq.parts.cells())
        .values(eq.parts.value, eq.total.value);
    (
        blank_notes(draft, &eq.total, &eq.parts).finish(),
        zh_tail,
        en_tail,
    )
}

fn check_t301(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let rows = row_equations(cx);
    if !rows.iter().any(Equation::fails) {
        return;
    }
    let columns = column_equations(cx);
    for eq in rows.iter().filter(|e| e.fails()) {
        let culprit = crossing(eq, &columns).map(Culprit::Crossing);
        let label = row_label(eq.line);
        let (mut f, zh_tail, en_tail) = equation_finding(cx, &T301, eq, culprit);
        f.message.zh = format!("{label}：总计 ≠ 自然人 + 法人或其他组织{zh_tail}");
        f.message.en = format!(
            "row {label} ({}): 总计 (total) ≠ 自然人 + 法人或其他组织 (the six applicant columns){en_tail}",
            eq.line
        );
        out.push(f);
    }
}

fn check_t302(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let columns = column_equations(cx);
    if !columns.iter().any(Equation::fails) {
        return;
    }
    let rows = row_equations(cx);
    for eq in columns.iter().filter(|e| e.fails()) {
        let culprit = crossing(eq, &rows)
            .map(Culprit::Crossing)
            .or_else(|| results_total_culprit(cx.cells(), eq).map(Culprit::ResultsTotal));
        let label = column_label(eq.line);
        let (mut f, zh_tail, en_tail) = equation_finding(cx, &T302, eq, culprit);
        f.message.zh = format!("“{label}”列：（七）总计 ≠ （一）至（六）各项之和{zh_tail}");
        f.message.en = format!(
            "column {label} ({}): （七）总计 (results total) ≠ the sum of （一） to （六）{en_tail}",
            eq.line
        );
        out.push(f);
    }
}

/// T303's balance of one column: 一 + 二 (received) against 三（七）总计 + 四 (answered
/// and carried forward), its keys resolved once per process.
pub(crate) struct BalanceDef {
    column: &'static ColumnDef,
    received: Vec<CellKey>,
    answered: Vec<CellKey>,
}

pub(crate) static BALANCES: LazyLock<Vec<BalanceDef>> = LazyLock::new(|| {
    T3_COLUMNS
        .iter()
        .filter_map(|c| {
            Some(BalanceDef {
                column: c,
                received: keys(
                    TableId::T3,
                    [T3Row::NEW_RECEIVED, T3Row::CARRIED_OVER].map(|r| (r.as_str(), c.key)),
                )?,
                answered: keys(
                    TableId::T3,
                    [T3Row::RESULTS_TOTAL, T3Row::CARRIED_FORWARD].map(|r| (r.as_str(), c.key)),
                )?,
            })
        })
        .collect()
});

fn check_t303(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.report.table(TableId::T3).is_none() {
        return;
    }
    let cells = cx.cells();
    // T302's equations, for the note on a blank total; computed once a column fails.
    let mut columns: Option<Vec<Equation<'_>>> = None;
    for b in BALANCES.iter() {
        let c = b.column;
        let (Some(received), Some(answered)) = (sum(cells, &b.received), sum(cells, &b.answered))
        else {
            continue;
        };
        if received.value == answered.value {
            continue;
        }
        let columns = columns.get_or_insert_with(|| column_equations(cx));
        let eq = columns.iter().find(|e| e.line == c.key);
        let culprit = eq.and_then(|eq| results_total_culprit(cells, eq));
        let (key, zh_tail, en_tail) = culprit_tails(culprit.map(Culprit::ResultsTotal));
        let label = c.label;
        let draft = Draft::new(
                &T303,
                format!("“{label}”列：一 + 二 ≠ 三（七）总计 + 四（本列勾稽关系：第一项加第二项之和，等于第三项加第四项之和）{zh_tail}"),
                format!(
                    "column {label} ({}): 一 + 二 (received) ≠ 三（七）总计 + 四 (answered + carried forward), the template's 勾稽关系{en_tail}",
                    c.key
                ),
            );
        let mut draft = with_culprit(draft, cells, key)
            .cells(received.cells())
            .cells(answered.cells())
            .values(received.value, answered.value);
        draft = blanks_counted(draft, received.blanks() + answered.blanks());
        if let Some((eq, [k])) = eq.map(|eq| (eq, eq.total.keys())) {
            if eq.total.blanks() == 1
                && eq.parts.blanks() < eq.parts.keys().len()
                && !eq.parts.value.is_zero()
            {
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

fn check_t304(cx: &Context<'_>, out: &mut Vec<Finding>) {
    non_negative_integers(&T304, cx.report, TableId::T3, out);
}

/// T305 compares two reports; on one report alone there is nothing to check.
fn check_t305(_cx: &Context<'_>, _out: &mut Vec<Finding>) {}
