#!/usr/bin/env bash
# The install script is safe against objects planted beforehand: an unprivileged role fills
# `public` with look-alikes (functions with the extension's names and argument types,
# functions and operators with the names of built-ins the script might reach through the
# search path, types with the extension's type names), then a database owner installs
# pg_retention into its own schema while `public` is first on its search_path.
# Checks:
# - every object of the extension is in its schema, and nothing it depends on (argument,
#   result and state types, support functions, operators) is in `public`;
# - no extension function is SECURITY DEFINER or carries its own settings (proconfig);
# - the extension's functions, called schema-qualified, give the values they give in a
#   clean database, with the look-alikes still in place and first on the search path;
# - installing into `public` itself, where a planted function has an extension function's
#   exact name and arguments, fails (the look-alike is not silently taken over) and
#   leaves nothing behind.
# Runs inside scripts/cluster.sh (the SQL tier) as a superuser, with pg_retention installed.
set -euo pipefail
db=pg_retention_planted
clean=pg_retention_planted_clean
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
fail() { echo "planted_objects: FAILED: $*" >&2; exit 1; }

for d in "$db" "$clean"; do dropdb --if-exists "$d" 2>/dev/null; done
psql -d postgres -c "SET client_min_messages = warning" -c "DROP ROLE IF EXISTS planted_mallory" -c "CREATE ROLE planted_mallory"
createdb "$db"; createdb "$clean"
psql -d "$db" -c "GRANT CREATE, USAGE ON SCHEMA public TO planted_mallory"

# The look-alikes, created by the unprivileged role. Each raises, so a call that reaches
# one fails loudly; the operators' functions too.
psql -d "$db" <<'SQL'
SET ROLE planted_mallory;
CREATE FUNCTION public.nps(smallint) RETURNS double precision LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'planted look-alike called'; END$$;
CREATE FUNCTION public.nps(integer) RETURNS double precision LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'planted look-alike called'; END$$;
CREATE FUNCTION public.numeric_div(numeric, numeric) RETURNS numeric LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'planted look-alike called'; END$$;
CREATE FUNCTION public.int8_numeric(bigint) RETURNS numeric LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'planted look-alike called'; END$$;
CREATE FUNCTION public.date_trunc(text, timestamptz) RETURNS timestamptz LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'planted look-alike called'; END$$;
CREATE FUNCTION public.evil_eq(integer, bigint) RETURNS boolean LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'planted look-alike called'; END$$;
CREATE OPERATOR public.= (LEFTARG = integer, RIGHTARG = bigint, FUNCTION = public.evil_eq);
CREATE FUNCTION public.evil_plus(double precision, integer) RETURNS double precision LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'planted look-alike called'; END$$;
CREATE OPERATOR public.+ (LEFTARG = double precision, RIGHTARG = integer, FUNCTION = public.evil_plus);
CREATE TYPE public.nps_summary AS (version integer);
CREATE TYPE public.customer_history AS (version integer);
CREATE TYPE public.bgnbd_model AS (r double precision);
RESET ROLE;
SQL

# Installed by the database's owner (a superuser here; the extension is trusted), with
# public first on the search path, as a careless installer would have it.
psql -d "$db" <<'SQL'
SET search_path = public, pg_catalog;
CREATE SCHEMA retention;
CREATE EXTENSION pg_retention SCHEMA retention;
SQL
psql -d "$clean" -c "CREATE EXTENSION pg_retention"

# Nothing of the extension, and nothing it depends on, is in public.
misplaced=$(psql -d "$db" <<'SQL'
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'pg_retention'),
members AS (
    SELECT classid, objid FROM pg_depend, ext WHERE refclassid = 'pg_extension'::regclass
                                                AND refobjid = ext.oid AND deptype = 'e'
),
uses AS (
    SELECT d.refclassid, d.refobjid FROM pg_depend d JOIN members m USING (classid, objid)
    WHERE d.deptype IN ('n', 'a')
    UNION
    SELECT classid, objid FROM members
)
SELECT pg_describe_object(refclassid, refobjid, 0)
FROM uses
WHERE (refclassid = 'pg_proc'::regclass AND (SELECT pronamespace FROM pg_proc WHERE oid = refobjid) = 'public'::regnamespace)
   OR (refclassid = 'pg_type'::regclass AND (SELECT typnamespace FROM pg_type WHERE oid = refobjid) = 'public'::regnamespace)
   OR (refclassid = 'pg_operator'::regclass AND (SELECT oprnamespace FROM pg_operator WHERE oid = refobjid) = 'public'::regnamespace)
ORDER BY 1;
SQL
)
[ -z "$misplaced" ] || fail "extension objects in or depending on public: $misplaced"
members=$(psql -d "$db" -c "SELECT count(*) FROM pg_depend WHERE refclassid = 'pg_extension'::regclass
    AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'pg_retention') AND deptype = 'e'")
echo "  $members extension objects, none in public, none depending on public"

# Every function's arguments and result, and every aggregate's support functions and state
# type, directly: the same check by the catalog columns rather than pg_depend.
bad=$(psql -d "$db" <<'SQL'
SELECT p.oid::regprocedure::text FROM pg_proc p
WHERE p.pronamespace = 'retention'::regnamespace
  AND (p.prosecdef OR p.proconfig IS NOT NULL
       OR p.prorettype IN (SELECT oid FROM pg_type WHERE typnamespace = 'public'::regnamespace)
       OR EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[]) t WHERE t IN (SELECT oid FROM pg_type WHERE typnamespace = 'public'::regnamespace)))
UNION ALL
SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE p.pronamespace = 'retention'::regnamespace
  AND EXISTS (SELECT 1 FROM pg_proc s WHERE s.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn)
              AND s.pronamespace NOT IN ('retention'::regnamespace, 'pg_catalog'::regnamespace));
SQL
)
[ -z "$bad" ] || fail "SECURITY DEFINER, settings, public types or foreign support functions: $bad"
echo "  no SECURITY DEFINER function, no function settings, no public type or support function"

# The same values as in a clean database, with the look-alikes first on the search path.
read -r -d '' QUERY <<'SQL' || true
SELECT round(S.nps(score::smallint)::numeric, 6), round(S.csat(c)::numeric, 6), round(S.ces(e, 7)::numeric, 6),
       S.repeat_purchase_rate(customer_id), S.retention_rate(customer_id, at, '2026-02-01', '2026-03-01'),
       (SELECT round(S.expected_purchases(S.bgnbd_fit(f, r, t), 10, 2, 30.43, 38.86)::numeric, 10)
        FROM (VALUES (2, 30.43, 38.86), (1, 1.71, 38.86), (0, 0.0, 38.86), (0, 0.0, 38.86), (3, 20.0, 38.0)) v(f, r, t))
FROM (SELECT g % 11 AS score, g % 5 + 1 AS c, g % 7 + 1 AS e, g % 1500 AS customer_id,
             timestamptz '2026-01-01 00:00+00' + (g * 7919 % 90) * interval '1 day' AS at
      FROM generate_series(1, 2000) g) d
SQL
got=$(psql -d "$db" -c "SET search_path = public, retention" -c "${QUERY//S./retention.}")
want=$(psql -d "$clean" -c "${QUERY//S./public.}")
[ "$got" = "$want" ] || fail "results differ with planted objects: got $got, want $want"
echo "  results with the look-alikes first on the search path equal a clean database's: $got"

# Into public itself, where public.nps(smallint) already exists: the install must fail as a
# whole, not adopt or replace the planted function.
out=$(psql -d "$db" -c "DROP EXTENSION pg_retention" -c "CREATE EXTENSION pg_retention SCHEMA public" 2>&1) \
    && fail "installing into public over a planted nps(smallint) succeeded: $out"
case "$out" in *"already exists"*) ;; *) fail "unexpected error installing into public: $out" ;; esac
left=$(psql -d "$db" -c "SELECT count(*) FROM pg_extension WHERE extname = 'pg_retention'")
[ "$left" = 0 ] || fail "a failed install left the extension behind"
planted=$(psql -d "$db" -c "SELECT prosrc FROM pg_proc WHERE oid = 'public.nps(smallint)'::regprocedure")
[ "$planted" = "BEGIN RAISE EXCEPTION 'planted look-alike called'; END" ] || fail "the planted function was replaced"
echo "  installing into public over a look-alike fails: ${out##*ERROR:  }"

for d in "$db" "$clean"; do dropdb "$d"; done
psql -d postgres -c "DROP ROLE planted_mallory"
echo "planted_objects: ok"
