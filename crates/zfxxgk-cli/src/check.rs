//! `zfxxgk check` and `zfxxgk rules`.
//!
//! The workers check each report and encode its findings in the format asked for (the
//! text for standard error, the JSON items or the CSV rows), so that this thread only
//! copies bytes in input order and hands T305 each report's small summary: `check`
//! then scales with threads as `parse` does, and memory stays flat.

use std::io::Write;
use std::ops::AddAssign;
use std::process::ExitCode;

use anyhow::bail;
use zfxxgk::{Finding, Severity};
use zfxxgk_export as export;
use zfxxgk_rules::{Lang, RuleSet, SeriesCheck, SeriesSummary};

use crate::args::{CheckArgs, CheckFormat, LangArg};

fn lang(l: LangArg) -> Lang {
    match l {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    }
}

/// Counts by severity.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Tally {
    fn of(findings: &[Finding]) -> Tally {
        let mut t = Tally::default();
        for f in findings {
            match f.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Info => t.infos += 1,
            }
        }
        t
    }
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }
}

pub fn rule_set(a: &CheckArgs) -> anyhow::Result<RuleSet> {
    let allow: Vec<&str> = a.allow.iter().map(String::as_str).collect();
    let only: Vec<&str> = a.only.iter().map(String::as_str).collect();
    let set = RuleSet::builtin();
    if let Err(e) = set.ensure_known(&allow) {
        bail!("--allow: {e}");
    }
    let mut set = set.allow(&allow);
    if !only.is_empty() {
        set = set.only(&only);
    }
    Ok(set)
}

/// What a worker hands on for one report.
struct Checked {
    /// Its findings as `Output::write_encoded` takes them.
    encoded: Vec<u8>,
    tally: Tally,
    /// What T305 needs of the report, when the rules have T305.
    summary: Option<SeriesSummary>,
}

/// Where findings go, and in which format.
enum Output {
    /// Text for people, on standard error.
    Human(Lang),
    /// One JSON document.
    Json(export::FindingsJsonWriter<Box<dyn Write>>),
    /// CSV rows after the header.
    Csv(Box<dyn Write>, Lang),
}

impl Output {
    fn new(format: CheckFormat, lang: Lang, out: Box<dyn Write>) -> anyhow::Result<Output> {
        Ok(match format {
            CheckFormat::Human => Output::Human(lang),
            CheckFormat::Json => Output::Json(export::FindingsJsonWriter::new(
                out,
                lang,
                export::JsonStyle::Pretty,
            )?),
            // The header alone: a writer finished before any finding.
            CheckFormat::Csv => {
                Output::Csv(export::FindingsCsvWriter::new(out, lang).finish()?, lang)
            }
        })
    }

    /// Encodes the findings of the report read from `source` (whose text is `text`,
    /// for the human format's excerpts), on any thread.
    fn encode(
        format: CheckFormat,
        lang: Lang,
        source: &str,
        text: &str,
        findings: &[Finding],
    ) -> anyhow::Result<Vec<u8>> {
        Ok(match format {
            CheckFormat::Human => {
                zfxxgk_rules::render_all(findings, source, text, lang).into_bytes()
            }
            CheckFormat::Json => {
                export::encode_findings_json(source, findings, lang, export::JsonStyle::Pretty)?
            }
            CheckFormat::Csv => {
                let mut w = export::FindingsCsvWriter::new(Vec::new(), lang).without_header();
                w.write(source, findings)?;
                w.finish()?
            }
        })
    }

    /// Copies what [`Output::encode`] made, in order.
    fn write_encoded(&mut self, encoded: &[u8]) -> anyhow::Result<()> {
        match self {
            Output::Human(_) => std::io::stderr().lock().write_all(encoded)?,
            Output::Json(w) => w.write_encoded(encoded)?,
            Output::Csv(w, _) => w.write_all(encoded)?,
        }
        Ok(())
    }

    /// Writes a finding that came after all reports (T305's), about `source`.
    fn write_late(&mut self, source: &str, f: &Finding) -> anyhow::Result<()> {
        match self {
            Output::Human(lang) => eprintln!("{}", zfxxgk_rules::render(f, source, "", *lang)),
            Output::Json(w) => w.write(source, std::slice::from_ref(f))?,
            Output::Csv(w, lang) => {
                let mut csv = export::FindingsCsvWriter::new(&mut *w, *lang).without_header();
                csv.write(source, std::slice::from_ref(f))?;
                csv.finish()?;
            }
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Output::Human(_) => {}
            Output::Json(w) => {
                let mut out = w.finish()?;
                out.write_all(b"\n")?;
                out.flush()?;
            }
            Output::Csv(mut w, _) => w.flush()?,
        }
        Ok(())
    }
}

pub fn run(a: CheckArgs) -> anyhow::Result<ExitCode> {
    let set = rule_set(&a)?;
    let run = crate::Run::new(&a.input)?;
    let lang = lang(a.lang);
    let mut output = Output::new(a.format, lang, crate::writer(a.input.output.as_deref())?)?;
    let mut tally = Tally::default();
    // T305, fed each report's summary in input order; its index is the report's
    // position in `run.sources`, for naming it at the end.
    let mut series = SeriesCheck::of(&set);
    if a.explain {
        series = series.explaining();
    }
    let summaries = series.is_on();
    let mut position = 0usize;
    // On the workers: the rules, the encoding, and what T305 keeps of the report.
    let work = |source: &str, doc: zfxxgk::Document| -> anyhow::Result<Checked> {
        let findings = set.check(&doc.report);
        Ok(Checked {
            encoded: Output::encode(a.format, lang, source, &doc.text, &findings)?,
            tally: Tally::of(&findings),
            summary: summaries.then(|| SeriesSummary::of(&doc.report)),
        })
    };
    let stats = run.batch.run(&run.sources, work, |o| {
        let index = position;
        position += 1;
        let Ok(checked) = o.result else {
            return Ok(());
        };
        let checked = checked?;
        tally += checked.tally;
        output.write_encoded(&checked.encoded)?;
        if let Some(summary) = checked.summary {
            series.add(index, &o.source, summary);
        }
        Ok(())
    })?;
    if a.explain {
        for line in series.explain() {
            eprintln!("zfxxgk: T305: {line}");
        }
    }
    // T305's findings come once every report has been given: a pair is dropped when a
    // second report of one body for one year comes later.
    for (i, f) in series.finish() {
        let source = run.sources.get(i).map(|s| s.name()).unwrap_or_default();
        tally += Tally::of(std::slice::from_ref(&f));
        output.write_late(&source, &f)?;
    }
    output.finish()?;
    eprintln!(
        "zfxxgk: {}; {} errors, {} warnings, {} infos",
        crate::output::summary_line(&stats),
        tally.errors,
        tally.warnings,
        tally.infos
    );
    Ok(if run.input_failed(&stats) {
        ExitCode::from(2)
    } else if tally.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn list_rules(l: LangArg) -> anyhow::Result<ExitCode> {
    let mut out = crate::writer(None)?;
    for r in RuleSet::builtin().rules() {
        let d = match l {
            LangArg::Zh => r.description_zh(),
            LangArg::En => r.description_en(),
        };
        writeln!(out, "{}\t{}\t{}", r.id(), r.severity(), d)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
