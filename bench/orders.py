#!/usr/bin/env python3
"""The order-history benchmark: each order metric against the best hand-written SQL for the
same figure and against the floor, a bare count(customer_id) of the orders, serially and with
two parallel workers (bench/harness.py says how). Usage: orders.py [rows] [rounds]
(default: 10 million rows, 5 rounds; 3 for the cases marked SLOW).

The data set: `rows` orders (10 million by default) from about rows / 10 customers, with a
fixed seed. Before anything is timed, every case's result is checked against its hand-written
SQL on the same data (see check()); a difference stops the run.
"""
import decimal
import tempfile

import harness
from engines import Engines, timed
from harness import Case

DB = "pg_retention_bench_orders"

# The data set. One row per customer first (how many orders, when the first, over what span),
# then its orders; the customer list is cut where the running total of orders reaches {rows},
# so the table has exactly {rows} rows.
# - Order counts: 59% of customers are planned as one-time buyers; 0.03% as heavy buyers with
#   100-999 orders (log-uniform); the rest 2 + a gamma(2, 15) number of orders (mean 32).
#   Orders fall uniformly over the customer's lifetime (exponential, mean 1 year) from its
#   first order; the part after the end of the data is cut, scaling its count. The result at
#   10 million orders: 1,004,160 customers (9.96 orders each), 60% of them with one order,
#   2,805 with 100 or more and 160 with 200 or more (at most 960).
# - Time: 2024-01-01 to 2026-01-01 UTC, whole seconds; first orders grow linearly (three times
#   as many at the end as at the start); a seasonal warp of time makes late November 1.9 times
#   as busy as late May.
# - Amounts: lognormal, median 40.00, sigma 0.9, two decimals.
# - The table is in time order, as a shop's orders table is (rows are appended as they come),
#   with a BRIN index on ordered_at, the index such a table wants: a query that names a
#   window of time reads only the blocks of that window.
# Stored per-customer tables, built untimed: `histories` (pg_retention's level 1), and for the
# hand-written SQL the tables a shop would materialize instead: `customer_totals` (count,
# first, last, sum per customer) and `customer_months` (orders and revenue per customer and
# month). Periods are months in the session TimeZone, set to UTC for the database.
SETUP = """
ALTER DATABASE {db} SET TimeZone = 'UTC';
SET TimeZone = 'UTC';
SET work_mem = '256MB';
SELECT setseed(0.20261123);
CREATE TEMP TABLE plan AS
SELECT customer_id, n, y0, span, sum(n) OVER (ORDER BY customer_id) - n AS orders_before
FROM (SELECT customer_id, y0, least(life, 2 - y0) AS span,
             1 + floor((planned - 1) * least(1, (2 - y0) / life) + r5)::int AS n
      FROM (SELECT customer_id,
                   CASE WHEN kind < 0.59 THEN 1
                        WHEN kind >= 0.9997 THEN floor(100 * 10 ^ r1)::int
                        ELSE 2 + floor(-15 * ln(r1 * r2))::int END AS planned,
                   sqrt(1 + 8 * r3) - 1 AS y0, -ln(r4) AS life, r5
            FROM (SELECT c AS customer_id, random() AS kind, 1 - random() AS r1, 1 - random() AS r2,
                         random() AS r3, 1 - random() AS r4, random() AS r5
                  FROM generate_series(1::bigint, {rows} * 11 / 100 + 1000) c OFFSET 0) c) c) c;
CREATE UNLOGGED TABLE orders AS
SELECT customer_id,
       to_timestamp(1704067200 + floor((y + 0.3 / (2 * pi()) * (sin(2 * pi() * (y - 0.4)) - sin(-0.8 * pi())))
                                       * 365.5 * 86400)) AS ordered_at,
       round(exp(ln(40) + 0.9 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))::numeric, 2)::numeric(10,2) AS amount
FROM (SELECT p.customer_id, CASE WHEN k = 1 THEN p.y0 ELSE p.y0 + random() * p.span END AS y
      FROM plan p, generate_series(1, least(p.n, {rows} - p.orders_before)) k
      WHERE p.orders_before < {rows} OFFSET 0) o
ORDER BY ordered_at, customer_id;
CREATE INDEX orders_ordered_at_brin ON orders USING brin (ordered_at);
CREATE UNLOGGED TABLE histories AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM orders GROUP BY customer_id;
CREATE UNLOGGED TABLE customer_totals AS
SELECT customer_id, count(*) AS orders, min(ordered_at) AS first_order_at, max(ordered_at) AS last_order_at,
       sum(amount) AS revenue
FROM orders GROUP BY customer_id;
CREATE UNLOGGED TABLE customer_months AS
SELECT customer_id, date_trunc('month', ordered_at) AS month, count(*) AS orders, sum(amount) AS revenue
FROM orders GROUP BY customer_id, month;
"""

FLOOR = "SELECT count(customer_id) FROM orders"

# The columns of periods() that the hand-written period series computes.
PERIOD_COLUMNS = ("period_start, customers_start, new_customers, retained, reactivated, churned, "
                  "customers_end, retention_rate, orders, revenue")

# The hand-written period series over customer-month rows `cm` (customer_id, month, orders,
# revenue): lag() gives each customer-month the customer's previous active month, which
# classifies it as new (none), retained (the month before) or reactivated (earlier); one
# GROUP BY month counts them, and a window over the months gives the customers at the start
# (active the month before) and the churned. generate_series keeps months without orders.
PERIOD_SERIES_TAIL = """m AS (
    SELECT month, count(*) AS active,
           count(*) FILTER (WHERE prev IS NULL) AS new,
           count(*) FILTER (WHERE prev = month - interval '1 month') AS retained,
           sum(orders) AS orders, sum(revenue) AS revenue
    FROM (SELECT month, orders, revenue, lag(month) OVER (PARTITION BY customer_id ORDER BY month) AS prev
          FROM {cm}) t
    GROUP BY month
)
SELECT month AS period_start, lag(active, 1, 0::bigint) OVER w AS customers_start, new AS new_customers, retained,
       active - new - retained AS reactivated, lag(active, 1, 0::bigint) OVER w - retained AS churned,
       active AS customers_end, retained::float8 / nullif(lag(active) OVER w, 0) AS retention_rate, orders, revenue
FROM (SELECT month, coalesce(active, 0) AS active, coalesce(new, 0) AS new, coalesce(retained, 0) AS retained,
             coalesce(orders, 0) AS orders, coalesce(revenue, 0) AS revenue
      FROM generate_series((SELECT min(month) FROM m), (SELECT max(month) FROM m), interval '1 month') g(month)
      LEFT JOIN m USING (month)) s
WINDOW w AS (ORDER BY month)
ORDER BY month"""

HAND_SERIES = ("WITH cm AS (\n"
               "    SELECT customer_id, date_trunc('month', ordered_at) AS month, count(*) AS orders, "
               "sum(amount) AS revenue\n"
               "    FROM orders GROUP BY customer_id, month\n), "
               + PERIOD_SERIES_TAIL.format(cm="cm"))
HAND_SERIES_STORED = "WITH " + PERIOD_SERIES_TAIL.format(cm="customer_months")

# Daily active customers with rolling windows, by hand: the best SQL we know for a distinct count
# over a sliding window is not the join of each day with its 28 days of customer-days (28 times
# the rows, then count(DISTINCT)) but the spans the extension counts (docs/orders.md, "How it
# works"): per customer-day, the days since its previous and until its next active day; a span
# of the w-day window starts on a day whose previous one is w or more days back and is left w
# days after a day whose next one is w or more days ahead; WAU and MAU are running sums of
# those moves. {day} is a customer-day's local date in each system's SQL.
HAND_ACTIVITY = """WITH cd AS (
    SELECT day, coalesce(day - lag(day) OVER w, 100000) AS before, coalesce(lead(day) OVER w - day, 100000) AS after
    FROM (SELECT DISTINCT customer_id, {day} AS day FROM orders) d
    WINDOW w AS (PARTITION BY customer_id ORDER BY day)),
moves AS (
    SELECT day, count(*) AS dau, count(*) FILTER (WHERE before >= 7) AS w, count(*) FILTER (WHERE before >= 28) AS m
    FROM cd GROUP BY day
    UNION ALL SELECT day + 7, 0, -count(*), 0 FROM cd WHERE after >= 7 GROUP BY day + 7
    UNION ALL SELECT day + 28, 0, 0, -count(*) FROM cd WHERE after >= 28 GROUP BY day + 28),
days AS (SELECT day, sum(dau) AS dau, sum(sum(w)) OVER o AS wau, sum(sum(m)) OVER o AS mau
         FROM moves GROUP BY day WINDOW o AS (ORDER BY day))
SELECT day, CAST(dau AS BIGINT), CAST(wau AS BIGINT), CAST(mau AS BIGINT) FROM days
WHERE day <= (SELECT max(day) FROM cd)"""

# Retention of Q4 2025 against Q3 2025: [ps, pe) = [2025-10-01, 2026-01-01), L = 92 days, so the
# base period [ps - L, ps) is [2025-07-01, 2025-10-01).
PS, PE, BASE = "2025-10-01", "2026-01-01", "2025-07-01"

# Timing rounds of the cases whose hand-written SQL takes seconds at 10 million rows (it sorts
# or hashes every order): fewer, so that the whole benchmark stays near 25 minutes on 2 cores.
SLOW = 3

CASES = [
    Case("period series by month, one step",
         f"SELECT {PERIOD_COLUMNS} FROM periods((SELECT period_series_agg(customer_id, ordered_at, amount, 'month') "
         "FROM orders))",
         HAND_SERIES, FLOOR, SLOW),
    Case("period series by month, two levels from orders",
         f"SELECT {PERIOD_COLUMNS} FROM periods((SELECT period_series_agg(h, 'month') FROM "
         "(SELECT customer_history_agg(ordered_at, amount) AS h FROM orders GROUP BY customer_id) c))",
         HAND_SERIES, FLOOR, SLOW),
    Case("period series by month, from stored histories",
         f"SELECT {PERIOD_COLUMNS} FROM periods((SELECT period_series_agg(h, 'month') FROM histories))",
         HAND_SERIES_STORED, FLOOR),
    Case("daily active customers (DAU, rolling WAU and MAU), one step",
         "SELECT date, dau, wau, mau FROM periods((SELECT activity_series_agg(customer_id, ordered_at) FROM orders))",
         HAND_ACTIVITY.format(day="(ordered_at AT TIME ZONE 'UTC')::date"), FLOOR, SLOW),
    Case("repeat purchase rate, one step",
         "SELECT repeat_purchase_rate(customer_id) FROM orders",
         "SELECT count(*) FILTER (WHERE n >= 2)::float8 / count(*) "
         "FROM (SELECT count(*) AS n FROM orders GROUP BY customer_id) t",
         FLOOR, SLOW),
    Case("repeat purchase rate, from stored histories",
         "SELECT repeat_purchase_rate(customer_stats_agg(h)) FROM histories",
         "SELECT count(*) FILTER (WHERE orders >= 2)::float8 / count(*) FROM customer_totals",
         FLOOR),
    Case("retention rate, Q4 against Q3, one step",
         f"SELECT retention_rate(customer_id, ordered_at, '{PS}', '{PE}') FROM orders",
         f"SELECT count(*) FILTER (WHERE last_at >= '{PS}')::float8 / nullif(count(*), 0) "
         f"FROM (SELECT max(ordered_at) AS last_at FROM orders WHERE ordered_at >= '{BASE}' AND ordered_at < '{PE}' "
         f"GROUP BY customer_id HAVING min(ordered_at) < '{PS}') t",
         FLOOR),
    # The same figure as the orders of the two quarters give it: the rate reads no others
    # (docs/orders.md), and on a time-ordered table the BRIN index skips the rest.
    Case("retention rate, Q4 against Q3, one step, with the window's WHERE",
         f"SELECT retention_rate(customer_id, ordered_at, '{PS}', '{PE}') FROM orders "
         f"WHERE ordered_at >= '{BASE}' AND ordered_at < '{PE}'",
         f"SELECT count(*) FILTER (WHERE last_at >= '{PS}')::float8 / nullif(count(*), 0) "
         f"FROM (SELECT max(ordered_at) AS last_at FROM orders WHERE ordered_at >= '{BASE}' AND ordered_at < '{PE}' "
         f"GROUP BY customer_id HAVING min(ordered_at) < '{PS}') t",
         FLOOR),
    Case("avg time between purchases, one step",
         "SELECT avg_time_between_purchases(customer_id, ordered_at) FROM orders",
         "SELECT justify_hours(make_interval(secs => round(sum(extract(epoch FROM last_at - first_at)) "
         "/ nullif(sum(n - 1), 0), 6))) "
         "FROM (SELECT min(ordered_at) AS first_at, max(ordered_at) AS last_at, count(*) AS n "
         "FROM orders GROUP BY customer_id) t",
         FLOOR, SLOW),
    Case("median time between purchases, one step",
         "SELECT median_time_between_purchases(customer_id, ordered_at) FROM orders",
         "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) "
         "FROM (SELECT ordered_at - lag(ordered_at) OVER (PARTITION BY customer_id ORDER BY ordered_at) AS gap "
         "FROM orders) t",
         FLOOR, SLOW),
    Case("customer_stats_agg + 4 accessors, one step",
         "SELECT customers(s), repeat_purchase_rate(s), avg_order_value(s), revenue_per_customer(s) "
         "FROM (SELECT customer_stats_agg(customer_id, ordered_at, amount) AS s FROM orders) t",
         "SELECT count(*), count(*) FILTER (WHERE n >= 2)::float8 / count(*), sum(revenue) / sum(priced), "
         "sum(revenue) / count(*) "
         "FROM (SELECT count(*) AS n, count(amount) AS priced, sum(amount) AS revenue FROM orders GROUP BY customer_id) t",
         FLOOR, SLOW),
    Case("level 1: customer_history_agg GROUP BY customer_id",
         "SELECT count(t) FROM (SELECT customer_id, customer_history_agg(ordered_at, amount) AS h "
         "FROM orders GROUP BY customer_id) t",
         "SELECT count(t) FROM (SELECT customer_id, count(*) AS orders, min(ordered_at) AS first_order_at, "
         "max(ordered_at) AS last_order_at, sum(amount) AS revenue FROM orders GROUP BY customer_id) t",
         FLOOR, SLOW),
]

# What is checked before timing: each case's result equals its hand-written SQL's on the same
# data (the same rows, compared with the column types' own equality), serially and with two
# workers (see main for larger data sets). The timed level-1 query only counts histories, so its check compares each
# customer's count, first, last and revenue instead. The median is exact only while the gap
# histogram is (see gap_resolution()): whole-second times over two years have too many
# distinct gaps, so there it must be within half a bucket of percentile_cont's; on the same
# orders cut to whole days it must be equal.
CHECK_LEVEL1 = ("SELECT customer_id, orders(h), first_order_at(h), last_order_at(h), revenue(h) FROM "
                "(SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM orders GROUP BY customer_id) t",
                "SELECT customer_id, count(*), min(ordered_at), max(ordered_at), sum(amount) FROM orders GROUP BY customer_id")
MEDIAN_CASE = next(c for c in CASES if c.name.startswith("median"))
CHECK_MEDIAN_DAYS = tuple(sql.replace("FROM orders", "FROM (SELECT customer_id, date_trunc('day', ordered_at) "
                                      "AS ordered_at FROM orders) orders")
                          for sql in (MEDIAN_CASE.ours, MEDIAN_CASE.hand))


def equal_sql(ours, hand):
    """Rows of `ours`, and rows of each not in the other (as multisets)."""
    return (f"WITH o AS MATERIALIZED ({ours}),\nh AS MATERIALIZED ({hand})\n"
            "SELECT (SELECT count(*) FROM o), (SELECT count(*) FROM (TABLE o EXCEPT ALL TABLE h) x), "
            "(SELECT count(*) FROM (TABLE h EXCEPT ALL TABLE o) y)")


def median_sql(ours, hand):
    """Ours, percentile_cont's, the width of ours' gap histogram buckets (it depends only on
    the gaps, so the stored histories give it cheaply), whether ours is equal, and whether it
    is within half a bucket."""
    return ("SELECT o.m, h.m, r.res, o.m = h.m, abs(extract(epoch FROM o.m - h.m)) <= extract(epoch FROM r.res) / 2 "
            f"FROM ({ours}) o(m), ({hand}) h(m), "
            "(SELECT gap_resolution(customer_stats_agg(h)) AS res FROM histories) r")


def check(db, modes, whole_days):
    """Markdown lines: what was compared and found equal in `modes` (and the median on whole
    days if `whole_days`); raises on a difference."""
    todo = []
    for case in CASES:
        if case is MEDIAN_CASE:
            todo.append((case.name, "within", median_sql(case.ours, case.hand)))
        elif case.name.startswith("level 1"):
            todo.append((case.name + " (per customer: orders, first, last, revenue)", "equal", equal_sql(*CHECK_LEVEL1)))
        else:
            todo.append((case.name, "equal", equal_sql(case.ours, case.hand)))
    if whole_days:
        todo.append(("median time between purchases, orders cut to whole days", "equal", equal_sql(*CHECK_MEDIAN_DAYS)))
    lines, failed = [], []
    for name, kind, sql in todo:
        results = []
        for mode in modes:
            out = harness.value(db, f"{mode.settings}\n{sql};")
            if kind == "equal":
                n, only_ours, only_hand = map(int, out.split("|"))
                ok = only_ours == only_hand == 0 and n > 0
                results.append(f"{mode.name}: {n} row{'s' * (n != 1)} equal" if ok else
                               f"{mode.name}: DIFFERENT ({only_ours} of {n} rows not in the hand SQL's, "
                               f"{only_hand} of the hand SQL's not in ours)")
            else:
                ours, hand, res, equal, within = out.split("|")
                ok = within == "t"
                results.append(f"{mode.name}: {ours} against {hand}, "
                               + ("equal" if equal == "t" else f"within half of gap_resolution {res}" if ok
                                  else f"NOT within half of gap_resolution {res}"))
            harness.log(f"  check {name}, {results[-1]}")
            if not ok:
                failed.append(f"{name}, {results[-1]}")
        lines.append(f"- {name}: " + "; ".join(results))
    if failed:
        raise RuntimeError("pg_retention and the hand-written SQL differ:\n" + "\n".join(failed))
    return ("Each case's result against its hand-written SQL on the same data, before timing "
            "(rows compared with the column types' equality):\n\n" + "\n".join(lines))


# ---- other systems ----------------------------------------------------------------------------
# The figures DuckDB and ClickHouse users compute themselves, in each one's SQL, on the orders as
# bench/engines.py loads them (time-ordered, as here): (case of CASES whose times they are
# compared with, DuckDB SQL, ClickHouse SQL or None). The period series and the daily activity
# are DuckDB's only: their hand-written SQL (lag() and lead() over each customer's months or
# days, generate_series) runs there unchanged, ClickHouse would need a rewrite of its own
# (lagInFrame over an explicit frame), and the cohort module already times ClickHouse's idiom
# for per-customer months.
TS = "toDateTime('{} 00:00:00', 'UTC')"
OTHERS = [
    ("repeat purchase rate, one step",
     "SELECT count(*) FILTER (WHERE n >= 2)::DOUBLE / count(*) FROM (SELECT count(*) AS n FROM orders GROUP BY customer_id) t",
     "SELECT countIf(n >= 2) / count() FROM (SELECT count() AS n FROM orders GROUP BY customer_id) "
     "SETTINGS max_threads = {threads}"),
    ("retention rate, Q4 against Q3, one step, with the window's WHERE",
     f"SELECT count(*) FILTER (WHERE last_at >= TIMESTAMP '{PS}')::DOUBLE / count(*) "
     f"FROM (SELECT max(ordered_at) AS last_at FROM orders "
     f"WHERE ordered_at >= TIMESTAMP '{BASE}' AND ordered_at < TIMESTAMP '{PE}' "
     f"GROUP BY customer_id HAVING min(ordered_at) < TIMESTAMP '{PS}') t",
     f"SELECT countIf(last_at >= {TS.format(PS)}) / count() "
     f"FROM (SELECT max(ordered_at) AS last_at FROM orders "
     f"WHERE ordered_at >= {TS.format(BASE)} AND ordered_at < {TS.format(PE)} "
     f"GROUP BY customer_id HAVING min(ordered_at) < {TS.format(PS)}) "
     "SETTINGS max_threads = {threads}"),
    ("period series by month, one step", HAND_SERIES, None),
    ("daily active customers (DAU, rolling WAU and MAU), one step",
     HAND_ACTIVITY.format(day="CAST(ordered_at AS DATE)"), None),
]


def cells(row):
    """A result row as comparable values: dates as dates, numbers exact (decimals to the cent)."""
    out = []
    for v in row:
        text = str(v)
        if v is None or text in ("", "None", "\\N"):
            out.append(None)
        elif len(text) >= 10 and text[4] == "-" and text[7] == "-":
            out.append(text[:10])
        elif "." in text or "e" in text.lower():
            d = decimal.Decimal(text)
            out.append(str(d.quantize(decimal.Decimal("0.01"))) if -d.as_tuple().exponent == 2 else float(text))
        else:
            out.append(int(text))
    return tuple(out)


def other_systems(db, results, rounds):
    """Markdown: DuckDB and ClickHouse on the same orders, their results checked equal to
    ours first, timed with 1 and 2 threads against our times of the same run."""
    harness.log("Order-history metrics: other systems: loading the orders")
    by_name = {r["case"].name: r for r in results}
    rows, checks = [], []
    with tempfile.TemporaryDirectory() as tmp:
        e = Engines(db, tmp)
        for case_name, duck_sql, ch_sql in OTHERS:
            case = by_name[case_name]["case"]
            ours_sql = case.ours.replace("SELECT period_start,", "SELECT (period_start AT TIME ZONE 'UTC')::date,")
            want = sorted(cells(line.split("|")) for line in harness.value(db, ours_sql + ";").splitlines())
            ms_ours = by_name[case_name]["ms"]
            rows.append([case_name, "pg_retention", f"{ms_ours[('serial', 'ours')]:.0f}",
                         f"{ms_ours[('2 workers', 'ours')]:.0f}", "1.00", "1.00"])
            for name, make in [(e.duck_name, lambda t, q=duck_sql: e.duck_run(q, t))] + (
                    [(e.ch_name, lambda t, q=ch_sql: e.ch_run(q, t))] if ch_sql else []):
                ms = {}
                for threads in (1, 2):
                    harness.log(f"Order-history metrics: {case_name}: {name}, {threads} thread{'s' * (threads > 1)}")
                    ms[threads], result = timed(make(threads), rounds)
                    got = sorted(cells(r) for r in result)
                    if got != want:
                        diff = sorted(set(got) ^ set(want))[:5]
                        raise RuntimeError(f"{case_name}: {name} ({threads} threads) differs from pg_retention: {diff}")
                checks.append(f"- {case_name}: {name}: {len(want)} row{'s' * (len(want) != 1)} equal to "
                              "pg_retention's, with 1 and 2 threads")
                rows.append(["", name, f"{ms[1]:.0f}", f"{ms[2]:.0f}",
                             harness.fmt(ms[1] / ms_ours[("serial", "ours")]),
                             harness.fmt(ms[2] / ms_ours[("2 workers", "ours")])])
        e.close()
    head = ["case", "system", "1 thread (serial) ms", "2 threads (2 workers) ms", "÷ ours serial", "÷ ours 2w"]
    queries = []
    for case_name, duck_sql, ch_sql in OTHERS:
        queries.append(f"-- {case_name}: DuckDB\n{duck_sql.strip()};")
        if ch_sql:
            queries.append(f"-- {case_name}: ClickHouse\n{ch_sql.strip().format(threads=2)};")
    return ("#### The same figures in DuckDB and ClickHouse\n\n"
            "The orders copied into each system's own table in time order (DuckDB in memory, ClickHouse "
            f"MergeTree ordered by time; loading not timed); median of {rounds} runs after one untimed run, "
            "1 and 2 threads (DuckDB `SET threads`, ClickHouse `max_threads`); pg_retention's times from "
            "the table above (serial, 2 workers). A ratio above 1 means the other system is slower.\n\n"
            + harness.table(head, rows) + "\n\nChecked before timing:\n\n" + "\n".join(checks)
            + "\n\nTheir queries:\n\n```sql norun\n" + "\n".join(queries) + "\n```")


def main(rows, rounds):
    # Serially and with 2 workers up to a million rows; beyond, to save minutes, with 2
    # workers only (the path with serialized partial states and combine functions) and
    # without the whole-day median (exact at any size: two years hold 731 distinct day gaps).
    small = rows <= 1_000_000
    harness.run("Order-history metrics", DB, SETUP.format(rows=rows, db=DB), CASES, rows, rounds,
                check=lambda db: check(db, harness.MODES if small else [harness.TWO_WORKERS], small),
                extra=lambda db, results: other_systems(db, results, rounds))


if __name__ == "__main__":
    harness.cli(main, rows=10_000_000, rounds=5)
