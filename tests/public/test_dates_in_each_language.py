"""The demo's pages write their dates and times as the reader's language does."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

NNBSP = "\u202f"
ARABIC_INDIC_DIGITS = re.compile("[\u0660-\u0669]")


def page_in(client, language, name, *args):
    with translation.override(language):
        address = reverse(name, args=args)
    return client.get(address)


def test_russian_meeting_page_writes_the_month_in_the_genitive(client, demo_series):
    page = page_in(client, "ru", "public:meeting", "gmg-2016", 3)

    assertContains(page, f"13 июля 2016{NNBSP}г.")
    assertNotContains(page, "Июль")


def test_russian_series_page_dates_every_meeting_in_russian(client, demo_series):
    page = page_in(client, "ru", "public:series", "gmg-2016")

    assertContains(page, f"20 июля 2016{NNBSP}г.")
    assertNotContains(page, "July")


def test_arabic_meeting_page_writes_its_date_and_time_in_western_digits(client, demo_series):
    page = page_in(client, "ar", "public:meeting", "gmg-2016", 3)
    text = page.content.decode()

    assertContains(page, "13 يوليو 2016")
    assertContains(page, "10:00–13:00")
    assert not ARABIC_INDIC_DIGITS.search(text)


@pytest.mark.parametrize(
    ("language", "date"),
    [("zh-hans", "2016年7月13日"), ("fr", "13 juillet 2016"), ("es", "13 de julio de 2016")],
)
def test_meeting_page_date_in_the_reader_language(client, demo_series, language, date):
    assertContains(page_in(client, language, "public:meeting", "gmg-2016", 3), date)


def test_english_meeting_page_keeps_its_date_and_time(client, demo_series):
    page = page_in(client, "en", "public:meeting", "gmg-2016", 3)

    assertContains(page, "13 July 2016")
    assertContains(page, "10:00–13:00")
