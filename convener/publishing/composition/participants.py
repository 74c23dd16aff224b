"""The list of participants: who took part in a meeting or a series, and in what role."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from convener.directory.models import Person
from convener.directory.sorting import family_name_order
from convener.meetings.models import Meeting, Series
from convener.publishing.composition.programme import described
from convener.publishing.composition.wording import meeting_date
from convener.publishing.document import Block, Document, Heading, ItemList, Text


def _roles_by_person(meeting: Meeting) -> dict[Person, list[str]]:
    roles: dict[Person, list[str]] = defaultdict(list)
    if meeting.moderator:
        roles[meeting.moderator].append(str(meeting.get_moderator_role_display()))
    for co_chair in meeting.co_chairs.all():
        if co_chair.person:
            roles[co_chair.person].append(_("Co-chair for %(state)s") % {"state": co_chair.state})
    for segment in meeting.segments.all():
        for participation in segment.participations.all():
            if participation.person is None:
                continue  # a place not yet named: no one to list yet
            role = f"{participation.get_role_display()} ({segment.heading})"
            if role not in roles[participation.person]:
                roles[participation.person].append(role)
    return roles


def _delegations(meeting: Meeting) -> list[str]:
    names: list[str] = []
    for segment in meeting.segments.all():
        for intervention in segment.interventions.all():
            delegation = intervention.state_group or intervention.state
            if delegation and str(delegation) not in names:
                names.append(str(delegation))
    return names


def participant_blocks(meeting: Meeting, *, level: int) -> list[Block]:
    roles = _roles_by_person(meeting)
    people = sorted(roles, key=family_name_order)
    blocks: list[Block] = [
        ItemList(
            [[Text(described(person)), Text(f" — {'; '.join(roles[person])}")] for person in people]
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
    for meeting in meetings:
        if not single:
            title = f"{meeting_date(meeting)}: {meeting.title}"
            blocks.append(Heading(1, title, anchor=f"meeting-{meeting.number}"))
        blocks.extend(participant_blocks(meeting, level=1 if not single else 0))
    title = meetings[0].title if single else str(series)
    subtitle = _("List of participants")
    return Document(
        title=title,
        subtitle=subtitle,
        running_header=f"{title} — {subtitle}",
        blocks=blocks,
    )
