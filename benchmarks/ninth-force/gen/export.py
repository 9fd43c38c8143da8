"""Each system's own export: file names, column orders, time formats, extra columns and line endings."""
import json
import os

from . import clock

SYSTEM_FILE = {"rms": "audit_rms.csv", "pnc": "audit_pnc", "command_control": "audit_storm.jsonl",
               "custody": "audit_custody.csv", "intelligence": "audit_intel.csv", "pnd": "audit_intel.csv"}
PREFIX = {"rms": "RMS-%09d", "pnc": "PNC%010d", "command_control": "STM-%08d", "custody": "CUS-EV-%07d",
          "intelligence": "INTL-%08d", "pnd": "PND-%08d"}


def q(v):
    if v and ("," in v or '"' in v or "\n" in v or "\r" in v):
        return '"' + v.replace('"', '""') + '"'
    return v


class Table:
    """Rows of one file; a row is a list of strings, a dict (JSON Lines) or a raw str written as is."""

    def __init__(self, name, header=None, jsonl=False, crlf=False, bom=False):
        self.name, self.header, self.jsonl, self.crlf, self.bom = name, header, jsonl, crlf, bom
        self.rows = []
        self.tags = []   # per row: 0, or a scenario tag; or a string naming what depends on it
        self.lines = []

    def write(self, folder):
        nl = "\r\n" if self.crlf else "\n"
        line = 1
        with open(os.path.join(folder, self.name), "w", encoding="utf-8", newline="") as f:
            if self.bom:
                f.write("\ufeff")
            if not self.jsonl:
                f.write(",".join(self.header) + nl)
                line = 2
            lines = self.lines = []
            parts = []
            for row in self.rows:
                if isinstance(row, str):
                    text = row
                elif self.jsonl:
                    text = json.dumps(row, separators=(",", ":"), ensure_ascii=False)
                else:
                    text = ",".join([q(v) for v in row])
                lines.append(line)
                line += 1 + text.count("\n")
                parts.append(text)
                if len(parts) >= 20000:
                    f.write(nl.join(parts) + nl)
                    parts = []
            if parts:
                f.write(nl.join(parts) + nl)


def reference_tables(w):
    pop, staff, geo = w.pop, w.staff, w.geo
    T = {}
    t = T["staff"] = Table("staff.csv", ["staff_id", "collar_number", "display_name", "role", "team", "station", "start_date",
                                         "end_date", "home_postcode", "unit_code", "contract"])
    for s in sorted(staff, key=lambda s: s.sid):
        t.rows.append([s.sid, s.collar, "%s %s" % (s.given, s.family), s.role, s.team, s.station, clock.date_str(s.start),
                       clock.date_str(s.end) if s.end else "", s.home if s.home_exported else "", s.unit.upper(),
                       "volunteer" if s.unit == "special" else ("part time" if s.i % 9 == 0 else "full time")])
        t.tags.append(0)
    t = T["persons"] = Table("persons.csv", ["person_id", "family_name", "given_name", "sex", "birth_year", "postcode", "markers", "source"])
    for p in pop.people:
        t.rows.append([p.pid, p.family, p.given, p.sex if p.sex else "unknown", str(p.by) if p.by_exported else "",
                       p.postcode, ";".join(sorted(p.markers)), "LEGACY" if p.kind == "legacy" else "NIMBUS"])
        t.tags.append(0)
    t = T["occurrences"] = Table("occurrences.csv", ["occurrence_id", "category", "opened_at", "closed_at", "station", "beat"])
    for o in w.occs:
        t.rows.append([o.oid, o.cat, clock.iso_local(o.opened), clock.iso_local(o.closed) if o.closed else "", o.station,
                       o.area.code if o.area is not None else ""])
        t.tags.append(0)
    t = T["rosters"] = Table("rosters.csv", ["staff_id", "start", "end", "kind", "duty_code"])
    for s in staff:
        for sh in s.shifts:
            if sh.exported:
                h = clock.local_hour(sh.start)
                code = {"overtime": "OT", "training": "TRG", "on_call": "OC"}.get(sh.kind, "E" if h < 12 else ("L" if h < 18 else "N"))
                t.rows.append([s.sid, clock.iso_local(sh.start), clock.iso_local(sh.end), sh.kind, code])
                t.tags.append(0)
    t = T["links"] = Table("person_links.csv", ["person_id", "linked_person_id", "relation"])
    for a, b, rel in pop.links:
        t.rows.append([pop.people[a].pid, pop.people[b].pid, rel])
        t.tags.append(0)
    t = T["occpersons"] = Table("occurrence_persons.csv", ["occurrence_id", "person_id", "role"])
    t2 = T["assignments"] = Table("assignments.csv", ["occurrence_id", "staff_id", "role", "start", "end"])
    for o in w.occs:
        for pi, role in o.persons:
            t.rows.append([o.oid, pop.people[pi].pid, role])
            t.tags.append(0)
        for si, role, a, b in o.assigns:
            t2.rows.append([o.oid, staff[si].sid, role, clock.iso_z(a), clock.iso_z(b) if b else ""])
            t2.tags.append(0)
    t = T["declared"] = Table("declared_associations.csv", ["staff_id", "person_id", "relation", "declared_on"])
    for s in staff:
        for pi, rel, declared, when in w.pop.known.get(s.i, ()):
            if declared:
                t.rows.append([s.sid, pop.people[pi].pid, rel, when])
                t.tags.append(0)
    return T


def audit_tables(w, rng):
    """Sort each system's events, number them as the system does, and lay them out in that system's file."""
    staff = w.staff
    by_sys = {}
    for e in w.ev:
        by_sys.setdefault(e[1], []).append(e)
    T = {}
    first = {}
    ids = {}
    for system in ("rms", "pnc", "command_control", "custody", "intelligence", "pnd"):
        evs = by_sys.get(system, [])
        evs.sort(key=lambda e: (e[0], e[2], e[5]))
        n = rng.randint(10000, 90000)
        out = []
        for e in evs:
            n += 1 if system != "pnc" else rng.randint(1, 3)
            eid = PREFIX[system] % n
            out.append((eid, e))
            if e[9] and (e[9] not in first or e[0] < first[e[9]][1]):
                first[e[9]] = (eid, e[0])
        ids[system] = out
    rms = T["audit_rms"] = Table("audit_rms.csv", ["at", "event_id", "staff_id", "user_login", "action", "entity_type", "entity_id",
                                                    "fields", "workstation", "system", "reason", "client_app"])
    for eid, e in ids["rms"]:
        s = staff[e[2]]
        ws = e[7]
        rms.rows.append([clock.iso_z_ms(e[0], (e[0] * 7 + len(eid)) % 1000), eid, s.sid, s.sid.lower(), e[3], e[4], e[5], e[6], ws,
                         "rms", e[8], "Nimbus Mobile" if ws.startswith(("MDT", "HH")) else "Nimbus Desktop 7.2"])
        rms.tags.append(e[9])
    # PNC: two exports, the second restarting a day before the first ended (re-delivered events)
    pncs = ids["pnc"]
    cut = w.start + (w.end - w.start) // 2
    overlap = cut - 86400
    hdr = ["event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields", "workstation", "reason", "originator", "txn"]
    p1 = T["audit_pnc_1"] = Table("audit_pnc_1.csv", hdr)
    p2 = T["audit_pnc_2"] = Table("audit_pnc_2.csv", hdr)
    for eid, e in pncs:
        s = staff[e[2]]
        row = [eid, clock.iso_local(e[0]), s.sid, "pnc", e[3], e[4], e[5], e[6], e[7], e[8], "KV%s" % s.station[:3].upper(),
               "VE" if e[4] == "vehicle" else "QP"]
        if e[0] < cut:
            p1.rows.append(row)
            p1.tags.append(e[9] or ("dup" if e[0] >= overlap else 0))
        if e[0] >= overlap:
            p2.rows.append(list(row))
            p2.tags.append(e[9] or ("dup" if e[0] < cut else 0))
    st = T["audit_storm"] = Table("audit_storm.jsonl", jsonl=True)
    for eid, e in ids["command_control"]:
        st.rows.append({"event_id": eid, "at": clock.iso_utc_plus(e[0]), "staff_id": staff[e[2]].sid, "system": "command_control",
                        "action": e[3], "entity_type": e[4], "entity_id": e[5], "fields": e[6].split(";") if e[6] else [],
                        "workstation": e[7], "reason": e[8] or None, "mode": "call_taking" if staff[e[2]].unit == "ctrl_ch" else "dispatch"})
        st.tags.append(e[9])
    cu = T["audit_custody"] = Table("audit_custody.csv", ["event_id", "staff_id", "at", "system", "action", "entity_type", "entity_id",
                                                           "fields", "workstation", "reason", "suite"], crlf=True, bom=True)
    for eid, e in ids["custody"]:
        cu.rows.append([eid, staff[e[2]].sid, clock.iso_z(e[0]), "custody", e[3], e[4], e[5], e[6], e[7], e[8], e[7][4:7] if e[7].startswith("CUS") else ""])
        cu.tags.append(e[9])
    it = T["audit_intel"] = Table("audit_intel.csv", ["event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields",
                                                       "workstation", "reason", "handling_code"])
    merged = sorted(ids["intelligence"] + ids["pnd"], key=lambda x: (x[1][0], x[0]))
    for eid, e in merged:
        it.rows.append([eid, clock.iso_z(e[0]), staff[e[2]].sid, e[1], e[3], e[4], e[5], e[6], e[7], e[8], "P" if e[2] % 5 else "C"])
        it.tags.append(e[9])
    return T, first


def truth_table(w, first):
    t = Table("truth.csv", ["staff_id", "scenario", "first_event_id", "first_at", "kind"])
    for k, (si, name, kind) in enumerate(w.tags):
        if k + 1 in first:
            eid, ts = first[k + 1]
            t.rows.append([w.staff[si].sid, name, eid, clock.iso_z(ts), kind])
    return t
