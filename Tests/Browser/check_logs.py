"""Checks the demo server's log after the browser journey: every line is one JSON object, requests were logged with
their ids, and nothing personal or secret is in it.

Usage: check_logs.py LOG DEMO_FOLDER SECRETS_JSON ACCOUNTS_TXT

What must never appear: the names, collar numbers and identifiers of staff and of people in the simulated bundle (the
originals behind pseudonyms), the deployment key, the accounts' temporary and chosen passwords, TOTP secrets,
recovery codes, invitation codes, receipts and session cookies the journey used.
"""

import csv
import json
import re
import sys


def forbidden_values(folder, secrets_path, accounts_path):
    values = {}
    with open(f"{folder}/bundle/staff.csv", newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            for field in ("staff_id", "collar_number", "display_name", "home_postcode"):
                values[row.get(field) or ""] = f"staff {field}"
    with open(f"{folder}/bundle/persons.csv", newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            for field in ("person_id", "family_name", "postcode"):
                values[row.get(field) or ""] = f"person {field}"
            values[f"{row.get('given_name')} {row.get('family_name')}"] = "person full name"
    with open(f"{folder}/custodes.key", encoding="utf-8") as file:
        values[file.read().strip()] = "deployment key"
    with open(secrets_path, encoding="utf-8") as file:
        for value in json.load(file):
            values[value] = "a secret the journey typed or was shown"
    with open(accounts_path, encoding="utf-8") as file:
        for match in re.finditer(r"temporary password (\S+)", file.read()):
            values[match.group(1)] = "a temporary password"
    # Too short to mean anything on their own (and found inside ordinary words).
    return {value: kind for value, kind in values.items() if len(value) >= 4}


def main(log_path, folder, secrets_path, accounts_path):
    with open(log_path, encoding="utf-8") as file:
        lines = file.read().splitlines()
    problems = []
    requests = 0
    # What is searched: every value but the server's own numbers (time, status, milliseconds, request id), which are
    # never personal but can equal a collar number ("ms": 1031) by chance.
    searched = []
    for number, line in enumerate(lines, 1):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            problems.append(f"line {number} is not JSON: {line[:120]}")
            searched.append(line)  # searched whole, and kept in place so line numbers stay the file's
            continue
        searched.append(" ".join(f"{key}={value}" for key, value in entry.items()
                                 if key not in ("time", "status", "ms", "hb.request.id")))
        if entry.get("message") == "request":
            requests += 1
            if "hb.request.id" not in entry and "request_id" not in entry:
                problems.append(f"line {number}: a request line without its request id")
            if "{" not in entry.get("route", "{") and re.search(r"PSN-|STF-|/\d+(/|$)", entry.get("route", "")):
                problems.append(f"line {number}: a route label carries an identifier: {entry.get('route')}")
    if requests < 50:
        problems.append(f"only {requests} request lines were logged: the journey gives well over 50")
    text = "\n".join(searched)
    forbidden = forbidden_values(folder, secrets_path, accounts_path)
    for value, kind in forbidden.items():
        # Names as whole words, case as written; codes and secrets anywhere.
        pattern = r"(?<![A-Za-z0-9])" + re.escape(value) + r"(?![A-Za-z0-9])"
        match = re.search(pattern, text)
        if match:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"line {line} carries {kind}: {value!r}")
    print(f"server log: {len(lines)} lines, {requests} request lines, checked for {len(forbidden)} personal or secret "
          f"values", file=sys.stderr)
    for problem in problems[:40]:
        print("server log: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
