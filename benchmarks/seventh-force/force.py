#!/usr/bin/env python3
"""Fenwold and Harrowby Police: a synthetic force data bundle for Custodes, written blind.

python3 benchmarks/seventh-force/force.py --out DIR --seed N [--staff 1500] [--days 120] [--quiet]

Writes DIR/ (the bundle, with truth.csv), DIR.faults.csv (the injected export faults) and DIR.summary.txt.
Python 3 standard library only; the same arguments give byte-identical output.
"""
import argparse
import os
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen.core import DAY, T0, R, ST, build_org, build_shifts, DutyIndex, fz  # noqa: E402
from gen.world import World, MARKERS  # noqa: E402
from gen.scen import Scenarios, MISCONDUCT, BENIGN  # noqa: E402
from gen.activity import Activity, Bundle, Stats, FILES, SYSLABEL, RESENT  # noqa: E402
from gen.export import write_reference, write_truth, write_faults  # noqa: E402


def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "   - "


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--staff", type=int, default=1500)
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if not 300 <= a.staff <= 10000:
        ap.error("--staff must be 300..10000")
    if not 30 <= a.days <= 365:
        ap.error("--days must be 30..365")
    out = a.out.rstrip("/")
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.startswith("audit") or f.endswith(".csv"):
            os.remove(os.path.join(out, f))
    say = (lambda *x: None) if a.quiet else (lambda *x: print(*x, file=sys.stderr, flush=True))
    clock = time.process_time()

    staff, leavers = build_org(a.seed, a.staff, a.days)
    build_shifts(a.seed, staff, a.days)
    say("organisation: %d staff" % len(staff))
    duty = DutyIndex(staff, a.days)
    w = World(a.seed, staff, duty, a.days)
    w.build_population()
    w.build_occurrences()
    say("records: %d persons, %d occurrences, %d assignments" % (len(w.pid), len(w.oid), len(w.a_o)))
    sc = Scenarios(a.seed, w, staff, a.days)
    sc.build()
    w.schedule()
    faults = []
    write_reference(out, a.seed, staff, leavers, w, faults)
    say("reference files written")

    rng = R(a.seed, "audit-faults")
    plan = {k: rng.randint(3, max(4, a.days - 10)) for k in range(7)}
    resend = rng.randint(5, max(6, a.days - 5))
    stats = Stats(w)
    bundle = Bundle(out, w, staff, sc.truth, plan, resend, stats)
    act = Activity(a.seed, w, staff, a.days)
    prog = None if a.quiet else (lambda d: say("day %d/%d, %d events" % (d + 1, a.days, stats.n)) if d % 20 == 19 else None)
    act.run(bundle, sc.by_day, a.quiet, prog)
    bundle.close()
    faults += bundle.faults
    write_truth(out, sc.truth)
    write_faults(out + ".faults.csv", faults)
    summary(out, a, staff, leavers, w, sc, stats, bundle, faults, time.process_time() - clock)
    say("done: %d events, %d faults, %d duplicates, %.1f s CPU" % (stats.n, len(faults), bundle.dups,
                                                                  time.process_time() - clock))


def summary(out, a, staff, leavers, w, sc, st, bundle, faults, secs):
    L = []
    P = L.append
    P("Fenwold and Harrowby Police - synthetic bundle, seed %d, %d staff, %d days from %s" % (
        a.seed, a.staff, a.days, fz(T0)[:10]))
    P("")
    P("== Organisation")
    roles = {}
    for s in staff:
        roles[s.role] = roles.get(s.role, 0) + 1
    P("staff in post %d (+%d historic leavers in staff.csv); roles: %s" % (
        len(staff), len(leavers), ", ".join("%s %d" % kv for kv in sorted(roles.items()))))
    both = sum(1 for s in staff if s.accts == "WE")
    P("accounts on both RMSs: %d staff (%s)" % (both, pct(both, len(staff))))
    stn = {}
    for s in staff:
        stn[s.st] = stn.get(s.st, 0) + 1
    P("stations: %s" % ", ".join("%s %d" % (ST[k][1], v) for k, v in sorted(stn.items())))
    nsh = sum(len(s.shifts) for s in staff)
    nros = sum(len(s.roster) for s in staff)
    P("shifts worked %d, roster rows %d" % (nsh, nros))
    P("")
    P("== Records")
    linked = sum(1 for x in w.links if x[2] == "self")
    P("persons %d (Fenwold RMS %d, Harrowby RMS %d); same real person on both RMSs: %d pairs, %d linked 'self'" % (
        len(w.pid), w.psys.count(0), w.psys.count(1), len(w.twins), linked))
    inocc = [p for p in range(len(w.pid)) if w.p_occs[p]]
    P("persons in occurrences %d, of whom with a vulnerability marker %s" % (
        len(inocc), pct(sum(1 for p in inocc if w.pmk[p]), len(inocc))))
    cats = {}
    for c in w.ocat:
        cats[c] = cats.get(c, 0) + 1
    P("occurrences %d: %s" % (len(w.oid), ", ".join("%s %d" % kv for kv in sorted(cats.items()))))
    P("occurrences still open at the end: %s" % pct(sum(1 for c in w.oclose if c is None), len(w.oid)))
    P("assignments %d, person links %d, declared associations %d" % (len(w.a_o), len(w.links), len(w.declared)))
    P("")
    P("== Audit events (accepted rows; faulted rows excluded)")
    P("total %d; %s" % (st.n, ", ".join("%s %d" % (SYSLABEL[k], st.sys[k]) for k in range(7))))
    P("files: %s; re-sent PNC export %s: %d duplicate rows (counted and skipped, not quarantined)" % (
        ", ".join(FILES), RESENT, bundle.dups))
    P("events per staff member per day: %.1f" % (st.n / len(staff) / a.days))
    P("")
    P("== Realities (measured)")
    P("explained by an assignment link (user assigned to the occurrence, or to an occurrence the person is in, "
      "assignment begun by the time of access + 1 h): %s" % pct(st.expl, st.n))
    P("  by role:")
    for r, v in sorted(st.role.items()):
        P("    %-22s %8d events  explained %s  off roster %s" % (r, v[0], pct(v[1], v[0]), pct(v[2], v[0])))
    P("  by purpose (what the generator was doing):")
    for r, v in sorted(st.purpose.items(), key=lambda x: -x[1][0]):
        P("    %-22s %8d events (%s)  explained %s  off roster %s" % (r, v[0], pct(v[0], st.n), pct(v[1], v[0]), pct(v[2], v[0])))
    P("off roster (no rostered shift covers the time): %s of all events" % pct(st.off, st.n))
    P("workstation kinds: %s (all are force devices)" % ", ".join(
        "%s %s" % (k, pct(v, st.n)) for k, v in sorted(st.device.items(), key=lambda x: -x[1])))
    P("person look-ups %d, of a person with a vulnerability marker %s" % (st.person, pct(st.person_mk, st.person)))
    P("PNC events with no assignment link %s; events with a typed reason %s" % (pct(st.pnc_noocc, st.pnc), pct(st.reason, st.n)))
    P("")
    P("== Truth (offenders and look-alikes)")
    P("%-8s %-27s %-10s %-21s %-36s %6s %6s %8s %8s %8s %7s %5s" % (
        "staff", "scenario", "kind", "role", "team", "events", "share", "explnd", "offrost", "reason", "people", "day1"))
    for tr in sorted(sc.truth, key=lambda x: (x["kind"] != "misconduct", x["scenario"], x["staff"].sid)):
        s = tr["staff"]
        tot = st.by_staff.get(s.i, 0)
        P("%-8s %-27s %-10s %-21s %-36s %6d %6s %8s %8s %8s %7d %5s" % (
            s.sid, tr["scenario"], tr["kind"], s.role, s.team[:36], tr["n"], pct(tr["n"], tot), pct(tr["expl"], tr["n"]),
            pct(tr["off"], tr["n"]), pct(tr["reason"], tr["n"]), len(tr["persons"]),
            (tr["first"][0] - T0) // DAY if tr["first"] else "-"))
    mis = [t for t in sc.truth if t["kind"] == "misconduct"]
    n = sum(t["n"] for t in mis)
    P("columns: events = events of the story; share = of all that member's events; explnd = with an assignment link; "
      "offrost = off roster; reason = with a typed reason; people = distinct persons looked up; day1 = day of the "
      "first event")
    P("misuse events %d (%.3f%% of all events); explained by an assignment link %s; off roster %s" % (
        n, 100.0 * n / st.n, pct(sum(t["expl"] for t in mis), n), pct(sum(t["off"] for t in mis), n)))
    P("")
    P("== Export faults injected: %d (all should be quarantined, nothing else)" % len(faults))
    for f in sorted(faults):
        P("  %s:%d %s [%s] %s" % f)
    with open(out + ".summary.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()
