"""Export faults injected into the bundle, listed in a manifest kept next to it (never inside)."""
import json


class Fault:
    def __init__(self, text, field, expected, detail):
        self.text, self.field, self.expected, self.detail = text, field, expected, detail

    def __str__(self):
        return self.text


def _pick(rng, numbered, system, avoid):
    evs = numbered[system]
    for _ in range(1000):
        i = rng.randrange(len(evs) // 5, 4 * len(evs) // 5)
        if evs[i][1][1] not in avoid:
            return i
    return len(evs) // 2


def inject(rng, files, numbered, avoid, referenced):
    """Mutates files' line lists; returns manifest rows (file, line, field, expected, detail)."""
    edits = []   # (file, index into lines, "replace"/"after", Fault)

    def csv_edit(fname, system, col, value, expected, detail):
        i = _pick(rng, numbered, system, avoid) + 1
        parts = files[fname].lines[i].split(",")
        field = files[fname].lines[0].split(",")[col]
        parts[col] = value
        edits.append((fname, i, "replace", Fault(",".join(parts), field, expected, detail)))

    csv_edit("audit_rms.csv", "rms", 1, "2025-10-26T01:30:00", "invalid_time", "local time with no offset "
             "(ambiguous hour at the clock change)")
    csv_edit("audit_rms.csv", "rms", 3, "niche", "unknown_value", "system exported as product name")
    i = _pick(rng, numbered, "rms", avoid) + 1
    parts = files["audit_rms.csv"].lines[i].split(",")
    parts[9] = "stop check, male"
    edits.append(("audit_rms.csv", i, "replace", Fault(",".join(parts), "reason", "malformed_row",
                                                       "unquoted comma in typed reason (one field too many)")))
    i = _pick(rng, numbered, "command_control", avoid) + 1
    parts = files["audit_storm.csv"].lines[i].split(",")
    parts[3] = '"%s"x' % parts[3]
    edits.append(("audit_storm.csv", i, "replace", Fault(",".join(parts), "workstation", "malformed_row",
                                                         "text after closing quote")))
    csv_edit("audit_storm.csv", "command_control", 0, "2025-11-31T10:04:00Z", "invalid_time", "31 November")
    csv_edit("audit_custody.csv", "custody", 4, "browse", "unknown_value", "action outside vocabulary")
    csv_edit("audit_pnd.csv", "pnd", 2, "W99998", "unknown_reference", "staff id of an account not in staff.csv")
    # JSON Lines faults
    for fname, system, key, val, expected, detail in (
            ("audit_pnc.jsonl", "pnc", "entity_type", "driver", "unknown_value", "entity type outside vocabulary"),
            ("audit_intel.jsonl", "intelligence", "staff_id", "", "missing_value", "empty staff id")):
        i = _pick(rng, numbered, system, avoid)
        d = json.loads(files[fname].lines[i])
        d[key] = val
        edits.append((fname, i, "replace", Fault(json.dumps(d, separators=(",", ":")), key, expected, detail)))
    i = _pick(rng, numbered, "pnc", avoid)
    line = files["audit_pnc.jsonl"].lines[i]
    edits.append(("audit_pnc.jsonl", i, "replace", Fault(line[: len(line) // 2], "", "malformed_row",
                                                         "line truncated mid-object")))
    for _ in range(5):
        i = _pick(rng, numbered, "pnc", avoid)
        edits.append(("audit_pnc.jsonl", i, "after", Fault(files["audit_pnc.jsonl"].lines[i], "", "duplicate",
                                                           "event re-delivered in the same file")))
    # reference files
    occ = files["occurrences.csv"]
    i = rng.randrange(len(occ.lines) // 3, 2 * len(occ.lines) // 3)
    edits.append(("occurrences.csv", i + 5, "after", Fault(occ.lines[i], "occurrence_id", "duplicate_id",
                                                           "occurrence re-exported later in the file")))
    asg = files["assignments.csv"]
    i = rng.randrange(1, len(asg.lines))
    parts = asg.lines[i].split(",")
    parts[0] = "INC/25/9999990"
    edits.append(("assignments.csv", i, "after", Fault(",".join(parts), "occurrence_id", "unknown_reference",
                                                       "assignment to an occurrence never exported")))
    ros = files["rosters.csv"]
    i = rng.randrange(1, len(ros.lines))
    sid, a, b, k = ros.lines[i].split(",")
    edits.append(("rosters.csv", i, "after", Fault(",".join([sid, b, a, "overtime"]), "end", "invalid_period",
                                                   "start and end swapped")))
    per = files["persons.csv"]
    for _ in range(1000):
        i = rng.randrange(1, len(per.lines))
        parts = per.lines[i].split(",")
        if parts[0] not in referenced:
            parts[6] = (parts[6] + ";" if parts[6] else "") + "homeless"
            edits.append(("persons.csv", i, "replace", Fault(",".join(parts), "markers", "unknown_value",
                                                             "marker outside vocabulary")))
            break
    # re-delivered export: a second file repeating a slice of the RMS export verbatim
    rms = files["audit_rms.csv"]
    start = rng.randrange(len(rms.lines) // 2, len(rms.lines) - 60)
    from .writer import File
    red = File("audit_rms_redelivered.csv", None, "\r\n")
    red.lines = [rms.lines[0]]
    files[red.name] = red
    rep = [j for j in range(start, start + 40) if numbered["rms"][j - 1][1][1] not in avoid]
    for j in rep:
        red.lines.append(Fault(rms.lines[j], "", "duplicate", "re-delivered copy of audit_rms.csv line %d" % (j + 1)))

    for fname, i, mode, fault in sorted(edits, key=lambda e: (e[0], -e[1])):
        lines = files[fname].lines
        if mode == "replace":
            lines[i] = fault
        else:
            lines.insert(i + 1, fault)
    manifest = []
    for fname in sorted(files):
        for n, line in enumerate(files[fname].lines, start=1):
            if isinstance(line, Fault):
                manifest.append((fname, n, line.field, line.expected,
                                 line.detail))
    return manifest
