"""Turns the in-memory force into the bundle's files (as lists of lines), each system with its own habits."""
import json

from .clock import fmt_date, fmt_local, fmt_z, fmt_z_ms
from .force_model import CODE

AUDIT_COLS = ["event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields",
              "workstation", "reason"]


def q(v):
    v = "" if v is None else str(v)
    if any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def row(vals):
    return ",".join(q(v) for v in vals)


class File:
    def __init__(self, name, header, newline="\n", bom=False):
        self.name, self.newline, self.bom = name, newline, bom
        self.lines = [row(header)] if header else []


# per system: (file name, id prefix, csv?, time format)
SYSTEMS = {
    "rms": ("audit_rms.csv", "NCH%010d", "csv"),
    "pnc": ("audit_pnc.jsonl", "PNC/T%08d", "jsonl"),
    "pnd": ("audit_pnd.csv", "PND-%09d", "csv"),
    "command_control": ("audit_storm.csv", "STM%09d", "csv"),
    "custody": ("audit_custody.csv", "CUS/%08d", "csv"),
    "intelligence": ("audit_intel.jsonl", "IX-%08x", "jsonl"),
}


def number_events(w):
    """Sort each system's events by time and give them the system's own identifiers."""
    out = {}
    for system in sorted(w.events):
        evs = sorted(w.events[system], key=lambda e: (e[0], e[1], e[4], e[2], e[5]))
        fmt = SYSTEMS[system][1]
        base = 1000 + (len(system) * 7919) % 5000
        out[system] = [(fmt % (base + i * 3), e) for i, e in enumerate(evs)]
    return out


def audit_files(numbered, by_sid):
    files = {}
    for system, evs in numbered.items():
        name, _fmt, kind = SYSTEMS[system]
        if system == "rms":
            f = File(name, AUDIT_COLS + ["module"], "\r\n")
            for eid, e in evs:
                t, sid, action, et, ent, fields, ws, reason, tag = e
                f.lines.append(row([eid, fmt_local(t), sid, system, action, et, ent, fields, ws, reason,
                                    "Nominal" if et == "person" else "Occurrence"]))
        elif system == "command_control":
            cols = ["at", "event_id", "staff_id", "workstation", "system", "action", "entity_type", "entity_id",
                    "fields", "reason"]
            f = File(name, cols, "\n", bom=True)
            for eid, e in evs:
                t, sid, action, et, ent, fields, ws, reason, tag = e
                f.lines.append(row([fmt_z(t), eid, sid, ws, system, action, et, ent, fields, reason]))
        elif system in ("custody", "pnd"):
            f = File(name, AUDIT_COLS + (["suite"] if system == "custody" else []), "\n")
            for eid, e in evs:
                t, sid, action, et, ent, fields, ws, reason, tag = e
                tf = fmt_local(t) if system == "custody" else fmt_z(t)
                extra = [ws.split("-")[1]] if system == "custody" else []
                f.lines.append(row([eid, tf, sid, system, action, et, ent, fields, ws, reason] + extra))
        else:
            f = File(name, None, "\n")
            for i, (eid, e) in enumerate(evs):
                t, sid, action, et, ent, fields, ws, reason, tag = e
                if system == "pnc":
                    d = {"event_id": eid, "at": fmt_z_ms(t, (i * 37) % 1000), "staff_id": sid, "system": system,
                         "action": action, "entity_type": et, "entity_id": ent,
                         "fields": fields.split(";") if fields else [], "workstation": ws,
                         "reason": reason or None, "originator": CODE.get(by_sid[sid].station, "HQ") + "01",
                         "txn": "QW" if et == "person" else "VE"}
                else:
                    d = {"event_id": eid, "staff_id": sid, "at": fmt_local(t), "system": system, "action": action,
                         "entity_type": et, "entity_id": ent, "fields": fields, "workstation": ws}
                    if reason:
                        d["reason"] = reason
                f.lines.append(json.dumps(d, ensure_ascii=False, separators=(",", ":")))
        files[name] = f
    return files


def reference_files(w):
    files = {}
    f = File("staff.csv", ["staff_id", "collar_number", "display_name", "role", "team", "station", "start_date",
                           "end_date", "home_postcode"])
    for s in w.staff:
        f.lines.append(row([s.sid, s.collar, s.name, s.role, s.team, s.station, fmt_date(s.start),
                            fmt_date(s.end) if s.end else "", s.home]))
    files[f.name] = f
    f = File("persons.csv", ["person_id", "family_name", "given_name", "sex", "birth_year", "postcode", "markers"])
    for p in w.people:
        f.lines.append(row([p.pid, p.family, p.given, p.sex, p.birth or "", p.postcode,
                            ";".join(sorted(p.markers))]))
    files[f.name] = f
    f = File("occurrences.csv", ["occurrence_id", "category", "opened_at", "closed_at", "station"])
    occs = sorted(w.occs, key=lambda o: (o.opened, o.oid))
    for o in occs:
        f.lines.append(row([o.oid, o.cat, fmt_z(o.opened), fmt_z(o.closed) if o.closed else "", o.station]))
    files[f.name] = f
    f = File("rosters.csv", ["staff_id", "start", "end", "kind"])
    for sid, a, b, k in sorted(w.roster, key=lambda r: (r[1], r[0])):
        f.lines.append(row([sid, fmt_local(a), fmt_local(b), k]))
    files[f.name] = f
    f = File("person_links.csv", ["person_id", "linked_person_id", "relation"])
    for a, b, r in w.links:
        f.lines.append(row([a, b, r]))
    files[f.name] = f
    f = File("occurrence_persons.csv", ["occurrence_id", "person_id", "role"])
    for o in occs:
        for pid, r in o.persons:
            f.lines.append(row([o.oid, pid, r]))
    files[f.name] = f
    f = File("assignments.csv", ["occurrence_id", "staff_id", "role", "start", "end"])
    for o in occs:
        for sid, r, a, b in sorted(o.assign, key=lambda x: (x[2], x[0])):
            f.lines.append(row([o.oid, sid, r, fmt_z(a), fmt_z(b) if b else ""]))
    files[f.name] = f
    f = File("declared_associations.csv", ["staff_id", "person_id", "relation", "declared_on"])
    for sid, pid, r, d in w.declared:
        f.lines.append(row([sid, pid, r, fmt_date(min(d, w.end - 86400))]))
    files[f.name] = f
    return files


def write(out, files):
    import os
    os.makedirs(out, exist_ok=True)
    for name in sorted(files):
        f = files[name]
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as fh:
            if f.bom:
                fh.write("\ufeff")
            fh.write(f.newline.join(str(x) for x in f.lines))
            fh.write(f.newline)
