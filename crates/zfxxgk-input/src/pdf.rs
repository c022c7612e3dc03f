//! PDFs, read from where each word stands on the page.
//!
//! Reading PDF text is a large job that poppler does: we write the bytes to a
//! temporary file and run `pdftotext -bbox-layout -enc UTF-8 FILE -`, which gives every
//! word with its box, under a time limit. [`words::lay_out`](super::words) turns the
//! boxes into lines whose display columns are the words' places on the page, so that
//! the lexer's space-aligned layout and the parser's columns by position read the
//! tables: a blank cell stays blank, numbers one narrow column apart stay apart, and
//! running headers and footers are left out.

use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::decode::decode_text;
use super::error::{InputError, Result, PDF_TOOL_HINT};
use super::InputKind;

/// The text of a PDF, and whether `pdftotext` output had malformed UTF-8.
///
/// `tool` is the `pdftotext` to run; `None` looks it up on `PATH`. The PDF is written
/// to a temporary file in `temp_dir` (`None`: the system's temporary folder), removed
/// when done.
///
/// # Errors
///
/// [`InputError::PdfToolMissing`] when the tool cannot be started,
/// [`InputError::PdfToolFailed`] when it exits with an error or runs past
/// [`PDF_TOOL_TIMEOUT`],
/// [`InputError::UnsupportedKind`] when the PDF has no text layer (scanned pages),
/// [`InputError::Expanded`] when its output exceeds `max` bytes,
/// [`InputError::Io`] when the temporary file cannot be written.
pub(crate) fn pdf_to_text(
    bytes: &[u8],
    tool: Option<&Path>,
    temp_dir: Option<&Path>,
    max: usize,
) -> Result<(String, bool)> {
    let tool: PathBuf = tool.map_or_else(|| PathBuf::from("pdftotext"), Path::to_path_buf);
    let mut builder = tempfile::Builder::new();
    builder.prefix("zfxxgk-").suffix(".pdf");
    let mut file = match temp_dir {
        Some(dir) => builder.tempfile_in(dir)?,
        None => builder.tempfile()?,
    };
    file.write_all(bytes)?;
    file.flush()?;
    let child = Command::new(&tool)
        .args(["-bbox-layout", "-enc", "UTF-8"])
        .arg(file.path())
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let output = match child {
        Ok(child) => wait_with_timeout(child, PDF_TOOL_TIMEOUT, max)?,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(InputError::PdfToolMissing {
                tool,
                hint: PDF_TOOL_HINT,
            })
        }
        Err(e) => return Err(e.into()),
    };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(InputError::PdfToolFailed {
            status: output.status.code(),
            stderr,
        });
    }
    if output.stdout.len() > max {
        return Err(InputError::Expanded {
            kind: InputKind::Pdf,
            what: "pdftotext output",
            max,
        });
    }
    let decoded = decode_text(&output.stdout);
    let text = super::words::lay_out(&decoded.text);
    if text.trim().is_empty() {
        return Err(InputError::UnsupportedKind {
            kind: "PDF without a text layer (scanned pages)",
            hint: "run OCR on it (e.g. ocrmypdf -l chi_sim in.pdf out.pdf) and pass the result, \
                   or pass the report's web page or .docx",
        });
    }
    Ok((text, decoded.replaced))
}

/// How long `pdftotext` may run on one file: a few seconds for a report of some pages.
pub(crate) const PDF_TOOL_TIMEOUT: Duration = Duration::from_secs(60);

/// Waits for `child`, reading its output, for at most `limit`; kills it past that.
/// Its standard output is read up to `max` bytes and one more, so that one too
/// large is told without holding it all. The wait is for the output's end, which
/// comes when the tool exits: no polling.
fn wait_with_timeout(mut child: Child, limit: Duration, max: usize) -> Result<Output> {
    let reader = |pipe: Option<Box<dyn Read + Send>>, cap: usize| {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut pipe) = pipe {
                let cap = u64::try_from(cap).unwrap_or(u64::MAX);
                // What is past the cap is read and dropped, so that the tool never
                // blocks on a full pipe.
                let _ = pipe.by_ref().take(cap).read_to_end(&mut buf);
                let _ = std::io::copy(&mut pipe, &mut std::io::sink());
            }
            let _ = tx.send(buf);
        });
        rx
    };
    let stdout = reader(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
        max.saturating_add(1),
    );
    let stderr = reader(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
        64 * 1024,
    );
    let start = Instant::now();
    let out = match stdout.recv_timeout(limit) {
        Ok(out) => out,
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Vec::new(),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(InputError::PdfToolFailed {
                status: None,
                stderr: format!("pdftotext ran past {} s and was stopped", limit.as_secs()),
            });
        }
    };
    // The output ended: the tool has exited or is about to. The rest of the limit is
    // left for stderr and the exit; a tool that closed its output and runs on past
    // the limit is stopped.
    let err = stderr
        .recv_timeout(limit.saturating_sub(start.elapsed()))
        .unwrap_or_default();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if start.elapsed() >= limit {
            let _ = child.kill();
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    Ok(Output {
        status,
        stdout: out,
        stderr: err,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `program args`, started with its output piped, or `None` where it is not there.
    fn start(program: &str, args: &[&str]) -> Option<Child> {
        Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .ok()
    }

    #[test]
    fn a_tool_that_runs_too_long_is_stopped() {
        let Some(child) = start("sleep", &["30"]) else {
            return;
        };
        let began = Instant::now();
        let err = wait_with_timeout(child, Duration::from_millis(50), 100).expect_err("stopped");
        assert!(began.elapsed() < Duration::from_secs(20));
        match err {
            InputError::PdfToolFailed { status, stderr } => {
                assert_eq!(status, None);
                assert!(stderr.contains("was stopped"), "{stderr}");
            }
            other => panic!("expected PdfToolFailed, got {other:?}"),
        }
    }

    #[test]
    fn a_tool_that_ends_gives_its_output_up_to_the_cap() {
        let Some(child) = start("echo", &["0123456789"]) else {
            return;
        };
        let out = wait_with_timeout(child, Duration::from_secs(30), 3).expect("ran");
        assert!(out.status.success());
        assert_eq!(out.stdout, b"0123");
    }
}
