"""Force devices: station terminals, mobile data terminals in cars, handhelds, control and custody consoles, laptops."""


class Devices:
    def __init__(self, rng, geo):
        self.ws = {}
        for st in geo.stations:
            n = 160 if st.kind == "hq" else (36 if st.kind == "town" else 3)
            self.ws[st.name] = ["WS-%s-%03d" % (st.tag, k) for k in rng.sample(range(1, 900), n)]
        self.mdt = {}
        for h in geo.hubs():
            self.mdt[h] = ["MDT-%04d" % k for k in rng.sample(range(1000, 9999), 12 if h == geo.hubs()[0] else 7)]
        self.tags = {st.name: st.tag for st in geo.stations}

    def station_ws(self, rng, s):
        return rng.choice(self.ws[s.station])

    def pick(self, rng, s, mobile=None):
        u = s.unit
        if u in ("ctrl_ch", "ctrl_disp", "ctrl_sup"):
            return "CC-POS-%02d" % (1 + s.i % 46)
        if u == "custody":
            return "CUS-%s-%02d" % (self.tags[s.station], 1 + rng.randrange(6))
        if u in ("response", "roads", "special", "triage", "rural", "sup_resp"):
            r = rng.random()
            if mobile is False:
                r = .99
            if r < .55 and u != "sup_resp":
                return rng.choice(self.mdt[s.hub])
            if r < .82 and s.hh:
                return s.hh
            return self.station_ws(rng, s)
        if u in ("nbh", "pcso", "schools"):
            return s.hh if (s.hh and rng.random() < .45 and mobile is not False) else self.station_ws(rng, s)
        if s.laptop and rng.random() < .08:
            return s.laptop
        return self.station_ws(rng, s)
