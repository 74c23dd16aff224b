"""The demo's series concept note keeps its history: first as seed 000 wrote it,
with co-chairs, times and rooms still to be confirmed, then as they were confirmed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse

from convener.audit.actors import command_line_operator
from convener.exchange.domain.importer import import_file
from convener.exchange.interfaces.export import to_yaml
from convener.publishing.domain.versions import public_text
from convener.publishing.models import DocumentVersion
from convener.server.demo import DEMO_SERIES_SLUG, demo_series_file, prepare_demo
from convener.server.demo_translations import demo_translations_file, load_translations

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
NBSP = "\u00a0"
ORDINAL_PANEL = re.compile(r"^(?:First|Second|Third) panel: (.+?)\.?$")
TOPIC = re.compile(r"^(\d{1,2} \w+ 2016)\b,? ?(.*?) - (.+)$")


@dataclass
class SeedTopic:
    """One meeting as the series concept note first listed it."""

    date: str  # "25 April 2016"
    when: str  # what stands between the date and the title: time, room
    title: str
    panels: list[str]
    organisers: list[str]
    co_chairs: list[str]  # ["TBC"] while to be confirmed


def names(line: str) -> list[str]:
    return [name.strip() for name in re.split(r",| and ", line) if name.strip()]


def seed_topics() -> list[SeedTopic]:
    """The meetings under the *Topics* heading of seed 000, fact by fact."""
    (path,) = SEEDS.glob("000_*.txt")
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    topics: list[SeedTopic] = []
    for line in lines[lines.index("Topics") + 1 : lines.index("Venue")]:
        if heading := TOPIC.match(line):
            date, when, title = heading.groups()
            topics.append(SeedTopic(date, when.strip("() "), title, [], [], []))
        elif panel := ORDINAL_PANEL.match(line):
            topics[-1].panels.append(panel.group(1))
        elif line.startswith("Organizers:"):
            organisers, co_chairs = line.removeprefix("Organizers:").split(". Co-Chairs:")
            topics[-1].organisers = names(organisers)
            topics[-1].co_chairs = names(co_chairs)
    return topics


def time_range(seed_time: str) -> str:
    """ "10am-1pm" as documents print it, "10:00–13:00"."""
    start, end = (int(hour.removesuffix("am").removesuffix("pm")) for hour in seed_time.split("-"))
    return f"{start:02d}:00–{end + 12 if seed_time.endswith('pm') and end < 12 else end:02d}:00"


def topic_in(text: str, date: str) -> str:
    """The lines of the version's *Topics* that tell of the meeting on `date`."""
    start = text.index("\n" + date.replace(" ", NBSP, 1) + ", ") + 1
    following = re.search(rf"\n\d{{1,2}}{NBSP}\w+ 2016, |\n## ", text[start:])
    assert following, "the topics end with the next heading"
    return text[start : start + following.start()]


def concept_note_versions() -> list[DocumentVersion]:
    return list(
        DocumentVersion.objects.filter(
            series__slug=DEMO_SERIES_SLUG, document="concept-note", meeting_number=0
        ).order_by("number")
    )


@pytest.fixture
def demo(reference_data):
    return prepare_demo().series


def test_demo_concept_note_has_at_least_three_versions_in_date_order(demo):
    versions = concept_note_versions()

    assert len(versions) >= 3
    assert [version.number for version in versions] == list(range(1, len(versions) + 1))
    dates = [version.published_at for version in versions]
    assert dates == sorted(dates)
    assert len(set(dates)) == len(dates)
    assert str(dates[0].date()) == "2016-06-15"
    assert all(version.note for version in versions)


@pytest.mark.parametrize("topic", seed_topics(), ids=lambda topic: topic.date)
def test_first_concept_note_version_holds_seed_000_facts(demo, topic):
    first = concept_note_versions()[0].text
    printed = topic_in(first, topic.date)
    heading, *rest = printed.strip().splitlines()
    when, title = heading.split(" — ")

    assert when.startswith(topic.date.replace(" ", NBSP, 1) + ", ")
    assert title == f"**{topic.title}**"
    if "Time" in topic.when and "TBC" in topic.when:
        assert when.split(", ")[1] == "TBC"
    else:
        assert when.split(", ")[1] == time_range(re.search(r"\d+am-\d+pm", topic.when).group())
    if "Room TBC" in topic.when:
        assert ", TBC, " in when
    elif room := re.search(r"Conference Room \d+", topic.when):
        assert f", {room.group()}, " in when
    if topic.panels:  # the seed names no panel of the 30 June meeting
        assert [line.removeprefix("- ") for line in rest if line.startswith("- ")] == topic.panels
    organisers, co_chairs = rest[-1].split(" *Co-chairs:* ")
    # By acronym, or spelled out with it in brackets where the note first names them.
    named = re.findall(r"\b[A-Z]{2,}\b", organisers.removeprefix("*Organisers:* "))
    assert named == topic.organisers
    expected = "TBC" if topic.co_chairs == ["TBC"] else " and ".join(topic.co_chairs)
    assert co_chairs == f"{expected}."


def test_seed_000_lists_four_meetings_three_with_co_chairs_to_be_confirmed():
    topics = seed_topics()

    assert [topic.date for topic in topics] == [
        "25 April 2016",
        "30 June 2016",
        "13 July 2016",
        "20 July 2016",
    ]
    assert [topic.co_chairs for topic in topics[1:]] == [["TBC"]] * 3
    assert topics[3].organisers == ["ILO", "IOM"]


def test_last_concept_note_version_is_what_the_public_reads_now(demo):
    last = concept_note_versions()[-1]

    assert last.text == public_text(series=demo, document="concept-note", meeting_number=None)


def test_report_is_published_as_its_first_version_with_the_last_concept_note(demo):
    report = DocumentVersion.objects.get(series=demo, document="report")

    assert report.number == 1
    assert report.published_at == concept_note_versions()[-1].published_at
    assert report.text == public_text(series=demo, document="report", meeting_number=None)


def test_demo_series_ends_exactly_as_its_files_describe_it(demo):
    with_history = to_yaml(demo)
    demo.delete()

    from_file = import_file(path=demo_series_file(), by=command_line_operator()).series
    load_translations(demo_translations_file(), series=from_file, by=command_line_operator())

    assert with_history == to_yaml(from_file)


def test_second_version_shows_a_co_chair_replacing_tbc(demo, client):
    url = reverse("public:series_document_differences", args=[DEMO_SERIES_SLUG, "concept-note"])

    page = client.get(url, {"old": 1, "new": 2}).content.decode()

    assert re.search(r"<del><span class=\"sr-only\">removed: </span>TBC</del>", page)
    assert re.search(r"<ins><span class=\"sr-only\">added: </span>Mexico and Italy</ins>", page)


def test_reset_publishes_the_same_versions_again(demo):
    before = [(v.number, v.published_at, v.note, v.text) for v in concept_note_versions()]

    prepare_demo(reset=True)

    assert [(v.number, v.published_at, v.note, v.text) for v in concept_note_versions()] == before


def test_second_demo_start_adds_no_version(demo):
    count = DocumentVersion.objects.count()

    prepare_demo()

    assert DocumentVersion.objects.count() == count


def test_no_demo_document_says_tbc_twice_in_a_row(demo):
    versions = DocumentVersion.objects.filter(series=demo)

    assert versions.count() >= 4
    assert [v.number for v in versions if "TBC, TBC" in v.text] == []
    for document in ("concept-note", "programme", "participants", "report"):
        assert "TBC, TBC" not in public_text(series=demo, document=document, meeting_number=None)
    for meeting in demo.meetings.all():
        for document in ("concept-note", "programme", "participants"):
            text = public_text(series=demo, document=document, meeting_number=meeting.number)
            assert "TBC, TBC" not in text
