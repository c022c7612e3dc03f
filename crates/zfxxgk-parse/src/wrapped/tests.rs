//! Unit tests of `wrapped.rs`.

use crate::test_support::{get, none_under, tidy};

const HEAD: &str = "三、收到和处理政府信息公开申请情况\n申请人情况\n法人或其他组织\n";

/// `pdftotext -layout` of the online editor's page printed by a browser: two rows
/// of (四) stacked column by column under the third's label, the first row's values
/// on a line of their own.
fn stacked(second: &str, third: &str) -> String {
    stacked_flush(second, third, false)
}

/// [`stacked`], the stacked values set flush left, or flush right (each ending two
/// characters after its column's start: `3` over `10`).
fn stacked_flush(second: &str, third: &str, right: bool) -> String {
    let at = [33usize, 44, 48, 52, 60, 68, 73];
    // A line: `label`, then each value from its character.
    let line = |label: &str, values: &[&str]| {
        let mut l = label.to_string();
        for (x, v) in at.iter().zip(values) {
            l.push_str(&" ".repeat(x.saturating_sub(l.chars().count()).max(1)));
            l.push_str(v);
        }
        l.push('\n');
        l
    };
    let mut text = HEAD.to_string();
    text += &line(
        "              8.属于行政查询事项",
        &["6", "0", "0", "0", "0", "1", "7"],
    );
    text += "\n       （四）无法提 1.2.本机关不掌握相关政府信息\n                  没有现成信息需要另行制作\n";
    text += &line("", &["6", "0", "0", "0", "0", "1", "7"]);
    text += "\n       供      3.补正后申请内容仍不明确\n";
    let (a, b): (Vec<&str>, Vec<&str>) = (second.split(' ').collect(), third.split(' ').collect());
    let indent = |x: usize, v: &str| " ".repeat(if right { x + 2 - v.len() } else { x });
    for (x, (p, q)) in at.iter().zip(a.iter().zip(&b)) {
        text += &format!("{}{p}\n{}{q}\n", indent(*x, p), indent(*x, q));
    }
    text += &line(
        "              1.信访举报投诉类申请",
        &["1", "0", "0", "0", "0", "0", "1"],
    );
    text
}

#[test]
fn rows_stacked_column_by_column_are_read_where_they_add_up() {
    let got = tidy(&stacked("0 0 0 0 0 0 0", "6 0 0 0 0 0 6"));
    assert_eq!(
        get(&got, "t3.unavailable.not_held.total"),
        Some("7"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.unavailable.needs_creation.total"), Some("0"));
    assert_eq!(
        get(&got, "t3.unavailable.unclear.natural_person"),
        Some("6")
    );
    assert_eq!(get(&got, "t3.unavailable.unclear.total"), Some("6"));
    // A row made that does not add up: nothing of the stack is read.
    let got = tidy(&stacked("0 0 0 0 0 0 0", "6 0 0 0 0 0 5"));
    assert!(
        none_under(&got, "t3.unavailable.unclear")
            && none_under(&got, "t3.unavailable.needs_creation"),
        "{got:?}"
    );
}

#[test]
fn rows_stacked_flush_right_are_read_where_they_add_up() {
    // `3` over `10`: the wider number begins a character left of the narrower.
    let got = tidy(&stacked_flush("3 0 0 0 0 0 3", "10 0 0 0 0 0 10", true));
    assert_eq!(
        get(&got, "t3.unavailable.needs_creation.natural_person"),
        Some("3"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.unavailable.needs_creation.total"), Some("3"));
    assert_eq!(
        get(&got, "t3.unavailable.unclear.natural_person"),
        Some("10")
    );
    assert_eq!(get(&got, "t3.unavailable.unclear.total"), Some("10"));
    let got = tidy(&stacked_flush("3 0 0 0 0 0 3", "10 0 0 0 0 0 11", true));
    assert!(
        none_under(&got, "t3.unavailable.unclear")
            && none_under(&got, "t3.unavailable.needs_creation"),
        "{got:?}"
    );
}

/// `pdftotext` of a printed table: each row's values over two lines, bits of
/// label between and after them.
#[test]
fn wrapped_rows_are_joined_where_the_sums_say() {
    let text = format!(
        "{HEAD}一、本年新收政府信息公开申请数量\n190 1 1 1\n0 6 199\n\
         二、上年结转政府信息公开申请数量\n— 0 0 0\n0 0 0\n\
         （二）部分公开（区分处理的，只 23 0 0 0\n0 0 23\n计这一情形，不计其他情形）\n\
         1.本机关不掌握相关政 6 0 0 0\n办理结果\n0 1 7\n府信息\n\
         四、结转下年度继续办理\n"
    );
    let got = tidy(&text);
    assert_eq!(get(&got, "t3.new_received.natural_person"), Some("190"));
    assert_eq!(get(&got, "t3.new_received.other_org"), Some("6"));
    assert_eq!(get(&got, "t3.new_received.total"), Some("199"));
    assert_eq!(get(&got, "t3.carried_over.natural_person"), Some(""));
    assert_eq!(get(&got, "t3.carried_over.total"), Some("0"));
    assert_eq!(get(&got, "t3.partly_granted.natural_person"), Some("23"));
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("23"));
    assert_eq!(get(&got, "t3.unavailable.not_held.other_org"), Some("1"));
    assert_eq!(get(&got, "t3.unavailable.not_held.total"), Some("7"));
}

/// The right part of a row read before the line of its label and left part.
#[test]
fn a_row_whose_end_came_first_is_joined() {
    let text = format!(
        "{HEAD}2.重复申请\n2 0 0 0\n0 0 2\n0 0 1\n（五）不 3.要求提供公开出版物 1 0 0 0\n\
         予处理 4.无正当理由大量反复 3 0 0 0\n0 0 3\n申请\n"
    );
    let got = tidy(&text);
    assert_eq!(get(&got, "t3.not_processed.duplicate.total"), Some("2"));
    assert_eq!(
        get(&got, "t3.not_processed.publication.natural_person"),
        Some("1")
    );
    assert_eq!(
        get(&got, "t3.not_processed.publication.other_org"),
        Some("0")
    );
    assert_eq!(get(&got, "t3.not_processed.publication.total"), Some("1"));
    assert_eq!(get(&got, "t3.not_processed.excessive.total"), Some("3"));
}

/// A printed page cut the table in two: the right-hand columns of each row come
/// first, one line a row, then the labels with the left-hand values.
#[test]
fn a_block_of_right_hand_parts_pairs_with_the_rows_after_it() {
    let text = format!(
        "{HEAD}0 1 6 2 130\n0 0 0 0 6\n0 0 2 0 21\n0 0 1 0 3\n自然 商业\n人 企\n\
         一、本年新收政府信息公开申请数量\n120 1\n二、上年结转政府信息公开申请数量\n6 —\n\
         （一）予以公开\n19 0\n（二）部分公开（区分处理的，只计这一 2 0\n情形，不计其他情形）\n\
         1.属于国家秘密\n31 0\n"
    );
    let got = tidy(&text);
    assert_eq!(get(&got, "t3.new_received.natural_person"), Some("120"));
    assert_eq!(get(&got, "t3.new_received.research"), Some("0"));
    assert_eq!(get(&got, "t3.new_received.total"), Some("130"));
    assert_eq!(get(&got, "t3.carried_over.commercial"), Some(""));
    assert_eq!(get(&got, "t3.granted.legal_services"), Some("2"));
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("3"));
    // The row after the block's rows has no right-hand part.
    assert!(none_under(&got, "t3.withheld"), "{got:?}");
    // One pair that does not add up: none is paired.
    let text = text.replace("0 0 1 0 3", "0 0 1 0 4");
    let got = tidy(&text);
    assert!(none_under(&got, "t3."), "{got:?}");
}

/// The block's row cut in two where its blank cell left a gap (`1 0` / `1 2`), and
/// the values of a label that ran over two lines written before its line.
#[test]
fn a_block_row_cut_at_its_blank_and_values_before_their_label_are_paired() {
    let text = format!(
        "{HEAD}0 1 6 2 130\n0 0 0 0 6\n1 0\n1 2\n0 0 1 0 3\n0 0 0 0 6\n自然 商业\n人 企\n\
         一、本年新收政府信息公开申请数量\n120 1\n二、上年结转政府信息公开申请数量\n6 —\n\
         （一）予以公开\n0 0\n（二）部分公开（区分处理的，只计这一 2 0\n情形，不计其他情形）\n\
         6 0\n1.属于国家秘密\n2.其他法律行政法规禁止公开 3 0\n"
    );
    let got = tidy(&text);
    assert_eq!(get(&got, "t3.new_received.total"), Some("130"), "{got:?}");
    // The blank stood where the row's line was cut; the page's cut (after the
    // second column) tells nothing of it.
    assert_eq!(get(&got, "t3.granted.research"), Some("1"), "{got:?}");
    assert_eq!(get(&got, "t3.granted.public_interest"), Some("0"));
    assert_eq!(get(&got, "t3.granted.legal_services"), Some(""));
    assert_eq!(get(&got, "t3.granted.other_org"), Some("1"));
    assert_eq!(get(&got, "t3.granted.total"), Some("2"));
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("3"));
    assert_eq!(
        get(&got, "t3.withheld.state_secret.natural_person"),
        Some("6")
    );
    assert_eq!(get(&got, "t3.withheld.state_secret.total"), Some("6"));
    // A row that lost a cell on each side (`2` and `0 1 0 3`) has nothing to add up:
    // one such row is paired with the rest, two are not.
    let one = text
        .replace("只计这一 2 0\n", "只计这一 2\n")
        .replace("\n0 0 1 0 3\n", "\n0 1 0 3\n");
    let got = tidy(&one);
    assert_eq!(
        get(&got, "t3.withheld.state_secret.total"),
        Some("6"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.granted.legal_services"), Some(""));
    let two = one
        .replace("\n6 —\n", "\n6\n")
        .replace("\n0 0 0 0 6\n1 0\n", "\n0 0 0 6\n1 0\n");
    assert_ne!(two, one);
    let got = tidy(&two);
    assert!(none_under(&got, "t3.new_received"), "{got:?}");
    // A block row the sums deny: nothing is paired.
    let text = text.replace("1 0\n1 2\n", "1 0\n1 3\n");
    let got = tidy(&text);
    assert!(none_under(&got, "t3.granted"), "{got:?}");
    assert!(none_under(&got, "t3.new_received"), "{got:?}");
}

/// `pdftotext -layout`: a label cut over two lines took the row's first value
/// onto its first line and the others onto the next.
#[test]
fn an_aligned_row_cut_in_two_is_joined() {
    // Each value right-aligned in six characters from character 40.
    let line = |label: &str, values: &[&str]| {
        let mut l = label.to_string();
        l.push_str(&" ".repeat(40usize.saturating_sub(label.chars().count())));
        for v in values {
            l.push_str(&format!("{v:>6}"));
        }
        l.push('\n');
        l
    };
    let mut text = HEAD.to_string();
    text += &line("（一）予以公开", &["23", "0", "0", "/", "0", "1", "24"]);
    text += &line("理结果 （二）部分公开（区分处理的，只计这一情形，", &["23"]);
    text += &line("不计其他情形）", &["", "0", "0", "0", "0", "0", "23"]);
    text += &line("1.属于国家秘密", &["38", "—", "0", "0", "0", "1", "39"]);
    let got = tidy(&text);
    assert_eq!(
        get(&got, "t3.partly_granted.natural_person"),
        Some("23"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.partly_granted.commercial"), Some("0"));
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("23"));
    assert_eq!(get(&got, "t3.withheld.state_secret.total"), Some("39"));
    // Parts that do not add up stay apart, and are not read.
    let text = text.replace(
        &line("不计其他情形）", &["", "0", "0", "0", "0", "0", "23"]),
        &line("不计其他情形）", &["", "0", "0", "0", "0", "0", "24"]),
    );
    let got = tidy(&text);
    assert!(none_under(&got, "t3.partly_granted"), "{got:?}");
}

/// The first part of a cut row on a line of running text (its value one space
/// after the label), the others on the aligned line under it (`pdftotext -layout`
/// of a printed page).
#[test]
fn a_cut_row_whose_first_part_is_running_text_is_joined() {
    let lines = [
        "一、本年新收政府信息公开申请数量               120       1   0   1       6    2 130",
        "二、上年结转政府信息公开申请数量                 6           0   0       0    0   6",
        "三、本年度 （一）予以公开                   19       0   0   /       2    0   21",
        "办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他 2",
        "      情形）                                0   0   0       1    0   3",
        "",
        "      （三）不予 1.属于国家秘密            31       0   0   0       1    0   32",
        "      公开    2.其他法律行政法规禁止公开      18       0   0   0       0    0   18",
        "            3.危及“三安全一稳定”         8       0   0   0       0    0   8",
    ];
    let text = format!("{HEAD}{}\n", lines.join("\n"));
    let got = tidy(&text);
    assert_eq!(get(&got, "t3.granted.total"), Some("21"), "{got:?}");
    assert_eq!(
        get(&got, "t3.partly_granted.natural_person"),
        Some("2"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.partly_granted.legal_services"), Some("1"));
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("3"));
}

/// A printed page read down each column: the labels, then each column's values
/// as a block, a blank line between blocks; the last rows' after, in their own
/// blocks.
#[test]
fn values_written_column_by_column_are_read_by_the_blocks() {
    let mut text = format!(
        "{HEAD}1.信访举报投诉\n类申请\n2.重复申请\n3.要求提供公开\n（五）不\n出版物\n\
         （六）其他处理\n（七）总计\n\n"
    );
    // Three rows, seven blocks of three.
    for column in [
        ["1", "2", "3"],
        ["0"; 3],
        ["0"; 3],
        ["0"; 3],
        ["0"; 3],
        ["0"; 3],
    ] {
        text.push_str(&column.join("\n"));
        text.push_str("\n\n");
    }
    text.push_str("1\n2\n3\n\n");
    // The last two rows: five blocks of two, then one of two values a line.
    for column in [["7", "179"], ["1", "1"], ["1", "1"], ["1", "1"], ["0", "0"]] {
        text.push_str(&column.join("\n"));
        text.push_str("\n\n");
    }
    text.push_str("2 12\n6 188\n");
    let got = tidy(&text);
    assert_eq!(
        get(&got, "t3.not_processed.complaint.natural_person"),
        Some("1"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.not_processed.complaint.total"), Some("1"));
    assert_eq!(get(&got, "t3.not_processed.publication.total"), Some("3"));
    assert_eq!(get(&got, "t3.other.other_org"), Some("2"));
    assert_eq!(get(&got, "t3.other.total"), Some("12"));
    assert_eq!(get(&got, "t3.results_total.natural_person"), Some("179"));
    assert_eq!(get(&got, "t3.results_total.total"), Some("188"));
    // One row that does not add up: nothing is read.
    let got = tidy(&text.replace("6 188", "6 189"));
    assert!(none_under(&got, "t3."), "{got:?}");
}

/// The label's beginning on the line before, with no value, its end on the line of
/// the first values (the left-hand group's name cut between the two).
#[test]
fn a_label_begun_on_the_line_before_is_joined() {
    let text = format!(
        "{HEAD}（一）予以公开 23 0 0 0\n0 1 24\n年度办 （二）部分公开（区分处理\n\
         理结果 的，只计这一情形，不计其 23 0 0 0\n0 0 23\n他情形）\n"
    );
    let got = tidy(&text);
    assert_eq!(
        get(&got, "t3.partly_granted.natural_person"),
        Some("23"),
        "{got:?}"
    );
    assert_eq!(get(&got, "t3.partly_granted.total"), Some("23"));
    // A bit of label that does not go on from the line before's: not joined.
    let got = tidy(&text.replace("的，只计这一情形，不计其", "另有说明的情形"));
    assert!(none_under(&got, "t3.partly_granted"), "{got:?}");
}

/// Table 四's values over two lines: joined; fifteen that do not add up group by
/// group (the lines in another order) are not.
#[test]
fn table_four_values_over_two_lines_are_joined() {
    let head = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n";
    let got = tidy(&format!("{head}1 2 3 2 8 1 3 1\n5 3 1 3 2 9\n"));
    assert_eq!(get(&got, "t4.review.upheld"), Some("1"), "{got:?}");
    assert_eq!(get(&got, "t4.review.total"), Some("8"));
    assert_eq!(get(&got, "t4.litigation_after_review.upheld"), Some("3"));
    assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("9"));
    // The first group's first four cells after the rest: read in the one merge
    // of the lines that adds up (see the test of `only_merge` below).
    let got = tidy(&format!("{head}5 2 0 0 1 3 3 0 2 0 5\n0 3 1 1\n"));
    assert_eq!(get(&got, "t4.review.upheld"), Some("0"), "{got:?}");
    assert_eq!(get(&got, "t4.review.total"), Some("5"), "{got:?}");
    // Lines whose merges add up in more than one way: nothing is read.
    let got = tidy(&format!("{head}0 0 0 0 1 0 0 0 0 0 0\n1 0 0 0\n"));
    assert!(none_under(&got, "t4."), "{got:?}");
    let got = tidy(&format!("{head}0 3 1 1\n5 2 0 0 1 3 3 0 2 0 5\n"));
    assert_eq!(get(&got, "t4.review.total"), Some("5"), "{got:?}");
}

/// A row cut after its fifth value, the two others on the next line.
#[test]
fn a_row_cut_late_is_joined() {
    let text = "三、收到和处理政府信息公开申请情况\n\
        申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n\
        一、本年新收政府信息公开申请数量 1 1 0 0 2\n0 4\n\
        二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n";
    let got = tidy(text);
    assert_eq!(get(&got, "t3.new_received.legal_services"), Some("2"));
    assert_eq!(get(&got, "t3.new_received.other_org"), Some("0"));
    assert_eq!(get(&got, "t3.new_received.total"), Some("4"));
    assert_eq!(get(&got, "t3.carried_over.total"), Some("0"));
}

/// Values that do not add up, or lines of one value each (a table read column by
/// column), are not joined.
#[test]
fn rows_the_sums_deny_stay_apart() {
    let text = format!(
        "{HEAD}一、本年新收政府信息公开申请数量\n190 1 1 1\n0 6 200\n\
         （一）予以公开\n3 0\n0 0 0 0\n1 1 1\n\
         （七）总计\n5 0\n0 0 0 0 6\n"
    );
    let got = tidy(&text);
    assert!(none_under(&got, "t3."), "{got:?}");
}

#[test]
fn whole_rows_add_up() {
    let cells = |t: &'static str| -> Vec<zfxxgk_lex::Cell<'static>> {
        t.split(' ')
            .map(|text| zfxxgk_lex::Cell {
                text,
                span: zfxxgk_lex::Span::new(0, 0),
                x: None,
            })
            .collect()
    };
    assert!(super::whole(&cells("190 1 1 1 0 6 199")));
    assert!(super::whole(&cells("— 0 0 0 0 0 0")));
    assert!(super::whole(&cells("38 0 0 0 1 39")));
    assert!(!super::whole(&cells("38 0 0 1 39")));
    assert!(!super::whole(&cells("1 1 1 1 1 1 1 6")));
    assert!(!super::whole(&cells("1 1 1 1 1 1 7")));
    assert!(!super::whole(&cells("1 1 1 1 1 1 —")));
    assert!(super::whole(&cells("0 0 0 0 0 0 —")));
}

/// `pdftotext` of chromium's print of the CMS page: table 四's row on two lines,
/// the first group's first four cells after the rest. Only one merge of the two
/// lines adds up: read so, by position, with a note; a merge that two readings
/// fit is not made.
#[test]
fn two_lines_of_table_four_merged_the_one_way_that_adds_up() {
    let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n\
        结果维持 结果纠正 其他结果 尚未审结 总计\n\
        5 2 0 0 1 3 3 0 2 0 5\n\n0 3 1 1\n五、存在的主要问题及改进情况\n";
    let report = crate::parse(text);
    let cells: Vec<(String, String)> = report
        .tidy()
        .map(|(k, v)| (k.as_str().to_string(), v))
        .collect();
    assert_eq!(get(&cells, "t4.review.upheld"), Some("0"));
    assert_eq!(get(&cells, "t4.review.total"), Some("5"));
    assert_eq!(get(&cells, "t4.litigation_direct.upheld"), Some("2"));
    assert_eq!(get(&cells, "t4.litigation_after_review.total"), Some("5"));
    let cell = report
        .cell("t4.review.pending".parse().expect("key"))
        .expect("read");
    assert_eq!(cell.placement, zfxxgk_model::Placement::Position);
    assert!(report
        .notes
        .iter()
        .any(|n| n.message.en.contains("the one merge of the two lines")));
    // Two 1s among zeros: several merges add up, with the values in other
    // places; none is made.
    assert_eq!(merge("0 0 0 0 1 0 0 0 0 0 0", "1 0 0 0"), None);
    assert_eq!(
        merge("5 2 0 0 1 3 3 0 2 0 5", "0 3 1 1").as_deref(),
        Some("0 3 1 1 5 2 0 0 1 3 3 0 2 0 5")
    );
}

/// [`super::only_merge`] of two lines of words, as text.
fn merge(a: &'static str, b: &'static str) -> Option<String> {
    let cells = |t: &'static str| {
        t.split(' ')
            .enumerate()
            .map(|(i, w)| zfxxgk_lex::Cell {
                text: w,
                span: zfxxgk_lex::Span::new(i, i + 1),
                x: None,
            })
            .collect::<Vec<_>>()
    };
    super::only_merge(&cells(a), &cells(b))
        .map(|m| m.iter().map(|c| c.text).collect::<Vec<_>>().join(" "))
}
