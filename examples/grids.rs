//! Shows the table grids a mangled report text holds, using only `zfxxgk-lex`.
//!
//! ```text
//! cargo run --example grids                 # the built-in sample
//! cargo run --example grids -- report.txt   # a UTF-8 text file of yours
//! ```

use zfxxgk_lex::{lex, BlockKind, LineIndex};

use std::fmt::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => zfxxgk::SAMPLE_REPORT.to_string(),
    };
    print!("{}", grids(&text)?);
    Ok(())
}

/// A line per block of `text`, and a line per row under each table.
fn grids(text: &str) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    let index = LineIndex::new(text);
    for block in lex(text) {
        let (line, _) = index.line_col(block.span.start);
        match &block.kind {
            BlockKind::Table(table) => {
                writeln!(
                    out,
                    "line {line}: table ({:?}, {} rows)",
                    table.layout,
                    table.len()
                )?;
                for row in table.rows() {
                    let cells: Vec<String> = row
                        .cells()
                        .map(|c| format!("[{}]", c.text.replace('\n', "⏎")))
                        .collect();
                    writeln!(out, "    {}", cells.join(" "))?;
                }
            }
            BlockKind::Blank => {}
            kind => {
                let first = block
                    .text
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("");
                let short: String = first.trim().chars().take(30).collect();
                writeln!(out, "line {line}: {kind:?} {short}")?;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    /// The sample's three tables are grids, and its section headings are headings.
    #[test]
    fn shows_the_sample_reports_grids() {
        let out = super::grids(zfxxgk::SAMPLE_REPORT).expect("writes to a String");
        let tables = out.lines().filter(|l| l.contains(": table (")).count();
        assert!(tables >= 3, "{out}");
        assert!(out.lines().any(|l| l.contains("[（七）总计]")), "{out}");
        assert!(out.lines().any(|l| l.contains("Heading")), "{out}");
    }
}
