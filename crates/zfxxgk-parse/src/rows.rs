//! The rows of the report's tables as one stream, each given to the table whose zone it
//! stands in. A table cut by a page number, a page footer or a heading of its own
//! (markdown `## 表三`) is one zone, so its rows join back up; a section heading, or a
//! row that only one table has, moves the stream to another table.

use zfxxgk_lex::{Block, BlockKind, Cell, Span};
use zfxxgk_model::TableId;

use crate::labels;
use crate::normalize::{fold_cow, fold_onto, has};
use crate::sections::Heading;

/// One row of cells, taken out of a lexed table or read from a line of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row<'i> {
    /// The cells, left to right.
    pub cells: Vec<Cell<'i>>,
    /// From the row's first byte to its last.
    pub span: Span,
}

/// A row of a table's zone and where it came from.
#[derive(Debug, Clone)]
pub(crate) struct TableRow<'i> {
    pub row: Row<'i>,
    /// A line of running text read as a row (`行政许可 97`).
    pub from_text: bool,
}

/// The rows of each table's zone, in text order, and where the zone runs.
#[derive(Debug, Default)]
pub(crate) struct Zones<'i> {
    pub t2: Vec<TableRow<'i>>,
    pub t3: Vec<TableRow<'i>>,
    pub t4: Vec<TableRow<'i>>,
}

impl<'i> Zones<'i> {
    fn push(&mut self, id: TableId, row: TableRow<'i>) {
        match id {
            TableId::T2 => self.t2.push(row),
            TableId::T3 => self.t3.push(row),
            TableId::T4 => self.t4.push(row),
        }
    }
}

/// Longest line of running text that may be read as a table row.
const MAX_TEXT_ROW: usize = 40;

/// Splits blocks into the zones of tables 二, 三 and 四.
pub(crate) fn zones<'i>(text: &'i str, blocks: &'i [Block<'i>], headings: &[Heading]) -> Zones<'i> {
    let mut zones = Zones::default();
    // Scratch buffers, reused for every row and line.
    let mut folded = String::new();
    let mut line_cells: Vec<Cell<'i>> = Vec::new();
    let mut current: Option<TableId> = None;
    let mut h = 0;
    let mut apply_headings = |upto: usize, current: &mut Option<TableId>| {
        while h < headings.len() && headings[h].start < upto {
            *current = headings[h].key.table();
            h += 1;
        }
    };
    for block in blocks {
        match &block.kind {
            BlockKind::Table(table) => {
                for row in table.rows() {
                    apply_headings(row.span().start.max(block.span.start) + 1, &mut current);
                    line_cells.clear();
                    line_cells.extend(row.cells());
                    let raw = text.get(row.span().range()).unwrap_or_default();
                    if let Some(id) = signature(&line_cells, raw, &mut folded) {
                        current = Some(id);
                    }
                    if let Some(id) = current {
                        let row = Row {
                            cells: line_cells.clone(),
                            span: row.span(),
                        };
                        zones.push(
                            id,
                            TableRow {
                                row,
                                from_text: false,
                            },
                        );
                    }
                }
            }
            BlockKind::Paragraph | BlockKind::Heading => {
                let mut start = block.span.start;
                for line in block.text.split_inclusive('\n') {
                    let end = start + line.len();
                    apply_headings(end, &mut current);
                    let t = line.trim();
                    // At most MAX_TEXT_ROW characters, told without counting a long line.
                    if !t.is_empty() && t.chars().nth(MAX_TEXT_ROW).is_none() {
                        let span = text_cells(text, start, line, &mut line_cells);
                        if let Some(id) = signature(&line_cells, line, &mut folded) {
                            current = Some(id);
                        }
                        if let Some(id) = current {
                            let row = Row {
                                cells: line_cells.clone(),
                                span,
                            };
                            zones.push(
                                id,
                                TableRow {
                                    row,
                                    from_text: true,
                                },
                            );
                        }
                    }
                    start = end;
                }
            }
            _ => apply_headings(block.span.end, &mut current),
        }
    }
    zones
}

/// A line of running text as the cells of a row, split at whitespace, into `cells`;
/// returns the row's span.
fn text_cells<'i>(text: &'i str, start: usize, line: &'i str, cells: &mut Vec<Cell<'i>>) -> Span {
    cells.clear();
    let mut push = |s: usize, e: usize| {
        let (s, e) = (start + s, start + e);
        cells.push(Cell {
            text: &text[s..e],
            span: Span::new(s, e),
            x: None,
        });
    };
    let mut seg: Option<usize> = None;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = seg.take() {
                push(s, i);
            }
        } else if seg.is_none() {
            seg = Some(i);
        }
    }
    if let Some(s) = seg {
        push(s, line.len());
    }
    match (cells.first(), cells.last()) {
        (Some(f), Some(l)) => Span::new(f.span.start, l.span.end),
        _ => Span::new(start, start),
    }
}

/// The table a row of `cells` can only belong to, if it says; `raw` is the row's text
/// (its cells and what stands between them), `joined` is scratch.
fn signature(cells: &[Cell<'_>], raw: &str, joined: &mut String) -> Option<TableId> {
    // Each phrase looked for in the joined cells holds one of these characters, which
    // folding leaves as they are: a row whose text has none (most rows, a label and
    // numbers) is not folded.
    if raw
        .chars()
        .any(|c| matches!(c, '条' | '申' | '稽' | '维' | '复'))
    {
        joined.clear();
        for c in cells {
            fold_onto(c.text, joined);
        }
        if has!(joined, "第二十条") {
            return Some(TableId::T2);
        }
        if has!(joined, "申请人情况") || has!(joined, "勾稽关系") {
            return Some(TableId::T3);
        }
        if has!(joined, "结果维持") || (has!(joined, "行政复议") && has!(joined, "行政诉讼"))
        {
            return Some(TableId::T4);
        }
    }
    let first = cells.iter().find(|c| !c.text.trim().is_empty())?;
    let f = fold_cow(first.text);
    if cells.len() >= 2 && labels::t2_row_folded(&f).is_some() {
        return Some(TableId::T2);
    }
    if has!(f, "本年新收政府信息公开申请") || has!(f, "上年结转政府信息公开申请")
    {
        return Some(TableId::T3);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The row's cells as the lexer gives them, and the text they stand in.
    fn row(text: &str) -> Vec<Cell<'_>> {
        let blocks = zfxxgk_lex::lex(text);
        let table = blocks[0]
            .table()
            .unwrap_or_else(|| panic!("no table: {text:?}"));
        let row = table.row(0).expect("a row");
        row.cells().collect()
    }

    #[test]
    fn signatures_read_phrases_across_cells_and_through_spaces() {
        let mut scratch = String::new();
        for (text, want) in [
            ("第二十条第（一）项\t\t\n", Some(TableId::T2)),
            ("| 申请人 | 情况 |\n", Some(TableId::T3)),
            ("申 请 人 情 况\t1\n", Some(TableId::T3)),
            ("行政复议\t行政诉讼\n", Some(TableId::T4)),
            ("结果“维持”\t3\n", Some(TableId::T4)),
            ("规章\t0\t0\n", Some(TableId::T2)),
            ("\t规章\n", None),
            ("一、本年新收政府信息公开申请数量\t3\n", Some(TableId::T3)),
            ("（一）予以公开\t3\n", None),
            ("行政复议\t3\n", None),
        ] {
            let cells = row(text);
            let raw = &text[cells[0].span.start..cells[cells.len() - 1].span.end];
            assert_eq!(signature(&cells, raw, &mut scratch), want, "{text:?}");
        }
    }
}
