"""Writing the bundle: reference files, per-system audit exports (each system with its own habits),
truth, and a manifest of the export faults injected."""
import csv
import json
import os

from . import clock

# file name, format, id prefix, time style, extra columns
AUDIT_FILES = {
    "rms": ("audit-rms.csv", "csv", "RMS", "z"),
    "pnc": ("audit-pnc.jsonl", "jsonl", "PNCQ", "local"),
    "pnd": ("audit-pnd.jsonl", "jsonl", "PND", "frac"),
    "command_control": ("audit-storm.csv", "csv", "STM", "plus0"),
    "intelligence": ("audit-intel.jsonl", "jsonl", "INTL", "z"),
    "custody": ("audit-custody.csv", "csv", "CUS", "local"),
}
COLS = ["event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields", "workstation", "reason"]


def _w(path, header, rows, bom=False, crlf=False):
    with open(path, "w", newline="", encoding="utf-8") as f:
        if bom:
            f.write("\ufeff")
        w = csv.writer(f, lineterminator="\r\n" if crlf else "\n")
        w.writerow(header)
        w.writerows(rows)


def reference_files(W, out, F):
    d = clock.fmt_date
    _w(os.path.join(out, "staff.csv"),
       ["staff_id", "collar_number", "display_name", "role", "team", "station", "start_date", "end_date", "home_postcode", "grade"],
       [(s.sid, s.collar, s.name, s.role, s.team, s.station, d(s.start), d(s.end) if s.end else "", s.home_pc,
         "police staff" if not s.collar or s.role in ("pcso",) else "officer") for s in W.staff])
    _w(os.path.join(out, "persons.csv"), ["person_id", "family_name", "given_name", "sex", "birth_year", "postcode", "markers"],
       [(p.pid, p.family, p.given, p.sex, p.byear or "", p.pc, ";".join(sorted(p.markers))) for p in W.persons])
    _w(os.path.join(out, "occurrences.csv"), ["occurrence_id", "category", "opened_at", "closed_at", "station"],
       [(o.oid, o.cat, clock.fmt_z(o.opened), clock.fmt_z(o.closed) if o.closed else "", o.station) for o in W.occs])
    rost = sorted(W.roster_rows, key=lambda r: (r[1], r[0]))
    rows = [(sid, clock.fmt_z(s), clock.fmt_z(e), k) for sid, s, e, k in rost]
    _w(os.path.join(out, "rosters.csv"), ["staff_id", "start", "end", "kind"], F.reference("rosters.csv", rows))
    _w(os.path.join(out, "person_links.csv"), ["person_id", "linked_person_id", "relation"],
       F.reference("person_links.csv", list(W.links)))
    op = [(o.oid, p.pid, r) for o in W.occs for p, r in o.persons]
    _w(os.path.join(out, "occurrence_persons.csv"), ["occurrence_id", "person_id", "role"], F.reference("occurrence_persons.csv", op))
    asg = [(o.oid, st.sid, r, clock.fmt_z(s), clock.fmt_z(e) if e is not None else "") for o in W.occs for st, r, s, e in o.assign]
    _w(os.path.join(out, "assignments.csv"), ["occurrence_id", "staff_id", "role", "start", "end"], asg)
    _w(os.path.join(out, "declared_associations.csv"), ["staff_id", "person_id", "relation", "declared_on"],
       [(a, b, c, d(t)) for a, b, c, t in W.declared])


def _fmt_time(style, t, rng_ms):
    if style == "z":
        return clock.fmt_z(t)
    if style == "local":
        return clock.fmt_local(t)
    if style == "plus0":
        return clock.fmt_plus0(t)
    return clock.fmt_frac(t, rng_ms)


def _csv_line(vals):
    out = []
    for v in vals:
        if "," in v or '"' in v or "\n" in v:
            v = '"' + v.replace('"', '""') + '"'
        out.append(v)
    return ",".join(out)


def audit_files(W, out, F):
    """Sort each system's events, number them in time order, find truth's first events, write."""
    first = {}
    counts = {}
    for system, (fname, fmt, prefix, style) in AUDIT_FILES.items():
        evs = W.ev[system]
        evs.sort(key=lambda r: r[0])
        lines = []
        n0 = 1000 + W.rng.randrange(9000)
        for i, (t, sid, action, etype, eid, fields, ws, reason, tag) in enumerate(evs):
            ev_id = "%s-%09d" % (prefix, n0 + i) if prefix != "PNCQ" else "PNCQ%010d" % (n0 + i * 7)
            at = _fmt_time(style, t, (i * 37) % 1000)
            if tag is not None:
                f = first.get(tag)
                if f is None or t < f[1]:
                    first[tag] = (ev_id, t)
            if fmt == "csv":
                vals = [ev_id, at, sid, system, action, etype, eid, fields, ws, reason]
                if system == "rms":
                    vals.append("NICHE-%s" % ws[:3])
                lines.append((sid, ev_id, vals))
            else:
                obj = {"event_id": ev_id, "at": at, "staff_id": sid, "system": system, "action": action,
                       "entity_type": etype, "entity_id": eid,
                       "fields": fields.split(";") if (system == "pnc" and fields) else fields,
                       "workstation": ws}
                if reason or system != "pnc":
                    obj["reason"] = reason if reason else None
                if system == "pnd":
                    obj["client"] = "PND-WEB"
                lines.append((sid, ev_id, obj))
        counts[system] = len(lines)
        W.ev[system] = None
        header = COLS + (["source_host"] if system == "rms" else [])
        F.audit(os.path.join(out, fname), fname, fmt, header, lines,
                bom=(system == "custody"), crlf=(system == "command_control"))
    return first, counts


def truth(W, out, first):
    rows = []
    for sid, scenario, kind, tag in W.truth:
        ev_id, t = first[tag]
        rows.append((sid, scenario, ev_id, clock.fmt_z(t), kind))
    _w(os.path.join(out, "truth.csv"), ["staff_id", "scenario", "first_event_id", "first_at", "kind"], rows)


def jdump(obj):
    return json.dumps(obj, separators=(",", ":"))
