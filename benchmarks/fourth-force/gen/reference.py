"""The reference files of the bundle: staff, persons, occurrences, rosters, links, who was in what,
assignments and declared associations."""
from . import clock
from .csvtext import row
from .people import MARKERS
from .table import Table


def _date(t):
    return clock.date_str(t)


def _z(t):
    return "" if t is None else clock.iso_z(t)


def build(staff, P, O, period):
    tables = {}
    t = Table("staff.csv", "staff_id,collar_number,display_name,role,team,station,start_date,end_date,home_postcode")
    for s in staff:
        t.records.append(row((s.sid, s.collar, s.name, s.role, s.team, s.station, _date(s.start),
                              "" if s.end is None else _date(s.end), s.home_pc)))
        t.meta.append(("staff", s.idx))
    tables[t.name] = t
    t = Table("persons.csv", "person_id,family_name,given_name,sex,birth_year,postcode,markers")
    for i, pid in enumerate(P.pid):
        m = P.markers.get(i)
        mk = ";".join(x for x in MARKERS if x in m) if m else ""
        by = P.by[i]
        t.records.append(row((pid, P.family[i], P.given[i], P.sex[i], "" if by is None else str(by), P.pc[i], mk)))
    tables[t.name] = t
    t = Table("occurrences.csv", "occurrence_id,category,opened_at,closed_at,station,location_ref")
    for i, oid in enumerate(O.oid):
        t.records.append(",".join((oid, O.cat[i], _z(O.opened[i]), _z(O.closed[i]), O.station[i], O.loc[i])))
    tables[t.name] = t
    t = Table("rosters.csv", "staff_id,start,end,kind")
    rows = []
    for s in staff:
        for a, b, kind in s.roster:
            rows.append((a, s.sid, b, kind, s.idx))
    rows.sort()
    for a, sid_, b, kind, idx in rows:
        t.records.append(f"{sid_},{clock.iso_offset(a)},{clock.iso_offset(b)},{kind}")
        t.meta.append(("staff", idx))
    tables[t.name] = t
    t = Table("person_links.csv", "person_id,linked_person_id,relation")
    for a, b, rel in P.links:
        t.records.append(f"{P.pid[a]},{P.pid[b]},{rel}")
    tables[t.name] = t
    t = Table("occurrence_persons.csv", "occurrence_id,person_id,role")
    for i, people in enumerate(O.persons):
        oid = O.oid[i]
        for p, role in people:
            t.records.append(f"{oid},{P.pid[p]},{role}")
            t.meta.append(("occ", i))
    tables[t.name] = t
    t = Table("assignments.csv", "occurrence_id,staff_id,role,start,end")
    for occ, sidx, role, a, b in O.assign:
        t.records.append(f"{O.oid[occ]},{staff[sidx].sid},{role},{_z(a)},{_z(b)}")
        t.meta.append(("staff", sidx))
    tables[t.name] = t
    t = Table("declared_associations.csv", "staff_id,person_id,relation,declared_on")
    for sidx, p, rel, when in P.declared:
        t.records.append(f"{staff[sidx].sid},{P.pid[p]},{rel},{_date(when)}")
        t.meta.append(("staff", sidx))
    tables[t.name] = t
    return tables
