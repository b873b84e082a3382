"""Benchmarks that print figures (never timed test assertions)."""
