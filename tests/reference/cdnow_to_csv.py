#!/usr/bin/env python3
"""Convert CDNOW_master.txt to the order CSV that orders_reference.py reads.

    python3 tests/reference/cdnow_to_csv.py [CDNOW_master.txt] [-o OUT.csv]

Input (from scripts/fetch_cdnow.sh): a header line, then one purchase a line,
whitespace-separated: customer_id, date YYYYMMDD, number_of_cds, dollar_value.
Output: customer_id,ordered_at,amount,items with
  customer_id  the id as an integer (the file pads it with zeros: 00001 -> 1),
  ordered_at   YYYY-MM-DD,
  amount       the dollar_value text exactly as written (e.g. 12.00, 0.00),
  items        number_of_cds.
The text is copied, never parsed as a float. Written to stdout unless -o is given.
"""
import argparse
import csv
import os
import re
import sys

DEFAULT_INPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "..", "..", ".cache", "cdnow", "CDNOW_master.txt")
AMOUNT_RE = re.compile(r"^[0-9]+(\.[0-9]+)?$")


def convert(lines, out):
    """Write the CSV rows of the CDNOW lines to the file object out.
    Returns the number of purchases written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["customer_id", "ordered_at", "amount", "items"])
    n = 0
    for lineno, line in enumerate(lines, 1):
        fields = line.split()
        if not fields:
            continue
        if lineno == 1 and not fields[0].isdigit():
            continue  # the header " customer_id  date number_of_cds  dollar_value"
        if len(fields) != 4:
            raise ValueError("line %d: expected 4 fields, got %r" % (lineno, line))
        cust, date, cds, dollars = fields
        if not (cust.isdigit() and len(date) == 8 and date.isdigit() and cds.isdigit()
                and AMOUNT_RE.match(dollars)):
            raise ValueError("line %d: unexpected values %r" % (lineno, line))
        writer.writerow([str(int(cust)), "%s-%s-%s" % (date[:4], date[4:6], date[6:]),
                         dollars, str(int(cds))])
        n += 1
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("master", nargs="?", default=DEFAULT_INPUT)
    ap.add_argument("-o", "--output")
    args = ap.parse_args(argv)
    with open(args.master, newline="") as f:
        lines = f.read().splitlines()
    if args.output:
        with open(args.output, "w", newline="") as out:
            n = convert(lines, out)
    else:
        n = convert(lines, sys.stdout)
    print("cdnow_to_csv: %d purchases" % n, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
