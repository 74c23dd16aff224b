import pytest

from convener.directory.models import OrganisationKind
from convener.publishing.composition.introductions import (
    Acronyms,
    Introductions,
    described,
    short_form,
)
from convener.publishing.document import Text
from convener.records.models import Capacity
from tests.factories import (
    InterventionFactory,
    OrganisationFactory,
    PersonFactory,
    StateFactory,
    StateGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def netherlands():
    return StateFactory(names={"en": "Netherlands"}, formal_name="the Kingdom of the Netherlands")


@pytest.fixture
def van_oosterom(netherlands):
    mission = OrganisationFactory(
        name="Permanent Mission of the Kingdom of the Netherlands to the United Nations",
        acronym="",
        kind=OrganisationKind.PERMANENT_MISSION,
        state=netherlands,
    )
    return PersonFactory(
        honorific="H.E.",
        given_name="Karel",
        family_name="van Oosterom",
        short_name="Amb. van Oosterom",
        position=(
            "Permanent Representative of the Kingdom of the Netherlands "
            "to the United Nations in New York"
        ),
        organisation=mission,
    )


@pytest.fixture
def unhcr():
    return OrganisationFactory(
        name="Office of the United Nations High Commissioner for Refugees", acronym="UNHCR"
    )


def test_name_introduces_a_person_in_full_the_first_time(van_oosterom):
    assert Introductions().name(van_oosterom) == (
        "H.E. Karel van Oosterom, Permanent Representative of the Kingdom of the Netherlands "
        "to the United Nations in New York"
    )


def test_name_uses_the_short_form_every_later_time(van_oosterom):
    introductions = Introductions()
    introductions.name(van_oosterom)

    assert introductions.name(van_oosterom) == "Amb. van Oosterom"


def test_name_introduces_again_in_another_document(van_oosterom):
    Introductions().name(van_oosterom)

    assert Introductions().name(van_oosterom).startswith("H.E. Karel van Oosterom, ")


def test_name_adds_the_organisation_the_position_does_not_name(unhcr):
    person = PersonFactory(
        honorific="Ms.",
        given_name="Ninette",
        family_name="Kelley",
        position="Director",
        organisation=unhcr,
    )

    assert Introductions().name(person) == (
        "Ms. Ninette Kelley, Director, "
        "Office of the United Nations High Commissioner for Refugees (UNHCR)"
    )


def test_name_leaves_out_the_organisation_the_position_names_by_a_known_acronym(unhcr):
    person = PersonFactory(
        honorific="Ms.",
        given_name="Ninette",
        family_name="Kelley",
        position="Director of the UNHCR Liaison Office in New York",
        organisation=unhcr,
    )
    introductions = Introductions()
    introductions.acronyms.note([unhcr])

    assert introductions.name(person) == (
        "Ms. Ninette Kelley, Director of the UNHCR Liaison Office in New York"
    )


def test_name_spells_out_an_acronym_the_position_uses_before_the_document_did(unhcr):
    person = PersonFactory(
        honorific="Ms.",
        given_name="Ninette",
        family_name="Kelley",
        position="Director of the UNHCR Liaison Office in New York",
        organisation=unhcr,
    )

    assert Introductions().name(person) == (
        "Ms. Ninette Kelley, Director of the UNHCR Liaison Office in New York, "
        "Office of the United Nations High Commissioner for Refugees (UNHCR)"
    )


def test_name_spells_out_an_acronym_that_ends_the_position_in_its_place():
    ohchr = OrganisationFactory(
        name="Office of the United Nations High Commissioner for Human Rights", acronym="OHCHR"
    )
    person = PersonFactory(
        honorific="Mr.",
        given_name="Charles",
        family_name="Radcliffe",
        position="Chief of Global Issues and Intergovernmental Affairs, OHCHR",
        organisation=ohchr,
    )

    assert Introductions().name(person) == (
        "Mr. Charles Radcliffe, Chief of Global Issues and Intergovernmental Affairs, "
        "Office of the United Nations High Commissioner for Human Rights (OHCHR)"
    )


def test_name_leaves_out_an_office_its_heads_title_names():
    office = OrganisationFactory(
        name="Office of the Special Representative of the Secretary-General "
        "for International Migration",
        acronym="OSRSG",
    )
    person = PersonFactory(
        honorific="Mr.",
        given_name="Peter",
        family_name="Sutherland",
        position="Special Representative of the Secretary-General on International Migration "
        "and Development",
        organisation=office,
    )

    assert Introductions().name(person) == (
        "Mr. Peter Sutherland, Special Representative of the Secretary-General on "
        "International Migration and Development"
    )


def test_name_leaves_out_the_organisation_the_position_names_in_full():
    ilo = OrganisationFactory(name="International Labour Organization", acronym="ILO")
    person = PersonFactory(
        honorific="Mr.",
        given_name="Guy",
        family_name="Ryder",
        position="Director-General, International Labour Organization",
        organisation=ilo,
    )

    assert Introductions().name(person) == (
        "Mr. Guy Ryder, Director-General, International Labour Organization (ILO)"
    )


def test_name_adds_an_acronym_that_only_stands_inside_a_word():
    who = OrganisationFactory(name="World Health Organization", acronym="WHO")
    person = PersonFactory(
        honorific="Dr.",
        given_name="Ana",
        family_name="Lima",
        position="Adviser, WHOLE project",
        organisation=who,
    )

    assert Introductions().name(person) == (
        "Dr. Ana Lima, Adviser, WHOLE project, World Health Organization (WHO)"
    )


def test_name_without_position_adds_the_organisation():
    university = OrganisationFactory(name="Carleton University", acronym="")
    person = PersonFactory(
        honorific="Professor",
        given_name="James",
        family_name="Milner",
        position="",
        organisation=university,
    )

    assert Introductions().name(person) == "Professor James Milner, Carleton University"


def test_name_without_honorific_position_or_organisation_is_the_full_name():
    person = PersonFactory(
        honorific="", given_name="Owen", family_name="Shumba", position="", organisation=None
    )

    assert Introductions().name(person) == "Owen Shumba"


def test_short_form_falls_back_to_honorific_and_family_name():
    person = PersonFactory.build(honorific="Dr.", family_name="Mahmood", short_name="")

    assert short_form(person) == "Dr. Mahmood"


def test_short_form_falls_back_to_the_full_name_without_honorific():
    person = PersonFactory.build(
        honorific="", given_name="Owen", family_name="Shumba", short_name=""
    )

    assert short_form(person) == "Owen Shumba"


def test_speaker_runs_put_the_name_in_bold_and_the_position_after(van_oosterom, netherlands):
    intervention = InterventionFactory(speaker=van_oosterom, state=netherlands)

    assert Introductions().speaker_runs(intervention) == [
        Text("H.E. Karel van Oosterom", bold=True),
        Text(
            ", Permanent Representative of the Kingdom of the Netherlands "
            "to the United Nations in New York"
        ),
    ]


def test_speaker_runs_name_a_known_speaker_by_the_short_form(van_oosterom, netherlands):
    introductions = Introductions()
    introductions.name(van_oosterom)
    intervention = InterventionFactory(speaker=van_oosterom, state=netherlands)

    assert introductions.speaker_runs(intervention) == [Text("Amb. van Oosterom", bold=True)]


def test_speaker_runs_add_the_office_a_speaker_held(van_oosterom, netherlands):
    introductions = Introductions()
    introductions.name(van_oosterom)
    intervention = InterventionFactory(
        speaker=van_oosterom,
        state=netherlands,
        capacity=Capacity.OFFICE,
        office="co-facilitator of the summit",
    )

    assert introductions.speaker_runs(intervention) == [
        Text("Amb. van Oosterom", bold=True),
        Text(", as co-facilitator of the summit"),
    ]


def test_speaker_runs_add_the_state_a_speaker_introduced_without_it_spoke_for(netherlands):
    person = PersonFactory(
        honorific="Ms.", given_name="Eva", family_name="Jansen", position="", organisation=None
    )
    intervention = InterventionFactory(speaker=person, state=netherlands)

    assert Introductions().speaker_runs(intervention) == [
        Text("Ms. Eva Jansen", bold=True),
        Text(", Netherlands"),
    ]


def test_speaker_runs_name_a_state_without_speaker(netherlands):
    intervention = InterventionFactory(speaker=None, state=netherlands)

    assert Introductions().speaker_runs(intervention) == [Text("Netherlands", bold=True)]


def test_speaker_runs_name_a_state_on_behalf_of_a_group(netherlands):
    group = StateGroupFactory(name="European Union")
    intervention = InterventionFactory(
        speaker=None, state=netherlands, capacity=Capacity.GROUP, state_group=group
    )

    assert Introductions().speaker_runs(intervention) == [
        Text("Netherlands", bold=True),
        Text(", on behalf of the European Union"),
    ]


def test_speaker_runs_name_a_group_speaking_as_a_group_once():
    group = StateGroupFactory(name="Small Island Developing States")
    intervention = InterventionFactory(
        speaker=None, state=None, capacity=Capacity.GROUP, state_group=group
    )

    assert Introductions().speaker_runs(intervention) == [
        Text("Small Island Developing States", bold=True)
    ]


def test_speaker_runs_name_an_organisation_without_speaker(unhcr):
    intervention = InterventionFactory(
        speaker=None, state=None, capacity=Capacity.ORGANISATION, organisation=unhcr
    )

    assert Introductions().speaker_runs(intervention) == [
        Text("Office of the United Nations High Commissioner for Refugees (UNHCR)", bold=True)
    ]


def test_speaker_runs_add_an_individual_capacity():
    person = PersonFactory(
        honorific="Mr.", given_name="Pierre", family_name="Bertrand", position="", organisation=None
    )
    intervention = InterventionFactory(speaker=person, state=None, capacity=Capacity.PERSONAL)

    assert Introductions().speaker_runs(intervention) == [
        Text("Mr. Pierre Bertrand", bold=True),
        Text(", in an individual capacity"),
    ]


def test_name_gives_the_acronym_alone_once_the_document_spelled_it_out():
    irc = OrganisationFactory(name="International Rescue Committee", acronym="IRC")
    greene = PersonFactory(
        honorific="Ms.", given_name="Anna", family_name="Greene", position="", organisation=irc
    )
    colleague = PersonFactory(
        honorific="Mr.", given_name="Ben", family_name="Stone", position="", organisation=irc
    )
    introductions = Introductions()

    assert introductions.name(greene) == ("Ms. Anna Greene, International Rescue Committee (IRC)")
    assert introductions.name(colleague) == "Mr. Ben Stone, IRC"


def test_name_keeps_an_acronym_spelled_out_across_the_chapters_of_a_document():
    irc = OrganisationFactory(name="International Rescue Committee", acronym="IRC")
    greene = PersonFactory(
        honorific="Ms.", given_name="Anna", family_name="Greene", position="", organisation=irc
    )
    first_chapter = Introductions()
    first_chapter.name(greene)

    assert first_chapter.next_chapter().name(greene) == "Ms. Anna Greene, IRC"


def test_name_introduces_a_person_again_in_the_next_chapter(van_oosterom):
    first_chapter = Introductions()
    first_chapter.name(van_oosterom)

    assert first_chapter.next_chapter().name(van_oosterom).startswith("H.E. Karel van Oosterom, ")


def test_described_adds_the_capacity_held_at_the_meeting_after_the_position(van_oosterom):
    assert described(
        van_oosterom, Acronyms(), ["co-facilitator of the high-level plenary meeting"]
    ) == (
        "H.E. Karel van Oosterom, Permanent Representative of the Kingdom of the Netherlands "
        "to the United Nations in New York and co-facilitator of the high-level plenary meeting"
    )


def test_described_gives_the_capacity_alone_to_a_person_without_position():
    person = PersonFactory(
        honorific="Ms.", given_name="Eva", family_name="Jansen", position="", organisation=None
    )

    assert described(person, Acronyms(), ["Chair", "Chair"]) == "Ms. Eva Jansen, Chair"
