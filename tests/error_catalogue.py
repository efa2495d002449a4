#!/usr/bin/env python3
"""The catalogue of bad input (docs/errors.md), generated from the pg_regress expected
outputs, so that it says what the tests check and stays true.

    python3 tests/error_catalogue.py            # print the catalogue (Markdown)
    python3 tests/error_catalogue.py --write    # write docs/errors.md
    python3 tests/error_catalogue.py --check    # fail if docs/errors.md is out of date

Every bad-input case in tests/pg_regress runs through `sqlstate_of(query)` (setup.sql),
which returns 'SQLSTATE: message' (or 'no error'), in one of two forms:
    SELECT sqlstate_of($$<query>$$);                      -- one case, one-column result
    SELECT q, sqlstate_of(q) FROM (VALUES ($$<query>$$), ...) v(q);   -- many cases
The expected output holds the echoed statement and its aligned result table; this script
reads the cases from there (the query, the SQLSTATE, the message), with the comment line
that precedes a case or a group of cases as its heading, and groups them by test file.
pg_regress compares those outputs on every run, so the catalogue cannot drift from what
the extension does; the --check run (unit tier) keeps the document in step with them.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "pg_regress", "expected")
SCHEDULE = os.path.join(HERE, "pg_regress", "schedule")
DOC = os.path.join(HERE, "..", "docs", "errors.md")

# The SQLSTATEs the catalogue shows, with PostgreSQL's condition names (Appendix A).
CONDITIONS = {
    "22003": "numeric_value_out_of_range",
    "22004": "null_value_not_allowed",
    "22007": "invalid_datetime_format",
    "22008": "datetime_field_overflow",
    "22012": "division_by_zero",
    "22023": "invalid_parameter_value",
    "22P02": "invalid_text_representation",
    "22P03": "invalid_binary_representation",
    "42883": "undefined_function",
    "42804": "datatype_mismatch",
    "54000": "program_limit_exceeded",
    "0A000": "feature_not_supported",
    "XX000": "internal_error",
}

FAMILIES = {
    "nps": "NPS", "csat": "CSAT", "ces": "CES", "formulas": "Shop formulas", "summaries": "Stored survey summaries",
    "orders_errors": "Order histories and order metrics", "cohorts": "Cohorts", "predict": "Predictive models",
}


def schedule_order():
    names = []
    with open(SCHEDULE, encoding="utf-8") as f:
        for line in f:
            if line.startswith("test:"):
                names += line.split()[1:]
    return names


def table_rows(lines, i):
    """The rows of the aligned result table starting at lines[i] (its header): a list of
    lists of cell strings, and the index after the table."""
    dashes = lines[i + 1]
    cuts = [m.start() for m in re.finditer(r"\+", dashes)]
    bounds = list(zip([0] + [c + 1 for c in cuts], cuts + [None]))
    rows, j = [], i + 2
    while j < len(lines) and not re.match(r"^\(\d+ rows?\)$", lines[j]):
        rows.append([lines[j][a:b].strip() for a, b in bounds])
        j += 1
    return rows, j + 1


def cases(path):
    """(heading, query, sqlstate, message) of every case in one expected output."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, heading, i = [], "", 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("--") and not re.match(r"^-+(\+-+)*$", line):
            # consecutive comment lines make one heading
            text = line.lstrip("- ").strip()
            previous = lines[i - 1] if i else ""
            continued = previous.startswith("--") and not re.match(r"^-+(\+-+)*$", previous)
            heading = f"{heading} {text}".strip() if continued else text
            i += 1
            continue
        if line.startswith("SELECT") and "sqlstate_of(" in line:
            # the statement runs to the first line that ends with ';'
            j = i
            statement = []
            while True:
                statement.append(lines[j])
                if lines[j].rstrip().endswith(";"):
                    break
                j += 1
            text = "\n".join(statement)
            rows, after = table_rows(lines, j + 1)
            if text.startswith("SELECT sqlstate_of($$"):
                query = re.match(r"SELECT sqlstate_of\(\$\$(.*)\$\$\);$", text, re.S).group(1)
                results = [(query, rows[0][0])]
            else:
                # the VALUES list's comments give the cases their headings
                headings, current = {}, heading
                for s in statement:
                    stripped = s.strip()
                    if stripped.startswith("--"):
                        current = stripped.lstrip("- ").strip()
                    for q in re.findall(r"\(\$\$(.*?)\$\$\)", s):
                        headings[q] = current
                results = [(r[0], r[1]) for r in rows]
            for query, result in results:
                h = headings.get(query, heading) if not text.startswith("SELECT sqlstate_of($$") else heading
                if result == "no error":
                    out.append((h, query, "", "accepted"))
                else:
                    state, message = result.split(": ", 1)
                    out.append((h, query, state, message))
            i = after
            continue
        if line.strip():
            heading = ""  # another statement or its output: the comment above is not the cases'
        i += 1
    return [(h or "Other cases", q, state, m) for h, q, state, m in out]


def markdown():
    order = [n for n in schedule_order() if os.path.exists(os.path.join(EXPECTED, n + ".out"))]
    sections, states, total = [], {}, 0
    for name in order:
        found = cases(os.path.join(EXPECTED, name + ".out"))
        if not found:
            continue
        total += len(found)
        lines = [f"## {FAMILIES.get(name, name)}", "",
                 f"From `tests/pg_regress/sql/{name}.sql`.", ""]
        heading = None
        for h, query, state, message in found:
            if h != heading:
                lines += ["", f"**{h}**", "", "| input | SQLSTATE | message |", "|---|---|---|"]
                heading = h
            q = query.replace("|", "\\|").replace("\n", " ")
            m = message.replace("|", "\\|")
            lines.append(f"| `{q}` | {state or '-'} | {m} |")
            if state:
                states[state] = states.get(state, 0) + 1
        sections.append("\n".join(lines))
    unknown = sorted(s for s in states if s not in CONDITIONS)
    if unknown:
        sys.exit(f"error_catalogue: add the condition names of {unknown} to CONDITIONS")
    legend = "\n".join(f"| {s} | {CONDITIONS[s]} | {n} |" for s, n in sorted(states.items()))
    head = f"""# Catalogue of bad input

Each invalid input the tests try, with the SQLSTATE and message it gets: {total} cases.
Generated by `tests/error_catalogue.py` from the pg_regress expected outputs, which every
`make test` compares with what the extension does; the unit tier checks that this file
matches them (`python3 tests/error_catalogue.py --check`; `--write` regenerates it). A
row marked "accepted" is an edge that is valid input, tried beside its invalid neighbours.

Every error is raised with `ereport(ERROR)` and a SQLSTATE from PostgreSQL's class 22
(data exception) unless noted; none ends the session or the server.

| SQLSTATE | condition | cases |
|---|---|---|
{legend}
"""
    return head + "\n" + "\n\n".join(sections) + "\n"


def main():
    text = markdown()
    if "--check" in sys.argv:
        current = open(DOC, encoding="utf-8").read() if os.path.exists(DOC) else ""
        if current != text:
            sys.exit("error_catalogue: docs/errors.md is out of date with tests/pg_regress/expected; "
                     "run python3 tests/error_catalogue.py --write")
        print(f"error_catalogue: docs/errors.md matches the expected outputs")
    elif "--write" in sys.argv:
        with open(DOC, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"error_catalogue: wrote {DOC}")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
