//! SQL glue of the order-history family: the `customer_history` type and its aggregate
//! (level 1), the population summaries and their accessors (level 2), and the one-step
//! aggregates that take `customer_id` directly. Declarations and `COMMENT ON` texts are in
//! `orders.sql`; the math is in `retention_core::orders`.
//!
//! Level-2 summaries are aggregate states of a real type updated in place (`datum`), like
//! the survey summaries; the per-customer states of level 1 and of the one-step aggregates
//! are `internal`, built from Rust collections whose memory is the aggregate's context
//! (`glue::PgAlloc`).

pub(crate) mod calendar;
pub(crate) mod datum;
mod history;
mod ids;
pub(crate) mod onestep;
mod summaries;

use crate::glue::*;
use pgrx::pg_sys::Datum;
use retention_core::allocator_api2::vec::Vec as AVec;
use retention_core::orders::{history as core_history, Customer, Order};

pgrx::extension_sql_file!("../orders.sql", name = "orders", requires = ["survey"]);

/// Scratch space for one decoded history, in the current (per-call) memory context.
pub(crate) type Scratch = AVec<Order, PgAlloc>;

/// Decode a `customer_history` datum.
pub(crate) unsafe fn decode<'a>(d: Datum, scratch: &'a mut Scratch) -> Customer<'a> {
    core_history::decode_into(varlena_bytes(d), scratch).or_report()
}
