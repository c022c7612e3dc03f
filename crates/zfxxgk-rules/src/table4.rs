//! Table 四 (行政复议、行政诉讼): T401–T404.

use std::sync::LazyLock;

use zfxxgk_model::{
    CellKey, ColumnDef, Finding, Severity, T4Column, T4Group, TableId, T4_COLUMNS, T4_GROUPS,
};

use crate::context::Context;
use crate::finding::Draft;
use crate::keys::keys;
use crate::rule::Builtin;
use crate::sum::{blank_notes, sum};
use crate::table3::non_negative_integers;

pub(crate) const T401: Builtin = Builtin {
    id: "T401",
    severity: Severity::Error,
    zh: "行政复议：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    en: "行政复议 (reviews): 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    check: check_t401,
};
pub(crate) const T402: Builtin = Builtin {
    id: "T402",
    severity: Severity::Error,
    zh: "行政诉讼·未经复议直接起诉：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    en: "行政诉讼 未经复议直接起诉 (direct lawsuits): the same sum",
    check: check_t402,
};
pub(crate) const T403: Builtin = Builtin {
    id: "T403",
    severity: Severity::Error,
    zh: "行政诉讼·复议后起诉：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    en: "行政诉讼 复议后起诉 (lawsuits after review): the same sum",
    check: check_t403,
};
pub(crate) const T404: Builtin = Builtin {
    id: "T404",
    severity: Severity::Error,
    zh: "表四每个数都是非负整数",
    en: "table 四: every count is a non-negative integer",
    check: check_t404,
};

pub(crate) const RULES: &[Builtin] = &[T401, T402, T403, T404];

/// The equation of one group of table 四, `total = Σ parts`, its keys resolved once per
/// process.
pub(crate) struct GroupDef {
    group: &'static ColumnDef,
    total: Vec<CellKey>,
    parts: Vec<CellKey>,
}

pub(crate) static GROUPS: LazyLock<Vec<GroupDef>> = LazyLock::new(|| {
    T4_GROUPS
        .iter()
        .filter_map(|g| {
            Some(GroupDef {
                group: g,
                total: keys(TableId::T4, [(g.key, T4Column::TOTAL.as_str())])?,
                parts: keys(
                    TableId::T4,
                    T4_COLUMNS
                        .iter()
                        .filter(|c| c.key != T4Column::TOTAL.as_str())
                        .map(|c| (g.key, c.key)),
                )?,
            })
        })
        .collect()
});

fn group_sum(rule: &Builtin, group: T4Group, cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.report.table(TableId::T4).is_none() {
        return;
    }
    let Some(def) = GROUPS.iter().find(|d| d.group.key == group.as_str()) else {
        return;
    };
    let cells = cx.cells();
    let (Some(total), Some(parts)) = (sum(cells, &def.total), sum(cells, &def.parts)) else {
        return;
    };
    if total.value == parts.value {
        return;
    }
    let label = def.group.label;
    let draft = Draft::new(
        rule,
        format!("{label}：总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
        format!("{label} ({group}): 总计 (total) ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (upheld + corrected + other + pending)"),
    )
    .cells(total.cells())
    .cells(parts.cells())
    .values(parts.value, total.value);
    out.push(blank_notes(draft, &total, &parts).finish());
}

fn check_t401(cx: &Context<'_>, out: &mut Vec<Finding>) {
    group_sum(&T401, T4Group::REVIEW, cx, out);
}

fn check_t402(cx: &Context<'_>, out: &mut Vec<Finding>) {
    group_sum(&T402, T4Group::LITIGATION_DIRECT, cx, out);
}

fn check_t403(cx: &Context<'_>, out: &mut Vec<Finding>) {
    group_sum(&T403, T4Group::LITIGATION_AFTER_REVIEW, cx, out);
}

fn check_t404(cx: &Context<'_>, out: &mut Vec<Finding>) {
    non_negative_integers(&T404, cx.report, TableId::T4, out);
}
