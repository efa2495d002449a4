//! SQL glue of the survey family: the `nps_summary`, `csat_summary` and `ces_summary` types,
//! the transition and combine functions their aggregates share, and the accessors. The SQL
//! declarations and their `COMMENT ON` texts are in `survey.sql`; the math is in
//! `retention_core::survey`.
//!
//! The aggregate state *is* the summary type (not `internal`): the transition function
//! updates the counts in place when PostgreSQL calls it as an aggregate, so a row costs a
//! range check and two additions, partial aggregation needs no serialize functions, and the
//! state can travel between nodes (Citus) by its text form.

use crate::glue::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use retention_core::survey::{self, Header, Kind, OwnedSummary, Scale, SummaryMut, SummaryRef};

pgrx::extension_sql_file!("survey.sql", name = "survey", requires = ["formulas"]);

// --- reading and writing summary datums ---------------------------------------------------

/// A summary argument, read-only. Values stored unaligned or compressed are copied first.
unsafe fn summary_arg<'a>(d: Datum, kind: Kind) -> SummaryRef<'a> {
    let (p, len) = aligned_varlena(d);
    survey::summary_ref(p, len, kind).or_report()
}

/// A datum holding a copy of an owned summary.
unsafe fn owned_datum(s: &OwnedSummary) -> Datum {
    new_varlena(&s.as_bytes()[pgrx::pg_sys::VARHDRSZ..])
}

/// The running state of a transition or combine call, ready to update.
///
/// Inside an aggregate, the state PostgreSQL hands back is the one we returned last time
/// (PostgreSQL copied it into the aggregate's memory context), so it is updated in place and
/// returned as the same pointer, which PostgreSQL then keeps without copying. The first call
/// (NULL state) and calls outside an aggregate get a fresh summary in the current memory
/// context; PostgreSQL copies a new pointer into the aggregate context itself.
///
/// `validate` says whether the state's header must be checked: not for a transition, whose
/// state can only be one this code made (the aggregates have no initial value), but yes for
/// combine, whose first state is PostgreSQL's copy of an input value.
unsafe fn state_mut<'a>(
    fcinfo: FunctionCallInfo,
    state: Option<Datum>,
    kind: Kind,
    validate: bool,
    scale: impl FnOnce() -> Scale,
) -> (Datum, SummaryMut<'a>) {
    let p = match state {
        Some(d) => {
            let raw = d.cast_mut_ptr::<u8>();
            let ours = in_aggregate(fcinfo)
                && pgrx::varatt_is_4b_u(raw as *const pg_sys::varlena)
                && (raw as usize) % 8 == 0;
            if ours {
                if validate {
                    survey::summary_ref(raw, pgrx::varsize_4b(raw as *const pg_sys::varlena), kind)
                        .or_report();
                }
                raw
            } else {
                // A value we may not modify (or, in a combine, one stored unaligned): work on
                // an aligned copy.
                let (src, len) = aligned_varlena(d);
                survey::summary_ref(src, len, kind).or_report();
                let copy = pg_sys::palloc(len) as *mut u8;
                std::ptr::copy_nonoverlapping(src, copy, len);
                copy
            }
        }
        None => {
            let scale = scale();
            let len = survey::summary_bytes(&scale);
            let p = pg_sys::palloc0(len) as *mut u8;
            std::ptr::write(p as *mut Header, Header::new(&scale));
            pgrx::set_varsize_4b(p as *mut pg_sys::varlena, len as i32);
            p
        }
    };
    (Datum::from(p), survey::summary_mut(p))
}

// --- transition, combine ------------------------------------------------------------------

/// Shared transition, the checked path: `(state, score [, scale arguments...])`. The scale
/// arguments are validated on every row that reaches here, NULL score or not, so a bad scale
/// is an error even where all scores are NULL. NULL scores are then skipped.
unsafe fn trans(fcinfo: FunctionCallInfo, kind: Kind, scale: impl Fn() -> Scale) -> Datum {
    let state = arg(fcinfo, 0);
    let wanted = scale();
    let Some(score) = arg_i32(fcinfo, 1) else {
        return state.unwrap_or_else(|| ret_null(fcinfo));
    };
    let (datum, mut s) = state_mut(fcinfo, state, kind, false, || wanted);
    // CSAT and CES take their scale with every row; it must not change within a group.
    if !s.has_scale(&wanted) {
        report(s.scale_changed(&wanted));
    }
    s.accum(score).or_report();
    datum
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
    let args = (*fcinfo).args.as_ptr();
    let (state, score) = (*args, *args.add(1));
    if state.isnull || score.isnull || !in_aggregate(fcinfo) {
        return None;
    }
    let p = state.value.cast_mut_ptr::<u8>();
    if !pgrx::varatt_is_4b_u(p as *const pg_sys::varlena) || (p as usize) % 8 != 0 {
        return None;
    }
    let mut s = survey::summary_mut(p);
    (same_scale(s.header) && s.try_accum(score.value.value() as i32)).then_some(state.value)
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
    trans(fcinfo, Kind::Nps, || Scale::NPS)
});

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
        if nargs(fcinfo) == 2 {
            trans(fcinfo, Kind::Csat, || Scale::CSAT_DEFAULT)
        } else {
            trans(fcinfo, Kind::Csat, || {
                Scale::csat(
                    required_i32(fcinfo, 2, "scale_min"),
                    required_i32(fcinfo, 3, "scale_max"),
                    required_i32(fcinfo, 4, "satisfied_min"),
                )
                .or_report()
            })
        }
    }
);

pg_fn!(fn ces_trans(fcinfo) fast {
    if let Some(d) = fast_trans(fcinfo, |h| int_arg(fcinfo, 2) == Some(h.hi)) {
        return d;
    }
} checked {
    trans(fcinfo, Kind::Ces, || Scale::ces(required_i32(fcinfo, 2, "options")).or_report())
});

/// Shared inverse transition (moving-aggregate mode of window frames): takes a row back out
/// of the running state. NULL scores were skipped when added, so they are skipped here too.
/// Returning NULL tells PostgreSQL to recompute the frame instead; that only happens if
/// the state did not count the score, which PostgreSQL's frame logic never asks.
unsafe fn inverse(fcinfo: FunctionCallInfo, kind: Kind) -> Datum {
    let Some(state) = arg(fcinfo, 0) else {
        return ret_null(fcinfo);
    };
    let Some(score) = arg_i32(fcinfo, 1) else {
        return state;
    };
    let (datum, mut s) = state_mut(fcinfo, Some(state), kind, false, || {
        unreachable!("state is not NULL")
    });
    if s.try_remove(score) {
        datum
    } else {
        ret_null(fcinfo)
    }
}

pg_fn!(fn nps_inv(fcinfo) { inverse(fcinfo, Kind::Nps) });
pg_fn!(fn csat_inv(fcinfo) { inverse(fcinfo, Kind::Csat) });
pg_fn!(fn ces_inv(fcinfo) { inverse(fcinfo, Kind::Ces) });

/// Shared combine (and `rollup` transition): strict, so both arguments are non-NULL.
unsafe fn combine(fcinfo: FunctionCallInfo, kind: Kind) -> Datum {
    let other = summary_arg(arg(fcinfo, 1).expect("strict"), kind);
    let (datum, mut s) = state_mut(fcinfo, arg(fcinfo, 0), kind, true, || {
        unreachable!("strict")
    });
    s.merge(other).or_report();
    datum
}

// --- type I/O -----------------------------------------------------------------------------

/// The five support functions of each summary type, generated once per kind.
macro_rules! summary_type {
    ($kind:expr, $in:ident, $out:ident, $recv:ident, $send:ident, $combine:ident, $respondents:ident) => {
        pg_fn!(fn $in(fcinfo) {
            let text = arg_cstr(fcinfo, 0, $kind.type_name());
            owned_datum(&survey::from_text($kind, text).or_report())
        });
        pg_fn!(fn $out(fcinfo) {
            ret_cstring(&summary_arg(arg(fcinfo, 0).expect("strict"), $kind).to_text())
        });
        pg_fn!(fn $recv(fcinfo) {
            owned_datum(&survey::from_binary($kind, arg_recv_bytes(fcinfo, 0)).or_report())
        });
        pg_fn!(fn $send(fcinfo) {
            new_varlena(&summary_arg(arg(fcinfo, 0).expect("strict"), $kind).to_binary())
        });
        pg_fn!(fn $combine(fcinfo) { combine(fcinfo, $kind) });
        pg_fn!(fn $respondents(fcinfo) {
            ret_count(summary_arg(arg(fcinfo, 0).expect("strict"), $kind).respondents())
        });
    };
}

summary_type!(
    Kind::Nps,
    nps_summary_in,
    nps_summary_out,
    nps_summary_recv,
    nps_summary_send,
    nps_summary_combine,
    nps_respondents
);
summary_type!(
    Kind::Csat,
    csat_summary_in,
    csat_summary_out,
    csat_summary_recv,
    csat_summary_send,
    csat_summary_combine,
    csat_respondents
);
summary_type!(
    Kind::Ces,
    ces_summary_in,
    ces_summary_out,
    ces_summary_recv,
    ces_summary_send,
    ces_summary_combine,
    ces_respondents
);

// --- accessors ----------------------------------------------------------------------------

unsafe fn summary<'a>(fcinfo: FunctionCallInfo, kind: Kind) -> SummaryRef<'a> {
    summary_arg(arg(fcinfo, 0).expect("accessors are strict"), kind)
}

unsafe fn confidence(fcinfo: FunctionCallInfo) -> f64 {
    arg_f64(fcinfo, 1).expect("accessors are strict")
}

pg_fn!(fn nps_final(fcinfo) { ret_f64(fcinfo, summary(fcinfo, Kind::Nps).nps()) });
pg_fn!(fn nps_promoters(fcinfo) { ret_count(summary(fcinfo, Kind::Nps).promoters()) });
pg_fn!(fn nps_passives(fcinfo) { ret_count(summary(fcinfo, Kind::Nps).passives()) });
pg_fn!(fn nps_detractors(fcinfo) { ret_count(summary(fcinfo, Kind::Nps).detractors()) });
pg_fn!(fn nps_stderr(fcinfo) { ret_f64(fcinfo, summary(fcinfo, Kind::Nps).nps_stderr()) });
pg_fn!(fn nps_ci(fcinfo) {
    let iv = summary(fcinfo, Kind::Nps).nps_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});

pg_fn!(fn csat_final(fcinfo) { ret_f64(fcinfo, summary(fcinfo, Kind::Csat).csat()) });
pg_fn!(fn csat_satisfied(fcinfo) { ret_count(summary(fcinfo, Kind::Csat).satisfied()) });
pg_fn!(fn csat_ci(fcinfo) {
    let iv = summary(fcinfo, Kind::Csat).csat_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});

pg_fn!(fn ces_final(fcinfo) { ret_f64(fcinfo, summary(fcinfo, Kind::Ces).ces()) });
pg_fn!(fn ces_mean_final(fcinfo) { ret_f64(fcinfo, summary(fcinfo, Kind::Ces).mean()) });
pg_fn!(fn ces_ci(fcinfo) {
    let iv = summary(fcinfo, Kind::Ces).ces_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});
pg_fn!(fn ces_mean_ci(fcinfo) {
    let iv = summary(fcinfo, Kind::Ces).mean_ci(confidence(fcinfo)).or_report();
    ret_interval(fcinfo, iv)
});
