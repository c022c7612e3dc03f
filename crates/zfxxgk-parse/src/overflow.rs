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
//! cut, and `��计�`, `形，�`, `他情�` are pieces of its rest (which may go on past the
//! table's last pipe, where the lexer takes it for no cell: see
//! [`Layout::PaddedPipes`](zfxxgk_lex::Layout::PaddedPipes)). The values are written
//! over the label's rest, never the other way round, and decoding never takes an
//! ASCII byte into a U+FFFD, so the digits (or the mark for a blank) at a cell's
//! start are the value's, whole.
//!
//! ```text
//! cell     = value tail       ; the value is read, the tail is the label's rest
//! value    = number | mark
//! number   = sign? digit+ (',' digit+)* ('.' digit+)?
//! mark     = ('/' | '-' | '—' | …)+  ; a blank, as the cell alone would read
//! tail     = first rest*      ; no ASCII at all: nothing that could go on with the
//!                             ; value (a digit, `.`, `,`, `-`), no full-width digit
//! first    = rest - ('万' | '亿')
//! rest     = U+FFFD | ideograph | CJK punctuation (`（）“”、，。`, …)
//! ```
//!
//! A cell so read is only taken where the row is placed by its label, and the tail's
//! pieces (split at U+FFFD) stand, in order, in the rest of that row's template
//! wording after the label the row shows (`labels::runs_on`); otherwise the
//! row is left unplaced. A cell that holds nothing but whole characters of a label's
//! rest (`请`, `数量`) was empty: every byte of it is the rest's, and a value would
//! have been written over them. One that holds pieces of characters (`��`) is not
//! read: a value of characters of more than one byte (a full-width digit, a `—` set
//! flush right, which the converter cuts itself) would show as such pieces too.

use zfxxgk_lex::{Cell, Span};
use zfxxgk_model::{NoteKind, TableId, Text};

use crate::ledger::Ledger;

use crate::number::{self, Kind};
use crate::rows::Row;

/// The replacement character: decoding put it for bytes that were no character.
pub(crate) const CUT: char = '\u{fffd}';

/// A cell that the rest of a label ran on into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Overflow {
    /// The cell's index in its row.
    pub cell: usize,
    /// What the cell holds besides the rest.
    pub ran: Holds,
}

/// What a cell that a label's rest ran on into holds besides the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holds {
    /// A value, of so many bytes, before the rest: a number (`23��计�`) or a mark
    /// for a blank (`/��）`, `—�`).
    After(usize),
    /// Nothing else but the rest, pieces of characters among it (`��`, `�请`): a value
    /// cell whose value is not told (it showed no digits, but a value cut to pieces
    /// would show so too).
    Over,
    /// Nothing else but whole characters of the rest (`请` after a cut label): the
    /// cell was empty, as every byte of it is the rest's.
    Empty,
}

impl Overflow {
    /// How many bytes of the cell's text are not the rest.
    fn number(self) -> usize {
        match self.ran {
            Holds::After(n) => n,
            Holds::Over | Holds::Empty => 0,
        }
    }

    /// Whether the cell is a value cell whose value is not told.
    fn untold(self) -> bool {
        self.ran == Holds::Over
    }
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
/// but a multiplier (`万`, `亿`), which would change the number's meaning. (A `，`
/// could go on with a number only before more digits, and the rest has none.)
fn first_char(c: char) -> bool {
    label_char(c) && !matches!(c, '万' | '亿')
}

/// How many bytes of `text` its number takes, when it is a number followed by
/// the rest of a label (see the module's grammar); `None` otherwise, and for a
/// number alone. A mark for a blank before the rest is told by [`leading_mark`].
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

/// Whether `text` begins with pieces of a cut character and holds none after them.
fn halves_then_whole(text: &str) -> bool {
    text.starts_with(CUT) && !cut(text.trim_start_matches(CUT))
}

/// Whether `c` is padded with `_` after its text (Debian html2text fills a cell out
/// to its width so, where its text left room).
fn padded_after(text: &str, c: &Cell<'_>) -> bool {
    text.get(c.span.end..).is_some_and(|t| t.starts_with('_'))
}

/// Whether a cell's text holds U+FFFD.
pub(crate) fn cut(text: &str) -> bool {
    // U+FFFD is EF BF BD.
    memchr::memmem::find(text.as_bytes(), "\u{fffd}".as_bytes()).is_some()
}

/// How many bytes of `text` a mark for a blank takes (`/`, `-`, `—`), when the rest
/// of a label follows it.
fn leading_mark(text: &str) -> Option<usize> {
    let end = text
        .find(|c: char| !matches!(c, '/' | '／' | '-' | '－' | '—' | '–'))
        .unwrap_or(text.len());
    let (mark, tail) = text.split_at_checked(end)?;
    (!mark.is_empty() && number::is_blank(mark) && rest_only(tail)).then_some(end)
}

/// Whether a cell of `text` is nothing but a label's rest.
fn rest_only(text: &str) -> bool {
    !text.is_empty() && text.chars().all(label_char)
}

/// Reads a row of cells padded with `_` between pipes
/// ([`Layout::PaddedPipes`](zfxxgk_lex::Layout::PaddedPipes)). Noted in `out`, the
/// cells a label's rest ran on into, kept as they are written (text, which no reader
/// takes for a value) for tables 二 and 三 to read:
///
/// - a value followed by the rest (`16定”`, `23��计�`, `/��）`);
/// - the rest alone (`��`, `请`) in the row's run of value cells at its end, after a
///   label, where it holds U+FFFD or follows a cell that ends with one (a cut label)
///   or a value.
///
/// Then a label cut at either end (`1.属于国家�`, `�办理结果`) loses its U+FFFD, so
/// that it names its row by its beginning.
pub(crate) fn repair<'i>(text: &str, cells: &mut [Cell<'i>], out: &mut Vec<Overflow>) {
    let end = cells.len();
    let kind = |c: &Cell<'_>| number::kind(c.text);
    // The run of value cells at the row's end, read from its end: where it begins.
    let mut first = end;
    let mut found = Vec::new();
    while let Some(k) = first.checked_sub(1) {
        let Some(c) = cells.get(k) else { break };
        let ran = if kind(c) != Kind::Text {
            None
        } else if let Some(n) = leading_number(c.text) {
            Some(Holds::After(n))
        } else if rest_only(c.text) {
            Some(Holds::Over)
        } else if let Some(n) = leading_mark(c.text) {
            Some(Holds::After(n))
        } else {
            break;
        };
        found.push((k, ran));
        first = k;
    }
    found.reverse();
    // What stands before the run's first cell, as written.
    let before = cells.get(..first).unwrap_or_default();
    let labelled = before.iter().any(|c| !c.text.is_empty());
    let mut prev_cut = before
        .iter()
        .rev()
        .find(|c| !c.text.is_empty())
        .is_some_and(|c| c.text.ends_with(CUT));
    let mut labelled = labelled;
    let mut after_value = false;
    let mark = out.len();
    for (k, ran) in found {
        let Some(c) = cells.get(k) else { continue };
        match ran {
            Some(Holds::Over) if !(labelled && (cut(c.text) || prev_cut || after_value)) => {
                // A label's own cell (`|（三）不予公开|属于国家秘密|5|`), not a rest:
                // the run of values begins after it.
                out.truncate(mark);
                labelled = true;
                after_value = false;
            }
            // A row with no label has no label's rest.
            Some(_) if !labelled => {}
            Some(ran) => {
                let ran = match ran {
                    Holds::Over if !cut(c.text) => Holds::Empty,
                    // The other half of the character cut at the cell before, then
                    // whole characters of the rest (or none), and `_` after them: the
                    // cell had room to spare, so nothing was cut at its end, and no
                    // value stood there (`|行政许�|�______|`).
                    Holds::Over
                        if prev_cut && halves_then_whole(c.text) && padded_after(text, c) =>
                    {
                        Holds::Empty
                    }
                    ran => ran,
                };
                out.push(Overflow { cell: k, ran });
                after_value |= matches!(ran, Holds::After(_));
            }
            None => after_value = true,
        }
        prev_cut = c.text.ends_with(CUT);
    }
    out.sort_by_key(|o| o.cell);
    for (k, c) in cells.iter_mut().enumerate() {
        if out.iter().any(|o| o.cell == k) || !cut(c.text) {
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

/// `row` as tables 二 and 三 read it: the cells of `overflow` cut to their values, and
/// a cell that holds nothing else empty (an empty cell's span at its start, an untold
/// one's kept whole: see [`Holds`]).
pub(crate) fn narrowed<'i>(row: &Row<'i>, overflow: &[Overflow]) -> Row<'i> {
    let mut cells = row.cells.clone();
    for o in overflow {
        if let Some(c) = cells.get_mut(o.cell) {
            let number = o.number();
            let cut = if o.untold() { 0 } else { number };
            if let Some(text) = c.text.get(..cut) {
                let span = match o.ran {
                    Holds::Over => c.span,
                    Holds::After(_) | Holds::Empty => Span::new(c.span.start, c.span.start + cut),
                };
                *c = Cell { text, span, ..*c };
            }
        }
    }
    Row {
        cells,
        span: row.span,
    }
}

/// Where the cells of `row` in `overflow` stand whose value is not told
/// ([`Holds::Over`]): their span's start.
pub(crate) fn untold(row: &Row<'_>, overflow: &[Overflow]) -> Vec<usize> {
    overflow
        .iter()
        .filter(|o| o.untold())
        .filter_map(|o| Some(row.cells.get(o.cell)?.span.start))
        .collect()
}

/// The numbers and rests of a row's cells in `overflow`, as written in `row` (before
/// it was [`narrowed`]), in order: the number is empty where none stands.
pub(crate) fn tails<'i>(row: &Row<'i>, overflow: &[Overflow]) -> Vec<(&'i str, &'i str)> {
    overflow
        .iter()
        .filter_map(|o| {
            let text = row.cells.get(o.cell)?.text;
            text.split_at_checked(o.number())
        })
        .collect()
}

/// What a note says of a row whose label ran on into its value cells.
pub(crate) struct Ran<'t, 'i> {
    /// The number and the rest of each cell, as [`tails`] gives them.
    pub tails: &'t [(&'i str, &'i str)],
    /// Whether a cell held nothing but the rest, and was not read.
    pub untold: bool,
    /// Whether the numbers were read (the rest is the label's); if not, the row was
    /// left unplaced.
    pub read: bool,
}

/// Says that the numbers of a row's cells were read before the rest of its label,
/// which ran on into them, or that the rest is not its label's and the row was left
/// unplaced.
pub(crate) fn note(ctx: &mut Ledger<'_>, table: TableId, row: &str, ran: &Ran<'_, '_>, span: Span) {
    let name = match table {
        TableId::T2 => "二",
        TableId::T3 => "三",
        TableId::T4 => "四",
    };
    let cells = ran.tails.len();
    let shown: Vec<String> = ran
        .tails
        .iter()
        .map(|(number, rest)| format!("{number}（{rest}）"))
        .collect();
    let (zh, en) = if ran.read {
        let (untold_zh, untold_en) = if ran.untold {
            (
                "，只有行名余下半字的单元格不读（看不出是否为空白）",
                ", and one with nothing else but pieces of characters was not read (whether it was blank is not told)",
            )
        } else {
            ("", "")
        };
        // A cell of whole characters of the rest alone was empty.
        let empty = ran.tails.iter().any(|(n, rest)| n.is_empty() && !cut(rest));
        let (empty_zh, empty_en) = if empty {
            (
                "，只有行名余下整字的单元格为空白",
                ", one with nothing else but whole characters of the rest was empty (read as blank)",
            )
        } else {
            ("", "")
        };
        (
            format!(
                "这些单元格只取开头的数值或空白标记{empty_zh}{untold_zh}：{}",
                shown.join("、")
            ),
            format!(
                "of those cells only the value at the start (a number, or a mark for a blank) was read{empty_en}{untold_en}: {}",
                shown.join(", ")
            ),
        )
    } else {
        (
            format!(
                "但其后的文字不是该行行名的余下部分，看不出数值到哪里为止：{}；未放入模板",
                shown.join("、")
            ),
            format!(
                "but what follows them is not the rest of the row's label, so where each value ends is not told: {}; left unplaced",
                shown.join(", ")
            ),
        )
    };
    ctx.note(
        NoteKind::LabelOverflow,
        Text::new(
            format!(
                "表{name} {row} 行：行名长于本列，余下部分似乎写进了其后 {cells} 个单元格的数值之后（转换器按字节而非字符计宽，把汉字截成两半）；{zh}"
            ),
            format!(
                "table {name}, row {row}: the label is longer than its column, and its rest seems to have run on into {cells} cell(s) after it, after their values (the converter counts bytes, not characters, and cuts characters in half); {en}"
            ),
        ),
        Some(span),
    );
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
            ("0，", Some(1)),
        ] {
            assert_eq!(leading_number(text), want, "{text:?}");
        }
        for text in [
            // A number alone, or nothing before the rest.
            "23", "", "�", "��", "请", "—�", "/老光", "-�交", "�1",
            // Whatever could go on with the number, or is no label's rest.
            "23.�", "23,�", "2316条x", "23 计", "23１计", "23a", "23_", "2，3", "2万�", "1.�", "-�",
            "23)",
        ] {
            assert_eq!(leading_number(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_mark_for_a_blank_then_a_labels_rest() {
        for (text, want) in [
            ("/��）", Some(1)),
            ("—�", Some(3)),
            ("-计", Some(1)),
            ("／获取", Some(3)),
        ] {
            assert_eq!(leading_mark(text), want, "{text:?}");
        }
        for text in ["/", "—", "-5", "-5计", "/ 计", "/a", "无计", "/1计", "计"] {
            assert_eq!(leading_mark(text), None, "{text:?}");
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

    /// What [`repair`] makes of a row: the cells' texts, and the overflow.
    fn repaired(texts: &[&'static str]) -> (Vec<&'static str>, Vec<Overflow>) {
        let mut row = cells(texts);
        let mut out = Vec::new();
        repair(&texts.join("|"), &mut row, &mut out);
        for c in &row {
            assert_eq!(c.span.len(), c.text.len(), "{texts:?}");
        }
        (row.iter().map(|c| c.text).collect(), out)
    }

    fn at(cell: usize, ran: Holds) -> Overflow {
        Overflow { cell, ran }
    }

    #[test]
    fn the_rest_of_a_label_in_the_value_cells_is_noted() {
        use Holds::{After, Empty, Over};
        let row = [
            "",
            "（二）部分公开（区分处�",
            "23��计�",
            "0形，�",
            "0他情�",
            "0",
            "23",
        ];
        let (texts, out) = repaired(&row);
        assert_eq!(texts[1], "（二）部分公开（区分处");
        assert_eq!(texts[2..], row[2..]);
        assert_eq!(out, [at(2, After(2)), at(3, After(1)), at(4, After(1))]);
        // The rest alone, after a cut label, a value or with a U+FFFD of its own.
        let row = ["二、上年结转政府信息公开�", "请", "0��", "0"];
        assert_eq!(repaired(&row).1, [at(1, Empty), at(2, After(1))]);
        let row = ["二、上年结转政府信息公开�", "�请", "0��", "0"];
        assert_eq!(repaired(&row).1, [at(1, Over), at(2, After(1))]);
        let row = ["", "7.属于行政执法案�", "�", "0", "0"];
        assert_eq!(repaired(&row).1, [at(2, Over)]);
        // The other half of the label's cut character alone, padded after it: the
        // cell had room, nothing was cut at its end, and it was empty.
        let padded = |text: &str| {
            let mut row =
                [("行政许�", 1, 13), ("�", 14, 17), ("2", 24, 25)].map(|(t, a, b)| Cell {
                    text: t,
                    span: Span::new(a, b),
                    x: None,
                });
            let mut out = Vec::new();
            repair(text, &mut row, &mut out);
            out
        };
        assert_eq!(padded("|行政许�|�______|2______|"), [at(1, Empty)]);
        // Not padded (the cell's end may have cut a value off), or pieces of a
        // character after whole ones: not told.
        assert_eq!(padded("|行政许�|�|______2______|"), [at(1, Over)]);
        let row = ["二、上年结转政府信息公开�", "�请�", "0"];
        assert_eq!(repaired(&row).1, [at(1, Over)]);
        // A blank mark before the rest, in the run of values only.
        let row = [
            "",
            "（二）部分公开（区分处理的，",
            "0�一�",
            "/��）",
            "1",
            "0",
        ];
        assert_eq!(repaired(&row).1, [at(2, After(1)), at(3, After(1))]);
        let row = ["—�", "1", "0"];
        assert_eq!(repaired(&row).1, []);
        let row = ["5.要求行政机关", "0��", "0或", "��"];
        let out = [at(1, After(1)), at(2, After(1)), at(3, Over)];
        assert_eq!(repaired(&row).1, out);
        // After the last pipe (as a cell, were it one), a cell whose value is not told.
        let row = [
            "",
            "（二）部分公开（区�",
            "23�",
            "0，",
            "0",
            "��计其他情形）",
        ];
        let (texts, out) = repaired(&row);
        assert_eq!(texts[1], "（二）部分公开（区");
        assert_eq!(out, [at(2, After(2)), at(3, After(1)), at(5, Over)]);
    }

    #[test]
    fn labels_are_no_rest() {
        // A label's own cell, a group's cell before the row's label, a plain row.
        for row in [
            &["", "（三）不予公开", "属于国家秘密", "5", "0"][..],
            &["规章", "0", "16件"],
            &["规章"],
            &[],
        ] {
            let (texts, out) = repaired(row);
            assert_eq!((&texts[..], &out[..]), (row, &[][..]), "{row:?}");
        }
        let (texts, out) = repaired(&["三、本年�", "办理结果", "8.属于行政查", "6�", "0"]);
        assert_eq!(texts[..3], ["三、本年", "办理结果", "8.属于行政查"]);
        assert_eq!(out, [at(3, Holds::After(1))]);
        // A cell whose kind trimming would change keeps its U+FFFD.
        let (texts, out) = repaired(&["", "��度�", "1.属于国家�", "�1", "7"]);
        assert_eq!(texts, ["", "度", "1.属于国家", "�1", "7"]);
        assert_eq!(out, []);
    }

    #[test]
    fn narrowed_rows_hold_the_numbers() {
        let texts = ["（二）部分公开（区�", "23�", "�请", "数", "0"];
        let row = Row {
            span: Span::new(0, 60),
            cells: cells(&texts),
        };
        let out = [
            at(1, Holds::After(2)),
            at(2, Holds::Over),
            at(3, Holds::Empty),
        ];
        assert_eq!(tails(&row, &out), [("23", "�"), ("", "�请"), ("", "数")]);
        let narrow = narrowed(&row, &out);
        let got: Vec<&str> = narrow.cells.iter().map(|c| c.text).collect();
        assert_eq!(got, ["（二）部分公开（区�", "23", "", "", "0"]);
        assert_eq!(
            narrow.cells[1].span,
            Span::new(row.cells[1].span.start, row.cells[1].span.start + 2)
        );
        // A cell whose value is not told keeps its place; an empty one is blank.
        assert_eq!(narrow.cells[2].span, row.cells[2].span);
        assert_eq!(untold(&row, &out), [row.cells[2].span.start]);
        let start = row.cells[3].span.start;
        assert_eq!(narrow.cells[3].span, Span::new(start, start));
    }
}
