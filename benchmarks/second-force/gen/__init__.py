"""Blind second-force generator for Custodes (see README.md)."""
