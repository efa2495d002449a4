//! The one place for the boilerplate between PostgreSQL's V1 calling convention and the pure
//! functions of `retention_core`: defining a C-callable function, reading arguments,
//! returning values, records and varlenas, and reporting errors with their SQLSTATE.
//!
//! Every SQL-callable function of the extension is written with [`pg_fn!`] and declared by
//! hand in the `.sql` file beside its module, so that volatility, strictness, parallel safety
//! and `COMMENT ON` are all visible in one reviewable script.

use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use pgrx::PgSqlErrorCode;
use retention_core::interval::Interval;
use retention_core::MetricError;

/// Define a PostgreSQL V1 function `$name` (and its `pg_finfo_$name` record) whose body runs
/// under pgrx's guard, so Rust panics and `ereport`s become ordinary PostgreSQL errors.
///
/// The `fast { ... } checked { ... }` form is for per-row functions: the `fast` block runs
/// first, outside the guard, and may `return` a result; it must not panic or report errors
/// (it only accepts the rows it can finish without either). Everything else falls through to
/// the guarded `checked` block.
macro_rules! pg_fn {
    ($(#[$meta:meta])* fn $name:ident($fcinfo:ident) $body:block) => {
        pg_fn!($(#[$meta])* fn $name($fcinfo) fast {} checked $body);
    };
    ($(#[$meta:meta])* fn $name:ident($fcinfo:ident) fast $fast:block checked $body:block) => {
        $(#[$meta])*
        #[unsafe(no_mangle)]
        pub unsafe extern "C-unwind" fn $name($fcinfo: pgrx::pg_sys::FunctionCallInfo) -> pgrx::pg_sys::Datum {
            #[allow(unused_unsafe)]
            unsafe { $fast }
            // The guard `#[pg_extern]` wrappers use: a panic or ereport inside becomes a
            // PostgreSQL ERROR raised from this frame, never an unwind into C.
            unsafe {
                pgrx::pg_sys::submodules::panic::pgrx_extern_c_guard(|| {
                    #[allow(unused_unsafe)]
                    unsafe { $body }
                })
            }
        }

        const _: () = {
            #[unsafe(export_name = concat!("pg_finfo_", stringify!($name)))]
            extern "C" fn finfo() -> &'static pgrx::pg_sys::Pg_finfo_record {
                const V1: pgrx::pg_sys::Pg_finfo_record = pgrx::pg_sys::Pg_finfo_record { api_version: 1 };
                &V1
            }
        };
    };
}
pub(crate) use pg_fn;

/// Report `e` as an ERROR with the SQLSTATE of its class.
#[cold]
pub fn report(e: MetricError) -> ! {
    let code = match e {
        MetricError::InvalidParameter(_) => PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
        MetricError::OutOfRange(_) => PgSqlErrorCode::ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE,
        MetricError::InvalidText(_) => PgSqlErrorCode::ERRCODE_INVALID_TEXT_REPRESENTATION,
        MetricError::InvalidBinary(_) => PgSqlErrorCode::ERRCODE_INVALID_BINARY_REPRESENTATION,
        MetricError::DatetimeOutOfRange(_) => PgSqlErrorCode::ERRCODE_DATETIME_FIELD_OVERFLOW,
        MetricError::LimitExceeded(_) => PgSqlErrorCode::ERRCODE_PROGRAM_LIMIT_EXCEEDED,
    };
    pgrx::ereport!(ERROR, code, e.message().to_string());
}

pub trait OrReport<T> {
    /// The value, or an ERROR with the SQLSTATE of the failure.
    fn or_report(self) -> T;
}

impl<T> OrReport<T> for Result<T, MetricError> {
    #[inline]
    fn or_report(self) -> T {
        match self {
            Ok(v) => v,
            Err(e) => report(e),
        }
    }
}

/// Argument `i`, or `None` when it is SQL NULL.
#[inline]
pub unsafe fn arg(fcinfo: FunctionCallInfo, i: usize) -> Option<Datum> {
    let a = *(*fcinfo).args.as_ptr().add(i);
    (!a.isnull).then_some(a.value)
}

/// Number of arguments this call received.
#[inline]
pub unsafe fn nargs(fcinfo: FunctionCallInfo) -> usize {
    (*fcinfo).nargs as usize
}

#[inline]
pub unsafe fn arg_i32(fcinfo: FunctionCallInfo, i: usize) -> Option<i32> {
    arg(fcinfo, i).map(|d| d.value() as i32)
}

#[inline]
pub unsafe fn arg_f64(fcinfo: FunctionCallInfo, i: usize) -> Option<f64> {
    arg(fcinfo, i).map(|d| f64::from_bits(d.value() as u64))
}

/// A parameter that may not be NULL (scale, options): SQLSTATE 22004 when it is.
pub unsafe fn required_i32(fcinfo: FunctionCallInfo, i: usize, name: &str) -> i32 {
    match arg_i32(fcinfo, i) {
        Some(v) => v,
        None => {
            pgrx::ereport!(
                ERROR,
                PgSqlErrorCode::ERRCODE_NULL_VALUE_NOT_ALLOWED,
                format!("{name} must not be NULL")
            );
        }
    }
}

/// Return SQL NULL.
#[inline]
pub unsafe fn ret_null(fcinfo: FunctionCallInfo) -> Datum {
    (*fcinfo).isnull = true;
    Datum::from(0usize)
}

#[inline]
pub unsafe fn ret_f64(fcinfo: FunctionCallInfo, v: Option<f64>) -> Datum {
    match v {
        Some(v) => Datum::from(v.to_bits()),
        None => ret_null(fcinfo),
    }
}

/// Return a count as `bigint` (counts are kept at most `i64::MAX` by the states).
#[inline]
pub fn ret_count(v: u64) -> Datum {
    Datum::from(i64::try_from(v).expect("counts are bounded by i64::MAX"))
}

/// Return an interval as the record `(lower double precision, upper double precision)` the
/// function declares with OUT parameters, or NULL.
pub unsafe fn ret_interval(fcinfo: FunctionCallInfo, iv: Option<Interval>) -> Datum {
    let Some(iv) = iv else {
        return ret_null(fcinfo);
    };
    let mut tupdesc: pg_sys::TupleDesc = std::ptr::null_mut();
    if pg_sys::get_call_result_type(fcinfo, std::ptr::null_mut(), &mut tupdesc)
        != pg_sys::TypeFuncClass::TYPEFUNC_COMPOSITE
    {
        pgrx::error!("function returning an interval must be declared with OUT lower, OUT upper");
    }
    let tupdesc = pg_sys::BlessTupleDesc(tupdesc);
    let mut values = [
        Datum::from(iv.lower.to_bits()),
        Datum::from(iv.upper.to_bits()),
    ];
    let mut nulls = [false, false];
    let tuple = pg_sys::heap_form_tuple(tupdesc, values.as_mut_ptr(), nulls.as_mut_ptr());
    pg_sys::HeapTupleHeaderGetDatum((*tuple).t_data)
}

/// Return `s` as a `cstring` (type output functions).
pub unsafe fn ret_cstring(s: &str) -> Datum {
    let p = pg_sys::palloc(s.len() + 1) as *mut u8;
    std::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
    *p.add(s.len()) = 0;
    Datum::from(p)
}

/// Read a `cstring` argument (type input functions) as UTF-8.
pub unsafe fn arg_cstr<'a>(fcinfo: FunctionCallInfo, i: usize, type_name: &str) -> &'a str {
    let p = arg(fcinfo, i)
        .expect("type input functions are strict")
        .cast_mut_ptr::<std::ffi::c_char>();
    match std::ffi::CStr::from_ptr(p).to_str() {
        Ok(s) => s,
        Err(_) => report(MetricError::InvalidText(format!(
            "invalid input syntax for type {type_name}: not UTF-8"
        ))),
    }
}

/// The unread bytes of a `StringInfo` argument (binary receive functions); they are marked
/// as consumed.
pub unsafe fn arg_recv_bytes<'a>(fcinfo: FunctionCallInfo, i: usize) -> &'a [u8] {
    let buf = arg(fcinfo, i)
        .expect("receive functions are strict")
        .cast_mut_ptr::<pg_sys::StringInfoData>();
    let start = (*buf).cursor as usize;
    let len = (*buf).len as usize - start;
    (*buf).cursor = (*buf).len;
    std::slice::from_raw_parts(((*buf).data as *const u8).add(start), len)
}

/// A new varlena of `payload.len()` bytes after its 4-byte header, palloc'd in the current
/// memory context (8-byte aligned).
pub unsafe fn new_varlena(payload: &[u8]) -> Datum {
    let total = payload.len() + pg_sys::VARHDRSZ;
    let p = pg_sys::palloc(total) as *mut u8;
    pgrx::set_varsize_4b(p as *mut pg_sys::varlena, total as i32);
    std::ptr::copy_nonoverlapping(payload.as_ptr(), p.add(pg_sys::VARHDRSZ), payload.len());
    Datum::from(p)
}

/// The datum's varlena as an 8-byte aligned, uncompressed, 4-byte-header value: the value
/// itself when it already is one, else a palloc'd copy. Returns the pointer and total length.
pub unsafe fn aligned_varlena(d: Datum) -> (*mut u8, usize) {
    let p = pg_sys::pg_detoast_datum(d.cast_mut_ptr::<pg_sys::varlena>());
    let len = pgrx::varsize_4b(p);
    if (p as usize) % 8 == 0 {
        return (p as *mut u8, len);
    }
    let copy = pg_sys::palloc(len) as *mut u8;
    std::ptr::copy_nonoverlapping(p as *const u8, copy, len);
    (copy, len)
}

/// Is this call a transition or combine call of an aggregate (or window aggregate)? Only then
/// is the first argument the running state, owned by the aggregate and safe to update in
/// place.
#[inline]
pub unsafe fn in_aggregate(fcinfo: FunctionCallInfo) -> bool {
    let ctx = (*fcinfo).context;
    !ctx.is_null()
        && matches!(
            (*ctx).type_,
            pg_sys::NodeTag::T_AggState | pg_sys::NodeTag::T_WindowAggState
        )
}
