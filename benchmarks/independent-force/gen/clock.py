"""Time helpers. Internally every time is an int: seconds since the Unix epoch, UTC.

The force sits in the UK, so local time is GMT in winter and BST (+01:00) in summer.
Shift patterns are defined in local time and converted to UTC here.
"""
import calendar
import time as _time

DAY = 86400
HOUR = 3600
MIN = 60

# BST boundaries (last Sunday of March / October at 01:00 UTC) for the years we need.
def _last_sunday(year, month):
    # day of month of the last Sunday
    last = calendar.monthrange(year, month)[1]
    wd = calendar.weekday(year, month, last)  # Mon=0 .. Sun=6
    return last - ((wd - 6) % 7)

_BST = {}
for _y in range(2015, 2031):
    a = calendar.timegm((_y, 3, _last_sunday(_y, 3), 1, 0, 0))
    b = calendar.timegm((_y, 10, _last_sunday(_y, 10), 1, 0, 0))
    _BST[_y] = (a, b)


def utc_offset(t):
    """Offset of UK local time from UTC in seconds at instant t."""
    y = _time.gmtime(t).tm_year
    a, b = _BST[y]
    return HOUR if a <= t < b else 0


def epoch(y, m, d, hh=0, mm=0, ss=0):
    return calendar.timegm((y, m, d, hh, mm, ss))


def local_midnight(day0, d):
    """UTC instant of local midnight for day index d counted from day0 (a UTC midnight)."""
    t = day0 + d * DAY
    return t - utc_offset(t)


def weekday(day0, d):
    return _time.gmtime(day0 + d * DAY + 12 * HOUR).tm_wday  # Mon=0


_date_cache = {}


def _date(dn):
    s = _date_cache.get(dn)
    if s is None:
        s = _time.strftime('%Y-%m-%d', _time.gmtime(dn * DAY))
        _date_cache[dn] = s
    return s


def fmt_z(t):
    dn, r = divmod(t, DAY)
    h, r = divmod(r, HOUR)
    m, s = divmod(r, MIN)
    return '%sT%02d:%02d:%02dZ' % (_date(dn), h, m, s)


def fmt_plus0(t):
    dn, r = divmod(t, DAY)
    h, r = divmod(r, HOUR)
    m, s = divmod(r, MIN)
    return '%sT%02d:%02d:%02d+00:00' % (_date(dn), h, m, s)


def fmt_local(t):
    """Local wall-clock time with its offset, e.g. 2025-06-01T15:05:00+01:00."""
    off = utc_offset(t)
    lt = t + off
    dn, r = divmod(lt, DAY)
    h, r = divmod(r, HOUR)
    m, s = divmod(r, MIN)
    return '%sT%02d:%02d:%02d%s' % (_date(dn), h, m, s, '+01:00' if off else '+00:00')


def fmt_frac(t, ms):
    dn, r = divmod(t, DAY)
    h, r = divmod(r, HOUR)
    m, s = divmod(r, MIN)
    return '%sT%02d:%02d:%02d.%03dZ' % (_date(dn), h, m, s, ms)


def fmt_naive(t):
    """A local time WITHOUT an offset (an export fault)."""
    lt = t + utc_offset(t)
    dn, r = divmod(lt, DAY)
    h, r = divmod(r, HOUR)
    m, s = divmod(r, MIN)
    return '%sT%02d:%02d:%02d' % (_date(dn), h, m, s)


def fmt_date(t):
    return _date(t // DAY)


def local_hour(t):
    return ((t + utc_offset(t)) % DAY) / HOUR
