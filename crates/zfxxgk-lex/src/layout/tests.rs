use super::{lex, lex_tables_up_to};
use crate::{BlockKind, Cell, Layout, Table};

fn tables<'a>(blocks: &'a [crate::Block<'a>]) -> Vec<&'a Table<'a>> {
    blocks.iter().filter_map(|b| b.table()).collect()
}

fn texts(t: &Table<'_>) -> Vec<Vec<String>> {
    t.rows()
        .map(|r| r.cells().map(|c| c.text.to_string()).collect())
        .collect()
}

fn cell<'i>(t: &Table<'i>, row: usize, k: usize) -> Cell<'i> {
    t.row(row).and_then(|r| r.cell(k)).expect("a cell there")
}

#[test]
fn cell_per_line_rows_split_by_blank_lines_with_wrapped_headers() {
    let text = "二、主动公开政府信息情况\n\t第二十条第（一）项\n\n\t信息内容\n\t本年新\n制作数量\n\t对外公开总数量\n\n\t规章\n\t0\n\t 0\n\n\n三、收到";
    let blocks = lex(text);
    let t = tables(&blocks);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].layout, Layout::CellPerLine);
    assert_eq!(
        texts(t[0]),
        [
            vec!["第二十条第（一）项"],
            vec!["信息内容", "本年新\n制作数量", "对外公开总数量"],
            vec!["规章", "0", "0"],
        ]
    );
    assert_eq!(blocks.last().map(|b| &b.kind), Some(&BlockKind::Heading));
}

#[test]
fn tab_rows_keep_trailing_empty_cells() {
    let text = "第二十条第（一）项\t\t\t\n信息内容\t本年新制作数量\t本年新公开数量\n规章\t0\t0\n";
    let blocks = lex(text);
    let t = tables(&blocks);
    assert_eq!(t[0].layout, Layout::TabRows);
    assert_eq!(texts(t[0])[0], ["第二十条第（一）项", "", "", ""]);
    let empty = cell(t[0], 0, 3);
    assert!(empty.span.is_empty());
}

#[test]
fn row_views_debug_as_their_cells() {
    let blocks = lex("规章\t0\n行政许可\t7\n");
    let table = blocks[0].table().expect("a table");
    let shown = format!("{:?}", table.rows().nth(1).expect("a second row"));
    assert!(
        shown.starts_with("Row { cells: [Cell { text: \"行政许可\""),
        "{shown}"
    );
    assert!(!shown.contains("规章"), "{shown}");
    assert_eq!(format!("{:?}", table.rows()).matches("Row {").count(), 2);
}

#[test]
fn tab_rows_keep_leading_empty_cells() {
    // Found by the facade's round-trip property test: a table 四 row whose first
    // value is blank.
    let text = "结果维持\t结果纠正\t总计\n\t3\t3\n";
    let t = lex(text);
    assert_eq!(texts(tables(&t)[0])[1], ["", "3", "3"]);
}

#[test]
fn markdown_and_pipes() {
    let text = "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n\n| a | b |\n|||||||\n";
    let blocks = lex(text);
    let t = tables(&blocks);
    assert_eq!(t[0].layout, Layout::Markdown);
    assert_eq!(
        texts(t[0]),
        [vec!["信息内容", "本年制发件数"], vec!["规章", "0"]]
    );
    assert_eq!(t[1].layout, Layout::Pipes);
    assert_eq!(blocks.last().map(|b| &b.kind), Some(&BlockKind::Noise));
}

#[test]
fn a_pipe_row_of_empty_cells_under_rows_as_wide_is_a_row() {
    // The blank template's table 四 (template-2021.docx): its value row is all empty.
    let text = "| 结果维持 | 总计 |\n|  |  |\n| | | |\n";
    let blocks = lex(text);
    let t = tables(&blocks);
    assert_eq!(texts(t[0]), [vec!["结果维持", "总计"], vec!["", ""]]);
    assert_eq!(blocks.last().map(|b| &b.kind), Some(&BlockKind::Noise));
}

#[test]
fn aligned_table_keeps_wrapped_and_vertical_labels_inside() {
    let text = "   三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量     3001   53\n\n      （二）部分公开（区分处理的，只计这一情\n                        447    7\n      形，不计其他情形）\n三、\n\n本    1.属于国家秘密    2    0\n\n-4-\n规章  1  0\n";
    let blocks = lex(text);
    assert_eq!(blocks[0].kind, BlockKind::Heading);
    let t = tables(&blocks);
    assert_eq!(t[0].layout, Layout::Aligned);
    assert_eq!(
        texts(t[0]),
        [
            vec!["一、本年新收政府信息公开申请数量", "3001", "53"],
            vec!["（二）部分公开（区分处理的，只计这一情"],
            vec!["447", "7"],
            vec!["形，不计其他情形）"],
            vec!["三、"],
            vec!["本", "1.属于国家秘密", "2", "0"],
        ]
    );
    assert_eq!(cell(t[0], 2, 0).x, Some((24, 27)));
    assert!(blocks.iter().any(|b| b.kind == BlockKind::PageNumber));
    assert_eq!(t.len(), 2);
}

#[test]
fn pipe_cells_padded_with_underscores() {
    // Debian html2text, a CJK character cut in half by its byte widths already
    // replaced by U+FFFD when the text was decoded.
    let text = "|规章____|0_____|_12_|\n|行政许可_|\u{fffd}_|______|\n";
    let blocks = lex(text);
    let t = tables(&blocks);
    assert_eq!(t[0].layout, Layout::PaddedPipes);
    assert_eq!(
        texts(t[0]),
        [vec!["规章", "0", "12"], vec!["行政许可", "\u{fffd}", ""]]
    );
    assert_invariants(text);
    // The rest of a label after the last pipe is no cell, in rows with `_` or not.
    let text = "|（二）部分公开（区�|23�|0，|0_|\u{fffd}计其他情形）\n|_规章_|1|2|3|\n";
    let blocks = lex(text);
    let t = tables(&blocks);
    assert_eq!(t[0].layout, Layout::PaddedPipes);
    assert_eq!(
        texts(t[0]),
        [
            vec!["（二）部分公开（区�", "23�", "0，", "0"],
            vec!["规章", "1", "2", "3"]
        ]
    );
    let row = t[0].row(0).expect("a row");
    assert!(text[row.span().range()].ends_with("情形）"));
    assert_invariants(text);
    // Without `_`, text after the last pipe is a cell, as in `| a | b` rows.
    let blocks = lex("| a | b | c\n| d | e | f\n");
    let t = tables(&blocks);
    assert_eq!(t[0].layout, Layout::Pipes);
    assert_eq!(texts(t[0])[0], ["a", "b", "c"]);
}

#[test]
fn empty_input_has_no_blocks() {
    assert!(lex("").is_empty());
}

/// Blocks tile the input; rows and cells stay inside their block, in order.
pub(crate) fn assert_invariants(text: &str) {
    let blocks = lex(text);
    let mut at = 0;
    for b in &blocks {
        assert_eq!(b.span.start, at, "gap or overlap before {:?}", b.span);
        assert!(b.span.end > b.span.start, "empty block");
        assert_eq!(b.text, &text[b.span.range()]);
        at = b.span.end;
        if let Some(t) = b.table() {
            let mut last = b.span.start;
            let mut cells = 0;
            assert_eq!(t.rows().len(), t.len());
            for (i, r) in t.rows().enumerate() {
                assert!(!r.is_empty(), "a row without cells");
                assert!(r.span().start >= b.span.start && r.span().end <= b.span.end);
                assert_eq!(r.cells().len(), r.len());
                assert_eq!(t.row(i).map(|x| x.span()), Some(r.span()));
                for (k, c) in r.cells().enumerate() {
                    assert!(c.span.start >= last && c.span.end <= b.span.end);
                    assert!(c.span.start >= r.span().start && c.span.end <= r.span().end);
                    assert_eq!(c.text, &text[c.span.range()]);
                    assert_eq!(r.cell(k), Some(c));
                    let joined = r.joined(k).unwrap_or_default();
                    assert!(r.wrapped(k) || joined == c.text);
                    assert!(joined.len() <= b.text.len());
                    assert_eq!(c.x.is_some(), t.layout == Layout::Aligned);
                    last = c.span.end;
                }
                assert_eq!(r.cell(r.len()), None);
                let backwards: Vec<Cell<'_>> = r.cells().rev().collect();
                assert!(backwards
                    .iter()
                    .rev()
                    .eq(r.cells().collect::<Vec<_>>().iter()));
                cells += r.len();
            }
            assert_eq!(cells, t.cell_count());
            assert!(t.row(t.len()).is_none());
        }
    }
    assert_eq!(at, text.len());
}

#[test]
fn a_table_longer_than_the_limit_goes_on_in_the_next_block() {
    let row = "规章\t1\t2\n"; // 13 bytes
    let text = row.repeat(10);
    let blocks = lex_tables_up_to(&text, 40);
    let tables: Vec<&Table<'_>> = tables(&blocks);
    assert_eq!(blocks.len(), 4, "{blocks:?}");
    assert_eq!(
        tables.iter().map(|t| t.len()).collect::<Vec<_>>(),
        [3, 3, 3, 1]
    );
    for (b, t) in blocks.iter().zip(&tables) {
        assert!(b.span.len() < 40);
        let first = t.row(0).and_then(|r| r.cell(0)).expect("a cell");
        assert_eq!(first.text, "规章");
        assert_eq!(&text[first.span.range()], "规章");
    }
    for text in [
        "| a | b |\n".repeat(20),
        "a  1  2\n".repeat(20),
        "\ta\n\t1\n\n".repeat(20),
    ] {
        let blocks = lex_tables_up_to(&text, 40);
        assert!(blocks.len() > 3, "{text:?}");
        for b in &blocks {
            assert!(b.span.len() < 40);
            assert!(b.table().is_some() || b.kind == BlockKind::Blank, "{b:?}");
        }
        assert_eq!(
            blocks.iter().map(|b| b.span.len()).sum::<usize>(),
            text.len()
        );
    }
}

#[test]
fn invariants_on_odd_inputs() {
    for text in [
        "\n",
        "\r\n\r\n",
        "\t",
        "|",
        "a\tb\n\tc\nd",
        "\u{feff}一、总体情况\r\n",
        "\t\n续\n\t0",
        "  a  b\n\n\nc",
    ] {
        assert_invariants(text);
    }
}

mod prop {
    use proptest::prelude::*;

    fn pieces() -> impl Strategy<Value = String> {
        let atom = prop_oneof![
            Just("\t".to_string()),
            Just("\n".to_string()),
            Just("|".to_string()),
            Just("  ".to_string()),
            Just("一、总体情况".to_string()),
            Just("-4-".to_string()),
            Just("|---|".to_string()),
            Just("规章".to_string()),
            Just("１２".to_string()),
            Just("\r\n".to_string()),
            Just("┌─┬".to_string()),
            Just("│".to_string()),
            Just("├──┼".to_string()),
            Just("+--+".to_string()),
            Just("申请".to_string()),
            "[a-z0-9 ]{0,5}",
            any::<char>().prop_map(|c| c.to_string()),
        ];
        prop::collection::vec(atom, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn blocks_tile_any_text(text in pieces()) {
            super::assert_invariants(&text);
        }

        #[test]
        fn blocks_tile_any_string(text in any::<String>()) {
            super::assert_invariants(&text);
        }
    }
}

#[test]
fn aligned_table_keeps_a_row_of_numbers_one_space_apart() {
    let text = "结果   结果   总计\n维持   纠正\n   12 3 4999\n\n五、存在的主要问题\n";
    let blocks = lex(text);
    let table = blocks[0].table().expect("a table");
    assert_eq!(table.layout, Layout::Aligned);
    let last = table.rows().next_back().expect("rows");
    let cells: Vec<(&str, Option<(u32, u32)>)> = last.cells().map(|c| (c.text, c.x)).collect();
    assert_eq!(
        cells,
        [
            ("12", Some((3, 5))),
            ("3", Some((6, 7))),
            ("4999", Some((8, 12)))
        ]
    );
    // Words that are not all numbers end the table.
    let blocks = lex("结果   结果\n2024 年 3 月\n");
    let table = blocks[0].table().expect("a table");
    assert_eq!(table.rows().count(), 1);
}

/// `pdftotext -layout` of a table whose narrow cells stack writes a few rows a column
/// at a time, each value on a line of its own: more such lines than a label's wrapped
/// lines may be (two rows of seven columns, less a blank cell: thirteen) stand between
/// two aligned rows, and the table holds them all.
#[test]
fn aligned_table_keeps_rows_written_a_column_at_a_time() {
    let staircase = |lines: usize| {
        let mut text = String::from("规章     1     0     1\n");
        for k in 0..lines {
            text += &format!("{}{}\n", " ".repeat(8 + 2 * (k / 2)), k % 3);
        }
        text += "规范性文件     2     0     2\n";
        text
    };
    let text = staircase(13);
    let blocks = lex(&text);
    let t = tables(&blocks);
    assert_eq!(t.len(), 1, "{blocks:?}");
    assert_eq!(t[0].rows().count(), 15);
    // As many as three rows of seven columns, no more.
    assert_eq!(tables(&lex(&staircase(21))).len(), 1);
    let text = staircase(22);
    let blocks = lex(&text);
    assert_eq!(tables(&blocks)[0].rows().count(), 1, "{blocks:?}");
    // Lines of text still end the table past their own limit.
    let mut text = String::from("规章     1     0     1\n");
    for _ in 0..9 {
        text += "        一段文字\n";
    }
    text += "规范性文件     2     0     2\n";
    assert_eq!(tables(&lex(&text))[0].rows().count(), 1);
}
