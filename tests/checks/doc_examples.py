#!/usr/bin/env python3
"""Run every SQL example in the documentation and compare it with the output shown.

In a Markdown file, a ```sql block followed by a ```text block is an example: the SQL is
run with psql and its output must equal the text block (trailing white space aside). A
```sql block with no ```text block after it is setup: it runs, and must not fail. A block
fenced ```sql norun is shown only. The blocks of one file run in order in one database, so
an example may use the tables an earlier block made.

A file marked `<!-- examples: Citus tier -->` needs a Citus cluster: this run skips it, and
tests/checks/citus_check.py runs its examples on the coordinator (check_file).

Runs inside `scripts/cluster.sh` (PGHOST, PGPORT, PGUSER set) with pg_retention installed.
"""
import os
import re
import sys

from common import Database

FENCE = re.compile(r"^```(\w*)([^\n]*)\n(.*?)^```\s*$", re.M | re.S)


def blocks(markdown):
    """(sql, expected output or None) pairs, in order."""
    found = [(m.group(1), m.group(2).strip(), m.group(3), m.start(), m.end()) for m in FENCE.finditer(markdown)]
    out = []
    for i, (lang, info, body, _start, end) in enumerate(found):
        if lang != "sql" or info == "norun":
            continue
        expected = None
        if i + 1 < len(found):
            nlang, _ninfo, nbody, nstart, _nend = found[i + 1]
            if nlang == "text" and markdown[end:nstart].strip() == "":
                expected = nbody
        out.append((body, expected))
    return out


# Examples print times in UTC with ISO dates, whatever the cluster's defaults.
ENV = dict(os.environ, PGTZ="UTC", PGDATESTYLE="ISO, MDY")
DB = Database("pg_retention_docs")


def psql(sql, db=DB):
    """What psql shows for `sql`, errors included, as a reader would see it."""
    run = db.run(sql, "-P", "null=NULL", "-P", "footer=off", "-v", "VERBOSITY=default", env=ENV)
    text = run.stdout + run.stderr
    text = re.sub(r"^psql:<stdin>:\d+: ", "", text, flags=re.M)
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


CITUS_MARK = "<!-- examples: Citus tier -->"


def check_file(path, db=DB, fresh=True):
    """Run the examples of one file in `db` (made afresh and dropped when `fresh`); returns
    (passed, failed)."""
    passed = failed = 0
    examples = blocks(open(path, encoding="utf-8").read())
    if not examples:
        return 0, 0
    if fresh:
        db.create()
    for sql, expected in examples:
        actual = psql(sql, db)
        if expected is None:
            if "ERROR" in actual:
                print(f"FAIL {path}: setup block failed:\n{sql}\n{actual}")
                failed += 1
            continue
        want = "\n".join(line.rstrip() for line in expected.strip("\n").splitlines())
        if actual == want:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {path}:\n{sql}\n--- shown in the docs\n{want}\n--- actual\n{actual}\n")
    if fresh:
        db.drop()
    return passed, failed


def main(paths):
    passed = failed = 0
    for path in paths:
        if CITUS_MARK in open(path, encoding="utf-8").read():
            print(f"doc examples: {path} runs in the Citus tier (tests/checks/citus_check.py)")
            continue
        p, f = check_file(path)
        passed += p
        failed += f
    print(f"doc examples: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
