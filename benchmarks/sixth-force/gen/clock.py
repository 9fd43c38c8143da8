"""Time as integer epoch seconds (UTC), the UK clock change, and the ISO 8601 spellings the exports use."""
import calendar
import time

DAY = 86400
HOUR = 3600


def _last_sunday(year, month):
    last = calendar.monthrange(year, month)[1]
    return last - (calendar.weekday(year, month, last) + 1) % 7


def bst_window(year):
    """British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October."""
    start = calendar.timegm((year, 3, _last_sunday(year, 3), 1, 0, 0))
    end = calendar.timegm((year, 10, _last_sunday(year, 10), 1, 0, 0))
    return start, end


class Clock:
    def __init__(self, start, days):
        y, m, d = (int(x) for x in start.split("-"))
        self.t0 = calendar.timegm((y, m, d, 0, 0, 0))
        self.days = days
        self.end = self.t0 + days * DAY
        self.year = y
        self.wd0 = calendar.weekday(y, m, d)
        self._windows = [bst_window(yy) for yy in range(y - 1, y + 3)]
        self._dates = {}

    def offset(self, t):
        for s, e in self._windows:
            if s <= t < e:
                return HOUR
        return 0

    def date(self, k):
        """Day index k (relative to the first day) as YYYY-MM-DD."""
        s = self._dates.get(k)
        if s is None:
            g = time.gmtime(self.t0 + k * DAY)
            s = "%04d-%02d-%02d" % (g.tm_year, g.tm_mon, g.tm_mday)
            self._dates[k] = s
        return s

    def date_of(self, t):
        return self.date((t - self.t0) // DAY)

    def z(self, t):
        k, s = divmod(t - self.t0, DAY)
        return "%sT%02d:%02d:%02dZ" % (self.date(k), s // 3600, s // 60 % 60, s % 60)

    def z_frac(self, t, frac):
        k, s = divmod(t - self.t0, DAY)
        return "%sT%02d:%02d:%02d.%sZ" % (self.date(k), s // 3600, s // 60 % 60, s % 60, frac)

    def utc_offset(self, t):
        k, s = divmod(t - self.t0, DAY)
        return "%sT%02d:%02d:%02d+00:00" % (self.date(k), s // 3600, s // 60 % 60, s % 60)

    def local(self, t, frac=""):
        off = self.offset(t)
        k, s = divmod(t + off - self.t0, DAY)
        return "%sT%02d:%02d:%02d%s%s" % (self.date(k), s // 3600, s // 60 % 60, s % 60, frac,
                                           "+01:00" if off else "+00:00")

    def naive_local(self, t):
        off = self.offset(t)
        k, s = divmod(t + off - self.t0, DAY)
        return "%sT%02d:%02d:%02d" % (self.date(k), s // 3600, s // 60 % 60, s % 60)

    def local_day(self, t):
        return (t + self.offset(t) - self.t0) // DAY

    def local_hour(self, t):
        return (t + self.offset(t) - self.t0) % DAY // HOUR

    def at_local(self, d, secs):
        """Epoch of local wall time `secs` after midnight on day index d."""
        base = self.t0 + d * DAY + secs
        return base - self.offset(base - HOUR)

    def weekday(self, d):
        return (self.wd0 + d) % 7
