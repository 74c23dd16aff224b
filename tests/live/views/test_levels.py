"""The levels of representation on the screens: the delegation proposes its
speaker's name, title and level; the secretariat confirms or corrects the
level on the chair's console, with htmx or a plain form. And the meeting's
order of groups, set with the rules of the floor."""

import pytest
from django.urls import reverse

from convener.live.domain.floor import start_segment
from convener.live.models import Inscription, Level
from convener.live.queries.state import floor_settings
from tests.factories import StateGroupFactory
from tests.live.day import a_meeting_on_the_day

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(name, meeting, *args):
    return reverse(f"live:{name}", args=[meeting.series.slug, meeting.number, *args])


@pytest.fixture
def day():
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    return day


@pytest.fixture
def claimed(day):
    """Mexico's delegation proposes a Head of State, not yet confirmed."""
    return day.ask("mexico", level=Level.HEAD_OF_STATE, speaker_name="H.E. Mr. Pérez")


def _level(inscription):
    inscription.refresh_from_db()
    return inscription.level, inscription.level_confirmed_at is not None


def test_the_delegation_proposes_its_speakers_name_title_and_level(client, day):
    client.force_login(day.mexico_delegation)
    page = client.get(_url("delegation", day.meeting)).content.decode()

    response = client.post(
        _url("delegation", day.meeting),
        {
            "delegation": f"state:{day.mexico.pk}",
            "capacity": "national",
            "level": "minister",
            "purpose": "statement",
            "speaker_name": "H.E. Ms. Ana Ruiz",
            "speaker_title": "Minister for Foreign Affairs",
        },
    )

    assert 'name="speaker_title"' in page
    assert "the secretariat confirms it" in page
    assert response.status_code == 302
    inscription = Inscription.objects.get()
    assert (inscription.speaker_name, inscription.speaker_title) == (
        "H.E. Ms. Ana Ruiz",
        "Minister for Foreign Affairs",
    )
    assert (inscription.proposed_level, inscription.level) == (Level.MINISTER, Level.OTHER)


def test_the_state_says_whether_a_level_is_confirmed(client, day, claimed):
    client.force_login(day.secretariat)

    before = client.get(_url("state", day.meeting)).json()["speakers"][0]
    client.post(_url("levels", day.meeting), {"inscription": claimed.pk, "level": "minister"})
    after = client.get(_url("state", day.meeting)).json()["speakers"][0]

    assert (before["level"], before["proposed_level"], before["level_confirmed"]) == (
        "other",
        "head_of_state",
        False,
    )
    assert (after["level"], after["level_confirmed"]) == ("minister", True)


def test_the_secretariats_console_lists_the_levels_to_confirm(client, day, claimed):
    client.force_login(day.secretariat)

    page = client.get(_url("chair", day.meeting)).content.decode()

    assert 'id="live-levels"' in page
    assert f'name="inscription" value="{claimed.pk}"' in page
    assert f'hx-post="{_url("levels", day.meeting)}"' in page


def test_the_chairs_console_has_no_levels_to_confirm(client, day, claimed):
    client.force_login(day.chair)

    page = client.get(_url("chair", day.meeting)).content.decode()

    assert 'id="live-levels"' not in page


def test_the_secretariat_confirms_a_level_with_a_plain_form(client, day, claimed):
    client.force_login(day.secretariat)

    response = client.post(
        _url("levels", day.meeting), {"inscription": claimed.pk, "level": "head_of_state"}
    )

    assert response.status_code == 302
    assert response["Location"] == _url("chair", day.meeting)
    assert _level(claimed) == (Level.HEAD_OF_STATE, True)


def test_the_secretariat_corrects_a_level_with_htmx_and_gets_the_part_back(client, day, claimed):
    client.force_login(day.secretariat)

    response = client.post(
        _url("levels", day.meeting),
        {"inscription": claimed.pk, "level": "chair_of_delegation"},
        **HTMX,
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="live-levels"' in page
    assert "<main" not in page
    assert f'value="{claimed.pk}"' not in page
    assert _level(claimed) == (Level.CHAIR_OF_DELEGATION, True)


def test_the_consoles_script_gets_the_state_back(client, day, claimed):
    client.force_login(day.secretariat)

    response = client.post(
        _url("levels", day.meeting), {"inscription": claimed.pk, "level": "minister"}, **JSON
    )

    assert response.status_code == 200
    assert response.json()["state"]["speakers"][0]["level"] == "minister"


def test_htmx_reads_the_levels_afresh_and_a_plain_visit_goes_to_the_console(client, day, claimed):
    client.force_login(day.secretariat)

    part = client.get(_url("levels", day.meeting), **HTMX)
    plain = client.get(_url("levels", day.meeting))

    assert part.status_code == 200
    assert f'value="{claimed.pk}"' in part.content.decode()
    assert plain.status_code == 302
    assert plain["Location"] == _url("chair", day.meeting)


def test_an_unknown_level_is_refused_with_the_reason(client, day, claimed):
    client.force_login(day.secretariat)

    with_htmx = client.post(
        _url("levels", day.meeting), {"inscription": claimed.pk, "level": "emperor"}, **HTMX
    )
    plain = client.post(
        _url("levels", day.meeting), {"inscription": claimed.pk, "level": "emperor"}, follow=True
    )

    assert with_htmx.status_code == 200
    assert "live-message--error" in with_htmx.content.decode()
    assert plain.redirect_chain[-1][0] == _url("chair", day.meeting)
    assert [str(m) for m in plain.context["messages"]]
    assert _level(claimed) == (Level.OTHER, False)


@pytest.mark.parametrize("who", ["chair", "mexico_delegation", "rapporteur"])
def test_only_the_secretariat_confirms_levels(client, day, claimed, who):
    client.force_login(getattr(day, who))

    posted = client.post(
        _url("levels", day.meeting), {"inscription": claimed.pk, "level": "head_of_state"}
    )
    with_htmx = client.post(
        _url("levels", day.meeting),
        {"inscription": claimed.pk, "level": "head_of_state"},
        **HTMX,
    )

    assert (posted.status_code, with_htmx.status_code) == (403, 403)
    assert _level(claimed) == (Level.OTHER, False)


def test_an_inscription_of_another_meeting_is_not_found(client, day, claimed):
    other = a_meeting_on_the_day()
    elsewhere = other.ask("mexico", level=Level.MINISTER)
    client.force_login(day.secretariat)

    response = client.post(
        _url("levels", day.meeting), {"inscription": elsewhere.pk, "level": "minister"}
    )

    assert response.status_code == 404
    assert _level(elsewhere) == (Level.OTHER, False)


def test_the_rules_form_sets_the_meetings_order_of_groups(client, day):
    sids = StateGroupFactory(name="Small Island Developing States")
    client.force_login(day.chair)
    page = client.get(_url("chair", day.meeting)).content.decode()

    response = client.post(
        _url("rules", day.meeting),
        {
            "precedence": "general_assembly",
            "replies_per_item": "2",
            f"group_{sids.pk}": "1",
            f"group_{day.g77.pk}": "2",
        },
    )
    emptied = client.post(
        _url("rules", day.meeting),
        {"precedence": "general_assembly", "replies_per_item": "2"},
        **JSON,
    )

    assert f'name="group_{sids.pk}"' in page
    assert response.status_code == 302
    assert emptied.status_code == 200
    assert floor_settings(day.meeting).group_order == []


def test_the_rules_form_keeps_the_order_of_groups_it_was_given(client, day):
    sids = StateGroupFactory(name="Small Island Developing States")
    client.force_login(day.chair)

    client.post(
        _url("rules", day.meeting),
        {
            "precedence": "general_assembly",
            "replies_per_item": "2",
            f"group_{sids.pk}": "1",
            f"group_{day.g77.pk}": "2",
        },
    )
    page = client.get(_url("chair", day.meeting)).content.decode()

    assert floor_settings(day.meeting).group_order == [sids.pk, day.g77.pk]
    assert f'name="group_{sids.pk}" value="1"' in page


def test_the_rules_form_refuses_a_place_below_one(client, day):
    client.force_login(day.chair)

    response = client.post(
        _url("rules", day.meeting),
        {"precedence": "general_assembly", "replies_per_item": "2", f"group_{day.g77.pk}": "0"},
        **JSON,
    )

    assert response.status_code == 400
    assert f"group_{day.g77.pk}" in response.json()["errors"]
    assert floor_settings(day.meeting).group_order == []
