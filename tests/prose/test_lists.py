"""Lists of names in running text as each of the six languages joins them (CLDR),
and French prepositions before a name that brings its article."""

import pytest
from django.utils import translation

from convener.prose import formats

THREE = ["A", "B", "C"]


def written(language, function, *args):
    with translation.override(language):
        return function(*args)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "A, B and C"),
        ("fr", "A, B et C"),
        ("es", "A, B y C"),
        ("ru", "A, B и C"),
        ("zh-hans", "A、B和C"),
        ("ar", "A وB وC"),
    ],
)
def test_three_names_are_listed_as_each_language_lists_them(language, text):
    assert written(language, formats.listed, THREE) == text


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "A and B"), ("fr", "A et B"), ("zh-hans", "A和B"), ("ar", "A وB")],
)
def test_two_names_are_joined_by_and_alone(language, text):
    assert written(language, formats.listed, ["A", "B"]) == text


def test_english_list_has_no_comma_before_and():
    assert written("en", formats.listed, ["Austria", "Ireland", "Tuvalu", "Mexico"]) == (
        "Austria, Ireland, Tuvalu and Mexico"
    )


def test_chinese_list_has_no_spaces_and_no_latin_comma():
    text = written("zh-hans", formats.listed, ["奥地利", "爱尔兰", "图瓦卢"])

    assert text == "奥地利、爱尔兰和图瓦卢"


def test_arabic_and_is_attached_to_the_name_that_follows():
    assert written("ar", formats.listed, ["النمسا", "أيرلندا"]) == "النمسا وأيرلندا"


def test_spanish_and_is_e_before_the_sound_i():
    assert written("es", formats.listed, ["Austria", "Tuvalu", "Irlanda"]) == (
        "Austria, Tuvalu e Irlanda"
    )
    assert written("es", formats.listed, ["Austria", "Hierro"]) == "Austria y Hierro"
    assert written("es", formats.listed, ["Austria", "la India"]) == "Austria y la India"


def test_one_name_and_none_are_listed_as_they_are():
    assert written("fr", formats.listed, ["Malte"]) == "Malte"
    assert written("fr", formats.listed, []) == ""


@pytest.mark.parametrize(
    ("state", "text"),
    [
        ("les Pays-Bas", "Représentants des Pays-Bas, à titre national aux Pays-Bas"),
        ("le Mexique", "Représentants du Mexique, à titre national au Mexique"),
        ("l'Autriche", "Représentants de l'Autriche, à titre national à l'Autriche"),
        ("la Thaïlande", "Représentants de la Thaïlande, à titre national à la Thaïlande"),
        ("Israël", "Représentants d'Israël, à titre national à Israël"),
        ("Cuba", "Représentants de Cuba, à titre national à Cuba"),
    ],
)
def test_french_de_and_a_contract_with_the_article_of_the_name(state, text):
    message = "Représentants de %(state)s, à titre national à %(state)s"

    assert written("fr", formats.filled, message, {"state": state}) == text


def test_french_contraction_keeps_the_capital_of_a_preposition_that_starts_a_sentence():
    assert written("fr", formats.filled, "De %(state)s.", {"state": "les Pays-Bas"}) == (
        "Des Pays-Bas."
    )


def test_french_de_before_a_word_that_is_not_a_placeholder_is_left_alone():
    message = "la liste de le %(state)s"

    assert written("fr", formats.filled, message, {"state": "x"}) == "la liste de le x"


def test_other_languages_fill_the_message_as_it_is():
    message = "Representatives of %(state)s"

    assert written("en", formats.filled, message, {"state": "the Netherlands"}) == (
        "Representatives of the Netherlands"
    )
