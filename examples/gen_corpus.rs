//! Writes a corpus of generated reports into a folder, for batch benchmarks.
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT_DIR [COUNT]
//! ```
//!
//! Each report is consistent (every sum of the template holds), of either edition, for
//! one of a few hundred bodies and a run of years, in one of the five layouts real
//! reports arrive in, in UTF-8 or GBK, nested in folders by year. The same COUNT gives
//! the same files.

#[path = "../tests/support/render.rs"]
#[allow(dead_code)]
mod render;

use std::collections::BTreeMap;
use std::path::Path;

use render::{Layout, Model, LAYOUTS};
use zfxxgk::model::{Edition, Template, T3_COLUMNS, T4_COLUMNS, T4_GROUPS};

/// xorshift64*: small, deterministic, good enough to vary reports.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn model(rng: &mut Rng, year: u16, carried: &mut [u64; 6]) -> Model {
    let edition = Edition::for_year(year);
    let t = Template::of(edition);
    let mut cells = BTreeMap::new();
    for sub in t.t2 {
        for r in sub.rows {
            for c in sub.columns {
                let v = match c.key {
                    "items_change" => format!("{}", rng.below(21) as i64 - 10),
                    // 对外公开总数量 counts this year's and earlier years' documents.
                    "published_total" => (rng.below(5000) + 5000).to_string(),
                    "amount" => format!("{}.{:02}元", rng.below(1_000_000), rng.below(100)),
                    "amount_10k_yuan" => format!("{}.{}", rng.below(10_000), rng.below(10)),
                    _ => rng.below(5000).to_string(),
                };
                cells.insert(format!("t2.{}.{}", r.key, c.key), v);
            }
        }
    }
    // Table 三, column by column: received + carried over = results + carried forward.
    let results: Vec<&str> = t
        .t3_rows
        .iter()
        .map(|r| r.key)
        .filter(|k| {
            !matches!(
                *k,
                "new_received" | "carried_over" | "results_total" | "carried_forward"
            )
        })
        .collect();
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    // The six applicant columns; 总计 is summed from them below.
    for (n, col) in T3_COLUMNS[..6].iter().map(|c| c.key).enumerate() {
        let scale = if col == "natural_person" { 200 } else { 8 };
        let received = rng.below(scale);
        // Last year's carried forward is this year's carried over (T305).
        let over = carried[n];
        let forward = rng.below(over + received / 10 + 1).min(received + over);
        let mut left = received + over - forward;
        let mut parts = BTreeMap::new();
        for (i, r) in results.iter().enumerate() {
            let v = if i + 1 == results.len() {
                left
            } else {
                rng.below(left / 3 + 1)
            };
            left -= v;
            parts.insert(*r, v);
        }
        let answered: u64 = parts.values().sum();
        carried[n] = forward;
        let mut put = |row: &'static str, v: u64| {
            cells.insert(format!("t3.{row}.{col}"), v.to_string());
            *totals.entry(row).or_default() += v;
        };
        put("new_received", received);
        put("carried_over", over);
        for (r, v) in parts {
            put(r, v);
        }
        put("results_total", answered);
        put("carried_forward", forward);
    }
    for (row, v) in totals {
        cells.insert(format!("t3.{row}.total"), v.to_string());
    }
    for g in T4_GROUPS {
        let mut sum = 0;
        for c in &T4_COLUMNS[..4] {
            let v = rng.below(4);
            sum += v;
            cells.insert(format!("t4.{}.{}", g.key, c.key), v.to_string());
        }
        cells.insert(format!("t4.{}.total", g.key), sum.to_string());
    }
    Model {
        edition,
        year,
        cells,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: gen_corpus OUT_DIR [COUNT]")?;
    let count: usize = args.next().map_or(Ok(10_000), |c| c.parse())?;
    let bytes = generate(Path::new(&out), count)?;
    eprintln!("{count} reports, {:.1} MB, in {out}", bytes as f64 / 1e6);
    Ok(())
}

/// Writes `count` reports under `out`, in a folder per year; returns the bytes written.
fn generate(out: &Path, count: usize) -> std::io::Result<usize> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ count as u64);
    let mut bytes = 0usize;
    let mut carried = [0u64; 6];
    for i in 0..count {
        let year = 2019 + (i % 6) as u16;
        let body = i / 6;
        if i % 6 == 0 {
            carried = [0; 6];
        }
        let m = model(&mut rng, year, &mut carried);
        let layout: Layout = LAYOUTS[i % LAYOUTS.len()];
        let text =
            render::render(&m, layout).replace("某某市某某局", &format!("第{body}号市某某局"));
        let data = if i % 10 == 9 {
            encoding_rs::GBK.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        let dir = out.join(year.to_string());
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("body{body:05}-{year}.txt")), &data)?;
        bytes += data.len();
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use zfxxgk::{InputOptions, RuleSet, Severity};

    /// Twelve reports: two bodies over six years, every layout, one GBK file. Each reads
    /// whole, of its year's edition, and no rule finds an error in it.
    #[test]
    fn writes_consistent_reports_in_every_layout() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let bytes = super::generate(dir.path(), 12).expect("writes");
        let (files, problems) = zfxxgk::report_files(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(files.len(), 12);
        assert_eq!(
            bytes as u64,
            files
                .iter()
                .map(|f| std::fs::metadata(f).expect("stat").len())
                .sum::<u64>()
        );
        let rules = RuleSet::builtin();
        for f in &files {
            let doc = zfxxgk::read_file(f, &InputOptions::default()).expect("reads");
            let year = doc.report.meta.year.expect("a year");
            assert_eq!(
                doc.report.meta.edition,
                Some(zfxxgk::Edition::for_year(year))
            );
            for t in [
                zfxxgk::TableId::T2,
                zfxxgk::TableId::T3,
                zfxxgk::TableId::T4,
            ] {
                assert!(doc.report.table(t).is_some(), "{}: no {t:?}", f.display());
            }
            let errors: Vec<_> = rules
                .check(&doc.report)
                .into_iter()
                .filter(|x| x.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", f.display());
        }
    }
}
