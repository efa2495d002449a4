//! The plain formulas a shop computes from counts it already has, for BI calculated fields.
//!
//! Every argument is a count or an amount: finite and non-negative, or an error that names
//! it. A zero denominator gives `None` (SQL NULL), never a division error. Inputs that
//! cannot describe a real shop (more customers lost than there were) are errors, not rates
//! above 1.

use crate::error::{invalid, Result};
use crate::interval::{wilson, Interval};

/// A number as PostgreSQL prints a `double precision` in messages: `NaN`, `Infinity`,
/// plain digits for ordinary magnitudes and exponent form (`1e+200`) for the rest.
pub fn show(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        }
    } else if v == 0.0 || (1e-4..1e15).contains(&v.abs()) {
        format!("{v}")
    } else {
        let e = format!("{v:e}");
        match e.split_once('e') {
            Some((m, x)) if !x.starts_with('-') => format!("{m}e+{x}"),
            _ => e,
        }
    }
}

/// A non-negative, finite count or amount named `name`.
fn non_negative(name: &str, value: f64) -> Result<f64> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        invalid(format!(
            "{name} must be a finite number >= 0, got {}",
            show(value)
        ))
    }
}

/// `part / whole` where `part` may not exceed `whole`; `None` when `whole` is 0.
fn share(part_name: &str, part: f64, whole_name: &str, whole: f64) -> Result<Option<f64>> {
    let part = non_negative(part_name, part)?;
    let whole = non_negative(whole_name, whole)?;
    if part > whole {
        return invalid(format!(
            "{part_name} ({}) cannot be greater than {whole_name} ({})",
            show(part),
            show(whole)
        ));
    }
    Ok(if whole == 0.0 {
        None
    } else {
        Some(part / whole)
    })
}

/// Customer retention rate, CRR = (E - N) / S: customers at the end of a period minus those
/// acquired during it, over those at its start.
pub fn retention_rate(
    customers_start: f64,
    customers_end: f64,
    new_customers: f64,
) -> Result<Option<f64>> {
    let s = non_negative("customers_start", customers_start)?;
    let e = non_negative("customers_end", customers_end)?;
    let n = non_negative("new_customers", new_customers)?;
    if n > e {
        return invalid(format!(
            "new_customers ({}) cannot be greater than customers_end ({})",
            show(n),
            show(e)
        ));
    }
    share("customers_end - new_customers", e - n, "customers_start", s)
}

/// Customer churn rate = customers lost during a period / customers at its start.
pub fn churn_rate(customers_start: f64, customers_lost: f64) -> Result<Option<f64>> {
    share(
        "customers_lost",
        customers_lost,
        "customers_start",
        customers_start,
    )
}

/// Revenue (MRR) churn rate = MRR lost from churned customers / MRR at the start.
pub fn revenue_churn(mrr_churned: f64, mrr_start: f64) -> Result<Option<f64>> {
    share("mrr_churned", mrr_churned, "mrr_start", mrr_start)
}

/// Repeat purchase rate = customers with two or more orders / customers.
pub fn repeat_purchase_rate(repeat_customers: f64, customers: f64) -> Result<Option<f64>> {
    share("repeat_customers", repeat_customers, "customers", customers)
}

/// Product return rate = items returned / items sold (count returns against the sales they
/// came from, so the rate stays a fraction).
pub fn return_rate(items_returned: f64, items_sold: f64) -> Result<Option<f64>> {
    share("items_returned", items_returned, "items_sold", items_sold)
}

/// Conversion rate = leads that became customers / leads.
pub fn conversion_rate(customers: f64, leads: f64) -> Result<Option<f64>> {
    share("customers", customers, "leads", leads)
}

/// Historic customer lifetime value = average order value x purchase frequency (orders per
/// customer per unit of time) x customer lifespan (in the same unit of time).
pub fn clv(avg_order_value: f64, purchase_frequency: f64, customer_lifespan: f64) -> Result<f64> {
    let v = non_negative("avg_order_value", avg_order_value)?
        * non_negative("purchase_frequency", purchase_frequency)?
        * non_negative("customer_lifespan", customer_lifespan)?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(crate::MetricError::OutOfRange(format!(
            "clv overflows double precision: {} x {} x {}",
            show(avg_order_value),
            show(purchase_frequency),
            show(customer_lifespan)
        )))
    }
}

/// Customer acquisition cost = acquisition spend / new customers; `None` with no new
/// customers.
pub fn cac(acquisition_spend: f64, new_customers: f64) -> Result<Option<f64>> {
    let spend = non_negative("acquisition_spend", acquisition_spend)?;
    let n = non_negative("new_customers", new_customers)?;
    if n == 0.0 {
        return Ok(None);
    }
    let v = spend / n;
    if v.is_finite() {
        Ok(Some(v))
    } else {
        Err(crate::MetricError::OutOfRange(format!(
            "cac overflows double precision: {} / {}",
            show(acquisition_spend),
            show(new_customers)
        )))
    }
}

/// Wilson score interval for a proportion given as counts.
pub fn wilson_ci(successes: f64, trials: f64, confidence: f64) -> Result<Option<Interval>> {
    share("successes", successes, "trials", trials)?;
    wilson(successes, trials, confidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_is_an_error_not_infinity() {
        // 1e308 / 1e-308 used to come back as Infinity.
        let e = cac(1e308, 1e-308).unwrap_err();
        assert!(matches!(e, crate::MetricError::OutOfRange(_)), "{e:?}");
        assert_eq!(
            e.message(),
            "cac overflows double precision: 1e+308 / 1e-308"
        );
        assert_eq!(cac(1e308, 1.0).unwrap(), Some(1e308));
    }

    #[test]
    fn worked_examples() {
        // CRR worked by hand: start 200, end 180, new 40 -> (180 - 40) / 200 = 0.7.
        assert_eq!(retention_rate(200.0, 180.0, 40.0).unwrap(), Some(0.7));
        // 15 of 300 customers lost -> 0.05.
        assert_eq!(churn_rate(300.0, 15.0).unwrap(), Some(0.05));
        assert_eq!(revenue_churn(2_500.0, 50_000.0).unwrap(), Some(0.05));
        assert_eq!(repeat_purchase_rate(27.0, 100.0).unwrap(), Some(0.27));
        assert_eq!(return_rate(3.0, 120.0).unwrap(), Some(0.025));
        assert_eq!(conversion_rate(30.0, 1_200.0).unwrap(), Some(0.025));
        // 50 per order x 4 orders a year x 3 years = 600.
        assert_eq!(clv(50.0, 4.0, 3.0).unwrap(), 600.0);
        assert_eq!(cac(10_000.0, 250.0).unwrap(), Some(40.0));
    }

    #[test]
    fn zero_denominators_are_null() {
        assert_eq!(retention_rate(0.0, 5.0, 5.0).unwrap(), None);
        assert_eq!(churn_rate(0.0, 0.0).unwrap(), None);
        assert_eq!(revenue_churn(0.0, 0.0).unwrap(), None);
        assert_eq!(repeat_purchase_rate(0.0, 0.0).unwrap(), None);
        assert_eq!(return_rate(0.0, 0.0).unwrap(), None);
        assert_eq!(conversion_rate(0.0, 0.0).unwrap(), None);
        assert_eq!(cac(100.0, 0.0).unwrap(), None);
        assert_eq!(wilson_ci(0.0, 0.0, 0.95).unwrap(), None);
    }

    #[test]
    fn impossible_input_is_an_error_naming_the_value() {
        let msg = |r: Result<Option<f64>>| r.unwrap_err().message().to_string();
        assert_eq!(
            msg(churn_rate(10.0, 11.0)),
            "customers_lost (11) cannot be greater than customers_start (10)"
        );
        assert_eq!(
            msg(churn_rate(-1.0, 0.0)),
            "customers_start must be a finite number >= 0, got -1"
        );
        assert_eq!(
            msg(retention_rate(10.0, 5.0, 6.0)),
            "new_customers (6) cannot be greater than customers_end (5)"
        );
        // 10 at start, 30 at end, 5 new: 25 retained out of 10 is impossible.
        assert!(
            msg(retention_rate(10.0, 30.0, 5.0)).contains("cannot be greater than customers_start")
        );
        assert!(msg(return_rate(f64::NAN, 1.0)).contains("got NaN"));
        assert!(msg(cac(f64::INFINITY, 1.0)).contains("got Infinity"));
        assert_eq!(
            clv(1e200, 1e200, 1e200).unwrap_err().message(),
            "clv overflows double precision: 1e+200 x 1e+200 x 1e+200"
        );
        assert_eq!(
            (show(2.5), show(1e-7), show(-3.0), show(1e15)),
            ("2.5".into(), "1e-7".into(), "-3".into(), "1e+15".into())
        );
        assert!(clv(-1.0, 1.0, 1.0).is_err());
        assert!(matches!(
            clv(1e200, 1e200, 1e200),
            Err(crate::MetricError::OutOfRange(_))
        ));
        assert!(wilson_ci(8.0, 7.0, 0.95).is_err());
        assert!(wilson_ci(1.0, 7.0, 1.5).is_err());
    }
}
