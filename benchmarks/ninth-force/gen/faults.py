"""Export faults of the kinds a real first export carries, placed only on rows nothing else depends on."""
import json

from . import clock


class Raw(str):
    """A row written exactly as given (a broken line)."""


class Faults:
    def __init__(self, rng, w, ref, aud, cast):
        self.r, self.w, self.ref, self.aud = rng, w, ref, aud
        self.cast_sids = [w.staff[i].sid for i in cast]
        self.done = []     # (table, row object, field, reason, detail)
        self.used = []

    # -------------------------------------------------------------- helpers
    def _free_row(self, t, staff_col=None, tries=400, pred=None):
        r = self.r
        for _ in range(tries):
            k = r.randrange(len(t.rows))
            row = t.rows[k]
            if t.tags[k] or isinstance(row, str) or id(row) in self.used:
                continue
            if staff_col is not None:
                sid = row[staff_col] if isinstance(row, list) else row["staff_id"]
                if sid in self.cast_sids:
                    continue
            if pred and not pred(row):
                continue
            self.used.append(id(row))
            return k, row
        return None, None

    def _insert(self, t, row, near=None):
        k = self.r.randrange(len(t.rows) + 1) if near is None else near
        t.rows.insert(k, row)
        t.tags.insert(k, "fault")
        self.used.append(id(row))
        return row

    def _note(self, t, row, field, reason, detail):
        self.done.append((t, row, field, reason, detail))

    def _unreferenced(self):
        w = self.w
        ev_people = set(e[5] for e in w.ev if e[4] in ("person", "custody_image"))
        declared = set(pi for rows in w.pop.known.values() for pi, _, d, _ in rows)
        return [p for p in w.pop.people if not p.occs and not p.links and p.pid not in ev_people and p.i not in declared and p.kind == "resident"]

    # -------------------------------------------------------------- the faults
    def staff_duplicate(self):
        t = self.ref["staff"]
        k, row = self._free_row(t, 0)
        if row is None:
            return
        self.used.remove(id(row))
        dup = list(row)
        dup[4] = dup[4] + " (moved)"
        self._insert(t, dup, near=self.r.randint(k + 1, len(t.rows)))
        self._note(t, dup, "staff_id", "duplicate_id", "staff row re-exported after a team move")

    def staff_bad_end(self):
        t = self.ref["staff"]
        w = self.w
        busy = set(si for o in w.occs for si, _, _, _ in o.assigns) | set(w.pop.known) | set(e[2] for e in w.ev)
        lone = [s.sid for s in w.staff if s.end and s.end < w.start and s.i not in busy and not s.shifts]
        for k, row in enumerate(t.rows):
            if row[0] in lone and id(row) not in self.used:
                self.used.append(id(row))
                row[7] = row[7][:8] + "31" if row[7][5:7] in ("02", "04", "06", "09", "11") else row[7][:5] + "13" + row[7][7:]
                self._note(t, row, "end_date", "invalid_time", "leaving date typed as an impossible date")
                return

    def person_duplicate(self):
        t = self.ref["persons"]
        k, row = self._free_row(t)
        if row is None:
            return
        self.used.remove(id(row))
        dup = list(row)
        dup[4] = "" if dup[4] else "1990"
        dup[7] = "CUSTODY"
        self._insert(t, dup, near=self.r.randint(k + 1, len(t.rows)))
        self._note(t, dup, "person_id", "duplicate_id", "person exported again from the custody feed")

    def person_bad_code(self):
        self._person_edit(3, lambda v: {"male": "M", "female": "F"}.get(v, "U"), "sex", "unknown_value", "legacy sex code")

    def person_bad_year(self):
        self._person_edit(4, lambda v: (v[:2] + " " + v[2:]) if v else "0", "birth_year", "invalid_number", "year typed with a space or as 0")

    def _person_edit(self, col, f, field, reason, detail):
        t = self.ref["persons"]
        if not hasattr(self, "_orphans"):
            self._orphans = [p.pid for p in self._unreferenced()]
            self._row_of = {row[0]: row for row in t.rows}
        while self._orphans:
            pid = self._orphans.pop(self.r.randrange(len(self._orphans)))
            row = self._row_of.get(pid)
            if row is not None and id(row) not in self.used and (col != 4 or row[4]):
                self.used.append(id(row))
                row[col] = f(row[col])
                self._note(t, row, field, reason, detail)
                return

    def occurrence_category(self):
        t = self.ref["occurrences"]
        w = self.w
        ts = w.start + self.r.randrange(w.end - w.start)
        row = [self.w.occs[0].oid[:6] + "9%05d" % self.r.randrange(100000), self.r.choice(("sudden_death", "lost_property", "firearms_licensing")),
               clock.iso_local(ts), clock.iso_local(ts + 3600 * self.r.randint(2, 90)), self.r.choice(self.w.geo.hubs()), ""]
        self._insert(t, row)
        self._note(t, row, "category", "unknown_value", "a record type outside the vocabulary")

    def roster_night(self):
        t = self.ref["rosters"]
        k, row = self._free_row(t, 0, pred=lambda r: r[3] == "duty" and r[1][:10] != r[2][:10])
        if row is None:
            return
        row[2] = row[1][:10] + row[2][10:]
        self._note(t, row, "end", "invalid_period", "night shift end written on the start date")

    def roster_leave(self):
        t = self.ref["rosters"]
        k, row = self._free_row(t, 0)
        if row is None:
            return
        self.used.remove(id(row))
        extra = [row[0], row[1][:10] + "T00:00:00" + row[1][19:], row[1][:10] + "T23:59:00" + row[1][19:], "annual_leave", "AL"]
        self._insert(t, extra, near=k + 1)
        self._note(t, extra, "kind", "unknown_value", "leave exported as a roster kind")

    def roster_naive(self):
        t = self.ref["rosters"]
        k, row = self._free_row(t, 0, pred=lambda r: r[3] in ("overtime", "training"))
        if row is None:
            return
        row[1] = row[1][:19]
        self._note(t, row, "start", "invalid_time", "overtime entered without an offset")

    def link_relation(self):
        t = self.ref["links"]
        k, row = self._free_row(t)
        if row is None:
            return
        self.used.remove(id(row))
        extra = [row[0], row[1], self.r.choice(("step_parent", "carer", "grandparent", "foster_carer"))]
        self._insert(t, extra, near=k + 1)
        self._note(t, extra, "relation", "unknown_value", "relation outside the vocabulary")

    def occurrence_person_role(self):
        t = self.ref["occpersons"]
        k, row = self._free_row(t)
        if row is None:
            return
        self.used.remove(id(row))
        extra = [row[0], row[1], self.r.choice(("appropriate_adult", "informant", "aggrieved"))]
        self._insert(t, extra, near=k + 1)
        self._note(t, extra, "role", "unknown_value", "person role outside the vocabulary")

    def assignment_role(self):
        t = self.ref["assignments"]
        k, row = self._free_row(t, 1)
        if row is None:
            return
        self.used.remove(id(row))
        extra = [row[0], row[1], self.r.choice(("loggist", "scribe", "exhibits_officer")), row[3], row[4]]
        self._insert(t, extra, near=k + 1)
        self._note(t, extra, "role", "unknown_value", "assignment role outside the vocabulary")

    def declared_date(self):
        t = self.ref["declared"]
        k, row = self._free_row(t, 0)
        if row is None:
            return
        y, m, d = row[3].split("-")
        row[3] = "%s/%s/%s" % (d, m, y)
        self._note(t, row, "declared_on", "invalid_time", "date typed day first")

    def pnc_comma(self):
        for key in ("audit_pnc_1", "audit_pnc_2"):
            t = self.aud[key]
            k, row = self._free_row(t, 2, pred=lambda r: r[5] == "vehicle")
            if row is None:
                continue
            row[9] = "stop check, %s" % self.r.choice(self.w.geo.hubs())
            raw = Raw(",".join(row))
            t.rows[k] = raw
            self._note(t, raw, "", "malformed_row", "typed reason with a comma, not quoted")
            return

    def pnc_naive(self):
        t = self.aud[self.r.choice(("audit_pnc_1", "audit_pnc_2"))]
        k, row = self._free_row(t, 2, pred=lambda r: r[5] == "vehicle")
        if row is None:
            return
        row[1] = row[1][:19]
        self._note(t, row, "at", "invalid_time", "terminal clock written without offset")

    def rms_no_workstation(self):
        t = self.aud["audit_rms"]
        k, row = self._free_row(t, 2)
        if row is None:
            return
        row[8] = ""
        self._note(t, row, "workstation", "missing_value", "batch session with no device")

    def rms_test_account(self):
        t = self.aud["audit_rms"]
        k, row = self._free_row(t, 2, pred=lambda r: r[5] == "occurrence")
        if row is None:
            return
        row[2] = "KVTEST%02d" % self.r.randint(1, 9)
        row[3] = row[2].lower()
        self._note(t, row, "staff_id", "unknown_reference", "test account not in staff export")

    def storm_truncated(self):
        t = self.aud["audit_storm"]
        k, row = self._free_row(t, 2)
        if row is None:
            return
        text = json.dumps(row, separators=(",", ":"))
        raw = Raw(text[: len(text) * 2 // 3])
        t.rows[k] = raw
        self._note(t, raw, "", "malformed_row", "line cut short by the export job")

    def intel_action(self):
        t = self.aud["audit_intel"]
        k, row = self._free_row(t, 2)
        if row is None:
            return
        row[4] = "download"
        self._note(t, row, "action", "unknown_value", "action outside the vocabulary")

    def custody_entity(self):
        t = self.aud["audit_custody"]
        k, row = self._free_row(t, 1, pred=lambda r: r[5] == "occurrence")
        if row is None:
            return
        row[5] = "property"
        self._note(t, row, "entity_type", "unknown_value", "custody property record")

    ALL = ["staff_duplicate", "staff_bad_end", "person_duplicate", "person_bad_code", "person_bad_year", "occurrence_category",
           "roster_night", "roster_leave", "roster_naive", "link_relation", "occurrence_person_role", "assignment_role",
           "declared_date", "pnc_comma", "pnc_naive", "rms_no_workstation", "rms_test_account", "storm_truncated",
           "intel_action", "custody_entity"]

    def inject(self):
        n = self.r.randint(14, 26)
        kinds = list(self.ALL)
        self.r.shuffle(kinds)
        k = 0
        while len(self.done) < n and k < 4 * n:
            getattr(self, kinds[k % len(kinds)])()
            k += 1

    def rows_out(self):
        out = []
        for t, row, field, reason, detail in self.done:
            idx = None
            for k, x in enumerate(t.rows):
                if x is row:
                    idx = k
                    break
            out.append((t.name, t.lines[idx], field, reason, detail))
        out.sort(key=lambda x: (x[0], x[1]))
        return out
