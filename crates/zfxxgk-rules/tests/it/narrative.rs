use zfxxgk_model::{Edition, FactKind, Value, T3_COLUMNS};

use crate::fixture::{consistent, num};
use crate::{fired, keys};

#[test]
fn n001_fires_when_the_text_and_table_3_disagree() {
    let ok = consistent(Edition::V2021);
    assert!(!ok.report.facts.is_empty());
    assert!(fired(&ok.report, "N001").is_empty());
    let new = ok.value("t3.new_received.total");
    let f = ok.clone().stating(&[(FactKind::NewReceived, new + 1)]);
    let found = fired(&f.report, "N001");
    assert_eq!(found.len(), 1);
    assert_eq!(keys(&found[0]), ["t3.new_received.total"]);
    // The cell's place, then the sentence's.
    assert_eq!(found[0].spans.len(), 2);
    assert_eq!(found[0].spans[1], f.report.facts[0].location);
    assert_eq!(found[0].expected, Some((new + 1).to_string()));
    assert_eq!(found[0].actual, Some(new.to_string()));
}

/// A number of applications received whose words do not say 新 may count those carried
/// over too: 749 = 713 new + 36 carried over is no contradiction; words that say 新收
/// count new ones only.
#[test]
fn n001_accepts_either_reading_of_applications_received() {
    let ok = consistent(Edition::V2021)
        .with("t3.new_received.total", num(713))
        .with("t3.carried_over.total", num(36));
    let (new, carried) = (
        ok.value("t3.new_received.total"),
        ok.value("t3.carried_over.total"),
    );
    assert_eq!((new, carried), (713, 36));
    // The fixture's words: `全年收到政府信息公开申请749件。`
    let f = ok.clone().stating(&[(FactKind::NewReceived, 749)]);
    assert!(!f.report.facts[0].text.contains('新'));
    assert!(fired(&f.report, "N001").is_empty());
    let f = ok.clone().stating(&[(FactKind::NewReceived, 713)]);
    assert!(fired(&f.report, "N001").is_empty());
    // Neither reading: the finding names the new applications, as the words read first.
    let f = ok.clone().stating(&[(FactKind::NewReceived, 750)]);
    let found = fired(&f.report, "N001");
    assert_eq!(found.len(), 1);
    assert_eq!(keys(&found[0]), ["t3.new_received.total"]);
    // Words that say 新收 count new applications only.
    let mut f = ok.stating(&[(FactKind::NewReceived, 749)]);
    f.report.facts[0].text = "本年新收政府信息公开申请749件".into();
    assert_eq!(fired(&f.report, "N001").len(), 1);
}

/// Applications from natural persons restate one column of 一、本年新收.
#[test]
fn n001_compares_natural_persons_with_their_column() {
    let ok = consistent(Edition::V2021);
    let people = ok.value("t3.new_received.natural_person");
    assert!(fired(
        &ok.clone()
            .stating(&[(FactKind::NaturalPersons, people)])
            .report,
        "N001"
    )
    .is_empty());
    let f = ok.stating(&[(FactKind::NaturalPersons, people + 1)]);
    let found = fired(&f.report, "N001");
    assert_eq!(found.len(), 1);
    assert_eq!(keys(&found[0]), ["t3.new_received.natural_person"]);
}

#[test]
fn n001_sums_result_kinds_and_says_when_blank_counted() {
    let ok = consistent(Edition::V2021);
    let withheld: i64 = [
        "state_secret",
        "law_forbidden",
        "security_stability",
        "third_party",
        "internal_affairs",
        "process_info",
        "enforcement_files",
        "inquiry",
    ]
    .iter()
    .map(|r| ok.value(&format!("t3.withheld.{r}.total")))
    .sum();
    let other: i64 = ["no_correction", "no_fee", "other"]
        .iter()
        .map(|r| ok.value(&format!("t3.other.{r}.total")))
        .sum();
    let f = ok.clone().stating(&[
        (FactKind::Withheld, withheld),
        (FactKind::OtherHandling, other),
    ]);
    assert!(fired(&f.report, "N001").is_empty());
    let carried = ok.value("t3.carried_forward.total");
    assert!(carried > 0);
    // Kewei 2024: the text says 1 carried forward, the table leaves the total blank.
    let f = ok
        .with("t3.carried_forward.total", Value::Blank)
        .stating(&[(FactKind::CarriedForward, carried)]);
    let found = fired(&f.report, "N001");
    assert_eq!(found.len(), 1);
    assert!(found[0]
        .notes
        .iter()
        .any(|n| n.contains("blank counted as 0")));
}

#[test]
fn n002_fires_when_the_text_and_table_4_disagree() {
    let ok = consistent(Edition::V2019);
    assert!(fired(&ok.report, "N002").is_empty());
    let lawsuits =
        ok.value("t4.litigation_direct.total") + ok.value("t4.litigation_after_review.total");
    let reviews = ok.value("t4.review.total");
    let f = ok.clone().stating(&[
        (FactKind::Lawsuits, lawsuits),
        (FactKind::ReviewsAndLawsuits, lawsuits + reviews),
    ]);
    assert!(fired(&f.report, "N002").is_empty());
    let f = ok.stating(&[(FactKind::Lawsuits, lawsuits + 5)]);
    let found = fired(&f.report, "N002");
    assert_eq!(found.len(), 1);
    assert_eq!(
        keys(&found[0]),
        [
            "t4.litigation_direct.total",
            "t4.litigation_after_review.total"
        ]
    );
}

#[test]
fn n003_fires_when_the_text_says_none_but_the_table_has_some() {
    let ok = consistent(Edition::V2021);
    assert!(ok.value("t3.new_received.total") > 0);
    let f = ok.clone().stating(&[(FactKind::NoApplications, 0)]);
    let found = fired(&f.report, "N003");
    assert_eq!(found.len(), 1);
    assert_eq!(keys(&found[0]), ["t3.new_received.total"]);

    let mut none = ok;
    for c in T3_COLUMNS.iter().map(|c| c.key) {
        none = none.with(&format!("t3.new_received.{c}"), Value::Blank);
    }
    let none = none.stating(&[(FactKind::NoApplications, 0)]);
    assert!(fired(&none.report, "N003").is_empty());
}

#[test]
fn n004_reports_a_processing_fee() {
    let ok = consistent(Edition::V2021);
    assert!(fired(&ok.report, "N004").is_empty());
    let zero = ok.clone().stating(&[(FactKind::ProcessingFee, 0)]);
    assert!(fired(&zero.report, "N004").is_empty());
    let f = ok.stating(&[(FactKind::ProcessingFee, 3940)]);
    let found = fired(&f.report, "N004");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].spans, vec![f.report.facts[0].location]);
    assert!(found[0].message_zh.contains("3940"));
}
