//! pg_retention: e-commerce customer metrics as exact, parallel PostgreSQL aggregates.
//!
//! This crate is the thin PostgreSQL layer: the math lives in `retention_core` (no pgrx),
//! each family here maps SQL arguments onto it, and its `.sql` file declares the SQL surface.

::pgrx::pg_module_magic!(name, version);

/// Runs once per backend, when PostgreSQL loads the library. Every long loop of the pure
/// crate (fits, survival curves, stored values' text of millions of items) polls
/// `retention_core::interrupt`; the check installed here answers query cancellation and
/// `statement_timeout` by raising the error, which unwinds through the loop.
#[pgrx::pg_guard]
pub extern "C-unwind" fn _PG_init() {
    retention_core::interrupt::set_check(Some(|| {
        pgrx::check_for_interrupts!();
    }));
}

mod pg;

// The aggregate state types (src/pg/expanded.rs), before the aggregates that keep them.
pgrx::extension_sql_file!("state_types.sql", name = "state_types", requires = ["formulas"]);

mod formulas;
mod funnel;
mod orders;
mod predict;
mod survey;
mod values;
mod version;

#[cfg(any(test, feature = "pg_test"))]
mod no_expression;
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
