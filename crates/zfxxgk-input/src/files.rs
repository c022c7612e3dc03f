//! Which files of a folder are reports: the one walk the command line and the Python
//! package share, so that both read the same files in the same order.

use std::path::{Path, PathBuf};

/// File name endings read when walking a folder. Files named explicitly are read
/// whatever their name: the kind is told from the content.
pub const REPORT_ENDINGS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "shtml", "xhtml", "pdf", "docx",
];

/// The report files under `dir`, recursively and sorted: files whose name ends in one
/// of [`REPORT_ENDINGS`] (any case), leaving out hidden files and folders (a name
/// starting with `.`) and `README.md`. The second list says which folders could not
/// be read, and why.
///
/// ```
/// let dir = std::env::temp_dir().join("zfxxgk-report-files-doc");
/// std::fs::create_dir_all(dir.join("2023"))?;
/// std::fs::write(dir.join("2023").join("b.PDF"), b"")?;
/// std::fs::write(dir.join("a.txt"), b"")?;
/// std::fs::write(dir.join("notes.xlsx"), b"")?;
/// let (files, problems) = zfxxgk_input::report_files(&dir);
/// assert_eq!(files, [dir.join("2023").join("b.PDF"), dir.join("a.txt")]);
/// assert!(problems.is_empty());
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn report_files(dir: &Path) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    walk(dir, &mut files, &mut problems);
    files.sort();
    (files, problems)
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
