"""The benchmark harness: what every benchmark module (bench/survey.py, ...) shares.

A module describes a data set (SQL that builds it) and a list of cases; each case is one
figure computed three ways: with pg_retention (`ours`), with the best hand-written SQL for
the same result (`hand`, or None where SQL has no reasonable equivalent), and the floor, a
bare count() of the column the case reads (the cost of scanning and deforming it). The
harness times them serially and with two parallel workers and prints a Markdown report.

Why the timings can be trusted on a small shared machine, where the speed of the same query
drifts by 30-50% over minutes:
- The queries of a case (floor, ours, hand SQL, in both modes) run interleaved, round
  after round, in one psql session, so each is measured at the same moments as the others;
  the order rotates by one each round, so no query always runs first or right after a
  parallel query (whose workers may still be exiting).
- Ratios are taken within a round (ours / floor of the same round and mode, serial / 2
  workers of the same round) and the median over rounds is reported: drift between rounds
  cancels. Times are medians over rounds.
- Each query runs once untimed first (warm-up); every timed statement is a bare query, the
  mode's SET commands run untimed before each one, so the overhead is the same for all.
Timing is psql's \\timing: the client-observed wall time of each statement. What the
harness cannot cancel, it measures: the CPU that other processes used during a case's rounds
(from /proc), since a busy neighbour slows a query that wants every core most.

Each case is also EXPLAINed: in the 2-worker mode our query must have a partial aggregate
plan, and the workers launched are recorded; in the serial mode no plan may have a Gather.
Peak memory is the peak resident heap memory of a fresh backend that runs the query
serially.
"""
import collections
import os
import platform
import re
import statistics
import subprocess
import sys
import time

# `rounds`, when given, caps the timing rounds of a case whose queries are slow (the report
# says which cases ran fewer rounds); such a case also skips the untimed warm-up in the timing
# session: its queries have just run for EXPLAIN ANALYZE and peak memory, and at seconds a
# query what a warm-up saves (catalog caches, loading the library) is lost in the noise.
Case = collections.namedtuple("Case", "name ours hand floor rounds", defaults=(None,))
Mode = collections.namedtuple("Mode", "name settings")

SERIAL = Mode("serial", "SET max_parallel_workers_per_gather = 0;")
# What PostgreSQL 15 needs for a real partial-aggregate plan (docs/testing.md).
TWO_WORKERS = Mode("2 workers", "SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; "
                                "SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;")
MODES = [SERIAL, TWO_WORKERS]
ROLES = ("floor", "ours", "hand")


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def psql(db, sql, flags=()):
    """stdout of `sql` run by psql in database `db`; stops at the first error."""
    run = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, *flags],
                         input=sql, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"psql failed ({run.returncode}):\n{run.stderr}\n--- input\n{sql[:2000]}")
    return run.stdout


def value(db, sql):
    return psql(db, sql, ["-At"]).strip()


def create_database(db, setup_sql):
    """A fresh database `db` with pg_retention, built by `setup_sql`, vacuumed and
    checkpointed so no hint-bit writes or checkpoint land in the timings."""
    subprocess.run(["dropdb", "--if-exists", db], check=True, capture_output=True)
    subprocess.run(["createdb", db], check=True)
    psql(db, "CREATE EXTENSION pg_retention;\n" + setup_sql)
    psql(db, "VACUUM (FREEZE, ANALYZE);\nCHECKPOINT;")


def drop_database(db):
    subprocess.run(["dropdb", db], check=True)


def machine(db):
    """One line saying what ran: cores, CPU model, PostgreSQL and pg_retention versions."""
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    pg = value(db, "SHOW server_version")
    ext = value(db, "SELECT extversion FROM pg_extension WHERE extname = 'pg_retention'")
    settings = value(db, "SELECT string_agg(name || ' = ' || current_setting(name), ', ' ORDER BY name) "
                         "FROM pg_settings WHERE name IN ('shared_buffers', 'max_parallel_workers', 'work_mem', 'jit')")
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.machine()}, "
            f"PostgreSQL {pg} ({settings}), pg_retention {ext}")


def interleaved(db, queries, rounds, warmup=True):
    """Wall times (ms) of each query, `rounds` each, run round-robin in one psql session.

    `queries` is a list of (settings, sql). Returns one list of times a query, in round
    order. Each query runs once untimed first (unless not `warmup`); round r starts at
    query r (mod n)."""
    n = len(queries)
    script = ["\\o /dev/null"]
    for settings, sql in queries if warmup else ():
        script += [settings, sql + ";"]
    for r in range(rounds):
        for i in range(n):
            settings, sql = queries[(r + i) % n]
            script += [settings, "\\timing on", sql + ";", "\\timing off"]
    out = psql(db, "\n".join(script) + "\n")
    ms = [float(m) for m in re.findall(r"^Time: ([0-9.]+) ms", out, re.M)]
    if len(ms) != rounds * n:
        raise RuntimeError(f"expected {rounds * n} timings, got {len(ms)}:\n{out}")
    times = [[] for _ in queries]
    for k, t in enumerate(ms):
        r, i = divmod(k, n)
        times[(r + i) % n].append(t)
    return times


def cpu_seconds(postmaster):
    """(machine, ours): CPU seconds spent so far by all cores of the machine (steal time
    included: a neighbour on the host), and by this benchmark: the cluster (the postmaster
    and its children that have exited: backends, parallel workers), psql and Python."""
    with open("/proc/stat", encoding="ascii") as f:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, f.readline().split()[1:9])
    with open(f"/proc/{postmaster}/stat", encoding="ascii") as f:
        utime, stime, cutime, cstime = map(int, f.read().rsplit(")", 1)[1].split()[11:15])
    tick = os.sysconf("SC_CLK_TCK")
    me = os.times()
    return ((user + nice + system + irq + softirq + steal) / tick,
            (utime + stime + cutime + cstime) / tick + me.user + me.system + me.children_user + me.children_system)


def postmaster_pid(db):
    """The PID of the cluster's postmaster, the parent of its checkpointer (a backend would
    be gone by the time /proc is read), or None where /proc does not show it (a server on
    another machine or in a container)."""
    try:
        pid = value(db, "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError):
        return None


def others_cores(db, postmaster, work):
    """Run work(); returns (its result, the cores that other processes kept busy meanwhile, on
    average: what competed with the timings; None where /proc cannot tell)."""
    if postmaster is None:
        return work(), None
    start, (busy0, ours0) = time.monotonic(), cpu_seconds(postmaster)
    result = work()
    time.sleep(0.3)  # the postmaster reaps the exited backend and adds its CPU time
    busy1, ours1 = cpu_seconds(postmaster)
    return result, max(0.0, (busy1 - busy0) - (ours1 - ours0)) / (time.monotonic() - start)


def median_ratio(a, b):
    """Median over rounds of a[r] / b[r]: the ratio with drift between rounds cancelled."""
    return statistics.median(x / y for x, y in zip(a, b))


def explain(db, mode, sql, analyze):
    # With COSTS OFF, EXPLAIN leaves out whether JIT compiled the query.
    return psql(db, f"{mode.settings}\nEXPLAIN ({'ANALYZE, TIMING OFF' if analyze else 'COSTS'}) {sql};", ["-At"])


def plan_facts(plan):
    """What a plan says about parallelism, JIT and hash tables: whether it aggregates
    partially, workers planned and launched (the smallest over its Gather nodes), how far JIT
    compiled it, and the largest hash table memory (kB) of any process, from EXPLAIN
    ANALYZE's 'Memory Usage' lines."""
    planned = [int(n) for n in re.findall(r"Workers Planned: (\d+)", plan)]
    launched = [int(n) for n in re.findall(r"Workers Launched: (\d+)", plan)]
    memory = [int(n) for n in re.findall(r"Memory Usage: (\d+)kB", plan)]
    return {
        "partial": re.search(r"\bPartial \w*Aggregate\b", plan) is not None,
        "gather": "Gather" in plan,
        "planned": min(planned) if planned else 0,
        "launched": min(launched) if launched else 0,
        "hash_kb": max(memory) if memory else None,
        "jit": ("no" if "JIT:" not in plan else "inlined" if "Inlining true" in plan
                else "optimized" if "Optimization true" in plan else "yes"),
    }


def peak_memory_kb(db, mode, sql):
    """(before, peak): the peak resident heap memory in kB of a fresh backend, before and
    after it runs `sql`. The backend reads its own /proc/self/status: VmHWM (peak resident
    memory) less RssFile (code, such as pg_retention's library, loaded on first call) and
    RssShmem (the shared buffers it touched); both stay mapped once touched, so the
    difference is its own memory at the peak. (None, None) where that cannot be read (no
    /proc, or a role without pg_read_server_files)."""
    status = "SELECT " + " - ".join(f"(regexp_match(s, '{field}:\\s*(\\d+)'))[1]::int"
                                    for field in ("VmHWM", "RssFile", "RssShmem")) \
             + " FROM pg_read_file('/proc/self/status') s;"
    script = f"{mode.settings}\n{status}\n\\o /dev/null\n{sql};\n\\o\n{status}\n"
    try:
        before, peak = psql(db, script, ["-At"]).split()
        return int(before), int(peak)
    except (RuntimeError, ValueError):
        return None, None


def case_rounds(case, rounds):
    """The timing rounds of `case`: `rounds`, or fewer where the case caps them."""
    return min(rounds, case.rounds) if case.rounds else rounds


def measure(db, cases, rounds, modes=MODES, memory=True):
    """Run every case; returns one dict a case with times, ratios and plan facts."""
    serial, parallel = modes
    postmaster = postmaster_pid(db)
    results = []
    known = {}  # plan facts and peak memory of each query, measured once (the floor recurs)
    for case in cases:
        roles = [(role, sql) for role, sql in zip(ROLES, (case.floor, case.ours, case.hand)) if sql]
        res = {"case": case, "plans": {}, "serial_plans": {}, "memory": {}}
        for role, sql in roles:
            if sql not in known:
                facts = plan_facts(explain(db, serial, sql, analyze=False))
                if facts["gather"]:
                    raise RuntimeError(f"{case.name}: the serial plan of {role} has a Gather:\n{sql}")
                known[sql] = (facts, plan_facts(explain(db, parallel, sql, analyze=True)),
                              peak_memory_kb(db, serial, sql) if memory else None)
            res["serial_plans"][role], res["plans"][role], peak = known[sql]
            if memory:
                res["memory"][role] = peak
        if not res["plans"]["ours"]["partial"]:
            raise RuntimeError(f"{case.name}: no partial aggregate in the {parallel.name} plan:\n"
                               + explain(db, parallel, case.ours, analyze=False))
        queries = [(mode.settings, sql) for mode in modes for _role, sql in roles]
        n = case_rounds(case, rounds)
        times, res["others"] = others_cores(db, postmaster,
                                            lambda: interleaved(db, queries, n, warmup=not case.rounds))
        t = {(mode.name, role): times[m * len(roles) + q]
             for m, mode in enumerate(modes) for q, (role, _sql) in enumerate(roles)}
        res["ms"] = {key: statistics.median(v) for key, v in t.items()}
        res["ratio"] = {}
        for mode in modes:
            for role in ("ours", "hand"):
                if (mode.name, role) in t:
                    res["ratio"][(mode.name, role, "floor")] = median_ratio(t[(mode.name, role)], t[(mode.name, "floor")])
            if (mode.name, "hand") in t:
                res["ratio"][(mode.name, "ours", "hand")] = median_ratio(t[(mode.name, "ours")], t[(mode.name, "hand")])
        for role, _sql in roles:
            res["ratio"][("speed-up", role)] = median_ratio(t[(serial.name, role)], t[(parallel.name, role)])
        low_high = sorted(x / y for x, y in zip(t[(serial.name, "ours")], t[(serial.name, "floor")]))
        res["ratio_range"] = (low_high[0], low_high[-1])
        log(f"  {case.name:44} serial {res['ms'][(serial.name, 'ours')]:8.1f} ms  "
            f"/floor {res['ratio'][(serial.name, 'ours', 'floor')]:.2f}  "
            f"speed-up {res['ratio'][('speed-up', 'ours')]:.2f}  others {fmt(res['others'])} cores")
        results.append(res)
    return results


def fmt(v, digits=2):
    return "" if v is None else f"{v:.{digits}f}"


def mb(kb):
    return "" if kb is None else f"{kb / 1024:.1f}"


def table(header, rows):
    """A Markdown table; the first column left-aligned, the others right."""
    return "\n".join([f"| {' | '.join(header)} |", "|---|" + "---:|" * (len(header) - 1)]
                     + [f"| {' | '.join(row)} |" for row in rows])


def report(results, modes=MODES):
    """The Markdown tables of `measure`'s results: ours, then the references."""
    s, p = (m.name for m in modes)
    main, refs = [], []
    for res in results:
        case, ms, ratio, plans, memory = res["case"], res["ms"], res["ratio"], res["plans"], res["memory"]
        workers = {role: f"{f['launched']} of {f['planned']}" for role, f in plans.items()}
        peak = {role: mb(m[1]) for role, m in memory.items()}
        main.append([
            case.name, f"{ms[(s, 'ours')]:.0f}", fmt(ratio[(s, 'ours', 'floor')]), fmt(ratio.get((s, 'ours', 'hand'))),
            f"{ms[(p, 'ours')]:.0f}", fmt(ratio[(p, 'ours', 'floor')]), fmt(ratio.get((p, 'ours', 'hand'))),
            fmt(ratio[('speed-up', 'ours')]), workers["ours"], peak.get("ours", ""),
        ])
        hand = (s, "hand") in ms
        hash_kb = [plans[r]["hash_kb"] for r in ("ours", "hand") if r in plans]
        refs.append([
            case.name, "`" + re.sub(r"^SELECT (.*?) FROM .*$", r"\1", case.floor) + "`",
            f"{ms[(s, 'floor')]:.0f} / {ms[(p, 'floor')]:.0f}", fmt(ratio[('speed-up', 'floor')]),
            f"{ms[(s, 'hand')]:.0f} / {ms[(p, 'hand')]:.0f}" if hand else "",
            fmt(ratio.get((s, 'hand', 'floor'))), fmt(ratio.get(('speed-up', 'hand'))),
            workers.get("hand", ""), " / ".join(peak[r] for r in ("floor", "hand") if r in peak),
            "{:.2f} to {:.2f}".format(*res["ratio_range"]),
            ", ".join(res["serial_plans"][r]["jit"] for r in ROLES if r in plans),
            fmt(res["others"]),
            " / ".join("" if k is None else str(k) for k in hash_kb) if any(k is not None for k in hash_kb) else "",
        ])
    out = [
        table(["case", "serial ms", "÷ floor", "÷ hand SQL", "2 workers ms", "÷ floor (2w)", "÷ hand SQL (2w)",
               "speed-up 2w", "workers launched", "peak MB"], main),
        "",
        "The references, measured in the same rounds: the floor and the hand-written SQL; the range "
        "over rounds of the serial ratio ours ÷ floor; and how many cores other processes kept busy "
        "during the rounds, on average (out of the machine's; they slow the 2-worker runs most).",
        "",
        table(["case", "floor", "floor ms (serial / 2w)", "floor speed-up", "hand SQL ms (serial / 2w)",
               "hand ÷ floor", "hand speed-up", "hand workers", "peak MB (floor / hand)", "ours ÷ floor, range",
               "JIT serial (floor, ours, hand)", "other processes, cores",
               "hash table kB (ours / hand)"], refs),
    ]
    before = [m[0] for res in results for m in res["memory"].values() if m[0]]
    if before:
        out += ["", "Peak MB is the peak resident heap memory (VmHWM less code and shared buffers) "
                    "of a fresh backend that runs the query serially; before the query it is "
                    f"{statistics.median(before) / 1024:.1f} MB."]
    return "\n".join(out)


def queries_section(cases):
    """The SQL of every case, as Markdown (shown only: fenced `sql norun`)."""
    out = []
    for case in cases:
        out += [f"**{case.name}**", "", "```sql norun", f"-- pg_retention\n{case.ours};"]
        if case.hand:
            out.append(f"-- hand-written SQL\n{case.hand};")
        out += [f"-- floor\n{case.floor};", "```", ""]
    return "\n".join(out)


def run(title, db, setup_sql, cases, rows, rounds, memory=True, check=None, extra=None):
    """Build the data, measure every case, print the Markdown report, drop the data.

    `check`, when given, is called with the database before anything is timed; it returns
    Markdown (what it checked) for the report, or raises to stop the run. `extra`, when
    given, is called with the database and the measured results after the timings; it
    returns more Markdown for the report (other systems on the same data, say)."""
    log(f"{title}: building {rows:,} rows")
    start = time.monotonic()
    create_database(db, setup_sql)
    log(f"{title}: built in {time.monotonic() - start:.0f} s")
    checked = None
    if check:
        start = time.monotonic()
        checked = check(db)
        log(f"{title}: checked in {time.monotonic() - start:.0f} s")
    log(f"{title}: {len(cases)} cases, {rounds} rounds")
    start = time.monotonic()
    results = measure(db, cases, rounds, memory=memory)
    log(f"{title}: measured in {time.monotonic() - start:.0f} s")
    print(f"### {title}\n")
    size = value(db, "SELECT pg_size_pretty(sum(pg_table_size(oid))) FROM pg_class "
                     "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace")
    fewer = [f"{c.name} ({case_rounds(c, rounds)})" for c in cases if case_rounds(c, rounds) < rounds]
    print(f"{rows:,} rows (tables: {size}); {rounds} interleaved rounds"
          + (f" (fewer for slow cases: {'; '.join(fewer)})" if fewer else "")
          + "; median times in ms, medians of per-round ratios.  ")
    print(f"{machine(db)}.\n")
    print(report(results))
    if checked:
        print(f"\n#### Checks\n\n{checked}")
    if extra:
        print(f"\n{extra(db, results)}")
    print(f"\n#### Data\n\n```sql norun\n{setup_sql.strip()}\n```\n\n#### Queries\n")
    print(queries_section(cases))
    drop_database(db)


def cli(main, rows, rounds=7):
    """`module.py [rows] [rounds]`: empty arguments take the module's defaults."""
    args = [a for a in sys.argv[1:] if a]
    main(int(args[0]) if args else rows, int(args[1]) if len(args) > 1 else rounds)
