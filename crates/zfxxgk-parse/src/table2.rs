//! Table 二: sub-tables headed 第二十条第（X）项, each with a header row (信息内容 and its
//! columns) and rows whose labels are fixed words (规章, 行政许可 …). The edition is told
//! by the header words, the rows present, and how many values the rows carry.

use std::rc::Rc;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use zfxxgk_lex::{display_width, Cell as LexCell};
use zfxxgk_model::{
    CellKey, ColumnDef, Edition, NoteKind, PerEdition, Placement, Table, TableId, Template, Text,
};

use crate::columns;
use crate::labels::{
    column_match, names_t2_column, t2_row, t2_row_cut, t2_row_runs_on, t2_rows_begun,
};
use crate::ledger::{fit, split, Ledger};
use crate::normalize::{char_bits, fold, fold_onto, item_number};
use crate::number::is_blank;
use crate::overflow;
use crate::rows::TableRow;
use crate::split::Group;
use crate::vanished::decide;

/// Each edition's header words (`Template::t2_header_words`), with the bits of their
/// characters (`char_bits`) and a finder, built once per process.
static HEADER_WORDS: LazyLock<PerEdition<Vec<(u64, Finder<'static>)>>> = LazyLock::new(|| {
    PerEdition::from_fn(|e| {
        Template::of(e)
            .t2_header_words
            .iter()
            .map(|w| (char_bits(w.chars()), Finder::new(*w)))
            .collect()
    })
});

/// The row a label names, and its sub-table's item.
type WrappedRow = Option<(&'static zfxxgk_model::RowDef, u8)>;

/// Rows whose label a narrow cell wrapped around their line of values, joined: a line
/// of label text, then, as the next two lines, one line of values alone and the rest of
/// the label, in either order (LibreOffice's `其他对外管理服务事` / `633 -6 241` / `项`
/// in `pdftotext -layout`, `…事` / `项` / `633 -6 241` with `-raw`). They are one row
/// only where the two pieces of label, in order, are one row's wording that neither is
/// alone, and the line holds as many values as that row has columns in every edition
/// that has it. The joined row keeps the label's first piece as its one label cell,
/// and the row it names is given beside it. `None` where no rows are so joined.
fn wrapped_labels<'i>(rows: &[TableRow<'i>]) -> Option<(Vec<TableRow<'i>>, Vec<WrappedRow>)> {
    // Each row once: the label text of a line of text alone, or the values of a line
    // of values alone.
    let lines: Vec<(Option<String>, Option<Vec<LexCell<'i>>>)> = rows
        .iter()
        .map(|tr| {
            let s = split(&tr.row);
            match (s.labels.is_empty(), s.values.is_empty()) {
                _ if tr.padded => (None, None),
                (false, true) => (Some(s.labels.concat()), None),
                (true, false) => (None, Some(s.values)),
                _ => (None, None),
            }
        })
        .collect();
    let mut out: Option<(Vec<TableRow<'i>>, Vec<WrappedRow>)> = None;
    let mut i = 0;
    while i < rows.len() {
        let joined = lines.get(i..i + 3).and_then(|three| {
            let first = three[0].0.as_deref()?;
            let (v, rest) = match (&three[1].1, &three[2].1) {
                (Some(v), None) => (v, &three[2].0),
                (None, Some(v)) => (v, &three[1].0),
                _ => return None,
            };
            let rest = rest.as_deref()?;
            if t2_row(first).is_some() || t2_row(rest).is_some() {
                return None;
            }
            let (def, item) = t2_row(&format!("{first}{rest}"))?;
            // As many values as the row's columns, or fewer where each stands by
            // position (a blank cell among them: placed under the header).
            let columns = t2_columns(item, def.key);
            let positioned = v.iter().all(|c| c.x.is_some());
            if !Edition::ALL
                .iter()
                .filter_map(|&e| columns[e])
                .all(|n| n == v.len() || (positioned && v.len() < n))
            {
                return None;
            }
            let three = rows.get(i..i + 3)?;
            let label = three[0].row.cells.first().copied();
            let cells: Vec<LexCell<'i>> = label.into_iter().chain(v.iter().copied()).collect();
            let start = three.iter().map(|t| t.row.span.start).min()?;
            let end = three.iter().map(|t| t.row.span.end).max()?;
            let row = crate::rows::Row {
                cells,
                span: zfxxgk_lex::Span::new(start, end),
            };
            let tr = TableRow {
                row,
                from_text: three.iter().all(|t| t.from_text),
                overflow: Box::default(),
                padded: false,
            };
            Some((tr, Some((def, item))))
        });
        let before = || {
            let kept = rows.get(..i).unwrap_or_default();
            (kept.to_vec(), vec![None; kept.len()])
        };
        match joined {
            Some((tr, named)) => {
                let (o, n) = out.get_or_insert_with(before);
                o.push(tr);
                n.push(named);
                i += 3;
            }
            None => {
                if let (Some((o, n)), Some(tr)) = (out.as_mut(), rows.get(i)) {
                    o.push(tr.clone());
                    n.push(None);
                }
                i += 1;
            }
        }
    }
    out
}

/// Whether the first label of a row was cut in the middle of a character (U+FFFD right
/// after it, as Debian html2text writes it): it was cut short for certain.
fn cut_mid_character(text: &str, tr: &TableRow<'_>) -> bool {
    tr.row
        .cells
        .iter()
        .find(|c| !c.text.trim().is_empty())
        .and_then(|c| text.get(c.span.end..))
        .is_some_and(|after| after.starts_with(overflow::CUT))
}

/// Rows of Debian html2text's padded grid whose labels were cut so short that they
/// begin more than one row of their sub-table (`行政�` of 行政处罚 and 行政强制), named
/// by their order: the template's rows of a sub-table stand in its order. Only where
/// every row of the sub-table (those whose label begins one of its rows) is padded,
/// they are as many as the template's rows, and each begins the row of its rank, in
/// every edition that so fits, alike; a row whose label names one row for certain
/// counts among them and must name the row of its rank. `None` for every other row.
fn ordered_cut_labels(text: &str, rows: &[TableRow<'_>]) -> Vec<WrappedRow> {
    let mut named: Vec<WrappedRow> = vec![None; rows.len()];
    // The rows of the sub-table at hand: index, and the rows its label begins.
    let mut segment: Vec<(usize, Vec<&'static str>)> = Vec::new();
    let mut item_now = None;
    let mut joined = String::new();
    let mut close = |item: Option<u8>, segment: &mut Vec<(usize, Vec<&'static str>)>| {
        let Some(item) = item.filter(|_| !segment.is_empty()) else {
            segment.clear();
            return;
        };
        let fitting: Vec<&'static [zfxxgk_model::RowDef]> = Edition::ALL
            .iter()
            .filter_map(|&e| Template::of(e).t2_subtable(item))
            .map(|sub| sub.rows)
            .filter(|defs| {
                defs.len() == segment.len()
                    && defs
                        .iter()
                        .zip(segment.iter())
                        .all(|(d, (_, begun))| begun.contains(&d.key))
            })
            .collect();
        let agree = fitting.windows(2).all(|w| match w {
            [a, b] => a.iter().map(|d| d.key).eq(b.iter().map(|d| d.key)),
            _ => true,
        });
        if let (Some(defs), true) = (fitting.first(), agree) {
            for (d, (k, _)) in defs.iter().zip(segment.iter()) {
                if let Some(slot) = named.get_mut(*k) {
                    *slot = Some((d, item));
                }
            }
        }
        segment.clear();
    };
    for (k, tr) in rows.iter().enumerate() {
        joined.clear();
        for c in &tr.row.cells {
            fold_onto(c.text, &mut joined);
        }
        if let Some(item) = item_of(&joined) {
            close(item_now, &mut segment);
            item_now = Some(item);
            continue;
        }
        let (Some(item), s) = (item_now, split(&tr.row)) else {
            continue;
        };
        let Some(label) = s.labels.first() else {
            continue;
        };
        let begun: Vec<&'static str> = match t2_row(label) {
            Some((def, i)) if i == item => vec![def.key],
            _ => t2_rows_begun(label, item, cut_mid_character(text, tr))
                .into_iter()
                .map(|(_, d)| d.key)
                .collect(),
        };
        if begun.is_empty() {
            continue;
        }
        if !tr.padded {
            // Not Debian html2text's grid: nothing here is named by its order.
            item_now = None;
            segment.clear();
            continue;
        }
        segment.push((k, begun));
    }
    close(item_now, &mut segment);
    named
}

/// A header's cells, a cell holding several column names a single space apart
/// (`本年制发件数 本年废止件数 现行有效件数`: lynx and `pdftotext -layout` leave one
/// space between narrow header cells) cut into a cell a name, each where it stands
/// on its line, where every word names a column of table 二; other cells as they are.
fn header_words<'i>(cells: &[LexCell<'i>]) -> Vec<LexCell<'i>> {
    let mut out = Vec::with_capacity(cells.len());
    for c in cells {
        let words: Vec<(usize, &'i str)> = c
            .text
            .split(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .filter(|(_, w)| !w.is_empty())
            .collect();
        if words.len() < 2 || !words.iter().all(|(_, w)| names_t2_column(w)) {
            out.push(*c);
            continue;
        }
        for (off, w) in words {
            let before = c.text.get(..off).unwrap_or_default();
            let x = c.x.map(|(s, _)| {
                let start = s.saturating_add(display_width(before));
                (start, start.saturating_add(display_width(w)))
            });
            out.push(LexCell {
                text: w,
                span: zfxxgk_lex::Span::new(c.span.start + off, c.span.start + off + w.len()),
                x,
            });
        }
    }
    out
}

/// Whether `c` stands apart on its line: two spaces or more, or the line's edge, on
/// each side (a run of words of its own in `pdftotext -layout`, which sets the words
/// of one run a single space apart).
fn stands_apart(text: &str, c: &LexCell<'_>) -> bool {
    columns::begins_run(text, c) && columns::ends_run(text, c)
}

/// `c` with the display columns it covers on its line, counted from the line's start:
/// a cell of running text has none of its own.
fn on_its_line<'i>(text: &str, c: &LexCell<'i>) -> LexCell<'i> {
    let x = columns::line_before(text, c.span.start).map(|line| {
        let start = display_width(line);
        (start, start.saturating_add(display_width(c.text)))
    });
    LexCell { x, ..*c }
}

/// Whether the folded text `f`, whose characters have the bits `bits`, holds a header
/// word only `edition` uses.
fn has_header_word(f: &str, bits: u64, edition: Edition) -> bool {
    HEADER_WORDS[edition]
        .iter()
        .any(|(w, finder)| w & bits == *w && finder.find(f.as_bytes()).is_some())
}

/// The edition the folded text `f` names by its header words, if only one.
pub(crate) fn header_edition(f: &str) -> Option<Edition> {
    let bits = char_bits(f.chars());
    let mut named = Edition::ALL
        .into_iter()
        .filter(|&e| has_header_word(f, bits, e));
    match (named.next(), named.next()) {
        (Some(e), None) => Some(e),
        _ => None,
    }
}

/// The edition a row of sub-table `item` votes for, from the two templates: a row only
/// one edition has votes for that edition; a row both have, with more columns in one,
/// votes for the wider edition when it shows two numbers or more, and for the edition
/// of one column when it shows one value (of `values`, blanks counted).
fn row_vote(item: u8, row: &str, numbers: usize, values: usize) -> Option<Edition> {
    let columns = t2_columns(item, row);
    let (old, new) = (Edition::V2019, Edition::V2021);
    match (columns[old], columns[new]) {
        (Some(_), None) => Some(old),
        (None, Some(_)) => Some(new),
        (Some(a), Some(b)) if a != b => {
            let (wide, narrow, narrow_columns) = if a > b { (old, new, b) } else { (new, old, a) };
            if numbers >= 2 {
                Some(wide)
            } else if values == 1 && narrow_columns == 1 {
                Some(narrow)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// How many columns row `row` of sub-table `item` has in each edition; `None` in an
/// edition without that row.
fn t2_columns(item: u8, row: &str) -> PerEdition<Option<usize>> {
    PerEdition::from_fn(|e| {
        Template::of(e)
            .t2_subtable(item)
            .filter(|sub| sub.rows.iter().any(|r| r.key == row))
            .map(|sub| sub.columns.len())
    })
}

struct DataRow<'i> {
    key: &'static str,
    item: u8,
    values: Vec<LexCell<'i>>,
    header: Option<Vec<String>>,
    /// Where the header's cells stand, shared by the rows under it.
    header_at: Rc<HeaderAt>,
    span: zfxxgk_lex::Span,
    /// Whether the row is a line of running text (reading-order text, where a blank
    /// cell leaves nothing).
    from_text: bool,
    /// The numbers read before the rest of the label that ran on into the row's value
    /// cells, and the rests ([`crate::overflow`]): empty for most rows.
    tails: Vec<(&'i str, &'i str)>,
    /// Where the value cells stand that hold nothing but a label's rest: their value
    /// is not told, and they are not read.
    untold: Vec<usize>,
    /// Whether the row is its label alone, whole (a row's own wording), on a line of
    /// a table whose cells stand by position (a PDF's words, `pdftotext -layout`):
    /// nothing stands under any of its columns.
    bare: bool,
}

/// Where a header's column cells stand, when the layout gives positions: in display
/// columns, and counted in characters ([`columns::in_chars`]); and the same of its
/// column names ([`header_words`]: a cell of several names a single space apart cut
/// into one a name), which tell how to count positions where the full rows stand under
/// them one way only (lynx pads a CJK line by characters, `pdftotext -layout` by
/// display columns), but do not place values: a name is set flush left in its cell.
#[derive(Default)]
struct HeaderAt {
    x: Option<Vec<columns::Range>>,
    chars: Option<Vec<columns::Range>>,
    words_x: Option<Vec<columns::Range>>,
    words_chars: Option<Vec<columns::Range>>,
    /// A header read as running text (its line apart from the table's block: no
    /// positions of its own): its names where they stand on their line, in display
    /// columns and in characters. Only a witness of a row [`columns::flush_with`]
    /// its full rows (see `build`), never a placement of its own.
    line_x: Option<Vec<columns::Range>>,
    line_chars: Option<Vec<columns::Range>>,
}

/// The pieces of a header's names that a table standing by position wraps onto the
/// lines just above and below its `信息内容` row (`rows[k]`): LibreOffice's PDF sets
/// `上一年项目数` over and `量` under the row that holds `本年增/减`. Such a line is
/// words only, each standing right of `信息内容` (a label's piece stands under it),
/// none a sub-table's heading, a row's label or a value.
fn wrapped_header<'i>(rows: &[TableRow<'i>], k: usize) -> Vec<LexCell<'i>> {
    let Some(info_end) = rows
        .get(k)
        .and_then(|r| r.row.cells.first())
        .and_then(|c| c.x)
        .map(|x| x.1)
    else {
        return Vec::new();
    };
    let piece = |c: &LexCell<'_>| {
        c.x.is_some_and(|x| x.0 >= info_end)
            && crate::number::kind(c.text) == crate::number::Kind::Text
            && item_of(&fold(c.text)).is_none()
            && t2_row(c.text).is_none()
    };
    [k.checked_sub(1), k.checked_add(1)]
        .into_iter()
        .flatten()
        .filter_map(|j| rows.get(j))
        .filter(|r| !r.row.cells.is_empty() && r.row.cells.iter().all(piece))
        .flat_map(|r| r.row.cells.iter().copied())
        .collect()
}

/// Ranges sorted and those that overlap merged: a name's pieces on several lines
/// are one column.
fn merged(mut ranges: Vec<columns::Range>) -> Vec<columns::Range> {
    ranges.sort_unstable();
    let mut out: Vec<columns::Range> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.0 < last.1 => last.1 = last.1.max(r.1),
            _ => out.push(r),
        }
    }
    out
}

/// `第二十条第（五）项` → 5.
pub(crate) fn item_of(folded: &str) -> Option<u8> {
    static ARTICLE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("第二十条"));
    let at = ARTICLE.find(folded.as_bytes())?;
    let rest = &folded[at + "第二十条".len()..];
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(')')?;
    item_number(&inner[..close])
}

pub(crate) fn build(
    ctx: &mut Ledger<'_>,
    rows: &[TableRow<'_>],
    hint: Option<Edition>,
) -> Option<Table> {
    let mut items = Vec::new();
    let mut header: Option<Vec<String>> = None;
    // Shared by the rows under the header: a copy a row would weigh on long tables.
    let mut header_at: Rc<HeaderAt> = Rc::default();
    let mut data: Vec<DataRow<'_>> = Vec::new();
    let mut votes: PerEdition<i32> = PerEdition::default();
    let mut first = None;
    let mut last = 0;
    let mut joined = String::new();
    // The sub-table of the rows at hand: a label cut short is looked for among its rows.
    let mut item_now = None;
    let rewrapped = wrapped_labels(rows);
    let (rows, named) = match &rewrapped {
        Some((rows, named)) => (&rows[..], &named[..]),
        None => (rows, &[][..]),
    };
    let ordered = ordered_cut_labels(ctx.text, rows);
    for (k, tr) in rows.iter().enumerate() {
        let row = &tr.row;
        joined.clear();
        for c in &row.cells {
            fold_onto(c.text, &mut joined);
        }
        if let Some(item) = item_of(&joined) {
            if !items.contains(&item) {
                items.push(item);
            }
            item_now = Some(item);
            header = None;
            header_at = Rc::default();
            first.get_or_insert(row.span.start);
            last = row.span.end;
            continue;
        }
        if joined.starts_with("信息内容") {
            // `信息内容 | 本年制发件数 | …`, or all in one cell when the spaces were lost.
            let cols: Vec<String> = if row.cells.len() > 1 {
                row.cells.iter().skip(1).map(|c| fold(c.text)).collect()
            } else {
                vec![joined
                    .strip_prefix("信息内容")
                    .unwrap_or_default()
                    .to_string()]
            };
            for c in &cols {
                let bits = char_bits(c.chars());
                for e in Edition::ALL {
                    votes[e] += i32::from(has_header_word(c, bits, e));
                }
            }
            header = Some(cols);
            let cells = row.cells.get(1..).unwrap_or_default();
            let words = header_words(cells);
            // Names wrapped onto the lines above and below stand in columns too.
            let wrapped = wrapped_header(rows, k);
            let all: Vec<LexCell<'_>> = cells.iter().chain(&wrapped).copied().collect();
            let line: Vec<LexCell<'_>> = if tr.from_text {
                words.iter().map(|c| on_its_line(ctx.text, c)).collect()
            } else {
                Vec::new()
            };
            header_at = Rc::new(HeaderAt {
                x: columns::ranges(&all).map(merged),
                chars: columns::ranges(&columns::in_chars(ctx.text, &all)).map(merged),
                words_x: columns::ranges(&words),
                words_chars: columns::ranges(&columns::in_chars(ctx.text, &words)),
                line_x: columns::ranges(&line),
                line_chars: columns::ranges(&columns::in_chars(ctx.text, &line)),
            });
            continue;
        }
        // A row whose label ran on into its value cells is read with those cells cut to
        // their numbers, if the rest is its label's.
        let narrow = (!tr.overflow.is_empty()).then(|| overflow::narrowed(row, &tr.overflow));
        let s = split(narrow.as_ref().unwrap_or(row));
        let Some(label) = s.labels.first() else {
            continue;
        };
        let cut =
            || item_now.and_then(|item| t2_row_cut(label, item, cut_mid_character(ctx.text, tr)));
        let wrapped = named.get(k).copied().flatten();
        let by_order = || ordered.get(k).copied().flatten();
        let by_label = || {
            t2_row(label)
                .or_else(|| tr.padded.then(cut).flatten())
                .or_else(by_order)
        };
        let Some((def, item)) = wrapped.or_else(by_label) else {
            continue;
        };
        // The row's label alone, whole (a row's own wording), on a line of a table
        // whose cells stand by position, or on the line right after one (a table's
        // last row, its label alone, is no line of the table block).
        let by_x = |r: &TableRow<'_>| r.row.cells.iter().all(|c| c.x.is_some());
        let positioned = if tr.from_text {
            k.checked_sub(1)
                .and_then(|j| rows.get(j))
                .is_some_and(|p| !p.from_text && by_x(p))
        } else {
            by_x(tr)
        };
        let bare = s.values.is_empty()
            && s.labels.len() == 1
            && row.cells.len() == 1
            && positioned
            && t2_row(label).is_some_and(|(d, _)| d.key == def.key);
        // A line of running text is a row only with a value: a number, or a mark
        // that writes a blank (`行政许可 /`); a label alone is prose.
        if s.labels.len() > 1 || (tr.from_text && s.values.is_empty() && !bare) {
            continue;
        }
        let tails = overflow::tails(row, &tr.overflow);
        if !tails.is_empty() && !t2_row_runs_on(def, label, tails.iter().map(|t| t.1)) {
            ctx.unread_row(TableId::T2, row);
            let ran = overflow::Ran {
                tails: &tails,
                untold: false,
                read: false,
            };
            overflow::note(ctx, TableId::T2, def.key, &ran, row.span);
            continue;
        }
        let (values, above) = under_header(s.values, header.as_deref(), row.cells.len());
        if let Some(e) = row_vote(item, def.key, s.numbers, values.len()) {
            votes[e] += 1;
        }
        first.get_or_insert(row.span.start);
        last = row.span.end;
        data.push(DataRow {
            key: def.key,
            item,
            values,
            header: above,
            header_at: Rc::clone(&header_at),
            span: row.span,
            from_text: tr.from_text,
            tails,
            untold: overflow::untold(row, &tr.overflow),
            bare,
        });
    }
    if data.is_empty() && items.is_empty() {
        return None;
    }
    let edition = match votes[Edition::V2019].cmp(&votes[Edition::V2021]) {
        std::cmp::Ordering::Greater => Edition::V2019,
        std::cmp::Ordering::Less => Edition::V2021,
        std::cmp::Ordering::Equal => hint.unwrap_or(Edition::V2021),
    };
    let template = Template::of(edition);
    let mut cells = Vec::new();
    let mut named = Named::default();
    // Where the values of each row stand, when the layout gives every one a position:
    // a row with a blank must stand as the nearest rows that show every column do, or
    // its columns are not told.
    let positions: Vec<Option<Vec<columns::Range>>> = data
        .iter()
        .map(|d| {
            d.values
                .iter()
                .all(|c| c.x.is_some())
                .then(|| columns::ranges(&d.values))
                .flatten()
        })
        .collect();
    let item_of_row: Vec<u8> = data.iter().map(|d| d.item).collect();
    // Positions counted in characters where the rows that show every column stand
    // under their header so more often than by display columns (`pdftotext -layout`,
    // a CJK character one column wide).
    let chars = {
        let agree = |header: Option<&[columns::Range]>, values: &[LexCell<'_>]| {
            header.is_some_and(|h| {
                h.len() == values.len()
                    && columns::under(values, h)
                        .is_some_and(|ks| ks.iter().enumerate().all(|(i, &k)| i == k))
            })
        };
        // Where no header cell stands over each column, each value where its column's
        // name begins, one way of counting only (lynx sets a cell flush left, its line
        // padded by characters): merely standing under a name tells nothing, since
        // `pdftotext -layout` centres values under names set flush left.
        let begins = |header: Option<&[columns::Range]>, values: &[LexCell<'_>]| {
            header.is_some_and(|h| {
                h.len() == values.len()
                    && h.iter()
                        .zip(values)
                        .all(|(name, v)| v.x.is_some_and(|x| x.0 == name.0))
            })
        };
        // Each full row, with its values counted in characters too.
        let full: Vec<(&HeaderAt, &[LexCell<'_>], Vec<LexCell<'_>>)> = data
            .iter()
            .filter(|d| d.values.len() > 1 && d.values.iter().all(|c| c.x.is_some()))
            .map(|d| {
                let chars = columns::in_chars(ctx.text, &d.values);
                (&*d.header_at, &d.values[..], chars)
            })
            .collect();
        let (mut by_x, mut by_chars) = (0, 0);
        for (h, values, chars) in &full {
            by_x += usize::from(agree(h.x.as_deref(), values));
            by_chars += usize::from(agree(h.chars.as_deref(), chars));
        }
        if by_x == 0 && by_chars == 0 {
            for (h, values, chars) in &full {
                by_x += usize::from(begins(h.words_x.as_deref(), values));
                by_chars += usize::from(begins(h.words_chars.as_deref(), chars));
            }
        }
        // Where the header tells neither way: which way the full rows, one after
        // another, stand each value under the row before's (their labels' widths
        // shift them by display columns in `pdftotext -layout` text, not by
        // characters), if either does better.
        let rows_say = || {
            let shown: Vec<&[LexCell<'_>]> = full.iter().map(|f| f.1).collect();
            let counted: Vec<&[LexCell<'_>]> = full.iter().map(|f| &f.2[..]).collect();
            match columns::lined_up(&counted).cmp(&columns::lined_up(&shown)) {
                std::cmp::Ordering::Greater => Some(true),
                std::cmp::Ordering::Less => Some(false),
                std::cmp::Ordering::Equal => None,
            }
        };
        let count = if by_chars != by_x {
            Some(by_chars > by_x)
        } else {
            rows_say()
        };
        (by_chars > by_x, by_chars != by_x, count)
    };
    let (chars, told, count) = chars;
    // Counted in characters, the positions of each row: only a table with a short
    // row of positions (the one reader of these) pays for them.
    let short_row = data.iter().any(|d| {
        let n = template.t2_subtable(d.item).map_or(0, |s| s.columns.len());
        !d.values.is_empty() && d.values.len() < n && d.values.iter().all(|c| c.x.is_some())
    });
    let positions_chars: Vec<Option<Vec<columns::Range>>> = data
        .iter()
        .take_while(|_| short_row)
        .map(|d| {
            d.values
                .iter()
                .all(|c| c.x.is_some())
                .then(|| columns::ranges(&columns::in_chars(ctx.text, &d.values)))
                .flatten()
        })
        .collect();
    let positions_x = positions;
    // Whether each value of each row stands apart on its line (see `stands_apart`),
    // asked only of a table with a short row of positions.
    let apart: Vec<bool> = data
        .iter()
        .take_while(|_| short_row)
        .map(|d| d.values.iter().all(|c| stands_apart(ctx.text, c)))
        .collect();
    // Whether most rows that show values (at least half) show each within the span
    // of a header cell above it, counted one way or the other: a table whose cells
    // stand by position (a PDF's words, `pdftotext -layout`; a header wrapped over
    // lines may leave a sub-table's values under none of its cells), not lines of
    // running text whose spaces happen to line up (reading-order text set flush
    // left, its values after their labels). Nor is a table with a line of values
    // alone among its rows: a value set apart from its label (reading order, lynx)
    // may be the one a label alone lacks. Asked only of a table with such a row.
    let by_position = data.iter().any(|d| d.bare) && {
        let within = |values: &[LexCell<'_>], header: Option<&[columns::Range]>| {
            header.is_some_and(|h| {
                values.iter().all(|v| {
                    v.x.is_some_and(|x| h.iter().any(|&c| columns::overlaps(x, c)))
                })
            })
        };
        let shown: Vec<&DataRow<'_>> = data.iter().filter(|d| !d.values.is_empty()).collect();
        let under = shown
            .iter()
            .filter(|d| {
                within(&d.values, d.header_at.x.as_deref())
                    || within(
                        &columns::in_chars(ctx.text, &d.values),
                        d.header_at.chars.as_deref(),
                    )
            })
            .count();
        let loose = rows.iter().any(|tr| {
            let s = split(&tr.row);
            s.labels.is_empty() && !s.values.is_empty()
        });
        under > 0 && under * 2 >= shown.len() && !loose
    };
    for (i, d) in data.into_iter().enumerate() {
        // A row of the other edition (其他对外管理服务事项 in a 2021 table) has no place.
        let sub = template
            .t2_subtable(d.item)
            .filter(|sub| sub.rows.iter().any(|r| r.key == d.key));
        let Some(sub) = sub else {
            let row = crate::rows::Row {
                cells: d.values,
                span: d.span,
            };
            ctx.unplaced_row(TableId::T2, &row);
            continue;
        };
        // A row that shows its label alone where cells stand by position (every row
        // with values shows them under its header), under a header that shows its
        // columns: every cell is blank, written empty (a Word page's `&nbsp;` cell,
        // printed), unless a line of values alone beside it may hold them (a cell
        // wrapped onto a line of its own).
        if d.bare
            && by_position
            && d.header_at.x.is_some()
            && !crate::table3::values_beside(ctx.text, d.span, |_| false)
        {
            for col in sub.columns {
                if let Some(key) = CellKey::from_parts(TableId::T2, d.key, col.key) {
                    cells.push(ctx.invisible_blank(key, d.span.end, Placement::Position));
                }
            }
            continue;
        }
        let mut values = d.values;
        let extra = fit(&mut values, sub.columns.len());
        // A space-aligned row that shows fewer values than columns: each value goes
        // under the header cell it stands under, and the columns it leaves are blank.
        let n = sub.columns.len();
        if !values.is_empty() && values.len() < n && values.iter().all(|c| c.x.is_some()) {
            let references = |positions| {
                let full = nearest_full(positions, &item_of_row, i, n);
                full.into_iter().map(|(_, r)| r).collect::<Vec<_>>()
            };
            // The columns the header, counted one way, puts the values under.
            let header_puts = |at: &[LexCell<'_>], header: Option<&[columns::Range]>| {
                header.and_then(|h| columns::under(at, h.get(h.len().checked_sub(n)?..)?))
            };
            let in_chars = columns::in_chars(ctx.text, &values);
            let under_by = |chars: bool| {
                let (at_x, header_x, positions) = if chars {
                    (&in_chars, d.header_at.chars.as_deref(), &positions_chars)
                } else {
                    (&values, d.header_at.x.as_deref(), &positions_x)
                };
                let from_header = header_puts(at_x, header_x);
                // The nearest full rows of the sub-table above and below must agree
                // with the header (pdftotext -layout narrows a label, and a number can
                // stand under the wrong header while its neighbours show its column).
                let references = references(positions);
                // Without a header that shows each column, the full rows tell alone.
                let (under, by_rows) = match (&from_header, references.first()) {
                    (None, Some(first)) if header_x.is_none_or(|h| h.len() < n) => {
                        (columns::under(at_x, first), true)
                    }
                    _ => (from_header, false),
                };
                let agree = references
                    .iter()
                    .all(|reference| columns::under(at_x, reference) == under);
                (under.filter(|_| agree), by_rows)
            };
            // Where the full rows do not tell which way of counting lines the table up
            // and the row's columns come from full rows alone (its header one cell of
            // words a single space apart), counted the other way the values must
            // stand under the same columns, or not be told there at all: a row whose
            // label is wider or narrower than its neighbours' shifts its values by
            // display columns in `pdftotext -layout` text, and one way then puts a
            // value under the column before its own.
            let (under, by_rows) = under_by(chars);
            let under =
                under.filter(|u| told || !by_rows || under_by(!chars).0.is_none_or(|o| o == *u));
            // Where the header and the full rows place the row apart, or one of them
            // places nothing: counted in characters, each value begins or ends on the
            // very character column of a value of the nearest full rows of its
            // sub-table, or centres on it within half a column, every one of them
            // standing apart on its line, and neither a full row nor the header
            // (counted the way the table's full rows stand) puts them under other
            // columns.
            // `pdftotext -layout` (poppler's physical layout) sets each run of words a
            // line holds at a column of characters found by going left to right over
            // all of them: a run that stands wholly right of another, on any line, is
            // set after that one's last character. So two values on different lines
            // that begin, end or centre on one column of characters overlap on the
            // page, and stand in one column of the table. Display columns shift them
            // by their labels' widths (a CJK character is set one character wide),
            // and a header of CJK names is set narrower than it stands, so the header
            // may place nothing either way. A value standing apart (two spaces or a
            // line's edge each side) is a run of its own; values a space apart may be
            // one run, set by its first. lynx and the other converters that pad a
            // table by characters set a column's cells on one column too.
            let lined_up = || {
                if !apart.get(i).copied().unwrap_or(false) {
                    return None;
                }
                let full = nearest_full(&positions_chars, &item_of_row, i, n);
                let mut placed: Option<Vec<usize>> = None;
                for (k, reference) in &full {
                    if !apart.get(*k).copied().unwrap_or(false) {
                        continue;
                    }
                    match columns::flush_with(&in_chars, reference) {
                        Some(p) if placed.as_ref().is_none_or(|q| *q == p) => placed = Some(p),
                        Some(_) => return None,
                        None => {}
                    }
                }
                let placed = placed?;
                let elsewhere = full.iter().any(|(_, reference)| {
                    columns::under(&in_chars, reference).is_some_and(|p| p != placed)
                });
                // The header counted the way the full rows stand (under it, or under
                // each other), where they tell one (`pdftotext -layout`: in
                // characters), else both ways.
                let h = &d.header_at;
                let by_x =
                    [&h.x, &h.words_x, &h.line_x].map(|r| header_puts(&values, r.as_deref()));
                let by_chars = [&h.chars, &h.words_chars, &h.line_chars]
                    .map(|r| header_puts(&in_chars, r.as_deref()));
                let says: Vec<&Option<Vec<usize>>> = match count {
                    Some(true) => by_chars.iter().collect(),
                    Some(false) => by_x.iter().collect(),
                    None => by_x.iter().chain(&by_chars).collect(),
                };
                let against = says.into_iter().flatten().any(|p| *p != placed);
                (!elsewhere && !against).then_some(placed)
            };
            let under = under.or_else(lined_up);
            // A line of values alone next to the row may hold the rest of its values,
            // a cell wrapped onto a line of its own (lynx: `规章      2973` / `3260`):
            // the columns it leaves are then not told blank.
            let under =
                under.filter(|_| !crate::table3::values_beside(ctx.text, d.span, |_| false));
            let Some(under) = under else {
                let row = crate::rows::Row {
                    cells: values,
                    span: d.span,
                };
                ctx.unplaced_columns(TableId::T2, &row);
                continue;
            };
            ctx.stray(TableId::T2, &extra);
            let mut shown = under.iter().zip(&values).peekable();
            for (k, col) in sub.columns.iter().enumerate() {
                let here = shown.next_if(|&(&j, _)| j == k);
                let Some(key) = CellKey::from_parts(TableId::T2, d.key, col.key) else {
                    continue;
                };
                cells.push(match here {
                    Some((_, c)) => ctx.cell(key, c, Placement::Position),
                    None => ctx.invisible_blank(key, d.span.end, Placement::Position),
                });
            }
            continue;
        }
        // A line of running text that shows fewer values than columns, without
        // positions: its blank cells vanished, and table 二 has no sums to tell which.
        if d.from_text && !values.is_empty() && values.len() < n {
            ctx.stray(TableId::T2, &extra);
            vanished(ctx, &mut cells, (d.key, d.span), sub.columns, &values);
            continue;
        }
        ctx.stray(TableId::T2, &extra);
        if !d.tails.is_empty() {
            let ran = overflow::Ran {
                tails: &d.tails,
                untold: !d.untold.is_empty(),
                read: true,
            };
            overflow::note(ctx, TableId::T2, d.key, &ran, d.span);
        }
        let (columns, placement) = columns_for(&values, d.header, sub.columns, &mut named);
        for (c, col) in values.iter().zip(columns) {
            if d.untold.contains(&c.span.start) {
                // Kept as written, unplaced; the note says so.
                ctx.stray(TableId::T2, std::slice::from_ref(c));
                continue;
            }
            let Some(col) = col else { continue };
            if let Some(key) = CellKey::from_parts(TableId::T2, d.key, col.key) {
                cells.push(ctx.cell(key, c, placement));
            }
        }
    }
    cells.sort_by_key(|c| c.key);
    cells.dedup_by_key(|c| c.key);
    let start = first.unwrap_or(0);
    items.sort_unstable();
    Some(Table {
        id: TableId::T2,
        edition: Some(edition),
        location: ctx.locate(zfxxgk_lex::Span::new(start, last.max(start))),
        items,
        cells,
    })
}

/// The nearest rows above and below row `i` that show all `n` columns of its
/// sub-table (`items` gives each row's) where they stand, counted one way: each
/// row's index and positions.
fn nearest_full<'p>(
    positions: &'p [Option<Vec<columns::Range>>],
    items: &[u8],
    i: usize,
    n: usize,
) -> Vec<(usize, &'p Vec<columns::Range>)> {
    let item = items.get(i);
    let full = |k: usize| {
        positions
            .get(k)?
            .as_ref()
            .filter(|r| r.len() == n && items.get(k) == item)
            .map(|r| (k, r))
    };
    let above = (0..i).rev().find_map(full);
    let below = (i + 1..items.len()).find_map(full);
    [above, below].into_iter().flatten().collect()
}

/// Places the columns of a row of running text whose blank cells vanished that all its
/// placements agree on ([`crate::vanished`]: a free group, no sums), by position with a
/// note; the row is kept in `unplaced` with a note naming its placements when any
/// column is left.
fn vanished(
    ctx: &mut Ledger<'_>,
    cells: &mut Vec<zfxxgk_model::Cell>,
    (row_key, span): (&str, zfxxgk_lex::Span),
    columns: &'static [ColumnDef],
    values: &[LexCell<'_>],
) {
    let shape = [Group {
        cells: columns.len(),
        summed: false,
    }];
    let (agreed, candidates) = decide(ctx.text, values, &shape);
    let mut open = Vec::new();
    for (col, column) in columns.iter().zip(&agreed) {
        let Some(key) = CellKey::from_parts(TableId::T2, row_key, col.key) else {
            continue;
        };
        match column {
            Some(Some(i)) => match values.get(*i) {
                Some(c) => cells.push(ctx.cell(key, c, Placement::Position)),
                None => open.push(col.key),
            },
            Some(None) => cells.push(ctx.invisible_blank(key, span.end, Placement::Position)),
            None => open.push(col.key),
        }
    }
    if open.is_empty() {
        return;
    }
    let row = crate::rows::Row {
        cells: values.to_vec(),
        span,
    };
    ctx.unread_row(TableId::T2, &row);
    ctx.note(
        NoteKind::AmbiguousPlacement,
        Text::new(
            format!(
                "表二 {} 行：{} 个数值对应 {} 列（空白单元格没有留下文字），表二没有合计关系能看出空白在哪里：{} 未读；可读作 {}（`_` 为空白）",
                row_key,
                values.len(),
                columns.len(),
                open.join("、"),
                candidates.zh
            ),
            format!(
                "table 二, row {}: {} values for {} columns (blank cells left no text), and table 二 has no sums to tell where the blanks stood: {} not read; it may be read {} (`_` a blank)",
                row_key,
                values.len(),
                columns.len(),
                open.join(", "),
                candidates.en
            ),
        ),
        Some(span),
    );
}

/// The values of a row and the header cells above them. When the header row is as
/// wide as the row (a grid from HTML, DOCX or pipes), each value stands under its own
/// header cell, and a grid column under an empty header cell belongs to the header
/// cell on its left (a header spanning columns): of the cells under one header, the
/// one with a value is its value. So `| 本年增/减 |  |` over `|  | 15 |  |` gives 15 to
/// 本年增/减, and `| 0 |  | 0 |` under `| 上一年项目数量 | 本年增/减 |  |`, whose value
/// cell spans columns its header does not, gives 0 to 本年增/减.
fn under_header<'i>(
    values: Vec<LexCell<'i>>,
    header: Option<&[String]>,
    width: usize,
) -> (Vec<LexCell<'i>>, Option<Vec<String>>) {
    let Some(h) = header else {
        return (values, None);
    };
    if h.len() + 1 != width || values.len() > h.len() {
        return (values, Some(h.to_vec()));
    }
    let first = h.len() - values.len();
    let mut kept: Vec<LexCell<'i>> = Vec::with_capacity(values.len());
    let mut above: Vec<String> = Vec::with_capacity(values.len());
    // Whether the last kept value may still take a value from a column its header spans.
    let mut open = false;
    for (v, col) in values.into_iter().zip(h.iter().skip(first)) {
        let blank = is_blank(v.text);
        if col.is_empty() && open {
            if !blank {
                if let Some(last) = kept.last_mut().filter(|l| is_blank(l.text)) {
                    *last = v;
                } else {
                    kept.push(v);
                    above.push(String::new());
                }
            }
            continue;
        }
        if col.is_empty() && blank {
            continue;
        }
        open = !col.is_empty();
        kept.push(v);
        above.push(col.clone());
    }
    (kept, Some(above))
}

/// The column of each value: by the header's words when every header cell names a
/// column of the sub-table, by position otherwise.
fn columns_for(
    values: &[LexCell<'_>],
    header: Option<Vec<String>>,
    columns: &'static [ColumnDef],
    named: &mut Named,
) -> (Vec<Option<&'static ColumnDef>>, Placement) {
    if let Some(h) = header {
        let named = named.get(h, columns);
        if named.len() >= values.len() && named.iter().take(values.len()).all(Option::is_some) {
            return (named.to_vec(), Placement::Label);
        }
    }
    (columns.iter().map(Some).collect(), Placement::Position)
}

/// The column of a sub-table each word of a header names, if any, with the header and
/// columns it was found for: the rows under one header most often ask the same again.
#[derive(Default)]
struct Named {
    /// The header's words, folded.
    header: Vec<String>,
    /// The sub-table's columns.
    columns: &'static [ColumnDef],
    /// The column each word names.
    named: Vec<Option<&'static ColumnDef>>,
}

impl Named {
    /// The column of `columns` each word of `header` names.
    fn get(
        &mut self,
        header: Vec<String>,
        columns: &'static [ColumnDef],
    ) -> &[Option<&'static ColumnDef>] {
        if header != self.header || !std::ptr::eq(columns, self.columns) {
            self.named = header
                .iter()
                .map(|w| columns.iter().find(|c| column_match(w, c)))
                .collect();
            self.header = header;
            self.columns = columns;
        }
        &self.named
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{get, none_under, tidy};
    use zfxxgk_model::{T2Column, T2Row};

    fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
        want.iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    /// lynx pads a line of CJK cells by characters, a cell flush left, and keeps one
    /// space between narrow header cells: a full row's values begin where its
    /// columns' names do, counted in characters, and a short row's values are placed
    /// so. Where they begin elsewhere (`pdftotext -layout` centres values under
    /// names), the names tell nothing, and the short row stays unplaced where the two
    /// ways of counting place it apart.
    #[test]
    fn header_names_a_space_apart_tell_how_lynx_counts_positions() {
        let text = |full: &str, short: &str| {
            format!(
                "二、主动公开政府信息情况\n\n            第二十条第（一）项\n\
                 {full}\n{short}\n\n三、收到和处理政府信息公开申请情况\n"
            )
        };
        let lynx = text(
            "    信息内容   本年制发件数 本年废止件数 现行有效件数\n   行政规范性文件 2208   /      4433",
            "   规章      4043   2838",
        );
        let got = tidy(&lynx);
        let want = pairs(&[
            ("t2.regulations.issued", "4043"),
            ("t2.regulations.repealed", "2838"),
            ("t2.regulations.in_force", ""),
        ]);
        for w in &want {
            assert!(got.contains(w), "{w:?} in {got:?}");
        }
        let centred = text(
            "      信息内容     本年制发件数 本年废止件数 现行有效件数\n     行政规范性文件     2208      10          4433",
            "       规章           4043          2838",
        );
        let got = tidy(&centred);
        assert!(none_under(&got, "t2.regulations"), "{got:?}");
    }

    #[test]
    fn rows_vote_for_the_edition_their_values_fit() {
        let (old, new) = (Some(Edition::V2019), Some(Edition::V2021));
        let vote =
            |row: T2Row, item, numbers, values| row_vote(item, row.as_str(), numbers, values);
        assert_eq!(vote(T2Row::OTHER_SERVICES, 5, 0, 0), old);
        assert_eq!(vote(T2Row::PROCUREMENT, 9, 1, 1), old);
        for (row, item) in [
            (T2Row::LICENSING, 5),
            (T2Row::PENALTIES, 6),
            (T2Row::ENFORCEMENT, 6),
            (T2Row::FEES, 8),
        ] {
            assert_eq!(vote(row, item, 2, 2), old, "{row}");
            assert_eq!(vote(row, item, 1, 1), new, "{row}");
            assert_eq!(vote(row, item, 0, 1), new, "{row}");
            assert_eq!(vote(row, item, 1, 2), None, "{row}");
        }
        assert_eq!(vote(T2Row::REGULATIONS, 1, 3, 3), None);
        assert_eq!(vote(T2Row::NORMATIVE_DOCUMENTS, 1, 1, 1), None);
    }

    #[test]
    fn a_line_of_text_with_a_blank_mark_is_a_row_a_label_alone_is_not() {
        // `pdftotext -raw` of a 2021 table 二: 行政许可's one cell is `/`.
        let t2 = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 4310 1114 38\n行政规范性文件 1541 4413 1030\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 MARK\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 4112\n行政强制 1918\n三、收到和处理政府信息公开申请情况\n";
        let licensing = |mark: &str| {
            tidy(&t2.replace("MARK", mark))
                .into_iter()
                .filter(|(k, _)| k.starts_with("t2.licensing"))
                .collect::<Vec<_>>()
        };
        assert_eq!(licensing("/"), pairs(&[("t2.licensing.decisions", "")]));
        assert_eq!(licensing("—"), pairs(&[("t2.licensing.decisions", "")]));
        assert_eq!(licensing("0"), pairs(&[("t2.licensing.decisions", "0")]));
        // The label alone on its line is no row.
        assert_eq!(
            tidy(&t2.replace(" MARK", ""))
                .iter()
                .filter(|(k, _)| k.starts_with("t2.licensing"))
                .count(),
            0
        );
    }

    #[test]
    fn a_label_wrapped_around_its_values_is_joined_where_its_pieces_are_one_wording() {
        let head = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 4481 5 7150\n规范性文件 766 3533 7598\n第二十条第（五）项\n信息内容\n上一年项目数量\n本年增/减 处理决定数量\n行政许可 3178 -5 4594\n";
        let tail = "第二十条第（六）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政处罚 12 3 400\n三、收到和处理政府信息公开申请情况\n";
        let other = |middle: &str| {
            tidy(&format!("{head}{middle}{tail}"))
                .into_iter()
                .filter(|(k, _)| k.starts_with("t2.other_services"))
                .collect::<Vec<_>>()
        };
        let want = pairs(&[
            ("t2.other_services.items_last_year", "633"),
            ("t2.other_services.items_change", "-6"),
            ("t2.other_services.decisions", "241"),
        ]);
        // `pdftotext -raw`: the label's rest, then the values.
        assert_eq!(other("其他对外管理服务事\n项\n633 -6 241\n"), want);
        // `pdftotext -layout`: the values between the label's two pieces.
        assert_eq!(other("其他对外管理服务事\n633 -6 241\n项\n"), want);
        // Pieces that are no wording, or a line short of a value: nothing joined.
        assert_eq!(other("其他对外管理服务\n633 -6 241\n项\n"), vec![]);
        assert_eq!(other("其他对外管理服务事\n633 241\n项\n"), vec![]);
    }

    #[test]
    fn a_label_wrapped_around_a_short_line_of_values_standing_by_position_is_joined() {
        // LibreOffice's PDF: 其他对外管理服务事项 wrapped around its values, its first
        // cell empty; the values stand under their columns.
        let text = "二、主动公开政府信息情况\n\
                    \x20                                 第二十条第（五）项\n\
                    \x20                 信息内容      上一年项目数量    本年增/减    处理决定数量\n\
                    \x20                 行政许可           4095           -4            4151\n\
                    \x20            其他对外管理服务事\n\
                    \x20                                                  1            1666\n\
                    \x20                    项\n\
                    三、收到和处理政府信息公开申请情况\n";
        let got: Vec<(String, String)> = tidy(text)
            .into_iter()
            .filter(|(k, _)| k.starts_with("t2.other_services"))
            .collect();
        assert_eq!(
            got,
            pairs(&[
                ("t2.other_services.items_last_year", ""),
                ("t2.other_services.items_change", "1"),
                ("t2.other_services.decisions", "1666"),
            ])
        );
    }

    #[test]
    fn header_words_tell_the_edition() {
        assert_eq!(
            header_edition("信息内容本年制发件数本年废止件数"),
            Some(Edition::V2021)
        );
        assert_eq!(
            header_edition("上一年项目数量本年增/减处理决定数量"),
            Some(Edition::V2019)
        );
        assert_eq!(header_edition("处理决定数量"), None);
        assert_eq!(header_edition("本年新制作数量现行有效件数"), None);
        let fees = CellKey::t2(T2Row::FEES, T2Column::AMOUNT_10K_YUAN);
        assert!(fees.is_some_and(|k| !k.in_edition(Edition::V2019)));
    }

    #[test]
    fn layout_text_counts_positions_in_characters() {
        // pdftotext -layout of a LibreOffice PDF: one character a column, a CJK one
        // too. By display columns 1114 (现行有效件数, the middle cell blank) would
        // stand under 本年废止件数 by the header and between the columns of the full
        // row below; counted in characters, all three agree.
        let table = |row: &str| {
            format!(
                "二、主动公开政府信息情况\n\
                 \x20                              第二十条第（一）项\n\
                 \x20           信息内容            本年制发件数           本年废止件数       现行有效件数\n\
                 {row}\n\
                 \x20       行政规范性文件               1541            4413          1030\n"
            )
        };
        let got = tidy(&table(
            "             规章               4310                          1114",
        ));
        assert_eq!(get(&got, "t2.normative_documents.repealed"), Some("4413"));
        assert_eq!(get(&got, "t2.regulations.issued"), Some("4310"), "{got:?}");
        assert_eq!(get(&got, "t2.regulations.repealed"), Some(""), "{got:?}");
        assert_eq!(
            get(&got, "t2.regulations.in_force"),
            Some("1114"),
            "{got:?}"
        );
        // `7` stands under 现行有效件数 by the header and under 本年废止件数 by the
        // full row: not placed.
        let got = tidy(&table(
            "             规章               4310                    7",
        ));
        assert_eq!(get(&got, "t2.normative_documents.repealed"), Some("4413"));
        assert_eq!(get(&got, "t2.regulations.repealed"), None, "{got:?}");
        assert_eq!(get(&got, "t2.regulations.in_force"), None, "{got:?}");
    }

    /// Without a header that shows each column (its words one space apart), the full
    /// row of the sub-table tells the columns.
    #[test]
    fn a_full_row_tells_the_columns_a_header_does_not() {
        let text = "二、主动公开政府信息情况\n\
                    \x20                                   第二十条第（一）项\n\
                    \x20                 信息内容            本年新制作数量 本年新公开数量 对外公开总数量\n\
                    \x20                  规章                4481                  7150\n\
                    \x20                规范性文件                766      3533        7598\n";
        let got = tidy(text);
        assert_eq!(get(&got, "t2.regulations.made"), Some("4481"), "{got:?}");
        assert_eq!(get(&got, "t2.regulations.published"), Some(""), "{got:?}");
        assert_eq!(get(&got, "t2.regulations.published_total"), Some("7150"));
    }

    /// `pdftotext -layout` of chromium's print of a Word page: a short row's values
    /// begin on the very character columns of the full row's (13 and 24), though
    /// counted in display columns the wider label shifts them five columns: read, the
    /// header (a line of running text, its names one space apart) putting them under
    /// the same columns. Not read: values lined up with the full row where the header
    /// puts one under another column; a value a single space from its label (one
    /// run of words with it, set where the label is); values near the full row's but
    /// not on their columns.
    #[test]
    fn a_short_row_lined_up_with_a_full_row_by_characters_is_read_where_the_header_does_not_disagree(
    ) {
        let table = |header: &str, short: &str| {
            format!(
                "   二、主动公开政府信息情况\n\
                 \x20            第二十条第（一）项\n\
                 {header}\n\
                 {short}\n\
                 \x20行政规范性文件     2382       4711      4958\n\
                 \x20            第二十条第（五）项\n"
            )
        };
        let header = "   信息内容 本年制发件数 本年废止件数 现行有效件数";
        let got = tidy(&table(header, "     规章      1015       2454"));
        assert_eq!(get(&got, "t2.normative_documents.in_force"), Some("4958"));
        assert_eq!(get(&got, "t2.regulations.issued"), Some("1015"), "{got:?}");
        assert_eq!(
            get(&got, "t2.regulations.repealed"),
            Some("2454"),
            "{got:?}"
        );
        assert_eq!(get(&got, "t2.regulations.in_force"), Some(""), "{got:?}");
        // Lined up with the full row's first and last columns, but the header, its
        // names three spaces apart, puts the second value under 本年废止件数.
        let got = tidy(&table(
            "   信息内容   本年制发件数   本年废止件数   现行有效件数",
            "     规章      1015                 4958",
        ));
        assert!(none_under(&got, "t2.regulations"), "{got:?}");
        let got = tidy(&table(header, "          规章 1015       2454"));
        assert!(none_under(&got, "t2.regulations"), "{got:?}");
        // One character off the full row's column: nothing lines up. The row, a row
        // of the template, is kept unread, not as a row the template lacks.
        let off = table(header, "     规章      1015        2454");
        let got = tidy(&off);
        assert!(none_under(&got, "t2.regulations"), "{got:?}");
        let kept = crate::parse(&off).unplaced;
        assert!(
            kept.iter().any(|u| u.kind == zfxxgk_model::UnplacedKind::UnreadRow
                && u.text.contains("1015")),
            "{kept:?}"
        );
        assert!(!kept
            .iter()
            .any(|u| u.kind == zfxxgk_model::UnplacedKind::UnknownRow));
    }

    #[test]
    fn a_value_spanning_columns_its_header_does_not_goes_to_that_header() {
        // 2019年上海市人民政府办公厅 (web page): five grid columns; 本年增/减 spans two
        // in the header row, but in the rows below the first value cell does.
        let text = "二、主动公开政府信息情况\n\n\
                    | 第二十条第（五）项 |  |  |  |  |\n\
                    | 信息内容 | 上一年项目数量 | 本年增/减 |  | 处理决定数量 |\n\
                    | 行政许可 | 4 |  | 2 | 7 |\n\n\
                    三、收到和处理政府信息公开申请情况\n";
        assert_eq!(
            tidy(text),
            pairs(&[
                ("t2.licensing.items_last_year", "4"),
                ("t2.licensing.items_change", "2"),
                ("t2.licensing.decisions", "7"),
            ])
        );
    }

    #[test]
    fn values_stay_under_their_header_when_a_span_left_blanks() {
        // An HTML table four columns wide: the last column of 第（八）项 and 第（九）项
        // spans two grid columns, and 上一年项目数量 is blank.
        let text = "二、主动公开政府信息情况\n\n\
                    | 第二十条第（八）项 |  |  |  |\n\
                    | 信息内容 | 上一年项目数量 | 本年增/减 |  |\n\
                    | 行政事业性收费 |  | 15 |  |\n\
                    | 第二十条第（九）项 |  |  |  |\n\
                    | 信息内容 | 采购项目数量 | 采购总金额 |  |\n\
                    | 政府集中采购 | 3 |  |  |\n\n\
                    三、收到和处理政府信息公开申请情况\n";
        assert_eq!(
            tidy(text),
            pairs(&[
                ("t2.fees.items_last_year", ""),
                ("t2.fees.items_change", "15"),
                ("t2.procurement.items", "3"),
                ("t2.procurement.amount", ""),
            ])
        );
    }

    #[test]
    fn a_label_alone_where_cells_stand_by_position_is_a_row_of_blanks() {
        // A PDF of a Word page read by position: 行政许可's one cell was written
        // empty, so its line shows the label alone under a header with its column.
        let page = |licensing: &str| {
            format!(
                "二、主动公开政府信息情况\n\
                 \x20                       第二十条第（五）项\n\
                 \x20      信息内容                  本年处理决定数量\n\
                 {licensing}\
                 \x20                       第二十条第（六）项\n\
                 \x20      信息内容                  本年处理决定数量\n\
                 \x20      行政处罚                          0\n\
                 \x20      行政强制                        3299\n\
                 三、收到和处理政府信息公开申请情况\n"
            )
        };
        let got = tidy(&page("       行政许可\n"));
        assert_eq!(
            got,
            pairs(&[
                ("t2.licensing.decisions", ""),
                ("t2.penalties.decisions", "0"),
                ("t2.enforcement.decisions", "3299"),
            ])
        );
        // A line of values alone beside it may hold its cell (wrapped onto a line of
        // its own): not told blank.
        let got = tidy(&page(
            "       行政许可\n                                 97\n",
        ));
        assert_eq!(
            got.first().map(|p| p.0.as_str()),
            Some("t2.penalties.decisions"),
            "{got:?}"
        );
        // The table's last row, its label alone on the line after the table's lines.
        let last = format!(
            "{}\x20                       第二十条第（八）项\n\
             \x20      信息内容             本年收费金额（单位：万元）\n\
             \x20   行政事业性收费\n\
             三、收到和处理政府信息公开申请情况\n",
            page("       行政许可\n").replace("三、收到和处理政府信息公开申请情况\n", "")
        );
        let got = tidy(&last);
        assert_eq!(
            got.last(),
            Some(&("t2.fees.amount_10k_yuan".to_string(), String::new())),
            "{got:?}"
        );
        // Nor where any line of the table holds values alone: values set apart from
        // their labels (reading order) may be the ones a label alone lacks.
        let loose = page("       行政许可\n").replace(
            "行政强制                        3299",
            "行政强制\n                                3299",
        );
        assert_ne!(loose, page("       行政许可\n"));
        let got = tidy(&loose);
        assert_eq!(
            got.first().map(|p| p.0.as_str()),
            Some("t2.penalties.decisions"),
            "{got:?}"
        );
    }

    #[test]
    fn a_header_name_wrapped_over_lines_gives_its_column_to_a_row_with_a_blank() {
        // LibreOffice's PDF of a 2019 page: `上一年项目数` over and `量` under the line
        // of `信息内容 本年增/减`; 行政事业性收费's first cell is empty.
        let text = "二、主动公开政府信息情况\n\
                    \x20                                第二十条第（五）项\n\
                    \x20                信息内容      上一年项目数量    本年增/减    处理决定数量\n\
                    \x20                行政许可           4095           -4            4151\n\
                    \x20                                第二十条第（八）项\n\
                    \x20                               上一年项目数\n\
                    \x20                信息内容                              本年增/减\n\
                    \x20                                    量\n\
                    \x20             行政事业性收费                               -5\n\
                    三、收到和处理政府信息公开申请情况\n";
        let fees = |got: &[(String, String)]| -> Vec<(String, String)> {
            got.iter()
                .filter(|p| p.0.starts_with("t2.fees."))
                .cloned()
                .collect()
        };
        assert_eq!(
            fees(&tidy(text)),
            pairs(&[
                ("t2.fees.items_last_year", ""),
                ("t2.fees.items_change", "-5")
            ])
        );
        // Without the wrapped name the row's columns are not told.
        let bare = text.replace("上一年项目数\n", "\n").replace("  量\n", "\n");
        assert_ne!(bare, text);
        assert_eq!(fees(&tidy(&bare)), pairs(&[]), "{bare}");
    }

    /// Debian html2text cuts labels too long for their column (U+FFFD where it cut a
    /// character in half) and lets their rest run on after the values to their right.
    #[test]
    fn labels_cut_short_name_their_row_in_their_sub_table() {
        let text = "二、主动公开政府信息情况\n\
            |______第二十条第（五）项______|\n\
            |___信息内容___|___上一年项目数量___|___本年增/减___|___处理决定数量___|\n\
            |___行政许�|____�____|____5____|____3431____|\n\
            |___其他对外管理服|____633____|____-6____|____241____|\n\
            |______第二十条第（八）项______|\n\
            |___信息内容___|___上一年项目数量___|___本年增/减___|\n\
            |___行政事业性�|____1829�费____|____/____|\n\
            |______第二十条第（六）项______|\n\
            |___信息内容___|___上一年项目数量___|___本年增/减___|___处理决定数量___|\n\
            |___行政处罚___|____4802____|____-1____|____3717____|\n\
            |___行政强�|____3692定____|____-8____|____2067____|\n\
            |______第二十条第（九）项______|\n\
            |___信息内容___|___采购项目数量___|___采购总金额___|\n\
            |___政府�|____1924____|____795016.99元____|\n";
        let report = crate::parse(text);
        let value = |key: &str| {
            let key: CellKey = key.parse().expect("a key");
            report.cell(key).map(|c| c.value.normalized())
        };
        assert_eq!(
            value("t2.other_services.items_last_year").as_deref(),
            Some("633")
        );
        assert_eq!(value("t2.other_services.decisions").as_deref(), Some("241"));
        // A cell of nothing but the other half of the label's cut character, with
        // room to spare after it (`_`): nothing was cut at its end, and it was empty.
        assert_eq!(value("t2.licensing.items_last_year").as_deref(), Some(""));
        assert_eq!(value("t2.licensing.items_change").as_deref(), Some("5"));
        assert_eq!(value("t2.licensing.decisions").as_deref(), Some("3431"));
        // With no room after it, the cell's end may have cut its value off: not read.
        let tight = crate::parse(&text.replace("|____�____|", "|________�|"));
        let key: CellKey = "t2.licensing.items_last_year".parse().expect("a key");
        assert!(tight.cell(key).is_none());
        assert!(tight.unplaced.iter().any(|u| u.text == "�"));
        // `费` is of the rest of 行政事业性收费.
        assert_eq!(value("t2.fees.items_last_year").as_deref(), Some("1829"));
        assert_eq!(value("t2.fees.items_change").as_deref(), Some(""));
        assert_eq!(value("t2.penalties.decisions").as_deref(), Some("3717"));
        // Cut in the middle of a character, three characters name a row; but `定` is
        // no rest of 行政强制.
        assert_eq!(value("t2.enforcement.items_last_year"), None);
        // Two characters cut in the middle of the third name the one row of its
        // sub-table they begin.
        assert_eq!(value("t2.procurement.items").as_deref(), Some("1924"));
        assert_eq!(value("t2.procurement.amount").as_deref(), Some("795016.99"));
        let notes = report
            .notes
            .iter()
            .filter(|n| n.kind == NoteKind::LabelOverflow)
            .count();
        assert_eq!(notes, 3);
    }

    /// Labels cut so short that they begin two rows of their sub-table (`行政�` of
    /// 行政处罚 and 行政强制) are named by their order where the sub-table holds as
    /// many rows as the template's, each beginning the row of its rank; where a row is
    /// missing, nothing tells which one is, and neither is read.
    #[test]
    fn labels_cut_to_two_rows_beginnings_are_named_by_their_order() {
        let table = |rows: &str| {
            format!(
                "二、主动公开政府信息情况\n\
                 |第二十条第（一）项_|\n\
                 |信息�|本年|本年|现行|��效件数\n\
                 |规章_|4310__|—___|1114__|\n\
                 |行政�|1541�|4413��|1030__|\n\
                 |第二十条第（六）项_|\n\
                 |信息�|本年处理决定�|量\n\
                 {rows}\
                 |第二十条第（八）项_|\n\
                 |信息�|本年收费金额�|单位：万元）\n\
                 |行政�|1734.7�收费_______|\n"
            )
        };
        let read = |text: &str, key: &str| {
            let report = crate::parse(text);
            let key: CellKey = key.parse().expect("a key");
            report.cell(key).map(|c| c.value.normalized())
        };
        let both = table("|行政�|4112________________|\n|行政�|1918________________|\n");
        assert_eq!(
            read(&both, "t2.penalties.decisions").as_deref(),
            Some("4112")
        );
        assert_eq!(
            read(&both, "t2.enforcement.decisions").as_deref(),
            Some("1918")
        );
        // Two rows of (一) too: 规章 by its label, 行政规范性文件 by its rank.
        assert_eq!(
            read(&both, "t2.normative_documents.issued").as_deref(),
            Some("1541")
        );
        let one = table("|行政�|4112________________|\n");
        assert_eq!(read(&one, "t2.penalties.decisions"), None);
        assert_eq!(read(&one, "t2.enforcement.decisions"), None);
    }

    /// `pdftotext -layout` of a Chromium PDF: a row whose label is narrower than its
    /// sub-table's full row (`行政许可` / `其他对外管理服务事项`) shows its one value
    /// `6` on the character column of the full row's `2` (本年增/减) or centred on
    /// its `361` (上一年项目数量), while counted in display columns the narrower
    /// label shifts it six columns left. Both pages were printed so (a table of the
    /// 2019 edition, its cell left empty in one column or the other) and the values
    /// stand on the full rows' character columns as poppler sets them: read so. The
    /// first page's header, its names one space apart, puts `6` under 上一年项目数量
    /// counted in display columns, under 本年增/减 in characters; the full rows of
    /// different labels line up with each other in characters only, so the header
    /// is counted in characters.
    #[test]
    fn a_short_row_on_a_full_rows_character_columns_is_read_whatever_display_columns_say() {
        let page = |licensing: &str| {
            let lines = [
                "            第二十条第（五）项",
                "    信息内容    上一年项目数量 本年增/减 处理决定数量",
                licensing,
                " 其他对外管理服务事项     361   2     4378",
                "            第二十条第（六）项",
                "    信息内容    上一年项目数量 本年增/减 处理决定数量",
                "    行政处罚       3536   1     4695",
                "    行政强制       1651   0     1597",
            ];
            format!(
                "二、主动公开政府信息情况\n{}\n三、收到和处理政府信息公开申请情况\n",
                lines.join("\n")
            )
        };
        let got = tidy(&page("    行政许可              6     2393"));
        assert_eq!(
            get(&got, "t2.licensing.items_last_year"),
            Some(""),
            "{got:?}"
        );
        assert_eq!(get(&got, "t2.licensing.items_change"), Some("6"), "{got:?}");
        assert_eq!(get(&got, "t2.licensing.decisions"), Some("2393"), "{got:?}");
        assert_eq!(
            get(&got, "t2.other_services.items_change"),
            Some("2"),
            "{got:?}"
        );
        assert_eq!(get(&got, "t2.penalties.items_change"), Some("1"));
        let got = tidy(&page("    行政许可         6          2393"));
        assert_eq!(
            get(&got, "t2.licensing.items_last_year"),
            Some("6"),
            "{got:?}"
        );
        assert_eq!(get(&got, "t2.licensing.items_change"), Some(""), "{got:?}");
        assert_eq!(get(&got, "t2.licensing.decisions"), Some("2393"), "{got:?}");
    }

    /// lynx of the online editor's page, whose blank cell's `<br/>` broke the row
    /// (`规章      2973` / `3260`, 本年废止件数 blank): the row's short line is not
    /// read with blanks at its end where the rest of its values stand on the next
    /// line; it is read with the blank where the line broke
    /// (`paragraphs::lynx::rejoin_broken_t2`).
    #[test]
    fn a_short_row_with_a_line_of_values_after_it_is_read_with_them() {
        let lines = [
            "   二、主动公开政府信息情况",
            "            第二十条第（一）项",
            "    信息内容   本年制发件数 本年废止件数 现行有效件数",
            "   规章      2973",
            "   3260",
            "   行政规范性文件 3816   4984   3214",
            "            第二十条第（五）项",
            "    信息内容        本年处理决定数量",
        ];
        let text = format!(
            "{}\n   三、收到和处理政府信息公开申请情况\n",
            lines.join("\n")
        );
        let got = tidy(&text);
        assert_eq!(get(&got, "t2.regulations.issued"), Some("2973"), "{got:?}");
        assert_eq!(get(&got, "t2.regulations.repealed"), Some(""), "{got:?}");
        assert_eq!(
            get(&got, "t2.regulations.in_force"),
            Some("3260"),
            "{got:?}"
        );
        assert_eq!(
            get(&got, "t2.normative_documents.in_force"),
            Some("3214"),
            "{got:?}"
        );
    }

    /// pandoc's plain text: a table's rule after its last row (`------ ------`) is no
    /// line of values, and the row before it is read.
    #[test]
    fn a_rule_after_a_short_row_is_no_line_of_values() {
        let lines = [
            "    第二十条第（八）项                                       ",
            "",
            "         信息内容         上一年项目数量       本年增/减     ",
            "",
            "      行政事业性收费           4703                7         ",
            "",
            "    第二十条第（九）项                                       ",
            "",
            "         信息内容          采购项目数量       采购总金额     ",
            "",
            "       政府集中采购                           416047.71元    ",
            "  ---------------------- ----------------- ----------------- -----------------",
        ];
        let text = format!(
            "二、主动公开政府信息情况\n\n{}\n\n三、收到和处理政府信息公开申请情况\n",
            lines.join("\n")
        );
        let got = tidy(&text);
        assert_eq!(get(&got, "t2.procurement.items"), Some(""), "{got:?}");
        assert_eq!(
            get(&got, "t2.procurement.amount"),
            Some("416047.71"),
            "{got:?}"
        );
    }
}
