//! A PDF's text laid out from where each word stands on its page, so that a table's
//! columns survive as the lexer's space-aligned layout reads them.
//!
//! `pdftotext -bbox-layout` writes every word with its box (`<word xMin yMin xMax
//! yMax>` inside `<page>`). The words become lines of text whose display columns
//! are the words' places on the page, in one unit for the whole document:
//!
//! - a line is the words whose vertical middles stand within four tenths of a word's
//!   height of the first word's, and that do not overlap each other; a label wrapped
//!   over three lines beside a row of numbers gives three lines, the numbers on the
//!   middle one, as the lexer and the parser already read them;
//! - a number stands by its right edge and anything else by its left edge, each at
//!   its place on the page divided by the unit: the narrower of the middle width of a
//!   digit and of half a CJK character, so that text never needs more columns than it
//!   has room for;
//! - words that are more than one and a half units apart are separate cells, at
//!   least two spaces apart; closer words are one cell: a space between them, or
//!   nothing between two CJK words (`（ 二 ） 部 分 公 开` spaced out by justified text
//!   reads `（二）部分公开`); a blank cell is blank space, so the value after it stays
//!   under its own column;
//! - the first and last line of a page, when they stand in the top or bottom tenth of
//!   it and read the same, digits aside, as the first or last line of another page
//!   (a print date and title, an address and `2/5`), are running headers and
//!   footers, not text: left out, so that a table cut by a page break joins up.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use unicode_width::UnicodeWidthStr;

/// One word and its box, in points from the page's top left corner.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

impl Word {
    fn middle(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }

    fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// A page's height and its words.
#[derive(Debug, Default)]
struct Page {
    height: f64,
    words: Vec<Word>,
}

/// A word whose middle stands this share of a word's height from a line's first word's
/// middle, or nearer, is on that line.
const SAME_LINE: f64 = 0.4;
/// Words farther apart than this many units are separate cells.
const CELL_GAP: f64 = 1.5;
/// Words closer than this many units are one word, with no space between.
const TOUCHING: f64 = 0.25;
/// Running headers and footers stand in this share of the page's height at its top
/// or bottom.
const MARGIN: f64 = 0.1;

/// The text of the words in `xhtml` (what `pdftotext -bbox-layout` writes), laid out
/// by their places on the page. Pages end with a line end; nothing is added between
/// them, so a table that a page break cut goes on.
pub(crate) fn lay_out(xhtml: &str) -> String {
    let pages = pages(xhtml);
    let Some(unit) = unit(&pages) else {
        return String::new();
    };
    let mut lines: Vec<Vec<Vec<Word>>> = pages.iter().map(lines_of).collect();
    drop_running_lines(&pages, &mut lines);
    let mut out = String::new();
    for page in &lines {
        for line in page {
            write_line(line, unit, &mut out);
        }
    }
    out
}

/// The pages and words of `xhtml`. Poppler copies the document's title into the
/// head unchecked, so reading starts at `<doc>`, and ends at its end or at the first
/// thing that is not well-formed.
fn pages(xhtml: &str) -> Vec<Page> {
    let body = xhtml.find("<doc>").map_or(xhtml, |i| &xhtml[i..]);
    let mut reader = Reader::from_str(body);
    let mut pages: Vec<Page> = Vec::new();
    let mut word: Option<Word> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"page" => pages.push(Page {
                    height: number(&e, b"height").unwrap_or(0.0),
                    words: Vec::new(),
                }),
                b"word" => word = word_box(&e),
                _ => {}
            },
            Ok(Event::Text(t)) => {
                if let (Some(w), Ok(text)) = (word.as_mut(), t.xml10_content()) {
                    w.text.push_str(&text);
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let (Some(w), Some(c)) = (word.as_mut(), super::docx::reference(&r)) {
                    w.text.push(c);
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"word" => {
                if let (Some(w), Some(page)) = (word.take(), pages.last_mut()) {
                    if !w.text.trim().is_empty() {
                        page.words.push(w);
                    }
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"doc" => break,
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    pages
}

/// The box of a `<word>`, with no text yet; `None` when a coordinate is missing.
fn word_box(e: &BytesStart<'_>) -> Option<Word> {
    let x0 = number(e, b"xMin")?;
    let y0 = number(e, b"yMin")?;
    let x1 = number(e, b"xMax")?;
    let y1 = number(e, b"yMax")?;
    Some(Word {
        x0,
        y0,
        x1: x1.max(x0),
        y1: y1.max(y0),
        text: String::new(),
    })
}

/// The value of attribute `name`, a finite number.
fn number(e: &BytesStart<'_>, name: &[u8]) -> Option<f64> {
    let a = e
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)?;
    let v: f64 = std::str::from_utf8(&a.value).ok()?.trim().parse().ok()?;
    v.is_finite().then_some(v)
}

/// The width of one display column, in points: the narrower of the middle width of a
/// digit (in words of digits alone) and of half a CJK character (in words of CJK
/// alone); the middle width per column of all words when neither is there.
fn unit(pages: &[Page]) -> Option<f64> {
    let words = || pages.iter().flat_map(|p| &p.words);
    let per_column = |w: &Word| {
        let width = w.text.width();
        (width > 0).then(|| (w.x1 - w.x0) / width as f64)
    };
    let digits: Vec<f64> = words()
        .filter(|w| w.text.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(per_column)
        .collect();
    let cjk: Vec<f64> = words()
        .filter(|w| w.text.chars().all(|c| c >= '\u{2e80}'))
        .filter_map(per_column)
        .collect();
    let narrowest = [median(digits), median(cjk)]
        .into_iter()
        .flatten()
        .min_by(f64::total_cmp);
    narrowest
        .or_else(|| median(words().filter_map(per_column).collect()))
        .filter(|u| *u > 0.0)
}

fn median(mut xs: Vec<f64>) -> Option<f64> {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied()
}

/// A page's words in lines, top to bottom, each left to right.
fn lines_of(page: &Page) -> Vec<Vec<Word>> {
    let mut words: Vec<&Word> = page.words.iter().collect();
    words.sort_by(|a, b| {
        a.middle()
            .total_cmp(&b.middle())
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut lines: Vec<Vec<Word>> = Vec::new();
    for w in words {
        let joins = lines.last().is_some_and(|line| {
            line.first().is_some_and(|f| {
                (w.middle() - f.middle()).abs() < SAME_LINE * f.height().min(w.height())
            }) && line.iter().all(|o| o.x1 <= w.x0 || w.x1 <= o.x0)
        });
        match lines.last_mut() {
            Some(line) if joins => line.push(w.clone()),
            _ => lines.push(vec![w.clone()]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

/// A line's text with its digits left out and no spaces, as running headers and
/// footers repeat it from page to page (`2/5`, `第 3 页`).
fn running_key(line: &[Word]) -> String {
    line.iter()
        .flat_map(|w| w.text.chars())
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .collect()
}

/// Leaves out the running headers and footers of `lines`, the lines of `pages`.
fn drop_running_lines(pages: &[Page], lines: &mut [Vec<Vec<Word>>]) {
    // The first and last line of each page that stand in its margins.
    let edge = |page: &Page, page_lines: &[Vec<Word>], first: bool| -> Option<String> {
        let line = if first {
            page_lines.first()
        } else {
            page_lines.last()
        }?;
        let inside = if first {
            line.iter().all(|w| w.y1 <= page.height * MARGIN)
        } else {
            line.iter().all(|w| w.y0 >= page.height * (1.0 - MARGIN))
        };
        inside.then(|| running_key(line))
    };
    let keys: Vec<[Option<String>; 2]> = pages
        .iter()
        .zip(lines.iter())
        .map(|(p, l)| [edge(p, l, true), edge(p, l, false)])
        .collect();
    let repeated = |page: usize, key: &str| {
        keys.iter()
            .enumerate()
            .any(|(i, k)| i != page && k.iter().flatten().any(|o| o == key))
    };
    for (i, page_lines) in lines.iter_mut().enumerate() {
        let [top, bottom] = &keys[i];
        let drop_bottom = bottom.as_deref().is_some_and(|k| repeated(i, k));
        let drop_top = top.as_deref().is_some_and(|k| repeated(i, k));
        if drop_bottom {
            page_lines.pop();
        }
        if drop_top && !page_lines.is_empty() {
            page_lines.remove(0);
        }
    }
}

/// Whether a word is a number as table cells write them, which stands by its right
/// edge.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.ends_with(|c: char| c.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

fn cjk(c: Option<char>) -> bool {
    c.is_some_and(|c| c >= '\u{2e80}')
}

/// Writes one line: each word at its column, cells two or more spaces apart.
fn write_line(line: &[Word], unit: f64, out: &mut String) {
    let mut at = 0usize;
    let mut last: Option<&Word> = None;
    for w in line {
        let width = w.text.width();
        let place = if is_number(&w.text) {
            (w.x1 / unit).round() as usize - width.min((w.x1 / unit).round() as usize)
        } else {
            (w.x0 / unit).round() as usize
        };
        let column = match last {
            None => place,
            Some(prev) => {
                let gap = (w.x0 - prev.x1) / unit;
                if gap >= CELL_GAP {
                    place.max(at + 2)
                } else if gap < TOUCHING
                    || (cjk(prev.text.chars().next_back()) && cjk(w.text.chars().next()))
                {
                    at
                } else {
                    at + 1
                }
            }
        };
        out.extend(std::iter::repeat_n(' ', column.saturating_sub(at)));
        out.push_str(&w.text);
        at = column.max(at) + width;
        last = Some(w);
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's `(x0, y0, x1, y1, text)`.
    type Boxed = (f64, f64, f64, f64, &'static str);

    /// `pdftotext -bbox-layout` output of pages of words.
    fn xhtml(pages: &[&[Boxed]]) -> String {
        let mut s = String::from(
            "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head><title>\u{ff}\u{fe}</title></head>\n<body>\n<doc>\n",
        );
        for words in pages {
            s.push_str("<page width=\"600\" height=\"800\"><flow><block><line>\n");
            for (x0, y0, x1, y1, t) in words.iter() {
                s.push_str(&format!(
                    "<word xMin=\"{x0}\" yMin=\"{y0}\" xMax=\"{x1}\" yMax=\"{y1}\">{t}</word>\n"
                ));
            }
            s.push_str("</line></block></flow></page>\n");
        }
        s.push_str("</doc>\n</body>\n</html>\n");
        s
    }

    /// A word of digits, 5 points a digit, right edge at `x1`, on the line at `y`.
    fn num(x1: f64, y: f64, t: &'static str) -> Boxed {
        (x1 - 5.0 * t.len() as f64, y, x1, y + 10.0, t)
    }

    /// A word of CJK characters, 10 points each, from `x0`, on the line at `y`.
    fn han(x0: f64, y: f64, t: &'static str) -> Boxed {
        (x0, y, x0 + 10.0 * t.chars().count() as f64, y + 10.0, t)
    }

    #[test]
    fn words_stand_at_their_columns() {
        // Numbers keep their columns, by their right edges, and a blank cell stays
        // blank; a label spaced out by justified text joins up, a word 1.6 units
        // away is a cell of its own, one a little apart keeps a space.
        let numbers = [
            han(0.0, 100.0, "规章"),
            num(100.0, 100.0, "236"),
            num(120.0, 100.0, "54"),
            num(160.0, 100.0, "502"),
            han(0.0, 120.0, "其他"),
            num(100.0, 121.0, "3"),
            num(160.0, 119.5, "10"),
        ];
        let spaced = [
            han(0.0, 100.0, "（"),
            han(14.0, 100.0, "二"),
            han(28.0, 100.0, "）"),
            han(42.0, 100.0, "部分"),
            num(90.0, 100.0, "2024"),
            han(92.0, 100.0, "年"),
            num(200.0, 100.0, "5"),
        ];
        for (page, want) in [
            (
                &numbers[..],
                "规章             236  54     502\n其他               3          10\n",
            ),
            (&spaced[..], "（二）部分    2024 年                  5\n"),
        ] {
            assert_eq!(lay_out(&xhtml(&[page])), want);
        }
    }

    #[test]
    fn running_headers_and_footers_are_left_out() {
        let header = |n: &'static str| [(10.0, 10.0, 60.0, 20.0, n), han(300.0, 10.0, "年度报告")];
        let (h1, h2) = (header("12/4/26,"), header("12/4/26,"));
        let p1 = [
            h1[0],
            h1[1],
            han(0.0, 300.0, "规章"),
            (500.0, 780.0, 515.0, 790.0, "1/2"),
        ];
        let p2 = [
            h2[0],
            h2[1],
            num(100.0, 300.0, "7"),
            (500.0, 780.0, 515.0, 790.0, "2/2"),
        ];
        let text = lay_out(&xhtml(&[&p1, &p2]));
        assert_eq!(text, "规章\n                   7\n");
        // One page: nothing repeats, nothing is left out.
        let text = lay_out(&xhtml(&[&p1]));
        assert_eq!(text.lines().count(), 3, "{text}");
    }

    #[test]
    fn broken_or_empty_output_gives_what_was_read() {
        assert_eq!(lay_out(""), "");
        assert_eq!(lay_out("<doc><page height=\"x\"><word xMin=\"1\">"), "");
        let mut s = xhtml(&[&[han(0.0, 0.0, "规章")]]);
        s.truncate(s.find("</word>").map_or(0, |i| i + 7));
        assert_eq!(lay_out(&s), "规章\n");
        let amp = xhtml(&[&[(0.0, 0.0, 20.0, 10.0, "a&amp;b")]]);
        assert_eq!(lay_out(&amp), "a&b\n");
    }
}
