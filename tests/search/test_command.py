"""`convener search`: the statements found, printed; `--reindex` builds the index."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories import InterventionFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("search", *args, stdout=out)
    return out.getvalue()


def test_reindex_counts_the_statements_and_search_prints_them_with_the_words_found():
    statement = InterventionFactory(summary="Complementary pathways.")
    meeting = statement.segment.meeting

    assert run("--reindex") == "1 statements indexed.\n"
    printed = run("pathways", "--mode", "words")

    assert f"1. {statement.speaker_label} — {meeting.series.slug}, meeting {meeting.number}" in (
        printed
    )
    assert "Complementary [pathways]." in printed
    assert printed.endswith("1 of 1 statements found.\n")


def test_the_command_reads_records_under_review_unless_public():
    InterventionFactory(summary="Pathways.", segment__meeting__record_released_at=None)
    run("--reindex")

    assert run("pathways", "--mode", "words").endswith("1 of 1 statements found.\n")
    assert run("pathways", "--mode", "words", "--public").endswith("0 of 0 statements found.\n")


def test_filters_are_options():
    statement = InterventionFactory(summary="Pathways.", capacity="personal")
    InterventionFactory(summary="Pathways.")
    run("--reindex")
    meeting = statement.segment.meeting

    printed = run(
        "pathways",
        "--mode",
        "words",
        "--series",
        meeting.series.slug,
        "--meeting",
        str(meeting.number),
        "--capacity",
        "personal",
    )

    assert printed.endswith("1 of 1 statements found.\n")


def test_a_meeting_needs_its_series():
    with pytest.raises(CommandError, match="--meeting needs --series"):
        run("pathways", "--meeting", "1")


def test_an_empty_query_is_refused():
    with pytest.raises(CommandError, match="Give what to look for"):
        run("")
