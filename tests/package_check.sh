#!/usr/bin/env bash
# The installable package: `cargo pgrx package` builds the release tree (the files a
# distribution package would hold) for the PostgreSQL that PG names (scripts/pg.sh; default
# 15), which is installed the way a package manager would, by copying it under /, and then
# used from a clean cluster (scripts/cluster.sh): CREATE EXTENSION, the version, and one
# figure of each family against its known value.
# Run by scripts/test.sh after the sql tier (it replaces the installed build with the
# packaged release build); as root, or as a user with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/pg.sh
pg=${PG:-$PG_DEFAULT}
pg_check_version "$pg"
pg_config=$(pg_config_of "$pg")

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! cargo pgrx package --pg-config "$pg_config" $(pg_features_of "$pg") >"$log" 2>&1; then
    cat "$log"; exit 1
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
pkg=target/release/pg_retention-pg$pg
libdir=$("$pg_config" --pkglibdir); sharedir=$("$pg_config" --sharedir)

# Exactly the library, the control file, the install script of this version and the
# upgrade scripts from earlier releases (sql/).
want=$( (printf '%s\n' "${libdir#/}/pg_retention.so" "${sharedir#/}/extension/pg_retention--$version.sql" \
    "${sharedir#/}/extension/pg_retention.control"
    for u in sql/pg_retention--*--*.sql; do if [ -e "$u" ]; then echo "${sharedir#/}/extension/${u#sql/}"; fi; done) | sort)
got=$(cd "$pkg" && find . -type f | sed 's|^\./||' | sort)
[ "$got" = "$want" ] || { echo "package_check: unexpected package contents:"; echo "$got"; exit 1; }
grep -q "default_version = '$version'" "$pkg/${sharedir#/}/extension/pg_retention.control" \
    || { echo "package_check: the control file does not name version $version"; exit 1; }
echo "package_check: $pkg holds $(echo "$got" | wc -l) files: $(echo "$got" | tr '\n' ' ')"

# Installed as a package manager would: the tree's files copied under /.
pg_install_tree "$pkg"
cmp -s "$pkg/${libdir#/}/pg_retention.so" "$libdir/pg_retention.so" \
    || { echo "package_check: the installed library is not the packaged one"; exit 1; }

# A clean cluster using it.
scripts/cluster.sh -v "$pg" bash -euo pipefail -c "
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 \"\$@\"; }
createdb package_check
got=\$(psql -d package_check <<'SQL'
CREATE EXTENSION pg_retention;
SELECT extversion FROM pg_extension WHERE extname = 'pg_retention';
-- 50 promoters, 30 passives, 20 detractors: NPS = 50% - 20% = 30
SELECT nps(s) FROM (SELECT CASE WHEN g <= 50 THEN 10 WHEN g <= 80 THEN 7 ELSE 0 END AS s
                    FROM generate_series(1, 100) g) v;
-- 3 customers, 2 of them with a second order: 2 / 3
SELECT round(repeat_purchase_rate(c)::numeric, 4) FROM (VALUES (1), (1), (2), (3), (3)) v(c);
-- sBG on Fader & Hardie's 'regular' segment: alpha 0.704, beta 1.182
SELECT round((parameters(m)).alpha::numeric, 3), round((parameters(m)).beta::numeric, 3)
FROM (SELECT sbg_fit((p - 1)::int, n) AS m FROM unnest(ARRAY[1000, 631, 468, 382, 326, 289, 262, 241])
      WITH ORDINALITY u(n, p)) f;
SQL
)
want='$version
30
0.6667
0.704|1.182'
if [ \"\$got\" != \"\$want\" ]; then
    echo \"package_check: a clean cluster with the package gives\"; echo \"\$got\"; echo \"expected\"; echo \"\$want\"; exit 1
fi
echo \"package_check: CREATE EXTENSION pg_retention \$(echo \$got | cut -d' ' -f1) in a clean cluster of \$(psql -d package_check -c 'SHOW server_version'); NPS, repeat rate and sBG as expected\"
"
