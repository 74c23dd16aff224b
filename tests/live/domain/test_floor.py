"""The floor as a whole: the list open or closed, the segment under way, limits,
quotas, and one new version published to the screens for every change."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.models import AuditEntry
from convener.live.domain.floor import (
    close_list,
    open_list,
    set_floor_rules,
    set_quotas,
    set_time_limits,
    start_segment,
)
from convener.live.models import SpeakingQuota
from convener.live.queries.state import floor_settings
from tests.factories import SegmentFactory
from tests.live.day import a_meeting_on_the_day, fake_bus

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch):
    """What the floor hands to the event bus, as (meeting id, state) pairs."""
    return fake_bus(monkeypatch)


def test_every_change_raises_the_version_and_publishes_the_state_after_the_commit(
    published, django_capture_on_commit_callbacks
):
    day = a_meeting_on_the_day()

    with django_capture_on_commit_callbacks(execute=True):
        close_list(meeting=day.meeting, by=day.chair)
    with django_capture_on_commit_callbacks(execute=True):
        open_list(meeting=day.meeting, by=day.chair)

    assert [(meeting_id, state["version"]) for meeting_id, state in published] == [
        (day.meeting.pk, 1),
        (day.meeting.pk, 2),
    ]
    assert published[0][1]["list_closed"] is True
    assert floor_settings(day.meeting).version == 2


def test_a_refused_change_neither_raises_the_version_nor_publishes(
    published, django_capture_on_commit_callbacks
):
    day = a_meeting_on_the_day()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        start_segment(meeting=day.meeting, segment=SegmentFactory(), by=day.chair)

    assert published == []
    assert floor_settings(day.meeting).version == 0


def test_start_segment_says_where_turns_are_recorded():
    day = a_meeting_on_the_day()

    floor = start_segment(meeting=day.meeting, segment=day.panel, by=day.chair)

    assert floor_settings(day.meeting).segment == day.panel == floor.segment


def test_start_segment_refuses_a_segment_of_another_meeting():
    day = a_meeting_on_the_day()

    with pytest.raises(ValidationError) as raised:
        start_segment(meeting=day.meeting, segment=SegmentFactory(), by=day.chair)

    assert list(raised.value.message_dict) == ["segment"]


def test_a_meeting_starts_with_ten_minutes_for_panellists_and_three_from_the_floor():
    floor = floor_settings(a_meeting_on_the_day().meeting)

    assert (floor.panellist_seconds, floor.statement_seconds) == (600, 180)


def test_set_time_limits_changes_the_meetings_limits():
    day = a_meeting_on_the_day()

    set_time_limits(
        meeting=day.meeting,
        limits={"panellist_seconds": 420, "statement_seconds": 240},
        by=day.secretariat,
    )

    floor = floor_settings(day.meeting)
    assert (floor.panellist_seconds, floor.statement_seconds) == (420, 240)


def test_set_time_limits_refuses_a_limit_of_no_time():
    day = a_meeting_on_the_day()

    with pytest.raises(ValidationError) as raised:
        set_time_limits(meeting=day.meeting, limits={"question_seconds": 0}, by=day.chair)

    assert list(raised.value.message_dict) == ["question_seconds"]


def test_set_quotas_sets_and_lifts_a_groups_quota():
    day = a_meeting_on_the_day()
    set_quotas(
        meeting=day.meeting,
        quotas={"regional:african": 900, "groups-of-states": 600},
        by=day.chair,
    )

    set_quotas(meeting=day.meeting, quotas={"groups-of-states": None}, by=day.chair)

    assert list(SpeakingQuota.objects.values_list("group", "seconds")) == [
        ("regional:african", 900)
    ]


def test_set_quotas_knows_only_the_groups_it_counts():
    day = a_meeting_on_the_day()

    with pytest.raises(ValidationError):
        set_quotas(meeting=day.meeting, quotas={"the-moon": 60}, by=day.chair)


@pytest.mark.parametrize("who", ["rapporteur", "mexico_delegation"])
def test_only_the_chair_or_the_secretariat_runs_the_floor(who):
    day = a_meeting_on_the_day()
    user = getattr(day, who)

    for action in (
        lambda: close_list(meeting=day.meeting, by=user),
        lambda: start_segment(meeting=day.meeting, segment=day.panel, by=user),
        lambda: set_time_limits(meeting=day.meeting, limits={}, by=user),
        lambda: set_quotas(meeting=day.meeting, quotas={}, by=user),
    ):
        with pytest.raises(PermissionDenied):
            action()


def test_a_chair_of_another_meeting_does_not_run_this_one():
    day = a_meeting_on_the_day()
    other = a_meeting_on_the_day()

    with pytest.raises(PermissionDenied):
        close_list(meeting=day.meeting, by=other.chair)


def test_a_refused_change_to_the_floor_changes_nothing(
    published, django_capture_on_commit_callbacks
):
    day = a_meeting_on_the_day()
    start_segment(meeting=day.meeting, segment=day.panel, by=day.chair)
    entries = AuditEntry.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        for action in (
            lambda: close_list(meeting=day.meeting, by=day.rapporteur),
            lambda: start_segment(meeting=day.meeting, segment=day.debate, by=day.rapporteur),
            lambda: set_time_limits(
                meeting=day.meeting, limits={"statement_seconds": 60}, by=day.rapporteur
            ),
            lambda: set_floor_rules(
                meeting=day.meeting,
                precedence="inscription",
                replies_per_item=1,
                by=day.rapporteur,
            ),
            lambda: set_quotas(
                meeting=day.meeting, quotas={"groups-of-states": 600}, by=day.rapporteur
            ),
        ):
            with pytest.raises(PermissionDenied):
                action()

    floor = floor_settings(day.meeting)
    assert (floor.version, floor.list_closed, floor.segment) == (1, False, day.panel)
    assert (floor.statement_seconds, floor.precedence) == (180, "general_assembly")
    assert not SpeakingQuota.objects.exists()
    assert AuditEntry.objects.count() == entries
    assert published == []


def test_a_change_to_the_floor_is_written_to_the_audit_log_as_the_chairs():
    day = a_meeting_on_the_day()
    before = AuditEntry.objects.count()

    close_list(meeting=day.meeting, by=day.chair)

    entries = AuditEntry.objects.order_by("pk")[before:]
    assert entries
    assert {(entry.user, entry.meeting_id) for entry in entries} == {(day.chair, day.meeting.pk)}
