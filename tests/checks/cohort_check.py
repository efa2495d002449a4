#!/usr/bin/env python3
"""Check the cohort tables of pg_retention on CDNOW and on small fixtures.

Witnesses of each figure:
  extension  cohort_agg / recurring_cohort_agg over customer histories (two levels, with
             brackets), read with cohort_table(), retention_curve() and bracket_retention();
             the one-step forms (customer_id, order rows) must give the same summary text.
  reference  tests/reference/cohort_reference.py (pandas), on its own command line for
             CDNOW and in-process for the fixtures of tests/reference/test_cohort_reference.py.
  plain SQL  the "on" grid (first order's month, join, count(DISTINCT)), orders, revenue,
             "on or after" and the recurring grid, recomputed with ordinary SQL.
And the properties of the summaries: a rollup of the summaries of three groups of customers
(customer_id % 3) equals the summary of all; a partial parallel plan equals the serial one.

Acquisition cohorts, acquisition_cohort_agg(h, signed_up_at, 'month' [, zone]) over the
table acquired = signups LEFT JOIN histories:
  data       sign-ups drawn with a fixed seed (ACQ_SEED) for every CDNOW customer and for 60
             extra customers whose orders fall at any microsecond (some at one instant, some
             at a month start), half of them without an amount; plus 600 customers who signed
             up and never ordered (a NULL history). 2 % of the sign-ups are NULL (the row is
             skipped). A sign-up is before the first order, equal to one of the customer's
             order times (that order counts), between two orders, after the last one (its
             cohort may lie after the data), an order's time +- 1 us, or at a month start in
             UTC or New York +- 0, 1 us or an hour.
  extension  cohort_table() and both retention_curve() modes, month granularity, zones
             'UTC' and 'America/New_York', as of 1998-04-01; every column, compared as above.
  reference  acquisition_reference() here: pandas written from the rule, sharing only the
             Wilson interval, the decimal contexts and retention_curve() (over the rows) with
             cohort_reference.py. A customer is in the cohort of its sign-up's month and
             active there; its orders at or after the sign-up count as in cohort_agg, the
             earlier ones not at all; its last active month is its last counted order's, or
             its cohort's. The grid ends at the last month in which anybody is active.
And: the form without a zone (the session's, UTC) = zone 'UTC'; combine() of the summaries
of parts (customer_id % 3; h IS NULL; sign-up before the first order) = the whole (text);
acquisition_cohort_agg(h, first_order_at(h), g [, zone]) = cohort_agg(h, g [, zone]) (both
operator = and text) for month, week and quarter, UTC and New York, over the histories and
over acquired (NULL histories skipped by both); a partial parallel plan = the serial one.

Runs inside `scripts/cluster.sh` (tests/sql_tier.sh; PGHOST, PGPORT, PGUSER set) with
pg_retention installed, using the Python of .venv (pandas):

    .venv/bin/python tests/checks/cohort_check.py

CDNOW (see cdnow_check.py: its loading helpers are reused) is loaded into the database
pg_retention_cohort with TimeZone = 'UTC': every order at midnight UTC. Configurations:
month and week granularity, UTC, first-time and recurring cohorts, brackets
[1, 2, 4, 7, 13], as of 1998-04-01 (so the last three months of data are not matured),
both curve modes.

Comparisons: counts and booleans exactly; money exactly as decimal.Decimal (the extension
shows sums at the display scale of the inputs); cumulative_revenue_per_customer (numeric
division) within a relative 1e-15 of the reference's 50-digit quotient; rates (retention,
Wilson bounds, revenue_retention) within a relative 1e-12, with an absolute floor of 1e-15
so that a bound the reference computes as 0 may be 1e-17 in the extension; timestamps
exactly (microseconds since the epoch).

A cohort none of whose orders up to a period has an amount has an unknown cumulative
revenue: NULL in both, as SQL's sum() of no amounts. CDNOW has an amount on every order,
so only the fixtures reach this case, and the acquisition cohorts: a cell whose active
customers are there by their sign-up alone, or have only orders without an amount.

Prints one line per compared column (or per text comparison) and exits 1 on any failure.
"""
import bisect
import csv
import datetime
import io
import json
import os
import random
import sys
import tempfile
import time
from decimal import Decimal

import pandas as pd

from common import REFERENCE_DIR, Database

sys.path.insert(0, REFERENCE_DIR)
import cdnow_check  # noqa: E402  (Report, prepare, the references, comparisons)
import cohort_reference  # noqa: E402
import test_cohort_reference as fixtures  # noqa: E402
from cdnow_check import Report, close, micros_of_epoch, micros_of_iso, same_money  # noqa: E402

# The JSON of a CDNOW cohort table is one field of psql's CSV output, larger than the csv
# module's default limit of 128 kB.
csv.field_size_limit(1 << 30)

DB = Database("pg_retention_cohort")
REFERENCE = os.path.join(REFERENCE_DIR, "cohort_reference.py")
AS_OF = "1998-04-01"
BRACKETS = [1, 2, 4, 7, 13]
CONFIGS = [(g, k) for g in ("month", "week") for k in ("first-time", "recurring")]
AGG = {"first-time": "cohort_agg", "recurring": "recurring_cohort_agg"}
QUOTIENT_REL = Decimal("1e-15")
RATE_FLOOR = 1e-15
REPORTED: list = []


# ---------------------------------------------------------------- comparing rows

def rate_close(e, r):
    if e is None or r is None:
        return e is None and r is None
    return close(e, r, RATE_FLOOR)


def quotient_close(e, r, row):
    """cumulative_revenue_per_customer: numeric division against a 50-digit quotient."""
    if e is None or r is None:
        return e is None and r is None
    e, r = Decimal(e), Decimal(r)
    return abs(e - r) <= QUOTIENT_REL * abs(r) if r != 0 else e == 0


SAME = {
    "count": lambda e, r, row: e is not None and r is not None and e == int(e) and int(e) == int(r),
    "money": lambda e, r, row: same_money(e, r),
    "rate": lambda e, r, row: rate_close(e, r),
    "micros": lambda e, r, row: e is not None and micros_of_epoch(e) == micros_of_iso(r),
    "bool": lambda e, r, row: isinstance(e, bool) and e == r,
    "quotient": quotient_close,
}

TABLE_SPEC = [("cohort_start", "micros"), ("period_offset", "count"), ("period_start", "micros"),
              ("period_end", "micros"), ("cohort_size", "count"), ("active", "count"),
              ("retention", "rate"), ("retention_lower", "rate"), ("retention_upper", "rate"),
              ("active_on_or_after", "count"), ("retention_on_or_after", "rate"),
              ("orders", "count"), ("revenue", "money"), ("revenue_retention", "rate"),
              ("cumulative_revenue_per_customer", "quotient"), ("matured", "bool")]
CURVE_SPEC = [("period_offset", "count"), ("cohorts", "count"), ("customers", "count"),
              ("active", "count"), ("retention", "rate"), ("retention_lower", "rate"),
              ("retention_upper", "rate")]
BRACKET_SPEC = [("cohort_start", "micros"), ("bracket", "count"), ("from_offset", "count"),
                ("to_offset", "count"), ("cohort_size", "count"), ("active", "count"),
                ("retention", "rate"), ("retention_lower", "rate"), ("retention_upper", "rate")]
EPOCH_COLUMNS = ("cohort_start", "period_start", "period_end")


def select_list(spec):
    """The columns of a spec, timestamps as extract(epoch ...)."""
    return ", ".join("extract(epoch FROM %s) AS %s" % (c, c) if c in EPOCH_COLUMNS else c
                     for c, _ in spec)


def row_label(row):
    parts = []
    if "cohort_start" in row:
        parts.append((row["cohort_start"] or "")[:10])
    for k in ("period_offset", "bracket"):
        if k in row:
            parts.append("%s %s" % (k, row[k]))
    return " ".join(parts)


def compare_rows(rep, title, ext_rows, ref_rows, spec):
    """Every row and column: one report line per column (first..last values), the rows that
    differ below it. The rows must come in the same order (cohort, offset or bracket)."""
    if len(ext_rows) != len(ref_rows):
        rep.result("%s: number of rows" % title, False, len(ext_rows), len(ref_rows))
        return
    for c, kind in spec:
        bad = [(i, e[c], r[c]) for i, (e, r) in enumerate(zip(ext_rows, ref_rows))
               if not SAME[kind](e[c], r[c], r)]
        ends = "%s..%s" % (cdnow_check.short(ref_rows[0][c], 12), cdnow_check.short(ref_rows[-1][c], 12)) \
            if ref_rows else "-"
        rep.result("%s %s" % (title, c), not bad, "%d rows" % len(ext_rows), ends, kind)
        for i, e, r in bad[:5]:
            print("    %s: extension %s, reference %s" % (row_label(ref_rows[i]), e, r))
        if len(bad) > 5:
            print("    ... %d rows differ" % len(bad))


def json_rows(sql):
    """Rows given as a json_agg: numbers as Decimal (money stays exact), NULL as None."""
    return json.loads(sql, parse_float=Decimal) if sql is not None else []


def ext_readers(summary_sql, as_of, with_brackets, confidence=0.95):
    """cohort_table, both curves and bracket_retention of one summary, in one query."""
    part = "(SELECT json_agg(t ORDER BY %s) FROM (SELECT %s FROM %s) t) AS %s"
    s = "(SELECT s FROM (%s) x(s))" % summary_sql
    cols = [part % ("cohort_start, period_offset", select_list(TABLE_SPEC),
                    "cohort_table(%s, '%s', %s)" % (s, as_of, confidence), "tab"),
            part % ("period_offset", select_list(CURVE_SPEC),
                    "retention_curve(%s, 'on', '%s', %s)" % (s, as_of, confidence), "curve_on"),
            part % ("period_offset", select_list(CURVE_SPEC),
                    "retention_curve(%s, 'on or after', '%s', %s)" % (s, as_of, confidence),
                    "curve_on_or_after")]
    if with_brackets:
        cols.append(part % ("cohort_start, bracket", select_list(BRACKET_SPEC),
                            "bracket_retention(%s, %s)" % (s, confidence), "brackets"))
    r = DB.one("SELECT " + ",\n       ".join(cols))
    return {k: json_rows(v) for k, v in r.items()}


def compare_all(rep, label, summary_sql, ref, as_of, with_brackets):
    """cohort_table, both curves and (when built with brackets) bracket_retention of one
    summary against the reference's JSON of the same configuration."""
    ext = ext_readers(summary_sql, as_of, with_brackets)
    compare_rows(rep, label + " table", ext["tab"], ref["table"], TABLE_SPEC)
    compare_rows(rep, label + " curve 'on'", ext["curve_on"], ref["curve_on"], CURVE_SPEC)
    compare_rows(rep, label + " curve 'on or after'", ext["curve_on_or_after"],
                 ref["curve_on_or_after"], CURVE_SPEC)
    if with_brackets:
        compare_rows(rep, label + " brackets", ext["brackets"], ref["bracket_retention"],
                     BRACKET_SPEC)


# ---------------------------------------------------------------- CDNOW

def variants():
    """name -> (table, aggregate call) of every summary the checks read, built once,
    serially, when the data is loaded. hist: over the histories; one: one step over the
    orders; br: with brackets; session: without a zone argument (the session's TimeZone,
    UTC; monthly only, to save time)."""
    br = "'{%s}'" % ",".join(map(str, BRACKETS))
    v = {}
    for g, k in CONFIGS:
        agg = AGG[k]
        v["hist br %s %s" % (g, k)] = ("histories", "%s(h, '%s', 'UTC', %s)" % (agg, g, br))
        v["hist %s %s" % (g, k)] = ("histories", "%s(h, '%s', 'UTC')" % (agg, g))
        v["one %s %s" % (g, k)] = ("orders", "%s(customer_id, ordered_at, amount, '%s', 'UTC')" % (agg, g))
        if g == "month":
            v["hist session %s %s" % (g, k)] = ("histories", "%s(h, '%s')" % (agg, g))
            v["one session %s %s" % (g, k)] = ("orders", "%s(customer_id, ordered_at, amount, '%s')"
                                               % (agg, g))
    return v


def load(orders_csv):
    """A fresh database: CDNOW's orders, the extension, the histories, and the table
    summaries(name, s) of every variant(), computed by serial plans."""
    DB.create(extension=False)
    selects = []
    for table in ("histories", "orders"):
        names = [(n, call) for n, (t, call) in variants().items() if t == table]
        selects.append("SELECT unnest(ARRAY[%s]) AS name, unnest(ARRAY[%s]) AS s FROM %s" % (
            ", ".join(quote(n) for n, _ in names), ", ".join(c for _, c in names), table))
    DB.rows("""
CREATE TABLE orders (customer_id integer NOT NULL, ordered_at timestamptz NOT NULL, amount numeric(10,2));
CREATE TEMP TABLE cdnow (customer_id integer, ordered_at date, amount numeric(10,2), items integer);
\\copy cdnow FROM '%s' WITH (FORMAT csv, HEADER true)
INSERT INTO orders SELECT customer_id, ordered_at::timestamptz, amount FROM cdnow;
CREATE EXTENSION pg_retention;
CREATE TABLE histories AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM orders GROUP BY customer_id;
ANALYZE;
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE summaries AS %s;
""" % (orders_csv, " UNION ALL ".join(selects)), single_transaction=True)


def summary_of(name):
    return "SELECT s FROM summaries WHERE name = %s" % quote(name)


def texts(names):
    rows = DB.rows("SELECT name, s::text AS s FROM summaries WHERE name IN (%s)"
                   % ", ".join(quote(n) for n in names))
    return {r["name"]: r["s"] for r in rows}


def check_cdnow_reference(rep, refs):
    for g, k in CONFIGS:
        rep.section("CDNOW %s %s cohorts (UTC, as of %s, brackets %s) vs the pandas reference"
                    % (g, k, AS_OF, BRACKETS))
        compare_all(rep, "%s/%s" % (g, k), summary_of("hist br %s %s" % (g, k)), refs[(g, k)], AS_OF, True)
    # Another confidence: the reference's Wilson interval on the counts.
    g, k = CONFIGS[0]
    rep.section("confidence 0.9 (%s %s): intervals against wilson_interval(.., 0.9)" % (g, k))
    ext = ext_readers(summary_of("hist br %s %s" % (g, k)), AS_OF, True, 0.9)
    for key, ref_key, size in (("tab", "table", "cohort_size"), ("curve_on", "curve_on", "customers"),
                               ("curve_on_or_after", "curve_on_or_after", "customers"),
                               ("brackets", "bracket_retention", "cohort_size")):
        ref = [dict(r) for r in refs[(g, k)][ref_key]]
        for r in ref:
            r["retention_lower"], r["retention_upper"] = cohort_reference.wilson_interval(
                r["active"], r[size], 0.9)
        compare_rows(rep, "%s/%s %s (0.9)" % (g, k, key), ext[key], ref,
                     [("retention_lower", "rate"), ("retention_upper", "rate")])


def check_paths(rep):
    """One step (customer_id, order rows) against two levels (histories): identical text."""
    rep.section("one step (customer_id, order rows) vs two levels (histories): text forms")
    v = variants()
    t = texts(v)
    for name in v:
        if name.startswith("one "):
            other = "hist " + name[4:]
            rep.text("%s = %s" % (v[name][1], v[other][1]), t[name], t[other])
    # The grid of a summary with brackets is that of the summary without them.
    for g, k in CONFIGS:
        d = DB.one("""
SELECT count(*) AS n FROM (
  (SELECT * FROM cohort_table((%(a)s), '%(as_of)s') EXCEPT ALL SELECT * FROM cohort_table((%(b)s), '%(as_of)s'))
  UNION ALL
  (SELECT * FROM cohort_table((%(b)s), '%(as_of)s') EXCEPT ALL SELECT * FROM cohort_table((%(a)s), '%(as_of)s'))) x"""
                   % {"a": summary_of("hist br %s %s" % (g, k)), "b": summary_of("hist %s %s" % (g, k)),
                      "as_of": AS_OF})
        rep.exact("%s/%s: cohort_table with brackets = without (rows differing)" % (g, k), d["n"], "0")


def check_rollup(rep):
    """Summaries of the customers split by customer_id % 3, rolled up, equal the whole."""
    rep.section("rollup of the summaries of customer_id % 3 = the summary of all (text)")
    v = variants()
    names = [n for n in v if "session" not in n]
    parts = DB.one("SELECT " + ", ".join(
        "(SELECT rollup(s)::text FROM (SELECT %s AS s FROM %s GROUP BY customer_id %% 3) t) AS a%d"
        % (v[n][1], v[n][0], i) for i, n in enumerate(names)))
    whole = texts(names)
    for i, n in enumerate(names):
        rep.text("rollup(%s GROUP BY customer_id %% 3) = whole" % v[n][1], parts["a%d" % i], whole[n])


PARALLEL = """SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
"""


def check_parallel(rep):
    """A partial aggregate plan (two workers) gives the serial result, for the histories
    (cohort_summary combine) and the one-step forms (serialized order log). The query runs
    once, as EXPLAIN ANALYZE CREATE TABLE AS: the plan and the result of the same run."""
    rep.section("partial parallel plans = serial plans (text)")
    v = variants()
    names = [n for n in v if "session" not in n]
    whole = texts(names)
    for n in names:
        table, call = v[n]
        rep.text("%s: parallel = serial" % call, parallel_text(rep, call, table), whole[n])
    DB.rows("DROP TABLE parallel_result;")


def parallel_text(rep, call, table):
    """The text of `call` over `table` in a partial aggregate plan with workers launched
    (a result line), left in the table parallel_result."""
    plan = "\n".join(r["QUERY PLAN"] for r in DB.rows(
        PARALLEL + "DROP TABLE IF EXISTS parallel_result; "
        "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
        "CREATE TABLE parallel_result AS SELECT %s AS s FROM %s" % (call, table)))
    partial = "Partial Aggregate" in plan
    launched = [int(l.split(":")[1]) for l in plan.splitlines() if "Workers Launched" in l]
    ok = partial and bool(launched) and launched[0] > 0
    rep.result("%s: Partial Aggregate, workers" % call, ok,
               "partial" if partial else "no partial", "launched %s" % launched)
    if not ok:
        print(plan)
    return DB.one("SELECT s::text FROM parallel_result")["s"]


def check_plain_sql(rep, refs):
    """The grids recomputed with ordinary SQL, against the extension."""
    rep.section("plain SQL witness (date_trunc, first order, join, count(DISTINCT))")
    for g in ("month", "week"):
        # First-time: per cohort and period with an order, the active customers, their
        # orders and revenue; the cohort sizes.
        plain = DB.rows("""
WITH o AS (SELECT customer_id, amount, date_trunc('%(g)s', ordered_at, 'UTC') AS p FROM orders),
f AS (SELECT customer_id, min(p) AS c FROM o GROUP BY 1),
sizes AS (SELECT c, count(*) AS size FROM f GROUP BY 1)
SELECT extract(epoch FROM f.c) AS c, extract(epoch FROM o.p) AS p, size,
       count(DISTINCT o.customer_id) AS active, count(*) AS orders, sum(amount) AS revenue
FROM o JOIN f USING (customer_id) JOIN sizes USING (c)
GROUP BY f.c, o.p, size ORDER BY 1, 2""" % {"g": g})
        ext = [r for r in DB.rows("""
SELECT extract(epoch FROM cohort_start) AS c, extract(epoch FROM period_start) AS p,
       cohort_size AS size, active, orders, revenue
FROM cohort_table((%s), '%s') ORDER BY 1, 2""" % (summary_of("hist br %s first-time" % g), AS_OF))
               if int(r["active"]) > 0]
        check_cells(rep, "%s/first-time" % g, ext, plain, ("size", "active", "orders", "revenue"))
        # Recurring: every (customer, period) with an order is a membership of the cohort
        # of that period; the customer is active in each later period it orders in.
        plain = DB.rows("""
WITH o AS (SELECT customer_id, amount, date_trunc('%(g)s', ordered_at, 'UTC') AS p FROM orders),
m AS (SELECT DISTINCT customer_id, p AS c FROM o),
sizes AS (SELECT c, count(*) AS size FROM m GROUP BY 1)
SELECT extract(epoch FROM m.c) AS c, extract(epoch FROM o.p) AS p, size,
       count(DISTINCT o.customer_id) AS active, count(*) AS orders, sum(amount) AS revenue
FROM m JOIN o ON o.customer_id = m.customer_id AND o.p >= m.c JOIN sizes USING (c)
GROUP BY m.c, o.p, size ORDER BY 1, 2""" % {"g": g})
        ext = [r for r in DB.rows("""
SELECT extract(epoch FROM cohort_start) AS c, extract(epoch FROM period_start) AS p,
       cohort_size AS size, active, orders, revenue
FROM cohort_table((%s), '%s') ORDER BY 1, 2""" % (summary_of("hist br %s recurring" % g), AS_OF))
               if int(r["active"]) > 0]
        check_cells(rep, "%s/recurring" % g, ext, plain, ("size", "active", "orders", "revenue"))
    # "On or after" for monthly first-time cohorts: members whose last order's month is p
    # or later, over every month from the cohort's to the last one.
    plain = DB.rows("""
WITH o AS (SELECT customer_id, date_trunc('month', ordered_at, 'UTC') AS p FROM orders),
f AS (SELECT customer_id, min(p) AS c, max(p) AS l FROM o GROUP BY 1),
months AS (SELECT generate_series(min(p), max(p), interval '1 month') AS p FROM o)
SELECT extract(epoch FROM c) AS c, extract(epoch FROM months.p) AS p,
       count(*) FILTER (WHERE l >= months.p) AS active_on_or_after
FROM f JOIN months ON months.p >= f.c GROUP BY c, months.p ORDER BY 1, 2""")
    ext = DB.rows("""
SELECT extract(epoch FROM cohort_start) AS c, extract(epoch FROM period_start) AS p, active_on_or_after
FROM cohort_table((%s), '%s') ORDER BY 1, 2""" % (summary_of("hist br month first-time"), AS_OF))
    check_cells(rep, "month/first-time", ext, plain, ("active_on_or_after",))
    # Monthly first-time brackets: months since the cohort's month from the calendar fields.
    bounds = "ARRAY[%s]" % ",".join(map(str, BRACKETS))
    plain = DB.rows("""
WITH o AS (SELECT customer_id, date_trunc('month', ordered_at, 'UTC') AS p FROM orders),
f AS (SELECT customer_id, min(p) AS c FROM o GROUP BY 1),
sizes AS (SELECT c, count(*) AS size FROM f GROUP BY 1),
b AS (SELECT j, (%(b)s)[j] AS lo, (%(b)s)[j + 1] AS hi FROM generate_series(1, %(n)d) j),
off AS (SELECT DISTINCT o.customer_id, f.c,
               (extract(year FROM o.p) - extract(year FROM f.c)) * 12
               + extract(month FROM o.p) - extract(month FROM f.c) AS n
        FROM o JOIN f USING (customer_id))
SELECT extract(epoch FROM sizes.c) AS c, b.j AS p, size,
       count(DISTINCT off.customer_id) FILTER (WHERE off.n >= b.lo AND off.n < b.hi) AS active
FROM sizes CROSS JOIN b LEFT JOIN off ON off.c = sizes.c
GROUP BY sizes.c, b.j, size ORDER BY 1, 2""" % {"b": bounds, "n": len(BRACKETS) - 1})
    ext = DB.rows("""
SELECT extract(epoch FROM cohort_start) AS c, bracket AS p, cohort_size AS size, active
FROM bracket_retention((%s)) ORDER BY 1, 2""" % summary_of("hist br month first-time"))
    check_cells(rep, "month/first-time brackets", ext, plain, ("size", "active"))


def check_cells(rep, label, ext, plain, columns):
    # (cohort start, period start) as microseconds; a bracket number goes through unchanged
    # in value.
    same_keys = [(micros_of_epoch(e["c"]), micros_of_epoch(e["p"])) for e in ext] == \
                [(micros_of_epoch(r["c"]), micros_of_epoch(r["p"])) for r in plain]
    rep.result("%s: cells (cohort, period) with data" % label, same_keys, "%d" % len(ext), "%d" % len(plain))
    if not same_keys:
        return
    for c in columns:
        bad = [(e, r) for e, r in zip(ext, plain)
               if not (same_money(e[c], r[c]) if c == "revenue" else e[c] == r[c])]
        rep.result("%s: %s" % (label, c), not bad, "%d cells" % len(ext), "%d cells" % len(plain),
                   "plain SQL")
        for e, r in bad[:5]:
            print("    cohort %s period %s: extension %s, plain SQL %s" % (e["c"], e["p"], e[c], r[c]))


# ---------------------------------------------------------------- fixtures

FIXTURE_RUNS = [
    # (label, fixture text, granularity, zone, as_of, brackets)
    ("hand fixture, month", fixtures.FIXTURE, "month", "UTC", fixtures.AS_OF, [1, 2, 4]),
    ("hand fixture, month, matured boundary", fixtures.FIXTURE, "month", "UTC",
     "2024-04-01T00:00:00Z", [2, 3]),
    ("hand fixture, quarter", fixtures.FIXTURE, "quarter", "UTC", fixtures.AS_OF, [1, 2]),
    ("hand fixture, day", fixtures.FIXTURE, "day", "UTC", fixtures.AS_OF, [1, 7, 30, 60]),
    ("money edges, month", fixtures.MONEY, "month", "UTC", "2030-01-01", [1, 2, 3]),
    ("week boundaries, UTC", fixtures.BOUNDS, "week", "UTC", "2030-01-01", [1, 2]),
    ("week boundaries, New York", fixtures.BOUNDS, "week", "America/New_York", "2030-01-01", [1, 2]),
    ("hand fixture, month, New York", fixtures.FIXTURE, "month", "America/New_York", fixtures.AS_OF,
     [1, 2, 4]),
]


def check_fixtures(rep):
    """The reference's hand-worked fixtures in the extension, both kinds, both paths."""
    for n, (label, text, g, zone, as_of, brackets) in enumerate(FIXTURE_RUNS):
        rep.section("fixture: %s (%s, as of %s, brackets %s)" % (label, zone, as_of, brackets))
        rows = list(csv.DictReader(io.StringIO(text)))
        values = ", ".join("(%s, %s::timestamptz, %s::numeric)" % (
            quote(r["customer_id"]), quote(r["ordered_at"]),
            "NULL" if r["amount"].strip() == "" else quote(r["amount"])) for r in rows)
        table = "fixture_%d" % n
        DB.rows("DROP TABLE IF EXISTS %(t)s, %(t)s_h; "
                "CREATE TABLE %(t)s (customer_id text, ordered_at timestamptz, amount numeric); "
                "INSERT INTO %(t)s VALUES %(v)s; "
                "CREATE TABLE %(t)s_h AS SELECT customer_id, customer_history_agg(ordered_at, amount) AS h "
                "FROM %(t)s GROUP BY customer_id;" % {"t": table, "v": values})
        for kind in cohort_reference.KINDS:
            ref = cohort_reference.report(io.StringIO(text), g, zone, kind, as_of, 0.95, brackets)
            summary = "SELECT %s(h, '%s', '%s', '{%s}') FROM %s_h" % (
                AGG[kind], g, zone, ",".join(map(str, brackets)), table)
            compare_all(rep, kind, summary, ref, as_of, True)
            r = DB.one("SELECT (SELECT %s(customer_id, ordered_at, amount, '%s', '%s')::text FROM %s) AS a, "
                       "(SELECT %s(h, '%s', '%s')::text FROM %s_h) AS b"
                       % (AGG[kind], g, zone, table, AGG[kind], g, zone, table))
            rep.text("%s: one step = two levels" % kind, r["a"], r["b"])
        DB.rows("DROP TABLE %(t)s, %(t)s_h;" % {"t": table})


# ---------------------------------------------------------------- acquisition cohorts

ACQ_SEED = 20260419
ACQ_ZONES = ("UTC", "America/New_York")
ACQ_NEVER = range(100001, 100601)       # signed up, never ordered: NULL history
ACQ_EXTRA = range(200001, 200061)       # orders at any microsecond, some without an amount
US = 10**6
DAY = 86400 * US
ACQ_FROM = "1996-11-01"                 # the span of the sign-ups of customers without orders
ACQ_TO = "1998-12-31"


def us_of(text):
    return pd.Timestamp(text, tz="UTC").value // 1000


def iso_of_us(us):
    return (datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
            + datetime.timedelta(microseconds=us)).isoformat()


def month_starts():
    """Every month start from 1996-06 to 1999-06, in UTC and in New York, as microseconds."""
    out = []
    for m in range(1996 * 12 + 5, 1999 * 12 + 6):
        for zone in ACQ_ZONES:
            out.append(pd.Timestamp(m // 12, m % 12 + 1, 1).tz_localize(zone).value // 1000)
    return sorted(out)


def acquisition_data(orders_csv):
    """(orders, signups, kinds). orders: CDNOW's plus ACQ_EXTRA's as (customer_id, ordered_at
    in microseconds, amount Decimal or None); signups: customer_id -> microseconds or None;
    kinds: how each sign-up was drawn -> how many."""
    rng = random.Random(ACQ_SEED)
    orders = []
    with open(orders_csv, newline="") as f:
        for r in csv.DictReader(f):
            orders.append((int(r["customer_id"]), us_of(r["ordered_at"]), Decimal(r["amount"])))
    starts = month_starts()
    lo, hi = us_of("1997-01-01"), us_of("1998-07-01")
    for c in ACQ_EXTRA:
        times = []
        for _ in range(rng.randint(1, 4)):
            if times and rng.random() < 0.15:
                t = rng.choice(times)                     # two orders at one instant
            elif rng.random() < 0.25:
                t = rng.choice([s for s in starts if lo <= s < hi]) + rng.choice([-1, 0, 1])
            else:
                t = rng.randrange(lo, hi)
            times.append(t)
            amount = None if rng.random() < 0.5 else Decimal(rng.randrange(0, 10000)) / 100
            orders.append((c, t, amount))
    by_customer = {}
    for c, t, _ in orders:
        by_customer.setdefault(c, set()).add(t)
    signups, kinds = {}, {}

    def near_boundary(t):
        """A month start (UTC or New York) next to t, give or take 0, 1 us or an hour."""
        i = bisect.bisect_right(starts, t)
        s = starts[max(0, min(len(starts) - 1, i - rng.randint(0, 1)))]
        return s + rng.choice([-3600 * US, -1, 0, 1, 3600 * US])

    for c in sorted(by_customer):
        times = sorted(by_customer[c])
        kind = rng.choices(["null", "before", "equal", "between", "after", "tick", "boundary"],
                           weights=[2, 20, 15, 20, 15, 10, 18])[0]
        if kind == "between" and len(times) < 2:
            kind = "after"
        if kind == "null":
            t = None
        elif kind == "before":
            t = times[0] - rng.randrange(1, 120 * DAY)
        elif kind == "equal":
            t = rng.choice(times)
        elif kind == "between":
            i = rng.randrange(len(times) - 1)
            t = rng.randrange(times[i] + 1, times[i + 1])
        elif kind == "after":
            t = times[-1] + rng.randrange(1, 200 * DAY)
        elif kind == "tick":
            t = rng.choice(times) + rng.choice([-1, 1])
        else:
            t = near_boundary(rng.choice(times))
        signups[c] = t
        kinds[kind] = kinds.get(kind, 0) + 1
    a, b = us_of(ACQ_FROM), us_of(ACQ_TO)
    for c in ACQ_NEVER:
        r = rng.random()
        kind = "never ordered, null" if r < 0.02 else "never ordered, boundary" if r < 0.35 \
            else "never ordered"
        t = rng.randrange(a, b)
        signups[c] = None if r < 0.02 else near_boundary(t) if r < 0.35 else t
        kinds[kind] = kinds.get(kind, 0) + 1
    return orders, signups, kinds


def acquisition_reference(orders, signups, zone, as_of):
    """The rows of cohort_table(acquisition_cohort_agg(h, signed_up_at, 'month', zone), as_of),
    from the rule written anew with pandas: a customer with a sign-up is in the cohort of its
    sign-up's month in the zone and active there; its orders at or after the sign-up count
    (active in a month = one counted order there; orders and revenue of the counted orders),
    the others not at all; its last active month is that of its last counted order, or its
    cohort's. The grid ends at the last month in which anybody is active, every cohort's rows
    run from its own month to that one. Revenue of a cell without a priced order is None."""
    def month(us):
        local = pd.to_datetime(us, unit="us", utc=True).dt.tz_convert(zone)
        return local.dt.year * 12 + local.dt.month - 1

    s = pd.DataFrame([(c, t) for c, t in signups.items() if t is not None],
                     columns=["customer_id", "signed_up"])
    s["cohort"] = month(s["signed_up"])
    o = pd.DataFrame(orders, columns=["customer_id", "ordered_at", "amount"]).merge(s, on="customer_id")
    o = o[o["ordered_at"] >= o["signed_up"]].copy()   # the counted orders
    o["period"] = month(o["ordered_at"])
    size = s.groupby("cohort").size()
    # Active: the counted orders' (customer, month), and every member in its cohort's month.
    pairs = pd.concat([o[["customer_id", "cohort", "period"]],
                       s[["customer_id", "cohort"]].assign(period=s["cohort"])]).drop_duplicates()
    active = pairs.groupby(["cohort", "period"]).size()
    last = pairs.groupby("customer_id")["period"].max().rename("last").reset_index() \
        .merge(s[["customer_id", "cohort"]], on="customer_id")
    lasts = {c: sorted(v) for c, v in last.groupby("cohort")["last"]}
    n_orders = o.groupby(["cohort", "period"]).size()
    money = {}
    for c, p, a in zip(o["cohort"], o["period"], o["amount"]):
        if a is not None:
            e = money.setdefault((c, p), [0, Decimal(0)])
            e[0] += 1
            e[1] = cohort_reference.EXACT.add(e[1], a)
    grid_last = int(pairs["period"].max())
    as_of_ts = pd.Timestamp(as_of, tz="UTC")
    starts = {}

    def start(m):
        if m not in starts:
            starts[m] = pd.Timestamp(m // 12, m % 12 + 1, 1).tz_localize(zone)
        return starts[m]

    rows = []
    for c in sorted(size.index):
        n = int(size[c])
        first_revenue = cumulative = None
        for p in range(int(c), grid_last + 1):
            act = int(active.get((c, p), 0))
            orders_n = int(n_orders.get((c, p), 0))
            revenue = money[(c, p)][1] if (c, p) in money else None
            if p == c:
                first_revenue = revenue
            if revenue is not None:
                cumulative = revenue if cumulative is None \
                    else cohort_reference.EXACT.add(cumulative, revenue)
            on_or_after = len(lasts[c]) - bisect.bisect_left(lasts[c], p)
            lower, upper = cohort_reference.wilson_interval(act, n, 0.95)
            rows.append({
                "cohort_start": start(c).isoformat(), "period_offset": p - int(c),
                "period_start": start(p).isoformat(), "period_end": start(p + 1).isoformat(),
                "cohort_size": n, "active": act, "retention": act / n,
                "retention_lower": lower, "retention_upper": upper,
                "active_on_or_after": on_or_after, "retention_on_or_after": on_or_after / n,
                "orders": orders_n, "revenue": cohort_reference.dec_str(revenue),
                "revenue_retention": None if revenue is None or not first_revenue
                else float(cohort_reference.DIVIDE.divide(revenue, first_revenue)),
                "cumulative_revenue_per_customer": None if cumulative is None
                else str(cohort_reference.QUOTIENT.divide(cumulative, Decimal(n))),
                "matured": bool(start(p + 1) <= as_of_ts)})
    counted = o.groupby("customer_id")["period"].min()
    without = int((s["cohort"] != s["customer_id"].map(counted)).sum())
    return {"table": rows, "members": len(s), "without": without, "counted": len(o),
            "curve_on": cohort_reference.retention_curve(rows, "on"),
            "curve_on_or_after": cohort_reference.retention_curve(rows, "on or after")}


def acquisition_calls():
    """name -> the acquisition_cohort_agg call over the table acquired, built serially."""
    v = {"session": "acquisition_cohort_agg(h, signed_up_at, 'month')"}
    for zone in ACQ_ZONES:
        v[zone] = "acquisition_cohort_agg(h, signed_up_at, 'month', %s)" % quote(zone)
    return v


def load_acquisition(tmp, orders, signups):
    """The tables acq_extra_orders, signups, acq_histories (CDNOW's orders and the extra
    ones), acquired (signups LEFT JOIN acq_histories) and acq_summaries(name, s)."""
    paths = {k: os.path.join(tmp, k + ".csv") for k in ("acq_extra", "signups")}
    with open(paths["acq_extra"], "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["customer_id", "ordered_at", "amount"])
        for c, t, a in orders:
            if c in ACQ_EXTRA:
                w.writerow([c, iso_of_us(t), "" if a is None else a])
    with open(paths["signups"], "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["customer_id", "signed_up_at"])
        for c, t in sorted(signups.items()):
            w.writerow([c, "" if t is None else iso_of_us(t)])
    calls = acquisition_calls()
    DB.rows("""
CREATE TABLE acq_extra_orders (customer_id integer, ordered_at timestamptz, amount numeric(10,2));
\\copy acq_extra_orders FROM '%s' WITH (FORMAT csv, HEADER true)
CREATE TABLE signups (customer_id integer, signed_up_at timestamptz);
\\copy signups FROM '%s' WITH (FORMAT csv, HEADER true)
CREATE TABLE acq_histories AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h
FROM (SELECT * FROM orders UNION ALL SELECT * FROM acq_extra_orders) o GROUP BY customer_id;
CREATE TABLE acquired AS
SELECT customer_id, signed_up_at, h FROM signups LEFT JOIN acq_histories USING (customer_id);
-- Not the histories' column: sorting its sample takes most of a minute in a debug build.
ANALYZE acq_histories (customer_id), acquired (customer_id, signed_up_at);
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE acq_summaries AS
SELECT unnest(ARRAY[%s]) AS name, unnest(ARRAY[%s]) AS s FROM acquired;
""" % (paths["acq_extra"], paths["signups"], ", ".join(quote(n) for n in calls),
       ", ".join(calls.values())), single_transaction=True)


def acq_summary(name):
    return "SELECT s FROM acq_summaries WHERE name = %s" % quote(name)


def check_acquisition(rep, tmp, orders_csv):
    """acquisition_cohort_agg: the reference's grid for random sign-ups, the first order as
    the acquisition, combine() of parts, a partial parallel plan."""
    orders, signups, kinds = acquisition_data(orders_csv)
    load_acquisition(tmp, orders, signups)
    n = DB.one("""
SELECT count(*) AS n, count(h) AS h, count(signed_up_at) AS t,
       (SELECT count(DISTINCT customer_id) FROM acquired
        JOIN (SELECT customer_id, ordered_at FROM orders UNION ALL
              SELECT customer_id, ordered_at FROM acq_extra_orders) o USING (customer_id)
        WHERE ordered_at = signed_up_at) AS eq
FROM acquired""")
    print("\nacquisition data (seed %d): %s sign-ups, %s with a history, %s with a time, %s equal "
          "to one of the customer's orders; drawn as %s"
          % (ACQ_SEED, n["n"], n["h"], n["t"], n["eq"],
             ", ".join("%s %d" % kv for kv in sorted(kinds.items()))))
    for zone in ACQ_ZONES:
        rep.section("acquisition cohorts, month, %s, as of %s: cohort_table and curves vs pandas"
                    % (zone, AS_OF))
        ref = acquisition_reference(orders, signups, zone, AS_OF)
        t = ref["table"]
        print("  reference: %d cells, %d cohorts, %d members, %d of them without an order in "
              "the cohort's month; %d of %d orders counted; %d cells active with revenue NULL"
              % (len(t), sum(r["period_offset"] == 0 for r in t), ref["members"], ref["without"],
                 ref["counted"], len(orders), sum(r["active"] > 0 and r["revenue"] is None for r in t)))
        compare_all(rep, "acquisition %s" % zone, acq_summary(zone), ref, AS_OF, False)
    rep.section("acquisition cohorts: session TimeZone (UTC) = 'UTC'; combine() of parts = whole")
    t = DB.one("SELECT (%s)::text AS a, (%s)::text AS b" % (acq_summary("session"), acq_summary("UTC")))
    rep.text("%s = zone 'UTC'" % acquisition_calls()["session"], t["a"], t["b"])
    for zone in ACQ_ZONES:
        call = acquisition_calls()[zone]
        for split in ("customer_id % 3", "h IS NULL", "signed_up_at < first_order_at(h)"):
            r = DB.one("SELECT (SELECT combine(s)::text FROM (SELECT %s AS s FROM acquired GROUP BY %s) t) "
                       "AS a, (%s)::text AS b" % (call, split, acq_summary(zone)))
            rep.text("combine(%s GROUP BY %s) = whole" % (call, split), r["a"], r["b"])
    rep.section("acquisition at the first order = first-order cohorts (cohort_agg), over histories")
    for table, g, zone in (("acq_histories", "month", None), ("acq_histories", "month", "UTC"),
                           ("acq_histories", "month", "America/New_York"),
                           ("acq_histories", "week", "UTC"), ("acq_histories", "week", "America/New_York"),
                           ("acq_histories", "quarter", "America/New_York"), ("acquired", "month", "UTC")):
        z = "" if zone is None else ", " + quote(zone)
        a = "acquisition_cohort_agg(h, first_order_at(h), '%s'%s)" % (g, z)
        b = "cohort_agg(h, '%s'%s)" % (g, z)
        r = DB.one("SELECT a::text AS a, b::text AS b, (a = b)::text AS eq FROM "
                   "(SELECT %s AS a, %s AS b FROM %s) x" % (a, b, table))
        rep.exact("%s = %s over %s" % (a, b, table), r["eq"], "true", "operator =")
        rep.text("%s: text = %s over %s" % (a, b, table), r["a"], r["b"])
    rep.section("acquisition cohorts: partial parallel plans = serial plans (text)")
    for zone in ACQ_ZONES:
        call = acquisition_calls()[zone]
        serial = DB.one("SELECT s::text AS s FROM acq_summaries WHERE name = %s" % quote(zone))["s"]
        rep.text("%s: parallel = serial" % call, parallel_text(rep, call, "acquired"), serial)
    DB.rows("DROP TABLE parallel_result;")


def quote(text):
    return "'" + text.replace("'", "''") + "'"


# ---------------------------------------------------------------- main

def main():
    sys.stdout.reconfigure(line_buffering=True)
    started = time.time()
    rep = Report(started)
    handles = {}
    with tempfile.TemporaryDirectory(prefix="pg_retention-cohort.") as tmp:
        try:
            paths, _ = cdnow_check.prepare(tmp)
            for g, k in CONFIGS:
                handles[(g, k)] = cdnow_check.start_reference(tmp, "%s_%s" % (g, k), [
                    paths["orders"], "--granularity", g, "--zone", "UTC", "--kind", k,
                    "--as-of", AS_OF, "--brackets", ",".join(map(str, BRACKETS))], REFERENCE)
            load(paths["orders"])
            n = DB.one("SELECT count(*) AS n, count(DISTINCT customer_id) AS c FROM orders")
            print("\nloaded CDNOW into database %s: %s orders, %s customers, %.1f s"
                  % (DB, n["n"], n["c"], time.time() - started))
            if int(n["n"]) != cdnow_check.CDNOW_ORDERS:
                raise RuntimeError("loaded %s orders, expected %d" % (n["n"], cdnow_check.CDNOW_ORDERS))
            # What needs no reference runs while the reference computes.
            check_paths(rep)
            check_rollup(rep)
            check_parallel(rep)
            check_fixtures(rep)
            check_acquisition(rep, tmp, paths["orders"])
            refs = {key: cdnow_check.reference_json(h) for key, h in handles.items()}
            check_cdnow_reference(rep, refs)
            check_plain_sql(rep, refs)
        finally:
            cdnow_check.stop_references(handles.values())

    print("\ncohort check: %d comparisons, %d failed, %.1f s"
          % (rep.checks, len(rep.failures), time.time() - started))
    if REPORTED:
        print("definitions that differ, checked as documented: " + "; ".join(REPORTED))
    if rep.failures:
        print("FAILED: " + ", ".join(rep.failures))
    return DB.drop_unless(rep.failures)


if __name__ == "__main__":
    sys.exit(main())
