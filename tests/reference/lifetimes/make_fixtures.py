#!/usr/bin/env python3
"""Reference fixtures from lifetimes 0.11.3 and lifelines on the CDNOW data.

What it computes (files are written beside this script unless --out says otherwise;
README.md beside it describes every column). Per-customer files are gzip'ed CSV
(reproducible bytes: no name, mtime 0); floats are written with repr(), the shortest
string that reads back as the same float64.

a. RFM, from the raw CDNOW_sample purchases (customer = sample_id, date, amount):
   rfm_sample_D7_19970930.csv.gz   summary_data_from_transaction_data(freq='D',
                                   freq_multiplier=7, observation_period_end='1997-09-30'),
                                   time in weeks. Reproduces the published
                                   cdnow_customers_summary.csv: all 2357 rows match
                                   frequency/recency/T after rounding to 2 decimals, keyed by
                                   the sample file's SECOND column (its own 1..2357 customer
                                   number = the published ID; keyed by the master id, the
                                   first column, in order, only 150 rows match). The published
                                   zbar is the exact mean rounded half-up: float64 + round(2)
                                   disagrees on 77 of 2357 rows by 0.01; exact rational
                                   arithmetic with round-half-up matches all 2357.
                                   rfm_check.json holds the counts.
   rfm_sample_D_19980630.csv.gz    freq='D' (days), observation_period_end='1998-06-30'
   rfm_sample_W_19980630.csv.gz    freq='W': pandas 'W' = 'W-SUN'; every date (the end too) is
                                   floored to its Monday, differences / 7 days
   rfm_sample_M_19980630.csv.gz    freq='M': every date (the end too) is floored to the 1st of
                                   its month, differences / np.timedelta64(1, 'M') = 30.436875
                                   days under pandas 1.5 (pandas 2.0.x: 31 days, wrong;
                                   pandas >= 2.1: ValueError "Unit M is not supported")
   calhold_sample_D_19970930_19980630.csv.gz   calibration_and_holdout_data(freq='D',
                                   calibration_period_end='1997-09-30',
                                   observation_period_end='1998-06-30')
   calhold_sample_D7_19970930_19980630.csv.gz  the same with freq_multiplier=7
   rfm_check.json                  the comparison with the published files; period rules,
                                   each re-derived from the raw dates and checked row by row
b. bgnbd_cdnow.json / bgnbd_cdnow.csv.gz   BetaGeoFitter on cdnow_customers_summary.csv,
                                   penalizer 0 and 0.1: params, log-likelihoods, population
                                   expected_number_of_purchases_up_to_time(1, 10, 39, 78); per
                                   customer conditional_expected_number_of_purchases_up_to_time
                                   (1, 10, 39) and conditional_probability_alive
c. gg_cdnow.json / gg_clv_cdnow.csv.gz     GammaGammaFitter on the x > 0 rows of
                                   cdnow_customers_summary_with_transactions.csv; per customer
                                   conditional_expected_average_profit and
                                   customer_lifetime_value(bgf, ..., time=12, freq='W') with
                                   discount_rate 0.01 and 0
d. km_gehan_6mp.csv, km_cdnow_master_churn.csv, km.json   lifelines KaplanMeierFitter:
                                   event table, survival_function_, 95% confidence_interval_
                                   (exponential Greenwood), median_survival_time_; both curves
                                   re-derived by hand here (exact product-limit, Greenwood)
   cdnow_master_fit.json           the benchmark run on CDNOW_master (69,659 rows): summary,
                                   BG/NBD, Gamma-Gamma, CLV aggregates. Timings are printed,
                                   not saved (README.md records the first figure).
e. shifted-beta-geometric: not in lifetimes; not computed.

Versions: requirements.txt beside this script (lifetimes 0.11.3, pandas 1.5.3, numpy 1.26.4,
scipy 1.13.1, autograd 1.9.1, lifelines 0.28.0; CPython 3.11). pandas 1.5.3 is the newest
pandas with which lifetimes' freq='M' is right; lifelines 0.28.0 is the last lifelines that
accepts pandas < 2.1 and needs scipy < 1.14 (it imports scipy.integrate.trapz). The script
refuses other versions unless --any-versions. Everything it asserts (published parameters,
the reproduction of the published summary, the period rules, the hand-computed KM) makes
it stop with an error if a result is off.

Re-run, from the repository root (installs nothing into the project or PostgreSQL):

    python3 -m venv /tmp/ltvenv
    /tmp/ltvenv/bin/pip install -r tests/reference/lifetimes/requirements.txt
    /tmp/ltvenv/bin/python tests/reference/lifetimes/make_fixtures.py [--repeat 5]
    git status tests/reference/lifetimes     # no change expected

Cross-check on other versions, writing elsewhere (a failing step is skipped, exit status 1):

    /tmp/othervenv/bin/python tests/reference/lifetimes/make_fixtures.py --any-versions --out /tmp/fx
"""

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import os
import re
import sys
import time
import warnings
from decimal import Decimal
from fractions import Fraction
from importlib import metadata

warnings.simplefilter("ignore")  # lifetimes 0.11.3 on newer pandas: FutureWarnings only

import numpy as np
import pandas as pd

import lifetimes
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import calibration_and_holdout_data, summary_data_from_transaction_data

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.path.join(os.path.dirname(os.path.abspath(lifetimes.__file__)), "datasets")

# The Freireich et al. (1963) 6-MP arm as in Gehan (1965): remission times in weeks, 1 =
# relapse, 0 = censored. Checked below against two copies shipped by lifelines.
GEHAN_6MP_T = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35]
GEHAN_6MP_E = [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]

TIMINGS = []
REPEAT = 1  # --repeat: how often the CDNOW_master benchmark steps are run


def timed(label, fn, repeat=1):
    """Run fn `repeat` times; keep the result of the last run and every wall time."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    TIMINGS.append((label, times))
    return out


# ---------------------------------------------------------------- output helpers
def fmt(v):
    """repr() for floats (full precision), plain for ints and strings; NaN as 'nan'."""
    if isinstance(v, (bool, np.bool_)):
        return "1" if v else "0"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        v = float(v)
        return "nan" if math.isnan(v) else repr(v)
    return str(v)


def write_csv(path, columns, rows):
    """Plain CSV, or gzip (level 9, no name, mtime 0: reproducible bytes) for *.csv.gz."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([fmt(v) for v in r])
    data = buf.getvalue().encode("ascii")
    with open(path, "wb") as f:
        if path.endswith(".gz"):
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=f, mtime=0) as g:
                g.write(data)
        else:
            f.write(data)
    print(f"  wrote {os.path.relpath(path)}: {len(rows)} rows, {len(data)} bytes of CSV, "
          f"{os.path.getsize(path)} bytes on disk")


def write_df(path, df, columns):
    write_csv(path, columns, list(df[columns].itertuples(index=False, name=None)))


def jsonable(o):
    if isinstance(o, dict):
        return {str(k): jsonable(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [jsonable(v) for v in o]
    if isinstance(o, (np.integer,)):
        return int(o)
    if isinstance(o, (float, np.floating)):
        o = float(o)
        # json.dumps writes floats with repr(); NaN and +-inf (not JSON) become null
        return None if math.isnan(o) or math.isinf(o) else o
    return o


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(jsonable(obj), f, indent=2, allow_nan=False)
        f.write("\n")
    print(f"  wrote {os.path.relpath(path)}: {os.path.getsize(path)} bytes")


def versions():
    names = ["lifetimes", "lifelines", "pandas", "numpy", "scipy", "autograd", "dill"]
    out = {n: metadata.version(n) for n in names}
    out["python"] = "%d.%d.%d" % sys.version_info[:3]
    return out


def check_versions(strict):
    pins = {}
    with open(os.path.join(HERE, "requirements.txt")) as f:
        for line in f:
            m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s#]+)", line)
            if m:
                pins[m.group(1).lower()] = m.group(2)
    bad = []
    for name, want in sorted(pins.items()):
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            have = None
        if have != want:
            bad.append(f"{name}: pinned {want}, installed {have}")
    if bad:
        msg = "versions differ from requirements.txt:\n  " + "\n  ".join(bad)
        if strict:
            sys.exit(msg + "\n(use --any-versions to run anyway, with --out elsewhere)")
        print("WARNING: " + msg)


# ---------------------------------------------------------------- inputs
def load_inputs():
    # CDNOW_sample.txt: no header; master customer id, sample customer number (1..2357),
    # date YYYYMMDD, number of CDs, dollar value.
    sample = pd.read_csv(
        os.path.join(DATASETS, "CDNOW_sample.txt"), sep=r"\s+", header=None,
        names=["master_id", "sample_id", "date", "cds", "amount"],
        dtype={"master_id": np.int64, "sample_id": np.int64, "date": str, "cds": np.int64,
               "amount": np.float64})
    # CDNOW_master.txt: header 'customer_id date number_of_cds dollar_value'.
    master = pd.read_csv(
        os.path.join(DATASETS, "CDNOW_master.txt"), sep=r"\s+", header=0,
        dtype={"customer_id": np.int64, "date": str, "number_of_cds": np.int64,
               "dollar_value": np.float64})
    assert list(master.columns) == ["customer_id", "date", "number_of_cds", "dollar_value"]
    for df in (sample, master):
        df["date"] = pd.to_datetime(df["date"], format="%Y%m%d")
    summary = pd.read_csv(os.path.join(DATASETS, "cdnow_customers_summary.csv"))
    summary_tx = pd.read_csv(os.path.join(DATASETS, "cdnow_customers_summary_with_transactions.csv"))
    assert list(summary.columns) == ["ID", "frequency", "recency", "T"]
    assert list(summary_tx.columns) == ["ID", "x", "t_x", "T", "zbar"]
    assert (summary.ID.values == summary_tx.ID.values).all()
    assert (summary[["frequency", "recency", "T"]].values == summary_tx[["x", "t_x", "T"]].values).all()

    # Facts about the layout, asserted so that a changed copy of the data is noticed.
    assert len(sample) == 6919 and len(master) == 69659, (len(sample), len(master))
    assert sample.sample_id.nunique() == 2357 and sample.master_id.nunique() == 2357
    assert (sample.groupby("sample_id").master_id.nunique() == 1).all()
    assert master.customer_id.nunique() == 23570
    # The sample is every purchase of 2357 of the master's customers (a multiset equality).
    key = ["master_id", "date", "cds", "amount"]
    ms = master[master.customer_id.isin(sample.master_id)].rename(
        columns={"customer_id": "master_id", "number_of_cds": "cds", "dollar_value": "amount"})
    a = sample[key].sort_values(key).reset_index(drop=True)
    b = ms[key].sort_values(key).reset_index(drop=True)
    assert a.equals(b), "CDNOW_sample is not the master's rows of its customers"
    return sample, master, summary, summary_tx


# ---------------------------------------------------------------- a. RFM
RFM_COLS = ["sample_id", "master_id", "frequency", "recency", "T", "monetary_value"]


def rfm_fixtures(out, sample, summary, summary_tx, tolerant, failures):
    idmap = sample.groupby("sample_id").master_id.first()
    specs = [
        ("rfm_sample_D7_19970930.csv.gz", "D", 7, "1997-09-30"),
        ("rfm_sample_D_19980630.csv.gz", "D", 1, "1998-06-30"),
        ("rfm_sample_W_19980630.csv.gz", "W", 1, "1998-06-30"),
        ("rfm_sample_M_19980630.csv.gz", "M", 1, "1998-06-30"),
    ]
    results = {}
    for name, freq, mult, end in specs:
        try:
            df = timed(f"summary sample {freq}x{mult}", lambda: summary_data_from_transaction_data(
                sample, "sample_id", "date", monetary_value_col="amount",
                observation_period_end=end, freq=freq, freq_multiplier=mult))
        except Exception as e:  # freq='M' on pandas >= 2.1
            if not tolerant:
                raise
            failures.append(f"{name}: {type(e).__name__}: {e}")
            print(f"  SKIPPED {name}: {type(e).__name__}: {e}")
            continue
        df = df.sort_index()
        df.index.name = "sample_id"
        df = df.reset_index()
        df["master_id"] = df.sample_id.map(idmap)
        assert len(df) == 2357
        write_df(os.path.join(out, name), df, RFM_COLS)
        results[name] = df

    conventions = period_conventions(sample, results, tolerant, failures)

    # Compare (i) with the published summary.
    d7 = results["rfm_sample_D7_19970930.csv.gz"].set_index("sample_id")
    pub = summary.set_index("ID")
    pubm = summary_tx.set_index("ID")
    same_ids = sorted(d7.index) == sorted(pub.index)
    r = d7.reindex(pub.index)
    frt = ((r.frequency == pub.frequency) & (np.round(r.recency, 2) == pub.recency)
           & (np.round(r["T"], 2) == pub["T"]))
    zbar_float = (np.round(r.monetary_value, 2) == pubm.zbar)
    maxdiff = float((r.monetary_value - pubm.zbar).abs().max())

    # Exact: per (customer, day) sums of the 2-decimal amounts, mean of the repeat days,
    # rounded half-up to cents.
    t = sample[sample.date <= "1997-09-30"].copy()
    t["c"] = t.amount.map(lambda a: Fraction(Decimal(repr(a))))
    per = t.groupby(["sample_id", "date"]).c.agg(lambda s: sum(s, Fraction(0))).reset_index()
    per = per.sort_values(["sample_id", "date"])
    per["k"] = per.groupby("sample_id").cumcount()
    rep = per[per.k > 0]
    exact = rep.groupby("sample_id").c.agg(lambda s: sum(s, Fraction(0)) / len(s))

    def half_up(fr):
        q = fr * 100
        n = q.numerator // q.denominator
        return Fraction(n + (1 if q - n >= Fraction(1, 2) else 0), 100)

    zbar_exact = pd.Series({i: half_up(exact[i]) if i in exact.index else Fraction(0)
                            for i in pub.index})
    pz = pubm.zbar.map(lambda a: Fraction(Decimal(repr(a))))
    ties = exact.map(lambda f: (f * 1000).denominator == 1 and (f * 1000).numerator % 10 == 5)
    check = {
        "inputs_sha256": {f: hashlib.sha256(open(os.path.join(DATASETS, f), "rb").read()).hexdigest()
                          for f in ("CDNOW_master.txt", "CDNOW_sample.txt",
                                    "cdnow_customers_summary.csv",
                                    "cdnow_customers_summary_with_transactions.csv")},
        "compared": "rfm_sample_D7_19970930.csv.gz vs lifetimes/datasets/cdnow_customers_summary.csv "
                    "and cdnow_customers_summary_with_transactions.csv",
        "id_mapping": "published ID == sample_id (2nd column of CDNOW_sample.txt); "
                      "master_id (1st column) is the CDNOW_master customer id",
        "same_id_set": same_ids,
        "rows": int(len(pub)),
        "rows_matching_frequency_recency_T_after_round_2": int(frt.sum()),
        "rows_matching_zbar_float_round_2": int(zbar_float.sum()),
        "rows_matching_zbar_exact_round_half_up": int((zbar_exact == pz).sum()),
        "rows_whose_exact_mean_is_a_tie_at_3rd_decimal": int(ties.sum()),
        "max_abs_diff_monetary_value_vs_zbar": maxdiff,
        "rows_matching_when_keyed_by_master_id_rank": int(_match_by_master_rank(d7, pub)),
        "x0_monetary_value": "lifetimes gives 0.0 (fillna(0)), as the published zbar 0.00",
        "period_conventions": conventions,
    }
    assert check["rows_matching_frequency_recency_T_after_round_2"] == 2357
    assert check["rows_matching_zbar_exact_round_half_up"] == 2357
    write_json(os.path.join(out, "rfm_check.json"), check)

    # Calibration / holdout.
    for name, mult in [("calhold_sample_D_19970930_19980630.csv.gz", 1),
                       ("calhold_sample_D7_19970930_19980630.csv.gz", 7)]:
        ch = timed(f"calibration_and_holdout sample Dx{mult}", lambda: calibration_and_holdout_data(
            sample, "sample_id", "date", calibration_period_end="1997-09-30",
            observation_period_end="1998-06-30", freq="D", freq_multiplier=mult,
            monetary_value_col="amount"))
        ch = ch.sort_index()
        ch.index.name = "sample_id"
        ch = ch.reset_index()
        ch["master_id"] = ch.sample_id.map(idmap)
        cols = ["sample_id", "master_id", "frequency_cal", "recency_cal", "T_cal",
                "monetary_value_cal", "frequency_holdout", "monetary_value_holdout",
                "duration_holdout"]
        # The holdout columns, recomputed from the raw rows by the rule stated in rfm_check.json.
        h = sample[(sample.date > "1997-09-30") & (sample.date <= "1998-06-30")]
        hf = h.groupby("sample_id").date.nunique().reindex(ch.sample_id).fillna(0).values
        hm = h.groupby("sample_id").amount.mean().reindex(ch.sample_id).fillna(0).values
        assert (hf == ch.frequency_holdout.values).all()
        assert (np.abs(hm - ch.monetary_value_holdout.values) <= 1e-12 * np.maximum(1, hm)).all()
        write_df(os.path.join(out, name), ch, cols)


def period_conventions(sample, results, tolerant, failures):
    """Recompute T and recency of the D, W and M files from the raw dates by the stated rule
    (floor each date to its period start; difference in days; divide by the unit), and say
    how many rows agree. Also: purchases in one period are one purchase, their amounts summed."""
    end = pd.Timestamp("1998-06-30")
    g = sample.groupby("sample_id").date.agg(["min", "max"])
    rules = {
        "rfm_sample_D_19980630.csv.gz": (
            "D", lambda d: d, 1.0,
            "days; T = end - first purchase day, recency = last - first purchase day"),
        "rfm_sample_W_19980630.csv.gz": (
            "W", lambda d: d - pd.to_timedelta(d.dt.dayofweek, unit="D"),
            7.0,
            "pandas 'W' is 'W-SUN' (weeks Monday..Sunday): every date, the end date too, is "
            "floored to its Monday; the difference in days is divided by 7 (whole weeks)"),
        "rfm_sample_M_19980630.csv.gz": (
            "M", lambda d: d - pd.to_timedelta(d.dt.day - 1, unit="D"),
            30.436875,
            "every date, the end date too, is floored to the 1st of its month; the difference "
            "in days is divided by np.timedelta64(1, 'M'), which pandas 1.5.3 converts to "
            "30.436875 days (365.2425 / 12, the average Gregorian month: 2629746 s); so T and "
            "recency are not whole months (e.g. Jan 1 to Jun 1 1998 = 151 days = "
            "4.961..., not 5)"),
    }
    out = {}
    for name, (freq, floor, unit, text) in rules.items():
        if name not in results:
            continue
        df = results[name].set_index("sample_id")
        first = floor(g["min"])
        last = floor(g["max"])
        e = floor(pd.Series([end]))[0]
        T = ((e - first).dt.days / unit).reindex(df.index)
        rec = ((last - first).dt.days / unit).reindex(df.index)
        okT = int((np.abs(T - df["T"]) <= 1e-12 * np.maximum(1, T)).sum())
        okR = int((np.abs(rec - df["recency"]) <= 1e-12 * np.maximum(1, rec)).sum())
        out[freq] = {"rule": text, "rows": int(len(df)), "rows_T_agree": okT,
                     "rows_recency_agree": okR, "end_period_start": str(e.date())}
        if okT != len(df) or okR != len(df):
            msg = f"{name}: T agrees on {okT}, recency on {okR} of {len(df)} rows with the rule"
            if not tolerant:
                raise AssertionError(msg)
            failures.append(msg)
            print("  MISMATCH " + msg)
    out["same_period_purchases"] = (
        "purchases of one customer in one period (day, week or month) count as one purchase; "
        "frequency = number of distinct periods - 1; monetary_value = mean over the repeat "
        "periods of the per-period sum of amounts (the first period excluded), 0 if none")
    out["calibration_and_holdout_notes"] = (
        "the calibration part is summary_data_from_transaction_data up to the calibration end; "
        "frequency_holdout counts distinct holdout periods of freq (days here, also with "
        "freq_multiplier 7), but monetary_value_holdout is the plain mean of the raw holdout "
        "rows (not of per-period sums, unlike monetary_value_cal); customers with no holdout "
        "purchase get 0 for both; duration_holdout = (end period - calibration end period) / "
        "freq_multiplier = 273 days or 39 weeks")
    return out


def _match_by_master_rank(d7, pub):
    """How many rows would match if one keyed the published IDs by master-id order."""
    alt = d7.reset_index().sort_values("master_id").reset_index(drop=True)
    alt.index = pub.index
    return ((alt.frequency == pub.frequency) & (np.round(alt.recency, 2) == pub.recency)
            & (np.round(alt["T"], 2) == pub["T"])).sum()


# ---------------------------------------------------------------- b. BG/NBD
def bgnbd_ll_unscaled(params, x, tx, T):
    """The BG/NBD log-likelihood in the data's own time unit (weeks), no penalty."""
    lp = np.log(np.array([params["r"], params["alpha"], params["a"], params["b"]], dtype=float))
    w = np.ones_like(tx, dtype=int)
    return -BetaGeoFitter._negative_log_likelihood(lp, x, tx, T, w, 0.0) * len(x)


def bgnbd_fixtures(out, summary):
    x = summary.frequency.values.astype(int)
    tx = summary.recency.values.astype(float)
    T = summary["T"].values.astype(float)
    n = len(x)
    fits = {}
    cols = {}
    ts_pop = [1, 10, 39, 78]
    for pen in (0.0, 0.1):
        bgf = timed(f"BG/NBD fit published summary pen={pen}",
                    lambda: BetaGeoFitter(penalizer_coef=pen).fit(x, tx, T))
        p = {k: float(v) for k, v in bgf.params_.items()}
        tag = "p0" if pen == 0 else "p01"
        for t in (1, 10, 39):
            cols[f"{tag}_cond_exp_t{t}"] = np.asarray(
                bgf.conditional_expected_number_of_purchases_up_to_time(t, x, tx, T), dtype=float)
        cols[f"{tag}_p_alive"] = np.asarray(bgf.conditional_probability_alive(x, tx, T), dtype=float)
        fits[tag] = {
            "penalizer_coef": pen,
            "params": p,
            "standard_errors": {k: float(v) for k, v in bgf.standard_errors_.items()},
            "lifetimes_negative_log_likelihood_": float(bgf._negative_log_likelihood_),
            "lifetimes_ll_times_n": -float(bgf._negative_log_likelihood_) * n,
            "ll_weeks_unpenalized": float(bgnbd_ll_unscaled(p, x, tx, T)),
            "time_scale_used_by_lifetimes": float(bgf._scale),
            "expected_number_of_purchases_up_to_time": {
                str(t): float(bgf.expected_number_of_purchases_up_to_time(t)) for t in ts_pop},
        }
        if pen == 0:
            bgf0 = bgf
    p0 = fits["p0"]["params"]
    for k, v in {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}.items():
        assert abs(p0[k] - v) < 0.5e-3 * max(1, v) * 2, (k, p0[k])
    assert abs(fits["p0"]["ll_weeks_unpenalized"] - (-9582.4)) < 0.1
    doc = {
        "data": "lifetimes/datasets/cdnow_customers_summary.csv (2357 customers; x, t_x, T in weeks, "
                "2 decimals)",
        "call": "BetaGeoFitter(penalizer_coef=P).fit(frequency, recency, T) with defaults "
                "(tol=1e-7, initial log-params 0.1, scipy.optimize.minimize BFGS on "
                "log-params, time scaled by 1/max(T))",
        "n": n,
        "sum_x": int(x.sum()),
        "published": {"source": "Fader, Hardie & Lee (2005), Marketing Science 24(2); "
                      "Hardie's note 004", "r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426,
                      "ll": -9582.4},
        "log_likelihood_notes": (
            "lifetimes minimises the mean negative LL of the data with time multiplied by "
            "time_scale_used_by_lifetimes (= 1/max(T)) plus penalizer_coef * sum(params_scaled**2); "
            "lifetimes_ll_times_n = -_negative_log_likelihood_ * n is that objective times n, so it "
            "differs from the LL in weeks by -sum_x * log(scale) (and the penalty). "
            "ll_weeks_unpenalized is the LL in weeks at the fitted params (the published figure)."),
        "fits": fits,
        "versions": versions(),
    }
    write_json(os.path.join(out, "bgnbd_cdnow.json"), doc)
    df = pd.DataFrame({"ID": summary.ID.values, "x": x, "t_x": tx, "T": T, **cols})
    write_df(os.path.join(out, "bgnbd_cdnow.csv.gz"), df, list(df.columns))
    return bgf0


# ---------------------------------------------------------------- c. Gamma-Gamma / CLV
def gg_fixtures(out, summary_tx, bgf):
    st = summary_tx
    rep = st[st.x > 0]
    ggf = timed("Gamma-Gamma fit published repeaters",
                lambda: GammaGammaFitter(penalizer_coef=0.0).fit(rep.x, rep.zbar))
    p = {k: float(v) for k, v in ggf.params_.items()}
    for k, v in {"p": 6.25, "q": 3.74, "v": 15.44}.items():
        assert abs(p[k] - v) < 0.01, (k, p[k])
    x = st.x.astype(float)
    x.index = st.ID
    tx = pd.Series(st.t_x.values, index=st.ID)
    T = pd.Series(st["T"].values, index=st.ID)
    m = pd.Series(st.zbar.values, index=st.ID)
    cep = ggf.conditional_expected_average_profit(x, m)
    clv1 = timed("CLV published (time=12, d=0.01, W)", lambda: ggf.customer_lifetime_value(
        bgf, x, tx, T, m, time=12, discount_rate=0.01, freq="W"))
    clv0 = ggf.customer_lifetime_value(bgf, x, tx, T, m, time=12, discount_rate=0.0, freq="W")
    df = pd.DataFrame({"ID": st.ID.values, "x": st.x.values, "t_x": st.t_x.values,
                       "T": st["T"].values, "zbar": st.zbar.values,
                       "exp_avg_profit": cep.values, "clv_12m_d001": clv1.values,
                       "clv_12m_d0": clv0.values})
    write_df(os.path.join(out, "gg_clv_cdnow.csv.gz"), df, list(df.columns))
    doc = {
        "data": "lifetimes/datasets/cdnow_customers_summary_with_transactions.csv, rows with x > 0 "
                f"({len(rep)} customers), monetary = zbar",
        "call": "GammaGammaFitter(penalizer_coef=0).fit(x, zbar) with defaults (tol=1e-7, "
                "initial log-params 0.1, no q constraint)",
        "n": int(len(rep)),
        "published": {"source": "Fader, Hardie & Lee (2005), 'RFM and CLV: Using Iso-value "
                      "Curves for Customer Base Analysis', JMR 42(4); Hardie's note 025",
                      "p": 6.25, "q": 3.74, "v": 15.44},
        "params": p,
        "standard_errors": {k: float(v) for k, v in ggf.standard_errors_.items()},
        "lifetimes_negative_log_likelihood_": float(ggf._negative_log_likelihood_),
        "ll": -float(ggf._negative_log_likelihood_) * len(rep),
        "population_mean_spend_vp_over_q_minus_1": p["v"] * p["p"] / (p["q"] - 1),
        "clv": {
            "call": "ggf.customer_lifetime_value(bgf, x, t_x, T, zbar, time=12, discount_rate=D, "
                    "freq='W') for every customer (x = 0 rows get the population mean spend); "
                    "bgf = the penalizer-0 BG/NBD fit of bgnbd_cdnow.json",
            "formula": "sum over i = 1..12 of exp_avg_profit * (E[N(4.345 i)] - E[N(4.345 (i-1))]) "
                       "/ (1 + D)^i, E[N(t)] = bgf.conditional_expected_number_of_purchases_up_to_time"
                       "(t, x, t_x, T); 4.345 weeks per month is lifetimes' factor for freq 'W'",
            "sum_d001": float(clv1.sum()), "sum_d0": float(clv0.sum()),
        },
        "versions": versions(),
    }
    write_json(os.path.join(out, "gg_cdnow.json"), doc)


# ---------------------------------------------------------------- d. Kaplan-Meier
def km_table(kmf):
    sf = kmf.survival_function_
    ci = kmf.confidence_interval_
    et = kmf.event_table
    assert (sf.index == ci.index).all() and (sf.index == et.index).all()
    rows = []
    for i, t in enumerate(sf.index):
        rows.append((float(t), int(et.at_risk.iloc[i]), int(et.observed.iloc[i]),
                     int(et.censored.iloc[i]), float(sf.iloc[i, 0]), float(ci.iloc[i, 0]),
                     float(ci.iloc[i, 1])))
    return ["timeline", "at_risk", "observed", "censored", "survival", "ci_lower_95",
            "ci_upper_95"], rows


def km_hand_check(kmf, durations, events):
    """Recompute the product-limit estimate (exact fractions) and the exponential Greenwood
    band (math.log / math.exp) by hand, and compare with lifelines."""
    z = 1.959963984540054  # scipy.stats.norm.ppf(0.975), as lifelines uses
    d = pd.DataFrame({"t": durations, "e": events})
    times = sorted(set(d.t) | {0})
    s, gw = Fraction(1), 0.0
    sf = kmf.survival_function_.iloc[:, 0]
    ci = kmf.confidence_interval_
    assert [float(t) for t in sf.index] == [float(t) for t in times], "timeline"
    for i, t in enumerate(times):
        n = int((d.t >= t).sum())
        k = int(((d.t == t) & (d.e == 1)).sum())
        if k:
            s *= Fraction(n - k, n)
            gw += k / (n * (n - k)) if n > k else math.inf
        assert abs(float(sf.iloc[i]) - float(s)) <= 1e-12, ("S", t)
        if 0 < s < 1:
            v = gw / math.log(float(s)) ** 2
            lo = float(s) ** math.exp(z * math.sqrt(v))
            hi = float(s) ** math.exp(-z * math.sqrt(v))
            assert abs(ci.iloc[i, 0] - lo) <= 1e-9 and abs(ci.iloc[i, 1] - hi) <= 1e-9, ("CI", t)


def km_fixtures(out, master):
    import lifelines
    from lifelines import KaplanMeierFitter
    from lifelines.datasets import load_leukemia
    from lifelines.utils import median_survival_times

    # Check the Gehan / Freireich 6-MP data against lifelines' own copies.
    ldir = os.path.join(os.path.dirname(lifelines.__file__), "datasets")
    g = pd.read_csv(os.path.join(ldir, "gehan.dat"), sep=r"\s+", header=None,
                    names=["group", "t", "e"])
    g6 = g[g.group == 2]
    assert g6.t.tolist() == GEHAN_6MP_T and g6.e.tolist() == GEHAN_6MP_E
    lk = load_leukemia()
    lk6 = lk[lk.Rx == 0].sort_values(["t", "status"], ascending=[True, False])
    assert lk6.t.tolist() == GEHAN_6MP_T and lk6.status.tolist() == GEHAN_6MP_E

    meta = {}
    kmf = KaplanMeierFitter().fit(GEHAN_6MP_T, GEHAN_6MP_E, label="KM")
    km_hand_check(kmf, GEHAN_6MP_T, GEHAN_6MP_E)
    cols, rows = km_table(kmf)
    write_csv(os.path.join(out, "km_gehan_6mp.csv"), cols, rows)
    mci = median_survival_times(kmf.confidence_interval_)
    meta["gehan_6mp"] = {
        "durations_weeks": GEHAN_6MP_T, "event_observed": GEHAN_6MP_E,
        "source": "Freireich et al. (1963), Blood 21:699-716, 6-MP arm, as in Gehan (1965), "
                  "Biometrika 52:203-223; identical to group 2 of lifelines/datasets/gehan.dat "
                  "and to Rx == 0 of lifelines.datasets.load_leukemia() (Kleinbaum & Klein's "
                  "anderson.dat), both checked by this script",
        "n": len(GEHAN_6MP_T), "n_events": int(sum(GEHAN_6MP_E)),
        "median_survival_time_": float(kmf.median_survival_time_),
        "median_ci_95": [float(mci.iloc[0, 0]), float(mci.iloc[0, 1])],
        "median_ci_95_note": "null = unbounded (lifelines gives inf: the upper band never "
                             "falls to 0.5)",
    }

    # CDNOW_master churn proxy.
    g = master.groupby("customer_id").date.agg(["min", "max"])
    dur = (g["max"] - g["min"]).dt.days.astype(int)
    ev = (g["max"] < pd.Timestamp("1998-01-01")).astype(int)
    kmc = timed("KM CDNOW_master churn (lifelines)", lambda: KaplanMeierFitter().fit(dur, ev, label="KM"))
    km_hand_check(kmc, dur.values, ev.values)
    cols, rows = km_table(kmc)
    write_csv(os.path.join(out, "km_cdnow_master_churn.csv"), cols, rows)
    mci = median_survival_times(kmc.confidence_interval_)
    meta["cdnow_master_churn"] = {
        "definition": "per CDNOW_master customer: duration = days from first to last purchase "
                      "(0 for one purchase day); event = 1 if the last purchase is before "
                      "1998-01-01 (a churn proxy: no purchase in the last 6 months of the data, "
                      "which ends 1998-06-30), else 0 (censored)",
        "n": int(len(dur)), "events": int(ev.sum()), "duration_zero": int((dur == 0).sum()),
        "median_survival_time_": float(kmc.median_survival_time_),
        "median_ci_95": [float(mci.iloc[0, 0]), float(mci.iloc[0, 1])],
    }
    doc = {
        "call": "lifelines.KaplanMeierFitter().fit(durations, event_observed) with defaults: "
                "alpha=0.05, confidence interval by the exponential Greenwood formula "
                "(log(-log S) transform); median CI from lifelines.utils.median_survival_times"
                "(kmf.confidence_interval_)",
        **meta,
        "versions": versions(),
    }
    write_json(os.path.join(out, "km.json"), doc)


# ---------------------------------------------------------------- benchmark on CDNOW_master
def master_benchmark(out, master):
    s = timed("summary master Dx7 end 1998-06-30", lambda: summary_data_from_transaction_data(
        master, "customer_id", "date", monetary_value_col="dollar_value",
        observation_period_end="1998-06-30", freq="D", freq_multiplier=7), REPEAT)
    bgf = timed("BG/NBD fit master", lambda: BetaGeoFitter(penalizer_coef=0.0).fit(
        s.frequency, s.recency, s["T"]), REPEAT)
    rep = s[(s.frequency > 0) & (s.monetary_value > 0)]
    ggf = timed("Gamma-Gamma fit master", lambda: GammaGammaFitter(penalizer_coef=0.0).fit(
        rep.frequency, rep.monetary_value), REPEAT)
    clv = timed("CLV master (23,570 customers)", lambda: ggf.customer_lifetime_value(
        bgf, s.frequency, s.recency, s["T"], s.monetary_value, time=12, discount_rate=0.01,
        freq="W"), REPEAT)
    x = s.frequency.values.astype(int)
    doc = {
        "data": "lifetimes/datasets/CDNOW_master.txt, all 69,659 rows",
        "summary_call": "summary_data_from_transaction_data(master, 'customer_id', 'date', "
                        "monetary_value_col='dollar_value', observation_period_end='1998-06-30', "
                        "freq='D', freq_multiplier=7)",
        "customers": int(len(s)),
        "sum_frequency": int(x.sum()),
        "sum_recency": float(s.recency.sum()),
        "sum_T": float(s["T"].sum()),
        "sum_monetary_value": float(s.monetary_value.sum()),
        "bgnbd": {"params": {k: float(v) for k, v in bgf.params_.items()},
                  "ll_weeks_unpenalized": float(bgnbd_ll_unscaled(bgf.params_, x,
                                                                   s.recency.values, s["T"].values)),
                  "lifetimes_ll_times_n": -float(bgf._negative_log_likelihood_) * len(s)},
        "gamma_gamma": {"n": int(len(rep)), "filter": "frequency > 0 and monetary_value > 0",
                        "params": {k: float(v) for k, v in ggf.params_.items()},
                        "ll": -float(ggf._negative_log_likelihood_) * len(rep)},
        "clv": {"call": "ggf.customer_lifetime_value(bgf, frequency, recency, T, monetary_value, "
                        "time=12, discount_rate=0.01, freq='W'), every customer",
                "sum": float(clv.sum()), "mean": float(clv.mean()), "max": float(clv.max())},
        "versions": versions(),
    }
    write_json(os.path.join(out, "cdnow_master_fit.json"), doc)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=HERE, help="output folder (default: beside this script)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each CDNOW_master benchmark step this many times (timings only)")
    ap.add_argument("--any-versions", action="store_true",
                    help="run on versions other than requirements.txt; a failing step is skipped "
                         "(and the exit status is 1) instead of aborting")
    args = ap.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    check_versions(strict=not args.any_versions)
    os.makedirs(args.out, exist_ok=True)
    print("versions:", versions())
    print("datasets:", DATASETS)
    failures = []
    sample, master, summary, summary_tx = load_inputs()
    print("a. RFM summaries")
    rfm_fixtures(args.out, sample, summary, summary_tx, args.any_versions, failures)
    print("b. BG/NBD")
    bgf = bgnbd_fixtures(args.out, summary)
    print("c. Gamma-Gamma and CLV")
    gg_fixtures(args.out, summary_tx, bgf)
    print("d. Kaplan-Meier")
    km_fixtures(args.out, master)
    print("benchmark: CDNOW_master")
    master_benchmark(args.out, master)
    print("timings, wall seconds (min / median / max of the runs, runs):")
    for label, ts in TIMINGS:
        ts = sorted(ts)
        print(f"  {ts[0]:8.3f} {ts[len(ts) // 2]:8.3f} {ts[-1]:8.3f} {len(ts):3d}  {label}")
    if failures:
        print("FAILED steps:\n  " + "\n  ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
