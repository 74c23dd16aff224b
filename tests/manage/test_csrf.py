"""Every form of the workspace is protected against cross-site requests."""

from __future__ import annotations

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from convener.audit.models import AuditEntry
from tests.manage.test_permission_matrix import CASES
from tests.manage.workspace_world import workspace_world

pytestmark = pytest.mark.django_db

POSTS = [case for case in CASES if "POST" in case.methods]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with workspace_world(django_db_blocker) as world:
        yield world


@pytest.mark.parametrize("case", POSTS, ids=str)
def test_post_without_the_csrf_token_is_refused(world, case):
    # The site administrator may use every route, so only the token is missing.
    client = world.client_for("administrator", enforce_csrf_checks=True)
    log = AuditEntry.objects.count()

    response = client.post(case.url(world), case.data)

    assertContains(response, "CSRF verification failed", status_code=403)
    assert AuditEntry.objects.count() == log


def test_post_with_the_csrf_token_is_let_through(world):
    client = world.client_for("administrator", enforce_csrf_checks=True)
    client.get(reverse("manage:concept_note", args=[world.series.slug]))

    response = client.post(
        reverse("manage:markdown_preview"),
        {"text": "*Draft*", "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )

    assertContains(response, "<em>Draft</em>")
