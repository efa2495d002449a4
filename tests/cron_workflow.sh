#!/usr/bin/env bash
# The materialized-view workflow of docs/cohorts.md, for real: pg_cron refreshes
# materialized views of customer histories and of daily summaries while orders and survey
# answers arrive, REFRESH ... CONCURRENTLY included, and the dashboard figures read from the
# views (weekly and monthly rollups of daily summaries, the cohort grid) equal the raw
# computation.
#
# Runs inside a throw-away cluster with pg_cron preloaded (scripts/test.sh):
#   scripts/cluster.sh -o shared_preload_libraries=pg_cron -o cron.database_name=postgres \
#       -o cron.use_background_workers=on -o max_worker_processes=16 tests/cron_workflow.sh
# Jobs run in background workers (no password needed) in the test database
# (cron.schedule_in_database). pg_cron 1.4 schedules by the minute, so the test waits for
# the next minute's runs: about a minute.
set -euo pipefail
db=pg_retention_cron
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
dropdb --if-exists "$db" 2>/dev/null
createdb "$db"

psql -d "$db" <<'SQL'
SET TimeZone = 'UTC';
CREATE EXTENSION pg_retention;
CREATE TABLE orders (customer_id bigint, ordered_at timestamptz, amount numeric(10,2));
CREATE TABLE responses (answered_at timestamptz, score int);
INSERT INTO orders
SELECT g % 400, timestamptz '2026-01-01' + (g * 7919 % 150) * interval '1 day' + (g % 24) * interval '1 hour', (g % 90) + 0.99
FROM generate_series(1, 3000) g;
INSERT INTO responses
SELECT timestamptz '2026-01-01' + (g * 104729 % 150) * interval '1 day', g * 7 % 11
FROM generate_series(1, 2000) g;

-- The views a dashboard reads, each with the unique index REFRESH ... CONCURRENTLY needs.
CREATE MATERIALIZED VIEW customer_histories_mv AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX ON customer_histories_mv (customer_id);
CREATE MATERIALIZED VIEW daily_nps_mv AS
SELECT (answered_at AT TIME ZONE 'UTC')::date AS day, nps_agg(score) AS s FROM responses GROUP BY 1;
CREATE UNIQUE INDEX ON daily_nps_mv (day);
CREATE MATERIALIZED VIEW daily_orders_mv AS
SELECT (ordered_at AT TIME ZONE 'UTC')::date AS day, customer_id, customer_history_agg(ordered_at, amount) AS h
FROM orders GROUP BY 1, 2;
CREATE UNIQUE INDEX ON daily_orders_mv (day, customer_id);
SQL

psql -d postgres -o /dev/null <<SQL
CREATE EXTENSION IF NOT EXISTS pg_cron;
SELECT cron.schedule_in_database('refresh-' || v, '* * * * *', 'REFRESH MATERIALIZED VIEW CONCURRENTLY ' || v, '$db')
FROM unnest(ARRAY['customer_histories_mv', 'daily_nps_mv', 'daily_orders_mv']) v;
SQL

# New rows after the views were made: until the jobs run, the views are stale.
started=$(psql -d "$db" -At -c "SELECT now()")
psql -d "$db" <<'SQL'
INSERT INTO orders
SELECT g % 500, timestamptz '2026-03-01' + (g * 31 % 120) * interval '1 day', (g % 40) + 5
FROM generate_series(1, 1500) g;
INSERT INTO responses
SELECT timestamptz '2026-02-01' + (g * 13 % 100) * interval '1 day', g * 3 % 11
FROM generate_series(1, 700) g;
SQL
stale=$(psql -d "$db" -At -c "SELECT (SELECT customer_stats_agg(h)::text FROM customer_histories_mv)
                                     = (SELECT customer_stats_agg(customer_id, ordered_at, amount)::text FROM orders)")
[ "$stale" = f ] || { echo "cron_workflow: the views should be stale before the refresh"; exit 1; }

# Wait for a successful run of every job that started after the inserts: a minute or two
# (pg_cron starts jobs on the minute); the bound, 6 minutes, only tells a hang from a busy
# machine.
for _ in $(seq 1 180); do
    done_jobs=$(psql -d postgres -At -c "
        SELECT count(DISTINCT d.jobid) FROM cron.job_run_details d JOIN cron.job j USING (jobid)
        WHERE j.jobname LIKE 'refresh-%' AND d.status = 'succeeded' AND d.start_time > '$started'")
    failed=$(psql -d postgres -At -c "SELECT string_agg(return_message, '; ') FROM cron.job_run_details WHERE status = 'failed'")
    [ -z "$failed" ] || { echo "cron_workflow: a refresh failed: $failed"; exit 1; }
    [ "$done_jobs" = 3 ] && break
    sleep 2
done
[ "$done_jobs" = 3 ] || { echo "cron_workflow: the refresh jobs did not run within 6 minutes"; exit 1; }

# The dashboard queries, from the views, equal the raw computation.
result=$(psql -d "$db" -At <<'SQL'
SET TimeZone = 'UTC';
SELECT 'histories',
       (SELECT cohort_agg(h, 'month')::text FROM customer_histories_mv)
     = (SELECT cohort_agg(customer_id, ordered_at, amount, 'month')::text FROM orders)
   AND (SELECT customer_stats_agg(h)::text FROM customer_histories_mv)
     = (SELECT customer_stats_agg(customer_id, ordered_at, amount)::text FROM orders);
-- weekly and monthly NPS rolled up from the daily summaries
SELECT 'nps_' || unit, bool_and(v.s::text = r.s::text) AND count(*) = (SELECT count(DISTINCT date_trunc(unit, answered_at)) FROM responses)
FROM (VALUES ('week'), ('month')) u(unit)
CROSS JOIN LATERAL (SELECT date_trunc(unit, day::timestamptz) AS p, rollup(s) AS s FROM daily_nps_mv GROUP BY 1) v
JOIN LATERAL (SELECT date_trunc(unit, answered_at) AS p, nps_agg(score) AS s FROM responses GROUP BY 1) r USING (p)
GROUP BY unit ORDER BY unit;
-- monthly and weekly series from daily histories rolled up per customer
SELECT 'series_' || unit,
       (SELECT period_series_agg(h, unit)::text FROM (SELECT customer_id, rollup(h) AS h FROM daily_orders_mv GROUP BY 1) x)
     = (SELECT period_series_agg(customer_id, ordered_at, amount, unit)::text FROM orders)
FROM (VALUES ('week'), ('month')) u(unit) ORDER BY unit;
SQL
)
echo "$result"
if echo "$result" | grep -q '|f$'; then
    echo "cron_workflow: figures from the refreshed views differ from the raw computation"
    exit 1
fi
runs=$(psql -d postgres -At -c "SELECT count(*) FROM cron.job_run_details WHERE status = 'succeeded'")
psql -d postgres -c "SELECT cron.unschedule(jobid) FROM cron.job" >/dev/null
dropdb "$db"
echo "cron_workflow: $runs refreshes by pg_cron; cohorts, stats, weekly and monthly NPS and series from the views equal the raw computation"
