"""Shared state: who is on duty where (hour index), people pools per station, and the event sink."""
import bisect
from collections import defaultdict

from .clock import HOUR


class Occ:
    __slots__ = ("oid", "cat", "opened", "closed", "station", "persons", "assign")

    def __init__(self, oid, cat, opened, closed, station):
        self.oid, self.cat, self.opened, self.closed, self.station = oid, cat, opened, closed, station
        self.persons, self.assign = [], []


class Pool:
    """Weighted sampling from people (cumulative weights + bisect)."""

    def __init__(self, people):
        self.people = people
        self.cum, acc = [], 0.0
        for p in people:
            acc += p.weight
            self.cum.append(acc)

    def pick(self, rng):
        if not self.people:
            return None
        i = bisect.bisect_right(self.cum, rng.random() * self.cum[-1])
        return self.people[min(i, len(self.people) - 1)]


class World:
    def __init__(self, t0, days, staff, people, links):
        self.t0, self.days, self.end = t0, days, t0 + days * 86400
        self.staff = staff
        self.by_sid = {s.sid: s for s in staff}
        self.people = people
        self.person = {p.pid: p for p in people}
        self.links = links
        self.linked = defaultdict(list)
        for a, b, rel in links:
            self.linked[a].append((b, rel))
            self.linked[b].append((a, rel))
        self.occs = []
        self.occ_by_day = defaultdict(list)      # (station, local day index) -> occurrences opened
        self.assign_by_staff = defaultdict(list)  # sid -> [(occ, role, start, end)]
        self.person_occs = defaultdict(list)      # pid -> [(occ, role)]
        self.events = defaultdict(list)           # system -> [(t, sid, action, etype, eid, fields, ws, reason, tag)]
        self.roster = []
        self.declared = []
        self.ondeck = defaultdict(list)           # (hour, group, station) -> [sid]
        self.worked = {}
        self._pools = {}

    # --- duty index -------------------------------------------------------
    def index_duty(self, worked, group_of):
        self.worked = worked
        for s in self.staff:
            g = group_of(s)
            if not g:
                continue
            for a, b, _k in worked.get(s.sid, ()):
                for h in range((a - self.t0) // HOUR, (b - self.t0) // HOUR):
                    self.ondeck[(h, g, s.station)].append(s.sid)
                    self.ondeck[(h, g, "*")].append(s.sid)

    def on_deck(self, t, group, station="*"):
        return self.ondeck.get(((t - self.t0) // HOUR, group, station), ())

    # --- people pools -----------------------------------------------------
    def pool(self, station, kinds, filt=None, key=None):
        k = key or (station, tuple(kinds))
        if k not in self._pools:
            ps = [p for p in self.people if (station == "*" or p.station == station) and p.kind in kinds
                  and (filt is None or filt(p))]
            self._pools[k] = Pool(ps)
        return self._pools[k]

    # --- records ----------------------------------------------------------
    def add_occ(self, o):
        self.occs.append(o)
        self.occ_by_day[(o.station, (o.opened - self.t0) // 86400)].append(o)
        self.occ_by_day[("*", (o.opened - self.t0) // 86400)].append(o)
        return o

    def add_person(self, o, pid, role):
        o.persons.append((pid, role))
        self.person_occs[pid].append((o, role))

    def add_assign(self, o, sid, role, start, end):
        o.assign.append((sid, role, start, end))
        self.assign_by_staff[sid].append((o, role, start, end))

    def recent(self, station, t, back_days):
        d = (t - self.t0) // 86400
        out = []
        for i in range(back_days + 1):
            out.extend(x for x in self.occ_by_day.get((station, d - i), ()) if x.opened <= t)
        return out

    def ev(self, t, system, sid, action, etype, eid, fields, ws, reason="", tag=None):
        if self.t0 <= t < self.end:
            self.events[system].append((t, sid, action, etype, eid, fields, ws, reason, tag))
