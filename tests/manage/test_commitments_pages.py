"""The commitments pages: the rapporteur decides each point; the secretariat
follows the commitments, filters them and downloads them."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from convener.commitments.models import Mark
from convener.roles.models import Role
from tests.factories import GrantFactory, InterventionFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

POINTS = ["We will resettle 500 refugees by 2018.", "States should share responsibility."]


@pytest.fixture
def statement():
    return InterventionFactory(points=POINTS)


@pytest.fixture
def meeting(statement):
    return statement.segment.meeting


def signed_in(client, meeting, role):
    client.force_login(GrantFactory(series=meeting.series, role=role, meeting=None).user)
    return client


def marking_url(meeting):
    return reverse("manage:commitments_marking", args=[meeting.series.slug, meeting.number])


def decide(client, statement, position, data):
    meeting = statement.segment.meeting
    url = reverse(
        "manage:commitments_decide",
        args=[meeting.series.slug, meeting.number, statement.pk, "point", position],
    )
    prefix = f"i{statement.pk}-point-{position}-"
    return client.post(
        url,
        {f"{prefix}{k}": v for k, v in data.items()}
        | {"decision": data.get("decision", "confirm")},
    )


def test_marking_page_shows_each_suggestion_and_marks_nothing(client, meeting):
    response = signed_in(client, meeting, Role.RAPPORTEUR).get(marking_url(meeting))

    assert response.status_code == 200
    assert 'data-suggestion="commitment"' in response.text
    assert 'data-suggestion="recommendation"' in response.text
    assert not Mark.objects.exists()


def test_rapporteur_confirms_a_commitment_with_another_author(client, statement, meeting):
    unhcr = OrganisationFactory()
    signed_in(client, meeting, Role.RAPPORTEUR)

    decide(
        client,
        statement,
        0,
        {
            "kind": "commitment",
            "author_other": unhcr.key,
            "what": "Resettle 500",
            "due_words": "by 2018",
        },
    )

    mark = Mark.objects.get()
    assert (mark.kind, mark.author, mark.what, mark.due) == (
        "commitment",
        unhcr,
        "Resettle 500",
        "by 2018",
    )
    assert 'data-decision="commitment"' in client.get(marking_url(meeting)).text


def test_an_unknown_author_is_refused(client, statement, meeting):
    signed_in(client, meeting, Role.RAPPORTEUR)

    decide(client, statement, 0, {"kind": "commitment", "author_other": "nobody", "what": "x"})

    assert not Mark.objects.exists()


def test_setting_a_point_aside(client, statement, meeting):
    signed_in(client, meeting, Role.RAPPORTEUR)

    decide(client, statement, 1, {"decision": "neither"})

    assert Mark.objects.get().kind == "neither"


def confirmed(client, statement):
    decide(
        client,
        statement,
        0,
        {"kind": "commitment", "author": f"state:{statement.state.iso3}", "what": "Resettle 500"},
    )
    decide(
        client,
        statement,
        1,
        {"kind": "recommendation", "author": f"state:{statement.state.iso3}", "what": "Share"},
    )
    return Mark.objects.get(kind="commitment")


def test_secretariat_sets_delivered_with_a_note_and_the_tracker_shows_it(
    client, statement, meeting
):
    signed_in(client, meeting, Role.SECRETARIAT)
    mark = confirmed(client, statement)
    tracker = reverse("manage:commitments", args=[meeting.series.slug])

    client.post(
        reverse("manage:commitments_status", args=[meeting.series.slug, mark.pk]),
        {f"m{mark.pk}-status": "delivered", f"m{mark.pk}-note": "All arrived."},
    )

    page = client.get(tracker, {"status": "delivered"}).text
    assert 'data-status="delivered"' in page
    assert "All arrived." in page
    assert "Share" not in page


def test_csv_and_excel_hold_the_filtered_list(client, statement, meeting):
    signed_in(client, meeting, Role.SECRETARIAT)
    confirmed(client, statement)
    slug = meeting.series.slug

    text = client.get(
        reverse("manage:commitments_csv", args=[slug]), {"kind": "commitment"}
    ).content
    rows = list(csv.reader(io.StringIO(text.decode())))
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("manage:commitments_xlsx", args=[slug])).content)
    )

    assert [(row[0], row[2], row[4]) for row in rows[1:]] == [
        ("Commitment", "Resettle 500", "Announced")
    ]
    assert rows[1][8].endswith(f"#statement-{statement.pk}")
    assert [row[2] for row in workbook.active.iter_rows(min_row=2, values_only=True)] == [
        "Resettle 500",
        "Share",
    ]


def test_a_cell_that_looks_like_a_formula_is_written_as_text(client, statement, meeting):
    signed_in(client, meeting, Role.SECRETARIAT)
    decide(client, statement, 0, {"kind": "commitment", "what": "=HYPERLINK(1)"})

    text = client.get(
        reverse("manage:commitments_csv", args=[meeting.series.slug])
    ).content.decode()

    assert "'=HYPERLINK(1)" in text


def test_tracker_reads_in_a_bounded_number_of_queries(
    client, statement, meeting, django_assert_max_num_queries
):
    signed_in(client, meeting, Role.SECRETARIAT)
    confirmed(client, statement)
    for _ in range(5):
        other = InterventionFactory(segment=statement.segment, points=POINTS)
        decide(client, other, 0, {"kind": "commitment", "what": "More"})

    with django_assert_max_num_queries(16):
        client.get(reverse("manage:commitments", args=[meeting.series.slug]))


def test_marking_page_reads_in_a_bounded_number_of_queries(
    client, statement, meeting, django_assert_max_num_queries
):
    signed_in(client, meeting, Role.RAPPORTEUR)
    for _ in range(5):
        other = InterventionFactory(segment=statement.segment, points=POINTS)
        decide(client, other, 0, {"kind": "commitment", "what": "More"})

    with django_assert_max_num_queries(14):
        response = client.get(marking_url(meeting))

    assert response.content.count(b'data-decision="commitment"') == 5


def test_an_unknown_part_of_a_statement_is_not_found(client, statement, meeting):
    signed_in(client, meeting, Role.RAPPORTEUR)
    url = reverse(
        "manage:commitments_decide",
        args=[meeting.series.slug, meeting.number, statement.pk, "paragraph", 0],
    )

    assert client.post(url, {"decision": "neither"}).status_code == 404
