"""Collector: the public API Fuel masters send their statistics to (the v1 protocol)."""
