//! Memory stays linear in the input (issue 7): on each adversarial input, reading
//! holds no more than a fixed multiple of the input's size on the heap at once, and
//! checking and rendering the findings no more than that plus a multiple of the
//! findings' text.
//!
//! The peak is measured with `dhat`'s testing mode as the global allocator. dhat keeps
//! one peak for the whole process, so the test runs itself once per input, in a child
//! process of its own (`ZFXXGK_MEMORY_INPUT` names the input), and reads the child's
//! figures from its output.

mod support;

use std::process::Command;

use support::adversarial::INPUTS;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Size of each input. Small enough for a debug build, large enough that what grows
/// with the input outweighs what every report needs.
const SIZE: usize = 64 * 1024;
/// Heap bytes per input byte above which reading is out of hand. A tab or pipe table
/// of empty cells needs some 11 (8 a cell, 12 a row, a cell or two per input byte), the
/// outline 48 a block, and every heading line is a section of the model.
const READ_PER_BYTE: usize = 80;
/// Heap bytes per byte of rendered findings that checking may hold besides.
const FINDINGS_PER_BYTE: usize = 2;
/// Heap bytes any input needs whatever its size.
const FIXED: usize = 256 << 10;

/// The variable that names the one input a child process measures.
const INPUT_VAR: &str = "ZFXXGK_MEMORY_INPUT";

/// Heap bytes held at the peak while `f` ran, beyond what was held before it; `None`
/// when the process's peak came earlier.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, Option<usize>) {
    let before = dhat::HeapStats::get();
    let out = f();
    let after = dhat::HeapStats::get();
    let held = (after.max_bytes > before.max_bytes).then(|| after.max_bytes - before.curr_bytes);
    (out, held)
}

/// In a child: reads, checks and renders input `name`, and prints
/// `MEASURED <input bytes> <read peak> <check peak> <findings bytes>` (a peak of 0:
/// below what the warm-up held).
fn measure(name: &str) {
    let _profiler = dhat::Profiler::builder().testing().build();
    let Some((_, generate)) = INPUTS.iter().find(|(n, _)| *n == name) else {
        panic!("no input named {name}");
    };
    let text = generate(SIZE);
    // What lives for the whole process is made on the first report: not counted.
    let opts = zfxxgk::InputOptions::default();
    let sample = zfxxgk::read(zfxxgk::SAMPLE_REPORT.as_bytes(), &opts).expect("the sample");
    zfxxgk::check(&sample.report);
    drop(sample);
    let (doc, read) = peak_of(|| zfxxgk::read(text.as_bytes(), &opts));
    let doc = doc.unwrap_or_else(|e| panic!("{name}: {e}"));
    let (shown, checked) = peak_of(|| {
        let found = zfxxgk::check(&doc.report);
        zfxxgk_rules::render_all(&found, "adversarial.txt", &text, zfxxgk_rules::Lang::En)
    });
    println!(
        "MEASURED {} {} {} {}",
        text.len(),
        read.unwrap_or(0),
        checked.unwrap_or(0),
        shown.len()
    );
}

#[test]
fn peak_memory_is_a_fixed_multiple_of_the_input() {
    if let Ok(name) = std::env::var(INPUT_VAR) {
        measure(&name);
        return;
    }
    let exe = std::env::current_exe().expect("the test binary");
    let mut failures = Vec::new();
    for (name, _) in INPUTS {
        let out = Command::new(&exe)
            .args(["--exact", "peak_memory_is_a_fixed_multiple_of_the_input"])
            .args(["--nocapture", "--test-threads", "1"])
            .env(INPUT_VAR, name)
            .output()
            .expect("the test binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let Some(figures) = stdout
            .lines()
            .find_map(|l| l.split_once("MEASURED ").map(|(_, figures)| figures))
            .map(|l| {
                l.split(' ')
                    .filter_map(|n| n.parse().ok())
                    .collect::<Vec<usize>>()
            })
            .filter(|f| f.len() == 4)
        else {
            panic!(
                "{name}: no figures\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        let [len, read, checked, findings] = [figures[0], figures[1], figures[2], figures[3]];
        // A peak of 0 is one that stayed below an earlier one.
        println!(
            "{name}: {len} bytes in; reading held at most {read} bytes ({:.1} per byte), \
             checking {checked} at its own peak ({findings} bytes of findings)",
            read as f64 / len as f64
        );
        if read > READ_PER_BYTE * len + FIXED {
            failures.push(format!("{name}: reading held {read} bytes for {len}"));
        }
        if checked > READ_PER_BYTE * len + FINDINGS_PER_BYTE * findings + FIXED {
            failures.push(format!(
                "{name}: checking held {checked} bytes for {len} of input and {findings} of findings"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
