//! Aggregate states with a SQL type of their own, kept as PostgreSQL expanded objects: the
//! fits' histograms, the Kaplan-Meier counts and the funnel's events.
//!
//! An `internal` state cannot leave its process except through serialize functions, which
//! PostgreSQL's parallel query calls and Citus does not: Citus moves a partial state between
//! nodes only as the text form of a concrete state type. So these aggregates declare a base
//! type as their STYPE (`rfm_fit_state`, `sbg_fit_state`, `kaplan_meier_state`,
//! `window_funnel_state`) whose flat form is the state's versioned binary form
//! ([`AggState::write`]) and whose text form is that in hexadecimal.
//!
//! Within an aggregate the state is never flat: the first transition makes a read-write
//! expanded object (`utils/expandeddatum.h`) in a memory context under the aggregate's (one
//! for all its groups: `shared_context`), and PostgreSQL (like Citus's worker_partial_agg)
//! keeps such a pointer without copying, so each row updates the Rust value in place, as
//! with `internal`. It is flattened only when it
//! leaves the aggregate: a parallel worker's partial state in the tuple queue, Citus's text
//! output, a direct call. A flat or read-only value handed to a transition or combine call is
//! read into a new object first.

use super::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use retention_core::{MetricError, Result};

/// The object: PostgreSQL's header (first, so a header pointer is an object pointer), the
/// state, and its binary form while it is being flattened.
#[repr(C)]
struct Object<T> {
    hdr: pg_sys::ExpandedObjectHeader,
    state: *mut T,
    flat: Option<Vec<u8>>,
}

/// A state kept in an expanded object, with the methods PostgreSQL calls to flatten it
/// (one static per type: [`expanded_state!`] defines it).
pub trait ExpandedState: AggState {
    /// The SQL type name, for messages.
    const NAME: &'static str;
    fn methods() -> &'static pg_sys::ExpandedObjectMethods;
}

/// `get_flat_size` of the methods: the binary form is written once and kept for
/// `flatten_into`, which PostgreSQL calls next.
pub unsafe extern "C-unwind" fn get_flat_size<T: ExpandedState>(
    eoh: *mut pg_sys::ExpandedObjectHeader,
) -> pg_sys::Size {
    let o = eoh as *mut Object<T>;
    let bytes = (*(*o).state).write();
    let size = bytes.len() + pg_sys::VARHDRSZ;
    (*o).flat = Some(bytes);
    size
}

/// `flatten_into` of the methods.
pub unsafe extern "C-unwind" fn flatten_into<T: ExpandedState>(
    eoh: *mut pg_sys::ExpandedObjectHeader,
    result: *mut std::ffi::c_void,
    allocated_size: pg_sys::Size,
) {
    let o = eoh as *mut Object<T>;
    let bytes = (*o).flat.take().unwrap_or_else(|| (*(*o).state).write());
    debug_assert_eq!(
        bytes.len() + pg_sys::VARHDRSZ,
        allocated_size,
        "flat size changed"
    );
    pgrx::set_varsize_4b(result as *mut pg_sys::varlena, allocated_size as i32);
    std::ptr::copy_nonoverlapping(
        bytes.as_ptr(),
        (result as *mut u8).add(pg_sys::VARHDRSZ),
        bytes.len(),
    );
}

/// The expanded object behind `d`, if `d` is a pointer to one (read-write or read-only).
unsafe fn object_of<T>(d: Datum) -> Option<(*mut Object<T>, bool)> {
    let p = d.cast_mut_ptr::<u8>();
    // VARATT_IS_EXTERNAL_EXPANDED: a 1-byte external header whose tag is an expanded one.
    if !pgrx::varatt_is_1b_e(p as *const pg_sys::varlena) {
        return None;
    }
    let tag = *p.add(1) as u32;
    let rw = tag == pg_sys::vartag_external::VARTAG_EXPANDED_RW as u32;
    if !rw && tag != pg_sys::vartag_external::VARTAG_EXPANDED_RO as u32 {
        return None;
    }
    Some((pg_sys::DatumGetEOHP(d) as *mut Object<T>, rw))
}

/// The name of the objects' memory contexts; the aggregate's shared one is found by it.
static CONTEXT_NAME: &std::ffi::CStr = c"pg_retention aggregate states";

/// The memory context of the objects of an aggregate whose context is `agg`: one child of
/// `agg` shared by all its groups, made by the first (and deleted with `agg` when PostgreSQL
/// resets it, between groups or hash batches).
///
/// Not a context per object, as PostgreSQL's expanded arrays have: hash aggregation sums
/// the memory of every child of its context whenever it adds a group, so a context per
/// group makes a GROUP BY of n groups cost n^2 (a funnel per user over 300,000 users ran for
/// minutes instead of seconds). Sharing is safe because an aggregate's object is never
/// deleted alone: PostgreSQL (and Citus) delete a transition value only when the transition
/// returns another pointer, and these functions return the object they were given.
unsafe fn shared_context(agg: pg_sys::MemoryContext) -> pg_sys::MemoryContext {
    let mut child = (*agg).firstchild;
    while !child.is_null() {
        if (*child).name == CONTEXT_NAME.as_ptr() {
            return child;
        }
        child = (*child).nextchild;
    }
    pg_sys::AllocSetContextCreateInternal(
        agg,
        CONTEXT_NAME.as_ptr(),
        pg_sys::ALLOCSET_DEFAULT_MINSIZE as usize,
        pg_sys::ALLOCSET_DEFAULT_INITSIZE as usize,
        pg_sys::ALLOCSET_DEFAULT_MAXSIZE as usize,
    )
}

/// The state of an object, to read or update: the binary form kept for flattening is
/// dropped first, so a flattening after an update never writes a stale one.
unsafe fn state_of_object<'a, T>(o: *mut Object<T>) -> &'a mut T {
    (*o).flat = None;
    &mut *(*o).state
}

/// A new object holding the state `make` builds with the allocator of the object's memory
/// context: the aggregate's shared one (`agg`), or one of its own under the current context
/// outside an aggregate (a direct call, whose caller may delete the object). Returns its
/// read-write datum and the state.
unsafe fn new_object<'a, T: ExpandedState>(
    agg: Option<pg_sys::MemoryContext>,
    make: impl FnOnce(PgAlloc) -> Result<T>,
) -> (Datum, &'a mut T) {
    let ctx = match agg {
        Some(agg) => shared_context(agg),
        None => pg_sys::AllocSetContextCreateInternal(
            pg_sys::CurrentMemoryContext,
            CONTEXT_NAME.as_ptr(),
            0,
            1024,
            8 * 1024 * 1024,
        ),
    };
    let state = place(ctx, make(PgAlloc(ctx)).or_report());
    let o = keep_in(
        ctx,
        Object::<T> {
            hdr: std::mem::zeroed(),
            state,
            flat: None,
        },
    );
    pg_sys::EOH_init_header(&mut (*o).hdr, T::methods(), ctx);
    (Datum::from((*o).hdr.eoh_rw_ptr.as_mut_ptr()), &mut *state)
}

/// The running state at argument 0 of a transition or combine call, made by `init` on the
/// group's first row. The aggregate's own read-write object is updated in place; a flat or
/// read-only value (a direct call, Citus's first partial state) is read into a new object,
/// never modified.
pub unsafe fn running_state<'a, T: ExpandedState>(
    fcinfo: FunctionCallInfo,
    fname: &str,
    init: impl FnOnce(PgAlloc) -> T,
) -> (Datum, &'a mut T) {
    let mine = in_aggregate(fcinfo);
    match arg(fcinfo, 0) {
        Some(d) => match object_of::<T>(d) {
            Some((o, true)) if mine => (d, state_of_object(o)),
            _ => {
                let bytes = varlena_bytes(d);
                new_object(owner(fcinfo, fname), |a| read_state::<T>(bytes, a))
            }
        },
        None => new_object(owner(fcinfo, fname), |a| Ok(init(a))),
    }
}

/// The aggregate's memory context when this is an aggregate's call.
unsafe fn owner(fcinfo: FunctionCallInfo, fname: &str) -> Option<pg_sys::MemoryContext> {
    in_aggregate(fcinfo).then(|| agg_context(fcinfo, fname))
}

/// A state argument, read-only: the object's own state or one read from a flat value (in
/// the current memory context, dropped with it).
pub unsafe fn expanded_arg<'a, T: ExpandedState>(d: Datum) -> &'a mut T {
    if let Some((o, _)) = object_of::<T>(d) {
        return state_of_object(o);
    }
    let ctx = pg_sys::CurrentMemoryContext;
    let v = read_state::<T>(varlena_bytes(d), PgAlloc(ctx)).or_report();
    &mut *place(ctx, v)
}

/// The state of a final call, or `None` for a group without rows.
pub unsafe fn expanded_final<'a, T: ExpandedState>(fcinfo: FunctionCallInfo) -> Option<&'a mut T> {
    arg(fcinfo, 0).map(|d| expanded_arg::<T>(d))
}

/// The combine function: adds the state at argument 1 (always read as a copy: it may be a
/// value the call does not own) to the running one.
pub unsafe fn expanded_combine<T: ExpandedState>(fcinfo: FunctionCallInfo, fname: &str) -> Datum {
    let Some(b) = arg(fcinfo, 1) else {
        return arg(fcinfo, 0).unwrap_or_else(|| ret_null(fcinfo));
    };
    let bytes = varlena_bytes(b);
    if arg(fcinfo, 0).is_none() {
        return new_object(owner(fcinfo, fname), |a| read_state::<T>(bytes, a)).0;
    }
    let ctx = pg_sys::CurrentMemoryContext;
    let other = &mut *place(ctx, read_state::<T>(bytes, PgAlloc(ctx)).or_report());
    let (d, mine) = running_state::<T>(fcinfo, fname, |_| unreachable!("the state is not NULL"));
    mine.absorb(other).or_report();
    d
}

/// The binary form of a state, checked by the state's reader (22P03 when it is not one).
fn read_state<T: ExpandedState>(bytes: &[u8], alloc: PgAlloc) -> Result<T> {
    T::read(bytes, alloc)
}

// --- one body, two placements ------------------------------------------------------------

/// Where a transition or final function finds its state: the `internal` state of the
/// declarations up to 0.2.0 (their C symbols stay, for a catalog not yet updated), or the
/// expanded object of a state type. The functions are written once, generic over this.
pub trait Placement {
    unsafe fn state<'a, T: ExpandedState>(
        fcinfo: FunctionCallInfo,
        fname: &str,
        init: impl FnOnce(PgAlloc) -> T,
    ) -> (Datum, &'a mut T);
    unsafe fn final_state<'a, T: ExpandedState>(fcinfo: FunctionCallInfo) -> Option<&'a mut T>;
}

/// An `internal` state.
pub struct Internal;
/// A state type's expanded object.
pub struct Expanded;

impl Placement for Internal {
    unsafe fn state<'a, T: ExpandedState>(
        fcinfo: FunctionCallInfo,
        fname: &str,
        init: impl FnOnce(PgAlloc) -> T,
    ) -> (Datum, &'a mut T) {
        state_of(fcinfo, fname, init)
    }
    unsafe fn final_state<'a, T: ExpandedState>(fcinfo: FunctionCallInfo) -> Option<&'a mut T> {
        final_state(fcinfo)
    }
}

impl Placement for Expanded {
    unsafe fn state<'a, T: ExpandedState>(
        fcinfo: FunctionCallInfo,
        fname: &str,
        init: impl FnOnce(PgAlloc) -> T,
    ) -> (Datum, &'a mut T) {
        running_state(fcinfo, fname, init)
    }
    unsafe fn final_state<'a, T: ExpandedState>(fcinfo: FunctionCallInfo) -> Option<&'a mut T> {
        expanded_final(fcinfo)
    }
}

/// Define a function written over [`Placement`] under two C symbols: `$internal` for the
/// `internal` declaration, `$expanded` for the state type's.
macro_rules! placed {
    ($body:ident: $internal:ident, $expanded:ident) => {
        $crate::pg::pg_fn!(fn $internal(fcinfo) { $body::<$crate::pg::Internal>(fcinfo) });
        $crate::pg::pg_fn!(fn $expanded(fcinfo) { $body::<$crate::pg::Expanded>(fcinfo) });
    };
}
pub(crate) use placed;

// --- type I/O: the binary form, in hexadecimal as text (retention_core::hex) -------------

/// The type I/O of an expanded state type.
pub struct StateIo<T>(std::marker::PhantomData<T>);

impl<T: ExpandedState> TypeIo for StateIo<T> {
    const NAME: &'static str = T::NAME;
    unsafe fn input(text: &str) -> Datum {
        let bytes = retention_core::hex::decode(text, T::NAME).or_report();
        Self::check(&bytes)
            .map_err(|e| match e {
                MetricError::InvalidBinary(m) => MetricError::InvalidText(format!(
                    "invalid input syntax for type {}: {m}",
                    T::NAME
                )),
                e => e,
            })
            .or_report();
        new_varlena(&bytes)
    }
    unsafe fn output(d: Datum) -> String {
        retention_core::hex::encode(varlena_bytes(d))
    }
    unsafe fn receive(bytes: &[u8]) -> Datum {
        Self::check(bytes)
            .map_err(|e| match e {
                MetricError::InvalidBinary(m) => {
                    MetricError::InvalidBinary(format!("invalid binary value of type {}: {m}", T::NAME))
                }
                e => e,
            })
            .or_report();
        new_varlena(bytes)
    }
    unsafe fn send(d: Datum) -> Vec<u8> {
        varlena_bytes(d).to_vec()
    }
}

impl<T: ExpandedState> StateIo<T> {
    /// A value is good when it reads as a state (read into scratch memory and dropped).
    unsafe fn check(bytes: &[u8]) -> Result<()> {
        let ctx = pg_sys::CurrentMemoryContext;
        let v = read_state::<T>(bytes, PgAlloc(ctx))?;
        place(ctx, v);
        Ok(())
    }
}

/// Make `$T: AggState` an expanded state of SQL type `$name`: its flattening methods, type
/// I/O (input, output, receive, send) and combine function under the given C symbols.
macro_rules! expanded_state {
    ($T:ty, $name:literal: $in:ident, $out:ident, $recv:ident, $send:ident, $comb:ident) => {
        impl $crate::pg::ExpandedState for $T {
            const NAME: &'static str = $name;
            fn methods() -> &'static pgrx::pg_sys::ExpandedObjectMethods {
                static METHODS: pgrx::pg_sys::ExpandedObjectMethods = pgrx::pg_sys::ExpandedObjectMethods {
                    get_flat_size: Some($crate::pg::get_flat_size::<$T>),
                    flatten_into: Some($crate::pg::flatten_into::<$T>),
                };
                &METHODS
            }
        }
        $crate::pg::type_io!($crate::pg::StateIo<$T>: $in, $out, $recv, $send);
        $crate::pg::pg_fn!(fn $comb(fcinfo) { $crate::pg::expanded_combine::<$T>(fcinfo, stringify!($comb)) });
    };
}
pub(crate) use expanded_state;
