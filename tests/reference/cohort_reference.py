#!/usr/bin/env python3
"""Reference implementation (pandas) of the cohort tables of pg_retention.

Written from the definitions below with plain pandas (groupby, merge) and
shares no code with the Rust implementation; it reuses only the loading,
calendar and Wilson helpers of orders_reference.py. Money is summed exactly
with decimal.Decimal and printed as decimal strings; rates are floats.

Definitions (the contract):
  - A period is the calendar period date_trunc(granularity, ordered_at, zone):
    day, ISO week (from Monday), month, quarter or year, in the time zone. A
    customer is active in a period when it has an order there.
  - First-time cohorts: a customer's cohort is the period of its first order.
    Recurring cohorts: every period in which a customer is active starts a
    cohort containing that customer (a customer is in several cohorts).
    A membership is a pair (customer, cohort).
  - cohort_table: for each cohort c with members and each period p from c to
    the LAST period with any order in the whole data (inclusive):
      period_offset          number of periods from c to p
      period_start/end       the start of p and of the period after p
      cohort_size            members of c
      active                 members of c active in p
      active_on_or_after     members of c active in p or in any later period
      orders                 orders of the members of c in p
      revenue                exact sum of their amounts in p; None (NULL) when
                             no order of the cell has an amount
      revenue_retention      revenue(p) / revenue(c) as a float; None when
                             revenue(c) is 0 or None, and when revenue(p) is None
                             (NULL / x is NULL)
      cumulative_revenue     exact sum of the revenue of the cells c..p, None
                             (SQL's sum of NULLs) when none of them has revenue
      cumulative_revenue_per_customer
                             cumulative_revenue / cohort_size, a Decimal quotient
                             to 50 significant digits (PostgreSQL's numeric
                             division rounds to its own scale: compare with a
                             relative tolerance, or compare cumulative_revenue)
      retention, retention_on_or_after
                             active / size, active_on_or_after / size
      retention_lower/upper  Wilson interval (confidence, default 0.95) of
                             active out of size
      matured                period_end <= as_of
  - retention_curve(mode): for each offset N, over the cells (c, c+N) with
    matured: cohorts = number of cells, customers = sum of their sizes,
    active = sum of active (mode 'on') or active_on_or_after ('on or after'),
    retention = active / customers, Wilson interval of active out of
    customers. Offsets without a matured cell are omitted.
  - bracket_retention with bounds b1 < b2 < ... < bm (2 to 64 bounds, b1 >= 1):
    bracket j (1-based, j = 1..m-1) covers offsets [bj, bj+1); active = members
    of the cohort active in at least one period with an offset in that range
    (periods beyond the data have no orders). One row per cohort and bracket.

Command line (JSON on stdout, or a text summary):

  python3 cohort_reference.py ORDERS.csv [--granularity month] [--zone UTC]
        [--kind first-time|recurring] [--as-of TS] [--confidence 0.95]
        [--brackets 1,2,4,7,13] [--summary]

ORDERS.csv as for orders_reference.py: customer_id, ordered_at, amount.
--as-of defaults to now (UTC); a value without an offset is UTC.
"""
import argparse
import bisect
import decimal
import json
import os
import sys
from decimal import Decimal

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from orders_reference import (  # noqa: E402
    EXACT, PERIOD_FREQ, dec_str, load_orders, parse_timestamp, period_start, to_periods,
    wilson_interval)

KINDS = ("first-time", "recurring")
MODES = ("on", "on or after")
# For cumulative revenue per customer: far more digits than PostgreSQL shows.
QUOTIENT = decimal.Context(prec=50, traps=[decimal.InvalidOperation, decimal.DivisionByZero])
DIVIDE = decimal.Context(prec=60, traps=[decimal.InvalidOperation, decimal.DivisionByZero])


# ---------------------------------------------------------------- building blocks

def cells(orders, granularity, zone):
    """One row per (customer, period) with an order: customer_id, period (the
    integer ordinal of the pandas Period: consecutive periods differ by 1),
    orders, priced (orders with an amount), revenue (exact sum of the amounts,
    Decimal 0 when priced is 0). The exact sums are a plain loop over the rows:
    a groupby with a Python function per group is much slower."""
    if granularity not in PERIOD_FREQ:
        raise ValueError("granularity must be one of %s" % ", ".join(sorted(PERIOD_FREQ)))
    periods = to_periods(orders["ordered_at"], granularity, zone).array.asi8
    acc = {}
    for c, p, a in zip(orders["customer_id"], periods.tolist(), orders["amount"]):
        e = acc.get((c, p))
        if e is None:
            e = acc[(c, p)] = [0, 0, Decimal(0)]
        e[0] += 1
        if a is not None:
            e[1] += 1
            e[2] = EXACT.add(e[2], a)
    keys = sorted(acc)
    return pd.DataFrame({
        "customer_id": [k[0] for k in keys],
        "period": pd.array([k[1] for k in keys], dtype="int64"),
        "orders": [acc[k][0] for k in keys],
        "priced": [acc[k][1] for k in keys],
        "revenue": [acc[k][2] for k in keys],
    })


def memberships(act, kind):
    """(customer_id, cohort) pairs, with the customer's last active period."""
    if kind not in KINDS:
        raise ValueError("kind must be first-time or recurring")
    last = act.groupby("customer_id")["period"].max().rename("last")
    if kind == "first-time":
        m = act.groupby("customer_id")["period"].min().rename("cohort").reset_index()
    else:
        m = act[["customer_id", "period"]].rename(columns={"period": "cohort"})
    return m.merge(last.reset_index(), on="customer_id")


def member_cells(act, mem):
    """The active cells of each membership at or after its cohort: one row per
    (customer, cohort, period) with period >= cohort, and offset = period - cohort."""
    j = mem[["customer_id", "cohort"]].merge(act, on="customer_id")
    j = j[j["period"] >= j["cohort"]].copy()
    j["offset"] = j["period"] - j["cohort"]
    return j


def prepare(orders, granularity, kind, zone):
    """The cells, memberships and member cells of the orders, computed once for
    cohort_table() and bracket_retention() (pass as prepared=)."""
    act = cells(orders, granularity, zone)
    mem = memberships(act, kind)
    return {"key": (id(orders), granularity, kind, zone), "act": act, "mem": mem,
            "mc": member_cells(act, mem)}


def prepared_for(orders, granularity, kind, zone, prepared):
    if prepared is None:
        return prepare(orders, granularity, kind, zone)
    if prepared["key"] != (id(orders), granularity, kind, zone):
        raise ValueError("prepared= was made for other orders or another calendar")
    return prepared


class Calendar:
    """Turns period ordinals into start / end timestamps in the zone."""

    def __init__(self, granularity, zone):
        self.freq = PERIOD_FREQ[granularity]
        self.zone = zone
        self.starts = {}

    def period(self, ordinal):
        return pd.Period(ordinal=int(ordinal), freq=self.freq)

    def start(self, ordinal):
        ordinal = int(ordinal)
        if ordinal not in self.starts:
            self.starts[ordinal] = period_start(self.period(ordinal), self.zone)
        return self.starts[ordinal]

    def end(self, ordinal):
        return self.start(int(ordinal) + 1)


def as_timestamp(as_of):
    if as_of is None:
        return pd.Timestamp.now(tz="UTC")
    if isinstance(as_of, str):
        return parse_timestamp(as_of)
    ts = pd.Timestamp(as_of)
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts


def ratio(num, den):
    if num is None or den is None or den == 0:
        return None
    return num / den


# ---------------------------------------------------------------- cohort_table

def cohort_table(orders, granularity="month", zone="UTC", kind="first-time", as_of=None,
                 confidence=0.95, prepared=None):
    """The rows of cohort_table() (see the module's contract), ordered by cohort
    and offset. Timestamps are ISO strings (UTC offsets as pandas prints them in
    the zone); money is decimal text or None."""
    if len(orders) == 0:
        return []
    as_of_ts = as_timestamp(as_of)
    cal = Calendar(granularity, zone)
    prep = prepared_for(orders, granularity, kind, zone, prepared)
    act, mem, mc = prep["act"], prep["mem"], prep["mc"]
    last_period = int(act["period"].max())
    size = mem.groupby("cohort").size()

    # Per (cohort, period): active members, their orders, priced orders, revenue.
    grid_d = {}
    for c, p, n_orders, priced, revenue in zip(mc["cohort"].tolist(), mc["period"].tolist(),
                                               mc["orders"], mc["priced"], mc["revenue"]):
        e = grid_d.get((c, p))
        if e is None:
            e = grid_d[(c, p)] = {"active": 0, "orders": 0, "priced": 0, "revenue": Decimal(0)}
        e["active"] += 1
        e["orders"] += n_orders
        e["priced"] += priced
        e["revenue"] = EXACT.add(e["revenue"], revenue)
    # Members by last active period, per cohort: on_or_after(p) = members with last >= p.
    lasts = {c: sorted(v) for c, v in mem.groupby("cohort")["last"]}

    rows = []
    for c in sorted(size.index):
        n = int(size[c])
        first_revenue = None
        cumulative = None
        for p in range(int(c), last_period + 1):
            cell = grid_d.get((c, p))
            active = int(cell["active"]) if cell else 0
            n_orders = int(cell["orders"]) if cell else 0
            priced = int(cell["priced"]) if cell else 0
            revenue = cell["revenue"] if priced else None
            if p == c:
                first_revenue = revenue
            if revenue is not None:
                cumulative = revenue if cumulative is None else EXACT.add(cumulative, revenue)
            ls = lasts[c]
            on_or_after = len(ls) - bisect.bisect_left(ls, p)
            lower, upper = wilson_interval(active, n, confidence)
            if revenue is None or first_revenue is None or first_revenue == 0:
                revenue_retention = None
            else:
                revenue_retention = float(DIVIDE.divide(revenue, first_revenue))
            end = cal.end(p)
            rows.append({
                "cohort_start": cal.start(c).isoformat(),
                "period_offset": p - int(c),
                "period_start": cal.start(p).isoformat(),
                "period_end": end.isoformat(),
                "cohort_size": n,
                "active": active,
                "retention": ratio(active, n),
                "retention_lower": lower,
                "retention_upper": upper,
                "active_on_or_after": on_or_after,
                "retention_on_or_after": ratio(on_or_after, n),
                "orders": n_orders,
                "priced_orders": priced,
                "revenue": dec_str(revenue),
                "revenue_retention": revenue_retention,
                "cumulative_revenue": dec_str(cumulative),
                "cumulative_revenue_per_customer":
                    None if cumulative is None else dec_str(QUOTIENT.divide(cumulative, Decimal(n))),
                "matured": bool(end <= as_of_ts),
            })
    return rows


# ---------------------------------------------------------------- retention_curve

def retention_curve(table_rows, mode="on", confidence=0.95):
    """Weighted curve over the matured cells of cohort_table rows (their as_of)."""
    if mode not in MODES:
        raise ValueError("mode must be 'on' or 'on or after'")
    key = "active" if mode == "on" else "active_on_or_after"
    per = {}
    for r in table_rows:
        if not r["matured"]:
            continue
        acc = per.setdefault(r["period_offset"], [0, 0, 0])
        acc[0] += 1
        acc[1] += r["cohort_size"]
        acc[2] += r[key]
    out = []
    for n in sorted(per):
        cohorts, customers, active = per[n]
        lower, upper = wilson_interval(active, customers, confidence)
        out.append({"period_offset": n, "cohorts": cohorts, "customers": customers,
                    "active": active, "retention": ratio(active, customers),
                    "retention_lower": lower, "retention_upper": upper})
    return out


# ---------------------------------------------------------------- bracket_retention

def check_brackets(bounds):
    bounds = [int(b) for b in bounds]
    if not 2 <= len(bounds) <= 64:
        raise ValueError("brackets need 2 to 64 bounds")
    if bounds[0] < 1 or any(b <= a for a, b in zip(bounds, bounds[1:])):
        raise ValueError("bracket bounds must be increasing offsets >= 1: %s" % bounds)
    return bounds


def bracket_retention(orders, bounds, granularity="month", zone="UTC", kind="first-time",
                      confidence=0.95, prepared=None):
    """One row per cohort and bracket j = 1..m-1: members active at some offset in
    [bounds[j-1], bounds[j])."""
    bounds = check_brackets(bounds)
    if len(orders) == 0:
        return []
    cal = Calendar(granularity, zone)
    prep = prepared_for(orders, granularity, kind, zone, prepared)
    mem, mc = prep["mem"], prep["mc"]
    size = mem.groupby("cohort").size()
    # Bracket (0-based) of each offset; offsets outside [b1, bm) belong to none.
    mc = mc[(mc["offset"] >= bounds[0]) & (mc["offset"] < bounds[-1])].copy()
    mc["bracket"] = [bisect.bisect_right(bounds, o) - 1 for o in mc["offset"]]
    active = mc.groupby(["cohort", "bracket"])["customer_id"].nunique().to_dict()
    rows = []
    for c in sorted(size.index):
        n = int(size[c])
        for j in range(len(bounds) - 1):
            a = int(active.get((c, j), 0))
            lower, upper = wilson_interval(a, n, confidence)
            rows.append({"cohort_start": cal.start(c).isoformat(), "bracket": j + 1,
                         "from_offset": bounds[j], "to_offset": bounds[j + 1],
                         "cohort_size": n, "active": a, "retention": ratio(a, n),
                         "retention_lower": lower, "retention_upper": upper})
    return rows


# ---------------------------------------------------------------- command line

def report(orders_source, granularity="month", zone="UTC", kind="first-time", as_of=None,
           confidence=0.95, brackets=None):
    orders = load_orders(orders_source)
    as_of_ts = as_timestamp(as_of)
    prep = prepare(orders, granularity, kind, zone) if len(orders) else None
    table = cohort_table(orders, granularity, zone, kind, as_of_ts, confidence, prep)
    out = {"granularity": granularity, "zone": zone, "kind": kind,
           "as_of": as_of_ts.isoformat(), "confidence": confidence,
           "table": table,
           "curve_on": retention_curve(table, "on", confidence),
           "curve_on_or_after": retention_curve(table, "on or after", confidence)}
    if brackets:
        out["brackets"] = list(brackets)
        out["bracket_retention"] = bracket_retention(orders, brackets, granularity, zone, kind,
                                                     confidence, prep)
    return out


def summary_text(res):
    lines = ["%s cohorts by %s in %s, as of %s: %d cells" % (
        res["kind"], res["granularity"], res["zone"], res["as_of"], len(res["table"]))]
    lines.append("  %-10s %4s %6s %6s %6s %7s %14s %s" % (
        "cohort", "off", "size", "active", "onaft", "orders", "revenue", "matured"))
    for r in res["table"]:
        lines.append("  %-10s %4d %6d %6d %6d %7d %14s %s" % (
            r["cohort_start"][:10], r["period_offset"], r["cohort_size"], r["active"],
            r["active_on_or_after"], r["orders"], r["revenue"], r["matured"]))
    for mode in MODES:
        key = "curve_" + mode.replace(" ", "_")
        lines.append("curve '%s': %s" % (mode, " ".join(
            "%d:%d/%d" % (r["period_offset"], r["active"], r["customers"]) for r in res[key])))
    for r in res.get("bracket_retention", []):
        lines.append("  bracket %s #%d [%d, %d): %d/%d" % (
            r["cohort_start"][:10], r["bracket"], r["from_offset"], r["to_offset"],
            r["active"], r["cohort_size"]))
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Reference cohort tables (pandas).")
    ap.add_argument("orders", help="orders CSV: customer_id,ordered_at,amount")
    ap.add_argument("--granularity", default="month", choices=sorted(PERIOD_FREQ))
    ap.add_argument("--zone", default="UTC")
    ap.add_argument("--kind", default="first-time", choices=KINDS)
    ap.add_argument("--as-of", help="timestamp (default now); no offset = UTC")
    ap.add_argument("--confidence", type=float, default=0.95)
    ap.add_argument("--brackets", help="comma-separated increasing offsets, e.g. 1,2,4,7,13")
    ap.add_argument("--summary", action="store_true", help="a short text summary instead of JSON")
    args = ap.parse_args(argv)
    brackets = [int(b) for b in args.brackets.split(",")] if args.brackets else None
    if brackets:
        check_brackets(brackets)
    res = report(args.orders, args.granularity, args.zone, args.kind, args.as_of,
                 args.confidence, brackets)
    if args.summary:
        print(summary_text(res))
        return 0
    json.dump(res, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
