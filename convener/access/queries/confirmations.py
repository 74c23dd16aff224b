"""Who of a series' speakers has confirmed their parts in the programme, and since when."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from convener.access.models import Invitation, SpeakerReminder
from convener.directory.models import Person
from convener.meetings.models import Meeting, MeetingStatus, Participation, Series
from convener.roles.models import Grant, Role

# The meetings whose speakers are still asked to confirm: not yet held.
STILL_TO_COME = (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)


@dataclass
class SpeakerContact:
    """What the secretariat knows of reaching one speaker of the series."""

    person: Person
    invited_at: datetime.datetime | None = None  # the first speaker's invitation sent
    address: str = ""  # the account's e-mail, else that of the invitation waiting
    has_account: bool = False
    reminded_at: datetime.datetime | None = None
    awaiting: list[Participation] = field(default_factory=list)  # unconfirmed, still to come


@dataclass(frozen=True)
class PartConfirmation:
    part: Participation
    contact: SpeakerContact | None  # None for a part with no person named yet: never reminded

    @property
    def may_be_reminded(self) -> bool:
        return self.contact is not None and self.part in self.contact.awaiting


@dataclass
class MeetingConfirmations:
    meeting: Meeting
    rows: list[PartConfirmation]

    @property
    def confirmed(self) -> int:
        return sum(row.part.confirmed_at is not None for row in self.rows)


@dataclass
class Confirmations:
    meetings: list[MeetingConfirmations]
    speakers: dict[int, SpeakerContact]  # by person id


def _parts(series: Series) -> list[Participation]:
    return list(
        Participation.objects.filter(segment__meeting__series=series)
        .select_related("segment__meeting", "person")
        .order_by("segment__meeting__number", "segment__order", "order", "pk")
    )


def speaker_confirmations(series: Series) -> Confirmations:
    """The parts of every meeting of the series with their confirmations, and
    for each person named in them how to reach them (for the secretariat)."""
    parts = _parts(series)
    speakers: dict[int, SpeakerContact] = {}
    for part in parts:
        if part.person is None:  # a place whose person is not named yet
            continue
        contact = speakers.setdefault(part.person.pk, SpeakerContact(person=part.person))
        if part.confirmed_at is None and part.segment.meeting.status in STILL_TO_COME:
            contact.awaiting.append(part)
    _add_invitations(series, speakers)
    _add_accounts(series, speakers)
    for reminder in SpeakerReminder.objects.filter(series=series, person__in=speakers).order_by(
        "sent_at"
    ):
        speakers[reminder.person_id].reminded_at = reminder.sent_at
    by_meeting: dict[int, MeetingConfirmations] = {}
    for part in parts:
        meeting = part.segment.meeting
        by_meeting.setdefault(meeting.pk, MeetingConfirmations(meeting=meeting, rows=[]))
        named = speakers.get(part.person_id) if part.person_id is not None else None
        by_meeting[meeting.pk].rows.append(PartConfirmation(part=part, contact=named))
    return Confirmations(meetings=list(by_meeting.values()), speakers=speakers)


def _add_invitations(series: Series, speakers: dict[int, SpeakerContact]) -> None:
    invitations = Invitation.objects.filter(
        series=series, role=Role.SPEAKER, person__in=speakers, revoked_at=None
    ).order_by("created_at")
    for invitation in invitations:
        if invitation.person_id is None:  # a speaker's invitation always names the person
            continue
        contact = speakers[invitation.person_id]
        if contact.invited_at is None:
            contact.invited_at = invitation.created_at
        if invitation.accepted_at is None:
            contact.address = invitation.email  # the latest waiting invitation's


def _add_accounts(series: Series, speakers: dict[int, SpeakerContact]) -> None:
    grants = Grant.objects.filter(series=series, role=Role.SPEAKER, person__in=speakers)
    for grant in grants.select_related("user").order_by("pk"):
        if grant.person_id is None:  # a speaker's grant always names the person
            continue
        contact = speakers[grant.person_id]
        contact.has_account = True
        if contact.invited_at is None:
            contact.invited_at = grant.created_at
        if grant.user.email:
            contact.address = grant.user.email


def speaker_contact(series: Series, person: Person) -> SpeakerContact | None:
    """How to reach one speaker of the series; None if they speak in none of its meetings."""
    return speaker_confirmations(series).speakers.get(person.pk)
