//! Summaries as values (docs/values.md): `=`, `<>`, `<`, `<=`, `>`, `>=`, the btree
//! comparison and the two hash functions of all fifteen stored types, one set of C
//! functions that every type's SQL declarations in `values_ops.sql` name (fifteen equal
//! blocks, written by `scripts/generated_sql.py`; the unit tier checks them). The order and the
//! canonical form are `retention_core::value`'s: the stored bytes of eight types, the text
//! form read back (and compacted) for the six in `TEXT_CANONICAL`. The JSON casts are SQL
//! functions over the accessors, hand-written in `values.sql`.

use crate::orders::history::HistoryIo;
use crate::pg::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use retention_core::orders::words::{self, Summary};
use retention_core::orders::{cohort::Cohorts, mrr::Mrr, series, stats::Stats};
use retention_core::value::{self, TEXT_CANONICAL};
use std::cmp::Ordering;

pgrx::extension_sql_file!(
    "values_ops.sql",
    name = "values_ops",
    requires = ["survey", "history", "retention", "stats", "series", "mrr", "cohort", "models", "survival"]
);
pgrx::extension_sql_file!(
    "values.sql",
    name = "values",
    requires = ["values_ops", "survey", "history", "retention", "stats", "series", "mrr", "cohort", "models", "survival"]
);

/// The canonical payload of a value whose stored bytes may not be canonical.
type Canon = unsafe fn(Datum) -> Vec<u8>;

/// A word summary's text form read back and compacted, as a final function stores it.
unsafe fn words_canon<S: Summary>(d: Datum) -> Vec<u8> {
    let back = S::from_text(&S::to_text(words_arg::<S>(d))).or_report();
    let body = S::compact(&back).unwrap_or(back);
    let mut out = words::header_bytes(S::KIND).to_vec();
    body.iter().for_each(|w| out.extend_from_slice(&w.to_ne_bytes()));
    out
}

/// A history's text form read back.
unsafe fn history_canon(d: Datum) -> Vec<u8> {
    varlena_bytes(HistoryIo::input(&HistoryIo::output(d))).to_vec()
}

/// The canonicalizer of a type of `TEXT_CANONICAL`, by name; `None` for the others.
fn canon_of(type_name: &str) -> Option<Canon> {
    let canon: Canon = match type_name {
        "customer_history" => history_canon,
        "customer_stats" => words_canon::<Stats>,
        "period_series" => words_canon::<series::Activity>,
        "mrr_series" => words_canon::<series::MrrSeries>,
        "cohort_summary" => words_canon::<Cohorts>,
        "mrr_summary" => words_canon::<Mrr>,
        "activity_series" => words_canon::<retention_core::orders::activity::ActiveDays>,
        _ => return None,
    };
    debug_assert!(TEXT_CANONICAL.contains(&type_name));
    Some(canon)
}

/// The canonicalizer of this call's argument type (the same for both arguments), found
/// once per call site from the declaration ([`arg_type`]) and kept in `fn_extra`.
unsafe fn site_canon(fcinfo: FunctionCallInfo) -> Option<Canon> {
    let flinfo = call_site(fcinfo);
    if flinfo.fn_extra.is_null() {
        let Some(t) = arg_type(fcinfo, 0) else {
            unknown_arg_type(fcinfo, "the compared value")
        };
        let name = std::ffi::CStr::from_ptr(pg_sys::format_type_be(t)).to_string_lossy();
        let name = name.rsplit('.').next().unwrap_or_default();
        flinfo.fn_extra = keep_in(flinfo.fn_mcxt, canon_of(name)) as *mut std::ffi::c_void;
    }
    *(flinfo.fn_extra as *const Option<Canon>)
}

/// The canonical payload of argument `i`.
unsafe fn canonical<'a>(fcinfo: FunctionCallInfo, i: usize) -> std::borrow::Cow<'a, [u8]> {
    let d = arg(fcinfo, i).expect("strict");
    match site_canon(fcinfo) {
        Some(canon) => std::borrow::Cow::Owned(canon(d)),
        None => std::borrow::Cow::Borrowed(varlena_bytes(d)),
    }
}

/// The order of the two arguments: equal stored bytes are equal values without more work.
unsafe fn order(fcinfo: FunctionCallInfo) -> Ordering {
    let (a, b) = (arg(fcinfo, 0).expect("strict"), arg(fcinfo, 1).expect("strict"));
    if varlena_bytes(a) == varlena_bytes(b) {
        return Ordering::Equal;
    }
    value::compare(&canonical(fcinfo, 0), &canonical(fcinfo, 1))
}

pg_fn!(fn summary_eq(fcinfo) { Datum::from(order(fcinfo) == Ordering::Equal) });
pg_fn!(fn summary_ne(fcinfo) { Datum::from(order(fcinfo) != Ordering::Equal) });
pg_fn!(fn summary_lt(fcinfo) { Datum::from(order(fcinfo) == Ordering::Less) });
pg_fn!(fn summary_le(fcinfo) { Datum::from(order(fcinfo) != Ordering::Greater) });
pg_fn!(fn summary_gt(fcinfo) { Datum::from(order(fcinfo) == Ordering::Greater) });
pg_fn!(fn summary_ge(fcinfo) { Datum::from(order(fcinfo) != Ordering::Less) });
pg_fn!(fn summary_cmp(fcinfo) { Datum::from(order(fcinfo) as i32) });

/// Argument 0's canonical payload as a varlena, for the built-in hash of `bytea`.
unsafe fn canonical_varlena(fcinfo: FunctionCallInfo) -> Datum {
    match site_canon(fcinfo) {
        Some(canon) => new_varlena(&canon(arg(fcinfo, 0).expect("strict"))),
        None => arg(fcinfo, 0).expect("strict"),
    }
}

pg_fn!(fn summary_hash(fcinfo) {
    call_builtin(pg_sys::hashvarlena, &[canonical_varlena(fcinfo)])
});
pg_fn!(fn summary_hash_extended(fcinfo) {
    let seed = arg(fcinfo, 1).expect("strict");
    call_builtin(pg_sys::hashvarlenaextended, &[canonical_varlena(fcinfo), seed])
});
