//! lynx's traces of blank cells: a `<br/>` cell breaks its row's line where it stands
//! (the online editor's page), a `&nbsp;` cell leaves a blank line of its own (Word's
//! page), and an empty centred cell sets the next one off the centre (a CMS page).
//! Each is read only where the zone shows lynx's table: its margin, its centres.

use zfxxgk_model::{TableId, T3_COLUMNS, T4_COLUMNS, T4_GROUPS};

use super::{empty, fits, lone, t2_edition_in, value};
use crate::number::{self, Kind};
use crate::rows::{Row, TableRow};

/// A line of running text this short (display columns, with the first word of the
/// next line) was not wrapped for its width: lynx wraps at 79.
pub(super) const MAX_UNWRAPPED: usize = 60;

/// Display columns of `s`: 2 for a character beyond ASCII (CJK), else 1.
pub(super) fn columns(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The integer a cell holds; 0 for a blank one; `None` for anything else.
pub(super) fn integer(c: &zfxxgk_lex::Cell<'_>) -> Option<i64> {
    match number::value(c.text) {
        zfxxgk_model::Value::Blank => Some(0),
        zfxxgk_model::Value::Number(n) => n.as_i64(),
        zfxxgk_model::Value::Text { .. } => None,
    }
}

/// The cells of two rows a `<br>`-only cell broke apart, that cell put back empty
/// where the line broke: `a`'s, the empty one, then `b`'s (none where the cell ended
/// `a`'s line).
fn joined_at_break<'i>(a: &TableRow<'i>, b: Option<&TableRow<'i>>) -> Vec<zfxxgk_lex::Cell<'i>> {
    let at = a.row.span.end;
    let mut cells = a.row.cells.clone();
    cells.push(zfxxgk_lex::Cell {
        text: "",
        span: zfxxgk_lex::Span::new(at, at),
        x: None,
    });
    cells.extend(b.iter().flat_map(|b| b.row.cells.iter().copied()));
    cells
}

/// Whether `values` add up: the last the sum of those before, a blank as 0.
fn adds_up(values: &[i64]) -> bool {
    match values.split_last() {
        Some((total, parts)) => parts.iter().sum::<i64>() == *total,
        None => false,
    }
}

/// Puts `cells` in place of the `n` rows from row `k` (one or two), one row now.
fn replace<'i>(rows: &mut Vec<TableRow<'i>>, k: usize, n: usize, cells: Vec<zfxxgk_lex::Cell<'i>>) {
    let (Some(a), Some(b)) = (rows.get(k), rows.get(k + n.max(1) - 1)) else {
        return;
    };
    let span = zfxxgk_lex::Span::new(a.row.span.start, b.row.span.end);
    // Rows of running text: no padded table, nothing ran on into their cells.
    rows[k] = TableRow {
        row: Row { cells, span },
        from_text: false,
        overflow: Box::default(),
        padded: false,
    };
    rows.drain(k + 1..k + n.max(1));
}

/// Table 三's rows that a cell holding only `<br>` broke over two lines of running
/// text, as lynx writes them, put back together with that cell empty:
///
/// ```text
/// broken = label value{k} NL value{m}   ; k >= 1, k + m = 6, one short of the 7
///                                       ; columns; the second line right below
///                                       ; the first, which is short: the break is
///                                       ; no wrap
/// label  = group? item                  ; a row that begins a group: its group's
///                                       ; label, then its item's (`（四）无法提供
///                                       ; 1.本机关不掌握相关政府信息`)
/// ```
///
/// The empty cell stands where the line broke, and is taken only when the row's
/// first six cells then add up to its total, and the row stands at lynx's margin
/// (`pdftotext` in reading order cuts a row's line at any wide gap, flush left, and
/// its blank may stand at either end as well: [`crate::cuts`]). A break right after the label (k = 0)
/// is read so only where the zone shows lynx's simple table ([`lynx_break`]):
/// `pdftotext -raw` writes a row's values on the line below its label too, and there
/// a lost blank may have stood anywhere.
pub(super) fn rejoin_broken(text: &str, rows: &mut Vec<TableRow<'_>>) {
    let want = T3_COLUMNS.len();
    let unwrapped = unwrapped_width(text, rows);
    let mut k = 0;
    while k + 1 < rows.len() {
        let (a, b) = (&rows[k], &rows[k + 1]);
        let values = |cells: &[zfxxgk_lex::Cell<'_>]| {
            cells.iter().all(|c| number::kind(c.text) != Kind::Text)
        };
        // The label: the item's, after its group's where the row begins a group
        // (`（四）无法提供 1.本机关不掌握相关政府信息`).
        let labels = a
            .row
            .cells
            .iter()
            .take(2)
            .take_while(|c| number::kind(c.text) == Kind::Text)
            .count();
        let shape = a.from_text
            && b.from_text
            && labels > 0
            && !b.row.cells.is_empty()
            && values(&b.row.cells)
            && a.row.cells.len() - labels + b.row.cells.len() == want - 1
            && values(a.row.cells.get(labels..).unwrap_or_default())
            && (a.row.cells.len() > labels || lynx_break(text, rows, a, b))
            // At lynx's margin: `pdftotext` in reading order writes lines flush left and
            // cuts a row at any wide gap, an empty cell's or not.
            && line_of(text, a).is_some_and(|(indent, _)| !indent.is_empty());
        if !(shape && broken_below(text, a, b, unwrapped)) {
            k += 1;
            continue;
        }
        let cells = joined_at_break(a, Some(b));
        let sums = cells
            .get(labels..)
            .unwrap_or_default()
            .iter()
            .map(integer)
            .collect::<Option<Vec<i64>>>();
        if !sums.is_some_and(|v| adds_up(&v)) {
            k += 1;
            continue;
        }
        replace(rows, k, 2, cells);
        k += 1;
    }
}

/// Table 四's row of values that a cell holding only `<br>` broke over two lines of
/// running text, as lynx writes the online editor's page, put back together with
/// that cell empty where the line broke:
///
/// ```text
/// broken = value{k} NL value{m}   ; k >= 1, k + m = 14, one short of the 15
///                                 ; columns; both lines at one indent (lynx's
///                                 ; margin), the second right below the first,
///                                 ; which is short: the break is no wrap; lines
///                                 ; of running text or of a block of space-
///                                 ; aligned lines
/// ```
///
/// Taken only where each group of five then adds up (its total the sum of the four
/// before it, a blank as 0). `pdftotext` in reading order writes its lines flush
/// left, with no margin, and cuts a row at any wide gap.
pub(super) fn rejoin_broken_t4(text: &str, rows: &mut Vec<TableRow<'_>>) {
    let want = T4_COLUMNS.len() * T4_GROUPS.len();
    let group = T4_COLUMNS.len();
    let unwrapped = unwrapped_width(text, rows);
    let mut k = 0;
    while k + 1 < rows.len() {
        let (a, b) = (&rows[k], &rows[k + 1]);
        let values = |tr: &TableRow<'_>| {
            !tr.row.cells.is_empty()
                && tr
                    .row
                    .cells
                    .iter()
                    .all(|c| number::kind(c.text) != Kind::Text)
        };
        let margin = |tr: &TableRow<'_>| line_of(text, tr).map(|(indent, _)| indent);
        // Lines of running text, or rows of a block of space-aligned lines (lynx's
        // table, its cells two spaces apart or more).
        let shape = values(a)
            && values(b)
            && a.row.cells.len() + b.row.cells.len() == want - 1
            && margin(a).is_some_and(|m| !m.is_empty() && margin(b) == Some(m));
        if !(shape && broken_below(text, a, b, unwrapped)) {
            k += 1;
            continue;
        }
        let mut cells = joined_at_break(a, Some(b));
        // The row's values in order, their positions dropped: the second line starts
        // again at the margin, under the first line's first columns.
        for c in &mut cells {
            c.x = None;
        }
        let sums = cells.iter().map(integer).collect::<Option<Vec<i64>>>();
        if !sums.is_some_and(|v| v.chunks(group).all(adds_up)) {
            k += 1;
            continue;
        }
        replace(rows, k, 2, cells);
        k += 1;
    }
}

/// Table 二's rows that a cell holding only `<br>` broke, as lynx writes the online
/// editor's page: the empty cell stands where the line broke, or ends a row whose one
/// cell it is.
///
/// ```text
/// broken = label value{k} NL value{m}   ; k + m one short of the row's columns,
///                                       ; the second line right below the first,
///                                       ; which is short: the break is no wrap
/// alone  = label NL                     ; a row of one column; the next line no
///                                       ; values
/// ```
///
/// Table 二 has no sums to check a placement by, so the zone must show lynx's table:
/// every line at one indent (lynx's margin; `pdftotext` in reading order writes flush
/// left, and sets values apart from their labels in other ways), and a row of the
/// zone whole on one line there, its label and all its values (the page's labels
/// break no line by themselves). The row's columns are those of the edition the
/// zone's headers name, or of both where they agree.
pub(super) fn rejoin_broken_t2(text: &str, rows: &mut Vec<TableRow<'_>>) {
    let unwrapped = unwrapped_width(text, rows);
    let edition = t2_edition_in(rows, |r| r.row.cells.iter().collect());
    let row_columns = |label: &str| (1..=3).find(|&n| fits(TableId::T2, label, n, edition));
    let values =
        |cells: &[zfxxgk_lex::Cell<'_>]| cells.iter().all(|c| number::kind(c.text) != Kind::Text);
    // A row's columns and indent, where it stands at a margin, its label first, then
    // values only.
    let labelled = |tr: &TableRow<'_>| -> Option<(usize, &str)> {
        let (label, rest) = tr.row.cells.split_first()?;
        let indent = line_of(text, tr)?.0;
        let fit = !indent.is_empty() && values(rest);
        let n = row_columns(label.text.trim()).filter(|_| fit)?;
        Some((n, indent))
    };
    let margin = rows.iter().find_map(|r| {
        labelled(r)
            .filter(|(n, _)| r.row.cells.len() == n + 1)
            .map(|(_, indent)| indent)
    });
    let Some(margin) = margin else {
        return;
    };
    let mut k = 0;
    while let Some(a) = rows.get(k) {
        let Some((n, indent)) =
            labelled(a).filter(|&(n, at)| at == margin && a.row.cells.len() <= n)
        else {
            k += 1;
            continue;
        };
        let b = rows.get(k + 1).filter(|b| {
            !b.row.cells.is_empty()
                && values(&b.row.cells)
                && line_of(text, b).is_some_and(|(at, _)| at == indent)
        });
        let (cells, joined) = match b {
            Some(b) if a.row.cells.len() - 1 + b.row.cells.len() == n - 1 => {
                if !broken_below(text, a, b, unwrapped) {
                    k += 1;
                    continue;
                }
                (joined_at_break(a, Some(b)), 2)
            }
            None if n == 1 && a.row.cells.len() == 1 => (joined_at_break(a, None), 1),
            _ => {
                k += 1;
                continue;
            }
        };
        replace(rows, k, joined, cells);
        k += 1;
    }
}

/// How wide a line of the zone's `rows` may stand unwrapped: [`MAX_UNWRAPPED`], or
/// the widest of its lines whose first word ends within [`MAX_UNWRAPPED`] columns,
/// a space after it (where lynx could break the line). lynx breaks a line too wide at a
/// space before its width, so such a line shows that lines as wide as it are not
/// wrapped (lynx's simple tables set a row on one line however long).
fn unwrapped_width(text: &str, rows: &[TableRow<'_>]) -> usize {
    let breakable = |indent: &str, rest: &str| {
        rest.split_once(' ')
            .is_some_and(|(first, _)| indent.len() + columns(first) < MAX_UNWRAPPED)
    };
    rows.iter()
        .filter_map(|tr| line_of(text, tr))
        .filter(|(indent, rest)| breakable(indent, rest))
        .map(|(indent, rest)| indent.len() + columns(rest))
        .fold(MAX_UNWRAPPED, usize::max)
}

/// Whether row `b` stands on the line right below row `a`'s, and `a`'s line with
/// `b`'s first value would still be no wider than `unwrapped` ([`unwrapped_width`]):
/// the line was broken there, not wrapped.
fn broken_below(text: &str, a: &TableRow<'_>, b: &TableRow<'_>, unwrapped: usize) -> bool {
    let short = text
        .get(crate::columns::line_start(text, a.row.span.start)..a.row.span.end)
        .is_some_and(|line| {
            columns(line) + 1 + b.row.cells.first().map_or(0, |c| columns(c.text)) <= unwrapped
        });
    let adjacent = text
        .get(a.row.span.end..b.row.span.start)
        .is_some_and(|t| t.chars().all(char::is_whitespace) && t.matches('\n').count() == 1);
    short && adjacent
}

/// The line a row stands on, as its indent and the rest up to the line's end
/// (trailing spaces cut); `None` when anything but spaces stands before the row.
pub(super) fn line_of<'t>(text: &'t str, tr: &TableRow<'_>) -> Option<(&'t str, &'t str)> {
    let indent = crate::columns::line_before(text, tr.row.span.start)?;
    let rest = text.get(tr.row.span.start..)?;
    let rest = rest
        .get(..rest.find('\n').unwrap_or(rest.len()))?
        .trim_end();
    indent.chars().all(|c| c == ' ').then_some((indent, rest))
}

/// Whether `cells` are written one space apart, nothing else, as `line` ends.
pub(super) fn single_spaced(line: &str, cells: &[zfxxgk_lex::Cell<'_>]) -> bool {
    let joined: Vec<&str> = cells.iter().map(|c| c.text.trim()).collect();
    !joined.is_empty() && line.trim().ends_with(&joined.join(" "))
}

/// Whether a label alone on its line (`a`) and the row's six values on the next
/// (`b`) are lynx's simple table broken by a `<br>` cell right after the label: both
/// lines at one indent (lynx's margin; `pdftotext -raw` writes none), the values one
/// space apart and nothing else on their line, in a zone that shows lynx's simple
/// table there ([`simple_table`]).
pub(super) fn lynx_break(
    text: &str,
    rows: &[TableRow<'_>],
    a: &TableRow<'_>,
    b: &TableRow<'_>,
) -> bool {
    let (Some((indent, _)), Some((b_indent, b_line))) = (line_of(text, a), line_of(text, b)) else {
        return false;
    };
    let b_values: Vec<&str> = b.row.cells.iter().map(|c| c.text.trim()).collect();
    !indent.is_empty()
        && indent == b_indent
        && b_line.trim() == b_values.join(" ")
        && simple_table(text, rows, indent)
}

/// Whether the zone shows lynx's simple table at `indent` (the online editor's page):
/// a row of it whole on one line there, its label and its seven values one space
/// apart (the page's labels break no line by themselves).
fn simple_table(text: &str, rows: &[TableRow<'_>], indent: &str) -> bool {
    rows.iter().any(|r| {
        let cells = &r.row.cells;
        r.from_text
            && cells.len() == T3_COLUMNS.len() + 1
            && labelled_values(cells)
            && line_of(text, r).is_some_and(|(at, line)| {
                at == indent && single_spaced(line, cells.get(1..).unwrap_or_default())
            })
    })
}

/// Whether `cells` are a label and values only.
fn labelled_values(cells: &[zfxxgk_lex::Cell<'_>]) -> bool {
    cells
        .first()
        .is_some_and(|c| number::kind(c.text) == Kind::Text)
        && cells
            .get(1..)
            .is_some_and(|v| v.iter().all(|c| number::kind(c.text) != Kind::Text))
}

/// Table 三's rows whose total held only `<br>`, as lynx writes the online editor's
/// page: a `<br>` cell breaks its row's line where it stands ([`rejoin_broken`]), so a
/// row whose label and six values stand whole on one line had its empty cell last,
/// where the line ends anyway.
///
/// ```text
/// ended = label value{6} NL             ; at lynx's margin, one space apart and
///                                       ; nothing after; the next line no values
/// ```
///
/// Read so only where the zone shows lynx's simple table at that margin
/// ([`simple_table`]), and where the six values add up to the empty total (0): six
/// values that do not are no row of a consistent page with its total empty, and are
/// left to the sums.
pub(super) fn blank_total(text: &str, rows: &mut [TableRow<'_>]) {
    let want = T3_COLUMNS.len();
    for k in 0..rows.len() {
        let r = &rows[k];
        let cells = &r.row.cells;
        let parts = cells
            .get(1..)
            .unwrap_or_default()
            .iter()
            .map(integer)
            .collect::<Option<Vec<i64>>>();
        let whole = r.from_text
            && cells.len() == want
            && labelled_values(cells)
            && parts.is_some_and(|v| v.iter().sum::<i64>() == 0)
            && line_of(text, r).is_some_and(|(indent, line)| {
                !indent.is_empty()
                    && single_spaced(line, cells.get(1..).unwrap_or_default())
                    && simple_table(text, rows, indent)
            });
        let continued = rows.get(k + 1).is_some_and(|b| {
            b.row
                .cells
                .iter()
                .all(|c| number::kind(c.text) != Kind::Text)
        });
        if !whole || continued {
            continue;
        }
        let r = &mut rows[k];
        let at = r.row.span.end;
        r.row.cells.push(zfxxgk_lex::Cell {
            text: "",
            span: zfxxgk_lex::Span::new(at, at),
            x: None,
        });
        // A row of running text: no padded table, nothing ran on into its cells.
        r.from_text = false;
    }
}

/// How many blank lines stand between rows `a` and `b`; `None` when anything but
/// whitespace does.
pub(super) fn blank_lines(text: &str, a: &TableRow<'_>, b: &TableRow<'_>) -> Option<usize> {
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
pub(super) fn blank_cells(
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
            2 => out.push((before + k + 1, nbsp_cell(text, a, b)?)),
            _ => return None,
        }
    }
    Some(out)
}

/// The empty cell that ends a row of lynx's one cell a paragraph (a Word page), where
/// the row's label is `old[label]` and its values `old[first..end]`: a cell of
/// `&nbsp;` after the last value (or after the label, in a row of one column) leaves
/// a blank line of its own, two blank lines before the next row, and sets that row's
/// first line out of the centred cells, at lynx's margin (an indent under
/// [`MIN_INDENT`], where the label is centred at one over it). The
/// gaps within the row must be one blank line each (no other empty cell); the empty
/// cell is given as the row it stands before (`end`) and its span, at the start of
/// the second blank line.
pub(super) fn trailing_blank(
    text: &str,
    old: &[TableRow<'_>],
    label: usize,
    first: usize,
    end: usize,
) -> Option<(usize, zfxxgk_lex::Span)> {
    let last = if end > first { end - 1 } else { label };
    if end > first && !blank_cells(text, old, label, first, end)?.is_empty() {
        return None;
    }
    let (a, next) = (old.get(last)?, old.get(end)?);
    let label_indent = line_of(text, old.get(label)?)?.0.len();
    let next_indent = line_of(text, next)?.0.len();
    let centred = label_indent >= MIN_INDENT && next_indent > 0 && next_indent < MIN_INDENT;
    if blank_lines(text, a, next)? != 2 || !centred {
        return None;
    }
    Some((end, nbsp_cell(text, a, next)?))
}

/// Where the empty cell of `&nbsp;` between rows `a` and `b` stands: an empty span at
/// the start of the second blank line between them.
fn nbsp_cell(text: &str, a: &TableRow<'_>, b: &TableRow<'_>) -> Option<zfxxgk_lex::Span> {
    let between = text.get(a.row.span.end..b.row.span.start)?;
    let at = a.row.span.end + between.match_indices('\n').nth(1)?.0 + 1;
    Some(zfxxgk_lex::Span::new(at, at))
}

/// Fewest lone values a zone must centre alike before a value off that centre is
/// read as the trace of a blank cell.
pub(super) const MIN_CENTRED: usize = 8;

/// Where a value written alone on its line is centred: twice its indent plus its
/// length, in bytes (lynx centres a line by its bytes, `元` and `—` three); `None`
/// when it does not stand after spaces alone on its line.
pub(super) fn centre_of(text: &str, c: &zfxxgk_lex::Cell<'_>) -> Option<usize> {
    let indent = crate::columns::line_before(text, c.span.start)?;
    if indent.is_empty() || !indent.chars().all(|ch| ch == ' ') {
        return None;
    }
    let rest = text.get(c.span.start..)?;
    let line = rest
        .get(..rest.find('\n').unwrap_or(rest.len()))?
        .trim_end();
    if line.is_empty() {
        return None;
    }
    Some(2 * indent.len() + line.len())
}

/// The centre lynx sets a zone's cells about (each cell centred on a line of its
/// own), as `w`: a value centred there has [`centre_of`] `w - 1` or `w` (an odd
/// remainder falls left). Only where the zone shows it for certain: at least
/// [`MIN_CENTRED`] lone values and three in four of them centred so, among them two
/// whose lengths differ by two or more (values set flush left or right at one column
/// cannot share a centre then), about a centre well inside the page; `None` else.
pub(super) fn zone_centre(text: &str, rows: &[TableRow<'_>]) -> Option<usize> {
    let found: Vec<(usize, usize)> = rows
        .iter()
        .filter(|r| value(r))
        .filter_map(lone)
        .map(|c| centre_of(text, c).map(|at| (at, c.text.trim().len())))
        .collect::<Option<Vec<_>>>()?;
    let mut best: Option<(usize, usize)> = None;
    let mut tied = false;
    for &(w, _) in &found {
        for w in [w, w + 1] {
            let count = found
                .iter()
                .filter(|&&(at, _)| at + 1 == w || at == w)
                .count();
            match best {
                Some((b, n)) if n > count || (n == count && b == w) => {}
                Some((_, n)) if n == count => tied = true,
                _ => {
                    best = Some((w, count));
                    tied = false;
                }
            }
        }
    }
    let (w, count) = best?;
    let lengths: Vec<usize> = found
        .iter()
        .filter(|&&(at, _)| at + 1 == w || at == w)
        .map(|&(_, len)| len)
        .collect();
    let spread = match (lengths.iter().min(), lengths.iter().max()) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0,
    };
    let centred = !tied
        && count >= MIN_CENTRED
        && 4 * count >= 3 * found.len()
        && spread >= 2
        && w >= 2 * MIN_INDENT;
    centred.then_some(w)
}

/// The empty cell that ends a row of lynx's centred cells (a CMS page), where the
/// row's values `old[first..end]` all stand on the zone's centre `w`: the empty
/// centred cell sets the next cell off the centre as it does inside a row, so the line
/// after the row (the next row's label, every cell of the zone centred alike) stands
/// [`SHIFT`] left of the centre. Given as the row it stands before (`end`) and an
/// empty span at the start of that row's line.
pub(super) fn centred_trailing_blank(
    text: &str,
    old: &[TableRow<'_>],
    first: usize,
    end: usize,
    w: usize,
) -> Option<(usize, zfxxgk_lex::Span)> {
    if end <= first || !shifted_cells(text, old, first, end, w)?.is_empty() {
        return None;
    }
    let next = old.get(end).and_then(lone)?;
    let off = w.checked_sub(centre_of(text, next)?)?;
    if !SHIFT.contains(&off) {
        return None;
    }
    let start = crate::columns::line_start(text, next.span.start);
    Some((end, zfxxgk_lex::Span::new(start, start)))
}

/// How far left of a zone's centre (in [`centre_of`]'s units, twice the columns) an
/// empty centred cell sets the cell after it: 2 or 3 columns, give or take one unit
/// for a line of odd length.
const SHIFT: std::ops::RangeInclusive<usize> = 4..=7;

/// The least indent (columns) of a zone's centre: values nearer the margin are no
/// centred cells of a page's table.
pub(super) const MIN_INDENT: usize = 10;

/// The empty cells of a run of values, rows `first..end` of `old`, where lynx's
/// centring shows them: a cell after an empty one is set off the zone's centre `w`
/// (lynx keeps something of the empty cell's line: 2 or 3 columns, either way), and
/// nowhere else. Each is given as the row it stands before and an empty span at the
/// start of that row's line.
pub(super) fn shifted_cells(
    text: &str,
    old: &[TableRow<'_>],
    first: usize,
    end: usize,
    w: usize,
) -> Option<Vec<(usize, zfxxgk_lex::Span)>> {
    let mut out = Vec::new();
    for k in first..end {
        let Some(c) = old.get(k).filter(|r| value(r)).and_then(lone) else {
            continue;
        };
        let at = centre_of(text, c)?;
        if at + 1 != w && at != w {
            let start = crate::columns::line_start(text, c.span.start);
            out.push((k, zfxxgk_lex::Span::new(start, start)));
        }
    }
    Some(out)
}
