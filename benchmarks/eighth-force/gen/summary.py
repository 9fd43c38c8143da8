"""DIR.summary.txt: what was generated and the realities measured on the bundle."""
from .organisation import UNITS


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "n/a"


def realities_rows(M):
    """(label, value) pairs: the realities table used in the summary and the README."""
    rec = M["record"]
    return [
        ("audit events (after duplicates)", f"{M['events']:,}"),
        ("duplicate deliveries skipped", f"{M['dups']:,}"),
        ("explained, tier 1 (assignment or PPU link), of person+occurrence look-ups", pct(M["expl1"], rec)),
        ("explained, tier 2 (+ own station's open occurrences)", pct(M["expl2"], rec)),
        ("look-ups of people with at least one marker, of person look-ups", pct(M["marked"], M["person"])),
        ("marked among unexplained (tier 1) person look-ups", pct(M["marked_unexpl"], M["unexpl1"])),
        ("events by staff with no roster rows at all", pct(M["by_unrostered"], M["events"])),
        ("off-roster events (rostered staff, no tolerance)", pct(M["offr0"], M["by_rostered"])),
        ("off-roster events (rostered staff, 1 h tolerance)", pct(M["offr1"], M["by_rostered"])),
        ("events from force devices (everything but the app on personal phones)",
         pct(M["events"] - M["by_device"].get("personal handheld (app)", 0), M["events"])),
        ("events from the app on personal handhelds", pct(M["by_device"].get("personal handheld (app)", 0), M["events"])),
        ("events with a typed reason", pct(M["reason"], M["events"])),
        ("events opening contact, address or photo", pct(M["sensitive"], M["events"])),
        ("staff with no rows in rosters.csv", f"{M['staff_without_roster']} of {M['staff']}"),
        ("attending assignments exported without an end", pct(M["attending_without_end_share"], 1)),
        ("occurrences still open at export and older than 28 days",
         f"{M['occurrences_open_over_28d_at_export']:,} of {M['occurrences']:,}"),
        ("persons with a marker (persons.csv)", pct(M["persons_marked_share"], 1)),
        ("persons appearing in person_links (PPU only)", pct(M["persons_in_links_share"], 1)),
    ]


def write_summary(path, args, sim, counts, scen, truth, aw, faults_n, unapplied, M, declared):
    L = []
    w = L.append
    w("Varrowmouth & Kell Vale Police - synthetic bundle (eighth force)")
    w(f"seed {args.seed}, {args.staff} staff, {args.days} days from 2025-03-03 (42 days of warm-up not exported)")
    w("")
    w("Generated")
    w(f"  staff rows: {len(sim.staff)} (+ historic leavers); persons: {M['persons']:,}; "
      f"occurrences: {M['occurrences']:,}; person links (PPU): {M['person_links']:,}")
    w(f"  audit events written: {aw.n_events:,} + {aw.n_dups:,} re-delivered duplicates; "
      f"events lost at a day boundary: {sim.dropped}")
    w("  per file (after duplicates): " + ", ".join(f"{k} {v:,}" for k, v in sorted(M["by_file"].items())))
    w("  per system: " + ", ".join(f"{k} {v:,}" for k, v in sorted(M["by_system"].items(), key=lambda x: -x[1])))
    w(f"  declared associations: {len(declared)}")
    w(f"  injected export faults: {faults_n} (listed in {args.out}.faults.csv)"
      + (f"; planned but not placed: {', '.join(unapplied)}" if unapplied else ""))
    w("")
    w("Units (staff at export)")
    for k in UNITS:
        if counts.get(k):
            w(f"  {k:16s} {counts[k]:5d}  {UNITS[k]['role']:22s} {UNITS[k]['pat']:13s} "
              f"{'rostered' if UNITS[k]['rostered'] else 'NO ROSTER ROWS'}")
    w("")
    w("Cast (truth.csv)")
    w(f"  {'staff':8s} {'kind':10s} {'scenario':36s} {'role':22s} {'start':>5s} {'first_at':21s} "
      f"{'tagged':>6s} {'all':>6s} share")
    per_staff = aw.per_staff
    for sc in scen:
        s = sim.staff[sc.actor] if sc.actor is not None else None
        if s is None:
            continue
        tr = truth.get(sc.tag)
        n = aw.tag_n.get(sc.tag, 0)
        tot = per_staff[s.idx]
        w(f"  {s.sid:8s} {sc.kind:10s} {sc.name:36s} {s.role + '/' + s.unit:22s} {sc.start:5d} "
          f"{tr[1] if tr else '-':21s} {n:6d} {tot:6d} {pct(n, tot)}")
    w("")
    w("Cast, measured on the bundle: all their events; person look-ups; female and women 18-35 among them;")
    w("unexplained (tier 1) person look-ups; off-roster events; events from the app on a personal phone")
    for sc in scen:
        if sc.actor is None:
            continue
        s = sim.staff[sc.actor]
        v = M["watch"].get(s.sid)
        if not v:
            continue
        w(f"  {s.sid:8s} {sc.name:36s} events {v[0]:5d}  persons {v[1]:5d}  female {pct(v[2], v[1]):>6s}  "
          f"18-35F {pct(v[3], v[1]):>6s}  unexpl {pct(v[4], v[1]):>6s}  off-roster {pct(v[5], v[0]):>6s}  "
          f"app {pct(v[6], v[0]):>6s}")
    w("")
    w("Realities measured on the bundle (definitions in gen/measure.py)")
    for k, v in realities_rows(M):
        w(f"  {k:78s} {v}")
    w("")
    w("  devices: " + ", ".join(f"{k} {pct(v, M['events'])}" for k, v in
                                sorted(M["by_device"].items(), key=lambda x: -x[1])))
    w("  typed reasons by system: " + ", ".join(f"{k} {pct(v[1], v[0])}" for k, v in
                                                sorted(M["reason_by_system"].items())))
    w("  staff without roster rows, by team: " + ", ".join(f"{t} {n}" for t, n in M["no_roster_teams"][:12]))
    w("  explained by role (tier 1 / tier 2): " + ", ".join(
        f"{k} {pct(v[1], v[0])}/{pct(v[2], v[0])}" for k, v in sorted(M["role_explained"].items())))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")
    return L
