//! Pipe rows with no pipe before the first cell nor after the last, of uneven
//! length, as Python's html2text writes a web page's tables (`规章| 89| 11| 148`)
//! and psql its results (` 规章 | 89 | 11`).
//!
//! ```text
//! table = (row | rule)+
//! row   = cell ('|' cell)+       ; none over 80 characters or holding a `。`; two
//!                                ; or more with text to begin a table, any number
//!                                ; after; a row that begins with `|` has an empty
//!                                ; first cell, and text after the last `|` (even
//!                                ; none) is the last cell
//! rule  = [-:]+ ([|+] [-:]+)*    ; `---|---`, `----+----`: not a row
//! ```

use super::{cell, Fits};
use crate::block::TableBuilder;
use crate::line::{self, Line, LineKind, Lines};
use crate::{BlockKind, Layout, Span};

/// Whether line `j` continues a table of open pipes: a row or rule of its own, a
/// pipe row (its first cell is empty), or a line of short cells split by pipes with
/// fewer than two holding text (`x| | `, as html2text writes a row of blanks).
fn continues(lines: &Lines<'_>, j: usize) -> bool {
    match lines.kind(j) {
        LineKind::OpenPipeRow | LineKind::OpenPipeRule | LineKind::PipeRow => true,
        LineKind::Text => line::open_pipe_cells(line::trim(lines.at(j).text)).is_some(),
        _ => false,
    }
}

pub(super) fn table<'i>(
    text: &'i str,
    lines: &Lines<'i>,
    i: usize,
    fits: Fits<'_>,
) -> (BlockKind<'i>, usize) {
    let mut j = i + 1;
    while j < lines.len() && continues(lines, j) && fits(i, j) {
        j += 1;
    }
    let mut table = TableBuilder::new(Layout::OpenPipes, text, lines.start(i));
    for line in (i..j).map(|k| lines.at(k)) {
        if line.kind != LineKind::OpenPipeRule {
            row(&mut table, &line);
        }
    }
    (
        BlockKind::Table(Box::new(table.finish(lines.next(j - 1)))),
        j,
    )
}

/// The cells of one line: the text before the first pipe, between pipes and after
/// the last one, each a cell, empty or not.
fn row(table: &mut TableBuilder<'_>, line: &Line<'_>) {
    let mut from = 0;
    for p in memchr::memchr_iter(b'|', line.text.as_bytes()) {
        table.cell(cell(line, from, p));
        from = p + 1;
    }
    table.cell(cell(line, from, line.text.len()));
    // The empty last cell of `a| b| ` stands at the line's end.
    let (lead, _) = line::trim_bounds(line.text);
    table.end_row(Span::new(line.start + lead, line.start + line.text.len()));
}

#[cfg(test)]
mod tests {
    use crate::{lex, BlockKind, Layout};

    fn texts(text: &str) -> Vec<Vec<String>> {
        let blocks = lex(text);
        let t = blocks
            .iter()
            .find_map(|b| b.table())
            .unwrap_or_else(|| panic!("no table in {text:?}"));
        assert_eq!(t.layout, Layout::OpenPipes);
        t.rows()
            .map(|r| r.cells().map(|c| c.text.to_string()).collect())
            .collect()
    }

    #[test]
    fn python_html2text_rows_of_uneven_length() {
        let text = "信息内容| 本年制发件数| 本年废止件数  \n---|---|---  \n规章| 89| 11  \n\
                    三、本年度办理结果| （一）予以公开| 22| 0  \n（七）总计| 80  \n";
        assert_eq!(
            texts(text),
            [
                vec!["信息内容", "本年制发件数", "本年废止件数"],
                vec!["规章", "89", "11"],
                vec!["三、本年度办理结果", "（一）予以公开", "22", "0"],
                vec!["（七）总计", "80"],
            ]
        );
    }

    #[test]
    fn psql_rows_and_empty_cells() {
        let text =
            " 信息内容 | 制发 | 废止\n----------+------+------\n 规章     |    3 |\n| 7 | 8\n";
        assert_eq!(
            texts(text),
            [
                vec!["信息内容", "制发", "废止"],
                vec!["规章", "3", ""],
                vec!["", "7", "8"],
            ]
        );
    }

    #[test]
    fn running_text_with_a_pipe_is_no_table() {
        for text in [
            "温州市人民政府办公室2020年政府信息公开工作年度报告 | |||||\n",
            "一是认真贯彻落实，切实加强学习。二是进一步细化 | 无\n",
        ] {
            let blocks = lex(text);
            assert!(
                blocks
                    .iter()
                    .all(|b| !matches!(b.kind, BlockKind::Table(_))),
                "{text:?}"
            );
        }
        // A tab row with a pipe in a cell stays a tab row.
        let blocks = lex("规章\t0|1\t2\n许可\t3\t4\n");
        assert_eq!(blocks[0].table().map(|t| t.layout), Some(Layout::TabRows));
        // A framed pipe table stays one of its own.
        let blocks = lex("| a | b |\n| c | d |\n");
        assert_eq!(blocks[0].table().map(|t| t.layout), Some(Layout::Pipes));
    }
}
