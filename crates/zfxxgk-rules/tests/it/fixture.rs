//! Reports built by hand: a consistent 2019 or 2021 report, written out as text (one
//! table row per line, cells separated by tabs) so that every cell, heading and fact
//! has a true location.

use std::collections::BTreeMap;

use zfxxgk_model::{
    Cell, CellKey, Decimal, Edition, Fact, FactKind, Location, Meta, Number, Placement, Report,
    Section, SectionKey, Table, TableId, Template, Value, YearSource, YearStatement, T3_COLUMNS,
    T4_COLUMNS, T4_GROUPS,
};

/// A report and the text its locations point into.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub edition: Edition,
    pub values: BTreeMap<CellKey, Value>,
    pub facts: Vec<(FactKind, i64)>,
    pub text: String,
    pub report: Report,
}

pub fn key(name: &str) -> CellKey {
    name.parse().expect("canonical key")
}

pub fn num(n: i64) -> Value {
    Value::Number(Number::new(Decimal::from(n)))
}

/// The rows of （一） to （六） that add up to （七）总计 in `edition`.
pub fn result_rows(edition: Edition) -> Vec<&'static str> {
    Template::of(edition)
        .t3_rows
        .iter()
        .map(|r| r.key)
        .filter(|r| {
            !matches!(
                *r,
                "new_received" | "carried_over" | "results_total" | "carried_forward"
            )
        })
        .collect()
}

/// Consistent table 三 and 四 values from the counts of each part cell of （一）–（六）
/// (`parts[r * 6 + c]`), of 二、上年结转 and of 四、结转下年度 per applicant column
/// (carried over is capped so that 一 stays non-negative), and of each table 四 part.
pub fn consistent_values(
    edition: Edition,
    parts: &[i64],
    carried_over: &[i64; 6],
    carried_forward: &[i64; 6],
    t4_parts: &[i64; 12],
) -> BTreeMap<CellKey, Value> {
    let mut v = BTreeMap::new();
    let columns: Vec<&str> = T3_COLUMNS.iter().map(|c| c.key).take(6).collect();
    let rows = result_rows(edition);
    let mut row_totals: BTreeMap<&'static str, i64> = BTreeMap::new();
    let mut put = |v: &mut BTreeMap<CellKey, Value>, row: &'static str, column: &str, n: i64| {
        v.insert(key(&format!("t3.{row}.{column}")), num(n));
        *row_totals.entry(row).or_default() += n;
    };
    for (c, column) in columns.iter().enumerate() {
        let mut results = 0;
        for (r, row) in rows.iter().enumerate() {
            let n = parts.get(r * 6 + c).copied().unwrap_or(0);
            results += n;
            put(&mut v, row, column, n);
        }
        put(&mut v, "results_total", column, results);
        let cf = carried_forward[c];
        let co = carried_over[c].min(results + cf);
        put(&mut v, "carried_over", column, co);
        put(&mut v, "carried_forward", column, cf);
        put(&mut v, "new_received", column, results + cf - co);
    }
    for (row, total) in row_totals {
        v.insert(key(&format!("t3.{row}.total")), num(total));
    }
    for (g, group) in T4_GROUPS.iter().enumerate() {
        let mut total = 0;
        for (c, column) in T4_COLUMNS.iter().take(4).enumerate() {
            let n = t4_parts[g * 4 + c];
            total += n;
            v.insert(key(&format!("t4.{}.{}", group.key, column.key)), num(n));
        }
        v.insert(key(&format!("t4.{}.total", group.key)), num(total));
    }
    let t2: &[(&str, Value)] = match edition {
        Edition::V2021 => &[
            ("t2.regulations.issued", num(1)),
            ("t2.regulations.repealed", num(0)),
            ("t2.regulations.in_force", num(11)),
            ("t2.normative_documents.issued", num(8)),
            ("t2.normative_documents.repealed", num(26)),
            ("t2.normative_documents.in_force", num(66)),
            ("t2.licensing.decisions", num(447)),
            ("t2.penalties.decisions", num(39)),
            ("t2.enforcement.decisions", num(8)),
            ("t2.fees.amount_10k_yuan", num(0)),
        ],
        Edition::V2019 => &[
            ("t2.regulations.made", num(0)),
            ("t2.regulations.published", num(0)),
            ("t2.regulations.published_total", num(0)),
            ("t2.normative_documents.made", num(3)),
            ("t2.normative_documents.published", num(3)),
            ("t2.normative_documents.published_total", num(12)),
            ("t2.licensing.items_last_year", num(4)),
            ("t2.licensing.items_change", num(-1)),
            ("t2.licensing.decisions", num(60)),
            ("t2.other_services.items_last_year", num(0)),
            ("t2.other_services.items_change", num(0)),
            ("t2.other_services.decisions", num(0)),
            ("t2.penalties.items_last_year", num(2)),
            ("t2.penalties.items_change", num(0)),
            ("t2.penalties.decisions", num(5)),
            ("t2.enforcement.items_last_year", num(0)),
            ("t2.enforcement.items_change", num(0)),
            ("t2.enforcement.decisions", num(0)),
            ("t2.fees.items_last_year", num(0)),
            ("t2.fees.items_change", num(0)),
            ("t2.procurement.items", num(15)),
            (
                "t2.procurement.amount",
                Value::Number(Number {
                    value: Decimal::new(8_128_486, 2),
                    unit: Some("元".into()),
                }),
            ),
        ],
    };
    for (k, value) in t2 {
        v.insert(key(k), value.clone());
    }
    v
}

/// A small consistent report of `edition`, with every cell, and facts that agree.
pub fn consistent(edition: Edition) -> Fixture {
    let rows = result_rows(edition).len();
    let parts: Vec<i64> = (0..rows * 6)
        .map(|i| match i % 7 {
            0 => 3,
            3 => 1,
            _ => 0,
        })
        .collect();
    let values = consistent_values(
        edition,
        &parts,
        &[2, 0, 0, 0, 1, 0],
        &[1, 1, 0, 0, 0, 0],
        &[1, 2, 0, 1, 0, 0, 1, 0, 2, 0, 0, 0],
    );
    let mut fixture = Fixture {
        edition,
        values,
        facts: Vec::new(),
        text: String::new(),
        report: Report::default(),
    };
    let total = |name: &str| match fixture.values.get(&key(name)) {
        Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
        _ => 0,
    };
    fixture.facts = vec![
        (FactKind::NewReceived, total("t3.new_received.total")),
        (FactKind::Granted, total("t3.granted.total")),
        (FactKind::Reviews, total("t4.review.total")),
    ];
    fixture.rebuild()
}

impl Fixture {
    /// The same report with one cell's value changed.
    pub fn with(mut self, name: &str, value: Value) -> Fixture {
        self.values.insert(key(name), value);
        self.rebuild()
    }

    /// The same report with a cell removed.
    pub fn without(mut self, name: &str) -> Fixture {
        self.values.remove(&key(name));
        self.rebuild()
    }

    /// The same report with these facts stated in its text.
    pub fn stating(mut self, facts: &[(FactKind, i64)]) -> Fixture {
        self.facts = facts.to_vec();
        self.rebuild()
    }

    /// The value of a cell.
    pub fn value(&self, name: &str) -> i64 {
        match self.values.get(&key(name)) {
            Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
            _ => 0,
        }
    }

    /// Writes the text and the report again from `values` and `facts`.
    pub fn rebuild(mut self) -> Fixture {
        let mut w = Writer::default();
        let year: u16 = match self.edition {
            Edition::V2019 => 2020,
            Edition::V2021 => 2023,
        };
        let title = format!("测试局{year}年政府信息公开工作年度报告");
        let title_location = w.line(&[&title])[0];
        let year_location = Location {
            start: title_location.start + "测试局".len(),
            end: title_location.start + "测试局".len() + 4,
            line: title_location.line,
            column: 4,
        };
        let mut sections = Vec::new();
        let mut tables = Vec::new();
        let mut facts = Vec::new();
        for s in SectionKey::ALL {
            let heading = format!("{}、{}", s.numeral(), s.title());
            let location = w.line(&[&heading])[0];
            let body_start = w.text.len();
            match s {
                SectionKey::S1 => {
                    for (kind, n) in &self.facts {
                        let (before, after) = phrase(*kind);
                        let start = w.text.len() + before.len();
                        let n_text = n.to_string();
                        let loc = w.line(&[&format!("{before}{n_text}{after}")])[0];
                        facts.push(Fact {
                            kind: *kind,
                            value: Decimal::from(*n),
                            unit: Some("件".into()),
                            location: Location {
                                start,
                                end: start + n_text.len(),
                                line: loc.line,
                                column: before.chars().count() as u32 + 1,
                            },
                            text: format!("{before}{n_text}{after}"),
                        });
                    }
                }
                SectionKey::S2 => tables.push(self.table2(&mut w)),
                SectionKey::S3 => tables.push(self.table3(&mut w)),
                SectionKey::S4 => tables.push(self.table4(&mut w)),
                _ => {
                    w.line(&["无"]);
                }
            }
            let body_end = w.text.len();
            sections.push(Section {
                key: s,
                heading,
                location,
                body: w.location(body_start, body_end),
                text: w.text[body_start..body_end].to_owned(),
            });
        }
        self.report = Report {
            meta: Meta {
                title: Some(title),
                title_location: Some(title_location),
                body: Some("测试局".into()),
                year: Some(year),
                years: vec![YearStatement {
                    year,
                    source: YearSource::Title,
                    location: year_location,
                }],
                edition: Some(self.edition),
                encoding: Some("UTF-8".into()),
            },
            sections,
            tables,
            facts,
            unplaced: Vec::new(),
            notes: Vec::new(),
            blocks: Vec::new(),
        };
        self.text = w.text;
        self
    }

    fn row(&self, w: &mut Writer, label: &str, keys: &[CellKey], cells: &mut Vec<Cell>) {
        let texts: Vec<String> = keys
            .iter()
            .map(|k| match self.values.get(k) {
                Some(Value::Number(n)) => format!("{}{}", n.value, n.unit.as_deref().unwrap_or("")),
                Some(Value::Text { text }) => text.clone(),
                Some(Value::Blank) | None => String::new(),
            })
            .collect();
        let mut parts: Vec<&str> = vec![label];
        parts.extend(texts.iter().map(String::as_str));
        let locations = w.line(&parts);
        for (i, k) in keys.iter().enumerate() {
            if let Some(value) = self.values.get(k) {
                cells.push(Cell {
                    key: *k,
                    value: value.clone(),
                    raw: texts[i].clone(),
                    location: locations[i + 1],
                    placement: Placement::Label,
                });
            }
        }
    }

    fn table2(&self, w: &mut Writer) -> Table {
        let start = w.text.len();
        let mut cells = Vec::new();
        let mut items = Vec::new();
        for sub in Template::of(self.edition).t2 {
            items.push(sub.item);
            w.line(&[&format!("第二十条第（{}）项", sub.item)]);
            for r in sub.rows {
                let keys: Vec<CellKey> = sub
                    .columns
                    .iter()
                    .map(|c| key(&format!("t2.{}.{}", r.key, c.key)))
                    .collect();
                self.row(w, r.label, &keys, &mut cells);
            }
        }
        cells.sort_by_key(|c| c.key);
        Table {
            id: TableId::T2,
            edition: Some(self.edition),
            location: w.location(start, w.text.len().saturating_sub(1)),
            items,
            cells,
        }
    }

    fn table3(&self, w: &mut Writer) -> Table {
        let start = w.text.len();
        let mut cells = Vec::new();
        for r in Template::of(self.edition).t3_rows {
            let keys: Vec<CellKey> = T3_COLUMNS
                .iter()
                .map(|c| key(&format!("t3.{}.{}", r.key, c.key)))
                .collect();
            let label = r.label.split('（').next().unwrap_or(r.label);
            self.row(w, &format!("{}{label}", r.number), &keys, &mut cells);
        }
        cells.sort_by_key(|c| c.key);
        Table {
            id: TableId::T3,
            edition: Some(self.edition),
            location: w.location(start, w.text.len().saturating_sub(1)),
            items: Vec::new(),
            cells,
        }
    }

    fn table4(&self, w: &mut Writer) -> Table {
        let start = w.text.len();
        let mut cells = Vec::new();
        let keys: Vec<CellKey> = T4_GROUPS
            .iter()
            .flat_map(|g| {
                T4_COLUMNS
                    .iter()
                    .map(move |c| key(&format!("t4.{}.{}", g.key, c.key)))
            })
            .collect();
        self.row(w, "复议诉讼", &keys, &mut cells);
        cells.sort_by_key(|c| c.key);
        Table {
            id: TableId::T4,
            edition: Some(self.edition),
            location: w.location(start, w.text.len().saturating_sub(1)),
            items: Vec::new(),
            cells,
        }
    }
}

/// The words around the number of a fact in the fixture's text.
fn phrase(kind: FactKind) -> (&'static str, &'static str) {
    match kind {
        FactKind::NewReceived => ("全年收到政府信息公开申请", "件。"),
        FactKind::Granted => ("予以公开", "件。"),
        FactKind::Reviews => ("政府信息公开行政复议", "件。"),
        FactKind::Lawsuits => ("政府信息公开行政诉讼", "件。"),
        FactKind::NoApplications => ("未收到政府信息公开申请，计", "件。"),
        FactKind::ProcessingFee => ("全年收取信息处理费", "元。"),
        _ => ("另有", "件。"),
    }
}

/// Writes lines and knows where everything stands.
#[derive(Default)]
struct Writer {
    text: String,
    line: u32,
}

impl Writer {
    /// Writes one line of tab-separated parts; returns the location of each part.
    fn line(&mut self, parts: &[&str]) -> Vec<Location> {
        self.line += 1;
        let mut out = Vec::new();
        let mut column = 1;
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                self.text.push('\t');
                column += 1;
            }
            let start = self.text.len();
            self.text.push_str(p);
            out.push(Location {
                start,
                end: self.text.len(),
                line: self.line,
                column,
            });
            column += p.chars().count() as u32;
        }
        self.text.push('\n');
        out
    }

    fn location(&self, start: usize, end: usize) -> Location {
        let before = &self.text[..start];
        Location {
            start,
            end,
            line: before.matches('\n').count() as u32 + 1,
            column: before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count() as u32
                + 1,
        }
    }
}
