"""Reference-file exports (with their injected faults), truth.csv and the faults list."""
import csv
import datetime
import io

from .core import DAY, T0, UTC, R, ST, fz, flocal
from .world import MARKERS, MK


def date_any(t):
    return datetime.datetime.fromtimestamp(t, UTC).date().isoformat()


class RefWriter:
    """A CSV export that knows the physical line each row starts on, and can take raw (broken) rows."""

    def __init__(self, path, header, crlf=False, bom=False):
        self.f = open(path, "wb")
        self.term = "\r\n" if crlf else "\n"
        self.sio = io.StringIO()
        self.w = csv.writer(self.sio, lineterminator=self.term)
        if bom:
            self.f.write("\ufeff".encode("utf-8"))
        self.line = 0
        self.row(header)

    def row(self, r):
        self.sio.seek(0)
        self.sio.truncate()
        self.w.writerow(r)
        txt = self.sio.getvalue()
        self.line += 1
        start = self.line
        self.line += txt.count("\n") - 1
        self.f.write(txt.encode("utf-8"))
        return start

    def raw(self, b):
        self.line += 1
        start = self.line
        self.f.write(b + self.term.encode())
        return start

    def close(self):
        self.f.close()


def mk_str(m):
    return ";".join(x for x in MARKERS if m & MK[x])


def write_reference(out, seed, staff, leavers, w, faults):
    rng = R(seed, "export-faults")
    days = w.days

    def at_random(n):
        return rng.randint(max(1, n // 5), max(2, n - 2))

    # ---------------- staff.csv (HR export: CRLF)
    rows = []
    for s in staff + leavers:
        rows.append([s.sid, s.collar, s.name, s.role, s.team, ST[s.st][1], date_any(s.start),
                     date_any(s.end) if s.end else "", s.home,
                     ";".join({"W": "FW-RMS", "E": "HB-RMS"}[c] for c in getattr(s, "accts", "") or "")])
    rows.sort(key=lambda r: r[0])
    fw = RefWriter(out + "/staff.csv", ["staff_id", "collar_number", "display_name", "role", "team", "station",
                                         "start_date", "end_date", "home_postcode", "rms_accounts"], crlf=True)
    dup_at = at_random(len(rows))
    dup_src = rows[rng.randint(0, dup_at // 2)]
    for j, r in enumerate(rows):
        fw.row(r)
        if j == dup_at:
            d = list(dup_src)
            d[7] = date_any(T0 - 400 * DAY)
            ln = fw.row(d)
            faults.append(("staff.csv", ln, "staff_id", "duplicate_id",
                           "%s exported twice (old leaver record from the legacy HR system)" % d[0]))
    fw.close()

    # ---------------- persons.csv (both RMSs merged; orphan legacy rows carry the faults)
    fw = RefWriter(out + "/persons.csv", ["person_id", "family_name", "given_name", "sex", "birth_year", "postcode",
                                           "markers", "source_system"])
    n = len(w.pid)
    bad = sorted([(at_random(n), "by"), (at_random(n), "sex"), (at_random(n), "utf8")])
    bi = 0
    for p in range(n):
        fw.row([w.pid[p], w.pfam[p], w.pgiv[p], w.psex[p], w.pby[p] or "", w.ppc[p], mk_str(w.pmk[p]),
                "FW-RMS" if w.psys[p] == 0 else "HB-RMS"])
        while bi < len(bad) and bad[bi][0] == p:
            kind = bad[bi][1]
            bi += 1
            pid = "HBN-9%05d" % rng.randint(0, 99999)
            if kind == "by":
                ln = fw.row([pid, "Marlholt", "Graham", "male", "n/k", "QH3 2TD", "", "HB-RMS"])
                faults.append(("persons.csv", ln, "birth_year", "invalid_number", "birth_year 'n/k' from the legacy east system"))
            elif kind == "sex":
                ln = fw.row([pid, "Crudworth", "Leanne", "F", "1988", "QH5 7LA", "", "HB-RMS"])
                faults.append(("persons.csv", ln, "sex", "unknown_value", "sex 'F' (legacy code)"))
            else:
                ln = fw.raw(("%s,Hobstead,Zo" % pid).encode() + b"\xeb" + b",female,1994,QH1 4PX,,HB-RMS")
                faults.append(("persons.csv", ln, "", "malformed_row", "Windows-1252 byte in a name (not UTF-8)"))
    fw.close()

    # ---------------- occurrences.csv (west rows in UTC, east rows in local time with offset)
    fw = RefWriter(out + "/occurrences.csv", ["occurrence_id", "category", "opened_at", "closed_at", "station",
                                               "source_system", "ref"])
    n = len(w.oid)
    bad = sorted([(at_random(n), "period"), (at_random(n), "cat")])
    bi = 0
    for o in range(n):
        fmt = fz if w.osys[o] == 0 else flocal
        cl = w.oclose[o]
        fw.row([w.oid[o], w.ocat[o], fmt(w.oopen[o]), fmt(cl) if cl is not None else "", ST[w.ost[o]][1],
                "FW-RMS" if w.osys[o] == 0 else "HB-RMS", "%s/%d" % (w.ost[o], o)])
        while bi < len(bad) and bad[bi][0] == o:
            kind = bad[bi][1]
            bi += 1
            t = w.oopen[o]
            if kind == "period":
                ln = fw.row(["HBO/25/%06d" % (900000 + o % 1000), "burglary", flocal(t), flocal(t - 3 * DAY),
                             "Coldwick", "HB-RMS", "migrated"])
                faults.append(("occurrences.csv", ln, "closed_at", "invalid_period", "closed three days before it opened"))
            else:
                ln = fw.row(["FW25-%06d" % (990000 + o % 1000), "hate_crime", fz(t), "", "Fenwold Central", "FW-RMS", "x"])
                faults.append(("occurrences.csv", ln, "category", "unknown_value", "category 'hate_crime' not in the vocabulary"))
    fw.close()

    # ---------------- rosters.csv (duty management export, local times)
    fw = RefWriter(out + "/rosters.csv", ["staff_id", "start", "end", "kind", "source"])
    allr = []
    for s in staff:
        for a, b, kind in s.roster:
            allr.append((s.sid, a, b, kind))
    n = len(allr)
    pidx, kidx = at_random(n), at_random(n)
    period_done = False
    for j, (sid, a, b, kind) in enumerate(allr):
        if j >= pidx and not period_done and b - a < DAY:
            ln = fw.row([sid, flocal(a), flocal(b - DAY), kind, "DMS"])
            faults.append(("rosters.csv", ln, "end", "invalid_period", "shift end written with the previous day's date"))
            period_done = True
        else:
            fw.row([sid, flocal(a), flocal(b), kind, "DMS"])
        if j == kidx:
            ln = fw.row([sid, flocal(b + DAY), flocal(b + 2 * DAY), "annual_leave", "DMS"])
            faults.append(("rosters.csv", ln, "kind", "unknown_value", "kind 'annual_leave'"))
    fw.close()

    # ---------------- person_links.csv
    fw = RefWriter(out + "/person_links.csv", ["person_id", "linked_person_id", "relation"])
    n = len(w.links)
    k0 = at_random(n)
    for j, (a, b, rel) in enumerate(w.links):
        fw.row([w.pid[a], w.pid[b], rel])
        if j == k0:
            ln = fw.row([w.pid[a], "FWP0000417", "family"])
            faults.append(("person_links.csv", ln, "linked_person_id", "unknown_reference", "linked person weeded from the RMS"))
    fw.close()

    # ---------------- occurrence_persons.csv
    fw = RefWriter(out + "/occurrence_persons.csv", ["occurrence_id", "person_id", "role"])
    n = len(w.oid)
    k0 = at_random(n)
    for o in range(n):
        for p, role in w.o_persons[o]:
            fw.row([w.oid[o], w.pid[p], role])
        if o == k0 and w.o_persons[o]:
            ln = fw.row([w.oid[o], w.pid[w.o_persons[o][0][0]], "complainant"])
            faults.append(("occurrence_persons.csv", ln, "role", "unknown_value", "role 'complainant' (east system term)"))
    fw.close()

    # ---------------- assignments.csv
    fw = RefWriter(out + "/assignments.csv", ["occurrence_id", "staff_id", "role", "start", "end"])
    n = len(w.a_o)
    k0 = at_random(n)
    for a in range(n):
        e = w.a_end[a]
        fw.row([w.oid[w.a_o[a]], staff[w.a_s[a]].sid, w.a_role[a], fz(w.a_start[a]), fz(e) if e is not None else ""])
        if a == k0:
            ln = fw.row(["HBO/24/999%03d" % rng.randint(0, 999), staff[w.a_s[a]].sid, "investigator", fz(w.a_start[a]), ""])
            faults.append(("assignments.csv", ln, "occurrence_id", "unknown_reference", "occurrence not in this export (east archive)"))
    fw.close()

    # ---------------- declared_associations.csv
    fw = RefWriter(out + "/declared_associations.csv", ["staff_id", "person_id", "relation", "declared_on"])
    n = len(w.declared)
    k0 = at_random(n)
    for j, (s, p, rel, t) in enumerate(sorted(w.declared, key=lambda x: (staff[x[0]].sid, x[1]))):
        fw.row([staff[s].sid, w.pid[p], rel, date_any(t)])
        if j == k0:
            d = date_any(t - 700 * DAY)
            ln = fw.row([staff[s].sid, w.pid[p], "family", "%s/%s/%s" % (d[8:10], d[5:7], d[0:4])])
            faults.append(("declared_associations.csv", ln, "declared_on", "invalid_time", "date written DD/MM/YYYY"))
    fw.close()


def write_truth(out, truth):
    with open(out + "/truth.csv", "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["staff_id", "scenario", "first_event_id", "first_at", "kind"])
        for tr in sorted(truth, key=lambda x: x["staff"].sid):
            if tr["first"] is None:
                continue
            wr.writerow([tr["staff"].sid, tr["scenario"], tr["first"][1], fz(tr["first"][0]), tr["kind"]])


def write_faults(path, faults):
    with open(path, "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["file", "line", "field", "expected", "detail"])
        for r in sorted(faults, key=lambda r: (r[0], r[1])):
            wr.writerow(r)
