"""The actions the live screens post, through the test client, as their scripts post them."""

import pytest
from django.urls import reverse

from convener.live.domain.floor import start_segment
from convener.live.domain.turns import give_floor
from convener.live.models import Inscription, InscriptionStatus, SpeakingQuota, Turn
from convener.live.queries.state import floor_settings
from convener.prose.editing import text_digest
from convener.records.models import Intervention
from tests.factories import (
    CoOrganiserFactory,
    InterventionFactory,
    MeetingFactory,
    SeriesFactory,
)
from tests.live.day import a_meeting_on_the_day

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def _url(name, meeting, *args):
    return reverse(f"live:{name}", args=[meeting.series.slug, meeting.number, *args])


@pytest.fixture
def day():
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.debate, by=day.chair)
    return day


@pytest.fixture
def as_chair(client, day):
    client.force_login(day.chair)
    return client


# The delegation


def _request(**fields):
    return {
        "delegation": "",
        "capacity": "national",
        "level": "chair_of_delegation",
        "purpose": "statement",
        **fields,
    }


def test_a_delegation_requests_the_floor_from_its_phone(client, day):
    client.force_login(day.mexico_delegation)

    response = client.post(
        _url("delegation", day.meeting),
        _request(delegation=f"state:{day.mexico.pk}", speaker_name="H.E. Ms. Ana Ruiz"),
    )

    assert response.status_code == 302
    inscription = Inscription.objects.get()
    assert (inscription.state, inscription.speaker_name, inscription.segment) == (
        day.mexico,
        "H.E. Ms. Ana Ruiz",
        day.debate,
    )


def test_the_phones_script_gets_the_new_state_back(client, day):
    client.force_login(day.mexico_delegation)

    response = client.post(
        _url("delegation", day.meeting), _request(delegation=f"state:{day.mexico.pk}"), **JSON
    )

    assert [s["who"] for s in response.json()["state"]["speakers"]] == ["Mexico"]


def test_a_refused_request_keeps_what_the_delegation_typed(client, day):
    client.force_login(day.mexico_delegation)
    client.post(_url("delegation", day.meeting), _request(delegation=f"state:{day.mexico.pk}"))

    response = client.post(
        _url("delegation", day.meeting),
        _request(delegation=f"state:{day.mexico.pk}", speaker_name="Mr. Luis Pérez"),
    )

    assert response.status_code == 400
    assert "already on the list" in response.content.decode()
    assert 'value="Mr. Luis Pérez"' in response.content.decode()


def test_a_delegation_cannot_post_for_another_state(client, day):
    client.force_login(day.mexico_delegation)

    response = client.post(
        _url("delegation", day.meeting), _request(delegation=f"state:{day.thailand.pk}"), **JSON
    )

    assert response.status_code == 400
    assert "delegation" in response.json()["errors"]
    assert not Inscription.objects.exists()


def test_a_delegation_withdraws_its_request_but_not_anothers(client, day):
    mexico, thailand = day.ask("mexico"), day.ask("thailand")
    client.force_login(day.mexico_delegation)

    assert client.post(_url("withdraw", day.meeting, mexico.pk), **JSON).status_code == 200
    assert client.post(_url("withdraw", day.meeting, thailand.pk), **JSON).status_code == 403
    assert set(Inscription.objects.values_list("status", flat=True)) == {
        InscriptionStatus.WITHDRAWN,
        InscriptionStatus.WAITING,
    }


# The chair


def test_the_chair_gives_the_floor_and_sees_the_timer_start(as_chair, day):
    day.ask("mexico")
    second = day.ask("thailand")

    response = as_chair.post(_url("give_floor", day.meeting), {"inscription": second.pk}, **JSON)

    current = response.json()["state"]["current"]
    assert current["who"] == "Thailand"
    assert current["timer"]["running"] is True


def test_the_chair_moves_skips_and_reorders(as_chair, day):
    first, second, third = day.ask("mexico"), day.ask("thailand"), day.ask("unhcr")

    as_chair.post(_url("move", day.meeting, third.pk), {"place": 1}, **JSON)
    as_chair.post(_url("skip", day.meeting, first.pk), **JSON)
    response = as_chair.post(_url("reorder", day.meeting), {"order": [second.pk, third.pk]}, **JSON)

    assert [s["id"] for s in response.json()["state"]["speakers"]] == [second.pk, third.pk]
    response = as_chair.post(_url("reorder", day.meeting), {"proposed": "1"}, **JSON)
    assert response.json()["state"]["proposed_order"] == [second.pk, third.pk]


def test_the_chair_runs_the_timer(as_chair, day):
    day.ask("mexico")
    give_floor(meeting=day.meeting, by=day.chair)
    timer = _url("timer", day.meeting)

    as_chair.post(timer, {"action": "pause"}, **JSON)
    assert not Turn.objects.get().running
    as_chair.post(timer, {"action": "resume"}, **JSON)
    assert Turn.objects.get().running
    as_chair.post(timer, {"seconds": "60"}, **JSON)
    assert Turn.objects.get().limit == 240
    as_chair.post(timer, {"action": "end"}, **JSON)
    assert Turn.objects.get().ended_at is not None


def test_an_error_comes_back_as_a_message(as_chair, day):
    response = as_chair.post(_url("give_floor", day.meeting), **JSON)

    assert response.status_code == 400
    assert response.json()["errors"] == {"__all__": ["No one is waiting for the floor."]}


def test_without_a_script_the_chair_comes_back_to_the_console_with_the_error(as_chair, day):
    response = as_chair.post(_url("give_floor", day.meeting), follow=True)

    assert response.redirect_chain[-1][0] == _url("chair", day.meeting)
    assert "No one is waiting for the floor." in response.content.decode()


def test_the_chair_closes_the_list_and_starts_a_segment(as_chair, day):
    as_chair.post(_url("list", day.meeting), {"closed": "1"}, **JSON)
    response = as_chair.post(_url("segment", day.meeting), {"segment": day.panel.pk}, **JSON)

    state = response.json()["state"]
    assert state["list_closed"] is True
    assert state["segment"]["id"] == day.panel.pk


def test_the_chair_sets_the_order_of_statements_and_the_rights_of_reply(as_chair, day):
    response = as_chair.post(
        _url("rules", day.meeting),
        {"precedence": "multi_stakeholder", "replies_per_item": "1"},
        **JSON,
    )

    floor = floor_settings(day.meeting)
    assert response.status_code == 200
    assert (floor.precedence, floor.replies_per_item) == ("multi_stakeholder", 1)


def test_rules_of_the_floor_refuse_an_unknown_order(as_chair, day):
    response = as_chair.post(
        _url("rules", day.meeting), {"precedence": "loudest", "replies_per_item": "2"}, **JSON
    )

    assert response.status_code == 400
    assert "precedence" in response.json()["errors"]
    assert floor_settings(day.meeting).precedence == "general_assembly"


def test_the_chair_sets_limits_and_quotas_in_minutes(as_chair, day):
    as_chair.post(
        _url("limits", day.meeting),
        {
            "panellist_seconds": "7",
            "statement_seconds": "2.5",
            "question_seconds": "2",
            "point_of_order_seconds": "1",
            "right_of_reply_seconds": "5",
            "group_statement_seconds": "6",
            "second_reply_seconds": "3",
        },
        **JSON,
    )
    as_chair.post(_url("quotas", day.meeting), {"groups-of-states": "15"}, **JSON)

    floor = floor_settings(day.meeting)
    assert (floor.panellist_seconds, floor.statement_seconds) == (420, 150)
    assert (floor.group_statement_seconds, floor.second_reply_seconds) == (360, 180)
    assert list(SpeakingQuota.objects.values_list("group", "seconds")) == [
        ("groups-of-states", 900)
    ]


def test_the_secretariat_adds_a_raised_flag(client, day):
    client.force_login(day.secretariat)

    response = client.post(
        _url("raised_flag", day.meeting),
        {
            "capacity": "national",
            "state": day.thailand.pk,
            "level": "minister",
            "purpose": "statement",
        },
        **JSON,
    )

    speakers = response.json()["state"]["speakers"]
    assert [(s["who"], s["raised_flag"]) for s in speakers] == [("Thailand", True)]


def test_the_limits_form_offers_the_group_statement_and_both_replies(as_chair, day):
    """GA decision 34/401: ten minutes for the first reply, five for the second;
    a group statement has its own limit (Convener's default: seven minutes)."""
    page = as_chair.get(_url("chair", day.meeting)).content.decode()

    for name, minutes in (
        ("group_statement_seconds", "7"),
        ("right_of_reply_seconds", "10"),
        ("second_reply_seconds", "5"),
    ):
        assert f'name="{name}"' in page
        assert f'name="{name}" value="{minutes}' in page


def test_a_limits_form_without_the_second_reply_is_refused(as_chair, day):
    response = as_chair.post(
        _url("limits", day.meeting),
        {
            "panellist_seconds": "7",
            "statement_seconds": "2.5",
            "group_statement_seconds": "6",
            "question_seconds": "2",
            "point_of_order_seconds": "1",
            "right_of_reply_seconds": "5",
        },
        **JSON,
    )

    assert response.status_code == 400
    assert "second_reply_seconds" in response.json()["errors"]
    assert floor_settings(day.meeting).right_of_reply_seconds == 600


def test_a_raised_flag_on_a_closed_list_is_added_with_a_warning(client, day):
    """A closed list does not stop the chair: a warning, not a refusal."""
    client.force_login(day.secretariat)
    client.post(_url("list", day.meeting), {"closed": "1"}, **JSON)
    ask = {"capacity": "national", "state": day.thailand.pk, "level": "minister"}

    response = client.post(
        _url("raised_flag", day.meeting), {**ask, "purpose": "statement"}, **JSON
    )
    marked = [s["added_to_closed_list"] for s in response.json()["state"]["speakers"]]
    page = client.post(
        _url("raised_flag", day.meeting), {**ask, "purpose": "question"}, follow=True
    ).content.decode()

    assert marked == [True]
    assert "The list is closed: added by the chair." in page
    assert Inscription.objects.filter(added_to_closed_list=True).count() == 2


def test_a_raised_flag_on_an_open_list_brings_no_warning(client, day):
    client.force_login(day.secretariat)
    ask = {"capacity": "national", "state": day.thailand.pk, "level": "minister"}

    page = client.post(
        _url("raised_flag", day.meeting), {**ask, "purpose": "statement"}, follow=True
    ).content.decode()

    assert "The list is closed: added by the chair." not in page
    assert not Inscription.objects.get().added_to_closed_list


def test_the_chair_gives_the_floor_to_a_panellist_at_once(as_chair, day):
    response = as_chair.post(
        _url("programme_speaker", day.meeting),
        {"participation": day.panellist.pk, "now": "1"},
        **JSON,
    )

    assert response.json()["state"]["current"]["speaker_name"] == day.panellist_person.formal_name


def test_the_chair_cannot_reach_an_inscription_of_another_meeting(as_chair, day):
    elsewhere = a_meeting_on_the_day().ask("mexico")

    response = as_chair.post(_url("skip", day.meeting, elsewhere.pk), **JSON)

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["give_floor", "timer", "list", "segment", "reorder"])
def test_a_delegation_cannot_run_the_floor(client, day, name):
    client.force_login(day.mexico_delegation)

    assert client.post(_url(name, day.meeting), **JSON).status_code == 403


def test_actions_are_posted_never_got(as_chair, day):
    assert as_chair.get(_url("give_floor", day.meeting)).status_code == 405


# The rapporteur


@pytest.fixture
def turn(day):
    day.ask("mexico")
    return give_floor(meeting=day.meeting, by=day.chair)


def test_the_rapporteur_reads_and_saves_a_summary(client, day, turn):
    client.force_login(day.rapporteur)
    url = _url("summary", day.meeting, turn.intervention_id)

    read = client.get(url).json()
    saved = client.post(
        url, {"summary": "Called for *safe* pathways.", "started_from": read["digest"]}, **JSON
    )

    assert read["summary"] == ""
    assert saved.status_code == 200
    assert saved.json()["digest"] == text_digest("Called for *safe* pathways.")
    assert "saved_at" in saved.json()
    assert (
        Intervention.objects.get(pk=turn.intervention_id).summary == "Called for *safe* pathways."
    )


def test_a_summary_saved_meanwhile_by_someone_else_is_shown_not_overwritten(client, day, turn):
    client.force_login(day.rapporteur)
    url = _url("summary", day.meeting, turn.intervention_id)
    started_from = client.get(url).json()["digest"]
    client.post(url, {"summary": "The secretariat's text.", "started_from": started_from}, **JSON)

    response = client.post(
        url, {"summary": "The rapporteur's text.", "started_from": started_from}, **JSON
    )

    assert response.status_code == 409
    assert (response.json()["stored"], response.json()["sent"]) == (
        "The secretariat's text.",
        "The rapporteur's text.",
    )
    assert Intervention.objects.get(pk=turn.intervention_id).summary == "The secretariat's text."


def test_a_summary_saved_without_the_digest_it_started_from_is_refused(client, day, turn):
    client.force_login(day.rapporteur)
    url = _url("summary", day.meeting, turn.intervention_id)
    client.post(
        url, {"summary": "The secretariat's text.", "started_from": text_digest("")}, **JSON
    )

    response = client.post(url, {"summary": "A blind overwrite."}, **JSON)

    assert response.status_code == 400
    assert "Say which version you started from" in response.json()["errors"]["__all__"][0]
    assert Intervention.objects.get(pk=turn.intervention_id).summary == "The secretariat's text."


def test_only_who_edits_the_records_saves_a_summary(client, day, turn):
    client.force_login(day.chair)

    response = client.post(_url("summary", day.meeting, turn.intervention_id), {"summary": "x"})

    assert response.status_code == 403


def test_the_rapporteur_cannot_reach_an_intervention_of_another_meeting(client, day):
    client.force_login(day.rapporteur)
    elsewhere = InterventionFactory()

    assert client.get(_url("summary", day.meeting, elsewhere.pk)).status_code == 404


def test_raised_flag_refuses_an_organisation_hidden_in_another_series_draft(client, day):
    hidden = CoOrganiserFactory(
        meeting=MeetingFactory(series=SeriesFactory(status="draft"), status="draft")
    ).organisation
    client.force_login(day.secretariat)

    response = client.post(
        _url("raised_flag", day.meeting),
        {
            "capacity": "organisation",
            "organisation": hidden.pk,
            "level": "other",
            "purpose": "statement",
        },
        **JSON,
    )

    assert response.status_code == 400
    assert "organisation" in response.json()["errors"]
    assert not Inscription.objects.filter(organisation=hidden).exists()
