"""The cast: six kinds of misconduct, each played by two roles, and benign look-alikes."""
import bisect

from . import clock, places
from .clock import DAY, HOUR, START
from .rng import stream, skew

YEAR = 2025
MISCONDUCT = [  # scenario, first role (unit), second role (unit), behaviour
    ("attended_victim_contact", ("response_officer", None), ("special_constable", None),
     "attended a domestic abuse call, then keeps opening the victim's contact details, address and new partner "
     "while the case is open, escalating, mostly off duty from a force phone"),
    ("caller_witness_fixation", ("call_handler", None), ("neighbourhood_officer", None),
     "a woman met as a 999 caller or as a witness is looked up again and again afterwards: contact, address, "
     "vehicle, her household; quiet night hours or off duty"),
    ("typed_reason_trawl", ("response_officer", None), ("supervisor", "response"),
     "steady habit of PNC person checks on many young women typed as stop or vehicle checks with no stop, "
     "then their photo and address on RMS"),
    ("custody_image_burst", ("custody_officer", None), ("detective", None),
     "a burst of custody-image, address and contact look-ups of a young female detainee in the days after release"),
    ("post_closure_staff_revisit", ("police_staff", "cj"), ("intelligence_analyst", None),
     "police staff keep revisiting one woman from a file or tasking after the work ended: weekly, evenings, "
     "from a force laptop, with her partner and family"),
    ("marked_women_browse", ("pcso", None), ("safeguarding_officer", "cp"),
     "browses many women with domestic-abuse, sexual-offence and other markers, on duty, photo and address, "
     "mixed into ordinary local look-ups"),
]
BENIGN = [
    ("heavy_da_caseload", ("safeguarding_officer", "da"),
     "a large domestic abuse caseload: repeated contact and address views of marked women, all assigned"),
    ("offender_manager_visits", ("safeguarding_officer", "om"),
     "offender managers check registered offenders and their partners, evening home visits off roster"),
    ("witness_care_contacts", ("police_staff", "cj"),
     "witness care: contact details of victims and witnesses weeks after cases closed, no assignment"),
    ("on_call_callout", ("detective", None),
     "night call-out to a rape report off roster; assignment recorded the next morning"),
    ("missing_teen_search", ("neighbourhood_officer", None),
     "missing 15-year-old girl: her, family, friends and associates, day and night over unrostered overtime"),
    ("exploitation_problem_profile", ("intelligence_analyst", None),
     "problem profile on sexual exploitation: many sex-worker-marked women on PND, no tasking recorded"),
    ("proactive_stop_checks", ("response_officer", None),
     "proactive night-time-economy patrol: many PNC stop checks, many of them women"),
    ("repeat_caller", ("call_handler", None),
     "a frequent caller with mental health needs looked up on most shifts"),
]
F_LOOK = ["summary;contact", "contact;address", "summary;photo", "identity;contact;address", "summary;address;photo"]


class Cast:
    def __init__(self, w):
        self.w = w
        self.r = stream(w.seed, "cast")
        self.used = set()
        self.plans = []
        self.end = START + w.days * DAY

    # ---- helpers ---------------------------------------------------------------------------------------
    def choose(self, role, unit):
        w = self.w
        c = [s for s in w.staff if s.role == role and s.sid not in self.used and s.start < START and s.end is None
             and len(s.shifts) >= 5]
        if unit and [s for s in c if s.unit == unit]:
            c = [s for s in c if s.unit == unit]
        s = self.r.choice(c)
        self.used.add(s.sid)
        return s

    def worked(self, s, t):
        starts = [sh[0] for sh in s.shifts]
        i = bisect.bisect_right(starts, t) - 1
        return i >= 0 and s.shifts[i][1] > t and s.shifts[i][2] != "training"

    def shifts(self, s, a, b):
        return [sh for sh in s.shifts if a <= sh[0] < b and sh[2] != "training"]

    def off_time(self, s, d, h0, h1):
        for _ in range(8):
            t = clock.local(d, self.r.uniform(h0, h1))
            if not self.worked(s, t):
                return t
        return None

    def e(self, t, s, sys, action, etype, entity, fields, ws, reason="", ctx=""):
        if START <= t < self.end:
            self.w.events.append((t, s.sid, sys, action, etype, entity, fields, ws, reason, ctx, s.sid))

    def woman(self, p, lo=17, hi=45):
        return p.sex == "female" and lo <= YEAR - p.by <= hi

    def kin(self, p):
        return [q for q, rel in p.links if rel in ("partner", "spouse", "household", "parent", "child", "sibling",
                                                   "ex_partner", "family")]

    def find(self, s, cats, roles, window, need_shift=True, group=True, lo=18, hi=45):
        a, b = START + int(window[0] * DAY), START + int(window[1] * DAY)
        out = []
        for o in self.w.occs:
            if o.cat in cats and a <= o.opened < b and (not group or places.GROUP[o.si] == s.group):
                for pid, role in o.persons:
                    p = self.w.person_by_id[pid]
                    if role in roles and self.woman(p, lo, hi) and pid not in self.targets:
                        out.append((o, p))
                        break
        r = self.r
        r.shuffle(out)
        for o, p in out:
            if not need_shift or self.worked(s, o.opened + 1200):
                return o, p
        return None

    def create(self, s, cat, role, window, young=True):
        w, r = self.w, self.r
        sh = r.choice(self.shifts(s, START + int(window[0] * DAY), START + int(window[1] * DAY)) or s.shifts)
        t = r.randint(sh[0], max(sh[0] + 1, sh[1] - 2 * HOUR))
        si = s.si
        pool = w.pools["young_f"][si] if young else w.pools["women"][si]
        v = r.choice([p for p in pool if self.woman(p, 18, 45) and p.pid not in self.targets] or pool)
        persons = [(pid, rl) for pid, rl in w.occ_gen.people_for(cat, si) if pid != v.pid and rl != role][:3]
        o = w.occ_gen.new(cat, t, si, [(v.pid, role)] + persons)
        w.occ_gen.mark(v, cat, role)
        return o, v

    # ---- planning (before ordinary work, so the legitimate side of each story is worked normally) ----------
    def plan(self):
        w = self.w
        self.targets = set()
        n_mis = max(7, round(12 * w.n_staff / 1500))
        n_ben = max(8, round(12 * w.n_staff / 1500))
        order = [(k, 0) for k in range(6)] + [(k, 1) for k in range(6)]
        order += [(k, 2) for k in range(6)] * 3
        for k, which in order[:n_mis]:
            name, r1, r2, beh = MISCONDUCT[k]
            role, unit = (r1, r2)[which % 2]
            s = self.choose(role, unit)
            plan = {"sid": s.sid, "s": s, "scenario": name, "kind": "misconduct", "behaviour": beh, "role": s.role}
            getattr(self, "plan_" + name)(plan)
            self.plans.append(plan)
        border = list(range(8)) + [0, 1, 2, 3] + list(range(8)) * 3
        for k in border[:n_ben]:
            name, (role, unit), beh = BENIGN[k]
            s = self.choose(role, unit)
            plan = {"sid": s.sid, "s": s, "scenario": name, "kind": "benign", "behaviour": beh, "role": s.role}
            getattr(self, "plan_" + name, lambda p: None)(plan)
            self.plans.append(plan)
        for p in self.plans:
            p["s"].cast = p["scenario"]
            w.cast.append(p)

    def plan_attended_victim_contact(self, plan):
        s, w, r = plan["s"], self.w, self.r
        days = w.days
        got = self.find(s, ("domestic_abuse", "stalking_harassment"), ("victim",), (2, .35 * days))
        if got and any(a[1] == s.sid and a[2] == "officer_in_case" for a in w._occ_assign.get(got[0].oid, [])):
            got = None
        o, v = got or self.create(s, "domestic_abuse", "victim", (2, .35 * days), young=False)
        if o.closed is not None and o.closed < START + int(.8 * days * DAY):
            o.closed = None if r.random() < .5 else START + int(.9 * days * DAY)
        mine = [a for a in w.by_staff.get(s.sid, []) if a[0] == o.oid and a[2] == "attending"]
        if not mine:
            at = o.opened + r.randint(15, 40) * 60
            mine = [w.assign(o.oid, s.sid, "attending", at, at + r.randint(60, 150) * 60)]
        plan.update(o=o, v=v, a=mine[0])
        self.targets.add(v.pid)

    def plan_caller_witness_fixation(self, plan):
        s, w, r = plan["s"], self.w, self.r
        days = w.days
        cats = ("antisocial_behaviour", "concern_for_welfare", "theft", "road_traffic", "assault", "criminal_damage",
                "other", "public_order")
        if s.role == "call_handler":
            got = None
            mine = [a for a in w.by_staff.get(s.sid, []) if a[2] == "call_handler" and
                    START + 2 * DAY <= a[3] < START + int(.3 * days * DAY)]
            r.shuffle(mine)
            for a in mine:
                o = w.occ_by_id[a[0]]
                for pid, role in o.persons:
                    p = w.person_by_id[pid]
                    if role in ("caller", "witness") and self.woman(p, 18, 45) and pid not in self.targets:
                        got = (o, p)
                        break
                if got:
                    break
            if not got:
                o, p = self.create(s, "concern_for_welfare", "caller", (2, .3 * days))
                w.assign(o.oid, s.sid, "call_handler", o.opened, o.opened + r.randint(5, 20) * 60)
                got = (o, p)
        else:
            got = self.find(s, cats, ("witness", "caller"), (2, .4 * days), group=True)
            if got:
                o = got[0]
                if not any(a[1] == s.sid for a in w.by_staff.get(s.sid, []) if a[0] == o.oid):
                    at = o.opened + r.randint(20, 60) * 60
                    w.assign(o.oid, s.sid, "attending", at, at + r.randint(45, 120) * 60)
            else:
                o, p = self.create(s, "antisocial_behaviour", "witness", (2, .4 * days))
                at = o.opened + r.randint(20, 60) * 60
                w.assign(o.oid, s.sid, "attending", at, at + r.randint(45, 120) * 60)
                got = (o, p)
        plan.update(o=got[0], v=got[1])
        self.targets.add(got[1].pid)

    def plan_custody_image_burst(self, plan):
        s, w, r = plan["s"], self.w, self.r
        days = w.days
        suite = places.NAMES.index(places.SUITE[s.si]) if s.role != "custody_officer" else s.si
        a, b = START + 2 * DAY, START + int(.55 * days * DAY)
        cand = []
        for o in w.occs:
            if o.cat == "custody" and o.si == suite and a <= o.opened < b and o.closed:
                p = w.person_by_id[o.persons[0][0]]
                if self.woman(p, 18, 40) and p.pid not in self.targets:
                    if s.role != "custody_officer" or self.worked(s, o.opened + 600):
                        cand.append((o, p))
        if cand:
            o, p = r.choice(cand)
        else:   # make one: a woman arrested for theft and booked in on the custody officer's shift
            sh = r.choice(self.shifts(s, a, b) or s.shifts)
            t = sh[0] + r.randint(1, 6) * HOUR
            p = r.choice([q for q in w.pools["young_f"][suite] if self.woman(q, 19, 38)])
            par = w.occ_gen.new("theft", t - 2 * HOUR, suite, [(p.pid, "suspect")])
            o = w.occ_gen.new("custody", t, suite, [(p.pid, "suspect")], closed=t + r.randint(5, 14) * HOUR)
            o.parent, par.custody = par.oid, o.oid
            p.markers.add("custody_detainee")
        if s.role == "custody_officer" and not any(x[0] == o.oid for x in w.by_staff.get(s.sid, [])):
            w.assign(o.oid, s.sid, "supervisor", o.opened, o.opened + r.randint(15, 45) * 60)
        if r.random() < .5:
            p.markers.add("substance_misuse")
        plan.update(o=o, v=p)
        self.targets.add(p.pid)

    def plan_post_closure_staff_revisit(self, plan):
        s, w, r = plan["s"], self.w, self.r
        days = w.days
        cats = ("domestic_abuse", "assault", "sexual_offence", "stalking_harassment", "theft", "burglary")
        if s.role == "intelligence_analyst":
            got = None
            for ts, te, scope in s.cases:
                for oid in scope:
                    o = w.occ_by_id[oid]
                    for pid, role in o.persons:
                        if role == "victim" and self.woman(w.person_by_id[pid], 18, 45) and pid not in self.targets:
                            got = (o, w.person_by_id[pid], ts, te)
                            break
                    if got:
                        break
                if got and got[2] < START + int(.6 * days * DAY):
                    break
                got = None
            if not got:
                ts = START + r.randint(3, int(.3 * days)) * DAY + 9 * HOUR
                te = ts + r.randint(12, 20) * DAY
                o, v = self.create(s, "domestic_abuse", "victim", (max(0, (ts - START) / DAY - 20), (ts - START) / DAY))
                o.opened = min(o.opened, ts - DAY)
                w.assign(o.oid, s.sid, "analyst", ts, te)
                s.cases.append((ts, te, [o.oid]))
                got = (o, v, ts, te)
            plan.update(o=got[0], v=got[1], ts=got[2], te=got[3])
        else:
            got = self.find(s, cats, ("victim", "witness"), (-20, .3 * days), need_shift=False, group=False)
            o, v = got or self.create(s, "assault", "victim", (1, .3 * days))
            o.closed = o.opened + r.randint(12, 30) * DAY
            plan.update(o=o, v=v)
        self.targets.add(plan["v"].pid)

    def plan_typed_reason_trawl(self, plan):
        pass

    def plan_marked_women_browse(self, plan):
        pass

    def plan_heavy_da_caseload(self, plan):
        s, w, r = plan["s"], self.w, self.r
        cand = [o for o in w.occs if o.cat == "domestic_abuse" and START <= o.opened < self.end - 5 * DAY
                and places.GROUP[o.si] == s.group]
        extra = r.sample(cand, min(len(cand), max(10, round(25 * w.days / 120))))
        for o in extra:
            w.assign(o.oid, s.sid, "officer_in_case", o.opened + r.randint(6, 30) * HOUR, o.closed)
        plan["cases"] = extra

    def plan_missing_teen_search(self, plan):
        s, w, r = plan["s"], self.w, self.r
        team = places.NBH_STATIONS.get(s.team, [s.si])
        girls = [p for si in team for p in w.pools["child"][si] if p.sex == "female" and 13 <= YEAR - p.by <= 16
                 and [q for q, rel in p.links if rel == "parent"]]
        g = r.choice(girls)
        sh = r.choice(self.shifts(s, START + int(.3 * w.days * DAY), START + int(.7 * w.days * DAY)) or s.shifts)
        t = sh[0] + r.randint(1, 4) * HOUR
        par = [q for q, rel in g.links if rel == "parent"][0]
        o = w.occ_gen.new("missing_person", t, g.si, [(g.pid, "other"), (par.pid, "caller")], closed=t + 4 * DAY)
        g.markers.update(("missing_person", "child"))
        w.assign(o.oid, s.sid, "officer_in_case", t + HOUR, o.closed)
        plan.update(o=o, v=g)

    def plan_on_call_callout(self, plan):
        s, w, r = plan["s"], self.w, self.r
        calls = []
        for k in range(2):
            d = r.randint(int((.15 + .4 * k) * w.days), int((.35 + .4 * k) * w.days))
            t = clock.local(d, 23.5) + r.randint(0, 90) * 60
            si = places.NAMES.index(places.NAMES[s.si])
            o, v = self.create(s, "sexual_offence", "victim", (d, d + 1))
            o.opened, o.si, o.closed = t - HOUR, si, None
            w.assign(o.oid, s.sid, "investigator", clock.local(d + 1, 9.2), None)
            calls.append((o, v, t))
        plan["calls"] = calls

    def plan_proactive_stop_checks(self, plan):
        pass

    # ---- events (after ordinary work) ---------------------------------------------------------------------
    def events(self):
        for p in self.plans:
            getattr(self, "ev_" + p["scenario"])(p)

    def session_time(self, s, d, on_duty_share, off_hours=(19, 25)):
        """A time on day d: inside a worked shift (with that share) or off duty in the evening."""
        r = self.r
        day_shifts = self.shifts(s, clock.local(d, 0), clock.local(d + 1, 0))
        if day_shifts and r.random() < on_duty_share:
            sh = r.choice(day_shifts)
            return r.randint(sh[0] + 600, sh[1] - 600), True
        t = self.off_time(s, d, *off_hours)
        return t, False

    def ev_attended_victim_contact(self, plan):
        s, o, v, a, r = plan["s"], plan["o"], plan["v"], plan["a"], self.r
        kin = self.kin(v)
        d0 = clock.day_of(a[4]) + r.randint(2, 5)
        code = places.CODES[s.si]
        for d in range(d0, min(self.w.days, d0 + 56)):
            wk = (d - d0) // 7
            if r.random() > min(.5, .08 + .07 * wk):
                continue
            t, on = self.session_time(s, d, .4)
            if t is None:
                continue
            ws = (f"MDT-{code}{r.randint(1, 14):02d}" if r.random() < .6 else s.desk) if on else (s.mob or s.desk)
            self.e(t, s, "rms", "view", "person", v.pid, r.choice(F_LOOK), ws, "", o.oid if r.random() < .7 else "")
            if kin and r.random() < .35:
                self.e(t + r.randint(30, 300), s, "rms", "view", "person", r.choice(kin).pid, "summary;contact;address", ws)
            if r.random() < .15:
                self.e(t + r.randint(30, 300), s, "pnc", "search", "person", v.pid, "identity;warnings", ws,
                       r.choice(["follow up", "enq", "welfare check", "DA follow up"]))
            if r.random() < .12:
                self.e(t - r.randint(20, 120), s, "rms", "view", "occurrence", o.oid, "summary;notes", ws, "", o.oid)

    def ev_caller_witness_fixation(self, plan):
        s, o, v, r = plan["s"], plan["o"], plan["v"], self.r
        kin = self.kin(v)
        addr = places.address_id(v.postcode or "QV1 1AA", 7)
        start = clock.day_of(o.opened) + r.randint(1, 4)
        if s.role != "call_handler" and o.closed:
            start = max(start, clock.day_of(o.closed) + 1)
        code = places.CODES[s.si]
        for d in range(start, min(self.w.days, start + 49)):
            wk = (d - start) // 7
            if r.random() > min(.8, (.4 if s.role == "call_handler" else .1) + .08 * wk):
                continue
            if s.role == "call_handler":
                day_shifts = self.shifts(s, clock.local(d, 0), clock.local(d + 1, 0))
                if not day_shifts and r.random() > .12:
                    continue
                if day_shifts:
                    sh = day_shifts[0]
                    quiet = sh[0] + (r.randint(6, 10) * HOUR if clock.local_hour(sh[0]) >= 18 else r.randint(1, 11) * HOUR)
                    t, ws = quiet + r.randint(0, 3000), f"CC-VEL-{r.randint(1, 48):02d}"
                else:
                    t, ws = self.off_time(s, d, 10, 16), f"CC-VEL-{r.randint(1, 48):02d}"
                if t is None:
                    continue
                self.e(t, s, "rms", "search", "person", v.pid, r.choice(F_LOOK), ws)
                if r.random() < .5:
                    self.e(t + r.randint(20, 200), s, "command_control", "view", "location", addr, "address", ws)
                if r.random() < .15:
                    self.e(t + r.randint(20, 200), s, "command_control", "view", "occurrence", o.oid, "summary;notes", ws)
                if kin and r.random() < .25:
                    self.e(t + r.randint(60, 400), s, "rms", "search", "person", r.choice(kin).pid, "summary;contact", ws)
            else:
                t, on = self.session_time(s, d, .5)
                if t is None:
                    continue
                ws = s.desk if on else (s.mob or s.desk)
                self.e(t, s, "rms", "view", "person", v.pid, r.choice(F_LOOK), ws, "", o.oid if r.random() < .4 else "")
                if r.random() < .25:
                    if v.vrm:
                        self.e(t + r.randint(30, 300), s, "pnc", "search", "vehicle", v.vrm, "vehicles", ws,
                               r.choice(["vehicle check", "VEH", "suspicious vehicle"]))
                    else:
                        self.e(t + r.randint(30, 300), s, "pnc", "search", "person", v.pid, "identity;warnings", ws, "enq")
                if r.random() < .1:
                    self.e(t + r.randint(30, 300), s, "pnd", "search", "person", v.pid, "identity;address;associates",
                           ws, "background check")
                if kin and r.random() < .2:
                    self.e(t + r.randint(60, 400), s, "rms", "view", "person", r.choice(kin).pid, "summary;contact", ws)

    def ev_typed_reason_trawl(self, plan):
        s, r, w = plan["s"], self.r, self.w
        stations = places.GROUP_STATIONS[s.group]
        women = [p for si in stations for p in w.pools["young_f"][si] if self.woman(p, 18, 32)]
        seen = []
        code = places.CODES[s.si]
        for sh in self.shifts(s, START + 3 * DAY, self.end):
            if r.random() > .45:
                continue
            for _ in range(r.choice([1, 1, 2])):
                t = r.randint(sh[0] + 1800, sh[1] - 600)
                p = r.choice(seen) if seen and r.random() < .15 else r.choice(women)
                seen.append(p)
                ws = f"MDT-{code}{r.randint(1, 14):02d}" if r.random() < .7 else s.desk
                self.e(t, s, "pnc", "search", "person", p.pid, r.choice(["identity;warnings", "identity;warnings;address"]),
                       ws, r.choice(["stop check", "STOP", "vehicle check", "suspicious activity", "stop chk", "check"]))
                if r.random() < .55:
                    self.e(t + r.randint(60, 600), s, "rms", "view", "person", p.pid,
                           r.choice(["summary;photo;address", "summary;photo", "identity;contact;address"]), s.desk)
                if r.random() < .12:
                    self.e(t + r.randint(60, 900), s, "pnd", "search", "person", p.pid, "identity;address;associates",
                           s.desk, r.choice(["intel check", "research"]))

    def ev_custody_image_burst(self, plan):
        s, o, v, r = plan["s"], plan["o"], plan["v"], self.r
        d0 = clock.day_of(o.closed) + r.randint(1, 4)
        code = places.CODES[s.si]
        cws = f"CUS-{code}-{r.randint(1, 8):02d}"
        days = [d0, d0, d0 + 1, d0 + 1, d0 + 1, d0 + 2, d0 + 2] + [d0 + r.randint(8, 40) for _ in range(3)]
        for d in days:
            if d >= self.w.days:
                continue
            if s.role == "custody_officer":
                t, on = self.session_time(s, d, .6, (9, 22))
                if t is None:
                    continue
                self.e(t, s, "custody", "view", "custody_image", v.pid, "photo", cws)
                if r.random() < .6:
                    self.e(t + r.randint(30, 300), s, "custody", "view", "person", v.pid,
                           r.choice(["identity;custody;address", "identity;contact;address"]), cws)
                if r.random() < .4:
                    self.e(t + r.randint(60, 400), s, "rms", "view", "person", v.pid, r.choice(F_LOOK), cws)
                if r.random() < .15:
                    self.e(t + r.randint(60, 400), s, "pnc", "search", "person", v.pid, "identity;warnings", cws,
                           r.choice(["custody follow up", "enq", "cust rec"]))
            else:
                t, on = self.session_time(s, d, .5, (19, 23))
                if t is None:
                    continue
                ws = s.desk if on else (s.lt or s.desk)
                self.e(t, s, "rms", "view", "custody_image", v.pid, "photo", ws, "", o.parent or "")
                if r.random() < .6:
                    self.e(t + r.randint(30, 300), s, "rms", "view", "person", v.pid, r.choice(F_LOOK), ws)
                if r.random() < .25:
                    self.e(t + r.randint(60, 600), s, "pnd", "search", "person", v.pid, "identity;address;associates",
                           ws, r.choice(["research", "case research"]))

    def ev_post_closure_staff_revisit(self, plan):
        s, o, v, r = plan["s"], plan["o"], plan["v"], self.r
        kin = self.kin(v)
        if s.role == "intelligence_analyst":
            d_t, d_e = clock.day_of(plan["ts"]), clock.day_of(plan["te"])
            for d in range(max(0, d_t + 2), min(self.w.days, d_e)):     # within the tasking: too often, and her kin
                if r.random() < .2:
                    t, on = self.session_time(s, d, .9)
                    if t:
                        self.e(t, s, "rms", "view", "person", v.pid, r.choice(F_LOOK), s.lt or s.desk, "", o.oid)
                        if kin and r.random() < .5:
                            self.e(t + r.randint(60, 600), s, "pnd", "search", "person", r.choice(kin).pid,
                                   "identity;address;associates", s.lt or s.desk, "research")
            start = d_e + 2
        else:
            d_c = clock.day_of(o.closed)
            start = max(1, d_c + r.randint(3, 8))
            # the legitimate file work before closure is ordinary (untagged)
            for sh in self.shifts(s, max(o.opened, START), o.closed)[:2]:
                t = r.randint(sh[0], sh[1] - 900)
                self.w.events.append((t, s.sid, "rms", "view", "occurrence", o.oid, "summary;notes", s.desk, "", o.oid, None))
                self.w.events.append((t + 120, s.sid, "rms", "view", "person", v.pid, "summary;contact;address", s.desk,
                                      "", o.oid, None))
        for d in range(start, self.w.days):
            if r.random() > .2:
                continue
            t, on = self.session_time(s, d, .35, (19, 23.5))
            if t is None:
                continue
            ws = s.lt or s.desk
            self.e(t, s, "rms", "view", "person", v.pid, r.choice(F_LOOK + ["summary;associates"]), ws)
            if kin and r.random() < .3:
                self.e(t + r.randint(60, 500), s, "rms", "view", "person", r.choice(kin).pid, "summary;contact;address", ws)
            if s.role == "intelligence_analyst" and r.random() < .3:
                self.e(t + r.randint(60, 500), s, r.choice(["pnd", "intelligence"]), "search", "person", v.pid,
                       "identity;address;associates", ws, r.choice(["research", ""]))

    def ev_marked_women_browse(self, plan):
        s, r, w = plan["s"], self.r, self.w
        marks = {"domestic_abuse_victim", "sexual_offence_victim", "stalking_victim", "sex_worker", "mental_health"}
        if s.role == "pcso":
            team = places.NBH_STATIONS.get(s.team, [s.si])
            women = [p for si in team for p in w.pools["women"][si] if self.woman(p, 17, 45) and p.markers & marks]
            seen = []
            for sh in self.shifts(s, START + 4 * DAY, self.end):
                if r.random() > .3:
                    continue
                for _ in range(r.choice([1, 1, 2])):
                    p = r.choice(seen) if seen and r.random() < .15 else r.choice(women)
                    seen.append(p)
                    t = r.randint(sh[0] + 1800, sh[1] - 600)
                    ctx = ""
                    if p.occs and r.random() < .3:
                        oc = r.choice(p.occs)[0]
                        ctx = oc.oid
                        self.e(t - r.randint(30, 200), s, "rms", "view", "occurrence", oc.oid, "summary;notes", s.desk, "", ctx)
                    self.e(t, s, "rms", "view", "person", p.pid,
                           r.choice(["summary;photo", "summary;address;photo", "summary;contact", "identity;photo;address"]),
                           s.desk, "", ctx)
        else:
            sos = [o for o in w.occs if o.cat == "sexual_offence" and o.opened < self.end]
            cand = []
            for o in sos:
                for pid, role in o.persons:
                    if role == "victim" and self.woman(w.person_by_id[pid], 16, 35):
                        if not any(a[1] == s.sid for a in w._occ_assign.get(o.oid, [])):
                            cand.append((o, pid))
            for sh in self.shifts(s, START + 4 * DAY, self.end):
                if r.random() > .35:
                    continue
                for _ in range(r.choice([1, 1, 2])):
                    t = r.randint(sh[0] + 1800, sh[1] - 600)
                    opts = [c for c in cand[-600:] if c[0].opened < t]
                    if not opts:
                        continue
                    o, pid = r.choice(opts)
                    self.e(t - r.randint(30, 200), s, "rms", "view", "occurrence", o.oid, "summary;notes", s.desk, "", o.oid)
                    self.e(t, s, "rms", "view", "person", pid,
                           r.choice(["summary;photo", "summary;contact;address", "identity;photo;address"]), s.desk, "", o.oid)

    # ---- benign look-alikes ---------------------------------------------------------------------------------
    def ev_heavy_da_caseload(self, plan):
        s, r, w = plan["s"], self.r, self.w
        cases = plan["cases"]
        for sh in self.shifts(s, START, self.end):
            live = [o for o in cases if o.opened < sh[0] and (o.closed is None or o.closed > sh[0])]
            for o in r.sample(live, min(len(live), r.choice([1, 2, 3]))):
                t = r.randint(sh[0], sh[1] - 900)
                self.e(t, s, "rms", "view", "occurrence", o.oid, "summary;notes", s.desk, "", o.oid)
                for pid, role in o.persons:
                    if role in ("victim", "suspect"):
                        t += r.randint(30, 300)
                        self.e(t, s, "rms", "view", "person", pid, "summary;contact;address" if role == "victim"
                               else "summary;history;warnings", s.desk, "", o.oid)
                if r.random() < .2:
                    sus = [pid for pid, role in o.persons if role == "suspect"]
                    if sus:
                        self.e(t + 200, s, "pnc", "search", "person", sus[0], "identity;warnings;history", s.desk, "DA risk")
        for d in range(w.days):
            if r.random() < .06:
                t = self.off_time(s, d, 18, 22)
                live = [o for o in cases if t and o.opened < t and (o.closed is None or o.closed > t)]
                if live:
                    o = r.choice(live)
                    self.e(t, s, "rms", "view", "person", o.persons[0][0], "summary;contact", s.mob or s.desk, "", o.oid)

    def ev_offender_manager_visits(self, plan):
        s, r, w = plan["s"], self.r, self.w
        book = r.sample(w.pools["rso"], min(25, len(w.pools["rso"])))
        for d in range(w.days):
            if r.random() < .3:
                t = self.off_time(s, d, 17, 21)
                if t is None:
                    continue
                p = r.choice(book)
                ws = s.mob or s.lt or s.desk
                self.e(t, s, "pnc", "search", "person", p.pid, "identity;warnings;history", ws,
                       r.choice(["home visit", "RSO visit", "OM visit"]))
                self.e(t + r.randint(60, 400), s, "rms", "view", "person", p.pid, "summary;address;associates", ws)
                partners = [q for q, rel in p.links if rel in ("partner", "spouse", "household", "ex_partner")]
                if partners and r.random() < .6:
                    self.e(t + r.randint(400, 900), s, "rms", "view", "person", partners[0].pid, "summary;contact;address", ws)

    def ev_witness_care_contacts(self, plan):
        s, r, w = plan["s"], self.r, self.w
        closed = sorted([o for o in w.occs if o.closed and o.cat not in ("custody", "stop_check") and
                         any(role in ("victim", "witness") for _, role in o.persons)], key=lambda o: o.closed)
        ct = [o.closed for o in closed]
        for sh in self.shifts(s, START, self.end):
            i, j = bisect.bisect_left(ct, sh[0] - 40 * DAY), bisect.bisect_left(ct, sh[0] - 5 * DAY)
            if j <= i:
                continue
            for _ in range(r.randint(2, 5)):
                o = closed[r.randrange(i, j)]
                for pid, role in o.persons:
                    if role in ("victim", "witness"):
                        self.e(r.randint(sh[0], sh[1] - 300), s, "rms", "view", "person", pid,
                               r.choice(["summary;contact", "summary;contact;address"]), s.lt or s.desk, "", o.oid)
                        break

    def ev_on_call_callout(self, plan):
        s, r = plan["s"], self.r
        for o, v, t in plan["calls"]:
            ws = s.lt or s.desk
            self.e(t, s, "rms", "view", "occurrence", o.oid, "summary;notes", ws, "", o.oid)
            for k in range(r.randint(4, 7)):
                t += r.randint(120, 900)
                self.e(t, s, "rms", "view", "person", v.pid, r.choice(["summary;contact;address", "summary;photo",
                                                                     "summary;history;warnings"]), ws, "", o.oid)
            for q in self.kin(v)[:3]:
                t += r.randint(120, 600)
                self.e(t, s, "rms", "view", "person", q.pid, "summary;contact", ws, "", o.oid)
            for pid, role in o.persons:
                if role == "suspect":
                    t += r.randint(120, 600)
                    self.e(t, s, "pnd", "search", "person", pid, "identity;history;associates", ws, "urgent enquiries")
                    self.e(t + 300, s, "rms", "view", "custody_image", pid, "photo", ws, "", o.oid)

    def ev_missing_teen_search(self, plan):
        s, o, g, r = plan["s"], plan["o"], plan["v"], self.r
        kin = self.kin(g)
        pool = self.w.pools["young_m"][g.si]
        friends = [q for q, rel in g.links if rel in ("friend", "associate")] + r.sample(pool, min(5, len(pool)))
        t = o.opened + HOUR
        while t < o.closed:
            ws = s.mob if r.random() < .5 else s.desk
            x = r.random()
            if x < .35:
                self.e(t, s, "rms", "view", "person", g.pid, r.choice(["summary;photo", "summary;contact;associates",
                                                                     "summary;associates;history"]), ws, "", o.oid)
            elif x < .55 and kin:
                self.e(t, s, "rms", "view", "person", r.choice(kin).pid, "summary;contact;address", ws, "", o.oid)
            elif x < .85:
                f = r.choice(friends)
                self.e(t, s, "pnc" if r.random() < .5 else "rms", "search", "person", f.pid, "identity;warnings;address",
                       ws, "misper enquiries")
            else:
                self.e(t, s, "pnd", "search", "person", g.pid, "identity;associates", ws, "misper")
            t += r.randint(15, 240) * 60 if clock.local_hour(t) > 7 else r.randint(60, 300) * 60

    def ev_exploitation_problem_profile(self, plan):
        s, r, w = plan["s"], self.r, self.w
        sw = w.pools["sex_workers"]
        d0 = r.randint(5, max(6, w.days - 30))
        for sh in self.shifts(s, clock.local(d0, 0), clock.local(d0 + 21, 0)):
            for _ in range(r.randint(2, 5)):
                p = r.choice(sw)
                t = r.randint(sh[0], sh[1] - 300)
                sysn = r.choice(["pnd", "pnd", "intelligence", "rms"])
                self.e(t, s, sysn, "search", "person", p.pid, "identity;history;associates", s.lt or s.desk,
                       "exploitation profile" if sysn == "pnd" else "")
                ass = [q for q, rel in p.links if rel in ("associate", "partner", "ex_partner")]
                if ass and r.random() < .4:
                    self.e(t + 200, s, "pnd", "search", "person", ass[0].pid, "identity;history;associates",
                           s.lt or s.desk, "exploitation profile")

    def ev_proactive_stop_checks(self, plan):
        s, r, w = plan["s"], self.r, self.w
        stations = places.GROUP_STATIONS[s.group]
        code = places.CODES[s.si]
        for sh in self.shifts(s, START, self.end):
            if clock.local_hour(sh[0]) < 13:
                continue
            for _ in range(r.randint(2, 5)):
                si = r.choice(stations)
                p = r.choice(w.pools["young_f"][si]) if r.random() < .45 else w.worker.stop_person(si)
                t = r.randint(sh[0] + 1800, sh[1] - 600)
                mdt = f"MDT-{code}{r.randint(1, 14):02d}"
                self.e(t, s, "pnc", "search", "person", p.pid, "identity;warnings", mdt, r.choice(["stop check", "STOP"]))
                if r.random() < .3:
                    o = w.occ_gen.new("stop_check", t + 300, si, [(p.pid, "suspect")], closed=t + 1500)
                    w.assign(o.oid, s.sid, "officer_in_case", t + 300, o.closed)
                    self.e(t + 400, s, "rms", "update", "occurrence", o.oid, "summary;notes", mdt, "", o.oid)

    def ev_repeat_caller(self, plan):
        s, r, w = plan["s"], self.r, self.w
        mh = [p for si in range(len(places.NAMES)) for p in w.pools["mh"][si] if self.woman(p, 25, 55)]
        c = r.choice(mh)
        addr = places.address_id(c.postcode or "QV1 1AA", 3)
        for sh in self.shifts(s, START, self.end):
            if r.random() > .45:
                continue
            t = r.randint(sh[0], sh[1] - 1200)
            ws = f"CC-VEL-{r.randint(1, 48):02d}"
            self.e(t, s, "command_control", "view", "location", addr, "address", ws)
            self.e(t + 60, s, "rms", "search", "person", c.pid, "summary;warnings;history", ws)
            if r.random() < .4:
                o = w.occ_gen.new("concern_for_welfare", t, c.si, [(c.pid, "caller")])
                w.assign(o.oid, s.sid, "call_handler", t, t + 900)
                self.e(t + 120, s, "command_control", "update", "occurrence", o.oid, "summary;notes", ws, "", o.oid)
