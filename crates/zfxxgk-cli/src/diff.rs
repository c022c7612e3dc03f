//! `zfxxgk diff`: reads two reports (or two folders, paired by body) and writes what
//! changed, or with `--series` every body's years as tidy CSV. The comparison and the
//! pairing are `zfxxgk_rules`'s; this is reading and writing.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use unicode_width::UnicodeWidthStr;
use zfxxgk::model::Decimal;
use zfxxgk::TableId;
use zfxxgk_rules::{
    diff, series_rows, Change, ChangeKind, Comparisons, Diff, Figures, Matching, Pairing, Which,
};

use crate::args::{DiffArgs, DiffFormat};
use crate::batch::Batch;

/// The figures of every report `inputs` name, in input order, and whether one could
/// not be read.
fn read(batch: &Batch, inputs: &[String]) -> anyhow::Result<(Vec<Figures>, bool)> {
    let (sources, problems) = crate::inputs::expand(inputs);
    for p in &problems {
        eprintln!("zfxxgk: {p}");
    }
    let mut figures = Vec::with_capacity(sources.len());
    let stats = batch.run(
        &sources,
        |source, doc| Figures::of(source, &doc.report),
        |o| {
            if let Ok(f) = o.result {
                figures.push(f);
            }
            Ok(())
        },
    )?;
    Ok((
        figures,
        stats.unreadable > 0 || !problems.is_empty() || sources.is_empty(),
    ))
}

pub fn run(a: DiffArgs) -> anyhow::Result<ExitCode> {
    let batch = Batch::new(
        a.input.jobs,
        a.input.no_progress,
        crate::input_options(&a.input),
    )?;
    let mut out = crate::writer(a.input.output.as_deref())?;
    if a.series {
        let (figures, failed) = read(&batch, &a.input.inputs)?;
        write_series(&mut out, &figures, a.explain)?;
        out.flush()?;
        return Ok(if failed {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        });
    }
    let [old, new] = a.input.inputs.as_slice() else {
        bail!("diff compares two inputs, OLD and NEW (files or folders); to follow many years, use --series");
    };
    let (olds, old_failed) = read(&batch, std::slice::from_ref(old))?;
    let (news, new_failed) = read(&batch, std::slice::from_ref(new))?;
    let both_files = std::path::Path::new(old).is_file() && std::path::Path::new(new).is_file();
    let diffs: Vec<Diff> = match (olds.as_slice(), news.as_slice()) {
        ([o], [n]) if both_files => {
            let same = |f: &Figures| f.side().body.as_deref().map(zfxxgk_rules::normalize_body);
            if same(o) != same(n) || a.explain {
                eprintln!(
                    "zfxxgk: compared {} ({}) with {} ({}) as asked",
                    o.side().source,
                    o.side().body.as_deref().unwrap_or("no body"),
                    n.side().source,
                    n.side().body.as_deref().unwrap_or("no body"),
                );
            }
            vec![diff(o, n)]
        }
        _ => {
            let m = Matching::new(
                &olds.iter().map(entry).collect::<Vec<_>>(),
                &news.iter().map(entry).collect::<Vec<_>>(),
            );
            if a.explain {
                for d in &m.decisions {
                    eprintln!("zfxxgk: {d}");
                }
            }
            let left = olds.len() + news.len() - 2 * m.pairs.len();
            eprintln!(
                "zfxxgk: {} pairs compared; {left} reports not paired{}",
                m.pairs.len(),
                if left > 0 && !a.explain {
                    " (--explain says why)"
                } else {
                    ""
                }
            );
            m.pairs
                .iter()
                .filter_map(|&(o, n)| Some(diff(olds.get(o)?, news.get(n)?)))
                .collect()
        }
    };
    let changed = diffs
        .iter()
        .any(|d| !d.changes.is_empty() || !d.no_counterpart.is_empty());
    match a.format {
        DiffFormat::Human => write_human(&mut out, &diffs)?,
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &Comparisons { comparisons: diffs })?;
            out.write_all(b"\n")?;
        }
        DiffFormat::Csv => write_csv(&mut out, &diffs)?,
    }
    out.flush()?;
    Ok(if old_failed || new_failed {
        ExitCode::from(2)
    } else if changed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A report as `Matching` takes it: source, body, year.
fn entry(f: &Figures) -> (&str, Option<&str>, Option<u16>) {
    let s = f.side();
    (s.source.as_str(), s.body.as_deref(), s.year)
}

fn which(w: Which) -> &'static str {
    match w {
        Which::Old => "OLD",
        Which::New => "NEW",
    }
}

fn signed(d: Decimal) -> String {
    if d.is_sign_positive() && !d.is_zero() {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

/// The change column of the human table: the signed change, or what kind of change
/// has none.
fn change_text(c: &Change) -> String {
    match (c.kind, c.change) {
        (_, Some(d)) => signed(d),
        (ChangeKind::BlankToZero, _) => "blank -> 0".into(),
        (ChangeKind::ZeroToBlank, _) => "0 -> blank".into(),
        (ChangeKind::BlankToNumber, _) => "was blank".into(),
        (ChangeKind::NumberToBlank, _) => "now blank".into(),
        (ChangeKind::OnlyOld, _) => "only in OLD".into(),
        (ChangeKind::OnlyNew, _) => "only in NEW".into(),
        _ => "text".into(),
    }
}

fn percent(r: Decimal) -> String {
    let mut p = r.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(r).round_dp(1);
    p.rescale(1);
    format!("{}%", signed(p))
}

fn pad(s: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(s.width()));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

fn side_line(s: &zfxxgk_rules::Side) -> String {
    format!(
        "{}  {}  {}  edition {}",
        s.source,
        s.body.as_deref().unwrap_or("(no body)"),
        s.year.map_or("(no year)".into(), |y| y.to_string()),
        s.edition.map_or("?", |e| e.as_str())
    )
}

fn write_human(out: &mut dyn Write, diffs: &[Diff]) -> anyhow::Result<()> {
    for (i, d) in diffs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "--- OLD {}", side_line(&d.old))?;
        writeln!(out, "+++ NEW {}", side_line(&d.new))?;
        for m in &d.missing_tables {
            writeln!(
                out,
                "table {} ({}) is missing in {}: its cells are listed as in one report only",
                m.table,
                m.table.title(),
                which(m.missing_in)
            )?;
        }
        for table in TableId::ALL {
            let changes = d.largest_first(table);
            writeln!(out)?;
            if changes.is_empty() {
                writeln!(out, "{table} {}: no change", table.title())?;
                continue;
            }
            writeln!(
                out,
                "{table} {}: {} change{}",
                table.title(),
                changes.len(),
                if changes.len() == 1 { "" } else { "s" }
            )?;
            let rows: Vec<[String; 5]> = changes
                .iter()
                .map(|c| {
                    [
                        c.key.as_str().to_owned(),
                        c.old.clone().map_or("-".into(), blank_shown),
                        c.new.clone().map_or("-".into(), blank_shown),
                        change_text(c),
                        c.relative.map(percent).unwrap_or_default(),
                    ]
                })
                .collect();
            let header = ["key", "old", "new", "change", "relative"].map(String::from);
            let mut widths = [0usize; 5];
            for r in std::iter::once(&header).chain(&rows) {
                for (w, cell) in widths.iter_mut().zip(r) {
                    *w = (*w).max(cell.width());
                }
            }
            for r in std::iter::once(&header).chain(&rows) {
                let line: Vec<String> = r
                    .iter()
                    .zip(widths)
                    .enumerate()
                    .map(|(j, (cell, w))| pad(cell, w, j > 0))
                    .collect();
                writeln!(out, "  {}", line.join("  ").trim_end())?;
            }
        }
        if !d.no_counterpart.is_empty() {
            writeln!(out)?;
            for side in [Which::Old, Which::New] {
                let keys: Vec<&str> = d
                    .no_counterpart
                    .iter()
                    .filter(|n| n.side == side)
                    .map(|n| n.key.as_str())
                    .collect();
                if !keys.is_empty() {
                    writeln!(
                        out,
                        "{} keys of {} have no counterpart in the other edition: {}",
                        keys.len(),
                        which(side),
                        keys.join(", ")
                    )?;
                }
            }
        }
        writeln!(out, "\n{} cells unchanged", d.unchanged)?;
    }
    Ok(())
}

/// A value as the human table shows it: `(blank)` for a blank cell.
fn blank_shown(v: String) -> String {
    if v.is_empty() {
        "(blank)".into()
    } else {
        v
    }
}

fn write_csv(out: &mut dyn Write, diffs: &[Diff]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "old_source",
        "new_source",
        "key",
        "kind",
        "old",
        "new",
        "change",
        "relative",
    ])?;
    let text = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    for d in diffs {
        let (os, ns) = (d.old.source.as_str(), d.new.source.as_str());
        for c in &d.changes {
            w.write_record([
                os,
                ns,
                c.key.as_str(),
                c.kind.as_str(),
                c.old.as_deref().unwrap_or(""),
                c.new.as_deref().unwrap_or(""),
                &text(c.change),
                &text(c.relative),
            ])?;
        }
        for n in &d.no_counterpart {
            let (old, new) = match n.side {
                Which::Old => (n.value.as_str(), ""),
                Which::New => ("", n.value.as_str()),
            };
            w.write_record([os, ns, n.key.as_str(), "no_counterpart", old, new, "", ""])?;
        }
    }
    w.flush()?;
    Ok(())
}

fn write_series(out: &mut dyn Write, figures: &[Figures], explain: bool) -> anyhow::Result<()> {
    let pairing = Pairing::new(
        figures
            .iter()
            .map(|f| (f.side().body.as_deref(), f.side().year)),
    );
    if explain {
        let sources: Vec<&str> = figures.iter().map(|f| f.side().source.as_str()).collect();
        for line in pairing.explain(&sources) {
            eprintln!("zfxxgk: {line}");
        }
    }
    eprintln!(
        "zfxxgk: {} bodies, {} consecutive pairs; {} reports in no series{}",
        pairing.bodies.len(),
        pairing.consecutive().count(),
        pairing.unpaired.len(),
        if !pairing.unpaired.is_empty() && !explain {
            " (--explain says why)"
        } else {
            ""
        }
    );
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["body", "year", "key", "value", "change", "source"])?;
    let mut year = itoa::Buffer::new();
    for r in series_rows(figures, &pairing) {
        let change = r.change.map(|c| c.to_string()).unwrap_or_default();
        w.write_record([
            r.body,
            year.format(r.year),
            r.key.as_str(),
            &r.value,
            &change,
            r.source,
        ])?;
    }
    w.flush()?;
    Ok(())
}
