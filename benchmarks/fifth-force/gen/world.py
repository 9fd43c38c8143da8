"""The records the generator builds, shared by every stage."""


class Staff:
    __slots__ = ("sid", "num", "collar", "name", "sex", "role", "team", "station", "si", "group", "unit",
                 "pattern", "crew", "start", "end", "home", "mob", "lt", "desk", "shifts", "cases", "cast")


class Person:
    __slots__ = ("pid", "family", "given", "sex", "by", "postcode", "si", "markers", "vrm", "links", "occs", "hh")


class Occ:
    __slots__ = ("oid", "cat", "opened", "closed", "si", "persons", "parent", "custody")


class World:
    def __init__(self, seed, n_staff, days):
        self.seed, self.n_staff, self.days = seed, n_staff, days
        self.staff, self.persons, self.occs = [], [], []
        self.staff_by_id, self.person_by_id, self.occ_by_id = {}, {}, {}
        self.rosters = []          # (sid, start, end, kind)
        self.assigns = []          # [oid, sid, role, start, end or None]
        self.by_staff = {}         # sid -> list of assignment rows
        self.links = []            # (pid, pid, relation)
        self.declared = []         # (sid, pid, relation, date)
        self.events = []           # (t, sid, sys, action, etype, entity, fields, ws, reason, ctx, tag)
        self.cast = []             # dicts: sid, scenario, kind, role, behaviour
        self.duty = {}             # pool -> {hour index: [sid]}
        self.pools = {}
        self._occ_assign = {}    # oid -> assignment rows made with it

    def assign(self, oid, sid, role, start, end):
        if end is not None and end < start:      # closed before the officer in case picked it up
            end = start + 1800
        row = [oid, sid, role, start, end]
        self.assigns.append(row)
        self.by_staff.setdefault(sid, []).append(row)
        return row
