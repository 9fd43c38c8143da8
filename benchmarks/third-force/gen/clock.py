"""The period, UK local time (BST/GMT) and the time formats each system writes."""
import datetime as _dt

UTC = _dt.timezone.utc
START_DATE = _dt.date(2025, 9, 1)          # a Monday; the period crosses the October clock change
START = int(_dt.datetime(2025, 9, 1, tzinfo=UTC).timestamp())
DAY = 86400
HOUR = 3600


def _last_sunday(year, month):
    d = _dt.date(year, month + 1, 1) - _dt.timedelta(days=1) if month < 12 else _dt.date(year, 12, 31)
    while d.weekday() != 6:
        d -= _dt.timedelta(days=1)
    return d


_BST = {}


def _bst(year):
    if year not in _BST:
        a = _last_sunday(year, 3)
        b = _last_sunday(year, 10)
        _BST[year] = (int(_dt.datetime(a.year, a.month, a.day, 1, tzinfo=UTC).timestamp()),
                      int(_dt.datetime(b.year, b.month, b.day, 1, tzinfo=UTC).timestamp()))
    return _BST[year]


_YEAR_STARTS = {y: int(_dt.datetime(y, 1, 1, tzinfo=UTC).timestamp()) for y in range(2020, 2031)}


def offset(t):
    """UK offset from UTC in seconds at instant t."""
    y = 2020
    for yy in range(2021, 2031):
        if t >= _YEAR_STARTS[yy]:
            y = yy
    a, b = _bst(y)
    return HOUR if a <= t < b else 0


def local(day, hour, minute=0):
    """UTC instant of local wall time `hour:minute` on day `day` of the period (hour may exceed 24)."""
    naive = START + day * DAY + int(hour * HOUR) + minute * 60
    return naive - offset(naive - HOUR)


def local_hour(t):
    """Local hour of day (float) at instant t."""
    return ((t + offset(t)) % DAY) / HOUR


def weekday(day):
    """0 Monday .. 6 Sunday for day `day` of the period."""
    return (START_DATE.weekday() + day) % 7


def day_of(t):
    return (t + offset(t) - START) // DAY


_DAYSTR = {}


def _daystr(d):
    s = _DAYSTR.get(d)
    if s is None:
        s = (_dt.date(1970, 1, 1) + _dt.timedelta(days=d)).isoformat()
        _DAYSTR[d] = s
    return s


def _parts(t):
    d, s = divmod(t, DAY)
    h, r = divmod(s, HOUR)
    m, sec = divmod(r, 60)
    return _daystr(d), h, m, sec


def iso_z(t):
    ds, h, m, s = _parts(t)
    return "%sT%02d:%02d:%02dZ" % (ds, h, m, s)


def iso_utc00(t, micros=None):
    ds, h, m, s = _parts(t)
    if micros is None:
        return "%sT%02d:%02d:%02d+00:00" % (ds, h, m, s)
    return "%sT%02d:%02d:%02d.%06d+00:00" % (ds, h, m, s, micros)


def iso_local(t, millis=None):
    off = offset(t)
    ds, h, m, s = _parts(t + off)
    tz = "+01:00" if off else "+00:00"
    if millis is None:
        return "%sT%02d:%02d:%02d%s" % (ds, h, m, s, tz)
    return "%sT%02d:%02d:%02d.%03d%s" % (ds, h, m, s, millis, tz)


def date_str(t):
    return _daystr(t // DAY)


def date_of_day(day):
    return (START_DATE + _dt.timedelta(days=day)).isoformat()
