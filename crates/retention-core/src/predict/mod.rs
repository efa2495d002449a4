//! Predictive customer value: the "buy 'til you die" models and the survival curves
//! behind predicted CLV, fitted by maximum likelihood and checked against published numbers.
//!
//! - [`rfm`]: the mergeable input state, distinct (frequency, recency, T, [mean spend]) rows
//!   with customer counts;
//! - [`bgnbd`]: BG/NBD purchase counts and churn (Fader, Hardie & Lee 2005);
//! - [`gamma_gamma`]: mean spend per purchase (Fader & Hardie 2013, note 025);
//! - [`clv`]: discounted CLV from the two, as lifetimes computes it;
//! - [`sbg`]: the shifted-beta-geometric contract retention model (Fader & Hardie 2007);
//! - [`survival`]: Kaplan-Meier curves with lifelines' confidence band;
//! - [`special`] and [`optimize`]: the Gauss hypergeometric function and the Nelder-Mead
//!   minimizer they need.
//!
//! The likelihoods and predictions follow lifetimes 0.11.3 (`BetaGeoFitter`,
//! `GammaGammaFitter`, `utils._customer_lifetime_value`), term for term, so that a fit here
//! and a fit there on the same data agree; where lifetimes silently returns a meaningless
//! number (a model whose expectation is infinite), we return an error instead.

pub mod bgnbd;
pub mod clv;
pub mod gamma_gamma;
pub mod optimize;
pub mod rfm;
pub mod sbg;
pub mod special;
pub mod survival;

use crate::error::{invalid, Result};
use crate::formulas::show;
use crate::text::Fields;

/// Version of the models' text forms.
pub const MODEL_VERSION: i64 = 1;

/// Where lifetimes starts its fits: every log-parameter 0.1
/// (`BaseFitter._fit`: `0.1 * np.ones(params_size)`).
const START: f64 = 0.1;

/// A fitted parameter further than this from 1 on the log scale (a factor of e^25, about
/// 7e10) means the likelihood kept improving towards 0 or infinity: it has no finite
/// maximum there and the "estimate" is wherever the minimizer gave up.
const MAX_LN_PARAM: f64 = 25.0;

/// The largest count a predictive state or model holds: PostgreSQL's bigint, which every
/// count is read back as (in SQL, and in the text forms, whose integers are 64-bit signed).
pub(crate) const MAX_COUNT: u64 = i64::MAX as u64;

/// `a + b` when it is at most [`MAX_COUNT`].
pub(crate) fn add_counts(a: u64, b: u64) -> Option<u64> {
    a.checked_add(b).filter(|v| *v <= MAX_COUNT)
}

/// The header of a state's binary form (a version byte, then the number of rows): the row
/// count, or `bad`'s error when the version is not `version` or the bytes end first.
pub(crate) fn read_state_header(
    r: &mut crate::varint::Reader<'_>,
    version: u8,
    bad: &dyn Fn(String) -> crate::error::MetricError,
) -> Result<u64> {
    let truncated = || bad("truncated".into());
    let found = r.byte().ok_or_else(truncated)?;
    if found != version {
        return Err(bad(format!(
            "unsupported version {found} (this build reads version {version})"
        )));
    }
    r.u64().ok_or_else(truncated)
}

/// The result of [`fit_log_params`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LogFit {
    /// The parameters, `exp` of the minimizing log-parameters.
    pub params: Vec<f64>,
    pub iterations: u32,
    pub converged: bool,
}

// The interrupt check lives crate-wide (crate::interrupt): every long loop polls it, the
// fits' objective evaluations among them.
pub use crate::interrupt::set_check as set_interrupt_check;
pub(crate) use crate::interrupt::{check as check_interrupt, check_every as check_interrupt_every};

/// The distinct values of `v` in ascending order (`f64::total_cmp`), sorted in runs of
/// 16,384 and merged, with [`check_interrupt`] between runs and every 16,384 merged values:
/// a plain sort of millions of values would be one uninterruptible stretch (a second in a
/// debug build).
pub(crate) fn sorted_distinct(mut v: Vec<f64>) -> Vec<f64> {
    const RUN: usize = 1 << 14;
    for run in v.chunks_mut(RUN) {
        check_interrupt();
        run.sort_unstable_by(f64::total_cmp);
    }
    let n = v.len();
    let mut merged = Vec::with_capacity(n);
    let mut width = RUN;
    while width < n {
        merged.clear();
        for start in (0..n).step_by(2 * width) {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut i, mut j) = (start, mid);
            while i < mid || j < end {
                check_interrupt_every(merged.len());
                let take_left = j == end || (i < mid && v[i].total_cmp(&v[j]).is_le());
                if take_left {
                    merged.push(v[i]);
                    i += 1;
                } else {
                    merged.push(v[j]);
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut v, &mut merged);
        width *= 2;
    }
    v.dedup_by(|a, b| a.total_cmp(b).is_eq());
    v
}

/// The search stays in a box a little wider than the accepted one, so that a likelihood
/// rising forever is caught at the wall instead of followed to the iteration limit.
fn in_box(lp: &[f64]) -> bool {
    lp.iter().all(|v| v.abs() <= MAX_LN_PARAM + 5.0)
}

/// Minimize `objective` over log-parameters, one per name in `names`, from lifetimes'
/// start point, with Nelder-Mead, and check that the minimum is an interior one: every
/// parameter finite and away from 0 and infinity. `model` names the model in errors.
///
/// Optimizing log-parameters keeps every parameter positive without constraints, as
/// lifetimes does; the objective receives the log-parameters.
pub(crate) fn fit_log_params(
    model: &str,
    names: &[&str],
    mut objective: impl FnMut(&[f64]) -> f64,
) -> Result<LogFit> {
    let start = vec![START; names.len()];
    let boxed = |lp: &[f64]| {
        check_interrupt();
        if in_box(lp) {
            objective(lp)
        } else {
            f64::INFINITY
        }
    };
    let m = optimize::minimize(boxed, &start, &optimize::Options::default());
    interior(model, names, m)
}

/// As [`fit_log_params`], for an objective that also writes its gradient (with respect to
/// the log-parameters) into its second argument: BFGS, and Nelder-Mead from BFGS's best
/// point when BFGS did not converge. `iterations` counts both.
pub(crate) fn fit_log_params_with_gradient(
    model: &str,
    names: &[&str],
    mut objective: impl FnMut(&[f64], &mut [f64]) -> f64,
) -> Result<LogFit> {
    let start = vec![START; names.len()];
    let mut boxed = |lp: &[f64], g: &mut [f64]| {
        check_interrupt();
        if in_box(lp) {
            objective(lp, g)
        } else {
            f64::INFINITY
        }
    };
    let quasi_newton =
        optimize::minimize_bfgs(&mut boxed, &start, &optimize::BfgsOptions::default());
    if quasi_newton.converged {
        return interior(model, names, quasi_newton);
    }
    let from = if quasi_newton.value.is_finite() {
        quasi_newton.x.clone()
    } else {
        start
    };
    let mut scratch = vec![0.0; names.len()];
    let mut m = optimize::minimize(
        |lp: &[f64]| boxed(lp, &mut scratch),
        &from,
        &optimize::Options::default(),
    );
    m.iterations = m.iterations.saturating_add(quasi_newton.iterations);
    interior(model, names, m)
}

/// The parameters at a minimum, or the error saying why it is not a usable fit.
fn interior(model: &str, names: &[&str], m: optimize::Minimum) -> Result<LogFit> {
    if !m.value.is_finite() {
        return invalid(format!(
            "{model} cannot be fitted: the likelihood is zero at every parameter value tried"
        ));
    }
    for (name, lp) in names.iter().zip(&m.x) {
        if lp.abs() > MAX_LN_PARAM {
            let towards = if *lp < 0.0 { "0" } else { "infinity" };
            return invalid(format!(
                "{model} cannot be fitted to these data: the likelihood has no finite maximum, it keeps rising as {name} tends to {towards}"
            ));
        }
    }
    Ok(LogFit {
        params: m.x.iter().map(|lp| lp.exp()).collect(),
        iterations: m.iterations,
        converged: m.converged,
    })
}

/// L2 penalizer coefficients are finite and >= 0 (lifetimes' `penalizer_coef`).
pub(crate) fn check_penalizer(penalizer: f64) -> Result<()> {
    if penalizer.is_finite() && penalizer >= 0.0 {
        Ok(())
    } else {
        invalid(format!(
            "penalizer must be a finite number >= 0, got {}",
            show(penalizer)
        ))
    }
}

/// lifetimes' penalty term: `penalizer_coef * sum(params ** 2)`, on the parameters (not
/// their logarithms).
pub(crate) fn penalty(penalizer: f64, log_params: &[f64]) -> f64 {
    if penalizer == 0.0 {
        return 0.0;
    }
    penalizer * log_params.iter().map(|lp| (2.0 * lp).exp()).sum::<f64>()
}

/// Adds the gradient of [`penalty`] with respect to the log-parameters to `g`:
/// d/d(ln x) of c x^2 is 2 c x^2.
pub(crate) fn add_penalty_gradient(penalizer: f64, log_params: &[f64], g: &mut [f64]) {
    for (d, lp) in g.iter_mut().zip(log_params) {
        *d += 2.0 * penalizer * (2.0 * lp).exp();
    }
}

/// A time argument of a prediction: finite and >= 0.
pub(crate) fn check_time(name: &str, t: f64) -> Result<()> {
    if t.is_finite() && t >= 0.0 {
        Ok(())
    } else {
        invalid(format!(
            "{name} must be a finite number >= 0, got {}",
            show(t)
        ))
    }
}

/// Reads the `version` and `model` fields every model's text form starts with.
pub(crate) fn read_header(f: &mut Fields, model: &str) -> Result<()> {
    let version = f.int("version", "")?;
    if version != MODEL_VERSION {
        return Err(f.error(format!(
            "unsupported version {version} (this build reads version {MODEL_VERSION})"
        )));
    }
    let name = f.string("model")?;
    if name != model {
        return Err(f.error(format!("model is \"{name}\", expected \"{model}\"")));
    }
    Ok(())
}

/// A model parameter field: a finite number > 0.
pub(crate) fn read_param(f: &mut Fields, key: &str) -> Result<f64> {
    let v = f.float(key)?;
    if v > 0.0 {
        Ok(v)
    } else {
        Err(f.error(format!("{key} must be > 0, got {}", show(v))))
    }
}

/// The fit-summary fields every model ends its text form with (after its parameters):
/// log-likelihood, customers, distinct rows, iterations, converged, penalizer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FitInfo {
    /// The maximized log-likelihood, sum over customers (as published), without the
    /// penalty, in the data's own time unit.
    pub log_likelihood: f64,
    /// Customers the model was fitted on (sum of the rows' weights).
    pub customers: u64,
    /// Distinct rows of the fitted state.
    pub rows: u64,
    /// Minimizer iterations (BFGS and Nelder-Mead) over all restarts.
    pub iterations: u32,
    /// Whether the minimizer met its tolerances (see [`optimize::Minimum::converged`]).
    pub converged: bool,
    /// The L2 penalizer coefficient the model was fitted with.
    pub penalizer: f64,
}

impl FitInfo {
    pub(crate) fn write(&self, w: &mut crate::text::Writer) {
        w.float("log_likelihood", self.log_likelihood)
            .int("customers", self.customers)
            .int("rows", self.rows)
            .int("iterations", self.iterations)
            .bool("converged", self.converged)
            .float("penalizer", self.penalizer);
    }

    pub(crate) fn read(f: &mut Fields) -> Result<FitInfo> {
        let log_likelihood = f.float("log_likelihood")?;
        let customers = f.count("customers")?;
        let rows = f.count("rows")?;
        let iterations = f.count("iterations")?;
        let iterations =
            u32::try_from(iterations).map_err(|_| f.error("iterations is out of range"))?;
        let converged = f.bool("converged")?;
        let penalizer = f.float("penalizer")?;
        if penalizer < 0.0 {
            return Err(f.error(format!("penalizer must be >= 0, got {}", show(penalizer))));
        }
        Ok(FitInfo {
            log_likelihood,
            customers,
            rows,
            iterations,
            converged,
            penalizer,
        })
    }
}

/// Asserts that `gradient(at)` agrees with central differences of `value` at each point
/// of `points` (relative step 1e-6; agreement to 1e-5 of max(1, |derivative|)).
#[cfg(test)]
pub(crate) fn assert_gradient<const N: usize>(
    value: impl Fn([f64; N]) -> f64,
    gradient: impl Fn([f64; N]) -> [f64; N],
    points: &[[f64; N]],
) {
    for &at in points {
        let g = gradient(at);
        for i in 0..N {
            let step = 1e-6 * at[i];
            let (mut up, mut down) = (at, at);
            up[i] += step;
            down[i] -= step;
            let numeric = (value(up) - value(down)) / (2.0 * step);
            let scale = g[i].abs().max(1.0);
            assert!(
                (g[i] - numeric).abs() < 1e-5 * scale,
                "{at:?} {i}: {} vs {numeric}",
                g[i]
            );
        }
    }
}

/// The CDNOW sample both BG/NBD and Gamma-Gamma papers fit (see tests/data/README.md).
#[cfg(test)]
pub(crate) mod cdnow {
    use super::rfm::Histogram;

    const SUMMARY: &str = include_str!("../../tests/data/cdnow_customers_summary.csv");
    const WITH_SPEND: &str =
        include_str!("../../tests/data/cdnow_customers_summary_with_transactions.csv");

    /// The numeric columns after the ID of every data line.
    fn lines(csv: &str) -> impl Iterator<Item = Vec<f64>> + '_ {
        csv.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                l.split(',')
                    .skip(1)
                    .map(|v| v.trim().parse::<f64>().expect("CDNOW numbers parse"))
                    .collect()
            })
    }

    /// `ID,frequency,recency,T`: the 2,357 customers' 39-week calibration summaries.
    pub(crate) fn summary() -> Histogram {
        let mut h = Histogram::new();
        for v in lines(SUMMARY) {
            h.add(v[0], v[1], v[2]).expect("valid CDNOW row");
        }
        h
    }

    /// `ID,x,t_x,T,zbar`: the same customers with their mean repeat-purchase value.
    pub(crate) fn with_spend() -> Histogram {
        let mut h = Histogram::new();
        for v in lines(WITH_SPEND) {
            h.add_with_monetary(v[0], v[1], v[2], v[3])
                .expect("valid CDNOW row");
        }
        h
    }
}

#[cfg(test)]
mod interrupt_tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static CALLS: Cell<u32> = const { Cell::new(0) };
    }

    fn count() {
        CALLS.with(|c| c.set(c.get() + 1));
    }

    fn cancel() {
        panic!("canceling statement due to user request");
    }

    /// Every fit polls the installed check before each evaluation of its objective, and an
    /// error raised there (PostgreSQL's cancel, here a panic) ends the fit.
    #[test]
    fn fits_poll_the_interrupt_check() {
        let h = cdnow::with_spend();
        set_interrupt_check(Some(count));
        let fitted = [
            bgnbd::fit(&h, 0.0).map(|_| ()),
            gamma_gamma::fit(&h, 0.0).map(|_| ()),
        ];
        let polled = CALLS.with(|c| c.get());
        assert!(fitted.iter().all(|f| f.is_ok()) && polled >= 20, "{polled}");
        set_interrupt_check(Some(cancel));
        let ended = std::panic::catch_unwind(|| bgnbd::fit(&h, 0.0));
        set_interrupt_check(None);
        assert!(ended.is_err());
        assert!(bgnbd::fit(&h, 0.0).is_ok());
    }
}

#[cfg(test)]
mod sorted_distinct_tests {
    use super::sorted_distinct;

    #[test]
    fn equals_a_plain_sort_and_dedup() {
        let mut state = 7u64;
        for n in [0usize, 1, 5, 16_384, 16_385, 40_000, 100_003] {
            let v: Vec<f64> = (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state % 5_000) as f64 * 0.5 - 100.0
                })
                .collect();
            let mut want = v.clone();
            want.sort_by(f64::total_cmp);
            want.dedup();
            assert_eq!(sorted_distinct(v), want, "n = {n}");
        }
    }
}
