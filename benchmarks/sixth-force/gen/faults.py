"""Export faults the bundle contract says are quarantined, injected at known places and listed in
DIR.faults.csv (file, line, field, expected reason, detail)."""
from .clock import HOUR
from .csvtext import row


class Fault:
    def __init__(self, file, field, expected, detail, make, raw=False):
        self.file, self.field, self.expected, self.detail, self.make, self.raw = file, field, expected, detail, make, raw
        self.line = None
        self.at = 0
        self.day = None
        self.anchor = None

    def position(self, n, rows=None):
        """Where the fault row goes among n rows (a duplicate goes somewhere after the row it repeats)."""
        if self.anchor is not None and rows is not None:
            idx = next(k for k, r in enumerate(rows) if r.startswith(self.anchor))
            return idx + 1 + self.at % (n - idx)
        return self.at % (n + 1)

    def write(self, w):
        text = self.make(self)
        self.line = w.write_bytes_line(text) if self.raw else w.write(text)


class Faults:
    def __init__(self, ctx, rng):
        self.ctx, self.rng = ctx, rng
        self.audit = {}
        self.ref = {}
        self.all = []
        days = ctx.clock.days
        picks = rng.sample(range(1, days - 1), 9)
        plan = [
            ("rms", "audit_rms.csv", "", "malformed_row", "quote inside an unquoted field (free text pasted)",
             self._rms_bad_quote, False),
            ("rms", "audit_rms.csv", "at", "invalid_time", "time written without a UTC offset by a legacy module",
             self._rms_naive_time, False),
            ("rms", "audit_rms.csv", "action", "unknown_value", "action 'amend' from a new RMS release",
             self._rms_amend, False),
            ("pnc", "audit_pnc.jsonl", "", "malformed_row", "line cut short mid-object by the transfer",
             self._pnc_truncated, False),
            ("pnc", "audit_pnc.jsonl", "entity_type", "unknown_value", "entity type 'driver' (DVLA driver enquiry)",
             self._pnc_driver, False),
            ("command_control", "audit_storm.csv", "", "malformed_row", "unquoted comma in free text: one field too many",
             self._storm_comma, False),
            ("custody", "audit_custody.csv", "staff_id", "missing_value", "system housekeeping event with no user",
             self._custody_nouser, False),
            ("intelligence", "audit_intel.jsonl", "staff_id", "unknown_reference",
             "service account SVC-INTEL-SYNC is not a member of staff", self._intel_service, False),
            ("pnd", "audit_pnd.csv", "", "malformed_row", "Latin-1 byte in a typed reason (not UTF-8)",
             self._pnd_latin1, True),
        ]
        for (sysn, file, field, expected, detail, make, raw), d in zip(plan, picks):
            f = Fault(file, field, expected, detail, make, raw)
            f.day = d
            f.at = rng.randint(0, 10 ** 9)
            self.audit.setdefault((sysn, d), []).append(f)
            self.all.append(f)
        ref = [
            ("staff.csv", "staff_id", "duplicate_id", "a transferred officer exported twice (old team second)",
             self._staff_dup),
            ("persons.csv", "birth_year", "invalid_number", "birth year 0 on a migrated legacy record",
             self._person_by),
            ("occurrences.csv", "closed_at", "invalid_period", "legacy occurrence closed before it was opened",
             self._occ_period),
            ("assignments.csv", "occurrence_id", "unknown_reference", "assignment to an occurrence deleted after a merge",
             self._asg_ref),
            ("rosters.csv", "start", "invalid_time", "30 February keyed by hand", self._roster_date),
            ("rosters.csv", "end", "invalid_period", "night shift keyed with the wrong end date", self._roster_period),
            ("person_links.csv", "relation", "unknown_value", "relation 'cousin' from a partner agency feed",
             self._link_cousin),
            ("declared_associations.csv", "declared_on", "invalid_time", "date typed as DD/MM/YYYY",
             self._declared_date),
        ]
        self.dup = rng.choice([s for s in ctx.staff if not s.state.get("cast") and s.unit == "lpt_resp"
                               and s.end_day is None])
        for file, field, expected, detail, make in ref:
            f = Fault(file, field, expected, detail, make)
            f.at = rng.randint(1, 10 ** 9)
            if make == self._staff_dup:
                f.anchor = self.dup.sid + ","
            self.ref.setdefault(file, []).append(f)
            self.all.append(f)
        self._n = 0

    # --- where -------------------------------------------------------------------------------------------
    def for_day(self, sysn, d):
        return self.audit.get((sysn, d), [])

    def for_file(self, name):
        return self.ref.get(name, [])

    # --- audit rows --------------------------------------------------------------------------------------
    def _event(self, f, sysn, etype="person", action="view", fields="summary;warnings", reason=""):
        ctx, rng = self.ctx, self.rng
        st = rng.choice([s for s in ctx.staff if s.end_day is None and s.start_day < 0])
        t = ctx.clock.at_local(f.day, rng.randint(8, 20) * HOUR + rng.randint(0, 3599))
        p = rng.randrange(len(ctx.people))
        self._n += 1
        ev = (t, sysn, st.i, action, etype, p, fields, rng.choice(st.ws), reason, 0)
        from .exporters import ID_FORMAT
        return ev, ID_FORMAT[sysn] % (990000000 + self._n)

    def _rms_bad_quote(self, f):
        ev, eid = self._event(f, "rms", reason="XXREASONXX")
        return self.ctx.export.format(ev, eid).replace("XXREASONXX", 'spoke to "Dazza at the door')

    def _rms_naive_time(self, f):
        ev, eid = self._event(f, "rms")
        line = self.ctx.export.format(ev, eid)
        return self.ctx.clock.naive_local(ev[0]) + line[line.index(","):]

    def _rms_amend(self, f):
        ev, eid = self._event(f, "rms", action="amend", fields="identity")
        return self.ctx.export.format(ev, eid)

    def _pnc_truncated(self, f):
        ev, eid = self._event(f, "pnc", reason="stop check")
        line = self.ctx.export.format(ev, eid)
        return line[: int(len(line) * 0.55)]

    def _pnc_driver(self, f):
        ev, eid = self._event(f, "pnc", etype="driver", action="search", fields="identity", reason="driver check")
        line = self.ctx.export.format(ev, eid)
        return line.replace('"entity_id":"PN', '"entity_id":"DRV')

    def _storm_comma(self, f):
        ev, eid = self._event(f, "command_control", reason="XXREASONXX")
        return self.ctx.export.format(ev, eid).replace("XXREASONXX", "RTC Fen Road, Saltinghoe bypass")

    def _custody_nouser(self, f):
        ev, eid = self._event(f, "custody", action="update", fields="custody")
        line = self.ctx.export.format(ev, eid)
        parts = line.split(",")
        parts[3] = ""
        return ",".join(parts)

    def _intel_service(self, f):
        ev, eid = self._event(f, "intelligence", etype="intelligence", fields="summary")
        ev = ev[:5] + ("IR-0000001",) + ev[6:]
        line = self.ctx.export.format(ev, eid)
        sid = self.ctx.staff[ev[2]].sid
        return line.replace('"staff_id":"%s"' % sid, '"staff_id":"SVC-INTEL-SYNC"')

    def _pnd_latin1(self, f):
        ev, eid = self._event(f, "pnd", action="search", fields="identity;history", reason="XXREASONXX")
        line = self.ctx.export.format(ev, eid)
        return line.replace("XXREASONXX", "enquiry re Ren\u00e9e").encode("utf-8").replace(b"\xc3\xa9", b"\xe9")

    # --- reference rows ----------------------------------------------------------------------------------
    def _staff_dup(self, f):
        ctx = self.ctx
        s = self.dup
        return row((s.sid, s.name, s.collar, "PC", s.role, "LPT-%s W0 (old)" % s.sector.code, s.station,
                    ctx.unit_label(s.unit), ctx.clock.date(s.start_day), "", s.home_pc, "full-time"))

    def _person_by(self, f):
        return "PN9%06d,Ellis,Unknown,unknown,0,," % self.rng.randint(0, 999999)

    def _occ_period(self, f):
        clock = self.ctx.clock
        t = clock.t0 - self.rng.randint(200, 400) * 86400
        return "NM-%s-9%05d,other,%s,%s,%s,," % (clock.date_of(t)[2:4], self.rng.randint(0, 99999), clock.z(t),
                                                 clock.z(t - 3 * 86400), self.ctx.geo.sectors[0].station)

    def _asg_ref(self, f):
        s = self.rng.choice(self.ctx.staff)
        clock = self.ctx.clock
        t = clock.t0 + self.rng.randint(1, clock.days - 1) * 86400
        return "NM-19-%06d,%s,investigator,%s," % (self.rng.randint(1, 99999), s.sid, clock.local(t))

    def _roster(self):
        s = self.rng.choice([s for s in self.ctx.staff if s.unit == "lpt_resp" and s.end_day is None])
        return s

    def _roster_date(self, f):
        s = self._roster()
        y = self.ctx.clock.year
        return "%s,duty,%d-02-30T07:00:00+00:00,%d-02-30T17:00:00+00:00,DMS" % (s.sid, y, y)

    def _roster_period(self, f):
        s = self._roster()
        clock = self.ctx.clock
        d = self.rng.randint(1, clock.days - 2)
        a = clock.at_local(d, 22 * HOUR)
        b = clock.at_local(d, 7 * HOUR)
        return "%s,duty,%s,%s,DMS" % (s.sid, clock.local(a), clock.local(b))

    def _link_cousin(self, f):
        pp = self.ctx.people
        a, b = self.rng.randrange(len(pp)), self.rng.randrange(len(pp))
        return "%s,%s,cousin" % (pp.pid(a), pp.pid(b))

    def _declared_date(self, f):
        s = self.rng.choice(self.ctx.staff)
        p = self.rng.randrange(len(self.ctx.people))
        return "%s,%s,friend,03/09/2023" % (s.sid, self.ctx.people.pid(p))

    def write_list(self, path):
        from .exporters import Writer
        w = Writer(path, "file,line,field,expected,detail")
        for f in sorted(self.all, key=lambda f: (f.file, f.line or 0)):
            if f.line is not None:
                w.write(row((f.file, str(f.line), f.field, f.expected, f.detail)))
        w.close()
        return sum(1 for f in self.all if f.line is not None)
