"""The audit exports, one per system, each with its own habits (all within the bundle contract):

- audit_rms.csv      records management system: local time with the UTC offset and milliseconds, columns in the
                     system's own order, extra columns (module, session); a re-sent copy of a few days in
                     audit_rms_resend.csv (duplicates, which are counted and skipped)
- audit_pnc.jsonl    Police National Computer: UTC with `Z` and centiseconds, `fields` as a JSON array, the
                     originator line as an extra field, the collar number as a JSON number
- audit_pnd.csv      Police National Database: UTC with `Z`, a reason code column beside the typed reason
- audit_storm.csv    command and control: a byte order mark, CRLF line ends, `+00:00` times, a blank line after each
                     daily batch
- audit_intel.jsonl  intelligence system: local time with offset, `fields` as a `;` string, `null` reasons
- audit_custody.csv  custody system: local time, the suite as an extra column
"""
import json

from .csvtext import q

FILES = {
    "rms": "audit_rms.csv",
    "pnc": "audit_pnc.jsonl",
    "pnd": "audit_pnd.csv",
    "command_control": "audit_storm.csv",
    "intelligence": "audit_intel.jsonl",
    "custody": "audit_custody.csv",
}
HEADERS = {
    "rms": ["at", "event_id", "staff_id", "system", "action", "entity_type", "entity_id", "fields", "reason",
            "workstation", "module", "session_id"],
    "pnd": ["event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields", "workstation",
            "reason_code", "reason"],
    "command_control": ["staff_id", "at", "system", "event_id", "workstation", "action", "entity_type", "entity_id",
                        "fields", "reason", "incident_log"],
    "custody": ["event_id", "suite", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields",
                "workstation", "reason"],
}
ID_FORMAT = {"rms": "NCH%09d", "pnc": "PNC%010d", "pnd": "PND-%08d", "command_control": "STM-%08d",
             "intelligence": "IAU%08d", "custody": "CUS%08d"}
_MODULE = {"person": "Nominal", "occurrence": "Occurrence", "location": "Location", "vehicle": "Vehicle",
           "intelligence": "Intel", "custody_image": "Custody"}
_PND_CODE = {"": "1", "safeguarding": "2", "intel": "3"}


FIELD_ORDER = ("summary", "identity", "contact", "address", "photo", "history", "warnings", "associates", "notes",
               "vehicles", "custody")
_RANK = {f: i for i, f in enumerate(FIELD_ORDER)}
_CANON = {}


def canonical(fields):
    """Systems list the parts shown in their screen order, whatever order the activity named them."""
    c = _CANON.get(fields)
    if c is None:
        c = ";".join(sorted(fields.split(";"), key=_RANK.__getitem__)) if fields else ""
        _CANON[fields] = c
    return c


class Writer:
    """A file written line by line, keeping count of physical lines (for quarantine line numbers)."""

    def __init__(self, path, header, bom=False, crlf=False):
        self.f = open(path, "w", encoding="utf-8", newline="")
        self.nl = "\r\n" if crlf else "\n"
        self.lines = 0
        if header is not None:
            self.f.write(("\ufeff" if bom else "") + header + self.nl)
            self.lines = 1

    def write(self, text):
        """Write one record; return the physical line it starts on."""
        start = self.lines + 1
        self.f.write(text + self.nl)
        self.lines += 1 + text.count("\n")
        return start

    def write_bytes_line(self, raw):
        """A record with bytes that are not valid UTF-8 (an export fault)."""
        start = self.lines + 1
        self.f.flush()
        self.f.buffer.write(raw + self.nl.encode())
        self.f.buffer.flush()
        self.lines += 1
        return start

    def blank(self):
        self.f.write(self.nl)
        self.lines += 1

    def close(self):
        self.f.close()


class AuditExport:
    def __init__(self, ctx, out_dir, resend_days):
        self.ctx = ctx
        self.writers = {}
        for sysn, name in FILES.items():
            header = ",".join(HEADERS[sysn]) if sysn in HEADERS else None
            self.writers[sysn] = Writer("%s/%s" % (out_dir, name), header, bom=(sysn == "command_control"),
                                        crlf=(sysn == "command_control"))
        self.resend = Writer("%s/audit_rms_resend.csv" % out_dir, ",".join(HEADERS["rms"]))
        self.resend_days = resend_days
        self.counts = {name: 0 for name in FILES.values()}
        self.counts["audit_rms_resend.csv"] = 0

    def format(self, ev, eid_text):
        """One event as its system's export line."""
        ctx = self.ctx
        t, sysn, st_i, action, etype, eid, fields, ws, reason = ev[:9]
        fields = canonical(fields)
        clock = ctx.clock
        sid = ctx.staff[st_i].sid
        if etype == "person" or etype == "custody_image":
            ent = ctx.people.pid(eid)
        elif etype == "occurrence":
            ent = ctx.world.occs[eid].oid
        else:
            ent = eid
        if sysn == "rms":
            ms = "." + "%03d" % ((t * 7919 + st_i * 31) % 1000)
            return ",".join((clock.local(t, ms), eid_text, sid, "rms", action, etype, ent, fields, q(reason), ws,
                             _MODULE[etype], "S%06X" % ((st_i * 2654435761 + t // 3600) % 16777216)))
        if sysn == "pnc":
            st = ctx.staff[st_i]
            obj = {"event_id": eid_text, "at": clock.z_frac(t, "%02d" % ((t * 13 + st_i) % 100)), "staff_id": sid,
                   "system": "pnc", "action": action, "entity_type": etype, "entity_id": ent,
                   "fields": fields.split(";") if fields else [], "workstation": ws}
            if reason:
                obj["reason"] = reason
            obj["originator"] = "NM/%s/%s" % (st.collar or "STAFF", st.team)
            obj["txn"] = "VE" if etype == "vehicle" else "QP"
            if st.collar.isdigit():
                obj["collar"] = int(st.collar)
            return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        if sysn == "pnd":
            code = "2" if reason and "safeguard" in reason.lower() else ("3" if reason and "intel" in reason.lower() else "1")
            return ",".join((eid_text, clock.z(t), sid, "pnd", action, etype, ent, fields, ws, code, q(reason)))
        if sysn == "command_control":
            return ",".join((sid, clock.utc_offset(t), "command_control", eid_text, ws, action, etype, ent, fields,
                             q(reason), ent if etype == "occurrence" else ""))
        if sysn == "intelligence":
            obj = {"event_id": eid_text, "at": clock.local(t), "staff_id": sid, "system": "intelligence",
                   "action": action, "entity_type": etype, "entity_id": ent, "fields": fields, "workstation": ws,
                   "reason": reason or None}
            return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        st = ctx.staff[st_i]
        return ",".join((eid_text, q(st.station if st.unit == "custody" else ""), clock.local(t), sid, "custody",
                         action, etype, ent, fields, ws, q(reason)))

    def write_day(self, d, lines_by_sys, faults):
        """Write one day's lines per system; fault rows planned for this day go in at random places."""
        for sysn, w in self.writers.items():
            lines = lines_by_sys.get(sysn, [])
            planned = faults.for_day(sysn, d) if faults else []
            slots = {}
            for f in planned:
                slots.setdefault(f.position(len(lines)), []).append(f)
            for k, text in enumerate(lines):
                for f in slots.get(k, ()):
                    f.write(w)
                w.write(text)
            for f in slots.get(len(lines), ()):
                f.write(w)
            self.counts[FILES[sysn]] += len(lines)
            if sysn == "command_control" and lines:
                w.blank()
            if sysn == "rms" and d in self.resend_days:
                for text in lines:
                    self.resend.write(text)
                self.counts["audit_rms_resend.csv"] += len(lines)

    def close(self):
        for w in self.writers.values():
            w.close()
        self.resend.close()
