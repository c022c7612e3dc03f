use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn zfxxgk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zfxxgk"))
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `../shared/corpus/seeds`, if this checkout has it.
pub fn seeds() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "skipped: {} is absent (a fresh clone has no ../shared)",
            dir.display()
        );
        None
    }
}
