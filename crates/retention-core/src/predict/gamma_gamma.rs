//! The Gamma-Gamma model of spend per purchase (Fader & Hardie 2013, "The Gamma-Gamma model
//! of monetary value", note 025; Colombo & Jiang 1999), as lifetimes 0.11.3's
//! `GammaGammaFitter` fits and applies it.
//!
//! A customer's purchase values are Gamma(p, nu) with the scale nu ~ Gamma(q, v) across
//! customers, independent of the purchase process. Only customers with repeat purchases
//! (x > 0) and their mean repeat-purchase value m enter the fit, with note 025 eq. 1a's
//! likelihood as lifetimes writes it:
//!
//! ```text
//! ll = lgamma(p x + q) - lgamma(p x) - lgamma(q) + q ln v + (p x - 1) ln m + p x ln x
//!      - (p x + q) ln(x m + v)
//! objective = -sum(w ll) / sum(w) + penalizer * (p^2 + q^2 + v^2)
//! ```
//!
//! minimized over (ln p, ln q, ln v) from lifetimes' start (all 0.1). lifetimes does not
//! rescale money as it rescales time for BG/NBD, and neither do we: the penalizer acts on v
//! in the data's currency unit, as there.

use super::rfm::Histogram;
use super::{
    add_penalty_gradient, check_interrupt_every, check_penalizer, fit_log_params_with_gradient,
    penalty, read_header, read_param, FitInfo,
};
use crate::error::{invalid, Result};
use crate::formulas::show;
use crate::text::{Fields, Writer};
use statrs::function::gamma::{digamma, ln_gamma};
use std::collections::BTreeMap;

/// The `model` field of the text form.
pub const MODEL: &str = "gamma_gamma";
/// The type name in text errors.
pub const TYPE_NAME: &str = "gamma_gamma_model";
const NAMES: [&str; 3] = ["p", "q", "v"];

/// A fitted Gamma-Gamma model; money is in the unit of the data it was fitted on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub v: f64,
    /// `customers` counts the repeat customers fitted; `rows` their distinct (x, m) pairs.
    pub fit: FitInfo,
}

/// Customers with the same frequency share the terms that depend on x only.
struct Group {
    x: f64,
    ln_x: f64,
    /// Sums over the group's rows of w and w ln m.
    weight: f64,
    weighted_ln_m: f64,
    rows: std::ops::Range<usize>,
}

/// The repeat customers' distinct (x, m) with their weights, grouped by x.
struct Prepared {
    groups: Vec<Group>,
    /// (m, w) of each row, in the groups' order.
    rows: Vec<(f64, f64)>,
    customers: u64,
}

impl Prepared {
    fn new(h: &Histogram) -> Result<Prepared> {
        let mut pairs: BTreeMap<(u64, u64), u64> = BTreeMap::new();
        let mut customers = 0u64;
        for (i, row) in h
            .rows()
            .enumerate()
            .filter(|(_, row)| row.rfm.frequency > 0.0)
        {
            check_interrupt_every(i);
            let Some(m) = row.rfm.monetary else {
                return invalid(format!(
                    "Gamma-Gamma needs the mean spend of every customer with repeat purchases: a customer with frequency {} has none",
                    show(row.rfm.frequency)
                ));
            };
            // The histogram's total did not overflow, so no part of it does.
            customers += row.weight;
            *pairs
                .entry((row.rfm.frequency.to_bits(), m.to_bits()))
                .or_insert(0) += row.weight;
        }
        // Positive doubles order as their bits do: the pairs come sorted by x, then m.
        let mut groups: Vec<Group> = Vec::new();
        let mut rows = Vec::with_capacity(pairs.len());
        for ((x, m), w) in pairs {
            let (x, m, w) = (f64::from_bits(x), f64::from_bits(m), w as f64);
            match groups.last_mut() {
                Some(g) if g.x == x => {
                    g.weight += w;
                    g.weighted_ln_m += w * m.ln();
                    g.rows.end += 1;
                }
                _ => groups.push(Group {
                    x,
                    ln_x: x.ln(),
                    weight: w,
                    weighted_ln_m: w * m.ln(),
                    rows: rows.len()..rows.len() + 1,
                }),
            }
            rows.push((m, w));
        }
        Ok(Prepared {
            groups,
            rows,
            customers,
        })
    }

    fn log_likelihood(&self, p: f64, q: f64, v: f64) -> f64 {
        self.evaluate([p, q, v], None)
    }

    /// sum_i w_i ll_i (note 025 eq. 1a, lifetimes' terms), and when `gradient` is given its
    /// derivatives with respect to (p, q, v) written there:
    /// d/dp = x (digamma(px + q) - digamma(px) + ln m + ln x - ln(x m + v)),
    /// d/dq = digamma(px + q) - digamma(q) + ln v - ln(x m + v),
    /// d/dv = q / v - (px + q) / (x m + v).
    fn evaluate(&self, [p, q, v]: [f64; 3], gradient: Option<&mut [f64]>) -> f64 {
        let (lg_q, ln_v) = (ln_gamma(q), v.ln());
        let want_gradient = gradient.is_some();
        let mut sum = 0.0;
        let mut d = [0.0; 3];
        for g in &self.groups {
            let (x, px) = (g.x, p * g.x);
            // Weighted sums of ln(x m + v) and 1 / (x m + v) over the group's rows.
            let (mut ln_sum, mut inv_sum) = (0.0, 0.0);
            for (i, &(m, w)) in self.rows[g.rows.clone()].iter().enumerate() {
                check_interrupt_every(i);
                let xmv = x * m + v;
                ln_sum += w * xmv.ln();
                if want_gradient {
                    inv_sum += w / xmv;
                }
            }
            let head = ln_gamma(px + q) - ln_gamma(px) - lg_q + q * ln_v + px * g.ln_x;
            sum += g.weight * head + (px - 1.0) * g.weighted_ln_m - (px + q) * ln_sum;
            if want_gradient {
                let dg_pxq = digamma(px + q);
                d[0] += x * (g.weight * (dg_pxq - digamma(px) + g.ln_x) + g.weighted_ln_m - ln_sum);
                d[1] += g.weight * (dg_pxq - digamma(q) + ln_v) - ln_sum;
                d[2] += g.weight * q / v - (px + q) * inv_sum;
            }
        }
        if let Some(out) = gradient {
            out.copy_from_slice(&d);
        }
        sum
    }
}

/// Fit Gamma-Gamma to the repeat customers of `h` (rows with frequency > 0, which must carry
/// their mean spend) with lifetimes' L2 `penalizer`.
///
/// Errors: no repeat customer; a repeat customer without a mean spend; a penalizer < 0 or
/// not finite; data whose likelihood keeps rising towards a parameter of 0 or infinity (for
/// instance when every customer has the same mean spend, p and v run off together).
pub fn fit(h: &Histogram, penalizer: f64) -> Result<GammaGamma> {
    check_penalizer(penalizer)?;
    let data = Prepared::new(h)?;
    if data.customers == 0 {
        return invalid(
            "Gamma-Gamma cannot be fitted without customers with repeat purchases (frequency > 0)",
        );
    }
    let n = data.customers as f64;
    let found = fit_log_params_with_gradient("Gamma-Gamma", &NAMES, |lp, g| {
        let params = [0, 1, 2].map(|i| lp[i].exp());
        let ll = data.evaluate(params, Some(g));
        // d/d(ln p) = p d/dp, of the mean negative log-likelihood
        for (d, p) in g.iter_mut().zip(params) {
            *d *= -p / n;
        }
        add_penalty_gradient(penalizer, lp, g);
        -ll / n + penalty(penalizer, lp)
    })?;
    let [p, q, v] = [0, 1, 2].map(|i| found.params[i]);
    Ok(GammaGamma {
        p,
        q,
        v,
        fit: FitInfo {
            log_likelihood: data.log_likelihood(p, q, v),
            customers: data.customers,
            rows: data.rows.len() as u64,
            iterations: found.iterations,
            converged: found.converged,
            penalizer,
        },
    })
}

impl GammaGamma {
    /// The population mean spend per purchase, `E[Z] = v p / (q - 1)` (note 025 eq. 4).
    /// Errors when q <= 1, where the spend scales' distribution has no mean.
    pub fn population_mean_spend(&self) -> Result<f64> {
        if self.q <= 1.0 {
            return invalid(format!(
                "the Gamma-Gamma model's q = {} is <= 1: the mean spend v p / (q - 1) is infinite, so expected spend is undefined",
                show(self.q)
            ));
        }
        Ok(self.v * self.p / (self.q - 1.0))
    }

    /// The expected mean spend per purchase of a customer with x repeat purchases of mean
    /// value m (note 025 eq. 5, lifetimes' `conditional_expected_average_profit`): the
    /// credibility-weighted blend `(1 - w) v p / (q - 1) + w m`, w = p x / (p x + q - 1). A
    /// customer with x = 0 gets the population mean, whatever m.
    pub fn conditional_expected_average_profit(&self, x: f64, m: f64) -> Result<f64> {
        if !(x.is_finite() && x >= 0.0 && x.fract() == 0.0) {
            return invalid(format!(
                "frequency must be a whole number >= 0, got {}",
                show(x)
            ));
        }
        if !(m.is_finite() && m >= 0.0) {
            return invalid(format!(
                "monetary value must be a finite number >= 0, got {}",
                show(m)
            ));
        }
        let mean = self.population_mean_spend()?;
        let w = self.p * x / (self.p * x + self.q - 1.0);
        Ok((1.0 - w) * mean + w * m)
    }

    /// The text form: `(version:1,model:"gamma_gamma",p:…,q:…,v:…,log_likelihood:…,
    /// customers:…,rows:…,iterations:…,converged:…,penalizer:…)`.
    pub fn to_text(&self) -> String {
        let mut w = Writer::new(super::MODEL_VERSION as u8);
        w.string("model", MODEL)
            .float("p", self.p)
            .float("q", self.q)
            .float("v", self.v);
        self.fit.write(&mut w);
        w.finish()
    }

    /// Parse [`GammaGamma::to_text`]'s form; parameters must be finite and > 0.
    pub fn from_text(input: &str) -> Result<GammaGamma> {
        let mut f = Fields::parse(TYPE_NAME, input)?;
        read_header(&mut f, MODEL)?;
        let [p, q, v] = [
            read_param(&mut f, "p")?,
            read_param(&mut f, "q")?,
            read_param(&mut f, "v")?,
        ];
        let fit = FitInfo::read(&mut f)?;
        f.finish(input)?;
        Ok(GammaGamma { p, q, v, fit })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::predict::cdnow;
    use crate::predict::rfm::Rfm;
    use proptest::prelude::*;

    fn close(got: f64, want: f64, rel: f64) -> bool {
        (got - want).abs() <= rel * want.abs()
    }

    #[test]
    fn gradient_matches_finite_differences() {
        let p = Prepared::new(&super::super::cdnow::with_spend()).unwrap();
        super::super::assert_gradient(
            |at| p.evaluate(at, None),
            |at| {
                let mut g = [0.0; 3];
                p.evaluate(at, Some(&mut g));
                g
            },
            &[[0.5, 0.7, 0.9], [6.25, 3.74, 15.44], [20.0, 1.5, 3.0]],
        );
    }

    #[test]
    fn fits_cdnow_as_published() {
        let m = fit(&cdnow::with_spend(), 0.0).unwrap();
        // Fader & Hardie (2013), note 025: p = 6.25, q = 3.74, v = 15.44 on the 946 CDNOW
        // customers with repeat purchases. The optimum's v is 15.4477: lifetimes' docs
        // print 15.45, the note's Excel fit stopped at 15.44; both are within 0.01.
        assert_eq!(m.fit.customers, 946);
        assert_eq!((m.p * 100.0).round() / 100.0, 6.25);
        assert_eq!((m.q * 100.0).round() / 100.0, 3.74);
        assert!((m.v - 15.44).abs() < 0.01, "{}", m.v);
        assert_eq!((m.v * 100.0).round() / 100.0, 15.45);
        assert!(m.fit.converged, "{}", m.to_text());
        // scipy Nelder-Mead on lifetimes' objective (tests/data/README.md, ref_fits.py):
        // [6.248801985131591, 3.7445883575642123, 15.447749449611656], ll -4055.9232435028593;
        // lifetimes 0.11.3 (BFGS): [6.248802496075312, 3.744588460923114, 15.44774806492914].
        for (got, want) in [
            (m.p, 6.248801985131591),
            (m.q, 3.7445883575642123),
            (m.v, 15.447749449611656),
        ] {
            assert!(close(got, want, 1e-6), "{got} vs {want}");
        }
        assert!((m.fit.log_likelihood - -4055.9232435028593).abs() < 1e-6);
        // The same script: customer 1 (x = 2, m = 22.35) -> 24.658616561066864; mean
        // 35.17100375380804.
        let e = m.conditional_expected_average_profit(2.0, 22.35).unwrap();
        assert!(close(e, 24.658616561066864, 1e-6), "{e}");
        let mean = m.population_mean_spend().unwrap();
        assert!(close(mean, 35.17100375380804, 1e-6), "{mean}");
        assert_eq!(m.conditional_expected_average_profit(0.0, 0.0), Ok(mean));
        assert_eq!(GammaGamma::from_text(&m.to_text()), Ok(m));
        assert!(m
            .to_text()
            .starts_with("(version:1,model:\"gamma_gamma\",p:6.2488"));
    }

    #[test]
    fn errors() {
        let mut h = Histogram::new();
        h.add_with_monetary(0.0, 0.0, 5.0, 0.0).unwrap();
        let e = fit(&h, 0.0).unwrap_err();
        assert!(
            e.message()
                .contains("without customers with repeat purchases"),
            "{e}"
        );
        h.add(2.0, 1.0, 5.0).unwrap();
        let e = fit(&h, 0.0).unwrap_err();
        assert!(e.message().contains("frequency 2 has none"), "{e}");
        assert!(fit(&cdnow::with_spend(), -0.5).is_err());
        let mut m = fit(&cdnow::with_spend(), 0.0).unwrap();
        assert!(m.conditional_expected_average_profit(1.5, 3.0).is_err());
        assert!(m
            .conditional_expected_average_profit(1.0, f64::NAN)
            .is_err());
        m.q = 0.9;
        let e = m.conditional_expected_average_profit(1.0, 3.0).unwrap_err();
        assert!(e.message().contains("q = 0.9 is <= 1"), "{e}");
        let text = m.to_text();
        assert!(GammaGamma::from_text(&text.replace("v:", "v:-")).is_err());
        assert!(GammaGamma::from_text(&text.replace("gamma_gamma", "bgnbd")).is_err());
    }

    #[test]
    fn weights_are_customers() {
        // Rows differing only in recency and T are one (x, m) pair for this model.
        let mut a = Histogram::new();
        let mut b = Histogram::new();
        for (x, tx, t, m) in [
            (2.0, 5.0, 30.0, 10.0),
            (2.0, 9.0, 31.0, 10.0),
            (1.0, 3.0, 9.0, 25.0),
        ] {
            a.add_with_monetary(x, tx, t, m).unwrap();
        }
        let row = |x, tx, t, m| Rfm {
            frequency: x,
            recency: tx,
            t,
            monetary: Some(m),
        };
        b.add_weighted(row(2.0, 5.0, 30.0, 10.0), 2).unwrap();
        b.add_weighted(row(1.0, 3.0, 9.0, 25.0), 1).unwrap();
        let (pa, pb) = (Prepared::new(&a).unwrap(), Prepared::new(&b).unwrap());
        assert_eq!(pa.rows.len(), 2);
        for params in [(1.0, 2.0, 3.0), (6.25, 3.74, 15.44)] {
            let (p, q, v) = params;
            assert_eq!(pa.log_likelihood(p, q, v), pb.log_likelihood(p, q, v));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn fit_never_panics(rows in proptest::collection::vec((0u8..6, 1u32..500, 1u64..4), 1..8)) {
            let mut h = Histogram::new();
            for (x, cents, w) in rows {
                let m = if x == 0 { 0.0 } else { f64::from(cents) / 10.0 };
                let recency = if x == 0 { 0.0 } else { 1.0 };
                let rfm = Rfm { frequency: f64::from(x), recency, t: 2.0, monetary: Some(m) };
                h.add_weighted(rfm, w).unwrap();
            }
            if let Ok(m) = fit(&h, 0.0) {
                prop_assert!(m.p > 0.0 && m.q > 0.0 && m.v > 0.0);
                prop_assert_eq!(GammaGamma::from_text(&m.to_text()), Ok(m));
            }
        }
    }
}
