"""Seeded random streams: one per (seed, stage), so stages never disturb one another."""
import random


def stream(seed, *stage):
    """A random.Random seeded from a string of the run seed and the stage name."""
    return random.Random("harbourgate|%s|%s" % (seed, "|".join(str(s) for s in stage)))


def poisson(rng, mean):
    """A small Poisson draw (Knuth for small means, normal approximation above 30)."""
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, int(round(rng.gauss(mean, mean ** 0.5))))
    import math
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
