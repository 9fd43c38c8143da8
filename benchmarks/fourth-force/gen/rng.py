"""Seeded random streams: one per stage, derived from the seed's text and the stage name."""
import math
import random


def stream(seed, stage):
    """A random stream that depends only on the seed and the stage name (string seeding is stable)."""
    return random.Random(f"saltreach/{seed}/{stage}")


def poisson(rng, lam):
    """A Poisson draw; Knuth's method for small means, a rounded normal for large ones."""
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    limit = math.exp(-lam)
    k, p = 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def weighted(rng, items, weights):
    """One item chosen with the given weights."""
    return rng.choices(items, weights)[0]
