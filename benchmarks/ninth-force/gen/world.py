"""The shared state every stage writes into: staff, people, occurrences, assignments and audit events."""
import bisect

from .clock import PERIOD_START, DAY
from .staffing import active

F_SEARCH = "summary;warnings"
F_PERSON = "summary;identity;warnings"
F_PERSON_FULL = "identity;contact;address;warnings"
F_OCC = "summary;history"
F_OCC_NOTES = "summary;history;notes"
F_VEH = "vehicles"


class Occ:
    __slots__ = ("i", "oid", "cat", "opened", "closed", "station", "hub", "area", "persons", "assigns")


class World:
    def __init__(self, seed, geo, staff, pop, devices, onduty, days):
        self.seed, self.geo, self.staff, self.pop, self.dev, self.onduty = seed, geo, staff, pop, devices, onduty
        self.days = days
        self.start = PERIOD_START
        self.end = PERIOD_START + days * DAY
        self.ev = []
        self.occs = []
        self.hub_areas = {}
        self.station_areas = {}
        for a in geo.areas:
            self.hub_areas.setdefault(a.hub, []).append(a.code)
            self.station_areas.setdefault(a.station, []).append(a.code)
        self.all_codes = [a.code for a in geo.areas]
        for s in staff:
            s.shifts.sort(key=lambda sh: sh.start)
        self._work = {}
        self.open_by_station = {}
        self.tags = []           # scenario labels, index = tag - 1
        self.cases = {}          # staff index -> occurrences they were assigned to

    def add(self, ts, system, s, action, etype, entity, fields, ws, reason="", tag=0):
        if ts < self.start or ts >= self.end or not active(s, ts):
            return False
        self.ev.append((ts, system, s.i, action, etype, entity, fields, ws, reason, tag))
        if not tag:
            s.events += 1
        return True

    def work(self, s):
        w = self._work.get(s.i)
        if w is None:
            w = [(sh.start, sh.end) for sh in s.shifts if sh.kind in ("duty", "overtime")]
            self._work[s.i] = w
        return w

    def at_work(self, rng, s, t, slack=0):
        """A time inside s's first working shift ending after t, or None."""
        w = self.work(s)
        k = bisect.bisect_right(w, (t, 1 << 62))
        if k > 0 and w[k - 1][1] > t:
            a, b = w[k - 1]
        elif k < len(w):
            a, b = w[k]
        else:
            return None
        lo = max(a, t)
        if b - lo < 300:
            return lo
        return lo + int(rng.random() * min(b - lo, 4 * 3600 + slack))

    def on_shift(self, s, t):
        w = self.work(s)
        k = bisect.bisect_right(w, (t, 1 << 62))
        return k > 0 and w[k - 1][1] > t

    def new_occ(self, oid, cat, opened, closed, station, hub, area):
        o = Occ()
        o.i = len(self.occs)
        o.oid, o.cat, o.opened, o.closed, o.station, o.hub, o.area = oid, cat, opened, closed, station, hub, area
        o.persons = []
        o.assigns = []
        self.occs.append(o)
        return o

    def involve(self, o, p, role):
        o.persons.append((p.i, role))
        p.occs.append(o.i)

    def assign(self, o, s, role, start, end):
        if end is not None and end <= start:
            end = start + 900
        o.assigns.append((s.i, role, start, end))
        self.cases.setdefault(s.i, []).append(o.i)
