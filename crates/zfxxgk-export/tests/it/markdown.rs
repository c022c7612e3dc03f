//! Markdown rendering of tables 二, 三, 四 in the template's layout.

use zfxxgk_export::render_markdown;

use crate::fixtures::{report_2019, report_2021};

#[test]
fn snapshot_2019() {
    insta::assert_snapshot!(render_markdown("2019.txt", &report_2019()));
}

#[test]
fn snapshot_2021() {
    insta::assert_snapshot!(render_markdown("2021.txt", &report_2021()));
}

#[test]
fn edition_specific_rows_and_values_as_read() {
    let md19 = render_markdown("2019.txt", &report_2019());
    assert!(md19.contains("| （六）其他处理 |"));
    assert!(!md19.contains("申请人逾期未按收费通知要求缴纳费用"));
    assert!(md19.contains("**第二十条第（九）项**"));
    assert!(md19.contains("| 政府集中采购 | 5 | 81284.86元 |"));
    assert!(md19.contains("| 规章 | 1 | 1 | 12 |"));
    assert!(
        md19.contains("| 规范性文件 |  |  |  |"),
        "blank cells empty"
    );
    assert!(md19.contains("７"), "full-width digits as read");
    assert!(md19.contains("1,234"));
    assert!(md19.contains("本报告没有此表"));
    let md21 = render_markdown("2021.txt", &report_2021());
    assert!(md21.contains("（六）其他处理 | 1.申请人无正当理由逾期不补正"));
    assert!(md21.contains("| 行政规范性文件 |"));
    assert!(md21.contains("| 行政事业性收费 | 3.2万元 |"));
    assert!(!md21.contains("**第二十条第（九）项**"));
    assert!(md21.contains("行政诉讼 / 复议后起诉 / 总计"));
    assert!(md21.contains("详见&lt;附表&gt;"));
}

#[test]
fn every_row_has_as_many_fields_as_the_header() {
    for md in [
        render_markdown("2019.txt", &report_2019()),
        render_markdown("2021.txt", &report_2021()),
    ] {
        let mut width = None;
        for line in md.lines() {
            if !line.starts_with('|') {
                width = None;
                continue;
            }
            // Count unescaped pipes.
            let pipes = line
                .match_indices('|')
                .filter(|(i, _)| *i == 0 || line.as_bytes()[i - 1] != b'\\')
                .count();
            match width {
                None => width = Some(pipes),
                Some(w) => assert_eq!(pipes, w, "{line}"),
            }
        }
    }
}
