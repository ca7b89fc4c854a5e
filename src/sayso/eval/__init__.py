"""Scorers against annotated corpora (PolNeAR attribution relations, event sets)."""
