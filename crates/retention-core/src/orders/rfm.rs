//! RFM summaries of one customer with the semantics of `lifetimes` 0.11.3
//! (`summary_data_from_transaction_data` and `calibration_and_holdout_data`), the input of
//! the BG/NBD and Gamma-Gamma models (`crate::predict`).
//!
//! Orders are put in calendar periods (day, week, month, ...; the caller maps a time to its
//! period index, in the session's or a given time zone). Orders in the same period count
//! once, their amounts summed. Only periods up to and including the observation end's
//! period count. Then, in periods divided by `multiplier` (lifetimes' `freq_multiplier`:
//! 7 with days gives weeks counted from days, as the CDNOW summaries are):
//!
//! - frequency = periods with orders - 1 (the repeat periods);
//! - recency = last period - first period;
//! - T = observation end's period - first period;
//! - monetary value = mean of the repeat periods' sums (0 when there is none).
//!
//! One difference from lifetimes, on purpose: with months (and quarters, years) lifetimes
//! divides the time between period starts by an average month (`np.timedelta64(1, 'M')`,
//! 30.436875 days), so one calendar month apart is 1.0185 or 0.9199 "months"; here periods
//! are counted whole. With days and weeks (Monday weeks, pandas' `W-SUN`) the two agree.

use super::{Customer, NO_AMOUNT};
use crate::decimal::Dec;
use crate::error::{invalid, Result};

/// One customer's RFM values. `monetary` is the sum of the repeat periods' amounts and
/// `frequency` repeat periods share it (the mean is taken by the caller with PostgreSQL's
/// numeric division, as `avg()` would).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rfm {
    pub frequency: u64,
    pub recency: f64,
    pub t: f64,
    pub repeat_amount: Dec,
}

/// What the holdout period adds (lifetimes' `*_holdout` columns): periods with orders after
/// the calibration end's period up to the observation end's, their amounts' sum, and the
/// holdout's length in periods / multiplier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Holdout {
    pub frequency: u64,
    pub amount: Dec,
    pub duration: f64,
}

/// Check a `multiplier` (lifetimes' `freq_multiplier`).
pub fn check_multiplier(m: f64) -> Result<f64> {
    if !(m.is_finite() && m > 0.0) {
        return invalid(format!(
            "multiplier must be a finite number greater than 0, got {}",
            crate::formulas::show(m)
        ));
    }
    Ok(m)
}

/// Periods with orders, in order, each with the sum of its known amounts (mantissas at the
/// customer's scale), while `keep(period)`.
fn periods(
    c: &Customer<'_>,
    period_of: &mut dyn FnMut(i64) -> Result<i64>,
    mut keep: impl FnMut(i64) -> bool,
) -> Result<Vec<(i64, i128)>> {
    let mut out: Vec<(i64, i128)> = Vec::new();
    for o in c.orders {
        let p = period_of(o.ts)?;
        if !keep(p) {
            continue;
        }
        let a = if o.amount == NO_AMOUNT {
            0
        } else {
            o.amount as i128
        };
        match out.last_mut() {
            Some((last, sum)) if *last == p => *sum += a,
            _ => out.push((p, a)),
        }
    }
    Ok(out)
}

/// The RFM values of a customer at the end of period `end` (an index from `period_of`), or
/// `None` when the customer has no order by then.
pub fn rfm(
    c: &Customer<'_>,
    period_of: &mut dyn FnMut(i64) -> Result<i64>,
    end: i64,
    multiplier: f64,
) -> Result<Option<Rfm>> {
    let multiplier = check_multiplier(multiplier)?;
    let ps = periods(c, period_of, |p| p <= end)?;
    summarize(&ps, end, multiplier, c.scale, c.display)
}

/// A number of periods divided by the multiplier, which must stay a finite number: a tiny
/// multiplier would make it infinite.
fn in_units(periods: i64, multiplier: f64) -> Result<f64> {
    let v = periods as f64 / multiplier;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(crate::MetricError::OutOfRange(format!(
            "multiplier {} is too small: {periods} periods / multiplier overflows double precision",
            crate::formulas::show(multiplier)
        )))
    }
}

fn summarize(
    ps: &[(i64, i128)],
    end: i64,
    multiplier: f64,
    scale: u8,
    display: u16,
) -> Result<Option<Rfm>> {
    let (Some(&(first, _)), Some(&(last, _))) = (ps.first(), ps.last()) else {
        return Ok(None);
    };
    let repeat: i128 = ps[1..].iter().map(|(_, a)| a).sum();
    Ok(Some(Rfm {
        frequency: ps.len() as u64 - 1,
        recency: in_units(last - first, multiplier)?,
        t: in_units(end - first, multiplier)?,
        repeat_amount: Dec::new(repeat, scale).with_display(display),
    }))
}

/// The calibration RFM values (periods up to `calibration_end`) and the holdout's (periods
/// after it up to `observation_end`), or `None` when the customer has no order in the
/// calibration periods (lifetimes leaves such customers out).
pub fn rfm_holdout(
    c: &Customer<'_>,
    period_of: &mut dyn FnMut(i64) -> Result<i64>,
    calibration_end: i64,
    observation_end: i64,
    multiplier: f64,
) -> Result<Option<(Rfm, Holdout)>> {
    let multiplier = check_multiplier(multiplier)?;
    if observation_end <= calibration_end {
        return invalid("observation_end must be in a later period than calibration_end");
    }
    let ps = periods(c, period_of, |p| p <= observation_end)?;
    let split = ps.partition_point(|(p, _)| *p <= calibration_end);
    let Some(cal) = summarize(
        &ps[..split],
        calibration_end,
        multiplier,
        c.scale,
        c.display,
    )?
    else {
        return Ok(None);
    };
    let hold = &ps[split..];
    Ok(Some((
        cal,
        Holdout {
            frequency: hold.len() as u64,
            amount: Dec::new(hold.iter().map(|(_, a)| a).sum(), c.scale).with_display(c.display),
            duration: in_units(observation_end - calibration_end, multiplier)?,
        },
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders::{Extras, Order};

    const DAY: i64 = 86_400_000_000;

    fn customer(orders: &[Order]) -> Customer<'_> {
        Customer {
            orders,
            scale: 2,
            display: 2,
            flags: 0,
            extras: Extras::default(),
        }
    }

    fn day(ts: i64) -> Result<i64> {
        Ok(ts.div_euclid(DAY))
    }

    #[test]
    fn cdnow_customer_1() {
        // CDNOW_sample.txt, customer 4 (ID 1 of cdnow_customers_summary.csv: frequency 2,
        // recency 30.43, T 38.86): orders on 1997-01-01 (29.33), 01-18 (29.73), 08-02
        // (14.96), 12-12 (26.48); days since 1997-01-01 0, 17, 213, 345. Calibration end
        // 1997-09-30 is day 272. Worked by hand: frequency 2 (days 17 and 213), recency
        // 213 / 7 = 30.428..., T 272 / 7 = 38.857..., monetary (29.73 + 14.96) / 2.
        let orders = [
            Order {
                ts: 0,
                amount: 2933,
            },
            Order {
                ts: 17 * DAY,
                amount: 2973,
            },
            Order {
                ts: 213 * DAY,
                amount: 1496,
            },
            Order {
                ts: 345 * DAY,
                amount: 2648,
            },
        ];
        let c = customer(&orders);
        let r = rfm(&c, &mut day, 272, 7.0).unwrap().unwrap();
        assert_eq!(r.frequency, 2);
        assert_eq!(r.recency, 213.0 / 7.0);
        assert_eq!(r.t, 272.0 / 7.0);
        assert_eq!(r.repeat_amount, Dec::new(4469, 2));
        assert_eq!(format!("{:.2} {:.2}", r.recency, r.t), "30.43 38.86");
        // Holdout to 1998-06-30 (day 545): one period with orders (day 345), 26.48,
        // duration (545 - 272) / 7 = 39 weeks.
        let (cal, hold) = rfm_holdout(&c, &mut day, 272, 545, 7.0).unwrap().unwrap();
        assert_eq!(cal, r);
        assert_eq!(
            hold,
            Holdout {
                frequency: 1,
                amount: Dec::new(2648, 2),
                duration: 39.0
            }
        );
    }

    #[test]
    fn same_period_counts_once_with_amounts_summed() {
        // Two orders on day 0 and two on day 3, one without an amount (counted as 0, as
        // pandas' groupby sum skips NaN): frequency 1, recency 3, monetary 5.00 + 0.
        let orders = [
            Order {
                ts: 10,
                amount: 100,
            },
            Order {
                ts: 20,
                amount: 200,
            },
            Order {
                ts: 3 * DAY,
                amount: 500,
            },
            Order {
                ts: 3 * DAY + 5,
                amount: NO_AMOUNT,
            },
        ];
        let r = rfm(&customer(&orders), &mut day, 9, 1.0).unwrap().unwrap();
        assert_eq!((r.frequency, r.recency, r.t), (1, 3.0, 9.0));
        assert_eq!(r.repeat_amount, Dec::new(500, 2));
    }

    #[test]
    fn orders_after_the_end_and_customers_without_orders() {
        let orders = [
            Order {
                ts: 5 * DAY,
                amount: 100,
            },
            Order {
                ts: 8 * DAY,
                amount: 100,
            },
        ];
        let c = customer(&orders);
        // End in day 4: no order yet.
        assert_eq!(rfm(&c, &mut day, 4, 1.0).unwrap(), None);
        // End in day 5: the first order only; one-time customer, T = 0.
        let r = rfm(&c, &mut day, 5, 1.0).unwrap().unwrap();
        assert_eq!((r.frequency, r.recency, r.t), (0, 0.0, 0.0));
        assert_eq!(r.repeat_amount, Dec::new(0, 2));
        // No calibration order: left out.
        assert_eq!(rfm_holdout(&c, &mut day, 4, 9, 1.0).unwrap(), None);
    }

    #[test]
    fn bad_parameters() {
        let orders = [Order { ts: 0, amount: 100 }];
        let c = customer(&orders);
        for m in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let e = rfm(&c, &mut day, 1, m).unwrap_err();
            assert!(e.message().starts_with("multiplier must be"), "{e}");
        }
        let e = rfm_holdout(&c, &mut day, 5, 5, 1.0).unwrap_err();
        assert_eq!(
            e.message(),
            "observation_end must be in a later period than calibration_end"
        );
        // Infinity is named as PostgreSQL prints it (it read "inf").
        let e = rfm(&c, &mut day, 1, f64::INFINITY).unwrap_err();
        assert_eq!(
            e.message(),
            "multiplier must be a finite number greater than 0, got Infinity"
        );
    }

    #[test]
    fn a_tiny_multiplier_overflows_rather_than_giving_infinity() {
        // 31 days / 5e-324 used to be returned as an infinite recency and T.
        let orders = [
            Order { ts: 0, amount: 100 },
            Order {
                ts: 31 * DAY,
                amount: 100,
            },
        ];
        let c = customer(&orders);
        let e = rfm(&c, &mut day, 151, 5e-324).unwrap_err();
        assert!(matches!(e, crate::MetricError::OutOfRange(_)), "{e:?}");
        assert_eq!(
            e.message(),
            "multiplier 5e-324 is too small: 31 periods / multiplier overflows double precision"
        );
        assert!(rfm_holdout(&c, &mut day, 40, 151, 5e-324).is_err());
        // Small but not too small: finite values.
        let r = rfm(&c, &mut day, 151, 1e-300).unwrap().unwrap();
        assert!(r.recency.is_finite() && r.t.is_finite());
    }
}
