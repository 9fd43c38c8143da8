"""The audit trail: normal work on every shift, work on assignments, and the day-by-day export of seven systems."""
import bisect
import csv
import json

from .core import (DAY, HOUR, T0, R, ST, STREET, WEST, EAST, fz, fz_ms, flocal, flocal_naive, ltime, local_hour,
                   vrm, on_roster, shifts_between)

SYSN = ["rms", "rms", "pnc", "pnd", "command_control", "intelligence", "custody"]
SYSLABEL = ["Fenwold RMS", "Harrowby RMS", "PNC", "PND", "Command and control", "Intelligence", "Custody"]
FILES = ["audit_rms_fenwold.csv", "audit_rms_harrowby.jsonl", "audit_pnc.csv", "audit_pnd.csv",
         "audit_command_control.csv", "audit_intelligence.jsonl", "audit_custody.csv"]
RESENT = "audit_pnc_resent.csv"
CLIENT = {"HH": "handheld", "LA": "laptop", "MD": "vehicle", "CR": "console"}
HEAD = {
    0: ["event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields", "workstation", "reason",
        "session_id", "module"],
    2: ["at", "event_id", "transaction_code", "staff_id", "workstation", "system", "action", "entity_type",
        "entity_id", "fields", "reason", "originator"],
    3: ["event_id", "staff_id", "at", "system", "action", "entity_type", "entity_id", "fields", "workstation",
        "reason", "search_terms"],
    4: ["event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields", "workstation",
        "reason", "incident_log"],
    6: ["staff_id", "event_id", "at", "action", "system", "entity_type", "entity_id", "fields", "workstation",
        "reason", "suite"],
}
PERSONISH = ("person", "custody_image")
EAST_REASON = {"briefing": "briefing", "attend": "attending incident", "oic": "ongoing investigation",
               "followup": "ongoing investigation", "call": "call for service", "phone_resolve": "caller enquiry",
               "dq": "data quality - merge", "research": "intelligence research", "op_research": "operation",
               "marac": "MARAC", "pnc_patrol": "stop check", "supervise": "supervisor review",
               "front_counter": "front counter enquiry", "custody_suite": "custody", "analyst_task": "tasking",
               "disclosure": "disclosure", "ccu": "professional standards", "student_welfare": "welfare",
               "bureau": "crime recording", "intel_browse": "enquiry", "dispatch": "deployment",
               "misuse": "enquiry", "lookalike": "enquiry", "licensing": "licensing"}
PNC_REASONS = ["stop check", "stop check", "person check, s1 PACE stop", "name check - suspicious behaviour",
               "warrant check", "enquiry", "street check", "person check\nNFA, words of advice",
               "\"lively\" group outside venue, checks"]
PNC_VREASONS = ["vehicle check", "VRM check - suspicious vehicle", "ANPR activation", "driver check, RTC",
                "no insurance marker", "vehicle check"]


class Bundle:
    """Writes the seven audit exports, injects the audit faults and keeps the measurements."""

    def __init__(self, out, world, staff, truth, faults_plan, resend_day, stats):
        self.w, self.staff, self.truth = world, staff, truth
        self.files = []
        self.writers = []
        self.lines = [1] * 7
        self.ids = [0] * 7
        for k, name in enumerate(FILES):
            if k == 0:
                f = open(out + "/" + name, "w", encoding="utf-8", newline="")
                f.write("\ufeff")
                wr = csv.writer(f, lineterminator="\r\n")
                wr.writerow(HEAD[0])
            elif k in (1, 5):
                f = open(out + "/" + name, "w", encoding="utf-8", newline="")
                wr = None
                self.lines[k] = 0
            else:
                f = open(out + "/" + name, "w", encoding="utf-8", newline="")
                wr = csv.writer(f, lineterminator="\r\n" if k in (3, 6) else "\n")
                wr.writerow(HEAD[k])
            self.files.append(f)
            self.writers.append(wr)
        self.resent = open(out + "/" + RESENT, "w", encoding="utf-8", newline="")
        self.rwr = csv.writer(self.resent, lineterminator="\n")
        self.rwr.writerow(HEAD[2])
        self.resend_day = resend_day
        self.faults_plan = faults_plan  # {sysi: first day it may be injected}
        self.faults = []
        self.st = stats
        self.dups = 0

    def close(self):
        for f in self.files:
            f.close()
        self.resent.close()

    def ent_id(self, et, ent):
        if et in PERSONISH:
            return self.w.pid[ent]
        if et == "occurrence":
            return self.w.oid[ent]
        return ent

    def flush(self, day, buf):
        buf.sort(key=lambda e: (e[0], e[1], e[2]))
        w, staff, st = self.w, self.staff, self.st
        pmk, p_occs, s_occ = w.pmk, w.p_occs, w.s_occ
        pending = {k: 1 for k, dd in self.faults_plan.items() if dd <= day}
        ids, lines, files, writers = self.ids, self.lines, self.files, self.writers
        for ev in buf:
            t, sysi, s, act, et, ent, fields, ws, reason, purpose, truth = ev
            if t < T0 or t >= w.tend:
                continue
            ids[sysi] += 1
            n = ids[sysi]
            sid = staff[s].sid
            eid_ = self.ent_id(et, ent)
            fault = None
            if sysi in pending and truth is None and purpose not in ("misuse", "lookalike") and n % 3 == 0:
                fault = pending.pop(sysi)
                del self.faults_plan[sysi]
            line = lines[sysi] + 1
            if sysi == 0:
                eid = "FWR%09d" % (n + 5200000)
                row = [eid, fz(t), sid, "rms", act, et, eid_, fields, ws, reason,
                       "S%06X" % ((s * 7919 + day * 104729) & 0xFFFFFF), "nominal" if et == "person" else act]
                if fault:
                    row[9] = "stop check, NFA"
                    files[0].write(",".join(row) + "\r\n")
                    self.faults.append((FILES[0], line, "", "malformed_row", "unquoted comma in reason: 13 fields for 12 columns"))
                else:
                    writers[0].writerow(row)
            elif sysi == 1:
                eid = "HB-AUD-%08d" % (n + 700000)
                o = {"event_id": eid, "at": flocal(t, (n * 37) % 1000), "staff_id": sid, "system": "rms",
                     "action": act, "entity_type": et, "entity_id": eid_, "fields": fields.split(";") if fields else [],
                     "workstation": ws, "reason": reason or None,
                     "client": CLIENT.get(ws[:2], "desktop")}
                txt = json.dumps(o, ensure_ascii=False, separators=(",", ":"))
                if fault:
                    txt = txt[: len(txt) * 2 // 3]
                    self.faults.append((FILES[1], line, "", "malformed_row", "line truncated mid-object by the exporter"))
                files[1].write(txt + "\n")
            elif sysi == 2:
                eid = "PNC-25-%08d" % (n + 10300000)
                at = flocal(t)
                if fault:
                    at = flocal_naive(t)
                    self.faults.append((FILES[2], line, "at", "invalid_time", "local time without offset: " + at))
                col = staff[s].collar or sid
                row = [at, eid, "VE" if et == "vehicle" else "NM", sid, ws, "pnc", act, et, eid_, fields, reason,
                       "%s/%s at %s: %s" % (col, sid, ws, reason)]
                writers[2].writerow(row)
                if day == self.resend_day and not fault:
                    self.rwr.writerow(row)
                    self.dups += 1
            elif sysi == 3:
                eid = "PND%09d" % (n + 88000000)
                p = ent if et == "person" else None
                terms = '%s, %s "%s"' % (w.pfam[p].upper(), w.pgiv[p], w.pby[p] or "") if p is not None else eid_
                row = [eid, sid, fz_ms(t, (n * 53) % 1000), "pnd", act, et, eid_, fields, ws, reason, terms]
                if fault:
                    row[5] = "nominal"
                    self.faults.append((FILES[3], line, "entity_type", "unknown_value", "entity_type 'nominal' (PND term)"))
                writers[3].writerow(row)
            elif sysi == 4:
                eid = "SX%08d" % (n + 4000000)
                row = [eid, fz(t)[:-1] + "+00:00", sid, "command_control", act, et, eid_, fields, ws, reason,
                       ("LOG-%s" % eid_) if et == "occurrence" else ""]
                if fault:
                    row[2] = ""
                    self.faults.append((FILES[4], line, "staff_id", "missing_value", "staff_id empty (system account)"))
                writers[4].writerow(row)
            elif sysi == 5:
                eid = "INT-EV-%07d" % (n + 120000)
                o = {"event_id": eid, "at": fz(t), "staff_id": sid, "system": "intelligence",
                     "action": "amend" if fault else act, "entity_type": et, "entity_id": eid_, "fields": fields,
                     "workstation": ws, "reason": reason, "grading": "B2P" if (n % 5) else "C3C"}
                if fault:
                    self.faults.append((FILES[5], line, "action", "unknown_value", "action 'amend' (intelligence system verb)"))
                files[5].write(json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n")
            else:
                eid = "CUS%08d" % (n + 300000)
                row = ["CTR-0042" if fault else sid, eid, flocal(t), act, "custody", et, eid_, fields, ws, reason,
                       ("Fenwold" if w.ost[ent] == "FWC" else "Harrowby") if et == "occurrence" else
                       ("Fenwold" if ws.startswith("CUS-FWC") or ws.startswith("WS-F") else "Harrowby")]
                if fault:
                    self.faults.append((FILES[6], line, "staff_id", "unknown_reference", "contractor account CTR-0042 not in staff.csv"))
                writers[6].writerow(row)
            if "\n" in reason and sysi not in (1, 5):
                line += sum(x.count("\n") for x in row)
            lines[sysi] = line
            if fault:
                st.faulted += 1
                continue
            # ---- measurements
            sf = staff[s]
            asg = s_occ[s]
            expl = False
            if et == "occurrence":
                a0 = asg.get(ent)
                expl = a0 is not None and a0 <= t + HOUR
            elif et in PERSONISH:
                for o in p_occs[ent]:
                    a0 = asg.get(o)
                    if a0 is not None and a0 <= t + HOUR:
                        expl = True
                        break
            off = not on_roster(sf, t)
            st.add(sf, sysi, purpose, expl, off, et, ent, ws, reason)
            if truth is not None:
                tr = self.truth[truth]
                if tr["first"] is None or (t, eid) < tr["first"]:
                    tr["first"] = (t, eid)
                tr["n"] += 1
                tr["expl"] += expl
                tr["off"] += off
                tr["reason"] += bool(reason)
                if et in PERSONISH:
                    tr["persons"][ent] = 1


class Stats:
    def __init__(self, world):
        self.w = world
        self.faulted = 0
        self.n = 0
        self.sys = [0] * 7
        self.purpose = {}
        self.role = {}
        self.expl = 0
        self.off = 0
        self.person = 0
        self.person_mk = 0
        self.device = {}
        self.reason = 0
        self.by_staff = {}
        self.pnc_noocc = 0
        self.pnc = 0

    def add(self, sf, sysi, purpose, expl, off, et, ent, ws, reason):
        self.n += 1
        self.sys[sysi] += 1
        x = self.purpose.get(purpose)
        if x is None:
            x = self.purpose[purpose] = [0, 0, 0]
        x[0] += 1
        x[1] += expl
        x[2] += off
        y = self.role.get(sf.role)
        if y is None:
            y = self.role[sf.role] = [0, 0, 0]
        y[0] += 1
        y[1] += expl
        y[2] += off
        self.expl += expl
        self.off += off
        if et in PERSONISH:
            self.person += 1
            if self.w.pmk[ent]:
                self.person_mk += 1
        dv = ws.split("-", 1)[0]
        self.device[dv] = self.device.get(dv, 0) + 1
        if reason:
            self.reason += 1
        self.by_staff[sf.i] = self.by_staff.get(sf.i, 0) + 1
        if sysi == 2:
            self.pnc += 1
            if not expl:
                self.pnc_noocc += 1


class Activity:
    def __init__(self, seed, world, staff, days):
        self.seed, self.w, self.staff, self.days = seed, world, staff, days
        w = world
        self.nws = {}
        self.nmdt = {}
        for s in staff:
            self.nws[s.st] = self.nws.get(s.st, 5) + 0.4
            if s.group in ("resp", "nte", "spec"):
                self.nmdt[s.st] = self.nmdt.get(s.st, 2) + 0.35
        self.nws = {k: int(v) for k, v in self.nws.items()}
        self.nmdt = {k: int(v) for k, v in self.nmdt.items()}
        self.ncrc = max(20, sum(1 for s in staff if s.group in ("crc", "disp")) // 2)
        # recent open occurrences per station and day (briefings), incidents opened per day (control room)
        self.open_recent = {}
        self.opened_day = [[] for _ in range(days)]
        for o in range(len(w.oid)):
            cat = w.ocat[o]
            if cat in ("stop_check", "custody"):
                continue
            od = (w.oopen[o] - T0) // DAY
            if 0 <= od < days:
                self.opened_day[od].append(o)
            cl = w.oclose[o]
            for d in range(max(0, od + 1), min(days, od + 11)):
                if cl is None or cl > T0 + d * DAY:
                    self.open_recent.setdefault((w.ost[o], d), []).append(o)
        self.cust_open = {k: [w.oopen[o] for o in v] for k, v in w.custody.items()}
        for k, v in w.custody.items():
            v.sort(key=lambda o: w.oopen[o])
            self.cust_open[k] = [w.oopen[o] for o in v]
        self.adj = {}
        for x, y, rel in w.links:
            self.adj.setdefault(x, []).append(y)
            self.adj.setdefault(y, []).append(x)

    # ------------------------------------------------------------ helpers
    def ws(self, sf):
        return "WS-%s-%03d" % (sf.st, self.rng.randint(1, self.nws.get(sf.st, 20)))

    def mdt(self, sf):
        return "MDT-%s-%02d" % (sf.st, self.rng.randint(1, self.nmdt.get(sf.st, 4)))

    def field_dev(self, sf):
        return sf.hh if sf.hh and self.rng.random() < 0.7 else self.mdt(sf)

    def crc(self):
        return "CRC-%03d" % self.rng.randint(1, self.ncrc)

    def can(self, sf, sysi):
        return ("W" if sysi == 0 else "E") in sf.accts

    def pv(self, t, sf, p, fields, ws, purpose, act="view", reason="", truth=None, buf=None):
        w = self.w
        sysi = w.psys[p]
        if ("W" if sysi == 0 else "E") not in sf.accts:
            q = w.ptwin[p]
            if q < 0:
                return None
            p, sysi = q, w.psys[q]
        if sysi == 1 and not reason:
            reason = EAST_REASON.get(purpose, "enquiry")
        (buf if buf is not None else self.buf).append((t, sysi, sf.i, act, "person", p, fields, ws, reason, purpose, truth))
        return p

    def ov(self, t, sf, o, fields, ws, purpose, act="view", truth=None, buf=None):
        w = self.w
        if w.ocat[o] == "custody":
            sysi = 6
        else:
            sysi = w.osys[o]
            if ("W" if sysi == 0 else "E") not in sf.accts:
                return
        reason = EAST_REASON.get(purpose, "enquiry") if sysi == 1 else ""
        (buf if buf is not None else self.buf).append((t, sysi, sf.i, act, "occurrence", o, fields, ws, reason, purpose, truth))

    def pnc(self, t, sf, p, ws, reason, purpose, truth=None, buf=None, fields="identity;warnings"):
        (buf if buf is not None else self.buf).append((t, 2, sf.i, "search", "person", p, fields, ws, reason, purpose, truth))

    def ev(self, t, sysi, sf, act, et, ent, fields, ws, reason, purpose, truth=None, buf=None):
        (buf if buf is not None else self.buf).append((t, sysi, sf.i, act, et, ent, fields, ws, reason, purpose, truth))

    def sample(self, lst, k):
        if not lst:
            return []
        if len(lst) <= k:
            return list(lst)
        return self.rng.sample(lst, k)

    def local_pool(self, c, rng, skew=0.45):
        w = self.w
        x = rng.random()
        if x < skew and w.freq[c]:
            lst = w.freq[c]
        elif x < skew + 0.1 and w.yf[c]:
            lst = w.yf[c]
        else:
            lst = w.res[c]
        return lst[rng.randrange(len(lst))]

    # ------------------------------------------------------------ normal work on a shift
    def shift(self, sf, a, b, mode):
        a = max(a, T0)
        b = min(b, self.w.tend - 1)
        if b - a < 1200:
            return
        rng = self.rng
        if mode == 2:
            for _ in range(rng.randint(0, 3)):
                t = rng.randint(a, b)
                lst = self.open_recent.get((sf.st if sf.st in STREET else "FWC", (t - T0) // DAY))
                if lst:
                    self.ov(t, sf, lst[rng.randrange(len(lst))], "summary", "WS-TRN-%03d" % rng.randint(1, 40), "training")
            return
        fn = getattr(self, "g_" + sf.group)
        home = sf.lap if mode == 1 and sf.lap else None
        fn(sf, a, b, home)

    def briefing(self, sf, t, k, ws, code=None):
        d = (t - T0) // DAY
        lst = self.open_recent.get((code or sf.st, d))
        for j, o in enumerate(self.sample(lst, k)):
            self.ov(t + j * self.rng.randint(20, 90), sf, o, "summary", ws, "briefing")

    def patrol(self, sf, a, b, nv, np_, c=None, reasons=PNC_REASONS):
        rng, w = self.rng, self.w
        c = c or sf.st
        for _ in range(nv):
            t = rng.randint(a, b)
            self.ev(t, 2, sf, "search", "vehicle", vrm(rng), "vehicles", self.mdt(sf), rng.choice(PNC_VREASONS), "pnc_patrol")
        for _ in range(np_):
            t = rng.randint(a, b)
            cc = rng.choice(STREET) if c == "KTI" and rng.random() < 0.5 else c
            p = self.local_pool(cc, rng)
            ws = self.field_dev(sf)
            self.pnc(t, sf, p, ws, rng.choice(reasons), "pnc_patrol")
            if rng.random() < 0.3:
                self.pv(t + rng.randint(30, 400), sf, p, "identity;warnings;address", ws, "pnc_patrol", "search")

    def g_resp(self, sf, a, b, home):
        rng = self.rng
        hub = sf.st == "KTI"
        self.briefing(sf, a + rng.randint(300, 1500), rng.randint(3, 7), self.ws(sf))
        if hub:
            self.patrol(sf, a + 1800, b, rng.randint(5, 13), rng.randint(2, 6))
        else:
            self.patrol(sf, a + 1800, b, rng.randint(1, 4), rng.randint(0, 3))
        for _ in range(rng.randint(0, 3)):
            lst = self.open_recent.get((sf.st, (a - T0) // DAY))
            if lst:
                self.ev(rng.randint(a, b), 4, sf, "view", "occurrence", lst[rng.randrange(len(lst))], "summary", self.mdt(sf), "", "dispatch")
        if rng.random() < 0.25:
            self.ev(rng.randint(a, b), 5, sf, "search", "intelligence", "INT-%07d" % rng.randint(1, 400000), "summary", self.ws(sf), "", "intel_browse")

    def g_spec(self, sf, a, b, home):
        rng = self.rng
        self.briefing(sf, a + rng.randint(300, 1500), rng.randint(1, 4), self.ws(sf))
        self.patrol(sf, a + 1800, b, rng.randint(0, 3), rng.randint(0, 2))

    def g_sup(self, sf, a, b, home):
        rng = self.rng
        if sf.unit in ("resp", "nbh", "nte", "cust", "crc", "disp", "ppu", "cid", "rmcu", "rsoc"):
            code = sf.st if sf.st in STREET else rng.choice(STREET)
            d = (a - T0) // DAY
            ws = home or self.ws(sf)
            lst = self.open_recent.get((code, d))
            for o in self.sample(lst, rng.randint(3, 9)):
                self.ov(rng.randint(a, b), sf, o, "summary;notes", ws, "supervise")
                if rng.random() < 0.2 and self.w.o_persons[o]:
                    p = self.w.o_persons[o][0][0]
                    self.pv(rng.randint(a, b), sf, p, "summary;warnings", ws, "supervise")
            if sf.unit == "resp" and rng.random() < 0.5:
                self.patrol(sf, a + 1800, b, rng.randint(0, 3), rng.randint(0, 2))
            if sf.unit == "cust":
                self.g_cust(sf, a, b, home)

    def g_nbh(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = self.ws(sf)
        self.briefing(sf, a + rng.randint(300, 1500), rng.randint(2, 5), ws)
        lst = w.callers[sf.st]
        for _ in range(rng.randint(0, 3)):
            if lst:
                self.pv(rng.randint(a, b), sf, lst[rng.randrange(len(lst))], "summary;history;address", ws, "neighbourhood")
        for _ in range(rng.randint(1, 3)):
            if w.freq[sf.st]:
                p = w.freq[sf.st][rng.randrange(len(w.freq[sf.st]))]
                self.ev(rng.randint(a, b), 5, sf, "view", "person", p, "summary;associates", ws, "", "intel_browse")
        if sf.group == "nbh":
            self.patrol(sf, a + 1800, b, rng.randint(0, 2), rng.randint(0, 2))

    g_pcso = g_nbh

    def g_nte(self, sf, a, b, home):
        rng, w = self.rng, self.w
        self.briefing(sf, a + rng.randint(300, 1200), rng.randint(3, 6), self.ws(sf), "FWC")
        reasons = ["NTE patrol", "NTE patrol, street check", "person check - door staff report", "stop check"]
        for _ in range(rng.randint(2, 6)):
            t = rng.randint(a + 3600, b)
            c = "FWC" if rng.random() < 0.7 else "STA"
            x = rng.random()
            if x < 0.2 and w.students:
                p = w.students[rng.randrange(len(w.students))]
            elif x < 0.35 and w.yf[c]:
                p = w.yf[c][rng.randrange(len(w.yf[c]))]
            else:
                p = self.local_pool(c, rng, 0.6)
            ws = self.field_dev(sf)
            self.pnc(t, sf, p, ws, rng.choice(reasons), "pnc_patrol")
            if rng.random() < 0.25:
                self.pv(t + 120, sf, p, "identity;warnings", ws, "pnc_patrol", "search")

    def g_sli(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = home or self.ws(sf)
        self.briefing(sf, a + rng.randint(300, 1500), rng.randint(2, 4), ws, "STA")
        for _ in range(rng.randint(1, 4)):
            if w.students:
                p = w.students[rng.randrange(len(w.students))]
                self.pv(rng.randint(a, b), sf, p, "identity;warnings;contact", ws, "student_welfare")

    def _case_persons(self, sf):
        lst = self.w.s_occ_list[sf.i]
        if not lst:
            return None
        o = lst[self.rng.randrange(max(0, len(lst) - 30), len(lst))]
        ps = self.w.o_persons[o]
        return ps[self.rng.randrange(len(ps))][0] if ps else None

    def g_cid(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = home or self.ws(sf)
        code = sf.st if sf.st in STREET else rng.choice(STREET)
        areas = WEST if code == "FWC" else EAST
        for _ in range(rng.randint(2, 5)):
            c = rng.choice(areas)
            lst = self.open_recent.get((c, (a - T0) // DAY))
            if lst:
                self.ov(rng.randint(a, b), sf, lst[rng.randrange(len(lst))], "summary", ws, "team_cases")
        for _ in range(rng.randint(1, 4)):
            p = self._case_persons(sf)
            if p is None:
                continue
            # associates of people in their cases, found through PND
            adj = self.adj.get(p)
            q = adj[rng.randrange(len(adj))] if adj and rng.random() < 0.5 else p
            t = rng.randint(a, b)
            self.ev(t, 3, sf, "search", "person", q, "identity;associates;history", ws, "ongoing investigation", "case_research")
        if rng.random() < 0.4:
            self.ev(rng.randint(a, b), 5, sf, "search", "intelligence", "INT-%07d" % rng.randint(1, 400000), "summary", ws, "", "intel_browse")

    def g_ops(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = home or self.ws(sf)
        ops = w.ops.get(sf.unit if sf.group == "sup" else sf.group) or []
        if not ops:
            return
        op = ops[(sf.i + (a - T0) // (14 * DAY)) % len(ops)]
        for _ in range(rng.randint(4, 11)):
            p = op[rng.randrange(len(op))]
            t = rng.randint(a, b)
            x = rng.random()
            if x < 0.45:
                if rng.random() < 0.4 and w.ptwin[p] >= 0:
                    self.pv(t, sf, w.ptwin[p], "identity;history;associates;address", ws, "op_research")
                self.pv(t + 60, sf, p, "identity;history;associates;address", ws, "op_research")
            elif x < 0.7:
                self.ev(t, 3, sf, "search", "person", p, "identity;associates", ws, "operation", "op_research")
            else:
                self.ev(t, 5, sf, "view", "person", p, "summary;associates;notes", ws, "", "op_research")
        if sf.group != "sup":
            self.g_cid(sf, a, b, home) if rng.random() < 0.3 else None

    g_rmcu = g_ops
    g_rsoc = g_ops

    def g_ppu(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = home or self.ws(sf)
        areas = WEST if sf.st == "FWC" else (EAST if sf.st == "HRB" else STREET)
        for _ in range(rng.randint(2, 6)):
            c = rng.choice(areas)
            lst = w.da_vic[c]
            if lst:
                p = lst[rng.randrange(len(lst))]
                self.pv(rng.randint(a, b), sf, p, "summary;history;contact;address", ws, "marac")

    def g_crc(self, sf, a, b, home):
        rng, w = self.rng, self.w
        for _ in range(rng.randint(5, 12)):
            t = rng.randint(a, b)
            c = rng.choice(STREET)
            lst = w.callers[c] if rng.random() < 0.4 and w.callers[c] else w.res[c]
            p = lst[rng.randrange(len(lst))]
            ws = self.crc()
            self.pv(t, sf, p, "identity;warnings", ws, "phone_resolve", "search")
            if rng.random() < 0.6:
                self.pv(t + rng.randint(20, 200), sf, p, "identity;contact;history", ws, "phone_resolve")
            if rng.random() < 0.3:
                self.ev(t + 30, 4, sf, "search", "location", "LOC-%s-%05d" % (c, rng.randint(1, 30000)), "summary", ws, "", "phone_resolve")

    def g_disp(self, sf, a, b, home):
        rng = self.rng
        d = (a - T0) // DAY
        lst = self.opened_day[d] + (self.opened_day[d - 1] if d > 0 else [])
        ws = self.crc()
        for _ in range(rng.randint(12, 30)):
            if lst:
                self.ev(rng.randint(a, b), 4, sf, rng.choice(["view", "view", "update"]), "occurrence",
                        lst[rng.randrange(len(lst))], "summary", ws, "", "dispatch")
        for _ in range(rng.randint(1, 4)):
            c = rng.choice(STREET)
            self.ev(rng.randint(a, b), 4, sf, "search", "location", "LOC-%s-%05d" % (c, rng.randint(1, 30000)), "summary", ws, "", "dispatch")

    def g_cust(self, sf, a, b, home):
        rng, w = self.rng, self.w
        suite = sf.st
        lst, opens = w.custody.get(suite, []), self.cust_open.get(suite, [])
        lo = bisect.bisect_left(opens, a - 36 * HOUR)
        hi = bisect.bisect_right(opens, b)
        ws = "CUS-%s-%02d" % (suite, rng.randint(1, 12))
        here = [o for o in lst[lo:hi] if (w.oclose[o] or w.tend) >= a]
        if len(here) > 14:  # an officer covers a block of cells, not the whole suite
            here = rng.sample(here, 14)
        for o in here:
            cl = w.oclose[o] or w.tend
            t = rng.randint(max(a, w.oopen[o]), min(b, cl) if min(b, cl) > max(a, w.oopen[o]) else max(a, w.oopen[o]) + 60)
            self.ev(t, 6, sf, "view", "occurrence", o, "summary;custody", ws, "", "custody_suite")
            p = w.o_persons[o][0][0]
            if rng.random() < 0.5:
                self.ev(t + rng.randint(60, 3000), 6, sf, "view", "person", p, "identity;warnings;custody", ws, "", "custody_suite")
            if rng.random() < 0.12:
                self.ev(t + rng.randint(60, 3000), 6, sf, "view", "custody_image", p, "photo", ws, "", "custody_suite")

    def g_fib(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = home or self.ws(sf)
        for _ in range(rng.randint(5, 14)):
            c = rng.choice(STREET)
            p = self.local_pool(c, rng, 0.7)
            t = rng.randint(a, b)
            x = rng.random()
            if x < 0.4:
                self.ev(t, 5, sf, "search", "person", p, "summary;associates", ws, "", "research")
            elif x < 0.65:
                self.ev(t, 3, sf, "search", "person", p, "identity;associates;history", ws, "research", "research")
            else:
                self.pv(t, sf, p, "summary;history;associates", ws, "research")

    def g_dq(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = home or self.ws(sf)
        tw = w.twins
        for _ in range(rng.randint(4, 10)):
            if not tw:
                break
            p = tw[rng.randrange(len(tw))]
            q = w.ptwin[p]
            t = rng.randint(a, b - 600)
            self.pv(t, sf, p, "identity;address;history", ws, "dq")
            self.pv(t + rng.randint(30, 300), sf, q, "identity;address;history", ws, "dq")
            if rng.random() < 0.4:
                self.pv(t + rng.randint(300, 600), sf, p, "identity", ws, "dq", "update")
        for _ in range(rng.randint(2, 6)):
            c = rng.choice(STREET)
            p = w.res[c][rng.randrange(len(w.res[c]))]
            self.pv(rng.randint(a, b), sf, p, "identity;address", ws, "dq", rng.choice(["view", "update"]))

    def g_bureau(self, sf, a, b, home):
        rng = self.rng
        ws = home or self.ws(sf)
        d = (a - T0) // DAY
        lst = self.opened_day[d - 1] if d > 0 else self.opened_day[d]
        for o in self.sample(lst, rng.randint(3, 9)):
            self.ov(rng.randint(a, b), sf, o, "summary", ws, "bureau", rng.choice(["view", "view", "update"]))

    def g_disc(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = home or self.ws(sf)
        cid = w.by_group.get(("FWC", "cid"), []) + w.by_group.get(("HRB", "cid"), [])
        if not cid:
            return
        det = cid[((a - T0) // (7 * DAY) + sf.i) % len(cid)]
        lst = w.s_occ_list[det]
        for o in self.sample(lst, rng.randint(1, 4)):
            t = rng.randint(a, b)
            self.ov(t, sf, o, "summary;notes", ws, "disclosure", rng.choice(["view", "view", "print"]))
            for p, role in w.o_persons[o][:3]:
                self.pv(t + rng.randint(60, 900), sf, p, "identity;history", ws, "disclosure")

    def g_fc(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = "WS-%s-FC%d" % (sf.st, rng.randint(1, 3))
        for _ in range(rng.randint(3, 8)):
            c = sf.st if rng.random() < 0.7 else rng.choice(STREET)
            p = w.res[c][rng.randrange(len(w.res[c]))]
            self.pv(rng.randint(a, b), sf, p, "identity;warnings;address", ws, "front_counter", "search")

    def g_lic(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = home or self.ws(sf)
        for _ in range(rng.randint(2, 7)):
            c = rng.choice(["FWC", "FWC", "STA", "FWN"])
            p = w.res[c][rng.randrange(len(w.res[c]))]
            t = rng.randint(a, b)
            if rng.random() < 0.6:
                self.pnc(t, sf, p, ws, "licensing application, premises licence", "licensing")
            else:
                self.ev(t, 3, sf, "search", "person", p, "identity;history", ws, "licensing", "licensing")

    def g_ccu(self, sf, a, b, home):
        rng, w = self.rng, self.w
        ws = home or self.ws(sf)
        for _ in range(rng.randint(2, 6)):
            c = rng.choice(STREET)
            p = w.res[c][rng.randrange(len(w.res[c]))]
            self.pv(rng.randint(a, b), sf, p, "summary;history", ws, "ccu")

    # ------------------------------------------------------------ work on assignments
    def assignment(self, kind, a, t):
        w, rng = self.w, self.rng
        o, s, role = w.a_o[a], w.a_s[a], w.a_role[a]
        sf = self.staff[s]
        truth = w.a_tag[a]
        cat = w.ocat[o]
        persons = w.o_persons[o]
        buf = self.buf
        if kind == 0:
            if role == "call_handler":
                ws = self.crc()
                self.ev(t + 20, 4, sf, "update", "occurrence", o, "summary", ws, "", "call", truth)
                for p, r in persons[:2]:
                    self.pv(t + rng.randint(30, 200), sf, p, "identity;warnings;address", ws, "call", "search", truth=truth)
                if rng.random() < 0.5:
                    self.ev(t + 40, 4, sf, "search", "location", "LOC-%s-%05d" % (w.ost[o], rng.randint(1, 30000)), "summary", ws, "", "call", truth)
                self.ov(t + rng.randint(200, 900), sf, o, "summary", ws, "call", "update", truth)
            elif role == "attending":
                if cat == "stop_check":
                    p = persons[0][0]
                    ws = self.field_dev(sf)
                    self.pnc(t, sf, p, ws, rng.choice(["stop search s1 PACE", "stop search s23 MDA", "stop check"]), "attend", truth)
                    self.pv(t + rng.randint(30, 300), sf, p, "identity;warnings;history", ws, "attend", "search", truth=truth)
                    self.ov(t + rng.randint(600, 2400), sf, o, "summary", ws, "attend", "update", truth)
                    return
                if cat == "custody":
                    ws = "CUS-%s-%02d" % (w.ost[o], rng.randint(1, 12)) if sf.group in ("cust", "sup") else self.ws(sf)
                    p = persons[0][0]
                    if sf.group in ("cust", "sup"):
                        self.ev(t, 6, sf, "update", "occurrence", o, "summary;custody", ws, "", "custody_booking", truth)
                        self.ev(t + rng.randint(60, 900), 6, sf, "view", "person", p, "identity;warnings;custody", ws, "", "custody_booking", truth)
                        self.ev(t + rng.randint(900, 2400), 6, sf, "update", "custody_image", p, "photo", ws, "", "custody_booking", truth)
                    else:
                        self.ev(t + rng.randint(60, 900), 6, sf, "view", "occurrence", o, "summary;custody", ws, "", "attend", truth)
                    return
                ws = self.field_dev(sf)
                self.ev(t, 4, sf, "view", "occurrence", o, "summary", self.mdt(sf), "", "attend", truth)
                self.ov(t + rng.randint(30, 600), sf, o, "summary;notes", ws, "attend", truth=truth)
                for p, r in persons:
                    tt = t + rng.randint(300, 3600)
                    self.pv(tt, sf, p, "identity;warnings;address" if r != "suspect" else "identity;warnings;history", ws, "attend", truth=truth)
                    if r == "suspect" and rng.random() < 0.6:
                        self.pnc(tt + 60, sf, p, ws, "attending incident " + w.oid[o], "attend", truth)
                end = w.a_end[a] or t + 2 * HOUR
                self.ov(end + rng.randint(0, 3600), sf, o, "summary;notes", self.ws(sf) if rng.random() < 0.6 else ws, "attend", "update", truth)
            elif role in ("officer_in_case", "investigator"):
                sh = shifts_between(sf, t - 12 * HOUR, t + 3 * DAY, (0, 1, 3))
                if sh:
                    t = max(t, sh[0][0]) + rng.randint(600, 3 * HOUR)
                ws = (sf.lap if sh and sh[0][2] == 1 and sf.lap else None) or self.ws(sf)
                self.ov(t, sf, o, "summary;notes", ws, "oic", truth=truth)
                for p, r in persons:
                    f = "identity;contact;address;history" if r == "victim" else "identity;history;associates"
                    self.pv(t + rng.randint(60, 2400), sf, p, f, ws, "oic", truth=truth)
                    if sf.group == "cid" and r == "suspect" and rng.random() < 0.5:
                        self.ev(t + rng.randint(60, 2400), 3, sf, "search", "person", p, "identity;associates;history", ws, "ongoing investigation", "oic", truth)
                self.ov(t + rng.randint(2400, 5 * HOUR), sf, o, "summary;notes", ws, "oic", "update", truth)
            elif role == "supervisor":
                self.ov(t, sf, o, "summary;notes", self.ws(sf), "supervise", truth=truth)
            elif role == "analyst":
                pass  # analysts work their taskings as follow-ups
            return
        # follow-up
        sh = shifts_between(sf, t - 14 * HOUR, t + 1, (0, 1, 3))
        home = sh and sh[-1][2] == 1 and sf.lap
        ws = sf.lap if home else (self.ws(sf) if role != "attending" or rng.random() < 0.5 else self.field_dev(sf))
        purpose = "analyst_task" if role == "analyst" else "followup"
        self.ov(t, sf, o, "summary;notes", ws, purpose, truth=truth)
        for p, r in persons:
            if role == "analyst":
                if rng.random() < 0.5:
                    self.ev(t + rng.randint(60, 1800), 5, sf, "view", "person", p, "summary;associates", ws, "", purpose, truth)
                continue
            if r == "victim" or (r == "suspect" and rng.random() < 0.5) or rng.random() < 0.2:
                f = "summary;contact;address" if r in ("victim", "caller") else "summary;history"
                self.pv(t + rng.randint(60, 2400), sf, p, f, ws, purpose, truth=truth)
        if role in ("officer_in_case", "investigator") and rng.random() < 0.4:
            self.ov(t + rng.randint(1800, 4 * HOUR), sf, o, "summary;notes", ws, purpose, "update", truth)

    # ------------------------------------------------------------ the day loop
    def run(self, bundle, scen_by_day, quiet=True, progress=None):
        staff, w = self.staff, self.w
        by_day = [[] for _ in range(self.days)]
        for sf in staff:
            for a, b, mode in sf.shifts:
                d = (a - T0) // DAY
                if 0 <= d < self.days:
                    by_day[d].append((a, sf.i, b, mode))
                elif d == -1 and b > T0:
                    by_day[0].append((a, sf.i, b, mode))
        for d in range(self.days):
            self.rng = R(self.seed, "day", d)
            self.buf = []
            for a, s, b, mode in sorted(by_day[d]):
                self.shift(staff[s], a, b, mode)
            for kind, a, t in w.agenda[d]:
                self.assignment(kind, a, t)
            self.buf.extend(scen_by_day.get(d, ()))
            bundle.flush(d, self.buf)
            self.buf = None
            if progress:
                progress(d)
