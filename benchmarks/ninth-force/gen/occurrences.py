"""Incidents and crimes: who was in them, who handled them, and the look-ups their handling leaves in the audit."""
import bisect
import math

from .clock import DAY, HOUR, local_midnight_utc, local_hour
from .world import F_SEARCH, F_PERSON, F_PERSON_FULL, F_OCC, F_OCC_NOTES, F_VEH

# category: weight, attend prob, investigator, min days, max days, share left open, arrest prob
CATS = {
    "domestic_abuse": (11, .95, "da", 4, 90, .25, .35),
    "sexual_offence": (2, .8, "ppu", 30, 300, .6, .25),
    "stalking_harassment": (4, .6, "da", 10, 120, .3, .1),
    "assault": (9, .9, "cid_or_att", 3, 60, .15, .3),
    "theft": (13, .55, "enq_or_att", 1, 25, .05, .08),
    "burglary": (5, .85, "cid_or_att", 5, 70, .2, .08),
    "criminal_damage": (7, .6, "attending", 1, 25, .05, .06),
    "public_order": (5, .95, "attending", 1, 20, .05, .35),
    "road_traffic": (8, .9, "roads", 1, 45, .1, .06),
    "missing_person": (3, .9, "mispers", .2, 3, 0, 0),
    "concern_for_welfare": (9, .85, "none", .05, 1, 0, 0),
    "mental_health": (5, .85, "none", .05, 2, 0, .03),
    "drugs": (3, .9, "attending", 5, 60, .2, .45),
    "fraud": (4, .15, "enq_or_att", 10, 120, .3, .02),
    "antisocial_behaviour": (8, .7, "nbh", 1, 30, .1, .02),
    "other": (4, .5, "attending", 1, 30, .05, .02),
}
CAT_NAMES = list(CATS)
HOURS = [3, 2, 1.5, 1, 1, 1, 1.5, 2.5, 4, 5, 5.5, 6, 6, 6, 6.5, 7, 7.5, 8, 8, 8, 7.5, 7, 6, 4.5]
PNC_REASON = {"domestic_abuse": ("DA incident", "domestic", "DASH check"), "road_traffic": ("RTC", "rtc - driver check", "collision"),
              "assault": ("assault suspect", "enquiry"), "public_order": ("public order", "arrest enquiry"),
              "drugs": ("drugs search", "s23 MDA"), "burglary": ("burglary enquiry", "suspect check")}


def _cum(ws):
    out, t = [], 0.0
    for w in ws:
        t += w
        out.append(t)
    return out


class Occurrences:
    def __init__(self, world, rng):
        self.w, self.r = world, rng
        self.seq = 0
        self.cust_seq = 0
        self.cat_cum = _cum([CATS[c][0] for c in CAT_NAMES])
        self.hour_cum = _cum(HOURS)
        geo = world.geo
        self.areas = geo.areas
        self.area_cum = _cum([a.weight for a in geo.areas])
        self.rural_cum = _cum([a.weight * (3 if a.kind == "village" else 1) for a in geo.areas])
        self.by_unit = {}
        for s in world.staff:
            self.by_unit.setdefault(s.unit, []).append(s)
        self.open_by_hub = {}

    def oid(self, opened):
        self.seq += 1
        return "OC-%s-%06d" % (str(2026 + (opened - self.w.start) // (365 * DAY))[2:] if opened >= self.w.start else "26", self.seq)

    def run(self, backlog_days=60):
        w, r = self.w, self.r
        rate = len(w.staff) * .085
        for d in range(-backlog_days, w.days):
            n = max(0, int(r.gauss(rate, math.sqrt(rate))))
            mid = local_midnight_utc(d)
            for _ in range(n):
                cat = CAT_NAMES[bisect.bisect_left(self.cat_cum, r.random() * self.cat_cum[-1])]
                h = bisect.bisect_left(self.hour_cum, r.random() * self.hour_cum[-1])
                t0 = mid + h * HOUR + r.randrange(3600)
                cum = self.rural_cum if cat in ("theft", "road_traffic", "criminal_damage") else self.area_cum
                area = self.areas[bisect.bisect_left(cum, r.random() * cum[-1])]
                self.occurrence(cat, t0, area)

    # ------------------------------------------------------------------ people in it
    def _people(self, o, cat, area):
        w, r, pop = self.w, self.r, self.w.pop
        near = [area.code] if r.random() < .6 else w.hub_areas[area.hub]
        adult = lambda p: p.age() >= 18
        if cat in ("domestic_abuse", "stalking_harassment"):
            v = pop.pick_in(r, near, lambda p: adult(p) and p.age() < 70 and (p.sex == "female") == (r.random() < .82))
            if v is None:
                return
            w.involve(o, v, "victim")
            pop.mark(v, "domestic_abuse_victim" if cat == "domestic_abuse" else "stalking_victim")
            partners = [j for j, rel in v.links if rel in ("partner", "spouse", "ex_partner")]
            if partners and r.random() < .7:
                s = pop.people[r.choice(partners)]
            else:
                s = pop.pick_in(r, w.hub_areas[area.hub], lambda p: adult(p) and p.sex != v.sex and p.age() < 65)
                if s is not None and r.random() < .8:
                    pop.link(v, s, "ex_partner")
            if s is not None:
                w.involve(o, s, "suspect")
            kids = [j for j, rel in v.links if rel == "parent" and pop.people[j].age() < 18]
            if kids and r.random() < .3:
                w.involve(o, pop.people[kids[0]], "witness")
            if r.random() < .25:
                c = pop.pick_in(r, [area.code], adult)
                if c is not None and c.i != v.i:
                    w.involve(o, c, "caller")
        elif cat == "sexual_offence":
            v = pop.pick_in(r, near, lambda p: 13 <= p.age() <= 50 and (p.sex == "female") == (r.random() < .85))
            if v is None:
                return
            w.involve(o, v, "victim")
            pop.mark(v, "sexual_offence_victim")
            if r.random() < .7:
                s = pop.pick_in(r, w.hub_areas[area.hub], lambda p: adult(p) and p.sex == "male")
                if s is not None:
                    w.involve(o, s, "suspect")
        elif cat == "missing_person":
            if r.random() < .55 and pop.care_homes:
                kids = pop.care_homes[r.randrange(len(pop.care_homes))]
                v = pop.people[kids[int(r.random() ** 2 * len(kids))].i] if hasattr(kids[0], "i") else None
            else:
                v = pop.pick_in(r, near, lambda p: p.age() < 18 or "mental_health" in p.markers)
            if v is None:
                return
            w.involve(o, v, "other")
            pop.mark(v, "missing_person")
        elif cat in ("mental_health", "concern_for_welfare"):
            v = pop.pick_in(r, near, lambda p: adult(p) and ("mental_health" in p.markers or r.random() < (.15 if cat == "mental_health" else .5)))
            if v is None:
                return
            w.involve(o, v, "other")
            if cat == "mental_health":
                pop.mark(v, "mental_health")
            if r.random() < .5:
                c = pop.pick_in(r, [area.code], adult)
                if c is not None and c.i != v.i:
                    w.involve(o, c, "caller")
        elif cat == "road_traffic":
            for k in range(r.choice((1, 2, 2, 3))):
                d = pop.pick_in(r, near, lambda p: 17 <= p.age() <= 85)
                if d is not None and all(d.i != x for x, _ in o.persons):
                    w.involve(o, d, "suspect" if k == 0 and r.random() < .3 else "other")
        elif cat == "antisocial_behaviour":
            for _ in range(r.choice((1, 1, 2, 3))):
                y = pop.pick_in(r, near, lambda p: 12 <= p.age() <= 21)
                if y is not None and all(y.i != x for x, _ in o.persons):
                    w.involve(o, y, "suspect")
            c = pop.pick_in(r, [area.code], adult)
            if c is not None and all(c.i != x for x, _ in o.persons):
                w.involve(o, c, "caller")
        else:
            if cat in ("assault", "theft", "burglary", "criminal_damage", "fraud", "other"):
                v = pop.pick_in(r, near, (lambda p: p.age() >= 50) if cat == "fraud" else adult)
                if v is not None:
                    w.involve(o, v, "victim")
            if cat in ("assault", "public_order", "drugs") or r.random() < .3:
                for _ in range(1 if cat != "public_order" else r.choice((1, 2))):
                    s = pop.pick_in(r, w.hub_areas[area.hub], lambda p: 15 <= p.age() <= 60 and (p.sex == "male") == (r.random() < .8))
                    if s is not None and all(s.i != x for x, _ in o.persons):
                        w.involve(o, s, "suspect")
            if r.random() < .35:
                x = pop.pick_in(r, [area.code], adult)
                if x is not None and all(x.i != y for y, _ in o.persons):
                    w.involve(o, x, "witness")

    # ------------------------------------------------------------------ handling
    def _on(self, pool, t, fallback_unit=None):
        who = self.w.onduty.who(pool, t)
        if who:
            return self.w.staff[who[self.r.randrange(len(who))]]
        if fallback_unit:
            lst = self.by_unit.get(fallback_unit)
            if lst:
                return self.r.choice(lst)
        return None

    def occurrence(self, cat, t0, area):
        w, r = self.w, self.r
        _, attend_p, inv, lo, hi, open_p, arrest_p = CATS[cat]
        dur = int(DAY * (lo + (hi - lo) * r.random() ** 1.6))
        closed = None if r.random() < open_p or t0 + dur >= w.end else t0 + dur
        station = area.station if area.kind == "village" else area.hub
        o = w.new_occ(self.oid(t0), cat, t0, closed, station, area.hub, area)
        self._people(o, cat, area)
        self.open_by_hub.setdefault(area.hub, []).append(o.i)
        dev = w.dev
        # control room
        if r.random() < (.93 if cat != "fraud" else .4):
            ch = self._on("ctrl_ch", t0, "ctrl_ch")
            if ch:
                w.assign(o, ch, "call_handler", t0 - r.randint(20, 200), t0 + r.randint(300, 1500))
                ws = dev.pick(r, ch)
                w.add(t0, "command_control", ch, "update", "occurrence", o.oid, "summary", ws)
                for pi, role in o.persons:
                    if role in ("caller", "victim", "other") and r.random() < .7:
                        w.add(t0 + r.randint(20, 400), "rms", ch, "search", "person", w.pop.people[pi].pid, F_SEARCH, ws)
                w.add(t0 + r.randint(200, 900), "command_control", ch, "update", "occurrence", o.oid, "summary;notes", ws)
            dp = self._on("ctrl_disp", t0)
            if dp:
                if r.random() < .4:
                    w.assign(o, dp, "call_handler", t0 + 60, t0 + r.randint(900, 3600))
                w.add(t0 + r.randint(60, 600), "command_control", dp, "view", "occurrence", o.oid, "summary", dev.pick(r, dp))
        attenders = []
        if r.random() < attend_p:
            attenders = self._attend(o, cat, t0, area)
        oic = self._investigator(o, inv, attenders, t0)
        if oic is not None:
            self._investigate(o, oic, cat)
        if cat in ("domestic_abuse", "sexual_offence", "stalking_harassment", "missing_person", "burglary") and r.random() < .6:
            sv = self._on("sup:" + o.hub, t0 + 3 * HOUR) or self._on("ctrl_sup", t0)
            if sv:
                ts = t0 + r.randint(1800, 20 * HOUR)
                w.assign(o, sv, "supervisor", ts, closed if r.random() < .3 else None)
                w.add(ts, "rms", sv, "view", "occurrence", o.oid, F_OCC_NOTES, dev.pick(r, sv, mobile=False))
                if r.random() < .5:
                    w.add(ts + r.randint(60, 900), "rms", sv, "update", "occurrence", o.oid, "notes", dev.pick(r, sv, mobile=False))
        if cat in ("burglary", "theft", "drugs", "criminal_damage") and r.random() < .12 and self.by_unit.get("intel"):
            an = r.choice(self.by_unit["intel"])
            ts = w.at_work(r, an, t0 + r.randint(0, 5 * DAY))
            if ts:
                w.assign(o, an, "analyst", ts, None if r.random() < .5 else ts + r.randint(5, 40) * DAY)
                w.add(ts, "rms", an, "view", "occurrence", o.oid, F_OCC_NOTES, dev.pick(r, an))
                for pi, role in o.persons[:2]:
                    w.add(ts + r.randint(60, 1800), "intelligence", an, "search", "person", w.pop.people[pi].pid, "summary;associates", dev.pick(r, an))
        if attenders and arrest_p and r.random() < arrest_p:
            sus = [pi for pi, role in o.persons if role == "suspect"]
            if sus:
                self.custody(w.pop.people[sus[0]], attenders[0], t0 + r.randint(1800, 4 * HOUR), o.hub, oic)

    def _attend(self, o, cat, t0, area):
        w, r = self.w, self.r
        lh = local_hour(t0)
        cands = []
        if cat == "road_traffic" and r.random() < .6:
            cands.append("roads")
        if cat in ("mental_health", "concern_for_welfare") and area.kind != "village" and r.random() < .55:
            cands.append("triage")
        if area.kind == "village" and 8 <= lh < 20 and r.random() < .55:
            cands.append("nbh:" + area.station)
        if r.random() < .15:
            cands.append("special:" + area.hub)
        cands.append("response:" + area.hub)
        att = []
        for pool in cands:
            s = self._on(pool, t0)
            if s:
                att.append(s)
                if r.random() < .75 or len(att) == 2:
                    break
        if not att:
            s = self._on("response:" + w.geo.hubs()[0], t0)
            if s is None:
                return []
            att.append(s)
        dev = w.dev
        pop = w.pop
        for s in att:
            ta = t0 + r.randint(600, 5400 if area.kind == "village" else 2400)
            end = None if r.random() < .35 else ta + r.randint(1800, 5 * HOUR)
            w.assign(o, s, "attending", ta, end)
            ws = dev.pick(r, s)
            w.add(ta - r.randint(60, 500), "rms", s, "view", "occurrence", o.oid, F_OCC, ws)
            for pi, role in o.persons:
                p = pop.people[pi]
                if role == "suspect" or (cat == "road_traffic" and role == "other"):
                    if r.random() < .7 and s.unit != "pcso":
                        w.add(ta + r.randint(-300, 1800), "pnc", s, "search", "person", p.pid, "identity;warnings",
                              ws, r.choice(PNC_REASON.get(cat, ("incident", "enquiry", "name check"))))
                    if r.random() < .5:
                        w.add(ta + r.randint(0, 3600), "rms", s, "view", "person", p.pid, "summary;identity;warnings;history", ws)
                elif role in ("victim", "other") and r.random() < .75:
                    w.add(ta + r.randint(0, 3600), "rms", s, "view", "person", p.pid, F_PERSON_FULL, ws)
            if cat == "road_traffic":
                for _ in range(r.randint(1, 3)):
                    w.add(ta + r.randint(0, 1800), "pnc", s, "search", "vehicle", self.vrm(), F_VEH, ws, "RTC")
            w.add(ta + r.randint(1800, 4 * HOUR), "rms", s, "update", "occurrence", o.oid, "summary;notes", dev.pick(r, s))
        return att

    def vrm(self):
        r = self.r
        L = "ABCDEFGHJKLMNOPRSTUVWXY"
        return "%s%s%02d %s%s%s" % (r.choice("KKKKWSYAB"), r.choice(L), r.choice((15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75)),
                                     r.choice(L), r.choice(L), r.choice(L))

    def _investigator(self, o, inv, att, t0):
        r = self.r
        u = self.by_unit
        if inv == "none":
            return None
        if inv == "da":
            if r.random() < .35 and u.get("ppu"):
                return self._near(u["ppu"], o.hub)
            return att[0] if att else None
        if inv == "ppu":
            return self._near(u.get("ppu") or u["cid"], o.hub)
        if inv == "cid_or_att":
            if r.random() < .45:
                return self._near(u["cid"], o.hub)
            return att[0] if att else None
        if inv == "enq_or_att":
            if (r.random() < .4 or not att) and u.get("enquiry"):
                return r.choice(u["enquiry"])
            return att[0] if att else None
        if inv == "roads":
            return att[0] if att else None
        if inv == "mispers":
            kid = self.w.pop.people[o.persons[0][0]] if o.persons else None
            if kid is not None and kid.kind == "care_home" and u.get("mispers"):
                return r.choice(u["mispers"])
            return att[0] if att else None
        if inv == "nbh":
            st = o.station
            lst = [s for s in u.get("nbh", []) if s.station == st] or [s for s in u.get("nbh", []) if s.hub == o.hub]
            if lst:
                return r.choice(lst)
            return att[0] if att else None
        return att[0] if att else None

    def _near(self, lst, hub):
        towns0 = self.w.geo.towns[0]
        want = towns0 if hub == towns0 else self.w.geo.hubs()[0]
        cands = [s for s in lst if s.station == want] or lst
        return cands[self.r.randrange(len(cands))]

    def _investigate(self, o, s, cat):
        w, r = self.w, self.r
        pop, dev = w.pop, w.dev
        start = o.opened + r.randint(1800, 2 * DAY)
        w.assign(o, s, "officer_in_case" if s.unit != "enquiry" else "investigator", start, o.closed)
        until = min(o.closed or w.end, w.end)
        gap = {"sexual_offence": 4, "domestic_abuse": 3, "stalking_harassment": 4}.get(cat, 6) * DAY
        t = max(start, w.start - gap)
        vict = [pi for pi, role in o.persons if role in ("victim", "other")]
        sus = [pi for pi, role in o.persons if role == "suspect"]
        n = 0
        while n < 40:
            t += int(r.expovariate(1.0 / gap)) + 3600
            if t >= until:
                break
            ts = w.at_work(r, s, t)
            if ts is None or ts >= until + DAY:
                break
            n += 1
            ws = dev.pick(r, s, mobile=False)
            w.add(ts, "rms", s, "view", "occurrence", o.oid, F_OCC_NOTES, ws)
            if r.random() < .5:
                w.add(ts + r.randint(120, 2400), "rms", s, "update", "occurrence", o.oid, "notes", ws)
            for pi in vict[:1] + sus[:1]:
                if r.random() < .55:
                    w.add(ts + r.randint(60, 1800), "rms", s, "view", "person", pop.people[pi].pid,
                          F_PERSON_FULL if pi in vict else "summary;identity;warnings;history", ws)
            if r.random() < .2 and (vict or sus):
                p = pop.people[r.choice(vict + sus)]
                if p.links:
                    q = pop.people[r.choice(p.links)[0]]
                    w.add(ts + r.randint(60, 2400), "rms", s, "view", "person", q.pid, "summary;identity;associates", ws)
            if sus and s.unit in ("ppu", "cid") and r.random() < .15:
                w.add(ts + r.randint(60, 2400), "pnd", s, "search", "person", pop.people[sus[0]].pid, "summary;history", ws, r.choice(("enquiry", "research", "safeguarding")))
        if o.closed and r.random() < .2:
            ts = w.at_work(r, s, o.closed + r.randint(1, 30) * DAY)
            if ts:
                w.add(ts, "rms", s, "view", "occurrence", o.oid, F_OCC_NOTES, dev.pick(r, s, mobile=False))
                if vict and r.random() < .5:
                    w.add(ts + r.randint(60, 900), "rms", s, "view", "person", pop.people[vict[0]].pid, "summary;identity", dev.pick(r, s, mobile=False))

    def custody(self, p, arresting, tb, hub, oic):
        w, r = self.w, self.r
        geo = w.geo
        suite = geo.custody_suites[1] if hub == geo.towns[0] or (hub != geo.hubs()[0] and geo.towns.index(hub) % 2 == 1) else geo.custody_suites[0]
        self.cust_seq += 1
        cid = "CUS-%s-%05d" % (w.dev.tags[suite], self.cust_seq)
        rel = tb + r.randint(4 * HOUR, 30 * HOUR)
        o = w.new_occ(cid, "custody", tb, rel if rel < w.end else None, suite, hub, None)
        w.involve(o, p, "suspect")
        w.pop.mark(p, "custody_detainee")
        w.assign(o, arresting, "attending", tb - 1800, tb + r.randint(2 * HOUR, 6 * HOUR))
        t = tb
        first = True
        while t < min(rel, w.end):
            co = self._on("custody:" + suite, t, None)
            if co:
                ws = w.dev.pick(r, co)
                if first:
                    w.add(t, "custody", co, "update", "occurrence", cid, "summary;custody", ws)
                    w.add(t + 120, "custody", co, "update", "person", p.pid, "identity;warnings;custody", ws)
                    w.add(t + 900, "custody", co, "update", "custody_image", p.pid, "photo", ws)
                    first = False
                else:
                    w.add(t, "custody", co, "view", "person", p.pid, r.choice(("custody;warnings", "custody", "summary;custody")), ws)
                    if r.random() < .3:
                        w.add(t + 60, "custody", co, "update", "occurrence", cid, "custody;notes", ws)
            t += r.randint(2400, 3 * 3600)
        co = self._on("custody:" + suite, rel, None)
        if co:
            w.add(rel, "custody", co, "update", "occurrence", cid, "summary;custody", w.dev.pick(r, co))
        if oic is not None and oic.unit in ("cid", "ppu") and r.random() < .7:
            ts = tb + r.randint(2 * HOUR, 10 * HOUR)
            ws = w.dev.pick(r, oic, mobile=False)
            w.assign(o, oic, "investigator", ts, rel)
            w.add(ts, "custody", oic, "view", "occurrence", cid, "summary;custody", ws)
            w.add(ts + 300, "custody", oic, "view", "custody_image", p.pid, "photo", ws)
        return o
