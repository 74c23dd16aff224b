"""Groups of States and UN system entities are named in the reader's language
from the reference data (UNTERM), and by their stored English names where it
has none."""

import pytest
from django.utils import translation

from convener.directory.models import StateGroup
from convener.directory.naming import organisation_in_text
from convener.directory.reference_names import read_data_file
from tests.factories import OrganisationFactory, StateGroupFactory

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = ("ar", "zh", "fr", "ru", "es")


def in_language(language, read):
    with translation.override(language):
        return read()


@pytest.fixture
def g77(reference_data):
    return StateGroup.objects.get(key="g77")


@pytest.fixture
def iom():
    return OrganisationFactory(
        name="International Organization for Migration", acronym="IOM", article=True
    )


def test_g77_in_french(g77):
    assert in_language("fr", lambda: g77.name_in_language) == "Groupe des 77 et la Chine"


def test_g77_in_arabic(g77):
    assert in_language("ar", lambda: g77.name_in_language) == "مجموعة الـ 77 والصين"
    assert in_language("ar", lambda: g77.short_name_in_language) == "مجموعة الـ 77"


def test_g77_in_english_is_its_stored_name(g77):
    assert in_language("en", lambda: g77.name_in_language) == "Group of 77 and China"


def test_a_classification_in_french_keeps_its_own_abbreviation(reference_data):
    sids = StateGroup.objects.get(key="sids")

    assert in_language("fr", lambda: sids.short_name_in_language) == "PEID"


def test_a_group_without_reference_names_falls_back_to_its_stored_name():
    group = StateGroupFactory(name="Friends of Migration", short_name="FoM")

    assert in_language("ru", lambda: group.name_in_language) == "Friends of Migration"
    assert in_language("ru", lambda: group.short_name_in_language) == "FoM"


def test_iom_in_french_has_its_french_acronym(iom):
    assert in_language("fr", lambda: iom.name_in_language) == (
        "Organisation internationale pour les migrations"
    )
    assert in_language("fr", lambda: iom.label) == "OIM"


def test_iom_in_arabic_is_named_in_full(iom):
    assert in_language("ar", lambda: iom.label) == "المنظمة الدولية للهجرة"
    assert in_language("ar", lambda: iom.acronym_in_language) == ""


def test_iom_in_russian_and_chinese(iom):
    assert in_language("ru", lambda: iom.label) == "\u041c\u041e\u041c"  # Cyrillic
    assert in_language("zh-hans", lambda: iom.name_in_language) == "国际移民组织"


def test_an_entity_is_recognised_by_its_acronym_when_its_name_is_worded_otherwise():
    unhcr = OrganisationFactory(name="UN Refugee Agency", acronym="UNHCR")

    assert in_language("fr", lambda: unhcr.label) == "HCR"


def test_an_organisation_not_in_the_reference_data_keeps_its_stored_name():
    ngo = OrganisationFactory(name="International Rescue Committee", acronym="IRC")

    assert in_language("fr", lambda: ngo.label) == "IRC"
    assert in_language("ar", lambda: ngo.name_in_language) == "International Rescue Committee"


def test_running_text_names_an_entity_in_the_language(iom):
    assert in_language("es", lambda: organisation_in_text(iom)) == (
        "Organización Internacional para las Migraciones"
    )
    assert in_language("en", lambda: organisation_in_text(iom)) == (
        "the International Organization for Migration"
    )


def test_every_reference_entity_and_group_has_a_name_in_the_five_other_languages():
    entities = read_data_file("un_entities.yaml")["entities"]
    groups = read_data_file("state_groups.yaml")["groups"]

    for names in [*entities, *(group["names"] for group in groups)]:
        assert all(names[language]["name"] for language in OTHER_LANGUAGES), names
