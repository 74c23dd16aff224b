"""How the demo's documents name people and organisations, as a UN editor checks them:
each person in full once per chapter, titles held at a meeting, acronyms spelled out."""

import re

import pytest

from convener.directory.models import ConveningGroup, Organisation
from convener.meetings.models import Participation
from convener.publishing.composition.documents import compose
from convener.publishing.document import Facts, Heading, ItemList, Paragraph, plain
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

GMG_CHAIR = "Chair of the Global Migration Group"
CO_FACILITATOR = (
    "co-facilitator of the high-level plenary meeting of the General Assembly on addressing "
    "large movements of refugees and migrants"
)


@pytest.fixture
def secretariat():
    return StaffFactory()


def write(document, *, user, meeting=None):
    return compose(series_slug="gmg-2016", document=document, meeting_number=meeting, user=user)


def chapters(report) -> list[list[str]]:
    """The lines of each chapter (a level-1 heading and what follows it)."""
    parts: list[list[str]] = []
    for block in report.blocks:
        if isinstance(block, Heading) and block.level == 1:
            parts.append([])
        elif parts and isinstance(block, Paragraph):
            parts[-1].append(plain(block.runs))
        elif parts and isinstance(block, ItemList):
            parts[-1].extend(plain(item) for item in block.items)
    return parts


def text_lines(document) -> list[str]:
    """Every paragraph, list item and fact, as plain text; headings aside."""
    found: list[str] = []
    for block in document.blocks:
        if isinstance(block, Facts):
            found.extend(f"{label}: {plain(value)}" for label, value in block.rows)
        elif isinstance(block, Paragraph):
            found.append(plain(block.runs))
        elif isinstance(block, ItemList):
            found.extend(plain(item) for item in block.items)
    return found


def running_text(document) -> str:
    """The cover, the imprint and every line, as one text; first the title
    where the document composes it in words (the report's), not where it is
    the name the secretariat gave (a short title)."""
    front = [*document.cover, *document.imprint]
    cover = [plain(block.runs) for block in front if isinstance(block, Paragraph)]
    return " ".join([*document.title_lines, *cover, *text_lines(document)])


def test_report_introduces_a_person_in_full_again_in_each_chapter(demo_series, secretariat):
    parts = chapters(write("report", user=secretariat))
    first, third, fourth = parts[2], parts[4], parts[5]

    def first_mention(chapter, names):
        return next(line for line in chapter if line.startswith(names))

    kelley = ("Ms. Ninette Kelley", "Ms. Kelley")
    puri = ("Ms. Lakshmi Puri", "Ms. Puri")
    assert first_mention(first, kelley).startswith("Ms. Ninette Kelley, Director")
    assert first_mention(third, kelley).startswith("Ms. Ninette Kelley, Director")
    assert "Ms. Kelley" in third
    assert first_mention(first, puri).startswith("Ms. Lakshmi Puri, Assistant Secretary-General")
    assert first_mention(fourth, puri).startswith("Ms. Lakshmi Puri, Assistant Secretary-General")


@pytest.mark.parametrize(
    ("family_name", "introduced"),
    [
        ("Shumba", "Mr. Owen Shumba, Team Leader"),
        ("Hersh", "Ms. Marcy Hersh, Senior Advocacy Officer"),
        ("Brandolino", "Mr. John Brandolino, Director"),
    ],
)
def test_report_gives_the_title_of_address_the_seeds_imply_by_he_or_she(
    demo_series, secretariat, family_name, introduced
):
    report = write("report", user=secretariat)
    speaker_lines = [
        plain(block.runs)
        for block in report.blocks
        if isinstance(block, Paragraph) and block.style == "speaker"
    ]

    assert any(line.startswith(introduced) for line in speaker_lines)
    # Later mentions use the short form, never the full name again.
    full_name = introduced.split(",")[0].removeprefix("Mr. ").removeprefix("Ms. ")
    assert running_text(report).count(full_name) == 1


def test_meeting_concept_note_gives_the_capacities_held_at_the_meeting(demo_series, secretariat):
    found = text_lines(write("concept-note", meeting=4, user=secretariat))

    puri = next(line for line in found if line.startswith("Ms. Lakshmi Puri"))
    donoghue = next(line for line in found if line.startswith("H.E. David Donoghue"))
    assert puri.endswith(f"Empowerment of Women (UN Women) and {GMG_CHAIR}")
    assert donoghue.startswith(
        "H.E. David Donoghue, Permanent Representative of Ireland to the United Nations "
        f"and {CO_FACILITATOR}"
    )


def test_programme_gives_the_capacity_only_at_the_meeting_it_was_held(demo_series, secretariat):
    Participation.objects.filter(segment__meeting__number=1, person__key="lakshmi-puri").update(
        capacity=""
    )
    programme = write("programme", user=secretariat)
    puri = [line for line in text_lines(programme) if line.startswith("Ms. Lakshmi Puri")]

    assert len(puri) == 2
    assert GMG_CHAIR not in puri[0]
    assert puri[1].endswith(GMG_CHAIR)


def test_participant_list_gives_the_capacity_held_at_the_meeting(demo_series, secretariat):
    items = text_lines(write("participants", meeting=4, user=secretariat))

    donoghue = next(line for line in items if line.startswith("H.E. David Donoghue"))
    assert donoghue == (
        "H.E. David Donoghue, Permanent Representative of Ireland to the United Nations "
        f"and {CO_FACILITATOR} — Panellist (Next steps and ways forward: towards the General "
        "Assembly High-Level Meeting on Addressing Large Movements of Refugees and Migrants)"
    )


def test_programme_leaves_out_the_office_a_position_names_by_its_heads_title(
    demo_series, secretariat
):
    found = text_lines(write("concept-note", meeting=4, user=secretariat))

    sutherland = next(line for line in found if line.startswith("Mr. Peter Sutherland"))
    assert sutherland == (
        "Mr. Peter Sutherland, Special Representative of the Secretary-General on "
        "International Migration and Development (at most 10 minutes)"
    )


DOCUMENTS = [
    ("report", None),
    ("concept-note", None),
    ("concept-note", 1),
    ("concept-note", 2),
    ("concept-note", 3),
    ("concept-note", 4),
    ("programme", None),
    ("participants", None),
]


@pytest.mark.parametrize(("document", "meeting"), DOCUMENTS)
def test_document_spells_out_each_acronym_at_its_first_use(
    demo_series, secretariat, document, meeting
):
    text = running_text(write(document, meeting=meeting, user=secretariat))
    acronyms = {
        *Organisation.objects.exclude(acronym="").values_list("acronym", flat=True),
        *ConveningGroup.objects.exclude(acronym="").values_list("acronym", flat=True),
    }

    first_uses = {
        acronym: found
        for acronym in acronyms
        if (found := re.search(rf"(?<!\w){re.escape(acronym)}(?!\w)", text))
    }
    not_introduced = sorted(
        acronym
        for acronym, found in first_uses.items()
        if text[found.start() - 1 : found.end() + 1] != f"({acronym})"
    )

    assert first_uses  # each document names some organisation
    assert not_introduced == []


def test_report_gives_the_acronym_alone_after_its_first_use(demo_series, secretariat):
    text = running_text(write("report", user=secretariat))

    assert text.count("International Rescue Committee") == 1
    assert text.count("International Rescue Committee (IRC)") == 1
    assert "IRC" in text.split("International Rescue Committee (IRC)", 1)[1]
