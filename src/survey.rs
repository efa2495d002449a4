//! SQL glue of the survey family: the `nps_summary`, `csat_summary` and `ces_summary` types,
//! the transition and combine functions their aggregates share, and the accessors. The SQL
//! declarations and their `COMMENT ON` texts are in `survey.sql`, and the overloads for
//! scores of other types than integer in `survey_types.sql` (one template per score type,
//! written by `scripts/generated_sql.py`; the unit tier checks it); the math is in
//! `retention_core::survey`.
//!
//! The aggregate state *is* the summary type (not `internal`; `pg::summary`): the transition
//! function updates the counts in place when PostgreSQL calls it as an aggregate, so a row
//! costs a range check and two additions.

use crate::pg::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use retention_core::survey::{self, Header, Kind, Scale, SummaryMut, SummaryRef, TypedScore};

pgrx::extension_sql_file!("survey.sql", name = "survey", requires = ["formulas"]);
pgrx::extension_sql_file!("survey_types.sql", name = "survey_types", requires = ["survey"]);

// --- reading and writing summary datums ---------------------------------------------------

/// The layout check of a summary of kind `K` (`Kind as u8`).
unsafe fn check<const K: u8>(p: *const u8, len: usize) -> retention_core::Result<()> {
    survey::summary_ref(p as *mut u8, len, kind::<K>()).map(|_| ())
}

const fn kind<const K: u8>() -> Kind {
    match Kind::from_u8(K) {
        Some(k) => k,
        None => panic!("a survey kind"),
    }
}

/// A summary argument, read-only.
unsafe fn summary_arg<'a, const K: u8>(d: Datum) -> SummaryRef<'a> {
    let (p, len) = read_summary(d, check::<K>);
    survey::summary_ref(p, len, kind::<K>()).or_report()
}

/// A new datum holding `bytes` (a whole summary, its varlena header included).
unsafe fn summary_datum(bytes: &[u8]) -> Datum {
    new_varlena(&bytes[pg_sys::VARHDRSZ..])
}

/// The running state of a transition or combine call, ready to update in place
/// ([`summary_state`]); a new summary of the scale `scale` gives on the group's first row.
unsafe fn state_mut<'a, const K: u8>(
    fcinfo: FunctionCallInfo,
    state: Option<Datum>,
    validate: bool,
    scale: impl FnOnce() -> Scale,
) -> (Datum, SummaryMut<'a>) {
    let (d, p, _) = summary_state(fcinfo, state, validate, check::<K>, || {
        let scale = scale();
        let len = survey::summary_bytes(&scale);
        let p = pg_sys::palloc0(len) as *mut u8;
        std::ptr::write(p as *mut Header, Header::new(&scale));
        pgrx::set_varsize_4b(p as *mut pg_sys::varlena, len as i32);
        Datum::from(p)
    });
    (d, survey::summary_mut(p))
}

/// The type I/O of the summaries of kind `K`.
struct SurveyIo<const K: u8>;

impl<const K: u8> TypeIo for SurveyIo<K> {
    const NAME: &'static str = kind::<K>().type_name();
    unsafe fn input(text: &str) -> Datum {
        summary_datum(survey::from_text(kind::<K>(), text).or_report().as_bytes())
    }
    unsafe fn output(d: Datum) -> String {
        summary_arg::<K>(d).to_text()
    }
    unsafe fn receive(bytes: &[u8]) -> Datum {
        summary_datum(
            survey::from_binary(kind::<K>(), bytes)
                .or_report()
                .as_bytes(),
        )
    }
    unsafe fn send(d: Datum) -> Vec<u8> {
        summary_arg::<K>(d).to_binary()
    }
}

const NPS: u8 = Kind::Nps as u8;
const CSAT: u8 = Kind::Csat as u8;
const CES: u8 = Kind::Ces as u8;

type_io!(SurveyIo<NPS>: nps_summary_in, nps_summary_out, nps_summary_recv, nps_summary_send);
type_io!(SurveyIo<CSAT>: csat_summary_in, csat_summary_out, csat_summary_recv, csat_summary_send);
type_io!(SurveyIo<CES>: ces_summary_in, ces_summary_out, ces_summary_recv, ces_summary_send);

// --- transition, combine ------------------------------------------------------------------

/// Shared transition, the checked path: `(state, score [, scale arguments...])`. The scale
/// arguments are validated on every row that reaches here, NULL score or not, so a bad scale
/// is an error even where all scores are NULL. NULL scores are then skipped; `score` reads a
/// non-NULL score datum ([`int_score`] or [`typed_score`]).
unsafe fn trans<const K: u8>(
    fcinfo: FunctionCallInfo,
    scale: impl Fn() -> Scale,
    score: impl Fn(Datum, &Scale) -> i32,
) -> Datum {
    let state = arg(fcinfo, 0);
    let wanted = scale();
    let Some(score) = arg(fcinfo, 1).map(|d| score(d, &wanted)) else {
        return state.unwrap_or_else(|| ret_null(fcinfo));
    };
    let (datum, mut s) = state_mut::<K>(fcinfo, state, false, || wanted);
    // CSAT and CES take their scale with every row; it must not change within a group.
    if !s.has_scale(&wanted) {
        report(s.scale_changed(&wanted));
    }
    s.accum(score).or_report();
    datum
}

/// The score of the `integer` overloads.
#[inline(always)]
fn int_score(d: Datum, _: &Scale) -> i32 {
    d.value() as i32
}

/// The score of every other overload (smallint, bigint, numeric, double precision, real):
/// the one reader of them all. The score's type is the call's (its expression), the datum is
/// read as that type, and [`Scale::whole_score`] applies one rule to all: a whole number is
/// that score, a fraction, NaN or an infinity is 22023. The SQL declares these transitions
/// for those five types only; any other type (a declaration added without its reader here) is
/// refused with the casts to use rather than read as a wrong type.
unsafe fn typed_score(fcinfo: FunctionCallInfo) -> impl Fn(Datum, &Scale) -> i32 {
    let t = arg_type(fcinfo, 1).unwrap_or_else(|| unknown_arg_type(fcinfo, "the score"));
    move |d, scale| {
        let typed = match t {
            pg_sys::INT2OID => TypedScore::Int(d.value() as i16 as i64),
            pg_sys::INT4OID => TypedScore::Int(d.value() as i32 as i64),
            pg_sys::INT8OID => TypedScore::Int(d.value() as i64),
            pg_sys::FLOAT8OID => TypedScore::F64(f64::from_bits(d.value() as u64)),
            pg_sys::FLOAT4OID => TypedScore::F32(f32::from_bits(d.value() as u32)),
            pg_sys::NUMERICOID => {
                match retention_core::decimal::Dec::from_pg_numeric(varlena_bytes(d), "score") {
                    Ok(dec) => TypedScore::Dec(dec),
                    Err(_) => {
                        let text = call_builtin(pg_sys::numeric_out, &[d]);
                        let text = std::ffi::CStr::from_ptr(text.cast_mut_ptr()).to_string_lossy();
                        return scale
                            .whole_score(TypedScore::NumericText(&text))
                            .or_report();
                    }
                }
            }
            other => unsupported_score_type(other),
        };
        scale.whole_score(typed).or_report()
    }
}

#[cold]
unsafe fn unsupported_score_type(t: pg_sys::Oid) -> ! {
    let name = std::ffi::CStr::from_ptr(pg_sys::format_type_be(t)).to_string_lossy();
    pgrx::ereport!(
        ERROR,
        pgrx::PgSqlErrorCode::ERRCODE_DATATYPE_MISMATCH,
        format!("a survey score of type {name} is not accepted"),
        "Scores are smallint, integer, bigint, numeric, double precision or real: cast the score, e.g. score::integer."
    );
}

/// The per-row fast path of every transition: when the state is this aggregate's own running
/// summary, the score is on its scale (`same_scale` checks the scale arguments of CSAT and
/// CES) and counting it cannot overflow, count it in place and return the state. Otherwise
/// (first row, NULLs, errors, calls outside an aggregate) return `None` for [`trans`] to
/// handle with all its checks. Never panics: it runs outside the guard.
#[inline(always)]
unsafe fn fast_trans(
    fcinfo: FunctionCallInfo,
    same_scale: impl Fn(&Header) -> bool,
) -> Option<Datum> {
    let score = *(*fcinfo).args.as_ptr().add(1);
    if score.isnull {
        return None;
    }
    let (state, p) = own_state(fcinfo)?;
    let mut s = survey::summary_mut(p);
    (same_scale(s.header) && s.try_accum(score.value.value() as i32)).then_some(state)
}

/// Integer argument `i` of a transition call, if present and not NULL (no guard needed).
#[inline(always)]
unsafe fn int_arg(fcinfo: FunctionCallInfo, i: usize) -> Option<i16> {
    let a = *(*fcinfo).args.as_ptr().add(i);
    (!a.isnull)
        .then(|| a.value.value() as i32)
        .and_then(|v| i16::try_from(v).ok())
}

pg_fn!(fn nps_trans(fcinfo) fast {
    if let Some(d) = fast_trans(fcinfo, |_| true) {
        return d;
    }
} checked {
    trans::<NPS>(fcinfo, || Scale::NPS, int_score)
});

/// The scale of a CSAT call: 1..5, or its three scale arguments.
unsafe fn csat_scale(fcinfo: FunctionCallInfo) -> Scale {
    if nargs(fcinfo) == 2 {
        Scale::CSAT_DEFAULT
    } else {
        Scale::csat(
            required_i32(fcinfo, 2, "scale_min"),
            required_i32(fcinfo, 3, "scale_max"),
            required_i32(fcinfo, 4, "satisfied_min"),
        )
        .or_report()
    }
}

/// The scale of a CES call: its options argument.
unsafe fn ces_scale(fcinfo: FunctionCallInfo) -> Scale {
    Scale::ces(required_i32(fcinfo, 2, "options")).or_report()
}

pg_fn!(
    /// `(state, score)` on the 1..5 scale or `(state, score, scale_min, scale_max, satisfied_min)`.
    fn csat_trans(fcinfo) fast {
        let fast = if nargs(fcinfo) == 2 {
            // One aggregate feeds one state, so the 1..5 form always has the default scale.
            fast_trans(fcinfo, |_| true)
        } else {
            fast_trans(fcinfo, |h| {
                int_arg(fcinfo, 2) == Some(h.lo) && int_arg(fcinfo, 3) == Some(h.hi) && int_arg(fcinfo, 4) == Some(h.threshold)
            })
        };
        if let Some(d) = fast {
            return d;
        }
    } checked {
        trans::<CSAT>(fcinfo, || csat_scale(fcinfo), int_score)
    }
);

pg_fn!(fn ces_trans(fcinfo) fast {
    if let Some(d) = fast_trans(fcinfo, |h| int_arg(fcinfo, 2) == Some(h.hi)) {
        return d;
    }
} checked {
    trans::<CES>(fcinfo, || ces_scale(fcinfo), int_score)
});

// The overloads for scores of other types (smallint, bigint, numeric, double precision,
// real) share one transition per family, declared in SQL once per type and reading the score
// by its type ([`typed_score`]); the integer overloads above keep their fast path.
pg_fn!(fn nps_score_trans(fcinfo) { trans::<NPS>(fcinfo, || Scale::NPS, typed_score(fcinfo)) });
pg_fn!(fn csat_score_trans(fcinfo) { trans::<CSAT>(fcinfo, || csat_scale(fcinfo), typed_score(fcinfo)) });
pg_fn!(fn ces_score_trans(fcinfo) { trans::<CES>(fcinfo, || ces_scale(fcinfo), typed_score(fcinfo)) });

/// Shared inverse transition (moving-aggregate mode of window frames): takes a row back out
/// of the running state. NULL scores were skipped when added, so they are skipped here too.
/// Returning NULL tells PostgreSQL to recompute the frame instead; that only happens if
/// the state did not count the score, which PostgreSQL's frame logic never asks.
unsafe fn inverse<const K: u8>(
    fcinfo: FunctionCallInfo,
    score: impl Fn(Datum, &Scale) -> i32,
) -> Datum {
    let Some(state) = arg(fcinfo, 0) else {
        return ret_null(fcinfo);
    };
    let Some(d) = arg(fcinfo, 1) else {
        return state;
    };
    let (datum, mut s) = state_mut::<K>(fcinfo, Some(state), false, || {
        unreachable!("state is not NULL")
    });
    if s.try_remove(score(d, &s.scale())) {
        datum
    } else {
        ret_null(fcinfo)
    }
}

pg_fn!(fn nps_inv(fcinfo) { inverse::<NPS>(fcinfo, int_score) });
pg_fn!(fn csat_inv(fcinfo) { inverse::<CSAT>(fcinfo, int_score) });
pg_fn!(fn ces_inv(fcinfo) { inverse::<CES>(fcinfo, int_score) });
pg_fn!(fn nps_score_inv(fcinfo) { inverse::<NPS>(fcinfo, typed_score(fcinfo)) });
pg_fn!(fn csat_score_inv(fcinfo) { inverse::<CSAT>(fcinfo, typed_score(fcinfo)) });
pg_fn!(fn ces_score_inv(fcinfo) { inverse::<CES>(fcinfo, typed_score(fcinfo)) });

/// Shared combine (and `rollup` transition): strict, so both arguments are non-NULL.
unsafe fn combine<const K: u8>(fcinfo: FunctionCallInfo) -> Datum {
    let other = summary_arg::<K>(arg(fcinfo, 1).expect("strict"));
    let (datum, mut s) = state_mut::<K>(fcinfo, arg(fcinfo, 0), true, || unreachable!("strict"));
    s.merge(other).or_report();
    datum
}

pg_fn!(fn nps_summary_combine(fcinfo) { combine::<NPS>(fcinfo) });
pg_fn!(fn csat_summary_combine(fcinfo) { combine::<CSAT>(fcinfo) });
pg_fn!(fn ces_summary_combine(fcinfo) { combine::<CES>(fcinfo) });

// --- accessors ----------------------------------------------------------------------------

unsafe fn summary<'a, const K: u8>(fcinfo: FunctionCallInfo) -> SummaryRef<'a> {
    summary_arg::<K>(arg(fcinfo, 0).expect("accessors are strict"))
}

unsafe fn confidence(fcinfo: FunctionCallInfo) -> f64 {
    arg_f64(fcinfo, 1).expect("accessors are strict")
}

pg_fn!(fn nps_respondents(fcinfo) { ret_count(summary::<NPS>(fcinfo).respondents()) });
pg_fn!(fn csat_respondents(fcinfo) { ret_count(summary::<CSAT>(fcinfo).respondents()) });
pg_fn!(fn ces_respondents(fcinfo) { ret_count(summary::<CES>(fcinfo).respondents()) });

pg_fn!(fn nps_final(fcinfo) { ret_f64(fcinfo, summary::<NPS>(fcinfo).nps()) });
pg_fn!(fn nps_promoters(fcinfo) { ret_count(summary::<NPS>(fcinfo).promoters()) });
pg_fn!(fn nps_passives(fcinfo) { ret_count(summary::<NPS>(fcinfo).passives()) });
pg_fn!(fn nps_detractors(fcinfo) { ret_count(summary::<NPS>(fcinfo).detractors()) });
pg_fn!(fn nps_stderr(fcinfo) { ret_f64(fcinfo, summary::<NPS>(fcinfo).nps_stderr()) });
pg_fn!(fn nps_ci(fcinfo) {
    let iv = summary::<NPS>(fcinfo).nps_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});

pg_fn!(fn csat_final(fcinfo) { ret_f64(fcinfo, summary::<CSAT>(fcinfo).csat()) });
pg_fn!(fn csat_satisfied(fcinfo) { ret_count(summary::<CSAT>(fcinfo).satisfied()) });
pg_fn!(fn csat_ci(fcinfo) {
    let iv = summary::<CSAT>(fcinfo).csat_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});

pg_fn!(fn ces_final(fcinfo) { ret_f64(fcinfo, summary::<CES>(fcinfo).ces()) });
pg_fn!(fn ces_mean_final(fcinfo) { ret_f64(fcinfo, summary::<CES>(fcinfo).mean()) });
pg_fn!(fn ces_ci(fcinfo) {
    let iv = summary::<CES>(fcinfo).ces_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});
pg_fn!(fn ces_mean_ci(fcinfo) {
    let iv = summary::<CES>(fcinfo).mean_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});

// The same functions as 0.3.0 declares them, returning named composite types (release
// 0.2.0's catalog calls the symbols above with OUT parameters; `ret_record` follows the
// declaration).
pg_fn!(fn nps_ci_typed = nps_ci;);
pg_fn!(fn csat_ci_typed = csat_ci;);
pg_fn!(fn ces_ci_typed = ces_ci;);
pg_fn!(fn ces_mean_ci_typed = ces_mean_ci;);
