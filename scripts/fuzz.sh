#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser of outside bytes or text in retention-core (the
# types' text input and binary receive, the partial aggregate states), with cargo-fuzz.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 60; TARGETs default to every target of fuzz/Cargo.toml
# (one per parser family). Installs cargo-fuzz (on the nightly toolchain) when missing,
# writes the seed corpus of crates/retention-core/tests/fuzz_parsers.rs to
# fuzz/corpus/<target>/ (libFuzzer adds what it finds there), builds with debug assertions
# and overflow checks (as the extension's debug build has them), runs each target, and
# prints libFuzzer's executions per target. A crash (a panic, or a value whose output does
# not read back) is saved under fuzz/artifacts/<target>/; replay it with
# `cargo +nightly fuzz run -a <target> <file>`. Exits 1 when a target crashed.
# Not part of `make test`: the bounded deterministic fuzzer is (cargo test).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
case "$seconds" in
    ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2; exit 2 ;;
esac

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "fuzz: installing the nightly toolchain (cargo-fuzz needs it)"
    rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz"
    cargo +nightly install cargo-fuzz --locked
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi

echo "fuzz: writing the seed corpus to fuzz/corpus/"
FUZZ_CORPUS_DIR="$PWD/fuzz/corpus" FUZZ_CASES=0 \
    cargo test -q -p retention-core --test fuzz_parsers -- --nocapture >/dev/null

echo "fuzz: building the targets (release, debug assertions, overflow checks)"
cargo +nightly fuzz build -a 2>&1 | tail -1

logs=$(mktemp -d "${TMPDIR:-/tmp}/pg_retention-fuzz.XXXXXX")
trap 'rm -rf "$logs"' EXIT
status=0
summary=()
total=0
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t"
    echo "--- $t: ${seconds} s"
    rc=0
    cargo +nightly fuzz run -a "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 >"$logs/$t.log" 2>&1 || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$t.log" | tail -1)
    corpus=$(ls "fuzz/corpus/$t" | wc -l)
    grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs' "$logs/$t.log" || true
    if [ "$rc" -ne 0 ]; then
        status=1
        echo "fuzz: $t CRASHED (exit $rc):"
        grep -E -A3 'panicked|round trip|^[a-z_ ()A-Z:]+: (panic|round trip)|Test unit written' "$logs/$t.log" | head -20 || true
        summary+=("$(printf '%-24s %12s executions  corpus %6s  CRASH' "$t" "${execs:-?}" "$corpus")")
    else
        summary+=("$(printf '%-24s %12s executions  corpus %6s  ok' "$t" "${execs:-?}" "$corpus")")
    fi
    total=$((total + ${execs:-0}))
done

echo "--- summary (${seconds} s per target)"
printf '%s\n' "${summary[@]}"
echo "total: $total executions over ${#targets[@]} targets"
exit $status
