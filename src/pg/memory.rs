//! Memory: the allocator of the pure crate's collections over a PostgreSQL memory context,
//! the aggregate's context, and placing Rust values in a context.

use pgrx::pg_sys;
use pgrx::pg_sys::FunctionCallInfo;

/// An allocator over a PostgreSQL memory context, for the Rust collections of aggregate
/// states (hash tables of customers, order lists). Memory is accounted to the context, so
/// hash aggregation sees it when deciding to spill, and it is all freed with the context,
/// on error too. Out of memory is PostgreSQL's ERROR (raised through the pg_guard of the
/// call), never an abort.
#[derive(Clone, Copy, Debug)]
pub struct PgAlloc(pub pg_sys::MemoryContext);

/// palloc's alignment; larger alignments are made by over-allocating.
const PALLOC_ALIGN: usize = 8;

unsafe impl retention_core::allocator_api2::alloc::Allocator for PgAlloc {
    fn allocate(
        &self,
        layout: std::alloc::Layout,
    ) -> Result<std::ptr::NonNull<[u8]>, retention_core::allocator_api2::alloc::AllocError> {
        let size = layout.size().max(1);
        unsafe {
            let flags = pg_sys::MCXT_ALLOC_HUGE as i32;
            let p = if layout.align() <= PALLOC_ALIGN {
                pg_sys::MemoryContextAllocExtended(self.0, size, flags) as *mut u8
            } else {
                // Room for the alignment and, just before the aligned block, the pointer
                // pfree needs.
                let raw = pg_sys::MemoryContextAllocExtended(self.0, size + layout.align(), flags)
                    as *mut u8;
                let aligned = ((raw as usize + PALLOC_ALIGN + layout.align() - 1)
                    & !(layout.align() - 1)) as *mut u8;
                (aligned as *mut *mut u8).sub(1).write(raw);
                aligned
            };
            let p = std::ptr::NonNull::new(p).expect("palloc never returns NULL");
            Ok(std::ptr::NonNull::slice_from_raw_parts(p, size))
        }
    }

    unsafe fn deallocate(&self, ptr: std::ptr::NonNull<u8>, layout: std::alloc::Layout) {
        if layout.align() <= PALLOC_ALIGN {
            pg_sys::pfree(ptr.as_ptr().cast());
        } else {
            pg_sys::pfree((ptr.as_ptr() as *mut *mut u8).sub(1).read().cast());
        }
    }

    /// repalloc, which often grows a block in place, instead of allocate + copy + free.
    unsafe fn grow(
        &self,
        ptr: std::ptr::NonNull<u8>,
        old: std::alloc::Layout,
        new: std::alloc::Layout,
    ) -> Result<std::ptr::NonNull<[u8]>, retention_core::allocator_api2::alloc::AllocError> {
        if old.align() <= PALLOC_ALIGN && new.align() <= PALLOC_ALIGN {
            let size = new.size().max(1);
            let p = pg_sys::repalloc_huge(ptr.as_ptr().cast(), size) as *mut u8;
            let p = std::ptr::NonNull::new(p).expect("repalloc never returns NULL");
            return Ok(std::ptr::NonNull::slice_from_raw_parts(p, size));
        }
        let block = self.allocate(new)?;
        std::ptr::copy_nonoverlapping(ptr.as_ptr(), block.cast::<u8>().as_ptr(), old.size());
        self.deallocate(ptr, old);
        Ok(block)
    }
}

/// The memory context of the aggregate calling this transition, combine or final function;
/// an ERROR when called outside an aggregate.
pub unsafe fn agg_context(fcinfo: FunctionCallInfo, fname: &str) -> pg_sys::MemoryContext {
    let mut ctx: pg_sys::MemoryContext = std::ptr::null_mut();
    if pg_sys::AggCheckCallContext(fcinfo, &mut ctx) == 0 || ctx.is_null() {
        pgrx::error!("{fname} called in non-aggregate context");
    }
    ctx
}

/// Refuse `agg(DISTINCT ...)` for an aggregate whose answer depends on every order row (the
/// one-step order aggregates): DISTINCT over their arguments keeps one row per distinct
/// tuple, so `repeat_purchase_rate(DISTINCT customer_id)` would see one order per customer
/// and answer 0 without complaint. Called when a group's state is made, so once per group.
/// SQLSTATE 0A000, as PostgreSQL's own refusals of aggregate forms.
#[cold]
pub unsafe fn refuse_distinct(fcinfo: FunctionCallInfo) {
    let aggref = pg_sys::AggGetAggref(fcinfo);
    if aggref.is_null() || (*aggref).aggdistinct.is_null() {
        return;
    }
    let name = pg_sys::get_func_name((*aggref).aggfnoid);
    let name = if name.is_null() {
        "this aggregate".to_string()
    } else {
        std::ffi::CStr::from_ptr(name)
            .to_string_lossy()
            .into_owned()
    };
    pgrx::ereport!(
        ERROR,
        pgrx::PgSqlErrorCode::ERRCODE_FEATURE_NOT_SUPPORTED,
        format!("{name}(DISTINCT ...) is not supported"),
        "It needs every order row: DISTINCT would keep one row per distinct argument list and \
         change the answer (repeat_purchase_rate(DISTINCT customer_id) would see one order per \
         customer). Each customer is counted once already; to drop duplicated rows, select \
         DISTINCT rows in a subquery first."
    );
}

/// Move `value` into memory of `ctx`; it is never dropped (the context is reset instead), so
/// it may only own memory of the same context.
pub unsafe fn alloc_in<T>(ctx: pg_sys::MemoryContext, value: T) -> *mut T {
    use retention_core::allocator_api2::alloc::Allocator;
    let p = PgAlloc(ctx)
        .allocate(std::alloc::Layout::new::<T>())
        .expect("palloc raises its own errors")
        .cast::<T>()
        .as_ptr();
    p.write(value);
    p
}

/// The allocator of the current memory context (per-call scratch space).
pub unsafe fn current_alloc() -> PgAlloc {
    PgAlloc(pg_sys::CurrentMemoryContext)
}

/// Move `value` into memory of `ctx`; it is dropped when the context is reset or deleted
/// (on error too), so it may own memory of any allocator (the fits' Rust collections).
pub unsafe fn keep_in<T>(ctx: pg_sys::MemoryContext, value: T) -> *mut T {
    pgrx::PgMemoryContexts::For(ctx).leak_and_drop_on_delete(value)
}
