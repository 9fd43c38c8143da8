"""Rotas: the shifts each person actually worked, and the incomplete roster the force recorded."""
from . import clock
from .rng import stream


def _planned(rng, s, days):
    """Planned shifts as (start_hour_local, length_hours) per day, from the person's rota."""
    out = []
    o = s.rota_offset
    early_start = rng.choice([7.5, 8, 8, 8.5, 9, 9])
    for d in range(days):
        wd = clock.weekday(d)
        week = d // 7
        r = s.rota
        sh = None
        if r in ("resp12", "cc12", "custody12"):
            c = (d + o) % 8
            base = {"resp12": 7, "cc12": 6, "custody12": 7}[r]
            if c in (0, 1):
                sh = (base, 12)
            elif c in (2, 3):
                sh = (base + 12, 12)
        elif r == "transport":
            c = (d + o) % 8
            if c in (0, 1):
                sh = (6, 10)
            elif c in (2, 3):
                sh = (16, 10)
        elif r == "triage":
            if (d + o) % 8 < 4:
                sh = (14, 10)
        elif r == "nte":
            if wd in (3, 4, 5) or (wd == 2 and (week + o) % 2 == 0):
                sh = (20, 10) if wd != 2 else (16, 10)
        elif r == "nbh":
            rest = {(o % 7), ((o + 1) % 7)}
            if wd not in rest:
                sh = (8, 9) if (week + o) % 2 == 0 else (14, 9)
        elif r == "licensing":
            if wd in (0, 1, 2):
                sh = (9, 8)
            elif wd in (4, 5) and (week + o) % 2 == 0:
                sh = (19, 9)
            elif wd == 3 and (week + o) % 2 == 1:
                sh = (9, 8)
        elif r == "specials":
            if (wd in (4, 5) and rng.random() < 0.45) or (wd not in (4, 5) and rng.random() < 0.05):
                sh = (19, 8) if wd in (4, 5) else (17, 6)
        elif r == "cid":
            if wd < 5:
                sh = (8, 8.5) if (week + o) % 2 == 0 else (10, 8.5)
        elif r == "office_late":
            if wd < 5:
                sh = (10, 8) if (week + o) % 3 else (12, 8)
            elif wd == 5 and (week + o) % 4 == 0:
                sh = (10, 7)
        elif r == "front":
            if wd != (o % 7) and wd != ((o + 3) % 7):
                sh = (8, 8) if (week + o) % 2 == 0 else (12, 8)
        else:  # office
            if wd < 5:
                sh = (early_start, 8)
        if sh:
            out.append((d, sh[0], sh[1]))
    return out


def build(seed, staff, days):
    """Returns (worked, roster_rows): worked[idx] = sorted [(start, end, kind)], roster rows (idx, start, end, kind)."""
    worked = []
    rows = []
    for s in staff:
        rng = stream(seed, "roster", s.sid)
        plan = _planned(rng, s, days)
        leave_days = set()
        for _ in range(rng.choice([0, 1, 1, 2])):
            a = rng.randint(0, max(0, days - 10))
            leave_days.update(range(a, a + rng.randint(4, 10)))
        w = []
        period_end = clock.START + days * clock.DAY
        for d, h, length in plan:
            a = clock.local(d, h)
            b = a + int(length * clock.HOUR)
            if d in leave_days or a < s.start or (s.end and a >= s.end):
                continue
            sick = rng.random() < 0.035
            kind = "duty"
            if rng.random() < 0.02:
                kind = "training"
            if rng.random() > 0.06:          # about one shift in seventeen never reached the roster
                rows.append((s.idx, a, b, kind))
            if sick:
                continue
            late = int(rng.random() < 0.3) * rng.randint(10, 150) * 60
            early = int(rng.random() < 0.15) * rng.randint(5, 45) * 60
            w.append((a - early, min(period_end, b + late), kind))
        # overtime and extra work: often never rostered
        if s.rota in ("resp12", "cc12", "custody12", "transport", "nte", "cid", "triage", "nbh"):
            n_ot = int(days / 14 * rng.uniform(0.3, 1.6))
            for _ in range(n_ot):
                d = rng.randrange(days)
                if d in leave_days:
                    continue
                h = rng.choice([7, 8, 10, 14, 18, 19, 20])
                a = clock.local(d, h)
                b = a + rng.choice([6, 8, 10, 12]) * clock.HOUR
                if any(x < b and a < y for x, y, _k in w) or a < s.start or (s.end and a >= s.end):
                    continue
                w.append((a, min(period_end, b), "overtime"))
                if rng.random() < 0.35:
                    rows.append((s.idx, a, b, "overtime"))
        if s.rota == "cid" and rng.random() < 0.7:
            for wk in range(days // 7):
                if (wk + s.rota_offset) % 6 == 0:
                    d = wk * 7 + 4
                    if d < days:
                        rows.append((s.idx, clock.local(d, 17), clock.local(d, 17 + 63), "on_call"))
        w = [x for x in w if x[0] < period_end]
        w.sort()
        worked.append(w)
    rows.sort(key=lambda r: (r[0], r[1]))
    return worked, rows


def on_duty_index(staff, worked):
    """(unit, borough-or-'*') -> {hour number since START: [staff idx]} for picking who was on duty."""
    idx = {}
    for s in staff:
        keys = [(s.unit, s.borough), (s.unit, "*")]
        if s.suite:
            keys.append((s.unit, s.suite))
        for a, b, kind in worked[s.idx]:
            if kind == "training":
                continue
            h0 = (a - clock.START) // clock.HOUR
            h1 = (b - clock.START) // clock.HOUR
            for h in range(h0, h1):
                for k in keys:
                    idx.setdefault(k, {}).setdefault(h, []).append(s.idx)
    return idx


def who(index, unit, where, t, rng, fallback=None):
    h = (t - clock.START) // clock.HOUR
    lst = index.get((unit, where), {}).get(h)
    if lst:
        return rng.choice(lst)
    return fallback
