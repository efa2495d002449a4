//! Cohorts: `cohort_summary` (first-time and recurring cohorts, from customer histories or
//! straight from order rows), its tables, curves and brackets
//! (`retention_core::orders::cohort`; SQL in `cohort.sql`).

use super::onestep::table_final;
use super::{decode, Scratch};
use crate::pg::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use pgrx::FromDatum;
use retention_core::interval::wilson;
use retention_core::orders::cohort::{self, Cohorts};
use retention_core::orders::series;
use retention_core::MetricError;

pgrx::extension_sql_file!("cohort.sql", name = "cohort", requires = ["series"]);

type_io!(Words<Cohorts>: cohort_summary_in, cohort_summary_out, cohort_summary_recv, cohort_summary_send);
pg_fn!(fn cohort_summary_combine(fcinfo) { words_combine::<Cohorts>(fcinfo) });
pg_fn!(fn cohort_summary_final(fcinfo) { words_final::<Cohorts>(fcinfo) });

/// The `brackets int[]` argument `i`, if the function has one.
unsafe fn brackets_arg(fcinfo: FunctionCallInfo, i: usize) -> Vec<i64> {
    if nargs(fcinfo) <= i {
        return Vec::new();
    }
    match arg(fcinfo, i) {
        None => null_parameter("brackets"),
        Some(d) => {
            // A 2-D array was read flat: ARRAY[[1, 2], [3, 4]] as the bounds 1, 2, 3, 4.
            let raw = pg_sys::pg_detoast_datum(d.cast_mut_ptr()) as *const pg_sys::ArrayType;
            if (*raw).ndim > 1 {
                report(MetricError::InvalidParameter(format!(
                    "brackets must be a one-dimensional array, got {} dimensions",
                    (*raw).ndim
                )));
            }
            let a = pgrx::datum::Array::<i32>::from_datum(d, false).expect("not null");
            let mut out = Vec::with_capacity(a.len());
            for v in a.iter() {
                match v {
                    Some(v) => out.push(v as i64),
                    None => null_parameter("a bracket bound"),
                }
            }
            out
        }
    }
}

/// Shared transition over histories: `(state, h, granularity [, zone] [, brackets])`.
unsafe fn history_trans(fcinfo: FunctionCallInfo, recurring: bool) -> Datum {
    // The zone argument is text, the brackets int[]: the argument after the granularity may
    // be either, and only its established type says which.
    let zone_given = nargs(fcinfo) > 3
        && match arg_type(fcinfo, 3) {
            Some(pg_sys::TEXTOID) => true,
            Some(pg_sys::INT4ARRAYOID) => false,
            _ => unknown_arg_type(
                fcinfo,
                "the argument after the granularity (a time zone or brackets)",
            ),
        };
    let b = if zone_given { 4 } else { 3 };
    let zc = call_calendar(
        fcinfo,
        2,
        zone_given,
        (nargs(fcinfo) > b).then_some((b, brackets_arg as unsafe fn(_, _) -> _)),
    );
    let (unit, zone) = (zc.unit(), zc.zone_name());
    let brackets = zc.extra();
    let Some(h) = arg(fcinfo, 1) else {
        return skip_row(fcinfo);
    };
    let mut scratch = Scratch::new_in(current_alloc());
    let c = decode(h, &mut scratch);
    let (datum, body) = word_state::<Cohorts>(fcinfo, arg(fcinfo, 0), false, || {
        cohort::new_body(unit, zone, recurring, brackets)
    });
    series::check_calendar(body, unit, zone).or_report();
    cohort::check_same_brackets(body, brackets).or_report();
    update::<Cohorts>(datum, body, |b| {
        cohort::add_customer(b, &c, &mut |ts| zc.index(ts))
    })
}

pg_fn!(
    /// `(state, h, acquired_at, granularity [, zone])`: one customer in the cohort of its
    /// acquisition (`acquisition_cohort_agg`). A NULL acquisition time skips the row; a NULL
    /// history is a customer acquired who never ordered (a LEFT JOIN of sign-ups to
    /// histories gives it), counted in its cohort without orders.
    fn acquisition_cohort_history_trans(fcinfo) {
        let zc = call_calendar(fcinfo, 3, nargs(fcinfo) > 4, None);
        let (unit, zone) = (zc.unit(), zc.zone_name());
        let Some(at) = arg(fcinfo, 2) else {
            return skip_row(fcinfo);
        };
        let acquired =
            retention_core::time::check_timestamp(at.value() as i64, "acquired_at").or_report();
        let mut scratch = Scratch::new_in(current_alloc());
        let c = match arg(fcinfo, 1) {
            Some(h) => decode(h, &mut scratch),
            None => retention_core::orders::Customer {
                orders: &[],
                scale: 0,
                display: 0,
                flags: 0,
                extras: Default::default(),
            },
        };
        let (datum, body) = word_state::<Cohorts>(fcinfo, arg(fcinfo, 0), false, || {
            cohort::new_body(unit, zone, false, &[])
        });
        series::check_calendar(body, unit, zone).or_report();
        update::<Cohorts>(datum, body, |b| {
            cohort::add_acquired(b, &c, acquired, &mut |ts| zc.index(ts))
        })
    }
);
pg_fn!(fn cohort_history_trans(fcinfo) { history_trans(fcinfo, false) });
pg_fn!(fn recurring_cohort_history_trans(fcinfo) { history_trans(fcinfo, true) });

// --- reading a cohort_summary --------------------------------------------------------------

pg_fn!(
    /// `cohort_table(s, as_of, confidence)`: one row per cohort and period.
    fn cohort_table_rows(fcinfo) {
    let body = words_arg0::<Cohorts>(fcinfo);
    let as_of = arg(fcinfo, 1).expect("strict").value() as i64;
    let conf = checked_confidence(fcinfo, 2);
    let zc = table_calendar(fcinfo, body);
    let f = |v: Option<f64>| v.map(|v| Datum::from(v.to_bits()));
    let rows = cohort::cells(body)
        .into_iter()
        .map(|c| {
            let (cohort_start, _) = zc.bounds(c.cohort);
            let (start, end) = zc.bounds(c.period);
            let ci = wilson(c.active as f64, c.cohort_size as f64, conf).or_report();
            let revenue = (c.priced_orders > 0).then_some(c.revenue);
            vec![
                Some(Datum::from(cohort_start)),
                Some(Datum::from(c.offset() as i32)),
                Some(Datum::from(start)),
                Some(Datum::from(end)),
                Some(ret_count(c.cohort_size)),
                Some(ret_count(c.active)),
                f(c.retention()),
                f(ci.map(|x| x.lower)),
                f(ci.map(|x| x.upper)),
                Some(ret_count(c.active_on_or_after)),
                f(c.retention_on_or_after()),
                Some(ret_count(c.orders)),
                revenue.map(|d| numeric_datum(d)),
                f(c.revenue_retention()),
                numeric_div((c.cumulative_priced > 0).then_some(c.cumulative_revenue), c.cohort_size),
                Some(Datum::from(end <= as_of)),
                Some(zc.date_of(c.cohort)),
                Some(zc.date_of(c.period)),
            ]
        });
    return_rows(fcinfo, rows)
});
pg_fn!(
    /// `cohort_table` as 0.3.0 declares it (with `cohort_date` and `date`).
    fn cohort_table_dated_rows = cohort_table_rows;
);

pg_fn!(
    /// `retention_curve(s, mode, as_of, confidence)`: the weighted average over matured cohorts.
    fn retention_curve_rows(fcinfo) {
    let body = words_arg0::<Cohorts>(fcinfo);
    let mode = arg_text(arg(fcinfo, 1).expect("strict"), "mode");
    let on_or_after = match mode.trim().to_ascii_lowercase().as_str() {
        "on" => false,
        "on or after" | "on_or_after" | "unbounded" => true,
        other => report(MetricError::InvalidParameter(format!(
            "retention mode \"{other}\" is not supported: use 'on' or 'on or after'"
        ))),
    };
    let as_of = arg(fcinfo, 2).expect("strict").value() as i64;
    let conf = checked_confidence(fcinfo, 3);
    let zc = table_calendar(fcinfo, body);
    let points = cohort::curve(body, on_or_after, &mut |_, period| zc.bounds(period).1 <= as_of);
    let rows = points
        .into_iter()
        .map(|p| {
            let ci = wilson(p.active as f64, p.customers as f64, conf).or_report();
            vec![
                Some(Datum::from(p.offset as i32)),
                Some(ret_count(p.cohorts)),
                Some(ret_count(p.customers)),
                Some(ret_count(p.active)),
                (p.customers > 0).then(|| Datum::from((p.active as f64 / p.customers as f64).to_bits())),
                ci.map(|x| Datum::from(x.lower.to_bits())),
                ci.map(|x| Datum::from(x.upper.to_bits())),
            ]
        });
    return_rows(fcinfo, rows)
});

pg_fn!(
    /// `bracket_retention(s, confidence)`: one row per cohort and bracket.
    fn bracket_retention_rows(fcinfo) {
    let body = words_arg0::<Cohorts>(fcinfo);
    let conf = checked_confidence(fcinfo, 1);
    let zc = table_calendar(fcinfo, body);
    let rows = cohort::brackets(body)
        .into_iter()
        .map(|(c, j, from, to, size, active)| {
            let ci = wilson(active as f64, size as f64, conf).or_report();
            vec![
                Some(Datum::from(zc.bounds(c).0)),
                Some(Datum::from(j as i32 + 1)),
                Some(Datum::from(from as i32)),
                Some(Datum::from(to as i32)),
                Some(ret_count(size)),
                Some(ret_count(active)),
                (size > 0).then(|| Datum::from((active as f64 / size as f64).to_bits())),
                ci.map(|x| Datum::from(x.lower.to_bits())),
                ci.map(|x| Datum::from(x.upper.to_bits())),
                Some(zc.date_of(c)),
            ]
        });
    return_rows(fcinfo, rows)
});
pg_fn!(
    /// `bracket_retention` as 0.3.0 declares it (with `cohort_date`).
    fn bracket_retention_dated_rows = bracket_retention_rows;
);

pg_fn!(fn cohort_summary_is_recurring(fcinfo) {
    Datum::from(cohort::is_recurring(words_arg0::<Cohorts>(fcinfo)))
});

// --- one step (the order log's transitions are in `onestep`) ---------------------------------

pg_fn!(fn cohort_by_id_final(fcinfo) {
    table_final::<Cohorts>(fcinfo, |u, z| cohort::new_body(u, z, false, &[]), cohort::add_customer_runs)
});
pg_fn!(fn recurring_cohort_by_id_final(fcinfo) {
    table_final::<Cohorts>(fcinfo, |u, z| cohort::new_body(u, z, true, &[]), cohort::add_customer_runs)
});
