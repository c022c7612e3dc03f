//! Table 三 written a column and a run at a time: reading-order `pdftotext` of a page
//! that chromium printed from an online editor's table (`<th>` headers, a `<span>` in
//! every cell, `<br/>` in blank ones) writes, for each page the table stands on, the
//! first column (自然人) among the row labels, one value near each label, and then
//! the six other columns of the same rows row after row, in one run of values a
//! line each. A blank cell written empty leaves nothing at all.
//!
//! # Grammar
//!
//! ```text
//! table  = chunk+ text*           ; one chunk a page the table stands on
//! chunk  = mixed run
//! mixed  = (text | short)*        ; labels cut and merged anyhow (`1.2.本机关…`),
//!                                 ; the header's words; every value here (a line
//!                                 ; of its own, or the end of a label's line) is
//!                                 ; one row's first column, in the rows' order
//! short  = value-line{1,5}        ; fewer values than a run
//! run    = value-line{6,}         ; the rows' six other columns, row after row,
//!                                 ; blank lines between; or groups of them side
//!                                 ; by side, each group row after row before the
//!                                 ; next (`1 7 | 0 0 | …` the 2nd and 3rd columns,
//!                                 ; then `6 7 6 207 | …` the four after them)
//! value  = count | blank-mark     ; `0`, `130`; `/`, `—`: a blank written
//! ```
//!
//! A line is a value line when each of its words is a value; any other line is
//! text (`1.`, the numbering a label lost, is text). The first column of a page's
//! first rows stands before their labels, so a run's last values may be the next
//! chunk's first (`…0 5` then `3` then `属于四类过程性信息`): up to [`MAX_CARRY`]
//! of them are tried as either.
//!
//! # Placement
//!
//! In each edition the chunks take the template's rows in order, each as many as
//! its values leave at most [`MAX_VANISHED`] cells that left no text (a chunk of
//! `n` rows holds `7n` cells). Every way of saying which rows' first column
//! vanished and how many of its six others each row lost is tried, and each row's
//! cells are placed by [`crate::vanished::placements`] under T301 (its total the sum of the
//! six before, a blank as 0), its first column where the chunk's first-column values
//! put it, each value in its group's columns; the run is tried as one group and
//! as each cut of the six columns into groups side by side. A way is kept when every
//! row of every chunk has a placement. A cell is
//! read (by position, with a note) only when every way kept, in every placement,
//! puts the same word of the text there, or a vanished blank; the edition is the
//! one that keeps ways (none is read where both or neither do). The sums down the
//! columns (T302, T303) must then hold wherever their cells are read, or nothing
//! is. Everything else is left unplaced with a note: where the table is written
//! another way, nothing is read here at all, and the readers of ran-together
//! cells take it.

use std::ops::Range;

use zfxxgk_lex::{Cell as LexCell, Span};
use zfxxgk_model::{
    CellKey, Edition, NoteKind, Placement, Table, TableId, Template, Text, T3_COLUMNS,
};

use crate::ledger::Ledger;
use crate::ran_together::equations;
use crate::split::T3_ROW;
use crate::vanished::{placements, Placements, Token};

/// Cells a chunk may have lost without a trace (blank cells written empty).
const MAX_VANISHED: usize = 3;

/// Values at the end of a run tried as the next chunk's first column.
const MAX_CARRY: usize = 2;

/// Fewest values a run holds: one row's six other columns.
const MIN_RUN: usize = 6;

/// Most chunks (pages) a table is read over.
const MAX_CHUNKS: usize = 4;

/// Most rows tried in the search of one chunk, over every way: past it, nothing.
const MAX_STEPS: usize = 200_000;

/// Columns of table 三.
const N: usize = T3_COLUMNS.len();

/// A word of the text that is a value.
#[derive(Debug, Clone, Copy)]
struct Word<'i> {
    text: &'i str,
    span: Span,
    token: Token,
}

/// A page's part of the table: the first column's values among the labels, then
/// the run (indices into the words).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Chunk {
    first: Vec<usize>,
    run: Vec<usize>,
}

/// What a cell holds in one reading: a word (its index) or a blank that vanished.
type Content = Option<usize>;

/// For each row and column, what the readings kept put there.
type Seen = Vec<Vec<Vec<Content>>>;

/// The word as a cell of the text.
fn cell_of<'i>(w: &Word<'i>) -> LexCell<'i> {
    LexCell {
        text: w.text,
        span: w.span,
        x: None,
    }
}

/// The value a word is, if it is one: a count of at most nine digits, or a blank
/// written with dashes or slashes.
fn value_token(w: &str) -> Option<Token> {
    if !w.is_empty() && w.len() <= 9 && w.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Token::of(w));
    }
    let dashes = !w.is_empty()
        && w.chars()
            .all(|c| matches!(c, '-' | '—' | '–' | '－' | '/' | '／'));
    dashes.then_some(Token::Blank)
}

/// The words of `line` (which starts at byte `at`), with their spans.
fn words(line: &str, at: usize) -> impl Iterator<Item = (&str, Span)> {
    let mut start: Option<usize> = None;
    let mut out = Vec::new();
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                if let Some(w) = line.get(s..i) {
                    out.push((w, Span::new(at + s, at + i)));
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out.into_iter()
}

/// The value words of `range` and its chunks; `None` where the text is not of the
/// grammar's shape (no run, values after the last run, too many chunks).
fn chunks<'i>(text: &'i str, range: Range<usize>) -> Option<(Vec<Word<'i>>, Vec<Chunk>)> {
    let body = text.get(range.clone())?;
    let mut all: Vec<Word<'i>> = Vec::new();
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut current = Chunk::default();
    // The value lines' words since the last line of text.
    let mut stretch: Vec<usize> = Vec::new();
    let mut at = range.start;
    let close = |stretch: &mut Vec<usize>, current: &mut Chunk, chunks: &mut Vec<Chunk>| {
        if stretch.len() >= MIN_RUN {
            current.run = std::mem::take(stretch);
            chunks.push(std::mem::take(current));
        } else {
            current.first.append(stretch);
        }
    };
    for line in body.split_inclusive('\n') {
        let ws: Vec<(&'i str, Span)> = words(line, at).collect();
        at += line.len();
        if ws.is_empty() {
            continue;
        }
        let tokens: Vec<Option<Token>> = ws.iter().map(|(w, _)| value_token(w)).collect();
        let value_line = tokens.iter().all(Option::is_some);
        if !value_line {
            close(&mut stretch, &mut current, &mut chunks);
        }
        for ((w, span), token) in ws.into_iter().zip(tokens) {
            let Some(token) = token else { continue };
            all.push(Word {
                text: w,
                span,
                token,
            });
            if value_line {
                stretch.push(all.len() - 1);
            } else {
                current.first.push(all.len() - 1);
            }
        }
    }
    close(&mut stretch, &mut current, &mut chunks);
    let ok = !chunks.is_empty() && chunks.len() <= MAX_CHUNKS && current.first.is_empty();
    ok.then_some((all, chunks))
}

/// A group of the six other columns that a run writes row after row, before the
/// next group: its first column, its width, and the run's values it holds.
#[derive(Debug, Clone, Copy)]
struct Group<'a> {
    column: usize,
    width: usize,
    values: &'a [usize],
}

/// The search of one chunk's ways.
struct Search<'a, 'i> {
    words: &'a [Word<'i>],
    first: &'a [usize],
    groups: Vec<Group<'a>>,
    rows: usize,
    /// The placements of the rows so far (words' indices), one list a row.
    path: Vec<Vec<[Content; N]>>,
    seen: Seen,
    kept: usize,
    steps: usize,
    over: bool,
}

impl Search<'_, '_> {
    /// Rows `r` on, with `fi` first-column values and `at[g]` values of each group
    /// used, and `gone_first`, `gone[g]` cells still to vanish from each.
    fn row(&mut self, r: usize, fi: usize, at: &[usize], gone_first: usize, gone: &[usize]) {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            self.over = true;
        }
        if self.over {
            return;
        }
        if fi + (self.rows - r) < self.first.len() {
            return;
        }
        if r == self.rows {
            let used = self
                .groups
                .iter()
                .zip(at)
                .all(|(g, &a)| a == g.values.len());
            if fi == self.first.len() && used {
                self.keep();
            }
            return;
        }
        for shows_first in [true, false] {
            if (shows_first && fi >= self.first.len()) || (!shows_first && gone_first == 0) {
                continue;
            }
            for lost in losses(gone, &self.groups) {
                // The row's words, and the columns each may stand in.
                let mut local: Vec<usize> = Vec::with_capacity(N);
                let mut within: Vec<Range<usize>> = Vec::with_capacity(N);
                if shows_first {
                    local.extend(self.first.get(fi));
                    within.push(0..1);
                }
                let mut next = at.to_vec();
                let mut short = false;
                for ((g, l), a) in self.groups.iter().zip(&lost).zip(next.iter_mut()) {
                    let take = g.width - l;
                    match g.values.get(*a..*a + take) {
                        Some(v) => {
                            local.extend_from_slice(v);
                            within.extend(v.iter().map(|_| g.column..g.column + g.width));
                        }
                        None => short = true,
                    }
                    *a += take;
                }
                if short {
                    continue;
                }
                let tokens: Vec<Token> = local
                    .iter()
                    .filter_map(|&g| self.words.get(g).map(|w| w.token))
                    .collect();
                let found = match placements(&tokens, &T3_ROW) {
                    Placements::Found(found) => found,
                    Placements::TooMany => {
                        self.over = true;
                        return;
                    }
                };
                let here: Vec<[Content; N]> = found
                    .iter()
                    .filter(|p| (p.first() == Some(&Some(0))) == shows_first)
                    .filter(|p| {
                        p.iter().enumerate().all(|(col, c)| {
                            c.is_none_or(|l| within.get(l).is_some_and(|w| w.contains(&col)))
                        })
                    })
                    .map(|p| {
                        let mut cells = [None; N];
                        for (slot, c) in cells.iter_mut().zip(p) {
                            *slot = c.and_then(|l| local.get(l).copied());
                        }
                        cells
                    })
                    .collect();
                if here.is_empty() {
                    continue;
                }
                let left: Vec<usize> = gone.iter().zip(&lost).map(|(g, l)| g - l).collect();
                self.path.push(here);
                self.row(
                    r + 1,
                    fi + usize::from(shows_first),
                    &next,
                    gone_first - usize::from(!shows_first),
                    &left,
                );
                self.path.pop();
            }
        }
    }

    /// Adds the way just completed to what is seen.
    fn keep(&mut self) {
        self.kept += 1;
        for (row, placements) in self.seen.iter_mut().zip(&self.path) {
            for p in placements {
                for (col, c) in row.iter_mut().zip(p) {
                    if !col.contains(c) {
                        col.push(*c);
                    }
                }
            }
        }
    }
}

/// Every way one row loses cells from the groups: at most `gone[g]` from each, and
/// no more than a group's width.
fn losses(gone: &[usize], groups: &[Group<'_>]) -> Vec<Vec<usize>> {
    let options: Vec<Vec<usize>> = gone
        .iter()
        .zip(groups)
        .map(|(&g, group)| (0..=g.min(group.width)).collect())
        .collect();
    product(&options)
}

/// Every choice of one of each of `options`, in their order.
fn product(options: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new()];
    for o in options {
        out = out
            .into_iter()
            .flat_map(|c| {
                o.iter().map(move |&n| {
                    let mut c = c.clone();
                    c.push(n);
                    c
                })
            })
            .collect();
    }
    out
}

/// Adds what `from` puts in each cell, row by row, to what `into` has seen.
fn merge(into: &mut Seen, from: impl IntoIterator<Item = Vec<Vec<Content>>>) {
    for (row, got) in into.iter_mut().zip(from) {
        for (col, g) in row.iter_mut().zip(got) {
            for c in g {
                if !col.contains(&c) {
                    col.push(c);
                }
            }
        }
    }
}

/// Every way of cutting the six other columns into groups of columns side by side,
/// as their widths: the whole six first.
fn splits() -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for mask in 0u32..1 << (N - 2) {
        let mut widths = vec![1];
        for b in 0..N - 2 {
            match widths.last_mut() {
                Some(w) if mask & (1 << b) == 0 => *w += 1,
                _ => widths.push(1),
            }
        }
        out.push(widths);
    }
    out
}

/// Every way `gone` vanished cells fall among groups of `widths` over `rows` rows.
fn spreads(gone: usize, widths: &[usize], rows: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new()];
    for (i, w) in widths.iter().enumerate() {
        let last = i + 1 == widths.len();
        out = out
            .into_iter()
            .flat_map(|s: Vec<usize>| {
                let used: usize = s.iter().sum();
                let rest = gone.saturating_sub(used);
                let range = if last { rest..=rest } else { 0..=rest };
                range.filter(move |&n| n <= rows * w).map(move |n| {
                    let mut s = s.clone();
                    s.push(n);
                    s
                })
            })
            .collect();
    }
    out
}

/// What the ways of reading `chunk` as `rows` rows put in each cell; `None` where no
/// way is kept or the search gives up. The run is tried as the six other columns
/// row after row, and as groups of them side by side, each group row after row
/// before the next ([`splits`]); what every way of each keeps is put together.
fn solve(words: &[Word<'_>], chunk: &Chunk, rows: usize) -> Option<Seen> {
    let cells = rows * N;
    let shown = chunk.first.len() + chunk.run.len();
    let gone_first = rows.checked_sub(chunk.first.len())?;
    let gone_run = (rows * (N - 1)).checked_sub(chunk.run.len())?;
    if cells < shown || cells - shown > MAX_VANISHED {
        return None;
    }
    let mut seen: Seen = vec![vec![Vec::new(); N]; rows];
    let mut kept = 0;
    for widths in splits() {
        for spread in spreads(gone_run, &widths, rows) {
            let mut groups = Vec::with_capacity(widths.len());
            let (mut column, mut from) = (1, 0);
            for (w, v) in widths.iter().zip(&spread) {
                let len = rows * w - v;
                groups.push(Group {
                    column,
                    width: *w,
                    values: chunk.run.get(from..from + len)?,
                });
                column += w;
                from += len;
            }
            let mut s = Search {
                words,
                first: &chunk.first,
                groups,
                rows,
                path: Vec::with_capacity(rows),
                seen: vec![vec![Vec::new(); N]; rows],
                kept: 0,
                steps: 0,
                over: false,
            };
            s.row(0, 0, &vec![0; widths.len()], gone_first, &spread);
            if s.over {
                return None;
            }
            kept += s.kept;
            merge(&mut seen, s.seen);
        }
    }
    (kept > 0).then_some(seen)
}

/// The chunks with `carry[i]` values moved from the end of chunk `i`'s run to the
/// front of chunk `i + 1`'s first column.
fn carried(chunks: &[Chunk], carry: &[usize]) -> Option<Vec<Chunk>> {
    let mut out = chunks.to_vec();
    for (i, &c) in carry.iter().enumerate() {
        let from = out.get_mut(i)?;
        let cut = from.run.len().checked_sub(c)?;
        let moved = from.run.split_off(cut);
        let to = out.get_mut(i + 1)?;
        to.first.splice(0..0, moved);
    }
    Some(out)
}

/// Every way of carrying 0 to [`MAX_CARRY`] values over each of `k - 1` breaks.
fn carries(k: usize) -> Vec<Vec<usize>> {
    product(&vec![(0..=MAX_CARRY).collect(); k.saturating_sub(1)])
}

/// The rows each chunk may take: those that leave it at most [`MAX_VANISHED`] cells
/// without text.
fn sizes(chunk: &Chunk) -> Vec<usize> {
    let shown = chunk.first.len() + chunk.run.len();
    (1..=shown)
        .filter(|&n| {
            n >= chunk.first.len()
                && n * (N - 1) >= chunk.run.len()
                && n * N - shown <= MAX_VANISHED
        })
        .collect()
}

/// What every kept way puts in each cell of the template's `rows` rows, when any is
/// kept: the union over the carries and the chunks' sizes that sum to `rows`.
fn seen_in(words: &[Word<'_>], chunks: &[Chunk], rows: usize) -> Option<Seen> {
    let mut seen: Seen = vec![vec![Vec::new(); N]; rows];
    let mut any = false;
    for carry in carries(chunks.len()) {
        let Some(chunks) = carried(chunks, &carry) else {
            continue;
        };
        let options: Vec<Vec<usize>> = chunks.iter().map(sizes).collect();
        // Every choice of a size for each chunk that sums to the template's rows.
        let choices = product(&options);
        for choice in choices.iter().filter(|c| c.iter().sum::<usize>() == rows) {
            let solved: Option<Vec<Seen>> = chunks
                .iter()
                .zip(choice)
                .map(|(chunk, &n)| solve(words, chunk, n))
                .collect();
            let Some(solved) = solved else { continue };
            any = true;
            merge(&mut seen, solved.into_iter().flatten());
        }
    }
    any.then_some(seen)
}

/// Reads table 三 from section 三's body `range` where it is written a column and a
/// run at a time (see the module's grammar); `None`, with nothing said, where it is
/// not, or where no edition alone reads it with every row adding up.
pub(crate) fn t3(ctx: &mut Ledger<'_>, range: Range<usize>) -> Option<Table> {
    let text = ctx.text;
    let (words, chunks) = chunks(text, range)?;
    let mut found: Vec<(Edition, Seen)> = Edition::ALL
        .iter()
        .filter_map(|&e| seen_in(&words, &chunks, Template::of(e).t3_rows.len()).map(|s| (e, s)))
        .collect();
    if found.len() != 1 {
        return None;
    }
    let (edition, seen) = found.pop()?;
    let template = Template::of(edition).t3_rows;
    // The cell each reading agrees on: `Some(content)`, else `None`.
    let agreed: Vec<Vec<Option<Content>>> = seen
        .iter()
        .map(|row| {
            row.iter()
                .map(|col| match col.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                })
                .collect()
        })
        .collect();
    let count = |j: usize, col: usize| -> Option<u64> {
        match agreed.get(j)?.get(col)? {
            Some(Some(g)) => words.get(*g)?.token.count(),
            Some(None) => Some(0),
            None => None,
        }
    };
    let rows: Vec<Option<usize>> = (0..template.len()).map(Some).collect();
    if !equations(&rows, template)
        .iter()
        .all(|e| e.holds_where_told(count))
    {
        return None;
    }
    let mut cells = Vec::new();
    let mut placed = vec![false; words.len()];
    for (j, row) in template.iter().enumerate() {
        let mut open = Vec::new();
        let mut at = None;
        for (col, def) in T3_COLUMNS.iter().enumerate() {
            let Some(key) = CellKey::from_parts(TableId::T3, row.key, def.key) else {
                continue;
            };
            let here = agreed.get(j).and_then(|r| r.get(col)).copied().flatten();
            match here {
                Some(Some(g)) => {
                    let Some(w) = words.get(g) else { continue };
                    if let Some(p) = placed.get_mut(g) {
                        *p = true;
                    }
                    at = Some(w.span.end);
                    cells.push(ctx.cell(key, &cell_of(w), Placement::Position));
                }
                Some(None) => {
                    let end = at.or_else(|| {
                        seen.get(j)?
                            .iter()
                            .flatten()
                            .flatten()
                            .filter_map(|&g| words.get(g))
                            .map(|w| w.span.start)
                            .min()
                    });
                    cells.push(ctx.invisible_blank(key, end.unwrap_or(0), Placement::Position));
                }
                None => open.push(def.key),
            }
        }
        if !open.is_empty() {
            let ways = seen
                .get(j)
                .map(|r| {
                    r.iter()
                        .map(|col| col.len().to_string())
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .unwrap_or_default();
            ctx.note(
                NoteKind::AmbiguousPlacement,
                Text::new(
                    format!(
                        "表三 {} 行：各列分段写出，空白单元格没有留下文字，合计关系看不出空白在哪里：{} 未读（各列可能的读法数 {ways}）",
                        row.key,
                        open.join("、")
                    ),
                    format!(
                        "table 三, row {}: written a column and a run at a time, blank cells leaving no text, and the sums do not tell where the blanks stood: {} not read (readings a column: {ways})",
                        row.key,
                        open.join(", ")
                    ),
                ),
                None,
            );
        }
    }
    for (w, _) in words.iter().zip(&placed).filter(|(_, p)| !**p) {
        ctx.stray(TableId::T3, &[cell_of(w)]);
    }
    ctx.note(
        NoteKind::InferredPlacement,
        Text::new(
            format!(
                "表三：逐页先写第一列（夹在行名之间），再逐行写其余六列（或分几组列，每组逐行写）；按模板各行的顺序和合计关系放入（{} 段）",
                chunks.len()
            ),
            format!(
                "table 三: each page's first column written among the labels, then the other six columns row after row (or in groups of columns, each row after row); placed by the template's row order and sums ({} chunks)",
                chunks.len()
            ),
        ),
        None,
    );
    cells.sort_by_key(|c| c.key);
    let first = words.first().map_or(0, |w| w.span.start);
    let last = words.last().map_or(first, |w| w.span.end);
    Some(Table {
        id: TableId::T3,
        edition: Some(edition),
        location: ctx.locate(Span::new(first, last)),
        items: Vec::new(),
        cells,
    })
}

#[cfg(test)]
mod tests;
