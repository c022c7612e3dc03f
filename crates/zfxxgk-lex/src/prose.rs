//! Prose as one stream of characters, and where its sentences and clauses end.
//!
//! PDF text wraps sentences over lines and puts blanks around numbers, and web pages
//! put tags inside them, so prose is read as a stream: whitespace, page numbers (lines
//! that [`zfxxgk_text::is_page_number`] calls page numbers, as the lexer does) and HTML
//! tags ([`HtmlTag`]) left out, full-width digits and points made ASCII. Every
//! character keeps its byte range, so that what is read from the stream is located as
//! written. A heading line (`四、…`, `（二）…`, `# …`) stands apart: a [`BREAK`] before
//! and after it ends any sentence running into it.

use std::ops::Range;

use crate::tag::{HtmlTag, TEXT_TAG_MAX_CHARS};
use zfxxgk_text::{heading, is_numeral, is_page_number, is_space, may_bound_a_page_number};

/// Ends a sentence where no punctuation does: around a heading line.
pub const BREAK: char = '\u{0}';

/// Prose read as a stream: each character, made plain, with its byte range in the text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Prose {
    chars: Vec<char>,
    spans: Vec<Range<usize>>,
}

/// The passages of `text` within the byte `ranges`, each a list of ranges to read as
/// one stream with [`Prose::read`].
///
/// Ranges are taken in order and without overlaps. Ranges separated by nothing but
/// whitespace are one passage, so a sentence may continue from one paragraph block
/// into the next (as wrapped PDF text does); ranges with anything else between them
/// never share a sentence. Ranges that are out of bounds or not on character
/// boundaries are left out.
pub fn passages(text: &str, ranges: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
    let mut sorted = ranges.to_vec();
    sorted.retain(|r| text.get(r.clone()).is_some());
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Vec<Range<usize>>> = Vec::new();
    for r in sorted {
        // The last range taken ends at `last`: `r` is read from there on.
        let last = out.last().and_then(|p| p.last()).map_or(0, |l| l.end);
        let start = r.start.max(last);
        match out.last_mut() {
            Some(_) if r.end <= last => {}
            Some(passage) if text.get(last..start).is_some_and(|b| b.trim().is_empty()) => {
                passage.push(start..r.end)
            }
            _ => out.push(std::iter::once(start..r.end).collect()),
        }
    }
    out
}

/// Ends a sentence: `。`, `！`, `？` (either width) or a [`BREAK`].
pub fn sentence_end(c: char) -> bool {
    // Most characters are ideographs, which end nothing.
    !('\u{4e00}'..='\u{9fff}').contains(&c) && matches!(c, '。' | '！' | '!' | '？' | '?' | BREAK)
}

/// Ends a clause: a sentence end, a comma, semicolon or colon, or a parenthesis
/// (either width).
pub fn clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '（' | '(' | '）' | ')'
    ) || sentence_end(c)
}

impl Prose {
    /// Reads one passage of `text` (see [`passages`]); ranges not in `text` are
    /// skipped.
    pub fn read(text: &str, passage: &[Range<usize>]) -> Prose {
        let mut prose = Prose::default();
        for r in passage {
            if let Some(part) = text.get(r.clone()) {
                prose.read_range(part, r.start);
            }
        }
        prose
    }

    /// Reads `part`, which starts at byte `from` of the text and is read as starting
    /// a line.
    fn read_range(&mut self, part: &str, from: usize) {
        self.chars.reserve(part.len() / 3);
        self.spans.reserve(part.len() / 3);
        // Bytes before `skip` are left out: a page number or a tag.
        let (mut skip, mut line_start, mut in_heading) = (0, true, false);
        for (off, c) in part.char_indices() {
            if off < skip {
                continue;
            }
            let at = from + off;
            let rest = || part.get(off..).unwrap_or("");
            if line_start && may_set_apart(rest()) {
                let line = rest().split('\n').next().unwrap_or("");
                let t = line.trim();
                if is_page_number(t) {
                    skip = off + line.len();
                    continue;
                }
                if prose_heading(t) {
                    self.push(BREAK, at..at);
                    in_heading = true;
                }
            }
            line_start = c == '\n';
            if line_start && in_heading {
                self.push(BREAK, at..at);
                in_heading = false;
            }
            let plain = match c {
                // Ideographs, most of the text, are read as they are.
                '\u{4e00}'..='\u{9fff}' => c,
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' => '.',
                c if is_space(c) => continue,
                '<' => match HtmlTag::at(rest(), TEXT_TAG_MAX_CHARS) {
                    Some(tag) => {
                        skip = off + tag.len;
                        continue;
                    }
                    None => c,
                },
                c => c,
            };
            self.push(plain, at..at + c.len_utf8());
        }
        if in_heading {
            let end = from + part.len();
            self.push(BREAK, end..end);
        }
    }

    fn push(&mut self, c: char, span: Range<usize>) {
        self.chars.push(c);
        self.spans.push(span);
    }

    /// The characters of the stream.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The byte range in the text of the stream characters `r`: from the first one's
    /// start to the last one's end.
    pub fn byte_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.spans.get(r.start).map_or(0, |s| s.start);
        let last = r.end.checked_sub(1).and_then(|e| self.spans.get(e));
        start..last.map_or(start, |s| s.end.max(start))
    }

    /// The stream index where `stop` first holds from index `i` on, before index
    /// `end`; `end` (or the end of the stream) if it holds on none.
    pub fn until(&self, i: usize, end: usize, stop: impl Fn(char) -> bool) -> usize {
        let end = end.min(self.chars.len()).max(i);
        let after = self.chars.get(i..end).unwrap_or_default();
        after.iter().position(|c| stop(*c)).map_or(end, |p| i + p)
    }

    /// The stream index after the last character before index `i` where `stop` holds,
    /// from index `floor` on (`floor` if it holds on none): where the sentence
    /// ([`sentence_end`]) or clause ([`clause_end`]) that holds index `i` starts.
    pub fn back(&self, i: usize, floor: usize, stop: impl Fn(char) -> bool) -> usize {
        let i = i.min(self.chars.len());
        let floor = floor.min(i);
        let before = self.chars.get(floor..i).unwrap_or_default();
        let last = before.iter().rposition(|c| stop(*c));
        last.map_or(floor, |p| floor + p + 1)
    }
}

/// Whether the line starting `rest` may be a page number or a heading, by its first
/// character that is not blank: a quick test before the line is parsed.
fn may_set_apart(rest: &str) -> bool {
    let first = rest.chars().find(|c| !c.is_whitespace() || *c == '\n');
    first.is_some_and(|c| {
        may_bound_a_page_number(c) || is_numeral(c) || matches!(c, '#' | '（' | '(')
    })
}

/// A heading line in prose, trimmed: a line that [`zfxxgk_text::heading`] calls a
/// heading (`四、…`, `（一）…`, `# …`), with no comma, semicolon or full stop in its
/// title.
fn prose_heading(t: &str) -> bool {
    let body = t.trim_end_matches(['。', '：', ':']);
    heading(body).is_some()
        && !body.contains(['，', ',', '。', '；', ';'])
        && t.chars().nth(40).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `HtmlTag::at` in running text as first written: a character at a time.
    fn html_tag_reference(rest: &str) -> Option<usize> {
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

    #[test]
    fn sentence_ends_as_listed() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let listed = matches!(c, '。' | '！' | '!' | '？' | '?' | BREAK);
            assert_eq!(sentence_end(c), listed, "{c:?}");
        }
    }

    #[test]
    fn reads_wrapped_lines_as_one_stream() {
        let text = "全年共受理申请 3\n\n  - 4 -\n\n１２ 件<br/>，\n四、复议情况\n答复。";
        let p = Prose::read(text, std::slice::from_ref(&(0..text.len())));
        let read: String = p.chars().iter().collect();
        assert_eq!(read, "全年共受理申请312件，\0四、复议情况\0答复。");
        // Each character keeps where it was written.
        let twelve = p.chars().iter().position(|c| *c == '1').unwrap_or(0);
        assert_eq!(&text[p.byte_range(twelve..twelve + 2)], "１２");
        assert_eq!(&text[p.byte_range(0..2)], "全年");
    }

    /// The stream of all of `text`, as a string.
    fn read(text: &str) -> String {
        let all = 0..text.len();
        Prose::read(text, std::slice::from_ref(&all))
            .chars()
            .iter()
            .collect()
    }

    #[test]
    fn page_numbers_and_headings_are_the_lexers() {
        for page in ["-4-", "- 12 -", "— 5 —", "第 3 页", "第3页共12页", "3/12"] {
            let text = format!("答\n  {page}\n复 9 件。");
            assert_eq!(read(&text), "答复9件。", "{page:?}");
        }
        // Not page numbers: the line holds more, or a fraction stands in a sentence.
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
            read("答\n四、本年度收到申请，共3件\n复"),
            "答四、本年度收到申请，共3件复"
        );
        assert_eq!(read("答\n（三）\n复"), "答（三）复");
    }

    #[test]
    fn passages_join_ranges_with_only_blanks_between() {
        let text = "一段\n\n二段\n| 表 |\n三段";
        let at = |w: &str| text.find(w).map_or(0..0, |i| i..i + w.len());
        let (a, b, c) = (at("一段"), at("二段"), at("三段"));
        assert_eq!(
            passages(text, &[c.clone(), a.clone(), b.clone(), 0..1, 3..100]),
            [vec![a, b], vec![c]]
        );
    }

    proptest::proptest! {
        #[test]
        fn html_tag_reads_as_the_reference(
            // Starting at a `<`, as every caller's text does, and without quotes: a
            // quoted attribute value may hold a `>` (`title="a>b"`), which the
            // reference did not know.
            rest in "<[a-z/!< >=中。]{0,12}|<p[ a>]{380,420}|<b[中 >]{390,410}"
        ) {
            let tag = HtmlTag::at(&rest, TEXT_TAG_MAX_CHARS).map(|t| t.len);
            proptest::prop_assert_eq!(tag, html_tag_reference(&rest));
        }

        /// Every character of the stream is one written at its span (a digit or point
        /// made ASCII), or a break with an empty span; spans only grow.
        #[test]
        fn characters_come_from_their_spans(
            text in "[一四、（）(#\\- 3４．\n<>bp/中。，]{0,60}",
            cut in 0usize..70,
        ) {
            let cut = (0..=cut.min(text.len())).rev().find(|c| text.is_char_boundary(*c)).unwrap_or(0);
            let p = Prose::read(&text, &[0..cut, cut..text.len()]);
            let mut last = 0;
            for (i, c) in p.chars().iter().enumerate() {
                let at = p.byte_range(i..i + 1);
                proptest::prop_assert!(at.start >= last);
                last = at.end;
                let written = &text[at];
                if *c == BREAK {
                    proptest::prop_assert_eq!(written, "");
                } else {
                    let plain = match written {
                        "４" => "4",
                        "．" => ".",
                        w => w,
                    };
                    proptest::prop_assert_eq!(plain, c.to_string());
                }
            }
        }
    }
}
