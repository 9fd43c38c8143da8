"""Each system's audit export, with its own habits: file type, column order, time format and extra columns."""
import json
from . import clock
from .csvtext import q

# file name -> (system, format, header or None)
RMS_HEADER = ["at", "event_id", "staff_id", "user_name", "system", "action", "entity_type", "entity_id", "fields",
              "workstation", "reason", "module"]
PNC_HEADER = ["event_id", "transaction_code", "at", "staff_id", "originator", "system", "action", "entity_type",
              "entity_id", "fields", "workstation", "reason"]
INTEL_HEADER = ["staff_id", "event_id", "at", "action", "system", "entity_type", "entity_id", "workstation", "fields",
                "reason", "handling_code"]
CUSTODY_HEADER = ["event_id", "at", "staff_id", "suite", "system", "action", "entity_type", "entity_id", "fields",
                  "workstation", "reason"]
RMS_MODULE = {"person": "Nominal", "occurrence": "Occurrence", "location": "Location", "vehicle": "Vehicle"}


class Exporter:
    def __init__(self, env):
        self.env = env
        P, O = env.P, env.O
        self.pid, self.oid = P.pid, O.oid
        self.staff = env.staff

    def entity(self, etype, e):
        if etype in ("person", "custody_image"):
            return self.pid[e]
        if etype == "occurrence":
            return self.oid[e]
        return e

    def files(self):
        """{file name: (header line or None, [(text, system, event position)], bom, crlf)}"""
        env = self.env
        out = {}
        ids = env.log.ids
        staff = self.staff
        # RMS: one CSV per calendar month, local time with milliseconds and the user's name
        lst = env.log.ev["rms"]
        rid = ids["rms"]
        names = {}
        for k, e in enumerate(lst):
            t, s, action, etype, ent, fields, ws, reason, _tag = e
            month = clock.iso_local(t)[:7]
            fname = "audit_rms_%s.csv" % month
            f = out.get(fname)
            if f is None:
                f = out[fname] = [",".join(RMS_HEADER), [], False, False]
            nm = names.get(s)
            if nm is None:
                parts = staff[s].name.split(" ", 1)
                nm = names[s] = q("%s, %s" % (parts[1].upper(), parts[0]))
            f[1].append(("%s,%s,%s,%s,rms,%s,%s,%s,%s,%s,%s,%s" % (
                clock.iso_local(t, (k * 37) % 1000), rid[k], staff[s].sid, nm, action, etype, self.entity(etype, ent),
                fields, ws, q(reason), RMS_MODULE.get(etype, "Other")), "rms", k))
        # PNC: CSV in UTC with Z, every check with its typed reason and originator
        lst, pidl = env.log.ev["pnc"], ids["pnc"]
        rows = []
        for k, e in enumerate(lst):
            t, s, action, etype, ent, fields, ws, reason, _tag = e
            st = staff[s]
            rows.append(("%s,%s,%s,%s,%s,pnc,%s,%s,%s,%s,%s,%s" % (
                pidl[k], "QV" if etype == "vehicle" else "QP", clock.iso_z(t), st.sid,
                q("%s/%s" % (st.station.upper()[:3], st.collar or st.sid)), action, etype, self.entity(etype, ent),
                fields, ws, q(reason)), "pnc", k))
        out["audit_pnc.csv"] = [",".join(PNC_HEADER), rows, False, False]
        # PND: JSON Lines, fields as an array, +00:00 offsets with microseconds, null reasons
        lst, pidl = env.log.ev["pnd"], ids["pnd"]
        rows = []
        for k, e in enumerate(lst):
            t, s, action, etype, ent, fields, ws, reason, _tag = e
            obj = {"event_id": pidl[k], "at": clock.iso_utc00(t, (k * 7919) % 1000000), "staff_id": staff[s].sid,
                   "system": "pnd", "action": action, "entity_type": etype, "entity_id": self.entity(etype, ent),
                   "fields": fields.split(";") if fields else [], "workstation": ws, "reason": reason or None,
                   "search_type": "name" if k % 3 else "pnc_id", "results": (k * 13) % 9}
            rows.append((json.dumps(obj, separators=(",", ":")), "pnd", k))
        out["audit_pnd.jsonl"] = [None, rows, False, False]
        # command and control (STORM): JSON Lines, numeric event ids, local offsets, no reason field at all
        lst, pidl = env.log.ev["command_control"], ids["command_control"]
        rows = []
        for k, e in enumerate(lst):
            t, s, action, etype, ent, fields, ws, reason, _tag = e
            rows.append(('{"event_id":%d,"at":"%s","staff_id":"%s","system":"command_control","action":"%s",'
                         '"entity_type":"%s","entity_id":"%s","fields":"%s","workstation":"%s","position":"%s","log":%s}' % (
                             pidl[k], clock.iso_local(t), staff[s].sid, action, etype, self.entity(etype, ent), fields, ws,
                             ws, "true" if action == "update" else "false"), "command_control", k))
        out["audit_storm.jsonl"] = [None, rows, False, False]
        # intelligence: Windows export, byte order mark, CRLF, +00:00 with microseconds, handling codes
        lst, pidl = env.log.ev["intelligence"], ids["intelligence"]
        rows = []
        for k, e in enumerate(lst):
            t, s, action, etype, ent, fields, ws, reason, _tag = e
            rows.append(("%s,%s,%s,%s,intelligence,%s,%s,%s,%s,%s,%s" % (
                staff[s].sid, pidl[k], clock.iso_utc00(t, (k * 104729) % 1000000), action, etype,
                self.entity(etype, ent), ws, fields, q(reason), "P" if k % 5 else "C"), "intelligence", k))
        out["audit_intel.csv"] = [",".join(INTEL_HEADER), rows, True, True]
        # custody: CSV with local offsets and the suite
        lst, pidl = env.log.ev["custody"], ids["custody"]
        rows = []
        for k, e in enumerate(lst):
            t, s, action, etype, ent, fields, ws, reason, _tag = e
            rows.append(("%s,%s,%s,%s,custody,%s,%s,%s,%s,%s,%s" % (
                pidl[k], clock.iso_local(t), staff[s].sid, q(staff[s].suite or staff[s].station), action, etype,
                self.entity(etype, ent), fields, ws, q(reason)), "custody", k))
        out["audit_custody.csv"] = [",".join(CUSTODY_HEADER), rows, False, False]
        return out
