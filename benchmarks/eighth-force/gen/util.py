"""Seeded random streams, UK clock-change handling and fast time formatting."""
import calendar
import datetime
import random

FORCE = "varrowmouth"
DAY = 86400
HOUR = 3600
MIN = 60


class Rand(random.Random):
    """random.Random with cheaper integer draws (same stream for the same seed, any Python 3.11+)."""

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        n = stop - start
        if n <= 0:
            raise ValueError("empty range for randrange")
        return start + int(self.random() * n)

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


def rng(seed, stage):
    """A random stream for one stage; string seeds hash deterministically (sha512)."""
    return Rand(f"{FORCE}|seed{seed}|{stage}")


def epoch(y, m, d, hh=0, mm=0, ss=0):
    return calendar.timegm((y, m, d, hh, mm, ss, 0, 0, 0))


def _last_sunday(y, m):
    last = 31
    d = datetime.date(y, m, last)
    while d.weekday() != 6:
        d -= datetime.timedelta(days=1)
    return d


_BST = {}
for _y in range(2000, 2036):
    a = _last_sunday(_y, 3)
    b = _last_sunday(_y, 10)
    _BST[_y] = (epoch(a.year, a.month, a.day, 1), epoch(b.year, b.month, b.day, 1))


_OFF = {}


def uk_offset(ts):
    """Seconds east of UTC for UK local time at UTC instant ts (GMT or BST)."""
    h = ts // 3600
    o = _OFF.get(h)
    if o is None:
        y = _year_of(ts)
        a, b = _BST[y]
        o = _OFF[h] = HOUR if a <= ts < b else 0
    return o


_DATE = {}
_YEAR = {}


def _day_str(dn):
    s = _DATE.get(dn)
    if s is None:
        d = datetime.date(1970, 1, 1) + datetime.timedelta(days=dn)
        s = d.isoformat()
        _DATE[dn] = s
        _YEAR[dn] = d.year
    return s


def _year_of(ts):
    dn = ts // DAY
    y = _YEAR.get(dn)
    if y is None:
        _day_str(dn)
        y = _YEAR[dn]
    return y


def date_str(ts):
    return _day_str(ts // DAY)


def weekday(ts):
    """0 = Monday."""
    return (ts // DAY + 3) % 7


_MZ = {}
_ML = {}


def _minute(lt):
    dn, s = divmod(lt, DAY)
    h, m = divmod(s // 60, 60)
    return f"{_day_str(dn)}T{h:02d}:{m:02d}:"


def fmt_z(ts):
    p = _MZ.get(ts // 60)
    if p is None:
        p = _MZ[ts // 60] = _minute(ts)
    return f"{p}{ts % 60:02d}Z"


def fmt_local(ts, frac=None):
    """UK local time with its offset, optionally with milliseconds."""
    off = uk_offset(ts)
    lt = ts + off
    k = lt // 60
    p = _ML.get(k)
    if p is None:
        p = _ML[k] = _minute(lt)
    tz = "+01:00" if off else "+00:00"
    if frac is None:
        return f"{p}{lt % 60:02d}{tz}"
    return f"{p}{lt % 60:02d}.{frac:03d}{tz}"


def fmt_local_naive(ts):
    lt = ts + uk_offset(ts)
    return f"{_minute(lt)}{lt % 60:02d}"


def fmt_z_frac(ts, frac):
    p = _MZ.get(ts // 60)
    if p is None:
        p = _MZ[ts // 60] = _minute(ts)
    return f"{p}{ts % 60:02d}.{frac:03d}Z"


def local_day_start(ts_day0_utc):
    """UTC instant of local midnight for the UTC-midnight day starting at ts_day0_utc."""
    return ts_day0_utc - uk_offset(ts_day0_utc + 2 * HOUR)


def local_time(day_utc0, minutes):
    """UTC instant of local clock time `minutes` after local midnight of the day whose UTC midnight is day_utc0."""
    base = day_utc0 + minutes * 60
    return base - uk_offset(base)


def wchoice(r, items, weights_cum, total):
    """Weighted choice with precomputed cumulative weights."""
    import bisect
    return items[bisect.bisect_right(weights_cum, r.random() * total)]


def cumulate(weights):
    out = []
    t = 0.0
    for w in weights:
        t += w
        out.append(t)
    return out, t


def csv_field(s):
    if s == "":
        return s
    if ("," in s) or ('"' in s) or ("\n" in s) or ("\r" in s):
        return '"' + s.replace('"', '""') + '"'
    return s
