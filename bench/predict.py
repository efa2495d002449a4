#!/usr/bin/env python3
"""The predictive benchmark: from a raw orders table to fitted BG/NBD and Gamma-Gamma models
and every customer's predicted CLV, with pg_retention inside PostgreSQL against lifetimes
0.11.3 in Python on the same orders. Usage: predict.py [customers] [rounds]
(default: 1 million synthetic customers, 3 rounds).

Two data sets:
- CDNOW: the real purchase log (69,659 purchases of 23,570 customers, 1997-01 to 1998-06),
  observed to 1998-06-30.
- Synthetic: `customers` customers drawn from the BG/NBD process itself with known
  parameters (below), so that the fit can be checked against the truth.

Each side runs the same pipeline: per-customer RFM summary in days (lifetimes'
`summary_data_from_transaction_data`, our `rfm()` of `customer_history_agg`), the BG/NBD fit
on every customer, the Gamma-Gamma fit on the repeat customers with a mean spend > 0, and
the 12-month CLV of every customer (monthly discount 1%, 30-day months). lifetimes also has
to get the orders out of PostgreSQL first (bench/lifetimes/pipeline.py says how); its times
are reported with and without that step. Ours runs twice: from the order rows, and from
the customers' histories stored in a table (as a materialized view keeps them; built once,
not timed), where the summary reads each history instead of grouping the orders.

The two sides' results are compared, lifetimes' from its first timed round and both of our
pipelines' (a difference stops the run before anything is reported): the fitted parameters
and the sum of the CLVs. On the synthetic set the fit of the continuous-time summary (frequency, recency
and T from the exact timestamps) must recover the true parameters within 4 standard errors
(lifetimes' `standard_errors_` of the day-level fit, which the continuous one shares to
within a few percent); the day-level fits' distance from the truth is reported as well.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

import numpy as np

import harness

DB = "pg_retention_bench_predict"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# The synthetic population: CDNOW's published BG/NBD and Gamma-Gamma parameters (Fader,
# Hardie & Lee 2005; Fader & Hardie note 025), alpha converted from weeks to days.
TRUTH = {"r": 0.243, "alpha": 4.414 * 7, "a": 0.793, "b": 2.426}
SPEND = {"p": 6.25, "q": 3.74, "v": 15.44}
SEED = 20261123
# Customers are acquired uniformly over the first 84 days (12 weeks, as CDNOW's first
# quarter) from 2024-01-01 00:00 UTC and observed for 546 days (78 weeks), to 2025-06-30.
ACQUISITION_DAYS, OBSERVED_DAYS = 84.0, 546.0
SYNTHETIC_END = "2025-06-30"
CDNOW_END = "1998-06-30"

# The settings of our side: the sort of a million customers' orders fits in memory.
WORK_MEM = "SET work_mem = '256MB';"

# Each customer's rfm() is computed once, as a column `r`, then taken apart: `(rfm(...)).*`
# would call it once per column, and `LATERAL rfm(...)` costs a function scan (a tuplestore)
# per customer, 0.3-0.6 s a million. From orders the subquery's GROUP BY keeps PostgreSQL
# from pulling it up; over a table, OFFSET 0 does (docs/predict.md).
SUMMARY = """SELECT customer_id, (r).*
    FROM ({rows}) c"""
FROM_ORDERS = """SELECT customer_id, rfm(customer_history_agg(ordered_at, amount), '{end}', 'day') AS r
          FROM {table} GROUP BY customer_id"""
# Stored histories: a table of one customer_history a customer, as a materialized view of the
# orders keeps it (docs/orders.md), built before the timing.
FROM_STORED = """SELECT customer_id, rfm(h, '{end}', 'day') AS r FROM {table}_histories OFFSET 0"""
HISTORIES = """CREATE TABLE {table}_histories AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM {table} GROUP BY customer_id;
VACUUM ANALYZE {table}_histories;"""

TEMPLATE = """WITH s AS MATERIALIZED (
    {summary}
), m AS (
    SELECT bgnbd_fit(frequency, recency, t) AS bg,
           gamma_gamma_fit(frequency, monetary_value) FILTER (WHERE monetary_value > 0) AS gg
    FROM s
)
SELECT count(*), sum(clv(bg, gg, frequency, recency, t, monetary_value))
FROM s, m"""


def pipeline(rows):
    """The pipeline over the customers' rfm() rows `rows`, with {table} and {end} left."""
    return TEMPLATE.replace("{summary}", SUMMARY.replace("{rows}", rows))


PIPELINE = pipeline(FROM_ORDERS)
STORED = pipeline(FROM_STORED)

# The same pipeline in separate statements, to time its steps.
STEPS = [
    ("summary", "CREATE TEMP TABLE s AS\n" + SUMMARY.replace("{rows}", FROM_ORDERS)),
    ("summary from stored histories", "CREATE TEMP TABLE s2 AS\n" + SUMMARY.replace("{rows}", FROM_STORED)),
    ("fits", """CREATE TEMP TABLE m AS
SELECT bgnbd_fit(frequency, recency, t) AS bg,
       gamma_gamma_fit(frequency, monetary_value) FILTER (WHERE monetary_value > 0) AS gg
FROM s"""),
    ("clv", "SELECT count(*), sum(clv(bg, gg, frequency, recency, t, monetary_value)) FROM s, m"),
]

# The BG/NBD fit of the continuous-time summary: frequency, recency and T in days from the
# exact timestamps (whole seconds), for the recovery check.
CONTINUOUS_FIT = """SELECT parameters(bgnbd_fit(f, r, t)) FROM (
    SELECT count(*) - 1 AS f, extract(epoch FROM max(ordered_at) - min(ordered_at)) / 86400 AS r,
           extract(epoch FROM timestamptz '{end}' - min(ordered_at)) / 86400 AS t
    FROM synthetic_orders GROUP BY customer_id) c"""


def generate(customers, path):
    """Write `customers` customers' orders, drawn from the BG/NBD process, as CSV
    (customer_id, ordered_at, amount) in time order; returns the number of orders.

    Each customer has a purchase rate lambda ~ Gamma(r, alpha) per day and a dropout
    probability p ~ Beta(a, b); the first purchase is at acquisition, then purchases follow
    a Poisson process of rate lambda, and after each repeat purchase the customer drops out
    with probability p (FHL 2005's assumptions; no dropout at the first purchase). Spend per
    purchase is Gamma(p, nu) with nu ~ Gamma(q, v) per customer (note 025), rounded to
    cents, at least 0.01."""
    rng = np.random.default_rng(SEED)
    rate = rng.gamma(TRUTH["r"], 1 / TRUTH["alpha"], customers)
    dropout = rng.beta(TRUTH["a"], TRUTH["b"], customers)
    nu = rng.gamma(SPEND["q"], 1 / SPEND["v"], customers)
    start = rng.uniform(0, ACQUISITION_DAYS, customers)
    ids = np.arange(1, customers + 1)
    who, when = [ids], [start]
    now, alive = start.copy(), np.ones(customers, bool)
    while alive.any():
        idx = np.nonzero(alive)[0]
        now[idx] += rng.exponential(1 / rate[idx])
        inside = now[idx] < OBSERVED_DAYS
        bought = idx[inside]
        who.append(ids[bought])
        when.append(now[bought].copy())
        alive[idx[~inside]] = False
        alive[bought[rng.random(bought.size) < dropout[bought]]] = False
    who, when = np.concatenate(who), np.concatenate(when)
    amount = np.maximum(np.round(rng.gamma(SPEND["p"], 1 / nu[who - 1]), 2), 0.01)
    order = np.argsort(when, kind="stable")
    stamps = (np.datetime64("2024-01-01T00:00:00") + (when[order] * 86400).astype("timedelta64[s]")).astype(str)
    with open(path, "w", encoding="ascii") as out:
        out.write("customer_id,ordered_at,amount\n")
        out.writelines(f"{c},{t}Z,{a:.2f}\n" for c, t, a in zip(who[order], stamps, amount[order]))
    return len(who)


def lifetimes_python():
    """The interpreter of lifetimes' pinned environment (.cache/lifetimes-venv), created on
    first use from tests/reference/lifetimes/requirements.txt."""
    venv = os.path.join(REPO, ".cache", "lifetimes-venv")
    python = os.path.join(venv, "bin", "python")
    requirements = os.path.join(REPO, "tests", "reference", "lifetimes", "requirements.txt")
    if not os.path.exists(python) or subprocess.run([python, "-c", "import lifetimes"],
                                                    capture_output=True).returncode != 0:
        harness.log(f"predict: creating {venv} (lifetimes 0.11.3, pandas 1.5.3, numpy 1.26.4)")
        subprocess.run(["python3", "-m", "venv", "--clear", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", requirements], check=True)
    return python


def run_lifetimes(python, table, end, rounds):
    out = subprocess.run([python, os.path.join(HERE, "lifetimes", "pipeline.py"), DB, table, end, str(rounds)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def ours_models(table, end, pipeline=PIPELINE):
    """Our fitted parameters and CLV sum, with two workers."""
    sql = (f"{harness.TWO_WORKERS.settings} {WORK_MEM}\n"
           + pipeline.format(table=table, end=end).replace(
               "SELECT count(*), sum(clv(bg, gg, frequency, recency, t, monetary_value))\nFROM s, m",
               "SELECT (SELECT count(*) FROM s), (SELECT sum(clv(bg, gg, frequency, recency, t, monetary_value)) "
               "FROM s, m), (parameters(bg)).*, (parameters(gg)).* FROM m"))
    n, total, r, alpha, a, b, p, q, v = harness.value(DB, sql + ";").split("|")
    return {"customers": int(n), "clv_sum": float(total),
            "bgnbd": dict(r=float(r), alpha=float(alpha), a=float(a), b=float(b)),
            "gamma": dict(p=float(p), q=float(q), v=float(v))}


def rel(x, y):
    return abs(x - y) / abs(y)


def compare(name, ours, theirs):
    """Markdown lines comparing the two sides' results; raises when they differ."""
    lines, worst = [], 0.0
    for model in ("bgnbd", "gamma"):
        for k, want in theirs[model].items():
            d = rel(ours[model][k], want)
            worst = max(worst, d)
            lines.append(f"{model} {k}: ours {ours[model][k]:.8g}, lifetimes {want:.8g} (relative difference {d:.1e})")
    clv = rel(ours["clv_sum"], theirs["clv_sum"])
    lines.append(f"CLV sum of {ours['customers']:,} customers: ours {ours['clv_sum']:,.2f}, "
                 f"lifetimes {theirs['clv_sum']:,.2f} (relative difference {clv:.1e})")
    harness.log(f"  check {name}: parameters within {worst:.1e}, CLV sum within {clv:.1e}")
    if ours["customers"] != theirs["customers"] or worst > 1e-5 or clv > 1e-5:
        raise RuntimeError(f"{name}: pg_retention and lifetimes differ:\n" + "\n".join(lines))
    return [f"- {name}: {line}" for line in lines]


def recovery(theirs):
    """Markdown lines: the fits' distance from the true parameters, in standard errors;
    raises when the continuous-time fit misses by 4 or more."""
    cont = harness.value(DB, CONTINUOUS_FIT.format(end=SYNTHETIC_END) + ";").strip("()").split(",")
    cont = dict(zip(("r", "alpha", "a", "b"), map(float, cont)))
    se = theirs["bgnbd_se"]
    lines = ["| parameter | truth | continuous-time fit (ours) | z | day-level fit (ours) | z | standard error |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    missed = []
    for k, truth in TRUTH.items():
        zc = (cont[k] - truth) / se[k]
        zd = (theirs["ours_bgnbd"][k] - truth) / se[k]
        lines.append(f"| {k} | {truth:.4g} | {cont[k]:.4f} | {zc:+.1f} | {theirs['ours_bgnbd'][k]:.4f} | {zd:+.1f} | {se[k]:.2g} |")
        if abs(zc) >= 4:
            missed.append(f"{k}: {cont[k]} vs {truth} (z {zc:.1f})")
    harness.log("  check recovery: " + ("ok" if not missed else "MISSED " + "; ".join(missed)))
    if missed:
        raise RuntimeError("the continuous-time fit does not recover the true parameters:\n" + "\n".join(missed))
    return lines


def time_ours(table, end, rounds, warmup):
    """Per pipeline (from orders, from stored histories) and mode: end-to-end times (ms) of
    `rounds` rounds, interleaved."""
    queries = [(f"{mode.settings} {WORK_MEM}", pipeline.format(table=table, end=end))
               for pipeline in (PIPELINE, STORED) for mode in harness.MODES]
    return harness.interleaved(DB, queries, rounds, warmup=warmup)


def time_steps(table, end, rounds):
    """Median time (ms) of each step of our pipeline, serially."""
    script = [harness.SERIAL.settings, WORK_MEM, "\\o /dev/null"]
    for _ in range(rounds):
        script += ["DROP TABLE IF EXISTS s, s2, m;"]
        for _, sql in STEPS:
            script += ["\\timing on", sql.format(table=table, end=end) + ";", "\\timing off"]
    out = harness.psql(DB, "\n".join(script) + "\n")
    ms = [float(x) for x in re.findall(r"^Time: ([0-9.]+) ms", out, re.M)]
    return {name: statistics.median(ms[i::len(STEPS)]) for i, (name, _) in enumerate(STEPS)}


def main(customers, rounds):
    python = lifetimes_python()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([os.path.join(REPO, "scripts", "fetch_cdnow.sh")], check=True, capture_output=True)
        cdnow_csv, synthetic_csv = os.path.join(tmp, "cdnow.csv"), os.path.join(tmp, "synthetic.csv")
        subprocess.run(["python3", os.path.join(REPO, "tests", "reference", "cdnow_to_csv.py"), "-o", cdnow_csv],
                       check=True, capture_output=True)
        harness.log(f"predict: drawing {customers:,} customers from the BG/NBD process")
        orders = generate(customers, synthetic_csv)
        harness.log(f"predict: {orders:,} synthetic orders")
        setup = f"""
ALTER DATABASE {DB} SET TimeZone = 'UTC';
SET TimeZone = 'UTC';
CREATE TABLE cdnow_orders (customer_id bigint, ordered_at timestamptz, amount numeric(10,2));
CREATE TEMP TABLE cdnow (customer_id bigint, ordered_at date, amount numeric(10,2), items int);
\\copy cdnow FROM '{cdnow_csv}' WITH (FORMAT csv, HEADER true)
INSERT INTO cdnow_orders SELECT customer_id, ordered_at, amount FROM cdnow ORDER BY ordered_at, customer_id;
CREATE TABLE synthetic_orders (customer_id bigint, ordered_at timestamptz, amount numeric(10,2));
\\copy synthetic_orders FROM '{synthetic_csv}' WITH (FORMAT csv, HEADER true)
"""
        harness.create_database(DB, setup)
    sets = [("CDNOW", "cdnow_orders", CDNOW_END, 5), ("Synthetic", "synthetic_orders", SYNTHETIC_END, rounds)]
    results, checks, recovered = {}, [], []
    for name, table, end, n in sets:
        harness.psql(DB, f"{WORK_MEM}\n" + HISTORIES.format(table=table) + "\n")
        # Rounds alternate between the two sides, so that a machine whose speed drifts (a
        # shared VM) slows both alike; the speed-ups are medians of per-round ratios.
        harness.log(f"predict: {name}: {n} rounds, lifetimes then ours in each")
        postmaster = harness.postmaster_pid(DB)
        time_ours(table, end, 1, warmup=True)  # a warm cache and library for the first round
        theirs, times, busy = [], [[] for _ in range(4)], []
        for _ in range(n):
            theirs += run_lifetimes(python, table, end, 1)
            t, other = harness.others_cores(DB, postmaster, lambda: time_ours(table, end, 1, warmup=False))
            for q, ms in enumerate(t):
                times[q] += ms
            if other is not None:
                busy.append(other)
        other = statistics.mean(busy) if busy else None
        ours = ours_models(table, end)
        checks += compare(name, ours, theirs[0])
        checks += compare(f"{name}, from stored histories", ours_models(table, end, STORED), theirs[0])
        if name == "Synthetic":
            recovered = recovery({**theirs[0], "ours_bgnbd": ours["bgnbd"]})
        steps = time_steps(table, end, n)
        results[name] = dict(theirs=theirs, times=times, steps=steps, other=other,
                             customers=ours["customers"],
                             orders=int(harness.value(DB, f"SELECT count(*) FROM {table}")))
    print(report(results, checks, recovered, customers, rounds))
    harness.drop_database(DB)


def med(values):
    return statistics.median(values)


def speed_up(theirs_s, ours_ms):
    """The median over rounds of lifetimes' time ÷ ours in the same round."""
    return f"{med([t * 1000 / o for t, o in zip(theirs_s, ours_ms)]):.1f}x"


def report(results, checks, recovered, customers, rounds):
    out = ["### Predicted CLV: pg_retention against lifetimes 0.11.3", ""]
    out.append(f"{harness.machine(DB)}. Our side: work_mem 256MB; lifetimes: CPython 3.11, pandas 1.5.3, "
               f"numpy 1.26.4, scipy 1.13.1. Rounds: 5 on CDNOW, {rounds} on the synthetic set, each running "
               "lifetimes' pipeline and then ours (four queries, interleaved); median times, medians of "
               "per-round speed-ups.")
    out.append("")
    out.append("| data | customers | orders | lifetimes: load | summary | BG/NBD fit | Gamma-Gamma fit | CLV | "
               "lifetimes total s | ours from | ours serial s | ours 2 workers s | speed-up, serial (2 workers) | "
               "speed-up without lifetimes' load |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    for name, r in results.items():
        steps = {k: med([x["times"][k] for x in r["theirs"]]) for k in r["theirs"][0]["times"]}
        totals = [sum(x["times"].values()) for x in r["theirs"]]
        compute = [sum(v for k, v in x["times"].items() if k != "load") for x in r["theirs"]]
        for k, source in enumerate(("orders", "stored histories")):
            serial, two = (r["times"][2 * k + m] for m in (0, 1))
            theirs = (f"| {name} | {r['customers']:,} | {r['orders']:,} | {steps['load']:.2f} | {steps['summary']:.2f} | "
                      f"{steps['bgnbd']:.2f} | {steps['gamma']:.2f} | {steps['clv']:.2f} | {med(totals):.2f} "
                      if k == 0 else "| | | | | | | | | ")
            out.append(f"{theirs}| {source} | {med(serial) / 1000:.2f} | {med(two) / 1000:.2f} | "
                       f"{speed_up(totals, serial)} ({speed_up(totals, two)}) | "
                       f"{speed_up(compute, serial)} ({speed_up(compute, two)}) |")
    out.append("")
    out.append("Our steps, serially (separate statements through temporary tables; ms): "
               + "; ".join(f"{name}: " + ", ".join(f"{k} {v:.0f}" for k, v in r["steps"].items())
                           for name, r in results.items()) + ".")
    busy = [f"{name} {r['other']:.2f}" for name, r in results.items() if r["other"] is not None]
    if busy:
        out.append(f"Cores kept busy by other processes during our rounds: {', '.join(busy)}.")
    out.append("")
    out.append("#### Checks\n")
    out += checks
    out.append("")
    out.append(f"#### Recovery of the true parameters ({customers:,} synthetic customers)\n")
    out += recovered
    out.append("")
    out.append("#### Our pipeline\n")
    out.append("```sql norun\n" + PIPELINE.format(table="orders", end="<observation end>") + ";\n```")
    out.append("")
    out.append("From stored histories (`orders_histories`: one `customer_history` a customer):\n")
    out.append("```sql norun\n" + STORED.format(table="orders", end="<observation end>") + ";\n```")
    return "\n".join(out)


if __name__ == "__main__":
    harness.cli(main, rows=1_000_000, rounds=3)
