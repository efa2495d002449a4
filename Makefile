# pg_retention: the two commands of the README, and their parts.
#   make demo    build, install, and print the survey, order, cohort and predictive reports
#                in a throw-away PostgreSQL 15 (make demo PG=18: in PostgreSQL 18)
#   make test    every test tier, on PostgreSQL 15 and 18 (what CI runs)
#   make bench   the benchmark (10 million rows; not part of the tests; PG=18 as for demo)
# One tier at a time (scripts/test.sh --tiers; docs/testing.md), on PG's version alone:
#   make test-unit       the pure crate's tests, the error catalogue, no outside access
#   make test-pg         #[pg_test] inside PostgreSQL (cargo pgrx test)
#   make test-sql        pg_regress, dump/restore, doc examples, tests/checks/, load, pg_cron
#   make test-package    the release package installed as a package manager would
#   make test-upgrade    the last release, then ALTER EXTENSION UPDATE
#   make test-citus      Citus 13.2.2 (built once from ../shared/vendor/citus), three nodes,
#                        distributed results equal local ones (PostgreSQL 15 only)
#   make check-one FILE=tests/pg_regress/sql/nps.sql   one golden file, check or shell
#                test (FILE=tests/checks/NAME.py, tests/NAME.sh; ARGS=... passed on)
# Each target first installs what is missing (scripts/setup.sh), as root or with sudo.
# PG picks the PostgreSQL of demo, bench, install and the one-tier targets: 15 (Debian's,
# the default) or 18 (the wheel in .venv; scripts/pg.sh).
PG ?= 15
export PG

.PHONY: demo test bench setup install clean \
	test-unit test-pg test-sql test-package test-upgrade test-citus check-one

demo: setup
	scripts/install.sh
	scripts/cluster.sh -v $(PG) demo/run.sh

test:
	scripts/test.sh

test-unit:
	scripts/test.sh --tiers unit

test-pg:
	scripts/test.sh --tiers pg_test --pg $(PG)

test-sql:
	scripts/test.sh --tiers sql --pg $(PG)

test-package:
	scripts/test.sh --tiers package --pg $(PG)

test-upgrade:
	scripts/test.sh --tiers upgrade --pg $(PG)

test-citus:
	scripts/test.sh --tiers citus --pg 15

check-one:
	@test -n "$(FILE)" || { echo "make check-one FILE=tests/pg_regress/sql/NAME.sql (or tests/checks/NAME.py, tests/NAME.sh) [PG=18] [ARGS=...]" >&2; exit 2; }
	scripts/test.sh --pg $(PG) --only $(FILE) $(ARGS)

bench: setup
	scripts/install.sh --release
	scripts/cluster.sh -v $(PG) -o max_parallel_workers_per_gather=2 -o shared_buffers=1GB bench/run.sh

setup:
	scripts/setup.sh

install: setup
	scripts/install.sh

clean:
	cargo clean
