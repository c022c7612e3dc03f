//! T305 across reports: this year's 二、上年结转 against last year's 四、结转下年度.

use std::sync::LazyLock;

use zfxxgk_model::{CellKey, ColumnDef, Finding, Report, TableId, T3_COLUMNS};

use crate::context::Cells;
use crate::finding::Draft;
use crate::keys::keys;
use crate::sum::sum;
use crate::table3::{column_label, T305};

/// One column of T305: this year's `t3.carried_over.*` and last year's
/// `t3.carried_forward.*`, resolved once per process.
struct CarryDef {
    column: &'static ColumnDef,
    carried_over: Vec<CellKey>,
    carried_forward: Vec<CellKey>,
}

static CARRIES: LazyLock<Vec<CarryDef>> = LazyLock::new(|| {
    T3_COLUMNS
        .iter()
        .filter_map(|c| {
            Some(CarryDef {
                column: c,
                carried_over: keys(TableId::T3, [("carried_over", c.key)])?,
                carried_forward: keys(TableId::T3, [("carried_forward", c.key)])?,
            })
        })
        .collect()
});

/// Checks a batch of reports with the cross-report rule `T305`.
///
/// `reports` are `(source, report)` pairs, `source` being how to name the report's file
/// in messages. Reports of one body (`meta.body`, compared exactly) for consecutive
/// years (`meta.year`) are paired, and each column of this year's
/// `t3.carried_over.*` is compared with last year's `t3.carried_forward.*`. A finding
/// comes with the index in `reports` of the later report, whose cell it points at.
/// Reports without a body or a year, or whose body has two reports for one year, are
/// not paired.
pub fn check_series(reports: &[(&str, &Report)]) -> Vec<(usize, Finding)> {
    carried_over_series(reports)
}

pub(crate) fn carried_over_series(reports: &[(&str, &Report)]) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    for (i, (_, report)) in reports.iter().enumerate() {
        let (Some(body), Some(year)) = (report.meta.body.as_deref(), report.meta.year) else {
            continue;
        };
        let same_year = reports
            .iter()
            .filter(|(_, r)| r.meta.body.as_deref() == Some(body) && r.meta.year == Some(year))
            .count();
        let last: Vec<&(&str, &Report)> = reports
            .iter()
            .filter(|(_, r)| {
                r.meta.body.as_deref() == Some(body)
                    && r.meta.year.is_some_and(|y| y.checked_add(1) == Some(year))
            })
            .collect();
        let [(last_source, last_report)] = last.as_slice() else {
            continue;
        };
        if same_year != 1 {
            continue;
        }
        let (cells, last_cells) = (Cells::of_report(report), Cells::of_report(last_report));
        for def in CARRIES.iter() {
            let c = def.column;
            let (Some(now), Some(then)) = (
                sum(&cells, &def.carried_over),
                sum(&last_cells, &def.carried_forward),
            ) else {
                continue;
            };
            if now.value == then.value {
                continue;
            }
            let Some(then_cell) = then.cells().next() else {
                continue;
            };
            let label = column_label(c.key);
            let prev = year.saturating_sub(1);
            let mut draft = Draft::new(
                &T305,
                format!(
                    "“{label}”列：上年结转 {} 件，而{body}{prev}年报告结转下年度 {} 件",
                    now.value, then.value
                ),
                format!(
                    "column {label} ({}): carried over {}, but {body}'s {prev} report carried forward {}",
                    c.key, now.value, then.value
                ),
            )
            .cells(now.cells())
            .values(then.value, now.value)
            .note(
                &format!(
                    "上一年报告：{last_source}:{} {} = {}",
                    then_cell.location, then_cell.key, then_cell.value
                ),
                &format!(
                    "last year's report: {last_source}:{} {} = {}",
                    then_cell.location, then_cell.key, then_cell.value
                ),
            );
            if now.blanks() + then.blanks() > 0 {
                draft = draft.note("空白按0计", "blank counted as 0");
            }
            out.push((i, draft.finish()));
        }
    }
    out
}
