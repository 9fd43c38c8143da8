"""Time: the period, UK local time (GMT/BST) and the time formats the force's systems write."""
import calendar
import datetime as _dt
import time

PERIOD_START = calendar.timegm((2026, 3, 2, 0, 0, 0))  # a Monday
DAY = 86400
HOUR = 3600


def _last_sunday(year, month):
    d = _dt.date(year, month, 31)
    while d.weekday() != 6:
        d -= _dt.timedelta(days=1)
    return calendar.timegm((d.year, d.month, d.day, 1, 0, 0))


_BST = {}


def bst_offset(ts):
    """Seconds east of UTC for UK local time at UTC instant ts."""
    y = time.gmtime(ts).tm_year
    if y not in _BST:
        _BST[y] = (_last_sunday(y, 3), _last_sunday(y, 10))
    a, b = _BST[y]
    return 3600 if a <= ts < b else 0


def local_midnight_utc(day_index):
    """UTC instant of local midnight on day day_index of the period."""
    noon = PERIOD_START + day_index * DAY + 12 * HOUR
    return PERIOD_START + day_index * DAY - bst_offset(noon)


def local_clock(day_index, hour, minute=0):
    """UTC instant for local wall-clock hour:minute on period day day_index (hour may exceed 24)."""
    noon = PERIOD_START + day_index * DAY + 12 * HOUR
    return PERIOD_START + day_index * DAY + hour * HOUR + minute * 60 - bst_offset(noon)


def weekday(day_index):
    return day_index % 7  # 0 = Monday


def local_hour(ts):
    return ((ts + bst_offset(ts)) // HOUR) % 24


def iso_z(ts):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def iso_z_ms(ts, ms):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + ".%03dZ" % ms


def iso_utc_plus(ts):
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(ts))


def iso_local(ts):
    off = bst_offset(ts)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts + off)) + ("+01:00" if off else "+00:00")


def iso_local_naive(ts):
    """The fault: local wall time written without its offset."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts + bst_offset(ts)))


def date_str(ts):
    return time.strftime("%Y-%m-%d", time.gmtime(ts))
