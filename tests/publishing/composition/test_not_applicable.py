"""Documents say "TBC" for what is to be confirmed and nothing for what a meeting has none of;
a meeting names the larger event it is part of; a series of one meeting has no concept note
of its own unless it has text for one."""

import pytest
from django.contrib.auth.models import AnonymousUser

from convener.meetings.models import MeetingStatus, SectionKind
from convener.publishing.composition.documents import DocumentUnavailableError, compose
from convener.publishing.document import Facts, Paragraph, plain
from convener.publishing.exporters.markdown import document_as_markdown
from tests.factories import (
    CoChairFactory,
    ConceptNoteSectionFactory,
    MeetingFactory,
    PersonFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


def write(document, meeting, *, number=None):
    return compose(
        series_slug=meeting.series.slug,
        document=document,
        meeting_number=number,
        user=AnonymousUser(),
    )


def details(document) -> dict[str, str]:
    [facts] = [block for block in document.blocks if isinstance(block, Facts)][:1]
    return {label: plain(value) for label, value in facts.rows}


def no_co_chairs_by_design(**fields):
    return MeetingFactory(
        room="",
        has_no_room=True,
        has_no_co_organisers=True,
        has_no_co_chairs=True,
        **fields,
    )


def test_programme_says_tbc_for_co_organisers_and_co_chairs_not_yet_known():
    meeting = MeetingFactory(room="")

    facts = details(write("programme", meeting, number=meeting.number))

    assert facts["Co-organisers"] == "TBC"
    assert facts["Co-chairs"] == "TBC"
    assert facts["Venue"] == "TBC, United Nations Headquarters, New York"


def test_programme_has_no_line_for_what_the_meeting_has_none_of():
    meeting = no_co_chairs_by_design()

    programme = write("programme", meeting, number=meeting.number)

    assert list(details(programme)) == ["Date", "Time", "Venue", "Format"]
    assert details(programme)["Venue"] == "United Nations Headquarters, New York"
    text = document_as_markdown(programme)
    assert "TBC" not in text
    assert "Co-chair" not in text
    assert "organisers" not in text


def test_meeting_concept_note_has_no_line_for_what_the_meeting_has_none_of():
    meeting = no_co_chairs_by_design()

    text = document_as_markdown(write("concept-note", meeting, number=meeting.number))

    assert "TBC" not in text
    assert "Co-chairs" not in text
    assert "Co-organisers" not in text


def test_series_concept_note_topics_leave_out_what_a_meeting_has_none_of():
    first = no_co_chairs_by_design()
    MeetingFactory(series=first.series, room="")
    ConceptNoteSectionFactory(series=first.series, kind=SectionKind.TOPICS, heading="Topics")

    lines = document_as_markdown(write("concept-note", first)).splitlines()

    first_topic = next(i for i, line in enumerate(lines) if first.title in line)
    second_topic = next(i for i, line in enumerate(lines) if "TBC" in line and "—" in line)
    assert "Organisers" not in " ".join(lines[first_topic : first_topic + 3])
    assert "*Organisers:* TBC. *Co-chairs:* TBC." in " ".join(lines[second_topic:])


def test_report_acknowledgements_announce_no_co_chairs_when_the_meetings_had_none():
    meeting = no_co_chairs_by_design(status=MeetingStatus.REPORTED)

    report = write("report", meeting)

    acknowledgements = [plain(b.runs) for b in report.blocks if isinstance(b, Paragraph)]
    assert "The secretariat thanks the Member States that took part in the meetings." in (
        acknowledgements
    )
    assert not any(text.endswith(":") for text in acknowledgements)
    assert "co-Chairs of the meetings" not in document_as_markdown(report)


def test_report_acknowledgements_list_the_co_chairs_when_there_are_some():
    meeting = MeetingFactory(status=MeetingStatus.REPORTED)
    CoChairFactory(meeting=meeting, person=PersonFactory(given_name="Ana", family_name="Ruiz"))

    text = document_as_markdown(write("report", meeting))

    assert "and the co-Chairs of the meetings:\n\n- Dr. Ana Ruiz, Director" in text


def test_meeting_documents_name_the_event_the_meeting_is_part_of():
    meeting = MeetingFactory(
        part_of="Global Conference on Migration", part_of_link="https://example.org/conference"
    )

    concept_note = write("concept-note", meeting, number=meeting.number)

    assert plain(concept_note.cover[0].runs) == "A session of Global Conference on Migration"
    assert details(concept_note)["Part of"] == "Global Conference on Migration"
    assert (
        "[Global Conference on Migration](https://example.org/conference)"
        in document_as_markdown(concept_note)
    )


def test_meeting_on_its_own_names_no_larger_event():
    meeting = MeetingFactory()

    programme = write("programme", meeting, number=meeting.number)

    assert "Part of" not in details(programme)
    assert "A session of" not in document_as_markdown(programme)


def test_series_of_one_meeting_without_concept_note_text_has_no_series_concept_note():
    meeting = MeetingFactory(series=SeriesFactory())

    with pytest.raises(DocumentUnavailableError, match="no concept note of its own"):
        write("concept-note", meeting)
    assert write("concept-note", meeting, number=meeting.number).title == meeting.title


def test_series_of_one_meeting_with_concept_note_text_keeps_its_concept_note():
    meeting = MeetingFactory()
    ConceptNoteSectionFactory(series=meeting.series, heading="Background", body="Why we meet.")

    assert "Why we meet." in document_as_markdown(write("concept-note", meeting))


def test_series_of_several_meetings_without_text_lists_its_meetings():
    first = MeetingFactory()
    second = MeetingFactory(series=first.series)

    text = document_as_markdown(write("concept-note", first))

    assert "Meetings" in text
    assert first.title in text
    assert second.title in text


def test_series_concept_note_counts_only_the_meetings_the_reader_may_read():
    first = MeetingFactory()
    MeetingFactory(series=first.series, status=MeetingStatus.DRAFT)

    with pytest.raises(DocumentUnavailableError):
        compose(
            series_slug=first.series.slug,
            document="concept-note",
            meeting_number=None,
            user=AnonymousUser(),
        )


def test_series_concept_note_says_tbc_once_when_time_and_room_are_both_unknown():
    meeting = MeetingFactory(room="", start_time=None, end_time=None)
    ConceptNoteSectionFactory(series=meeting.series, kind=SectionKind.TOPICS, heading="Topics")

    text = document_as_markdown(write("concept-note", meeting))

    assert "TBC, TBC" not in text
    assert "25\u00a0April 2016, TBC, United Nations Headquarters, New York — " in text


def test_programme_cover_says_tbc_once_when_date_and_time_are_both_unknown():
    meeting = MeetingFactory(date=None, start_time=None, end_time=None, room="")

    programme = write("programme", meeting, number=meeting.number)

    cover = [plain(block.runs) for block in programme.cover if isinstance(block, Paragraph)]
    assert "TBC | TBC, United Nations Headquarters, New York" in cover
