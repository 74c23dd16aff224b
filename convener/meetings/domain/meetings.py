"""Creating a meeting and changing its facts: title, time and place, prose,
co-organisers and co-chairs. Its status moves through `workflow`."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from convener.audit.actors import acts
from convener.directory.models import Organisation, Person, State
from convener.meetings.domain.fields import field_errors
from convener.meetings.domain.workflow import lock_open_meeting
from convener.meetings.models import (
    CoChair,
    CoOrganiser,
    Meeting,
    MeetingStatus,
    OptionalFact,
    Series,
)
from convener.prose.editing import lock_and_compare

logger = logging.getLogger(__name__)

# What a new meeting may be given, in the order its form shows them; it
# starts as a draft, its prose comes later.
CREATION_FIELDS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "ends_next_day",
    "venue",
    "room",
    "has_no_room",
    "format",
    "format_note",
    "moderator",
    "moderator_role",
    "part_of",
    "part_of_link",
    "has_no_moderator",
    "has_no_co_organisers",
    "has_no_co_chairs",
)
# The fields `update_meeting` changes; the programme, co-chairs and
# co-organisers have their own functions, and the status moves only through
# the steps of `meetings.domain.workflow`. The rapporteur, who does not
# manage the meeting, writes its summary through
# `records.domain.summaries.update_meeting_summary`.
EDITABLE_FIELDS = frozenset({*CREATION_FIELDS, "summary"})


@acts("series.manage", on="series")
def create_meeting(*, series: Series, fields: Mapping[str, Any], by: AbstractBaseUser) -> Meeting:
    """A new draft meeting of the series, numbered after the last one.

    Any of date, time, venue and room may be left empty: "to be confirmed".
    """
    unknown = set(fields) - set(CREATION_FIELDS)
    if unknown:
        raise ValueError(f"create_meeting does not set {', '.join(sorted(unknown))}")
    # Two meetings created at once must not take the same number.
    Series.objects.select_for_update().filter(pk=series.pk).first()
    last = series.meetings.aggregate(last=Max("number"))["last"] or 0
    meeting = Meeting(series=series, number=last + 1, status=MeetingStatus.DRAFT, **fields)
    _check(meeting, changed={"title", *fields})
    meeting.save()
    transaction.on_commit(
        lambda: logger.info("%s created meeting %s of %s", by, meeting.number, series.slug)
    )
    return meeting


@acts("meeting.manage", on="meeting")
def update_meeting(
    *,
    meeting: Meeting,
    changes: Mapping[str, Any],
    by: AbstractBaseUser,
    started_from: Mapping[str, str] | None = None,
) -> Meeting:
    """Apply `changes` (model field names to values) to the meeting and save it.

    Raises ValidationError, keyed by field, and saves nothing if a value breaks
    a rule. The content revision rises when the transaction commits.
    `started_from` maps a long text (the summary, the note on the format) to
    the digest of the text the editor started from: `EditConflictError` if
    someone saved another text since.
    """
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"update_meeting does not change {', '.join(sorted(unknown))}")
    if not changes:
        return meeting
    lock_open_meeting(meeting.pk)
    lock_and_compare(meeting, started_from)
    for field, value in changes.items():
        setattr(meeting, field, value)
    _check(meeting, changed=set(changes))
    meeting.save(update_fields=[*changes, "updated_at"])
    fields = ", ".join(sorted(changes))
    transaction.on_commit(
        lambda: logger.info("%s changed %s of meeting %s", by, fields, meeting.pk)
    )
    return meeting


@acts("meeting.manage", on="meeting")
def set_co_organisers(
    *, meeting: Meeting, organisations: Sequence[Organisation], by: AbstractBaseUser
) -> None:
    """Make `organisations`, in this order, the meeting's co-organisers.

    Links that stay keep their row, so their history in the audit log goes on.
    A meeting marked as having no co-organisers takes none.
    """
    keys = [organisation.pk for organisation in organisations]
    if len(set(keys)) != len(keys):
        raise ValidationError(
            {
                "co_organisers": _(
                    "Each organisation co-organises a meeting once: remove the repeat."
                )
            }
        )
    lock_open_meeting(meeting.pk)
    if organisations:
        _refuse_rows_not_applicable(meeting, OptionalFact.CO_ORGANISERS)
    links = {link.organisation_id: link for link in meeting.co_organiser_links.all()}
    for organisation_id, link in links.items():
        if organisation_id not in keys:
            link.delete()
    for order, organisation in enumerate(organisations):
        kept = links.get(organisation.pk)
        if kept is None:
            CoOrganiser.objects.create(meeting=meeting, organisation=organisation, order=order)
        elif kept.order != order:
            kept.order = order
            kept.save(update_fields=["order"])


class _CoChairing(NamedTuple):
    state: State
    person: Person | None
    named_formally: bool = False


@acts("meeting.manage", on="meeting")
def set_co_chairs(
    *,
    meeting: Meeting,
    co_chairs: Sequence[tuple[State, Person | None] | tuple[State, Person | None, bool]],
    by: AbstractBaseUser,
) -> None:
    """Make these States, in this order, the meeting's co-chairs, each with the
    person who represents it (None while still to be confirmed) and, where
    given and true, named by its formal name in the documents. A meeting
    marked as having no co-chairs takes none."""
    rows = [_CoChairing(*row) for row in co_chairs]
    keys = [row.state.pk for row in rows]
    if len(set(keys)) != len(keys):
        raise ValidationError(
            {"co_chairs": _("Each State co-chairs a meeting once: remove the repeat.")}
        )
    lock_open_meeting(meeting.pk)
    if co_chairs:
        _refuse_rows_not_applicable(meeting, OptionalFact.CO_CHAIRS)
    existing = {co_chair.state_id: co_chair for co_chair in meeting.co_chairs.all()}
    for state_id, co_chair in existing.items():
        if state_id not in keys:
            co_chair.delete()
    for order, (state, person, named_formally) in enumerate(rows):
        found = existing.get(state.pk)
        if found is None:
            CoChair.objects.create(
                meeting=meeting,
                state=state,
                person=person,
                order=order,
                named_formally=named_formally,
            )
        elif (found.order, found.person_id, found.named_formally) != (
            order,
            person.pk if person else None,
            named_formally,
        ):
            found.order, found.person, found.named_formally = order, person, named_formally
            found.save(update_fields=["order", "person", "named_formally"])


def _check(meeting: Meeting, *, changed: set[str]) -> None:
    errors: dict[str, Any] = field_errors(meeting, changed=changed)
    for name in changed & {"start_time", "end_time"}:
        value = getattr(meeting, name)
        if value is not None and value.tzinfo is not None:
            errors[name] = [
                ValidationError(_("Give the local time of the series, without a UTC offset."))
            ]
    start, end = meeting.start_time, meeting.end_time
    timing = changed & {"start_time", "end_time", "ends_next_day"}
    if timing and not errors and start and end and end <= start and not meeting.ends_next_day:
        errors["end_time"] = [
            ValidationError(
                _(
                    "The meeting must end after it starts; tick “ends after midnight” "
                    "for a meeting that runs into the next day."
                )
            )
        ]
    if timing and meeting.ends_next_day and end is None:
        errors["end_time"] = [
            ValidationError(_("Give the end time of a meeting that ends after midnight."))
        ]
    errors.update(_not_applicable_errors(meeting, changed))
    if errors:
        raise ValidationError(errors)


# Why a fact cannot be marked not applicable while it has a value.
_HAS_A_VALUE = {
    OptionalFact.ROOM: gettext_lazy(
        "A meeting without a room has no room to name: empty the room, or untick “no room”."
    ),
    OptionalFact.MODERATOR: gettext_lazy(
        "The meeting has a moderator: remove the moderator, or untick “no moderator”."
    ),
    OptionalFact.CO_ORGANISERS: gettext_lazy(
        "The meeting has co-organisers: remove them, or untick “no co-organisers”."
    ),
    OptionalFact.CO_CHAIRS: gettext_lazy(
        "The meeting has co-chairs: remove them, or untick “no co-chairs”."
    ),
}


def _has_a_value(meeting: Meeting, fact: OptionalFact) -> bool:
    if fact == OptionalFact.ROOM:
        return bool(meeting.room)
    if fact == OptionalFact.MODERATOR:
        return meeting.moderator_id is not None
    if meeting.pk is None:
        return False
    rows = meeting.co_organiser_links if fact == OptionalFact.CO_ORGANISERS else meeting.co_chairs
    return bool(rows.exists())


def _not_applicable_errors(meeting: Meeting, changed: set[str]) -> dict[str, Any]:
    """A fact marked not applicable (`OptionalFact`) holds no value: the flag is refused
    while the fact has one."""
    errors: dict[str, Any] = {}
    for fact in OptionalFact:
        if not getattr(meeting, fact.flag) or not changed & {fact.flag, fact.value}:
            continue
        if _has_a_value(meeting, fact):
            errors[fact.flag] = [ValidationError(_HAS_A_VALUE[fact])]
    return errors


def _refuse_rows_not_applicable(meeting: Meeting, fact: OptionalFact) -> None:
    """Refuse rows (co-organisers, co-chairs) for a fact the meeting has none of by design."""
    if Meeting.objects.filter(pk=meeting.pk, **{fact.flag: True}).exists():
        raise ValidationError(
            {
                fact.value: _(
                    "The meeting is marked as having no %(fact)s: untick that to name them."
                )
                % {"fact": fact.label}
            }
        )
