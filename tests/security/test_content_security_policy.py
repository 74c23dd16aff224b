"""Every kind of page forbids inline script: markup that slips into a page cannot run."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from convener.publishing.document import Document, Paragraph, Text
from convener.publishing.exporters.html import HtmlExporter
from convener.roles.models import Role
from tests.factories import AdministratorFactory, GrantFactory

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"
PAGES = {
    "public home": ("public:home", []),
    "public series": ("public:series", ["gmg-2016"]),
    "public meeting": ("public:meeting", ["gmg-2016", 3]),
    "public person": ("public:person", ["craig-mokhiber"]),
    "public organisation": ("public:organisation", ["undp"]),
    "sign-in": ("login", []),
    "workspace home": ("manage:home", []),
    "programme builder": ("manage:programme", ["gmg-2016", 3]),
    "speakers' confirmations": ("manage:speaker_confirmations", ["gmg-2016"]),
    "chair console": ("live:chair", ["gmg-2016", 3]),
    "projector": ("live:projector", ["gmg-2016", 3]),
    "rapporteur console": ("live:rapporteur", ["gmg-2016", 3]),
    "API documentation": ("api:openapi-view", []),
    "admin": ("admin:index", []),
    "admin change form": ("admin:directory_organisation_add", []),
}


def directives(response) -> dict[str, list[str]]:
    policy = response[HEADER]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.fixture
def everyone(client, demo_series):
    """Signed in with every role the pages need: administrator, secretariat, chair, rapporteur."""
    user = AdministratorFactory()
    for role in (Role.SECRETARIAT, Role.CHAIR, Role.RAPPORTEUR):
        GrantFactory(user=user, series=demo_series, role=role)
    client.force_login(user)
    return client


@pytest.mark.parametrize(("route", "args"), PAGES.values(), ids=PAGES.keys())
def test_page_runs_only_the_sites_own_script_files(everyone, route, args):
    response = everyone.get(reverse(route, args=args))

    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize(("route", "args"), PAGES.values(), ids=PAGES.keys())
def test_page_allows_no_inline_style_or_eval(everyone, route, args):
    response = everyone.get(reverse(route, args=args))

    policy = directives(response)
    assert policy["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response[HEADER]
    assert "'unsafe-eval'" not in response[HEADER]


def test_page_not_found_carries_the_policy(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


def test_locked_out_sign_in_page_carries_the_policy(client, settings):
    settings.AXES_FAILURE_LIMIT = 1
    client.post(reverse("login"), {"username": "someone", "password": "wrong"})

    response = client.post(reverse("login"), {"username": "someone", "password": "wrong"})

    assert response.status_code == 429
    assert directives(response)["script-src"] == ["'self'"]


def test_html_document_file_forbids_all_script_when_opened_from_disk():
    """A downloaded HTML document has no server to send the header: it carries its own."""
    document = Document(slug="d", title="D", language="en", blocks=[Paragraph([Text("Text")])])

    html = HtmlExporter().write(document).decode()

    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert policy is not None
    assert policy.group(1).split("; ")[0] == "default-src 'none'"
    assert "script-src" not in policy.group(1)
