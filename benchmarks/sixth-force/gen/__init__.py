"""Northmarsh Constabulary: a synthetic force bundle generator (written blind; see ../README.md)."""
