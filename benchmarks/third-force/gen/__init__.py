"""Harbourgate Metropolitan Police: a synthetic force bundle generator (written blind)."""
