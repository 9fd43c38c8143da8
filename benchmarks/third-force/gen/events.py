"""The audit log in memory: events per system, later numbered in each system's own style."""

SYSTEMS = ["rms", "pnc", "pnd", "command_control", "intelligence", "custody"]

# event tuple: (t, staff_idx, action, entity_type, entity, fields, workstation, reason, tag)
#   entity is a person index for person/custody_image, an occurrence index for occurrence, else a string
#   tag is None for ordinary work, or the cast index of the scenario that produced it


class Log:
    def __init__(self):
        self.ev = {s: [] for s in SYSTEMS}
        self.ids = None

    def add(self, system, t, s, action, etype, entity, fields, ws, reason="", tag=None):
        self.ev[system].append((t, s, action, etype, entity, fields, ws, reason, tag))

    def count(self):
        return sum(len(v) for v in self.ev.values())

    def drop_outside(self, lo, hi, staff):
        """Remove events outside the period or outside a person's employment."""
        for k, lst in self.ev.items():
            self.ev[k] = [e for e in lst if lo <= e[0] < hi and staff[e[1]].start <= e[0]
                          and (staff[e[1]].end is None or e[0] < staff[e[1]].end)]

    def number(self):
        """Sort each system's events by time and give them that system's identifiers."""
        self.ids = {}
        for system, lst in self.ev.items():
            lst.sort(key=lambda e: (e[0], e[1]))
            if system == "rms":
                ids = ["RMS%010d" % (4400000 + i * 3) for i in range(len(lst))]
            elif system == "pnc":
                ids = ["PNC-T%08X" % (0x2A00000 + i * 7) for i in range(len(lst))]
            elif system == "pnd":
                ids = ["pnd-%09d" % (910000000 + i) for i in range(len(lst))]
            elif system == "command_control":
                ids = [70000000 + i for i in range(len(lst))]         # written as JSON numbers
            elif system == "intelligence":
                ids = ["INTEL-AUD-%07d" % (i + 1) for i in range(len(lst))]
            else:
                ids = ["CUSTAUD%08d" % (i + 501) for i in range(len(lst))]
            self.ids[system] = ids
