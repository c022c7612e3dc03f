//! Turning the inputs named on the command line into a sorted list of files.

use std::path::{Path, PathBuf};

/// File name endings read when walking a folder. Files named explicitly are read
/// whatever their name: the kind is told from the content.
const REPORT_ENDINGS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "shtml", "xhtml", "pdf", "docx",
];

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
        }
    }
}

/// The files to read, in a stable order (each input's files sorted, inputs in the order
/// given), and the inputs that named nothing.
pub fn expand(inputs: &[String]) -> (Vec<Source>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = Path::new(input);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, &mut problems);
            files.sort();
            out.extend(files.into_iter().map(Source::File));
        } else if path.exists() {
            out.push(Source::File(path.to_path_buf()));
        } else if input.contains(['*', '?', '[']) {
            match glob::glob(input) {
                Ok(paths) => {
                    let mut files: Vec<PathBuf> = paths.flatten().filter(|p| p.is_file()).collect();
                    if files.is_empty() {
                        problems.push(format!("{input}: no file matches"));
                    }
                    files.sort();
                    out.extend(files.into_iter().map(Source::File));
                }
                Err(e) => problems.push(format!("{input}: not a valid pattern: {e}")),
            }
        } else {
            problems.push(format!("{input}: no such file or folder"));
        }
    }
    (out, problems)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, problems);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| REPORT_ENDINGS.iter().any(|r| e.eq_ignore_ascii_case(r)))
            && !path
                .file_name()
                .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
        {
            files.push(path);
        }
    }
}
