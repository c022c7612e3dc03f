//! Text against tables: N001–N004 compare the facts the narrative states
//! (`Report::facts`) with the table cells they restate.

use std::sync::LazyLock;

use zfxxgk_model::{CellKey, Fact, FactKind, Finding, Severity, TableId};

use crate::context::{Cells, Context};
use crate::finding::Draft;
use crate::keys::keys;
use crate::rule::Builtin;
use crate::sum::{blanks_counted, sum, Sum};

pub(crate) const N001: Builtin = Builtin {
    id: "N001",
    severity: Severity::Warning,
    zh: "正文所述申请件数与表三相应单元格相等（新收、上年结转、办理结果总计及各类结果）",
    en: "a number of applications stated in the text equals the matching table 三 cell (new received, carried over, results total, each result kind)",
    check: check_n001,
};
pub(crate) const N002: Builtin = Builtin {
    id: "N002",
    severity: Severity::Warning,
    zh: "正文所述行政复议、行政诉讼件数与表四相应单元格相等",
    en: "a number of reviews or lawsuits stated in the text equals the matching table 四 cell",
    check: check_n002,
};
pub(crate) const N003: Builtin = Builtin {
    id: "N003",
    severity: Severity::Info,
    zh: "正文称未收到申请，而表三有非零件数",
    en: "the text says no applications were received while table 三 has non-zero counts",
    check: check_n003,
};
pub(crate) const N004: Builtin = Builtin {
    id: "N004",
    severity: Severity::Info,
    zh: "正文报告收取了信息处理费",
    en: "a 信息处理费 (processing fee) charged, as the text states",
    check: check_n004,
};

pub(crate) const RULES: &[Builtin] = &[N001, N002, N003, N004];

/// What a kind of fact restates: the cells that add up to it, and how it is named.
struct Restates {
    kind: FactKind,
    /// The rows of `table` whose totals add up to it; `row:column` names another
    /// column than the total.
    table: TableId,
    rows: &'static [&'static str],
    zh: &'static str,
    en: &'static str,
}

/// Every kind of fact that restates table cells. （六）其他处理 is one row in the 2019
/// edition and three in the 2021 edition: a fact is compared with the first entry of its
/// kind whose cells the report has.
const RESTATES: &[Restates] = &[
    Restates {
        kind: FactKind::NewReceived,
        table: TableId::T3,
        rows: &["new_received"],
        zh: "本年新收申请",
        en: "applications newly received",
    },
    Restates {
        kind: FactKind::ReceivedWithCarriedOver,
        table: TableId::T3,
        rows: &["new_received", "carried_over"],
        zh: "收到申请（含上年结转）",
        en: "applications received, counting those carried over",
    },
    Restates {
        kind: FactKind::NaturalPersons,
        table: TableId::T3,
        rows: &["new_received:natural_person"],
        zh: "自然人申请",
        en: "applications from natural persons",
    },
    Restates {
        kind: FactKind::CarriedOver,
        table: TableId::T3,
        rows: &["carried_over"],
        zh: "上年结转申请",
        en: "applications carried over from last year",
    },
    Restates {
        kind: FactKind::ResultsTotal,
        table: TableId::T3,
        rows: &["results_total"],
        zh: "办理（答复）申请",
        en: "applications answered",
    },
    Restates {
        kind: FactKind::Granted,
        table: TableId::T3,
        rows: &["granted"],
        zh: "予以公开",
        en: "予以公开 (granted)",
    },
    Restates {
        kind: FactKind::PartlyGranted,
        table: TableId::T3,
        rows: &["partly_granted"],
        zh: "部分公开",
        en: "部分公开 (partly granted)",
    },
    Restates {
        kind: FactKind::GrantedOrPartlyGranted,
        table: TableId::T3,
        rows: &["granted", "partly_granted"],
        zh: "予以公开及部分公开",
        en: "予以公开 and 部分公开 (granted or partly granted)",
    },
    Restates {
        kind: FactKind::Withheld,
        table: TableId::T3,
        rows: &[
            "withheld.state_secret",
            "withheld.law_forbidden",
            "withheld.security_stability",
            "withheld.third_party",
            "withheld.internal_affairs",
            "withheld.process_info",
            "withheld.enforcement_files",
            "withheld.inquiry",
        ],
        zh: "不予公开",
        en: "不予公开 (withheld)",
    },
    Restates {
        kind: FactKind::Unavailable,
        table: TableId::T3,
        rows: &[
            "unavailable.not_held",
            "unavailable.needs_creation",
            "unavailable.unclear",
        ],
        zh: "无法提供",
        en: "无法提供 (unavailable)",
    },
    Restates {
        kind: FactKind::NotProcessed,
        table: TableId::T3,
        rows: &[
            "not_processed.complaint",
            "not_processed.duplicate",
            "not_processed.publication",
            "not_processed.excessive",
            "not_processed.confirmation",
        ],
        zh: "不予处理",
        en: "不予处理 (not processed)",
    },
    Restates {
        kind: FactKind::OtherHandling,
        table: TableId::T3,
        rows: &["other"],
        zh: "其他处理",
        en: "其他处理 (other handling)",
    },
    Restates {
        kind: FactKind::OtherHandling,
        table: TableId::T3,
        rows: &["other.no_correction", "other.no_fee", "other.other"],
        zh: "其他处理",
        en: "其他处理 (other handling)",
    },
    Restates {
        kind: FactKind::CarriedForward,
        table: TableId::T3,
        rows: &["carried_forward"],
        zh: "结转下年度",
        en: "applications carried forward to next year",
    },
    Restates {
        kind: FactKind::Reviews,
        table: TableId::T4,
        rows: &["review"],
        zh: "行政复议",
        en: "administrative reviews",
    },
    Restates {
        kind: FactKind::Lawsuits,
        table: TableId::T4,
        rows: &["litigation_direct", "litigation_after_review"],
        zh: "行政诉讼",
        en: "lawsuits",
    },
    Restates {
        kind: FactKind::ReviewsAndLawsuits,
        table: TableId::T4,
        rows: &["review", "litigation_direct", "litigation_after_review"],
        zh: "行政复议和行政诉讼",
        en: "reviews and lawsuits together",
    },
];

/// The keys of each entry of [`RESTATES`], resolved once per process.
pub(crate) static RESTATED_KEYS: LazyLock<Vec<Option<Vec<CellKey>>>> = LazyLock::new(|| {
    RESTATES
        .iter()
        .map(|r| {
            let cell = |row: &'static str| row.split_once(':').unwrap_or((row, "total"));
            keys(r.table, r.rows.iter().map(|&row| cell(row)))
        })
        .collect()
});

/// 一、本年新收申请's total, which N003 prefers to the applicant columns.
pub(crate) static NEW_RECEIVED_TOTAL: LazyLock<Option<Vec<CellKey>>> =
    LazyLock::new(|| keys(TableId::T3, [("new_received", "total")]));

/// What `kind` restates and the sum of those cells, if the report has them.
fn restated<'a>(kind: FactKind, cells: &'a Cells<'a>) -> Option<(&'static Restates, Sum<'a>)> {
    RESTATES
        .iter()
        .zip(RESTATED_KEYS.iter())
        .filter(|(r, _)| r.kind == kind)
        .find_map(|(r, keys)| Some((r, sum(cells, keys.as_deref()?)?)))
}

/// The words of a fact on one line: wrapped PDF lines joined.
fn quoted(fact: &Fact) -> String {
    fact.text.lines().map(str::trim).collect()
}

fn is_t4(kind: FactKind) -> bool {
    matches!(
        kind,
        FactKind::Reviews | FactKind::Lawsuits | FactKind::ReviewsAndLawsuits
    )
}

/// The other kind a fact may count, when its words do not say which: applications
/// received (`全年共受理政府信息公开申请749件`) are new ones alone only when the words say
/// so (`新收`, `新受理`), and may otherwise count those carried over from last year too.
fn other_reading(fact: &Fact) -> Option<FactKind> {
    (fact.kind == FactKind::NewReceived && !fact.text.contains('新'))
        .then_some(FactKind::ReceivedWithCarriedOver)
}

fn compare(rule: &Builtin, cx: &Context<'_>, fact: &Fact, out: &mut Vec<Finding>) {
    let Some((restates, cells)) = restated(fact.kind, cx.cells()) else {
        return;
    };
    if cells.value == fact.value {
        return;
    }
    // Either reading of words that do not say what they count agrees: no contradiction.
    let other = other_reading(fact).and_then(|kind| restated(kind, cx.cells()));
    if other.is_some_and(|(_, sum)| sum.value == fact.value) {
        return;
    }
    let (zh, en) = (restates.zh, restates.en);
    let table = if is_t4(fact.kind) { "四" } else { "三" };
    let names: Vec<&str> = cells.keys().iter().map(|k| k.as_str()).collect();
    let joined = names.join(" + ");
    let mut draft = Draft::new(
        rule,
        format!(
            "正文称{zh} {} 件，表{table}为 {}（{joined}）",
            fact.value, cells.value
        ),
        format!(
            "the text states {} {en}, table {table} has {} ({joined})",
            fact.value, cells.value
        ),
    )
    .cells(cells.cells())
    .span(fact.location)
    .values(fact.value, cells.value)
    .note(
        &format!("正文：“{}”", quoted(fact)),
        &format!("text: “{}”", quoted(fact)),
    );
    draft = blanks_counted(draft, cells.blanks());
    out.push(draft.finish());
}

fn check_n001(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.report.table(TableId::T3).is_none() {
        return;
    }
    for fact in cx.report.facts.iter().filter(|f| !is_t4(f.kind)) {
        compare(&N001, cx, fact, out);
    }
}

fn check_n002(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.report.table(TableId::T4).is_none() {
        return;
    }
    for fact in cx.report.facts.iter().filter(|f| is_t4(f.kind)) {
        compare(&N002, cx, fact, out);
    }
}

fn check_n003(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    let Some(table) = report.table(TableId::T3) else {
        return;
    };
    for fact in report
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::NoApplications)
    {
        // Prefer the total; without it, any applicant column of 一、本年新收.
        let total = NEW_RECEIVED_TOTAL
            .as_deref()
            .and_then(|keys| sum(cx.cells(), keys));
        let nonzero: Vec<_> = match total {
            Some(total) => total.cells().filter(|_| !total.value.is_zero()).collect(),
            None => table
                .cells
                .iter()
                .filter(|c| {
                    c.key.row() == "new_received"
                        && c.value.number().is_some_and(|n| !n.value.is_zero())
                })
                .collect(),
        };
        if nonzero.is_empty() {
            continue;
        }
        let found: String = nonzero
            .iter()
            .map(|c| format!("{} = {}", c.key, c.value))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            Draft::new(
                &N003,
                format!("正文称未收到政府信息公开申请，而表三新收申请不为零（{found}）"),
                format!("the text says no application was received, but table 三 has new applications ({found})"),
            )
            .cells(nonzero.iter().copied())
            .span(fact.location)
            .note(&format!("正文：“{}”", quoted(fact)), &format!("text: “{}”", quoted(fact)))
            .finish(),
        );
    }
}

fn check_n004(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for fact in cx
        .report
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::ProcessingFee && !f.value.is_zero())
    {
        let unit = fact.unit.as_deref().unwrap_or("元");
        out.push(
            Draft::new(
                &N004,
                format!("正文报告收取信息处理费 {} {unit}", fact.value),
                format!(
                    "the text reports a 信息处理费 (processing fee) of {} {unit}",
                    fact.value
                ),
            )
            .span(fact.location)
            .actual(format!("{} {unit}", fact.value))
            .note(
                &format!("正文：“{}”", quoted(fact)),
                &format!("text: “{}”", quoted(fact)),
            )
            .finish(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cell a fact restates is a key of the template: a misspelt one would turn
    /// the comparison off without a word.
    #[test]
    fn every_restated_cell_resolves() {
        for (r, keys) in RESTATES.iter().zip(RESTATED_KEYS.iter()) {
            assert!(keys.is_some(), "{:?}: {:?}", r.kind, r.rows);
        }
    }
}
