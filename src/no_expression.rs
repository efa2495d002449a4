//! Test support (built only with the `pg_test` feature): run any aggregate of the extension
//! the way Citus runs it on its workers and coordinator, and the way `OidFunctionCall*` and
//! other extensions' wrappers call functions: through the function manager, with `fn_oid`
//! and the aggregate's context set but no expression (`fn_expr` is NULL), so nothing can be
//! learnt from the call site. The pg_test `no_expression` calls every aggregate through it.
//!
//! `through_fmgr(agg regprocedure, trans_expr boolean, VARIADIC "any")` is an aggregate over
//! the rows of the aggregate `agg` with the remaining arguments. It keeps two transition
//! states and feeds the rows alternately to each (as two parallel workers or two Citus
//! shards would), then moves each state through its partial form: the serial and deserial
//! functions for an `internal` state (a parallel plan), the type's text output and input for
//! a concrete one (what Citus sends between nodes); combines the two with the combine
//! function and applies the final function (its extra arguments NULL, as Citus passes them).
//! The result is the text of the aggregate's result, to compare with `agg(...)::text`.
//! With `trans_expr`, the transition function gets an expression that states the argument
//! types (the executor's call), so that aggregates whose `anyelement` argument needs it still
//! reach their combine, serial, deserial and final functions without one.
//!
//! This mirrors nodeAgg's and Citus's `HandleTransition` rules (a strict transition function
//! skips rows with a NULL argument and takes the first value as the state when there is no
//! initial value; a result that is a new pointer is copied into the aggregate's context), and
//! Citus's fresh function record on every call: no call-site cache survives from one row to
//! the next.

use crate::pg::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo, Oid};

/// A support function, called through the function manager without an expression.
struct Func {
    info: pg_sys::FmgrInfo,
}

impl Func {
    unsafe fn new(oid: Oid, ctx: pg_sys::MemoryContext) -> Option<Func> {
        if oid == pg_sys::InvalidOid {
            return None;
        }
        let mut info: pg_sys::FmgrInfo = std::mem::zeroed();
        pg_sys::fmgr_info_cxt(oid, &mut info, ctx);
        Some(Func { info })
    }

    /// Call with `args` (`None` for NULL), `context` as the caller's aggregate node. Citus
    /// runs `fmgr_info` before every call, so a function finds its call-site cache
    /// (`fn_extra`) empty on every row, in the memory of the current call: so here too.
    unsafe fn call(&mut self, context: *mut pg_sys::Node, args: &[Option<Datum>]) -> Option<Datum> {
        self.info.fn_extra = std::ptr::null_mut();
        self.info.fn_mcxt = pg_sys::CurrentMemoryContext;
        let size = std::mem::size_of::<pg_sys::FunctionCallInfoBaseData>()
            + args.len() * std::mem::size_of::<pg_sys::NullableDatum>();
        let fc = pg_sys::palloc0(size) as FunctionCallInfo;
        (*fc).flinfo = &mut self.info;
        (*fc).context = context;
        (*fc).fncollation = pg_sys::DEFAULT_COLLATION_OID;
        (*fc).nargs = args.len() as i16;
        for (i, a) in args.iter().enumerate() {
            let slot = (*fc).args.as_mut_ptr().add(i);
            (*slot).value = a.unwrap_or(Datum::from(0usize));
            (*slot).isnull = a.is_none();
        }
        let f = self.info.fn_addr.expect("fmgr_info sets the address");
        let r = f(fc);
        (!(*fc).isnull).then_some(r)
    }
}

struct Harness {
    ctx: pg_sys::MemoryContext,
    trans: Func,
    trans_strict: bool,
    combine: Option<Func>,
    combine_strict: bool,
    serial: Option<Func>,
    deserial: Option<Func>,
    final_: Option<Func>,
    final_strict: bool,
    /// Arguments of the final function: 1, or 1 + the aggregated arguments (FINALFUNC_EXTRA).
    final_nargs: usize,
    transtype: Oid,
    trans_len: i16,
    trans_byval: bool,
    result_type: Oid,
    states: [Option<Datum>; 2],
    /// Per argument: the input function and its parameter when it arrives as a literal.
    literals: Vec<Option<(Oid, Oid)>>,
    rows: usize,
}

/// The aggregate's catalog entry, read once per group.
unsafe fn harness(fcinfo: FunctionCallInfo, agg: Oid, values: usize, trans_expr: bool) -> Harness {
    let ctx = agg_context(fcinfo, "through_fmgr");
    let row = pgrx::spi::Spi::get_one::<String>(&format!(
        "SELECT concat_ws(',', a.aggtransfn::oid, a.aggfinalfn::oid, a.aggcombinefn::oid,
                 a.aggserialfn::oid, a.aggdeserialfn::oid, a.aggfinalextra, a.aggtranstype::oid,
                 p.prorettype::oid, p.pronargs, array_to_string(p.proargtypes::oid[], ' '),
                 coalesce(a.agginitval, ''), a.agginitval IS NULL)
         FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid WHERE a.aggfnoid = {}",
        agg.to_u32()
    ))
    .expect("catalog query")
    .unwrap_or_else(|| pgrx::error!("through_fmgr: {} is not an aggregate", agg.to_u32()));
    let f: Vec<&str> = row.splitn(12, ',').collect();
    let oid = |s: &str| Oid::from(s.parse::<u32>().expect("an oid"));
    let declared: Vec<Oid> = f[9].split(' ').filter(|s| !s.is_empty()).map(oid).collect();
    // The argument types given must be the ones declared (what Citus's type check asks).
    if declared.len() != values {
        pgrx::error!(
            "through_fmgr: the aggregate takes {} arguments, {values} given",
            declared.len()
        );
    }
    // A quoted literal reaches a VARIADIC "any" argument as `unknown` (a C string): it is
    // read with the declared type's input function, as the parser would have coerced it.
    let mut types = Vec::with_capacity(values);
    let mut literals = Vec::with_capacity(values);
    for (i, &d) in declared.iter().enumerate() {
        let given = pg_sys::get_fn_expr_argtype((*fcinfo).flinfo, (i + 3) as i32);
        let pseudo = pg_sys::get_typtype(d) == pg_sys::TYPTYPE_PSEUDO as std::ffi::c_char;
        if given == pg_sys::UNKNOWNOID && !pseudo {
            let (mut input, mut ioparam) = (pg_sys::InvalidOid, pg_sys::InvalidOid);
            pg_sys::getTypeInputInfo(d, &mut input, &mut ioparam);
            literals.push(Some((input, ioparam)));
            types.push(d);
            continue;
        }
        if !pseudo && given != d {
            pgrx::error!(
                "through_fmgr: argument {} has type {}, declared {}",
                i + 1,
                given.to_u32(),
                d.to_u32()
            );
        }
        literals.push(None);
        types.push(given);
    }
    let transtype = oid(f[6]);
    let mut trans = Func::new(oid(f[0]), ctx).expect("a transition function");
    if trans_expr {
        // The executor's call: an expression whose arguments carry the types.
        let old = pg_sys::MemoryContextSwitchTo(ctx);
        let mut args = pg_sys::lappend(
            std::ptr::null_mut(),
            pg_sys::makeNullConst(transtype, -1, pg_sys::InvalidOid).cast(),
        );
        for &t in &types {
            args = pg_sys::lappend(
                args,
                pg_sys::makeNullConst(t, -1, pg_sys::InvalidOid).cast(),
            );
        }
        trans.info.fn_expr = pg_sys::makeFuncExpr(
            oid(f[0]),
            transtype,
            args,
            pg_sys::InvalidOid,
            pg_sys::InvalidOid,
            pg_sys::CoercionForm::COERCE_EXPLICIT_CALL,
        )
        .cast();
        pg_sys::MemoryContextSwitchTo(old);
    }
    let (mut trans_len, mut trans_byval) = (0i16, false);
    pg_sys::get_typlenbyval(transtype, &mut trans_len, &mut trans_byval);
    let init = if f[11] == "t" {
        None
    } else {
        let (mut input, mut ioparam) = (pg_sys::InvalidOid, pg_sys::InvalidOid);
        pg_sys::getTypeInputInfo(transtype, &mut input, &mut ioparam);
        let text = std::ffi::CString::new(f[10]).expect("no NUL in an initial value");
        let old = pg_sys::MemoryContextSwitchTo(ctx);
        let d = pg_sys::OidInputFunctionCall(input, text.as_ptr() as *mut _, ioparam, -1);
        pg_sys::MemoryContextSwitchTo(old);
        Some(d)
    };
    let final_ = Func::new(oid(f[1]), ctx);
    Harness {
        ctx,
        trans_strict: pg_sys::func_strict(oid(f[0])),
        trans,
        combine: Func::new(oid(f[2]), ctx),
        combine_strict: oid(f[2]) != pg_sys::InvalidOid && pg_sys::func_strict(oid(f[2])),
        serial: Func::new(oid(f[3]), ctx),
        deserial: Func::new(oid(f[4]), ctx),
        final_strict: final_.is_some() && pg_sys::func_strict(oid(f[1])),
        final_,
        final_nargs: if f[5] == "t" { 1 + values } else { 1 },
        transtype,
        trans_len,
        trans_byval,
        result_type: oid(f[7]),
        states: [
            init,
            init.map(|d| copy_datum(ctx, d, trans_len, trans_byval)),
        ],
        literals,
        rows: 0,
    }
}

/// A copy of `d` in `ctx` (nodeAgg's `datumCopy` of a new transition value).
unsafe fn copy_datum(ctx: pg_sys::MemoryContext, d: Datum, len: i16, byval: bool) -> Datum {
    if byval {
        return d;
    }
    let size = if len == -1 {
        pgrx::varsize_any(d.cast_mut_ptr())
    } else {
        len as usize
    };
    let p = pg_sys::MemoryContextAlloc(ctx, size) as *mut u8;
    std::ptr::copy_nonoverlapping(d.cast_mut_ptr::<u8>(), p, size);
    Datum::from(p)
}

impl Harness {
    /// Store a transition or combine result as state `k`, as nodeAgg does.
    unsafe fn keep(&mut self, k: usize, new: Option<Datum>) {
        let old = self.states[k];
        self.states[k] = match new {
            Some(d) if !self.trans_byval && old.map(|o| o.value()) != Some(d.value()) => {
                Some(copy_datum(self.ctx, d, self.trans_len, self.trans_byval))
            }
            other => other,
        };
    }

    /// The partial form of state `k` and back: serial and deserial for `internal`, else
    /// the type's text output and input (Citus moves partial states as text).
    unsafe fn through_partial_form(&mut self, k: usize, context: *mut pg_sys::Node) {
        let Some(s) = self.states[k] else { return };
        if self.transtype == pg_sys::INTERNALOID {
            let (Some(serial), Some(deserial)) = (self.serial.as_mut(), self.deserial.as_mut())
            else {
                return;
            };
            let bytes = serial.call(context, &[Some(s)]);
            let back = deserial.call(context, &[bytes, None]);
            self.states[k] = back;
        } else {
            let (mut output, mut varlena) = (pg_sys::InvalidOid, false);
            pg_sys::getTypeOutputInfo(self.transtype, &mut output, &mut varlena);
            let text = pg_sys::OidOutputFunctionCall(output, s);
            let (mut input, mut ioparam) = (pg_sys::InvalidOid, pg_sys::InvalidOid);
            pg_sys::getTypeInputInfo(self.transtype, &mut input, &mut ioparam);
            let old = pg_sys::MemoryContextSwitchTo(self.ctx);
            self.states[k] = Some(pg_sys::OidInputFunctionCall(input, text, ioparam, -1));
            pg_sys::MemoryContextSwitchTo(old);
        }
    }
}

pg_fn!(
    /// `through_fmgr_trans(internal, agg, trans_expr, VARIADIC "any")`.
    fn through_fmgr_trans(fcinfo) {
        let values = nargs(fcinfo) - 3;
        let h = match arg(fcinfo, 0) {
            Some(d) => &mut *d.cast_mut_ptr::<Harness>(),
            None => {
                let agg = Oid::from(arg(fcinfo, 1).expect("an aggregate").value() as u32);
                let trans_expr = arg(fcinfo, 2).is_some_and(|d| d.value() != 0);
                let h = harness(fcinfo, agg, values, trans_expr);
                &mut *alloc_in(h.ctx, h)
            }
        };
        let args: Vec<Option<Datum>> = (0..values)
            .map(|i| match (arg(fcinfo, i + 3), h.literals[i]) {
                (Some(d), Some((input, ioparam))) => {
                    Some(pg_sys::OidInputFunctionCall(input, d.cast_mut_ptr(), ioparam, -1))
                }
                (d, _) => d,
            })
            .collect();
        // Without a combine function the rows cannot be split.
        let k = if h.combine.is_some() { h.rows % 2 } else { 0 };
        h.rows += 1;
        if h.trans_strict && args.iter().any(|a| a.is_none()) {
            return Datum::from(h as *mut Harness);
        }
        if h.trans_strict && h.states[k].is_none() {
            let first = copy_datum(h.ctx, args[0].expect("not null"), h.trans_len, h.trans_byval);
            h.states[k] = Some(first);
            return Datum::from(h as *mut Harness);
        }
        let mut call = vec![h.states[k]];
        call.extend(args);
        let new = h.trans.call((*fcinfo).context, &call);
        h.keep(k, new);
        Datum::from(h as *mut Harness)
    }
);

pg_fn!(
    /// `through_fmgr_final(internal, agg, trans_expr, VARIADIC "any")`: the result as text.
    fn through_fmgr_final(fcinfo) {
        let Some(h) = arg(fcinfo, 0) else {
            pgrx::error!("through_fmgr: no rows (the test gives every aggregate some)");
        };
        let h = &mut *h.cast_mut_ptr::<Harness>();
        let context = (*fcinfo).context;
        h.through_partial_form(0, context);
        h.through_partial_form(1, context);
        let state = match (h.combine.as_mut(), h.states) {
            (None, [a, _]) => a,
            (Some(_), [None, b]) if h.combine_strict => b,
            (Some(_), [a, None]) if h.combine_strict => a,
            (Some(c), [a, b]) => c.call(context, &[a, b]),
        };
        let result = match h.final_.as_mut() {
            None => state,
            Some(_) if h.final_strict && state.is_none() => None,
            Some(f) => {
                let mut args = vec![state];
                args.resize(h.final_nargs, None);
                f.call(context, &args)
            }
        };
        match result {
            None => ret_null(fcinfo),
            Some(d) => {
                let (mut output, mut varlena) = (pg_sys::InvalidOid, false);
                pg_sys::getTypeOutputInfo(h.result_type, &mut output, &mut varlena);
                let text = pg_sys::OidOutputFunctionCall(output, d);
                Datum::from(pg_sys::cstring_to_text(text))
            }
        }
    }
);
