//! Interval estimates shared by every metric family.
//!
//! - proportions (retention, churn, CSAT, conversion...): the Wilson score interval
//!   (Wilson 1927; Agresti & Coull 1998 recommend it over the Wald interval for small n and
//!   rates near 0 or 1);
//! - means: the Student t interval;
//! - NPS: the normal interval with the multinomial variance of promoters minus detractors
//!   (see `survey`).
//!
//! Quantiles come from `statrs`, whose inverse CDFs agree with scipy to ~1e-15.

use crate::error::{invalid, Result};
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// A two-sided interval `[lower, upper]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lower: f64,
    pub upper: f64,
}

/// Confidence levels are fractions strictly between 0 and 1 (0.95, not 95).
pub fn check_confidence(confidence: f64) -> Result<()> {
    if confidence.is_finite() && confidence > 0.0 && confidence < 1.0 {
        Ok(())
    } else {
        invalid(format!(
            "confidence level {} is out of range: it must be a fraction strictly between 0 and 1, such as 0.95",
            crate::formulas::show(confidence)
        ))
    }
}

/// Two-sided standard normal critical value: z such that P(|Z| <= z) = confidence.
pub fn z_value(confidence: f64) -> Result<f64> {
    check_confidence(confidence)?;
    let normal = Normal::standard();
    Ok(normal.inverse_cdf(0.5 + confidence / 2.0))
}

/// Two-sided Student t critical value with `df` degrees of freedom.
pub fn t_value(confidence: f64, df: f64) -> Result<f64> {
    check_confidence(confidence)?;
    // df >= 1 is guaranteed by the callers (they need two observations for a variance).
    let t = StudentsT::new(0.0, 1.0, df).expect("df >= 1 is a valid Student t");
    Ok(t.inverse_cdf(0.5 + confidence / 2.0))
}

/// Wilson score interval for `successes` out of `trials`. `None` when there are no trials.
///
/// Counts are taken as already validated (0 <= successes <= trials).
pub fn wilson(successes: f64, trials: f64, confidence: f64) -> Result<Option<Interval>> {
    let z = z_value(confidence)?;
    if trials == 0.0 {
        return Ok(None);
    }
    let n = trials;
    let p = successes / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let center = (p + z2 / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    // At p = 0 (p = 1) the lower (upper) bound is exactly 0 (1); computed, it is off by a few
    // ulps, so say it exactly. Elsewhere keep rounding inside [0, 1].
    let lower = if successes == 0.0 {
        0.0
    } else {
        (center - half).max(0.0)
    };
    let upper = if successes == trials {
        1.0
    } else {
        (center + half).min(1.0)
    };
    Ok(Some(Interval { lower, upper }))
}

/// Student t interval for a mean from its sample size, mean and sample variance (n - 1
/// denominator). `None` with fewer than two observations, where no variance exists.
pub fn mean_t(
    n: u64,
    mean: f64,
    sample_variance: f64,
    confidence: f64,
) -> Result<Option<Interval>> {
    check_confidence(confidence)?;
    if n < 2 {
        return Ok(None);
    }
    let t = t_value(confidence, (n - 1) as f64)?;
    let half = t * (sample_variance / n as f64).sqrt();
    Ok(Some(Interval {
        lower: mean - half,
        upper: mean + half,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    #[test]
    fn critical_values_match_published_tables() {
        // Standard normal table: z(0.95) = 1.959964, z(0.90) = 1.644854, z(0.99) = 2.575829.
        close(z_value(0.95).unwrap(), 1.959_963_985, 1e-8);
        close(z_value(0.90).unwrap(), 1.644_853_627, 1e-8);
        close(z_value(0.99).unwrap(), 2.575_829_304, 1e-8);
        // Student t table: t(0.975, 9) = 2.262157, t(0.975, 1) = 12.706205.
        close(t_value(0.95, 9.0).unwrap(), 2.262_157_163, 1e-7);
        close(t_value(0.95, 1.0).unwrap(), 12.706_204_736, 1e-6);
    }

    #[test]
    fn wilson_matches_statsmodels() {
        // statsmodels.stats.proportion.proportion_confint(7, 50, alpha=0.05, method='wilson')
        // = (0.0695083343, 0.2618619371); the issue quotes (0.0695, 0.2619).
        let i = wilson(7.0, 50.0, 0.95).unwrap().unwrap();
        close(i.lower, 0.069_508_334_3, 1e-9);
        close(i.upper, 0.261_861_937_1, 1e-9);
        // proportion_confint(0, 10, method='wilson') = (0.0, 0.27753280)
        let i = wilson(0.0, 10.0, 0.95).unwrap().unwrap();
        assert_eq!(i.lower, 0.0);
        close(i.upper, 0.277_532_80, 1e-7);
        // proportion_confint(10, 10, method='wilson') = (0.72246720, 1.0)
        let i = wilson(10.0, 10.0, 0.95).unwrap().unwrap();
        close(i.lower, 0.722_467_20, 1e-7);
        assert_eq!(i.upper, 1.0);
        assert_eq!(wilson(0.0, 0.0, 0.95).unwrap(), None);
    }

    #[test]
    fn t_interval_by_hand() {
        // Scores 1..=10: mean 5.5, sample variance 9.1666..., n = 10;
        // 5.5 -/+ 2.262157 * sqrt(9.16667 / 10) = (3.334149, 7.665851).
        let i = mean_t(10, 5.5, 55.0 / 6.0, 0.95).unwrap().unwrap();
        close(i.lower, 3.334_149, 1e-6);
        close(i.upper, 7.665_851, 1e-6);
        assert_eq!(mean_t(1, 3.0, 0.0, 0.95).unwrap(), None);
    }

    #[test]
    fn confidence_must_be_a_fraction() {
        for bad in [0.0, 1.0, 95.0, -0.5, f64::NAN, f64::INFINITY] {
            let err = z_value(bad).unwrap_err();
            assert!(err.message().contains("strictly between 0 and 1"), "{err}");
        }
    }
}
