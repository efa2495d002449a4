-- The extension's own facts.
-- The library a fresh install loads is the version its catalog was created at (both come
-- from the same build; tests/upgrade_check.sh covers the window where they differ).
SELECT pg_retention_library_version() = extversion AS same_version FROM pg_extension WHERE extname = 'pg_retention';
-- It is STABLE, not IMMUTABLE: a view or plan must not keep one library's answer.
SELECT provolatile FROM pg_proc WHERE oid = 'pg_retention_library_version()'::regprocedure;
-- pg_retention_library_version() takes no argument: PostgreSQL itself refuses one
SELECT sqlstate_of($$SELECT pg_retention_library_version('x')$$);
