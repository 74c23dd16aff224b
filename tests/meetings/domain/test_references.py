"""The documents a series cites, set by whoever manages the series."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.actors import command_line_operator
from convener.meetings.domain.references import Reference, set_references
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    OrganisationFactory,
    ReferenceDocumentFactory,
    SeriesFactory,
    UserFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def _user(series, role, organisation=None):
    """A user holding `role` in the series (None: no role at all); a focal
    point is one for `organisation`, or for an organisation of their own."""
    if role is None:
        return UserFactory()
    if role == Role.FOCAL_POINT and organisation is None:
        organisation = OrganisationFactory()
    return GrantFactory(series=series, role=role, organisation=organisation).user


def _symbols(series):
    return list(series.references.order_by("order").values_list("symbol", "sdg_targets"))


def test_set_references_keeps_the_documents_that_stay_in_their_new_order():
    series = SeriesFactory()
    kept = ReferenceDocumentFactory(series=series, symbol="A/70/59", order=0)
    ReferenceDocumentFactory(series=series, symbol="A/RES/71/1", order=1)

    set_references(
        series=series,
        references=[Reference("A/RES/73/195", sdg_targets=("10.7",)), Reference("A/70/59")],
        by=secretariat_of(series),
    )

    assert _symbols(series) == [("A/RES/73/195", ["10.7"]), ("A/70/59", [])]
    assert series.references.get(symbol="A/70/59").pk == kept.pk


def test_set_references_refuses_a_symbol_that_is_not_a_un_symbol():
    series = SeriesFactory()

    with pytest.raises(ValidationError):
        set_references(series=series, references=[Reference("Pact")], by=command_line_operator())

    assert _symbols(series) == []


@pytest.mark.parametrize("role", [None, Role.FOCAL_POINT, Role.RAPPORTEUR])
def test_the_references_are_set_only_by_who_manages_the_series(role):
    series = SeriesFactory()
    ReferenceDocumentFactory(series=series, symbol="A/70/59", order=0)
    user = _user(series, role)

    with pytest.raises(PermissionDenied):
        set_references(series=series, references=[Reference("A/RES/71/1")], by=user)

    assert _symbols(series) == [("A/70/59", ["10.7"])]
