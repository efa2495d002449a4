//! Level 2: population summaries over per-customer histories (the scalable path), their
//! accessors and the period tables, and `mrr_movements`.

use super::calendar::{call_calendar, null_parameter, zone_calendar};
use super::datum::{summary_arg, summary_state, update, word_summary_type};
use super::{decode, Scratch};
use crate::glue::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::decimal::Dec;
use retention_core::interval::{check_confidence, wilson};
use retention_core::orders::mrr::{self, Mrr, MrrRef};
use retention_core::orders::retention::{self, Retention, RetentionRef, Window};
use retention_core::orders::series::{self, Activity, MrrSeries};
use retention_core::orders::stats::{self, Stats, StatsRef};

word_summary_type!(
    Retention,
    retention_summary_in,
    retention_summary_out,
    retention_summary_recv,
    retention_summary_send,
    retention_summary_combine,
    retention_summary_final
);
word_summary_type!(
    Stats,
    customer_stats_in,
    customer_stats_out,
    customer_stats_recv,
    customer_stats_send,
    customer_stats_combine,
    customer_stats_final
);
word_summary_type!(
    Activity,
    period_series_in,
    period_series_out,
    period_series_recv,
    period_series_send,
    period_series_combine,
    period_series_final
);
word_summary_type!(
    Mrr,
    mrr_summary_in,
    mrr_summary_out,
    mrr_summary_recv,
    mrr_summary_send,
    mrr_summary_combine,
    mrr_summary_final
);
word_summary_type!(
    MrrSeries,
    mrr_series_in,
    mrr_series_out,
    mrr_series_recv,
    mrr_series_send,
    mrr_series_combine,
    mrr_series_final
);

/// The period arguments `i` and `i + 1` (validated on every row, so a bad period is an
/// error even where every history is NULL).
pub(crate) unsafe fn window_args(fcinfo: FunctionCallInfo, i: usize) -> Window {
    let ps = arg(fcinfo, i).unwrap_or_else(|| null_parameter("period_start"));
    let pe = arg(fcinfo, i + 1).unwrap_or_else(|| null_parameter("period_end"));
    Window::new(ps.value() as i64, pe.value() as i64).or_report()
}

// --- transitions over histories --------------------------------------------------------------

pg_fn!(
    /// `retention_agg(h, period_start, period_end)`.
    fn retention_history_trans(fcinfo) {
        let state = arg(fcinfo, 0);
        let w = window_args(fcinfo, 2);
        let Some(h) = arg(fcinfo, 1) else {
            return state.unwrap_or_else(|| ret_null(fcinfo));
        };
        let mut scratch = Scratch::new_in(current_alloc());
        let c = decode(h, &mut scratch);
        let (datum, body) = summary_state::<Retention>(fcinfo, state, false, || Ok(retention::new_body(&w)));
        retention::check_window(body, &w).or_report();
        retention::add_flags(body, retention::flags_of(&w, &c)).or_report();
        datum
    }
);

pg_fn!(
    /// `customer_stats_agg(h)`.
    fn customer_stats_history_trans(fcinfo) {
        let state = arg(fcinfo, 0);
        let Some(h) = arg(fcinfo, 1) else {
            return state.unwrap_or_else(|| ret_null(fcinfo));
        };
        let mut scratch = Scratch::new_in(current_alloc());
        let c = decode(h, &mut scratch);
        let (datum, body) = summary_state::<Stats>(fcinfo, state, false, || Ok(stats::new_body()));
        update::<Stats>(datum, body, |b| stats::add_customer(b, &c))
    }
);

/// Shared transition of the two period tables over histories: `(state, h, granularity
/// [, zone])`.
unsafe fn table_history_trans<S: retention_core::orders::words::Summary>(
    fcinfo: FunctionCallInfo,
    add: fn(
        &mut [u64],
        &retention_core::orders::Customer<'_>,
        &mut dyn FnMut(i64) -> retention_core::Result<i64>,
    ) -> retention_core::Result<retention_core::orders::words::Grow>,
) -> Datum {
    let state = arg(fcinfo, 0);
    let zc = call_calendar(fcinfo, 2, nargs(fcinfo) > 3, None);
    let (unit, zone) = (zc.unit(), zc.zone_name());
    let Some(h) = arg(fcinfo, 1) else {
        return state.unwrap_or_else(|| ret_null(fcinfo));
    };
    let mut scratch = Scratch::new_in(current_alloc());
    let c = decode(h, &mut scratch);
    let (datum, body) = summary_state::<S>(fcinfo, state, false, || series::new_body(unit, zone));
    series::check_calendar(body, unit, zone).or_report();
    update::<S>(datum, body, |b| add(b, &c, &mut |ts| zc.index(ts)))
}

pg_fn!(fn period_series_history_trans(fcinfo) { table_history_trans::<Activity>(fcinfo, series::add_activity) });
pg_fn!(fn mrr_series_history_trans(fcinfo) { table_history_trans::<MrrSeries>(fcinfo, series::add_mrr) });

pg_fn!(
    /// `mrr_movements(mrr_start, mrr_end)`: NULL is no subscription (0); a row with both
    /// NULL is skipped.
    fn mrr_movements_trans(fcinfo) {
        let state = arg(fcinfo, 0);
        let (s, e) = (arg(fcinfo, 1), arg(fcinfo, 2));
        if s.is_none() && e.is_none() {
            return state.unwrap_or_else(|| ret_null(fcinfo));
        }
        let s = s.map(|d| arg_numeric(d, "mrr_start"));
        let e = e.map(|d| arg_numeric(d, "mrr_end"));
        let (datum, body) = summary_state::<Mrr>(fcinfo, state, false, || Ok(mrr::new_body()));
        mrr::add(body, s, e).or_report();
        datum
    }
);

// --- retention_summary accessors ---------------------------------------------------------

unsafe fn retention_ref<'a>(fcinfo: FunctionCallInfo) -> RetentionRef<'a> {
    RetentionRef(summary_arg::<Retention>(
        arg(fcinfo, 0).expect("accessors are strict"),
    ))
}

unsafe fn confidence(fcinfo: FunctionCallInfo) -> f64 {
    arg_f64(fcinfo, 1).expect("accessors are strict")
}

pg_fn!(fn retention_summary_rate(fcinfo) { ret_f64(fcinfo, retention_ref(fcinfo).retention_rate()) });
pg_fn!(fn retention_summary_churn(fcinfo) { ret_f64(fcinfo, retention_ref(fcinfo).churn_rate()) });
pg_fn!(fn retention_summary_ci(fcinfo) {
    let iv = retention_ref(fcinfo).retention_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});
pg_fn!(fn retention_summary_churn_ci(fcinfo) {
    let iv = retention_ref(fcinfo).churn_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});
pg_fn!(fn retention_summary_customers_start(fcinfo) { ret_count(retention_ref(fcinfo).customers_start()) });
pg_fn!(fn retention_summary_retained(fcinfo) { ret_count(retention_ref(fcinfo).retained()) });
pg_fn!(fn retention_summary_churned(fcinfo) { ret_count(retention_ref(fcinfo).churned()) });
pg_fn!(fn retention_summary_new(fcinfo) { ret_count(retention_ref(fcinfo).new_customers()) });
pg_fn!(fn retention_summary_reactivated(fcinfo) { ret_count(retention_ref(fcinfo).reactivated()) });
pg_fn!(fn retention_summary_customers_end(fcinfo) { ret_count(retention_ref(fcinfo).customers_end()) });

// --- customer_stats accessors --------------------------------------------------------------

unsafe fn stats_ref<'a>(fcinfo: FunctionCallInfo) -> StatsRef<'a> {
    StatsRef(summary_arg::<Stats>(
        arg(fcinfo, 0).expect("accessors are strict"),
    ))
}

/// Revenue, or NULL without a single known amount (as `sum(amount)` is).
pub(crate) fn revenue_of(s: &StatsRef<'_>) -> Option<Dec> {
    (s.priced_orders() > 0).then(|| s.revenue())
}

pg_fn!(fn stats_customers(fcinfo) { ret_count(stats_ref(fcinfo).customers()) });
pg_fn!(fn stats_repeat_customers(fcinfo) { ret_count(stats_ref(fcinfo).repeat_customers()) });
pg_fn!(fn stats_repeat_purchase_rate(fcinfo) { ret_f64(fcinfo, stats_ref(fcinfo).repeat_purchase_rate()) });
pg_fn!(fn stats_repeat_purchase_ci(fcinfo) {
    let iv = stats_ref(fcinfo).repeat_purchase_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});
pg_fn!(fn stats_orders(fcinfo) { ret_count(stats_ref(fcinfo).orders()) });
pg_fn!(fn stats_orders_per_customer(fcinfo) { ret_f64(fcinfo, stats_ref(fcinfo).orders_per_customer()) });
pg_fn!(fn stats_revenue(fcinfo) { ret_numeric(fcinfo, revenue_of(&stats_ref(fcinfo))) });
pg_fn!(fn stats_avg_order_value(fcinfo) {
    let s = stats_ref(fcinfo);
    ret_numeric_div(fcinfo, Some(s.revenue()), s.priced_orders())
});
pg_fn!(fn stats_revenue_per_customer(fcinfo) {
    let s = stats_ref(fcinfo);
    ret_numeric_div(fcinfo, revenue_of(&s), s.customers())
});
pg_fn!(fn stats_items(fcinfo) {
    let s = stats_ref(fcinfo);
    match s.items() {
        Some(i) if s.item_orders() > 0 => Datum::from(i),
        _ => ret_null(fcinfo),
    }
});
pg_fn!(fn stats_cost(fcinfo) {
    let s = stats_ref(fcinfo);
    ret_numeric(fcinfo, s.cost().filter(|_| s.cost_orders() > 0))
});
pg_fn!(fn stats_profit(fcinfo) { ret_numeric(fcinfo, stats_ref(fcinfo).profit()) });
pg_fn!(fn stats_profit_per_customer(fcinfo) {
    let s = stats_ref(fcinfo);
    ret_numeric_div(fcinfo, s.profit(), s.customers())
});
pg_fn!(fn stats_avg_gap(fcinfo) { ret_interval_us(fcinfo, stats_ref(fcinfo).avg_gap()) });
pg_fn!(fn stats_median_gap(fcinfo) { ret_interval_us(fcinfo, stats_ref(fcinfo).median_gap()) });
pg_fn!(fn stats_gap_resolution(fcinfo) { interval_datum(stats_ref(fcinfo).gap_resolution() as i64) });
pg_fn!(fn stats_avg_lifespan(fcinfo) { ret_interval_us(fcinfo, stats_ref(fcinfo).avg_lifespan()) });
pg_fn!(fn stats_first_order(fcinfo) { Datum::from(stats_ref(fcinfo).first_order()) });
pg_fn!(fn stats_last_order(fcinfo) { Datum::from(stats_ref(fcinfo).last_order()) });

/// The `per` argument in microseconds: a positive interval.
unsafe fn per_arg(fcinfo: FunctionCallInfo) -> f64 {
    let per = arg_interval_us(arg(fcinfo, 1).expect("accessors are strict"));
    if !(per.is_finite() && per > 0.0) {
        report(retention_core::MetricError::InvalidParameter(format!(
            "per must be a positive interval, got {} seconds",
            retention_core::formulas::show(per / 1e6)
        )));
    }
    per
}

pg_fn!(fn stats_purchase_frequency(fcinfo) {
    let per = per_arg(fcinfo);
    ret_f64(fcinfo, stats_ref(fcinfo).purchase_frequency(per))
});
pg_fn!(
    /// `historic_clv(s, per [, churn_rate])`.
    fn stats_historic_clv(fcinfo) {
        let per = per_arg(fcinfo);
        let churn = if nargs(fcinfo) > 2 { arg_f64(fcinfo, 2) } else { None };
        ret_f64(fcinfo, stats_ref(fcinfo).historic_clv(per, churn).or_report())
    }
);

// --- mrr_summary accessors -----------------------------------------------------------------

unsafe fn mrr_ref<'a>(fcinfo: FunctionCallInfo) -> MrrRef<'a> {
    MrrRef(summary_arg::<Mrr>(
        arg(fcinfo, 0).expect("accessors are strict"),
    ))
}

pg_fn!(fn mrr_revenue_churn(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).revenue_churn()) });
pg_fn!(fn mrr_gross_churn(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).gross_mrr_churn()) });
pg_fn!(fn mrr_net_churn(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).net_mrr_churn()) });
pg_fn!(fn mrr_nrr(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).net_revenue_retention()) });
pg_fn!(fn mrr_grr(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).gross_revenue_retention()) });
pg_fn!(fn mrr_quick_ratio(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).quick_ratio()) });
pg_fn!(fn mrr_start_total(fcinfo) { numeric_datum(mrr_ref(fcinfo).mrr_start()) });
pg_fn!(fn mrr_end_total(fcinfo) { numeric_datum(mrr_ref(fcinfo).mrr_end()) });
pg_fn!(fn mrr_new(fcinfo) { numeric_datum(mrr_ref(fcinfo).new_mrr()) });
pg_fn!(fn mrr_expansion(fcinfo) { numeric_datum(mrr_ref(fcinfo).expansion()) });
pg_fn!(fn mrr_contraction(fcinfo) { numeric_datum(mrr_ref(fcinfo).contraction()) });
pg_fn!(fn mrr_churned(fcinfo) { numeric_datum(mrr_ref(fcinfo).churned()) });
pg_fn!(fn mrr_customers_start(fcinfo) { ret_count(mrr_ref(fcinfo).count("customers_start")) });
pg_fn!(fn mrr_customers_end(fcinfo) { ret_count(mrr_ref(fcinfo).count("customers_end")) });
pg_fn!(fn mrr_new_customers(fcinfo) { ret_count(mrr_ref(fcinfo).count("new_customers")) });
pg_fn!(fn mrr_churned_customers(fcinfo) { ret_count(mrr_ref(fcinfo).count("churned_customers")) });
pg_fn!(fn mrr_expanded_customers(fcinfo) { ret_count(mrr_ref(fcinfo).count("expanded_customers")) });
pg_fn!(fn mrr_contracted_customers(fcinfo) { ret_count(mrr_ref(fcinfo).count("contracted_customers")) });

// --- period tables ---------------------------------------------------------------------------

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
        let body = summary_arg::<Activity>(arg(fcinfo, 0).expect("strict"));
        let conf = arg_f64(fcinfo, 1).expect("strict");
        check_confidence(conf).or_report();
        let (unit, zone) = series::calendar(body).or_report();
        let zc = zone_calendar(fcinfo, unit, &zone);
        let rows: Vec<Vec<Option<Datum>>> = series::activity_rows(body)
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                check_interrupts_every(i, 1024);
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
                ]
            })
            .collect();
        return_rows(fcinfo, rows)
    }
);

pg_fn!(
    /// `periods(mrr_series)`: one row per period.
    fn mrr_series_rows(fcinfo) {
        let body = summary_arg::<MrrSeries>(arg(fcinfo, 0).expect("strict"));
        let (unit, zone) = series::calendar(body).or_report();
        let zc = zone_calendar(fcinfo, unit, &zone);
        let rows: Vec<Vec<Option<Datum>>> = series::mrr_rows(body)
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                check_interrupts_every(i, 1024);
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
                ]
            })
            .collect();
        return_rows(fcinfo, rows)
    }
);
