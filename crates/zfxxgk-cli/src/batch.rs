//! Reading many files: in parallel with rayon, in chunks so that memory stays bounded
//! whatever the number of files, handing results on in input order so that output is
//! deterministic, with a progress bar on a terminal.

use std::io::{IsTerminal, Read as _};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use zfxxgk::{Document, InputOptions};

use crate::inputs::Source;

/// Files read in parallel before their results are written out, per thread.
const CHUNK_PER_THREAD: usize = 32;

/// What reading one file gave, after the run's per-file work (`T`) on the workers.
pub struct Outcome<T = Document> {
    pub source: String,
    pub bytes: u64,
    pub result: Result<T, String>,
}

/// How a run went, for the closing summary.
#[derive(Debug, Default)]
pub struct Stats {
    pub files: usize,
    pub reports: usize,
    pub unreadable: usize,
    pub bytes: u64,
    pub elapsed: Duration,
}

impl Stats {
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        self.bytes as f64 / 1e6 / secs
    }
}

pub struct Batch {
    pool: rayon::ThreadPool,
    progress: bool,
    opts: InputOptions,
}

impl Batch {
    pub fn new(
        jobs: Option<usize>,
        no_progress: bool,
        opts: InputOptions,
    ) -> anyhow::Result<Batch> {
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(j) = jobs {
            builder = builder.num_threads(j.max(1));
        }
        let pool = builder.build()?;
        let progress = !no_progress && std::io::stderr().is_terminal();
        Ok(Batch {
            pool,
            progress,
            opts,
        })
    }

    fn read_one(&self, source: &Source) -> Outcome {
        let name = source.name();
        match source {
            Source::File(path) => {
                let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                let result = zfxxgk::read_file(path, &self.opts).map_err(|e| e.to_string());
                Outcome {
                    source: name,
                    bytes,
                    result,
                }
            }
            Source::Stdin => {
                let mut buf = Vec::new();
                let result = match std::io::stdin().lock().read_to_end(&mut buf) {
                    Ok(_) => zfxxgk::read(&buf, &self.opts).map_err(|e| format!("{name}: {e}")),
                    Err(e) => Err(format!("{name}: {e}")),
                };
                Outcome {
                    source: name,
                    bytes: buf.len() as u64,
                    result,
                }
            }
        }
    }

    /// Reads every source and turns each document into a `T` with `work`, both on the
    /// pool's threads, then calls `sink` with each outcome in input order on this one.
    ///
    /// Reading runs ahead of `sink` by at most one chunk.
    pub fn run<T: Send>(
        &self,
        sources: &[Source],
        work: impl Fn(&str, Document) -> T + Sync,
        mut sink: impl FnMut(Outcome<T>) -> anyhow::Result<()>,
    ) -> anyhow::Result<Stats> {
        let start = Instant::now();
        let bar = if self.progress {
            let bar = ProgressBar::new(sources.len() as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} {msg}")
            {
                bar.set_style(style);
            }
            bar
        } else {
            ProgressBar::hidden()
        };
        let mut stats = Stats::default();
        let chunk = (CHUNK_PER_THREAD * self.pool.current_num_threads()).max(1);
        // The pool reads the next chunk while this thread writes the last one out; the
        // channel holds one chunk, so at most two are in memory whatever the count.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Outcome<T>>>(1);
        let work = &work;
        std::thread::scope(|scope| -> anyhow::Result<()> {
            scope.spawn(move || {
                for part in sources.chunks(chunk) {
                    let outcomes: Vec<Outcome<T>> = self.pool.install(|| {
                        use rayon::prelude::*;
                        part.par_iter()
                            .map(|s| {
                                let o = self.read_one(s);
                                let result = o.result.map(|doc| work(&o.source, doc));
                                Outcome {
                                    source: o.source,
                                    bytes: o.bytes,
                                    result,
                                }
                            })
                            .collect()
                    });
                    if tx.send(outcomes).is_err() {
                        break; // the writer stopped (an error): stop reading
                    }
                }
            });
            for outcomes in rx {
                for o in outcomes {
                    stats.files += 1;
                    stats.bytes += o.bytes;
                    match &o.result {
                        Ok(_) => stats.reports += 1,
                        Err(e) => {
                            stats.unreadable += 1;
                            bar.suspend(|| eprintln!("zfxxgk: {e}"));
                        }
                    }
                    sink(o)?;
                    bar.inc(1);
                }
            }
            Ok(())
        })?;
        bar.finish_and_clear();
        stats.elapsed = start.elapsed();
        Ok(stats)
    }
}
