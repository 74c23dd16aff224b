"""`convener review SERIES` on the demo: the 2016 series as the secretariat would check it."""

import io

import pytest
from django.core.management import CommandError, call_command

from convener.cli import main
from convener.directory.models import Gender
from convener.meetings.domain.review import Check, review_series
from convener.meetings.models import ProgrammeRole, Segment
from tests.factories import SeriesFactory

pytestmark = pytest.mark.django_db

SPEAKING = (ProgrammeRole.PANELLIST, ProgrammeRole.SPEAKER, ProgrammeRole.DISCUSSANT)


def review_lines(slug="gmg-2016") -> list[str]:
    out = io.StringIO()
    call_command("review", slug, stdout=out, stderr=io.StringIO())
    return out.getvalue().splitlines()


def speakers_genders(segment: Segment) -> set[str]:
    return set(
        segment.participations.filter(role__in=SPEAKING).values_list("person__gender", flat=True)
    )


def test_review_reports_the_20_july_next_steps_panel_as_all_male(demo_series):
    lines = [line for line in review_lines() if "all-male-panel" in line]

    assert lines == [
        "gmg-2016 #4 2016-07-20 | Next steps and ways forward: towards the General Assembly "
        "High-Level Meeting on Addressing Large Movements of Refugees and Migrants | problem | "
        "all-male-panel | The 3 speakers on this panel are all men: H.E. David Donoghue, "
        "Mr. Peter Sutherland and Mr. William Gois."
    ]


def test_review_finds_the_demo_co_chairs_balanced(demo_series):
    lines = review_lines()

    assert not [line for line in lines if "co-chair" in line.split(" | ")[3]]


def test_review_prints_a_line_per_finding_with_meeting_segment_severity_check_and_why(
    demo_series,
):
    lines = review_lines()

    assert len(lines) == len(review_series(demo_series))
    for line in lines:
        where, segment, severity, check, why = line.split(" | ")
        assert where.startswith("gmg-2016 #")
        assert segment
        assert severity in {"problem", "note"}
        assert check in Check.values
        assert why.endswith(".")


def test_every_finding_on_the_demo_is_true(demo_series):
    """Each finding, checked against the data by other means: no false alarm."""
    findings = review_series(demo_series)

    found = {(f.meeting.number, f.segment.key if f.segment else None, f.check) for f in findings}
    assert found == {
        # The records name no moderator for the panels of the first two meetings.
        (1, "panel-1", Check.NO_MODERATOR),
        (1, "panel-2", Check.NO_MODERATOR),
        (2, "speakers", Check.NO_MODERATOR),
        (4, "next-steps", Check.ALL_MALE_PANEL),
        (4, "topic-2", Check.SINGLE_GENDER_PANEL),
    }
    for finding in findings:
        segment = finding.segment
        if finding.check == Check.NO_MODERATOR:
            assert finding.meeting.moderator is None
            assert not segment.participations.filter(role=ProgrammeRole.MODERATOR).exists()
        elif finding.check == Check.ALL_MALE_PANEL:
            assert speakers_genders(segment) == {Gender.MALE}
        else:
            assert speakers_genders(segment) == {Gender.FEMALE}


def test_review_exits_zero_when_it_finds_problems(demo_series, capsys):
    main(["convener", "review", "gmg-2016"])  # would raise SystemExit if it failed

    captured = capsys.readouterr()
    assert "all-male-panel" in captured.out
    assert "gmg-2016: 4 problems, 1 note" in captured.err


def test_review_of_a_series_without_findings_prints_nothing_and_succeeds(capsys):
    SeriesFactory(slug="quiet-series")

    main(["convener", "review", "quiet-series"])

    captured = capsys.readouterr()
    assert captured.out == ""
    assert "quiet-series: 0 problems, 0 notes" in captured.err


def test_review_of_an_unknown_series_is_refused(demo_series):
    with pytest.raises(CommandError, match='no series "gmg-2017" \\(the series are: gmg-2016\\)'):
        review_lines("gmg-2017")


def test_review_of_an_unknown_series_exits_non_zero(demo_series, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["convener", "review", "gmg-2017"])

    assert exit_.value.code != 0
    assert 'no series "gmg-2017"' in capsys.readouterr().err
