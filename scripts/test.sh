#!/usr/bin/env bash
# Every test tier of pg_retention, in order; stops at the first failing tier. The unit tier
# needs no server; every other tier runs on each tested PostgreSQL (scripts/pg.sh: Debian's
# 15 and the wheel's 18), all of them on 15 first, then on 18, each naming its version.
#   1. unit     pure math (crates/retention-core): unit and property tests, no PostgreSQL;
#               the catalogue of bad input (docs/errors.md) matches the expected outputs;
#               the generated src/values_ops.sql and src/survey_types.sql are what
#               scripts/generated_sql.py writes;
#               no code reads files, the network or the environment
#               (tests/checks/no_outside_access.py)
#   2. pg_test  #[pg_test] tests inside PostgreSQL (cargo pgrx test)
#   3. sql      pg_regress golden files (tests/pg_regress), the parallel-plan equivalence
#               tests, pg_dump/restore of stored summaries, views and materialized views,
#               every SQL example in docs/ run and compared with its shown output, the
#               Python checks (tests/checks/: the order figures on CDNOW against the pandas
#               reference, cohorts, ClickHouse, predictions, interrupts, memory, fuzzing),
#               20 s of pgbench inserts, dashboard queries and concurrent materialized-view
#               refreshes ending equal to a recomputation (tests/concurrent_load.sh),
#               and the materialized-view workflow with pg_cron (tests/cron_workflow.sh;
#               on 15 only: Debian 12 packages pg_cron for its own PostgreSQL alone)
#   4. package  cargo pgrx package's release tree installed as a package manager would and
#               used from a clean cluster (tests/package_check.sh)
#   5. upgrade  the last release (RELEASES) built from git, a database of stored summaries,
#               views and materialized views on it, this version's library, ALTER EXTENSION
#               UPDATE: the catalog equals a fresh install, the results are unchanged, and
#               a changed SQL surface without an upgrade script fails (tests/upgrade_check.sh)
#   6. citus    on PostgreSQL 15 only (Citus 13.2 has no 18): Citus 13.2.2 built from
#               ../shared/vendor/citus once per machine (scripts/citus.sh), a coordinator
#               and two workers on loopback, every documented query shape on distributed
#               tables equal to the same rows in local tables, partial aggregates on the
#               workers (tests/checks/citus_check.py); CITUS=skip skips it when Citus is
#               neither installed nor vendored
#
# Usage (docs/testing.md, *Running part of the suite*):
#   scripts/test.sh                      every tier on 15 and 18 (make test, CI)
#   scripts/test.sh [--tiers T,...] [--pg V,...]
#                                        only those tiers (unit, pg_test, sql, package,
#                                        upgrade, citus), on those versions (make test-sql PG=18)
#   scripts/test.sh [--pg V,...] --only FILE [ARG...]
#                                        one test (make check-one FILE=... PG=18):
#       tests/pg_regress/sql/NAME.sql    that golden file, after setup.sql (which all need)
#       tests/checks/NAME.py             that check, with the ARGs, as the sql tier runs it
#                                        (error_catalogue.py, no_outside_access.py: no server)
#       tests/NAME.sh                    that shell test, as its tier runs it
#   --pg defaults to every tested version. What needs a server installs the extension into
#   that version first (scripts/install.sh) and runs in a throw-away cluster.
set -euo pipefail
caller=$PWD    # --only's FILE may be named from there
cd "$(dirname "$0")/.."
root=$(pwd -P)
. scripts/pg.sh

usage() { sed -n '/^# Usage/,/^#   that version first/s/^# \{0,1\}//p' "$0"; }
all_tiers="unit pg_test sql package upgrade citus"
tiers=$all_tiers
versions=$PG_VERSIONS
only=()
while [ $# -gt 0 ]; do
    case "$1" in
        --tiers) tiers=${2//,/ }; shift 2 ;;
        --pg) versions=${2//,/ }; shift 2 ;;
        --only) [ $# -ge 2 ] || { usage >&2; exit 2; }; shift; only=("$@"); break ;;
        -h|--help) usage; exit 0 ;;
        *) echo "test.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
for t in $tiers; do
    case " $all_tiers " in *" $t "*) ;; *) echo "test.sh: no tier '$t' (the tiers: $all_tiers)" >&2; exit 2 ;; esac
done
for v in $versions; do pg_check_version "$v"; done
if [ ${#only[@]} -gt 0 ]; then
    file=$(cd "$caller" && realpath -e --relative-to="$root" -- "${only[0]}") ||
        { echo "test.sh: there is no ${only[0]}" >&2; exit 2; }
    args=("${only[@]:1}")
    case "$file" in
        tests/pg_regress/sql/*.sql|tests/checks/*.py|tests/*.sh) ;;
        *) echo "test.sh: --only takes tests/pg_regress/sql/NAME.sql, tests/checks/NAME.py or tests/NAME.sh" >&2
           exit 2 ;;
    esac
fi
# wanted TIER: whether that tier is to run
wanted() { case " $tiers " in *" $1 "*) ;; *) return 1 ;; esac; }

# (the Makefile runs scripts/setup.sh first; running this script alone does too)
scripts/setup.sh

# cron_workflow VERSION: the pg_cron workflow, in a cluster of its own: pg_cron must be
# preloaded; its jobs run in background workers.
cron_workflow() {
    scripts/cluster.sh -v "$1" -o shared_preload_libraries=pg_cron -o cron.database_name=postgres \
        -o cron.use_background_workers=on -o max_worker_processes=16 tests/cron_workflow.sh
}

# --only FILE [ARG...]: that one test, on each version.
if [ ${#only[@]} -gt 0 ]; then
    case "$file" in
        tests/checks/error_catalogue.py|tests/checks/no_outside_access.py)
            python3 "$file" "${args[@]}"; echo "only: $file passed"; exit 0 ;;
    esac
    for v in $versions; do
        export PG=$v
        echo; echo "=== only: $file on PostgreSQL $v"
        case "$file" in
            tests/package_check.sh|tests/upgrade_check.sh) "$file" "${args[@]}"; continue ;;
            tests/cron_workflow.sh) [ "$v" = 15 ] || { echo "--- not on $v (Debian 12 packages pg_cron for 15 only)"; continue; } ;;
            tests/checks/citus_check.py)
                [ "$v" = 15 ] || { echo "--- not on $v (Citus 13.2 supports 15, not 18)"; continue; }
                scripts/citus.sh ;;
        esac
        scripts/install.sh
        case "$file" in
            tests/pg_regress/sql/*.sql) scripts/cluster.sh -v "$v" tests/sql_tier.sh "$(basename "$file" .sql)" ;;
            tests/checks/citus_check.py) scripts/citus.sh --cluster .venv/bin/python "$file" "${args[@]}" ;;
            tests/checks/*.py) scripts/cluster.sh -v "$v" .venv/bin/python "$file" "${args[@]}" ;;
            tests/cron_workflow.sh) cron_workflow "$v" ;;
            *) scripts/cluster.sh -v "$v" "$file" "${args[@]}" ;;
        esac
    done
    echo "only: $file passed on PostgreSQL ${versions// /, }"
    exit 0
fi

passed=0
# Each tier's wall time, printed at the end (docs/testing.md lists what each costs).
times=()
current=
started=$SECONDS
tier() {
    [ -z "$current" ] || times+=("$(printf '%-12s %5d s' "$current" $((SECONDS - started)))")
    current=${1%% (*}; current=${current/ on PostgreSQL/}; started=$SECONDS
    echo; echo "=== tier: $1"
}

if wanted unit; then
    tier "unit (cargo test -p retention-core)"
    cargo test -p retention-core --quiet
    # docs/errors.md is generated from the pg_regress expected outputs; it must match them.
    python3 tests/checks/error_catalogue.py --check
    # src/values_ops.sql (fifteen equal blocks of comparison support) and src/survey_types.sql
    # (the survey aggregates for five more score types) are generated; they must be what
    # scripts/generated_sql.py writes.
    python3 scripts/generated_sql.py --check
    # No code of the extension reaches outside its arguments (files, network, environment, SPI).
    python3 tests/checks/no_outside_access.py
    passed=$((passed + 1))
fi

pgdata=
remove_pgdata() {
    [ -n "$pgdata" ] || return 0
    sudo -n -u postgres rm -rf "$pgdata"/* 2>/dev/null || true; rm -rf "$pgdata" 2>/dev/null || true
    pgdata=
}
trap remove_pgdata EXIT
for v in $versions; do
    pg="PostgreSQL $v"
    export PG=$v    # scripts/install.sh, package_check.sh and upgrade_check.sh build for it

    if wanted pg_test; then
        tier "pg_test on $pg (cargo pgrx test)"
        pg_full_version "$v"
        # initdb refuses root, and the system PostgreSQL directories need root to install into:
        # there pgrx runs the test cluster as `postgres` and installs with sudo (the data
        # directory's parent must be writable by that user). A normal user's tree, such as the
        # wheel's in .venv (which `postgres` may not even be able to read), needs neither.
        pgdata=$(mktemp -d "${TMPDIR:-/tmp}/pg_retention-pgtest.XXXXXX")
        chmod 0777 "$pgdata"
        runas=(--runas postgres)
        [ "$(id -u)" -ne 0 ] && [ -w "$("$(pg_config_of "$v")" --pkglibdir)" ] && runas=()
        cargo pgrx test "pg$v" "${runas[@]}" --pgdata "$pgdata"
        remove_pgdata
        passed=$((passed + 1))
    fi

    if wanted sql; then
        tier "sql on $pg (pg_regress, parallel plans, dump/restore, doc examples)"
        scripts/install.sh
        scripts/cluster.sh -v "$v" tests/sql_tier.sh
        if [ "$v" = 15 ]; then
            echo "--- materialized views refreshed by pg_cron"
            cron_workflow "$v"
        else
            echo "--- materialized views refreshed by pg_cron: not on $pg (Debian 12 packages pg_cron for 15 only)"
        fi
        passed=$((passed + 1))
    fi

    if wanted package; then
        tier "package on $pg (cargo pgrx package, installed as a package manager would, used from a clean cluster)"
        tests/package_check.sh
        passed=$((passed + 1))
    fi

    if wanted upgrade; then
        tier "upgrade on $pg (the last release built from git, ALTER EXTENSION UPDATE to this version)"
        tests/upgrade_check.sh
        passed=$((passed + 1))
    fi
done

if wanted citus; then
    if [[ " $versions " != *" 15 "* ]]; then
        echo; echo "=== tier: citus: not run (it runs on PostgreSQL 15, which --pg leaves out)"
    else
        tier "citus on PostgreSQL 15 (Citus 13.2.2: a coordinator and two workers, distributed = local)"
        scripts/citus.sh
        if scripts/citus.sh --check; then
            export PG=15
            scripts/install.sh
            scripts/citus.sh --cluster .venv/bin/python tests/checks/citus_check.py
            passed=$((passed + 1))
        else
            echo "--- skipped (CITUS=skip): Citus is not installed and its source is missing"
        fi
    fi
fi

times+=("$(printf '%-12s %5d s' "$current" $((SECONDS - started)))")
echo
printf 'time per tier:\n'; printf '  %s\n' "${times[@]}"
echo "tiers: $passed passed, 0 failed"
