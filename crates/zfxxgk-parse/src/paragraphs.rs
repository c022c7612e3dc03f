//! Tables written one cell per paragraph, as `lynx -dump` writes a page's tables with
//! merged cells and as text copied from a browser reads where each cell holds a
//! `<p>`: `规章` / `89` / `11` / `148`, each on its own line, blank lines or a lone
//! tab between them.
//!
//! Such lines look like any short paragraph, and where a cell was blank nothing at
//! all is written, so the lexer cannot tell them from running text: they reach the
//! zones as rows of one cell read from running text. Only here, inside a table's
//! zone and against the template, are they put back together, and only where the
//! template's row shape says so for certain:
//!
//! ```text
//! header = 信息内容 column+   ; table 二: the cells naming its columns
//! row    = label value{n}     ; a row of one text cell, then exactly n rows of one
//!                             ; value each (empty rows between passed over),
//!                             ; then a row that is no value (or the
//!                             ; zone's end): n is 7 in table 三, and in table 二
//!                             ; the columns of the label's sub-table, in the
//!                             ; edition the zone's column headers name, or in
//!                             ; both alike; the label must be one of table 二's
//! values = value{n}           ; table 四: exactly 15 values (one row of the three
//!                             ; groups) or 5 (one group's small table) after a
//!                             ; row that is no value
//! ```
//!
//! ```text
//! gap    = NL blank            ; between the label and its values, and between
//!                              ; values: one blank line, or
//!        | NL blank blank      ; two, where lynx wrote a cell of `&nbsp;` as a
//!                              ; blank line of its own: an empty cell stands there
//! ```
//!
//! A run short of its length is whole only when its two-blank-line gaps make up
//! what it lacks, every other gap one blank line. A run of another length (a blank
//! cell left out with no trace, a label cut in two) is left as it was, to be left
//! unplaced: a wrong number is worse than a missing one.

use zfxxgk_model::{ColumnDef, Edition, TableId, Template, T3_COLUMNS, T4_COLUMNS, T4_GROUPS};

use crate::labels;
use crate::number::{self, Kind};
use crate::rows::{Row, TableRow, Zones};

/// Puts the rows of each zone that were written one cell per paragraph back together,
/// and rows of table 三 that a `<br>`-only cell broke in two; `text` is what the rows'
/// spans index.
pub(crate) fn regroup(text: &str, zones: &mut Zones<'_>) {
    regroup_zone(text, &mut zones.t2, TableId::T2);
    regroup_zone(text, &mut zones.t3, TableId::T3);
    regroup_zone(text, &mut zones.t4, TableId::T4);
    rejoin_broken(text, &mut zones.t3);
}

/// A line of running text this short (display columns, with the first word of the
/// next line) was not wrapped for its width: lynx wraps at 79.
const MAX_UNWRAPPED: usize = 60;

/// Display columns of `s`: 2 for a character beyond ASCII (CJK), else 1.
fn columns(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The integer a cell holds; 0 for a blank one; `None` for anything else.
fn integer(c: &zfxxgk_lex::Cell<'_>) -> Option<i64> {
    match number::value(c.text) {
        zfxxgk_model::Value::Blank => Some(0),
        zfxxgk_model::Value::Number(n) => n.as_i64(),
        zfxxgk_model::Value::Text { .. } => None,
    }
}

/// Table 三's rows that a cell holding only `<br>` broke over two lines of running
/// text, as lynx writes them, put back together with that cell empty:
///
/// ```text
/// broken = label value{k} NL value{m}   ; k >= 1, k + m = 6, one short of the 7
///                                       ; columns; the second line right below
///                                       ; the first, which is short: the break is
///                                       ; no wrap
/// ```
///
/// The empty cell stands where the line broke, and is taken only when the row's
/// first six cells then add up to its total. A break right after the label (k = 0)
/// is not read so: `pdftotext -raw` writes a row's values on the line below its
/// label, and there a lost blank may have stood anywhere.
fn rejoin_broken(text: &str, rows: &mut Vec<TableRow<'_>>) {
    let want = T3_COLUMNS.len();
    let mut k = 0;
    while k + 1 < rows.len() {
        let (a, b) = (&rows[k], &rows[k + 1]);
        let values = |cells: &[zfxxgk_lex::Cell<'_>]| {
            cells.iter().all(|c| number::kind(c.text) != Kind::Text)
        };
        let shape = a.from_text
            && b.from_text
            && a.row
                .cells
                .first()
                .is_some_and(|c| number::kind(c.text) == Kind::Text)
            && a.row.cells.len() >= 2
            && values(a.row.cells.get(1..).unwrap_or_default())
            && !b.row.cells.is_empty()
            && values(&b.row.cells)
            && a.row.cells.len() - 1 + b.row.cells.len() == want - 1;
        let line_start = text
            .get(..a.row.span.start)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |n| n + 1);
        let short = text.get(line_start..a.row.span.end).is_some_and(|line| {
            columns(line) + 1 + b.row.cells.first().map_or(0, |c| columns(c.text)) <= MAX_UNWRAPPED
        });
        let adjacent = text
            .get(a.row.span.end..b.row.span.start)
            .is_some_and(|t| t.chars().all(char::is_whitespace) && t.matches('\n').count() == 1);
        if !(shape && short && adjacent) {
            k += 1;
            continue;
        }
        let at = a.row.span.end;
        let mut cells = a.row.cells.clone();
        cells.push(zfxxgk_lex::Cell {
            text: "",
            span: zfxxgk_lex::Span::new(at, at),
            x: None,
        });
        cells.extend(b.row.cells.iter().copied());
        let sums = cells
            .get(1..)
            .unwrap_or_default()
            .iter()
            .map(integer)
            .collect::<Option<Vec<i64>>>();
        let adds_up = sums.is_some_and(|v| match v.split_last() {
            Some((total, parts)) => parts.iter().sum::<i64>() == *total,
            None => false,
        });
        if !adds_up {
            k += 1;
            continue;
        }
        let span = zfxxgk_lex::Span::new(a.row.span.start, b.row.span.end);
        // Rows of running text: no padded table, nothing ran on into their cells.
        rows[k] = TableRow {
            row: Row { cells, span },
            from_text: false,
            overflow: Vec::new(),
            padded: false,
        };
        rows.remove(k + 1);
        k += 1;
    }
}

/// The one cell of a row read from running text, if it has exactly one.
fn lone<'r, 'i>(tr: &'r TableRow<'i>) -> Option<&'r zfxxgk_lex::Cell<'i>> {
    match tr.row.cells.as_slice() {
        [c] if tr.from_text => Some(c),
        _ => None,
    }
}

/// Whether a row has nothing in it (a lone tab between two cells' lines).
fn empty(tr: &TableRow<'_>) -> bool {
    tr.row.cells.iter().all(|c| c.text.trim().is_empty())
}

/// Whether a row is one value written alone on its line.
fn value(tr: &TableRow<'_>) -> bool {
    lone(tr).is_some_and(|c| number::kind(c.text) != Kind::Text)
}

/// How many values a row of `table` labelled `label` has: in table 二, in `edition`
/// when the zone's column headers tell it, else in every edition alike (行政许可 has
/// three in 2019 and one in 2021: such a row is not put together).
fn fits(table: TableId, label: &str, n: usize, edition: Option<Edition>) -> bool {
    match table {
        TableId::T3 => n == T3_COLUMNS.len(),
        TableId::T2 => labels::t2_row(label).is_some_and(|(_, item)| {
            let columns = |e: Edition| {
                Template::of(e)
                    .t2
                    .iter()
                    .find(|sub| sub.item == item)
                    .map(|sub| sub.columns.len())
            };
            match edition {
                Some(e) => columns(e) == Some(n),
                None => Edition::ALL
                    .iter()
                    .filter_map(|&e| columns(e))
                    .all(|c| c == n),
            }
        }),
        TableId::T4 => false,
    }
}

/// The edition whose table 二 the zone's column headers name, when only one's do: a
/// header whose column key the other edition's table 二 lacks (本年新制作数量,
/// 上一年项目数量 for 2019; 本年制发件数, 本年收费金额 for 2021).
fn t2_edition(rows: &[TableRow<'_>]) -> Option<Edition> {
    let keys = |e: Edition| -> Vec<&'static str> {
        Template::of(e)
            .t2
            .iter()
            .flat_map(|sub| sub.columns.iter().map(|c| c.key))
            .collect()
    };
    let named: Vec<Edition> = Edition::ALL
        .iter()
        .copied()
        .filter(|&e| {
            let others: Vec<&str> = Edition::ALL
                .iter()
                .filter(|&&o| o != e)
                .flat_map(|&o| keys(o))
                .collect();
            let own: Vec<&ColumnDef> = Template::of(e)
                .t2
                .iter()
                .flat_map(|sub| sub.columns.iter())
                .filter(|c| !others.contains(&c.key))
                .collect();
            rows.iter()
                .filter_map(lone)
                .any(|cell| own.iter().any(|c| labels::column_match(cell.text, c)))
        })
        .collect();
    match named.as_slice() {
        [e] => Some(*e),
        _ => None,
    }
}

/// Whether a row is one cell naming a column of table 二 (in either edition).
fn names_t2_column(tr: &TableRow<'_>) -> bool {
    lone(tr).is_some_and(|cell| {
        Edition::ALL.iter().any(|&e| {
            Template::of(e)
                .t2
                .iter()
                .flat_map(|sub| sub.columns.iter())
                .any(|c| labels::column_match(cell.text, c))
        })
    })
}

/// How many blank lines stand between rows `a` and `b`; `None` when anything but
/// whitespace does.
fn blank_lines(text: &str, a: &TableRow<'_>, b: &TableRow<'_>) -> Option<usize> {
    let between = text.get(a.row.span.end..b.row.span.start)?;
    if !between.chars().all(char::is_whitespace) {
        return None;
    }
    Some(between.matches('\n').count().saturating_sub(1))
}

/// The empty cells of a run of values, rows `first..end` of `old` after row `before`:
/// where two of its paragraphs stand two blank lines apart and all others one, a cell
/// of `&nbsp;` stood between them, which lynx writes as a blank line of its own. Each
/// is given as the row it stands before and its empty span (at the start of the
/// second blank line). `None` when the gaps are not all of one blank line or two, or
/// the run has an empty row.
fn blank_cells(
    text: &str,
    old: &[TableRow<'_>],
    before: usize,
    first: usize,
    end: usize,
) -> Option<Vec<(usize, zfxxgk_lex::Span)>> {
    let rows = old.get(before..end)?;
    if first >= end || old.get(first..end)?.iter().any(empty) {
        return None;
    }
    let mut out = Vec::new();
    for (k, pair) in rows.windows(2).enumerate() {
        let [a, b] = pair else { return None };
        match blank_lines(text, a, b)? {
            1 => {}
            2 => {
                let between = text.get(a.row.span.end..b.row.span.start)?;
                let second = between.match_indices('\n').nth(1)?.0 + 1;
                let at = a.row.span.end + second;
                out.push((before + k + 1, zfxxgk_lex::Span::new(at, at)));
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Rows `from..to` of `old` as one row (rows with nothing in them left out), an empty
/// cell put before each row that `blanks` names; `tr` is the first.
fn joined<'i>(
    old: &[TableRow<'i>],
    from: usize,
    to: usize,
    tr: &TableRow<'i>,
    blanks: &[(usize, zfxxgk_lex::Span)],
) -> TableRow<'i> {
    let cells: Vec<_> = old
        .get(from..to)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(_, r)| !empty(r))
        .flat_map(|(k, r)| {
            let blank =
                blanks
                    .iter()
                    .find(|b| b.0 == from + k)
                    .map(|&(_, span)| zfxxgk_lex::Cell {
                        text: "",
                        span,
                        x: None,
                    });
            blank.into_iter().chain(r.row.cells.iter().copied())
        })
        .collect();
    let span = match (cells.first(), cells.last()) {
        (Some(f), Some(l)) => zfxxgk_lex::Span::new(f.span.start, l.span.end),
        _ => tr.row.span,
    };
    // Put together by the template's shape, the row is read as a table's row (a row
    // of running text with no number in it would be passed over).
    TableRow {
        row: Row { cells, span },
        from_text: false,
        overflow: Vec::new(),
        padded: false,
    }
}

fn regroup_zone(text: &str, rows: &mut Vec<TableRow<'_>>, table: TableId) {
    if !rows.iter().any(value) {
        return;
    }
    let edition = (table == TableId::T2).then(|| t2_edition(rows)).flatten();
    let old = std::mem::take(rows);
    let mut i = 0;
    while let Some(tr) = old.get(i) {
        // The run of values after row `i` (or from it, for table 四's values).
        let label = lone(tr).filter(|c| number::kind(c.text) == Kind::Text);
        let first = if label.is_some() { i + 1 } else { i };
        let after_value = i > 0 && old.get(i - 1).is_some_and(value);
        // Empty rows between the values are passed over.
        let (mut end, mut n) = (first, 0);
        while let Some(r) = old.get(end).filter(|r| value(r) || empty(r)) {
            n += usize::from(value(r));
            end += 1;
        }
        while end > first && old.get(end - 1).is_some_and(empty) {
            end -= 1;
        }
        if table == TableId::T2 && n == 0 {
            // `信息内容` / `本年制发件数` / …: a header row, one cell a paragraph.
            let header = label.is_some_and(|c| c.text.trim() == "信息内容");
            let mut columns = first;
            while header && old.get(columns).is_some_and(names_t2_column) {
                columns += 1;
            }
            if columns > first {
                rows.push(joined(&old, i, columns, tr, &[]));
                i = columns;
                continue;
            }
        }
        let whole = |n: usize| match label {
            Some(c) => n > 0 && fits(table, c.text, n, edition),
            None => {
                table == TableId::T4
                    && !after_value
                    && (n == T4_COLUMNS.len() * T4_GROUPS.len() || n == T4_COLUMNS.len())
            }
        };
        let blanks = if whole(n) {
            Vec::new()
        } else {
            // A blank cell that left a blank line of its own (lynx's `&nbsp;` cell).
            let before = if label.is_some() {
                Some(i)
            } else {
                i.checked_sub(1)
            };
            match before.and_then(|b| blank_cells(text, &old, b, first, end)) {
                Some(blanks) if !blanks.is_empty() && whole(n + blanks.len()) => blanks,
                _ => {
                    rows.push(tr.clone());
                    i += 1;
                    continue;
                }
            }
        };
        rows.push(joined(&old, i, end, tr, &blanks));
        i = end;
    }
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

    /// lynx -dump of a table with merged cells: each cell centred on a line of its
    /// own, blank lines between.
    #[test]
    fn lynx_rows_read_back_by_the_template_shape() {
        let cell = |t: &str| format!("        {t}\n\n");
        let mut text =
            String::from("某局2023年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n");
        for t in [
            "第二十条第（一）项",
            "信息内容",
            "本年制发件数",
            "本年废止件数",
        ] {
            text.push_str(&cell(t));
        }
        for t in ["现行有效件数", "规章", "89", "11", "148", "行政许可"] {
            text.push_str(&cell(t));
        }
        // A lone tab between two cells.
        text.push_str("\t\n2629\n\n");
        text.push_str("三、收到和处理政府信息公开申请情况\n\n");
        for t in [
            "申请人情况",
            "自然人",
            "总计",
            "一、本年新收政府信息公开申请数量",
        ] {
            text.push_str(&cell(t));
        }
        for t in ["80", "1", "0", "0", "0", "0", "81"] {
            text.push_str(&cell(t));
        }
        // A blank cell left out: six values, not seven.
        text.push_str(&cell("二、上年结转政府信息公开申请数量"));
        for t in ["3", "0", "0", "0", "0", "3"] {
            text.push_str(&cell(t));
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n\n");
        for t in ["行政复议", "结果维持", "总计"] {
            text.push_str(&cell(t));
        }
        for k in 0..15 {
            text.push_str(&cell(&(k % 3).to_string()));
        }
        let got = tidy(&text);
        assert_eq!(get(&got, "t2.regulations.issued"), Some("89"));
        assert_eq!(get(&got, "t2.regulations.in_force"), Some("148"));
        assert_eq!(get(&got, "t2.licensing.decisions"), Some("2629"));
        assert_eq!(get(&got, "t3.new_received.natural_person"), Some("80"));
        assert_eq!(get(&got, "t3.new_received.total"), Some("81"));
        assert!(
            got.iter().all(|c| !c.0.starts_with("t3.carried_over")),
            "{got:?}"
        );
        assert_eq!(get(&got, "t4.review.corrected"), Some("1"));
        assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("2"));
    }

    /// lynx -dump of a Word page's table: a cell of `&nbsp;` leaves a blank line of
    /// its own, two blank lines between its neighbours where one stands elsewhere.
    #[test]
    fn lynx_nbsp_cells_are_read_where_their_blank_line_stands() {
        let cell = |t: &str| format!("                 {t}\n\n");
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n\n");
        for t in [
            "申请人情况",
            "自然人",
            "总计",
            "（一）予以公开",
            "23",
            "0",
            "0",
        ] {
            text.push_str(&cell(t));
        }
        text.push_str("\n   0\n\n");
        for t in [
            "1",
            "24",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ] {
            text.push_str(&cell(t));
        }
        // A blank line too many between two values where six stand: no cell.
        for t in ["23", "0", "0"] {
            text.push_str(&cell(t));
        }
        text.push_str("\n\n   0\n\n");
        for t in ["0", "23"] {
            text.push_str(&cell(t));
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n\n");
        for t in ["行政复议", "结果维持", "总计"] {
            text.push_str(&cell(t));
        }
        for k in 0..14 {
            text.push_str(&cell(&(k % 3 + 1).to_string()));
            if k == 7 {
                text.push('\n');
            }
        }
        let got = tidy(&text);
        assert_eq!(get(&got, "t3.granted.natural_person"), Some("23"));
        assert_eq!(get(&got, "t3.granted.public_interest"), Some(""));
        assert_eq!(get(&got, "t3.granted.legal_services"), Some("0"));
        assert_eq!(get(&got, "t3.granted.total"), Some("24"));
        assert!(
            got.iter().all(|c| !c.0.starts_with("t3.partly_granted")),
            "{got:?}"
        );
        assert_eq!(get(&got, "t4.litigation_direct.upheld"), Some("3"));
        assert_eq!(get(&got, "t4.litigation_direct.pending"), Some(""));
        assert_eq!(get(&got, "t4.litigation_direct.total"), Some("3"));
        assert_eq!(get(&got, "t4.litigation_after_review.total"), Some("2"));
    }

    /// lynx -dump of an online editor's table: a cell holding only `<br>` breaks its
    /// row's line where it stands.
    #[test]
    fn lynx_rows_broken_by_a_br_cell_are_read_with_it_empty() {
        let text =
            "三、收到和处理政府信息公开申请情况\n   申请人情况\n   自然人 法人或其他组织 总计\n   \
                    一、本年新收政府信息公开申请数量 120 1 0 1 6 2 130\n   \
                    二、上年结转政府信息公开申请数量 6\n   0 0 0 0 6\n   \
                    三、本年度办理结果 （一）予以公开 19 0 0 0 2 0 21\n   \
                    四、结转下年度继续办理 10 0 0 0\n   0 10\n\n\
                    五、存在的主要问题及改进情况\n";
        let got = tidy(text);
        assert_eq!(get(&got, "t3.carried_over.natural_person"), Some("6"));
        assert_eq!(get(&got, "t3.carried_over.commercial"), Some(""));
        assert_eq!(get(&got, "t3.carried_over.total"), Some("6"));
        assert_eq!(get(&got, "t3.carried_forward.public_interest"), Some("0"));
        assert_eq!(get(&got, "t3.carried_forward.legal_services"), Some(""));
        assert_eq!(get(&got, "t3.carried_forward.total"), Some("10"));
        // A break right after the label, or a row that does not add up: the break
        // places no cell.
        let text = text
            .replace("数量 6\n   0 0 0 0 6", "数量\n   6 0 0 0 0 6")
            .replace("10 0 0 0\n   0 10", "10 0 0 0\n   0 11");
        let got = tidy(&text);
        for key in [
            "t3.carried_over.natural_person",
            "t3.carried_over.commercial",
            "t3.carried_forward.legal_services",
            "t3.carried_forward.total",
        ] {
            assert_eq!(get(&got, key), None, "{key}: {got:?}");
        }
    }

    #[test]
    fn short_paragraphs_of_numbers_elsewhere_stay_text() {
        let text =
            "一、总体情况\n\n规章\n\n3\n\n5\n\n二、主动公开政府信息情况\n\n行政许可\n\n1\n\n2\n\n";
        let got = tidy(text);
        assert!(got.is_empty(), "{got:?}");
    }
}
