"""What scenarios (offenders and look-alikes) share: their own event stream, finding shifts and rest days,
and staging an incident with a chosen member of staff in it."""
from .clock import DAY, HOUR


class Scenario:
    name = ""
    kind = "misconduct"
    roles = ""

    def __init__(self, ctx, rng, st, tag, d0, variant):
        self.ctx, self.rng, self.st, self.tag, self.d0, self.variant = ctx, rng, st, tag, d0, variant
        self.n = 0
        self.note = ""
        self.started = False

    def prepare(self, d):
        if d == self.d0 and not self.started:
            self.started = True
            self.setup()

    def setup(self):
        raise NotImplementedError

    def ev(self, t, sysn, action, etype, eid, fields, ws, reason=""):
        clock = self.ctx.clock
        if t < clock.t0 or t >= clock.end:
            return
        self.ctx.sink.schedule(t, sysn, self.st, action, etype, eid, fields, ws, reason, self.tag)
        self.n += 1

    # --- time --------------------------------------------------------------------------------------------
    def shifts(self, d_lo, d_hi, kinds=("duty", "overtime")):
        return [sh for sh in self.st.shifts if sh.worked and sh.kind in kinds and d_lo <= sh.day < d_hi]

    def busy(self, t, margin=HOUR):
        for sh in self.st.shifts:
            if sh.worked and sh.start - margin <= t <= sh.end + margin:
                return True
        return False

    def rostered(self, t, margin=HOUR):
        for sh in self.st.shifts:
            if sh.rostered and sh.start - margin <= t <= sh.rend + margin:
                return True
        return False

    def free_evenings(self, d_lo, d_hi):
        clock = self.ctx.clock
        out = []
        for d in range(max(0, d_lo), min(clock.days, d_hi)):
            a, b = clock.at_local(d, 16 * HOUR), clock.at_local(d + 1, 2 * HOUR)
            if not any(sh.worked and sh.start < b + HOUR and sh.end > a - HOUR for sh in self.st.shifts
                       if d - 2 <= sh.day <= d + 1):
                out.append(d)
        return out

    def evening(self, d, lo=19, hi=23.5):
        return self.ctx.clock.at_local(d, int(self.rng.uniform(lo, hi) * HOUR))

    def in_shift(self, sh, lo=0.1, hi=0.9):
        a = sh.start + int((sh.end - sh.start) * lo)
        b = sh.start + int((sh.end - sh.start) * hi)
        return self.rng.randint(a, max(a, b))

    def span(self, want):
        return max(5, min(want, self.ctx.clock.days - self.d0 - 1))

    # --- staging -----------------------------------------------------------------------------------------
    def stage(self, cat, t, sector, persons, attenders=(), closed_after=None, oic=None, oic_role="officer_in_case",
              call=True, pending=True, station=None):
        """An occurrence with the given people, attended by the given staff (their attendance is ordinary work
        the background activity then generates)."""
        ctx, rng, world = self.ctx, self.rng, self.ctx.world
        o = world.new_occ(cat, t, station or sector.station, sector.k)
        for p, r in persons:
            world.involve(o, p, r)
        o.kids = any(ctx.people.age(p) < 18 for p, _ in persons)
        if closed_after is not None:
            c = t + int(closed_after * DAY)
            o.closed = c if c < ctx.clock.end else None
        world.note_closed(o)
        if call:
            chs = ctx.onduty.at("fcr_ch", t)
            if chs:
                ch = rng.choice(chs)
                world.assign(o, ch, "call_handler", t, t + rng.randint(5, 20) * 60)
                ch.pending.append((t, o.i, "call_handler"))
        start = t + rng.randint(8, 30) * 60
        for a in attenders:
            world.assign(o, a, "attending", start, start + rng.randint(90, 240) * 60)
            if pending:
                a.pending.append((start, o.i, "attending"))
        if oic is not None:
            s = t + rng.randint(12, 40) * HOUR
            world.assign(o, oic, oic_role, s, o.closed)
            oic.cases.append((s, o.i))
            if oic.unit in ("cmu", "ppiu"):
                o.station = oic.station
        return o, start

    def other_on_duty(self, group, t):
        xs = [s for s in self.ctx.onduty.at(group, t) if s is not self.st and not s.state.get("cast")]
        return self.rng.choice(xs) if xs else None

    def member(self, group):
        xs = [s for s in self.ctx.pool(group) if s is not self.st and not s.state.get("cast") and s.end_day is None]
        return self.rng.choice(xs) if xs else None
