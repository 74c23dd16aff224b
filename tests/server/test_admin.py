"""The Django admin: the site administrator's tool for any row the workspace does not reach."""

import pytest
from django.contrib import admin
from django.urls import reverse

from convener.meetings.models import ContentRevision
from convener.publishing.models import DocumentBuild, DocumentVersion
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONTENT_APPS = {"directory", "meetings", "records", "publishing"}
# Builds and versions are written by publishing only; the admin shows them.
WRITTEN_BY_CONVENER = (DocumentBuild, DocumentVersion)
CONVENER_MODELS = [
    model
    for model in admin.site._registry
    if model._meta.app_label in CONTENT_APPS and model not in WRITTEN_BY_CONVENER
]


@pytest.fixture
def secretariat_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", CONVENER_MODELS, ids=lambda model: model.__name__)
def test_admin_lists_and_offers_to_add_every_model(secretariat_client, demo_series, model):
    meta = model._meta
    changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    add = reverse(f"admin:{meta.app_label}_{meta.model_name}_add")

    assert secretariat_client.get(changelist).status_code == 200
    assert secretariat_client.get(add).status_code == 200


@pytest.mark.parametrize("model", WRITTEN_BY_CONVENER, ids=lambda model: model.__name__)
def test_admin_lists_what_publishing_writes_but_offers_no_add(
    secretariat_client, demo_series, model
):
    meta = model._meta

    assert (
        secretariat_client.get(
            reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        ).status_code
        == 200
    )
    assert (
        secretariat_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add")).status_code
        == 403
    )


def test_admin_opens_a_meeting_of_the_demo(secretariat_client, demo_series):
    meeting = demo_series.meetings.get(number=3)

    response = secretariat_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    assert response.status_code == 200
    assert "Conference Room 6" in response.content.decode()


def test_admin_is_closed_to_the_public(client):
    response = client.get(reverse("admin:meetings_meeting_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_every_convener_model_can_be_edited_in_the_admin():
    """Each model has an admin of its own or is edited inline in its parent's."""
    from django.apps import apps

    inline = {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }
    editable = set(CONVENER_MODELS) | inline
    content = {
        model
        for model in apps.get_models()
        if model._meta.app_label in CONTENT_APPS
        and model not in {ContentRevision, *WRITTEN_BY_CONVENER}
    }

    assert content - editable == set()
