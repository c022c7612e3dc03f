//! Bytes → read → check → render → every exporter, with the invariants of
//! `tests/support/pipeline.rs` (outline tiles the text, numbers kept, JSON round trip).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/pipeline.rs"]
#[allow(dead_code)]
mod pipeline;

fuzz_target!(|bytes: &[u8]| {
    if let Err(why) = pipeline::run_bytes(bytes) {
        panic!("{why}");
    }
});
