"""Generate the Northmarsh bundle: world, shifts, day-by-day activity, scenarios, exports, faults, truth."""
import os
import time

from . import activity, cast as casting, reference, summary
from .clock import Clock
from .events import Sink
from .exporters import AuditExport
from .faults import Faults
from .geography import Geography
from .incidents import Incidents
from .people import People
from .rng import stream
from .shifts import OnDuty, build_shifts, groups_of
from .staff import build_staff, historic_leavers
from .units import BY_KEY
from .world import World

START = "2025-02-24"
BACKLOG = 60


class Ctx:
    def __init__(self, seed, n_staff, days):
        self.seed, self.n_staff, self.start = seed, n_staff, START
        self.clock = Clock(START, days)
        self.shares = {}
        self._pools = None
        self._vrm_rng = stream(seed, "foreign-vrm")

    def pool(self, group):
        if self._pools is None:
            self._pools = {}
            for s in self.staff:
                for g in groups_of(s):
                    self._pools.setdefault(g, []).append(s)
        return self._pools.get(group, [])

    def unit_label(self, key):
        return BY_KEY[key].label

    def foreign_vrm(self):
        r = self._vrm_rng
        L = "ABCDEFGHJKLMNOPRSTUVWXY"
        return "%s%s%02d%s%s%s" % (r.choice(L[12:]), r.choice(L), r.choice((17, 20, 23, 66, 70)), r.choice(L),
                                   r.choice(L), r.choice(L))


def run(args):
    t_start = time.time()
    out = args.out.rstrip("/")
    os.makedirs(out, exist_ok=True)
    seed, n, days = args.seed, args.staff, args.days
    log = (lambda *a: None) if args.quiet else (lambda msg: print("[sixth-force] %s" % msg, flush=True))
    ctx = Ctx(seed, n, days)
    clock = ctx.clock
    ctx.geo = Geography(stream(seed, "geography"), max(3, int(round(n / 190.0))))
    ctx.staff = build_staff(stream(seed, "staff"), ctx.geo, clock, n)
    for s in ctx.staff:
        s.shifts = build_shifts(stream(seed, "shifts", s.i), clock, s, BY_KEY[s.unit], -BACKLOG, days + 1)
    leavers = historic_leavers(stream(seed, "leavers"), ctx.geo, clock, ctx.staff, n)
    ctx.rpu_vehicles = ["MDT-RPU%02d" % (k + 1) for k in range(max(4, n // 120))]
    ctx.arv_vehicles = ["MDT-ARV%02d" % (k + 1) for k in range(max(3, n // 300))]
    ctx.people = People(stream(seed, "people"), ctx.geo, clock.year)
    ctx.people.build(n * 60)
    ctx.world = World(clock, ctx.people)
    ctx.onduty = OnDuty(clock, ctx.staff)
    ctx.rng_act = stream(seed, "activity")
    log("%d staff, %d people, %d sectors" % (len(ctx.staff), len(ctx.people), len(ctx.geo.sectors)))
    incidents = Incidents(ctx, stream(seed, "incidents"))
    for d in range(-BACKLOG, 1):
        incidents.day(d)
    casting.background_declarations(ctx, stream(seed, "declarations"))
    cast = casting.choose(ctx, stream(seed, "cast"))
    ctx.sink = sink = Sink(ctx, stream(seed, "event-ids"))
    ctx.emit = sink.emit
    ctx.export = export = AuditExport(ctx, out, set(stream(seed, "resend").sample(range(days), 2)))
    faults = Faults(ctx, stream(seed, "faults"))
    by_day = {}
    for s in ctx.staff:
        for sh in s.shifts:
            if 0 <= sh.day < days:
                by_day.setdefault(sh.day, []).append((s, sh))
    for d in range(days):
        sink.today = d
        if d + 1 <= days:
            incidents.day(d + 1)
        for sc in cast:
            sc.prepare(d)
        for s, sh in by_day.get(d, ()):
            activity.run_shift(ctx, s, sh)
        sink.flush(d, export, faults)
        if d % 30 == 29:
            log("day %d: %d events so far" % (d + 1, sink.total))
    export.close()
    counts = reference.write_all(ctx, out, faults, leavers)
    counts["truth.csv"] = reference.write_truth(ctx, out, cast, sink)
    nf = faults.write_list(out + ".faults.csv")
    elapsed = time.time() - t_start
    summary.write(out + ".summary.txt", ctx, sink, export, cast, counts, nf, elapsed, args)
    log("%d events, %d faults, %.1f s" % (sink.total, nf, elapsed))
