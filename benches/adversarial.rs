//! Adversarial inputs (issue 7): lexing and parsing stay linear. One group per input,
//! each measured at 1, 4, 16 and 64 MB with `Throughput::Bytes`, through
//! `zfxxgk::lex::lex` alone and through `zfxxgk::parse_text`, so that time per MB shows
//! as flat (criterion prints it as MiB/s). The `findings` group does the same for
//! `check` and rendering on a table whose every extra row is a finding.
//!
//! ```sh
//! cargo bench --bench adversarial                      # every input, every size
//! cargo bench --bench adversarial -- pipes             # one input
//! ZFXXGK_BENCH_MAX_MB=4 cargo bench --bench adversarial   # sizes up to 4 MB only
//! ```
//!
//! Each figure comes from ten runs (flat sampling, no long warm-up): enough to tell a
//! flat line from a slope, short enough to run every input in a few minutes.

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};

#[path = "../tests/support/adversarial.rs"]
mod inputs;

use inputs::INPUTS;

const MB: usize = 1024 * 1024;
const SIZES_MB: [usize; 4] = [1, 4, 16, 64];

fn max_mb() -> usize {
    std::env::var("ZFXXGK_BENCH_MAX_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64)
}

fn adversarial(c: &mut Criterion) {
    let max = max_mb();
    for (name, generate) in INPUTS {
        let mut group = c.benchmark_group(*name);
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_millis(1))
            .measurement_time(Duration::from_secs(1));
        for mb in SIZES_MB.into_iter().filter(|&mb| mb <= max) {
            let text = generate(mb * MB);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new("lex", mb), &text, |b, t| {
                b.iter(|| black_box(zfxxgk::lex::lex(t)).len());
            });
            group.bench_with_input(BenchmarkId::new("parse", mb), &text, |b, t| {
                b.iter(|| black_box(zfxxgk::parse_text(t)).blocks.len());
            });
        }
        group.finish();
    }
}

/// Checking and rendering the findings of a table 三 with a hundred thousand rows and
/// more: every row past the template's is a finding (S003), drawn with its source line.
fn findings(c: &mut Criterion) {
    let max = max_mb();
    let Some((_, generate)) = INPUTS.iter().find(|(n, _)| *n == "t3-tab-rows") else {
        return;
    };
    let mut group = c.benchmark_group("findings");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(1));
    for mb in SIZES_MB.into_iter().filter(|&mb| mb <= max) {
        let text = generate(mb * MB);
        let report = zfxxgk::parse_text(&text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("check", mb), &report, |b, r| {
            b.iter(|| black_box(zfxxgk::check(r)).len());
        });
        let found = zfxxgk::check(&report);
        group.bench_with_input(BenchmarkId::new("render", mb), &found, |b, f| {
            b.iter(|| {
                black_box(zfxxgk_rules::render_all(
                    f,
                    "t3.txt",
                    &text,
                    zfxxgk_rules::Lang::En,
                ))
                .len()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, adversarial, findings);
criterion_main!(benches);
