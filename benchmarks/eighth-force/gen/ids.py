"""Identifiers as the force's systems write them."""


def pid(i):
    return f"N{10000000 + i}"


def oid(i):
    return f"OC{25000000 + i}"
