//! Walking the corpus folders: `../shared/corpus/*/` and the repo's `tests/corpus/*/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One report of the corpus with what is expected of it.
pub struct CorpusReport {
    /// `seeds/002_6c2b816ae976f4e8.txt`
    pub name: String,
    pub path: PathBuf,
    /// key → value from `expected/NAME.csv`.
    pub expected: BTreeMap<String, String>,
    /// Lines of `NAME.rules`, if there is one.
    pub rules: Option<Vec<String>>,
}

pub struct Found {
    pub reports: Vec<CorpusReport>,
    pub skipped: Vec<String>,
}

fn roots() -> Vec<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    vec![here.join("../shared/corpus"), here.join("tests/corpus")]
}

/// Every report file (not MANIFEST, .rules, README or expected/) of every corpus folder.
pub fn reports() -> Found {
    let mut reports = Vec::new();
    let mut skipped = Vec::new();
    for root in roots() {
        let Ok(dirs) = std::fs::read_dir(&root) else {
            skipped.push(format!(
                "{}: absent (a fresh clone has no ../shared; CI has it)",
                root.display()
            ));
            continue;
        };
        let mut dirs: Vec<PathBuf> = dirs
            .flatten()
            .map(|d| d.path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            reports.extend(reports_in(&dir));
        }
    }
    Found { reports, skipped }
}

/// Every report file of one corpus folder (not MANIFEST, .rules, README or
/// expected/), named `FOLDER/FILE`.
pub fn reports_in(dir: &Path) -> Vec<CorpusReport> {
    let mut reports = Vec::new();
    let Ok(files) = std::fs::read_dir(dir) else {
        return reports;
    };
    let mut files: Vec<PathBuf> = files
        .flatten()
        .map(|f| f.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for path in files {
        let file = path
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default()
            .to_string();
        if file.starts_with('.')
            || file == "MANIFEST.tsv"
            || file.ends_with(".rules")
            || file.ends_with(".md") && file.eq_ignore_ascii_case("README.md")
        {
            continue;
        }
        let stem = file.split('.').next().unwrap_or_default().to_string();
        let csv = dir.join("expected").join(format!("{stem}.csv"));
        let expected = match std::fs::read_to_string(&csv) {
            Ok(t) => t
                .lines()
                .skip(1)
                .filter_map(|l| l.split_once(','))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            Err(_) => panic!("{} has no expected file {}", path.display(), csv.display()),
        };
        let rules = std::fs::read_to_string(dir.join(format!("{stem}.rules")))
            .ok()
            .map(|t| {
                t.lines()
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect()
            });
        let dir_name = dir.file_name().and_then(|d| d.to_str()).unwrap_or_default();
        reports.push(CorpusReport {
            name: format!("{dir_name}/{file}"),
            path,
            expected,
            rules,
        });
    }
    reports
}

/// Reads one corpus report. A PDF that cannot be read for want of `pdftotext` is
/// skipped with a message outside CI and a failure under CI.
pub fn read(r: &CorpusReport, failures: &mut Vec<String>) -> Option<zfxxgk::Document> {
    match zfxxgk::read_file(&r.path, &zfxxgk::InputOptions::default()) {
        Ok(doc) => Some(doc),
        Err(zfxxgk::ReadError::Input {
            source: e @ zfxxgk::InputError::PdfToolMissing { .. },
            ..
        }) if std::env::var_os("CI").is_none() => {
            println!("skipped: {}: {e}", r.name);
            None
        }
        Err(e) => {
            failures.push(format!("{}: could not be read: {e}", r.name));
            None
        }
    }
}
