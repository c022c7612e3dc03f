//! A .docx's `word/document.xml` to text.
//!
//! Paragraphs (`w:p`: the text of its `w:t`, `w:tab` as a tab, `w:br` as a line
//! break) become lines. Tables (`w:tbl`/`w:tr`/`w:tc`) become pipe rows with
//! `w:gridSpan` and `w:vMerge` expanded as HTML spans are: a vertically merged cell
//! repeats the text of the cell that restarted the merge, a cell spanning columns
//! stands in its first column with empty cells after it.

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use super::decode::{decode_text, Decoded};
use super::error::{InputError, Result};
use super::grid::{self, MAX_COLSPAN};
use super::text::{Line, Writer};
use super::InputKind;

/// Merge state of a table cell (`w:vMerge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Merge {
    /// Not merged, or the first cell of a merge (`w:val="restart"`).
    Own,
    /// Continues the merge above (`<w:vMerge/>`): repeats the text above.
    Continue,
}

#[derive(Debug)]
struct Cell {
    text: String,
    span: usize,
    merge: Merge,
}

#[derive(Debug, Default)]
struct Row {
    /// Grid columns skipped before the first cell (`w:gridBefore`).
    before: usize,
    cells: Vec<Cell>,
}

#[derive(Debug)]
struct OpenCell {
    line: Line,
    span: usize,
    merge: Merge,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Row>,
    row: Option<Row>,
    cell: Option<OpenCell>,
}

/// Where text goes while reading `document.xml`.
struct State {
    w: Writer,
    tables: Vec<Table>,
    /// Inside `w:t`.
    in_text: bool,
    /// Depth of `w:r` elements (a `w:tab` outside a run is a tab stop, not a tab).
    in_run: usize,
    /// Depth of `mc:Fallback` (a copy of the `mc:Choice` content).
    skip: usize,
}

impl State {
    fn cell(&mut self) -> Option<&mut OpenCell> {
        self.tables.last_mut().and_then(|t| t.cell.as_mut())
    }

    fn text(&mut self, text: &str) {
        if let Some(cell) = self.cell() {
            cell.line.push_str(text);
        } else {
            self.w.text(text);
        }
    }

    fn tab(&mut self) {
        if let Some(cell) = self.cell() {
            cell.line.push_str(" ");
        } else {
            self.w.literal('\t');
        }
    }

    fn line_break(&mut self) {
        if let Some(cell) = self.cell() {
            cell.line.push_break();
        } else {
            self.w.hard_break();
        }
    }

    fn end_paragraph(&mut self) {
        if let Some(cell) = self.cell() {
            cell.line.push_break();
        } else {
            self.w.end_line();
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let local = e.local_name();
        let name = local.as_ref();
        if name == b"Fallback" {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        if self.skip > 0 {
            return;
        }
        match name {
            b"t" if !empty => self.in_text = true,
            b"r" if !empty => self.in_run += 1,
            b"tab" if self.in_run > 0 => self.tab(),
            b"br" | b"cr" if self.in_run > 0 => self.line_break(),
            b"noBreakHyphen" if self.in_run > 0 => self.text("-"),
            b"p" if empty => self.end_paragraph(),
            b"tbl" if !empty => self.tables.push(Table::default()),
            b"tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Row::default());
                }
            }
            b"tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(OpenCell {
                        line: Line::default(),
                        span: 1,
                        merge: Merge::Own,
                    });
                }
            }
            b"tc" => {
                // An empty `<w:tc/>` still occupies a column.
                if let Some(row) = self.tables.last_mut().and_then(|t| t.row.as_mut()) {
                    row.cells.push(Cell {
                        text: String::new(),
                        span: 1,
                        merge: Merge::Own,
                    });
                }
            }
            b"gridSpan" => {
                let span = number(e).unwrap_or(1);
                if let Some(cell) = self.cell() {
                    cell.span = span;
                }
            }
            b"vMerge" => {
                let merge = if attr(e, b"val").as_deref() == Some("restart") {
                    Merge::Own
                } else {
                    Merge::Continue
                };
                if let Some(cell) = self.cell() {
                    cell.merge = merge;
                }
            }
            b"gridBefore" => {
                let before = number(e).unwrap_or(0);
                if let Some(row) = self.tables.last_mut().and_then(|t| t.row.as_mut()) {
                    row.before = before;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, local: &[u8]) {
        if local == b"Fallback" {
            self.skip = self.skip.saturating_sub(1);
            return;
        }
        if self.skip > 0 {
            return;
        }
        match local {
            b"t" => self.in_text = false,
            b"r" => self.in_run = self.in_run.saturating_sub(1),
            b"p" => self.end_paragraph(),
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    if let (Some(mut cell), Some(row)) = (t.cell.take(), t.row.as_mut()) {
                        row.cells.push(Cell {
                            text: cell.line.take(),
                            span: cell.span,
                            merge: cell.merge,
                        });
                    }
                }
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some(row) = t.row.take() {
                        t.rows.push(row);
                    }
                }
            }
            b"tbl" => self.end_table(),
            _ => {}
        }
    }

    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        let budget = self.w.budget_left();
        let Some(rows) = expand(table.rows, budget) else {
            self.w.overflow();
            return;
        };
        if let Some(cell) = self.cell() {
            // A table inside a cell: flattened into the cell's text.
            for row in rows {
                for text in row.iter().filter(|t| !t.is_empty()) {
                    cell.line.push_break();
                    cell.line.push_str(text);
                }
            }
            cell.line.push_break();
        } else {
            self.w.table(&rows);
        }
    }
}

/// Lays DOCX rows out on the grid: `gridBefore` and `gridSpan` as empty cells after
/// the text, `vMerge` continuations as copies of the text above. `None` past `budget`.
fn expand(rows: Vec<Row>, budget: usize) -> Option<Vec<Vec<String>>> {
    let mut grid: Vec<Vec<String>> = Vec::with_capacity(rows.len());
    let mut bytes = 0usize;
    for row in rows {
        let mut out = vec![String::new(); row.before.min(MAX_COLSPAN)];
        for cell in row.cells {
            let col = out.len();
            let text = match cell.merge {
                Merge::Continue => grid
                    .last()
                    .and_then(|above| above.get(col))
                    .cloned()
                    .unwrap_or_default(),
                Merge::Own => cell.text,
            };
            let span = cell.span.clamp(1, MAX_COLSPAN);
            bytes = bytes.saturating_add(text.len() + 3 * span);
            if bytes > budget {
                return None;
            }
            out.push(text);
            out.resize(col + span, String::new());
        }
        grid.push(out);
    }
    grid::pad(&mut grid);
    let width = grid.first().map_or(0, Vec::len);
    (width.saturating_mul(grid.len()).saturating_mul(3) <= budget).then_some(grid)
}

/// The value of attribute `w:<local>` (any prefix), unescaped values being plain
/// ASCII in the attributes we read (`w:val`).
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| std::str::from_utf8(&a.value).ok().map(str::to_owned))
}

fn number(e: &BytesStart<'_>) -> Option<usize> {
    attr(e, b"val").and_then(|v| v.trim().parse().ok())
}

/// The character an entity or character reference stands for.
pub(super) fn reference(r: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match &**r {
        b"amp" => Some('&'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        _ => None,
    }
}

/// The text of `word/document.xml`, with the encoding the XML was read in.
///
/// # Errors
///
/// [`InputError::Docx`] for malformed XML, [`InputError::Expanded`] past `max` bytes.
pub(crate) fn document_text(xml: &[u8], max: usize) -> Result<Decoded> {
    let decoded = decode_text(xml);
    let mut reader = Reader::from_str(&decoded.text);
    let mut state = State {
        w: Writer::new(max),
        tables: Vec::new(),
        in_text: false,
        in_run: 0,
        skip: 0,
    };
    loop {
        let event = reader.read_event().map_err(|e| InputError::Docx {
            message: format!(
                "word/document.xml is not well-formed XML at byte {} ({e})",
                reader.error_position()
            ),
        })?;
        match event {
            Event::Start(e) => state.start(&e, false),
            Event::Empty(e) => state.start(&e, true),
            Event::End(e) => state.end(e.local_name().as_ref()),
            Event::Text(t) if state.in_text && state.skip == 0 => {
                if let Ok(text) = t.xml10_content() {
                    state.text(&text);
                }
            }
            Event::CData(t) if state.in_text && state.skip == 0 => {
                if let Ok(text) = t.decode() {
                    state.text(&text);
                }
            }
            Event::GeneralRef(r) if state.in_text && state.skip == 0 => {
                if let Some(c) = reference(&r) {
                    state.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if state.w.is_over() {
            break;
        }
    }
    // Tables left open by a truncated document are still written.
    while !state.tables.is_empty() {
        state.end_table();
    }
    let text = state.w.finish().ok_or(InputError::Expanded {
        kind: InputKind::Docx,
        what: "text",
        max,
    })?;
    Ok(Decoded {
        text,
        encoding: decoded.encoding,
        replaced: decoded.replaced,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">\
             <w:body>{inner}</w:body></w:document>"
        )
    }

    fn text(inner: &str) -> String {
        document_text(body(inner).as_bytes(), 1 << 20)
            .map(|d| d.text)
            .unwrap_or_else(|e| e.to_string())
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn paragraphs_tabs_breaks() {
        let got = text(&format!(
            "{}<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>\
             <w:r><w:t>甲</w:t><w:tab/><w:t>1</w:t><w:br/><w:t>乙 &amp; 丙&#x4E01;</w:t></w:r></w:p>\
             <w:p/>{}",
            p("一、总体情况"),
            p("二、主动公开")
        ));
        assert_eq!(got, "一、总体情况\n甲\t1\n乙 & 丙丁\n二、主动公开\n");
    }

    #[test]
    fn fallback_content_is_not_doubled() {
        let got = text(
            "<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>框</w:t></mc:Choice>\
             <mc:Fallback><w:t>框</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        );
        assert_eq!(got, "框\n");
    }

    #[test]
    fn spans_and_merges() {
        let tc = |props: &str, text: &str| {
            format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
        };
        let got = text(&format!(
            "<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/>\
             </w:trPr>{}{}</w:tr></w:tbl>",
            tc("<w:vMerge w:val=\"restart\"/>", "三、结果"),
            tc("<w:gridSpan w:val=\"2\"/>", "（一）予以公开"),
            tc("", "9"),
            tc("<w:vMerge/>", ""),
            tc("", "（三）不予公开"),
            tc("", "1.国家秘密"),
            tc("", "0"),
            tc("<w:gridSpan w:val=\"2\"/>", "合计"),
            tc("", "9"),
        ));
        assert_eq!(
            got,
            "| 三、结果 | （一）予以公开 |  | 9 |\n\
             | 三、结果 | （三）不予公开 | 1.国家秘密 | 0 |\n\
             |  | 合计 |  | 9 |\n"
        );
    }

    #[test]
    fn malformed_xml_is_an_error() {
        let err = document_text(b"<w:document><w:body></w:p>", 1000);
        assert!(matches!(err, Err(InputError::Docx { .. })), "{err:?}");
    }
}
