"""Minimal RFC 4180 text: quote a field only when it needs it."""


def q(v):
    if v is None:
        return ""
    v = str(v)
    if "," in v or '"' in v or "\n" in v or "\r" in v:
        return '"' + v.replace('"', '""') + '"'
    return v


def line(values):
    return ",".join(q(v) for v in values)
