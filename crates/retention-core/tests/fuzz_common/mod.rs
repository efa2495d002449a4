//! The parsers of outside bytes and text, as fuzz targets: shared by the deterministic
//! mutation fuzzer (`tests/fuzz_parsers.rs`, run by `cargo test`) and the coverage-guided
//! cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`, run by `scripts/fuzz.sh`).
//!
//! A target takes one input and says whether it parsed to a value (`Ok(true)`) or was
//! rejected with an error (`Ok(false)`). A panic anywhere is a failure, and so is a value
//! whose own output does not read back: `Err(why)`. Checked for every value:
//!
//! - text parsers: `to_text` of the value parses again, to an equal value (or, where values
//!   have no equality, to the same text), and the value's binary form decodes to it;
//! - binary parsers: the value's canonical bytes decode to it again, and its text form
//!   parses (so a value accepted by binary receive can be dumped as text and restored);
//! - partial-state decoders: the state written back decodes to the same state.
//!
//! Seeds are valid encodings built with the crate's own builders, plus hand-written edge
//! cases.

#![allow(dead_code)]

use retention_core::allocator_api2::alloc::Global;
use retention_core::allocator_api2::vec::Vec as AVec;
use retention_core::decimal::Dec;
use retention_core::funnel::{FunnelState, Modes};
use retention_core::orders::activity::{self, ActiveDays};
use retention_core::orders::cohort::{self, Cohorts};
use retention_core::orders::history::{self, HistoryBuilder};
use retention_core::orders::ids::{IdMap, Key, KeyKind, Span, StateValue};
use retention_core::orders::log::OrderLog;
use retention_core::orders::runs::RunMap;
use retention_core::orders::mrr::{self, Mrr};
use retention_core::orders::onestep;
use retention_core::orders::retention::{self, Retention, Window};
use retention_core::orders::series::{self, Activity, MrrSeries};
use retention_core::orders::stats::{self, Stats};
use retention_core::orders::words::{self, Grow, Summary};
use retention_core::orders::{HAS_COST, HAS_ITEMS};
use retention_core::predict::bgnbd::BgNbd;
use retention_core::predict::gamma_gamma::GammaGamma;
use retention_core::predict::rfm::{FitState, Histogram, Rfm};
use retention_core::predict::sbg::{self, Cohort, Sbg};
use retention_core::predict::survival::KaplanMeier;
use retention_core::predict::FitInfo;
use retention_core::survey::{self, OwnedSummary, Scale};
use retention_core::time::{self, format_timestamp, parse_timestamp, utc, utc_period, Unit};
use retention_core::varint::Reader;
use retention_core::{MetricError, Result as MResult};

/// What one case ended in.
pub type Outcome = std::result::Result<bool, String>;

pub struct Target {
    pub name: &'static str,
    /// The cargo-fuzz target that runs it (one per parser family).
    pub family: &'static str,
    /// Text parsers take `&str`: the fuzzers make their bytes valid UTF-8 first (lossily).
    pub text: bool,
    pub check: fn(&[u8]) -> Outcome,
    pub seeds: fn() -> Vec<Vec<u8>>,
}

/// The fuzz target families, in the order `scripts/fuzz.sh` runs them.
pub const FAMILIES: &[&str] = &[
    "survey",
    "order_summaries_text",
    "order_summaries_binary",
    "customer_history",
    "models_text",
    "partial_states",
    "scalars",
];

macro_rules! target {
    ($name:expr, $family:expr, $text:expr, $check:expr, $seeds:expr) => {
        Target {
            name: $name,
            family: $family,
            text: $text,
            check: $check,
            seeds: $seeds,
        }
    };
}

pub fn targets() -> Vec<Target> {
    vec![
        // survey summaries: text input and binary receive
        target!(
            "nps_summary text",
            "survey",
            true,
            |b| survey_text(survey::Kind::Nps, b),
            || survey_seeds(survey::Kind::Nps, true)
        ),
        target!(
            "csat_summary text",
            "survey",
            true,
            |b| survey_text(survey::Kind::Csat, b),
            || survey_seeds(survey::Kind::Csat, true)
        ),
        target!(
            "ces_summary text",
            "survey",
            true,
            |b| survey_text(survey::Kind::Ces, b),
            || survey_seeds(survey::Kind::Ces, true)
        ),
        target!(
            "nps_summary binary",
            "survey",
            false,
            |b| survey_binary(survey::Kind::Nps, b),
            || survey_seeds(survey::Kind::Nps, false)
        ),
        target!(
            "csat_summary binary",
            "survey",
            false,
            |b| survey_binary(survey::Kind::Csat, b),
            || survey_seeds(survey::Kind::Csat, false)
        ),
        target!(
            "ces_summary binary",
            "survey",
            false,
            |b| survey_binary(survey::Kind::Ces, b),
            || survey_seeds(survey::Kind::Ces, false)
        ),
        // order-family summaries: text input
        target!(
            "retention_summary text",
            "order_summaries_text",
            true,
            summary_text::<Retention>,
            || summary_seeds::<Retention>(true)
        ),
        target!(
            "customer_stats text",
            "order_summaries_text",
            true,
            summary_text::<Stats>,
            || summary_seeds::<Stats>(true)
        ),
        target!(
            "period_series text",
            "order_summaries_text",
            true,
            summary_text::<Activity>,
            || summary_seeds::<Activity>(true)
        ),
        target!(
            "mrr_summary text",
            "order_summaries_text",
            true,
            summary_text::<Mrr>,
            || summary_seeds::<Mrr>(true)
        ),
        target!(
            "mrr_series text",
            "order_summaries_text",
            true,
            summary_text::<MrrSeries>,
            || summary_seeds::<MrrSeries>(true)
        ),
        target!(
            "cohort_summary text",
            "order_summaries_text",
            true,
            summary_text::<Cohorts>,
            || summary_seeds::<Cohorts>(true)
        ),
        target!(
            "activity_series text",
            "order_summaries_text",
            true,
            summary_text::<ActiveDays>,
            || summary_seeds::<ActiveDays>(true)
        ),
        // order-family summaries: binary receive
        target!(
            "retention_summary binary",
            "order_summaries_binary",
            false,
            summary_binary::<Retention>,
            || summary_seeds::<Retention>(false)
        ),
        target!(
            "customer_stats binary",
            "order_summaries_binary",
            false,
            summary_binary::<Stats>,
            || summary_seeds::<Stats>(false)
        ),
        target!(
            "period_series binary",
            "order_summaries_binary",
            false,
            summary_binary::<Activity>,
            || summary_seeds::<Activity>(false)
        ),
        target!(
            "mrr_summary binary",
            "order_summaries_binary",
            false,
            summary_binary::<Mrr>,
            || summary_seeds::<Mrr>(false)
        ),
        target!(
            "mrr_series binary",
            "order_summaries_binary",
            false,
            summary_binary::<MrrSeries>,
            || summary_seeds::<MrrSeries>(false)
        ),
        target!(
            "cohort_summary binary",
            "order_summaries_binary",
            false,
            summary_binary::<Cohorts>,
            || summary_seeds::<Cohorts>(false)
        ),
        target!(
            "activity_series binary",
            "order_summaries_binary",
            false,
            summary_binary::<ActiveDays>,
            || summary_seeds::<ActiveDays>(false)
        ),
        // customer_history: text input, binary receive (also the stored form, and peek)
        target!(
            "customer_history text",
            "customer_history",
            true,
            history_text,
            || history_seeds(true)
        ),
        target!(
            "customer_history binary",
            "customer_history",
            false,
            history_binary,
            || history_seeds(false)
        ),
        // fitted models and survival curves: text input (their binary form is the text)
        target!(
            "bgnbd_model text",
            "models_text",
            true,
            bgnbd_text,
            bgnbd_seeds
        ),
        target!(
            "gamma_gamma_model text",
            "models_text",
            true,
            gamma_gamma_text,
            gamma_gamma_seeds
        ),
        target!("sbg_model text", "models_text", true, sbg_text, sbg_seeds),
        target!(
            "survival_curve text",
            "models_text",
            true,
            survival_text,
            survival_text_seeds
        ),
        // partial aggregate states (deserial functions)
        target!(
            "kaplan_meier state",
            "partial_states",
            false,
            km_state,
            km_state_seeds
        ),
        target!(
            "rfm histogram state",
            "partial_states",
            false,
            rfm_state,
            rfm_state_seeds
        ),
        target!(
            "sbg cohort state",
            "partial_states",
            false,
            sbg_cohort_state,
            sbg_cohort_state_seeds
        ),
        target!(
            "id map state (flags)",
            "partial_states",
            false,
            |b| id_map_state::<u8>(b),
            || id_map_seeds::<u8>()
        ),
        target!(
            "id map state (counts)",
            "partial_states",
            false,
            |b| id_map_state::<u64>(b),
            || id_map_seeds::<u64>()
        ),
        target!(
            "id map state (spans)",
            "partial_states",
            false,
            |b| id_map_state::<Span>(b),
            || id_map_seeds::<Span>()
        ),
        target!(
            "order log state",
            "partial_states",
            false,
            order_log_state,
            order_log_seeds
        ),
        target!(
            "run map state",
            "partial_states",
            false,
            run_map_state,
            run_map_seeds
        ),
        target!(
            "one-step state head",
            "partial_states",
            false,
            onestep_head,
            onestep_head_seeds
        ),
        target!(
            "rfm fit state",
            "partial_states",
            false,
            fit_state,
            fit_state_seeds
        ),
        target!(
            "window_funnel state",
            "partial_states",
            false,
            funnel_state,
            funnel_state_seeds
        ),
        // scalar parsers under the text forms and arguments
        target!("Dec::parse", "scalars", true, dec_parse, dec_seeds),
        target!(
            "Dec::from_pg_numeric",
            "scalars",
            false,
            pg_numeric,
            pg_numeric_seeds
        ),
        target!(
            "parse_timestamp",
            "scalars",
            true,
            timestamp_parse,
            timestamp_seeds
        ),
        target!("Unit::parse", "scalars", true, unit_parse, unit_seeds),
        target!("Modes::parse", "scalars", true, modes_parse, modes_seeds),
    ]
}

pub fn family_targets(family: &str) -> Vec<Target> {
    targets()
        .into_iter()
        .filter(|t| t.family == family)
        .collect()
}

/// The input a text target sees for `bytes`: valid UTF-8 (invalid sequences become
/// U+FFFD, which exercises multi-byte characters too), without NUL bytes.
/// NUL bytes are dropped: PostgreSQL hands type input a cstring.
pub fn as_text_input(bytes: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(bytes)
        .replace('\0', "")
        .into_bytes()
}

fn text(b: &[u8]) -> &str {
    // The harnesses only pass valid UTF-8 to text targets.
    std::str::from_utf8(b).unwrap_or("")
}

fn fail(why: impl std::fmt::Display) -> String {
    why.to_string()
}

/// Which SQLSTATE class an error maps to (for the per-target error census).
pub fn error_class(e: &MetricError) -> &'static str {
    match e {
        MetricError::InvalidParameter(_) => "22023",
        MetricError::OutOfRange(_) => "22003",
        MetricError::InvalidText(_) => "22P02",
        MetricError::InvalidBinary(_) => "22P03",
        MetricError::DatetimeOutOfRange(_) => "22008",
        MetricError::LimitExceeded(_) => "54000",
    }
}

thread_local! {
    /// Error classes of the rejected inputs of this thread's last case (for statistics).
    pub static LAST_ERROR: std::cell::Cell<&'static str> = const { std::cell::Cell::new("") };
}

fn rejected(e: &MetricError) -> Outcome {
    LAST_ERROR.with(|c| c.set(error_class(e)));
    Ok(false)
}

fn rejected_str() -> Outcome {
    LAST_ERROR.with(|c| c.set("error"));
    Ok(false)
}

// --- running one case ---------------------------------------------------------------------

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static PANIC_MESSAGE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Panics inside a fuzz case are recorded, not printed; panics elsewhere print as usual.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(|q| q.get()) {
                let at = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                let msg = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                PANIC_MESSAGE.with(|m| *m.borrow_mut() = format!("panic: {msg}{at}"));
            } else {
                default(info);
            }
        }));
    });
}

/// One case: Ok(parsed?) or the failure.
pub fn run_case(t: &Target, input: &[u8]) -> Result<bool, String> {
    QUIET.with(|q| q.set(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (t.check)(input)));
    QUIET.with(|q| q.set(false));
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(why)) => Err(format!("round trip: {why}")),
        Err(_) => Err(PANIC_MESSAGE.with(|m| m.borrow().clone())),
    }
}

// --- known issues ---------------------------------------------------------------------------

/// Failures of library bugs already reported, which the fuzzers count but do not fail on:
/// the issue's label, or None for a new failure. Each has an `#[ignore]`d minimal
/// reproduction in `tests/fuzz_parsers.rs` (module `known_issues`); remove its entry here
/// when the bug is fixed.
pub fn known_issue(_target: &str, _failure: &str) -> Option<&'static str> {
    // None open: K4 (order log partial state rows with display scale < scale) is fixed.
    None
}

/// A text output must be a valid cstring: PostgreSQL truncates it at a NUL byte.
fn check_cstring(t: &str) -> Outcome {
    if t.contains('\0') {
        return Err(fail(format!(
            "text output {t:?} contains a NUL byte, which a cstring cannot hold"
        )));
    }
    Ok(true)
}

// --- survey ---------------------------------------------------------------------------------

fn survey_text(kind: survey::Kind, b: &[u8]) -> Outcome {
    let input = text(b);
    let v = match survey::from_text(kind, input) {
        Ok(v) => v,
        Err(e) => return rejected(&e),
    };
    survey_round_trip(kind, &v)?;
    Ok(true)
}

fn survey_binary(kind: survey::Kind, b: &[u8]) -> Outcome {
    let v = match survey::from_binary(kind, b) {
        Ok(v) => v,
        Err(e) => return rejected(&e),
    };
    if v.as_ref().to_binary() != b {
        return Err(fail(
            "to_binary of the received value differs from the bytes received",
        ));
    }
    survey_round_trip(kind, &v)?;
    Ok(true)
}

fn survey_round_trip(kind: survey::Kind, v: &OwnedSummary) -> Outcome {
    let t = v.as_ref().to_text();
    check_cstring(&t)?;
    match survey::from_text(kind, &t) {
        Ok(back) if back == *v => {}
        Ok(_) => return Err(fail(format!("text {t:?} reads back as a different value"))),
        Err(e) => return Err(fail(format!("text output {t:?} does not read back: {e}"))),
    }
    match survey::from_binary(kind, &v.as_ref().to_binary()) {
        Ok(back) if back == *v => Ok(true),
        Ok(_) => Err(fail("binary output reads back as a different value")),
        Err(e) => Err(fail(format!("binary output does not read back: {e}"))),
    }
}

fn survey_seeds(kind: survey::Kind, text: bool) -> Vec<Vec<u8>> {
    let mut values: Vec<OwnedSummary> = Vec::new();
    let scales: Vec<Scale> = match kind {
        survey::Kind::Nps => vec![Scale::NPS],
        survey::Kind::Csat => vec![
            Scale::CSAT_DEFAULT,
            Scale::csat(0, 100, 70).unwrap(),
            Scale::csat(-3, 3, 1).unwrap(),
            Scale::csat(1, 2, 2).unwrap(),
        ],
        survey::Kind::Ces => vec![
            Scale::ces(7).unwrap(),
            Scale::ces(2).unwrap(),
            Scale::ces(100).unwrap(),
        ],
    };
    for scale in &scales {
        values.push(OwnedSummary::new(scale));
        let mut s = OwnedSummary::new(scale);
        for score in scale.lo..=scale.hi {
            for _ in 0..(score.rem_euclid(4)) {
                s.as_mut().accum(score as i32).unwrap();
            }
        }
        values.push(s);
        let mut big = vec![0u64; scale.points()];
        big[0] = i64::MAX as u64 - 1;
        big[scale.points() - 1] = 1;
        values.push(OwnedSummary::from_counts(*scale, &big).unwrap());
    }
    let mut out: Vec<Vec<u8>> = values
        .iter()
        .map(|v| {
            if text {
                v.as_ref().to_text().into_bytes()
            } else {
                v.as_ref().to_binary()
            }
        })
        .collect();
    if text {
        for s in [
            "",
            "()",
            "(version:1)",
            "(version:1,counts:[])",
            " ( version : 1 , counts : [ 0 , 0 , 0 , 0 , 0 , 0 , 20 , 10 , 20 , 30 , 20 ] ) ",
            "(version:2,counts:[0,0,0,0,0,0,0,0,0,0,0])",
            "(version:1,counts:[-1,0,0,0,0,0,0,0,0,0,2])",
            "(version:1,counts:[9223372036854775807,1,0,0,0,0,0,0,0,0,0])",
            "(version:1,min:1,max:5,satisfied_min:4,counts:[1,2,3,4,5])",
            "(version:1,min:-32768,max:32767,satisfied_min:0,counts:[1])",
            "(version:1,options:7,counts:[1,2,3,4,5,6,7])",
            "(version:1,options:101,counts:[])",
        ] {
            out.push(s.as_bytes().to_vec());
        }
    } else {
        out.push(vec![]);
        out.push(vec![1, kind as u8, 0, 0, 0, 10, 0, 9]);
        out.push(vec![1, kind as u8, 0x80, 0, 0x7f, 0xff, 0, 0]);
    }
    out
}

// --- order-family summaries -----------------------------------------------------------------

fn summary_text<S: Summary>(b: &[u8]) -> Outcome {
    let input = text(b);
    let body = match S::from_text(input) {
        Ok(v) => v,
        Err(e) => return rejected(&e),
    };
    if let Err(e) = words::check_body::<S>(&body) {
        return Err(fail(format!(
            "text input made a body the datum check rejects: {e}"
        )));
    }
    summary_round_trip::<S>(&body)?;
    Ok(true)
}

fn summary_binary<S: Summary>(b: &[u8]) -> Outcome {
    let body = match words::from_binary::<S>(b) {
        Ok(v) => v,
        Err(e) => return rejected(&e),
    };
    if words::to_binary::<S>(&body) != b {
        return Err(fail(
            "to_binary of the received value differs from the bytes received",
        ));
    }
    summary_round_trip::<S>(&body)?;
    Ok(true)
}

/// The value's text reads back, to a body whose text is the same; its binary form reads back
/// to the same body.
fn summary_round_trip<S: Summary>(body: &[u64]) -> Outcome {
    let t = S::to_text(body);
    check_cstring(&t)?;
    match S::from_text(&t) {
        Ok(back) => {
            let t2 = S::to_text(&back);
            if t2 != t {
                return Err(fail(format!("text {t:?} reads back as {t2:?}")));
            }
        }
        Err(e) => return Err(fail(format!("text output {t:?} does not read back: {e}"))),
    }
    match words::from_binary::<S>(&words::to_binary::<S>(body)) {
        Ok(back) if back == body => Ok(true),
        Ok(_) => Err(fail("binary output reads back as a different body")),
        Err(e) => Err(fail(format!("binary output does not read back: {e}"))),
    }
}

fn grow_loop(body: &mut Vec<u64>, mut op: impl FnMut(&mut [u64]) -> MResult<Grow>) {
    while let Some(grown) = op(body).unwrap() {
        *body = grown;
    }
}

fn dec(s: &str) -> Dec {
    Dec::parse(s).unwrap()
}

/// Sorted histories of a few customers, some with items and cost.
fn sample_histories() -> Vec<HistoryBuilder<Global>> {
    let t = |y, mo, d| utc(y, mo, d, 0, 0, 0);
    let rows: Vec<Vec<(i64, Option<&str>)>> = vec![
        vec![
            (t(2026, 1, 15), Some("20")),
            (t(2026, 2, 15), Some("10")),
            (t(2026, 2, 15) + 1, Some("30")),
            (t(2026, 4, 15), Some("5")),
        ],
        vec![(t(2026, 2, 3), Some("7.5")), (t(2026, 3, 9), Some("1"))],
        vec![(t(2026, 1, 1), None)],
        vec![
            (t(2025, 12, 31) + 999_999, Some("0.001")),
            (t(2026, 6, 30), Some("123456789.123456789")),
        ],
        vec![(t(1, 1, 1), Some("0")), (t(9999, 12, 31), None)],
    ];
    let mut out: Vec<HistoryBuilder<Global>> = rows
        .iter()
        .map(|rs| {
            let mut b = HistoryBuilder::new_in(Global);
            for (ts, a) in rs {
                b.add(*ts, a.map(dec), 0, None, None).unwrap();
            }
            b.sort();
            b
        })
        .collect();
    let mut b = HistoryBuilder::new_in(Global);
    b.add(
        t(2026, 1, 5),
        Some(dec("100")),
        HAS_ITEMS | HAS_COST,
        Some(2),
        Some(dec("60.50")),
    )
    .unwrap();
    b.add(
        t(2026, 3, 5),
        Some(dec("50.25")),
        HAS_ITEMS | HAS_COST,
        Some(1),
        None,
    )
    .unwrap();
    b.add(
        t(2026, 3, 6),
        None,
        HAS_ITEMS | HAS_COST,
        None,
        Some(dec("20")),
    )
    .unwrap();
    b.sort();
    out.push(b);
    let mut b = HistoryBuilder::new_in(Global);
    b.add(t(2026, 5, 1), Some(dec("1.10")), HAS_ITEMS, Some(3), None)
        .unwrap();
    b.sort();
    out.push(b);
    out
}

fn month(ts: i64) -> MResult<i64> {
    utc_period(Unit::Month, ts).map(|p| p.index)
}

fn bodies<S: Summary>() -> Vec<Vec<u64>> {
    let hs = sample_histories();
    let type_name = S::TYPE_NAME;
    let mut out = Vec::new();
    match type_name {
        "retention_summary" => {
            for (a, b) in [
                ((2026, 2, 1), (2026, 3, 1)),
                ((2025, 12, 1), (2026, 6, 1)),
                ((1, 1, 2), (9999, 12, 31)),
            ] {
                let w =
                    Window::new(utc(a.0, a.1, a.2, 0, 0, 0), utc(b.0, b.1, b.2, 0, 0, 0)).unwrap();
                let mut body = retention::new_body(&w);
                out.push(body.clone());
                for h in &hs {
                    retention::add_flags(&mut body, retention::flags_of(&w, &h.customer()))
                        .unwrap();
                }
                out.push(body);
            }
        }
        "customer_stats" => {
            // (An empty body is not a value: the aggregate over no rows is NULL.)
            let mut body = stats::new_body();
            for h in &hs {
                grow_loop(&mut body, |b| stats::add_customer(b, &h.customer()));
            }
            out.push(Stats::compact(&body).unwrap_or(body));
            let mut one = stats::new_body();
            grow_loop(&mut one, |b| stats::add_customer(b, &hs[5].customer()));
            out.push(one);
        }
        "period_series" | "mrr_series" => {
            let mrr = type_name == "mrr_series";
            for (unit, zone) in [
                (Unit::Month, "UTC"),
                (Unit::Week, "UTC"),
                (Unit::Day, "Europe/Berlin"),
                (Unit::Quarter, "America/New_York"),
            ] {
                let mut body = series::new_body(unit, zone).unwrap();
                out.push(body.clone());
                let mut locate = |ts: i64| utc_period(unit, ts).map(|p| p.index);
                for h in hs.iter().take(4) {
                    grow_loop(&mut body, |b| {
                        if mrr {
                            series::add_mrr(b, &h.customer(), &mut locate)
                        } else {
                            series::add_activity(b, &h.customer(), &mut locate)
                        }
                    });
                }
                out.push(S::compact(&body).unwrap_or(body));
            }
        }
        "activity_series" => {
            for zone in ["UTC", "Europe/Berlin"] {
                let mut body = activity::new_body(zone).unwrap();
                out.push(body.clone());
                let mut locate = |ts: i64| utc_period(Unit::Day, ts).map(|p| p.index);
                for h in hs.iter().take(4) {
                    grow_loop(&mut body, |b| {
                        activity::add_customer(b, &h.customer(), &mut locate)
                    });
                }
                out.push(S::compact(&body).unwrap_or(body));
            }
        }
        "mrr_summary" => {
            let mut b = mrr::new_body();
            out.push(b.clone());
            for (s, e) in [
                ("10", "0"),
                ("10", "5"),
                ("10", "5.00"),
                ("10", "20"),
                ("0", "15.125"),
                ("3", "3"),
            ] {
                mrr::add(&mut b, Some(dec(s)), Some(dec(e))).unwrap();
            }
            mrr::add(&mut b, None, Some(dec("15"))).unwrap();
            out.push(b);
        }
        "cohort_summary" => {
            for (recurring, brackets) in
                [(false, vec![1i64, 2, 4]), (true, vec![]), (false, vec![])]
            {
                let mut body = cohort::new_body(Unit::Month, "UTC", recurring, &brackets).unwrap();
                out.push(body.clone());
                for h in hs.iter().take(4) {
                    grow_loop(&mut body, |b| {
                        cohort::add_customer(b, &h.customer(), &mut month)
                    });
                }
                out.push(S::compact(&body).unwrap_or(body));
            }
        }
        other => panic!("no seeds for {other}"),
    }
    out
}

fn summary_seeds<S: Summary>(text: bool) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = bodies::<S>()
        .iter()
        .map(|b| {
            if text {
                S::to_text(b).into_bytes()
            } else {
                words::to_binary::<S>(b)
            }
        })
        .collect();
    if text {
        for s in [
            "",
            "()",
            "(version:1)",
            "(version:1,unit:\"month\",zone:\"UTC\",first_period:null,scale:0)",
            "(version:1,period_start:\"0001-01-01 00:00:00+00\",period_end:\"9999-12-31 23:59:59.999999+00\",customers_start:0,retained:0,new_customers:0,reactivated:0)",
            "(version:1,unit:\"day\",zone:\"\",first_period:\"0001-01-01\",scale:1000,new_customers:[0,0],retained:[0,0],reactivated:[0,0],churned:[0,0],orders:[0,0],priced_orders:[0,0],revenue:[0.0,0.0])",
        ] {
            out.push(s.as_bytes().to_vec());
        }
    } else {
        out.push(vec![]);
        out.push(vec![words::VERSION, S::KIND as u8]);
    }
    out
}

// --- customer_history -----------------------------------------------------------------------

fn history_text(b: &[u8]) -> Outcome {
    let input = text(b);
    let built = match history::from_text(input, Global) {
        Ok(v) => v,
        Err(e) => return rejected(&e),
    };
    let c = built.customer();
    let bytes = history::encode(&c);
    if let Err(e) = history::check_binary(&bytes) {
        return Err(fail(format!(
            "text input made a history whose stored form is rejected: {e}"
        )));
    }
    match history::peek(&bytes) {
        Ok((n, first)) if n == c.orders.len() as u64 && first == c.first() => {}
        other => {
            return Err(fail(format!(
                "peek says {other:?} of a history of {} orders from {}",
                c.orders.len(),
                c.first()
            )))
        }
    }
    let t = history::to_text(&c);
    history_round_trip(&bytes, &t)?;
    Ok(true)
}

fn history_binary(b: &[u8]) -> Outcome {
    let peeked = history::peek(b);
    let mut orders = AVec::new_in(Global);
    let c = match history::decode_into(b, &mut orders) {
        Ok(c) => c,
        Err(e) => {
            if history::check_binary(b).is_ok() {
                return Err(fail("check_binary accepts what decode_into rejects"));
            }
            return rejected(&e);
        }
    };
    if history::check_binary(b).is_err() {
        return Err(fail("decode_into accepts what check_binary rejects"));
    }
    // `peek` of the received bytes themselves need only not panic: binary receive stores
    // the re-encoded value, and `peek` reads stored values. (On non-canonical input, say a
    // first order whose delta is not 0, it can differ from `decode_into`.)
    let _ = peeked;
    // Binary receive stores the re-encoded value: it must decode to the same history, and
    // `peek` of it must agree.
    let bytes = history::encode(&c);
    match history::peek(&bytes) {
        Ok((n, first)) if n == c.orders.len() as u64 && first == c.first() => {}
        other => {
            return Err(fail(format!(
                "peek says {other:?} of a history of {} orders from {}",
                c.orders.len(),
                c.first()
            )))
        }
    }
    let mut again = AVec::new_in(Global);
    match history::decode_into(&bytes, &mut again) {
        Ok(c2) if c2.orders == c.orders && c2.flags == c.flags && c2.extras == c.extras => {}
        Ok(_) => return Err(fail("the re-encoded history decodes to a different one")),
        Err(e) => return Err(fail(format!("the re-encoded history does not decode: {e}"))),
    }
    let t = history::to_text(&c);
    history_round_trip(&bytes, &t)?;
    Ok(true)
}

/// `t`, the text of the history stored as `bytes`, reads back to a history with the same
/// text.
fn history_round_trip(_bytes: &[u8], t: &str) -> Outcome {
    check_cstring(t)?;
    let back = history::from_text(t, Global)
        .map_err(|e| fail(format!("text output {t:?} does not read back: {e}")))?;
    let t2 = history::to_text(&back.customer());
    if t2 != t {
        return Err(fail(format!("text {t:?} reads back as {t2:?}")));
    }
    Ok(true)
}

fn history_seeds(text: bool) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = sample_histories()
        .iter()
        .map(|h| {
            let c = h.customer();
            if text {
                history::to_text(&c).into_bytes()
            } else {
                history::encode(&c)
            }
        })
        .collect();
    if text {
        for s in [
            "",
            "()",
            "(version:1,scale:0,times:[],amounts:[])",
            "(version:1,scale:2,times:[\"1997-01-01 00:00:00+00\"],amounts:[29.33])",
            "(version:1,scale:0,times:[\"2026-01-01 00:00:00+00\"],amounts:[null],items:0,item_orders:0,cost:0,cost_orders:0)",
            "(version:1,scale:1000,times:[\"9999-12-31 23:59:59.999999+00\"],amounts:[18446744073709551614])",
        ] {
            out.push(s.as_bytes().to_vec());
        }
    } else {
        out.push(vec![]);
        out.push(vec![1, 3, 30, 30, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }
    out
}

// --- fitted models --------------------------------------------------------------------------

fn fit_info(customers: u64, rows: u64, penalizer: f64) -> FitInfo {
    FitInfo {
        log_likelihood: -9582.425560567368,
        customers,
        rows,
        iterations: 37,
        converged: true,
        penalizer,
    }
}

macro_rules! model_target {
    ($check:ident, $t:ty) => {
        fn $check(b: &[u8]) -> Outcome {
            let input = text(b);
            let m = match <$t>::from_text(input) {
                Ok(m) => m,
                Err(e) => return rejected(&e),
            };
            let t = m.to_text();
            check_cstring(&t)?;
            match <$t>::from_text(&t) {
                Ok(back) if back == m && back.to_text() == t => Ok(true),
                Ok(back) => Err(fail(format!(
                    "text {t:?} reads back as {:?}",
                    back.to_text()
                ))),
                Err(e) => Err(fail(format!("text output {t:?} does not read back: {e}"))),
            }
        }
    };
}
model_target!(bgnbd_text, BgNbd);
model_target!(gamma_gamma_text, GammaGamma);
model_target!(sbg_text, Sbg);

fn model_edge_seeds(model: &str) -> Vec<Vec<u8>> {
    [
        String::new(),
        "()".to_string(),
        format!("(version:1,model:\"{model}\")"),
        format!("(version:1,model:\"{model}\",r:1,alpha:1,a:1,b:1,p:1,q:1,v:1,beta:1,log_likelihood:0,customers:0,rows:0,iterations:0,converged:false,penalizer:0)"),
        format!("(version:1,model:\"{model}\",alpha:5e-324,beta:1.7976931348623157e308,log_likelihood:-0.0,customers:18446744073709551615,rows:0,iterations:4294967295,converged:true,penalizer:0.0)"),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect()
}

fn bgnbd_seeds() -> Vec<Vec<u8>> {
    let m = BgNbd {
        r: 0.24259292827982182,
        alpha: 4.413532265271819,
        a: 0.7928859664406882,
        b: 2.42575238262586,
        fit: fit_info(2357, 1016, 0.0),
    };
    let m2 = BgNbd {
        r: 1e-300,
        alpha: 1e300,
        a: 3.0,
        b: 5e-324,
        fit: fit_info(1, 1, 0.5),
    };
    let mut out = vec![m.to_text().into_bytes(), m2.to_text().into_bytes()];
    out.extend(model_edge_seeds("bgnbd"));
    out
}

fn gamma_gamma_seeds() -> Vec<Vec<u8>> {
    let m = GammaGamma {
        p: 6.248802496075312,
        q: 3.744588460923114,
        v: 15.44774806492914,
        fit: fit_info(946, 753, 0.001),
    };
    let mut out = vec![m.to_text().into_bytes()];
    out.extend(model_edge_seeds("gamma_gamma"));
    out
}

fn sbg_seeds() -> Vec<Vec<u8>> {
    let mut c = Cohort::new();
    for (t, a) in [1000, 631, 468, 382, 326, 289, 262, 241].iter().enumerate() {
        c.add(t as i64, *a).unwrap();
    }
    let fitted = sbg::fit(&c).unwrap();
    let mut out = vec![fitted.to_text().into_bytes()];
    out.extend(model_edge_seeds("sbg"));
    out
}

fn six_mp() -> KaplanMeier {
    let mut km = KaplanMeier::new();
    for (d, e) in [
        (6.0, true),
        (6.0, true),
        (6.0, true),
        (6.0, false),
        (7.0, true),
        (9.0, false),
        (10.0, true),
        (10.0, false),
        (11.0, false),
        (13.0, true),
        (16.0, true),
        (17.0, false),
        (19.0, false),
        (20.0, false),
        (22.0, true),
        (23.0, true),
        (25.0, false),
        (32.0, false),
        (32.0, false),
        (34.0, false),
        (35.0, false),
        (0.0, false),
        (0.25, true),
        (1e300, true),
    ] {
        km.add(d, e).unwrap();
    }
    km
}

fn survival_text(b: &[u8]) -> Outcome {
    let input = text(b);
    let km = match KaplanMeier::from_text(input) {
        Ok(m) => m,
        Err(e) => return rejected(&e),
    };
    km_round_trip(&km)
}

fn km_round_trip(km: &KaplanMeier) -> Outcome {
    let t = km.to_text();
    check_cstring(&t)?;
    match KaplanMeier::from_text(&t) {
        Ok(back) if back == *km => {}
        Ok(back) => {
            return Err(fail(format!(
                "text {t:?} reads back as {:?}",
                back.to_text()
            )))
        }
        Err(e) => return Err(fail(format!("text output {t:?} does not read back: {e}"))),
    }
    match KaplanMeier::deserialize(&km.serialize()) {
        Ok(back) if back == *km => Ok(true),
        Ok(_) => Err(fail("the serialized state reads back as a different one")),
        Err(e) => Err(fail(format!(
            "the serialized state does not read back: {e}"
        ))),
    }
}

fn survival_text_seeds() -> Vec<Vec<u8>> {
    let mut out = vec![
        six_mp().to_text().into_bytes(),
        KaplanMeier::new().to_text().into_bytes(),
    ];
    for s in [
        "",
        "(version:1,durations:[],events:[],censored:[])",
        "(version:1,durations:[3.0,1.0,3.0,-0.0],events:[1,2,3,0],censored:[0,0,1,1])",
        "(version:1,durations:[1.0],events:[18446744073709551615],censored:[1])",
    ] {
        out.push(s.as_bytes().to_vec());
    }
    out
}

// --- partial aggregate states ---------------------------------------------------------------

fn km_state(b: &[u8]) -> Outcome {
    let km = match KaplanMeier::deserialize(b) {
        Ok(m) => m,
        Err(e) => return rejected(&e),
    };
    km_round_trip(&km)
}

fn km_state_seeds() -> Vec<Vec<u8>> {
    let mut big = KaplanMeier::new();
    // the largest state: i64::MAX subjects (every predictive count stops there)
    big.add_counts(5.0, i64::MAX as u64 - 1, 1).unwrap();
    vec![
        six_mp().serialize(),
        KaplanMeier::new().serialize(),
        big.serialize(),
        vec![],
        vec![1, 0xff, 0xff, 0xff, 0xff, 0x0f],
    ]
}

fn rfm_state(b: &[u8]) -> Outcome {
    let h = match Histogram::deserialize(b) {
        Ok(h) => h,
        Err(e) => return rejected(&e),
    };
    match Histogram::deserialize(&h.serialize()) {
        Ok(back) if back == h => Ok(true),
        Ok(_) => Err(fail("the serialized state reads back as a different one")),
        Err(e) => Err(fail(format!(
            "the serialized state does not read back: {e}"
        ))),
    }
}

fn rfm_state_seeds() -> Vec<Vec<u8>> {
    let mut h = Histogram::new();
    h.add(0.0, 0.0, 38.86).unwrap();
    h.add(2.0, 30.43, 38.86).unwrap();
    h.add(2.0, 30.43, 38.86).unwrap();
    h.add(9007199254740992.0, 1e300, 1e300).unwrap();
    let mut m = Histogram::new();
    m.add_with_monetary(2.0, 30.43, 38.86, 22.345).unwrap();
    m.add_with_monetary(0.0, 0.0, 1.0, 0.0).unwrap();
    m.add_weighted(
        Rfm {
            frequency: 1.0,
            recency: 5e-324,
            t: 1.0,
            monetary: Some(1e-300),
        },
        i64::MAX as u64 - 2,
    )
    .unwrap();
    vec![
        h.serialize(),
        m.serialize(),
        Histogram::new().serialize(),
        vec![],
    ]
}

fn sbg_cohort_state(b: &[u8]) -> Outcome {
    let c = match Cohort::deserialize(b) {
        Ok(c) => c,
        Err(e) => return rejected(&e),
    };
    match Cohort::deserialize(&c.serialize()) {
        Ok(back) if back == c => Ok(true),
        Ok(_) => Err(fail("the serialized state reads back as a different one")),
        Err(e) => Err(fail(format!(
            "the serialized state does not read back: {e}"
        ))),
    }
}

fn sbg_cohort_state_seeds() -> Vec<Vec<u8>> {
    let mut c = Cohort::new();
    for (t, a) in [1000, 869, 743, 653, 593, 551, 517, 491].iter().enumerate() {
        c.add(t as i64, *a).unwrap();
    }
    let mut edge = Cohort::new();
    edge.add(0, i64::MAX).unwrap();
    edge.add(sbg::MAX_PERIOD, 0).unwrap();
    vec![
        c.serialize(),
        edge.serialize(),
        Cohort::new().serialize(),
        vec![],
    ]
}

fn onestep_head(b: &[u8]) -> Outcome {
    let mut r = retention_core::varint::Reader::new(b);
    let (id, params) = match onestep::read_head(&mut r) {
        Ok(h) => h,
        Err(e) => return rejected(&e),
    };
    let mut out = Vec::new();
    onestep::write_head(&mut out, id, &params);
    let mut back = retention_core::varint::Reader::new(&out);
    match onestep::read_head(&mut back) {
        Ok(h) if h == (id, params) && back.at_end() => Ok(true),
        Ok(_) => Err(fail("the written head reads back as a different one")),
        Err(e) => Err(fail(format!("the written head does not read back: {e}"))),
    }
}

fn onestep_head_seeds() -> Vec<Vec<u8>> {
    let heads = [
        (onestep::IdType::Int8, onestep::Params::None),
        (
            onestep::IdType::Uuid,
            onestep::Params::Window(Window::new(0, 86_400_000_000).unwrap()),
        ),
        (
            onestep::IdType::Text,
            onestep::Params::calendar(retention_core::time::Unit::Month, "America/New_York")
                .unwrap(),
        ),
    ];
    let mut seeds: Vec<Vec<u8>> = heads
        .iter()
        .map(|(id, p)| {
            let mut out = Vec::new();
            onestep::write_head(&mut out, *id, p);
            out
        })
        .collect();
    seeds.push(vec![]);
    seeds
}

fn fit_state(b: &[u8]) -> Outcome {
    let s = match FitState::deserialize(b) {
        Ok(s) => s,
        Err(e) => return rejected(&e),
    };
    match FitState::deserialize(&s.serialize()) {
        Ok(back)
            if back.hist == s.hist
                && back.penalizer.map(f64::to_bits) == s.penalizer.map(f64::to_bits) =>
        {
            Ok(true)
        }
        Ok(_) => Err(fail("the serialized state reads back as a different one")),
        Err(e) => Err(fail(format!(
            "the serialized state does not read back: {e}"
        ))),
    }
}

fn fit_state_seeds() -> Vec<Vec<u8>> {
    let mut with = FitState::default();
    with.set_penalizer(Some(0.001)).unwrap();
    with.hist.add(2.0, 30.43, 38.86).unwrap();
    let mut without = FitState::default();
    without
        .hist
        .add_with_monetary(2.0, 30.43, 38.86, 22.345)
        .unwrap();
    vec![
        with.serialize(),
        without.serialize(),
        FitState::default().serialize(),
        vec![],
    ]
}

fn funnel_state(b: &[u8]) -> Outcome {
    let s = match FunnelState::read(b, Global) {
        Ok(s) => s,
        Err(e) => return rejected(&e),
    };
    let mut out = Vec::new();
    s.write(&mut out);
    match FunnelState::read(&out, Global) {
        Ok(back)
            if back.window == s.window
                && back.modes == s.modes
                && back.n == s.n
                && back.funnel.events.as_slice() == s.funnel.events.as_slice() =>
        {
            Ok(true)
        }
        Ok(_) => Err(fail("the written state reads back as a different one")),
        Err(e) => Err(fail(format!("the written state does not read back: {e}"))),
    }
}

fn funnel_state_seeds() -> Vec<Vec<u8>> {
    let modes = Modes::parse("strict_order, strict_increase").unwrap();
    let mut a = FunnelState::new_in(3_600_000_000, modes, 3, Global);
    a.funnel.add(10, [Some(true), None, Some(false)], modes);
    a.funnel.add(-20, [None, Some(true), Some(true)], modes);
    a.funnel.add(i64::MAX, [None, None, None], modes);
    let empty = FunnelState::new_in(0, Modes::default(), 32, Global);
    [a, empty]
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            s.write(&mut out);
            out
        })
        .chain([vec![]])
        .collect()
}

/// The per-customer values of the one-step aggregates' hash tables: the crate's own
/// `StateValue` encoding (the one the extension's partial states use), with sample values.
pub trait Samples: StateValue + std::fmt::Debug + PartialEq + 'static {
    fn samples() -> Vec<Self>;
}

impl Samples for u8 {
    fn samples() -> Vec<u8> {
        vec![1, 2, 4, 7, 6]
    }
}

impl Samples for u64 {
    fn samples() -> Vec<u64> {
        vec![1, 2, 300, u64::MAX]
    }
}

impl Samples for Span {
    fn samples() -> Vec<Span> {
        vec![
            Span::of(0),
            Span {
                first: time::MIN_TS,
                last: time::MAX_TS - 1,
                n: 5,
            },
            Span {
                first: -7,
                last: 7,
                n: u64::MAX,
            },
        ]
    }
}

fn map_entries<V: Samples>(m: &IdMap<V, Global>) -> Vec<String> {
    let mut v: Vec<String> = m.iter().map(|(k, v)| format!("{k:?}={v:?}")).collect();
    v.sort();
    v
}

fn id_map_state<V: Samples>(b: &[u8]) -> Outcome {
    let mut m: IdMap<V, Global> = IdMap::new_in(Global);
    let mut r = Reader::new(b);
    if let Err(e) = m.read_merge(&mut r) {
        return rejected(&e);
    }
    if !r.at_end() {
        return rejected_str();
    }
    // Integer and uuid customers are checked when they are merged.
    if let Err(e) = m.settle() {
        return rejected(&e);
    }
    let mut out = Vec::new();
    m.write(&mut out);
    let mut again: IdMap<V, Global> = IdMap::new_in(Global);
    let mut r = Reader::new(&out);
    match again.read_merge(&mut r).and_then(|()| again.settle()) {
        Ok(()) if r.at_end() && map_entries(&again) == map_entries(&m) => Ok(true),
        Ok(()) => Err(fail("the written state reads back as a different one")),
        Err(e) => Err(fail(format!("the written state does not read back: {e}"))),
    }
}

fn id_map_seeds<V: Samples>() -> Vec<Vec<u8>> {
    let samples = V::samples();
    let uuid = |i: u8| {
        let mut u = [0u8; 16];
        u[0] = i;
        u[15] = 255 - i;
        u
    };
    let mut out = Vec::new();
    for kind in [KeyKind::Int, KeyKind::Uuid, KeyKind::Text] {
        let mut m: IdMap<V, Global> = IdMap::new_in(Global);
        let texts: Vec<Vec<u8>> = (0..6u8).map(|i| vec![b'c'; i as usize]).collect();
        for i in 0..6u8 {
            let key = match kind {
                KeyKind::Int => Key::Int([0, -1, 1, i64::MIN, i64::MAX, 42][i as usize]),
                KeyKind::Uuid => Key::Uuid(uuid(i)),
                KeyKind::Text => Key::Text(&texts[i as usize]),
            };
            m.add(key, samples[i as usize % samples.len()], V::ZERO)
                .unwrap();
        }
        m.flush(V::ZERO);
        let mut bytes = Vec::new();
        m.write(&mut bytes);
        out.push(bytes);
    }
    out.push(vec![0, 0]);
    out.push(vec![]);
    out
}

fn log_rows(log: &mut OrderLog<Global>) -> std::result::Result<Vec<String>, String> {
    let mut scratch = HistoryBuilder::new_in(Global);
    let mut rows = Vec::new();
    let mut invalid = None;
    let r = log.each_customer(&mut scratch, |c| {
        let bytes = history::encode(c);
        if let Err(e) = history::check_binary(&bytes) {
            invalid.get_or_insert_with(|| {
                format!(
                    "a customer of the state is not a valid customer_history: {e}: \"{}\"",
                    history::to_text(c)
                )
            });
        }
        rows.push(history::to_text(c));
        Ok(())
    });
    if let Some(why) = invalid {
        return Err(why);
    }
    match r {
        Ok(()) => {
            rows.sort();
            Ok(rows)
        }
        Err(e) => Ok(vec![format!("error: {e}")]),
    }
}

fn order_log_state(b: &[u8]) -> Outcome {
    let mut log = OrderLog::new_in(Global);
    let mut r = Reader::new(b);
    if let Err(e) = log.read_append(&mut r) {
        return rejected(&e);
    }
    if !r.at_end() {
        return rejected_str();
    }
    let mut out = Vec::new();
    log.write(&mut out);
    let rows = log_rows(&mut log)?;
    let mut again = OrderLog::new_in(Global);
    let mut r = Reader::new(&out);
    match again.read_append(&mut r) {
        Ok(()) if r.at_end() => {}
        Ok(()) => return Err(fail("the written state has bytes left over")),
        Err(e) => return Err(fail(format!("the written state does not read back: {e}"))),
    }
    let rows2 = log_rows(&mut again)?;
    if rows2 != rows {
        return Err(fail("the written state reads back to different customers"));
    }
    Ok(true)
}

fn order_log_seeds() -> Vec<Vec<u8>> {
    let t = |d| utc(2026, 1, d, 0, 0, 0);
    let mut out = Vec::new();
    for kind in [KeyKind::Int, KeyKind::Uuid, KeyKind::Text] {
        let mut log = OrderLog::new_in(Global);
        let names: Vec<Vec<u8>> = (0..4u8)
            .map(|i| format!("customer {i}").into_bytes())
            .collect();
        for (i, (day, amount, items, cost)) in [
            (1, Some("10.5"), None, None),
            (2, None, Some(2i64), Some("3.25")),
            (3, Some("0"), Some(0), None),
            (9, Some("99999.999"), None, Some("1")),
        ]
        .into_iter()
        .enumerate()
        {
            for (c, name) in names.iter().enumerate().take(3) {
                let key = match kind {
                    KeyKind::Int => Key::Int(c as i64 * 1000 - 1),
                    KeyKind::Uuid => Key::Uuid([c as u8 + 1; 16]),
                    KeyKind::Text => Key::Text(name),
                };
                let flags = if items.is_some() || cost.is_some() {
                    HAS_ITEMS | HAS_COST
                } else {
                    0
                };
                log.push(
                    key,
                    t(day + i as u32 + c as u32),
                    amount.map(dec),
                    flags,
                    items,
                    cost.map(dec),
                )
                .unwrap();
            }
        }
        let mut bytes = Vec::new();
        log.write(&mut bytes);
        out.push(bytes);
    }
    let mut empty = Vec::new();
    OrderLog::new_in(Global).write(&mut empty);
    out.push(empty);
    out
}

/// Every customer of a run map: its runs, scale and display scale, sorted.
fn run_rows(m: &mut RunMap<Global>) -> retention_core::Result<Vec<String>> {
    let mut rows = Vec::new();
    m.each_customer(&mut Vec::new(), |runs, scale, display| {
        rows.push(format!("{runs:?} at {scale}, shown with {display}"));
        Ok(())
    })?;
    rows.sort();
    Ok(rows)
}

fn run_map_state(b: &[u8]) -> Outcome {
    let mut m = RunMap::new_in(Global);
    let mut r = Reader::new(b);
    if let Err(e) = m.read_append(&mut r) {
        return rejected(&e);
    }
    if !r.at_end() {
        return rejected_str();
    }
    // Runs of integer ids are checked when they are merged.
    let rows = match run_rows(&mut m) {
        Ok(rows) => rows,
        Err(e) => return rejected(&e),
    };
    let mut out = Vec::new();
    if let Err(e) = m.write(&mut out) {
        return Err(fail(format!("a state whose customers read does not write: {e}")));
    }
    let mut again = RunMap::new_in(Global);
    let mut r = Reader::new(&out);
    match again.read_append(&mut r) {
        Ok(()) if r.at_end() => {}
        Ok(()) => return Err(fail("the written state has bytes left over")),
        Err(e) => return Err(fail(format!("the written state does not read back: {e}"))),
    }
    match run_rows(&mut again) {
        Ok(rows2) if rows2 == rows => Ok(true),
        Ok(_) => Err(fail("the written state reads back to different customers")),
        Err(e) => Err(fail(format!("the written state's customers do not read: {e}"))),
    }
}

fn run_map_seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for kind in [KeyKind::Int, KeyKind::Uuid, KeyKind::Text] {
        let mut m = RunMap::new_in(Global);
        let names: Vec<Vec<u8>> = (0..3u8)
            .map(|i| format!("customer {i}").into_bytes())
            .collect();
        for (i, amount) in [Some("10.5"), None, Some("0"), Some("99999.999"), Some("7")]
            .into_iter()
            .enumerate()
        {
            for (c, name) in names.iter().enumerate() {
                let key = match kind {
                    KeyKind::Int => Key::Int(c as i64 * 1000 - 1),
                    KeyKind::Uuid => Key::Uuid([c as u8 + 1; 16]),
                    KeyKind::Text => Key::Text(name),
                };
                m.push(key, (i as i64 + c as i64) / 2 - 1, amount.map(dec))
                    .unwrap();
            }
        }
        let mut bytes = Vec::new();
        m.write(&mut bytes).unwrap();
        out.push(bytes);
    }
    let mut empty = Vec::new();
    RunMap::new_in(Global).write(&mut empty).unwrap();
    out.push(empty);
    out
}

// --- scalars --------------------------------------------------------------------------------

fn dec_parse(b: &[u8]) -> Outcome {
    let s = text(b);
    let d = match Dec::parse(s) {
        Ok(d) => d,
        Err(_) => return rejected_str(),
    };
    let t = d.to_string();
    match Dec::parse(&t) {
        Ok(back) if back == d => Ok(true),
        Ok(back) => Err(fail(format!("{t:?} reads back as {back:?}, not {d:?}"))),
        Err(e) => Err(fail(format!("output {t:?} does not read back: {e}"))),
    }
}

fn dec_seeds() -> Vec<Vec<u8>> {
    [
        "0",
        "-0",
        "+5",
        "-123.4500",
        "19.99",
        "0.000000000000000000000000000001",
        "170141183460469231731687303715884105727",
        "99999999999999999999999999999999999999",
        "1.",
        ".5",
        "",
        " 7 ",
        "--1",
        "1e5",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

fn pg_numeric(b: &[u8]) -> Outcome {
    match Dec::from_pg_numeric(b, "amount") {
        Ok(d) => {
            let t = d.to_string();
            match Dec::parse(&t) {
                Ok(back) if back == d => Ok(true),
                Ok(back) => Err(fail(format!("{t:?} reads back as {back:?}, not {d:?}"))),
                Err(e) => Err(fail(format!("output {t:?} does not read back: {e}"))),
            }
        }
        Err(e) => rejected(&e),
    }
}

fn pg_numeric_seeds() -> Vec<Vec<u8>> {
    let words = |ws: &[u16]| ws.iter().flat_map(|w| w.to_ne_bytes()).collect::<Vec<u8>>();
    vec![
        // short form: 19.99 (dscale 2, weight 0, digits 19, 9900)
        words(&[0x8000 | (2 << 7), 19, 9900]),
        // long form: -123.45 (sign 0x4000, dscale 2), weight 0, digits 123, 4500
        words(&[0x4000 | 2, 0, 123, 4500]),
        // zero with display scale 3
        words(&[0x8000 | (3 << 7)]),
        words(&[0xC000]),
        words(&[0xD000]),
        words(&[0x0000, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        vec![],
    ]
}

fn timestamp_parse(b: &[u8]) -> Outcome {
    let s = text(b);
    let ts = match parse_timestamp(s) {
        Ok(ts) => ts,
        Err(_) => return rejected_str(),
    };
    let t = format_timestamp(ts);
    match parse_timestamp(&t) {
        Ok(back) if back == ts => Ok(true),
        Ok(back) => Err(fail(format!("{t:?} reads back as {back}, not {ts}"))),
        Err(e) => Err(fail(format!("output {t:?} does not read back: {e}"))),
    }
}

fn timestamp_seeds() -> Vec<Vec<u8>> {
    [
        "2026-01-31 09:30:00+00",
        "2026-01-31 09:30:00.250000+00",
        "0001-01-01 00:00:00+00",
        "9999-12-31 23:59:59.999999+00",
        "10000-01-01 00:00:00+00",
        "2024-02-29 00:00:00+00",
        "2026-02-29 00:00:00+00",
        "2026-01-31 09:30:00",
        "2026-01-31T09:30:00+00",
        "2026-01-31 09:30:60+00",
        "2026-01-31 09:30:00.123456789+00",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

fn unit_parse(b: &[u8]) -> Outcome {
    let u = match Unit::parse(text(b)) {
        Ok(u) => u,
        Err(e) => return rejected(&e),
    };
    match Unit::parse(u.name()) {
        Ok(back) if back == u && Unit::from_u8(u as u8) == Some(u) => Ok(true),
        other => Err(fail(format!("{:?} reads back as {other:?}", u.name()))),
    }
}

fn unit_seeds() -> Vec<Vec<u8>> {
    [
        "day",
        "week",
        "month",
        "quarter",
        "year",
        " Month ",
        "fortnight",
        "",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

fn modes_parse(b: &[u8]) -> Outcome {
    let m = match Modes::parse(text(b)) {
        Ok(m) => m,
        Err(e) => return rejected(&e),
    };
    if Modes::from_u8(m.to_u8()) == m {
        Ok(true)
    } else {
        Err(fail(format!("{m:?} does not survive to_u8/from_u8")))
    }
}

fn modes_seeds() -> Vec<Vec<u8>> {
    [
        "",
        "strict_order",
        "strict_deduplication, strict_increase",
        ",,strict_order,",
        "strict",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}
