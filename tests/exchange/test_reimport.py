"""Importing a series again updates it in place: nothing the file does not describe is lost."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from convener.access.domain.invitations import invite
from convener.access.models import Invitation
from convener.audit.actors import command_line_operator
from convener.directory.models import Person, State
from convener.exchange.domain.importer import import_file, import_series
from convener.exchange.domain.validation import validate
from convener.exchange.format.source import read
from convener.live.domain.floor import start_segment
from convener.live.domain.requests import add_for_raised_flag
from convener.live.domain.turns import give_floor
from convener.live.models import Floor, Level, Purpose, Turn
from convener.meetings.models import Meeting, MeetingStatus, Segment
from convener.records.models import Capacity, Intervention
from convener.roles.domain import grant_role
from convener.roles.models import Grant, Role
from convener.server.demo import demo_series_file
from tests.exchange.conftest import VALID_SERIES
from tests.factories import InterventionFactory, MeetingFactory, SegmentFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def a_turn_on_the_floor(meeting: Meeting, chair) -> Turn:
    """Mexico raises its flag in the debate and is given the floor, as on the day."""
    start_segment(
        meeting=meeting, segment=meeting.segments.filter(kind="interactive_debate").last(), by=chair
    )
    inscription = add_for_raised_flag(
        meeting=meeting,
        by=chair,
        capacity=Capacity.NATIONAL,
        level=Level.CHAIR_OF_DELEGATION,
        purpose=Purpose.STATEMENT,
        state=State.objects.get(iso3="MEX"),
    )
    return give_floor(meeting=meeting, by=chair, inscription=inscription)


def test_reimport_of_the_demo_keeps_grant_invitation_and_live_turn(demo_series, demo_user):
    meeting = demo_series.meetings.get(number=3)
    grant = grant_role(
        user=UserFactory(),
        series=demo_series,
        role=Role.RAPPORTEUR,
        meeting=meeting,
        by=command_line_operator(),
    )
    invitation = invite(
        series=demo_series,
        role=Role.RAPPORTEUR,
        email="rapporteur@example.org",
        by=demo_user("secretariat"),
        site_url="https://convener.example.org",
        meeting=meeting,
    )
    # The floor runs while the meeting is held; the file has it reported.
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    meeting.refresh_from_db()
    turn = a_turn_on_the_floor(meeting, demo_user("chair"))
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.REPORTED)
    interventions = Intervention.objects.filter(segment__meeting=meeting).count()

    summary = import_file(path=demo_series_file(), by=command_line_operator())

    assert Grant.objects.filter(pk=grant.pk, meeting=meeting).exists()
    assert Invitation.objects.filter(pk=invitation.pk, meeting=meeting).exists()
    turn = Turn.objects.get(pk=turn.pk)
    assert (turn.meeting_id, turn.intervention.state.iso3) == (meeting.pk, "MEX")
    assert Floor.objects.get(meeting=meeting).segment == turn.segment
    assert Intervention.objects.filter(segment__meeting=meeting).count() == interventions
    assert Meeting.objects.get(series=demo_series, number=3).pk == meeting.pk
    assert (summary.tallies["interventions"].kept, summary.changed_meetings) == (1, [])


def test_reimport_keeps_meetings_segments_and_interventions_added_on_the_screens(series_file):
    path = series_file()
    series = import_file(path=path, by=command_line_operator()).series
    added_meeting = MeetingFactory(series=series, number=2)
    meeting = series.meetings.get(number=1)
    added_segment = SegmentFactory(meeting=meeting, key="next-steps", order=5)
    added_turn = InterventionFactory(segment=meeting.segments.get(key="debate-1"), order=9)

    summary = import_file(path=path, by=command_line_operator())

    assert set(Meeting.objects.filter(series=series).values_list("pk", flat=True)) == {
        meeting.pk,
        added_meeting.pk,
    }
    assert Segment.objects.filter(pk=added_segment.pk).exists()
    assert Intervention.objects.filter(pk=added_turn.pk).exists()
    kept = {kind: tally.kept for kind, tally in summary.tallies.items() if tally.kept}
    assert kept == {"meetings": 1, "programme segments": 1, "interventions": 1}


def test_reimport_of_a_changed_file_updates_rows_in_place(series_file):
    series = import_file(path=series_file(), by=command_line_operator()).series
    meeting = series.meetings.get(number=1)
    turns = list(Intervention.objects.filter(segment__meeting=meeting).values_list("pk", flat=True))

    summary = import_file(
        path=series_file(
            VALID_SERIES.replace("room: Conference Room 6", "room: Conference Room 4").replace(
                "Spoke of a crisis of solidarity.", "Spoke of solidarity."
            )
        ),
        by=command_line_operator(),
    )

    meeting.refresh_from_db()
    assert meeting.room == "Conference Room 4"
    assert (
        list(Intervention.objects.filter(segment__meeting=meeting).values_list("pk", flat=True))
        == turns
    )
    assert Intervention.objects.get(pk=turns[0]).summary == "Spoke of solidarity."
    assert summary.changed_meetings == ["1. Strengthening responsibility sharing"]
    assert (summary.tallies["meetings"].changed, summary.tallies["interventions"].changed) == (
        1,
        1,
    )


def test_reimport_with_replace_removes_only_what_the_file_no_longer_lists(series_file):
    series = import_file(path=series_file(), by=command_line_operator()).series
    added_meeting = MeetingFactory(series=series, number=2, title="Added on the screens")
    meeting = series.meetings.get(number=1)

    summary = import_file(path=series_file(), replace=True, by=command_line_operator())

    assert list(series.meetings.values_list("pk", flat=True)) == [meeting.pk]
    assert not Meeting.objects.filter(pk=added_meeting.pk).exists()
    assert summary.removed == ["meetings 2. Added on the screens"]


def test_import_dry_run_reports_and_writes_nothing(series_file):
    summary = import_file(path=series_file(), dry_run=True, by=command_line_operator())

    assert (summary.dry_run, summary.tallies["meetings"].created) == (True, 1)
    assert not Meeting.objects.exists()


def test_reimport_command_prints_what_it_created_changed_and_kept(series_file, capsys):
    path = series_file()
    call_command("importseries", str(path))
    capsys.readouterr()
    meeting = Meeting.objects.get(series__slug="test-series", number=1)
    MeetingFactory(series=meeting.series, number=2, title="Added on the screens")

    call_command(
        "importseries",
        str(series_file(VALID_SERIES.replace("room: Conference Room 6", "room: Room 4"))),
    )

    assert capsys.readouterr().out.splitlines() == [
        "Imported series test-series: 1 meetings, 2 programme segments, 3 interventions "
        "in the file.",
        "  organisations: 0 created, 0 changed, 2 unchanged",
        "  people: 0 created, 0 changed, 2 unchanged",
        "  convening group: 0 created, 0 changed, 0 unchanged",
        "  series: 0 created, 0 changed, 1 unchanged",
        "  concept-note sections: 0 created, 0 changed, 0 unchanged",
        "  references: 0 created, 0 changed, 1 unchanged",
        "  classifications: 0 created, 0 changed, 0 unchanged",
        "  report texts: 0 created, 0 changed, 0 unchanged",
        "  house style: 0 created, 0 changed, 0 unchanged",
        "  meetings: 0 created, 1 changed, 0 unchanged, 1 kept (not in the file)",
        "  co-organisers: 0 created, 0 changed, 2 unchanged",
        "  co-chairs: 0 created, 0 changed, 2 unchanged",
        "  postponements: 0 created, 0 changed, 0 unchanged",
        "  programme segments: 0 created, 0 changed, 2 unchanged",
        "  participants: 0 created, 0 changed, 2 unchanged",
        "  interventions: 0 created, 0 changed, 3 unchanged",
        "Meetings changed: 1. Strengthening responsibility sharing",
    ]


def test_import_command_dry_run_lists_removals_first_and_changes_nothing(series_file, capsys):
    path = series_file()
    call_command("importseries", str(path))
    meeting = Meeting.objects.get(series__slug="test-series", number=1)
    MeetingFactory(series=meeting.series, number=2, title="Added on the screens")
    capsys.readouterr()

    call_command("importseries", str(path), "--replace", "--dry-run")

    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "Removed (not in the file): meetings 2. Added on the screens",
        "Checked series test-series: 1 meetings, 2 programme segments, 3 interventions "
        "in the file.",
    ]
    assert out[-1] == "Dry run: nothing was written."
    assert Meeting.objects.filter(series=meeting.series).count() == 2


def another_series_with(person_line: str) -> str:
    """The test series under another slug, Ms. Kelley's position as `person_line` says."""
    return VALID_SERIES.replace("slug: test-series", "slug: another-series").replace(
        "position: Director, New York Office", person_line
    )


def test_import_of_another_series_cannot_rewrite_a_person_the_first_one_uses(series_file):
    import_file(path=series_file(), by=command_line_operator())
    rewritten = series_file(another_series_with("position: Impostor"), name="another.yaml")

    summary = import_file(path=rewritten, by=command_line_operator())

    assert Person.objects.get(key="ninette-kelley").position == "Director, New York Office"
    assert summary.tallies["people"].shared == 1
    assert (
        'Left as it is, since another series uses it: people "Ninette Kelley" (used by test-series)'
    ) in summary.lines()


def test_import_changes_a_person_only_its_own_series_uses(series_file):
    import_file(path=series_file(), by=command_line_operator())
    corrected = series_file(
        VALID_SERIES.replace("Director, New York Office", "Director, Geneva Office"),
        name="corrected.yaml",
    )

    summary = import_file(path=corrected, by=command_line_operator())

    assert Person.objects.get(key="ninette-kelley").position == "Director, Geneva Office"
    assert summary.tallies["people"].shared == 0


def test_import_by_the_secretariat_of_both_series_may_change_a_shared_person(series_file):
    first = import_file(path=series_file(), by=command_line_operator()).series
    second = import_file(
        path=series_file(another_series_with("position: Director, New York Office"), name="b.yaml"),
        by=command_line_operator(),
    ).series
    secretariat = UserFactory()
    for series in (first, second):
        grant_role(
            user=secretariat, series=series, role=Role.SECRETARIAT, by=command_line_operator()
        )
    changed = series_file(another_series_with("position: Director, Geneva Office"), name="c.yaml")

    import_series(document=validate(read(changed)), by=secretariat)

    assert Person.objects.get(key="ninette-kelley").position == "Director, Geneva Office"


def test_import_by_someone_who_does_not_run_the_series_is_refused(series_file):
    series = import_file(path=series_file(), by=command_line_operator()).series
    rapporteur = UserFactory()
    grant_role(user=rapporteur, series=series, role=Role.RAPPORTEUR, by=command_line_operator())
    changed = series_file(VALID_SERIES.replace("room: Conference Room 6", "room: Room 4"))

    with pytest.raises(PermissionDenied):
        import_series(document=validate(read(changed)), by=rapporteur)
    with pytest.raises(PermissionDenied):
        import_file(path=changed, by=rapporteur)

    assert series.meetings.get(number=1).room == "Conference Room 6"
