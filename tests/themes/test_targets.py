"""The 169 SDG targets ship as reference data with their source and date."""

import datetime
import re

from convener.meetings.domain.references import SDG_TARGET
from convener.themes.queries.targets import sdg_targets, target_text


def test_there_are_169_targets_each_numbered_as_the_framework_numbers_them():
    targets = sdg_targets().targets

    assert len(targets) == 169
    assert all(SDG_TARGET.match(code) for code in targets)
    assert list(targets)[:7] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b"]
    assert [code for code in targets if code.startswith("17.")][-1] == "17.19"


def test_each_goal_has_its_targets():
    goals = {int(code.split(".")[0]) for code in sdg_targets().targets}

    assert goals == set(range(1, 18))


def test_target_10_7_reads_as_the_2030_agenda_words_it():
    assert target_text("10.7").startswith(
        "Facilitate orderly, safe, regular and responsible migration and mobility of people"
    )
    assert target_text("18.1") == ""


def test_the_list_names_its_source_and_date():
    targets = sdg_targets()

    assert targets.resolution == "A/RES/70/1"
    assert targets.adopted == datetime.date(2015, 9, 25)
    assert re.search(r"A/RES/71/313", targets.source)
    assert "Statistics Division" in targets.source
