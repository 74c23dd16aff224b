"""The world the tests that walk every workspace route run in.

The demo's 2016 series with its accounts, and beside it a second, unrelated
series with its own secretariat and a row of every kind, whose ids a user of
the demo series might try in an address. It is loaded once per test module,
inside a transaction rolled back at the end of the module; each test runs in a
savepoint of it, as usual.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.utils import timezone

from convener.access.domain.invitations import secret_digest
from convener.access.models import Invitation
from convener.directory.domain.reference_data import load_reference_data, reference_data_loaded
from convener.meetings.models import (
    ConceptNoteSection,
    Meeting,
    MeetingStatus,
    Participation,
    SegmentKind,
    Series,
)
from convener.publishing.models import DocumentVersion
from convener.records.models import Intervention
from convener.roles.models import Grant, Role
from convener.server.demo import load_demo_series
from convener.themes.models import TargetSuggestion, Theme, ThemePlacement
from tests.factories import (
    ConceptNoteSectionFactory,
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    ParticipationFactory,
    SegmentFactory,
    SeriesFactory,
    UserFactory,
)

# The roles the workspace is walked as: the demo accounts by their user names,
# and three more made here.
ANONYMOUS = "anonymous"
NO_ROLE = "no role"
OTHER_SECRETARIAT = "other secretariat"
ROLES = (
    ANONYMOUS,
    NO_ROLE,
    "secretariat",
    OTHER_SECRETARIAT,
    "undp",
    "rapporteur",
    "chair",
    "speaker",
    "mexico",
    "administrator",
)
SIGNED_IN = frozenset(ROLES) - {ANONYMOUS}
# The secret of the link of an invitation to the demo series, still unused.
INVITATION_SECRET = "an-invitation-to-the-demo-series"
OTHER_INVITATION_SECRET = "an-invitation-to-another-series"


@dataclass
class Rows:
    """Rows of each kind that workspace addresses name by id or key."""

    segment: Any
    participation: Participation
    intervention: Intervention
    series_section: ConceptNoteSection
    meeting_section: ConceptNoteSection
    grant: Grant
    invitation: Invitation
    person: Any
    person_participation: Participation
    # Two themes of the series, `intervention` placed in the first, and an SDG
    # target suggested for it (`_themes_of`).
    theme: Any = None
    other_theme: Any = None
    suggestion: Any = None


@dataclass
class World:
    series: Series
    meetings: dict[int, Meeting]
    ours: Rows  # rows of meeting 3 of the demo series (UNDP co-organised it)
    meeting_2: Rows  # rows of meeting 2 of the demo series (UNDP did not)
    theirs: Rows  # rows of the other series
    other_series: Series
    users: dict[str, Any] = field(default_factory=dict)

    def client_for(self, role: str, **options: Any) -> Client:
        client = Client(**options)
        if role != ANONYMOUS:
            # Read afresh: the permissions cache the grants on the user object.
            client.force_login(get_user_model().objects.get(pk=self.users[role].pk))
        return client


def _versions(series: Series, document: str, meeting_number: int = 0) -> None:
    for number, text in ((1, "# First text\n"), (2, "# Second text\n")):
        DocumentVersion.objects.create(
            series=series,
            document=document,
            meeting_number=meeting_number,
            number=number,
            text=text,
        )


def _invitation(series: Series, secret: str) -> Invitation:
    return Invitation.objects.create(
        series=series,
        role=Role.CHAIR,
        email="invited@example.org",
        secret_digest=secret_digest(secret),
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )


def _demo_rows(meeting: Meeting, *, grant: Grant, invitation: Invitation) -> Rows:
    participation = Participation.objects.filter(segment__meeting=meeting).first()
    speaker = participation.person
    return Rows(
        segment=participation.segment,
        participation=participation,
        intervention=Intervention.objects.filter(segment__meeting=meeting).first(),
        series_section=ConceptNoteSection.objects.filter(series=meeting.series, meeting=None)[0],
        meeting_section=ConceptNoteSection.objects.filter(meeting=meeting)[0],
        grant=grant,
        invitation=invitation,
        person=speaker,
        person_participation=participation,
    )


def _themes_of(rows: Rows) -> Rows:
    series = rows.intervention.segment.meeting.series
    rows.theme = Theme.objects.create(series=series, name="Regular pathways", order=0)
    rows.other_theme = Theme.objects.create(series=series, name="Climate and mobility", order=1)
    ThemePlacement.objects.create(intervention=rows.intervention, theme=rows.theme)
    rows.suggestion = TargetSuggestion.objects.create(
        intervention=rows.intervention, target="10.7", similarity=0.9
    )
    return rows


def _other_series() -> tuple[Series, Rows, Any]:
    secretariat = GrantFactory(
        role=Role.SECRETARIAT,
        series=SeriesFactory(slug="other-series"),
        user=UserFactory(username="other-secretariat"),
    )
    series = secretariat.series
    meeting = MeetingFactory(series=series, number=3)
    segment = SegmentFactory(meeting=meeting, key="panel-1")
    participation = ParticipationFactory(segment=segment)
    debate = SegmentFactory(meeting=meeting, kind=SegmentKind.INTERACTIVE_DEBATE)
    _versions(series, "concept-note")
    _versions(series, "programme", 3)
    rows = Rows(
        segment=segment,
        participation=participation,
        intervention=InterventionFactory(segment=debate),
        series_section=ConceptNoteSectionFactory(series=series),
        meeting_section=ConceptNoteSectionFactory(meeting=meeting),
        grant=secretariat,
        invitation=_invitation(series, OTHER_INVITATION_SECRET),
        person=participation.person,
        person_participation=participation,
    )
    return series, _themes_of(rows), secretariat.user


@contextmanager
def workspace_world(django_db_blocker: Any) -> Iterator[World]:
    """Load the world for the length of the block, and take it away afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        if not reference_data_loaded():
            load_reference_data()
        series = load_demo_series().series
        # The demo's meetings are reported, so final for every role: held, they
        # let the matrix test what each role may change (the lock has its own
        # tests, in test_reported_meetings).
        series.meetings.update(status=MeetingStatus.HELD)
        # Two meetings still to come, for the steps of a meeting's life: 1 is
        # published (it may be postponed or cancelled), 4 a draft (it may be deleted).
        series.meetings.filter(number=1).update(status=MeetingStatus.PUBLISHED)
        series.meetings.filter(number=4).update(status=MeetingStatus.DRAFT)
        meetings = {meeting.number: meeting for meeting in series.meetings.all()}
        _versions(series, "concept-note")
        _versions(series, "programme", 3)
        invitation = _invitation(series, INVITATION_SECRET)
        chair = Grant.objects.get(series=series, role=Role.CHAIR)
        other_series, theirs, other_secretariat = _other_series()
        users = {
            role: get_user_model().objects.get(username=role)
            for role in ROLES
            if role not in {ANONYMOUS, NO_ROLE, OTHER_SECRETARIAT}
        }
        users[NO_ROLE] = UserFactory(username="no-role")
        users[OTHER_SECRETARIAT] = other_secretariat
        speaker_part = Participation.objects.get(person__key="anna-greene")
        ours = _demo_rows(meetings[3], grant=chair, invitation=invitation)
        ours.person = speaker_part.person
        ours.person_participation = speaker_part
        _themes_of(ours)
        yield World(
            series=series,
            meetings=meetings,
            ours=ours,
            meeting_2=_demo_rows(meetings[2], grant=chair, invitation=invitation),
            theirs=theirs,
            other_series=other_series,
            users=users,
        )
        transaction.set_rollback(True)
