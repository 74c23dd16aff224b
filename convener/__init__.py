"""Convener: plan, run and report a series of multi-stakeholder meetings."""

__version__ = "0.1.0"
