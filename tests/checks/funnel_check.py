#!/usr/bin/env python3
"""Check funnel_table() against pandas, and window_funnel_steps() against the rows.

Witnesses:
  extension  funnel_table(step_times, 4 [, confidence]) over users, overall and grouped by
             a breakdown column; serially and in a partial parallel plan.
  reference  pandas on the same users' step times: per step the users with at least that
             many times, the conversions as their quotients, the Wilson score interval by
             its closed form with z from Python's statistics.NormalDist (not the
             extension's quantile), and the mean and median of the times between
             consecutive steps in microseconds (pandas' median: the mean of the middle two
             of an even count; the extension gives both to the microsecond below).

Data: a fixed seed, 3,000 users in three channels, each with 0 to 4 steps (0: an empty
array, as window_funnel_steps gives a user without a first step; a few NULL arrays, which
the aggregate skips), gaps from 0 (ties) to two days with microseconds.

Then window_funnel_steps on random events (the data of clickhouse_check.py is ClickHouse's
to judge; here the steps themselves): for every mode, each user's steps are as many as
window_funnel's level, each the time of one of the user's rows whose condition of that step
holds, in order, and within the window of the first; strictly increasing with
strict_increase; and a partial parallel plan gives every user the same steps.

Runs inside scripts/cluster.sh (tests/sql_tier.sh) with .venv's Python:

    .venv/bin/python tests/checks/funnel_check.py
"""
import math
import random
import sys
import time
from statistics import NormalDist

import pandas as pd

from common import Database
from cdnow_check import Report

DB = Database("pg_retention_funnel")
SEED = 20260307
USERS = 3000
CHANNELS = ["ads", "email", "search"]
STEPS = 4
START_US = 1772323200 * 10**6          # 2026-03-01 00:00:00 UTC
PARALLEL = ("SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; "
            "SET max_parallel_workers_per_gather = 2; SET enable_hashagg = off; ")


def users(seed=SEED):
    """(user_id, channel, [step times in microseconds] or None)."""
    rng = random.Random(seed)
    out = []
    for u in range(1, USERS + 1):
        channel = rng.choice(CHANNELS)
        if rng.random() < 0.02:
            out.append((u, channel, None))
            continue
        reached = rng.choices(range(STEPS + 1), weights=[10, 40, 25, 15, 10])[0]
        t = START_US + rng.randrange(30 * 86400 * 10**6)
        times = []
        for k in range(reached):
            if k:
                t += 0 if rng.random() < 0.05 else rng.randrange(2 * 86400 * 10**6)
            times.append(t)
        out.append((u, channel, times))
    return out


def pg_array(times):
    if times is None:
        return "NULL::timestamptz[]"
    return "ARRAY[%s]::timestamptz[]" % ", ".join(
        "timestamptz 'epoch' + %d * interval '1 microsecond'" % t for t in times)


def wilson(successes, trials, confidence):
    if trials == 0:
        return None
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = successes / trials
    denom = 1 + z * z / trials
    center = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return (max(0.0, center - half), min(1.0, center + half))


def reference(group, confidence):
    """The step table of one group of users, with pandas."""
    times = [t for t in group if t is not None]
    lengths = pd.Series([len(t) for t in times], dtype="int64")
    counts = [int((lengths >= k).sum()) for k in range(1, STEPS + 1)]
    rows = []
    for k in range(STEPS):
        users_k = counts[k]
        prev = counts[k - 1] if k else None
        gaps = pd.Series([t[k] - t[k - 1] for t in times if len(t) > k], dtype="int64") if k else None
        rows.append({
            "step": k + 1, "users": users_k,
            "conversion": users_k / counts[0] if counts[0] else None,
            "conversion_ci": wilson(users_k, counts[0], confidence),
            "step_conversion": users_k / prev if prev else None,
            "step_conversion_ci": wilson(users_k, prev, confidence) if prev is not None else None,
            "drop_off": prev - users_k if prev is not None else None,
            "mean_time": int(gaps.sum()) // len(gaps) if k and len(gaps) else None,
            "median_time": math.floor(gaps.median()) if k and len(gaps) else None,
        })
    return rows


def float_or_none(v):
    return None if v is None else float(v)


def ours(sql):
    """funnel_table rows of `sql` (columns channel, f.*), times in microseconds."""
    out = {}
    for r in DB.rows(sql):
        out.setdefault(r["channel"], []).append({
            "step": int(r["step"]), "users": int(r["users"]),
            "conversion": float_or_none(r["conversion"]),
            "conversion_ci": None if r["conversion_lower"] is None else
            (float(r["conversion_lower"]), float(r["conversion_upper"])),
            "step_conversion": float_or_none(r["step_conversion"]),
            "step_conversion_ci": None if r["step_conversion_lower"] is None else
            (float(r["step_conversion_lower"]), float(r["step_conversion_upper"])),
            "drop_off": None if r["drop_off"] is None else int(r["drop_off"]),
            "mean_time": None if r["mean_us"] is None else int(r["mean_us"]),
            "median_time": None if r["median_us"] is None else int(r["median_us"]),
        })
    return out


def table_sql(grouped, confidence):
    conf = "" if confidence == 0.95 else ", %r" % confidence
    channel = "channel" if grouped else "'all'::text AS channel"
    return ("SELECT c.channel, f.*, (extract(epoch FROM f.mean_time) * 1000000)::bigint AS mean_us, "
            "(extract(epoch FROM f.median_time) * 1000000)::bigint AS median_us "
            "FROM (SELECT %s, funnel_table(steps, %d%s) AS t FROM paths%s) c, unnest(c.t) f ORDER BY 1, f.step"
            % (channel, STEPS, conf, " GROUP BY channel" if grouped else ""))


def same(a, b):
    """Rows equal: counts and times exactly, fractions within 1e-12."""
    def close(x, y):
        if x is None or y is None:
            return x is None and y is None
        if isinstance(x, tuple):
            return all(close(p, q) for p, q in zip(x, y))
        return abs(x - y) <= 1e-12
    return all(close(a[k], b[k]) if isinstance(a[k], (float, tuple)) or isinstance(b[k], (float, tuple))
               else a[k] == b[k] for k in a)


def check_table(rep):
    data = users()
    DB.rows("CREATE TABLE paths (user_id integer, channel text, steps timestamptz[]);\n"
            + "".join("INSERT INTO paths VALUES %s;\n" % ", ".join(
                "(%d, '%s', %s)" % (u, c, pg_array(t)) for u, c, t in data[i:i + 500])
                for i in range(0, len(data), 500))
            + "ANALYZE paths;")
    for confidence in (0.95, 0.9):
        rep.section("funnel_table(steps, %d%s) = pandas, by channel and overall"
                    % (STEPS, "" if confidence == 0.95 else ", %s" % confidence))
        for grouped in (True, False):
            got = ours(table_sql(grouped, confidence))
            groups = {c: [t for _, ch, t in data if ch == c] for c in CHANNELS} if grouped \
                else {"all": [t for _, _, t in data]}
            for name, group in groups.items():
                ref = reference(group, confidence)
                mine = got.get(name, [])
                bad = [r["step"] for r, m in zip(ref, mine) if not same(m, r)]
                rep.result("%s: %d steps, users %s" % (name, len(mine), "/".join(str(r["users"]) for r in mine)),
                           len(mine) == STEPS and not bad, "%d steps" % len(mine),
                           "%d users" % sum(1 for t in group if t), "" if not bad else "steps %s differ" % bad)
                for s in bad:
                    print("    step %d: extension %s\n            pandas    %s" % (s, mine[s - 1], ref[s - 1]))
    rep.section("a partial parallel plan = the serial plan")
    sql = table_sql(True, 0.95)
    plan = "\n".join(r["QUERY PLAN"] for r in DB.rows(
        PARALLEL + "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql))
    rep.result("plan: Partial GroupAggregate, workers launched", "Partial" in plan and "Workers Launched" in plan,
               "partial" if "Partial" in plan else "no partial", "launched" if "Workers Launched" in plan else "-")
    rep.result("every row, parallel = serial", ours(PARALLEL + sql) == ours(sql), "parallel", "serial")


MODES = ["", "strict_deduplication", "strict_order", "strict_increase", "strict_once",
         "strict_order,allow_reentry", "strict_once,strict_order", "strict_once,strict_increase"]


def check_steps(rep):
    rng = random.Random(SEED + 1)
    rows = []
    for _ in range(4000):
        u = rng.randint(1, 250)
        t = START_US + rng.randrange(10 * 86400) * 10**6
        c = [int(rng.random() < p) for p in (0.35, 0.3, 0.25, 0.2)]
        rows.append((u, t, c))
    for _ in range(200):                              # ties within a user
        a, b = rng.choice(rows), rng.choice(rows)
        rows.append((a[0], a[1], b[2]))
    DB.rows("CREATE TABLE events (user_id integer, ts timestamptz, c1 boolean, c2 boolean, c3 boolean, c4 boolean);\n"
            + "".join("INSERT INTO events VALUES %s;\n" % ", ".join(
                "(%d, timestamptz 'epoch' + %d * interval '1 microsecond', %s)"
                % (u, t, ", ".join("true" if x else "false" for x in c)) for u, t, c in rows[i:i + 500])
                for i in range(0, len(rows), 500)))
    by_user = {}
    for u, t, c in rows:
        by_user.setdefault(u, []).append((t, c))
    window_us = 86400 * 10**6
    rep.section("window_funnel_steps: as many steps as the level; each an event of its step, in order, in the window")
    for mode in MODES:
        m = ", '%s'" % mode if mode else ""
        got = DB.rows(
            "SELECT user_id, window_funnel(interval '1 day'%s, ts, c1, c2, c3, c4) AS level, "
            "(SELECT string_agg(((extract(epoch FROM s) * 1000000)::bigint)::text, ',' ORDER BY o) "
            " FROM unnest(window_funnel_steps(interval '1 day'%s, ts, c1, c2, c3, c4)) WITH ORDINALITY x(s, o)) AS steps "
            "FROM events GROUP BY user_id" % (m, m))
        bad = []
        for r in got:
            u, level = int(r["user_id"]), int(r["level"])
            steps = [int(s) for s in r["steps"].split(",")] if r["steps"] else []
            ok = len(steps) == level
            ok = ok and all(any(t == s and c[k] for t, c in by_user[u]) for k, s in enumerate(steps))
            ok = ok and all(b >= a for a, b in zip(steps, steps[1:]))
            ok = ok and (not steps or steps[-1] - steps[0] <= window_us)
            if "strict_increase" in mode:
                ok = ok and all(b > a for a, b in zip(steps, steps[1:]))
            if not ok:
                bad.append(u)
        levels = sorted({int(r["level"]) for r in got})
        rep.result("mode %s" % (mode or "(none)"), not bad, "%d users" % len(got),
                   "levels %s" % ",".join(map(str, levels)), "" if not bad else "users %s" % bad[:5])
    rep.section("window_funnel_steps: a partial parallel plan = the serial plan, every mode")
    sql = "SELECT user_id, %s FROM events GROUP BY user_id ORDER BY user_id" % ", ".join(
        "window_funnel_steps(interval '1 day'%s, ts, c1, c2, c3, c4) AS s%d" % (", '%s'" % m if m else "", i)
        for i, m in enumerate(MODES))
    plan = "\n".join(r["QUERY PLAN"] for r in DB.rows(
        PARALLEL + "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql))
    rep.result("plan: Partial GroupAggregate, workers launched", "Partial" in plan and "Workers Launched" in plan,
               "partial" if "Partial" in plan else "no partial", "launched" if "Workers Launched" in plan else "-")
    rep.result("every user's steps, parallel = serial", DB.rows(PARALLEL + sql) == DB.rows(sql),
               "%d modes" % len(MODES), "serial")


def main():
    sys.stdout.reconfigure(line_buffering=True)
    started = time.time()
    rep = Report(started)
    DB.create()
    check_table(rep)
    check_steps(rep)
    failed = sorted(set(rep.failures), key=rep.failures.index)
    print("\nfunnel check: %d comparisons, %d failed, %.1f s" % (rep.checks, len(failed), time.time() - started))
    for name in failed:
        print("FAILED: %s" % name)
    return DB.drop_unless(failed)


if __name__ == "__main__":
    sys.exit(main())
