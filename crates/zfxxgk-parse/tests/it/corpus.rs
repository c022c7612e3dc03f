//! Every plain-text report in ../shared/corpus against its expected cells.
//!
//! The facade's corpus test covers every report in every form (PDF, HTML…); this one
//! keeps the parser honest on its own, with UTF-8 text only.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn expected(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|l| l.split_once(','))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn utf8_text_reports_match_expected_cells() {
    let root = corpus_root();
    let Ok(dirs) = std::fs::read_dir(&root) else {
        println!(
            "skipped: {} is absent (a fresh clone has no ../shared)",
            root.display()
        );
        return;
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for dir in dirs.flatten() {
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for f in files.flatten() {
            let path = f.path();
            if !matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md")
            ) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let want = expected(&dir.path().join("expected").join(format!("{stem}.csv")));
            let report = zfxxgk_parse::parse(&text);
            let got: BTreeMap<String, String> = report
                .tidy()
                .map(|(k, v)| (k.as_str().to_string(), v))
                .collect();
            for (k, v) in &want {
                match got.get(k) {
                    Some(g) if v == "?" || g == v => {}
                    Some(g) => failures.push(format!("{stem}: {k}: expected {v:?}, got {g:?}")),
                    // `?`: too mangled to say, any value or none (the corpus README).
                    None if v == "?" => {}
                    None => failures.push(format!("{stem}: {k}: expected {v:?}, missing")),
                }
            }
            for (k, g) in &got {
                if !want.contains_key(k) {
                    failures.push(format!("{stem}: {k}: invented {g:?}"));
                }
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{checked} reports checked");
}
