"""The record screen: turns added, corrected, ordered and removed; the record released."""

import pytest
from django.test import Client
from django.urls import reverse

from convener.meetings.models import Meeting, MeetingStatus
from convener.records.models import Capacity, Intervention
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    SegmentFactory,
    StateFactory,
    StateGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def debate():
    meeting = MeetingFactory(status=MeetingStatus.HELD, record_released_at=None)
    return SegmentFactory(meeting=meeting, key="debate", title="Interactive debate")


def _url(name, meeting, *more):
    return reverse(f"manage:{name}", args=[meeting.series.slug, meeting.number, *more])


def _rapporteur(meeting):
    client = Client()
    client.force_login(GrantFactory(series=meeting.series, role=Role.RAPPORTEUR).user)
    return client


def test_record_page_adds_a_group_of_states_turn_at_the_end_of_its_segment(debate):
    InterventionFactory(segment=debate, order=0)
    group = StateGroupFactory(name="Small Island Developing States")
    client = _rapporteur(debate.meeting)

    response = client.post(
        _url("records_turn_add", debate.meeting),
        {"segment": debate.pk, "kind": "statement", "state_group": group.pk, "capacity": "group"},
        follow=True,
    )

    turn = Intervention.objects.get(state_group=group)
    assert (turn.segment, turn.order) == (debate, 1)
    assert "Added the turn of Small Island Developing States." in response.content.decode()


def test_record_page_refuses_a_turn_that_names_nobody_and_keeps_what_was_typed(debate):
    client = _rapporteur(debate.meeting)

    response = client.post(
        _url("records_turn_add", debate.meeting),
        {"segment": debate.pk, "kind": "statement", "capacity": "office", "office": "Chair"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Name a speaker, a State, a group of States or an organisation." in page
    assert 'value="Chair"' in page
    assert not Intervention.objects.exists()


def test_record_turn_page_corrects_who_spoke_and_in_what_capacity(debate):
    turn = InterventionFactory(segment=debate, capacity=Capacity.NATIONAL)
    chile = StateFactory(iso3="CHL")
    client = _rapporteur(debate.meeting)
    url = _url("records_turn", debate.meeting, turn.pk)
    assert client.get(url).status_code == 200

    client.post(
        url,
        {
            "segment": debate.pk,
            "kind": "statement",
            "speaker": turn.speaker_id,
            "state": chile.pk,
            "capacity": "office",
            "office": "co-facilitator of the modalities resolution",
        },
    )

    turn.refresh_from_db()
    assert (turn.state, turn.capacity, turn.office) == (
        chile,
        Capacity.OFFICE,
        "co-facilitator of the modalities resolution",
    )


def test_record_page_moves_and_removes_turns(debate):
    first, second = (InterventionFactory(segment=debate, order=n) for n in range(2))
    client = _rapporteur(debate.meeting)

    client.post(_url("records_turn_move", debate.meeting, second.pk), {"direction": "up"})
    client.post(_url("records_turn_remove", debate.meeting, first.pk))

    assert list(Intervention.objects.values_list("pk", "order")) == [(second.pk, 0)]


def test_record_page_releases_the_record(debate):
    client = _rapporteur(debate.meeting)
    assert "Release the record" in client.get(_url("records", debate.meeting)).content.decode()

    response = client.post(_url("records_release", debate.meeting), follow=True)

    assert Meeting.objects.get(pk=debate.meeting.pk).record_is_released
    assert "Released the record" in response.content.decode()


def test_record_page_of_a_reported_meeting_refuses_a_new_turn_with_a_message(debate):
    Meeting.objects.filter(pk=debate.meeting.pk).update(status=MeetingStatus.REPORTED)
    client = _rapporteur(debate.meeting)

    response = client.post(
        _url("records_turn_add", debate.meeting),
        {"segment": debate.pk, "kind": "statement", "state": StateFactory().pk},
    )

    assert response.status_code == 403
    assert "This meeting is reported" in response.content.decode()
    assert not Intervention.objects.exists()


def test_meeting_page_says_whether_the_record_is_released(debate):
    client = _rapporteur(debate.meeting)
    url = _url("meeting", debate.meeting)
    assert "internal until released" in client.get(url).content.decode()

    Meeting.objects.filter(pk=debate.meeting.pk).update(
        record_released_at=debate.meeting.updated_at
    )

    assert "(released)" in client.get(url).content.decode()


def test_record_turn_page_records_points_documents_and_sdg_targets(debate):
    turn = InterventionFactory(segment=debate)
    client = _rapporteur(debate.meeting)

    client.post(
        _url("records_turn", debate.meeting, turn.pk),
        {
            "segment": debate.pk,
            "kind": "statement",
            "speaker": turn.speaker_id,
            "state": turn.state_id or "",
            "points": "Expand safe pathways\n\n  Share data on returns  \n",
            "references": "A/70/59, A/RES/70/1",
            "sdg_targets": "10.7, 17.18",
        },
    )

    turn.refresh_from_db()
    assert turn.points == ["Expand safe pathways", "Share data on returns"]
    assert (turn.references, turn.sdg_targets) == (["A/70/59", "A/RES/70/1"], ["10.7", "17.18"])


def test_record_turn_page_refuses_what_is_not_a_un_symbol_and_keeps_the_text(debate):
    turn = InterventionFactory(segment=debate, references=["A/70/59"])
    client = _rapporteur(debate.meeting)

    response = client.post(
        _url("records_turn", debate.meeting, turn.pk),
        {
            "segment": debate.pk,
            "kind": "statement",
            "speaker": turn.speaker_id,
            "references": "A/70/59, the Sendai framework",
        },
    )

    page = response.content.decode()
    assert "is not a UN document symbol" in page
    assert "the Sendai framework" in page
    turn.refresh_from_db()
    assert turn.references == ["A/70/59"]
