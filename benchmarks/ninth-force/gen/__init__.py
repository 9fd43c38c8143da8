"""Kestmoor and Vale Constabulary: a synthetic force data bundle generator (package of small stages)."""
