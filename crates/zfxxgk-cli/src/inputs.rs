//! Turning the inputs named on the command line into a sorted list of files.

use std::path::{Path, PathBuf};

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
            let (files, unreadable) = zfxxgk::report_files(path);
            problems.extend(unreadable);
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
