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
//! break = row '|  ' NL '|' values ; one row: a cell holding only a line break
//!                                ; (`<td><br></td>`), which html2text writes as
//!                                ; markdown's hard break, two spaces; the pipe
//!                                ; that begins the next line closes that cell,
//!                                ; and numbers (`153430.17元`: a unit of one or
//!                                ; two CJK characters may end one) or blanks
//!                                ; follow it
//! first = '  ' NL '|' values     ; a row whose first cell holds only a line
//!                                ; break: the hard break alone on its line, the
//!                                ; rest of the row after the pipe that closes that
//!                                ; cell (empty)
//! ```

use super::{cell, Fits};
use crate::block::TableBuilder;
use crate::line::{self, Line, LineKind, Lines};
use crate::{BlockKind, Layout, Span};

/// Whether line `j` continues a table of open pipes: a row or rule of its own, a
/// pipe row (its first cell is empty), or a line of short cells split by pipes with
/// fewer than two holding text (`x| | `, as html2text writes a row of blanks), even
/// one that reads as a heading.
fn continues(lines: &Lines<'_>, j: usize) -> bool {
    match lines.kind(j) {
        LineKind::OpenPipeRow | LineKind::OpenPipeRule | LineKind::PipeRow => true,
        // A row label may read as a heading (`二、上年结转政府信息公开申请数量|`).
        LineKind::Text | LineKind::Heading => {
            line::open_pipe_cells(line::trim(lines.at(j).text)).is_some()
        }
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
    loop {
        if j < lines.len() && continues(lines, j) && fits(i, j) {
            j += 1;
        } else if j + 1 < lines.len()
            && hard_break_alone(lines.at(j).text)
            && values_after_pipe(lines.at(j + 1).text)
            && fits(i, j + 1)
        {
            j += 2;
        } else {
            break;
        }
    }
    let mut table = TableBuilder::new(Layout::OpenPipes, text, lines.start(i));
    let mut broken = false;
    for line in (i..j).map(|k| lines.at(k)) {
        if line.kind == LineKind::OpenPipeRule {
            broken = false;
            continue;
        }
        // A row's first cell holding only a line break: the pipe that begins the
        // next line closes it, and that line is a row whose first cell is empty.
        if hard_break_alone(line.text) {
            broken = false;
            continue;
        }
        let joined = broken && values_after_pipe(line.text);
        let start = joined
            .then(|| table.reopen_last_row())
            .flatten()
            .map(|span| span.start);
        row(&mut table, &line, start);
        broken = line
            .text
            .rfind('|')
            .is_some_and(|p| line.text.get(p + 1..) == Some("  "));
    }
    (
        BlockKind::Table(Box::new(table.finish(lines.next(j - 1)))),
        j,
    )
}

/// Whether a line is markdown's hard break alone (two spaces): html2text's writing of
/// a row whose first cell holds only `<br>`.
fn hard_break_alone(text: &str) -> bool {
    text == "  "
}

/// Whether a line begins with a pipe and holds nothing but numbers (a unit may end
/// one) or blanks after it.
fn values_after_pipe(text: &str) -> bool {
    let t = line::trim(text);
    t.starts_with('|') && line::values_only(t.split('|'))
}

/// The cells of one line: the text before the first pipe, between pipes and after
/// the last one, each a cell, empty or not. With `joined`, the line goes on with the
/// row reopened, which began at that byte: its empty first cell is that row's last.
fn row(table: &mut TableBuilder<'_>, line: &Line<'_>, joined: Option<usize>) {
    let mut from = 0;
    let mut pipes = memchr::memchr_iter(b'|', line.text.as_bytes());
    if joined.is_some() {
        if let Some(p) = pipes.next() {
            from = p + 1;
        }
    }
    for p in pipes {
        table.cell(cell(line, from, p));
        from = p + 1;
    }
    table.cell(cell(line, from, line.text.len()));
    // The empty last cell of `a| b| ` stands at the line's end.
    let (lead, _) = line::trim_bounds(line.text);
    let start = joined.unwrap_or(line.start + lead);
    table.end_row(Span::new(start, line.start + line.text.len()));
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

    /// A cell holding only `<br>`: html2text ends the line after its pipe with a
    /// hard break, and the next line's first pipe closes it.
    #[test]
    fn a_row_broken_by_a_line_break_in_a_cell_is_one_row() {
        let text = "一、本年新收政府信息公开申请数量| 190| 1  \n\
                    二、上年结转政府信息公开申请数量|  \n| 0| 0  \n\
                    四、结转下年度继续办理| 10| 0|  \n| 0| 10  \n\
                    5.要求行政机关确认或重新出具已获取信息| 0| 0|  \n  \n（六）其他处理| 7| 1  \n";
        assert_eq!(
            texts(text),
            [
                vec!["一、本年新收政府信息公开申请数量", "190", "1"],
                vec!["二、上年结转政府信息公开申请数量", "", "0", "0"],
                vec!["四、结转下年度继续办理", "10", "0", "", "0", "10"],
                vec!["5.要求行政机关确认或重新出具已获取信息", "0", "0", ""],
            ]
        );
        // An empty last cell followed by a row with an empty first one stays two rows,
        // and so do headers.
        let text = "规章| 3|   \n| 7| 8  \n";
        assert_eq!(texts(text), [vec!["规章", "3", ""], vec!["", "7", "8"]]);
        let text = "申请人情况| 自然人|  \n| 商业企业| 科研机构  \n";
        assert_eq!(texts(text).len(), 2);
        // A row whose first cell holds only `<br>` (the wider check's seed 72): the
        // hard break alone on its line, then the rest after the pipe that closes it.
        let text = "结果维持| 结果纠正| 总计  \n  \n| 3| 1| 4  \n";
        assert_eq!(
            texts(text),
            [
                vec!["结果维持", "结果纠正", "总计"],
                vec!["", "3", "1", "4"]
            ]
        );
        // A money column's value with its unit closes the broken cell too.
        let text = "信息内容| 采购项目数量| 采购总金额  \n政府集中采购|  \n| 153430.17元  \n";
        assert_eq!(
            texts(text),
            [
                vec!["信息内容", "采购项目数量", "采购总金额"],
                vec!["政府集中采购", "", "153430.17元"],
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
