#!/usr/bin/env bash
# The benchmarks: run inside scripts/cluster.sh (PostgreSQL 15, or the version PG names) with
# pg_retention installed (a release build; `make bench` does both, `make bench PG=18` on 18). Usage: bench/run.sh [module] [rows] [rounds]
#   module   a benchmark module, bench/<module>.py (survey, orders, ...); default, or "all": every one
#   rows     the size of the data set; default: the module's own (10 million for survey and orders)
#   rounds   interleaved timing rounds; default: the module's own (7 for survey, 5 for orders)
# A number first means all modules: `bench/run.sh 200000 3`.
# Each module prints its Markdown report (docs/benchmarks.md), also kept in .bench/<module>.md.
set -euo pipefail
cd "$(dirname "$0")"
all=$(ls ./*.py | sed -e 's|^\./||' -e 's|\.py$||' | grep -vxE "harness|engines")
case "${1:-all}" in
    all) modules=$all; [ $# -gt 0 ] && shift ;;
    [0-9]*) modules=$all ;;
    *) modules=$1; shift
       [ -f "$modules.py" ] || { echo "bench/run.sh: no module $modules; there are:" $all >&2; exit 2; } ;;
esac
mkdir -p ../.bench
# The reference environment (scripts/setup.sh): the cohort module compares with DuckDB and chdb.
python=../.venv/bin/python
[ -x "$python" ] || { echo "bench/run.sh: no $python; run scripts/setup.sh (make setup) first" >&2; exit 2; }
for module in $modules; do
    "$python" "$module.py" "$@" | tee "../.bench/$module.md"
done
