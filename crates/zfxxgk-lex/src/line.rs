//! Lines and what each one looks like, decided by peeking at its bytes once.

use nom::bytes::complete::{tag, take_while, take_while1, take_while_m_n};
use nom::character::complete::char as ch;
use nom::combinator::{all_consuming, opt, recognize};
use nom::error::Error;
use nom::sequence::{delimited, preceded};
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
    s.trim_matches(is_space)
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
            let end =
                memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
            starts.push(start);
            kinds.push(classify(&text[start..end]));
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

pub(crate) fn classify(line: &str) -> LineKind {
    let t = trim(line);
    if t.is_empty() && !line.contains('\t') {
        return LineKind::Blank;
    }
    if is_junk(t) {
        return LineKind::Junk;
    }
    if line.len() + 1 >= crate::block::MAX_TABLE_BYTES {
        // Too long for a table's offsets, and for any row or heading.
        return LineKind::Text;
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
    if page_number(t) {
        return LineKind::PageNumber;
    }
    if two_segments(line) {
        return LineKind::Aligned;
    }
    if heading(t) {
        return LineKind::Heading;
    }
    LineKind::Text
}

fn is_junk(t: &str) -> bool {
    // Control characters are ASCII below 0x20 or 0x7F, or C1 (UTF-8 `C2 80`..`C2 9F`);
    // U+FFFD is `EF BF BD`. A line with none of those lead bytes is not junk.
    if !t
        .bytes()
        .any(|b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xEF)
    {
        return false;
    }
    let (mut total, mut control) = (0usize, 0usize);
    for c in t.chars() {
        total += 1;
        if (c.is_control() && !is_space(c)) || c == '\u{fffd}' {
            control += 1;
        }
    }
    total >= 4 && control * 3 > total
}

fn dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '－' | '─')
}

fn spaces(i: &str) -> IResult<&str, &str> {
    take_while(is_space)(i)
}

/// `-4-`, `- 12 -`, `— 5 —`, `第 3 页`, `3/12`
fn page_number(t: &str) -> bool {
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

fn numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// `一、总体情况` (short, with a title after the mark), or a markdown `## heading`.
fn heading(t: &str) -> bool {
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

/// `|---|:---:|` (at least one dash)
fn markdown_rule(t: &str) -> bool {
    let cell = delimited(
        take_while(|c| c == ' ' || c == ':'),
        take_while1(|c| c == '-'),
        take_while(|c| c == ' ' || c == ':'),
    );
    full((ch('|'), nom::multi::many1((cell, ch('|'))), spaces), t)
}

/// A piece of an aligned line: byte range within the line and display columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    pub start: usize,
    pub end: usize,
    pub x0: u32,
    pub x1: u32,
}

/// Splits a line at runs of two or more spaces; leading indentation is not a split.
pub(crate) fn aligned_segments(line: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut x: u32 = 0;
    let mut cur: Option<Segment> = None;
    let mut gap = 0usize; // whitespace characters since the last content
    let mut gap_start = (0usize, 0u32);
    for (i, c) in line.char_indices() {
        let w = if c == '\t' {
            1
        } else {
            c.width().unwrap_or(0) as u32
        };
        if is_space(c) {
            if gap == 0 {
                gap_start = (i, x);
            }
            gap += 1;
        } else {
            match cur.as_mut() {
                Some(seg) if gap < 2 => {
                    seg.end = i + c.len_utf8();
                    seg.x1 = x + w;
                }
                _ => {
                    if let Some(seg) = cur.take() {
                        out.push(seg);
                    }
                    cur = Some(Segment {
                        start: i,
                        end: i + c.len_utf8(),
                        x0: x,
                        x1: x + w,
                    });
                }
            }
            gap = 0;
        }
        x += w;
    }
    let _ = gap_start;
    if let Some(seg) = cur {
        out.push(seg);
    }
    out
}

/// Whether [`aligned_segments`] finds two or more segments in `line`: some text, a
/// run of two or more blanks, then more text. Told without measuring widths.
pub(crate) fn two_segments(line: &str) -> bool {
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
                assert_eq!(
                    two_segments(&line),
                    aligned_segments(&line).len() >= 2,
                    "{line:?}"
                );
            }
            assert_eq!(is_space(c), c.is_whitespace() || c == '\u{feff}', "{c:?}");
            let s = format!("{c}{c}{c}{c}");
            let slow = (c.is_control() && !is_space(c)) || c == '\u{fffd}';
            assert_eq!(is_junk(&s), slow, "{c:?}");
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
            assert_eq!(
                two_segments(line),
                aligned_segments(line).len() >= 2,
                "{line:?}"
            );
        }
    }
}
