use zfxxgk_model::{Edition, FactKind, SectionKey, TableId, Value};
use zfxxgk_rules::{render, render_all, summary, Lang};

use crate::fixture::{consistent, num};
use crate::{fired, spans};

#[test]
fn a_typo_with_its_culprit() {
    let ok = consistent(Edition::V2021);
    let was = ok.value("t3.granted.commercial");
    let f = ok.with("t3.granted.commercial", num(was + 1));
    let found = fired(&f.report, "T301");
    assert_eq!(found.len(), 1);
    insta::assert_snapshot!(
        "t301_en",
        render(&found[0], "reports/test.txt", &f.text, Lang::En)
    );
    insta::assert_snapshot!(
        "t301_zh",
        render(&found[0], "reports/test.txt", &f.text, Lang::Zh)
    );
}

#[test]
fn a_blank_total_over_many_lines() {
    let f = consistent(Edition::V2019).with("t3.results_total.natural_person", Value::Blank);
    let found = fired(&f.report, "T302");
    assert_eq!(found.len(), 1);
    insta::assert_snapshot!(
        "t302_blank_en",
        render(&found[0], "seed.txt", &f.text, Lang::En)
    );
}

#[test]
fn text_against_table_and_a_missing_table() {
    let ok = consistent(Edition::V2021);
    let f = ok.clone().stating(&[(FactKind::Reviews, 7)]);
    let mut report = f.report.clone();
    let n002 = fired(&report, "N002");
    report.tables.retain(|t| t.id != TableId::T4);
    let s002 = fired(&report, "S002");
    assert_eq!((n002.len(), s002.len()), (1, 1));
    assert_eq!(
        spans(&s002[0])[0],
        report.section(SectionKey::S4).expect("s4").location
    );
    let all = [n002[0].clone(), s002[0].clone()];
    insta::assert_snapshot!("n002_s002_zh", render_all(&all, "r.txt", &f.text, Lang::Zh));
    insta::assert_snapshot!("n002_s002_en", render_all(&all, "r.txt", &f.text, Lang::En));
}

#[test]
fn wide_characters_and_long_lines_are_underlined_by_display_width() {
    // One long line, as seed 003 is: the place is cut out with context.
    let mut text = "前言。".repeat(60);
    let start = text.len();
    text.push_str("受理申请１２件");
    let end = text.len();
    text.push_str(&"后记。".repeat(60));
    let finding = zfxxgk_model::Finding {
        rule: zfxxgk_model::RuleId::N001,
        severity: zfxxgk_model::Severity::Warning,
        message: zfxxgk_model::Text::new("测试", "test"),
        places: vec![zfxxgk_model::Place::at(zfxxgk_model::Location {
            start,
            end,
            line: 1,
            column: 181,
        })],
        expected: Some("12".into()),
        actual: Some("13".into()),
        culprit: None,
        notes: vec![zfxxgk_model::Text::new("空白按0计", "blank counted as 0")],
    };
    let shown = render(&finding, "long.txt", &text, Lang::En);
    insta::assert_snapshot!("long_line", shown);
    // Out-of-range places are left out, not a panic.
    let mut far = finding.clone();
    far.places[0].location = Some(zfxxgk_model::Location {
        start: text.len() + 10,
        end: text.len() + 20,
        line: 1,
        column: 181,
    });
    assert_eq!(
        render(&far, "long.txt", &text, Lang::En),
        "warning[N001]: test (expected 12, found 13)\n  = note: blank counted as 0\n"
    );
}

#[test]
fn summary_counts_by_severity() {
    let ok = consistent(Edition::V2021);
    let was = ok.value("t3.granted.commercial");
    let f = ok
        .with("t3.granted.commercial", num(was + 1))
        .stating(&[(FactKind::ProcessingFee, 10)]);
    let all = zfxxgk_rules::check(&f.report);
    assert_eq!(
        summary("a.txt", &all, Lang::En),
        "a.txt: 2 errors, 0 warnings, 1 info"
    );
    assert_eq!(
        summary("a.txt", &all, Lang::Zh),
        "a.txt：错误 2，警告 0，提示 1"
    );
    assert_eq!(
        summary("a.txt", &[], Lang::En),
        "a.txt: 0 errors, 0 warnings, 0 infos"
    );
}
