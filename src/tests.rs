//! `#[pg_test]` tests: behaviour that needs a running PostgreSQL (planner, memory contexts,
//! errors with SQLSTATEs). Numbers are checked against references in `retention_core`'s unit
//! tests and in the pg_regress golden files; here the point is the SQL plumbing.
