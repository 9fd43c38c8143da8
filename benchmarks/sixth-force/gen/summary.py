"""DIR.summary.txt: what was generated and what it measures like (explained share by role, events per system,
the cast)."""
from collections import Counter


def _pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "    -"


def write(path, ctx, sink, export, cast, counts, faults_n, elapsed, args):
    lines = []
    add = lines.append
    add("Northmarsh Constabulary (sixth force) - seed %d, %d staff, %d days from %s" %
        (args.seed, ctx.n_staff, ctx.clock.days, ctx.start))
    add("")
    add("Staff by department and role")
    by_unit = Counter((s.unit, s.role) for s in ctx.staff)
    for (u, r), n in sorted(by_unit.items()):
        add("  %-48s %-22s %5d" % (ctx.unit_label(u), r, n))
    add("")
    add("Records")
    for name, n in counts.items():
        add("  %-28s %9d rows" % (name, n))
    add("")
    add("Audit events per system (as generated; %d in all)" % sink.total)
    for sysn, n in sorted(sink.by_system.items(), key=lambda x: -x[1]):
        add("  %-18s %9d  %s" % (sysn, n, _pct(n, sink.total)))
    add("Audit events per file (the re-sent file repeats days already in audit_rms.csv)")
    for name, n in sorted(export.counts.items()):
        add("  %-28s %9d" % (name, n))
    add("")
    add("Explained share, measured by this generator:")
    add("  link   = the user holds or held (start no later than an hour after the access) an assignment to the")
    add("           occurrence opened, or to an occurrence the person opened appears in")
    add("  broad  = link, or the record belongs to an occurrence handled at or raised in the user's own station")
    add("           or sector that is open or closed within the last 7 days")
    add("  off-roster = the access falls outside every rostered shift (with an hour either side)")
    add("  marked = share of person and custody-image look-ups whose person carried any marker at that moment")
    add("  %-24s %9s %7s %7s %11s %7s" % ("role", "events", "link", "broad", "off-roster", "marked"))
    tot = [0, 0, 0, 0, 0, 0]
    for role, v in sorted(sink.by_role.items(), key=lambda x: -x[1][0]):
        n, ex, br, off, pn, pm = v
        add("  %-24s %9d %7s %7s %11s %7s" % (role, n, _pct(ex, n), _pct(br, n), _pct(off, n), _pct(pm, pn)))
        for i, x in enumerate(v):
            tot[i] += x
    add("  %-24s %9d %7s %7s %11s %7s" % ("all", tot[0], _pct(tot[1], tot[0]), _pct(tot[2], tot[0]),
                                          _pct(tot[3], tot[0]), _pct(tot[5], tot[4])))
    add("")
    add("  %-48s %9s %7s %7s %11s %7s" % ("department", "events", "link", "broad", "off-roster", "marked"))
    for u, (n, ex, br, off, pn, pm) in sorted(sink.by_unit.items(), key=lambda x: -x[1][0]):
        add("  %-48s %9d %7s %7s %11s %7s" % (ctx.unit_label(u), n, _pct(ex, n), _pct(br, n), _pct(off, n),
                                              _pct(pm, pn)))
    add("")
    shown = [c for c in cast if sink.first.get(c.tag)]
    add("Cast (truth.csv): %d misconduct, %d benign" % (sum(1 for c in shown if c.kind == "misconduct"),
                                                        sum(1 for c in shown if c.kind == "benign")))
    if len(shown) < len(cast):
        add("  (%d cast member(s) had no events in the period and are left out of truth.csv)" % (len(cast) - len(shown)))
    add("  %-8s %-22s %-34s %-28s %-10s %6s  %s" % ("staff", "role", "team", "scenario", "kind", "events", "first"))
    for c in cast:
        first = sink.first.get(c.tag)
        add("  %-8s %-22s %-34s %-28s %-10s %6d  %s %s" % (c.st.sid, c.st.role, c.st.team[:34], c.name, c.kind,
                                                           sink.per_tag.get(c.tag, 0),
                                                           ctx.clock.z(first[0]) if first else "-", c.note))
    add("")
    add("Injected export faults: %d (listed in %s.faults.csv)" % (faults_n, args.out.rstrip("/")))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return lines
