//! Reads a report file and prints its table 三 as the template lays it out.
//!
//! ```text
//! cargo run --example table3                  # the built-in sample
//! cargo run --example table3 -- report.pdf    # any report: text, HTML, DOCX, PDF
//! ```

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
    let report = &doc.report;
    let Some(table) = report.table(TableId::T3) else {
        println!("{name}: no table 三 was found");
        return Ok(());
    };
    let edition = table.edition.unwrap_or(Edition::V2021);
    println!("{name}: 三、收到和处理政府信息公开申请情况 ({edition} edition)\n");
    let label_width = 34;
    print!("{:label_width$}", "");
    for c in T3_COLUMNS {
        print!("{:>8}", short(c.label));
    }
    println!();
    for row in Template::of(edition).t3_rows {
        let label = format!("{}{}", row.number, row.label);
        let label: String = label.chars().take(16).collect();
        print!(
            "{}{}",
            label,
            " ".repeat(label_width.saturating_sub(width(&label)))
        );
        for c in T3_COLUMNS {
            let value = CellKey::from_parts(TableId::T3, row.key, c.key)
                .and_then(|k| table.cell(k))
                .map(|cell| cell.value.normalized());
            match value {
                Some(v) if v.is_empty() => print!("{:>8}", "·"),
                Some(v) => print!("{v:>8}"),
                None => print!("{:>8}", "?"),
            }
        }
        println!();
    }
    println!("\n· blank cell   ? not in the report");
    Ok(())
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
