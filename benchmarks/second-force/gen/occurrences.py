"""Incidents and crimes, the people in them, who handled them, and custody episodes."""
from .clock import DAY, HOUR
from .force_model import STATION_NAMES, WEIGHT, custody_for, URBAN
from .world import Occ

CATS = [("domestic_abuse", 14), ("sexual_offence", 3), ("stalking_harassment", 5), ("assault", 10),
        ("theft", 13), ("burglary", 5), ("criminal_damage", 7), ("public_order", 5), ("road_traffic", 7),
        ("missing_person", 4), ("concern_for_welfare", 9), ("mental_health", 6), ("drugs", 3), ("fraud", 4),
        ("antisocial_behaviour", 10), ("other", 5)]
HOUR_W = [3, 2, 2, 1, 1, 1, 2, 3, 4, 5, 5, 5, 6, 6, 6, 7, 8, 8, 8, 8, 7, 6, 5, 4]
OPEN_DAYS = {"domestic_abuse": (2, 45), "sexual_offence": (30, 260), "stalking_harassment": (10, 90),
             "assault": (3, 60), "theft": (1, 25), "burglary": (3, 50), "criminal_damage": (1, 20),
             "public_order": (1, 15), "road_traffic": (1, 30), "missing_person": (0, 4),
             "concern_for_welfare": (0, 2), "mental_health": (0, 2), "drugs": (5, 90), "fraud": (10, 120),
             "antisocial_behaviour": (1, 30), "other": (0, 10)}
CRIME = {"antisocial_behaviour", "domestic_abuse", "sexual_offence", "stalking_harassment", "assault", "theft",
         "burglary",
         "criminal_damage", "drugs", "fraud", "public_order"}


def _weighted(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def _age(p):
    return 2025 - p.birth if p.birth else 40


class OccMaker:
    def __init__(self, rng, world):
        self.rng, self.w = rng, world
        self.n = 0

    def new_id(self):
        self.n += 1
        return "INC/%d/%06d" % (25 if self.n < 999999 else 26, self.n * 3 + self.rng.randrange(3))

    def partner_of(self, p, rels=("ex_partner", "partner", "spouse")):
        cands = [self.w.person[b] for b, r in self.w.linked.get(p.pid, ()) if r in rels]
        return self.rng.choice(cands) if cands else None

    def _people_for(self, o):
        rng, w, st = self.rng, self.w, o.station
        general = w.pool(st, ("general",), lambda p: _age(p) >= 16, key=(st, "adult"))
        prolific = w.pool(st, ("prolific",))
        add = lambda p, r: p and w.add_person(o, p.pid, r)
        c = o.cat
        if c in ("domestic_abuse", "stalking_harassment"):
            v = w.pool(st, ("repeat_victim",)).pick(rng) if rng.random() < 0.75 else general.pick(rng)
            add(v, "victim")
            add(self.partner_of(v) or prolific.pick(rng), "suspect")
            if rng.random() < 0.3:
                kids = [w.person[b] for b, r in w.linked.get(v.pid, ()) if r == "parent" and _age(w.person[b]) < 18]
                if kids:
                    add(rng.choice(kids), "witness")
            if rng.random() < 0.3:
                add(general.pick(rng), "caller")
        elif c == "sexual_offence":
            v = w.pool(st, ("general", "repeat_victim", "sex_worker", "missing_teen"),
                       lambda p: p.sex == "female" and 13 <= _age(p) <= 60, key=(st, "so_v")).pick(rng)
            add(v, "victim")
            add(prolific.pick(rng) if rng.random() < 0.3 else general.pick(rng), "suspect")
            if v:
                v.markers.add("sexual_offence_victim")
        elif c == "missing_person":
            m = w.pool(st, ("missing_teen",)).pick(rng) or general.pick(rng)
            add(m, "other")
            par = [w.person[b] for b, r in w.linked.get(m.pid, ()) if r == "parent"] if m else []
            add(rng.choice(par) if par else general.pick(rng), "caller")
        elif c in ("concern_for_welfare", "mental_health"):
            add(w.pool(st, ("welfare",)).pick(rng) or general.pick(rng), "other")
            add(general.pick(rng), "caller")
        elif c == "road_traffic":
            for _ in range(rng.randint(1, 3)):
                add(general.pick(rng), rng.choice(["other", "other", "witness", "victim"]))
        elif c == "drugs":
            add(prolific.pick(rng) if rng.random() < 0.7 else w.pool(st, ("sex_worker",)).pick(rng), "suspect")
        else:
            add(general.pick(rng), "victim" if c in CRIME or c == "antisocial_behaviour" else "caller")
            if rng.random() < 0.55:
                add(prolific.pick(rng), "suspect")
            if rng.random() < 0.25:
                add(general.pick(rng), "witness")

    def _pick_staff(self, t, group, station):
        c = self.w.on_deck(t, group, station)
        if not c and station != "*":
            c = self.w.on_deck(t, group, "*")
        return self.rng.choice(c) if c else None

    def make(self, t, station, cat):
        rng, w = self.rng, self.w
        lo, hi = OPEN_DAYS[cat]
        closed = t + int(rng.uniform(lo, hi) * DAY) + rng.randrange(3600, 8 * 3600)
        o = w.add_occ(Occ(self.new_id(), cat, t, closed if closed < w.end else None, station))
        self._people_for(o)
        if cat not in ("drugs",) and rng.random() < 0.88:
            ch = self._pick_staff(t, "ch", "*")
            if ch:
                w.add_assign(o, ch, "call_handler", t, t + rng.randrange(240, 1500))
        attending = []
        if cat != "fraud" or rng.random() < 0.2:
            n = 2 if station in URBAN and rng.random() < 0.6 else 1
            local = cat in ("antisocial_behaviour", "criminal_damage", "concern_for_welfare") and rng.random() < 0.6
            for _ in range(n):
                if local:
                    sid = self.w.on_deck(t, "npt", station) and self._pick_staff(t, "npt", station)
                    sid = sid or self._pick_staff(t, "resp", station)
                else:
                    sid = self._pick_staff(t, "resp", station) or self._pick_staff(t, "npt", station)
                if sid and sid not in attending:
                    attending.append(sid)
                    a = t + rng.randrange(300, 3600)
                    w.add_assign(o, sid, "attending", a, a + rng.randrange(2400, 4 * HOUR))
        if cat in CRIME:
            team = {"sexual_offence": "RASSO", "domestic_abuse": "Domestic Abuse Investigation"}.get(cat)
            oic = None
            if (cat == "sexual_offence") or (cat == "domestic_abuse" and rng.random() < 0.3) or (
                    cat in ("burglary", "drugs", "assault") and rng.random() < 0.4):
                oic = rng.choice(w.detectives.get(team or "CID " + station) or w.detectives.get("CID") or [None])
            if not oic and cat in ("antisocial_behaviour", "criminal_damage", "theft") and rng.random() < 0.5:
                oic = rng.choice(w.npt.get(station) or [None])
            if not oic and attending:
                oic = attending[0]
            if oic:
                s = t + rng.randrange(HOUR, 2 * DAY)
                if o.closed and o.closed <= s:
                    s = t + (o.closed - t) // 3
                w.add_assign(o, oic, "officer_in_case", s, o.closed)
        if cat in ("domestic_abuse", "sexual_offence", "missing_person", "stalking_harassment") and rng.random() < 0.4:
            team = "Missing Persons Unit" if cat == "missing_person" else None
            sg = w.safeguarders.get(team) if team else w.safeguarders.get("any")
            if sg:
                s = t + rng.randrange(2 * HOUR, 3 * DAY)
                if o.closed and o.closed <= s:
                    s = t + (o.closed - t) // 2
                w.add_assign(o, rng.choice(sg), "investigator", s, o.closed)
        if attending and rng.random() < 0.25:
            sup = self._pick_staff(t, "sup", station)
            if sup:
                w.add_assign(o, sup, "supervisor", t + 1800, t + rng.randrange(2 * HOUR, 3 * DAY))
        # arrest and custody
        susp = [pid for pid, r in o.persons if r == "suspect"]
        if susp and attending and cat in CRIME and cat != "antisocial_behaviour" and rng.random() < (0.45 if cat == "domestic_abuse" else 0.22):
            self.custody(susp[0], attending[0], t + rng.randrange(1800, 6 * HOUR), custody_for(station))
        return o

    def custody(self, pid, arresting, t, suite):
        rng, w = self.rng, self.w
        end = t + rng.randrange(4 * HOUR, 30 * HOUR)
        o = w.add_occ(Occ(self.new_id(), "custody", t, end if end < w.end else None, suite))
        w.add_person(o, pid, "suspect")
        w.person[pid].markers.add("custody_detainee")
        if arresting:
            w.add_assign(o, arresting, "attending", t, t + rng.randrange(HOUR, 3 * HOUR))
        w.custody_at[suite].append((t, end, o, pid))
        return o

    def run(self, per_day):
        rng, w = self.rng, self.w
        tot = sum(WEIGHT.values())
        cats = CATS
        for day in range(w.days):
            d0 = w.t0 + day * DAY
            n = int(per_day * rng.uniform(0.8, 1.25))
            for _ in range(n):
                h = _weighted(rng, list(enumerate(HOUR_W)))
                t = d0 + h * HOUR + rng.randrange(3600) - 3600  # local ~ UTC+1/0
                st = _weighted(rng, [(s, WEIGHT[s] / tot) for s in STATION_NAMES])
                self.make(t, st, _weighted(rng, cats))
