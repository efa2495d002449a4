//! The pure half of pg_retention: metric states with `accum` / `merge` / finalize,
//! the plain formulas, interval estimates, and the stored formats of summaries.
//!
//! Nothing here knows about PostgreSQL. The extension crate maps SQL arguments onto these
//! functions and [`MetricError`] onto SQLSTATEs; everything that can be computed is computed
//! (and unit-tested) here.

pub mod decimal;
pub mod error;
pub mod formulas;
pub mod funnel;
pub mod hex;
pub mod interrupt;
pub mod interval;
pub mod orders;
pub mod predict;
pub mod survey;
mod text;
pub use text::text_error;
pub mod time;
pub mod value;
pub mod varint;

/// Re-exported so the extension implements the allocator trait of the same version.
pub use allocator_api2;
pub use error::{MetricError, Result};
