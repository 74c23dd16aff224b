"""The documentation keeps up with the code: settings, commands and the data format."""

import json
import re
from pathlib import Path

import pytest

from convener.config import OPTIONS
from convener.exchange.format.schema import SeriesDocument
from convener.server.cli_reference import reference

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("option", OPTIONS, ids=lambda option: option.env)
def test_every_setting_is_documented_in_deployment_guide(option):
    assert f"`{option.env}`" in (DOCS / "deployment.md").read_text()


def test_cli_reference_matches_the_commands_help():
    assert (DOCS / "cli.md").read_text() == reference(), (
        "docs/cli.md is stale: run `convener cli-reference > docs/cli.md`"
    )


def _documented_fields(section: str) -> set[str]:
    text = (DOCS / "data-format.md").read_text()
    body = text.split(f"### {section}\n", 1)[1].split("\n### ", 1)[0]
    return {
        name
        for cell in re.findall(r"^\| ([^|]+) \|", body, re.MULTILINE)
        for name in re.findall(r"`([a-z_]+)`", cell)
    }


def _definition(schema: dict, name: str) -> dict:
    return schema["$defs"][name] if name in schema.get("$defs", {}) else schema


@pytest.mark.parametrize(
    ("section", "model"),
    [
        ("Organisation", "OrganisationEntry"),
        ("Person", "PersonEntry"),
        ("Convening group", "ConveningGroupEntry"),
        ("Series", "SeriesEntry"),
        ("Classification", "ClassificationEntry"),
        ("Meeting", "MeetingEntry"),
        ("Segment (a part of the programme)", "SegmentEntry"),
        ("Intervention (a turn on the floor)", "InterventionEntry"),
    ],
)
def test_every_field_of_the_format_is_documented(section, model):
    schema = json.loads(json.dumps(SeriesDocument.model_json_schema()))
    fields = set(_definition(schema, model)["properties"])

    assert fields <= _documented_fields(section), fields - _documented_fields(section)
