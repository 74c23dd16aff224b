"""Counts in words in the six languages, agreeing with the noun they count.

"Member State" is masculine in French (État Membre) and Spanish (Estado
Miembro), neuter in Russian (государство-член) and feminine in Arabic (دولة
عضو); "panel" is feminine in French (réunion-débat), Russian (дискуссионная
группа) and Arabic (حلقة نقاش).
"""

import pytest
from django.utils import translation

from convener.prose.nouns import COUNTED_NOUNS, MEMBER_STATE, PANEL, CountedNoun, Gender
from convener.prose.numbers import count_in_running_text, count_in_words

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def words(language: str, count: int, noun=MEMBER_STATE) -> str:
    with translation.override(language):
        return count_in_words(count, noun)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "one"),
        (2, "two"),
        (3, "three"),
        (7, "seven"),
        (11, "eleven"),
        (20, "twenty"),
        (21, "twenty-one"),
        (22, "twenty-two"),
        (100, "one hundred"),
        (101, "one hundred and one"),
    ],
)
def test_english_counts(count, expected):
    assert words("en", count) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "un"),
        (2, "deux"),
        (3, "trois"),
        (7, "sept"),
        (11, "onze"),
        (20, "vingt"),
        (21, "vingt et un"),
        (22, "vingt-deux"),
        (80, "quatre-vingts"),
        (100, "cent"),
        (101, "cent un"),
    ],
)
def test_french_counts_member_states_in_the_masculine(count, expected):
    assert words("fr", count) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "une"), (21, "vingt et une"), (81, "quatre-vingt-une"), (101, "cent une")],
)
def test_french_one_is_feminine_before_a_feminine_noun(count, expected):
    assert words("fr", count, PANEL) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "un"),
        (2, "dos"),
        (3, "tres"),
        (7, "siete"),
        (11, "once"),
        (20, "veinte"),
        (21, "veintiún"),
        (22, "veintidós"),
        (31, "treinta y un"),
        (100, "cien"),
        (101, "ciento un"),
        (200, "doscientos"),
        (21000, "veintiún mil"),
    ],
)
def test_spanish_drops_the_o_of_uno_before_a_masculine_noun(count, expected):
    assert words("es", count) == expected


def test_spanish_counts_a_feminine_noun_with_una_and_feminine_hundreds():
    feminine = CountedNoun(words=PANEL.words, genders={"es": Gender.FEMININE})

    assert [words("es", n, feminine) for n in (1, 21, 200)] == ["una", "veintiuna", "doscientas"]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "одно"),
        (2, "два"),
        (3, "три"),
        (7, "семь"),
        (11, "одиннадцать"),
        (20, "двадцать"),
        (21, "двадцать одно"),
        (22, "двадцать два"),
        (100, "сто"),
        (101, "сто одно"),
        (1000, "тысяча"),
    ],
)
def test_russian_counts_member_states_in_the_neuter(count, expected):
    assert words("ru", count) == expected


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "одна"), (2, "две"), (21, "двадцать одна"), (22, "двадцать две")]
)
def test_russian_counts_a_feminine_noun_in_the_feminine(count, expected):
    assert words("ru", count, PANEL) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "一"),
        (2, "两"),
        (3, "三"),
        (7, "七"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (22, "二十二"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (2000, "两千"),
        (10005, "一万零五"),
    ],
)
def test_chinese_counts_before_the_classifier(count, expected):
    assert words("zh-hans", count) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "واحدة"),
        (2, "اثنتان"),
        (3, "ثلاث"),
        (7, "سبع"),
        (8, "ثماني"),
        (10, "عشر"),
        (11, "إحدى عشرة"),
        (12, "اثنتا عشرة"),
        (13, "ثلاث عشرة"),
        (20, "عشرون"),
        (21, "إحدى وعشرون"),
        (22, "اثنتان وعشرون"),
        (28, "ثمان وعشرون"),
        (100, "مائة"),
        (101, "مائة وواحدة"),
        (193, "مائة وثلاث وتسعون"),
        (200, "مائتا"),
    ],
)
def test_arabic_counts_a_feminine_noun(count, expected):
    """دولة is feminine: 1, 2 and the ten of 11–19 agree; 3–10 and the units of
    13–99 take the masculine-looking form ("سبع دول", "ثلاث عشرة")."""
    assert words("ar", count) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "واحد"),
        (2, "اثنان"),
        (3, "ثلاثة"),
        (7, "سبعة"),
        (11, "أحد عشر"),
        (13, "ثلاثة عشر"),
        (21, "واحد وعشرون"),
    ],
)
def test_arabic_counts_a_masculine_noun_with_the_opposite_gender_from_three(count, expected):
    masculine = CountedNoun(words=MEMBER_STATE.words, genders={"ar": Gender.MASCULINE})

    assert words("ar", count, masculine) == expected


def test_arabic_thousands_take_the_form_their_count_asks_for():
    assert [words("ar", n) for n in (1000, 2000, 3000, 11000)] == [
        "ألف",
        "ألفا",
        "ثلاثة آلاف",
        "أحد عشر ألفا",
    ]


def test_counts_beyond_the_spelled_range_are_figures():
    assert words("ar", 1_000_000) == "1,000,000"
    assert words("zh-hans", 100_000_000) == "100,000,000"


def test_a_count_is_never_negative():
    with pytest.raises(ValueError, match="not negative"):
        words("en", -1)


def test_running_text_spells_one_to_ten_and_gives_figures_above():
    with translation.override("fr"):
        assert count_in_running_text(2, PANEL) == "deux"
        assert count_in_running_text(10, PANEL) == "dix"
        assert count_in_running_text(11, PANEL) == "11"


@pytest.mark.parametrize("noun", sorted(COUNTED_NOUNS))
def test_every_counted_noun_is_worded_in_the_six_languages(noun):
    assert set(COUNTED_NOUNS[noun].words) == set(UN_LANGUAGES)


@pytest.mark.parametrize("noun", sorted(COUNTED_NOUNS))
def test_every_counted_noun_has_its_gender_where_numbers_agree(noun):
    assert set(COUNTED_NOUNS[noun].genders) == {"ar", "fr", "ru", "es"}
