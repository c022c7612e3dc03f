//! HTML rendering: a self-contained page with the template's headers and spans.

use zfxxgk_export::{render_html, render_html_page};

use crate::fixtures::{report_2019, report_2021};

#[test]
fn page_is_self_contained_and_escaped() {
    let mut report = report_2021();
    report.meta.body = Some("<script>alert(\"x\")</script>".to_owned());
    let html = render_html("a&b.txt", &report);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(html.contains("a&amp;b.txt"));
    assert!(
        !html.contains("src=") && !html.contains("href="),
        "no outside resource"
    );
    assert!(html
        .contains("<td class=\"text\" title=\"t4.litigation_direct.total\">详见&lt;附表&gt;</td>"));
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn two_level_headers_and_merged_row_labels() {
    let html = render_html("2021.txt", &report_2021());
    assert!(html.contains("<th scope=\"col\" colspan=\"7\">申请人情况</th>"));
    assert!(html.contains("<th scope=\"col\" colspan=\"5\">法人或其他组织</th>"));
    assert!(html.contains("<th scope=\"col\" rowspan=\"2\">自然人</th>"));
    assert!(html.contains("<th scope=\"col\" colspan=\"10\">行政诉讼</th>"));
    // 2021: （一）（二）, 8 + 3 + 5 reasons, 3 other rows, （七）总计 = 22 rows.
    assert!(html.contains("<th scope=\"row\" rowspan=\"22\">三、本年度办理结果</th>"));
    assert!(html.contains("<th scope=\"row\" rowspan=\"3\">（六）其他处理</th>"));
    assert!(html.contains("<td class=\"number\" title=\"t2.fees.amount_10k_yuan\">3.2万元</td>"));
    assert!(html.contains("<td class=\"blank\" title=\"t3.carried_forward.total\"></td>"));
    assert!(html.contains("<td class=\"absent\" title=\"t3.granted.total\"></td>"));
    let html19 = render_html("2019.txt", &report_2019());
    assert!(html19.contains("<th scope=\"row\" rowspan=\"20\">三、本年度办理结果</th>"));
    assert!(html19.contains("<th scope=\"row\" colspan=\"2\">（六）其他处理</th>"));
    assert!(html19.contains("<caption>第二十条第（九）项</caption>"));
    assert!(html19.contains("本报告没有此表"));
}

#[test]
fn tags_balance() {
    let html = render_html_page([("2019.txt", &report_2019()), ("2021.txt", &report_2021())]);
    for tag in [
        "table", "thead", "tbody", "tr", "section", "th", "td", "dl", "ul", "h2",
    ] {
        let open =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        let close = html.matches(&format!("</{tag}>")).count();
        assert_eq!(open, close, "<{tag}>");
    }
    assert_eq!(html.matches("<section class=\"report\">").count(), 2);
}
