"""Seeded random streams: one per stage, so a change in one stage leaves the others' draws alone."""
import hashlib
import random


def stream(seed, *stage):
    key = ("northmarsh|%d|%s" % (seed, "|".join(str(s) for s in stage))).encode()
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))


def poisson(rng, lam):
    """A Poisson draw (Knuth for small means, a rounded normal for large ones)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, lam ** 0.5))))
    import math
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
