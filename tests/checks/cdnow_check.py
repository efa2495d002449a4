#!/usr/bin/env python3
"""Check every order-history figure of pg_retention on the real CDNOW purchase log.

Three witnesses of each figure:
  extension  the SQL aggregates, both paths: two levels (customer_history_agg per
             customer, then customer_stats_agg / retention_agg / period_series_agg /
             mrr_series_agg over the histories) and one step (the aggregates that take
             customer_id and the order rows); the two must agree exactly (their text forms).
  reference  tests/reference/orders_reference.py (pandas), run on its own command line
             over the same rows; its JSON is compared with the extension's figures.
  plain SQL  a few figures computed here with ordinary SQL (GROUP BY, FILTER, avg(),
             lag(), percentile_cont(), date_trunc()).

Runs inside `scripts/cluster.sh` (tests/sql_tier.sh; PGHOST, PGPORT, PGUSER set) with
pg_retention installed, using the Python of .venv (scripts/setup.sh: pandas, numpy):

    .venv/bin/python tests/checks/cdnow_check.py

Data: scripts/fetch_cdnow.sh (cached in .cache/cdnow), converted with
tests/reference/cdnow_to_csv.py, loaded into a fresh database as
customers(customer_id) and orders(order_id, customer_id, ordered_at, amount, items).
CDNOW dates are whole days; they are loaded as date::timestamptz with TimeZone = 'UTC'
(every session of this script sets it), so an order is at midnight UTC.
CDNOW has no cost: the forms with cost use a made-up cost of COST_PER_ITEM per CD
(items * 9.50, exact), written into the reference's CSV the same way.
The MRR checks use each customer's spend in a calendar month (UTC) as its MRR of that
month (a customer x month table built here in Python with exact decimals, loaded as is).

Comparisons: counts exactly; money exactly, as decimal.Decimal values (the extension shows
sums at the display scale of the inputs, 96.50; the reference prints 96.5 or 96.50);
rates within a relative 1e-12; intervals as extract(epoch from x) seconds within a
relative 1e-12 or 1 microsecond (the extension rounds intervals to microseconds);
timestamps exactly (microseconds since the epoch).

Where the reference and the extension define a figure differently, and how it is compared:
  - revenue of a set with no priced order (an empty period): the reference says "0", the
    extension NULL (and avg_order_value NULL in both). Where the reference counts 0 priced
    orders the check wants NULL from the extension and "0" from the reference. (CDNOW has
    an order in every month and week, so this does not occur in the data; the rule is
    there so that a change of data cannot turn it into a false failure or hide one.)
  - profit: the reference gives profit whenever a cost column exists, missing costs
    counting 0, and profit_per_customer only when every order has a cost; the extension
    gives both only when every order has an amount and a cost, NULL otherwise. Every CDNOW
    order gets a cost here, where the two agree; histories built without a cost must give
    NULL cost and profit.
  - `per` of purchase_frequency and historic_clv counts like extract(epoch): '1 year' is
    365.25 days; the reference's year is 365 days, so the check passes '365 days'.
  - avg_order_value and revenue_per_customer: numeric in the extension (PostgreSQL's
    numeric division, as avg(amount) and sum(amount) / count), floats in the reference:
    relative 1e-12 against the reference, exactly against the plain SQL.
  - Wilson intervals: the reference has one only for the retention mode. For
    repeat_purchase_ci, churn_ci, other confidences and the retention_lower/upper of each
    period row the check calls the reference's wilson_interval() on the counts.
  - MRR pairs: the reference also counts unchanged and inactive customers; the extension
    does not report them. Expanded and contracted customers have no accessor of
    mrr_summary, so they are read from its text form.
  - periods() gives period_end; the reference does not: it must be the next period's start
    (after the last period: the next calendar period in the zone, from pandas).
Both define retention against the previous period of the same length (not the previous
calendar period) and start a series from customers_start = 0 (MRR: mrr_start = 0).

Prints one line per figure (extension value, reference value, OK/FAIL; a series column is
one line with its first and last values) and exits 1 on any failure.
"""
import csv
import datetime
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from decimal import Decimal

from common import REFERENCE_DIR, Database, fetch_cdnow

REFERENCE = os.path.join(REFERENCE_DIR, "orders_reference.py")
sys.path.insert(0, REFERENCE_DIR)
import orders_reference  # noqa: E402  (wilson_interval, period helpers)

DB = Database("pg_retention_cdnow")
CDNOW_ORDERS = 69659
COST_PER_ITEM = Decimal("9.50")
# The second retention period's previous period, [1997-10-03, 1998-01-01), is 90 days,
# not the calendar quarter, and customers from before it can be reactivated.
RETENTION_PERIODS = [("1997-07-01", "1998-01-01"), ("1998-01-01", "1998-04-01")]
# (granularity, time zone); the New York series puts midnight UTC on the previous
# evening, so orders of 1 January 1997 fall into December 1996.
SERIES = [("month", "UTC"), ("week", "UTC"), ("month", "America/New_York")]
MRR_PAIR = ("1997-03-01", "1997-04-01")
REL = 1e-12
USEC = 1e-6
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


# ---------------------------------------------------------------- running things

def start_reference(tmp, name, args, script=REFERENCE):
    """Start a reference (`script`, by default the orders reference) on its own command
    line; returns a handle for reference_json."""
    out = open(os.path.join(tmp, name + ".json"), "w")
    err = open(os.path.join(tmp, name + ".err"), "w")
    proc = subprocess.Popen([sys.executable, script] + args, stdout=out, stderr=err)
    return (proc, out, err, name, args)


def reference_json(handle):
    proc, out, err, name, args = handle
    rc = proc.wait()
    out.close()
    err.close()
    if rc != 0:
        raise RuntimeError("reference %s failed (%d): %s\n%s"
                           % (name, rc, " ".join(args), open(err.name).read()))
    with open(out.name) as f:
        return json.load(f)


def stop_references(handles):
    """Stop the references still running (after a failure) and close their files."""
    for proc, out, err, _name, _args in handles:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        out.close()
        err.close()


# ---------------------------------------------------------------- comparing

class Report:
    def __init__(self, started):
        self.started = started
        self.checks = 0
        self.failures = []

    def section(self, title):
        print("\n== %s  [%.1f s]" % (title, time.time() - self.started))

    def result(self, name, ok, ext, ref, note=""):
        self.checks += 1
        if not ok:
            self.failures.append(name)
        print("  %-46s %-26s %-26s %s%s" % (name, short(ext), short(ref), "OK" if ok else "FAIL",
                                            "  " + note if note else ""))

    def exact(self, name, ext, ref, note=""):
        self.result(name, same_exact(ext, ref), ext, ref, note)

    def money(self, name, ext, ref, note=""):
        self.result(name, same_money(ext, ref), ext, ref, note)

    def rate(self, name, ext, ref, note=""):
        self.result(name, close(ext, ref), ext, ref, note)

    def seconds(self, name, ext, ref, note=""):
        self.result(name, close(ext, ref, USEC), days(ext), days(ref), note)

    def text(self, name, ext, ref):
        """Two text forms that must be identical (shown by length, or both on failure)."""
        ok = ext is not None and ext == ref
        self.checks += 1
        if not ok:
            self.failures.append(name)
        shown = "identical, %d chars" % len(ext) if ok else "DIFFER"
        print("  %-72s %s %s" % (name, shown, "OK" if ok else "FAIL"))
        if not ok:
            print("    left:  %s\n    right: %s" % (ext, ref))

    def columns(self, prefix, ext_rows, ref_rows, spec):
        """Series: one line per column, with its first and last values; the periods that
        differ below it. spec: (extension column, reference key, kind), kind a key of SAME."""
        for ext_col, ref_col, kind in spec:
            label = ext_col if ref_col == ext_col else "%s ~ %s" % (ext_col, ref_col)
            bad = []
            for i, (e_row, r_row) in enumerate(zip(ext_rows, ref_rows)):
                e = e_row[ext_col]
                r = r_row[ref_col]
                if not SAME[kind](e, r, r_row):
                    bad.append((i, e, r))
            ok = not bad and len(ext_rows) == len(ref_rows)
            show = when if kind == "micros" else (lambda v: short(v, 12))
            ends = [(show(e_row[ext_col]), show(r_row[ref_col]))
                    for e_row, r_row in ((ext_rows[0], ref_rows[0]), (ext_rows[-1], ref_rows[-1]))]
            self.checks += 1
            if not ok:
                self.failures.append(prefix + ext_col)
            print("  %-46s %3d periods, first..last %-30s %-30s %s" % (
                prefix + label, len(ext_rows), "%s .. %s" % (ends[0][0], ends[1][0]),
                "%s .. %s" % (ends[0][1], ends[1][1]), "OK" if ok else "FAIL"))
            for i, e, r in bad[:5]:
                print("    period %s: extension %s, reference %s" % (ext_rows[i]["period_start"], e, r))


def short(v, width=26):
    s = "NULL" if v is None else str(v)
    return s if len(s) <= width else s[:width - 3] + "..."


def when(micros):
    """Microseconds since the epoch as a short UTC time."""
    if micros is None:
        return "NULL"
    t = EPOCH + datetime.timedelta(microseconds=micros)
    return t.strftime("%Y-%m-%d" if (t.hour, t.minute, t.second, t.microsecond) == (0, 0, 0, 0) else "%Y-%m-%dT%H:%MZ")


def days(seconds):
    if seconds is None:
        return None
    return "%ss (%.6f d)" % (seconds, float(seconds) / 86400)


def same_exact(e, r):
    if e is None or r is None:
        return e is None and r is None
    return str(e) == str(r)


def same_money(e, r):
    if e is None or r is None:
        return e is None and r is None
    return Decimal(str(e)) == Decimal(str(r))


def close(e, r, abs_tol=0.0):
    if e is None or r is None:
        return e is None and r is None
    e, r = float(e), float(r)
    if math.isnan(e) or math.isnan(r):
        return False
    return abs(e - r) <= max(REL * abs(r), abs_tol)


def same_revenue(e, r, row):
    """A period's revenue: the reference's "0" for a period without a priced order is the
    extension's NULL (see the module docstring)."""
    if row.get("priced_orders") == 0:
        return e is None and r is not None and Decimal(r) == 0
    return same_money(e, r)


SAME = {
    "exact": lambda e, r, row: same_exact(e, r),
    "money": lambda e, r, row: same_money(e, r),
    "rate": lambda e, r, row: close(e, r),
    "micros": lambda e, r, row: same_exact(e, r),
    "revenue": same_revenue,
}


def micros_of_epoch(text):
    """extract(epoch ...) text -> integer microseconds."""
    if text is None:
        return None
    m = Decimal(text) * 1000000
    assert m == m.to_integral_value(), text
    return int(m)


def micros_of_iso(text):
    if text is None:
        return None
    return (datetime.datetime.fromisoformat(text) - EPOCH) // datetime.timedelta(microseconds=1)


def text_fields(text):
    """key:value pairs of a summary's text form (the scalar ones)."""
    return dict(re.findall(r'(\w+):("[^"]*"|[^,()\[\]]+)', text))


# ---------------------------------------------------------------- the data

def prepare(tmp):
    """Fetch and convert CDNOW; write the CSVs of the reference and of the loader.
    Returns the paths."""
    fetch_cdnow()
    paths = {k: os.path.join(tmp, k + ".csv") for k in ("orders", "orders_cost", "mrr_rows", "mrr_pairs")}
    subprocess.run([sys.executable, os.path.join(REFERENCE_DIR, "cdnow_to_csv.py"), "-o", paths["orders"]],
                   check=True)
    with open(paths["orders"], newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != CDNOW_ORDERS:
        raise RuntimeError("CDNOW has %d orders, expected %d" % (len(rows), CDNOW_ORDERS))

    with open(paths["orders_cost"], "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["customer_id", "ordered_at", "amount", "items", "cost"])
        for r in rows:
            w.writerow([r["customer_id"], r["ordered_at"], r["amount"], r["items"],
                        Decimal(r["items"]) * COST_PER_ITEM])

    # Customer x month MRR: the sum of the customer's amounts in the month.
    mrr = defaultdict(Decimal)
    for r in rows:
        mrr[(int(r["customer_id"]), r["ordered_at"][:8] + "01")] += Decimal(r["amount"])
    with open(paths["mrr_rows"], "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["customer_id", "period", "mrr"])
        for (c, month), v in sorted(mrr.items()):
            w.writerow([c, month, v])
    a, b = MRR_PAIR
    ids = sorted({c for (c, m) in mrr if m in MRR_PAIR})
    with open(paths["mrr_pairs"], "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["mrr_start", "mrr_end"])
        for c in ids:
            w.writerow([mrr.get((c, a), ""), mrr.get((c, b), "")])
    return paths, len(mrr)


def load(paths):
    """A fresh database with the shop schema, CDNOW in it, the extension and the
    customer histories (two forms: without and with items and cost)."""
    DB.create(extension=False)
    DB.rows("""
CREATE TABLE customers (customer_id integer PRIMARY KEY);
CREATE TABLE orders (
    order_id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers,
    ordered_at timestamptz NOT NULL,
    amount numeric(10,2),
    items integer
);
CREATE TEMP TABLE cdnow (customer_id integer, ordered_at date, amount numeric(10,2), items integer);
\\copy cdnow FROM '%(orders)s' WITH (FORMAT csv, HEADER true)
INSERT INTO customers SELECT DISTINCT customer_id FROM cdnow ORDER BY 1;
INSERT INTO orders (customer_id, ordered_at, amount, items)
SELECT customer_id, ordered_at::timestamptz, amount, items FROM cdnow;
-- customer x month MRR (see prepare())
CREATE TABLE mrr (customer_id integer REFERENCES customers, month timestamptz, mrr numeric(12,2));
CREATE TEMP TABLE mrr_rows (customer_id integer, month date, mrr numeric(12,2));
\\copy mrr_rows FROM '%(mrr_rows)s' WITH (FORMAT csv, HEADER true)
INSERT INTO mrr SELECT customer_id, month::timestamptz, mrr FROM mrr_rows;
CREATE EXTENSION pg_retention;
CREATE TABLE histories AS
SELECT customer_id,
       customer_history_agg(ordered_at, amount) AS h,
       customer_history_agg(ordered_at, amount, items::bigint, items * %(cost)s) AS hc
FROM orders GROUP BY customer_id;
ANALYZE;
""" % dict(paths, cost=COST_PER_ITEM), single_transaction=True)


# ---------------------------------------------------------------- the checks

def check_stats(rep, ref, ref_cost):
    """customer_stats over the histories against the reference's stats."""
    rep.section("population: customer_stats_agg(customer_history_agg(ordered_at, amount)) vs reference stats")
    e = DB.one("""
SELECT customers(s), repeat_customers(s), repeat_purchase_rate(s),
       (repeat_purchase_ci(s)).lower AS rp_lower, (repeat_purchase_ci(s)).upper AS rp_upper,
       (repeat_purchase_ci(s, 0.99)).lower AS rp99_lower, (repeat_purchase_ci(s, 0.99)).upper AS rp99_upper,
       orders(s), orders_per_customer(s), revenue(s), avg_order_value(s), revenue_per_customer(s),
       extract(epoch FROM avg_time_between_purchases(s)) AS avg_gap,
       extract(epoch FROM median_time_between_purchases(s)) AS median_gap,
       extract(epoch FROM gap_resolution(s)) AS gap_resolution,
       extract(epoch FROM avg_lifespan(s)) AS avg_lifespan,
       extract(epoch FROM first_order_at(s)) AS first_order, extract(epoch FROM last_order_at(s)) AS last_order,
       purchase_frequency(s, interval '365 days') AS purchase_frequency,
       historic_clv(s, interval '365 days') AS clv_observed,
       historic_clv(s, interval '365 days', 0.5) AS clv_churn,
       purchase_frequency(s) AS purchase_frequency_year, historic_clv(s) AS clv_observed_year,
       historic_clv(s, interval '1 year', 0.5) AS clv_churn_year,
       items(s) AS items_none, cost(s) AS cost_none, profit(s) AS profit_none,
       items(sc) AS items, cost(sc) AS cost, profit(sc) AS profit, profit_per_customer(sc) AS profit_per_customer,
       customers(sc) AS customers_c, revenue(sc) AS revenue_c, repeat_purchase_rate(sc) AS rp_c
FROM (SELECT customer_stats_agg(h) AS s, customer_stats_agg(hc) AS sc FROM histories) t""")
    st, stc = ref["stats"], ref_cost["stats"]
    rep.exact("customers", e["customers"], st["customers"])
    rep.exact("repeat_customers", e["repeat_customers"], st["repeat_customers"])
    rep.rate("repeat_purchase_rate", e["repeat_purchase_rate"], st["repeat_purchase_rate"])
    for conf, lo, hi in ((0.95, "rp_lower", "rp_upper"), (0.99, "rp99_lower", "rp99_upper")):
        w = orders_reference.wilson_interval(st["repeat_customers"], st["customers"], conf)
        rep.rate("repeat_purchase_ci(s, %s).lower" % conf, e[lo], w[0], "wilson_interval()")
        rep.rate("repeat_purchase_ci(s, %s).upper" % conf, e[hi], w[1], "wilson_interval()")
    rep.exact("orders", e["orders"], st["orders"])
    rep.rate("orders_per_customer", e["orders_per_customer"], st["orders_per_customer"])
    rep.money("revenue", e["revenue"], st["revenue"])
    rep.rate("avg_order_value", e["avg_order_value"], st["avg_order_value"], "numeric vs float")
    rep.rate("revenue_per_customer", e["revenue_per_customer"], st["revenue_per_customer"], "numeric vs float")
    rep.seconds("avg_time_between_purchases", e["avg_gap"], st["avg_time_between_purchases"])
    rep.seconds("median_time_between_purchases", e["median_gap"], st["median_time_between_purchases"])
    rep.result("gap_resolution (1 us: the median is exact)", Decimal(e["gap_resolution"]) == Decimal("0.000001"),
               e["gap_resolution"], "0.000001")
    rep.seconds("avg_lifespan", e["avg_lifespan"], st["avg_lifespan"])
    rep.exact("first_order_at (us)", micros_of_epoch(e["first_order"]), micros_of_iso(st["first_order"]))
    rep.exact("last_order_at (us)", micros_of_epoch(e["last_order"]), micros_of_iso(st["last_order"]))
    rep.rate("purchase_frequency(s, '365 days')", e["purchase_frequency"], st["purchase_frequency"])
    rep.rate("historic_clv(s, '365 days')", e["clv_observed"], st["historic_clv_observed"])
    rep.rate("historic_clv(s, '365 days', 0.5)", e["clv_churn"], st["historic_clv_churn"])
    # The default per, '1 year', is 365.25 days: the frequency scales by 365.25 / 365, the
    # observed CLV does not change (frequency x lifespan in years), the churn CLV scales.
    year = 365.25 / 365
    rep.rate("purchase_frequency(s) ('1 year' = 365.25 d)", e["purchase_frequency_year"],
             st["purchase_frequency"] * year, "reference x 365.25/365")
    rep.rate("historic_clv(s) ('1 year' = 365.25 d)", e["clv_observed_year"], st["historic_clv_observed"],
             "independent of per")
    rep.rate("historic_clv(s, '1 year', 0.5)", e["clv_churn_year"], st["historic_clv_churn"] * year,
             "reference x 365.25/365")
    rep.exact("items / cost / profit without those columns", (e["items_none"], e["cost_none"], e["profit_none"]),
              (None, None, None), "NULL by definition")
    rep.exact("items (history with items, cost)", e["items"], stc["items"])
    rep.money("cost = items * %s" % COST_PER_ITEM, e["cost"], stc["cost"])
    rep.money("profit", e["profit"], stc["profit"])
    rep.rate("profit_per_customer", e["profit_per_customer"], stc["profit_per_customer"], "numeric vs float")
    rep.result("customers, revenue, repeat rate with items and cost",
               (e["customers_c"], e["revenue_c"], e["rp_c"]) == (e["customers"], e["revenue"], e["repeat_purchase_rate"]),
               e["revenue_c"], e["revenue"])
    return e


def check_retention(rep, ref, ps, pe):
    rep.section("retention [%s, %s): retention_agg(h, ps, pe) vs reference retention" % (ps, pe))
    e = DB.one("""
SELECT customers_start(r), retained(r), churned(r), new_customers(r), reactivated(r), customers_end(r),
       retention_rate(r), churn_rate(r),
       (retention_ci(r)).lower AS r_lower, (retention_ci(r)).upper AS r_upper,
       (retention_ci(r, 0.9)).lower AS r90_lower, (retention_ci(r, 0.9)).upper AS r90_upper,
       (churn_ci(r)).lower AS c_lower, (churn_ci(r)).upper AS c_upper
FROM (SELECT retention_agg(h, '%s', '%s') AS r FROM histories) t""" % (ps, pe))
    r = ref["retention"]
    for k in ("customers_start", "retained", "churned", "new_customers", "reactivated", "customers_end"):
        rep.exact(k, e[k], r[k])
    rep.rate("retention_rate", e["retention_rate"], r["retention_rate"])
    rep.rate("churn_rate", e["churn_rate"], r["churn_rate"])
    rep.rate("retention_ci(r).lower", e["r_lower"], r["retention_wilson_lower"])
    rep.rate("retention_ci(r).upper", e["r_upper"], r["retention_wilson_upper"])
    w90 = orders_reference.wilson_interval(r["retained"], r["customers_start"], 0.9)
    rep.rate("retention_ci(r, 0.9).lower", e["r90_lower"], w90[0], "wilson_interval()")
    rep.rate("retention_ci(r, 0.9).upper", e["r90_upper"], w90[1], "wilson_interval()")
    wc = orders_reference.wilson_interval(r["churned"], r["customers_start"])
    rep.rate("churn_ci(r).lower", e["c_lower"], wc[0], "wilson_interval()")
    rep.rate("churn_ci(r).upper", e["c_upper"], wc[1], "wilson_interval()")
    return e


SERIES_SPEC = [
    ("customers_start", "customers_start", "exact"),
    ("new_customers", "new_customers", "exact"),
    ("retained", "retained", "exact"),
    ("reactivated", "reactivated", "exact"),
    ("churned", "churned", "exact"),
    ("customers_end", "customers_end", "exact"),
    ("retention_rate", "retention_rate", "rate"),
    ("churn_rate", "churn_rate", "rate"),
    ("crr", "crr", "rate"),
    ("returning_customer_rate", "returning_customer_rate", "rate"),
    ("orders", "orders", "exact"),
    ("revenue", "revenue", "revenue"),
    ("avg_order_value", "avg_order_value", "rate"),
    ("orders_per_customer", "orders_per_customer", "rate"),
    ("revenue_per_customer", "revenue_per_customer", "rate"),
]


def series_sql(granularity, zone, confidence=None):
    conf = "" if confidence is None else ", %s" % confidence
    return """
SELECT extract(epoch FROM period_start) AS period_start_epoch, extract(epoch FROM period_end) AS period_end_epoch,
       period_start::text, customers_start, new_customers, retained, reactivated, churned, customers_end,
       retention_rate, churn_rate, crr, returning_customer_rate, retention_lower, retention_upper,
       orders, revenue, avg_order_value, orders_per_customer, revenue_per_customer
FROM periods((SELECT period_series_agg(h, '%s', '%s') FROM histories)%s) ORDER BY period_start""" % (
        granularity, zone, conf)


def next_period_start_micros(iso, granularity, zone):
    """Start of the calendar period after the one starting at iso, in zone (pandas)."""
    import pandas as pd
    local = pd.Timestamp(iso).tz_convert(zone).tz_localize(None)
    p = local.to_period(orders_reference.PERIOD_FREQ[granularity]) + 1
    return micros_of_iso(orders_reference.period_start(p, zone).isoformat())


def check_series(rep, ref, granularity, zone):
    rep.section("period series %s in %s: periods(period_series_agg(h, '%s', '%s')) vs reference series"
                % (granularity, zone, granularity, zone))
    ext = DB.rows(series_sql(granularity, zone))
    rows = ref["series"]
    rep.exact("number of periods", len(ext), len(rows))
    n = min(len(ext), len(rows))
    ext, rows = ext[:n], rows[:n]
    for row in ext:
        row["period_start_us"] = micros_of_epoch(row["period_start_epoch"])
        row["period_end_us"] = micros_of_epoch(row["period_end_epoch"])
    for row in rows:
        row["period_start_us"] = micros_of_iso(row["period_start"])
    ends = [r["period_start_us"] for r in rows[1:]]
    if rows:
        ends.append(next_period_start_micros(rows[-1]["period_start"], granularity, zone))
    for row, end in zip(rows, ends):
        row["period_end_us"] = end
        w = orders_reference.wilson_interval(row["retained"], row["customers_start"])
        row["wilson_lower"], row["wilson_upper"] = w
    prefix = "%s/%s." % (granularity, zone)
    rep.columns(prefix, ext, rows, [("period_start_us", "period_start_us", "micros"),
                                    ("period_end_us", "period_end_us", "micros")] + SERIES_SPEC + [
        ("retention_lower", "wilson_lower", "rate"), ("retention_upper", "wilson_upper", "rate")])
    if granularity == "month" and zone == "UTC":
        ext90 = DB.rows(series_sql(granularity, zone, 0.9))[:n]
        for row in rows:
            row["wilson90_lower"], row["wilson90_upper"] = orders_reference.wilson_interval(
                row["retained"], row["customers_start"], 0.9)
        rep.columns(prefix + "conf 0.9: ", ext90, rows, [("retention_lower", "wilson90_lower", "rate"),
                                                          ("retention_upper", "wilson90_upper", "rate")])
    return ext


MRR_SERIES_SPEC = [
    ("mrr_start", "mrr_start", "money"),
    ("new_mrr", "new", "money"),
    ("reactivation_mrr", "reactivation", "money"),
    ("expansion_mrr", "expansion", "money"),
    ("contraction_mrr", "contraction", "money"),
    ("churned_mrr", "churned", "money"),
    ("mrr_end", "mrr_end", "money"),
    ("customers_start", "customers_start", "exact"),
    ("new_customers", "customers_new", "exact"),
    ("reactivated_customers", "customers_reactivation", "exact"),
    ("expanded_customers", "customers_expansion", "exact"),
    ("contracted_customers", "customers_contraction", "exact"),
    ("churned_customers", "customers_churned", "exact"),
    ("customers_end", "customers_end", "exact"),
    ("revenue_churn", "revenue_churn", "rate"),
    ("gross_mrr_churn", "gross_mrr_churn", "rate"),
    ("net_mrr_churn", "net_mrr_churn", "rate"),
    ("gross_revenue_retention", "gross_revenue_retention", "rate"),
    ("net_revenue_retention", "net_revenue_retention", "rate"),
    ("quick_ratio", "quick_ratio", "rate"),
]


def check_mrr_series(rep, ref):
    rep.section("MRR series: periods(mrr_series_agg(customer_id, month, mrr, 'month')) vs reference --mrr-series")
    ext = DB.rows("""
SELECT extract(epoch FROM period_start) AS period_start_epoch, *
FROM periods((SELECT mrr_series_agg(customer_id, month, mrr, 'month') FROM mrr)) ORDER BY period_start""")
    rows = ref["series"]
    rep.exact("number of periods", len(ext), len(rows))
    n = min(len(ext), len(rows))
    ext, rows = ext[:n], rows[:n]
    for row in ext:
        row["period_start_us"] = micros_of_epoch(row["period_start_epoch"])
    for row in rows:
        row["period_start_us"] = micros_of_iso(row["period_start"])
    rep.columns("mrr.", ext, rows, [("period_start_us", "period_start_us", "micros")] + MRR_SERIES_SPEC)
    return ext


MRR_PAIR_SPEC = [
    ("mrr_start", "mrr_start", "money"), ("mrr_end", "mrr_end", "money"),
    ("new_mrr", "new", "money"), ("expansion_mrr", "expansion", "money"),
    ("contraction_mrr", "contraction", "money"), ("churned_mrr", "churned", "money"),
    ("revenue_churn", "revenue_churn", "rate"), ("gross_mrr_churn", "gross_mrr_churn", "rate"),
    ("net_mrr_churn", "net_mrr_churn", "rate"), ("net_revenue_retention", "net_revenue_retention", "rate"),
    ("gross_revenue_retention", "gross_revenue_retention", "rate"), ("quick_ratio", "quick_ratio", "rate"),
    ("customers_start", "customers_start", "exact"), ("customers_end", "customers_end", "exact"),
    ("new_customers", "customers_new", "exact"), ("churned_customers", "customers_churned", "exact"),
]


def check_mrr_pair(rep, ref, mrr_series_rows):
    a, b = MRR_PAIR
    rep.section("MRR movements %s -> %s: mrr_movements(a.mrr, b.mrr) over a FULL JOIN vs reference --mrr" % (a, b))
    accessors = ", ".join("%s(m)" % k for k, _, _ in MRR_PAIR_SPEC)
    e = DB.one("""
SELECT %s, m::text AS text
FROM (SELECT mrr_movements(a.mrr, b.mrr) AS m
      FROM (SELECT customer_id, mrr FROM mrr WHERE month = '%s') a
      FULL JOIN (SELECT customer_id, mrr FROM mrr WHERE month = '%s') b USING (customer_id)) t""" % (accessors, a, b))
    for ext_k, ref_k, kind in MRR_PAIR_SPEC:
        label = ext_k if ext_k == ref_k else "%s ~ %s" % (ext_k, ref_k)
        getattr(rep, {"money": "money", "rate": "rate", "exact": "exact"}[kind])(label, e[ext_k], ref[ref_k])
    fields = text_fields(e["text"])
    rep.exact("expanded_customers (text form) ~ customers_expansion", fields.get("expanded_customers"),
              ref["customers_expansion"])
    rep.exact("contracted_customers (text form) ~ customers_contraction", fields.get("contracted_customers"),
              ref["customers_contraction"])
    # The same month in the series: the pair has no history, so its new MRR is the series'
    # new + reactivation MRR.
    row = next((r for r in mrr_series_rows if r["period_start"].startswith(b)), None)
    if row is None:
        rep.result("series row of %s" % b, False, None, b)
        return
    for k in ("mrr_start", "mrr_end", "expansion_mrr", "contraction_mrr", "churned_mrr"):
        rep.money("%s = series %s" % (k, k), e[k], row[k], "extension, two ways")
    rep.money("new_mrr = series new + reactivation", e["new_mrr"],
              Decimal(row["new_mrr"]) + Decimal(row["reactivation_mrr"]), "extension, two ways")


def check_paths(rep):
    """One step (customer_id, rows) against two levels (histories): identical text forms."""
    rep.section("one step (customer_id, order rows) vs two levels (histories): text forms")
    ret = [("retention_agg(customer_id, ordered_at, '%s', '%s')" % p,
            "retention_agg(h, '%s', '%s')" % p) for p in RETENTION_PERIODS]
    ret += [("retention_rate(customer_id, ordered_at, '%s', '%s')" % p,
             "retention_rate(retention_agg(h, '%s', '%s'))" % p) for p in RETENTION_PERIODS]
    ret += [("churn_rate(customer_id, ordered_at, '%s', '%s')" % p,
             "churn_rate(retention_agg(h, '%s', '%s'))" % p) for p in RETENTION_PERIODS]
    pairs = [
        ("customer_stats_agg(customer_id, ordered_at, amount)", "customer_stats_agg(h)"),
        ("customer_stats_agg(customer_id, ordered_at, amount, items::bigint, items * %s)" % COST_PER_ITEM,
         "customer_stats_agg(hc)"),
        ("repeat_purchase_rate(customer_id)", "repeat_purchase_rate(customer_stats_agg(h))"),
        ("avg_time_between_purchases(customer_id, ordered_at)", "avg_time_between_purchases(customer_stats_agg(h))"),
        ("median_time_between_purchases(customer_id, ordered_at)",
         "median_time_between_purchases(customer_stats_agg(h))"),
    ] + ret
    for g, z in SERIES:
        pairs.append(("period_series_agg(customer_id, ordered_at, amount, '%s', '%s')" % (g, z),
                      "period_series_agg(h, '%s', '%s')" % (g, z)))
        if z == "UTC":  # the session's TimeZone is UTC
            pairs.append(("period_series_agg(customer_id, ordered_at, amount, '%s')" % g,
                          "period_series_agg(h, '%s')" % g))
    one_step = DB.one("SELECT %s FROM orders" % ", ".join("(%s)::text AS a%d" % (l, i) for i, (l, _) in enumerate(pairs)))
    two_level = DB.one("SELECT %s FROM histories" % ", ".join("(%s)::text AS a%d" % (r, i) for i, (_, r) in enumerate(pairs)))
    for i, (l, r) in enumerate(pairs):
        rep.text("%s = %s" % (l, r), one_step["a%d" % i], two_level["a%d" % i])
    # MRR: the table of monthly spend against the histories (MRR = sum of a customer's
    # amounts in the period), and the one-step order form.
    m = DB.one("""
SELECT (SELECT mrr_series_agg(customer_id, month, mrr, 'month')::text FROM mrr) AS table_form,
       (SELECT mrr_series_agg(h, 'month')::text FROM histories) AS history_form,
       (SELECT mrr_series_agg(customer_id, ordered_at, amount, 'month', 'UTC')::text FROM orders) AS order_form""")
    rep.text("mrr_series_agg(customer_id, month, mrr, 'month') [mrr table] = mrr_series_agg(h, 'month')",
             m["table_form"], m["history_form"])
    rep.text("mrr_series_agg(customer_id, ordered_at, amount, 'month', 'UTC') = mrr_series_agg(h, 'month')",
             m["order_form"], m["history_form"])


def check_plain_sql(rep, stats, retentions, series, mrr_series_rows):
    """The third witness: ordinary SQL."""
    rep.section("plain SQL witness (GROUP BY, FILTER, avg, lag, percentile_cont, date_trunc)")
    w = DB.one("""
WITH per_customer AS (
    SELECT customer_id, count(*) AS n, min(ordered_at) AS first, max(ordered_at) AS last FROM orders GROUP BY 1),
gaps AS (
    SELECT extract(epoch FROM ordered_at - lag(ordered_at) OVER (PARTITION BY customer_id ORDER BY ordered_at)) AS gap
    FROM orders)
SELECT (SELECT count(*) FROM per_customer) AS customers,
       (SELECT count(*) FILTER (WHERE n >= 2) FROM per_customer) AS repeat_customers,
       (SELECT (count(*) FILTER (WHERE n >= 2))::float8 / count(*) FROM per_customer) AS repeat_purchase_rate,
       (SELECT count(*) FROM orders) AS orders,
       (SELECT sum(amount) FROM orders) AS revenue,
       (SELECT avg(amount) FROM orders) AS avg_order_value,
       (SELECT sum(amount) / count(DISTINCT customer_id) FROM orders) AS revenue_per_customer,
       (SELECT sum(items) FROM orders) AS items,
       (SELECT sum(amount) - sum(items * %s) FROM orders) AS profit,
       (SELECT sum(extract(epoch FROM last - first)) / sum(n - 1) FROM per_customer) AS avg_gap,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) FROM gaps WHERE gap IS NOT NULL) AS median_gap,
       (SELECT avg(extract(epoch FROM last - first)) FROM per_customer) AS avg_lifespan,
       (SELECT extract(epoch FROM min(ordered_at)) FROM orders) AS first_order,
       (SELECT extract(epoch FROM max(ordered_at)) FROM orders) AS last_order""" % COST_PER_ITEM)
    for k in ("customers", "repeat_customers", "orders", "items"):
        rep.exact(k, stats[k], w[k])
    rep.result("repeat_purchase_rate (count FILTER / count, float8)", float(stats["repeat_purchase_rate"]) ==
               float(w["repeat_purchase_rate"]), stats["repeat_purchase_rate"], w["repeat_purchase_rate"], "exact")
    rep.money("revenue = sum(amount)", stats["revenue"], w["revenue"])
    rep.money("avg_order_value = avg(amount)", stats["avg_order_value"], w["avg_order_value"], "exact numeric")
    rep.money("revenue_per_customer = sum / count(DISTINCT)", stats["revenue_per_customer"],
              w["revenue_per_customer"], "exact numeric")
    rep.money("profit = sum(amount) - sum(cost)", stats["profit"], w["profit"])
    rep.seconds("avg_time_between_purchases", stats["avg_gap"], w["avg_gap"])
    rep.seconds("median_time_between_purchases (percentile_cont)", stats["median_gap"], w["median_gap"])
    rep.seconds("avg_lifespan", stats["avg_lifespan"], w["avg_lifespan"])
    rep.exact("first_order_at (us)", micros_of_epoch(stats["first_order"]), micros_of_epoch(w["first_order"]))
    rep.exact("last_order_at (us)", micros_of_epoch(stats["last_order"]), micros_of_epoch(w["last_order"]))

    for (ps, pe), e in zip(RETENTION_PERIODS, retentions):
        r = DB.one("""
WITH w AS (SELECT timestamptz '%s' AS ps, timestamptz '%s' AS pe),
f AS (SELECT customer_id,
             bool_or(ordered_at < ps - (pe - ps)) AS before,
             bool_or(ordered_at >= ps - (pe - ps) AND ordered_at < ps) AS prev,
             bool_or(ordered_at >= ps AND ordered_at < pe) AS cur
      FROM orders, w GROUP BY customer_id)
SELECT count(*) FILTER (WHERE prev) AS customers_start, count(*) FILTER (WHERE prev AND cur) AS retained,
       count(*) FILTER (WHERE prev AND NOT cur) AS churned,
       count(*) FILTER (WHERE cur AND NOT prev AND NOT before) AS new_customers,
       count(*) FILTER (WHERE cur AND NOT prev AND before) AS reactivated,
       count(*) FILTER (WHERE cur) AS customers_end
FROM f""" % (ps, pe))
        got = tuple(e[k] for k in r)
        rep.exact("retention [%s, %s) counts" % (ps, pe), " ".join(got), " ".join(r.values()),
                  "start retained churned new react end")

    for (g, z), ext in zip(SERIES, series):
        rows = DB.rows("""
WITH o AS (SELECT customer_id, amount, date_trunc('%(g)s', ordered_at, '%(z)s') AS p FROM orders),
act AS (SELECT DISTINCT customer_id, p, date_trunc('%(g)s', p - interval '1 day', '%(z)s') AS prev FROM o),
per AS (SELECT p, count(*) AS orders, sum(amount) AS revenue, count(DISTINCT customer_id) AS customers_end
        FROM o GROUP BY p),
new AS (SELECT p, count(*) AS new_customers FROM (SELECT min(p) AS p FROM o GROUP BY customer_id) f GROUP BY p),
ret AS (SELECT a.p, count(*) AS retained
        FROM act a JOIN act b ON b.customer_id = a.customer_id AND b.p = a.prev GROUP BY a.p)
SELECT extract(epoch FROM p) AS period_start_epoch, orders, revenue, customers_end,
       coalesce(new_customers, 0) AS new_customers, coalesce(retained, 0) AS retained
FROM per LEFT JOIN new USING (p) LEFT JOIN ret USING (p) ORDER BY p""" % dict(g=g, z=z))
        with_orders = [r for r in ext if int(r["orders"]) > 0]
        same = len(rows) == len(with_orders)
        bad = []
        for a, b in zip(with_orders, rows):
            if not (micros_of_epoch(a["period_start_epoch"]) == micros_of_epoch(b["period_start_epoch"])
                    and all(a[k] == b[k] for k in ("orders", "customers_end", "new_customers", "retained"))
                    and Decimal(a["revenue"]) == Decimal(b["revenue"])):
                bad.append((a, b))
        rep.result("%s/%s: orders, revenue, end, new, retained per period" % (g, z), same and not bad,
                   "%d periods" % len(with_orders), "%d periods" % len(rows), "date_trunc(.., zone)")
        for a, b in bad[:3]:
            print("    extension %s\n    plain SQL %s" % (a, b))

    sums = DB.rows("SELECT extract(epoch FROM month) AS e, sum(mrr) AS mrr, count(*) FILTER (WHERE mrr > 0) AS n "
                   "FROM mrr GROUP BY month ORDER BY month")
    got = [(micros_of_epoch(r["period_start_epoch"]), Decimal(r["mrr_end"]), r["customers_end"]) for r in mrr_series_rows]
    want = [(micros_of_epoch(r["e"]), Decimal(r["mrr"]), r["n"]) for r in sums]
    rep.result("mrr_end, customers_end per month = sum(mrr), count(mrr > 0)", got == want,
               "%d months" % len(got), "%d months" % len(want))
    d = DB.one("""
SELECT count(*) AS n FROM (
    (SELECT customer_id, month, mrr FROM mrr
     EXCEPT SELECT customer_id, date_trunc('month', ordered_at), sum(amount) FROM orders GROUP BY 1, 2)
    UNION ALL
    (SELECT customer_id, date_trunc('month', ordered_at), sum(amount) FROM orders GROUP BY 1, 2
     EXCEPT SELECT customer_id, month, mrr FROM mrr)) x""")
    rep.exact("mrr table = monthly sum(amount) GROUP BY customer, month (rows differing)", d["n"], "0")


def check_session_zone(rep, orders_csv):
    """Aggregates without a time zone argument take the session's TimeZone at aggregation
    (the summary records it): the figures the docs and COMMENTs quote, January 1997's new
    customers in UTC and in America/Los_Angeles, against plain Python (each customer's first
    order date, at midnight UTC, in each zone by zoneinfo), and the `date` column of
    periods(): the period's local date, where period_start prints the previous evening."""
    from zoneinfo import ZoneInfo
    rep.section("session TimeZone at aggregation: new customers of January 1997 (docs' figures)")
    first = {}
    with open(orders_csv, newline="") as f:
        for r in csv.DictReader(f):
            d = datetime.date.fromisoformat(r["ordered_at"])
            first[r["customer_id"]] = min(first.get(r["customer_id"], d), d)
    for zone in ("UTC", "America/Los_Angeles"):
        ref = sum(1 for d in first.values()
                  if datetime.datetime(d.year, d.month, d.day, tzinfo=datetime.timezone.utc)
                  .astimezone(ZoneInfo(zone)).strftime("%Y-%m") == "1997-01")
        # DB.rows sets TimeZone = 'UTC' first; this SET replaces it for the query.
        rows = DB.rows("""
SET TimeZone = '%s';
SELECT new_customers, period_start::text AS period_start, date::text AS date
FROM periods((SELECT period_series_agg(customer_id, ordered_at, amount, 'month') FROM orders))
WHERE date = '1997-01-01'""" % zone)
        rep.exact("new customers in January 1997, session TimeZone %s" % zone,
                  int(rows[0]["new_customers"]), ref, "zoneinfo on the CSV")
        rep.text("period_start of the row dated 1997-01-01, session TimeZone %s" % zone,
                 rows[0]["period_start"], "1997-01-01 00:00:00%s" % ("+00" if zone == "UTC" else "-08"))
    # The docs quote these: the test fails if the data ever says otherwise.
    rep.exact("docs' figure: UTC", sum(1 for d in first.values() if d.strftime("%Y-%m") == "1997-01"), 7846,
              "docs/orders.md")
    la = DB.rows("""
SET TimeZone = 'UTC';
SELECT new_customers, period_start::text AS period_start, date::text AS date
FROM periods((SELECT period_series_agg(customer_id, ordered_at, amount, 'month', 'America/Los_Angeles') FROM orders))
WHERE date = '1997-01-01'""")
    rep.exact("docs' figure: America/Los_Angeles (time_zone argument)", int(la[0]["new_customers"]), 7942,
              "docs/orders.md; zoneinfo above")
    rep.text("period_start in UTC of the Los Angeles month dated 1997-01-01", la[0]["period_start"],
             "1997-01-01 08:00:00+00")


def reference_runs(paths):
    """The reference's command lines: name -> arguments. The first series is in the
    main run; the cost run also gives the second retention period."""
    def zone(g, z):
        return ["--granularity", g, "--zone", z]

    def period(ps, pe):
        return ["--period-start", ps, "--period-end", pe]

    runs = {"main": [paths["orders"]] + zone(*SERIES[0]) + period(*RETENTION_PERIODS[0]),
            "cost": [paths["orders_cost"]] + zone(*SERIES[0]) + period(*RETENTION_PERIODS[1])}
    for g, z in SERIES[1:]:
        runs["%s_%s" % (g, z.replace("/", "_"))] = [paths["orders"]] + zone(g, z)
    runs["mrr_series"] = ["--mrr-series", paths["mrr_rows"]] + zone("month", "UTC")
    runs["mrr_pair"] = ["--mrr", paths["mrr_pairs"]]
    return runs


def main():
    sys.stdout.reconfigure(line_buffering=True)  # in order with the output of the tools it runs
    started = time.time()
    rep = Report(started)
    handles = {}
    with tempfile.TemporaryDirectory(prefix="pg_retention-cdnow.") as tmp:
        try:
            paths, mrr_rows = prepare(tmp)
            # The reference runs (a few seconds of pandas each) go on while the database loads.
            handles = {name: start_reference(tmp, name, args) for name, args in reference_runs(paths).items()}
            load(paths)
            counts = DB.one("SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM customers) AS customers,"
                            " (SELECT count(*) FROM mrr) AS mrr, current_setting('TimeZone') AS tz")
            print("\nloaded CDNOW into database %s: %s orders, %s customers, %s customer-months of MRR (TimeZone %s), "
                  "%.1f s" % (DB, counts["orders"], counts["customers"], counts["mrr"], counts["tz"],
                              time.time() - started))
            if int(counts["orders"]) != CDNOW_ORDERS or int(counts["mrr"]) != mrr_rows:
                raise RuntimeError("loaded %s orders and %s MRR rows, expected %d and %d"
                                   % (counts["orders"], counts["mrr"], CDNOW_ORDERS, mrr_rows))

            check_paths(rep)  # needs no reference: runs while the reference is still computing
            ref = {name: reference_json(h) for name, h in handles.items()}
            stats = check_stats(rep, ref["main"], ref["cost"])
            retentions = [check_retention(rep, ref["main"], *RETENTION_PERIODS[0]),
                          check_retention(rep, ref["cost"], *RETENTION_PERIODS[1])]
            series = [check_series(rep, ref["main"] if i == 0 else ref["%s_%s" % (g, z.replace("/", "_"))], g, z)
                      for i, (g, z) in enumerate(SERIES)]
            mrr_series_rows = check_mrr_series(rep, ref["mrr_series"])
            check_mrr_pair(rep, ref["mrr_pair"], mrr_series_rows)
            check_plain_sql(rep, stats, retentions, series, mrr_series_rows)
            check_session_zone(rep, paths["orders"])
        finally:
            stop_references(handles.values())

    print("\ncdnow check: %d figures compared, %d failed, %.1f s"
          % (rep.checks, len(rep.failures), time.time() - started))
    if rep.failures:
        print("FAILED: " + ", ".join(rep.failures))
    return DB.drop_unless(rep.failures)


if __name__ == "__main__":
    sys.exit(main())
