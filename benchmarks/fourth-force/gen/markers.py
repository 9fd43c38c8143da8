"""Vulnerability and other markers, derived from what happened to people on the records (written last)."""
from .people import band

ROLE_MARK = {("domestic_abuse", "victim"): "domestic_abuse_victim", ("sexual_offence", "victim"): "sexual_offence_victim",
             ("stalking_harassment", "victim"): "stalking_victim", ("missing_person", "other"): "missing_person",
             ("mental_health", "other"): "mental_health", ("custody", "suspect"): "custody_detainee"}


def derive(P, O, rng):
    for occ, people in enumerate(O.persons):
        cat = O.cat[occ]
        for p, role in people:
            m = ROLE_MARK.get((cat, role))
            if m:
                P.mark(p, m)
            elif cat == "concern_for_welfare" and role == "other":
                r = rng.random()
                if r < 0.4:
                    P.mark(p, "vulnerable_adult")
                elif r < 0.7:
                    P.mark(p, "mental_health")
            elif cat == "drugs" and role == "suspect" and rng.random() < 0.5:
                P.mark(p, "substance_misuse")
    for i, by in enumerate(P.by):
        if band(by) == "child" and by is not None:
            P.mark(i, "child")
