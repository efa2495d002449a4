#!/usr/bin/env bash
# Fetch the CDNOW data set (Fader & Hardie) from the PyPI wheel of
# lifetimes==0.11.3, which ships it under lifetimes/datasets/.
#
#   scripts/fetch_cdnow.sh [DIR]      (default: <repo>/.cache/cdnow)
#
# Only the wheel is downloaded (no dependencies, nothing installed); the four
# files are unzipped into DIR with Python's zipfile. When they are already in
# DIR the download is skipped. Works as root or as a normal user.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-$repo_root/.cache/cdnow}"
files=(CDNOW_master.txt CDNOW_sample.txt cdnow_customers_summary.csv
       cdnow_customers_summary_with_transactions.csv)
expected_master_lines=69659

have_all() {
    local f
    for f in "${files[@]}"; do
        [ -s "$dest/$f" ] || return 1
    done
}

mkdir -p "$dest"
if have_all; then
    echo "fetch_cdnow: files already in $dest, skipping download"
else
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/fetch_cdnow.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    # --no-cache-dir keeps pip away from a cache dir owned by another user;
    # PIP_DISABLE_PIP_VERSION_CHECK quiets the self-check.
    PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip download --quiet --no-cache-dir \
        --no-deps --only-binary=:all: lifetimes==0.11.3 -d "$tmp"
    # The wheel is named Lifetimes-0.11.3-py3-none-any.whl (capital L).
    wheel="$(ls "$tmp"/*.whl)"
    python3 - "$wheel" "$dest" "${files[@]}" <<'PY'
import os, sys, zipfile
wheel, dest, names = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(wheel) as z:
    for name in names:
        data = z.read("lifetimes/datasets/" + name)
        tmp = os.path.join(dest, name + ".part")
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(dest, name))
        print("fetch_cdnow: wrote %s (%d bytes)" % (os.path.join(dest, name), len(data)))
PY
fi

# The file (CRLF line ends) starts with a header line
# " customer_id  date number_of_cds  dollar_value", then one purchase a line:
# 69,660 physical lines, 69,659 purchases. Count the purchase lines (first
# field all digits), so that the check means "69,659 purchases".
lines=$(awk '$1 ~ /^[0-9]+$/ { n++ } END { print n + 0 }' "$dest/CDNOW_master.txt")
if [ "$lines" -ne "$expected_master_lines" ]; then
    echo "fetch_cdnow: $dest/CDNOW_master.txt has $lines purchase lines, expected $expected_master_lines" >&2
    exit 1
fi
echo "fetch_cdnow: $dest/CDNOW_master.txt has $lines purchase lines (ok)"
