use zfxxgk_model::{Edition, Value};

use crate::fixture::{consistent, num};
use crate::{fired, key_list, keys};

#[test]
fn t401_t402_t403_fire_on_their_own_group() {
    let ok = consistent(Edition::V2021);
    for id in ["T401", "T402", "T403"] {
        assert!(fired(&ok.report, id).is_empty());
    }
    for (id, group) in [
        ("T401", "review"),
        ("T402", "litigation_direct"),
        ("T403", "litigation_after_review"),
    ] {
        let name = format!("t4.{group}.pending");
        let was = ok.value(&name);
        let f = ok.clone().with(&name, num(was + 1));
        let found = fired(&f.report, id);
        assert_eq!(found.len(), 1, "{id}");
        assert_eq!(key_list(&found[0])[0].as_str(), format!("t4.{group}.total"));
        assert!(key_list(&found[0]).iter().any(|k| k.as_str() == name));
        let others: Vec<_> = ["T401", "T402", "T403"]
            .into_iter()
            .filter(|o| *o != id && !fired(&f.report, o).is_empty())
            .collect();
        assert!(others.is_empty(), "{others:?}");
    }
}

#[test]
fn t401_on_a_blank_total_says_what_it_should_be() {
    let ok = consistent(Edition::V2019);
    let should = ok.value("t4.review.total");
    assert!(should > 0);
    let f = ok.with("t4.review.total", Value::Blank);
    let found = fired(&f.report, "T401");
    assert_eq!(found.len(), 1);
    assert!(found[0].notes.iter().any(|n| n.en.ends_with(&format!(
        "t4.review.total is blank; from its parts it should be {should}"
    ))));
}

#[test]
fn t404_fires_on_a_fraction() {
    let ok = consistent(Edition::V2021);
    assert!(fired(&ok.report, "T404").is_empty());
    let f = ok.with(
        "t4.litigation_direct.upheld",
        Value::Number(zfxxgk_model::Number::new(zfxxgk_model::Decimal::new(5, 1))),
    );
    let found = fired(&f.report, "T404");
    assert_eq!(found.len(), 1);
    assert_eq!(keys(&found[0]), ["t4.litigation_direct.upheld"]);
}
