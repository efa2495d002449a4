//! SQL glue of the cohort family: `cohort_summary` (first-time and recurring cohorts, from
//! customer histories or straight from order rows), its tables and curves, and ClickHouse's
//! `retention()` and `window_funnel()`. Declarations and `COMMENT ON` texts are in
//! `cohorts.sql`; the math is in `retention_core::orders::cohort` and `retention_core::funnel`.

use crate::glue::*;
use crate::orders::calendar::{call_calendar, zone_calendar};
use crate::orders::datum::{summary_arg, summary_state, update, word_summary_type};
use crate::orders::{decode, Scratch};
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use pgrx::{FromDatum, IntoDatum};
use retention_core::funnel::{self, Funnel, Modes};
use retention_core::interval::{check_confidence, wilson};
use retention_core::orders::cohort::{self, Cohorts};
use retention_core::orders::series;
use retention_core::varint::{self, Reader};
use retention_core::MetricError;

pgrx::extension_sql_file!("cohorts.sql", name = "cohorts", requires = ["orders"]);

word_summary_type!(
    Cohorts,
    cohort_summary_in,
    cohort_summary_out,
    cohort_summary_recv,
    cohort_summary_send,
    cohort_summary_combine,
    cohort_summary_final
);

/// The `brackets int[]` argument `i`, if the function has one.
unsafe fn brackets_arg(fcinfo: FunctionCallInfo, i: usize) -> Vec<i64> {
    if nargs(fcinfo) <= i {
        return Vec::new();
    }
    match arg(fcinfo, i) {
        None => crate::orders::calendar::null_parameter("brackets"),
        Some(d) => {
            // A 2-D array was read flat: ARRAY[[1, 2], [3, 4]] as the bounds 1, 2, 3, 4.
            let raw = pg_sys::pg_detoast_datum(d.cast_mut_ptr()) as *const pg_sys::ArrayType;
            if (*raw).ndim > 1 {
                OrReport::or_report(Err::<(), _>(MetricError::InvalidParameter(format!(
                    "brackets must be a one-dimensional array, got {} dimensions",
                    (*raw).ndim
                ))));
            }
            let a = pgrx::datum::Array::<i32>::from_datum(d, false).expect("not null");
            let mut out = Vec::with_capacity(a.len());
            for v in a.iter() {
                match v {
                    Some(v) => out.push(v as i64),
                    None => crate::orders::calendar::null_parameter("a bracket bound"),
                }
            }
            out
        }
    }
}

/// Shared transition over histories: `(state, h, granularity [, zone] [, brackets])`.
unsafe fn history_trans(fcinfo: FunctionCallInfo, recurring: bool) -> Datum {
    let state = arg(fcinfo, 0);
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
        return state.unwrap_or_else(|| ret_null(fcinfo));
    };
    let mut scratch = Scratch::new_in(current_alloc());
    let c = decode(h, &mut scratch);
    let (datum, body) = summary_state::<Cohorts>(fcinfo, state, false, || {
        cohort::new_body(unit, zone, recurring, brackets)
    });
    series::check_calendar(body, unit, zone).or_report();
    cohort::check_same_brackets(body, brackets).or_report();
    update::<Cohorts>(datum, body, |b| {
        cohort::add_customer(b, &c, &mut |ts| zc.index(ts))
    })
}

pg_fn!(fn cohort_history_trans(fcinfo) { history_trans(fcinfo, false) });
pg_fn!(fn recurring_cohort_history_trans(fcinfo) { history_trans(fcinfo, true) });

// --- reading a cohort_summary --------------------------------------------------------------

pg_fn!(
    /// `cohort_table(s, as_of, confidence)`: one row per cohort and period.
    fn cohort_table_rows(fcinfo) {
    let body = summary_arg::<Cohorts>(arg(fcinfo, 0).expect("strict"));
    let as_of = arg(fcinfo, 1).expect("strict").value() as i64;
    let conf = arg_f64(fcinfo, 2).expect("strict");
    check_confidence(conf).or_report();
    let (unit, zone) = series::calendar(body).or_report();
    let zc = zone_calendar(fcinfo, unit, &zone);
    let f = |v: Option<f64>| v.map(|v| Datum::from(v.to_bits()));
    let rows: Vec<Vec<Option<Datum>>> = cohort::cells(body)
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            check_interrupts_every(i, 1024);
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
            ]
        })
        .collect();
    return_rows(fcinfo, rows)
});

pg_fn!(
    /// `retention_curve(s, mode, as_of, confidence)`: the weighted average over matured cohorts.
    fn retention_curve_rows(fcinfo) {
    let body = summary_arg::<Cohorts>(arg(fcinfo, 0).expect("strict"));
    let mode = arg_text(arg(fcinfo, 1).expect("strict"), "mode");
    let on_or_after = match mode.trim().to_ascii_lowercase().as_str() {
        "on" => false,
        "on or after" | "on_or_after" | "unbounded" => true,
        other => report(MetricError::InvalidParameter(format!(
            "retention mode \"{other}\" is not supported: use 'on' or 'on or after'"
        ))),
    };
    let as_of = arg(fcinfo, 2).expect("strict").value() as i64;
    let conf = arg_f64(fcinfo, 3).expect("strict");
    check_confidence(conf).or_report();
    let (unit, zone) = series::calendar(body).or_report();
    let zc = zone_calendar(fcinfo, unit, &zone);
    let points = cohort::curve(body, on_or_after, &mut |_, period| zc.bounds(period).1 <= as_of);
    let rows: Vec<Vec<Option<Datum>>> = points
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
        })
        .collect();
    return_rows(fcinfo, rows)
});

pg_fn!(
    /// `bracket_retention(s, confidence)`: one row per cohort and bracket.
    fn bracket_retention_rows(fcinfo) {
    let body = summary_arg::<Cohorts>(arg(fcinfo, 0).expect("strict"));
    let conf = arg_f64(fcinfo, 1).expect("strict");
    check_confidence(conf).or_report();
    let (unit, zone) = series::calendar(body).or_report();
    let zc = zone_calendar(fcinfo, unit, &zone);
    let rows: Vec<Vec<Option<Datum>>> = cohort::brackets(body)
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
            ]
        })
        .collect();
    return_rows(fcinfo, rows)
});

pg_fn!(fn cohort_summary_is_recurring(fcinfo) {
    Datum::from(cohort::is_recurring(summary_arg::<Cohorts>(arg(fcinfo, 0).expect("strict"))))
});

// --- ClickHouse's retention() --------------------------------------------------------------

/// The `VARIADIC boolean[]` argument `i`: one entry per condition, NULL as false.
unsafe fn conditions(fcinfo: FunctionCallInfo, i: usize, function: &str) -> Vec<Option<bool>> {
    let Some(d) = arg(fcinfo, i) else {
        // 22004, as for the other NULL parameters (it was 22023).
        crate::orders::calendar::null_parameter(&format!("{function}: the conditions array"));
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

/// The running state of `window_funnel`: its parameters and the group's events.
struct FunnelState {
    window: i64,
    modes: Modes,
    n: usize,
    funnel: Funnel<PgAlloc>,
}

pg_fn!(
    /// `(state, window interval, [mode text,] ts timestamptz, VARIADIC conds boolean[])`.
    fn window_funnel_trans(fcinfo) {
        let with_mode = nargs(fcinfo) == 5;
        let Some(w) = arg(fcinfo, 1) else {
            crate::orders::calendar::null_parameter("window");
        };
        let window = arg_interval_us(w);
        if !(window.is_finite() && window >= 0.0) {
            report(MetricError::InvalidParameter("window_funnel: the window must not be negative".into()));
        }
        let window = window.min(i64::MAX as f64) as i64;
        let modes = if with_mode {
            match arg(fcinfo, 2) {
                Some(m) => Modes::parse(arg_text(m, "mode")).or_report(),
                None => crate::orders::calendar::null_parameter("mode"),
            }
        } else {
            Modes::default()
        };
        let ts_at = if with_mode { 3 } else { 2 };
        let conds = conditions(fcinfo, ts_at + 1, "window_funnel");
        let state = arg(fcinfo, 0);
        let Some(ts) = arg(fcinfo, ts_at) else {
            return state.unwrap_or_else(|| ret_null(fcinfo));
        };
        let s = match state {
            Some(d) => &mut *d.cast_mut_ptr::<FunnelState>(),
            None => {
                let ctx = agg_context(fcinfo, "window_funnel_trans");
                &mut *alloc_in(ctx, FunnelState { window, modes, n: conds.len(), funnel: Funnel::new_in(PgAlloc(ctx)) })
            }
        };
        if s.window != window || s.modes != modes || s.n != conds.len() {
            report(MetricError::InvalidParameter(
                "window_funnel: the window, the mode or the number of conditions changed within a group".into(),
            ));
        }
        s.funnel.add(ts.value() as i64, conds, modes);
        Datum::from(s as *mut FunnelState)
    }
);

pg_fn!(fn window_funnel_final(fcinfo) {
    let Some(d) = arg(fcinfo, 0) else {
        return ret_null(fcinfo);
    };
    let s = &mut *d.cast_mut_ptr::<FunnelState>();
    Datum::from(s.funnel.level(s.window, s.n, s.modes) as i32)
});

pg_fn!(fn window_funnel_serial(fcinfo) {
    let s = &*arg(fcinfo, 0).expect("strict").cast_mut_ptr::<FunnelState>();
    let mut out = vec![s.modes.to_u8(), s.n as u8];
    varint::put(&mut out, s.window as u128);
    varint::put(&mut out, s.funnel.events.len() as u128);
    for (ts, e) in s.funnel.events.iter() {
        varint::put(&mut out, varint::zigzag(*ts as i128));
        out.push(*e);
    }
    new_varlena(&out)
});

pg_fn!(fn window_funnel_deserial(fcinfo) {
    let bytes = varlena_bytes(arg(fcinfo, 0).expect("strict"));
    let bad = || MetricError::InvalidBinary("invalid partial aggregate state".into());
    let mut r = Reader::new(bytes);
    let modes = Modes::from_u8(r.byte().unwrap_or_else(|| report(bad())));
    let n = r.byte().unwrap_or_else(|| report(bad())) as usize;
    let window = r.u64().filter(|w| *w <= i64::MAX as u64).unwrap_or_else(|| report(bad())) as i64;
    let count = r.u64().unwrap_or_else(|| report(bad()));
    let ctx = agg_context(fcinfo, "window_funnel_deserial");
    let s = alloc_in(ctx, FunnelState { window, modes, n, funnel: Funnel::new_in(PgAlloc(ctx)) });
    for _ in 0..count {
        let ts = r.i64().unwrap_or_else(|| report(bad()));
        let e = r.byte().filter(|e| (*e as usize) <= n).unwrap_or_else(|| report(bad()));
        (*s).funnel.events.push((ts, e));
    }
    if !r.at_end() || n == 0 || n > funnel::MAX_CONDITIONS {
        report(bad());
    }
    Datum::from(s)
});

pg_fn!(fn window_funnel_combine(fcinfo) {
    let (a, b) = (arg(fcinfo, 0), arg(fcinfo, 1));
    let (Some(a), Some(b)) = (a, b) else {
        return a.or(b).unwrap_or_else(|| ret_null(fcinfo));
    };
    let _ = agg_context(fcinfo, "window_funnel_combine");
    let (x, y) = (&mut *a.cast_mut_ptr::<FunnelState>(), &*b.cast_mut_ptr::<FunnelState>());
    if x.window != y.window || x.modes != y.modes || x.n != y.n {
        report(MetricError::InvalidParameter("window_funnel: states of different parameters".into()));
    }
    x.funnel.events.extend_from_slice(&y.funnel.events);
    a
});

// --- one step: cohorts straight from order rows -----------------------------------------------

pg_fn!(fn cohort_by_id_final(fcinfo) {
    crate::orders::onestep::table_final::<Cohorts>(fcinfo, |u, z| cohort::new_body(u, z, false, &[]), cohort::add_customer)
});
pg_fn!(fn recurring_cohort_by_id_final(fcinfo) {
    crate::orders::onestep::table_final::<Cohorts>(fcinfo, |u, z| cohort::new_body(u, z, true, &[]), cohort::add_customer)
});
