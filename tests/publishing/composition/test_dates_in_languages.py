"""The documents' header blocks date and time a meeting in the document's language."""

import datetime

import pytest
from django.utils import translation

from convener.meetings.models import Postponement
from convener.publishing.composition.wording import (
    meeting_date,
    meeting_notice,
    meeting_time,
    to_be_confirmed,
)
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"


def in_language(language, function, *args, **kwargs):
    with translation.override(language):
        return function(*args, **kwargs)


def test_meeting_date_in_russian_has_the_month_in_the_genitive():
    meeting = MeetingFactory(date=datetime.date(2016, 7, 13))

    assert in_language("ru", meeting_date, meeting) == f"13 июля 2016{NNBSP}г."


def test_programme_date_with_its_weekday_in_french():
    meeting = MeetingFactory(date=datetime.date(2016, 7, 20))

    assert in_language("fr", meeting_date, meeting, weekday=True) == "mercredi 20 juillet 2016"


def test_meeting_time_in_chinese_and_in_english():
    meeting = MeetingFactory(start_time=datetime.time(10), end_time=datetime.time(13))

    assert in_language("zh-hans", meeting_time, meeting) == "10:00–13:00"
    assert in_language("en", meeting_time, meeting) == "10:00–13:00"


def test_meeting_time_without_its_end_is_its_start():
    meeting = MeetingFactory(start_time=datetime.time(9, 30), end_time=None)

    assert in_language("es", meeting_time, meeting) == "9:30"


def test_meeting_time_past_midnight_says_it_ends_the_next_day():
    meeting = MeetingFactory(
        start_time=datetime.time(22), end_time=datetime.time(1), ends_next_day=True
    )

    assert meeting_time(meeting) == "22:00–01:00 the next day"


def test_meeting_without_a_date_is_to_be_confirmed_in_any_language():
    meeting = MeetingFactory(date=None)

    assert in_language("ar", meeting_date, meeting) == in_language("ar", to_be_confirmed)


def test_postponement_notice_dates_the_earlier_day_in_spanish():
    meeting = MeetingFactory(date=datetime.date(2016, 7, 20))
    Postponement.objects.create(meeting=meeting, date=datetime.date(2016, 7, 13))

    assert "13 de julio de 2016" in in_language("es", meeting_notice, meeting)
