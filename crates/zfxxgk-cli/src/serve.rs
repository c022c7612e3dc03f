//! `zfxxgk serve`: the review page (crates/zfxxgk-serve), until Ctrl-C.

use std::process::ExitCode;

use crate::args::ServeArgs;

pub fn run(a: ServeArgs) -> anyhow::Result<ExitCode> {
    let config = zfxxgk_serve::Config {
        bind: a.bind,
        port: a.port,
        max_bytes: a.max_mib.saturating_mul(1024 * 1024),
        pdftotext: a.pdftotext,
        ..zfxxgk_serve::Config::default()
    };
    zfxxgk_serve::serve(&config, |addr| {
        let url = format!("http://{addr}/");
        eprintln!("zfxxgk: the review page is at {url} (Ctrl-C stops)");
        if !a.bind.is_loopback() {
            eprintln!(
                "zfxxgk: listening on {} : anyone who reaches it can upload",
                a.bind
            );
        }
        if a.open {
            open(&url);
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Opens `url` in the default browser; says so when it cannot.
fn open(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = started {
        eprintln!("zfxxgk: could not open a browser ({program}: {e}); open {url} yourself");
    }
}
