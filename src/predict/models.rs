//! The customer-base models: `bgnbd_fit`, `gamma_gamma_fit` and `sbg_fit`, the
//! `bgnbd_model`, `gamma_gamma_model` and `sbg_model` types, their parameters, fit
//! information and predictions, and `clv` (`retention_core::predict::{bgnbd, gamma_gamma,
//! sbg, clv}`; SQL in `models.sql`).
//!
//! A model is stored as its canonical text form (`pg::Text`); read-outs parse it once per
//! call site (`pg::cached`). The fits keep `internal` states (a histogram of distinct RFM
//! rows, a cohort's survivors) as Rust values dropped with the aggregate's memory context,
//! on error too; partial states travel as the states' own versioned binary forms.

use crate::pg::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::predict::FitInfo;
use retention_core::predict::bgnbd::{self, BgNbd};
use retention_core::predict::clv;
use retention_core::predict::gamma_gamma::{self, GammaGamma};
use retention_core::predict::rfm::{FitState, Histogram};
use retention_core::predict::sbg::{self, Cohort, Sbg};
use retention_core::{MetricError, Result};

pgrx::extension_sql_file!(
    "models.sql",
    name = "models",
    requires = ["rfm", "state_types"]
);

text_form!(BgNbd, bgnbd::TYPE_NAME);
text_form!(GammaGamma, gamma_gamma::TYPE_NAME);
text_form!(Sbg, sbg::TYPE_NAME);
type_io!(Text<BgNbd>: bgnbd_model_in, bgnbd_model_out, bgnbd_model_recv, bgnbd_model_send);
type_io!(Text<GammaGamma>: gamma_gamma_model_in, gamma_gamma_model_out, gamma_gamma_model_recv, gamma_gamma_model_send);
type_io!(Text<Sbg>: sbg_model_in, sbg_model_out, sbg_model_recv, sbg_model_send);

// --- fits ------------------------------------------------------------------------------------

binary_state!(FitState);
binary_state!(Cohort);

internal_state!(FitState: rfm_fit_serial, rfm_fit_deserial, rfm_fit_combine);
internal_state!(Cohort: sbg_fit_serial, sbg_fit_deserial, sbg_fit_combine);
expanded_state!(FitState, "rfm_fit_state": rfm_fit_state_in, rfm_fit_state_out, rfm_fit_state_recv,
    rfm_fit_state_send, rfm_fit_state_combine);
expanded_state!(Cohort, "sbg_fit_state": sbg_fit_state_in, sbg_fit_state_out, sbg_fit_state_recv,
    sbg_fit_state_send, sbg_fit_state_combine);

/// The state and the float arguments `1..=n` of a transition call, or `None` (the row is
/// skipped) when one of them is NULL.
unsafe fn floats<const N: usize>(fcinfo: FunctionCallInfo) -> Option<[f64; N]> {
    let mut out = [0.0; N];
    for (i, v) in out.iter_mut().enumerate() {
        *v = arg_f64(fcinfo, i + 1)?;
    }
    Some(out)
}

/// The penalizer argument `i` when the call has it: not NULL, finite and >= 0.
unsafe fn penalizer_arg(fcinfo: FunctionCallInfo, i: usize) -> Option<f64> {
    if nargs(fcinfo) <= i {
        return None;
    }
    let p = arg_f64(fcinfo, i).unwrap_or_else(|| null_parameter("penalizer"));
    if !(p.is_finite() && p >= 0.0) {
        report(MetricError::InvalidParameter(format!(
            "penalizer must be a finite number >= 0, got {}",
            // as PostgreSQL spells it (Infinity, not inf)
            retention_core::formulas::show(p)
        )));
    }
    Some(p)
}

/// `bgnbd_fit(frequency, recency, T [, penalizer])`: one customer.
unsafe fn bgnbd_fit_add<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    let Some([x, t_x, t]) = floats::<3>(fcinfo) else {
        return skip_row(fcinfo);
    };
    let p = penalizer_arg(fcinfo, 4);
    let (datum, s) = P::state(fcinfo, "bgnbd_fit_trans", |_| FitState::default());
    s.set_penalizer(p).or_report();
    s.hist.add(x, t_x, t).or_report();
    datum
}
placed!(bgnbd_fit_add: bgnbd_fit_trans, bgnbd_fit_state_trans);

/// `gamma_gamma_fit(frequency, monetary_value [, penalizer])`: one customer; customers
/// without repeat purchases carry no information on spend and are skipped.
unsafe fn gamma_gamma_fit_add<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    let Some([x, m]) = floats::<2>(fcinfo) else {
        return skip_row(fcinfo);
    };
    let p = penalizer_arg(fcinfo, 3);
    let (datum, s) = P::state(fcinfo, "gamma_gamma_fit_trans", |_| FitState::default());
    s.set_penalizer(p).or_report();
    if x != 0.0 {
        // The spend model reads frequency and spend only; recency and T are placeholders
        // that pass the histogram's checks (0 <= recency <= T, T > 0).
        s.hist.add_with_monetary(x, 0.0, 1.0, m).or_report();
    }
    datum
}
placed!(gamma_gamma_fit_add: gamma_gamma_fit_trans, gamma_gamma_fit_state_trans);

/// `sbg_fit(period, alive)`: customers of the cohort alive at the start of a period.
unsafe fn sbg_fit_add<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    let (Some(p), Some(n)) = (arg(fcinfo, 1), arg(fcinfo, 2)) else {
        return skip_row(fcinfo);
    };
    let (datum, s) = P::state(fcinfo, "sbg_fit_trans", |_| Cohort::default());
    s.add(i64::from(p.value() as i32), n.value() as i64)
        .or_report();
    datum
}
placed!(sbg_fit_add: sbg_fit_trans, sbg_fit_state_trans);

/// A DEBUG1 message as a fit starts (`SET client_min_messages = debug1` shows it): how
/// much it has to do. The cancellation test also times its interrupts from it.
fn announce_fit(aggregate: &str, rows: usize, customers: u64) {
    pgrx::debug1!("{aggregate}: fitting {rows} distinct rows of {customers} customers");
}

/// The final function of an RFM fit: the fitted model, or NULL without customers.
unsafe fn fit_final<P: Placement, T: TextForm>(
    fcinfo: FunctionCallInfo,
    aggregate: &str,
    fit: fn(&Histogram, f64) -> Result<T>,
) -> Datum {
    match P::final_state::<FitState>(fcinfo) {
        Some(s) if !s.hist.is_empty() => {
            announce_fit(aggregate, s.hist.len(), s.hist.customers());
            text_form_datum(&fit(&s.hist, s.penalizer.unwrap_or(0.0)).or_report())
        }
        _ => ret_null(fcinfo),
    }
}

unsafe fn bgnbd_fit_model<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    fit_final::<P, _>(fcinfo, "bgnbd_fit", bgnbd::fit)
}
placed!(bgnbd_fit_model: bgnbd_fit_final, bgnbd_fit_state_final);
unsafe fn gamma_gamma_fit_model<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    fit_final::<P, _>(fcinfo, "gamma_gamma_fit", gamma_gamma::fit)
}
placed!(gamma_gamma_fit_model: gamma_gamma_fit_final, gamma_gamma_fit_state_final);

unsafe fn sbg_fit_model<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    match P::final_state::<Cohort>(fcinfo) {
        Some(c) => text_form_datum(&sbg::fit(c).or_report()),
        None => ret_null(fcinfo),
    }
}
placed!(sbg_fit_model: sbg_fit_final, sbg_fit_state_final);

// --- read-outs ------------------------------------------------------------------------------

/// Float argument `i` (read-outs are strict).
unsafe fn f(fcinfo: FunctionCallInfo, i: usize) -> f64 {
    arg_f64(fcinfo, i).expect("strict")
}

unsafe fn ret(fcinfo: FunctionCallInfo, v: Result<f64>) -> Datum {
    ret_f64(fcinfo, Some(v.or_report()))
}

/// The record `(log_likelihood, customers, distinct_rows, iterations, converged, penalizer)`.
unsafe fn ret_fit_info(fcinfo: FunctionCallInfo, i: &FitInfo) -> Datum {
    ret_record(
        fcinfo,
        &[
            Some(Datum::from(i.log_likelihood.to_bits())),
            Some(ret_count(i.customers)),
            Some(ret_count(i.rows)),
            Some(Datum::from(i.iterations as i32)),
            Some(Datum::from(i.converged)),
            Some(Datum::from(i.penalizer.to_bits())),
        ],
    )
}

unsafe fn ret_floats(fcinfo: FunctionCallInfo, vs: &[f64]) -> Datum {
    let row: Vec<Option<Datum>> = vs.iter().map(|v| Some(Datum::from(v.to_bits()))).collect();
    ret_record(fcinfo, &row)
}

pg_fn!(fn bgnbd_parameters(fcinfo) {
    let m = stored_arg0::<BgNbd>(fcinfo);
    ret_floats(fcinfo, &[m.r, m.alpha, m.a, m.b])
});
pg_fn!(fn gamma_gamma_parameters(fcinfo) {
    let m = stored_arg0::<GammaGamma>(fcinfo);
    ret_floats(fcinfo, &[m.p, m.q, m.v])
});
pg_fn!(fn sbg_parameters(fcinfo) {
    let m = stored_arg0::<Sbg>(fcinfo);
    ret_floats(fcinfo, &[m.alpha, m.beta])
});
pg_fn!(fn bgnbd_fit_info(fcinfo) { ret_fit_info(fcinfo, &stored_arg0::<BgNbd>(fcinfo).fit) });
pg_fn!(fn gamma_gamma_fit_info(fcinfo) { ret_fit_info(fcinfo, &stored_arg0::<GammaGamma>(fcinfo).fit) });
pg_fn!(fn sbg_fit_info(fcinfo) { ret_fit_info(fcinfo, &stored_arg0::<Sbg>(fcinfo).fit) });

pg_fn!(
    /// `expected_purchases(m, t, frequency, recency, T)` or, for a new customer,
    /// `expected_purchases(m, t)`.
    fn bgnbd_expected_purchases(fcinfo) {
        let m = stored_arg0::<BgNbd>(fcinfo);
        let t = f(fcinfo, 1);
        if nargs(fcinfo) > 2 {
            ret(fcinfo, m.conditional_expected_number_of_purchases_up_to_time(t, f(fcinfo, 2), f(fcinfo, 3), f(fcinfo, 4)))
        } else {
            ret(fcinfo, m.expected_number_of_purchases_up_to_time(t))
        }
    }
);
pg_fn!(fn bgnbd_probability_alive(fcinfo) {
    let m = stored_arg0::<BgNbd>(fcinfo);
    ret(fcinfo, m.conditional_probability_alive(f(fcinfo, 1), f(fcinfo, 2), f(fcinfo, 3)))
});
pg_fn!(fn bgnbd_probability_of_purchases(fcinfo) {
    let m = stored_arg0::<BgNbd>(fcinfo);
    let n = arg(fcinfo, 2).expect("strict").value() as i32;
    let n = u64::try_from(n).map_err(|_| MetricError::InvalidParameter(format!(
        "the number of purchases must be >= 0, got {n}"
    ))).or_report();
    ret(fcinfo, m.probability_of_n_purchases_up_to_time(f(fcinfo, 1), n))
});
pg_fn!(
    /// `expected_average_spend(m, frequency, monetary_value)` or, for the population,
    /// `expected_average_spend(m)`.
    fn gamma_gamma_expected_spend(fcinfo) {
        let m = stored_arg0::<GammaGamma>(fcinfo);
        if nargs(fcinfo) > 1 {
            ret(fcinfo, m.conditional_expected_average_profit(f(fcinfo, 1), f(fcinfo, 2)))
        } else {
            ret(fcinfo, m.population_mean_spend())
        }
    }
);
pg_fn!(
    /// `clv(bgnbd, gamma_gamma, frequency, recency, T, monetary_value, months,
    /// monthly_discount, periods_per_month)`.
    fn predicted_clv(fcinfo) {
        // The models, and the memo of each (frequency, recency, T)'s discounted purchases
        // (64k entries, a few MB), live as long as the call site.
        let (b, g, memo) = cached(fcinfo, &[0, 1], |p| {
            Ok((
                parse_text_form::<BgNbd>(p[0])?,
                parse_text_form::<GammaGamma>(p[1])?,
                std::cell::RefCell::new(clv::PurchasesMemo::new(1 << 16)),
            ))
        });
        let (x, t_x, age, m) = (f(fcinfo, 2), f(fcinfo, 3), f(fcinfo, 4), f(fcinfo, 5));
        let months = i64::from(arg(fcinfo, 6).expect("strict").value() as i32);
        let horizon = clv::Horizon::new(months, f(fcinfo, 7), f(fcinfo, 8)).or_report();
        // Spend first: its argument errors (m <= 0 with x > 0, ...) come before the history's.
        let spend = g.conditional_expected_average_profit(x, m).or_report();
        let purchases = memo.borrow_mut().get(b, x, t_x, age, &horizon);
        ret(fcinfo, purchases.map(|p| spend * p))
    }
);
pg_fn!(fn sbg_survival(fcinfo) { ret(fcinfo, stored_arg0::<Sbg>(fcinfo).survival(f(fcinfo, 1))) });
pg_fn!(fn sbg_retention_rate(fcinfo) { ret(fcinfo, stored_arg0::<Sbg>(fcinfo).retention_rate(f(fcinfo, 1))) });
pg_fn!(fn sbg_churn_probability(fcinfo) {
    let t = arg(fcinfo, 1).expect("strict").value() as i32;
    ret(fcinfo, stored_arg0::<Sbg>(fcinfo).churn_probability(i64::from(t)))
});

// The same functions as 0.3.0 declares them, returning named composite types (release
// 0.2.0's catalog calls the symbols above with OUT parameters; `ret_record` follows the
// declaration).
pg_fn!(fn bgnbd_parameters_typed = bgnbd_parameters;);
pg_fn!(fn gamma_gamma_parameters_typed = gamma_gamma_parameters;);
pg_fn!(fn sbg_parameters_typed = sbg_parameters;);
pg_fn!(fn bgnbd_fit_info_typed = bgnbd_fit_info;);
pg_fn!(fn gamma_gamma_fit_info_typed = gamma_gamma_fit_info;);
pg_fn!(fn sbg_fit_info_typed = sbg_fit_info;);
