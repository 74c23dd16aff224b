"""The demo as a visitor finds it, its meetings reported: as each demo account,
no link of the workspace or the live screens leads to a refusal (403), a page
not found (404) or a server error (500), nor does a link out to the public site."""

from __future__ import annotations

import pytest

from tests.figures import print_figure
from tests.manage.crawl import crawl, targets_of

pytestmark = pytest.mark.django_db

DEMO_ROLES = (
    "secretariat",
    "undp",
    "rapporteur",
    "chair",
    "speaker",
    "mexico",
    "translator",
    "administrator",
)


@pytest.mark.parametrize("role", DEMO_ROLES)
def test_no_link_of_the_demo_is_broken_for_its_reader(client, demo_user, role, request):
    client.force_login(demo_user(role))

    seen = crawl(client, per_route=12, check_outside=True)

    print_figure(request, f"demo crawl as {role}: {len(seen.pages)} pages")
    assert len(seen.pages) > 1
    assert seen.broken == []


def test_the_crawl_reports_a_link_its_reader_is_refused(client, demo_user):
    client.force_login(demo_user("speaker"))

    seen = crawl(client, "/manage/series/gmg-2016/meetings/1/")

    assert seen.broken == ["(start) → /manage/series/gmg-2016/meetings/1/: 403"]


def test_the_crawl_reads_links_forms_and_htmx_addresses():
    html = """
      <a href="/manage/">home</a>
      <form action="/manage/directory/people/"><input name="q"></form>
      <form method="post" action="/manage/preview/"></form>
      <input hx-get="/manage/directory/organisations/">
      <a href="#main">skip</a>
    """

    found = targets_of("/manage/series/gmg-2016/", html)

    assert [(t.url, t.method) for t in found] == [
        ("/manage/", "get"),
        ("/manage/directory/people/", "get"),
        ("/manage/preview/", "post"),
        ("/manage/directory/organisations/", "get"),
    ]
