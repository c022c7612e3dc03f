//! Labels that ran on into the cells after them, as Debian's `html2text -utf8` writes
//! a row whose label is too long for its column: it counts bytes, not characters, so
//! it cuts CJK characters in half (decoded as U+FFFD) and the rest of the label shows
//! in the padding of the cells to its right, after their values:
//!
//! ```text
//! |______（二）部分公开（区分处�|_____23��计�|______0形，�|______0他情�|___0___|
//! ```
//!
//! reads 23, 0, 0, 0: the label is `（二）部分公开（区分处理的，只计这一情形，不计其他情形）`,
//! cut, and `��计�`, `形，�`, `他情�` are pieces of its rest. The values are written over
//! the label's rest, never the other way round, and decoding never takes an ASCII
//! byte into a U+FFFD, so the digits at a cell's start are the value's, whole.
//!
//! ```text
//! cell     = number tail      ; the number is read, the tail is the label's rest
//! number   = sign? digit+ (',' digit+)* ('.' digit+)?
//! tail     = first rest*      ; no ASCII at all: nothing that could go on with the
//!                             ; number (a digit, `.`, `,`, `-`), no full-width digit
//! first    = U+FFFD | ideograph | opening or closing punctuation (`（）“”、`, …)
//! rest     = first | `，` | `。` | `；` | `：`
//! ```
//!
//! A cell so read is only taken where the row is placed by its label, and the tail's
//! pieces (split at U+FFFD) stand, in order, in the rest of that row's template
//! wording after the label the row shows ([`crate::labels::runs_on`]); otherwise the
//! row is left unplaced. A cell that holds nothing but a label's rest (`��`, `请`) is
//! not read: whether it was blank or held a blank mark is not told.

use zfxxgk_lex::{Cell, Span};

use crate::number::{self, Kind};
use crate::rows::Row;

/// The replacement character: decoding put it for bytes that were no character.
pub(crate) const CUT: char = '\u{fffd}';

/// A cell whose value is followed by the rest of a label that ran on into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Overflow {
    /// The cell's index in its row.
    pub cell: usize,
    /// How many bytes of the cell's text its number takes.
    pub number: usize,
}

/// Whether `c` may stand in a label's rest.
fn label_char(c: char) -> bool {
    matches!(c,
        CUT
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        // CJK punctuation (、。《》「」【】〔〕…), the ideographic space excepted.
        | '\u{3001}'..='\u{303f}'
        | '“' | '”' | '‘' | '’' | '…' | '·'
        | '（' | '）' | '，' | '：' | '；' | '！' | '？' | '［' | '］' | '｛' | '｝')
}

/// Whether `c` may begin a label's rest after a number: what [`label_char`] takes
/// and could not be read as going on with it (`，` after digits may be a thousands
/// separator, `万` a multiplier).
fn first_char(c: char) -> bool {
    label_char(c) && !matches!(c, '，' | '。' | '：' | '；' | '万' | '亿')
}

/// How many bytes of `text` its number takes, when it is a number followed by
/// the rest of a label (see the module's grammar); `None` otherwise, and for a
/// number alone.
pub(crate) fn leading_number(text: &str) -> Option<usize> {
    let end = text
        .find(|c: char| !matches!(c, '0'..='9' | '.' | ',' | '-' | '+'))
        .unwrap_or(text.len());
    let (number, tail) = text.split_at_checked(end)?;
    let mut chars = tail.chars();
    let first = chars.next()?;
    let ok = number.as_bytes().last().is_some_and(u8::is_ascii_digit)
        && number::kind(number) == Kind::Number
        && first_char(first)
        && chars.all(label_char);
    ok.then_some(end)
}

/// Whether a cell's text holds U+FFFD.
pub(crate) fn cut(text: &str) -> bool {
    // U+FFFD is EF BF BD.
    memchr::memmem::find(text.as_bytes(), "\u{fffd}".as_bytes()).is_some()
}

/// Whether a row of pipes, as written, is padded with `_` as Debian's html2text pads
/// its cells (`|_____23______|`).
pub(crate) fn padded(raw: &str) -> bool {
    memchr::memmem::find(raw.as_bytes(), b"_|").is_some()
}

/// Reads a row of cells padded with `_` between pipes ([`padded`]): a label cut at
/// either end (`1.属于国家�`, `�办理结果`) loses its U+FFFD, so that it names its row by
/// its beginning; a cell of text that is a number followed by a label's rest (`16定”`,
/// `23��计�`) is noted in `out` and kept as it is written (text, which no reader takes
/// for a value) for table 三 to read.
pub(crate) fn repair<'i>(cells: &mut [Cell<'i>], out: &mut Vec<Overflow>) {
    for (k, c) in cells.iter_mut().enumerate() {
        if number::kind(c.text) != Kind::Text {
            continue;
        }
        if let Some(number) = leading_number(c.text) {
            out.push(Overflow { cell: k, number });
            continue;
        }
        if !cut(c.text) {
            continue;
        }
        let inner = c.text.trim_matches(CUT);
        // Only a label is trimmed: a cell whose kind trimming would change (`�1`,
        // `�—`) keeps its U+FFFD, and stays text.
        if inner.is_empty() || number::kind(inner) != Kind::Text {
            continue;
        }
        let lead = c.text.len() - c.text.trim_start_matches(CUT).len();
        let start = c.span.start + lead;
        *c = Cell {
            text: inner,
            span: Span::new(start, start + inner.len()),
            ..*c
        };
    }
}

/// `row` with the cells of `overflow` cut to their numbers.
pub(crate) fn narrowed<'i>(row: &Row<'i>, overflow: &[Overflow]) -> Row<'i> {
    let mut cells = row.cells.clone();
    for o in overflow {
        if let Some(c) = cells.get_mut(o.cell) {
            if let Some(text) = c.text.get(..o.number) {
                *c = Cell {
                    text,
                    span: Span::new(c.span.start, c.span.start + o.number),
                    ..*c
                };
            }
        }
    }
    Row {
        cells,
        span: row.span,
    }
}

/// The numbers and tails of a row's cells in `overflow`, as written in `row` (before
/// it was [`narrowed`]).
pub(crate) fn tails<'i>(row: &Row<'i>, overflow: &[Overflow]) -> Vec<(&'i str, &'i str)> {
    overflow
        .iter()
        .filter_map(|o| {
            let text = row.cells.get(o.cell)?.text;
            text.split_at_checked(o.number)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_then_a_labels_rest() {
        for (text, want) in [
            ("23��计�", Some(2)),
            ("0形，�", Some(1)),
            ("16定”", Some(2)),
            ("10信息", Some(2)),
            ("1�", Some(1)),
            ("-6务�", Some(2)),
            ("1734.7�收费", Some(6)),
            ("0��）", Some(1)),
            ("1,288�", Some(5)),
        ] {
            assert_eq!(leading_number(text), want, "{text:?}");
        }
        for text in [
            // A number alone, or nothing before the rest.
            "23", "", "�", "��", "请", "—�", "/老光", "-�交", "�1",
            // Whatever could go on with the number, or is no label's rest.
            "23.�", "23,�", "2316条x", "23 计", "23１计", "23a", "23_", "2，3", "23，", "2万�",
            "1.�", "-�", "23)",
        ] {
            assert_eq!(leading_number(text), None, "{text:?}");
        }
    }

    fn cells(texts: &[&'static str]) -> Vec<Cell<'static>> {
        let mut at = 0;
        texts
            .iter()
            .map(|t| {
                let c = Cell {
                    text: t,
                    span: Span::new(at, at + t.len()),
                    x: None,
                };
                at += t.len() + 1;
                c
            })
            .collect()
    }

    #[test]
    fn cut_labels_lose_their_ends_and_values_are_noted() {
        let mut row = cells(&["", "1.属于国家�", "��度�", "23��计�", "�", "请", "�1", "7"]);
        let mut out = Vec::new();
        repair(&mut row, &mut out);
        let texts: Vec<&str> = row.iter().map(|c| c.text).collect();
        assert_eq!(
            texts,
            ["", "1.属于国家", "度", "23��计�", "�", "请", "�1", "7"]
        );
        assert_eq!(out, [Overflow { cell: 3, number: 2 }]);
        // Spans follow the text.
        assert_eq!(row[1].span.len(), "1.属于国家".len());
        assert_eq!(row[2].span.start, 1 + "1.属于国家�".len() + 1 + "��".len());
        let row = Row {
            span: Span::new(0, 40),
            cells: row,
        };
        assert_eq!(tails(&row, &out), [("23", "��计�")]);
        let narrow = narrowed(&row, &out);
        assert_eq!(narrow.cells[3].text, "23");
        assert_eq!(narrow.cells[3].span.len(), 2);
        assert_eq!(narrow.cells[3].span.start, row.cells[3].span.start);
    }
}
