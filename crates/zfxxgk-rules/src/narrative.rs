//! Text against tables: N001–N004 compare the facts the narrative states
//! (`Report::facts`) with the table cells they restate.

use zfxxgk_model::{Fact, FactKind, Finding, Report, Severity, TableId};

use crate::finding::Draft;
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

fn t3_rows(rows: &[&str]) -> Vec<String> {
    rows.iter().map(|r| format!("t3.{r}.total")).collect()
}

const WITHHELD: [&str; 8] = [
    "withheld.state_secret",
    "withheld.law_forbidden",
    "withheld.security_stability",
    "withheld.third_party",
    "withheld.internal_affairs",
    "withheld.process_info",
    "withheld.enforcement_files",
    "withheld.inquiry",
];
const UNAVAILABLE: [&str; 3] = [
    "unavailable.not_held",
    "unavailable.needs_creation",
    "unavailable.unclear",
];
const NOT_PROCESSED: [&str; 5] = [
    "not_processed.complaint",
    "not_processed.duplicate",
    "not_processed.publication",
    "not_processed.excessive",
    "not_processed.confirmation",
];
const OTHER_2021: [&str; 3] = ["other.no_correction", "other.no_fee", "other.other"];

/// The cells a fact restates, and how the fact is named (zh, en).
fn cells_of(kind: FactKind, report: &Report) -> Option<(Vec<String>, &'static str, &'static str)> {
    use FactKind::*;
    let (names, zh, en) = match kind {
        NewReceived => (
            t3_rows(&["new_received"]),
            "本年新收申请",
            "applications newly received",
        ),
        ReceivedWithCarriedOver => (
            t3_rows(&["new_received", "carried_over"]),
            "收到申请（含上年结转）",
            "applications received, counting those carried over",
        ),
        CarriedOver => (
            t3_rows(&["carried_over"]),
            "上年结转申请",
            "applications carried over from last year",
        ),
        ResultsTotal => (
            t3_rows(&["results_total"]),
            "办理（答复）申请",
            "applications answered",
        ),
        Granted => (t3_rows(&["granted"]), "予以公开", "予以公开 (granted)"),
        PartlyGranted => (
            t3_rows(&["partly_granted"]),
            "部分公开",
            "部分公开 (partly granted)",
        ),
        GrantedOrPartlyGranted => (
            t3_rows(&["granted", "partly_granted"]),
            "予以公开及部分公开",
            "予以公开 and 部分公开 (granted or partly granted)",
        ),
        Withheld => (t3_rows(&WITHHELD), "不予公开", "不予公开 (withheld)"),
        Unavailable => (t3_rows(&UNAVAILABLE), "无法提供", "无法提供 (unavailable)"),
        NotProcessed => (
            t3_rows(&NOT_PROCESSED),
            "不予处理",
            "不予处理 (not processed)",
        ),
        OtherHandling => {
            let rows: &[&str] = if sum(report, ["t3.other.total"]).is_some() {
                &["other"]
            } else {
                &OTHER_2021
            };
            (t3_rows(rows), "其他处理", "其他处理 (other handling)")
        }
        CarriedForward => (
            t3_rows(&["carried_forward"]),
            "结转下年度",
            "applications carried forward to next year",
        ),
        Reviews => (
            vec!["t4.review.total".into()],
            "行政复议",
            "administrative reviews",
        ),
        Lawsuits => (
            vec![
                "t4.litigation_direct.total".into(),
                "t4.litigation_after_review.total".into(),
            ],
            "行政诉讼",
            "lawsuits",
        ),
        ReviewsAndLawsuits => (
            vec![
                "t4.review.total".into(),
                "t4.litigation_direct.total".into(),
                "t4.litigation_after_review.total".into(),
            ],
            "行政复议和行政诉讼",
            "reviews and lawsuits together",
        ),
        _ => return None,
    };
    Some((names, zh, en))
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

fn compare(rule: &Builtin, report: &Report, fact: &Fact, out: &mut Vec<Finding>) {
    let Some((names, zh, en)) = cells_of(fact.kind, report) else {
        return;
    };
    let Some(cells): Option<Sum<'_>> = sum(report, &names) else {
        return;
    };
    if cells.value == fact.value {
        return;
    }
    let table = if is_t4(fact.kind) { "四" } else { "三" };
    let keys: Vec<&str> = names.iter().map(String::as_str).collect();
    let joined = keys.join(" + ");
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
    .cells(cells.cells.iter().copied())
    .span(fact.location)
    .values(fact.value, cells.value)
    .note(
        &format!("正文：“{}”", quoted(fact)),
        &format!("text: “{}”", quoted(fact)),
    );
    draft = blanks_counted(draft, cells.blanks());
    out.push(draft.finish());
}

fn check_n001(report: &Report, out: &mut Vec<Finding>) {
    if report.table(TableId::T3).is_none() {
        return;
    }
    for fact in report.facts.iter().filter(|f| !is_t4(f.kind)) {
        compare(&N001, report, fact, out);
    }
}

fn check_n002(report: &Report, out: &mut Vec<Finding>) {
    if report.table(TableId::T4).is_none() {
        return;
    }
    for fact in report.facts.iter().filter(|f| is_t4(f.kind)) {
        compare(&N002, report, fact, out);
    }
}

fn check_n003(report: &Report, out: &mut Vec<Finding>) {
    let Some(table) = report.table(TableId::T3) else {
        return;
    };
    for fact in report
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::NoApplications)
    {
        // Prefer the total; without it, any applicant column of 一、本年新收.
        let nonzero: Vec<_> = match sum(report, ["t3.new_received.total"]) {
            Some(total) => total
                .cells
                .into_iter()
                .filter(|_| !total.value.is_zero())
                .collect(),
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

fn check_n004(report: &Report, out: &mut Vec<Finding>) {
    for fact in report
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
