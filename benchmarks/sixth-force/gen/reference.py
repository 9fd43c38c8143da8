"""The reference files (staff, people, occurrences, rosters, links, assignments, declarations) and truth.csv,
each with its export's own column order and extra columns."""
from .csvtext import q, row
from .exporters import Writer
from .people import MARKERS

_GRADE = {"response_officer": "PC", "neighbourhood_officer": "PC", "detective": "DC", "safeguarding_officer": "DC",
          "custody_officer": "PS", "supervisor": "PS", "pcso": "PCSO", "special_constable": "SC",
          "call_handler": "Staff C", "dispatcher": "Staff D", "police_staff": "Staff", "intelligence_analyst": "Staff E",
          "ccu_officer": "DS"}


def _write(out, name, header, rows, faults):
    w = Writer("%s/%s" % (out, name), ",".join(header))
    planned = faults.for_file(name) if faults else []
    slots = {}
    n = len(rows)
    for f in planned:
        slots.setdefault(f.position(n, rows), []).append(f)
    for k, r in enumerate(rows):
        for f in slots.get(k, ()):
            f.write(w)
        w.write(r)
    for f in slots.get(n, ()):
        f.write(w)
    w.close()
    return n


def write_all(ctx, out, faults, leavers):
    clock, pp, world = ctx.clock, ctx.people, ctx.world
    counts = {}
    staff_rows = []
    for s in sorted(ctx.staff + leavers, key=lambda s: s.sid):
        grade = _GRADE[s.role]
        if s.role == "supervisor" and s.unit in ("cmu", "ppiu", "fib"):
            grade = "DS"
        if s.role == "supervisor" and s.unit == "fcr_ch":
            grade = "Staff F"
        end = clock.date(s.end_day) if s.end_day is not None else ""
        staff_rows.append(row((s.sid, s.name, s.collar, grade, s.role, s.team, s.station, ctx.unit_label(s.unit),
                               clock.date(s.start_day), end, s.home_pc,
                               "hybrid" if s.hybrid else ("part-time" if s.state.get("part_time") else "full-time"))))
    counts["staff.csv"] = _write(out, "staff.csv", ["staff_id", "display_name", "collar_number", "grade", "role", "team",
                                                    "station", "department", "start_date", "end_date", "home_postcode",
                                                    "working_pattern"], staff_rows, faults)
    person_rows = []
    for p in range(len(pp)):
        mk = pp.mk[p]
        markers = ";".join(m for i, m in enumerate(MARKERS) if mk >> i & 1)
        by = "" if pp.by_blank[p] else str(pp.by[p])
        person_rows.append(",".join((pp.pid(p), q(pp.given[p]), q(pp.family[p]), pp.sex[p], by, pp.pc[p], markers)))
    counts["persons.csv"] = _write(out, "persons.csv", ["person_id", "given_name", "family_name", "sex", "birth_year",
                                                        "postcode", "markers"], person_rows, faults)
    occ_rows, op_rows = [], []
    for o in world.occs:
        occ_rows.append(",".join((o.oid, o.cat, clock.z(o.opened), clock.z(o.closed) if o.closed is not None else "",
                                  q(o.station), "CAD " + o.cad if o.cat not in ("custody", "stop_check") else "",
                                  ctx.geo.sectors[o.area].code if o.area is not None else "")))
        for p, r in o.persons:
            op_rows.append("%s,%s,%s" % (o.oid, pp.pid(p), r))
    counts["occurrences.csv"] = _write(out, "occurrences.csv", ["occurrence_id", "category", "opened_at", "closed_at",
                                                                "station", "cad_ref", "sector"], occ_rows, faults)
    counts["occurrence_persons.csv"] = _write(out, "occurrence_persons.csv", ["occurrence_id", "person_id", "role"],
                                              op_rows, faults)
    roster_rows = []
    for s in ctx.staff:
        for sh in s.shifts:
            if sh.rostered and 0 <= sh.day < clock.days:
                roster_rows.append(",".join((s.sid, sh.kind, clock.local(sh.start), clock.local(sh.rend), "DMS")))
    counts["rosters.csv"] = _write(out, "rosters.csv", ["staff_id", "kind", "start", "end", "source"], roster_rows,
                                   faults)
    link_rows = ["%s,%s,%s" % (pp.pid(a), pp.pid(b), rel) for a, b, rel in pp.links]
    counts["person_links.csv"] = _write(out, "person_links.csv", ["person_id", "linked_person_id", "relation"],
                                        link_rows, faults)
    staff = ctx.staff
    asg_rows = []
    for oi, si, role, start, end in world.assignments:
        asg_rows.append(",".join((world.occs[oi].oid, staff[si].sid, role, clock.local(start),
                                  clock.local(end) if end is not None else "")))
    counts["assignments.csv"] = _write(out, "assignments.csv", ["occurrence_id", "staff_id", "role", "start", "end"],
                                       asg_rows, faults)
    dec_rows = ["%s,%s,%s,%s" % (staff[si].sid, pp.pid(p), rel, date) for si, p, rel, date in world.declared]
    counts["declared_associations.csv"] = _write(out, "declared_associations.csv",
                                                 ["staff_id", "person_id", "relation", "declared_on"], dec_rows, faults)
    return counts


def write_truth(ctx, out, cast, sink):
    w = Writer("%s/truth.csv" % out, "staff_id,scenario,first_event_id,first_at,kind")
    rows = 0
    for sc in cast:
        first = sink.first.get(sc.tag)
        if first is None:
            continue
        w.write(",".join((sc.st.sid, sc.name, first[1], ctx.clock.z(first[0]), sc.kind)))
        rows += 1
    w.close()
    return rows
