//! Lines and what each one looks like, decided by peeking at its bytes once.

use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::char as ch;
use nom::combinator::all_consuming;
use nom::error::Error;
use nom::sequence::delimited;
use nom::{IResult, Parser};

/// True when `p` accepts the whole of `t`.
fn full<'a, O>(p: impl Parser<&'a str, Output = O, Error = Error<&'a str>>, t: &'a str) -> bool {
    all_consuming(p).parse(t).is_ok()
}
use unicode_width::UnicodeWidthChar;
pub(crate) use zfxxgk_text::is_space;
use zfxxgk_text::{is_numeral, is_page_number, HeadingMark};

/// What one line looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    /// Nothing but `|` and spaces.
    PipeNoise,
    /// `|---|:--:|`
    PipeRule,
    /// `| a | b |`
    PipeRow,
    /// A line of a box-drawn grid: it begins with a box character that has a vertical
    /// stroke (`│`, `├`, `┌`, `└`, `┃`, `║`, `╔`, …).
    Box,
    /// `+----+====+`: a rule of an ASCII grid.
    GridRule,
    /// `规章| 89| 11`: cells split by pipes, with none before the first cell.
    OpenPipeRow,
    /// `---|---`, `----+----`: the rule under the header of such rows.
    OpenPipeRule,
    /// A tab at the start and no other: one cell.
    TabCell,
    /// Cells split by tabs.
    TabRow,
    /// Two or more cells split by runs of spaces.
    Aligned,
    /// `-4-`, `— 5 —`
    PageNumber,
    /// `一、总体情况`, `## 表三`
    Heading,
    /// Mostly control characters.
    Junk,
    /// Anything else.
    Text,
}

/// One line of the input, without its line end.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'i> {
    pub text: &'i str,
    pub start: usize,
    pub kind: LineKind,
}

pub(crate) fn trim(s: &str) -> &str {
    let (start, end) = trim_bounds(s);
    &s[start..end]
}

/// The byte range of `s` that [`trim`] keeps: `s` without its leading and trailing
/// [`is_space`] characters, told from the bytes without decoding the text between.
/// When nothing is kept, the range is empty at the end of `s`.
pub(crate) fn trim_bounds(s: &str) -> (usize, usize) {
    let bytes = s.as_bytes();
    let mut start = 0;
    while let Some(&b) = bytes.get(start) {
        let lead = LEAD[usize::from(b)];
        if lead & MAYBE == 0 {
            break;
        }
        if !matches!(b, b'\t'..=b'\r' | b' ') && (b < 0x80 || sort(&bytes[start..]) != Sort::Space)
        {
            break;
        }
        start += usize::from(lead & LEN);
    }
    let mut end = bytes.len();
    while let Some(&b) = bytes[start..end].last() {
        if b < 0x80 {
            if !matches!(b, b'\t'..=b'\r' | b' ') {
                break;
            }
            end -= 1;
            continue;
        }
        // The last character begins at the last byte that is not a continuation byte.
        let mut first = end - 1;
        while first > start && bytes[first] & 0xC0 == 0x80 {
            first -= 1;
        }
        if LEAD[usize::from(bytes[first])] & MAYBE == 0 || sort(&bytes[first..end]) != Sort::Space {
            break;
        }
        end = first;
    }
    (start, end)
}

/// What a character counts as when a line is classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    /// [`is_space`].
    Space,
    /// A control character that is not a space, or U+FFFD: what makes a line junk.
    Junk,
    /// Anything else.
    Other,
}

/// The [`Sort`] of the character whose UTF-8 encoding begins `bytes`.
///
/// The spaces and junk beyond ASCII are C1 controls, U+0085 and U+00A0 (`C2 xx`),
/// U+1680 (`E1 9A 80`), U+2000..=U+200A, U+2028, U+2029, U+202F and U+205F (`E2 80 xx`,
/// `E2 81 9F`), U+3000 (`E3 80 80`), U+FEFF (`EF BB BF`) and U+FFFD (`EF BF BD`).
/// Their lead bytes are the ones marked [`MAYBE`] in [`LEAD`].
#[inline(always)]
fn sort(bytes: &[u8]) -> Sort {
    match bytes {
        [b'\t'..=b'\r' | b' ', ..]
        | [0xC2, 0x85 | 0xA0, ..]
        | [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..]
        | [0xEF, 0xBB, 0xBF, ..] => Sort::Space,
        [0x00..=0x1F | 0x7F, ..] | [0xC2, 0x80..=0x9F, ..] | [0xEF, 0xBF, 0xBD, ..] => Sort::Junk,
        _ => Sort::Other,
    }
}

/// Marks, in [`LEAD`], a lead byte whose character may be a space or junk.
const MAYBE: u8 = 0x80;

/// Masks, in [`LEAD`], the length in bytes of the character a lead byte begins.
const LEN: u8 = 0x07;

/// For every byte that begins a character: the character's length ([`LEN`]) and whether
/// it may be a space or junk ([`MAYBE`]). Continuation bytes never begin one; they
/// are given length 1.
const LEAD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let len = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xFF => 4,
            _ => 1,
        };
        let maybe = matches!(b, 0x00..=0x20 | 0x7F | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
        table[b] = len | if maybe { MAYBE } else { 0 };
        b += 1;
    }
    table
};

/// What one pass over a line finds. Offsets count from the start of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Scan {
    /// Where the line ends: at its first `\n`, or where the text ends.
    end: usize,
    /// What is left of the line once trimmed of spaces, as [`trim`] does.
    trimmed: (usize, usize),
    /// How many tabs there are.
    tabs: usize,
    /// How many [`Sort::Junk`] characters there are.
    junk: usize,
    /// Whether there is some text, a run of two or more spaces, then more text, as
    /// [`two_segments`] asks.
    gap: bool,
}

/// Reads the line that begins `bytes`, up to its first `\n`, in one pass: it steps
/// from lead byte to lead byte and looks closer only at the characters that may be
/// spaces or junk, and at the `\n`.
fn scan(bytes: &[u8]) -> Scan {
    let (mut tabs, mut junk, mut gap) = (0, 0, false);
    // The leading spaces end at `lead_end`, and the last run of spaces is
    // `run_start..space_end` (no character ends at `usize::MAX`). `long` says that
    // run has two or more spaces and text before it: text after it, told by the next
    // run starting elsewhere or the line ending later, makes a gap.
    let mut lead_end = 0;
    let (mut run_start, mut space_end) = (0, usize::MAX);
    let mut long = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let lead = LEAD[usize::from(b)];
        if lead & MAYBE == 0 {
            // Neither a space, junk nor the `\n`: `lead` is the length alone.
            i += usize::from(lead);
            continue;
        }
        if b == b'\n' {
            break;
        }
        let len = usize::from(lead & LEN);
        match sort(&bytes[i..]) {
            Sort::Space => {
                // The plain spaces after this one are taken with it.
                let mut next = i + len;
                while bytes.get(next) == Some(&b' ') {
                    next += 1;
                }
                if i == space_end {
                    long |= run_start > 0;
                } else {
                    // Text came between this space and the last.
                    gap |= long;
                    (run_start, long) = (i, next > i + len && i > 0);
                }
                if i == lead_end {
                    lead_end = next;
                }
                tabs += usize::from(b == b'\t');
                (space_end, i) = (next, next);
                continue;
            }
            Sort::Junk => junk += 1,
            Sort::Other => {}
        }
        i += len;
    }
    let end = i;
    gap |= long && space_end < end;
    let text_end = if space_end == end { run_start } else { end };
    Scan {
        end,
        trimmed: (lead_end.min(text_end), text_end),
        tabs,
        junk,
        gap,
    }
}

/// The lines of a text, each classified once: 9 bytes a line (its start and its kind),
/// with the [`Line`] made on demand.
pub(crate) struct Lines<'i> {
    text: &'i str,
    starts: Vec<usize>,
    kinds: Vec<LineKind>,
}

impl<'i> Lines<'i> {
    /// Splits `text` into classified lines. Every byte belongs to exactly one line.
    pub fn new(text: &'i str) -> Lines<'i> {
        // Counted first, so that the arrays are made once at their size.
        let count = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        let mut starts = Vec::with_capacity(count);
        let mut kinds = Vec::with_capacity(count);
        let mut start = 0;
        while start < text.len() {
            let scan = scan(&text.as_bytes()[start..]);
            let end = start + scan.end;
            starts.push(start);
            kinds.push(kind(&text[start..end], &scan));
            start = if end < text.len() { end + 1 } else { end };
        }
        Lines {
            text,
            starts,
            kinds,
        }
    }

    /// How many lines there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// The kind of line `j`.
    pub fn kind(&self, j: usize) -> LineKind {
        self.kinds[j]
    }

    /// Where line `j` starts.
    pub fn start(&self, j: usize) -> usize {
        self.starts[j]
    }

    /// Where the line after line `j` starts (after the `\n`), or the end of the text.
    pub fn next(&self, j: usize) -> usize {
        self.starts.get(j + 1).copied().unwrap_or(self.text.len())
    }

    /// Line `j`.
    pub fn at(&self, j: usize) -> Line<'i> {
        let (start, next) = (self.start(j), self.next(j));
        let end = if self.text.as_bytes()[..next].ends_with(b"\n") && next > start {
            next - 1
        } else {
            next
        };
        Line {
            text: &self.text[start..end],
            start,
            kind: self.kinds[j],
        }
    }
}

/// Most cells one row of a table may have. A line that splits into more is running text:
/// no report's row has more than a few dozen cells, and a lexed cell per separator
/// would cost some fifty bytes of memory per byte of a line of tabs or pipes.
pub(crate) const MAX_ROW_CELLS: usize = 1024;

/// How many times `b` occurs in `s`, counting no further than `MAX_ROW_CELLS + 1`.
fn separators(s: &str, b: u8) -> usize {
    memchr::memchr_iter(b, s.as_bytes())
        .take(MAX_ROW_CELLS + 1)
        .count()
}

/// What `line`, which has no `\n`, looks like.
#[cfg(test)]
pub(crate) fn classify(line: &str) -> LineKind {
    let scan = scan(line.as_bytes());
    assert_eq!(scan.end, line.len(), "a line has no \\n");
    kind(line, &scan)
}

/// What `line` looks like, from what [`scan`] found in it.
fn kind(line: &str, scan: &Scan) -> LineKind {
    let t = &line[scan.trimmed.0..scan.trimmed.1];
    if t.is_empty() && scan.tabs == 0 {
        return LineKind::Blank;
    }
    if scan.junk > 0 && mostly_junk(t, scan.junk) {
        return LineKind::Junk;
    }
    if line.len() + 1 >= crate::block::MAX_TABLE_BYTES {
        // Too long for a table's offsets, and for any row or heading.
        return LineKind::Text;
    }
    if t.chars().next().is_some_and(box_bar) {
        return LineKind::Box;
    }
    if t.starts_with('+') && grid_rule(t) {
        return LineKind::GridRule;
    }
    if t.starts_with('|') {
        if t.chars().all(|c| c == '|' || is_space(c)) {
            return LineKind::PipeNoise;
        }
        if markdown_rule(t) {
            return LineKind::PipeRule;
        }
        return if separators(t, b'|') > MAX_ROW_CELLS {
            LineKind::Text
        } else {
            LineKind::PipeRow
        };
    }
    if scan.tabs > 0 {
        return if scan.tabs == 1 && line.starts_with('\t') {
            LineKind::TabCell
        } else if scan.tabs > MAX_ROW_CELLS {
            LineKind::Text
        } else {
            LineKind::TabRow
        };
    }
    if let Some(open) = open_pipes(t) {
        return open;
    }
    if is_page_number(t) {
        return LineKind::PageNumber;
    }
    if scan.gap {
        return LineKind::Aligned;
    }
    if heading(t) {
        return LineKind::Heading;
    }
    LineKind::Text
}

/// `一、总体情况` (short, with a title after the mark), or a markdown `## heading`; a
/// bracketed `（一）…` begins a paragraph, not a heading block.
fn heading(t: &str) -> bool {
    // Bracketed lines are many and no heading here: not parsed.
    t.chars().next().is_some_and(|c| c == '#' || is_numeral(c))
        && matches!(
            zfxxgk_text::heading(t),
            Some(HeadingMark::Numbered | HeadingMark::Markdown)
        )
}

/// Whether `junk` [`Sort::Junk`] characters make `t` mostly junk: more than a third
/// of its characters, and it has four or more.
fn mostly_junk(t: &str, junk: usize) -> bool {
    // Every character has exactly one byte that is not a continuation byte.
    let total = t.bytes().filter(|&b| b & 0xC0 != 0x80).count();
    total >= 4 && junk * 3 > total
}

fn spaces(i: &str) -> IResult<&str, &str> {
    take_while(is_space)(i)
}

/// A box-drawing character (U+2500 to U+257F) with nothing but horizontal strokes:
/// `─ ━ ═ ┄ ╌ ╴ ╼`, …
pub(crate) fn box_horizontal(c: char) -> bool {
    matches!(
        c,
        '─' | '━'
            | '┄'
            | '┅'
            | '┈'
            | '┉'
            | '╌'
            | '╍'
            | '═'
            | '╴'
            | '╶'
            | '╸'
            | '╺'
            | '╼'
            | '╾'
    )
}

/// A box-drawing character with a vertical stroke: a wall (`│ ┃ ║`) or a corner or
/// junction (`┌ ├ ┼ ╬ ╪`, …).
pub(crate) fn box_bar(c: char) -> bool {
    ('\u{2500}'..='\u{257f}').contains(&c) && !box_horizontal(c)
}

/// A box-drawing wall with no horizontal stroke: `│ ┃ ║ ┆ ╎ ╵ ╷`, …
pub(crate) fn box_wall(c: char) -> bool {
    matches!(
        c,
        '│' | '┃'
            | '║'
            | '┆'
            | '┇'
            | '┊'
            | '┋'
            | '╎'
            | '╏'
            | '╵'
            | '╷'
            | '╹'
            | '╻'
            | '╽'
            | '╿'
    )
}

/// `+---+===+:--+`: a plus, then one or more runs of dashes, equals signs or colons
/// each closed by a plus, then spaces.
fn grid_rule(t: &str) -> bool {
    let run = take_while1(|c| matches!(c, '-' | '=' | ':'));
    full(
        (ch('+'), nom::multi::many1_count((run, ch('+'))), spaces),
        t,
    )
}

/// Longest cell of a row of open pipes, in characters: longer text is running text
/// with a `|` in it.
const MAX_OPEN_CELL: usize = 80;

/// `t`, trimmed and not starting with `|`, as a row or rule of open pipes: a rule is
/// runs of dashes (and colons) split by `|` or `+`; a row is two or more cells split
/// by `|`, each at most [`MAX_OPEN_CELL`] characters without a `。`, two or more of
/// them holding text.
fn open_pipes(t: &str) -> Option<LineKind> {
    let rule = |c: char| matches!(c, '-' | ':' | '|' | '+' | ' ');
    let bytes = t.as_bytes();
    if memchr::memchr2(b'|', b'+', bytes).is_some() && t.chars().all(rule) && t.contains("--") {
        return Some(LineKind::OpenPipeRule);
    }
    let filled = open_pipe_cells(t)?;
    (filled >= 2).then_some(LineKind::OpenPipeRow)
}

/// `t`, trimmed, as cells split by one or more `|` (a last `|` opens no cell), none
/// over [`MAX_OPEN_CELL`] characters or holding a `。`: how many hold text.
pub(crate) fn open_pipe_cells(t: &str) -> Option<usize> {
    if !t.as_bytes().contains(&b'|') || separators(t, b'|') > MAX_ROW_CELLS {
        return None;
    }
    let mut filled = 0;
    for c in t.strip_suffix('|').unwrap_or(t).split('|') {
        let c = trim(c);
        if c.chars().nth(MAX_OPEN_CELL).is_some() || c.contains('。') {
            return None;
        }
        filled += usize::from(!c.is_empty());
    }
    Some(filled)
}

/// `|---|:---:|` (at least one dash)
fn markdown_rule(t: &str) -> bool {
    // Nothing but bars, dashes, colons and blanks, then spaces: a row with a word in
    // it is told at once.
    let rule = |b| matches!(b, b'|' | b'-' | b':' | b' ');
    if !t.trim_end_matches(is_space).bytes().all(rule) {
        return false;
    }
    let cell = delimited(
        take_while(|c| c == ' ' || c == ':'),
        take_while1(|c| c == '-'),
        take_while(|c| c == ' ' || c == ':'),
    );
    full(
        (ch('|'), nom::multi::many1_count((cell, ch('|'))), spaces),
        t,
    )
}

/// A piece of an aligned line: byte range within the line and display columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    pub start: usize,
    pub end: usize,
    pub x0: u32,
    pub x1: u32,
}

/// Splits a line into cells: at runs of two or more spaces, and at a single space
/// before a [`number_token`]; leading indentation is not a split.
///
/// Text spaced out by justification (`（ 二 ） 部 分 公 开`) stays one cell, but digits
/// are never joined across a space: `pdftotext -layout` leaves one space between
/// narrow columns (`236 54 50`), and a label one space before its first number
/// (`只计这 447`). Each number stands on its own with the display columns it covers,
/// so that a parser can tell which column it stands under.
pub(crate) fn aligned_segments(line: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    // The segment being built, and whether a single space follows its last word.
    let mut cur: Option<Segment> = None;
    for w in words(line) {
        match cur.as_mut() {
            Some(seg) if w.gap < 2 && !number_token(&line[w.start..w.end]) => {
                seg.end = w.end;
                seg.x1 = w.x1;
            }
            _ => {
                out.extend(cur.take());
                cur = Some(w.segment());
            }
        }
    }
    out.extend(cur);
    out
}

/// A run of characters that are not [`is_space`], with the number of space characters
/// before it (since the previous word, or the start of the line).
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    x0: u32,
    x1: u32,
    gap: usize,
}

impl Word {
    fn segment(self) -> Segment {
        Segment {
            start: self.start,
            end: self.end,
            x0: self.x0,
            x1: self.x1,
        }
    }
}

/// The words of `line`, with their display columns (CJK characters are two wide, a tab
/// one).
fn words(line: &str) -> impl Iterator<Item = Word> + '_ {
    let mut chars = line.char_indices().peekable();
    let mut x: u32 = 0;
    std::iter::from_fn(move || {
        let mut gap = 0;
        let mut word: Option<Word> = None;
        while let Some(&(i, c)) = chars.peek() {
            let w = if c == '\t' {
                1
            } else {
                c.width().unwrap_or(0) as u32
            };
            if is_space(c) {
                if word.is_some() {
                    break;
                }
                gap += 1;
            } else {
                let end = i + c.len_utf8();
                match word.as_mut() {
                    Some(word) => {
                        word.end = end;
                        word.x1 = x + w;
                    }
                    None => {
                        word = Some(Word {
                            start: i,
                            end,
                            x0: x,
                            x1: x + w,
                            gap,
                        })
                    }
                }
            }
            x += w;
            chars.next();
        }
        word
    })
}

/// Whether every cell of `cells` is empty (spaces aside) or a number, a unit perhaps
/// ending it ([`number_with_unit`]): the rest of a row after a cell holding only a
/// line break, as converters write it on a line of its own.
pub(crate) fn values_only<'a>(mut cells: impl Iterator<Item = &'a str>) -> bool {
    cells.all(|c| {
        let c = trim(c);
        c.is_empty() || number_with_unit(c)
    })
}

/// Whether a cell is a number as [`number_token`] tells, or one followed by a unit of
/// one or two CJK characters with no space between (`153430.17元`, `3.2万元`, `12件`), as
/// a money or count column may write its values.
pub(crate) fn number_with_unit(w: &str) -> bool {
    let unit = w
        .char_indices()
        .rev()
        .take_while(|(_, c)| matches!(c, '\u{4e00}'..='\u{9fff}'))
        .take(3)
        .collect::<Vec<_>>();
    match unit.last() {
        Some(&(at, _)) if unit.len() <= 2 => w.get(..at).is_some_and(number_token),
        Some(_) => false,
        None => number_token(w),
    }
}

/// Whether a word is a number as table cells write them: ASCII digits with an optional
/// sign, thousands commas and one decimal point (`447`, `-3`, `1,288`, `96171.6`), or a
/// lone dash or slash standing for a blank.
pub(crate) fn number_token(w: &str) -> bool {
    if matches!(w, "-" | "—" | "–" | "－" | "/" | "／") {
        return true;
    }
    let digits = w.strip_prefix(['-', '+']).unwrap_or(w);
    let mut seen_digit = false;
    let mut seen_point = false;
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => seen_digit = true,
            b',' if seen_digit && !seen_point => {}
            b'.' if seen_digit && !seen_point => seen_point = true,
            _ => return false,
        }
    }
    seen_digit && digits.as_bytes().last().is_some_and(u8::is_ascii_digit)
}

/// Whether `line` has some text, a run of two or more blanks, then more text, as an
/// aligned row does. Told without measuring widths.
///
/// The definition that [`Scan::gap`] is held to.
#[cfg(test)]
fn two_segments(line: &str) -> bool {
    let mut seen_text = false;
    let mut gap = 0usize;
    for c in line.chars() {
        if is_space(c) {
            gap += 1;
        } else {
            if seen_text && gap >= 2 {
                return true;
            }
            seen_text = true;
            gap = 0;
        }
    }
    false
}

/// Display width of a string (CJK 2 columns).
pub(crate) fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The display columns `s` covers, counted as [`Cell::x`](crate::Cell::x) counts them:
/// a CJK character two, a character of no width none.
pub fn display_width(s: &str) -> u32 {
    u32::try_from(width(s)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
