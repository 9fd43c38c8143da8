"""Export faults, injected while writing and recorded in a manifest so the validator's quarantine can be
checked against what was meant. Rates are per audit row; all together well under 1%."""
import heapq
import os
import json

from . import clock
from .write import _csv_line

P_MALFORMED = .0002
P_MISSING = .00015
P_UNKNOWN = .00015
P_BADTIME = .0002
P_DELAY = .003      # an event exported late: out of time order within its file
P_DUP = .0015       # an event re-delivered later in the same file (same event_id and time)


class Faults:
    def __init__(self, rng, protect_staff, protect_ids):
        self.rng = rng
        self.protect = protect_staff
        self.protect_ids = protect_ids
        self.manifest = []     # (file, line, reason, key)
        self.counts = {}

    def _count(self, k, n=1):
        self.counts[k] = self.counts.get(k, 0) + n

    # ---- reference files ---------------------------------------------------------------------
    def reference(self, fname, rows):
        rng = self.rng
        rows = [list(r) for r in rows]
        n = len(rows)
        picks = []
        tries = 0
        want = {"rosters.csv": 5, "person_links.csv": 3, "occurrence_persons.csv": 3}[fname]
        while len(picks) < want and tries < 1000:
            tries += 1
            i = rng.randrange(n)
            r = rows[i]
            if i in picks or r[0] in self.protect or r[0] in self.protect_ids or r[1] in self.protect_ids:
                continue
            picks.append(i)
        for k, i in enumerate(sorted(picks)):
            r = rows[i]
            if fname == "rosters.csv":
                if k == 0:
                    r[1], r[2] = r[2], r[1]
                    reason = "invalid_period"
                else:
                    r[1 + k % 2] = r[1 + k % 2].replace("Z", "")
                    reason = "invalid_time"
            elif fname == "person_links.csv":
                r[2] = rng.choice(("cousin", "Partner", "ex-partner"))
                reason = "unknown_value"
            else:
                r[2] = rng.choice(("complainant", "Victim", "informant"))
                reason = "unknown_value"
            self.manifest.append((fname, i + 2, reason, "|".join(r)))
            self._count(fname + ":" + reason)
        return rows

    # ---- audit files -------------------------------------------------------------------------
    def _corrupt(self, fmt, vals, x):
        """Return (rendered text, expected reason)."""
        rng = self.rng
        if fmt == "csv":
            v = list(vals)
            if x < P_MALFORMED:
                if rng.random() < .5:
                    v[8] = v[8] + "," + "VDI"
                    return ",".join(v), "malformed_row"
                text = _csv_line(v[:9]) + ',"' + (v[9] or "enq") + '"x'
                if len(v) > 10:
                    text += "," + v[10]
                return text, "malformed_row"
            x -= P_MALFORMED
            if x < P_MISSING:
                v[2 if rng.random() < .5 else 6] = ""
                return _csv_line(v), "missing_value"
            x -= P_MISSING
            if x < P_UNKNOWN:
                if rng.random() < .5:
                    v[4] = rng.choice(("lookup", "Read", "enquiry"))
                else:
                    v[5] = rng.choice(("nominal", "Person", "subject"))
                return _csv_line(v), "unknown_value"
            v[1] = self._badtime(v[1])
            return _csv_line(v), "invalid_time"
        o = dict(vals)
        if x < P_MALFORMED:
            text = json.dumps(o, separators=(",", ":"))
            if rng.random() < .5:
                return text[: len(text) // 2], "malformed_row"
            o["reason"] = {"text": o.get("reason") or "enq", "code": 3}
            return json.dumps(o, separators=(",", ":")), "malformed_row"
        x -= P_MALFORMED
        if x < P_MISSING:
            if rng.random() < .5:
                del o["staff_id"]
            else:
                o["entity_id"] = None
            return json.dumps(o, separators=(",", ":")), "missing_value"
        x -= P_MISSING
        if x < P_UNKNOWN:
            o["action"] = rng.choice(("lookup", "Search", "enquiry"))
            return json.dumps(o, separators=(",", ":")), "unknown_value"
        o["at"] = self._badtime(o["at"])
        return json.dumps(o, separators=(",", ":")), "invalid_time"

    def _badtime(self, at):
        if self.rng.random() < .8:
            for suf in ("Z", "+00:00", "+01:00"):
                if at.endswith(suf):
                    return at[: -len(suf)].split(".")[0]
            return at[:19]
        return at[:5] + "02-30" + at[10:]

    def audit(self, path, fname, fmt, header, lines, bom=False, crlf=False):
        rng = self.rng
        nl = "\r\n" if crlf else "\n"
        pbad = P_MALFORMED + P_MISSING + P_UNKNOWN + P_BADTIME
        heap = []   # (release_index, seq, text, reason, key)
        seq = 0
        lineno = 1
        redelivery = []
        with open(path, "w", encoding="utf-8", newline="") as f:
            if bom:
                f.write("\ufeff")
            if fmt == "csv":
                f.write(_csv_line(header) + nl)
                lineno = 2

            def put(text, reason, key):
                nonlocal lineno
                f.write(text + nl)
                if reason:
                    self.manifest.append((fname, lineno, reason, key))
                    self._count(fname + ":" + reason)
                lineno += 1

            n = len(lines)
            red_at = rng.randrange(n // 4, n // 2) if n > 1000 else -1
            for i, (sid, ev_id, vals) in enumerate(lines):
                while heap and heap[0][0] <= i:
                    _, _, text, reason, key = heapq.heappop(heap)
                    put(text, reason, key)
                x = rng.random()
                reason = None
                if x < pbad and sid not in self.protect:
                    text, reason = self._corrupt(fmt, vals, x)
                else:
                    text = _csv_line(vals) if fmt == "csv" else json.dumps(vals, separators=(",", ":"))
                y = rng.random()
                if y < P_DELAY:
                    seq += 1
                    heapq.heappush(heap, (i + rng.randrange(20, 4000), seq, text, reason, ev_id))
                    self._count(fname + ":out_of_order")
                else:
                    put(text, reason, ev_id)
                if reason is None and P_DELAY <= y < P_DELAY + P_DUP:
                    seq += 1
                    heapq.heappush(heap, (i + rng.randrange(1, 600), seq, text, "", ev_id))
                    self._count(fname + ":duplicate")
                if red_at <= i < red_at + 400 and reason is None:
                    redelivery.append(text)
            while heap:
                _, _, text, reason, key = heapq.heappop(heap)
                put(text, reason, key)
        if redelivery:
            # a batch the exporter sent twice, as a second file
            root, ext = os.path.splitext(path)
            rpath = root + "-redelivered" + ext
            with open(rpath, "w", encoding="utf-8", newline="") as f:
                if bom:
                    f.write("\ufeff")
                if fmt == "csv":
                    f.write(_csv_line(header) + nl)
                for t in redelivery:
                    f.write(t + nl)
            self._count(fname + ":duplicate", len(redelivery))

    def write_manifest(self, path):
        import csv
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["file", "line", "reason", "key"])
            w.writerows(self.manifest)
