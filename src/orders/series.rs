//! Calendar period tables: `period_series` (customer activity per period), `mrr_series`
//! (MRR movements per period) and `activity_series` (DAU, WAU, MAU per day), over histories
//! or straight from order rows, and their `periods()` rows
//! (`retention_core::orders::series` and `activity`; SQL in `series.sql`).

use super::onestep::table_final;
use super::with_history;
use crate::pg::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::decimal::Dec;
use retention_core::interval::wilson;
use retention_core::orders::activity::{self, ActiveDays};
use retention_core::orders::series::{self, Activity, MrrSeries};
use retention_core::orders::words::{Grow, Summary};
use retention_core::orders::Customer;
use retention_core::Result;

pgrx::extension_sql_file!("series.sql", name = "series", requires = ["onestep"]);

type_io!(Words<Activity>: period_series_in, period_series_out, period_series_recv, period_series_send);
pg_fn!(fn period_series_combine(fcinfo) { words_combine::<Activity>(fcinfo) });
pg_fn!(fn period_series_final(fcinfo) { words_final::<Activity>(fcinfo) });
type_io!(Words<MrrSeries>: mrr_series_in, mrr_series_out, mrr_series_recv, mrr_series_send);
pg_fn!(fn mrr_series_combine(fcinfo) { words_combine::<MrrSeries>(fcinfo) });
pg_fn!(fn mrr_series_final(fcinfo) { words_final::<MrrSeries>(fcinfo) });
type_io!(Words<ActiveDays>: activity_series_in, activity_series_out, activity_series_recv, activity_series_send);
pg_fn!(fn activity_series_combine(fcinfo) { words_combine::<ActiveDays>(fcinfo) });
pg_fn!(fn activity_series_final(fcinfo) { words_final::<ActiveDays>(fcinfo) });

/// Shared transition of the period tables over histories: `(state, h, granularity
/// [, zone])`.
unsafe fn table_history_trans<S: Summary>(
    fcinfo: FunctionCallInfo,
    add: fn(&mut [u64], &Customer<'_>, &mut dyn FnMut(i64) -> Result<i64>) -> Result<Grow>,
) -> Datum {
    let zc = call_calendar(fcinfo, 2, nargs(fcinfo) > 3, None);
    history_into::<S>(fcinfo, zc, add)
}

/// Add the history of argument 1 to the table of argument 0, periods by `zc`.
unsafe fn history_into<S: Summary>(
    fcinfo: FunctionCallInfo,
    zc: &mut ZoneCalendar,
    add: fn(&mut [u64], &Customer<'_>, &mut dyn FnMut(i64) -> Result<i64>) -> Result<Grow>,
) -> Datum {
    let (unit, zone) = (zc.unit(), zc.zone_name());
    let Some(h) = arg(fcinfo, 1) else {
        return skip_row(fcinfo);
    };
    with_history(h, |c| {
        let (datum, body) = word_state::<S>(fcinfo, arg(fcinfo, 0), false, || {
            series::new_body(unit, zone)
        });
        series::check_calendar(body, unit, zone).or_report();
        update::<S>(datum, body, |b| add(b, c, &mut |ts| zc.index(ts)))
    })
}

pg_fn!(fn period_series_history_trans(fcinfo) { table_history_trans::<Activity>(fcinfo, series::add_activity) });
pg_fn!(fn mrr_series_history_trans(fcinfo) { table_history_trans::<MrrSeries>(fcinfo, series::add_mrr) });
pg_fn!(
    /// `(state, h [, zone])`: one customer's active days.
    fn activity_series_history_trans(fcinfo) {
        history_into::<ActiveDays>(fcinfo, day_calendar(fcinfo, 2), activity::add_customer)
    }
);

// --- one step (the order log's transitions are in `onestep`) ---------------------------------

pg_fn!(fn series_by_id_final(fcinfo) { table_final::<Activity>(fcinfo, series::new_body, series::add_activity_runs) });
pg_fn!(fn mrr_series_by_id_final(fcinfo) { table_final::<MrrSeries>(fcinfo, series::new_body, series::add_mrr_runs) });
pg_fn!(fn activity_series_by_id_final(fcinfo) { table_final::<ActiveDays>(fcinfo, |_, zone| activity::new_body(zone), activity::add_days) });

// --- read-outs -------------------------------------------------------------------------------

fn f(v: Option<f64>) -> Option<Datum> {
    v.map(|v| Datum::from(v.to_bits()))
}

fn n(v: u64) -> Option<Datum> {
    Some(ret_count(v))
}

unsafe fn num(d: Dec) -> Option<Datum> {
    Some(numeric_datum(d))
}

pg_fn!(
    /// `periods(period_series [, confidence])`: one row per period.
    fn period_series_rows(fcinfo) {
        let body = words_arg0::<Activity>(fcinfo);
        let conf = checked_confidence(fcinfo, 1);
        let zc = table_calendar(fcinfo, body);
        let rows = series::activity_rows(body)
            .into_iter()
            .map(|r| {
                let (start, end) = zc.bounds(r.index);
                let ci = wilson(r.retained as f64, r.customers_start as f64, conf).or_report();
                let revenue = (r.priced_orders > 0).then_some(r.revenue);
                vec![
                    Some(Datum::from(start)),
                    Some(Datum::from(end)),
                    n(r.customers_start),
                    n(r.new_customers),
                    n(r.retained),
                    n(r.reactivated),
                    n(r.churned),
                    n(r.customers_end),
                    f(r.retention_rate()),
                    f(r.churn_rate()),
                    f(r.crr()),
                    f(r.returning_customer_rate()),
                    f(ci.map(|c| c.lower)),
                    f(ci.map(|c| c.upper)),
                    n(r.orders),
                    revenue.map(|d| numeric_datum(d)),
                    numeric_div(revenue, r.priced_orders),
                    f(r.orders_per_customer()),
                    numeric_div(revenue, r.customers_end),
                    Some(zc.date_of(r.index)),
                ]
            });
        return_rows(fcinfo, rows)
    }
);
pg_fn!(
    /// `periods(period_series [, confidence])` as 0.3.0 declares it (with `date`).
    fn period_series_dated_rows = period_series_rows;
);

pg_fn!(
    /// `periods(mrr_series)`: one row per period.
    fn mrr_series_rows(fcinfo) {
        let body = words_arg0::<MrrSeries>(fcinfo);
        let zc = table_calendar(fcinfo, body);
        let rows = series::mrr_rows(body)
            .into_iter()
            .map(|r| {
                let (start, end) = zc.bounds(r.index);
                vec![
                    Some(Datum::from(start)),
                    Some(Datum::from(end)),
                    num(r.mrr_start),
                    num(r.new),
                    num(r.reactivation),
                    num(r.expansion),
                    num(r.contraction),
                    num(r.churned),
                    num(r.mrr_end),
                    n(r.customers_start),
                    n(r.new_customers),
                    n(r.reactivated_customers),
                    n(r.expanded_customers),
                    n(r.contracted_customers),
                    n(r.churned_customers),
                    n(r.customers_end),
                    f(r.revenue_churn()),
                    f(r.gross_mrr_churn()),
                    f(r.net_mrr_churn()),
                    f(r.gross_revenue_retention()),
                    f(r.net_revenue_retention()),
                    f(r.quick_ratio()),
                    Some(zc.date_of(r.index)),
                ]
            });
        return_rows(fcinfo, rows)
    }
);
pg_fn!(
    /// `periods(mrr_series)` as 0.3.0 declares it (with `date`).
    fn mrr_series_dated_rows = mrr_series_rows;
);

pg_fn!(
    /// `periods(activity_series)`: one row per day.
    fn activity_series_rows(fcinfo) {
        let body = words_arg0::<ActiveDays>(fcinfo);
        let zc = table_calendar(fcinfo, body);
        let rows = activity::day_rows(body).into_iter().map(|r| {
            let (start, end) = zc.bounds(r.index);
            vec![
                Some(Datum::from(start)),
                Some(Datum::from(end)),
                n(r.dau),
                n(r.wau),
                n(r.mau),
                f(r.dau_mau()),
                f(r.dau_wau()),
                f(r.wau_mau()),
                Some(zc.date_of(r.index)),
            ]
        });
        return_rows(fcinfo, rows)
    }
);
