#!/usr/bin/env python3
"""Checks of the reference implementation itself, on tiny fixtures worked by hand.

    python3 -m pytest tests/reference/test_reference.py
    python3 tests/reference/test_reference.py          (without pytest)

Each expected value is computed by hand in the comments next to it, from the
definitions in orders_reference.py's contract, not from the code. Times are in
seconds; 1 day = 86,400 s.
"""
import io
import json
import math
import os
import subprocess
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import orders_reference as ref  # noqa: E402
import cdnow_to_csv  # noqa: E402

DAY = 86400
YEAR = 365 * DAY


class Skipped(Exception):
    pass


def skip(reason):
    try:
        import pytest
    except ImportError:
        raise Skipped(reason)
    pytest.skip(reason)


def close(a, b, tol=1e-12):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=tol, abs_tol=tol)


def orders_from(text):
    return ref.load_orders(io.StringIO(text))


# Fixture A: three customers, period boundaries, equal timestamps, a NULL amount,
# a customer with one order, an offset that changes the UTC day.
ORDERS_A = """customer_id,ordered_at,amount
a,2025-01-01,10.00
a,2025-01-31T23:59:59,20.10
a,2025-03-01T00:00:00+00:00,
b,2025-02-01T00:00:00Z,5.05
b,2025-02-01 00:00:00,4.95
c,2025-03-15T12:00:00+02:00,0.10
,2025-03-20,99.00
d,,99.00
"""
# The last two rows have an empty customer_id / ordered_at: skipped.
# In UTC: a: Jan 1 00:00, Jan 31 23:59:59, Mar 1 00:00 (no amount);
#         b: Feb 1 00:00 twice; c: Mar 15 10:00.


def test_loading():
    o = orders_from(ORDERS_A)
    assert len(o) == 6                                  # 8 rows - 2 skipped
    assert str(o["ordered_at"][0]) == "2025-01-01 00:00:00+00:00"   # date only: UTC midnight
    assert str(o["ordered_at"][1]) == "2025-01-31 23:59:59+00:00"   # naive: UTC
    assert o["ordered_at"][3] == o["ordered_at"][4]                 # 'Z' and naive agree
    assert str(o["ordered_at"][5]) == "2025-03-15 10:00:00+00:00"   # 12:00+02 = 10:00Z
    assert o["amount"][2] is None                                   # empty amount = NULL
    assert o["amount"][0] == Decimal("10.00")


def test_stats_fixture_a():
    st = ref.stats(orders_from(ORDERS_A))
    # customers a, b, c; orders a=3, b=2, c=1 -> 6; repeat: a, b -> 2/3
    assert st["customers"] == 3
    assert st["orders"] == 6
    assert st["repeat_customers"] == 2
    assert close(st["repeat_purchase_rate"], 2 / 3)
    assert close(st["orders_per_customer"], 2.0)
    # revenue = 10.00 + 20.10 + 5.05 + 4.95 + 0.10 = 40.20 (exact text), 5 priced orders
    assert st["revenue"] == "40.20"
    assert st["priced_orders"] == 5
    assert close(st["avg_order_value"], 8.04)           # 40.20 / 5
    assert close(st["revenue_per_customer"], 13.4)      # 40.20 / 3
    # lifespans: a = Jan 1 -> Mar 1 = 31 + 28 = 59 days = 5,097,600 s; b = 0 (equal
    # timestamps); c = 0 (one order). Intervals: (3-1) + (2-1) + 0 = 3.
    assert close(st["avg_time_between_purchases"], 5097600 / 3)     # 1,699,200 s
    assert close(st["avg_lifespan"], 5097600 / 3)                    # mean of 59 d, 0, 0
    # gaps: a: Jan 31 23:59:59 - Jan 1 = 30 d + 86,399 s = 2,678,399;
    #          Mar 1 - Jan 31 23:59:59 = 28 d + 1 s = 2,419,201; b: 0.
    # sorted 0, 2,419,201, 2,678,399 -> median 2,419,201
    assert st["purchase_gaps"] == 3
    assert st["median_time_between_purchases"] == 2419201.0
    # window: Jan 1 00:00 -> Mar 15 10:00 = 73 d + 10 h = 6,307,200 + 36,000 = 6,343,200
    assert st["observation_window"] == 6343200.0
    # purchase frequency per 365 days = 6 / 3 / (6,343,200 / 31,536,000) = 9.9432...
    pf = 2 / (6343200 / YEAR)
    assert close(st["purchase_frequency"], pf)
    assert close(st["purchase_frequency"], 9.943239, tol=1e-6)
    # CLV observed = 8.04 * pf * (1,699,200 / 31,536,000); churn-based = 8.04 * pf / 0.5
    assert close(st["historic_clv_observed"], 8.04 * pf * (1699200 / YEAR))
    assert close(st["historic_clv_churn"], 8.04 * pf * 2)
    assert "items" not in st and "cost" not in st


def test_exact_money():
    # 0.10 + 0.20 is 0.30 exactly (binary floats would give 0.30000000000000004)
    st = ref.stats(orders_from("customer_id,ordered_at,amount\nx,2025-01-01,0.10\nx,2025-01-02,0.20\n"))
    assert st["revenue"] == "0.30"
    # a customer with only a NULL amount: an order without revenue; no average
    st = ref.stats(orders_from("customer_id,ordered_at,amount\nx,2025-01-01,\n"))
    assert (st["orders"], st["priced_orders"], st["revenue"]) == (1, 0, "0")
    assert st["avg_order_value"] is None
    # one customer, one order: no interval, window 0 -> frequency and CLV null
    assert st["avg_time_between_purchases"] is None
    assert st["median_time_between_purchases"] is None
    assert st["observation_window"] == 0.0 and st["purchase_frequency"] is None
    assert st["historic_clv_observed"] is None and st["historic_clv_churn"] is None


def test_items_cost_profit():
    text = """customer_id,ordered_at,amount,items,cost
k,2025-01-01,10.00,2,6.50
k,2025-01-05,5.00,1,2.25
m,2025-01-07,7.30,3,4.00
"""
    st = ref.stats(orders_from(text))
    # items 2+1+3 = 6; cost 6.50+2.25+4.00 = 12.75; revenue 22.30; profit 9.55; /2 = 4.775
    assert st["items"] == 6
    assert st["cost"] == "12.75"
    assert st["revenue"] == "22.30"
    assert st["profit"] == "9.55"
    assert close(st["profit_per_customer"], 4.775)
    # one order without a cost: profit still summed, profit_per_customer null
    st = ref.stats(orders_from(text.replace(",2.25\n", ",\n")))
    assert st["cost"] == "10.50" and st["profit"] == "11.80"
    assert st["profit_per_customer"] is None


def test_month_series_utc():
    rows = ref.series(orders_from(ORDERS_A), "month", "UTC")
    assert [r["period_start"] for r in rows] == [
        "2025-01-01T00:00:00+00:00", "2025-02-01T00:00:00+00:00", "2025-03-01T00:00:00+00:00"]
    jan, feb, mar = rows
    # Jan: a (Jan 1 00:00 and Jan 31 23:59:59, both in January): new; 2 orders, 30.10
    assert (jan["customers_start"], jan["customers_end"], jan["new_customers"]) == (0, 1, 1)
    assert (jan["retained"], jan["reactivated"], jan["churned"]) == (0, 0, 0)
    assert jan["retention_rate"] is None and jan["churn_rate"] is None and jan["crr"] is None
    assert jan["returning_customer_rate"] == 0.0          # (0 + 0) / 1
    assert (jan["orders"], jan["revenue"]) == (2, "30.10")
    assert close(jan["avg_order_value"], 15.05)
    # Feb: b (two orders at Feb 1 00:00, the first instant of February): new.
    # a was active in Jan and not in Feb: churned. start 1, end 1.
    assert (feb["customers_start"], feb["customers_end"], feb["new_customers"]) == (1, 1, 1)
    assert (feb["retained"], feb["reactivated"], feb["churned"]) == (0, 0, 1)
    assert feb["retention_rate"] == 0.0 and feb["churn_rate"] == 1.0
    assert feb["crr"] == 0.0                             # (1 - 1) / 1
    assert feb["returning_customer_rate"] == 0.0
    assert (feb["orders"], feb["revenue"]) == (2, "10.00")
    assert close(feb["avg_order_value"], 5.0)
    # Mar: a (Mar 1 00:00, NULL amount) and c (Mar 15). c new; a reactivated (first
    # order in Jan, not active in Feb); b churned. start 1 (b), end 2.
    assert (mar["customers_start"], mar["customers_end"], mar["new_customers"]) == (1, 2, 1)
    assert (mar["retained"], mar["reactivated"], mar["churned"]) == (0, 1, 1)
    assert mar["retention_rate"] == 0.0 and mar["churn_rate"] == 1.0
    assert mar["crr"] == 1.0                             # (2 - 1) / 1
    assert mar["returning_customer_rate"] == 0.5         # (0 + 1) / 2
    assert (mar["orders"], mar["priced_orders"], mar["revenue"]) == (2, 1, "0.10")
    assert close(mar["avg_order_value"], 0.10)
    assert mar["orders_per_customer"] == 1.0             # 2 / 2
    assert close(mar["revenue_per_customer"], 0.05)      # 0.10 / 2


def test_month_series_new_york():
    # Same orders in America/New_York (EST = UTC-5 until Mar 9 2025, then EDT = UTC-4):
    # a Jan 1 00:00Z = Dec 31 19:00 -> Dec 2024;  a Jan 31 23:59:59Z -> Jan 31 18:59 -> Jan
    # b Feb 1 00:00Z (x2) = Jan 31 19:00 -> Jan;  a Mar 1 00:00Z = Feb 28 19:00 -> Feb
    # c Mar 15 10:00Z = Mar 15 06:00 EDT -> Mar
    rows = ref.series(orders_from(ORDERS_A), "month", "America/New_York")
    assert [r["period_start"] for r in rows] == [
        "2024-12-01T00:00:00-05:00", "2025-01-01T00:00:00-05:00",
        "2025-02-01T00:00:00-05:00", "2025-03-01T00:00:00-05:00"]
    dec, jan, feb, mar = rows
    assert (dec["customers_end"], dec["new_customers"], dec["orders"], dec["revenue"]) == (1, 1, 1, "10.00")
    # Jan: a (retained from Dec) and b (new); revenue 20.10 + 5.05 + 4.95 = 30.10
    assert (jan["customers_start"], jan["customers_end"], jan["new_customers"]) == (1, 2, 1)
    assert (jan["retained"], jan["reactivated"], jan["churned"]) == (1, 0, 0)
    assert jan["retention_rate"] == 1.0 and jan["crr"] == 1.0     # (2 - 1) / 1
    assert jan["returning_customer_rate"] == 0.5                  # 1 / 2
    assert (jan["orders"], jan["revenue"]) == (3, "30.10")
    # Feb: a only (NULL amount): retained 1, b churned; no priced order -> no AOV
    assert (feb["customers_start"], feb["customers_end"], feb["retained"], feb["churned"]) == (2, 1, 1, 1)
    assert feb["retention_rate"] == 0.5 and feb["churn_rate"] == 0.5 and feb["crr"] == 0.5
    assert (feb["orders"], feb["priced_orders"], feb["revenue"]) == (1, 0, "0")
    assert feb["avg_order_value"] is None
    # Mar: c new, a churned
    assert (mar["customers_start"], mar["customers_end"], mar["new_customers"], mar["churned"]) == (1, 1, 1, 1)
    assert mar["crr"] == 0.0


def test_empty_month_between_active_months():
    text = """customer_id,ordered_at,amount
x,2025-01-10,1.00
y,2025-01-20,3.00
x,2025-03-10,2.00
"""
    rows = ref.series(orders_from(text), "month", "UTC")
    # January and March have orders; February is empty but listed.
    assert [r["period_start"][:7] for r in rows] == ["2025-01", "2025-02", "2025-03"]
    jan, feb, mar = rows
    assert (jan["customers_end"], jan["new_customers"], jan["revenue"]) == (2, 2, "4.00")
    # Feb: nobody active; both January customers churned.
    assert (feb["customers_start"], feb["customers_end"], feb["churned"], feb["new_customers"]) == (2, 0, 2, 0)
    assert feb["retention_rate"] == 0.0 and feb["churn_rate"] == 1.0 and feb["crr"] == 0.0
    assert feb["returning_customer_rate"] is None                 # customers_end = 0
    assert (feb["orders"], feb["revenue"], feb["avg_order_value"]) == (0, "0", None)
    assert feb["orders_per_customer"] is None and feb["revenue_per_customer"] is None
    # Mar: x is back: not new (first order in Jan), not active in Feb -> reactivated.
    # customers_start = 0 -> retention, churn and crr null.
    assert (mar["customers_start"], mar["customers_end"], mar["reactivated"], mar["new_customers"]) == (0, 1, 1, 0)
    assert mar["retention_rate"] is None and mar["churn_rate"] is None and mar["crr"] is None
    assert mar["returning_customer_rate"] == 1.0                  # (0 + 1) / 1


def test_day_buckets_across_dst_berlin():
    # Europe/Berlin: 2025-03-30 02:00 CET -> 03:00 CEST (01:00Z); a 23-hour day.
    # p 2025-03-29T23:30Z = Mar 30 00:30 CET        -> day Mar 30
    # q 2025-03-30T21:59:59Z = Mar 30 23:59:59 CEST -> day Mar 30
    # p 2025-03-30T22:30Z = Mar 31 00:30 CEST       -> day Mar 31
    text = """customer_id,ordered_at,amount
p,2025-03-29T23:30:00Z,1
q,2025-03-30T21:59:59Z,2
p,2025-03-30T22:30:00Z,3
"""
    rows = ref.series(orders_from(text), "day", "Europe/Berlin")
    assert [r["period_start"] for r in rows] == [
        "2025-03-30T00:00:00+01:00",     # the day starts in CET...
        "2025-03-31T00:00:00+02:00"]     # ...and the next one in CEST
    assert [(r["orders"], r["customers_end"], r["retained"], r["churned"]) for r in rows] == [
        (2, 2, 0, 0), (1, 1, 1, 1)]
    # In UTC the same orders fall on Mar 29 (p) and Mar 30 (q, p).
    rows = ref.series(orders_from(text), "day", "UTC")
    assert [(r["period_start"], r["orders"]) for r in rows] == [
        ("2025-03-29T00:00:00+00:00", 1), ("2025-03-30T00:00:00+00:00", 2)]
    # Autumn: 2025-10-26 has 25 hours (03:00 CEST -> 02:00 CET at 01:00Z).
    # r 2025-10-25T22:00Z = Oct 26 00:00 CEST; r 2025-10-26T22:59:59Z = Oct 26 23:59:59 CET
    text = "customer_id,ordered_at,amount\nr,2025-10-25T22:00:00Z,1\nr,2025-10-26T22:59:59Z,1\n"
    rows = ref.series(orders_from(text), "day", "Europe/Berlin")
    assert [(r["period_start"], r["orders"]) for r in rows] == [("2025-10-26T00:00:00+02:00", 2)]
    # the gap is 25 h - 1 s = 89,999 s
    assert ref.stats(orders_from(text))["median_time_between_purchases"] == 89999.0


def test_week_quarter_year_buckets():
    # ISO weeks start on Monday: Sunday 2025-01-05 23:00Z is in the week of Monday
    # 2024-12-30; Monday 2025-01-06 00:00Z starts the next week.
    text = "customer_id,ordered_at,amount\ns,2025-01-05T23:00:00Z,1\ns,2025-01-06T00:00:00Z,1\n"
    rows = ref.series(orders_from(text), "week", "UTC")
    assert [r["period_start"] for r in rows] == ["2024-12-30T00:00:00+00:00", "2025-01-06T00:00:00+00:00"]
    assert rows[1]["retained"] == 1
    # 2024-12-31T23:30:00-01:00 = 2025-01-01T00:30Z: 2025 Q1 in UTC, 2024 Q4 in
    # Atlantic/Azores (UTC-1 in winter, UTC+0 in summer time, which lasts until the
    # last Sunday of October: so Q4 2024 and Q2 2025 start at +00:00, Q1 2025 at -01:00).
    text = "customer_id,ordered_at,amount\nt,2024-12-31T23:30:00-01:00,1\nt,2025-05-01,1\n"
    assert [r["period_start"] for r in ref.series(orders_from(text), "quarter", "UTC")] == [
        "2025-01-01T00:00:00+00:00", "2025-04-01T00:00:00+00:00"]
    assert [r["period_start"] for r in ref.series(orders_from(text), "quarter", "Atlantic/Azores")] == [
        "2024-10-01T00:00:00+00:00", "2025-01-01T00:00:00-01:00", "2025-04-01T00:00:00+00:00"]
    assert [r["period_start"] for r in ref.series(orders_from(text), "year", "Atlantic/Azores")] == [
        "2024-01-01T00:00:00-01:00", "2025-01-01T00:00:00-01:00"]


def test_retention_period():
    # Period [Feb 1, Mar 1) UTC: L = 28 days, previous period [Jan 4, Feb 1).
    text = """customer_id,ordered_at,amount
r1,2025-01-10,1
r1,2025-02-10,1
r2,2025-01-04T00:00:00,1
r3,2025-01-03T23:59:59,1
r3,2025-02-28T23:59:59,1
r4,2025-02-01T00:00:00,1
r5,2025-01-20,1
r5,2025-03-01T00:00:00,1
r6,2025-02-01T00:30:00+01:00,1
r6,2025-02-01T01:00:00Z,1
"""
    # r1: Jan 10 (prev) + Feb 10 (period)          -> start, retained
    # r2: Jan 4 00:00 = start of prev (included)   -> start, churned
    # r3: Jan 3 23:59:59 (before prev) + Feb 28    -> reactivated
    # r4: first order Feb 1 00:00 (= ps, included) -> new
    # r5: Jan 20 (prev) + Mar 1 00:00 (= pe, excluded) -> start, churned
    # r6: Jan 31 23:30Z (prev) + Feb 1 01:00Z       -> start, retained
    r = ref.retention(orders_from(text), "2025-02-01", "2025-03-01")
    assert r["previous_start"] == "2025-01-04T00:00:00+00:00"
    assert (r["customers_start"], r["retained"], r["churned"]) == (4, 2, 2)
    assert (r["customers_end"], r["new_customers"], r["reactivated"]) == (4, 1, 1)
    assert r["retention_rate"] == 0.5 and r["churn_rate"] == 0.5
    # Wilson 95% for 2/4: z = 1.959964, z^2 = 3.841459; centre = (0.5 + z^2/8) / (1 + z^2/4)
    # = 0.5; half = z/(1 + z^2/4) * sqrt(0.25/4 + z^2/64) = 0.999796 * 0.350033 = 0.349962
    assert close(r["retention_wilson_lower"], 0.150038, tol=1e-5)
    assert close(r["retention_wilson_upper"], 0.849962, tol=1e-5)
    # An offset period: [2025-02-01T00:00+01:00, 2025-03-01T00:00+01:00) = [Jan 31 23:00Z, Feb 28 23:00Z)
    r = ref.retention(orders_from(text), "2025-02-01T00:00:00+01:00", "2025-03-01T00:00:00+01:00")
    # now r6's Jan 31 23:30Z is in the period (retained needs prev: r6 has none -> new),
    # r3's Feb 28 23:59:59 is after the end (not in the period).
    assert r["new_customers"] == 2                       # r4, r6
    assert r["customers_end"] == 3                       # r1, r4, r6


def test_wilson_known_values():
    # 0 of 10: lower 0, upper = z^2 / (n + z^2) = 3.841459 / 13.841459 = 0.277533
    lo, hi = ref.wilson_interval(0, 10)
    assert close(lo, 0.0) and close(hi, 0.277533, tol=1e-5)
    assert ref.wilson_interval(0, 0) == (None, None)
    check = ref.wilson_statsmodels(7, 19)
    if check is not None:
        assert all(close(a, b) for a, b in zip(ref.wilson_interval(7, 19), check))


def test_mrr_pairs():
    # Ten customers at 10 (start 100): c1 churns (10), c2 and c3 drop to 5
    # (contraction 5 + 5 = 10), c4 grows to 20 (expansion 10), c5..c10 stay at 10;
    # one new customer at 15 (empty start), and one row that is 0 -> 0.
    text = "mrr_start,mrr_end\n10,0\n10,5\n10,5.00\n10,20\n" + "10,10\n" * 6 + ",15\n0,\n"
    m = ref.mrr_pairs(io.StringIO(text))
    assert (m["mrr_start"], m["mrr_end"]) == ("100", "105.00")    # 0+5+5+20+60+15
    assert (m["new"], m["expansion"], m["contraction"], m["churned"]) == ("15", "10", "10.00", "10")
    assert (m["customers_new"], m["customers_expansion"], m["customers_contraction"],
            m["customers_churned"], m["customers_unchanged"], m["customers_inactive"]) == (1, 1, 2, 1, 6, 1)
    assert (m["customers_start"], m["customers_end"]) == (10, 10)
    assert close(m["revenue_churn"], 0.10)               # 10 / 100
    assert close(m["gross_mrr_churn"], 0.20)             # (10 + 10) / 100
    assert close(m["net_mrr_churn"], 0.10)               # (10 + 10 - 10) / 100
    assert close(m["net_revenue_retention"], 0.90)       # (100 - 20 + 10) / 100
    assert close(m["gross_revenue_retention"], 0.80)     # (100 - 20) / 100
    assert close(m["quick_ratio"], 1.25)                 # (15 + 10) / 20
    # no churn and no contraction: quick ratio null; no starting MRR: rates null
    m = ref.mrr_pairs(io.StringIO("mrr_start,mrr_end\n0,5\n"))
    assert m["quick_ratio"] is None and m["revenue_churn"] is None


MRR_ROWS = """customer_id,period,mrr
u,2025-01-01,10
u,2025-02-03,4
u,2025-02-20T10:00:00Z,6
u,2025-04-01,12
v,2025-02-01,20
v,2025-03-01,15
v,2025-04-01,30
w,2025-01-15,5
w,2025-03-31T23:00:00-02:00,5
"""
# Monthly MRR in UTC (u's two February rows add up; w's last row is Apr 1 01:00Z):
#        Jan Feb Mar Apr
#   u     10  10   0  12
#   v      0  20  15  30
#   w      5   0   0   5


def test_mrr_series():
    rows = ref.mrr_series(io.StringIO(MRR_ROWS), "month", "UTC")
    assert [r["period_start"][:7] for r in rows] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    jan, feb, mar, apr = rows

    def moves(r):
        return tuple(r[k] for k in ("mrr_start", "new", "reactivation", "expansion",
                                    "contraction", "churned", "mrr_end"))
    # Jan: nothing before; u and w new (10 + 5)
    assert moves(jan) == ("0", "15", "0", "0", "0", "0", "15")
    assert (jan["customers_new"], jan["customers_start"], jan["customers_end"]) == (2, 0, 2)
    assert jan["quick_ratio"] is None and jan["revenue_churn"] is None
    # Feb: u 10 -> 10; v 0 -> 20 new; w 5 -> 0 churned. 15 + 20 - 5 = 30
    assert moves(feb) == ("15", "20", "0", "0", "0", "5", "30")
    assert close(feb["quick_ratio"], 4.0)                # 20 / 5
    assert close(feb["revenue_churn"], 1 / 3)            # 5 / 15
    assert close(feb["net_revenue_retention"], 2 / 3)    # (15 - 5) / 15
    # Mar: u 10 -> 0 churned; v 20 -> 15 contraction 5. 30 - 10 - 5 = 15
    assert moves(mar) == ("30", "0", "0", "0", "5", "10", "15")
    assert close(mar["gross_mrr_churn"], 0.5)            # (10 + 5) / 30
    assert mar["quick_ratio"] == 0.0                     # 0 / 15
    # Apr: u 0 -> 12 and w 0 -> 5 had MRR before: reactivation 17, not new;
    # v 15 -> 30 expansion 15. 15 + 17 + 15 = 47
    assert moves(apr) == ("15", "0", "17", "15", "0", "0", "47")
    assert (apr["customers_reactivation"], apr["customers_new"], apr["customers_expansion"]) == (2, 0, 1)
    assert apr["quick_ratio"] is None                    # nothing lost
    assert close(apr["net_mrr_churn"], -1.0)             # (0 - 15) / 15
    assert close(apr["net_revenue_retention"], 2.0)      # (15 + 15) / 15
    assert close(apr["gross_revenue_retention"], 1.0)


def test_cdnow_to_csv():
    lines = [" customer_id  date number_of_cds  dollar_value\r",
             " 00001 19970101  1   11.77\r", " 00002 19970112  1   12.00\r",
             " 23570 19980630  2    0.00\r"]
    out = io.StringIO()
    n = cdnow_to_csv.convert([s.rstrip("\r") for s in lines], out)
    assert n == 3
    assert out.getvalue() == ("customer_id,ordered_at,amount,items\n1,1997-01-01,11.77,1\n"
                              "2,1997-01-12,12.00,1\n23570,1998-06-30,0.00,2\n")


def test_command_line():
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "orders.csv")
        with open(path, "w") as f:
            f.write(ORDERS_A)
        out = subprocess.run([sys.executable, os.path.join(HERE, "orders_reference.py"), path,
                              "--granularity", "month", "--zone", "UTC",
                              "--period-start", "2025-03-01", "--period-end", "2025-04-01"],
                             check=True, capture_output=True, text=True).stdout
        res = json.loads(out)
        assert res["stats"]["revenue"] == "40.20" and len(res["series"]) == 3
        # [Mar 1, Apr 1): L = 31 days, prev = [Jan 29, Mar 1) has a (Jan 31 23:59:59)
        # and b (Feb 1): start 2; a orders again on Mar 1: retained 1.
        assert res["retention"]["customers_start"] == 2 and res["retention"]["retained"] == 1
        path = os.path.join(d, "rows.csv")
        with open(path, "w") as f:
            f.write(MRR_ROWS)
        out = subprocess.run([sys.executable, os.path.join(HERE, "orders_reference.py"),
                              "--mrr-series", path], check=True, capture_output=True, text=True).stdout
        assert json.loads(out)["series"][-1]["mrr_end"] == "47"


def test_cdnow():
    master = os.path.join(HERE, "..", "..", ".cache", "cdnow", "CDNOW_master.txt")
    if not os.path.exists(master):
        skip("CDNOW not fetched (scripts/fetch_cdnow.sh)")
    with open(master, newline="") as f:
        lines = f.read().splitlines()
    buf = io.StringIO()
    assert cdnow_to_csv.convert(lines, buf) == 69659
    buf.seek(0)
    orders = ref.load_orders(buf)
    st = ref.stats(orders)
    assert (st["customers"], st["orders"], st["items"]) == (23570, 69659, 167881)
    assert sum(1 for a in orders["amount"] if a == 0) == 80
    assert st["revenue"] == "2500315.63"
    assert (st["first_order"][:10], st["last_order"][:10]) == ("1997-01-01", "1998-06-30")
    rows = ref.series(orders, "month", "UTC")
    assert len(rows) == 18
    assert sum(r["new_customers"] for r in rows) == 23570
    assert sum(r["orders"] for r in rows) == 69659


def run_all():
    passed = failed = skipped = 0
    for name, fn in sorted(globals().items()):
        if name.startswith("test_") and callable(fn):
            try:
                fn()
            except Skipped as e:
                skipped += 1
                print("SKIP %s: %s" % (name, e))
            except Exception:
                failed += 1
                import traceback
                print("FAIL %s" % name)
                traceback.print_exc()
            else:
                passed += 1
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run_all())
