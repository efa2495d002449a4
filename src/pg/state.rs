//! `internal` aggregate states: Rust values of the pure crate living in the aggregate's
//! memory context (the one-step aggregates' hash tables and order logs, the history
//! builder, the funnel's events, the fits' histograms and survival data). One trait,
//! [`AggState`], says how a state is placed, merged and sent between processes; one macro,
//! [`internal_state!`], defines its serial, deserial and combine functions.

use super::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use retention_core::Result;

/// An `internal` aggregate state.
pub trait AggState: Sized + 'static {
    /// Whether the value must be dropped with its memory context: true for values owning
    /// memory of Rust's global allocator; false for those allocated with [`PgAlloc`] in the
    /// aggregate's context, which goes with the context (no drop per group).
    const DROP: bool;
    /// Write the partial-state form (what a parallel worker sends its leader).
    fn write(&mut self) -> Vec<u8>;
    /// Read a partial state back, into the aggregate's context `alloc`.
    fn read(bytes: &[u8], alloc: PgAlloc) -> Result<Self>;
    /// Add another state of the same group (parameters checked).
    fn absorb(&mut self, other: &mut Self) -> Result<()>;
}

/// Place a state in the aggregate's context `ctx` (see [`AggState::DROP`]).
pub unsafe fn place<T: AggState>(ctx: pg_sys::MemoryContext, value: T) -> *mut T {
    if T::DROP {
        keep_in(ctx, value)
    } else {
        alloc_in(ctx, value)
    }
}

/// The running state at argument 0 of a transition call, made by `init` (with the
/// allocator of the aggregate's context) on the group's first row.
pub unsafe fn state_of<'a, T: AggState>(
    fcinfo: FunctionCallInfo,
    fname: &str,
    init: impl FnOnce(PgAlloc) -> T,
) -> (Datum, &'a mut T) {
    match arg(fcinfo, 0) {
        Some(d) => (d, &mut *d.cast_mut_ptr::<T>()),
        None => {
            let ctx = agg_context(fcinfo, fname);
            let p = place(ctx, init(PgAlloc(ctx)));
            (Datum::from(p), &mut *p)
        }
    }
}

/// The state of a final call, or `None` for a group without rows.
pub unsafe fn final_state<'a, T>(fcinfo: FunctionCallInfo) -> Option<&'a mut T> {
    arg(fcinfo, 0).map(|d| &mut *d.cast_mut_ptr::<T>())
}

pub unsafe fn serial<T: AggState>(fcinfo: FunctionCallInfo) -> Datum {
    let s = &mut *arg(fcinfo, 0).expect("strict").cast_mut_ptr::<T>();
    new_varlena(&s.write())
}

pub unsafe fn deserial<T: AggState>(fcinfo: FunctionCallInfo, fname: &str) -> Datum {
    let bytes = varlena_bytes(arg(fcinfo, 0).expect("strict"));
    let ctx = agg_context(fcinfo, fname);
    let v = T::read(bytes, PgAlloc(ctx)).or_report();
    Datum::from(place(ctx, v))
}

pub unsafe fn combine<T: AggState>(fcinfo: FunctionCallInfo, fname: &str) -> Datum {
    let (a, b) = (arg(fcinfo, 0), arg(fcinfo, 1));
    let (Some(a), Some(b)) = (a, b) else {
        // Either side may be a group's missing state; the other is already in the
        // aggregate's context.
        return a.or(b).unwrap_or_else(|| ret_null(fcinfo));
    };
    let _ = agg_context(fcinfo, fname);
    let (mine, other) = (&mut *a.cast_mut_ptr::<T>(), &mut *b.cast_mut_ptr::<T>());
    mine.absorb(other).or_report();
    a
}

/// Define the serial, deserial and combine functions of state type `$T: AggState` under the
/// given C symbol names.
macro_rules! internal_state {
    ($T:ty: $ser:ident, $de:ident, $comb:ident) => {
        $crate::pg::pg_fn!(fn $ser(fcinfo) { $crate::pg::serial::<$T>(fcinfo) });
        $crate::pg::pg_fn!(fn $de(fcinfo) { $crate::pg::deserial::<$T>(fcinfo, stringify!($de)) });
        $crate::pg::pg_fn!(fn $comb(fcinfo) { $crate::pg::combine::<$T>(fcinfo, stringify!($comb)) });
    };
}
pub(crate) use internal_state;

/// Implement [`AggState`] for a state of the pure crate with inherent `serialize`,
/// `deserialize` and `merge` methods and memory of Rust's allocator (the fits' states).
macro_rules! binary_state {
    ($T:ty) => {
        impl $crate::pg::AggState for $T {
            const DROP: bool = true;
            fn write(&mut self) -> Vec<u8> {
                self.serialize()
            }
            fn read(bytes: &[u8], _: $crate::pg::PgAlloc) -> retention_core::Result<Self> {
                <$T>::deserialize(bytes)
            }
            fn absorb(&mut self, other: &mut Self) -> retention_core::Result<()> {
                self.merge(other)
            }
        }
    };
}
pub(crate) use binary_state;
