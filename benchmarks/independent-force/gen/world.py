"""The shared world: random source, period, staff, people and the audit event store."""
import bisect
import random

from . import clock

SYSTEMS = ("rms", "pnc", "pnd", "command_control", "intelligence", "custody")


class Staff:
    __slots__ = ("sid", "collar", "name", "role", "team", "station", "start", "end", "home_pc", "pat",
                 "offset", "shifts", "sstarts", "desks", "mobile", "vehicles", "group", "cast", "area",
                 "home_area", "laptop", "restdays")

    def __init__(self, sid):
        self.sid = sid
        self.shifts = []
        self.sstarts = []
        self.desks = []
        self.vehicles = []
        self.mobile = None
        self.laptop = None
        self.cast = None
        self.area = None
        self.home_area = None

    def finalise(self):
        self.shifts.sort()
        self.sstarts = [s[0] for s in self.shifts]

    def shift_at(self, t, slack=0):
        i = bisect.bisect_right(self.sstarts, t + slack) - 1
        if i >= 0 and t <= self.shifts[i][1] + slack:
            return self.shifts[i]
        return None

    def shifts_in(self, a, b):
        i = max(0, bisect.bisect_left(self.sstarts, a) - 1)
        out = []
        sh = self.shifts
        n = len(sh)
        while i < n and sh[i][0] < b:
            if sh[i][1] > a:
                out.append(sh[i])
            i += 1
        return out


class Person:
    __slots__ = ("pid", "family", "given", "sex", "byear", "pc", "area", "markers", "hh", "weight", "occs")

    def __init__(self, pid, family, given, sex, byear, pc, area, hh):
        self.pid = pid
        self.family = family
        self.given = given
        self.sex = sex
        self.byear = byear
        self.pc = pc
        self.area = area
        self.markers = set()
        self.hh = hh
        self.weight = 1
        self.occs = None


class Occurrence:
    __slots__ = ("oid", "cat", "opened", "closed", "station", "persons", "assign", "parent", "flag")

    def __init__(self, oid, cat, opened, closed, station):
        self.oid = oid
        self.cat = cat
        self.opened = opened
        self.closed = closed
        self.station = station
        self.persons = []   # (person, role)
        self.assign = []    # [staff, role, start, end]
        self.parent = None
        self.flag = None


class World:
    def __init__(self, seed, n_staff, days):
        self.seed = seed
        self.rng = random.Random(seed)
        self.n_staff = n_staff
        self.days = days
        self.t0 = clock.epoch(2025, 3, 3)          # a Monday
        self.t_end = self.t0 + days * clock.DAY
        self.staff = []
        self.staff_by_id = {}
        self.roster_rows = []                       # (sid, start, end, kind)
        self.persons = []
        self.links = []                             # (pid, pid, relation)
        self.link_map = {}                          # pid -> list of (Person, relation)
        self.occs = []
        self.declared = []                          # (sid, pid, relation, date_t)
        self.ev = {s: [] for s in SYSTEMS}
        self.truth = []                             # (sid, scenario, kind, tag)
        self.tagged = {}                            # tag -> list of event refs (sys, index)
        self.duty = {}                              # (group, station, hour) -> [Staff]
        self.extra_fault_rows = []
        self.stats = {}
        self.cur_tag = None
        self.cast_persons = []
        self.cast_occs = []

    # --- events -------------------------------------------------------------------------------
    def emit(self, t, st, system, action, etype, eid, fields, ws, reason="", tag=None):
        if t < self.t0 or t >= self.t_end:
            return False
        t = int(t)
        if tag is None:
            tag = self.cur_tag
        elif tag is False:
            tag = None
        lst = self.ev[system]
        lst.append((t, st.sid, action, etype, eid, fields, ws, reason, tag))
        if tag is not None:
            self.tagged.setdefault(tag, []).append((system, len(lst) - 1))
        return True

    # --- people helpers -----------------------------------------------------------------------
    def link(self, a, b, rel):
        self.links.append((a.pid, b.pid, rel))
        self.link_map.setdefault(a.pid, []).append((b, rel))
        self.link_map.setdefault(b.pid, []).append((a, rel))

    def linked(self, p):
        return self.link_map.get(p.pid, ())

    def hour(self, t):
        return (t - self.t0) // clock.HOUR

    def on_duty(self, group, station, t):
        return self.duty.get((group, station, (t - self.t0) // clock.HOUR), ())

    def pick_on_duty(self, group, station, t, k=1, exclude=()):
        pool = [s for s in self.on_duty(group, station, t) if s not in exclude]
        if not pool:
            return []
        if k >= len(pool):
            return pool
        return self.rng.sample(pool, k)
