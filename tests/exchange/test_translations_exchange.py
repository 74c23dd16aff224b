"""Texts in other languages in the series file: exported with their status,
imported in place, and kept when the file does not describe them."""

from __future__ import annotations

import pytest

from convener.audit.actors import command_line_operator
from convener.exchange.domain.importer import import_file
from convener.exchange.format.source import parse
from convener.exchange.interfaces.export import to_yaml
from convener.texts.domain import save_version
from convener.texts.models import TextPlace, TextVersion
from convener.texts.queries import version_in
from tests.factories import (
    ConceptNoteSectionFactory,
    InterventionFactory,
    MeetingFactory,
    SegmentFactory,
    SeriesFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def translate(obj, field, language, text, status="translated"):
    place = TextPlace(obj, field, language)
    save_version(place=place, text=text, status=status, by=command_line_operator())


@pytest.fixture
def series():
    series = SeriesFactory(slug="gmg-2017", language="en")
    section = ConceptNoteSectionFactory(series=series, heading="Format", body="Panels.")
    meeting = MeetingFactory(series=series, number=1, title="Sharing")
    intervention = InterventionFactory(segment=SegmentFactory(meeting=meeting, key="panel"))
    translate(section, "heading", "fr", "Format")
    translate(section, "body", "es", "Mesas.", status="draft")
    translate(meeting, "title", "fr", "Partage")
    translate(intervention, "summary", "ru", "Резюме")
    return series


def reimport(content: bytes, tmp_path):
    path = tmp_path / "series.yaml"
    path.write_bytes(content)
    return import_file(path=path, by=command_line_operator()).series


def test_the_file_holds_each_version_with_its_status(series):
    data = parse(to_yaml(series).decode(), "series.yaml").data

    assert "language" not in data["series"]  # English, the default, is left out
    assert data["series"]["concept_note"][0]["translations"] == {
        "fr": {"heading": "Format"},
        "es": {"body": {"text": "Mesas.", "status": "draft"}},
    }
    assert data["meetings"][0]["translations"] == {"fr": {"title": "Partage"}}
    assert data["meetings"][0]["interventions"][0]["translations"] == {"ru": {"summary": "Резюме"}}


def test_a_series_with_its_versions_goes_round_trip(series, tmp_path):
    exported = to_yaml(series)
    series.delete()
    assert not TextVersion.objects.exists()

    imported = reimport(exported, tmp_path)

    assert to_yaml(imported) == exported
    assert TextVersion.objects.count() == 4


def test_reimport_updates_versions_in_place_and_keeps_those_not_described(series, tmp_path):
    meeting = series.meetings.get()
    exported = to_yaml(series).decode()
    translate(meeting, "title", "es", "Reparto")  # added after the export
    changed = exported.replace("title: Partage", "title: Partage des responsabilités")

    reimport(changed.encode(), tmp_path)

    assert version_in(meeting, "title", "fr").text == "Partage des responsabilités"
    assert version_in(meeting, "title", "es").text == "Reparto"
    assert TextVersion.objects.count() == 5
