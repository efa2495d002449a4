-- The extension's own facts.
--
-- One library file serves every version, so between a package upgrade and
-- ALTER EXTENSION pg_retention UPDATE a database runs its catalog's version on a newer
-- library: comparing this with pg_extension.extversion shows which databases still need
-- the UPDATE. STABLE, not IMMUTABLE: a new session may load a newer library, and a plan
-- or view must not keep the old answer folded in.

CREATE FUNCTION @extschema@.pg_retention_library_version() RETURNS text
AS 'MODULE_PATHNAME', 'pgr_library_version' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pg_retention_library_version() IS
    'Version of the pg_retention library this session has loaded, e.g. 0.2.0. After a package '
    'upgrade it is newer than pg_extension.extversion until ALTER EXTENSION pg_retention '
    'UPDATE runs in the database.';
