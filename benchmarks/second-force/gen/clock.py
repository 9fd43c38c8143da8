"""Time helpers: UK local time (with the October clock change) and the export formats.

All internal times are whole seconds since the Unix epoch, UTC. No wall clock is read.
"""
import datetime as _dt

EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
DAY = 86400
HOUR = 3600


def _last_sunday(year, month):
    d = _dt.date(year, month, 31)
    return d - _dt.timedelta(days=(d.weekday() + 1) % 7)


def _utc(year, month, day, hour=0):
    return int((_dt.datetime(year, month, day, hour, tzinfo=_dt.timezone.utc) - EPOCH).total_seconds())


_BST = {}


def bst_window(year):
    """(start, end) in UTC seconds of British Summer Time: last Sunday of March/October at 01:00 UTC."""
    if year not in _BST:
        a, b = _last_sunday(year, 3), _last_sunday(year, 10)
        _BST[year] = (_utc(a.year, a.month, a.day, 1), _utc(b.year, b.month, b.day, 1))
    return _BST[year]


def offset_at(t):
    """UK offset in seconds at UTC time t."""
    y = (EPOCH + _dt.timedelta(seconds=t)).year
    a, b = bst_window(y)
    return HOUR if a <= t < b else 0


def local_to_utc(day_start_utc, minutes):
    """Wall-clock minutes after local midnight of the day whose UTC midnight is day_start_utc."""
    naive = day_start_utc + minutes * 60
    # try the summer offset first, fall back to winter (a gap hour rolls forward naturally)
    t = naive - HOUR
    if offset_at(t) == HOUR:
        return t
    return naive


def date_utc(s):
    y, m, d = (int(x) for x in s.split("-"))
    return _utc(y, m, d)


def day_of(t):
    """Local calendar day index key (UTC seconds of that local midnight's date at 00:00Z)."""
    lt = t + offset_at(t)
    return lt - lt % DAY


def local_hour(t):
    lt = t + offset_at(t)
    return (lt % DAY) / 3600.0


def weekday(t):
    lt = t + offset_at(t)
    return (lt // DAY + 3) % 7  # Monday = 0


def fmt_z(t):
    return (EPOCH + _dt.timedelta(seconds=t)).strftime("%Y-%m-%dT%H:%M:%SZ")


def fmt_z_ms(t, ms):
    return (EPOCH + _dt.timedelta(seconds=t)).strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % ms


def fmt_local(t):
    off = offset_at(t)
    s = (EPOCH + _dt.timedelta(seconds=t + off)).strftime("%Y-%m-%dT%H:%M:%S")
    return s + ("+01:00" if off else "+00:00")


def fmt_date(t):
    return (EPOCH + _dt.timedelta(seconds=t)).strftime("%Y-%m-%d")
