#!/usr/bin/env python3
"""Check activity_series (DAU, WAU, MAU and stickiness per day) against pandas.

Witnesses:
  extension  periods() of activity_series_agg: the one-step form (customer_id, ordered_at
             [, time_zone]) over event rows with bigint and with text ids, and the two-level
             form over customer histories (customer_history_agg(ordered_at) per customer);
             combine() of the summaries of four segments (customer_id % 4); a partial
             parallel plan.
  reference  pandas, on the same rows, knowing nothing of the extension's spans: each time
             is converted to its local calendar day with tz_convert (the zoneinfo database
             of the Python, not PostgreSQL's); a customer is active on the days it has a
             row; an active day a covers the days a .. a+w-1 of the w-day window (7 and
             28); the covered (customer, day) pairs, without duplicates, counted per day
             give WAU and MAU, the active pairs DAU; the ratios as Python float quotients.
             A second, brute-force reference (per day the union of the active sets of the
             w days ending there) must give the same counts.
             period_start and period_end are local midnight of the day and of the next day
             (pandas' tz_localize), compared exactly in microseconds.

Data: a fixed seed, 2,000 customers with bigint ids beyond the int4 range, about 21,000
events: most from February to May 2026, about 800 in October and November 2026 (a
customer returning after months: MAU falls to 0 in between, so the ratios are NULL there).
Customer kinds: regulars (active every one to three days for weeks), bursty (a few bursts
of several events over days, far apart), one-offs, returners (spring and autumn), and pairs
of local days exactly 6, 7, 8, 27, 28 and 29 days apart (the window boundaries). A third
of the times fall within 90 minutes of a midnight (UTC, New York or Tokyo), some exactly on
it or a microsecond before; events cluster around the DST changes of America/New_York
(2026-03-08 and 2026-11-01, days of 23 and 25 hours). Rows are shuffled; a few have a NULL
customer_id (also before the first and after the last real day: the range must not grow)
or a NULL time; one customer has only NULL times.

Configurations: session TimeZone 'UTC' without a zone argument; time_zone
'America/New_York' while the session is 'Asia/Tokyo' (the argument wins: the text form
equals the one made under a UTC session, records the zone, and the New York reference
differs from the Tokyo one on this data); 'Asia/Tokyo' as the session zone without an
argument; text ids.

Comparisons: every row: date, period_start, period_end, dau, wau, mau exactly; dau_mau,
dau_wau, wau_mau within 1e-12 (NULL where the divisor is 0, in both). Text forms must be
identical: one step = two levels; text ids = bigint ids; combine() of customer_id % 4 =
the whole; a partial parallel plan (Partial Aggregate, workers launched) = the serial plan.

Runs inside scripts/cluster.sh (tests/sql_tier.sh) with .venv's Python:

    .venv/bin/python tests/checks/activity_check.py
"""
import csv
import datetime
import os
import random
import sys
import tempfile
import time
from decimal import Decimal

import pandas as pd

from common import Database
from cdnow_check import Report, short

DB = Database("pg_retention_activity")
SEED = 20260308
CUSTOMERS = 2000
WINDOWS = (7, 28)
US = 10**6
DAY_US = 86400 * US
HOUR_US = 3600 * US
FIRST_DAY = datetime.date(2026, 2, 1)     # the spring data: 120 days from here
SPRING_DAYS = 120
AUTUMN = datetime.date(2026, 10, 18)      # the autumn data: 4 weeks from here
AUTUMN_DAYS = 28
ID_BASE = 5_000_000_000                   # ids beyond int4
ZONES = {"UTC": 0, "America/New_York": None, "Asia/Tokyo": 9}
NY = "America/New_York"
TOKYO = "Asia/Tokyo"
PARALLEL = ("SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; "
            "SET max_parallel_workers_per_gather = 2; SET enable_hashagg = off; ")
SERIAL = "SET max_parallel_workers_per_gather = 0; "


# ---------------------------------------------------------------- data

def epoch_us(dt):
    """An aware datetime as microseconds since the epoch."""
    d = dt - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    return (d.days * 86400 + d.seconds) * US + d.microseconds


def local_midnight_us(day, zone):
    """Microseconds of 00:00 of `day` in `zone` (pandas; midnight exists in these zones)."""
    return pd.Timestamp(day).tz_localize(zone).value // 1000


def utc_midnight_us(day):
    return (day - datetime.date(1970, 1, 1)).days * DAY_US


def event_time(rng, day):
    """A time on or near `day`: a third near one of three midnights, the rest anywhere."""
    r = rng.random()
    if r < 0.33:
        zone = rng.choice(list(ZONES))
        m = local_midnight_us(day, zone) if zone != "UTC" else utc_midnight_us(day)
        q = rng.random()
        if q < 0.15:
            return m                                   # exactly midnight
        if q < 0.3:
            return m - 1                               # a microsecond before
        return m + rng.randrange(-90 * 60 * US, 90 * 60 * US)
    # Somewhere in the UTC day, or in the New York day (which is later).
    start = utc_midnight_us(day) if r < 0.66 else local_midnight_us(day, NY)
    return start + rng.randrange(DAY_US)


def dst_times():
    """Times around the changes of America/New_York in 2026 (UTC microseconds)."""
    u = lambda *a: epoch_us(datetime.datetime(*a, tzinfo=datetime.timezone.utc))
    return [
        # 2026-03-08: midnight EST is 05:00 UTC; 02:00 EST jumps to 03:00 EDT at 07:00 UTC;
        # midnight of Mar 9 (EDT) is 04:00 UTC: the day has 23 hours.
        u(2026, 3, 8, 4, 59, 59, 999999), u(2026, 3, 8, 5), u(2026, 3, 8, 6, 30), u(2026, 3, 8, 6, 59, 59, 999999),
        u(2026, 3, 8, 7), u(2026, 3, 8, 7, 30), u(2026, 3, 9, 3, 59, 59, 999999), u(2026, 3, 9, 4),
        u(2026, 3, 7, 4, 59, 59), u(2026, 3, 7, 5), u(2026, 3, 9, 23, 30),
        # 2026-11-01: midnight EDT is 04:00 UTC; 01:00-02:00 is lived twice (05:00 and 06:00
        # UTC); midnight of Nov 2 (EST) is 05:00 UTC: the day has 25 hours.
        u(2026, 11, 1, 3, 59, 59, 999999), u(2026, 11, 1, 4), u(2026, 11, 1, 5, 30), u(2026, 11, 1, 6, 30),
        u(2026, 11, 1, 7), u(2026, 11, 2, 4, 30), u(2026, 11, 2, 4, 59, 59, 999999), u(2026, 11, 2, 5),
        u(2026, 10, 31, 3, 59, 59, 999999), u(2026, 10, 31, 4),
    ]


def events(seed=SEED):
    """[(customer_id or None, time in microseconds or None)], shuffled."""
    rng = random.Random(seed)
    day = lambda n: FIRST_DAY + datetime.timedelta(days=n)
    autumn_day = lambda n: AUTUMN + datetime.timedelta(days=n)
    out = []
    dst = dst_times()
    for k in range(CUSTOMERS):
        cid = ID_BASE + k * 7919
        kind = rng.choices(["regular", "bursty", "one-off", "returner", "boundary"],
                           weights=[14, 45, 20, 14, 7])[0]
        times = []
        if kind == "regular":
            d = rng.randrange(SPRING_DAYS - 10)
            end = min(SPRING_DAYS - 1, d + rng.randint(10, 60))
            while d <= end:
                times += [event_time(rng, day(d)) for _ in range(rng.randint(1, 2))]
                d += rng.choice([1, 1, 2, 3])
        elif kind == "bursty":
            for _ in range(rng.randint(1, 5)):
                d = rng.randrange(SPRING_DAYS)
                for _ in range(rng.randint(1, 7)):
                    times.append(event_time(rng, day(min(SPRING_DAYS - 1, d + rng.randrange(4)))))
        elif kind == "one-off":
            times.append(event_time(rng, day(rng.randrange(SPRING_DAYS))))
        elif kind == "returner":
            for _ in range(rng.randint(1, 5)):
                times.append(event_time(rng, day(rng.randrange(SPRING_DAYS))))
            for _ in range(rng.randint(1, 4)):
                times.append(event_time(rng, autumn_day(rng.randrange(AUTUMN_DAYS))))
        else:
            # Two local days (New York noon: the same day in UTC, the next in Tokyo) exactly
            # a window boundary apart, sometimes a third.
            d = rng.randrange(SPRING_DAYS - 30)
            gap = rng.choice([6, 7, 8, 27, 28, 29])
            noon = lambda n: local_midnight_us(day(n), NY) + 12 * HOUR_US + rng.randrange(HOUR_US)
            times += [noon(d), noon(d + gap)]
            if rng.random() < 0.5 and d + gap + gap < SPRING_DAYS:
                times.append(noon(d + gap + gap))
        if rng.random() < 0.06:
            times += rng.sample(dst, rng.randint(1, 4))
        if rng.random() < 0.01:
            times.append(None)                          # a NULL time: skipped
        out += [(cid, t) for t in times]
    # A customer with NULL times only, and rows without a customer, some outside the range.
    out += [(ID_BASE - 1, None), (ID_BASE - 1, None)]
    out += [(None, utc_midnight_us(datetime.date(2026, 1, 10))), (None, utc_midnight_us(datetime.date(2026, 12, 24)))]
    out += [(None, event_time(rng, day(rng.randrange(SPRING_DAYS)))) for _ in range(20)]
    out += [(None, None)]
    rng.shuffle(out)
    return out


def text_id(cid):
    """The text id of a bigint id (one to one)."""
    return None if cid is None else "cust-%x" % cid


# ---------------------------------------------------------------- reference

def active_days(rows, zone):
    """DataFrame (cid, day) of the active local days, day as days since 1970-01-01."""
    kept = [(c, t) for c, t in rows if c is not None and t is not None]
    df = pd.DataFrame({"cid": pd.Series([c for c, _ in kept], dtype=object),
                       "us": pd.Series([t for _, t in kept], dtype="int64")})
    ts = pd.to_datetime(df["us"], unit="us", utc=True).dt.tz_convert(zone)
    local = ts.dt.tz_localize(None).dt.normalize()
    df = pd.DataFrame({"cid": df["cid"].values,
                       "day": ((local - pd.Timestamp("1970-01-01")) // pd.Timedelta(days=1)).values})
    return df.drop_duplicates().reset_index(drop=True)


def reference(rows, zone):
    """The rows of periods(): dicts with date, ps, pe (microseconds), dau, wau, mau, ratios."""
    act = active_days(rows, zone)
    lo, hi = int(act["day"].min()), int(act["day"].max())
    days = pd.RangeIndex(lo, hi + 1)
    counts = {"dau": act.groupby("day")["cid"].nunique()}
    for w, name in zip(WINDOWS, ("wau", "mau")):
        covered = pd.DataFrame({
            "cid": act["cid"].repeat(w).values,
            "day": act["day"].repeat(w).values + pd.Series(range(w)).tolist() * len(act)})
        counts[name] = covered.drop_duplicates().groupby("day")["cid"].nunique()
    counts = {k: v.reindex(days, fill_value=0) for k, v in counts.items()}
    epoch = datetime.date(1970, 1, 1)
    out = []
    for d in days:
        date = epoch + datetime.timedelta(days=d)
        dau, wau, mau = (int(counts[k][d]) for k in ("dau", "wau", "mau"))
        out.append({
            "date": date.isoformat(),
            "period_start": local_midnight_us(date, zone),
            "period_end": local_midnight_us(date + datetime.timedelta(days=1), zone),
            "dau": dau, "wau": wau, "mau": mau,
            "dau_mau": dau / mau if mau else None,
            "dau_wau": dau / wau if wau else None,
            "wau_mau": wau / mau if mau else None,
        })
    return out


def brute_force(rows, zone):
    """(day -> (dau, wau, mau)) by sets: per day the union of the active sets of the window."""
    act = active_days(rows, zone)
    on = {d: set(g["cid"]) for d, g in act.groupby("day")}
    lo, hi = min(on), max(on)
    out = {}
    for d in range(lo, hi + 1):
        window = lambda w: len(set().union(*(on.get(x, set()) for x in range(d - w + 1, d + 1))))
        out[d] = (len(on.get(d, ())), window(7), window(28))
    return out


# ---------------------------------------------------------------- the extension

COLUMNS = [("date", "exact"), ("period_start", "exact"), ("period_end", "exact"), ("dau", "exact"),
           ("wau", "exact"), ("mau", "exact"), ("dau_mau", "ratio"), ("dau_wau", "ratio"),
           ("wau_mau", "ratio")]


def micros(v):
    return int(Decimal(v) * US)


def periods(summary_sql, session="UTC"):
    """periods() of the summary made by `summary_sql` with the session TimeZone `session`."""
    rows = DB.rows(
        "SET TimeZone = '%s'; SELECT date::text AS date, extract(epoch FROM period_start) AS ps, "
        "extract(epoch FROM period_end) AS pe, dau, wau, mau, dau_mau, dau_wau, wau_mau "
        "FROM periods((%s)) ORDER BY date" % (session, summary_sql))
    f = lambda v: None if v is None else float(v)
    return [{"date": r["date"], "period_start": micros(r["ps"]), "period_end": micros(r["pe"]),
             "dau": int(r["dau"]), "wau": int(r["wau"]), "mau": int(r["mau"]),
             "dau_mau": f(r["dau_mau"]), "dau_wau": f(r["dau_wau"]), "wau_mau": f(r["wau_mau"])}
            for r in rows]


def text_of(summary_sql, session="UTC", settings=""):
    return DB.one("SET TimeZone = '%s'; %sSELECT (%s)::text AS s" % (session, settings, summary_sql))["s"]


def same(kind, e, r):
    if e is None or r is None:
        return e is None and r is None
    return abs(e - r) <= 1e-12 if kind == "ratio" else e == r


def compare(rep, label, ext, ref):
    """Every row and column of periods() against the reference: one line per column."""
    ok_len = len(ext) == len(ref) and [e["date"] for e in ext] == [r["date"] for r in ref]
    rep.result("%s: days" % label, ok_len, "%d days" % len(ext), "%d days" % len(ref),
               "%s .. %s" % (ref[0]["date"], ref[-1]["date"]) if ref else "")
    if not ok_len:
        return
    for c, kind in COLUMNS[1:]:
        bad = [(e, r) for e, r in zip(ext, ref) if not same(kind, e[c], r[c])]
        nulls = sum(1 for e in ext if e[c] is None)
        rep.result("%s: %s" % (label, c), not bad,
                   "%s..%s" % (short(ext[0][c], 12), short(ext[-1][c], 12)),
                   "%s..%s" % (short(ref[0][c], 12), short(ref[-1][c], 12)),
                   "%d NULL" % nulls if kind == "ratio" else "")
        for e, r in bad[:5]:
            print("    %s: extension %s, reference %s" % (r["date"], e[c], r[c]))
        if len(bad) > 5:
            print("    ... %d days differ" % len(bad))


# ---------------------------------------------------------------- checks

def load(rows):
    """events(customer_id bigint, at timestamptz), events_text(customer_id text, at) and
    histories(customer_id, h) of the bigint events."""
    with tempfile.TemporaryDirectory(prefix="pg_retention-activity.") as tmp:
        path = os.path.join(tmp, "events.csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            for cid, us in rows:
                w.writerow(["" if cid is None else cid, "" if us is None else us])
        DB.rows("""
CREATE TEMP TABLE raw (customer_id bigint, us bigint);
\\copy raw FROM '%s' WITH (FORMAT csv)
CREATE TABLE events AS
SELECT customer_id, timestamptz 'epoch' + us * interval '1 microsecond' AS at FROM raw;
CREATE TABLE events_text AS
SELECT CASE WHEN customer_id IS NOT NULL THEN 'cust-' || to_hex(customer_id) END AS customer_id, at FROM events;
CREATE TABLE histories AS
SELECT customer_id, customer_history_agg(at) AS h FROM events WHERE customer_id IS NOT NULL GROUP BY customer_id;
ALTER TABLE events SET (parallel_workers = 2);
ALTER TABLE events_text SET (parallel_workers = 2);
ALTER TABLE histories SET (parallel_workers = 2);
ANALYZE;
""" % path)
    # The loaded times are the generated ones, to the microsecond.
    got = DB.one("SELECT count(*) AS n, count(customer_id) AS ids, count(at) AS ats, "
                 "sum((extract(epoch FROM at) * 1000000)::bigint) AS s FROM events")
    want = (len(rows), sum(1 for c, _ in rows if c is not None), sum(1 for _, t in rows if t is not None),
            sum(t for _, t in rows if t is not None))
    return (int(got["n"]), int(got["ids"]), int(got["ats"]), int(got["s"])) == want, got


def check_data(rep, rows):
    """The data reaches what the check is about."""
    rep.section("the data")
    ny = reference(rows, NY)
    act = active_days(rows, NY)
    gaps = set()
    for _, g in act.groupby("cid"):
        d = sorted(g["day"])
        gaps.update(b - a for a, b in zip(d, d[1:]))
    dst_days = [r for r in ny if r["date"] in ("2026-03-08", "2026-11-01")]
    lengths = sorted({(r["period_end"] - r["period_start"]) // HOUR_US for r in dst_days})
    n_ids = len({c for c, t in rows if c is not None and t is not None})
    rep.result("customers, events, days (New York)", len(ny) > 250 and n_ids > 1900,
               "%d customers" % n_ids, "%d rows, %d days" % (len(rows), len(ny)))
    rep.result("local day gaps at the window bounds", {6, 7, 8, 27, 28, 29} <= gaps,
               "gaps %s" % ",".join(str(g) for g in (6, 7, 8, 27, 28, 29) if g in gaps), "6,7,8,27,28,29")
    rep.result("DST days active, 23 and 25 hours", lengths == [23, 25] and all(r["dau"] for r in dst_days),
               "hours %s" % lengths, "dau %s" % [r["dau"] for r in dst_days])
    rep.result("windows matter: dau<wau<mau days; mau 0 days",
               any(r["dau"] < r["wau"] < r["mau"] for r in ny) and any(r["mau"] == 0 for r in ny),
               "%d days dau<wau<mau" % sum(r["dau"] < r["wau"] < r["mau"] for r in ny),
               "%d days mau 0" % sum(r["mau"] == 0 for r in ny))
    rep.section("the reference: covered days = brute force over sets, every zone")
    for zone in ZONES:
        ref = reference(rows, zone)
        bf = brute_force(rows, zone)
        epoch = datetime.date(1970, 1, 1)
        mine = {(datetime.date.fromisoformat(r["date"]) - epoch).days: (r["dau"], r["wau"], r["mau"]) for r in ref}
        rep.result("%s: dau, wau, mau" % zone, mine == bf, "%d days" % len(mine), "%d days" % len(bf))


ONE_UTC = "SELECT activity_series_agg(customer_id, at) FROM events"
ONE_NY = "SELECT activity_series_agg(customer_id, at, 'America/New_York') FROM events"
HIST_UTC = "SELECT activity_series_agg(h) FROM histories"
HIST_NY = "SELECT activity_series_agg(h, 'America/New_York') FROM histories"
TEXT_UTC = "SELECT activity_series_agg(customer_id, at) FROM events_text"
TEXT_NY = "SELECT activity_series_agg(customer_id, at, 'America/New_York') FROM events_text"


def check_rows(rep, rows):
    refs = {zone: reference(rows, zone) for zone in ZONES}
    text_rows = [(text_id(c), t) for c, t in rows]
    refs["text " + NY] = reference(text_rows, NY)
    refs["text UTC"] = reference(text_rows, "UTC")
    runs = [
        # (label, summary, session zone, reference)
        ("one step, session UTC", ONE_UTC, "UTC", "UTC"),
        ("one step, 'America/New_York', session Tokyo", ONE_NY, TOKYO, NY),
        ("one step, session Asia/Tokyo", ONE_UTC, TOKYO, TOKYO),
        ("histories, session UTC", HIST_UTC, "UTC", "UTC"),
        ("histories, 'America/New_York', session Tokyo", HIST_NY, TOKYO, NY),
        ("text ids, session UTC", TEXT_UTC, "UTC", "text UTC"),
        ("text ids, 'America/New_York', session Tokyo", TEXT_NY, TOKYO, "text " + NY),
    ]
    for label, sql, session, ref in runs:
        rep.section("periods(%s) = pandas (%s)" % (sql, label))
        compare(rep, label, periods(sql, session), refs[ref])
    rep.section("the zone argument wins over the session TimeZone")
    differ = sum(1 for a, b in zip(refs[NY], refs[TOKYO]) if (a["dau"], a["wau"]) != (b["dau"], b["wau"]))
    rep.result("New York reference differs from Tokyo's", differ > 0 or len(refs[NY]) != len(refs[TOKYO]),
               "%d days differ" % differ, "%d / %d days" % (len(refs[NY]), len(refs[TOKYO])))
    tokyo = text_of(ONE_NY, TOKYO)
    rep.result("summary under Tokyo records America/New_York", 'zone:"America/New_York"' in tokyo,
               short(tokyo[tokyo.find("zone:"):], 30), 'zone:"America/New_York"')
    rep.text("'America/New_York' under session Tokyo = under session UTC", tokyo, text_of(ONE_NY, "UTC"))
    rep.text("histories 'America/New_York' under Tokyo = under UTC", text_of(HIST_NY, TOKYO), text_of(HIST_NY))


def check_texts(rep):
    rep.section("text forms: one step = two levels; text ids = bigint ids")
    rep.text("one step = histories (session UTC)", text_of(ONE_UTC), text_of(HIST_UTC))
    rep.text("one step = histories ('America/New_York')", text_of(ONE_NY), text_of(HIST_NY))
    rep.text("text ids = bigint ids (session UTC)", text_of(TEXT_UTC), text_of(ONE_UTC))
    rep.text("text ids = bigint ids ('America/New_York')", text_of(TEXT_NY), text_of(ONE_NY))
    rep.section("combine() of the summaries of customer_id % 4 = the summary of all (text)")
    for sql, table in ((ONE_UTC, "events"), (ONE_NY, "events"), (HIST_UTC, "histories"), (HIST_NY, "histories")):
        agg = sql[len("SELECT "):sql.index(" FROM")]
        parts = DB.rows("SELECT customer_id %% 4 AS seg, (%s)::text AS s FROM %s GROUP BY 1 ORDER BY 1"
                        % (agg, table))
        segs = [p["seg"] for p in parts if p["s"] is not None]
        combined = DB.one("SELECT combine(s)::text AS s FROM (%s GROUP BY customer_id %% 4) x(s)" % sql)["s"]
        rep.result("%s: segments" % agg, segs == ["0", "1", "2", "3"]
                   and len({p["s"] for p in parts if p["s"] is not None}) == 4,
                   "segments %s" % ",".join(str(s) for s in segs), "4 different")
        rep.text("combine(%s GROUP BY customer_id %% 4) = whole" % agg, combined, text_of(sql))


def check_parallel(rep):
    """A partial aggregate plan (two workers) gives the serial result. The query runs once,
    as EXPLAIN ANALYZE CREATE TABLE AS: the plan and the result of the same run."""
    rep.section("partial parallel plans = serial plans (text)")
    for sql in (ONE_UTC, ONE_NY, TEXT_NY, HIST_NY):
        plan = "\n".join(r["QUERY PLAN"] for r in DB.rows(
            PARALLEL + "DROP TABLE IF EXISTS parallel_result; "
            "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
            "CREATE TABLE parallel_result AS %s" % sql))
        partial = "Partial Aggregate" in plan and "Gather" in plan
        launched = [int(l.split(":")[1]) for l in plan.splitlines() if "Workers Launched" in l]
        ok = partial and bool(launched) and launched[0] > 0
        rep.result("%s: Partial Aggregate, Gather, workers" % sql, ok,
                   "partial" if partial else "no partial", "launched %s" % launched)
        if not ok:
            print(plan)
        par = DB.one("SELECT activity_series_agg::text AS s FROM parallel_result")["s"]
        rep.text("%s: parallel = serial" % sql, par, text_of(sql, settings=SERIAL))
    DB.rows("DROP TABLE parallel_result;")


def main():
    sys.stdout.reconfigure(line_buffering=True)
    started = time.time()
    rep = Report(started)
    rows = events()
    DB.create()
    ok, got = load(rows)
    print("loaded %s rows into database %s: %s, %.1f s" % (got["n"], DB, "exact" if ok else "NOT EXACT",
                                                           time.time() - started))
    rep.result("loaded rows = generated (count, NULLs, sum of microseconds)", ok, got["n"], len(rows))
    check_data(rep, rows)
    check_rows(rep, rows)
    check_texts(rep)
    check_parallel(rep)
    failed = sorted(set(rep.failures), key=rep.failures.index)
    print("\nactivity check: %d comparisons, %d failed, %.1f s" % (rep.checks, len(failed), time.time() - started))
    for name in failed:
        print("FAILED: %s" % name)
    return DB.drop_unless(failed)


if __name__ == "__main__":
    sys.exit(main())
