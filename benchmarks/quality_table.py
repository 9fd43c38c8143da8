"""Writes benchmarks/quality.sh's table: one row per simulated force, then recall per scenario and false alerts per
benign look-alike summed over the seeds. Reads each run's evaluation (custodes evaluate --json) and the explained
share from custodes detect's summary. The kinds of force measured come from PROFILES (space-separated), as
benchmarks/quality.sh passes them."""
import json
import os
import re
import sys
from collections import defaultdict
from statistics import median

out, staff, days, budget, *seeds = sys.argv[1:]
weeks = int(days) / 7


def fmt(value, digits=2):
    return "-" if value is None else f"{value:.{digits}f}"


print(f"Forces of {staff} staff over {days} days, budget {budget} alerts a week (2 per 1,000 staff), "
      f"seeds {', '.join(seeds)}.\n")
print("| profile | seed | recall at budget | precision at budget | uncapped recall | median days | worst days "
      "| alerts a week | explained share |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
totals = {}
for profile in os.environ.get("PROFILES", "tidy realistic independent second third fourth fifth sixth seventh eighth ninth").split():
    scenario_staff, scenario_found, scenario_days = defaultdict(int), defaultdict(int), defaultdict(list)
    false_alerts = defaultdict(int)
    recalls, precisions, all_days = [], [], []
    for seed in seeds:
        run = f"{out}/{profile}-{staff}-{days}-{seed}"
        evaluation = json.load(open(f"{run}.evaluation.json"))
        detect = open(f"{run}.detect.txt").read()
        explained = re.search(r"explained [\d,]+ \(([\d.]+)%\)", detect)
        alerts = evaluation["alerts_within_budget"]
        print(f"| {profile} | {seed} | {fmt(evaluation['recall'])} | {fmt(evaluation['precision'])} "
              f"| {fmt(evaluation['recall_uncapped'])} | {fmt(evaluation['median_days'], 1)} "
              f"| {fmt(evaluation['worst_days'], 1)} | {alerts / weeks:.1f} | {explained.group(1) if explained else '-'}% |")
        recalls.append(evaluation["recall"])
        precisions.append(evaluation["precision"])
        for scenario in evaluation["scenarios"]:
            scenario_staff[scenario["scenario"]] += scenario["staff"]
            scenario_found[scenario["scenario"]] += scenario["detected"]
            scenario_days[scenario["scenario"]] += scenario["days"]
            all_days += scenario["days"]
        for pattern, count in evaluation["false_alerts_by_pattern"].items():
            false_alerts[pattern] += count
    totals[profile] = (scenario_staff, scenario_found, scenario_days, false_alerts, recalls, precisions, all_days)

print("\n| profile | mean recall | mean precision | median days, all detections |")
print("| --- | --- | --- | --- |")
for profile, (_, _, _, _, recalls, precisions, all_days) in totals.items():
    print(f"| {profile} | {fmt(sum(recalls) / len(recalls))} | {fmt(sum(precisions) / len(precisions))} "
          f"| {fmt(median(all_days) if all_days else None, 1)} |")

print("\nRecall per scenario over all seeds (detected of staff, median days):\n")
print("| scenario | " + " | ".join(totals) + " |")
print("| --- | " + " | ".join("---" for _ in totals) + " |")
scenarios = sorted(set().union(*(t[0].keys() for t in totals.values())))
for scenario in scenarios:
    cells = []
    for profile, (staff_by, found_by, days_by, _, _, _, _) in totals.items():
        n, found = staff_by.get(scenario, 0), found_by.get(scenario, 0)
        cells.append("-" if n == 0 else
                     f"{found / n:.2f} ({found} of {n}, {fmt(median(days_by[scenario]) if days_by[scenario] else None, 1)} d)")
    print(f"| {scenario} | " + " | ".join(cells) + " |")

print("\nFalsely alerted staff over all seeds, by benign look-alike (\"none\": staff in no scenario):\n")
print("| look-alike | " + " | ".join(totals) + " |")
print("| --- | " + " | ".join("---" for _ in totals) + " |")
patterns = sorted(set().union(*(t[3].keys() for t in totals.values())))
for pattern in patterns or ["(none)"]:
    print(f"| {pattern} | " + " | ".join(str(t[3].get(pattern, 0)) for t in totals.values()) + " |")
