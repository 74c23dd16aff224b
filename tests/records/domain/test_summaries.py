import pytest

from convener.prose.editing import EditConflictError, text_digest
from convener.records.domain.summaries import update_segment_summary
from tests.factories import SegmentFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_update_segment_summary_saves_the_text():
    segment = SegmentFactory(summary="")

    update_segment_summary(
        segment=segment,
        summary="The panel agreed.",
        by=StaffFactory(),
        started_from=text_digest(""),
    )

    segment.refresh_from_db()
    assert segment.summary == "The panel agreed."


def test_update_segment_summary_refuses_a_text_changed_since_the_editor_read_it():
    segment = SegmentFactory(summary="Written by the rapporteur.")

    with pytest.raises(EditConflictError) as raised:
        update_segment_summary(
            segment=segment, summary="Mine.", by=StaffFactory(), started_from=text_digest("")
        )

    assert raised.value.stored == "Written by the rapporteur."
    segment.refresh_from_db()
    assert segment.summary == "Written by the rapporteur."
