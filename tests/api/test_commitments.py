import pytest

from convener.audit.actors import command_line_operator
from convener.commitments.domain.marking import mark_unit
from convener.commitments.domain.tracking import set_commitment_status
from tests.factories import InterventionFactory, MeetingFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def listed(response):
    assert response.status_code == 200, response.content
    return response.json()


def confirm(statement, kind, **fields):
    return mark_unit(
        intervention=statement,
        source="point",
        position=0,
        kind=kind,
        by=command_line_operator(),
        **fields,
    )


@pytest.fixture
def statement():
    return InterventionFactory(points=["We will open 500 places by 2018."])


def test_commitments_list_gives_author_status_and_notes(client, statement):
    mark = confirm(statement, "commitment", due_words="by 2018")
    set_commitment_status(mark=mark, status="delivered", note="Done.", by=command_line_operator())
    series = statement.segment.meeting.series

    [item] = listed(client.get(f"/api/series/{series.slug}/commitments"))["results"]

    assert item["state"]["iso3"] == statement.state.iso3
    assert (item["kind"], item["what"], item["due_words"], item["status"]) == (
        "commitment",
        "We will open 500 places by 2018.",
        "by 2018",
        "delivered",
    )
    assert item["intervention"] == statement.pk
    assert [(n["status"], n["note"]) for n in item["notes"]] == [
        ("announced", ""),
        ("delivered", "Done."),
    ]
    assert "by" not in item["notes"][0]


def test_commitments_list_filters(client, statement):
    confirm(statement, "commitment")
    series = statement.segment.meeting.series
    other = InterventionFactory(
        segment__meeting__series=series,
        state=None,
        organisation=OrganisationFactory(key="unhcr"),
        points=["States should act."],
    )
    confirm(other, "recommendation")
    url = f"/api/series/{series.slug}/commitments"

    def count(query):
        return listed(client.get(f"{url}?{query}"))["count"]

    assert count("kind=recommendation") == 1
    assert count("organisation=unhcr") == 1
    assert count(f"state={statement.state.iso3}") == 1
    assert count("status=announced") == 1
    assert count("status=delivered") == 0
    assert count(f"meeting={other.segment.meeting.number}") == 1
    assert count("regional_group=asia_pacific") == 1


def test_the_public_reads_no_unreleased_record(client, statement):
    series = statement.segment.meeting.series
    hidden = InterventionFactory(
        segment__meeting=MeetingFactory(series=series, record_released_at=None),
        points=["We will hide it."],
    )
    confirm(statement, "commitment")
    confirm(hidden, "commitment")

    body = listed(client.get(f"/api/series/{series.slug}/commitments"))

    assert [item["intervention"] for item in body["results"]] == [statement.pk]


def test_an_unknown_series_is_a_404_and_a_bad_filter_a_400(client, statement):
    series = statement.segment.meeting.series

    assert client.get("/api/series/nowhere/commitments").status_code == 404
    assert client.get(f"/api/series/{series.slug}/commitments?status=forgotten").status_code == 400
    assert client.get(f"/api/series/{series.slug}/commitments?state=fr").status_code == 400


def test_commitments_list_takes_a_fixed_number_of_queries(
    client, statement, django_assert_max_num_queries
):
    series = statement.segment.meeting.series
    for _ in range(5):
        confirm(
            InterventionFactory(segment=statement.segment, points=["We will act."]), "commitment"
        )

    with django_assert_max_num_queries(4):
        listed(client.get(f"/api/series/{series.slug}/commitments?limit=100"))
