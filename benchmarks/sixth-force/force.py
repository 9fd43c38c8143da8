#!/usr/bin/env python3
"""Northmarsh Constabulary: a synthetic force bundle for Custodes, written blind (see README.md).

    python3 benchmarks/sixth-force/force.py --out DIR --seed N [--staff 1500] [--days 120] [--quiet]
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen.main import run  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--out", required=True, help="bundle folder to write (DIR.faults.csv and DIR.summary.txt beside it)")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--staff", type=int, default=1500, help="300..10000")
    ap.add_argument("--days", type=int, default=120, help="30..365")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if not 300 <= args.staff <= 10000:
        ap.error("--staff must be between 300 and 10000")
    if not 30 <= args.days <= 365:
        ap.error("--days must be between 30 and 365")
    run(args)


if __name__ == "__main__":
    main()
