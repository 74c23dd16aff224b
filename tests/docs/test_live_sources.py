"""docs/live.md keeps up with the floor: every setting a meeting has, and every
way of ordering the list, is named in its Sources section with its origin."""

import re
from pathlib import Path

import pytest

from convener.live.models import Floor, PrecedenceRule

LIVE = Path(__file__).resolve().parents[2] / "docs" / "live.md"

# Fields of the floor that are its state or bookkeeping, not a setting of the meeting.
NOT_SETTINGS = {"id", "meeting", "version", "segment", "updated_at"}


def _section(heading: str) -> str:
    text = LIVE.read_text()
    assert f"\n{heading}\n" in text, f"docs/live.md has no '{heading}'"
    return text.split(f"\n{heading}\n", 1)[1].split("\n#", 1)[0]


def _documented_settings() -> set[str]:
    body = _section("### Per-meeting settings")
    return {
        name
        for cell in re.findall(r"^\| ([^|]+) \|", body, re.MULTILINE)
        for name in re.findall(r"`([a-z_]+)`", cell)
    }


def _floor_fields() -> set[str]:
    return {field.name for field in Floor._meta.concrete_fields}


def test_the_fields_left_out_are_fields_of_the_floor():
    assert _floor_fields() >= NOT_SETTINGS, NOT_SETTINGS - _floor_fields()


@pytest.mark.parametrize("setting", sorted(_floor_fields() - NOT_SETTINGS))
def test_every_setting_of_the_floor_is_in_the_sources(setting):
    assert setting in _documented_settings()


@pytest.mark.parametrize("rule", PrecedenceRule.values)
def test_every_way_of_ordering_the_list_is_in_the_sources(rule):
    assert f"`{rule}`" in _section("### Per-meeting settings")


def test_the_sources_section_is_linked_from_the_proposed_order():
    proposed = _section("### The proposed order")
    assert "(#sources)" in proposed
    assert "\n## Sources\n" in LIVE.read_text()
