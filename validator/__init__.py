"""Consistency checks for the numbers in news articles and reports."""

__version__ = "0.1.0"
