#!/usr/bin/env python3
"""Check pg_retention's retention() and window_funnel() against ClickHouse itself (chdb).

ClickHouse's retention(c1, ..., cN) and windowFunnel(window, [modes])(ts, c1, ..., cN) are
the reference: chdb (PyPI `chdb`, pinned in tests/reference/requirements.txt) is the
ClickHouse server embedded in Python, so the same rows go through the same C++ code.

Data: random events with a fixed seed: 300 users, 5000 events over 30 days (March 2024,
UTC) with timestamps in microseconds, four conditions c1..c4 (the event's type; some rows
match two conditions, some none, some have a NULL condition), some ties (two rows of a
user at the same microsecond) and, for 60 users, the steps 2, 3 and 4 placed at half the
window after a step 1, exactly at the window's end and one microsecond after it. The rows
go into PostgreSQL as timestamptz (epoch + microseconds, exact) and into ClickHouse as
UInt64 microseconds since the epoch (windowFunnel refuses DateTime64; its window is in the
timestamp's unit, so every window is passed in microseconds), and once more with whole
seconds: date_trunc('second', ts) against DateTime and windows in seconds.

Compared per user: retention(c1, c2, c3, c4); window_funnel(w, ts, c1, ..., c4) for the
windows 1 hour, 1 day, 3 days 12 hours, 7 days and each of them minus one microsecond (so
that the events at the window's end decide some users); every mode and combination of
modes (strict_deduplication, strict_order, strict_increase, strict_once, allow_reentry with
strict_order) for 1 day and 1 hour.

NULL conditions. The extension counts a NULL condition as false (docs/cohorts.md and the
contract of retention()); ClickHouse skips a row in which any argument is NULL (the -Null
combinator of aggregate functions), so the row's other conditions do not count either.
The check therefore compares three ways:
  1. the extension on all rows = ClickHouse with ifNull(ci, 0)            (must agree)
  2. the extension on the rows without a NULL = ClickHouse on Nullable(UInt8) as is
                                                                          (must agree)
  3. the extension on all rows vs ClickHouse on Nullable(UInt8) as is: the difference of
     definition; every user that differs must have a row with a NULL condition, and one
     smallest example of each function is printed.
Also: a partial parallel plan of the extension = the serial one; the examples of the
ClickHouse documentation for retention() and windowFunnel() in both systems; small
hand-made cases (ties, one condition, window 0, rows matching two conditions).

The reference is the ClickHouse of the pinned chdb (26.9). ClickHouse changed what
windowFunnel returns in strict_deduplication mode when a step repeats (PR #99003, March
2026: the deepest step reached, where it used to return the condition number of the event
just before the repeated one); the comparisons of that mode test the current rule.

Any disagreement is shrunk to a smallest set of rows (greedily dropping rows while the two
systems still disagree) and printed with both results.

Runs inside scripts/cluster.sh (tests/sql_tier.sh) with .venv's Python:

    .venv/bin/python tests/checks/clickhouse_check.py
"""
import csv
import io
import os
import random
import sys
import tempfile
import time

from common import Database
from cdnow_check import Report

try:
    import chdb
except ImportError:  # pragma: no cover - reported by main()
    chdb = None

DB = Database("pg_retention_clickhouse")
SEED = 20240301
USERS, EVENTS, DAYS = 300, 5000, 30
START_US = 1709251200 * 10**6          # 2024-03-01 00:00:00 UTC
US = 10**6
CONDS = ["c1", "c2", "c3", "c4"]
# (PostgreSQL interval, the same in seconds)
WINDOWS = [("1 hour", 3600), ("1 day", 86400), ("3 days 12 hours", 3 * 86400 + 12 * 3600),
           ("7 days", 7 * 86400)]
MODES = ["strict_deduplication", "strict_order", "strict_increase",
         "strict_deduplication,strict_order", "strict_deduplication,strict_increase",
         "strict_order,strict_increase", "strict_deduplication,strict_order,strict_increase",
         # strict_once (a row is one step at most) and allow_reentry (needs strict_order)
         "strict_once", "strict_once,strict_deduplication", "strict_once,strict_order",
         "strict_once,strict_increase", "strict_order,allow_reentry",
         "strict_deduplication,strict_order,allow_reentry", "strict_once,strict_order,allow_reentry",
         "strict_deduplication,strict_order,strict_increase,strict_once,allow_reentry"]


# ---------------------------------------------------------------- the data

def generate(seed=SEED):
    """Rows (user_id, ts_us, c1, c2, c3, c4) with conditions 1, 0 or None."""
    rng = random.Random(seed)
    rows = []
    for _ in range(EVENTS):
        user = rng.randint(1, USERS)
        ts = START_US + rng.randrange(DAYS * 86400 * US)
        r = rng.random()
        kind = 1 if r < 0.35 else 2 if r < 0.60 else 3 if r < 0.80 else 4 if r < 0.90 else 0
        c = [int(kind == k) for k in (1, 2, 3, 4)]       # kind 0: no condition holds
        if rng.random() < 0.08:
            c[rng.randrange(4)] = 1                       # a row matching two conditions
        if rng.random() < 0.05:
            c[rng.randrange(4)] = None                    # a NULL condition
        rows.append([user, ts] + c)
    by_user = {}
    for r in rows:
        by_user.setdefault(r[0], []).append(r)
    for _ in range(150):                                  # ties within a user
        a = rng.choice(rows)
        rng.choice(by_user[a[0]])[1] = a[1]
    for _ in range(60):                                   # steps at the window's end
        user = rng.randint(1, USERS)
        starts = [r for r in by_user.get(user, []) if r[2] == 1]
        if not starts:
            continue
        t = rng.choice(starts)[1]
        w = rng.choice(WINDOWS)[1] * US
        rows += [[user, t + w // 2, 0, 1, 0, 0], [user, t + w, 0, 0, 1, 0], [user, t + w + 1, 0, 0, 0, 1]]
    return rows


def write_csv(rows, path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["user_id", "ts_us"] + CONDS)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])


# ---------------------------------------------------------------- the expressions

class Expr:
    """One aggregate in both systems. pg: over events(user_id, ts timestamptz, c1..c4
    boolean); ch: a template over {ts} (UInt64 or DateTime) and {c} (the conditions)."""

    def __init__(self, label, pg, ch):
        self.label, self.pg, self.ch = label, pg, ch


def funnel_exprs(unit_us=1, seconds=False):
    """window_funnel for each window (and minus one unit) in every mode of MODES."""
    ts_pg = "date_trunc('second', ts)" if seconds else "ts"
    unit = "1 second" if seconds else "1 microsecond"
    exprs = []
    for name, secs in WINDOWS:
        w = secs * US // unit_us
        for minus in (0, 1):
            interval = "interval '%s' - interval '%s'" % (name, unit) if minus else "interval '%s'" % name
            label = "%s%s" % (name, " - %s" % unit if minus else "")
            exprs.append(Expr("window_funnel(%s)" % label,
                              "window_funnel(%s, %s, c1, c2, c3, c4)" % (interval, ts_pg),
                              "windowFunnel(%d)({ts}, {c})" % (w - minus)))
    for name, secs in WINDOWS[:2]:
        w = secs * US // unit_us
        for mode in MODES:
            ch_modes = ", ".join("'%s'" % m for m in mode.split(","))
            exprs.append(Expr("window_funnel(%s, '%s')" % (name, mode),
                              "window_funnel(interval '%s', '%s', %s, c1, c2, c3, c4)" % (name, mode, ts_pg),
                              "windowFunnel(%d, %s)({ts}, {c})" % (w, ch_modes)))
    return exprs


def all_exprs(seconds=False):
    retention = [Expr("retention(c1, c2, c3, c4)", "retention(c1, c2, c3, c4)::text",
                      "toString(retention({c}))")]
    return retention + funnel_exprs(US if seconds else 1, seconds)


CH_CONDS = {"as is": "c1, c2, c3, c4",
            "ifNull": "ifNull(c1, 0), ifNull(c2, 0), ifNull(c3, 0), ifNull(c4, 0)"}
NO_NULL = "c1 IS NOT NULL AND c2 IS NOT NULL AND c3 IS NOT NULL AND c4 IS NOT NULL"


def norm(v):
    """{1,0} (PostgreSQL) and [1,0] (ClickHouse) alike; ClickHouse's \\N is NULL."""
    return None if v is None or v == "\\N" else v.replace("{", "[").replace("}", "]")


# ---------------------------------------------------------------- running both systems

CH_STRUCTURE = "user_id UInt32, ts_us UInt64, c1 Nullable(UInt8), c2 Nullable(UInt8), " \
               "c3 Nullable(UInt8), c4 Nullable(UInt8)"


def ch_query(sql):
    return list(csv.reader(io.StringIO(str(chdb.query(sql, "CSV")))))


def ch_per_user(path, exprs, conds, seconds=False):
    ts = "toDateTime(intDiv(ts_us, 1000000), 'UTC')" if seconds else "ts_us"
    sel = ", ".join(e.ch.format(ts=ts, c=CH_CONDS[conds]) for e in exprs)
    rows = ch_query("SELECT user_id, %s FROM file('%s', 'CSVWithNames', '%s') GROUP BY user_id ORDER BY user_id"
                    % (sel, path, CH_STRUCTURE))
    return {int(r[0]): [norm(v) for v in r[1:]] for r in rows}


def pg_per_user(exprs, where="", settings=""):
    rows = DB.rows("%sSELECT user_id, %s FROM events %s GROUP BY user_id ORDER BY user_id"
                   % (settings, ", ".join("%s AS a%d" % (e.pg, i) for i, e in enumerate(exprs)),
                      "WHERE " + where if where else ""))
    return {int(r["user_id"]): [norm(r["a%d" % i]) for i in range(len(exprs))] for r in rows}


def pg_values(rows):
    return ", ".join("(%d, timestamptz 'epoch' + %d * interval '1 microsecond', %s)" % (
        r[0], r[1], ", ".join("NULL::boolean" if v is None else ("true" if v else "false") for v in r[2:]))
        for r in rows)


def ch_values(rows):
    return ", ".join("(%d, %d, %s)" % (r[0], r[1], ", ".join("NULL" if v is None else str(v) for v in r[2:]))
                     for r in rows)


def eval_sets(sets, expr, conds, seconds=False, no_null=False):
    """The expression over each set of rows (as one user), in both systems at once:
    a list of (pg, ch). no_null: PostgreSQL sees only the rows without a NULL condition."""
    tagged = [[k] + r[1:] for k, rows in enumerate(sets) for r in rows]
    pg_rows = [r for r in tagged if not no_null or None not in r[2:]]
    pg = {}
    if pg_rows:
        pg = {int(r["user_id"]): norm(r["v"]) for r in DB.rows(
            "SELECT user_id, %s AS v FROM (VALUES %s) events(user_id, ts, c1, c2, c3, c4) GROUP BY user_id"
            % (expr.pg, pg_values(pg_rows)))}
    ts = "toDateTime(intDiv(ts_us, 1000000), 'UTC')" if seconds else "ts_us"
    ch = {int(r[0]): norm(r[1]) for r in ch_query(
        "SELECT user_id, %s FROM values('%s', %s) GROUP BY user_id"
        % (expr.ch.format(ts=ts, c=CH_CONDS[conds]), CH_STRUCTURE, ch_values(tagged)))}
    return [(pg.get(k), ch.get(k)) for k in range(len(sets))]


def one_case(rows, expr, conds, seconds=False, no_null=False):
    """The expression over some rows of one user, in both systems: (pg, ch)."""
    return eval_sets([rows], expr, conds, seconds, no_null)[0]


def shrink(rows, expr, conds, seconds=False, no_null=False):
    """A smallest disagreement: drop one row at a time while the systems still disagree
    (every one-row-smaller set is tried in one query per system)."""
    while len(rows) > 1:
        fewer = [rows[:i] + rows[i + 1:] for i in range(len(rows))]
        results = eval_sets(fewer, expr, conds, seconds, no_null)
        keep = next((f for f, (a, b) in zip(fewer, results) if a != b), None)
        if keep is None:
            break
        rows = keep
    return rows


def show_case(rows, expr, conds, seconds=False, no_null=False):
    rows = sorted(rows, key=lambda r: r[1])
    t0 = rows[0][1]
    for r in rows:
        print("      t0 + %-18s %s" % ("%.6f s" % ((r[1] - t0) / US),
                                       " ".join("%s=%s" % (c, "NULL" if v is None else v)
                                                for c, v in zip(CONDS, r[2:]))))
    pg, ch = one_case(rows, expr, conds, seconds, no_null)
    print("      (t0 = %s us) pg_retention: %s, ClickHouse %s: %s" % (t0, pg, chdb_version(), ch))


def chdb_version():
    return ch_query("SELECT version()")[0][0]


# ---------------------------------------------------------------- checks

def compare(rep, title, exprs, pg, ch, rows_by_user, conds, seconds=False, no_null=False):
    """Per user, every expression: must be equal. The first user that differs for an
    expression is shrunk to a smallest case."""
    rep.section(title)
    users_ok = sorted(pg) == sorted(ch)
    rep.result("users with rows", users_ok, len(pg), len(ch))
    shrunk = False
    for i, e in enumerate(exprs):
        bad = [u for u in pg if u in ch and pg[u][i] != ch[u][i]]
        levels = sorted({v[i] for v in pg.values()})
        rep.result(e.label, not bad, "%d users" % len(pg), "values %s" % ",".join(levels[:6]),
                   "" if not bad else "%d users differ" % len(bad))
        if bad:
            u = min(bad, key=lambda u: (len(rows_by_user[u]), u))
            print("    user %d: pg_retention %s, ClickHouse %s" % (u, pg[u][i], ch[u][i]))
            if not shrunk:   # the first expression that differs: its smallest case
                print("    smallest case:")
                show_case(shrink(rows_by_user[u], e, conds, seconds, no_null), e, conds, seconds, no_null)
                shrunk = True


def check_random(rep, tmp):
    rows = generate()
    path = os.path.join(tmp, "events.csv")
    write_csv(rows, path)
    DB.rows("""
CREATE TABLE events (user_id integer, ts timestamptz, c1 boolean, c2 boolean, c3 boolean, c4 boolean);
CREATE TEMP TABLE raw (user_id integer, ts_us bigint, c1 integer, c2 integer, c3 integer, c4 integer);
\\copy raw FROM '%s' WITH (FORMAT csv, HEADER true)
INSERT INTO events SELECT user_id, timestamptz 'epoch' + ts_us * interval '1 microsecond',
       c1::boolean, c2::boolean, c3::boolean, c4::boolean FROM raw;
ANALYZE events;""" % path)
    by_user = {}
    for r in rows:
        by_user.setdefault(r[0], []).append(r)
    n_null = sum(1 for r in rows if None in r[2:])
    print("\n%d events of %d users (seed %d), %d rows with a NULL condition; ClickHouse %s (chdb %s)"
          % (len(rows), len(by_user), SEED, n_null, chdb_version(), chdb.__version__))

    exprs = all_exprs()
    pg_all = pg_per_user(exprs)
    pg_no_null = pg_per_user(exprs, NO_NULL)
    ch_ifnull = ch_per_user(path, exprs, "ifNull")
    ch_as_is = ch_per_user(path, exprs, "as is")
    compare(rep, "1. NULL as false: pg_retention on all rows = ClickHouse with ifNull(ci, 0)",
            exprs, pg_all, ch_ifnull, by_user, "ifNull")
    # The steps placed at the window's end must decide some users: W and W - 1 us differ.
    for name, _ in WINDOWS:
        i = [e.label for e in exprs].index("window_funnel(%s)" % name)
        n = sum(1 for u in pg_all if pg_all[u][i] != pg_all[u][i + 1])
        m = sum(1 for u in ch_ifnull if ch_ifnull[u][i] != ch_ifnull[u][i + 1])
        rep.result("window %s: users whose level changes 1 us before its end" % name, n == m and n > 0,
                   "%d users" % n, "%d users" % m)
    compare(rep, "2. rows without NULL in pg_retention = ClickHouse on Nullable(UInt8) (it skips rows with a NULL)",
            exprs, pg_no_null, ch_as_is, by_user, "as is", no_null=True)

    rep.section("3. the definitions differ: pg_retention on all rows vs ClickHouse on Nullable(UInt8)")
    with_null = {u for u, rs in by_user.items() if any(None in r[2:] for r in rs)}
    for i, e in enumerate(exprs):
        if i not in (0, 1):        # retention and the first window show the difference
            continue
        differ = {u for u in pg_all if pg_all[u][i] != ch_as_is.get(u, [None] * len(exprs))[i]}
        rep.result("%s: users that differ all have a NULL row" % e.label, differ <= with_null,
                   "%d differ" % len(differ), "%d with NULL" % len(with_null))
        if differ:
            u = min(differ, key=lambda u: (len(by_user[u]), u))
            print("    smallest example (user %d):" % u)
            show_case(shrink(by_user[u], e, "as is"), e, "as is")

    # Seconds: DateTime in ClickHouse, date_trunc('second', ts) in PostgreSQL.
    sec = all_exprs(seconds=True)[1:]
    compare(rep, "whole seconds: date_trunc('second', ts) = DateTime, windows in seconds (ifNull)",
            sec, pg_per_user(sec), ch_per_user(path, sec, "ifNull", seconds=True), by_user, "ifNull",
            seconds=True)

    # A partial parallel plan gives the serial result.
    rep.section("partial parallel plan = serial plan (pg_retention)")
    parallel = ("SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; "
                "SET max_parallel_workers_per_gather = 2; SET enable_hashagg = off; ")
    plan = "\n".join(r["QUERY PLAN"] for r in DB.rows(
        parallel + "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT user_id, %s FROM events GROUP BY user_id"
        % ", ".join(e.pg for e in exprs)))
    launched = [int(l.split(":")[1]) for l in plan.splitlines() if "Workers Launched" in l]
    ok = "Partial GroupAggregate" in plan and launched and launched[0] > 0
    rep.result("plan: Partial GroupAggregate, workers launched", bool(ok), "partial" if "Partial" in plan else "none",
               "launched %s" % launched)
    if not ok:
        print(plan)
    rep.result("every figure of every user, parallel = serial", pg_per_user(exprs, settings=parallel) == pg_all,
               "%d users" % len(pg_all), "%d figures" % len(exprs))


# Small cases made by hand: (label, rows of user 1, conditions used). Times in seconds.
def case(*events):
    return [[1, START_US + int(t * US)] + list(c) for t, *c in events]


HAND_CASES = [
    ("a row matching two conditions (c1 and c2 at once)", case((0, 1, 1, 0, 0), (5, 0, 0, 1, 0))),
    ("ties across rows: c2 and c1 at the same time, then c3", case((0, 0, 1, 0, 0), (0, 1, 0, 0, 0), (1, 0, 0, 1, 0))),
    ("a repeated step: c1 c2 c1 c2 (deduplication)", case((0, 1, 0, 0, 0), (1, 0, 1, 0, 0), (2, 1, 0, 0, 0), (3, 0, 1, 0, 0))),
    ("a repeated step after a later one: c1 c2 c4 c2", case((0, 1, 0, 0, 0), (1, 0, 1, 0, 0), (2, 0, 0, 0, 1),
                                                            (3, 0, 1, 0, 0))),
    ("a repeated step after a full chain: c1 c2 c3 c1 c3", case((0, 1, 0, 0, 0), (1, 0, 1, 0, 0), (2, 0, 0, 1, 0),
                                                                 (3, 1, 0, 0, 0), (4, 0, 0, 1, 0))),
    ("a row matching nothing between steps (strict_order)", case((0, 1, 0, 0, 0), (1, 0, 0, 0, 0), (2, 0, 1, 0, 0))),
    ("a skipped step: c1 c3 c2 (strict_order)", case((0, 1, 0, 0, 0), (1, 0, 0, 1, 0), (2, 0, 1, 0, 0), (3, 0, 0, 1, 0))),
    ("steps exactly at 3600 s and 3600.000001 s", case((0, 1, 0, 0, 0), (1800, 0, 1, 0, 0), (3600, 0, 0, 1, 0),
                                                        (3600.000001, 0, 0, 0, 1))),
    ("every step at the same time (strict_increase)", case((0, 1, 0, 0, 0), (0, 0, 1, 0, 0), (0, 0, 0, 1, 0))),
    ("a step before the first one", case((0, 0, 1, 0, 0), (1, 1, 0, 0, 0), (2, 0, 0, 1, 0))),
    ("a later, better chain", case((0, 1, 0, 0, 0), (7200, 0, 1, 0, 0), (10000, 1, 0, 0, 0), (10001, 0, 1, 0, 0),
                                   (10002, 0, 0, 1, 0))),
    ("no first step at all", case((0, 0, 1, 0, 0), (1, 0, 0, 1, 0))),
    ("a row matching two steps, then each step again (strict_once)",
     case((0, 1, 0, 0, 0), (1, 0, 1, 1, 0), (2, 0, 1, 0, 0), (3, 0, 0, 1, 0), (4, 0, 0, 0, 1))),
    ("c1 c3 c2 c3 c4: a step too early, then the chain (allow_reentry)",
     case((0, 1, 0, 0, 0), (1, 0, 0, 1, 0), (2, 0, 1, 0, 0), (3, 0, 0, 1, 0), (4, 0, 0, 0, 1))),
]


def eval_all(sets, exprs, conds):
    """Every expression over each set of rows (one user each), both systems, two queries:
    {index of the set: ([pg values], [ch values])}."""
    tagged = [[k] + r[1:] for k, rows in enumerate(sets) for r in rows]
    pg = {int(r["user_id"]): [norm(r["a%d" % i]) for i in range(len(exprs))] for r in DB.rows(
        "SELECT user_id, %s FROM (VALUES %s) events(user_id, ts, c1, c2, c3, c4) GROUP BY user_id"
        % (", ".join("%s AS a%d" % (e.pg, i) for i, e in enumerate(exprs)), pg_values(tagged)))}
    ch = {int(r[0]): [norm(v) for v in r[1:]] for r in ch_query(
        "SELECT user_id, %s FROM values('%s', %s) GROUP BY user_id"
        % (", ".join(e.ch.format(ts="ts_us", c=CH_CONDS[conds]) for e in exprs), CH_STRUCTURE,
           ch_values(tagged)))}
    return {k: (pg.get(k), ch.get(k)) for k in range(len(sets))}


def check_hand_cases(rep):
    rep.section("hand-made cases, every expression, both systems")
    exprs = all_exprs()
    results = eval_all([rows for _, rows in HAND_CASES], exprs, "as is")
    for k, (label, rows) in enumerate(HAND_CASES):
        pg, ch = results[k]
        bad = [(e, a, b) for e, a, b in zip(exprs, pg, ch) if a != b]
        rep.result(label, not bad, "%d expressions" % len(exprs), "%d differ" % len(bad))
        for e, a, b in bad:
            print("    %s: pg_retention %s, ClickHouse %s" % (e.label, a, b))
    # One condition, and a window of 0 (only events at the same instant chain).
    for label, pg_expr, ch_expr, rows in (
            ("one condition", "window_funnel(interval '1 hour', ts, c1)", "windowFunnel(3600000000)({ts}, c1)",
             case((0, 0, 1, 0, 0), (5, 1, 0, 0, 0))),
            ("one condition, strict_order", "window_funnel(interval '1 hour', 'strict_order', ts, c1)",
             "windowFunnel(3600000000, 'strict_order')({ts}, c1)", case((0, 0, 1, 0, 0), (5, 1, 0, 0, 0))),
            ("window 0", "window_funnel(interval '0', ts, c1, c2, c3)", "windowFunnel(0)({ts}, c1, c2, c3)",
             case((0, 1, 0, 0, 0), (0, 0, 1, 0, 0), (1, 0, 0, 1, 0)))):
        pg, ch = one_case(rows, Expr(label, pg_expr, ch_expr), "as is")
        rep.result(label, pg == ch, pg, ch)


def check_documented_examples(rep):
    """The examples of retention() and windowFunnel() in ClickHouse's documentation."""
    rep.section("the ClickHouse documentation's examples, in both systems")
    # retention: uids 0..4 on Jan 1, 0..9 on Jan 2, 0..14 on Jan 3.
    ch = ch_query("""
SELECT uid, toString(retention(date = '2020-01-01', date = '2020-01-02', date = '2020-01-03')) AS r
FROM (SELECT toDate('2020-01-01') AS date, number AS uid FROM numbers(5)
      UNION ALL SELECT toDate('2020-01-02'), number FROM numbers(10)
      UNION ALL SELECT toDate('2020-01-03'), number FROM numbers(15))
WHERE date IN ('2020-01-01', '2020-01-02', '2020-01-03') GROUP BY uid ORDER BY uid""")
    pg = DB.rows("""
CREATE TEMP TABLE retention_test AS
SELECT date '2020-01-01' AS date, uid FROM generate_series(0, 4) uid
UNION ALL SELECT date '2020-01-02', uid FROM generate_series(0, 9) uid
UNION ALL SELECT date '2020-01-03', uid FROM generate_series(0, 14) uid;
SELECT uid, retention(date = '2020-01-01', date = '2020-01-02', date = '2020-01-03') AS r
FROM retention_test WHERE date IN ('2020-01-01', '2020-01-02', '2020-01-03') GROUP BY uid ORDER BY uid""")
    pg = [[r["uid"], norm(r["r"])] for r in pg]
    documented = [[str(u), "[1,1,1]" if u < 5 else "[0,0,0]"] for u in range(15)]
    rep.result("retention(): per uid, as documented ([1,1,1] x 5, [0,0,0] x 10)", pg == ch == documented,
               "pg_retention", "ClickHouse")
    sums = [sum(int(r[1].strip("[]").split(",")[k]) for r in pg) for k in range(3)]
    rep.exact("retention(): sum(r[1]), sum(r[2]), sum(r[3]) (documented 5 5 5)", " ".join(map(str, sums)), "5 5 5")
    # windowFunnel: user 1 logs in (1003), orders (1009), searches (1007), orders again (1010);
    # the chain 1003 -> 1009 -> 1007 -> 1010 over a window of 6048000000000000 seconds.
    trend = [("2019-01-28", 1, "2019-01-29 10:00:00", 1003, "phone"),
             ("2019-01-31", 1, "2019-01-31 09:00:00", 1007, "phone"),
             ("2019-01-30", 1, "2019-01-30 08:00:00", 1009, "phone"),
             ("2019-02-01", 1, "2019-02-01 08:00:00", 1010, "phone")]
    values = ", ".join("('%s', %d, '%s', %d, '%s')" % t for t in trend)
    ch = ch_query("""
SELECT level, count() AS c FROM (
    SELECT user_id, windowFunnel(6048000000000000)(timestamp, eventID = 1003, eventID = 1009, eventID = 1007,
                                                   eventID = 1010) AS level
    FROM values('event_date Date, user_id UInt64, timestamp DateTime(\\'UTC\\'), eventID UInt32, product String', %s)
    WHERE (event_date >= '2019-01-01') AND (event_date <= '2019-02-02') GROUP BY user_id)
GROUP BY level ORDER BY level""" % values)
    # 6048000000000000 seconds (191 million years) does not fit an interval (at most about
    # 178 million years): the largest interval PostgreSQL takes stands in for it.
    pg_values = ", ".join("(date '%s', %d, timestamptz '%s+00', %d, '%s')" % t for t in trend)
    pg = DB.rows("""
SELECT level, count(*) AS c FROM (
    SELECT user_id, window_funnel(interval '178000000 years', timestamp, eventID = 1003, eventID = 1009,
                                  eventID = 1007, eventID = 1010) AS level
    FROM (VALUES %s) trend(event_date, user_id, timestamp, eventID, product)
    WHERE event_date >= '2019-01-01' AND event_date <= '2019-02-02' GROUP BY user_id) t
GROUP BY level ORDER BY level""" % pg_values)
    pg = [[r["level"], r["c"]] for r in pg]
    rep.result("windowFunnel(): level 4 for 1 user, as documented", pg == ch == [["4", "1"]],
               pg, ch)


def main():
    sys.stdout.reconfigure(line_buffering=True)
    started = time.time()
    rep = Report(started)
    if chdb is None:
        print("clickhouse check: chdb is not installed in this Python (%s): "
              "pip install -r tests/reference/requirements.txt" % sys.executable)
        return 1
    DB.create()
    with tempfile.TemporaryDirectory(prefix="pg_retention-clickhouse.") as tmp:
        check_random(rep, tmp)
    check_hand_cases(rep)
    check_documented_examples(rep)
    failed = sorted(set(rep.failures), key=rep.failures.index)
    print("\nclickhouse check: %d comparisons, %d failed (%d distinct), %.1f s, ClickHouse %s"
          % (rep.checks, len(rep.failures), len(failed), time.time() - started, chdb_version()))
    for name in failed:
        print("FAILED: %s (%d sections)" % (name, rep.failures.count(name)))
    return DB.drop_unless(failed)


if __name__ == "__main__":
    sys.exit(main())
