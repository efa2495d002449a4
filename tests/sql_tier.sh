#!/usr/bin/env bash
# The SQL test tier. Runs inside scripts/cluster.sh, which provides a throw-away cluster of
# one tested PostgreSQL and exports PGHOST, PGPORT, PGUSER and PG_CONFIG; pg_retention must
# already be installed into that PostgreSQL.
#   tests/sql_tier.sh              the whole tier
#   tests/sql_tier.sh NAME...      only the golden files tests/pg_regress/sql/NAME.sql, after
#                                  setup (which every one needs); scripts/test.sh --only
set -euo pipefail
cd "$(dirname "$0")"
if [ $# -gt 0 ]; then
    tests=(setup)
    for name in "$@"; do [ "$name" = setup ] || tests+=("$name"); done
else
    tests=(--schedule=pg_regress/schedule)
fi
bindir=$("$PG_CONFIG" --bindir)
pg_regress=$(dirname "$("$PG_CONFIG" --pgxs)")/../test/regress/pg_regress
out=$(mktemp -d "${TMPDIR:-/tmp}/pg_retention-regress.XXXXXX")
trap 'rm -rf "$out"' EXIT

echo "sql_tier: on $(psql -X -At -d postgres -c 'SELECT version()')"
echo "--- pg_regress (tests/pg_regress)"
if ! "$pg_regress" --bindir="$bindir" --inputdir=pg_regress --outputdir="$out" \
        --dbname=pg_retention_regress "${tests[@]}"; then
    cat "$out/regression.diffs"
    # Keep the actual output where a developer can inspect and, after review, accept it.
    mkdir -p pg_regress/results && cp "$out"/results/*.out pg_regress/results/
    exit 1
fi
# Where the output differs between versions, pg_regress accepts any of a test's expected
# files (name.out, name_1.out); each version must have matched its own. The differences:
#   parallel  EXPLAIN ANALYZE: PostgreSQL 18 prints row counts with two decimals
#             (parallel_1.out)
declare -A alternative=([18]=_1)
for name in parallel; do
    [ $# -eq 0 ] || [ -e "$out/results/$name.out" ] || continue    # only some files asked for, not this
    want=pg_regress/expected/$name${alternative[$PGVERSION]:-}.out
    cmp -s "$out/results/$name.out" "$want" ||
        { echo "sql_tier: on PostgreSQL $PGVERSION, $name's output is not $want"; diff -u "$want" "$out/results/$name.out"; exit 1; }
done
[ $# -eq 0 ] || exit 0

echo "--- dump and restore"
./dump_restore.sh

echo "--- objects planted in public before the install"
./planted_objects.sh

echo "--- concurrent load: pgbench inserts, dashboards and concurrent refreshes, then recomputation"
./concurrent_load.sh 20

echo "--- documentation examples"
python3 checks/doc_examples.py ../docs/*.md ../README.md

echo "--- SQL parsers of BI tools: every SELECT of the docs with sqlglot; combine is no key word"
../.venv/bin/python checks/sql_parsers.py

echo "--- dbt: the project of tests/dbt built twice, new orders merged into stored histories"
../.venv/bin/python checks/dbt_check.py

echo "--- CDNOW: every order-history figure against the pandas reference"
# The reference needs pandas, which lives in the repository's .venv (scripts/setup.sh),
# not in the system Python.
if [ ! -x ../.venv/bin/python ]; then
    echo "sql_tier: ../.venv/bin/python not found: run scripts/setup.sh first" >&2
    exit 1
fi
../.venv/bin/python checks/cdnow_check.py
../.venv/bin/python checks/cohort_check.py       # cohort tables, curves, brackets vs the pandas reference
../.venv/bin/python checks/drill_check.py        # drill-down: customers by status per period and cell = periods(), cohort_table()
../.venv/bin/python checks/clickhouse_check.py   # retention(), window_funnel() vs ClickHouse (chdb)
../.venv/bin/python checks/funnel_check.py       # funnel_table() vs pandas; window_funnel_steps() against the rows
../.venv/bin/python checks/activity_check.py     # activity_series: DAU, WAU, MAU per local day vs pandas; combine, parallel
../.venv/bin/python checks/predict_check.py      # RFM, BG/NBD, Gamma-Gamma, CLV, Kaplan-Meier vs lifetimes and lifelines
../.venv/bin/python checks/json_pandas_check.py  # summaries read through ::jsonb by psycopg 3 into pandas equal the accessors
../.venv/bin/python checks/cancel_check.py       # every long loop answers statement_timeout and pg_cancel_backend within a second
../.venv/bin/python checks/memory_check.py       # one-step aggregates within their documented memory per customer or order
../.venv/bin/python checks/fuzz_types.py         # random and mutated input to every type: a value or an ERROR, never a crash
../.venv/bin/python checks/pandas_types_check.py # df.to_sql's bigint and double precision columns into scores and amounts (pandas, SQLAlchemy, psycopg)
python3 checks/jdbc_check.py                     # PreparedStatement through pgjdbc: setString bounds (stringtype=unspecified), setLong scores, setDouble amounts
