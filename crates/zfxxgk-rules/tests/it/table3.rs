use zfxxgk_model::{Edition, Value, T3_COLUMNS};

use crate::fixture::{consistent, key, num};
use crate::{fired, key_list, keys};

#[test]
fn a_typo_in_a_cell_is_found_by_its_row_and_column_and_named_culprit() {
    let ok = consistent(Edition::V2021);
    assert!(fired(&ok.report, "T301").is_empty() && fired(&ok.report, "T302").is_empty());
    let was = ok.value("t3.unavailable.not_held.commercial");
    let f = ok.with("t3.unavailable.not_held.commercial", num(was + 2));
    let rows = fired(&f.report, "T301");
    let columns = fired(&f.report, "T302");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(columns.len(), 1, "{columns:?}");
    let culprit = key("t3.unavailable.not_held.commercial");
    for x in rows.iter().chain(&columns) {
        assert_eq!(x.culprit, Some(culprit));
        assert_eq!(key_list(x)[0], culprit);
        assert!(x.message.en.contains("likely typo"), "{}", x.message.en);
        assert!(x.message.zh.contains("疑为笔误"), "{}", x.message.zh);
    }
    assert_eq!(
        key_list(&rows[0])[1].as_str(),
        "t3.unavailable.not_held.total"
    );
    assert_eq!(
        key_list(&columns[0])[1].as_str(),
        "t3.results_total.commercial"
    );
    // （七）总计 itself is unchanged, so 一 + 二 = 三（七） + 四 still holds.
    assert!(fired(&f.report, "T303").is_empty());
}

#[test]
fn a_typo_in_a_row_total_is_the_culprit_of_row_and_total_column() {
    let ok = consistent(Edition::V2019);
    let was = ok.value("t3.granted.total");
    let f = ok.with("t3.granted.total", num(was + 1));
    let rows = fired(&f.report, "T301");
    let columns = fired(&f.report, "T302");
    assert_eq!((rows.len(), columns.len()), (1, 1));
    assert_eq!(rows[0].culprit, Some(key("t3.granted.total")));
    assert_eq!(columns[0].culprit, Some(key("t3.granted.total")));
    assert_eq!(rows[0].expected, Some(was.to_string()));
    assert_eq!(rows[0].actual, Some((was + 1).to_string()));
}

#[test]
fn no_culprit_when_row_and_column_disagree() {
    let ok = consistent(Edition::V2021);
    let a = ok.value("t3.granted.natural_person");
    let b = ok.value("t3.granted.total");
    // Row 予以公开 is off by 2, column 自然人 by 1, column 总计 by 3: no crossing.
    let f = ok
        .with("t3.granted.natural_person", num(a + 1))
        .with("t3.granted.total", num(b + 3));
    let rows = fired(&f.report, "T301");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].culprit, None);
    assert!(!rows[0].message.en.contains("likely typo"));
}

#[test]
fn a_wrong_results_total_is_the_culprit_of_its_column_sum_and_balance() {
    // （七）总计 off by 2 in 自然人 and in 总计: row （七） still adds up (no T301), so
    // only the column's sum (T302) and its balance (T303) tell, each off by 2.
    let ok = consistent(Edition::V2021);
    let mut f = ok.clone();
    for c in ["natural_person", "total"] {
        let k = format!("t3.results_total.{c}");
        f = f.with(&k, num(ok.value(&k) + 2));
    }
    assert!(fired(&f.report, "T301").is_empty());
    let (sums, balances) = (fired(&f.report, "T302"), fired(&f.report, "T303"));
    assert_eq!((sums.len(), balances.len()), (2, 2));
    for x in sums.iter().chain(&balances) {
        let culprit = x.culprit.expect("a culprit");
        assert!(
            culprit.as_str().starts_with("t3.results_total."),
            "{culprit}"
        );
        assert_eq!(key_list(x)[0], culprit, "the culprit is named first");
        assert!(
            x.message.zh.contains("疑为（七）总计有误"),
            "{}",
            x.message.zh
        );
    }
    // Off by 2 in its sum (parts too big) and by 2 in its balance (answered too
    // big): a （七）总计 too small would make the balance short, not over, so no one
    // change to it mends both, and no cell is named.
    let plus2 = |k: &str| num(ok.value(k) + 2);
    let g = ok
        .clone()
        .with(
            "t3.granted.natural_person",
            plus2("t3.granted.natural_person"),
        )
        .with("t3.granted.total", num(ok.value("t3.granted.total") + 2))
        .with(
            "t3.carried_forward.natural_person",
            num(ok.value("t3.carried_forward.natural_person") + 2),
        )
        .with(
            "t3.carried_forward.total",
            num(ok.value("t3.carried_forward.total") + 2),
        );
    let sums = fired(&g.report, "T302");
    let balances = fired(&g.report, "T303");
    assert!(!sums.is_empty() && !balances.is_empty());
    assert!(sums.iter().chain(&balances).all(|x| x.culprit.is_none()));
}

#[test]
fn t302_and_t303_on_a_blank_results_total_say_blank_counted_as_0_see_seed_002() {
    // Seed 002: （七）总计 left blank while （一） is not.
    let mut f = consistent(Edition::V2019);
    for c in T3_COLUMNS.iter().map(|c| c.key) {
        f = f.with(&format!("t3.results_total.{c}"), Value::Blank);
    }
    assert!(
        fired(&f.report, "T301").is_empty(),
        "a row of blanks sums to 0"
    );
    let columns = fired(&f.report, "T302");
    assert!(!columns.is_empty());
    let np = columns
        .iter()
        .find(|x| key_list(x)[0].as_str() == "t3.results_total.natural_person")
        .expect("natural_person column");
    let should = f.value("t3.new_received.natural_person")
        + f.value("t3.carried_over.natural_person")
        - f.value("t3.carried_forward.natural_person");
    assert!(
        np.notes.iter().any(|n| n.en.contains("blank counted as 0")),
        "{:?}",
        np.notes
    );
    assert!(
        np.notes.iter().any(|n| n.en.contains(&format!(
            "t3.results_total.natural_person is blank; from its parts it should be {should}"
        ))),
        "{:?}",
        np.notes
    );
    assert_eq!(np.actual.as_deref(), Some("0"));
    let t303 = fired(&f.report, "T303");
    let np = t303
        .iter()
        .find(|x| key_list(x).contains(&key("t3.results_total.natural_person")))
        .expect("T303 on natural_person");
    assert!(np.notes.iter().any(|n| n.zh.contains("空白按0计")));
    assert!(np.notes.iter().any(|n| n.en.contains("should be")));
    assert!(t303
        .iter()
        .any(|x| key_list(x).contains(&key("t3.results_total.total"))));
}

#[test]
fn t303_fires_when_received_and_answered_disagree() {
    let ok = consistent(Edition::V2021);
    assert!(fired(&ok.report, "T303").is_empty());
    let received =
        ok.value("t3.new_received.public_interest") + ok.value("t3.carried_over.public_interest");
    let co = ok.value("t3.carried_forward.public_interest");
    let tot = ok.value("t3.carried_forward.total");
    let f = ok
        .with("t3.carried_forward.public_interest", num(co + 4))
        .with("t3.carried_forward.total", num(tot + 4));
    assert!(fired(&f.report, "T301").is_empty() && fired(&f.report, "T302").is_empty());
    let found = fired(&f.report, "T303");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        keys(&found[0]),
        [
            "t3.new_received.public_interest",
            "t3.carried_over.public_interest",
            "t3.results_total.public_interest",
            "t3.carried_forward.public_interest"
        ]
    );
    assert_eq!(found[0].expected, Some(received.to_string()));
    assert_eq!(found[0].actual, Some((received + 4).to_string()));
}

#[test]
fn t304_fires_on_a_negative_count() {
    let ok = consistent(Edition::V2021);
    assert!(fired(&ok.report, "T304").is_empty());
    let f = ok.with("t3.withheld.inquiry.research", num(-1));
    let found = fired(&f.report, "T304");
    assert_eq!(found.len(), 1);
    assert_eq!(keys(&found[0]), ["t3.withheld.inquiry.research"]);
}

#[test]
fn sums_are_silent_on_cells_the_report_does_not_contain() {
    let f = consistent(Edition::V2021).without("t3.granted.total");
    assert!(fired(&f.report, "T301").is_empty());
    // The total column's （七） still adds up without the row: nothing else fires.
    assert!(fired(&f.report, "T302").is_empty());
}
