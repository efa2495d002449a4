#![no_main]
//! Fuzz target `models_text`: see fuzz/harness.rs and crates/retention-core/tests/fuzz_common.

#[path = "../../crates/retention-core/tests/fuzz_common/mod.rs"]
mod fuzz_common;
#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::run("models_text", data));
