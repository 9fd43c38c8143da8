"""Which everyday activity each unit does on a worked shift."""
from . import activity_front as f
from . import activity_back as b

ROUTES = {
    "lpt_resp": f.lpt_response, "lpt_nbh": f.neighbourhood, "pcso": f.pcso, "specials": f.specials,
    "rpu": f.roads, "arv": f.armed, "fcr_ch": f.call_handler, "fcr_disp": f.dispatcher, "custody": f.custody,
    "cmu": b.cmu, "ppiu": b.ppiu, "mash": b.mash, "vcu": b.vcu, "fib": b.analyst, "iom": b.iom,
    "records": b.records, "ccu": b.ccu, "corporate": b.corporate,
}


def run_shift(ctx, st, sh):
    if not sh.worked:
        return
    if sh.kind == "on_call" and st.unit != "ppiu":
        return
    ROUTES[st.unit](ctx, st, sh)
