"""The series data format: its definition (`schema`) and reading a file of it
with the line of every value (`source`).

Beside the floors rather than on one: the importer (`domain`) validates with
it and the exporters (`interfaces`) write it, so it sits below both.
"""
