"""Noticing that an entry about to be created is probably in the directory already."""

import pytest

from convener.directory.queries.search import likely_duplicate_organisations, likely_duplicates
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("given_name", "family_name"),
    [
        ("Ninette", "Kelly"),  # a typo
        ("ninette", "KELLEY"),  # case
        ("Kelley", "Ninette"),  # given and family names swapped
        ("Dr. Ninette", "Kelley"),  # an honorific typed in the name
        ("Ninétte", "Kelley"),  # an accent
    ],
)
def test_likely_duplicates_finds_the_same_name_written_differently(given_name, family_name):
    kelley = PersonFactory(given_name="Ninette", family_name="Kelley")

    assert likely_duplicates(given_name=given_name, family_name=family_name) == [kelley]


def test_likely_duplicates_sees_through_hyphens():
    solomon = PersonFactory(given_name="Michele", family_name="Klein-Solomon")

    assert likely_duplicates(given_name="Michele", family_name="Klein Solomon") == [solomon]


def test_likely_duplicates_leaves_out_a_different_person():
    PersonFactory(given_name="Anna", family_name="Greene")

    assert likely_duplicates(given_name="Anne", family_name="Green") == []


def test_likely_duplicates_puts_the_closest_name_first():
    kelly = PersonFactory(given_name="Ninette", family_name="Kelly")
    kelley = PersonFactory(given_name="Ninette", family_name="Kelley")

    assert likely_duplicates(given_name="Ninette", family_name="Kelley") == [kelley, kelly]


def test_likely_duplicate_organisations_by_name_or_acronym():
    irc = OrganisationFactory(name="International Rescue Committee", acronym="IRC")

    assert likely_duplicate_organisations(name="The International Rescue Comittee") == [irc]
    assert likely_duplicate_organisations(name="Rescue network", acronym="irc") == [irc]
    assert likely_duplicate_organisations(name="International Red Cross", acronym="IFRC") == []
