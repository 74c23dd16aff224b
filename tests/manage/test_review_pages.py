"""The planning checks of a series and the screen of its co-chair rule and classification."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from convener.audit.models import AuditEntry
from convener.directory.models import State
from convener.meetings.domain.review import review_meeting
from convener.meetings.models import CoChairBalance, DevelopmentStatus
from convener.roles.models import Role as AccessRole
from tests.factories import GrantFactory, SeriesFactory, UserFactory

pytestmark = pytest.mark.django_db


def review_url(slug="gmg-2016"):
    return reverse("manage:series_review", args=[slug])


def classification_url(slug="gmg-2016"):
    return reverse("manage:classification", args=[slug])


def status_of(series, iso3):
    return series.classifications.filter(state__iso3=iso3).values_list("status", flat=True).first()


def form_data(series, **changes):
    """The classification form as the page fills it in, with `changes` (ISO3 or field names)."""
    current = dict(series.classifications.values_list("state__iso3", "status"))
    data = {
        "co_chair_balance": series.co_chair_balance,
        "classification_rule": series.classification_rule,
        **{
            f"state_{iso3}": current.get(iso3, "")
            for iso3 in State.objects.values_list("iso3", flat=True)
        },
    }
    for name, value in changes.items():
        data[f"state_{name}" if name.isupper() else name] = value
    return data


# The review of a series


def test_series_review_shows_the_secretariat_every_finding_by_meeting(client, demo_user):
    client.force_login(demo_user("secretariat"))

    response = client.get(review_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1>") == 1
    for number in (1, 2, 3, 4):
        assert f'id="meeting-{number}"' in page
    assert "All-male panel" in page
    assert "The 3 speakers on this panel are all men" in page
    assert "4 problems" in page
    assert "Co-chair balance" not in page
    assert classification_url() in page


def test_series_review_says_when_a_meeting_has_nothing_to_point_out(client, demo_user):
    client.force_login(demo_user("secretariat"))

    page = client.get(review_url()).content.decode()

    meeting_3 = page.split('id="meeting-3"', 1)[1].split('id="meeting-4"', 1)[0]
    assert "Nothing to point out." in meeting_3


def test_series_review_is_open_to_a_focal_point_for_the_meetings_it_co_organises(client, demo_user):
    client.force_login(demo_user("undp"))

    response = client.get(review_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="meeting-3"' in page  # UNDP co-organised meeting 3 only
    assert 'id="meeting-2"' not in page
    assert 'id="meeting-4"' not in page
    assert classification_url() not in page


@pytest.mark.parametrize("role", ["rapporteur", "chair", "speaker", "mexico"])
def test_series_review_is_refused_to_who_does_not_plan(client, demo_user, role):
    client.force_login(demo_user(role))

    assert client.get(review_url()).status_code == 403


def test_a_meeting_page_shows_the_planning_checks_only_to_who_plans(client, demo_user):
    meeting_3 = reverse("manage:meeting", args=["gmg-2016", 3])
    client.force_login(demo_user("undp"))
    focal_point = client.get(meeting_3).content.decode()
    client.force_login(demo_user("rapporteur"))
    rapporteur = client.get(meeting_3).content.decode()

    assert 'id="planning-checks"' in focal_point
    assert 'id="planning-checks"' not in rapporteur


def test_series_review_is_refused_to_who_holds_no_role_in_the_series(client, demo_series):
    client.force_login(UserFactory())

    assert client.get(review_url()).status_code == 403


def test_series_review_asks_a_visitor_to_sign_in(client, demo_series):
    response = client.get(review_url())

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_series_review_reads_in_a_fixed_number_of_queries(
    client, demo_user, django_assert_max_num_queries
):
    client.force_login(demo_user("secretariat"))

    with django_assert_max_num_queries(12):
        client.get(review_url())


# The co-chair rule and the classification of States


def test_classification_page_shows_the_rule_and_every_state(client, demo_user):
    client.force_login(demo_user("secretariat"))

    response = client.get(classification_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert '<label for="id_state_NLD">Netherlands' in page
    assert 'value="developing_and_developed" selected' in page
    assert page.count("<select") == State.objects.count() + 1


@pytest.mark.parametrize("username", ["undp", "rapporteur", "mexico"])
def test_classification_page_is_refused_to_other_roles(client, demo_user, username):
    client.force_login(demo_user(username))

    assert client.get(classification_url()).status_code == 403
    assert client.post(classification_url(), {}).status_code == 403


def test_classification_saves_the_rule_and_the_states(client, demo_user, demo_series):
    client.force_login(demo_user("secretariat"))
    data = form_data(
        demo_series, classification_rule="One of each, please", THA="developed", NLD=""
    )

    response = client.post(classification_url(), data)

    assert response.status_code == 302
    demo_series.refresh_from_db()
    assert demo_series.classification_rule == "One of each, please"
    assert status_of(demo_series, "THA") == DevelopmentStatus.DEVELOPED
    assert status_of(demo_series, "NLD") is None
    assert status_of(demo_series, "MEX") == DevelopmentStatus.DEVELOPING


def test_classification_change_shows_in_the_checks(client, demo_user, demo_series):
    client.force_login(demo_user("secretariat"))
    client.post(classification_url(), form_data(demo_series, THA="developed"))

    page = client.get(review_url()).content.decode()

    assert "The co-chairs include no developing country" in page


def test_classification_change_is_one_entry_of_the_audit_log(client, demo_user, demo_series):
    client.force_login(demo_user("secretariat"))

    client.post(classification_url(), form_data(demo_series, THA="developed"))

    entry = AuditEntry.objects.filter(series=demo_series).latest("pk")
    assert entry.user.username == "secretariat"
    assert entry.changes == {"states.THA": ["developing", "developed"]}


def test_classification_refuses_an_unknown_rule_and_keeps_what_was_typed(
    client, demo_user, demo_series
):
    client.force_login(demo_user("secretariat"))
    data = form_data(demo_series, co_chair_balance="alternate", classification_rule="Kept text")

    response = client.post(classification_url(), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'role="alert"' in page
    assert 'href="#id_co_chair_balance"' in page
    assert 'value="Kept text"' in page
    demo_series.refresh_from_db()
    assert demo_series.classification_rule != "Kept text"


def test_classification_refuses_a_status_not_offered_and_names_the_state(
    client, demo_user, demo_series
):
    client.force_login(demo_user("secretariat"))

    response = client.post(classification_url(), form_data(demo_series, THA="emerging"))

    assert response.status_code == 200
    page = response.content.decode()
    assert '<a href="#id_state_THA">Thailand: Choose developed, developing or unclassified.' in page
    assert 'id="id_state_THA" aria-invalid="true"' in page
    assert status_of(demo_series, "THA") == DevelopmentStatus.DEVELOPING


def test_classification_refuses_a_rule_longer_than_300_characters(client, demo_user, demo_series):
    client.force_login(demo_user("secretariat"))

    response = client.post(
        classification_url(), form_data(demo_series, classification_rule="x" * 301)
    )

    assert response.status_code == 200
    assert 'href="#id_classification_rule"' in response.content.decode()


def test_classification_refuses_the_balance_rule_without_both_kinds_of_states(client):
    series = SeriesFactory(slug="new-series")
    user = UserFactory()
    GrantFactory(user=user, series=series, role=AccessRole.SECRETARIAT)
    client.force_login(user)
    data = form_data(
        series, co_chair_balance=CoChairBalance.DEVELOPING_AND_DEVELOPED, NOR="developed"
    )

    response = client.post(classification_url("new-series"), data)

    assert response.status_code == 200
    assert "classify at least one State as each" in response.content.decode()
    series.refresh_from_db()
    assert series.co_chair_balance == CoChairBalance.NONE
    assert not series.classifications.exists()


# The checks on a meeting's page


def test_planning_checks_of_a_meeting_name_the_segment_under_its_severity(demo_series):
    meeting = demo_series.meetings.get(number=4)

    html = render_to_string(
        "manage/includes/planning_checks.html", {"findings": review_meeting(meeting)}
    )

    assert '<h2 id="planning-checks">Planning checks</h2>' in html
    problems, notes = html.split("1 note", 1)
    assert "1 problem" in problems
    assert "Next steps and ways forward" in problems
    assert "Second discussion topic" in notes


def test_planning_checks_of_a_meeting_without_findings_say_so(demo_series):
    meeting = demo_series.meetings.get(number=3)

    html = render_to_string(
        "manage/includes/planning_checks.html", {"findings": review_meeting(meeting)}
    )

    assert "Nothing to point out." in html
