"""Who leads a meeting or a segment, when each segment takes place and how long
each speaker may speak, as the concept note, the programme and the report give them."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from convener.meetings.models import PresidingRole, ProgrammeRole
from convener.publishing.composition.documents import compose
from convener.publishing.document import Heading, ItemList, Paragraph, plain
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory, SegmentFactory

pytestmark = pytest.mark.django_db


def lines(meeting, document):
    """Every heading, paragraph and list item of the meeting's document (of the
    series' report), as plain text."""
    composed = compose(
        series_slug=meeting.series.slug,
        document=document,
        meeting_number=None if document == "report" else meeting.number,
        user=AnonymousUser(),
    )
    found = []
    for block in composed.blocks:
        if isinstance(block, Heading):
            found.append(f"# {block.text}")
        elif isinstance(block, Paragraph):
            found.append(plain(block.runs))
        elif isinstance(block, ItemList):
            found.extend(plain(item) for item in block.items)
    return found


def person(family_name):
    return PersonFactory(
        honorific="Ms.", given_name="Ana", family_name=family_name, position="", organisation=None
    )


@pytest.fixture
def expert_meeting():
    """A morning of two sessions, each with a chair and speakers of 8 minutes."""
    meeting = MeetingFactory(
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
        moderator=person("Okafor"),
        moderator_role=PresidingRole.CHAIR,
    )
    first = SegmentFactory(meeting=meeting, title="Session 1: Data", duration=75, order=1)
    second = SegmentFactory(meeting=meeting, title="Session 2: Practice", duration=60, order=2)
    ParticipationFactory(segment=first, person=person("Chair"), role=ProgrammeRole.CHAIR, order=1)
    ParticipationFactory(segment=first, person=person("Ruiz"), speaking_time=8, order=2)
    ParticipationFactory(
        segment=second, person=person("Facil"), role=ProgrammeRole.FACILITATOR, order=1
    )
    ParticipationFactory(segment=second, person=person("Tanaka"), speaking_time=1, order=2)
    return meeting


@pytest.mark.parametrize("document", ["programme", "concept-note"])
def test_document_names_who_leads_the_whole_meeting_by_their_role(expert_meeting, document):
    found = lines(expert_meeting, document)

    assert found[found.index("# Chair") + 1] == "Ms. Ana Okafor"
    assert "# Moderator" not in found


@pytest.mark.parametrize("document", ["programme", "concept-note"])
def test_document_gives_each_segment_its_time_from_the_meeting_start(expert_meeting, document):
    found = lines(expert_meeting, document)

    assert found[found.index("# Session 1: Data") + 1] == "09:30–10:45"
    assert found[found.index("# Session 2: Practice") + 1] == "10:45–11:45"


@pytest.mark.parametrize("document", ["programme", "concept-note"])
def test_document_names_segment_chairs_and_facilitators_before_the_person(expert_meeting, document):
    found = lines(expert_meeting, document)

    assert "Chair: Ms. Ana Chair" in found
    assert "Facilitator: Ms. Ana Facil" in found


@pytest.mark.parametrize("document", ["programme", "concept-note"])
def test_document_gives_each_speaker_their_limit(expert_meeting, document):
    found = lines(expert_meeting, document)

    assert "Ms. Ana Ruiz (at most 8 minutes)" in found
    assert "Ms. Ana Tanaka (at most 1 minute)" in found


def test_programme_gives_a_segment_its_length_while_the_meeting_time_is_to_be_confirmed():
    meeting = MeetingFactory(start_time=None, end_time=None)
    SegmentFactory(meeting=meeting, title="Opening", duration=20)

    found = lines(meeting, "programme")

    assert found[found.index("# Opening") + 1] == "20 minutes"


def test_programme_gives_no_time_to_a_segment_without_one():
    meeting = MeetingFactory(start_time=None, end_time=None)
    SegmentFactory(meeting=meeting, title="Opening", duration=None)
    SegmentFactory(meeting=meeting, title="Closing", duration=None)

    found = lines(meeting, "programme")

    assert found[found.index("# Opening") + 1] == "# Closing"


def test_list_of_participants_names_the_meeting_facilitator_as_such(expert_meeting):
    expert_meeting.moderator_role = PresidingRole.FACILITATOR
    expert_meeting.save()

    found = lines(expert_meeting, "participants")

    assert "Ms. Ana Okafor — Facilitator" in found


def test_report_names_the_chair_of_a_segment(expert_meeting):
    found = lines(expert_meeting, "report")

    assert "Chair: Ms. Ana Chair" in found
    assert "Facilitator: Ms. Ana Facil" in found
