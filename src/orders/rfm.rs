//! `rfm(customer_history, ...)` and `rfm_holdout(customer_history, ...)`: one customer's
//! frequency, recency, T and monetary value as lifetimes computes them, in calendar periods
//! (`retention_core::orders::rfm`; SQL in `rfm.sql`).

use super::with_history;
use crate::pg::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::orders::rfm::{self, Rfm};
use retention_core::time::{check_timestamp, Unit};

pgrx::extension_sql_file!("rfm.sql", name = "rfm", requires = ["history"]);

/// The calendar of granularity argument `unit_i` in time zone argument `zone_i` (or the
/// session's), cached for the call site.
unsafe fn calendar<'a>(
    fcinfo: FunctionCallInfo,
    unit_i: usize,
    zone_i: usize,
) -> &'a mut ZoneCalendar {
    let unit = arg_text(arg(fcinfo, unit_i).expect("strict"), "granularity");
    let unit = Unit::parse(unit).or_report();
    let zone = if nargs(fcinfo) > zone_i {
        arg_text(arg(fcinfo, zone_i).expect("strict"), "time zone")
    } else {
        session_zone()
    };
    zone_calendar(fcinfo, unit, zone)
}

/// The period index of timestamp argument `i`.
unsafe fn period_arg(
    cal: &mut ZoneCalendar,
    fcinfo: FunctionCallInfo,
    i: usize,
    what: &str,
) -> i64 {
    let ts = check_timestamp(arg(fcinfo, i).expect("strict").value() as i64, what).or_report();
    cal.index(ts).or_report()
}

/// The four RFM columns: frequency, recency, T, monetary value (the mean of the repeat
/// periods' sums, by PostgreSQL's numeric division; 0 without repeat periods).
unsafe fn rfm_columns(r: &Rfm) -> [Option<Datum>; 4] {
    let monetary = numeric_div(Some(r.repeat_amount), r.frequency)
        .unwrap_or_else(|| numeric_datum(r.repeat_amount));
    [
        Some(Datum::from(r.frequency as i64)),
        Some(Datum::from(r.recency.to_bits())),
        Some(Datum::from(r.t.to_bits())),
        Some(monetary),
    ]
}

pg_fn!(
    /// `rfm(h, observation_end, granularity, multiplier [, time_zone])`.
    fn rfm_history(fcinfo) {
        with_history(arg(fcinfo, 0).expect("strict"), |c| {
            let cal = calendar(fcinfo, 2, 4);
            let end = period_arg(cal, fcinfo, 1, "observation_end");
            let multiplier = arg_f64(fcinfo, 3).expect("strict");
            match rfm::rfm(c, &mut |ts| cal.index(ts), end, multiplier).or_report() {
                Some(r) => ret_record(fcinfo, &rfm_columns(&r)),
                None => ret_null(fcinfo),
            }
        })
    }
);

pg_fn!(
    /// `rfm_holdout(h, calibration_end, observation_end, granularity, multiplier [, time_zone])`.
    fn rfm_holdout_history(fcinfo) {
        with_history(arg(fcinfo, 0).expect("strict"), |c| {
            let cal = calendar(fcinfo, 3, 5);
            let cal_end = period_arg(cal, fcinfo, 1, "calibration_end");
            let obs_end = period_arg(cal, fcinfo, 2, "observation_end");
            let multiplier = arg_f64(fcinfo, 4).expect("strict");
            match rfm::rfm_holdout(c, &mut |ts| cal.index(ts), cal_end, obs_end, multiplier).or_report() {
                Some((r, h)) => {
                    let [f, rec, t, m] = rfm_columns(&r);
                    let hm = numeric_div(Some(h.amount), h.frequency)
                        .unwrap_or_else(|| numeric_datum(h.amount));
                    ret_record(fcinfo, &[
                        f, rec, t, m,
                        Some(Datum::from(h.frequency as i64)),
                        Some(hm),
                        Some(Datum::from(h.duration.to_bits())),
                    ])
                }
                None => ret_null(fcinfo),
            }
        })
    }
);

// The same functions as 0.3.0 declares them, returning named composite types (release
// 0.2.0's catalog calls the symbols above with OUT parameters; `ret_record` follows the
// declaration).
pg_fn!(fn rfm_history_typed = rfm_history;);
pg_fn!(fn rfm_holdout_history_typed = rfm_holdout_history;);
