"""Recording the floor: who took it, for whom, in what capacity, and what they said."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence, Set
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Field, Max
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.directory.limits import POINT, POINTS
from convener.directory.models import Organisation, Person, State, StateGroup
from convener.meetings.domain.references import SDG_TARGET
from convener.meetings.domain.workflow import lock_open_meeting
from convener.meetings.models import Segment
from convener.prose.editing import lock_and_compare
from convener.prose.symbols import is_symbol
from convener.records.models import Capacity, Intervention, InterventionKind

logger = logging.getLogger(__name__)

# Who writes the record: the rapporteur and the secretariat.
PERMISSION = "meeting.edit_records"
# Who gives the floor on the live floor, which records who takes it.
FLOOR_PERMISSION = "meeting.chair"

# The fields `update_intervention` changes; the order has its own rules.
EDITABLE_FIELDS = frozenset(
    {
        "segment",
        "kind",
        "speaker",
        "state",
        "state_group",
        "organisation",
        "capacity",
        "office",
        "summary",
        "points",
        "references",
        "sdg_targets",
    }
)
_LISTS = ("points", "references", "sdg_targets")
# Checked by `_check` itself: the related rows are given as objects, and
# the JSON fields have no field validation of their own.
_NOT_CLEANED = [
    "segment",
    "speaker",
    "state",
    "state_group",
    "organisation",
    "order",
    "points",
    "references",
    "sdg_targets",
]


@acts(PERMISSION, on="segment")
def record_intervention(
    *,
    segment: Segment,
    by: AbstractBaseUser,
    kind: str = InterventionKind.STATEMENT,
    speaker: Person | None = None,
    state: State | None = None,
    state_group: StateGroup | None = None,
    organisation: Organisation | None = None,
    capacity: str = "",
    office: str = "",
    summary: str = "",
    points: Sequence[str] = (),
    references: Sequence[str] = (),
    sdg_targets: Sequence[str] = (),
) -> Intervention:
    """A new turn on the floor, after the last one recorded in the segment."""
    intervention = Intervention(
        segment=segment,
        kind=kind,
        speaker=speaker,
        state=state,
        state_group=state_group,
        organisation=organisation,
        capacity=capacity,
        office=office,
        summary=summary,
        points=list(points),
        references=list(references),
        sdg_targets=list(sdg_targets),
    )
    _add(intervention, by=by)
    return intervention


@acts(FLOOR_PERMISSION, on="segment")
def record_turn_given(
    *,
    segment: Segment,
    by: AbstractBaseUser,
    kind: str,
    speaker: Person | None = None,
    state: State | None = None,
    state_group: StateGroup | None = None,
    organisation: Organisation | None = None,
    capacity: str = "",
    speaker_name: str = "",
    speaker_title: str = "",
    speaker_level: str = "",
) -> Intervention:
    """The turn the chair gives on the live floor, recorded after the last one
    in the segment: who speaks, for whom, in what capacity and for what, with
    the speaker's name, title and level as the floor had them (kept, whatever
    the directory says later). The rapporteur writes what was said
    (`update_intervention`)."""
    intervention = Intervention(
        segment=segment,
        kind=kind,
        speaker=speaker,
        state=state,
        state_group=state_group,
        organisation=organisation,
        capacity=capacity,
        speaker_name=speaker_name.strip()[:200],
        speaker_title=speaker_title.strip()[:300],
        speaker_level=speaker_level,
    )
    _add(intervention, by=by)
    return intervention


def _add(intervention: Intervention, *, by: AbstractBaseUser) -> None:
    """Save a new turn after the last one of its segment, under the meeting's lock."""
    segment = intervention.segment
    lock_open_meeting(segment.meeting_id)
    _check(intervention, changed=EDITABLE_FIELDS)
    intervention.order = _next_order(segment)
    intervention.save()
    transaction.on_commit(lambda: logger.info("%s recorded intervention %s", by, intervention.pk))


@acts(PERMISSION, on="intervention")
def update_intervention(
    *,
    intervention: Intervention,
    changes: Mapping[str, Any],
    by: AbstractBaseUser,
    started_from: Mapping[str, str] | None = None,
) -> Intervention:
    """Apply `changes` (model field names to values) to the intervention and save it.

    An intervention may move to another segment of its meeting, where it
    becomes the last; it never leaves its meeting. `started_from` maps a long
    text (the summary) to the digest of the text the editor started from:
    `EditConflictError` if someone saved another text since.
    """
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"update_intervention does not change {', '.join(sorted(unknown))}")
    if not changes:
        return intervention
    segment = changes.get("segment", intervention.segment)
    if segment is None:
        raise ValidationError({"segment": [_("Every intervention is in a segment.")]})
    meeting_id = intervention.segment.meeting_id
    moved = segment.pk != intervention.segment_id
    lock_open_meeting(meeting_id)
    lock_and_compare(intervention, started_from)
    for field, value in changes.items():
        setattr(intervention, field, value)
    _check(intervention, changed=set(changes), meeting_id=meeting_id)
    fields = [*changes, "updated_at"]
    if moved:
        intervention.order = _next_order(intervention.segment)
        fields.append("order")
    intervention.save(update_fields=fields)
    changed = ", ".join(sorted(changes))
    transaction.on_commit(
        lambda: logger.info("%s changed %s of intervention %s", by, changed, intervention.pk)
    )
    return intervention


@acts(PERMISSION, on="intervention")
def cite_sdg_target(*, intervention: Intervention, target: str, by: AbstractBaseUser) -> bool:
    """Add an SDG target to those the statement speaks to (a suggestion the
    rapporteur confirmed); whether it was added: False when cited already."""
    lock_open_meeting(intervention.segment.meeting_id)
    intervention.refresh_from_db(fields=["sdg_targets"])
    if target in intervention.sdg_targets:
        return False
    intervention.sdg_targets = [*intervention.sdg_targets, target]
    _check(intervention, changed={"sdg_targets"})
    intervention.save(update_fields=["sdg_targets", "updated_at"])
    transaction.on_commit(
        lambda: logger.info("%s cited %s in intervention %s", by, target, intervention.pk)
    )
    return True


@acts(PERMISSION, on="intervention")
def remove_intervention(*, intervention: Intervention, by: AbstractBaseUser) -> None:
    """Take a turn out of the record (recorded by mistake, or twice); the
    turns after it close up."""
    lock_open_meeting(intervention.segment.meeting_id)
    segment = intervention.segment
    pk = intervention.pk
    intervention.delete()
    _renumber(segment)
    transaction.on_commit(lambda: logger.info("%s removed intervention %s", by, pk))


@acts(PERMISSION, on="intervention")
def move_intervention(*, intervention: Intervention, step: int, by: AbstractBaseUser) -> bool:
    """Move a turn one place earlier (`step` -1) or later (+1) in its segment;
    whether it moved (the first turn goes no earlier, the last no later)."""
    if step not in (-1, 1):
        raise ValueError("A turn moves one place at a time.")
    lock_open_meeting(intervention.segment.meeting_id)
    turns = list(
        Intervention.objects.filter(segment_id=intervention.segment_id).order_by("order", "pk")
    )
    index = next(i for i, turn in enumerate(turns) if turn.pk == intervention.pk)
    target = index + step
    if not 0 <= target < len(turns):
        return False
    turns[index], turns[target] = turns[target], turns[index]
    _save_order(turns)
    intervention.order = target
    transaction.on_commit(lambda: logger.info("%s moved intervention %s", by, intervention.pk))
    return True


def _renumber(segment: Segment) -> None:
    _save_order(list(Intervention.objects.filter(segment=segment).order_by("order", "pk")))


def _save_order(turns: list[Intervention]) -> None:
    """Number the turns 0, 1, 2… in the order given, saving only those that change."""
    for order, turn in enumerate(turns):
        if turn.order != order:
            turn.order = order
            turn.save(update_fields=["order"])


def _next_order(segment: Segment) -> int:
    last = Intervention.objects.filter(segment=segment).aggregate(last=Max("order"))["last"]
    return 0 if last is None else last + 1


def _check(intervention: Intervention, *, changed: Set[str], meeting_id: int | None = None) -> None:
    errors: dict[str, Any] = {}
    # `clean_fields` lets None through for a blank field; the database would not.
    nulls = {
        name
        for name in changed
        if getattr(intervention, name) is None
        and not Intervention._meta.get_field(name).null
        and name not in {"segment", *_LISTS}  # the rules below say what is wrong
    }
    for name in nulls:
        errors[name] = [ValidationError(_null_message(name), code="null")]
    try:
        intervention.clean_fields(exclude=[*_NOT_CLEANED, *nulls])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for field, message in _rule_breaches(intervention, meeting_id=meeting_id):
        errors.setdefault(field, []).append(ValidationError(message))
    if errors:
        raise ValidationError(errors)


def _null_message(name: str) -> str:
    """Django's own (translated) words for a field left empty that may not be."""
    model_field = Intervention._meta.get_field(name)
    assert isinstance(model_field, Field)
    return str(model_field.error_messages["null"])


def _rule_breaches(intervention: Intervention, *, meeting_id: int | None) -> list[tuple[str, str]]:
    breaches = []
    if meeting_id is not None and intervention.segment.meeting_id != meeting_id:
        breaches.append(("segment", _("An intervention stays in its meeting.")))
    if not (
        intervention.speaker
        or intervention.state
        or intervention.state_group
        or intervention.organisation
    ):
        breaches.append(
            (NON_FIELD_ERRORS, _("Name a speaker, a State, a group of States or an organisation."))
        )
    if intervention.capacity == Capacity.GROUP and not intervention.state_group:
        breaches.append(("state_group", _("Required when speaking on behalf of a group.")))
    if intervention.capacity == Capacity.OFFICE and not intervention.office:
        breaches.append(("office", _("Required when speaking as holder of an office.")))
    breaches.extend(_list_breaches(intervention))
    return breaches


def _list_breaches(intervention: Intervention) -> list[tuple[str, str]]:
    """The points, documents cited and SDG targets: lists of texts of their kind."""
    breaches = []
    points = intervention.points
    if not _texts(points, most=POINTS) or any(len(point) > POINT for point in points):
        breaches.append(("points", _("Give the points as a list of texts.")))
    references = intervention.references
    if not _texts(references, most=POINTS) or not all(map(is_symbol, references)):
        breaches.append(
            ("references", _("Give the documents cited by UN symbol, such as A/70/59."))
        )
    targets = intervention.sdg_targets
    if not _texts(targets, most=POINTS) or not all(map(SDG_TARGET.match, targets)):
        breaches.append(("sdg_targets", _("Give SDG targets such as 10.7 or 17.a.")))
    return breaches


def _texts(value: Any, *, most: int) -> bool:
    return isinstance(value, list) and len(value) <= most and all(isinstance(v, str) for v in value)
