//! Allocations per report are bounded by the number of cells, not by the bytes: the
//! lexer borrows from the text, and narrative is skimmed without copying it.
//!
//! Counted with `dhat`'s testing mode as the global allocator. dhat allows one
//! profiler at a time, so this binary has a single test.

mod support;

use std::collections::BTreeMap;

use support::render::{keys, render, Model, LAYOUTS};
use zfxxgk::Edition;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Allocations (blocks) made by `f`.
fn allocations(f: impl FnOnce()) -> u64 {
    let before = dhat::HeapStats::get().total_blocks;
    f();
    dhat::HeapStats::get().total_blocks - before
}

/// Decode, lex, parse and check, as the CLI does for each file.
fn read_and_check(bytes: &[u8]) {
    let doc = zfxxgk::read(bytes, &zfxxgk::InputOptions::default()).expect("readable");
    std::hint::black_box(zfxxgk::check(&doc.report));
}

/// Table cells the lexer finds: the measure allocations are held to.
fn lexed_cells(text: &str) -> u64 {
    zfxxgk::lex::lex(text)
        .iter()
        .filter_map(|b| b.table())
        .map(|t| t.cell_count() as u64)
        .sum()
}

/// Words on the lines short enough to be read as a table row of running text (at most
/// 100 characters, as parse reads them): the cells of reading-order text (`pdftotext`
/// without `-layout`) and of one cell per line, which the lexer leaves in paragraphs.
fn text_row_words(text: &str) -> u64 {
    text.lines()
        .filter(|l| l.trim().chars().count() <= 100)
        .map(|l| l.split_whitespace().count() as u64)
        .sum()
}

/// Paragraphs of running text with no table and no fact in them, long lines and short.
fn narrative(paragraphs: usize) -> String {
    let mut out = String::new();
    for i in 0..paragraphs {
        out.push_str("本机关坚持以公开为常态、不公开为例外，持续深化政务公开，推进决策、执行、管理、服务、结果公开，不断提升政务公开质量和实效，更好地服务经济社会发展。\n");
        out.push_str("加强组织领导\n");
        out.push_str(&format!("第{i}次会议研究部署政务公开工作。\n\n"));
    }
    out
}

/// `text` with `extra` inserted after its first section heading's line.
fn padded(text: &str, extra: &str) -> String {
    let at = text
        .find("一、总体情况\n")
        .map_or(0, |i| i + "一、总体情况\n".len());
    format!("{}{extra}{}", &text[..at], &text[at..])
}

/// Allocations per lexed cell above which the read counts as allocating per byte.
const PER_CELL: u64 = 24;
/// Allocations any report needs whatever its size (rules, template lookups, the model).
const FIXED: u64 = 1500;

#[test]
fn allocations_are_bounded_by_cells_not_bytes() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let mut cells = BTreeMap::new();
    for (i, k) in keys(Edition::V2021).into_iter().enumerate() {
        cells.insert(k, (i % 13).to_string());
    }
    let m = Model {
        edition: Edition::V2021,
        year: 2023,
        cells,
    };
    // The first read initialises what lives for the whole process: not counted.
    read_and_check(render(&m, LAYOUTS[0]).as_bytes());
    for layout in LAYOUTS {
        let text = render(&m, layout);
        let n = lexed_cells(&text);
        let small = allocations(|| read_and_check(text.as_bytes()));
        println!(
            "{layout:?}: {} bytes, {n} cells, {small} allocations ({:.2} per cell)",
            text.len(),
            small as f64 / n as f64
        );
        assert!(
            small <= PER_CELL * n + FIXED,
            "{layout:?}: {small} allocations for {n} cells"
        );

        // A hundred times the narrative: the same cells, and allocations do not follow
        // the bytes (vectors that grow by doubling add a few).
        let big = padded(&text, &narrative(400));
        assert_eq!(lexed_cells(&big), n, "{layout:?}: the padding made cells");
        let large = allocations(|| read_and_check(big.as_bytes()));
        println!(
            "{layout:?} with narrative: {} bytes, {large} allocations",
            big.len()
        );
        assert!(
            large <= small + 200,
            "{layout:?}: {small} allocations for {} bytes, {large} for {} bytes",
            text.len(),
            big.len()
        );
    }

    // The corpus, where it is beside the repo.
    let found = support::corpus::reports();
    let mut failures = Vec::new();
    for r in &found.reports {
        let Ok(bytes) = std::fs::read(&r.path) else {
            continue;
        };
        if bytes.starts_with(b"%PDF") {
            continue;
        }
        let Some(doc) = support::corpus::read(r, &mut failures) else {
            continue;
        };
        // A report whose tables the lexer did not find as tables may still be read from
        // its lines of running text.
        let n = lexed_cells(&doc.text).max(text_row_words(&doc.text));
        let count = allocations(|| read_and_check(&bytes));
        println!(
            "{}: {} bytes, {n} cells, {count} allocations",
            r.name,
            bytes.len()
        );
        if !r.name.ends_with(".html") {
            assert!(
                count <= PER_CELL * n + FIXED,
                "{}: {count} allocations for {n} cells",
                r.name
            );
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}
