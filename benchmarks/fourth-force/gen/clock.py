"""The period, the UK clock (GMT/BST), the seasons and time formatting."""
import datetime as dt

UTC = dt.timezone.utc
START = dt.datetime(2025, 3, 10, tzinfo=UTC)          # a Monday, three weeks before the clocks go forward
BST_ON = int(dt.datetime(2025, 3, 30, 1, tzinfo=UTC).timestamp())
BST_OFF = int(dt.datetime(2025, 10, 26, 1, tzinfo=UTC).timestamp())
DAY = 86400
HOUR = 3600


def ts(y, m, d, hh=0, mm=0):
    return int(dt.datetime(y, m, d, hh, mm, tzinfo=UTC).timestamp())


EASTER = (ts(2025, 4, 17), ts(2025, 4, 23))           # Thursday to the Tuesday after the bank holiday
SUMMER = ts(2025, 5, 23)                               # the late-May bank holiday weekend opens the season
TERMS = ((ts(2025, 1, 13), ts(2025, 3, 29)), (ts(2025, 4, 22), ts(2025, 6, 14)))
SEASONAL_SUITE = (SUMMER, ts(2025, 9, 15))             # Fenmouth's summer custody suite


class Period:
    def __init__(self, days):
        self.days = days
        self.t0 = int(START.timestamp())
        self.t1 = self.t0 + days * DAY
        self.has_summer = self.t0 < SUMMER < self.t1 - 14 * DAY

    def day_start(self, d):
        return self.t0 + d * DAY

    def local_time(self, d, hh, mm=0):
        """UTC seconds of a local wall-clock time on day d of the period (hh may exceed 23)."""
        naive = self.t0 + d * DAY + int(hh * HOUR) + mm * 60
        return naive - offset(naive - HOUR)

    def weekday(self, d):
        return d % 7          # 0 = Monday

    def day_of(self, t):
        return (t - self.t0) // DAY


def offset(t):
    return HOUR if BST_ON <= t < BST_OFF else 0


def local_hour(t):
    return ((t + offset(t)) % DAY) / HOUR


def local_weekday(t):
    return ((t + offset(t)) // DAY + 3) % 7    # 1970-01-01 was a Thursday


def tourism(t):
    """Visitor numbers relative to early spring."""
    if EASTER[0] <= t < EASTER[1]:
        return 1.35
    if t < ts(2025, 4, 12):
        return 1.0
    if t < SUMMER:
        return 1.1
    ramp = min(1.0, (t - SUMMER) / (24 * DAY))
    return 1.3 + 0.4 * ramp


def in_term(t):
    return any(a <= t < b for a, b in TERMS)


def is_summer(t):
    return t >= SUMMER


_DAYS = {}


def _day(d):
    s = _DAYS.get(d)
    if s is None:
        s = (dt.date(1970, 1, 1) + dt.timedelta(days=d)).isoformat()
        _DAYS[d] = s
    return s


def iso_z(t, millis=None):
    d, r = divmod(t, DAY)
    base = f"{_day(d)}T{r // 3600:02d}:{r % 3600 // 60:02d}:{r % 60:02d}"
    if millis is None:
        return base + "Z"
    return f"{base}.{millis:03d}Z"


def iso_offset(t, local=True, millis=None):
    """ISO 8601 with an explicit offset: local wall-clock (+00:00 / +01:00) or UTC written as +00:00."""
    o = offset(t) if local else 0
    d, r = divmod(t + o, DAY)
    frac = "" if millis is None else f".{millis:03d}"
    return f"{_day(d)}T{r // 3600:02d}:{r % 3600 // 60:02d}:{r % 60:02d}{frac}+0{o // 3600}:00"


def date_str(t):
    return _day(t // DAY)
