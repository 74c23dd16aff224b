"""The report's annex "Commitments and recommendations"."""

import datetime
import io

import docx
import pytest

from convener.audit.actors import command_line_operator
from convener.commitments.domain.marking import mark_unit
from convener.commitments.domain.tracking import set_commitment_status
from convener.publishing.composition.documents import compose
from convener.publishing.document import Heading, ItemList, plain
from convener.publishing.exporters.docx import DocxExporter
from convener.publishing.exporters.markdown import document_as_markdown
from tests.factories import InterventionFactory, MeetingFactory, StaffFactory

pytestmark = pytest.mark.django_db

ANNEX = "Commitments and recommendations"


def report(series):
    return compose(
        series_slug=series.slug, document="report", meeting_number=None, user=StaffFactory()
    )


def annex(document) -> list:
    start = next(
        index
        for index, block in enumerate(document.blocks)
        if isinstance(block, Heading) and block.level == 1 and block.text == ANNEX
    )
    return document.blocks[start + 1 :]


def items(blocks) -> list[str]:
    return [plain(item) for block in blocks if isinstance(block, ItemList) for item in block.items]


def headings(document) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Heading)]


def mark(statement, position, kind, **fields):
    return mark_unit(
        intervention=statement,
        source="point",
        position=position,
        kind=kind,
        by=command_line_operator(),
        **fields,
    )


def test_annex_lists_commitments_with_their_status_and_recommendations():
    statement = InterventionFactory(
        points=["We will resettle 500 refugees.", "States should share responsibility."]
    )
    series = statement.segment.meeting.series
    commitment = mark(
        statement,
        0,
        "commitment",
        what="Resettle 500 refugees",
        due_date=datetime.date(2018, 12, 31),
    )
    mark(statement, 1, "recommendation")
    set_commitment_status(
        mark=commitment, status="delivered", note="All arrived.", by=command_line_operator()
    )

    blocks = annex(report(series))

    author = str(statement.state)
    number = statement.segment.meeting.number
    assert [b.text for b in blocks if isinstance(b, Heading)] == ["Commitments", "Recommendations"]
    assert items(blocks)[0].startswith(
        f"{author} (meeting {number}): Resettle 500 refugees. Due by "
    )
    assert "Status: delivered." in items(blocks)[0]
    assert "All arrived." in items(blocks)[0]
    assert items(blocks)[1] == f"{author} (meeting {number}): States should share responsibility."


def test_no_annex_without_a_confirmed_item():
    statement = InterventionFactory(points=["We will act."])
    mark(statement, 0, "neither")

    assert ANNEX not in headings(report(statement.segment.meeting.series))


def test_annex_leaves_out_a_record_not_released():
    statement = InterventionFactory(points=["We will act."])
    series = statement.segment.meeting.series
    hidden = InterventionFactory(
        points=["We will hide."],
        segment__meeting=MeetingFactory(series=series, record_released_at=None),
    )
    mark(statement, 0, "commitment")
    mark(hidden, 0, "commitment")

    number = statement.segment.meeting.number
    assert items(annex(report(series))) == [
        f"{statement.state} (meeting {number}): We will act. Status: announced."
    ]


def test_annex_is_written_in_the_markdown_and_word_files():
    statement = InterventionFactory(points=["We will open 500 places."])
    mark(statement, 0, "commitment", what="Open 500 places")
    document = report(statement.segment.meeting.series)

    markdown = document_as_markdown(document)
    word = docx.Document(io.BytesIO(DocxExporter().write(document)))

    assert f'## <a id="commitments-and-recommendations"></a>{ANNEX}\n' in markdown
    assert "Open 500 places." in markdown
    assert any("Open 500 places." in paragraph.text for paragraph in word.paragraphs)
