from pathlib import Path

import pytest

from tests.fidelity.checks import chapters_of
from tests.fidelity.documents import (
    FORMATS,
    build,
    build_first_concept_note,
    document_text,
    folded,
    load_demo,
)
from tests.fidelity.note_checks import (
    CONCEPT_NOTE_20_JULY,
    CONCEPT_NOTE_30_JUNE,
    SERIES_FIRST_VERSION,
)
from tests.fidelity.seeds import report_chapters

# The tests whose each run is one fact of the seeds in one format.
REPRODUCING = ("test_the_report_reproduces", "test_the_concept_notes_reproduce")


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> tuple[dict[str, str], Path]:
    """The demo loaded once: the environment to build it in, and its folder."""
    folder = tmp_path_factory.mktemp("fidelity")
    return load_demo(folder), folder


@pytest.fixture(scope="session")
def report_chapters_by_format(demo) -> dict[str, dict[int, str]]:
    """The demo report's meeting chapters in each format, as folded text."""
    files = build(*demo, "report", "report")
    dates = [chapter.header.date for chapter in report_chapters()]
    return {kind: chapters_of(folded(document_text(kind, files[kind])), dates) for kind in FORMATS}


@pytest.fixture(scope="session")
def first_concept_note(tmp_path_factory) -> tuple[dict[str, Path], str]:
    """The series concept note as first published: built in every format from
    the series in that state, and the text of that version as the demo keeps it."""
    return build_first_concept_note(tmp_path_factory.mktemp("first-version"))


@pytest.fixture(scope="session")
def concept_notes_by_format(demo, first_concept_note) -> dict[str, dict[str, str]]:
    """Each concept note of the suite in each format, as folded text; the
    series' first version in Markdown is the text the demo keeps of it."""
    files, kept = first_concept_note
    texts = {
        SERIES_FIRST_VERSION.name: {kind: document_text(kind, files[kind]) for kind in FORMATS}
    }
    texts[SERIES_FIRST_VERSION.name]["md"] = kept
    for note, number in ((CONCEPT_NOTE_30_JUNE, 2), (CONCEPT_NOTE_20_JULY, 4)):
        name = f"meeting-{number}-concept-note"
        built = build(*demo, name, "concept-note", "--meeting", str(number))
        texts[note.name] = {kind: document_text(kind, built[kind]) for kind in FORMATS}
    return {
        note: {kind: folded(text) for kind, text in by_kind.items()}
        for note, by_kind in texts.items()
    }


def pytest_terminal_summary(terminalreporter):
    reproduced = total = 0
    for outcome in ("passed", "failed", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            if any(name in nodeid for name in REPRODUCING) and report.when == "call":
                total += 1
                reproduced += outcome == "passed"
    if total:
        terminalreporter.write_line(
            f"fidelity: {reproduced} of {total} facts of the seeds reproduced "
            f"({100 * reproduced / total:.1f} %)"
        )
