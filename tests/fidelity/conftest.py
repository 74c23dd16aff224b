import pytest

from tests.fidelity.checks import chapters_of
from tests.fidelity.documents import FORMATS, build_demo_documents, document_text, folded
from tests.fidelity.seeds import report_chapters


@pytest.fixture(scope="session")
def report_chapters_by_format(tmp_path_factory) -> dict[str, dict[int, str]]:
    """The demo report's meeting chapters in each format, as folded text."""
    files = build_demo_documents(tmp_path_factory.mktemp("fidelity"))
    dates = [chapter.header.date for chapter in report_chapters()]
    return {kind: chapters_of(folded(document_text(kind, files[kind])), dates) for kind in FORMATS}


def pytest_terminal_summary(terminalreporter):
    reproduced = total = 0
    for outcome in ("passed", "failed", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            if (
                "test_the_report_reproduces" in getattr(report, "nodeid", "")
                and report.when == "call"
            ):
                total += 1
                reproduced += outcome == "passed"
    if total:
        terminalreporter.write_line(
            f"fidelity: {reproduced} of {total} facts of the seeds reproduced "
            f"({100 * reproduced / total:.1f} %)"
        )
