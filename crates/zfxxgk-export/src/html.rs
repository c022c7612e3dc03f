//! HTML rendering of tables 二, 三 and 四: a small self-contained page.

use std::fmt::Write as _;

use zfxxgk_model::Report;

use crate::layout::{grids, report_title, Block, Grid};

const STYLE: &str = "body{font-family:sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;margin:0 0 1.5em}\
caption{text-align:left;font-weight:bold;padding:.3em 0}\
th,td{border:1px solid #999;padding:.25em .5em}\
thead th{background:#eee}\
tbody th{text-align:left;font-weight:normal;background:#fafafa}\
td{text-align:right;min-width:2.5em}\
td.text{background:#fff4d6;text-align:left}\
td.absent{background:#eee}\
dl.meta dt{font-weight:bold;float:left;clear:left;width:8em}\
dl.meta dd{margin-left:8em}\
section.report{border-top:2px solid #999;margin-top:2em}";

/// Renders the tables 二, 三 and 四 of `report` as a self-contained HTML page (no
/// scripts, no outside resources), in the template's layout with its two- and
/// three-level headers and merged row labels.
///
/// Values are shown as read; blank cells and cells the report does not contain are
/// empty (the latter shaded). Each value cell carries its canonical key as `title`, so
/// hovering tells which key it is, and a class `number`, `blank`, `text` or `absent`.
/// All text is escaped.
///
/// ```
/// use zfxxgk_model::Report;
/// let html = zfxxgk_export::render_html("<a>.txt", &Report::default());
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("&lt;a&gt;.txt"));
/// ```
pub fn render_html(source: &str, report: &Report) -> String {
    render_html_page([(source, report)])
}

/// Renders several reports into one page, one after the other, as [`render_html`]
/// renders one.
pub fn render_html_page<'a, I>(reports: I) -> String
where
    I: IntoIterator<Item = (&'a str, &'a Report)>,
{
    let mut body = String::new();
    let mut titles = Vec::new();
    for (source, report) in reports {
        let title = report_title(report);
        write_report(&mut body, source, &title, report);
        titles.push(title);
    }
    let page_title = match titles.as_slice() {
        [one] => one.clone(),
        _ => "政府信息公开工作年度报告".to_owned(),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(&page_title)
    )
}

fn write_report(out: &mut String, source: &str, title: &str, report: &Report) {
    let m = &report.meta;
    let _ = writeln!(
        out,
        "<section class=\"report\">\n<h1>{}</h1>",
        escape(title)
    );
    let _ = writeln!(out, "<dl class=\"meta\">");
    let _ = writeln!(out, "<dt>来源</dt><dd>{}</dd>", escape(source));
    if let Some(body) = &m.body {
        let _ = writeln!(out, "<dt>机关</dt><dd>{}</dd>", escape(body));
    }
    if let Some(year) = m.year {
        let _ = writeln!(out, "<dt>年度</dt><dd>{year}</dd>");
    }
    if let Some(edition) = m.edition {
        let _ = writeln!(out, "<dt>模板</dt><dd>{edition}</dd>");
    }
    let _ = writeln!(out, "</dl>");
    for grid in grids(report) {
        write_grid(out, &grid);
    }
    let _ = writeln!(out, "</section>");
}

fn write_grid(out: &mut String, grid: &Grid) {
    let _ = writeln!(out, "<h2>{}</h2>", escape(&grid.title));
    if !grid.present {
        let _ = writeln!(
            out,
            "<p class=\"missing\">本报告没有此表 (table <code>{}</code> not in the report).</p>",
            grid.id
        );
        return;
    }
    let _ = writeln!(
        out,
        "<p class=\"edition\">{} 年版模板 (edition {}).</p>",
        grid.edition, grid.edition
    );
    for block in &grid.blocks {
        write_block(out, block);
    }
    if !grid.extra.is_empty() {
        let _ = writeln!(
            out,
            "<p>模板外的单元格 (cells outside the {} template):</p>\n<ul class=\"extra\">",
            grid.edition
        );
        for cell in &grid.extra {
            let _ = writeln!(
                out,
                "<li><code>{}</code>: {}</li>",
                cell.key,
                escape(&cell.text)
            );
        }
        let _ = writeln!(out, "</ul>");
    }
}

fn spans(colspan: usize, rowspan: usize) -> String {
    let mut s = String::new();
    if colspan > 1 {
        let _ = write!(s, " colspan=\"{colspan}\"");
    }
    if rowspan > 1 {
        let _ = write!(s, " rowspan=\"{rowspan}\"");
    }
    s
}

fn write_block(out: &mut String, block: &Block) {
    out.push_str("<table>\n");
    if let Some(caption) = &block.caption {
        let _ = writeln!(out, "<caption>{}</caption>", escape(caption));
    }
    out.push_str("<thead>\n");
    for row in &block.header {
        out.push_str("<tr>");
        for h in row {
            let _ = write!(
                out,
                "<th scope=\"col\"{}>{}</th>",
                spans(h.colspan, h.rowspan),
                escape(&h.text)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</thead>\n<tbody>\n");
    for row in &block.rows {
        out.push_str("<tr>");
        for label in &row.labels {
            let _ = write!(
                out,
                "<th scope=\"row\"{}>{}</th>",
                spans(label.colspan, label.rowspan),
                escape(&label.text)
            );
        }
        for cell in &row.cells {
            let _ = write!(
                out,
                "<td class=\"{}\" title=\"{}\">{}</td>",
                cell.shape.as_str(),
                cell.key,
                escape(&cell.text)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Escapes text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("３.２万元"), "３.２万元");
    }
}
