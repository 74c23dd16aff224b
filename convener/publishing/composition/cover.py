"""The report's cover and imprint: its title, who convened it, and the page after the cover.

The title names the convening group in full with its acronym, what the
series calls its meetings and, where the series prepares an event, that
event: "Report of the Global Migration Group (GMG) multi-stakeholder
meetings in preparation for the high-level plenary meeting …". The imprint
(copyright, what the report is, who produced it) prints only what the series
gives.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from convener.directory.models import Organisation
from convener.meetings.models import Series
from convener.publishing.composition.acronyms import Acronyms
from convener.publishing.composition.languages import prose_blocks
from convener.publishing.document import (
    Block,
    Heading,
    Paragraph,
    Text,
)

# An event named by what it is ("… Summit", "… meeting of the General
# Assembly") takes "the" in a sentence; one with a name of its own ("COP28",
# "Habitat III") does not.
_EVENT_NOUN = re.compile(
    r"\b(assembly|conference|congress|convention|dialogue|forum|meeting|review|session|"
    r"summit|symposium)\b",
    re.IGNORECASE,
)


def chair_of(series: Series) -> Organisation | None:
    """The organisation that chairs the convening group in the year of the prepared event."""
    group = series.convening_group
    year = series.prepared_event_date.year if series.prepared_event_date else None
    chair = group.chair_in(year) if group and year else None
    return chair.organisation if chair else None


def event_in_text(event: str) -> str:
    """The prepared event as a sentence names it: "the high-level plenary meeting …", "COP28"."""
    if event[:4].lower() == "the ":
        return "t" + event[1:]
    if " of " in event or _EVENT_NOUN.search(event):
        return _("the %(name)s") % {"name": event}
    return event


def report_title_lines(series: Series, acronyms: Acronyms) -> tuple[str, ...]:
    """The report's title, line by line as the cover sets it; joined, the title.

    The group is named here first, so in full with its acronym. A translation
    may move the line breaks, which are part of each message."""
    group = series.convening_group
    if group is not None:
        # Translators: the report's title; each line break is one on its cover.
        title = _("Report of the\n%(group)s\n%(meetings)s") % {
            "group": acronyms.name(group),
            "meetings": series.meetings_called or _("meetings"),
        }
    else:
        # Translators: the report's title when no group convened the series.
        title = _("Report of the\n%(series)s") % {"series": series.title}
    if series.prepared_event:
        # Translators: the report's title, then the event the series prepared.
        title = _("%(title)s\nin preparation for %(event)s") % {
            "title": title,
            "event": event_in_text(series.prepared_event),
        }
    return tuple(line for line in title.split("\n") if line)


def convened_line(series: Series, acronyms: Acronyms) -> list[Paragraph]:
    """ "Convened by the GMG, chaired in 2016 by … (UN Women)", for the cover."""
    group = series.convening_group
    if group is None:
        return []
    chair = chair_of(series)
    if chair is None or series.prepared_event_date is None:
        line = _("Convened by the %(group)s") % {"group": acronyms.name(group)}
    else:
        line = _("Convened by the %(group)s, chaired in %(year)s by %(chair)s") % {
            "group": acronyms.name(group),
            "year": series.prepared_event_date.year,
            "chair": acronyms.name(chair, in_sentence=True),
        }
    return [Paragraph([Text(line)], "lead")]


def imprint_blocks(series: Series, acronyms: Acronyms) -> list[Block]:
    """The page after the cover: the copyright notice, what the report is,
    and who produced it; nothing of what the series leaves empty."""
    blocks: list[Block] = []
    if series.copyright_holder:
        blocks.append(Paragraph([Text(_copyright(series))], "note"))
    blocks.extend(_about(series))
    if series.produced_by:
        blocks.append(Paragraph([Text(_produced(series, acronyms))], "note"))
    return blocks


def _copyright(series: Series) -> str:
    if series.copyright_year is None:
        return _("© %(holder)s. All rights reserved.") % {"holder": series.copyright_holder}
    return _("© %(holder)s %(year)s. All rights reserved.") % {
        "holder": series.copyright_holder,
        "year": series.copyright_year,
    }


def _about(series: Series) -> list[Block]:
    """The series' paragraph on the report. A heading in it is set as a bold
    line: the imprint's headings would otherwise join the contents."""
    return [
        Paragraph([Text(block.text, bold=True)], language=block.language)
        if isinstance(block, Heading)
        else block
        for block in prose_blocks(series, "report_about")
    ]


def _produced(series: Series, acronyms: Acronyms) -> str:
    group = series.convening_group
    if group is None:
        return _("This report was produced by %(unit)s.") % {"unit": series.produced_by}
    return _("This report was produced for the %(group)s by %(unit)s.") % {
        "group": acronyms.name(group),
        "unit": series.produced_by,
    }
