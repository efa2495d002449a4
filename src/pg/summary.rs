//! Summary types whose datum is the aggregate state (not `internal`): the survey summaries
//! and the order family's word summaries. The transition and combine functions update the
//! running datum in place, so a row costs the update alone, partial aggregation needs no
//! serialize functions, and a state travels between nodes (Citus) by its text form.
//!
//! [`summary_state`] is the one place that decides when updating in place is safe; the
//! word summaries' helpers ([`word_state`], [`update`], [`words_combine`]...) and the
//! survey module build on it.

use super::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use retention_core::orders::words::{self, Grow, Summary, HEADER_BYTES};
use retention_core::Result;

/// A check of a summary's bytes (the whole varlena, 4-byte header included).
pub type Check = unsafe fn(*const u8, usize) -> Result<()>;

/// A summary argument, read-only and checked with `check` (it may come from a table, a dump
/// or binary input). Values stored unaligned or compressed are copied first.
pub unsafe fn read_summary(d: Datum, check: Check) -> (*mut u8, usize) {
    let (p, len) = aligned_varlena(d);
    check(p, len).or_report();
    (p, len)
}

/// The running state of a transition or combine call, ready to update: its datum, its
/// bytes and their length.
///
/// Inside an aggregate, the state PostgreSQL hands back is the one we returned last time
/// (PostgreSQL copied it into the aggregate's memory context), so it is updated in place and
/// returned as the same pointer, which PostgreSQL then keeps without copying. The first call
/// (NULL state: `init` makes it) and calls outside an aggregate get a fresh datum in the
/// current memory context; PostgreSQL copies a new pointer into the aggregate context
/// itself.
///
/// `validate` says whether our own state must be checked: not for a transition, whose state
/// can only be one this code made (the aggregates have no initial value), but yes for
/// combine, whose first state is PostgreSQL's copy of an input value. A value we may not
/// modify (or one stored unaligned) is always checked, then copied.
pub unsafe fn summary_state(
    fcinfo: FunctionCallInfo,
    state: Option<Datum>,
    validate: bool,
    check: Check,
    init: impl FnOnce() -> Datum,
) -> (Datum, *mut u8, usize) {
    let Some(d) = state else {
        let d = init();
        let p = d.cast_mut_ptr::<u8>();
        return (d, p, pgrx::varsize_4b(p as *const pg_sys::varlena));
    };
    let raw = d.cast_mut_ptr::<u8>();
    let ours = in_aggregate(fcinfo)
        && pgrx::varatt_is_4b_u(raw as *const pg_sys::varlena)
        && (raw as usize) % 8 == 0;
    if ours {
        let len = pgrx::varsize_4b(raw as *const pg_sys::varlena);
        if validate {
            check(raw, len).or_report();
        }
        return (d, raw, len);
    }
    let (src, len) = read_summary(d, check);
    let copy = pg_sys::palloc(len) as *mut u8;
    std::ptr::copy_nonoverlapping(src, copy, len);
    (Datum::from(copy), copy, len)
}

/// Our own running state at argument 0 of an aggregate call, with its bytes, for the per-row
/// fast paths that run outside the guard: `None` when it is NULL, not the aggregate's, or
/// not an aligned 4-byte-header value (then the checked path decides). Never reports.
#[inline(always)]
pub unsafe fn own_state(fcinfo: FunctionCallInfo) -> Option<(Datum, *mut u8)> {
    let state = *(*fcinfo).args.as_ptr();
    if state.isnull || !in_aggregate(fcinfo) {
        return None;
    }
    let p = state.value.cast_mut_ptr::<u8>();
    (pgrx::varatt_is_4b_u(p as *const pg_sys::varlena) && (p as usize) % 8 == 0)
        .then_some((state.value, p))
}

// --- word summaries (retention_core::orders::words) -----------------------------------------

/// The header and body check of word summary `S`.
unsafe fn check_words<S: Summary>(p: *const u8, len: usize) -> Result<()> {
    words::check_header::<S>([*p.add(4), *p.add(5), *p.add(6), *p.add(7)], len)?;
    words::check_body::<S>(body_at(p as *mut u8, len))
}

/// The body words of an aligned 4-byte-header datum at `p` of `len` bytes.
unsafe fn body_at<'a>(p: *mut u8, len: usize) -> &'a mut [u64] {
    std::slice::from_raw_parts_mut(p.add(HEADER_BYTES) as *mut u64, (len - HEADER_BYTES) / 8)
}

/// A new datum (in the current memory context) holding `body`.
pub unsafe fn words_datum<S: Summary>(body: &[u64]) -> Datum {
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

/// A word summary argument, read-only and fully checked.
pub unsafe fn words_arg<'a, S: Summary>(d: Datum) -> &'a [u64] {
    let (p, len) = read_summary(d, check_words::<S>);
    body_at(p, len)
}

/// Argument 0 of an accessor (accessors are strict).
pub unsafe fn words_arg0<'a, S: Summary>(fcinfo: FunctionCallInfo) -> &'a [u64] {
    words_arg::<S>(arg(fcinfo, 0).expect("accessors are strict"))
}

/// The running state of a transition or combine call ([`summary_state`]), or a new one
/// from `init` on the first row.
pub unsafe fn word_state<'a, S: Summary>(
    fcinfo: FunctionCallInfo,
    state: Option<Datum>,
    validate: bool,
    init: impl FnOnce() -> Result<Vec<u64>>,
) -> (Datum, &'a mut [u64]) {
    let (d, p, len) = summary_state(fcinfo, state, validate, check_words::<S>, || {
        words_datum::<S>(&init().or_report())
    });
    (d, body_at(p, len))
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
        datum = words_datum::<S>(&grown);
        let p = datum.cast_mut_ptr::<u8>();
        body = body_at(p, pgrx::varsize_4b(p as *const pg_sys::varlena));
    }
    datum
}

/// Apply an operation to an owned body (a final function's) until it no longer asks to grow.
pub fn update_owned(body: &mut Vec<u64>, mut op: impl FnMut(&mut [u64]) -> Result<Grow>) {
    while let Some(grown) = op(body).or_report() {
        *body = grown;
    }
}

/// An owned body built by a final function, returned compacted.
pub unsafe fn final_words<S: Summary>(body: &[u64]) -> Datum {
    match S::compact(body) {
        Some(c) => words_datum::<S>(&c),
        None => words_datum::<S>(body),
    }
}

/// Combine function (and `rollup` transition) of a word summary: strict, so both
/// arguments are non-NULL.
pub unsafe fn words_combine<S: Summary>(fcinfo: FunctionCallInfo) -> Datum {
    let other = words_arg::<S>(arg(fcinfo, 1).expect("strict"));
    let (datum, body) = word_state::<S>(fcinfo, arg(fcinfo, 0), true, || unreachable!("strict"));
    update::<S>(datum, body, |b| S::merge(b, other))
}

/// Final function of the aggregates whose state is a word summary: drop spare capacity.
pub unsafe fn words_final<S: Summary>(fcinfo: FunctionCallInfo) -> Datum {
    let Some(d) = arg(fcinfo, 0) else {
        return ret_null(fcinfo);
    };
    match S::compact(words_arg::<S>(d)) {
        Some(c) => words_datum::<S>(&c),
        None => d,
    }
}

/// The type I/O of word summary `S` (see [`type_io!`]).
pub struct Words<S>(std::marker::PhantomData<S>);

impl<S: Summary> TypeIo for Words<S> {
    const NAME: &'static str = S::TYPE_NAME;
    unsafe fn input(text: &str) -> Datum {
        words_datum::<S>(&S::from_text(text).or_report())
    }
    unsafe fn output(d: Datum) -> String {
        S::to_text(words_arg::<S>(d))
    }
    unsafe fn receive(bytes: &[u8]) -> Datum {
        words_datum::<S>(&words::from_binary::<S>(bytes).or_report())
    }
    unsafe fn send(d: Datum) -> Vec<u8> {
        words::to_binary::<S>(words_arg::<S>(d))
    }
}
