"""Realities measured by reading the written bundle back (own definitions, stated in the summary)."""
import bisect
import calendar
import csv
import glob
import json
import os

FORCE_DEVICE = ("WS-", "MDT-", "HH-", "CC-", "CUS-")


def ts_of(s):
    if not s or len(s) < 19 or s[10] != "T":
        return None
    try:
        t = calendar.timegm((int(s[0:4]), int(s[5:7]), int(s[8:10]), int(s[11:13]), int(s[14:16]), int(s[17:19])))
    except ValueError:
        return None
    tail = s[19:]
    if tail.startswith("."):
        k = 1
        while k < len(tail) and tail[k].isdigit():
            k += 1
        tail = tail[k:]
    if tail == "Z":
        return t
    if len(tail) == 6 and tail[0] in "+-":
        off = int(tail[1:3]) * 3600 + int(tail[4:6]) * 60
        return t - off if tail[0] == "+" else t + off
    return None


def _csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rd = csv.reader(f)
        hdr = next(rd)
        for row in rd:
            if len(row) == len(hdr):
                yield dict(zip(hdr, row))


def _audit(folder):
    for path in sorted(glob.glob(os.path.join(folder, "audit*"))):
        if path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    try:
                        d = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(d.get("fields"), list):
                        d["fields"] = ";".join(d["fields"])
                    d["reason"] = d.get("reason") or ""
                    yield d
        else:
            yield from _csv(path)


def measure(folder):
    staff = {r["staff_id"]: r for r in _csv(os.path.join(folder, "staff.csv"))}
    persons = {}
    women = women_no_by = 0
    for r in _csv(os.path.join(folder, "persons.csv")):
        persons[r["person_id"]] = r["markers"]
        if r["sex"] == "female":
            women += 1
            women_no_by += r["birth_year"] == ""
    occ = {}
    for r in _csv(os.path.join(folder, "occurrences.csv")):
        occ[r["occurrence_id"]] = (r["station"], ts_of(r["opened_at"]), ts_of(r["closed_at"]))
    p_occ = {}
    for r in _csv(os.path.join(folder, "occurrence_persons.csv")):
        p_occ.setdefault(r["person_id"], []).append(r["occurrence_id"])
    for r in _csv(os.path.join(folder, "person_links.csv")):
        if r["relation"] == "self":
            a, b = r["person_id"], r["linked_person_id"]
            p_occ.setdefault(a, []).extend(p_occ.get(b, [])[:])
            p_occ.setdefault(b, []).extend(p_occ.get(a, [])[:])
    asg = {}
    for r in _csv(os.path.join(folder, "assignments.csv")):
        o = occ.get(r["occurrence_id"])
        a = ts_of(r["start"])
        if a is None or o is None:
            continue
        b = ts_of(r["end"]) if r["end"] else None
        if b is None:
            b = a + 12 * 3600 if r["role"] in ("attending", "call_handler") else (o[2] or 1 << 40)
        asg.setdefault((r["staff_id"], r["occurrence_id"]), []).append((a - 3600, b + 86400))
    declared = {}
    for r in _csv(os.path.join(folder, "declared_associations.csv")):
        declared[(r["staff_id"], r["person_id"])] = 1
    shifts = {}
    for r in _csv(os.path.join(folder, "rosters.csv")):
        a, b = ts_of(r["start"]), ts_of(r["end"])
        if a is not None and b is not None and b > a:
            shifts.setdefault(r["staff_id"], []).append((a - 1800, b + 1800))
    for v in shifts.values():
        v.sort()

    def in_asg(sid, oid, t):
        for a, b in asg.get((sid, oid), ()):
            if a <= t <= b:
                return True
        return False

    m = dict(events=0, person=0, occurrence=0, other=0, explained=0, explained_or_declared=0, explained_station=0,
             no_occ=0, force_dev=0, laptop=0, reason=0, pnc=0, pnc_reason=0, rostered_staff_ev=0, in_roster=0,
             marked=0, unexpl_person=0, unexpl_marked=0, person_no_occ=0, dup=0, contact=0)
    seen = set()
    per_sys = {}
    for r in _audit(folder):
        key = (r.get("event_id"), r.get("at"), r.get("staff_id"))
        if key in seen:
            m["dup"] += 1
            continue
        seen.add(key)
        t = ts_of(r.get("at", ""))
        sid = r.get("staff_id")
        if t is None or sid not in staff:
            continue
        m["events"] += 1
        per_sys[r["system"]] = per_sys.get(r["system"], 0) + 1
        ws = r.get("workstation") or ""
        m["force_dev"] += ws.startswith(FORCE_DEVICE)
        m["laptop"] += ws.startswith("LT-")
        m["reason"] += bool(r.get("reason"))
        if r["system"] == "pnc":
            m["pnc"] += 1
            m["pnc_reason"] += bool(r.get("reason"))
        if sid in shifts:
            m["rostered_staff_ev"] += 1
            sh = shifts[sid]
            k = bisect.bisect_right(sh, (t, 1 << 62))
            m["in_roster"] += any(a <= t <= b for a, b in sh[max(0, k - 3):k])
        et, eid = r["entity_type"], r["entity_id"]
        st = staff[sid]["station"]
        if et in ("person", "custody_image"):
            m["person"] += 1
            oids = p_occ.get(eid, [])
            if not oids:
                m["no_occ"] += 1
                m["person_no_occ"] += 1
            if "contact" in r["fields"] or "address" in r["fields"] or et == "custody_image":
                m["contact"] += 1
            e = any(in_asg(sid, o, t) for o in oids)
            d = (sid, eid) in declared
            s_ = e or any(occ[o][0] == st and (occ[o][2] is None or occ[o][2] + 7 * 86400 > t) and occ[o][1] <= t for o in oids if o in occ)
            mk = bool(persons.get(eid))
            m["marked"] += mk
            if not e and not d:
                m["unexpl_person"] += 1
                m["unexpl_marked"] += mk
        elif et == "occurrence":
            m["occurrence"] += 1
            e = in_asg(sid, eid, t)
            d = False
            o = occ.get(eid)
            s_ = e or (o is not None and o[0] == st)
        else:
            m["other"] += 1
            m["no_occ"] += 1
            e = d = s_ = False
        m["explained"] += e
        m["explained_or_declared"] += e or d
        m["explained_station"] += s_ or d
    n = max(1, m["events"])
    np_ = max(1, m["person"])
    rows = [
        ("audit events (after re-delivered duplicates)", "%d" % m["events"]),
        ("re-delivered duplicate rows", "%d" % m["dup"]),
        ("events per system", ", ".join("%s %d" % (k, per_sys[k]) for k in sorted(per_sys))),
        ("explained by an assignment (A)", "%.1f%%" % (100.0 * m["explained"] / n)),
        ("explained by A or a declared association", "%.1f%%" % (100.0 * m["explained_or_declared"] / n)),
        ("explained by A, declaration or own station's open occurrence", "%.1f%%" % (100.0 * m["explained_station"] / n)),
        ("events with no occurrence behind them", "%.1f%%" % (100.0 * m["no_occ"] / n)),
        ("from force terminals or force mobile devices", "%.1f%%" % (100.0 * m["force_dev"] / n)),
        ("from force laptops over VPN", "%.1f%%" % (100.0 * m["laptop"] / n)),
        ("with a typed reason (all / PNC)", "%.1f%% / %.1f%%" % (100.0 * m["reason"] / n, 100.0 * m["pnc_reason"] / max(1, m["pnc"]))),
        ("rostered staff's events inside an exported shift (+-30 min)", "%.1f%%" % (100.0 * m["in_roster"] / max(1, m["rostered_staff_ev"]))),
        ("events by staff with no exported shift at all", "%.1f%%" % (100.0 * (n - m["rostered_staff_ev"]) / n)),
        ("person look-ups of a marked person (all / unexplained)", "%.1f%% / %.1f%%" % (100.0 * m["marked"] / np_, 100.0 * m["unexpl_marked"] / max(1, m["unexpl_person"]))),
        ("person look-ups showing contact, address or custody image", "%.1f%%" % (100.0 * m["contact"] / np_)),
        ("women in persons.csv with no birth year", "%.1f%%" % (100.0 * women_no_by / max(1, women))),
        ("declared associations / staff with one", "%d / %d" % (len(declared), len(set(k[0] for k in declared)))),
        ("staff with no exported shift", "%d of %d" % (sum(1 for s in staff if s not in shifts), len(staff))),
    ]
    return rows
