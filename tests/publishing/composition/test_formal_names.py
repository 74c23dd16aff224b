"""A co-chair's State named formally where the secretariat chose it: the demo's
first meeting, as the seeds name the Kingdom of the Netherlands and the
Kingdom of Thailand; the other co-chairs by their short names."""

import pytest

from convener.publishing.composition.documents import compose
from convener.publishing.document import Facts, Paragraph, plain
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def write(document, meeting=None):
    return compose(
        series_slug="gmg-2016", document=document, meeting_number=meeting, user=StaffFactory()
    )


def co_chairs_rows(document) -> list[str]:
    return [
        plain(value)
        for block in document.blocks
        if isinstance(block, Facts)
        for label, value in block.rows
        if label == "Co-chairs"
    ]


def paragraphs(document) -> list[str]:
    return [plain(block.runs) for block in document.blocks if isinstance(block, Paragraph)]


def test_header_blocks_name_the_co_chairs_as_the_secretariat_chose(demo_series):
    assert co_chairs_rows(write("report"))[:2] == [
        "Kingdom of the Netherlands and Kingdom of Thailand",
        "Mexico and Italy",
    ]


def test_the_floor_sentence_names_a_formal_co_chair_formally(demo_series):
    sentence = next(text for text in paragraphs(write("report")) if "took the floor" in text)

    assert sentence.startswith(
        "Seven Member States took the floor: the Kingdom of the Netherlands and the "
        "Kingdom of Thailand (as co-Chairs of the meeting), as well as Austria"
    )


def test_the_chair_footnote_names_a_formal_co_chair_formally(demo_series):
    notes = [plain(list(note.runs)) for note in write("report").footnotes()]

    assert any(note.startswith("The Kingdom of Thailand chaired the Group of 77") for note in notes)


def test_series_concept_note_topic_names_the_co_chairs_formally(demo_series):
    assert any(
        text.endswith("Co-chairs: Kingdom of the Netherlands and Kingdom of Thailand.")
        for text in paragraphs(write("concept-note"))
    )


def test_participant_list_says_co_chair_for_the_state_named_formally(demo_series):
    listed = " ".join(
        plain(item)
        for block in write("participants", meeting=1).blocks
        for item in getattr(block, "items", [])
    )

    assert "Co-chair for the Kingdom of the Netherlands" in listed
