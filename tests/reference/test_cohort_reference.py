#!/usr/bin/env python3
"""Checks of the cohort reference itself, on tiny fixtures worked by hand.

    python3 -m pytest tests/reference/test_cohort_reference.py
    python3 tests/reference/test_cohort_reference.py          (without pytest)

Each expected value is worked out by hand in the comments beside it, from the
definitions in cohort_reference.py's docstring, not from the code.
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

import cohort_reference as ref  # noqa: E402
from orders_reference import load_orders  # noqa: E402
from test_reference import Skipped, skip  # noqa: E402  (the same skip rule as its fixtures)


def orders_from(text):
    return load_orders(io.StringIO(text))


def col(rows, key, cohort=None):
    """A column of the rows (of one cohort, by its first 7 or 10 characters)."""
    return [r[key] for r in rows if cohort is None or r["cohort_start"].startswith(cohort)]


def close(a, b, tol=1e-12):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=tol, abs_tol=1e-15)


# Wilson 95% intervals worked by hand (z = 1.959963984540054, z^2 = 3.841458820694124):
#   1 of 2: denom = 1 + z^2/2 = 2.920729; centre = (1/2 + z^2/4) / denom = 0.5;
#           half = z / denom * sqrt(1/8 + z^2/16) = 0.671053 * 0.604228 = 0.405469
#           -> [0.094531, 0.905469]
#   2 of 2: centre = (1 + z^2/4) / denom = 0.671190; half = z / denom * sqrt(z^2/16)
#           = 0.671053 * 0.489991 = 0.328810 -> [0.342380, 1] (centre + half = 1 exactly
#           when every trial succeeds)
#   0 of 2: the mirror image of 2 of 2 -> [0, 0.657620]
W12 = (0.0945312, 0.9054688)
W22 = (0.3423802, 1.0)
W02 = (0.0, 0.6576198)


def near(pair, want, tol=1e-6):
    return all(abs(a - b) <= tol for a, b in zip(pair, want))


# The extension's own hand-worked fixture (its tests use it too; here it is worked
# again from the definitions). Four customers over four months of 2024 (UTC):
#   A: Jan 10 (10), Feb 20 (20), Apr 5 (5)
#   B: Jan 7 (7), Mar 3 (3)
#   C: Feb 2, Mar 10, Apr 11, no amounts
#   D: Feb 1 (1)
FIXTURE = """customer_id,ordered_at,amount
A,2024-01-10,10
A,2024-02-20,20
A,2024-04-05,5
B,2024-01-07,7
B,2024-03-03,3
C,2024-02-02,
C,2024-03-10,
C,2024-04-11,
D,2024-02-01,1
"""
AS_OF = "2024-04-15"   # Jan..Mar have ended, April has not


def test_first_time_month():
    rows = ref.cohort_table(orders_from(FIXTURE), "month", "UTC", "first-time", AS_OF)
    # Cohorts: Jan {A, B} (first orders Jan 10, Jan 7), Feb {C, D}. No cohort starts in
    # Mar or Apr (nobody orders for the first time there): rows only for Jan and Feb.
    # The last period with any order is Apr: Jan has offsets 0..3, Feb 0..2.
    assert [r["cohort_start"][:7] for r in rows] == ["2024-01"] * 4 + ["2024-02"] * 3
    assert col(rows, "period_offset") == [0, 1, 2, 3, 0, 1, 2]
    assert col(rows, "period_start", "2024-01") == [
        "2024-01-01T00:00:00+00:00", "2024-02-01T00:00:00+00:00",
        "2024-03-01T00:00:00+00:00", "2024-04-01T00:00:00+00:00"]
    assert col(rows, "period_end", "2024-02")[-1] == "2024-05-01T00:00:00+00:00"
    assert col(rows, "cohort_size") == [2] * 7
    # Jan: Jan A,B = 2; Feb A = 1; Mar B = 1; Apr A = 1.
    assert col(rows, "active", "2024-01") == [2, 1, 1, 1]
    # on or after: Jan..Mar both still order later (A in Apr, B in Mar); Apr only A.
    assert col(rows, "active_on_or_after", "2024-01") == [2, 2, 2, 1]
    # Jan revenue: 10 + 7 = 17; Feb 20; Mar 3; Apr 5.
    assert col(rows, "revenue", "2024-01") == ["17", "20", "3", "5"]
    # revenue retention 20/17, 3/17, 5/17; cumulative 17, 37, 40, 45 over size 2.
    assert col(rows, "revenue_retention", "2024-01") == [1.0, 20 / 17, 3 / 17, 5 / 17]
    assert col(rows, "cumulative_revenue", "2024-01") == ["17", "37", "40", "45"]
    assert [Decimal(v) for v in col(rows, "cumulative_revenue_per_customer", "2024-01")] == [
        Decimal("8.5"), Decimal("18.5"), Decimal("20"), Decimal("22.5")]
    # Feb {C, D}: Feb both; Mar C; Apr C. On or after: Feb 2; Mar C; Apr C.
    assert col(rows, "active", "2024-02") == [2, 1, 1]
    assert col(rows, "active_on_or_after", "2024-02") == [2, 1, 1]
    assert col(rows, "orders", "2024-02") == [2, 1, 1]
    # Feb revenue: D's 1 (C has no amount). Mar and Apr: only C orders, no amount: NULL.
    assert col(rows, "priced_orders", "2024-02") == [1, 0, 0]
    assert col(rows, "revenue", "2024-02") == ["1", None, None]
    # revenue_retention: 1/1; NULL / 1 is NULL.
    assert col(rows, "revenue_retention", "2024-02") == [1.0, None, None]
    # cumulative: 1, 1 + NULL = 1 (NULLs skipped, as sum() does), 1; per customer 0.5.
    assert col(rows, "cumulative_revenue", "2024-02") == ["1", "1", "1"]
    assert col(rows, "cumulative_revenue_per_customer", "2024-02") == ["0.5"] * 3
    # retention = active / size; Wilson of 2/2 and 1/2.
    assert col(rows, "retention") == [1.0, 0.5, 0.5, 0.5, 1.0, 0.5, 0.5]
    assert near((rows[0]["retention_lower"], rows[0]["retention_upper"]), W22)
    assert near((rows[1]["retention_lower"], rows[1]["retention_upper"]), W12)
    assert col(rows, "retention_on_or_after", "2024-01") == [1.0, 1.0, 1.0, 0.5]
    # matured: the period ended by Apr 15: Jan, Feb, Mar yes, Apr no.
    assert col(rows, "matured") == [True, True, True, False, True, True, False]


def test_curves():
    rows = ref.cohort_table(orders_from(FIXTURE), "month", "UTC", "first-time", AS_OF)
    on = ref.retention_curve(rows, "on")
    # Matured cells: Jan offsets 0, 1, 2 (Jan..Mar) and Feb offsets 0, 1 (Feb, Mar).
    # offset 0: 2 cohorts, 4 customers, active 2 + 2 = 4
    # offset 1: 2 cohorts, 4 customers, active 1 (Jan: A in Feb) + 1 (Feb: C in Mar) = 2
    # offset 2: Jan only (Feb's offset 2 is Apr, not matured): 1 of 2 (B in Mar)
    # offset 3: Jan's is Apr, not matured: omitted.
    assert [(r["period_offset"], r["cohorts"], r["customers"], r["active"]) for r in on] == [
        (0, 2, 4, 4), (1, 2, 4, 2), (2, 1, 2, 1)]
    assert [r["retention"] for r in on] == [1.0, 0.5, 0.5]
    assert near((on[2]["retention_lower"], on[2]["retention_upper"]), W12)
    after = ref.retention_curve(rows, "on or after")
    # on or after: offset 1: Jan 2 + Feb 1 = 3 of 4; offset 2: Jan 2 of 2.
    assert [(r["period_offset"], r["active"], r["customers"]) for r in after] == [
        (0, 4, 4), (1, 3, 4), (2, 2, 2)]
    # as of the future every cell is matured: offset 3 appears (Jan only, A in Apr: 1 of 2)
    late = ref.cohort_table(orders_from(FIXTURE), "month", "UTC", "first-time", "2030-01-01")
    assert [(r["period_offset"], r["active"]) for r in ref.retention_curve(late)] == [
        (0, 4), (1, 2), (2, 2), (3, 1)]   # offset 2: Jan B (Mar) + Feb C (Apr)
    try:
        ref.retention_curve(rows, "after")
    except ValueError:
        pass
    else:
        raise AssertionError("a bad mode must raise")


def test_matured_boundary():
    # matured = period_end <= as_of: exactly at Apr 1 00:00 UTC, March has ended;
    # one microsecond earlier it has not.
    o = orders_from(FIXTURE)
    at = ref.cohort_table(o, "month", "UTC", "first-time", "2024-04-01T00:00:00Z")
    before = ref.cohort_table(o, "month", "UTC", "first-time", "2024-03-31T23:59:59.999999Z")
    assert [r["matured"] for r in at if r["period_start"].startswith("2024-03")] == [True, True]
    assert [r["matured"] for r in before if r["period_start"].startswith("2024-03")] == [False, False]


def test_recurring_month():
    rows = ref.cohort_table(orders_from(FIXTURE), "month", "UTC", "recurring", AS_OF)
    # Cohorts: every month a customer is active in.
    #   Jan {A, B}; Feb {A, C, D}; Mar {B, C}; Apr {A, C}.
    sizes = {r["cohort_start"][:7]: r["cohort_size"] for r in rows}
    assert sizes == {"2024-01": 2, "2024-02": 3, "2024-03": 2, "2024-04": 2}
    # Jan cohort as in first-time (same members): 2, 1, 1, 1.
    assert col(rows, "active", "2024-01") == [2, 1, 1, 1]
    # Feb {A, C, D}: Feb 3; Mar C = 1; Apr A, C = 2.
    assert col(rows, "active", "2024-02") == [3, 1, 2]
    # on or after: Feb 3; Mar: A (Apr) and C = 2; Apr: A, C = 2.
    assert col(rows, "active_on_or_after", "2024-02") == [3, 2, 2]
    # revenue: Feb A 20 + D 1 = 21 (C none); Mar only C: NULL; Apr A 5 (C none) = 5.
    assert col(rows, "revenue", "2024-02") == ["21", None, "5"]
    assert col(rows, "revenue_retention", "2024-02") == [1.0, None, 5 / 21]
    # cumulative 21, 21, 26 over 3
    assert col(rows, "cumulative_revenue", "2024-02") == ["21", "21", "26"]
    assert Decimal(col(rows, "cumulative_revenue_per_customer", "2024-02")[2]) * 3 - 26 < Decimal("1e-45")
    # Mar {B, C}: Mar 2 (revenue B's 3); Apr C = 1, no amount: NULL.
    assert col(rows, "active", "2024-03") == [2, 1]
    assert col(rows, "revenue", "2024-03") == ["3", None]
    # Apr {A, C}: Apr 2, revenue 5, not matured.
    assert col(rows, "active", "2024-04") == [2]
    assert col(rows, "matured", "2024-04") == [False]
    on = ref.retention_curve(rows, "on")
    # matured: Jan 0..2, Feb 0..1, Mar 0. offset 0: 3 cohorts, 2 + 3 + 2 = 7 customers,
    # all active; offset 1: Jan 1 + Feb 1 = 2 of 5; offset 2: Jan 1 of 2.
    assert [(r["period_offset"], r["cohorts"], r["customers"], r["active"]) for r in on] == [
        (0, 3, 7, 7), (1, 2, 5, 2), (2, 1, 2, 1)]


def test_brackets():
    o = orders_from(FIXTURE)
    rows = ref.bracket_retention(o, [1, 2, 4], "month", "UTC", "first-time")
    # Bounds 1, 2, 4: bracket 1 = offset 1, bracket 2 = offsets 2, 3.
    # Jan {A, B}: offset 1 (Feb) A -> 1; offsets 2, 3 (Mar, Apr): B in Mar, A in Apr -> 2.
    # Feb {C, D}: offset 1 (Mar) C -> 1; offsets 2, 3 (Apr, May; May has no data) C -> 1.
    assert [(r["cohort_start"][:7], r["bracket"], r["from_offset"], r["to_offset"], r["active"])
            for r in rows] == [("2024-01", 1, 1, 2, 1), ("2024-01", 2, 2, 4, 2),
                               ("2024-02", 1, 1, 2, 1), ("2024-02", 2, 2, 4, 1)]
    assert near((rows[1]["retention_lower"], rows[1]["retention_upper"]), W22)
    rec = ref.bracket_retention(o, [1, 2, 4], "month", "UTC", "recurring")
    # Recurring: Feb {A, C, D}: offset 1 (Mar) C -> 1; offsets 2, 3 (Apr, May) A, C -> 2.
    # Mar {B, C}: offset 1 (Apr) C -> 1; offsets 2, 3 (May, Jun: beyond the data) -> 0.
    # Apr {A, C}: all its brackets are beyond the data -> 0, 0 (rows still present).
    assert [(r["cohort_start"][:7], r["bracket"], r["active"], r["cohort_size"]) for r in rec] == [
        ("2024-01", 1, 1, 2), ("2024-01", 2, 2, 2), ("2024-02", 1, 1, 3), ("2024-02", 2, 2, 3),
        ("2024-03", 1, 1, 2), ("2024-03", 2, 0, 2), ("2024-04", 1, 0, 2), ("2024-04", 2, 0, 2)]
    assert near((rec[-1]["retention_lower"], rec[-1]["retention_upper"]), W02)
    # Bounds that do not start at offset 1: [2, 3] -> one bracket, offset 2 only.
    # Jan: Mar B -> 1; Feb: Apr C -> 1.
    two = ref.bracket_retention(o, [2, 3], "month", "UTC", "first-time")
    assert [(r["cohort_start"][:7], r["active"]) for r in two] == [("2024-01", 1), ("2024-02", 1)]
    for bad in ([1], [0, 1], [2, 2], [3, 1], list(range(1, 66))):
        try:
            ref.bracket_retention(o, bad)
        except ValueError:
            pass
        else:
            raise AssertionError("bounds %s must be rejected" % bad[:5])


# Edge cases of money and of empty cells.
#   x: Jan 5 amount 0, Feb 5 amount 5, Apr 5 amount 2 (nothing in March)
#   y: Jan 9 no amount
#   z: Feb 14 no amount, Feb 20 no amount (a cohort with no amount at all)
MONEY = """customer_id,ordered_at,amount
x,2024-01-05,0.00
x,2024-02-05,5
x,2024-04-05,2.50
y,2024-01-09,
z,2024-02-14,
z,2024-02-20,
"""


def test_money_edges():
    rows = ref.cohort_table(orders_from(MONEY), "month", "UTC", "first-time", "2030-01-01")
    # Jan {x, y}: Jan revenue 0.00 (x's priced 0; y's NULL skipped): "0.00", not NULL.
    assert col(rows, "revenue", "2024-01") == ["0.00", "5", None, "2.50"]
    # Mar: nobody orders: active 0, orders 0, revenue NULL; the cell is still listed.
    assert col(rows, "active", "2024-01") == [2, 1, 0, 1]
    assert col(rows, "orders", "2024-01") == [2, 1, 0, 1]
    # revenue(c) = 0: revenue retention NULL at every offset.
    assert col(rows, "revenue_retention", "2024-01") == [None, None, None, None]
    # cumulative: 0.00, 5.00, 5.00, 7.50 over 2 = 0, 2.5, 2.5, 3.75
    assert col(rows, "cumulative_revenue", "2024-01") == ["0.00", "5.00", "5.00", "7.50"]
    assert [Decimal(v) for v in col(rows, "cumulative_revenue_per_customer", "2024-01")] == [
        0, Decimal("2.5"), Decimal("2.5"), Decimal("3.75")]
    # on or after: x's last order is Apr, y's Jan: Jan 2, Feb..Apr 1.
    assert col(rows, "active_on_or_after", "2024-01") == [2, 1, 1, 1]
    # Feb {z}: two orders, no amount: revenue NULL, cumulative NULL (no revenue at all).
    assert col(rows, "orders", "2024-02") == [2, 0, 0]
    assert col(rows, "revenue", "2024-02") == [None, None, None]
    assert col(rows, "cumulative_revenue_per_customer", "2024-02") == [None, None, None]
    assert col(rows, "revenue_retention", "2024-02") == [None, None, None]


# Calendar boundaries. Week: ISO weeks from Monday; 2024-03-10 is a Sunday and the day
# New York moves to daylight time (02:00 EST -> 03:00 EDT).
#   p: Sun 2024-03-10 23:59:59 UTC, then Mon 2024-03-11 00:00:00 UTC
#   q: Mon 2024-03-11 04:30 UTC (= 00:30 EDT, Monday in New York), Tue 2024-03-19
#   r: Mon 2024-03-11 03:30 UTC (= 23:30 EDT Sunday Mar 10 in New York)
BOUNDS = """customer_id,ordered_at,amount
p,2024-03-10T23:59:59Z,1
p,2024-03-11T00:00:00Z,2
q,2024-03-11T04:30:00Z,4
q,2024-03-19T12:00:00Z,8
r,2024-03-11T03:30:00Z,16
"""


def test_week_boundaries_utc():
    rows = ref.cohort_table(orders_from(BOUNDS), "week", "UTC", "first-time", "2030-01-01")
    # UTC weeks: [Mar 4, Mar 11): p's first order; [Mar 11, Mar 18): p's second, q, r;
    # [Mar 18, Mar 25): q. Cohorts: Mar 4 {p}, Mar 11 {q, r}.
    assert [(r["cohort_start"][:10], r["period_offset"], r["active"], r["revenue"]) for r in rows] == [
        ("2024-03-04", 0, 1, "1"), ("2024-03-04", 1, 1, "2"), ("2024-03-04", 2, 0, None),
        ("2024-03-11", 0, 2, "20"), ("2024-03-11", 1, 1, "8")]
    assert rows[0]["period_end"] == "2024-03-11T00:00:00+00:00"


def test_week_boundaries_new_york():
    rows = ref.cohort_table(orders_from(BOUNDS), "week", "America/New_York", "first-time",
                            "2030-01-01")
    # New York: p's orders are Mar 10 19:59 EDT and Mar 10 20:00 EDT, both in the week
    # of Mon Mar 4; r (Mar 10 23:30 EDT) too; q's first (Mar 11 00:30 EDT) is in the week
    # of Mar 11, its second (Mar 19) in the week of Mar 18.
    # Cohorts: Mar 4 {p, r} (revenue 1 + 2 + 16 = 19), Mar 11 {q}.
    assert [(r["cohort_start"], r["period_offset"], r["cohort_size"], r["active"], r["revenue"])
            for r in rows] == [
        ("2024-03-04T00:00:00-05:00", 0, 2, 2, "19"), ("2024-03-04T00:00:00-05:00", 1, 2, 0, None),
        ("2024-03-04T00:00:00-05:00", 2, 2, 0, None),
        ("2024-03-11T00:00:00-04:00", 0, 1, 1, "4"), ("2024-03-11T00:00:00-04:00", 1, 1, 1, "8")]
    # The week of Mar 4 ends at local midnight of Mar 11, already in daylight time:
    # 6 days 23 hours long.
    assert rows[0]["period_end"] == "2024-03-11T00:00:00-04:00"


def test_other_granularities():
    o = orders_from(FIXTURE)
    # Quarter: everything is in Q1 (Jan..Mar) except the April orders (Q2).
    # First-time: Q1 {A, B, C, D}; Q2: A, C active. Revenue Q1 10+20+7+3+1 = 41, Q2 5.
    q = ref.cohort_table(o, "quarter", "UTC", "first-time", AS_OF)
    assert [(r["cohort_start"][:10], r["period_offset"], r["cohort_size"], r["active"], r["revenue"])
            for r in q] == [("2024-01-01", 0, 4, 4, "41"), ("2024-01-01", 1, 4, 2, "5")]
    assert q[1]["period_end"].startswith("2024-07-01")
    # Year: one cohort, one cell.
    y = ref.cohort_table(o, "year", "UTC", "recurring", AS_OF)
    assert [(r["cohort_size"], r["active"], r["orders"], r["revenue"], r["matured"]) for r in y] == [
        (4, 4, 9, "46", False)]
    # Day: Jan 7 (B) is the first day; the last day with an order is Apr 11 (C):
    # Jan 7 .. Apr 11 is 24 + 29 + 31 + 11 = 95 days -> offsets 0..95 for the Jan 7 cohort.
    d = ref.cohort_table(o, "day", "UTC", "first-time", AS_OF)
    jan7 = [r for r in d if r["cohort_start"].startswith("2024-01-07")]
    assert len(jan7) == 96 and jan7[-1]["period_start"].startswith("2024-04-11")
    # B's Mar 3 is offset 24 + 29 + 3 = 56 from Jan 7.
    assert [r["period_offset"] for r in jan7 if r["active"]] == [0, 56]


def test_confidence():
    rows = ref.cohort_table(orders_from(FIXTURE), "month", "UTC", "first-time", AS_OF, 0.99)
    # 99%: z = 2.5758293035489; 1 of 2: denom = 1 + z^2/2 = 4.317448; centre 0.5;
    # half = z / denom * sqrt(1/8 + z^2/16) = 0.596609 * 0.734630 = 0.438287
    # -> [0.061713, 0.938287]
    assert near((rows[1]["retention_lower"], rows[1]["retention_upper"]), (0.061713, 0.938287))


def test_command_line():
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "orders.csv")
        with open(path, "w") as f:
            f.write(FIXTURE)
        out = subprocess.run([sys.executable, os.path.join(HERE, "cohort_reference.py"), path,
                              "--granularity", "month", "--zone", "UTC", "--kind", "recurring",
                              "--as-of", AS_OF, "--brackets", "1,2,4"],
                             check=True, capture_output=True, text=True).stdout
        res = json.loads(out)
        assert len(res["table"]) == 10                      # 4 + 3 + 2 + 1 cells
        assert [r["active"] for r in res["curve_on_or_after"]] == [7, 4, 2]
        # on or after, recurring, matured: offset 1: Jan 2 + Feb 2 = 4 of 5; offset 2: Jan 2.
        assert len(res["bracket_retention"]) == 8
        summary = subprocess.run([sys.executable, os.path.join(HERE, "cohort_reference.py"), path,
                                  "--as-of", AS_OF, "--summary"],
                                 check=True, capture_output=True, text=True).stdout
        assert "curve 'on': 0:4/4 1:2/4 2:1/2" in summary


def test_cdnow():
    import cdnow_to_csv
    if not os.path.exists(cdnow_to_csv.DEFAULT_INPUT):
        skip("CDNOW not fetched (scripts/fetch_cdnow.sh)")
    buf = io.StringIO()
    with open(cdnow_to_csv.DEFAULT_INPUT, newline="") as f:
        cdnow_to_csv.convert(f.read().splitlines(), buf)
    buf.seek(0)
    o = load_orders(buf)
    rows = ref.cohort_table(o, "month", "UTC", "first-time", "1998-04-01")
    # CDNOW's customers all made their first purchase in Jan..Mar 1997 and the log ends
    # in June 1998: 3 cohorts of 18, 17 and 16 months.
    assert len(rows) == 18 + 17 + 16
    assert sum(r["cohort_size"] for r in rows if r["period_offset"] == 0) == 23570
    assert sum(r["orders"] for r in rows) == 69659
    assert sum(Decimal(r["revenue"]) for r in rows if r["revenue"] is not None) == Decimal("2500315.63")
    # Offset 0 of a first-time cohort: every member is active.
    assert all(r["active"] == r["cohort_size"] for r in rows if r["period_offset"] == 0)
    rec = ref.cohort_table(o, "month", "UTC", "recurring", "1998-04-01")
    # Recurring: the offset-0 cells count every (customer, month) with an order once.
    months = {(c, t.strftime("%Y-%m")) for c, t in zip(o["customer_id"], o["ordered_at"])}
    assert sum(r["active"] for r in rec if r["period_offset"] == 0) == len(months)


def run_all():
    """Every test_ function of this module, without pytest."""
    results = {"passed": 0, "failed": 0, "skipped": 0}
    for name, fn in sorted(globals().items()):
        if not (name.startswith("test_") and callable(fn)):
            continue
        try:
            fn()
            results["passed"] += 1
        except Skipped as e:
            results["skipped"] += 1
            print("SKIP %s: %s" % (name, e))
        except Exception:
            results["failed"] += 1
            import traceback
            print("FAIL %s" % name)
            traceback.print_exc()
    print("%(passed)d passed, %(failed)d failed, %(skipped)d skipped" % results)
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(run_all())
