//! `zfxxgk` with no command: read the built-in sample report, show its tables as the
//! template lays them out, say what `check` finds, and what to run next.

use std::io::Write;
use std::process::ExitCode;

use zfxxgk::Severity;

pub fn run() -> anyhow::Result<ExitCode> {
    let doc = zfxxgk::read(
        zfxxgk::SAMPLE_REPORT.as_bytes(),
        &zfxxgk::InputOptions::default(),
    )?;
    let report = &doc.report;
    let mut out = crate::writer(None)?;
    writeln!(
        out,
        "zfxxgk: the built-in sample report ({})",
        zfxxgk::SAMPLE_NAME
    )?;
    writeln!(
        out,
        "edition {}, {} cells read in {} tables\n",
        report.meta.edition.map_or("unknown", |e| e.as_str()),
        report.cells().count(),
        report.tables.len()
    )?;
    out.write_all(zfxxgk_export::render_markdown(zfxxgk::SAMPLE_NAME, report).as_bytes())?;
    let findings = zfxxgk_rules::check(report);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    writeln!(
        out,
        "\n`zfxxgk check` finds {} findings ({} errors) in it:",
        findings.len(),
        errors
    )?;
    for f in &findings {
        writeln!(out, "  {}[{}]: {}", f.severity, f.rule, f.message.en)?;
    }
    writeln!(
        out,
        "\nNext:\n  zfxxgk check FILE|DIR...                  point at every figure that is off, like a compiler\n  zfxxgk parse FILE|DIR... --format facts   source,key,value for every cell\n  zfxxgk parse DIR -o out/ --format parquet wide and tidy tables for pandas, DuckDB, Spark\n  zfxxgk rules                              the validation rules\n  zfxxgk --help                             everything else"
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
