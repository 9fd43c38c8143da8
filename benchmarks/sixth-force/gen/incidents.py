"""Incidents, crimes and custody episodes, day by day: who was in them, who took the call, who attended, who
investigates (mostly the desk-based Crime Management Unit), who supervises, when they close, and which ones
the Multi-Agency Safeguarding Hub and the Victim Care Unit hear about."""
from .clock import DAY, HOUR
from .people import DA, SO, VA, MH, CHILD, MISS, STALK, CUST, SUB
from .rng import poisson

CATS = [("domestic_abuse", 12), ("sexual_offence", 3), ("stalking_harassment", 4), ("assault", 10), ("theft", 13),
        ("burglary", 6), ("criminal_damage", 6), ("public_order", 5), ("road_traffic", 7), ("missing_person", 4),
        ("concern_for_welfare", 7), ("mental_health", 5), ("drugs", 4), ("fraud", 4), ("antisocial_behaviour", 7),
        ("other", 3)]
_CAT_NAMES = [c for c, _ in CATS]
_CAT_CUM = []
_acc = 0
for _c, _w in CATS:
    _acc += _w
    _CAT_CUM.append(_acc)
HOURS = [4, 3, 3, 2, 1.5, 1.2, 1.5, 2.5, 3.5, 4, 4.2, 4.4, 4.6, 4.6, 4.8, 5.2, 5.6, 5.8, 5.8, 5.6, 5.2, 5, 4.8, 4.4]
_H_CUM = []
_acc = 0
for _w in HOURS:
    _acc += _w
    _H_CUM.append(_acc)

# p(call), p(attend), p(arrest), investigation, closure days (lo, hi), p(still open at the end)
SPEC = {
    "domestic_abuse": (0.92, 0.95, 0.33, "da", (12, 70), 0.15),
    "sexual_offence": (0.75, 0.8, 0.3, "rasso", (40, 300), 0.5),
    "stalking_harassment": (0.6, 0.55, 0.15, "stalk", (20, 90), 0.25),
    "assault": (0.85, 0.8, 0.22, "volume", (7, 50), 0.1),
    "theft": (0.5, 0.35, 0.08, "volume", (2, 30), 0.05),
    "burglary": (0.9, 0.9, 0.08, "volume", (5, 40), 0.08),
    "criminal_damage": (0.7, 0.45, 0.08, "volume", (2, 21), 0.05),
    "public_order": (0.9, 0.9, 0.3, "attender", (1, 20), 0.05),
    "road_traffic": (0.9, 0.85, 0.06, "roads", (1, 45), 0.08),
    "missing_person": (0.95, 0.95, 0.0, "attender", (0.1, 3), 0.02),
    "concern_for_welfare": (0.97, 0.9, 0.0, None, (0.05, 1.5), 0.0),
    "mental_health": (0.97, 0.85, 0.0, None, (0.05, 0.8), 0.0),
    "drugs": (0.3, 0.6, 0.4, "neighbourhood", (5, 60), 0.15),
    "fraud": (0.3, 0.05, 0.0, "volume", (5, 60), 0.15),
    "antisocial_behaviour": (0.9, 0.55, 0.02, "neighbourhood", (1, 14), 0.05),
    "other": (0.7, 0.5, 0.05, "attender", (1, 10), 0.05),
}
RESPONSE_DELAY = {"domestic_abuse": (5, 40), "sexual_offence": (10, 60), "missing_person": (10, 60),
                  "concern_for_welfare": (10, 90), "mental_health": (10, 60), "road_traffic": (8, 40)}


class Incidents:
    def __init__(self, ctx, rng):
        self.ctx, self.rng = ctx, rng
        self.rate = ctx.n_staff * 0.15  # incidents a day across the force

    def day(self, d):
        ctx, rng, clock = self.ctx, self.rng, self.ctx.clock
        wd = clock.weekday(d)
        dow = 1.12 if wd in (4, 5) else (0.95 if wd == 6 else 1.0)
        for sec in ctx.geo.sectors:
            lam = self.rate * dow * sec.weight / ctx.geo.total_weight
            times = sorted(clock.at_local(d, self._second(rng)) for _ in range(poisson(rng, lam)))
            for t in times:
                self.incident(sec, t)
        for station in ctx.geo.custody_stations:
            for _ in range(poisson(rng, ctx.n_staff * 0.004)):
                self.warrant_custody(station, clock.at_local(d, rng.randint(6 * HOUR, 22 * HOUR)))

    @staticmethod
    def _second(rng):
        x = rng.random() * _H_CUM[-1]
        h = 0
        while _H_CUM[h] < x:
            h += 1
        return h * HOUR + rng.randint(0, 3599)

    def pick_cat(self):
        x = self.rng.random() * _CAT_CUM[-1]
        for i, c in enumerate(_CAT_CUM):
            if x < c:
                return _CAT_NAMES[i]
        return "other"

    # --- people in the incident ----------------------------------------------------------------------------
    def persons(self, cat, k):
        rng, pp = self.rng, self.ctx.people
        out = []
        if rng.random() < 0.1:
            pp.household(self.ctx.geo.sectors[k])  # newcomers to the records
        if cat == "domestic_abuse":
            female = rng.random() < 0.8
            v = pp.pick(k, "female" if female else "male", 18, 60, pp.repeat_da[k] if female else None, 0.35)
            s = pp.partner_of(v) if rng.random() < 0.55 else None
            if s is None:
                exes = [q for q, rel in pp.adj[v] if rel == "ex_partner"]
                if exes and rng.random() < 0.7:
                    s = exes[0]
                else:
                    s = pp.pick(k, "male" if female else "female", 18, 65)
                    if s != v:
                        pp.link(v, s, "ex_partner")
            out.append((v, "victim"))
            if s != v:
                out.append((s, "suspect"))
            for c in pp.children_of(v)[:3]:
                if pp.age(c) < 18:
                    out.append((c, "other"))
            if rng.random() < 0.2:
                out.append((pp.pick(k), "caller"))
            pp.mark(v, DA)
        elif cat == "sexual_offence":
            child = rng.random() < 0.18
            v = pp.pick(k, "female" if rng.random() < 0.85 else "male", 12 if child else 18, 17 if child else 40)
            out.append((v, "victim"))
            if rng.random() < 0.65:
                rel = [q for q, r in pp.adj[v] if r in ("ex_partner", "partner", "friend", "associate", "household")]
                s = rng.choice(rel) if rel and rng.random() < 0.4 else pp.pick(k, "male", 16, 60)
                if s != v:
                    out.append((s, "suspect"))
            if rng.random() < 0.3:
                out.append((pp.pick(k), "witness"))
            pp.mark(v, SO | (CHILD if pp.age(v) < 18 else 0))
        elif cat == "stalking_harassment":
            v = pp.pick(k, "female" if rng.random() < 0.72 else "male", 18, 55)
            exes = [q for q, rel in pp.adj[v] if rel in ("ex_partner",)]
            if exes and rng.random() < 0.8:
                s = exes[0]
            else:
                s = pp.pick(k, "male", 18, 60)
                if rng.random() < 0.5 and s != v:
                    pp.link(v, s, "ex_partner")
            out.append((v, "victim"))
            if s != v:
                out.append((s, "suspect"))
            pp.mark(v, STALK)
        elif cat in ("assault", "public_order"):
            if cat == "assault" or rng.random() < 0.4:
                out.append((pp.pick(k, "male" if rng.random() < 0.55 else "female", 16, 75), "victim"))
            out.append((pp.pick(k, "male" if rng.random() < 0.85 else "female", 16, 50, pp.prolific[k], 0.35), "suspect"))
            if rng.random() < 0.3:
                out.append((pp.pick(k, "male", 16, 50), "suspect"))
            if rng.random() < 0.4:
                out.append((pp.pick(k), "witness"))
        elif cat in ("theft", "burglary", "criminal_damage"):
            v = pp.pick(k, None, 18, 90)
            out.append((v, "victim"))
            if cat == "burglary" and rng.random() < 0.3:
                q = pp.partner_of(v)
                if q is not None:
                    out.append((q, "other"))
            p_sus = {"theft": 0.3, "burglary": 0.15, "criminal_damage": 0.35}[cat]
            if rng.random() < p_sus:
                known = pp.youths[k] if (cat == "criminal_damage" and rng.random() < 0.5) else pp.prolific[k]
                out.append((pp.pick(k, "male", 14, 50, known, 0.5), "suspect"))
            if rng.random() < 0.15:
                out.append((pp.pick(k), "witness"))
        elif cat == "road_traffic":
            a = pp.pick(k, None, 17, 85)
            out.append((a, "victim"))
            if rng.random() < 0.7:
                out.append((pp.pick(k, None, 17, 85), "suspect" if rng.random() < 0.6 else "other"))
            if rng.random() < 0.2:
                out.append((pp.pick(k), "witness"))
        elif cat == "missing_person":
            child = rng.random() < 0.55
            if child:
                m = pp.pick(k, None, 12, 17)
                parents = [q for q, r in pp.adj[m] if r == "parent"]
                out.append((m, "victim"))
                out.append((parents[0] if parents else pp.pick(k), "caller"))
                pp.mark(m, MISS | CHILD)
            else:
                m = pp.pick(k, None, 18, 90, pp.mh[k], 0.3)
                out.append((m, "victim"))
                out.append((pp.pick(k), "caller"))
                pp.mark(m, MISS | (VA if pp.age(m) >= 70 else 0))
        elif cat == "concern_for_welfare":
            r = rng.random()
            if r < 0.3:
                s = pp.pick(k, None, 70, 95)
                pp.mark(s, VA)
            elif r < 0.6:
                s = pp.pick(k, None, 18, 70, pp.mh[k], 0.5)
                pp.mark(s, MH)
            elif r < 0.75:
                s = pp.pick(k, None, 0, 17)
                pp.mark(s, CHILD)
            else:
                s = pp.pick(k, None, 18, 90)
            out.append((s, "other"))
            out.append((pp.pick(k), "caller"))
        elif cat == "mental_health":
            s = pp.pick(k, None, 16, 80, pp.mh[k], 0.55)
            pp.mark(s, MH)
            if s not in pp.mh[k] and rng.random() < 0.3:
                pp.mh[k].append(s)
            out.append((s, "other"))
            if rng.random() < 0.6:
                rel = pp.relatives(s)
                out.append((rng.choice(rel) if rel else pp.pick(k), "caller"))
        elif cat == "drugs":
            for _ in range(rng.choice((1, 1, 2))):
                s = pp.pick(k, "male" if rng.random() < 0.85 else "female", 15, 50, pp.prolific[k], 0.5)
                pp.mark(s, SUB)
                out.append((s, "suspect"))
        elif cat == "fraud":
            out.append((pp.pick(k, None, 60 if rng.random() < 0.5 else 18, 95), "victim"))
        elif cat == "antisocial_behaviour":
            out.append((pp.pick(k, None, 25, 85), "caller"))
            for _ in range(rng.choice((0, 1, 1, 2))):
                out.append((pp.pick(k, "male", 13, 19, pp.youths[k], 0.6), "suspect"))
        else:
            out.append((pp.pick(k), "caller"))
            if rng.random() < 0.5:
                out.append((pp.pick(k), "other"))
        seen, uniq = set(), []
        for p, r in out:
            if p not in seen:
                seen.add(p)
                uniq.append((p, r))
                if pp.age(p) < 18:
                    pp.mark(p, CHILD)
        return uniq

    # --- allocation ------------------------------------------------------------------------------------------
    def on_duty(self, group, t):
        xs = self.ctx.onduty.at(group, t)
        return self.rng.choice(xs) if xs else None

    def member(self, group, t):
        """Anyone in the group employed at t (desk work is allocated to a queue, not to who is on duty)."""
        pool = self.ctx.pool(group)
        d = self.ctx.clock.local_day(t)
        for _ in range(8):
            s = pool[self.rng.randrange(len(pool))] if pool else None
            if s is None:
                return None
            if (s.start_day is None or s.start_day <= d) and (s.end_day is None or d < s.end_day):
                return s
        return None

    def incident(self, sec, t, cat=None, people=None):
        ctx, rng, world = self.ctx, self.rng, self.ctx.world
        cat = cat or self.pick_cat()
        p_call, p_attend, p_arrest, inv, (c_lo, c_hi), p_open = SPEC[cat]
        persons = people if people is not None else self.persons(cat, sec.k)
        o = world.new_occ(cat, t, sec.station, sec.k)
        for p, r in persons:
            world.involve(o, p, r)
        o.kids = any(ctx.people.age(p) < 18 for p, _ in persons)
        # closure
        if rng.random() < p_open:
            closed = None
        else:
            closed = t + int(rng.uniform(c_lo, c_hi) * DAY)
        screened = inv == "volume" and rng.random() < 0.3
        if screened:
            closed = t + rng.randint(1, 4) * DAY
        if closed is not None and closed >= ctx.clock.end:
            closed = None
        o.closed = closed
        world.note_closed(o)
        # call handling
        if rng.random() < p_call:
            ch = self.on_duty("fcr_ch", t)
            if ch is not None:
                world.assign(o, ch, "call_handler", t, t + rng.randint(4, 28) * 60)
                ch.pending.append((t, o.i, "call_handler"))
        # attendance
        attenders = []
        if rng.random() < p_attend:
            lo, hi = RESPONSE_DELAY.get(cat, (15, 150))
            start = t + rng.randint(lo, hi) * 60
            group = "resp:%d" % sec.k
            if cat == "road_traffic" and rng.random() < 0.55:
                group = "rpu"
            elif cat in ("assault", "public_order", "mental_health", "concern_for_welfare") and rng.random() < 0.04:
                group = "arv"
            elif cat in ("antisocial_behaviour", "drugs") and rng.random() < 0.4:
                group = "nbh:%d" % sec.k
            elif cat in ("antisocial_behaviour", "criminal_damage") and rng.random() < 0.25:
                group = "pcso:%d" % sec.k
            first = self.on_duty(group, start) or self.on_duty("resp:%d" % sec.k, start) or \
                self.on_duty("nbh:%d" % sec.k, start)
            if first is not None:
                attenders.append(first)
                n2 = 0.85 if cat in ("domestic_abuse", "sexual_offence", "public_order") else 0.35
                if rng.random() < n2:
                    second = self.on_duty("resp:%d" % sec.k, start) or self.on_duty("spc:%d" % sec.k, start)
                    if second is not None and second is not first:
                        attenders.append(second)
                if rng.random() < 0.08:
                    sp = self.on_duty("spc:%d" % sec.k, start)
                    if sp is not None and sp not in attenders:
                        attenders.append(sp)
            for a in attenders:
                end = start + rng.randint(60, 300) * 60
                world.assign(o, a, "attending", start, end)
                a.pending.append((start, o.i, "attending"))
        # arrest and custody
        sus = o.suspects()
        if attenders and sus and rng.random() < p_arrest:
            self.custody(sec.custody, start + rng.randint(20, 120) * 60, sus[0], attenders[0], o)
        # investigation
        oic = None
        if not screened and (closed is None or closed - t > 2 * DAY):
            oic = self.investigate(o, inv, t, attenders, sec)
        if screened:
            sc = self.member("cmu_screen", t)
            if sc is not None:
                world.assign(o, sc, "investigator", t + rng.randint(8, 30) * HOUR, closed)
        # supervision
        if cat in ("domestic_abuse", "sexual_offence", "missing_person", "stalking_harassment") or rng.random() < 0.08:
            sup = self.on_duty("sup:resp:%d" % sec.k, t + HOUR)
            if sup is not None:
                st = t + rng.randint(1, 8) * HOUR
                world.assign(o, sup, "supervisor", st, min(closed or st + 10 * DAY, st + 10 * DAY))
                sup.reviews.append((st, o.i))
        # safeguarding referrals
        if (o.kids and cat in ("domestic_abuse", "sexual_offence", "missing_person", "concern_for_welfare",
                                "mental_health", "assault", "stalking_harassment")) or \
                (cat in ("concern_for_welfare", "missing_person") and rng.random() < 0.3):
            world.mash_queue.append((t + rng.randint(2, 20) * HOUR, o.i))
        return o

    def investigate(self, o, inv, t, attenders, sec):
        rng, world = self.rng, self.ctx.world
        who, role = None, "officer_in_case"
        if inv == "volume":
            if attenders and rng.random() < 0.25:
                who = attenders[0]
            else:
                who = self.member("cmu", t)
                if who is not None and who.role == "police_staff":
                    role = "investigator"
                if who is not None:
                    o.station = who.station
        elif inv == "da":
            r = rng.random()
            if r < 0.6 and attenders:
                who = attenders[0]
            elif r < 0.82:
                who = self.member("ppiu:da", t)
            else:
                who = self.member("cmu", t)
            if who is not None and who is not (attenders[0] if attenders else None):
                o.station = who.station
        elif inv == "rasso":
            who = self.member("ppiu:rasso", t)
            if who is not None:
                o.station = who.station
        elif inv == "stalk":
            who = self.member("ppiu:da", t) if rng.random() < 0.5 else self.member("cmu", t)
            if who is not None:
                o.station = who.station
        elif inv == "roads":
            if attenders and attenders[0].unit == "rpu" and rng.random() < 0.5:
                who = attenders[0]
        elif inv == "neighbourhood":
            who = self.member("nbh:%d" % sec.k, t) if rng.random() < 0.5 else (attenders[0] if attenders else None)
        elif inv == "attender":
            who = attenders[0] if attenders else None
        if who is None:
            return None
        start = t + (rng.randint(1, 4) * HOUR if who in attenders else rng.randint(12, 60) * HOUR)
        if o.closed is not None and o.closed <= start + HOUR:
            return None
        world.assign(o, who, role, start, o.closed)
        who.cases.append((start, o.i))
        if inv == "rasso" and rng.random() < 0.7:
            sup = self.member("ppiu_sup:rasso", t)
            if sup is not None:
                world.assign(o, sup, "supervisor", start + DAY, o.closed)
                sup.reviews.append((start + DAY, o.i))
        return who

    def custody(self, station, t, detainee, arrester, parent=None):
        rng, world, pp = self.rng, self.ctx.world, self.ctx.people
        closed = t + rng.randint(4, 30) * HOUR
        if closed >= self.ctx.clock.end:
            closed = None
        c = world.new_occ("custody", t, station, parent.area if parent is not None else None, closed)
        c.area = None
        world.involve(c, detainee, "suspect")
        pp.mark(detainee, CUST)
        if arrester is not None:
            world.assign(c, arrester, "attending", t - 30 * 60, t + HOUR)
        sgt = self.on_duty("cust:" + station, t)
        if sgt is not None:
            world.assign(c, sgt, "supervisor", t, closed if closed is not None and closed < t + 12 * HOUR
                         else t + 12 * HOUR)
            sgt.pending.append((t, c.i, "booking"))
        return c

    def warrant_custody(self, station, t):
        """Arrests on warrant, recalls to prison, production from elsewhere: custody with no local incident."""
        ctx, rng = self.ctx, self.rng
        sec = rng.choice([s for s in ctx.geo.sectors if s.custody == station])
        det = ctx.people.pick(sec.k, "male" if rng.random() < 0.85 else "female", 18, 55, ctx.people.prolific[sec.k], 0.6)
        arr = self.on_duty("resp:%d" % sec.k, t) or self.on_duty("nbh:%d" % sec.k, t)
        return self.custody(station, t, det, arr)
