//! Rows of table 三 that reading-order text wrapped onto several lines, as `pdftotext`
//! without `-layout` writes a printed page's table: the label, then the row's values
//! over two or three lines, bits of the label between or after them.
//!
//! ```text
//! 一、本年新收政府信息公开申请数量
//! 190 1 1 1
//! 0 6 199
//! （二）部分公开（区分处理的，只 23 0 0 0
//! 0 0 23
//! 计这一情形，不计其他情形）
//! ```
//!
//! Such a row is put back together only where its values say so for certain:
//!
//! ```text
//! row  = label values? ( rest* values )+   ; the values of all lines, in order
//! label = a line whose text names a row of table 三 (either edition)
//! values = a line of values alone (numbers or written blanks), two at least
//! rest = a line of text alone that is no row's label and is not numbered
//! ```
//!
//! The right part of a row may come first, on a line of its own before its label's
//! (`0 0 1` / `（五）不 3.要求提供公开出版物 1 0 0 0`): it is joined only after a
//! whole row, before a label's line that no line of values follows, and where the two
//! make seven values that add up.
//!
//! Lines of values are taken while the row has fewer than seven; the row is joined
//! only when it then holds seven values whose last is the sum of the six before, or
//! six whose last is the sum of the five before (a blank cell left nothing, which
//! [`crate::vanished`] places by the sums, or leaves). Anything else is left as it
//! was, to be left unplaced: a wrong number is worse than a missing one.

use zfxxgk_lex::{Cell, Span};
use zfxxgk_model::{Edition, T3_COLUMNS};

use crate::labels::{best_t3_row, Folded};
use crate::ledger::parts;
use crate::rows::{Row, TableRow};
use crate::vanished::Token;

/// Fewest values a line must show to be read as a row's wrapped values.
const MIN_LINE_VALUES: usize = 2;

/// What a line of running text in the zone is, for joining.
enum Line<'r, 'i> {
    /// Values alone.
    Values(&'r [Cell<'i>]),
    /// Text alone that names no row and is not numbered: a bit of a wrapped label.
    Rest,
    /// Anything else: a row's label, a row of a table, a header.
    Other,
}

/// Whether labels name a row of table 三 in either edition.
fn names_row(labels: &[Folded<'_>]) -> bool {
    Edition::ALL
        .iter()
        .any(|&e| best_t3_row(labels, e).is_some())
}

fn line<'r, 'i>(tr: &'r TableRow<'i>) -> Line<'r, 'i> {
    if !tr.from_text {
        return Line::Other;
    }
    let p = parts(&tr.row);
    let labels: Vec<Folded<'_>> = p.labels().map(Folded::new).collect();
    match (labels.is_empty(), p.values.is_empty()) {
        (true, false) => Line::Values(p.values),
        (false, true) if !labels.iter().any(Folded::numbered) && !names_row(&labels) => Line::Rest,
        _ => Line::Other,
    }
}

/// Whether `values` are a whole row of table 三: seven whose last is the sum of the
/// six before, or six whose last is the sum of the five before; the total a count, or
/// a blank written where the others add up to 0.
pub(crate) fn whole(values: &[Cell<'_>]) -> bool {
    let n = values.len();
    if n + 1 < T3_COLUMNS.len() || n > T3_COLUMNS.len() {
        return false;
    }
    let tokens: Vec<Token> = values.iter().map(|c| Token::of(c.text)).collect();
    // A total written blank stands for nothing: the row's cells must add up to 0.
    let (total, cells) = match tokens.split_last() {
        Some((Token::Count(total), cells)) => (*total, cells),
        Some((Token::Blank, cells)) => (0, cells),
        _ => return false,
    };
    let mut sum: u64 = 0;
    for t in cells {
        match t {
            Token::Count(v) => sum = sum.saturating_add(*v),
            Token::Blank => {}
            Token::Other => return false,
        }
    }
    sum == total
}

/// Joins the rows of table 三's zone that reading-order text wrapped onto several
/// lines, as the module says.
pub(crate) fn rejoin(rows: &mut Vec<TableRow<'_>>) {
    if !rows.iter().any(|r| r.from_text) {
        return;
    }
    let old = std::mem::take(rows);
    let mut i = 0;
    while let Some(tr) = old.get(i) {
        match joined(&old, i) {
            Some((row, end)) => {
                rows.push(row);
                // The bits of label passed over stay, as lines of text.
                rows.extend(
                    old.get(i + 1..end)
                        .unwrap_or_default()
                        .iter()
                        .filter(|r| matches!(line(r), Line::Rest))
                        .cloned(),
                );
                i = end;
            }
            None => match before_its_label(&old, i, rows) {
                Some(row) => {
                    rows.push(row);
                    i += 2;
                }
                None => {
                    rows.push(tr.clone());
                    i += 1;
                }
            },
        }
    }
}

/// The row whose last values `old[i]`, a line of values alone, are, written before
/// the line of its label and first values (`0 0 1` / `（五）不 3.要求提供公开出版物 1 0
/// 0 0`: the label's cell ran over two lines, and the row's right part was read
/// first). Joined only where the row before (`done`'s last with values) is whole, so
/// the line cannot be its end; where the label's line is followed by no line of
/// values, which could be its end instead; and where the two make seven values that
/// add up, the label's first.
fn before_its_label<'i>(
    old: &[TableRow<'i>],
    i: usize,
    done: &[TableRow<'i>],
) -> Option<TableRow<'i>> {
    let Line::Values(last) = line(old.get(i)?) else {
        return None;
    };
    let previous = done
        .iter()
        .rev()
        .map(|r| parts(&r.row).values.len())
        .find(|&n| n > 0)?;
    if last.len() < MIN_LINE_VALUES || previous + 1 < T3_COLUMNS.len() {
        return None;
    }
    let tr = old.get(i + 1)?;
    if !tr.from_text || matches!(old.get(i + 2).map(line), Some(Line::Values(_))) {
        return None;
    }
    let p = parts(&tr.row);
    let labels: Vec<Folded<'_>> = p.labels().map(Folded::new).collect();
    if labels.is_empty() || p.values.len() + last.len() != T3_COLUMNS.len() || !names_row(&labels) {
        return None;
    }
    let values: Vec<Cell<'i>> = p.values.iter().chain(last).copied().collect();
    if !whole(&values) {
        return None;
    }
    let mut cells = tr.row.cells.clone();
    cells.extend_from_slice(last);
    let start = last.first().map_or(tr.row.span.start, |c| c.span.start);
    Some(TableRow {
        row: Row {
            cells,
            span: Span::new(start, tr.row.span.end),
        },
        from_text: true,
    })
}

/// The row that starts at `old[i]` joined with the lines its values wrapped onto, and
/// where the rows after it begin; `None` when it is no such row.
fn joined<'i>(old: &[TableRow<'i>], i: usize) -> Option<(TableRow<'i>, usize)> {
    let tr = old.get(i)?;
    if !tr.from_text {
        return None;
    }
    let p = parts(&tr.row);
    let labels: Vec<Folded<'_>> = p.labels().map(Folded::new).collect();
    if labels.is_empty() || p.values.len() >= T3_COLUMNS.len() || !names_row(&labels) {
        return None;
    }
    let mut cells: Vec<Cell<'i>> = tr.row.cells.clone();
    let mut values: Vec<Cell<'i>> = p.values.to_vec();
    let mut end = i + 1;
    // Where the last line of values ends: bits of label after it are not taken.
    let mut last = None;
    while values.len() < T3_COLUMNS.len() {
        let Some(next) = old.get(end) else { break };
        match line(next) {
            Line::Values(v)
                if v.len() >= MIN_LINE_VALUES && values.len() + v.len() <= T3_COLUMNS.len() =>
            {
                values.extend_from_slice(v);
                cells.extend_from_slice(v);
                end += 1;
                last = Some(end);
            }
            Line::Rest => end += 1,
            _ => break,
        }
    }
    let end = last?;
    if !whole(&values) {
        return None;
    }
    let span = match (cells.first(), cells.last()) {
        (Some(f), Some(l)) => Span::new(f.span.start, l.span.end),
        _ => tr.row.span,
    };
    Some((
        TableRow {
            row: Row { cells, span },
            from_text: true,
        },
        end,
    ))
}

#[cfg(test)]
mod tests {
    fn tidy(text: &str) -> Vec<(String, String)> {
        crate::parse(text)
            .tidy()
            .map(|(k, v)| (k.as_str().to_string(), v))
            .collect()
    }

    fn get<'a>(cells: &'a [(String, String)], key: &str) -> Option<&'a str> {
        cells.iter().find(|c| c.0 == key).map(|c| c.1.as_str())
    }

    const HEAD: &str = "三、收到和处理政府信息公开申请情况\n申请人情况\n法人或其他组织\n";

    /// `pdftotext` of a printed table: each row's values over two lines, bits of
    /// label between and after them.
    #[test]
    fn wrapped_rows_are_joined_where_the_sums_say() {
        let text = format!(
            "{HEAD}一、本年新收政府信息公开申请数量\n190 1 1 1\n0 6 199\n\
             二、上年结转政府信息公开申请数量\n— 0 0 0\n0 0 0\n\
             （二）部分公开（区分处理的，只 23 0 0 0\n0 0 23\n计这一情形，不计其他情形）\n\
             1.本机关不掌握相关政 6 0 0 0\n办理结果\n0 1 7\n府信息\n\
             四、结转下年度继续办理\n"
        );
        let got = tidy(&text);
        assert_eq!(get(&got, "t3.new_received.natural_person"), Some("190"));
        assert_eq!(get(&got, "t3.new_received.other_org"), Some("6"));
        assert_eq!(get(&got, "t3.new_received.total"), Some("199"));
        assert_eq!(get(&got, "t3.carried_over.natural_person"), Some(""));
        assert_eq!(get(&got, "t3.carried_over.total"), Some("0"));
        assert_eq!(get(&got, "t3.partly_granted.natural_person"), Some("23"));
        assert_eq!(get(&got, "t3.partly_granted.total"), Some("23"));
        assert_eq!(get(&got, "t3.unavailable.not_held.other_org"), Some("1"));
        assert_eq!(get(&got, "t3.unavailable.not_held.total"), Some("7"));
    }

    /// The right part of a row read before the line of its label and left part.
    #[test]
    fn a_row_whose_end_came_first_is_joined() {
        let text = format!(
            "{HEAD}2.重复申请\n2 0 0 0\n0 0 2\n0 0 1\n（五）不 3.要求提供公开出版物 1 0 0 0\n\
             予处理 4.无正当理由大量反复 3 0 0 0\n0 0 3\n申请\n"
        );
        let got = tidy(&text);
        assert_eq!(get(&got, "t3.not_processed.duplicate.total"), Some("2"));
        assert_eq!(
            get(&got, "t3.not_processed.publication.natural_person"),
            Some("1")
        );
        assert_eq!(
            get(&got, "t3.not_processed.publication.other_org"),
            Some("0")
        );
        assert_eq!(get(&got, "t3.not_processed.publication.total"), Some("1"));
        assert_eq!(get(&got, "t3.not_processed.excessive.total"), Some("3"));
    }

    /// A row cut after its fifth value, the two others on the next line.
    #[test]
    fn a_row_cut_late_is_joined() {
        let text = "三、收到和处理政府信息公开申请情况\n\
            申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n\
            一、本年新收政府信息公开申请数量 1 1 0 0 2\n0 4\n\
            二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n";
        let got = tidy(text);
        assert_eq!(get(&got, "t3.new_received.legal_services"), Some("2"));
        assert_eq!(get(&got, "t3.new_received.other_org"), Some("0"));
        assert_eq!(get(&got, "t3.new_received.total"), Some("4"));
        assert_eq!(get(&got, "t3.carried_over.total"), Some("0"));
    }

    /// Values that do not add up, or lines of one value each (a table read column by
    /// column), are not joined.
    #[test]
    fn rows_the_sums_deny_stay_apart() {
        let text = format!(
            "{HEAD}一、本年新收政府信息公开申请数量\n190 1 1 1\n0 6 200\n\
             （一）予以公开\n3 0\n0 0 0 0\n1 1 1\n\
             （七）总计\n5 0\n0 0 0 0 6\n"
        );
        let got = tidy(&text);
        assert!(got.iter().all(|c| !c.0.starts_with("t3.")), "{got:?}");
    }

    #[test]
    fn whole_rows_add_up() {
        let cells = |t: &'static str| -> Vec<zfxxgk_lex::Cell<'static>> {
            t.split(' ')
                .map(|text| zfxxgk_lex::Cell {
                    text,
                    span: zfxxgk_lex::Span::new(0, 0),
                    x: None,
                })
                .collect()
        };
        assert!(super::whole(&cells("190 1 1 1 0 6 199")));
        assert!(super::whole(&cells("— 0 0 0 0 0 0")));
        assert!(super::whole(&cells("38 0 0 0 1 39")));
        assert!(!super::whole(&cells("38 0 0 1 39")));
        assert!(!super::whole(&cells("1 1 1 1 1 1 1 6")));
        assert!(!super::whole(&cells("1 1 1 1 1 1 7")));
        assert!(!super::whole(&cells("1 1 1 1 1 1 —")));
        assert!(super::whole(&cells("0 0 0 0 0 0 —")));
    }
}
