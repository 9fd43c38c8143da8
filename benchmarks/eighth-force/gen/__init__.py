"""Synthetic bundle generator for the Varrowmouth & Kell Vale Police (the eighth force).

Written blind: see README.md. Standard library only, deterministic for a given --seed.
"""
