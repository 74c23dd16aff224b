import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.directory.domain.entries import (
    LikelyDuplicateError,
    create_organisation,
    create_person,
)
from convener.directory.models import Organisation, OrganisationKind, Person
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    OrganisationFactory,
    PersonFactory,
    StaffFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    """A secretariat, who may add entries to the directory."""
    return GrantFactory(role=Role.SECRETARIAT).user


def test_create_person_is_refused_to_whoever_may_not_add_entries():
    with pytest.raises(PermissionDenied):
        create_person(given_name="Ninette", family_name="Kelley", by=StaffFactory())

    assert not Person.objects.exists()


def test_create_organisation_is_refused_to_whoever_may_not_add_entries():
    with pytest.raises(PermissionDenied):
        create_organisation(name="UNHCR", kind=OrganisationKind.UN_ENTITY, by=StaffFactory())

    assert not Organisation.objects.exists()


def test_create_person_saves_every_detail_under_a_key_made_from_the_name(user):
    unhcr = OrganisationFactory(acronym="UNHCR")

    person = create_person(
        honorific="Ms.",
        given_name=" Ninette ",
        family_name="Kelley",
        position="Director, New York Office",
        organisation=unhcr,
        gender="female",
        short_name="Ms. Kelley",
        by=user,
    )

    saved = Person.objects.get(key="ninette-kelley")
    assert saved == person
    assert (saved.formal_name, saved.position, saved.organisation, saved.short_name) == (
        "Ms. Ninette Kelley",
        "Director, New York Office",
        unhcr,
        "Ms. Kelley",
    )


def test_create_person_drops_accents_from_the_key(user):
    person = create_person(given_name="Cristina", family_name="Pucariño", by=user)

    assert person.key == "cristina-pucarino"


def test_create_person_numbers_the_key_of_a_namesake_created_despite_the_warning(user):
    PersonFactory(key="li-wei", given_name="Li", family_name="Wei")

    person = create_person(given_name="Li", family_name="Wei", despite_duplicates=True, by=user)

    assert person.key == "li-wei-2"


def test_create_person_gives_a_key_to_a_name_in_another_script(user):
    person = create_person(given_name="محمد", family_name="علي", by=user)

    assert person.key == "person"


def test_create_person_warns_of_a_likely_duplicate_and_saves_nothing(user):
    kelley = PersonFactory(given_name="Ninette", family_name="Kelley")

    with pytest.raises(LikelyDuplicateError) as raised:
        create_person(given_name="Ninette", family_name="Kelly", by=user)

    assert raised.value.candidates == [kelley]
    assert Person.objects.count() == 1


def test_create_person_despite_the_warning_creates_the_entry(user):
    PersonFactory(given_name="Ninette", family_name="Kelley")

    person = create_person(
        given_name="Ninette", family_name="Kelly", despite_duplicates=True, by=user
    )

    assert person.key == "ninette-kelly"


def test_create_person_requires_both_names_and_keeps_the_errors_by_field(user):
    with pytest.raises(ValidationError) as raised:
        create_person(given_name="", family_name="", gender="unknown", by=user)

    assert set(raised.value.message_dict) == {"given_name", "family_name", "gender"}
    assert not Person.objects.exists()


def test_create_person_refuses_an_overlong_honorific(user):
    with pytest.raises(ValidationError) as raised:
        create_person(honorific="H.E." * 10, given_name="A", family_name="B", by=user)

    assert list(raised.value.message_dict) == ["honorific"]


def test_create_organisation_saves_it_under_a_key_made_from_the_name(user):
    organisation = create_organisation(
        name="International Rescue Committee",
        acronym="IRC",
        kind=OrganisationKind.NGO,
        by=user,
    )

    saved = Organisation.objects.get(key="international-rescue-committee")
    assert saved == organisation
    assert (saved.label, saved.kind) == ("IRC", OrganisationKind.NGO)


def test_create_organisation_with_the_acronym_of_another_warns(user):
    undp = OrganisationFactory(name="United Nations Development Programme", acronym="UNDP")

    with pytest.raises(LikelyDuplicateError) as raised:
        create_organisation(
            name="UN Development Programme", acronym="undp", kind="un_entity", by=user
        )

    assert raised.value.candidates == [undp]


def test_create_organisation_names_the_state_of_a_permanent_mission(user):
    zambia = StateFactory()

    mission = create_organisation(
        name="Permanent Mission of Zambia",
        kind=OrganisationKind.PERMANENT_MISSION,
        state=zambia,
        by=user,
    )

    assert mission.state == zambia


def test_create_organisation_refuses_a_mission_without_its_state(user):
    with pytest.raises(ValidationError) as raised:
        create_organisation(
            name="Permanent Mission of Zambia", kind=OrganisationKind.PERMANENT_MISSION, by=user
        )

    assert list(raised.value.message_dict) == ["state"]


def test_create_organisation_refuses_a_state_for_an_ngo(user):
    with pytest.raises(ValidationError) as raised:
        create_organisation(
            name="Refugee Council", kind=OrganisationKind.NGO, state=StateFactory(), by=user
        )

    assert list(raised.value.message_dict) == ["state"]


def test_create_organisation_refuses_an_unknown_kind(user):
    with pytest.raises(ValidationError) as raised:
        create_organisation(name="A club", kind="club", by=user)

    assert list(raised.value.message_dict) == ["kind"]
