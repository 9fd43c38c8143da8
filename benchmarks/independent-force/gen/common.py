"""Shared habits: which fields each system shows, reasons people type, workstation choice, time picking."""
import bisect

from . import clock

HOUR, DAY, MIN = clock.HOUR, clock.DAY, clock.MIN

F_RMS_PERSON = ["summary;warnings", "identity;summary;warnings", "identity;address;history", "summary;history;warnings",
                "identity;contact;address", "identity;summary;history;associates", "summary", "identity;warnings;photo"]
F_RMS_PERSON_CASE = ["identity;contact;address", "identity;address;history;warnings", "summary;contact",
                     "identity;summary;notes", "identity;contact;address;associates", "summary;history", "identity;photo"]
F_PNC = ["identity;warnings", "identity;warnings", "identity;warnings;address", "identity;warnings;vehicles", "identity"]
F_PND = ["identity;history;associates", "identity;history", "identity;associates;notes"]
F_CC_PERSON = ["identity;address;history", "identity;warnings;address", "identity;history"]
F_INTEL_PERSON = ["identity;associates;warnings", "identity;notes", "associates;notes"]
F_CUSTODY = ["identity;custody;warnings", "identity;custody;warnings;photo", "custody;notes", "identity;custody"]

R_STOP = ["stop check", "STOP CHECK", "stop chk", "ped check", "PED STOP", "s1 PACE", "s23 MDA", "s.1 pace search",
          "vehicle occupant", "veh stop - occupant", "suspicious person", "name check", "name chk", "warrant check",
          "wanted check", "ASB patrol", "patrol", "nominal check", "intel check", "check for warnings",
          "officer safety", "ID check", "veh chk occupant", "PNC check", "poss wanted", "Stop"]
R_VEH = ["veh check", "vehicle check", "ANPR hit", "VEH STOP", "keeper check", "no insurance?", "abandoned veh",
         "RTC", "suspicious veh", "PNC veh", "veh chk"]
R_CASE = ["enquiries %s", "%s", "re %s", "ref %s", "OIC %s", "%s enq", "investigation %s", "file prep %s",
          "CPS file %s", "update %s", "statement %s", "DA %s"]
R_ATTEND = ["attending %s", "en route %s", "%s", "dispatched %s", "incident %s", "call %s", "OS %s", "risk assess %s"]
R_CUSTODY = ["custody", "booking in", "Custody booking", "detained person", "DP check", "cell check", "bail",
             "custody record", "PACE review", "risk assessment DP"]
R_RESEARCH = ["intel development", "research", "briefing", "problem profile", "intel dev", "analysis",
              "network analysis", "tasking", "association chart", "briefing prep", "daily mgmt meeting"]
R_DISPATCH = ["req by %s", "for %s", "radio req %s", "officer request %s", "%s stop check", "PNC for %s"]
R_CALLER = ["caller history", "caller check", "previous calls", "repeat caller", "check address", "THRIVE",
            "risk assess caller", "warning markers", "call back", "welfare"]


def reason_case(rng, oid):
    r = R_CASE[rng.randrange(len(R_CASE))]
    return r % oid if "%s" in r else r


def reason_attend(rng, oid):
    r = R_ATTEND[rng.randrange(len(R_ATTEND))]
    return r % oid


def pick(rng, lst):
    return lst[rng.randrange(len(lst))]


def desk(rng, st):
    return st.desks[rng.randrange(len(st.desks))]


def field_device(rng, st):
    """Where a patrol officer works from: their handheld, a vehicle terminal, else a station desk."""
    x = rng.random()
    if st.mobile and (x < .55 or not st.vehicles):
        return st.mobile
    if st.vehicles and x < .92:
        return st.vehicles[rng.randrange(len(st.vehicles))]
    return desk(rng, st)


def office_device(rng, st):
    if st.laptop and rng.random() < .18:
        return st.laptop
    return desk(rng, st)


def device(rng, st):
    if st.group in ("resp", "nbh") or (st.group == "sup" and st.pat in ("relief", "nbh")):
        return field_device(rng, st) if rng.random() < .6 else desk(rng, st)
    return office_device(rng, st)


def time_in(rng, s, e):
    return s + int(rng.random() * (e - s))


def worked_times(rng, st, a, b, p, cap=40):
    """For each worked shift overlapping [a,b), with probability p, a time inside that overlap."""
    out = []
    for s, e, kind in st.shifts_in(a, b):
        if kind == "on_call" and rng.random() < .7:
            continue
        if rng.random() < p:
            s2, e2 = max(s, a), min(e, b)
            if e2 > s2:
                out.append(time_in(rng, s2, e2))
                if len(out) >= cap:
                    break
    return out


def next_worked_time(rng, st, t, within=3 * DAY):
    """A time in the first worked shift at or after t (within a limit), or None."""
    for s, e, kind in st.shifts_in(t, t + within):
        if kind == "on_call":
            continue
        s2 = max(s, t)
        if e > s2:
            return time_in(rng, s2, min(e, s2 + 3 * HOUR))
    return None


class Recent:
    """Occurrences by opening time, for 'what opened lately' look-ups."""

    def __init__(self, occs):
        self.occs = occs
        self.opened = [o.opened for o in occs]

    def window(self, a, b):
        i = bisect.bisect_left(self.opened, a)
        j = bisect.bisect_left(self.opened, b)
        return self.occs[i:j]
