//! HTML `<table>`s inside a text file, as markdown from PDF converters often has.

use scraper::Html;

use super::grid;
use super::html::table_rows;
use super::nesting::{limit_nesting, MAX_NESTING};

/// Whether `text` holds both `<table` and `</table` (ASCII case ignored), found by
/// memchr without lowercasing a copy: text without them is handed on as it is.
pub(crate) fn has_tables(text: &str) -> bool {
    let bytes = text.as_bytes();
    let has = |tag: &[u8]| {
        memchr::memchr_iter(b'<', bytes).any(|at| {
            bytes
                .get(at..at + tag.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(tag))
        })
    };
    has(b"<table") && has(b"</table")
}

/// Replaces each `<table>…</table>` in a text file (markdown from PDF converters often
/// carries HTML tables) with pipe rows; other text is left as it is.
pub(crate) fn embedded_tables(text: &str, budget: usize) -> Option<String> {
    if !has_tables(text) {
        return Some(text.to_owned());
    }
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    while let Some(start) = lower
        .get(pos..)
        .and_then(|r| r.find("<table"))
        .map(|i| i + pos)
    {
        let Some(end) = table_end(&lower, start) else {
            break;
        };
        out.push_str(text.get(pos..start).unwrap_or_default());
        let source = text.get(start..end).unwrap_or_default();
        let fragment = Html::parse_fragment(&limit_nesting(source, MAX_NESTING));
        let table = fragment
            .root_element()
            .descendent_elements()
            .find(|e| e.value().name() == "table");
        if let Some(table) = table {
            let remaining = budget.saturating_sub(out.len());
            let rows = grid::expand(&table_rows(table), remaining)?;
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            if !grid::write_pipe_rows(&rows, &mut out, remaining) {
                return None;
            }
            out.push('\n');
        }
        pos = end;
        // The table's own line end now follows the blank line we wrote.
        if text.get(pos..).is_some_and(|r| r.starts_with('\n')) {
            pos += 1;
        }
    }
    out.push_str(text.get(pos..).unwrap_or_default());
    (out.len() <= budget).then_some(out)
}

/// Byte offset just past the `</table>` closing the table opened at `start`.
///
/// One pass: each `<table` and `</table` is found once.
fn table_end(lower: &str, start: usize) -> Option<usize> {
    let find_from = |pos: usize, needle: &str| lower.get(pos..)?.find(needle).map(|i| i + pos);
    let mut depth = 0usize;
    let mut pos = start;
    let mut open = find_from(pos, "<table");
    loop {
        let close = find_from(pos, "</table")?;
        match open {
            Some(o) if o < close => {
                depth += 1;
                pos = o + "<table".len();
                open = find_from(pos, "<table");
            }
            _ => {
                depth = depth.saturating_sub(1);
                pos = close + lower.get(close..)?.find('>')? + 1;
                if depth == 0 {
                    return Some(pos);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_lines_and_converts_html_tables() {
        let md = "# 年度报告\n一、总体情况\n<table><tr><td rowspan=2>甲</td><td>1</td></tr>\
                  <tr><td>2</td></tr></table>\n二、主动公开\n";
        assert_eq!(
            embedded_tables(md, 1 << 20).as_deref(),
            Some("# 年度报告\n一、总体情况\n\n| 甲 | 1 |\n| 甲 | 2 |\n\n二、主动公开\n")
        );
        assert_eq!(embedded_tables("plain\n", 100).as_deref(), Some("plain\n"));
        assert_eq!(
            embedded_tables("a <table> never closed", 100).as_deref(),
            Some("a <table> never closed")
        );
    }
}
