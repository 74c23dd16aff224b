"""The list of participants: who took part in a meeting or a series, and in what role."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from convener.directory.models import Person
from convener.directory.naming import state_in_list, state_in_text
from convener.directory.sorting import family_name_order
from convener.meetings.models import Meeting, Series
from convener.publishing.composition.acronyms import Acronyms
from convener.publishing.composition.introductions import described
from convener.publishing.composition.languages import title_of
from convener.publishing.composition.wording import meeting_date
from convener.publishing.document import Block, Document, Heading, ItemList, Text
from convener.records.models import Intervention


@dataclass
class _Part:
    """What a person did at a meeting, and the capacities they held there."""

    roles: list[str] = field(default_factory=list)
    capacities: list[str] = field(default_factory=list)


def _parts_by_person(meeting: Meeting) -> dict[Person, _Part]:
    parts: dict[Person, _Part] = defaultdict(_Part)
    if meeting.moderator:
        parts[meeting.moderator].roles.append(str(meeting.get_moderator_role_display()))
    for co_chair in meeting.co_chairs.all():
        if co_chair.person:
            state = state_in_text(co_chair.state, on=meeting.date, formal=co_chair.named_formally)
            role = _("Co-chair for %(state)s") % {"state": state}
            parts[co_chair.person].roles.append(role)
    for segment in meeting.segments.all():
        for participation in segment.participations.all():
            if participation.person is None:
                continue  # a place not yet named: no one to list yet
            part = parts[participation.person]
            role = f"{participation.get_role_display()} ({segment.heading})"
            if role not in part.roles:
                part.roles.append(role)
            if participation.capacity:
                part.capacities.append(participation.capacity)
    return parts


def _delegation(intervention: Intervention, meeting: Meeting) -> str:
    """The group of States, or the State as it was named on the meeting's date."""
    if intervention.state_group is not None:
        return str(intervention.state_group)
    if intervention.state is not None:
        return state_in_list(intervention.state, on=meeting.date)
    return ""


def _delegations(meeting: Meeting) -> list[str]:
    names: list[str] = []
    for segment in meeting.segments.all():
        for intervention in segment.interventions.all():
            name = _delegation(intervention, meeting)
            if name and name not in names:
                names.append(name)
    return names


def participant_blocks(meeting: Meeting, acronyms: Acronyms, *, level: int) -> list[Block]:
    parts = _parts_by_person(meeting)
    people = sorted(parts, key=family_name_order)
    blocks: list[Block] = [
        ItemList(
            [
                [
                    Text(described(person, acronyms, parts[person].capacities)),
                    Text(f" — {'; '.join(parts[person].roles)}"),
                ]
                for person in people
            ]
        )
    ]
    delegations = _delegations(meeting)
    if delegations:
        blocks.append(Heading(level + 1, _("Delegations that took the floor"), in_contents=False))
        blocks.append(ItemList([[Text(name)] for name in delegations]))
    return blocks


def participant_list(series: Series, meetings: list[Meeting]) -> Document:
    single = len(meetings) == 1
    blocks: list[Block] = []
    acronyms = Acronyms()
    for meeting in meetings:
        if not single:
            title = f"{meeting_date(meeting)}: {title_of(meeting)}"
            blocks.append(Heading(1, title, anchor=f"meeting-{meeting.number}"))
        blocks.extend(participant_blocks(meeting, acronyms, level=1 if not single else 0))
    title = title_of(meetings[0]) if single else str(series)
    subtitle = _("List of participants")
    return Document(
        title=title,
        subtitle=subtitle,
        running_header=f"{title} — {subtitle}",
        blocks=blocks,
    )
