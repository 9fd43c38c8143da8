#!/usr/bin/env python3
"""Writes a copy of a force bundle with one kind of reference data missing, as a real force's first export may be:
detection must hold when a force cannot give everything the data contract allows (docs/detection.md, section 1).

    python3 benchmarks/degraded-bundle.py SOURCE DESTINATION --without WHAT

WHAT is one of:
  rosters            rosters.csv with its header only (a duty system not exported)
  half-rosters       the shifts of about half of the staff (chosen by a hash of the staff identifier) taken out
  assignment-ends    every assignment's `end` emptied (an export that records only when each began)
  call-assignments   the call handlers' assignments taken out (a command and control system not linked)
  person-links       person_links.csv with its header only

Every other file is hard-linked (copied where the file system cannot link), so a degraded copy of a 1,500-staff
force takes a second or two and little disk. Synthetic bundles only: nothing here reads or writes real data.
"""
import argparse
import csv
import hashlib
import os
import shutil
import sys

KINDS = ["rosters", "half-rosters", "assignment-ends", "call-assignments", "person-links"]


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def write(path, table):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)


def keep_header(path):
    write(path, rows(path)[:1])


def rewrite(path, change):
    """Rewrites a CSV file row by row: `change(header, row)` returns the row to keep, or None to drop it."""
    table = rows(path)
    header = table[0]
    kept = [header] + [r for r in (change(header, list(row)) for row in table[1:]) if r is not None]
    write(path, kept)


def half_rosters(header, row):
    staff = row[header.index("staff_id")]
    return row if hashlib.md5(staff.encode()).digest()[0] % 2 == 0 else None


def no_end(header, row):
    index = header.index("end")
    if index < len(row):
        row[index] = ""
    return row


def no_calls(header, row):
    return None if row[header.index("role")] == "call_handler" else row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source")
    parser.add_argument("destination")
    parser.add_argument("--without", required=True, choices=KINDS)
    arguments = parser.parse_args()
    if not os.path.isfile(os.path.join(arguments.source, "staff.csv")):
        sys.exit(f"degraded-bundle: {arguments.source} is not a bundle (no staff.csv)")
    if os.path.exists(arguments.destination):
        sys.exit(f"degraded-bundle: {arguments.destination} already exists")
    os.makedirs(arguments.destination)
    for name in sorted(os.listdir(arguments.source)):
        source = os.path.join(arguments.source, name)
        if not os.path.isfile(source):
            continue
        target = os.path.join(arguments.destination, name)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
    target = lambda name: os.path.join(arguments.destination, name)
    # A hard link shares the source's content: each file rewritten is first unlinked, so the source stays whole.
    def fresh(name):
        os.unlink(target(name))
        shutil.copy2(os.path.join(arguments.source, name), target(name))
        return target(name)
    kind = arguments.without
    if kind == "rosters":
        keep_header(fresh("rosters.csv"))
    elif kind == "half-rosters":
        rewrite(fresh("rosters.csv"), half_rosters)
    elif kind == "assignment-ends":
        rewrite(fresh("assignments.csv"), no_end)
    elif kind == "call-assignments":
        rewrite(fresh("assignments.csv"), no_calls)
    elif kind == "person-links":
        keep_header(fresh("person_links.csv"))


if __name__ == "__main__":
    main()
