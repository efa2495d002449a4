//! The body of every fuzz target: the first byte of an input picks one parser of the
//! family (`fuzz_common::family_targets`), the rest is its input (made valid UTF-8 without
//! NUL bytes for the text parsers, as PostgreSQL hands them a cstring).
//!
//! A panic or a value whose output does not read back aborts the process, which libFuzzer
//! reports as a crash and saves under fuzz/artifacts/<target>/; failures of bugs already
//! reported (`fuzz_common::known_issue`) are let through, so a run finds new ones.

use crate::fuzz_common::{self, Target};
use std::sync::OnceLock;

pub fn run(family: &'static str, data: &[u8]) {
    static TARGETS: OnceLock<Vec<Target>> = OnceLock::new();
    let targets = TARGETS.get_or_init(|| {
        // Replaces libfuzzer-sys' abort-on-panic hook while a case runs (see run_case).
        fuzz_common::install_panic_hook();
        fuzz_common::family_targets(family)
    });
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let t = &targets[selector as usize % targets.len()];
    let input = if t.text {
        fuzz_common::as_text_input(rest)
    } else {
        rest.to_vec()
    };
    if let Err(failure) = fuzz_common::run_case(t, &input) {
        if fuzz_common::known_issue(t.name, &failure).is_none() {
            eprintln!(
                "{}: {failure}\ninput: b\"{}\"",
                t.name,
                input.escape_ascii()
            );
            std::process::abort();
        }
    }
}
