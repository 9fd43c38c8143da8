"""Writing CSV and JSON Lines while counting physical lines, so faults can be listed by line."""
import json


def q(v):
    v = "" if v is None else str(v)
    if any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def row(vals):
    return ",".join(q(v) for v in vals)


class Out:
    """A file written line by line; .line is the physical line the next row starts on."""

    def __init__(self, path, header=None, crlf=False, bom=False):
        self.f = open(path, "w", encoding="utf-8", newline="")
        self.nl = "\r\n" if crlf else "\n"
        self.line = 1
        if bom:
            self.f.write("\ufeff")
        if header:
            self.write(row(header))

    def write(self, text):
        """Write one record (text without its line ending); return the line it starts on."""
        at = self.line
        if self.nl != "\n":
            text = text.replace("\n", self.nl) if "\n" in text else text
        self.f.write(text + self.nl)
        self.line += 1 + text.count("\n")
        return at

    def close(self):
        self.f.close()


def jdump(obj):
    return json.dumps(obj, separators=(",", ":"))
