#!/usr/bin/env python3
"""Random and mutated input to every type of pg_retention: a value or an ERROR, never a crash.

Runs in the SQL tier (scripts/cluster.sh exports PGHOST, PGPORT, PGUSER; pg_retention installed);
standard library only, driving psql. In a database of its own it finds the extension's base
types, makes valid values of each with the aggregates (the seeds, as text and as the bytes
of the type's send function), and then, per type:

- text input: random strings and mutated seeds, each cast to the type in its own
  statement (`INSERT INTO t VALUES ($tag$...$tag$::type)`, dollar-quoted with a tag the
  string does not hold; NUL bytes, which text cannot hold, are dropped), many statements per
  batch in one psql session with ON_ERROR_STOP off. An accepted string is a value, a
  statement that prints `ERROR:` is an error: every statement must be one or the other;
- binary receive: mutated send-form bytes (and a few mutated COPY frames) in a binary COPY
  file, `\\copy t FROM 'file' (FORMAT binary)`, one payload per COPY;
- then the output function on every value accepted, and whether its text reads back
  (reported: a value whose text does not read back cannot be dumped and restored).

A crash is a psql that lost its connection ("server closed the connection",
"terminating connection", exit status 2), `SELECT 1` failing afterwards, or a changed
pg_postmaster_start_time(); the script then names the statement and exits 1. Mutations come
from a seeded generator, so a run is reproducible (--seed).

    fuzz_types.py [--cases N] [--seed S] [--types a,b] [--keep]

N is the number of cases per type (default 2000; two thirds text input, one third binary
receive).
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

from common import Database

DB = Database("pg_retention_fuzz")
BATCH = 250  # statements per psql run
CRASH_MARKERS = ("server closed the connection", "terminating connection", "connection to server was lost",
                 "could not connect to server", "no connection to the server")

# Valid values of each type, made by the extension's own aggregates (as in
# tests/pg_regress/sql/*.sql). Each query returns one column of the type.
SETUP = r"""
SET TimeZone = 'UTC';
CREATE TABLE orders (customer int, ordered_at timestamptz, amount numeric, items bigint, cost numeric);
INSERT INTO orders VALUES
 (1, '2026-01-15', 20, 1, 12.5), (1, '2026-02-15', 10, 2, NULL), (1, '2026-02-15 00:00:01', 30.25, NULL, 3),
 (1, '2026-04-15', 5, 1, 1),
 (2, '2026-02-03', 7.5, 3, 2.75), (2, '2026-03-09', 1, 1, 0.5),
 (3, '2026-01-01', NULL, NULL, NULL),
 (4, '2025-12-31 23:59:59.999999', 0.001, 0, 0), (4, '2026-06-30', 123456789.123456789, 9, 1),
 (5, '0001-01-01', 0, NULL, NULL), (5, '9999-12-31', NULL, NULL, NULL),
 (6, '1997-01-01', 29.33, 1, 10), (6, '1997-01-18', 29.73, 2, 11), (6, '1997-08-02', 14.96, 1, 5),
 (6, '1997-12-12', 26.48, 1, 9);
CREATE TABLE histories AS
SELECT customer, customer_history_agg(ordered_at, amount) AS h,
       customer_history_agg(ordered_at, amount, items, cost) AS hx,
       customer_history_agg(ordered_at) AS ht
FROM orders GROUP BY customer;
"""

SEEDS = {
    # The argument type of the float-amount overloads (numeric's input, output and binary
    # form): its values, from both casts and from numeric.
    "float_amount": [
        "SELECT v::float_amount FROM (VALUES (19.99::float8), (0.1::float8 + 0.2::float8), (1e300::float8), (5e-324::float8)) x(v)",
        "SELECT v::float_amount FROM (VALUES (19.99::real), (-0::real)) x(v)",
        "SELECT v::float_amount FROM (VALUES (12345678901234567.89::numeric), ('NaN'::numeric)) x(v)",
    ],
    "nps_summary": [
        "SELECT nps_agg(s) FROM (VALUES (0), (6), (7), (8), (9), (10), (10)) v(s)",
        "SELECT nps_agg(s) FROM (VALUES (10)) v(s)",
    ],
    "csat_summary": [
        "SELECT csat_agg(s) FROM (VALUES (1), (3), (4), (5), (5)) v(s)",
        "SELECT csat_agg(s, 0, 100, 70) FROM (VALUES (0), (50), (70), (100)) v(s)",
        "SELECT csat_agg(s, -3, 3, 1) FROM (VALUES (-3), (0), (3)) v(s)",
    ],
    "ces_summary": [
        "SELECT ces_agg(s, 7) FROM (VALUES (1), (4), (7), (7)) v(s)",
        "SELECT ces_agg(s, 2) FROM (VALUES (1), (2)) v(s)",
        "SELECT ces_agg(s, 100) FROM (VALUES (1), (100)) v(s)",
    ],
    "customer_history": [
        "SELECT h FROM histories",
        "SELECT hx FROM histories WHERE customer IN (1, 2, 4, 6)",
        "SELECT ht FROM histories WHERE customer IN (1, 5)",
    ],
    "retention_summary": [
        "SELECT retention_agg(h, '2026-02-01', '2026-03-01') FROM histories",
        "SELECT retention_agg(h, '2025-12-01', '2026-06-01') FROM histories",
        "SELECT retention_agg(customer, ordered_at, '1997-01-01', '2026-01-01') FROM orders",
    ],
    "customer_stats": [
        "SELECT customer_stats_agg(h) FROM histories",
        "SELECT customer_stats_agg(hx) FROM histories",
        "SELECT customer_stats_agg(customer, ordered_at, amount, items, cost) FROM orders WHERE customer < 3",
    ],
    "period_series": [
        "SELECT period_series_agg(h, 'month') FROM histories WHERE customer < 5",
        "SELECT period_series_agg(h, 'week', 'Europe/Berlin') FROM histories WHERE customer < 5",
        "SELECT period_series_agg(customer, ordered_at, amount, 'quarter') FROM orders WHERE customer IN (1, 2, 6)",
    ],
    "mrr_series": [
        "SELECT mrr_series_agg(h, 'month') FROM histories WHERE customer < 5",
        "SELECT mrr_series_agg(customer, ordered_at, amount, 'day', 'America/New_York') FROM orders WHERE customer IN (1, 2)",
    ],
    "activity_series": [
        "SELECT activity_series_agg(h) FROM histories WHERE customer < 5",
        "SELECT activity_series_agg(customer, ordered_at, 'America/New_York') FROM orders WHERE customer IN (1, 2, 6)",
    ],
    "mrr_summary": [
        "SELECT mrr_movements(s, e) FROM (VALUES (10, 0), (10, 5), (10, 5.00), (10, 20), (NULL, 15.125), (3, 3)) v(s, e)",
        "SELECT mrr_movements(s, e) FROM (VALUES (0.5, 0)) v(s, e)",
    ],
    "cohort_summary": [
        "SELECT cohort_agg(h, 'month') FROM histories WHERE customer < 5",
        "SELECT cohort_agg(h, 'month', ARRAY[1, 2, 4]) FROM histories WHERE customer < 5",
        "SELECT recurring_cohort_agg(h, 'week') FROM histories WHERE customer IN (1, 2)",
    ],
    "bgnbd_model": [
        "SELECT '(version:1,model:\"bgnbd\",r:0.24259292827982182,alpha:4.413532265271819,a:0.7928859664406882,"
        "b:2.42575238262586,log_likelihood:-9582.425560567368,customers:2357,rows:1016,iterations:0,converged:true,"
        "penalizer:0.0)'::bgnbd_model",
    ],
    "gamma_gamma_model": [
        "SELECT '(version:1,model:\"gamma_gamma\",p:6.248802496075312,q:3.744588460923114,v:15.44774806492914,"
        "log_likelihood:-4055.9232435028644,customers:946,rows:753,iterations:0,converged:true,penalizer:0.0)'"
        "::gamma_gamma_model",
    ],
    "sbg_model": [
        "SELECT sbg_fit((p - 1)::int, n::bigint) FROM unnest(ARRAY[1000, 631, 468, 382, 326, 289, 262, 241]) WITH ORDINALITY u(n, p)",
    ],
    "survival_curve": [
        "SELECT kaplan_meier(d, e) FROM (VALUES (6, true), (6, true), (6, false), (7, true), (9, false), (10, true),"
        " (0, false), (0.25, true), (1e300, true)) v(d, e)",
        "SELECT kaplan_meier(d, e) FROM (VALUES (1, false)) v(d, e)",
    ],
    # The aggregate state types (docs/citus.md): states made by direct calls of the
    # transition functions, as Citus's workers make them.
    "kaplan_meier_state": [
        "SELECT kaplan_meier_trans(kaplan_meier_trans(kaplan_meier_trans(NULL, 6, true), 0.25, false), 1e300, true)",
    ],
    "rfm_fit_state": [
        "SELECT bgnbd_fit_trans(bgnbd_fit_trans(NULL, 2, 30.43, 38.86), 0, 0, 38.86)",
        "SELECT bgnbd_fit_trans(NULL::rfm_fit_state, 1, 2, 3, 0.1)",
        "SELECT gamma_gamma_fit_trans(gamma_gamma_fit_trans(NULL, 2, 22.35), 1, 0.01)",
    ],
    "sbg_fit_state": [
        "SELECT sbg_fit_trans(sbg_fit_trans(sbg_fit_trans(NULL, 0, 1000), 1, 631), 2, 468)",
    ],
    "window_funnel_state": [
        "SELECT window_funnel_trans(window_funnel_trans(NULL::window_funnel_state, interval '1 hour', "
        "text 'strict_order,strict_increase', timestamptz '2026-01-01 10:00+00', true, false, true), interval '1 hour', "
        "text 'strict_order,strict_increase', timestamptz '2026-01-01 10:30+00', false, true, false)",
        "SELECT window_funnel_trans(NULL::window_funnel_state, interval '0', timestamptz '2026-01-01 10:00+00', true)",
        "SELECT window_funnel_trans(NULL::window_funnel_state, interval '1 hour', text 'strict_once', "
        "timestamptz '2026-01-01 10:00+00', true, true)",
    ],
    "funnel_table_state": [
        "SELECT funnel_table_trans(funnel_table_trans(NULL::funnel_table_state, ARRAY[timestamptz '2026-01-01 10:00+00', "
        "'2026-01-01 10:30+00'], 3), ARRAY[timestamptz '2026-01-01 11:00+00'], 3)",
        "SELECT funnel_table_trans(NULL::funnel_table_state, '{}'::timestamptz[], 1, 0.9)",
    ],
}

# Hand-written edges, for every type.
EDGE_TEXT = ["", "()", "(version:1)", "(version:1,", " ( version : 1 ) ", "(version:2)", "null", "(x:1)"]

TOKENS = ["0", "1", "2", "7", "9", "-", "+", "e", "E", ".", ",", ":", "[", "]", "(", ")", "\"", "\\", " ", "\t",
          "\n", "99999999999999999999", "1e309", "NaN", "inf", "-0", "null", "true", "false", "version", "é", "€",
          "😀", "\ufffd", "[]", "()", "\"\"", ",,", "::", "$", "$$", "'", "''"]
NUMBERS = ["0", "1", "-1", "-0", "-0.0", "0.0", "2", "9", "10", "11", "100", "101", "1000", "1001", "1200",
           "1201", "32767", "32768", "-32769", "2147483647", "2147483648", "4294967296",
           "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551615",
           "18446744073709551616", "99999999999999999999", "9007199254740993",
           "170141183460469231731687303715884105727", "170141183460469231731687303715884105728",
           "99999999999999999999999999999999999999", "0.000000000000000000000000000001",
           "0.0000000000000000000000000000001", "0.5", "1.0", "0.1", "5e-324", "1e309",
           "1" + "0" * 400 + ".0", "0." + "0" * 1000 + "1", "NaN", "inf", "null", "true",
           "\"0001-01-01 00:00:00+00\"", "\"9999-12-31 23:59:59.999999+00\"", "\"10000-01-01 00:00:00+00\"",
           "\"2024-02-29 00:00:00+00\"", "\"2026-02-29 00:00:00+00\"", "\"2026-01-01\"", "\"0001-01-01\"",
           "\"9999-12-01\"", "\"UTC\"", "\"Europe/Berlin\"", "\"Mars/Olympus\"", "\"\"", "\"day\"", "\"week\"",
           "\"quarter\"", "\"year\"", "\"fortnight\""]
BIN_TOKENS = [b"\x00", b"\x01", b"\x7f", b"\x80", b"\x80\x00", b"\xff", b"\xff" * 8, b"\xff" * 10,
              b"\xff\xff\xff\xff\x0f", b"\x80" * 12, b"\x00\x00\x00\x00\x00\x00\x00\x00",
              b"\x7f\xff\xff\xff\xff\xff\xff\xff", b"\x80\x00\x00\x00\x00\x00\x00\x00",
              b"\x00\x00\x00\x00\x00\x00\x00\x01", b"\x7f\xf8\x00\x00\x00\x00\x00\x00", b"\x00\x00\x00\x00\x00\x00\xf0\x7f",
              b"\x00\x00\x00\x00\x00\x00\x00\x80", b"\x00\x0a", b"\x00\x65", b"\x80\x00", b"\x7f\xff"]


# psql's options here: rows unaligned and without headers; errors as their message alone,
# without DETAIL or HINT (a batch's stderr is scanned for them).
TERSE = ("-At", "-v", "VERBOSITY=terse")


def run_psql(script, stop_on_error=True):
    """Run a script in one psql session; (returncode, stdout, stderr). Bytes that are not
    UTF-8 (mutated input) are replaced, in and out."""
    cmd = DB.command(*TERSE, "-v", f"ON_ERROR_STOP={1 if stop_on_error else 0}", "-f", "-")
    p = subprocess.run(cmd, input=script.encode(errors="replace"), capture_output=True)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def server_state():
    """pg_postmaster_start_time(), or None when the server does not answer SELECT 1."""
    p = subprocess.run(DB.command(*TERSE, "-c", "SELECT 1, pg_postmaster_start_time()"), capture_output=True, text=True)
    if p.returncode != 0 or not p.stdout.startswith("1|"):
        return None
    return p.stdout.strip().split("|", 1)[1]


# --- mutations ------------------------------------------------------------------------------

def number_spans(s):
    return [m.span() for m in re.finditer(r'"(?:[^"\\]|\\.)*"?|[-0-9ntf][A-Za-z0-9.+-]*', s)]


def mutate_text(rng, s, seeds, words):
    n = len(s)
    op = rng.randrange(10)
    pos = rng.randint(0, n)
    if op == 0 and n:  # character replacement
        i = rng.randrange(n)
        s = s[:i] + rng.choice(" -+.eE,:[]()\"\\0123456789nulltruefalse_az") + s[i + 1:]
    elif op == 1:  # token
        s = s[:pos] + rng.choice(TOKENS if not words or rng.random() < 0.7 else words) + s[pos:]
    elif op == 2:  # truncation
        s = s[:pos]
    elif op == 3 and n:  # duplicate a slice
        a = rng.randrange(n)
        b = a + 1 + rng.randrange(min(64, n - a))
        s = s[:pos] + s[a:b] + s[pos:]
    elif op == 4 and n:  # delete a slice
        a = rng.randrange(n)
        s = s[:a] + s[a + 1 + rng.randrange(min(16, n - a)):]
    elif op == 5:  # splice with another seed
        o = rng.choice(seeds)
        s = s[:pos] + o[rng.randint(0, len(o)):]
    elif op == 6 and n:  # flip a bit of a character (kept valid and printable-ish)
        i = rng.randrange(n)
        c = chr((ord(s[i]) ^ (1 << rng.randrange(7))) or 32)
        s = s[:i] + c + s[i + 1:]
    else:  # a number, a quoted string or a word replaced by a boundary value
        spans = number_spans(s)
        if spans:
            a, b = rng.choice(spans)
            s = s[:a] + rng.choice(NUMBERS) + s[b:]
        else:
            s = s[:pos] + rng.choice(NUMBERS) + s[pos:]
    return s


def random_text(rng):
    alphabet = "(),:[]\"\\-+.0123456789eE abcdefghijklmnopqrstuvwxyz_$'\t\né€"
    if rng.random() < 0.5:
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(80)))
    return "".join(rng.choice(TOKENS + NUMBERS[:20]) for _ in range(rng.randrange(30)))


def text_case(rng, seeds, edges, words):
    r = rng.random()
    if r < 0.1:
        s = random_text(rng)
    else:
        s = rng.choice(seeds if rng.random() < 0.85 else edges)
        if r > 0.12:
            rounds = 1 if rng.random() < 0.5 else rng.randint(1, 4)
            for _ in range(rounds):
                s = mutate_text(rng, s, seeds, words)
    return s.replace("\0", "")[:8000]


def mutate_bytes(rng, b, seeds):
    b = bytearray(b)
    n = len(b)
    op = rng.randrange(9)
    pos = rng.randint(0, n)
    if op == 0 and n:
        b[rng.randrange(n)] ^= 1 << rng.randrange(8)
    elif op == 1 and n:
        b[rng.randrange(n)] = rng.randrange(256)
    elif op == 2:
        b[pos:pos] = rng.choice(BIN_TOKENS)
    elif op == 3:
        del b[pos:]
    elif op == 4 and n:
        a = rng.randrange(n)
        b[pos:pos] = b[a:a + 1 + rng.randrange(min(64, n - a))]
    elif op == 5 and n:
        a = rng.randrange(n)
        del b[a:a + 1 + rng.randrange(min(16, n - a))]
    elif op == 6:
        o = rng.choice(seeds)
        b = b[:pos] + o[rng.randint(0, len(o)):]
    elif op == 7:  # overwrite with a token (words, varints, doubles)
        t = rng.choice(BIN_TOKENS)
        b[pos:pos + len(t)] = t
    elif n:
        i = rng.randrange(n)
        b[i] = (b[i] + rng.choice([1, 255, 2, 254, 128])) % 256
    return bytes(b)


def binary_case(rng, seeds, edges):
    r = rng.random()
    if r < 0.05:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
    b = rng.choice(seeds if rng.random() < 0.9 else edges)
    if r > 0.07:
        for _ in range(1 if rng.random() < 0.5 else rng.randint(1, 4)):
            b = mutate_bytes(rng, b, seeds)
    return b[:65536]


def copy_payload(rng, field):
    """A binary COPY file of one tuple holding `field`; now and then with a damaged frame."""
    header = b"PGCOPY\n\xff\r\n\x00" + (0).to_bytes(4, "big") + (0).to_bytes(4, "big")
    tuple_ = (1).to_bytes(2, "big") + len(field).to_bytes(4, "big") + field
    trailer = (-1).to_bytes(2, "big", signed=True)
    data = header + tuple_ + trailer
    if rng.random() < 0.03:  # the frame itself: a wrong length, a cut, a flipped byte
        choice = rng.randrange(3)
        if choice == 0:
            at = len(header) + 2
            data = data[:at] + rng.randrange(-2, len(field) + 8).to_bytes(4, "big", signed=True) + data[at + 4:]
        elif choice == 1:
            data = data[:rng.randrange(len(data))]
        else:
            i = rng.randrange(len(data))
            data = data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:]
    return data


# --- running ------------------------------------------------------------------------------------

class Crash(Exception):
    pass


def dollar_quote(rng, s):
    while True:
        tag = f"$f{rng.randrange(1 << 30):x}$"
        if tag not in s and not s.endswith(tag[:-1]):
            return f"{tag}{s}{tag}"


def count_errors(stderr):
    return len(re.findall(r"^psql:[^\n]*?:\d+: ERROR:", stderr, re.M))


def check_crash(rc, stderr, what, lines=None):
    crashed = rc == 2 or any(m in stderr for m in CRASH_MARKERS)
    if not crashed:
        return
    culprit = ""
    m = re.search(r"^psql:[^\n]*?:(\d+): (?:server closed|FATAL|terminating|connection)", stderr, re.M)
    if m and lines:
        line_no = int(m.group(1))
        culprit = next((stmt for start, end, stmt in lines if start <= line_no <= end), "")
    raise Crash(f"{what}: the server connection was lost (psql exit {rc}).\n"
                f"statement: {culprit[:2000]!r}\n--- psql stderr (end)\n{stderr[-3000:]}")


def fuzz_text(rng, typ, seeds, cases, stats):
    words = sorted(set(w for s in seeds for w in re.findall(r"[a-z_]{2,}", s)))
    seeds, edges = seeds, EDGE_TEXT
    done = 0
    while done < cases:
        n = min(BATCH, cases - done)
        header = "SET statement_timeout = '20s';\nSET client_min_messages = warning;\n"
        script, lines, line = [header], [], header.count("\n") + 1
        for _ in range(n):
            stmt = f"INSERT INTO fz_{typ} VALUES ({dollar_quote(rng, text_case(rng, seeds, edges, words))}::{typ});\n"
            lines.append((line, line + stmt.count("\n"), stmt))
            line += stmt.count("\n")
            script.append(stmt)
        rc, out, err = run_psql("".join(script), stop_on_error=False)
        check_crash(rc, err, f"{typ} text input", lines)
        errors = count_errors(err)
        stats["text"] += n
        stats["text_err"] += errors
        stats["timeouts"] += err.count("canceling statement due to statement timeout")
        done += n


def fuzz_binary(rng, typ, seeds, cases, stats, tmp):
    done = 0
    while done < cases:
        n = min(BATCH, cases - done)
        script = ["SET statement_timeout = '20s';\nSET client_min_messages = warning;\n"]
        files = []
        for i in range(n):
            path = os.path.join(tmp, f"{typ}-{i}.copy")
            with open(path, "wb") as f:
                f.write(copy_payload(rng, binary_case(rng, seeds, [b"", b"\x01", b"\x01\x00"])))
            files.append(path)
            script.append(f"\\copy fzb_{typ} FROM '{path}' (FORMAT binary)\n")
        rc, out, err = run_psql("".join(script), stop_on_error=False)
        lines = [(i + 3, i + 3, open(p, "rb").read().hex()) for i, p in enumerate(files)]
        check_crash(rc, err, f"{typ} binary receive", lines)
        stats["bin"] += n
        stats["bin_err"] += count_errors(err)
        done += n


ROUND_TRIP = r"""
DO $do$
DECLARE r record; s text; n int := 0; out_err int := 0; back_err int := 0; sample text := '';
BEGIN
  FOR r IN SELECT ctid FROM {table} LOOP
    n := n + 1;
    BEGIN
      EXECUTE 'SELECT v::text FROM {table} WHERE ctid = $1' INTO s USING r.ctid;
    EXCEPTION WHEN others THEN out_err := out_err + 1; CONTINUE;
    END;
    BEGIN
      EXECUTE 'SELECT $1::{typ}' USING s;
    EXCEPTION WHEN others THEN
      back_err := back_err + 1;
      IF sample = '' THEN sample := left(s, 300) || ' -> ' || SQLERRM; END IF;
    END;
  END LOOP;
  RAISE WARNING 'roundtrip|%|%|%|%', n, out_err, back_err, replace(sample, E'\n', ' ');
END
$do$;
"""


def round_trip(typ, table):
    rc, out, err = run_psql("SET statement_timeout = '120s';\n" + ROUND_TRIP.format(table=table, typ=typ),
                            stop_on_error=False)
    check_crash(rc, err, f"{typ} output and re-input of {table}")
    m = re.search(r"roundtrip\|(\d+)\|(\d+)\|(\d+)\|(.*)", err)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=2000, help="cases per type (default 2000)")
    ap.add_argument("--seed", type=int, default=20260615)
    ap.add_argument("--types", help="comma-separated type names (default: all)")
    ap.add_argument("--keep", action="store_true", help="keep the database")
    args = ap.parse_args()
    started = time.monotonic()
    rng = random.Random(args.seed)

    DB.create("-T", "template0", "-E", "UTF8")
    before = server_state()
    if before is None:
        sys.exit("fuzz_types: the server does not answer")
    types = DB.values("SELECT t.typname, t.typsend::regproc FROM pg_type t, pg_extension e "
                      "WHERE e.extname = 'pg_retention' AND t.typnamespace = e.extnamespace "
                      "AND t.typtype = 'b' AND t.typcategory <> 'A' ORDER BY 1").split()
    types = [t.split("|") for t in types]
    if args.types:
        wanted = set(args.types.split(","))
        types = [t for t in types if t[0] in wanted]
    missing = [t for t, _ in types if t not in SEEDS]
    if missing:
        sys.exit(f"fuzz_types: no seeds for the types {missing}: add them to SEEDS")
    DB.values(SETUP)

    totals = {"text": 0, "text_err": 0, "bin": 0, "bin_err": 0, "timeouts": 0}
    report, unreadable = [], []
    failed = None
    with tempfile.TemporaryDirectory(prefix="pg_retention-fuzz-") as tmp:
        for typ, send in types:
            t0 = time.monotonic()
            rows = []
            for sql in SEEDS[typ]:
                out = DB.values(f"SELECT v::text || '|' || encode({send}(v), 'hex') FROM ({sql}) s(v) WHERE v IS NOT NULL;")
                rows += [line.rsplit("|", 1) for line in out.splitlines() if line]
            if not rows:
                sys.exit(f"fuzz_types: the seeds of {typ} made no value")
            text_seeds = [r[0] for r in rows]
            bin_seeds = [bytes.fromhex(r[1]) for r in rows]
            DB.values(f"CREATE TABLE fz_{typ} (v {typ}); CREATE TABLE fzb_{typ} (v {typ});")
            stats = {"text": 0, "text_err": 0, "bin": 0, "bin_err": 0, "timeouts": 0}
            n_bin = args.cases // 3
            try:
                fuzz_text(rng, typ, text_seeds, args.cases - n_bin, stats)
                fuzz_binary(rng, typ, bin_seeds, n_bin, stats, tmp)
                rt = [round_trip(typ, f"fz_{typ}"), round_trip(typ, f"fzb_{typ}")]
            except Crash as e:
                failed = str(e)
                break
            now = server_state()
            if now != before:
                failed = (f"{typ}: the server restarted or stopped answering "
                          f"(postmaster start {before} -> {now})")
                break
            for k in totals:
                totals[k] += stats[k]
            line = (f"{typ:<20} text {stats['text']:>6} ({stats['text'] - stats['text_err']:>5} values, "
                    f"{stats['text_err']:>5} errors)  binary {stats['bin']:>5} ({stats['bin'] - stats['bin_err']:>4} "
                    f"values, {stats['bin_err']:>4} errors)  {time.monotonic() - t0:5.1f} s")
            if stats["timeouts"]:
                line += f"  {stats['timeouts']} statement timeouts"
            for kind, r in zip(("text", "binary"), rt):
                if r and (r[1] or r[2]):
                    unreadable.append(f"{typ} ({kind} input): {r[0]} values, {r[1]} whose output fails, "
                                      f"{r[2]} whose text does not read back; e.g. {r[3]}")
            print(line, flush=True)
            report.append(line)

    after = server_state()
    if failed is None and after != before:
        failed = f"the server restarted or stopped answering (postmaster start {before} -> {after})"
    total_cases = totals["text"] + totals["bin"]
    total_err = totals["text_err"] + totals["bin_err"]
    for u in unreadable:
        print(f"fuzz_types: note: {u}")
    print(f"fuzz_types: {total_cases} cases over {len(report)} types: {total_cases - total_err} values, "
          f"{total_err} errors ({totals['text']} text inputs, {totals['bin']} binary COPYs), "
          f"{totals['timeouts']} statement timeouts, {'CRASH' if failed else 'no crash'}, "
          f"{time.monotonic() - started:.1f} s")
    if not args.keep and failed is None:
        DB.drop()
    if failed:
        sys.exit(f"fuzz_types: FAILED: {failed}")


if __name__ == "__main__":
    main()
