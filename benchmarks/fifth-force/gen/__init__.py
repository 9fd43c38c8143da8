"""Vellmoor Police: a synthetic shire-force data bundle for Custodes (written blind)."""
