//! Year over year: every cell of two reports that changed, with old and new value and
//! absolute and relative change; cells present in one report only; and, between reports
//! of different template editions, the keys that have no counterpart.

use std::cmp::Ordering;

use serde::Serialize;
use zfxxgk_model::{CellKey, Decimal, Edition, Report, TableId, Value};

/// Places kept in [`Change::relative`].
const RELATIVE_PLACES: u32 = 4;

/// One report of a comparison: where it came from and what it says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Side {
    /// How the report's file is named (a path).
    pub source: String,
    /// The issuing body, as written.
    pub body: Option<String>,
    /// The report year.
    pub year: Option<u16>,
    /// The template edition of its tables.
    pub edition: Option<Edition>,
}

/// A report's figures as a comparison reads them: its [`Side`], the tables it has and
/// every cell's value by key, without the text, spans and outline of the [`Report`]
/// (a few kilobytes, for keeping thousands of reports at once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    side: Side,
    tables: Vec<TableId>,
    /// Sorted by key, each key once (the cell `Report::cell` finds).
    cells: Vec<(CellKey, Value)>,
}

impl Figures {
    /// The figures of `report`, read from `source`.
    pub fn of(source: &str, report: &Report) -> Figures {
        let mut cells: Vec<(CellKey, Value)> = Vec::new();
        let mut tables = Vec::new();
        for id in TableId::ALL {
            let Some(table) = report.table(id) else {
                continue;
            };
            tables.push(id);
            for c in table.cells.iter().filter(|c| c.key.table() == id) {
                if let Some(cell) = report.cell(c.key) {
                    cells.push((cell.key, cell.value.clone()));
                }
            }
        }
        cells.sort_by_key(|(k, _)| *k);
        cells.dedup_by_key(|(k, _)| *k);
        Figures {
            side: Side {
                source: source.to_owned(),
                body: report.meta.body.clone(),
                year: report.meta.year,
                edition: report.meta.edition,
            },
            tables,
            cells,
        }
    }

    /// Where the report came from and what it says about itself.
    pub fn side(&self) -> &Side {
        &self.side
    }

    /// The value of the cell `key`, if the report has it.
    pub fn value(&self, key: CellKey) -> Option<&Value> {
        self.cells
            .binary_search_by_key(&key, |(k, _)| *k)
            .ok()
            .and_then(|i| self.cells.get(i))
            .map(|(_, v)| v)
    }

    /// Every cell's key and value, in key order.
    pub fn cells(&self) -> impl Iterator<Item = (CellKey, &Value)> {
        self.cells.iter().map(|(k, v)| (*k, v))
    }

    fn has_table(&self, id: TableId) -> bool {
        self.tables.contains(&id)
    }

    /// Whether the template of this report's edition has `key` (any key, when the
    /// edition is not known).
    fn could_have(&self, key: CellKey) -> bool {
        self.side.edition.is_none_or(|e| key.in_edition(e))
    }
}

/// Which report of the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Which {
    /// The older report (`OLD`).
    Old,
    /// The newer report (`NEW`).
    New,
}

/// How a cell differs between the two reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// Two numbers that differ.
    Changed,
    /// Blank in the old report, 0 in the new: the rules count blank as 0, but the
    /// report wrote it otherwise.
    BlankToZero,
    /// 0 in the old report, blank in the new.
    ZeroToBlank,
    /// Blank in the old report, a number other than 0 in the new (no change is computed:
    /// a blank is not a number).
    BlankToNumber,
    /// A number other than 0 in the old report, blank in the new.
    NumberToBlank,
    /// Text (not a number) in one report or both, written differently.
    Text,
    /// The cell is in the old report only; the new report's template has it.
    OnlyOld,
    /// The cell is in the new report only; the old report's template has it.
    OnlyNew,
}

impl ChangeKind {
    /// The kind as JSON and CSV write it (`blank_to_zero`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Changed => "changed",
            ChangeKind::BlankToZero => "blank_to_zero",
            ChangeKind::ZeroToBlank => "zero_to_blank",
            ChangeKind::BlankToNumber => "blank_to_number",
            ChangeKind::NumberToBlank => "number_to_blank",
            ChangeKind::Text => "text",
            ChangeKind::OnlyOld => "only_old",
            ChangeKind::OnlyNew => "only_new",
        }
    }
}

/// One cell that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    /// The canonical key.
    pub key: CellKey,
    /// How it differs.
    pub kind: ChangeKind,
    /// The old value as the tidy export writes it (`""` for blank); `None` when the
    /// old report lacks the cell.
    pub old: Option<String>,
    /// The new value, likewise.
    pub new: Option<String>,
    /// `new − old`, when both are numbers.
    pub change: Option<Decimal>,
    /// `(new − old) / |old|`, to four places, when both are numbers and `old` is not 0.
    pub relative: Option<Decimal>,
}

/// A table that one report has and the other lacks: its cells are changes of kind
/// [`ChangeKind::OnlyOld`] or [`ChangeKind::OnlyNew`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MissingTable {
    /// The table.
    pub table: TableId,
    /// The report that lacks it.
    pub missing_in: Which,
}

/// A cell of one report whose key the other report's edition of the template does not
/// have (`t3.other.*` of 2019 against a 2021 report), so there is nothing to compare it
/// with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoCounterpart {
    /// The canonical key.
    pub key: CellKey,
    /// The report that has it.
    pub side: Which,
    /// Its value as the tidy export writes it.
    pub value: String,
}

/// What changed from one report to another: see [`diff`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diff {
    /// The older report.
    pub old: Side,
    /// The newer report.
    pub new: Side,
    /// Every cell that differs, in key order.
    pub changes: Vec<Change>,
    /// How many cells both reports have with the same value.
    pub unchanged: usize,
    /// Tables one report has and the other lacks.
    pub missing_tables: Vec<MissingTable>,
    /// Cells whose key the other report's edition lacks, in key order.
    pub no_counterpart: Vec<NoCounterpart>,
}

impl Diff {
    /// The changes of table `table`, largest first: by the size of the absolute change,
    /// then the relative one; the changes without a number (blank, text, one report
    /// only) after them, in key order.
    pub fn largest_first(&self, table: TableId) -> Vec<&Change> {
        let mut out: Vec<&Change> = self
            .changes
            .iter()
            .filter(|c| c.key.table() == table)
            .collect();
        out.sort_by(|a, b| match (a.change, b.change) {
            (Some(x), Some(y)) => y
                .abs()
                .cmp(&x.abs())
                .then_with(|| cmp_abs(b.relative, a.relative))
                .then(a.key.cmp(&b.key)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => a.key.cmp(&b.key),
        });
        out
    }
}

fn cmp_abs(a: Option<Decimal>, b: Option<Decimal>) -> Ordering {
    a.map(|d| d.abs()).cmp(&b.map(|d| d.abs()))
}

/// What `zfxxgk diff --format json` writes: one [`Diff`] per pair of reports compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparisons {
    /// The comparisons, in the order of the old reports.
    pub comparisons: Vec<Diff>,
}

/// The JSON Schema (draft 2020-12) of [`Comparisons`] as serde writes it, derived from
/// the types. The repository ships it as `schema/diff.schema.json`; a test regenerates
/// it and fails when the shipped file is stale.
///
/// ```
/// let schema = zfxxgk_rules::diff_schema();
/// assert_eq!(schema["title"], "Comparisons");
/// ```
#[cfg(feature = "schema")]
pub fn diff_schema() -> serde_json::Value {
    schemars::schema_for!(Comparisons).to_value()
}

/// [`diff_schema`] as the shipped file holds it: pretty-printed, ending in a newline.
#[cfg(feature = "schema")]
pub fn diff_schema_json() -> String {
    format!("{:#}\n", diff_schema())
}

/// Compares two reports cell by cell.
///
/// Cells are compared through their canonical keys, so reports of different template
/// editions are compared on the keys both editions have; a cell whose key the other
/// report's edition lacks is listed in [`Diff::no_counterpart`]. A cell one report has
/// and the other could have but does not (its table or row is missing) is a change of
/// kind [`ChangeKind::OnlyOld`] or [`ChangeKind::OnlyNew`]. Blank is not 0: a blank
/// against a 0 is [`ChangeKind::BlankToZero`] or [`ChangeKind::ZeroToBlank`], and a
/// blank against another number has no computed change.
///
/// ```
/// use zfxxgk_model::{Cell, Location, Number, Placement, Report, Table, TableId, Value};
/// use zfxxgk_rules::{diff, ChangeKind, Figures};
/// # fn report(year: u16, v: &str) -> Result<Report, Box<dyn std::error::Error>> {
/// #     let cell = Cell { key: "t3.new_received.total".parse()?, value: Value::Number(Number::new(v.parse()?)),
/// #         raw: v.into(), location: Location::default(), placement: Placement::Label };
/// #     let mut r = Report::default();
/// #     r.meta.year = Some(year);
/// #     r.tables.push(Table { id: TableId::T3, edition: None, location: Location::default(), items: vec![], cells: vec![cell] });
/// #     Ok(r)
/// # }
/// let (old, new) = (report(2023, "21")?, report(2024, "95")?);
/// let d = diff(&Figures::of("2023.txt", &old), &Figures::of("2024.txt", &new));
/// assert_eq!(d.changes[0].key.as_str(), "t3.new_received.total");
/// assert_eq!(d.changes[0].kind, ChangeKind::Changed);
/// assert_eq!(d.changes[0].change.map(|c| c.to_string()).as_deref(), Some("74"));
/// assert_eq!(d.changes[0].relative.map(|c| c.to_string()).as_deref(), Some("3.5238"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn diff(old: &Figures, new: &Figures) -> Diff {
    let mut d = Diff {
        old: old.side.clone(),
        new: new.side.clone(),
        changes: Vec::new(),
        unchanged: 0,
        missing_tables: Vec::new(),
        no_counterpart: Vec::new(),
    };
    for id in TableId::ALL {
        match (old.has_table(id), new.has_table(id)) {
            (true, false) => d.missing_tables.push(MissingTable {
                table: id,
                missing_in: Which::New,
            }),
            (false, true) => d.missing_tables.push(MissingTable {
                table: id,
                missing_in: Which::Old,
            }),
            _ => {}
        }
    }
    let (mut a, mut b) = (old.cells.iter().peekable(), new.cells.iter().peekable());
    loop {
        let step = match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some((x, _)), Some((y, _))) => x.cmp(y),
        };
        match step {
            Ordering::Equal => {
                if let (Some((key, o)), Some((_, n))) = (a.next(), b.next()) {
                    match compare(*key, o, n) {
                        Some(c) => d.changes.push(c),
                        None => d.unchanged += 1,
                    }
                }
            }
            Ordering::Less => {
                if let Some((key, o)) = a.next() {
                    one_side(&mut d, *key, o, Which::Old, new.could_have(*key));
                }
            }
            Ordering::Greater => {
                if let Some((key, n)) = b.next() {
                    one_side(&mut d, *key, n, Which::New, old.could_have(*key));
                }
            }
        }
    }
    d
}

/// A cell that only one report has: a change when the other could have it, otherwise a
/// key without counterpart.
fn one_side(d: &mut Diff, key: CellKey, value: &Value, side: Which, other_could: bool) {
    let shown = Some(value.normalized());
    if !other_could {
        d.no_counterpart.push(NoCounterpart {
            key,
            side,
            value: value.normalized(),
        });
        return;
    }
    let (kind, old, new) = match side {
        Which::Old => (ChangeKind::OnlyOld, shown, None),
        Which::New => (ChangeKind::OnlyNew, None, shown),
    };
    d.changes.push(Change {
        key,
        kind,
        old,
        new,
        change: None,
        relative: None,
    });
}

/// How two values of one cell differ, if they do.
fn compare(key: CellKey, old: &Value, new: &Value) -> Option<Change> {
    let change = |kind, change, relative| Change {
        key,
        kind,
        old: Some(old.normalized()),
        new: Some(new.normalized()),
        change,
        relative,
    };
    match (old, new) {
        (Value::Number(o), Value::Number(n)) => {
            if o.value == n.value {
                return None;
            }
            let delta = n.value.checked_sub(o.value);
            let relative = delta
                .zip((!o.value.is_zero()).then(|| o.value.abs()))
                .and_then(|(d, base)| d.checked_div(base))
                .map(|r| r.round_dp(RELATIVE_PLACES).normalize());
            Some(change(ChangeKind::Changed, delta, relative))
        }
        (Value::Blank, Value::Blank) => None,
        (Value::Blank, Value::Number(n)) => Some(change(
            if n.value.is_zero() {
                ChangeKind::BlankToZero
            } else {
                ChangeKind::BlankToNumber
            },
            None,
            None,
        )),
        (Value::Number(o), Value::Blank) => Some(change(
            if o.value.is_zero() {
                ChangeKind::ZeroToBlank
            } else {
                ChangeKind::NumberToBlank
            },
            None,
            None,
        )),
        _ if old.normalized() == new.normalized() => None,
        _ => Some(change(ChangeKind::Text, None, None)),
    }
}

/// One line of a body's series in tidy form: a cell of one year's report, and its
/// change from the year before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SeriesRow<'a> {
    /// The body, as its first report writes it.
    pub body: &'a str,
    /// The report year.
    pub year: u16,
    /// The canonical key.
    pub key: CellKey,
    /// The value as the tidy export writes it (`""` for blank).
    pub value: String,
    /// `value − last year's value`, when last year's report (of the year right before)
    /// has the cell and both are numbers.
    pub change: Option<Decimal>,
    /// The report's file.
    pub source: &'a str,
}

/// The tidy rows of every body's series: body by body (in the order of
/// [`Pairing::bodies`](crate::Pairing)), year by year, key by key. `pairing` groups
/// `figures` (made by [`Pairing::new`](crate::Pairing::new) from their bodies and
/// years); reports it left out have no rows.
pub fn series_rows<'a>(
    figures: &'a [Figures],
    pairing: &'a crate::Pairing,
) -> impl Iterator<Item = SeriesRow<'a>> + 'a {
    pairing.bodies.iter().flat_map(move |s| {
        let body = s.names.first().map_or(s.key.as_str(), String::as_str);
        s.years.iter().enumerate().flat_map(move |(i, r)| {
            let last = i
                .checked_sub(1)
                .and_then(|j| s.years.get(j))
                .filter(|l| l.year.checked_add(1) == Some(r.year))
                .and_then(|l| figures.get(l.index));
            figures.get(r.index).into_iter().flat_map(move |f| {
                f.cells().map(move |(key, value)| SeriesRow {
                    body,
                    year: r.year,
                    key,
                    value: value.normalized(),
                    change: last
                        .and_then(|l| l.value(key))
                        .and_then(|l| Some((l.number()?.value, value.number()?.value)))
                        .and_then(|(l, v)| v.checked_sub(l)),
                    source: f.side.source.as_str(),
                })
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use zfxxgk_model::Number;

    fn num(v: &str) -> Value {
        Value::Number(Number::new(v.parse().unwrap()))
    }

    #[test]
    fn kinds_are_written_as_serde_writes_them() {
        for k in [
            ChangeKind::Changed,
            ChangeKind::BlankToZero,
            ChangeKind::ZeroToBlank,
            ChangeKind::BlankToNumber,
            ChangeKind::NumberToBlank,
            ChangeKind::Text,
            ChangeKind::OnlyOld,
            ChangeKind::OnlyNew,
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }

    #[test]
    fn values_compare_by_kind() {
        let key: CellKey = "t3.granted.total".parse().unwrap();
        let kind = |o: &Value, n: &Value| compare(key, o, n).map(|c| c.kind);
        assert_eq!(kind(&num("1"), &num("1.0")), None);
        assert_eq!(kind(&Value::Blank, &Value::Blank), None);
        assert_eq!(
            kind(&Value::Blank, &num("0")),
            Some(ChangeKind::BlankToZero)
        );
        assert_eq!(
            kind(&num("0"), &Value::Blank),
            Some(ChangeKind::ZeroToBlank)
        );
        assert_eq!(
            kind(&Value::Blank, &num("3")),
            Some(ChangeKind::BlankToNumber)
        );
        assert_eq!(
            kind(&num("3"), &Value::Blank),
            Some(ChangeKind::NumberToBlank)
        );
        let text = Value::Text {
            text: "见附件".into(),
        };
        assert_eq!(kind(&text, &num("3")), Some(ChangeKind::Text));
        assert_eq!(kind(&text, &text), None);
        let c = compare(key, &num("0"), &num("5")).unwrap();
        assert_eq!((c.change, c.relative), (Some(Decimal::from(5)), None));
        let c = compare(key, &num("-4"), &num("-2")).unwrap();
        assert_eq!(c.relative, Some(Decimal::new(5, 1)));
    }
}
