"""How the report tells a meeting: a debate as one account, points after their
lead-in, footnotes on the statement they explain, the panels in the summary."""

import pytest

from convener.directory.models import StateGroupKind
from convener.meetings.models import SegmentKind
from convener.publishing.composition.documents import compose
from convener.publishing.document import Footnote, Heading, ItemList, Paragraph, plain
from convener.records.models import Capacity, InterventionKind
from tests.factories import (
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    SegmentFactory,
    SeriesFactory,
    StaffFactory,
    StateFactory,
    StateGroupChairFactory,
    StateGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    return StaffFactory()


def report(slug: str, user):
    return compose(series_slug=slug, document="report", meeting_number=None, user=user)


def section(document, heading: str, occurrence: int = 0) -> list:
    """The blocks under the level-2 heading, up to the next heading of level 1 or 2."""
    starts = [
        index
        for index, block in enumerate(document.blocks)
        if isinstance(block, Heading) and block.level == 2 and block.text == heading
    ]
    blocks = []
    for block in document.blocks[starts[occurrence] + 1 :]:
        if isinstance(block, Heading) and block.level <= 2:
            break
        blocks.append(block)
    return blocks


def lines(blocks: list) -> list[str]:
    """Each paragraph as its text, each list as "1. …" items, in order."""
    written = []
    for block in blocks:
        if isinstance(block, Paragraph):
            written.append(plain(block.runs))
        elif isinstance(block, ItemList):
            written.extend(f"{n}. {plain(item)}" for n, item in enumerate(block.items, 1))
    return written


def speaker_lines(blocks: list) -> list[str]:
    return [
        plain(block.runs)
        for block in blocks
        if isinstance(block, Paragraph) and block.style == "speaker"
    ]


def footnotes_in(blocks: list) -> list[str]:
    runs = [run for block in blocks if isinstance(block, Paragraph) for run in block.runs]
    return [plain(list(run.runs)) for run in runs if isinstance(run, Footnote)]


@pytest.fixture
def meeting():
    return MeetingFactory(series=SeriesFactory(slug="accounts"))


@pytest.fixture
def debate(meeting):
    return SegmentFactory(
        meeting=meeting,
        kind=SegmentKind.INTERACTIVE_DEBATE,
        title="Interactive debate",
        summary="The floor asked how resettlement could grow.",
    )


# A debate: its summary leads, its turns follow as the same account


def test_debate_tells_its_lead_then_each_answer_once_without_speaker_lines(debate, secretariat):
    unhcr = OrganisationFactory(name="Office of the High Commissioner", acronym="UNHCR")
    InterventionFactory(
        segment=debate,
        state=None,
        speaker=None,
        organisation=unhcr,
        capacity=Capacity.ORGANISATION,
        kind=InterventionKind.ANSWER,
        summary="In reply, the UNHCR representative called for more places.",
    )
    InterventionFactory(segment=debate, speaker=None, summary="")  # counted, not told

    blocks = section(report("accounts", secretariat), "Interactive debate")

    assert lines(blocks) == [
        "The floor asked how resettlement could grow.",
        "In reply, the UNHCR representative called for more places.",
    ]
    assert speaker_lines(blocks) == []


def test_debate_turn_on_a_point_of_order_keeps_the_line_that_says_so(debate, secretariat):
    state = StateFactory(names={"en": "Austria"})
    InterventionFactory(
        segment=debate,
        state=state,
        speaker=None,
        kind=InterventionKind.POINT_OF_ORDER,
        summary="Austria asked that the list of speakers be closed.",
    )

    blocks = section(report("accounts", secretariat), "Interactive debate")

    assert speaker_lines(blocks) == ["Austria, on a point of order"]


def test_panel_statement_keeps_the_line_that_introduces_its_speaker(meeting, secretariat):
    panel = SegmentFactory(meeting=meeting, kind=SegmentKind.PANEL, title="Panel 1: Pathways")
    InterventionFactory(segment=panel, state=StateFactory(names={"en": "Ireland"}), speaker=None)

    assert speaker_lines(section(report("accounts", secretariat), "Panel 1: Pathways")) == [
        "Ireland"
    ]


def test_2016_debates_tell_no_answer_twice(demo_series, secretariat):
    document = report("gmg-2016", secretariat)
    first_debate = section(document, "Interactive debate")

    assert speaker_lines(first_debate) == []
    # The floor's questions lead; the five answers follow, each told once.
    assert len(lines(first_debate)) == 6
    assert [line for line in lines(first_debate) if "Nansen" in line] == [
        "On the same question, UNHCR drew attention to the Protection Agenda of the "
        "Nansen Initiative."
    ]
    assert not any(speaker_lines(section(document, "Interactive debate", n)) for n in range(1, 5))


# Numbered points


def test_points_follow_the_paragraph_that_announces_them(meeting, secretariat):
    opening = SegmentFactory(meeting=meeting, kind=SegmentKind.OPENING_REMARKS, title="Opening")
    InterventionFactory(
        segment=opening,
        state=StateFactory(names={"en": "Zambia"}),
        speaker=None,
        summary="Zambia named three pillars:\n\nIt asked for shared responsibility.",
        points=["Legal status.", "Land.", "Host communities."],
    )

    assert lines(section(report("accounts", secretariat), "Opening")) == [
        "Zambia",
        "Zambia named three pillars:",
        "1. Legal status.",
        "2. Land.",
        "3. Host communities.",
        "It asked for shared responsibility.",
    ]


def test_points_without_a_lead_in_follow_the_whole_summary(meeting, secretariat):
    opening = SegmentFactory(meeting=meeting, kind=SegmentKind.OPENING_REMARKS, title="Opening")
    InterventionFactory(
        segment=opening,
        state=StateFactory(names={"en": "Zambia"}),
        speaker=None,
        summary="Zambia spoke first.\n\nIt spoke at length.",
        points=["Land."],
    )

    assert lines(section(report("accounts", secretariat), "Opening"))[-1] == "1. Land."


def test_2016_lists_stay_with_their_lead_in_and_repeat_no_paragraph(demo_series, secretariat):
    document = report("gmg-2016", secretariat)
    blocks = document.blocks
    before_lists = [
        plain(blocks[index - 1].runs)
        for index, block in enumerate(blocks)
        if isinstance(block, ItemList) and block.ordered
    ]

    assert before_lists
    assert all(text.endswith(":") for text in before_lists)
    assert lines(section(document, "Opening remarks"))[3:5] == [
        "Speaking as co-Chair, Amb. van Oosterom named three priorities for the "
        "preparation of the Summit:",
        "1. Tackle the root causes of migration.",
    ]
    # Professor Milner's lessons are told in his paragraph, not listed again.
    milner = section(
        document,
        "Panel 1: Increasing complementary pathways to solutions for persons in need of protection",
    )
    assert not any(isinstance(block, ItemList) for block in milner)


# Footnotes on the statement they explain


def test_2016_footnotes_the_eu_presidency_on_the_statement_not_the_summary(
    demo_series, secretariat
):
    document = report("gmg-2016", secretariat)
    summary, opening = section(document, "Executive summary"), section(document, "Opening remarks")

    assert footnotes_in(summary) == []
    assert footnotes_in(opening) == [
        "The Kingdom of the Netherlands held the Presidency of the Council of the European Union "
        "at the time of the meeting; H.E. Karel van Oosterom spoke in a national capacity.",
        "The Kingdom of Thailand chaired the Group of 77 and China in 2016; H.E. Virachai Plasai "
        "spoke in a national capacity.",
    ]
    told = " ".join(lines(opening))
    assert "Council of the EU" not in told
    assert "Group of 77 in 2016" not in told


def test_group_chair_whose_turn_is_only_counted_keeps_its_footnote_in_the_summary(
    debate, secretariat
):
    thailand = StateFactory(names={"en": "Thailand"})
    StateGroupChairFactory(group=StateGroupFactory(name="Group of 77 and China"), state=thailand)
    InterventionFactory(segment=debate, state=thailand, speaker=None, summary="")

    document = report("accounts", secretariat)

    assert footnotes_in(section(document, "Executive summary")) == [
        "Thailand chaired the Group of 77 and China in 2016 but spoke in a national capacity."
    ]
    assert footnotes_in(section(document, "Interactive debate")) == []


# Panels in the executive summary


def test_2016_summary_names_every_panel_including_one_known_by_its_panellists(
    demo_series, secretariat
):
    summary = lines(section(report("gmg-2016", secretariat), "Executive summary", 3))

    assert summary[1] == (
        "The meeting had three panels: First discussion topic: Labour market options and ideas "
        "for a Global Compact on Migration; Second discussion topic: Human rights protection of "
        "migrants in vulnerable situations and within large and/or mixed movements: protection "
        "gaps and norm-based practical guidance; and Next steps and ways forward: towards the "
        "General Assembly High-Level Meeting on Addressing Large Movements of Refugees and "
        "Migrants."
    )


def test_summary_of_a_meeting_of_one_panel_lists_no_section_name(demo_series, secretariat):
    summary = lines(section(report("gmg-2016", secretariat), "Executive summary", 1))

    assert not any("panel" in line for line in summary)
    assert not any("Speakers" in line for line in summary)


def test_2016_summary_names_the_capacity_every_state_spoke_in(demo_series, secretariat):
    summary = lines(section(report("gmg-2016", secretariat), "Executive summary", 3))

    assert summary[2] == (
        "Three Member States took the floor: the co-Chairs of the meeting, Bangladesh (as Chair "
        "of the Global Forum on Migration and Development in 2016) and Switzerland (as the State "
        "supporting the work of OHCHR and PICUM on the human rights of migrants), as well as "
        "Ireland (as co-facilitator of the high-level plenary meeting on addressing large "
        "movements of refugees and migrants)."
    )


def test_states_of_a_classification_speaking_together_are_a_group_of_them(debate, secretariat):
    sids = StateGroupFactory(
        name="Small Island Developing States", kind=StateGroupKind.CLASSIFICATION
    )
    InterventionFactory(segment=debate, state=StateFactory(names={"en": "Brazil"}), speaker=None)
    InterventionFactory(
        segment=debate, state=None, speaker=None, state_group=sids, capacity=Capacity.GROUP
    )

    summary = lines(section(report("accounts", secretariat), "Executive summary"))

    assert summary[-1] == (
        "One Member State took the floor: Brazil and a group of Small Island Developing States."
    )
