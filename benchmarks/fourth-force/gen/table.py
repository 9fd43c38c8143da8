"""A file of the bundle held as text records until faults are injected, then written with line numbers."""


class Table:
    def __init__(self, name, header, records=None, meta=None, crlf=False, bom=False):
        self.name = name
        self.header = header            # the header line (CSV) or None (JSON Lines)
        self.records = records if records is not None else []
        self.meta = meta if meta is not None else [None] * len(self.records)
        self.crlf = crlf
        self.bom = bom

    def write(self, folder, watch):
        """Write the file; return {record index: physical line it starts on} for the watched indices."""
        nl = "\r\n" if self.crlf else "\n"
        lines = {}
        line = 1
        parts = []
        if self.header is not None:
            parts.append(self.header)
            line = 2
        recs = self.records
        if watch:
            for i, r in enumerate(recs):
                if i in watch:
                    lines[i] = line
                line += 1 + r.count("\n")
        parts.extend(recs)
        text = nl.join(parts) + nl
        with open(f"{folder}/{self.name}", "w", encoding="utf-8", newline="") as f:
            if self.bom:
                f.write("\ufeff")
            f.write(text)
        return lines
