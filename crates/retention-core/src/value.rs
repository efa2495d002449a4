//! Summaries as values: the equality, order and hash of every stored type of the extension
//! (`=`, `<`, the btree and hash operator classes), over one canonical form.
//!
//! Two values are equal when they hold the same figures, bit for bit: the same text form
//! (for a model, the same parameters and fit information, as a fit of the same rows gives).
//! For eight of the fifteen types the stored bytes (after PostgreSQL's length word) are
//! canonical, one byte form per text form, whichever way a value was made (text input
//! spelled differently, an aggregate run serially or in parallel, a rollup of parts, binary
//! input, an in-place aggregate state; the tests below, `orders/tests.rs` and
//! `tests/pg_regress/values` show it): the survey summaries, `retention_summary`, the three
//! models and `survival_curve`. Six of the other seven keep amounts as mantissas at a scale
//! that the text form does not show (a sum of 10.25 and 1.75 is kept as 1200 at scale 2, the
//! text `12.00` reads back as 12 at scale 0), and the word summaries among them (with
//! `activity_series`, which has no amounts) may carry spare capacity: their canonical form
//! is their text form read back ([`TEXT_CANONICAL`]).
//!
//! The order is a total order over the canonical bytes (compared as unsigned bytes, then
//! the shorter first, as `bytea` orders), stable for a stored value, so that btree indexes,
//! sorting, `DISTINCT` and merge joins work. It ranks no figure: a summary with a higher
//! NPS is not "greater".

use std::cmp::Ordering;

/// The types whose canonical form is their text form read back: their stored bytes may
/// differ for one value (hidden mantissa scales, spare capacity).
pub const TEXT_CANONICAL: [&str; 7] = [
    "customer_history",
    "customer_stats",
    "period_series",
    "mrr_series",
    "cohort_summary",
    "mrr_summary",
    "activity_series",
];

/// The order of two values' canonical bytes, as `bytea` compares.
pub fn compare(a: &[u8], b: &[u8]) -> Ordering {
    a.cmp(b)
}

#[cfg(test)]
mod tests;
