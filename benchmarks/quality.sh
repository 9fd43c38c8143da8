#!/usr/bin/env bash
# Detection quality on forces the rules were never tuned on: both simulator profiles (tidy, realistic), the
# independent force (benchmarks/independent-force, a generator written apart from Custodes from the data contract
# alone) and the second independent force (benchmarks/second-force, written later the same way, without reading the
# first or the rules), the third (benchmarks/third-force, a metropolitan force), the fourth (benchmarks/fourth-force,
# a coastal force with a ferry port and a tourist season), the fifth (benchmarks/fifth-force, a shire force whose
# teams are departments), the sixth (benchmarks/sixth-force, a force that investigates from a desk-based crime
# management unit and safeguards through a multi-agency hub) and the seventh (benchmarks/seventh-force, a merged force
# still running two records systems side by side, with a university city and a rural east) and the eighth
# (benchmarks/eighth-force, a port city with an airport, a prison, a joint control room and a public protection unit,
# whose first export leaves out some rosters, most attendances' ends and all links but the unit's) and the ninth
# (benchmarks/ninth-force, a rural force of small stations and tiny teams whose officers police the villages they
# live in, with offenders of both sexes and men and boys among those sought out), each written the
# same way, blind to the others and to the rules, times the seeds given (default 1001-1005; tuning uses seeds below 100),
# each a force of STAFF staff over DAYS days, detected with the built-in rules at a budget of 2 alerts per 1,000
# staff per week and measured against the simulator's truth. Prints a Markdown table (the one in docs/detection.md)
# and keeps every run's output in .benchmarks/quality/.
#
# Usage: benchmarks/quality.sh [STAFF] [DAYS] [SEED...]     (default: 1500 staff, 120 days, seeds 1001-1005)
#   PROFILES="realistic second" benchmarks/quality.sh ...   measures only those kinds of force
# About a minute per force on the release build (the independent force takes about 40 s more to generate).
set -euo pipefail
cd "$(dirname "$0")/.."
staff=${1:-1500}
days=${2:-120}
shift $(( $# < 2 ? $# : 2 ))
if [ $# -gt 0 ]; then seeds=("$@"); else seeds=(1001 1002 1003 1004 1005); fi
budget=$(( (staff * 2 + 999) / 1000 ))
out=.benchmarks/quality
mkdir -p "$out"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" >&2
swift build -c release --product custodes >&2
bin=.build/release/custodes
[ -f "$out/pseudonym.key" ] || head -c 32 /dev/urandom | base64 > "$out/pseudonym.key"

read -r -a profiles <<< "${PROFILES:-tidy realistic independent second third fourth fifth sixth seventh eighth ninth}"
for profile in "${profiles[@]}"; do
  case $profile in
    tidy|realistic|independent|second|third|fourth|fifth|sixth|seventh|eighth|ninth) ;;
    *) echo "quality: unknown profile '$profile' (tidy, realistic, independent, second, third, fourth, fifth, sixth, seventh, eighth or ninth)" >&2; exit 2 ;;
  esac
  for seed in "${seeds[@]}"; do
    run="$out/$profile-$staff-$days-$seed"
    if [ ! -f "$run/truth.csv" ]; then
      if [ -f "benchmarks/$profile-force/force.py" ]; then
        python3 "benchmarks/$profile-force/force.py" --out "$run" --seed "$seed" --staff "$staff" --days "$days" --quiet
      else
        "$bin" simulate --out "$run" --staff "$staff" --days "$days" --seed "$seed" --profile "$profile" > /dev/null
      fi
    fi
    "$bin" detect "$run" --out "$run.alerts.jsonl" --budget "$budget" --pseudonym-key "$out/pseudonym.key" \
      --quarantine "$run.quarantine.csv" --show 0 > "$run.detect.txt"
    "$bin" evaluate "$run" --alerts "$run.alerts.jsonl" --json > "$run.evaluation.json"
    echo "quality: $profile seed $seed measured" >&2
  done
done

PROFILES="${profiles[*]}" python3 benchmarks/quality_table.py "$out" "$staff" "$days" "$budget" "${seeds[@]}"
