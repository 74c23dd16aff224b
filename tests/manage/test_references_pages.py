"""The documents a series cites, edited on their own workspace screen."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from convener.meetings.models import ReferenceDocument
from convener.roles.models import Role
from tests.factories import GrantFactory, ReferenceDocumentFactory, SeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return SeriesFactory(slug="gmg-2017")


@pytest.fixture
def secretariat(client, series):
    user = GrantFactory(series=series, role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


def rows(*documents, initial=0):
    data = {"references-TOTAL_FORMS": str(len(documents)), "references-INITIAL_FORMS": str(initial)}
    for index, (symbol, title, targets) in enumerate(documents):
        data |= {
            f"references-{index}-symbol": symbol,
            f"references-{index}-title": title,
            f"references-{index}-sdg_targets": targets,
        }
    return data


URL = reverse("manage:references", args=["gmg-2017"])


def cited(series):
    return list(series.references.values_list("symbol", "title", "sdg_targets"))


def test_the_series_page_links_its_documents_cited(client, secretariat, series):
    page = client.get(reverse("manage:series", args=["gmg-2017"]))

    assertContains(page, f'href="{URL}"')


def test_documents_cited_are_saved_in_order_with_their_sdg_targets(client, secretariat, series):
    response = client.post(
        URL,
        rows(
            ("A/RES/70/290", "Resolution on the summit", ""),
            ("A/70/59", "In safety and dignity", "10.7, 17.18"),
            ("", "", ""),
        ),
    )

    assertRedirects(response, reverse("manage:series", args=["gmg-2017"]))
    assert cited(series) == [
        ("A/RES/70/290", "Resolution on the summit", []),
        ("A/70/59", "In safety and dignity", ["10.7", "17.18"]),
    ]


def test_a_row_left_empty_removes_its_document(client, secretariat, series):
    ReferenceDocumentFactory(series=series, symbol="A/70/59")
    ReferenceDocumentFactory(series=series, symbol="A/71/1")

    client.post(URL, rows(("A/71/1", "New York Declaration", ""), ("", "", ""), initial=2))

    assert cited(series) == [("A/71/1", "New York Declaration", [])]


def test_a_text_that_is_not_a_symbol_is_refused_and_kept_in_the_form(client, secretariat, series):
    ReferenceDocumentFactory(series=series, symbol="A/70/59", title="Kept")

    response = client.post(URL, rows(("the report", "Report", "10.7"), initial=0))

    assert response.status_code == 200
    assertContains(response, "is not a UN document symbol")
    assertContains(response, 'value="the report"')
    assert cited(series) == [("A/70/59", "Kept", ["10.7"])]


def test_a_target_that_is_not_an_sdg_target_is_refused(client, secretariat, series):
    response = client.post(URL, rows(("A/70/59", "", "10.7, 18.1")))

    assertContains(response, "“18.1” is not an SDG target")
    assert not ReferenceDocument.objects.exists()


def test_a_document_listed_twice_saves_nothing(client, secretariat, series):
    response = client.post(URL, rows(("A/70/59", "", ""), ("A/70/59", "", "")))

    assertContains(response, "A document is listed twice.")
    assert not ReferenceDocument.objects.exists()


def test_a_rapporteur_cannot_edit_the_documents_cited(client, series):
    client.force_login(GrantFactory(series=series, role=Role.RAPPORTEUR).user)

    assert client.get(URL).status_code == 403
