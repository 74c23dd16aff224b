from convener.records.interfaces.capacity import capacity_phrase
from convener.records.models import Capacity
from tests.factories import InterventionFactory, OrganisationFactory, StateGroupFactory


def test_capacity_phrase_national():
    intervention = InterventionFactory.build(capacity=Capacity.NATIONAL)

    assert capacity_phrase(intervention) == "in national capacity"


def test_capacity_phrase_on_behalf_of_a_group():
    group = StateGroupFactory.build(name="Group of 77 and China")
    intervention = InterventionFactory.build(capacity=Capacity.GROUP, state_group=group)

    assert capacity_phrase(intervention) == "on behalf of the Group of 77 and China"


def test_capacity_phrase_on_behalf_of_a_group_without_article():
    group = StateGroupFactory.build(name="Small Island Developing States")
    intervention = InterventionFactory.build(capacity=Capacity.GROUP, state_group=group)

    assert capacity_phrase(intervention, article=False) == (
        "on behalf of Small Island Developing States"
    )


def test_capacity_phrase_on_behalf_of_a_group_not_recorded():
    intervention = InterventionFactory.build(capacity=Capacity.GROUP, state_group=None)

    assert capacity_phrase(intervention) == "on behalf of a group of States"


def test_capacity_phrase_as_holder_of_an_office():
    intervention = InterventionFactory.build(
        capacity=Capacity.OFFICE, office="co-facilitator of the high-level plenary meeting"
    )

    assert capacity_phrase(intervention) == "as co-facilitator of the high-level plenary meeting"


def test_capacity_phrase_as_holder_of_an_office_not_named():
    intervention = InterventionFactory.build(capacity=Capacity.OFFICE, office="")

    assert capacity_phrase(intervention) == "as holder of an office"


def test_capacity_phrase_for_an_organisation_by_its_acronym():
    organisation = OrganisationFactory.build(
        name="Office of the United Nations High Commissioner for Refugees", acronym="UNHCR"
    )
    intervention = InterventionFactory.build(
        capacity=Capacity.ORGANISATION, state=None, organisation=organisation
    )

    assert capacity_phrase(intervention) == "for UNHCR"


def test_capacity_phrase_individual():
    intervention = InterventionFactory.build(capacity=Capacity.PERSONAL)

    assert capacity_phrase(intervention) == "in an individual capacity"


def test_capacity_phrase_empty_when_not_recorded():
    intervention = InterventionFactory.build(capacity="")

    assert capacity_phrase(intervention) == ""
