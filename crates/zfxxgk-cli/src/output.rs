//! `zfxxgk parse`: reads reports and writes what was read, in the format asked for.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Context};
use zfxxgk::Report;
use zfxxgk_export as export;

use crate::args::{ParseArgs, ParseFormat};
use crate::batch::Stats;

/// What the workers hand the writer: the report, or, for the formats that are rows of
/// text and for JSON over many reports, its bytes already encoded (so that the writer
/// only copies bytes in order).
enum Encoded {
    Report(Box<Report>),
    Rows(Vec<u8>),
}

/// Encodes a report's rows, without header, on a worker, for the formats that are rows,
/// and its item of the JSON array when there are `many` reports.
fn encode(
    format: ParseFormat,
    many: bool,
    source: &str,
    report: Report,
) -> Result<Encoded, export::Error> {
    let rows = match format {
        ParseFormat::Json if many => export::encode_sourced_json(source, &report)?,
        ParseFormat::Facts | ParseFormat::CsvTidy => {
            let mut w = export::TidyCsvWriter::new(Vec::new()).without_header();
            w.write(source, &report)?;
            w.finish()?
        }
        ParseFormat::CsvWide => {
            let mut w = export::WideCsvWriter::new(Vec::new()).without_header();
            w.write(source, &report)?;
            w.finish()?
        }
        ParseFormat::Jsonl => {
            let mut w = export::JsonLinesWriter::new(Vec::new());
            w.write(source, &report)?;
            w.finish()?
        }
        _ => return Ok(Encoded::Report(Box::new(report))),
    };
    Ok(Encoded::Rows(rows))
}

/// Where each report goes.
enum Sink {
    /// Rows encoded by the workers, after the header written when the sink was made.
    Rows(Box<dyn Write>),
    /// One report as a JSON document.
    Json(Box<dyn Write>),
    /// Many reports as a JSON array, each encoded by the workers.
    JsonArray(export::JsonArrayWriter<Box<dyn Write>>),
    ParquetFile(Box<export::WideParquetWriter<std::fs::File>>),
    ParquetDir(Box<export::ParquetDataset>),
    Markdown(Box<dyn Write>),
    Html {
        w: Box<dyn Write>,
        reports: Vec<(String, Report)>,
    },
}

impl Sink {
    fn new(a: &ParseArgs, many: bool) -> anyhow::Result<Sink> {
        let out = a.input.output.as_deref();
        Ok(match a.format {
            ParseFormat::Json if many => {
                Sink::JsonArray(export::JsonArrayWriter::new(crate::writer(out)?)?)
            }
            ParseFormat::Json => Sink::Json(crate::writer(out)?),
            ParseFormat::Jsonl => Sink::Rows(crate::writer(out)?),
            ParseFormat::Facts | ParseFormat::CsvTidy => {
                // The header alone: a writer finished before any report.
                Sink::Rows(Box::new(
                    export::TidyCsvWriter::new(crate::writer(out)?).finish()?,
                ))
            }
            ParseFormat::CsvWide => Sink::Rows(Box::new(
                export::WideCsvWriter::new(crate::writer(out)?).finish()?,
            )),
            ParseFormat::Parquet => {
                let Some(path) = out else {
                    bail!("--format parquet needs -o FILE.parquet (the wide table) or -o FOLDER (wide and tidy tables)");
                };
                let is_file = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
                if is_file {
                    let f =
                        std::fs::File::create(path).with_context(|| path.display().to_string())?;
                    Sink::ParquetFile(Box::new(export::WideParquetWriter::new(f)?))
                } else {
                    Sink::ParquetDir(Box::new(export::ParquetDataset::create(path)?))
                }
            }
            ParseFormat::Markdown => Sink::Markdown(crate::writer(out)?),
            ParseFormat::Html => Sink::Html {
                w: crate::writer(out)?,
                reports: Vec::new(),
            },
        })
    }

    fn write(&mut self, source: &str, item: Encoded) -> anyhow::Result<()> {
        let report = match (&mut *self, item) {
            (Sink::Rows(w), Encoded::Rows(bytes)) => return Ok(w.write_all(&bytes)?),
            (Sink::JsonArray(w), Encoded::Rows(bytes)) => return Ok(w.write_encoded(&bytes)?),
            (_, Encoded::Report(report)) => *report,
            (_, Encoded::Rows(_)) => anyhow::bail!("{source}: rows for a format that is not rows"),
        };
        match self {
            Sink::Rows(_) => {}
            Sink::JsonArray(w) => w.write(source, &report)?,
            Sink::Json(w) => {
                export::write_json(&mut *w, &report, export::JsonStyle::Pretty)?;
                w.write_all(b"\n")?;
            }
            Sink::ParquetFile(w) => w.write(source, &report)?,
            Sink::ParquetDir(w) => w.write(source, &report)?,
            Sink::Markdown(w) => {
                w.write_all(export::render_markdown(source, &report).as_bytes())?;
                w.write_all(b"\n")?;
            }
            Sink::Html { reports, .. } => reports.push((source.to_string(), report)),
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Rows(mut w) => w.flush()?,
            Sink::Json(mut w) => w.flush()?,
            Sink::JsonArray(w) => {
                w.finish()?;
            }
            Sink::ParquetFile(w) => {
                w.finish()?;
            }
            Sink::ParquetDir(w) => w.finish()?,
            Sink::Markdown(mut w) => w.flush()?,
            Sink::Html { mut w, reports } => {
                let page = export::render_html_page(reports.iter().map(|(s, r)| (s.as_str(), r)));
                w.write_all(page.as_bytes())?;
                w.flush()?;
            }
        }
        Ok(())
    }
}

pub fn parse(a: ParseArgs) -> anyhow::Result<ExitCode> {
    let run = crate::Run::new(&a.input)?;
    let many = run.sources.len() != 1;
    let mut sink = Sink::new(&a, many)?;
    let stats = run.batch.run(
        &run.sources,
        |source, doc| encode(a.format, many, source, doc.report),
        |o| match o.result {
            Ok(Ok(item)) => sink.write(&o.source, item),
            Ok(Err(e)) => Err(e.into()),
            Err(_) => Ok(()),
        },
    )?;
    sink.finish()?;
    if run.sources.len() > 1 {
        summary(&stats);
    }
    Ok(if run.input_failed(&stats) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn summary(s: &Stats) {
    eprintln!("zfxxgk: {}", summary_line(s));
}

pub fn summary_line(s: &Stats) -> String {
    format!(
        "{} files, {} reports read, {} unreadable; {:.1} MB in {:.2}s ({:.1} MB/s)",
        s.files,
        s.reports,
        s.unreadable,
        s.bytes as f64 / 1e6,
        s.elapsed.as_secs_f64(),
        s.mb_per_s()
    )
}
