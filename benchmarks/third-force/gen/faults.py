"""Export faults Custodes must quarantine, and verbatim re-delivered audit rows it must count as duplicates."""
import csv
import io
import json
from . import clock
from .csvtext import line
from .rng import stream


class Fault:
    __slots__ = ("text", "field", "expected", "detail")

    def __init__(self, text, field, expected, detail):
        self.text, self.field, self.expected, self.detail = text, field, expected, detail


def _split(text):
    return next(csv.reader(io.StringIO(text)))


def _insert(rng, rows, fault, lo=1):
    rows.insert(rng.randint(min(lo, len(rows)), len(rows)), fault)


def inject(env, ref, audit):
    """Add fault rows to the reference and audit file tables in place (see reference.files, Exporter.files)."""
    rng = stream(env.seed, "faults")
    P, O, staff = env.P, env.O, env.staff
    cast = env.cast_staff
    plain = [s for s in staff if s.idx not in cast and s.end is None and s.start < clock.START]
    people = [p for p in range(len(P.pid)) if p not in env.cast_people]
    cast_occ = env.cast_occs
    occs = [o for o in range(len(O.cat)) if o not in cast_occ and O.cat[o] != "custody"]

    # staff.csv: the HR export repeats a person under a second name (first row is kept)
    hdr, rows = ref["staff.csv"]
    s = rng.choice(plain)
    pos = next(k for k, r in enumerate(rows) if r.startswith(s.sid + ","))
    rows.insert(rng.randint(pos + 1, len(rows)), Fault(
        line([s.sid, s.collar, "Temp " + s.name, s.role, s.team, s.station, clock.date_str(s.start), "", "", "hr resync"]),
        "staff_id", "duplicate_id", "HR re-sync repeated %s" % s.sid))
    # persons.csv: a mistyped birth year and a marker outside the vocabulary
    hdr, rows = ref["persons.csv"]
    _insert(rng, rows, Fault("HP0%06d,Garside,Tia,female,19O4,QH5 2XT," % rng.randint(0, 999999), "birth_year",
                             "invalid_number", "letter O typed for a zero"))
    _insert(rng, rows, Fault("HP0%06d,Lomax,Jordan,male,1991,QH8 4BD,substance_misuse;gang_member" % rng.randint(0, 999999),
                             "markers", "unknown_value", "local marker not in the national vocabulary"))
    # occurrences.csv: a local category and an impossible date
    hdr, rows = ref["occurrences.csv"]
    t = clock.START + rng.randint(3, env.days - 3) * clock.DAY
    _insert(rng, rows, Fault("OC25-9%05d,burglary_dwelling,%s,,Ropewalk" % (rng.randint(0, 99999), clock.iso_local(t)), "category",
                             "unknown_value", "legacy sub-category"))
    _insert(rng, rows, Fault("OC25-9%05d,theft,2025-09-31T10:12:00+01:00,,Eastmarsh" % rng.randint(0, 99999), "opened_at",
                             "invalid_time", "31 September"))
    # rosters.csv: the duty system dropped the offset on one row
    hdr, rows = ref["rosters.csv"]
    s = rng.choice(plain)
    a = clock.local(rng.randint(2, env.days - 2), 7)
    _insert(rng, rows, Fault("%s,%s,%s,duty" % (s.sid, clock.iso_local(a)[:19], clock.iso_local(a + 12 * 3600)),
                             "start", "invalid_time", "time without an offset"))
    # person_links.csv: a relation outside the vocabulary
    hdr, rows = ref["person_links.csv"]
    a, b = rng.sample(people, 2)
    _insert(rng, rows, Fault("%s,%s,cousin" % (P.pid[a], P.pid[b]), "relation", "unknown_value", "cousin is not a relation"))
    # occurrence_persons.csv: a person record merged away before the export
    hdr, rows = ref["occurrence_persons.csv"]
    o = rng.choice(occs)
    _insert(rng, rows, Fault("%s,HP0999%03d,witness" % (O.oid[o], rng.randint(0, 999)), "person_id", "unknown_reference",
                             "person merged away"))
    # assignments.csv: an end before its start
    hdr, rows = ref["assignments.csv"]
    o, s = rng.choice(occs), rng.choice(plain)
    st = O.opened[o] + 7200
    _insert(rng, rows, Fault("%s,%s,attending,%s,%s" % (O.oid[o], s.sid, clock.iso_z(st), clock.iso_z(st - 5400)), "end",
                             "invalid_period", "end typed a day wrong"))
    # declared_associations.csv: no date
    hdr, rows = ref["declared_associations.csv"]
    s, p = rng.choice(plain), rng.choice(people)
    _insert(rng, rows, Fault("%s,%s,friend," % (s.sid, P.pid[p]), "declared_on", "missing_value", "declaration date left blank"))

    # ---- audit faults: extra rows, copied from real rows of people outside the cast and then broken
    def pick(fname, system):
        rows = audit[fname][1]
        for _ in range(1000):
            r = rows[rng.randrange(len(rows))]
            if not isinstance(r, Fault) and env.log.ev[system][r[2]][1] not in cast:
                return r[0]
        raise RuntimeError("no plain row in " + fname)

    months = sorted(f for f in audit if f.startswith("audit_rms_"))
    fm = months[len(months) // 2]
    hdr = audit[fm][0].split(",")
    v = _split(pick(fm, "rms"))
    v[hdr.index("event_id")] = "RMS99%08d" % rng.randint(0, 99999999)
    _insert(rng, audit[fm][1], Fault(line(v) + ",Occurrence", "", "malformed_row", "an extra trailing field"))

    hdr = audit["audit_pnc.csv"][0].split(",")
    v = _split(pick("audit_pnc.csv", "pnc"))
    v[hdr.index("event_id")] = "PNC-TF%07X" % rng.randint(0, 0xFFFFFFF)
    v[hdr.index("action")] = "amend"
    _insert(rng, audit["audit_pnc.csv"][1], Fault(line(v), "action", "unknown_value", "PNC amend transaction"))

    obj = json.loads(pick("audit_storm.jsonl", "command_control"))
    obj["event_id"] = 79000000 + rng.randint(0, 99999)
    txt = json.dumps(obj, separators=(",", ":"))
    _insert(rng, audit["audit_storm.jsonl"][1], Fault(txt[: len(txt) // 2], "", "malformed_row", "line cut short"))

    obj = json.loads(pick("audit_pnd.jsonl", "pnd"))
    obj["event_id"] = "pnd-99%07d" % rng.randint(0, 9999999)
    obj["staff_id"] = None
    _insert(rng, audit["audit_pnd.jsonl"][1], Fault(json.dumps(obj, separators=(",", ":")), "staff_id", "missing_value",
                                                    "user not captured"))

    hdr = audit["audit_intel.csv"][0].split(",")
    v = _split(pick("audit_intel.csv", "intelligence"))
    v[hdr.index("event_id")] = "INTEL-AUD-9%06d" % rng.randint(0, 999999)
    v[hdr.index("staff_id")] = "E%05d" % (90000 + rng.randint(0, 9999))
    _insert(rng, audit["audit_intel.csv"][1], Fault(line(v), "staff_id", "unknown_reference", "contractor account not in staff.csv"))

    hdr = audit["audit_custody.csv"][0].split(",")
    v = _split(pick("audit_custody.csv", "custody"))
    v[hdr.index("event_id")] = "CUSTAUD99%06d" % rng.randint(0, 999999)
    v[hdr.index("at")] = v[hdr.index("at")][:19].replace("T", " ")
    _insert(rng, audit["audit_custody.csv"][1], Fault(line(v), "at", "invalid_time", "local time with no offset"))

    # ---- duplicates: a re-delivered RMS extract, a re-sent PNC batch, repeated STORM lines
    red = []
    for _ in range(18):
        f = rng.choice(months)
        red.append(Fault(pick(f, "rms"), "event_id", "duplicate", "re-delivered from " + f))
    audit["audit_rms_redelivery.csv"] = [audit[months[0]][0], red, False, False]
    rows = audit["audit_pnc.csv"][1]
    k = rng.randint(len(rows) // 3, len(rows) // 2)
    batch = [r for r in rows[k:k + 6] if not isinstance(r, Fault) and env.log.ev["pnc"][r[2]][1] not in cast]
    pos = k + 6 + rng.randint(50, 400)
    for j, r in enumerate(batch):
        rows.insert(pos + j, Fault(r[0], "event_id", "duplicate", "PNC batch re-sent"))
    rows = audit["audit_storm.jsonl"][1]
    for _ in range(5):
        txt = pick("audit_storm.jsonl", "command_control")
        rows.append(Fault(txt, "event_id", "duplicate", "STORM export repeated at end of file"))
