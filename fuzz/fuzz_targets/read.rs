//! Bytes → `zfxxgk::read`: kind detection, decoding, HTML/DOCX to text, lex, parse.
//! Any bytes give a report or an `InputError`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/pipeline.rs"]
#[allow(dead_code)]
mod pipeline;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(doc) = zfxxgk::read(bytes, &pipeline::options()) {
        if let Err(why) = pipeline::blocks_tile(&doc.text, &doc.report) {
            panic!("{why}");
        }
    }
});
