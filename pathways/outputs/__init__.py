"""Outputs layer: what leaves the engine for a person or another system (summary PDF,
calendar, catalogue, text report) and what comes back (case files, facts files)."""
