//! The `Rule` trait, the built-in rules as values, and `RuleSet` to select them.

use std::fmt;

use zfxxgk_model::{Finding, Report, Severity};

use crate::context::Context;
use crate::{narrative, series, structure, table2, table3, table4, Error, Result};

/// A validation rule: an ID, a severity, a description, and a check.
///
/// The built-in rules are those of RULES.md (`S001`…`N004`); a downstream crate can
/// implement this trait for rules of its own and [`RuleSet::add`] them.
pub trait Rule: Send + Sync {
    /// The rule's stable ID (`T301`).
    fn id(&self) -> &str;
    /// How serious its findings are.
    fn severity(&self) -> Severity;
    /// What it checks, in Chinese.
    fn description_zh(&self) -> &str;
    /// What it checks, in English.
    fn description_en(&self) -> &str;
    /// Checks one report and appends what it finds to `out`.
    ///
    /// A rule with nothing to check (its table is missing) appends nothing.
    fn check(&self, report: &Report, out: &mut Vec<Finding>);
}

/// A built-in rule: its metadata and the function that checks it.
#[derive(Clone, Copy)]
pub(crate) struct Builtin {
    pub(crate) id: &'static str,
    pub(crate) severity: Severity,
    pub(crate) zh: &'static str,
    pub(crate) en: &'static str,
    pub(crate) check: fn(&Context<'_>, &mut Vec<Finding>),
}

impl Rule for Builtin {
    fn id(&self) -> &str {
        self.id
    }

    fn severity(&self) -> Severity {
        self.severity
    }

    fn description_zh(&self) -> &str {
        self.zh
    }

    fn description_en(&self) -> &str {
        self.en
    }

    fn check(&self, report: &Report, out: &mut Vec<Finding>) {
        (self.check)(&Context::new(report), out);
    }
}

/// A rule of a set: a built-in one, which shares its report's [`Context`] with the
/// other built-in rules, or one added downstream.
enum Entry {
    Builtin(&'static Builtin),
    Added(Box<dyn Rule>),
}

impl Entry {
    fn rule(&self) -> &dyn Rule {
        match self {
            Entry::Builtin(b) => *b,
            Entry::Added(r) => r.as_ref(),
        }
    }
}

/// An ordered set of rules to run on a report: all built-in rules by default.
///
/// ```
/// use zfxxgk_rules::RuleSet;
///
/// let set = RuleSet::default().allow(&["T202"]).only(&["T2", "T3"]);
/// let ids: Vec<&str> = set.rules().map(|r| r.id()).collect();
/// assert_eq!(ids, ["T201", "T203", "T301", "T302", "T303", "T304", "T305"]);
/// ```
pub struct RuleSet {
    rules: Vec<Entry>,
}

impl RuleSet {
    /// Every built-in rule of RULES.md, in the order of RULES.md's ID families
    /// (S, T2, T3, T4, N).
    pub fn builtin() -> RuleSet {
        let rules = [
            structure::RULES,
            table2::RULES,
            table3::RULES,
            table4::RULES,
            narrative::RULES,
        ]
        .into_iter()
        .flatten()
        .map(Entry::Builtin)
        .collect();
        RuleSet { rules }
    }

    /// A set with no rule at all, to [`add`](RuleSet::add) to.
    pub fn empty() -> RuleSet {
        RuleSet { rules: Vec::new() }
    }

    /// Adds a rule (a downstream crate's own, say) at the end of the set.
    // A builder method like `allow` and `only`, not arithmetic.
    #[allow(clippy::should_implement_trait)]
    pub fn add(mut self, rule: Box<dyn Rule>) -> RuleSet {
        self.rules.push(Entry::Added(rule));
        self
    }

    /// Disables the rules whose ID is one of `ids` (exactly, or as a prefix: `T3`
    /// disables every table 三 rule).
    pub fn allow(mut self, ids: &[&str]) -> RuleSet {
        self.rules
            .retain(|r| !ids.iter().any(|id| r.rule().id().starts_with(id)));
        self
    }

    /// Keeps only the rules whose ID starts with one of `prefixes`.
    pub fn only(mut self, prefixes: &[&str]) -> RuleSet {
        self.rules
            .retain(|r| prefixes.iter().any(|p| r.rule().id().starts_with(p)));
        self
    }

    /// Checks that every ID or prefix names at least one rule of this set, so that a
    /// user's typo (`T31`) is reported instead of silently selecting nothing.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownRule`] with the first ID that names no rule.
    pub fn ensure_known(&self, ids: &[&str]) -> Result<()> {
        for id in ids {
            if !self.rules().any(|r| r.id().starts_with(id)) {
                return Err(Error::UnknownRule {
                    id: (*id).to_owned(),
                });
            }
        }
        Ok(())
    }

    /// The rules of the set, in order.
    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(Entry::rule)
    }

    /// True when the set has a rule with exactly this ID.
    pub fn contains(&self, id: &str) -> bool {
        self.rules().any(|r| r.id() == id)
    }

    /// Runs every rule of the set on `report`; findings come rule by rule, in the
    /// order of the set.
    pub fn check(&self, report: &Report) -> Vec<Finding> {
        let cx = Context::new(report);
        let mut out = Vec::new();
        for entry in &self.rules {
            match entry {
                Entry::Builtin(b) => (b.check)(&cx, &mut out),
                Entry::Added(r) => r.check(report, &mut out),
            }
        }
        out
    }

    /// Runs the cross-report rule `T305` (if the set has it) on a batch of reports:
    /// see [`check_series`](crate::check_series). Each finding comes with the index of
    /// the report it is about. [`SeriesCheck::of`](crate::SeriesCheck::of) takes the
    /// reports one at a time instead.
    pub fn check_series(&self, reports: &[(&str, &Report)]) -> Vec<(usize, Finding)> {
        let mut check = series::SeriesCheck::of(self);
        for (i, (source, report)) in reports.iter().enumerate() {
            if check.is_on() {
                check.add(i, source, series::SeriesSummary::of(report));
            }
        }
        check.finish()
    }
}

impl Default for RuleSet {
    fn default() -> RuleSet {
        RuleSet::builtin()
    }
}

impl fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.rules().map(|r| r.id()))
            .finish()
    }
}

/// Runs every built-in rule on `report`.
///
/// `T305` needs last year's report too; it is checked by
/// [`check_series`](crate::check_series), and is silent here.
pub fn check(report: &Report) -> Vec<Finding> {
    RuleSet::builtin().check(report)
}
