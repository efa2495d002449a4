//! The shifted-beta-geometric (sBG) model of contract retention (Fader & Hardie 2007, "How
//! to project customer retention", Journal of Interactive Marketing 21(1)).
//!
//! Each customer churns at the end of any period with their own probability theta, and theta
//! ~ Beta(alpha, beta) across the cohort, so the cohort's retention rate rises with tenure as
//! the churn-prone leave. Fitted by maximum likelihood to the number alive at the start of
//! each period (FH 2007 eq. 6):
//!
//! ```text
//! P(T = 1) = alpha / (alpha + beta)
//! P(T = t) = P(T = t - 1) (beta + t - 2) / (alpha + beta + t - 1)      (eq. 7)
//! S(t)     = S(t - 1) - P(T = t),  S(0) = 1
//! LL       = sum_{t=1..n} (alive[t-1] - alive[t]) ln P(T = t) + alive[n] ln S(n)
//! ```
//!
//! over (ln alpha, ln beta) from lifetimes' start point (all 0.1), with the shared
//! Nelder-Mead. The state is mergeable: rows (period, alive) summed per period, so cohorts
//! counted in parallel (or several cohorts of the same calendar) add up.

use super::bgnbd::ln_beta;
use super::{fit_log_params, read_header, read_param, FitInfo};
use crate::error::{invalid, MetricError, Result};
use crate::formulas::show;
use crate::text::{Fields, Writer};
use crate::varint::{self, Reader};
use std::collections::BTreeMap;

/// The `model` field of the text form.
pub const MODEL: &str = "sbg";
/// The type name in text errors.
pub const TYPE_NAME: &str = "sbg_model";
/// Version of the state's binary form.
pub const VERSION: u8 = 1;
/// The most periods a cohort may have (a century of months): the likelihood is summed
/// period by period.
pub const MAX_PERIOD: i64 = 1200;

/// The number alive at the start of each period, summed over rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cohort {
    alive: BTreeMap<u32, u64>,
}

impl Cohort {
    pub fn new() -> Cohort {
        Cohort::default()
    }

    /// Count `alive` customers alive at the start of `period` (0 = the cohort's start).
    pub fn add(&mut self, period: i64, alive: i64) -> Result<()> {
        if !(0..=MAX_PERIOD).contains(&period) {
            return invalid(format!(
                "period must be a whole number from 0 to {MAX_PERIOD}, got {period}"
            ));
        }
        let Ok(alive) = u64::try_from(alive) else {
            return invalid(format!("number alive must be >= 0, got {alive}"));
        };
        self.insert(period as u32, alive)
    }

    fn insert(&mut self, period: u32, alive: u64) -> Result<()> {
        let slot = self.alive.entry(period).or_insert(0);
        *slot = super::add_counts(*slot, alive).ok_or_else(|| {
            MetricError::OutOfRange(format!(
                "the number alive at period {period} is out of range: at most {}",
                super::MAX_COUNT
            ))
        })?;
        Ok(())
    }

    /// Add every row of `other`.
    pub fn merge(&mut self, other: &Cohort) -> Result<()> {
        for (p, a) in &other.alive {
            self.insert(*p, *a)?;
        }
        Ok(())
    }

    /// (period, alive) in period order.
    pub fn periods(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        self.alive.iter().map(|(p, a)| (*p, *a))
    }

    /// The counts `alive[0..=n]`, checked: periods 0..=n all present, n >= 2, `alive[0] > 0`,
    /// never increasing.
    pub fn survivors(&self) -> Result<Vec<u64>> {
        let mut out = Vec::with_capacity(self.alive.len());
        for (i, (p, a)) in self.alive.iter().enumerate() {
            if *p as usize != i {
                return invalid(format!(
                    "period {i} is missing: sBG needs the number alive at every period from 0 to {p}"
                ));
            }
            if let Some(prev) = out.last() {
                if a > prev {
                    return invalid(format!(
                        "the number alive must not increase: period {p} has {a} after {prev} at period {}",
                        p - 1
                    ));
                }
            }
            out.push(*a);
        }
        if out.len() < 3 {
            return invalid(
                "sBG needs the number alive at periods 0, 1 and 2 at least: one period's churn rate alone does not determine alpha and beta",
            );
        }
        if out[0] == 0 {
            return invalid("sBG needs a cohort of at least one customer at period 0, got 0");
        }
        Ok(out)
    }

    /// Binary form: version byte 1, a varint row count, then (period, alive) varint pairs in
    /// ascending period order.
    pub fn serialize(&self) -> Vec<u8> {
        let mut out = vec![VERSION];
        varint::put(&mut out, self.alive.len() as u128);
        for (p, a) in &self.alive {
            varint::put(&mut out, u128::from(*p));
            varint::put(&mut out, u128::from(*a));
        }
        out
    }

    /// Decode [`Cohort::serialize`]'s form: periods in range and strictly ascending, nothing
    /// after the rows.
    pub fn deserialize(bytes: &[u8]) -> Result<Cohort> {
        let bad = |why: &str| MetricError::InvalidBinary(format!("invalid sBG cohort: {why}"));
        let mut r = Reader::new(bytes);
        match r.byte() {
            Some(VERSION) => {}
            Some(v) => {
                return Err(bad(&format!(
                    "unsupported version {v} (this build reads version {VERSION})"
                )))
            }
            None => return Err(bad("truncated")),
        }
        let n = r.u64().ok_or_else(|| bad("truncated"))?;
        let mut c = Cohort::new();
        let mut last = None;
        for _ in 0..n {
            let p = r.u64().ok_or_else(|| bad("truncated"))?;
            let a = r.u64().ok_or_else(|| bad("truncated"))?;
            if p > MAX_PERIOD as u64 || last.is_some_and(|l| l >= p) {
                return Err(bad("periods are not ascending and in range"));
            }
            if a > super::MAX_COUNT {
                return Err(bad("a number alive is out of range"));
            }
            c.alive.insert(p as u32, a);
            last = Some(p);
        }
        if !r.at_end() {
            return Err(bad("unexpected bytes after the rows"));
        }
        Ok(c)
    }
}

/// A fitted sBG model; periods are the cohort's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sbg {
    pub alpha: f64,
    pub beta: f64,
    /// `customers` is the cohort at period 0, `rows` the periods 0..=n, `penalizer` 0.
    pub fit: FitInfo,
}

/// LL of FH 2007 eq. 6 by the recursion of eq. 7.
fn log_likelihood(alive: &[u64], alpha: f64, beta: f64) -> f64 {
    let (mut p, mut s, mut ll) = (0.0, 1.0, 0.0);
    for t in 1..alive.len() {
        let tf = t as f64;
        p = if t == 1 {
            alpha / (alpha + beta)
        } else {
            p * (beta + tf - 2.0) / (alpha + beta + tf - 1.0)
        };
        s -= p;
        let lost = alive[t - 1] - alive[t];
        if lost > 0 {
            ll += lost as f64 * p.ln();
        }
    }
    let left = alive[alive.len() - 1];
    if left > 0 {
        ll += left as f64 * s.ln();
    }
    ll
}

/// Fit sBG to a cohort (see [`Cohort::survivors`] for what it must hold). Errors also when
/// the likelihood has no maximum: nobody churned (alpha runs to 0), or everybody churned in
/// the first period (beta runs to 0). Other data with a boundary maximum (say half the
/// cohort churning in period 1 and nobody after: alpha and beta run to 0 together) give the
/// point where the minimizer stopped, or an error once a parameter passes e^(+-25).
pub fn fit(cohort: &Cohort) -> Result<Sbg> {
    let alive = cohort.survivors()?;
    let last = alive[alive.len() - 1];
    if last == alive[0] {
        return invalid(
            "sBG cannot be fitted when nobody churned: the likelihood rises as alpha tends to 0 and has no maximum",
        );
    }
    if alive[1] == 0 {
        return invalid(
            "sBG cannot be fitted when the whole cohort churned in period 1: the likelihood rises as beta tends to 0 and has no maximum",
        );
    }
    let n0 = alive[0] as f64;
    let found = fit_log_params("sBG", &["alpha", "beta"], |lp| {
        -log_likelihood(&alive, lp[0].exp(), lp[1].exp()) / n0
    })?;
    let (alpha, beta) = (found.params[0], found.params[1]);
    Ok(Sbg {
        alpha,
        beta,
        fit: FitInfo {
            log_likelihood: log_likelihood(&alive, alpha, beta),
            customers: alive[0],
            rows: alive.len() as u64,
            iterations: found.iterations,
            converged: found.converged,
            penalizer: 0.0,
        },
    })
}

fn check_period(t: f64, from: f64) -> Result<()> {
    if t.is_finite() && t >= from {
        Ok(())
    } else {
        invalid(format!(
            "period t must be a finite number >= {from}, got {}",
            show(t)
        ))
    }
}

impl Sbg {
    /// P(T = t): the share of the cohort that churns at the end of period t >= 1
    /// (B(alpha + 1, beta + t - 1) / B(alpha, beta), FH 2007 eq. 4).
    pub fn churn_probability(&self, t: i64) -> Result<f64> {
        if t < 1 {
            return invalid(format!("period t must be >= 1, got {t}"));
        }
        let tf = t as f64;
        let ln = ln_beta(self.alpha + 1.0, self.beta + tf - 1.0) - ln_beta(self.alpha, self.beta);
        Ok(ln.exp())
    }

    /// S(t): the share of the cohort still alive after t periods,
    /// B(alpha, beta + t) / B(alpha, beta) (FH 2007 eq. 5), for any real t >= 0.
    pub fn survival(&self, t: f64) -> Result<f64> {
        check_period(t, 0.0)?;
        Ok((ln_beta(self.alpha, self.beta + t) - ln_beta(self.alpha, self.beta)).exp())
    }

    /// r(t) = S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1): the retention rate
    /// of period t >= 1 (FH 2007 eq. 8), rising towards 1 with tenure.
    pub fn retention_rate(&self, t: f64) -> Result<f64> {
        check_period(t, 1.0)?;
        Ok((self.beta + t - 1.0) / (self.alpha + self.beta + t - 1.0))
    }

    /// The text form: `(version:1,model:"sbg",alpha:…,beta:…,log_likelihood:…,customers:…,
    /// rows:…,iterations:…,converged:…,penalizer:0.0)`.
    pub fn to_text(&self) -> String {
        let mut w = Writer::new(super::MODEL_VERSION as u8);
        w.string("model", MODEL)
            .float("alpha", self.alpha)
            .float("beta", self.beta);
        self.fit.write(&mut w);
        w.finish()
    }

    /// Parse [`Sbg::to_text`]'s form; parameters must be finite and > 0.
    pub fn from_text(input: &str) -> Result<Sbg> {
        let mut f = Fields::parse(TYPE_NAME, input)?;
        read_header(&mut f, MODEL)?;
        let alpha = read_param(&mut f, "alpha")?;
        let beta = read_param(&mut f, "beta")?;
        let fit = FitInfo::read(&mut f)?;
        f.finish(input)?;
        Ok(Sbg { alpha, beta, fit })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cohort(alive: &[i64]) -> Cohort {
        let mut c = Cohort::new();
        for (t, a) in alive.iter().enumerate() {
            c.add(t as i64, *a).unwrap();
        }
        c
    }

    /// FH 2007's two segments (customers alive at the start of years 1-8 out of 1,000):
    /// "regular" alpha = 0.704, beta = 1.182; "high end" alpha = 0.668, beta = 3.806, as
    /// published to three decimals. The log-likelihoods and
    /// 16-digit optima are scipy Nelder-Mead on the same likelihood (tests/data/README.md,
    /// ref_fits.py): regular [0.7040773026868167, 1.1820430155517376] ll
    /// -1680.2651884632867; high end [0.6680882870892267, 3.8060945403610935] ll
    /// -1611.1581473911563.
    #[test]
    fn fits_the_published_segments() {
        let cases = [
            (
                [1000, 631, 468, 382, 326, 289, 262, 241],
                (0.704, 1.182),
                (0.7040773026868167, 1.1820430155517376, -1680.2651884632867),
            ),
            (
                [1000, 869, 743, 653, 593, 551, 517, 491],
                (0.668, 3.806),
                (0.6680882870892267, 3.8060945403610935, -1611.1581473911563),
            ),
        ];
        for (alive, published, (alpha, beta, ll)) in cases {
            let m = fit(&cohort(&alive)).unwrap();
            let round3 = |v: f64| (v * 1000.0).round() / 1000.0;
            assert_eq!((round3(m.alpha), round3(m.beta)), published, "{m:?}");
            assert!((m.alpha - alpha).abs() < 1e-6 * alpha, "{m:?}");
            assert!((m.beta - beta).abs() < 1e-6 * beta, "{m:?}");
            assert!((m.fit.log_likelihood - ll).abs() < 1e-6, "{m:?}");
            assert!(m.fit.converged);
            assert_eq!((m.fit.customers, m.fit.rows), (1000, 8));
            assert_eq!(Sbg::from_text(&m.to_text()), Ok(m));
        }
    }

    #[test]
    fn projections_agree_with_the_recursion() {
        let m = Sbg {
            alpha: 0.7040773026868167,
            beta: 1.1820430155517376,
            fit: fit(&cohort(&[1000, 631, 468, 382, 326, 289, 262, 241]))
                .unwrap()
                .fit,
        };
        let (mut p, mut s) = (0.0, 1.0);
        for t in 1..=40i64 {
            let tf = t as f64;
            p = if t == 1 {
                m.alpha / (m.alpha + m.beta)
            } else {
                p * (m.beta + tf - 2.0) / (m.alpha + m.beta + tf - 1.0)
            };
            let s_prev = s;
            s -= p;
            let close = |a: f64, b: f64| (a - b).abs() < 1e-12 * b.abs().max(1e-3);
            assert!(close(m.churn_probability(t).unwrap(), p), "P({t})");
            assert!(close(m.survival(tf).unwrap(), s), "S({t})");
            assert!(close(m.retention_rate(tf).unwrap(), s / s_prev), "r({t})");
        }
        // The fitted survival curve tracks the data: S(7) = 0.2408 vs 241/1000 observed.
        assert!((m.survival(7.0).unwrap() - 0.241).abs() < 0.005);
        assert_eq!(m.survival(0.0), Ok(1.0));
        assert!(m.survival(-1.0).is_err());
        assert!(m.retention_rate(0.5).is_err());
        // 0 and negative periods get one message (-1 had another, from the glue).
        for t in [0, -1, i64::MIN] {
            let e = m.churn_probability(t).unwrap_err();
            assert_eq!(e.message(), format!("period t must be >= 1, got {t}"));
        }
    }

    #[test]
    fn cohorts_merge_and_are_checked() {
        let mut a = cohort(&[600, 400, 300]);
        a.merge(&cohort(&[400, 231, 168])).unwrap();
        assert_eq!(a.survivors().unwrap(), vec![1000, 631, 468]);
        assert_eq!(Cohort::deserialize(&a.serialize()).unwrap(), a);
        for (alive, want) in [
            (
                vec![1000, 1001],
                "must not increase: period 1 has 1001 after 1000 at period 0",
            ),
            (vec![1000], "periods 0, 1 and 2 at least"),
            (vec![1000, 600], "periods 0, 1 and 2 at least"),
            (vec![0, 0, 0], "at least one customer"),
        ] {
            let e = cohort(&alive).survivors().unwrap_err();
            assert!(e.message().contains(want), "{e}");
        }
        let mut gap = Cohort::new();
        gap.add(0, 10).unwrap();
        gap.add(2, 5).unwrap();
        let e = fit(&gap).unwrap_err();
        assert!(e.message().contains("period 1 is missing"), "{e}");
        assert!(Cohort::new().add(-1, 5).is_err());
        assert!(Cohort::new().add(1, -5).is_err());
        // No churn, or everybody at once: no finite maximum.
        let e = fit(&cohort(&[100, 100, 100])).unwrap_err();
        assert!(e.message().contains("nobody churned"), "{e}");
        let e = fit(&cohort(&[100, 0, 0])).unwrap_err();
        assert!(e.message().contains("churned in period 1"), "{e}");
        let mut full = cohort(&[i64::MAX]);
        full.insert(0, u64::MAX).unwrap_err();
    }

    proptest! {
        #[test]
        fn deserialize_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
            let _ = Cohort::deserialize(&bytes);
        }

        #[test]
        fn fit_never_panics(first in 1i64..2000, drops in proptest::collection::vec(0u16..1000, 2..8)) {
            let mut alive = vec![first];
            for d in drops {
                let prev = *alive.last().unwrap_or(&0);
                alive.push((prev - i64::from(d)).max(0));
            }
            if let Ok(m) = fit(&cohort(&alive)) {
                prop_assert!(m.alpha > 0.0 && m.beta > 0.0);
                prop_assert_eq!(Sbg::from_text(&m.to_text()), Ok(m));
            }
        }
    }
}
