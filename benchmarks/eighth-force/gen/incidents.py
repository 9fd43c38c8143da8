"""Calls for service become occurrences: who was in them, who took the call, who attended, who investigates,
custody, and the record look-ups all of that causes (now and over the following weeks)."""
import math
from .util import DAY, HOUR, MIN, weekday
from .organisation import STATIONS, ST_INDEX, AREAS, AREA_SHARE
from .population import new_household, given_for
from .world import C, R

# category: weight, attend p, officers, delay minutes, victim spec, suspect p, arrest p, investigating unit,
#           (kind, median days to close)
CATTAB = {
    "domestic_abuse": (11, .95, 2, (5, 25), ("f", .8, 18, 55), .95, .42, "da", ("crime", 24)),
    "sexual_offence": (2.5, .85, 1, (10, 60), ("f", .87, 13, 40), .7, .25, "rasso", ("crime", 75)),
    "stalking_harassment": (3.5, .45, 1, (30, 240), ("f", .75, 18, 60), .9, .12, "cid_or_da", ("crime", 30)),
    "assault": (8, .8, 2, (5, 40), ("m", .6, 16, 60), .8, .3, "resp_or_cid", ("crime", 14)),
    "theft": (10, .35, 1, (30, 300), ("x", .5, 18, 80), .35, .15, "resp", ("crime", 6)),
    "burglary": (5, .85, 1, (20, 240), ("x", .5, 25, 85), .3, .12, "cid", ("crime", 21)),
    "criminal_damage": (5, .5, 1, (30, 300), ("x", .5, 18, 80), .4, .1, "resp", ("crime", 7)),
    "public_order": (6, .85, 2, (5, 30), None, .9, .35, "resp", ("hours", 8)),
    "road_traffic": (6, .7, 1, (10, 40), ("x", .5, 17, 80), .5, .05, "resp", ("days", 4)),
    "missing_person": (3, .95, 1, (10, 60), "subject", 0, 0, "missing", ("days", 1.5)),
    "concern_for_welfare": (10, .8, 1, (10, 90), "subject", 0, 0, None, ("hours", 6)),
    "mental_health": (6, .85, 2, (10, 60), "subject_mh", 0, 0, None, ("hours", 8)),
    "drugs": (2, .6, 2, (10, 60), None, 1.0, .5, "cid", ("crime", 40)),
    "fraud": (4, .05, 1, (60, 600), ("x", .55, 25, 90), .4, .02, "cid", ("crime", 45)),
    "antisocial_behaviour": (9, .5, 1, (30, 300), ("x", .5, 20, 80), .6, .02, "nbh", ("days", 10)),
    "other": (6, .2, 1, (30, 240), None, 0, 0, None, ("hours", 4)),
}
CAT_LIST = list(CATTAB)
CAT_W = [CATTAB[c][0] for c in CAT_LIST]
HOUR_W = [3, 2.2, 1.6, 1.2, 1, 1, 1.4, 2.2, 3.2, 4, 4.4, 4.6, 4.8, 4.8, 5, 5.2, 5.6, 6, 6, 5.8, 5.4, 5, 4.4, 3.6]
CID_FOR = {"VCN": "VCN", "DKS": "VCN", "SLR": "SLR", "KWR": "SLR", "DRL": "DRL", "SKW": "DRL", "QBH": "DRL",
           "MRB": "DRL", "APT": "VCN"}
PNC_REASONS = {"incident": ("incident", "Incident", "incident - suspect", "INCIDENT"),
               "stop": ("stop check", "Stop check", "stop chk", "S/C", "stop/check"),
               "veh": ("vehicle check", "Vehicle check", "veh chk", "ANPR hit", "veh check"),
               "enq": ("enquiry", "Enquiry", "enquiries", "case enquiry", "enq"),
               "cust": ("custody", "Custody", "custody check", "booking in")}


class Incidents:
    def __init__(self, sim, r):
        self.sim = sim
        self.r = r
        self.unit_staff = {}
        for s in sim.staff:
            for seg in s.segs:
                key = (seg[1], seg[2])
                lst = self.unit_staff.setdefault(key, [])
                if not lst or lst[-1] != s.idx:
                    lst.append(s.idx)
        self.sups = {k: [i for i in v if sim.staff[i].sup] for k, v in self.unit_staff.items()}
        self.unit_any = {}
        for (u, st), lst in self.unit_staff.items():
            self.unit_any.setdefault(u, []).extend(lst)
        self.recent_people = {a: [] for a in AREAS}
        self.cust_suites = [ST_INDEX["VCN"], ST_INDEX["SLR"]]

    # ---- people ------------------------------------------------------------------------------------------
    def person(self, area, sex, amin, amax, repeat=0.15, pool=None):
        r = self.r
        P = self.sim.P
        if pool is not None and pool and r.random() < 0.5:
            for _ in range(4):
                i = pool[r.randrange(len(pool))]
                if self._fits(i, sex, amin, amax):
                    return i
        rp = self.recent_people.get(area)
        if rp and r.random() < repeat:
            for _ in range(4):
                i = rp[r.randrange(len(rp))]
                if self._fits(i, sex, amin, amax):
                    return i
        if r.random() < 0.6:
            lst = P.by_area.get(area) or P.by_area[AREAS[0]]
            for _ in range(8):
                i = lst[r.randrange(len(lst))]
                if self._fits(i, sex, amin, amax):
                    return i
        kind = "single" if amin >= 18 or r.random() < 0.5 else "lone"
        mem = new_household(P, r, area, kind=kind)
        i = mem[-1] if kind == "lone" else mem[0]
        if sex:
            P.sex[i] = sex
            P.given[i] = given_for(r, sex)
        if not self._fits(i, sex, amin, amax) or P.by[i] == 0:
            P.by[i] = 2025 - r.randrange(amin, amax + 1)
        return i

    def _fits(self, i, sex, amin, amax):
        P = self.sim.P
        if sex and P.sex[i] != sex:
            return False
        b = P.by[i]
        if b == 0:
            return True
        a = 2025 - b
        return amin <= a <= amax

    def remember(self, area, i):
        rp = self.recent_people.get(area)
        if rp is not None:
            rp.append(i)
            if len(rp) > 3000:
                del rp[:1000]

    # ---- staff picking ---------------------------------------------------------------------------------------
    def pick(self, unit, station, t, r, max_days=3, tries=6):
        lst = self.unit_staff.get((unit, station)) or self.unit_any.get(unit)
        if not lst:
            return None, None
        best = None
        for _ in range(tries):
            i = lst[r.randrange(len(lst))]
            s = self.sim.staff[i]
            ts = self.sim.slot(i, t, r, max_days)
            if ts is None:
                continue
            load = len(self.sim.caseload[i])
            if best is None or load < best[2]:
                best = (i, ts, load)
        if best is None:
            return None, None
        return best[0], best[1]

    # ---- one day -------------------------------------------------------------------------------------------
    def day(self, d):
        sim, r = self.sim, self.r
        day0 = sim.t0 + d * DAY
        wd = d % 7
        f = 1.12 if wd in (4, 5) else (0.95 if wd == 6 else 1.0)
        n = int(sim.n_staff * 0.145 * f * (0.9 + 0.2 * r.random()))
        calls = []
        for _ in range(n):
            h = r.choices(range(24), HOUR_W)[0]
            t = day0 + h * 3600 + r.randrange(3600)
            area = r.choices(AREAS, AREA_SHARE)[0]
            cat = r.choices(CAT_LIST, CAT_W)[0]
            calls.append((t, area, cat))
        calls.sort()
        for t, area, cat in calls:
            self.call(t, area, cat)

    def call(self, t, area, cat, forced=None):
        """A call for service. forced: dict to steer a scenario's meeting (attending officer, victim...)."""
        sim, r, P = self.sim, self.r, self.sim.P
        spec = CATTAB[cat]
        ci = C[cat]
        occ = sim.new_occ(ci, t, area)
        if r.random() < 0.006:
            # a second log opened for the same call by mistake, closed as a duplicate, nothing attached
            dup = sim.new_occ(ci, t + r.randrange(60, 600), area, listed=False)
            sim.o_close[dup] = sim.o_open[dup] + r.randrange(2, 30) * MIN
        forced = forced or {}
        victim = forced.get("victim")
        suspect = None
        caller = None
        subject = None
        vs = spec[4]
        if vs == "subject" or vs == "subject_mh":
            if victim is not None:
                subject = victim
            elif cat == "missing_person":
                subject = self.person(area, None, 12, 17, 0.3) if r.random() < 0.5 else self.person(area, None, 18, 80, 0.3)
            else:
                vul = P.vulnerable.get(area)
                subject = self.person(area, None, 18, 85, 0.25, pool=vul)
            sim.add_op(occ, subject, R["other"])
            caller = subject if r.random() < 0.3 else self.person(area, None, 18, 80, 0.05)
        elif vs is not None:
            if victim is None:
                sx = vs[0]
                sex = ("f" if r.random() < 0.5 else "m") if sx == "x" else (sx if r.random() < vs[1] else
                                                                          ("m" if sx == "f" else "f"))
                victim = self.person(area, sex, vs[2], vs[3], 0.12)
            sim.add_op(occ, victim, R["victim"])
            caller = victim if r.random() < 0.6 else self.person(area, None, 18, 80, 0.05)
        else:
            caller = self.person(area, None, 18, 80, 0.05)
        if caller is not None and caller != victim and caller != subject:
            sim.add_op(occ, caller, R["caller"])
        if spec[5] and r.random() < spec[5]:
            if cat == "domestic_abuse" and victim is not None and victim in P.partner and r.random() < 0.75:
                suspect = P.partner[victim]
            else:
                suspect = self.person(area, "m" if r.random() < 0.8 else "f", 15, 60, 0.2,
                                      pool=P.prolific.get(area))
            if suspect == victim:
                suspect = None
            if suspect is not None:
                sim.add_op(occ, suspect, R["suspect"])
        witnesses = []
        if r.random() < 0.25:
            w = self.person(area, None, 16, 80, 0.05)
            witnesses.append(w)
            sim.add_op(occ, w, R["witness"])
        for x in (victim, suspect, subject):
            if x is not None:
                self.remember(area, x)
        if victim is not None and cat in ("domestic_abuse", "sexual_offence", "stalking_harassment", "assault",
                                          "burglary"):
            sim.victims_recent.append((t, occ, victim))
        # closure
        kind, med = spec[8]
        if kind == "hours":
            close = t + int(med * HOUR * (0.3 + 1.4 * r.random()))
        elif kind == "days":
            close = t + int(med * DAY * math.exp(r.gauss(0, 0.7)))
        else:
            close = t + int(med * DAY * math.exp(r.gauss(0, 0.8))) if r.random() > 0.12 else t + 400 * DAY
        sim.o_close[occ] = close
        # call handling
        handler = forced.get("handler")
        if handler is None:
            hl = sim.on_duty(t, ("kcc", "kcc_days"), ST_INDEX["KCC"], r, 1)
            handler = hl[r.randrange(len(hl))] if hl else None
        if handler is not None:
            ws = sim.kcc_pos(handler, t)
            end = t + r.randrange(4, 26) * MIN
            sim.add_assign(occ, handler, "call_handler", t, end, r.random() < 0.92)
            sim.ev(t + r.randrange(20, 90), "command_control", handler, "update", "occurrence", occ,
                   "summary;notes", ws)
            first = victim if victim is not None else (subject if subject is not None else caller)
            if first is not None:
                sim.ev(t + r.randrange(60, 200), "rms", handler, "search", "person", first,
                       "identity;address;warnings", ws)
            if caller is not None and caller != first and r.random() < 0.5:
                sim.ev(t + r.randrange(100, 300), "rms", handler, "search", "person", caller, "identity;address", ws)
            if suspect is not None and r.random() < 0.45:
                sim.ev(t + r.randrange(120, 400), "rms", handler, "search", "person", suspect,
                       "identity;warnings;history", ws)
            if r.random() < 0.3:
                sim.ev(t + r.randrange(60, 300), "command_control", handler, "view", "location",
                       sim.location(r, area), "address;history", ws)
        # dispatch
        disp = sim.on_duty(t, ("jcr",), ST_INDEX["JCR"], r, 1)
        dsp = disp[0] if disp else None
        if forced.get("dispatcher") is not None:
            dsp = forced["dispatcher"]
        attend_p = spec[1]
        attending = []
        if forced.get("attend") is not None:
            attending = [forced["attend"]]
        if r.random() < attend_p or attending:
            delay = r.randrange(spec[3][0], spec[3][1] + 1) * MIN
            ta = t + delay
            st_kind = STATIONS[area][2]
            if cat == "antisocial_behaviour" and r.random() < 0.6:
                units = ("nbh", "pcso")
            elif st_kind == "airport":
                units = ("apu", "apu_secondment")
            elif st_kind == "city":
                units = ("resp_city",)
            else:
                units = ("resp_town",)
            if not attending:
                cand = sim.on_duty(ta, units, area, r, 3)
                if not cand and units[0] in ("nbh", "pcso"):
                    cand = sim.on_duty(ta, ("resp_city", "resp_town"), area, r, 3)
                if cand:
                    k = spec[2] if r.random() < 0.8 else 1
                    for _ in range(k):
                        o = cand[r.randrange(len(cand))]
                        if o not in attending and sim.staff[o].role != "supervisor":
                            attending.append(o)
                wdx = weekday(ta)
                if attending and len(attending) < 2 and wdx in (4, 5) and r.random() < 0.5:
                    sp = sim.on_duty(ta, ("specials",), ST_INDEX["VCN" if st_kind == "city" else "DRL"], r, 1)
                    if sp:
                        attending.append(sp[r.randrange(len(sp))])
            for o in attending:
                self.attend(occ, o, ta + r.randrange(0, 6) * MIN, victim, suspect, subject, witnesses, area)
            if dsp is not None:
                cw = sim.jcr_console(dsp, t)
                sim.ev(t + r.randrange(60, 400), "command_control", dsp, "view", "occurrence", occ, "summary;notes", cw)
                sim.ev(ta - r.randrange(0, 120), "command_control", dsp, "update", "occurrence", occ, "notes", cw)
                if suspect is not None and r.random() < 0.25:
                    sim.ev(ta - r.randrange(30, 200), "rms", dsp, "view", "person", suspect, "warnings", cw)
        elif dsp is not None and r.random() < 0.5:
            sim.ev(t + r.randrange(60, 900), "command_control", dsp, "view", "occurrence", occ, "summary",
                   sim.jcr_console(dsp, t))
        # investigation
        oic = self.investigate(occ, cat, spec, t, area, attending, victim, suspect, subject, forced)
        # arrest and custody
        if suspect is not None and spec[6] and r.random() < spec[6]:
            arrester = attending[0] if attending else oic
            if arrester is not None:
                ta = (t + r.randrange(30, 180) * MIN) if attending else sim.slot(arrester, t + DAY, r, 10)
                if ta is not None:
                    self.custody(occ, suspect, ta, arrester, area, oic)
        return occ

    def attend(self, occ, o, ta, victim, suspect, subject, witnesses, area):
        sim, r = self.sim, self.r
        dur = r.randrange(30, 240) * MIN
        sim.add_assign(occ, o, "attending", ta, ta + dur, r.random() < 0.22)
        dev = sim.mobile(o, ta, r)
        sim.ev(ta - r.randrange(60, 250), "rms", o, "view", "occurrence", occ, "summary;notes", dev)
        main = victim if victim is not None else subject
        if main is not None:
            sim.ev(ta + r.randrange(60, 600), "rms", o, "search", "person", main, "identity;warnings;address", dev)
            if r.random() < 0.3:
                sim.ev(ta + r.randrange(600, 3600), "rms", o, "view", "person", main, "contact", dev)
        if suspect is not None and r.random() < 0.65:
            sim.ev(ta + r.randrange(120, 900), "pnc", o, "search", "person", suspect, "identity;warnings",
                   sim.mobile(o, ta, r), r.choice(PNC_REASONS["incident"]))
        for w in witnesses:
            if r.random() < 0.4:
                sim.ev(ta + r.randrange(300, 2400), "rms", o, "search", "person", w, "identity;contact", dev)
        sim.ev(ta + dur - r.randrange(0, 600), "rms", o, "update", "occurrence", occ, "notes", dev)

    def investigate(self, occ, cat, spec, t, area, attending, victim, suspect, subject, forced):
        sim, r = self.sim, self.r
        inv = spec[7]
        if inv is None or spec[8][0] == "hours":
            return None
        code = STATIONS[area][0]
        oic = forced.get("oic")
        ts = None
        unit = None
        if oic is not None:
            ts = sim.slot(oic, t + HOUR, r, 4)
        else:
            if inv == "da":
                unit = "daiu" if r.random() < 0.45 else "resp"
            elif inv == "rasso":
                unit = "rasso"
            elif inv == "cid":
                unit = "cid"
            elif inv == "cid_or_da":
                unit = "daiu" if r.random() < 0.5 else "cid"
            elif inv == "resp_or_cid":
                unit = "resp" if r.random() < 0.7 else "cid"
            elif inv in ("resp", "missing"):
                unit = "resp"
            elif inv == "nbh":
                unit = "nbh"
            if unit == "resp" and attending and sim.staff[attending[0]].role != "special_constable":
                oic = attending[0]
                ts = sim.slot(oic, t + 2 * HOUR, r, 5)
            elif unit == "resp":
                kind = STATIONS[area][2]
                u = "resp_city" if kind == "city" else ("apu" if kind == "airport" else "resp_town")
                oic, ts = self.pick(u, area, t + HOUR, r)
            elif unit == "cid":
                oic, ts = self.pick("cid", ST_INDEX[CID_FOR[code]], t + 2 * HOUR, r)
            elif unit == "nbh":
                oic, ts = self.pick("nbh", area, t + HOUR, r)
            else:
                oic, ts = self.pick(unit, ST_INDEX["ORH"], t + 2 * HOUR, r)
        if oic is None or ts is None:
            return None
        close = sim.o_close[occ]
        if close <= ts + 6 * HOUR:
            close = ts + r.randrange(6, 72) * HOUR
            sim.o_close[occ] = close
        sim.add_assign(occ, oic, "officer_in_case", ts, close, r.random() < 0.1)
        self.followups(occ, oic, ts, close, victim, suspect, subject)
        # partner agencies and specialist investigators
        child = victim is not None and 0 <= sim.P.age(victim) < 18 or (
            subject is not None and 0 <= sim.P.age(subject) < 18)
        if (cat == "domestic_abuse" and r.random() < 0.3) or (cat == "stalking_harassment" and r.random() < 0.2):
            m, tm = self.pick("marac", ST_INDEX["ORH"], ts + DAY, r, 5)
            if m is not None:
                sim.add_assign(occ, m, "investigator", tm, close, r.random() < 0.2)
                self.followups(occ, m, tm, close, victim, suspect, subject, sparse=True)
        if child and cat in ("sexual_offence", "missing_person", "domestic_abuse") and r.random() < 0.6:
            m, tm = self.pick("child", ST_INDEX["ORH"], ts + HOUR, r, 4)
            if m is not None:
                sim.add_assign(occ, m, "investigator", tm, close, r.random() < 0.2)
                self.followups(occ, m, tm, close, victim, suspect, subject, sparse=True)
        # supervision
        if r.random() < 0.45:
            seg = sim.staff[oic].seg_at((ts - sim.t0) // DAY)
            sups = self.sups.get((seg[1], seg[2]), ())
            if sups:
                sp = sups[r.randrange(len(sups))]
                tsup = sim.slot(sp, ts + r.randrange(2, 48) * HOUR, r, 5)
                if tsup is not None:
                    sim.add_assign(occ, sp, "supervisor", tsup, None, False)
                    ws = sim.desk(sp, tsup, r)
                    sim.ev(tsup, "rms", sp, "view", "occurrence", occ, "summary;notes", ws)
                    if r.random() < 0.5:
                        sim.ev(tsup + r.randrange(60, 900), "rms", sp, "update", "occurrence", occ, "notes", ws)
                    if victim is not None and r.random() < 0.3:
                        sim.ev(tsup + r.randrange(60, 900), "rms", sp, "view", "person", victim, "identity;history", ws)
        # analyst tasking for volume crime series
        if cat in ("burglary", "drugs", "theft") and r.random() < (0.3 if cat != "theft" else 0.05):
            st = ST_INDEX["DRL"] if STATIONS[area][2] == "town" else ST_INDEX["VCN"]
            an, ta = self.pick("area_intel", st, t + DAY, r, 5)
            if an is None:
                an, ta = self.pick("fib", ST_INDEX["FNH"], t + DAY, r, 5)
            if an is not None:
                sim.add_assign(occ, an, "analyst", ta, ta + 30 * DAY, True)
                ws = sim.desk(an, ta, r)
                sim.ev(ta, "rms", an, "view", "occurrence", occ, "summary;notes", ws)
                if suspect is not None:
                    sim.ev(ta + r.randrange(60, 1200), "intelligence", an, "search", "person", suspect,
                           "identity;associates;history", ws, r.choice(("series analysis", "tasking", "research")))
        return oic

    def followups(self, occ, oic, ts, close, victim, suspect, subject, sparse=False):
        sim, r = self.sim, self.r
        s = sim.staff[oic]
        role = s.seg_at((ts - sim.t0) // DAY)[5]
        det = role in ("detective", "safeguarding_officer", "supervisor")
        offsets = (0, 0.6, 1.5, 3, 5, 8, 12, 17, 24, 32, 42, 55, 70, 90)
        if sparse:
            offsets = offsets[::2]
        horizon = min(close, sim.t_end) if close > 0 else sim.t_end
        last = None
        for off in offsets:
            tt = ts + int(off * DAY)
            if tt >= horizon:
                break
            if r.random() < 0.25:
                continue
            x = sim.slot(oic, tt, r, 4)
            if x is None or x >= horizon + DAY or (last is not None and x <= last):
                continue
            last = x
            self._work_case(occ, oic, x, victim, suspect, subject, det)
        # file update or victim letter after closure
        if close > 0 and close < sim.t_end and r.random() < 0.3:
            x = sim.slot(oic, close + r.randrange(1, 10) * DAY, r, 5)
            if x is not None:
                self._work_case(occ, oic, x, victim, suspect, subject, det, after=True)

    def _work_case(self, occ, oic, x, victim, suspect, subject, det, after=False):
        sim, r = self.sim, self.r
        y = r.random()
        if det:
            ws = sim.desk(oic, x, r) if y < 0.72 else (sim.remote(oic, x, r) if y < 0.9 else sim.mobile(oic, x, r))
        else:
            ws = sim.desk(oic, x, r) if y < 0.45 else sim.mobile(oic, x, r)
        sim.ev(x, "rms", oic, "view", "occurrence", occ, "summary;notes", ws)
        t = x
        main = victim if victim is not None else subject
        if main is not None and r.random() < 0.55:
            t += r.randrange(30, 600)
            sim.ev(t, "rms", oic, "view", "person", main, r.choice(("identity;contact", "contact", "identity;contact;notes",
                                                                 "identity;address")), ws)
        if suspect is not None and not after and r.random() < 0.45:
            t += r.randrange(30, 600)
            sim.ev(t, "rms", oic, "view", "person", suspect, "identity;history;warnings", ws)
            if det and r.random() < 0.35 and not ws.startswith("BCN-"):
                t += r.randrange(30, 600)
                sim.ev(t, "pnd", oic, "search", "person", suspect, "identity;history;associates", ws,
                       r.choice(("investigation", "Investigation", "crime investigation")))
            elif r.random() < 0.25:
                t += r.randrange(30, 600)
                sim.ev(t, "pnc", oic, "search", "person", suspect, "identity;warnings", ws,
                       r.choice(PNC_REASONS["enq"]))
        if r.random() < 0.5:
            sim.ev(t + r.randrange(30, 900), "rms", oic, "update", "occurrence", occ, "notes", ws)

    # ---- custody -----------------------------------------------------------------------------------------------
    def custody(self, occ, suspect, ta, arrester, area, oic):
        sim, r = self.sim, self.r
        suite = ST_INDEX[STATIONS[area][4]]
        tb = ta + r.randrange(25, 75) * MIN
        c = sim.new_occ(C["custody"], tb, suite)
        sim.add_op(c, suspect, R["suspect"])
        rel = tb + r.randrange(4, 30) * HOUR
        sim.o_close[c] = rel
        cu = "cust_vcn" if STATIONS[suite][0] == "VCN" else "cust_slr"
        on = sim.on_duty(tb, (cu,), suite, r, 1)
        if not on:
            return
        bk = on[r.randrange(len(on))]
        sim.add_assign(c, bk, "supervisor", tb, rel, r.random() < 0.7)
        term = sim.custody_term(suite, r)
        sim.ev(tb + r.randrange(60, 300), "custody", bk, "update", "person", suspect, "identity;custody", term)
        sim.ev(tb + r.randrange(300, 900), "pnc", bk, "search", "person", suspect, "identity;warnings", term,
               r.choice(PNC_REASONS["cust"]))
        sim.ev(tb + r.randrange(600, 1500), "custody", bk, "update", "custody_image", suspect, "photo", term)
        sim.ev(tb + r.randrange(60, 600), "custody", bk, "update", "occurrence", c, "custody;notes", term)
        # detention reviews and checks by whoever is on at the suite
        t = tb + r.randrange(1, 3) * HOUR
        while t < rel - HOUR:
            on2 = sim.on_duty(t, (cu,), suite, r, 1)
            if on2:
                k = on2[r.randrange(len(on2))]
                sim.ev(t, "custody", k, "view", "person", suspect, "custody", sim.custody_term(suite, r))
                if r.random() < 0.3:
                    sim.ev(t + 120, "custody", k, "view", "occurrence", c, "custody;notes", sim.custody_term(suite, r))
            t += r.randrange(2, 6) * HOUR
        on3 = sim.on_duty(rel, (cu,), suite, r, 1)
        if on3:
            k = on3[r.randrange(len(on3))]
            sim.ev(rel - r.randrange(60, 900), "custody", k, "update", "person", suspect, "custody",
                   sim.custody_term(suite, r))
        sim.custody_recent.setdefault(suite, []).append((c, suspect, rel))
        # arresting officer writes up
        dev = sim.mobile(arrester, tb, r)
        sim.ev(tb + r.randrange(1800, 7200), "rms", arrester, "update", "occurrence", occ, "notes;custody", dev)
        # interview preparation by the investigator
        if oic is not None and oic != arrester:
            x = sim.slot(oic, tb, r, 1)
            if x is not None and x < rel:
                sim.ev(x, "custody", oic, "view", "person", suspect, "custody;identity", sim.desk(oic, x, r))
                sim.ev(x + r.randrange(60, 600), "rms", oic, "view", "person", suspect, "history;warnings",
                       sim.desk(oic, x, r))
        # charged: the criminal justice unit builds a file
        if r.random() < 0.4:
            cj, x = self.pick("cju", ST_INDEX["FNH"], rel + r.randrange(1, 6) * DAY, r, 6)
            if cj is not None:
                ws = sim.desk(cj, x, r)
                sim.ev(x, "rms", cj, "view", "occurrence", occ, "summary;notes", ws)
                sim.ev(x + r.randrange(60, 600), "rms", cj, "view", "person", suspect, "identity;history", ws)
                vic = sim.persons_of(occ, R["victim"])
                if vic and r.random() < 0.6:
                    sim.ev(x + r.randrange(300, 1200), "rms", cj, "view", "person", vic[0], "identity;contact", ws)
                if r.random() < 0.2:
                    sim.ev(x + r.randrange(600, 1800), "rms", cj, "print", "occurrence", occ, "summary;notes", ws)
