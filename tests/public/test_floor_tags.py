from convener.public.templatetags.floor import capacity_in_words
from convener.records.models import Capacity
from tests.factories import InterventionFactory, OrganisationFactory, StateGroupFactory


def test_capacity_in_words_national():
    intervention = InterventionFactory.build(capacity=Capacity.NATIONAL)

    assert capacity_in_words(intervention) == "in national capacity"


def test_capacity_in_words_on_behalf_of_a_group():
    group = StateGroupFactory.build(name="Small Island Developing States")
    intervention = InterventionFactory.build(capacity=Capacity.GROUP, state_group=group)

    assert capacity_in_words(intervention) == "on behalf of Small Island Developing States"


def test_capacity_in_words_as_holder_of_an_office():
    intervention = InterventionFactory.build(
        capacity=Capacity.OFFICE, office="co-facilitator of the high-level plenary meeting"
    )

    assert capacity_in_words(intervention) == "as co-facilitator of the high-level plenary meeting"


def test_capacity_in_words_adds_nothing_for_the_organisation_already_named():
    intervention = InterventionFactory.build(
        capacity=Capacity.ORGANISATION, state=None, organisation=OrganisationFactory.build()
    )

    assert capacity_in_words(intervention) == ""


def test_capacity_in_words_individual():
    intervention = InterventionFactory.build(capacity=Capacity.PERSONAL)

    assert capacity_in_words(intervention) == "in an individual capacity"


def test_capacity_in_words_empty_when_not_recorded():
    intervention = InterventionFactory.build(capacity="")

    assert capacity_in_words(intervention) == ""
