"""A refused request is logged in one line, not with the traceback of the refusal."""

import logging

import pytest
from django.urls import reverse

from convener.roles.models import Role
from convener.server.refusals import OneLineRefusals
from tests.factories import GrantFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def test_refusal_flood_logs_one_line_per_request_without_traceback(client, caplog):
    series = SeriesFactory()
    grant = GrantFactory(series=series, role=Role.RAPPORTEUR)
    client.force_login(grant.user)
    page = reverse("manage:series_audit", args=[series.slug])

    with caplog.at_level(logging.WARNING, logger="django.request"):
        for _ in range(3):
            assert client.get(page).status_code == 403

    refusals = [record for record in caplog.records if record.name == "django.request"]
    assert [record.getMessage() for record in refusals] == [
        f"Refused GET {page} for user {grant.user.pk}: series.view_audit"
    ] * 3
    assert all(record.exc_info is None and record.exc_text is None for record in refusals)
    assert "Traceback" not in caplog.text


@pytest.fixture
def logging_set_up_twice():
    """Each `django.setup()` (as building the WSGI application does) adds the filter again."""
    again = OneLineRefusals()
    logging.getLogger("django.request").addFilter(again)
    yield
    logging.getLogger("django.request").removeFilter(again)


def test_refusal_stays_one_line_after_logging_is_set_up_again(client, caplog, logging_set_up_twice):
    series = SeriesFactory()
    grant = GrantFactory(series=series, role=Role.RAPPORTEUR)
    client.force_login(grant.user)
    page = reverse("manage:series_audit", args=[series.slug])

    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get(page)

    assert caplog.records[-1].getMessage() == (
        f"Refused GET {page} for user {grant.user.pk}: series.view_audit"
    )
