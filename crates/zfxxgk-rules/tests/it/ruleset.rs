use zfxxgk_model::{Edition, Finding, Report, RuleId, Severity, Text};
use zfxxgk_rules::{check, Error, Rule, RuleSet};

use crate::fixture::{consistent, num};

const ALL: [&str; 22] = [
    "S001", "S002", "S003", "S004", "S005", "S006", "T201", "T202", "T203", "T301", "T302", "T303",
    "T304", "T305", "T401", "T402", "T403", "T404", "N001", "N002", "N003", "N004",
];

#[test]
fn default_set_has_every_rule_of_rules_md_in_order() {
    let ids: Vec<String> = RuleSet::default()
        .rules()
        .map(|r| r.id().to_string())
        .collect();
    assert_eq!(ids, ALL);
    for r in RuleSet::default().rules() {
        assert!(!r.description_zh().is_empty() && !r.description_en().is_empty());
    }
    let t3 = RuleSet::default().only(&["T3"]);
    let severities: Vec<Severity> = t3.rules().map(|r| r.severity()).collect();
    assert_eq!(
        severities,
        [
            Severity::Error,
            Severity::Error,
            Severity::Error,
            Severity::Error,
            Severity::Warning
        ]
    );
}

#[test]
fn consistent_reports_of_both_editions_have_no_findings() {
    for e in Edition::ALL {
        let f = consistent(e);
        assert_eq!(
            check(&f.report),
            Vec::<Finding>::new(),
            "edition {e}\n{}",
            f.text
        );
    }
}

#[test]
fn allow_disables_and_only_keeps_by_prefix() {
    let f = consistent(Edition::V2021)
        .with("t3.granted.commercial", num(5))
        .with("t4.review.upheld", num(9));
    let all: Vec<String> = check(&f.report)
        .into_iter()
        .map(|x| x.rule.to_string())
        .collect();
    assert!(all.contains(&"T301".to_owned()) && all.contains(&"T401".to_owned()));

    let without = RuleSet::default().allow(&["T301", "T4"]).check(&f.report);
    assert!(without
        .iter()
        .all(|x| x.rule != "T301" && !x.rule.starts_with("T4")));
    assert!(without.iter().any(|x| x.rule == "T302"));

    let only = RuleSet::default().only(&["T4"]).check(&f.report);
    assert!(!only.is_empty());
    assert!(only.iter().all(|x| x.rule.starts_with("T4")));
}

#[test]
fn ensure_known_names_the_typo() {
    let set = RuleSet::default();
    assert_eq!(set.ensure_known(&["T3", "N001"]), Ok(()));
    assert_eq!(
        set.ensure_known(&["T3", "T39"]),
        Err(Error::UnknownRule { id: "T39".into() })
    );
}

struct NoTitle;

/// A downstream rule's own ID.
const X001: RuleId = match RuleId::new('X', 1) {
    Some(id) => id,
    None => panic!("X001 is a rule ID"),
};

impl Rule for NoTitle {
    fn id(&self) -> RuleId {
        X001
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn description_zh(&self) -> &str {
        "报告有标题"
    }
    fn description_en(&self) -> &str {
        "the report has a title"
    }
    fn check(&self, report: &Report, out: &mut Vec<Finding>) {
        if report.meta.title.is_none() {
            out.push(Finding {
                rule: self.id(),
                severity: self.severity(),
                message: Text::new("没有标题", "no title"),
                places: vec![],
                expected: None,
                actual: None,
                culprit: None,
                notes: vec![],
            });
        }
    }
}

#[test]
fn a_downstream_rule_can_be_added() {
    let set = RuleSet::empty().add(Box::new(NoTitle));
    let mut f = consistent(Edition::V2021);
    assert!(set.check(&f.report).is_empty());
    f.report.meta.title = None;
    let found = set.check(&f.report);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, "X001");
    let all = RuleSet::default().add(Box::new(NoTitle)).check(&f.report);
    assert!(all.iter().any(|x| x.rule == "X001"));
}
