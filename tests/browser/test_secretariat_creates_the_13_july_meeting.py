"""The secretariat creates the 13 July 2016 meeting from scratch in the
workspace, and does so in few page loads.

The path is the one `docs/workspace.md` walks step by step; the test counts
the pages the browser loads (a form sent and the page it leads to count as
one) apart from the parts htmx swaps in place, and fails when the path takes
more page loads than the documentation says.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from convener.directory.models import Organisation, Person, State
from convener.meetings.models import Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What docs/workspace.md says the path takes.
PAGE_LOADS = 5

SEGMENTS = (
    (
        "opening_remarks",
        "Opening remarks",
        15,
        [
            ("ninette-kelley", "speaker", None),
            ("mwaba-kasese-bota", "co_chair", None),
            ("cristina-pucarinho", "co_chair", None),
        ],
    ),
    (
        "panel",
        "Panel 1: Increasing complementary pathways to solutions for persons in need of protection",
        40,
        [
            ("ajay-madiwale", "moderator", None),
            ("ninette-kelley", "panellist", 10),
            ("anna-greene", "panellist", 10),
            ("james-milner", "panellist", 10),
        ],
    ),
    ("interactive_debate", "Interactive debate", 30, []),
    (
        "panel",
        "Panel 2: Enhancing the humanitarian and development nexus to address "
        "protracted displacement",
        50,
        [
            ("izumi-nakamitsu", "moderator", None),
            ("colin-bruce", "panellist", 10),
            ("amir-abdulla", "panellist", 10),
            ("magdy-martinez-soliman", "panellist", 10),
            ("jennifer-topping", "panellist", 10),
        ],
    ),
    ("interactive_debate", "Interactive debate", 45, []),
)
SECTIONS = (
    ("scope", "Focus", "How the international community can share responsibility for refugees."),
    ("topics", "Panels", "1. Legal pathways.\n2. Humanitarian and development financing."),
)
TITLE = "Strengthening responsibility sharing for refugees, again"


def _pk(model, **lookup):
    return str(model.objects.get(**lookup).pk)


class Counter:
    """The pages the browser loads, and the requests htmx makes, on a page."""

    def __init__(self, page):
        self.loads = []
        self.swaps = []
        page.on("load", lambda loaded: self.loads.append(loaded.url))
        page.on(
            "request",
            lambda request: (
                self.swaps.append(request.url)
                if request.headers.get("hx-request") == "true"
                else None
            ),
        )


def _sign_in(page, live_server):
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill("gmg-2016-secretariat")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="Workspace").first).to_be_visible()


def _create_the_meeting(page):
    page.get_by_role("link", name=re.compile("^Global Migration Group multi-stakeholder")).click()
    page.get_by_role("link", name="New meeting").click()
    page.get_by_role("textbox", name="Title").fill(TITLE)
    page.get_by_label("Date").fill("2016-07-13")
    page.get_by_label(re.compile(r"^Start:?$")).fill("10:00")
    page.get_by_label(re.compile(r"^End:?$")).fill("13:00")
    page.get_by_label("Venue").fill("United Nations Headquarters, New York")
    page.get_by_role("textbox", name="Room").fill("Conference Room 6")
    page.get_by_role("button", name="Create the meeting").click()


def _add_sections(page):
    for kind, heading, body in SECTIONS:
        page.get_by_role("link", name="Add a section").click()
        new_section = page.get_by_role("group", name="New section")
        new_section.get_by_label("Kind").select_option(kind)
        new_section.get_by_label("Heading").fill(heading)
        new_section.get_by_label("Text").fill(body)
        new_section.get_by_role("button", name="Add the section").click()
        expect(page.get_by_role("heading", name=heading)).to_be_visible()


def _co_organisers_and_co_chairs(page):
    for row, key in enumerate(("undp", "unhcr")):
        page.locator(f"#id_co_organisers-{row}-organisation").select_option(
            _pk(Organisation, key=key)
        )
    for row, (iso3, person) in enumerate(
        (("ZMB", "mwaba-kasese-bota"), ("PRT", "cristina-pucarinho"))
    ):
        state = State.objects.get(iso3=iso3)
        page.locator(f"#id_co_chairs-{row}-state").select_option(str(state.pk))
        representatives = page.locator(f"#id_co_chairs-{row}-person optgroup").first
        expect(representatives).to_have_attribute("label", f"Representatives of {state}")
        page.locator(f"#id_co_chairs-{row}-person").select_option(_pk(Person, key=person))


def _build_the_programme(page):
    for kind, title, duration, participants in SEGMENTS:
        adding = page.get_by_role("region", name="Add a segment")
        adding.get_by_label("Kind").select_option(kind)
        adding.get_by_label("Title").fill(title)
        adding.get_by_label("Time budget").fill(str(duration))
        # Two segments may share a title: wait for one more of them, not for any.
        # A segment's region is named by its title and, once the meeting has
        # a start, its time ("Interactive debate 11:10–12:00").
        same_title = page.get_by_role("region", name=re.compile(rf"^{re.escape(title)}( \d|$)"))
        before = same_title.count()
        adding.get_by_role("button", name="Add the segment").click()
        expect(same_title).to_have_count(before + 1)
        segment = same_title.last
        for key, role, minutes in participants:
            person = Person.objects.get(key=key)
            group = segment.get_by_role("group", name=re.compile("^Add a participant"))
            group.get_by_label("Role").select_option(role)
            if minutes:
                group.get_by_label("Speaking time").fill(str(minutes))
            group.get_by_role("searchbox", name="Find a person").press_sequentially(
                person.family_name
            )
            group.get_by_role("button", name=re.compile(re.escape(person.full_name))).click()
            expect(segment.locator(".programme-participant__name").last).to_have_text(
                person.formal_name
            )


def test_secretariat_creates_the_13_july_meeting_in_few_page_loads(live_server, demo_series, page):
    _sign_in(page, live_server)
    counter = Counter(page)
    page.get_by_role("link", name="Workspace").first.click()

    _create_the_meeting(page)
    _add_sections(page)
    _co_organisers_and_co_chairs(page)
    page.get_by_role("button", name="Save and build the programme").click()
    _build_the_programme(page)

    meeting = Meeting.objects.get(title=TITLE)
    assert [link.organisation.acronym for link in meeting.co_organiser_links.all()] == [
        "UNDP",
        "UNHCR",
    ]
    assert [(c.state.iso3, c.person.key) for c in meeting.co_chairs.all()] == [
        ("ZMB", "mwaba-kasese-bota"),
        ("PRT", "cristina-pucarinho"),
    ]
    assert list(meeting.sections.values_list("heading", flat=True)) == ["Focus", "Panels"]
    assert [
        (segment.title, segment.participations.count())
        for segment in meeting.segments.order_by("order")
    ] == [(title, len(people)) for _kind, title, _minutes, people in SEGMENTS]
    assert len(counter.loads) <= PAGE_LOADS, counter.loads
