"""Northmarsh's organisation: its units, the roles the staff file gives them, their shares of the force,
where they sit and which shift pattern they work."""


class Unit:
    def __init__(self, key, label, share, roles, place, pattern, sup=0.0, hybrid=0.0, minimum=1, sex_f=0.35):
        self.key, self.label, self.share, self.roles = key, label, share, roles
        self.place, self.pattern, self.sup, self.hybrid = place, pattern, sup, hybrid
        self.minimum, self.sex_f = minimum, sex_f


UNITS = [
    Unit("lpt_resp", "Local Policing Team (response watch)", 0.235, [("response_officer", 1.0)], "sector", "resp10",
         sup=1 / 9, minimum=15),
    Unit("lpt_nbh", "Local Policing Team (neighbourhood)", 0.075, [("neighbourhood_officer", 1.0)], "sector", "nbh",
         sup=1 / 10, minimum=6, sex_f=0.4),
    Unit("pcso", "Police Community Support Officers", 0.06, [("pcso", 1.0)], "sector", "pcso", minimum=3, sex_f=0.5),
    Unit("specials", "Special Constabulary", 0.045, [("special_constable", 1.0)], "sector", "special", minimum=3),
    Unit("rpu", "Roads Policing Unit", 0.04, [("response_officer", 1.0)], "rpu", "rpu10", sup=1 / 8, minimum=5,
         sex_f=0.2),
    Unit("arv", "Armed Response (firearms)", 0.03, [("response_officer", 1.0)], "arv", "arv10", sup=1 / 8, minimum=5,
         sex_f=0.12),
    Unit("cmu", "Crime Management Unit", 0.08, [("detective", 0.62), ("police_staff", 0.38)], "hq", "office_cmu",
         sup=1 / 10, hybrid=0.35, minimum=6, sex_f=0.5),
    Unit("ppiu", "Public Protection Investigation Unit (RASSO / DA)", 0.04, [("detective", 1.0)], "ppiu",
         "office_ppiu", sup=1 / 8, minimum=4, sex_f=0.5),
    Unit("mash", "Multi-Agency Safeguarding Hub", 0.035, [("safeguarding_officer", 0.5), ("police_staff", 0.5)], "hq",
         "office_mash", sup=1 / 12, hybrid=0.3, minimum=4, sex_f=0.75),
    Unit("fcr_ch", "Force Control Room (call handling)", 0.09, [("call_handler", 1.0)], "hq", "fcr12", sup=1 / 14,
         minimum=8, sex_f=0.65),
    Unit("fcr_disp", "Force Control Room (dispatch)", 0.04, [("dispatcher", 1.0)], "hq", "fcr12", minimum=4,
         sex_f=0.55),
    Unit("custody", "Custody", 0.04, [("custody_officer", 1.0)], "custody", "cust12", sup=1 / 10, minimum=4),
    Unit("fib", "Force Intelligence Bureau", 0.03, [("intelligence_analyst", 1.0)], "hq", "office", sup=1 / 10,
         hybrid=0.4, minimum=3, sex_f=0.55),
    Unit("vcu", "Victim Care Unit", 0.025, [("police_staff", 1.0)], "hq", "office_vcu", sup=1 / 12, hybrid=0.45,
         minimum=3, sex_f=0.75),
    Unit("iom", "Integrated Offender Management", 0.02, [("neighbourhood_officer", 0.5), ("detective", 0.2),
                                                        ("police_staff", 0.3)], "iom", "office", sup=1 / 10,
         minimum=3),
    Unit("records", "Data Quality and Records", 0.02, [("police_staff", 1.0)], "hq", "office", hybrid=0.5, minimum=2,
         sex_f=0.7),
    Unit("ccu", "Counter Corruption Unit", 0.007, [("ccu_officer", 1.0)], "hq", "office", minimum=2),
    Unit("corporate", "Corporate services and enquiry offices", 0.0, [("police_staff", 1.0)], "mixed", "office",
         hybrid=0.3, minimum=3, sex_f=0.6),
]

BY_KEY = {u.key: u for u in UNITS}

# Which units' shifts are mostly rostered on a fixed rota (and so work unrostered overtime on rest days).
SHIFT_UNITS = ("lpt_resp", "rpu", "arv", "custody", "fcr_ch", "fcr_disp")
