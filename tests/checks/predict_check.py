#!/usr/bin/env python3
"""Check pg_retention's predictive family on CDNOW against lifetimes 0.11.3 and lifelines.

The references are the committed fixtures of tests/reference/lifetimes/ (made by its
make_fixtures.py with the pinned library versions; README.md there says how), so this check
needs neither library, only the Python of .venv:

    .venv/bin/python tests/checks/predict_check.py     # inside scripts/cluster.sh, pg_retention installed

What is compared, customer by customer:
  - rfm() of every CDNOW_sample customer's history (days / 7 to 1997-09-30; days, Monday
    weeks to 1998-06-30) against lifetimes' summary_data_from_transaction_data, and the
    weeks-from-days summary against the published cdnow_customers_summary.csv (2 decimals);
    months: frequency and monetary value against lifetimes, recency and T as whole calendar
    months computed here from the dates (lifetimes divides days by an average month,
    30.436875 days: a documented difference);
  - rfm_holdout() against calibration_and_holdout_data (days / 7); the holdout's mean spend
    against a per-period mean computed here (lifetimes averages the raw rows instead: a
    documented difference) and against lifetimes where no holdout day has two orders;
  - bgnbd_fit() and gamma_gamma_fit() on the published summary: parameters within 1e-5
    relative of lifetimes' (two optimizers' tolerances), the published values to their
    decimals, log-likelihoods within 1e-6; with the penalizer 0.1 too;
  - every customer's predictions (expected purchases in 1, 10, 39 weeks, P(alive), expected
    spend, 12-month CLV at 1% and 0%) with lifetimes' parameters, within 1e-10 relative;
  - the Kaplan-Meier curve of the 23,570 CDNOW_master customers (churn proxy of km.json)
    against lifelines, every point and its band within 1e-12, and the median;
  - fits with 2 parallel workers give the same model text as serial fits.
"""
import csv
import gzip
import json
import os
import sys
from datetime import date
from decimal import Decimal

from common import CDNOW_CACHE as CACHE, REFERENCE_DIR, ROOT, Database, fetch_cdnow

FIX = os.path.join(REFERENCE_DIR, "lifetimes")
DB = Database("pg_retention_predict")
FAILURES = []
CHECKS = [0]


def fixture(name):
    path = os.path.join(FIX, name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", newline="") as f:
        return list(csv.DictReader(f))


def close(a, b, rel):
    a, b = float(a), float(b)
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300) or a == b


def expect(ok, what):
    CHECKS[0] += 1
    if not ok:
        FAILURES.append(what)
        if len(FAILURES) <= 20:
            print("  DIFFERENT:", what)


def load():
    DB.create()
    rows = []
    with open(os.path.join(CACHE, "CDNOW_sample.txt")) as f:
        for line in f:
            master, sample, d, _cds, amount = line.split()
            rows.append("%d,%d,%s-%s-%s,%s" % (int(sample), int(master), d[:4], d[4:6], d[6:], amount))
    master = {}
    with open(os.path.join(CACHE, "CDNOW_master.txt")) as f:
        for line in f:
            fields = line.split()
            if len(fields) == 4 and fields[0].isdigit():
                c, d = int(fields[0]), fields[1]
                first, last = master.get(c, (d, d))
                master[c] = (min(first, d), max(last, d))
    churn = ["%d,%s" % ((date(int(l[:4]), int(l[4:6]), int(l[6:])) - date(int(f[:4]), int(f[4:6]), int(f[6:]))).days,
                        "true" if l < "19980101" else "false") for f, l in master.values()]
    tmp = os.path.join(ROOT, ".cache", "predict_check")
    os.makedirs(tmp, exist_ok=True)
    for name, lines in (("sample.csv", rows), ("churn.csv", churn)):
        with open(os.path.join(tmp, name), "w") as f:
            f.write("\n".join(lines) + "\n")
    DB.rows("""
CREATE TABLE orders (customer_id int, master_id int, ordered_at timestamptz, amount numeric(10,2));
\\copy orders FROM '{tmp}/sample.csv' WITH (FORMAT csv)
CREATE TABLE histories AS
SELECT customer_id, min(master_id) AS master_id, customer_history_agg(ordered_at, amount) AS h
FROM orders GROUP BY customer_id;
CREATE TABLE summary (id int, x float8, t_x float8, t float8, zbar float8);
\\copy summary FROM '{cache}/cdnow_customers_summary_with_transactions.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE lifetimes_churn (days float8, churned boolean);
\\copy lifetimes_churn FROM '{tmp}/churn.csv' WITH (FORMAT csv)
-- The "regular" segment of Fader & Hardie (2007), one row per customer and period alive,
-- so that parallel workers each see part of every period.
CREATE TABLE survivors AS
SELECT p::int - 1 AS period, 1::bigint AS alive
FROM unnest(ARRAY[1000, 631, 468, 382, 326, 289, 262, 241]) WITH ORDINALITY u(n, p), generate_series(1, n);
-- Kaplan-Meier states of 100 groups of customers, to roll up.
CREATE TABLE churn_curves AS
SELECT g, kaplan_meier(days, churned) AS c FROM (SELECT *, row_number() OVER () % 100 AS g FROM lifetimes_churn) t GROUP BY g;
ANALYZE;
""".format(tmp=tmp, cache=CACHE))


def rfm_rows(end, unit, multiplier):
    return {int(r["customer_id"]): r for r in DB.rows(
        "SELECT customer_id, r.* FROM histories, LATERAL rfm(h, '%s', '%s', %s) r" % (end, unit, multiplier))}


def check_rfm():
    print("--- rfm() against lifetimes' summary_data_from_transaction_data")
    for name, end, unit, mult in (("rfm_sample_D7_19970930.csv.gz", "1997-09-30", "day", 7),
                                  ("rfm_sample_D_19980630.csv.gz", "1998-06-30", "day", 1),
                                  ("rfm_sample_W_19980630.csv.gz", "1998-06-30", "week", 1),
                                  ("rfm_sample_M_19980630.csv.gz", "1998-06-30", "month", 1)):
        ours = rfm_rows(end, unit, mult)
        ref = fixture(name)
        expect(len(ours) == len(ref) == 2357, "%s: %d rows against %d" % (name, len(ours), len(ref)))
        for r in ref:
            o = ours[int(r["sample_id"])]
            cid = "%s customer %s" % (name, r["sample_id"])
            expect(int(o["frequency"]) == float(r["frequency"]), cid + " frequency")
            expect(close(o["monetary_value"], r["monetary_value"], 1e-12), cid + " monetary_value")
            if unit != "month":
                expect(close(o["recency"], r["recency"], 1e-12), cid + " recency")
                expect(close(o["t"], r["T"], 1e-12), cid + " T")
        if unit == "month":
            check_whole_months(ours, end)
    # The published summary: the weeks-from-days rows to 2 decimals.
    ours = rfm_rows("1997-09-30", "day", 7)
    with open(os.path.join(CACHE, "cdnow_customers_summary.csv"), newline="") as f:
        published = list(csv.DictReader(f))
    for r in published:
        o = ours[int(r["ID"])]
        same = (int(o["frequency"]) == int(r["frequency"])
                and round(float(o["recency"]), 2) == float(r["recency"]) and round(float(o["t"]), 2) == float(r["T"]))
        expect(same, "published summary ID %s: %s against %s" % (r["ID"], o, r))
    print("  %d customers x 4 units, and the published summary's %d rows" % (2357, len(published)))


def check_whole_months(ours, end):
    """Recency and T in whole calendar months, computed from the raw dates."""
    dates = {}
    for r in DB.rows("SELECT customer_id, to_char(ordered_at, 'YYYY-MM') AS m FROM orders"):
        dates.setdefault(int(r["customer_id"]), set()).add(r["m"])
    idx = lambda ym: int(ym[:4]) * 12 + int(ym[5:7])  # noqa: E731
    e = idx(end[:7])
    for c, ms in dates.items():
        first, last = min(map(idx, ms)), max(map(idx, ms))
        expect(float(ours[c]["recency"]) == last - first and float(ours[c]["t"]) == e - first,
               "months: customer %d" % c)


def check_holdout():
    print("--- rfm_holdout() against calibration_and_holdout_data")
    ours = {int(r["customer_id"]): r for r in DB.rows(
        "SELECT customer_id, r.* FROM histories, LATERAL rfm_holdout(h, '1997-09-30', '1998-06-30', 'day', 7) r")}
    per_day = {}
    for r in DB.rows("SELECT customer_id, ordered_at::date AS d, sum(amount) AS s, count(*) AS n FROM orders "
                     "WHERE ordered_at > '1997-09-30' GROUP BY 1, 2"):
        per_day.setdefault(int(r["customer_id"]), []).append((Decimal(r["s"]), int(r["n"])))
    for r in fixture("calhold_sample_D7_19970930_19980630.csv.gz"):
        c = int(r["sample_id"])
        o = ours[c]
        cid = "holdout customer %d" % c
        for col, ref_col in (("frequency_cal", "frequency_cal"), ("frequency_holdout", "frequency_holdout")):
            expect(int(o[col]) == float(r[ref_col]), cid + " " + col)
        for col, ref_col in (("recency_cal", "recency_cal"), ("t_cal", "T_cal"),
                             ("monetary_value_cal", "monetary_value_cal"), ("duration_holdout", "duration_holdout")):
            expect(close(o[col], r[ref_col], 1e-12), cid + " " + col)
        days = per_day.get(c, [])
        mean = sum(s for s, _ in days) / len(days) if days else Decimal(0)
        expect(abs(Decimal(o["monetary_value_holdout"]) - mean) <= Decimal("1e-12"), cid + " holdout spend per period")
        if all(n == 1 for _, n in days):
            expect(close(o["monetary_value_holdout"], r["monetary_value_holdout"], 1e-12), cid + " holdout spend")
    print("  %d customers" % len(ours))


def params(model_sql):
    return DB.rows("SELECT (parameters(m)).*, (fit_info(m)).* FROM (%s) f(m)" % model_sql)[0]


def check_fits():
    print("--- bgnbd_fit() and gamma_gamma_fit() against lifetimes and the published values")
    bj = json.load(open(os.path.join(FIX, "bgnbd_cdnow.json")))
    for key, pen in (("p0", None), ("p01", 0.1)):
        fit = bj["fits"][key]
        sql = "SELECT bgnbd_fit(x, t_x, t%s) FROM summary" % (", %s" % pen if pen is not None else "")
        o = params(sql)
        for n in ("r", "alpha", "a", "b"):
            expect(close(o[n], fit["params"][n], 1e-5), "BG/NBD %s %s: %s against %s" % (key, n, o[n], fit["params"][n]))
        expect(close(o["log_likelihood"], fit["ll_weeks_unpenalized"], 1e-9), "BG/NBD %s log-likelihood" % key)
        expect(o["converged"] == "t" and o["customers"] == "2357", "BG/NBD %s converged, customers" % key)
        print("  BG/NBD %s: r %s alpha %s a %s b %s LL %s" % (key, o["r"], o["alpha"], o["a"], o["b"], o["log_likelihood"]))
    pub = bj["published"]
    o = params("SELECT bgnbd_fit(x, t_x, t) FROM summary")
    for n in ("r", "alpha", "a", "b"):
        expect(round(float(o[n]), 3) == pub[n], "published %s" % n)
    expect(round(float(o["log_likelihood"]), 1) == pub["ll"], "published log-likelihood")
    gj = json.load(open(os.path.join(FIX, "gg_cdnow.json")))
    o = params("SELECT gamma_gamma_fit(x, zbar) FROM summary")
    for n in ("p", "q", "v"):
        expect(close(o[n], gj["params"][n], 1e-5), "Gamma-Gamma %s" % n)
        expect(abs(float(o[n]) - gj["published"][n]) <= 0.01, "Gamma-Gamma published %s" % n)
    expect(close(o["log_likelihood"], gj["ll"], 1e-9) and o["customers"] == "946", "Gamma-Gamma LL, customers")
    print("  Gamma-Gamma: p %s q %s v %s LL %s" % (o["p"], o["q"], o["v"], o["log_likelihood"]))


def model_text(kind, p, ll, n):
    if kind == "bgnbd":
        body = "r:%r,alpha:%r,a:%r,b:%r" % (p["r"], p["alpha"], p["a"], p["b"])
    else:
        body = "p:%r,q:%r,v:%r" % (p["p"], p["q"], p["v"])
    return ("(version:1,model:\"%s\",%s,log_likelihood:%r,customers:%d,rows:1,iterations:0,converged:true,"
            "penalizer:0.0)" % (kind, body, ll, n))


def check_predictions():
    print("--- predictions with lifetimes' parameters, every customer")
    bj = json.load(open(os.path.join(FIX, "bgnbd_cdnow.json")))
    gj = json.load(open(os.path.join(FIX, "gg_cdnow.json")))
    models = {}
    for key in ("p0", "p01"):
        f = bj["fits"][key]
        models[key] = model_text("bgnbd", f["params"], f["ll_weeks_unpenalized"], 2357)
    gg = model_text("gamma_gamma", gj["params"], gj["ll"], 946)
    cols = []
    for key in ("p0", "p01"):
        m = "'%s'::bgnbd_model" % models[key]
        cols += ["expected_purchases(%s, %d, x, t_x, t) AS %s_cond_exp_t%d" % (m, t, key, t) for t in (1, 10, 39)]
        cols.append("probability_alive(%s, x, t_x, t) AS %s_p_alive" % (m, key))
    g = "'%s'::gamma_gamma_model" % gg
    b = "'%s'::bgnbd_model" % models["p0"]
    cols.append("CASE WHEN x > 0 THEN expected_average_spend(%s, x, zbar) ELSE expected_average_spend(%s) END AS exp_avg_profit" % (g, g))
    # lifetimes gives a customer without repeat purchases the population mean spend (its
    # conditional formula at x = 0): clv() with monetary_value 0 does the same.
    for d, name in (("0.01", "clv_12m_d001"), ("0", "clv_12m_d0")):
        cols.append("clv(%s, %s, x, t_x, t, zbar, 12, %s, 4.345) AS %s" % (b, g, d, name))
    ours = {int(r["id"]): r for r in DB.rows("SELECT id, %s FROM summary" % ", ".join(cols))}
    ref = {int(r["ID"]): r for r in fixture("bgnbd_cdnow.csv.gz")}
    for r in fixture("gg_clv_cdnow.csv.gz"):
        ref[int(r["ID"])].update(r)
    n = 0
    for c, r in ref.items():
        for col in [k for k in ours[c] if k != "id"]:
            expect(close(ours[c][col], r[col], 1e-10), "customer %d %s: %s against %s" % (c, col, ours[c][col], r[col]))
            n += 1
    total = float(DB.rows("SELECT sum(clv(%s, %s, x, t_x, t, zbar, 12, 0.01, 4.345)) AS s FROM summary" % (b, g))[0]["s"])
    expect(close(total, gj["clv"]["sum_d001"], 1e-10), "CLV sum %r against %r" % (total, gj["clv"]["sum_d001"]))
    print("  %d values; CLV sum %.6f (lifetimes %.6f)" % (n, total, gj["clv"]["sum_d001"]))


def check_km():
    print("--- kaplan_meier() against lifelines (CDNOW_master churn proxy)")
    ours = DB.rows("SELECT * FROM survival_curve((SELECT kaplan_meier(days, churned) FROM lifetimes_churn))")
    ref = fixture("km_cdnow_master_churn.csv")
    expect(len(ours) == len(ref), "KM: %d points against %d" % (len(ours), len(ref)))
    for o, r in zip(ours, ref):
        same = (float(o["duration"]) == float(r["timeline"]) and o["at_risk"] == r["at_risk"]
                and o["churned"] == r["observed"] and o["censored"] == r["censored"]
                and close(o["survival"], r["survival"], 1e-12)
                and close(o["lower"], r["ci_lower_95"], 1e-12) and close(o["upper"], r["ci_upper_95"], 1e-12))
        expect(same, "KM point %s: %s against %s" % (r["timeline"], o, r))
    km = json.load(open(os.path.join(FIX, "km.json")))
    median = DB.rows("SELECT median_lifetime(kaplan_meier(days, churned)) AS m FROM lifetimes_churn")[0]["m"]
    ref_median = km["cdnow_master_churn"]["median_survival_time_"]
    expect(float(median) == float(ref_median), "KM median %s against %s" % (median, ref_median))
    print("  %d points, median %s" % (len(ours), median))


def check_parallel():
    print("--- parallel plans give the serial models")
    fits = ("bgnbd_fit(x, t_x, t)", "gamma_gamma_fit(x, zbar)", "kaplan_meier(days, churned)",
            "sbg_fit(period, alive)", "rollup(c)")
    tables = ("summary", "summary", "lifetimes_churn", "survivors", "churn_curves")
    for f, t in zip(fits, tables):
        serial = DB.rows("SET max_parallel_workers_per_gather = 0; SELECT %s::text AS m FROM %s" % (f, t))[0]["m"]
        parallel = DB.rows("SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"
                           "SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;"
                           "SELECT %s::text AS m FROM %s" % (f, t))[0]["m"]
        plan = "\n".join(r["QUERY PLAN"] for r in DB.rows(
            "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"
            "SET max_parallel_workers_per_gather = 2; EXPLAIN SELECT %s FROM %s" % (f, t)))
        expect("Partial Aggregate" in plan, "%s: no partial aggregate in\n%s" % (f, plan))
        expect(serial == parallel, "%s: parallel %s against serial %s" % (f, parallel, serial))
    # The rolled-up curve is the curve of all customers.
    whole = DB.rows("SELECT kaplan_meier(days, churned)::text AS m FROM lifetimes_churn")[0]["m"]
    rolled = DB.rows("SELECT rollup(c)::text AS m FROM churn_curves")[0]["m"]
    expect(whole == rolled, "rollup(survival_curve) of 100 groups differs from the whole curve")
    print("  %d aggregates; rollup of 100 Kaplan-Meier states = the whole" % len(fits))


def main():
    fetch_cdnow()
    load()
    check_rfm()
    check_holdout()
    check_fits()
    check_predictions()
    check_km()
    check_parallel()
    if FAILURES:
        print("predict_check: %d of %d comparisons FAILED" % (len(FAILURES), CHECKS[0]))
        sys.exit(1)
    print("predict_check: %d comparisons, all equal" % CHECKS[0])


if __name__ == "__main__":
    main()
