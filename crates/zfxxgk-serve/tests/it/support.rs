//! A server on a free port in this process, an HTTP client, and the corpus.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use zfxxgk_serve::Config;

/// A server answering on a free port until dropped.
pub struct Running {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Running {
    pub fn start() -> Running {
        Running::with(Config {
            port: 0,
            ..Config::default()
        })
    }

    pub fn with(config: Config) -> Running {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let server = runtime
            .block_on(zfxxgk_serve::bind(&config))
            .expect("server binds");
        let addr = server.local_addr();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            runtime
                .block_on(server.run(async {
                    let _ = stopped.await;
                }))
                .expect("server runs");
        });
        Running {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A client that hands back 4xx and 5xx answers instead of failing on them.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// Status and body (as JSON, or `null` when it is not JSON) of an answer.
pub fn answer(
    result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> (u16, serde_json::Value) {
    let mut response = result.expect("the server answers");
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(512 * 1024 * 1024)
        .read_to_string()
        .expect("a body");
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
    )
}

/// POSTs `bytes` to `/api/read?name=NAME`.
pub fn read(server: &Running, name: &str, bytes: &[u8]) -> (u16, serde_json::Value) {
    let url = server.url(&format!("/api/read?name={}", encode(name)));
    answer(agent().post(&url).send(bytes))
}

/// POSTs `body` with `content_type` to `path`.
pub fn post(
    server: &Running,
    path: &str,
    content_type: &str,
    body: &[u8],
) -> (u16, serde_json::Value) {
    answer(
        agent()
            .post(&server.url(path))
            .header("content-type", content_type)
            .send(body),
    )
}

/// One part of a multipart body: its name, its file name, its bytes.
pub type Part<'a> = (&'a str, &'a str, &'a [u8]);

/// POSTs `parts` to `/api/diff` as multipart/form-data.
pub fn diff(server: &Running, parts: &[Part<'_>]) -> (u16, serde_json::Value) {
    let (content_type, body) = multipart(parts);
    post(server, "/api/diff", &content_type, &body)
}

/// A multipart/form-data body of `parts` (`name`, file name, bytes), and its content type.
fn multipart(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let boundary = "zfxxgk-test-boundary-7d1f";
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Percent-encodes a query value.
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `../shared/corpus`, or `None` (with a message) where it is absent.
pub fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "skipped: {} is absent (a fresh clone without shared/)",
            dir.display()
        );
        None
    }
}

/// Every report of the corpus: `seeds/*.txt` and the reports of `real/`.
pub fn corpus_reports(corpus: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for sub in ["seeds", "real"] {
        let (found, problems) = zfxxgk::report_files(&corpus.join(sub));
        assert!(problems.is_empty(), "{problems:?}");
        files.extend(
            found
                .into_iter()
                .filter(|p| !p.components().any(|c| c.as_os_str() == "expected")),
        );
    }
    files
}

/// Whether `pdftotext` runs.
pub fn pdftotext_available() -> bool {
    std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
}
