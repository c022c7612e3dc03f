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
//! what it lacks, every other gap one blank line.
//! lynx's other traces of a blank cell (a `<br/>` that breaks its row's line, an
//! empty centred cell that sets the next off the centre) are read in [`lynx`].
//!
//! In table 三 (`pdftotext` of a LibreOffice page writes it so) a label cut over
//! lines (`（二）部分公开（区分处理` / `的，只计这一情形，不计其他` / `情形）`) is put
//! back together, back to its numbered line (pieces of a group's label set among its
//! lines, `其他处` / `理` of 其他处理, passed over and kept as lines of their own), and a run of more than seven values
//! after a label is read seven by seven while each seven adds up (the last the sum of
//! the six before), the first seven the label's, the others rows without a label;
//! only where no line naming a row of table 三 stands without values since the last
//! values (values after a label may be an earlier row's, read late: which seven are
//! whose could not be told), unless the values split one way only into as many rows
//! that add up as there are such labels, which then take them in turn. After the first
//! seven, a run that splits one way only into rows of seven or six that add up is
//! read so; a whole run that does is read so from its first row, seven or six. The
//! first seven are no label's where its first six add up as well (a row whose blank
//! left nothing, the next row's first value after it), nor where values not put
//! together stand before the label, flush left (`pdftotext` of a page can set a
//! row's values before its label, or after the next one): fewer than seven that make
//! a row adding up with the label's first values, or, with no label just before
//! them, that add up as a row themselves; nor where the row before the label is
//! short of values and the run, longer than a row, does not split into rows (the
//! rests of rows before, read late one after another, may make seven that add up). A
//! line of text cells only (`（四）`
//! `1.本机关不掌握相关政府信息`, a group's label beside its item's) is a label as a line
//! of one cell is. Labels left without values since the last values take the rows of
//! the next label's run in turn only where they name template rows one after another
//! (column header words such as `总计` are no label); where the run splits into more
//! rows than those labels, the labels after it take the rest only where no value
//! follows them in the zone and all the labels name the template's rows one after
//! another down to its last (`四、结转下年度继续办理`): LibreOffice sets the labels of
//! the table's end after its values. Values alone after those labels, fewer than a
//! row's, end the run's last row, where the run alone does not split and with them
//! it does (`31 0 0 0 0` / the labels / `31`). A label naming a row no later than the
//! last row read with its label is no label left without values: LibreOffice set it
//! after its row's values, which were read before by their position. Of the labels
//! left without values, a line naming the row the line before names, or naming none
//! and not numbered, is that label's rest (a label cut over lines, its group's cell
//! set apart: `1.申请人无正当理由逾期不补正、行政机关不` / `（六）其他 再处理其政府信息
//! 公开申请`), and a group's cut cell on a label's line names nothing. Where the run
//! splits more ways than one (rows of zeros), it is read only where it splits one way
//! into as many rows as the labels name.
//!
//! chromium's editor page, in reading order, sets the header's words, cut over lines
//! (`申请人情况` … `人 企业 机构 益组织 务机构 他 计`), or the number of the next rows'
//! first label alone (`6.`), between the labels and their values: the run is then read
//! after the last label, those lines passed over and kept ([`header_between`]).
//!
//! After three labels or more each set with one value at most, the values after the
//! last label are not read as its row, though its first seven add up: chromium's
//! Word page, after a page break, sets the last rows' labels so, with their first
//! column, and then the other columns of all of them ([`crate::columnwise::tail`]
//! reads them); its online-editor page sets each page's first column so, a value
//! before each label ([`crate::columnwise`]).
//!
//! A run of another length (a blank cell left out with no trace, a label cut in two)
//! is left as it was, to be left unplaced: a wrong number is worse than a missing one.
//!
//! LibreOffice's page, read by `pdftotext` in reading order, sets cells apart in more
//! ways, each read only where the template and the sums leave one reading (those that
//! put a cell back far from where it stands are in [`apart`]):
//!
//! - the first column of table 三's first rows after each label, the rest of those
//!   rows after the header's words ([`apart::first_columns_apart`]);
//! - a label of table 三 after the table's last values, naming the row after those of
//!   the labels open before a run ([`apart::label_after_table_t3`]);
//! - a row's first value after the next label, the rest before its own
//!   ([`around_labels`]);
//! - a run that splits two ways into rows that add up, split the one way whose rows
//!   fit under （七）总计 plus 四 column by column ([`column_bounds`]);
//! - the values of a one-row sub-table of table 二 before its label or among its
//!   column names ([`apart::one_row_blocks_t2`]);
//! - the value of a one-cell sub-table of table 二 after its column's name, its label
//!   set before the sub-table among the table's other labels, as chromium's reading
//!   order sets its online-editor page ([`apart::one_cell_blocks_t2`]);
//! - table 四's last values after section 五's heading ([`apart::past_heading_t4`]);
//! - table 二's procurement amount after section 三's heading, as chromium's reading
//!   order sets it where a page breaks in that row ([`apart::past_heading_t2`]);
//! - a first row's cell alone far below, among the header's words, taken where the
//!   rows' sums and （七）总计 leave it one place ([`stray`]);
//! - seven values that do not add up, flush left: left unread, since a row's cell
//!   may stand after its total or the next label (in [`t3_rows`]).

use zfxxgk_model::{
    ColumnDef, Edition, PerEdition, TableId, Template, T3_COLUMNS, T4_COLUMNS, T4_GROUPS,
};

use crate::labels;
use crate::number::{self, Kind};
use crate::rows::{Row, TableRow, Zones};
use apart::{
    first_columns_apart, label_after_table_t3, one_cell_blocks_t2, one_row_blocks_t2,
    past_heading_t2, past_heading_t4, scattered_t4,
};
use lynx::{
    blank_cells, blank_total, centred_trailing_blank, rejoin_broken, rejoin_broken_t2,
    rejoin_broken_t4, shifted_cells, trailing_blank, zone_centre,
};

/// Puts the rows of each zone that were written one cell per paragraph back together,
/// and rows of tables 三 and 四 that a `<br>`-only cell broke in two; `text` is what the rows'
/// spans index.
pub(crate) fn regroup<'i>(text: &'i str, zones: &mut Zones<'i>) {
    one_row_blocks_t2(&mut zones.t2);
    one_cell_blocks_t2(&mut zones.t2);
    past_heading_t2(text, zones);
    rejoin_broken_t2(text, &mut zones.t2);
    regroup_zone(text, &mut zones.t2, TableId::T2);
    first_columns_apart(&mut zones.t3);
    label_after_table_t3(&mut zones.t3);
    regroup_zone(text, &mut zones.t3, TableId::T3);
    stray::first_rows_stray(&mut zones.t3);
    regroup_zone(text, &mut zones.t4, TableId::T4);
    past_heading_t4(text, &mut zones.t4);
    scattered_t4(&mut zones.t4);
    rejoin_broken(text, &mut zones.t3);
    rejoin_broken_t4(text, &mut zones.t4);
    blank_total(text, &mut zones.t3);
}

/// The one cell of a row read from running text, if it has exactly one.
fn lone<'r, 'i>(tr: &'r TableRow<'i>) -> Option<&'r zfxxgk_lex::Cell<'i>> {
    match tr.row.cells.as_slice() {
        [c] if tr.from_text => Some(c),
        _ => None,
    }
}

/// A line of running text that holds text only, as a label of table 三 stands when
/// `pdftotext` sets a group's label beside its item's (`（四）` `1.本机关不掌握相关政府信息`):
/// its first cell. A line of one cell, in the other tables.
fn text_line<'r, 'i>(tr: &'r TableRow<'i>, table: TableId) -> Option<&'r zfxxgk_lex::Cell<'i>> {
    if table != TableId::T3 {
        return lone(tr).filter(|c| number::kind(c.text) == Kind::Text);
    }
    let first = tr.row.cells.first()?;
    (tr.from_text
        && tr
            .row
            .cells
            .iter()
            .all(|c| number::kind(c.text) == Kind::Text))
    .then_some(first)
}

/// Whether a row has nothing in it (a lone tab between two cells' lines).
fn empty(tr: &TableRow<'_>) -> bool {
    tr.row.cells.iter().all(|c| c.text.trim().is_empty())
}

/// Whether a row is one value written alone on its line.
fn value(tr: &TableRow<'_>) -> bool {
    lone(tr).is_some_and(|c| number::kind(c.text) != Kind::Text)
}

/// Whether any cell of a row holds a value (a number or a blank mark).
fn holds_value(tr: &TableRow<'_>) -> bool {
    values_in(tr) > 0
}

/// How many cells of a row hold a value (a number or a blank mark).
fn values_in(tr: &TableRow<'_>) -> usize {
    tr.row
        .cells
        .iter()
        .filter(|c| number::kind(c.text) != Kind::Text)
        .count()
}

/// The run of lone values from row `k` of `rows` on, empty rows passed over: the
/// values' indices, and the index after the run.
fn value_run(rows: &[TableRow<'_>], mut k: usize) -> (Vec<usize>, usize) {
    let mut run = Vec::new();
    while let Some(r) = rows.get(k).filter(|r| value(r) || empty(r)) {
        if value(r) {
            run.push(k);
        }
        k += 1;
    }
    (run, k)
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
    t2_edition_in(rows, |r| lone(r).into_iter().collect())
}

/// [`t2_edition`] from the cells `cells` gives of each row.
fn t2_edition_in<'r, 'i: 'r>(
    rows: &'r [TableRow<'i>],
    cells: impl Fn(&'r TableRow<'i>) -> Vec<&'r zfxxgk_lex::Cell<'i>>,
) -> Option<Edition> {
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
                .flat_map(&cells)
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
    lone(tr).is_some_and(|cell| labels::names_t2_column(cell.text))
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
    // An empty cell after the last row put together (one that ends the row).
    let mut cells = cells;
    cells.extend(
        blanks
            .iter()
            .filter(|b| b.0 == to)
            .map(|&(_, span)| zfxxgk_lex::Cell {
                text: "",
                span,
                x: None,
            }),
    );
    let span = match (cells.first(), cells.last()) {
        (Some(f), Some(l)) => zfxxgk_lex::Span::new(f.span.start, l.span.end),
        _ => tr.row.span,
    };
    // Put together by the template's shape, the row is read as a table's row (a row
    // of running text with no number in it would be passed over).
    TableRow {
        row: Row { cells, span },
        from_text: false,
        overflow: Box::default(),
        padded: false,
    }
}

fn regroup_zone(text: &str, rows: &mut Vec<TableRow<'_>>, table: TableId) {
    if !rows.iter().any(value) {
        return;
    }
    let edition = (table == TableId::T2).then(|| t2_edition(rows)).flatten();
    let centre = zone_centre(text, rows);
    let old = std::mem::take(rows);
    // Table 二's rows put together (their place in `rows`, what they were in `old`, their
    // sub-table), and the sub-tables with a label left short of its values.
    let mut t2_joined: Vec<(usize, std::ops::Range<usize>, u8)> = Vec::new();
    let mut t2_short: Vec<u8> = Vec::new();
    let t2_item = |label: Option<&zfxxgk_lex::Cell<'_>>| {
        label
            .filter(|_| table == TableId::T2)
            .and_then(|c| labels::t2_row(c.text))
            .map(|(_, item)| item)
    };
    let mut i = 0;
    while let Some(tr) = old.get(i) {
        // The run of values after row `i` (or from it, for table 四's values).
        let label = text_line(tr, table);
        let first = if label.is_some() { i + 1 } else { i };
        let after_value = i > 0 && old.get(i - 1).is_some_and(value);
        // Empty rows between the values are passed over.
        let (run, mut end) = value_run(&old, first);
        let n = run.len();
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
        if table == TableId::T3 && label.is_some() && n >= T3_COLUMNS.len() {
            let values: Vec<usize> = (first..end)
                .filter(|&k| old.get(k).is_some_and(value))
                .collect();
            if let Some(next) = header_between(text, &old, tr, &values, rows) {
                i = next.unwrap_or(end);
                continue;
            }
            if let Some(next) = t3_rows(text, &old, tr, &values, rows) {
                i = next.unwrap_or(end);
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
            let lines = before
                .and_then(|b| blank_cells(text, &old, b, first, end))
                .filter(|blanks| !blanks.is_empty());
            // Or a cell after an empty one set off the centre (lynx's centred cells).
            let shifted = || {
                centre
                    .and_then(|w| shifted_cells(text, &old, first, end, w))
                    .filter(|blanks| !blanks.is_empty())
            };
            // Or an empty cell that ends the row, a blank line of its own after it.
            let trailing = || {
                label
                    .and_then(|_| trailing_blank(text, &old, i, first, end))
                    .map(|b| vec![b])
            };
            // Or an empty centred cell that ends the row: the next row's first line
            // set off the centre.
            let centred_trailing = || {
                label
                    .and(centre)
                    .and_then(|w| centred_trailing_blank(text, &old, first, end, w))
                    .map(|b| vec![b])
            };
            match lines
                .or_else(shifted)
                .or_else(trailing)
                .or_else(centred_trailing)
            {
                Some(blanks) if whole(n + blanks.len()) => blanks,
                _ => {
                    // lynx's centred cells stand in their rows' order: a row short
                    // there lost a blank, and its neighbours' values are theirs.
                    if label.is_some_and(|c| !indented(text, c)) {
                        t2_short.extend(t2_item(label));
                    }
                    rows.push(tr.clone());
                    i += 1;
                    continue;
                }
            }
        };
        if let Some(item) = t2_item(label) {
            t2_joined.push((rows.len(), i..end, item));
        }
        rows.push(joined(&old, i, end, tr, &blanks));
        i = end;
    }
    unjoin_short_t2(rows, &old, &t2_joined, &t2_short);
}

/// Table 二's rows put together in a sub-table where a label was left short of its
/// values, taken apart again. A blank cell written as nothing left no trace there,
/// and where it left none the values need not stand by their labels: `pdftotext` of
/// LibreOffice's page writes a sub-table's lone value before its label (`行政处罚` /
/// `3212` / `行政强制`, 3212 being 行政强制's), and a column whose last cell is blank
/// after the rows (`规章` / `4627` / `/` / `行政规范性文件` / `1747` / `1660` / `4198`,
/// 4198 being 规章's). Which row a value is then cannot be told, and table 二 has no
/// sums to tell it by, so none of the sub-table's rows is read: they stay as they were
/// written. Only flush left: lynx's centred cells keep their rows' order. `joined` holds each row put together, in order: its place in `rows`, the
/// rows of `old` it was made of, and its sub-table; `short` the sub-tables with a
/// label left short.
///
/// A value can drift further, past the sub-table's end (`行政处罚` / `4112` / `行政强制` /
/// `1918` / `1030`, 1030 being 行政规范性文件's): where it lands after a row that has
/// its own values, that row is left short too; only where it lands in the place of a
/// later row's own blank last cell would it be read as that cell. Taking apart every
/// sub-table after a short label as well would leave about one cell in sixty of
/// LibreOffice's reading-order pages unread, for a case no generated page has shown.
fn unjoin_short_t2<'i>(
    rows: &mut Vec<TableRow<'i>>,
    old: &[TableRow<'i>],
    joined: &[(usize, std::ops::Range<usize>, u8)],
    short: &[u8],
) {
    if !joined.iter().any(|(_, _, item)| short.contains(item)) {
        return;
    }
    let made = std::mem::take(rows);
    for (k, tr) in made.into_iter().enumerate() {
        match joined
            .iter()
            .find(|(at, _, item)| *at == k && short.contains(item))
        {
            Some((_, from, _)) => {
                rows.extend(old.get(from.clone()).unwrap_or_default().iter().cloned())
            }
            None => rows.push(tr),
        }
    }
}

/// The words over table 三's columns: the header cells above them (`申请人情况`,
/// `法人或其他组织`) and the columns' own.
const T3_HEADER_WORDS: [&str; 2] = ["申请人情况", "法人或其他组织"];

/// Whether every cell of a line is a piece of table 三's header words (`人 企业 机构
/// 益组织 务机构 他 计`, `其`, `总`: the header cut over lines), none numbered.
fn header_piece(r: &TableRow<'_>) -> bool {
    let mut cells = r
        .row
        .cells
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .peekable();
    cells.peek().is_some()
        && cells.all(|c| {
            let f = labels::Folded::new(c.text);
            let piece = f.text();
            !f.numbered()
                && !piece.is_empty()
                && T3_COLUMNS
                    .iter()
                    .flat_map(|col| std::iter::once(col.label).chain(col.aliases.iter().copied()))
                    .chain(T3_HEADER_WORDS)
                    .any(|w| crate::normalize::fold(w).contains(piece))
        })
}

/// Whether a line is a row's number alone (`6.`, `（三）`), its label's words set
/// elsewhere: chromium's editor page, in reading order, sets `6.` of
/// 6.属于四类过程性信息 after the table's last label, before the values.
fn bare_number(r: &TableRow<'_>) -> bool {
    lone(r).is_some_and(|c| labels::Folded::new(c.text.trim()).numbering_only())
}

/// Most lines of the header's words passed over between a label and its values
/// ([`header_between`]).
const MAX_HEADER_LINES: usize = 12;

/// A run of table 三's values whose line before (`tr`) names no row: the header's
/// words, cut over lines, set between the labels and their values (chromium's editor
/// page, in reading order: `…` / `5.属于三类内部事务信息` / `申请人情况` / … /
/// `人 企业 机构 益组织 务机构 他 计` / the values), or a row's number alone (`6.`,
/// after the table's last label). The run is read as [`t3_rows`] reads it after the
/// last line that names a row, where the line before the values is such a number or
/// a piece of the header ([`header_piece`]) and every line between is a piece of the
/// header, at most [`MAX_HEADER_LINES`] of them; they stay as lines of their own.
/// `None` where not so, or where [`t3_rows`] reads nothing so: nothing changed.
fn header_between<'i>(
    text: &str,
    old: &[TableRow<'i>],
    tr: &TableRow<'i>,
    values: &[usize],
    rows: &mut Vec<TableRow<'i>>,
) -> Option<Option<usize>> {
    let words = |r: &TableRow<'_>| text_line(r, TableId::T3).is_some() && header_piece(r);
    if !words(tr) && !bare_number(tr) {
        return None;
    }
    let mut at = rows.len();
    let mut between = 1;
    while let Some(r) = at.checked_sub(1).and_then(|k| rows.get(k)) {
        if empty(r) {
            at -= 1;
            continue;
        }
        if names_t3_row(r) && !header_line(r) {
            break;
        }
        if !words(r) || between >= MAX_HEADER_LINES {
            return None;
        }
        between += 1;
        at -= 1;
    }
    let own = at.checked_sub(1).and_then(|k| rows.get(k)).cloned()?;
    let mut header = rows.split_off(at);
    header.push(tr.clone());
    rows.pop();
    match t3_rows(text, old, &own, values, rows) {
        Some(next) => {
            rows.append(&mut header);
            Some(next)
        }
        None => {
            rows.push(own);
            header.pop();
            rows.append(&mut header);
            None
        }
    }
}

/// Most lines a label of table 三 is cut into, one cell a paragraph
/// (`（二）部分公开（区分处理` / `的，只计这一情形，不计其他` / `情形）`).
const MAX_LABEL_LINES: usize = 3;

/// Values on one line of a zone that make it a grid's (`pdftotext -layout`), not
/// lynx's cells each on a line of its own.
const MIN_GRID_VALUES: usize = 3;

/// Table 三's rows from a label (`tr`, the lone text row before the values) and the
/// value rows after it (`values`, their indices in `old`), pushed onto `rows`: the
/// label with the first seven values, when they are all the values or add up (the
/// last the sum of the six before: [`crate::wrapped::whole`]); then each further seven
/// that add up, a row without a label (placed by the template's order, or left); the
/// values left after them stay as they were. The label takes the lines of text just
/// before it (popped off `rows`) back to one that is numbered, where one is within
/// [`MAX_LABEL_LINES`]. `None` when the first seven neither are all nor add up
/// (nothing pushed); else where the rows after the values begin, `None` within for
/// the end of the run.
fn t3_rows<'i>(
    text: &str,
    old: &[TableRow<'i>],
    tr: &TableRow<'i>,
    values: &[usize],
    rows: &mut Vec<TableRow<'i>>,
) -> Option<Option<usize>> {
    let n = T3_COLUMNS.len();
    let cells_of = |ks: &[usize]| -> Vec<zfxxgk_lex::Cell<'i>> {
        ks.iter()
            .filter_map(|&k| old.get(k))
            .flat_map(|r| r.row.cells.iter().copied())
            .collect()
    };
    let first = values.get(..n)?;
    if values.len() > n && !crate::wrapped::whole(&cells_of(first)) {
        // The first value may end the row of the label before, whose other values
        // stand before the labels. Where it does not, the run is read as any other
        // (its first row may have lost a blank cell: six values).
        let lines = label_lines(rows, tr);
        let mut tried = rows.clone();
        let mut label = split_label(&mut tried, lines);
        label.push(tr.clone());
        if let Some(next) = around_labels(&mut tried, &label, values, &cells_of) {
            *rows = tried;
            return Some(next);
        }
    }
    // Left as they were (to be left unplaced), the label and its values each a row
    // of their own.
    let leave = |rows: &mut Vec<TableRow<'i>>| {
        rows.push(tr.clone());
        Some(values.first().copied())
    };
    // The row before showed fewer values than columns: the rest of its values may
    // stand after this label (`1.信访举报投诉类申请` / five values / `2.重复申请` / its
    // two, then the next row's). Where they make a row of seven or six that adds up
    // with this label's first values, which are whose cannot be told.
    let (before, labelled) = run_before(rows);
    // lynx sets each cell on a line of its own, centred, row after row: no row's
    // values stand after the next label there, as they may in `pdftotext` of a page
    // (lines flush left), whose reading order follows where each cell's text stands.
    // Not where a line of the zone holds a row's values (`pdftotext -layout`, whose
    // indented lines of one value are a column's, a few rows set one under the other).
    let centred = !old.iter().any(|r| values_in(r) >= MIN_GRID_VALUES)
        && before
            .iter()
            .chain(&cells_of(values.get(..1).unwrap_or_default()))
            .all(|c| indented(text, c));
    let before = if centred { Vec::new() } else { before };
    let spills = !before.is_empty()
        && [n, n - 1].into_iter().any(|size| {
            let Some(ks) = size
                .checked_sub(before.len())
                .filter(|&k| k > 0)
                .and_then(|k| values.get(..k))
            else {
                return false;
            };
            let mut cells = before.clone();
            cells.extend(cells_of(ks));
            crate::wrapped::whole(&cells)
        });
    // Or those values, where no label stands just before them, may be this label's
    // own, a row whose blank cells left nothing set before its label (`0 0 0 0 0` /
    // `2.重复申请` / the next rows' values): where they add up as a row (the last the
    // sum of those before), which are whose cannot be told either.
    if spills || (!before.is_empty() && !labelled && crate::wrapped::group_adds_up(&before)) {
        return leave(rows);
    }
    // The label's lines before it, back to a numbered one.
    let back = label_lines(rows, tr);
    let mut label = split_label(rows, back);
    label.push(tr.clone());
    if values.len() > n && pending(rows) {
        let after = values
            .last()
            .and_then(|&l| old.get(l + 1..))
            .unwrap_or_default();
        if let Some(next) = in_order(rows, &label, values, after, &cells_of) {
            return Some(next);
        }
    }
    if label.len() > 1 && pending(rows) {
        // Put back as they were: the label is the line before the values alone.
        label.pop();
        rows.append(&mut label);
        label = vec![tr.clone()];
    }
    if values.len() > n && pending(rows) {
        return None;
    }
    if values.len() > n && first_columns_before(rows) {
        // Put back as they were, to be read by the columns or left unplaced.
        label.pop();
        rows.append(&mut label);
        return leave(rows);
    }
    // Where the values split one way only into rows of seven or six that add up, the
    // label's are the first of them, seven or six (a blank cell left nothing, to be
    // placed by the sums or left). Else the first seven are the label's only where
    // the first six do not add up as well: a row of six whose blank left nothing,
    // the next row's first value after it, reads so too (`0 0 0 0 0 0` / `0 …`).
    let whole = |ks: &[usize]| crate::wrapped::whole(&cells_of(ks));
    let split = if values.len() > n {
        only_split(values, &whole).or_else(|| {
            // Two ways or more: the one whose rows each fit under the bounds the
            // table's totals set, where only one does.
            let bounds = column_bounds(old)?;
            only_split(values, &|ks| {
                whole(ks) && within_bounds(&cells_of(ks), &bounds)
            })
        })
    } else {
        None
    };
    let first = match split.as_ref().and_then(|s| s.first()) {
        Some(&size) => values.get(..size)?,
        None if values.len() > n && values.get(..n - 1).is_some_and(&whole) => {
            return leave(rows);
        }
        // The row before is short of values and this run, longer than a row, does
        // not split into rows: the rests of rows before may stand here, read late,
        // one after another (LibreOffice's page, rows whose labels take two lines:
        // `6.属于四类过程性信` / `息` / `0 0 0` / `7.…` / `2 0 0` / `8.…` / `1 0` /
        // … / `2.没有现成信息需要` / `1 0 1 0 0 0 2 0 0 0 0 1 …`, where `1 0 1` ends
        // 6's row and `0 0 0 2` 7's, their seven adding up by chance), so that
        // which seven are the label's cannot be told.
        None if values.len() > n && !before.is_empty() => return leave(rows),
        // Seven values that do not add up, flush left: in `pdftotext`'s reading order a
        // row that lost a blank cell may have let a value of its own stand after the
        // next label (`4.保护第三方合法权益` / `4 0 0 0 0 5` / `1` / `5.属于…`, 1 being
        // its research column's and 5 its total), so whose each is cannot be told.
        // lynx's centred cells stand in their row's order: there they are the row,
        // and a sum that is off is the report's own, for the rules to find.
        None if !centred && !whole(first) => return leave(rows),
        None => first,
    };
    let mut cells: Vec<_> = label
        .iter()
        .flat_map(|r| r.row.cells.iter().copied())
        .collect();
    cells.extend(cells_of(first));
    let mut row = made(cells, tr);
    row.from_text = first.len() < n;
    rows.push(row);
    if let Some(sizes) = split {
        let mut k = first.len();
        for &size in sizes.iter().skip(1) {
            let Some(ks) = values.get(k..k + size) else {
                break;
            };
            let mut row = made(cells_of(ks), tr);
            row.from_text = size < n;
            rows.push(row);
            k += size;
        }
        return Some(None);
    }
    // The values after the first seven, where they split one way only into rows of
    // seven or six (a blank cell left nothing) that each add up: those rows, a row of
    // six read as running text (its blank placed by the sums, or left).
    let rest = values.get(n..).unwrap_or_default();
    if let Some(sizes) = only_split(rest, &|ks| crate::wrapped::whole(&cells_of(ks))) {
        let mut k = 0;
        for size in sizes {
            let Some(ks) = rest.get(k..k + size) else {
                break;
            };
            let mut row = made(cells_of(ks), tr);
            row.from_text = size < n;
            rows.push(row);
            k += size;
        }
        return Some(None);
    }
    let mut k = n;
    while let Some(next) = values.get(k..k + n) {
        let cells = cells_of(next);
        // Seven that add up whose first six do too may be a row of six and the next
        // row's first value: which cannot be told.
        if !crate::wrapped::whole(&cells) || next.get(..n - 1).is_some_and(&whole) {
            break;
        }
        rows.push(made(cells, tr));
        k += n;
    }
    // The values left stay as they were, from the first of them on.
    Some(values.get(k).copied())
}

/// The most each column of table 三 can hold in any row, as the table's totals tell:
/// （七）总计 plus 四、结转下年度继续办理, column by column (a row of 三 is at most
/// （七）总计, which is their sum; 一 and 二 are at most （七）总计 plus 四, which they
/// add up to; 四 itself at most that). Read from the zone's rows where each of the
/// two labels stands once, alone on its line, followed by exactly its seven values
/// alone on theirs that add up; the same in every edition whose template names them;
/// `None` else.
fn column_bounds(old: &[TableRow<'_>]) -> Option<Vec<u64>> {
    use crate::vanished::Token;
    let n = T3_COLUMNS.len();
    let row_of = |e: Edition, key: &str| Template::of(e).t3_rows.iter().position(|r| r.key == key);
    let values_after = |e: Edition, j: usize| -> Option<Vec<u64>> {
        let mut found = None;
        for (k, r) in old.iter().enumerate() {
            let Some(c) = lone(r).filter(|c| number::kind(c.text) == Kind::Text) else {
                continue;
            };
            if header_line(r) {
                // `总计` of the column headers: no row's label.
                continue;
            }
            if labels::best_t3_row(&[labels::Folded::new(c.text)], e).map(|(i, _)| i) != Some(j) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            let mut cells = Vec::new();
            let mut at = k + 1;
            while let Some(r) = old.get(at).filter(|r| value(r) || empty(r)) {
                cells.extend(lone(r).copied());
                at += 1;
            }
            if cells.len() != n || !crate::wrapped::whole(&cells) {
                return None;
            }
            let counts: Option<Vec<u64>> =
                cells.iter().map(|c| Token::of(c.text).count()).collect();
            found = Some(counts?);
        }
        found
    };
    let mut bounds: Option<Vec<u64>> = None;
    for e in Edition::ALL {
        let (Some(total), Some(forward)) =
            (row_of(e, "results_total"), row_of(e, "carried_forward"))
        else {
            continue;
        };
        let (t, f) = (values_after(e, total)?, values_after(e, forward)?);
        let b: Vec<u64> = t
            .iter()
            .zip(&f)
            .map(|(a, b)| a.saturating_add(*b))
            .collect();
        match &bounds {
            Some(other) if *other != b => return None,
            _ => bounds = Some(b),
        }
    }
    bounds
}

/// Whether `values` (a row of seven, or of six whose blank left nothing) fit under
/// `bounds` column by column: all seven, or the six with the blank in some column
/// before the total.
fn within_bounds(values: &[zfxxgk_lex::Cell<'_>], bounds: &[u64]) -> bool {
    use crate::vanished::Token;
    let counts: Option<Vec<u64>> = values.iter().map(|c| Token::of(c.text).count()).collect();
    let Some(counts) = counts else {
        return false;
    };
    let fits = |vs: &[u64], bs: &[u64]| vs.iter().zip(bs).all(|(v, b)| v <= b);
    let n = bounds.len();
    match counts.len() {
        l if l == n => fits(&counts, bounds),
        l if l + 1 == n => (0..l).any(|p| {
            fits(
                counts.get(..p).unwrap_or_default(),
                bounds.get(..p).unwrap_or_default(),
            ) && fits(
                counts.get(p..).unwrap_or_default(),
                bounds.get(p + 1..).unwrap_or_default(),
            )
        }),
        _ => false,
    }
}

/// Most values [`only_split`] splits: the ways grow with them.
const MAX_SPLIT_VALUES: usize = 64;

/// The one way to cut `values` (indices) into runs of seven or six that each `fits`,
/// as the runs' lengths; `None` when there is no such way, or more than one, or the
/// values are too many to try.
fn only_split(values: &[usize], fits: &dyn Fn(&[usize]) -> bool) -> Option<Vec<usize>> {
    let n = T3_COLUMNS.len();
    if values.is_empty() || values.len() > MAX_SPLIT_VALUES {
        return None;
    }
    let ways = split_ways(values, values.len() / (n - 1), fits);
    // One way in all, whatever its number of runs.
    let first = ways.first()?;
    let all = first
        .iter()
        .fold(0u8, |all, w| all.saturating_add(w.0).min(2));
    let rows = first.iter().position(|w| w.0 == 1).filter(|_| all == 1)?;
    runs_of(&ways, rows)
}

/// Most rows [`only_split_rows`] splits values into: table 三's.
const MAX_SPLIT_ROWS: usize = 32;

/// The one way to cut `values` (indices) into exactly `rows` runs of seven or six that
/// each `fits`, as the runs' lengths; `None` when there is no such way, or more than
/// one, or too many rows to try.
fn only_split_rows(
    values: &[usize],
    rows: usize,
    fits: &dyn Fn(&[usize]) -> bool,
) -> Option<Vec<usize>> {
    let n = T3_COLUMNS.len();
    let len = values.len();
    if rows == 0 || rows > MAX_SPLIT_ROWS || len < rows * (n - 1) || len > rows * n {
        return None;
    }
    let ways = split_ways(values, rows, fits);
    if ways.first().and_then(|w| w.get(rows)).map(|w| w.0) != Some(1) {
        return None;
    }
    runs_of(&ways, rows)
}

/// `ways[k][r]`: how many ways (0, 1, or 2 for more) cut `values[k..]` into `r` runs
/// of seven or six that each `fits` (`r` up to `most`), and the first run's length.
fn split_ways(
    values: &[usize],
    most: usize,
    fits: &dyn Fn(&[usize]) -> bool,
) -> Vec<Vec<(u8, usize)>> {
    let n = T3_COLUMNS.len();
    let len = values.len();
    let sizes = [n, n - 1];
    // Whether the run of each size from each value fits, asked once.
    let fit: Vec<[bool; 2]> = (0..len)
        .map(|k| sizes.map(|size| values.get(k..k + size).is_some_and(fits)))
        .collect();
    let mut ways: Vec<Vec<(u8, usize)>> = vec![vec![(0, 0); most + 1]; len + 1];
    if let Some(w) = ways.get_mut(len).and_then(|w| w.get_mut(0)) {
        *w = (1, 0);
    }
    for k in (0..len).rev() {
        for r in 1..=most {
            let mut count = 0u8;
            let mut first = 0;
            for (j, size) in sizes.into_iter().enumerate() {
                let after = ways
                    .get(k + size)
                    .and_then(|w| w.get(r - 1))
                    .map_or(0, |w| w.0);
                if after > 0 && fit.get(k).is_some_and(|f| f[j]) {
                    count = count.saturating_add(after).min(2);
                    first = size;
                }
            }
            if let Some(w) = ways.get_mut(k).and_then(|w| w.get_mut(r)) {
                *w = (count, first);
            }
        }
    }
    ways
}

/// The runs' lengths of the one way [`split_ways`] found to cut the values into
/// `rows` runs.
fn runs_of(ways: &[Vec<(u8, usize)>], rows: usize) -> Option<Vec<usize>> {
    let len = ways.len().checked_sub(1)?;
    let mut out = Vec::with_capacity(rows);
    let (mut k, mut r) = (0, rows);
    while k < len && r > 0 {
        let size = ways.get(k)?.get(r)?.1;
        out.push(size);
        k += size;
        r -= 1;
    }
    Some(out)
}

/// Whether `c` stands after spaces alone on its line.
fn indented(text: &str, c: &zfxxgk_lex::Cell<'_>) -> bool {
    let line = crate::columns::line_before(text, c.span.start).unwrap_or_default();
    !line.is_empty() && line.chars().all(char::is_whitespace)
}

/// The values `rows` end with, each alone on its line, where they are fewer than a
/// row's (the lines of text after them passed over: a label's first lines): a row
/// short of values, whose rest may stand after the next label. Empty when not so.
/// With them, whether a label naming a row of table 三 stands just before them: a
/// line that names one, or the lines of a label cut over lines back to its numbered
/// one (`1.申请人无正当理由逾期` / `不补正、行政机关不再处` / `理其政府信息公开申请`).
fn run_before<'i>(rows: &[TableRow<'i>]) -> (Vec<zfxxgk_lex::Cell<'i>>, bool) {
    let mut values = Vec::new();
    let mut labelled = false;
    for (k, r) in rows.iter().enumerate().rev() {
        if empty(r) {
            continue;
        }
        if value(r) {
            values.extend(lone(r).copied());
            if values.len() >= T3_COLUMNS.len() {
                return (Vec::new(), false);
            }
            continue;
        }
        if values.is_empty() && text_line(r, TableId::T3).is_some() {
            continue;
        }
        labelled = !values.is_empty()
            && text_line(r, TableId::T3).is_some()
            && (r.row.cells.iter().any(|c| names_row(c.text)) || {
                let above = rows.get(..k).unwrap_or_default();
                let back = label_lines(above, r);
                let lines = rows.get(k - back..=k).unwrap_or_default();
                back > 0 && names_t3_label(&folded_lines(lines.iter().filter(|l| !group_piece(l))))
            });
        break;
    }
    values.reverse();
    (values, labelled)
}

/// How many lines of text just before a label of table 三 (`tr`; the last of `rows` is
/// the line before it) are of that label: back to a numbered one (`（二）部分公开（区分处理`
/// / `的，只计这一情形，不计其他` / `情形）`), at most [`MAX_LABEL_LINES`]; 0 where the
/// label is numbered itself or no numbered line is that near. Pieces of a group's
/// label that `pdftotext` set among the lines (`2.申请人逾期未按收费通` / `其他处` /
/// `知要求缴纳费用、行政机` / `理` / …, the group cell 其他处理 cut beside them) are
/// counted among the lines but not against the limit, at most
/// [`MAX_GROUP_PIECES`] of them; [`split_label`] sets them apart.
fn label_lines(rows: &[TableRow<'_>], tr: &TableRow<'_>) -> usize {
    let numbered =
        |r: &TableRow<'_>| lone(r).is_some_and(|c| labels::Folded::new(c.text).numbered());
    // A label of more than one cell is numbered where one of them is (`三、本年度`
    // `（一）予以公开`, its group's cell beside it).
    if tr
        .row
        .cells
        .iter()
        .any(|c| labels::Folded::new(c.text).numbered())
    {
        return 0;
    }
    let (mut back, mut pieces) = (0, 0);
    while back - pieces < MAX_LABEL_LINES {
        let Some(line) = rows
            .len()
            .checked_sub(back + 1)
            .and_then(|k| rows.get(k))
            .filter(|r| lone(r).is_some_and(|c| number::kind(c.text) == Kind::Text))
        else {
            break;
        };
        back += 1;
        if group_piece(line) {
            pieces += 1;
            if pieces > MAX_GROUP_PIECES {
                break;
            }
            continue;
        }
        if numbered(line) {
            return back;
        }
    }
    0
}

/// Most pieces of a group's label passed over among a label's lines.
const MAX_GROUP_PIECES: usize = 2;

/// Whether a line is a piece of the label of one of table 三's groups (`其他处`, `理`
/// of 其他处理), short of the whole, not numbered.
fn group_piece(r: &TableRow<'_>) -> bool {
    lone(r).is_some_and(|c| {
        !labels::Folded::new(c.text).numbered()
            && Edition::ALL.iter().any(|&e| group_cell(c.text, e))
    })
}

/// The last `back` rows of `rows` taken off as a label's lines ([`label_lines`]), the
/// pieces of a group's label among them put back on `rows`, where they stay as lines
/// of their own.
fn split_label<'i>(rows: &mut Vec<TableRow<'i>>, back: usize) -> Vec<TableRow<'i>> {
    let lines = rows.split_off(rows.len().saturating_sub(back));
    let (pieces, label): (Vec<_>, Vec<_>) = lines.into_iter().partition(group_piece);
    rows.extend(pieces);
    label
}

/// A row's cells that hold text, folded to be matched against the template's labels.
fn folded_label<'i>(r: &TableRow<'i>) -> Vec<labels::Folded<'i>> {
    folded_lines([r])
}

/// The cells that hold text of lines taken together (a label cut over lines), folded.
fn folded_lines<'r, 'i: 'r>(
    lines: impl IntoIterator<Item = &'r TableRow<'i>>,
) -> Vec<labels::Folded<'i>> {
    lines
        .into_iter()
        .flat_map(|r| r.row.cells.iter())
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| labels::Folded::new(c.text))
        .collect()
}

/// Whether a row's cells together name table 三's row `j` (in the template's order) in
/// every edition.
fn names_t3_row_at(r: &TableRow<'_>, j: usize) -> bool {
    let folded = folded_label(r);
    Edition::ALL
        .iter()
        .all(|&e| labels::best_t3_row(&folded, e).map(|(i, _)| i) == Some(j))
}

/// Whether a row's cells together name a row of table 三 in some edition.
fn names_t3_row(r: &TableRow<'_>) -> bool {
    names_t3_label(&folded_label(r))
}

/// Whether a folded label names a row of table 三 in some edition.
fn names_t3_label(label: &[labels::Folded<'_>]) -> bool {
    !label.is_empty()
        && Edition::ALL
            .iter()
            .any(|&e| labels::best_t3_row(label, e).is_some())
}

/// Whether a line holds only words of table 三's column headers (`总计`, `其他`), none
/// numbered: no row's label, though `总计` is a word of （七）总计's.
fn header_line(r: &TableRow<'_>) -> bool {
    let mut cells = r
        .row
        .cells
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .peekable();
    cells.peek().is_some()
        && cells.all(|c| {
            let f = labels::Folded::new(c.text);
            !f.numbered() && (0..T3_COLUMNS.len()).any(|k| labels::t3_column_match(&f, k))
        })
}

/// Whether `text` names a row of table 三 in some edition.
fn names_row(text: &str) -> bool {
    let label = [labels::Folded::new(text)];
    Edition::ALL
        .iter()
        .any(|&e| labels::best_t3_row(&label, e).is_some())
}

/// Fewest labels, each set with one value at most, that [`first_columns_before`]
/// takes for a page's first column beside its labels.
const FIRST_COLUMNS: usize = 3;

/// Whether the lines before a label, back to the last that holds more than one
/// value or to two lines of a value alone with no label between, hold
/// [`FIRST_COLUMNS`] labels or more, each set with one value at most, and some
/// value among them: chromium's Word page, after a page break,
/// sets the last rows' labels so, with their first column, and then the other
/// columns of all of them, a column a block or a value a paragraph
/// ([`crate::columnwise::tail`]). The values after the last label are then not its
/// row alone, though its first seven may add up.
fn first_columns_before(rows: &[TableRow<'_>]) -> bool {
    let (mut labels, mut values) = (0, 0);
    let mut value_after = false;
    for r in rows.iter().rev() {
        let n = values_in(r);
        // A line of several values, or two lines of a value with no label between
        // (the run of the page before): the labels' lines end there.
        let lone_value = value(r);
        if n > 1 || (lone_value && value_after) {
            break;
        }
        value_after = lone_value;
        values += n;
        labels += usize::from(names_t3_row(r));
    }
    // A value before each label, the last label's included (the online editor's
    // page), or beside it (the Word page's).
    labels >= FIRST_COLUMNS && values > 0 && values <= labels + 1
}

/// Whether a line of text that names a row of table 三 stands among `rows` after the
/// last row with values (the label about to be joined not counted: it is no row of
/// `rows` yet): values after the next label may then be that row's, read late
/// (`（一）予以公开` / `（二）部分公开…` / its seven values / their seven), and which
/// seven are the next label's cannot be told.
fn pending(rows: &[TableRow<'_>]) -> bool {
    let stale = stale_in(rows);
    rows.iter()
        .rev()
        .take_while(|r| !holds_value(r))
        .any(|r| !group_piece(r) && !stale(r) && names_t3_row(r))
}

/// Whether a line has a cell with a row's numbering (`3.`, `（二）`), its group's cell
/// in `edition` ([`group_cell`]) passed over.
fn numbered_line(r: &TableRow<'_>, edition: Edition) -> bool {
    r.row
        .cells
        .iter()
        .filter(|c| !c.text.trim().is_empty() && !group_cell(c.text, edition))
        .any(|c| labels::Folded::new(c.text).numbered())
}

/// Whether a cell is a piece of the label of one of table 三's groups in `edition`,
/// short of the whole, after the group's number if it has one (`（六）其他` of
/// （六）其他处理 in 2021, where its rows are 1.… 2.… 3.其他; in 2019 （六）其他处理 is a
/// row of its own, and `（六）其他` names it): the group's cell, cut, set on a row
/// label's line.
fn group_cell(text: &str, edition: Edition) -> bool {
    let folded = crate::normalize::fold(text);
    let rest = match folded
        .strip_prefix('（')
        .or_else(|| folded.strip_prefix('('))
    {
        Some(r) => r
            .split_once('）')
            .or_else(|| r.split_once(')'))
            .map_or(folded.as_str(), |(_, rest)| rest),
        None => folded.as_str(),
    };
    !rest.is_empty()
        && Template::of(edition)
            .t3_rows
            .iter()
            .filter_map(|row| row.group)
            .map(crate::normalize::fold)
            .any(|g| g.len() > rest.len() && g.contains(rest))
}

/// The row of table 三, by its index in `edition`'s template, that the last row of
/// `rows` read with its label names by its text, counted on by the rows without a
/// label made after it (further sevens of its run, in the template's order): the
/// last row whose values were read. Values alone on their lines after them (a row
/// not put together) are passed over. `None` where a label without values stands
/// among them, or the row names none.
fn last_labelled(rows: &[TableRow<'_>], edition: Edition) -> Option<usize> {
    let mut unlabelled = 0;
    let mut seen = false;
    for r in rows.iter().rev() {
        if empty(r) || (!seen && !holds_value(r)) {
            continue;
        }
        seen = true;
        if value(r) {
            continue;
        }
        let label: Vec<labels::Folded<'_>> = r
            .row
            .cells
            .iter()
            .filter(|c| !c.text.trim().is_empty() && number::kind(c.text) == Kind::Text)
            .map(|c| labels::Folded::new(c.text))
            .collect();
        if !holds_value(r) {
            return None;
        }
        if label.is_empty() {
            unlabelled += 1;
            continue;
        }
        return labels::best_t3_row(&label, edition).map(|(j, _)| j + unlabelled);
    }
    None
}

/// For the labels after the last row of `rows` holding values, whether a label is
/// stale: it names a row of table 三 no later than the last row read
/// ([`last_labelled`], found once), in every edition that names it. Such a label was
/// set late, its row's values read before (by position; LibreOffice's page sets a run
/// of labels after their rows' values, `3.危及“三安全一稳定”` … `6.属于四类过程性信息`
/// after 1.本机关不掌握相关政府信息's row), and takes none of the values after it.
fn stale_in(rows: &[TableRow<'_>]) -> impl Fn(&TableRow<'_>) -> bool {
    // The last row read, in each edition, found once for every label asked about.
    let last = PerEdition::from_fn(|e| last_labelled(rows, e));
    move |r| {
        let label = folded_label(r);
        if label.is_empty() {
            return false;
        }
        let mut named = false;
        for e in Edition::ALL {
            let Some((j, _)) = labels::best_t3_row(&label, e) else {
                continue;
            };
            match last[e] {
                Some(last) if j <= last => named = true,
                _ => return false,
            }
        }
        named
    }
}

/// The labels left without values before the one at hand (`label`, its lines) each
/// take seven of `values` in turn, the label at hand the last seven: only where the
/// values split one way only into as many rows of seven that add up as there are
/// labels (`（一）予以公开` / `（二）部分公开…` / their fourteen values). Then every
/// value is taken (`Some(None)`, as [`t3_rows`] says); `None` when not so, nothing
/// changed.
fn in_order<'i>(
    rows: &mut Vec<TableRow<'i>>,
    label: &[TableRow<'i>],
    values: &[usize],
    after: &[TableRow<'i>],
    cells_of: &dyn Fn(&[usize]) -> Vec<zfxxgk_lex::Cell<'i>>,
) -> Option<Option<usize>> {
    let n = T3_COLUMNS.len();
    let stale = stale_in(rows);
    let open: Vec<usize> = {
        let mut open: Vec<usize> = (0..rows.len())
            .rev()
            .take_while(|&k| rows.get(k).is_some_and(|r| !holds_value(r)))
            .filter(|&k| {
                rows.get(k).is_some_and(|r| {
                    names_t3_row(r) && !header_line(r) && !group_piece(r) && !stale(r)
                })
            })
            .collect();
        open.reverse();
        open
    };
    // The labels, the open ones and this one, must name rows that follow each other
    // in the template of an edition: else which label is whose is not told. An open
    // label cut over lines may name its row on each (`1.申请人无正当理由逾期不补正、行政
    // 机关不` / `（六）其他 再处理其政府信息公开申请`): a line naming the row the line
    // before names is that label's rest, and takes no row of its own.
    let named = |e: Edition, rs: &[&TableRow<'_>]| -> Option<usize> {
        let folded: Vec<labels::Folded<'_>> = rs
            .iter()
            .flat_map(|r| r.row.cells.iter())
            .filter(|c| !c.text.trim().is_empty() && !group_cell(c.text, e))
            .map(|c| labels::Folded::new(c.text))
            .collect();
        labels::best_t3_row(&folded, e).map(|(j, _)| j)
    };
    let takers = |e: Edition| -> Option<Vec<usize>> {
        // A line naming no row and not numbered (`再处理其政府信息公开申请`, its group's
        // cell set apart) is the rest of the label before it.
        let mut at: Vec<usize> = Vec::with_capacity(open.len());
        for &k in &open {
            let r = rows.get(k)?;
            match (named(e, &[r]), at.last()) {
                (Some(j), _) => at.push(j),
                (None, Some(&before)) if !numbered_line(r, e) => at.push(before),
                (None, _) => return None,
            }
        }
        let here = named(e, &label.iter().collect::<Vec<_>>())?;
        let steps = at
            .windows(2)
            .all(|w| matches!(w, [a, b] if *b == *a || *b == *a + 1));
        let last = at.last().map_or(here, |&a| a + 1);
        (steps && here == last).then(|| {
            open.iter()
                .zip(&at)
                .enumerate()
                .filter(|(k, (_, j))| *k == 0 || at.get(k - 1) != Some(j))
                .map(|(_, (&o, _))| o)
                .collect()
        })
    };
    let open = Edition::ALL.iter().find_map(|&e| takers(e))?;
    let whole = |ks: &[usize]| crate::wrapped::whole(&cells_of(ks));
    // The run's last value, in `old`: `after` stands after it.
    let run_end = values.last().map(|&l| l + 1)?;
    // Values alone after the labels after the run, to the zone's end, fewer than a
    // row's: the end of the run's last row, set after the labels of the table's end
    // (`31 0 0 0 0` / `1.申请人…` … `四、结转下年度继续办理` / `31`). Taken only where
    // the run alone splits into no rows that add up; `tail_from` is where they begin
    // in `after`.
    let (tail, tail_from): (Vec<usize>, usize) = {
        let from = after
            .iter()
            .rposition(|r| names_t3_row(r) && !header_line(r))
            .map_or(after.len(), |l| l + 1);
        let rest = after.get(from..).unwrap_or_default();
        let found: Vec<usize> = (from..after.len())
            .filter(|&k| after.get(k).is_some_and(value))
            .collect();
        if from < after.len()
            && rest.iter().all(|r| value(r) || empty(r))
            && !found.is_empty()
            && found.len() < n
            && only_split(values, &whole).is_none()
        {
            (found.iter().map(|&k| run_end + k).collect(), from)
        } else {
            (Vec::new(), after.len())
        }
    };
    let all: Vec<usize> = values.iter().chain(&tail).copied().collect();
    let values = &all[..];
    // More rows than labels before them: the labels after the values, to the zone's
    // end with no value after them (but the run's tail), down to the template's last
    // row, are the rest (`3.其他` / `（七）总计` / `四、结转…` set after the last rows'
    // values).
    let unvalued = !after
        .get(..tail_from)
        .unwrap_or_default()
        .iter()
        .any(holds_value);
    let after_labels: Vec<usize> = if unvalued {
        (0..after.len())
            .filter(|&k| {
                after
                    .get(k)
                    .is_some_and(|r| names_t3_row(r) && !header_line(r))
            })
            .collect()
    } else {
        Vec::new()
    };
    // The one way the run splits into rows that add up; else, the labels telling how
    // many rows it holds, the one way into that many (rows of zeros split more ways
    // than one, but not into a given number of rows of seven).
    let sizes = only_split(values, &whole)
        .or_else(|| only_split_rows(values, open.len() + 1, &whole))
        .or_else(|| {
            (!after_labels.is_empty())
                .then(|| only_split_rows(values, open.len() + 1 + after_labels.len(), &whole))
                .flatten()
        })?;
    let later: Vec<usize> = if sizes.len() > open.len() + 1 {
        after_labels
    } else {
        Vec::new()
    };
    // The tail is taken with the labels after the run, or not at all.
    if sizes.len() != open.len() + 1 + later.len() || (later.is_empty() && !tail.is_empty()) {
        return None;
    }
    if !later.is_empty() {
        // Every label, in order, names the template row after the one before (the
        // label's lines together name its row), the last the template's last (四、结转
        // 下年度继续办理): the labels of the table's end, set after its values.
        let ok = Edition::ALL.iter().any(|&e| {
            let label: Vec<&TableRow<'_>> = label.iter().collect();
            let at: Vec<Option<usize>> = open
                .iter()
                .map(|&k| rows.get(k).and_then(|r| named(e, &[r])))
                .chain(std::iter::once(named(e, &label)))
                .chain(
                    later
                        .iter()
                        .map(|&k| after.get(k).and_then(|r| named(e, &[r]))),
                )
                .collect();
            let last = Template::of(e).t3_rows.len().checked_sub(1);
            at.iter().all(Option::is_some)
                && at
                    .windows(2)
                    .all(|w| matches!(w, [Some(a), Some(b)] if a + 1 == *b))
                && at.last().copied().flatten() == last
        });
        if !ok {
            return None;
        }
    }
    let first = label.first()?;
    let mut k = 0;
    let mut chunks = sizes.iter().map(|&size| {
        let chunk = values.get(k..k + size).unwrap_or_default();
        k += size;
        chunk
    });
    for &o in &open {
        let (Some(chunk), Some(r)) = (chunks.next(), rows.get(o)) else {
            return None;
        };
        let mut cells = r.row.cells.clone();
        cells.extend(cells_of(chunk));
        let mut row = made(cells, r);
        row.from_text = chunk.len() < n;
        if let Some(slot) = rows.get_mut(o) {
            *slot = row;
        }
    }
    let chunk = chunks.next()?;
    let mut cells: Vec<_> = label
        .iter()
        .flat_map(|r| r.row.cells.iter().copied())
        .collect();
    cells.extend(cells_of(chunk));
    let mut row = made(cells, first);
    row.from_text = chunk.len() < n;
    rows.push(row);
    if later.is_empty() {
        return Some(None);
    }
    for (k, r) in after.iter().enumerate() {
        if k >= tail_from {
            // The run's tail, taken with its last row.
            continue;
        }
        if later.contains(&k) {
            let chunk = chunks.next()?;
            let mut cells = r.row.cells.clone();
            cells.extend(cells_of(chunk));
            let mut row = made(cells, r);
            row.from_text = chunk.len() < n;
            rows.push(row);
        } else {
            rows.push(r.clone());
        }
    }
    // Past the zone's end: every row after the values is pushed.
    Some(Some(run_end + after.len()))
}

/// A row whose values LibreOffice's page sets around its label (`0` / `0` / `0` /
/// `1` / `39` / `1.属于国家秘密` / `2.其他法律行政法规禁止公开` / `38` / `26` / …: its
/// first column after the labels, the rest before them), read with the next label's:
/// the one label left without values since the values before it (`open`) takes the
/// first value of the run after the label at hand (`label`) and, after it, the values
/// standing alone before it (fewer than a row's), where they make a row that adds up
/// (seven, or six whose blank left nothing); the label at hand takes the rest, where
/// they are one row that adds up. Then every value is taken (`Some(None)`, as
/// [`t3_rows`] says); `None` when not so, nothing changed.
fn around_labels<'i>(
    rows: &mut Vec<TableRow<'i>>,
    label: &[TableRow<'i>],
    values: &[usize],
    cells_of: &dyn Fn(&[usize]) -> Vec<zfxxgk_lex::Cell<'i>>,
) -> Option<Option<usize>> {
    let n = T3_COLUMNS.len();
    // The values standing alone before the labels, as [`run_before`] finds them.
    let mut before: Vec<usize> = Vec::new();
    for k in (0..rows.len()).rev() {
        let r = rows.get(k)?;
        if empty(r) {
            continue;
        }
        if value(r) {
            before.push(k);
            continue;
        }
        if before.is_empty() && text_line(r, TableId::T3).is_some() {
            continue;
        }
        break;
    }
    before.reverse();
    let last_before = *before.last()?;
    let stale = stale_in(rows);
    let open: Vec<usize> = (last_before + 1..rows.len())
        .filter(|&k| {
            rows.get(k)
                .is_some_and(|r| names_t3_row(r) && !header_line(r) && !group_piece(r) && !stale(r))
        })
        .collect();
    let &[o] = open.as_slice() else {
        return None;
    };
    let open_row = rows.get(o)?;
    let here = folded_lines(label);
    let consecutive = Edition::ALL.iter().any(|&e| {
        let a = labels::best_t3_row(&folded_label(open_row), e).map(|(j, _)| j);
        let b = labels::best_t3_row(&here, e).map(|(j, _)| j);
        matches!((a, b), (Some(a), Some(b)) if a + 1 == b)
    });
    if !consecutive {
        return None;
    }
    let before_cells: Vec<zfxxgk_lex::Cell<'i>> = before
        .iter()
        .filter_map(|&k| rows.get(k).and_then(lone).copied())
        .collect();
    let (first, rest) = values.split_first()?;
    let mut own = cells_of(&[*first]);
    own.extend(before_cells);
    let theirs = cells_of(rest);
    if !crate::wrapped::whole(&own) || !crate::wrapped::whole(&theirs) {
        return None;
    }
    let mut cells = open_row.row.cells.clone();
    cells.extend(own.iter().copied());
    let mut row = made(cells, open_row);
    row.from_text = own.len() < n;
    if let Some(slot) = rows.get_mut(o) {
        *slot = row;
    }
    for &k in before.iter().rev() {
        rows.remove(k);
    }
    let mut cells: Vec<_> = label
        .iter()
        .flat_map(|r| r.row.cells.iter().copied())
        .collect();
    cells.extend(theirs.iter().copied());
    let mut row = made(cells, label.first()?);
    row.from_text = theirs.len() < n;
    rows.push(row);
    Some(None)
}

/// A row made of `cells` put together by the template's shape; `tr` the row it
/// started from.
fn made<'i>(cells: Vec<zfxxgk_lex::Cell<'i>>, tr: &TableRow<'i>) -> TableRow<'i> {
    // A label set after its values (`3.其他` after the last rows' values) stands
    // last in the text: the span runs from the first in the text to the last.
    let start = cells.iter().map(|c| c.span.start).min();
    let end = cells.iter().map(|c| c.span.end).max();
    let span = match (start, end) {
        (Some(s), Some(e)) => zfxxgk_lex::Span::new(s, e),
        _ => tr.row.span,
    };
    TableRow {
        row: Row { cells, span },
        from_text: false,
        overflow: Box::default(),
        padded: false,
    }
}

mod apart;
mod lynx;
mod stray;
#[cfg(test)]
mod tests;
