#!/usr/bin/env bash
# A database holding stored summaries, views and materialized views built on the
# aggregates (fixtures/stored_objects.sql) survives pg_dump / pg_restore into a fresh database with identical results,
# and stored summaries survive a binary COPY (send, then receive).
# The extension lives in its own schema, off the search_path, and pg_restore runs with
# search_path = '', so every reference the dump makes must be schema-qualified.
set -euo pipefail
cd "$(dirname "$0")"
src=pg_retention_dump_src
dst=pg_retention_dump_dst
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pg_retention-dump.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

dropdb --if-exists "$src" 2>/dev/null; dropdb --if-exists "$dst" 2>/dev/null
createdb "$src"; createdb "$dst"
psql -d "$src" -f fixtures/stored_objects.sql

psql -d "$src" -At -f fixtures/stored_report.sql > "$tmp/before"
pg_dump -Fc -d "$src" -f "$tmp/dump"
pg_restore --exit-on-error -d "$dst" "$tmp/dump"
psql -d "$dst" -At -f fixtures/stored_report.sql > "$tmp/after"
psql -d "$dst" -c "REFRESH MATERIALIZED VIEW monthly" -c "REFRESH MATERIALIZED VIEW order_summaries" \
    -c "REFRESH MATERIALIZED VIEW models" -c "REFRESH MATERIALIZED VIEW cohorts"
psql -d "$dst" -At -f fixtures/stored_report.sql > "$tmp/refreshed"

# Binary COPY (the types' send and receive functions), piped client-side from one database
# into the other: no server-side file, so it works for any user.
psql -d "$dst" -c "CREATE TABLE daily_binary (LIKE daily_summaries)" \
    -c "CREATE TABLE histories_binary (LIKE customer_histories)" -c "CREATE TABLE summaries_binary AS SELECT * FROM order_summaries WITH NO DATA" \
    -c "CREATE TABLE models_binary AS SELECT * FROM models WITH NO DATA" \
    -c "CREATE TABLE cohorts_binary AS SELECT * FROM cohorts WITH NO DATA"
psql -d "$src" -c "\copy daily_summaries TO STDOUT (FORMAT binary)" \
    | psql -d "$dst" -c "\copy daily_binary FROM STDIN (FORMAT binary)"
psql -d "$src" -c "\copy customer_histories TO STDOUT (FORMAT binary)" \
    | psql -d "$dst" -c "\copy histories_binary FROM STDIN (FORMAT binary)"
psql -d "$src" -c "\copy (SELECT * FROM order_summaries) TO STDOUT (FORMAT binary)" \
    | psql -d "$dst" -c "\copy summaries_binary FROM STDIN (FORMAT binary)"
psql -d "$src" -c "\copy (SELECT * FROM models) TO STDOUT (FORMAT binary)" \
    | psql -d "$dst" -c "\copy models_binary FROM STDIN (FORMAT binary)"
psql -d "$src" -c "\copy (SELECT * FROM cohorts) TO STDOUT (FORMAT binary)" \
    | psql -d "$dst" -c "\copy cohorts_binary FROM STDIN (FORMAT binary)"
binary="SELECT md5(string_agg(d::text, ',' ORDER BY day, channel)) FROM"
psql -d "$src" -At -c "$binary daily_summaries d" -c "SELECT md5(string_agg(h::text, ',' ORDER BY customer_id)) FROM customer_histories" \
    -c "SELECT md5(s::text) FROM order_summaries s" -c "SELECT md5(m::text) FROM models m" -c "SELECT md5(c::text) FROM cohorts c" > "$tmp/binary_src"
psql -d "$dst" -At -c "$binary daily_binary d" -c "SELECT md5(string_agg(h::text, ',' ORDER BY customer_id)) FROM histories_binary" \
    -c "SELECT md5(s::text) FROM summaries_binary s" -c "SELECT md5(m::text) FROM models_binary m" -c "SELECT md5(c::text) FROM cohorts_binary c" > "$tmp/binary_dst"

# A stored value naming a time zone this server does not know (another server's time zone
# data may have had it) is received whole, so that a restore never fails on it; reading it
# is what fails (22023). The period and MRR series and the cohort grid, their zone's bytes
# ("UTC", stored as the word "CTU") changed to an unknown name.
for v in "series:periods FROM order_summaries" "mrr:periods FROM order_summaries" "first_order:cohort_table FROM cohorts"; do
    col=${v%%:*}; reader=${v#*:}; reader=${reader%% *}; from=${v#* }
    psql -d "$dst" -c "CREATE TABLE zone_$col AS SELECT $col AS s $from WITH NO DATA"
    psql -d "$src" -c "\copy (SELECT $col $from) TO STDOUT (FORMAT binary)" \
        | python3 -c 'import sys; b = sys.stdin.buffer.read(); assert b.count(b"CTU") == 1, b
sys.stdout.buffer.write(b.replace(b"CTU", b"QZZ"))' \
        | psql -d "$dst" -c "\copy zone_$col FROM STDIN (FORMAT binary)"
    [ "$(psql -d "$dst" -At -c "SELECT s::text LIKE '%zone:\"ZZQ\"%' FROM zone_$col")" = t ] \
        || { echo "dump_restore: binary $col with an unknown time zone did not arrive whole"; exit 1; }
    got=$(psql -d "$dst" -v VERBOSITY=verbose -c "SELECT * FROM metrics.$reader((SELECT s FROM zone_$col))" 2>&1 || true)
    if ! grep -q '22023: time zone "ZZQ" not recognized' <<<"$got"; then
        echo "dump_restore: reading binary $col with an unknown time zone did not fail with 22023: $got"
        exit 1
    fi
done

if ! diff -u "$tmp/before" "$tmp/after" || ! diff -u "$tmp/before" "$tmp/refreshed" \
        || ! diff -u "$tmp/binary_src" "$tmp/binary_dst"; then
    echo "dump_restore: results differ after restore"
    exit 1
fi
[ -s "$tmp/before" ] || { echo "dump_restore: no results to compare"; exit 1; }
echo "dump_restore: $(wc -l < "$tmp/before") result lines identical after pg_dump/pg_restore and REFRESH;" \
    "$(psql -d "$dst" -At -c "SELECT count(*) FROM daily_binary") summary rows identical after binary COPY"
dropdb "$src"; dropdb "$dst"
