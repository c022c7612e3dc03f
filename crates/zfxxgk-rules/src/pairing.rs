//! Pairing a body's reports across years: body names normalised through one documented
//! table, reports grouped by body and year once (a hash map, linear in the number of
//! reports), and every decision kept so that a person can read why two reports were,
//! or were not, compared (`zfxxgk diff --explain`).

use std::collections::HashMap;

use serde::Serialize;

/// Written forms of a body's name that mean the same thing, applied in this order after
/// width folding and space removal (see [`normalize_body`]): the longer form first, so
/// that `人民政府办公室` becomes `政府办` and not `政府办公室`.
///
/// | written | read as |
/// |---|---|
/// | 人民政府办公室 | 政府办 |
/// | 人民政府办公厅 | 政府办公厅 |
/// | 政府办公室 | 政府办 |
/// | 人民政府 | 政府 |
pub const BODY_ABBREVIATIONS: &[(&str, &str)] = &[
    ("人民政府办公室", "政府办"),
    ("人民政府办公厅", "政府办公厅"),
    ("政府办公室", "政府办"),
    ("人民政府", "政府"),
];

/// The name under which reports of one body are paired.
///
/// Full-width ASCII (`ＡＢＣ１２３（）`) becomes half-width, every space (the
/// ideographic space `U+3000` too) is removed, Latin letters are lower-cased, and the
/// forms of [`BODY_ABBREVIATIONS`] are shortened. Nothing else is changed: two bodies
/// whose names differ in any other way are two bodies.
///
/// ```
/// use zfxxgk_rules::normalize_body;
/// assert_eq!(normalize_body("洪泽区人民政府办公室"), normalize_body("洪泽区政府办"));
/// assert_eq!(normalize_body("某某市 民政局"), normalize_body("某某市民政局"));
/// assert_eq!(normalize_body("第１２号局（ＡＢ）"), "第12号局(ab)");
/// assert_ne!(normalize_body("洪泽区民政局"), normalize_body("洪泽区财政局"));
/// ```
pub fn normalize_body(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in name.chars() {
        let ch = match ch {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(ch) - 0xFEE0).unwrap_or(ch),
            _ => ch,
        };
        if !ch.is_whitespace() {
            out.push(ch.to_ascii_lowercase());
        }
    }
    for (long, short) in BODY_ABBREVIATIONS {
        if out.contains(long) {
            out = out.replace(long, short);
        }
    }
    out
}

/// One body's reports, year by year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BodySeries {
    /// The name they are paired under ([`normalize_body`]).
    pub key: String,
    /// Every name the reports write, as written, in the order first met.
    pub names: Vec<String>,
    /// The reports, one per year, oldest first.
    pub years: Vec<YearReport>,
}

/// A report of a body's series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct YearReport {
    /// The year it covers.
    pub year: u16,
    /// Its index among the reports paired.
    pub index: usize,
}

/// Why a report was left out of every series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unpaired {
    /// The report names no body.
    NoBody {
        /// Its index among the reports paired.
        index: usize,
    },
    /// The report states no year.
    NoYear {
        /// Its index among the reports paired.
        index: usize,
    },
    /// Its body has more than one report for its year, so which one continues the
    /// series cannot be told.
    SameYear {
        /// Its index among the reports paired.
        index: usize,
        /// The body's name, as paired.
        body: String,
        /// The year written twice.
        year: u16,
    },
}

impl Unpaired {
    /// The index of the report left out.
    pub fn index(&self) -> usize {
        match self {
            Unpaired::NoBody { index }
            | Unpaired::NoYear { index }
            | Unpaired::SameYear { index, .. } => *index,
        }
    }
}

/// Reports grouped by body and year: the series of each body and the reports left out,
/// each with its reason.
///
/// ```
/// use zfxxgk_rules::Pairing;
/// let reports = [
///     (Some("某区人民政府办公室"), Some(2023)),
///     (Some("某区政府办"), Some(2024)),
///     (None, Some(2024)),
/// ];
/// let pairing = Pairing::new(reports);
/// assert_eq!(pairing.consecutive().collect::<Vec<_>>(), [(0, 1)]);
/// assert_eq!(pairing.unpaired.len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Pairing {
    /// Each body's series, in the order its first report was met.
    pub bodies: Vec<BodySeries>,
    /// The reports in no series, in input order.
    pub unpaired: Vec<Unpaired>,
}

impl Pairing {
    /// Groups reports, given as `(body, year)` in order, by body and year.
    pub fn new<'a>(reports: impl IntoIterator<Item = (Option<&'a str>, Option<u16>)>) -> Pairing {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut pairing = Pairing::default();
        for (index, (body, year)) in reports.into_iter().enumerate() {
            let Some(body) = body.filter(|b| !b.trim().is_empty()) else {
                pairing.unpaired.push(Unpaired::NoBody { index });
                continue;
            };
            let Some(year) = year else {
                pairing.unpaired.push(Unpaired::NoYear { index });
                continue;
            };
            let key = normalize_body(body);
            let group = *by_key.entry(key.clone()).or_insert_with(|| {
                pairing.bodies.push(BodySeries {
                    key,
                    names: Vec::new(),
                    years: Vec::new(),
                });
                pairing.bodies.len() - 1
            });
            if let Some(series) = pairing.bodies.get_mut(group) {
                if !series.names.iter().any(|n| n == body) {
                    series.names.push(body.to_owned());
                }
                series.years.push(YearReport { year, index });
            }
        }
        for series in &mut pairing.bodies {
            series.years.sort_by_key(|r| (r.year, r.index));
            let mut kept = Vec::with_capacity(series.years.len());
            for run in series.years.chunk_by(|a, b| a.year == b.year) {
                match run {
                    [one] => kept.push(*one),
                    _ => pairing
                        .unpaired
                        .extend(run.iter().map(|r| Unpaired::SameYear {
                            index: r.index,
                            body: series.key.clone(),
                            year: r.year,
                        })),
                }
            }
            series.years = kept;
        }
        pairing.unpaired.sort_by_key(Unpaired::index);
        pairing
    }

    /// Every pair of a body's reports for consecutive years, as `(last year's index,
    /// this year's index)`, body by body, oldest first.
    pub fn consecutive(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.bodies.iter().flat_map(|s| {
            s.years.windows(2).filter_map(|w| match w {
                [a, b] if a.year.checked_add(1) == Some(b.year) => Some((a.index, b.index)),
                _ => None,
            })
        })
    }

    /// Each decision in a sentence, for a person: which names were read as one body,
    /// which reports follow each other, where a year is missing, and why a report was
    /// left out. `sources` names the reports by index.
    pub fn explain(&self, sources: &[&str]) -> Vec<String> {
        let name = |i: usize| sources.get(i).copied().unwrap_or("?");
        let mut out = Vec::new();
        for s in &self.bodies {
            let years: Vec<String> = s
                .years
                .iter()
                .map(|r| format!("{} {}", r.year, name(r.index)))
                .collect();
            out.push(format!("body {}: {}", s.key, years.join(", ")));
            if s.names.len() > 1 || s.names.first().is_some_and(|n| *n != s.key) {
                out.push(format!(
                    "  written {}: read as one body {} (spaces, full-width characters and {} removed or shortened)",
                    s.names.join(" / "),
                    s.key,
                    "人民政府办公室 and similar forms"
                ));
            }
            for w in s.years.windows(2) {
                if let [a, b] = w {
                    if a.year.checked_add(1) == Some(b.year) {
                        out.push(format!(
                            "  paired {} {} -> {} {}",
                            a.year,
                            name(a.index),
                            b.year,
                            name(b.index)
                        ));
                    } else {
                        out.push(format!(
                            "  not paired {} {} and {} {}: no report for the years between",
                            a.year,
                            name(a.index),
                            b.year,
                            name(b.index)
                        ));
                    }
                }
            }
        }
        for u in &self.unpaired {
            out.push(match u {
                Unpaired::NoBody { index } => {
                    format!("not paired {}: it names no body", name(*index))
                }
                Unpaired::NoYear { index } => {
                    format!("not paired {}: it states no year", name(*index))
                }
                Unpaired::SameYear { index, body, year } => format!(
                    "not paired {}: body {body} has more than one report for {year}",
                    name(*index)
                ),
            });
        }
        out
    }
}

/// Reports of an older and a newer collection (two folders) matched by body: what
/// [`Matching::new`] decided, with a sentence for each decision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Matching {
    /// `(old index, new index)` of each pair, in the order of the old index.
    pub pairs: Vec<(usize, usize)>,
    /// Each decision in a sentence, for a person: the pairs, the names read as one
    /// body, and every report left unpaired with the reason.
    pub decisions: Vec<String>,
}

/// The source of report `i` of a side.
fn source<'a>(list: &[(&'a str, Option<&str>, Option<u16>)], i: usize) -> &'a str {
    list.get(i).map_or("?", |r| r.0)
}

/// A body's reports on each side, while matching.
struct Sides {
    key: String,
    names: Vec<String>,
    old: Vec<(usize, u16)>,
    new: Vec<(usize, u16)>,
}

impl Matching {
    /// Matches the `old` reports with the `new` ones, each given as `(source, body,
    /// year)`. Bodies are compared through [`normalize_body`]. A body with one report on
    /// each side is paired whatever the years; a body with several is paired year by
    /// year, each old report with the new report of the year after it when there is
    /// exactly one. Everything else is left unpaired, and [`Matching::decisions`] says
    /// why.
    pub fn new(
        old: &[(&str, Option<&str>, Option<u16>)],
        new: &[(&str, Option<&str>, Option<u16>)],
    ) -> Matching {
        let mut m = Matching::default();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut groups: Vec<Sides> = Vec::new();
        for (side, list) in [("OLD", old), ("NEW", new)] {
            for (index, &(source, body, year)) in list.iter().enumerate() {
                let Some(body) = body.filter(|b| !b.trim().is_empty()) else {
                    m.decisions
                        .push(format!("not paired {side} {source}: it names no body"));
                    continue;
                };
                let key = normalize_body(body);
                let g = *by_key.entry(key.clone()).or_insert_with(|| {
                    groups.push(Sides {
                        key,
                        names: Vec::new(),
                        old: Vec::new(),
                        new: Vec::new(),
                    });
                    groups.len() - 1
                });
                let Some(group) = groups.get_mut(g) else {
                    continue;
                };
                if !group.names.iter().any(|n| n == body) {
                    group.names.push(body.to_owned());
                }
                let year = year.unwrap_or(0);
                if side == "OLD" {
                    group.old.push((index, year));
                } else {
                    group.new.push((index, year));
                }
            }
        }
        let year = |y: u16| {
            if y == 0 {
                "no year".to_owned()
            } else {
                y.to_string()
            }
        };
        for g in &groups {
            if g.names.len() > 1 || g.names.first().is_some_and(|n| *n != g.key) {
                m.decisions.push(format!(
                    "written {}: read as one body {}",
                    g.names.join(" / "),
                    g.key
                ));
            }
            if let ([(o, oy)], [(n, ny)]) = (g.old.as_slice(), g.new.as_slice()) {
                m.pairs.push((*o, *n));
                m.decisions.push(format!(
                    "paired {} ({}) -> {} ({}): body {}",
                    source(old, *o),
                    year(*oy),
                    source(new, *n),
                    year(*ny),
                    g.key
                ));
                continue;
            }
            let mut used = vec![false; g.new.len()];
            for &(o, oy) in &g.old {
                let next: Vec<usize> = g
                    .new
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, ny))| oy != 0 && oy.checked_add(1) == Some(*ny))
                    .map(|(j, _)| j)
                    .collect();
                match (next.as_slice(), g.old.iter().filter(|(_, y)| *y == oy).count()) {
                    ([j], 1) => {
                        if let (Some(&(n, ny)), Some(u)) = (g.new.get(*j), used.get_mut(*j)) {
                            *u = true;
                            m.pairs.push((o, n));
                            m.decisions.push(format!(
                                "paired {} ({}) -> {} ({}): body {}, the year after",
                                source(old, o),
                                year(oy),
                                source(new, n),
                                year(ny),
                                g.key
                            ));
                        }
                    }
                    _ => m.decisions.push(format!(
                        "not paired OLD {}: body {} has {} reports in OLD and {} in NEW, and not exactly one of each for {} and the year after",
                        source(old, o),
                        g.key,
                        g.old.len(),
                        g.new.len(),
                        year(oy)
                    )),
                }
            }
            for (&(n, _), u) in g.new.iter().zip(&used) {
                if !u {
                    m.decisions.push(format!(
                        "not paired NEW {}: body {} has no report in OLD to compare it with",
                        source(new, n),
                        g.key
                    ));
                }
            }
        }
        m.pairs.sort_unstable();
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_table() {
        let same = [
            ("洪泽区人民政府办公室", "洪泽区政府办"),
            ("洪泽区人民政府办公室", "洪泽区政府办公室"),
            ("江苏省人民政府办公厅", "江苏省政府办公厅"),
            ("淮安市人民政府", "淮安市政府"),
            ("某某市　民政局", "某某市民政局"),
            ("某某市 民政局 ", "某某市民政局"),
            ("第１２号局", "第12号局"),
            ("ＡＢＣ局", "abc局"),
        ];
        for (a, b) in same {
            assert_eq!(normalize_body(a), normalize_body(b), "{a} / {b}");
        }
        let different = [
            ("洪泽区民政局", "洪泽区财政局"),
            ("洪泽区人民政府", "淮安区人民政府"),
            ("某某市政府办", "某某市政府"),
        ];
        for (a, b) in different {
            assert_ne!(normalize_body(a), normalize_body(b), "{a} / {b}");
        }
    }

    #[test]
    fn groups_by_body_and_year_and_says_why_not() {
        let reports = [
            (Some("甲局"), Some(2023)),
            (Some("乙局"), Some(2023)),
            (Some("甲　局"), Some(2024)),
            (Some("乙局"), Some(2025)),
            (Some("丙局"), Some(2024)),
            (Some("丙局"), Some(2024)),
            (None, Some(2024)),
            (Some("丁局"), None),
            (Some("甲局"), Some(2022)),
        ];
        let p = Pairing::new(reports);
        assert_eq!(p.consecutive().collect::<Vec<_>>(), [(8, 0), (0, 2)]);
        let left: Vec<usize> = p.unpaired.iter().map(Unpaired::index).collect();
        assert_eq!(left, [4, 5, 6, 7]);
        let names: Vec<String> = (0..9).map(|i| format!("r{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let text = p.explain(&names).join("\n");
        for line in [
            "body 甲局: 2022 r8, 2023 r0, 2024 r2",
            "written 甲局 / 甲　局: read as one body 甲局",
            "paired 2023 r0 -> 2024 r2",
            "not paired 2023 r1 and 2025 r3: no report for the years between",
            "not paired r4: body 丙局 has more than one report for 2024",
            "not paired r6: it names no body",
            "not paired r7: it states no year",
        ] {
            assert!(text.contains(line), "{line} not in\n{text}");
        }
    }

    #[test]
    fn matching_two_folders() {
        let old = [
            ("o/a", Some("甲区人民政府办公室"), Some(2023)),
            ("o/b", Some("乙局"), Some(2023)),
            ("o/c", None, Some(2023)),
            ("o/d", Some("丙局"), Some(2022)),
            ("o/e", Some("丙局"), Some(2023)),
        ];
        let new = [
            ("n/b", Some("乙局"), Some(2024)),
            ("n/a", Some("甲区政府办"), Some(2024)),
            ("n/f", Some("丁局"), Some(2024)),
            ("n/e", Some("丙局"), Some(2024)),
        ];
        let m = Matching::new(&old, &new);
        assert_eq!(m.pairs, [(0, 1), (1, 0), (4, 3)]);
        let text = m.decisions.join("\n");
        for line in [
            "written 甲区人民政府办公室 / 甲区政府办: read as one body 甲区政府办",
            "paired o/a (2023) -> n/a (2024): body 甲区政府办",
            "paired o/e (2023) -> n/e (2024): body 丙局, the year after",
            "not paired OLD o/c: it names no body",
            "not paired OLD o/d: body 丙局 has 2 reports in OLD and 1 in NEW",
            "not paired NEW n/f: body 丁局 has no report in OLD",
        ] {
            assert!(text.contains(line), "{line} not in\n{text}");
        }
    }
}
