"""Activity explained by occurrences: call taking, dispatch, attendance, investigation, supervision,
analysis, and custody processing (custody staff are never assigned: their duty explains it)."""
from . import clock, names
from .common import (F_CC_PERSON, F_CUSTODY, F_INTEL_PERSON, F_PNC, F_PND, F_RMS_PERSON, F_RMS_PERSON_CASE,
                     R_CALLER, R_CUSTODY, desk, device, field_device, next_worked_time, pick, reason_attend,
                     reason_case, time_in)

HOUR, DAY, MIN = clock.HOUR, clock.DAY, clock.MIN
PRIORITY = {"victim": 0, "suspect": 1, "other": 2, "caller": 3, "witness": 4}


def _people(o, k):
    ps = sorted(o.persons, key=lambda pr: PRIORITY[pr[1]])
    return ps[:k]


def attending(W, o, st, s, e):
    rng = W.rng
    em = W.emit
    ws = field_device(rng, st)
    em(s, st, "command_control", "view", "occurrence", o.oid, "summary;notes", ws)
    for p, role in _people(o, 3):
        t = s + rng.randrange(0, 40) * MIN
        if role in ("suspect", "other") and rng.random() < .6 or role == "victim" and rng.random() < .25:
            em(t, st, "pnc", "search", "person", p.pid, pick(rng, F_PNC), ws, reason_attend(rng, o.oid))
        if rng.random() < .9:
            em(t + rng.randrange(60, 3 * 3600), st, "rms", "view", "person", p.pid, pick(rng, F_RMS_PERSON_CASE),
               device(rng, st))
    if o.cat == "custody":
        em(s + rng.randrange(30, 120) * MIN, st, "custody", "view", "occurrence", o.oid, "custody;summary", desk(rng, st))
        if o.parent is not None:
            em(s + rng.randrange(60, 300) * MIN, st, "rms", "update", "occurrence", o.parent.oid, "notes", desk(rng, st))
        return
    em(time_in(rng, s, e + 2 * HOUR), st, "rms", "update", "occurrence", o.oid, "notes", device(rng, st))
    if rng.random() < .45:
        t = next_worked_time(rng, st, e + 4 * HOUR)
        if t:
            ws = desk(rng, st)
            em(t, st, "rms", "view", "occurrence", o.oid, "summary;notes", ws)
            em(t + rng.randrange(5, 50) * MIN, st, "rms", "update", "occurrence", o.oid, "notes", ws)
            for p, _ in _people(o, rng.choice((0, 1, 2))):
                em(t + rng.randrange(1, 20) * MIN, st, "rms", "view", "person", p.pid, pick(rng, F_RMS_PERSON_CASE), ws)


def investigating(W, o, st, s, e, scale):
    rng = W.rng
    em = W.emit
    if e is None and o.flag == "capcase":
        e = o.closed
    end = min(e if e is not None else W.t_end, s + 80 * DAY)
    if end < W.t0:
        return
    for a, b, kind in st.shifts_in(max(s, W.t0 - DAY), end):
        age = (a - s) / DAY
        p = (.75 if age < 7 else .4 if age < 30 else .15) * scale
        if kind == "on_call":
            p *= .2
        if rng.random() >= p:
            continue
        t = time_in(rng, max(a, s), min(b, end) if min(b, end) > max(a, s) else b)
        ws = device(rng, st)
        em(t, st, "rms", "view", "occurrence", o.oid, "summary;notes", ws)
        for p_, role in _people(o, rng.choice((1, 2, 2, 3, 4))):
            t += rng.randrange(1, 15) * MIN
            em(t, st, "rms", "view", "person", p_.pid, pick(rng, F_RMS_PERSON_CASE), ws)
            x = rng.random()
            if x < .1 and role == "suspect":
                em(t + 60, st, "pnd", "search", "person", p_.pid, pick(rng, F_PND), ws, reason_case(rng, o.oid))
            elif x < .2:
                em(t + 60, st, "pnc", "search", "person", p_.pid, pick(rng, F_PNC), ws, reason_case(rng, o.oid))
            elif x < .25:
                em(t + 60, st, "intelligence", "search", "person", p_.pid, pick(rng, F_INTEL_PERSON), ws, "")
        if rng.random() < .5:
            em(t + rng.randrange(5, 60) * MIN, st, "rms", "update", "occurrence", o.oid, "notes", ws)
        if rng.random() < .03:
            em(t + rng.randrange(5, 60) * MIN, st, "rms", "print", "occurrence", o.oid, "summary;notes", ws)


def supervising(W, o, st, s, e):
    rng = W.rng
    for a, b, kind in st.shifts_in(s, e)[:3]:
        if rng.random() < .6:
            t = time_in(rng, max(a, s), b)
            ws = device(rng, st)
            W.emit(t, st, "rms", "view", "occurrence", o.oid, "summary;notes", ws)
            if o.persons and rng.random() < .5:
                p, _ = _people(o, 1)[0]
                W.emit(t + 120, st, "rms", "view", "person", p.pid, pick(rng, F_RMS_PERSON), ws)
            if rng.random() < .4:
                W.emit(t + 600, st, "rms", "update", "occurrence", o.oid, "notes", ws)


def call_taking(W, o, st, s):
    rng = W.rng
    ws = desk(rng, st)
    W.emit(s, st, "command_control", "update", "occurrence", o.oid, "summary;notes", ws)
    for p, role in _people(o, 2):
        if role in ("caller", "victim", "other") or rng.random() < .4:
            W.emit(s + rng.randrange(20, 400), st, "command_control", "search", "person", p.pid, pick(rng, F_CC_PERSON), ws)
        if rng.random() < .45:
            W.emit(s + rng.randrange(30, 600), st, "rms", "search", "person", p.pid, "summary;history;warnings", ws,
                   pick(rng, R_CALLER) if rng.random() < .3 else "")


def dispatching(W, o):
    rng = W.rng
    d = W.on_duty("disp", None, o.opened)
    if not d:
        return
    st = d[rng.randrange(len(d))]
    ws = desk(rng, st)
    t = o.opened + rng.randrange(60, 900)
    W.emit(t, st, "command_control", "view", "occurrence", o.oid, "summary;notes", ws)
    W.emit(t + rng.randrange(60, 1800), st, "command_control", "update", "occurrence", o.oid, "notes", ws)
    if o.persons and rng.random() < .4:
        p, _ = _people(o, 2)[-1]
        W.emit(t + rng.randrange(30, 300), st, "command_control", "search", "person", p.pid, "identity;warnings", ws)


def analysing(W, o, st, s, e):
    rng = W.rng
    for a, b, kind in st.shifts_in(s, e):
        if rng.random() < .12:
            t = time_in(rng, max(a, s), b)
            ws = device(rng, st)
            W.emit(t, st, "rms", "view", "occurrence", o.oid, "summary", ws)
            for p, role in _people(o, 2):
                W.emit(t + rng.randrange(30, 600), st, "rms", "view", "person", p.pid, "summary;history;associates", ws)
                if rng.random() < .3:
                    W.emit(t + rng.randrange(30, 900), st, "intelligence", "search", "person", p.pid, pick(rng, F_INTEL_PERSON), ws)


def custody_processing(W, o):
    rng = W.rng
    p = o.persons[0][0]
    t = o.opened
    end = o.closed or W.t_end
    while t < end:
        staff = W.on_duty("cust", o.station, t)
        if staff:
            for st in rng.sample(staff, min(len(staff), 1 if t > o.opened else rng.choice((1, 2, 2)))):
                ws = desk(rng, st)
                t1 = t + rng.randrange(1, 50) * MIN
                W.emit(t1, st, "custody", "view", "person", p.pid, pick(rng, F_CUSTODY), ws)
                W.emit(t1 + rng.randrange(1, 30) * MIN, st, "custody", "update", "occurrence", o.oid, "custody;notes", ws)
                if t == o.opened:
                    if rng.random() < .6:
                        W.emit(t1 + rng.randrange(1, 20) * MIN, st, "pnc", "search", "person", p.pid, "identity;warnings", ws,
                               pick(rng, R_CUSTODY))
                    if rng.random() < .45:
                        W.emit(t1 + rng.randrange(5, 60) * MIN, st, "custody", "view", "custody_image", p.pid, "photo", ws)
                    if rng.random() < .3:
                        W.emit(t1 + rng.randrange(1, 20) * MIN, st, "rms", "view", "person", p.pid, "summary;history;warnings", ws)
                    if rng.random() < .08:
                        W.emit(t1 + rng.randrange(30, 90) * MIN, st, "custody", "print", "occurrence", o.oid, "custody", ws)
        t += rng.randrange(3, 8) * HOUR


def build(W):
    for o in W.occs:
        if o.cat == "custody":
            if (o.closed or W.t_end) > W.t0:
                custody_processing(W, o)
        elif o.opened >= W.t0 and o.cat != "stop_check":
            dispatching(W, o)
        for st, role, s, e in o.assign:
            if st.cast and "nocase" in st.cast:
                continue
            if (e if e is not None else W.t_end) < W.t0:
                continue
            if role == "attending":
                attending(W, o, st, s, e)
            elif role == "officer_in_case":
                investigating(W, o, st, s, e, 1.0)
            elif role == "investigator":
                investigating(W, o, st, s, e, .6)
            elif role == "supervisor":
                supervising(W, o, st, s, e)
            elif role == "call_handler":
                call_taking(W, o, st, s)
            elif role == "analyst":
                analysing(W, o, st, s, e)
