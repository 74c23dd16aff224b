"""The report's annex "Participation in figures", where the series turns it on
(`HouseStyle.participation_annex`): each figure of the series' dashboard as a
chart, with its numbers as a table beside it.

Not to be confused with `participation`, the sentence that names the States
that took the floor at a meeting. The figures count the meetings the report
covers, and their released records only, as the report's text does.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from convener.meetings.models import Meeting, Series
from convener.participation.interfaces.charts import number, png, svg, width
from convener.participation.queries.figures import report_figures
from convener.participation.queries.rows import Dashboard
from convener.participation.queries.rows import Figure as Counted
from convener.publishing.document import (
    Block,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    Text,
)
from convener.publishing.print_style import house_style_of

ANCHOR = "participation-in-figures"


def wants_figures_annex(series: Series) -> bool:
    style = house_style_of(series)
    return style is not None and style.participation_annex


def figures_annex_blocks(series: Series, meetings: Sequence[Meeting]) -> list[Block]:
    dashboard = report_figures(series, meetings)
    blocks: list[Block] = [
        PageBreak(),
        Heading(1, _("Annex: Participation in figures"), anchor=ANCHOR),
        Paragraph([Text(_summary(dashboard))]),
    ]
    shown = [counted for counted in dashboard.figures if counted.rows]
    for place, counted in enumerate(shown, start=1):
        blocks.extend(_figure_blocks(counted, place))
    return blocks


def _summary(dashboard: Dashboard) -> str:
    counted = ngettext(
        "The figures count %(turns)s turn on the floor, in the records released.",
        "The figures count %(turns)s turns on the floor, in the records released.",
        dashboard.turns,
    ) % {"turns": dashboard.turns}
    if dashboard.turns and not dashboard.timed_turns:
        return f"{counted} " + _("No speaking time was recorded: the turns were not timed.")
    return counted


def _figure_blocks(counted: Counted, place: int) -> list[Block]:
    """A figure's section: its title (a section of the annex), what it
    counts, the chart and its table, numbered as the annex's figure and
    table `place`."""
    words = "; ".join(f"{row.label}: {number(row.value)}" for row in counted.rows)
    values = {"number": place, "title": counted.title}
    drawn = svg(counted, element_id=f"{ANCHOR}-{counted.key}-chart")
    return [
        Heading(2, counted.title, anchor=f"{ANCHOR}-{counted.key}"),
        Paragraph([Text(counted.description)]),
        Figure(
            svg=drawn,
            png=png(counted),
            alt=f"{counted.title}. {words}.",
            # Translators: the caption of a chart in the report's annex, "Figure 2. Turns by…".
            caption=_("Figure %(number)s. %(title)s") % values,
            width=width(drawn),
        ),
        Table(
            # Translators: the caption of a table in the report's annex, "Table 2. Turns by…".
            caption=_("Table %(number)s. %(title)s") % values,
            header=[counted.label_heading, counted.value_heading],
            rows=[[row.label, number(row.value)] for row in counted.rows],
        ),
    ]
