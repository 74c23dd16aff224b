"""Documents written from the records: what each contains, in what order."""

import pytest
from django.contrib.auth.models import AnonymousUser

from convener.meetings.models import Meeting, MeetingStatus
from convener.publishing.composition.documents import DocumentUnavailableError, compose
from convener.publishing.document import Facts, Heading, ItemList, Paragraph, plain
from convener.publishing.models import ReportText
from convener.records.models import Intervention, InterventionKind
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    return StaffFactory()


def write(document, *, user, meeting=None, slug="gmg-2016"):
    return compose(series_slug=slug, document=document, meeting_number=meeting, user=user)


def headings(document, level=1):
    return [
        block.text
        for block in document.blocks
        if isinstance(block, Heading) and block.level == level
    ]


def texts(document):
    """Every paragraph and list item, as plain text, in order."""
    lines = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            lines.append(plain(block.runs))
        elif isinstance(block, ItemList):
            lines.extend(plain(item) for item in block.items)
        elif isinstance(block, Heading):
            lines.append(f"# {block.text}")
    return lines


def test_report_has_its_parts_and_one_chapter_per_meeting_in_date_order(demo_series, secretariat):
    report = write("report", user=secretariat)

    assert headings(report) == [
        "Acknowledgements",
        "Introduction",
        "First meeting: Understanding large movements of refugees and migrants",
        "Second meeting: Protecting the human rights of all people in vulnerable situations "
        "within large movements",
        "Third meeting: Strengthening responsibility sharing for refugees",
        headings(report)[5],
        "Appendix 1: About the GMG",
        "Appendix 2: Members of the GMG",
    ]
    assert headings(report)[5].startswith("Fourth meeting: ")


def test_report_chapter_opens_with_the_meeting_header_block(demo_series, secretariat):
    report = write("report", user=secretariat)
    third = report.blocks.index(
        next(b for b in report.blocks if isinstance(b, Heading) and b.text.startswith("Third"))
    )

    facts = report.blocks[third + 1]

    assert isinstance(facts, Facts)
    assert [(label, plain(value)) for label, value in facts.rows] == [
        ("Date", "13 July 2016"),
        ("Time", "10:00–13:00"),
        ("Place", "Conference Room 6, United Nations Headquarters, New York"),
        ("Co-organisers", "UNDP and UNHCR"),
        ("Co-chairs", "Zambia and Portugal"),
    ]


def test_report_acknowledges_every_co_chair_and_the_rapporteur(demo_series, secretariat):
    lines = texts(write("report", user=secretariat))
    acknowledgements = lines[lines.index("# Acknowledgements") : lines.index("# Introduction")]

    assert sum(line.startswith("H.E.") for line in acknowledgements) == 8
    assert "Mr. Pierre Bertrand was rapporteur of the meetings and drafted this report." in lines


def test_report_thanks_no_co_chair_of_a_cancelled_meeting(demo_series, secretariat):
    demo_series.meetings.filter(number=4).update(status="cancelled")

    lines = texts(write("report", user=secretariat))
    acknowledgements = lines[lines.index("# Acknowledgements") : lines.index("# Introduction")]

    assert sum(line.startswith("H.E.") for line in acknowledgements) == 6


def test_report_uses_the_rapporteurs_acknowledgements_when_edited(demo_series, secretariat):
    ReportText.objects.create(
        series=demo_series, kind="acknowledgements", body="With thanks to all."
    )

    lines = texts(write("report", user=secretariat))

    assert lines[lines.index("# Acknowledgements") + 1] == "With thanks to all."
    assert (
        "Mr. Pierre Bertrand was rapporteur of the meetings and drafted this report." not in lines
    )


def test_report_introduces_a_speaker_once_then_by_short_form(demo_series, secretariat):
    lines = texts(write("report", user=secretariat))
    kelley = [line for line in lines if line.startswith(("Ms. Ninette Kelley", "Ms. Kelley"))]

    assert kelley[0].startswith("Ms. Ninette Kelley, Director")
    assert "Ms. Kelley" in kelley[1:]


def test_report_names_the_states_that_took_the_floor_in_each_summary(demo_series, secretariat):
    lines = texts(write("report", user=secretariat))

    sentences = [line for line in lines if "took the floor" in line]

    assert [sentence.split(":")[0] for sentence in sentences] == [
        "Seven Member States took the floor",
        "Three Member States took the floor",
        "Six Member States took the floor",
        "Three Member States took the floor",
    ]


def test_meeting_concept_note_lists_the_participants_in_programme_order(demo_series, secretariat):
    note = write("concept-note", meeting=4, user=secretariat)
    lines = texts(note)
    programme = lines[lines.index("# Participants") + 1 :]

    assert [line for line in programme if line.startswith("# ")] == [
        "# Moderator",
        "# Opening remarks",
        "# " + headings(note, 2)[2],
        "# " + headings(note, 2)[3],
        "# " + headings(note, 2)[4],
        "# " + headings(note, 2)[5],
        "# " + headings(note, 2)[6],
    ]
    assert programme[1].startswith("Mr. Craig Mokhiber")
    # Each segment's heading is followed by its time, then its participants.
    assert programme[3] == "13:00–13:10"
    assert programme[4].startswith("Ms. Lakshmi Puri")
    names = [line.split(",")[0] for line in programme if not line[:1].isdigit()]
    names = [name for name in names if not name.startswith("# ")]
    assert names[2:11] == [
        "Mr. Guy Ryder",
        "Ms. Laura Thompson",
        "Ms. Kate Gilmore",
        "Ms. Michele LeVoy",
        "H.E. David Donoghue",
        "Mr. Peter Sutherland",
        "Mr. William Gois",
        "H.E. Mr. Md. Shahidul Haque",
        "H.E. Jürg Lauber",
    ]


def test_series_concept_note_lists_each_meeting_under_topics(demo_series, secretariat):
    lines = texts(write("concept-note", user=secretariat))
    topics = lines[lines.index("# Topics") :]

    assert any(line.startswith("13 July 2016, 10:00–13:00, Conference Room 6") for line in topics)
    # UNHCR was spelled out at the first meeting, UNDP is at the third.
    assert (
        "Organisers: United Nations Development Programme (UNDP) and UNHCR. "
        "Co-chairs: Zambia and Portugal."
    ) in topics


def test_series_concept_note_lists_no_panel_for_a_meeting_of_one_speakers_section(
    demo_series, secretariat
):
    lines = texts(write("concept-note", user=secretariat))
    second = lines.index(next(line for line in lines if line.startswith("30 June 2016")))

    assert lines[second + 1].startswith("Organisers: ")
    assert "Speakers" not in lines


def test_series_concept_note_says_tbc_for_what_is_not_known(demo_series, secretariat):
    Meeting.objects.filter(series=demo_series, number=4).update(date=None, room="")
    demo_series.meetings.get(number=4).co_chairs.all().delete()

    lines = texts(write("concept-note", user=secretariat))

    assert any(line.startswith("TBC, 13:00–15:00, TBC, ") for line in lines)
    assert (
        "Organisers: OHCHR, International Labour Organization (ILO), IOM and "
        "Platform for International Cooperation on Undocumented Migrants (PICUM). Co-chairs: TBC."
    ) in lines


def test_meeting_concept_note_opens_with_the_introduction_the_secretariat_wrote(
    demo_series, secretariat
):
    note = write("concept-note", meeting=2, user=secretariat)
    introduction = texts(note)[1 : texts(note).index("# Background")]

    assert headings(note)[:3] == ["Introduction", "Background", "Scope of the meeting"]
    assert "A/70/L.34" in " ".join(introduction)


def test_meeting_concept_note_has_one_event_details_block_then_its_format(demo_series, secretariat):
    note = write("concept-note", meeting=4, user=secretariat)
    [details] = [block for block in note.blocks if isinstance(block, Facts)]
    rows = {label: plain(value) for label, value in details.rows}
    after = note.blocks[note.blocks.index(details) + 1]

    assert texts(note).count("# Event details") == 1
    assert rows["Date"] == "Wednesday 20 July 2016"
    assert rows["Venue"].startswith("PDR 1-3, Delegates Dining Room, 4th floor, ")
    assert rows["Format"] == "Formal sit-down lunch"
    assert plain(after.runs).startswith("A formal seated lunch rather than a classic panel")
    assert not any("seated lunch" in plain(line.runs) for line in note.cover)


def test_meeting_concept_note_keeps_its_note_on_the_principles_a_footnote(demo_series, secretariat):
    note = write("concept-note", meeting=4, user=secretariat)
    [footnote] = [plain(list(footnote.runs)) for footnote in note.footnotes()]

    assert "paragraphs 91 and 118" in footnote
    assert "thirty-fourth session" in footnote
    assert not any("91 and 118" in line for line in texts(note))


@pytest.mark.parametrize(
    ("document", "meeting"),
    [("concept-note", None), ("concept-note", 4), ("programme", 4), ("programme", None)],
)
def test_concept_notes_and_programmes_open_with_a_title_block_not_a_cover_page(
    demo_series, secretariat, document, meeting
):
    assert write(document, meeting=meeting, user=secretariat).cover_page is False


def test_the_report_keeps_its_cover_page(demo_series, secretariat):
    assert write("report", user=secretariat).cover_page is True


FAMILY_NAMES_13_JULY = [
    "Abdulla",
    "Bruce",
    "Greene",
    "Kasese-Bota",
    "Kelley",
    "Madiwale",
    "Martinez Soliman",
    "Milner",
    "Nakamitsu",
    "Pucarinho",
    "Topping",
]


def test_participant_list_is_alphabetical_with_roles(demo_series, secretariat):
    participants = write("participants", meeting=3, user=secretariat)
    people = [plain(item) for item in participants.blocks[0].items]

    family_names = [
        next(f for f in FAMILY_NAMES_13_JULY if line.split(",")[0].endswith(f)) for line in people
    ]
    assert family_names == sorted(FAMILY_NAMES_13_JULY)
    assert any(line.startswith("Ms. Ninette Kelley") and "Panellist" in line for line in people)


def test_participant_list_files_van_oosterom_under_o(demo_series, secretariat):
    participants = write("participants", meeting=1, user=secretariat)
    people = [plain(item) for item in participants.blocks[0].items]

    def place(name):
        return next(index for index, line in enumerate(people) if name in line)

    assert place("Klein-Solomon") < place("van Oosterom") < place("Plasai")
    assert place("Tigre de Vasconcelos") < place("de Victor")


def test_public_documents_leave_out_draft_meetings(demo_series):
    Meeting.objects.filter(series=demo_series, number=4).update(status=MeetingStatus.DRAFT)

    report = write("report", user=AnonymousUser())

    assert not any(heading.startswith("Fourth meeting") for heading in headings(report))


def test_report_of_one_meeting_is_refused(demo_series, secretariat):
    with pytest.raises(DocumentUnavailableError, match="whole series"):
        write("report", meeting=1, user=secretariat)


def test_unknown_meeting_is_refused(demo_series, secretariat):
    with pytest.raises(DocumentUnavailableError, match="no meeting 9"):
        write("programme", meeting=9, user=secretariat)


def test_report_says_a_point_of_order_and_a_right_of_reply_for_what_they_were(
    demo_series, secretariat
):
    """The floor records both kinds apart from statements (docs/live.md)."""
    said = Intervention.objects.filter(
        segment__meeting__series=demo_series, state__isnull=False
    ).exclude(summary="")
    reply, point = said.order_by("pk")[:2]
    Intervention.objects.filter(pk=reply.pk).update(kind=InterventionKind.RIGHT_OF_REPLY)
    Intervention.objects.filter(pk=point.pk).update(kind=InterventionKind.POINT_OF_ORDER)

    lines = texts(write("report", user=secretariat))

    replies = [line for line in lines if line.endswith(", in exercise of the right of reply")]
    points = [line for line in lines if line.endswith(", on a point of order")]
    assert len(replies) == len(points) == 1
    assert reply.state.name in replies[0]
    assert point.state.name in points[0]
