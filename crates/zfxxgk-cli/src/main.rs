//! The `zfxxgk` command. All logic lives in the libraries; this is the command line,
//! the batch loop and the output.

#![forbid(unsafe_code)]

mod args;
mod batch;
mod check;
mod demo;
mod diff;
mod inputs;
mod output;
mod serve;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => demo::run(),
        Some(Command::Parse(a)) => output::parse(a),
        Some(Command::Check(a)) => check::run(a),
        Some(Command::Diff(a)) => diff::run(a),
        Some(Command::Serve(a)) => serve::run(a),
        Some(Command::Rules { lang }) => check::list_rules(lang),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zfxxgk: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.to_string().contains("Broken pipe")
    })
}

/// Options for reading input, from the shared arguments.
fn input_options(a: &args::InputArgs) -> zfxxgk::InputOptions {
    zfxxgk::InputOptions {
        max_bytes: a.max_mib.saturating_mul(1024 * 1024),
        pdftotext: a.pdftotext.clone(),
        ..zfxxgk::InputOptions::default()
    }
}

/// What to read and how: the sources named on the command line (inputs that name
/// nothing are reported, and counted) and the batch that reads them.
struct Run {
    sources: Vec<inputs::Source>,
    missing: usize,
    batch: batch::Batch,
}

impl Run {
    fn new(a: &args::InputArgs) -> anyhow::Result<Run> {
        let (sources, problems) = inputs::expand(&a.inputs);
        for p in &problems {
            eprintln!("zfxxgk: {p}");
        }
        let batch = batch::Batch::new(a.jobs, a.no_progress, input_options(a))?;
        Ok(Run {
            sources,
            missing: problems.len(),
            batch,
        })
    }

    /// Whether some input could not be read at all (exit code 2).
    fn input_failed(&self, stats: &batch::Stats) -> bool {
        stats.unreadable > 0 || self.missing > 0 || self.sources.is_empty()
    }
}

/// Where data goes: the file of `-o`, or standard output.
fn writer(path: Option<&std::path::Path>) -> anyhow::Result<Box<dyn std::io::Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}
