#!/usr/bin/env python3
"""Reference implementation (pandas) of the order-history metrics.

It exists to check the extension's SQL results; it is written straight from the
definitions with plain pandas (groupby, diff, calendar periods) and shares no
code with the Rust implementation. Money is summed exactly with
decimal.Decimal and printed as decimal strings; rates and averages are floats.

Command lines (JSON on stdout):

  python3 orders_reference.py ORDERS.csv [--granularity month] [--zone UTC]
                              [--period-start TS --period-end TS] [--summary]
      ORDERS.csv: customer_id, ordered_at, amount[, items][, cost]
  python3 orders_reference.py --mrr PAIRS.csv
      PAIRS.csv: mrr_start, mrr_end
  python3 orders_reference.py --mrr-series ROWS.csv [--granularity month] [--zone UTC]
      ROWS.csv: customer_id, period, mrr

Timestamps may be dates or date-times, with or without an offset; values with
no offset are taken as UTC. --summary prints a short text summary instead of
the JSON.
"""
import argparse
import decimal
import io
import json
import math
import statistics
import sys
from decimal import Decimal
from fractions import Fraction

import pandas as pd

SECONDS_PER_DAY = 86400.0
NS = 10**9  # nanoseconds per second
PER_365_DAYS = 365 * SECONDS_PER_DAY
CLV_CHURN_RATE = 0.5

# pandas Period frequencies of the calendar granularities. "W-SUN" is the
# week that ends on Sunday, i.e. the ISO week that starts on Monday.
PERIOD_FREQ = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}

# Enough digits that sums and differences of money never round.
EXACT = decimal.Context(prec=200, traps=[decimal.InvalidOperation, decimal.Inexact,
                                         decimal.Overflow, decimal.DivisionByZero])
# For quotients that are turned into floats (they may not be exact).
DIVIDE = decimal.Context(prec=60, traps=[decimal.InvalidOperation, decimal.DivisionByZero])


# ---------------------------------------------------------------- helpers

def dec_sum(values):
    """Exact sum of Decimals, ignoring None."""
    total = Decimal(0)
    for v in values:
        if v is not None:
            total = EXACT.add(total, v)
    return total


def dec_str(d):
    """A Decimal as plain decimal text (never exponent notation)."""
    if d is None:
        return None
    return format(d, "f")


def dec_ratio(num, den):
    """num / den as a float, computed in Decimal first; None when den is 0."""
    if num is None or den is None or den == 0:
        return None
    return float(DIVIDE.divide(Decimal(num), Decimal(den)))


def ratio(num, den):
    """num / den as a float; None when den is 0 or either is None."""
    if num is None or den is None or den == 0:
        return None
    return num / den


def parse_decimal(text):
    text = text.strip()
    if text == "":
        return None
    d = Decimal(text)
    if not d.is_finite():
        raise ValueError("not a finite amount: %r" % text)
    return d


def parse_timestamps(texts):
    """ISO timestamps (date or date-time, offset optional) -> UTC Series.
    Values with no offset are UTC: to_datetime(utc=True) localizes naive
    values to UTC and converts the others."""
    return pd.to_datetime(texts.str.strip(), utc=True, format="ISO8601")


def parse_timestamp(text):
    ts = pd.Timestamp(text)
    if ts.tzinfo is None:
        return ts.tz_localize("UTC")
    return ts.tz_convert("UTC")


def read_csv_text(source):
    """Every column as text; an empty field is ''. source: path, file or DataFrame."""
    if isinstance(source, pd.DataFrame):
        return source.astype(object).where(source.notna(), "").astype(str)
    return pd.read_csv(source, dtype=str, keep_default_na=False, skipinitialspace=True)


def to_periods(ts_utc, granularity, zone):
    """The calendar period (pandas Period) of each timestamp in the zone:
    convert to the zone, drop the zone (local wall-clock time), take the period."""
    freq = PERIOD_FREQ[granularity]
    local = ts_utc.dt.tz_convert(zone).dt.tz_localize(None)
    return local.dt.to_period(freq)


def period_start(period, zone):
    """Start of a Period (local midnight) as an aware timestamp in the zone.
    A local midnight that does not exist (a DST jump at midnight) moves forward
    to the first time that exists; an ambiguous one takes the first (DST) one."""
    return period.start_time.tz_localize(zone, ambiguous=True, nonexistent="shift_forward")


def all_periods(periods):
    """Consecutive periods from the first to the last, empty ones included."""
    return list(pd.period_range(periods.min(), periods.max(), freq=periods.min().freq))


def wilson_interval(successes, trials, confidence=0.95):
    """Wilson score interval (lower, upper) of successes / trials."""
    if trials == 0:
        return None, None
    z = statistics.NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    n = trials
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def wilson_statsmodels(successes, trials, confidence=0.95):
    """The same interval from statsmodels, or None when it is not installed."""
    try:
        from statsmodels.stats.proportion import proportion_confint
    except ImportError:
        return None
    if trials == 0:
        return None
    lo, hi = proportion_confint(successes, trials, alpha=1 - confidence, method="wilson")
    return float(lo), float(hi)


# ---------------------------------------------------------------- loading

def load_orders(source):
    """Orders as a DataFrame: customer_id (str), ordered_at (UTC Timestamp),
    amount (Decimal or None), and items (int or None) / cost (Decimal or None)
    when those columns exist. Rows with an empty customer_id or ordered_at are
    dropped."""
    raw = read_csv_text(source)
    for col in ("customer_id", "ordered_at", "amount"):
        if col not in raw.columns:
            raise ValueError("orders CSV has no %r column" % col)
    raw = raw[(raw["customer_id"].str.strip() != "") & (raw["ordered_at"].str.strip() != "")]
    df = pd.DataFrame({
        "customer_id": raw["customer_id"].str.strip(),
        "ordered_at": parse_timestamps(raw["ordered_at"]),
        "amount": [parse_decimal(v) for v in raw["amount"]],
    }, index=raw.index)
    if "items" in raw.columns:
        df["items"] = [None if v.strip() == "" else int(v) for v in raw["items"]]
    if "cost" in raw.columns:
        df["cost"] = [parse_decimal(v) for v in raw["cost"]]
    return df.reset_index(drop=True)


# ---------------------------------------------------------------- population stats

def customer_table(orders):
    """One row per customer: orders, priced_orders, revenue, first, last."""
    g = orders.groupby("customer_id")
    table = pd.DataFrame({
        "orders": g.size(),
        "priced_orders": g["amount"].agg(lambda s: sum(1 for v in s if v is not None)),
        "revenue": g["amount"].agg(dec_sum),
        "first": g["ordered_at"].min(),
        "last": g["ordered_at"].max(),
    })
    return table


def purchase_gaps_seconds(orders):
    """All gaps between consecutive orders of the same customer, in seconds."""
    s = orders.sort_values(["customer_id", "ordered_at"], kind="mergesort")
    gaps = s.groupby("customer_id")["ordered_at"].diff().dropna()
    return gaps.dt.total_seconds()


def stats(orders, per_seconds=PER_365_DAYS, churn_rate=CLV_CHURN_RATE):
    """The population figures of the orders (see the module's contract)."""
    cust = customer_table(orders)
    n_customers = len(cust)
    n_orders = int(cust["orders"].sum()) if n_customers else 0
    repeat = int((cust["orders"] >= 2).sum())
    priced = int(cust["priced_orders"].sum()) if n_customers else 0
    revenue = dec_sum(orders["amount"])

    # Lifespan (last - first) per customer, in whole nanoseconds as Python ints:
    # their sum overflows a Timedelta (int64 ns, about 292 years) on real data.
    spans = cust["last"] - cust["first"]
    span_ns = sum(int(v) for v in spans.to_numpy().astype("int64"))
    intervals = int((cust["orders"] - 1).sum()) if n_customers else 0
    gaps = purchase_gaps_seconds(orders)
    avg_lifespan = float(Fraction(span_ns, n_customers * NS)) if n_customers else None
    window = (cust["last"].max() - cust["first"].min()).total_seconds() if n_customers else None

    aov = dec_ratio(revenue, priced)
    if n_customers and window:
        frequency = n_orders / n_customers / (window / per_seconds)
    else:
        frequency = None
    if aov is not None and frequency is not None:
        clv_observed = aov * frequency * (avg_lifespan / per_seconds)
        clv_churn = aov * frequency * (1 / churn_rate)
    else:
        clv_observed = clv_churn = None

    out = {
        "customers": n_customers,
        "repeat_customers": repeat,
        "repeat_purchase_rate": ratio(repeat, n_customers),
        "orders": n_orders,
        "priced_orders": priced,
        "orders_per_customer": ratio(n_orders, n_customers),
        "revenue": dec_str(revenue),
        "avg_order_value": aov,
        "revenue_per_customer": dec_ratio(revenue, n_customers),
        "avg_time_between_purchases": float(Fraction(span_ns, intervals * NS)) if intervals else None,
        "median_time_between_purchases": float(gaps.median()) if len(gaps) else None,
        "purchase_gaps": len(gaps),
        "avg_lifespan": None if avg_lifespan is None else float(avg_lifespan),
        "observation_window": window,
        "first_order": None if not n_customers else cust["first"].min().isoformat(),
        "last_order": None if not n_customers else cust["last"].max().isoformat(),
        "per_seconds": per_seconds,
        "purchase_frequency": frequency,
        "historic_clv_observed": clv_observed,
        "clv_churn_rate": churn_rate,
        "historic_clv_churn": clv_churn,
    }
    if "items" in orders.columns:
        out["items"] = int(sum(v for v in orders["items"] if v is not None))
    if "cost" in orders.columns:
        cost = dec_sum(orders["cost"])
        profit = EXACT.subtract(revenue, cost)
        every_cost = all(v is not None for v in orders["cost"])
        out["cost"] = dec_str(cost)
        out["profit"] = dec_str(profit)
        out["profit_per_customer"] = dec_ratio(profit, n_customers) if every_cost else None
    return out


# ---------------------------------------------------------------- retention over [ps, pe)

def retention(orders, period_start_ts, period_end_ts, confidence=0.95):
    ps = parse_timestamp(period_start_ts) if isinstance(period_start_ts, str) else period_start_ts
    pe = parse_timestamp(period_end_ts) if isinstance(period_end_ts, str) else period_end_ts
    if not pe > ps:
        raise ValueError("period end must be after period start")
    length = pe - ps
    prev_start = ps - length
    t = orders["ordered_at"]
    ids = orders["customer_id"]
    in_prev = set(ids[(t >= prev_start) & (t < ps)])
    in_cur = set(ids[(t >= ps) & (t < pe)])
    before_prev = set(ids[t < prev_start])
    first = orders.groupby("customer_id")["ordered_at"].min()

    retained = in_prev & in_cur
    new = {c for c in in_cur if first[c] >= ps}
    reactivated = (in_cur - in_prev) & before_prev
    n_start, n_ret = len(in_prev), len(retained)
    lower, upper = wilson_interval(n_ret, n_start, confidence)
    out = {
        "period_start": ps.isoformat(),
        "period_end": pe.isoformat(),
        "previous_start": prev_start.isoformat(),
        "customers_start": n_start,
        "retained": n_ret,
        "churned": n_start - n_ret,
        "customers_end": len(in_cur),
        "new_customers": len(new),
        "reactivated": len(reactivated),
        "retention_rate": ratio(n_ret, n_start),
        "churn_rate": ratio(n_start - n_ret, n_start),
        "wilson_confidence": confidence,
        "retention_wilson_lower": lower,
        "retention_wilson_upper": upper,
    }
    check = wilson_statsmodels(n_ret, n_start, confidence)
    if check is not None:
        if not (math.isclose(check[0], lower, abs_tol=1e-12)
                and math.isclose(check[1], upper, abs_tol=1e-12)):
            raise AssertionError("Wilson interval %r differs from statsmodels %r"
                                 % ((lower, upper), check))
        out["wilson_checked_with_statsmodels"] = True
    return out


# ---------------------------------------------------------------- period series

def activity_matrix(customers, periods, columns):
    """Boolean DataFrame customer x period: True where the customer has a row in
    the period. columns: every period of the series, in order."""
    act = pd.crosstab(customers, periods) > 0
    return act.reindex(columns=columns, fill_value=False)


def series(orders, granularity="month", zone="UTC"):
    if orders.empty:
        return []
    o = orders.copy()
    o["period"] = to_periods(o["ordered_at"], granularity, zone)
    periods = all_periods(o["period"])

    active = activity_matrix(o["customer_id"], o["period"], periods)
    previous = active.shift(1, axis=1, fill_value=False)
    first_period = o.groupby("customer_id")["period"].min()
    is_new = pd.DataFrame({p: first_period == p for p in periods})
    is_new = is_new.reindex(index=active.index)

    by_period = o.groupby("period")
    n_orders = by_period.size().reindex(periods, fill_value=0)
    revenue = by_period["amount"].agg(dec_sum)
    priced = by_period["amount"].agg(lambda s: sum(1 for v in s if v is not None))

    rows = []
    for p in periods:
        act, prev, new = active[p], previous[p], is_new[p]
        customers_start = int(prev.sum())
        customers_end = int(act.sum())
        n_new = int(new.sum())
        retained = int((act & prev).sum())
        reactivated = int((act & ~prev & ~new).sum())
        churned = int((prev & ~act).sum())
        rev = revenue.get(p, Decimal(0))
        n_priced = int(priced.get(p, 0))
        n = int(n_orders[p])
        rows.append({
            "period_start": period_start(p, zone).isoformat(),
            "customers_start": customers_start,
            "customers_end": customers_end,
            "new_customers": n_new,
            "retained": retained,
            "reactivated": reactivated,
            "churned": churned,
            "retention_rate": ratio(retained, customers_start),
            "churn_rate": ratio(churned, customers_start),
            "crr": ratio(customers_end - n_new, customers_start),
            "returning_customer_rate": ratio(retained + reactivated, customers_end),
            "orders": n,
            "priced_orders": n_priced,
            "revenue": dec_str(rev),
            "avg_order_value": dec_ratio(rev, n_priced),
            "orders_per_customer": ratio(n, customers_end),
            "revenue_per_customer": dec_ratio(rev, customers_end),
        })
    return rows


# ---------------------------------------------------------------- MRR movements

def mrr_rates(mrr_start, new, expansion, contraction, churned, reactivation=Decimal(0)):
    lost = EXACT.add(churned, contraction)
    gained = EXACT.add(EXACT.add(new, reactivation), expansion)
    return {
        "revenue_churn": dec_ratio(churned, mrr_start),
        "gross_mrr_churn": dec_ratio(lost, mrr_start),
        "net_mrr_churn": dec_ratio(EXACT.subtract(lost, expansion), mrr_start),
        "net_revenue_retention": dec_ratio(
            EXACT.add(EXACT.subtract(mrr_start, lost), expansion), mrr_start),
        "gross_revenue_retention": dec_ratio(EXACT.subtract(mrr_start, lost), mrr_start),
        "quick_ratio": dec_ratio(gained, lost),
    }


def classify(s, e):
    """The kind of MRR movement from s to e."""
    if s > 0 and e == 0:
        return "churned"
    if s == 0 and e > 0:
        return "new"
    if 0 < s < e:
        return "expansion"
    if 0 < e < s:
        return "contraction"
    return "unchanged" if s > 0 else "inactive"


def mrr_pairs(source):
    raw = read_csv_text(source)
    starts = [parse_decimal(v) or Decimal(0) for v in raw["mrr_start"]]
    ends = [parse_decimal(v) or Decimal(0) for v in raw["mrr_end"]]
    amounts = {k: Decimal(0) for k in ("new", "expansion", "contraction", "churned")}
    counts = {k: 0 for k in ("new", "expansion", "contraction", "churned", "unchanged", "inactive")}
    for s, e in zip(starts, ends):
        if s < 0 or e < 0:
            raise ValueError("negative MRR: %s -> %s" % (s, e))
        kind = classify(s, e)
        counts[kind] += 1
        if kind == "churned":
            amounts["churned"] = EXACT.add(amounts["churned"], s)
        elif kind == "new":
            amounts["new"] = EXACT.add(amounts["new"], e)
        elif kind == "expansion":
            amounts["expansion"] = EXACT.add(amounts["expansion"], EXACT.subtract(e, s))
        elif kind == "contraction":
            amounts["contraction"] = EXACT.add(amounts["contraction"], EXACT.subtract(s, e))
    mrr_start, mrr_end = dec_sum(starts), dec_sum(ends)
    out = {"mrr_start": dec_str(mrr_start), "mrr_end": dec_str(mrr_end)}
    out.update({k: dec_str(v) for k, v in amounts.items()})
    out.update({"customers_" + k: v for k, v in counts.items()})
    out["customers_start"] = sum(1 for s in starts if s > 0)
    out["customers_end"] = sum(1 for e in ends if e > 0)
    out.update(mrr_rates(mrr_start, amounts["new"], amounts["expansion"],
                         amounts["contraction"], amounts["churned"]))
    return out


def mrr_series(source, granularity="month", zone="UTC"):
    raw = read_csv_text(source)
    raw = raw[(raw["customer_id"].str.strip() != "") & (raw["period"].str.strip() != "")]
    if raw.empty:
        return []
    rows = pd.DataFrame({
        "customer_id": raw["customer_id"].str.strip(),
        "period": to_periods(parse_timestamps(raw["period"]), granularity, zone),
        "mrr": [parse_decimal(v) or Decimal(0) for v in raw["mrr"]],
    })
    if any(v < 0 for v in rows["mrr"]):
        raise ValueError("negative MRR")
    periods = all_periods(rows["period"])
    # customer x period table of exact MRR (Decimal), 0 where a customer has no row
    per_cell = rows.groupby(["customer_id", "period"])["mrr"].agg(dec_sum)
    table = {c: {p: Decimal(0) for p in periods} for c in per_cell.index.get_level_values(0)}
    for (c, p), v in per_cell.items():
        table[c][p] = v
    customers = sorted(table)

    out = []
    had_mrr = set()  # customers with MRR > 0 in some period before p
    for i, p in enumerate(periods):
        amounts = {k: Decimal(0) for k in ("new", "reactivation", "expansion", "contraction", "churned")}
        counts = {k: 0 for k in amounts}
        mrr_start = mrr_end = Decimal(0)
        customers_start = customers_end = 0
        for c in customers:
            s = table[c][periods[i - 1]] if i > 0 else Decimal(0)
            e = table[c][p]
            earlier = c in had_mrr
            mrr_start = EXACT.add(mrr_start, s)
            mrr_end = EXACT.add(mrr_end, e)
            customers_start += s > 0
            customers_end += e > 0
            kind = classify(s, e)
            if kind == "new" and earlier:
                kind = "reactivation"
            if kind in ("new", "reactivation"):
                delta = e
            elif kind == "churned":
                delta = s
            elif kind in ("expansion", "contraction"):
                delta = abs(EXACT.subtract(e, s))
            else:
                continue
            amounts[kind] = EXACT.add(amounts[kind], delta)
            counts[kind] += 1
        balance = mrr_start + amounts["new"] + amounts["reactivation"] + amounts["expansion"] \
            - amounts["contraction"] - amounts["churned"]
        had_mrr.update(c for c in customers if table[c][p] > 0)
        if balance != mrr_end:
            raise AssertionError("MRR does not balance in %s: %s != %s" % (p, balance, mrr_end))
        row = {"period_start": period_start(p, zone).isoformat(),
               "mrr_start": dec_str(mrr_start)}
        row.update({k: dec_str(v) for k, v in amounts.items()})
        row["mrr_end"] = dec_str(mrr_end)
        row.update({"customers_" + k: v for k, v in counts.items()})
        row["customers_start"] = customers_start
        row["customers_end"] = customers_end
        row.update(mrr_rates(mrr_start, amounts["new"], amounts["expansion"],
                             amounts["contraction"], amounts["churned"],
                             amounts["reactivation"]))
        out.append(row)
    return out


# ---------------------------------------------------------------- command line

def report(orders_source, granularity="month", zone="UTC", period_start_ts=None, period_end_ts=None):
    orders = load_orders(orders_source)
    out = {"granularity": granularity, "zone": zone, "stats": stats(orders)}
    if period_start_ts is not None:
        out["retention"] = retention(orders, period_start_ts, period_end_ts)
    out["series"] = series(orders, granularity, zone)
    return out


def days(seconds):
    return "null" if seconds is None else "%.4f days" % (seconds / SECONDS_PER_DAY)


def summary_text(result):
    st = result["stats"]
    lines = [
        "customers                 %d" % st["customers"],
        "repeat customers          %d (repeat_purchase_rate %.6f)"
        % (st["repeat_customers"], st["repeat_purchase_rate"] or 0),
        "orders                    %d (priced %d)" % (st["orders"], st["priced_orders"]),
        "revenue                   %s (avg_order_value %.6f)" % (st["revenue"], st["avg_order_value"] or 0),
        "avg time between orders   %s" % days(st["avg_time_between_purchases"]),
        "median time between       %s" % days(st["median_time_between_purchases"]),
        "avg lifespan              %s" % days(st["avg_lifespan"]),
        "observation window        %s" % days(st["observation_window"]),
        "purchase_frequency /365d  %s" % st["purchase_frequency"],
        "historic_clv_observed     %s" % st["historic_clv_observed"],
        "historic_clv_churn (0.5)  %s" % st["historic_clv_churn"],
    ]
    if "retention" in result:
        r = result["retention"]
        lines.append("retention %s..%s: start %d retained %d rate %s wilson [%s, %s]" % (
            r["period_start"], r["period_end"], r["customers_start"], r["retained"],
            r["retention_rate"], r["retention_wilson_lower"], r["retention_wilson_upper"]))
    ser = result["series"]
    lines.append("series: %d %s periods in %s" % (len(ser), result["granularity"], result["zone"]))
    lines.append("  %-25s %6s %6s %6s %6s %6s %6s %6s %12s" % (
        "period_start", "start", "end", "new", "ret", "react", "churn", "orders", "revenue"))
    for row in ser:
        lines.append("  %-25s %6d %6d %6d %6d %6d %6d %6d %12s" % (
            row["period_start"], row["customers_start"], row["customers_end"],
            row["new_customers"], row["retained"], row["reactivated"], row["churned"],
            row["orders"], row["revenue"]))
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Reference order-history metrics (pandas).")
    ap.add_argument("orders", nargs="?", help="orders CSV: customer_id,ordered_at,amount[,items][,cost]")
    ap.add_argument("--granularity", default="month", choices=sorted(PERIOD_FREQ))
    ap.add_argument("--zone", default="UTC")
    ap.add_argument("--period-start")
    ap.add_argument("--period-end")
    ap.add_argument("--mrr", metavar="PAIRS.csv", help="MRR movements of mrr_start,mrr_end pairs")
    ap.add_argument("--mrr-series", metavar="ROWS.csv", help="MRR series of customer_id,period,mrr rows")
    ap.add_argument("--summary", action="store_true", help="a short text summary instead of JSON")
    args = ap.parse_args(argv)

    modes = [m for m in (args.orders, args.mrr, args.mrr_series) if m]
    if len(modes) != 1:
        ap.error("give exactly one of ORDERS.csv, --mrr PAIRS.csv, --mrr-series ROWS.csv")
    if (args.period_start is None) != (args.period_end is None):
        ap.error("--period-start and --period-end go together")

    if args.mrr:
        result = mrr_pairs(args.mrr)
    elif args.mrr_series:
        result = {"granularity": args.granularity, "zone": args.zone,
                  "series": mrr_series(args.mrr_series, args.granularity, args.zone)}
    else:
        result = report(args.orders, args.granularity, args.zone, args.period_start, args.period_end)
        if args.summary:
            print(summary_text(result))
            return 0
    json.dump(result, sys.stdout, indent=2, allow_nan=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
