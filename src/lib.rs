//! pg_retention: e-commerce customer metrics as exact, parallel PostgreSQL aggregates.
//!
//! This crate is the thin PostgreSQL layer: the math lives in `retention_core` (no pgrx),
//! each family here maps SQL arguments onto it, and its `.sql` file declares the SQL surface.

::pgrx::pg_module_magic!(name, version);

mod glue;

mod cohorts;
mod formulas;
mod orders;
mod predict;
mod survey;

#[cfg(any(test, feature = "pg_test"))]
mod tests;

/// Required by `cargo pgrx test`.
#[cfg(test)]
pub mod pg_test {
    pub fn setup(_options: Vec<&str>) {}

    #[must_use]
    pub fn postgresql_conf_options() -> Vec<&'static str> {
        vec![]
    }
}
