//! The rows of the report's tables as one stream, each given to the table whose zone it
//! stands in. A table cut by a page number, a page footer or a heading of its own
//! (markdown `## 表三`) is one zone, so its rows join back up; a section heading, or a
//! row that only one table has, moves the stream to another table.

use zfxxgk_lex::{Block, BlockKind, Cell, Layout, Span};
use zfxxgk_model::TableId;

use crate::labels;
use crate::normalize::{fold_onto, has};
use crate::overflow::{self, Overflow};
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
    /// The cells that the rest of a label ran on into, after a value or alone (Debian
    /// html2text: see [`crate::overflow`]), kept as written: only tables 二 and 三
    /// read them, once the rest is their label's.
    pub overflow: Box<[Overflow]>,
    /// Whether the row's table is padded with `_` (Debian html2text), whose labels
    /// may be cut short.
    pub padded: bool,
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

/// Cell texts that no slice of the input holds, made once, before the rows borrow
/// them, and found by the cell's table (where its block starts), row and column: the
/// whole text of a cell that wrapped onto lines shared with other cells (a box-drawn
/// grid), and the text of a cell wrapped in inline HTML tags (`<span lang="EN-US">89
/// </span>`, as markdown from an online editor has it), the tags taken out.
#[derive(Debug, Default)]
pub(crate) struct CellTexts(std::collections::BTreeMap<(usize, usize, usize), String>);

impl CellTexts {
    /// The rewritten cells of every table among `blocks`.
    pub(crate) fn of(blocks: &[Block<'_>]) -> CellTexts {
        let mut out = std::collections::BTreeMap::new();
        for block in blocks {
            let Some(table) = block.table() else { continue };
            let tags = memchr::memchr(b'<', block.text.as_bytes()).is_some();
            for (r, row) in table.rows().enumerate() {
                for k in 0..row.len() {
                    let text = match row.joined(k) {
                        Some(joined) if row.wrapped(k) => joined.into_owned(),
                        Some(joined) if tags && joined.contains('<') => joined.into_owned(),
                        _ => continue,
                    };
                    let text = match untagged(&text) {
                        Some(plain) => plain,
                        None => text,
                    };
                    out.insert((block.span.start, r, k), text);
                }
            }
        }
        CellTexts(out)
    }

    /// Cell `k` of row `r` of the table whose block starts at `block`, with its text
    /// rewritten if it is. Its span stays where it is written.
    fn of_cell<'a>(&'a self, block: usize, r: usize, k: usize, cell: Cell<'a>) -> Cell<'a> {
        match self.0.get(&(block, r, k)) {
            Some(text) => Cell { text, ..cell },
            None => cell,
        }
    }
}

/// `text` without its HTML tags, trimmed; `None` when it has none.
fn untagged(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut found = false;
    while let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) {
        let (before, from) = rest.split_at(lt);
        out.push_str(before);
        match zfxxgk_lex::HtmlTag::at(from, zfxxgk_lex::TEXT_TAG_MAX_CHARS) {
            Some(tag) => {
                found = true;
                rest = from.get(tag.len..).unwrap_or_default();
            }
            None => {
                out.push('<');
                rest = from.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    found.then(|| out.trim().to_string())
}

/// Whether a cell of the row holds U+FFFD, which decoding put for bytes that were no
/// character.
fn garbled(row: &zfxxgk_lex::Row<'_, '_>) -> bool {
    row.cells().any(|c| overflow::cut(c.text))
}

/// Longest line of running text that may be read as a table row.
const MAX_TEXT_ROW: usize = 40;

/// Longest line of running text that may be read as a table row when it ends with
/// [`MIN_ROW_VALUES`] values at least: `pdftotext -raw` writes a row of table 三 on one
/// line, its label (up to 40 characters:
/// `（二）部分公开（区分处理的，只计这一情形，不计其他情形）`) and its values.
const MAX_VALUE_ROW: usize = 100;

/// Values a line longer than [`MAX_TEXT_ROW`] must end with to be read as a row.
const MIN_ROW_VALUES: usize = 5;

/// Whether a line's cells (each one's text given by `text`) end with
/// [`MIN_ROW_VALUES`] values (numbers or blanks).
fn ends_with_values<T>(cells: &[T], text: impl Fn(&T) -> &str) -> bool {
    cells.len() >= MIN_ROW_VALUES
        && cells
            .iter()
            .rev()
            .take(MIN_ROW_VALUES)
            .all(|c| crate::number::kind(text(c)) != crate::number::Kind::Text)
}

/// Splits blocks into the zones of tables 二, 三 and 四.
pub(crate) fn zones<'i>(
    text: &'i str,
    blocks: &'i [Block<'i>],
    headings: &[Heading],
    texts: &'i CellTexts,
) -> Zones<'i> {
    let mut zones = Zones::default();
    // Scratch buffers, reused for every line and row.
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
                // Debian html2text pads cells with `_` and counts bytes, not
                // characters: it cuts labels (and CJK characters, U+FFFD) and lets
                // their rest run on into the cells after them. Between its pipes the
                // borders and digits stand: cut labels are read by their beginning,
                // and a label's rest after a value is noted.
                let padded = table.layout == Layout::PaddedPipes;
                for (r, row) in table.rows().enumerate() {
                    apply_headings(row.span().start.max(block.span.start) + 1, &mut current);
                    let raw = text.get(row.span().range()).unwrap_or_default();
                    if !padded && garbled(&row) {
                        // A character cut in half may have taken a cell's digits or
                        // its border with it: no value of the row can be placed for
                        // sure. Its numbers are kept as an unread row.
                        continue;
                    }
                    let mut cells: Vec<Cell<'i>> = row
                        .cells()
                        .enumerate()
                        .map(|(k, c)| texts.of_cell(block.span.start, r, k, c))
                        .collect();
                    let mut overflow = Vec::new();
                    if padded {
                        overflow::repair(text, &mut cells, &mut overflow);
                    }
                    let marks = Marks::of(raw);
                    if let Some(id) = signature(&cells, marks, &mut folded) {
                        current = Some(id);
                    }
                    if let Some(id) = current {
                        let row = Row {
                            cells,
                            span: row.span(),
                        };
                        zones.push(
                            id,
                            TableRow {
                                row,
                                from_text: false,
                                overflow: overflow.into_boxed_slice(),
                                padded,
                            },
                        );
                    }
                }
            }
            BlockKind::Paragraph | BlockKind::Heading => {
                let mut start = block.span.start;
                for line in lines(block.text) {
                    let end = start + line.len();
                    apply_headings(end, &mut current);
                    if let Some((span, marks)) = text_cells(text, start, line, &mut line_cells) {
                        if let Some(id) = signature(&line_cells, marks, &mut folded) {
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
                                    overflow: Box::default(),
                                    padded: false,
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

/// The lines of `text`, each with its line end, as `str::split_inclusive('\n')` gives
/// them; found with `memchr`, which passes over a long line faster.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, tail) = rest.split_at_checked(end).unwrap_or((rest, ""));
        rest = tail;
        Some(line)
    })
}

/// A line of running text as the cells of a row, split at whitespace (a last cell
/// that is an amount's unit, `元`, joined to the amount: [`money_unit_apart`]), into `cells`:
/// the row's span, and the [`Marks`] of the line. `None` when the line, trimmed, is
/// empty or longer than [`MAX_TEXT_ROW`] characters, unless it ends with
/// [`MIN_ROW_VALUES`] values and is no longer than [`MAX_VALUE_ROW`]; a long line is
/// read no further than that.
fn text_cells<'i>(
    text: &'i str,
    start: usize,
    line: &'i str,
    cells: &mut Vec<Cell<'i>>,
) -> Option<(Span, Marks)> {
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
    // Characters read since the first that is not whitespace, that one included.
    let mut len = 0;
    let mut marks = Marks::default();
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            len += usize::from(len > 0);
            if let Some(s) = seg.take() {
                push(s, i);
            }
        } else {
            len += 1;
            if len > MAX_VALUE_ROW {
                return None;
            }
            marks = marks.with(c);
            if seg.is_none() {
                seg = Some(i);
            }
        }
    }
    if let Some(s) = seg {
        push(s, line.len());
    }
    money_unit_apart(text, cells);
    // `len` counts the whitespace after the last character too.
    if len > MAX_TEXT_ROW
        && line.trim().chars().count() > MAX_TEXT_ROW
        && !ends_with_values(cells, |c| c.text)
        && !names_t3_row(cells)
    {
        return None;
    }
    match (cells.first(), cells.last()) {
        (Some(f), Some(l)) => Some((Span::new(f.span.start, l.span.end), marks)),
        _ => None,
    }
}

/// Whether a line's cells are the wording of a row of table 三, exactly (one cell, or
/// two: a group's label and its item's), and then one value or more: a row of lynx's
/// whose long label leaves room for only some of its values before a `<br>`-only
/// cell breaks the line (`2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息
/// 公开申请 0 0`, the rest on the next line), which no sentence of prose is.
fn names_t3_row(cells: &[Cell<'_>]) -> bool {
    let values = cells
        .iter()
        .rev()
        .take_while(|c| crate::number::kind(c.text) != crate::number::Kind::Text)
        .count();
    let labels = cells.get(..cells.len() - values).unwrap_or_default();
    values >= 1
        && matches!(labels, [_] | [_, _])
        && labels.iter().any(|c| labels::names_t3_row_exactly(c.text))
}

/// Joins a line's last cell to the one before when it is the unit of the money that
/// cell states, written apart (`795016.99 元`, as `pdftotext` writes a LibreOffice
/// page): the two are one value.
fn money_unit_apart<'i>(text: &'i str, cells: &mut Vec<Cell<'i>>) {
    let [.., amount, unit] = cells.as_slice() else {
        return;
    };
    if !matches!(unit.text, "元" | "万元")
        || crate::number::kind(amount.text) != crate::number::Kind::Number
    {
        return;
    }
    let span = Span::new(amount.span.start, unit.span.end);
    let Some(joined) = text.get(span.range()) else {
        return;
    };
    cells.pop();
    if let Some(last) = cells.last_mut() {
        *last = Cell {
            text: joined,
            span,
            x: None,
        };
    }
}

/// The characters that the phrases [`signature`] looks for across a row's cells hold, one
/// or more each; folding leaves them as they are, and makes none of them.
const MARKS: [char; 5] = ['条', '申', '稽', '维', '复'];

/// Which of the [`MARKS`] a row's text holds, one bit each: a phrase is looked for only
/// in a row that holds its mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Marks(u8);

impl Marks {
    /// The marks `s` holds.
    fn of(s: &str) -> Marks {
        s.chars().fold(Marks::default(), Marks::with)
    }

    /// These marks, and `c` if it is one.
    fn with(self, c: char) -> Marks {
        match MARKS.iter().position(|&m| m == c) {
            Some(i) => Marks(self.0 | 1 << i),
            None => self,
        }
    }

    /// Whether the mark `c` is among these.
    fn has(self, c: char) -> bool {
        MARKS
            .iter()
            .position(|&m| m == c)
            .is_some_and(|i| self.0 & 1 << i != 0)
    }
}

/// The table a row of `cells` can only belong to, if it says. `marks` are those of the
/// row's text (its cells and what stands between them): a row without any (most rows,
/// a label and numbers) can only be told by a label of table 二, and only its first
/// cell is folded. `scratch` is a buffer.
fn signature(cells: &[Cell<'_>], marks: Marks, scratch: &mut String) -> Option<TableId> {
    let first = cells
        .iter()
        .position(|c| c.text.chars().any(|ch| !ch.is_whitespace()));
    scratch.clear();
    // Where the first cell with text stands in `scratch`, folded.
    let mut label = 0..0;
    if marks != Marks::default() {
        // The cells folded and joined, so that a phrase cut across cells is found.
        for (k, c) in cells.iter().enumerate() {
            let at = scratch.len();
            fold_onto(c.text, scratch);
            if Some(k) == first {
                label = at..scratch.len();
            }
        }
        let joined = scratch.as_str();
        if marks.has('条') && has!(joined, "第二十条") {
            return Some(TableId::T2);
        }
        if (marks.has('申') && has!(joined, "申请人情况"))
            || (marks.has('稽') && has!(joined, "勾稽关系"))
        {
            return Some(TableId::T3);
        }
        if (marks.has('维') && has!(joined, "结果维持"))
            || (marks.has('复') && has!(joined, "行政复议") && has!(joined, "行政诉讼"))
        {
            return Some(TableId::T4);
        }
    } else if cells.len() >= 2 {
        fold_onto(cells.get(first?)?.text, scratch);
        label = 0..scratch.len();
    }
    first?;
    let f = scratch.get(label).unwrap_or_default();
    if cells.len() >= 2 && labels::t2_row_folded(f).is_some() {
        return Some(TableId::T2);
    }
    // Both phrases hold 申.
    if marks.has('申')
        && (has!(f, "本年新收政府信息公开申请") || has!(f, "上年结转政府信息公开申请"))
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
    fn tags_are_taken_out_of_cells() {
        assert_eq!(
            untagged("<span lang=\"EN-US\">89</span>").as_deref(),
            Some("89")
        );
        assert_eq!(untagged(" <b>规</b><i>章</i> ").as_deref(), Some("规章"));
        assert_eq!(untagged("a < b"), None);
        assert_eq!(untagged("1<2").as_deref(), None);
        let text = "| <span>规章</span> | <span lang=\"EN-US\">3</span> |\n";
        let blocks = zfxxgk_lex::lex(text);
        let texts = CellTexts::of(&blocks);
        let zones = zones(text, &blocks, &[], &texts);
        // The label, untagged, tells the row's table.
        let row = zones.t2.first().expect("a row of table 二");
        let cells: Vec<&str> = row.row.cells.iter().map(|c| c.text).collect();
        assert_eq!(
            &text[row.row.cells[1].span.range()],
            "<span lang=\"EN-US\">3</span>"
        );
        assert_eq!(cells, ["规章", "3"]);
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
            assert_eq!(
                signature(&cells, Marks::of(raw), &mut scratch),
                want,
                "{text:?}"
            );
            assert_eq!(signature(&cells, ALL_MARKS, &mut scratch), want, "{text:?}");
        }
    }

    /// Marks that let every phrase be looked for.
    const ALL_MARKS: Marks = Marks(0b1_1111);

    #[test]
    fn a_money_unit_apart_joins_its_amount() {
        let text = "政府集中采购 1924 795016.99 元\n";
        let mut cells = Vec::new();
        text_cells(text, 0, text, &mut cells);
        let texts: Vec<&str> = cells.iter().map(|c| c.text).collect();
        assert_eq!(texts, ["政府集中采购", "1924", "795016.99 元"]);
        let text = "总计 元\n";
        text_cells(text, 0, text, &mut cells);
        assert_eq!(cells.len(), 2);
    }

    #[test]
    fn marks_are_the_marks_a_text_holds() {
        assert_eq!(Marks::of("规章 0 0"), Marks::default());
        let m = Marks::of("申请人 行政复议");
        assert!(m.has('申') && m.has('复'));
        assert!(!m.has('条') && !m.has('稽') && !m.has('维'));
        assert_eq!(Marks::of(&MARKS.iter().collect::<String>()), ALL_MARKS);
        assert!(!ALL_MARKS.has('规'));
    }

    proptest::proptest! {
        /// Lines of running text read as rows as the plain definition does: trimmed,
        /// at most MAX_TEXT_ROW characters (or MAX_VALUE_ROW ending with
        /// MIN_ROW_VALUES values), split at whitespace; and the marks a row is given
        /// only spare work, never change its signature.
        #[test]
        fn text_rows_as_defined(
            line in "[ 　\t a1１（）“”条申请人情况稽维复议诉讼规章行政许可第二十勾关系结果持本上年新收转政府信息公开]{0,50}( 1){0,6}\n?",
            at in 0usize..3,
        ) {
            let text = format!("{}{line}", "x".repeat(at));
            let mut cells = Vec::new();
            let got = text_cells(&text, at, &line, &mut cells);
            let t = line.trim();
            let words: Vec<&str> = line.split_whitespace().collect();
            let n = t.chars().count();
            if t.is_empty() || n > MAX_VALUE_ROW || (n > MAX_TEXT_ROW && !ends_with_values(&words, |w| w)) {
                proptest::prop_assert_eq!(got, None);
            } else {
                let texts: Vec<&str> = cells.iter().map(|c| c.text).collect();
                proptest::prop_assert_eq!(texts, words);
                for c in &cells {
                    proptest::prop_assert_eq!(&text[c.span.range()], c.text);
                }
                let start = at + (line.len() - line.trim_start().len());
                let span = Span::new(start, start + t.len());
                proptest::prop_assert_eq!(got, Some((span, Marks::of(&line))));
                let mut scratch = String::new();
                let with_marks = signature(&cells, Marks::of(&line), &mut scratch);
                proptest::prop_assert_eq!(with_marks, signature(&cells, ALL_MARKS, &mut scratch));
            }
        }

        /// `lines` splits as `split_inclusive('\n')` does.
        #[test]
        fn lines_split_as_split_inclusive(text in "[a条\n\r ]{0,20}") {
            let got: Vec<&str> = lines(&text).collect();
            let want: Vec<&str> = text.split_inclusive('\n').collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
