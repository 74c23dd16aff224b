"""A row of a figure: what one bar draws and one line of its table lists."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    label: str
    value: float
