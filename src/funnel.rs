//! ClickHouse's behavioural aggregates with ClickHouse's semantics: `retention(cond1, ...)`
//! and `window_funnel(window, [mode,] ts, cond1, ...)` (`retention_core::funnel`; SQL in
//! `funnel.sql`).

use crate::pg::*;
use pgrx::datum::TimestampWithTimeZone;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use pgrx::{FromDatum, IntoDatum};
use retention_core::funnel::{self, FunnelState, Modes, StepTable};
use retention_core::{MetricError, Result};

pgrx::extension_sql_file!(
    "funnel.sql",
    name = "funnel",
    requires = ["formulas", "state_types"]
);

// --- ClickHouse's retention() --------------------------------------------------------------

/// The `VARIADIC boolean[]` argument `i`: one entry per condition, NULL as false.
unsafe fn conditions(fcinfo: FunctionCallInfo, i: usize, function: &str) -> Vec<Option<bool>> {
    let Some(d) = arg(fcinfo, i) else {
        // 22004, as for the other NULL parameters (it was 22023).
        null_parameter(&format!("{function}: the conditions array"));
    };
    let a = pgrx::datum::Array::<bool>::from_datum(d, false).expect("not null");
    let conds: Vec<Option<bool>> = a.iter().collect();
    funnel::check_conditions(conds.len(), function).or_report();
    conds
}

pg_fn!(
    /// `(state bigint, VARIADIC conds boolean[])`.
    fn retention_trans(fcinfo) {
        let conds = conditions(fcinfo, 1, "retention");
        let state = arg(fcinfo, 0).map(|d| d.value() as u64).unwrap_or(funnel::retention_state(conds.len()));
        if state >> 32 != conds.len() as u64 {
            report(MetricError::InvalidParameter(
                "retention: the number of conditions changed within a group".into(),
            ));
        }
        Datum::from(funnel::retention_add(state, conds) as i64)
    }
);

pg_fn!(fn retention_combine(fcinfo) {
    let (a, b) = (arg(fcinfo, 0).expect("strict").value() as u64, arg(fcinfo, 1).expect("strict").value() as u64);
    Datum::from(funnel::retention_merge(a, b).or_report() as i64)
});

pg_fn!(fn retention_final(fcinfo) {
    let state = arg(fcinfo, 0).expect("strict").value() as u64;
    funnel::retention_result(state).into_datum().expect("an array")
});

// --- ClickHouse's windowFunnel() -------------------------------------------------------------

type State = FunnelState<PgAlloc>;

impl AggState for State {
    const DROP: bool = false;
    fn write(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        FunnelState::write(self, &mut out);
        out
    }
    fn read(bytes: &[u8], alloc: PgAlloc) -> Result<Self> {
        FunnelState::read(bytes, alloc)
    }
    fn absorb(&mut self, other: &mut Self) -> Result<()> {
        self.merge(other)
    }
}

internal_state!(State: window_funnel_serial, window_funnel_deserial, window_funnel_combine);
expanded_state!(State, "window_funnel_state": window_funnel_state_in, window_funnel_state_out,
    window_funnel_state_recv, window_funnel_state_send, window_funnel_state_combine);

/// `(state, window interval, [mode text,] ts timestamptz, VARIADIC conds boolean[])`.
unsafe fn window_funnel_add<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    let with_mode = nargs(fcinfo) == 5;
    let Some(w) = arg(fcinfo, 1) else {
        null_parameter("window");
    };
    let window = arg_interval_us(w);
    if !(window.is_finite() && window >= 0.0) {
        report(MetricError::InvalidParameter(
            "window_funnel: the window must not be negative".into(),
        ));
    }
    let window = window.min(i64::MAX as f64) as i64;
    let modes = if with_mode {
        match arg(fcinfo, 2) {
            Some(m) => Modes::parse(arg_text(m, "mode")).or_report(),
            None => null_parameter("mode"),
        }
    } else {
        Modes::default()
    };
    let ts_at = if with_mode { 3 } else { 2 };
    let conds = conditions(fcinfo, ts_at + 1, "window_funnel");
    let Some(ts) = arg(fcinfo, ts_at) else {
        return skip_row(fcinfo);
    };
    let n = conds.len();
    let (d, s) = P::state(fcinfo, "window_funnel_trans", |alloc| {
        State::new_in(window, modes, n, alloc)
    });
    s.check_same(window, modes, n).or_report();
    s.funnel.add(ts.value() as i64, conds, modes);
    d
}
placed!(window_funnel_add: window_funnel_trans, window_funnel_state_trans);

unsafe fn window_funnel_level<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    match P::final_state::<State>(fcinfo) {
        Some(s) => Datum::from(s.level() as i32),
        None => ret_null(fcinfo),
    }
}
placed!(window_funnel_level: window_funnel_final, window_funnel_state_final);

pg_fn!(
    /// `window_funnel_steps(...)`: the times of the steps of the deepest chain.
    fn window_funnel_state_steps(fcinfo) {
        let Some(s) = Expanded::final_state::<State>(fcinfo) else {
            return ret_null(fcinfo);
        };
        let times: Vec<TimestampWithTimeZone> = s
            .steps()
            .into_iter()
            .map(|t| TimestampWithTimeZone::try_from(t).expect("the time of a row"))
            .collect();
        times.into_datum().expect("an array")
    }
);

// --- the funnel's step table -----------------------------------------------------------------

binary_state!(StepTable);
expanded_state!(StepTable, "funnel_table_state": funnel_table_state_in, funnel_table_state_out,
    funnel_table_state_recv, funnel_table_state_send, funnel_table_state_combine);

pg_fn!(
    /// `funnel_table(step_times timestamptz[], steps integer [, confidence])`: a NULL array
    /// is skipped.
    fn funnel_table_state_trans(fcinfo) {
        let steps = required_i32(fcinfo, 2, "steps");
        let confidence = match nargs(fcinfo) {
            4 => arg_f64(fcinfo, 3).unwrap_or_else(|| null_parameter("confidence")),
            _ => 0.95,
        };
        let Some(d) = arg(fcinfo, 1) else {
            return skip_row(fcinfo);
        };
        let (datum, t) = Expanded::state(fcinfo, "funnel_table_trans", |_| {
            StepTable::new(steps, confidence).or_report()
        });
        t.check_same(steps, confidence).or_report();
        let times: Vec<i64> = pgrx::datum::Array::<TimestampWithTimeZone>::from_datum(d, false)
            .expect("not null")
            .iter()
            .map(|t| t.map_or_else(|| null_parameter("funnel_table: a step time"), i64::from))
            .collect();
        t.add(&times).or_report();
        datum
    }
);

pg_fn!(
    /// `funnel_table(...)`'s rows, as an array of `funnel_step`.
    fn funnel_table_state_final(fcinfo) {
        let Some(t) = Expanded::final_state::<StepTable>(fcinfo) else {
            return ret_null(fcinfo);
        };
        let f = |v: Option<f64>| v.map(|v| Datum::from(v.to_bits()));
        let rows = t.rows().or_report().into_iter().map(|r| {
            vec![
                Some(Datum::from(r.step as i32)),
                Some(ret_count(r.users)),
                f(r.conversion),
                f(r.conversion_ci.map(|c| c.lower)),
                f(r.conversion_ci.map(|c| c.upper)),
                f(r.step_conversion),
                f(r.step_conversion_ci.map(|c| c.lower)),
                f(r.step_conversion_ci.map(|c| c.upper)),
                r.drop_off.map(ret_count),
                r.mean_time.map(|us| interval_datum(us)),
                r.median_time.map(|us| interval_datum(us)),
            ]
        });
        ret_composite_array(fcinfo, rows.collect::<Vec<_>>())
    }
);
