//! The whole pipeline on any input — read, parse, check, render and every exporter —
//! with the invariants of issue 7 checked on the way: nothing read is lost, every
//! location points into the text, and the JSON export reads back to the same report.
//!
//! Shared by `tests/robust.rs` and the fuzz targets in `fuzz/` (which include this file
//! by path), so a crash found by either is replayed by both. Parquet is left out: the
//! facade does not enable zfxxgk-export's `parquet` feature.

use std::path::PathBuf;

use zfxxgk::lex::{lex, BlockKind as LexKind, LineIndex};
use zfxxgk::model::{BlockKind, Location, Report};
use zfxxgk::{Finding, InputOptions};
use zfxxgk_export as export;

/// Options that read every kind of file except PDF: `pdftotext` is not run (it is
/// another program, and slow), so a PDF is an `InputError`.
pub fn options() -> InputOptions {
    InputOptions {
        pdftotext: Some(PathBuf::from("/nonexistent/zfxxgk-fuzz/pdftotext")),
        ..InputOptions::default()
    }
}

/// Bytes through [`zfxxgk::read`], then the rest of the pipeline on what was read.
///
/// # Errors
/// A sentence naming the invariant that failed.
pub fn run_bytes(bytes: &[u8]) -> Result<(), String> {
    match zfxxgk::read(bytes, &options()) {
        Ok(doc) => run_report(&doc.text, &doc.report),
        Err(e) => {
            // An input error must still say something.
            if e.to_string().is_empty() {
                return Err(format!("empty message for {e:?}"));
            }
            Ok(())
        }
    }
}

/// Text through [`zfxxgk::parse_text`], then the rest of the pipeline.
///
/// # Errors
/// A sentence naming the invariant that failed.
pub fn run_text(text: &str) -> Result<(), String> {
    let report = zfxxgk::parse_text(text);
    run_report(text, &report)
}

/// Checks the report read from `text`, then runs the rules, the renderer and every
/// exporter on it.
///
/// # Errors
/// A sentence naming the invariant that failed.
pub fn run_report(text: &str, report: &Report) -> Result<(), String> {
    blocks_tile(text, report)?;
    locations_in_text(text, report)?;
    numbers_kept(text, report)?;
    let findings = zfxxgk::check(report);
    texts_in_both_languages(text, report, &findings)?;
    places_are_the_cells(report, &findings)?;
    for lang in [zfxxgk_rules::Lang::Zh, zfxxgk_rules::Lang::En] {
        let _ = zfxxgk_rules::render_all(&findings, "fuzz.txt", text, lang);
        let _ = zfxxgk_rules::summary("fuzz.txt", &findings, lang);
    }
    let earlier = Report {
        meta: report.meta.clone(),
        ..Report::default()
    };
    let _ = zfxxgk_rules::check_series(&[("a.txt", &earlier), ("b.txt", report)]);
    let _ = zfxxgk::RuleSet::builtin().check_series(&[("a.txt", report), ("b.txt", report)]);
    compared(report, &earlier)?;
    export_all(report, &findings)
}

/// The year-over-year comparison: a report against itself changes nothing, and against
/// a report with none of its cells every cell is in one report only.
///
/// # Errors
/// A sentence naming what the comparison got wrong.
pub fn compared(report: &Report, empty: &Report) -> Result<(), String> {
    let this = zfxxgk_rules::Figures::of("b.txt", report);
    let same = zfxxgk_rules::diff(&this, &this);
    if !same.changes.is_empty() || !same.no_counterpart.is_empty() {
        return Err(format!(
            "a report against itself changed: {:?}",
            same.changes
        ));
    }
    let cells = this.cells().count();
    if same.unchanged != cells {
        return Err(format!(
            "{} of {cells} cells unchanged against itself",
            same.unchanged
        ));
    }
    let from_nothing = zfxxgk_rules::diff(&zfxxgk_rules::Figures::of("a.txt", empty), &this);
    let listed = from_nothing.changes.len() + from_nothing.no_counterpart.len();
    if listed != cells || from_nothing.unchanged != 0 {
        return Err(format!(
            "{listed} of {cells} cells listed against an empty report"
        ));
    }
    let pairing = zfxxgk_rules::Pairing::new([
        (report.meta.body.as_deref(), report.meta.year),
        (
            empty.meta.body.as_deref(),
            empty.meta.year.map(|y| y.saturating_add(1)),
        ),
    ]);
    let _ = pairing.explain(&["b.txt", "a.txt"]);
    Ok(())
}

/// Every exporter of zfxxgk-export, and the JSON and JSON Lines round trips.
///
/// # Errors
/// A sentence naming the exporter that failed or the round trip that changed the report.
pub fn export_all(report: &Report, findings: &[Finding]) -> Result<(), String> {
    fn e(what: &'static str) -> impl Fn(export::Error) -> String {
        move |err| format!("{what}: {err}")
    }

    for style in [export::JsonStyle::Compact, export::JsonStyle::Pretty] {
        let mut json = Vec::new();
        export::write_json(&mut json, report, style).map_err(e("write_json"))?;
        let back = export::read_json(json.as_slice()).map_err(e("read_json"))?;
        if &back != report {
            return Err(format!(
                "JSON ({style:?}) did not read back to the same report"
            ));
        }
    }

    let mut lines = export::JsonLinesWriter::new(Vec::new());
    lines.write("a.txt", report).map_err(e("json lines"))?;
    lines
        .write("b\n\"x\".txt", report)
        .map_err(e("json lines"))?;
    let lines = lines.finish().map_err(e("json lines"))?;
    let back: Vec<export::SourcedReport> = export::read_json_lines(lines.as_slice())
        .collect::<Result<_, _>>()
        .map_err(e("read_json_lines"))?;
    if back.len() != 2 || back.iter().any(|s| &s.report != report) {
        return Err("JSON Lines did not read back to the same reports".to_owned());
    }

    let mut wide = export::WideCsvWriter::new(Vec::new());
    wide.write("a.txt", report).map_err(e("wide csv"))?;
    wide.finish().map_err(e("wide csv"))?;
    let mut tidy = export::TidyCsvWriter::new(Vec::new());
    tidy.write("a.txt", report).map_err(e("tidy csv"))?;
    tidy.finish().map_err(e("tidy csv"))?;
    let mut keys = export::TidyCsvWriter::keys_only(Vec::new());
    keys.write("a.txt", report)
        .map_err(e("tidy csv, keys only"))?;
    keys.finish().map_err(e("tidy csv, keys only"))?;

    for lang in [export::Lang::Zh, export::Lang::En] {
        let mut csv = export::FindingsCsvWriter::new(Vec::new(), lang);
        csv.write("a.txt", findings).map_err(e("findings csv"))?;
        csv.finish().map_err(e("findings csv"))?;
    }
    let mut json = Vec::new();
    export::write_findings_json(
        &mut json,
        findings.iter().map(|f| ("a.txt", f)),
        export::JsonStyle::Compact,
    )
    .map_err(e("findings json"))?;
    serde_json::from_slice::<serde_json::Value>(&json)
        .map_err(|err| format!("findings JSON is not JSON: {err}"))?;

    let _ = export::render_markdown("a.txt", report);
    let _ = export::render_html("a.txt", report);
    let _ = export::render_html_page([("a.txt", report), ("b.txt", report)]);
    Ok(())
}

/// The report's blocks tile the text: each starts where the previous ended, the first
/// at 0 and the last at the end, none is empty, and each has its right line and column.
///
/// # Errors
/// Where the tiling breaks.
pub fn blocks_tile(text: &str, report: &Report) -> Result<(), String> {
    let index = LineIndex::new(text);
    let mut at = 0;
    for (i, b) in report.blocks.iter().enumerate() {
        let l = &b.location;
        if (l.line, l.column) != index.line_col(l.start) {
            return Err(format!(
                "block {i} at {} says line {}, column {}; it is at {:?}",
                l.start,
                l.line,
                l.column,
                index.line_col(l.start)
            ));
        }
        if b.location.start != at || b.location.end <= at {
            return Err(format!(
                "block {i} ({:?}) covers {:?}, expected to start at {at}",
                b.kind,
                b.location.range()
            ));
        }
        at = b.location.end;
    }
    if at != text.len() {
        return Err(format!(
            "the blocks end at {at}, the text at {}",
            text.len()
        ));
    }
    Ok(())
}

/// Every parser note and every finding's message and notes, of the report read from
/// `text`, have a Chinese text (with a Chinese character in it, and no English word:
/// [`english_in`]) and an English one.
///
/// # Errors
/// The first text that lacks one.
pub fn texts_in_both_languages(
    text: &str,
    report: &Report,
    findings: &[Finding],
) -> Result<(), String> {
    let check = |what: &str, t: &zfxxgk::Text| {
        let chinese = t.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        if !chinese || t.en.trim().is_empty() {
            return Err(format!("{what} is not in both languages: {t:?}"));
        }
        if let Some(word) = english_in(&t.zh, text) {
            return Err(format!(
                "{what}'s Chinese holds the English {word:?}: {t:?}"
            ));
        }
        Ok(())
    };
    for n in &report.notes {
        check("a parser note", &n.message)?;
    }
    for f in findings {
        check(&format!("{}'s message", f.rule), &f.message)?;
        for n in &f.notes {
            check(&format!("a note of {}", f.rule), n)?;
        }
    }
    Ok(())
}

/// An English word in a Chinese text: an ASCII word of two letters or more, not all
/// capitals (`UTF`, `PDF`), that is no part of a cell key (`natural_person` is one) and
/// that `source`, the report's text, does not hold (a message may quote the report,
/// whose text is anything), as `no` in `可读作 no way`.
pub fn english_in<'z>(zh: &'z str, source: &str) -> Option<&'z str> {
    static KEY_WORDS: std::sync::LazyLock<std::collections::BTreeSet<&str>> =
        std::sync::LazyLock::new(|| {
            zfxxgk::model::CellKey::all()
                .flat_map(|k| k.as_str().split('.'))
                .collect()
        });
    zh.split(|c: char| !c.is_ascii_alphabetic() && c != '_')
        .find(|w| {
            w.len() > 1
                && w.bytes().any(|b| b.is_ascii_lowercase())
                && !KEY_WORDS.contains(w)
                && !source.contains(w)
        })
}

/// A finding's place that names a cell has that cell's text as read and its location.
///
/// # Errors
/// The first place that does not.
pub fn places_are_the_cells(report: &Report, findings: &[Finding]) -> Result<(), String> {
    for f in findings {
        for p in &f.places {
            let Some(key) = p.key else { continue };
            let Some(cell) = report.cell(key) else {
                return Err(format!("{} names {key}, which the report lacks", f.rule));
            };
            if p.value.as_deref().is_some_and(|v| v != cell.raw)
                || p.location != Some(cell.location)
            {
                return Err(format!(
                    "{} names {key} as {p:?}, but it is {cell:?}",
                    f.rule
                ));
            }
        }
    }
    Ok(())
}

/// Every location in the report is a slice of the text (in bounds, on character
/// boundaries).
///
/// # Errors
/// The first location that is not.
pub fn locations_in_text(text: &str, report: &Report) -> Result<(), String> {
    let check = |what: &str, l: &Location| {
        if text.get(l.range()).is_none() {
            return Err(format!(
                "{what} at {:?} is not a slice of the text",
                l.range()
            ));
        }
        Ok(())
    };
    for b in &report.blocks {
        check("block", &b.location)?;
    }
    for s in &report.sections {
        check("section heading", &s.location)?;
        check("section body", &s.body)?;
    }
    for t in &report.tables {
        check("table", &t.location)?;
        for c in &t.cells {
            check(c.key.as_str(), &c.location)?;
        }
    }
    for f in &report.facts {
        check("fact", &f.location)?;
    }
    for u in &report.unplaced {
        check("unplaced", &u.location)?;
    }
    for n in &report.notes {
        if let Some(l) = &n.location {
            check("note", l)?;
        }
    }
    if let Some(l) = &report.meta.title_location {
        check("title", l)?;
    }
    Ok(())
}

/// A cell that certainly reads as a number: one to nine ASCII digits.
fn plain_number(t: &str) -> bool {
    (1..=9).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// Nothing is lost: in every table block, each number among a row's values (the cells
/// after its last cell of text) is a cell of a table or stands inside an unplaced
/// entry; what is left is label and header text, inside a block of kind `Table`.
///
/// # Errors
/// The first number that was dropped.
pub fn numbers_kept(text: &str, report: &Report) -> Result<(), String> {
    let mut placed: Vec<(usize, usize)> = report
        .cells()
        .map(|c| (c.location.start, c.location.end))
        .collect();
    placed.sort_unstable();
    let mut kept: Vec<(usize, usize)> = report
        .unplaced
        .iter()
        .map(|u| (u.location.start, u.location.end))
        .collect();
    kept.sort_unstable();
    let table_blocks: Vec<(usize, usize)> = report
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Table)
        .map(|b| (b.location.start, b.location.end))
        .collect();
    for block in lex(text) {
        let LexKind::Table(table) = &block.kind else {
            continue;
        };
        let (s, e) = (block.span.start, block.span.end);
        if table_blocks.binary_search(&(s, e)).is_err() {
            return Err(format!(
                "table block {s}..{e} is not in the report's outline"
            ));
        }
        for row in table.rows() {
            // Anything that is neither blank nor a plain number may be text.
            let values_from = row
                .cells()
                .rposition(|c| !c.text.trim().is_empty() && !plain_number(c.text.trim()))
                .map_or(0, |i| i + 1);
            for c in row.cells().skip(values_from) {
                if !plain_number(c.text.trim()) {
                    continue;
                }
                let span = (c.span.start, c.span.end);
                let is_cell = placed.binary_search(&span).is_ok();
                if !is_cell && !inside(&kept, span) {
                    return Err(format!(
                        "the number {:?} at {}..{} (row {:?}) is neither a table cell nor unplaced",
                        c.text,
                        span.0,
                        span.1,
                        text.get(row.span().range()).unwrap_or(""),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Whether `span` lies inside one of the sorted ranges.
fn inside(ranges: &[(usize, usize)], span: (usize, usize)) -> bool {
    let upto = ranges.partition_point(|r| r.0 <= span.0);
    ranges[..upto].iter().rev().any(|r| r.1 >= span.1)
}
