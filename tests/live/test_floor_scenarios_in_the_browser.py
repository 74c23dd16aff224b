"""The list of speakers as the UN runs it, scenario by scenario, through the
screens of the room: delegations ask from their phones, the chair and the
secretariat click on the console, the projector shows the floor.

The rules themselves are tested in tests/live/domain; here each scenario is
followed on the chair's console, the projector and the phones, with nothing
but the screens (docs/live.md describes the rules and their sources).
"""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.live.conftest import SCREEN_WAIT_MS, clock_seconds, debate_under_way

pytestmark = pytest.mark.browser

SERIES = Path(__file__).with_name("data") / "floor-scenarios-series.yaml"
MEETING = "/live/series/floor-scenarios/meetings/1"
PHONE = {"viewport": {"width": 390, "height": 844}}

INTERVENTIONS = """
import json
from convener.records.models import Intervention
print(json.dumps([
    {"state": i.state.iso3 if i.state else None, "kind": i.kind}
    for i in Intervention.objects.filter(
        segment__meeting__series__slug="floor-scenarios"
    ).order_by("order", "pk")
]))
"""


@pytest.fixture(autouse=True)
def patient_expectations():
    expect.set_options(timeout=SCREEN_WAIT_MS)
    yield
    expect.set_options(timeout=5_000)  # Playwright's default


@pytest.fixture
def server(convener_server):
    server = convener_server(SERIES)
    server.create_user("chair", role="chair", series="floor-scenarios")
    return server


@pytest.fixture
def room(server, screen):
    """The chair's console with the debate under way, and the projector."""
    return debate_under_way(server, screen, MEETING)


@pytest.fixture
def phone(server, screen):
    """The phone of a delegation, its account made here: `phone("mexico", state="MEX")`."""

    def open_phone(username, **speaks_for):
        server.create_user(username, role="delegation", series="floor-scenarios", **speaks_for)
        page = screen(username, **PHONE)
        page.goto(server.url + MEETING + "/floor/")
        expect(page.locator("#live-connection")).to_have_text("Live")
        return page

    return open_phone


def ask(phone, *, purpose="Statement", level="", name=""):
    """Ask for the floor from a phone; returns once the server has answered."""
    phone.get_by_label(purpose, exact=True).check()
    if level:
        phone.get_by_label(level, exact=True).check()
    if name:
        phone.get_by_label("Name of the speaker").fill(name)
    with phone.expect_response(lambda r: r.request.method == "POST" and "/floor/" in r.url):
        phone.get_by_role("button", name="Request the floor").click()


def test_an_organisation_claiming_a_head_of_state_does_not_go_ahead_of_member_states(
    server, room, screen, phone
):
    """Levels are those of States and count once the secretariat confirms them:
    an NGO that asks first still follows the Member States, and a Minister
    goes ahead of a Chair of delegation only once confirmed."""
    chair, projector = room
    server.create_user("protocol", role="secretariat", series="floor-scenarios")
    secretariat = screen("protocol")
    secretariat.goto(server.url + MEETING + "/chair/")
    levels = secretariat.locator("#live-levels")
    expect(levels).to_contain_text("Every level on the list is confirmed.")
    expect(chair.locator("#live-levels")).to_have_count(0)  # the secretariat's, not the chair's

    ngo = phone("mrn", organisation="migrant-rights-network")
    expect(ngo.get_by_role("radio", name="Head of State")).to_have_count(0)  # it is not asked
    # A form that posts a Head of State anyway (an old or altered page) is refused.
    ngo.locator("input[name=level]").evaluate("field => { field.value = 'head_of_state'; }")
    ask(ngo, name="Ms. Rosa Lind")
    expect(ngo.locator("#live-message")).to_contain_text(
        "Levels of representation are those of States"
    )
    expect(ngo.locator("#live-mine")).to_have_text("You are not on the list.")
    ngo.reload()
    ask(ngo, name="Ms. Rosa Lind")
    expect(ngo.locator("#live-message")).to_have_text("You are on the list of speakers.")

    mexico = phone("mexico", state="MEX")
    ask(mexico, level="Chair of delegation (Permanent Representative)", name="Mr. Juan Torres")
    kenya = phone("kenya", state="KEN")
    ask(kenya, level="Minister", name="Ms. Wanjiru Kamau")

    # Member States first, whatever the NGO asked and however early; the
    # levels proposed do not count yet, so the time of asking decides.
    speakers = chair.locator("#live-speakers > li")
    expect(speakers).to_have_text(
        [
            re.compile(r"^Mexico — Mr\. Juan Torres.*Chair of delegation .*, to be confirmed"),
            re.compile(r"^Kenya — Ms\. Wanjiru Kamau.*Minister, to be confirmed"),
            re.compile(r"^MRN — Ms\. Rosa Lind.*Other"),
        ]
    )
    expect(chair.locator("#live-proposal")).to_be_hidden()
    expect(projector.locator("#live-next li")).to_have_text(["Mexico", "Kenya", "MRN"])
    expect(ngo.locator("#live-mine")).to_contain_text("Place 3 of 3")
    expect(kenya.locator("#live-mine")).to_contain_text("Place 2 of 3")

    # The secretariat's levels to confirm: the two States, never the NGO.
    to_confirm = levels.locator("li")
    expect(to_confirm).to_have_text(
        [
            re.compile(r"Mexico — Mr\. Juan Torres.*Proposed: Chair of delegation", re.S),
            re.compile(r"Kenya — Ms\. Wanjiru Kamau.*Proposed: Minister", re.S),
        ]
    )
    # Nor can the secretariat give an organisation a State's level for a raised flag.
    flag = secretariat.locator(
        "form", has=secretariat.get_by_role("heading", name="A delegation that raised its flag")
    )
    flag.get_by_label("In what capacity").select_option(label="For an organisation")
    flag.get_by_label(re.compile(r"^Organisation:?$")).select_option(label="UNDP")
    flag.get_by_label("Level of representation").select_option(label="Head of State")
    flag.get_by_label("To make").select_option(label="Statement")
    flag.get_by_role("button", name="Add to the list").click()
    expect(secretariat.locator("#live-message")).to_contain_text(
        "Levels of representation are those of States"
    )
    expect(speakers).to_have_count(3)

    kenyas = to_confirm.filter(has_text="Kenya")
    kenyas.get_by_label("Level of representation").select_option(label="Minister")
    kenyas.get_by_role("button", name="Confirm the level").click()

    expect(to_confirm).to_have_text([re.compile(r"Mexico — Mr\. Juan Torres")])
    expect(speakers).to_have_text(
        [
            re.compile(r"^Kenya — Ms\. Wanjiru Kamau.*Minister"),
            re.compile(r"^Mexico — Mr\. Juan Torres.*, to be confirmed"),
            re.compile(r"^MRN — Ms\. Rosa Lind"),
        ]
    )
    expect(speakers.first).not_to_contain_text("to be confirmed")
    expect(chair.locator("#live-proposal")).to_be_hidden()  # the list is the proposal
    expect(projector.locator("#live-next li")).to_have_text(["Kenya", "Mexico", "MRN"])
    expect(kenya.locator("#live-mine")).to_contain_text("Place 1 of 3")
    expect(kenya.locator("#live-mine")).not_to_contain_text("to be confirmed")
    expect(mexico.locator("#live-mine")).to_contain_text("Place 2 of 3")
    expect(ngo.locator("#live-mine")).to_contain_text("Place 3 of 3")


def test_a_point_of_order_interrupts_and_the_speaker_resumes_with_the_time_left(
    server, room, phone
):
    """Rule 71: a point of order interrupts the speaker, whose turn is set
    aside with its timer paused and taken up again afterwards: one statement
    in the record, not two."""
    chair, projector = room
    mexico = phone("mexico", state="MEX")
    ask(mexico, level="Minister", name="Mr. Juan Torres")
    kenya = phone("kenya", state="KEN")

    chair.get_by_role("button", name="Give the floor: Mexico — Mr. Juan Torres").click()
    expect(projector.locator("#live-who")).to_have_text("Mexico")
    expect(mexico.locator("#live-mine")).to_contain_text("You have the floor")

    ask(kenya, purpose="Point of order", level="Chair of delegation (Permanent Representative)")
    expect(kenya.locator("#live-mine")).to_contain_text("Place 1 of 1")
    expect(chair.locator("#live-speakers > li")).to_have_text(
        [re.compile(r"^Kenya.*Point of order", re.S)]
    )
    expect(projector.locator("#live-next li")).to_have_text(["Kenya"])

    # Mexico has spoken fifteen seconds and more when the chair takes the point of order.
    timer = projector.locator("#live-timer")
    expect(timer).to_have_text(re.compile(r"^2:([0-3]\d|4[0-5])$"), timeout=30_000)
    left_when_interrupted = clock_seconds(timer.inner_text())
    chair.get_by_role("button", name="Give the floor: Kenya").click()

    expect(projector.locator("#live-who")).to_have_text("Kenya")
    expect(projector.locator("#live-capacity")).to_contain_text("Point of order")
    expect(timer).to_have_text(re.compile(r"^(3:00|2:(5\d|4[6-9]))$"))  # the point of order's
    current = chair.locator("#live-current")
    expect(current).to_contain_text("Kenya")
    expect(current).to_contain_text(
        "Interrupted by the point of order, has the floor again when it is dealt with: "
        "Mexico — Mr. Juan Torres"
    )
    expect(kenya.locator("#live-mine")).to_contain_text("You have the floor")
    expect(mexico.locator("#live-now")).to_have_text("Kenya")
    expect(mexico.locator("#live-mine")).to_have_text(
        "A point of order interrupted you: you have the floor again when it is dealt with."
    )
    # The point of order takes ten seconds and more, while Mexico's time stands still.
    expect(timer).to_have_text(re.compile(r"^2:([0-4]\d|50)$"))

    chair.get_by_role("button", name="End the turn").click()
    expect(projector.locator("#live-who")).to_have_text("Mexico")
    expect(projector.locator("#live-timer-state")).to_have_text("Paused")
    expect(chair.locator("#live-timer")).to_contain_text("Paused")
    expect(current).not_to_contain_text("Interrupted")
    left = clock_seconds(timer.inner_text())
    assert left < 180  # not a fresh turn of three minutes
    # What was left, not that less the point of order's ten seconds and more
    # (a few seconds allowed for the chair's click to reach the server).
    assert left_when_interrupted - 8 <= left <= left_when_interrupted

    chair.get_by_role("button", name="Resume", exact=True).click()
    expect(projector.locator("#live-timer-state")).to_have_text("")
    projector.wait_for_function(
        """left => {
            const timer = document.getElementById("live-timer").textContent;
            const clock = timer.match(/^(\\d+):(\\d\\d)$/);
            return clock !== null && Number(clock[1]) * 60 + Number(clock[2]) < left;
        }""",
        arg=left,
    )
    expect(mexico.locator("#live-mine")).to_contain_text("You have the floor")
    expect(kenya.locator("#live-now")).to_have_text("Mexico — Mr. Juan Torres")

    chair.get_by_role("button", name="End the turn").click()
    expect(projector.locator("#live-who")).to_have_text("No one has the floor.")
    expect(chair.locator("#live-turns li")).to_have_text(
        [re.compile(r"^Kenya.*Point of order"), re.compile(r"^Mexico — .*Statement")]
    )
    records = json.loads(server.run_django(INTERVENTIONS).splitlines()[-1])
    assert records == [
        {"state": "MEX", "kind": "statement"},
        {"state": "KEN", "kind": "point_of_order"},
    ]


def test_rights_of_reply_come_last_two_per_item_ten_then_five_minutes(room, phone):
    """Decision 34/401: rights of reply at the end, in the order asked; two per
    delegation on an item, the first of ten minutes, the second of five; a
    third is refused with the reason."""
    chair, projector = room
    kenya = phone("kenya", state="KEN")
    mexico = phone("mexico", state="MEX")
    brazil = phone("brazil", state="BRA")
    level = "Chair of delegation (Permanent Representative)"
    timer = projector.locator("#live-timer")
    give_next = chair.get_by_role("button", name="Give the floor to the next speaker")

    ask(kenya, level=level)
    chair.get_by_role("button", name="Give the floor: Kenya").click()
    expect(projector.locator("#live-who")).to_have_text("Kenya")

    ask(mexico, purpose="Right of reply", level=level)
    ask(brazil, level=level)
    ask(brazil, purpose="Right of reply", level=level)
    expect(chair.locator("#live-speakers > li")).to_have_text(
        [
            re.compile(r"^Brazil.*Statement"),
            re.compile(r"^Mexico.*Right of reply"),
            re.compile(r"^Brazil.*Right of reply"),
        ]
    )
    expect(chair.locator("#live-proposal")).to_be_hidden()
    expect(projector.locator("#live-next li")).to_have_text(["Brazil", "Mexico", "Brazil"])
    expect(mexico.locator("#live-mine")).to_contain_text("Place 2 of 3")
    expect(mexico.locator("#live-mine")).to_contain_text("Right of reply")

    give_next.click()
    expect(projector.locator("#live-who")).to_have_text("Brazil")
    expect(timer).to_have_text(re.compile(r"^(3:00|2:[0-5]\d)$"))

    give_next.click()
    expect(projector.locator("#live-who")).to_have_text("Mexico")
    expect(projector.locator("#live-capacity")).to_contain_text("Right of reply")
    expect(timer).to_have_text(re.compile(r"^(10:00|9:[0-5]\d)$"))  # a first reply
    expect(mexico.locator("#live-mine")).to_contain_text("You have the floor")

    give_next.click()
    expect(projector.locator("#live-who")).to_have_text("Brazil")
    expect(timer).to_have_text(re.compile(r"^(10:00|9:[0-5]\d)$"))  # Brazil's first too

    ask(mexico, purpose="Right of reply", level=level)
    expect(mexico.locator("#live-message")).to_have_text("You are on the list of speakers.")
    expect(mexico.locator("#live-mine")).to_contain_text("Place 1 of 1")
    expect(projector.locator("#live-next li")).to_have_text(["Mexico"])
    give_next.click()
    expect(projector.locator("#live-who")).to_have_text("Mexico")
    expect(timer).to_have_text(re.compile(r"^(5:00|4:[0-5]\d)$"))  # a second reply
    chair.get_by_role("button", name="End the turn").click()
    expect(projector.locator("#live-who")).to_have_text("No one has the floor.")

    ask(mexico, purpose="Right of reply", level=level)
    expect(mexico.locator("#live-message")).to_have_text(
        "Mexico has had its 2 rights of reply on this item, the most a delegation may have."
    )
    expect(mexico.locator("#live-mine")).to_have_text("You are not on the list.")
    expect(chair.locator("#live-empty")).to_be_visible()
    expect(projector.locator("#live-next li")).to_have_count(0)
    expect(chair.locator("#live-turns li")).to_have_text(
        [
            re.compile(r"^Mexico.*Right of reply · \d+:\d\d / 5:00$"),
            re.compile(r"^Brazil.*Right of reply · \d+:\d\d / 10:00$"),
            re.compile(r"^Mexico.*Right of reply · \d+:\d\d / 10:00$"),
            re.compile(r"^Brazil.*Statement · \d+:\d\d / 3:00$"),
            re.compile(r"^Kenya.*Statement · \d+:\d\d / 3:00$"),
        ]
    )
