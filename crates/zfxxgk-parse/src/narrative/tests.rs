//! Tests of the narrative reader: real-report sentences and properties.

use super::*;

fn locate(start: usize, end: usize) -> Location {
    Location {
        start,
        end,
        line: 0,
        column: 0,
    }
}

/// The facts of `text` read as one paragraph.
fn read_all(text: &str) -> Vec<Fact> {
    let whole = 0..text.len();
    extract_facts(text, std::slice::from_ref(&whole), &locate)
}

/// The facts of `text` read as one paragraph, as (kind, value) with the number as
/// written at its location.
fn facts(text: &str) -> Vec<(FactKind, i64)> {
    read_all(text)
        .into_iter()
        .map(|f| {
            let written: String = text[f.location.range()]
                .chars()
                .filter(|c| !c.is_whitespace() && *c != ',')
                .map(|c| match c {
                    '０'..='９' => {
                        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
                    }
                    c => c,
                })
                .collect();
            assert_eq!(
                written.parse::<Decimal>().ok(),
                Some(f.value),
                "location of {f:?}"
            );
            (f.kind, i64::try_from(f.value).unwrap_or(-1))
        })
        .collect()
}

#[test]
fn seed_003_received_answered_carried_and_results() {
    let text = "市政府办公室代表市政府全年共受理政府信息公开申请198件,信息公开投诉16件、咨询100余件,申请数量较去年回落19.8%,答复政府信息公开申请198件(含上年度结转申请2件,另有2件申请按照《条例》顺延到下年度答复),均在法定期限内予以答复。其中,予以公开及部分公开149件,占75.2%;不予公开9件,占4.5%;因本机关不掌握等原因无法提供35件,占17.6%;不予处理5件,占2.5%;其他处理0件。市政府办公室全年办理市政府信息公开行政复议和诉讼案件25件(连续五年零败诉)";
    assert_eq!(
        facts(text),
        [
            (NewReceived, 198),
            (ResultsTotal, 198),
            (CarriedOver, 2),
            (CarriedForward, 2),
            (GrantedOrPartlyGranted, 149),
            (Withheld, 9),
            (Unavailable, 35),
            (NotProcessed, 5),
            (OtherHandling, 0),
            (ReviewsAndLawsuits, 25),
        ]
    );
}

/// What Huaian 2024's narrative states about applications, reviews and lawsuits.
const HUAIAN_2024: &[(FactKind, i64)] = &[
    (NewReceived, 3119),
    (ResultsTotal, 3050),
    (CarriedOver, 34),
    (CarriedForward, 103),
    (Reviews, 351),
    (Lawsuits, 46),
];

#[test]
fn huaian_2024_wrapped_lines_and_spaced_numbers() {
    let text = "和针对性。2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。";
    assert_eq!(facts(text), HUAIAN_2024);
    let fee = "      2024 年，市政府严格落实《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元。";
    let found = read_all(fee);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, ProcessingFee);
    assert_eq!(found[0].unit.as_deref(), Some("元"));
    assert_eq!(&fee[found[0].location.range()], "3940");
}

/// What Kewei 2024's narrative states: the excerpt and the whole report agree.
const KEWEI_2024: &[(FactKind, i64)] = &[
    (Reviews, 1),
    (Lawsuits, 0),
    (NewReceived, 34),
    (CarriedOver, 2),
    (Granted, 9),
    (PartlyGranted, 0),
    (Withheld, 2),
    (Unavailable, 10),
    (NotProcessed, 0),
    (OtherHandling, 14),
    (CarriedForward, 1),
];
/// What Pingtan 2023's narrative states.
const PINGTAN_2023: &[(FactKind, i64)] = &[
    (NewReceived, 81),
    (NaturalPersons, 80),
    (ResultsTotal, 81),
    (GrantedOrPartlyGranted, 42),
    (Withheld, 5),
    (Unavailable, 31),
    (NotProcessed, 1),
    (OtherHandling, 2),
    (Reviews, 2),
    (Lawsuits, 7),
];

#[test]
fn kewei_2024_markdown_from_pdf() {
    let text = "好环境。2024 年市科委有 1 件涉及政府信息公开工作的行政复\n议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为\n0 件。\n\n全年收到政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件，所有申请均已按要求办理完成。所有办结的信息公开\n申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2\n件，无法提供的 10 件，不予处理 0 件，其他处理 14 件，转下一\n年度办理答复的有 1 件。\n截至 2024 年 12 月\n31 日，市科委通过部门网站当年发布政府信息 393 件，其中包\n括：行政规范性文件 13 件；规划计划文件 2 件；主合办人大代表建议 50 件。";
    assert_eq!(facts(text), KEWEI_2024);
}

#[test]
fn pingtan_2023_html_paragraphs() {
    let text = "<p style=\"text-indent: 2em;\">2023年全区共主动公开政府信息13561条。一是做好规范性文件公开。清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。</p><p style=\"text-indent: 2em;\">持续强化服务理念。2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%；因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。</p>";
    assert_eq!(facts(text), PINGTAN_2023);
}

/// Pingtan 2023 says who applied: 80 of the 81 new applications came from natural
/// persons (table 三's `t3.new_received.natural_person`); the other applicants'
/// counts are no fact, and neither is a count of people outside a sentence about
/// applications.
#[test]
fn pingtan_2023_natural_persons() {
    let text = "2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。";
    let found = read_all(text);
    assert_eq!(facts(text), [(NewReceived, 81), (NaturalPersons, 80)]);
    // The words after the number are read too: the clause before names no kind.
    assert_eq!(found[1].text, "涉及自然人80件、商业企业");
    assert_eq!(facts("本年度共办理自然人来信5件。"), []);
    assert_eq!(facts("本年度培训自然人5件。"), []);
}

#[test]
fn seed_002_number_before_the_noun() {
    let text = "本年度新收1件政府信息公开申请并答复，共完成人大代表议案、建议和党代会、政协委员提案9件，其中人大4件。";
    assert_eq!(facts(text), [(NewReceived, 1)]);
}

#[test]
fn no_applications_and_what_is_not_a_fact() {
    let text = "2023年，我局未收到信息公开申请，未发生针对局政府信息公开事务的行政复议及行政诉讼。";
    let found = read_all(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, NoApplications);
    assert_eq!(&text[found[0].location.range()], "未收到");
    assert_eq!(found[0].text, "未收到信息公开申请");

    for text in [
        "全年收到留言数量 465 条，均及时回复办理，全年未出现申请件漏答、迟答等问题。",
        "其中，通过网络收到申请20件。",
        "申请数量较上年增加12件。",
        "本年度复议后起诉3件。",
        "未收到行政复议申请。",
        "发布政府信息 393 件，行政规范性文件 13 件。",
        "2023年，无收取信息处理费情况。",
        "全年共受理并答复政府信息公开申请10件。",
        "全年申请中予以公开和不予公开共12件。",
    ] {
        assert_eq!(facts(text), [], "{text}");
    }
}

#[test]
fn received_counting_carried_over() {
    assert_eq!(
        facts("全年共收到政府信息公开申请200件（含上年结转申请5件）。"),
        [(ReceivedWithCarriedOver, 200), (CarriedOver, 5)]
    );
    assert_eq!(
        facts("共收到政府信息公开申请（含上年结转）２０５件。"),
        [(ReceivedWithCarriedOver, 205)]
    );
}

#[test]
fn sentences_do_not_cross_ranges_that_do_not_touch() {
    let text = "全年收到政府信息公开\n| 表格 |\n申请 34 件";
    let a = 0..text.find('\n').unwrap_or(0);
    let b = text.rfind('\n').map_or(0, |i| i + 1)..text.len();
    let found = extract_facts(text, &[a.clone(), b.clone()], &locate);
    assert!(found.is_empty(), "{found:?}");
    // Only whitespace between: one run.
    let text = "全年收到政府信息公开\n\n申请 34 件";
    let a = 0..text.find('\n').unwrap_or(0);
    let b = text.rfind('\n').map_or(0, |i| i + 1)..text.len();
    let found = extract_facts(text, &[a, b], &locate);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].location.range()], "34");
    // Out of bounds and inside a character: ignored, no panic.
    assert!(extract_facts(text, &[0..1, 5..10_000], &locate).is_empty());
}

#[test]
fn a_heading_line_does_not_lend_its_words_to_the_next_sentence() {
    let text = "四、政府信息公开行政复议、行政诉讼情况\n本年度收到3件。\n四、政府信息公开申请情况\n全年收到政府信息公开申请 34 件";
    let found = read_all(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, NewReceived);
    assert_eq!(found[0].text, "全年收到政府信息公开申请 34 件");
}

#[test]
fn page_numbers_between_wrapped_lines_are_skipped() {
    let text = "全年共受理政府信息公开申请 10 件，答\n\n  -4-\n\n复 9 件。";
    assert_eq!(facts(text), [(NewReceived, 10), (ResultsTotal, 9)]);
}

#[test]
fn corpus_reports_agree_with_their_tables() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    let huaian = [HUAIAN_2024, &[(ProcessingFee, 3940)]].concat();
    let cases: [(&str, &[(FactKind, i64)]); 3] = [
        ("huaian-2024.txt", &huaian),
        ("kewei-2024.md", KEWEI_2024),
        ("pingtan-2023.html", PINGTAN_2023),
    ];
    for (name, expected) in cases {
        let Ok(text) = std::fs::read_to_string(dir.join(name)) else {
            eprintln!("skipped {name}: ../shared/corpus is absent");
            continue;
        };
        // The whole file as one run: tables hold no `N件`.
        assert_eq!(facts(&text), expected, "{name}");
    }
}

/// The marks that passages are searched for stand where facts are read from: every
/// negation starts with one, and every unit is one.
#[test]
fn marks_cover_what_facts_are_read_from() {
    let negations = NONE_RECEIVED
        .iter()
        .map(|w| w.to_string())
        .chain(NONE_LISTED.iter().map(|w| format!("无{w}")));
    for w in negations {
        assert!(MARKS.iter().any(|m| w.starts_with(m)), "{w}");
    }
    for unit in ["件", "元"] {
        assert!(MARKS.contains(&unit));
    }
}

#[test]
fn a_passage_is_read_whole_and_apart_from_others() {
    // Two passages with a table between them: each is read on its own, as if alone.
    let a = "全年共受理政府信息公开申请 10 件，答复 9 件。";
    let b = "其中，予以公开 3 件。";
    let text = format!("{a}\n| 表格 |\n{b}");
    let ranges = [0..a.len(), text.len() - b.len()..text.len()];
    let together = extract_facts(&text, &ranges, &locate);
    let (first, second) = (read_all(a), read_all(b));
    assert_eq!(together.len(), first.len() + second.len());
    assert_eq!(together[..first.len()], first[..]);
}

proptest::proptest! {
    /// `mentions_application` finds `申请` that is not `申请人`, or is `依申请人`.
    #[test]
    fn application_is_a_noun(
        text in "[申请人依信息公开其中转结上年下含收到，。 a1]{0,24}"
    ) {
        let application = text
            .match_indices("申请")
            .any(|(i, w)| !text[i + w.len()..].starts_with('人'))
            || text.contains("依申请");
        proptest::prop_assert_eq!(mentions_application(&text), application);
    }

    #[test]
    fn never_panics_on_any_text_or_range(
        text in "[0-9０-９,.件元万申请收到受理答复结转上下一年度顺延复议诉讼其中予以部分不公开未无，。；（）()<>p/ \n-]{0,80}|\\PC{0,80}",
        a in 0usize..120,
        b in 0usize..120,
    ) {
        let _ = extract_facts(&text, &[a..b, b..a, 0..text.len()], &locate);
    }
}
