-- pg_retention 0.1.0 -> 0.2.0, run by ALTER EXTENSION pg_retention UPDATE.
-- (Refuse to run outside it, as contrib's scripts do.)
\echo Use "ALTER EXTENSION pg_retention UPDATE TO '0.2.0'" to load this file. \quit

-- The version of the loaded library (src/version.sql): after a package upgrade, newer
-- than pg_extension.extversion until this script has run.
CREATE FUNCTION @extschema@.pg_retention_library_version() RETURNS text
AS 'MODULE_PATHNAME', 'pgr_library_version' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pg_retention_library_version() IS
'Version of the pg_retention library this session has loaded, e.g. 0.2.0. After a package upgrade it is newer than pg_extension.extversion until ALTER EXTENSION pg_retention UPDATE runs in the database.';
