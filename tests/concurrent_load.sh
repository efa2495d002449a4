#!/usr/bin/env bash
# Concurrent load: pgbench clients insert orders and survey responses (each insert also
# merges the new row into a stored summary), load dashboard pages (materialized views,
# rollups of stored summaries, one-step aggregates over raw rows) and refresh the
# materialized views CONCURRENTLY, all at once for a bounded time over TCP on loopback.
# The run must end with no failed transaction, no aborted client and no transaction rolled
# back in the database; then, after one final refresh, every materialized view must equal
# its query run from scratch, and every stored summary and rollup must equal the aggregate
# over the raw rows.
#
#   tests/concurrent_load.sh [seconds]       # default 20; in the SQL tier inside scripts/cluster.sh
#
# Uses the cluster of the libpq environment (PGPORT, PGUSER, PGPASSWORD; the host is always
# 127.0.0.1, so the cluster must listen there), with pg_retention installed. CLIENTS and THREADS override pgbench's
# -c 8 -j 2. The pgbench scripts, one per kind of client, are in tests/load/.
set -euo pipefail
seconds=${1:-20}
clients=${CLIENTS:-8}
threads=${THREADS:-2}
db=pg_retention_load
load=$(cd "$(dirname "$0")/load" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pg_retention-load.XXXXXX")
sampler=
trap '[ -z "$sampler" ] || kill "$sampler" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "concurrent_load: FAILED: $*" >&2; exit 1; }
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
[[ $seconds =~ ^[1-9][0-9]*$ ]] || fail "the duration must be a whole number of seconds, not '$seconds'"

# Over TCP, as a dashboard server connects, not over the unix socket a local psql would use.
port=${PGPORT:-5432}
addr=$(psql -h 127.0.0.1 -p "$port" -d postgres -At -c "SELECT inet_server_addr()" 2>"$tmp/tcp") ||
    fail "no TCP connection to 127.0.0.1:$port (is listen_addresses 'localhost' or '*'?): $(cat "$tmp/tcp")"
[ "$addr" = 127.0.0.1 ] || fail "connected to '$addr', not to 127.0.0.1"
tcp=(-h 127.0.0.1 -p "$port")

dropdb "${tcp[@]}" --if-exists "$db" 2>/dev/null
createdb "${tcp[@]}" "$db"
psql "${tcp[@]}" -d "$db" -c "ALTER DATABASE $db SET TimeZone = 'UTC'"
started_setup=$(date +%s%N)
psql "${tcp[@]}" -d "$db" <<'SQL'
CREATE SCHEMA metrics;
CREATE EXTENSION pg_retention SCHEMA metrics;

-- Seventeen months of a shop, 2025-01-01 to 2026-06-01: half the orders from occasional
-- buyers (ids up to 20,000), half from 2,000 loyal ones, some much more loyal than others;
-- lognormal amounts (median 40). The inserts of the run add June 2026.
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL, ordered_at timestamptz NOT NULL, amount numeric(10,2)
);
CREATE TABLE responses (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day date NOT NULL, channel text NOT NULL, score int, csat int, effort int
);
SELECT setseed(0.25) \g /dev/null
INSERT INTO orders (customer_id, ordered_at, amount)
SELECT CASE WHEN random() < 0.5 THEN 1 + floor(20000 * random()) ELSE 1 + floor(2000 * random() ^ 1.3) END,
       timestamptz '2025-01-01 00:00+00' + floor(random() * 516 * 86400) * interval '1 second',
       round((40 * exp(0.9 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::numeric, 2)
FROM generate_series(1, 40000);
INSERT INTO responses (day, channel, score, csat, effort)
SELECT date '2025-01-01' + floor(random() * 516)::int,
       CASE WHEN random() < 0.5 THEN 'web' WHEN random() < 0.6 THEN 'app' ELSE 'email' END,
       floor(11 * (1 - random() ^ 2)), 1 + floor(5 * (1 - random() ^ 2)),
       CASE WHEN random() >= 0.125 THEN 1 + floor(7 * random()) END
FROM generate_series(1, 30000);
CREATE INDEX ON orders (ordered_at);
CREATE INDEX ON responses (day);

-- Stored summaries that every insert of the run keeps current (tests/load/orders.sql and
-- responses.sql merge the new row in the same statement).
CREATE TABLE customer_histories (customer_id bigint PRIMARY KEY, h metrics.customer_history NOT NULL);
INSERT INTO customer_histories
SELECT customer_id, metrics.customer_history_agg(ordered_at, amount) FROM orders GROUP BY customer_id;
CREATE TABLE daily_surveys (
    day date, channel text, nps metrics.nps_summary NOT NULL, csat metrics.csat_summary NOT NULL,
    ces metrics.ces_summary, PRIMARY KEY (day, channel)
);
INSERT INTO daily_surveys
SELECT day, channel, metrics.nps_agg(score), metrics.csat_agg(csat), metrics.ces_agg(effort, 7)
FROM responses GROUP BY day, channel;

-- The materialized views a dashboard reads, each with the unique index that REFRESH ...
-- CONCURRENTLY needs. Some read the raw rows, some the stored summaries.
CREATE MATERIALIZED VIEW customer_histories_mv AS
SELECT customer_id, metrics.customer_history_agg(ordered_at, amount) AS h FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX ON customer_histories_mv (customer_id);
CREATE MATERIALIZED VIEW daily_surveys_mv AS
SELECT day, channel, metrics.nps_agg(score) AS nps, metrics.csat_agg(csat) AS csat, metrics.ces_agg(effort, 7) AS ces
FROM responses GROUP BY day, channel;
CREATE UNIQUE INDEX ON daily_surveys_mv (day, channel);
CREATE MATERIALIZED VIEW monthly_surveys_mv AS
SELECT date_trunc('month', day)::date AS month, channel, metrics.rollup(nps) AS nps, metrics.rollup(csat) AS csat,
       metrics.rollup(ces) AS ces
FROM daily_surveys GROUP BY 1, 2;
CREATE UNIQUE INDEX ON monthly_surveys_mv (month, channel);
-- Order summaries per acquisition quarter (customers are disjoint between rows, so the
-- rows roll up to the whole shop).
CREATE MATERIALIZED VIEW order_summary_mv AS
SELECT date_trunc('quarter', metrics.first_order_at(h)) AS acquired, metrics.customer_stats_agg(h) AS stats,
       metrics.period_series_agg(h, 'month', 'UTC') AS series,
       metrics.retention_agg(h, '2026-06-01 00:00+00', '2026-07-01 00:00+00') AS retention,
       metrics.mrr_series_agg(h, 'quarter', 'UTC') AS mrr
FROM customer_histories GROUP BY 1;
CREATE UNIQUE INDEX ON order_summary_mv (acquired);
CREATE MATERIALIZED VIEW cohorts_mv AS
SELECT * FROM metrics.cohort_table((SELECT metrics.cohort_agg(h, 'month', 'UTC') FROM customer_histories),
                                   '2026-07-01 00:00+00');
CREATE UNIQUE INDEX ON cohorts_mv (cohort_start, period_offset);
CREATE MATERIALIZED VIEW monthly_orders_mv AS
SELECT date_trunc('month', ordered_at) AS month, metrics.customer_stats_agg(customer_id, ordered_at, amount) AS stats,
       metrics.repeat_purchase_rate(customer_id) AS repeat_rate,
       metrics.avg_time_between_purchases(customer_id, ordered_at) AS mean_gap
FROM orders GROUP BY 1;
CREATE UNIQUE INDEX ON monthly_orders_mv (month);

-- tests/load/refresh.sql logs each refresh by the number of the view it chose.
CREATE TABLE load_views (view_no int PRIMARY KEY, name text NOT NULL);
INSERT INTO load_views VALUES (1, 'customer_histories_mv'), (2, 'daily_surveys_mv'), (3, 'monthly_surveys_mv'),
    (4, 'order_summary_mv'), (5, 'cohorts_mv'), (6, 'monthly_orders_mv');
CREATE TABLE refresh_log (view_no int NOT NULL REFERENCES load_views, finished_at timestamptz DEFAULT clock_timestamp());
ANALYZE;
SQL
setup_ms=$((($(date +%s%N) - started_setup) / 1000000))

counts="SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM responses), (SELECT count(*) FROM refresh_log)"
stats="SELECT xact_commit, xact_rollback, deadlocks, sessions_fatal + sessions_killed + sessions_abandoned
       FROM pg_stat_database WHERE datname = current_database()"
IFS='|' read -r orders0 responses0 _ < <(psql "${tcp[@]}" -d "$db" -At -c "$counts")
IFS='|' read -r commit0 rollback0 deadlocks0 lost0 < <(psql "${tcp[@]}" -d "$db" -At -c "$stats")

echo "concurrent_load: pgbench, $clients clients, $threads threads, ${seconds}s, on 127.0.0.1:$port"
# Twice a second, the sessions waiting for a lock, and what they run: one line a sample.
command psql "${tcp[@]}" -X -At -d "$db" >"$tmp/waits" 2>&1 <<'SQL' &
SELECT coalesce(string_agg(wait_event || ' ' || CASE
           WHEN query LIKE 'REFRESH%' THEN 'refresh of ' || rtrim(split_part(query, ' ', 5), ';')
           WHEN query LIKE '%INSERT INTO orders%' THEN 'order insert'
           WHEN query LIKE '%INSERT INTO responses%' THEN 'response insert'
           ELSE left(query, 40) END, ','), '')
FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' \watch 0.5
SQL
sampler=$!
# Weights: a shop writes more than it reads; a refresh is rare but costs the most.
status=0
pgbench "${tcp[@]}" -n -M prepared -c "$clients" -j "$threads" -T "$seconds" -r -P 10 -l --log-prefix="$tmp/tx" \
    -f "$load/orders.sql@6" -f "$load/responses.sql@6" -f "$load/dashboard.sql@3" -f "$load/refresh.sql@1" \
    "$db" >"$tmp/pgbench.out" 2>"$tmp/pgbench.err" || status=$?
[ -z "${LOAD_REPORT:-}" ] || cat "$tmp/pgbench.out" "$tmp/pgbench.err" >"$LOAD_REPORT"
# SIGINT ends \watch and psql with it cleanly; SIGTERM would count as an abandoned session.
kill -INT "$sampler"; wait "$sampler" || fail "the lock sampler failed: $(cat "$tmp/waits")"; sampler=
grep '^progress:' "$tmp/pgbench.err" || true
if [ "$status" != 0 ] || grep -q -e 'aborted' -e 'ERROR' "$tmp/pgbench.err" "$tmp/pgbench.out"; then
    cat "$tmp/pgbench.err" "$tmp/pgbench.out"
    fail "pgbench exited with status $status or a client aborted (database $db left for inspection)"
fi
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$tmp/pgbench.out")
total=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$tmp/pgbench.out")
[ -n "$total" ] && [ "$total" -gt 0 ] || { cat "$tmp/pgbench.out"; fail "pgbench processed no transaction"; }
[ "$failed" = 0 ] || { cat "$tmp/pgbench.out"; fail "$failed failed transactions (database $db left for inspection)"; }

# Per script: transactions and mean latency, from the transaction logs (-l, one file per
# thread). pgbench's own per-script counts are summed by every thread without a lock, and
# lose a few transactions a minute with -j 2; the logs and the totals are exact.
mapfile -t script_stats < <(cat "$tmp"/tx.* | awk '
    $3 ~ /^[0-9]+$/ { n[$4]++; us[$4] += $3 }
    END { for (i = 0; i < 4; i++) printf "%d %.1f\n", n[i], n[i] ? us[i] / n[i] / 1000 : 0 }')
read -r orders_tx _ <<<"${script_stats[0]}"; read -r responses_tx _ <<<"${script_stats[1]}"
read -r dashboard_tx _ <<<"${script_stats[2]}"; read -r refresh_tx _ <<<"${script_stats[3]}"
[ $((orders_tx + responses_tx + dashboard_tx + refresh_tx)) = "$total" ] ||
    fail "the transaction logs hold $((orders_tx + responses_tx + dashboard_tx + refresh_tx)) transactions, pgbench reports $total"

# Every ERROR ends a transaction with a rollback, counted in pg_stat_database. pgbench's
# backends write their counts when they exit, a moment after pgbench does: wait until they
# are gone and the commits of every statement pgbench ran are counted (one statement per
# insert, 8 per dashboard page, 2 per refresh; autovacuum's commits only add to it).
expected=$((orders_tx + responses_tx + 8 * dashboard_tx + 2 * refresh_tx))
# On an idle machine this takes a few polls; on a busy one the backends may take seconds to
# be scheduled and exit, so the bound (60 s) is only how long to wait before calling it a hang.
for _ in $(seq 1 300); do
    busy=$(psql "${tcp[@]}" -d "$db" -At -c "SELECT count(*) FROM pg_stat_activity
                                             WHERE datname = current_database() AND pid <> pg_backend_pid()
                                               AND backend_type = 'client backend'")
    IFS='|' read -r commit1 rollback1 deadlocks1 lost1 < <(psql "${tcp[@]}" -d "$db" -At -c "$stats")
    [ "$busy" = 0 ] && [ $((commit1 - commit0)) -ge "$expected" ] && break
    sleep 0.2
done
[ "$busy" = 0 ] || fail "pgbench's sessions did not end"
[ $((commit1 - commit0)) -ge "$expected" ] ||
    fail "pg_stat_database counts $((commit1 - commit0)) commits, pgbench ran $expected statements"
rollbacks=$((rollback1 - rollback0)); deadlocks=$((deadlocks1 - deadlocks0)); lost=$((lost1 - lost0))
[ "$rollbacks" = 0 ] && [ "$deadlocks" = 0 ] && [ "$lost" = 0 ] ||
    fail "during the run: $rollbacks transactions rolled back, $deadlocks deadlocks, $lost sessions ended abnormally"

IFS='|' read -r orders1 responses1 refreshes < <(psql "${tcp[@]}" -d "$db" -At -c "$counts")
started_check=$(date +%s%N)
# The final refresh, then the checks: every line must end in t.
psql "${tcp[@]}" -d "$db" -At >"$tmp/checks" <<SQL
SELECT format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I', name) FROM load_views ORDER BY view_no \gexec
-- Inserts lost or counted twice.
SELECT 'orders inserted ($((orders1 - orders0))) = order transactions ($orders_tx)', $orders1 - $orders0 = $orders_tx;
SELECT 'responses inserted ($((responses1 - responses0))) = response transactions ($responses_tx)',
       $responses1 - $responses0 = $responses_tx;
SELECT 'refreshes logged ($refreshes) = refresh transactions ($refresh_tx)', $refreshes = $refresh_tx;
-- Each materialized view equals its own query run from scratch (compared as text, which
-- is exact: summaries print every count, floats print the shortest exact digits).
SELECT format(\$q\$SELECT 'view %1\$s = its query', (SELECT count(*) > 0 FROM %1\$I)
    AND (SELECT md5(string_agg(x::text, E'\n' ORDER BY x::text)) FROM %1\$I x)
      = (SELECT md5(string_agg(x::text, E'\n' ORDER BY x::text)) FROM (%2\$s) x)\$q\$,
    name, rtrim(pg_get_viewdef(name::regclass), ';'))
FROM load_views ORDER BY view_no \gexec
-- The stored summaries the inserts kept current equal the aggregates over the raw rows.
SELECT 'customer_histories = customer_history_agg over orders',
       (SELECT md5(string_agg(customer_id || ' ' || h::text, E'\n' ORDER BY customer_id)) FROM customer_histories)
     = (SELECT md5(string_agg(customer_id || ' ' || h::text, E'\n' ORDER BY customer_id))
        FROM (SELECT customer_id, metrics.customer_history_agg(ordered_at, amount) AS h FROM orders GROUP BY 1) x);
SELECT 'daily_surveys = nps_agg, csat_agg, ces_agg over responses',
       (SELECT md5(string_agg(d::text, E'\n' ORDER BY day, channel)) FROM daily_surveys d)
     = (SELECT md5(string_agg(d::text, E'\n' ORDER BY day, channel))
        FROM (SELECT day, channel, metrics.nps_agg(score), metrics.csat_agg(csat), metrics.ces_agg(effort, 7)
              FROM responses GROUP BY day, channel) d);
-- Rollups of stored summaries equal the one-step aggregate over every raw row.
SELECT 'rollup of daily surveys = one step, per channel and in all', bool_and(same) AND count(*) = 4
FROM (SELECT d.s = r.s AS same
      FROM (SELECT coalesce(channel, '*') AS channel,
                   metrics.rollup(nps)::text || metrics.rollup(csat)::text || metrics.rollup(ces)::text AS s
            FROM daily_surveys GROUP BY ROLLUP (channel)) d
      JOIN (SELECT coalesce(channel, '*') AS channel,
                   metrics.nps_agg(score)::text || metrics.csat_agg(csat)::text || metrics.ces_agg(effort, 7)::text AS s
            FROM responses GROUP BY ROLLUP (channel)) r USING (channel)) t;
SELECT 'monthly_surveys_mv = one step per month', bool_and(m.s IS NOT DISTINCT FROM r.s)
       AND count(*) = (SELECT count(*) FROM monthly_surveys_mv)
FROM (SELECT month, channel, nps::text || csat::text || coalesce(ces::text, '') AS s FROM monthly_surveys_mv) m
FULL JOIN (SELECT date_trunc('month', day)::date AS month, channel,
                  metrics.nps_agg(score)::text || metrics.csat_agg(csat)::text
                  || coalesce(metrics.ces_agg(effort, 7)::text, '') AS s
           FROM responses GROUP BY 1, 2) r USING (month, channel);
SELECT 'order_summary_mv rolled up = one step over orders',
       (SELECT metrics.rollup(stats)::text || metrics.rollup(series)::text || metrics.rollup(retention)::text
        FROM order_summary_mv)
     = (SELECT metrics.customer_stats_agg(customer_id, ordered_at, amount)::text
               || metrics.period_series_agg(customer_id, ordered_at, amount, 'month', 'UTC')::text
               || metrics.retention_agg(customer_id, ordered_at, '2026-06-01 00:00+00', '2026-07-01 00:00+00')::text
        FROM orders);
SELECT 'repeat purchase rate: stored = one step',
       (SELECT metrics.repeat_purchase_rate(metrics.rollup(stats)) FROM order_summary_mv)
     = (SELECT metrics.repeat_purchase_rate(customer_id) FROM orders);
SELECT 'MRR series: stored histories = histories of orders',
       (SELECT metrics.rollup(mrr)::text FROM order_summary_mv)
     = (SELECT metrics.mrr_series_agg(h, 'quarter', 'UTC')::text FROM customer_histories_mv);
SELECT 'cohorts_mv = cohort grid of orders, one step',
       (SELECT md5(string_agg(c::text, E'\n' ORDER BY cohort_start, period_offset)) FROM cohorts_mv c)
     = (SELECT md5(string_agg(c::text, E'\n' ORDER BY cohort_start, period_offset))
        FROM metrics.cohort_table((SELECT metrics.cohort_agg(customer_id, ordered_at, amount, 'month', 'UTC') FROM orders),
                                  '2026-07-01 00:00+00') c);
-- Months share customers, so their customer_stats do not roll up to the shop's; their
-- orders and revenue add up.
SELECT 'monthly_orders_mv adds up to the orders',
       (SELECT sum(metrics.orders(stats)) || ' ' || sum(metrics.revenue(stats)) FROM monthly_orders_mv)
     = (SELECT count(*) || ' ' || sum(amount) FROM orders);
SQL
check_ms=$((($(date +%s%N) - started_check) / 1000000))
if grep -v '|t$' "$tmp/checks"; then
    echo
    fail "the lines above differ from the recomputation (database $db left for inspection)"
fi
[ "$(wc -l <"$tmp/checks")" -ge 18 ] || { cat "$tmp/checks"; fail "missing checks"; }

# The summary.
tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$tmp/pgbench.out")
latency=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$tmp/pgbench.out")
version=$(psql "${tcp[@]}" -d "$db" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_retention'")
printf 'concurrent_load: pg_retention %s; %ss, %s clients, %s threads on 127.0.0.1; setup %.1fs, final refresh and checks %.1fs\n' \
    "$version" "$seconds" "$clients" "$threads" "$((setup_ms))e-3" "$((check_ms))e-3"
printf '  %-10s %8s %9s %12s\n' script transactions tps "latency ms"
names=(orders responses dashboard refresh)
for i in 0 1 2 3; do
    read -r n ms <<<"${script_stats[$i]}"
    printf '  %-10s %8s %9.1f %12.1f\n' "${names[$i]}" "$n" "$(awk -v n="$n" -v all="$total" -v tps="$tps" \
        'BEGIN { print n / all * tps }')" "$ms"
done
printf '  %-10s %8s %9.1f %12.1f\n' all "$total" "$tps" "$latency"
echo "  refreshes: $(psql "${tcp[@]}" -d "$db" -At -c "SELECT string_agg(name || ' ' || coalesce(n, 0), ', ' ORDER BY view_no)
    FROM load_views LEFT JOIN (SELECT view_no, count(*) AS n FROM refresh_log GROUP BY 1) r USING (view_no)")"
waits=$( (tr ',' '\n' <"$tmp/waits" | grep . || true) | sort | uniq -c | sort -rn |
    awk '{ n = $1; $1 = ""; printf "%s%s (%d)", sep ? sep : "; waiting on", $0, n; sep = "," }')
echo "  lock waits: $(grep -c . "$tmp/waits" || true) of $(wc -l <"$tmp/waits") samples (every 0.5s) saw a session waiting$waits"
echo "  rows inserted: $((orders1 - orders0)) orders, $((responses1 - responses0)) responses"
echo "  refresh latency ms: $(awk '/REFRESH MATERIALIZED VIEW CONCURRENTLY/ && $1 > 0 { sub(/;$/, "", $7); printf "%s%s %s", sep, $7, $1; sep = ", " }' "$tmp/pgbench.out")"
echo "concurrent_load: 0 errors: 0 failed transactions, 0 rollbacks, 0 deadlocks; $(wc -l <"$tmp/checks") checks equal the recomputation"
dropdb "${tcp[@]}" "$db"
