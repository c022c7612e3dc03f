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
//!   footers, not text: left out, so that a table cut by a page break joins up;
//! - a number wrapped inside a narrow cell (`502` printed one digit a line by
//!   chromium's `word-break: break-all`) is one number again, on its row's line: its
//!   digit words stand one above the other in one column, evenly, alone in their
//!   cell; other words of the page (the row's label or other cells) stand on the
//!   stack's middle; and its lines are nearer to each other than its row to the row
//!   above or below it (lines where a number stands as a cell beside other words),
//!   times [`WRAPPED`]. Word boxes are no help here: chromium's are taller than a row.
//!   Poppler itself makes one word of `50` over `2`, with a box two lines high. A
//!   stack that misses any of these tests is left as it stands, never joined across
//!   rows: when its rows are as near as its lines (cells with no padding), its middle
//!   digit can still be read as its row's cell.

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
/// How far (times the lower word's height) two words on one line may overlap and
/// still be side by side, not one over the other.
const TOUCH: f64 = 0.05;
/// Words farther apart than this many units are separate cells.
const CELL_GAP: f64 = 1.5;
/// Words closer than this many units are one word, with no space between.
const TOUCHING: f64 = 0.25;
/// Digit words stacked this share of the distance from their row to the nearest row
/// apart, or nearer, are the lines of one wrapped cell: a wrapped row is its lines
/// and its cell's padding, so its neighbour stands farther from its middle than that.
const WRAPPED: f64 = 0.8;
/// The lines of one wrapped cell are evenly spaced: each step within this share of
/// the first.
const EVEN: f64 = 0.1;
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
    let mut pages = pages;
    for page in &mut pages {
        join_wrapped_numbers(page, unit);
    }
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
            }) && line.iter().all(|o| {
                // Chromium's boxes of adjacent runs overlap by a hair (0.003 pt
                // between 第 and 1): only a real overlap keeps a word off the line.
                let slack = TOUCH * o.height().min(w.height());
                o.x1 <= w.x0 + slack || w.x1 <= o.x0 + slack
            })
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

/// Whether two words share some of their horizontal extent.
fn overlap_x(a: &Word, b: &Word) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1
}

/// The middles of a page's table rows: lines of two words or more where a number
/// stands as a cell of its own (no word nearer to it than a cell's gap). The lone
/// digits of a wrapped cell are no row.
fn row_middles(page: &Page, unit: f64) -> Vec<f64> {
    let cell = |line: &[Word], w: &Word| {
        is_number(&w.text)
            && line
                .iter()
                .filter(|o| !std::ptr::eq(*o, w))
                .all(|o| o.x0.max(w.x0) - o.x1.min(w.x1) >= CELL_GAP * unit)
    };
    lines_of(page)
        .iter()
        .filter(|line| line.len() >= 2 && line.iter().any(|w| cell(line, w)))
        .filter_map(|line| line.first().map(Word::middle))
        .collect()
}

/// Joins the digit words of each number wrapped inside a narrow cell into one word
/// on its row's line (see the module's doc for when a stack is one cell).
fn join_wrapped_numbers(page: &mut Page, unit: f64) {
    let rows = row_middles(page, unit);
    let words = &page.words;
    let digits = |w: &Word| !w.text.is_empty() && w.text.bytes().all(|b| b.is_ascii_digit());
    let mut order: Vec<usize> = (0..words.len())
        .filter(|&i| words.get(i).is_some_and(digits))
        .collect();
    order.sort_by(|&a, &b| words[a].middle().total_cmp(&words[b].middle()));
    let mut used = vec![false; words.len()];
    let mut joined: Vec<Word> = Vec::new();
    for (k, &first) in order.iter().enumerate() {
        if used[first] {
            continue;
        }
        // The evenly spaced digit words below `first` in its column, then the
        // longest run of them from `first` that is one wrapped cell.
        let mut stack = vec![first];
        let mut step: Option<f64> = None;
        while let Some(&top) = stack.last() {
            let below = order
                .get(k + 1..)
                .unwrap_or_default()
                .iter()
                .copied()
                .find(|&j| {
                    !used[j]
                        && words[j].middle() > words[top].middle()
                        && overlap_x(&words[j], &words[top])
                });
            let Some(j) = below else { break };
            let d = words[j].middle() - words[top].middle();
            if !step.is_none_or(|s| (d - s).abs() <= EVEN * s) {
                break;
            }
            step.get_or_insert(d);
            stack.push(j);
        }
        while stack.len() >= 2 {
            if let Some(word) = wrapped_cell(words, &stack, &rows, unit) {
                for &i in &stack {
                    used[i] = true;
                }
                joined.push(word);
                break;
            }
            stack.pop();
        }
    }
    if joined.is_empty() {
        return;
    }
    let mut kept: Vec<Word> = page
        .words
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(w, _)| w.clone())
        .collect();
    kept.extend(joined);
    page.words = kept;
}

/// The one word that the digit words `stack` of `words` (top to bottom, evenly
/// spaced) make, when they are one wrapped cell: nothing else stands between them in
/// their column, no other word stands beside any of them nearer than a cell's gap,
/// other words stand on the stack's middle, within a quarter of a line (its row's
/// label or other cells, which a table centres in the row as it centres the wrapped
/// cell), and the stack's lines are nearer to each other than [`WRAPPED`] times the
/// distance from its row to the nearest row above or below (of `rows`, the middles
/// of the page's rows). `None` otherwise, and when the row has no row beside it.
fn wrapped_cell(words: &[Word], stack: &[usize], rows: &[f64], unit: f64) -> Option<Word> {
    let parts: Vec<&Word> = stack.iter().filter_map(|&i| words.get(i)).collect();
    let (first, last) = (parts.first()?, parts.last()?);
    // A box that breaks anywhere fills each line before the next: every line but the
    // last holds as many digits as the first, the last no more (16 / 4 / 10 down a
    // column of rows with wrapped labels is three cells, not one).
    let full = first.text.len();
    let (body, tail) = parts.split_at(parts.len().saturating_sub(1));
    if body.iter().any(|w| w.text.len() != full) || tail.iter().any(|w| w.text.len() > full) {
        return None;
    }
    let x0 = parts.iter().map(|w| w.x0).fold(f64::INFINITY, f64::min);
    let x1 = parts.iter().map(|w| w.x1).fold(f64::NEG_INFINITY, f64::max);
    let middle = (first.middle() + last.middle()) / 2.0;
    let height = first.height();
    let steps = parts.len().saturating_sub(1).max(1) as f64;
    let step = (last.middle() - first.middle()) / steps;
    let on_row = |m: f64| (m - middle).abs() <= step / 4.0;
    let neighbour = rows
        .iter()
        .filter(|&&m| !on_row(m))
        .map(|m| (m - middle).abs())
        .min_by(f64::total_cmp)?;
    if step > WRAPPED * neighbour {
        return None;
    }
    let others = || {
        words
            .iter()
            .enumerate()
            .filter(|(i, _)| !stack.contains(i))
            .map(|(_, w)| w)
    };
    let between = others().any(|w| {
        w.x0 < x1 && x0 < w.x1 && w.middle() >= first.middle() && w.middle() <= last.middle()
    });
    let crowded = parts.iter().any(|p| {
        others().any(|w| {
            (w.middle() - p.middle()).abs() < SAME_LINE * height
                && (w.x0.max(p.x0) - w.x1.min(p.x1)) < CELL_GAP * unit
        })
    });
    let on_a_row = others().any(|w| on_row(w.middle()));
    // The lines of a wrapped cell off its row's middle hold no other number: a number
    // beside one makes that line a row of cells (0 / 0 / 0 down a column of rows).
    let beside_numbers = parts.iter().filter(|p| !on_row(p.middle())).any(|p| {
        others().any(|w| is_number(&w.text) && (w.middle() - p.middle()).abs() < SAME_LINE * height)
    });
    (!between && !crowded && on_a_row && !beside_numbers).then(|| Word {
        x0,
        y0: middle - height / 2.0,
        x1,
        y1: middle + height / 2.0,
        text: parts.iter().map(|w| w.text.as_str()).collect(),
    })
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
mod tests;
