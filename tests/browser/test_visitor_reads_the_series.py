"""A visitor follows links from the home page to a meeting and to a speaker."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_reaches_the_13_july_meeting_and_ninette_kelley(live_server, demo_series, page):
    page.goto(live_server.url)
    page.get_by_role("link", name=demo_series.title).first.click()
    page.get_by_role("link", name="Strengthening responsibility sharing for refugees").click()

    main = page.get_by_role("main")
    main.get_by_role("heading", level=1).wait_for()
    text = main.inner_text()
    for fact in (
        "13 July 2016",
        "Conference Room 6",
        "United Nations Development Programme",
        "Office of the United Nations High Commissioner for Refugees",
        "Zambia",
        "Portugal",
        "Ajay Madiwale",
        "Izumi Nakamitsu",
        "Ninette Kelley",
        "Anna Greene",
        "James Milner",
        "Colin Bruce",
        "Amir Abdulla",
        "Magdy Martinez Soliman",
        "Jennifer Topping",
    ):
        assert fact in text, fact

    main.get_by_role("link", name="Ninette Kelley").first.click()

    person = page.get_by_role("main").inner_text()
    assert "25 April 2016" in person
    assert "13 July 2016" in person
