//! Function-manager glue: defining a C-callable V1 function ([`pg_fn!`]), reading its
//! arguments, returning values, records, varlenas and rows, and reporting errors with their
//! SQLSTATE. Every SQL-callable function of the extension is written with [`pg_fn!`] and
//! declared by hand in the `.sql` file beside its module, so that volatility, strictness,
//! parallel safety and `COMMENT ON` are all visible in one reviewable script (DESIGN.md,
//! "Declarations").

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
    // `fn new = old;`: a second C symbol for the function `old` (no guard of its own: `old`
    // has one). A function whose SQL result changes is declared with a new symbol (the
    // symbols an older release's catalog names keep their SQL signature, sql/README.md);
    // when the Rust code can serve both declarations (it reads its row shape from the
    // catalog: `ret_record`, `return_rows`), the new symbol is this alias.
    ($(#[$meta:meta])* fn $name:ident = $target:ident;) => {
        $(#[$meta])*
        #[unsafe(no_mangle)]
        pub unsafe extern "C-unwind" fn $name(fcinfo: pgrx::pg_sys::FunctionCallInfo) -> pgrx::pg_sys::Datum {
            unsafe { $target(fcinfo) }
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

/// The ERROR for a parameter that may not be NULL (granularity, scale, window...):
/// SQLSTATE 22004.
#[cold]
pub fn null_parameter(name: &str) -> ! {
    pgrx::ereport!(
        ERROR,
        PgSqlErrorCode::ERRCODE_NULL_VALUE_NOT_ALLOWED,
        format!("{name} must not be NULL")
    );
}

/// The confidence level at argument `i` of a strict read-out.
#[inline]
pub unsafe fn confidence_arg(fcinfo: FunctionCallInfo, i: usize) -> f64 {
    arg_f64(fcinfo, i).expect("read-outs are strict")
}

/// The confidence level at argument `i` of a strict read-out, checked (0 < c < 1) before
/// any row is made.
pub unsafe fn checked_confidence(fcinfo: FunctionCallInfo, i: usize) -> f64 {
    let c = confidence_arg(fcinfo, i);
    retention_core::interval::check_confidence(c).or_report();
    c
}

/// An integer parameter that may not be NULL (scale, options).
pub unsafe fn required_i32(fcinfo: FunctionCallInfo, i: usize, name: &str) -> i32 {
    arg_i32(fcinfo, i).unwrap_or_else(|| null_parameter(name))
}

/// The state argument of a transition call returned unchanged (a skipped row), or NULL.
#[inline]
pub unsafe fn skip_row(fcinfo: FunctionCallInfo) -> Datum {
    arg(fcinfo, 0).unwrap_or_else(|| ret_null(fcinfo))
}

/// The call site's function-manager record. Every caller through the function manager
/// (the executor, `OidFunctionCall*`, Citus's `worker_partial_agg`) gives one; only a C caller
/// using `DirectFunctionCall*` does not, and the functions that cache per call site or read
/// their own declaration refuse that call rather than dereference nothing.
pub unsafe fn call_site<'a>(fcinfo: FunctionCallInfo) -> &'a mut pg_sys::FmgrInfo {
    if let Some(f) = (*fcinfo).flinfo.as_mut() {
        return f;
    }
    pgrx::ereport!(
        ERROR,
        PgSqlErrorCode::ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION,
        "pg_retention functions must be called through the function manager (fmgr_info), not DirectFunctionCall"
    );
}

/// The type of argument `i` of this call. The executor passes the call's expression, whose
/// argument types are exact; callers through the function manager without an expression
/// (Citus's `worker_partial_agg_sfunc`, `OidFunctionCall*`) still set `fn_oid`, so the type
/// is then the one `pg_proc` declares. `None` when neither establishes it: no record, or a
/// polymorphic declaration (`anyelement`) without an expression. A datum is never read as a
/// type guessed from anything else (a type read from a missing expression is `InvalidOid`,
/// and taking that for "not text" once read a zone name as an array).
pub unsafe fn arg_type(fcinfo: FunctionCallInfo, i: usize) -> Option<pg_sys::Oid> {
    let flinfo = (*fcinfo).flinfo;
    if flinfo.is_null() {
        return None;
    }
    let t = pg_sys::get_fn_expr_argtype(flinfo, i as i32);
    if t != pg_sys::InvalidOid {
        return Some(t);
    }
    let mut types: *mut pg_sys::Oid = std::ptr::null_mut();
    let mut n: i32 = 0;
    if (*flinfo).fn_oid == pg_sys::InvalidOid {
        return None;
    }
    pg_sys::get_func_signature((*flinfo).fn_oid, &mut types, &mut n);
    if i >= n as usize {
        return None;
    }
    // A pseudo-type (anyelement, "any") declares no type of its own.
    let t = *types.add(i);
    (pg_sys::get_typtype(t) != pg_sys::TYPTYPE_PSEUDO as std::ffi::c_char).then_some(t)
}

/// The ERROR for an argument whose type [`arg_type`] could not establish, naming the
/// called function.
#[cold]
pub unsafe fn unknown_arg_type(fcinfo: FunctionCallInfo, what: &str) -> ! {
    let flinfo = (*fcinfo).flinfo;
    let name = match flinfo.as_ref().map(|f| pg_sys::get_func_name(f.fn_oid)) {
        Some(p) if !p.is_null() => std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned(),
        _ => "pg_retention".to_string(),
    };
    pgrx::ereport!(
        ERROR,
        PgSqlErrorCode::ERRCODE_INDETERMINATE_DATATYPE,
        format!(
            "{name}: the type of {what} is not known to this call: it was called through the function manager \
             without an expression and its declaration does not fix the type"
        ),
        "A caller that builds its own call must pass the expression (fn_expr) or call the aggregate from SQL."
    );
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

/// Return an interval as the row `(lower double precision, upper double precision)` the
/// function declares (the type `confidence_interval`; OUT parameters in release 0.2.0's
/// catalog), or NULL.
pub unsafe fn ret_interval(fcinfo: FunctionCallInfo, iv: Option<Interval>) -> Datum {
    match iv {
        Some(iv) => ret_record(
            fcinfo,
            &[
                Some(Datum::from(iv.lower.to_bits())),
                Some(Datum::from(iv.upper.to_bits())),
            ],
        ),
        None => ret_null(fcinfo),
    }
}

thread_local! {
    /// The blessed row descriptor of each function returning a row (a composite type or
    /// OUT parameters), by function OID, kept in TopMemoryContext for the session: building
    /// it from the catalog (`get_call_result_type`) cost more than the rest of a call to
    /// `rfm()`. Emptied whenever pg_proc changes (see [`forget_record_descs`]).
    static RECORD_DESCS: std::cell::RefCell<std::collections::HashMap<pg_sys::Oid, pg_sys::TupleDesc>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
    static RECORD_DESCS_WATCHED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The syscache callback on pg_proc that empties [`RECORD_DESCS`]. A function's result can
/// change while it keeps its OID: the upgrade to 0.3.0 turns the OUT parameters of the
/// interval and RFM functions into composite types in place (sql/pg_retention--0.2.0--0.3.0.sql),
/// and a session that called one before must then stamp its rows with the new type, not
/// the anonymous record it cached (same column count, so the count check alone would not
/// notice). pg_proc changes rarely; the next call of each function rebuilds its entry.
unsafe extern "C-unwind" fn forget_record_descs(_arg: Datum, _cache: i32, _hash: u32) {
    RECORD_DESCS.with(|m| {
        for (_, desc) in m.borrow_mut().drain() {
            pg_sys::FreeTupleDesc(desc);
        }
    });
}

/// The row descriptor of the called function's result (see [`RECORD_DESCS`]); should an
/// OID be reused for a function with another number of columns before the callback runs,
/// the count check rebuilds the descriptor.
unsafe fn record_desc(fcinfo: FunctionCallInfo, columns: usize) -> pg_sys::TupleDesc {
    let oid = call_site(fcinfo).fn_oid;
    if let Some(desc) = RECORD_DESCS.with(|m| m.borrow().get(&oid).copied()) {
        if (*desc).natts as usize == columns {
            return desc;
        }
    }
    if !RECORD_DESCS_WATCHED.with(|w| w.replace(true)) {
        pg_sys::CacheRegisterSyscacheCallback(
            pg_sys::SysCacheIdentifier::PROCOID as i32,
            Some(forget_record_descs),
            Datum::from(0usize),
        );
    }
    let mut tupdesc: pg_sys::TupleDesc = std::ptr::null_mut();
    if pg_sys::get_call_result_type(fcinfo, std::ptr::null_mut(), &mut tupdesc)
        != pg_sys::TypeFuncClass::TYPEFUNC_COMPOSITE
    {
        pgrx::error!("function returning a record must be declared with a composite type or OUT parameters");
    }
    let old = pg_sys::MemoryContextSwitchTo(pg_sys::TopMemoryContext);
    let desc = pg_sys::BlessTupleDesc(pg_sys::CreateTupleDescCopy(tupdesc));
    pg_sys::MemoryContextSwitchTo(old);
    if let Some(stale) = RECORD_DESCS.with(|m| m.borrow_mut().insert(oid, desc)) {
        pg_sys::FreeTupleDesc(stale);
    }
    desc
}

/// Return one row of the function's result type (its OUT parameters or composite type),
/// `None` for NULL.
pub unsafe fn ret_record(fcinfo: FunctionCallInfo, row: &[Option<Datum>]) -> Datum {
    form_row(record_desc(fcinfo, row.len()), row)
}

/// A row of `tupdesc` as a composite datum, `None` for NULL.
unsafe fn form_row(tupdesc: pg_sys::TupleDesc, row: &[Option<Datum>]) -> Datum {
    let mut values: Vec<Datum> = row
        .iter()
        .map(|v| v.unwrap_or(Datum::from(0usize)))
        .collect();
    let mut nulls: Vec<bool> = row.iter().map(|v| v.is_none()).collect();
    let tuple = pg_sys::heap_form_tuple(tupdesc, values.as_mut_ptr(), nulls.as_mut_ptr());
    pg_sys::HeapTupleHeaderGetDatum((*tuple).t_data)
}

/// Return an array of the composite type that is the element type of the function's
/// declared result type, one element per row. The declared type, from the catalog, not the
/// call's expression: Citus calls an aggregate's final function on the coordinator without
/// one.
pub unsafe fn ret_composite_array(
    fcinfo: FunctionCallInfo,
    rows: impl IntoIterator<Item = Vec<Option<Datum>>>,
) -> Datum {
    let elem = pg_sys::get_element_type(pg_sys::get_func_rettype((*(*fcinfo).flinfo).fn_oid));
    if elem == pg_sys::InvalidOid {
        pgrx::error!(
            "function returning an array of rows must be declared with an array of a composite type"
        );
    }
    let desc = pg_sys::lookup_rowtype_tupdesc(elem, -1);
    let mut elems: Vec<Datum> = rows.into_iter().map(|row| form_row(desc, &row)).collect();
    if (*desc).tdrefcount >= 0 {
        pg_sys::DecrTupleDescRefCount(desc);
    }
    let (mut len, mut byval, mut align) = (0i16, false, 0 as std::ffi::c_char);
    pg_sys::get_typlenbyvalalign(elem, &mut len, &mut byval, &mut align);
    let n = elems.len() as i32;
    let array = pg_sys::construct_array(elems.as_mut_ptr(), n, elem, len.into(), byval, align);
    Datum::from(array)
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

// --- scalar conversions -------------------------------------------------------------------

/// The bytes of a varlena argument (any header, detoasted if needed). Values with a plain
/// header, short or long (every id, amount and small summary in practice), are read in
/// place without calling PostgreSQL: this runs on every row.
#[inline]
pub unsafe fn varlena_bytes<'a>(d: Datum) -> &'a [u8] {
    let p = d.cast_mut_ptr::<pg_sys::varlena>();
    if pgrx::varatt_is_1b(p) && !pgrx::varatt_is_1b_e(p) {
        return std::slice::from_raw_parts((p as *const u8).add(1), pgrx::varsize_1b(p) - 1);
    }
    if pgrx::varatt_is_4b_u(p) {
        return std::slice::from_raw_parts(
            (p as *const u8).add(pg_sys::VARHDRSZ),
            pgrx::varsize_4b(p) - pg_sys::VARHDRSZ,
        );
    }
    let p = pg_sys::pg_detoast_datum_packed(p);
    std::slice::from_raw_parts(
        pgrx::vardata_any(p) as *const u8,
        pgrx::varsize_any_exhdr(p),
    )
}

/// A `numeric` argument as an exact decimal.
pub unsafe fn arg_numeric(d: Datum, what: &str) -> retention_core::decimal::Dec {
    retention_core::decimal::Dec::from_pg_numeric(varlena_bytes(d), what).or_report()
}

/// Call a built-in SQL function of PostgreSQL with non-NULL arguments and a non-NULL result.
pub unsafe fn call_builtin(func: unsafe fn(FunctionCallInfo) -> Datum, args: &[Datum]) -> Datum {
    let args: Vec<Option<Datum>> = args.iter().map(|d| Some(*d)).collect();
    pgrx::fcinfo::direct_function_call_as_datum(func, &args).expect("built-in returned NULL")
}

/// A decimal as `numeric`.
pub unsafe fn numeric_datum(d: retention_core::decimal::Dec) -> Datum {
    // Without text when the value at its printed scale, max(scale, display), fits an int64
    // (any amount below 92 billion with 8 decimals): PostgreSQL's own m / 10^scale, which
    // gives the numeric numeric_in gives for the text.
    let extra = d.display.saturating_sub(u16::from(d.scale));
    let m = 10i128
        .checked_pow(u32::from(extra))
        .and_then(|p| d.m.checked_mul(p))
        .and_then(|m| i64::try_from(m).ok());
    match m {
        Some(m) => Datum::from(pg_sys::int64_div_fast_to_numeric(
            m,
            i32::from(d.scale) + i32::from(extra),
        )),
        None => numeric_datum_of_text(&d.to_string()),
    }
}

/// A decimal's text (digits, sign and point, as `Dec` or a float prints it) as `numeric`.
pub unsafe fn numeric_datum_of_text(text: &str) -> Datum {
    let text = std::ffi::CString::new(text).expect("digits only");
    call_builtin(
        pg_sys::numeric_in,
        &[
            Datum::from(text.as_ptr()),
            Datum::from(pg_sys::InvalidOid),
            Datum::from(-1i32),
        ],
    )
}

/// `d / n` with PostgreSQL's numeric division (the scale `sum(x) / count(x)` and `avg(x)`
/// give), or `None` when n is 0.
pub unsafe fn numeric_div(d: Option<retention_core::decimal::Dec>, n: u64) -> Option<Datum> {
    match d {
        Some(d) if n > 0 => {
            let n = call_builtin(pg_sys::int8_numeric, &[Datum::from(n as i64)]);
            Some(call_builtin(pg_sys::numeric_div, &[numeric_datum(d), n]))
        }
        _ => None,
    }
}

pub unsafe fn ret_numeric_div(
    fcinfo: FunctionCallInfo,
    d: Option<retention_core::decimal::Dec>,
    n: u64,
) -> Datum {
    numeric_div(d, n).unwrap_or_else(|| ret_null(fcinfo))
}

pub unsafe fn ret_numeric(
    fcinfo: FunctionCallInfo,
    d: Option<retention_core::decimal::Dec>,
) -> Datum {
    match d {
        Some(d) => numeric_datum(d),
        None => ret_null(fcinfo),
    }
}

/// A duration in microseconds as an `interval` the way `timestamptz - timestamptz` gives
/// one: whole days, then the time of day (no months).
pub unsafe fn interval_datum(us: i64) -> Datum {
    let p = pg_sys::palloc(std::mem::size_of::<pg_sys::Interval>()) as *mut pg_sys::Interval;
    let day = retention_core::time::US_PER_DAY;
    (*p).month = 0;
    (*p).day = (us / day) as i32;
    (*p).time = us % day;
    Datum::from(p)
}

/// An interval in microseconds rounded to the nearest microsecond, or NULL.
pub unsafe fn ret_interval_us(fcinfo: FunctionCallInfo, us: Option<f64>) -> Datum {
    match us {
        Some(v) if v.is_finite() && v.abs() < 9.0e18 => interval_datum(v.round() as i64),
        _ => ret_null(fcinfo),
    }
}

/// An `interval` argument in microseconds, as `extract(epoch from ...)` counts it: a month
/// is 30 days and a year 365.25 days.
pub unsafe fn arg_interval_us(d: Datum) -> f64 {
    let i = d.cast_mut_ptr::<pg_sys::Interval>();
    let months = (*i).month as f64;
    let years = (months / 12.0).trunc();
    let rest = months - 12.0 * years;
    let day = retention_core::time::US_PER_DAY as f64;
    years * 365.25 * day + rest * 30.0 * day + (*i).day as f64 * day + (*i).time as f64
}

/// The text of a `text` argument.
pub unsafe fn arg_text<'a>(d: Datum, what: &str) -> &'a str {
    match std::str::from_utf8(varlena_bytes(d)) {
        Ok(s) => s,
        Err(_) => report(MetricError::InvalidParameter(format!(
            "{what} is not valid UTF-8"
        ))),
    }
}

/// A `text` datum.
pub unsafe fn text_datum(s: &str) -> Datum {
    new_varlena(s.as_bytes())
}

// --- set-returning functions ----------------------------------------------------------------

/// Return `rows` from a set-returning function declared with OUT columns (materialize
/// mode: the rows go into a tuplestore in one call). Each row gives one value per column,
/// `None` for NULL; values beyond the declared columns are dropped (an older catalog). The
/// rows are made as they are stored (pass a lazy iterator), with a check for cancellation
/// every 1,024 rows.
pub unsafe fn return_rows(
    fcinfo: FunctionCallInfo,
    rows: impl IntoIterator<Item = Vec<Option<Datum>>>,
) -> Datum {
    let rsinfo = (*fcinfo).resultinfo as *mut pg_sys::ReturnSetInfo;
    if rsinfo.is_null()
        || (*rsinfo).type_ != pg_sys::NodeTag::T_ReturnSetInfo
        || (*rsinfo).allowedModes & pg_sys::SetFunctionReturnMode::SFRM_Materialize as i32 == 0
    {
        pgrx::ereport!(
            ERROR,
            PgSqlErrorCode::ERRCODE_FEATURE_NOT_SUPPORTED,
            "set-valued function called in context that cannot accept a set"
        );
    }
    let per_query = (*(*rsinfo).econtext).ecxt_per_query_memory;
    let old = pg_sys::MemoryContextSwitchTo(per_query);
    let mut tupdesc: pg_sys::TupleDesc = std::ptr::null_mut();
    if pg_sys::get_call_result_type(fcinfo, std::ptr::null_mut(), &mut tupdesc)
        != pg_sys::TypeFuncClass::TYPEFUNC_COMPOSITE
    {
        pgrx::error!("set-returning function must be declared with OUT columns");
    }
    let tupdesc = pg_sys::CreateTupleDescCopy(tupdesc);
    let random =
        (*rsinfo).allowedModes & pg_sys::SetFunctionReturnMode::SFRM_Materialize_Random as i32 != 0;
    let store = pg_sys::tuplestore_begin_heap(random, false, pg_sys::work_mem);
    pg_sys::MemoryContextSwitchTo(old);
    // Columns are only ever appended to a read-out: a release's catalog that declares fewer
    // (0.2.0's periods() had no `date`) gets the first ones, as it did.
    let columns = (*tupdesc).natts as usize;
    for (i, mut row) in rows.into_iter().enumerate() {
        retention_core::interrupt::check_each(i, 1024);
        assert!(row.len() >= columns, "a row has fewer values than the declared columns");
        row.truncate(columns);
        let mut values: Vec<Datum> = row
            .iter()
            .map(|v| v.unwrap_or(Datum::from(0usize)))
            .collect();
        let mut nulls: Vec<bool> = row.iter().map(|v| v.is_none()).collect();
        pg_sys::tuplestore_putvalues(store, tupdesc, values.as_mut_ptr(), nulls.as_mut_ptr());
    }
    (*rsinfo).returnMode = pg_sys::SetFunctionReturnMode::SFRM_Materialize;
    (*rsinfo).setResult = store;
    (*rsinfo).setDesc = tupdesc;
    ret_null(fcinfo)
}
