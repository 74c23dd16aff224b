"""Reminding a speaker to confirm: `convener.access.domain.reminders`."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from convener.access.domain.reminders import remind_speaker
from convener.access.models import Invitation, SpeakerReminder
from convener.access.queries.confirmations import speaker_confirmations
from convener.audit.models import AuditAction, AuditEntry
from convener.meetings.models import MeetingStatus
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
SITE = "https://meetings.example.org/"


@pytest.fixture
def series():
    return SeriesFactory(timezone="Europe/Zurich")


@pytest.fixture
def secretariat(series):
    return GrantFactory(series=series, role=Role.SECRETARIAT).user


@pytest.fixture
def speaker(series):
    """A panellist of a meeting still to come, with an account of the series."""
    person = PersonFactory(given_name="Ana", family_name="Ruiz", honorific="Dr.")
    meeting = MeetingFactory(series=series, title="Labour mobility", number=1)
    ParticipationFactory(person=person, segment=SegmentFactory(meeting=meeting, title="Panel"))
    GrantFactory(
        series=series,
        role=Role.SPEAKER,
        person=person,
        user=UserFactory(email="ana.ruiz@example.org"),
    )
    return person


def _remind(series, person, by, capture):
    with capture(execute=True):
        return remind_speaker(series=series, person=person, by=by, site_url=SITE)


def test_a_reminder_is_mailed_with_the_parts_to_confirm_and_a_link(
    series, secretariat, speaker, mailoutbox, django_capture_on_commit_callbacks
):
    _remind(series, speaker, secretariat, django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["ana.ruiz@example.org"]
    assert series.title in mail.subject
    assert "Labour mobility" in mail.body
    assert f"{SITE}manage/me/{speaker.key}/" in mail.body


def test_a_reminder_is_kept_and_written_in_the_audit_log(
    series, secretariat, speaker, django_capture_on_commit_callbacks
):
    reminder = _remind(series, speaker, secretariat, django_capture_on_commit_callbacks)

    assert SpeakerReminder.objects.get() == reminder
    assert reminder.sent_by == secretariat
    entry = AuditEntry.objects.get(action=AuditAction.REMINDED)
    assert entry.series == series
    assert entry.target == speaker.formal_name
    contact = speaker_confirmations(series).speakers[speaker.pk]
    assert contact.reminded_at == reminder.sent_at


def test_only_the_secretariat_may_remind(series, speaker, mailoutbox):
    the_speaker = GrantFactory(series=series, role=Role.SPEAKER, person=speaker).user

    with pytest.raises(PermissionDenied):
        remind_speaker(series=series, person=speaker, by=the_speaker, site_url=SITE)
    assert mailoutbox == []
    assert not SpeakerReminder.objects.exists()


def test_a_speaker_who_confirmed_everything_is_not_reminded(series, secretariat, speaker):
    speaker.participations.update(confirmed_at=timezone.now())

    with pytest.raises(ValidationError, match="no part left to confirm"):
        remind_speaker(series=series, person=speaker, by=secretariat, site_url=SITE)


def test_a_part_in_a_meeting_already_held_is_not_reminded(series, secretariat, speaker):
    series.meetings.update(status=MeetingStatus.HELD)

    with pytest.raises(ValidationError, match="no part left to confirm"):
        remind_speaker(series=series, person=speaker, by=secretariat, site_url=SITE)


def test_a_speaker_without_an_address_is_not_reminded(series, secretariat):
    person = PersonFactory()
    ParticipationFactory(person=person, segment=SegmentFactory(meeting__series=series))

    with pytest.raises(ValidationError, match="No e-mail address"):
        remind_speaker(series=series, person=person, by=secretariat, site_url=SITE)


def test_a_speaker_invited_but_without_an_account_is_reminded_at_the_invited_address(
    series, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    person = PersonFactory()
    ParticipationFactory(person=person, segment=SegmentFactory(meeting__series=series))
    Invitation.objects.create(
        series=series,
        role=Role.SPEAKER,
        person=person,
        email="invited@example.org",
        secret_digest="x" * 64,
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )

    _remind(series, person, secretariat, django_capture_on_commit_callbacks)

    assert mailoutbox[0].to == ["invited@example.org"]
    assert "accept the invitation" in mailoutbox[0].body
