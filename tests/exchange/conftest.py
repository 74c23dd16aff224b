import textwrap
from pathlib import Path

import pytest

VALID_SERIES = textwrap.dedent(
    """\
    format: convener-series
    version: 1
    organisations:
      - key: undp
        name: United Nations Development Programme
        acronym: UNDP
        kind: un_entity
      - key: unhcr
        name: Office of the United Nations High Commissioner for Refugees
        acronym: UNHCR
        kind: un_entity
    people:
      - key: ninette-kelley
        honorific: Ms.
        given_name: Ninette
        family_name: Kelley
        position: Director, New York Office
        organisation: unhcr
        short_name: Ms. Kelley
        gender: female
      - key: izumi-nakamitsu
        honorific: Ms.
        given_name: Izumi
        family_name: Nakamitsu
        organisation: undp
        gender: female
    series:
      slug: test-series
      title: A test series
      status: published
      timezone: America/New_York
      references:
        - symbol: A/70/59
          sdg_targets: ["10.7"]
    meetings:
      - number: 1
        title: Strengthening responsibility sharing
        status: published
        date: 2016-07-13
        start: "10:00"
        end: "13:00"
        room: Conference Room 6
        co_organisers: [undp, unhcr]
        co_chairs:
          - state: ZMB
          - state: PRT
        segments:
          - key: panel-1
            kind: panel
            title: Complementary pathways
            participants:
              - {person: izumi-nakamitsu, role: moderator}
              - {person: ninette-kelley, role: panellist, speaking_time: 10}
          - key: debate-1
            kind: interactive_debate
        interventions:
          - segment: panel-1
            speaker: ninette-kelley
            organisation: unhcr
            capacity: organisation
            kind: presentation
            summary: Spoke of a crisis of solidarity.
          - segment: debate-1
            state: JPN
            capacity: national
          - segment: debate-1
            group: sids
            capacity: group
    """
)


@pytest.fixture
def series_file(tmp_path: Path):
    """Write a series file from text and return its path; by default a valid one."""

    def write(text: str = VALID_SERIES, name: str = "series.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def broken(series_file):
    """A copy of the valid series file with one piece of text replaced."""

    def write(old: str, new: str) -> Path:
        assert old in VALID_SERIES, f"{old!r} is not in the valid series file"
        return series_file(VALID_SERIES.replace(old, new, 1), name="broken.yaml")

    return write
