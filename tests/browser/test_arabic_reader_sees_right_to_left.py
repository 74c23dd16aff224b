"""A reader of Arabic sees the meeting page, the workspace's meeting form and the
projector laid out right to left, and a meeting's time in its own order.

On the production server (`convener_server`, its series `live-series`):
meeting 1 takes place from 10:00 to 13:00 in Conference Room 6.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.live.conftest import debate_under_way, screen  # noqa: F401

pytestmark = pytest.mark.browser

MEETING = "/series/live-series/meetings/1/"
MEETING_FORM = "/manage/series/live-series/meetings/new/"
LIVE = "/live/series/live-series/meetings/1"
WIDE = {"viewport": {"width": 1280, "height": 800}}

# The boxes of two runs of an element's text ([from, to] in characters of its
# whole text), as the browser laid them out.
RUN_BOXES = """([element, ...runs]) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
    const at = (offset) => {
        for (const node of texts) {
            if (offset <= node.length) return [node, offset];
            offset -= node.length;
        }
    };
    return runs.map(([from, to]) => {
        const range = document.createRange();
        range.setStart(...at(from));
        range.setEnd(...at(to));
        return range.getBoundingClientRect().toJSON();
    });
}"""


@pytest.fixture
def server(convener_server):
    server = convener_server()
    server.create_user("secretariat", role="secretariat", series="live-series")
    server.create_user("chair", role="chair", series="live-series")
    return server


def direction(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).direction")


def isolation(locator) -> tuple[str, str, str]:
    """The element's tag, and the direction and bidi isolation the browser gives it."""
    return tuple(
        locator.evaluate(
            """element => {
                const style = getComputedStyle(element);
                return [element.localName, style.direction, style.unicodeBidi];
            }"""
        )
    )


def header_boxes(page):
    """The boxes of the site's name and of its main navigation."""
    return page.locator(".site-name").bounding_box(), page.locator(".site-nav").bounding_box()


def centre(box) -> float:
    return box["x"] + box["width"] / 2


def leads_on_the_right(name, navigation) -> bool:
    """The site's name comes first on the right: beside the navigation, or
    above it when a long navigation (a signed-in user's) wraps to a line of
    its own, which then starts on the right too."""
    starts_together = abs((name["x"] + name["width"]) - (navigation["x"] + navigation["width"])) < 2
    return centre(name) > centre(navigation) and (
        navigation["x"] + navigation["width"] <= name["x"] or starts_together
    )


def test_meeting_page_is_right_to_left_with_its_time_in_order(server, screen):  # noqa: F811
    english = screen(**WIDE)
    english.goto(server.url + MEETING)
    name, navigation = header_boxes(english)
    assert name["x"] + name["width"] <= navigation["x"]  # the name first, on the left

    page = screen(**WIDE)
    page.goto(server.url + "/ar" + MEETING)

    assert direction(page.locator("html")) == "rtl"
    assert direction(page.get_by_role("main")) == "rtl"
    name, navigation = header_boxes(page)
    assert leads_on_the_right(name, navigation)
    assert navigation["x"] + navigation["width"] / 2 > 1280 / 2

    time = page.locator("dd bdi", has_text="10:00")
    expect(time).to_have_text("10:00–13:00")
    assert isolation(time) == ("bdi", "ltr", "isolate")
    start, end = page.evaluate(RUN_BOXES, [time.element_handle(), [0, 5], [6, 11]])
    assert start["x"] + start["width"] <= end["x"]  # "10:00" before "13:00", left to right

    room = page.locator("dd bdi", has_text="Conference Room 6")
    assert isolation(room) == ("bdi", "ltr", "isolate")  # a Latin name, its own direction


def test_workspace_meeting_form_is_right_to_left(server, screen):  # noqa: F811
    page = screen("secretariat", **WIDE)
    page.goto(server.url + "/ar" + MEETING_FORM)

    assert direction(page.locator("html")) == "rtl"
    name, navigation = header_boxes(page)
    assert leads_on_the_right(name, navigation)
    workspace = page.locator(".breadcrumbs li").first.bounding_box()
    main = page.get_by_role("main").bounding_box()
    assert workspace["x"] + workspace["width"] > main["x"] + main["width"] / 2

    title = page.locator("#id_title")
    assert direction(title) == "rtl"
    # Label and field start on the right of the form, not on its left.
    label = page.locator("label[for=id_title]").bounding_box()
    field = title.bounding_box()
    assert abs((label["x"] + label["width"]) - (field["x"] + field["width"])) < 2
    assert field["x"] > page.locator("form.form").bounding_box()["x"] + 8

    start = page.locator("#id_start_time")
    assert direction(start) == "ltr"  # "14:30" is typed left to right
    start.fill("10:00")
    page.locator("#id_end_time").fill("13:00")
    page.locator("#id_title").fill("Safe and regular pathways, again")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/meetings/*/edit/")  # the new meeting, to be completed
    page.goto(page.url.removesuffix("edit/"))
    time = page.locator("dd bdi[dir=ltr]", has_text="10:00")
    expect(time).to_have_text("10:00–13:00")
    assert isolation(time) == ("bdi", "ltr", "isolate")


def test_projector_is_right_to_left_with_the_speakers_name_and_clock_isolated(server, screen):  # noqa: F811
    chair, _ = debate_under_way(server, screen, LIVE)
    chair.locator("#live-participation").select_option(label="Dr. Lena Varga (Moderator)")
    chair.get_by_role("button", name="Give the floor now").click()
    expect(chair.locator("#live-current")).to_contain_text("Dr. Lena Varga")

    projector = screen(viewport={"width": 1280, "height": 720})
    projector.goto(server.url + "/ar" + LIVE + "/projector/")

    assert direction(projector.locator("html")) == "rtl"
    title = projector.locator(".projector__meeting").bounding_box()
    segment = projector.locator("#live-segment").bounding_box()
    assert segment["x"] + segment["width"] <= title["x"]  # the meeting's title on the right
    assert title["x"] + title["width"] > 1280 * 0.9

    name = projector.locator("#live-name bdi")
    expect(name).to_have_text("Dr. Lena Varga")
    assert isolation(name) == ("bdi", "ltr", "isolate")  # from its first letter
    clock = projector.locator("#live-timer bdi")
    expect(clock).to_have_text(re.compile(r"^\d+:\d\d$"))
    assert isolation(clock) == ("bdi", "ltr", "isolate")
