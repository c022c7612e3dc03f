//! Reading a PDF next to what `pdftotext -layout` alone costs on the same file, each
//! a whole process of poppler's: `zfxxgk::read` writes the bytes to a temporary file,
//! runs `pdftotext -bbox-layout`, lays the words out, lexes and parses; the baseline
//! runs `pdftotext -layout` on the file and reads its output. The goal (issue 17): the
//! read costs at most 1.5x the baseline.
//!
//! ```sh
//! cargo bench --bench pdf
//! ```
//!
//! The PDFs are the real ones of `../shared/corpus/real` and the converted ones of
//! `tests/corpus/converted`; without `pdftotext` on `PATH` nothing is measured.

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// The PDFs measured, by name.
fn pdfs() -> Vec<(String, PathBuf)> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        here.join("../shared/corpus/real"),
        here.join("tests/corpus/converted"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("{}: absent, skipped", dir.display());
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        paths.sort();
        for p in paths {
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push((name, p));
        }
    }
    out
}

/// `pdftotext -layout -enc UTF-8 FILE -`, its output read.
fn layout(path: &Path) -> Vec<u8> {
    Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .stdin(Stdio::null())
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default()
}

fn pdf(c: &mut Criterion) {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("pdftotext is not installed: nothing measured");
        return;
    }
    let opts = zfxxgk::InputOptions::default();
    let mut g = c.benchmark_group("pdf");
    for (name, path) in pdfs() {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        g.bench_with_input(
            BenchmarkId::new("pdftotext-layout", &name),
            &path,
            |b, p| b.iter(|| black_box(layout(p))),
        );
        g.bench_with_input(
            BenchmarkId::new("zfxxgk-read", &name),
            &bytes,
            |b, bytes| {
                b.iter(|| black_box(zfxxgk::read(bytes, &opts).map(|d| d.report.cells().count())))
            },
        );
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = pdf
}
criterion_main!(benches);
