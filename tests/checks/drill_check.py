#!/usr/bin/env python3
"""Check on CDNOW that the drill-down functions list exactly the customers behind the
summaries' numbers.

Witnesses:
  summaries   periods(period_series_agg(h, granularity, zone)) and
              cohort_table(cohort_agg(h, ...)) / cohort_table(recurring_cohort_agg(h, ...)).
  per customer customer_status(h, granularity, period, zone) and customer_periods(h, ...)
              counted by status per period; cohort_cell_status(h, ...) and
              customer_cohort_cells / customer_recurring_cohort_cells counted per cell.
The figures must be equal (counts, exactly) in every period and every cell: new, retained,
reactivated and churned of periods(); cohort_size, active and active_on_or_after of
cohort_table(). A period or cell no customer is counted in holds 0 on the summary's side.
Both sides are keyed by the local date columns (periods()' date; cohort_table()'s
cohort_date and date), as a BI tool joins a customer's rows to a read-out, and the scalar
forms are named the period or cohort by those dates.

Runs inside `scripts/cluster.sh` (tests/sql_tier.sh) with pg_retention installed:

    .venv/bin/python tests/checks/drill_check.py

CDNOW (cdnow_check.prepare: 69,659 orders of 23,570 customers, every order at midnight UTC)
is loaded by cdnow_check.load (into its database, pg_retention_cdnow). Calendars: month and week in UTC, and month
in America/New_York, where every order falls into the local previous day (19:00 or 20:00),
so that some months change; cohorts by month in UTC, first-time and recurring. The set-returning
forms are compared in every period and cell; the scalar ones (one call per customer and
period or cell) in every fourth period or cell and the last, in the New York months and the
first-time grid.

Prints one line per compared column and exits 1 on any failure.
"""
import os
import sys
import tempfile
import time

from common import REFERENCE_DIR

sys.path.insert(0, REFERENCE_DIR)
import cdnow_check  # noqa: E402  (prepare, Report)
from cdnow_check import Report  # noqa: E402

# CDNOW loaded as cdnow_check loads it (tables orders and histories), in its database.
DB = cdnow_check.DB
# (granularity, zone or kind, whether the scalar function is checked too, in sampled
# periods or cells).
SERIES = [("month", "UTC", False), ("week", "UTC", False), ("month", "America/New_York", True)]
COHORTS = [("month", "first-time", True), ("month", "recurring", False)]
STATUSES = ["new", "retained", "reactivated", "churned"]


def q(s):
    return "'" + s.replace("'", "''") + "'"


def sample(keys):
    """Every fourth key and the last: the scalar forms take one call per customer and key
    (23,570 each), too slow in a debug build for every key; the set-returning forms, which
    give the same statuses (unit tests), are compared on every key."""
    return keys[::4] + ([keys[-1]] if (len(keys) - 1) % 4 else [])


def array(values):
    return "ARRAY[%s]" % ", ".join(q(str(v)) for v in values)


def compare(rep, name, left, right, columns):
    """Rows keyed by their first column(s), compared column by column; a key missing on one
    side counts 0 there (checked as such)."""
    keys = sorted(set(left) | set(right))
    zero = tuple("0" for _ in columns)
    for i, col in enumerate(columns):
        bad = [k for k in keys if left.get(k, zero)[i] != right.get(k, zero)[i]]
        total = sum(int(left.get(k, zero)[i]) for k in keys)
        rep.result("%s %s" % (name, col), not bad and len(keys) > 0,
                   "%d keys, sum %d" % (len(keys), total),
                   "differ at %s" % (bad[:3],) if bad else "equal")


def check_series(rep, g, z, scalar):
    series = "(SELECT period_series_agg(h, %s, %s) FROM histories)" % (q(g), q(z))
    summary = {(r["date"],): tuple(r[c] for c in ["new_customers", "retained", "reactivated", "churned"])
               for r in DB.rows("SELECT date, new_customers, retained, reactivated, churned "
                                "FROM periods(%s)" % series)}
    counts = ", ".join("count(*) FILTER (WHERE status = %s) AS %s" % (q(s), s) for s in STATUSES)
    name = "%s %s:" % (g, z)
    # customer_periods, one call per customer; its rows past the series' last period (the
    # churn after the last order) are no row of periods().
    lateral = {(r["date"],): tuple(r[s] for s in STATUSES) for r in DB.rows("""
SELECT date, %s
FROM histories, LATERAL customer_periods(h, %s, %s)
WHERE date <= (SELECT max(date) FROM periods(%s))
GROUP BY 1""" % (counts, q(g), q(z), series))}
    compare(rep, name + " customer_periods vs periods()", lateral, summary, STATUSES)
    if not scalar:
        return
    # customer_status for every customer in sampled periods of the series (one call each),
    # the period named by periods()' date (its local first day in the series' zone); every
    # customer has one of the five statuses, the inactive ones being the rest.
    picked = sample(sorted(summary))
    rows = DB.rows("""
SELECT p.date, %s, count(*) FILTER (WHERE status = 'inactive') AS inactive, count(*) AS customers
FROM periods(%s) p CROSS JOIN histories c,
     LATERAL (SELECT customer_status(c.h, %s, p.date, %s) AS status) s
WHERE p.date = ANY (%s::date[])
GROUP BY 1""" % (counts, series, q(g), q(z), array(k[0] for k in picked)))
    compare(rep, name + " customer_status vs periods() (%d periods)" % len(picked),
            {(r["date"],): tuple(r[s] for s in STATUSES) for r in rows},
            {k: summary[k] for k in picked}, STATUSES)
    other = [r["date"] for r in rows
             if sum(int(r[s]) for s in STATUSES + ["inactive"]) != int(r["customers"])]
    rep.result(name + " customer_status: one of the five", not other,
               "%d calls" % sum(int(r["customers"]) for r in rows), "other at %s" % other[:3] if other else "none other")


def check_cohorts(rep, g, kind, scalar):
    agg = "cohort_agg" if kind == "first-time" else "recurring_cohort_agg"
    cells_fn = "customer_cohort_cells" if kind == "first-time" else "customer_recurring_cohort_cells"
    grid = "(SELECT %s(h, %s, 'UTC') FROM histories)" % (agg, q(g))
    cols = ["cohort_size", "active", "active_on_or_after"]
    table = DB.rows("SELECT cohort_date, date, period_offset, %s FROM cohort_table(%s)"
                    % (", ".join(cols), grid))
    summary = {(r["cohort_date"], r["date"]): tuple(r[c] for c in cols) for r in table}
    offset = {(r["cohort_date"], r["date"]): r["period_offset"] for r in table}
    # Each customer's cells, counted per cell; a member has a row at every offset from 0 to
    # its last order, so a cohort's size is its count at offset 0. A cell of the customers'
    # that cohort_table() lacks is a key of one side only, and fails the comparison.
    counted = DB.rows("""
SELECT cohort_date, date, period_offset, count(*) AS members,
       count(*) FILTER (WHERE active) AS active, count(*) FILTER (WHERE active_on_or_after) AS active_on_or_after
FROM histories, LATERAL %s(h, %s, 'UTC') GROUP BY 1, 2, 3""" % (cells_fn, q(g)))
    size = {r["cohort_date"]: r["members"] for r in counted if r["period_offset"] == "0"}
    lateral = {(r["cohort_date"], r["date"]): (size.get(r["cohort_date"], "0"), r["active"],
                                               r["active_on_or_after"]) for r in counted}
    for key in summary:
        lateral.setdefault(key, (size.get(key[0], "0"), "0", "0"))
    name = "%s %s cohorts:" % (g, kind)
    compare(rep, name + " %s vs cohort_table()" % cells_fn, lateral, summary, cols)
    if not scalar:
        return
    # cohort_cell_status for every customer in sampled cells of the first-time grid.
    picked = sample(sorted(summary))
    status = {(r["cohort_date"], r["date"]): tuple(r[c] for c in cols) for r in DB.rows("""
SELECT t.cohort_date, t.date,
       count(*) FILTER (WHERE s.status <> 'not_in_cohort') AS cohort_size,
       count(*) FILTER (WHERE s.status = 'active') AS active,
       count(*) FILTER (WHERE s.status IN ('active', 'returns_later')) AS active_on_or_after
FROM unnest(%s::date[], %s::date[], %s::integer[]) t(cohort_date, date, period_offset) CROSS JOIN histories c,
     LATERAL (SELECT cohort_cell_status(c.h, %s, t.cohort_date, t.period_offset, 'UTC') AS status) s
GROUP BY 1, 2""" % (array(k[0] for k in picked), array(k[1] for k in picked),
                    array(offset[k] for k in picked), q(g)))}
    compare(rep, name + " cohort_cell_status vs cohort_table() (%d cells)" % len(picked), status,
            {k: summary[k] for k in picked}, cols)


def main():
    sys.stdout.reconfigure(line_buffering=True)
    started = time.time()
    rep = Report(started)
    with tempfile.TemporaryDirectory(prefix="pg_retention-drill.") as tmp:
        paths, _ = cdnow_check.prepare(tmp)
        cdnow_check.load(paths)
    n = DB.one("SELECT count(*) AS n, count(DISTINCT customer_id) AS c FROM orders")
    print("\nloaded CDNOW into database %s: %s orders, %s customers, %.1f s"
          % (DB, n["n"], n["c"], time.time() - started))
    if int(n["n"]) != cdnow_check.CDNOW_ORDERS:
        raise RuntimeError("loaded %s orders, expected %d" % (n["n"], cdnow_check.CDNOW_ORDERS))
    for g, z, scalar in SERIES:
        rep.section("period statuses, %s in %s" % (g, z))
        check_series(rep, g, z, scalar)
    for g, kind, scalar in COHORTS:
        rep.section("cohort cells, %s %s (UTC)" % (g, kind))
        check_cohorts(rep, g, kind, scalar)
    print("\ndrill check: %d comparisons, %d failed, %.1f s"
          % (rep.checks, len(rep.failures), time.time() - started))
    if rep.failures:
        print("FAILED: " + ", ".join(rep.failures))
    return DB.drop_unless(rep.failures)


if __name__ == "__main__":
    sys.exit(main())
