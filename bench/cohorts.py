#!/usr/bin/env python3
"""The cohort benchmark: the monthly first-time cohort table (docs/cohorts.md) against the
best hand-written SQL for the same table and the floor, a bare count(customer_id) of the
orders, serially and with two parallel workers (bench/harness.py says how); then the same
table computed by DuckDB and by embedded ClickHouse (chdb, with and without its
retention()) from the same orders, side by side. Usage: cohorts.py [rows] [rounds]
(default: 10 million rows, 5 rounds; 3 for the cases marked SLOW).

The data set is the order-history benchmark's (bench/orders.py): the same generator, seed
and stored tables (`histories`, `customer_months`). The table compared: for each monthly
cohort of first orders (UTC) and each month from the cohort's own on, the cohort's size,
the customers active that month, retention (active / size), the orders and the revenue.
"""
import decimal
import tempfile

import harness
import orders
from engines import Engines, timed
from harness import Case

DB = "pg_retention_bench_cohorts"

COLUMNS = "cohort_start, period_offset, cohort_size, active, retention, orders, revenue"

# The hand-written cohort table over customer-month rows `cm` (customer_id, month, orders,
# revenue): a window gives each customer-month its customer's first month (the cohort), one
# GROUP BY counts the customers, orders and revenue of each (cohort, month offset), and the
# cohort's size is its offset-0 count (every customer is active in its own cohort month).
# Faster here than the textbook form, a join with a first-order table and count(DISTINCT
# customer_id) over the orders (HAND_DISTINCT below, checked and timed once as a reference).
COHORT_TAIL = """g AS (
    SELECT cohort, ((extract(year FROM month) - extract(year FROM cohort)) * 12
                    + extract(month FROM month) - extract(month FROM cohort))::int AS period_offset,
           count(*) AS active, sum(orders) AS orders, sum(revenue) AS revenue
    FROM (SELECT month, orders, revenue, min(month) OVER (PARTITION BY customer_id) AS cohort FROM {cm}) c
    GROUP BY 1, 2
)
SELECT cohort AS cohort_start, period_offset, first_value(active) OVER w AS cohort_size, active,
       active::float8 / first_value(active) OVER w AS retention, orders, revenue
FROM g
WINDOW w AS (PARTITION BY cohort ORDER BY period_offset)
ORDER BY 1, 2"""

HAND = ("WITH cm AS (\n"
        "    SELECT customer_id, date_trunc('month', ordered_at) AS month, count(*) AS orders, sum(amount) AS revenue\n"
        "    FROM orders GROUP BY customer_id, month\n), " + COHORT_TAIL.format(cm="cm"))
HAND_STORED = "WITH " + COHORT_TAIL.format(cm="customer_months")
HAND_DISTINCT = """WITH f AS (
    SELECT customer_id, date_trunc('month', min(ordered_at)) AS cohort FROM orders GROUP BY customer_id
), s AS (
    SELECT cohort, count(*) AS cohort_size FROM f GROUP BY cohort
), a AS (
    SELECT f.cohort, ((extract(year FROM o.ordered_at) - extract(year FROM f.cohort)) * 12
                      + extract(month FROM o.ordered_at) - extract(month FROM f.cohort))::int AS period_offset,
           count(DISTINCT o.customer_id) AS active, count(*) AS orders, sum(o.amount) AS revenue
    FROM orders o JOIN f USING (customer_id)
    GROUP BY 1, 2
)
SELECT cohort AS cohort_start, period_offset, cohort_size, active, active::float8 / cohort_size AS retention,
       orders, revenue
FROM a JOIN s USING (cohort)
ORDER BY 1, 2"""

FLOOR = orders.FLOOR
SLOW = orders.SLOW


def ours(summary_sql):
    # as_of: the matured flag is not compared, so any time will do; a constant keeps the
    # query free of now().
    return f"SELECT {COLUMNS} FROM cohort_table(({summary_sql}), '2026-01-01')"


CASES = [
    Case("cohort table by month, one step",
         ours("SELECT cohort_agg(customer_id, ordered_at, amount, 'month') FROM orders"),
         HAND, FLOOR, SLOW),
    Case("cohort table by month, two levels from orders",
         ours("SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(ordered_at, amount) AS h "
              "FROM orders GROUP BY customer_id) c"),
         HAND, FLOOR, SLOW),
    Case("cohort table by month, from stored histories",
         ours("SELECT cohort_agg(h, 'month') FROM histories"),
         HAND_STORED, FLOOR),
    Case("cohort table by month, one step, against count(DISTINCT)",
         ours("SELECT cohort_agg(customer_id, ordered_at, amount, 'month') FROM orders"),
         HAND_DISTINCT, FLOOR, 1),
]


def check(db):
    """Each case's table equals its hand-written SQL's, with two workers (the path with
    partial states); raises on a difference."""
    lines, failed = [], []
    for case in CASES:
        out = harness.value(db, f"{harness.TWO_WORKERS.settings}\n{orders.equal_sql(case.ours, case.hand)};")
        n, only_ours, only_hand = map(int, out.split("|"))
        ok = only_ours == only_hand == 0 and n > 0
        line = (f"{n} rows equal" if ok else
                f"DIFFERENT ({only_ours} of {n} rows not in the hand SQL's, {only_hand} of the hand SQL's not in ours)")
        harness.log(f"  check {case.name}: {line}")
        lines.append(f"- {case.name}: 2 workers: {line}")
        if not ok:
            failed.append(f"{case.name}: {line}")
    if failed:
        raise RuntimeError("pg_retention and the hand-written SQL differ:\n" + "\n".join(failed))
    return ("Each case's table against its hand-written SQL's on the same data, before timing "
            "(rows compared with the column types' equality):\n\n" + "\n".join(lines))


# ---- other systems ----------------------------------------------------------------------------
# The orders in DuckDB and ClickHouse as bench/engines.py loads them. Each query returns cohort month (date), period offset, cohort size, active, orders, revenue.

DUCKDB_SQL = """
WITH cm AS (
    SELECT customer_id, date_trunc('month', ordered_at) AS month, count(*) AS orders, sum(amount) AS revenue
    FROM orders GROUP BY customer_id, month
), f AS (
    SELECT customer_id, min(month) AS cohort FROM cm GROUP BY customer_id
), g AS (
    SELECT cohort, date_diff('month', cohort, month) AS period_offset, count(*) AS active,
           sum(orders) AS orders, sum(revenue) AS revenue
    FROM cm JOIN f USING (customer_id) GROUP BY cohort, period_offset
)
SELECT cohort::date, period_offset, first_value(active) OVER (PARTITION BY cohort ORDER BY period_offset),
       active, orders, revenue
FROM g ORDER BY 1, 2
"""

# ClickHouse's idiom: each customer's months gathered into an array with its first month, then
# unrolled (ARRAY JOIN) and counted by (cohort, offset).
CLICKHOUSE_SQL = """
SELECT cohort, dateDiff('month', cohort, m.1) AS period_offset,
       first_value(count()) OVER (PARTITION BY cohort ORDER BY period_offset) AS cohort_size,
       count() AS active, sum(m.2) AS orders, sum(m.3) AS revenue
FROM (SELECT customer_id, min(month) AS cohort, groupArray((month, orders, revenue)) AS ms
      FROM (SELECT customer_id, toStartOfMonth(ordered_at) AS month, count() AS orders, sum(amount) AS revenue
            FROM orders GROUP BY customer_id, month)
      GROUP BY customer_id)
ARRAY JOIN ms AS m
GROUP BY cohort, period_offset
ORDER BY cohort, period_offset
SETTINGS max_threads = {threads}
"""


def clickhouse_retention_sql(months):
    """With ClickHouse's retention(): per customer, one condition per month offset (the first,
    offset 0, holds for every customer of a first-time cohort, so retention()'s
    [c1, c1 AND c2, ...] is each offset's activity); the arrays are summed per cohort.
    Active customers and sizes only: retention() has no revenue."""
    conds = ", ".join(f"k = {i}" for i in range(months))
    return f"""
SELECT cohort, toInt32(i - 1) AS period_offset, size AS cohort_size, actives[i] AS active
FROM (SELECT cohort, count() AS size, sumForEach(r) AS actives
      FROM (SELECT customer_id, any(cohort) AS cohort, retention({conds}) AS r
            FROM (SELECT customer_id, cohort, dateDiff('month', cohort, toStartOfMonth(ordered_at)) AS k
                  FROM orders
                  JOIN (SELECT customer_id, toStartOfMonth(min(ordered_at)) AS cohort FROM orders GROUP BY customer_id) f
                  USING customer_id)
            GROUP BY customer_id)
      GROUP BY cohort)
ARRAY JOIN arrayEnumerate(actives) AS i
WHERE addMonths(cohort, i - 1) <= (SELECT toStartOfMonth(max(ordered_at)) FROM orders)
ORDER BY cohort, period_offset
SETTINGS max_threads = {{threads}}
"""


def normalize(rows, width):
    """Rows as tuples of strings, the first `width` columns: cohort date, offset, size,
    active[, orders, revenue with two decimals]."""
    out = []
    for row in rows:
        cells = [str(row[0])[:10], int(row[1]), int(row[2]), int(row[3])]
        if width > 4:
            cells += [int(row[4]), str(decimal.Decimal(str(row[5])).quantize(decimal.Decimal("0.01")))]
        out.append(tuple(cells))
    return sorted(out)


def other_systems(db, results, rounds):
    harness.log("Cohorts: other systems: loading the orders")
    ours_serial = {r["case"].name: r["ms"][("serial", "ours")] for r in results}
    ours_2w = {r["case"].name: r["ms"][("2 workers", "ours")] for r in results}
    one_step, stored = CASES[0].name, CASES[2].name
    pg_rows = normalize([line.split("|") for line in harness.value(
        db, f"SELECT (cohort_start AT TIME ZONE 'UTC')::date, period_offset, cohort_size, active, orders, revenue "
            f"FROM ({CASES[2].ours}) t").splitlines()], 6)
    months = 1 + max(r[1] for r in pg_rows)
    with tempfile.TemporaryDirectory() as tmp:
        e = Engines(db, tmp)
        systems = [
            (e.duck_name, "GROUP BY customer, month; join with first months; GROUP BY cohort, offset",
             lambda t: e.duck_run(DUCKDB_SQL, t), 6),
            (e.ch_name, "GROUP BY customer, month; groupArray per customer; ARRAY JOIN; GROUP BY cohort, offset",
             lambda t: e.ch_run(CLICKHOUSE_SQL, t), 6),
            (f"{e.ch_name}, retention()",
             f"join with first months; retention() of {months} offsets per customer; sumForEach per cohort",
             lambda t: e.ch_run(clickhouse_retention_sql(months), t), 4),
        ]
        rows = []
        checks = []
        for name, how, make, width in systems:
            ms = {}
            for threads in (1, 2):
                harness.log(f"Cohorts: {name}, {threads} thread{'s' * (threads > 1)}")
                ms[threads], result = timed(make(threads), rounds)
                got = normalize(result, width)
                want = [r[:width] for r in pg_rows]
                if got != want:
                    diff = sorted(set(got) ^ set(want))[:5]
                    raise RuntimeError(f"{name} ({threads} threads) differs from pg_retention's cohort table: {diff}")
            checks.append(f"- {name}: {len(pg_rows)} rows equal to pg_retention's "
                          f"({'cohort, offset, size, active, orders, revenue' if width > 4 else 'cohort, offset, size, active'})"
                          ", with 1 and 2 threads")
            rows.append([name, how, f"{ms[1]:.0f}", f"{ms[2]:.0f}",
                         harness.fmt(ms[1] / ours_serial[one_step]), harness.fmt(ms[2] / ours_2w[one_step]),
                         harness.fmt(ms[1] / ours_serial[stored]), harness.fmt(ms[2] / ours_2w[stored])])
        e.close()
    head = ["system", "query", "1 thread ms", "2 threads ms", "÷ ours one step (serial)", "÷ ours one step (2w)",
            "÷ ours stored (serial)", "÷ ours stored (2w)"]
    rows.insert(0, ["pg_retention, one step", "cohort_agg(customer_id, ordered_at, amount, 'month')",
                    f"{ours_serial[one_step]:.0f}", f"{ours_2w[one_step]:.0f}", "1.00", "1.00", "", ""])
    rows.insert(1, ["pg_retention, stored histories", "cohort_agg(h, 'month') FROM histories",
                    f"{ours_serial[stored]:.0f}", f"{ours_2w[stored]:.0f}", "", "", "1.00", "1.00"])
    return ("#### The same table in DuckDB and ClickHouse\n\n"
            f"The orders copied into each system's own table (DuckDB in memory, ClickHouse MergeTree "
            f"ordered by time; loading not timed); median of {rounds} runs after one untimed run, "
            "1 and 2 threads (DuckDB `SET threads`, ClickHouse `max_threads`); pg_retention's times "
            "from the table above (serial, 2 workers). A ratio above 1 means the other system is "
            "slower.\n\n" + harness.table(head, rows) + "\n\nChecked before timing:\n\n" + "\n".join(checks)
            + "\n\nTheir queries:\n\n```sql norun\n-- DuckDB\n" + DUCKDB_SQL.strip() + ";\n-- ClickHouse\n"
            + CLICKHOUSE_SQL.strip().format(threads=2) + ";\n-- ClickHouse, retention()\n"
            + clickhouse_retention_sql(months).strip().format(threads=2) + ";\n```")


def main(rows, rounds):
    harness.run("Cohort tables", DB, orders.SETUP.format(rows=rows, db=DB), CASES, rows, rounds,
                check=check, extra=lambda db, results: other_systems(db, results, rounds))


if __name__ == "__main__":
    harness.cli(main, rows=10_000_000, rounds=5)
