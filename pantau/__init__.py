"""Pantau TPPO: news monitoring and early warning for trafficking in persons in Indonesia."""

__version__ = "0.1.0"
