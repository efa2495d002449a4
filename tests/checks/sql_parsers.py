#!/usr/bin/env python3
"""What BI tools' SQL parsers make of our SQL: every SELECT of the docs parses with sqlglot,
and `combine`, the name the docs use for merging summaries, is no key word anywhere.

Superset's SQL Lab parses each query with sqlglot before it runs it (superset/sql/parse.py:
`sqlglot.parse(script, dialect=...)`, the postgres dialect for a PostgreSQL database), and
refuses what sqlglot cannot parse. `rollup(s)` is such a query: ROLLUP is a grouping key word
(GROUP BY ROLLUP (...)), so `nps(rollup(s))` fails with "Error parsing near '('". The
aggregates therefore have a second name, `combine`, and this check shows:

 1. every statement with a SELECT in README.md, docs/*.md and demo/*.sql (queries, and the
    queries of CREATE VIEW / TABLE AS and INSERT ... SELECT) parses with sqlglot's postgres
    dialect (a failure names the file and the line);
 2. `combine` is no key word: not in PostgreSQL's pg_get_keywords() of the running server,
    not a key word or special token of any sqlglot dialect's tokenizer (and a call of it
    parses as a plain function call in every SQL dialect), and not a reserved or
    non-reserved word of the SQL standard (tests/fixtures/sql_standard_keywords.txt, from
    PostgreSQL's Appendix C);
 3. each of these detectors catches `rollup`: it is a PostgreSQL key word, a sqlglot token,
    a reserved word of the standard, and `nps(rollup(s))` and `SELECT rollup(s) AS x` fail to
    parse; so a regression (a doc example with rollup(), or a name that is a key word) fails
    here.

sqlglot comes from PyPI, pinned in tests/reference/requirements.txt (the .venv of
scripts/setup.sh). Runs inside scripts/cluster.sh with pg_retention installed (tests/sql_tier.sh).
"""
import glob
import os
import re
import sys

import sqlglot
from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.tokens import TokenType

from common import ROOT, TESTS, Database

NAME = "combine"
# A comment, a quoted string or identifier, or a dollar-quoted string: kept whole.
QUOTED = re.compile(r"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|(\$\w*\$).*?\1", re.S)
FENCE = re.compile(r"^```(\w*)([^\n]*)\n(.*?)^```\s*$", re.M | re.S)
STANDARD = os.path.join(TESTS, "fixtures", "sql_standard_keywords.txt")
# sqlglot's dialects of languages other than SQL, where SELECT itself does not parse.
NOT_SQL = {"dax", "prql"}
DB = Database("pg_retention_sql_parsers")


def statements(sql, first_line):
    """(line, statement) for each statement of `sql`, split at semicolons outside quotes,
    dollar quotes and comments; psql's backslash commands dropped. `first_line` is the line
    of the file where `sql` begins."""
    sql = re.sub(r"^\\[^\n]*", "", sql, flags=re.M)    # \echo, \set ...: blanked, lines kept
    out, cur, start, i, line = [], "", None, 0, first_line
    while i < len(sql):
        c = sql[i]
        m = QUOTED.match(sql, i)
        if start is None and not c.isspace() and not (m and m.group(0).startswith(("--", "/*"))):
            start = line
        if m and m.group(0):
            tok = m.group(0)
        elif c == ";":
            if cur.strip():
                out.append((start, cur.strip()))
            cur, start, i = "", None, i + 1
            continue
        else:
            tok = c
        cur += tok
        line += tok.count("\n")
        i += len(tok)
    if cur.strip():
        out.append((start, cur.strip()))
    return out


def selects(path):
    """(line, statement) for every statement with a SELECT (a query, or the query of CREATE
    VIEW / TABLE ... AS or INSERT ... SELECT) of a Markdown file's ```sql blocks (not `sql
    norun`: signatures) or of an SQL file; and how many were skipped for a psql variable."""
    text = open(path, encoding="utf-8").read()
    if path.endswith(".sql"):
        pieces = [(1, text)]
    else:
        pieces = [(text.count("\n", 0, m.start(3)) + 1, m.group(3)) for m in FENCE.finditer(text)
                  if m.group(1) == "sql" and m.group(2).strip() != "norun"]
    found, skipped = [], 0
    for first, sql in pieces:
        for line, stmt in statements(sql, first):
            bare = QUOTED.sub(" ", stmt)          # no comments or strings: what the words are
            if not re.search(r"\bSELECT\b", bare, re.I):
                continue
            if re.search(r"(?<![:\w]):['\"]?[A-Za-z_]", bare):   # a psql variable: not SQL until psql expands it
                skipped += 1
                continue
            found.append((line, stmt))
    return found, skipped


def parse_docs():
    paths = [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md"))) \
        + sorted(glob.glob(os.path.join(ROOT, "demo", "*.sql")))
    failed = total = skipped = 0
    for path in paths:
        found, skip = selects(path)
        skipped += skip
        for line, stmt in found:
            total += 1
            try:
                sqlglot.parse(stmt, dialect="postgres")     # SQL Lab's own call (superset/sql/parse.py)
            except sqlglot.errors.SqlglotError as e:
                failed += 1
                first = str(e).splitlines()[0]
                print(f"FAIL {os.path.relpath(path, ROOT)}:{line}: sqlglot {sqlglot.__version__} (postgres) "
                      f"cannot parse this statement: {first}\n    {stmt[:200]}")
    print(f"  {total} statements with a SELECT in README.md, docs/*.md and demo/*.sql parsed with sqlglot "
          f"{sqlglot.__version__}'s postgres dialect, {failed} failed ({skipped} with a psql variable skipped)")
    if total < 100:
        print(f"FAIL only {total} SELECT statements found: the extraction is broken")
        failed += 1
    return failed


def standard_words():
    words = set()
    for line in open(STANDARD, encoding="utf-8"):
        if not line.startswith(("#", "[")):
            words.update(line.split())
    return words


def sqlglot_tokens(dialect, word):
    """Why `word` is special to a sqlglot dialect's tokenizer or parser (empty: it is not)."""
    d = Dialect.get_or_raise(dialect)
    why = [f"tokenizer key word {k!r}" for k in d.tokenizer_class.KEYWORDS if word.upper() in k.split()]
    tokens = d.tokenize(word + "(s)")
    if tokens[0].token_type != TokenType.VAR:
        why.append(f"tokenized as {tokens[0].token_type}")
    for attr in ("NO_PAREN_FUNCTIONS", "NO_PAREN_FUNCTION_PARSERS", "FUNCTION_PARSERS", "FUNCTIONS"):
        if word.upper() in getattr(d.parser_class, attr, {}):
            why.append(f"parser {attr}")
    return why


def parses_as_call(dialect, word):
    """Whether `SELECT word(s) AS x, nps(word(s)) FROM t` parses in `dialect` with both calls
    as plain (anonymous) function calls of that name."""
    try:
        tree = sqlglot.parse_one(f"SELECT {word}(s) AS x, nps({word}(s)) FROM t", read=dialect)
    except sqlglot.errors.SqlglotError:
        return False
    return [f.name.lower() for f in tree.find_all(exp.Anonymous)].count(word) == 2


def keywords():
    failed = 0
    dialects = sorted(Dialect.classes)

    def check(ok, what):
        nonlocal failed
        print(("  ok   " if ok else "FAIL   ") + what)
        failed += not ok

    DB.create(extension=False)
    pg = dict((r["word"], r["catdesc"]) for r in DB.rows(
        "SELECT word, catdesc FROM pg_get_keywords() WHERE word IN ('combine', 'rollup')"))
    version = DB.rows("SHOW server_version")[0]["server_version"]
    DB.drop()
    check(NAME not in pg, f"{NAME} is not in pg_get_keywords() of PostgreSQL {version}")
    check("rollup" in pg, f"rollup is in pg_get_keywords() ({pg.get('rollup')}): the query would catch it")

    std = standard_words()
    check(len(std) > 700, f"{len(std)} key words of the SQL standard read from {os.path.relpath(STANDARD, ROOT)}")
    check(NAME.upper() not in std, f"{NAME} is no reserved or non-reserved word of SQL:2023, SQL:2016 or SQL-92")
    check("ROLLUP" in std, "ROLLUP is a reserved word of the standard: the list would catch it")

    special = {d or "(base)": sqlglot_tokens(d, NAME) for d in dialects}
    bad = {d: w for d, w in special.items() if w}
    check(not bad, f"{NAME} is no key word, token or built-in function of any of sqlglot {sqlglot.__version__}'s "
                   f"{len(dialects)} dialects{': ' + repr(bad) if bad else ''}")
    rollup_special = [d or "(base)" for d in dialects if sqlglot_tokens(d, "rollup")]
    check(len(rollup_special) == len(dialects),
          f"ROLLUP is a tokenizer key word in {len(rollup_special)} of {len(dialects)} dialects: the check would catch it")

    sql_dialects = [d for d in dialects if d not in NOT_SQL]
    calls = [d or "(base)" for d in sql_dialects if not parses_as_call(d, NAME)]
    check(not calls, f"SELECT {NAME}(s) AS x, nps({NAME}(s)) parses as two calls of {NAME} in all "
                     f"{len(sql_dialects)} SQL dialects{' but ' + ', '.join(calls) if calls else ''}")
    for query in ("SELECT nps(rollup(s)) FROM t", "SELECT rollup(s) AS x FROM t"):
        try:
            sqlglot.parse(query, dialect="postgres")
            check(False, f"{query} should not parse with the postgres dialect (Superset refuses it)")
        except sqlglot.errors.ParseError as e:
            check(True, f"{query} fails to parse (postgres), as in Superset: {str(e).splitlines()[0]}")
    quoted = sqlglot.parse_one('SELECT "rollup"(s) FROM t', read="postgres").sql("postgres")
    check('"ROLLUP"' in quoted, f'SELECT "rollup"(s) is rewritten to {quoted}, as in Superset')
    return failed


def main():
    print("sql_parsers: every SELECT of the docs with sqlglot; combine is no key word")
    failed = parse_docs() + keywords()
    print(f"sql_parsers: {'FAILED' if failed else 'passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
