"""Export faults of the kinds the bundle contract quarantines, injected on purpose and listed in DIR.faults.csv."""
import re
from .util import rng, fmt_local_naive, fmt_z
from .ids import pid, oid

# kind: (file family, field, reason, needs entity types or None, what happened)
AUDIT = {
    "no_offset": ("rms", "at", "invalid_time", None, "RMS export wrote a local time without its offset"),
    "purged_person": ("rms", "entity_id", "unknown_reference", ("person",),
                      "nominal purged under MoPI review after the look-up; not in the persons export"),
    "short_row": ("rms", "", "malformed_row", None, "row cut short (last column lost)"),
    "unknown_staff": ("pnc", "staff_id", "unknown_reference", None,
                      "account of a new starter not yet in the HR extract"),
    "latin1": ("pnc", "", "malformed_row", None, "reason typed on a legacy terminal, written as Latin-1"),
    "bad_time": ("pnc", "at", "invalid_time", None, "timestamp truncated by the export"),
    "truncated": ("beacon", "", "malformed_row", None, "JSON line cut off when the phone lost signal mid-sync"),
    "nested": ("beacon", "", "malformed_row", None, "app version writing workstation as an object"),
    "restricted_occ": ("beacon", "entity_id", "unknown_reference", ("occurrence",),
                       "occurrence restricted by professional standards, withheld from the export"),
    "fire_staff": ("cad", "staff_id", "unknown_reference", None,
                   "fire control operator in the shared control room, not police staff"),
    "bad_field": ("cad", "fields", "unknown_value", None, "CAD-specific field name 'incident_log'"),
    "no_ws": ("custody", "workstation", "missing_value", None, "terminal name not captured"),
    "no_entity": ("custody", "entity_id", "missing_value", ("custody_image", "person"),
                  "image deleted after release, identifier blanked"),
    "bad_action": ("intel", "action", "unknown_value", None, "intelligence action 'link' outside the vocabulary"),
    "bad_etype": ("intel", "entity_type", "unknown_value", ("person",), "'nominal' used for a person"),
    "bad_date": ("pnd", "at", "invalid_time", None, "impossible date from the national extract"),
    "no_staff": ("pnd", "staff_id", "missing_value", None, "national user with no local staff id"),
}
REF = {
    "dup_staff": ("staff.csv", "staff_id", "duplicate_id", "re-hired member of staff exported twice"),
    "hist_role": ("staff.csv", "role", "unknown_value", "historic leaver with a rank-style role"),
    "by_zero": ("persons.csv", "birth_year", "invalid_number", "legacy default birth year 0000"),
    "sex_code": ("persons.csv", "sex", "unknown_value", "legacy sex code 'F'"),
    "dup_person": ("persons.csv", "person_id", "duplicate_id", "nominal exported twice during a merge"),
    "no_family": ("persons.csv", "family_name", "missing_value", "nominal recorded with given name only"),
    "bad_marker": ("persons.csv", "markers", "unknown_value", "local warning marker 'high_risk' exported"),
    "occ_period": ("occurrences.csv", "closed_at", "invalid_period", "duplicate log closed before it was opened"),
    "occ_nostation": ("occurrences.csv", "station", "missing_value", "duplicate log with no station"),
    "occ_cat": ("occurrences.csv", "category", "unknown_value", "legacy category 'Domestic Incident'"),
    "occ_naive": ("occurrences.csv", "opened_at", "invalid_time", "opening time without offset"),
    "night_roll": ("rosters.csv", "end", "invalid_period", "night shift whose end date was not rolled over"),
    "leave_kind": ("rosters.csv", "kind", "unknown_value", "annual leave exported as a shift"),
    "asg_period": ("assignments.csv", "end", "invalid_period", "end typed with the wrong date"),
    "asg_role": ("assignments.csv", "role", "unknown_value", "assignment role 'observer'"),
    "op_role": ("occurrence_persons.csv", "role", "unknown_value", "person role 'informant'"),
    "link_rel": ("person_links.csv", "relation", "unknown_value", "relation 'carer'"),
    "link_ref": ("person_links.csv", "linked_person_id", "unknown_reference", "link to a person not exported"),
    "decl_date": ("declared_associations.csv", "declared_on", "invalid_time", "date typed as DD/MM/YYYY"),
}


class Fault:
    __slots__ = ("kind", "route", "field", "reason", "need", "detail", "day", "done")

    def fits(self, e):
        return self.need is None or e[4] in self.need


class Faults:
    def __init__(self, seed, days):
        r = rng(seed, "faults")
        self.r = r
        self.rows = []
        self.pending = {}
        kinds = list(AUDIT)
        r.shuffle(kinds)
        n_audit = r.randrange(11, 15)
        chosen = kinds[:n_audit]
        if r.random() < 0.5:
            chosen.append(r.choice(chosen))
        for k in chosen:
            route, field, reason, need, detail = AUDIT[k]
            f = Fault()
            f.kind, f.route, f.field, f.reason, f.need, f.detail = k, route, field, reason, need, detail
            f.day = r.randrange(1, max(2, days - 3))
            f.done = False
            self.pending.setdefault(route, []).append(f)
        rk = list(REF)
        r.shuffle(rk)
        self.ref = rk[:r.randrange(8, 12)]
        self.ref.sort(key=lambda k: list(REF).index(k))
        self.counter = 0

    # ---- audit -----------------------------------------------------------------------------------------------
    def audit_plan(self, route, d):
        return [f for f in self.pending.get(route, ()) if f.day <= d and not f.done]

    def done(self, route):
        lst = self.pending.get(route)
        if lst:
            self.pending[route] = [f for f in lst if not f.done]

    def record(self, f, fname, line, detail=None):
        f.done = True
        self.rows.append((fname, line, f.field, f.reason, detail or f.detail))

    def _bad(self, f, v, ts):
        self.counter += 1
        k = f.kind
        if k == "no_offset":
            return fmt_local_naive(ts)
        if k == "bad_time":
            return fmt_z(ts)[:15]
        if k == "bad_date":
            return fmt_z(ts)[:5] + "02-30" + fmt_z(ts)[10:]
        if k == "purged_person":
            return pid(8000000 + self.counter * 7919 % 900000)
        if k == "restricted_occ":
            return oid(9000000 + self.counter * 104729 % 900000)
        if k == "unknown_staff":
            return f"E9{self.r.randrange(10000, 99999)}"
        if k == "fire_staff":
            return f"FC{self.r.randrange(1000, 9999)}"
        if k in ("no_staff", "no_ws", "no_entity"):
            return ""
        if k == "bad_field":
            return v + ";incident_log"
        if k == "bad_action":
            return "link"
        if k == "bad_etype":
            return "nominal"
        return v

    def apply_csv(self, f, cols, idx, ts, quote_all=False):
        cols = list(cols)
        k = f.kind
        if k == "short_row":
            cols = cols[:-1]
        elif k == "latin1":
            cols[idx["reason"]] = "v\udce9rif. incident"
        else:
            fld = f.field
            cols[idx[fld]] = self._bad(f, cols[idx[fld]], ts)
        if quote_all:
            return ",".join('"' + c.replace('"', '""') + '"' for c in cols)
        return ",".join(cols)

    def apply_json(self, f, row, ts):
        k = f.kind
        if k == "truncated":
            return row[: len(row) // 2 + 3]
        if k == "nested":
            return re.sub(r'"workstation":"([^"]*)"', r'"workstation":{"id":"\1","pool":false}', row, count=1)
        fld = f.field
        m = re.search(r'"%s":"([^"]*)"' % fld, row)
        new = self._bad(f, m.group(1), ts)
        return row[:m.start(1)] + new + row[m.end(1):]

    def unapplied(self):
        return [f.kind for lst in self.pending.values() for f in lst if not f.done]

    # ---- reference files -----------------------------------------------------------------------------------
    def has(self, kind):
        return kind in self.ref

    def ref_record(self, kind, line):
        fname, field, reason, detail = REF[kind]
        self.rows.append((fname, line, field, reason, detail))

    def write(self, path):
        order = ["staff.csv", "persons.csv", "occurrences.csv", "rosters.csv", "person_links.csv",
                 "occurrence_persons.csv", "assignments.csv", "declared_associations.csv"]
        rows = sorted(self.rows, key=lambda x: (order.index(x[0]) if x[0] in order else 100, x[0], x[1]))
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("file,line,field,expected,detail\n")
            for fn, line, field, reason, detail in rows:
                f.write(f"{fn},{line},{field},{reason},{_q(detail)}\n")
        return len(rows)


def _q(s):
    if "," in s or '"' in s:
        return '"' + s.replace('"', '""') + '"'
    return s
