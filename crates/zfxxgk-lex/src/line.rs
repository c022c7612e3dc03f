//! Lines and what each one looks like, decided by peeking at its bytes once.

use nom::bytes::complete::{tag, take_while, take_while1, take_while_m_n};
use nom::character::complete::char as ch;
use nom::combinator::{all_consuming, opt, recognize};
use nom::error::Error;
use nom::sequence::delimited;
use nom::{IResult, Parser};

/// True when `p` accepts the whole of `t`.
fn full<'a, O>(p: impl Parser<&'a str, Output = O, Error = Error<&'a str>>, t: &'a str) -> bool {
    all_consuming(p).parse(t).is_ok()
}
use unicode_width::UnicodeWidthChar;

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

pub(crate) fn is_space(c: char) -> bool {
    match c {
        '\t'..='\r' | ' ' => true,
        // Fast paths for the rest of ASCII and the CJK ideographs.
        '\0'..='\x7f' | '\u{4e00}'..='\u{9fff}' => false,
        _ => c.is_whitespace() || c == '\u{feff}',
    }
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
    if page_number(t) {
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

/// Whether `junk` [`Sort::Junk`] characters make `t` mostly junk: more than a third
/// of its characters, and it has four or more.
fn mostly_junk(t: &str, junk: usize) -> bool {
    // Every character has exactly one byte that is not a continuation byte.
    let total = t.bytes().filter(|&b| b & 0xC0 != 0x80).count();
    total >= 4 && junk * 3 > total
}

pub(crate) fn dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '－' | '─')
}

fn spaces(i: &str) -> IResult<&str, &str> {
    take_while(is_space)(i)
}

/// `-4-`, `- 12 -`, `— 5 —`, `第 3 页`, `3/12`
pub(crate) fn page_number(t: &str) -> bool {
    let digits = || take_while_m_n(1, 4, |c: char| c.is_ascii_digit());
    let dashed = (
        take_while1(dash),
        spaces,
        digits(),
        spaces,
        take_while1(dash),
    );
    let di = (
        tag("第"),
        spaces,
        digits(),
        spaces,
        tag("页"),
        opt((spaces, tag("共"), spaces, digits(), spaces, tag("页"))),
    );
    let of = (digits(), spaces, ch('/'), spaces, digits());
    // Each shape begins and ends with its own kinds of character, so at most one can
    // match, and its ends (and the `/` of `3/12`) are checked before it is parsed.
    let last = t.chars().next_back();
    match t.chars().next() {
        Some(c) if dash(c) => last.is_some_and(dash) && full(recognize(dashed), t),
        Some('第') => last == Some('页') && full(recognize(di), t),
        Some(c) if c.is_ascii_digit() => {
            last.is_some_and(|c| c.is_ascii_digit())
                && t.as_bytes().contains(&b'/')
                && full(recognize(of), t)
        }
        _ => false,
    }
}

pub(crate) fn numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// `一、总体情况` (short, with a title after the mark), or a markdown `## heading`.
pub(crate) fn heading(t: &str) -> bool {
    // Each shape is a mark and then a title of one or more characters, whatever they
    // are: the mark is parsed and the title only told apart from nothing.
    let numbered = (
        take_while_m_n(1, 3, numeral),
        take_while(is_space),
        nom::branch::alt((tag("、"), tag("．"), tag("."))),
    );
    let markdown = (
        take_while_m_n(1, 6, |c| c == '#'),
        take_while1(|c| c == ' '),
    );
    let short = || t.chars().nth(40).is_none() && !t.contains('。');
    // Only one mark can begin a line.
    match t.chars().next() {
        Some('#') => titled(markdown, t),
        Some(c) if numeral(c) => titled(numbered, t) && short(),
        _ => false,
    }
}

/// True when `mark` accepts the start of `t` and leaves a title of one or more
/// characters after it.
fn titled<'a, O>(
    mut mark: impl Parser<&'a str, Output = O, Error = Error<&'a str>>,
    t: &'a str,
) -> bool {
    mark.parse(t).is_ok_and(|(title, _)| !title.is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition of a junk line that [`classify`] is held to.
    fn is_junk(t: &str) -> bool {
        let (mut total, mut control) = (0usize, 0usize);
        for c in t.chars() {
            total += 1;
            if (c.is_control() && !is_space(c)) || c == '\u{fffd}' {
                control += 1;
            }
        }
        total >= 4 && control * 3 > total
    }

    /// The definition that [`page_number`] is held to: every shape tried in full.
    fn page_number_reference(t: &str) -> bool {
        let digits = || take_while_m_n(1, 4, |c: char| c.is_ascii_digit());
        let dashed = (
            take_while1(dash),
            spaces,
            digits(),
            spaces,
            take_while1(dash),
        );
        let di = (
            tag("第"),
            spaces,
            digits(),
            spaces,
            tag("页"),
            opt((spaces, tag("共"), spaces, digits(), spaces, tag("页"))),
        );
        let of = (digits(), spaces, ch('/'), spaces, digits());
        full(recognize(dashed), t) || full(recognize(di), t) || full(recognize(of), t)
    }

    /// The definition that [`heading`] is held to: both shapes parsed to the end.
    fn heading_reference(t: &str) -> bool {
        use nom::sequence::preceded;
        let numbered = preceded(
            (
                take_while_m_n(1, 3, numeral),
                take_while(is_space),
                nom::branch::alt((tag("、"), tag("．"), tag("."))),
            ),
            take_while1(|_| true),
        );
        let markdown = preceded(
            (
                take_while_m_n(1, 6, |c| c == '#'),
                take_while1(|c| c == ' '),
            ),
            take_while1(|_| true),
        );
        let short = || t.chars().nth(40).is_none() && !t.contains('。');
        (full(numbered, t) && short()) || full(markdown, t)
    }

    /// The definition that [`markdown_rule`] is held to: parsed, cells collected.
    fn markdown_rule_reference(t: &str) -> bool {
        let cell = delimited(
            take_while(|c| c == ' ' || c == ':'),
            take_while1(|c| c == '-'),
            take_while(|c| c == ' ' || c == ':'),
        );
        full((ch('|'), nom::multi::many1((cell, ch('|'))), spaces), t)
    }

    /// The definition that [`classify`] is held to: what it did before its fast paths,
    /// one pass over the line per question.
    fn classify_reference(line: &str) -> LineKind {
        let t = line.trim_matches(is_space);
        if t.is_empty() && !line.contains('\t') {
            return LineKind::Blank;
        }
        if is_junk(t) {
            return LineKind::Junk;
        }
        if line.len() + 1 >= crate::block::MAX_TABLE_BYTES {
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
            if markdown_rule_reference(t) {
                return LineKind::PipeRule;
            }
            return if separators(t, b'|') > MAX_ROW_CELLS {
                LineKind::Text
            } else {
                LineKind::PipeRow
            };
        }
        if line.contains('\t') {
            let tabs = separators(line, b'\t');
            return if tabs == 1 && line.starts_with('\t') {
                LineKind::TabCell
            } else if tabs > MAX_ROW_CELLS {
                LineKind::Text
            } else {
                LineKind::TabRow
            };
        }
        if let Some(open) = open_pipes(t) {
            return open;
        }
        if page_number_reference(t) {
            return LineKind::PageNumber;
        }
        if two_segments(line) {
            return LineKind::Aligned;
        }
        if heading_reference(t) {
            return LineKind::Heading;
        }
        LineKind::Text
    }

    /// Holds the fast paths to their definitions, on every line of `text`.
    fn assert_agrees(text: &str) {
        let mut expected: Vec<&str> = text.split('\n').collect();
        if expected.last() == Some(&"") {
            expected.pop();
        }
        let lines = Lines::new(text);
        assert_eq!(lines.len(), expected.len(), "{text:?}");
        for (j, &line) in expected.iter().enumerate() {
            assert_eq!(lines.at(j).text, line, "{text:?}");
            assert_eq!(lines.kind(j), classify_reference(line), "{line:?}");
            assert_line_agrees(line);
        }
    }

    /// Holds the fast paths of one line, without `\n`, to their definitions.
    fn assert_line_agrees(line: &str) {
        let t = line.trim_matches(is_space);
        assert_eq!(trim(line), t, "{line:?}");
        let lead = line.len() - line.trim_start_matches(is_space).len();
        assert_eq!(trim_bounds(line), (lead, lead + t.len()), "{line:?}");
        let scan = scan(line.as_bytes());
        assert_eq!(scan.end, line.len(), "{line:?}");
        let (start, end) = scan.trimmed;
        assert_eq!(&line[start..end], t, "{line:?}");
        if !t.is_empty() {
            assert_eq!(start, line.len() - line.trim_start_matches(is_space).len());
        }
        let junk = line
            .chars()
            .filter(|&c| (c.is_control() && !is_space(c)) || c == '\u{fffd}')
            .count();
        assert_eq!(scan.tabs, line.matches('\t').count(), "{line:?}");
        assert_eq!(scan.junk, junk, "{line:?}");
        assert_eq!(scan.gap, two_segments(line), "{line:?}");
        assert_eq!(mostly_junk(t, junk), is_junk(t), "{line:?}");
        assert_eq!(page_number(t), page_number_reference(t), "{line:?}");
        assert_eq!(heading(t), heading_reference(t), "{line:?}");
        assert_eq!(markdown_rule(t), markdown_rule_reference(t), "{line:?}");
        assert_eq!(classify(line), classify_reference(line), "{line:?}");
    }

    /// Characters that the fast paths treat apart: every space, junk, the CJK
    /// punctuation that shares their lead bytes, dashes, numerals and marks.
    const TRICKY: &[char] = &[
        '\t',
        '\n',
        '\u{b}',
        '\u{c}',
        '\r',
        ' ',
        '\u{85}',
        '\u{a0}',
        '\u{1680}',
        '\u{2000}',
        '\u{2005}',
        '\u{200a}',
        '\u{200b}',
        '\u{2028}',
        '\u{2029}',
        '\u{202f}',
        '\u{205f}',
        '\u{3000}',
        '\u{feff}',
        '\u{0}',
        '\u{1}',
        '\u{1f}',
        '\u{7f}',
        '\u{80}',
        '\u{9f}',
        '\u{fffd}',
        '\u{fffe}',
        '\u{1c}',
        '\u{2060}',
        '\u{180e}',
        '，',
        '、',
        '。',
        '“',
        '”',
        '—',
        '–',
        '－',
        '─',
        '（',
        '）',
        '：',
        '；',
        '\u{e000}',
        '\u{10ffff}',
        '|',
        '-',
        ':',
        '#',
        '.',
        '．',
        '/',
        '第',
        '页',
        '共',
        '一',
        '三',
        '十',
        '规',
        '章',
        'a',
        '0',
        '4',
        '9',
        '𠀀',
        'é',
        '\u{a1}',
        '\u{c0}',
        '\u{1681}',
        '\u{2080}',
        '\u{3001}',
    ];

    /// Pieces of page numbers, headings and markdown rules, whole and broken.
    const SHAPES: &[&str] = &[
        "-4-",
        "- 12 -",
        "— 5 —",
        "－3－",
        "─7─",
        "–1–",
        "-",
        "—",
        "4",
        "12345",
        "3/12",
        " / ",
        "/",
        "第",
        "页",
        "共",
        "第 3 页",
        "第3页共12页",
        "第 3 页 共 12 页",
        "一、",
        "一",
        "二十",
        "十一．",
        "一二三四",
        ".",
        "．",
        "、",
        "总体情况",
        "#",
        "## ",
        "####### ",
        "# 表三",
        "|",
        "|---|",
        ":--:|",
        "| --- |",
        "|-|",
        "|:|",
        "-|",
        "| 规章 |",
        "。",
        " ",
        "\t",
        "\u{3000}",
        "a",
    ];

    #[test]
    fn classifies_each_kind() {
        assert_eq!(classify("   "), LineKind::Blank);
        assert_eq!(classify("|||||||| |||"), LineKind::PipeNoise);
        assert_eq!(classify("|---|:--:|"), LineKind::PipeRule);
        assert_eq!(classify("| 规章 | 0 |"), LineKind::PipeRow);
        assert_eq!(classify("\t规章"), LineKind::TabCell);
        assert_eq!(classify("\t"), LineKind::TabCell);
        assert_eq!(classify("规章\t0\t0"), LineKind::TabRow);
        assert_eq!(classify("第二十条第（一）项\t\t\t"), LineKind::TabRow);
        assert_eq!(
            classify("规章            1          0        11"),
            LineKind::Aligned
        );
        assert_eq!(
            classify("                                          -1-"),
            LineKind::PageNumber
        );
        assert_eq!(classify("— 5 —"), LineKind::PageNumber);
        assert_eq!(classify("   一、总体情况"), LineKind::Heading);
        assert_eq!(
            classify("## 表三：收到和处理政府信息公开申请情况"),
            LineKind::Heading
        );
        assert_eq!(classify("三、"), LineKind::Text);
        assert_eq!(classify("本"), LineKind::Text);
        assert_eq!(
            classify("2024 年，全市共受理政府信息公开申请 3119 件"),
            LineKind::Text
        );
        assert_eq!(classify("\u{1}\u{2}\u{3}\u{4}ab"), LineKind::Junk);
        let many = MAX_ROW_CELLS + 1;
        assert_eq!(classify(&"\t".repeat(MAX_ROW_CELLS)), LineKind::TabRow);
        assert_eq!(classify(&"\t1".repeat(many)), LineKind::Text);
        assert_eq!(classify(&"| 1 ".repeat(MAX_ROW_CELLS)), LineKind::PipeRow);
        assert_eq!(classify(&"| 1 ".repeat(many)), LineKind::Text);
        assert_eq!(classify(&"|".repeat(many)), LineKind::PipeNoise);
    }

    #[test]
    fn fast_paths_agree_with_the_definitions() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for line in [
                format!("a{c}{c}b"),
                format!("{c}a  b{c}"),
                format!("a{c} b"),
            ] {
                assert_eq!(two_segments(&line), wide_gap(&line), "{line:?}");
            }
            assert_eq!(is_space(c), c.is_whitespace() || c == '\u{feff}', "{c:?}");
            let s = format!("{c}{c}{c}{c}");
            let slow = (c.is_control() && !is_space(c)) || c == '\u{fffd}';
            assert_eq!(is_junk(&s), slow, "{c:?}");
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let sorted = if is_space(c) {
                Sort::Space
            } else if slow {
                Sort::Junk
            } else {
                Sort::Other
            };
            assert_eq!(sort(bytes), sorted, "{c:?}");
            let lead = LEAD[usize::from(bytes[0])];
            assert_eq!(usize::from(lead & LEN), c.len_utf8(), "{c:?}");
            assert!(lead & MAYBE != 0 || sorted == Sort::Other, "{c:?}");
            // The scan steps over every character whose lead byte is not `MAYBE`, as
            // checked just above, alike: lines are built around each of the others,
            // each ASCII character and a sample of the rest.
            if lead & MAYBE == 0 && !c.is_ascii() && u32::from(c) % 61 != 0 {
                continue;
            }
            for line in [
                s.clone(),
                format!("a{c}{c}b"),
                format!("{c}a  b{c}"),
                format!("a{c} b{c}{c}"),
                format!("{c}"),
                format!(" {c}\t"),
                format!("一{c}、总体情况"),
                format!("-{c}4{c}-"),
                format!("|{c}|"),
                format!("{c}\t{c}"),
                format!("{c}\u{1}\u{2}\u{3}"),
            ] {
                assert_agrees(&line);
            }
        }
    }

    #[test]
    fn fast_paths_agree_on_tricky_lines() {
        for &a in TRICKY {
            for &b in TRICKY {
                for line in [
                    format!("{a}{b}"),
                    format!("{a}{b}{a}"),
                    format!("x{a}{b}y"),
                    format!("{a}{a}{b}{b}"),
                    format!("{b}规章{a}{a}0{b}"),
                ] {
                    assert_agrees(&line);
                }
            }
        }
        for &a in SHAPES {
            for &b in SHAPES {
                for line in [
                    a.to_string(),
                    format!("{a}{b}"),
                    format!("  {a}  {b}  "),
                    format!("\u{3000}{a}\u{feff}"),
                ] {
                    assert_agrees(&line);
                }
            }
        }
        let title = "收到和处理政府信息公开申请情况".repeat(3);
        for line in [
            format!("三、{}", &title[..39 * 3]),
            format!("三、{}", &title[..38 * 3]),
            format!("三、{}", &title[..37 * 3]),
            format!("十一．{title}"),
            format!("## {title}。"),
        ] {
            assert_agrees(&line);
        }
        let long = "2024 年，全市共受理政府信息公开申请 3119 件。".repeat(200);
        assert_agrees(&long);
        assert_agrees(&format!("{long}\u{3000}\u{3000}{long}"));
        assert_agrees(&format!("\u{3000}{long}\u{feff}"));
        assert_agrees(&"\u{fffd}".repeat(1000));
        assert_agrees(&"\u{85}".repeat(1000));
    }

    mod prop {
        use super::{assert_agrees, SHAPES, TRICKY};
        use proptest::prelude::*;

        /// Texts mostly of [`TRICKY`] characters (`\n` among them), with any others
        /// mixed in.
        fn texts() -> impl Strategy<Value = String> {
            let c = prop_oneof![4 => prop::sample::select(TRICKY), 1 => any::<char>()];
            prop::collection::vec(c, 0..120).prop_map(|cs| cs.into_iter().collect())
        }

        /// Lines of a few [`SHAPES`] and [`TRICKY`] characters.
        fn shaped() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                2 => prop::sample::select(SHAPES).prop_map(str::to_string),
                1 => prop::sample::select(TRICKY).prop_map(String::from),
            ];
            prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
        }

        proptest! {
            #[test]
            fn fast_paths_agree_on_random_texts(text in texts()) {
                assert_agrees(&text);
            }

            #[test]
            fn fast_paths_agree_on_any_text(text in any::<String>()) {
                assert_agrees(&text);
            }

            #[test]
            fn fast_paths_agree_on_shaped_lines(text in shaped()) {
                assert_agrees(&text);
            }
        }
    }

    #[test]
    fn aligned_segments_keep_single_spaces() {
        let segs = aligned_segments("   结 果   结果    其他结");
        let texts: Vec<&str> = segs
            .iter()
            .map(|s| &"   结 果   结果    其他结"[s.start..s.end])
            .collect();
        assert_eq!(texts, ["结 果", "结果", "其他结"]);
        assert_eq!(segs[0].x0, 3);
        assert_eq!(segs[1].x0, 3 + 5 + 3);
        for line in [
            "   结 果   结果    其他结",
            "a  b",
            "a b",
            "  a",
            "",
            "a\t\tb",
            "本    1",
        ] {
            assert_eq!(two_segments(line), wide_gap(line), "{line:?}");
        }
    }

    /// Whether a word of `line` after its first stands two or more spaces after the last.
    fn wide_gap(line: &str) -> bool {
        words(line).skip(1).any(|w| w.gap >= 2)
    }

    /// The texts of the cells [`aligned_segments`] finds in `line`.
    fn cell_texts(line: &str) -> Vec<&str> {
        aligned_segments(line)
            .iter()
            .map(|s| &line[s.start..s.end])
            .collect()
    }

    #[test]
    fn aligned_segments_never_join_digits_across_a_space() {
        assert_eq!(
            cell_texts("本年新收…数量  236 54 50      66   48   48 502"),
            ["本年新收…数量", "236", "54", "50", "66", "48", "48", "502"]
        );
        assert_eq!(
            cell_texts("（二）部分公开（区分处理的，只计这 447     7  - 1,288 96171.6"),
            [
                "（二）部分公开（区分处理的，只计这",
                "447",
                "7",
                "-",
                "1,288",
                "96171.6"
            ]
        );
        // Words that are not numbers stay together, after a number too.
        assert_eq!(
            cell_texts("（ 二 ） 部 分 公 开   2024 年  3 件"),
            ["（ 二 ） 部 分 公 开", "2024 年", "3 件"]
        );
        let segs = aligned_segments("规章 1 0 11");
        let xs: Vec<(u32, u32)> = segs.iter().map(|s| (s.x0, s.x1)).collect();
        assert_eq!(xs, [(0, 4), (5, 6), (7, 8), (9, 11)]);
        for (w, number) in [
            ("447", true),
            ("-3", true),
            ("+3", true),
            ("1,288", true),
            ("96171.6", true),
            ("—", true),
            ("/", true),
            ("12.", false),
            (".5", false),
            ("1.2.3", false),
            ("3件", false),
            ("-", true),
            ("--", false),
            ("", false),
            ("第3", false),
        ] {
            assert_eq!(number_token(w), number, "{w:?}");
        }
    }

    proptest::proptest! {
        /// Whatever the line, no cell holds two numbers one space apart, and the
        /// cells cover the line's words in order.
        #[test]
        fn no_cell_joins_two_numbers(line in "[ 0-9a,.\\-一二（）]{0,40}") {
            let segs = aligned_segments(&line);
            let words: Vec<&str> = line.split(|c: char| is_space(c)).filter(|w| !w.is_empty()).collect();
            let joined: Vec<&str> = segs
                .iter()
                .flat_map(|s| line[s.start..s.end].split(' '))
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(joined, words);
            for s in &segs {
                let cell = &line[s.start..s.end];
                for (k, w) in cell.split(' ').enumerate() {
                    proptest::prop_assert!(k == 0 || !number_token(w), "{cell:?}");
                }
                proptest::prop_assert_eq!(width(cell) as u32, s.x1 - s.x0);
            }
        }
    }
}
