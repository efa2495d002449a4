# pg_retention: the two commands of the README, and their parts.
#   make demo    build, install, and print the survey, order, cohort and predictive reports
#                in a throw-away PostgreSQL 15
#   make test    every test tier (what CI runs)
#   make bench   the benchmark (10 million rows; not part of the tests)
# Each target first installs what is missing (scripts/setup.sh), as root or with sudo.

.PHONY: demo test bench setup install unit-test clean

demo: setup
	scripts/install.sh
	pg_virtualenv -v 15 demo/run.sh

test:
	scripts/test.sh

bench: setup
	scripts/install.sh --release
	pg_virtualenv -v 15 -o max_parallel_workers_per_gather=2 -o shared_buffers=1GB bench/run.sh

setup:
	scripts/setup.sh

install: setup
	scripts/install.sh

unit-test:
	cargo test -p retention-core

clean:
	cargo clean
