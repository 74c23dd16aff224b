"""States named in running text in French, Spanish, Russian, Arabic and Chinese,
from the reference data."""

import pytest
from django.utils import translation

from convener.directory.models import State
from convener.directory.naming import state_in_list, state_in_text
from convener.directory.reference_names import read_data_file

pytestmark = pytest.mark.django_db

ARTICLES_FR = {"le", "la", "l'", "les"}
TYPOGRAPHIC_APOSTROPHE = "\u2019"


def in_text(language, iso3, **options):
    with translation.override(language):
        return state_in_text(State.objects.get(iso3=iso3), on=None, **options)


def in_list(language, iso3, **options):
    with translation.override(language):
        return state_in_list(State.objects.get(iso3=iso3), on=None, **options)


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("AUT", "l'Autriche"),
        ("MEX", "le Mexique"),
        ("THA", "la Thaïlande"),
        ("NLD", "les Pays-Bas"),
        ("PHL", "les Philippines"),
        ("CUB", "Cuba"),
        ("MLT", "Malte"),
        ("BOL", "l'État plurinational de Bolivie"),
    ],
)
def test_french_names_a_state_with_the_article_unterm_gives_it(reference_data, iso3, name):
    assert in_text("fr", iso3) == name


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("PER", "el Perú"),
        ("ARG", "la Argentina"),
        ("IND", "la India"),
        ("USA", "los Estados Unidos de América"),
        ("NLD", "los Países Bajos"),
        ("AUT", "Austria"),
        ("TUV", "Tuvalu"),
        ("THA", "Tailandia"),
    ],
)
def test_spanish_names_a_state_with_the_article_unterm_gives_it(reference_data, iso3, name):
    assert in_text("es", iso3) == name


def test_french_name_at_the_start_of_a_sentence_has_a_capital_article(reference_data):
    assert in_text("fr", "NLD", start=True) == "Les Pays-Bas"


def test_french_list_gives_the_short_name_without_its_article(reference_data):
    assert in_list("fr", "AUT") == "Autriche"
    assert in_list("fr", "NLD") == "Pays-Bas"


def test_russian_names_the_netherlands_by_its_short_name_and_formally_by_the_kingdom(
    reference_data,
):
    assert in_text("ru", "NLD") == "Нидерланды"
    assert in_text("ru", "NLD", formal=True) == "Королевство Нидерландов"


def test_russian_reads_a_qualified_short_name_as_its_formal_name(reference_data):
    assert in_text("ru", "BOL") == "Многонациональное Государство Боливия"
    assert in_text("ru", "FSM") == "Федеративные Штаты Микронезии"


def test_arabic_puts_the_name_where_the_qualifier_marks_it(reference_data):
    assert in_text("ar", "BOL") == "دولة بوليفيا المتعددة القوميات"
    assert in_text("ar", "IRN") == "جمهورية إيران الإسلامية"


def test_arabic_running_text_never_shows_the_qualifier_mark(reference_data):
    for state in State.objects.all():
        with translation.override("ar"):
            name = state_in_text(state, on=None)
        assert "_" not in name
        assert "(" not in name


def test_arabic_names_the_netherlands_formally_as_the_kingdom(reference_data):
    assert in_text("ar", "NLD", formal=True) == "مملكة هولندا"


def test_chinese_names_a_state_without_article_or_brackets(reference_data):
    assert in_text("zh-hans", "NLD") == "荷兰"
    assert in_text("zh-hans", "NLD", formal=True) == "荷兰王国"


def test_french_formal_name_carries_its_article_in_text_but_not_in_a_list(reference_data):
    assert in_text("fr", "NLD", formal=True) == "le Royaume des Pays-Bas"
    assert in_list("fr", "NLD", formal=True) == "Royaume des Pays-Bas"


def test_english_names_are_unchanged(reference_data):
    assert in_text("en", "NLD") == "the Netherlands"
    assert in_text("en", "AUT") == "Austria"
    assert in_text("en", "BOL") == "the Plurinational State of Bolivia"


def test_every_member_and_observer_state_has_a_french_and_a_spanish_entry(reference_data):
    entries = read_data_file("state_names_in_languages.yaml")["states"]

    missing = [
        state.iso3
        for state in State.objects.all()
        if not entries.get(state.iso3, {}).get("fr") or not entries[state.iso3].get("es")
    ]

    assert State.objects.count() == 195
    assert missing == []


def test_every_french_entry_has_an_article_of_unterm_or_none(reference_data):
    entries = read_data_file("state_names_in_languages.yaml")["states"]
    qualified = {"BOL", "IRN", "FSM", "VEN"}

    for iso3, entry in entries.items():
        name = entry["fr"]
        if name.endswith(")") and iso3 not in qualified:
            article = name[name.rindex("(") + 1 : -1]
            assert article in ARTICLES_FR, iso3


def test_french_entries_name_each_state_as_the_reference_data_lists_it(reference_data):
    entries = read_data_file("state_names_in_languages.yaml")["states"]

    for state in State.objects.exclude(iso3="NLD"):
        entry = entries[state.iso3]["fr"]
        with_article = entry.endswith(("(le)", "(la)", "(l')", "(les)"))
        name = entry.rsplit(" (", 1)[0] if with_article else entry
        assert name == state.names["fr"].replace(TYPOGRAPHIC_APOSTROPHE, "'"), state.iso3
