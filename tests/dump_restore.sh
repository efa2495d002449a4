#!/usr/bin/env bash
# A database holding stored summaries, a view and a materialized view built on the
# aggregates survives pg_dump / pg_restore into a fresh database with identical results,
# and stored summaries survive a binary COPY (send, then receive).
# The extension lives in its own schema, off the search_path, and pg_restore runs with
# search_path = '', so every reference the dump makes must be schema-qualified.
set -euo pipefail
src=pg_retention_dump_src
dst=pg_retention_dump_dst
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pg_retention-dump.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

dropdb --if-exists "$src" 2>/dev/null; dropdb --if-exists "$dst" 2>/dev/null
createdb "$src"; createdb "$dst"
psql -d "$src" <<'SQL'
CREATE SCHEMA metrics;
CREATE EXTENSION pg_retention SCHEMA metrics;
CREATE TABLE responses AS
SELECT g AS id, (g * 7) % 11 AS score, (g * 3) % 5 + 1 AS csat, (g * 5) % 7 + 1 AS effort,
       (ARRAY['web', 'app', 'email'])[g % 3 + 1] AS channel, date '2026-01-01' + g % 60 AS day
FROM generate_series(1, 5000) g;
CREATE TABLE daily_summaries AS
SELECT day, channel, metrics.nps_agg(score) AS nps, metrics.csat_agg(csat) AS csat,
       metrics.ces_agg(effort, 7) AS ces
FROM responses GROUP BY day, channel;
CREATE VIEW nps_by_channel AS
SELECT channel, metrics.nps(score) AS nps, (metrics.nps_ci(metrics.nps_agg(score))).lower AS lower,
       metrics.csat(csat) AS csat, metrics.ces(effort, 7) AS ces
FROM responses GROUP BY channel;
CREATE MATERIALIZED VIEW monthly AS
SELECT date_trunc('month', day) AS month, metrics.rollup(nps) AS nps, metrics.rollup(csat) AS csat,
       metrics.rollup(ces) AS ces
FROM daily_summaries GROUP BY 1;
SQL

report="
SELECT * FROM nps_by_channel ORDER BY channel;
SELECT month, nps::text, csat::text, ces::text, metrics.nps(nps), metrics.csat(csat), metrics.ces(ces)
FROM monthly ORDER BY month;
SELECT md5(string_agg(d::text, ',' ORDER BY day, channel)) FROM daily_summaries d;"

psql -d "$src" -At -c "$report" > "$tmp/before"
pg_dump -Fc -d "$src" -f "$tmp/dump"
pg_restore --exit-on-error -d "$dst" "$tmp/dump"
psql -d "$dst" -At -c "$report" > "$tmp/after"
psql -d "$dst" -c "REFRESH MATERIALIZED VIEW monthly"
psql -d "$dst" -At -c "$report" > "$tmp/refreshed"

# Binary COPY (the types' send and receive functions), piped client-side from one database
# into the other: no server-side file, so it works for any user.
psql -d "$dst" -c "CREATE TABLE daily_binary (LIKE daily_summaries)"
psql -d "$src" -c "\copy daily_summaries TO STDOUT (FORMAT binary)" \
    | psql -d "$dst" -c "\copy daily_binary FROM STDIN (FORMAT binary)"
binary="SELECT md5(string_agg(d::text, ',' ORDER BY day, channel)) FROM"
psql -d "$src" -At -c "$binary daily_summaries d" > "$tmp/binary_src"
psql -d "$dst" -At -c "$binary daily_binary d" > "$tmp/binary_dst"

if ! diff -u "$tmp/before" "$tmp/after" || ! diff -u "$tmp/before" "$tmp/refreshed" \
        || ! diff -u "$tmp/binary_src" "$tmp/binary_dst"; then
    echo "dump_restore: results differ after restore"
    exit 1
fi
[ -s "$tmp/before" ] || { echo "dump_restore: no results to compare"; exit 1; }
echo "dump_restore: $(wc -l < "$tmp/before") result lines identical after pg_dump/pg_restore and REFRESH;" \
    "$(psql -d "$dst" -At -c "SELECT count(*) FROM daily_binary") summary rows identical after binary COPY"
dropdb "$src"; dropdb "$dst"
