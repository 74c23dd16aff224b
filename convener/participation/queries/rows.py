"""A figure and its rows: what a chart draws and its table lists, and a
dashboard of figures."""

from __future__ import annotations

from dataclasses import dataclass

# A chart draws at most this many bars; its table lists every row.
MOST_BARS = 40


@dataclass(frozen=True)
class Row:
    label: str
    value: float


@dataclass(frozen=True)
class Figure:
    """One chart and its table: `key` names it in addresses (its CSV)."""

    key: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    rows: tuple[Row, ...]

    @property
    def total(self) -> float:
        return sum(row.value for row in self.rows)


@dataclass(frozen=True)
class Dashboard:
    """The figures of one scope, and what the floor's timer recorded of it."""

    figures: tuple[Figure, ...]
    turns: int
    timed_turns: int

    def figure(self, key: str) -> Figure | None:
        return next((figure for figure in self.figures if figure.key == key), None)
