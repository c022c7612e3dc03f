//! Tables whose cells ran together: a crawler's text of a web page with the tags
//! stripped and nothing put between the cells, each table flattened into its section's
//! running text (`规章000行政规范性文件77132470第二十条第（五）项…`,
//! `一、本年新收政府信息公开申请数量801000081二、上年结转…`).
//!
//! # Grammar
//!
//! A section's body, read when the ordinary readers found no table in it:
//!
//! ```text
//! body    = ( segment run )* segment?
//! run     = digit+ ( "." digit+ )?      ; digits ASCII or full-width
//! segment = the text between two runs   ; ends with the row's label
//! ```
//!
//! A run's last digit followed by `.`, `．` or `、` and then a character that is no
//! digit is the numbering of the next row's label (`00000002.其他法律…` is the run
//! `0000000` and the label `2.其他法律…`). A run counts as a row's values only when the
//! character after it begins a label, not a sign, a unit or a separator
//! (`行政许可2629件` in the narrative is no row).
//!
//! - Table 二: a segment that ends with a row's wording (`行政规范性文件`) labels the run
//!   after it, split into the cells of that row of the edition's sub-table (a free
//!   group: only the number grammar of [`crate::split`] decides); what stands before
//!   the wording (`第二十条第（五）项信息内容…`) is a row of its own, so the sub-table's
//!   item is read.
//! - Table 三: the segment's last labelled part (cut before each numbering: `一、`,
//!   `（一）`, `1.`) names the row; the run is a summed group of seven. Rows the row
//!   sums leave open are decided, where they can be, by the sums down each column:
//!   （七）总计 is the sum of the result rows, and 一 + 二 = （七） + 四.
//! - Table 四: the run after a segment that holds 结果维持 and ends with 总计 is three
//!   summed groups of five.
//!
//! A row is read only when exactly one split fits (and see below for blank cells).
//! Otherwise its text is kept in
//! [`Report::unplaced`](zfxxgk_model::Report::unplaced) as
//! [`UnplacedKind::RanTogether`] and a note lists the splits that fit (or says none
//! does). Runs in the narrative stay untouched: table 二 begins at its first
//! 第二十条, table 三 at the first segment that names one of its rows exactly (and ends
//! at the last that names one), table 四 at its header.
//!
//! A blank cell leaves no digit, so a row with one may still split one way, a wrong
//! one (`10`, `12`, blank, `0`, `0`, `0`, `22` runs together as `101200022`, which
//! splits without a blank only as `1|0|1|20|0|0|22`). So each row is also searched for
//! its readings with blank cells ([`blank_splits`]), and a row is read only when its one
//! split is the only reading of its digits, blank cells or not, or when the sums down
//! table 三's columns, tried on every combination of the rows' readings (a blank
//! counted as 0), leave it that split alone. The rows of a column sum that no
//! combination holds for are all kept (a typo, or a blank cell lost), each with a note
//! naming the sum. Table 二 has no sums and table 四 none across rows: a row of theirs
//! with a reading with a blank cell is kept. Every note lists the splits, `_` for a
//! blank cell.

use std::ops::Range;

use zfxxgk_lex::{Cell, Span};
use zfxxgk_model::{
    Edition, NoteKind, PerEdition, RowDef, T3Row, TableId, Template, Text, Unplaced, UnplacedKind,
};
use zfxxgk_text::is_numeral;

use crate::labels::{best_t3_row, t2_wordings, Folded, Match};
use crate::ledger::Ledger;
use crate::normalize::{find_folded, fold_char};
use crate::rows::{Row, TableRow};
use crate::split::{blank_splits, splits, values, Group, Splits, MAX_CANDIDATES};

/// A run of digits as it stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    span: Span,
    /// Each digit's value, one per character (the decimal point left out).
    digits: Vec<u8>,
    /// Where each character of the run starts, and the run's end last; in a run with
    /// cuts, where each digit starts.
    bounds: Vec<usize>,
    /// Whether the run holds a decimal point.
    decimal: bool,
    /// Digit indices a space stands before (`230 000023`: 2): a crawler keeps a
    /// cell's own space, and a number holds none, so a cell ends there.
    cuts: Vec<usize>,
}

/// A space a cell of a crawler's text may hold at its edge (`&nbsp;` included).
fn cell_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{3000}')
}

/// A segment of text and the run after it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pair {
    segment: Span,
    run: Option<Run>,
}

fn digit(c: char) -> Option<u8> {
    fold_char(c).to_digit(10).and_then(|d| u8::try_from(d).ok())
}

/// Characters that may not follow a row's values: a sign, a separator, a unit.
fn dirty_after(c: char) -> bool {
    matches!(
        fold_char(c),
        '-' | '+'
            | '.'
            | ','
            | '，'
            | '。'
            | ';'
            | '；'
            | ':'
            | '：'
            | '、'
            | ')'
            | '）'
            | '%'
            | '万'
            | '元'
            | '件'
            | '个'
            | '项'
            | '次'
            | '条'
            | '人'
    )
}

/// The segments and runs of `text[range]`, as the module's grammar reads them.
fn pairs(text: &str, range: Range<usize>) -> Vec<Pair> {
    let Some(body) = text.get(range.clone()) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = body
        .char_indices()
        .map(|(i, c)| (range.start + i, c))
        .collect();
    let at = |k: usize| chars.get(k).map_or(range.end, |&(i, _)| i);
    let mut out = Vec::new();
    let mut seg_start = range.start;
    let mut k = 0;
    while let Some(&(_, c)) = chars.get(k) {
        if digit(c).is_none() {
            k += 1;
            continue;
        }
        let start = k;
        let mut decimal = false;
        let mut end = k;
        // Digits before each space kept inside the run.
        let mut cut_at: Vec<usize> = Vec::new();
        let mut seen = 0;
        while let Some(&(_, c)) = chars.get(end) {
            if digit(c).is_some() {
                end += 1;
                seen += 1;
            } else if !decimal
                && cut_at.is_empty()
                && matches!(fold_char(c), '.')
                && chars.get(end + 1).is_some_and(|n| digit(n.1).is_some())
            {
                decimal = true;
                end += 1;
            } else if !decimal && cell_space(c) {
                // Spaces between two digits: a cut, where a digit follows them.
                let mut after = end;
                while chars.get(after).is_some_and(|n| cell_space(n.1)) {
                    after += 1;
                }
                if chars.get(after).is_none_or(|n| digit(n.1).is_none()) {
                    break;
                }
                cut_at.push(seen);
                end = after;
            } else {
                break;
            }
        }
        // The next label's numbering: `…02.其他`.
        let numbering = !decimal
            && chars
                .get(end)
                .is_some_and(|c| matches!(fold_char(c.1), '.' | '、'))
            && chars.get(end + 1).is_none_or(|c| digit(c.1).is_none());
        let run_end = if numbering { end - 1 } else { end };
        if run_end > start {
            let digits: Vec<u8> = chars[start..run_end]
                .iter()
                .filter_map(|&(_, c)| digit(c))
                .collect();
            let cuts: Vec<usize> = cut_at
                .into_iter()
                .filter(|&c| 0 < c && c < digits.len())
                .collect();
            let bounds: Vec<usize> = if cuts.is_empty() {
                (start..=run_end).map(at).collect()
            } else {
                chars[start..run_end]
                    .iter()
                    .filter(|&&(_, c)| digit(c).is_some())
                    .map(|&(i, _)| i)
                    .chain(std::iter::once(at(run_end)))
                    .collect()
            };
            out.push(Pair {
                segment: Span::new(seg_start, at(start)),
                run: Some(Run {
                    span: Span::new(at(start), at(run_end)),
                    digits,
                    bounds,
                    decimal,
                    cuts,
                }),
            });
            seg_start = at(run_end);
        }
        k = end.max(k + 1);
    }
    if seg_start < range.end {
        out.push(Pair {
            segment: Span::new(seg_start, range.end),
            run: None,
        });
    }
    out
}

/// Whether the run ends where a label may begin: at the end of the text, or before
/// a character that is no sign, separator or unit.
fn clean_end(text: &str, run: &Run) -> bool {
    text.get(run.span.end..)
        .and_then(|r| r.chars().find(|c| !c.is_whitespace()))
        .is_none_or(|c| !dirty_after(c))
}

/// The parts of a segment, cut before each numbering (`一、`, `（一）`, `1.`): spans,
/// trimmed, empty ones left out.
fn parts(text: &str, segment: Span) -> Vec<Span> {
    let Some(s) = text.get(segment.range()) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = s
        .char_indices()
        .map(|(i, c)| (segment.start + i, fold_char(c)))
        .collect();
    let mut cuts = vec![segment.start];
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1);
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|x| x.1);
        let after_next = chars.get(k + 2).map(|x| x.1);
        let starts = match c {
            // （一）
            '(' => next.is_some_and(is_numeral) && after_next == Some(')'),
            // 一、 at a boundary
            c if is_numeral(c) => next == Some('、') && prev.is_none_or(|p| !is_numeral(p)),
            // 1. 1、
            c if c.is_ascii_digit() => {
                matches!(next, Some('.' | '、')) && prev.is_none_or(|p| !p.is_ascii_digit())
            }
            _ => false,
        };
        if starts && i > segment.start {
            cuts.push(i);
        }
    }
    cuts.push(segment.end);
    cuts.windows(2)
        .filter_map(|w| {
            let &[a, b] = w else { return None };
            let t = text.get(a..b)?;
            let lead = t.len() - t.trim_start().len();
            let trimmed = t.trim();
            (!trimmed.is_empty()).then(|| Span::new(a + lead, a + lead + trimmed.len()))
        })
        .collect()
}

/// A cell of the text.
fn cell(text: &str, span: Span) -> Cell<'_> {
    Cell {
        text: text.get(span.range()).unwrap_or_default(),
        span,
        x: None,
    }
}

/// The cells of a run cut at `lengths` (in characters).
fn run_cells<'i>(text: &'i str, run: &Run, lengths: &[usize]) -> Vec<Cell<'i>> {
    let mut pos = 0;
    lengths
        .iter()
        .filter_map(|&len| {
            let s = *run.bounds.get(pos)?;
            let e = *run.bounds.get(pos + len)?;
            pos += len;
            // A cell ends at its last digit: a space after it (a cut) is no part of it.
            let digits = text.get(s..e).map_or(e.saturating_sub(s), |t| {
                t.trim_end_matches(cell_space).len()
            });
            Some(cell(text, Span::new(s, s + digits)))
        })
        .collect()
}

/// A split written out for a person: `2|20|0|0|0|0|22`, a blank cell as `_`.
fn written(run: &Run, lengths: &[usize]) -> String {
    values(&run.digits, lengths)
        .iter()
        .zip(lengths)
        .map(|(v, &len)| {
            if len == 0 {
                "_".to_string()
            } else {
                v.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// What is known of one row's run.
struct Found<'i> {
    /// The row's label, as a cell.
    label: Cell<'i>,
    /// What stood before the label in its segment, if anything.
    before: Option<Span>,
    run: Run,
    /// The row's name in messages (`table 三, row granted`).
    name: Text,
    /// The splits without a blank cell.
    splits: Splits,
    /// The splits with a blank cell or more ([`blank_splits`]).
    blanks: Splits,
}

/// Keeps a row that could not be split for certain, and says why.
fn leave(ctx: &mut Ledger<'_>, table: TableId, f: &Found<'_>, why: Text) {
    let span = Span::new(f.label.span.start, f.run.span.end);
    ctx.unplaced.push(Unplaced {
        kind: UnplacedKind::RanTogether,
        table: Some(table),
        text: ctx.text.get(span.range()).unwrap_or_default().to_string(),
        location: ctx.locate(span),
    });
    let digits = ctx.text.get(f.run.span.range()).unwrap_or_default();
    ctx.note(
        NoteKind::AmbiguousSplit,
        Text::new(
            format!(
                "{}：各单元格连成了 `{digits}`，未放入模板：{}",
                f.name.zh, why.zh
            ),
            format!(
                "{}: the cells ran together as `{digits}` and were not placed: {}",
                f.name.en, why.en
            ),
        ),
        Some(f.run.span),
    );
}

/// Why a row's splits do not decide it, for its note: the splits that fit, and those
/// that fit with a blank cell (`_`), which leaves no digit.
fn why(f: &Found<'_>, cells: usize) -> Text {
    let list = |s: &[Vec<usize>]| {
        s.iter()
            .map(|l| written(&f.run, l))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let free = match &f.splits {
        Splits::Found(s) if s.is_empty() => Text::new(
            format!("没有一种拆成 {cells} 格的拆法相符"),
            format!("no split into {cells} cells fits"),
        ),
        Splits::Found(s) if s.len() == 1 => {
            let l = list(s);
            Text::new(
                format!("有一种拆成 {cells} 格的拆法相符：{l}"),
                format!("one split into {cells} cells fits: {l}"),
            )
        }
        Splits::Found(s) => {
            let (n, l) = (s.len(), list(s));
            Text::new(
                format!("有 {n} 种拆成 {cells} 格的拆法相符：{l}"),
                format!("{n} splits into {cells} cells fit: {l}"),
            )
        }
        Splits::TooMany(first) => {
            let l = list(first);
            Text::new(
                format!("拆成 {cells} 格的相符拆法多于 {MAX_CANDIDATES} 种：{l}，…"),
                format!("more than {MAX_CANDIDATES} splits into {cells} cells fit: {l}, …"),
            )
        }
        Splits::GaveUp => Text::new(
            "数字太多，已放弃查找拆法",
            "the search for a split was given up (too many digits)",
        ),
    };
    let blank = match &f.blanks {
        Splits::Found(s) if s.is_empty() => Text::default(),
        Splits::Found(s) => {
            let (n, l) = (s.len(), list(s));
            Text::new(
                format!("；含空白单元格（`_`，空白单元格不留数字）的拆法另有 {n} 种：{l}"),
                format!(
                    "; with a blank cell (空白单元格, `_`), which leaves no digit, {n} more: {l}"
                ),
            )
        }
        Splits::TooMany(first) => {
            let l = list(first);
            Text::new(
                format!(
                    "；含空白单元格（`_`，空白单元格不留数字）的拆法另有多于 {MAX_CANDIDATES} 种：{l}，…"
                ),
                format!(
                    "; with a blank cell (空白单元格, `_`), which leaves no digit, more than {MAX_CANDIDATES} more: {l}, …"
                ),
            )
        }
        Splits::GaveUp => Text::new(
            "；已放弃查找含空白单元格（空白单元格不留数字）的拆法",
            "; the search for splits with a blank cell (空白单元格), which leaves no digit, was given up",
        ),
    };
    Text::new(free.zh + &blank.zh, free.en + &blank.en)
}

/// The one split of a row, if exactly one fits and no split with a blank cell does
/// (a blank cell leaves no digit: a row with one may still split one way, wrongly).
fn certain<'a>(f: &'a Found<'_>) -> Option<&'a [usize]> {
    match &f.blanks {
        Splits::Found(b) if b.is_empty() => only(&f.splits),
        _ => None,
    }
}

/// The one split of a row, if exactly one fits.
fn only(splits: &Splits) -> Option<&[usize]> {
    match splits {
        Splits::Found(s) if s.len() == 1 => s.first().map(Vec::as_slice),
        _ => None,
    }
}

/// Table 二's rows read from a section body whose cells ran together.
pub(crate) fn t2<'i>(
    ctx: &mut Ledger<'i>,
    range: Range<usize>,
    hint: Option<Edition>,
) -> Vec<TableRow<'i>> {
    let text = ctx.text;
    // The table begins at its first sub-table's heading, 第二十条.
    let body = text.get(range.clone()).unwrap_or_default();
    let Some(at) = find_folded(body, "第二十条") else {
        return Vec::new();
    };
    let range = range.start + at..range.end;
    let edition = t2_edition(text.get(range.clone()).unwrap_or_default()).or(hint);
    let mut out = Vec::new();
    let mut found = Vec::new();
    for p in pairs(text, range) {
        let Some(run) = p.run else { continue };
        let Some((wording, label_start)) = t2_label(text, p.segment) else {
            continue;
        };
        if !clean_end(text, &run) {
            continue;
        }
        let label = cell(text, Span::new(label_start, p.segment.end));
        let before =
            (label_start > p.segment.start).then(|| Span::new(p.segment.start, label_start));
        let name = Text::new(
            format!("表二 {} 行", wording.key),
            format!("table 二, row {}", wording.key),
        );
        let columns = edition
            .and_then(|e| {
                Template::of(e)
                    .t2
                    .iter()
                    .find(|s| s.rows.iter().any(|r| r.key == wording.key))
            })
            .map(|s| s.columns.len());
        let none = || Splits::Found(Vec::new());
        let (splits, blanks) = match columns {
            // A blank cell alone leaves no run.
            // One cell holds no space.
            Some(1) if !run.cuts.is_empty() => (none(), none()),
            Some(1) => (Splits::Found(vec![vec![run.bounds.len() - 1]]), none()),
            Some(n) if !run.decimal => {
                let shape = [Group {
                    cells: n,
                    summed: false,
                }];
                (
                    splits(&run.digits, &shape, &run.cuts),
                    blank_splits(&run.digits, &shape, &run.cuts),
                )
            }
            _ => (none(), none()),
        };
        found.push((
            Found {
                label,
                before,
                run,
                name,
                splits,
                blanks,
            },
            columns.unwrap_or(0),
        ));
    }
    for (f, columns) in found {
        if let Some(b) = f.before {
            // `第二十条第（一）项` and its header `信息内容本年制发件数…` are rows of
            // their own: the header's words tell the edition when no row does.
            let header = text
                .get(b.range())
                .and_then(|t| find_folded(t, "信息内容"))
                .filter(|&at| at > 0)
                .map(|at| b.start + at);
            let parts = match header {
                Some(at) => vec![Span::new(b.start, at), Span::new(at, b.end)],
                None => vec![b],
            };
            for span in parts {
                let c = cell(text, span);
                if !c.text.trim().is_empty() {
                    out.push(text_row(vec![c]));
                }
            }
        }
        let one_cell = columns == 1;
        match certain(&f) {
            Some(lengths) if one_cell || !f.run.decimal => {
                let mut cells = vec![f.label];
                if one_cell {
                    cells.push(cell(text, f.run.span));
                } else {
                    cells.extend(run_cells(text, &f.run, lengths));
                }
                out.push(text_row(cells));
            }
            _ => {
                let why = if columns == 0 {
                    Text::new(
                        "看不出表二的版本，因而看不出该行有哪些单元格",
                        "the edition of table 二, and so the row's cells, could not be told",
                    )
                } else {
                    why(&f, columns)
                };
                leave(ctx, TableId::T2, &f, why);
            }
        }
    }
    out
}

/// A row of cells made from running text.
fn text_row(cells: Vec<Cell<'_>>) -> TableRow<'_> {
    let start = cells.first().map_or(0, |c| c.span.start);
    let end = cells.last().map_or(start, |c| c.span.end);
    TableRow {
        row: Row {
            cells,
            span: Span::new(start, end),
        },
        from_text: false,
        overflow: Box::default(),
        padded: false,
    }
}

/// The edition table 二's header words in `body` name, if only one.
fn t2_edition(body: &str) -> Option<Edition> {
    crate::table2::header_edition(&crate::normalize::fold(body))
}

/// The table 二 row whose wording the segment ends with (the longest), and where the
/// wording starts in the text.
fn t2_label(text: &str, segment: Span) -> Option<(&'static RowDef, usize)> {
    let s = text.get(segment.range())?;
    let mut best: Option<(&'static RowDef, usize, usize)> = None;
    for (wording, row) in t2_wordings() {
        let Some(start) = ends_with_folded(s, wording) else {
            continue;
        };
        let len = wording.chars().count();
        if best.is_none_or(|b| len > b.2) {
            best = Some((row, segment.start + start, len));
        }
    }
    best.map(|(r, start, _)| (r, start))
}

/// Where in `s` the folded `wording` starts, when `s` ends with it (whitespace in `s`
/// skipped).
fn ends_with_folded(s: &str, wording: &str) -> Option<usize> {
    let mut want = wording.chars().rev();
    let mut start = None;
    let mut have = s.char_indices().rev().filter(|(_, c)| !c.is_whitespace());
    for w in want.by_ref() {
        let (i, c) = have.next()?;
        if fold_char(c) != w {
            return None;
        }
        start = Some(i);
    }
    start
}

/// Table 四's row read from a section body whose cells ran together.
pub(crate) fn t4<'i>(ctx: &mut Ledger<'i>, range: Range<usize>) -> Vec<TableRow<'i>> {
    let text = ctx.text;
    let shape = [Group {
        cells: zfxxgk_model::T4_COLUMNS.len(),
        summed: true,
    }; 3];
    for p in pairs(text, range) {
        let Some(run) = p.run else { continue };
        let seg = text.get(p.segment.range()).unwrap_or_default();
        let folded = crate::normalize::fold(seg);
        if !(folded.contains("结果维持") && folded.ends_with("总计") && clean_end(text, &run))
        {
            continue;
        }
        let header = cell(text, p.segment);
        let f = Found {
            label: header,
            before: None,
            splits: splits(&run.digits, &shape, &run.cuts),
            blanks: blank_splits(&run.digits, &shape, &run.cuts),
            run,
            name: Text::new("表四", "table 四"),
        };
        return match certain(&f).filter(|_| !f.run.decimal) {
            Some(lengths) => vec![
                text_row(vec![header]),
                text_row(run_cells(text, &f.run, lengths)),
            ],
            None => {
                let cells = shape.iter().map(|g| g.cells).sum();
                let why = why(&f, cells);
                leave(ctx, TableId::T4, &f, why);
                Vec::new()
            }
        };
    }
    Vec::new()
}

/// A run of table 三 with the last part of its segment (its label), and the row that
/// label names in each edition.
struct Labelled {
    run: Run,
    label: Span,
    rows: PerEdition<Option<(usize, Match)>>,
}

/// Most runs of digits read as rows of table 三 (the template has 26 rows).
const MAX_ROWS: usize = 64;

/// Table 三's number of columns.
const T3_CELLS: usize = zfxxgk_model::T3_COLUMNS.len();

/// Table 三's rows read from a section body whose cells ran together.
pub(crate) fn t3<'i>(
    ctx: &mut Ledger<'i>,
    range: Range<usize>,
    hint: Option<Edition>,
) -> Vec<TableRow<'i>> {
    let text = ctx.text;
    let mut labelled: Vec<Labelled> = Vec::new();
    for p in pairs(text, range) {
        // A run followed by a sign or a unit is no row's values.
        let Some(run) = p.run.filter(|r| clean_end(text, r)) else {
            continue;
        };
        let Some(&label) = parts(text, p.segment).last() else {
            continue;
        };
        let folded = [Folded::new(text.get(label.range()).unwrap_or_default())];
        let rows = PerEdition::from_fn(|e| best_t3_row(&folded, e));
        labelled.push(Labelled { run, label, rows });
    }
    let exact = |e: Edition| {
        labelled
            .iter()
            .filter(|l| matches!(l.rows[e], Some((_, Match::Exact))))
            .count()
    };
    let edition = match exact(Edition::V2019).cmp(&exact(Edition::V2021)) {
        std::cmp::Ordering::Greater => Edition::V2019,
        std::cmp::Ordering::Less => Edition::V2021,
        std::cmp::Ordering::Equal => hint.unwrap_or(Edition::V2021),
    };
    let template = Template::of(edition).t3_rows;
    let row_of = |l: &Labelled| l.rows[edition];
    // The table runs from the first run whose label names a row exactly to the last
    // run whose label names one.
    let first = labelled
        .iter()
        .position(|l| matches!(row_of(l), Some((_, Match::Exact))));
    let last = labelled.iter().rposition(|l| row_of(l).is_some());
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let shape = [Group {
        cells: T3_CELLS,
        summed: true,
    }];
    // Each row's search is bounded; so is the number of rows searched.
    let most = MAX_ROWS.min(last + 1 - first);
    if last + 1 - first > most {
        let span = labelled.get(first + most).map(|l| l.run.span);
        ctx.note(
            NoteKind::AmbiguousSplit,
            Text::new(
                format!(
                    "表三：各行中有 {} 串连在一起的数字，多于 {MAX_ROWS} 串；第 {MAX_ROWS} 串之后的未读",
                    last + 1 - first
                ),
                format!(
                    "table 三: {} runs of digits stand among its rows, more than {MAX_ROWS}; those after the {MAX_ROWS}th were not read",
                    last + 1 - first
                ),
            ),
            span,
        );
    }
    let mut rows: Vec<(Option<usize>, Found<'i>)> = Vec::new();
    for l in labelled.into_iter().skip(first).take(most) {
        let row = row_of(&l).map(|(j, _)| j);
        let name = match row.and_then(|j| template.get(j)) {
            Some(r) => Text::new(
                format!("表三 {} 行", r.key),
                format!("table 三, row {}", r.key),
            ),
            None => Text::new(
                "表三中行名不对应模板任何一行的一行",
                "table 三, a row whose label names no row of the template",
            ),
        };
        let (splits, blanks) = if l.run.decimal || row.is_none() {
            (Splits::Found(Vec::new()), Splits::Found(Vec::new()))
        } else {
            (
                splits(&l.run.digits, &shape, &l.run.cuts),
                blank_splits(&l.run.digits, &shape, &l.run.cuts),
            )
        };
        rows.push((
            row,
            Found {
                label: cell(text, l.label),
                before: None,
                run: l.run,
                name,
                splits,
                blanks,
            },
        ));
    }
    let readings: Vec<Option<Readings>> = rows.iter().map(|(_, f)| readings(f)).collect();
    let named: Vec<Option<usize>> = rows.iter().map(|(row, _)| *row).collect();
    let sums = equations(&named, template);
    let verdicts = resolve(&readings, &sums);
    let mut out = Vec::new();
    for (((_, f), r), verdict) in rows.iter().zip(&readings).zip(verdicts) {
        let lengths = match (&f.splits, r, &verdict) {
            (Splits::Found(s), Some(r), Verdict::Read(k)) => {
                r.split.get(*k).copied().flatten().and_then(|j| s.get(j))
            }
            _ => None,
        };
        match (lengths, verdict) {
            (Some(lengths), _) => {
                let mut cells = vec![f.label];
                cells.extend(run_cells(text, &f.run, lengths));
                out.push(text_row(cells));
            }
            (None, verdict) => {
                let said = match verdict {
                    Verdict::Read(_) => Some(Text::new(
                        "其数字只能读成含空白单元格的读法，而看不出哪一格空白",
                        "its digits leave only readings with a blank cell, and which cell is blank cannot be told",
                    )),
                    Verdict::Blank(_, names) => Some(Text::new(
                        format!(
                            "列和 {} 只有此行含空白单元格时才成立，可见丢了一个空白单元格（空白单元格不留数字），而看不出哪一格空白",
                            names.zh
                        ),
                        format!(
                            "the column sum {} holds only with a blank cell in this row, so a blank cell (which leaves no digit) was lost, and which cell is blank cannot be told",
                            names.en
                        ),
                    )),
                    Verdict::Fails(names) => Some(Text::new(
                        format!(
                            "列和 {} 在任何相符的拆法下都不成立：可能丢了空白单元格（空白单元格不留数字），也可能报告有笔误",
                            names.zh
                        ),
                        format!(
                            "the column sum {} does not hold with any split that fits: a blank cell (which leaves no digit) may have been lost, or the report has a typo",
                            names.en
                        ),
                    )),
                    Verdict::Open(n, names) => Some(Text::new(
                        format!(
                            "列和 {} 留下此行 {n} 种读法未定（空白单元格不留数字）",
                            names.zh
                        ),
                        format!(
                            "the column sum {} leaves {n} of its readings open (a blank cell leaves no digit)",
                            names.en
                        ),
                    )),
                    Verdict::Alone => None,
                };
                let why = why(f, T3_CELLS);
                let why = match said {
                    Some(said) => Text::new(
                        format!("{}；{}", said.zh, why.zh),
                        format!("{}; {}", said.en, why.en),
                    ),
                    None => why,
                };
                leave(ctx, TableId::T3, f, why);
            }
        }
    }
    out
}

/// Most combinations of the open rows' splits tried against the column sums.
const MAX_COMBINATIONS: usize = 4096;

/// A sum down each column of table 三, over rows by their place among the rows read:
/// the rows of `plus` add up to the rows of `minus`.
pub(crate) struct Equation {
    plus: Vec<usize>,
    minus: Vec<usize>,
    /// The sum, for a person.
    name: (&'static str, &'static str),
}

impl Equation {
    fn names(&self, i: usize) -> bool {
        self.plus.contains(&i) || self.minus.contains(&i)
    }

    /// Whether the sum holds in every column, each row's values given by `value`.
    fn holds(&self, value: impl Fn(usize, usize) -> u64) -> bool {
        (0..T3_CELLS).all(|col| self.holds_in(col, &value))
    }

    /// Whether the sum holds in column `col`, each row's values given by `value`.
    fn holds_in(&self, col: usize, value: impl Fn(usize, usize) -> u64) -> bool {
        let p: u64 = self.plus.iter().map(|&i| value(i, col)).sum();
        let m: u64 = self.minus.iter().map(|&i| value(i, col)).sum();
        p == m
    }

    /// Whether the sum holds in every column where `value` tells each of its rows'
    /// values (`None`: not told, and the column is passed over).
    pub(crate) fn holds_where_told(&self, value: impl Fn(usize, usize) -> Option<u64>) -> bool {
        (0..T3_CELLS).all(|col| {
            let side = |rows: &[usize]| -> Option<u64> {
                rows.iter()
                    .map(|&i| value(i, col))
                    .try_fold(0u64, |s, v| s.checked_add(v?))
            };
            match (side(&self.plus), side(&self.minus)) {
                (Some(p), Some(m)) => p == m,
                _ => true,
            }
        })
    }
}

/// The sums down table 三's columns that hold among `rows` (the template row each
/// names): （七）总计 = the result rows, and 一 + 二 = （七） + 四; none when a row is
/// named twice, and only those whose rows are all there.
pub(crate) fn equations(rows: &[Option<usize>], template: &[RowDef]) -> Vec<Equation> {
    // Where each template row stands among `rows`.
    let mut at: Vec<Option<usize>> = vec![None; template.len()];
    for (i, row) in rows.iter().enumerate() {
        if let Some(j) = *row {
            match at.get_mut(j) {
                Some(slot @ None) => *slot = Some(i),
                _ => return Vec::new(),
            }
        }
    }
    let by_key = |key: &str| {
        template
            .iter()
            .position(|r| r.key == key)
            .and_then(|j| at.get(j).copied().flatten())
    };
    let by_row = |row: T3Row| by_key(row.as_str());
    let mut out = Vec::new();
    let results: Option<Vec<usize>> = template
        .iter()
        .filter(|r| T3Row::adds_to_results_total(r.key))
        .map(|r| by_key(r.key))
        .collect();
    if let (Some(plus), Some(total)) = (results, by_row(T3Row::RESULTS_TOTAL)) {
        out.push(Equation {
            plus,
            minus: vec![total],
            name: ("（七）总计 = 各结果行之和", "（七）总计 = the result rows"),
        });
    }
    if let (Some(n), Some(c), Some(t), Some(f)) = (
        by_row(T3Row::NEW_RECEIVED),
        by_row(T3Row::CARRIED_OVER),
        by_row(T3Row::RESULTS_TOTAL),
        by_row(T3Row::CARRIED_FORWARD),
    ) {
        out.push(Equation {
            plus: vec![n, c],
            minus: vec![t, f],
            name: ("一 + 二 = （七）总计 + 四", "一 + 二 = （七）总计 + 四"),
        });
    }
    out
}

/// A row's readings for the sums down the columns: each set of values its digits can
/// be (a blank cell counted as 0), the splits without a blank first, and for each the
/// split without a blank it is (none for a reading with a blank cell).
pub(crate) struct Readings {
    pub values: Vec<Vec<u64>>,
    pub split: Vec<Option<usize>>,
}

/// A row's readings, when every split of it is known (with and without blank cells)
/// and one fits at least.
fn readings(f: &Found<'_>) -> Option<Readings> {
    let (Splits::Found(free), Splits::Found(blank)) = (&f.splits, &f.blanks) else {
        return None;
    };
    let mut r = Readings {
        values: Vec::new(),
        split: Vec::new(),
    };
    for (k, l) in free.iter().enumerate() {
        r.values.push(values(&f.run.digits, l));
        r.split.push(Some(k));
    }
    for l in blank {
        let v = values(&f.run.digits, l);
        if !r.values.contains(&v) {
            r.values.push(v);
            r.split.push(None);
        }
    }
    (!r.values.is_empty()).then_some(r)
}

/// The names of `sums`, for a note: `A和B`, `A and B`.
fn sum_names(sums: &[&Equation]) -> Text {
    let zh: Vec<&str> = sums.iter().map(|e| e.name.0).collect();
    let en: Vec<&str> = sums.iter().map(|e| e.name.1).collect();
    Text::new(zh.join("和"), en.join(" and "))
}

/// What the sums down the columns say of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Its reading (by index among its readings) is the only one the sums leave, or
    /// its only one.
    Read(usize),
    /// No reading of the rows the named sums take in holds them.
    Fails(Text),
    /// The named sums leave this one reading (by index), which has a blank cell.
    Blank(usize, Text),
    /// The named sums leave this many readings.
    Open(usize, Text),
    /// Not decided by any sum (not all of a sum's rows have all their readings known,
    /// or too many combinations), and more than one reading fits, or none.
    Alone,
}

/// How many readings row `i` has (none where it has none known).
fn count_of(readings: &[Option<Readings>], i: usize) -> usize {
    readings
        .get(i)
        .and_then(Option::as_ref)
        .map_or(0, |r| r.values.len())
}

/// Row `i`'s value in column `col`, where the open rows `open` take the readings
/// `pick` (the others their one).
fn value_of(
    readings: &[Option<Readings>],
    open: &[usize],
    pick: &[usize],
    i: usize,
    col: usize,
) -> u64 {
    let k = open
        .iter()
        .position(|&o| o == i)
        .and_then(|p| pick.get(p))
        .copied()
        .unwrap_or(0);
    readings
        .get(i)
        .and_then(Option::as_ref)
        .and_then(|r| r.values.get(k))
        .and_then(|v| v.get(col))
        .copied()
        .unwrap_or(0)
}

/// The sums whose rows all have their readings known, the rows they name, and those
/// of them with more than one reading; `None` where no sum is usable or the
/// combinations of the open rows' readings are more than [`MAX_COMBINATIONS`].
struct Combined<'e> {
    usable: Vec<&'e Equation>,
    named: Vec<usize>,
    open: Vec<usize>,
}

/// [`Combined`] of `readings` under `equations`.
fn combined<'e>(readings: &[Option<Readings>], equations: &'e [Equation]) -> Option<Combined<'e>> {
    let count = |i: usize| count_of(readings, i);
    let usable: Vec<&Equation> = equations
        .iter()
        .filter(|e| e.plus.iter().chain(&e.minus).all(|&i| count(i) > 0))
        .collect();
    let named: Vec<usize> = (0..readings.len())
        .filter(|&i| usable.iter().any(|e| e.names(i)))
        .collect();
    let open: Vec<usize> = named.iter().copied().filter(|&i| count(i) > 1).collect();
    let combinations = open
        .iter()
        .try_fold(1usize, |n, &i| n.checked_mul(count(i)))
        .filter(|&n| n <= MAX_COMBINATIONS);
    (!named.is_empty() && combinations.is_some()).then_some(Combined {
        usable,
        named,
        open,
    })
}

/// Calls `f` with every combination of picks, one below `sizes[d]` at each place `d`
/// (an odometer, the first place turning fastest); once with none where `sizes` is
/// empty.
fn each_pick(sizes: &[usize], mut f: impl FnMut(&[usize])) {
    let mut pick: Vec<usize> = vec![0; sizes.len()];
    loop {
        f(&pick);
        let mut d = 0;
        while let Some(p) = pick.get_mut(d) {
            *p += 1;
            if *p < sizes.get(d).copied().unwrap_or(0) {
                break;
            }
            *p = 0;
            d += 1;
        }
        if d == pick.len() {
            break;
        }
    }
}

/// The columns of table 三 in which no combination of the rows' readings makes every
/// sum down the columns hold (the sums whose rows all have readings known): a value
/// read in such a column, in a row with one reading, is not what the page holds, or
/// the report does not add up. Empty where no sum is usable or the combinations are
/// too many.
pub(crate) fn failing_columns(readings: &[Option<Readings>], equations: &[Equation]) -> Vec<usize> {
    let Some(Combined { usable, open, .. }) = combined(readings, equations) else {
        return Vec::new();
    };
    let sizes: Vec<usize> = open.iter().map(|&i| count_of(readings, i)).collect();
    let mut holds = [false; T3_CELLS];
    each_pick(&sizes, |pick| {
        let value = |i: usize, col: usize| value_of(readings, &open, pick, i, col);
        for (col, h) in holds.iter_mut().enumerate() {
            *h |= usable.iter().all(|e| e.holds_in(col, value));
        }
    });
    (0..T3_CELLS)
        .filter(|&col| !holds.get(col).copied().unwrap_or(true))
        .collect()
}

/// What the sums down the columns say of each row: a row is read only when one
/// reading is left of it by every combination of the rows' readings (blank cells
/// counted as 0) that the sums hold for. The rows of sums that no combination holds
/// for are not read at all: a wrong split (or a blank cell gone) would hide there.
pub(crate) fn resolve(readings: &[Option<Readings>], equations: &[Equation]) -> Vec<Verdict> {
    let count = |i: usize| count_of(readings, i);
    let mut verdicts: Vec<Verdict> = (0..readings.len())
        .map(|i| match count(i) {
            1 => Verdict::Read(0),
            _ => Verdict::Alone,
        })
        .collect();
    let Some(Combined {
        usable,
        named,
        open,
    }) = combined(readings, equations)
    else {
        return verdicts;
    };
    // Every combination of the open rows' readings: which the sums hold for, and
    // which sums hold for some combination.
    let mut seen: Vec<Vec<bool>> = open.iter().map(|&i| vec![false; count(i)]).collect();
    let mut held = vec![false; usable.len()];
    let mut any = false;
    let sizes: Vec<usize> = open.iter().map(|&i| count(i)).collect();
    each_pick(&sizes, |pick| {
        let value = |i: usize, col: usize| value_of(readings, &open, pick, i, col);
        let holds: Vec<bool> = usable.iter().map(|e| e.holds(value)).collect();
        for (h, now) in held.iter_mut().zip(&holds) {
            *h |= now;
        }
        if holds.iter().all(|&h| h) {
            any = true;
            for (s, &k) in seen.iter_mut().zip(pick) {
                if let Some(slot) = s.get_mut(k) {
                    *slot = true;
                }
            }
        }
    });
    if !any {
        // The sums no combination holds for (all, if each holds alone but not together).
        let mut failing: Vec<&Equation> = usable
            .iter()
            .zip(&held)
            .filter(|(_, &h)| !h)
            .map(|(e, _)| *e)
            .collect();
        if failing.is_empty() {
            failing = usable;
        }
        let names = sum_names(&failing);
        for i in named
            .iter()
            .filter(|&&i| failing.iter().any(|e| e.names(i)))
        {
            if let Some(v) = verdicts.get_mut(*i) {
                *v = Verdict::Fails(names.clone());
            }
        }
        return verdicts;
    }
    for (&i, s) in open.iter().zip(&seen) {
        let kept: Vec<usize> = s
            .iter()
            .enumerate()
            .filter(|(_, &b)| b)
            .map(|(k, _)| k)
            .collect();
        let names = usable
            .iter()
            .filter(|e| e.names(i))
            .copied()
            .collect::<Vec<_>>();
        let names = sum_names(&names);
        let blank = |k: usize| {
            readings
                .get(i)
                .and_then(Option::as_ref)
                .and_then(|r| r.split.get(k))
                .is_some_and(Option::is_none)
        };
        if let Some(v) = verdicts.get_mut(i) {
            *v = match kept.as_slice() {
                [k] if blank(*k) => Verdict::Blank(*k, names),
                [k] => Verdict::Read(*k),
                _ => Verdict::Open(kept.len(), names),
            };
        }
    }
    verdicts
}

#[cfg(test)]
mod tests;
