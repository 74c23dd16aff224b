"""The record in open standards: Akoma Ntoso debates and Popolo JSON, checked by their schemas.

The schemas are the published ones, kept beside the checkout in
`../shared/formats/` (see `shared_formats`): Akoma Ntoso 3.0 compiled by
lxml, Popolo's draft-03 JSON Schemas with their `$ref`s resolved to the
files there, never over the network.
"""

import json

import pytest
from django.core.management import call_command
from jsonschema import Draft3Validator
from lxml import etree
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from convener.api.domain.tokens import create_token
from convener.exchange.interfaces.akoma_ntoso import (
    NAMESPACE,
    RIGHT_OF_REPLY,
    meeting_debate,
    series_debates,
)
from convener.exchange.interfaces.popolo import series_popolo
from convener.meetings.models import SegmentKind
from convener.records.models import Capacity, Intervention, InterventionKind
from tests.exchange.shared_formats import shared_formats
from tests.factories import (
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    StateFactory,
    StateGroupFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

SITE = "https://meetings.example.org"
AKN = {"akn": NAMESPACE}
POPOLO_KINDS = {
    "persons": "person",
    "organizations": "organization",
    "memberships": "membership",
    "events": "event",
    "speeches": "speech",
}


@pytest.fixture(scope="module")
def akoma_ntoso_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(shared_formats() / "akomantoso" / "akomantoso30.xsd")))


@pytest.fixture(scope="module")
def popolo_validators() -> dict[str, Draft3Validator]:
    """A validator per kind of item, each schema's `$ref`s resolved to the shared files."""
    schemas = {
        path.stem: json.loads(path.read_text())
        for path in (shared_formats() / "popolo").glob("*.json")
    }
    registry = Registry().with_resources(
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT3))
        for schema in schemas.values()
    )
    for schema in schemas.values():
        Draft3Validator.check_schema(schema)
    return {
        name: Draft3Validator(schemas[name], registry=registry) for name in POPOLO_KINDS.values()
    }


def assert_valid_akoma_ntoso(schema: etree.XMLSchema, content: bytes) -> etree._Element:
    root = etree.fromstring(content)
    assert schema.validate(root), schema.error_log
    return root


def assert_valid_popolo(validators: dict[str, Draft3Validator], content: bytes) -> dict:
    data = json.loads(content)
    assert set(data) == set(POPOLO_KINDS)
    for collection, kind in POPOLO_KINDS.items():
        for item in data[collection]:
            validators[kind].validate(item)
    return data


@pytest.fixture
def generated_meeting(reference_data):
    """A meeting of three segments, every kind of speaker and turn, names in several scripts."""
    series = SeriesFactory(slug="generated", language="fr")
    meeting = MeetingFactory(series=series, number=1, title="Séance sur la mobilité")
    opening, debate, closing = (
        SegmentFactory(meeting=meeting, key=key, kind=kind, title=title, order=order)
        for order, (key, kind, title) in enumerate(
            [
                ("opening", SegmentKind.OPENING_REMARKS, ""),
                ("debate", SegmentKind.INTERACTIVE_DEBATE, "Débat interactif : « voies »"),
                ("closing", SegmentKind.CONCLUDING_REMARKS, "Clôture"),
            ]
        )
    )
    ambassador = PersonFactory(key="zhang-wei", honorific="S.E.", given_name="伟", family_name="张")
    state = StateFactory(iso3="XQA", names={"en": "Republic of Qa", "fr": "République de Qa"})
    group = StateGroupFactory(key="pays-insulaires", name="Petits États insulaires")
    agency = OrganisationFactory(key="hcr", name="Haut-Commissariat", acronym="HCR")
    official = PersonFactory(
        key="amina-el-fassi", honorific="Mme", given_name="أمينة", family_name="الفاسي"
    )
    turns = [
        InterventionFactory(
            segment=opening,
            speaker=official,
            state=None,
            organisation=agency,
            capacity=Capacity.ORGANISATION,
            summary="Ouvre la séance.\n\n- premier\n- second",
        ),
        InterventionFactory(
            segment=debate,
            speaker=ambassador,
            state=state,
            capacity=Capacity.NATIONAL,
            points=["Voies complémentaires", "Réinstallation"],
        ),
        InterventionFactory(
            segment=debate,
            speaker=None,
            state=state,
            state_group=group,
            capacity=Capacity.GROUP,
            summary="Au nom du groupe.",
        ),
        InterventionFactory(
            segment=debate,
            speaker=ambassador,
            state=state,
            capacity=Capacity.NATIONAL,
            kind=InterventionKind.POINT_OF_ORDER,
            summary="Motion d'ordre.",
        ),
        InterventionFactory(
            segment=closing,
            speaker=ambassador,
            state=state,
            capacity=Capacity.NATIONAL,
            kind=InterventionKind.RIGHT_OF_REPLY,
            summary="Droit de réponse.",
        ),
        InterventionFactory(
            segment=closing,
            speaker=official,
            state=None,
            organisation=agency,
            capacity=Capacity.OFFICE,
            office="coprésidente du débat",
            summary="",
        ),
    ]
    debate.summary = "Le débat a porté sur les *voies complémentaires*."
    debate.save()
    return meeting, turns


def speeches_of(root: etree._Element) -> list[etree._Element]:
    return root.xpath("//akn:speech | //akn:question | //akn:answer", namespaces=AKN)


# Validity


def test_every_demo_meeting_record_is_a_valid_debate(demo_series, akoma_ntoso_schema):
    for meeting in demo_series.meetings.all():
        root = assert_valid_akoma_ntoso(akoma_ntoso_schema, meeting_debate(meeting, base_url=SITE))
        turns = Intervention.objects.filter(segment__meeting=meeting).count()
        assert len(speeches_of(root)) == turns


def test_demo_series_is_a_valid_collection_of_debates(demo_series, akoma_ntoso_schema):
    root = assert_valid_akoma_ntoso(akoma_ntoso_schema, series_debates(demo_series))

    assert (
        len(root.xpath("/akn:akomaNtoso/akn:components/akn:component/akn:debate", namespaces=AKN))
        == 4
    )
    assert (
        len(speeches_of(root))
        == Intervention.objects.filter(segment__meeting__series=demo_series).count()
    )


def test_demo_series_is_valid_popolo(demo_series, popolo_validators):
    data = assert_valid_popolo(popolo_validators, series_popolo(demo_series))

    assert (
        len(data["speeches"])
        == Intervention.objects.filter(segment__meeting__series=demo_series).count()
    )
    assert [event["id"] for event in data["events"] if event["classification"] == "meeting"] == [
        f"event/gmg-2016/{number}" for number in (1, 2, 3, 4)
    ]


def test_generated_meeting_is_a_valid_debate(generated_meeting, akoma_ntoso_schema):
    meeting, turns = generated_meeting

    root = assert_valid_akoma_ntoso(akoma_ntoso_schema, meeting_debate(meeting, base_url=SITE))

    assert len(speeches_of(root)) == len(turns)
    assert root.xpath("//akn:FRBRlanguage/@language", namespaces=AKN) == ["fra"]


def test_generated_series_is_valid_popolo(generated_meeting, popolo_validators):
    meeting, turns = generated_meeting

    data = assert_valid_popolo(popolo_validators, series_popolo(meeting.series))

    assert len(data["speeches"]) == len(turns)


def test_meeting_without_programme_and_series_without_meetings_are_valid(
    generated_meeting, akoma_ntoso_schema, popolo_validators
):
    meeting, _ = generated_meeting
    unprogrammed = MeetingFactory(series=meeting.series, number=2, title="Briefing")
    empty = SeriesFactory(slug="empty")

    assert_valid_akoma_ntoso(akoma_ntoso_schema, meeting_debate(unprogrammed))
    root = assert_valid_akoma_ntoso(akoma_ntoso_schema, series_debates(meeting.series))
    assert_valid_akoma_ntoso(akoma_ntoso_schema, series_debates(empty))
    assert_valid_popolo(popolo_validators, series_popolo(empty))
    assert root.xpath("//akn:documentRef/@href", namespaces=AKN) == ["#meeting_1", "#meeting_2"]


# What the debate says


def test_debate_has_a_section_per_segment_named_by_its_kind_in_the_series_language(
    generated_meeting,
):
    meeting, _ = generated_meeting
    root = etree.fromstring(meeting_debate(meeting))

    sections = root.xpath(
        "/akn:akomaNtoso/akn:debate/akn:debateBody/akn:debateSection", namespaces=AKN
    )

    assert [
        (section.get("name"), section.findtext("akn:heading", namespaces=AKN))
        for section in sections
    ] == [
        ("opening_remarks", "Déclarations liminaires"),
        ("interactive_debate", "Débat interactif : « voies »"),
        ("concluding_remarks", "Clôture"),
    ]


def test_speech_is_by_the_speakers_person_and_as_their_capacity(generated_meeting):
    meeting, _ = generated_meeting
    root = etree.fromstring(meeting_debate(meeting))

    first_of_debate = root.xpath("//akn:debateSection[@eId='dbsect_2']/akn:speech", namespaces=AKN)[
        0
    ]
    (person,) = root.xpath(
        "//akn:TLCPerson[@eId=$id]", id=first_of_debate.get("by")[1:], namespaces=AKN
    )
    (role,) = root.xpath(
        "//akn:TLCRole[@eId=$id]", id=first_of_debate.get("as")[1:], namespaces=AKN
    )

    assert person.get("showAs") == "S.E. 伟 张"
    assert person.get("href") == "/ontology/person/convener/zhang-wei"
    assert role.get("showAs") == "À titre national"
    assert [li.text for li in first_of_debate.findall("akn:ul/akn:li", AKN)] == [
        "Voies complémentaires",
        "Réinstallation",
    ]


def test_turn_of_a_delegation_alone_is_by_the_group_it_spoke_for(generated_meeting):
    meeting, _ = generated_meeting
    root = etree.fromstring(meeting_debate(meeting))

    second = root.xpath("//akn:debateSection[@eId='dbsect_2']/akn:speech", namespaces=AKN)[1]
    (organisation,) = root.xpath(
        "//akn:TLCOrganization[@eId=$id]", id=second.get("by")[1:], namespaces=AKN
    )

    assert organisation.get("showAs") == "Petits États insulaires"
    assert second.findtext("akn:from", namespaces=AKN).startswith("République de Qa")


def test_point_of_order_and_right_of_reply_are_elements_of_their_own(generated_meeting):
    meeting, _ = generated_meeting
    root = etree.fromstring(meeting_debate(meeting))

    (point,) = root.xpath("//akn:pointOfOrder/akn:speech", namespaces=AKN)
    (reply,) = root.xpath(
        "//akn:debateSection[@name=$name]/akn:speech", name=RIGHT_OF_REPLY, namespaces=AKN
    )

    assert point.findtext("akn:p", namespaces=AKN) == "Motion d'ordre."
    assert reply.findtext("akn:p", namespaces=AKN) == "Droit de réponse."
    assert reply.get("by") == "#person-zhang-wei"


def test_every_speaker_and_delegation_has_one_reference(generated_meeting):
    meeting, _ = generated_meeting
    root = etree.fromstring(meeting_debate(meeting))

    people = root.xpath("//akn:TLCPerson/@eId", namespaces=AKN)
    organisations = root.xpath("//akn:TLCOrganization/@eId", namespaces=AKN)

    assert sorted(people) == ["person-amina-el-fassi", "person-zhang-wei"]
    assert {"state-XQA", "group-pays-insulaires", "organisation-hcr"} <= set(organisations)
    for speech in speeches_of(root):
        assert speech.get("by")[1:] in people + organisations


def test_work_and_expression_are_named_by_series_date_number_and_language(generated_meeting):
    meeting, _ = generated_meeting
    root = etree.fromstring(meeting_debate(meeting))

    def value(level, element):
        return root.xpath(f"//akn:{level}/akn:{element}/@*[1]", namespaces=AKN)[0]

    assert value("FRBRWork", "FRBRuri") == "/akn/un/debate/generated/2016-04-25/1"
    assert value("FRBRExpression", "FRBRuri") == "/akn/un/debate/generated/2016-04-25/1/fra@"
    assert value("FRBRExpression", "FRBRdate") == "2016-04-26"  # released the next day


# What Popolo says


def test_popolo_speech_names_its_speaker_event_and_kind(generated_meeting):
    meeting, _ = generated_meeting
    data = json.loads(series_popolo(meeting.series))

    reply = next(speech for speech in data["speeches"] if speech["type"] == "right-of-reply")
    order = next(speech for speech in data["speeches"] if speech["type"] == "point-of-order")

    assert reply["creator_id"] == "person/zhang-wei"
    assert reply["event_id"] == "event/generated/1/closing"
    assert order["text"] == "Motion d'ordre."
    assert [speech["position"] for speech in data["speeches"]] == [1, 2, 3, 4, 5, 6]


def test_popolo_membership_says_who_represented_whom_at_which_meeting(generated_meeting):
    meeting, _ = generated_meeting
    data = json.loads(series_popolo(meeting.series))

    memberships = {(m["person_id"], m["organization_id"]) for m in data["memberships"]}

    assert memberships == {
        ("person/amina-el-fassi", "organization/hcr"),
        ("person/zhang-wei", "state/XQA"),
    }
    assert {m["start_date"] for m in data["memberships"]} == {"2016-04-25"}
    assert "gender" not in json.dumps(data["persons"])


# Who reads what


@pytest.fixture
def unreleased_meeting(generated_meeting):
    meeting, _ = generated_meeting
    meeting.record_released_at = None
    meeting.save()
    return meeting


def test_unreleased_record_is_not_exported_to_the_public(unreleased_meeting, client):
    page = "/series/generated/meetings/1/record.akn.xml"

    assert client.get(page).status_code == 404
    assert client.get("/api/meetings/generated/1/akoma-ntoso").status_code == 404
    assert json.loads(client.get("/series/generated/popolo.json").content)["speeches"] == []
    public_debate = meeting_debate(unreleased_meeting).decode()
    assert speeches_of(etree.fromstring(public_debate.encode())) == []
    assert "voies complémentaires" not in public_debate


def test_the_api_gives_the_unreleased_record_to_its_secretariat(unreleased_meeting, client):
    _, secret = create_token(by=secretariat_of(unreleased_meeting.series), name="archive")
    headers = {"Authorization": f"Bearer {secret}"}

    debate = client.get("/api/meetings/generated/1/akoma-ntoso", headers=headers)
    data = client.get("/api/series/generated/popolo", headers=headers).json()

    assert debate.status_code == 200
    assert len(speeches_of(etree.fromstring(debate.content))) == len(data["speeches"]) == 6


def test_the_command_line_exports_every_record(unreleased_meeting, capsys, akoma_ntoso_schema):
    call_command("export", "generated", "--format", "akoma-ntoso")
    root = assert_valid_akoma_ntoso(akoma_ntoso_schema, capsys.readouterr().out.encode())
    call_command("export", "generated", "--format", "popolo")
    data = json.loads(capsys.readouterr().out)

    assert len(speeches_of(root)) == len(data["speeches"]) == 6
    assert root.xpath(
        "//akn:debateSection[@eId='dbsect_2']/akn:p/akn:i/text()", namespaces=AKN
    ) == ["voies complémentaires"]
    assert root.xpath("//akn:debate//akn:FRBRExpression/akn:FRBRdate/@name", namespaces=AKN) == [
        "draft"
    ]


def test_released_record_is_served_on_the_web_and_in_the_api(
    generated_meeting, client, akoma_ntoso_schema, popolo_validators
):
    page = client.get("/series/generated/meetings/1/record.akn.xml")
    api = client.get("/api/meetings/generated/1/akoma-ntoso")
    popolo_page = client.get("/series/generated/popolo.json")
    popolo_api = client.get("/api/series/generated/popolo")

    assert page["Content-Type"] == api["Content-Type"] == "application/akn+xml; charset=utf-8"
    assert page.content == api.content
    assert_valid_akoma_ntoso(akoma_ntoso_schema, api.content)
    assert popolo_page.content == popolo_api.content
    assert len(assert_valid_popolo(popolo_validators, popolo_api.content)["speeches"]) == 6


def test_meeting_and_series_pages_link_their_exports(generated_meeting, client):
    meeting_page = client.get("/series/generated/meetings/1/").content.decode()
    series_page = client.get("/series/generated/").content.decode()

    assert 'href="/series/generated/meetings/1/record.akn.xml"' in meeting_page
    assert 'href="/series/generated/popolo.json"' in series_page


def test_exports_grow_linearly_with_the_record(generated_meeting, django_assert_max_num_queries):
    meeting, _ = generated_meeting
    segment = meeting.segments.get(key="debate")
    InterventionFactory.create_batch(30, segment=segment, state=StateFactory(iso3="XQB"))

    with django_assert_max_num_queries(12):
        series_popolo(meeting.series)
    with django_assert_max_num_queries(12):
        meeting_debate(meeting)
