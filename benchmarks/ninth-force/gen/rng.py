"""Random streams: one string-seeded stream per stage, so stages never disturb each other."""
import random

FORCE = "kestmoor"


def stream(seed, stage):
    return random.Random("%s|seed%d|%s" % (FORCE, seed, stage))
