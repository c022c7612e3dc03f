//! What the server listens on and the limits it keeps.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

/// How `zfxxgk serve` runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The address to listen on (default 127.0.0.1: this computer only).
    pub bind: IpAddr,
    /// The port (default 8080; 0 picks a free one).
    pub port: u16,
    /// Largest upload read, in bytes: the command line's input size limit (default
    /// 64 MiB, as `--max-mib`).
    pub max_bytes: usize,
    /// How many API requests are served at once; the others wait their turn
    /// (default: the number of cores, at least 2).
    pub concurrency: usize,
    /// The `pdftotext` program to read PDFs with (default: the one on `PATH`).
    pub pdftotext: Option<PathBuf>,
    /// Where to make the server's temporary folder (default: the system's temporary
    /// folder). The folder is removed when the server stops.
    pub temp_root: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8080,
            max_bytes: zfxxgk::InputOptions::default().max_bytes,
            concurrency: std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .max(2),
            pdftotext: None,
            temp_root: None,
        }
    }
}

impl Config {
    /// The socket address to listen on.
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::new(self.bind, self.port)
    }
}
