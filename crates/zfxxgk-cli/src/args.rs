//! The raw command line, as clap reads it. `config.rs` checks it into a `Config`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Read, check and export 政府信息公开工作年度报告 (government information-disclosure
/// annual reports). With no command, reads the built-in sample report.
#[derive(Debug, Parser)]
#[command(name = "zfxxgk", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read reports and write the cells read from them.
    Parse(ParseArgs),
    /// Validate reports and point at every figure that is off.
    Check(CheckArgs),
    /// Compare reports year over year: every cell that changed (two files, or two
    /// folders paired by body), or with --series every body's years as tidy CSV.
    Diff(DiffArgs),
    /// Serve the review page: drop reports in a browser, see their tables and
    /// findings, compare two years (http://127.0.0.1:8080 unless told otherwise).
    Serve(ServeArgs),
    /// List the validation rules.
    Rules {
        /// Language of the descriptions.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
    },
}

/// Inputs and how to read them, shared by `parse` and `check`.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Report files, folders (read recursively) or glob patterns. `-` reads standard input.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Write here instead of standard output (for parquet: a .parquet file, or a folder
    /// for the wide and tidy tables).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Threads to read files with (default: all cores).
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// No progress bar, even on a terminal.
    #[arg(long)]
    pub no_progress: bool,
    /// Largest file read, in MiB.
    #[arg(long, default_value_t = 64)]
    pub max_mib: usize,
    /// The pdftotext program to read PDF files with (default: the one on PATH).
    #[arg(long)]
    pub pdftotext: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// What to write.
    #[arg(short, long, value_enum, default_value_t = ParseFormat::Json)]
    pub format: ParseFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// The whole model with spans (one object; an array of {source, report} for several).
    Json,
    /// One {source, report} object per line.
    Jsonl,
    /// source,key,value for every cell (REPORT_FORMAT.md).
    Facts,
    /// One row per report, one column per canonical key.
    CsvWide,
    /// source,key,value (the same as facts).
    CsvTidy,
    /// Parquet; needs -o (a .parquet file for the wide table, or a folder for both).
    Parquet,
    /// The tables as the template lays them out, in Markdown.
    Markdown,
    /// The tables as the template lays them out, as an HTML page.
    Html,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// How to write findings.
    #[arg(short, long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,
    /// Rules to disable (IDs, e.g. T202). Repeatable.
    #[arg(long, value_delimiter = ',')]
    pub allow: Vec<String>,
    /// Run only rules whose ID starts with one of these (e.g. T3). Repeatable.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Show how T305 paired the reports (which names were read as one body, which
    /// years follow each other, which reports were left out and why) on stderr.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Like a compiler: the rule, the message, the source lines underlined (on stderr).
    Human,
    /// {"findings": [...]} on stdout.
    Json,
    /// One finding per line on stdout.
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// OLD and NEW: two report files, or two folders whose reports are paired by body
    /// (with --series: any number of files and folders).
    #[command(flatten)]
    pub input: InputArgs,
    /// How to write the changes.
    #[arg(short, long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Write every body's series as tidy CSV (body,year,key,value,change,source), each
    /// change from the year before.
    #[arg(long)]
    pub series: bool,
    /// Show each pairing decision (which reports were compared, which names were read
    /// as one body, which reports were left out and why) on stderr.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// A table per template table, largest changes first.
    Human,
    /// {"comparisons": [...]} on stdout (schema/diff.schema.json).
    Json,
    /// One change per line: old_source,new_source,key,kind,old,new,change,relative.
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// The address to listen on; the default answers this computer only.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the page in the default browser once listening.
    #[arg(long)]
    pub open: bool,
    /// Largest upload read, in MiB.
    #[arg(long, default_value_t = 64)]
    pub max_mib: usize,
    /// The pdftotext program to read PDF files with (default: the one on PATH).
    #[arg(long)]
    pub pdftotext: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}
