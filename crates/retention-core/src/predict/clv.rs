//! Discounted customer lifetime value from a purchase model and a spend model, as lifetimes
//! 0.11.3 computes it (`GammaGammaFitter.customer_lifetime_value`, which calls
//! `utils._customer_lifetime_value`).
//!
//! ```text
//! spend = Gamma-Gamma conditional expected average profit (x, m)
//! for i in 1..=months:
//!     expected = E[X(i f) | x, t_x, T] - E[X(i f - f) | x, t_x, T]
//!     clv += spend * expected / (1 + monthly_discount)^i
//! ```
//!
//! with f the periods per month of the data's time unit: lifetimes' `freq` factors are
//! 30 for days ("D"), 4.345 for weeks ("W"), 1 for months ("M") and 720 for hours ("H").
//! E[X(t) | ...] is BG/NBD's conditional expectation. Each month's purchases are valued at
//! the customer's expected mean spend and discounted at the month's end.
//!
//! PyMC-Marketing's `clv.utils.customer_lifetime_value` (0.x, "adapted from lifetimes") uses
//! the same factors and the same loop, but defaults to no discount (`discount_rate=0.00`
//! against lifetimes' 0.01) and then sums one step from 0 to the horizon, which telescopes to
//! the same value; it subtracts the previous step's prediction instead of predicting at
//! i f - f, which can differ in the last bit. Here the discount has no default: the caller
//! says which.

use super::bgnbd::{self, BgNbd};
use super::check_time;
use super::gamma_gamma::GammaGamma;
use crate::error::{invalid, Result};
use crate::formulas::show;

/// The longest horizon, in months: a thousand years, so that a call stays bounded in time
/// (two BG/NBD expectations per month).
pub const MAX_MONTHS: i64 = 12_000;

/// lifetimes' periods per month: days.
pub const DAYS_PER_MONTH: f64 = 30.0;
/// lifetimes' periods per month: weeks.
pub const WEEKS_PER_MONTH: f64 = 4.345;
/// lifetimes' periods per month: hours.
pub const HOURS_PER_MONTH: f64 = 720.0;

/// One customer's history: x repeat purchases, the last at t_x, observed for T, with mean
/// repeat-purchase value m (0 when x = 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Customer {
    pub frequency: f64,
    pub recency: f64,
    pub t: f64,
    pub monetary: f64,
}

/// A CLV horizon: `months` months from 1 to [`MAX_MONTHS`], discounted at
/// `monthly_discount` a month (0.01 = 1%, lifetimes' default; a finite number >= 0), with
/// `periods_per_month` periods of the data's time unit a month (see the constants; a finite
/// number > 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Horizon {
    pub months: i64,
    pub monthly_discount: f64,
    pub periods_per_month: f64,
}

impl Horizon {
    pub fn new(months: i64, monthly_discount: f64, periods_per_month: f64) -> Result<Horizon> {
        if !(1..=MAX_MONTHS).contains(&months) {
            return invalid(format!(
                "months must be a whole number from 1 to {MAX_MONTHS}, got {months}"
            ));
        }
        if !(monthly_discount.is_finite() && monthly_discount >= 0.0) {
            return invalid(format!(
                "monthly discount rate must be a finite number >= 0, got {}",
                show(monthly_discount)
            ));
        }
        if !(periods_per_month.is_finite() && periods_per_month > 0.0) {
            return invalid(format!(
                "periods per month must be a finite number > 0, got {}",
                show(periods_per_month)
            ));
        }
        Ok(Horizon {
            months,
            monthly_discount,
            periods_per_month,
        })
    }
}

/// The purchase half of the CLV: sum over months i of the expected purchases in month i,
/// E[X(i f)] - E[X(i f - f)], discounted by (1 + monthly_discount)^i. The CLV is this times
/// the expected spend.
pub fn discounted_purchases(
    transactions: &BgNbd,
    frequency: f64,
    recency: f64,
    age: f64,
    horizon: &Horizon,
) -> Result<f64> {
    check_inputs(frequency, recency, age, horizon)?;
    let sums = bracket_sums(transactions, frequency, age, horizon);
    from_bracket_sums(transactions, frequency, recency, age, &sums)
}

/// The checks of the expectations the sum is made of: the customer, and the horizon's end.
fn check_inputs(x: f64, t_x: f64, age: f64, horizon: &Horizon) -> Result<()> {
    bgnbd::check_customer(x, t_x, age)?;
    check_time("t", horizon.months as f64 * horizon.periods_per_month)
}

/// The part of [`discounted_purchases`] shared by the customers with the same frequency
/// and T (any recency): per dropout point of [`BgNbd::a_points`], the sum over months of
/// the discounted increments of eq. 10's bracket, the only factor of E[X(t)] that depends
/// on t. Month i's lower end i f - f is month i - 1's upper end (i - 1) f whenever the two
/// round to the same double (always for whole f, such as 30 days), and then its bracket is
/// not computed twice.
fn bracket_sums(m: &BgNbd, x: f64, age: f64, horizon: &Horizon) -> [f64; 2] {
    let f = horizon.periods_per_month;
    m.a_points().map(|(a, w)| {
        if w == 0.0 {
            return 0.0;
        }
        let mut total = 0.0;
        let mut previous: Option<(f64, f64)> = None; // (t, bracket) of the month before
        for i in 1..=horizon.months {
            let t = i as f64 * f;
            let lower_t = t - f;
            let lower = match previous {
                Some((pt, pb)) if pt.to_bits() == lower_t.to_bits() => pb,
                _ => m.bracket(a, lower_t, x, age),
            };
            let upper = m.bracket(a, t, x, age);
            total += (upper - lower) / (1.0 + horizon.monthly_discount).powi(i as i32);
            previous = Some((t, upper));
        }
        total
    })
}

/// [`discounted_purchases`] from its [`bracket_sums`]: each times eq. 10's factor free of t.
fn from_bracket_sums(m: &BgNbd, x: f64, t_x: f64, age: f64, sums: &[f64; 2]) -> Result<f64> {
    let mut total = 0.0;
    for ((a, w), sum) in m.a_points().into_iter().zip(sums) {
        if w != 0.0 {
            total += w * m.scale_at(a, x, t_x, age) * sum;
        }
    }
    bgnbd::finite(total, "conditional expected number of purchases")
}

/// The discounted CLV of `customer` over `horizon` (see the module doc).
pub fn customer_lifetime_value(
    transactions: &BgNbd,
    spend: &GammaGamma,
    customer: &Customer,
    horizon: &Horizon,
) -> Result<f64> {
    let Customer {
        frequency: x,
        recency: t_x,
        t: age,
        monetary: m,
    } = *customer;
    let value = spend.conditional_expected_average_profit(x, m)?;
    Ok(value * discounted_purchases(transactions, x, t_x, age, horizon)?)
}

/// [`discounted_purchases`] with its costly part remembered: customers with the same
/// frequency and T share their [`bracket_sums`] (a million customers of a day-level summary
/// have a few thousand distinct (frequency, T) pairs), so a query computing the CLV of every
/// customer evaluates the hypergeometric series once per pair, and per customer only the
/// factor of its recency. Holds at most `capacity` entries; when full it starts again empty.
#[derive(Debug)]
pub struct PurchasesMemo {
    values: hashbrown::HashMap<[u64; 2], [f64; 2]>,
    model: Option<(BgNbd, Horizon)>,
    capacity: usize,
}

impl PurchasesMemo {
    pub fn new(capacity: usize) -> PurchasesMemo {
        PurchasesMemo {
            values: hashbrown::HashMap::new(),
            model: None,
            capacity,
        }
    }

    /// [`discounted_purchases`], with the part this model and horizon computed for the same
    /// frequency and T before taken from the memo.
    pub fn get(
        &mut self,
        transactions: &BgNbd,
        frequency: f64,
        recency: f64,
        age: f64,
        horizon: &Horizon,
    ) -> Result<f64> {
        check_inputs(frequency, recency, age, horizon)?;
        if self.model != Some((*transactions, *horizon)) {
            self.values.clear();
            self.model = Some((*transactions, *horizon));
        }
        // `+ 0.0`: -0.0 and 0.0 share an entry.
        let key = [(frequency + 0.0).to_bits(), (age + 0.0).to_bits()];
        let sums = match self.values.get(&key) {
            Some(v) => *v,
            None => {
                let v = bracket_sums(transactions, frequency, age, horizon);
                if self.values.len() >= self.capacity {
                    self.values.clear();
                }
                self.values.insert(key, v);
                v
            }
        };
        from_bracket_sums(transactions, frequency, recency, age, &sums)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::predict::FitInfo;

    fn info() -> FitInfo {
        FitInfo {
            log_likelihood: 0.0,
            customers: 0,
            rows: 0,
            iterations: 0,
            converged: true,
            penalizer: 0.0,
        }
    }

    /// The CDNOW reference fits of bgnbd.rs and gamma_gamma.rs.
    fn models() -> (BgNbd, GammaGamma) {
        let bg = BgNbd {
            r: 0.2425929086014608,
            alpha: 4.41353148858296,
            a: 0.7928860110569365,
            b: 2.4257527209186183,
            fit: info(),
        };
        let gg = GammaGamma {
            p: 6.248801985131591,
            q: 3.7445883575642123,
            v: 15.447749449611656,
            fit: info(),
        };
        (bg, gg)
    }

    /// lifetimes 0.11.3 `GammaGammaFitter.customer_lifetime_value(bgf, ...)` with both
    /// models' `params_` set to [`models`] (tests/data/README.md, `lt_clv.py`), for the
    /// customers (2, 30.43, 38.86, 22.35), (0, 0, 38.86, 0), (10, 37, 38.86, 40).
    #[test]
    fn matches_lifetimes() {
        let (bg, gg) = models();
        let customers = [
            Customer {
                frequency: 2.0,
                recency: 30.43,
                t: 38.86,
                monetary: 22.35,
            },
            Customer {
                frequency: 0.0,
                recency: 0.0,
                t: 38.86,
                monetary: 0.0,
            },
            Customer {
                frequency: 10.0,
                recency: 37.0,
                t: 38.86,
                monetary: 40.0,
            },
        ];
        let cases: [(i64, f64, f64, [f64; 3]); 3] = [
            (
                12,
                0.01,
                WEEKS_PER_MONTH,
                [36.27849699697685, 8.344093034811175, 309.9197933012592],
            ),
            (
                1,
                0.0,
                WEEKS_PER_MONTH,
                [3.93858111202974, 0.8439401727060201, 35.72259317371081],
            ),
            (
                24,
                0.05,
                1.0,
                [11.624411244103337, 2.557992658053088, 102.95070412951515],
            ),
        ];
        for (months, discount, factor, want) in cases {
            for (c, want) in customers.iter().zip(want) {
                let horizon = Horizon::new(months, discount, factor).unwrap();
                let got = customer_lifetime_value(&bg, &gg, c, &horizon).unwrap();
                assert!(
                    (got - want).abs() <= 1e-11 * want,
                    "{c:?} {months}: {got} vs {want}"
                );
            }
        }
    }

    #[test]
    fn arguments_are_checked() {
        let (bg, gg) = models();
        let c = Customer {
            frequency: 2.0,
            recency: 30.43,
            t: 38.86,
            monetary: 22.35,
        };
        for (months, d, f, want) in [
            (
                0,
                0.01,
                30.0,
                "months must be a whole number from 1 to 12000, got 0",
            ),
            (MAX_MONTHS + 1, 0.01, 30.0, "months must be"),
            (
                12,
                -0.01,
                30.0,
                "monthly discount rate must be a finite number >= 0, got -0.01",
            ),
            (12, f64::NAN, 30.0, "got NaN"),
            (
                12,
                0.01,
                0.0,
                "periods per month must be a finite number > 0, got 0",
            ),
        ] {
            let e = Horizon::new(months, d, f).unwrap_err();
            assert!(e.message().contains(want), "{e}");
        }
        let bad = Customer { recency: 40.0, ..c };
        let horizon = Horizon::new(12, 0.01, 30.0).unwrap();
        assert!(customer_lifetime_value(&bg, &gg, &bad, &horizon).is_err());
    }

    /// The split sum equals the plain sum of eq. 10's month increments (the formula as
    /// lifetimes writes it), for a < 1, a > 1 and the interpolation near a = 1.
    #[test]
    fn split_sum_equals_the_sum_of_expectations() {
        let (bg, _) = models();
        let models = [bg, BgNbd { a: 2.5, ..bg }, BgNbd { a: 1.0 + 3e-6, ..bg }];
        let histories = [(0.0, 0.0, 30.0), (2.0, 20.0, 38.0), (2.0, 1.5, 38.0), (40.0, 37.0, 38.86)];
        for m in &models {
            for (months, discount, f) in [(12, 0.01, 30.0), (24, 0.05, WEEKS_PER_MONTH), (1, 0.0, 1.0)] {
                let horizon = Horizon::new(months, discount, f).unwrap();
                for &(x, t_x, age) in &histories {
                    let e = |t: f64| {
                        m.conditional_expected_number_of_purchases_up_to_time(t, x, t_x, age)
                            .unwrap()
                    };
                    let want: f64 = (1..=months)
                        .map(|i| {
                            let t = i as f64 * f;
                            (e(t) - e(t - f)) / (1.0 + discount).powi(i as i32)
                        })
                        .sum();
                    let got = discounted_purchases(m, x, t_x, age, &horizon).unwrap();
                    assert!(
                        (got - want).abs() <= 1e-12 * want.abs(),
                        "a {} {months} {x} {t_x} {age}: {got} vs {want}",
                        m.a
                    );
                }
            }
        }
    }

    /// The memo gives what a fresh computation gives, for repeated and new histories, after
    /// it fills up, and after the model or the horizon changes.
    #[test]
    fn memo_equals_fresh_computation() {
        let (bg, _) = models();
        let other = BgNbd { r: 0.5, ..bg };
        let mut memo = PurchasesMemo::new(3);
        let histories = [
            (0.0, 0.0, 30.0),
            (2.0, 20.0, 38.0),
            (0.0, 0.0, 30.0),
            (2.0, 3.0, 38.0),
            (5.0, 1.0, 2.0),
            (1.0, 1.0, 9.0),
            (2.0, 20.0, 38.0),
        ];
        for (model, months, f) in [
            (&bg, 12, 30.0),
            (&other, 12, 30.0),
            (&other, 6, WEEKS_PER_MONTH),
        ] {
            let horizon = Horizon::new(months, 0.01, f).unwrap();
            for &(x, t_x, age) in &histories {
                let want = discounted_purchases(model, x, t_x, age, &horizon).unwrap();
                assert_eq!(memo.get(model, x, t_x, age, &horizon).unwrap(), want);
            }
        }
    }
}
