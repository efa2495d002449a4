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
#     materialized view (also refreshed) reads as before.
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
[ "$(psql -At -d upgraded -c "$extversion")" = "$release" ] || fail "the database was not created at release $release"
psql -At -d upgraded -f "$old/stored_report.sql" > "$work/before"
[ -s "$work/before" ] || fail "the release's report printed nothing"

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

# 3. ALTER EXTENSION UPDATE, then the catalog of a fresh install and unchanged results.
psql -d upgraded -c "ALTER EXTENSION pg_retention UPDATE" 2>"$work/update.log" \
    || { cat "$work/update.log"; fail "ALTER EXTENSION pg_retention UPDATE from $release to $version failed"; }
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
psql -At -d upgraded -f "$old/stored_report.sql" > "$work/updated"
psql -d upgraded -c "$(psql -At -d upgraded -c "$materialized_views")"
psql -At -d upgraded -f "$old/stored_report.sql" > "$work/refreshed"
diff -u "$work/before" "$work/updated" || fail "results changed with ALTER EXTENSION UPDATE"
diff -u "$work/before" "$work/refreshed" || fail "results changed when the materialized views were refreshed after the update"
echo "upgrade_check: $release -> $version: $(wc -l < "$work/schema_fresh") catalog lines equal a fresh install;" \
     "$(wc -l < "$work/before") result lines unchanged (new library, update, refresh)"
