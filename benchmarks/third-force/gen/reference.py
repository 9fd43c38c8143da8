"""Reference files: staff, persons, occurrences, rosters, links, occurrence persons, assignments, declarations."""
from . import clock
from .csvtext import line
from .people import MARKERS
from .staff import DEPARTMENT


def files(env):
    """{file name: (header, [row text], [key for the row or None])}, in the order Custodes reads them."""
    P, O, staff = env.P, env.O, env.staff
    out = {}
    rows = []
    for s in sorted(staff, key=lambda s: s.sid):
        rows.append(line([s.sid, s.collar, s.name, s.role, s.team, s.station, clock.date_str(s.start),
                          clock.date_str(s.end) if s.end else "", s.postcode, DEPARTMENT[s.unit]]))
    out["staff.csv"] = ("staff_id,collar_number,display_name,role,team,station,start_date,end_date,home_postcode,department", rows)
    rows = []
    for i in range(len(P.pid)):
        m = ";".join(x for x in MARKERS if x in P.markers[i])
        rows.append(line([P.pid[i], P.family[i], P.given[i], P.sex[i], P.birth[i] or "", P.postcode[i], m]))
    out["persons.csv"] = ("person_id,family_name,given_name,sex,birth_year,postcode,markers", rows)
    order = sorted(range(len(O.cat)), key=lambda o: O.oid[o])
    rows = []
    for o in order:
        c = O.closed[o]
        rows.append(line([O.oid[o], O.cat[o], clock.iso_local(O.opened[o]), clock.iso_local(c) if c else "",
                          O.station[o]]))
    out["occurrences.csv"] = ("occurrence_id,category,opened_at,closed_at,station", rows)
    rows = []
    for idx, a, b, kind in env.roster_rows:
        rows.append("%s,%s,%s,%s" % (staff[idx].sid, clock.iso_local(a), clock.iso_local(b), kind))
    out["rosters.csv"] = ("staff_id,start,end,kind", rows)
    rows = ["%s,%s,%s" % (P.pid[a], P.pid[b], rel) for a, b, rel in P.links]
    out["person_links.csv"] = ("person_id,linked_person_id,relation", rows)
    rows = []
    for o in order:
        for p, r in O.persons[o]:
            rows.append("%s,%s,%s" % (O.oid[o], P.pid[p], r))
    out["occurrence_persons.csv"] = ("occurrence_id,person_id,role", rows)
    rows = []
    for o, s, role, a, b in sorted(O.assign, key=lambda x: (O.oid[x[0]], x[3], x[1])):
        rows.append("%s,%s,%s,%s,%s" % (O.oid[o], staff[s].sid, role, clock.iso_z(a), clock.iso_z(b) if b else ""))
    out["assignments.csv"] = ("occurrence_id,staff_id,role,start,end", rows)
    rows = ["%s,%s,%s,%s" % (staff[s].sid, P.pid[p], rel, clock.date_str(t)) for s, p, rel, t in env.declared]
    out["declared_associations.csv"] = ("staff_id,person_id,relation,declared_on", rows)
    return out
