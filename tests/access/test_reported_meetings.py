"""A reported meeting is final: its programme, its record and its live floor
change for no one until the secretariat reopens it, with a reason."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from convener.api.domain.tokens import create_token
from convener.api.interfaces.versions import etag, intervention_version, meeting_version
from convener.audit.models import AuditAction, AuditEntry
from convener.live.domain.floor import start_segment
from convener.live.models import Inscription
from convener.meetings.domain.programme import add_segment
from convener.meetings.domain.workflow import reopen_meeting
from convener.meetings.models import Meeting, MeetingStatus, Segment
from convener.publishing.domain.publication import report_meeting
from convener.publishing.models import DocumentVersion
from convener.records.domain.interventions import update_intervention
from convener.records.models import Intervention
from convener.roles.models import Role
from tests.factories import (
    AdministratorFactory,
    CoOrganiserFactory,
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    SegmentFactory,
    SeriesFactory,
)
from tests.live.day import a_meeting_on_the_day

pytestmark = pytest.mark.django_db

REPORTED = (
    "This meeting is reported: its programme and record are final. "
    "The secretariat of the series can reopen it."
)


@pytest.fixture
def meeting():
    meeting = MeetingFactory(series__slug="s", number=1, status=MeetingStatus.REPORTED)
    SegmentFactory(meeting=meeting, key="debate", title="Debate")
    return meeting


def signed_in(client, reported, role, **scope):
    grant = GrantFactory(series=reported.series, role=role, **scope)
    client.force_login(grant.user)
    return grant.user


def test_focal_point_cannot_change_the_programme_of_a_reported_meeting(client, meeting):
    organisation = CoOrganiserFactory(meeting=meeting).organisation
    signed_in(client, meeting, Role.FOCAL_POINT, organisation=organisation)

    response = client.post(
        reverse("manage:programme_segment_add", args=["s", 1]),
        {"kind": "panel", "title": "A late panel"},
    )

    assert response.status_code == 403
    assert REPORTED in response.content.decode()
    assert list(meeting.segments.values_list("title", flat=True)) == ["Debate"]


def test_secretariat_cannot_change_the_facts_of_a_reported_meeting(client, meeting):
    signed_in(client, meeting, Role.SECRETARIAT)

    response = client.get(reverse("manage:meeting_edit", args=["s", 1]))

    assert response.status_code == 403
    assert REPORTED in response.content.decode()


def test_a_role_outside_the_meeting_is_not_told_it_is_reported(client, meeting):
    signed_in(client, meeting, Role.CHAIR)

    response = client.post(
        reverse("manage:programme_segment_add", args=["s", 1]),
        {"kind": "panel", "title": "A late panel"},
    )

    assert response.status_code == 403
    assert REPORTED not in response.content.decode()


def test_rapporteur_cannot_change_the_record_of_a_reported_meeting(client, meeting):
    intervention = InterventionFactory(segment=meeting.segments.get(), summary="As said.")
    signed_in(client, meeting, Role.RAPPORTEUR, meeting=meeting)

    response = client.post(
        reverse("manage:records_intervention", args=["s", 1, intervention.pk]),
        {"summary": "Rewritten after the report."},
    )

    assert response.status_code == 403
    assert REPORTED in response.content.decode()
    assert Intervention.objects.get().summary == "As said."


def test_the_domain_refuses_a_change_to_a_reported_meeting_whoever_asks(meeting):
    secretariat = GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user
    intervention = InterventionFactory(segment=meeting.segments.get(), summary="As said.")

    with pytest.raises(PermissionDenied) as programme:
        add_segment(meeting=meeting, kind="panel", title="Late", by=secretariat)
    with pytest.raises(PermissionDenied) as record:
        update_intervention(intervention=intervention, changes={"summary": "New"}, by=secretariat)

    assert (str(programme.value), str(record.value)) == (REPORTED, REPORTED)
    assert (Segment.objects.count(), Intervention.objects.get().summary) == (1, "As said.")


def test_delegation_cannot_ask_for_the_floor_in_a_reported_meeting():
    day = a_meeting_on_the_day()
    Meeting.objects.filter(pk=day.meeting.pk).update(status=MeetingStatus.REPORTED)
    day.meeting.refresh_from_db()

    with pytest.raises(PermissionDenied) as raised:
        day.ask("mexico")

    assert str(raised.value) == REPORTED
    assert not Inscription.objects.exists()


def test_chair_cannot_run_the_floor_of_a_reported_meeting():
    day = a_meeting_on_the_day()
    Meeting.objects.filter(pk=day.meeting.pk).update(status=MeetingStatus.REPORTED)
    day.meeting.refresh_from_db()

    with pytest.raises(PermissionDenied) as raised:
        start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)

    assert str(raised.value) == REPORTED


def test_delegation_page_of_a_reported_meeting_says_the_floor_is_closed(client):
    day = a_meeting_on_the_day()
    Meeting.objects.filter(pk=day.meeting.pk).update(status=MeetingStatus.REPORTED)
    client.force_login(day.mexico_delegation)

    response = client.get(
        reverse("live:delegation", args=[day.meeting.series.slug, day.meeting.number])
    )

    assert response.status_code == 403
    assert REPORTED in response.content.decode()


def test_api_refuses_a_change_to_a_reported_meeting(client, meeting):
    _, secret = create_token(by=AdministratorFactory(), name="script")
    admin_headers = {"Authorization": f"Bearer {secret}"}
    intervention = InterventionFactory(segment=meeting.segments.get(), summary="As said.")

    facts = client.patch(
        "/api/meetings/s/1",
        {"title": "Renamed after the report"},
        content_type="application/json",
        headers={"If-Match": etag(meeting_version(meeting)), **admin_headers},
    )
    record = client.patch(
        f"/api/interventions/{intervention.pk}",
        {"summary": "Rewritten after the report."},
        content_type="application/json",
        headers={"If-Match": etag(intervention_version(intervention)), **admin_headers},
    )
    added = client.post(
        "/api/meetings/s/1/interventions",
        {"segment": "debate", "state": intervention.state.iso3},
        content_type="application/json",
        headers=admin_headers,
    )

    assert [r.status_code for r in (facts, record, added)] == [403, 403, 403]
    assert [r.json()["error"]["message"] for r in (facts, record, added)] == [REPORTED] * 3
    assert Meeting.objects.get().title == meeting.title
    assert list(Intervention.objects.values_list("summary", flat=True)) == ["As said."]


def test_workspace_page_of_a_reported_meeting_hides_edits_and_offers_to_reopen(client, meeting):
    signed_in(client, meeting, Role.SECRETARIAT)

    page = client.get(reverse("manage:meeting", args=["s", 1])).content.decode()

    assert (
        "This meeting is reported: its programme and record are final. "
        "The secretariat can reopen it."
    ) in page
    assert reverse("manage:meeting_edit", args=["s", 1]) not in page
    assert reverse("manage:programme", args=["s", 1]) not in page
    assert reverse("manage:records", args=["s", 1]) not in page
    assert 'name="reason"' in page
    assert 'value="reopen"' in page


def test_secretariat_reopens_a_reported_meeting_with_a_reason_the_audit_log_keeps(client, meeting):
    signed_in(client, meeting, Role.SECRETARIAT)
    url = reverse("manage:meeting_status", args=["s", 1])

    without = client.post(url, {"transition": "reopen", "reason": "  "}, follow=True)
    assert Meeting.objects.get().status == MeetingStatus.REPORTED
    assert "Say why the meeting is reopened" in without.content.decode()

    client.post(url, {"transition": "reopen", "reason": "A statement was left out."})

    assert Meeting.objects.get().status == MeetingStatus.HELD
    entry = AuditEntry.objects.get(action=AuditAction.STATUS)
    assert entry.changes == {
        "status": ["reported", "held"],
        "reason": "A statement was left out.",
    }
    assert client.get(reverse("manage:meeting_edit", args=["s", 1])).status_code == 200


def test_focal_point_cannot_reopen_a_reported_meeting(client, meeting):
    organisation = CoOrganiserFactory(meeting=meeting).organisation
    signed_in(client, meeting, Role.FOCAL_POINT, organisation=organisation)

    response = client.post(
        reverse("manage:meeting_status", args=["s", 1]),
        {"transition": "reopen", "reason": "I want to change it."},
    )

    assert response.status_code == 403
    assert Meeting.objects.get().status == MeetingStatus.REPORTED


def test_reporting_again_makes_a_new_document_version():
    series = SeriesFactory(status="published")
    meeting = MeetingFactory(series=series, status=MeetingStatus.HELD)
    segment = SegmentFactory(meeting=meeting, kind="interactive_debate")
    intervention = InterventionFactory(segment=segment, summary="As first said.")
    secretariat = GrantFactory(series=series, role=Role.SECRETARIAT).user

    report_meeting(meeting=meeting, by=secretariat)
    reopen_meeting(meeting=meeting, by=secretariat, reason="A statement was summarised wrongly.")
    update_intervention(
        intervention=intervention, changes={"summary": "As truly said."}, by=secretariat
    )
    report_meeting(meeting=meeting, by=secretariat)

    versions = DocumentVersion.objects.filter(series=series, document="report")
    assert list(versions.order_by("number").values_list("number", flat=True)) == [1, 2]
    assert "As truly said." in versions.get(number=2).text
    assert "As truly said." not in versions.get(number=1).text
