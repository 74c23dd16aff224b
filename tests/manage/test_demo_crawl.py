"""The demo as a visitor finds it, its meetings reported: as each demo account,
no link of the workspace or the live screens leads to a refusal (403), a page
not found (404) or a server error (500), nor does a link out to the public site."""

from __future__ import annotations

import pytest

from tests.figures import print_figure
from tests.manage.crawl import crawl

pytestmark = pytest.mark.django_db

DEMO_ROLES = ("secretariat", "undp", "rapporteur", "chair", "speaker", "mexico", "administrator")


@pytest.mark.parametrize("role", DEMO_ROLES)
def test_no_link_of_the_demo_is_broken_for_its_reader(client, demo_user, role, request):
    client.force_login(demo_user(role))

    seen = crawl(client, per_route=12, check_outside=True)

    print_figure(request, f"demo crawl as {role}: {len(seen.pages)} pages")
    assert len(seen.pages) > 1
    assert seen.broken == []
