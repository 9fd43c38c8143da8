#!/usr/bin/env python3
"""The triage queue at 100,000 alerts: how long the pages an analyst pages through take to serve.

Usage: benchmarks/queue.sh (which prepares the store and starts the server), or
       benchmarks/queue.py BASE_URL USERNAME TEMPORARY_PASSWORD [REPEATS]

Signs in through the real flow (password, TOTP enrolment, new password), then times each queue view REPEATS times
over HTTP on loopback and prints the median and the slowest. Only the standard library is used.
"""
import os, re, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from signin import sign_in


def main():
    base, username, password = sys.argv[1:4]
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    opener = sign_in(base, username, password)

    def get(path):
        return opener.open(base + path).read().decode()

    first = get("/alerts")
    total = int(re.search(r"([0-9]+) matching alert", first).group(1))
    pages = (total + 49) // 50
    print(f"queue: {total:,} open alerts visible, {pages:,} pages of 50")
    views = [
        ("first page, highest risk first", "/alerts"),
        ("middle page, highest risk first", f"/alerts?page={pages // 2}"),
        ("last page, highest risk first", f"/alerts?page={pages}"),
        ("first page, oldest first", "/alerts?sort=age"),
        ("first page, new first", "/alerts?sort=state"),
        ("filtered by indicator", "/alerts?indicator=off_duty"),
        ("filtered by state (decided)", "/alerts?state=decided"),
        ("JSON API, first page", "/api/v1/alerts"),
    ]
    print(f"{'view':<36} {'median ms':>10} {'max ms':>8}")
    for label, path in views:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            get(path)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{label:<36} {statistics.median(times):>10.1f} {max(times):>8.1f}")


if __name__ == "__main__":
    main()
