"""The theme pages: the public reads released statements only; the workspace
lets the secretariat shape themes and the rapporteur review SDG targets."""

import re

import pytest
from django.urls import reverse

from convener.roles.models import Role
from convener.search.domain.index import reindex
from convener.themes.domain.themes import recompute_themes
from convener.themes.models import (
    StatementKeywords,
    SuggestionStatus,
    TargetSuggestion,
    Theme,
    ThemePlacement,
)
from tests.factories import (
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    PersonFactory,
    SegmentFactory,
    StateFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

CLIMATE = [
    "Rising seas and droughts caused by climate change force families to leave their homes.",
    "People displaced by climate change and disasters need legal protection.",
    "Climate change drives displacement; adaptation can let people stay.",
]


@pytest.fixture
def theme():
    """A theme of three climate statements: two in a released record, one not."""
    released = SegmentFactory()
    series = released.meeting.series
    internal = SegmentFactory(meeting=MeetingFactory(series=series, record_released_at=None))
    for segment, text, state, family in [
        (released, CLIMATE[0], "Fiji", "Tuilagi"),
        (released, CLIMATE[1], "Bangladesh", "Haque"),
        (internal, CLIMATE[2], "Kiribati", "Secretus"),
    ]:
        InterventionFactory(
            segment=segment,
            summary=text,
            state=StateFactory(names={"en": state}),
            speaker=PersonFactory(family_name=family),
        )
    recompute_themes(series=series, by=secretariat_of(series))
    return Theme.objects.get(series=series)


def test_the_public_theme_page_lists_released_statements_their_speakers_and_states(client, theme):
    page = client.get(reverse("public:theme", args=[theme.series.slug, theme.pk]))

    text = page.content.decode()
    assert page.status_code == 200
    assert "Fiji" in text
    assert "Bangladesh" in text
    assert "Tuilagi" in text
    assert "Haque" in text
    released = ThemePlacement.objects.filter(
        theme=theme, intervention__segment__meeting__record_released_at__isnull=False
    )
    for placement in released:
        assert f"#statement-{placement.intervention_id}" in text


def test_the_public_theme_page_hides_statements_of_unreleased_records(client, theme):
    page = client.get(reverse("public:theme", args=[theme.series.slug, theme.pk]))

    text = page.content.decode()
    assert "Kiribati" not in text
    assert "Secretus" not in text


def test_a_reader_searches_within_a_theme_from_its_page(client, theme):
    reindex()
    page = client.get(reverse("public:theme", args=[theme.series.slug, theme.pk])).content.decode()
    assert f'name="theme" value="{theme.pk}"' in page

    found = client.get(
        reverse("public:search"), {"q": "climate", "theme": theme.pk, "mode": "words"}
    )

    text = found.content.decode()
    assert "Tuilagi" in text
    assert "Haque" in text
    assert "Secretus" not in text  # in the theme, but its record is not released
    assert f'<option value="{theme.pk}" selected>' in text


def test_the_public_theme_page_reads_a_fixed_number_of_queries(
    client, theme, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        page = client.get(reverse("public:theme", args=[theme.series.slug, theme.pk]))

    assert page.status_code == 200


def test_the_public_list_shows_the_theme_with_its_released_statements_counted(client, theme):
    page = client.get(reverse("public:themes", args=[theme.series.slug]))

    assert page.status_code == 200
    assert "2 statements" in page.content.decode()


def test_the_secretariat_renames_a_theme_in_the_workspace(client, theme):
    client.force_login(secretariat_of(theme.series))

    client.post(
        reverse("manage:theme", args=[theme.series.slug, theme.pk]),
        {"name": "Climate and mobility", "description": ""},
    )

    assert Theme.objects.get(pk=theme.pk).name == "Climate and mobility"


def test_a_delegation_reads_the_themes_but_cannot_edit_them(client, theme):
    delegation = GrantFactory(series=theme.series, role=Role.DELEGATION, state=StateFactory()).user
    client.force_login(delegation)
    address = reverse("manage:theme", args=[theme.series.slug, theme.pk])

    assert client.get(address).status_code == 200
    refused = client.post(address, {"name": "Ours", "description": ""})
    recompute = client.post(reverse("manage:themes", args=[theme.series.slug]))

    assert refused.status_code == 403
    assert recompute.status_code == 403
    assert Theme.objects.get(pk=theme.pk).name == ""


def test_the_rapporteur_confirms_a_suggested_target_on_the_meetings_targets_page(client):
    statement = InterventionFactory(
        summary="Orderly, safe and regular migration needs well-managed migration policies."
    )
    meeting = statement.segment.meeting
    client.force_login(GrantFactory(series=meeting.series, role=Role.RAPPORTEUR).user)
    address = reverse("manage:sdg_targets", args=[meeting.series.slug, meeting.number])

    client.post(address)
    suggestion = TargetSuggestion.objects.get(intervention=statement, target="10.7")
    page = client.get(address).content.decode()
    assert "10.7" in page
    keywords = StatementKeywords.objects.get(intervention=statement).keywords
    assert f"Keywords: {', '.join(keywords)}" in page
    statement.refresh_from_db()
    assert statement.sdg_targets == []

    client.post(
        reverse(
            "manage:sdg_target_decide", args=[meeting.series.slug, meeting.number, suggestion.pk]
        ),
        {"decision": "confirm"},
    )

    statement.refresh_from_db()
    assert statement.sdg_targets == ["10.7"]
    assert TargetSuggestion.objects.get(pk=suggestion.pk).status == SuggestionStatus.CONFIRMED


def test_a_theme_name_over_its_limit_is_refused_and_the_old_name_kept(client, theme):
    client.force_login(secretariat_of(theme.series))

    page = client.post(
        reverse("manage:theme", args=[theme.series.slug, theme.pk]),
        {"name": "x" * 201, "description": ""},
        follow=True,
    )

    assert "at most 200 characters" in page.content.decode()
    assert Theme.objects.get(pk=theme.pk).name == ""


@pytest.mark.parametrize(("released", "shown"), [(True, True), (False, False)])
def test_the_meeting_page_shows_its_keywords_once_its_record_is_released(client, released, shown):
    meeting = MeetingFactory(record_released_at=None)
    if released:
        meeting.record_released_at = meeting.updated_at
        meeting.save()
    InterventionFactory(segment=SegmentFactory(meeting=meeting), summary=CLIMATE[0])
    recompute_themes(series=meeting.series, by=secretariat_of(meeting.series))

    page = client.get(reverse("public:meeting", args=[meeting.series.slug, meeting.number]))

    keywords = re.search(
        r'<p class="keywords">Keywords: <span[^>]*>([^<]*)</span>', page.content.decode()
    )
    assert (keywords is not None) is shown
    if shown:
        assert "climate change" in keywords.group(1).casefold()
