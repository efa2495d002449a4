//! SQL glue of the order-history features, one module per feature of
//! `retention_core::orders` with the same name, each with its `.sql` file beside it:
//! - `history`: the `customer_history` type and `customer_history_agg` (level 1);
//! - `retention`, `stats`, `series`, `mrr`, `cohort`: the population summaries over
//!   histories (level 2), their read-outs, and their one-step forms from order rows;
//! - `drill`: one customer's status per period and its cohort cells (drill-down);
//! - `rfm`: one customer's RFM columns for the models;
//! - `onestep`: the state and shared functions of the one-step aggregates.
//!
//! DESIGN.md describes the levels and the state strategy of each.

mod cohort;
mod drill;
pub(crate) mod history;
mod mrr;
mod onestep;
mod retention;
mod rfm;
mod series;
mod stats;

use crate::pg::*;
use pgrx::pg_sys::Datum;
use retention_core::allocator_api2::vec::Vec as AVec;
use retention_core::orders::{history as core_history, Customer, Order};

/// Scratch space for one decoded history, in the current (per-call) memory context.
pub(crate) type Scratch = AVec<Order, PgAlloc>;

/// Decode a `customer_history` datum.
pub(crate) unsafe fn decode<'a>(d: Datum, scratch: &'a mut Scratch) -> Customer<'a> {
    core_history::decode_into(varlena_bytes(d), scratch).or_report()
}

/// Run `f` on the customer of a `customer_history` datum, decoded into per-call scratch.
pub(crate) unsafe fn with_history<T>(d: Datum, f: impl FnOnce(&Customer<'_>) -> T) -> T {
    let mut scratch = Scratch::new_in(current_alloc());
    f(&decode(d, &mut scratch))
}
