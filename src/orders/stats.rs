//! Population figures of a set of customers: the `customer_stats` type,
//! `customer_stats_agg` over histories, its read-outs (repeat purchase, orders, revenue,
//! profit, gaps, historic CLV), and the one-step forms from order rows
//! (`repeat_purchase_rate`, the gap aggregates, `customer_stats_agg(customer_id, ...)`)
//! (`retention_core::orders::stats`; SQL in `stats.sql`).

use super::onestep::{each_customer, flushed, id_and_time, onestep_state, Counts, Orders, Spans};
use super::with_history;
use crate::pg::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::decimal::Dec;
use retention_core::orders::ids::{mean_gap_of, IdMap, Span};
use retention_core::orders::onestep::Params;
use retention_core::orders::stats::{self, repeat_rate_of, Stats, StatsRef};

pgrx::extension_sql_file!("stats.sql", name = "stats", requires = ["onestep"]);

type_io!(Words<Stats>: customer_stats_in, customer_stats_out, customer_stats_recv, customer_stats_send);
pg_fn!(fn customer_stats_combine(fcinfo) { words_combine::<Stats>(fcinfo) });
pg_fn!(fn customer_stats_final(fcinfo) { words_final::<Stats>(fcinfo) });

pg_fn!(
    /// `customer_stats_agg(h)`.
    fn customer_stats_history_trans(fcinfo) {
        let Some(h) = arg(fcinfo, 1) else {
            return skip_row(fcinfo);
        };
        with_history(h, |c| {
            let (datum, body) = word_state::<Stats>(fcinfo, arg(fcinfo, 0), false, || Ok(stats::new_body()));
            update::<Stats>(datum, body, |b| stats::add_customer(b, c))
        })
    }
);

// --- read-outs -------------------------------------------------------------------------------

unsafe fn stats_ref<'a>(fcinfo: FunctionCallInfo) -> StatsRef<'a> {
    StatsRef(words_arg0::<Stats>(fcinfo))
}

/// Revenue, or NULL without a single known amount (as `sum(amount)` is).
fn revenue_of(s: &StatsRef<'_>) -> Option<Dec> {
    (s.priced_orders() > 0).then(|| s.revenue())
}

pg_fn!(fn stats_customers(fcinfo) { ret_count(stats_ref(fcinfo).customers()) });
pg_fn!(fn stats_repeat_customers(fcinfo) { ret_count(stats_ref(fcinfo).repeat_customers()) });
pg_fn!(fn stats_repeat_purchase_rate(fcinfo) { ret_f64(fcinfo, stats_ref(fcinfo).repeat_purchase_rate()) });
pg_fn!(fn stats_repeat_purchase_ci(fcinfo) {
    let iv = stats_ref(fcinfo).repeat_purchase_ci(confidence_arg(fcinfo, 1)).or_report();
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

// --- one step ----------------------------------------------------------------------------------

internal_state!(Counts: count_by_id_serial, count_by_id_deserial, count_by_id_combine);
internal_state!(Spans: span_by_id_serial, span_by_id_deserial, span_by_id_combine);

pg_fn!(
    /// `(state, customer_id)`: an order is a row.
    fn count_by_id_trans(fcinfo) {
        let Some(id) = arg(fcinfo, 1) else {
            return skip_row(fcinfo);
        };
        let (d, s) = onestep_state::<IdMap<u64, PgAlloc>>(fcinfo, Params::None, "count_by_id_trans");
        s.data.add(key_of(id, s.id), 1, 0).or_report();
        d
    }
);

pg_fn!(
    /// `(state, customer_id, ordered_at)`.
    fn span_by_id_trans(fcinfo) {
        let Some((id, ts)) = id_and_time(fcinfo) else {
            return skip_row(fcinfo);
        };
        let (d, s) = onestep_state::<IdMap<Span, PgAlloc>>(fcinfo, Params::None, "span_by_id_trans");
        s.data.add(key_of(id, s.id), Span::of(ts), Span::ZERO).or_report();
        d
    }
);

pg_fn!(
    /// repeat customers / customers, computed as `repeat_purchase_rate(customer_stats)` does.
    fn repeat_rate_by_id_final(fcinfo) {
        let rate = flushed::<u64>(fcinfo).and_then(|s| repeat_rate_of(s.data.iter().map(|(_, n)| *n)));
        ret_f64(fcinfo, rate)
    }
);

pg_fn!(
    /// The pooled mean gap, as `avg_time_between_purchases(customer_stats)` computes it.
    fn avg_gap_by_id_final(fcinfo) {
        let gap = flushed::<Span>(fcinfo).and_then(|s| mean_gap_of(s.data.iter().map(|(_, v)| v)));
        ret_interval_us(fcinfo, gap)
    }
);

unsafe fn stats_body(fcinfo: FunctionCallInfo) -> Option<Vec<u64>> {
    let s = final_state::<Orders>(fcinfo)?;
    let mut body = stats::new_body();
    each_customer(s, |c| {
        update_owned(&mut body, |b| stats::add_customer(b, c))
    });
    Some(body)
}

pg_fn!(fn stats_by_id_final(fcinfo) {
    match stats_body(fcinfo) {
        Some(b) => final_words::<Stats>(&b),
        None => ret_null(fcinfo),
    }
});
pg_fn!(fn median_gap_by_id_final(fcinfo) {
    ret_interval_us(fcinfo, stats_body(fcinfo).and_then(|b| StatsRef(&b).median_gap()))
});

// The same functions as 0.3.0 declares them, returning named composite types (release
// 0.2.0's catalog calls the symbols above with OUT parameters; `ret_record` follows the
// declaration).
pg_fn!(fn stats_repeat_purchase_ci_typed = stats_repeat_purchase_ci;);
