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
-- Order histories stored per customer, summaries of them in a materialized view, and a
-- view of the one-step aggregates.
CREATE TABLE orders AS
SELECT g % 700 AS customer_id, timestamptz '2026-01-01 00:00+00' + (g * 7919 % 400) * interval '1 day' AS ordered_at,
       (g % 50) + 0.99 AS amount
FROM generate_series(1, 5000) g;
CREATE TABLE customer_histories AS
SELECT customer_id, metrics.customer_history_agg(ordered_at, amount) AS h FROM orders GROUP BY customer_id;
CREATE MATERIALIZED VIEW order_summaries AS
SELECT metrics.customer_stats_agg(h) AS stats, metrics.period_series_agg(h, 'month', 'UTC') AS series,
       metrics.retention_agg(h, '2026-06-01', '2026-07-01') AS retention,
       metrics.mrr_series_agg(h, 'quarter', 'UTC') AS mrr
FROM customer_histories;
CREATE VIEW order_figures AS
SELECT metrics.repeat_purchase_rate(customer_id) AS repeat_rate,
       metrics.retention_rate(customer_id, ordered_at, '2026-06-01', '2026-07-01') AS retention,
       metrics.median_time_between_purchases(customer_id, ordered_at) AS median_gap,
       metrics.mrr_movements(amount, amount * (customer_id % 2)) AS movements
FROM orders;
-- The predictive family: RFM rows in a view, the fitted models and a survival curve in a
-- materialized view (as a shop refreshes them nightly), an sBG model in a table.
CREATE VIEW customer_rfm AS
SELECT customer_id, r.* FROM customer_histories, LATERAL metrics.rfm(h, '2027-03-01', 'week') r;
CREATE MATERIALIZED VIEW models AS
SELECT metrics.bgnbd_fit(frequency, recency, t) AS purchases,
       metrics.gamma_gamma_fit(frequency, monetary_value) AS spend,
       metrics.kaplan_meier(t, frequency = 0) AS survival
FROM customer_rfm;
CREATE TABLE contract_models AS
SELECT metrics.sbg_fit(period, alive) AS m
FROM (VALUES (0, 1000), (1, 631), (2, 468), (3, 382), (4, 326), (5, 289), (6, 262), (7, 241)) v(period, alive);
SQL

report="
SELECT * FROM order_figures;
SELECT stats, series, retention, mrr, metrics.avg_order_value(stats), metrics.retention_rate(retention) FROM order_summaries;
SELECT * FROM metrics.periods((SELECT series FROM order_summaries));
SELECT md5(string_agg(customer_id || ':' || h::text, ',' ORDER BY customer_id)) FROM customer_histories;
SELECT * FROM nps_by_channel ORDER BY channel;
SELECT month, nps::text, csat::text, ces::text, metrics.nps(nps), metrics.csat(csat), metrics.ces(ces)
FROM monthly ORDER BY month;
SELECT md5(string_agg(d::text, ',' ORDER BY day, channel)) FROM daily_summaries d;
SELECT purchases::text, spend::text, survival::text, metrics.parameters(purchases), metrics.median_lifetime(survival)
FROM models;
SELECT sum(metrics.clv(purchases, spend, frequency, recency, t, monetary_value, 12, 0.01, 4.345)),
       sum(metrics.probability_alive(purchases, frequency, recency, t))
FROM customer_rfm, models;
SELECT m::text, metrics.survival(m, 12) FROM contract_models;"

psql -d "$src" -At -c "$report" > "$tmp/before"
pg_dump -Fc -d "$src" -f "$tmp/dump"
pg_restore --exit-on-error -d "$dst" "$tmp/dump"
psql -d "$dst" -At -c "$report" > "$tmp/after"
psql -d "$dst" -c "REFRESH MATERIALIZED VIEW monthly" -c "REFRESH MATERIALIZED VIEW order_summaries" \
    -c "REFRESH MATERIALIZED VIEW models"
psql -d "$dst" -At -c "$report" > "$tmp/refreshed"

# Binary COPY (the types' send and receive functions), piped client-side from one database
# into the other: no server-side file, so it works for any user.
psql -d "$dst" -c "CREATE TABLE daily_binary (LIKE daily_summaries)" \
    -c "CREATE TABLE histories_binary (LIKE customer_histories)" -c "CREATE TABLE summaries_binary AS SELECT * FROM order_summaries WITH NO DATA" \
    -c "CREATE TABLE models_binary AS SELECT * FROM models WITH NO DATA"
psql -d "$src" -c "\copy daily_summaries TO STDOUT (FORMAT binary)" \
    | psql -d "$dst" -c "\copy daily_binary FROM STDIN (FORMAT binary)"
psql -d "$src" -c "\copy customer_histories TO STDOUT (FORMAT binary)" \
    | psql -d "$dst" -c "\copy histories_binary FROM STDIN (FORMAT binary)"
psql -d "$src" -c "\copy (SELECT * FROM order_summaries) TO STDOUT (FORMAT binary)" \
    | psql -d "$dst" -c "\copy summaries_binary FROM STDIN (FORMAT binary)"
psql -d "$src" -c "\copy (SELECT * FROM models) TO STDOUT (FORMAT binary)" \
    | psql -d "$dst" -c "\copy models_binary FROM STDIN (FORMAT binary)"
binary="SELECT md5(string_agg(d::text, ',' ORDER BY day, channel)) FROM"
psql -d "$src" -At -c "$binary daily_summaries d" -c "SELECT md5(string_agg(h::text, ',' ORDER BY customer_id)) FROM customer_histories" \
    -c "SELECT md5(s::text) FROM order_summaries s" -c "SELECT md5(m::text) FROM models m" > "$tmp/binary_src"
psql -d "$dst" -At -c "$binary daily_binary d" -c "SELECT md5(string_agg(h::text, ',' ORDER BY customer_id)) FROM histories_binary" \
    -c "SELECT md5(s::text) FROM summaries_binary s" -c "SELECT md5(m::text) FROM models_binary m" > "$tmp/binary_dst"

if ! diff -u "$tmp/before" "$tmp/after" || ! diff -u "$tmp/before" "$tmp/refreshed" \
        || ! diff -u "$tmp/binary_src" "$tmp/binary_dst"; then
    echo "dump_restore: results differ after restore"
    exit 1
fi
[ -s "$tmp/before" ] || { echo "dump_restore: no results to compare"; exit 1; }
echo "dump_restore: $(wc -l < "$tmp/before") result lines identical after pg_dump/pg_restore and REFRESH;" \
    "$(psql -d "$dst" -At -c "SELECT count(*) FROM daily_binary") summary rows identical after binary COPY"
dropdb "$src"; dropdb "$dst"
