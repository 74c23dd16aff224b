"""Giving and taking away roles: only whoever runs the series does either."""

import pytest
from django.core.exceptions import PermissionDenied

from convener.audit.models import AuditEntry
from convener.roles.domain import grant_role, revoke_role
from convener.roles.models import Grant, Role
from tests.factories import GrantFactory, SeriesFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_grant_role_by_the_secretariat_gives_it():
    series = SeriesFactory()
    secretariat = GrantFactory(series=series, role=Role.SECRETARIAT).user
    user = UserFactory()

    grant = grant_role(user=user, series=series, role=Role.CHAIR, by=secretariat)

    assert (grant.user, grant.role, grant.created_by) == (user, Role.CHAIR, secretariat)


def test_grant_role_by_someone_who_does_not_run_the_series_is_refused():
    series = SeriesFactory()
    GrantFactory(series=series, role=Role.SECRETARIAT)
    rapporteur = GrantFactory(series=series, role=Role.RAPPORTEUR).user
    before = AuditEntry.objects.count()

    with pytest.raises(PermissionDenied):
        grant_role(user=rapporteur, series=series, role=Role.SECRETARIAT, by=rapporteur)

    assert not Grant.objects.filter(user=rapporteur, role=Role.SECRETARIAT).exists()
    assert AuditEntry.objects.count() == before


def test_revoke_role_by_someone_who_does_not_run_the_series_is_refused():
    grant = GrantFactory(role=Role.CHAIR)

    with pytest.raises(PermissionDenied):
        revoke_role(grant=grant, by=grant.user)

    assert Grant.objects.filter(pk=grant.pk).exists()
