//! The BG/NBD model of repeat purchases (Fader, Hardie & Lee 2005, "Counting your customers
//! the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2)), as
//! lifetimes 0.11.3's `BetaGeoFitter` fits and applies it.
//!
//! While alive, a customer buys as a Poisson process of rate lambda ~ Gamma(r, alpha); after
//! each purchase they drop out with probability p ~ Beta(a, b). From each customer's
//! (x, t_x, T) the model is fitted by maximum likelihood, and predicts purchases to come,
//! the probability of being alive, and the distribution of purchase counts.
//!
//! Fitting follows lifetimes term for term: its log-likelihood (FHL 2005 eq. 6 in the
//! logsumexp form of `BetaGeoFitter._negative_log_likelihood`), averaged over customers with
//! the histogram's weights, plus `penalizer * sum(params^2)`, minimized over the
//! log-parameters from lifetimes' start point (all 0.1). As lifetimes does, times are first
//! divided by the largest T (`utils._scale_time`), so alpha is fitted and penalized in units
//! of the oldest customer's age, and converted back after: the fit, penalized or not, does
//! not depend on the time unit. The reported log-likelihood is the sum over customers in the
//! data's own unit, without the penalty: the number FHL publish (-9582.4 on CDNOW).

use super::rfm::{self, Histogram, Rfm, Row};
use super::special::signed_ln;
use super::FitInfo;
use super::{
    add_penalty_gradient, check_interrupt, check_interrupt_every, check_penalizer, check_time,
    fit_log_params_with_gradient, penalty, read_header, read_param,
};
use crate::error::{invalid, Result};
use crate::text::{Fields, Writer};
use statrs::function::gamma::{digamma, ln_gamma};
use std::ops::Range;

/// The `model` field of the text form.
pub const MODEL: &str = "bgnbd";
/// The type name in text errors.
pub const TYPE_NAME: &str = "bgnbd_model";
const NAMES: [&str; 4] = ["r", "alpha", "a", "b"];

/// Within this distance of a = 1 the expectations' (a + b + x - 1) / (a - 1) factor and its
/// vanishing partner cancel (0/0 at a = 1 exactly); there the expectation is interpolated
/// linearly between a = 1 - A_STEP and a = 1 + A_STEP, good to about 1e-10 relative.
const A_STEP: f64 = 1e-5;

/// A fitted BG/NBD model; time is in the unit of the data it was fitted on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
    pub fit: FitInfo,
}

/// Customers with the same frequency share the terms that depend on x only.
struct Group {
    x: f64,
    weight: f64,
    rows: Range<usize>,
}

/// The distinct values of one time column, and each row's index into them: ln(alpha + t)
/// and 1 / (alpha + t) are computed once a distinct value per evaluation (at day
/// granularity a few hundred, for hundreds of thousands of rows).
struct Column {
    values: Vec<f64>,
    index: Vec<u32>,
}

impl Column {
    fn new(times: impl Iterator<Item = f64>) -> Column {
        let times: Vec<f64> = times.collect();
        let values = super::sorted_distinct(times.clone());
        check_interrupt();
        let index = times
            .iter()
            .enumerate()
            .map(|(i, t)| {
                check_interrupt_every(i);
                values
                    .binary_search_by(|v| v.total_cmp(t))
                    .expect("present") as u32
            })
            .collect();
        Column { values, index }
    }

    /// (ln(alpha + t), 1 / (alpha + t)) of each distinct t.
    fn at(&self, alpha: f64) -> Vec<(f64, f64)> {
        self.values
            .iter()
            .map(|t| ((alpha + t).ln(), 1.0 / (alpha + t)))
            .collect()
    }
}

/// The histogram laid out for the likelihood: rows grouped by frequency, times scaled.
struct Prepared {
    groups: Vec<Group>,
    /// t_x and T of each row, in the groups' order.
    recency: Column,
    age: Column,
    weights: Vec<f64>,
    customers: f64,
}

impl Prepared {
    /// `rows`: a histogram's rows in its order (sorted by frequency first).
    fn new(rows: &[Row], customers: u64, scale: f64) -> Prepared {
        let mut groups: Vec<Group> = Vec::new();
        let mut weights = Vec::with_capacity(rows.len());
        // The histogram is sorted by frequency first, so groups are runs.
        for (i, row) in rows.iter().enumerate() {
            let x = row.rfm.frequency;
            let w = row.weight as f64;
            match groups.last_mut() {
                Some(g) if g.x == x => {
                    g.weight += w;
                    g.rows.end += 1;
                }
                _ => groups.push(Group {
                    x,
                    weight: w,
                    rows: i..i + 1,
                }),
            }
            weights.push(w);
        }
        Prepared {
            groups,
            recency: Column::new(rows.iter().map(|row| row.rfm.recency * scale)),
            age: Column::new(rows.iter().map(|row| row.rfm.t * scale)),
            weights,
            customers: customers as f64,
        }
    }

    fn log_likelihood(&self, r: f64, alpha: f64, a: f64, b: f64) -> f64 {
        self.evaluate([r, alpha, a, b], None)
    }

    /// sum_i w_i ll_i, lifetimes' A_1..A_4 terms, and when `gradient` is given its
    /// derivatives with respect to (r, alpha, a, b) written there. Per customer
    /// ll = A1 + A2 + ln(e^A3 + [x > 0] e^A4) with
    /// A1 = lgamma(r + x) - lgamma(r) + r ln alpha,
    /// A2 = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x),
    /// A3 = -(r + x) ln(alpha + T), A4 = ln a - ln(b + x - 1) - (r + x) ln(alpha + t_x);
    /// the last term's derivative is the e^A3 : e^A4 weighted mean of A3's and A4's.
    fn evaluate(&self, [r, alpha, a, b]: [f64; 4], gradient: Option<&mut [f64]>) -> f64 {
        let (lg_r, lg_b, lg_ab) = (ln_gamma(r), ln_gamma(b), ln_gamma(a + b));
        let (ln_alpha, ln_a) = (alpha.ln(), a.ln());
        let want_gradient = gradient.is_some();
        let (dg_r, dg_b, dg_ab) = if want_gradient {
            (digamma(r), digamma(b), digamma(a + b))
        } else {
            (0.0, 0.0, 0.0)
        };
        let at_age = self.age.at(alpha);
        let at_recency = self.recency.at(alpha);
        let mut sum = 0.0;
        let mut d = [0.0; 4];
        for g in &self.groups {
            let x = g.x;
            let a1 = ln_gamma(r + x) - lg_r + r * ln_alpha;
            let a2 = lg_ab + ln_gamma(b + x) - lg_b - ln_gamma(a + b + x);
            let a4_head = ln_a - (b + x.max(1.0) - 1.0).ln();
            let rx = r + x;
            // Weighted sums over the group's rows: ll, d/dr and d/dalpha (divided by
            // -(r + x)) of the last term, and the weight of its A4 part.
            let (mut ll, mut dr, mut dalpha, mut share4) = (0.0, 0.0, 0.0, 0.0);
            for i in g.rows.clone() {
                check_interrupt_every(i);
                let w = self.weights[i];
                let (ln_t, inv_t) = at_age[self.age.index[i] as usize];
                let a3 = -rx * ln_t;
                if x > 0.0 {
                    let (ln_tx, inv_tx) = at_recency[self.recency.index[i] as usize];
                    let a4 = a4_head - rx * ln_tx;
                    // ln(e^a3 + e^a4) = max + ln(1 + e^-|a3 - a4|), lifetimes' logaddexp.
                    // ln(1 + e) rather than ln_1p(e): with e <= 1 its absolute error is an
                    // ulp either way (what a sum of terms keeps), and ln is twice as fast.
                    let e = (-(a3 - a4).abs()).exp();
                    let one_e = 1.0 + e;
                    ll += w * (a3.max(a4) + one_e.ln());
                    if want_gradient {
                        let (small, large) = (e / one_e, 1.0 / one_e);
                        let (s3, s4) = if a4 > a3 {
                            (small, large)
                        } else {
                            (large, small)
                        };
                        dr += w * (s3 * ln_t + s4 * ln_tx);
                        dalpha += w * (s3 * inv_t + s4 * inv_tx);
                        share4 += w * s4;
                    }
                } else {
                    ll += w * a3;
                    dr += w * ln_t;
                    dalpha += w * inv_t;
                }
            }
            sum += g.weight * (a1 + a2) + ll;
            if want_gradient {
                let dg_abx = digamma(a + b + x);
                d[0] += g.weight * (digamma(r + x) - dg_r + ln_alpha) - dr;
                d[1] += g.weight * r / alpha - rx * dalpha;
                d[2] += g.weight * (dg_ab - dg_abx) + share4 / a;
                d[3] += g.weight * (dg_ab + digamma(b + x) - dg_b - dg_abx)
                    - share4 / (b + x.max(1.0) - 1.0);
            }
        }
        if let Some(out) = gradient {
            out.copy_from_slice(&d);
        }
        sum
    }
}

/// Fit BG/NBD to the customers of `h` with lifetimes' L2 `penalizer` (0 for plain maximum
/// likelihood).
///
/// Errors: no customers; a penalizer < 0 or not finite; no customer with a repeat purchase
/// (then the likelihood, r ln(alpha / (alpha + T)) summed, keeps rising as r tends to 0 and
/// says nothing about a and b: it has no maximum); and any other data whose likelihood keeps
/// rising towards a parameter of 0 or infinity.
pub fn fit(h: &Histogram, penalizer: f64) -> Result<BgNbd> {
    check_penalizer(penalizer)?;
    if h.customers() == 0 {
        return invalid("BG/NBD cannot be fitted without customers");
    }
    let rows: Vec<Row> = h.rows().collect();
    if rows.iter().all(|row| row.rfm.frequency == 0.0) {
        return invalid(
            "BG/NBD cannot be fitted when no customer has a repeat purchase (every frequency is 0): the likelihood then has no maximum",
        );
    }
    // lifetimes' `_scale_time`: 1 / max(T). T > 0, so only a subnormal T could make it
    // infinite; such data are left unscaled.
    let max_t = rows.iter().map(|row| row.rfm.t).fold(0.0, f64::max);
    let scale = if (1.0 / max_t).is_finite() {
        1.0 / max_t
    } else {
        1.0
    };
    let scaled = Prepared::new(&rows, h.customers(), scale);
    let n = scaled.customers;
    let found = fit_log_params_with_gradient("BG/NBD", &NAMES, |lp, g| {
        let params = [0, 1, 2, 3].map(|i| lp[i].exp());
        let ll = scaled.evaluate(params, Some(g));
        // d/d(ln p) = p d/dp, of the mean negative log-likelihood
        for (d, p) in g.iter_mut().zip(params) {
            *d *= -p / n;
        }
        add_penalty_gradient(penalizer, lp, g);
        -ll / n + penalty(penalizer, lp)
    })?;
    let [r, alpha_scaled, a, b] = [0, 1, 2, 3].map(|i| found.params[i]);
    let alpha = alpha_scaled / scale;
    if !(alpha.is_finite() && alpha > 0.0) {
        return invalid("BG/NBD cannot be fitted to these data: alpha is out of range of a double precision number in the data's time unit");
    }
    let log_likelihood = Prepared::new(&rows, h.customers(), 1.0).log_likelihood(r, alpha, a, b);
    Ok(BgNbd {
        r,
        alpha,
        a,
        b,
        fit: FitInfo {
            log_likelihood,
            customers: h.customers(),
            rows: h.len() as u64,
            iterations: found.iterations,
            converged: found.converged,
            penalizer,
        },
    })
}

pub(crate) fn check_customer(x: f64, t_x: f64, t: f64) -> Result<()> {
    rfm::validate_for_prediction(&Rfm {
        frequency: x,
        recency: t_x,
        t,
        monetary: None,
    })
}

pub(crate) fn finite(v: f64, what: &str) -> Result<f64> {
    if v.is_finite() {
        Ok(v + 0.0) // -0.0 as 0
    } else {
        invalid(format!(
            "the {what} cannot be computed for these BG/NBD parameters and arguments (the hypergeometric series does not converge: the horizon may be too long)"
        ))
    }
}

impl BgNbd {
    /// Expected purchases in (T, T + t] of a customer with history (x, t_x, T): FHL 2005
    /// eq. 10, lifetimes' `conditional_expected_number_of_purchases_up_to_time`. T = 0 (with
    /// x = t_x = 0) is a customer acquired just now.
    ///
    /// Valid for every a > 0. For a < 1 (CDNOW's a is 0.793) the factor
    /// (a + b + x - 1) / (a - 1) and the bracket beside it are both negative: over a finite
    /// horizon the expectation is finite whatever a is. What a <= 1 makes infinite is the
    /// horizon-free total, the mean number of purchases before dropping out (b / (a - 1)
    /// for the geometric dropout), which nothing here computes. At a = 1 exactly the formula
    /// is 0/0 and the value is the limit (see `A_STEP`).
    pub fn conditional_expected_number_of_purchases_up_to_time(
        &self,
        t: f64,
        x: f64,
        t_x: f64,
        age: f64,
    ) -> Result<f64> {
        check_time("t", t)?;
        check_customer(x, t_x, age)?;
        finite(
            self.expected(t, x, t_x, age),
            "conditional expected number of purchases",
        )
    }

    /// Expected purchases in (0, t] of a customer just acquired: FHL 2005 eq. 9, lifetimes'
    /// `expected_number_of_purchases_up_to_time`,
    /// `(a + b - 1) / (a - 1) * (1 - 2F1(r, b; a + b - 1; t / (alpha + t)) * (alpha / (alpha + t))^r)`,
    /// which is eq. 10 at x = t_x = T = 0.
    pub fn expected_number_of_purchases_up_to_time(&self, t: f64) -> Result<f64> {
        check_time("t", t)?;
        finite(
            self.expected(t, 0.0, 0.0, 0.0),
            "expected number of purchases",
        )
    }

    /// The probability that a customer with history (x, t_x, T) is alive at T (Fader,
    /// Hardie & Lee 2008, note 021, "Computing P(alive) using the BG/NBD model"; lifetimes'
    /// `conditional_probability_alive`): 1 for x = 0 (in BG/NBD a customer can only drop out
    /// right after a purchase), else `1 / (1 + exp(log_div))` with
    /// `log_div = (r + x) ln((alpha + T) / (alpha + t_x)) + ln(a / (b + x - 1))`.
    pub fn conditional_probability_alive(&self, x: f64, t_x: f64, age: f64) -> Result<f64> {
        check_customer(x, t_x, age)?;
        if x == 0.0 {
            return Ok(1.0);
        }
        let Self { r, alpha, a, b, .. } = *self;
        let log_div = (r + x) * ((alpha + age) / (alpha + t_x)).ln() + (a / (b + x - 1.0)).ln();
        Ok(1.0 / (1.0 + log_div.exp()))
    }

    /// P(X(t) = n) for a customer just acquired: FHL 2005 eq. 8, lifetimes'
    /// `probability_of_n_purchases_up_to_time`:
    /// `B(a, b + n) / B(a, b) * NB(n) + [n > 0] B(a + 1, b + n - 1) / B(a, b) * P(NB >= n)`,
    /// where NB is the negative binomial count of a Gamma(r, alpha)-Poisson process over t.
    /// lifetimes writes P(NB >= n) as `1 - (alpha / (alpha + t))^r * sum_{j<n} ...`; we sum
    /// whichever side of n is the smaller tail, so small probabilities keep their digits.
    pub fn probability_of_n_purchases_up_to_time(&self, t: f64, n: u64) -> Result<f64> {
        check_time("t", t)?;
        if t == 0.0 {
            return Ok(if n == 0 { 1.0 } else { 0.0 });
        }
        let Self { r, alpha, a, b, .. } = *self;
        let nf = n as f64;
        let ln_p = -(t / alpha).ln_1p(); // ln(alpha / (alpha + t))
        let ln_q = -(alpha / t).ln_1p(); // ln(t / (alpha + t))
        let ln_b_ab = ln_beta(a, b);
        let ln_nb_n = ln_gamma(r + nf) - ln_gamma(r) - ln_gamma(nf + 1.0) + r * ln_p + nf * ln_q;
        let first = (ln_beta(a, b + nf) - ln_b_ab + ln_nb_n).exp();
        if n == 0 {
            return finite(first, "probability of n purchases");
        }
        let Some(tail) = nb_tail(r, ln_p, ln_q, n, ln_nb_n) else {
            return finite(f64::NAN, "probability of n purchases");
        };
        let second = (ln_beta(a + 1.0, b + nf - 1.0) - ln_b_ab).exp() * tail;
        finite(first + second, "probability of n purchases")
    }

    /// FHL 2005 eq. 10 (see [`Self::conditional_expected_number_of_purchases_up_to_time`]),
    /// unchecked; NaN where the series fails.
    fn expected(&self, t: f64, x: f64, t_x: f64, age: f64) -> f64 {
        let [(lo_a, _), (hi_a, w)] = self.a_points();
        let lo = self.expected_at(lo_a, t, x, t_x, age);
        if w == 0.0 {
            return lo;
        }
        let hi = self.expected_at(hi_a, t, x, t_x, age);
        lo + w * (hi - lo)
    }

    /// Eq. 10 at dropout parameter `a`: `(a + b + x - 1) / (a - 1) * bracket / denominator`.
    fn expected_at(&self, a: f64, t: f64, x: f64, t_x: f64, age: f64) -> f64 {
        let c = a + self.b + x - 1.0;
        c / (a - 1.0) * self.bracket(a, t, x, age) / self.denominator(a, x, t_x, age)
    }

    /// The bracket of eq. 10 at dropout parameter `a`: the only factor that depends on the
    /// horizon t, and it does not depend on the recency. NaN where the series fails.
    ///
    /// lifetimes computes `1 - exp(ln 2F1(r + x, b + x; c; z) + (r + x) ln(1 - z))`
    /// with c = a + b + x - 1, z = t / (alpha + T + t), falling back to Euler's
    /// transformation when the 2F1 overflows. We always use the transformed form and let the
    /// (1 - z) powers meet first: (1 - z)^(c - (r+x) - (b+x)) (1 - z)^(r + x) = (1 - z)^(a - 1),
    /// so the bracket is `1 - 2F1(a + b - 1 - r, a - 1; c; z) (1 - z)^(a - 1)`, equal term for
    /// term and free of two huge logarithms cancelling (the 2F1 alone is e^4607 at x = 1000).
    pub(crate) fn bracket(&self, a: f64, t: f64, x: f64, age: f64) -> f64 {
        let Self { r, alpha, b, .. } = *self;
        let c = a + b + x - 1.0;
        let z = t / (alpha + age + t);
        let ln_1mz = -(t / (alpha + age)).ln_1p();
        let Some((sign, ln_f)) = signed_ln(a + b - 1.0 - r, a - 1.0, c, z) else {
            return f64::NAN;
        };
        let e = ln_f + (a - 1.0) * ln_1mz;
        if sign > 0.0 {
            -e.exp_m1()
        } else {
            1.0 + e.exp()
        }
    }

    /// The denominator of eq. 10, `1 + [x > 0] (a / (b + x - 1)) ((alpha + T) / (alpha +
    /// t_x))^(r + x)`, at dropout parameter `a`: free of the horizon t.
    fn denominator(&self, a: f64, x: f64, t_x: f64, age: f64) -> f64 {
        let Self { r, alpha, b, .. } = *self;
        if x > 0.0 {
            1.0 + ((a / (b + x - 1.0)).ln() + (r + x) * ((alpha + age) / (alpha + t_x)).ln()).exp()
        } else {
            1.0
        }
    }

    /// Eq. 10 split for sums over many horizons t (a CLV's months): E[X(t) | x, t_x, T] is
    /// `sum_k w_k scale(a_k, x, t_x, T) bracket(a_k, t, x, T)` over the dropout parameters
    /// `a_k` of [`Self::a_points`], so a sum over t needs the bracket's sum alone, which is
    /// the same for every customer with the same x and T whatever their recency.
    /// Points with weight 0 are not needed (the second one away from a = 1).
    pub(crate) fn a_points(&self) -> [(f64, f64); 2] {
        let a = self.a;
        if (a - 1.0).abs() >= A_STEP {
            return [(a, 1.0), (a, 0.0)];
        }
        // Near a = 1 the formula is 0/0: the value is interpolated between these two.
        let w = (a - (1.0 - A_STEP)) / (2.0 * A_STEP);
        [(1.0 - A_STEP, 1.0 - w), (1.0 + A_STEP, w)]
    }

    /// The factor of eq. 10 free of the horizon, `(a + b + x - 1) / (a - 1) / denominator`,
    /// at dropout parameter `a` (see [`Self::a_points`]).
    pub(crate) fn scale_at(&self, a: f64, x: f64, t_x: f64, age: f64) -> f64 {
        (a + self.b + x - 1.0) / (a - 1.0) / self.denominator(a, x, t_x, age)
    }

    /// The text form: `(version:1,model:"bgnbd",r:…,alpha:…,a:…,b:…,log_likelihood:…,
    /// customers:…,rows:…,iterations:…,converged:…,penalizer:…)`, floats in shortest
    /// round-trip form.
    pub fn to_text(&self) -> String {
        let mut w = Writer::new(super::MODEL_VERSION as u8);
        w.string("model", MODEL)
            .float("r", self.r)
            .float("alpha", self.alpha)
            .float("a", self.a)
            .float("b", self.b);
        self.fit.write(&mut w);
        w.finish()
    }

    /// Parse [`BgNbd::to_text`]'s form; parameters must be finite and > 0.
    pub fn from_text(input: &str) -> Result<BgNbd> {
        let mut f = Fields::parse(TYPE_NAME, input)?;
        read_header(&mut f, MODEL)?;
        let [r, alpha, a, b] = [
            read_param(&mut f, "r")?,
            read_param(&mut f, "alpha")?,
            read_param(&mut f, "a")?,
            read_param(&mut f, "b")?,
        ];
        let fit = FitInfo::read(&mut f)?;
        f.finish(input)?;
        Ok(BgNbd {
            r,
            alpha,
            a,
            b,
            fit,
        })
    }
}

/// ln B(x, y) for x, y > 0.
pub(crate) fn ln_beta(x: f64, y: f64) -> f64 {
    ln_gamma(x) + ln_gamma(y) - ln_gamma(x + y)
}

/// The most terms a negative-binomial tail sums; past it the probability is not computed.
const MAX_TAIL_TERMS: u64 = 10_000_000;

/// P(N >= n) for N negative binomial with shape r and success probability p = e^ln_p
/// (q = e^ln_q = 1 - p), given ln P(N = n) as `ln_pmf_n`. Below the mean the lower side is
/// summed and subtracted from 1; above it, the upper tail directly (its terms decrease past
/// the mode, which is below the mean). `None` past [`MAX_TAIL_TERMS`] terms.
fn nb_tail(r: f64, ln_p: f64, ln_q: f64, n: u64, ln_pmf_n: f64) -> Option<f64> {
    let q = ln_q.exp();
    let mean = r * (ln_q - ln_p).exp();
    if (n as f64) <= mean {
        if n > MAX_TAIL_TERMS {
            return None;
        }
        let (mut pmf, mut cdf) = ((r * ln_p).exp(), 0.0);
        for j in 0..n {
            cdf += pmf;
            pmf *= (r + j as f64) / (j as f64 + 1.0) * q;
        }
        return Some((1.0 - cdf).max(0.0));
    }
    // The tail relative to P(N = n), so that a P(N = n) near underflow loses no digits.
    let (mut term, mut sum) = (1.0_f64, 0.0);
    for j in n..n.saturating_add(MAX_TAIL_TERMS) {
        sum += term;
        let ratio = (r + j as f64) / (j as f64 + 1.0) * q;
        term *= ratio;
        if term <= 1e-17 * sum * (1.0 - ratio.max(q)) {
            return Some((ln_pmf_n + sum.ln()).exp());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::predict::cdnow;
    use proptest::prelude::*;

    fn close(got: f64, want: f64, rel: f64) -> bool {
        (got - want).abs() <= rel * want.abs()
    }

    fn model(r: f64, alpha: f64, a: f64, b: f64) -> BgNbd {
        BgNbd {
            r,
            alpha,
            a,
            b,
            fit: FitInfo {
                log_likelihood: 0.0,
                customers: 0,
                rows: 0,
                iterations: 0,
                converged: true,
                penalizer: 0.0,
            },
        }
    }

    /// The CDNOW maximum-likelihood estimate to 16 digits, from scipy's Nelder-Mead on
    /// lifetimes' objective (tests/data/README.md, `ref_fits.py`):
    /// `bgnbd penalizer 0.0 [0.2425929086014608, 4.41353148858296, 0.7928860110569365,
    /// 2.4257527209186183] ll -9582.425560567366`.
    fn cdnow_reference() -> BgNbd {
        model(
            0.2425929086014608,
            4.41353148858296,
            0.7928860110569365,
            2.4257527209186183,
        )
    }

    #[test]
    fn gradient_matches_finite_differences() {
        let h = super::super::cdnow::summary();
        let p = Prepared::new(&h.rows().collect::<Vec<_>>(), h.customers(), 1.0 / 38.86);
        super::super::assert_gradient(
            |at| p.evaluate(at, None),
            |at| {
                let mut g = [0.0; 4];
                p.evaluate(at, Some(&mut g));
                g
            },
            &[
                [0.1, 0.2, 0.3, 0.4],
                [0.24, 0.11, 0.79, 2.43],
                [2.0, 5.0, 1.5, 0.7],
            ],
        );
    }

    #[test]
    fn fits_cdnow_as_published() {
        let m = fit(&cdnow::summary(), 0.0).unwrap();
        // FHL 2005, section 5: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
        let round3 = |v: f64| (v * 1000.0).round() / 1000.0;
        assert_eq!(round3(m.r), 0.243);
        assert_eq!(round3(m.alpha), 4.414);
        assert_eq!(round3(m.a), 0.793);
        assert_eq!(round3(m.b), 2.426);
        assert_eq!((m.fit.log_likelihood * 10.0).round() / 10.0, -9582.4);
        assert!(m.fit.converged);
        assert_eq!((m.fit.customers, m.fit.rows), (2357, h_rows()));
        // And the reference optimum to 1e-6 relative; lifetimes 0.11.3 itself (BFGS, tol
        // 1e-7) gives r = 0.24259292827982182, alpha = 4.413532265271819,
        // a = 0.7928859664406882, b = 2.42575238262586 (tests/data/README.md).
        let want = cdnow_reference();
        for (got, want) in [
            (m.r, want.r),
            (m.alpha, want.alpha),
            (m.a, want.a),
            (m.b, want.b),
        ] {
            assert!(close(got, want, 1e-6), "{got} vs {want}");
        }
        assert!((m.fit.log_likelihood - -9582.425560567366).abs() < 1e-6);
    }

    fn h_rows() -> u64 {
        cdnow::summary().len() as u64
    }

    #[test]
    fn penalizer_matches_lifetimes() {
        // scipy Nelder-Mead on lifetimes' objective with penalizer_coef = 0.1 (ref_fits.py):
        // [0.23094706626140585, 4.219288496539882, 0.12865467296070165, 0.26712674698633787],
        // ll -9626.932297387313. lifetimes 0.11.3 BetaGeoFitter(penalizer_coef=0.1):
        // [0.23094701386573419, 4.2192875236191, 0.12865474020745912, 0.26712679605041983].
        let m = fit(&cdnow::summary(), 0.1).unwrap();
        let want = [
            0.23094706626140585,
            4.219288496539882,
            0.12865467296070165,
            0.26712674698633787,
        ];
        for (got, want) in [m.r, m.alpha, m.a, m.b].into_iter().zip(want) {
            assert!(close(got, want, 1e-6), "{got} vs {want}");
        }
        assert!((m.fit.log_likelihood - -9626.932297387313).abs() < 1e-5);
        assert_eq!(m.fit.penalizer, 0.1);
    }

    #[test]
    fn weights_and_merging_are_customers() {
        // A row of weight 3 is three identical rows; two halves merged are the whole.
        let whole = cdnow::summary();
        let (mut left, mut right, mut tripled) =
            (Histogram::new(), Histogram::new(), Histogram::new());
        for (i, row) in whole.rows().enumerate() {
            let half = if i % 2 == 0 { &mut left } else { &mut right };
            half.add_weighted(row.rfm, row.weight).unwrap();
            tripled.add_weighted(row.rfm, 3 * row.weight).unwrap();
        }
        left.merge(&right).unwrap();
        assert_eq!(left, whole);
        let (a, b) = (fit(&whole, 0.0).unwrap(), fit(&tripled, 0.0).unwrap());
        // The objective is a mean over customers: the same optimum, three times the LL.
        // (Summed in another order, the rounding differs and Nelder-Mead takes another path
        // to the flat optimum: agreement is to the optimizer's precision, ~1e-7.)
        for (x, y) in [(a.r, b.r), (a.alpha, b.alpha), (a.a, b.a), (a.b, b.b)] {
            assert!(close(x, y, 1e-6), "{x} vs {y}");
        }
        assert!(close(
            b.fit.log_likelihood,
            3.0 * a.fit.log_likelihood,
            1e-10
        ));
        assert_eq!(b.fit.customers, 3 * 2357);
    }

    #[test]
    fn fit_errors() {
        let mut h = Histogram::new();
        let e = fit(&h, 0.0).unwrap_err();
        assert!(e.message().contains("without customers"), "{e}");
        h.add(0.0, 0.0, 10.0).unwrap();
        h.add(0.0, 0.0, 20.0).unwrap();
        let e = fit(&h, 0.0).unwrap_err();
        assert!(
            e.message().contains("no customer has a repeat purchase"),
            "{e}"
        );
        for p in [-1.0, f64::NAN, f64::INFINITY] {
            let e = fit(&cdnow::summary(), p).unwrap_err();
            assert!(e
                .message()
                .starts_with("penalizer must be a finite number >= 0"));
        }
    }

    /// lifetimes 0.11.3 with `params_` set to [`cdnow_reference`] (README.md, `lt_more.py`).
    #[test]
    fn predictions_match_lifetimes() {
        let m = cdnow_reference();
        // FHL 2005 section 5: the customer with x = 2, t_x = 30.43, T = 38.86 is expected to
        // make 1.226 purchases in the next 39 weeks; lifetimes: 1.225910447722898.
        let e = m
            .conditional_expected_number_of_purchases_up_to_time(39.0, 2.0, 30.43, 38.86)
            .unwrap();
        assert!(close(e, 1.225910447722898, 1e-12), "{e}");
        assert_eq!((e * 1000.0).round() / 1000.0, 1.226);
        for (t, x, t_x, age, want) in [
            (39.0, 0.0, 0.0, 38.86, 0.19478084680208096),
            (10.0, 28.0, 38.0, 38.86, 5.75617384023206),
            (200.0, 1.0, 1.71, 38.86, 0.7247113475248288),
            (1000.0, 500.0, 30.0, 38.86, 2.4224008000726346e-44),
        ] {
            let got = m
                .conditional_expected_number_of_purchases_up_to_time(t, x, t_x, age)
                .unwrap();
            assert!(
                close(got, want, 1e-11),
                "E[X({t})|{x},{t_x},{age}] = {got}, want {want}"
            );
        }
        assert_eq!(
            m.conditional_expected_number_of_purchases_up_to_time(0.0, 3.0, 10.0, 20.0),
            Ok(0.0)
        );
        for (t, want) in [
            (1.0, 0.05318474177876891),
            (39.0, 1.1950163015542998),
            (78.0, 1.8579717994251916),
            (1000.0, 6.5730961619794215),
        ] {
            let got = m.expected_number_of_purchases_up_to_time(t).unwrap();
            assert!(close(got, want, 1e-12), "E[X({t})] = {got}, want {want}");
        }
        for (x, t_x, age, want) in [
            (2.0, 30.43, 38.86, 0.7266091441499901),
            (28.0, 38.0, 38.86, 0.954653361838033),
            (5.0, 3.0, 38.86, 0.0007789593678955254),
            (0.0, 0.0, 38.86, 1.0),
        ] {
            let got = m.conditional_probability_alive(x, t_x, age).unwrap();
            assert!(close(got, want, 1e-12), "P(alive|{x},{t_x},{age}) = {got}");
        }
        for (n, want) in [
            (0, 0.5743072872162214),
            (1, 0.1991930503636947),
            (2, 0.08532240751372175),
            (5, 0.01793839317483511),
            (20, 0.00039800086816520886),
        ] {
            let got = m.probability_of_n_purchases_up_to_time(39.0, n).unwrap();
            assert!(
                close(got, want, 1e-11),
                "P(X(39) = {n}) = {got}, want {want}"
            );
        }
    }

    /// mpmath at 50 digits on the lifetimes formulas, at the fit with penalizer 0.1, where
    /// a + b < 1 makes c = a + b - 1 negative (README.md, `lt_pen.py`); lifetimes agrees to
    /// 1e-14.
    #[test]
    fn predictions_with_negative_c() {
        let m = model(
            0.23094706626140585,
            4.219288496539882,
            0.12865467296070165,
            0.26712674698633787,
        );
        for (t, x, t_x, age, want) in [
            (39.0, 2.0, 30.43, 38.86, 1.6349123067048363),
            (39.0, 0.0, 0.0, 38.86, 0.18389591313794504),
            (39.0, 1.0, 1.71, 38.86, 0.15937095517672759),
        ] {
            let got = m
                .conditional_expected_number_of_purchases_up_to_time(t, x, t_x, age)
                .unwrap();
            assert!(
                close(got, want, 1e-12),
                "E[X({t})|{x},{t_x},{age}] = {got}, want {want}"
            );
        }
        let got = m.expected_number_of_purchases_up_to_time(39.0).unwrap();
        assert!(close(got, 1.3711014582392818, 1e-12), "{got}");
    }

    #[test]
    fn a_near_one_is_continuous() {
        // At a = 1 the formula is 0/0; around it the interpolation must join both sides.
        let at = |a: f64| {
            model(0.24, 4.4, a, 2.4)
                .conditional_expected_number_of_purchases_up_to_time(39.0, 2.0, 30.43, 38.86)
                .unwrap()
        };
        let (below, one, above) = (at(1.0 - 2e-5), at(1.0), at(1.0 + 2e-5));
        assert!(one.is_finite() && below < one && one < above || below > one && one > above);
        assert!(
            close(one, (below + above) / 2.0, 1e-8),
            "{below} {one} {above}"
        );
    }

    #[test]
    fn prediction_arguments_are_checked() {
        let m = cdnow_reference();
        assert!(m
            .conditional_expected_number_of_purchases_up_to_time(-1.0, 1.0, 1.0, 2.0)
            .is_err());
        assert!(m
            .conditional_expected_number_of_purchases_up_to_time(f64::NAN, 1.0, 1.0, 2.0)
            .is_err());
        assert!(m
            .conditional_expected_number_of_purchases_up_to_time(1.0, 1.5, 1.0, 2.0)
            .is_err());
        assert!(m.conditional_probability_alive(1.0, 3.0, 2.0).is_err());
        assert!(m
            .expected_number_of_purchases_up_to_time(f64::INFINITY)
            .is_err());
        // T = 0 is a new customer: the same as the unconditional expectation.
        let new = m.conditional_expected_number_of_purchases_up_to_time(39.0, 0.0, 0.0, 0.0);
        assert_eq!(new, m.expected_number_of_purchases_up_to_time(39.0));
        // A horizon too long for the series is an error, not a wrong number.
        let e = m.expected_number_of_purchases_up_to_time(1e15).unwrap_err();
        assert!(e.message().contains("cannot be computed"), "{e}");
        assert_eq!(m.probability_of_n_purchases_up_to_time(0.0, 0), Ok(1.0));
        assert_eq!(m.probability_of_n_purchases_up_to_time(0.0, 3), Ok(0.0));
    }

    #[test]
    fn probabilities_sum_to_one() {
        let m = cdnow_reference();
        for t in [0.5, 39.0, 500.0] {
            let total: f64 = (0..20_000)
                .map(|n| m.probability_of_n_purchases_up_to_time(t, n).unwrap())
                .sum();
            assert!((total - 1.0).abs() < 1e-9, "t = {t}: {total}");
        }
    }

    #[test]
    fn text_round_trips() {
        let m = fit(&cdnow::summary(), 0.0).unwrap();
        let text = m.to_text();
        assert!(
            text.starts_with("(version:1,model:\"bgnbd\",r:0.24259"),
            "{text}"
        );
        assert!(text.contains(",customers:2357,"), "{text}");
        assert!(text.ends_with(",converged:true,penalizer:0.0)"), "{text}");
        assert_eq!(BgNbd::from_text(&text), Ok(m));
        for bad in [
            text.replace("r:0.", "r:-0."),
            text.replace("model:\"bgnbd\"", "model:\"sbg\""),
            text.replace("version:1", "version:2"),
            text.replace("converged:true", "converged:1"),
            text.replace(",penalizer:0.0", ""),
            text.replace("alpha:", "alpha:0.0,x:"),
            "(version:1)".into(),
        ] {
            let e = BgNbd::from_text(&bad).unwrap_err();
            assert!(
                matches!(e, crate::MetricError::InvalidText(_)),
                "{bad}: {e:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn fit_never_panics(rows in proptest::collection::vec((0u8..6, 0u8..30, 1u8..30, 1u64..4), 1..8)) {
            let mut h = Histogram::new();
            for (x, tx, t, w) in rows {
                let recency = if x == 0 { 0.0 } else { f64::from(tx.min(t)) };
                let rfm = Rfm { frequency: f64::from(x), recency, t: f64::from(t), monetary: None };
                h.add_weighted(rfm, w).unwrap();
            }
            // Small random data often have no interior maximum (a and b run off together,
            // the beta distribution of p collapsing to a point): Ok with converged: false,
            // or an error, never a panic.
            if let Ok(m) = fit(&h, 0.0) {
                prop_assert!(m.r > 0.0 && m.alpha > 0.0 && m.a > 0.0 && m.b > 0.0);
                prop_assert_eq!(BgNbd::from_text(&m.to_text()), Ok(m));
                let _ = m.conditional_expected_number_of_purchases_up_to_time(10.0, 1.0, 1.0, 5.0);
            }
        }
    }
}
