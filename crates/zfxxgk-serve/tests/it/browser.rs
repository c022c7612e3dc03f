//! The page in a browser: tests/browser/review.mjs drives headless chromium with
//! playwright-core against a server started here, and writes screenshots to
//! target/review-page/.
//!
//! Skipped, with a message, where node, chromium or playwright-core is absent (`npm
//! ci --prefix crates/zfxxgk-serve/tests/browser` installs the latter; .ci/run does),
//! unless `ZFXXGK_BROWSER_TESTS=require` (CI) makes that a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{self, Running};

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Why the browser test cannot run here, if it cannot.
fn missing() -> Option<String> {
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".into());
    }
    let chromium = std::env::var("ZFXXGK_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("{chromium} is absent (apt-get install chromium)"));
    }
    if !browser_dir().join("node_modules/playwright-core").is_dir() {
        return Some(format!(
            "playwright-core is not installed (npm ci --prefix {})",
            browser_dir().display()
        ));
    }
    None
}

#[test]
fn review_page_in_chromium() {
    let required = std::env::var("ZFXXGK_BROWSER_TESTS").is_ok_and(|v| v == "require");
    if let Some(why) = missing() {
        assert!(!required, "ZFXXGK_BROWSER_TESTS=require but {why}");
        println!("skipped: {why}");
        return;
    }
    let Some(corpus) = support::corpus() else {
        assert!(
            !required,
            "ZFXXGK_BROWSER_TESTS=require but shared/corpus is absent"
        );
        return;
    };
    if !support::pdftotext_available() {
        assert!(
            !required,
            "ZFXXGK_BROWSER_TESTS=require but pdftotext is absent"
        );
        println!("skipped: pdftotext is not installed (the hongze reports are PDFs)");
        return;
    }
    let server = Running::start();
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/review-page");
    let output = Command::new("node")
        .arg(browser_dir().join("review.mjs"))
        .arg(server.url("/"))
        .arg(&corpus)
        .arg(&shots)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "the browser test failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
    println!("screenshots in {}", shots.display());
}
