//! Interval estimates shared by every metric family.
//!
//! - proportions (retention, churn, CSAT, conversion...): the Wilson score interval
//!   (Wilson 1927; Agresti & Coull 1998 recommend it over the Wald interval for small n and
//!   rates near 0 or 1);
//! - means: the Student t interval;
//! - NPS: the normal interval with the multinomial variance of promoters minus detractors
//!   (see `survey`).
//!
//! Quantiles: z from `statrs`' inverse error functions; Student t from its regularized
//! incomplete beta function (few degrees of freedom) or an expansion around z (many).

use crate::error::{invalid, Result};
use statrs::function::beta::checked_beta_reg;
use statrs::function::erf::{erf_inv, erfc_inv};

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
    Ok(z_of(confidence))
}

/// z for a checked confidence level, from erf^-1(c) below 0.5 and erfc^-1(1 - c) above, so
/// that neither end loses precision: the quantile of 0.5 + c / 2 is 0 for a tiny c, and
/// infinite for c = 1 - 2^-53, where 0.5 + c / 2 rounds to 1 (1 - c is exact for c >= 0.5).
fn z_of(c: f64) -> f64 {
    if c <= 0.5 {
        std::f64::consts::SQRT_2 * erf_inv(c)
    } else {
        std::f64::consts::SQRT_2 * erfc_inv(1.0 - c)
    }
}

/// Degrees of freedom from which the Student t quantile is the Cornish-Fisher expansion
/// around z (error below 1e-14 relative from here on; it shrinks as 1 / df^5).
const T_EXPANSION_DF: f64 = 1000.0;

/// Two-sided Student t critical value with `df` degrees of freedom (df >= 1).
///
/// Below [`T_EXPANSION_DF`] degrees of freedom it solves P(|T| <= t) = confidence on the
/// regularized incomplete beta function by bisection (a bounded number of steps); from
/// there on it uses the expansion of Abramowitz & Stegun 26.7.5. (statrs' own inverse,
/// through `inv_beta_reg`, drifts from about 1e4 degrees of freedom on, returns 1.83 for
/// 1.96 at 1e7 and never returns from about 1e8 on.)
pub fn t_value(confidence: f64, df: f64) -> Result<f64> {
    check_confidence(confidence)?;
    if !(df >= 1.0) {
        return invalid(format!(
            "a Student t interval needs at least 1 degree of freedom, got {}",
            crate::formulas::show(df)
        ));
    }
    Ok(if df >= T_EXPANSION_DF {
        t_expansion(z_of(confidence), df)
    } else {
        t_by_bisection(confidence, df)
    })
}

/// Cornish-Fisher expansion of the t quantile in powers of 1 / df (A&S 26.7.5).
fn t_expansion(z: f64, df: f64) -> f64 {
    let z2 = z * z;
    let g1 = (z2 + 1.0) * z / 4.0;
    let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    let g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
    z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df
}

/// The t quantile by bisection on the bits of a number in [0, 1]: with w = t^2 / (df + t^2),
/// P(|T| <= t) = I_w(1/2, df/2); with u = 1 - w, 1 - P(|T| <= t) = I_u(df/2, 1/2). The
/// smaller of confidence and 1 - confidence is the target, so both ends keep their
/// precision. At most 64 steps.
fn t_by_bisection(confidence: f64, df: f64) -> f64 {
    let (a, b, target, tail) = if confidence <= 0.5 {
        (0.5, df / 2.0, confidence, false)
    } else {
        (df / 2.0, 0.5, 1.0 - confidence, true)
    };
    let (mut lo, mut hi) = (0u64, 1.0f64.to_bits());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let x = f64::from_bits(mid);
        if checked_beta_reg(a, b, x).unwrap_or(f64::NAN) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let x = f64::from_bits(hi);
    if tail {
        (df * (1.0 - x) / x).sqrt()
    } else {
        (df * x / (1.0 - x)).sqrt()
    }
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

    /// Two-sided t quantiles computed with mpmath at 50 digits (bisection on the regularized
    /// incomplete beta function; the normal limit plus its 1 / df term past 1e12 degrees of
    /// freedom), for each confidence level as the f64 it is here: (confidence, df, t).
    const T_REFERENCE: &[(f64, f64, f64)] = &[
        (1e-10, 1.0, 1.5707963267948967e-10),
        (0.5, 1.0, 1.0),
        (0.95, 1.0, 12.706204736174693),
        (0.999999, 1.0, 636619.77234875132),
        (0.9999999999999999, 1.0, 5734161139222658.6),
        (1e-10, 2.0, 1.4142135623730951e-10),
        (0.5, 2.0, 0.81649658092772603),
        (0.95, 2.0, 4.3026527297494618),
        (0.999999, 2.0, 999.99924998546591),
        (0.9999999999999999, 2.0, 94906265.624251545),
        (1e-10, 3.0, 1.3603495231756634e-10),
        (0.5, 3.0, 0.76489232840434528),
        (0.95, 3.0, 3.1824463052837084),
        (0.999999, 3.0, 130.15458955711021),
        (0.9999999999999999, 3.0, 270823.80699965857),
        (1e-10, 10.0, 1.2849890174652463e-10),
        (0.5, 10.0, 0.69981206131243163),
        (0.95, 10.0, 2.2281388519862742),
        (0.999999, 10.0, 10.516489956882173),
        (0.9999999999999999, 10.0, 108.24284966286608),
        (1e-10, 100.0, 1.2564512901854901e-10),
        (0.5, 100.0, 0.67695104301147148),
        (0.95, 100.0, 1.9839715185235519),
        (0.999999, 100.0, 5.2137275742232927),
        (0.9999999999999999, 100.0, 9.9773305376188531),
        (1e-10, 999.0, 1.2536278186874047e-10),
        (0.5, 999.0, 0.67473541034671903),
        (0.95, 999.0, 1.9623414611334496),
        (0.999999, 999.0, 4.9223203723607863),
        (0.9999999999999999, 999.0, 8.4392963830735877),
        (1e-10, 1000.0, 1.2536275049669256e-10),
        (0.5, 1000.0, 0.67473516460700944),
        (0.95, 1000.0, 1.9623390808264081),
        (0.999999, 1000.0, 4.9222895234238255),
        (0.9999999999999999, 1000.0, 8.4391472614934059),
        (1e-10, 100000.0, 1.2533172706047601e-10),
        (0.5, 100000.0, 0.67449220355329221),
        (0.95, 100000.0, 1.9599877075346093),
        (0.999999, 100000.0, 4.8919433407094516),
        (0.9999999999999999, 100000.0, 8.2938075447749537),
        (1e-10, 10000000.0, 1.2533141686483541e-10),
        (0.5, 10000000.0, 0.67448977472957515),
        (0.95, 10000000.0, 1.9599642217672051),
        (0.999999, 10000000.0, 4.8916415241792133),
        (0.9999999999999999, 10000000.0, 8.2923755383868992),
        (1e-10, 1000000000.0, 1.2533141376288288e-10),
        (0.5, 1000000000.0, 0.67448975044141667),
        (0.95, 1000000000.0, 1.9599639869123251),
        (0.999999, 1000000000.0, 4.8916385061777782),
        (0.9999999999999999, 1000000000.0, 8.292361220439117),
        (1e-10, 9223372036854775806.0, 1.2533141373155003e-10),
        (0.5, 9223372036854775806.0, 0.67448975019608174),
        (0.95, 9223372036854775806.0, 1.9599639845400539),
        (0.999999, 9223372036854775806.0, 4.8916384756929318),
        (
            0.9999999999999999,
            9223372036854775806.0,
            8.2923610758135956,
        ),
    ];

    #[test]
    fn t_quantiles_match_high_precision_values_at_every_df() {
        for &(c, df, t) in T_REFERENCE {
            let got = t_value(c, df).unwrap();
            // A few ulps, and more where the bisection's target 1 - c has only a few bits.
            let tol = if c > 0.999_999_999 { 1e-9 } else { 1e-12 };
            assert!(
                ((got - t) / t).abs() <= tol,
                "t({c}, {df}) = {got}, expected {t}"
            );
        }
    }

    #[test]
    fn many_respondents_are_fast_and_tend_to_z() {
        // 2^63 - 1 respondents used to loop forever inside statrs' inverse, and 1e7 gave
        // 1.8266 for 1.96.
        let z = z_value(0.95).unwrap();
        for df in [1e6, 1e7, 1e8, 1e12, 9.223_372_036_854_776e18] {
            let t = t_value(0.95, df).unwrap();
            assert!(t >= z && t - z < 10.0 / df, "df {df}: t {t}, z {z}");
        }
        let i = mean_t(u64::MAX >> 1, 3.0, 2.0, 0.95).unwrap().unwrap();
        assert!(i.lower < 3.0 && i.upper > 3.0);
    }

    #[test]
    fn z_keeps_its_precision_at_both_ends() {
        // 0.5 + c / 2 rounds to 1 for c = 1 - 2^-53: z was infinite. mpmath:
        // sqrt(2) erfinv(1 - 2^-53) = 8.2923610758135955, sqrt(2) erfinv(1e-300)
        // = 1.2533141373155003e-300.
        close(
            z_value(1.0 - f64::EPSILON / 2.0).unwrap(),
            8.292_361_075_813_596,
            1e-12,
        );
        let tiny = z_value(1e-300).unwrap();
        assert!(
            (tiny / 1.253_314_137_315_500_3e-300 - 1.0).abs() < 1e-12,
            "{tiny}"
        );
        // An interval with no spread stays a point even at such a level.
        let i = wilson(7.0, 7.0, 1.0 - f64::EPSILON / 2.0).unwrap().unwrap();
        assert!(i.lower.is_finite() && i.upper == 1.0);
    }

    #[test]
    fn confidence_must_be_a_fraction() {
        for bad in [0.0, 1.0, 95.0, -0.5, f64::NAN, f64::INFINITY] {
            let err = z_value(bad).unwrap_err();
            assert!(err.message().contains("strictly between 0 and 1"), "{err}");
        }
    }
}
