"""Realities measured from the written bundle itself (not from the simulator's memory).

Definitions (ours):
  explained (tier 1, 'assignment'): a look-up of a person (or custody image) or an occurrence is explained when the
      member of staff holds an assignment to that occurrence, or to an occurrence the person is in, or to one a
      person linked to them (person_links) is in, and the look-up falls between one hour before the assignment began
      and 72 hours after it ended. An assignment with no end ends 12 hours after it began for attending and
      call_handler (the contract's default) and otherwise at the occurrence's close (or the export date if open).
  explained (tier 2, '+ station'): tier 1, or the record is an occurrence of the member of staff's station (or the
      person is in one) opened before the look-up and closed no more than 7 days before it.
  off roster: an event by someone with at least one shift in rosters.csv at a time inside none of their shifts
      (tolerance 0, and 1 hour either side).
"""
import bisect
import csv
import datetime
import glob
import json
import os

DAY = 86400
_D = {}


_UTC = datetime.timezone.utc
_fromiso = datetime.datetime.fromisoformat


def ts(s):
    """Seconds since the epoch for an ISO 8601 time with an offset (or a bare date, midnight UTC)."""
    d = _fromiso(s)
    if d.tzinfo is None:
        if len(s) == 10:
            return int(d.replace(tzinfo=_UTC).timestamp())
        raise ValueError(f"no offset: {s}")
    return int(d.timestamp())


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="", errors="replace") as f:
        rd = csv.reader(f)
        head = next(rd)
        ix = {h: i for i, h in enumerate(head)}
        for row in rd:
            if len(row) != len(head):
                continue
            yield ix, row


_DK = {}


def device_kind(ws):
    k = _DK.get(ws)
    if k is None:
        k = _DK[ws] = _device_kind(ws)
    return k


def _device_kind(ws):
    if ws.startswith("BCN-"):
        return "personal handheld (app)"
    if ws.startswith("LT-"):
        return "force laptop"
    if ws.startswith("MDT-"):
        return "vehicle MDT"
    if ws.startswith("APU-HH-"):
        return "pooled airport handheld"
    if ws.startswith("KCC-") or ws.startswith("JCR-"):
        return "control room / contact centre position"
    if ws.startswith("CUST-"):
        return "custody terminal"
    if ws.startswith("HMPS-") or ws.startswith("HRY-") or ws.startswith("LNH-"):
        return "partner-site link (prison, YOI, hub portal)"
    if "-WS" in ws:
        return "station workstation"
    return "other"


def measure(bundle):
    M = {}
    watch = {}
    if os.path.exists(f"{bundle}/truth.csv"):
        for ix, row in read_csv(f"{bundle}/truth.csv"):
            watch[row[ix["staff_id"]]] = [0, 0, 0, 0, 0, 0, 0]   # events, person, female, young female,
            #                                                      unexplained person, off roster, app
    staff = {}
    for ix, row in read_csv(f"{bundle}/staff.csv"):
        sid = row[ix["staff_id"]]
        if sid not in staff:
            staff[sid] = (row[ix["role"]], row[ix["station"]], row[ix["team"]])
    sid_i = {s: i for i, s in enumerate(staff)}
    st_of = [staff[s][1] for s in staff]
    role_of = [staff[s][0] for s in staff]
    team_of = [staff[s][2] for s in staff]
    # rosters
    shifts = [[] for _ in staff]
    for ix, row in read_csv(f"{bundle}/rosters.csv"):
        i = sid_i.get(row[ix["staff_id"]])
        if i is None:
            continue
        try:
            a, b = ts(row[ix["start"]]), ts(row[ix["end"]])
        except ValueError:
            continue
        if b > a and row[ix["kind"]] in ("duty", "overtime", "training", "on_call"):
            shifts[i].append((a, b))
    for l in shifts:
        l.sort()
    rostered = [bool(l) for l in shifts]
    no_roster_teams = {}
    for i, s in enumerate(staff):
        if not rostered[i]:
            no_roster_teams[team_of[i]] = no_roster_teams.get(team_of[i], 0) + 1
    M["staff"] = len(staff)
    M["staff_without_roster"] = sum(1 for x in rostered if not x)
    M["no_roster_teams"] = sorted(no_roster_teams.items(), key=lambda x: -x[1])
    # occurrences
    occ_i = {}
    o_open, o_close, o_st = [], [], []
    export_at = 0
    for ix, row in read_csv(f"{bundle}/occurrences.csv"):
        oid = row[ix["occurrence_id"]]
        if oid in occ_i:
            continue
        try:
            a = ts(row[ix["opened_at"]])
            c = ts(row[ix["closed_at"]]) if row[ix["closed_at"]] else None
        except ValueError:
            continue
        if c is not None and c < a or not row[ix["station"]]:
            continue
        occ_i[oid] = len(o_open)
        o_open.append(a)
        o_close.append(c)
        o_st.append(row[ix["station"]])
        export_at = max(export_at, a, c or 0)
    per_i = {}
    female = bytearray()
    young_f = bytearray()
    for ix, row in read_csv(f"{bundle}/persons.csv"):
        p = row[ix["person_id"]]
        if p not in per_i:
            per_i[p] = (len(per_i), bool(row[ix["markers"]]))
            f = row[ix["sex"]] == "female"
            female.append(f)
            by = row[ix["birth_year"]]
            young_f.append(f and by.isdigit() and 2025 - 35 <= int(by) <= 2025 - 18)
    p_occs = {}
    for ix, row in read_csv(f"{bundle}/occurrence_persons.csv"):
        o = occ_i.get(row[ix["occurrence_id"]])
        p = per_i.get(row[ix["person_id"]])
        if o is None or p is None:
            continue
        p_occs.setdefault(p[0], []).append(o)
    links = {}
    n_links = 0
    for ix, row in read_csv(f"{bundle}/person_links.csv"):
        a = per_i.get(row[ix["person_id"]])
        b = per_i.get(row[ix["linked_person_id"]])
        if a is None or b is None:
            continue
        n_links += 1
        links.setdefault(a[0], []).append(b[0])
        links.setdefault(b[0], []).append(a[0])
    M["persons"] = len(per_i)
    M["persons_marked_share"] = sum(1 for v in per_i.values() if v[1]) / max(1, len(per_i))
    M["persons_in_links_share"] = len(links) / max(1, len(per_i))
    M["person_links"] = n_links
    # assignments
    win = {}
    n_att = n_att_noend = 0
    for ix, row in read_csv(f"{bundle}/assignments.csv"):
        o = occ_i.get(row[ix["occurrence_id"]])
        i = sid_i.get(row[ix["staff_id"]])
        if o is None or i is None:
            continue
        role = row[ix["role"]]
        try:
            a = ts(row[ix["start"]])
            e = ts(row[ix["end"]]) if row[ix["end"]] else None
        except ValueError:
            continue
        if role == "attending":
            n_att += 1
            if e is None:
                n_att_noend += 1
        if e is None:
            if role in ("attending", "call_handler"):
                e = a + 12 * 3600
            else:
                e = o_close[o] if o_close[o] is not None else 10 ** 11
        win.setdefault((i << 24) | o, []).append((a - 3600, e + 72 * 3600))
    M["attending_without_end_share"] = n_att_noend / max(1, n_att)
    M["occurrences"] = len(o_open)
    M["occurrences_open_over_28d_at_export"] = sum(
        1 for k in range(len(o_open)) if o_close[k] is None and export_at - o_open[k] > 28 * DAY)
    declared = set()
    for ix, row in read_csv(f"{bundle}/declared_associations.csv"):
        i = sid_i.get(row[ix["staff_id"]])
        p = per_i.get(row[ix["person_id"]])
        if i is not None and p is not None:
            declared.add((i, p[0]))

    def assigned(i, o, t):
        w = win.get((i << 24) | o)
        if w:
            for a, b in w:
                if a <= t <= b:
                    return True
        return False

    def station_open(i, o, t):
        if o_st[o] != st_of[i]:
            return False
        c = o_close[o]
        return o_open[o] <= t and (c is None or t <= c + 7 * DAY)

    # audit
    files = sorted(glob.glob(f"{bundle}/audit*.csv") + glob.glob(f"{bundle}/audit*.jsonl"))
    # one counter keyed by everything we report, aggregated at the end
    K = {}
    by_file = {}
    dups = unreadable = 0
    sens = {}
    bisect_right = bisect.bisect_right
    fam_prev = None
    for path in files:
        name = os.path.basename(path)
        fam = name.split("_20")[0]          # monthly files of one system share their duplicates
        if fam != fam_prev:
            seen = {}
            maxat = 0
            fam_prev = fam
        n_here = 0
        for ev in _iter_audit(path):
            if ev is None:
                unreadable += 1
                continue
            eid, at_s, sid, system, action, etype, ent, fields, ws, reason = ev
            i = sid_i.get(sid)
            if i is None or not ws or not ent:
                unreadable += 1
                continue
            try:
                t = ts(at_s)
            except (ValueError, IndexError):
                unreadable += 1
                continue
            key = (eid, at_s, sid)
            if key in seen:
                dups += 1
                continue
            seen[key] = t
            if t > maxat:
                maxat = t
            if len(seen) > 300000:
                cut = maxat - 3 * DAY
                seen = {k: v for k, v in seen.items() if v >= cut}
            sh = shifts[i]
            if sh:
                k = bisect_right(sh, (t, 10 ** 12)) - 1
                if k >= 0 and sh[k][0] <= t < sh[k][1]:
                    ro = 1
                else:
                    ro = 2
                    for kk in (k, k + 1):
                        if 0 <= kk < len(sh) and sh[kk][0] - 3600 <= t < sh[kk][1] + 3600:
                            ro = 3
            else:
                ro = 0
            sv = sens.get(fields)
            if sv is None:
                sv = sens[fields] = any(x in fields for x in ("contact", "address", "photo"))
            rec = mk = e1 = e2 = dec = False
            if etype == "person" or etype == "custody_image":
                pp = per_i.get(ent)
                if pp is None:
                    unreadable += 1
                    continue
                p, mk = pp
                rec = 1
                if (i, p) in declared:
                    dec = True
                occs = p_occs.get(p, ())
                for o in occs:
                    if assigned(i, o, t):
                        e1 = True
                        break
                if not e1 and p in links:
                    for q in links[p]:
                        for o in p_occs.get(q, ()):
                            if assigned(i, o, t):
                                e1 = True
                                break
                        if e1:
                            break
                e2 = e1
                if not e2:
                    for o in occs:
                        if station_open(i, o, t):
                            e2 = True
                            break
            elif etype == "occurrence":
                o = occ_i.get(ent)
                if o is None:
                    unreadable += 1
                    continue
                rec = 2
                e1 = assigned(i, o, t)
                e2 = e1 or station_open(i, o, t)
            n_here += 1
            w = watch.get(sid)
            if w is not None:
                w[0] += 1
                if rec == 1:
                    w[1] += 1
                    w[2] += female[p]
                    w[3] += young_f[p]
                    w[4] += not e1
                w[5] += ro >= 2
                w[6] += ws.startswith("BCN-")
            dk = _DK.get(ws)
            if dk is None:
                dk = device_kind(ws)
            kk = (system, dk, role_of[i], bool(reason), sv, ro, rec, mk, e1, e2, dec)
            K[kk] = K.get(kk, 0) + 1
        by_file[name] = n_here
    C = dict(events=0, dups=dups, unreadable=unreadable, record=0, expl1=0, expl2=0, person=0, marked=0,
             marked_unexpl=0, unexpl1=0, sensitive=0, offr0=0, offr1=0, by_rostered=0, by_unrostered=0, reason=0,
             declared=0)
    by_sys, by_dev, reason_sys, role_ev, role_expl = {}, {}, {}, {}, {}
    for (system, dk, role, has_r, sv, ro, rec, mk, e1, e2, dec), n in K.items():
        C["events"] += n
        by_sys[system] = by_sys.get(system, 0) + n
        by_dev[dk] = by_dev.get(dk, 0) + n
        rs = reason_sys.setdefault(system, [0, 0])
        rs[0] += n
        if has_r:
            rs[1] += n
            C["reason"] += n
        role_ev[role] = role_ev.get(role, 0) + n
        if sv:
            C["sensitive"] += n
        if ro == 0:
            C["by_unrostered"] += n
        else:
            C["by_rostered"] += n
            if ro >= 2:
                C["offr0"] += n
            if ro == 2:
                C["offr1"] += n
        if rec:
            C["record"] += n
            C["expl1"] += n * e1
            C["expl2"] += n * e2
            re_ = role_expl.setdefault(role, [0, 0, 0])
            re_[0] += n
            re_[1] += n * e1
            re_[2] += n * e2
        if rec == 1:
            C["person"] += n
            C["marked"] += n * mk
            C["declared"] += n * dec
            if not e1:
                C["unexpl1"] += n
                C["marked_unexpl"] += n * mk
    M.update(C)
    M["by_system"] = by_sys
    M["by_device"] = by_dev
    M["by_file"] = by_file
    M["reason_by_system"] = reason_sys
    M["role_events"] = role_ev
    M["role_explained"] = role_expl
    M["watch"] = watch
    return M


def _iter_audit(path):
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    o = json.loads(line)
                except ValueError:
                    yield None
                    continue
                if not isinstance(o, dict):
                    yield None
                    continue
                fl = o.get("fields")
                if isinstance(fl, list):
                    if not all(isinstance(x, str) for x in fl):
                        yield None
                        continue
                    fl = ";".join(fl)
                vals = []
                bad = False
                for k in ("event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id",
                          "workstation", "reason"):
                    v = o.get(k)
                    if isinstance(v, (dict, list)):
                        bad = True
                    vals.append("" if v is None else str(v))
                if bad:
                    yield None
                    continue
                yield (vals[0], vals[1], vals[2], vals[3], vals[4], vals[5], vals[6], fl or "", vals[7], vals[8])
    else:
        for ix, row in read_csv(path):
            try:
                yield (row[ix["event_id"]], row[ix["at"]], row[ix["staff_id"]], row[ix["system"]], row[ix["action"]],
                       row[ix["entity_type"]], row[ix["entity_id"]], row[ix["fields"]], row[ix["workstation"]],
                       row[ix["reason"]])
            except KeyError:
                yield None
