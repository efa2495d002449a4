//! Drill-down: one customer's status in the periods of a `period_series` and in the cells
//! of a cohort grid, so that the customers behind any number can be listed
//! (`retention_core::orders::series::status_at`, `cohort::memberships`: the rules the
//! summaries count with; SQL in `drill.sql`).

use super::with_history;
use crate::pg::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::orders::series::{self, Run};
use retention_core::orders::{cohort, Customer};
use retention_core::time::check_date;
use retention_core::MetricError;

pgrx::extension_sql_file!("drill.sql", name = "drill", requires = ["cohort"]);

/// The calendar of `(h, granularity, ..., [time_zone])` with the zone last, when the call
/// has `with_zone` arguments, and the runs of the history `h` in it.
unsafe fn runs_of<'a>(
    fcinfo: FunctionCallInfo,
    with_zone: usize,
    c: &Customer<'_>,
) -> (&'a mut ZoneCalendar, Vec<Run>) {
    let n = nargs(fcinfo);
    let zc = call_calendar_at(fcinfo, 1, (n == with_zone).then_some(n - 1), None);
    let runs = series::runs(c, &mut |ts| zc.index(ts)).or_report();
    (zc, runs)
}

/// The period index of the `date` argument `i` (the period containing that local date).
unsafe fn period_arg(fcinfo: FunctionCallInfo, i: usize, zc: &ZoneCalendar, what: &str) -> i64 {
    let days = arg(fcinfo, i).expect("strict").value() as i32;
    zc.unit().index_of(check_date(days, what).or_report())
}

pg_fn!(
    /// `customer_status(h, granularity, period [, time_zone])`: new, retained, reactivated,
    /// churned or inactive.
    fn customer_status(fcinfo) {
        with_history(arg(fcinfo, 0).expect("strict"), |c| {
            let (zc, runs) = runs_of(fcinfo, 4, c);
            let period = period_arg(fcinfo, 2, zc, "period");
            text_datum(series::status_at(&runs, period).name())
        })
    }
);

pg_fn!(
    /// `customer_periods(h, granularity [, time_zone])`: the status in every period from the
    /// first order's to the one after the last, with the period's local `date` (as periods()).
    fn customer_periods(fcinfo) {
        with_history(arg(fcinfo, 0).expect("strict"), |c| {
            let (zc, runs) = runs_of(fcinfo, 3, c);
            let rows = series::statuses(&runs).or_report().into_iter().map(|(i, s)| {
                let (start, end) = zc.bounds(i);
                vec![
                    Some(Datum::from(start)),
                    Some(Datum::from(end)),
                    Some(text_datum(s.name())),
                    Some(zc.date_of(i)),
                ]
            });
            return_rows(fcinfo, rows)
        })
    }
);

pg_fn!(
    /// `cohort_cell_status(h, granularity, cohort, period_offset [, time_zone])`: where the
    /// customer stands in that cell of the first-time cohort grid.
    fn cohort_cell_status(fcinfo) {
        with_history(arg(fcinfo, 0).expect("strict"), |c| {
            let (zc, runs) = runs_of(fcinfo, 5, c);
            let cohort = period_arg(fcinfo, 2, zc, "cohort");
            let offset = arg_i32(fcinfo, 3).expect("strict");
            if offset < 0 {
                report(MetricError::InvalidParameter(format!(
                    "period_offset {offset} is negative: offsets count periods from the cohort's own (offset 0)"
                )));
            }
            text_datum(cohort::cell_status(&runs, cohort, cohort + offset as i64).name())
        })
    }
);

/// `customer_cohort_cells` and `customer_recurring_cohort_cells`: the cells that count the
/// customer, with `cohort_date` and `date` last (as cohort_table()).
unsafe fn cohort_cells(fcinfo: FunctionCallInfo, recurring: bool) -> Datum {
    with_history(arg(fcinfo, 0).expect("strict"), |c| {
        let (zc, runs) = runs_of(fcinfo, 3, c);
        let rows = cohort::memberships(&runs, recurring)
            .or_report()
            .into_iter()
            .map(|m| {
                let (start, end) = zc.bounds(m.period);
                vec![
                    Some(Datum::from(zc.bounds(m.cohort).0)),
                    Some(Datum::from(m.offset() as i32)),
                    Some(Datum::from(start)),
                    Some(Datum::from(end)),
                    Some(Datum::from(m.active)),
                    Some(Datum::from(m.active_on_or_after)),
                    Some(zc.date_of(m.cohort)),
                    Some(zc.date_of(m.period)),
                ]
            });
        return_rows(fcinfo, rows)
    })
}

pg_fn!(fn customer_cohort_cells(fcinfo) { cohort_cells(fcinfo, false) });
pg_fn!(fn customer_recurring_cohort_cells(fcinfo) { cohort_cells(fcinfo, true) });
