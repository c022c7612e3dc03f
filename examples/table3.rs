//! Reads a report file and prints its table 三 as the template lays it out.
//!
//! ```text
//! cargo run --example table3                  # the built-in sample
//! cargo run --example table3 -- report.pdf    # any report: text, HTML, DOCX, PDF
//! ```

use std::fmt::Write;

use zfxxgk::model::{CellKey, Edition, TableId, Template, T3_COLUMNS};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let opts = zfxxgk::InputOptions::default();
    let (name, doc) = match std::env::args().nth(1) {
        Some(path) => (path.clone(), zfxxgk::read_file(path.as_ref(), &opts)?),
        None => (
            zfxxgk::SAMPLE_NAME.to_string(),
            zfxxgk::read(zfxxgk::SAMPLE_REPORT.as_bytes(), &opts)?,
        ),
    };
    print!("{}", table3(&name, &doc.report)?);
    Ok(())
}

/// Table 三 of `report` laid out as the template lays it out, a line per row.
fn table3(name: &str, report: &zfxxgk::model::Report) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    let Some(table) = report.table(TableId::T3) else {
        writeln!(out, "{name}: no table 三 was found")?;
        return Ok(out);
    };
    let edition = table.edition.unwrap_or(Edition::V2021);
    writeln!(
        out,
        "{name}: 三、收到和处理政府信息公开申请情况 ({edition} edition)\n"
    )?;
    let label_width = 34;
    write!(out, "{:label_width$}", "")?;
    for c in T3_COLUMNS {
        write!(out, "{:>8}", short(c.label))?;
    }
    writeln!(out)?;
    for row in Template::of(edition).t3_rows {
        let label = format!("{}{}", row.number, row.label);
        let label: String = label.chars().take(16).collect();
        write!(
            out,
            "{}{}",
            label,
            " ".repeat(label_width.saturating_sub(width(&label)))
        )?;
        for c in T3_COLUMNS {
            let value = CellKey::from_parts(TableId::T3, row.key, c.key)
                .and_then(|k| table.cell(k))
                .map(|cell| cell.value.normalized());
            match value {
                Some(v) if v.is_empty() => write!(out, "{:>8}", "·")?,
                Some(v) => write!(out, "{v:>8}")?,
                None => write!(out, "{:>8}", "?")?,
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "\n· blank cell   ? not in the report")?;
    Ok(out)
}

/// The last four characters of a column label (`社会公益组织` → `公益组织`).
fn short(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    let s: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    format!("{s:>width$}", width = 8 - (width(&s) - s.chars().count()))
}

/// Display width: CJK characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

#[cfg(test)]
mod tests {
    #[test]
    fn lays_out_the_sample_reports_table_3() {
        let doc = zfxxgk::read(
            zfxxgk::SAMPLE_REPORT.as_bytes(),
            &zfxxgk::InputOptions::default(),
        )
        .expect("the sample reads");
        let out = super::table3(zfxxgk::SAMPLE_NAME, &doc.report).expect("writes to a String");
        let edition = doc
            .report
            .table(zfxxgk::model::TableId::T3)
            .and_then(|t| t.edition)
            .expect("the sample has table 三 of a known edition");
        let rows = zfxxgk::model::Template::of(edition).t3_rows;
        let lines: Vec<&str> = out.lines().collect();
        // A title, a blank line, the column header, a line per template row.
        let body = &lines[3..3 + rows.len()];
        assert!(body[rows.len() - 2].starts_with("（七）总计"), "{out}");
        assert!(body[0].trim_end().ends_with(" 1"), "{out}");
        // The sample is a whole report: no cell of table 三 is missing.
        assert!(!body.iter().any(|l| l.contains('?')), "{out}");
    }
}
