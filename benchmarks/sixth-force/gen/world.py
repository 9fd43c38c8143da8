"""The records world: occurrences, who was in them, who was assigned, and the indexes the activity needs."""
import bisect

from .clock import DAY


class Occ:
    __slots__ = ("i", "oid", "cat", "opened", "closed", "station", "area", "persons", "asg", "cad", "kids",
                 "legacy")

    def open_at(self, t):
        return self.opened <= t and (self.closed is None or t < self.closed)

    def victims(self):
        return [p for p, r in self.persons if r == "victim"]

    def suspects(self):
        return [p for p, r in self.persons if r == "suspect"]


class World:
    def __init__(self, clock, people):
        self.clock, self.people = clock, people
        self.occs = []
        self.person_occs = []
        self.assignments = []
        self.area_recent = {}
        self.force_recent = []
        self.custody_recent = {}
        self.mash_queue = []
        self.by_day = {}
        self.closing = {}
        self.declared = []
        self._seq = {}
        self._cad = {}

    def new_occ(self, cat, t, station, area, closed=None):
        o = Occ()
        o.i = len(self.occs)
        yy = self.clock.date_of(t)[2:4]
        n = self._seq.get(yy, 0) + 1
        self._seq[yy] = n
        o.oid = "NM-%s-%06d" % (yy, n)
        o.cat, o.opened, o.closed, o.station, o.area = cat, t, closed, station, area
        o.persons, o.asg, o.kids, o.legacy = [], {}, False, False
        d = self.clock.date_of(t)
        c = self._cad.get(d, 0) + 1
        self._cad[d] = c
        o.cad = "%04d %s/%s" % (c, d[8:10], d[5:7])
        self.occs.append(o)
        if area is not None:
            self._insert(self.area_recent.setdefault(area, []), o)
        if cat == "custody":
            self._insert(self.custody_recent.setdefault(station, []), o)
        self._insert(self.force_recent, o)
        self.by_day.setdefault(self.clock.local_day(t), []).append(o.i)
        return o

    def _insert(self, lst, o):
        """Keep opening-ordered lists ordered when an occurrence is recorded late."""
        occs = self.occs
        if not lst or occs[lst[-1]].opened <= o.opened:
            lst.append(o.i)
        else:
            bisect.insort(lst, o.i, key=lambda i: occs[i].opened)

    def note_closed(self, o):
        if o.closed is not None:
            self.closing.setdefault(self.clock.local_day(o.closed), []).append(o.i)

    def involve(self, o, p, role):
        o.persons.append((p, role))
        po = self.person_occs
        while len(po) <= p:
            po.append([])
        if not po[p] or po[p][-1] != o.i:
            po[p].append(o.i)

    def occs_of(self, p, before=None):
        """Occurrences a person is in (only those opened by `before`, when given)."""
        po = self.person_occs
        lst = po[p] if p < len(po) else ()
        if before is None:
            return lst
        occs = self.occs
        return [oi for oi in lst if occs[oi].opened <= before]

    def assign(self, o, st, role, start, end):
        if end is not None and end < start:
            end = start + 900
        self.assignments.append((o.i, st.i, role, start, end))
        prev = o.asg.get(st.i)
        if prev is None or start < prev:
            o.asg[st.i] = start

    def recent(self, lst, t, days, open_only=True):
        """Occurrence indexes from an opening-ordered list opened in the `days` before t (newest first)."""
        out = []
        lo = t - days * DAY
        occs = self.occs
        for k in range(len(lst) - 1, -1, -1):
            o = occs[lst[k]]
            if o.opened > t:
                continue
            if o.opened < lo:
                break
            if not open_only or o.closed is None or o.closed > t:
                out.append(o.i)
        return out

    def explained(self, st_i, etype, eid, t):
        """Direct link: the user holds (or held) an assignment to this occurrence, or to one the person is in."""
        lim = t + 3600
        if etype == "occurrence":
            a = self.occs[eid].asg.get(st_i)
            return a is not None and a <= lim
        if etype == "person" or etype == "custody_image":
            po = self.person_occs
            if eid >= len(po):
                return False
            occs = self.occs
            for oi in po[eid]:
                a = occs[oi].asg.get(st_i)
                if a is not None and a <= lim:
                    return True
        return False

    def explained_broad(self, st_i, station, area, etype, eid, t):
        """Direct link, or an occurrence handled at / raised in the user's own station that is open or recently
        closed (what a briefing or a station's workload explains)."""
        occs = self.occs
        if etype == "occurrence":
            o = occs[eid]
            return (o.station == station or (area is not None and o.area == area)) and \
                (o.closed is None or o.closed > t - 7 * DAY)
        if etype == "person" or etype == "custody_image":
            po = self.person_occs
            if eid >= len(po):
                return False
            for oi in po[eid]:
                o = occs[oi]
                if (o.station == station or (area is not None and o.area == area)) and o.opened <= t + 3600 and \
                        (o.closed is None or o.closed > t - 7 * DAY):
                    return True
        return False
