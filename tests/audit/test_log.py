"""The audit log: every change to a series, with who made it, through what, and the fields."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from convener.api.domain.tokens import create_token
from convener.api.interfaces.versions import etag, meeting_version
from convener.audit.actors import command_line_operator
from convener.audit.log import acting_as, record
from convener.audit.middleware import AuditActorMiddleware
from convener.audit.models import AuditAction, AuditEntry
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError
from convener.meetings.models import DevelopmentStatus, Meeting, Series
from convener.roles.domain import grant_role
from convener.roles.models import Role
from tests.exchange.conftest import VALID_SERIES
from tests.factories import (
    AdministratorFactory,
    ConceptNoteSectionFactory,
    GrantFactory,
    MeetingFactory,
    ParticipationFactory,
    SeriesFactory,
    StateClassificationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def last_entry() -> AuditEntry:
    return AuditEntry.objects.order_by("-pk").first()


def change_title(meeting: Meeting, title: str) -> None:
    meeting.title = title
    meeting.save()


# Through each door


def test_change_in_the_workspace_is_logged_with_the_signed_in_user(client):
    section = ConceptNoteSectionFactory(heading="Background", body="Old text.")
    user = GrantFactory(series=section.series, role=Role.SECRETARIAT, user__username="ana").user
    client.force_login(user)

    response = client.post(
        reverse("manage:section_edit", args=[section.series.slug, section.pk]),
        {"kind": section.kind, "heading": "Background", "body": "New text."},
    )

    assert response.status_code == 302
    entry = last_entry()
    assert (entry.user, entry.user_name, entry.via) == (user, "ana", "web")
    assert (entry.action, entry.series_id, entry.target_type) == (
        AuditAction.CHANGED,
        section.series_id,
        "meetings.ConceptNoteSection",
    )
    assert entry.changes == {"body": ["Old text.", "New text."]}


def test_change_in_a_request_is_attributed_by_the_middleware():
    meeting = MeetingFactory(title="Old title")
    user = UserFactory(username="ben")
    request = RequestFactory().post("/api/meetings/")
    request.user = user
    middleware = AuditActorMiddleware(lambda request: change_title(meeting, "New title"))

    middleware(request)

    entry = last_entry()
    assert (entry.user, entry.user_name, entry.via) == (user, "ben", "api")
    assert entry.changes == {"title": ["Old title", "New title"]}


def test_change_in_the_django_admin_is_logged_with_the_administrator(client):
    administrator = AdministratorFactory(username="root")
    classification = StateClassificationFactory(status=DevelopmentStatus.DEVELOPING)
    client.force_login(administrator)

    response = client.post(
        reverse("admin:meetings_stateclassification_change", args=[classification.pk]),
        {
            "series": classification.series_id,
            "state": classification.state_id,
            "status": DevelopmentStatus.DEVELOPED,
        },
    )

    assert response.status_code == 302
    entry = last_entry()
    assert (entry.user, entry.via, entry.action) == (administrator, "web", AuditAction.CHANGED)
    assert entry.series_id == classification.series_id
    assert entry.changes == {"status": ["developing", "developed"]}


def test_change_through_the_api_is_logged_with_the_token_owner(client):
    meeting = MeetingFactory(series__slug="s", number=1, title="Old title")
    owner = AdministratorFactory(username="script-owner")
    _, secret = create_token(by=owner, name="script")

    response = client.patch(
        "/api/meetings/s/1",
        {"title": "New title"},
        content_type="application/json",
        headers={
            "Authorization": f"Bearer {secret}",
            "If-Match": etag(meeting_version(meeting)),
        },
    )

    assert response.status_code == 200
    entry = AuditEntry.objects.filter(target_id=str(meeting.pk)).latest("pk")
    assert (entry.user, entry.user_name, entry.via) == (owner, "script-owner", "api")
    assert entry.changes["title"] == ["Old title", "New title"]


def test_change_from_a_command_is_logged_as_the_command_line():
    meeting = MeetingFactory(title="Old title")

    change_title(meeting, "New title")

    entry = last_entry()
    assert (entry.user, entry.user_name, entry.via) == (None, "", "command")


def test_change_by_an_anonymous_request_names_no_user():
    meeting = MeetingFactory()

    with acting_as(AnonymousUser(), via="web"):
        change_title(meeting, "Changed")

    assert (last_entry().user, last_entry().user_name, last_entry().via) == (None, "", "web")


# What an entry says


def test_creating_a_row_logs_its_filled_in_fields():
    with acting_as(UserFactory(), via="web"):
        meeting = MeetingFactory(title="A new meeting", room="")

    entry = last_entry()
    assert (entry.action, entry.target_type, entry.target_id) == (
        AuditAction.CREATED,
        "meetings.Meeting",
        str(meeting.pk),
    )
    assert entry.changes["title"] == [None, "A new meeting"]
    assert "room" not in entry.changes


def test_saving_a_row_unchanged_logs_nothing():
    meeting = MeetingFactory()
    count = AuditEntry.objects.count()

    meeting.save()

    assert AuditEntry.objects.count() == count


def test_deleting_a_row_logs_what_it_held():
    meeting = MeetingFactory(title="Going away")
    pk = meeting.pk

    meeting.delete()

    entry = last_entry()
    assert (entry.action, entry.target_id, entry.target) == (
        AuditAction.DELETED,
        str(pk),
        "Going away",
    )
    assert entry.changes["title"] == ["Going away", None]


def test_row_of_the_programme_is_logged_under_its_meeting_and_series():
    participation = ParticipationFactory()
    meeting = participation.segment.meeting

    participation.speaking_time = 12
    participation.save()

    entry = last_entry()
    assert (entry.series_id, entry.meeting_id) == (meeting.series_id, meeting.pk)
    assert entry.changes == {"speaking_time": [None, 12]}


def test_kind_of_record_is_kept_whatever_the_language_of_the_request():
    meeting = MeetingFactory()

    with translation.override("fr"):
        change_title(meeting, "Réunion")

    assert last_entry().target_type == "meetings.Meeting"


def test_entry_keeps_the_name_of_a_user_since_deleted():
    user = UserFactory(username="gone")
    with acting_as(user, via="web"):
        change_title(MeetingFactory(), "Changed")

    user.delete()

    entry = last_entry()
    assert (entry.user, entry.user_name) == (None, "gone")


def test_granting_a_role_is_logged_in_the_series():
    series = SeriesFactory()
    by = AdministratorFactory(username="root")

    with acting_as(by, via="web"):
        grant_role(user=UserFactory(username="new-chair"), series=series, role=Role.CHAIR, by=by)

    entry = last_entry()
    assert (entry.series, entry.user_name, entry.action, entry.target_type) == (
        series,
        "root",
        AuditAction.CREATED,
        "roles.Grant",
    )


def test_recorded_action_names_its_meeting_and_series():
    meeting = MeetingFactory()

    entry = record(action=AuditAction.STATUS, meeting=meeting, instance=meeting)

    assert (entry.series_id, entry.meeting_id, entry.target) == (
        meeting.series_id,
        meeting.pk,
        meeting.title,
    )


# Imports and deletions


@pytest.fixture
def series_file(tmp_path):
    path = tmp_path / "series.yaml"
    path.write_text(VALID_SERIES, encoding="utf-8")
    return path


def test_import_is_one_entry(reference_data, series_file):
    before = AuditEntry.objects.count()

    importer = AdministratorFactory(username="importer")
    with acting_as(importer, via="web"):
        summary = import_file(path=series_file, by=importer)

    assert AuditEntry.objects.count() == before + 1
    entry = last_entry()
    assert (entry.action, entry.series, entry.user_name) == (
        AuditAction.IMPORTED,
        summary.series,
        "importer",
    )


def test_failed_import_logs_nothing(reference_data, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(VALID_SERIES.replace("state: JPN", "state: XXX"), encoding="utf-8")
    before = AuditEntry.objects.count()

    with pytest.raises(SeriesDataError):
        import_file(path=path, by=command_line_operator())

    assert AuditEntry.objects.count() == before


def test_deleting_a_series_keeps_its_log():
    meeting = MeetingFactory(title="Old title")
    series = meeting.series
    series_pk = series.pk
    change_title(meeting, "New title")

    series.delete()

    assert not Series.objects.filter(pk=series_pk).exists()
    log = AuditEntry.objects.filter(series_id=series_pk)
    assert log.filter(
        action=AuditAction.CHANGED, changes__title=["Old title", "New title"]
    ).exists()
    assert log.filter(action=AuditAction.DELETED, target_type="meetings.Meeting").exists()
    assert log.filter(action=AuditAction.DELETED, target_type="meetings.Series").exists()
