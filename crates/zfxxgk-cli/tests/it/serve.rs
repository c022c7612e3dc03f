//! `zfxxgk serve`: listens where told, says where, answers the API, stops on a signal.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

/// Kills the server when the test ends, however it ends.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs `zfxxgk serve --port 0`, reads where it listens, asks it for the rules, then
/// stops it with `signal` (Unix) and checks it exits cleanly without leaving its
/// temporary folder.
fn serve_then_stop(signal: &str) {
    let temp = tempfile::TempDir::new().expect("temporary folder");
    let child = Command::new(env!("CARGO_BIN_EXE_zfxxgk"))
        .args(["serve", "--port", "0"])
        .env("TMPDIR", temp.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut child = Child(child);
    let stderr = child.0.stderr.take().expect("stderr");
    let mut line = String::new();
    BufReader::new(stderr)
        .read_line(&mut line)
        .expect("a line on stderr");
    assert!(
        line.starts_with("zfxxgk: the review page is at http://127.0.0.1:"),
        "{line}"
    );
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("an address")
        .to_owned();
    let mut stream = TcpStream::connect(&addr).expect("connects");
    write!(
        stream,
        "GET /api/rules HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"T301\""), "{answer}");
    let folders = || std::fs::read_dir(temp.path()).expect("list").count();
    assert_eq!(folders(), 1, "the server's temporary folder");
    if cfg!(unix) {
        let pid = child.0.id().to_string();
        let sent = Command::new("kill").args([signal, &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill {signal} {pid}");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let status = loop {
            if let Some(status) = child.0.try_wait().expect("wait") {
                break status;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "still running after {signal}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        assert!(status.success(), "{status}");
        assert_eq!(folders(), 0, "the temporary folder outlived the server");
    }
}

/// Ctrl-C stops it cleanly.
#[test]
fn serve_answers_and_stops_on_ctrl_c() {
    serve_then_stop("-INT");
}

/// So does SIGTERM (a service manager, `kill`).
#[test]
fn serve_answers_and_stops_on_sigterm() {
    serve_then_stop("-TERM");
}

#[test]
fn serve_refuses_a_bad_address() {
    let out = crate::support::zfxxgk(&["serve", "--bind", "not-an-address"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::support::stderr(&out).contains("--bind"));
}
