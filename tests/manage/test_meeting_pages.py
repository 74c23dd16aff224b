"""A meeting in the workspace: creating it, its page, its facts and its status."""

import datetime
import json

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from convener.audit.log import acting_as
from convener.manage.interfaces.meetings import TRACKED
from convener.meetings.models import ConceptNoteSection, Meeting, MeetingStatus, SeriesStatus
from convener.prose.editing import field_digests
from convener.publishing.models import DocumentVersion
from convener.roles.models import Role
from tests.factories import (
    CoChairFactory,
    CoOrganiserFactory,
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    SeriesFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(series=SeriesFactory(slug="gmg-2017"), number=1, title="First panel")


@pytest.fixture
def secretariat(client, meeting):
    user = GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


@pytest.fixture
def added_by_secretariat(secretariat):
    """The directory entries the test makes count as added by the secretariat,
    so within their reach (`access.queries.reach`)."""
    with acting_as(secretariat, via="web"):
        yield


def url(name, *args):
    return reverse(f"manage:{name}", args=args)


def facts(**changes):
    """The edit form as the page sends it, with no co-organiser or co-chair."""
    data = {
        "title": "First panel",
        "date": "2016-04-25",
        "start_time": "10:00",
        "end_time": "13:00",
        "venue": "UN Headquarters",
        "room": "Conference Room 7",
        "format": "panels",
        "format_note": "",
    }
    for prefix in ("co_organisers", "co_chairs"):
        data |= {f"{prefix}-TOTAL_FORMS": "2", f"{prefix}-INITIAL_FORMS": "0"}
    return data | started_from(Meeting.objects.get(series__slug="gmg-2017", number=1)) | changes


def started_from(meeting):
    """What the edit page carries, hidden: the digest of each fact as it showed it."""
    return {"started_from": json.dumps(field_digests(meeting, TRACKED))}


def test_a_new_meeting_needs_only_a_title_and_shows_the_rest_to_be_confirmed(
    client, secretariat, meeting
):
    response = client.post(
        url("meeting_create", "gmg-2017"), {"title": "Lunch", "format": "panels"}
    )

    # On to its co-organisers, co-chairs and concept note.
    assertRedirects(response, url("meeting_edit", "gmg-2017", 2))
    created = Meeting.objects.get(number=2)
    assert (created.status, created.date, created.start_time, created.venue, created.room) == (
        MeetingStatus.DRAFT,
        None,
        None,
        "",
        "",
    )
    page = client.get(url("meeting", "gmg-2017", 2))
    for fact in ("Date", "Venue", "Room"):
        assertContains(page, f"<dt>{fact}</dt><dd>to be confirmed</dd>", html=True)


def test_emptying_the_date_and_room_makes_them_to_be_confirmed(client, secretariat, meeting):
    response = client.post(url("meeting_edit", "gmg-2017", 1), facts(date="", room=""))

    assertRedirects(response, url("meeting", "gmg-2017", 1))
    meeting.refresh_from_db()
    assert (meeting.date, meeting.room) == (None, "")
    page = client.get(url("meeting", "gmg-2017", 1))
    assertContains(page, "<dt>Date</dt><dd>to be confirmed</dd>", html=True)
    assertContains(page, "<dt>Room</dt><dd>to be confirmed</dd>", html=True)


def test_a_meeting_that_ends_before_it_starts_is_refused_and_keeps_what_was_typed(
    client, secretariat, meeting
):
    response = client.post(
        url("meeting_edit", "gmg-2017", 1), facts(title="Renamed", end_time="09:00")
    )

    assert response.status_code == 200
    assertContains(response, 'href="#id_end_time"')
    assertContains(response, 'value="Renamed"')
    assert Meeting.objects.get().title == "First panel"


def test_co_organisers_and_co_chairs_are_saved_in_their_order(
    client, secretariat, meeting, added_by_secretariat
):
    undp, unhcr = OrganisationFactory(), OrganisationFactory()
    zambia, portugal = StateFactory(), StateFactory()
    ambassador = PersonFactory()

    client.post(
        url("meeting_edit", "gmg-2017", 1),
        facts(
            **{
                "co_organisers-0-organisation": unhcr.pk,
                "co_organisers-1-organisation": undp.pk,
                "co_chairs-0-state": zambia.pk,
                "co_chairs-0-person": ambassador.pk,
                "co_chairs-1-state": portugal.pk,
            }
        ),
    )

    assert [link.organisation for link in meeting.co_organiser_links.order_by("order")] == [
        unhcr,
        undp,
    ]
    assert [(c.state, c.person) for c in meeting.co_chairs.order_by("order")] == [
        (zambia, ambassador),
        (portugal, None),
    ]


def test_a_co_chair_named_formally_is_saved_so(client, secretariat, meeting):
    netherlands = StateFactory()

    client.post(
        url("meeting_edit", "gmg-2017", 1),
        facts(
            **{
                "co_chairs-0-state": netherlands.pk,
                "co_chairs-0-named_formally": "on",
            }
        ),
    )
    page = client.get(url("meeting_edit", "gmg-2017", 1))

    assert [(c.state, c.named_formally) for c in meeting.co_chairs.all()] == [(netherlands, True)]
    assertContains(
        page,
        '<input type="checkbox" name="co_chairs-0-named_formally" checked'
        ' aria-describedby="id_co_chairs-0-named_formally_helptext"'
        ' id="id_co_chairs-0-named_formally">',
        html=True,
    )


def test_an_organisation_listed_twice_saves_nothing(
    client, secretariat, meeting, added_by_secretariat
):
    undp = OrganisationFactory()

    response = client.post(
        url("meeting_edit", "gmg-2017", 1),
        facts(
            title="Renamed",
            **{"co_organisers-0-organisation": undp.pk, "co_organisers-1-organisation": undp.pk},
        ),
    )

    assertContains(response, "An organisation is listed twice.")
    assert Meeting.objects.get().title == "First panel"
    assert not meeting.co_organiser_links.exists()


def test_the_edit_page_offers_the_meeting_s_own_concept_note(client, secretariat, meeting):
    response = client.get(url("meeting_edit", "gmg-2017", 1))

    assertContains(response, url("meeting_section_create", "gmg-2017", 1))


def test_a_meeting_section_is_added_to_the_meeting_s_concept_note(client, secretariat, meeting):
    response = client.post(
        url("meeting_section_create", "gmg-2017", 1),
        {"kind": "format", "heading": "Format", "body": "A sit-down lunch."},
    )

    assertRedirects(
        response,
        url("meeting_edit", "gmg-2017", 1) + "#concept-note",
        fetch_redirect_response=False,
    )
    assert ConceptNoteSection.objects.get().meeting == meeting


@pytest.mark.parametrize("role", [Role.FOCAL_POINT, Role.RAPPORTEUR])
def test_a_focal_point_or_rapporteur_cannot_edit_the_meeting_facts(client, meeting, role):
    organisation = CoOrganiserFactory(meeting=meeting).organisation
    grant = GrantFactory(
        series=meeting.series,
        role=role,
        organisation=organisation if role == Role.FOCAL_POINT else None,
    )
    client.force_login(grant.user)

    assert client.get(url("meeting", "gmg-2017", 1)).status_code == 200
    assert client.get(url("meeting_edit", "gmg-2017", 1)).status_code == 403
    assert client.post(url("meeting_edit", "gmg-2017", 1), facts(title="X")).status_code == 403
    assert (
        client.post(url("meeting_status", "gmg-2017", 1), {"transition": "hold"}).status_code == 403
    )
    assert client.post(url("meeting_section_create", "gmg-2017", 1)).status_code == 403
    assert Meeting.objects.get().title == "First panel"


def test_the_meeting_page_links_what_each_role_may_open(client, meeting):
    organisation = CoOrganiserFactory(meeting=meeting).organisation
    focal_point = GrantFactory(
        series=meeting.series, role=Role.FOCAL_POINT, organisation=organisation
    ).user
    client.force_login(focal_point)

    response = client.get(url("meeting", "gmg-2017", 1))

    assertContains(response, url("programme", "gmg-2017", 1))
    assertNotContains(response, url("records", "gmg-2017", 1))
    assertNotContains(response, url("meeting_edit", "gmg-2017", 1))
    assertNotContains(response, url("meeting_status", "gmg-2017", 1))
    assertContains(response, reverse("public:meeting", args=["gmg-2017", 1]))
    assertContains(response, 'id="planning-checks"')


def test_a_draft_meeting_is_public_only_once_published(client, secretariat, meeting):
    meeting.status = MeetingStatus.DRAFT
    meeting.save()
    public_page = reverse("public:meeting", args=["gmg-2017", 1])
    client.logout()
    assert client.get(public_page).status_code == 404

    client.force_login(secretariat)
    response = client.post(url("meeting_status", "gmg-2017", 1), {"transition": "publish"})
    assertRedirects(response, url("meeting", "gmg-2017", 1))
    client.logout()

    assertContains(client.get(public_page), "First panel")
    assert DocumentVersion.objects.filter(meeting_number=1).count() == 2


def test_holding_before_the_date_needs_the_box_ticked(client, secretariat, meeting):
    meeting.date = datetime.date.today() + datetime.timedelta(days=30)
    meeting.save()

    page = client.get(url("meeting", "gmg-2017", 1))
    assertContains(page, '<input type="checkbox" name="force" id="force-held">', html=True)
    refused = client.post(url("meeting_status", "gmg-2017", 1), {"transition": "hold"}, follow=True)
    assertContains(refused, "has not come yet")
    assert Meeting.objects.get().status == MeetingStatus.PUBLISHED

    client.post(url("meeting_status", "gmg-2017", 1), {"transition": "hold", "force": "on"})
    assert Meeting.objects.get().status == MeetingStatus.HELD


def test_the_status_buttons_are_those_of_the_current_status(client, secretariat, meeting):
    response = client.get(url("meeting", "gmg-2017", 1))

    assertContains(response, 'value="unpublish"')
    assertContains(response, 'value="hold"')
    assertNotContains(response, 'value="report"')


def test_a_draft_meeting_of_another_series_is_not_found(client, secretariat):
    other = MeetingFactory(number=9, series=SeriesFactory(status=SeriesStatus.DRAFT))

    assert client.get(url("meeting", other.series.slug, 9)).status_code == 404
    assert client.get(url("meeting", "gmg-2017", 9)).status_code == 404


def test_the_meeting_page_shows_co_chairs_and_co_organisers(client, secretariat, meeting):
    CoChairFactory(meeting=meeting, state=StateFactory(names={"en": "Zambia"}), person=None)
    CoOrganiserFactory(meeting=meeting, organisation=OrganisationFactory(acronym="UNDP"))

    response = client.get(url("meeting", "gmg-2017", 1))

    assertContains(response, "Zambia")
    assertContains(response, "UNDP")


# Two people editing the meeting at once


def test_meeting_form_second_save_from_the_same_page_is_refused_with_both_versions(
    client, secretariat, meeting
):
    page = started_from(meeting)  # both open the edit page
    first = client.post(url("meeting_edit", "gmg-2017", 1), facts(room="Room 1") | page)

    second = client.post(
        url("meeting_edit", "gmg-2017", 1), facts(room="Room 2", title="Renamed") | page
    )

    assertRedirects(first, url("meeting", "gmg-2017", 1))
    assert second.status_code == 409
    assertContains(second, "it is now “Room 1”", status_code=409)
    assertContains(second, 'value="Room 2"', status_code=409)
    meeting.refresh_from_db()
    assert (meeting.room, meeting.title) == ("Room 1", "First panel")


def test_meeting_form_saved_again_after_a_conflict_keeps_the_second_s_value(
    client, secretariat, meeting
):
    page = started_from(meeting)
    client.post(url("meeting_edit", "gmg-2017", 1), facts(room="Room 1") | page)
    refused = client.post(url("meeting_edit", "gmg-2017", 1), facts(room="Room 2") | page)

    again = client.post(
        url("meeting_edit", "gmg-2017", 1),
        facts(room="Room 2", started_from=refused.context["plan"].facts["started_from"].value()),
    )

    assertRedirects(again, url("meeting", "gmg-2017", 1))
    meeting.refresh_from_db()
    assert meeting.room == "Room 2"


def test_meeting_form_leaves_a_fact_someone_else_changed_meanwhile_that_the_user_did_not(
    client, secretariat, meeting
):
    page = started_from(meeting)
    client.post(url("meeting_edit", "gmg-2017", 1), facts(room="Room 1") | page)

    response = client.post(
        url("meeting_edit", "gmg-2017", 1),
        facts(title="Renamed", room="Conference Room 7") | page,
    )

    assertRedirects(response, url("meeting", "gmg-2017", 1))
    meeting.refresh_from_db()
    assert (meeting.room, meeting.title) == ("Room 1", "Renamed")


def test_meeting_form_without_what_it_started_from_is_refused(client, secretariat, meeting):
    data = facts(title="Blind write")
    del data["started_from"]

    response = client.post(url("meeting_edit", "gmg-2017", 1), data)

    assertContains(response, "This page is out of date or incomplete")
    assert Meeting.objects.get().title == "First panel"


@pytest.mark.parametrize("typed", ["2016-02-30", "2016-13-01", "30 February"])
def test_meeting_form_refuses_30_february_and_keeps_the_stored_date(
    client, secretariat, meeting, typed
):
    response = client.post(url("meeting_edit", "gmg-2017", 1), facts(date=typed, room="Room 2"))

    assert response.status_code == 200
    assert response.context["plan"].facts.errors["date"] == [
        "There is no such date: give year-month-day, e.g. 2016-04-25, or leave it empty."
    ]
    assertContains(response, 'href="#id_date"')
    assertContains(response, f'value="{typed}"')
    meeting.refresh_from_db()
    assert (meeting.date, meeting.room) == (datetime.date(2016, 4, 25), "Conference Room 7")


@pytest.mark.parametrize("field", ["start_time", "end_time"])
def test_meeting_form_refuses_25_o_clock_and_keeps_the_stored_time(
    client, secretariat, meeting, field
):
    response = client.post(url("meeting_edit", "gmg-2017", 1), facts(**{field: "25:00"}))

    assert response.status_code == 200
    assert response.context["plan"].facts.errors[field] == [
        "There is no such time: give hours:minutes, e.g. 14:30, or leave it empty."
    ]
    assertContains(response, 'value="25:00"')
    meeting.refresh_from_db()
    assert (meeting.start_time, meeting.end_time) == (datetime.time(10, 0), datetime.time(13, 0))


def test_meeting_form_sends_the_date_as_typed_not_through_the_browser_s_date_box(
    client, secretariat, meeting
):
    """The browser's date box sends an empty value, meaning "to be confirmed",
    for a day it cannot read; a text box sends what was typed, to be refused."""
    page = client.get(url("meeting_edit", "gmg-2017", 1))

    form = page.context["plan"].facts
    for field in ("date", "start_time", "end_time"):
        assert form[field].field.widget.input_type == "text"
    assertContains(page, 'value="2016-04-25"')


def test_a_new_meeting_on_30_february_is_refused(client, secretariat, meeting):
    response = client.post(
        url("meeting_create", "gmg-2017"),
        {"title": "Lunch", "format": "panels", "date": "2016-02-30"},
    )

    assert response.status_code == 200
    assertContains(response, 'value="2016-02-30"')
    assert Meeting.objects.count() == 1


def test_meeting_form_explicitly_emptied_date_and_times_are_to_be_confirmed(
    client, secretariat, meeting
):
    response = client.post(
        url("meeting_edit", "gmg-2017", 1), facts(date="", start_time=" ", end_time="")
    )

    assertRedirects(response, url("meeting", "gmg-2017", 1))
    meeting.refresh_from_db()
    assert (meeting.date, meeting.start_time, meeting.end_time) == (None, None, None)


def test_a_new_meeting_may_end_after_midnight_when_the_box_is_ticked(client, secretariat, meeting):
    fields = {"title": "Late session", "format": "panels", "date": "2016-12-22"}
    times = {"start_time": "22:00", "end_time": "01:00"}

    refused = client.post(url("meeting_create", "gmg-2017"), {**fields, **times})
    client.post(url("meeting_create", "gmg-2017"), {**fields, **times, "ends_next_day": "on"})

    assertContains(refused, "tick “ends after midnight”")
    created = Meeting.objects.get(title="Late session")
    assert (created.end_time, created.ends_next_day) == (datetime.time(1, 0), True)
