//! Reading many files: in parallel with rayon, at most a window of files ahead of the
//! output so that memory stays bounded whatever the number of files, handing results
//! on in input order so that output is deterministic, with a progress bar on a
//! terminal.

use std::collections::VecDeque;
use std::io::{IsTerminal, Read as _};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use zfxxgk::{Document, InputOptions};

use crate::inputs::Source;

/// Files read ahead of the one being written out, per thread.
const WINDOW_PER_THREAD: usize = 64;

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
    /// Each file is a task of its own, so that no thread waits for another at the end
    /// of a chunk; reading runs ahead of `sink` by at most a window of files, so that
    /// memory stays bounded.
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
        let window = (WINDOW_PER_THREAD * self.pool.current_num_threads()).max(1);
        // How many outcomes `sink` has taken, and whether it stopped (an error): a file
        // is read only once the one `window` places before it has been written out.
        let written = (Mutex::new((0usize, false)), Condvar::new());
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Outcome<T>)>();
        let (work, written) = (&work, &written);
        std::thread::scope(|scope| -> anyhow::Result<()> {
            scope.spawn(move || {
                self.pool.in_place_scope(|tasks| {
                    for (i, s) in sources.iter().enumerate() {
                        let Ok(mut w) = written.0.lock() else { return };
                        while i >= w.0 + window && !w.1 {
                            let Ok(next) = written.1.wait(w) else { return };
                            w = next;
                        }
                        if w.1 {
                            return; // the writer stopped: stop reading
                        }
                        drop(w);
                        let tx = tx.clone();
                        tasks.spawn(move |_| {
                            let o = self.read_one(s);
                            let result = o.result.map(|doc| work(&o.source, doc));
                            let outcome = Outcome {
                                source: o.source,
                                bytes: o.bytes,
                                result,
                            };
                            // Fails only once the writer stopped.
                            let _ = tx.send((i, outcome));
                        });
                    }
                });
            });
            // Outcomes come in any order; they wait here until those before them came.
            let mut waiting: VecDeque<Option<Outcome<T>>> = VecDeque::new();
            let mut next = 0usize;
            let result = (|| -> anyhow::Result<()> {
                for (i, o) in rx.iter() {
                    let at = i.saturating_sub(next);
                    if waiting.len() <= at {
                        waiting.resize_with(at + 1, || None);
                    }
                    if let Some(slot) = waiting.get_mut(at) {
                        *slot = Some(o);
                    }
                    while let Some(Some(o)) = waiting.front_mut().map(Option::take) {
                        waiting.pop_front();
                        next += 1;
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
                        if self.progress {
                            // A hidden bar costs as much again as T305's add.
                            bar.inc(1);
                        }
                        if let Ok(mut w) = written.0.lock() {
                            w.0 = next;
                        }
                        written.1.notify_one();
                    }
                    if next == sources.len() {
                        break;
                    }
                }
                Ok(())
            })();
            if result.is_err() {
                if let Ok(mut w) = written.0.lock() {
                    w.1 = true;
                }
                written.1.notify_one();
            }
            drop(rx);
            result
        })?;
        bar.finish_and_clear();
        stats.elapsed = start.elapsed();
        Ok(stats)
    }
}
