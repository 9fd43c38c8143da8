"""The audit exports, one per system, each with its own habits (see README.md, 'Systems and export habits')."""
import json
from .util import fmt_z, fmt_local, fmt_z_frac, DAY, HOUR, date_str
from .ids import pid, oid

APP_VERSIONS = ("4.11.2", "4.12.0", "4.12.1")


# The contract's columns in the order each CSV export writes them (extra columns follow), for placing its faults.
RMS_COLUMNS = (
    "at", "event_id", "staff_id", "workstation", "system",
    "action", "entity_type", "entity_id", "fields", "reason",
)
CONTRACT_COLUMNS = (
    "event_id", "at", "staff_id", "system", "action",
    "entity_type", "entity_id", "fields", "workstation", "reason",
)
CAD_COLUMNS = (
    "event_id", "staff_id", "at", "action", "entity_type",
    "entity_id", "system", "fields", "workstation", "reason",
)
PND_COLUMNS = (
    "staff_id", "event_id", "at", "system", "action",
    "entity_type", "entity_id", "fields", "workstation", "reason",
)


def ent_str(etype, ent):
    if etype == "person" or etype == "custody_image":
        return pid(ent)
    if etype == "occurrence":
        return oid(ent)
    return ent


class Out:
    """A text file whose physical lines are counted (for the fault list)."""

    def __init__(self, path, bom=False, crlf=False):
        self.f = open(path, "w", encoding="utf-8", errors="surrogateescape", newline="")
        self.name = path.rsplit("/", 1)[-1]
        self.eol = "\r\n" if crlf else "\n"
        self.line = 0
        if bom:
            self.f.write("\ufeff")

    def write(self, row):
        """Write one record; returns the physical line it starts on."""
        self.line += 1
        start = self.line
        self.f.write(row)
        self.f.write(self.eol)
        if "\n" in row:
            self.line += row.count("\n")
        return start

    def close(self):
        self.f.close()


def q(s):
    if s and ("," in s or '"' in s or "\n" in s or "\r" in s):
        return '"' + s.replace('"', '""') + '"'
    return s


class AuditWriter:
    def __init__(self, outdir, sim, faults, seed):
        from .util import rng
        self.dir = outdir
        self.sim = sim
        self.staff = sim.staff
        self.faults = faults
        self.r = rng(seed, "export")
        self.files = {}
        self.counts = {}
        self.seq = {"rms": 3100000000 + self.r.randrange(10 ** 6), "pnc": 0, "beacon": 0, "cad": 412000000,
                    "custody": 7700000, "intel": 20000000 + self.r.randrange(10 ** 5), "pnd": 555000000}
        self.pnc_day = None
        self.truth = {}
        self.ref_p = bytearray(len(sim.P) * 3 + 2 * 10 ** 6)
        self.ref_o = bytearray(sim.n_staff * 400 + 10 ** 6)
        self.rms_month = None
        self.rms_carry = []
        self.beacon_next = []
        self.n_events = 0
        self.n_dups = 0
        self.by_route = {}
        self.tag_n = {}
        self.per_staff = [0] * len(sim.staff)
        self.open_fixed()

    def open_fixed(self):
        d = self.dir
        self.files["pnc"] = o = Out(f"{d}/audit_pnc.csv")
        o.write("event_id,at,staff_id,system,action,entity_type,entity_id,fields,workstation,reason,originator,"
                "terminal_type")
        self.files["beacon"] = Out(f"{d}/audit_beacon.jsonl")
        self.files["cad"] = o = Out(f"{d}/audit_cad.csv")
        o.write('"event_id","staff_id","at","action","entity_type","entity_id","system","fields","workstation",'
                '"reason","console_role","notes"')
        self.files["custody"] = o = Out(f"{d}/audit_custody.csv", crlf=True)
        o.write("event_id,at,staff_id,system,action,entity_type,entity_id,fields,workstation,reason,suite")
        self.files["intel"] = Out(f"{d}/audit_intel.jsonl")
        self.files["pnd"] = o = Out(f"{d}/audit_pnd.csv")
        o.write("staff_id,event_id,at,system,action,entity_type,entity_id,fields,workstation,reason,purpose_code")

    # ---- per-day writing ------------------------------------------------------------------------------------
    def write_day(self, d, events):
        events.sort(key=lambda e: e[0])
        routes = {"rms": [], "pnc": [], "beacon": [], "cad": [], "custody": [], "intel": [], "pnd": []}
        truth = self.truth
        ref_p, ref_o = self.ref_p, self.ref_o
        per_staff = self.per_staff
        for e in events:
            system = e[1]
            ws = e[7]
            if system == "rms":
                route = "beacon" if ws.startswith("BCN-") else "rms"
            elif system == "pnc":
                route = "beacon" if ws.startswith("BCN-") else "pnc"
            elif system == "command_control":
                route = "cad"
            elif system == "intelligence":
                route = "intel"
            else:
                route = system
            eid = self.next_id(route, e[0])
            routes[route].append((e, eid))
            et = e[4]
            if et == "person" or et == "custody_image":
                ref_p[e[5]] = 1
            elif et == "occurrence":
                ref_o[e[5]] = 1
            per_staff[e[2]] += 1
            tag = e[9]
            if tag is not None:
                self.tag_n[tag] = self.tag_n.get(tag, 0) + 1
                if tag not in truth:
                    truth[tag] = (eid, fmt_z(e[0]))
        self.n_events += len(events)
        for route, lst in routes.items():
            self.by_route[route] = self.by_route.get(route, 0) + len(lst)
            plan = self.faults.audit_plan(route, d)
            getattr(self, "w_" + route)(d, lst, plan)
            self.faults.done(route)

    def next_id(self, route, ts):
        if route == "pnc":
            ds = date_str(ts)
            if ds != self.pnc_day:
                self.pnc_day = ds
                self.seq["pnc"] = self.r.randrange(100, 900)
            self.seq["pnc"] += 1 + (self.seq["pnc"] % 3 == 0)
            return f"PNC{ds[2:4]}{ds[5:7]}{ds[8:10]}{self.seq['pnc']:06d}"
        self.seq[route] += 1
        n = self.seq[route]
        if route == "rms":
            return f"MER{n:010d}"
        if route == "beacon":
            return f"bcn-{n:08x}-{(n * 2654435761) & 0xffff:04x}"
        if route == "cad":
            return f"JCR{n:09d}"
        if route == "custody":
            return f"CUS{n:08d}"
        if route == "intel":
            return f"INT-{n:08d}"
        return f"PND{n:09d}"

    def pick_faults(self, lst, plan, exclude=None):
        """Choose which rows of this batch carry the planned faults: never a scenario's event."""
        out = {}
        if not plan:
            return out
        cand = [k for k, (e, eid) in enumerate(lst) if e[9] is None and (exclude is None or not exclude(e))]
        for f in plan:
            ok = [j for j, k in enumerate(cand) if f.fits(lst[k][0])]
            if not ok:
                continue
            k = cand.pop(ok[self.r.randrange(len(ok))])
            out[k] = f
        return out

    # ---- Meridian RMS: monthly files, BOM, CRLF, local time with milliseconds, re-delivered overlap -----
    def w_rms(self, d, lst, plan):
        if not lst:
            return
        day0 = self.sim.t0 + d * DAY
        month = date_str(day0)[:7]
        if month != self.rms_month:
            if self.rms_month is not None:
                self.files["rms"].close()
            self.rms_month = month
            o = self.files["rms"] = Out(f"{self.dir}/audit_rms_{month}.csv", bom=True, crlf=True)
            o.write("at,event_id,staff_id,workstation,system,action,entity_type,entity_id,fields,reason,module,"
                    "session_ref")
            for row in self.rms_carry:
                o.write(row)
                self.n_dups += 1
            self.rms_carry = []
        nd = date_str(day0 + DAY)[:7]
        cut = (day0 + DAY - 6 * HOUR) if nd != month else None
        o = self.files["rms"]
        fx = self.pick_faults(lst, plan, (lambda e: e[0] >= cut) if cut else None)
        staff = self.staff
        for k, (e, eid) in enumerate(lst):
            ts, system, sidx, action, etype, ent, fields, ws, reason, tag = e
            frac = (ts * 7 + k * 131) % 1000
            mod = "Nominals" if etype == "person" else ("Occurrences" if etype == "occurrence" else "Search")
            cols = [fmt_local(ts, frac), eid, staff[sidx].sid, ws, "rms", action, etype, ent_str(etype, ent),
                    fields, q(reason), mod, f"S{(sidx * 37 + d) % 99991:05d}"]
            if self.write_fault(o, fx.get(k), cols, RMS_COLUMNS, ts):
                continue
            row = ",".join(cols)
            o.write(row)
            if cut is not None and ts >= cut:
                self.rms_carry.append(row)

    def write_fault(self, o, fault, cols, columns, ts, quote_all=False):
        """Writes the fault planned for a CSV row instead of the row, recorded with the line it landed on; `columns`
        names the contract's columns in the order this export writes them. False when no fault is planned."""
        if not fault:
            return False
        row = self.faults.apply_csv(fault, cols, {name: i for i, name in enumerate(columns)}, ts, quote_all=quote_all)
        self.faults.record(fault, o.name, o.write(row))
        return True

    # ---- PNC: LF, UTC 'Z', typed originator reason on every check ---------------------------------------
    def w_pnc(self, d, lst, plan):
        o = self.files["pnc"]
        fx = self.pick_faults(lst, plan)
        staff = self.staff
        for k, (e, eid) in enumerate(lst):
            ts, system, sidx, action, etype, ent, fields, ws, reason, tag = e
            tt = "MDT" if ws.startswith("MDT") else ("HH" if ws.startswith("APU-HH") else
                                                     ("CUST" if ws.startswith("CUST") else "WS"))
            cols = [eid, fmt_z(ts), staff[sidx].sid, "pnc", action, etype, ent_str(etype, ent), fields, ws,
                    q(reason), "VK" + ws[:3], tt]
            if self.write_fault(o, fx.get(k), cols, CONTRACT_COLUMNS, ts):
                continue
            o.write(",".join(cols))

    # ---- Beacon mobile app: JSON Lines, field arrays, late syncs and re-sent batches ------------------------
    def w_beacon(self, d, lst, plan):
        o = self.files["beacon"]
        r = self.r
        staff = self.staff
        carry = self.beacon_next
        self.beacon_next = []
        for row in carry:
            o.write(row[0])
            if row[1]:
                self.n_dups += 1
        fx = self.pick_faults(lst, plan)
        later = []
        for k, (e, eid) in enumerate(lst):
            ts, system, sidx, action, etype, ent, fields, ws, reason, tag = e
            fl = '","'.join(fields.split(";")) if fields else ""
            rs = "null" if not reason else json.dumps(reason)
            batch = (ts // 900) % 100000
            row = (f'{{"event_id":"{eid}","staff_id":"{staff[sidx].sid}","at":"{fmt_local(ts)}","system":"{system}",'
                   f'"action":"{action}","entity_type":"{etype}","entity_id":"{ent_str(etype, ent)}",'
                   f'"fields":[{chr(34) + fl + chr(34) if fl else ""}],"workstation":"{ws}","reason":{rs},'
                   f'"app_version":"{APP_VERSIONS[(sidx + d // 40) % 3]}","sync_batch":{batch},'
                   f'"gps_fix":{"true" if (ts + sidx) % 5 else "false"}}}')
            f = fx.get(k)
            if f:
                row = self.faults.apply_json(f, row, ts)
                self.faults.record(f, o.name, o.write(row))
                continue
            x = r.random()
            if x < 0.04:
                later.append((row, False))        # phone offline: synced with the next batch
            else:
                o.write(row)
                if x > 0.997:
                    later.append((row, True))     # batch re-sent after a timeout
        self.beacon_next = later

    # ---- Tidewater joint control room (command and control): every field quoted, free-text notes ----------
    def w_cad(self, d, lst, plan):
        o = self.files["cad"]
        r = self.r
        staff = self.staff
        fx = self.pick_faults(lst, plan)
        for k, (e, eid) in enumerate(lst):
            ts, system, sidx, action, etype, ent, fields, ws, reason, tag = e
            notes = ""
            if action == "update" and r.random() < 0.2:
                notes = r.choice(("Caller re-contacted, no change", "Resource allocated", "Update to caller:\nETA given",
                                  "Log reviewed, \"no further action\"", "Transferred to fire control\nand back"))
            cols = [eid, staff[sidx].sid, fmt_z_frac(ts, (ts * 13 + k) % 1000), action, etype,
                    ent_str(etype, ent), "command_control", fields, ws, reason, "police", notes]
            if self.write_fault(o, fx.get(k), cols, CAD_COLUMNS, ts, quote_all=True):
                continue
            o.write(",".join('"' + c.replace('"', '""') + '"' for c in cols))

    # ---- Custody: CRLF, explicit +00:00 ---------------------------------------------------------------------
    def w_custody(self, d, lst, plan):
        o = self.files["custody"]
        fx = self.pick_faults(lst, plan)
        staff = self.staff
        for k, (e, eid) in enumerate(lst):
            ts, system, sidx, action, etype, ent, fields, ws, reason, tag = e
            z = fmt_z(ts)[:-1] + "+00:00"
            suite = ws[5:8] if ws.startswith("CUST-") else ""
            cols = [eid, z, staff[sidx].sid, "custody", action, etype, ent_str(etype, ent), fields, ws, q(reason),
                    suite]
            if self.write_fault(o, fx.get(k), cols, CONTRACT_COLUMNS, ts):
                continue
            o.write(",".join(cols))

    # ---- Intelligence: JSON Lines, ';' strings, reasons required, fractional UTC ---------------------------
    def w_intel(self, d, lst, plan):
        o = self.files["intel"]
        fx = self.pick_faults(lst, plan)
        staff = self.staff
        for k, (e, eid) in enumerate(lst):
            ts, system, sidx, action, etype, ent, fields, ws, reason, tag = e
            row = (f'{{"at":"{fmt_z_frac(ts, (ts * 3 + k) % 1000)}","event_id":"{eid}","system":"intelligence",'
                   f'"staff_id":"{staff[sidx].sid}","action":"{action}","entity_type":"{etype}",'
                   f'"entity_id":"{ent_str(etype, ent)}","fields":"{fields}","workstation":"{ws}",'
                   f'"reason":{json.dumps(reason or "research")},"classification":"OFFICIAL-SENSITIVE",'
                   f'"handling_code":"P"}}')
            f = fx.get(k)
            if f:
                row = self.faults.apply_json(f, row, ts)
                self.faults.record(f, o.name, o.write(row))
                continue
            o.write(row)

    # ---- PND: staff first, purpose codes -----------------------------------------------------------------
    def w_pnd(self, d, lst, plan):
        o = self.files["pnd"]
        fx = self.pick_faults(lst, plan)
        staff = self.staff
        for k, (e, eid) in enumerate(lst):
            ts, system, sidx, action, etype, ent, fields, ws, reason, tag = e
            pc = "1" if "invest" in reason.lower() else ("2" if reason else "3")
            cols = [staff[sidx].sid, eid, fmt_z(ts), "pnd", action, etype, ent_str(etype, ent), fields, ws, q(reason), pc]
            if self.write_fault(o, fx.get(k), cols, PND_COLUMNS, ts):
                continue
            o.write(",".join(cols))

    def close(self):
        o = self.files["beacon"]
        for row in self.beacon_next:
            o.write(row[0])
            if row[1]:
                self.n_dups += 1
        self.beacon_next = []
        for f in self.files.values():
            f.close()
