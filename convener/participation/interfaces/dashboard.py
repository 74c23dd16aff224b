"""A dashboard ready for a page: each figure with its chart drawn."""

from __future__ import annotations

from dataclasses import dataclass

from convener.participation.interfaces.charts import number, svg
from convener.participation.queries.rows import Dashboard, Figure


@dataclass(frozen=True)
class DrawnRow:
    label: str
    value: str


@dataclass(frozen=True)
class Drawn:
    figure: Figure
    svg: str
    rows: tuple[DrawnRow, ...]

    @property
    def key(self) -> str:
        return self.figure.key


def drawn(dashboard: Dashboard) -> list[Drawn]:
    """The figures that count something, each with its chart; a figure with
    nothing to count is left out."""
    return [
        Drawn(
            figure,
            svg(figure, element_id=f"chart-{figure.key}"),
            tuple(DrawnRow(row.label, number(row.value)) for row in figure.rows),
        )
        for figure in dashboard.figures
        if figure.rows
    ]
