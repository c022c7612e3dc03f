//! Unit tests of `paragraphs.rs`.

use crate::test_support::{get, none_under, tidy};

/// `values`, each a paragraph of its own (its line, then a blank line), as
/// reading-order `pdftotext` writes a table's cells.
fn paragraphs<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values.into_iter().map(|v| format!("{v}\n\n")).collect()
}

/// lynx -dump of a table with merged cells: each cell centred on a line of its
/// own, blank lines between.
#[test]
fn lynx_rows_read_back_by_the_template_shape() {
    let cell = |t: &str| format!("        {t}\n\n");
    let mut text =
        String::from("某局2023年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n");
    for t in [
        "第二十条第（一）项",
        "信息内容",
        "本年制发件数",
        "本年废止件数",
    ] {
        text.push_str(&cell(t));
    }
    for t in ["现行有效件数", "规章", "89", "11", "148", "行政许可"] {
        text.push_str(&cell(t));
    }
    // A lone tab between two cells.
    text.push_str("\t\n2629\n\n");
    text.push_str("三、收到和处理政府信息公开申请情况\n\n");
    for t in [
        "申请人情况",
        "自然人",
        "总计",
        "一、本年新收政府信息公开申请数量",
    ] {
        text.push_str(&cell(t));
    }
    for t in ["80", "1", "0", "0", "0", "0", "81"] {
        text.push_str(&cell(t));
    }
    // A blank cell left out: six values, not seven.
    text.push_str(&cell("二、上年结转政府信息公开申请数量"));
    for t in ["3", "0", "0", "0", "0", "3"] {
        text.push_str(&cell(t));
    }
    text.push_str("四、政府信息公开行政复议、行政诉讼情况\n\n");
    for t in ["行政复议", "结果维持", "总计"] {
        text.push_str(&cell(t));
    }
    for k in 0..15 {
        text.push_str(&cell(&(k % 3).to_string()));
    }
    let got = tidy(&text);
    assert_eq!(get(&got, "t2.regulations.issued"), Some("89"));
    assert_eq!(get(&got, "t2.regulations.in_force"), Some("148"));
    assert_eq!(get(&got, "t2.licensing.decisions"), Some("2629"));
    assert_eq!(get(&got, "t3.new_received.natural_person"), Some("80"));
    assert_eq!(get(&got, "t3.new_received.total"), Some("81"));
    assert!(none_under(&got, "t3.carried_over"), "{got:?}");
    assert_eq!(get(&got, "t4.review.corrected"), Some("1"));
    assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("2"));
}

/// `pdftotext` of a LibreOffice page: labels cut over lines, and runs of values
/// with a row's values after another's.
#[test]
fn table_three_labels_join_and_runs_split_by_their_sums() {
    let mut text = String::from(
        "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
         一、本年新收政府信息公开申请数量\n\n",
    );
    let lines = |t: &mut String, cells: &[&str]| {
        for c in cells {
            t.push_str(c);
            t.push_str("\n\n");
        }
    };
    lines(&mut text, &["190", "1", "1", "1", "0", "6", "199"]);
    lines(&mut text, &["二、上年结转政府信息公开申请数量"]);
    lines(&mut text, &["—", "0", "0", "0", "0", "0", "0"]);
    lines(
        &mut text,
        &["（一）予以公开", "23", "0", "0", "0", "0", "1", "24"],
    );
    lines(
        &mut text,
        &[
            "（二）部分公开（区分处理",
            "的，只计这一情形，不计其他",
            "情形）",
        ],
    );
    // partly_granted's seven, then five of the next row's.
    lines(
        &mut text,
        &[
            "23", "0", "0", "0", "0", "0", "23", "0", "0", "0", "1", "39",
        ],
    );
    lines(&mut text, &["四、结转下年度继续办理"]);
    let got = tidy(&text);
    assert_eq!(get(&got, "t3.carried_over.natural_person"), Some(""));
    assert_eq!(get(&got, "t3.partly_granted.natural_person"), Some("23"));
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("23"));
    assert!(none_under(&got, "t3.withheld"), "{got:?}");
}

/// Rows whose labels a converter lost, after a labelled row's seven values: split
/// where one way only into rows of seven or six that add up.
#[test]
fn runs_after_a_row_split_one_way_only() {
    let text = |carried_over: [&str; 7]| {
        let mut text = String::from(
            "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
             一、本年新收政府信息公开申请数量\n\n190\n\n1\n\n1\n\n1\n\n0\n\n6\n\n199\n\n\
             二、上年结转政府信息公开申请数量\n\n",
        );
        let values = [
            "23", "0", "0", "0", "1", "24", // granted, a blank cell left nothing
            "23", "0", "0", "0", "0", "0", "23", // partly_granted
        ];
        for v in carried_over.iter().chain(&values) {
            text.push_str(v);
            text.push_str("\n\n");
        }
        text.push_str("1.属于国家秘密\n\n38\n\n/\n\n0\n\n0\n\n0\n\n1\n\n39\n\n");
        text
    };
    let got = tidy(&text(["2", "0", "0", "0", "0", "1", "3"]));
    assert_eq!(get(&got, "t3.carried_over.total"), Some("3"), "{got:?}");
    assert_eq!(get(&got, "t3.partly_granted.natural_person"), Some("23"));
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("23"));
    assert_eq!(get(&got, "t3.withheld.state_secret.total"), Some("39"));
    // Seven zeros: six of them with a blank cell that left nothing, then granted
    // as `0 23 0 0 0 1 24`, add up as well: which is which cannot be told.
    let got = tidy(&text(["0"; 7]));
    assert!(
        none_under(&got, "t3.carried_over")
            && none_under(&got, "t3.granted")
            && none_under(&got, "t3.partly_granted"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.withheld.state_secret.total"), Some("39"));
    let kept = |v: &[usize]| super::only_split(v, &|run: &[usize]| run.len() == 7);
    assert_eq!(kept(&[0; 14]), Some(vec![7, 7]));
    assert_eq!(kept(&[0; 13]), None);
    let any = |v: &[usize]| super::only_split(v, &|_: &[usize]| true);
    // 42 values: six sevens or seven sixes.
    assert_eq!(any(&[0; 42]), None);
    assert_eq!(any(&[0; 13]), None);
    assert_eq!(any(&[0; 6]), Some(vec![6]));
}

/// `pdftotext` of a LibreOffice page: a row whose blank cell left nothing shows
/// six values, the next row's first right after them (`0 0 0 0 0 0` / `0 …`):
/// the first seven add up, but so do the first six, and the label's values cannot
/// be told; nor can a label's after a row that showed fewer than seven, where
/// those and this label's first make a row that adds up (`1.信访举报投诉类申请` /
/// `0 0 0 — 0` / `2.重复申请` / `0 0` then its own), or where those, with no
/// label just before them, add up as a row set before its label.
#[test]
fn a_run_whose_first_six_add_up_too_is_not_split() {
    let head = "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
                一、本年新收政府信息公开申请数量\n\n120\n\n1\n\n0\n\n1\n\n6\n\n2\n\n130\n\n";
    let lines = |lines: &[&str]| {
        let mut t = String::from(head);
        for l in lines {
            t.push_str(l);
            t.push_str("\n\n");
        }
        t.push_str("（六）其他处理\n\n");
        t
    };
    // publication `0 _ 0 0 0 0 0`, excessive `_ 0 0 0 — 0 0`, the label lost.
    let got = tidy(&lines(&[
        "2.重复申请",
        "/",
        "0",
        "0",
        "0",
        "0",
        "0",
        "/",
        "3.要求提供公开出版物",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "—",
        "0",
        "0",
        "5.要求行政机关确认或重新出具已获取信息",
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
    ]));
    assert_eq!(
        get(&got, "t3.not_processed.duplicate.total"),
        Some(""),
        "{got:?}"
    );
    assert!(
        none_under(&got, "t3.not_processed.publication")
            && none_under(&got, "t3.not_processed.excessive"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.not_processed.confirmation.total"), Some("1"));
    // complaint `0 0 0 — 0 0 0` cut by the next label, duplicate `0 0 0 0 0 _ 0`.
    let got = tidy(&lines(&[
        "1.信访举报投诉类申请",
        "0",
        "0",
        "0",
        "—",
        "0",
        "2.重复申请",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "5.要求行政机关确认或重新出具已获取信息",
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
    ]));
    assert!(
        none_under(&got, "t3.not_processed.complaint")
            && none_under(&got, "t3.not_processed.duplicate"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.not_processed.confirmation.total"), Some("1"));
    // duplicate `_ 0 _ 0 0 0 0` set before its label, after complaint's seven;
    // publication's and excessive's after it, their labels lost.
    let got = tidy(&lines(&[
        "1.信访举报投诉类申请",
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
        "2.重复申请",
        "1",
        "0",
        "—",
        "0",
        "0",
        "0",
        "1",
        "1",
        "0",
        "0",
        "0",
        "—",
        "0",
        "1",
        "5.要求行政机关确认或重新出具已获取信息",
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
    ]));
    assert_eq!(
        get(&got, "t3.not_processed.complaint.total"),
        Some("1"),
        "{got:?}"
    );
    assert!(none_under(&got, "t3.not_processed.duplicate"), "{got:?}");
}

/// lynx centres each cell on a line of its own, row after row: after a row
/// whose blank cell left nothing (six values), the next label's seven are its
/// own, though the six and its first would add up as a row.
#[test]
fn lynx_values_after_a_short_row_are_the_next_labels() {
    let cell = |t: &str| format!("                                      {t}\n\n");
    let mut text = String::from(
        "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
         一、本年新收政府信息公开申请数量\n\n",
    );
    for v in ["120", "1", "0", "1", "6", "2", "130"] {
        text += &cell(v);
    }
    text += "                     4.无正当理由大量反复申请\n\n";
    for v in ["0", "0", "0", "—", "0", "0"] {
        text += &cell(v);
    }
    text += "          5.要求行政机关确认或重新出具已获取信息\n\n";
    for v in ["0", "0", "0", "0", "0", "0", "0"] {
        text += &cell(v);
    }
    text += "                            （六）其他处理\n\n";
    let got = tidy(&text);
    assert_eq!(
        get(&got, "t3.not_processed.confirmation.total"),
        Some("0"),
        "{got:?}"
    );
    assert_eq!(
        get(&got, "t3.not_processed.confirmation.natural_person"),
        Some("0")
    );
}

/// `pdftotext` of a LibreOffice page, flush left: a row whose blank cell left nothing
/// (six values) after its label cut over lines, back to a numbered line; the next
/// label's seven are its own, the six standing after a label as the lines make it up.
/// Where the six stand after no label, they may be a row set before the next label,
/// and that label's values are not read.
#[test]
fn values_after_a_label_cut_over_lines_are_that_labels() {
    let text = |label: &[&str]| {
        let mut t = String::from(
            "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
             一、本年新收政府信息公开申请数量\n\n120\n\n1\n\n0\n\n1\n\n6\n\n2\n\n130\n\n",
        );
        for l in label {
            t += l;
            t += "\n";
        }
        t += "\n";
        t += &paragraphs(["0", "0", "0", "0", "0", "0"]);
        t += "5.要求行政机关确认或重新出具已获取信息\n\n";
        t += &paragraphs(["1", "0", "0", "0", "0", "0", "1"]);
        t += "（六）其他处理\n\n";
        t
    };
    let got = tidy(&text(&["4.无正当理由大量", "反复申请"]));
    assert_eq!(
        get(&got, "t3.not_processed.confirmation.natural_person"),
        Some("1"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.not_processed.confirmation.total"), Some("1"));
    // The six zeros: a row whose blank cannot be told.
    assert!(none_under(&got, "t3.not_processed.excessive"), "{got:?}");
    // A label's last line alone, its numbered line gone: the six may be a row of
    // their own set before the next label.
    let got = tidy(&text(&["反复申请"]));
    assert!(none_under(&got, "t3.not_processed.confirmation"), "{got:?}");
}

/// `pdftotext` of a LibreOffice page sets the pieces of a group's cut label (`其他处`
/// / `理` of 其他处理) among the lines of the row label beside it: the label is its
/// lines back to the numbered one, the pieces passed over, whether it takes its
/// own values or stands before the next label's.
#[test]
fn pieces_of_a_group_label_among_a_labels_lines_are_passed_over() {
    let text = |no_fee: &[&str]| {
        let mut t = String::from(
            "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
             一、本年新收政府信息公开申请数量\n\n120\n\n1\n\n0\n\n1\n\n6\n\n2\n\n130\n\n\
             1.申请人无正当理由逾期\n不补正、行政机关不再处\n理其政府信息公开申请\n\n\
             0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n\
             （六）\n2.申请人逾期未按收费通\n其他处\n知要求缴纳费用、行政机\n理\n\
             关不再处理其政府信息公\n开申请\n\n",
        );
        t += &paragraphs(
            no_fee
                .iter()
                .chain(&["3.其他", "4", "2", "1", "2", "2", "2", "13"])
                .copied(),
        );
        t += "（七）总计\n\n";
        t
    };
    let got = tidy(&text(&["2", "0", "0", "0", "0", "0", "2"]));
    assert_eq!(
        get(&got, "t3.other.no_fee.natural_person"),
        Some("2"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.other.no_fee.total"), Some("2"));
    assert_eq!(get(&got, "t3.other.other.total"), Some("13"));
    // The group's pieces are no row's text.
    assert_eq!(get(&got, "t3.other.no_fee.other_org"), Some("0"));
    // A row of six (its blank left nothing, which of its zeros cannot be told) after
    // the label with pieces among its lines: the next label's values are its own.
    let got = tidy(&text(&["1", "0", "0", "0", "0", "1"]));
    assert_eq!(
        get(&got, "t3.other.other.natural_person"),
        Some("4"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.other.other.total"), Some("13"));
}

/// LibreOffice's page, in reading order, sets labels of rows read before (by their
/// position) after a later row's values: they are no labels left without values,
/// and the label before the next label's run takes its first seven.
#[test]
fn labels_of_rows_read_before_take_no_values() {
    let text = |late: &[&str]| {
        let mut t = String::from(
            "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
             一、本年新收政府信息公开申请数量\n\n120\n\n1\n\n0\n\n1\n\n6\n\n2\n\n130\n\n\
             1.本机关不掌握相关政府信息\n\n7\n\n1\n\n0\n\n0\n\n0\n\n0\n\n8\n\n",
        );
        for l in late {
            t += l;
            t += "\n";
        }
        t += "2.没有现成信息需要另行制作\n3.补正后申请内容仍不明确\n\n";
        t += &paragraphs([
            "2", "0", "0", "0", "0", "0", "2", "2", "0", "0", "0", "1", "0", "3",
        ]);
        t += "（五）不予处理\n\n";
        t
    };
    let got = tidy(&text(&["3.危及“三安全一稳定”", "4.保护第三方合法权益"]));
    assert_eq!(
        get(&got, "t3.unavailable.needs_creation.total"),
        Some("2"),
        "{got:?}"
    );
    assert_eq!(
        get(&got, "t3.unavailable.unclear.legal_services"),
        Some("1")
    );
    assert_eq!(get(&got, "t3.unavailable.unclear.total"), Some("3"));
    // A label after the last labelled row, left without values: which seven are
    // whose is not told.
    let got = tidy(&text(&["（五）不予处理", "1.信访举报投诉类申请"]));
    assert!(none_under(&got, "t3.unavailable.unclear"), "{got:?}");
}

/// Labels left without values, then the next label's run whose first row lost a
/// blank cell without a trace (six values, the first seven not adding up): the run
/// splits one way only into rows that add up, one a label, and is read so.
#[test]
fn labels_in_turn_take_a_run_whose_first_row_is_short() {
    let mut text = String::from(
        "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
         一、本年新收政府信息公开申请数量\n\n120\n\n1\n\n0\n\n1\n\n6\n\n2\n\n130\n\n\
         1.信访举报投诉类申请\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n\n\
         2.重复申请\n3.要求提供公开出版物\n4.无正当理由大量反复申请\n\n",
    );
    text += &paragraphs([
        "3", "0", "0", "1", "0", "4", "4", "0", "0", "0", "0", "0", "4", "3", "0", "0", "0", "1",
        "0", "4",
    ]);
    text += "5.要求行政机关确认或重新出具已获取信息\n\n";
    let got = tidy(&text);
    assert_eq!(
        get(&got, "t3.not_processed.publication.natural_person"),
        Some("4"),
        "{got:?}"
    );
    assert_eq!(
        get(&got, "t3.not_processed.excessive.legal_services"),
        Some("1")
    );
    assert_eq!(get(&got, "t3.not_processed.duplicate.total"), Some("4"));
}

/// LibreOffice's page, in reading order: the labels of the table's last rows after
/// the run of their values, and the last row's last value after those labels (`31 0
/// 0 0 0` / the labels / `31`): that value ends the run's last row, the run then
/// splitting into as many rows as there are labels.
#[test]
fn the_last_rows_value_after_the_tables_last_labels_ends_its_row() {
    let text = |tail: &str| {
        let mut t = String::from(
            "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
             一、本年新收政府信息公开申请数量\n\n120\n\n1\n\n0\n\n1\n\n6\n\n2\n\n130\n\n\
             1.信访举报投诉类申请\n\n3\n\n0\n\n0\n\n0\n\n0\n\n0\n\n3\n\n\
             2.重复申请\n3.要求提供公开出版物\n4.无正当理由大量反复申请\n\
             5.要求行政机关确认或重新出具已获取信息\n\n",
        );
        let rows = [
            "1 0 0 0 0 0 1",
            "2 0 0 0 0 0 2",
            "0 0 0 0 0 0 0",
            "1 0 0 0 0 0 1",
            "1 0 0 0 0 0 1",
            "1 0 0 0 1 0 2",
            "4 2 1 2 2 2 13",
            "174 2 1 5 5 4 191",
            "31 0 0 0 0",
        ];
        t += &paragraphs(rows.iter().flat_map(|r| r.split(' ')));
        t += "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n\
              2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n\
              3.其他\n（七）总计\n四、结转下年度继续办理\n\n";
        t += tail;
        t
    };
    let got = tidy(&text("31\n\n"));
    assert_eq!(
        get(&got, "t3.not_processed.publication.natural_person"),
        Some("2"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.not_processed.duplicate.total"), Some("1"));
    assert_eq!(get(&got, "t3.other.no_fee.legal_services"), Some("1"));
    assert_eq!(get(&got, "t3.results_total.total"), Some("191"));
    // Six values: the blank's place is not told, but the total is.
    assert_eq!(get(&got, "t3.carried_forward.total"), Some("31"));
    // Nothing after the labels: the run does not split, and is not read.
    let got = tidy(&text(""));
    assert!(none_under(&got, "t3.not_processed.duplicate"), "{got:?}");
}

/// chromium's editor page, in reading order: the labels of the first rows, then the
/// header's words cut over lines, then those rows' values, row after row: the header
/// is passed over and the labels take the rows in turn. A line that is no piece of
/// the header between them leaves the run unread.
#[test]
fn header_words_between_labels_and_their_values_are_passed_over() {
    let text = |between: &str| {
        let mut t = String::from(
            "三、收到和处理政府信息公开申请情况\n\
             一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n\
             三、本年度 （一）予以公开\n\n申请人情况\n法人或其他组织\n自然 商业 科研\n总\n",
        );
        t += between;
        t += "社会公\n法律服\n其\n人 企业 机构 益组织 务机构 他 计\n";
        t += &paragraphs([
            "63", "7", "3", "0", "1", "2", "76", "30", "0", "0", "0", "0", "0", "30", "14", "0",
            "0", "0", "0", "0", "14",
        ]);
        t += "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n";
        t
    };
    let got = tidy(&text(""));
    assert_eq!(
        get(&got, "t3.new_received.natural_person"),
        Some("63"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.carried_over.total"), Some("30"));
    assert_eq!(get(&got, "t3.granted.natural_person"), Some("14"));
    let got = tidy(&text("本年度共收到申请\n"));
    assert!(none_under(&got, "t3.new_received"), "{got:?}");
}

/// chromium's editor page, in reading order, after its page break: the labels of
/// the table's last rows (a label cut over two lines that both name its row, a
/// line of a label's rest that names none after its group's cut cell), the number
/// of the first (`6.`) alone after them, then the rows' values. Rows of zeros split
/// more ways than one; into as many rows as the labels name, one way only.
#[test]
fn labels_cut_over_lines_take_the_rows_after_a_number_alone() {
    let mut text = String::from(
        "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
         一、本年新收政府信息公开申请数量\n\n120\n\n1\n\n0\n\n1\n\n6\n\n2\n\n130\n\n\
         1.信访举报投诉类申请\n2.重复申请\n3.要求提供公开出版物\n\
         4.无正当理由大量反复申请\n5.要求行政机关确认或重新出具已获取信息\n\
         1.申请人无正当理由逾期不补正、行政机关不\n（六）其他 再处理其政府信息公开申请\n\
         2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n\
         3.其他\n（七）总计\n四、结转下年度继续办理\n1.\n",
    );
    let rows = [
        "0 0 0 0 0 0 0",
        "0 0 0 0 0 0 0",
        "0 0 0 0 0 0 0",
        "0 0 0 0 0 0 0",
        "0 0 0 0 0 0 0",
        "0 0 0 0 0 0 0",
        "2 0 0 0 0 0 2",
        "4 1 0 1 2 2 10",
        "116 1 0 1 6 2 126",
        "10 0 0 0 0 0 10",
    ];
    text += &paragraphs(rows.iter().flat_map(|r| r.split(' ')));
    let got = tidy(&text);
    assert_eq!(
        get(&got, "t3.not_processed.complaint.total"),
        Some("0"),
        "{got:?}"
    );
    assert_eq!(
        get(&got, "t3.other.no_correction.natural_person"),
        Some("0")
    );
    assert_eq!(get(&got, "t3.other.no_fee.natural_person"), Some("2"));
    assert_eq!(get(&got, "t3.other.other.total"), Some("10"));
    assert_eq!(get(&got, "t3.results_total.total"), Some("126"));
    assert_eq!(get(&got, "t3.carried_forward.natural_person"), Some("10"));
}

#[test]
fn a_run_of_zeros_splits_one_way_into_a_given_number_of_rows() {
    let values: Vec<usize> = (0..42).collect();
    let zeros = |_: &[usize]| true;
    assert_eq!(super::only_split(&values, &zeros), None);
    assert_eq!(super::only_split_rows(&values, 6, &zeros), Some(vec![7; 6]));
    assert_eq!(super::only_split_rows(&values, 7, &zeros), Some(vec![6; 7]));
    assert_eq!(super::only_split_rows(&values, 5, &zeros), None);
    // Six rows of 42 values, but the first seven do not fit: none.
    let first_six = |ks: &[usize]| ks.first() != Some(&0) || ks.len() == 6;
    assert_eq!(super::only_split_rows(&values, 6, &first_six), None);
}

/// LibreOffice's page, in reading order: a run after a label whose further sevens
/// are rows without a label, then the labels of those rows, set late, and a row set
/// around the next labels (its first value after them, the rest before): the late
/// labels' rows were read by the further sevens, so the one label left is the row's.
#[test]
fn labels_of_rows_read_without_them_are_not_left_open() {
    let mut text = String::from(
        "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
         （三）不予公开 1.属于国家秘密\n\n24\n\n0\n\n0\n\n2\n\n0\n\n0\n\n26\n\n\
         2.其他法律行政法规禁止公开\n\n",
    );
    text += &paragraphs([
        "24", "0", "1", "1", "0", "0", "26", "7", "0", "0", "—", "0", "0", "7", "9", "0", "0", "0",
        "0", "0", "9", "0", "1", "0", "0", "6",
    ]);
    text += "3.危及“三安全一稳定”\n4.保护第三方合法权益\n5.属于三类内部事务信息\n\
             6.属于四类过程性信息\n\n";
    text += &paragraphs(["5", "11", "0", "0", "0", "0", "0", "11"]);
    text += "7.属于行政执法案卷\n\n5\n\n0\n\n0\n\n0\n\n0\n\n0\n\n5\n\n（四）无法提供\n\n";
    let got = tidy(&text);
    // Six values: where its blank stood is not told, but its total is.
    assert_eq!(
        get(&got, "t3.withheld.internal_affairs.total"),
        Some("6"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.withheld.process_info.total"), Some("11"));
    assert_eq!(get(&got, "t3.withheld.third_party.total"), Some("9"));
}

/// Two labels, then both rows' values: each takes seven in turn, where they add
/// up; not where one row's do not.
#[test]
fn labels_before_their_values_take_them_in_turn() {
    let text = |last: &str| {
        let mut t = String::from(
            "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
             一、本年新收政府信息公开申请数量\n\n120\n\n1\n\n0\n\n1\n\n6\n\n2\n\n130\n\n\
             （一）予以公开\n\n度办理结\n\n（二）部分公开（区分处理的，\n\n只计这一情形，不计其他情形）\n\n",
        );
        for v in [
            "19", "0", "0", "0", "2", "0", "21", "2", "0", "0", "0", "1", "0", last,
        ] {
            t.push_str(v);
            t.push_str("\n\n");
        }
        t.push_str("1.属于国家秘密\n\n");
        t
    };
    let got = tidy(&text("3"));
    assert_eq!(get(&got, "t3.granted.total"), Some("21"), "{got:?}");
    assert_eq!(get(&got, "t3.granted.legal_services"), Some("2"));
    assert_eq!(get(&got, "t3.partly_granted.natural_person"), Some("2"));
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("3"));
    let got = tidy(&text("4"));
    assert!(
        none_under(&got, "t3.granted") && none_under(&got, "t3.partly"),
        "{got:?}"
    );
}

/// A label with no values stands before the next label, and the values after
/// that one are three rows' for the two labels: whose are whose cannot be told
/// where the label after them has values of its own, and none is read. Where
/// it stands at the table's end without values, it names the third row (the
/// label set after the table's values: `apart::label_after_table_t3`).
#[test]
fn values_after_a_label_left_without_values_are_not_split() {
    let mut text = String::from(
        "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
         一、本年新收政府信息公开申请数量\n\n120\n\n1\n\n0\n\n1\n\n6\n\n2\n\n130\n\n\
         （一）予以公开\n\n度办理结\n\n（二）部分公开（区分处理的，\n\n只计这一情形，不计其他情形）\n\n",
    );
    for v in [
        "19", "0", "0", "0", "2", "0", "21", "2", "0", "0", "0", "1", "0", "3", "31", "0", "0",
        "0", "1", "0", "32",
    ] {
        text.push_str(v);
        text.push_str("\n\n");
    }
    text.push_str("1.属于国家秘密\n\n");
    let got = tidy(&format!("{text}5\n\n0\n\n0\n\n0\n\n0\n\n0\n\n5\n\n"));
    assert_eq!(get(&got, "t3.new_received.total"), Some("130"));
    assert!(
        none_under(&got, "t3.granted") && none_under(&got, "t3.partly"),
        "{got:?}"
    );
    let got = tidy(&text);
    assert_eq!(get(&got, "t3.granted.total"), Some("21"), "{got:?}");
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("3"));
    assert_eq!(get(&got, "t3.withheld.state_secret.total"), Some("32"));
}

/// `pdftotext` of a LibreOffice page, one value a paragraph: text with `rows` as
/// (label lines, values) in turn, in a 2021 table 三.
fn lo_table(rows: &[(&[&str], &[&str])]) -> String {
    let mut t = String::from("三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n自然人\n\n");
    for (labels, values) in rows {
        for l in *labels {
            t.push_str(l);
            t.push_str("\n\n");
        }
        for v in *values {
            t.push_str(v);
            t.push_str("\n\n");
        }
    }
    t
}

const ONES: &[&str] = &["1", "0", "0", "0", "0", "0", "1"];
const ZEROS: &[&str] = &["0", "0", "0", "0", "0", "0", "0"];

/// A group's label set beside its item's on one line (`（四） 1.本机关…`) labels the
/// values after it; the two rows after the next labels take theirs in turn, the
/// column header words (`总计`) between them no label.
#[test]
fn a_group_label_beside_its_item_labels_its_values() {
    let text = lo_table(&[
        (
            &["8.属于行政查询事项"],
            &["2", "0", "0", "0", "0", "0", "2"],
        ),
        (
            &["（四） 1.本机关不掌握相关政府信息"],
            &["3", "0", "0", "0", "0", "1", "4"],
        ),
        (
            &[
                "总计",
                "无法提 2.没有现成信息需要另行制作",
                "3.补正后申请内容仍不明确",
            ],
            &[],
        ),
        (&[], ONES),
        (&[], ZEROS),
        (&["1.信访举报投诉类申请"], ONES),
    ]);
    let got = tidy(&text);
    assert_eq!(
        get(&got, "t3.unavailable.not_held.other_org"),
        Some("1"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.unavailable.not_held.total"), Some("4"));
    assert_eq!(get(&got, "t3.unavailable.needs_creation.total"), Some("1"));
    assert_eq!(get(&got, "t3.unavailable.unclear.total"), Some("0"));
    // The second label names no row after the first's: whose values are whose
    // is not told, and neither row is read.
    let text = lo_table(&[
        (
            &["8.属于行政查询事项"],
            &["2", "0", "0", "0", "0", "0", "2"],
        ),
        (
            &["（四） 1.本机关不掌握相关政府信息"],
            &["3", "0", "0", "0", "0", "1", "4"],
        ),
        (
            &["总计", "无法提 2.没有现成信息需要另行制作", "2.重复申请"],
            &[],
        ),
        (&[], ONES),
        (&[], ZEROS),
        (&["1.信访举报投诉类申请"], ONES),
    ]);
    let got = tidy(&text);
    assert_eq!(
        get(&got, "t3.unavailable.not_held.total"),
        Some("4"),
        "{got:?}"
    );
    assert!(
        none_under(&got, "t3.unavailable.needs_creation")
            && none_under(&got, "t3.unavailable.unclear")
            && none_under(&got, "t3.not_processed.duplicate"),
        "{got:?}"
    );
}

/// The last rows' values stand before their labels are all written (LibreOffice
/// sets the labels of the table's end after them): the labels before and after the
/// values, naming the template's rows one after another to the zone's end, take
/// them in turn; a row of six is placed by the sums or left.
#[test]
fn labels_after_the_last_values_take_them_in_turn() {
    let tail = |last: &[&str]| -> String {
        let values: Vec<&str> = [ONES, ONES, ONES, ONES, ZEROS, ONES]
            .concat()
            .into_iter()
            .chain(["4", "1", "0", "1", "2", "2", "10"])
            .chain(["16", "1", "0", "1", "2", "2", "22"])
            .chain(["10", "0", "0", "0", "0", "10"])
            .collect();
        let mut labels = vec!["1.申请人无正当理由逾期不补", "正、行政机关不再处理其政府信"];
        labels.extend_from_slice(last);
        lo_table(&[
            (&["1.信访举报投诉类申请"], ONES),
            (
                &[
                    "2.重复申请",
                    "（五）",
                    "3.要求提供公开出版物",
                    "4.无正当理由大量反复申请",
                    "5.要求行政机关确认或重新出具",
                    "已获取信息",
                ],
                &values,
            ),
            (&labels, &[]),
        ])
    };
    let got = tidy(&tail(&[
        "2.申请人逾期未按收费通知要求",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理",
    ]));
    assert_eq!(
        get(&got, "t3.not_processed.duplicate.total"),
        Some("1"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.not_processed.confirmation.total"), Some("1"));
    assert_eq!(get(&got, "t3.other.no_correction.total"), Some("0"));
    assert_eq!(get(&got, "t3.other.no_fee.total"), Some("1"));
    assert_eq!(get(&got, "t3.other.other.legal_services"), Some("2"));
    assert_eq!(get(&got, "t3.results_total.total"), Some("22"));
    assert_eq!(get(&got, "t3.carried_forward.total"), Some("10"));
    // A label short (no 2.): nine rows for eight labels, none of them read.
    let got = tidy(&tail(&["3.其他", "（七）总计", "四、结转下年度继续办理"]));
    assert!(
        none_under(&got, "t3.not_processed.duplicate")
            && none_under(&got, "t3.other")
            && none_under(&got, "t3.results_total"),
        "{got:?}"
    );
}

/// `pdftotext` of a LibreOffice page may set a table 二 row's values before its
/// label, or after it among the column names: where its sub-table has that one
/// row, they are its.
#[test]
fn values_before_the_label_of_a_one_row_sub_table_are_its() {
    let text = |item: &str, cells: &[&str]| {
        let mut t = String::from(
            "二、主动公开政府信息情况\n\n第二十条第（五）项\n\n信息内容\n\n上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n行政许可\n\n3178\n\n-5\n\n4594\n\n",
        );
        t.push_str(item);
        t.push_str("\n\n信息内容\n\n上一年项目数量\n\n本年增/减\n\n");
        for c in cells {
            t.push_str(c);
            t.push_str("\n\n");
        }
        t.push_str("三、收到和处理政府信息公开申请情况\n");
        t
    };
    let got = tidy(&text(
        "第二十条第（八）项",
        &["1829", "0", "行政事业性收费"],
    ));
    assert_eq!(
        get(&got, "t2.fees.items_last_year"),
        Some("1829"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t2.fees.items_change"), Some("0"));
    assert_eq!(get(&got, "t2.licensing.decisions"), Some("4594"));
    // After the label, among the column names' words.
    let got = tidy(&text(
        "第二十条第（八）项",
        &[
            "行政事业性收费",
            "上一年项目数",
            "量",
            "1829",
            "本年增/减",
            "—",
        ],
    ));
    assert_eq!(
        get(&got, "t2.fees.items_last_year"),
        Some("1829"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t2.fees.items_change"), Some(""));
    // A value after the label too: whose are the two before is not told.
    let got = tidy(&text(
        "第二十条第（八）项",
        &["1829", "0", "行政事业性收费", "5"],
    ));
    assert_eq!(get(&got, "t2.fees.items_last_year"), None, "{got:?}");
    // A sub-table of two rows: the values may be the other row's, and with a label
    // left without values, so may the other row's be (see `unjoin_short_t2`).
    let got = tidy(&text(
        "第二十条第（六）项",
        &[
            "4802",
            "-1",
            "3717",
            "行政处罚",
            "行政强制",
            "3692",
            "-8",
            "2067",
        ],
    ));
    assert_eq!(get(&got, "t2.penalties.items_last_year"), None, "{got:?}");
    assert_eq!(get(&got, "t2.enforcement.decisions"), None);
    // 行政许可 is the one row of its sub-table in 2021, which the headers name.
    let text = |first: &str| {
        format!(
            "二、主动公开政府信息情况\n\n第二十条第（一）项\n\n信息内容\n\n{first}\n\n规章\n\n4310\n\n\
             第二十条第（五）项\n\n信息内容\n\n本年处理决定数量\n\n0\n\n行政许可\n\n\
             三、收到和处理政府信息公开申请情况\n"
        )
    };
    let got = tidy(&text("本年制发件数"));
    assert_eq!(get(&got, "t2.licensing.decisions"), Some("0"), "{got:?}");
    // Headers of 2019, whose sub-table has two rows (of three columns): not read.
    let got = tidy(&text("本年新制作数量"));
    assert_eq!(get(&got, "t2.licensing.decisions"), None, "{got:?}");
}

/// `pdftotext` of LibreOffice's 2021 page: a blank cell left no trace, and a value
/// stands before its label (3212, 行政强制's) or after the next row's (4198, 规章's):
/// a sub-table with a label left short of its values is not read, the others are.
#[test]
fn a_sub_table_with_a_label_short_of_its_values_is_not_read() {
    let text = |first: &[&str], sixth: &[&str]| {
        let mut t = String::from(
            "二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容\n\n\
             本年制发件数 本年废止件数 现行有效件数\n\n",
        );
        for c in first
            .iter()
            .chain(["第二十条第（六）项", "信息内容", "本年处理决定数量"].iter())
            .chain(sixth)
        {
            t.push_str(c);
            t.push_str("\n\n");
        }
        t.push_str(
            "第二十条第（八）项\n\n信息内容\n\n本年收费金额（单位：万元）\n\n\
             行政事业性收费\n\n4667.7\n\n三、收到和处理政府信息公开申请情况\n",
        );
        t
    };
    let whole_first = [
        "规章",
        "4627",
        "/",
        "4198",
        "行政规范性文件",
        "1747",
        "1660",
        "7",
    ];
    let got = tidy(&text(&whole_first, &["行政处罚", "3212", "行政强制"]));
    assert_eq!(get(&got, "t2.penalties.decisions"), None, "{got:?}");
    assert_eq!(get(&got, "t2.enforcement.decisions"), None);
    assert_eq!(get(&got, "t2.regulations.in_force"), Some("4198"));
    assert_eq!(get(&got, "t2.normative_documents.in_force"), Some("7"));
    let short_first = [
        "规章",
        "4627",
        "/",
        "行政规范性文件",
        "1747",
        "1660",
        "4198",
    ];
    let got = tidy(&text(&short_first, &["行政处罚", "3212", "行政强制", "9"]));
    assert_eq!(
        get(&got, "t2.normative_documents.in_force"),
        None,
        "{got:?}"
    );
    assert_eq!(get(&got, "t2.regulations.issued"), None);
    assert_eq!(get(&got, "t2.penalties.decisions"), Some("3212"));
    assert_eq!(get(&got, "t2.enforcement.decisions"), Some("9"));
    assert_eq!(get(&got, "t2.fees.amount_10k_yuan"), Some("4667.7"));
}

/// A label set after the table's last values names the row after those of the
/// labels left without values before a run: the run's rows are theirs in turn.
#[test]
fn a_label_after_the_last_values_takes_the_row_after_the_open_labels() {
    let text = |open: &[&str]| {
        let run: Vec<&str> = ["1", "0", "0", "0", "0", "0", "1"]
            .into_iter()
            .chain(["3", "0", "0", "0", "0", "0", "3"])
            .chain(["2", "0", "0", "0", "0", "0", "2"])
            .collect();
        lo_table(&[
            (&["1.信访举报投诉类申请"], ONES),
            (&["2.重复申请"], ONES),
            (open, &run),
            (&["（六）其他处理"], &["7", "1", "1", "1", "0", "2", "12"]),
            (&["5.要求行政机关确认或重", "新出具已获取信息"], &[]),
        ])
    };
    let got = tidy(&text(&["3.要求提供公开出版物", "4.无正当理由大量反复申请"]));
    assert_eq!(
        get(&got, "t3.not_processed.publication.total"),
        Some("1"),
        "{got:?}"
    );
    assert_eq!(
        get(&got, "t3.not_processed.excessive.natural_person"),
        Some("3")
    );
    assert_eq!(get(&got, "t3.not_processed.confirmation.total"), Some("2"));
    // The labels before the run name no rows one after another up to the label
    // set after: none of the run's rows read.
    let got = tidy(&text(&["3.要求提供公开出版物", "（五）不予处理"]));
    assert!(
        none_under(&got, "t3.not_processed.publication")
            && none_under(&got, "t3.not_processed.excessive")
            && none_under(&got, "t3.not_processed.confirmation"),
        "{got:?}"
    );
}

/// A run that splits two ways into rows that add up (`0 0 0 0 0 0 0 23 0 0 0 1
/// 24 …`: seven and six, or six and seven) is split the one way whose rows fit
/// under the table's totals, （七）总计 plus 四 column by column.
#[test]
fn a_run_split_two_ways_is_split_the_way_the_totals_allow() {
    let text = |total: &[&str]| {
        let run: Vec<&str> = ["0", "0", "0", "0", "0", "0", "0"]
            .into_iter()
            .chain(["23", "0", "0", "0", "1", "24"])
            .chain(["23", "0", "0", "0", "0", "0", "23"])
            .collect();
        lo_table(&[
            (
                &["一、本年新收政府信息公开申请数量"],
                &["190", "1", "1", "1", "0", "6", "199"],
            ),
            (&["二、上年结转政府信息公开申请数量"], &run),
            (&["1.属于国家秘密"], &["38", "0", "0", "0", "0", "1", "39"]),
            (&["（七）总计"], total),
            (
                &["四、结转下年度继续办理"],
                &["11", "0", "0", "0", "0", "0", "11"],
            ),
        ])
    };
    let got = tidy(&text(&["179", "1", "1", "1", "0", "6", "188"]));
    assert_eq!(
        get(&got, "t3.carried_over.natural_person"),
        Some("0"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.carried_over.total"), Some("0"));
    // The row of six: what its placements agree on.
    assert_eq!(get(&got, "t3.granted.total"), Some("24"));
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("23"));
    // Totals that let 23 stand in the second column too: not told.
    let got = tidy(&text(&["179", "30", "1", "1", "0", "6", "217"]));
    assert!(
        none_under(&got, "t3.carried_over")
            && none_under(&got, "t3.granted")
            && none_under(&got, "t3.partly_granted"),
        "{got:?}"
    );
}

/// LibreOffice's page may set a row's values around its label: its first value
/// after the labels, the others before them.
#[test]
fn a_row_set_around_its_label_takes_the_first_value_after_it() {
    let text = |total: &str| {
        let partly = [
            "23", "0", "0", "0", "0", "0", "23", "0", "0", "0", "1", total,
        ];
        lo_table(&[
            (&["（一）予以公开"], &["24", "0", "0", "0", "0", "0", "24"]),
            (
                &["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
                &partly,
            ),
            (
                &[
                    "（三）",
                    "1.属于国家秘密",
                    "不予公",
                    "开",
                    "2.其他法律行政法规",
                    "禁止公开",
                ],
                &["38", "26", "0", "0", "0", "0", "0", "26"],
            ),
            (
                &["3.危及“三安全一稳定”"],
                &["16", "0", "0", "0", "0", "0", "16"],
            ),
        ])
    };
    let got = tidy(&text("39"));
    // A row of six: what its placements agree on.
    assert_eq!(
        get(&got, "t3.withheld.state_secret.total"),
        Some("39"),
        "{got:?}"
    );
    assert_eq!(
        get(&got, "t3.withheld.law_forbidden.natural_person"),
        Some("26")
    );
    assert_eq!(get(&got, "t3.withheld.law_forbidden.total"), Some("26"));
    assert_eq!(
        get(&got, "t3.withheld.security_stability.total"),
        Some("16")
    );
    // The values before the labels do not add up with the first after them: none
    // of the two rows read.
    let got = tidy(&text("40"));
    assert!(
        none_under(&got, "t3.withheld.state_secret")
            && none_under(&got, "t3.withheld.law_forbidden"),
        "{got:?}"
    );
}

/// LibreOffice's page sets the first column of table 三's first rows apart: each
/// label's first value (or nothing, where that cell is blank) after it, the rest
/// of the rows after the header's words.
#[test]
fn first_columns_set_apart_join_the_rest_of_their_rows() {
    let text = |first: &[&str], rest: &[&str]| {
        lo_table(&[
            (&["一、本年新收政府信息公开申请数量"], first),
            (
                &[
                    "二、上年结转政府信息公开申请数量",
                    "三、本年度",
                    "商业企业",
                    "总计",
                ],
                rest,
            ),
            (&["（一）予以公开"], &["23", "0", "0", "0", "0", "1", "24"]),
        ])
    };
    let rest = ["1", "1", "1", "0", "6", "199", "0", "0", "0", "0", "0", "0"];
    let got = tidy(&text(&["190"], &rest));
    assert_eq!(
        get(&got, "t3.new_received.natural_person"),
        Some("190"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.new_received.commercial"), Some("1"));
    assert_eq!(get(&got, "t3.new_received.total"), Some("199"));
    assert_eq!(get(&got, "t3.carried_over.natural_person"), Some(""));
    assert_eq!(get(&got, "t3.carried_over.commercial"), Some("0"));
    assert_eq!(get(&got, "t3.carried_over.total"), Some("0"));
    assert_eq!(get(&got, "t3.granted.total"), Some("24"));
    // A row that does not add up with its first value: none read.
    let got = tidy(&text(&["191"], &rest));
    assert!(
        none_under(&got, "t3.new_received") && none_under(&got, "t3.carried_over"),
        "{got:?}"
    );
    // Nothing after the first label, the next label after it: its first value may
    // stand after the next label's line, not told.
    let mut shifted = vec!["190"];
    shifted.extend_from_slice(&rest[..6]);
    shifted.extend(["0", "0", "0", "0", "0", "0"]);
    let got = tidy(&text(&[], &shifted));
    assert!(
        none_under(&got, "t3.new_received") && none_under(&got, "t3.carried_over"),
        "{got:?}"
    );
    // A value short (a blank elsewhere left nothing): which is whose is not told.
    let got = tidy(&text(&["190"], &rest[..11]));
    assert!(
        none_under(&got, "t3.new_received") && none_under(&got, "t3.carried_over"),
        "{got:?}"
    );
}

/// A row of six in a run one value a paragraph, cut from it by the sums, is no row
/// cut over two lines though values stand on the lines beside it: what its
/// placements agree on is read (the total), the rest left.
#[test]
fn a_row_of_six_cut_from_a_run_by_its_sums_is_placed() {
    let values = [
        "6", "0", "0", "0", "0", "0", "6", "19", "0", "0", "2", "0", "21", "2", "0", "0", "0", "1",
        "0", "3",
    ];
    let text = lo_table(&[
        (&["二、上年结转政府信息公开申请数量"], &values),
        (&["1.属于国家秘密"], &["31", "0", "0", "0", "1", "0", "32"]),
    ]);
    let got = tidy(&text);
    assert_eq!(get(&got, "t3.granted.total"), Some("21"), "{got:?}");
    assert_eq!(get(&got, "t3.granted.natural_person"), None);
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("3"));
}

/// `pdftotext` of a LibreOffice page: table 四's values one a paragraph with the
/// header's words between them.
#[test]
fn table_four_values_between_header_words_are_one_row() {
    let head = "四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\n\n行政诉讼\n\n结果维 结果纠 其他结 尚未审\n\n";
    let cells = |values: &[&str]| {
        let mut t = String::from(head);
        for (k, v) in values.iter().enumerate() {
            if let Some(word) = ["持", "正", "果", "结"].get(k % 5) {
                t.push_str(word);
                t.push_str("\n\n");
            }
            t.push_str(v);
            t.push_str("\n\n");
        }
        t
    };
    let all = [
        "0", "3", "1", "1", "5", "2", "0", "0", "1", "3", "3", "0", "2", "0", "5",
    ];
    let got = tidy(&cells(&all));
    assert_eq!(get(&got, "t4.review.upheld"), Some("0"), "{got:?}");
    assert_eq!(get(&got, "t4.litigation_direct.total"), Some("3"));
    assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("5"));
    // Fifteen that do not add up: not read.
    let mut wrong = all;
    wrong[4] = "6";
    let got = tidy(&cells(&wrong));
    assert!(none_under(&got, "t4."), "{got:?}");
    // Fourteen: the groups the sums decide.
    let got = tidy(&cells(&all[1..]));
    assert_eq!(get(&got, "t4.review.total"), Some("5"), "{got:?}");
    assert_eq!(get(&got, "t4.litigation_after_review.other"), Some("2"));
}

/// `pdftotext` of a LibreOffice page: table 四's last values set after section
/// 五's heading, which stood above them on the page.
#[test]
fn table_four_values_past_the_next_heading_are_its_own() {
    let text = |before: &[&str], between: &str, after: &[&str]| {
        let mut t = String::from(
            "四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\n\n行政诉讼\n\n结果\n维持\n\n",
        );
        for v in before {
            t.push_str(v);
            t.push_str("\n\n");
        }
        t.push_str("五、存在的主要问题及改进情况\n");
        t.push_str(between);
        for v in after {
            t.push('\n');
            t.push_str(v);
            t.push('\n');
        }
        t.push_str("政务公开工作仍存在公开内容不够全面等问题。\n");
        t
    };
    let before = ["1", "2", "3", "2"];
    let after = ["8", "1", "3", "1", "0", "5", "3", "1", "3", "2", "9"];
    let got = tidy(&text(&before, "", &after));
    assert_eq!(get(&got, "t4.review.upheld"), Some("1"), "{got:?}");
    assert_eq!(get(&got, "t4.review.total"), Some("8"), "{got:?}");
    assert_eq!(get(&got, "t4.litigation_direct.pending"), Some("0"));
    assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("9"));
    // A line of text between the heading and the values: not the table's.
    let got = tidy(&text(&before, "本年度：\n", &after));
    assert!(none_under(&got, "t4."), "{got:?}");
    // Groups that do not add up: not read.
    let mut wrong = after;
    wrong[5] = "6";
    let got = tidy(&text(&before, "", &wrong));
    assert!(none_under(&got, "t4."), "{got:?}");
    // Sixteen values: not one row.
    let mut more = after.to_vec();
    more.push("0");
    let got = tidy(&text(&before, "", &more));
    assert!(none_under(&got, "t4."), "{got:?}");
}

/// chromium's print of a cms page, in `pdftotext`'s reading order: a page break in
/// the procurement row sets its amount after section 三's heading.
#[test]
fn the_procurement_amount_past_the_next_heading_is_its_own() {
    let text = |count: &str, heading: &str, amount: &str| {
        format!(
            "二、主动公开政府信息情况\n\n第二十条第（九）项\n\n信息内容\n\n采购项目数量\n\n采购总金额\n\n政府集中采购\n\n{count}\n\n{heading}\n\n{amount}\n\n申请人情况\n"
        )
    };
    let heading = "三、收到和处理政府信息公开申请情况";
    let got = tidy(&text("1924", heading, "795016.99元"));
    assert_eq!(get(&got, "t2.procurement.items"), Some("1924"), "{got:?}");
    assert_eq!(
        get(&got, "t2.procurement.amount"),
        Some("795016.99"),
        "{got:?}"
    );
    // No unit: the value may be table 三's; a count in 元, a line between, or another
    // heading: not read.
    for t in [
        text("1924", heading, "795016.99"),
        text("1924元", heading, "795016.99元"),
        text("1924", &format!("{heading}\n\n本年度"), "795016.99元"),
        text(
            "1924",
            "四、政府信息公开行政复议、行政诉讼情况",
            "795016.99元",
        ),
    ] {
        let got = tidy(&t);
        assert!(none_under(&got, "t2."), "{t}\n{got:?}");
    }
}

/// lynx -dump of the online editor's page: a blank cell holds `<br/>`, which breaks
/// its row's line where it stands.
#[test]
fn lynx_table_two_rows_broken_by_a_br_cell_are_read_with_it_empty() {
    let page = |one: &str, six: &str| {
        format!(
            "   二、主动公开政府信息情况\n               第二十条第（一）项\n    信息内容      本年制发件数    本年废止件数 现行有效件数\n{one}               第二十条第（六）项\n    信息内容           本年处理决定数量\n{six}   行政强制\n               第二十条第（八）项\n    信息内容         本年收费金额（单位：万元）\n   行政事业性收费\n   1080.1\n\n   三、收到和处理政府信息公开申请情况\n"
        )
    };
    let whole = "   规章      2145         809    4225\n";
    let six = "   行政处罚    1576\n";
    let got = tidy(&page(
        &format!("{whole}   行政规范性文件\n   466     4975\n"),
        six,
    ));
    assert_eq!(
        get(&got, "t2.normative_documents.issued"),
        Some(""),
        "{got:?}"
    );
    assert_eq!(get(&got, "t2.normative_documents.repealed"), Some("466"));
    assert_eq!(get(&got, "t2.normative_documents.in_force"), Some("4975"));
    // A row of one column whose cell is the `<br/>`: the label alone.
    assert_eq!(get(&got, "t2.enforcement.decisions"), Some(""), "{got:?}");
    assert_eq!(get(&got, "t2.penalties.decisions"), Some("1576"));
    // Broken after its first value: the blank is the second.
    let got = tidy(&page(
        &format!("{whole}   行政规范性文件 466\n   4975\n"),
        six,
    ));
    assert_eq!(
        get(&got, "t2.normative_documents.issued"),
        Some("466"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t2.normative_documents.repealed"), Some(""));
    assert_eq!(get(&got, "t2.normative_documents.in_force"), Some("4975"));
    // No row whole on its line at the margin (labels may break lines here), the
    // values at another indent, or as many values as columns: not joined.
    for (one, six) in [
        (
            "   规章      2145\n   809    4225\n   行政规范性文件\n   466     4975\n".to_string(),
            "   行政处罚\n   1576\n",
        ),
        (
            format!("{whole}   行政规范性文件\n                       466     4975\n"),
            six,
        ),
        (
            format!("{whole}   行政规范性文件\n   0   466     4975\n"),
            six,
        ),
    ] {
        let text = page(&one, six);
        let got = tidy(&text);
        assert_eq!(
            get(&got, "t2.normative_documents.repealed"),
            None,
            "{text}\n{got:?}"
        );
        assert_eq!(
            get(&got, "t2.normative_documents.issued"),
            None,
            "{text}\n{got:?}"
        );
    }
    // Flush left, as reading-order `pdftotext` writes: not lynx's table.
    let flush = page(&format!("{whole}   行政规范性文件\n   466     4975\n"), six)
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n");
    let got = tidy(&flush);
    assert_eq!(get(&got, "t2.normative_documents.issued"), None, "{got:?}");
    assert_eq!(get(&got, "t2.enforcement.decisions"), None, "{got:?}");
}

/// lynx -dump of a Word page's table 二: a last cell of `&nbsp;` leaves a blank line
/// of its own after the row's last value (or its label, in a row of one column), and
/// the next row's first line stands out of its centred column.
#[test]
fn lynx_cells_ending_a_row_are_read_where_their_blank_line_stands() {
    let page = |regulations: &str, licensing: &str| {
        let centred = |w: &str, at: usize| format!("{}{w}\n\n", " ".repeat(at));
        let mut t = String::from("   二、主动公开政府信息情况\n\n");
        t += &centred("第二十条第（一）项", 25);
        t += &centred("信息内容", 32);
        for h in ["本年制发件数", "本年废止件数", "现行有效件数"] {
            t += &centred(h, 29);
        }
        t += &centred("规章", 35);
        t += regulations;
        for v in ["2208", "2296", "4433"] {
            t += &centred(v, 36);
        }
        t += &centred("第二十条第（五）项", 25);
        t += &centred("信息内容", 32);
        t += &centred("本年处理决定数量", 26);
        t += &centred("行政许可", 32);
        t += licensing;
        t += &centred("信息内容", 32);
        t += &centred("本年处理决定数量", 26);
        t += &centred("行政处罚", 32);
        t += &centred("1576", 36);
        t += "   三、收到和处理政府信息公开申请情况\n";
        t
    };
    let regulations = |gap: &str, indent: usize| {
        format!(
            "{0}4043\n\n{0}2838\n{gap}{1}行政规范性文件\n\n",
            " ".repeat(36),
            " ".repeat(indent)
        )
    };
    let licensing =
        |gap: &str, indent: usize| format!("{gap}{}第二十条第（六）项\n\n", " ".repeat(indent));
    let got = tidy(&page(&regulations("\n\n", 3), &licensing("\n", 3)));
    assert_eq!(get(&got, "t2.regulations.issued"), Some("4043"), "{got:?}");
    assert_eq!(get(&got, "t2.regulations.repealed"), Some("2838"));
    assert_eq!(get(&got, "t2.regulations.in_force"), Some(""), "{got:?}");
    assert_eq!(get(&got, "t2.normative_documents.in_force"), Some("4433"));
    assert_eq!(get(&got, "t2.licensing.decisions"), Some(""), "{got:?}");
    assert_eq!(get(&got, "t2.penalties.decisions"), Some("1576"));
    // One blank line, or the next row in its column: no trace of a cell.
    for (r, l) in [
        (regulations("\n", 3), licensing("", 3)),
        (regulations("\n\n", 28), licensing("\n", 25)),
    ] {
        let got = tidy(&page(&r, &l));
        assert_eq!(get(&got, "t2.regulations.in_force"), None, "{got:?}");
        assert_eq!(get(&got, "t2.licensing.decisions"), None, "{got:?}");
    }
}

/// lynx -dump of a Word page's table: a cell of `&nbsp;` leaves a blank line of
/// its own, two blank lines between its neighbours where one stands elsewhere.
#[test]
fn lynx_nbsp_cells_are_read_where_their_blank_line_stands() {
    let cell = |t: &str| format!("                 {t}\n\n");
    let mut text = String::from("三、收到和处理政府信息公开申请情况\n\n");
    for t in [
        "申请人情况",
        "自然人",
        "总计",
        "（一）予以公开",
        "23",
        "0",
        "0",
    ] {
        text.push_str(&cell(t));
    }
    text.push_str("\n   0\n\n");
    for t in [
        "1",
        "24",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ] {
        text.push_str(&cell(t));
    }
    // A blank line too many between two values where six stand: no cell.
    for t in ["23", "0", "0"] {
        text.push_str(&cell(t));
    }
    text.push_str("\n\n   0\n\n");
    for t in ["0", "23"] {
        text.push_str(&cell(t));
    }
    text.push_str("四、政府信息公开行政复议、行政诉讼情况\n\n");
    for t in ["行政复议", "结果维持", "总计"] {
        text.push_str(&cell(t));
    }
    for k in 0..14 {
        text.push_str(&cell(&(k % 3 + 1).to_string()));
        if k == 7 {
            text.push('\n');
        }
    }
    let got = tidy(&text);
    assert_eq!(get(&got, "t3.granted.natural_person"), Some("23"));
    assert_eq!(get(&got, "t3.granted.public_interest"), Some(""));
    assert_eq!(get(&got, "t3.granted.legal_services"), Some("0"));
    assert_eq!(get(&got, "t3.granted.total"), Some("24"));
    assert!(none_under(&got, "t3.partly_granted"), "{got:?}");
    assert_eq!(get(&got, "t4.litigation_direct.upheld"), Some("3"));
    assert_eq!(get(&got, "t4.litigation_direct.pending"), Some(""));
    assert_eq!(get(&got, "t4.litigation_direct.total"), Some("3"));
    assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("2"));
}

/// lynx -dump of an online editor's table: a cell holding only `<br>` breaks its
/// row's line where it stands.
#[test]
fn lynx_rows_broken_by_a_br_cell_are_read_with_it_empty() {
    let text =
        "三、收到和处理政府信息公开申请情况\n   申请人情况\n   自然人 法人或其他组织 总计\n   \
                一、本年新收政府信息公开申请数量 120 1 0 1 6 2 130\n   \
                二、上年结转政府信息公开申请数量 6\n   0 0 0 0 6\n   \
                三、本年度办理结果 （一）予以公开 19 0 0 0 2 0 21\n   \
                四、结转下年度继续办理 10 0 0 0\n   0 10\n\n\
                五、存在的主要问题及改进情况\n";
    let got = tidy(text);
    assert_eq!(get(&got, "t3.carried_over.natural_person"), Some("6"));
    assert_eq!(get(&got, "t3.carried_over.commercial"), Some(""));
    assert_eq!(get(&got, "t3.carried_over.total"), Some("6"));
    assert_eq!(get(&got, "t3.carried_forward.public_interest"), Some("0"));
    assert_eq!(get(&got, "t3.carried_forward.legal_services"), Some(""));
    assert_eq!(get(&got, "t3.carried_forward.total"), Some("10"));
    // A row that does not add up: the break places no cell.
    let bad = text.replace("10 0 0 0\n   0 10", "10 0 0 0\n   0 11");
    let got = tidy(&bad);
    for key in [
        "t3.carried_forward.legal_services",
        "t3.carried_forward.total",
    ] {
        assert_eq!(get(&got, key), None, "{key}: {got:?}");
    }
    // A break right after the label, where the page's other rows stand whole on
    // their line at lynx's margin: the empty cell is the first.
    let first = text.replace("数量 6\n   0 0 0 0 6", "数量\n   6 0 0 0 0 6");
    let got = tidy(&first);
    assert_eq!(get(&got, "t3.carried_over.natural_person"), Some(""));
    assert_eq!(get(&got, "t3.carried_over.commercial"), Some("6"));
    assert_eq!(get(&got, "t3.carried_over.total"), Some("6"));
    // Not so with no margin (`pdftotext -raw` sets a row's values below its
    // label), nor where no row stands whole on its line: the label's cell may
    // break its line by itself there, and the blank stand anywhere.
    let raw = first.replace("\n   ", "\n");
    let broken = first
        .replace("数量 120", "数量\n   120")
        .replace("（一）予以公开 19", "（一）予以公开\n   19");
    for text in [raw, broken] {
        let got = tidy(&text);
        for key in [
            "t3.carried_over.natural_person",
            "t3.carried_over.commercial",
        ] {
            assert_eq!(get(&got, key), None, "{key}: {got:?}");
        }
    }
    // A row whole on its line with six values: the `<br>` cell that would have broken
    // the line anywhere else ended it, so the empty cell is the total.
    let ended = text.replace("10 0 0 0\n   0 10", "0 0 0 0 0 0");
    let got = tidy(&ended);
    assert_eq!(get(&got, "t3.carried_forward.natural_person"), Some("0"));
    assert_eq!(get(&got, "t3.carried_forward.other_org"), Some("0"));
    assert_eq!(get(&got, "t3.carried_forward.total"), Some(""));
    // Not where the six do not add up to an empty total, nor with no margin, nor
    // where no row of the zone stands whole with seven values.
    let unequal = text.replace("10 0 0 0\n   0 10", "1 0 0 0 0 1");
    let raw = ended.replace("\n   ", "\n");
    let no_whole = ended
        .replace("数量 120", "数量\n   120")
        .replace("（一）予以公开 19", "（一）予以公开\n   19");
    for text in [unequal, raw, no_whole] {
        let got = tidy(&text);
        assert_ne!(get(&got, "t3.carried_forward.total"), Some(""), "{got:?}");
        assert_eq!(get(&got, "t3.carried_forward.other_org"), None, "{got:?}");
    }
}

/// The wider check's seed 51: a row that begins a group, its group's label before
/// its item's (`（四）无法提供 1.本机关不掌握相关政府信息`), broken by a `<br>` cell.
#[test]
fn lynx_rows_beginning_a_group_broken_by_a_br_cell_are_read_with_it_empty() {
    let text = |second: &str| {
        format!(
            "三、收到和处理政府信息公开申请情况\n   申请人情况\n   自然人 法人或其他组织 总计\n   \
             一、本年新收政府信息公开申请数量 120 1 0 1 6 2 130\n   \
             8.属于行政查询事项 2 0 0 0 0 0 2\n   \
             （四）无法提供 1.本机关不掌握相关政府信息 2 0 0 0 0\n   {second}\n   \
             2.没有现成信息需要另行制作 4 0 0 0 0 0 4\n\n\
             五、存在的主要问题及改进情况\n"
        )
    };
    let got = tidy(&text("2"));
    assert_eq!(
        get(&got, "t3.unavailable.not_held.natural_person"),
        Some("2"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.unavailable.not_held.other_org"), Some(""));
    assert_eq!(get(&got, "t3.unavailable.not_held.total"), Some("2"));
    // The six do not add up: the break places no cell.
    let got = tidy(&text("3"));
    assert!(none_under(&got, "t3.unavailable.not_held"), "{got:?}");
    assert_eq!(get(&got, "t3.unavailable.needs_creation.total"), Some("4"));
}

/// The same of a row whose label is long (the wider check's seed 16): its line, with
/// the next line's first value, is wider than lynx's 79 columns, yet it was broken,
/// not wrapped, where a wider line of the table stands whole though lynx could have
/// broken it after its first word. A line of prose as long as such a label is no row
/// (it must name a row of table 三 exactly).
#[test]
fn lynx_rows_with_long_labels_broken_by_a_br_cell_are_read_where_a_wider_line_stands_whole() {
    let text = "三、收到和处理政府信息公开申请情况\n   申请人情况\n   自然人 法人或其他组织 总计\n   \
                一、本年新收政府信息公开申请数量 120 1 0 1 6 2 130\n   \
                （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n   \
                2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 1 0\n   \
                0 0 0 1\n   \
                3.其他 2 2 2 2 0 1 9\n\n\
                五、存在的主要问题及改进情况\n";
    let got = tidy(text);
    assert_eq!(get(&got, "t3.other.no_fee.natural_person"), Some("1"));
    assert_eq!(get(&got, "t3.other.no_fee.commercial"), Some("0"));
    assert_eq!(get(&got, "t3.other.no_fee.research"), Some(""));
    assert_eq!(get(&got, "t3.other.no_fee.total"), Some("1"));
    // Without the wider line whole, the break may be a wrap: the row is not joined
    // there, and the cells before the break stay open (the blank may be first).
    let narrow = text.replace(
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0",
        "（六）其他处理 1.申请人无正当理由逾期不补正 0 0 0 0 0 0 0",
    );
    let got = tidy(&narrow);
    for key in ["natural_person", "commercial", "research"] {
        let key = format!("t3.other.no_fee.{key}");
        assert_eq!(get(&got, &key), None, "{key}: {got:?}");
    }
    // A sentence as long, ending with numbers, is no row.
    let prose = text.replace(
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 1 0",
        "2.申请人逾期未按收费通知要求缴纳费用的，本机关依法不再处理其政府信息公开申请的情形 1 0",
    );
    let got = tidy(&prose);
    assert!(none_under(&got, "t3.other.no_fee"), "{got:?}");
}

/// A cell as lynx -dump writes a CMS page's: alone on its line, centred by its bytes
/// on column 38 and a half, set `shift` columns off that, then a blank line.
fn centred_at(t: &str, shift: isize) -> String {
    let indent = (77 - t.len()) / 2;
    let indent = usize::try_from(indent as isize + shift).unwrap_or(0);
    format!("{}{t}\n\n", " ".repeat(indent))
}

/// lynx -dump of a CMS page: each cell centred on a line of its own (by its
/// bytes), and the cell after an empty one set 2 or 3 columns off that centre.
#[test]
fn lynx_cells_off_the_centre_follow_an_empty_one() {
    let at = centred_at;
    let cell = |t: &str| at(t, 0);
    let page = |shift: isize, indent: Option<usize>| {
        let mut text = String::from("   三、收到和处理政府信息公开申请情况\n\n");
        for t in [
            "申请人情况",
            "自然人",
            "总计",
            "一、本年新收政府信息公开申请数量",
        ] {
            text.push_str(&cell(t));
        }
        for t in ["190", "1", "1", "1", "0", "6", "199"] {
            text.push_str(&cell(t));
        }
        text.push_str(&cell("二、上年结转政府信息公开申请数量"));
        for t in ["1", "1", "0", "0", "0", "2"] {
            text.push_str(&cell(t));
        }
        text.push_str(&cell("三、本年度办理结果"));
        text.push_str(&cell("（一）予以公开"));
        for t in ["23", "0", "0", "0", "0", "1", "24"] {
            text.push_str(&cell(t));
        }
        text.push_str(&cell("1.属于国家秘密"));
        // The empty cell was the second: the third is set off the centre.
        text.push_str(&cell("38"));
        text.push_str(&at("0", shift));
        for t in ["0", "0", "1", "39"] {
            text.push_str(&cell(t));
        }
        text.push_str("   四、政府信息公开行政复议、行政诉讼情况\n\n");
        match indent {
            // Every value at one indent, none centred.
            Some(n) => text
                .lines()
                .map(|l| {
                    let t = l.trim();
                    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                        format!("{}{t}\n", " ".repeat(n))
                    } else {
                        format!("{l}\n")
                    }
                })
                .collect(),
            None => text,
        }
    };
    let got = tidy(&page(-3, None));
    assert_eq!(
        get(&got, "t3.withheld.state_secret.natural_person"),
        Some("38")
    );
    assert_eq!(get(&got, "t3.withheld.state_secret.commercial"), Some(""));
    assert_eq!(get(&got, "t3.withheld.state_secret.research"), Some("0"));
    assert_eq!(get(&got, "t3.withheld.state_secret.total"), Some("39"));
    let got = tidy(&page(2, None));
    assert_eq!(get(&got, "t3.withheld.state_secret.commercial"), Some(""));
    // No cell off the centre (lynx does not always set one off), or values that
    // are not centred: where the blank stood is not shown, the row is left.
    for text in [page(0, None), page(-3, Some(3)), page(-3, Some(30))] {
        let got = tidy(&text);
        assert!(none_under(&got, "t3.withheld.state_secret"), "{got:?}");
        assert!(none_under(&got, "t3.carried_over"), "{got:?}");
    }
}

/// The wider check's seed 51 (lynx -dump of a CMS page): a row whose last cell is
/// empty shows six values, all on the centre, and the next row's label set off it
/// as a value after an empty cell is: the empty cell was the row's last.
#[test]
fn lynx_label_off_the_centre_follows_a_row_whose_last_cell_is_empty() {
    let at = centred_at;
    let page = |shift: isize| {
        let mut text = String::from("   三、收到和处理政府信息公开申请情况\n\n");
        let rows: [(&str, &[&str]); 3] = [
            (
                "一、本年新收政府信息公开申请数量",
                &["190", "1", "1", "1", "0", "6", "199"],
            ),
            (
                "二、上年结转政府信息公开申请数量",
                &["1", "1", "0", "0", "0", "0", "2"],
            ),
            ("（一）予以公开", &["0", "0", "0", "0", "0", "0"]),
        ];
        for t in ["申请人情况", "自然人", "总计"] {
            text.push_str(&at(t, 0));
        }
        for (label, values) in rows {
            text.push_str(&at(label, 0));
            for v in values {
                text.push_str(&at(v, 0));
            }
        }
        text.push_str(&at("（二）部分公开", shift));
        for v in ["23", "0", "0", "0", "0", "1", "24"] {
            text.push_str(&at(v, 0));
        }
        text.push_str("   四、政府信息公开行政复议、行政诉讼情况\n\n");
        text
    };
    let got = tidy(&page(-3));
    assert_eq!(get(&got, "t3.granted.natural_person"), Some("0"), "{got:?}");
    assert_eq!(get(&got, "t3.granted.other_org"), Some("0"));
    assert_eq!(get(&got, "t3.granted.total"), Some(""));
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("24"));
    // The next label on the centre, or set off it the other way: where the empty
    // cell stood is not shown, and the row is left.
    for shift in [0, 3] {
        let got = tidy(&page(shift));
        assert!(none_under(&got, "t3.granted"), "{got:?}");
        assert_eq!(get(&got, "t3.partly_granted.total"), Some("24"));
    }
}

#[test]
fn short_paragraphs_of_numbers_elsewhere_stay_text() {
    let text =
        "一、总体情况\n\n规章\n\n3\n\n5\n\n二、主动公开政府信息情况\n\n行政许可\n\n1\n\n2\n\n";
    let got = tidy(text);
    assert!(got.is_empty(), "{got:?}");
}

/// `pdftotext` of a LibreOffice page: a row that lost a blank cell lets a value of the
/// next row stand after that row's total (`4 0 0 0 0 5` / `1`, 1 being its research
/// column's). Seven values that do not add up are not read as the row; the rows that
/// add up around them are.
#[test]
fn seven_values_that_do_not_add_up_are_not_read_flush_left() {
    let text = lo_table(&[
        (&["3.危及“三安全一稳定”"], &["3", "0", "0", "0", "1", "4"]),
        (
            &["4.保护第三方合法权益"],
            &["4", "0", "0", "0", "0", "5", "1"],
        ),
        (
            &["5.属于三类内部事务信息"],
            &["1", "0", "0", "0", "0", "0", "1"],
        ),
    ]);
    let got = tidy(&text);
    for column in ["natural_person", "research", "other_org", "total"] {
        let key = format!("t3.withheld.third_party.{column}");
        assert_eq!(get(&got, &key), None, "{key}: {got:?}");
    }
    assert_eq!(get(&got, "t3.withheld.internal_affairs.total"), Some("1"));
    // Centred as lynx sets its cells, the same seven are the row: a sum that is off is
    // the report's, for the rules to find.
    let centred = text
        .lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("        {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let got = tidy(&centred);
    assert_eq!(
        get(&got, "t3.withheld.third_party.total"),
        Some("1"),
        "{got:?}"
    );
}

/// `pdftotext` of a chromium PDF in reading order cuts a row at a wide gap, flush left:
/// an all-zero row short of a blank (`0 0 0 0` / `/ 0`) does not say whether the
/// blank stood at the cut or at either end, so its last cells are not read; at lynx's
/// margin the cut is a `<br>` cell's, and the row is read with it empty there.
#[test]
fn a_row_cut_flush_left_places_no_blank_at_the_cut() {
    let text = |margin: &str| {
        format!(
            "三、收到和处理政府信息公开申请情况\n\
             {margin}6.属于四类过程性信息 16 0 0 0 0 1 17\n\
             {margin}7.属于行政执法案卷 0 0 0 0\n\
             {margin}/ 0\n\
             {margin}8.属于行政查询事项 10 0 0 0 0 0 10\n\
             四、政府信息公开行政复议、行政诉讼情况\n"
        )
    };
    let got = tidy(&text(""));
    assert_eq!(
        get(&got, "t3.withheld.enforcement_files.total"),
        None,
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.withheld.inquiry.total"), Some("10"));
    let got = tidy(&text("   "));
    assert_eq!(
        get(&got, "t3.withheld.enforcement_files.legal_services"),
        Some(""),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.withheld.enforcement_files.total"), Some("0"));
}

/// LibreOffice's 2021 editor page: the first rows' first column apart, the rest of
/// those rows after the header's words, and new_received's commercial value alone far
/// below among the header's words (`6.属于四类过程性信息` / `1` / `总计`). Its row
/// adds up only with it, and （七）总计 leaves it one column: 一 + 二 cover （七）总计
/// column by column, and 二's middle cells are all 0.
#[test]
fn a_first_row_value_set_far_below_is_taken_where_the_totals_say_where() {
    let run = [
        "0", "1", "6", "2", "130", "0", "0", "0", "0", "6", "0", "0", "/", "2", "0", "21", "2",
        "0", "0", "0", "1", "0", "3",
    ];
    let text = |stray: &'static str, total: &'static [&'static str]| {
        lo_table(&[
            (&["一、本年新收政府信息公开申请数量"], &["120"]),
            (&["二、上年结转政府信息公开申请数量"], &["6"]),
            (
                &[
                    "三、本年度 （一）予以公开",
                    "办理结果 （二）部分公开（区分处理的，只计这",
                ],
                &["19"],
            ),
            (&["商业企业"], &run),
            (&["1.属于国家秘密"], &["31", "0", "0", "0", "1", "0", "32"]),
            (&["6.属于四类过程性信息"], &[stray]),
            (&["总计", "（七）总计"], total),
        ])
    };
    const TOTAL: &[&str] = &["116", "1", "0", "1", "6", "2", "126"];
    let got = tidy(&text("1", TOTAL));
    for (key, want) in [
        ("t3.new_received.natural_person", "120"),
        ("t3.new_received.commercial", "1"),
        ("t3.new_received.research", "0"),
        ("t3.new_received.public_interest", "1"),
        ("t3.new_received.total", "130"),
        ("t3.carried_over.total", "6"),
        ("t3.granted.natural_person", "19"),
        ("t3.granted.public_interest", ""),
        ("t3.granted.total", "21"),
        ("t3.partly_granted.natural_person", "2"),
        ("t3.partly_granted.total", "3"),
    ] {
        assert_eq!(get(&got, key), Some(want), "{key}: {got:?}");
    }
    // 二's blank may be any of its cells but its total (without 四, the sums down the
    // table do not tell even its first): those are left.
    assert_eq!(get(&got, "t3.carried_over.natural_person"), None, "{got:?}");
    assert_eq!(get(&got, "t3.carried_over.research"), None, "{got:?}");
    let first_rows = |got: &[(String, String)]| {
        got.iter()
            .any(|c| c.0.starts_with("t3.new_received") || c.0.starts_with("t3.granted"))
    };
    // Without （七）总计 the lone value may be any of four columns: nothing read.
    let got = tidy(&text("1", &[]));
    assert!(!first_rows(&got), "{got:?}");
    // A lone value that does not make the row add up: nothing read.
    let got = tidy(&text("2", TOTAL));
    assert!(!first_rows(&got), "{got:?}");
}

/// `pdftotext` of LibreOffice's page may set a row's cell after its total: seven
/// values that do not add up, one of which is the sum of the other six, are left
/// unread (where the moved cell stood is not told); so are seven that do not add up
/// otherwise, flush left: a report's slip there cannot be told from a cell of
/// another row set among them.
#[test]
fn a_cell_set_after_its_rows_total_leaves_the_row() {
    let text = |third: &'static [&'static str]| {
        lo_table(&[
            (&["3.危及“三安全一稳定”"], &["3", "0", "0", "0", "1", "4"]),
            (&["4.保护第三方合法权益"], third),
            (
                &["5.属于三类内部事务信息"],
                &["1", "0", "0", "0", "0", "0", "1"],
            ),
        ])
    };
    let got = tidy(&text(&["4", "0", "0", "0", "0", "5", "1"]));
    assert_eq!(
        get(&got, "t3.withheld.third_party.natural_person"),
        None,
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.withheld.third_party.total"), None, "{got:?}");
    assert_eq!(
        get(&got, "t3.withheld.internal_affairs.total"),
        Some("1"),
        "{got:?}"
    );
    // No value the sum of the others: not read either.
    let got = tidy(&text(&["4", "0", "0", "0", "0", "6", "1"]));
    assert_eq!(
        get(&got, "t3.withheld.third_party.natural_person"),
        None,
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.withheld.third_party.total"), None, "{got:?}");
}

/// lynx of the online editor's page: table 四's one row, broken where the blank
/// 其他结果 of 行政复议 held only `<br/>`, is read with that cell blank. Where the
/// groups do not add up with the blank at the break, or the second line stands at
/// another indent, the row is not joined, and nothing of table 四 is read.
#[test]
fn lynx_table_four_broken_by_a_br_cell_is_read_with_it_empty() {
    let page = |first: &str, second: &str| {
        format!(
            "   四、政府信息公开行政复议、行政诉讼情况\n            行政复议                              行政诉讼\n   结果维持 结果纠正 其他结果 尚未审结 总计        未经复议直接起诉                复议后起诉\n                          结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n{first}\n{second}\n\n   五、存在的主要问题及改进情况\n"
        )
    };
    let got = tidy(&page(
        "   1    0",
        "   0    1    1    0    3  3    7    1    3    2  3    9",
    ));
    let want = [
        ("t4.review.upheld", "1"),
        ("t4.review.corrected", "0"),
        ("t4.review.other", ""),
        ("t4.review.pending", "0"),
        ("t4.review.total", "1"),
        ("t4.litigation_direct.total", "7"),
        ("t4.litigation_after_review.total", "9"),
    ];
    for (k, v) in want {
        assert_eq!(get(&got, k), Some(v), "{k} in {got:?}");
    }
    // The break one value later: 1 0 0 _ 1 adds up too, but then 1 0 3 3 7 and the
    // rest are the same; the break tells where the blank stands, so it is read so.
    let got = tidy(&page(
        "   1    0    0",
        "   1    1    0    3  3    7    1    3    2  3    9",
    ));
    assert_eq!(get(&got, "t4.review.other"), Some("0"), "{got:?}");
    assert_eq!(get(&got, "t4.review.pending"), Some(""), "{got:?}");
    // Not adding up with the blank at the break (a group's total 8), or the second
    // line at another indent: not joined.
    for (first, second) in [
        (
            "   1    0",
            "   0    1    1    0    3  3    8    1    3    2  3    9",
        ),
        (
            "   1    0",
            "      0    1    1    0    3  3    7    1    3    2  3    9",
        ),
    ] {
        let got = tidy(&page(first, second));
        assert!(none_under(&got, "t4."), "{got:?}");
    }
}

/// The wider check's seed 20 (`pdftotext` in reading order of LibreOffice's print of
/// a 2019 cms page): rows whose labels take two lines show their first values after
/// the label and the rest of them far below, one row's rest after another's, after
/// a later label. There `1 0 1` (6.'s legal_services, other_org, total) and
/// `0 0 0 2` (7.'s last four) make seven that add up by chance; read as the row of
/// the label before them they were two wrong cells. The row before that label is
/// short of values and the run does not split into rows: none of it is read.
#[test]
fn a_run_after_short_rows_that_does_not_split_is_not_read() {
    let mut text = String::from(
        "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n总计\n\n\
         一、本年新收政府信息公开申请数量\n\n42\n\n4\n\n1\n\n5\n\n7\n\n5\n\n64\n\n\
         5.属于三类内部事务信息\n\n6\n\n0\n\n0\n\n0\n\n1\n\n0\n\n7\n\n",
    );
    // Labels and values, each a paragraph of its own, as the text has them.
    text.push_str(&paragraphs(
        "6.属于四类过程性信 息 0 0 0 7.属于行政执法案卷 2 0 0 8.属于行政查询事项 1 0 \
         1.本机关不掌握相关 政府信息 2 （四） 2.没有现成信息需要 无法提 另行制作 供 \
         1 0 1 0 0 0 2 0 0 0 0 1 0 0 0 / 0 2 2 0 0 0 0 0 2 \
         3.补正后申请内容仍 不明确 0 0 0 0 0 0 0 （六）其他处理"
            .split_whitespace(),
    ));
    let got = tidy(&text);
    assert_eq!(get(&got, "t3.withheld.internal_affairs.total"), Some("7"));
    assert_eq!(get(&got, "t3.unavailable.unclear.total"), Some("0"));
    assert!(none_under(&got, "t3.unavailable.needs_creation"), "{got:?}");
}

/// chromium's online-editor page, in `pdftotext`'s reading order, sets table 二's
/// labels first and a one-cell sub-table's value after its column's name: where the
/// sub-table has that one cell, its label (alone, before the block) takes it.
#[test]
fn the_value_of_a_one_cell_sub_table_is_its_label_set_before() {
    let text = |first: &str, label_then: &str, block: &[&str]| {
        let mut t = format!(
            "二、主动公开政府信息情况\n\n信息内容\n\n规章\n\n行政规范性文件\n\n第二十条第（一）项\n\n\
             {first}\n\n信息内容\n\n{label_then}\n\n第二十条第（八）项\n\n"
        );
        for c in block {
            t.push_str(c);
            t.push_str("\n\n");
        }
        t.push_str("三、收到和处理政府信息公开申请情况\n");
        t
    };
    let fees = ["本年收费金额（单位：万元）", "1734.7"];
    let got = tidy(&text(
        "本年制发件数",
        "行政事业性收费\n\n现行有效件数",
        &fees,
    ));
    assert_eq!(
        get(&got, "t2.fees.amount_10k_yuan"),
        Some("1734.7"),
        "{got:?}"
    );
    // 2019's sub-table (八) has two columns: the value may be either's.
    let got = tidy(&text(
        "本年新制作数量",
        "行政事业性收费\n\n上一年项目数量",
        &fees,
    ));
    assert_eq!(get(&got, "t2.fees.items_last_year"), None, "{got:?}");
    assert_eq!(get(&got, "t2.fees.items_change"), None);
    // The label has a value after it: the label keeps it, the block's is not moved.
    let got = tidy(&text("本年制发件数", "行政事业性收费\n\n5", &fees));
    assert_eq!(get(&got, "t2.fees.amount_10k_yuan"), Some("5"), "{got:?}");
    // Two values in the block: which is the cell's is not told.
    let got = tidy(&text(
        "本年制发件数",
        "行政事业性收费\n\n现行有效件数",
        &["本年收费金额（单位：万元）", "1734.7", "12"],
    ));
    assert_eq!(get(&got, "t2.fees.amount_10k_yuan"), None, "{got:?}");
    // Two one-cell sub-tables, their labels set first among the others: each its own.
    let two = "二、主动公开政府信息情况\n\n信息内容\n\n规章\n\n行政许可\n\n行政处罚\n\n\
               行政事业性收费\n\n第二十条第（一）项\n\n本年制发件数\n\n第二十条第（五）项\n\n\
               本年处理决定数量\n\n12\n\n第二十条第（八）项\n\n本年收费金额（单位：万元）\n\n\
               1734.7\n\n三、收到和处理政府信息公开申请情况\n";
    let got = tidy(two);
    assert_eq!(get(&got, "t2.licensing.decisions"), Some("12"), "{got:?}");
    assert_eq!(get(&got, "t2.fees.amount_10k_yuan"), Some("1734.7"));
    // The value before the column's name: not the column's for certain.
    let got = tidy(&text(
        "本年制发件数",
        "行政事业性收费\n\n现行有效件数",
        &["1734.7", "本年收费金额（单位：万元）"],
    ));
    assert_eq!(get(&got, "t2.fees.amount_10k_yuan"), None, "{got:?}");
}
