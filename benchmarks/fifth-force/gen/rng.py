"""Seeded random streams: one per stage, named by the seed and the stage."""
import math
import random


def stream(seed, stage):
    return random.Random(f"vellmoor/{seed}/{stage}")


def poisson(r, lam):
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= r.random()
        if p < limit:
            return k
        k += 1


def skew(r, seq, power=2.0):
    """Pick from seq favouring the front (repeat involvement of the same few)."""
    return seq[int(len(seq) * (r.random() ** power))]


def weighted(r, items, weights):
    return r.choices(items, weights)[0]
