"""Export faults of the kinds the contract quarantines, and verbatim re-delivered audit rows, never on the
cast's events or records; listed with the file and physical line each should be reported at."""
from .rng import stream
from .exports import ATH_A, ATH_B, PNC, PND, CC


def inject(tables, staff, P, O, cast, ev, seed):
    rng = stream(seed, "faults")
    plan = {}        # file -> list of (index, op, text, field, expected, detail); op: insert before / replace

    def add(name, index, op, text, field, expected, detail):
        plan.setdefault(name, []).append((index, op, text, field, expected, detail))

    def free_staff():
        while True:
            s = rng.choice(staff)
            if s.idx not in cast and s.end is None:
                return s

    taken = {}

    def audit_row(name, avoid_quotes=True):
        t = tables[name]
        while True:
            i = rng.randrange(len(t.records) // 10, len(t.records) - 10)
            m = t.meta[i]
            if isinstance(m, int) and ev[m][1] not in cast and (not avoid_quotes or '"' not in t.records[i]) \
                    and i not in taken.get(name, ()):
                taken.setdefault(name, set()).add(i)
                return i

    # staff.csv: a second row for someone already listed (a transfer exported twice)
    st = tables["staff.csv"]
    while True:
        i = rng.randrange(len(st.records))
        if st.meta[i][1] not in cast:
            break
    s = staff[st.meta[i][1]]
    cols = st.records[i].split(",")
    cols[4] = "Transfers" if cols[4] != "Transfers" else "Response A"
    add("staff.csv", i + 1 + rng.randrange(5), "insert", ",".join(cols), "staff_id", "duplicate_id",
        f"second row for {s.sid}")
    # persons.csv
    pr = tables["persons.csv"]
    add("persons.csv", rng.randrange(len(pr.records)), "insert", "PN8000011,Keast,Lowenna,female,19B4,QZ8 2RT,",
        "birth_year", "invalid_number", "birth year 19B4")
    add("persons.csv", rng.randrange(len(pr.records)), "insert",
        "PN8000023,Trenow,Jory,male,1990,QZ6 5PX,substance_misuse;vulnerable", "markers", "unknown_value",
        "marker vulnerable")
    # occurrences.csv: closed before it was opened
    oc = tables["occurrences.csv"]
    add("occurrences.csv", rng.randrange(len(oc.records)), "insert",
        "OC25990001,theft,2025-04-02T10:15:00Z,2025-03-30T09:00:00Z,Fenmouth,LOC-QZ61AB-02", "closed_at",
        "invalid_period", "closed before opened")
    # rosters.csv: a shift exported without its offset
    ro = tables["rosters.csv"]
    while True:
        i = rng.randrange(len(ro.records))
        if ro.meta[i][1] not in cast:
            break
    cols = ro.records[i].split(",")
    cols[1] = cols[1][:19]
    add("rosters.csv", i, "replace", ",".join(cols), "start", "invalid_time", "time without an offset")
    # person_links.csv: a link to someone not on the records
    pl = tables["person_links.csv"]
    a = P.pid[rng.randrange(len(P.pid))]
    add("person_links.csv", rng.randrange(len(pl.records)), "insert", f"{a},PN8999997,associate", "linked_person_id",
        "unknown_reference", "PN8999997 not in persons.csv")
    # occurrence_persons.csv: a role outside the vocabulary
    op = tables["occurrence_persons.csv"]
    i = rng.randrange(len(op.records))
    occ_id = op.records[i].split(",")[0]
    who = P.pid[rng.randrange(len(P.pid))]
    add("occurrence_persons.csv", i, "insert", f"{occ_id},{who},complainant", "role", "unknown_value",
        "role complainant")
    # assignments.csv: an end before the start, and an occurrence that does not exist
    asg = tables["assignments.csv"]
    s1, s2 = free_staff(), free_staff()
    occ_id = O.oid[rng.randrange(len(O.oid))]
    add("assignments.csv", rng.randrange(len(asg.records)), "insert",
        f"{occ_id},{s1.sid},attending,2025-04-12T18:40:00Z,2025-04-12T16:05:00Z", "end", "invalid_period",
        "end before start")
    add("assignments.csv", rng.randrange(len(asg.records)), "insert",
        f"OC25999999,{s2.sid},investigator,2025-04-20T09:00:00Z,", "occurrence_id", "unknown_reference",
        "OC25999999 not in occurrences.csv")
    # declared_associations.csv: a date that does not exist
    da = tables["declared_associations.csv"]
    s3 = free_staff()
    add("declared_associations.csv", rng.randrange(len(da.records) + 1), "insert",
        f"{s3.sid},{P.pid[rng.randrange(len(P.pid))]},friend,2024-02-30", "declared_on", "invalid_time",
        "2024-02-30 is not a date")
    # Athena: a row cut short; a row from an account that is not in staff.csv
    i = audit_row(ATH_A)
    add(ATH_A, i, "replace", ",".join(tables[ATH_A].records[i].split(",")[:7]), "", "malformed_row",
        "7 fields where the header has 12")
    i = audit_row(ATH_B)
    cols = tables[ATH_B].records[i].split(",")
    cols[2] = "SR00007"
    add(ATH_B, i, "replace", ",".join(cols), "staff_id", "unknown_reference", "SR00007 not in staff.csv")
    # PNC: a line cut off mid-object; a line with no user
    i = audit_row(PNC, False)
    text = tables[PNC].records[i]
    add(PNC, i, "replace", text[: len(text) // 2], "", "malformed_row", "truncated JSON object")
    i = audit_row(PNC, False)
    text = tables[PNC].records[i]
    j = text.index('"staff_id":"') + len('"staff_id":')
    k = text.index('"', j + 1) + 1
    add(PNC, i, "replace", text[:j] + "null" + text[k:], "staff_id", "missing_value", "staff_id null")
    # PND: an action outside the vocabulary
    i = audit_row(PND)
    cols = tables[PND].records[i].split(",")
    cols[3] = "browse"
    add(PND, i, "replace", ",".join(cols), "action", "unknown_value", "action browse")
    # command and control: a time in day/month/year
    i = audit_row(CC)
    cols = tables[CC].records[i].split(",")
    at = cols[2]
    cols[2] = f"{at[8:10]}/{at[5:7]}/{at[0:4]} {at[11:16]}"
    add(CC, i, "replace", ",".join(cols), "at", "invalid_time", "day/month/year without an offset")
    # PNC: a batch re-sent later in the file
    t = tables[PNC]
    while True:
        i = rng.randrange(len(t.records) // 5, len(t.records) // 2)
        block = list(range(i, i + 25))
        if all(isinstance(t.meta[j], int) and ev[t.meta[j]][1] not in cast for j in block) and not any(
                j in {x[0] for x in plan.get(PNC, [])} for j in block):
            break
    dest = i + 25 + rng.randrange(200, 2000)
    for j in block:
        add(PNC, dest, "insert", t.records[j], "event_id", "duplicate", "re-delivered batch")

    faults = []
    for name, ops in plan.items():
        t = tables[name]
        before = {}
        for (index, op, text, field, expected, detail) in ops:
            key = min(index, len(t.records)) if op == "insert" else -1 - index
            before.setdefault(key, []).append((text, field, expected, detail))
        recs, meta = [], []
        n = len(t.records)
        old_meta = t.meta if len(t.meta) == n else [None] * n
        for i in range(n + 1):
            for text, field, expected, detail in before.get(i, []):
                faults.append([name, len(recs), field, expected, detail])
                recs.append(text)
                meta.append("fault")
            if i == n:
                break
            rep = before.get(-1 - i)
            if rep:
                text, field, expected, detail = rep[0]
                faults.append([name, len(recs), field, expected, detail])
                recs.append(text)
                meta.append("fault")
            else:
                recs.append(t.records[i])
                meta.append(old_meta[i])
        t.records, t.meta = recs, meta
    # Athena's second extract re-delivers the last minutes of the first
    t = tables[ATH_B]
    for i, m in enumerate(t.meta):
        if isinstance(m, tuple) and m and m[0] == "dup":
            faults.append([ATH_B, i, "event_id", "duplicate", "re-delivered by the next extract"])
    return faults


def watch(faults):
    out = {}
    for name, index, *_ in faults:
        out.setdefault(name, set()).add(index)
    return out


def write(path, faults, lines):
    rows = sorted(((name, lines[name][index], field, expected, detail) for name, index, field, expected, detail
                   in faults), key=lambda r: (r[0], r[1]))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("file,line,field,expected,detail\n")
        for r in rows:
            f.write(",".join(str(x) for x in r) + "\n")
