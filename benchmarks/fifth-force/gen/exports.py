"""Audit exports, one per system, each with its own quirks; faults and re-delivered rows."""
from . import clock
from .csvout import Out, row, jdump
from .rng import stream

STD = ["event_id", "at", "staff_id", "system", "action", "entity_type", "entity_id", "fields", "workstation", "reason"]
SYSTEMS = {
    # system: file, id format, time format, extra
    "rms": ("audit_rms.csv", "RMS-{:09d}"),
    "pnc": ("audit_pnc.jsonl", "PNC25{:08d}"),
    "pnd": ("audit_pnd.csv", "PND-{:010d}"),
    "command_control": ("audit_command_control.csv", "STM{:08d}"),
    "custody": ("audit_custody.jsonl", "CUS-{:07d}"),
    "intelligence": ("audit_intelligence.csv", "INT-{:07d}"),
}
ORDER = ["rms", "pnc", "pnd", "command_control", "custody", "intelligence"]


def number(w):
    """Give each event its source system's identifier, in time order per system."""
    by = {k: [] for k in ORDER}
    for e in w.events:
        by[e[2]].append(e)
    w.by_system = {}
    for k in ORDER:
        lst = by[k]
        lst.sort(key=lambda e: (e[0], e[1]))
        fmt = SYSTEMS[k][1]
        w.by_system[k] = [(fmt.format(i + 1),) + e for i, e in enumerate(lst)]
    # the custody export comes suite by suite, each in time order
    suite = {s.sid: s.station for s in w.staff}
    w.by_system["custody"].sort(key=lambda ev: (suite[ev[2]] != "Vellmoor", ev[1], ev[0]))


def first_events(w):
    first = {}
    for k in ORDER:
        for ev in w.by_system[k]:
            tag = ev[11]
            if tag is not None:
                cur = first.get(tag)
                if cur is None or (ev[1], ev[0]) < (cur[1], cur[0]):
                    first[tag] = ev
    return first


class Render:
    def __init__(self, w):
        self.w = w
        self.r = stream(w.seed, "exports")
        self.S = w.staff_by_id

    def rms(self, ev):
        eid, t, sid, sys, act, et, ent, f, ws, reason, ctx, tag = ev
        return row([eid, clock.iso_z(t), sid, sys, act, et, ent, f, ws, reason, ctx])

    def pnc(self, ev):
        eid, t, sid, sys, act, et, ent, f, ws, reason, ctx, tag = ev
        s = self.S[sid]
        return jdump({"event_id": eid, "at": clock.iso_ms(t, (t * 7919 + len(ent)) % 1000), "staff_id": sid,
                      "system": "pnc", "action": act, "entity_type": et, "entity_id": ent,
                      "fields": f.split(";") if f else [], "workstation": ws, "reason": reason or None,
                      "originator": f"{s.collar or sid}/VM{s.station[:3].upper()}", "transaction": "ENQ"})

    def pnd(self, ev):
        eid, t, sid, sys, act, et, ent, f, ws, reason, ctx, tag = ev
        return row([sid, clock.iso_local(t), eid, sys, et, ent, act, reason, f, ws, "Y" if reason else "N"])

    def command_control(self, ev):
        eid, t, sid, sys, act, et, ent, f, ws, reason, ctx, tag = ev
        return row([eid, clock.iso_z(t), sid, sys, act, et, ent, f, ws, reason, ""])

    def custody(self, ev):
        eid, t, sid, sys, act, et, ent, f, ws, reason, ctx, tag = ev
        d = {"event_id": eid, "at": clock.iso_local(t), "staff_id": sid, "system": "custody", "action": act,
             "entity_type": et, "entity_id": ent, "fields": f, "workstation": ws, "suite": self.S[sid].station}
        if reason:
            d["reason"] = reason
        return jdump(d)

    def intelligence(self, ev):
        eid, t, sid, sys, act, et, ent, f, ws, reason, ctx, tag = ev
        return row([eid, clock.iso_z(t), sid, sys, act, et, ent, f, ws, reason, "2/B/P" if et == "intelligence" else ""])


HEADERS = {
    "rms": STD + ["context_occurrence"],
    "pnd": ["staff_id", "at", "event_id", "system", "entity_type", "entity_id", "action", "reason", "fields",
            "workstation", "reason_given"],
    "command_control": STD + ["log_ref"],
    "intelligence": STD + ["grading"],
}

# audit faults: system -> (field, reason code, how the row is spoiled)
AUDIT_FAULTS = [
    ("rms", "staff_id", "unknown_reference", "batch account not in staff.csv"),
    ("pnc", "", "malformed_row", "line truncated mid-object"),
    ("pnd", "workstation", "missing_value", "workstation left empty"),
    ("command_control", "entity_type", "unknown_value", "entity type 'incident'"),
    ("custody", "at", "invalid_time", "local time without an offset"),
    ("intelligence", "", "malformed_row", "a field short"),
]


def spoil(render, system, ev):
    eid, t, sid, sys, act, et, ent, f, ws, reason, ctx, tag = ev
    if system == "rms":
        return render.rms((eid, t, "SVC-DQBATCH", sys, act, et, ent, f, ws, reason, ctx, tag))
    if system == "pnc":
        full = render.pnc(ev)
        return full[: len(full) // 2]
    if system == "pnd":
        return render.pnd((eid, t, sid, sys, act, et, ent, f, "", reason, ctx, tag))
    if system == "command_control":
        return render.command_control((eid, t, sid, sys, act, "incident", ent, f, ws, reason, ctx, tag))
    if system == "custody":
        good = render.custody(ev)
        at = clock.iso_local(t)
        return good.replace(at, at[:19])
    if system == "intelligence":
        return row([eid, clock.iso_z(t), sid, sys, act, et, ent, f, ws, reason])


def write(w, out_dir, faults):
    """Write every audit export; append fault rows (file, line, field, expected, detail) to faults."""
    r = stream(w.seed, "audit-faults")
    render = Render(w)
    cast = {c["sid"] for c in w.cast}
    counts = {}
    spoil_at = {}
    for system, field, reason, detail in AUDIT_FAULTS:
        lst = w.by_system[system]
        while True:
            i = r.randrange(len(lst) // 10, len(lst))
            if lst[i][2] not in cast:
                break
        spoil_at[(system, i)] = (field, reason, detail)
    # re-delivered rows: a day of RMS sent again in a second file, and a batch of PNC appended again
    rms = w.by_system["rms"]
    day = r.randrange(10, w.days - 10)
    lo, hi = clock.local(day, 9), clock.local(day, 10.5)
    resend = [ev for ev in rms if lo <= ev[1] < hi and ev[2] not in cast]
    resend = resend[: 260]
    resend_ids = {ev[0] for ev in resend}
    pnc = w.by_system["pnc"]
    k = r.randrange(len(pnc) // 3, len(pnc) - 60)
    again = [j for j in range(k, k + 60) if pnc[j][2] not in cast and ("pnc", j) not in spoil_at][:45]
    for system in ORDER:
        fname = SYSTEMS[system][0]
        jsonl = fname.endswith(".jsonl")
        o = Out(f"{out_dir}/{fname}", None if jsonl else HEADERS[system],
                crlf=(system == "command_control"), bom=(system == "command_control"))
        fn = getattr(render, system)
        n = 0
        for i, ev in enumerate(w.by_system[system]):
            sp = spoil_at.get((system, i))
            if sp:
                line = o.write(spoil(render, system, ev))
                faults.append((fname, line, sp[0], sp[1], sp[2]))
                if ev[0] in resend_ids:
                    resend_ids.discard(ev[0])
            else:
                o.write(fn(ev))
            n += 1
        if system == "pnc":
            for j in again:
                line = o.write(fn(pnc[j]))
                faults.append((fname, line, "event_id", "duplicate", "PNC batch re-delivered at the end of the export"))
        counts[system] = n
        o.close()
    o = Out(f"{out_dir}/audit_rms_redelivered.csv", HEADERS["rms"])
    for ev in resend:
        if ev[0] not in resend_ids:
            continue
        line = o.write(render.rms(ev))
        faults.append(("audit_rms_redelivered.csv", line, "event_id", "duplicate", "RMS morning batch sent twice"))
    o.close()
    return counts
