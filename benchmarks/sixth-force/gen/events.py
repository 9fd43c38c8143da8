"""The event sink: activity emits accesses, which are held per day, sorted by time, numbered per system,
measured (explained share, off-roster share) and handed to the exporters."""
import bisect
from operator import itemgetter

from .clock import HOUR
from .exporters import ID_FORMAT

_KEY = itemgetter(0, 2)


class Sink:
    def __init__(self, ctx, rng):
        self.ctx = ctx
        self.buf = []
        self.later = {}
        self.counter = {s: rng.randint(100000, 900000) for s in ID_FORMAT}
        self.by_role = {}
        self.by_unit = {}
        self.by_system = {}
        self.first = {}
        self.per_tag = {}
        self.total = 0
        self.today = -10 ** 6
        self._roster = None

    def emit(self, t, sysn, st, action, etype, eid, fields, ws, reason="", tag=0):
        self.buf.append((t, sysn, st.i, action, etype, eid, fields, ws, reason, tag))

    def schedule(self, t, sysn, st, action, etype, eid, fields, ws, reason="", tag=0):
        """An event on a later day (scenarios plan ahead)."""
        d = self.ctx.clock.local_day(t)
        ev = (t, sysn, st.i, action, etype, eid, fields, ws, reason, tag)
        if d <= self.today:
            self.buf.append(ev)
        else:
            self.later.setdefault(d, []).append(ev)

    def _rosters(self):
        out = []
        for s in self.ctx.staff:
            iv = [(sh.start - HOUR, sh.rend + HOUR) for sh in s.shifts if sh.rostered]
            out.append(([a for a, _ in iv], [b for _, b in iv]))
        return out

    def flush(self, d, export, faults):
        ctx = self.ctx
        if self._roster is None:
            self._roster = self._rosters()
        buf = self.buf
        buf.extend(self.later.pop(d, ()))
        self.buf = []
        if d < 0:
            return
        buf.sort(key=_KEY)
        world, staff, roster = ctx.world, ctx.staff, self._roster
        counter = self.counter
        lines = {}
        by_role, by_unit, by_system = self.by_role, self.by_unit, self.by_system
        mk = ctx.people.mk
        for ev in buf:
            t, sysn, st_i = ev[0], ev[1], ev[2]
            n = counter[sysn] + 1
            counter[sysn] = n
            eid_text = ID_FORMAT[sysn] % n
            st = staff[st_i]
            etype, eid = ev[4], ev[5]
            ex = world.explained(st_i, etype, eid, t)
            br = ex or world.explained_broad(st_i, st.station, st.sector.k if st.sector is not None and
                                             st.unit in ("lpt_resp", "lpt_nbh", "pcso", "specials") else None,
                                             etype, eid, t)
            starts, ends = roster[st_i]
            k = bisect.bisect_right(starts, t) - 1
            on = k >= 0 and t <= ends[k]
            isp = etype == "person" or etype == "custody_image"
            marked = isp and mk[eid] != 0
            r = by_role.get(st.role)
            if r is None:
                r = by_role[st.role] = [0, 0, 0, 0, 0, 0]
            r[0] += 1
            r[1] += ex
            r[2] += br
            r[3] += not on
            r[4] += isp
            r[5] += marked
            u = by_unit.get(st.unit)
            if u is None:
                u = by_unit[st.unit] = [0, 0, 0, 0, 0, 0]
            u[0] += 1
            u[1] += ex
            u[2] += br
            u[3] += not on
            u[4] += isp
            u[5] += marked
            by_system[sysn] = by_system.get(sysn, 0) + 1
            tag = ev[9]
            if tag:
                cur = self.first.get(tag)
                if cur is None or t < cur[0]:
                    self.first[tag] = (t, eid_text)
                self.per_tag[tag] = self.per_tag.get(tag, 0) + 1
            lines.setdefault(sysn, []).append(export.format(ev, eid_text))
        self.total += len(buf)
        export.write_day(d, lines, faults)
