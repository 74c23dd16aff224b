"""The workspace's front page lists what each role works on, and nothing else."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOME = reverse("manage:home")


def home_of(client, user) -> str:
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_the_undp_focal_point_sees_only_the_meeting_undp_co_organised(client, demo_user):
    page = home_of(client, demo_user("undp"))

    assert reverse("manage:meeting", args=["gmg-2016", 3]) in page
    assert reverse("manage:meeting", args=["gmg-2016", 2]) not in page


def test_the_secretariat_sees_every_meeting_of_its_series(client, demo_user):
    page = home_of(client, demo_user("secretariat"))

    for number in (1, 2, 3, 4):
        assert reverse("manage:meeting", args=["gmg-2016", number]) in page


def test_a_delegation_is_offered_the_floor_of_each_meeting_it_may_read(
    client, demo_user, held_demo_series
):
    page = home_of(client, demo_user("mexico"))

    assert "Ask for the floor" in page
    for number in (1, 2, 3, 4):
        assert reverse("live:delegation", args=["gmg-2016", number]) in page
    assert reverse("manage:meeting", args=["gmg-2016", 1]) not in page


def test_a_delegation_is_not_offered_the_floor_of_a_reported_meeting(client, demo_user):
    page = home_of(client, demo_user("mexico"))

    assert reverse("live:delegation", args=["gmg-2016", 3]) not in page


def test_a_speaker_finds_their_own_details(client, demo_user):
    page = home_of(client, demo_user("speaker"))

    assert reverse("manage:my_details", args=["anna-greene"]) in page


def test_a_user_without_a_role_is_told_how_to_get_one(client, demo_series):
    page = home_of(client, UserFactory())

    assert "You hold no role in a series yet" in page


def test_the_workspace_asks_a_visitor_to_sign_in(client):
    response = client.get(HOME)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("username", "sees_console"), [("chair", True), ("secretariat", True), ("undp", False)]
)
def test_the_meeting_page_links_the_chairs_console_for_those_who_chair(
    client, demo_user, held_demo_series, username, sees_console
):
    client.force_login(demo_user(username))

    page = client.get(reverse("manage:meeting", args=["gmg-2016", 3])).content.decode()

    assert (reverse("live:chair", args=["gmg-2016", 3]) in page) is sees_console
