#!/usr/bin/env bash
# How one build scales from one core to several: the event pass on one core and with `--threads N`, in pairs whose
# order alternates (one core then N threads, then N threads then one core), since on a shared virtual machine the
# speed drifts within minutes by as much as the ratio being measured. Prints every pair's two event passes and their
# ratio (N threads over one core, the figure issue 17 asks to reach 1.8 for two threads), the median and range of
# the ratios and of each side, and whether one core and N threads wrote the same alerts and quarantine byte for
# byte, as they must.
#
# Usage: benchmarks/scaling.sh BIN [BUNDLE] [PAIRS] [THREADS]
#   BIN: a `custodes` binary (a release build: swift build -c release --product custodes)
#   BUNDLE: default the realistic 160-day force of about ten million events (benchmarks/run.sh 10000 160 7 writes it)
#   PAIRS: default 6; THREADS: default 2
# Results and the machine are recorded in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,13p' "$0"; exit 2; }
bin=$1
bundle=${2:-.benchmarks/force-10000-160-7-realistic}
pairs=${3:-6}
threads=${4:-2}
[ -f "$bundle/staff.csv" ] || { echo "scaling: no bundle at $bundle (benchmarks/run.sh 10000 160 7 writes it)" >&2; exit 1; }
[ "$threads" -ge 2 ] || { echo "scaling: THREADS must be 2 or more" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); bundle $bundle; $pairs pairs; one core against --threads $threads"

run() { # threads; prints the event pass in events/s
  local out=$work/t$1
  # Progress goes to stderr, kept aside and shown only if the run fails. The first run makes the key; the rest
  # share it, so that every run pseudonymises alike.
  if ! "$bin" detect "$bundle" --out "$out.jsonl" --quarantine "$out.csv" --budget 20 --show 0 \
    --pseudonym-key "$work/key" --threads "$1" > "$out.out" 2> "$out.err"; then
    echo "scaling: $bin --threads $1 failed:" >&2; tail -5 "$out.err" >&2; exit 1
  fi
  grep '^Time' "$out.out" | sed -E 's/.*pass \(parse, explain, score\) ([0-9,]+).*/\1/' | tr -d ,
}

for pair in $(seq 1 "$pairs"); do
  if [ $((pair % 2)) -eq 1 ]; then one=$(run 1); many=$(run "$threads"); else many=$(run "$threads"); one=$(run 1); fi
  echo "$one $many" >> "$work/pairs"
  python3 -c "import sys; a, b = int(sys.argv[2]), int(sys.argv[3])
print(f'pair {sys.argv[1]}: one core {a:,} events/s, {sys.argv[4]} threads {b:,} events/s, ratio {b / a:.2f}')" \
    "$pair" "$one" "$many" "$threads"
done

python3 - "$work/pairs" "$threads" <<'PY'
import statistics, sys
rows = [tuple(int(x) for x in line.split()) for line in open(sys.argv[1]) if line.strip()]
threads = sys.argv[2]
one = [r[0] for r in rows]
many = [r[1] for r in rows]
ratios = [b / a for a, b in rows]
print(f"one core: median {int(statistics.median(one)):,} events/s ({min(one):,}-{max(one):,}); "
      f"{threads} threads: median {int(statistics.median(many)):,} events/s ({min(many):,}-{max(many):,})")
print(f"ratio: median {statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f}) over {len(rows)} pairs")
PY
if cmp -s "$work/t1.jsonl" "$work/t$threads.jsonl" && cmp -s "$work/t1.csv" "$work/t$threads.csv"; then
  echo "alerts and quarantine, one core and $threads threads: identical"
else
  echo "alerts and quarantine, one core and $threads threads: DIFFERENT"
  exit 1
fi
