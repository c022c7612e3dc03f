//! Tables whose cells are split by tabs: one row per line (`规章\t0\t0`), or one cell
//! per line behind a tab with rows split by blank lines, as Word tables come out of
//! text converters. In both, a cell's text may wrap onto a line with no tab: such a
//! continuation line belongs to the cell above when a tabbed line follows it directly.

use super::{cell, Fits};
use crate::block::TableBuilder;
use crate::line::{Line, LineKind, Lines};
use crate::{BlockKind, Layout, Span};

/// A wrapped cell's tail that a blank line follows is taken only when this short
/// (display columns): longer text there is a paragraph between two tables.
const MAX_WRAP_WIDTH: usize = 24;

fn tabbed(k: LineKind) -> bool {
    matches!(k, LineKind::TabCell | LineKind::TabRow)
}

/// Lines that may continue a wrapped cell.
fn continuation(k: LineKind) -> bool {
    matches!(k, LineKind::Text | LineKind::Aligned)
}

pub(super) fn table<'i>(
    text: &'i str,
    lines: &Lines<'i>,
    i: usize,
    fits: Fits<'_>,
) -> (BlockKind<'i>, usize) {
    // The region: tabbed lines, blank lines between them, and continuation lines that
    // sit between a tabbed line and the next one with no blank line around them.
    let mut end = i + 1; // one past the last tabbed line taken
    let mut j = i + 1;
    while j < lines.len() && fits(i, j) {
        let k = lines.kind(j);
        if tabbed(k) {
            end = j + 1;
            j += 1;
        } else if k == LineKind::Blank {
            j += 1;
        } else if continuation(k) && j == end {
            let mut m = j;
            while m < lines.len() && continuation(lines.kind(m)) && fits(i, m) {
                m += 1;
            }
            let short = (j..m)
                .map(|k| lines.at(k))
                .all(|l| crate::line::width(crate::line::trim(l.text)) <= MAX_WRAP_WIDTH);
            let mut after = m;
            while after < lines.len() && lines.kind(after) == LineKind::Blank {
                after += 1;
            }
            let tab_next = m < lines.len() && tabbed(lines.kind(m));
            let tab_after_blank = short && after < lines.len() && tabbed(lines.kind(after));
            if tab_next || tab_after_blank {
                j = m;
                end = m;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let region = (i..end).map(|k| lines.at(k));
    let cell_lines = (i..end)
        .filter(|&k| lines.kind(k) == LineKind::TabCell)
        .count();
    let row_lines = (i..end)
        .filter(|&k| lines.kind(k) == LineKind::TabRow)
        .count();
    let layout = if cell_lines >= row_lines {
        Layout::CellPerLine
    } else {
        Layout::TabRows
    };
    let mut table = TableBuilder::new(layout, text, lines.start(i));
    // A tabbed line makes a cell more than it has tabs; a row takes a line, or in one
    // cell per line, the lines up to a blank one.
    let bytes = text.as_bytes().get(lines.start(i)..lines.next(end - 1));
    let tabs = memchr::memchr_iter(b'\t', bytes.unwrap_or_default()).count();
    let tabbed = cell_lines + row_lines;
    let rows = match layout {
        Layout::CellPerLine => tabbed.min(end - i - tabbed + 1),
        _ => tabbed,
    };
    table.reserve(tabs + tabbed, rows);
    match layout {
        Layout::CellPerLine => cell_per_line(&mut table, region),
        _ => tab_rows(&mut table, region),
    }
    (
        BlockKind::Table(Box::new(table.finish(lines.next(end - 1)))),
        end,
    )
}

/// Adds the cells of a tabbed line, the text between tabs, to the open row. With
/// `opener`, a leading tab opens the first cell (one cell per line behind a tab);
/// without, it closes an empty first cell (one row per line).
fn split(table: &mut TableBuilder<'_>, line: &Line<'_>, opener: bool) {
    let mut tabs = memchr::memchr_iter(b'\t', line.text.as_bytes()).peekable();
    let mut from = 0;
    if opener && tabs.peek() == Some(&0) {
        tabs.next();
        from = 1;
    }
    for t in tabs {
        table.cell(cell(line, from, t));
        from = t + 1;
    }
    table.cell(cell(line, from, line.text.len()));
}

/// Grows the open row's last cell to take in a continuation line; false when the row
/// has no cell.
fn extend(table: &mut TableBuilder<'_>, line: &Line<'_>) -> bool {
    let Some(last) = table.last_cell() else {
        return false;
    };
    let c = cell(line, 0, line.text.len());
    if !c.is_empty() {
        let start = if last.is_empty() { c.start } else { last.start };
        table.set_last_cell(Span::new(start, c.end));
    }
    true
}

fn cell_per_line<'i>(table: &mut TableBuilder<'i>, region: impl Iterator<Item = Line<'i>>) {
    let mut region = region.peekable();
    let mut row_start = region.peek().map_or(0, |l| l.start);
    let mut row_end = row_start;
    for line in region {
        let line = &line;
        match line.kind {
            LineKind::Blank => table.end_row(Span::new(row_start, row_end)),
            LineKind::TabCell | LineKind::TabRow => {
                if table.row_is_empty() {
                    row_start = line.start;
                }
                split(table, line, true);
                row_end = line.start + line.text.len();
            }
            _ => {
                if extend(table, line) {
                    row_end = line.start + line.text.len();
                }
            }
        }
    }
    table.end_row(Span::new(row_start, row_end));
}

/// One row per line. Two things make a line no row of its own:
///
/// ```text
/// broken  = row-line ending in tab, NL, tab values
///         ; a cell holding only a line break (`<td><br></td>`, as a browser's
///         ; innerText writes it): one row, that cell empty; the second line holds
///         ; numbers (a unit of one or two CJK characters may end one:
///         ; `704474.53元`) or blanks only, so that two rows of headers with empty
///         ; cells at their ends stay two
/// wrapped = row-line, NL, text-line   ; the row's last cell goes on, unless that
///         ; cell is a number and the text line is none: then the text line is a
///         ; row of one cell (`第二十条第（五）项` under `241`)
/// ```
fn tab_rows<'i>(table: &mut TableBuilder<'i>, region: impl Iterator<Item = Line<'i>>) {
    // Whether the line before ended in a tab.
    let mut open_end = false;
    for line in region {
        let line = &line;
        let was_open = std::mem::replace(&mut open_end, false);
        match line.kind {
            LineKind::Blank => {}
            LineKind::TabCell | LineKind::TabRow => {
                let joined = was_open && line.text.starts_with('\t') && values_after(line.text);
                let start = match joined.then(|| table.reopen_last_row()).flatten() {
                    // The empty cell that the tab before the break opened takes the
                    // break; this line's leading tab closes it.
                    Some(span) => span.start,
                    None => line.start,
                };
                split(table, line, joined);
                table.end_row(Span::new(start, line.start + line.text.len()));
                open_end = line.text.trim_end_matches(' ').ends_with('\t');
            }
            _ if last_is_number(table)
                && !crate::line::number_token(crate::line::trim(line.text)) =>
            {
                split(table, line, false);
                table.end_row(Span::new(line.start, line.start + line.text.len()));
            }
            _ => {
                if let Some(span) = table.reopen_last_row() {
                    let end = if extend(table, line) {
                        line.start + line.text.len()
                    } else {
                        span.end
                    };
                    table.end_row(Span::new(span.start, end));
                }
            }
        }
    }
}

/// Whether the cells of a tabbed line after its leading tab are all numbers or empty
/// (a number may end in a unit of one or two CJK characters: `704474.53元`).
fn values_after(line: &str) -> bool {
    let rest = line.strip_prefix('\t').unwrap_or(line);
    crate::line::values_only(rest.split('\t'))
}

/// Whether the last cell of the last row is a number.
fn last_is_number(table: &TableBuilder<'_>) -> bool {
    table
        .last_row_last_cell()
        .is_some_and(|t| crate::line::number_token(crate::line::trim(t)))
}

#[cfg(test)]
mod tests {
    use crate::{lex, Layout};

    fn rows(text: &str) -> Vec<Vec<String>> {
        let blocks = lex(text);
        let table = blocks.iter().find_map(|b| b.table()).expect("a table");
        assert_eq!(table.layout, Layout::TabRows);
        table
            .rows()
            .map(|r| r.cells().map(|c| c.text.to_string()).collect())
            .collect()
    }

    /// innerText of an online editor's table: a cell holding only `<br>` breaks its
    /// row in two lines, and a caption row of one cell stands between rows of values.
    #[test]
    fn a_break_in_a_cell_and_a_caption_row() {
        let text = "信息内容\t本年制发件数\n规章\t4310\t—\t1114\n规范性文件\t1541\t4413\t1030\n第二十条第（五）项\n信息内容\t本年处理决定数量\n二、上年结转政府信息公开申请数量\t6\t\n\t0\t0\t0\t0\t6\n四、结转下年度继续办理\t10\t\n";
        assert_eq!(
            rows(text),
            [
                vec!["信息内容", "本年制发件数"],
                vec!["规章", "4310", "—", "1114"],
                vec!["规范性文件", "1541", "4413", "1030"],
                vec!["第二十条第（五）项"],
                vec!["信息内容", "本年处理决定数量"],
                vec![
                    "二、上年结转政府信息公开申请数量",
                    "6",
                    "",
                    "0",
                    "0",
                    "0",
                    "0",
                    "6"
                ],
                vec!["四、结转下年度继续办理", "10", ""],
            ]
        );
        // Headers with empty cells at their ends stay two rows.
        let text = "\t申请人情况\t\n\t自然人\t法人或其他组织\n规章\t1\n";
        assert_eq!(
            rows(text)[..2],
            [
                vec!["", "申请人情况", ""],
                vec!["", "自然人", "法人或其他组织"]
            ]
        );
    }

    /// The wider check's seed 51: the money cell after the `<br>` one ends in its
    /// unit, `704474.53元`.
    #[test]
    fn a_break_before_a_number_with_its_unit() {
        let text = "信息内容\t采购项目数量\t采购总金额\n政府集中采购\t\n\t704474.53元\n";
        assert_eq!(
            rows(text),
            [
                vec!["信息内容", "采购项目数量", "采购总金额"],
                vec!["政府集中采购", "", "704474.53元"],
            ]
        );
        // Text after the break is no value: the two lines stay two rows.
        let text = "信息内容\t采购项目数量\n政府集中采购\t\n\t见附件\n";
        assert_eq!(rows(text).len(), 3);
    }

    /// A label's text that wrapped goes on in the cell above.
    #[test]
    fn wrapped_text_goes_on_in_the_cell_above() {
        let text = "规章\t0\t部分公开（区分处理的，\n只计这一情形）\n行政许可\t1\t2\n";
        assert_eq!(
            rows(text),
            [
                vec!["规章", "0", "部分公开（区分处理的，\n只计这一情形）"],
                vec!["行政许可", "1", "2"],
            ]
        );
    }
}
