use super::*;
use crate::test_support::{cells, get, none_under, starting, tidy};

/// [`align`] as first written: each reached cell pushes its score on to the cells
/// one step on.
fn align_by_pushing(cand: &[Option<(usize, Match)>], n: usize) -> (i64, Plan) {
    let m = cand.len();
    let neg = i64::MIN / 4;
    let mut f = vec![vec![neg; n + 1]; m + 1];
    let mut from = vec![vec![0u8; n + 1]; m + 1];
    f[0][0] = 0;
    for i in 0..=m {
        for j in 0..=n {
            let here = f[i][j];
            if here == neg {
                continue;
            }
            if j < n && here > f[i][j + 1] {
                f[i][j + 1] = here;
                from[i][j + 1] = 1;
            }
            if i < m {
                let out = here + LEFT_OUT;
                if out > f[i + 1][j] {
                    f[i + 1][j] = out;
                    from[i + 1][j] = 2;
                }
                if j < n {
                    let put = here + gain(cand[i], j);
                    if put > f[i + 1][j + 1] {
                        f[i + 1][j + 1] = put;
                        from[i + 1][j + 1] = 3;
                    }
                }
            }
        }
    }
    let mut plan = vec![None; m];
    let (mut i, mut j) = (m, n);
    while i > 0 || j > 0 {
        match from[i][j] {
            1 => j -= 1,
            2 => i -= 1,
            3 => {
                let placement = match cand[i - 1] {
                    Some((k, _)) if k == j - 1 => Placement::Label,
                    _ => Placement::Position,
                };
                plan[i - 1] = Some((j - 1, placement));
                i -= 1;
                j -= 1;
            }
            _ => break,
        }
    }
    (f[m][n], plan)
}

#[test]
fn every_template_cell_has_a_key() {
    for (e, rows) in T3_KEYS.iter() {
        assert_eq!(rows.len(), Template::of(e).t3_rows.len(), "{e}");
        for keys in rows {
            assert_eq!(keys.len(), N_COLUMNS, "{e}");
            assert!(keys.iter().all(Option::is_some), "{e}: {keys:?}");
        }
    }
}

proptest::proptest! {
    #[test]
    fn aligned_as_by_pushing(
        n in 0usize..12,
        cand in proptest::collection::vec(
            proptest::option::of((0usize..14, proptest::bool::ANY)),
            0..16,
        ),
    ) {
        let cand: Vec<Option<(usize, Match)>> = cand
            .into_iter()
            .map(|c| c.map(|(k, exact)| (k, if exact { Match::Exact } else { Match::Partial })))
            .collect();
        proptest::prop_assert_eq!(align(&cand, n), align_by_pushing(&cand, n));
    }
}

#[test]
fn rows_placed_by_position_are_a_guess_where_the_count_is_off() {
    use Placement::{Label, Position};
    // One unlabelled row between template rows 0 and 2: it can only be row 1.
    let sure: Plan = vec![Some((0, Label)), Some((1, Position)), Some((2, Label))];
    assert_eq!(guessed(&sure, 10), [false, false, false]);
    // One unlabelled row for the three template rows between 0 and 4: a guess.
    let guess: Plan = vec![Some((0, Label)), Some((1, Position)), Some((4, Label))];
    assert_eq!(guessed(&guess, 10), [false, true, false]);
    // At the end: two rows for the three left after row 7 of 10.
    let tail: Plan = vec![Some((7, Label)), Some((8, Position)), None];
    assert_eq!(guessed(&tail, 11), [false, true, true]);
}

/// The wider check's seed 19 (`pdftotext` in reading order of LibreOffice's print of
/// a 2021 report): the labels of the table's last rows stand after the values, whose
/// last rows are unlabelled, and （七）总计 and 四、结转 stand apart with fewer values.
/// The unlabelled rows fill the 2019 edition's row count exactly, so its rows put
/// them on （六）其他处理, （七）总计 and 四、结转, wrongly; the 2021 edition's put them on
/// its three rows of （六）其他处理. The labels tell neither: rows the editions put on
/// rows of different keys are not read, whatever the year says.
#[test]
fn unlabelled_rows_the_editions_put_on_different_rows_are_not_read() {
    let labelled = [
        ("一、本年新收政府信息公开申请数量", "56 2 1 6 7 0 72"),
        ("二、上年结转政府信息公开申请数量", "12 0 0 0 0 0 12"),
        ("", "20 0 / 0 1 0 21"),
        ("", "1 0 0 0 2 0 3"),
        ("1.属于国家秘密", "0 0 0 0 1 0 1"),
        ("2.其他法律行政法规禁止公开", "7 0 0 2 1 0 10"),
        ("3.危及“三安全一稳定”", "6 0 0 1 0 0 7"),
        ("4.保护第三方合法权益", "8 0 0 1 0 0 9"),
        ("5.属于三类内部事务信息", "3 0 0 0 0 0 3"),
        ("6.属于四类过程性信息", "5 0 0 0 0 0 5"),
        ("7.属于行政执法案卷", "1 0 0 0 0 0 1"),
        ("8.属于行政查询事项", "0 0 0 0 0 0 0"),
        ("1.本机关不掌握相关政府信息", "1 0 0 0 0 0 1"),
        ("2.没有现成信息需要另行制作", "0 0 0 0 0 0 —"),
        ("3.补正后申请内容仍不明确", "0 0 0 0 0 0 0"),
        ("1.信访举报投诉类申请", "1 0 0 0 0 — 1"),
        ("2.重复申请", "0 0 0 0 0 0 0"),
        ("3.要求提供公开出版物", "2 0 0 0 0 0 2"),
        ("4.无正当理由大量反复申请", "1 0 0 0 0 0 1"),
        ("", "0 0 0 / 0 0 0"),
        ("", "0 0 0 0 0 0 0"),
        ("", "0 0 0 0 0 0 0"),
        ("", "4 2 1 2 2 0 11"),
    ];
    for year in [2020, 2021] {
        let mut text =
            format!("某某局{year}年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n");
        for (label, values) in labelled {
            for cell in label
                .split(' ')
                .chain(values.split(' '))
                .filter(|c| !c.is_empty())
            {
                text.push_str(cell);
                text.push('\n');
            }
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        let got = tidy(&text);
        assert_eq!(
            get(&got, "t3.withheld.state_secret.total"),
            Some("1"),
            "{year}"
        );
        for row in ["t3.results_total.", "t3.carried_forward.", "t3.other."] {
            assert!(none_under(&got, row), "{year} {row}: {got:?}");
        }
    }
}

#[test]
fn a_blank_row_named_other_is_not_a_header() {
    // The official Word template, empty: （六）其他处理 / 3.其他 holds the column word
    // 其他 twice, and its cells are all blank.
    let results = "三、本年度办理结果";
    let blanks = " |".repeat(7);
    let text = format!(
        "三、收到和处理政府信息公开申请情况\n\n\
         | 申请人情况 |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |\n\
         | 申请人情况 |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n\
         | 一、本年新收政府信息公开申请数量 |  | |{blanks}\n\
         | {results} | （六）其他处理 | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 |{blanks}\n\
         | {results} | （六）其他处理 | 3.其他 |{blanks}\n\
         | {results} | （七）总计 | |{blanks}\n\n\
         四、政府信息公开行政复议、行政诉讼情况\n"
    );
    let report = crate::parse(&text);
    let other: Vec<String> = starting(&report, "t3.other.other.");
    assert_eq!(other.len(), 7, "{other:?}");
    assert!(other.iter().all(|kv| kv.ends_with('=')), "{other:?}");
}

/// Rows of Debian html2text (`-utf8`): labels too long for their column, cut (U+FFFD
/// where a character was cut in half), their rest shown after the values of the
/// cells to their right.
#[test]
fn a_labels_rest_after_the_values_is_passed_over() {
    let rows = [
        // Debian html2text of the editor page: `请` whole in an empty cell.
        "|二、上年结转政府信息公开�|请|0��|0___|0_____|0_____|0_|0__|",
        "|    |____（一）予以公开___|_____23______|______0_______|______0_______|_______0________|_______0________|___________1____________|___________24____________|",
        "|    |______（二）部分公开（区分处�|_____23��计�|______0形，�|______0他情�|_______0________|_______0________|___________0____________|___________23____________|",
        // A blank mark before the rest: not read either.
        "|    |                 |____1.属于国家�|_____5�密|______/�___|______0_______|_______0________|_______0________|___________0____________|___________5____________|",
        "|    |                 |____2.其他法律行�|_____26��止�|______0_______|______0_______|_______0________|_______0________|___________0____________|___________26____________|",
        // `项目` is no piece of 危及“三安全一稳定”: where the value ends is not told.
        "|    |                 |_____3.危及“三安�|_____16项目|______0_______|______0_______|_______0________|_______0________|___________0____________|___________16____________|",
        // Nothing but the rest in the total's cell: its value is not told.
        "|    |_______|5.要求行政机关|0��|0或|0��|0��具|0�获�|0�|��|",
        // The rest after the table's last border.
        "|    |（六�|2.申请人逾期未按收费通知�|1��|0��|0���|0、�|0��机|0�|1��|�处理其政府信息公开申请",
    ];
    let text = format!("三、收到和处理政府信息公开申请情况\n{}\n", rows.join("\n"));
    let report = crate::parse(&text);
    let value = |key: &str| {
        let key: CellKey = key.parse().expect("a key");
        report.cell(key).map(|c| c.value.normalized())
    };
    assert_eq!(value("t3.granted.total").as_deref(), Some("24"));
    assert_eq!(value("t3.carried_over.natural_person").as_deref(), Some(""));
    assert_eq!(value("t3.carried_over.total").as_deref(), Some("0"));
    for (key, want) in [
        ("t3.partly_granted.natural_person", "23"),
        ("t3.partly_granted.commercial", "0"),
        ("t3.partly_granted.research", "0"),
        ("t3.partly_granted.total", "23"),
        ("t3.withheld.law_forbidden.natural_person", "26"),
    ] {
        assert_eq!(value(key).as_deref(), Some(want), "{key}");
    }
    for (key, want) in [
        ("t3.not_processed.confirmation.natural_person", Some("0")),
        ("t3.not_processed.confirmation.other_org", Some("0")),
        ("t3.not_processed.confirmation.total", None),
        ("t3.other.no_fee.natural_person", Some("1")),
        ("t3.other.no_fee.total", Some("1")),
    ] {
        assert_eq!(value(key).as_deref(), want, "{key}");
    }
    assert!(report.unplaced.iter().any(|u| u.text == "��"));
    assert_eq!(
        value("t3.withheld.state_secret.natural_person").as_deref(),
        Some("5")
    );
    assert_eq!(
        value("t3.withheld.state_secret.commercial").as_deref(),
        Some("")
    );
    assert_eq!(
        value("t3.withheld.state_secret.research").as_deref(),
        Some("0")
    );

    assert_eq!(value("t3.withheld.security_stability.natural_person"), None);
    assert_eq!(value("t3.withheld.security_stability.total"), None);
    let notes: Vec<&str> = report
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::LabelOverflow)
        .map(|n| n.message.en.as_str())
        .collect();
    assert_eq!(notes.len(), 7, "{notes:?}");
    assert!(
        notes[0].contains("was empty (read as blank): （请）, 0（��）"),
        "{notes:?}"
    );
    assert!(
        notes[1].contains("was read: 23（��计�）, 0（形，�）, 0（他情�）"),
        "{notes:?}"
    );
    assert!(notes[2].contains("5（�密）, /（�）"), "{notes:?}");
    assert!(notes[4].contains("left unplaced"), "{notes:?}");
    assert!(notes[5].contains("0（�）, （��）"), "{notes:?}");
    assert!(
        notes[5].contains("one with nothing else but pieces of characters was not read"),
        "{notes:?}"
    );
    assert!(report.unplaced.iter().any(|u| u.text.contains("16项目")));
}

/// A line of `pdftotext -layout` text: the label, then each value right-aligned in a
/// field of six characters from character 40, a CJK character one column wide.
fn layout_line(label: &str, values: &[&str]) -> String {
    let mut line = label.to_string();
    let pad = 40usize.saturating_sub(label.chars().count());
    line.push_str(&" ".repeat(pad));
    for v in values {
        line.push_str(&format!("{v:>6}"));
    }
    line.push('\n');
    line
}

#[test]
fn layout_text_counts_positions_in_characters() {
    let (report, got) = layout_table("3");
    let get = |key: &str| got.iter().find(|c| c.0 == key).map(|c| c.1.as_str());
    assert_eq!(get("t3.carried_over.natural_person"), Some(""), "{got:?}");
    assert_eq!(get("t3.carried_over.commercial"), Some("2"));
    assert_eq!(get("t3.carried_over.other_org"), Some("6"));
    assert_eq!(get("t3.carried_over.total"), Some("20"));
    assert_eq!(get("t3.granted.public_interest"), Some(""));
    assert_eq!(get("t3.withheld.state_secret.total"), Some("32"));
    // The row cut in two adds up: joined (see `crate::wrapped`).
    assert_eq!(get("t3.partly_granted.natural_person"), Some("2"));
    assert_eq!(get("t3.partly_granted.total"), Some("3"));
    assert!(report
        .notes
        .iter()
        .all(|n| !n.message.en.contains("cut in two")));
    // Its parts do not add up: neither is read, and a note says why.
    let (report, got) = layout_table("4");
    assert!(none_under(&got, "t3.partly_granted"), "{got:?}");
    assert!(report
        .notes
        .iter()
        .any(|n| n.message.en.contains("may have been cut in two")));
}

/// A table of `pdftotext -layout` text with a row cut in two (partly_granted, its total
/// `total`), and its cells.
fn layout_table(total: &str) -> (zfxxgk_model::Report, Vec<(String, String)>) {
    let mut text = String::from("三、收到和处理政府信息公开申请情况\n");
    text += &layout_line(
        "一、本年新收政府信息公开申请数量",
        &["190", "1", "1", "1", "0", "6", "199"],
    );
    text += &layout_line(
        "二、上年结转政府信息公开申请数量",
        &["", "2", "3", "4", "5", "6", "20"],
    );
    text += &layout_line("（一）予以公开", &["23", "0", "0", "/", "0", "1", "24"]);
    // A row cut in two: its first value on the line of its label, one space after
    // it, the others on the next line.
    text += "（二）部分公开（区分处理的，只计这一情形，不计其他 2\n";
    text += &layout_line("情形）", &["", "0", "0", "0", "1", "0", total]);
    text += &layout_line("1.属于国家秘密", &["31", "0", "0", "0", "1", "0", "32"]);
    text += &layout_line(
        "2.其他法律行政法规禁止公开",
        &["18", "0", "0", "0", "0", "0", "18"],
    );
    text += "四、政府信息公开行政复议、行政诉讼情况\n";
    let report = crate::parse(&text);
    let got = cells(&report);
    (report, got)
}

/// Two rows next to each other whose blank cells fall where the other shows values
/// are two rows, not one cut in two: each names its row.
#[test]
fn rows_with_blanks_where_the_other_has_values_are_read() {
    let mut text = String::from("三、收到和处理政府信息公开申请情况\n");
    text += &layout_line(
        "一、本年新收政府信息公开申请数量",
        &["190", "1", "1", "1", "0", "6", "199"],
    );
    text += &layout_line(
        "3.补正后申请内容仍不明确",
        &["", "", "4042", "", "", "", ""],
    );
    text += &layout_line(
        "（五）不予处理    1.信访举报投诉类申请",
        &["992", "3850", "", "3480", "2257", "807", "4158"],
    );
    text += &layout_line("2.重复申请", &["2", "0", "0", "0", "0", "0", "2"]);
    let report = crate::parse(&text);
    let got = cells(&report);
    let get = |key: &str| got.iter().find(|c| c.0 == key).map(|c| c.1.as_str());
    assert_eq!(
        get("t3.unavailable.unclear.research"),
        Some("4042"),
        "{got:?}"
    );
    assert_eq!(get("t3.unavailable.unclear.total"), Some(""));
    assert_eq!(get("t3.not_processed.complaint.research"), Some(""));
    assert_eq!(get("t3.not_processed.complaint.total"), Some("4158"));
}

/// `pdftotext -layout` of a page whose narrow cells stack each row's values one a
/// line: a short line among the stack (the last of two rows' values, `0   0` then
/// `0`; or a row's label with its first value, the others on the lines below) is no
/// row with blank cells beside its values.
#[test]
fn a_short_line_of_a_stack_of_values_is_no_row_with_blanks() {
    let excerpts: [&[&str]; 2] = [
        &[
        "  三、收到和处理政府信息公开申请情况",
        "                                          申请人情况",
        "                                         法人或其他组织",
        "                                  自然 商业 科研            总",
        "                                           社会公  法律服 其",
        "                                   人 企业 机构 益组织 务机构 他 计",
        "一、本年新收政府信息公开申请数量                   75   4   0   0       2    7   88",
        "二、上年结转政府信息公开申请数量                   10   0   0   0       0    0   10",
        "            1.信访举报投诉类申请                     2    0   /       0               0   2",
        "",
        "      （五）不予 2.3.重复申请",
        "                要求提供公开出版物",
        "                                            2    0   0       0       0       —   2",
        "",
        "      处理    4.无正当理由大量反复申请",
        "                                            0",
        "                                            0",
        "                                                 0",
        "                                                 0",
        "                                                     0",
        "                                                     0",
        "                                                             0",
        "                                                             0",
        "                                                                     0",
        "                                                                     0",
        "                                                                             0   0",
        "                                                                                 0",
        "            5.要求行政机关确认或重新出具已获取信息            1        /       0       /           1",
        "            1.申请人无正当理由逾期不补正、行政机关不",
        "",
        "      （六）其他 再处理其政府信息公开申请",
        "                                            0    0   —       0       0       0   0",
        "",
        "            2.申请人逾期未按收费通知要求缴纳费用、行",
        "      处理    政机关不再处理其政府信息公开申请                0    0   0       0       0       0   0",
        ],
        &[
        "  三、收到和处理政府信息公开申请情况",
        "                                          申请人情况",
        "                                         法人或其他组织",
        "                                  自然 商业 科研            总",
        "                                           社会公  法律服 其",
        "                                   人 企业 机构 益组织 务机构 他 计",
        "一、本年新收政府信息公开申请数量                   47     5   2   7       2    6   69",
        "二、上年结转政府信息公开申请数量                    3     0   0   0       0    0   3",
        "            1.信访举报投诉类申请                     /    0       0       0       0       0   /",
        "",
        "      （五）不予 2.3.重复申请",
        "                要求提供公开出版物",
        "                                            1    —       0       0       /       0   1",
        "",
        "      处理    4.无正当理由大量反复申请                   0",
        "                                                 /",
        "                                                 0",
        "                                                         0",
        "                                                         0",
        "                                                                 0",
        "                                                                 0",
        "                                                                         0",
        "                                                                         0",
        "                                                                                 0",
        "                                                                                 0",
        "                                                                                     0",
        "",
        "",
        "            5.要求行政机关确认或重新出具已获取信息            0    0       0               0       0   0",
        ],
    ];
    for lines in excerpts {
        let text = format!(
            "{}\n四、政府信息公开行政复议、行政诉讼情况\n",
            lines.join("\n")
        );
        let report = crate::parse(&text);
        let excessive: Vec<String> = starting(&report, "t3.not_processed.excessive.");
        assert!(excessive.is_empty(), "{excessive:?}");
        // Left with a note: a line of the stack read as lines of one value each (its
        // lines outside the table), or the stack's lines too many for the rows
        // between labelled rows (inside it, as `pdftotext -layout` tables now hold
        // lines of one number alone).
        assert!(report.notes.iter().any(|n| {
            let en = &n.message.en;
            en.contains("each column's values may stand on lines of their own")
                || en.contains("placement by position is a guess, left unplaced")
        }));
        // The rows around the stack are read as before.
        let received: Vec<String> = starting(&report, "t3.new_received.");
        assert_eq!(received.len(), 7, "{received:?}");
    }
}

/// Python html2text of a page whose cells hold line breaks: a row cut over lines,
/// a line of nothing but a bar between its parts (`二、…| 0|` / `|` / `| /| 0| 0| 0`).
/// Its first part is not read as a row whose blank cells left nothing.
#[test]
fn a_row_cut_over_lines_with_a_bar_line_between_is_not_read_short() {
    let text = "**三、收到和处理政府信息公开申请情况**\n\n  \n\
                | 申请人情况  \n---|---  \n\
                自然人| 法人或其他组织| 总计  \n\
                商业企业| 科研机构| 社会公益组织| 法律服务机构| 其他  \n\
                一、本年新收政府信息公开申请数量| 142| 5| 1| 4| 1| 2| 155  \n\
                二、上年结转政府信息公开申请数量| 0|  \n\
                |  \n\
                | /| 0| 0| 0  \n\
                三、本年度办理结果| （一）予以公开| 23| 1|  \n\
                | 1| 0| 0| 25  \n\
                （二）部分公开（区分处理的，只计这一情形，不计其他情形）| 3| —| 0| 1| 0| 0| 4  \n\
                四、政府信息公开行政复议、行政诉讼情况\n";
    let report = crate::parse(text);
    let carried: Vec<String> = starting(&report, "t3.carried_over.");
    assert!(carried.is_empty(), "{carried:?}");
    let received: Vec<String> = starting(&report, "t3.new_received.");
    assert_eq!(received.len(), 7, "{received:?}");
}

/// `pdftotext -layout` of a Word page printed by a browser: each row's first values
/// packed after its label, the last three where the other rows show them; 予以公开
/// shows six values (a blank cell left nothing). Its gaps leave the blank first or in
/// the wide gap; the sums down the columns keep 23 under 自然人: read whole.
#[test]
fn a_packed_row_short_of_a_blank_is_read_where_its_gaps_and_the_sums_tell() {
    let lines: &[&str] = &[
        "   三、收到和处理政府信息公开申请情况",
        "                                     申请人情况",
        "                                    法人或其他组织",
        "                         自然 商业",
        "                                   科 社会 法律",
        "                                   研               其  总",
        "                          人 企 机 公益 服务 他 计",
        "                             业 构 组织 机构",
        "  一、本年新收政府信息公开申请数量 190 1 1 1                     0 6 199",
        "  二、上年结转政府信息公开申请数量 0 0 0 0                       0 0 0",
        " 三、本       （一）予以公开       23 0 0                  0 1 24",
        " 年度办 （二）部分公开（区分处理",
        " 理结果 的，只计这一情形，不计其 23 0 0 0                       0 0 23",
        "             他情形）",
        "        （三）不 1.属于国家秘密 38 / 0 0                   0 1 39",
        "         予公开 2.其他法律行政 26 0 0 0                   0 0 26",
        "               法规禁止公开",
        "              3.危及“三安全 16 0 0 0                  0 0 16",
        "                 一稳定”",
        "\x0c           4.保护第三方合    4    0   0   0   0   0   4",
        "               法权益",
        "           5.属于三类内部   10    0   0   0   0   0   10",
        "              事务信息",
        "           6.属于四类过程    6    0   0   0   0   0   6",
        "               性信息",
        "           7.属于行政执法    1    0   0   0   0   0   1",
        "                案卷",
        "           8.属于行政查询    6    0   0   0   0   1   7",
        "                事项",
        "           1.本机关不掌握    6    0   0   0   0   1   7",
        "            相关政府信息",
        "     （四）无 2.没有现成信息     0    0   0   0   0   —   0",
        "      法提供 需要另行制作",
        "           3.补正后申请内    6    0   0   0   0   0   6",
        "             容仍不明确",
        "           1.信访举报投诉    1    0   0   0   0   0   1",
        "               类申请",
        "             2.重复申请    2    0   0   0   0   0   2",
        "           3.要求提供公开    1    0   0   0   0   0   1",
        "     （五）不      出版物",
        "      予处理 4.无正当理由大     3    0   0   0   0   0   3",
        "             量反复申请",
        "           5.要求行政机关",
        "            确认或重新出      0   0   0   0   0   0 0",
        "            具已获取信息",
        "        （六）其他处理         7   1   1   1   0   2 12",
        "         （七）总计        179   1   1   1   0   6 188",
        "   四、结转下年度继续办理         11   0   0   0   0   0 11",
    ];
    let got = cells_of(lines);
    let get = |key: &str| got.iter().find(|c| c.0 == key).map(|c| c.1.as_str());
    assert_eq!(get("t3.granted.natural_person"), Some("23"), "{got:?}");
    assert_eq!(get("t3.granted.commercial"), Some("0"));
    assert_eq!(get("t3.granted.research"), Some("0"));
    assert_eq!(get("t3.granted.public_interest"), Some(""));
    assert_eq!(get("t3.granted.other_org"), Some("1"));
    assert_eq!(get("t3.granted.total"), Some("24"));
}

/// The same of a CMS page: `38     0 0     0 1 39`, the blank between 38 and the
/// zeros or after them; the cells the two readings share are read, the others not.
#[test]
fn a_packed_row_whose_gaps_leave_two_places_is_read_where_they_agree() {
    let lines: &[&str] = &[
        "         三、收到和处理政府信息公开申请情况",
        "                                            申请人情况",
        "                                           法人或其他组织",
        "                                    自然 商业 科研            总",
        "                                             社会公  法律服 其",
        "                                     人 企业 机构 益组织 务机构 他 计",
        "              一、本年新收政府信息公开申请数量      190 1 1 1      0 6 199",
        "              二、上年结转政府信息公开申请数量       — 0 0 0       0 0 0",
        "                       （一）予以公开       23 0 0 0      0 1 24",
        "                  （二）部分公开（区分处理的，只 23 0 0 0         0 0 23",
        "                   计这一情形，不计其他情形）",
        "                           1.属于国家秘密 38     0 0     0 1 39",
        "                        2.其他法律行政法规禁 26 0 0 0       0 0 26",
        "                               止公开",
        "                         3.危及“三安全一稳 16 0 0 0       0 0 16",
        "                                定”",
        "                  （三）不 4.保护第三方合法权益 4 0 0 0         0 0 4",
        "                   予公开 5.属于三类内部事务信",
        "                                 息   10 0 0 0      0 0 10",
        "                        6.属于四类过程性信息 6 0 0 0        0 0 6",
        "                         7.属于行政执法案卷 1 0 0 0        0 0 1",
        "           三、本年度         8.属于行政查询事项 6 0 0 0        0 1 7",
        "            办理结果        1.本机关不掌握相关政 6 0 0 0        0 1 7",
        "                               府信息",
        "                  （四）无 2.没有现成信息需要另 0 0 0 0         0 / 0",
        "                   法提供         行制作",
        "                        3.补正后申请内容仍不 6 0 0 0        0 0 6",
        "                                明确",
        "                        1.信访举报投诉类申请 1 0 0 0        0 0 1",
        "                             2.重复申请  2 0 0 0       0 0 2",
        "                  （五）不 3.要求提供公开出版物 1 0 0 0         0 0 1",
        "                   予处理 4.无正当理由大量反复 3 0 0 0         0 0 3",
        "                                申请",
        "                        5.要求行政机关确认或 0 0 0 0        0 0 —",
        "                         重新出具已获取信息",
        "                       （六）其他处理       7 1 1 1       0 2 12",
        "                        （七）总计       179 1 1 1      0 6 188",
        "                 四、结转下年度继续办理         11 0 0 0      0 0 11",
    ];
    let got = cells_of(lines);
    let get = |key: &str| got.iter().find(|c| c.0 == key).map(|c| c.1.as_str());
    assert_eq!(
        get("t3.withheld.state_secret.natural_person"),
        Some("38"),
        "{got:?}"
    );
    assert_eq!(get("t3.withheld.state_secret.research"), Some("0"));
    assert_eq!(get("t3.withheld.state_secret.total"), Some("39"));
    assert_eq!(get("t3.withheld.state_secret.commercial"), None);
    assert_eq!(get("t3.withheld.state_secret.public_interest"), None);
}

/// `pdftotext -layout` of a CMS page printed by chromium (the wider check's seed 11):
/// each row two runs of values, `24 0` after its label and `0 2 0 0 26` from 科研机构
/// on; 三安全一稳定 shows six (`7 0`, a lone `0`, `0 0 7`). The lone `0` begins a
/// run on the very character column where the full rows' 科研机构 runs begin, so it
/// stands under 科研机构 (poppler sets a run that begins within another's width at
/// that one's character there), and `0 0 7`, packed, are the last three: the blank
/// is 社会公益组织's. One character off that column, or where the full rows' runs
/// begin elsewhere, the lone value tells no column, and the sums leave the blank
/// either side of it: those two cells are not read.
#[test]
fn a_value_beginning_a_run_where_the_full_rows_runs_begin_stands_in_their_column() {
    let lines: &[&str] = &[
        "                                                                      法人或其他组织",
        "                                           自然 商业                      科 社会 法律",
        "                                                                      研 公益 服务 其 总计",
        "                                            人 企                       机 组织 机构 他",
        "                                               业                      构",
        "                一、本年新收政府信息公开申请数量           116 3                      4 7 2 1 133",
        "                二、上年结转政府信息公开申请数量           29                         0 0 0 0 29",
        "                        （一）予以公开            14 1                       0 1 0 0 16",
        "                 （二）部分公开（区分处理的，只计这一 0 0                               1 0 0 0 1",
        "                      情形，不计其他情形）",
        "                             1.属于国家秘密      24 0                       0 2 0 0 26",
        "                       2.其他法律行政法规禁止公开 24 0                            1 1 0 0 26",
        "                         3.危及“三安全一稳定” 7 0                             0      0 0 7",
        "                  （三）不 4.保护第三方合法权益          9 0                       / 0 0 0 9",
        "                   予公开 5.属于三类内部事务信息 5 —                               0 1 0 0 6",
        "                          6.属于四类过程性信息 11 0                            0 0 0 0 11",
        "                           7.属于行政执法案卷       5 0                       0 0 0 0 5",
        "                           8.属于行政查询事项       3 0                       0 0 0 0 3",
        "                       1.本机关不掌握相关政府信息 0 0                             0 0 0 0 0",
        "                  （四）无 2.没有现成信息需要另行制作 1 0                             0 0 0 0 1",
        "            三、本年 法提供",
        "            度办理结        3.补正后申请内容仍不明确 0 0                             / 0 0 0 0",
        "              果           1.信访举报投诉类申请       1 0                       0 0 0 0 1",
        "                               2.重复申请       1 0                       0 0 0 0 1",
        "                  （五）不 3.要求提供公开出版物          4 0                       0 0 0 0 4",
        "                   予处理 4.无正当理由大量反复申请 0 0                              0 0 0 0 0",
        "                       5.要求行政机关确认或重新出 0 0                             0 0 0 0 0",
        "                              具已获取信息",
        "                       1.申请人无正当理由逾期不补",
        "                       正、行政机关不再处理其政府 0 0 0                                 0   0      0 0",
        "                              信息公开申请",
        "                  （六）其 2.申请人逾期未按收费通知要",
        "                   他处理 求缴纳费用、行政机关不再处 2 0 0                                 0   0      0 2",
        "                          理其政府信息公开申请",
        "                                 3.其他       6 2 2                          2   2      1 15",
        "                          （七）总计            117 3 4                         7   2      1 134",
        "                   四、结转下年度继续办理             28 0 0                          0   0      0 28",
    ];
    let row = "3.危及“三安全一稳定” 7 0                             0      0 0 7";
    let at = lines
        .iter()
        .position(|l| l.ends_with(row))
        .expect("the row");
    let read = |lines: &[&str]| {
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n");
        for l in lines {
            text.push_str(l);
            text.push('\n');
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        let got = tidy(&text);
        let cell =
            |c: &str| get(&got, &format!("t3.withheld.security_stability.{c}")).map(String::from);
        [
            "natural_person",
            "research",
            "public_interest",
            "legal_services",
            "total",
        ]
        .map(cell)
    };
    assert_eq!(
        read(lines),
        [
            Some("7".into()),
            Some("0".into()),
            Some(String::new()),
            Some("0".into()),
            Some("7".into())
        ]
    );
    // One character to the right of the full rows' runs.
    let mut off = lines.to_vec();
    let shifted = off[at].replacen("       0      ", "        0     ", 1);
    off[at] = &shifted;
    assert_eq!(read(&off)[1..3], [None, None]);
    // The full rows above and below begin their runs a character further left.
    let mut moved = lines.to_vec();
    let (above, below) = (
        moved[at - 1].replacen(" 1 1 0 0 26", "1 1 0 0 26 ", 1),
        moved[at + 1].replacen(" / 0 0 0 9", "/ 0 0 0 9 ", 1),
    );
    moved[at - 1] = &above;
    moved[at + 1] = &below;
    assert_eq!(read(&moved)[1..3], [None, None]);
}

/// The cells of table 三 read from `lines`, followed by table 四's heading.
fn cells_of(lines: &[&str]) -> Vec<(String, String)> {
    let text = format!(
        "{}\n四、政府信息公开行政复议、行政诉讼情况\n",
        lines.join("\n")
    );
    crate::parse(&text)
        .tidy()
        .map(|(k, v)| (k.as_str().to_string(), v))
        .filter(|(k, _)| k.starts_with("t3."))
        .collect()
}

/// The wider check's seed 26 (`pdftotext -layout` of chromium's print of a 2019 cms
/// page): `1.信访举报投诉类申请` lost two blank cells, commercial and public interest,
/// and its research `0` begins a run of words under the full rows' public-interest
/// values, which stand inside theirs. poppler sets a run's first word at a column
/// found from its place on the page and the words after it one space apart, so the
/// two are on one scale no more: read by it, the `0` was public interest's, wrong.
#[test]
fn a_value_beginning_a_run_under_a_value_inside_one_tells_no_column() {
    let lines: &[&str] = &[
        "                                              申请人情况",
        "                                            法人或其他组织",
        "                                     自然 商业 科研             总",
        "                                               社会公  法律服 其",
        "                                      人 企业 机构 益组织 务机构 他 计",
        "               一、本年新收政府信息公开申请数量      154 0 3 3       6 7 173",
        "               二、上年结转政府信息公开申请数量        / 0 0 0       0 0 0",
        "                        （一）予以公开       44 — 0 0       2 1 47",
        "                   （二）部分公开（区分处理的，只 5 0 0 0           1 1 7",
        "                    计这一情形，不计其他情形）",
        "                            1.属于国家秘密 23 0 0 0        1 0 24",
        "                         2.其他法律行政法规禁 10 0 1 0        0 0 11",
        "                                止公开",
        "                          3.危及“三安全一稳 8 0 0 1         0 0 9",
        "                                 定”",
        "                   （三）不 4.保护第三方合法权益 4 0 0 0          0 1 5",
        "                    予公开 5.属于三类内部事务信",
        "                                  息   9 0 0 0        0 1 10",
        "                         6.属于四类过程性信息 16 0 0 0        0 1 17",
        "                          7.属于行政执法案卷 0 0 0 0         0 0 /",
        "            三、本年度         8.属于行政查询事项 10 0 0 0        0 0 10",
        "             办理结果        1.本机关不掌握相关政 0 0 0 0         0 0 0",
        "                                府信息",
        "                   （四）无 2.没有现成信息需要另 3 0 0 0          0 0 3",
        "                    法提供         行制作",
        "                         3.补正后申请内容仍不 3 0 0 0         0 0 3",
        "                                 明确",
        "                         1.信访举报投诉类申请 4      0        0 0 4",
        "                              2.重复申请  2 0 0 0        0 0 2",
        "                   （五）不 3.要求提供公开出版物 1 0 0 0          0 0 1",
        "                    予处理 4.无正当理由大量反复 2 0 0 0          0 0 2",
        "                                 申请",
        "                         5.要求行政机关确认或 2 0 0 0         0 0 2",
        "                          重新出具已获取信息",
        "                        （六）其他处理       5 0 2 2        2 2 13",
        "                         （七）总计       151 0 3 3       6 7 170",
        "                  四、结转下年度继续办理         3 0 0 0        0 0 3",
    ];
    let got = cells_of(lines);
    let cell = |c: &str| get(&got, &format!("t3.not_processed.complaint.{c}"));
    assert_eq!(cell("research"), None, "{got:?}");
    assert_eq!(cell("public_interest"), None);
    assert_eq!(get(&got, "t3.withheld.security_stability.total"), Some("9"));
    assert_eq!(get(&got, "t3.not_processed.duplicate.total"), Some("2"));
}

/// The wider check's seed 45 (`pdftotext` in reading order of LibreOffice's print
/// of a 2022 Word page; `|` a line break here): 予以公开's public-interest `0` stands
/// alone among the labels set after the table, its row shows six values, and the
/// sums put the cell that left no text under public interest: a blank, read so, wrong.
/// Where a value of the table stands alone, not taken by any row, a cell the sums
/// take for a blank is not told; without that value it is read blank.
#[test]
fn a_blank_that_left_no_text_is_not_told_where_a_value_stands_alone() {
    let section = "三、收到和处理政府信息公开申请情况|申请人情况|法人或其他组织|自然人|商业企业||科研 社会公 法律服务|机构 益组织||机构||总计|\
         其他||一、本年新收政府信息公开申请数量||21||1||6||4||3||2||37||二、上年结转政府信息公开申请数量||11||0||\
         0||0||0||—||11||8||0||1||1||0||10||4||0||0||0||0||4||1.属于国家秘密||1||0||\
         1||0||0||—||2||2.其他法律行政法规禁止公开||1||0||1||0||0||0||2||3.危及“三安全一稳定”||4||\
         0||1||0||0||0||5||4.保护第三方合法权益||0||0||0||1||0||0||1||5.属于三类内部事务信息||3||\
         0||0||1||0||0||4||6.属于四类过程性信息||2||0||0||0||0||0||2||7.属于行政执法案卷||2||0||\
         0||0||0||0||2||8.属于行政查询事项||1||0||0||0||0||0||1||1.本机关不掌握相关政府信息||1||0||\
         /||0||0||0||1||2.没有现成信息需要另行制作||0||0||0||0||0||0||0||3.补正后申请内容仍不明确||0||\
         0||0||0||0||0||0||1.信访举报投诉类申请||0||0||0||0||0||0||0||2.重复申请||0||0||0||\
         0||0||0||0||3.要求提供公开出版物||0||0||0||0||0||0||0||4.无正当理由大量反复申请||0||0||0||\
         0||0||0||0||0||0||0||0||0||0||0||0||0||0||0||/||0||0||0||0||0||0||0||\
         0||0||2||1||2||2||2||2||11||（七）总计||29||1||6||4||3||2||45||四、结转下年度继续办理|\
         |3||0||0||0||0||0||3||（一）予以公开|（二）部分公开（区分处理的，只计这一情|形，不计其他情形）||（三）|不予公|\
         开||（四）|三、本年度 无法提|供|办理结果||（五）|不予处|理||5.要求行政机关确认或重新出具已获|取信息|\
         1.申请人无正当理由逾期不补正、行|政机关不再处理其政府信息公开申请|（六）|其他处|理||0||2.申请人逾期未按收费通知要求缴纳|\
         费用、行政机关不再处理其政府信息|公开申请|3.其他||四、政府信息公开行政复议、行政诉讼情况";
    let read = |section: &str| {
        let text = format!("{}\n", section.replace('|', "\n"));
        crate::test_support::tidy(&text)
    };
    let got = read(section);
    let get = |k: &str| crate::test_support::get(&got, k).map(str::to_owned);
    assert_eq!(get("t3.granted.total").as_deref(), Some("10"), "{got:?}");
    assert_eq!(get("t3.granted.research").as_deref(), Some("1"));
    assert_eq!(get("t3.granted.public_interest"), None);
    let alone = "|理||0||2.申请人逾期未按收费通知要求缴纳|";
    assert!(section.contains(alone));
    let without = section.replace(alone, "|理||2.申请人逾期未按收费通知要求缴纳|");
    let got = read(&without);
    assert_eq!(
        crate::test_support::get(&got, "t3.granted.public_interest"),
        Some("")
    );
}

/// Reading-order text of a page whose labels stand on lines of their own, each
/// row's values on the line after: a row short of a blank (`4 1 0 0 0 5`, one cell
/// left no text) between whole rows, each of whose lines adds up. Those lines are
/// rows of their own, not the short row's other part, so its total, which the sums
/// decide, is read; the cells the sums leave open (the blank may be any of the
/// others) are not. A neighbouring line of values that is no whole row still says
/// the row may be cut, and nothing of it is read.
#[test]
fn a_whole_row_on_the_next_line_is_no_part_of_a_short_row() {
    let text = |before: &str| {
        format!(
            "三、收到和处理政府信息公开申请情况\n\
             1.信访举报投诉类申请\n{before}\n\
             2.重复申请\n4 1 0 0 0 5\n\
             3.要求提供公开出版物\n1 0 0 0 0 0 1\n\
             四、政府信息公开行政复议、行政诉讼情况\n"
        )
    };
    let got = crate::test_support::tidy(&text("0 0 0 0 0 0 0"));
    let get = |k: &str| crate::test_support::get(&got, k).map(str::to_owned);
    assert_eq!(
        get("t3.not_processed.duplicate.total").as_deref(),
        Some("5")
    );
    assert_eq!(get("t3.not_processed.duplicate.natural_person"), None);
    let got = crate::test_support::tidy(&text("0 0 0 0 0"));
    assert!(none_under(&got, "t3.not_processed.duplicate"), "{got:?}");
}

/// The lines of [`a_staircase_of_rows_is_read_a_column_at_a_time`]'s section 三.
const STAIRCASE_LINES: [&str; 72] = [
    "  三、收到和处理政府信息公开申请情况",
    "                                         申请人情况",
    "                                        法人或其他组织",
    "                                 自然 商业 科研            总",
    "                                          社会公  法律服 其",
    "                                  人 企业 机构 益组织 务机构 他 计",
    "一、本年新收政府信息公开申请数量               180     0   4   2       4    1 191",
    "二、上年结转政府信息公开申请数量                 0     0   0   0       0    0   0",
    "三、本年度 （一）予以公开                    8     0   1   0       1    0   10",
    "办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他 52",
    "      情形）                              0   0   0       1    0   53",
    "",
    "      （三）不予 1.属于国家秘密            32     0   0   0       0    0   32",
    "      公开    2.其他法律行政法规禁止公开      18     0   1   0       0    0   19",
    "            3.危及“三安全一稳定”        11     0   0   0       0    0   11",
    "            4.保护第三方合法权益          6     0   0   0       0    0   6",
    "            5.属于三类内部事务信息        11     0   0   0       0    0   11",
    "\u{c}                属于四类过程性信息",
    "               6.                   5           0       0       0       0       0   5",
    "            7.属于行政执法案卷              7           0       0       0       —       0   7",
    "            8.属于行政查询事项              4           0       0       0       0       0   4",
    "",
    "      （四）无法 1.2.本机关不掌握相关政府信息",
    "                没有现成信息需要另行制作",
    "                                    2           0       0       0       0       0   2",
    "",
    "      提供    3.补正后申请内容仍不明确",
    "                                    3",
    "                                    2",
    "                                                0",
    "                                                0",
    "                                                        0",
    "                                                        0",
    "                                                                0",
    "                                                                0",
    "                                                                        0       0",
    "                                                                                —",
    "                                                                                    3",
    "                                                                                    2",
    "            1.信访举报投诉类申请             1           0       /       0       0       0   1",
    "",
    "      （五）不予 2.3.重复申请",
    "                要求提供公开出版物",
    "                                    0           0       0       0       0       0   0",
    "",
    "      处理    4.无正当理由大量反复申请",
    "                                    0",
    "                                    0",
    "                                                0",
    "                                                0",
    "                                                        0",
    "                                                        0",
    "                                                                0",
    "                                                                0",
    "                                                                        0",
    "                                                                        0",
    "                                                                                0",
    "                                                                                0",
    "                                                                                    0",
    "                                                                                    0",
    "            5.要求行政机关确认或重新出具已获取信息    1           0       0       0       0       0   1",
    "            1.申请人无正当理由逾期不补正、行政机关不",
    "            再处理其政府信息公开申请",
    "      （六）其他 2.申请人逾期未按收费通知要求缴纳费用、行",
    "                                    0           0       0       0       0       0   0",
    "",
    "",
    "      处理    政机关不再处理其政府信息公开申请        0           0       0       0       0       0   0",
    "",
    "            3.其他                    2           0       2       2       2       1   9",
    "      （七）总计                       165           0       4       2       4       1 176",
    "四、结转下年度继续办理                        15           0       0       0       0       0   15",
];

/// `pdftotext -layout` of chromium's PDF of the online editor's page (the wider
/// check's 2024 page of seed 11, section 三): between 8.属于行政查询事项 and
/// 1.信访举报投诉类申请, the three rows of （四）无法提供 stand in a staircase, the
/// first whole on a line, the other two a column at a time, each column's two values
/// one under the other. Each column's values are those rows' in order. The legal
/// services and other columns show fewer values than rows (a blank cell left
/// nothing, or a value stands off its column), and whose each is is not told.
/// Stacked so that a row would not add up, nothing of the run is read.
#[test]
fn a_staircase_of_rows_is_read_a_column_at_a_time() {
    let lines = STAIRCASE_LINES;
    let read = |first: &str| {
        let mut text = String::from("某局2024年政府信息公开工作年度报告\n");
        for (k, line) in lines.iter().enumerate() {
            // The staircase's first value: needs_creation's natural persons.
            let line = if k == STAIR {
                line.replace('3', first)
            } else {
                line.to_string()
            };
            text += &line;
            text.push('\n');
        }
        text += "四、政府信息公开行政复议、行政诉讼情况\n";
        cells(&crate::parse(&text))
    };
    let got = read("3");
    let get = |k: &str| got.iter().find(|c| c.0 == k).map(|c| c.1.as_str());
    assert_eq!(get("t3.unavailable.not_held.total"), Some("2"), "{got:?}");
    assert_eq!(
        get("t3.unavailable.needs_creation.natural_person"),
        Some("3")
    );
    assert_eq!(get("t3.unavailable.needs_creation.commercial"), Some("0"));
    assert_eq!(get("t3.unavailable.needs_creation.total"), Some("3"));
    assert_eq!(get("t3.unavailable.unclear.natural_person"), Some("2"));
    assert_eq!(get("t3.unavailable.unclear.public_interest"), Some("0"));
    assert_eq!(get("t3.unavailable.unclear.total"), Some("2"));
    assert_eq!(get("t3.unavailable.unclear.legal_services"), None);
    assert_eq!(get("t3.unavailable.needs_creation.legal_services"), None);
    // needs_creation's natural persons 4 under its total 3: it does not add up.
    let got = read("4");
    assert!(none_under(&got, "t3.unavailable.unclear"), "{got:?}");
    assert!(none_under(&got, "t3.unavailable.needs_creation"), "{got:?}");
}

/// The wider check's seed 50: the staircase of (五)'s last two rows, all zeros, whose
/// total column holds one value only (a blank cell left no text), on the line of the
/// other column's second value (`0   0`), the line after it a labelled row's. The
/// columns that hold a value for each row are read; whose the total column's values
/// are is not told by the sums (all zeros), and none of them is read.
#[test]
fn a_staircase_with_a_column_short_of_a_value_is_read_where_the_sums_say() {
    let mut text = String::from("某局2024年政府信息公开工作年度报告\n");
    for (k, line) in STAIRCASE_LINES.iter().enumerate() {
        match k {
            57 => text += &format!("{line}   0\n"),
            58 | 59 => {}
            _ => {
                text += line;
                text.push('\n');
            }
        }
    }
    text += "四、政府信息公开行政复议、行政诉讼情况\n";
    let got = cells(&crate::parse(&text));
    let get = |k: &str| got.iter().find(|c| c.0 == k).map(|c| c.1.as_str());
    for row in ["duplicate", "publication", "excessive"] {
        for column in ["natural_person", "commercial", "other_org"] {
            let key = format!("t3.not_processed.{row}.{column}");
            assert_eq!(get(&key), Some("0"), "{key}: {got:?}");
        }
        assert_eq!(get(&format!("t3.not_processed.{row}.total")), None);
    }
    assert_eq!(get("t3.not_processed.confirmation.total"), Some("1"));
}

/// The wider check's seed 76 (2022 editor page, chromium `-layout`): the staircase
/// of （四）无法提供's last two rows with a blank written `—` in one column, and
/// another that left no text in the other-organisations column, whose one value
/// stands on the line of the legal-services column's second (`0   0`), the total
/// column's two values a line each after it. The lines before and after that line
/// make the seven columns together. Every column that holds a value for each row is
/// read; whose the short column's one value is, the sums (all zeros) do not tell.
/// The `—` alone on its line is not taken for a cell of the staircase: a `—` may
/// stand higher than its row's values (seed 75's staircase sets the second row's
/// `—` above the first row's `0`), so its column is not told either.
#[test]
fn a_staircase_going_on_after_the_line_of_a_short_column_is_read_where_the_sums_say() {
    let mut text = String::from("某局2024年政府信息公开工作年度报告\n");
    for (k, line) in STAIRCASE_LINES.iter().enumerate() {
        match k {
            33 => text += &line.replace('0', "—"),
            34 => text += &format!("{line}\n{}0", " ".repeat(72)),
            36 => continue,
            _ => text += line,
        }
        text.push('\n');
    }
    text += "四、政府信息公开行政复议、行政诉讼情况\n";
    let got = cells(&crate::parse(&text));
    let get = |k: &str| got.iter().find(|c| c.0 == k).map(|c| c.1.as_str());
    let key = |row: &str, column: &str| format!("t3.unavailable.{row}.{column}");
    assert_eq!(
        get(&key("needs_creation", "public_interest")),
        None,
        "{got:?}"
    );
    assert_eq!(get(&key("unclear", "public_interest")), None);
    assert_eq!(get(&key("unclear", "research")), Some("0"));
    for (row, total) in [("not_held", "2"), ("needs_creation", "3"), ("unclear", "2")] {
        assert_eq!(
            get(&key(row, "legal_services")),
            Some("0"),
            "{row}: {got:?}"
        );
        assert_eq!(get(&key(row, "total")), Some(total), "{row}");
        assert_eq!(get(&key(row, "other_org")), None, "{row}");
    }
}

/// The line of [`a_staircase_of_rows_is_read_a_column_at_a_time`]'s staircase
/// that holds its first value.
const STAIR: usize = 27;

/// The staircase with its labels on lines of one cell each: the indented lines of
/// one value after 3.补正后申请内容仍不明确 are a grid's columns (lines of the zone hold
/// a row's seven values), not lynx's cells each on a line of their own, so they are
/// not read as that label's row in their order (`3 2 1 0 0 0 0`, which does not add
/// up). What is read of the three rows is theirs.
#[test]
fn indented_values_under_a_grid_are_no_lynx_cells() {
    let mut text =
        String::from("某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n");
    text += &layout_line(
        "      7.属于行政执法案卷",
        &["5", "0", "0", "0", "0", "0", "5"],
    );
    text += &layout_line(
        "      8.属于行政查询事项",
        &["4", "0", "0", "0", "0", "0", "4"],
    );
    text += "      （四）无法 1.2.本机关不掌握相关政府信息\n";
    text += &layout_line("", &["2", "0", "0", "0", "0", "0", "2"]);
    text += "      提供 3.补正后申请内容仍不明确\n";
    let at = |k: usize, v: &str| layout_line("", &[&vec![""; k][..], &[v][..]].concat());
    for (k, pair) in [["3", "2"], ["1", "0"], ["0", "0"], ["0", "1"]]
        .into_iter()
        .enumerate()
    {
        text += &at(k, pair[0]);
        text += &at(k, pair[1]);
    }
    text += &layout_line("", &["", "", "", "", "0", "0"]);
    text += &at(5, "0");
    text += &at(6, "4");
    text += &at(6, "3");
    text += &layout_line(
        "      1.信访举报投诉类申请",
        &["1", "0", "0", "0", "0", "0", "1"],
    );
    text += "四、政府信息公开行政复议、行政诉讼情况\n";
    let got = cells(&crate::parse(&text));
    let rows = [
        ("not_held", ["2", "0", "0", "0", "0", "0", "2"]),
        ("needs_creation", ["3", "1", "0", "0", "0", "0", "4"]),
        ("unclear", ["2", "0", "0", "1", "", "0", "3"]),
    ];
    for (row, values) in rows {
        for (col, want) in T3_COLUMNS.iter().zip(values) {
            let key = format!("t3.unavailable.{row}.{}", col.key);
            if let Some((_, v)) = got.iter().find(|c| c.0 == key) {
                assert_eq!(v, want, "{key}: {got:?}");
            }
        }
    }
}

/// 平潭综合实验区's 2021 report (its web page, spans expanded into pipe rows): 自然人
/// spans two columns of the header, and every value row's 商业企业 cell spans the
/// second of them and the next, so the rows hold eight value columns, the third
/// empty throughout and named only by 法人或其他组织 above: it is the span's, and the
/// seven others are the template's. A column of the template blank in every row is
/// not taken for one: with 科研机构 blank throughout and no column spare, the rows
/// are read as they stand.
#[test]
fn a_column_a_span_left_empty_in_every_row_is_no_column() {
    let table = |research: &str| {
        format!(
            "三、收到和处理政府信息公开申请情况\n\n\
             | （本列数据的勾稽关系） |  |  | 申请人情况 |  |  |  |  |  |  |  |\n\
             | （本列数据的勾稽关系） |  |  | 自然人 |  | 法人或其他组织 |  |  |  |  | 总计 |\n\
             | （本列数据的勾稽关系） |  |  |  | 商业企业 |  | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n\
             | 一、本年新收政府信息公开申请数量 |  |  | 64 | 0 |  | {research} | 2 | 0 | 4 | 70 |\n\
             | 二、上年结转政府信息公开申请数量 |  |  | 0 | 0 |  | {research} | 0 | 0 | 0 | 0 |\n\
             | 三、本年度办理结果 | （一）予以公开 |  | 27 | 0 |  | {research} | 2 | 0 | 1 | 30 |\n\n\
             四、政府信息公开行政复议、行政诉讼情况\n"
        )
    };
    let report = crate::parse(&table("0"));
    assert_eq!(
        starting(&report, "t3.new_received"),
        [
            "t3.new_received.natural_person=64",
            "t3.new_received.commercial=0",
            "t3.new_received.research=0",
            "t3.new_received.public_interest=2",
            "t3.new_received.legal_services=0",
            "t3.new_received.other_org=4",
            "t3.new_received.total=70",
        ]
    );
    assert_eq!(
        starting(&report, "t3.granted.total"),
        ["t3.granted.total=30"]
    );
    // 科研机构 blank too: two columns empty throughout, one more than the span
    // leaves; nothing is taken out here, and no cell is read into another column.
    let report = crate::parse(&table(""));
    for got in starting(&report, "t3.new_received") {
        assert!(
            [
                "t3.new_received.natural_person=64",
                "t3.new_received.commercial=0",
                "t3.new_received.research=",
                "t3.new_received.public_interest=2",
                "t3.new_received.legal_services=0",
                "t3.new_received.other_org=4",
                "t3.new_received.total=70",
            ]
            .contains(&got.as_str()),
            "{got}"
        );
    }
}

/// `pdftotext -raw` of a generated 2021 page (the converted corpus's cms page), its
/// table 三 written a row a line: 7.属于行政执法案卷 lost its first cell without a
/// trace (`0 0 0 0 0 0`), and the row after it is set as chromium's reading order of
/// the editor page sets such a row (the wider check's seed 84), its first value after
/// the others (`0 0 0 0 0 2 2` for `2 0 0 0 0 0 2`). Its own sum holds; the sums down
/// the natural-person and other columns hold with no reading of the rows: the row's
/// cells there are not read, the others are.
#[test]
fn a_whole_row_after_a_row_that_lost_a_cell_is_not_read_where_the_column_sums_fail() {
    let lines = [
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
        "自然",
        "人",
        "法人或其他组织",
        "总",
        "计",
        "商",
        "业",
        "企",
        "业",
        "科",
        "研",
        "机",
        "构",
        "社会",
        "公益",
        "组织",
        "法律",
        "服务",
        "机构",
        "其",
        "他",
        "一、本年新收政府信息公开申请数量 120 1 0 1 6 2 130",
        "二、上年结转政府信息公开申请数量 6 — 0 0 0 0 6",
        "三、本年",
        "度办理结",
        "果",
        "（一）予以公开 19 0 0 0 2 0 21",
        "（二）部分公开（区分处理的，只计这一",
        "情形，不计其他情形） 2 0 0 0 1 0 3",
        "（三）不",
        "予公开",
        "1.属于国家秘密 31 0 0 0 1 0 32",
        "2.其他法律行政法规禁止公开 18 0 0 0 0 0 18",
        "3.危及“三安全一稳定” 8 0 0 0 0 0 8",
        "4.保护第三方合法权益 10 0 0 0 0 0 10",
        "5.属于三类内部事务信息 5 0 0 0 0 0 5",
        "6.属于四类过程性信息 3 0 0 0 0 0 3",
        "7.属于行政执法案卷 0 0 0 0 0 0",
        "8.属于行政查询事项 2 0 0 0 0 0 2",
        "（四）无",
        "法提供",
        "1.本机关不掌握相关政府信息 2 0 0 0 0 0 2",
        "2.没有现成信息需要另行制作 1 0 0 0 0 0 1",
        "3.补正后申请内容仍不明确 0 0 0 0 0 0 /",
        "（五）不",
        "予处理",
        "1.信访举报投诉类申请 3 0 0 0 0 0 3",
        "2.重复申请 3 0 0 0 0 0 3",
        "3.要求提供公开出版物 2 0 0 0 0 0 2",
        "4.无正当理由大量反复申请 0 0 0 0 0 0 0",
        "5.要求行政机关确认或重新出",
        "具已获取信息 1 0 0 0 0 0 1",
        "（六）其",
        "他处理",
        "1.申请人无正当理由逾期不补",
        "正、行政机关不再处理其政府",
        "信息公开申请",
        "1 0 0 0 0 0 1",
        "2.申请人逾期未按收费通知要",
        "求缴纳费用、行政机关不再处",
        "理其政府信息公开申请",
        "1 0 0 0 0 0 1",
        "3.其他 4 1 0 1 2 2 10",
        "（七）总计 116 1 0 1 6 2 126",
        "四、结转下年度继续办理 10 0 0 0 — 0 10",
    ];
    let text = |inquiry: &str| {
        let mut text = String::from("某局2022年政府信息公开工作年度报告\n");
        for line in lines {
            if line.starts_with("8.属于行政查询事项") {
                text += &format!("8.属于行政查询事项 {inquiry}");
            } else {
                text += line;
            }
            text.push('\n');
        }
        text + "四、政府信息公开行政复议、行政诉讼情况\n"
    };
    let got = tidy(&text("0 0 0 0 0 2 2"));
    let key = |column: &str| format!("t3.withheld.inquiry.{column}");
    assert_eq!(get(&got, &key("natural_person")), None, "{got:?}");
    assert_eq!(get(&got, &key("other_org")), None);
    assert_eq!(get(&got, &key("commercial")), Some("0"));
    assert_eq!(get(&got, &key("total")), Some("2"));
    // As the page holds it, the row is read whole.
    let got = tidy(&text("2 0 0 0 0 0 2"));
    assert_eq!(get(&got, &key("natural_person")), Some("2"), "{got:?}");
    assert_eq!(get(&got, &key("other_org")), Some("0"));
}

/// `pdftotext -layout` of chromium's PDF of the online editor's page (the wider
/// check's seed 110, a 2020 page, section 三): （四）'s last two rows stand a column at
/// a time, ten lines of one value each after the commercial column's only value (a
/// blank cell left nothing), more than a label's wrapped lines may be; the table holds
/// them, and they are read as the rows in order. The commercial column holds two
/// values for three rows: whose they are is not told, and none is read.
#[test]
fn a_staircase_of_lines_of_one_value_each_is_read_a_column_at_a_time() {
    const LINES: [&str; 35] = [
        "某局2024年政府信息公开工作年度报告",
        "  三、收到和处理政府信息公开申请情况",
        "                                         申请人情况",
        "                              自然 商业企 科研机法人或其他组织法律服务 其 总计",
        "                               人 业 构 社会公益  组织 机构 他",
        "一、本年新收政府信息公开申请数量             133   3        —      1      6       5   148",
        "二、上年结转政府信息公开申请数量               1   0        0      0      0       0    1",
        "三、本年度办 （一）予以公开                40   0        0      0      2       1   43",
        "理结果    （二）部分公开（区分处理的，只计这一情形， 15",
        "       不计其他情形）                     1        0      0      0       1   17",
        "\u{c}                  属于国家秘密",
        "                   1.            7          0   0   0       0       1    8",
        "              2.其他法律行政法规禁止公开     7          0   0   0       0       0    7",
        "              3.危及“三安全一稳定”      10          0   0   0       1       0   11",
        "       （三）不予公 4.保护第三方合法权益        9          0   0   0       0       0    9",
        "       开      5.属于三类内部事务信息       4          0   0   0       0       0    4",
        "              6.属于四类过程性信息        4          0   0   0       0       0    4",
        "              7.属于行政执法案卷         3          0   0   0       1       /    4",
        "              8.属于行政查询事项         3          0   0   0       0       0    3",
        "",
        "       （四）无法提 1.2.本机关不掌握相关政府信息",
        "                  没有现成信息需要另行制作",
        "                                 1          0   0   0       0       0    1",
        "",
        "       供      3.补正后申请内容仍不明确",
        "              1.信访举报投诉类申请        2          0   0   0       0       0    2",
        "              2.重复申请             2          0   0   0       0       0    2",
        "       （五）不予处 3.要求提供公开出版物        1          0   0   0       0       0    1",
        "       理      4.无正当理由大量反复申请      3          0   —   0       0       0    3",
        "              5.要求行政机关确认或重新出具已",
        "              获取信息               0          0   0   0       0       0    0",
        "",
        "       （六）其他处理                   6          2   0   1       2       2   13",
        "       （七）总计                   120          3   0   1       6       5   135",
        "四、结转下年度继续办理                     14          0   0   0       0       0   14",
    ];
    // The staircase: each column's values one under the other, at its column.
    let stair: Vec<String> = [(33, "0"), (33, "3          0")]
        .into_iter()
        .chain(
            [48, 52, 60, 68]
                .into_iter()
                .flat_map(|x| [(x, "0"), (x, "0")]),
        )
        .chain([(73, "0"), (73, "3")])
        .map(|(x, v)| format!("{}{v}", " ".repeat(x)))
        .collect();
    let at = LINES
        .iter()
        .position(|l| l.contains("3.补正后申请内容仍不明确"))
        .map_or(0, |k| k + 1);
    let mut lines: Vec<&str> = LINES.to_vec();
    lines.splice(at..at, stair.iter().map(String::as_str));
    let got = cells_of(&lines);
    let row = |r: &str| -> Vec<Option<&str>> {
        T3_COLUMNS
            .iter()
            .map(|c| {
                let key = format!("t3.unavailable.{r}.{}", c.key);
                got.iter().find(|g| g.0 == key).map(|g| g.1.as_str())
            })
            .collect()
    };
    let zero = Some("0");
    assert_eq!(
        row("not_held"),
        [Some("1"), None, zero, zero, zero, zero, Some("1")],
        "{got:?}"
    );
    assert_eq!(
        row("needs_creation"),
        [zero, None, zero, zero, zero, zero, zero]
    );
    assert_eq!(
        row("unclear"),
        [Some("3"), None, zero, zero, zero, zero, Some("3")]
    );
}
