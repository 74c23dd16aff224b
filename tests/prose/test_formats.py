"""Dates, times and numbers as each of the six languages writes them (CLDR)."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from convener.prose import formats

NNBSP = "\u202f"  # CLDR's narrow no-break space: "2016 г.", "100 000" in French
THIN = "\u2009"  # CLDR's thin space around a French range's dash

JULY_13 = datetime.date(2016, 7, 13)
JULY_20 = datetime.date(2016, 7, 20)
TEN, ONE_PM = datetime.time(10, 0), datetime.time(13, 0)
ARABIC_INDIC_DIGITS = re.compile("[\u0660-\u0669]")


def written(language, function, *args, **kwargs):
    with translation.override(language):
        return function(*args, **kwargs)


@pytest.mark.parametrize(
    ("language", "date"),
    [
        ("ar", "13 يوليو 2016"),
        ("zh-hans", "2016年7月13日"),
        ("en", "13 July 2016"),
        ("fr", "13 juillet 2016"),
        ("ru", f"13 июля 2016{NNBSP}г."),
        ("es", "13 de julio de 2016"),
    ],
)
def test_long_date_in_each_official_language(language, date):
    assert written(language, formats.long_date, JULY_13) == date


def test_russian_date_has_the_month_in_the_genitive_and_lower_case():
    date = written("ru", formats.long_date, JULY_13)

    assert "июля" in date
    assert "Июль" not in date


@pytest.mark.parametrize(
    ("language", "date"),
    [
        ("ar", "الأربعاء، 20 يوليو 2016"),
        ("zh-hans", "2016年7月20日星期三"),
        ("en", "Wednesday 20 July 2016"),
        ("fr", "mercredi 20 juillet 2016"),
        ("ru", f"среда, 20 июля 2016{NNBSP}г."),
        ("es", "miércoles, 20 de julio de 2016"),
    ],
)
def test_weekday_date_in_each_official_language(language, date):
    assert written(language, formats.weekday_date, JULY_20) == date


@pytest.mark.parametrize(
    ("language", "times"),
    [
        ("ar", "10:00–13:00"),
        ("zh-hans", "10:00–13:00"),
        ("en", "10:00–13:00"),
        ("fr", f"10:00{THIN}–{THIN}13:00"),
        ("ru", "10:00—13:00"),
        ("es", "10:00–13:00"),
    ],
)
def test_time_range_in_each_official_language(language, times):
    assert written(language, formats.time_range, TEN, ONE_PM) == times


@pytest.mark.parametrize(
    ("language", "figure"),
    [
        ("ar", "100,000"),
        ("zh-hans", "100,000"),
        ("en", "100,000"),
        ("fr", f"100{NNBSP}000"),
        ("ru", "100\u00a0000"),
        ("es", "100.000"),
    ],
)
def test_number_in_each_official_language(language, figure):
    assert written(language, formats.number, 100_000) == figure


def test_arabic_writes_western_digits_in_dates_times_and_numbers():
    with translation.override("ar"):
        written_forms = [
            formats.long_date(JULY_13),
            formats.weekday_date(JULY_20),
            formats.time_range(TEN, ONE_PM),
            formats.date_and_time(datetime.datetime(2016, 7, 13, 10, 0)),
            formats.number(1234.5),
        ]

    assert not any(ARABIC_INDIC_DIGITS.search(form) for form in written_forms)
    assert written_forms[-1] == "1,234.5"


def test_times_are_on_the_24_hour_clock_in_every_language():
    for language in ("ar", "zh-hans", "en", "fr", "ru"):
        assert written(language, formats.time_of_day, datetime.time(21, 5)) == "21:05"
    assert written("es", formats.time_of_day, datetime.time(9, 5)) == "9:05"


def test_time_range_ending_the_next_day_says_so():
    late, early = datetime.time(22), datetime.time(1)

    assert written("en", formats.time_range, late, early, next_day=True) == (
        "22:00–01:00 the next day"
    )


def test_time_range_of_moments_reads_their_clock():
    start = datetime.datetime(2016, 7, 13, 10, 15, tzinfo=datetime.UTC)
    end = datetime.datetime(2016, 7, 13, 11, 45, tzinfo=datetime.UTC)

    assert written("en", formats.time_range, start, end) == "10:15–11:45"


def test_date_and_time_joined_as_the_language_joins_them():
    moment = datetime.datetime(2026, 3, 2, 9, 30)

    assert written("en", formats.date_and_time, moment) == "2 March 2026, 09:30"
    assert written("en", formats.date_and_time, moment, short=True) == "2 Mar 2026, 09:30"
    assert written("zh-hans", formats.date_and_time, moment) == "2026年3月2日 09:30"
    assert written("ru", formats.date_and_time, moment) == f"2 марта 2026{NNBSP}г., 09:30"


def test_language_without_a_table_entry_is_read_by_its_own_name():
    assert written("pt-br", formats.long_date, JULY_13) == "13 de julho de 2016"


def test_unknown_language_is_written_in_english():
    assert written("xx", formats.long_date, JULY_13) == "13 July 2016"


# The template filters


def rendered(source, language="en", **context):
    with translation.override(language):
        return Template("{% load formats %}" + source).render(Context(context))


def test_date_filters_write_the_page_language():
    assert rendered("{{ day|long_date }}", "ru", day=JULY_13) == f"13 июля 2016{NNBSP}г."
    assert rendered("{{ day|weekday_date }}", "fr", day=JULY_20) == "mercredi 20 juillet 2016"
    assert rendered("{{ day|short_date }}", "en", day=JULY_13) == "13 Jul 2016"


def test_date_filters_show_nothing_for_an_empty_date():
    assert rendered("[{{ day|long_date }}][{{ day|date_and_time }}]", day=None) == "[][]"


def test_moment_filters_read_the_moment_on_the_page_clock():
    moment = datetime.datetime(2026, 3, 2, 8, 30, tzinfo=datetime.UTC)
    with timezone.override("Europe/Zurich"):
        page = rendered('{{ at|date_and_time }} / {{ at|date_and_time:"short" }}', at=moment)

    assert page == "2 March 2026, 09:30 / 2 Mar 2026, 09:30"


def test_time_range_tag_writes_the_page_language_isolated_left_to_right():
    page = rendered(
        "{% time_range start end next_day=late %}", "fr", start=TEN, end=ONE_PM, late=False
    )

    assert page == f'<bdi dir="ltr">10:00{THIN}–{THIN}13:00</bdi>'


def test_time_range_tag_keeps_the_next_day_words_outside_the_isolated_times():
    page = rendered(
        "{% time_range start end next_day=late %}", "en", start=ONE_PM, end=TEN, late=True
    )

    assert page == '<bdi dir="ltr">13:00–10:00</bdi> the next day'


def test_number_filter_groups_digits_and_leaves_other_values_alone():
    assert rendered("{{ limit|number }}", "es", limit=100_000) == "100.000"
    assert rendered("[{{ word|number }}][{{ nothing|number }}]", word="TBC", nothing=None) == (
        "[TBC][]"
    )
