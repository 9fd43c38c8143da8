"""CSV text by hand (RFC 4180 quoting), so each export can keep its own habits."""


def q(s):
    if not s:
        return ""
    if "," in s or '"' in s or "\n" in s or "\r" in s:
        return '"' + s.replace('"', '""') + '"'
    return s


def row(values):
    return ",".join(q(v) for v in values)
