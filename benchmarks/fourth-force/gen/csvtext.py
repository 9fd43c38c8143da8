"""CSV and JSON text for the exports, written by hand for speed (RFC 4180 quoting)."""
import json


def q(v):
    if v is None:
        return ""
    if "," in v or '"' in v or "\n" in v or "\r" in v:
        return '"' + v.replace('"', '""') + '"'
    return v


def row(values):
    return ",".join(q(v) for v in values)


def js(v):
    if v is None:
        return "null"
    if '"' in v or "\\" in v or "\n" in v or "\r" in v or "\t" in v:
        return json.dumps(v)
    return '"' + v + '"'
