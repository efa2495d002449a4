#!/usr/bin/env python3
"""lifetimes 0.11.3's side of the predictive benchmark (bench/predict.py), run in its own
environment (tests/reference/lifetimes/requirements.txt: pandas 1.5.3, numpy 1.26).

    pipeline.py DB TABLE OBSERVATION_END ROUNDS

Each round runs the whole pipeline a notebook user runs, timed step by step:
  load      the table's orders from PostgreSQL into a DataFrame: psql's COPY ... TO STDOUT
            as CSV (the time as whole seconds since 1970, the fastest form for pandas to
            parse) read by pandas.read_csv;
  summary   utils.summary_data_from_transaction_data(freq='D', monetary_value_col=amount);
  bgnbd     BetaGeoFitter().fit(frequency, recency, T);
  gamma     GammaGammaFitter().fit on the repeat customers with a mean spend > 0;
  clv       GammaGammaFitter.customer_lifetime_value(12 months, discount 0.01, freq='D').
Prints one JSON line a round: the times (s), the fitted parameters, their standard errors,
the number of customers and the CLV sum.
"""
import io
import json
import subprocess
import sys
import time

import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import summary_data_from_transaction_data


def load(db, table):
    sql = (f"COPY (SELECT customer_id, extract(epoch FROM ordered_at)::bigint AS ordered_at, amount "
           f"FROM {table}) TO STDOUT (FORMAT csv, HEADER true)")
    out = subprocess.run(["psql", "-X", "-q", "-d", db, "-c", sql], check=True, capture_output=True).stdout
    tx = pd.read_csv(io.BytesIO(out))
    tx["ordered_at"] = pd.to_datetime(tx["ordered_at"], unit="s")
    return tx


def one_round(db, table, end):
    times = {}
    t = time.perf_counter()

    def lap(name):
        nonlocal t
        now = time.perf_counter()
        times[name] = now - t
        t = now

    tx = load(db, table)
    lap("load")
    s = summary_data_from_transaction_data(tx, "customer_id", "ordered_at", monetary_value_col="amount",
                                           observation_period_end=end, freq="D")
    lap("summary")
    bg = BetaGeoFitter()
    bg.fit(s["frequency"], s["recency"], s["T"])
    lap("bgnbd")
    r = s[(s["frequency"] > 0) & (s["monetary_value"] > 0)]
    gg = GammaGammaFitter()
    gg.fit(r["frequency"], r["monetary_value"])
    lap("gamma")
    clv = gg.customer_lifetime_value(bg, s["frequency"], s["recency"], s["T"], s["monetary_value"],
                                     time=12, discount_rate=0.01, freq="D")
    lap("clv")
    return {
        "times": times,
        "bgnbd": bg.params_.to_dict(),
        "bgnbd_se": bg.standard_errors_.to_dict(),
        "gamma": gg.params_.to_dict(),
        "customers": int(len(s)),
        "clv_sum": float(clv.sum()),
    }


def main():
    db, table, end, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    for _ in range(rounds):
        print(json.dumps(one_round(db, table, end)), flush=True)


if __name__ == "__main__":
    main()
