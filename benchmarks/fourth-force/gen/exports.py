"""The audit exports, one per system family, each with its own habits:
- Athena (integrated records): records, custody and intelligence in ONE export with a module column, two
  extracts split at mid-period, the second re-delivering the last minutes of the first; UTC with milliseconds.
- PNC: JSON Lines, local time with offset, fields as an array (sometimes a string), batched by terminal.
- PND: CSV grouped by user, UTC written as +00:00, dropdown reasons, an extra results column.
- Command and control (joint police and fire control room): CSV with a byte order mark and CRLF line ends,
  local time with offset, incident log numbers, free-text reasons with commas and the odd line break."""
from . import clock
from .csvtext import q, row, js
from .rng import stream
from .table import Table

ATH_A, ATH_B = "audit_athena_2025a.csv", "audit_athena_2025b.csv"
PNC, PND, CC = "audit_pnc.jsonl", "audit_pnd.csv", "audit_command_control.csv"
ATHENA_SYSTEMS = ("rms", "custody", "intelligence")


def module(system, etype, action):
    if system == "custody":
        return "Custody"
    if system == "intelligence":
        return "Intelligence"
    if etype == "person":
        return "Nominal" if action != "update" else "Nominal Maintenance"
    return "Occurrence"


def build(ev, staff, period, seed, cast_idx):
    rng = stream(seed, "exports")
    order = sorted(range(len(ev)), key=lambda i: ev[i][0])
    ids = [None] * len(ev)
    by_sys = {"athena": [], "pnc": [], "pnd": [], "command_control": []}
    for i in order:
        sy = ev[i][2]
        by_sys["athena" if sy in ATHENA_SYSTEMS else sy].append(i)
    sid = [s.sid for s in staff]
    tables = {}
    # ---- Athena
    seam = period.t0 + (period.days // 2) * clock.DAY
    overlap = seam - 45 * 60
    hdr = "at,event_id,staff_id,system,module,action,entity_type,entity_id,fields,workstation,reason,client"
    ta, tb = Table(ATH_A, hdr), Table(ATH_B, hdr)
    redeliver = []
    for n, i in enumerate(by_sys["athena"], 1):
        t, s, sy, act, et, eid, fl, ws, rs, tag = ev[i]
        ids[i] = f"ATH{n:09d}"
        client = "Athena Mobile" if ws.startswith(("MDT", "MOB")) else "Athena Web"
        text = ",".join((clock.iso_z(t, rng.randrange(1000)), ids[i], sid[s], sy, module(sy, et, act), act, et, eid,
                         fl, ws, q(rs), client))
        if t < seam:
            ta.records.append(text)
            ta.meta.append(i)
            if t >= overlap and s not in cast_idx:
                redeliver.append((text, i))
        else:
            tb.records.append(text)
            tb.meta.append(i)
    tb.records[0:0] = [r for r, _ in redeliver]
    tb.meta[0:0] = [("dup", i) for _, i in redeliver]
    tables[ATH_A], tables[ATH_B] = ta, tb
    # ---- PNC (JSON Lines, batched by terminal within each day)
    tp = Table(PNC, None)
    pnc = by_sys["pnc"]
    for n, i in enumerate(pnc, 1):
        ids[i] = f"PNC25{n:08d}"
    batched = sorted(pnc, key=lambda i: (period.day_of(ev[i][0]), ev[i][7], ev[i][0]))
    for i in batched:
        t, s, sy, act, et, eid, fl, ws, rs, tag = ev[i]
        st = staff[s]
        if et == "vehicle" and rng.random() < 0.2:
            fjson = js(fl)
        else:
            fjson = "[" + ",".join('"' + f + '"' for f in fl.split(";")) + "]" if fl else "[]"
        origin = f"SR/{st.collar or st.sid}/{st.station.upper().replace(' ', '')}"
        tp.records.append(
            f'{{"event_id":"{ids[i]}","at":"{clock.iso_offset(t)}","staff_id":"{sid[s]}","originator":{js(origin)},'
            f'"system":"pnc","action":"{act}","entity_type":"{et}","entity_id":"{eid}","fields":{fjson},'
            f'"workstation":"{ws}","reason":{js(rs) if rs else "null"},"transaction":"{"QV" if et == "vehicle" else "QP"}",'
            f'"results":{rng.randint(0, 3)}}}')
        tp.meta.append(i)
    tables[PNC] = tp
    # ---- PND (grouped by user)
    td = Table(PND, "staff_id,at,event_id,action,entity_type,entity_id,system,fields,reason,workstation,results_returned")
    pnd = by_sys["pnd"]
    for n, i in enumerate(pnd, 1):
        ids[i] = f"PND-{7100000 + n}"
    for i in sorted(pnd, key=lambda i: (sid[ev[i][1]], ev[i][0])):
        t, s, sy, act, et, eid, fl, ws, rs, tag = ev[i]
        td.records.append(",".join((sid[s], clock.iso_offset(t, local=False), ids[i], act, et, eid, sy, fl, q(rs), ws,
                                    str(rng.randint(0, 12)))))
        td.meta.append(i)
    tables[PND] = td
    # ---- Command and control
    tc = Table(CC, "event_id,incident_log,at,staff_id,console_position,system,action,entity_type,entity_id,fields,"
                   "workstation,reason", crlf=True, bom=True)
    for n, i in enumerate(by_sys["command_control"], 1):
        t, s, sy, act, et, eid, fl, ws, rs, tag = ev[i]
        ids[i] = str(5100000000 + n)
        log = f"SR-{clock.date_str(t + clock.offset(t)).replace('-', '')}-{eid[-4:]}" if et == "occurrence" else ""
        if rs and rng.random() < 0.01:
            rs = rs + "\nline 2 of log entry"
        tc.records.append(",".join((ids[i], log, clock.iso_offset(t), sid[s], ws if ws.startswith("JCR") else "",
                                    sy, act, et, eid, fl, ws, q(rs))))
        tc.meta.append(i)
    tables[CC] = tc
    return tables, ids
