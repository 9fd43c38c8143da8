"""Writing the bundle's files and recording where each injected fault landed."""
import os
from .faults import Fault


def write(path, header, rows, faults, fname, bom=False, crlf=False):
    nl = "\r\n" if crlf else "\n"
    out = []
    ln = 0
    if header is not None:
        out.append(header)
        ln = 1
    for r in rows:
        ln += 1
        if isinstance(r, Fault):
            faults.append((fname, ln, r.field, r.expected, r.detail))
            out.append(r.text)
        elif isinstance(r, str):
            out.append(r)
        else:
            out.append(r[0])
    with open(path, "w", encoding="utf-8", newline="") as f:
        if bom:
            f.write("\ufeff")
        f.write(nl.join(out))
        f.write(nl)


def write_bundle(out_dir, ref, audit):
    os.makedirs(out_dir, exist_ok=True)
    faults = []
    for fname, (header, rows) in ref.items():
        write(os.path.join(out_dir, fname), header, rows, faults, fname)
    for fname in sorted(audit):
        header, rows, bom, crlf = audit[fname]
        write(os.path.join(out_dir, fname), header, rows, faults, fname, bom, crlf)
    return faults
