"""A meeting not run on the live floor is recorded afterwards from notes on the
record screen, released, reported; then it is final for everyone."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from convener.meetings.models import MeetingStatus, SegmentKind
from convener.publishing.composition.documents import compose
from convener.publishing.exporters.markdown import document_as_markdown
from convener.records.models import Intervention
from convener.roles.models import Role
from tests.factories import (
    CoOrganiserFactory,
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    SegmentFactory,
    StateFactory,
    StateGroupFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long test password"


def _sign_in(page, live_server, user):
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign in")).to_have_count(0)


def _add_turn(page, *, state="", group="", organisation="", capacity, office=""):
    form = page.locator("#add-turn")
    if state:
        form.locator("#add-state").select_option(label=state)
    if group:
        form.locator("#add-state_group").select_option(label=group)
    if organisation:
        form.locator("#add-organisation").select_option(label=organisation)
    form.locator("#add-capacity").select_option(label=capacity)
    if office:
        form.locator("#add-office").fill(office)
    form.get_by_role("button", name="Add the turn").click()
    expect(page.locator("#records-status")).to_contain_text("Added the turn")


def test_rapporteur_records_a_meeting_afterwards_and_the_report_follows(live_server, page):
    unhcr = OrganisationFactory(name="Office of the UNHCR", acronym="UNHCR")
    meeting = MeetingFactory(
        status=MeetingStatus.HELD,
        record_released_at=None,
        date=datetime.date(2016, 7, 13),
        title="Protection at sea",
    )
    CoOrganiserFactory(meeting=meeting, organisation=unhcr)
    debate = SegmentFactory(
        meeting=meeting, kind=SegmentKind.INTERACTIVE_DEBATE, title="Interactive debate"
    )
    ParticipationFactory(segment=debate)
    for iso3, name in (
        ("CHL", "Chile"),
        ("CRI", "Costa Rica"),
        ("MEX", "Mexico"),
        ("JAM", "Jamaica"),
    ):
        StateFactory(iso3=iso3, names={"en": name}, formal_name=f"the Republic of {name}")
    StateGroupFactory(name="Small Island Developing States")
    series = meeting.series
    rapporteur = GrantFactory(series=series, role=Role.RAPPORTEUR).user
    secretariat = GrantFactory(series=series, role=Role.SECRETARIAT).user
    focal_point = GrantFactory(series=series, role=Role.FOCAL_POINT, organisation=unhcr).user
    delegation = GrantFactory(
        series=series, role=Role.DELEGATION, state=StateFactory(iso3="CHL")
    ).user
    args = [series.slug, meeting.number]

    _sign_in(page, live_server, rapporteur)
    page.goto(live_server.url + reverse("manage:records", args=args))
    expect(page.get_by_text("Internal: only those who prepare")).to_be_visible()
    _add_turn(page, state="Chile", capacity="National capacity")
    _add_turn(
        page, group="Small Island Developing States", capacity="On behalf of a group of States"
    )
    _add_turn(page, organisation=str(unhcr), capacity="For an organisation")
    _add_turn(
        page,
        state="Mexico",
        capacity="As holder of an office",
        office="co-facilitator of the modalities resolution",
    )
    _add_turn(page, state="Jamaica", capacity="National capacity")
    turns = list(Intervention.objects.filter(segment=debate).order_by("order"))
    assert len(turns) == 5

    # The notes said Costa Rica, not Chile; Jamaica did not take the floor.
    page.locator(f"#intervention-{turns[0].pk}").get_by_role("link", name="Correct").click()
    # The form opens in place, under the turn it corrects.
    page.locator(f"#intervention-{turns[0].pk}-facts #id_state").select_option(label="Costa Rica")
    page.get_by_role("button", name="Save the turn").click()
    expect(page.locator("#records-status")).to_contain_text("Corrected the turn")
    page.locator(f"#intervention-{turns[4].pk}").get_by_role("button", name="Remove").click()
    expect(page.locator("#records-status")).to_contain_text("Removed the turn")
    expect(page.locator(".record-turn")).to_have_count(4)

    page.get_by_role("button", name="Release the record").click()
    expect(page.locator("#release")).to_contain_text("Released on")

    _sign_in(page, live_server, secretariat)
    page.goto(live_server.url + reverse("manage:meeting", args=args))
    page.get_by_role("button", name="Mark as reported").click()
    expect(page.get_by_role("button", name="Reopen the meeting")).to_be_visible()

    report = document_as_markdown(
        compose(series_slug=series.slug, document="report", meeting_number=None, user=secretariat)
    )
    sentence = next(line for line in report.splitlines() if "took the floor" in line)
    assert sentence.startswith("Two Member States took the floor: Costa Rica, Mexico")
    assert "Small Island Developing States" in sentence
    assert "Chile" not in report
    assert "Jamaica" not in report

    _sign_in(page, live_server, focal_point)
    page.goto(live_server.url + reverse("manage:programme", args=args))
    expect(page.get_by_text("This meeting is reported")).to_be_visible()

    _sign_in(page, live_server, delegation)
    page.goto(live_server.url + reverse("live:delegation", args=args))
    expect(page.get_by_text("This meeting is reported")).to_be_visible()
    expect(page.get_by_role("button", name="Request the floor")).to_have_count(0)
