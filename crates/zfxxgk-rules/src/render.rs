//! Findings shown the way a compiler shows errors: the rule, the message, the place,
//! and the source lines with the cells underlined.
//!
//! ```text
//! error[T301]: row （一）予以公开 (granted): 总计 (total) ≠ … (expected 12, found 13)
//!   --> reports/x.txt:48:32
//!    |
//! 48 | 予以公开 | 9 | 1 | 0 | 0 | 0 | 2 | 13 |
//!    |                                    ^^ t3.granted.total
//! ```
//!
//! Plain text, underlined by display width (a CJK character is two columns wide).

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;
use zfxxgk_model::{Finding, Lang, Location, Severity};
use zfxxgk_text::LineIndex;

/// At most this many places are drawn; the rest are counted in a note.
const MAX_ANNOTATIONS: usize = 8;
/// A source line wider than this is cut around the places drawn on it.
const MAX_LINE_WIDTH: usize = 100;
/// How many columns of context to keep either side of the places on a cut line.
const CONTEXT_WIDTH: usize = 30;
/// A tab is drawn as this many spaces.
const TAB: &str = "    ";

/// One place to underline.
struct Annotation {
    start: usize,
    end: usize,
    label: String,
}

/// Renders one finding as a compiler would: a header with the rule ID, severity,
/// message and the expected and found values; ` --> source:line:column` of its first
/// place; the source lines of its places with each place underlined (`^^^`) and
/// labelled with its cell key; then its notes.
///
/// `source` names the report (a path), `text` is the decoded text the finding's
/// locations point into. Places outside `text` are left out, never a panic.
pub fn render(finding: &Finding, source: &str, text: &str, lang: Lang) -> String {
    render_in(finding, source, &SourceLines::new(text), lang)
}

/// [`render`] with the text's lines indexed once for all findings.
fn render_in(finding: &Finding, source: &str, lines: &SourceLines<'_>, lang: Lang) -> String {
    let text = lines.text;
    let mut out = String::new();
    let _ = write!(
        out,
        "{}[{}]: {}",
        finding.severity,
        finding.rule,
        finding.message(lang)
    );
    match (&finding.expected, &finding.actual, lang) {
        (Some(e), Some(a), Lang::En) => {
            let _ = write!(out, " (expected {e}, found {a})");
        }
        (Some(e), Some(a), Lang::Zh) => {
            let _ = write!(out, "（应为 {e}，实为 {a}）");
        }
        (None, Some(a), Lang::En) => {
            let _ = write!(out, " (found {a})");
        }
        (None, Some(a), Lang::Zh) => {
            let _ = write!(out, "（实为 {a}）");
        }
        _ => {}
    }
    out.push('\n');

    let annotations = annotations(finding, text, lang);
    let shown = annotations.len().min(MAX_ANNOTATIONS);
    let hidden = annotations.len() - shown;
    let mut shown: Vec<&Annotation> = annotations.iter().take(shown).collect();

    let mut notes: Vec<String> = finding
        .notes
        .iter()
        .map(|n| n.get(lang).replace(['\r', '\n'], " "))
        .collect();
    if hidden > 0 {
        notes.push(match lang {
            Lang::Zh => format!("另有 {hidden} 处未显示"),
            Lang::En => format!("and {hidden} more place{} not shown", plural(hidden)),
        });
    }

    let gutter;
    if let Some(primary) = shown.first() {
        let (line, column) = lines.line_column(primary.start);
        let _ = writeln!(out, "  --> {source}:{line}:{column}");
        shown.sort_by_key(|a| (a.start, a.end));
        let last_line = shown.last().map_or(line, |a| lines.line_column(a.start).0);
        gutter = digits(last_line.max(line));
        draw(&mut out, lines, &shown, gutter);
    } else {
        gutter = 1;
    }
    let note_word = match lang {
        Lang::Zh => "注",
        Lang::En => "note",
    };
    for n in notes {
        let _ = writeln!(out, "{:gutter$} = {note_word}: {n}", "");
    }
    out
}

/// Renders findings one after another, separated by blank lines, followed by the
/// [`summary`] line.
pub fn render_all(findings: &[Finding], source: &str, text: &str, lang: Lang) -> String {
    let lines = SourceLines::new(text);
    let mut out = String::new();
    for f in findings {
        out.push_str(&render_in(f, source, &lines, lang));
        out.push('\n');
    }
    out.push_str(&summary(source, findings, lang));
    out.push('\n');
    out
}

/// One line that counts a file's findings by severity:
/// `report.txt: 2 errors, 1 warning, 0 infos` or `report.txt：错误 2，警告 1，提示 0`.
pub fn summary(source: &str, findings: &[Finding], lang: Lang) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    match lang {
        Lang::Zh => format!("{source}：错误 {e}，警告 {w}，提示 {i}"),
        Lang::En => format!(
            "{source}: {e} error{}, {w} warning{}, {i} info{}",
            plural(e),
            plural(w),
            plural(i)
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The places to draw: those with a location within `text`, a cell labelled with its key.
fn annotations(finding: &Finding, text: &str, lang: Lang) -> Vec<Annotation> {
    let mut out = Vec::new();
    for (i, place) in finding.places.iter().enumerate() {
        let Some((start, end)) = place.location.and_then(|l| clamp(&l, text)) else {
            continue;
        };
        let key = place.key;
        let culprit = key.is_some_and(|k| finding.culprit == Some(k));
        // A blank cell has nothing to underline: it is shown when the finding is about
        // it (the first place, or the culprit); the others are counted in the notes.
        let blank = start == end;
        if blank && i > 0 && !culprit {
            continue;
        }
        // A culprit written wrong is likely a typo; one left blank, likely left out.
        let label = match (key, culprit, blank, lang) {
            (Some(k), true, false, Lang::Zh) => format!("{k}（疑为笔误）"),
            (Some(k), true, false, Lang::En) => format!("{k} (likely typo)"),
            (Some(k), true, true, Lang::Zh) => format!("{k}（空白，疑为漏填）"),
            (Some(k), true, true, Lang::En) => format!("{k} (blank: likely left out)"),
            (Some(k), false, true, Lang::Zh) => format!("{k}（空白）"),
            (Some(k), false, true, Lang::En) => format!("{k} (blank)"),
            (Some(k), false, false, _) => k.to_string(),
            (None, ..) => String::new(),
        };
        out.push(Annotation { start, end, label });
    }
    out
}

/// The span as a range of `text` on char boundaries, or `None` if it lies outside.
fn clamp(span: &Location, text: &str) -> Option<(usize, usize)> {
    let start = span.start;
    if start > text.len() || !text.is_char_boundary(start) {
        return None;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Some((start, end))
}

/// The text's lines, indexed once for all the places of all its findings.
struct SourceLines<'t> {
    text: &'t str,
    index: LineIndex<'t>,
}

impl<'t> SourceLines<'t> {
    fn new(text: &'t str) -> SourceLines<'t> {
        SourceLines {
            text,
            index: LineIndex::new(text),
        }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let (line, column) = self.index.line_col(offset);
        (line as usize, column as usize)
    }

    /// The bytes `start..end` of the line holding byte `offset` (without its newline).
    fn bounds(&self, offset: usize) -> (usize, usize) {
        self.index.line_bounds(offset)
    }
}

fn digits(n: usize) -> usize {
    n.to_string().len()
}

/// The text as drawn: tabs as spaces, carriage returns and other controls left out.
fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str(TAB),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn width(s: &str) -> usize {
    UnicodeWidthStr::width(visible(s).as_str())
}

/// Whether `s` is drawn in at most `max` columns; reads no further than needed to tell.
fn fits(s: &str, max: usize) -> bool {
    let mut used = 0;
    for c in s.chars() {
        used += width(c.encode_utf8(&mut [0; 4]));
        if used > max {
            return false;
        }
    }
    true
}

/// Moves from byte `from` by up to `columns` display columns, backwards or forwards,
/// staying within `lo..hi`.
fn walk(text: &str, from: usize, columns: usize, lo: usize, hi: usize, back: bool) -> usize {
    let mut at = from;
    let mut used = 0;
    loop {
        let next = if back {
            text.get(lo..at)
                .and_then(|s| s.char_indices().next_back())
                .map(|(i, c)| (lo + i, c))
        } else {
            text.get(at..hi)
                .and_then(|s| s.chars().next())
                .map(|c| (at + c.len_utf8(), c))
        };
        let Some((to, c)) = next else {
            return at;
        };
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > columns {
            return at;
        }
        used += w;
        at = to;
    }
}

fn draw(out: &mut String, lines: &SourceLines<'_>, annotations: &[&Annotation], gutter: usize) {
    let text = lines.text;
    let _ = writeln!(out, "{:gutter$} |", "");
    let mut previous_line: Option<usize> = None;
    let mut i = 0;
    while let Some(first) = annotations.get(i) {
        let (line_start, line_end) = lines.bounds(first.start);
        let on_line: Vec<&Annotation> = annotations[i..]
            .iter()
            .take_while(|a| a.start <= line_end)
            .copied()
            .collect();
        i += on_line.len().max(1);
        let (line, _) = lines.line_column(first.start);
        if let Some(p) = previous_line {
            if line > p + 1 {
                let _ = writeln!(out, "{:gutter$}...", "");
            }
        }
        previous_line = Some(line);

        // Cut a long line around its places.
        let lo = on_line.iter().map(|a| a.start).min().unwrap_or(line_start);
        let hi = on_line
            .iter()
            .map(|a| a.end.min(line_end))
            .max()
            .unwrap_or(line_end);
        let whole = text.get(line_start..line_end).unwrap_or("");
        let (from, to) = if fits(whole, MAX_LINE_WIDTH) {
            (line_start, line_end)
        } else {
            (
                walk(text, lo, CONTEXT_WIDTH, line_start, line_end, true),
                walk(text, hi, CONTEXT_WIDTH, line_start, line_end, false),
            )
        };
        let lead = if from > line_start { "..." } else { "" };
        let tail = if to < line_end { "..." } else { "" };
        let shown = visible(text.get(from..to).unwrap_or(""));
        let _ = writeln!(out, "{line:>gutter$} | {lead}{}{tail}", shown.trim_end());
        for a in on_line {
            let pad = lead.len() + width(text.get(from..a.start).unwrap_or(""));
            let carets = width(text.get(a.start..a.end.min(line_end)).unwrap_or("")).max(1);
            let label = if a.label.is_empty() {
                String::new()
            } else {
                format!(" {}", a.label)
            };
            let _ = writeln!(
                out,
                "{:gutter$} | {:pad$}{}{label}",
                "",
                "",
                "^".repeat(carets)
            );
        }
    }
}
