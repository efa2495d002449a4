#!/usr/bin/env bash
# The upgrade path from the last release (RELEASES) to the working tree's version, as a
# shop would take it: the release is built from git and installed as its package would be;
# a database holding stored summaries, views and materialized views is built on it
# (the release's own tests/fixtures/stored_objects.sql); this version's package replaces
# the release's files; then ALTER EXTENSION pg_retention UPDATE. It checks that
#   - a working tree whose version is the release's has the release's SQL surface, and a
#     newer version ships sql/pg_retention--<release>--<version>.sql: a change of the SQL
#     surface without an upgrade script fails here;
#   - between the library upgrade and ALTER EXTENSION UPDATE the release's catalog can call
#     the new library safely: every C symbol it names is still exported, with the same SQL
#     signature wherever this version declares it too; and the results are unchanged;
#   - after the update the extension's catalog equals a fresh CREATE EXTENSION of this
#     version (tests/fixtures/extension_schema.sql), and every stored figure, view and
#     materialized view (also refreshed) reads as before;
#   - views, materialized views and function bodies over the functions whose result shape
#     changes (tests/fixtures/upgrade_objects.sql, created on the release) read the same
#     after the update, after REFRESH and after pg_dump / pg_restore of the updated
#     database, and a session that called those functions before the update gets their new
#     shape after it.
# Run by scripts/test.sh as its own tier, on the PostgreSQL that PG names (scripts/pg.sh;
# default 15); as root, or as a user with sudo. It leaves this
# version installed. The release's build is kept in target/previous-release.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. scripts/pg.sh
pg=${PG:-$PG_DEFAULT}    # the PostgreSQL to upgrade on (scripts/pg.sh); default 15
pg_check_version "$pg"
export PG=$pg
pg_config=$(pg_config_of "$pg")
libdir=$("$pg_config" --pkglibdir)
fail() { echo "upgrade_check: $*" >&2; exit 1; }
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
read -r release commit _ < <(grep -v '^#' RELEASES | awk 'NF' | tail -1) || true
[ -n "${release:-}" ] && [ -n "${commit:-}" ] || fail "RELEASES names no release"

if [ "${1:-}" != "--inside" ]; then
    if [ "$version" != "$release" ]; then
        [ "$(printf '%s\n%s\n' "$release" "$version" | sort -V | tail -1)" = "$version" ] \
            || fail "Cargo.toml's version $version is older than the last release $release"
        [ -f "sql/pg_retention--$release--$version.sql" ] \
            || fail "version $version has no upgrade script from release $release: add sql/pg_retention--$release--$version.sql"
    fi
    work=$(mktemp -d "${TMPDIR:-/tmp}/pg_retention-upgrade.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    # A clone may be shallow; the release's commit is then fetched from where it came from.
    if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
        git fetch -q --depth=1 origin "$commit" \
            || fail "release $release's commit $commit is not in this clone and could not be fetched"
    fi
    mkdir "$work/src"
    git archive "$commit" | tar -x -C "$work/src"
    start=$SECONDS
    # Its own target directory: sharing target/ would leave the release's library at
    # target/debug/libpg_retention.so, where the next install of this version looks.
    if ! (cd "$work/src" && CARGO_TARGET_DIR="$repo/target/previous-release" \
            cargo pgrx package --debug --pg-config "$pg_config" $(pg_features_of "$pg") --out-dir "$work/pkg") \
            >"$work/build.log" 2>&1; then
        cat "$work/build.log"; fail "release $release ($commit) does not build"
    fi
    echo "upgrade_check: release $release built for $(pg_full_version "$pg") from ${commit:0:12} in $((SECONDS - start)) s"
    scripts/cluster.sh -v "$pg" "$0" --inside "$work"
    exit
fi

# Inside a throw-away cluster.
work=$2
old=$work/src/tests/fixtures
extversion="SELECT extversion FROM pg_extension WHERE extname = 'pg_retention'"
# The C entry points a catalog names, each with the SQL signature it is called with.
c_functions="SELECT p.prosrc || ' ' || p.proargtypes::regtype[]::text || ' -> ' || pg_get_function_result(p.oid)
                    || ' strict=' || p.proisstrict
             FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_retention'
             JOIN pg_language l ON l.oid = p.prolang AND l.lanname = 'c' ORDER BY 1"
materialized_views="SELECT string_agg(format('REFRESH MATERIALIZED VIEW %I.%I;', schemaname, matviewname), ' ')
                    FROM pg_matviews"

# 1. The release, installed as its package would be, and a shop's database on it.
pg_install_tree "$work/pkg"
createdb upgraded
(cd "$old/.." && psql -d upgraded -f fixtures/stored_objects.sql)
psql -d upgraded -f tests/fixtures/upgrade_objects.sql
[ "$(psql -At -d upgraded -c "$extversion")" = "$release" ] || fail "the database was not created at release $release"
psql -At -d upgraded -f "$old/stored_report.sql" > "$work/before"
[ -s "$work/before" ] || fail "the release's report printed nothing"
psql -At -d upgraded -f tests/fixtures/upgrade_report.sql > "$work/objects_before"

# 2. This version's package replaces the release's files; the catalog still says release.
scripts/install.sh >/dev/null
createdb fresh
psql -d fresh -c "CREATE SCHEMA metrics" -c "CREATE EXTENSION pg_retention SCHEMA metrics"
[ "$(psql -At -d fresh -c "$extversion")" = "$version" ] || fail "a fresh install is not at version $version"
psql -At -d upgraded -c "$c_functions" > "$work/release_symbols"
psql -At -d fresh -c "$c_functions" > "$work/version_symbols"
nm -D --defined-only "$libdir/pg_retention.so" | awk '{print $3}' | sort -u > "$work/exported"
python3 - "$work" <<'PY' || exit 1
import sys
work = sys.argv[1]
def lines(name):
    with open(f"{work}/{name}") as f:
        return [l.rstrip("\n") for l in f if l.strip()]
release, version, exported = lines("release_symbols"), set(lines("version_symbols")), set(lines("exported"))
declared = {l.split(" ", 1)[0] for l in version}
bad = []
for line in release:
    symbol = line.split(" ", 1)[0]
    if symbol not in exported:
        bad.append(f"{symbol}: named by the release's catalog, no longer exported by the library")
    elif symbol in declared and line not in version:
        bad.append(f"{symbol}: the release calls it as [{line}], this version declares it otherwise; "
                   "give the changed function a new Rust name and keep the old one")
for b in bad:
    print("upgrade_check:", b, file=sys.stderr)
print(f"upgrade_check: {len(release)} C functions of the release's catalog checked against the new library")
sys.exit(1 if bad else 0)
PY
psql -At -d upgraded -f "$old/stored_report.sql" > "$work/library_upgraded"
diff -u "$work/before" "$work/library_upgraded" \
    || fail "the release's catalog gives other results with this version's library"
psql -At -d upgraded -f tests/fixtures/upgrade_report.sql > "$work/objects_library_upgraded"
diff -u "$work/objects_before" "$work/objects_library_upgraded" \
    || fail "the release's catalog gives other results with this version's library (upgrade_objects.sql)"

# 3. ALTER EXTENSION UPDATE, then the catalog of a fresh install and unchanged results.
# In one session that has called the functions whose result shape changes (their row
# descriptors cached) and read views and an index over them, then reads those again and
# stores the functions' results: the stored rows must carry the new named
# types, readable from any other session (an anonymous record's type lives in one session).
psql -d upgraded 2>"$work/update.log" >/dev/null <<'SQL' \
    || { cat "$work/update.log"; fail "ALTER EXTENSION pg_retention UPDATE from $release to $version failed"; }
SELECT metrics.nps_ci(nps), metrics.wilson_ci(3, 10), metrics.parameters(purchases), metrics.fit_info(purchases)
FROM monthly, models;
SELECT metrics.rfm(h, '2027-03-01', 'week') FROM customer_histories LIMIT 1;
SELECT * FROM nps_by_channel;
SELECT count(*) FROM shape_scores WHERE (metrics.wilson_ci(s, n)).lower > 0.1;
ALTER EXTENSION pg_retention UPDATE;
-- The relations this session cached (rules, index expressions) are read again.
SELECT * FROM nps_by_channel;
SELECT count(*) FROM shape_scores WHERE (metrics.wilson_ci(s, n)).lower > 0.1;
CREATE TABLE stored_shapes AS
SELECT month, metrics.nps_ci(nps) AS nps_ci, metrics.wilson_ci(3, 10) AS wilson,
       metrics.parameters(purchases) AS parameters, metrics.fit_info(purchases) AS fit_info,
       (SELECT metrics.rfm(h, '2027-03-01', 'week') FROM customer_histories ORDER BY customer_id LIMIT 1) AS rfm
FROM monthly, models;
SQL
[ "$(psql -At -d upgraded -c "$extversion")" = "$version" ] || fail "ALTER EXTENSION UPDATE did not reach $version"
psql -At -d upgraded -f tests/fixtures/extension_schema.sql > "$work/schema_upgraded"
psql -At -d fresh -f tests/fixtures/extension_schema.sql > "$work/schema_fresh"
if ! diff -u "$work/schema_upgraded" "$work/schema_fresh"; then
    if [ "$version" = "$release" ]; then
        fail "the SQL surface differs from release $release (- release, + working tree): raise the version" \
             "in Cargo.toml and add sql/pg_retention--$release--<new version>.sql"
    fi
    fail "after ALTER EXTENSION UPDATE the catalog differs from a fresh install of $version (- upgraded, + fresh):" \
         "sql/pg_retention--$release--$version.sql is incomplete"
fi
[ "$(psql -At -d upgraded -c "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum)
                                FROM pg_attribute WHERE attrelid = 'stored_shapes'::regclass AND attnum > 0")" \
  = "month timestamp with time zone, nps_ci metrics.confidence_interval, wilson metrics.confidence_interval, parameters metrics.bgnbd_parameters, fit_info metrics.model_fit_info, rfm metrics.rfm_values" ] \
    || fail "CREATE TABLE AS after the update did not store the named result types"
[ "$(psql -At -d upgraded -c "SELECT bool_and((nps_ci).lower = (metrics.nps_ci(nps)).lower AND nps_ci::text = metrics.nps_ci(nps)::text
                                       AND wilson = metrics.wilson_ci(3, 10) AND (parameters).r = (metrics.parameters(purchases)).r
                                       AND (fit_info).converged AND (rfm).t IS NOT NULL)
                                FROM stored_shapes JOIN monthly USING (month), models")" = t ] \
    || fail "the rows stored by CREATE TABLE AS after the update do not read back in another session"
psql -At -d upgraded -f "$old/stored_report.sql" > "$work/updated"
psql -At -d upgraded -f tests/fixtures/upgrade_report.sql > "$work/objects_updated"
psql -d upgraded -c "$(psql -At -d upgraded -c "$materialized_views")"
psql -At -d upgraded -f "$old/stored_report.sql" > "$work/refreshed"
psql -At -d upgraded -f tests/fixtures/upgrade_report.sql > "$work/objects_refreshed"
# Read-outs may gain columns (0.3.0 appends the local `date` to periods() and cohort_table());
# the release's report reads them with SELECT *, so a line may end in the appended dates.
same_but_appended() {
    python3 - "$1" "$2" <<'PY'
import re, sys
before, after = (open(f).read().splitlines() for f in sys.argv[1:3])
appended = re.compile(r"(\|\d{4}-\d{2}-\d{2})+")
bad = [(b, a) for b, a in zip(before, after)
       if a != b and not (a.startswith(b + "|") and appended.fullmatch(a[len(b):]))]
for b, a in bad[:5]:
    print("- %s\n+ %s" % (b, a))
sys.exit(1 if bad or len(before) != len(after) else 0)
PY
}
same_but_appended "$work/before" "$work/updated" || fail "results changed with ALTER EXTENSION UPDATE"
same_but_appended "$work/before" "$work/refreshed" || fail "results changed when the materialized views were refreshed after the update"
diff -u "$work/objects_before" "$work/objects_updated" \
    || fail "views over the functions whose result changed read otherwise after ALTER EXTENSION UPDATE"
diff -u "$work/objects_before" "$work/objects_refreshed" \
    || fail "views over the functions whose result changed read otherwise after REFRESH"
# pg_dump / pg_restore of the updated database: the views restore (printed by column name)
# and read the same.
pg_dump -Fc -d upgraded -f "$work/upgraded.dump"
createdb restored
pg_restore --exit-on-error -d restored "$work/upgraded.dump"
psql -At -d restored -f "$old/stored_report.sql" > "$work/restored"
psql -At -d restored -f tests/fixtures/upgrade_report.sql > "$work/objects_restored"
diff -u "$work/updated" "$work/restored" || fail "the updated database reads otherwise after pg_dump / pg_restore"
diff -u "$work/objects_updated" "$work/objects_restored" \
    || fail "views over the functions whose result changed read otherwise after pg_dump / pg_restore of the updated database"
echo "upgrade_check: $release -> $version: $(wc -l < "$work/schema_fresh") catalog lines equal a fresh install;" \
     "$(wc -l < "$work/before") result lines unchanged (new library, update, refresh)"
