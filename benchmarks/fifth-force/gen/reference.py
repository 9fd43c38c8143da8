"""Reference files (staff, persons, occurrences, rosters, links, assignments, declarations), with their faults."""
from . import clock, names, places
from .csvout import Out, row
from .rng import stream

STAFF_H = ["staff_id", "collar_number", "display_name", "role", "team", "station", "start_date", "end_date",
           "home_postcode", "department"]
DEPT = {"Contact Centre": "Contact Management", "Custody": "Custody and Criminal Justice",
        "Criminal Justice": "Custody and Criminal Justice", "CID": "Crime", "Public Protection": "Crime",
        "Intelligence": "Crime", "Records and Disclosure": "Information Management",
        "Professional Standards": "Professional Standards", "Enquiry Office": "Local Policing"}


def _date(t):
    return clock.date(t)


def declarations(w):
    r = stream(w.seed, "declared")
    cast = {c["sid"] for c in w.cast}
    for s in w.staff:
        if s.sid in cast or r.random() >= .015:
            continue
        p = r.choice(w.pools["adult"][s.si])
        w.declared.append((s.sid, p.pid, r.choice(["family", "family", "ex_partner", "friend", "neighbour",
                                                   "sibling"]),
                           f"{r.randint(2019, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"))


def write(w, d, faults):
    r = stream(w.seed, "reference-faults")
    cast = {c["sid"] for c in w.cast}

    def at(n):
        return r.randrange(n // 5, max(n // 5 + 1, n - 1))

    # staff.csv: an unknown role, and a second row with the id of an earlier one
    o = Out(f"{d}/staff.csv", STAFF_H)
    staff = sorted(w.staff, key=lambda s: s.sid)
    bad_role, dup = at(len(staff)), at(len(staff))
    victim = next(s for s in staff[dup // 2:dup] if s.sid not in cast)
    for i, s in enumerate(staff):
        o.write(row([s.sid, s.collar, s.name, s.role, s.team, s.station, _date(s.start),
                     _date(s.end) if s.end else "", s.home, DEPT.get(s.team, "Local Policing")]))
        if i == bad_role:
            line = o.write(row(["VM19001", "2231", "Gareth Hollis", "sergeant", "Response North", "Vellmoor",
                                "2009-04-01", "", "", "Local Policing"]))
            faults.append(("staff.csv", line, "role", "unknown_value", "role 'sergeant' (a rank, not a role)"))
        if i == dup:
            line = o.write(row([victim.sid, victim.collar, victim.name + "-" + r.choice(names.FAMILY), victim.role,
                                victim.team, victim.station, _date(victim.start), "", "", "Local Policing"]))
            faults.append(("staff.csv", line, "staff_id", "duplicate_id", "HR re-export after a name change"))
    o.close()

    o = Out(f"{d}/persons.csv", ["person_id", "family_name", "given_name", "sex", "birth_year", "postcode", "markers"])
    n = len(w.persons)
    f1, f2 = at(n), at(n)
    for i, p in enumerate(w.persons):
        o.write(row([p.pid, p.family, p.given, p.sex, "" if (i * 37) % 25 == 0 else p.by, p.postcode,
                     ";".join(sorted(p.markers))]))
        if i == f1:
            line = o.write(row(["VN0999001", "Thwaite", "Edith", "female", "1856", "QV12 4RT", ""]))
            faults.append(("persons.csv", line, "birth_year", "invalid_number", "birth year 1856"))
        if i == f2:
            line = o.write(row(["VN0999002", "Padgett", "Lorna", "female", "1979", "QV5 2HB",
                                "vulnerable;mental_health"]))
            faults.append(("persons.csv", line, "markers", "unknown_value", "marker 'vulnerable'"))
    o.close()

    o = Out(f"{d}/occurrences.csv", ["occurrence_id", "category", "opened_at", "closed_at", "station", "priority"])
    n = len(w.occs)
    f1 = at(n)
    for i, oc in enumerate(w.occs):
        o.write(row([oc.oid, oc.cat, clock.iso_z(oc.opened), clock.iso_z(oc.closed) if oc.closed else "",
                     places.NAMES[oc.si], "" if oc.cat in ("custody", "stop_check") else "P" + str(1 + (i % 4))]))
        if i == f1:
            t = oc.opened
            line = o.write(row(["VOC24999001", "theft", clock.iso_z(t), clock.iso_z(t - 3 * 86400), "Sedgeby", "P3"]))
            faults.append(("occurrences.csv", line, "closed_at", "invalid_period", "closed three days before opening"))
    o.close()

    o = Out(f"{d}/rosters.csv", ["staff_id", "start", "end", "kind"])
    n = len(w.rosters)
    f1, f2 = at(n), at(n)
    for i, (sid, a, b, k) in enumerate(w.rosters):
        o.write(row([sid, clock.iso_z(a), clock.iso_z(b), k]))
        if i in (f1, f2):
            sid = sid if sid not in cast else next(s.sid for s in staff if s.sid not in cast)
            if i == f1:
                line = o.write(row([sid, clock.iso_z(b), clock.iso_z(a), "overtime"]))
                faults.append(("rosters.csv", line, "end", "invalid_period", "start and end swapped"))
            else:
                line = o.write(row([sid, "2025-02-30T07:00:00Z", "2025-02-30T17:00:00Z", "duty"]))
                faults.append(("rosters.csv", line, "start", "invalid_time", "30 February"))
    o.close()

    o = Out(f"{d}/person_links.csv", ["person_id", "linked_person_id", "relation"])
    n = len(w.links)
    f1 = at(n)
    for i, (a, b, rel) in enumerate(w.links):
        o.write(row([a, b, rel]))
        if i == f1:
            line = o.write(row([a, b, "cousin"]))
            faults.append(("person_links.csv", line, "relation", "unknown_value", "relation 'cousin'"))
    o.close()

    o = Out(f"{d}/occurrence_persons.csv", ["occurrence_id", "person_id", "role"])
    for oc in w.occs:
        for pid, role in oc.persons:
            o.write(row([oc.oid, pid, role]))
    o.close()

    o = Out(f"{d}/assignments.csv", ["occurrence_id", "staff_id", "role", "start", "end"])
    rows = sorted(w.assigns, key=lambda a: (a[3], a[0], a[1]))
    f1 = at(len(rows))
    for i, (oid, sid, role, a, b) in enumerate(rows):
        o.write(row([oid, sid, role, clock.iso_z(a), clock.iso_z(b) if b else ""]))
        if i == f1:
            line = o.write(row(["VOC9" + oid[4:], sid if sid not in cast else rows[0][1], role, clock.iso_z(a), ""]))
            faults.append(("assignments.csv", line, "occurrence_id", "unknown_reference",
                           "occurrence from the legacy system, never migrated"))
    o.close()

    o = Out(f"{d}/declared_associations.csv", ["staff_id", "person_id", "relation", "declared_on"])
    for i, (sid, pid, rel, on) in enumerate(w.declared):
        o.write(row([sid, pid, rel, on]))
        if i == len(w.declared) // 2:
            line = o.write(row([sid, pid, "friend", "14/03/2022"]))
            faults.append(("declared_associations.csv", line, "declared_on", "invalid_time",
                           "day-first date from a paper form"))
    o.close()


def truth(w, d, first):
    o = Out(f"{d}/truth.csv", ["staff_id", "scenario", "first_event_id", "first_at", "kind"])
    for c in sorted(w.cast, key=lambda c: c["sid"]):
        ev = first.get(c["sid"])
        if ev is None:
            raise SystemExit(f"cast member {c['sid']} ({c['scenario']}) has no scenario events")
        c["first"] = ev
        o.write(row([c["sid"], c["scenario"], ev[0], clock.iso_z(ev[1]), c["kind"]]))
    o.close()
