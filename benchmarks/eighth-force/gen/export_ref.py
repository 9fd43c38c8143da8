"""Reference files (staff, persons, occurrences, rosters, links, who-was-in, assignments, declarations, truth),
written as the force's systems export them, with the planned reference faults."""
from .util import fmt_z, fmt_local, fmt_local_naive, date_str, DAY, rng
from .ids import pid, oid
from .organisation import ST_NAME
from .population import MARKERS
from .world import CATS, OP_ROLES
from .export_audit import Out, q

SEX = {"f": "female", "m": "male", "u": "unknown"}


def write_reference(outdir, sim, roster, faults, aw, seed, declared, truth_rows):
    r = rng(seed, "export-ref")
    t0, t_end = sim.t0, sim.t_end
    staff = sim.staff
    P = sim.P
    stats = {}

    # ---- staff.csv (HR extract): extra grade/fte columns, historic leavers included ------------------------
    o = Out(f"{outdir}/staff.csv")
    o.write("staff_id,display_name,collar_number,role,team,station,start_date,end_date,home_postcode,grade,fte")
    rows = []
    for s in staff:
        end = date_str(t0 + s.leave_date * DAY) if s.leave_date is not None else ""
        rows.append((s.sid, [s.sid, q(s.name), s.collar, s.role, q(s.team), ST_NAME[s.station],
                             date_str(t0 + s.hire_date * DAY), end, s.postcode, s.grade,
                             "1.0" if r.random() < 0.85 else r.choice(("0.8", "0.6", "0.5"))]))
    hist = []
    for k in range(max(3, len(staff) // 200)):
        sid = f"E1{r.randrange(10000, 99999)}"
        role = r.choice(("response_officer", "police_staff", "detective", "call_handler"))
        left = t0 - sim.warm * DAY - r.randrange(60, 2000) * DAY
        hist.append((sid, [sid, "Former Employee " + str(k + 1), "", role, "Leavers", "Fennick House",
                           date_str(left - r.randrange(400, 9000) * DAY), date_str(left), "", "Staff", "0"]))
    rows += hist
    rows.sort(key=lambda x: x[0])
    dup_target = None
    if faults.has("dup_staff"):
        cands = [s for s in staff if s.leave_date is None and s.hire_date < -sim.warm]
        dup_target = cands[r.randrange(len(cands))].sid
    hist_bad = hist[0][0] if faults.has("hist_role") else None
    for sid, cols in rows:
        if sid == hist_bad:
            cols = list(cols)
            cols[3] = "chief_inspector"
            faults.ref_record("hist_role", o.write(",".join(cols)))
            continue
        o.write(",".join(cols))
        if sid == dup_target:
            c2 = list(cols)
            c2[6] = date_str(t0 - r.randrange(30, 400) * DAY)
            c2[4] = "Response C"
            faults.ref_record("dup_staff", o.write(",".join(c2)))
    o.close()

    # ---- occurrences.csv (RMS, local time with offsets) ------------------------------------------------------
    o = Out(f"{outdir}/occurrences.csv")
    o.write("occurrence_id,category,opened_at,closed_at,station,origin")
    n_occ = len(sim.o_cat)
    keep = bytearray(n_occ)
    dups = [i for i in range(n_occ) if sim.o_dup[i] and sim.o_open[i] < t_end and not aw.ref_o[i]]
    r.shuffle(dups)
    occ_faults = {}
    for kind in ("occ_period", "occ_nostation", "occ_cat", "occ_naive"):
        if faults.has(kind) and dups:
            occ_faults[dups.pop()] = kind
    open_long = 0
    n_written = 0
    for i in range(n_occ):
        op = sim.o_open[i]
        if op >= t_end:
            continue
        keep[i] = 1
        c = sim.o_close[i]
        closed = fmt_local(c) if 0 <= c < t_end else ""
        if not closed and t_end - op > 28 * DAY:
            open_long += 1
        cols = [oid(i), CATS[sim.o_cat[i]], fmt_local(op), closed, ST_NAME[sim.o_st[i]],
                "CAD" if sim.o_cat[i] not in (15, 16) else ("STOP" if sim.o_cat[i] == 15 else "CUSTODY")]
        k = occ_faults.get(i)
        if k:
            if k == "occ_period":
                cols[3] = fmt_local(op - 3 * 3600)
            elif k == "occ_nostation":
                cols[4] = ""
            elif k == "occ_cat":
                cols[1] = "Domestic Incident"
            else:
                cols[2] = fmt_local_naive(op)
            faults.ref_record(k, o.write(",".join(cols)))
            continue
        o.write(",".join(cols))
        n_written += 1
    o.close()
    stats["occurrences"] = n_written
    stats["open_over_28d"] = open_long

    # ---- occurrence_persons.csv ----------------------------------------------------------------------------
    ref_p = aw.ref_p
    o = Out(f"{outdir}/occurrence_persons.csv")
    o.write("occurrence_id,person_id,role")
    n_op = sum(len(sim.o_ps[i]) for i in range(n_occ) if keep[i])
    bad_op = r.randrange(n_op) if faults.has("op_role") and n_op else -1
    k = 0
    for i in range(n_occ):
        if not keep[i]:
            continue
        for p, role in sim.o_ps[i]:
            ref_p[p] = 1
            if k == bad_op:
                faults.ref_record("op_role", o.write(f"{oid(i)},{pid(p)},informant"))
            else:
                o.write(f"{oid(i)},{pid(p)},{OP_ROLES[role]}")
            k += 1
    o.close()
    stats["occurrence_persons"] = n_op

    # ---- person_links.csv: kept only by the public protection unit ------------------------------------------
    o = Out(f"{outdir}/person_links.csv")
    o.write("person_id,linked_person_id,relation,recorded_by")
    links = P.links
    bad_rel = r.randrange(len(links)) if faults.has("link_rel") and links else -1
    ref_at = r.randrange(len(links)) if faults.has("link_ref") and links else -1
    for k, (a, b, rel) in enumerate(links):
        ref_p[a] = 1
        ref_p[b] = 1
        if k == bad_rel:
            faults.ref_record("link_rel", o.write(f"{pid(a)},{pid(b)},carer,PPU"))
        else:
            o.write(f"{pid(a)},{pid(b)},{rel},PPU")
        if k == ref_at:
            faults.ref_record("link_ref", o.write(f"{pid(a)},{pid(len(P) + 7000000)},associate,PPU"))
    o.close()
    stats["links"] = len(links)

    # ---- declared_associations.csv -------------------------------------------------------------------------
    o = Out(f"{outdir}/declared_associations.csv")
    o.write("staff_id,person_id,relation,declared_on")
    bad_decl = r.randrange(len(declared)) if faults.has("decl_date") and declared else -1
    for k, (sidx, p, rel, dday) in enumerate(declared):
        ref_p[p] = 1
        ds = date_str(t0 + dday * DAY)
        if k == bad_decl:
            faults.ref_record("decl_date", o.write(f"{staff[sidx].sid},{pid(p)},{rel},{ds[8:10]}/{ds[5:7]}/{ds[:4]}"))
        else:
            o.write(f"{staff[sidx].sid},{pid(p)},{rel},{ds}")
    o.close()

    # ---- persons.csv (RMS nominal index: BOM, CRLF) ----------------------------------------------------------
    o = Out(f"{outdir}/persons.csv", bom=True, crlf=True)
    o.write("person_id,family_name,given_name,sex,birth_year,postcode,markers,record_source")
    n_p = len(P)
    unref = [i for i in range(n_p) if not ref_p[i]]
    r.shuffle(unref)
    pf = {}
    for kind in ("by_zero", "sex_code", "no_family", "bad_marker"):
        if faults.has(kind) and unref:
            pf[unref.pop()] = kind
    dup_p = r.randrange(n_p) if faults.has("dup_person") else -1
    marked = 0
    for i in range(n_p):
        bits = P.markers(i)
        mk = ";".join(m for j, m in enumerate(MARKERS) if bits >> j & 1)
        if bits:
            marked += 1
        by = str(P.by[i]) if P.by[i] else ""
        cols = [pid(i), q(P.fam[i]), q(P.given[i]), SEX[P.sex[i]], by, P.pc[i], mk,
                "TRAVEL" if P.area[i] < 0 else "RMS"]
        k = pf.get(i)
        if k:
            if k == "by_zero":
                cols[4] = "0000"
            elif k == "sex_code":
                cols[3] = "F" if P.sex[i] == "f" else "M"
            elif k == "no_family":
                cols[1] = ""
            else:
                cols[6] = (mk + ";" if mk else "") + "high_risk"
            faults.ref_record(k, o.write(",".join(cols)))
            continue
        o.write(",".join(cols))
        if i == dup_p:
            c2 = list(cols)
            c2[7] = "MERGE"
            faults.ref_record("dup_person", o.write(",".join(c2)))
    o.close()
    stats["persons"] = n_p
    stats["persons_marked"] = marked

    # ---- rosters.csv (DutySheet planned shifts; not every unit, little overtime) ---------------------------
    o = Out(f"{outdir}/rosters.csv")
    o.write("staff_id,start,end,kind,source")
    nights = [k for k, (st, en, i, kind) in enumerate(roster) if kind == "duty" and en - st >= 9 * 3600
              and fmt_local(st)[11:13] in ("19", "22")]
    bad_night = nights[r.randrange(len(nights))] if faults.has("night_roll") and nights else -1
    leave_at = r.randrange(len(roster)) if faults.has("leave_kind") and roster else -1
    n_r = 0
    for k, (st, en, i, kind) in enumerate(roster):
        if st >= t_end:
            continue
        if k == bad_night:
            faults.ref_record("night_roll", o.write(f"{staff[i].sid},{fmt_z(st)},{fmt_z(en - DAY)},duty,DutySheet"))
            continue
        o.write(f"{staff[i].sid},{fmt_z(st)},{fmt_z(en)},{kind},DutySheet")
        n_r += 1
        if k == leave_at:
            d0 = st - st % DAY + DAY
            faults.ref_record("leave_kind", o.write(f"{staff[i].sid},{fmt_z(d0)},{fmt_z(d0 + DAY)},annual_leave,DutySheet"))
    o.close()
    stats["roster_rows"] = n_r

    # ---- assignments.csv ----------------------------------------------------------------------------------
    o = Out(f"{outdir}/assignments.csv")
    o.write("occurrence_id,staff_id,role,start,end")
    asg = [a for a in sim.assign if a[3] < t_end and keep[a[0]]]
    with_end = [k for k, a in enumerate(asg) if a[4] is not None and a[4] < t_end]
    bad_per = with_end[r.randrange(len(with_end))] if faults.has("asg_period") and with_end else -1
    bad_role = r.randrange(len(asg)) if faults.has("asg_role") and asg else -1
    no_end_attend = 0
    n_attend = 0
    for k, (occ, sidx, role, st, en, en_true) in enumerate(asg):
        es = fmt_z(en) if en is not None and en < t_end else ""
        if role == "attending":
            n_attend += 1
            if not es:
                no_end_attend += 1
        if k == bad_per:
            faults.ref_record("asg_period", o.write(f"{oid(occ)},{staff[sidx].sid},{role},{fmt_z(st)},{fmt_z(st - 2 * DAY)}"))
            continue
        if k == bad_role:
            faults.ref_record("asg_role", o.write(f"{oid(occ)},{staff[sidx].sid},observer,{fmt_z(st)},{es}"))
            continue
        o.write(f"{oid(occ)},{staff[sidx].sid},{role},{fmt_z(st)},{es}")
    o.close()
    stats["assignments"] = len(asg)
    stats["attending"] = n_attend
    stats["attending_no_end"] = no_end_attend

    # ---- truth.csv --------------------------------------------------------------------------------------------
    o = Out(f"{outdir}/truth.csv")
    o.write("staff_id,scenario,first_event_id,first_at,kind")
    for row in truth_rows:
        o.write(",".join(row))
    o.close()
    return stats
