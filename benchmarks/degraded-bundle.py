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
  markers            every person's `markers` emptied (a records system whose warning markers are not exported)
  birth-years        every person's `birth_year` emptied
  associations       declared_associations.csv with its header only (declarations kept on paper)
  fields             every audit event's `fields` emptied (systems that log a view but not what it showed)

Audit files are rewritten row by row: a row that cannot be read (an export fault) is kept as it was.

Every other file is hard-linked (copied where the file system cannot link), so a degraded copy of a 1,500-staff
force takes a second or two and little disk. Synthetic bundles only: nothing here reads or writes real data.
"""
import argparse
import csv
import hashlib
import json
import os
import shutil
import sys

KINDS = ["rosters", "half-rosters", "assignment-ends", "call-assignments", "person-links", "markers", "birth-years",
         "associations", "fields"]


def rows(path):
    # Bytes that are not UTF-8 (a force's export faults) pass through unchanged, for the quarantine to report.
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        return list(csv.reader(handle))


def write(path, table):
    with open(path, "w", newline="", encoding="utf-8", errors="surrogateescape") as handle:
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


def emptied(column):
    def change(header, row):
        index = header.index(column)
        if index < len(row):
            row[index] = ""
        return row
    return change


def empty_audit_column(path, column):
    """Empties one column of every audit event in an audit*.csv or audit*.jsonl file, leaving unreadable rows."""
    if path.endswith(".csv"):
        rewrite(path, lambda header, row: emptied(column)(header, row) if column in header else row)
        return
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as handle:
        lines = handle.read().split("\n")
    out = []
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            out.append(line)
            continue
        if isinstance(event, dict) and column in event:
            event[column] = "" if column != "fields" or not isinstance(event[column], list) else []
            line = json.dumps(event, ensure_ascii=False, separators=(",", ":"))
        out.append(line)
    with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as handle:
        handle.write("\n".join(out))


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
        rewrite(fresh("assignments.csv"), emptied("end"))
    elif kind == "call-assignments":
        rewrite(fresh("assignments.csv"), no_calls)
    elif kind == "person-links":
        keep_header(fresh("person_links.csv"))
    elif kind == "markers":
        rewrite(fresh("persons.csv"), emptied("markers"))
    elif kind == "birth-years":
        rewrite(fresh("persons.csv"), emptied("birth_year"))
    elif kind == "associations":
        keep_header(fresh("declared_associations.csv"))
    elif kind == "fields":
        for name in sorted(os.listdir(arguments.destination)):
            if name.startswith("audit") and name.endswith((".csv", ".jsonl")):
                empty_audit_column(fresh(name), "fields")


if __name__ == "__main__":
    main()
