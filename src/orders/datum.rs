//! Datums of the order-family summaries (`retention_summary`, `customer_stats`,
//! `period_series`, `mrr_summary`, `mrr_series`): one layout (`retention_core::orders::
//! words`), so one set of helpers and one macro for their type I/O, combine and rollup.

use crate::glue::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use retention_core::orders::words::{self, Grow, Summary, HEADER_BYTES};
use retention_core::Result;

/// A new datum (in the current memory context) holding `body`.
pub unsafe fn summary_datum<S: Summary>(body: &[u64]) -> Datum {
    let len = HEADER_BYTES + 8 * body.len();
    let p = pg_sys::palloc(len) as *mut u8;
    pgrx::set_varsize_4b(p as *mut pg_sys::varlena, len as i32);
    std::ptr::copy_nonoverlapping(words::header_bytes(S::KIND).as_ptr(), p.add(4), 4);
    std::ptr::copy_nonoverlapping(
        body.as_ptr() as *const u8,
        p.add(HEADER_BYTES),
        8 * body.len(),
    );
    Datum::from(p)
}

/// The body words of an aligned 4-byte-header datum at `p` of `len` bytes.
unsafe fn body_at<'a>(p: *mut u8, len: usize) -> &'a mut [u64] {
    std::slice::from_raw_parts_mut(p.add(HEADER_BYTES) as *mut u64, (len - HEADER_BYTES) / 8)
}

unsafe fn header_of(p: *const u8) -> [u8; 4] {
    [*p.add(4), *p.add(5), *p.add(6), *p.add(7)]
}

/// A summary argument, read-only and fully checked (it may come from a table, a dump or
/// binary input).
pub unsafe fn summary_arg<'a, S: Summary>(d: Datum) -> &'a [u64] {
    let (p, len) = aligned_varlena(d);
    words::check_header::<S>(header_of(p), len).or_report();
    let body = body_at(p, len);
    words::check_body::<S>(body).or_report();
    body
}

/// The running state of a transition or combine call, ready to update in place (see the
/// survey family's `state_mut` for why that is safe inside an aggregate), or a new one from
/// `init` on the first row. `validate` for combine, whose first state may be a stored value.
pub unsafe fn summary_state<'a, S: Summary>(
    fcinfo: FunctionCallInfo,
    state: Option<Datum>,
    validate: bool,
    init: impl FnOnce() -> Result<Vec<u64>>,
) -> (Datum, &'a mut [u64]) {
    match state {
        Some(d) => {
            let raw = d.cast_mut_ptr::<u8>();
            let ours = in_aggregate(fcinfo)
                && pgrx::varatt_is_4b_u(raw as *const pg_sys::varlena)
                && (raw as usize) % 8 == 0;
            let (p, len) = if ours {
                (raw, pgrx::varsize_4b(raw as *const pg_sys::varlena))
            } else {
                let (src, len) = aligned_varlena(d);
                let copy = pg_sys::palloc(len) as *mut u8;
                std::ptr::copy_nonoverlapping(src, copy, len);
                (copy, len)
            };
            if validate || !ours {
                words::check_header::<S>(header_of(p), len).or_report();
                words::check_body::<S>(body_at(p, len)).or_report();
            }
            (Datum::from(p), body_at(p, len))
        }
        None => {
            let d = summary_datum::<S>(&init().or_report());
            let p = d.cast_mut_ptr::<u8>();
            (d, body_at(p, pgrx::varsize_4b(p as *const pg_sys::varlena)))
        }
    }
}

/// Run `op` on the state until it no longer asks for a bigger body; returns the datum to
/// hand back to PostgreSQL (a new one when it grew: PostgreSQL copies it into the
/// aggregate's context and frees the old one).
pub unsafe fn update<S: Summary>(
    mut datum: Datum,
    mut body: &mut [u64],
    mut op: impl FnMut(&mut [u64]) -> Result<Grow>,
) -> Datum {
    while let Some(grown) = op(body).or_report() {
        datum = summary_datum::<S>(&grown);
        let p = datum.cast_mut_ptr::<u8>();
        body = body_at(p, pgrx::varsize_4b(p as *const pg_sys::varlena));
    }
    datum
}

/// An owned body built by a final function, returned compacted.
pub unsafe fn final_datum<S: Summary>(body: &[u64]) -> Datum {
    match S::compact(body) {
        Some(c) => summary_datum::<S>(&c),
        None => summary_datum::<S>(body),
    }
}

/// Shared combine (and `rollup` transition): strict, so both arguments are non-NULL.
pub unsafe fn combine<S: Summary>(fcinfo: FunctionCallInfo) -> Datum {
    let other = summary_arg::<S>(arg(fcinfo, 1).expect("strict"));
    let (datum, body) = summary_state::<S>(fcinfo, arg(fcinfo, 0), true, || unreachable!("strict"));
    update::<S>(datum, body, |b| S::merge(b, other))
}

/// Final function of the `*_agg` aggregates whose state is the summary: drop spare capacity.
pub unsafe fn compact_final<S: Summary>(fcinfo: FunctionCallInfo) -> Datum {
    let Some(d) = arg(fcinfo, 0) else {
        return ret_null(fcinfo);
    };
    let body = summary_arg::<S>(d);
    match S::compact(body) {
        Some(c) => summary_datum::<S>(&c),
        None => d,
    }
}

/// Type input, output, receive, send, combine and compacting final function of one
/// summary type.
macro_rules! word_summary_type {
    ($S:ty, $in:ident, $out:ident, $recv:ident, $send:ident, $combine:ident, $final:ident) => {
        $crate::glue::pg_fn!(fn $in(fcinfo) {
            let text = $crate::glue::arg_cstr(fcinfo, 0, <$S as retention_core::orders::words::Summary>::TYPE_NAME);
            let body = <$S as retention_core::orders::words::Summary>::from_text(text);
            $crate::orders::datum::summary_datum::<$S>(&$crate::glue::OrReport::or_report(body))
        });
        $crate::glue::pg_fn!(fn $out(fcinfo) {
            let body = $crate::orders::datum::summary_arg::<$S>($crate::glue::arg(fcinfo, 0).expect("strict"));
            $crate::glue::ret_cstring(&<$S as retention_core::orders::words::Summary>::to_text(body))
        });
        $crate::glue::pg_fn!(fn $recv(fcinfo) {
            let body = retention_core::orders::words::from_binary::<$S>($crate::glue::arg_recv_bytes(fcinfo, 0));
            $crate::orders::datum::summary_datum::<$S>(&$crate::glue::OrReport::or_report(body))
        });
        $crate::glue::pg_fn!(fn $send(fcinfo) {
            let body = $crate::orders::datum::summary_arg::<$S>($crate::glue::arg(fcinfo, 0).expect("strict"));
            $crate::glue::new_varlena(&retention_core::orders::words::to_binary::<$S>(body))
        });
        $crate::glue::pg_fn!(fn $combine(fcinfo) { $crate::orders::datum::combine::<$S>(fcinfo) });
        $crate::glue::pg_fn!(fn $final(fcinfo) { $crate::orders::datum::compact_final::<$S>(fcinfo) });
    };
}
pub(crate) use word_summary_type;
