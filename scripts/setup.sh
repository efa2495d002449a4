#!/usr/bin/env bash
# Install what building and testing pg_retention needs, skipping what is already there:
# Debian packages (PostgreSQL 15 server and headers, libclang for bindgen, binutils for
# the upgrade test's nm, sudo, venv),
# cargo-pgrx 0.18.1, the Python virtual environment .venv with the pinned packages of
# tests/reference/requirements.txt (the pandas reference, sqlglot, and the PostgreSQL 18
# wheel), .venv-dbt with dbt (tests/dbt/requirements.txt), and pgrx's configuration pointing at both tested PostgreSQL versions (scripts/pg.sh).
# Works as root and as a normal user with sudo.
set -euo pipefail

PGRX_VERSION=0.18.1
PACKAGES=(postgresql-15 postgresql-server-dev-15 postgresql-common postgresql-15-cron libclang-dev clang pkg-config sudo binutils
          python3-venv
          libpostgresql-jdbc-java default-jre-headless)   # pgjdbc and a JRE: tests/checks/jdbc_check.py

if ! command -v cargo >/dev/null 2>&1; then
    echo "setup: cargo not found: install the Rust toolchain (rustc 1.95 or later, e.g. with rustup) first" >&2
    exit 1
fi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# debian_packages PACKAGE...: installs those not installed yet (after apt-get update).
debian_packages() {
    local p missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "setup: installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}
# scripts/setup.sh --debian PACKAGE...: only those packages (scripts/citus.sh's build
# dependencies).
if [ "${1:-}" = "--debian" ]; then
    shift
    debian_packages "$@"
    exit
fi
debian_packages "${PACKAGES[@]}"

if ! cargo pgrx --version 2>/dev/null | grep -q " $PGRX_VERSION\$"; then
    echo "setup: installing cargo-pgrx $PGRX_VERSION (a few minutes)"
    cargo install cargo-pgrx --version "$PGRX_VERSION" --locked --quiet
fi

# The SQL tier checks the extension on CDNOW against the pandas reference
# (tests/checks/cdnow_check.py), which runs in its own environment: pip must not touch the
# system Python (Debian marks it externally managed). The environment belongs to whoever
# runs this script, so no sudo. The hash of the requirements stored in it says whether the
# pins changed; an environment whose python is gone (e.g. the interpreter it was made from was
# upgraded or removed) is made again.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# python_env DIR REQUIREMENTS WHAT [PIP OPTION...]: DIR made with the pins of REQUIREMENTS,
# unless it already has exactly those.
python_env() {
    local venv="$repo_root/$1" requirements="$repo_root/$2" what=$3 want
    shift 3
    want=$(sha256sum "$requirements" | cut -d' ' -f1)
    if [ "$(cat "$venv/requirements.sha256" 2>/dev/null)" != "$want" ] || ! "$venv/bin/python" -c '' 2>/dev/null; then
        echo "setup: creating $venv with ${requirements#"$repo_root"/} ($what)"
        rm -rf "$venv"
        python3 -m venv "$venv"
        PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/pip" install --quiet "$@" -r "$requirements"
        # Written last, so that an interrupted install is redone by the next run.
        echo "$want" >"$venv/requirements.sha256"
    fi
}
python_env .venv tests/reference/requirements.txt "pandas, numpy, chdb, duckdb, sqlglot, PostgreSQL 18"
# dbt, for the dbt project of the SQL tier (tests/checks/dbt_check.py), apart from .venv
# (tests/dbt/requirements.txt says why); wheels only, so nothing is built or fetched at install.
python_env .venv-dbt tests/dbt/requirements.txt "dbt-core, dbt-postgres" --only-binary=:all:

# `cargo pgrx init --pg15 <pg_config> --pg18 <pg_config>` uses the installed servers and
# downloads nothing; it writes this clone's pgrx configuration (PGRX_HOME, scripts/pg.sh).
. "$repo_root/scripts/pg.sh"
config="$PGRX_HOME/config.toml"
init=()
for v in $PG_VERSIONS; do
    c=$(pg_config_of "$v")
    [ -x "$c" ] || { echo "setup: PostgreSQL $v's pg_config is missing ($c)" >&2; exit 1; }
    init+=("--pg$v" "$c")
    grep -qs "^pg$v = \"$c\"" "$config" || stale=1
done
if [ -n "${stale:-}" ]; then
    echo "setup: pointing pgrx at PostgreSQL $PG_VERSIONS (${init[*]})"
    cargo pgrx init "${init[@]}" >/dev/null
fi
