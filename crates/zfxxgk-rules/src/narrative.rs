//! Text against tables: N001–N004 compare the facts the narrative states
//! (`Report::facts`) with the table cells they restate.

use std::sync::LazyLock;

use zfxxgk_model::{
    CellKey, Fact, FactKind, Finding, RuleId, Severity, T3Column, T3Row, T4Column, T4Group, TableId,
};

use crate::context::{Cells, Context};
use crate::finding::Draft;
use crate::rule::Builtin;
use crate::sum::{blanks_counted, sum, Sum};
use Restated::{T3, T4};

pub(crate) const N001: Builtin = Builtin {
    id: RuleId::N001,
    severity: Severity::Warning,
    zh: "正文所述申请件数与表三相应单元格相等（新收、上年结转、办理结果总计及各类结果）",
    en: "a number of applications stated in the text equals the matching table 三 cell (new received, carried over, results total, each result kind)",
    check: check_n001,
};
pub(crate) const N002: Builtin = Builtin {
    id: RuleId::N002,
    severity: Severity::Warning,
    zh: "正文所述行政复议、行政诉讼件数与表四相应单元格相等",
    en: "a number of reviews or lawsuits stated in the text equals the matching table 四 cell",
    check: check_n002,
};
pub(crate) const N003: Builtin = Builtin {
    id: RuleId::N003,
    severity: Severity::Info,
    zh: "正文称未收到申请，而表三有非零件数",
    en: "the text says no applications were received while table 三 has non-zero counts",
    check: check_n003,
};
pub(crate) const N004: Builtin = Builtin {
    id: RuleId::N004,
    severity: Severity::Info,
    zh: "正文报告收取了信息处理费",
    en: "a 信息处理费 (processing fee) charged, as the text states",
    check: check_n004,
};

pub(crate) const RULES: &[Builtin] = &[N001, N002, N003, N004];

/// What a kind of fact restates: the cells that add up to it, and how it is named.
struct Restates {
    kind: FactKind,
    /// The cells that add up to it.
    cells: &'static [Restated],
    zh: &'static str,
    en: &'static str,
}

/// Every kind of fact that restates table cells. （六）其他处理 is one row in the 2019
/// edition and three in the 2021 edition: a fact is compared with the first entry of its
/// kind whose cells the report has.
const RESTATES: &[Restates] = &[
    Restates {
        kind: FactKind::NewReceived,
        cells: &[T3(T3Row::NEW_RECEIVED, T3Column::TOTAL)],
        zh: "本年新收申请",
        en: "applications newly received",
    },
    Restates {
        kind: FactKind::ReceivedWithCarriedOver,
        cells: &[
            T3(T3Row::NEW_RECEIVED, T3Column::TOTAL),
            T3(T3Row::CARRIED_OVER, T3Column::TOTAL),
        ],
        zh: "收到申请（含上年结转）",
        en: "applications received, counting those carried over",
    },
    Restates {
        kind: FactKind::NaturalPersons,
        cells: &[T3(T3Row::NEW_RECEIVED, T3Column::NATURAL_PERSON)],
        zh: "自然人申请",
        en: "applications from natural persons",
    },
    Restates {
        kind: FactKind::CarriedOver,
        cells: &[T3(T3Row::CARRIED_OVER, T3Column::TOTAL)],
        zh: "上年结转申请",
        en: "applications carried over from last year",
    },
    Restates {
        kind: FactKind::ResultsTotal,
        cells: &[T3(T3Row::RESULTS_TOTAL, T3Column::TOTAL)],
        zh: "办理（答复）申请",
        en: "applications answered",
    },
    Restates {
        kind: FactKind::Granted,
        cells: &[T3(T3Row::GRANTED, T3Column::TOTAL)],
        zh: "予以公开",
        en: "予以公开 (granted)",
    },
    Restates {
        kind: FactKind::PartlyGranted,
        cells: &[T3(T3Row::PARTLY_GRANTED, T3Column::TOTAL)],
        zh: "部分公开",
        en: "部分公开 (partly granted)",
    },
    Restates {
        kind: FactKind::GrantedOrPartlyGranted,
        cells: &[
            T3(T3Row::GRANTED, T3Column::TOTAL),
            T3(T3Row::PARTLY_GRANTED, T3Column::TOTAL),
        ],
        zh: "予以公开及部分公开",
        en: "予以公开 and 部分公开 (granted or partly granted)",
    },
    Restates {
        kind: FactKind::Withheld,
        cells: &[
            T3(T3Row::WITHHELD_STATE_SECRET, T3Column::TOTAL),
            T3(T3Row::WITHHELD_LAW_FORBIDDEN, T3Column::TOTAL),
            T3(T3Row::WITHHELD_SECURITY_STABILITY, T3Column::TOTAL),
            T3(T3Row::WITHHELD_THIRD_PARTY, T3Column::TOTAL),
            T3(T3Row::WITHHELD_INTERNAL_AFFAIRS, T3Column::TOTAL),
            T3(T3Row::WITHHELD_PROCESS_INFO, T3Column::TOTAL),
            T3(T3Row::WITHHELD_ENFORCEMENT_FILES, T3Column::TOTAL),
            T3(T3Row::WITHHELD_INQUIRY, T3Column::TOTAL),
        ],
        zh: "不予公开",
        en: "不予公开 (withheld)",
    },
    Restates {
        kind: FactKind::Unavailable,
        cells: &[
            T3(T3Row::UNAVAILABLE_NOT_HELD, T3Column::TOTAL),
            T3(T3Row::UNAVAILABLE_NEEDS_CREATION, T3Column::TOTAL),
            T3(T3Row::UNAVAILABLE_UNCLEAR, T3Column::TOTAL),
        ],
        zh: "无法提供",
        en: "无法提供 (unavailable)",
    },
    Restates {
        kind: FactKind::NotProcessed,
        cells: &[
            T3(T3Row::NOT_PROCESSED_COMPLAINT, T3Column::TOTAL),
            T3(T3Row::NOT_PROCESSED_DUPLICATE, T3Column::TOTAL),
            T3(T3Row::NOT_PROCESSED_PUBLICATION, T3Column::TOTAL),
            T3(T3Row::NOT_PROCESSED_EXCESSIVE, T3Column::TOTAL),
            T3(T3Row::NOT_PROCESSED_CONFIRMATION, T3Column::TOTAL),
        ],
        zh: "不予处理",
        en: "不予处理 (not processed)",
    },
    Restates {
        kind: FactKind::OtherHandling,
        cells: &[T3(T3Row::OTHER, T3Column::TOTAL)],
        zh: "其他处理",
        en: "其他处理 (other handling)",
    },
    Restates {
        kind: FactKind::OtherHandling,
        cells: &[
            T3(T3Row::OTHER_NO_CORRECTION, T3Column::TOTAL),
            T3(T3Row::OTHER_NO_FEE, T3Column::TOTAL),
            T3(T3Row::OTHER_OTHER, T3Column::TOTAL),
        ],
        zh: "其他处理",
        en: "其他处理 (other handling)",
    },
    Restates {
        kind: FactKind::CarriedForward,
        cells: &[T3(T3Row::CARRIED_FORWARD, T3Column::TOTAL)],
        zh: "结转下年度",
        en: "applications carried forward to next year",
    },
    Restates {
        kind: FactKind::Reviews,
        cells: &[T4(T4Group::REVIEW, T4Column::TOTAL)],
        zh: "行政复议",
        en: "administrative reviews",
    },
    Restates {
        kind: FactKind::Lawsuits,
        cells: &[
            T4(T4Group::LITIGATION_DIRECT, T4Column::TOTAL),
            T4(T4Group::LITIGATION_AFTER_REVIEW, T4Column::TOTAL),
        ],
        zh: "行政诉讼",
        en: "lawsuits",
    },
    Restates {
        kind: FactKind::ReviewsAndLawsuits,
        cells: &[
            T4(T4Group::REVIEW, T4Column::TOTAL),
            T4(T4Group::LITIGATION_DIRECT, T4Column::TOTAL),
            T4(T4Group::LITIGATION_AFTER_REVIEW, T4Column::TOTAL),
        ],
        zh: "行政复议和行政诉讼",
        en: "reviews and lawsuits together",
    },
];

/// A cell a fact restates: a row of table 三 and its column, or a group of table 四
/// and its column.
#[derive(Debug, Clone, Copy)]
enum Restated {
    T3(T3Row, T3Column),
    T4(T4Group, T4Column),
}

impl Restated {
    /// Its key, if the template has that cell.
    fn key(self) -> Option<CellKey> {
        match self {
            T3(row, column) => CellKey::t3(row, column),
            T4(group, column) => CellKey::t4(group, column),
        }
    }
}

/// The keys of each entry of [`RESTATES`], resolved once per process.
pub(crate) static RESTATED_KEYS: LazyLock<Vec<Option<Vec<CellKey>>>> = LazyLock::new(|| {
    RESTATES
        .iter()
        .map(|r| r.cells.iter().map(|c| c.key()).collect())
        .collect()
});

/// 一、本年新收申请's total, which N003 prefers to the applicant columns.
pub(crate) static NEW_RECEIVED_TOTAL: LazyLock<Option<Vec<CellKey>>> =
    LazyLock::new(|| CellKey::t3(T3Row::NEW_RECEIVED, T3Column::TOTAL).map(|k| vec![k]));

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
            assert!(keys.is_some(), "{:?}: {:?}", r.kind, r.cells);
        }
    }
}
