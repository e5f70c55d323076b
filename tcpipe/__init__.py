"""Orchestration: CLI, batch runner, dataset writer, queries. Kept thin: the work is in
extract/ and normalise/."""
__version__ = "0.1.0"
