# pg_retention: the two commands of the README, and their parts.
#   make demo    build, install, and print the survey, order, cohort and predictive reports
#                in a throw-away PostgreSQL 15 (make demo PG=18: in PostgreSQL 18)
#   make test    every test tier, on PostgreSQL 15 and 18 (what CI runs)
#   make bench   the benchmark (10 million rows; not part of the tests; PG=18 as for demo)
# Each target first installs what is missing (scripts/setup.sh), as root or with sudo.
# PG picks the PostgreSQL of demo, bench and install: 15 (Debian's, the default) or 18
# (the wheel in .venv; scripts/pg.sh).
PG ?= 15
export PG

.PHONY: demo test bench setup install unit-test clean

demo: setup
	scripts/install.sh
	scripts/cluster.sh -v $(PG) demo/run.sh

test:
	scripts/test.sh

bench: setup
	scripts/install.sh --release
	scripts/cluster.sh -v $(PG) -o max_parallel_workers_per_gather=2 -o shared_buffers=1GB bench/run.sh

setup:
	scripts/setup.sh

install: setup
	scripts/install.sh

unit-test:
	cargo test -p retention-core

clean:
	cargo clean
