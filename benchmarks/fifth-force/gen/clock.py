"""Time: the period, UK clock change, and fast ISO 8601 formatting."""
import datetime as _dt

UTC = _dt.timezone.utc
DAY = 86400
HOUR = 3600


def epoch(y, m, d, h=0, mi=0, s=0):
    return int(_dt.datetime(y, m, d, h, mi, s, tzinfo=UTC).timestamp())


START = epoch(2025, 2, 3)           # a Monday
BST_ON = epoch(2025, 3, 30, 1)      # clocks go forward (01:00 UTC)
BST_OFF = epoch(2025, 10, 26, 1)

_days = {}


def _day(d):
    s = _days.get(d)
    if s is None:
        s = _days[d] = _dt.datetime.fromtimestamp(d * DAY, UTC).strftime("%Y-%m-%d")
    return s


def _core(t):
    d, r = divmod(t, DAY)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    return f"{_day(d)}T{h:02d}:{m:02d}:{s:02d}"


def iso_z(t):
    return _core(t) + "Z"


def iso_ms(t, ms):
    return f"{_core(t)}.{ms:03d}+00:00"


def is_bst(t):
    return BST_ON <= t < BST_OFF


def iso_local(t):
    if BST_ON <= t < BST_OFF:
        return _core(t + 3600) + "+01:00"
    return _core(t) + "+00:00"


def date(t):
    return _day(t // DAY)


def local(day, hours):
    """UTC epoch of local wall-clock `hours` after midnight of period day `day`."""
    t = START + day * DAY + int(hours * 3600)
    u = t - 3600
    return u if BST_ON <= u < BST_OFF else t


def local_hour(t):
    return ((t + (3600 if BST_ON <= t < BST_OFF else 0)) % DAY) / 3600.0


def day_of(t):
    return (t - START) // DAY


def dow(day):
    return day % 7   # 0 Monday
