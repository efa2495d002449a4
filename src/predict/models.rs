//! The fitted-model types (`bgnbd_model`, `gamma_gamma_model`, `sbg_model`) and the
//! `survival_curve` type, the aggregates that build them, and their read-outs.
//!
//! A model or curve is stored as its text form (canonical: what the output function
//! prints), so the stored bytes, the text and the binary forms are one thing; read-outs
//! parse it once per call site and keep it in `fn_extra` while the argument's bytes stay
//! the same (a model is nearly always one value joined to every customer row).
//!
//! The fitting aggregates keep `internal` states (a histogram of distinct RFM rows, a
//! cohort's survivors, durations with event counts) as Rust values owned by the aggregate's
//! memory context: `leak_and_drop_on_delete` drops them when PostgreSQL resets or deletes
//! the context, on error too. Partial states travel as the states' own versioned binary
//! forms.

use crate::glue::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use pgrx::PgMemoryContexts;
use retention_core::predict::bgnbd::{self, BgNbd};
use retention_core::predict::clv;
use retention_core::predict::gamma_gamma::{self, GammaGamma};
use retention_core::predict::rfm::Histogram;
use retention_core::predict::sbg::{self, Cohort, Sbg};
use retention_core::predict::survival::{self, KaplanMeier};
use retention_core::predict::FitInfo;
use retention_core::{MetricError, Result};

// --- aggregate states ---------------------------------------------------------------------

/// An `internal` aggregate state: mergeable, with a binary form for partial aggregation.
trait State: Default + 'static {
    fn merge(&mut self, other: &Self) -> Result<()>;
    fn serialize(&self) -> Vec<u8>;
    fn deserialize(bytes: &[u8]) -> Result<Self>;
}

/// The state of `bgnbd_fit` and `gamma_gamma_fit`: the histogram and the penalizer the rows
/// gave (the same on every row).
#[derive(Default)]
struct RfmFit {
    hist: Histogram,
    penalizer: Option<f64>,
}

impl RfmFit {
    fn set_penalizer(&mut self, p: Option<f64>) -> Result<()> {
        match (self.penalizer, p) {
            (_, None) => Ok(()),
            (None, Some(p)) => {
                self.penalizer = Some(p);
                Ok(())
            }
            (Some(a), Some(b)) if a.to_bits() == b.to_bits() => Ok(()),
            (Some(a), Some(b)) => Err(MetricError::InvalidParameter(format!(
                "the penalizer must be the same on every row of a fit, got {} and {}",
                retention_core::formulas::show(a),
                retention_core::formulas::show(b)
            ))),
        }
    }
}

impl State for RfmFit {
    fn merge(&mut self, other: &Self) -> Result<()> {
        self.set_penalizer(other.penalizer)?;
        self.hist.merge(&other.hist)
    }
    fn serialize(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self.penalizer {
            Some(p) => {
                out.push(1);
                out.extend_from_slice(&p.to_le_bytes());
            }
            None => out.push(0),
        }
        out.extend_from_slice(&self.hist.serialize());
        out
    }
    fn deserialize(bytes: &[u8]) -> Result<Self> {
        let bad = || MetricError::InvalidBinary("invalid partial aggregate state".into());
        let (penalizer, rest) = match bytes.split_first() {
            Some((0, rest)) => (None, rest),
            Some((1, rest)) if rest.len() >= 8 => {
                let (p, rest) = rest.split_at(8);
                (
                    Some(f64::from_le_bytes(p.try_into().map_err(|_| bad())?)),
                    rest,
                )
            }
            _ => return Err(bad()),
        };
        Ok(RfmFit {
            hist: Histogram::deserialize(rest)?,
            penalizer,
        })
    }
}

impl State for Cohort {
    fn merge(&mut self, other: &Self) -> Result<()> {
        Cohort::merge(self, other)
    }
    fn serialize(&self) -> Vec<u8> {
        Cohort::serialize(self)
    }
    fn deserialize(bytes: &[u8]) -> Result<Self> {
        Cohort::deserialize(bytes)
    }
}

impl State for KaplanMeier {
    fn merge(&mut self, other: &Self) -> Result<()> {
        KaplanMeier::merge(self, other)
    }
    fn serialize(&self) -> Vec<u8> {
        KaplanMeier::serialize(self)
    }
    fn deserialize(bytes: &[u8]) -> Result<Self> {
        KaplanMeier::deserialize(bytes)
    }
}

/// Move `value` into the memory context `ctx`, dropped when the context goes.
unsafe fn keep_in<T>(ctx: pg_sys::MemoryContext, value: T) -> *mut T {
    PgMemoryContexts::For(ctx).leak_and_drop_on_delete(value)
}

/// The running state of a transition or combine call, made in the aggregate's context on
/// first use.
unsafe fn state_of<'a, T: State>(
    fcinfo: FunctionCallInfo,
    state: Option<Datum>,
    fname: &str,
) -> (Datum, &'a mut T) {
    match state {
        Some(d) => (d, &mut *d.cast_mut_ptr::<T>()),
        None => {
            let p = keep_in(agg_context(fcinfo, fname), T::default());
            (Datum::from(p), &mut *p)
        }
    }
}

unsafe fn state_serial<T: State>(fcinfo: FunctionCallInfo) -> Datum {
    let s = &*arg(fcinfo, 0).expect("strict").cast_mut_ptr::<T>();
    new_varlena(&s.serialize())
}

unsafe fn state_deserial<T: State>(fcinfo: FunctionCallInfo, fname: &str) -> Datum {
    let v = T::deserialize(varlena_bytes(arg(fcinfo, 0).expect("strict"))).or_report();
    Datum::from(keep_in(agg_context(fcinfo, fname), v))
}

unsafe fn state_combine<T: State>(fcinfo: FunctionCallInfo, fname: &str) -> Datum {
    let Some(b) = arg(fcinfo, 1) else {
        return arg(fcinfo, 0).unwrap_or_else(|| ret_null(fcinfo));
    };
    let other = &*b.cast_mut_ptr::<T>();
    let (datum, mine) = state_of::<T>(fcinfo, arg(fcinfo, 0), fname);
    mine.merge(other).or_report();
    datum
}

pg_fn!(fn rfm_fit_serial(fcinfo) { state_serial::<RfmFit>(fcinfo) });
pg_fn!(fn rfm_fit_deserial(fcinfo) { state_deserial::<RfmFit>(fcinfo, "rfm_fit_deserial") });
pg_fn!(fn rfm_fit_combine(fcinfo) { state_combine::<RfmFit>(fcinfo, "rfm_fit_combine") });
pg_fn!(fn sbg_fit_serial(fcinfo) { state_serial::<Cohort>(fcinfo) });
pg_fn!(fn sbg_fit_deserial(fcinfo) { state_deserial::<Cohort>(fcinfo, "sbg_fit_deserial") });
pg_fn!(fn sbg_fit_combine(fcinfo) { state_combine::<Cohort>(fcinfo, "sbg_fit_combine") });
pg_fn!(fn kaplan_meier_serial(fcinfo) { state_serial::<KaplanMeier>(fcinfo) });
pg_fn!(fn kaplan_meier_deserial(fcinfo) { state_deserial::<KaplanMeier>(fcinfo, "kaplan_meier_deserial") });
pg_fn!(fn kaplan_meier_combine(fcinfo) { state_combine::<KaplanMeier>(fcinfo, "kaplan_meier_combine") });

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
    let p =
        arg_f64(fcinfo, i).unwrap_or_else(|| crate::orders::calendar::null_parameter("penalizer"));
    if !(p.is_finite() && p >= 0.0) {
        report(MetricError::InvalidParameter(format!(
            "penalizer must be a finite number >= 0, got {}",
            // as PostgreSQL spells it (Infinity, not inf)
            retention_core::formulas::show(p)
        )));
    }
    Some(p)
}

pg_fn!(
    /// `bgnbd_fit(frequency, recency, T [, penalizer])`: one customer.
    fn bgnbd_fit_trans(fcinfo) {
        let state = arg(fcinfo, 0);
        let Some([x, t_x, t]) = floats::<3>(fcinfo) else {
            return state.unwrap_or_else(|| ret_null(fcinfo));
        };
        let p = penalizer_arg(fcinfo, 4);
        let (datum, s) = state_of::<RfmFit>(fcinfo, state, "bgnbd_fit_trans");
        s.set_penalizer(p).or_report();
        s.hist.add(x, t_x, t).or_report();
        datum
    }
);

pg_fn!(
    /// `gamma_gamma_fit(frequency, monetary_value [, penalizer])`: one customer; customers
    /// without repeat purchases carry no information on spend and are skipped.
    fn gamma_gamma_fit_trans(fcinfo) {
        let state = arg(fcinfo, 0);
        let Some([x, m]) = floats::<2>(fcinfo) else {
            return state.unwrap_or_else(|| ret_null(fcinfo));
        };
        let p = penalizer_arg(fcinfo, 3);
        let (datum, s) = state_of::<RfmFit>(fcinfo, state, "gamma_gamma_fit_trans");
        s.set_penalizer(p).or_report();
        if x != 0.0 {
            // The spend model reads frequency and spend only; recency and T are placeholders
            // that pass the histogram's checks (0 <= recency <= T, T > 0).
            s.hist.add_with_monetary(x, 0.0, 1.0, m).or_report();
        }
        datum
    }
);

pg_fn!(
    /// `sbg_fit(period, alive)`: customers of the cohort alive at the start of a period.
    fn sbg_fit_trans(fcinfo) {
        let state = arg(fcinfo, 0);
        let (Some(p), Some(n)) = (arg(fcinfo, 1), arg(fcinfo, 2)) else {
            return state.unwrap_or_else(|| ret_null(fcinfo));
        };
        let (datum, s) = state_of::<Cohort>(fcinfo, state, "sbg_fit_trans");
        s.add(i64::from(p.value() as i32), n.value() as i64).or_report();
        datum
    }
);

pg_fn!(
    /// `kaplan_meier(duration, churned)`: one subject; a NULL churned flag is an error (a
    /// subject is churned or still observed).
    fn kaplan_meier_trans(fcinfo) {
        let state = arg(fcinfo, 0);
        let Some(duration) = arg_f64(fcinfo, 1) else {
            return state.unwrap_or_else(|| ret_null(fcinfo));
        };
        let churned = arg(fcinfo, 2)
            .unwrap_or_else(|| crate::orders::calendar::null_parameter("churned"))
            .value()
            != 0;
        let (datum, s) = state_of::<KaplanMeier>(fcinfo, state, "kaplan_meier_trans");
        s.add(duration, churned).or_report();
        datum
    }
);

pg_fn!(
    /// `rollup(survival_curve)`: merge curves of disjoint sets of subjects.
    fn survival_curve_rollup_trans(fcinfo) {
        let state = arg(fcinfo, 0);
        let Some(c) = arg(fcinfo, 1) else {
            return state.unwrap_or_else(|| ret_null(fcinfo));
        };
        let other = stored::<KaplanMeier>(c).or_report();
        let (datum, s) = state_of::<KaplanMeier>(fcinfo, state, "survival_curve_rollup_trans");
        s.merge(&other).or_report();
        datum
    }
);

/// The final call's state, or `None` (no rows: the aggregate is NULL). Fits run in the
/// final call; they answer cancellation and `statement_timeout` through the check that
/// `_PG_init` installs, before every evaluation of their objective.
unsafe fn final_state<'a, T>(fcinfo: FunctionCallInfo) -> Option<&'a T> {
    arg(fcinfo, 0).map(|d| &*d.cast_mut_ptr::<T>())
}

/// A DEBUG1 message as a fit starts (`SET client_min_messages = debug1` shows it): how
/// much it has to do. The cancellation test also times its interrupts from it.
fn announce_fit(aggregate: &str, rows: usize, customers: u64) {
    pgrx::debug1!("{aggregate}: fitting {rows} distinct rows of {customers} customers");
}

pg_fn!(fn bgnbd_fit_final(fcinfo) {
    match final_state::<RfmFit>(fcinfo) {
        Some(s) if !s.hist.is_empty() => {
            announce_fit("bgnbd_fit", s.hist.len(), s.hist.customers());
            stored_datum(&bgnbd::fit(&s.hist, s.penalizer.unwrap_or(0.0)).or_report())
        }
        _ => ret_null(fcinfo),
    }
});

pg_fn!(fn gamma_gamma_fit_final(fcinfo) {
    match final_state::<RfmFit>(fcinfo) {
        Some(s) if !s.hist.is_empty() => {
            announce_fit("gamma_gamma_fit", s.hist.len(), s.hist.customers());
            stored_datum(&gamma_gamma::fit(&s.hist, s.penalizer.unwrap_or(0.0)).or_report())
        }
        _ => ret_null(fcinfo),
    }
});

pg_fn!(fn sbg_fit_final(fcinfo) {
    match final_state::<Cohort>(fcinfo) {
        Some(c) => stored_datum(&sbg::fit(c).or_report()),
        None => ret_null(fcinfo),
    }
});

pg_fn!(fn kaplan_meier_final(fcinfo) {
    match final_state::<KaplanMeier>(fcinfo) {
        Some(km) if !km.is_empty() => stored_datum(km),
        _ => ret_null(fcinfo),
    }
});

// --- stored types ---------------------------------------------------------------------------

/// A type stored as its canonical text form.
trait Stored: Sized + 'static {
    const TYPE_NAME: &'static str;
    fn to_text(&self) -> String;
    fn from_text(s: &str) -> Result<Self>;
}

macro_rules! stored {
    ($t:ty, $name:expr) => {
        impl Stored for $t {
            const TYPE_NAME: &'static str = $name;
            fn to_text(&self) -> String {
                <$t>::to_text(self)
            }
            fn from_text(s: &str) -> Result<Self> {
                <$t>::from_text(s)
            }
        }
    };
}
stored!(BgNbd, bgnbd::TYPE_NAME);
stored!(GammaGamma, gamma_gamma::TYPE_NAME);
stored!(Sbg, sbg::TYPE_NAME);
stored!(KaplanMeier, survival::TYPE_NAME);

unsafe fn stored_datum<T: Stored>(v: &T) -> Datum {
    new_varlena(v.to_text().as_bytes())
}

fn parse_stored<T: Stored>(bytes: &[u8]) -> Result<T> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        MetricError::InvalidText(format!(
            "invalid input syntax for type {}: not UTF-8",
            T::TYPE_NAME
        ))
    })?;
    T::from_text(text)
}

unsafe fn stored<T: Stored>(d: Datum) -> Result<T> {
    parse_stored(varlena_bytes(d))
}

/// Type input: parse and store the canonical form.
unsafe fn type_in<T: Stored>(fcinfo: FunctionCallInfo) -> Datum {
    let v = T::from_text(arg_cstr(fcinfo, 0, T::TYPE_NAME)).or_report();
    stored_datum(&v)
}

unsafe fn type_out(fcinfo: FunctionCallInfo) -> Datum {
    let bytes = varlena_bytes(arg(fcinfo, 0).expect("strict"));
    ret_cstring(std::str::from_utf8(bytes).unwrap_or(""))
}

/// Binary receive: the text form's bytes, checked and made canonical.
unsafe fn type_recv<T: Stored>(fcinfo: FunctionCallInfo) -> Datum {
    let v: T = parse_stored(arg_recv_bytes(fcinfo, 0)).or_report();
    stored_datum(&v)
}

unsafe fn type_send(fcinfo: FunctionCallInfo) -> Datum {
    new_varlena(varlena_bytes(arg(fcinfo, 0).expect("strict")))
}

pg_fn!(fn bgnbd_model_in(fcinfo) { type_in::<BgNbd>(fcinfo) });
pg_fn!(fn bgnbd_model_out(fcinfo) { type_out(fcinfo) });
pg_fn!(fn bgnbd_model_recv(fcinfo) { type_recv::<BgNbd>(fcinfo) });
pg_fn!(fn bgnbd_model_send(fcinfo) { type_send(fcinfo) });
pg_fn!(fn gamma_gamma_model_in(fcinfo) { type_in::<GammaGamma>(fcinfo) });
pg_fn!(fn gamma_gamma_model_out(fcinfo) { type_out(fcinfo) });
pg_fn!(fn gamma_gamma_model_recv(fcinfo) { type_recv::<GammaGamma>(fcinfo) });
pg_fn!(fn gamma_gamma_model_send(fcinfo) { type_send(fcinfo) });
pg_fn!(fn sbg_model_in(fcinfo) { type_in::<Sbg>(fcinfo) });
pg_fn!(fn sbg_model_out(fcinfo) { type_out(fcinfo) });
pg_fn!(fn sbg_model_recv(fcinfo) { type_recv::<Sbg>(fcinfo) });
pg_fn!(fn sbg_model_send(fcinfo) { type_send(fcinfo) });
pg_fn!(fn survival_curve_in(fcinfo) { type_in::<KaplanMeier>(fcinfo) });
pg_fn!(fn survival_curve_out(fcinfo) { type_out(fcinfo) });
pg_fn!(fn survival_curve_recv(fcinfo) { type_recv::<KaplanMeier>(fcinfo) });
pg_fn!(fn survival_curve_send(fcinfo) { type_send(fcinfo) });

// --- read-outs ------------------------------------------------------------------------------

/// Parsed values of a call site's stored arguments, with the bytes they were parsed from.
struct Cached<T> {
    key: Vec<u8>,
    value: T,
}

/// At most this many stored-type arguments per call (`clv` has two models).
const MAX_CACHED_ARGS: usize = 2;

/// The values of the stored-type arguments `args`, parsed by `parse`, cached in the call
/// site's `fn_extra` while their bytes stay the same. Called on every row of a read-out
/// over a table (`clv` over every customer), so a hit allocates nothing: the arguments'
/// bytes are compared in place with the key they were parsed from.
unsafe fn cached<'a, T: 'static>(
    fcinfo: FunctionCallInfo,
    args: &[usize],
    parse: impl FnOnce(&[&[u8]]) -> Result<T>,
) -> &'a T {
    let mut parts: [&[u8]; MAX_CACHED_ARGS] = [&[]; MAX_CACHED_ARGS];
    for (part, i) in parts.iter_mut().zip(args) {
        *part = varlena_bytes(arg(fcinfo, *i).expect("strict"));
    }
    let parts = &parts[..args.len()];
    let flinfo: *mut pg_sys::FmgrInfo = call_site(fcinfo);
    let c = (*flinfo).fn_extra as *mut Cached<T>;
    if !c.is_null() && same_key(&(*c).key, parts) {
        return &(*c).value;
    }
    let mut key = Vec::new();
    for p in parts {
        key.extend_from_slice(&(p.len() as u64).to_le_bytes());
        key.extend_from_slice(p);
    }
    let value = parse(parts).or_report();
    let p = keep_in((*flinfo).fn_mcxt, Cached { key, value });
    (*flinfo).fn_extra = p as *mut std::ffi::c_void;
    &(*p).value
}

/// Whether `key` (each part's length as 8 bytes, then its bytes) was built from `parts`.
fn same_key(key: &[u8], parts: &[&[u8]]) -> bool {
    let mut rest = key;
    for p in parts {
        let Some((len, tail)) = rest.split_first_chunk::<8>() else {
            return false;
        };
        if u64::from_le_bytes(*len) != p.len() as u64 || !tail.starts_with(p) {
            return false;
        }
        rest = &tail[p.len()..];
    }
    rest.is_empty()
}

/// The stored value of argument 0.
unsafe fn model<'a, T: Stored>(fcinfo: FunctionCallInfo) -> &'a T {
    cached(fcinfo, &[0], |p| parse_stored::<T>(p[0]))
}

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
    let m = model::<BgNbd>(fcinfo);
    ret_floats(fcinfo, &[m.r, m.alpha, m.a, m.b])
});
pg_fn!(fn gamma_gamma_parameters(fcinfo) {
    let m = model::<GammaGamma>(fcinfo);
    ret_floats(fcinfo, &[m.p, m.q, m.v])
});
pg_fn!(fn sbg_parameters(fcinfo) {
    let m = model::<Sbg>(fcinfo);
    ret_floats(fcinfo, &[m.alpha, m.beta])
});
pg_fn!(fn bgnbd_fit_info(fcinfo) { ret_fit_info(fcinfo, &model::<BgNbd>(fcinfo).fit) });
pg_fn!(fn gamma_gamma_fit_info(fcinfo) { ret_fit_info(fcinfo, &model::<GammaGamma>(fcinfo).fit) });
pg_fn!(fn sbg_fit_info(fcinfo) { ret_fit_info(fcinfo, &model::<Sbg>(fcinfo).fit) });

pg_fn!(
    /// `expected_purchases(m, t, frequency, recency, T)` or, for a new customer,
    /// `expected_purchases(m, t)`.
    fn bgnbd_expected_purchases(fcinfo) {
        let m = model::<BgNbd>(fcinfo);
        let t = f(fcinfo, 1);
        if nargs(fcinfo) > 2 {
            ret(fcinfo, m.conditional_expected_number_of_purchases_up_to_time(t, f(fcinfo, 2), f(fcinfo, 3), f(fcinfo, 4)))
        } else {
            ret(fcinfo, m.expected_number_of_purchases_up_to_time(t))
        }
    }
);
pg_fn!(fn bgnbd_probability_alive(fcinfo) {
    let m = model::<BgNbd>(fcinfo);
    ret(fcinfo, m.conditional_probability_alive(f(fcinfo, 1), f(fcinfo, 2), f(fcinfo, 3)))
});
pg_fn!(fn bgnbd_probability_of_purchases(fcinfo) {
    let m = model::<BgNbd>(fcinfo);
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
        let m = model::<GammaGamma>(fcinfo);
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
                parse_stored::<BgNbd>(p[0])?,
                parse_stored::<GammaGamma>(p[1])?,
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
pg_fn!(fn sbg_survival(fcinfo) { ret(fcinfo, model::<Sbg>(fcinfo).survival(f(fcinfo, 1))) });
pg_fn!(fn sbg_retention_rate(fcinfo) { ret(fcinfo, model::<Sbg>(fcinfo).retention_rate(f(fcinfo, 1))) });
pg_fn!(fn sbg_churn_probability(fcinfo) {
    let t = arg(fcinfo, 1).expect("strict").value() as i32;
    ret(fcinfo, model::<Sbg>(fcinfo).churn_probability(i64::from(t)))
});

pg_fn!(
    /// `survival_curve(c, confidence)`: the curve, one row per distinct duration (and 0).
    fn survival_curve_rows(fcinfo) {
        let km = model::<KaplanMeier>(fcinfo);
        let points = km.curve(f(fcinfo, 1)).or_report();
        let rows: Vec<Vec<Option<Datum>>> = points
            .iter()
            .map(|p| {
                vec![
                    Some(Datum::from(p.time.to_bits())),
                    Some(ret_count(p.at_risk)),
                    Some(ret_count(p.events)),
                    Some(ret_count(p.censored)),
                    Some(Datum::from(p.survival.to_bits())),
                    Some(Datum::from(p.lower.to_bits())),
                    Some(Datum::from(p.upper.to_bits())),
                ]
            })
            .collect();
        return_rows(fcinfo, rows)
    }
);
pg_fn!(fn survival_curve_median(fcinfo) { ret_f64(fcinfo, model::<KaplanMeier>(fcinfo).median()) });
pg_fn!(fn survival_curve_subjects(fcinfo) { ret_count(model::<KaplanMeier>(fcinfo).subjects()) });
