use zfxxgk_model::{Decimal, Edition, Number, Value};

use crate::fixture::{consistent, num};
use crate::{fired, keys};

#[test]
fn t201_fires_on_negative_and_fractional_counts_but_not_on_a_decrease() {
    let ok = consistent(Edition::V2019);
    // The 2019 fixture has t2.licensing.items_change = -1.
    assert_eq!(ok.value("t2.licensing.items_change"), -1);
    assert!(fired(&ok.report, "T201").is_empty());

    let f = ok.clone().with("t2.licensing.decisions", num(-3));
    let found = fired(&f.report, "T201");
    assert_eq!(found.len(), 1);
    assert_eq!(keys(&found[0]), ["t2.licensing.decisions"]);
    assert_eq!(found[0].actual.as_deref(), Some("-3"));

    let half = Value::Number(Number::new(Decimal::new(15, 1)));
    let f = ok.with("t2.penalties.decisions", half);
    let found = fired(&f.report, "T201");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.en.contains("not an integer"));
}

#[test]
fn t202_fires_when_fewer_published_in_total_than_this_year() {
    let ok = consistent(Edition::V2019);
    assert!(fired(&ok.report, "T202").is_empty());
    let f = ok.with("t2.normative_documents.published_total", num(2));
    let found = fired(&f.report, "T202");
    assert_eq!(found.len(), 1);
    assert_eq!(
        keys(&found[0]),
        [
            "t2.normative_documents.published_total",
            "t2.normative_documents.published"
        ]
    );
    assert_eq!(found[0].expected.as_deref(), Some("≥ 3"));
}

#[test]
fn t202_fires_on_a_negative_number_in_force_2021() {
    let ok = consistent(Edition::V2021);
    assert!(fired(&ok.report, "T202").is_empty());
    let f = ok.with("t2.regulations.in_force", num(-1));
    let found = fired(&f.report, "T202");
    assert_eq!(found.len(), 1);
    assert_eq!(keys(&found[0]), ["t2.regulations.in_force"]);
}

#[test]
fn t203_fires_on_an_amount_without_unit() {
    let ok = consistent(Edition::V2019);
    // 81284.86元 carries its unit.
    assert!(fired(&ok.report, "T203").is_empty());
    let f = ok.with("t2.procurement.amount", num(81284));
    let found = fired(&f.report, "T203");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.zh.contains("按元理解"));

    // The 2021 header of 本年收费金额 states 万元.
    let f = consistent(Edition::V2021).with("t2.fees.amount_10k_yuan", num(3));
    assert!(fired(&f.report, "T203").is_empty());
}
