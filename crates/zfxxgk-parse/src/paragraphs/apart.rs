//! Cells that `pdftotext`'s reading order sets apart from their rows, each put back
//! only where the template and the sums leave one place for it: a first column after
//! the labels, a label after the table's last values, a one-row sub-table's values
//! before its label, a table's last values past the next section's heading, table 四's
//! values among its header's words.

use zfxxgk_model::{Edition, SectionKey, TableId, Template, T3_COLUMNS, T4_COLUMNS, T4_GROUPS};

use super::{
    empty, fits, header_line, holds_value, lone, made, names_t3_row, names_t3_row_at, only_split,
    t2_edition, text_line, value, value_run, MAX_LABEL_LINES,
};
use crate::labels;
use crate::number::{self, Kind};
use crate::rows::{Row, TableRow, Zones};

/// Table 四 one cell a paragraph with the header's words between its values (`结果维
/// 结果纠 其他结 尚未审` / `持` / `1` / `正` / `2` / …, as `pdftotext` writes a
/// LibreOffice page): where every value in the zone stands alone on its line, they are
/// fifteen or fourteen, and nothing else in the zone holds a value, they are one row
/// in the order they stand: fifteen only where each group adds up (its total the sum
/// of the four before), fourteen as a row of running text, whose blank cell the
/// groups' sums place or leave.
pub(super) fn scattered_t4(rows: &mut Vec<TableRow<'_>>) {
    let n = T4_COLUMNS.len() * T4_GROUPS.len();
    let lone_values: Vec<usize> = (0..rows.len())
        .filter(|&k| rows.get(k).is_some_and(value))
        .collect();
    let count = lone_values.len();
    if count + 1 < n || count > n {
        return;
    }
    if rows
        .iter()
        .enumerate()
        .any(|(k, r)| holds_value(r) && !lone_values.contains(&k))
    {
        return;
    }
    let cells: Vec<zfxxgk_lex::Cell<'_>> = lone_values
        .iter()
        .filter_map(|&k| rows.get(k))
        .flat_map(|r| r.row.cells.iter().copied())
        .collect();
    if count == n
        && !cells
            .chunks(T4_COLUMNS.len())
            .all(|g| crate::wrapped::group_adds_up(g))
    {
        return;
    }
    let (Some(&first), Some(f), Some(l)) = (lone_values.first(), cells.first(), cells.last())
    else {
        return;
    };
    let row = TableRow {
        row: Row {
            cells: cells.clone(),
            span: zfxxgk_lex::Span::new(f.span.start, l.span.end),
        },
        from_text: count < n,
        overflow: Box::default(),
        padded: false,
    };
    let mut k = 0;
    rows.retain(|_| {
        let keep = !lone_values.contains(&k) || k == first;
        k += 1;
        keep
    });
    if let Some(slot) = rows.iter_mut().find(|r| r.row.span.start == f.span.start) {
        *slot = row;
    }
}

/// The blocks of table 二's sub-tables in `rows`: each from its `第二十条第（…）项` line
/// (the block's first row) to the next such line, or the zone's end.
fn t2_blocks(rows: &[TableRow<'_>]) -> Vec<(usize, usize)> {
    let heading = |r: &TableRow<'_>| {
        text_line(r, TableId::T2).is_some_and(|c| c.text.trim().starts_with("第二十条"))
    };
    let starts: Vec<usize> = (0..rows.len())
        .filter(|&k| rows.get(k).is_some_and(heading))
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(b, &start)| (start, starts.get(b + 1).copied().unwrap_or(rows.len())))
        .collect()
}

/// Table 二's values set apart from the label of a sub-table of one row, as
/// `pdftotext` of a LibreOffice page reads them: before it (`上一年项目数量` / `本年增/减`
/// / `1829` / `0` / `行政事业性收费`), or after it among the column names' words
/// (`行政事业性收费` / `上一年项目数` / `量` / `1829` / `本年增/减` / `—`). The label and
/// its values are set together, to be joined as a label and its values are. Only
/// within the sub-table's block (from its `第二十条第（…）项` line to the next, or the
/// zone's end) where the block names that one row of table 二 and no other, holds no
/// other number, and its values alone on their lines are as many as the sub-table's
/// columns, and the sub-table has that one row (in the edition the zone's headers
/// name, or in both alike: 行政许可 is the one row of its sub-table in 2021 only): the
/// values can be no other row's.
pub(super) fn one_row_blocks_t2(rows: &mut Vec<TableRow<'_>>) {
    let edition = t2_edition(rows);
    let one_row = |label: &str| {
        labels::t2_row(label).is_some_and(|(_, item)| {
            let editions = edition.map_or(Edition::ALL.to_vec(), |e| vec![e]);
            editions.iter().all(|&e| {
                Template::of(e)
                    .t2
                    .iter()
                    .find(|sub| sub.item == item)
                    .is_none_or(|sub| sub.rows.len() == 1)
            })
        })
    };
    // Last block first: moving rows within a block leaves the others where they are.
    for (start, end) in t2_blocks(rows).into_iter().rev() {
        let Some(block) = rows.get(start + 1..end) else {
            continue;
        };
        let named: Vec<usize> = (0..block.len())
            .filter(|&k| {
                block
                    .get(k)
                    .and_then(|r| text_line(r, TableId::T2))
                    .is_some_and(|c| labels::t2_row(c.text).is_some())
            })
            .collect();
        let values: Vec<usize> = (0..block.len())
            .filter(|&k| block.get(k).is_some_and(value))
            .collect();
        let numbers = block.iter().filter(|r| holds_value(r)).count();
        let (&[l], Some(&first), Some(&last)) = (named.as_slice(), values.first(), values.last())
        else {
            continue;
        };
        let Some(label) = block.get(l).and_then(|r| text_line(r, TableId::T2)) else {
            continue;
        };
        // Values right after the label, nothing between: read as they stand.
        let together =
            l < first && (l + 1..=last).all(|k| block.get(k).is_some_and(|r| value(r) || empty(r)));
        if together
            || numbers != values.len()
            || !one_row(label.text)
            || !fits(TableId::T2, label.text, values.len(), edition)
        {
            continue;
        }
        let old: Vec<TableRow<'_>> = block.to_vec();
        let at = l.min(first);
        let mut new: Vec<TableRow<'_>> = Vec::with_capacity(old.len());
        for (k, r) in old.iter().enumerate() {
            if k == at {
                new.extend(old.get(l).cloned());
                new.extend(values.iter().filter_map(|&v| old.get(v).cloned()));
            }
            if k != l && !values.contains(&k) {
                new.push(r.clone());
            }
        }
        rows.splice(start + 1..end, new);
    }
}

/// The one value of a sub-table of table 二 that has one cell (2021: 行政许可's and
/// 行政事业性收费's), its row's label set before the sub-table among the table's other
/// labels, as chromium's online-editor page reads in `pdftotext`'s reading order
/// (`信息内容` / `行政事业性收费` / `现行有效件数` / … / `第二十条第（八）项` /
/// `本年收费金额（单位：万元）` / `1734.7`): the label is put before the value, to be
/// joined as a label and its value are. Only where the sub-table's block (from its
/// `第二十条第（…）项` line to the next, or the zone's end) names no row of table 二,
/// holds no number but that one value alone on its line, after a line naming the
/// sub-table's column; where the sub-table has one row and one column in the edition
/// the zone's headers name (or in both alike); and where one line of the zone, before
/// the block, names that row, with no value after it: no other cell of table 二 can
/// stand there.
pub(super) fn one_cell_blocks_t2(rows: &mut Vec<TableRow<'_>>) {
    let edition = t2_edition(rows);
    // A move takes a label from before its block into it and shifts the rows between:
    // the blocks are found again after each. A block moved into names its row, and
    // is not moved into again.
    while let Some((l, at)) = t2_blocks(rows)
        .into_iter()
        .rev()
        .find_map(|(start, end)| one_cell_move(rows, edition, start, end))
    {
        let label = rows.remove(l);
        rows.insert(at - 1, label);
    }
}

/// For [`one_cell_blocks_t2`], the block of `rows` from `start` (its heading) to
/// `end`: where its one value is its one cell's, the place of the row's label and of
/// that value.
fn one_cell_move(
    rows: &[TableRow<'_>],
    edition: Option<Edition>,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let item = rows
        .get(start)
        .and_then(|r| text_line(r, TableId::T2))
        .and_then(|c| crate::table2::item_of(&crate::normalize::fold(c.text)))?;
    let editions = edition.map_or(Edition::ALL.to_vec(), |e| vec![e]);
    let subs: Vec<_> = editions
        .iter()
        .filter_map(|&e| Template::of(e).t2.iter().find(|sub| sub.item == item))
        .collect();
    let one_cell = subs.len() == editions.len()
        && subs
            .iter()
            .all(|s| s.rows.len() == 1 && s.columns.len() == 1);
    let sub = subs.first().filter(|_| one_cell)?;
    let (row, column) = (sub.rows.first()?, sub.columns.first()?);
    let block = rows.get(start + 1..end)?;
    let names_row = |r: &TableRow<'_>| {
        text_line(r, TableId::T2)
            .and_then(|c| labels::t2_row(c.text))
            .is_some_and(|(def, i)| i == item && def.key == row.key)
    };
    let values: Vec<usize> = (0..block.len())
        .filter(|&k| block.get(k).is_some_and(value))
        .collect();
    let numbers = block.iter().filter(|r| holds_value(r)).count();
    let ([v], 1) = (values.as_slice(), numbers) else {
        return None;
    };
    let named_column = block.get(..*v).is_some_and(|before| {
        before.iter().any(|r| {
            text_line(r, TableId::T2).is_some_and(|c| labels::column_match(c.text, column))
        })
    });
    let named_here = block
        .iter()
        .any(|r| text_line(r, TableId::T2).is_some_and(|c| labels::t2_row(c.text).is_some()));
    if !named_column || named_here {
        return None;
    }
    let labels_before: Vec<usize> = (0..start)
        .filter(|&k| rows.get(k).is_some_and(names_row))
        .collect();
    let [l] = labels_before.as_slice() else {
        return None;
    };
    value_run(rows, l + 1)
        .0
        .is_empty()
        .then_some((*l, start + 1 + v))
}

/// Table 三's first rows whose first column LibreOffice set apart from the rest, as
/// `pdftotext` of its page reads them (`一、本年新收…` / `190` / `二、上年结转…` /
/// the header's words / `1` / `1` / `1` / `0` / `6` / `199` / `0` / … ): the zone's
/// first labels, naming the template's first rows one after another (two or more),
/// each followed by its first column's value alone or, the last only, by nothing
/// (that cell blank: a first value may stand after the next label's line, as the
/// 2021 editor page has `（一）予以公开`'s), then lines of text that name no row, then
/// a run of values, the rest of those rows in turn. Read so only where the run holds exactly the six other columns of each
/// row, at least one label has its value, and each row so made adds up (its total
/// the sum of the six before); else left as it was.
pub(super) fn first_columns_apart<'i>(rows: &mut Vec<TableRow<'i>>) {
    let n = T3_COLUMNS.len();
    fn is_label(r: &TableRow<'_>) -> bool {
        text_line(r, TableId::T3).is_some() && names_t3_row(r) && !header_line(r)
    }
    let skip = |mut k: usize| {
        while rows.get(k).is_some_and(empty) {
            k += 1;
        }
        k
    };
    let Some(start) = rows.iter().position(is_label) else {
        return;
    };
    // The labels and their first columns' values (row indices).
    let mut heads: Vec<(usize, Option<usize>)> = Vec::new();
    let mut k = start;
    while let Some(r) = rows.get(k).filter(|r| is_label(r)) {
        if !names_t3_row_at(r, heads.len()) {
            break;
        }
        let mut j = skip(k + 1);
        let first = rows.get(j).is_some_and(value).then_some(j);
        if first.is_some() {
            j = skip(j + 1);
        }
        if rows.get(j).is_some_and(value) {
            // Two values or more after a label: not its first column alone.
            return;
        }
        heads.push((k, first));
        k = j;
        if first.is_none() {
            // Nothing after a label stands for its blank first cell only where no
            // label follows: a first value may stand after the next label's line.
            if rows.get(k).is_some_and(is_label) {
                return;
            }
            break;
        }
    }
    if heads.len() < 2 || heads.iter().all(|h| h.1.is_none()) {
        return;
    }
    // Lines of text naming no row, then the run.
    while let Some(r) = rows.get(k).filter(|r| !value(r)) {
        if holds_value(r) || is_label(r) || names_t3_row(r) && !header_line(r) {
            return;
        }
        k += 1;
    }
    let (run, _) = value_run(rows, k);
    if run.len() != heads.len() * (n - 1) {
        return;
    }
    let lone_cell = |k: usize| rows.get(k).and_then(lone).copied();
    let mut made_rows: Vec<(usize, TableRow<'i>)> = Vec::new();
    for (&(label, first), chunk) in heads.iter().zip(run.chunks(n - 1)) {
        let Some(tr) = rows.get(label) else {
            return;
        };
        let first = match first {
            Some(f) => lone_cell(f),
            // Nothing after the label: its first column was blank.
            None => Some(zfxxgk_lex::Cell {
                text: "",
                span: zfxxgk_lex::Span::new(tr.row.span.end, tr.row.span.end),
                x: None,
            }),
        };
        let Some(first) = first else {
            return;
        };
        let values: Vec<zfxxgk_lex::Cell<'i>> = std::iter::once(Some(first))
            .chain(chunk.iter().map(|&k| lone_cell(k)))
            .collect::<Option<_>>()
            .unwrap_or_default();
        if values.len() != n || !crate::wrapped::group_adds_up(&values) {
            return;
        }
        let mut cells = tr.row.cells.clone();
        cells.extend(values);
        made_rows.push((label, made(cells, tr)));
    }
    let taken: Vec<usize> = heads.iter().filter_map(|h| h.1).chain(run).collect();
    let old = std::mem::take(rows);
    for (k, r) in old.into_iter().enumerate() {
        if taken.contains(&k) {
            continue;
        }
        match made_rows.iter().position(|m| m.0 == k) {
            Some(at) => rows.push(made_rows.swap_remove(at).1),
            None => rows.push(r),
        }
    }
}

/// A label of table 三 set after the table's last values (`5.要求行政机关确认或重` /
/// `新出具已获取信息` at the zone's end, as `pdftotext` of a LibreOffice page may read
/// it), moved to just before the run of values whose rows it names the last of: the
/// run after the labels of the template's rows just before its own (`3.要求提供公开出版物`
/// / `4.无正当理由大量反复申请` / three rows' values). Only where the zone ends with
/// that label's lines alone (the first numbered), they name one row in each edition,
/// and one run only splits one way into rows that add up, one more than the labels
/// since the values before it, which name the rows before the label's one after
/// another. The labels then take the rows in turn as labels before their values do
/// ([`in_order`](super::in_order), which checks them again).
pub(super) fn label_after_table_t3(rows: &mut Vec<TableRow<'_>>) {
    let n = T3_COLUMNS.len();
    let Some(last_value) = rows.iter().rposition(holds_value) else {
        return;
    };
    let tail: Vec<usize> = (last_value + 1..rows.len())
        .filter(|&k| rows.get(k).is_some_and(|r| !empty(r)))
        .collect();
    let numbered_first = tail
        .first()
        .and_then(|&k| rows.get(k))
        .and_then(|r| text_line(r, TableId::T3))
        .is_some_and(|c| labels::Folded::new(c.text).numbered());
    if !numbered_first
        || tail.len() > MAX_LABEL_LINES
        || !tail.iter().all(|&k| {
            rows.get(k)
                .and_then(|r| text_line(r, TableId::T3))
                .is_some()
        })
    {
        return;
    }
    let named = |e: Edition, ks: &[usize]| -> Option<usize> {
        let folded: Vec<labels::Folded<'_>> = ks
            .iter()
            .filter_map(|&k| rows.get(k))
            .flat_map(|r| r.row.cells.iter())
            .filter(|c| !c.text.trim().is_empty())
            .map(|c| labels::Folded::new(c.text))
            .collect();
        labels::best_t3_row(&folded, e).map(|(j, _)| j)
    };
    let cells_of = |ks: &[usize]| -> Vec<zfxxgk_lex::Cell<'_>> {
        ks.iter()
            .filter_map(|&k| rows.get(k))
            .flat_map(|r| r.row.cells.iter().copied())
            .collect()
    };
    // Each run of lone values whose rows the trailing label may name the last of.
    let mut found: Option<usize> = None;
    let mut k = 0;
    while k < last_value {
        if !rows.get(k).is_some_and(value) {
            k += 1;
            continue;
        }
        let start = k;
        let (run, next) = value_run(rows, k);
        k = next;
        if run.len() <= n {
            continue;
        }
        let Some(sizes) = only_split(&run, &|ks| crate::wrapped::whole(&cells_of(ks))) else {
            continue;
        };
        // The labels since the values before the run.
        let since = (0..start)
            .rev()
            .find(|&p| rows.get(p).is_some_and(holds_value))
            .map_or(0, |p| p + 1);
        let open: Vec<usize> = (since..start)
            .filter(|&p| {
                rows.get(p)
                    .is_some_and(|r| names_t3_row(r) && !header_line(r))
            })
            .collect();
        let fits = Edition::ALL.iter().any(|&e| {
            let Some(own) = named(e, &tail) else {
                return false;
            };
            let at: Vec<Option<usize>> = open
                .iter()
                .map(|&p| named(e, &[p]))
                .chain(std::iter::once(Some(own)))
                .collect();
            at.iter().all(Option::is_some)
                && at
                    .windows(2)
                    .all(|w| matches!(w, [Some(a), Some(b)] if a + 1 == *b))
        });
        if !open.is_empty() && fits && sizes.len() == open.len() + 1 {
            if found.is_some() {
                return;
            }
            found = Some(start);
        }
    }
    let Some(start) = found else {
        return;
    };
    let moved: Vec<TableRow<'_>> = tail.iter().filter_map(|&k| rows.get(k).cloned()).collect();
    rows.truncate(last_value + 1);
    let at = (0..start)
        .rev()
        .find(|&p| rows.get(p).is_some_and(|r| !empty(r)))
        .map_or(start, |p| p + 1);
    for (j, r) in moved.into_iter().enumerate() {
        rows.insert(at + j, r);
    }
}

/// Table 四's values, one a paragraph, that run on past the next section's heading
/// (`3` / `2` / `五、存在的主要问题及改进情况` / `8` / `1` / …: `pdftotext` of a
/// LibreOffice page follows where each cell's text stands, and the heading may stand
/// above the table's last cells), taken into the zone: only where every value in the
/// zone stands alone on its line, the zone ends with one, the one line after it is
/// the heading of section 五 and nothing else, the lines after the heading are values
/// alone on their lines up to a line of text, and the zone's and the heading's values
/// together are one row of the three groups (fifteen) with each group adding up (its
/// total the sum of the four before). [`scattered_t4`] then reads them as one row.
pub(super) fn past_heading_t4<'i>(text: &'i str, rows: &mut Vec<TableRow<'i>>) {
    let n = T4_COLUMNS.len() * T4_GROUPS.len();
    if rows.iter().any(|r| holds_value(r) && !value(r)) {
        return;
    }
    let have: Vec<zfxxgk_lex::Cell<'i>> = rows
        .iter()
        .filter(|r| value(r))
        .filter_map(lone)
        .copied()
        .collect();
    let Some(last) = rows.iter().rev().find(|r| !empty(r)).filter(|r| value(r)) else {
        return;
    };
    if have.is_empty() || have.len() >= n {
        return;
    }
    let mut at = last.row.span.end;
    let Some(rest) = text.get(at..) else {
        return;
    };
    let mut heading = false;
    let mut found: Vec<zfxxgk_lex::Cell<'i>> = Vec::new();
    for line in rest.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let word = line.trim();
        if word.is_empty() {
            continue;
        }
        if !heading {
            // The rest of the last value's line holds nothing; the next line is
            // section 五's heading, whole.
            if !heading_line(line, SectionKey::S5) {
                return;
            }
            heading = true;
            continue;
        }
        if word.contains(char::is_whitespace) || number::kind(word) == Kind::Text {
            break;
        }
        let from = start + (line.len() - line.trim_start().len());
        let Some(t) = text.get(from..from + word.len()) else {
            return;
        };
        found.push(zfxxgk_lex::Cell {
            text: t,
            span: zfxxgk_lex::Span::new(from, from + word.len()),
            x: None,
        });
        if have.len() + found.len() > n {
            return;
        }
    }
    if have.len() + found.len() != n {
        return;
    }
    let all: Vec<zfxxgk_lex::Cell<'i>> = have.iter().chain(&found).copied().collect();
    if !all
        .chunks(T4_COLUMNS.len())
        .all(|g| crate::wrapped::group_adds_up(g))
    {
        return;
    }
    rows.extend(found.into_iter().map(|c| TableRow {
        row: Row {
            cells: vec![c],
            span: c.span,
        },
        from_text: true,
        overflow: Box::default(),
        padded: false,
    }));
}

/// Table 二's procurement amount written after section 三's heading:
///
/// ```text
/// 政府集中采购 NL 1924 NL 三、收到和处理政府信息公开申请情况 NL 795016.99元
/// ```
///
/// The zone ends with the procurement row's label and one value, each alone on its
/// line, the value a count (no unit); the next line is section 三's heading and nothing
/// else; the line after it is one amount alone, in 元. The amount is that row's (it is
/// the one cell of the template a sum of money fills, and table 三 holds none): it is
/// moved from table 三's zone to the end of table 二's.
pub(super) fn past_heading_t2<'i>(text: &'i str, zones: &mut Zones<'i>) {
    let mut filled = zones.t2.iter().rev().filter(|r| !empty(r));
    let (Some(count), Some(label)) = (filled.next(), filled.next()) else {
        return;
    };
    let procurement = lone(label).and_then(|c| labels::t2_row(c.text.trim()));
    if procurement.is_none_or(|(def, _)| def.key != "procurement")
        || lone(count).is_none_or(|c| number::kind(c.text) != Kind::Number || c.text.contains('元'))
    {
        return;
    }
    let mut at = count.row.span.end;
    let mut heading = false;
    for line in text.get(at..).unwrap_or_default().split_inclusive('\n') {
        let start = at;
        at += line.len();
        let word = line.trim();
        if word.is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if !heading {
            heading = heading_line(line, SectionKey::S3);
            if heading {
                continue;
            }
            return;
        }
        let money = word.ends_with('元') && !word.contains(char::is_whitespace);
        if !money || number::kind(word) != Kind::Number {
            return;
        }
        let span = zfxxgk_lex::Span::new(start + indent, start + indent + word.len());
        let Some(at_t3) = zones
            .t3
            .iter()
            .position(|r| lone(r).is_some_and(|c| c.span == span))
        else {
            return;
        };
        let moved = zones.t3.remove(at_t3);
        zones.t2.push(moved);
        return;
    }
}

/// Whether `line` is the heading of section `key` and nothing else: one heading, at
/// the line's start, no digit in it.
fn heading_line(line: &str, key: SectionKey) -> bool {
    let indent = line.len() - line.trim_start().len();
    let heads = crate::sections::headings(line);
    matches!(heads.as_slice(), [h] if h.key == key && h.start == indent)
        && !line.chars().any(|c| c.is_ascii_digit())
}
