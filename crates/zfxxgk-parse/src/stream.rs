//! The narrative as a stream of characters without whitespace, built only in windows
//! around the places a fact can be read from.
//!
//! PDF text wraps sentences over lines and puts spaces around numbers, so the narrative
//! is read as one stream: whitespace, page numbers and HTML tags left out, full-width
//! digits made ASCII, and every character keeps its byte range, so that a fact's
//! location is the number as written.
//!
//! Most of a report's narrative states no fact, so the stream is not built for all of
//! it. The paragraphs are cut into segments where nothing runs across: at line starts
//! after a character that ends no number or `万元` (a line ending in `>`, a dash or `页`
//! may end a tag or page number, and is not cut after), and after a `。` inside a line that is
//! no heading; never inside a tag. The bytes decide, erring towards not cutting. The
//! marks that facts are read from (`Skim::marks`: `件` after a digit, `未` before `收`,
//! and so on) are found with `memchr::memmem`, and only the segments holding one are
//! read, with as many segments before and after them as reading a fact looks at
//! (`Skim`); windows that would overlap are read as one. A segment starts where
//! reading restarts in a known state, so a window's stream is exactly that stretch of
//! the whole narrative's stream, and a paragraph without marks costs a search.

use std::ops::Range;
use std::str::FromStr;

use memchr::memmem;
use zfxxgk_model::Decimal;
use zfxxgk_text::{heading, is_numeral, is_page_number, is_space, may_bound_a_page_number};

/// Marks the gap between two ranges that do not touch: no sentence crosses it.
pub(crate) const BREAK: char = '\u{0}';

/// Where a fact can be read from and how far its reading looks, in stream characters.
pub(crate) struct Skim {
    /// Every fact is read from a place next to one of these, within its segment (which
    /// a number and its unit never leave).
    pub(crate) marks: &'static [Mark],
    /// Characters after a segment holding a mark that reading its facts may look at.
    pub(crate) ahead: usize,
    /// Characters before a segment holding a mark that reading its facts may look at…
    pub(crate) behind: usize,
    /// …or only this many, if they hold `stops` characters for which `stop` holds.
    pub(crate) near: usize,
    /// See `near`.
    pub(crate) stops: usize,
    /// See `near`.
    pub(crate) stop: fn(char) -> bool,
}

/// A character that facts are read from, when a character for which `next_to` holds
/// stands right before it (`before`) or right after it in the stream.
pub(crate) struct Mark {
    pub(crate) c: char,
    pub(crate) before: bool,
    pub(crate) next_to: fn(char) -> bool,
}

/// A stretch of the narrative's stream: each character with its byte range in the text.
#[derive(Default)]
pub(crate) struct Stream {
    pub(crate) chars: Vec<char>,
    spans: Vec<Range<usize>>,
}

/// Calls `read` with each window of the stream of `text` within `ranges`, and the
/// stream indices in it where facts may start. Every index of the whole stream where a
/// fact may start (next to a mark) lies in exactly one such core, in order, and its
/// window holds what `Skim` asks for around it, or the whole stream's start or end.
pub(crate) fn windows(
    text: &str,
    ranges: &[Range<usize>],
    skim: &Skim,
    mut read: impl FnMut(&Stream, Range<usize>),
) {
    let plan = Plan::new(text, ranges, skim.marks);
    // The window being read: its stream, the core in it, the segment after its last.
    let mut window = Stream::default();
    let mut core: Option<Range<usize>> = None;
    let mut next = 0;
    // Segments before a marked one, read backwards: `parts` are their streams in
    // `behind`, the nearest first.
    let mut behind = Stream::default();
    let mut parts: Vec<Range<usize>> = Vec::new();
    let marked = plan.segments.iter().enumerate().filter(|(_, s)| s.marked);
    for (t, _) in marked {
        behind.clear();
        parts.clear();
        let floor = if core.is_some() { next } else { 0 };
        let (mut j, mut stops) = (t, 0);
        let mut enough = false;
        while j > floor && !enough {
            j -= 1;
            let at = behind.chars.len();
            plan.build(text, j, &mut behind);
            let read = behind.chars.get(at..).unwrap_or_default();
            stops += read.iter().filter(|c| (skim.stop)(**c)).count();
            parts.push(at..behind.chars.len());
            let n = behind.chars.len();
            enough = n >= skim.behind || (n >= skim.near && stops >= skim.stops);
        }
        let merge = core.is_some() && j == floor;
        if !merge {
            if let Some(c) = core.take() {
                plan.ahead(text, &mut window, &mut next, c.end + skim.ahead);
                read(&window, c);
            }
            window.clear();
        }
        for part in parts.iter().rev() {
            window.append(&behind, part.clone());
        }
        let start = window.chars.len();
        plan.build(text, t, &mut window);
        next = t + 1;
        core = Some(core.map_or(start, |c| c.start)..window.chars.len());
    }
    if let Some(c) = core {
        plan.ahead(text, &mut window, &mut next, c.end + skim.ahead);
        read(&window, c);
    }
}

/// The whole stream of `text` within `ranges`, each range read in one go.
#[cfg(test)]
pub(crate) fn whole(text: &str, ranges: &[Range<usize>]) -> Stream {
    let mut s = Stream::default();
    for (lead, r) in runs(text, ranges) {
        if let Some(at) = lead {
            s.push(BREAK, at..at);
        }
        s.read(text, r.start, r.end, r.end, true);
    }
    s
}

/// The ranges to read in order, without overlaps, and where a [`BREAK`] goes before
/// each: ranges separated by nothing but whitespace are one run of text, so a sentence
/// may continue from one paragraph block into the next (as wrapped PDF text does).
/// Ranges that are out of bounds or not on character boundaries are left out.
fn runs(text: &str, ranges: &[Range<usize>]) -> Vec<(Option<usize>, Range<usize>)> {
    let mut sorted: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| {
            r.start <= r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .cloned()
        .collect();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut out = Vec::with_capacity(sorted.len());
    let mut last_end: Option<usize> = None;
    for r in sorted {
        let start = match last_end {
            Some(e) if r.end <= e => continue,
            Some(e) if r.start < e => e,
            _ => r.start,
        };
        let lead = last_end.filter(|&e| {
            let between = text.get(e..start).unwrap_or("x");
            !between.chars().all(char::is_whitespace)
        });
        out.push((lead, start..r.end));
        last_end = Some(r.end);
    }
    out
}

/// Part of a range read in one go.
struct Piece {
    /// A [`BREAK`] at this byte offset comes first.
    lead: Option<usize>,
    from: usize,
    to: usize,
    /// The end of its range: lines, headings and tags are read up to here.
    limit: usize,
    /// It starts a line (or its range), rather than after a `。` inside one.
    line_start: bool,
}

/// Pieces that a window may start before (the first) or end after (the last).
struct Segment {
    pieces: Range<usize>,
    /// It holds one of `Skim::marks`.
    marked: bool,
}

/// The narrative cut into segments.
struct Plan {
    pieces: Vec<Piece>,
    segments: Vec<Segment>,
}

impl Plan {
    fn new(text: &str, ranges: &[Range<usize>], marks: &[Mark]) -> Plan {
        let runs = runs(text, ranges);
        let mut plan = Plan {
            pieces: Vec::new(),
            segments: Vec::new(),
        };
        // Every mark between the first range and the last, in order.
        let span = runs.first().map_or(0, |r| r.1.start)..runs.last().map_or(0, |r| r.1.end);
        let hay = text.as_bytes().get(span.clone()).unwrap_or_default();
        let mut hits: Vec<(usize, &Mark)> = Vec::new();
        for m in marks {
            let mut buf = [0; 4];
            let needle = m.c.encode_utf8(&mut buf).as_bytes();
            hits.extend(memmem::find_iter(hay, needle).map(|at| (span.start + at, m)));
        }
        hits.sort_unstable_by_key(|h| h.0);
        let mut hits = hits.into_iter().peekable();
        let mut tags: Vec<Range<usize>> = Vec::new();
        let mut previous: Option<Range<usize>> = None;
        for (lead, r) in runs {
            let Some(part) = text.get(r.clone()) else {
                continue;
            };
            // Where a window may start: at a range after a break, at the first range,
            // after a range whose last character ends no number.
            let opens = lead.is_some()
                || previous
                    .as_ref()
                    .is_none_or(|p| text.get(p.clone()).is_some_and(ends_clear));
            previous = Some(r.clone());
            tags.clear();
            for lt in memchr::memchr_iter(b'<', part.as_bytes()) {
                if let Some(len) = part.get(lt..).and_then(html_tag) {
                    tags.push(r.start + lt..r.start + lt + len);
                }
            }
            let first = plan.pieces.len();
            let (mut lead, mut from, mut line_start, mut open) = (lead, r.start, true, opens);
            let mut tag = 0;
            // Whether the current line starts outside a tag: then a heading ends with it.
            let mut line_read = true;
            // A piece ends at a line start, or after a `。` that a sentence follows on its
            // line (a heading has none), where no tag covers it.
            let bytes = part.as_bytes();
            for hit in memchr::memchr2_iter(b'\n', 0x82, bytes) {
                let newline = bytes.get(hit) == Some(&b'\n');
                let stop = || bytes.get(hit.wrapping_sub(2)..hit) == Some(&[0xe3, 0x80][..]);
                if !newline && !stop() {
                    continue;
                }
                let p = r.start + hit + 1;
                if p >= r.end {
                    break;
                }
                while tags.get(tag).is_some_and(|t| t.end <= p) {
                    tag += 1;
                }
                let in_tag = tags.get(tag).is_some_and(|t| t.start < p);
                let clear = if newline {
                    line_read = !in_tag;
                    text.get(from..p).is_some_and(ends_clear)
                } else {
                    line_read && text.get(p..r.end).is_some_and(sentence_follows)
                };
                if in_tag || !clear {
                    continue;
                }
                let piece = Piece {
                    lead: lead.take(),
                    from,
                    to: p,
                    limit: r.end,
                    line_start,
                };
                plan.push(piece, open);
                (from, line_start, open) = (p, newline, true);
            }
            let piece = Piece {
                lead,
                from,
                to: r.end,
                limit: r.end,
                line_start,
            };
            plan.push(piece, open);
            // Mark the segments holding a mark.
            while let Some((at, m)) = hits.next_if(|h| h.0 < r.end) {
                if at < r.start || !next_to(text, r.clone(), at, m) {
                    continue;
                }
                let pieces = plan.pieces.get(first..).unwrap_or_default();
                let k = first + pieces.partition_point(|p| p.to <= at);
                let s = plan.segments.partition_point(|s| s.pieces.end <= k);
                if let Some(s) = plan.segments.get_mut(s) {
                    s.marked = true;
                }
            }
        }
        plan
    }

    /// Adds a piece, starting a segment if a window may start before it.
    fn push(&mut self, piece: Piece, opens: bool) {
        let k = self.pieces.len();
        self.pieces.push(piece);
        match self.segments.last_mut() {
            Some(s) if !opens => s.pieces.end = k + 1,
            _ => self.segments.push(Segment {
                pieces: k..k + 1,
                marked: false,
            }),
        }
    }

    /// Reads segment `k` onto the end of `s`.
    fn build(&self, text: &str, k: usize, s: &mut Stream) {
        let Some(seg) = self.segments.get(k) else {
            return;
        };
        for p in self.pieces.get(seg.pieces.clone()).unwrap_or_default() {
            if let Some(at) = p.lead {
                s.push(BREAK, at..at);
            }
            s.read(text, p.from, p.to, p.limit, p.line_start);
        }
    }

    /// Reads segments from `next` onto `s` until it is `len` characters long or the
    /// segments run out.
    fn ahead(&self, text: &str, s: &mut Stream, next: &mut usize, len: usize) {
        while *next < self.segments.len() && s.chars.len() < len {
            self.build(text, *next, s);
            *next += 1;
        }
    }
}

/// Whether the mark `m` at byte `at` of range `r` may stand next to one of its
/// `next_to` in the stream. Errs towards `true`: when blanks run long or reach the
/// range's end, or when a tag or page number may hide what stands next to it.
fn next_to(text: &str, r: Range<usize>, at: usize, m: &Mark) -> bool {
    let dropped = |c: &char| c.is_whitespace() || *c == '\u{feff}';
    let next = if m.before {
        let before = text.get(r.start..at).unwrap_or("");
        before.chars().rev().take(64).find(|c| !dropped(c))
    } else {
        let after = text.get(at + m.c.len_utf8()..r.end).unwrap_or("");
        after.chars().take(64).find(|c| !dropped(c))
    };
    next.is_none_or(|c| (m.next_to)(c) || matches!(c, '<' | '>') || may_bound_a_page_number(c))
}

/// Whether `rest`, after a `。`, goes on with a sentence on the same line: its first
/// character is not blank and ends no heading (see `heading_line`).
fn sentence_follows(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && !matches!(c, '。' | '：' | ':'))
}

/// Whether the stream of `before` ends in a character that lets a window start right
/// after it: one that is read as itself and is no part of a number or unit. Errs
/// towards `false`: `>` may end a tag, `-`, `—` or `页` a page number, and a stretch of
/// blanks or a BOM hides what is before it.
fn ends_clear(before: &str) -> bool {
    before
        .chars()
        .rev()
        .take(64)
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| {
            !matches!(c, ',' | '.' | '０'..='９' | '．' | '万' | '>' | '\u{feff}')
                && !may_bound_a_page_number(c)
        })
}

impl Stream {
    fn clear(&mut self) {
        self.chars.clear();
        self.spans.clear();
    }

    fn push(&mut self, c: char, span: Range<usize>) {
        self.chars.push(c);
        self.spans.push(span);
    }

    /// Adds the characters `r` of `other`.
    fn append(&mut self, other: &Stream, r: Range<usize>) {
        if let (Some(chars), Some(spans)) = (other.chars.get(r.clone()), other.spans.get(r)) {
            self.chars.extend_from_slice(chars);
            self.spans.extend_from_slice(spans);
        }
    }

    /// Reads `text[from..to]` of a range ending at `limit`: whitespace, page numbers
    /// (`-4-` alone on a line) and HTML tags left out, full-width digits and points
    /// made ASCII. A heading line (`四、政府信息公开申请情况`) stands apart: no sentence
    /// runs into or out of it. `from` and `to` are the range's ends or places that
    /// no tag, page number or heading covers; `from` starts a line if `line_start`.
    fn read(&mut self, text: &str, from: usize, to: usize, limit: usize, line_start: bool) {
        let Some(part) = text.get(from..limit) else {
            return;
        };
        let stop = to.saturating_sub(from);
        self.chars.reserve(stop);
        self.spans.reserve(stop);
        // Bytes before this offset are skipped: a page number or a tag.
        let mut skip = 0;
        let mut line_start = line_start;
        let mut in_heading = false;
        for (off, c) in part.char_indices() {
            if off >= stop {
                break;
            }
            if off < skip {
                continue;
            }
            let at = from + off;
            if line_start {
                let rest = part.get(off..).unwrap_or("");
                if let Some(len) = page_number(rest) {
                    skip = off + len;
                    continue;
                }
                if heading_line(rest) {
                    self.push(BREAK, at..at);
                    in_heading = true;
                }
            }
            line_start = c == '\n';
            if line_start && in_heading {
                self.push(BREAK, at..at);
                in_heading = false;
            }
            // No whitespace comes after U+3000, the ideographic space.
            let blank = if c > '\u{3000}' {
                c == '\u{feff}'
            } else {
                c.is_whitespace()
            };
            if blank {
                continue;
            }
            if c == '<' {
                if let Some(len) = html_tag(part.get(off..).unwrap_or("")) {
                    skip = off + len;
                    continue;
                }
            }
            let len = c.len_utf8();
            let c = match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' => '.',
                other => other,
            };
            self.push(c, at..at + len);
        }
        if in_heading {
            self.push(BREAK, to..to);
        }
    }

    pub(crate) fn digit(&self, i: usize) -> bool {
        self.chars.get(i).is_some_and(char::is_ascii_digit)
    }

    /// The number starting at `i`: digits, thousands separators (`1,234`) and a
    /// decimal point. Returns the index after it and its value; `plain` is scratch.
    pub(crate) fn number(&self, i: usize, plain: &mut String) -> (usize, Option<Decimal>) {
        let mut j = i;
        plain.clear();
        let mut seen_point = false;
        while let Some(&c) = self.chars.get(j) {
            if c.is_ascii_digit() {
                plain.push(c);
                j += 1;
            } else if c == ','
                && (1..=3).all(|k| self.digit(j + k))
                && !self.digit(j + 4)
                && !seen_point
            {
                j += 1;
            } else if c == '.' && !seen_point && self.digit(j + 1) {
                seen_point = true;
                plain.push('.');
                j += 1;
            } else {
                break;
            }
        }
        (j, Decimal::from_str(plain).ok())
    }

    /// Whether the characters from index `i` are `word`.
    pub(crate) fn starts_with(&self, i: usize, word: &str) -> bool {
        (i..)
            .zip(word.chars())
            .all(|(at, w)| self.chars.get(at) == Some(&w))
    }

    /// The text between indices `a..b` of the stream, as normalised.
    pub(crate) fn slice(&self, r: Range<usize>) -> String {
        self.chars
            .get(r)
            .map(|cs| cs.iter().collect())
            .unwrap_or_default()
    }

    /// The original text of stream indices `r`, as written.
    pub(crate) fn original(&self, text: &str, r: Range<usize>) -> String {
        let (Some(first), Some(last)) = (
            self.spans.get(r.start),
            r.end.checked_sub(1).and_then(|e| self.spans.get(e)),
        ) else {
            return String::new();
        };
        text.get(first.start..last.end.max(first.start))
            .unwrap_or("")
            .to_owned()
    }

    pub(crate) fn byte_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.spans.get(r.start).map_or(0, |s| s.start);
        let end = r
            .end
            .checked_sub(1)
            .and_then(|e| self.spans.get(e))
            .map_or(start, |s| s.end);
        start..end.max(start)
    }
}

/// A page number alone on the line starting `rest` (`-4-`, `— 5 —`, `第 3 页`, `3/12`,
/// as the lexer knows them): its length in bytes, newline excluded.
fn page_number(rest: &str) -> Option<usize> {
    if !first_on_line(rest).is_some_and(may_bound_a_page_number) {
        return None;
    }
    let line = rest.split('\n').next().unwrap_or("");
    is_page_number(line.trim_matches(is_space)).then_some(line.len())
}

/// Whether the line starting `rest` is a heading (`四、…`, `（三）…`, `(三)…`, `## …`,
/// as the lexer knows them) with no `。` inside: the stream is cut after a `。` that a
/// sentence follows on its line, and a piece that starts there starts outside any
/// heading.
fn heading_line(rest: &str) -> bool {
    let starts = first_on_line(rest);
    if !starts.is_some_and(|c| matches!(c, '#' | '（' | '(') || is_numeral(c)) {
        return false;
    }
    let line = rest.split('\n').next().unwrap_or("").trim_matches(is_space);
    heading(line).is_some() && !line.contains('。')
}

/// The first character of the line starting `rest` that is not blank (whitespace or
/// a byte-order mark), if any.
fn first_on_line(rest: &str) -> Option<char> {
    rest.chars()
        .find(|&c| !is_space(c) || c == '\n')
        .filter(|c| *c != '\n')
}

/// An HTML tag (`<p style="…">`, `</p>`, `<br/>`) at the start of `rest`: its length.
pub(crate) fn html_tag(rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices().skip(1);
    let (_, first) = chars.next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    for (i, c) in chars.take(400) {
        match c {
            '>' => return Some(i + 1),
            '<' => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Text where every rule of reading applies: blanks, line breaks, sentence ends,
    /// headings, page numbers, tags, digits and what stands next to them.
    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        const PARTS: &[&str] = &[
            "\n",
            "\n",
            "\n",
            " ",
            "\t",
            "\u{3000}",
            "\u{feff}",
            "。",
            "。",
            "：",
            ":",
            "，",
            "、",
            "四、",
            "（一）",
            "(二)",
            "#",
            "-4-",
            "- 12 -",
            "— 5 —",
            "第 3 页",
            "3/12",
            "## ",
            "(一)",
            "<p>",
            "<b\n>",
            "<i title=\"。\">",
            "<",
            ">",
            "1",
            "23",
            "１",
            ",",
            ".",
            "．",
            "万",
            "件",
            "元",
            "未",
            "收到",
            "有",
            "政府",
            "中文",
            "正文",
            "x",
        ];
        proptest::collection::vec(proptest::sample::select(PARTS), 0..120)
            .prop_map(|parts| parts.concat())
    }

    /// The stream of all of `text`, as a string.
    fn read(text: &str) -> String {
        let all = 0..text.len();
        whole(text, std::slice::from_ref(&all))
            .chars
            .iter()
            .collect()
    }

    #[test]
    fn page_numbers_and_headings_are_the_lexers() {
        for page in ["-4-", "- 12 -", "— 5 —", "第 3 页", "第3页共12页", "3/12"] {
            let text = format!("答\n  {page}\n复 9 件。");
            assert_eq!(read(&text), "答复9件。", "{page:?}");
        }
        // Not page numbers: the line holds more, or is a fraction in a sentence.
        assert_eq!(read("答\n第 3 页起\n复"), "答第3页起复");
        assert_eq!(read("共 3/12 件"), "共3/12件");
        for (heading, read_as) in [
            ("四、政府信息公开申请情况", "四、政府信息公开申请情况"),
            ("（三）不予公开", "（三）不予公开"),
            ("(三)不予公开", "(三)不予公开"),
            ("## 表三", "##表三"),
        ] {
            let text = format!("答\n{heading}\n复");
            assert_eq!(
                read(&text),
                format!("答{BREAK}{read_as}{BREAK}复"),
                "{heading:?}"
            );
        }
        // No headings: a sentence, or a numbering mark with no title.
        assert_eq!(
            read("答\n四、本年度收到申请。共3件\n复"),
            "答四、本年度收到申请。共3件复"
        );
        assert_eq!(read("答\n（三）\n复"), "答（三）复");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The segments read one by one are the whole stream, character by character,
        /// each with its byte range.
        #[test]
        fn segments_make_the_whole_stream(
            text in text(),
            cuts in proptest::collection::vec(0usize..1000, 0..4),
        ) {
            let points = cut_points(&text, &cuts);
            // Every third range left out: what is between breaks sentences.
            let ranges: Vec<Range<usize>> = points
                .windows(2)
                .enumerate()
                .filter(|(k, _)| k % 3 != 1)
                .map(|(_, w)| w[0]..w[1])
                .collect();
            let marks = [Mark { c: '件', before: true, next_to: |c| c == '1' }];
            let plan = Plan::new(&text, &ranges, &marks);
            let mut pieces = Stream::default();
            for k in 0..plan.segments.len() {
                let mut one = Stream::default();
                plan.build(&text, k, &mut one);
                pieces.append(&one, 0..one.chars.len());
            }
            let whole = whole(&text, &ranges);
            proptest::prop_assert_eq!(&pieces.chars, &whole.chars);
            proptest::prop_assert_eq!(&pieces.spans, &whole.spans);
        }
    }

    /// `0`, `text.len()` and each cut (taken modulo the length and moved back to a
    /// character boundary), sorted: the bounds of ranges a test cuts `text` into.
    pub(crate) fn cut_points(text: &str, cuts: &[usize]) -> Vec<usize> {
        let mut points: Vec<usize> = cuts
            .iter()
            .map(|c| {
                let mut at = c % (text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                at
            })
            .collect();
        points.extend([0, text.len()]);
        points.sort_unstable();
        points
    }
}
