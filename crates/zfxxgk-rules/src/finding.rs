//! Building findings: the cells a finding names come first, in the order they were
//! named, then the other places (headings, sentences).

use std::collections::HashSet;

use zfxxgk_model::{Cell, CellKey, Finding, Location, Place, Text};

use crate::rule::Builtin;

/// A finding being built.
pub(crate) struct Draft {
    finding: Finding,
    extra: Vec<Place>,
    /// The places in `extra`, so that adding one stays cheap when a finding names
    /// thousands (a section written over and over).
    seen: HashSet<Location>,
}

impl Draft {
    /// A finding of `rule` with its message.
    pub(crate) fn new(rule: &Builtin, zh: String, en: String) -> Draft {
        Draft {
            finding: Finding {
                rule: rule.id,
                severity: rule.severity,
                message: Text { zh, en },
                places: Vec::new(),
                expected: None,
                actual: None,
                culprit: None,
                notes: Vec::new(),
            },
            extra: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// Names a cell: its key, its text as read, and its place.
    pub(crate) fn cell(mut self, cell: &Cell) -> Draft {
        if !self.names(cell.key) {
            let place = Place::cell(cell.key, cell.raw.as_str(), Some(cell.location));
            self.finding.places.push(place);
        }
        self
    }

    /// Names a cell by its key and place, for a rule that keeps no `Cell` (T305 keeps
    /// a summary of each report): its text as read is not known.
    pub(crate) fn key_at(mut self, key: CellKey, location: Location) -> Draft {
        if !self.names(key) {
            self.finding.places.push(Place {
                key: Some(key),
                value: None,
                location: Some(location),
            });
        }
        self
    }

    fn names(&self, key: CellKey) -> bool {
        self.finding.places.iter().any(|p| p.key == Some(key))
    }

    /// Names several cells.
    pub(crate) fn cells<'a>(mut self, cells: impl IntoIterator<Item = &'a Cell>) -> Draft {
        for c in cells {
            self = self.cell(c);
        }
        self
    }

    /// Adds a place that is not a cell (a heading, a sentence).
    pub(crate) fn span(mut self, location: Location) -> Draft {
        if self.seen.insert(location) {
            self.extra.push(Place::at(location));
        }
        self
    }

    /// The value expected and the value found.
    pub(crate) fn values(mut self, expected: impl ToString, actual: impl ToString) -> Draft {
        self.finding.expected = Some(expected.to_string());
        self.finding.actual = Some(actual.to_string());
        self
    }

    /// The value found, when the rule computes no expected one.
    pub(crate) fn actual(mut self, actual: impl ToString) -> Draft {
        self.finding.actual = Some(actual.to_string());
        self
    }

    /// The cell most likely to hold the typo.
    pub(crate) fn culprit(mut self, key: CellKey) -> Draft {
        self.finding.culprit = Some(key);
        self
    }

    /// A remark, in both languages.
    pub(crate) fn note(mut self, zh: &str, en: &str) -> Draft {
        self.finding.notes.push(Text::new(zh, en));
        self
    }

    /// The finding.
    pub(crate) fn finish(mut self) -> Finding {
        self.finding.places.append(&mut self.extra);
        self.finding
    }
}
