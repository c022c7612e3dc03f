//! Markdown rendering of tables 二, 三 and 四, for a person to eyeball.

use std::fmt::Write as _;

use zfxxgk_model::Report;

use crate::layout::{grids, report_title, Block, Grid};

/// Renders the tables 二, 三 and 四 of `report` as Markdown (GitHub tables), in the
/// layout of the template of the report's edition.
///
/// Row labels and column headers are the template's wording; a header of several
/// levels is written `法人或其他组织 / 商业企业`, and a row label spanning several rows
/// stands in its first row only, as in the template's merged cells. Values are shown as
/// read (the cell's text, `81284.86元`, `１２`); blank cells and cells the report does
/// not contain are empty. A table the report does not have is said to be missing, and
/// cells outside the edition's template are listed under their table.
///
/// ```
/// use zfxxgk_model::Report;
/// let md = zfxxgk_export::render_markdown("a.txt", &Report::default());
/// assert!(md.contains("## 三、收到和处理政府信息公开申请情况"));
/// ```
pub fn render_markdown(source: &str, report: &Report) -> String {
    let mut out = String::new();
    let m = &report.meta;
    let title = report_title(report);
    let _ = writeln!(out, "# {}\n", escape(&title));
    let _ = writeln!(out, "- 来源 (source): {}", escape(source));
    if let Some(body) = &m.body {
        let _ = writeln!(out, "- 机关 (body): {}", escape(body));
    }
    if let Some(year) = m.year {
        let _ = writeln!(out, "- 年度 (year): {year}");
    }
    if let Some(edition) = m.edition {
        let _ = writeln!(out, "- 模板 (edition): {edition}");
    }
    for grid in grids(report) {
        out.push('\n');
        write_grid(&mut out, &grid);
    }
    out
}

fn write_grid(out: &mut String, grid: &Grid) {
    let _ = writeln!(out, "## {}\n", grid.title);
    if !grid.present {
        let _ = writeln!(
            out,
            "本报告没有此表 (table `{}` not in the report).",
            grid.id
        );
        return;
    }
    let _ = writeln!(out, "{} 年版模板 (edition {}).", grid.edition, grid.edition);
    for block in &grid.blocks {
        out.push('\n');
        write_block(out, block);
    }
    if !grid.extra.is_empty() {
        let _ = writeln!(
            out,
            "\n模板外的单元格 (cells outside the {} template):\n",
            grid.edition
        );
        for cell in &grid.extra {
            let _ = writeln!(out, "- `{}`: {}", cell.key, escape(&cell.text));
        }
    }
}

fn write_block(out: &mut String, block: &Block) {
    if let Some(caption) = &block.caption {
        let _ = writeln!(out, "**{caption}**\n");
    }
    let header: Vec<String> = block.flat_header.iter().map(|h| escape(h)).collect();
    write_row(out, &header);
    let rule: Vec<&str> = (0..header.len())
        .map(|i| {
            if i < block.label_columns {
                "---"
            } else {
                "---:"
            }
        })
        .collect();
    write_row(out, &rule);
    for row in &block.rows {
        let mut fields = vec![String::new(); block.label_columns];
        for label in &row.labels {
            if let Some(f) = fields.get_mut(label.level) {
                *f = escape(&label.text);
            }
        }
        fields.extend(row.cells.iter().map(|c| escape(&c.text)));
        write_row(out, &fields);
    }
}

/// Writes `| a | b |`, an empty field as `|  |`.
fn write_row<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    out.push('|');
    for f in fields {
        out.push(' ');
        out.push_str(f.as_ref());
        out.push_str(" |");
    }
    out.push('\n');
}

/// Escapes what Markdown would read as markup or as a table's column break.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' | '\n' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_table_breaks_and_markup() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("<b>*x*</b>"), "&lt;b&gt;\\*x\\*&lt;/b&gt;");
        assert_eq!(escape("1\n2"), "1 2");
        assert_eq!(escape("81284.86元"), "81284.86元");
    }
}
