"""Saltreach Police: a synthetic coastal and island force for measuring Custodes blind."""
