//! `zfxxgk check` and `zfxxgk rules`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use zfxxgk::{Finding, Severity};
use zfxxgk_export as export;
use zfxxgk_rules::{Lang, Pairing, RuleSet, SeriesCheck, SeriesSummary};

use crate::args::{CheckArgs, CheckFormat, LangArg};

fn lang(l: LangArg) -> Lang {
    match l {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    }
}

/// Counts by severity.
#[derive(Debug, Default)]
struct Tally {
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Tally {
    fn add(&mut self, findings: &[Finding]) {
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
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

pub fn run(a: CheckArgs) -> anyhow::Result<ExitCode> {
    let set = rule_set(&a)?;
    let run = crate::Run::new(&a.input)?;
    let mut tally = Tally::default();
    let mut out = crate::writer(a.input.output.as_deref())?;
    let mut csv = match a.format {
        CheckFormat::Csv => Some(export::FindingsCsvWriter::new(
            std::mem::replace(&mut out, Box::new(std::io::sink())),
            lang(a.lang),
        )),
        _ => None,
    };
    let mut json: Vec<(String, Finding)> = Vec::new();
    // T305, fed each report's summary in input order; its index is the report's
    // position in `run.sources`, for naming it at the end.
    let mut series = SeriesCheck::new();
    let mut position = 0usize;
    let mut explained: Vec<(String, Option<String>, Option<u16>)> = Vec::new();
    let stderr = std::io::stderr();
    let human = a.format == CheckFormat::Human;
    let keep_series = set.contains(zfxxgk::RuleId::T305);
    // On the workers: the rules, the rendering, and what T305 keeps of the report.
    let work = |source: &str, doc: zfxxgk::Document| {
        let findings = set.check(&doc.report);
        let rendered =
            human.then(|| zfxxgk_rules::render_all(&findings, source, &doc.text, lang(a.lang)));
        let part = keep_series.then(|| SeriesSummary::of(&doc.report));
        (findings, rendered, part)
    };
    let stats = run.batch.run(&run.sources, work, |o| {
        let index = position;
        position += 1;
        let Ok((findings, rendered, part)) = o.result else {
            return Ok(());
        };
        tally.add(&findings);
        if let Some(text) = rendered {
            stderr.lock().write_all(text.as_bytes())?;
        }
        match a.format {
            CheckFormat::Human => {}
            CheckFormat::Json => json.extend(findings.into_iter().map(|f| (o.source.clone(), f))),
            CheckFormat::Csv => {
                if let Some(w) = csv.as_mut() {
                    w.write(&o.source, &findings)?;
                }
            }
        }
        if let Some(part) = part {
            if a.explain {
                explained.push((o.source.clone(), part.body().map(String::from), part.year()));
            }
            series.add(index, &o.source, part);
        }
        Ok(())
    })?;
    if a.explain {
        let pairing = Pairing::new(explained.iter().map(|(_, b, y)| (b.as_deref(), *y)));
        let sources: Vec<&str> = explained.iter().map(|(s, ..)| s.as_str()).collect();
        for line in pairing.explain(&sources) {
            eprintln!("zfxxgk: T305: {line}");
        }
    }
    // T305's findings come once every report has been given: a pair is dropped when a
    // second report of one body for one year comes later.
    for (i, f) in series.finish() {
        let source = run.sources.get(i).map(|s| s.name()).unwrap_or_default();
        let source = source.as_str();
        tally.add(std::slice::from_ref(&f));
        match a.format {
            CheckFormat::Human => {
                eprintln!("{}", zfxxgk_rules::render(&f, source, "", lang(a.lang)))
            }
            CheckFormat::Json => json.push((source.to_string(), f)),
            CheckFormat::Csv => {
                if let Some(w) = csv.as_mut() {
                    w.write(source, std::slice::from_ref(&f))?;
                }
            }
        }
    }
    match a.format {
        CheckFormat::Json => {
            export::write_findings_json(
                &mut out,
                json.iter().map(|(s, f)| (s.as_str(), f)),
                export::JsonStyle::Pretty,
            )?;
            out.write_all(b"\n")?;
        }
        CheckFormat::Csv => {
            if let Some(w) = csv.take() {
                w.finish()?.flush()?;
            }
        }
        CheckFormat::Human => {}
    }
    out.flush()?;
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
