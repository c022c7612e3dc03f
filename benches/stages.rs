//! Each stage of the pipeline on the same inputs, with `Throughput::Bytes`:
//! decode, lex, parse, check, and every exporter, on the corpus and on generated
//! reports in each of the five table layouts.
//!
//! The `pipeline` and `pipeline-gb18030` groups put the whole read (decode, lex,
//! parse, check) next to the floor any reader pays, `std::str::from_utf8` and
//! `encoding_rs`'s GB18030 decoder over the same bytes, so that each figure is a
//! ratio taken in one run on this noisy machine:
//!
//! ```sh
//! cargo bench --bench stages                 # everything, a few minutes
//! cargo bench --bench stages -- pipeline     # just the end-to-end groups
//! ```
//!
//! The corpus inputs need `../shared/corpus` beside the repo; without it only the
//! generated reports are measured.

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use zfxxgk::InputOptions;
use zfxxgk_export::{
    render_html, render_markdown, write_json, JsonLinesWriter, JsonStyle, TidyCsvWriter,
    WideCsvWriter,
};

#[allow(dead_code)]
#[path = "../tests/support/render.rs"]
mod render;

/// One input: a name and the bytes of one or more report files.
struct Input {
    name: String,
    files: Vec<Vec<u8>>,
}

impl Input {
    fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.len() as u64).sum()
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn read_files(paths: &[PathBuf]) -> Vec<Vec<u8>> {
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// The corpus's text reports (seeds, and the real `.txt` and `.md`): the mix the
/// end-to-end goal is stated for. `corpus-html` is the real web page on its own.
fn corpus_inputs() -> Vec<Input> {
    let dir = corpus_dir();
    let mut text = Vec::new();
    let mut html = Vec::new();
    for sub in ["seeds", "real"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            match p.extension().and_then(|e| e.to_str()) {
                Some("txt" | "md") => text.push(p),
                Some("html") => html.push(p),
                _ => {}
            }
        }
    }
    if text.is_empty() {
        eprintln!("{}: absent, corpus inputs skipped", dir.display());
    }
    [("corpus-mix", text), ("corpus-html", html)]
        .into_iter()
        .filter(|(_, p)| !p.is_empty())
        .map(|(name, paths)| Input {
            name: name.to_string(),
            files: read_files(&paths),
        })
        .collect()
}

/// A report of the 2021 template with every cell filled, rendered in `layout`.
fn generated(layout: render::Layout) -> Input {
    let edition = zfxxgk::Edition::V2021;
    let cells = render::keys(edition)
        .into_iter()
        .enumerate()
        .map(|(i, k)| {
            let v = if i % 11 == 0 {
                String::new()
            } else {
                ((i * 37) % 500).to_string()
            };
            (k, v)
        })
        .collect();
    let model = render::Model {
        edition,
        year: 2023,
        cells,
    };
    let name = match layout {
        render::Layout::CellPerLine => "cell-per-line",
        render::Layout::TabRows => "tab-rows",
        render::Layout::Pipes => "pipes",
        render::Layout::Markdown => "markdown",
        render::Layout::Aligned => "aligned",
        render::Layout::BoxDrawn => "box-drawn",
        render::Layout::AsciiGrid => "ascii-grid",
        render::Layout::OpenPipes => "open-pipes",
        render::Layout::CellPerParagraph => "cell-per-paragraph",
        render::Layout::CellPerParagraphLossy => "cell-per-paragraph-lossy",
    };
    Input {
        name: name.to_string(),
        files: vec![render::render(&model, layout).into_bytes()],
    }
}

fn inputs() -> Vec<Input> {
    let mut out = corpus_inputs();
    out.extend(render::LAYOUTS.into_iter().map(generated));
    out
}

/// Every input decoded to text once, and read once, for the later stages.
struct Prepared {
    name: String,
    bytes: u64,
    texts: Vec<String>,
    reports: Vec<zfxxgk::Report>,
}

fn prepare(inputs: &[Input]) -> Vec<Prepared> {
    inputs
        .iter()
        .map(|i| {
            let texts: Vec<String> = i
                .files
                .iter()
                .filter_map(|f| zfxxgk::read_input(f, &InputOptions::default()).ok())
                .map(|d| d.text)
                .collect();
            let reports = texts.iter().map(|t| zfxxgk::parse_text(t)).collect();
            Prepared {
                name: i.name.clone(),
                bytes: i.bytes(),
                texts,
                reports,
            }
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let inputs = inputs();
    let prepared = prepare(&inputs);
    let opts = InputOptions::default();

    let mut g = c.benchmark_group("decode");
    for i in &inputs {
        g.throughput(Throughput::Bytes(i.bytes()));
        g.bench_with_input(BenchmarkId::new("read_input", &i.name), i, |b, i| {
            b.iter(|| {
                for f in &i.files {
                    black_box(zfxxgk::read_input(black_box(f), &opts).ok());
                }
            });
        });
        g.bench_with_input(BenchmarkId::new("decode_text", &i.name), i, |b, i| {
            b.iter(|| {
                for f in &i.files {
                    black_box(zfxxgk::input::decode_text(black_box(f)));
                }
            });
        });
    }
    g.finish();

    let mut g = c.benchmark_group("lex");
    for p in &prepared {
        g.throughput(Throughput::Bytes(p.bytes));
        g.bench_with_input(BenchmarkId::from_parameter(&p.name), p, |b, p| {
            b.iter(|| {
                for t in &p.texts {
                    black_box(zfxxgk::lex::lex(black_box(t)));
                }
            });
        });
    }
    g.finish();

    let mut g = c.benchmark_group("parse");
    for p in &prepared {
        g.throughput(Throughput::Bytes(p.bytes));
        g.bench_with_input(BenchmarkId::from_parameter(&p.name), p, |b, p| {
            b.iter(|| {
                for t in &p.texts {
                    black_box(zfxxgk::parse_text(black_box(t)));
                }
            });
        });
    }
    g.finish();

    let mut g = c.benchmark_group("check");
    for p in &prepared {
        g.throughput(Throughput::Bytes(p.bytes));
        g.bench_with_input(BenchmarkId::from_parameter(&p.name), p, |b, p| {
            b.iter(|| {
                for r in &p.reports {
                    black_box(zfxxgk::check(black_box(r)));
                }
            });
        });
    }
    g.finish();

    exporters(c, &prepared);
    pipeline(c, &inputs);
}

fn exporters(c: &mut Criterion, prepared: &[Prepared]) {
    type Export = fn(&zfxxgk::Report) -> usize;
    let formats: [(&str, Export); 6] = [
        ("json", |r| {
            let mut out = Vec::new();
            write_json(&mut out, r, JsonStyle::Compact).map_or(0, |()| out.len())
        }),
        ("jsonl", |r| {
            let mut w = JsonLinesWriter::new(Vec::new());
            w.write("bench.txt", r).ok();
            w.finish().map_or(0, |o| o.len())
        }),
        ("csv-wide", |r| {
            let mut w = WideCsvWriter::new(Vec::new());
            w.write("bench.txt", r).ok();
            w.finish().map_or(0, |o| o.len())
        }),
        ("csv-tidy", |r| {
            let mut w = TidyCsvWriter::new(Vec::new());
            w.write("bench.txt", r).ok();
            w.finish().map_or(0, |o| o.len())
        }),
        ("markdown", |r| render_markdown("bench.txt", r).len()),
        ("html", |r| render_html("bench.txt", r).len()),
    ];
    for (format, export) in formats {
        let mut g = c.benchmark_group(format!("export-{format}"));
        for p in prepared {
            g.throughput(Throughput::Bytes(p.bytes));
            g.bench_with_input(BenchmarkId::from_parameter(&p.name), p, |b, p| {
                b.iter(|| {
                    for r in &p.reports {
                        black_box(export(black_box(r)));
                    }
                });
            });
        }
        g.finish();
    }
}

/// Decode, lex, parse and check one file, as the CLI does for each.
fn end_to_end(bytes: &[u8], opts: &InputOptions) -> usize {
    match zfxxgk::read(bytes, opts) {
        Ok(doc) => zfxxgk::check(&doc.report).len() + doc.report.tables.len(),
        Err(_) => 0,
    }
}

fn pipeline(c: &mut Criterion, inputs: &[Input]) {
    let opts = InputOptions::default();
    let mut g = c.benchmark_group("pipeline");
    for i in inputs {
        g.throughput(Throughput::Bytes(i.bytes()));
        g.bench_with_input(BenchmarkId::new("from_utf8", &i.name), i, |b, i| {
            b.iter(|| {
                for f in &i.files {
                    black_box(std::str::from_utf8(black_box(f)).is_ok());
                }
            });
        });
        g.bench_with_input(BenchmarkId::new("end_to_end", &i.name), i, |b, i| {
            b.iter(|| {
                for f in &i.files {
                    black_box(end_to_end(black_box(f), &opts));
                }
            });
        });
    }
    g.finish();

    // The same reports encoded in GB18030, as most Chinese government sites serve
    // text: the decoder alone next to the whole read.
    let mut g = c.benchmark_group("pipeline-gb18030");
    for i in inputs {
        let gb = Input {
            name: i.name.clone(),
            files: i
                .files
                .iter()
                .map(|f| {
                    let text = String::from_utf8_lossy(f);
                    encoding_rs::GB18030.encode(&text).0.into_owned()
                })
                .collect(),
        };
        g.throughput(Throughput::Bytes(gb.bytes()));
        g.bench_with_input(BenchmarkId::new("encoding_rs", &gb.name), &gb, |b, i| {
            b.iter(|| {
                for f in &i.files {
                    let (text, _) = encoding_rs::GB18030.decode_without_bom_handling(black_box(f));
                    black_box(text.len());
                }
            });
        });
        g.bench_with_input(BenchmarkId::new("end_to_end", &gb.name), &gb, |b, i| {
            b.iter(|| {
                for f in &i.files {
                    black_box(end_to_end(black_box(f), &opts));
                }
            });
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = stages
}
criterion_main!(benches);
