"""The planning checks of a segment: its speaking times and, for a panel, its
speakers' gender and regions, and its moderator (rules in `review`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from convener.directory.models import Gender, Person, State
from convener.meetings.domain.findings import Check, Finding, Severity, listed, minutes
from convener.meetings.models import ProgrammeRole, Segment, SegmentKind
from convener.meetings.wording import place_in_words

SPEAKING_ROLES = frozenset(
    {ProgrammeRole.PANELLIST, ProgrammeRole.SPEAKER, ProgrammeRole.DISCUSSANT}
)


def segment_findings(segment: Segment, *, slot_minutes: int | None) -> list[Finding]:
    """What the checks find in a segment that lasts `slot_minutes` (None: unknown)."""
    findings = list(_speaking_time(segment, slot_minutes))
    if _is_panel(segment):
        findings.extend(_panel_checks(segment))
    return findings


def _is_panel(segment: Segment) -> bool:
    return segment.kind == SegmentKind.PANEL or any(
        part.role == ProgrammeRole.PANELLIST for part in segment.participations.all()
    )


def _speakers(segment: Segment) -> list[Person]:
    """The people who present on the panel, each once, in programme order."""
    people: dict[int, Person] = {}
    for part in segment.participations.all():
        if part.role in SPEAKING_ROLES and part.person is not None:
            people.setdefault(part.person.pk, part.person)
    return list(people.values())


def _panel_checks(segment: Segment) -> list[Finding]:
    speakers = _speakers(segment)
    found = [*_gender_balance(segment, speakers), *_regional_balance(segment, speakers)]
    has_moderator = segment.meeting.moderator_id is not None or any(
        part.role in ProgrammeRole.presiding() for part in segment.participations.all()
    )
    if not has_moderator and not segment.meeting.has_no_moderator:
        message = _("No moderator is recorded for this panel, nor for the whole meeting.")
        found.append(
            Finding(segment.meeting, segment, Check.NO_MODERATOR, Severity.PROBLEM, message)
        )
    return found


def _all_of_one_gender(gender: str, count: int) -> tuple[Check, Severity, str]:
    """The check, severity and wording for a panel whose speakers are all of `gender`."""
    if gender == Gender.MALE:
        return (
            Check.ALL_MALE_PANEL,
            Severity.PROBLEM,
            ngettext(
                "The %(count)d speaker on this panel is a man: %(people)s.",
                "The %(count)d speakers on this panel are all men: %(people)s.",
                count,
            ),
        )
    if gender == Gender.FEMALE:
        wording = ngettext(
            "The %(count)d speaker on this panel is a woman: %(people)s.",
            "The %(count)d speakers on this panel are all women: %(people)s.",
            count,
        )
    else:
        wording = ngettext(
            "The %(count)d speaker on this panel has the gender recorded as other: %(people)s.",
            "The %(count)d speakers on this panel all have the gender recorded as other: "
            "%(people)s.",
            count,
        )
    return Check.SINGLE_GENDER_PANEL, Severity.NOTE, wording


def _gender_balance(segment: Segment, speakers: Sequence[Person]) -> Iterator[Finding]:
    # One speaker is not a panel whose balance can be weighed.
    if len(speakers) < 2:
        return
    recorded = {person.gender for person in speakers if person.gender}
    unrecorded = [person.formal_name for person in speakers if not person.gender]
    if len(recorded) > 1:
        return
    if not unrecorded:
        check, severity, wording = _all_of_one_gender(recorded.pop(), len(speakers))
        message = wording % {
            "count": len(speakers),
            "people": listed(person.formal_name for person in speakers),
        }
        yield Finding(segment.meeting, segment, check, severity, message)
        return
    if recorded == {Gender.MALE}:
        why = _(
            "Every speaker on this panel whose gender is recorded is a man, and the gender "
            "of %(people)s is not recorded: the panel may be all-male."
        )
    else:
        why = _(
            "The gender of %(people)s is not recorded, "
            "so the panel's gender balance cannot be checked."
        )
    message = why % {"people": listed(unrecorded)}
    yield Finding(segment.meeting, segment, Check.UNRECORDED_GENDER, Severity.NOTE, message)


def _represented_state(person: Person) -> State | None:
    organisation = person.organisation
    return organisation.state if organisation is not None else None


def _regional_balance(segment: Segment, speakers: Sequence[Person]) -> Iterator[Finding]:
    representing = [
        (person, state)
        for person in speakers
        if (state := _represented_state(person)) is not None and state.regional_group
    ]
    groups = {state.regional_group for _person, state in representing}
    if len(representing) < 2 or len(groups) != 1:
        return
    count = len(representing)
    message = ngettext(
        "The %(count)d speaker on this panel who represents a State comes from the %(group)s: "
        "%(people)s.",
        "The %(count)d speakers on this panel who represent States all come from the %(group)s: "
        "%(people)s.",
        count,
    ) % {
        "count": count,
        "group": representing[0][1].get_regional_group_display(),
        "people": listed(f"{person.formal_name} ({state.name})" for person, state in representing),
    }
    yield Finding(segment.meeting, segment, Check.REGIONAL_BALANCE, Severity.NOTE, message)


def _speaking_time(segment: Segment, slot: int | None) -> Iterator[Finding]:
    timed = [part for part in segment.participations.all() if part.speaking_time]
    total = sum(part.speaking_time or 0 for part in timed)
    if slot is None or total <= slot:
        return
    message = _(
        "The speaking times add up to %(total)s, more than the segment's %(slot)s: %(people)s."
    ) % {
        "total": minutes(total),
        "slot": minutes(slot),
        "people": listed(
            f"{place_in_words(part)} ({minutes(part.speaking_time or 0)})" for part in timed
        ),
    }
    yield Finding(segment.meeting, segment, Check.SPEAKING_TIME, Severity.PROBLEM, message)
