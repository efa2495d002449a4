"""The Citus tier (make test-citus; docs/citus.md): pg_retention on a Citus 13.2.2 cluster of
a coordinator and two workers on loopback, against the same rows in local tables.

Runs inside `scripts/cluster.sh -n 3 -o shared_preload_libraries=citus` (scripts/test.sh,
tier citus), which exports PG_NODE_PORTS (the coordinator's port first). On every node:
CREATE EXTENSION citus and pg_retention; on the coordinator the two workers are added. The
data: CDNOW's 69,659 orders of 23,570 customers (the pandas reference's CSV,
tests/reference/cdnow_to_csv.py), customer x month MRR from them, 200,000 survey responses
made by a formula, and the tables derived from them (customer histories, RFM rows, a
cohort's survivors, survival curves). Each table exists twice: `local_X`, an ordinary
table on the coordinator, and `X`, distributed by customer_id (32 shards, histories and
MRR colocated with orders) or reference tables where Citus would not distribute.

What it requires, each printed as a line:
1. Equal to single-node: every documented query shape (one step, two levels as a CTE,
   stored histories, survey summaries and their combine, cohorts with and without a zone,
   MRR, ClickHouse's retention and window_funnel, the fits, Kaplan-Meier, drill-down) gives
   the same text on the distributed tables as on the local ones: summaries compared in their
   exact text form (every count and sum), read-outs row by row. Under TimeZone UTC, and
   again under America/New_York: the zone-taking forms equal the local ones there too, and
   the forms that read the session zone equal them with the recipe of docs/citus.md (SET
   LOCAL TimeZone with citus.propagate_set_commands = 'local'); without it they follow the
   workers' zone, as the docs say (checked, so the docs cannot go stale).
2. Partial aggregation on the workers: for every aggregate with a population state,
   EXPLAIN VERBOSE over the distributed tables shows worker_partial_agg (the state crosses
   the network as text), never the rows.
3. What the one-step aggregates pull: EXPLAIN ANALYZE's "Tuple data received from nodes"
   and rows for the one-step and the two-level forms of the same figures, and their time
   (best of 3), printed for docs/citus.md; reported, not asserted.

Exits 1 on any difference.

    citus_check.py                      the tier
    citus_check.py --measure-only --scale N
                                        only item 3, on N copies of CDNOW's customers (customer
                                        ids shifted by 100,000 a copy): bench/citus.sh, for the
                                        figures of docs/citus.md
"""
import os
import re
import subprocess
import sys
import tempfile
import time

import psycopg

import doc_examples
from common import REFERENCE_DIR, ROOT, Database, fetch_cdnow

DB = "pg_retention_citus"
SHARDS = 32
RESPONSES = 200_000
CDNOW_ORDERS = 69659
ZONE = "America/New_York"


class Check:
    def __init__(self):
        self.checks = 0
        self.failures = []

    def ok(self, what, good, detail=""):
        self.checks += 1
        print(("ok    " if good else "FAIL  ") + what + (("  " + detail) if detail and not good else ""))
        if not good:
            self.failures.append(what)


def connect(port, dbname=DB):
    conn = psycopg.connect(host="localhost", port=port, user="postgres", dbname=dbname, autocommit=True)
    conn.execute("SET client_min_messages = warning")
    return conn


def rows(conn, sql):
    return [tuple("" if v is None else str(v) for v in r) for r in conn.execute(sql).fetchall()]


def setup(ports, csv_path):
    coordinator, workers = ports[0], ports[1:]
    for p in ports:
        with connect(p, "postgres") as c:
            c.execute("DROP DATABASE IF EXISTS %s" % DB)
            c.execute("CREATE DATABASE %s" % DB)
        with connect(p) as c:
            c.execute("CREATE EXTENSION citus")
            c.execute("CREATE EXTENSION pg_retention")
    c = connect(coordinator)
    c.execute("SELECT citus_set_coordinator_host('localhost', %s)" % coordinator)
    for w in workers:
        c.execute("SELECT citus_add_node('localhost', %s)" % w)
    c.execute("SET citus.shard_count = %d" % SHARDS)
    c.execute("SET TimeZone = 'UTC'")
    c.execute("""
CREATE TABLE local_orders (customer_id integer NOT NULL, ordered_at timestamptz NOT NULL,
                           amount numeric(10,2), items integer)""")
    with open(csv_path) as f, c.cursor().copy(
            "COPY local_orders FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
        copy.write(f.read())
    n = c.execute("SELECT count(*) FROM local_orders").fetchone()[0]
    if n != CDNOW_ORDERS:
        raise RuntimeError("loaded %d orders, expected %d" % (n, CDNOW_ORDERS))
    c.execute("""
-- customer x month MRR: the sum of the customer's amounts in the month (UTC months).
CREATE TABLE local_mrr AS
SELECT customer_id, date_trunc('month', ordered_at, 'UTC') AS month, sum(amount) AS mrr
FROM local_orders GROUP BY 1, 2;
-- MRR of two consecutive months per customer (mrr_movements' input).
CREATE TABLE local_mrr_pairs AS
SELECT customer_id, a.mrr AS mrr_start, b.mrr AS mrr_end
FROM (SELECT customer_id, mrr FROM local_mrr WHERE month = '1997-02-01 UTC') a
FULL JOIN (SELECT customer_id, mrr FROM local_mrr WHERE month = '1997-03-01 UTC') b USING (customer_id);
-- 200,000 survey responses from a formula: respondent i answers scores that cycle through
-- the scales at different strides, on day i % 365 of 1997, on one of three channels.
CREATE TABLE local_responses AS
SELECT i AS customer_id, (ARRAY['app', 'email', 'web'])[1 + i % 3] AS channel,
       (i * 7) % 11 AS nps_score, 1 + (i * 3) % 5 AS csat_score, 1 + (i * 5) % 7 AS ces_score,
       timestamptz '1997-01-01 UTC' + (i % 365) * interval '1 day' + (i % 24) * interval '1 hour' AS answered_at
FROM generate_series(1, {RESPONSES}) i;
CREATE TABLE local_histories AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM local_orders GROUP BY customer_id;
""".replace("{RESPONSES}", str(RESPONSES)))
    c.execute("""
CREATE TABLE orders (LIKE local_orders);
SELECT create_distributed_table('orders', 'customer_id');
INSERT INTO orders SELECT * FROM local_orders;
CREATE TABLE mrr (LIKE local_mrr);
SELECT create_distributed_table('mrr', 'customer_id', colocate_with => 'orders');
INSERT INTO mrr SELECT * FROM local_mrr;
CREATE TABLE mrr_pairs (LIKE local_mrr_pairs);
SELECT create_distributed_table('mrr_pairs', 'customer_id', colocate_with => 'orders');
INSERT INTO mrr_pairs SELECT * FROM local_mrr_pairs;
CREATE TABLE responses (LIKE local_responses);
SELECT create_distributed_table('responses', 'customer_id', colocate_with => 'orders');
INSERT INTO responses SELECT * FROM local_responses;
-- The histories built where the orders are (INSERT .. SELECT pushed down whole, docs/citus.md).
CREATE TABLE histories (customer_id integer PRIMARY KEY, h customer_history);
SELECT create_distributed_table('histories', 'customer_id', colocate_with => 'orders');
INSERT INTO histories
SELECT customer_id, customer_history_agg(ordered_at, amount) FROM orders GROUP BY customer_id;
""")
    # Tables derived from the histories, for the fits and the survival curves, each local
    # and distributed.
    c.execute("""
CREATE TABLE local_rfm_rows AS
SELECT customer_id, (r).* FROM (SELECT customer_id, rfm(h, '1998-06-30 UTC', 'week', 1, 'UTC') r FROM local_histories) x;
CREATE TABLE rfm_rows (LIKE local_rfm_rows);
SELECT create_distributed_table('rfm_rows', 'customer_id', colocate_with => 'orders');
INSERT INTO rfm_rows SELECT * FROM local_rfm_rows;
-- lifetimes: days from first to last order, churned when the last order is before 1998.
CREATE TABLE local_lifetimes AS
SELECT customer_id, extract(epoch FROM last_order_at(h) - first_order_at(h)) / 86400 AS days,
       last_order_at(h) < '1998-01-01 UTC' AS churned
FROM local_histories;
CREATE TABLE lifetimes (LIKE local_lifetimes);
SELECT create_distributed_table('lifetimes', 'customer_id', colocate_with => 'orders');
INSERT INTO lifetimes SELECT * FROM local_lifetimes;
-- survival curves per customer_id % 8, to combine.
CREATE TABLE local_curves AS
SELECT customer_id % 8 AS customer_id, kaplan_meier(days, churned) AS c FROM local_lifetimes GROUP BY 1;
CREATE TABLE curves (LIKE local_curves);
SELECT create_distributed_table('curves', 'customer_id', colocate_with => 'orders');
INSERT INTO curves SELECT * FROM local_curves;
-- one cohort's customers alive per month (January 1997's first-time cohort), with a key
-- per row so that the rows spread over the shards.
CREATE TABLE local_alive AS
SELECT row_number() OVER (ORDER BY period_offset)::integer AS customer_id, period_offset AS period,
       active_on_or_after AS alive
FROM cohort_table((SELECT cohort_agg(h, 'month', 'UTC') FROM local_histories), '1998-07-01 UTC')
WHERE cohort_date = '1997-01-01' AND period_offset <= 12;
CREATE TABLE alive (LIKE local_alive);
SELECT create_distributed_table('alive', 'customer_id', colocate_with => 'orders');
INSERT INTO alive SELECT * FROM local_alive;
""")
    return c


TABLES = ["orders", "mrr", "mrr_pairs", "responses", "histories", "rfm_rows", "lifetimes", "curves", "alive"]
LOCAL = {t: "local_" + t for t in TABLES}
DISTRIBUTED = {t: t for t in TABLES}
FEB, MAR = "'1997-02-01 UTC'", "'1997-03-01 UTC'"

# The documented query shapes (docs/citus.md lists them), each written once over {table}:
# (name, SQL). Summaries are compared in their text form, which holds every count and sum.
SHAPES = [
    # survey
    ("survey: nps, csat, ces over all responses",
     "SELECT nps(nps_score), csat(csat_score), ces(ces_score, 7), ces_mean(ces_score, 7) FROM {responses}"),
    ("survey: summaries per channel (GROUP BY)",
     "SELECT channel, nps_agg(nps_score)::text, csat_agg(csat_score)::text, ces_agg(ces_score, 7)::text, "
     "nps_ci(nps_agg(nps_score))::text FROM {responses} GROUP BY channel ORDER BY channel"),
    ("survey: scores of other types (smallint, bigint, numeric, double precision)",
     "SELECT nps_agg(nps_score::smallint)::text, nps(nps_score::bigint), csat(csat_score::numeric), "
     "ces(ces_score::float8, 7) FROM {responses}"),
    ("survey: combine of daily summaries",
     "SELECT combine(s)::text FROM (SELECT date_trunc('day', answered_at, 'UTC') AS d, nps_agg(nps_score) AS s "
     "FROM {responses} GROUP BY 1) x"),
    # one step over orders
    ("one step: retention_rate, churn_rate, repeat_purchase_rate, gaps",
     "SELECT retention_rate(customer_id, ordered_at, %s, %s), churn_rate(customer_id, ordered_at, %s, %s), "
     "repeat_purchase_rate(customer_id), avg_time_between_purchases(customer_id, ordered_at), "
     "median_time_between_purchases(customer_id, ordered_at) FROM {orders}" % (FEB, MAR, FEB, MAR)),
    ("one step: double precision amounts (float_amount)",
     "SELECT period_series_agg(customer_id, ordered_at, amount::float8, 'month', 'UTC')::text FROM {orders}"),
    ("one step: customer_stats_agg",
     "SELECT customer_stats_agg(customer_id, ordered_at, amount)::text FROM {orders}"),
    ("one step: period_series_agg in UTC",
     "SELECT period_series_agg(customer_id, ordered_at, amount, 'month', 'UTC')::text FROM {orders}"),
    ("one step: period_series_agg in %s" % ZONE,
     "SELECT period_series_agg(customer_id, ordered_at, amount, 'month', '%s')::text FROM {orders}" % ZONE),
    ("one step: cohort_agg with a zone",
     "SELECT cohort_agg(customer_id, ordered_at, amount, 'month', '%s')::text FROM {orders}" % ZONE),
    ("one step: recurring_cohort_agg with a zone",
     "SELECT recurring_cohort_agg(customer_id, ordered_at, amount, 'month', 'UTC')::text FROM {orders}"),
    ("one step: mrr_series_agg",
     "SELECT mrr_series_agg(customer_id, month, mrr, 'month', 'UTC')::text FROM {mrr}"),
    ("one step: activity_series_agg in %s, periods()" % ZONE,
     "SELECT (periods(s)).* FROM (SELECT activity_series_agg(customer_id, ordered_at, '%s') AS s FROM {orders}) x"
     % ZONE),
    ("one step: retention_agg",
     "SELECT retention_agg(customer_id, ordered_at, %s, %s)::text FROM {orders}" % (FEB, MAR)),
    # two levels as a CTE
    ("two levels (CTE): period_series_agg(h) and periods()",
     "WITH c AS (SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM {orders} GROUP BY customer_id) "
     "SELECT (periods(s)).* FROM (SELECT period_series_agg(h, 'month', 'UTC') AS s FROM c) x"),
    ("two levels (CTE): cohort_agg(h) with a zone",
     "WITH c AS (SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM {orders} GROUP BY customer_id) "
     "SELECT cohort_agg(h, 'month', '%s')::text FROM c" % ZONE),
    ("two levels (CTE): retention_agg(h), customer_stats_agg(h)",
     "WITH c AS (SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM {orders} GROUP BY customer_id) "
     "SELECT retention_agg(h, %s, %s)::text, customer_stats_agg(h)::text FROM c" % (FEB, MAR)),
    ("two levels: yearly histories merged per customer, combine(customer_history)",
     "SELECT count(*), sum(orders(h)), sum(revenue(h)) FROM (SELECT customer_id, combine(h) AS h FROM "
     "(SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM {orders} "
     "GROUP BY customer_id, date_trunc('year', ordered_at, 'UTC')) x GROUP BY customer_id) y"),
    # stored histories
    ("stored histories: period_series_agg(h, zone), periods()",
     "SELECT (periods(s)).* FROM (SELECT period_series_agg(h, 'month', '%s') AS s FROM {histories}) x" % ZONE),
    ("stored histories: retention_agg, customer_stats_agg, mrr_series_agg with a zone",
     "SELECT retention_agg(h, %s, %s)::text, customer_stats_agg(h)::text, mrr_series_agg(h, 'month', 'UTC')::text "
     "FROM {histories}" % (FEB, MAR)),
    ("stored histories: acquisition_cohort_agg(h, acquired_at, zone), cohort_table()",
     "SELECT (cohort_table(s, '1998-07-01 UTC')).* FROM (SELECT acquisition_cohort_agg(h, "
     "first_order_at(h) - interval '10 days', 'month', '%s') AS s FROM {histories}) x" % ZONE),
    ("stored histories: activity_series_agg(h, zone)",
     "SELECT activity_series_agg(h, 'UTC')::text FROM {histories}"),
    ("stored histories: cohort_agg(h, zone), cohort_table()",
     "SELECT (cohort_table(s, '1998-07-01 UTC')).* FROM (SELECT cohort_agg(h, 'month', '%s') AS s FROM {histories}) x"
     % ZONE),
    ("stored histories: cohort_agg(h, zone, brackets), recurring_cohort_agg(h, zone)",
     "SELECT cohort_agg(h, 'month', 'UTC', '{{1,3,6}}')::text, recurring_cohort_agg(h, 'month', 'UTC')::text "
     "FROM {histories}"),
    ("stored histories: combine(period_series) of per-shard summaries",
     "SELECT combine(s)::text FROM (SELECT customer_id % 4 AS k, period_series_agg(h, 'month', 'UTC') AS s "
     "FROM {histories} GROUP BY 1) x"),
    ("stored histories: rfm per customer",
     "SELECT sum((rfm(h, '1998-06-30 UTC', 'month', 1, 'UTC')).frequency) FROM {histories}"),
    ("drill-down: customer_status counts",
     "SELECT customer_status(h, 'month', '1997-03-01', 'UTC') AS status, count(*) FROM {histories} "
     "GROUP BY 1 ORDER BY 1"),
    # MRR
    ("MRR: mrr_movements",
     "SELECT mrr_movements(mrr_start, mrr_end)::text FROM {mrr_pairs}"),
    # ClickHouse's aggregates
    ("ClickHouse: retention() per customer, summed",
     "SELECT r, count(*) FROM (SELECT customer_id, retention(ordered_at < '1997-02-01 UTC', "
     "ordered_at >= '1997-02-01 UTC' AND ordered_at < '1997-03-01 UTC', ordered_at >= '1997-06-01 UTC') AS r "
     "FROM {orders} GROUP BY customer_id) x GROUP BY r ORDER BY r::text"),
    ("ClickHouse: window_funnel per customer, levels counted",
     "SELECT level, count(*) FROM (SELECT customer_id, window_funnel('90 days', ordered_at, true, items >= 2, "
     "amount >= 50) AS level FROM {orders} GROUP BY customer_id) x GROUP BY level ORDER BY level"),
    ("ClickHouse: window_funnel over all rows (partial states merged)",
     "SELECT window_funnel('30 days', 'strict_increase', ordered_at, amount < 10, amount >= 10 AND amount < 20, "
     "amount >= 20) FROM {orders}"),
    ("funnels: funnel_table of window_funnel_steps per customer",
     "SELECT f.* FROM unnest((SELECT funnel_table(s, 3) FROM (SELECT customer_id, window_funnel_steps('90 days', "
     "'strict_once', ordered_at, true, true, true) AS s FROM {orders} GROUP BY customer_id) x)) f"),
    ("funnels: funnel_table over all rows (partial states merged, final on the coordinator)",
     "SELECT f.* FROM unnest((SELECT funnel_table(ARRAY[ordered_at, ordered_at + interval '1 day'], 2, 0.9) "
     "FROM {orders})) f"),
    ("funnels: window_funnel_steps over all rows (partial states merged)",
     "SELECT window_funnel_steps('30 days', ordered_at, amount < 10, amount >= 10 AND amount < 20) FROM {orders}"),
    # models
    ("models: bgnbd_fit", "SELECT bgnbd_fit(frequency, recency, t)::text FROM {rfm_rows}"),
    ("models: gamma_gamma_fit",
     "SELECT gamma_gamma_fit(frequency, monetary_value::float8)::text FROM {rfm_rows} WHERE frequency > 0 AND monetary_value > 0"),
    ("models: sbg_fit", "SELECT sbg_fit(period, alive)::text FROM {alive}"),
    ("survival: kaplan_meier", "SELECT kaplan_meier(days, churned)::text FROM {lifetimes}"),
    ("survival: combine(survival_curve), median", "SELECT median_lifetime(combine(c)) FROM {curves}"),
]

# The forms that read the session TimeZone, over stored histories (docs/citus.md, "Time
# zones"): equal under UTC; under another zone, equal with the recipe, different without.
SESSION_ZONE_SHAPES = [
    ("period_series_agg(h, 'month')", "SELECT period_series_agg(h, 'month')::text FROM {histories}"),
    ("cohort_agg(h, 'month')", "SELECT cohort_agg(h, 'month')::text FROM {histories}"),
    ("rfm(h, '1998-06-30', 'month') frequency",
     "SELECT sum((rfm(h, '1998-06-30', 'month')).frequency) FROM {histories}"),
]


def compare(check, c, name, sql, prefix=""):
    try:
        want = rows(c, sql.format(**LOCAL))
    except psycopg.Error as e:
        check.ok(prefix + name, False, "local: %s" % e)
        return
    try:
        have = rows(c, sql.format(**DISTRIBUTED))
    except psycopg.Error as e:
        check.ok(prefix + name, False, "distributed: %s" % str(e).strip())
        return
    detail = ""
    if have != want:
        detail = "distributed %r... != local %r..." % (str(have)[:160], str(want)[:160])
    check.ok(prefix + name + " (%d rows)" % len(want), have == want and len(want) > 0, detail)


# Every aggregate with a population state, over the distributed tables: EXPLAIN VERBOSE must
# show worker_partial_agg (docs/citus.md, "Which aggregates run on the workers").
PARTIAL = [
    "nps(nps_score) FROM responses", "nps_agg(nps_score) FROM responses",
    "csat(csat_score) FROM responses", "csat_agg(csat_score) FROM responses",
    "ces(ces_score, 7) FROM responses", "ces_mean(ces_score, 7) FROM responses",
    "ces_agg(ces_score, 7) FROM responses",
    "nps(nps_score::bigint) FROM responses", "csat(csat_score::numeric) FROM responses",
    "ces(ces_score::float8, 7) FROM responses",
    "combine(s) FROM (SELECT customer_id, nps_agg(nps_score) AS s FROM responses GROUP BY customer_id) x",
    "period_series_agg(h, 'month', 'UTC') FROM histories", "period_series_agg(h, 'month') FROM histories",
    "retention_agg(h, '1997-02-01', '1997-03-01') FROM histories", "customer_stats_agg(h) FROM histories",
    "mrr_series_agg(h, 'month', 'UTC') FROM histories",
    "activity_series_agg(h, 'UTC') FROM histories",
    "acquisition_cohort_agg(h, first_order_at(h) - interval '7 days', 'month', 'UTC') FROM histories",
    "cohort_agg(h, 'month') FROM histories", "cohort_agg(h, 'month', 'UTC') FROM histories",
    "cohort_agg(h, 'month', 'UTC', '{1,3}') FROM histories",
    "recurring_cohort_agg(h, 'month', 'UTC') FROM histories",
    "combine(s) FROM (SELECT customer_id, period_series_agg(h, 'month', 'UTC') AS s FROM histories GROUP BY customer_id) x",
    "mrr_movements(mrr_start, mrr_end) FROM mrr_pairs",
    "retention(ordered_at < '1997-02-01', ordered_at >= '1997-02-01') FROM orders",
    "window_funnel('1 day', ordered_at, amount < 10, amount >= 10) FROM orders",
    "window_funnel('1 day', 'strict_order', ordered_at, amount < 10, amount >= 10) FROM orders",
    "window_funnel_steps('1 day', ordered_at, amount < 10, amount >= 10) FROM orders",
    "funnel_table(ARRAY[ordered_at], 1) FROM orders",
    "bgnbd_fit(frequency, recency, t) FROM rfm_rows", "bgnbd_fit(frequency, recency, t, 0.1) FROM rfm_rows",
    "gamma_gamma_fit(frequency, monetary_value::float8) FROM rfm_rows WHERE frequency > 0 AND monetary_value > 0",
    "gamma_gamma_fit(frequency, monetary_value::float8, 0.1) FROM rfm_rows WHERE frequency > 0 AND monetary_value > 0",
    "sbg_fit(period, alive) FROM alive",
    "kaplan_meier(days, churned) FROM lifetimes",
    "combine(c) FROM curves", "rollup(c) FROM curves",
]


def check_partial(check, c):
    for q in PARTIAL:
        plan = "\n".join(r[0] for r in c.execute("EXPLAIN (VERBOSE, COSTS OFF) SELECT " + q).fetchall())
        check.ok("runs on the workers (worker_partial_agg): " + q, "worker_partial_agg" in plan,
                 "plan:\n" + plan[:1500])


def check_zones(check, c):
    """Under a session zone other than the workers', the zone-taking shapes still equal
    single-node, the session-zone forms equal it with the recipe and differ without it."""
    c.execute("SET TimeZone = '%s'" % ZONE)
    for name, sql in SHAPES:
        if "{histories}" in sql or "cohort_agg" in sql or "period_series" in sql:
            compare(check, c, name, sql, "under %s: " % ZONE)
    for name, sql in SESSION_ZONE_SHAPES:
        want = rows(c, sql.format(**LOCAL))
        # The recipe: SET LOCAL inside a transaction, propagated to the workers' connections.
        with c.transaction():
            c.execute("SET LOCAL citus.propagate_set_commands = 'local'")
            c.execute("SET LOCAL TimeZone = '%s'" % ZONE)
            have = rows(c, sql.format(**DISTRIBUTED))
        check.ok("under %s, with SET LOCAL propagated: %s equals single-node" % (ZONE, name), have == want,
                 "%r != %r" % (str(have)[:120], str(want)[:120]))
        plain = rows(c, sql.format(**DISTRIBUTED))
        check.ok("under %s, without the recipe: %s follows the workers' zone (as docs/citus.md says)"
                 % (ZONE, name), plain != want)
    c.execute("SET TimeZone = 'UTC'")


def best_ms(c, sql):
    """The best of 3 runs, in ms."""
    best = None
    for _ in range(3):
        t = time.perf_counter()
        c.execute(sql).fetchall()
        ms = (time.perf_counter() - t) * 1000
        best = ms if best is None else min(best, ms)
    return best


UNITS = {"bytes": 1, "kB": 1024, "MB": 1024 * 1024}


def gathered(c, sql):
    """(rows, bytes) Citus pulls to the coordinator for a query that gathers rows: the rows
    of its Citus scan and the tuple data received from the workers, as EXPLAIN ANALYZE
    reports them."""
    plan = "\n".join(r[0] for r in c.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql).fetchall())
    m = re.search(r"Tuple data received from nodes: (\d+) (bytes|kB|MB)", plan)
    n = re.search(r"Custom Scan \(Citus Adaptive\)[^\n]*rows=(\d+)", plan)
    return int(n.group(1)), int(m.group(1)) * UNITS[m.group(2)]


def partial_states(c, table, shard_sql):
    """(states, bytes) of a query Citus runs as partial aggregates: each worker task returns
    one partial state per shard as text (Citus's EXPLAIN ANALYZE cannot show these: it
    fails on worker_partial_agg's cstring), so each shard's task is run on its worker and
    the text measured. shard_sql has {shard} for the shard's table."""
    placements = c.execute(
        "SELECT s.shardid, n.nodeport FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid) "
        "JOIN pg_dist_node n USING (groupid) WHERE s.logicalrelid = %s::regclass ORDER BY 1", (table,)).fetchall()
    total = 0
    for shard, port in placements:
        with connect(port) as w:
            total += w.execute("SELECT octet_length((%s)::text) FROM (%s) x"
                               % ("s", shard_sql.format(shard="%s_%d" % (table, shard)))).fetchone()[0] or 0
    return len(placements), total


def scaled(c, scale):
    """Distributed tables big_orders and big_histories holding `scale` copies of CDNOW's
    customers (ids shifted by 100,000 a copy); returns their names."""
    c.execute("""
CREATE TABLE big_orders (LIKE local_orders);
SELECT create_distributed_table('big_orders', 'customer_id');
INSERT INTO big_orders SELECT customer_id + 100000 * k, ordered_at, amount, items
FROM local_orders, generate_series(0, %d) k;
CREATE TABLE big_histories (customer_id integer PRIMARY KEY, h customer_history);
SELECT create_distributed_table('big_histories', 'customer_id', colocate_with => 'big_orders');
INSERT INTO big_histories
SELECT customer_id, customer_history_agg(ordered_at, amount) FROM big_orders GROUP BY customer_id;
""" % (scale - 1))
    c.execute("VACUUM ANALYZE big_orders")
    c.execute("VACUUM ANALYZE big_histories")
    return "big_orders", "big_histories"


def measure(c, orders="orders", histories="histories"):
    """One step against two levels on the distributed tables (docs/citus.md, "One-step
    aggregates on Citus"): printed, not asserted (a timing depends on the machine)."""
    n = c.execute("SELECT count(*), count(DISTINCT customer_id) FROM %s" % orders).fetchone()
    print("\nwhat crosses the network, and the time (best of 3), over %d orders of %d customers:" % n)
    rows_ = [
        ("period series, one step", "rows",
         "SELECT period_series_agg(customer_id, ordered_at, amount, 'month', 'UTC') FROM %(o)s", None),
        ("period series, two levels (CTE)", "states",
         "WITH c AS (SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM %(o)s GROUP BY customer_id) "
         "SELECT period_series_agg(h, 'month', 'UTC') FROM c",
         (orders, "SELECT period_series_agg(h, 'month', 'UTC') AS s FROM (SELECT customer_id, "
          "customer_history_agg(ordered_at, amount) AS h FROM {shard} GROUP BY customer_id) c")),
        ("period series, stored histories", "states",
         "SELECT period_series_agg(h, 'month', 'UTC') FROM %(h)s",
         (histories, "SELECT period_series_agg(h, 'month', 'UTC') AS s FROM {shard}")),
        ("cohort grid, one step", "rows",
         "SELECT cohort_agg(customer_id, ordered_at, amount, 'month', 'UTC') FROM %(o)s", None),
        ("cohort grid, stored histories", "states",
         "SELECT cohort_agg(h, 'month', 'UTC') FROM %(h)s",
         (histories, "SELECT cohort_agg(h, 'month', 'UTC') AS s FROM {shard}")),
        ("repeat purchase rate, one step", "rows", "SELECT repeat_purchase_rate(customer_id) FROM %(o)s", None),
        ("repeat purchase rate, stored histories", "states",
         "SELECT repeat_purchase_rate(customer_stats_agg(h)) FROM %(h)s",
         (histories, "SELECT customer_stats_agg(h) AS s FROM {shard}")),
    ]
    print("  | query | what crosses | count | bytes | ms |")
    print("  | --- | --- | ---: | ---: | ---: |")
    for name, kind, sql, per_shard in rows_:
        sql = sql % {"o": orders, "h": histories}
        n, b = gathered(c, sql) if per_shard is None else partial_states(c, *per_shard)
        print("  | %s | %s | %d | %d | %.0f |" % (name, "order rows" if kind == "rows" else "partial states", n, b,
                                               best_ms(c, sql)))


def main():
    sys.stdout.reconfigure(line_buffering=True)
    started = time.time()
    args = sys.argv[1:]
    measure_only = "--measure-only" in args
    scale = int(args[args.index("--scale") + 1]) if "--scale" in args else 1
    ports = os.environ["PG_NODE_PORTS"].split()
    if len(ports) < 3:
        sys.exit("citus_check: needs a coordinator and two workers (scripts/cluster.sh -n 3)")
    fetch_cdnow()
    check = Check()
    with tempfile.TemporaryDirectory(prefix="pg_retention-citus.") as tmp:
        path = os.path.join(tmp, "orders.csv")
        subprocess.run([sys.executable, os.path.join(REFERENCE_DIR, "cdnow_to_csv.py"), "-o", path], check=True)
        c = setup(ports, path)
    version = c.execute("SELECT citus_version()").fetchone()[0]
    nodes = c.execute("SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary'").fetchone()[0]
    print("%s; %d nodes (coordinator and %d workers), %d shards per table; set up in %.1f s"
          % (version.split(" on ")[0], nodes, len(ports) - 1, SHARDS, time.time() - started))
    if measure_only:
        measure(c, *(scaled(c, scale) if scale > 1 else ("orders", "histories")))
        return 0

    print("\n--- equal to single-node, TimeZone UTC")
    for name, sql in SHAPES:
        compare(check, c, name, sql)
    for name, sql in SESSION_ZONE_SHAPES:
        compare(check, c, name + " (session zone UTC, as the workers')", sql)

    # DISTINCT is refused on the coordinator too (the Aggref says so there).
    try:
        c.execute("SELECT repeat_purchase_rate(DISTINCT customer_id) FROM orders").fetchall()
        check.ok("repeat_purchase_rate(DISTINCT customer_id) on distributed orders is refused (0A000)", False, "no error")
    except psycopg.Error as e:
        check.ok("repeat_purchase_rate(DISTINCT customer_id) on distributed orders is refused (0A000)",
                 e.sqlstate == "0A000", str(e))

    print("\n--- equal to single-node, TimeZone %s" % ZONE)
    check_zones(check, c)

    print("\n--- partial aggregates on the workers")
    check_partial(check, c)

    print("\n--- docs/citus.md's examples, on the coordinator")
    passed, failed = doc_examples.check_file(os.path.join(ROOT, "docs", "citus.md"), Database(DB), fresh=False)
    check.ok("docs/citus.md: %d examples show what they print" % passed, failed == 0 and passed > 0)

    measure(c)
    print("\ncitus check: %d checks, %d failed, %.1f s" % (check.checks, len(check.failures), time.time() - started))
    if check.failures:
        print("failed:\n  " + "\n  ".join(check.failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
