"""Changing a convening group: its names, members and chairs by year."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.directory.domain.convening import create_convening_group, update_convening_group
from convener.directory.models import ConveningGroup, ConveningGroupChair
from tests.factories import (
    ConveningGroupFactory,
    OrganisationFactory,
    SeriesFactory,
    StaffFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return SeriesFactory(convening_group=ConveningGroupFactory(name="Global Group", acronym="GG"))


def test_the_secretariat_changes_its_groups_names_members_and_chairs(series):
    group = series.convening_group
    ilo, iom, undp = (OrganisationFactory(acronym=a) for a in ("ILO", "IOM", "UNDP"))
    ConveningGroupChair.objects.create(group=group, year=2016, organisation=ilo)
    ConveningGroupChair.objects.create(group=group, year=2017, organisation=iom)

    update_convening_group(
        group=group,
        changes={"name": "Global Group on Mobility", "acronym": "GGM", "description": "Twenty."},
        members=[ilo, undp],
        chairs=[(2016, undp), (2018, ilo)],
        by=secretariat_of(series),
    )

    group.refresh_from_db()
    assert (group.name, group.acronym, group.description) == (
        "Global Group on Mobility",
        "GGM",
        "Twenty.",
    )
    assert set(group.members.all()) == {ilo, undp}
    assert [(c.year, c.organisation) for c in group.chairs.order_by("year")] == [
        (2016, undp),
        (2018, ilo),
    ]


def test_a_name_another_group_has_is_refused(series):
    ConveningGroupFactory(name="Other Group", acronym="OG")

    with pytest.raises(ValidationError) as refused:
        update_convening_group(
            group=series.convening_group,
            changes={"name": "Global Group", "acronym": "OG", "description": ""},
            members=[],
            chairs=[],
            by=secretariat_of(series),
        )

    assert "name" in refused.value.message_dict
    series.convening_group.refresh_from_db()
    assert series.convening_group.acronym == "GG"


def test_two_chairs_in_one_year_are_refused(series):
    ilo, iom = OrganisationFactory(), OrganisationFactory()

    with pytest.raises(ValidationError):
        update_convening_group(
            group=series.convening_group,
            changes={},
            members=[],
            chairs=[(2016, ilo), (2016, iom)],
            by=secretariat_of(series),
        )


def test_a_group_that_also_convenes_another_series_is_changed_by_both_secretariats_only(series):
    SeriesFactory(convening_group=series.convening_group)

    with pytest.raises(PermissionDenied):
        update_convening_group(
            group=series.convening_group,
            changes={"name": "Renamed"},
            members=[],
            chairs=[],
            by=secretariat_of(series),
        )


def test_creating_a_group_is_refused_to_whoever_may_not_create_a_series():
    with pytest.raises(PermissionDenied):
        create_convening_group(name="Global Group", by=StaffFactory())

    assert not ConveningGroup.objects.exists()
