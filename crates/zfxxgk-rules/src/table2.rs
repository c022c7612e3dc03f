//! Table 二 (主动公开): T201–T203.

use std::sync::LazyLock;

use zfxxgk_model::{CellKey, Edition, Finding, RuleId, Severity, T2Column, T2Row, TableId, Value};

use crate::context::Context;
use crate::finding::Draft;
use crate::rule::Builtin;
use crate::sum::value;

pub(crate) const T201: Builtin = Builtin {
    id: RuleId::T201,
    severity: Severity::Error,
    zh: "表二件数为整数，除“本年增/减”外不为负",
    en: "table 二: counts are integers, non-negative except 本年增/减",
    check: check_t201,
};
pub(crate) const T202: Builtin = Builtin {
    id: RuleId::T202,
    severity: Severity::Warning,
    zh: "2019版：对外公开总数量 ≥ 本年新公开数量；2021版：现行有效件数 ≥ 0",
    en: "2019 edition: 对外公开总数量 ≥ 本年新公开数量; 2021 edition: 现行有效件数 ≥ 0",
    check: check_t202,
};
pub(crate) const T203: Builtin = Builtin {
    id: RuleId::T203,
    severity: Severity::Info,
    zh: "金额未写单位且表头也未写明（采购总金额按元、本年收费金额按万元理解）",
    en: "an amount carries no unit and its header states none (元 is assumed for 采购总金额, 万元 for 本年收费金额)",
    check: check_t203,
};

pub(crate) const RULES: &[Builtin] = &[T201, T202, T203];

fn check_t201(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(table) = cx.report.table(TableId::T2) else {
        return;
    };
    for cell in &table.cells {
        let Value::Number(n) = &cell.value else {
            continue;
        };
        let column = cell.key.column();
        let negative = n.value.is_sign_negative() && !n.value.is_zero();
        let (zh, en) = if cell.key.is_amount() {
            if !negative {
                continue;
            }
            ("金额为负数", "an amount is negative")
        } else if !n.is_integer() {
            ("件数不是整数", "a count is not an integer")
        } else if negative && column != T2Column::ITEMS_CHANGE.as_str() {
            ("件数为负数", "a count is negative")
        } else {
            continue;
        };
        out.push(
            Draft::new(
                &T201,
                format!("{}：{zh}", cell.key),
                format!("{}: {en}", cell.key),
            )
            .cell(cell)
            .actual(n.value)
            .finish(),
        );
    }
}

/// The cells of T202, for each of its rows: 对外公开总数量 and 本年新公开数量 (2019
/// edition), 现行有效件数 (2021 edition).
pub(crate) static T202_CELLS: LazyLock<Vec<[Option<CellKey>; 3]>> = LazyLock::new(|| {
    [T2Row::REGULATIONS, T2Row::NORMATIVE_DOCUMENTS]
        .into_iter()
        .map(|row| {
            [
                T2Column::PUBLISHED_TOTAL,
                T2Column::PUBLISHED,
                T2Column::IN_FORCE,
            ]
            .map(|column| CellKey::t2(row, column))
        })
        .collect()
});

fn check_t202(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.report.table(TableId::T2).is_none() {
        return;
    }
    let cells = cx.cells();
    for &[published_total, published, in_force] in T202_CELLS.iter() {
        let cell_of = |key: Option<CellKey>| key.and_then(|k| cells.get(k));
        // 2019 edition: 对外公开总数量 ≥ 本年新公开数量.
        if let (Some(total), Some(new)) = (cell_of(published_total), cell_of(published)) {
            if let (Some(t), Some(n)) = (value(total), value(new)) {
                if t < n {
                    let mut draft = Draft::new(
                        &T202,
                        format!("{}：对外公开总数量小于本年新公开数量", total.key),
                        format!(
                            "{}: 对外公开总数量 (published in total) is less than 本年新公开数量 (published this year)",
                            total.key
                        ),
                    )
                    .cell(total)
                    .cell(new)
                    .values(format!("≥ {n}"), t);
                    if total.value.is_blank() {
                        draft = draft.note("空白按0计", "blank counted as 0");
                    }
                    out.push(draft.finish());
                }
            }
        }
        // 2021 edition: 现行有效件数 ≥ 0.
        if let Some(in_force) = cell_of(in_force) {
            if let Some(v) = in_force.value.number() {
                if v.value.is_sign_negative() && !v.value.is_zero() {
                    out.push(
                        Draft::new(
                            &T202,
                            format!("{}：现行有效件数为负数", in_force.key),
                            format!("{}: 现行有效件数 (in force) is negative", in_force.key),
                        )
                        .cell(in_force)
                        .values("≥ 0", v.value)
                        .finish(),
                    );
                }
            }
        }
    }
}

fn check_t203(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    let Some(table) = report.table(TableId::T2) else {
        return;
    };
    let edition = table.edition.or(report.meta.edition);
    for cell in &table.cells {
        let Value::Number(n) = &cell.value else {
            continue;
        };
        if n.unit.is_some() || n.value.is_zero() {
            continue;
        }
        let column = cell.key.column();
        let (zh_unit, en_unit) = if column == T2Column::AMOUNT.as_str() {
            ("元", "元 (yuan)")
        } else if column != T2Column::AMOUNT_10K_YUAN.as_str() {
            continue;
        } else if edition != Some(Edition::V2019) {
            // The 2021 template's header states the unit: 本年收费金额（单位：万元）.
            continue;
        } else {
            ("万元", "万元 (10,000 yuan)")
        };
        out.push(
            Draft::new(
                &T203,
                format!("{}：金额未写单位，表头也未写明，按{zh_unit}理解", cell.key),
                format!(
                    "{}: the amount carries no unit and its header states none; {en_unit} is assumed",
                    cell.key
                ),
            )
            .cell(cell)
            .actual(n.value)
            .finish(),
        );
    }
}
