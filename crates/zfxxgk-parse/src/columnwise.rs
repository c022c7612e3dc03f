//! Table 三 written a column and a run at a time: reading-order `pdftotext` of a page
//! that chromium printed from an online editor's table (`<th>` headers, a `<span>` in
//! every cell, `<br/>` in blank ones) writes, for each page the table stands on, the
//! first column (自然人) among the row labels, one value near each label, and then
//! the six other columns of the same rows row after row, in one run of values a
//! line each. A blank cell written empty leaves nothing at all.
//!
//! chromium's Word page ("save as web page", read so) writes a page's rows with their
//! values beside their labels, as the readers of rows read them, and after a page
//! break the rest as chunks here: the labels alone or with their first column, then
//! the run in bands of rows, each band its own way: a column a block (`0` / `0` / …
//! nine lines, a blank line, the next column), a value a paragraph row after row,
//! or some columns a block and the last two side by side (`1 15` / `1 134` / `0 28`).
//! [`tail`] reads those last rows after the rows read before.
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
//! run    = band{1,4}              ; bands of the chunk's rows, one after another
//! band   = value-line+            ; its rows' other columns (all seven where no
//!                                 ; value stands among the labels), row after row,
//!                                 ; or groups of them side by side, each group row
//!                                 ; after row before the next (`1 7 | 0 0 | …` the
//!                                 ; 2nd and 3rd columns, then `6 7 6 207 | …` the
//!                                 ; four after them; a column a group: a column a
//!                                 ; block); a band ends at a blank line, and two
//!                                 ; values each a paragraph of its own are never
//!                                 ; two bands'
//! value  = count | blank-mark     ; `0`, `130`; `/`, `—`: a blank written
//! ```
//!
//! A line is a value line when each of its words is a value; any other line is
//! text (`1.`, the numbering a label lost, is text), but a label's numbering alone
//! on its line inside a run (`6.`, set before the run's last value) is passed
//! over. The first column of a page's first rows stands before their labels, so a
//! run's last values may be the next chunk's first (`…0 5` then `3` then
//! `属于四类过程性信息`): up to [`MAX_CARRY`] of them are tried as either. In
//! [`tail`], the first values of a run may be the
//! last labels' first column, set on a line of their own just before it
//! (`四、结转下年度继续办理` / `28` / a blank line / the run): up to [`MAX_CARRY`] of
//! them are tried as either too.
//!
//! A band where most values stand in blocks of more than one (lines with no blank
//! line between) is written in blocks, and its blank lines tell its groups: a
//! group ends at a blank line, and its rows end at a blank line all or none (where
//! none do, no blank line stands within a row either). A band written a value a
//! paragraph tells nothing so, and is asked nothing of its blank lines.
//!
//! # Placement
//!
//! In each edition the chunks take the template's rows in order, each as many as
//! its values leave at most [`MAX_VANISHED`] cells that left no text (a chunk of
//! `n` rows holds `7n` cells). Every way of cutting a run into bands, of saying
//! which rows' first column vanished and how many of its other cells each row lost
//! is tried, and each row's cells are placed by [`crate::vanished::placements`]
//! under T301 (its total the sum of the six before, a blank as 0), its first column
//! where the chunk's first-column values put it, each value in its group's columns;
//! each band is tried as one group and as each cut of its columns into groups side
//! by side. A way is kept when every row of every chunk has a placement. A cell is
//! read (by position, with a note) only when every way kept, in every placement,
//! gives it the same value (a word of the text, or a blank that vanished); it then
//! stands where the first way kept puts it, so that rows of zeros are read though
//! which `0` of the text is whose may not be told. The edition is the one that
//! keeps ways (none is read where both or neither do). The sums down the columns
//! (T302, T303) must then hold wherever their cells are read, with the rows read
//! before in [`tail`], or nothing is.
//!
//! Where no way is kept, the run may be written in blocks of two bands of rows
//! taken turn about: chromium's Word page can write the first columns of its last
//! rows a column a block for the top band, then for the bottom band, and only then
//! the other columns of each, or set a band's last column among the other band's
//! columns. Each way of saying which band each block is, by the blocks' lengths
//! (bands of two sizes; a block one column or two side by side), each band holding
//! every column in order, is tried with the run put back band after band
//! ([`regrouped`]), and the cells are read as above over all of them, with a note.
//!
//! Where still no way is kept, one value may stand away from its row: chromium sets the
//! total of a row that lost a cell among the table's last values, or a value of
//! such a row a few places on, past its total. Every way of moving one value back
//! is then tried ([`displaced`]: one of a run's last three values to any place
//! before it, any value to any place at most a row's width away), and the cells are
//! read as above over all the ways those give, with a note saying so: a cell is read
//! only where every way kept, whichever value it moved, agrees.
//!
//! Everything else is left unplaced with a note:
//! where the table is written another way, nothing is read here at all, and the
//! readers of ran-together cells take it.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

use zfxxgk_lex::{Cell as LexCell, Span};
use zfxxgk_model::{
    Cell, CellKey, Edition, NoteKind, Placement, RowDef, Table, TableId, Template, Text, Value,
    T3_COLUMNS,
};

use crate::labels;
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

/// Most bands of rows a chunk's run is read in, each in a way of its own.
const MAX_BANDS: usize = 4;

/// Most bands read in the search of one chunk: past it, nothing.
const MAX_BAND_READS: usize = 400;

/// Fewest rows [`tail`] reads.
const MIN_TAIL: usize = 2;

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
    /// Whether a blank line follows the word.
    gap: bool,
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
            if let Some(w) = all.last_mut() {
                w.gap = true;
            }
            continue;
        }
        let tokens: Vec<Option<Token>> = ws.iter().map(|(w, _)| value_token(w)).collect();
        let value_line = tokens.iter().all(Option::is_some);
        if !value_line {
            if stretch.len() >= MIN_RUN && numbering_alone(&ws) {
                continue;
            }
            close(&mut stretch, &mut current, &mut chunks);
        }
        for ((w, span), token) in ws.into_iter().zip(tokens) {
            let Some(token) = token else { continue };
            all.push(Word {
                text: w,
                span,
                token,
                gap: false,
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

/// Whether a line's words are a label's numbering alone (`6.`), its words set
/// elsewhere: chromium's editor page, in reading order, can set the `6.` of
/// `6.属于四类过程性信息` inside a run, before its last value.
fn numbering_alone(ws: &[(&str, Span)]) -> bool {
    matches!(ws, [(w, _)] if labels::Folded::new(w).numbering_only())
}

/// A group of columns that a run writes row after row, before the next group: its
/// first column, its width, and the run's values it holds.
#[derive(Debug, Clone, Copy)]
struct Group<'a> {
    column: usize,
    width: usize,
    values: &'a [usize],
}

/// The placements of a row's tokens ([`placements`] under T301), by the tokens (the
/// first `len` of the array): rows of zeros ask for the same ones again and again.
type Placed = HashMap<([Token; N], usize), Rc<Placements>>;

/// What a group's rows read so far showed of the text's blank lines.
#[derive(Debug, Clone, Copy, Default)]
struct Style {
    /// Whether its rows end at a blank line, once one has ended.
    ends: Option<bool>,
    /// Whether a blank line stood within a row.
    inner: bool,
}

/// The search of one band's ways.
struct Search<'a, 's, 'i> {
    words: &'a [Word<'i>],
    first: &'a [usize],
    groups: &'s [Group<'a>],
    rows: usize,
    /// Whether the first column is the run's own (none of it among the labels).
    first_in_run: bool,
    /// Whether most of the band's values stand in blocks of more than one (lines
    /// with no blank line between), not a value a paragraph.
    blocks: bool,
    /// The placements of the rows so far (words' indices), one list a row.
    path: &'s mut Vec<Vec<[Content; N]>>,
    seen: &'s mut Seen,
    placed: &'s mut Placed,
    kept: usize,
    steps: usize,
    over: bool,
}

impl Search<'_, '_, '_> {
    /// Whether the group's value `i` (of its values) has a blank line after it.
    fn gap(&self, g: &Group<'_>, i: usize) -> bool {
        g.values
            .get(i)
            .and_then(|&w| self.words.get(w))
            .is_some_and(|w| w.gap)
    }

    /// Whether the text's blank lines allow group `gi` to hold a row in its values
    /// `from..end`, given what its rows before showed (`style`). Only where the band
    /// is written in blocks ([`Search::blocks`]): a group ends at a blank line, where
    /// it is not the band's last (a block of the text is never two groups'); its
    /// rows end at a blank line all or none; and where none do, no blank line stands
    /// within a row either (a column a block, a row a block, or a cell a block: never
    /// some rows one block and some another). Where a value a paragraph is the rule,
    /// nothing is asked: a row's end may still share a block with the next row's
    /// first value (`0` / `0` where a blank cell left a row lower), and a rule that
    /// passed over the right reading could leave a wrong one alone.
    fn ends_fit(&self, gi: usize, from: usize, end: usize, style: &mut [Style]) -> bool {
        let (Some(g), Some(style)) = (self.groups.get(gi), style.get_mut(gi)) else {
            return false;
        };
        let gap = end > 0 && self.gap(g, end - 1);
        if !self.blocks {
            return true;
        }
        if end == g.values.len() && !gap && gi + 1 != self.groups.len() {
            return false;
        }
        style.inner |= (from..end.saturating_sub(1)).any(|i| self.gap(g, i));
        if end == g.values.len() {
            return !(style.ends == Some(false) && style.inner);
        }
        match style.ends {
            Some(s) if s != gap => return false,
            _ => style.ends = Some(gap),
        }
        !(style.ends == Some(false) && style.inner)
    }

    /// Rows `r` on, with `fi` first-column values and `at[g]` values of each group
    /// used, and `gone_first`, `gone[g]` cells still to vanish from each; `style[g]`
    /// what group `g`'s rows so far showed of blank lines ([`Search::ends_fit`]).
    fn row(
        &mut self,
        r: usize,
        fi: usize,
        at: [usize; N],
        gone_first: usize,
        gone: [usize; N],
        style: [Style; N],
    ) {
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
        let n = self.groups.len();
        if r == self.rows {
            let used = self.groups.iter().zip(at).all(|(g, a)| a == g.values.len());
            if fi == self.first.len() && used {
                self.keep();
            }
            return;
        }
        // Whether the row's first column shows beside the labels: always no where the
        // run holds that column.
        let shows: &[bool] = if self.first_in_run {
            &[false]
        } else {
            &[true, false]
        };
        for &shows_first in shows {
            let beside = !self.first_in_run;
            if beside
                && ((shows_first && fi >= self.first.len()) || (!shows_first && gone_first == 0))
            {
                continue;
            }
            for lost in Losses::new(&gone, self.groups) {
                // The row's words, and the columns each may stand in (first, end).
                let mut local = [0usize; N];
                let mut within = [(0usize, 0usize); N];
                let mut k = 0;
                if shows_first {
                    if let (Some(&w), Some(l), Some(c)) =
                        (self.first.get(fi), local.get_mut(k), within.get_mut(k))
                    {
                        *l = w;
                        *c = (0, 1);
                        k += 1;
                    }
                }
                let mut next = at;
                let mut short = false;
                for ((g, l), a) in self.groups.iter().zip(lost).zip(next.iter_mut()) {
                    let take = g.width - l;
                    match g.values.get(*a..*a + take) {
                        Some(v) => {
                            for &w in v {
                                if let (Some(l), Some(c)) = (local.get_mut(k), within.get_mut(k)) {
                                    *l = w;
                                    *c = (g.column, g.column + g.width);
                                    k += 1;
                                }
                            }
                        }
                        None => short = true,
                    }
                    *a += take;
                }
                if short {
                    continue;
                }
                let mut style = style;
                let fit = (0..n).all(|gi| match (at.get(gi), next.get(gi)) {
                    (Some(&from), Some(&end)) => {
                        from == end || self.ends_fit(gi, from, end, &mut style)
                    }
                    _ => false,
                });
                if !fit {
                    continue;
                }
                let local = local.get(..k).unwrap_or_default();
                let mut tokens = [Token::Blank; N];
                for (t, &g) in tokens.iter_mut().zip(local) {
                    if let Some(w) = self.words.get(g) {
                        *t = w.token;
                    }
                }
                let found = self
                    .placed
                    .entry((tokens, k))
                    .or_insert_with(|| {
                        Rc::new(placements(tokens.get(..k).unwrap_or_default(), &T3_ROW))
                    })
                    .clone();
                let Placements::Found(found) = found.as_ref() else {
                    self.over = true;
                    return;
                };
                let here: Vec<[Content; N]> = found
                    .iter()
                    .filter(|p| !beside || (p.first() == Some(&Some(0))) == shows_first)
                    .filter(|p| {
                        p.iter().enumerate().all(|(col, c)| {
                            c.is_none_or(|l| {
                                within.get(l).is_some_and(|&(a, b)| (a..b).contains(&col))
                            })
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
                let mut left = gone;
                for (g, l) in left.iter_mut().zip(lost) {
                    *g -= l;
                }
                self.path.push(here);
                self.row(
                    r + 1,
                    fi + usize::from(shows_first),
                    next,
                    gone_first - usize::from(beside && !shows_first),
                    left,
                    style,
                );
                self.path.pop();
            }
        }
    }

    /// Adds the way just completed to what is seen.
    fn keep(&mut self) {
        self.kept += 1;
        for (row, placements) in self.seen.iter_mut().zip(self.path.iter()) {
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
/// no more than a group's width; the first group's count changing slowest. Counted
/// in place, as the search asks for them row after row.
struct Losses {
    most: [usize; N],
    len: usize,
    next: Option<[usize; N]>,
}

impl Losses {
    fn new(gone: &[usize; N], groups: &[Group<'_>]) -> Losses {
        let mut most = [0; N];
        for ((m, &g), group) in most.iter_mut().zip(gone).zip(groups) {
            *m = g.min(group.width);
        }
        Losses {
            most,
            len: groups.len().min(N),
            next: Some([0; N]),
        }
    }
}

impl Iterator for Losses {
    type Item = [usize; N];

    fn next(&mut self) -> Option<[usize; N]> {
        let out = self.next?;
        let mut cur = out;
        let mut i = self.len;
        self.next = loop {
            if i == 0 {
                break None;
            }
            i -= 1;
            match (cur.get_mut(i), self.most.get(i)) {
                (Some(c), Some(&m)) if *c < m => {
                    *c += 1;
                    for later in cur.iter_mut().take(self.len).skip(i + 1) {
                        *later = 0;
                    }
                    break Some(cur);
                }
                _ => {}
            }
        };
        Some(out)
    }
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

/// Every way of cutting `columns` columns (six or seven) into groups of columns side
/// by side, as their widths: the whole first.
fn splits(columns: usize) -> &'static [Vec<usize>] {
    static SPLITS: LazyLock<[Vec<Vec<usize>>; 2]> = LazyLock::new(|| [cuts_of(N - 1), cuts_of(N)]);
    let i = match columns {
        c if c == N => 1,
        c if c == N - 1 => 0,
        _ => return &[],
    };
    SPLITS.get(i).map_or(&[], Vec::as_slice)
}

/// Every way of cutting `columns` columns into groups side by side: the whole first.
fn cuts_of(columns: usize) -> Vec<Vec<usize>> {
    let cuts = columns.saturating_sub(1);
    let mut out = Vec::new();
    for mask in 0u32..1 << cuts {
        let mut widths = vec![1];
        for b in 0..cuts {
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
fn spreads(gone: usize, widths: &[usize], rows: usize) -> Vec<[usize; N]> {
    let mut out = Vec::new();
    spread_from(gone, widths, rows, 0, [0; N], &mut out);
    out
}

/// [`spreads`] from group `i` on, `s` holding the counts of the groups before.
fn spread_from(
    gone: usize,
    widths: &[usize],
    rows: usize,
    i: usize,
    s: [usize; N],
    out: &mut Vec<[usize; N]>,
) {
    let Some(&w) = widths.get(i) else {
        if gone == 0 {
            out.push(s);
        }
        return;
    };
    let last = i + 1 == widths.len();
    let least = if last { gone } else { 0 };
    for n in least..=gone.min(rows * w) {
        let mut s = s;
        if let Some(slot) = s.get_mut(i) {
            *slot = n;
        }
        spread_from(gone - n, widths, rows, i + 1, s, out);
    }
}

/// Whether more than half of `run`'s values stand in blocks of more than one value
/// (blocks being parted by blank lines).
fn in_blocks(words: &[Word<'_>], run: &[usize]) -> bool {
    let in_block: usize = blocks_of(words, run)
        .map(|b| b.len())
        .filter(|&n| n > 1)
        .sum();
    2 * in_block > run.len()
}

/// The search of a band gave up ([`MAX_STEPS`], or a row with too many placements).
#[derive(Debug)]
struct Over;

/// What the ways of reading one band put in each cell of its `rows` rows: `run` the
/// band's part of the run, `first` its first column's values beside the labels, of
/// which `gone_first` cells vanished (none, and the run holds that column too, where
/// `first_in_run`). The run is tried as its columns row after row, and as groups of
/// them side by side, each group row after row before the next ([`splits`]); what
/// every way of each keeps is put together. `Ok(None)` where no way is kept.
fn solve_band(
    placed: &mut Placed,
    words: &[Word<'_>],
    first: &[usize],
    run: &[usize],
    rows: usize,
    gone_first: usize,
    first_in_run: bool,
) -> Result<Option<Seen>, Over> {
    let c0 = usize::from(!first_in_run);
    let columns = N - c0;
    let Some(gone_run) = (rows * columns).checked_sub(run.len()) else {
        return Ok(None);
    };
    let blocks = in_blocks(words, run);
    let mut seen: Seen = vec![vec![Vec::new(); N]; rows];
    let mut kept = 0;
    // One row reads the same whichever groups its columns are cut into, the whole
    // allowing every vanished cell any other cut allows.
    let all = splits(columns);
    let widths_tried = if rows == 1 {
        all.get(..1).unwrap_or_default()
    } else {
        all
    };
    let mut groups = Vec::with_capacity(N);
    let mut path = Vec::with_capacity(rows);
    for widths in widths_tried {
        for spread in spreads(gone_run, widths, rows) {
            groups.clear();
            let (mut column, mut from) = (c0, 0);
            for (w, v) in widths.iter().zip(&spread) {
                let len = rows * w - v;
                let Some(values) = run.get(from..from + len) else {
                    return Ok(None);
                };
                groups.push(Group {
                    column,
                    width: *w,
                    values,
                });
                column += w;
                from += len;
            }
            // Written in blocks, a group but the last ends at a blank line.
            let parted = |g: &Group<'_>| {
                g.values
                    .last()
                    .and_then(|&w| words.get(w))
                    .is_none_or(|w| w.gap)
            };
            let cut = groups
                .split_last()
                .is_none_or(|(_, before)| before.iter().all(parted));
            if blocks && !cut {
                continue;
            }
            let mut s = Search {
                words,
                first,
                groups: &groups,
                rows,
                first_in_run,
                blocks,
                path: &mut path,
                seen: &mut seen,
                placed: &mut *placed,
                kept: 0,
                steps: 0,
                over: false,
            };
            s.row(0, 0, [0; N], gone_first, spread, [Style::default(); N]);
            if s.over {
                return Err(Over);
            }
            kept += s.kept;
        }
    }
    Ok((kept > 0).then_some(seen))
}

/// A band as its reading is remembered: its run's values `from..to`, its first
/// column's values beside the labels `from..to`, its rows, and its first column's
/// cells that vanished.
type BandKey = (usize, usize, usize, usize, usize, usize);

/// The search of a chunk's ways of cutting its run into bands of rows.
struct Bands<'a, 'i> {
    words: &'a [Word<'i>],
    chunk: &'a Chunk,
    rows: usize,
    first_in_run: bool,
    /// The columns the run holds: six, or seven where it holds the first too.
    columns: usize,
    memo: HashMap<BandKey, Option<Seen>>,
    placed: Placed,
    path: Vec<BandKey>,
    seen: Seen,
    kept: bool,
    over: bool,
}

impl Bands<'_, '_> {
    /// Whether the run's word `i` is a block alone: a blank line before and after it.
    fn alone(&self, i: usize) -> bool {
        let gap = |i: usize| {
            self.chunk
                .run
                .get(i)
                .and_then(|&w| self.words.get(w))
                .is_some_and(|w| w.gap)
        };
        gap(i) && (i == 0 || gap(i - 1))
    }

    /// Whether a band may end before the run's value `end`: a blank line stands
    /// there, and the values on both sides of it are not each a block alone (a run
    /// written a value a paragraph is one band).
    fn cut(&self, end: usize) -> bool {
        let gap = self
            .chunk
            .run
            .get(end - 1)
            .and_then(|&w| self.words.get(w))
            .is_some_and(|w| w.gap);
        gap && !(self.alone(end - 1) && self.alone(end))
    }

    /// Bands from the run's value `at`, row `row` and first-column value `fi` on,
    /// with `gone_first` and `gone_run` cells still to vanish.
    fn walk(&mut self, at: usize, row: usize, fi: usize, gone_first: usize, gone_run: usize) {
        let (run, first) = (&self.chunk.run, &self.chunk.first);
        if at == run.len() {
            if row == self.rows && fi == first.len() && gone_first == 0 && gone_run == 0 {
                self.keep();
            }
            return;
        }
        let last = self.path.len() + 1 >= MAX_BANDS;
        for end in at + 1..=run.len() {
            let whole = end == run.len();
            if !whole && (last || !self.cut(end)) {
                continue;
            }
            let shown = end - at;
            for r in 1..=self.rows - row {
                let cells = r * self.columns;
                if cells < shown || cells - shown > gone_run {
                    continue;
                }
                if whole && (r != self.rows - row || cells - shown != gone_run) {
                    continue;
                }
                let most = if self.first_in_run {
                    0
                } else {
                    gone_first.min(r)
                };
                for gf in 0..=most {
                    if whole && gf != gone_first {
                        continue;
                    }
                    let f = if self.first_in_run { 0 } else { r - gf };
                    let Some(band_first) = first.get(fi..fi + f) else {
                        continue;
                    };
                    let key = (at, end, fi, fi + f, r, gf);
                    if !self.memo.contains_key(&key) {
                        if self.memo.len() >= MAX_BAND_READS {
                            self.over = true;
                        }
                        let band = run.get(at..end).unwrap_or_default();
                        let read = match solve_band(
                            &mut self.placed,
                            self.words,
                            band_first,
                            band,
                            r,
                            gf,
                            self.first_in_run,
                        ) {
                            Ok(read) => read,
                            Err(Over) => {
                                self.over = true;
                                None
                            }
                        };
                        self.memo.insert(key, read);
                    }
                    if self.over {
                        return;
                    }
                    if self.memo.get(&key).is_some_and(Option::is_some) {
                        self.path.push(key);
                        self.walk(
                            end,
                            row + r,
                            fi + f,
                            gone_first - gf,
                            gone_run - (cells - shown),
                        );
                        self.path.pop();
                        if self.over {
                            return;
                        }
                    }
                }
            }
        }
    }

    /// Adds the bands just completed to what is seen.
    fn keep(&mut self) {
        self.kept = true;
        let rows: Vec<Vec<Vec<Content>>> = self
            .path
            .iter()
            .filter_map(|k| self.memo.get(k).cloned().flatten())
            .flatten()
            .collect();
        merge(&mut self.seen, rows);
    }
}

/// What the ways of reading `chunk` as `rows` rows put in each cell; `None` where no
/// way is kept or the search gives up. The run is read in bands of rows one after
/// another (at most [`MAX_BANDS`]), each in a way of its own ([`solve_band`]): a
/// page's table 三 written by column for its first rows and row by row, or by other
/// columns, for the rest.
fn solve(words: &[Word<'_>], chunk: &Chunk, rows: usize) -> Option<Seen> {
    let cells = rows * N;
    let shown = chunk.first.len() + chunk.run.len();
    if cells < shown || cells - shown > MAX_VANISHED {
        return None;
    }
    let first_in_run = chunk.first.is_empty();
    let columns = N - usize::from(!first_in_run);
    let gone_first = if first_in_run {
        0
    } else {
        rows.checked_sub(chunk.first.len())?
    };
    let gone_run = (rows * columns).checked_sub(chunk.run.len())?;
    let mut bands = Bands {
        words,
        chunk,
        rows,
        first_in_run,
        columns,
        memo: HashMap::new(),
        placed: Placed::new(),
        path: Vec::new(),
        seen: vec![vec![Vec::new(); N]; rows],
        kept: false,
        over: false,
    };
    bands.walk(0, 0, 0, gone_first, gone_run);
    (bands.kept && !bands.over).then_some(bands.seen)
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

/// The chunks with `lead[i]` values moved from the front of chunk `i`'s run to the
/// end of its first column: the last labels' first values, set just before the run.
/// `None` where a chunk with none beside its labels would take some.
fn led(chunks: &[Chunk], lead: &[usize]) -> Option<Vec<Chunk>> {
    let mut out = chunks.to_vec();
    for (chunk, &n) in out.iter_mut().zip(lead) {
        if n == 0 {
            continue;
        }
        if chunk.first.is_empty() || n > chunk.run.len() {
            return None;
        }
        let moved: Vec<usize> = chunk.run.drain(..n).collect();
        chunk.first.extend(moved);
    }
    Some(out)
}

/// Values at the end of a chunk's run tried as displaced ([`displaced`]).
const MAX_DISPLACED: usize = 3;

/// Most places a value is tried moved by ([`displaced`]): a row's width.
const MAX_SHIFT: usize = 6;

/// Most ways of moving one value tried ([`seen_displaced`]): past it, none is.
const MAX_MOVES: usize = 2_000;

/// The chunks with one value of a chunk's run moved: one of its last
/// [`MAX_DISPLACED`] to each place before it, or any to each place at most
/// [`MAX_SHIFT`] from it; each way once (moves that give the same words do).
fn displaced(words: &[Word<'_>], chunks: &[Chunk]) -> Vec<(Vec<Chunk>, usize)> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (ci, chunk) in chunks.iter().enumerate() {
        let len = chunk.run.len();
        for from in 0..len {
            let near = from.saturating_sub(MAX_SHIFT)..(from + MAX_SHIFT + 1).min(len);
            let to_all = if from + MAX_DISPLACED >= len {
                0..len
            } else {
                near
            };
            for to in to_all.filter(|&t| t != from) {
                let mut run = chunk.run.clone();
                let g = run.remove(from);
                run.insert(to, g);
                let texts: Vec<&str> = run
                    .iter()
                    .filter_map(|&g| words.get(g))
                    .map(|w| w.text)
                    .collect();
                if !seen.insert((ci, texts)) {
                    continue;
                }
                let mut c = chunks.to_vec();
                if let Some(chunk) = c.get_mut(ci) {
                    chunk.run = run;
                    out.push((c, g));
                }
            }
        }
    }
    out
}

/// Every way of carrying 0 to [`MAX_CARRY`] values over each of `k - 1` breaks.
fn carries(k: usize) -> Vec<Vec<usize>> {
    product(&vec![(0..=MAX_CARRY).collect(); k.saturating_sub(1)])
}

/// The rows each chunk may take: those that leave it at most [`MAX_VANISHED`] cells
/// without text.
fn sizes(chunk: &Chunk) -> Vec<usize> {
    let shown = chunk.first.len() + chunk.run.len();
    let columns = if chunk.first.is_empty() { N } else { N - 1 };
    (1..=shown)
        .filter(|&n| {
            n >= chunk.first.len()
                && n * columns >= chunk.run.len()
                && n * N - shown <= MAX_VANISHED
        })
        .collect()
}

/// Every way of taking the chunks as `rows` rows, by their counts alone: the chunks
/// after each carry over their breaks and, where `lead`, 0 to [`MAX_CARRY`] values
/// at each run's front taken as its chunk's last labels' first column, with each
/// choice of a size for each chunk that sums to `rows` (those chunks where none does
/// are left out).
fn layouts(chunks: &[Chunk], rows: usize, lead: bool) -> Vec<(Vec<Chunk>, Vec<Vec<usize>>)> {
    let leads = if lead {
        product(&vec![(0..=MAX_CARRY).collect(); chunks.len()])
    } else {
        vec![vec![0; chunks.len()]]
    };
    let mut out = Vec::new();
    for carry in carries(chunks.len()) {
        let Some(chunks) = carried(chunks, &carry) else {
            continue;
        };
        for lead in &leads {
            let Some(chunks) = led(&chunks, lead) else {
                continue;
            };
            let options: Vec<Vec<usize>> = chunks.iter().map(sizes).collect();
            let choices: Vec<Vec<usize>> = product(&options)
                .into_iter()
                .filter(|c| c.iter().sum::<usize>() == rows)
                .collect();
            if !choices.is_empty() {
                out.push((chunks, choices));
            }
        }
    }
    out
}

/// What every kept way puts in each cell of `rows` rows, when any is kept: the union
/// over the [`layouts`] of the chunks.
fn seen_in(words: &[Word<'_>], chunks: &[Chunk], rows: usize, lead: bool) -> Option<Seen> {
    let ways = layouts(chunks, rows, lead)
        .into_iter()
        .flat_map(|(chunks, choices)| {
            choices.into_iter().map(move |choice| {
                let solved: Option<Vec<Seen>> = chunks
                    .iter()
                    .zip(&choice)
                    .map(|(chunk, &n)| solve(words, chunk, n))
                    .collect();
                solved.map(|s| s.into_iter().flatten().collect())
            })
        });
    union(rows, ways)
}

/// What the ways kept (`Some`) put in each cell of `rows` rows, all of them together;
/// `None` where none is kept.
fn union(rows: usize, ways: impl IntoIterator<Item = Option<Seen>>) -> Option<Seen> {
    let mut seen: Seen = vec![vec![Vec::new(); N]; rows];
    let mut any = false;
    for way in ways.into_iter().flatten() {
        any = true;
        merge(&mut seen, way);
    }
    any.then_some(seen)
}

/// What [`seen_in`] sees over every way [`displaced`] gives of `chunks`, each moved
/// value taken as a paragraph of its own: `None` where none is kept.
fn seen_displaced(words: &[Word<'_>], chunks: &[Chunk], rows: usize, lead: bool) -> Option<Seen> {
    // A move keeps each chunk's count of values: where no count fits, none will.
    if layouts(chunks, rows, lead).is_empty() {
        return None;
    }
    let ways = displaced(words, chunks);
    if ways.len() > MAX_MOVES {
        return None;
    }
    let kept = ways.into_iter().map(|(moved, g)| {
        let mut words = words.to_vec();
        if let Some(w) = words.get_mut(g) {
            w.gap = true;
        }
        seen_in(&words, &moved, rows, lead)
    });
    union(rows, kept)
}

/// Most ways of putting a run's blocks in bands tried ([`regrouped`]): past it, none is.
const MAX_REGROUPED: usize = 16;

/// The blocks of `run` (values parted by blank lines): each block's range in `run`.
fn blocks_of<'a>(
    words: &'a [Word<'_>],
    run: &'a [usize],
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut from = 0;
    run.iter()
        .filter_map(|&g| words.get(g))
        .enumerate()
        .filter(|&(i, w)| w.gap || i + 1 == run.len())
        .map(move |(i, _)| {
            let block = from..i + 1;
            from = i + 1;
            block
        })
}

/// The chunks with one chunk's run, written in blocks of two bands of rows taken
/// turn about, put back band after band: chromium's Word page, after a page break,
/// can write the first columns of its last rows a column a block for one band of
/// rows, then for the next, and only then the other columns, band after band
/// (`4 2 2 …` / `0 0 0 …` / `1 0 0 …` / `0 2 34 3` / `0 2 6 0` / `0 2 5 0` / then
/// the last four columns so), or a band's last columns among the other's. Where a
/// chunk's run holds every column and is all blocks, each block is taken as one
/// column of a band, or two side by side (`0 1` / `2 13` / …), each band's blocks
/// in its columns' order: every way of saying which band each block is, with bands
/// of two sizes told by the blocks' lengths (a block of `k` columns of `r` rows
/// holds `k × r` values, but for at most [`MAX_VANISHED`] in all that vanished), and
/// each band holding every column, gives the run band after band. At most
/// [`MAX_REGROUPED`] ways; past it, none.
fn regrouped(words: &[Word<'_>], chunks: &[Chunk]) -> Vec<Vec<Chunk>> {
    let mut out = Vec::new();
    for (ci, chunk) in chunks.iter().enumerate() {
        if !chunk.first.is_empty() {
            continue;
        }
        let blocks: Vec<Range<usize>> = blocks_of(words, &chunk.run).collect();
        // Two bands of every column: a block one column or two.
        if blocks.len() > 2 * N || blocks.len() < N {
            continue;
        }
        let mut sizes: Vec<usize> = blocks.iter().map(|b| b.len()).collect();
        sizes.sort_unstable();
        sizes.dedup();
        for &top in &sizes {
            for &bottom in sizes.iter().filter(|&&r| r != top) {
                let mut bands = Vec::new();
                let mut search = Regroup {
                    blocks: &blocks,
                    rows: [top, bottom],
                    band: Vec::with_capacity(blocks.len()),
                    found: &mut bands,
                };
                search.walk(0, [0, 0], 0);
                for band in bands {
                    let mut run = Vec::with_capacity(chunk.run.len());
                    for b in 0..2 {
                        for (block, _) in blocks.iter().zip(&band).filter(|(_, &x)| x == b) {
                            run.extend(chunk.run.get(block.clone()).unwrap_or_default());
                        }
                    }
                    if run == chunk.run {
                        continue;
                    }
                    let mut c = chunks.to_vec();
                    if let Some(slot) = c.get_mut(ci) {
                        slot.run = run;
                        out.push(c);
                    }
                    if out.len() > MAX_REGROUPED {
                        return Vec::new();
                    }
                }
            }
        }
    }
    out
}

/// The search of [`regrouped`]: which band each block is, the first block the top
/// band's, with `rows` the bands' sizes.
struct Regroup<'a> {
    blocks: &'a [Range<usize>],
    rows: [usize; 2],
    band: Vec<usize>,
    found: &'a mut Vec<Vec<usize>>,
}

impl Regroup<'_> {
    /// From block `i` on, with `columns` of each band placed and `gone` values
    /// vanished.
    fn walk(&mut self, i: usize, columns: [usize; 2], gone: usize) {
        if self.found.len() > MAX_REGROUPED {
            return;
        }
        let Some(block) = self.blocks.get(i) else {
            if columns == [N, N] {
                self.found.push(self.band.clone());
            }
            return;
        };
        let bands = if i == 0 { 0..1 } else { 0..2 };
        for b in bands {
            let (Some(&placed), Some(&rows)) = (columns.get(b), self.rows.get(b)) else {
                continue;
            };
            for k in 1..=2.min(N - placed) {
                let Some(missing) = (k * rows).checked_sub(block.len()) else {
                    continue;
                };
                if gone + missing > MAX_VANISHED || (k > 1 && block.len() <= rows) {
                    continue;
                }
                let mut next = columns;
                if let Some(c) = next.get_mut(b) {
                    *c += k;
                }
                self.band.push(b);
                self.walk(i + 1, next, gone + missing);
                self.band.pop();
            }
        }
    }
}

/// What [`seen_in`] sees over every way [`regrouped`] gives of `chunks`: `None`
/// where none is kept.
fn seen_regrouped(words: &[Word<'_>], chunks: &[Chunk], rows: usize, lead: bool) -> Option<Seen> {
    let ways = regrouped(words, chunks);
    union(rows, ways.iter().map(|c| seen_in(words, c, rows, lead)))
}

/// How the run was read: in the text's order, with its bands put back in order
/// ([`regrouped`]), or with one value moved back ([`displaced`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Text,
    Regrouped,
    Moved,
}

/// The orders tried, each only where none before it reads the run.
const ORDERS: [Order; 3] = [Order::Text, Order::Regrouped, Order::Moved];

/// What the ways of reading `chunks` in `order` see ([`seen_in`], [`seen_regrouped`],
/// [`seen_displaced`]).
fn seen_by(
    words: &[Word<'_>],
    chunks: &[Chunk],
    rows: usize,
    lead: bool,
    order: Order,
) -> Option<Seen> {
    match order {
        Order::Text => seen_in(words, chunks, rows, lead),
        Order::Regrouped => seen_regrouped(words, chunks, rows, lead),
        Order::Moved => seen_displaced(words, chunks, rows, lead),
    }
}

/// For each cell of `seen`'s rows, what it holds where every way kept gives it the
/// same value: the first way's content, so that the cells read stand where one
/// reading puts them; else `None`. Rows of zeros are read so, though which `0` of the
/// text is whose may not be told. A vanished blank is alike only with a vanished
/// blank, not with a written one (`—`, `/`): `pdftotext`'s reading order can set a
/// `—` ahead of the digits of its row (its box stands higher than theirs), so that
/// where some ways put the `—` in a cell and others a vanished blank, the cell may
/// hold a value that stood before the `—` on the page.
fn agreed(words: &[Word<'_>], seen: &Seen) -> Vec<Vec<Option<Content>>> {
    let value = |c: &Content| {
        c.and_then(|g| words.get(g))
            .map(|w| w.token)
            .filter(|t| *t != Token::Other)
    };
    seen.iter()
        .map(|row| {
            row.iter()
                .map(|col| {
                    let first = col.first()?;
                    let same = col
                        .iter()
                        .all(|c| c == first || value(c).is_some_and(|v| Some(v) == value(first)));
                    same.then_some(*first)
                })
                .collect()
        })
        .collect()
}

/// The count a cell `agreed` on holds (a vanished blank as 0), if it holds one.
fn agreed_count(
    words: &[Word<'_>],
    agreed: &[Vec<Option<Content>>],
    j: usize,
    col: usize,
) -> Option<u64> {
    match agreed.get(j)?.get(col)? {
        Some(Some(g)) => words.get(*g)?.token.count(),
        Some(None) => Some(0),
        None => None,
    }
}

/// The cells of `template`'s rows from `from` on that every reading in `seen` (those
/// rows' readings, in order) agrees on, placed by position; a note for each row with
/// cells left open, the words no cell took kept as strays, and a note of how the
/// table was read (`chunks` of it).
fn place(
    ctx: &mut Ledger<'_>,
    words: &[Word<'_>],
    template: &[RowDef],
    from: usize,
    seen: &Seen,
    (chunks, order): (usize, Order),
) -> Vec<Cell> {
    let agreed = agreed(words, seen);
    let mut cells = Vec::new();
    let mut placed = vec![false; words.len()];
    for (j, row) in template.iter().enumerate().skip(from) {
        let k = j - from;
        let mut open = Vec::new();
        let mut at = None;
        for (col, def) in T3_COLUMNS.iter().enumerate() {
            let Some(key) = CellKey::from_parts(TableId::T3, row.key, def.key) else {
                continue;
            };
            let here = agreed.get(k).and_then(|r| r.get(col)).copied().flatten();
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
                        seen.get(k)?
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
                .get(k)
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
                "表三：逐页先写第一列（夹在行名之间，或与其余各列一起），再按行或按列分段写其余各列（或分几组列，每组逐行写）；按模板各行的顺序和合计关系放入（{chunks} 段）"
            ),
            format!(
                "table 三: each page's first column written among the labels (or with the other columns), then the other columns by rows or by columns, band by band (or in groups of columns, each row after row); placed by the template's row order and sums ({chunks} chunks)"
            ),
        ),
        None,
    );
    if order == Order::Regrouped {
        ctx.note(
            NoteKind::InferredPlacement,
            Text::new(
                "表三：按文字的顺序各行的合计关系不成立；换页后的各列按列成块，上下两段行的块交替写出；按块的长短把各块放回各段后读，只读各种成立的读法都相同的单元格",
                "table 三: in the order of the text the rows do not add up; after a page break its columns are written a column a block, the blocks of two bands of rows taken turn about: read with each block put back in its band by the blocks' lengths, and only the cells every way that adds up agrees on",
            ),
            None,
        );
    }
    if order == Order::Moved {
        ctx.note(
            NoteKind::InferredPlacement,
            Text::new(
                "表三：按文字的顺序各行的合计关系不成立；有一个数值不在其行的位置（阅读顺序把它移到了别处），每种把一个数值移回的读法都试过，只读各种成立的读法都相同的单元格",
                "table 三: in the order of the text the rows do not add up; one value stands away from its row (reading order set it elsewhere): every way of moving one value back was tried, and only the cells every way that adds up agrees on are read",
            ),
            None,
        );
    }
    cells
}

/// Reads table 三 from section 三's body `range` where it is written a column and a
/// run at a time (see the module's grammar); `None`, with nothing said, where it is
/// not, or where no edition alone reads it with every row adding up.
pub(crate) fn t3(ctx: &mut Ledger<'_>, range: Range<usize>) -> Option<Table> {
    let text = ctx.text;
    let (words, chunks) = chunks(text, range)?;
    let read = |order: Order| -> Vec<(Edition, Seen)> {
        Edition::ALL
            .iter()
            .filter_map(|&e| {
                let rows = Template::of(e).t3_rows.len();
                seen_by(&words, &chunks, rows, false, order).map(|s| (e, s))
            })
            .collect()
    };
    let (order, mut found) = ORDERS
        .into_iter()
        .map(|o| (o, read(o)))
        .find(|(_, found)| !found.is_empty())?;
    if found.len() != 1 {
        return None;
    }
    let (edition, seen) = found.pop()?;
    let template = Template::of(edition).t3_rows;
    let agreed = agreed(&words, &seen);
    let rows: Vec<Option<usize>> = (0..template.len()).map(Some).collect();
    if !equations(&rows, template)
        .iter()
        .all(|e| e.holds_where_told(|j, col| agreed_count(&words, &agreed, j, col)))
    {
        return None;
    }
    let mut cells = place(ctx, &words, template, 0, &seen, (chunks.len(), order));
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

/// Reads the last rows of a table 三 that the readers of rows read only the first
/// of, where the text after the last cell read (to section 三's body's end, `range`)
/// is written a column and a run at a time: chromium's Word page, read in reading
/// order, sets a page's rows with their values beside their labels, and after a
/// page break the labels alone or with their first column, then the other columns
/// by column for some rows and by rows for others. The rows after the last row
/// read are those the chunks take, named by a label among them; the sums down the
/// columns must hold with the rows read before. Nothing is read, and nothing said,
/// where the text is not of that shape.
pub(crate) fn tail(ctx: &mut Ledger<'_>, table: &mut Table, range: Range<usize>) {
    let Some(edition) = table.edition else { return };
    let template = Template::of(edition).t3_rows;
    let row_of = |c: &Cell| template.iter().position(|r| c.key.row() == r.key);
    let Some(last) = table.cells.iter().filter_map(row_of).max() else {
        return;
    };
    let from = last + 1;
    let rows = template.len() - from;
    let Some(start) = table.cells.iter().map(|c| c.location.end).max() else {
        return;
    };
    if rows < MIN_TAIL || start < range.start || start >= range.end {
        return;
    }
    let text = ctx.text;
    let Some((words, chunks)) = chunks(text, start..range.end) else {
        return;
    };
    let named = text
        .get(start..range.end)
        .unwrap_or_default()
        .lines()
        .any(|l| {
            labels::best_t3_row(&[labels::Folded::new(l)], edition).is_some_and(|(j, _)| j >= from)
        });
    if !named {
        return;
    }
    let Some((seen, order)) = ORDERS
        .into_iter()
        .find_map(|o| seen_by(&words, &chunks, rows, true, o).map(|s| (s, o)))
    else {
        return;
    };
    let agreed = agreed(&words, &seen);
    let before = |j: usize, col: usize| -> Option<u64> {
        let key = CellKey::from_parts(TableId::T3, template.get(j)?.key, T3_COLUMNS.get(col)?.key)?;
        let cell = table.cells.iter().find(|c| c.key == key)?;
        match &cell.value {
            Value::Blank => Some(0),
            v => v.number()?.as_i64().and_then(|n| u64::try_from(n).ok()),
        }
    };
    let count = |j: usize, col: usize| match j.checked_sub(from) {
        Some(k) => agreed_count(&words, &agreed, k, col),
        None => before(j, col),
    };
    let all: Vec<Option<usize>> = (0..template.len()).map(Some).collect();
    if !equations(&all, template)
        .iter()
        .all(|e| e.holds_where_told(count))
    {
        return;
    }
    let cells = place(ctx, &words, template, from, &seen, (chunks.len(), order));
    table.cells.extend(cells);
    table.cells.sort_by_key(|c| c.key);
}

#[cfg(test)]
mod tests;
