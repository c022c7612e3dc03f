//! Building findings: the cells a finding names come first, each with its span, so that
//! `spans[i]` is the place of `keys[i]`; other places (headings, sentences) follow.

use std::collections::HashSet;

use zfxxgk_model::{Cell, CellKey, Finding, Location};

use crate::rule::Builtin;

/// Separates the Chinese and English halves of a note (`空白按0计 | blank counted as 0`).
pub(crate) const NOTE_SEPARATOR: &str = " | ";

/// A finding being built.
pub(crate) struct Draft {
    finding: Finding,
    extra: Vec<Location>,
    /// The places in `extra`, so that adding one stays cheap when a finding names
    /// thousands (a section written over and over).
    seen: HashSet<Location>,
}

impl Draft {
    /// A finding of `rule` with its message.
    pub(crate) fn new(rule: &Builtin, zh: String, en: String) -> Draft {
        Draft {
            finding: Finding {
                rule: rule.id.to_owned(),
                severity: rule.severity,
                message_zh: zh,
                message_en: en,
                keys: Vec::new(),
                expected: None,
                actual: None,
                spans: Vec::new(),
                culprit: None,
                notes: Vec::new(),
            },
            extra: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// Names a cell: its key, and its place.
    pub(crate) fn cell(self, cell: &Cell) -> Draft {
        self.key_at(cell.key, cell.location)
    }

    /// Names a cell by its key and place, for a rule that keeps no `Cell` (T305 keeps
    /// a summary of each report).
    pub(crate) fn key_at(mut self, key: CellKey, location: Location) -> Draft {
        if !self.finding.keys.contains(&key) {
            self.finding.keys.push(key);
            self.finding.spans.push(location);
        }
        self
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
            self.extra.push(location);
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
        self.finding.notes.push(format!("{zh}{NOTE_SEPARATOR}{en}"));
        self
    }

    /// The finding.
    pub(crate) fn finish(mut self) -> Finding {
        self.finding.spans.append(&mut self.extra);
        self.finding
    }
}
