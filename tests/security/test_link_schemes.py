"""An address that runs code (`javascript:`, `data:text/html`…) is refused wherever one
comes in, and never becomes a link wherever one goes out, even if stored before the check."""

from __future__ import annotations

import io
import json

import docx
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx.oxml.ns import qn
from pytest_django.asserts import assertContains

from convener.audit.actors import command_line_operator
from convener.directory.models import Organisation, OrganisationKind
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.validation import SeriesDataError
from convener.meetings.models import MeetingStatus, SegmentKind
from convener.prose.links import checked_link, followable
from convener.publishing.document import Document, Paragraph, Text
from convener.publishing.exporters.docx import DocxExporter
from convener.publishing.exporters.html import HtmlExporter
from tests.exchange.conftest import VALID_SERIES
from tests.factories import (
    AdministratorFactory,
    CoOrganiserFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    SegmentFactory,
)
from tests.html_safety import SCRIPT_ADDRESSES, runs_code, unsafe_markup

ATTACKS = pytest.mark.parametrize("address", SCRIPT_ADDRESSES.values(), ids=SCRIPT_ADDRESSES.keys())
REFUSAL = "Only http, https and mailto addresses are allowed."
UNDP = "    acronym: UNDP\n    kind: un_entity\n"


def test_attacks_run_code_in_a_browser():
    """The test's own oracle agrees that every attack is one."""
    assert all(runs_code(address) for address in SCRIPT_ADDRESSES.values())


@ATTACKS
def test_link_check_refuses_script_address(address):
    with pytest.raises(ValueError, match="use an http, https or mailto address"):
        checked_link(address)


@pytest.mark.parametrize(
    "address",
    ["https://www.undp.org/", "HTTP://example.org", "mailto:gmg@un.org", "/series/", "#notes"],
)
def test_link_check_keeps_web_mail_and_in_site_addresses(address):
    assert followable(address) == address


def test_link_check_drops_the_blanks_a_browser_ignores():
    assert checked_link("\x01 https://www.undp.org/\n") == "https://www.undp.org/"


@pytest.mark.django_db
@pytest.mark.usefixtures("reference_data")
@ATTACKS
def test_import_refuses_script_address_as_website_with_file_line_and_field(tmp_path, address):
    path = tmp_path / "series.yaml"
    path.write_text(
        VALID_SERIES.replace(UNDP, f"{UNDP}    website: {json.dumps(address)}\n", 1),
        encoding="utf-8",
    )
    line = VALID_SERIES[: VALID_SERIES.index(UNDP)].count("\n") + 3  # after acronym and kind

    with pytest.raises(SeriesDataError) as raised:
        import_file(path=path, by=command_line_operator())

    problems = [str(problem) for problem in raised.value.problems]
    assert len(problems) == 1
    assert problems[0].startswith(f"series.yaml:{line}: organisations[0].website: ")
    assert "use an http, https or mailto address" in problems[0]
    assert not Organisation.objects.filter(key="undp").exists()


@pytest.mark.django_db
@ATTACKS
def test_organisation_model_refuses_script_address_as_website(address):
    organisation = Organisation(key="x", name="X", kind=OrganisationKind.NGO, website=address)

    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()

    assert REFUSAL in raised.value.message_dict["website"]


@pytest.mark.django_db
@ATTACKS
def test_admin_form_refuses_script_address_as_website(client, address):
    client.force_login(AdministratorFactory())

    response = client.post(
        reverse("admin:directory_organisation_add"),
        {"key": "x", "name": "X", "kind": OrganisationKind.NGO, "website": address},
    )

    assert response.status_code == 200
    assert "website" in response.context["adminform"].form.errors
    assert not Organisation.objects.filter(key="x").exists()


def stored(address: str) -> Organisation:
    """An organisation whose bad website was stored before the check existed."""
    organisation = CoOrganiserFactory(organisation=OrganisationFactory(key="mission")).organisation
    Organisation.objects.filter(pk=organisation.pk).update(website=address)
    return organisation


@pytest.mark.django_db
@ATTACKS
def test_public_organisation_page_shows_stored_script_address_unlinked(client, address):
    organisation = stored(address)

    response = client.get(reverse("public:organisation", args=[organisation.key]))

    assert unsafe_markup(response.content) == []
    assertContains(response, "<dt>Website</dt>", html=True)


@pytest.mark.django_db
def test_public_organisation_page_links_a_web_address(client):
    organisation = stored("https://www.undp.org/")

    response = client.get(reverse("public:organisation", args=[organisation.key]))

    assertContains(
        response, '<dd><a href="https://www.undp.org/">https://www.undp.org/</a></dd>', html=True
    )


@pytest.mark.django_db
@ATTACKS
def test_api_leaves_out_stored_script_address(client, address):
    organisation = stored(address)

    response = client.get(f"/api/organisations/{organisation.key}")

    assert response.status_code == 200
    assert response.json()["website"] == ""


@pytest.mark.django_db
@ATTACKS
def test_public_person_page_keeps_script_address_of_biography_unlinked(client, address):
    person = PersonFactory(biography=f"[my site]({address})")
    MeetingFactory().segments.create(key="panel", title="Panel").participations.create(
        person=person
    )

    response = client.get(reverse("public:person", args=[person.key]))

    assert response.status_code == 200
    assert unsafe_markup(response.content) == []


@pytest.mark.django_db
@ATTACKS
def test_public_meeting_page_keeps_script_address_of_a_statement_unlinked(client, address):
    meeting = MeetingFactory(status=MeetingStatus.REPORTED)
    debate = SegmentFactory(meeting=meeting, kind=SegmentKind.INTERACTIVE_DEBATE)
    InterventionFactory(segment=debate, summary=f"Spoke first. See [the report]({address}).")

    response = client.get(reverse("public:meeting", args=[meeting.series.slug, meeting.number]))

    assertContains(response, "Spoke first. See")
    assert unsafe_markup(response.content) == []


def linked(address: str) -> Document:
    return Document(
        slug="small",
        title="Small",
        language="en",
        blocks=[Paragraph([Text("click", href=address)])],
    )


@ATTACKS
def test_html_document_writes_script_address_as_text(address):
    html = HtmlExporter().write(linked(address)).decode()

    assert "<p>click</p>" in html
    assert unsafe_markup(html) == []


@ATTACKS
def test_word_document_writes_script_address_as_text(address):
    word = docx.Document(io.BytesIO(DocxExporter().write(linked(address))))

    assert list(word.element.body.iter(qn("w:hyperlink"))) == []
    assert [paragraph.text for paragraph in word.paragraphs][-1] == "click"
    assert not any(runs_code(rel.target_ref) for rel in word.part.rels.values() if rel.is_external)


def test_word_document_links_a_web_address():
    word = docx.Document(io.BytesIO(DocxExporter().write(linked("https://www.undp.org/"))))

    links = list(word.element.body.iter(qn("w:hyperlink")))
    assert [word.part.rels[link.get(qn("r:id"))].target_ref for link in links] == [
        "https://www.undp.org/"
    ]
