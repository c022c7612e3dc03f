//! T305 across reports: this year's 二、上年结转 against last year's 四、结转下年度.
//!
//! Each report is first reduced to a [`SeriesSummary`] (its body, year and the two rows
//! T305 compares), which can be made on the thread that read the report; the reports
//! are then grouped by body and year once ([`Pairing`]), and each consecutive pair is
//! compared, so that the whole pass is linear in the number of reports.

use std::sync::LazyLock;

use zfxxgk_model::{CellKey, ColumnDef, Decimal, Finding, Location, Report, TableId, T3_COLUMNS};

use crate::context::Cells;
use crate::finding::Draft;
use crate::pairing::Pairing;
use crate::sum::value;
use crate::table3::{column_label, T305};

/// One column of T305: this year's `t3.carried_over.*` and last year's
/// `t3.carried_forward.*`, resolved once per process.
struct CarryDef {
    column: &'static ColumnDef,
    carried_over: CellKey,
    carried_forward: CellKey,
}

static CARRIES: LazyLock<Vec<CarryDef>> = LazyLock::new(|| {
    T3_COLUMNS
        .iter()
        .filter_map(|c| {
            Some(CarryDef {
                column: c,
                carried_over: CellKey::from_parts(TableId::T3, "carried_over", c.key)?,
                carried_forward: CellKey::from_parts(TableId::T3, "carried_forward", c.key)?,
            })
        })
        .collect()
});

/// A carried-over or carried-forward cell as T305 needs it: its value (blank as 0),
/// whether it was blank, and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Carry {
    value: Decimal,
    blank: bool,
    location: Location,
}

impl Carry {
    fn of(cells: &Cells<'_>, key: CellKey) -> Option<Carry> {
        let cell = cells.get(key)?;
        Some(Carry {
            value: value(cell)?,
            blank: cell.value.is_blank(),
            location: cell.location,
        })
    }

    /// The value as the tidy export writes it: empty for a blank.
    fn shown(&self) -> String {
        if self.blank {
            String::new()
        } else {
            self.value.to_string()
        }
    }
}

/// What the cross-report rule `T305` needs of one report: its body and year, and the
/// cells of table 三's 二、上年结转 and 四、结转下年度 rows (a few hundred bytes, whatever
/// the report's size). Made once per report, on any thread, and compared by
/// [`check_summaries`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesSummary {
    body: Option<Box<str>>,
    year: Option<u16>,
    /// For each column of `CARRIES`: the report's carried-over and carried-forward cell.
    carries: Box<[(Option<Carry>, Option<Carry>)]>,
}

impl SeriesSummary {
    /// The summary of `report`.
    pub fn of(report: &Report) -> SeriesSummary {
        let cells = Cells::of_report(report);
        SeriesSummary {
            body: report.meta.body.as_deref().map(Box::from),
            year: report.meta.year,
            carries: CARRIES
                .iter()
                .map(|d| {
                    (
                        Carry::of(&cells, d.carried_over),
                        Carry::of(&cells, d.carried_forward),
                    )
                })
                .collect(),
        }
    }

    /// The body, as the report writes it.
    pub fn body(&self) -> Option<&str> {
        self.body.as_deref()
    }

    /// The report year.
    pub fn year(&self) -> Option<u16> {
        self.year
    }
}

/// Checks a batch of reports with the cross-report rule `T305`.
///
/// `reports` are `(source, report)` pairs, `source` being how to name the report's file
/// in messages. The reports are summarised ([`SeriesSummary`]) and compared with
/// [`check_summaries`]; see there for how they are paired.
pub fn check_series(reports: &[(&str, &Report)]) -> Vec<(usize, Finding)> {
    let summaries: Vec<SeriesSummary> = reports.iter().map(|(_, r)| SeriesSummary::of(r)).collect();
    let refs: Vec<(&str, &SeriesSummary)> = reports
        .iter()
        .zip(&summaries)
        .map(|((source, _), s)| (*source, s))
        .collect();
    check_summaries(&refs)
}

/// Checks `T305` on the summaries of a batch of reports, given as `(source, summary)`.
///
/// Reports of one body (names compared through [`normalize_body`](crate::normalize_body))
/// for consecutive years (`meta.year`) are paired ([`Pairing`]), and each column of this
/// year's `t3.carried_over.*` is compared with last year's `t3.carried_forward.*`. A
/// finding comes with the index in `reports` of the later report, whose cell it points
/// at; findings are in the order of that index, then of the columns. Reports without a
/// body or a year, or whose body has two reports for one year, are not paired.
/// Grouping is one pass over a hash map: linear in the number of reports.
pub fn check_summaries(reports: &[(&str, &SeriesSummary)]) -> Vec<(usize, Finding)> {
    let pairing = Pairing::new(reports.iter().map(|(_, s)| (s.body(), s.year)));
    let mut pairs: Vec<(usize, usize)> = pairing.consecutive().collect();
    pairs.sort_unstable_by_key(|&(_, this)| this);
    let mut out = Vec::new();
    for (last, this) in pairs {
        let (Some(&(last_source, last)), Some(&(_, now))) = (reports.get(last), reports.get(this))
        else {
            continue;
        };
        compare(last_source, last, now, |f| out.push((this, f)));
    }
    out
}

/// Compares this year's carried-over cells with last year's carried-forward ones.
fn compare(
    last_source: &str,
    last: &SeriesSummary,
    now: &SeriesSummary,
    mut found: impl FnMut(Finding),
) {
    let (Some(body), Some(year)) = (now.body(), now.year) else {
        return;
    };
    let prev = year.saturating_sub(1);
    for (def, ((over, _), (_, forward))) in CARRIES
        .iter()
        .zip(now.carries.iter().zip(last.carries.iter()))
    {
        let (Some(over), Some(forward)) = (over, forward) else {
            continue;
        };
        if over.value == forward.value {
            continue;
        }
        let c = def.column;
        let label = column_label(c.key);
        let mut draft = Draft::new(
            &T305,
            format!(
                "“{label}”列：上年结转 {} 件，而{body}{prev}年报告结转下年度 {} 件",
                over.value, forward.value
            ),
            format!(
                "column {label} ({}): carried over {}, but {body}'s {prev} report carried forward {}",
                c.key, over.value, forward.value
            ),
        )
        .key_at(def.carried_over, over.location)
        .values(forward.value, over.value)
        .note(
            &format!(
                "上一年报告：{last_source}:{} {} = {}",
                forward.location,
                def.carried_forward,
                forward.shown()
            ),
            &format!(
                "last year's report: {last_source}:{} {} = {}",
                forward.location,
                def.carried_forward,
                forward.shown()
            ),
        );
        if over.blank || forward.blank {
            draft = draft.note("空白按0计", "blank counted as 0");
        }
        if let Some(written) = last.body().filter(|b| *b != body) {
            draft = draft.note(
                &format!("上一年报告的机关名称写作“{written}”，按同一机关配对"),
                &format!("last year's report writes the body “{written}”; paired as the same body"),
            );
        }
        found(draft.finish());
    }
}
