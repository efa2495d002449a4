//! Retention and churn over one period against the previous one: the `retention_summary`
//! type, `retention_agg` over histories, its read-outs, and the one-step `retention_rate`,
//! `churn_rate` and `retention_agg(customer_id, ...)` (`retention_core::orders::retention`;
//! SQL in `retention.sql`).

use super::onestep::{flushed, id_and_time, onestep_state, Flags};
use super::with_history;
use crate::pg::*;
use pgrx::pg_sys::FunctionCallInfo;
use retention_core::orders::ids::{bad_state, IdMap};
use retention_core::orders::onestep::Params;
use retention_core::orders::retention::{self, Retention, RetentionRef, Window};

pgrx::extension_sql_file!("retention.sql", name = "retention", requires = ["onestep"]);

type_io!(Words<Retention>: retention_summary_in, retention_summary_out, retention_summary_recv, retention_summary_send);
pg_fn!(fn retention_summary_combine(fcinfo) { words_combine::<Retention>(fcinfo) });
pg_fn!(fn retention_summary_final(fcinfo) { words_final::<Retention>(fcinfo) });

/// The period arguments `i` and `i + 1` (validated on every row, so a bad period is an
/// error even where every history is NULL).
unsafe fn window_args(fcinfo: FunctionCallInfo, i: usize) -> Window {
    let ps = arg(fcinfo, i).unwrap_or_else(|| null_parameter("period_start"));
    let pe = arg(fcinfo, i + 1).unwrap_or_else(|| null_parameter("period_end"));
    Window::new(ps.value() as i64, pe.value() as i64).or_report()
}

pg_fn!(
    /// `retention_agg(h, period_start, period_end)`.
    fn retention_history_trans(fcinfo) {
        let w = window_args(fcinfo, 2);
        let Some(h) = arg(fcinfo, 1) else {
            return skip_row(fcinfo);
        };
        with_history(h, |c| {
            let state = arg(fcinfo, 0);
            let (datum, body) = word_state::<Retention>(fcinfo, state, false, || Ok(retention::new_body(&w)));
            retention::check_window(body, &w).or_report();
            retention::add_flags(body, retention::flags_of(&w, c)).or_report();
            datum
        })
    }
);

// --- read-outs -------------------------------------------------------------------------------

unsafe fn retention_ref<'a>(fcinfo: FunctionCallInfo) -> RetentionRef<'a> {
    RetentionRef(words_arg0::<Retention>(fcinfo))
}

pg_fn!(fn retention_summary_rate(fcinfo) { ret_f64(fcinfo, retention_ref(fcinfo).retention_rate()) });
pg_fn!(fn retention_summary_churn(fcinfo) { ret_f64(fcinfo, retention_ref(fcinfo).churn_rate()) });
pg_fn!(fn retention_summary_ci(fcinfo) {
    let iv = retention_ref(fcinfo).retention_ci(confidence_arg(fcinfo, 1)).or_report();
    ret_interval(fcinfo, iv)
});
pg_fn!(fn retention_summary_churn_ci(fcinfo) {
    let iv = retention_ref(fcinfo).churn_ci(confidence_arg(fcinfo, 1)).or_report();
    ret_interval(fcinfo, iv)
});
pg_fn!(fn retention_summary_customers_start(fcinfo) { ret_count(retention_ref(fcinfo).customers_start()) });
pg_fn!(fn retention_summary_retained(fcinfo) { ret_count(retention_ref(fcinfo).retained()) });
pg_fn!(fn retention_summary_churned(fcinfo) { ret_count(retention_ref(fcinfo).churned()) });
pg_fn!(fn retention_summary_new(fcinfo) { ret_count(retention_ref(fcinfo).new_customers()) });
pg_fn!(fn retention_summary_reactivated(fcinfo) { ret_count(retention_ref(fcinfo).reactivated()) });
pg_fn!(fn retention_summary_customers_end(fcinfo) { ret_count(retention_ref(fcinfo).customers_end()) });

// --- one step ----------------------------------------------------------------------------------

internal_state!(Flags: retention_by_id_serial, retention_by_id_deserial, retention_by_id_combine);

pg_fn!(
    /// `(state, customer_id, ordered_at, period_start, period_end)`: a customer keeps the
    /// OR of its orders' flags; orders after the period are not kept at all.
    fn retention_by_id_trans(fcinfo) {
        let w = window_args(fcinfo, 3);
        let Some((id, ts)) = id_and_time(fcinfo) else {
            return skip_row(fcinfo);
        };
        let (d, s) = onestep_state::<IdMap<u8, PgAlloc>>(fcinfo, Params::Window(w), "retention_by_id_trans");
        let flag = retention::flag_of(&w, ts);
        if flag != 0 {
            s.data.add(key_of(id, s.id), flag, 0).or_report();
        }
        d
    }
);

/// The summary of a one-step state, or `None` for a group without customers.
unsafe fn retention_body(fcinfo: FunctionCallInfo) -> Option<Vec<u64>> {
    let s = flushed::<u8>(fcinfo)?;
    let Params::Window(w) = s.params else {
        report(bad_state());
    };
    Some(retention::body_of_flags(&w, s.data.iter().map(|(_, f)| *f)).or_report())
}

pg_fn!(fn retention_by_id_final(fcinfo) {
    match retention_body(fcinfo) {
        Some(b) => words_datum::<Retention>(&b),
        None => ret_null(fcinfo),
    }
});
pg_fn!(fn retention_rate_by_id_final(fcinfo) {
    ret_f64(fcinfo, retention_body(fcinfo).and_then(|b| RetentionRef(&b).retention_rate()))
});
pg_fn!(fn churn_rate_by_id_final(fcinfo) {
    ret_f64(fcinfo, retention_body(fcinfo).and_then(|b| RetentionRef(&b).churn_rate()))
});

// The same functions as 0.3.0 declares them, returning named composite types (release
// 0.2.0's catalog calls the symbols above with OUT parameters; `ret_record` follows the
// declaration).
pg_fn!(fn retention_summary_ci_typed = retention_summary_ci;);
pg_fn!(fn retention_summary_churn_ci_typed = retention_summary_churn_ci;);
