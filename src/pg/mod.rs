//! The one kit between PostgreSQL and the pure crate (`retention_core`), used by every
//! feature module:
//! - [`fmgr`]: the V1 function macro [`pg_fn!`], typed argument readers, results, records,
//!   set-returning rows, errors with their SQLSTATE;
//! - [`memory`]: [`PgAlloc`] (the pure crate's collections in a memory context), the
//!   aggregate's context, placing values;
//! - [`calendar`]: calendar periods in a time zone, computed by PostgreSQL, cached per call
//!   site;
//! - [`ids`]: `customer_id` arguments of any supported type as exact keys;
//! - [`summary`]: summary types that are their own aggregate state, updated in place;
//! - [`state`]: `internal` states and their serial / deserial / combine functions;
//! - [`expanded`]: states with a SQL type of their own (expanded objects), which Citus can
//!   move between nodes;
//! - [`stored`]: type I/O of every base type.
//!
//! DESIGN.md (at the repository's root) says which strategy each feature uses and why.

mod calendar;
mod expanded;
mod fmgr;
mod ids;
mod memory;
mod state;
mod stored;
mod summary;

pub use calendar::*;
pub use expanded::*;
pub use fmgr::*;
pub use ids::*;
pub use memory::*;
pub use state::*;
pub use stored::*;
pub use summary::*;

pub(crate) use fmgr::pg_fn;
pub(crate) use expanded::{expanded_state, placed};
pub(crate) use state::{binary_state, internal_state};
pub(crate) use stored::{text_form, type_io};
