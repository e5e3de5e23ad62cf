"""Benchmarks (not tests): run by hand, numbers go to docs/benchmarks.md."""
