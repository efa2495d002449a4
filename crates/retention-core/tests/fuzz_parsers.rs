//! A deterministic mutation fuzzer over every parser of outside bytes or text: the types'
//! text input and binary receive, and the partial aggregate states' deserialization.
//!
//! Each target (see `fuzz_common`) starts from seeds, valid encodings made by the crate's own
//! builders and hand-written edge cases, and runs mutated copies of them through the parser
//! inside `catch_unwind`. A case must end in a value or an error: a panic fails the test,
//! and so does a value whose output does not read back to it. Mutations come from a seeded
//! xorshift generator, so a run is reproducible: bit flips, byte replacements, inserted
//! tokens (digits, signs, exponents, brackets, quotes, huge numbers, NaN, inf, ...), numbers
//! replaced by boundary values, truncation, duplicated and deleted slices, splices of two
//! seeds, empty input, and invalid UTF-8 (for the byte parsers; the text parsers get the
//! lossy UTF-8 of the bytes, without NUL bytes, as PostgreSQL hands them a cstring). A
//! failing case is shrunk and printed as escaped bytes.
//!
//! Failures of bugs already reported (`fuzz_common::known_issue`) are counted in the
//! `known` column but do not fail the test; module `known_issues` below holds their minimal
//! reproductions as `#[ignore]`d tests (`-- --ignored` runs them).
//!
//! Environment: `FUZZ_CASES` (cases per target; default below), `FUZZ_SEED` (another
//! sequence of cases), `FUZZ_ONLY` (run only targets whose name contains it),
//! `FUZZ_CORPUS_DIR` (also write the seeds as a cargo-fuzz corpus: DIR/<family>/, each file
//! a selector byte then the seed, as `fuzz/fuzz_targets/*.rs` read them).
//! Per-target counts print with `cargo test -p retention-core --test fuzz_parsers -- --nocapture`.

mod fuzz_common;

use fuzz_common::{as_text_input, install_panic_hook, run_case, Target, LAST_ERROR};
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Instant;

/// Cases per target when `FUZZ_CASES` is not set: the whole file runs in well under 20 s
/// in a debug build on two cores.
const DEFAULT_CASES: u64 = 15_000;

// --- a small PRNG -----------------------------------------------------------------------------

/// xorshift64* (Vigna): small, fast and good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// --- mutations --------------------------------------------------------------------------------

/// Tokens inserted into text.
const TOKENS: &[&str] = &[
    "0",
    "1",
    "2",
    "7",
    "9",
    "-",
    "+",
    "e",
    "E",
    ".",
    ",",
    ":",
    "[",
    "]",
    "(",
    ")",
    "\"",
    "\\",
    " ",
    "\t",
    "\n",
    "99999999999999999999",
    "1e309",
    "NaN",
    "inf",
    "-0",
    "null",
    "true",
    "false",
    "version",
    "é",
    "€",
    "😀",
    "\u{FFFD}",
    "\u{0}",
    "[]",
    "()",
    "\"\"",
    ",,",
    "::",
];

/// Boundary values that replace a number in text.
const NUMBERS: &[&str] = &[
    "0", "1", "-1", "-0", "-0.0", "0.0", "2", "3", "9", "10", "11", "100", "101", "1000",
    "1001", "1200", "1201", "255", "256", "32767", "32768", "-32768", "-32769", "65535",
    "2147483647", "2147483648", "-2147483648", "4294967295", "4294967296",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "18446744073709551615", "18446744073709551616",
    "99999999999999999999", "9007199254740992", "9007199254740993",
    "170141183460469231731687303715884105727", "170141183460469231731687303715884105728",
    "99999999999999999999999999999999999999", "999999999999999999999999999999999999999",
    "0.000000000000000000000000000001", "0.0000000000000000000000000000001",
    "1.000000000000000000000000000000", "0.5", "1.0", "1.5", "0.1", "5e-324", "1e309",
    "1.7976931348623157e308", "17976931348623157000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0",
    "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005",
    "NaN", "inf", "-inf", "null", "true", "\"0\"",
    "\"0001-01-01 00:00:00+00\"", "\"9999-12-31 23:59:59.999999+00\"",
    "\"10000-01-01 00:00:00+00\"", "\"2024-02-29 00:00:00+00\"", "\"2026-02-29 00:00:00+00\"",
    "\"2026-01-01\"", "\"0001-01-01\"", "\"9999-12-01\"", "\"9999-12-31\"", "\"2026-01-05\"",
    "\"UTC\"", "\"Europe/Berlin\"", "\"\"", "\"day\"", "\"week\"", "\"month\"", "\"quarter\"",
    "\"year\"", "\"DAY\"", "\"fortnight\"",
];

/// Byte strings that overwrite or are inserted into binary input: varints at their limits
/// (and overlong), doubles (NaN, infinities, -0, subnormal, 2^53), big-endian words.
fn binary_tokens() -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = vec![
        vec![0],
        vec![1],
        vec![0x7f],
        vec![0x80],
        vec![0x80, 0x00],
        vec![0x80, 0x80, 0x80, 0x00],
        vec![0xff],
        vec![0xff; 10],
        vec![0xff, 0xff, 0xff, 0xff, 0x0f],
        vec![0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
        vec![0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02],
        vec![0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
        vec![0xff; 19],
        vec![0x80; 20],
    ];
    for f in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -0.0,
        5e-324,
        9007199254740992.0,
        1e308,
        1.0,
        0.0,
    ] {
        out.push(f.to_le_bytes().to_vec());
    }
    for w in [
        0u64,
        1,
        u64::MAX,
        i64::MAX as u64,
        1 << 63,
        u32::MAX as u64,
        0x0101_0101_0101_0101,
    ] {
        out.push(w.to_be_bytes().to_vec());
    }
    for h in [0i16, -1, 1, 10, 100, 101, i16::MIN, i16::MAX] {
        out.push(h.to_be_bytes().to_vec());
    }
    out
}

/// Maximal runs of number-like characters (and quoted strings) in `s`.
fn number_spans(s: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'"' {
            let start = i;
            i += 1;
            while i < s.len() && s[i] != b'"' {
                i += if s[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(s.len());
            spans.push((start, i));
        } else if s[i].is_ascii_digit()
            || s[i] == b'-'
            || s[i] == b'n'
            || s[i] == b't'
            || s[i] == b'f'
        {
            let start = i;
            while i < s.len() && (s[i].is_ascii_alphanumeric() || b"-+.".contains(&s[i])) {
                i += 1;
            }
            spans.push((start, i));
        } else {
            i += 1;
        }
    }
    spans
}

struct Mutator {
    seeds: Vec<Vec<u8>>,
    text: bool,
    /// Identifiers and quoted strings of the seeds: field names, zones, units.
    words: Vec<Vec<u8>>,
    binary: Vec<Vec<u8>>,
}

impl Mutator {
    fn new(seeds: Vec<Vec<u8>>, text: bool) -> Mutator {
        let mut words: Vec<Vec<u8>> = Vec::new();
        if text {
            for s in &seeds {
                for w in s.split(|c| !(c.is_ascii_lowercase() || *c == b'_')) {
                    if w.len() > 1 && !words.iter().any(|x| x == w) {
                        words.push(w.to_vec());
                    }
                }
            }
        }
        Mutator {
            seeds,
            text,
            words,
            binary: binary_tokens(),
        }
    }

    fn case(&self, rng: &mut Rng) -> Vec<u8> {
        if rng.chance(1) {
            return Vec::new();
        }
        let mut b = rng.pick(&self.seeds).clone();
        if rng.chance(3) {
            return b; // the seed itself
        }
        // Often one mutation (more inputs stay close to valid), sometimes up to four.
        let rounds = if rng.chance(50) { 1 } else { 1 + rng.below(4) };
        for _ in 0..rounds {
            self.mutate(rng, &mut b);
        }
        if b.len() > 4096 {
            b.truncate(4096);
        }
        b
    }

    fn insert(b: &mut Vec<u8>, at: usize, what: &[u8]) {
        let at = at.min(b.len());
        b.splice(at..at, what.iter().copied());
    }

    fn overwrite(b: &mut Vec<u8>, at: usize, what: &[u8]) {
        for (i, c) in what.iter().enumerate() {
            match b.get_mut(at + i) {
                Some(x) => *x = *c,
                None => b.push(*c),
            }
        }
    }

    fn mutate(&self, rng: &mut Rng, b: &mut Vec<u8>) {
        let len = b.len();
        let pos = |rng: &mut Rng| if len == 0 { 0 } else { rng.below(len + 1) };
        match rng.below(if self.text { 11 } else { 10 }) {
            // bit flip
            0 if len > 0 => {
                let i = rng.below(len);
                b[i] ^= 1 << rng.below(8);
            }
            // byte replacement
            1 if len > 0 => {
                let i = rng.below(len);
                b[i] = if self.text && rng.chance(70) {
                    *rng.pick(b" -+.eE,:[]()\"\\0123456789nulltruefalse_az")
                } else {
                    rng.next() as u8
                };
            }
            // token insertion
            2 => {
                let at = pos(rng);
                if self.text {
                    if !self.words.is_empty() && rng.chance(30) {
                        let w = rng.pick(&self.words).clone();
                        Self::insert(b, at, &w);
                    } else {
                        Self::insert(b, at, rng.pick(TOKENS).as_bytes());
                    }
                } else {
                    let t = rng.pick(&self.binary).clone();
                    Self::insert(b, at, &t);
                }
            }
            // truncation
            3 => {
                let at = pos(rng);
                b.truncate(at);
            }
            // duplicate a slice
            4 if len > 0 => {
                let from = rng.below(len);
                let to = from + 1 + rng.below((len - from).min(64));
                let piece = b[from..to].to_vec();
                let at = pos(rng);
                Self::insert(b, at, &piece);
            }
            // delete a slice
            5 if len > 0 => {
                let from = rng.below(len);
                let to = from + 1 + rng.below((len - from).min(16));
                b.drain(from..to);
            }
            // splice with another seed: a prefix of this, a suffix of that
            6 => {
                let other = rng.pick(&self.seeds);
                let at = pos(rng);
                let from = if other.is_empty() {
                    0
                } else {
                    rng.below(other.len())
                };
                b.truncate(at);
                b.extend_from_slice(&other[from..]);
            }
            // invalid UTF-8 / raw bytes
            7 => {
                let at = pos(rng);
                let junk: &[&[u8]] = &[
                    b"\xff",
                    b"\xc3",
                    b"\xe2\x82",
                    b"\xf0\x9f\x98",
                    b"\xed\xa0\x80",
                    b"\xc0\x80",
                    b"\x00",
                ];
                let j: &[u8] = rng.pick::<&[u8]>(junk);
                Self::insert(b, at, j);
            }
            // overwrite with a binary token (words, varints, doubles)
            8 if !self.text => {
                let t = rng.pick(&self.binary).clone();
                let at = pos(rng);
                Self::overwrite(b, at, &t);
            }
            // change one varint/byte value by a small amount
            9 if !self.text && len > 0 => {
                let i = rng.below(len);
                b[i] = b[i].wrapping_add([1u8, 255, 2, 254, 128][rng.below(5)]);
            }
            // replace a number (or string, or word) with a boundary value
            8..=10 if self.text => {
                let spans = number_spans(b);
                if spans.is_empty() {
                    let at = pos(rng);
                    Self::insert(b, at, rng.pick(NUMBERS).as_bytes());
                } else {
                    let (from, to) = *rng.pick(&spans);
                    let n = rng.pick(NUMBERS).as_bytes().to_vec();
                    b.splice(from..to, n);
                }
            }
            _ => {
                let at = pos(rng);
                Self::insert(b, at, rng.pick(TOKENS).as_bytes());
            }
        }
    }
}

// --- running cases ------------------------------------------------------------------------------

/// The same kind of failure: a panic at the same place, or a failed round trip with the
/// same beginning and the same final reason.
fn same_failure(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        if s.starts_with("panic") {
            s.rsplit(" at ").next().unwrap_or(s).to_string()
        } else {
            // The message up to the first quoted text, and the reason a text did not read back.
            let head: String = s.chars().take_while(|c| *c != '"').take(80).collect();
            let tail = if s.contains("does not read back") {
                s.rsplit(": ").next().unwrap_or("")
            } else {
                ""
            };
            format!("{head}|{tail}")
        }
    };
    key(a) == key(b)
}

/// Shrink a failing input while it fails the same way: delete chunks (halving their size),
/// then zero single bytes (binary) or replace them by '0' (text digits), to leave only what
/// matters.
fn minimize(t: &Target, input: &[u8], failure: &str) -> Vec<u8> {
    let mut best = input.to_vec();
    let mut budget = 6000;
    let still_fails = |candidate: &[u8], budget: &mut i32| -> bool {
        *budget -= 1;
        matches!(run_case(t, candidate), Err(f) if same_failure(&f, failure))
    };
    let mut chunk = (best.len() / 2).max(1);
    loop {
        let mut progressed = false;
        // Word-aligned starts too, for the order summaries' 2-byte header + 8-byte words.
        for phase in [0usize, 2] {
            let mut i = phase;
            while i < best.len() && budget > 0 {
                let mut candidate = best.clone();
                candidate.drain(i..(i + chunk).min(best.len()));
                let candidate = if t.text {
                    as_text_input(&candidate)
                } else {
                    candidate
                };
                if still_fails(&candidate, &mut budget) {
                    best = candidate;
                    progressed = true;
                } else {
                    i += chunk;
                }
            }
        }
        if budget <= 0 || (chunk == 1 && !progressed) {
            break;
        }
        if !progressed {
            chunk = (chunk / 2).max(1);
        }
    }
    for i in 0..best.len() {
        if budget <= 0 {
            break;
        }
        let simpler = if t.text {
            if best[i].is_ascii_digit() && best[i] != b'0' {
                b'0'
            } else {
                continue;
            }
        } else if best[i] != 0 {
            0
        } else {
            continue;
        };
        let mut candidate = best.clone();
        candidate[i] = simpler;
        if still_fails(&candidate, &mut budget) {
            best = candidate;
        }
    }
    best
}

/// At most `max` characters of `s`, marked when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!(
            "{}... ({} more characters)",
            s.chars().take(max).collect::<String>(),
            s.chars().count() - max
        )
    }
}

fn escaped(b: &[u8]) -> String {
    b.escape_ascii().to_string()
}

struct Stats {
    name: &'static str,
    cases: u64,
    ok: u64,
    err: u64,
    errors: BTreeMap<&'static str, u64>,
    failures: Vec<String>,
    /// Known issues met (see `fuzz_common::known_issue`) and a first input of each.
    known: Vec<(&'static str, String)>,
    seconds: f64,
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

fn name_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

fn fuzz_target(t: &Target, cases: u64, seed: u64) -> Stats {
    let started = Instant::now();
    let seeds: Vec<Vec<u8>> = (t.seeds)();
    let mutator = Mutator::new(seeds.clone(), t.text);
    let mut rng = Rng::new(seed ^ name_hash(t.name));
    let mut s = Stats {
        name: t.name,
        cases: 0,
        ok: 0,
        err: 0,
        errors: BTreeMap::new(),
        failures: Vec::new(),
        known: Vec::new(),
        seconds: 0.0,
    };
    let mut seen_failures: Vec<String> = Vec::new();
    // The seeds themselves first, then mutations.
    let inputs = seeds
        .iter()
        .cloned()
        .map(Some)
        .chain(std::iter::repeat(None));
    for seed_input in inputs.take(cases as usize) {
        let raw = seed_input.unwrap_or_else(|| mutator.case(&mut rng));
        let input = if t.text { as_text_input(&raw) } else { raw };
        s.cases += 1;
        LAST_ERROR.with(|c| c.set("error"));
        match run_case(t, &input) {
            Ok(true) => s.ok += 1,
            Ok(false) => {
                s.err += 1;
                *s.errors.entry(LAST_ERROR.with(|c| c.get())).or_default() += 1;
            }
            Err(failure) => {
                s.err += 1;
                if let Some(issue) = fuzz_common::known_issue(t.name, &failure) {
                    *s.errors.entry("known").or_default() += 1;
                    if !s.known.iter().any(|k| k.0 == issue) {
                        s.known.push((issue, escaped(&input)));
                    }
                    continue;
                }
                if seen_failures.iter().any(|f| same_failure(f, &failure))
                    || seen_failures.len() >= 5
                {
                    continue;
                }
                seen_failures.push(failure.clone());
                let small = minimize(t, &input, &failure);
                let small_failure = run_case(t, &small).err().unwrap_or_else(|| failure.clone());
                s.failures.push(format!(
                    "{}: {}\n    input ({} bytes): b\"{}\"\n    minimal ({} bytes): b\"{}\"",
                    t.name,
                    cut(&small_failure, 600),
                    input.len(),
                    cut(&escaped(&input), 300),
                    small.len(),
                    escaped(&small)
                ));
            }
        }
    }
    s.seconds = started.elapsed().as_secs_f64();
    s
}

fn write_corpus(dir: &str) {
    for family in fuzz_common::FAMILIES {
        let targets = fuzz_common::family_targets(family);
        let path = std::path::Path::new(dir).join(family);
        std::fs::create_dir_all(&path).expect("create corpus directory");
        for (i, t) in targets.iter().enumerate() {
            for seed in (t.seeds)() {
                let mut bytes = vec![i as u8];
                bytes.extend_from_slice(&seed);
                let file = path.join(format!(
                    "seed-{i:02}-{:016x}",
                    name_hash(&String::from_utf8_lossy(&bytes)) ^ bytes.len() as u64
                ));
                std::fs::write(file, &bytes).expect("write corpus file");
            }
        }
    }
}

#[test]
fn fuzz_every_parser() {
    install_panic_hook();
    if let Ok(dir) = std::env::var("FUZZ_CORPUS_DIR") {
        write_corpus(&dir);
        println!("fuzz_parsers: wrote the seed corpus to {dir}");
    }
    let cases = env_u64("FUZZ_CASES").unwrap_or(DEFAULT_CASES);
    let seed = env_u64("FUZZ_SEED").unwrap_or(0x5e_ed0f_f022);
    let only = std::env::var("FUZZ_ONLY").unwrap_or_default();
    let targets: Vec<Target> = fuzz_common::targets()
        .into_iter()
        .filter(|t| t.name.contains(only.as_str()))
        .collect();
    let started = Instant::now();
    // Targets are shared among the cores; each target's cases are one reproducible sequence.
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(targets.len().max(1));
    let next = Mutex::new(0usize);
    let results = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    *n += 1;
                    *n - 1
                };
                let Some(t) = targets.get(i) else { break };
                let s = fuzz_target(t, cases, seed);
                results.lock().unwrap().push((i, s));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(i, _)| *i);
    println!("fuzz_parsers: {cases} cases per target, seed {seed:#x}");
    println!(
        "{:<28} {:>8} {:>8} {:>8} {:>7}  errors by SQLSTATE class",
        "target", "cases", "ok", "err", "secs"
    );
    let (mut total, mut ok, mut err) = (0, 0, 0);
    let mut failures = Vec::new();
    for (_, s) in &results {
        let classes: Vec<String> = s.errors.iter().map(|(k, v)| format!("{k}:{v}")).collect();
        println!(
            "{:<28} {:>8} {:>8} {:>8} {:>7.2}  {}",
            s.name,
            s.cases,
            s.ok,
            s.err,
            s.seconds,
            classes.join(" ")
        );
        total += s.cases;
        ok += s.ok;
        err += s.err;
        failures.extend(s.failures.iter().cloned());
    }
    println!(
        "total: {total} cases over {} targets, {ok} values, {err} errors, {} failures, {:.1} s",
        results.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    for (_, s) in &results {
        for (issue, input) in &s.known {
            println!(
                "KNOWN ISSUE ({}): {issue}; first input: b\"{input}\"",
                s.name
            );
        }
    }
    for f in &failures {
        println!("FAILURE {f}");
    }
    assert!(
        failures.is_empty(),
        "{} fuzz failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Minimal reproductions of the library bugs the fuzzers found (`fuzz_common::known_issue`
/// lists them so that `fuzz_every_parser` stays green). Each test states the behavior
/// wanted, fails today, and is `#[ignore]`d: run them with
/// `cargo test -p retention-core --test fuzz_parsers -- --ignored`. When a bug is fixed,
/// remove the `#[ignore]` and its entry in `known_issue`.
mod known_issues {
    use retention_core::allocator_api2::alloc::Global;
    use retention_core::decimal::Dec;
    use retention_core::orders::history::{self, HistoryBuilder};
    use retention_core::orders::ids::Key;
    use retention_core::orders::log::OrderLog;
    use retention_core::orders::mrr::{self, Mrr};
    use retention_core::orders::series::{self, Activity};
    use retention_core::orders::stats::{self, Stats};
    use retention_core::orders::words::{self, Summary};
    use retention_core::predict::survival::KaplanMeier;
    use retention_core::time::{utc, utc_period, Unit};
    use retention_core::varint::{self, Reader};

    fn dec(s: &str) -> Dec {
        Dec::parse(s).unwrap()
    }

    /// Replace the one occurrence of `from` in `bytes` by `to`.
    fn patch(bytes: &mut [u8], from: &[u8], to: &[u8]) {
        let at: Vec<usize> = (0..=bytes.len() - from.len())
            .filter(|i| bytes[*i..].starts_with(from))
            .collect();
        assert_eq!(at.len(), 1, "the pattern must occur once");
        bytes[at[0]..at[0] + to.len()].copy_from_slice(to);
    }

    /// A period_series of customers with the given (day of January 2026, amount) orders.
    fn series(customers: &[&[(u32, Option<&str>)]]) -> Vec<u64> {
        let mut body = series::new_body(Unit::Month, "UTC").unwrap();
        for orders in customers.iter() {
            let mut h = HistoryBuilder::new_in(Global);
            for (day, amount) in orders.iter() {
                h.add(utc(2026, 1, *day, 0, 0, 0), amount.map(dec), 0, None, None)
                    .unwrap();
            }
            h.sort();
            let mut locate = |ts: i64| utc_period(Unit::Month, ts).map(|p| p.index);
            while let Some(grown) =
                series::add_activity(&mut body, &h.customer(), &mut locate).unwrap()
            {
                body = grown;
            }
        }
        body
    }

    /// K1 (fixed). survival_curve counts were u64 but its text form reads i64: repeated
    /// durations (or rollup, or a partial state) added up past 2^63 - 1 and the value printed
    /// a text that did not read back. Every predictive count now stops at 2^63 - 1 with
    /// 22003, so such input is an error where it arrives. SQL: `SELECT '(version:1,durations:[1.0,1.0],events:[9223372036854775807,
    /// 9223372036854775807],censored:[0,0])'::survival_curve::text::survival_curve;` and
    /// `SELECT subjects(rollup(c)) FROM (VALUES (x), (x)) v(c)` with x a curve of 2^63 - 1 events.
    #[test]
    fn k1_survival_curve_counts_past_i64_read_back() {
        let input = "(version:1,durations:[1.0,1.0],events:[9223372036854775807,9223372036854775807],censored:[0,0])";
        if let Ok(km) = KaplanMeier::from_text(input) {
            let text = km.to_text();
            assert!(
                KaplanMeier::from_text(&text).is_ok(),
                "{text} does not read back"
            );
        }
        let mut state = vec![1u8, 1];
        state.extend_from_slice(&5.0f64.to_le_bytes());
        varint::put(&mut state, (u64::MAX - 1) as u128);
        varint::put(&mut state, 1);
        if let Ok(km) = KaplanMeier::deserialize(&state) {
            let text = km.to_text();
            assert!(
                KaplanMeier::from_text(&text).is_ok(),
                "{text} does not read back"
            );
        }
    }

    /// K2 (aggregates; fixed: the text reader now keeps an integer past i64 for the decimal
    /// fields, and only a count refuses it). A whole-number amount above 2^63 - 1 (display
    /// scale 0) printed as an integer, which the text reader parsed as i64 only: customer_history, customer_stats'
    /// revenue and mrr_summary's amounts do not read back. SQL:
    /// `SELECT customer_history_agg(now(), 10000000000000000000)::text::customer_history;`
    #[test]
    fn k2_big_whole_amounts_read_back() {
        let mut h = HistoryBuilder::new_in(Global);
        h.add(
            utc(2026, 1, 1, 0, 0, 0),
            Some(dec("10000000000000000000")),
            0,
            None,
            None,
        )
        .unwrap();
        h.sort();
        let text = history::to_text(&h.customer());
        assert!(
            history::from_text(&text, Global).is_ok(),
            "{text} does not read back"
        );
        let mut s = stats::new_body();
        while let Some(grown) = stats::add_customer(&mut s, &h.customer()).unwrap() {
            s = grown;
        }
        let text = Stats::to_text(&s);
        assert!(Stats::from_text(&text).is_ok(), "{text} does not read back");
        let mut m = mrr::new_body();
        mrr::add(&mut m, Some(dec("10000000000000000000")), None).unwrap();
        let text = Mrr::to_text(&m);
        assert!(Mrr::from_text(&text).is_ok(), "{text} does not read back");
    }

    /// K2 (binary receive; fixed for the order summaries, which now refuse a value whose
    /// text form does not read back). The order summaries' binary receive did not bound counts by
    /// 2^63 - 1 as text input does: a period_series whose January order count is 2^63 + 7
    /// (or a customer_stats gap, a cohort cell...) is received, and prints a text that does not
    /// read back.
    #[test]
    fn k2_binary_counts_past_i64_are_rejected_or_read_back() {
        let body = series(&[&[
            (1, None),
            (2, None),
            (3, None),
            (4, None),
            (5, None),
            (6, None),
            (7, None),
        ]]);
        let mut bytes = words::to_binary::<Activity>(&body);
        patch(
            &mut bytes,
            &7u64.to_be_bytes(),
            &((1u64 << 63) + 7).to_be_bytes(),
        );
        if let Ok(received) = words::from_binary::<Activity>(&bytes) {
            let text = Activity::to_text(&received);
            assert!(
                Activity::from_text(&text).is_ok(),
                "{text} does not read back"
            );
        }
    }

    /// K3 (fixed). period_series' check added a period's new + retained + reactivated
    /// counts in u64: three counts of 2^63 - 1 overflowed (a panic in debug builds, a silent
    /// wrap in release builds). It sums them in u128 now. Text input reached it: SQL
    /// `SELECT '<K3_TEXT>'::period_series;`.
    pub const K3_TEXT: &str = "(version:1,unit:\"month\",zone:\"UTC\",first_period:\"2026-01-01\",scale:0,new_customers:[9223372036854775807,9223372036854775807,0],retained:[0,9223372036854775807,0],reactivated:[0,9223372036854775807,0],churned:[0,0,9223372036854775805],orders:[9223372036854775807,9223372036854775807,0],priced_orders:[0,0,0],revenue:[0,0,0])";

    #[test]
    fn k3_period_series_check_does_not_overflow() {
        let r = std::panic::catch_unwind(|| Activity::from_text(K3_TEXT).is_err());
        assert!(
            matches!(r, Ok(true)),
            "inconsistent counts must be rejected without a panic"
        );
    }

    /// K4 (fixed: `read_append` refuses such rows). OrderLog::read_append checked each
    /// partial-state row's scale and display scale against their limits, but not that
    /// display >= scale: customers built from such rows were histories whose stored form
    /// customer_history's own check rejects. Partial states only come from the server's own
    /// parallel workers, so this needs a corrupt state.
    #[test]
    fn k4_order_log_rows_with_display_below_scale_are_rejected() {
        let ts = utc(2026, 1, 1, 0, 0, 0);
        let mut log = OrderLog::new_in(Global);
        log.push(Key::Int(1), ts, Some(dec("1.25")), 0, None, None)
            .unwrap();
        let mut bytes = Vec::new();
        log.write(&mut bytes);
        // The valid state reads back.
        let mut received = OrderLog::new_in(Global);
        received.read_append(&mut Reader::new(&bytes)).unwrap();
        // A row is key, ts, amount (8 bytes each), scale, flags, display (2 bytes), extra.
        let at = (0..bytes.len() - 8)
            .find(|i| bytes[*i..].starts_with(&ts.to_ne_bytes()))
            .unwrap();
        assert_eq!(bytes[at + 16], 2, "scale");
        bytes[at + 18..at + 20].copy_from_slice(&0u16.to_ne_bytes()); // display scale 0 < 2
        let mut received = OrderLog::new_in(Global);
        assert!(
            received.read_append(&mut Reader::new(&bytes)).is_err(),
            "a row with display scale 0 below its scale 2 must be refused"
        );
        let mut scratch = HistoryBuilder::new_in(Global);
        received
            .each_customer(&mut scratch, |c| {
                let stored = history::encode(c);
                assert!(
                    history::check_binary(&stored).is_ok(),
                    "invalid history {}",
                    history::to_text(c)
                );
                Ok(())
            })
            .unwrap();
    }

    /// K4, the same for the cost of an order (items and cost travel beside the rows).
    #[test]
    fn k4_order_log_costs_with_display_below_scale_are_rejected() {
        let ts = utc(2026, 1, 1, 0, 0, 0);
        let mut log = OrderLog::new_in(Global);
        log.push(Key::Int(1), ts, None, 0, None, Some(dec("1.25")))
            .unwrap();
        let mut bytes = Vec::new();
        log.write(&mut bytes);
        // kind, 0 ids, 1 extra: tag 2 (cost), scale 2, display 2 (varint), mantissa.
        patch(&mut bytes, &[1, 2, 2, 2], &[1, 2, 2, 0]);
        let mut received = OrderLog::new_in(Global);
        assert!(received.read_append(&mut Reader::new(&bytes)).is_err());
    }

    /// K5 (fixed: binary receive now refuses a value whose text form does not read back).
    /// The calendar summaries' binary receive accepted a scale word whose display scale is
    /// below the amounts' scale (text input and the aggregates never make one): the text
    /// prints `scale:0` and amounts with 2 decimals, which text input rejects.
    #[test]
    fn k5_display_scale_below_scale_is_rejected_or_reads_back() {
        let body = series(&[&[(1, Some("7.25"))]]);
        let mut bytes = words::to_binary::<Activity>(&body);
        // scale word: scale 2 | display 2 << 8 -> display 0
        patch(&mut bytes, &0x0202u64.to_be_bytes(), &2u64.to_be_bytes());
        if let Ok(received) = words::from_binary::<Activity>(&bytes) {
            let text = Activity::to_text(&received);
            assert!(
                Activity::from_text(&text).is_ok(),
                "{text} does not read back"
            );
        }
    }

    /// K6 (fixed: binary receive refuses a value whose text form would hold a NUL). The
    /// calendar summaries' binary receive took any UTF-8 time zone name, NUL bytes
    /// included; the text output then holds a NUL, where PostgreSQL cuts the cstring
    /// (`(version:1,unit:"month",zone:"U`), and the value cannot be dumped as text.
    #[test]
    fn k6_zone_with_nul_is_rejected() {
        let body = series(&[&[(1, None)]]);
        let mut bytes = words::to_binary::<Activity>(&body);
        // "UTC" little-endian in one big-endian word: 00 00 00 00 00 'C' 'T' 'U'.
        patch(&mut bytes, b"\0\0\0\0\0CTU", b"\0\0\0\0\0C\0U");
        if let Ok(received) = words::from_binary::<Activity>(&bytes) {
            let text = Activity::to_text(&received);
            assert!(!text.contains('\0'), "{text:?} holds a NUL byte");
        }
    }
}
