"""Getting on the list of speakers: a delegation asks from its phone, the
secretariat adds a delegation that raised its flag, the chair calls a speaker
of the programme."""

from __future__ import annotations

from typing import Any, Required, TypedDict, Unpack

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from convener.audit.actors import acts, require
from convener.directory.models import Organisation, Person, State, StateGroup, StateGroupChair
from convener.live.domain.floor import changing
from convener.live.domain.order import _renumber
from convener.live.models import Floor, Inscription, InscriptionStatus, Level, Purpose
from convener.live.queries.order import meeting_rules, place_for, waiting_list
from convener.meetings.models import CoChair, Meeting, Participation, ProgrammeRole, SegmentKind
from convener.records.models import Capacity

CONFIRM_LEVELS = "meeting.confirm_levels"
# The capacities in which a delegation takes the floor.
DELEGATION_CAPACITIES = (Capacity.NATIONAL, Capacity.GROUP, Capacity.ORGANISATION)
# The inscriptions that count towards what a delegation may still ask for on an item.
COUNTED_STATUSES = (
    InscriptionStatus.WAITING,
    InscriptionStatus.SPEAKING,
    InscriptionStatus.INTERRUPTED,
    InscriptionStatus.SPOKE,
)


class DelegationAsk(TypedDict, total=False):
    """What a delegation asks the floor for, and who speaks: the same whether
    it asks from its phone or by raising its flag."""

    capacity: Required[str]
    # The level the delegation proposes (`Inscription.proposed_level`): it
    # counts once the secretariat confirms it (`confirm_level`).
    level: Required[str]
    purpose: Required[str]
    state: State | None
    state_group: StateGroup | None
    organisation: Organisation | None
    speaker_name: str
    speaker_title: str
    addressed_to: Person | None


@acts("meeting.request_floor", on="meeting")
def request_floor(*, meeting: Meeting, by: Any, **ask: Unpack[DelegationAsk]) -> Inscription:
    """A delegation asks for the floor: before the meeting (an inscription) or
    during the segment under way. Once the list is closed only a point of
    order or a right of reply may still be asked for. The delegation must
    also speak for whom it names (`floor.speak_for`), which only the
    inscription asked for shows."""
    inscription = _delegation_inscription(meeting=meeting, **ask)
    inscription.requested_by = by
    require(by, "floor.speak_for", inscription)
    _check_speaks_for_the_group(inscription, designated=False)
    with changing(meeting) as floor:
        if floor.list_closed and inscription.purpose not in Purpose.after_closing():
            raise ValidationError(
                {
                    "purpose": [
                        _(
                            "The list of speakers is closed: you may still raise a point "
                            "of order or ask for a right of reply."
                        )
                    ]
                }
            )
        _refuse_second_inscription(inscription)
        _check_item_allowance(floor, inscription)
        _inscribe(floor, inscription)
    return inscription


@acts("meeting.chair", on="meeting")
def add_for_raised_flag(*, meeting: Meeting, by: Any, **ask: Unpack[DelegationAsk]) -> Inscription:
    """The secretariat adds a delegation that asked for the floor by raising
    its flag; a closed list does not stop it, but the inscription is marked
    (`added_to_closed_list`) so that the console warns the chair."""
    inscription = _delegation_inscription(meeting=meeting, **ask)
    inscription.raised_flag = True
    inscription.requested_by = by
    # The secretariat names the level itself; the chair's is a proposal.
    if by.has_perm(CONFIRM_LEVELS, inscription):
        _confirm(inscription, inscription.proposed_level, by)
    # The secretariat adding a member for its group designates it to speak for it.
    _check_speaks_for_the_group(inscription, designated=True)
    with changing(meeting) as floor:
        _refuse_second_inscription(inscription)
        _check_item_allowance(floor, inscription)
        inscription.added_to_closed_list = floor.list_closed
        _inscribe(floor, inscription)
    return inscription


@acts("meeting.chair", on="participation")
def add_programme_speaker(
    *, participation: Participation, by: Any, purpose: str = ""
) -> Inscription:
    """The chair puts a speaker of the programme (a panellist, a moderator, a
    co-chair) on the list. The purpose follows the segment: a presentation in
    a panel, an answer in a debate, remarks otherwise. A closed list does not
    stop the chair; the inscription is marked (`added_to_closed_list`)."""
    segment = participation.segment
    meeting = segment.meeting
    person = participation.person
    if person is None:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: [
                    _("This place of the programme has no one named yet: name the person first.")
                ]
            }
        )
    co_chair = (
        CoChair.objects.filter(meeting=meeting, person=person).select_related("state").first()
        if participation.role == ProgrammeRole.CO_CHAIR
        else None
    )
    inscription = Inscription(
        meeting=meeting,
        person=person,
        state=co_chair.state if co_chair else None,
        organisation=None if co_chair else person.organisation,
        capacity=_programme_capacity(person, co_chair),
        purpose=purpose or _programme_purpose(segment.kind),
        requested_by=by,
        requested_at=timezone.now(),
    )
    with changing(meeting) as floor:
        _refuse_second_inscription(inscription)
        inscription.added_to_closed_list = floor.list_closed
        _inscribe(floor, inscription)
    return inscription


def _programme_capacity(person: Person, co_chair: CoChair | None) -> str:
    if co_chair is not None:
        return Capacity.NATIONAL
    return Capacity.ORGANISATION if person.organisation_id else Capacity.PERSONAL


def _programme_purpose(segment_kind: str) -> str:
    if segment_kind == SegmentKind.PANEL:
        return Purpose.PRESENTATION
    if segment_kind in (SegmentKind.INTERACTIVE_DEBATE, SegmentKind.DISCUSSION):
        return Purpose.ANSWER
    return Purpose.REMARKS


def _delegation_inscription(
    *,
    meeting: Meeting,
    capacity: str,
    level: str,
    purpose: str,
    state: State | None = None,
    state_group: StateGroup | None = None,
    organisation: Organisation | None = None,
    speaker_name: str = "",
    speaker_title: str = "",
    addressed_to: Person | None = None,
) -> Inscription:
    """The inscription a delegation asks for, checked: who it speaks for must
    match the capacity, and a question goes to a speaker of the meeting."""
    errors: dict[str, list[str]] = {}
    if capacity not in DELEGATION_CAPACITIES:
        errors["capacity"] = [_("Choose in what capacity you take the floor.")]
    if capacity in (Capacity.NATIONAL, Capacity.GROUP) and state is None:
        errors.setdefault("state", []).append(_("Name the State that takes the floor."))
    if capacity == Capacity.GROUP and state_group is None:
        errors["state_group"] = [_("Name the group of States you speak for.")]
    if capacity == Capacity.ORGANISATION and organisation is None:
        errors["organisation"] = [_("Name the organisation you speak for.")]
    level_error = _level_error(capacity, level)
    if level_error:
        errors["level"] = [level_error]
    if purpose not in Purpose.from_the_floor():
        errors["purpose"] = [_("Choose what you ask the floor for.")]
    if addressed_to is not None and not _speaks_in(addressed_to, meeting):
        errors["addressed_to"] = [_("Ask your question to a speaker of this meeting.")]
    if errors:
        raise ValidationError(errors)
    return Inscription(
        meeting=meeting,
        capacity=capacity,
        # A proposal: only a level the secretariat confirms counts.
        level=Level.OTHER,
        proposed_level=level,
        purpose=purpose,
        state=state if capacity != Capacity.ORGANISATION else None,
        state_group=state_group if capacity == Capacity.GROUP else None,
        organisation=organisation if capacity == Capacity.ORGANISATION else None,
        speaker_name=speaker_name.strip()[:200],
        speaker_title=speaker_title.strip()[:200],
        addressed_to=addressed_to if purpose == Purpose.QUESTION else None,
        requested_at=timezone.now(),
    )


def _level_error(capacity: str, level: str) -> str:
    """Why `level` cannot be the level of a speaker in `capacity`, or ""."""
    if level not in Level.values:
        return _("Choose the level of representation.")
    if capacity == Capacity.ORGANISATION and level != Level.OTHER:
        return _(
            "Levels of representation are those of States: an organisation's "
            "speaker is listed as “other”."
        )
    return ""


@acts(CONFIRM_LEVELS, on="inscription")
def confirm_level(*, inscription: Inscription, level: str, by: Any) -> Inscription:
    """The secretariat (protocol) confirms the level of representation a
    delegation proposed, or corrects it: from now on that level counts for
    the proposed order. A waiting inscription the chair has not placed by
    hand moves to the place the proposal now gives it."""
    meeting = inscription.meeting
    if inscription.person_id is not None:
        raise ValidationError(
            {"level": [_("A speaker of the programme has no level of representation to confirm.")]}
        )
    error = _level_error(inscription.capacity, level)
    if error:
        raise ValidationError({"level": [error]})
    with changing(meeting) as floor:
        current = Inscription.objects.get(pk=inscription.pk)
        _confirm(current, level, by)
        current.save(update_fields=["level", "level_confirmed_at", "level_confirmed_by"])
        if current.status == InscriptionStatus.WAITING and not current.placed_by_chair:
            waiting = [other for other in waiting_list(meeting) if other.pk != current.pk]
            waiting.insert(place_for(current, waiting, meeting_rules(floor)), current)
            _renumber(meeting, waiting)
    inscription.level = current.level
    inscription.level_confirmed_at = current.level_confirmed_at
    inscription.level_confirmed_by = current.level_confirmed_by
    return current


def _confirm(inscription: Inscription, level: str, by: Any) -> None:
    inscription.level = level
    inscription.level_confirmed_at = timezone.now()
    inscription.level_confirmed_by = by if getattr(by, "is_authenticated", False) else None


def _check_speaks_for_the_group(inscription: Inscription, *, designated: bool) -> None:
    """Only the State chairing the group on the day of the meeting speaks for
    it of its own accord; the secretariat may designate another member."""
    group, state, day = inscription.state_group, inscription.state, inscription.meeting.date
    if group is None or state is None:
        return
    on = day or timezone.localdate()
    if designated:
        if not group.members_on(on).filter(pk=state.pk).exists():
            raise ValidationError(
                {"state": [_("%(state)s is not a member of the %(group)s.") % _names(inscription)]}
            )
        return
    chairs = StateGroupChair.objects.filter(group=group, starts__lte=on, ends__gte=on)
    if not chairs.filter(state=state).exists():
        raise ValidationError(
            {
                "state_group": [
                    _(
                        "Only the State chairing the %(group)s today speaks for it; "
                        "ask the secretariat if your delegation is to speak for it."
                    )
                    % _names(inscription)
                ]
            }
        )


def _check_item_allowance(floor: Floor, inscription: Inscription) -> None:
    """One statement per group on an item; at most `replies_per_item` rights of
    reply per delegation on an item (General Assembly decision 34/401)."""
    on_the_item = Inscription.objects.filter(
        meeting=floor.meeting, segment=floor.segment, status__in=COUNTED_STATUSES
    )
    if inscription.state_group is not None and inscription.purpose == Purpose.STATEMENT:
        _refuse_second_group_statement(inscription, on_the_item)
    if inscription.purpose == Purpose.RIGHT_OF_REPLY:
        _refuse_reply_beyond_allowance(inscription, on_the_item, floor.replies_per_item)


def _refuse_second_group_statement(inscription: Inscription, on_the_item: Any) -> None:
    statements = on_the_item.filter(state_group=inscription.state_group, purpose=Purpose.STATEMENT)
    if statements.exists():
        message = _("The %(group)s has already made its statement on this item.")
        raise ValidationError({"state_group": [message % _names(inscription)]})


def _refuse_reply_beyond_allowance(inscription: Inscription, on_the_item: Any, most: int) -> None:
    replies = on_the_item.filter(
        purpose=Purpose.RIGHT_OF_REPLY,
        state=inscription.state,
        state_group=inscription.state_group,
        organisation=inscription.organisation,
    )
    if replies.count() >= most:
        message = ngettext(
            "%(who)s has had its right of reply on this item: one per delegation.",
            "%(who)s has had its %(count)d rights of reply on this item, "
            "the most a delegation may have.",
            most,
        )
        raise ValidationError({"purpose": [message % {"who": inscription.who, "count": most}]})


def _names(inscription: Inscription) -> dict[str, str]:
    return {"state": str(inscription.state), "group": str(inscription.state_group)}


def _speaks_in(person: Person, meeting: Meeting) -> bool:
    return Participation.objects.filter(segment__meeting=meeting, person=person).exists()


def _refuse_second_inscription(inscription: Inscription) -> None:
    """A double tap on a phone, or two members of a delegation, must not put
    the same delegation on the list twice for the same thing."""
    waiting = Inscription.objects.filter(
        meeting=inscription.meeting,
        status__in=(InscriptionStatus.WAITING, InscriptionStatus.SPEAKING),
        purpose=inscription.purpose,
        state=inscription.state,
        state_group=inscription.state_group,
        organisation=inscription.organisation,
        person=inscription.person,
    )
    if waiting.exists():
        raise ValidationError(
            {
                NON_FIELD_ERRORS: [
                    _("%(who)s is already on the list for this.") % {"who": inscription.who}
                ]
            }
        )


def _inscribe(floor: Floor, inscription: Inscription) -> None:
    """Save the inscription during the segment under way, in the place the proposal gives it."""
    inscription.segment = floor.segment
    inscription.status = InscriptionStatus.WAITING
    inscription.position = None
    inscription.save()
    waiting = [other for other in waiting_list(floor.meeting) if other.pk != inscription.pk]
    waiting.insert(place_for(inscription, waiting, meeting_rules(floor)), inscription)
    _renumber(floor.meeting, waiting)
