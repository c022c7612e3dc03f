//! Shows the table grids a mangled report text holds, using only `zfxxgk-lex`.
//!
//! ```text
//! cargo run --example grids                 # the built-in sample
//! cargo run --example grids -- report.txt   # a UTF-8 text file of yours
//! ```

use zfxxgk_lex::{lex, BlockKind, LineIndex};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => zfxxgk::SAMPLE_REPORT.to_string(),
    };
    let index = LineIndex::new(&text);
    for block in lex(&text) {
        let (line, _) = index.line_col(block.span.start);
        match &block.kind {
            BlockKind::Table(table) => {
                println!(
                    "line {line}: table ({:?}, {} rows)",
                    table.layout,
                    table.len()
                );
                for row in table.rows() {
                    let cells: Vec<String> = row
                        .cells()
                        .map(|c| format!("[{}]", c.text.replace('\n', "⏎")))
                        .collect();
                    println!("    {}", cells.join(" "));
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
                println!("line {line}: {kind:?} {short}");
            }
        }
    }
    Ok(())
}
