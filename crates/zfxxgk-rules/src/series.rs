//! T305 across reports: this year's 二、上年结转 against last year's 四、结转下年度.
//!
//! [`SeriesCheck`] is T305's one entry point. Each report is first reduced to a
//! [`SeriesSummary`] (its body, year and the two rows T305 compares), which can be made
//! on the thread that read the report. The summaries are then given to a
//! [`SeriesCheck`] one at a time, in any order: it keeps one entry per body and year in
//! a hash map, compares a report with last year's and next year's as soon as both are
//! there, and drops each row once it has been compared, so that the pass is linear in
//! the number of reports and keeps of each report a few dozen bytes beyond the rows
//! still waiting for their neighbour. [`check_series`] runs it over a slice of reports.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use zfxxgk_model::{
    CellKey, ColumnDef, Decimal, Finding, Location, Report, T3Row, TableId, T3_COLUMNS,
};

use crate::context::Cells;
use crate::finding::Draft;
use crate::pairing::normalize_body;
use crate::rule::RuleSet;
use crate::sum::value;
use crate::table3::{column_label, T305};
use crate::Pairing;

/// One column of T305: this year's `t3.carried_over.*` and last year's
/// `t3.carried_forward.*`, resolved once per process.
pub(crate) struct CarryDef {
    column: &'static ColumnDef,
    carried_over: CellKey,
    carried_forward: CellKey,
}

pub(crate) static CARRIES: LazyLock<Vec<CarryDef>> = LazyLock::new(|| {
    T3_COLUMNS
        .iter()
        .filter_map(|c| {
            Some(CarryDef {
                column: c,
                carried_over: CellKey::from_parts(
                    TableId::T3,
                    T3Row::CARRIED_OVER.as_str(),
                    c.key,
                )?,
                carried_forward: CellKey::from_parts(
                    TableId::T3,
                    T3Row::CARRIED_FORWARD.as_str(),
                    c.key,
                )?,
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
/// the report's size). Made once per report, on any thread, and given to a
/// [`SeriesCheck`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesSummary {
    body: Option<Box<str>>,
    /// The body through [`normalize_body`], which pairs reports: made here so that
    /// the thread that reads the report does the work, not [`SeriesCheck::add`].
    normalized: Option<Box<str>>,
    year: Option<u16>,
    /// For each column of `CARRIES`: the report's carried-over cell.
    over: Row,
    /// For each column of `CARRIES`: the report's carried-forward cell.
    forward: Row,
}

/// One of the two rows T305 compares, a cell for each column of `CARRIES`.
type Row = Box<[Option<Carry>]>;

impl SeriesSummary {
    /// The summary of `report`.
    pub fn of(report: &Report) -> SeriesSummary {
        let cells = Cells::of_report(report);
        let body = report.meta.body.as_deref().filter(|b| !b.trim().is_empty());
        SeriesSummary {
            body: report.meta.body.as_deref().map(Box::from),
            normalized: body.map(|b| normalize_body(b).into()),
            year: report.meta.year,
            over: CARRIES
                .iter()
                .map(|d| Carry::of(&cells, d.carried_over))
                .collect(),
            forward: CARRIES
                .iter()
                .map(|d| Carry::of(&cells, d.carried_forward))
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

/// Checks a batch of reports with the cross-report rule `T305`: a [`SeriesCheck`]
/// given each report's [`SeriesSummary`] in turn, the index in `reports` standing for
/// the report; see there for how they are paired.
///
/// `reports` are `(source, report)` pairs, `source` being how to name the report's file
/// in messages.
pub fn check_series(reports: &[(&str, &Report)]) -> Vec<(usize, Finding)> {
    let mut check = SeriesCheck::new();
    for (i, (source, report)) in reports.iter().enumerate() {
        check.add(i, source, SeriesSummary::of(report));
    }
    check.finish()
}

/// What a [`SeriesCheck`] still keeps of a report, until it has met both neighbours.
#[derive(Debug)]
struct Waiting {
    /// The body as written, for the messages.
    body: Box<str>,
    /// The report's source, for the note of next year's finding.
    source: Box<str>,
    year: u16,
    /// The carried-over row, until last year's report is compared with it.
    over: Option<Row>,
    /// The carried-forward row, until next year's report is compared with it.
    forward: Option<Row>,
}

/// A report given to a [`SeriesCheck`], as [`Pairing`] explains it: its source, body
/// and year.
type Given = (Box<str>, Option<Box<str>>, Option<u16>);

/// One body's report for one year.
#[derive(Debug)]
struct Slot {
    index: usize,
    /// Another report of the body for the same year was given: neither is paired.
    duplicated: bool,
    /// What is still needed of the report; `None` once both rows are compared.
    waiting: Option<Box<Waiting>>,
}

/// The cross-report rule `T305` over reports given one at a time, in any order.
///
/// Reports of one body (names compared through [`normalize_body`]) for consecutive
/// years (`meta.year`) are paired, and each column of this year's `t3.carried_over.*`
/// is compared with last year's `t3.carried_forward.*`, as soon as both reports have
/// been given. Reports without a body or a year, or whose body has two reports for one
/// year, are not paired (a pair compared before the second report of a year came is
/// dropped). Each report costs one hash-map entry (a few dozen bytes) after both its
/// rows have been compared; a row waiting for a neighbour that never comes is kept to
/// the end. [`Pairing`] groups the same way; [`SeriesCheck::explaining`] keeps what
/// it needs to explain the pairing in words.
///
/// ```
/// # use zfxxgk_rules::{RuleSet, SeriesCheck, SeriesSummary};
/// # let (last_year, this_year) = (zfxxgk_model::Report::default(), zfxxgk_model::Report::default());
/// let mut check = SeriesCheck::of(&RuleSet::builtin());
/// check.add(0, "2023.txt", SeriesSummary::of(&last_year));
/// check.add(1, "2024.txt", SeriesSummary::of(&this_year));
/// for (index, finding) in check.finish() {
///     println!("report {index}: {}", finding.message_en);
/// }
/// ```
#[derive(Debug)]
pub struct SeriesCheck {
    /// Whether T305 runs: off when the rule set leaves it out.
    on: bool,
    /// With [`SeriesCheck::explaining`]: each report's source, body and year, in the
    /// order given.
    explained: Option<Vec<Given>>,
    /// Each body's number, by its normalised name: one name per body, not per report.
    /// (SipHash: the names come from the reports.)
    bodies: HashMap<Box<str>, usize>,
    /// By body number and year (numbers of ours: a fast hash).
    slots: FxHashMap<(usize, u16), Slot>,
    /// `(later index, earlier index, finding)`, in the order found.
    found: Vec<(usize, usize, Finding)>,
    /// Indices of the reports whose body has another report for their year.
    duplicated: FxHashSet<usize>,
}

impl Default for SeriesCheck {
    fn default() -> SeriesCheck {
        SeriesCheck::new()
    }
}

impl SeriesCheck {
    /// A check with no report yet, T305 on.
    pub fn new() -> SeriesCheck {
        SeriesCheck {
            on: true,
            explained: None,
            bodies: HashMap::new(),
            slots: FxHashMap::default(),
            found: Vec::new(),
            duplicated: FxHashSet::default(),
        }
    }

    /// A check with no report yet, on if `rules` has `T305` and off (finding nothing,
    /// wanting no summary) if not.
    pub fn of(rules: &RuleSet) -> SeriesCheck {
        SeriesCheck {
            on: rules.contains("T305"),
            ..SeriesCheck::new()
        }
    }

    /// The check, keeping each report's source, body and year for
    /// [`SeriesCheck::explain`].
    pub fn explaining(mut self) -> SeriesCheck {
        self.explained = Some(Vec::new());
        self
    }

    /// Whether T305 runs, so that summaries are wanted: a caller that makes them on
    /// other threads may skip them when not.
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// Adds the summary of the report `index` (the caller's numbering, which the
    /// findings come with; each report its own), read from `source`, and compares it
    /// with its body's reports of last year and next year if they have been given.
    pub fn add(&mut self, index: usize, source: &str, summary: SeriesSummary) {
        if !self.on {
            return;
        }
        let SeriesSummary {
            body,
            normalized,
            year,
            over,
            forward,
        } = summary;
        if let Some(explained) = self.explained.as_mut() {
            explained.push((source.into(), body.clone(), year));
        }
        let (Some(body), Some(normalized), Some(year)) = (body, normalized, year) else {
            return;
        };
        let next_id = self.bodies.len();
        let key = *self.bodies.entry(normalized).or_insert(next_id);
        match self.slots.entry((key, year)) {
            Entry::Occupied(mut seen) => {
                let slot = seen.get_mut();
                if !slot.duplicated {
                    slot.duplicated = true;
                    slot.waiting = None;
                    self.duplicated.insert(slot.index);
                }
                self.duplicated.insert(index);
                return;
            }
            Entry::Vacant(slot) => {
                slot.insert(Slot {
                    index,
                    duplicated: false,
                    waiting: Some(Box::new(Waiting {
                        body,
                        source: source.into(),
                        year,
                        over: Some(over),
                        forward: Some(forward),
                    })),
                });
            }
        }
        if let Some(last) = year.checked_sub(1) {
            self.pair(key, last);
        }
        self.pair(key, year);
    }

    /// Compares the body's report of `year` with that of the year after, if both are
    /// there, neither is duplicated and neither row has been compared yet; then drops
    /// the two rows.
    fn pair(&mut self, key: usize, year: u16) {
        let Some(next) = year.checked_add(1) else {
            return;
        };
        let (Some(last), Some(now)) = (self.slots.get(&(key, year)), self.slots.get(&(key, next)))
        else {
            return;
        };
        if last.duplicated || now.duplicated {
            return;
        }
        let (Some(l), Some(n)) = (last.waiting.as_deref(), now.waiting.as_deref()) else {
            return;
        };
        let (Some(forward), Some(over)) = (l.forward.as_deref(), n.over.as_deref()) else {
            return;
        };
        let (later, earlier) = (now.index, last.index);
        compare(l, forward, n, over, |f| {
            self.found.push((later, earlier, f))
        });
        for (y, last_year) in [(year, true), (next, false)] {
            if let Some(slot) = self.slots.get_mut(&(key, y)) {
                if let Some(w) = slot.waiting.as_deref_mut() {
                    if last_year {
                        w.forward = None;
                    } else {
                        w.over = None;
                    }
                    if w.over.is_none() && w.forward.is_none() {
                        slot.waiting = None;
                    }
                }
            }
        }
    }

    /// How the reports given so far were paired, a sentence a decision (see
    /// [`Pairing::explain`]); nothing unless the check is [`SeriesCheck::explaining`].
    pub fn explain(&self) -> Vec<String> {
        let Some(explained) = self.explained.as_deref() else {
            return Vec::new();
        };
        let pairing = Pairing::new(explained.iter().map(|(_, b, y)| (b.as_deref(), *y)));
        let sources: Vec<&str> = explained.iter().map(|(s, ..)| &**s).collect();
        pairing.explain(&sources)
    }

    /// The findings: each with the index of the later report, whose cell it points at,
    /// in the order of that index, then of the columns.
    pub fn finish(self) -> Vec<(usize, Finding)> {
        let duplicated = self.duplicated;
        let mut found: Vec<(usize, Finding)> = self
            .found
            .into_iter()
            .filter(|(later, earlier, _)| {
                !duplicated.contains(later) && !duplicated.contains(earlier)
            })
            .map(|(later, _, f)| (later, f))
            .collect();
        found.sort_by_key(|(later, _)| *later);
        found
    }
}

/// Compares this year's carried-over row with last year's carried-forward one.
fn compare(
    last: &Waiting,
    forward: &[Option<Carry>],
    now: &Waiting,
    over: &[Option<Carry>],
    mut found: impl FnMut(Finding),
) {
    let (body, year, last_source) = (&*now.body, now.year, &*last.source);
    let prev = year.saturating_sub(1);
    for (def, (over, forward)) in CARRIES.iter().zip(over.iter().zip(forward)) {
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
        if *last.body != *body {
            let written = &last.body;
            draft = draft.note(
                &format!("上一年报告的机关名称写作“{written}”，按同一机关配对"),
                &format!("last year's report writes the body “{written}”; paired as the same body"),
            );
        }
        found(draft.finish());
    }
}
