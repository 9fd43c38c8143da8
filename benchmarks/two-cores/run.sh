#!/usr/bin/env bash
# The machine's own ceiling for two cores: each loop of two_cores.c alone and as two copies at once, alternating,
# and how much slower a copy runs beside the other (1.00: not at all; the two cores then give twice one core's work).
# Detection's threads both compute and look up large tables, so their ratio of two threads to one core can at best
# approach what this prints for working sets of their size (docs/performance.md).
#
# Usage: benchmarks/two-cores/run.sh [ROUNDS]     (default 3)
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/two_cores" two_cores.c
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); $rounds rounds"
for load in "compute" "memory 4" "memory 8" "memory 16" "memory 64" "memory 256" "chain 8" "chain 64"; do
  : > "$work/alone"; : > "$work/beside"
  for round in $(seq 1 "$rounds"); do
    # shellcheck disable=SC2086
    "$work/two_cores" $load | cut -d' ' -f1 >> "$work/alone"
    # shellcheck disable=SC2086
    { "$work/two_cores" $load & "$work/two_cores" $load; wait; } | cut -d' ' -f1 >> "$work/beside"
  done
  python3 - "$load" "$work/alone" "$work/beside" <<'PY'
import statistics, sys
alone = [float(x) for x in open(sys.argv[2])]
beside = [float(x) for x in open(sys.argv[3])]
a, b = statistics.median(alone), statistics.median(beside)
print(f"{sys.argv[1]:>11}: alone {a:.3f} s, beside another {b:.3f} s (median), each {b / a:.2f} times slower;"
      f" two cores give {2 * a / b:.2f} times one")
PY
done
