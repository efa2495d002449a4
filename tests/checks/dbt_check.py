#!/usr/bin/env python3
"""dbt against pg_retention: the dbt project of tests/dbt, built twice with new orders between.

A fresh database gets pg_retention and the shop's raw rows (tests/dbt/shop.sql); `dbt build`
(dbt-core 1.10.23, dbt-postgres 1.10.2, from .venv-dbt) makes the four models and runs their
data tests: an incremental model of customer histories, a view over periods(), a table of
cohort_table() and a materialized view of monthly NPS summaries, whose `unique` test groups
by an nps_summary column. New orders and answers arrive (tests/dbt/new_orders.sql) and
`dbt build` runs again: the incremental model merges the new orders into the stored
histories (its compiled SQL is the merge path, and every history equals the one aggregated
from all raw orders), the view, the table and the materialized view show the new month.
After each build the figures are compared with the ones worked out by hand below.

Runs inside scripts/cluster.sh (tests/sql_tier.sh) with pg_retention installed; dbt's target
and log folders go to a temporary directory, and nothing is sent anywhere (anonymous usage
statistics and the version check are off).
"""
import json
import os
import subprocess
import sys
import tempfile

from common import ROOT, TESTS, Database

PROJECT = os.path.join(TESTS, "dbt")
DBT = os.path.join(ROOT, ".venv-dbt", "bin", "dbt")
DB = Database("pg_retention_dbt")

# monthly_retention after each build: (period_start, customers_start, new_customers, retained,
# reactivated, churned, customers_end, orders, revenue). Worked by hand from shop.sql, the
# months in UTC. Customers active per month: 2025-12 {4}; 2026-01 {1, 3}; 02 {1, 2, 4, 5};
# 03 {2}; 04 {1}; after the new orders also 05 {3, 6}.
RETENTION_1 = [
    # Dec: customer 4's first order (12.00); nobody before.
    ("2025-12-01 00:00:00+00", "0", "1", "0", "0", "0", "1", "1", "12.00"),
    # Jan: 1 and 3 are new; 4 did not order (churned). Revenue 20.00 (3's order has no amount).
    ("2026-01-01 00:00:00+00", "1", "2", "0", "0", "1", "2", "2", "20.00"),
    # Feb: of {1, 3}, 1 stays (retained), 3 churns; 4 comes back (reactivated); 2 and 5 new.
    # Orders: 1 twice, 2, 4, 5 = 5; revenue 10 + 30 + 7.50 + 8 + 3 = 58.50.
    ("2026-02-01 00:00:00+00", "2", "2", "1", "1", "1", "4", "5", "58.50"),
    # Mar: of the four, only 2 orders (1.00): 1 retained, 3 churned.
    ("2026-03-01 00:00:00+00", "4", "0", "1", "0", "3", "1", "1", "1.00"),
    # Apr: 2 churns; 1 comes back (reactivated), 5.00.
    ("2026-04-01 00:00:00+00", "1", "0", "0", "1", "1", "1", "1", "5.00"),
]
RETENTION_2 = RETENTION_1 + [
    # May: 1 churns; 3 comes back (reactivated), 6 is new; 42.00 + 9.99 = 51.99.
    ("2026-05-01 00:00:00+00", "1", "1", "0", "1", "1", "2", "2", "51.99"),
]

# customer_histories: (customer_id, orders, revenue, last_order_id). order_id counts the rows
# of shop.sql from 1 in order (customer 1: 1-4, 2: 5-6, 3: 7, 4: 8-9, 5: 10, no customer: 11),
# new_orders.sql's are 12 (customer 3) and 13 (customer 6). Revenue sums the amounts given.
HISTORIES_1 = [
    ("1", "4", "65.00", "4"),      # 20 + 10 + 30 + 5
    ("2", "2", "8.50", "6"),       # 7.50 + 1
    ("3", "1", None, "7"),         # one order without an amount: no revenue
    ("4", "2", "20.00", "9"),      # 12 + 8
    ("5", "1", "3.00", "10"),
]
HISTORIES_2 = [
    HISTORIES_1[0], HISTORIES_1[1],
    ("3", "2", "42.00", "12"),     # the stored order without amount, and 42.00 merged in
    HISTORIES_1[3], HISTORIES_1[4],
    ("6", "1", "9.99", "13"),      # a new customer: inserted
]

# cohort_grid: (cohort_start, period_offset, cohort_size, active), as of 2026-06-01. Cohorts
# by first order month: 2025-12 {4}, 2026-01 {1, 3}, 02 {2, 5}, and after the new orders
# 05 {6}; each cohort's rows run to the last month with an order (April, then May).
COHORTS_1 = [
    ("2025-12-01 00:00:00+00", "0", "1", "1"), ("2025-12-01 00:00:00+00", "1", "1", "0"),
    ("2025-12-01 00:00:00+00", "2", "1", "1"),   # 4 orders again in February
    ("2025-12-01 00:00:00+00", "3", "1", "0"), ("2025-12-01 00:00:00+00", "4", "1", "0"),
    ("2026-01-01 00:00:00+00", "0", "2", "2"),
    ("2026-01-01 00:00:00+00", "1", "2", "1"),   # February: 1
    ("2026-01-01 00:00:00+00", "2", "2", "0"),   # March: neither
    ("2026-01-01 00:00:00+00", "3", "2", "1"),   # April: 1
    ("2026-02-01 00:00:00+00", "0", "2", "2"),
    ("2026-02-01 00:00:00+00", "1", "2", "1"),   # March: 2
    ("2026-02-01 00:00:00+00", "2", "2", "0"),
]
COHORTS_2 = sorted(COHORTS_1 + [
    ("2025-12-01 00:00:00+00", "5", "1", "0"),
    ("2026-01-01 00:00:00+00", "4", "2", "1"),   # May: 3 comes back
    ("2026-02-01 00:00:00+00", "3", "2", "0"),
    ("2026-05-01 00:00:00+00", "0", "1", "1"),   # 6
])

# monthly_nps: (month, summary, nps, responses). NPS = (promoters 9-10 - detractors 0-6) /
# respondents x 100; the summary counts the answers at each score 0..10; NULL skipped.
NPS_1 = [
    # March: 10, 9 | 8, 7 | 0, 6 (and a NULL): (2 - 2) / 6 = 0.
    ("2026-03-01", "(version:1,counts:[1,0,0,0,0,0,1,1,1,1,1])", "0", "6"),
    # April: 10, 10, 9 | 3: (3 - 1) / 4 = 50.
    ("2026-04-01", "(version:1,counts:[0,0,0,1,0,0,0,0,0,1,2])", "50", "4"),
]
NPS_2 = [
    NPS_1[0],
    # April with a 0 more: (3 - 2) / 5 = 20.
    ("2026-04-01", "(version:1,counts:[1,0,0,1,0,0,0,0,0,1,2])", "20", "5"),
    # May: one 9: 100.
    ("2026-05-01", "(version:1,counts:[0,0,0,0,0,0,0,0,0,1,0])", "100", "1"),
]

QUERIES = {
    "monthly_retention": "SELECT period_start, customers_start, new_customers, retained, reactivated, churned, "
                         "customers_end, orders, revenue FROM analytics.monthly_retention ORDER BY period_start",
    "customer_histories": "SELECT customer_id, orders(h), revenue(h), last_order_id "
                          "FROM analytics.customer_histories ORDER BY customer_id",
    "cohort_grid": "SELECT cohort_start, period_offset, cohort_size, active FROM analytics.cohort_grid "
                   "ORDER BY cohort_start, period_offset",
    "monthly_nps": "SELECT month, summary, nps, responses FROM analytics.monthly_nps ORDER BY month",
}

failures = []


def check(ok, what):
    print(("  ok   " if ok else "FAIL   ") + what)
    if not ok:
        failures.append(what)


def dbt(args, work):
    """Run dbt in the project; returns its run_results.json."""
    env = dict(os.environ, DBT_PROFILES_DIR=PROJECT, DBT_PG_DATABASE=DB.name,
               DBT_TARGET_PATH=os.path.join(work, "target"), DBT_LOG_PATH=os.path.join(work, "logs"),
               DBT_SEND_ANONYMOUS_USAGE_STATS="false", DBT_VERSION_CHECK="false", DBT_USE_COLORS="false",
               DBT_PARTIAL_PARSE="false")
    run = subprocess.run([DBT, *args, "--project-dir", PROJECT], env=env, capture_output=True, text=True)
    shown = [line for line in run.stdout.splitlines() if " of " in line or "Done." in line or "ERROR" in line]
    print("\n".join("    " + line for line in shown))
    check(run.returncode == 0, f"dbt {' '.join(args)} exited {run.returncode}")
    if run.returncode != 0:
        print(run.stdout[-6000:] + run.stderr[-3000:])
        if "could not identify an equality operator" in run.stdout:
            print("    (dbt's unique test groups by the summary column: the summary types need `=` and "
                  "a default btree or hash operator class, issue 16 item 2)")
    with open(os.path.join(work, "target", "run_results.json"), encoding="utf-8") as f:
        return json.load(f)


def result(results, unique_id):
    return next((r for r in results["results"] if r["unique_id"] == unique_id), None)


def compare(model, want):
    got = [tuple(r.values()) for r in DB.rows(QUERIES[model])]
    check(got == [tuple(w) for w in want], f"{model}: {len(want)} rows as worked by hand")
    if got != [tuple(w) for w in want]:
        print(f"    want {want}\n    got  {got}")


def after_build(results, round_no):
    statuses = {r["unique_id"]: r["status"] for r in results["results"]}
    models = sorted(u for u in statuses if u.startswith("model."))
    tests = sorted(u for u in statuses if u.startswith("test."))
    check(len(models) == 4 and all(statuses[u] == "success" for u in models),
          f"build {round_no}: the 4 models built ({', '.join(u.split('.')[-1] for u in models)})")
    check(len(tests) == 9 and all(statuses[u] == "pass" for u in tests),
          f"build {round_no}: the 9 data tests passed")
    summary_test = [u for u in tests if u.startswith("test.pg_retention_shop.unique_monthly_nps_summary")]
    check(len(summary_test) == 1 and statuses[summary_test[0]] == "pass",
          f"build {round_no}: dbt's unique test on monthly_nps.summary (an nps_summary column) passed")
    histories = result(results, "model.pg_retention_shop.customer_histories")
    # The merge path's SQL (the model's comment names the function on both paths).
    merged = "customer_history_combine(stored.h, n.h)" in (histories or {}).get("compiled_code", "")
    check(merged == (round_no == 2),
          f"build {round_no}: customer_histories ran its {'incremental merge' if round_no == 2 else 'first, full'} path")


def main():
    print("dbt_check: the dbt project of tests/dbt, two builds with new orders between")
    DB.create()
    DB.values(open(os.path.join(PROJECT, "shop.sql"), encoding="utf-8").read())
    with tempfile.TemporaryDirectory(prefix="pg_retention-dbt.") as work:
        results = dbt(["build"], work)
        after_build(results, 1)
        compare("monthly_retention", RETENTION_1)
        compare("customer_histories", HISTORIES_1)
        compare("cohort_grid", COHORTS_1)
        compare("monthly_nps", NPS_1)
        kind = DB.one("SELECT relkind FROM pg_class WHERE oid = 'analytics.monthly_nps'::regclass")["relkind"]
        check(kind == "m", "monthly_nps is a materialized view")

        DB.values(open(os.path.join(PROJECT, "new_orders.sql"), encoding="utf-8").read())
        results = dbt(["build"], work)
        after_build(results, 2)
        compare("monthly_retention", RETENTION_2)
        compare("customer_histories", HISTORIES_2)
        compare("cohort_grid", COHORTS_2)
        compare("monthly_nps", NPS_2)
        # Third witness: every merged history equals the history aggregated from all raw orders.
        differ = DB.one(
            "SELECT count(*) AS n FROM analytics.customer_histories s FULL JOIN "
            "(SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM shop.orders "
            " WHERE customer_id IS NOT NULL GROUP BY customer_id) r USING (customer_id) "
            "WHERE s.h::text IS DISTINCT FROM r.h::text")["n"]
        check(differ == "0", "every stored history equals customer_history_agg over all raw orders")

        # `dbt test` alone, as a scheduled job would run it after the builds.
        results = dbt(["test", "--select", "monthly_nps"], work)
        tests = [r for r in results["results"] if r["unique_id"].startswith("test.")]
        check(len(tests) == 4 and all(r["status"] == "pass" for r in tests),
              "dbt test --select monthly_nps: unique and not_null on month and summary passed")
    print(f"dbt_check: {'FAILED' if failures else 'passed'}")
    return DB.drop_unless(bool(failures))


if __name__ == "__main__":
    sys.exit(main())
