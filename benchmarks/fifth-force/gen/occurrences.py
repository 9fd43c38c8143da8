"""Occurrences: incidents and crimes with the people in them, arrests and custody episodes."""
from . import clock, places
from .clock import DAY, HOUR
from .rng import stream, skew
from .world import Occ

YEAR = 2025
CATS = [("antisocial_behaviour", 13), ("concern_for_welfare", 10), ("theft", 11), ("road_traffic", 7),
        ("domestic_abuse", 11), ("assault", 9), ("criminal_damage", 6), ("public_order", 5), ("burglary", 4),
        ("missing_person", 4), ("mental_health", 5), ("sexual_offence", 2.5), ("stalking_harassment", 3),
        ("fraud", 3), ("drugs", 2), ("other", 5)]
HOURS = [3, 2, 1.5, 1, 1, 1.2, 2, 3, 4, 4.5, 5, 5, 5.5, 5.5, 5.5, 6, 6.5, 7, 7, 7, 6.5, 6, 5, 4]
# (median days open, share still open at the end)
CLOSE = {"antisocial_behaviour": (6, .1), "concern_for_welfare": (1, .02), "theft": (12, .15),
         "road_traffic": (9, .1), "domestic_abuse": (28, .3), "assault": (24, .25), "criminal_damage": (10, .1),
         "public_order": (10, .1), "burglary": (30, .25), "missing_person": (2, .03), "mental_health": (1, .02),
         "sexual_offence": (70, .6), "stalking_harassment": (35, .35), "fraud": (40, .4), "drugs": (30, .3),
         "other": (5, .05), "stop_check": (0, 0), "custody": (0, 0)}
ARREST = {"domestic_abuse": .45, "assault": .33, "sexual_offence": .3, "burglary": .18, "theft": .12,
          "drugs": .5, "public_order": .35, "criminal_damage": .12, "stalking_harassment": .25}
PRE_DAYS = 45


class Occurrences:
    def __init__(self, w):
        self.w = w
        self.r = stream(w.seed, "occurrences")
        self.n = 0

    def new(self, cat, opened, si, persons, closed="auto"):
        w, r = self.w, self.r
        o = Occ()
        o.oid = f"VOC{25000000 + self.n}"
        self.n += 1
        o.cat, o.opened, o.si, o.persons, o.parent, o.custody = cat, opened, si, persons, None, None
        if closed == "auto":
            med, still = CLOSE[cat]
            end = clock.START + w.days * DAY
            c = opened + int(med * DAY * r.lognormvariate(0, 0.7)) + r.randint(600, 6 * HOUR)
            closed = None if (r.random() < still or c >= end) else c
        o.closed = closed
        w.occs.append(o)
        w.occ_by_id[o.oid] = o
        return o

    def people_for(self, cat, si):
        r, pl = self.r, self.w.pools
        adult = pl["adult"][si]
        pro = pl["prolific"][si]
        out = []
        def caller():
            return skew(r, pl["callers"][si], 1.6) if r.random() < 0.5 else r.choice(adult)
        if cat == "domestic_abuse" and pl["da_pairs"][si]:
            v, s = skew(r, pl["da_pairs"][si], 1.5)
            out += [(v, "victim"), (s, "suspect")]
            if r.random() < 0.3:
                out.append((caller(), "caller"))
            kids = [q for q, rel in v.links if rel == "child"]
            if kids and r.random() < 0.4:
                out.append((kids[0], "other"))
        elif cat == "sexual_offence":
            pool = pl["young_f"][si] if r.random() < 0.85 else adult
            v = r.choice(pool)
            out += [(v, "victim")]
            if r.random() < 0.7:
                out.append((skew(r, pro, 1.3) if r.random() < .5 else r.choice(adult), "suspect"))
            if r.random() < 0.35:
                out.append((r.choice(adult), "witness"))
        elif cat == "stalking_harassment":
            v = r.choice(pl["women"][si]) if r.random() < .75 else r.choice(adult)
            exs = [q for q, rel in v.links if rel in ("ex_partner", "partner")]
            out += [(v, "victim"), (exs[0] if exs else r.choice(adult), "suspect")]
        elif cat in ("assault", "public_order", "criminal_damage", "burglary", "theft", "drugs"):
            if cat != "drugs":
                out.append((r.choice(adult), "victim"))
            if r.random() < {"theft": .45, "burglary": .3}.get(cat, .8):
                out.append((skew(r, pro, 1.4), "suspect"))
            for _ in range(r.choice([0, 0, 1, 1, 2])):
                out.append((r.choice(adult), "witness"))
            if r.random() < .35:
                out.append((caller(), "caller"))
        elif cat == "antisocial_behaviour":
            out.append((caller(), "caller"))
            for _ in range(r.randint(0, 2)):
                out.append((skew(r, pro, 1.4) if r.random() < .6 else r.choice(pl["young_m"][si] or adult), "suspect"))
            if r.random() < .3:
                out.append((r.choice(adult), "witness"))
        elif cat in ("mental_health", "concern_for_welfare"):
            subj = skew(r, pl["mh"][si], 1.5) if (pl["mh"][si] and r.random() < .6) else r.choice(adult)
            out += [(subj, "other"), (caller(), "caller")]
        elif cat == "missing_person":
            kids = [p for p in pl["child"][si] if YEAR - p.by >= 12]
            subj = skew(r, kids, 1.5) if (kids and r.random() < .6) else r.choice(adult)
            out.append((subj, "other"))
            par = [q for q, rel in subj.links if rel == "parent"]
            out.append((par[0] if par else caller(), "caller"))
        elif cat == "road_traffic":
            for _ in range(r.randint(1, 3)):
                out.append((r.choice(adult), r.choice(["victim", "other", "other", "suspect", "witness"])))
        elif cat == "fraud":
            out.append((r.choice(pl["older"][si] or adult), "victim"))
            if r.random() < .3:
                out.append((r.choice(adult), "suspect"))
        else:
            out.append((caller(), "caller"))
            if r.random() < .4:
                out.append((r.choice(adult), "other"))
        if not out:
            out.append((caller(), "caller"))
        seen, res = set(), []
        for p, role in out:
            if p.pid not in seen:
                seen.add(p.pid)
                res.append((p.pid, role))
                self.mark(p, cat, role)
        return res

    def mark(self, p, cat, role):
        r = self.r
        if role == "victim":
            m = {"domestic_abuse": "domestic_abuse_victim", "sexual_offence": "sexual_offence_victim",
                 "stalking_harassment": "stalking_victim"}.get(cat)
            if m and r.random() < 0.9:
                p.markers.add(m)
        if cat == "missing_person" and role == "other":
            p.markers.add("missing_person")
        if cat == "mental_health" and role == "other" and r.random() < .7:
            p.markers.add("mental_health")


def build(w):
    g = Occurrences(w)
    r = g.r
    rate = 320 * w.n_staff / 1500
    cats, cw = [c for c, _ in CATS], [x for _, x in CATS]
    hours = list(range(24))
    for d in range(-PRE_DAYS, w.days):
        n = max(1, int(r.gauss(rate * (1.12 if d % 7 in (4, 5) else 0.96), rate * 0.08)))
        todays = []
        for _ in range(n):
            cat = r.choices(cats, cw)[0]
            h = r.choices(hours, HOURS)[0] + r.random()
            si = r.choices(range(len(places.NAMES)), places.WEIGHTS)[0]
            todays.append((clock.local(d, h), cat, si))
        todays.sort()
        for t, cat, si in todays:
            g.new(cat, t, si, g.people_for(cat, si))
    # arrests and custody episodes
    end = clock.START + w.days * DAY
    for o in list(w.occs):
        p = ARREST.get(o.cat)
        sus = [pid for pid, role in o.persons if role == "suspect"]
        if not p or not sus or r.random() >= p:
            continue
        t = o.opened + (r.randint(40, 240) * 60 if r.random() < .7 else r.randint(1, 20) * DAY + r.randint(0, DAY))
        if t >= end - HOUR:
            continue
        suite = places.INDEX[places.SUITE[o.si]]
        booked = t + r.randint(20, 70) * 60
        stay = r.randint(4, 26) * HOUR if r.random() < .93 else r.randint(30, 60) * HOUR
        c = g.new("custody", booked, suite, [(sus[0], "suspect")],
                  closed=booked + stay if booked + stay < end else None)
        c.parent = o.oid
        o.custody = c.oid
        w.person_by_id[sus[0]].markers.add("custody_detainee")
    w.occ_gen = g


def index_persons(w):
    for p in w.persons:
        p.occs = []
    for o in w.occs:
        for pid, role in o.persons:
            w.person_by_id[pid].occs.append((o, role))
