#!/usr/bin/env bash
# Compares two builds of `custodes` on the same bundle: the event pass of each, in pairs whose order alternates
# (A then B, then B then A), since on a shared virtual machine the second run of a pair was found to differ from the
# first by as much as a change being measured. Prints every run, each build's median and range of reading, of
# explaining and scoring, of the event pass and of the whole run (reference data, reading, sorting, explaining and
# scoring: the event pass leaves out sorting, which a change can move work into), and whether the two builds wrote
# the same alerts and quarantine byte for byte.
#
# Usage: benchmarks/compare.sh BIN_A BIN_B [BUNDLE] [PAIRS] [THREADS]
#   BIN_A, BIN_B: two `custodes` binaries (copy .build/release/custodes aside before changing the code)
#   BUNDLE: default the realistic 160-day force of about ten million events (benchmarks/run.sh 10000 160 7 writes it)
#   PAIRS: default 4; THREADS: default 1 (passed to `custodes detect --threads`)
# Results and the machine are recorded in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,11p' "$0"; exit 2; }
bin_a=$1
bin_b=$2
bundle=${3:-.benchmarks/force-10000-160-7-realistic}
pairs=${4:-4}
threads=${5:-1}
[ -f "$bundle/staff.csv" ] || { echo "compare: no bundle at $bundle (benchmarks/run.sh 10000 160 7 writes it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); bundle $bundle; $pairs pairs; --threads $threads"

run() { # label binary
  local line
  # Progress goes to stderr, kept aside and shown only if the run fails.
  if ! "$2" detect "$bundle" --out "$work/$1.jsonl" --quarantine "$work/$1.csv" --budget 20 --show 0 \
    --pseudonym-key "$work/key" --threads "$threads" > "$work/$1.out" 2> "$work/$1.err"; then
    echo "compare: $2 failed:" >&2; tail -5 "$work/$1.err" >&2; exit 1
  fi
  line=$(grep '^Time' "$work/$1.out")
  # "reference data F s; ... read and parsed in R s, sorted by time in S s, explained and scored in D s; event pass
  # ... N events/s"
  echo "$line" | sed -E 's/.*reference data ([0-9.]+) s.*parsed in ([0-9.]+) s.*sorted by time in ([0-9.]+) s.*scored in ([0-9.]+) s.*pass \(parse, explain, score\) ([0-9,]+).*/\2 \4 \5 \1 \3/' \
    >> "$work/$1.times"
  echo "  $1: $(tail -1 "$work/$1.times" | awk '{printf "read %s s, explain and score %s s, event pass %s events/s; whole run %.1f s (sorting %s s)", $1, $2, $3, $1 + $2 + $4 + $5, $5}')"
}

# The first run makes the key; the rest share it, so the two builds pseudonymise alike.
for pair in $(seq 1 "$pairs"); do
  echo "pair $pair"
  if [ $((pair % 2)) -eq 1 ]; then run A "$bin_a"; run B "$bin_b"; else run B "$bin_b"; run A "$bin_a"; fi
done

python3 - "$work" <<'PY'
import statistics, sys
work = sys.argv[1]
for label in ("A", "B"):
    rows = [line.split() for line in open(f"{work}/{label}.times") if line.strip()]
    read = [float(r[0]) for r in rows]
    detect = [float(r[1]) for r in rows]
    rate = [int(r[2].replace(",", "")) for r in rows]
    whole = [sum(float(x) for x in (r[0], r[1], r[3], r[4])) for r in rows]
    print(f"{label}: read median {statistics.median(read):.1f} s ({min(read)}-{max(read)}); explain and score median "
          f"{statistics.median(detect):.1f} s ({min(detect)}-{max(detect)}); event pass median "
          f"{int(statistics.median(rate)):,} events/s ({min(rate):,}-{max(rate):,}); whole run median "
          f"{statistics.median(whole):.1f} s ({min(whole):.1f}-{max(whole):.1f})")
PY
if cmp -s "$work/A.jsonl" "$work/B.jsonl" && cmp -s "$work/A.csv" "$work/B.csv"; then
  echo "alerts and quarantine: identical"
else
  echo "alerts and quarantine: DIFFERENT"
  exit 1
fi
