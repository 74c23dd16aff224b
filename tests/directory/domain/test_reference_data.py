"""The reference data every series relies on: States, their groups and areas."""

import datetime

import pytest

from convener.directory.domain.reference_data import load_reference_data
from convener.directory.models import M49Area, State, StateGroup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def test_reference_data_has_193_members_and_2_observers():
    assert State.objects.filter(status="member").count() == 193
    assert set(State.objects.filter(status="observer").values_list("iso3", flat=True)) == {
        "VAT",
        "PSE",
    }


def test_every_member_counts_in_one_regional_group_with_dgacm_sizes():
    sizes = {
        group: State.objects.filter(status="member", regional_group=group).count()
        for group in (
            "african",
            "asia_pacific",
            "eastern_european",
            "latin_american_caribbean",
            "western_european_others",
        )
    }

    # Türkiye counts as WEOG for elections; DGACM also lists it under Asia-Pacific (55).
    assert sizes == {
        "african": 54,
        "asia_pacific": 54,
        "eastern_european": 23,
        "latin_american_caribbean": 33,
        "western_european_others": 29,
    }


def test_special_cases_carry_their_note():
    turkiye, united_states = State.objects.get(iso3="TUR"), State.objects.get(iso3="USA")

    assert (turkiye.regional_group, united_states.regional_group) == (
        "western_european_others",
        "western_european_others",
    )
    assert turkiye.regional_group_note
    assert united_states.regional_group_note


def test_state_has_codes_names_in_six_languages_and_m49_areas():
    netherlands = State.objects.get(iso3="NLD")

    assert (netherlands.iso2, netherlands.m49) == ("NL", "528")
    assert set(netherlands.names) == {"ar", "zh", "en", "fr", "ru", "es"}
    assert netherlands.names["en"] == "Netherlands"
    assert (netherlands.region.code, netherlands.sub_region.code) == ("150", "155")


def test_m49_area_names_exist_in_six_languages():
    for area in M49Area.objects.all():
        assert set(area.names) == {"ar", "zh", "en", "fr", "ru", "es"}, area.code
        assert all(area.names.values()), area.code


def test_least_developed_countries_numbered_44_on_1_january_2025():
    least_developed = StateGroup.objects.get(key="ldc")

    assert least_developed.members_on(datetime.date(2025, 1, 1)).count() == 44
    assert least_developed.members_on(datetime.date(2016, 7, 13)).filter(iso3="BTN").exists()


def test_group_chair_known_for_2016():
    g77 = StateGroup.objects.get(key="g77")
    eu = StateGroup.objects.get(key="eu")
    meeting_day = datetime.date(2016, 4, 25)

    assert g77.chairs.get(starts__lte=meeting_day, ends__gte=meeting_day).state.iso3 == "THA"
    assert eu.chairs.get(starts__lte=meeting_day, ends__gte=meeting_day).state.iso3 == "NLD"


def test_loading_twice_changes_nothing():
    before = (State.objects.count(), StateGroup.objects.get(key="g77").memberships.count())

    load_reference_data()

    assert (State.objects.count(), StateGroup.objects.get(key="g77").memberships.count()) == before


def test_short_names_that_take_the_in_running_text_are_marked():
    with_article = set(State.objects.filter(article=True).values_list("iso3", flat=True))

    assert {"NLD", "GBR", "USA", "PHL", "SDN", "GMB", "NER", "COG"} <= with_article
    assert not {"MEX", "THA", "TUR", "CZE"} & with_article


def test_turkiye_was_turkey_until_1_june_2022_with_its_source():
    turkiye = State.objects.get(iso3="TUR")

    assert turkiye.names["en"] == "Türkiye"
    assert [(name["short"], name["until"]) for name in turkiye.earlier_names] == [
        ("Turkey", "2022-06-01")
    ]
    assert "1 June 2022" in turkiye.name_source


def test_every_earlier_name_has_a_source_and_gives_way_in_date_order():
    renamed = State.objects.exclude(earlier_names=[])

    assert renamed.count() >= 6
    for state in renamed:
        days = [datetime.date.fromisoformat(name["until"]) for name in state.earlier_names]
        assert days == sorted(days), state.iso3
        assert all(name["short"] for name in state.earlier_names), state.iso3
        assert all(name["source"] for name in state.earlier_names), state.iso3


def test_czechia_is_listed_by_its_current_short_name_not_czech_republic():
    czechia = State.objects.get(iso3="CZE")

    assert str(czechia) == "Czechia"
    assert czechia.earlier_names[0]["short"] == "Czech Republic"


def test_naoero_is_the_current_name_and_nauru_the_name_before_26_june_2026():
    naoero = State.objects.get(iso3="NRU")

    assert str(naoero) == "Naoero"
    assert [(name["short"], name["until"]) for name in naoero.earlier_names] == [
        ("Nauru", "2026-06-26")
    ]


def test_reloading_keeps_one_set_of_earlier_names():
    load_reference_data()

    assert len(State.objects.get(iso3="TUR").earlier_names) == 1
