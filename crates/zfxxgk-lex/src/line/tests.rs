use super::*;

/// The definition of a junk line that [`classify`] is held to.
fn is_junk(t: &str) -> bool {
    let (mut total, mut control) = (0usize, 0usize);
    for c in t.chars() {
        total += 1;
        if (c.is_control() && !is_space(c)) || c == '\u{fffd}' {
            control += 1;
        }
    }
    total >= 4 && control * 3 > total
}

/// The definition that [`markdown_rule`] is held to: parsed, cells collected.
fn markdown_rule_reference(t: &str) -> bool {
    let cell = delimited(
        take_while(|c| c == ' ' || c == ':'),
        take_while1(|c| c == '-'),
        take_while(|c| c == ' ' || c == ':'),
    );
    full((ch('|'), nom::multi::many1((cell, ch('|'))), spaces), t)
}

/// The definition that [`classify`] is held to: what it did before its fast paths,
/// one pass over the line per question.
fn classify_reference(line: &str) -> LineKind {
    let t = line.trim_matches(is_space);
    if t.is_empty() && !line.contains('\t') {
        return LineKind::Blank;
    }
    if is_junk(t) {
        return LineKind::Junk;
    }
    if line.len() + 1 >= crate::block::MAX_TABLE_BYTES {
        return LineKind::Text;
    }
    if t.chars().next().is_some_and(box_bar) {
        return LineKind::Box;
    }
    if t.starts_with('+') && grid_rule(t) {
        return LineKind::GridRule;
    }
    if t.starts_with('|') {
        if t.chars().all(|c| c == '|' || is_space(c)) {
            return LineKind::PipeNoise;
        }
        if markdown_rule_reference(t) {
            return LineKind::PipeRule;
        }
        return if separators(t, b'|') > MAX_ROW_CELLS {
            LineKind::Text
        } else {
            LineKind::PipeRow
        };
    }
    if line.contains('\t') {
        let tabs = separators(line, b'\t');
        return if tabs == 1 && line.starts_with('\t') {
            LineKind::TabCell
        } else if tabs > MAX_ROW_CELLS {
            LineKind::Text
        } else {
            LineKind::TabRow
        };
    }
    if let Some(open) = open_pipes(t) {
        return open;
    }
    if is_page_number(t) {
        return LineKind::PageNumber;
    }
    if two_segments(line) {
        return LineKind::Aligned;
    }
    if heading(t) {
        return LineKind::Heading;
    }
    LineKind::Text
}

/// Holds the fast paths to their definitions, on every line of `text`.
fn assert_agrees(text: &str) {
    let mut expected: Vec<&str> = text.split('\n').collect();
    if expected.last() == Some(&"") {
        expected.pop();
    }
    let lines = Lines::new(text);
    assert_eq!(lines.len(), expected.len(), "{text:?}");
    for (j, &line) in expected.iter().enumerate() {
        assert_eq!(lines.at(j).text, line, "{text:?}");
        assert_eq!(lines.kind(j), classify_reference(line), "{line:?}");
        assert_line_agrees(line);
    }
}

/// Holds the fast paths of one line, without `\n`, to their definitions.
fn assert_line_agrees(line: &str) {
    let t = line.trim_matches(is_space);
    assert_eq!(trim(line), t, "{line:?}");
    let lead = line.len() - line.trim_start_matches(is_space).len();
    assert_eq!(trim_bounds(line), (lead, lead + t.len()), "{line:?}");
    let scan = scan(line.as_bytes());
    assert_eq!(scan.end, line.len(), "{line:?}");
    let (start, end) = scan.trimmed;
    assert_eq!(&line[start..end], t, "{line:?}");
    if !t.is_empty() {
        assert_eq!(start, line.len() - line.trim_start_matches(is_space).len());
    }
    let junk = line
        .chars()
        .filter(|&c| (c.is_control() && !is_space(c)) || c == '\u{fffd}')
        .count();
    assert_eq!(scan.tabs, line.matches('\t').count(), "{line:?}");
    assert_eq!(scan.junk, junk, "{line:?}");
    assert_eq!(scan.gap, two_segments(line), "{line:?}");
    assert_eq!(mostly_junk(t, junk), is_junk(t), "{line:?}");
    assert_eq!(markdown_rule(t), markdown_rule_reference(t), "{line:?}");
    assert_eq!(classify(line), classify_reference(line), "{line:?}");
}

/// Characters that the fast paths treat apart: every space, junk, the CJK
/// punctuation that shares their lead bytes, dashes, numerals and marks.
const TRICKY: &[char] = &[
    '\t',
    '\n',
    '\u{b}',
    '\u{c}',
    '\r',
    ' ',
    '\u{85}',
    '\u{a0}',
    '\u{1680}',
    '\u{2000}',
    '\u{2005}',
    '\u{200a}',
    '\u{200b}',
    '\u{2028}',
    '\u{2029}',
    '\u{202f}',
    '\u{205f}',
    '\u{3000}',
    '\u{feff}',
    '\u{0}',
    '\u{1}',
    '\u{1f}',
    '\u{7f}',
    '\u{80}',
    '\u{9f}',
    '\u{fffd}',
    '\u{fffe}',
    '\u{1c}',
    '\u{2060}',
    '\u{180e}',
    '，',
    '、',
    '。',
    '“',
    '”',
    '—',
    '–',
    '－',
    '─',
    '（',
    '）',
    '：',
    '；',
    '\u{e000}',
    '\u{10ffff}',
    '|',
    '-',
    ':',
    '#',
    '.',
    '．',
    '/',
    '第',
    '页',
    '共',
    '一',
    '三',
    '十',
    '规',
    '章',
    'a',
    '0',
    '4',
    '9',
    '𠀀',
    'é',
    '\u{a1}',
    '\u{c0}',
    '\u{1681}',
    '\u{2080}',
    '\u{3001}',
];

/// Pieces of page numbers, headings and markdown rules, whole and broken.
const SHAPES: &[&str] = &[
    "-4-",
    "- 12 -",
    "— 5 —",
    "－3－",
    "─7─",
    "–1–",
    "-",
    "—",
    "4",
    "12345",
    "3/12",
    " / ",
    "/",
    "第",
    "页",
    "共",
    "第 3 页",
    "第3页共12页",
    "第 3 页 共 12 页",
    "一、",
    "一",
    "二十",
    "十一．",
    "一二三四",
    ".",
    "．",
    "、",
    "总体情况",
    "#",
    "## ",
    "####### ",
    "# 表三",
    "|",
    "|---|",
    ":--:|",
    "| --- |",
    "|-|",
    "|:|",
    "-|",
    "| 规章 |",
    "。",
    " ",
    "\t",
    "\u{3000}",
    "a",
];

#[test]
fn classifies_each_kind() {
    assert_eq!(classify("   "), LineKind::Blank);
    assert_eq!(classify("|||||||| |||"), LineKind::PipeNoise);
    assert_eq!(classify("|---|:--:|"), LineKind::PipeRule);
    assert_eq!(classify("| 规章 | 0 |"), LineKind::PipeRow);
    assert_eq!(classify("\t规章"), LineKind::TabCell);
    assert_eq!(classify("\t"), LineKind::TabCell);
    assert_eq!(classify("规章\t0\t0"), LineKind::TabRow);
    assert_eq!(classify("第二十条第（一）项\t\t\t"), LineKind::TabRow);
    assert_eq!(
        classify("规章            1          0        11"),
        LineKind::Aligned
    );
    assert_eq!(
        classify("                                          -1-"),
        LineKind::PageNumber
    );
    assert_eq!(classify("— 5 —"), LineKind::PageNumber);
    assert_eq!(classify("   一、总体情况"), LineKind::Heading);
    assert_eq!(
        classify("## 表三：收到和处理政府信息公开申请情况"),
        LineKind::Heading
    );
    assert_eq!(classify("三、"), LineKind::Text);
    assert_eq!(classify("本"), LineKind::Text);
    assert_eq!(
        classify("2024 年，全市共受理政府信息公开申请 3119 件"),
        LineKind::Text
    );
    assert_eq!(classify("\u{1}\u{2}\u{3}\u{4}ab"), LineKind::Junk);
    let many = MAX_ROW_CELLS + 1;
    assert_eq!(classify(&"\t".repeat(MAX_ROW_CELLS)), LineKind::TabRow);
    assert_eq!(classify(&"\t1".repeat(many)), LineKind::Text);
    assert_eq!(classify(&"| 1 ".repeat(MAX_ROW_CELLS)), LineKind::PipeRow);
    assert_eq!(classify(&"| 1 ".repeat(many)), LineKind::Text);
    assert_eq!(classify(&"|".repeat(many)), LineKind::PipeNoise);
}

#[test]
fn fast_paths_agree_with_the_definitions() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        for line in [
            format!("a{c}{c}b"),
            format!("{c}a  b{c}"),
            format!("a{c} b"),
        ] {
            assert_eq!(two_segments(&line), wide_gap(&line), "{line:?}");
        }
        assert_eq!(is_space(c), c.is_whitespace() || c == '\u{feff}', "{c:?}");
        let s = format!("{c}{c}{c}{c}");
        let slow = (c.is_control() && !is_space(c)) || c == '\u{fffd}';
        assert_eq!(is_junk(&s), slow, "{c:?}");
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        let sorted = if is_space(c) {
            Sort::Space
        } else if slow {
            Sort::Junk
        } else {
            Sort::Other
        };
        assert_eq!(sort(bytes), sorted, "{c:?}");
        let lead = LEAD[usize::from(bytes[0])];
        assert_eq!(usize::from(lead & LEN), c.len_utf8(), "{c:?}");
        assert!(lead & MAYBE != 0 || sorted == Sort::Other, "{c:?}");
        // The scan steps over every character whose lead byte is not `MAYBE`, as
        // checked just above, alike: lines are built around each of the others,
        // each ASCII character and a sample of the rest.
        if lead & MAYBE == 0 && !c.is_ascii() && u32::from(c) % 61 != 0 {
            continue;
        }
        for line in [
            s.clone(),
            format!("a{c}{c}b"),
            format!("{c}a  b{c}"),
            format!("a{c} b{c}{c}"),
            format!("{c}"),
            format!(" {c}\t"),
            format!("一{c}、总体情况"),
            format!("-{c}4{c}-"),
            format!("|{c}|"),
            format!("{c}\t{c}"),
            format!("{c}\u{1}\u{2}\u{3}"),
        ] {
            assert_agrees(&line);
        }
    }
}

#[test]
fn fast_paths_agree_on_tricky_lines() {
    for &a in TRICKY {
        for &b in TRICKY {
            for line in [
                format!("{a}{b}"),
                format!("{a}{b}{a}"),
                format!("x{a}{b}y"),
                format!("{a}{a}{b}{b}"),
                format!("{b}规章{a}{a}0{b}"),
            ] {
                assert_agrees(&line);
            }
        }
    }
    for &a in SHAPES {
        for &b in SHAPES {
            for line in [
                a.to_string(),
                format!("{a}{b}"),
                format!("  {a}  {b}  "),
                format!("\u{3000}{a}\u{feff}"),
            ] {
                assert_agrees(&line);
            }
        }
    }
    let title = "收到和处理政府信息公开申请情况".repeat(3);
    for line in [
        format!("三、{}", &title[..39 * 3]),
        format!("三、{}", &title[..38 * 3]),
        format!("三、{}", &title[..37 * 3]),
        format!("十一．{title}"),
        format!("## {title}。"),
    ] {
        assert_agrees(&line);
    }
    let long = "2024 年，全市共受理政府信息公开申请 3119 件。".repeat(200);
    assert_agrees(&long);
    assert_agrees(&format!("{long}\u{3000}\u{3000}{long}"));
    assert_agrees(&format!("\u{3000}{long}\u{feff}"));
    assert_agrees(&"\u{fffd}".repeat(1000));
    assert_agrees(&"\u{85}".repeat(1000));
}

mod prop {
    use super::{assert_agrees, SHAPES, TRICKY};
    use proptest::prelude::*;

    /// Texts mostly of [`TRICKY`] characters (`\n` among them), with any others
    /// mixed in.
    fn texts() -> impl Strategy<Value = String> {
        let c = prop_oneof![4 => prop::sample::select(TRICKY), 1 => any::<char>()];
        prop::collection::vec(c, 0..120).prop_map(|cs| cs.into_iter().collect())
    }

    /// Lines of a few [`SHAPES`] and [`TRICKY`] characters.
    fn shaped() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            2 => prop::sample::select(SHAPES).prop_map(str::to_string),
            1 => prop::sample::select(TRICKY).prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn fast_paths_agree_on_random_texts(text in texts()) {
            assert_agrees(&text);
        }

        #[test]
        fn fast_paths_agree_on_any_text(text in any::<String>()) {
            assert_agrees(&text);
        }

        #[test]
        fn fast_paths_agree_on_shaped_lines(text in shaped()) {
            assert_agrees(&text);
        }
    }
}

#[test]
fn aligned_segments_keep_single_spaces() {
    let segs = aligned_segments("   结 果   结果    其他结");
    let texts: Vec<&str> = segs
        .iter()
        .map(|s| &"   结 果   结果    其他结"[s.start..s.end])
        .collect();
    assert_eq!(texts, ["结 果", "结果", "其他结"]);
    assert_eq!(segs[0].x0, 3);
    assert_eq!(segs[1].x0, 3 + 5 + 3);
    for line in [
        "   结 果   结果    其他结",
        "a  b",
        "a b",
        "  a",
        "",
        "a\t\tb",
        "本    1",
    ] {
        assert_eq!(two_segments(line), wide_gap(line), "{line:?}");
    }
}

/// Whether a word of `line` after its first stands two or more spaces after the last.
fn wide_gap(line: &str) -> bool {
    words(line).skip(1).any(|w| w.gap >= 2)
}

/// The texts of the cells [`aligned_segments`] finds in `line`.
fn cell_texts(line: &str) -> Vec<&str> {
    aligned_segments(line)
        .iter()
        .map(|s| &line[s.start..s.end])
        .collect()
}

#[test]
fn aligned_segments_never_join_digits_across_a_space() {
    assert_eq!(
        cell_texts("本年新收…数量  236 54 50      66   48   48 502"),
        ["本年新收…数量", "236", "54", "50", "66", "48", "48", "502"]
    );
    assert_eq!(
        cell_texts("（二）部分公开（区分处理的，只计这 447     7  - 1,288 96171.6"),
        [
            "（二）部分公开（区分处理的，只计这",
            "447",
            "7",
            "-",
            "1,288",
            "96171.6"
        ]
    );
    // Words that are not numbers stay together, after a number too.
    assert_eq!(
        cell_texts("（ 二 ） 部 分 公 开   2024 年  3 件"),
        ["（ 二 ） 部 分 公 开", "2024 年", "3 件"]
    );
    let segs = aligned_segments("规章 1 0 11");
    let xs: Vec<(u32, u32)> = segs.iter().map(|s| (s.x0, s.x1)).collect();
    assert_eq!(xs, [(0, 4), (5, 6), (7, 8), (9, 11)]);
    for (w, number) in [
        ("447", true),
        ("-3", true),
        ("+3", true),
        ("1,288", true),
        ("96171.6", true),
        ("—", true),
        ("/", true),
        ("12.", false),
        (".5", false),
        ("1.2.3", false),
        ("3件", false),
        ("-", true),
        ("--", false),
        ("", false),
        ("第3", false),
    ] {
        assert_eq!(number_token(w), number, "{w:?}");
    }
    for (w, number) in [
        ("447", true),
        ("153430.17元", true),
        ("3.2万元", true),
        ("12件", true),
        ("—", true),
        ("12个人次", false),
        ("元", false),
        ("12 元", false),
        ("第3件", false),
        ("3a元", false),
    ] {
        assert_eq!(number_with_unit(w), number, "{w:?}");
    }
}

proptest::proptest! {
    /// Whatever the line, no cell holds two numbers one space apart, and the
    /// cells cover the line's words in order.
    #[test]
    fn no_cell_joins_two_numbers(line in "[ 0-9a,.\\-一二（）]{0,40}") {
        let segs = aligned_segments(&line);
        let words: Vec<&str> = line.split(|c: char| is_space(c)).filter(|w| !w.is_empty()).collect();
        let joined: Vec<&str> = segs
            .iter()
            .flat_map(|s| line[s.start..s.end].split(' '))
            .filter(|w| !w.is_empty())
            .collect();
        proptest::prop_assert_eq!(joined, words);
        for s in &segs {
            let cell = &line[s.start..s.end];
            for (k, w) in cell.split(' ').enumerate() {
                proptest::prop_assert!(k == 0 || !number_token(w), "{cell:?}");
            }
            proptest::prop_assert_eq!(width(cell) as u32, s.x1 - s.x0);
        }
    }
}
