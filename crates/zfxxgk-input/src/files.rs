//! Which files of a folder are reports: the one walk the command line and the Python
//! package share, so that both read the same files in the same order.

use std::ffi::OsString;
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
    (files, problems)
}

/// Adds the report files under `dir` to `files`, in sorted order: each folder's
/// entries sorted by name and walked depth first give the order of sorting the whole
/// paths (component by component), at the cost of comparing names, not paths.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    let mut entries: Vec<(OsString, PathBuf)> = entries
        .flatten()
        .map(|e| (e.file_name(), e.path()))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (_, path) in entries {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_is_in_the_order_of_sorted_paths() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let names = [
            "x/y.txt",
            "x/a b/z.md",
            "x.txt",
            "x-1.txt",
            "x0.txt",
            "X.txt",
            "字/a.txt",
            "a.TXT",
            "a/b/c/d.html",
            "a.b/c.pdf",
            "ab.docx",
        ];
        for name in names {
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, b"")?;
        }
        let (files, problems) = report_files(dir.path());
        let mut sorted = files.clone();
        sorted.sort();
        assert_eq!(files, sorted);
        assert_eq!(files.len(), names.len());
        assert!(problems.is_empty());
        Ok(())
    }
}
