"""The audit log page: the secretariat reads who changed what in its series, and when."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from convener.audit.log import acting_as
from convener.audit.models import AuditAction, AuditEntry
from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.roles.models import Role
from tests.factories import (
    AdministratorFactory,
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    SeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return SeriesFactory(slug="gmg", timezone="America/New_York")


@pytest.fixture
def secretariat(client, series):
    user = GrantFactory(series=series, role=Role.SECRETARIAT, user__username="sec").user
    client.force_login(user)
    return user


def audit_page(series, query=""):
    return reverse("manage:series_audit", args=[series.slug]) + query


def edit_as(username, obj, **changes):
    with acting_as(UserFactory(username=username), via="web"):
        for field, value in changes.items():
            setattr(obj, field, value)
        obj.save()


def entries_on(response) -> list[AuditEntry]:
    return [line.entry for line in response.context["lines"]]


def test_audit_page_shows_who_changed_which_field_from_what_to_what(client, secretariat, series):
    meeting = MeetingFactory(series=series, title="Old title")
    edit_as("ana", meeting, title="New title")

    response = client.get(audit_page(series))

    line = response.context["lines"][0]
    assert (line.entry.user_name, line.channel, line.kind) == ("ana", "web", "meeting")
    assertContains(response, "Changed")
    assertContains(response, '<span class="audit-field">title:</span>', html=True)
    assertContains(response, "<del><bdi>Old title</bdi></del>", html=True)
    assertContains(response, "<ins><bdi>New title</bdi></ins>", html=True)


def test_audit_page_lists_entries_newest_first(client, secretariat, series):
    meeting = MeetingFactory(series=series)
    edit_as("first", meeting, room="Room 1")
    edit_as("second", meeting, room="Room 2")

    response = client.get(audit_page(series))

    assert [entry.user_name for entry in entries_on(response)][:2] == ["second", "first"]


def test_audit_page_gives_times_in_the_series_time_zone(client, secretariat, series):
    meeting = MeetingFactory(series=series)
    edit_as("ana", meeting, room="Room 1")
    AuditEntry.objects.update(at=datetime.datetime(2016, 7, 13, 19, 5, tzinfo=datetime.UTC))

    response = client.get(audit_page(series))

    assertContains(response, "13 Jul 2016, 15:05")
    assertContains(response, "America/New_York")


def test_audit_page_names_linked_records_and_choices_in_words(client, secretariat, series):
    meeting = MeetingFactory(series=series, status=MeetingStatus.DRAFT)
    moderator = PersonFactory(given_name="Louise", family_name="Arbour", honorific="Ms.")
    edit_as("ana", meeting, moderator=moderator, status=MeetingStatus.PUBLISHED)

    response = client.get(audit_page(series))

    changes = {change.label: change for change in response.context["lines"][0].changes}
    assert (changes["status"].before, changes["status"].after) == ("Draft", "Published")
    assert changes["moderator"].before == ""
    assert "Arbour" in changes["moderator"].after


def test_audit_page_folds_a_long_text_in_details(client, secretariat, series):
    meeting = MeetingFactory(series=series, summary="")
    edit_as("ana", meeting, summary="The debate went on.\n\n" + "Many States spoke. " * 10)

    response = client.get(audit_page(series))

    assertContains(response, "<summary>executive summary</summary>", html=True)


def test_audit_page_leaves_out_other_series(client, secretariat, series):
    edit_as("ana", MeetingFactory(series=series), room="Ours")
    edit_as("ana", MeetingFactory(title="A meeting of another series"), room="Theirs")

    response = client.get(audit_page(series))

    assertContains(response, "Ours")
    assertNotContains(response, "Theirs")
    assertNotContains(response, "A meeting of another series")


def test_audit_page_filters_by_meeting(client, secretariat, series):
    first = MeetingFactory(series=series, number=1)
    second = MeetingFactory(series=series, number=2)
    edit_as("ana", first, room="Room of the first")
    edit_as("ana", second, room="Room of the second")

    response = client.get(audit_page(series, "?meeting=2"))

    assert {entry.meeting_id for entry in entries_on(response)} == {second.pk}


def test_audit_page_filters_by_person(client, secretariat, series):
    meeting = MeetingFactory(series=series)
    edit_as("ana", meeting, room="Room by Ana")
    edit_as("ben", meeting, room="Room by Ben")

    response = client.get(audit_page(series, "?person=ben"))

    assert [entry.user_name for entry in entries_on(response)] == ["ben"]


def test_audit_page_filters_by_action(client, secretariat, series):
    meeting = MeetingFactory(series=series)
    edit_as("ana", meeting, room="Changed room")
    meeting.delete()

    response = client.get(audit_page(series, "?action=deleted"))

    assert {entry.action for entry in entries_on(response)} == {AuditAction.DELETED}


def test_audit_page_with_an_unknown_filter_says_so_and_shows_everything(
    client, secretariat, series
):
    edit_as("ana", MeetingFactory(series=series), room="Changed room")

    response = client.get(audit_page(series, "?meeting=99"))

    assertContains(response, 'aria-invalid="true"')
    assert entries_on(response)


def test_audit_page_is_paginated_and_keeps_the_filter(client, secretariat, series):
    meeting = MeetingFactory(series=series)
    for number in range(51):
        edit_as("ana", meeting, room=f"Room {number}")

    response = client.get(audit_page(series, "?person=ana&page=2"))

    assert len(entries_on(response)) == 1
    assertContains(response, 'href="?person=ana&amp;page=1"')


def test_audit_page_escapes_what_users_typed(client, secretariat, series):
    edit_as("ana", MeetingFactory(series=series), title="<script>alert(1)</script>")

    response = client.get(audit_page(series))

    assertNotContains(response, "<script>alert(1)</script>")
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")


def test_audit_page_costs_the_same_queries_for_one_or_many_entries(client, secretariat, series):
    meeting = MeetingFactory(series=series)
    people = PersonFactory.create_batch(2)
    edit_as("ana", meeting, moderator=people[0])
    with CaptureQueriesContext(connection) as few:
        client.get(audit_page(series))
    for number in range(20):
        edit_as(f"user-{number}", meeting, moderator=people[number % 2], room=f"Room {number}")

    with CaptureQueriesContext(connection) as many:
        client.get(audit_page(series))

    assert len(many) == len(few)


# Who may read it


def test_site_administrator_reads_the_audit_log(client, series):
    client.force_login(AdministratorFactory())

    assert client.get(audit_page(series)).status_code == 200


@pytest.mark.parametrize(
    ("role", "narrowing"),
    [
        (Role.FOCAL_POINT, {"organisation": OrganisationFactory}),
        (Role.RAPPORTEUR, {}),
        (Role.CHAIR, {}),
        (Role.SPEAKER, {"person": PersonFactory}),
    ],
)
def test_other_roles_of_the_series_may_not_read_the_audit_log(client, series, role, narrowing):
    grant = GrantFactory(
        series=series, role=role, **{name: make() for name, make in narrowing.items()}
    )
    client.force_login(grant.user)

    assert client.get(audit_page(series)).status_code == 403


def test_secretariat_of_another_series_gets_not_found_for_a_draft_series(client):
    draft = SeriesFactory(status=SeriesStatus.DRAFT)
    client.force_login(GrantFactory(role=Role.SECRETARIAT).user)

    assert client.get(audit_page(draft)).status_code == 404


def test_anonymous_reader_is_sent_to_sign_in(client, series):
    url = audit_page(series)

    assertRedirects(client.get(url), f"{reverse('login')}?next={url}")
