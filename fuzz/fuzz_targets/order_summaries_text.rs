#![no_main]
//! Fuzz target `order_summaries_text`: see fuzz/harness.rs and crates/retention-core/tests/fuzz_common.

#[path = "../../crates/retention-core/tests/fuzz_common/mod.rs"]
mod fuzz_common;
#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::run("order_summaries_text", data));
